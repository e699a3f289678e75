/* htmlpack.c - replacing long text, attribute values and script bodies by
 * markers before libxml2 parses a page (see htmlpack.h). One forward scan
 * that models libxml2 2.9's HTML tokenizer; whatever it cannot model ends
 * the packing and the rest of the page is copied as it is. */
#include "htmlpack.h"

#include <string.h>

#include <unicode/utf8.h>

#include "str.h"

#define MARK_BASE 0xF0000u /* U+F0000: the first marker code point */
#define MAX_SPANS 0x1FFFEu /* markers up to U+10FFFD */
#define CHUNK     1000     /* libxml2's HTML_PARSER_BIG_BUFFER_SIZE */
#define NAME_MAX  100      /* libxml2's HTML_PARSER_BUFFER_SIZE */
#define MIN_SAVING                                                             \
    5 /* least bytes replaced, newlines aside (a marker is 4)                  \
       */

typedef struct packer {
    px_arena *a;
    const unsigned char *p; /* the page */
    size_t n;
    char *out;
    size_t w;    /* bytes written to out */
    size_t from; /* page bytes before this are written or replaced */
    px_html_span *spans;
    size_t n_spans;
    size_t cap_spans;
    px_html_blank *blanks;
    size_t n_blanks;
    size_t cap_blanks;
    px_html_list *lists;
    size_t n_lists;
    size_t cap_lists;
    size_t amp;   /* the next '&' at or after the scan, or n */
    bool has_bad; /* the page holds characters libxml2 drops in text */
    bool oom;
} packer;

/* How the text run at hand starts, as far as chunking goes. */
typedef enum {
    RUN_NONE,     /* not to be replaced */
    RUN_EXACT,    /* libxml2's character data starts where the run does */
    RUN_UNCERTAIN /* it may start a byte or so earlier */
} run_kind;

static bool
is_blank(unsigned char c)
{
    static const bool blanks[256] = {
        [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1};
    return blanks[c];
}

static bool
is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* htmlParseHTMLName's characters: ASCII letters and digits, ':', '-',
 * '_' and '.'. */
static bool
is_name_char(unsigned char c)
{
    return (px_ascii_class[c] & PX_ASCII_NAME) != 0;
}

static bool
is_name_start(unsigned char c)
{
    return is_letter(c) || c == '_' || c == ':' || c == '.';
}

/* High bit of each byte of x (ASCII) that is zero, exactly (no borrow
 * from a neighbouring byte). */
static uint64_t
zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
    return ~(((x & low7) + low7) | x) & ~low7;
}

/* True if the bytes of the ASCII word x flagged in below (its bytes under
 * 0x20) are all tab, line feed or carriage return. */
static bool
only_blanks_below(uint64_t x, uint64_t below)
{
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t blanks = zero_bytes(x ^ (ones * 0x09)) |
                            zero_bytes(x ^ (ones * 0x0A)) |
                            zero_bytes(x ^ (ones * 0x0D));
    return (below & ~blanks) == 0;
}

/* True if the 8 bytes at p are ASCII from 0x20 on, tab, line feed or
 * carriage return. */
static bool
plain_word(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t high = 0x8080808080808080u;
    if ((x & high) != 0) {
        return false;
    }
    const uint64_t below = ~(x + ones * 0x60) & high;
    return below == 0 || only_blanks_below(x, below);
}

/* True if the 16 bytes at p are ASCII from 0x20 on, tab, line feed or
 * carriage return (what page_ok passes without a look at each byte). Two
 * words at a time: most of a page is markup, so the first test mostly
 * settles it. */
static bool
plain_pair(const unsigned char *p)
{
    uint64_t x;
    uint64_t y;
    memcpy(&x, p, sizeof x);
    memcpy(&y, p + sizeof x, sizeof y);
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t high = 0x8080808080808080u;
    if (((x | y) & high) != 0) {
        return false;
    }
    /* an ASCII byte plus 0x60 has its high bit set iff it is 0x20 or more */
    const uint64_t bx = ~(x + ones * 0x60) & high;
    const uint64_t by = ~(y + ones * 0x60) & high;
    if ((bx | by) == 0) {
        return true;
    }
    return only_blanks_below(x, bx) && only_blanks_below(y, by);
}

/* Length of the strict UTF-8 character at p[i] that is not a marker code
 * point (U+F0000 on: lead bytes F3 B0.. and F4), or 0. */
static size_t
utf8_len(const unsigned char *p, size_t n, size_t i)
{
    const unsigned char c = p[i];
    const size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                       : c >= 0xE0 && c <= 0xEF ? 3
                       : c >= 0xF0 && c <= 0xF3 ? 4
                                                : 0;
    if (len == 0 || i + len > n) {
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if ((p[i + k] & 0xC0) != 0x80) {
            return 0;
        }
    }
    const unsigned char d = p[i + 1];
    if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0) ||
        (c == 0xF0 && d < 0x90) || (c == 0xF3 && d >= 0xB0)) {
        return 0; /* overlong, surrogate, marker */
    }
    return len;
}

/* Strict UTF-8 without NUL bytes and without the marker code points; sets
 * *has_bad if the page holds control characters or U+FFFE/U+FFFF. */
static bool
page_ok(const unsigned char *p, size_t n, bool *has_bad)
{
    size_t i = 0;
    while (i < n) {
        if (i + 16 <= n && plain_pair(p + i)) {
            i += 16;
            continue;
        }
        if (i + 8 <= n && plain_word(p + i)) {
            i += 8;
            continue;
        }
        const unsigned char c = p[i];
        if (c == 0) {
            return false;
        }
        if (c < 0x80) {
            *has_bad = *has_bad || (c < 0x20 && !is_blank(c));
            i++;
            continue;
        }
        const size_t len = utf8_len(p, n, i);
        if (len == 0) {
            return false;
        }
        *has_bad =
            *has_bad || (c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE);
        i += len;
    }
    return true;
}

static size_t
count_nl(const unsigned char *p, size_t len)
{
    size_t nl = 0;
    for (const unsigned char *q = p;
         (q = memchr(q, '\n', len - (size_t)(q - p))); q++) {
        nl++;
    }
    return nl;
}

/* Adds the span [off, off+len) (nl newlines in it) and writes the page
 * up to off; sets *cp to its marker code point. False if there is no room
 * for another span. */
static bool
new_span(packer *k, size_t off, size_t len, size_t nl, uint32_t *cp)
{
    if (k->n_spans >= MAX_SPANS || k->oom) {
        return false;
    }
    if (k->n_spans == k->cap_spans) {
        const size_t cap = k->cap_spans == 0 ? 256 : k->cap_spans * 2;
        px_html_span *s = px_arena_alloc(k->a, cap * sizeof *s);
        if (s == NULL) {
            k->oom = true;
            return false;
        }
        if (k->n_spans > 0) {
            memcpy(s, k->spans, k->n_spans * sizeof *s);
        }
        k->spans = s;
        k->cap_spans = cap;
    }
    k->spans[k->n_spans] =
        (px_html_span){(uint32_t)off, (uint32_t)len, (uint32_t)nl};
    *cp = MARK_BASE + (uint32_t)k->n_spans++;
    memcpy(k->out + k->w, k->p + k->from, off - k->from);
    k->w += off - k->from;
    return true;
}

/* Writes marker cp and nl newlines. */
static void
write_marker(packer *k, uint32_t cp, size_t nl)
{
    char *o = k->out + k->w;
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    memset(o + 4, '\n', nl);
    k->w += 4 + nl;
}

/* Writes the marker for page bytes [off, off+len) (nl newlines in them). */
static void
put_marker(packer *k, size_t off, size_t len, size_t nl)
{
    uint32_t cp = 0;
    if (new_span(k, off, len, nl, &cp)) {
        write_marker(k, cp, nl);
        k->from = off + len;
    }
}

/* Byte length of the UTF-8 character led by c (the page is valid). */
static size_t
char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* libxml2 reads the character data [s, e) in chunks of CHUNK bytes (a
 * chunk ends with the character that fills it). Returns false if the last
 * chunk is blank (areBlanks might drop it); sets *first_end to the end of
 * the first chunk (e if there is one chunk). */
static bool
chunks_ok(const unsigned char *p, size_t s, size_t e, size_t *first_end)
{
    size_t last = s; /* where the last chunk starts */
    *first_end = e;
    while (e - last >= CHUNK) {
        size_t q = last + CHUNK - 1; /* the character holding this byte */
        while ((p[q] & 0xC0) == 0x80) {
            q--;
        }
        last = q + char_len(p[q]);
        *first_end = *first_end == e ? last : *first_end;
    }
    for (size_t q = last; q < e; q++) {
        if (!is_blank(p[q])) {
            return true;
        }
    }
    return last == e; /* no last chunk: every chunk was a full one */
}

/* True if [s, e) holds a character libxml2 drops from text. */
static bool
has_dropped(const packer *k, size_t s, size_t e)
{
    const unsigned char *p = k->p;
    for (size_t i = s; k->has_bad && i < e; i++) {
        const unsigned char c = p[i];
        if ((c < 0x20 && !is_blank(c)) ||
            (c == 0xEF && i + 2 < e && p[i + 1] == 0xBF && p[i + 2] >= 0xBE)) {
            return true;
        }
    }
    return false;
}

/* Grows an arena array of n items of size sz to hold one more. */
static void *
grow(packer *k, void *arr, size_t n, size_t *cap, size_t sz)
{
    if (n < *cap) {
        return arr;
    }
    const size_t c = *cap == 0 ? 256 : *cap * 2;
    void *g = px_arena_alloc(k->a, c * sz);
    if (g == NULL) {
        k->oom = true;
        return NULL;
    }
    if (n > 0) {
        memcpy(g, arr, n * sz);
    }
    *cap = c;
    return g;
}

/* A run of blanks [s, e) that libxml2 reads as one chunk from its start:
 * shortened to its newlines, or to its first blank. */
static void
pack_blank(packer *k, size_t s, size_t e)
{
    const size_t nl = count_nl(k->p + s, e - s);
    const size_t plen = nl + 1;
    if (e - s >= CHUNK || e - s < plen + 2 || k->oom) {
        return;
    }
    px_html_blank *b =
        grow(k, k->blanks, k->n_blanks, &k->cap_blanks, sizeof *b);
    if (b == NULL) {
        return;
    }
    k->blanks = b;
    memcpy(k->out + k->w, k->p + k->from, s - k->from);
    k->w += s - k->from;
    k->out[k->w] = '\r';
    memset(k->out + k->w + 1, '\n', nl);
    k->w += plen;
    k->blanks[k->n_blanks++] = (px_html_blank){
        (uint32_t)k->w, (uint32_t)s, (uint32_t)(e - s), (uint32_t)plen};
    k->from = e;
}

/* Text run [s, e): replaces it, but for its trailing blanks, if libxml2
 * would give the same text for the marker. */
static void
pack_text(packer *k, size_t s, size_t e, run_kind kind)
{
    const unsigned char *p = k->p;
    if (kind == RUN_NONE || e - s < 3) {
        return;
    }
    size_t t = e; /* end of the last non-blank character */
    while (t > s && is_blank(p[t - 1])) {
        t--;
    }
    if (t == s) {
        if (kind == RUN_EXACT) {
            pack_blank(k, s, e);
        }
        return;
    }
    if (t - s < MIN_SAVING || 5 + (e - t) >= CHUNK || has_dropped(k, s, e)) {
        return;
    }
    /* A long run keeps its first chunk: libxml2 creates the text node (and
     * any implied <p>) when that chunk is full, on the line it is on. */
    size_t from = s;
    if (kind == RUN_UNCERTAIN ? e - s + 1 >= CHUNK
                              : !chunks_ok(p, s, e, &from)) {
        return;
    }
    if (from == e && e - s >= CHUNK) {
        return; /* one full chunk, read before its last character's line
                   feed counts: nothing after it to pack */
    }
    from = from == e ? s : from;
    const size_t nl = from < t ? count_nl(p + from, t - from) : 0;
    if (from >= t || t - from < nl + MIN_SAVING || 5 + nl + (e - t) >= CHUNK) {
        return;
    }
    put_marker(k, from, t - from, nl);
}

/* A quoted attribute value or a script body [s, e): replaced whole. */
static void
pack_value(packer *k, size_t s, size_t e, bool is_body)
{
    const unsigned char *p = k->p;
    if (e - s < MIN_SAVING) {
        return;
    }
    if (is_body ? has_dropped(k, s, e) : memchr(p + s, '&', e - s) != NULL) {
        return; /* control characters end libxml2's script loop; values
                 * with character references are left alone */
    }
    const size_t nl = count_nl(p + s, e - s);
    if (e - s >= nl + MIN_SAVING && nl < CHUNK - 8) {
        put_marker(k, s, e - s, nl);
    }
}

/* ---- tags -----------------------------------------------------------------
 */

static size_t
skip_blanks(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && is_blank(p[i])) {
        i++;
    }
    return i;
}

static bool
name_is(const unsigned char *p, size_t len, const char *want)
{
    if (strlen(want) != len) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 0x20 : p[i];
        if (c != (unsigned char)want[i]) {
            return false;
        }
    }
    return true;
}

/* Which quoted attribute values of a start tag may be packed. libxml2
 * reads the values of <meta>'s http-equiv and charset, and its content
 * when the tag has an http-equiv (htmlCheckMeta), and some of <html>,
 * <head> and <body>. */
typedef enum {
    VALS_NONE,         /* none */
    VALS_ALL,          /* all */
    VALS_META,         /* all but http-equiv and charset */
    VALS_META_NO_HTTP, /* all but http-equiv, charset and content */
} vals;

/* True if values of the attribute named p[0..len) may be packed. */
static bool
value_packs(vals v, const unsigned char *p, size_t len)
{
    if (v == VALS_NONE || v == VALS_ALL) {
        return v == VALS_ALL;
    }
    return !name_is(p, len, "http-equiv") && !name_is(p, len, "charset") &&
           (v == VALS_META || !name_is(p, len, "content"));
}

/* What the attributes of a <meta> hold that htmlCheckMeta reads. */
enum { SEEN_HTTP = 1, SEEN_CHARSET = 2 };

/* Parses one attribute at p[i] (a name start) as htmlParseAttribute does;
 * returns the index after it, or 0 if libxml2 would read it otherwise.
 * Adds to *seen (unless NULL) SEEN_HTTP for an http-equiv attribute,
 * SEEN_CHARSET for a charset one. */
static size_t
attribute(packer *k, size_t i, vals v, unsigned *seen)
{
    const unsigned char *p = k->p;
    const size_t n = k->n;
    const size_t name = i;
    while (i < n && is_name_char(p[i])) {
        i++;
    }
    if (i - name >= NAME_MAX) {
        return 0;
    }
    const size_t name_len = i - name;
    if (seen != NULL) {
        *seen |= name_is(p + name, name_len, "http-equiv") ? SEEN_HTTP
                 : name_is(p + name, name_len, "charset")  ? SEEN_CHARSET
                                                           : 0u;
    }
    i = skip_blanks(p, n, i);
    if (i >= n || p[i] != '=') {
        return i;
    }
    i = skip_blanks(p, n, i + 1);
    if (i >= n) {
        return 0;
    }
    if (p[i] == '"' || p[i] == '\'') {
        const unsigned char *q = memchr(p + i + 1, p[i], n - i - 1);
        if (q == NULL) {
            return 0;
        }
        const size_t end = (size_t)(q - p);
        if (value_packs(v, p + name, name_len)) {
            pack_value(k, i + 1, end, false);
        }
        return end + 1;
    }
    while (i < n && !is_blank(p[i]) && p[i] != '>') {
        i++; /* unquoted: up to a blank or '>' */
    }
    return i;
}

/* Where htmlParseStartTag's skip over a bogus attribute at p[i] (no name
 * start) ends: at a blank, '>' or "/>", quotes or not; 0 at a control
 * character (it ends the tag's loop: not modelled). */
static size_t
bogus_end(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && !is_blank(p[i]) && p[i] != '>' &&
           !(p[i] == '/' && i + 1 < n && p[i + 1] == '>')) {
        if (p[i] < 0x20) {
            return 0;
        }
        i++;
    }
    return i;
}

/* Parses the attributes of a start tag from p[i] (after its name) to its
 * end, packing values as v allows; returns the index after the tag, or 0
 * to stop packing. Adds to *seen as attribute does, and sets *is_end_gt if
 * the tag ends with '>' (not "/>"). */
static inline size_t
attributes(packer *k, size_t i, vals v, unsigned *seen, bool *is_end_gt)
{
    const unsigned char *p = k->p;
    const size_t n = k->n;
    for (;;) {
        i = skip_blanks(p, n, i);
        if (i >= n) {
            return 0;
        }
        if (p[i] == '>' || (p[i] == '/' && i + 1 < n && p[i + 1] == '>')) {
            *is_end_gt = p[i] == '>';
            return i + (p[i] == '>' ? 1 : 2);
        }
        i = is_name_start(p[i]) ? attribute(k, i, v, seen) : bogus_end(p, n, i);
        if (i == 0) {
            return 0;
        }
    }
}

/* The value of the character reference "&#..." at p[i], or 0 unless it
 * ends with ';' and names a character libxml2 keeps (IS_CHAR); *end is
 * past the ';'. */
static uint32_t
char_ref(const unsigned char *p, size_t n, size_t i, size_t *end)
{
    size_t j = i + 2;
    const bool hex = j < n && (p[j] | 0x20) == 'x';
    j += hex ? 1 : 0;
    const size_t digits = j;
    uint32_t v = 0;
    for (; j < n && j - digits < 8; j++) {
        const int d = px_ascii_digit(p[j], hex);
        if (d < 0) {
            break;
        }
        v = v * (hex ? 16 : 10) + (uint32_t)d;
    }
    if (j == digits || j >= n || p[j] != ';') {
        return 0;
    }
    *end = j + 1;
    const bool is_char =
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
        (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
    return is_char ? v : 0;
}

/* True if every '&' in p[s..e) reads the same in each of
 * htmlParseHTMLAttribute's paths as px_html_attr_value decodes it: "&#"
 * with digits, ';' and a kept character, '&' and an ASCII name (then ';'
 * or another ASCII byte), or '&' and an ASCII byte that starts no name. */
static bool
refs_plain(const unsigned char *p, size_t s, size_t e)
{
    for (const unsigned char *a = memchr(p + s, '&', e - s); a != NULL;
         a = memchr(a + 1, '&', e - (size_t)(a + 1 - p))) {
        const size_t i = (size_t)(a - p);
        if (i + 1 >= e || p[i + 1] >= 0x80) {
            return false;
        }
        size_t end = 0;
        if (p[i + 1] == '#') {
            if (char_ref(p, e, i, &end) == 0) {
                return false;
            }
            continue;
        }
        size_t j = i + 1;
        if (!(is_letter(p[j]) || p[j] == '_' || p[j] == ':')) {
            continue; /* no name: the '&' is text */
        }
        while (j < e && is_name_char(p[j])) {
            j++;
        }
        if (j >= e || p[j] >= 0x80) {
            return false; /* libxml2's slow path for names */
        }
    }
    return true;
}

/* Cuts the attribute list p[s..term) (from the end of the tag's name
 * to its '>' or "/>") out of the text, but for its newlines, and records
 * it; name is where the tag's name starts. False if it holds a reference
 * px_html_attr_value does not decode as libxml2 does (or on OOM). */
static bool
pack_attrs(packer *k, size_t name, size_t s, size_t term)
{
    const unsigned char *p = k->p;
    if (term - s < 2 || k->oom || !refs_plain(p, s, term)) {
        return false;
    }
    px_html_list *l = grow(k, k->lists, k->n_lists, &k->cap_lists, sizeof *l);
    if (l == NULL) {
        return false;
    }
    k->lists = l;
    const size_t nl = count_nl(p + s, term - s);
    memcpy(k->out + k->w, p + k->from, s - k->from);
    k->w += s - k->from;
    memset(k->out + k->w, '\n', nl);
    k->w += nl;
    k->lists[k->n_lists++] =
        (px_html_list){(uint32_t)k->w, (uint32_t)name, (uint32_t)(s - name),
                       (uint32_t)s, (uint32_t)(term - s)};
    k->from = term;
    return true;
}

/* Parses the start tag at p[i] ('<' and a letter) as htmlParseStartTag
 * does; returns the index after it, or 0 to stop packing. *raw is
 * "script" or "style" when such a body follows, else NULL. */
static size_t
start_tag(packer *k, size_t i, const char **raw)
{
    const unsigned char *p = k->p;
    const size_t n = k->n;
    const size_t name = i + 1;
    i = name;
    while (i < n && is_name_char(p[i])) {
        i++;
    }
    const size_t nl = i - name;
    if (nl >= NAME_MAX) {
        return 0;
    }
    const char *is_raw = name_is(p + name, nl, "script")  ? "script"
                         : name_is(p + name, nl, "style") ? "style"
                                                          : NULL;
    const bool is_meta = name_is(p + name, nl, "meta");
    const bool is_top = name_is(p + name, nl, "html") ||
                        name_is(p + name, nl, "head") ||
                        name_is(p + name, nl, "body");
    unsigned seen = 0;
    bool is_end_gt = false;
    /* a first pass, packing nothing, finds the end (and http-equiv) */
    const size_t end =
        attributes(k, i, VALS_NONE, is_meta ? &seen : NULL, &is_end_gt);
    if (end == 0) {
        return 0;
    }
    *raw = is_end_gt ? is_raw : NULL;
    if (is_top) {
        return end;
    }
    if ((seen & (SEEN_HTTP | SEEN_CHARSET)) == 0 &&
        pack_attrs(k, name, i, end - (is_end_gt ? 1 : 2))) {
        return end;
    }
    const vals v = !is_meta                  ? VALS_ALL
                   : (seen & SEEN_HTTP) != 0 ? VALS_META_NO_HTTP
                                             : VALS_META;
    return attributes(k, i, v, NULL, &is_end_gt);
}

/* The end of the script or style body starting at p[i]: the first "</"
 * followed by the element's name (any case), as htmlParseScript stops in
 * recovery mode; n if there is none. */
static size_t
raw_end(const packer *k, size_t i, const char *name)
{
    const unsigned char *p = k->p;
    const size_t len = strlen(name);
    while (i < k->n) {
        const unsigned char *q = memchr(p + i, '<', k->n - i);
        if (q == NULL) {
            return k->n;
        }
        i = (size_t)(q - p);
        if (i + 2 + len <= k->n && p[i + 1] == '/' &&
            name_is(p + i + 2, len, name)) {
            /* "</scriptx": libxml2 reads on; not modelled */
            return i + 2 + len < k->n && is_name_char(p[i + 2 + len]) ? k->n
                                                                      : i;
        }
        i++;
    }
    return k->n;
}

/* ---- the scan -------------------------------------------------------------
 */

/* The end of the character reference at p[i] ('&') if it is one of the
 * forms whose end htmlParseReference finds for sure ("&#65;", "&#x41;",
 * "&name;"), else 0. */
static size_t
reference_end(const unsigned char *p, size_t n, size_t i)
{
    size_t j = i + 1;
    if (j < n && p[j] == '#') {
        j++;
        const bool hex = j < n && (p[j] == 'x' || p[j] == 'X');
        j += hex ? 1 : 0;
        const size_t digits = j;
        while (j < n &&
               ((p[j] >= '0' && p[j] <= '9') ||
                (hex && ((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'f')))) {
            j++;
        }
        return j > digits && j < n && p[j] == ';' ? j + 1 : 0;
    }
    if (j >= n || !(is_letter(p[j]) || p[j] == '_' || p[j] == ':')) {
        return 0;
    }
    while (j < n && is_name_char(p[j])) {
        j++;
    }
    return j < n && p[j] == ';' ? j + 1 : 0;
}

/* The end of the DOCTYPE declaration at p[i] (its '>' outside quotes),
 * or 0 if it holds a '<' or a control character: the next markup is then
 * where libxml2 sees it, whatever it makes of the declaration. */
static size_t
doctype_end(const unsigned char *p, size_t n, size_t i)
{
    unsigned char quote = 0;
    for (size_t j = i + 2; j < n; j++) {
        const unsigned char c = p[j];
        if (c == '<' || (c < 0x20 && !is_blank(c))) {
            return 0;
        }
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return j + 1;
        }
    }
    return 0;
}

/* The end of the processing instruction at p[i] ("<?") as htmlParsePI
 * reads it: a name on htmlParseName's ASCII path, then everything up to
 * the first '>'; 0 if libxml2 would read it otherwise (no name, a name
 * running into a non-ASCII byte, a character that is not IS_CHAR before
 * the '>', no '>'). */
static size_t
pi_end(const unsigned char *p, size_t n, size_t i)
{
    size_t j = i + 2;
    if (j >= n || !(is_letter(p[j]) || p[j] == '_' || p[j] == ':')) {
        return 0;
    }
    while (j < n && is_name_char(p[j])) {
        j++;
    }
    if (j >= n || p[j] >= 0x80) {
        return 0;
    }
    for (; j + 2 < n; j++) {
        if (p[j] == '>') {
            return j + 1;
        }
        if ((p[j] < 0x20 && !is_blank(p[j])) ||
            (p[j] == 0xEF && p[j + 1] == 0xBF && p[j + 2] >= 0xBE)) {
            return 0;
        }
    }
    return 0;
}

/* The first '<' or '&' at or after i, or n. */
static size_t
next_markup(packer *k, size_t i)
{
    const unsigned char *p = k->p;
    if (k->amp < i) {
        const unsigned char *a = memchr(p + i, '&', k->n - i);
        k->amp = a != NULL ? (size_t)(a - p) : k->n;
    }
    const size_t lim = k->amp;
    const unsigned char *lt = memchr(p + i, '<', lim - i);
    return lt != NULL ? (size_t)(lt - p) : lim;
}

/* Handles the markup at p[i] ('<'); returns where the scan goes on and
 * sets *kind for the text that follows, or returns 0 to stop packing. */
static size_t
markup(packer *k, size_t i, bool *in_body, run_kind *kind)
{
    const unsigned char *p = k->p;
    const size_t n = k->n;
    const unsigned char c = i + 1 < n ? p[i + 1] : 0;
    *kind = *in_body ? RUN_EXACT : RUN_NONE;
    if (is_letter(c)) {
        const char *raw = NULL;
        const size_t end = start_tag(k, i, &raw);
        if (end == 0 || raw == NULL) {
            *in_body = *in_body || end != 0;
            *kind = end != 0 ? RUN_EXACT : RUN_NONE;
            return end;
        }
        *in_body = true;
        const size_t body_end = raw_end(k, end, raw);
        if (body_end == n || p[end] == '<') {
            return 0; /* libxml2 reads markup at the body's start as such */
        }
        pack_value(k, end, body_end, true);
        return body_end; /* its end tag comes next */
    }
    if (c == '/' && i + 2 < n && is_letter(p[i + 2])) {
        const unsigned char *gt = memchr(p + i, '>', n - i);
        return gt == NULL ? 0 : (size_t)(gt - p) + 1;
    }
    if (c == '!' && i + 3 < n && p[i + 2] == '-' && p[i + 3] == '-') {
        const unsigned char *e = NULL;
        for (size_t j = i + 4; j + 2 < n && e == NULL; j++) {
            if ((p[j] < 0x20 && !is_blank(p[j])) ||
                (p[j] == 0xEF && p[j + 1] == 0xBF && p[j + 2] >= 0xBE)) {
                return 0; /* ends libxml2's comment loop (not IS_CHAR) */
            }
            e = p[j] == '-' && p[j + 1] == '-' && p[j + 2] == '>' ? p + j
                                                                  : NULL;
        }
        return e == NULL ? 0 : (size_t)(e - p) + 3;
    }
    if (c == '!' && !*in_body && i + 9 <= n &&
        name_is(p + i + 2, 7, "doctype")) {
        return doctype_end(p, n, i);
    }
    if (c == '?') {
        return pi_end(p, n, i); /* the text after it starts exactly */
    }
    const bool doctype = i + 9 <= n && name_is(p + i + 2, 7, "doctype");
    if ((c == '!' && doctype) || c == '/' || !*in_body) {
        return 0; /* misplaced DOCTYPE, "</ ": not modelled */
    }
    /* anything else, "<![endif]-->" too, is a '<' of text */
    *kind = RUN_UNCERTAIN; /* '<' is text; so may be what follows */
    return i + 1;
}

static void
scan(packer *k)
{
    const unsigned char *p = k->p;
    const size_t n = k->n;
    bool in_body = false; /* past the first start tag */
    run_kind kind = RUN_NONE;
    size_t i = 0;
    while (i < n) {
        const size_t j = next_markup(k, i);
        pack_text(k, i, j, kind);
        if (j >= n) {
            return;
        }
        if (p[j] == '&') {
            const size_t e = reference_end(p, n, j);
            kind = e != 0 && in_body ? RUN_UNCERTAIN : RUN_NONE;
            i = e != 0 ? e : j + 1;
            continue;
        }
        i = markup(k, j, &in_body, &kind);
        if (i == 0) {
            return;
        }
    }
}

bool
px_html_pack(px_arena *a, px_str html, px_html_packed *out)
{
    *out = (px_html_packed){html, html.ptr, NULL, 0, NULL, 0, NULL, 0};
    const unsigned char *p = (const unsigned char *)html.ptr;
    packer k = {0};
    if (html.len == 0 || html.len > UINT32_MAX - 1 ||
        !page_ok(p, html.len, &k.has_bad)) {
        return true;
    }
    k.a = a;
    k.p = p;
    k.n = html.len;
    const unsigned char *amp = memchr(p, '&', html.len);
    k.amp = amp != NULL ? (size_t)(amp - p) : html.len;
    k.out = px_arena_alloc(a, html.len + 1);
    if (k.out == NULL) {
        return false;
    }
    scan(&k);
    if (k.oom) {
        return false;
    }
    if (k.n_spans == 0 && k.n_blanks == 0 && k.n_lists == 0) {
        return true;
    }
    memcpy(k.out + k.w, p + k.from, k.n - k.from);
    k.w += k.n - k.from;
    k.out[k.w] = '\0';
    out->text = (px_str){k.out, k.w};
    out->spans = k.spans;
    out->n_spans = k.n_spans;
    out->blanks = k.blanks;
    out->n_blanks = k.n_blanks;
    out->lists = k.lists;
    out->n_lists = k.n_lists;
    return true;
}

const px_html_span *
px_html_marker(const px_html_packed *pk, const unsigned char *s, size_t len,
               size_t *mlen)
{
    if (len < 4 || (s[0] != 0xF3 && s[0] != 0xF4)) {
        return NULL;
    }
    const uint32_t cp =
        ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
        ((uint32_t)(s[2] & 0x3F) << 6) | (uint32_t)(s[3] & 0x3F);
    if (cp < MARK_BASE || cp - MARK_BASE >= pk->n_spans) {
        return NULL;
    }
    const px_html_span *sp = &pk->spans[cp - MARK_BASE];
    *mlen = 4 + sp->nl;
    return *mlen <= len ? sp : NULL;
}

bool
px_html_attr_next(const char *s, size_t len, size_t *i, px_html_attr *at)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t j = skip_blanks(p, len, *i);
    while (j < len && !is_name_start(p[j])) {
        const size_t e = bogus_end(p, len, j);
        if (e <= j) {
            return false; /* not in a list the scan packed */
        }
        j = skip_blanks(p, len, e);
    }
    if (j >= len) {
        *i = j;
        return false;
    }
    const size_t name = j;
    while (j < len && is_name_char(p[j])) {
        j++;
    }
    at->name = s + name;
    at->name_len = j - name;
    at->value = NULL;
    at->value_len = 0;
    size_t v = skip_blanks(p, len, j);
    if (v >= len || p[v] != '=') {
        *i = v;
        return true;
    }
    v = skip_blanks(p, len, v + 1);
    if (v < len && (p[v] == '"' || p[v] == '\'')) {
        const unsigned char *q = memchr(p + v + 1, p[v], len - v - 1);
        const size_t e = q != NULL ? (size_t)(q - p) : len;
        at->value = s + v + 1;
        at->value_len = e - v - 1;
        *i = e < len ? e + 1 : len;
        return true;
    }
    size_t e = v;
    while (e < len && !is_blank(p[e])) {
        e++;
    }
    at->value = s + v;
    at->value_len = e - v;
    *i = e;
    return true;
}

size_t
px_html_attr_value(const char *v, size_t len, char *out,
                   uint32_t (*entity)(const char *name))
{
    const unsigned char *p = (const unsigned char *)v;
    size_t w = 0;
    size_t i = 0;
    while (i < len) {
        const unsigned char *a = memchr(p + i, '&', len - i);
        const size_t at = a != NULL ? (size_t)(a - p) : len;
        memcpy(out + w, v + i, at - i);
        w += at - i;
        if (at >= len) {
            break;
        }
        size_t end = at + 1;
        uint32_t c = 0;
        if (at + 1 < len && p[at + 1] == '#') {
            c = char_ref(p, len, at, &end);
        } else if (at + 1 < len && (is_letter(p[at + 1]) || p[at + 1] == '_' ||
                                    p[at + 1] == ':')) {
            while (end < len && is_name_char(p[end])) {
                end++;
            }
            char name[NAME_MAX + 1];
            const size_t nlen = end - at - 1;
            if (end < len && p[end] == ';' && nlen <= NAME_MAX) {
                memcpy(name, v + at + 1, nlen);
                name[nlen] = '\0';
                c = entity(name);
                end = c != 0 ? end + 1 : end;
            }
        }
        if (c == 0) { /* the '&' and any name are text */
            memcpy(out + w, v + at, end - at);
            w += end - at;
        } else {
            U8_APPEND_UNSAFE(out, w, c);
        }
        i = end;
    }
    return w;
}
