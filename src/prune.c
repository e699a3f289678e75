/* prune.c - cutting scripts, styles, SVG, comments and other unread
 * blocks out of raw HTML, and unread attributes out of start tags, with one
 * forward scan (memchr for '<'), before parsing. */
#include "prune.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "error.h"
#include "str.h"

/* The kinds of block cut out, with the text that ends each. */
typedef enum {
    CUT_NONE,
    CUT_SCRIPT,
    CUT_STYLE,
    CUT_SVG,
    CUT_NOSCRIPT,
    CUT_SELECT,
    CUT_TEMPLATE,
    CUT_IFRAME,
    CUT_TEXTAREA,
    CUT_PICTURE,
    CUT_COMMENT,
    CUT_KEEP /* a JSON-LD script: copied as it is */
} cut;

/* The elements cut, by kind (CUT_SCRIPT .. CUT_PICTURE). */
static const char *const cut_names[] = {
    "",       "script",   "style",  "svg",      "noscript",
    "select", "template", "iframe", "textarea", "picture"};

static unsigned char
lower(unsigned char c)
{
    /* each byte, upper-case ASCII letters lower-cased */
    static const unsigned char to_lower[256] = {
        0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,
        14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,
        28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  40,  41,
        42,  43,  44,  45,  46,  47,  48,  49,  50,  51,  52,  53,  54,  55,
        56,  57,  58,  59,  60,  61,  62,  63,  64,  97,  98,  99,  100, 101,
        102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115,
        116, 117, 118, 119, 120, 121, 122, 91,  92,  93,  94,  95,  96,  97,
        98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125,
        126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139,
        140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153,
        154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167,
        168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181,
        182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195,
        196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209,
        210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
        224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237,
        238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251,
        252, 253, 254, 255};
    return to_lower[c];
}

/* True if the byte after a tag name ends the name. */
static bool
name_ends(const char *p, size_t n, size_t at)
{
    if (at >= n) {
        return true;
    }
    const unsigned char c = (unsigned char)p[at];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' ||
           c == '\r' || c == '\f';
}

/* The end of the start tag beginning at p (just after its '>'), or n. */
static size_t
tag_end(const char *p, size_t n)
{
    const char *gt = memchr(p, '>', n);
    return gt == NULL ? n : (size_t)(gt - p) + 1;
}

/* True if the script start tag p[0..len) declares JSON-LD. */
static bool
is_json_ld(const char *p, size_t len)
{
    for (size_t i = 0; i + 7 <= len; i++) {
        if (lower((unsigned char)p[i]) == 'l' &&
            px_str_istarts_c((px_str){p + i, len - i}, "ld+json")) {
            return true;
        }
    }
    return false;
}

/* What kind of block starts at p ('<' at p[0]), if any is to be cut. */
static cut
cut_at(const char *p, size_t n)
{
    if (n >= 4 && memcmp(p, "<!--", 4) == 0) {
        return CUT_COMMENT;
    }
    const unsigned char c = n > 1 ? lower((unsigned char)p[1]) : 0;
    if (c != 's' && c != 'n' && c != 't' && c != 'i' && c != 'p') {
        return CUT_NONE; /* no name in cut_names starts with c */
    }
    size_t end = 2; /* the name is p[1..end): up to 8 bytes */
    while (end < 10 && !name_ends(p, n, end)) {
        end++;
    }
    if (end == 10) {
        return CUT_NONE; /* longer than every name in cut_names */
    }
    for (int k = CUT_SCRIPT; k <= CUT_PICTURE; k++) {
        if (cut_names[k][0] == (char)c && strlen(cut_names[k]) == end - 1 &&
            px_str_istarts_c((px_str){p + 1, n - 1}, cut_names[k])) {
            if (k == CUT_SCRIPT && is_json_ld(p, tag_end(p, n))) {
                return CUT_KEEP;
            }
            return (cut)k;
        }
    }
    return CUT_NONE;
}

/* Length of the block of kind k starting at p, end marker included. */
static size_t
block_len(const char *p, size_t n, cut k)
{
    char e[16] = "-->";
    if (k != CUT_COMMENT) {
        e[0] = '<';
        e[1] = '/';
        memcpy(e + 2, cut_names[k], strlen(cut_names[k]) + 1);
    }
    const size_t el = strlen(e);
    size_t i = k == CUT_COMMENT ? 4 : 1;
    while (i < n) {
        const char *q = memchr(p + i, e[0], n - i);
        if (q == NULL) {
            return n;
        }
        i = (size_t)(q - p);
        if (k == CUT_COMMENT ? (n - i >= el && memcmp(q, e, el) == 0)
                             : px_str_istarts_c((px_str){q, n - i}, e)) {
            i += el;
            return k == CUT_COMMENT ? i : i + tag_end(p + i, n - i);
        }
        i++;
    }
    return n;
}

/* ---- start tags --------------------------------------------------------- */

static bool
is_space(unsigned char c)
{
    static const bool spaces[256] = {
        [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1};
    return spaces[c];
}

/* ASCII letters and digits, '-', '_', ':' and '.'. */
static bool
is_name_char(unsigned char c)
{
    return (px_ascii_class[c] & PX_ASCII_NAME) != 0;
}

/* True if the attribute name p[0..len) is one some stage reads (meta.c:
 * meta and link fields, microdata, lang; content*.c: class, id, role,
 * hidden, aria-hidden, itemprop). Names with a colon (xml:lang) and xmlns
 * are kept too. */
static bool
keep_name(const char *p, size_t len)
{
    /* the kept names by length (none is longer than 11) */
    static const char *const by_len[12][5] = {
        [2] = {"id"},
        [3] = {"rel"},
        [4] = {"href", "name", "type", "lang", "role"},
        [5] = {"class", "xmlns"},
        [6] = {"hidden"},
        [7] = {"content", "charset"},
        [8] = {"property", "itemprop", "itemtype", "datetime"},
        [9] = {"itemscope"},
        [10] = {"http-equiv"},
        [11] = {"aria-hidden"}};
    if (len < sizeof by_len / sizeof by_len[0]) {
        const unsigned char c0 = lower((unsigned char)p[0]);
        for (size_t k = 0; k < 5 && by_len[len][k] != NULL; k++) {
            const char *w = by_len[len][k];
            if ((unsigned char)w[0] != c0) {
                continue;
            }
            size_t i = 1;
            while (i < len &&
                   lower((unsigned char)p[i]) == (unsigned char)w[i]) {
                i++;
            }
            if (i == len) {
                return true;
            }
        }
    }
    /* names are short: a loop, not a memchr call */
    for (size_t i = 0; i < len; i++) {
        if (p[i] == ':') {
            return true;
        }
    }
    return false;
}

/* True if a style value may hide its element: content_cues.c looks for
 * display:none and visibility:hidden with case and white space ignored;
 * values with character references are kept as well. */
static bool
style_may_hide(const char *v, size_t len)
{
    char buf[256];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++) {
        const unsigned char c = (unsigned char)v[i];
        if (c == '&') {
            return true;
        }
        if (!is_space(c)) {
            buf[n++] = (char)lower(c);
        }
    }
    buf[n] = '\0';
    return strstr(buf, "display:none") != NULL ||
           strstr(buf, "visibility:hidden") != NULL;
}

/* True if v[i..len) starts with the lower-case word w, ASCII case
 * ignored. */
static bool
word_at(const char *v, size_t len, size_t i, const char *w)
{
    for (; *w != '\0'; w++, i++) {
        if (i >= len || lower((unsigned char)v[i]) != (unsigned char)*w) {
            return false;
        }
    }
    return true;
}

/* True if the link target v[0..len) may name an author's page: meta.c's
 * is_author_link looks for paths like "/author/", "/autoren/", "/by/",
 * "/staff/" in the lower-cased href of <a> elements. This keeps a
 * superset (the words without their slashes); values with character
 * references are kept too, and values of 1024 bytes or more. Other links
 * are not read by any stage. One pass, on the words' first letters. */
static bool
href_may_matter(const char *v, size_t len)
{
    if (len >= 1024 || memchr(v, '&', len) != NULL) {
        return true;
    }
    /* the second letter of the words each byte may start (p: two) */
    static const unsigned char second[256] = {
        ['a'] = 'u', ['A'] = 'u', ['j'] = 'o', ['J'] = 'o', ['r'] = 'e',
        ['R'] = 'e', ['p'] = 1,   ['P'] = 1,   ['w'] = 'r', ['W'] = 'r',
        ['s'] = 't', ['S'] = 't', ['/'] = 'b'};
    for (size_t i = 0; i + 1 < len; i++) {
        /* most bytes start no word: one table look before the switch */
        const unsigned char want = second[(unsigned char)v[i]];
        if (want == 0) {
            continue;
        }
        const unsigned char c1 = lower((unsigned char)v[i + 1]);
        if (want != 1 && c1 != want) {
            continue;
        }
        bool hit = false;
        switch (lower((unsigned char)v[i])) {
        case 'a':
            hit = c1 == 'u' &&
                  (word_at(v, len, i, "author") ||
                   word_at(v, len, i, "autor") || word_at(v, len, i, "auteur"));
            break;
        case 'j':
            hit = c1 == 'o' && word_at(v, len, i, "journalist");
            break;
        case 'r':
            hit = c1 == 'e' && (word_at(v, len, i, "redakteur") ||
                                word_at(v, len, i, "report"));
            break;
        case 'p':
            hit = (c1 == 'r' && word_at(v, len, i, "profile")) ||
                  (c1 == 'e' && word_at(v, len, i, "people"));
            break;
        case 'w':
            hit = c1 == 'r' && word_at(v, len, i, "writer");
            break;
        case 's':
            hit = c1 == 't' && word_at(v, len, i, "staff");
            break;
        case '/':
            hit = c1 == 'b' && word_at(v, len, i, "/by/");
            break;
        default:
            break;
        }
        if (hit) {
            return true;
        }
    }
    return false;
}

/* Scans the value after '=' at p[i..n); returns its end, or 0 if it is not
 * a plain quoted or unquoted value. */
static size_t
value_end(const char *p, size_t n, size_t i)
{
    if (i < n && (p[i] == '"' || p[i] == '\'')) {
        const char *q = memchr(p + i + 1, p[i], n - i - 1);
        return q == NULL ? 0 : (size_t)(q - p) + 1;
    }
    const size_t from = i;
    while (i < n && !is_space((unsigned char)p[i]) && p[i] != '>') {
        if (strchr("\"'<=`", p[i]) != NULL) {
            return 0;
        }
        i++;
    }
    return i == from ? 0 : i;
}

/* One attribute at p[i..n) (i at its name): sets *end past it and *keep.
 * False if it is not a plain attribute. */
static bool
attribute(const char *p, size_t n, size_t i, bool is_a, size_t *end, bool *keep)
{
    const size_t name = i;
    const unsigned char c0 = (unsigned char)p[i];
    if (!is_name_char(c0) || c0 == '-' || (c0 >= '0' && c0 <= '9')) {
        return false;
    }
    while (i < n && is_name_char((unsigned char)p[i])) {
        i++;
    }
    const size_t name_len = i - name;
    size_t j = i;
    while (j < n && is_space((unsigned char)p[j])) {
        j++;
    }
    size_t val = i;
    if (j < n && p[j] == '=') {
        j++;
        while (j < n && is_space((unsigned char)p[j])) {
            j++;
        }
        val = j;
        i = value_end(p, n, j);
        if (i == 0) {
            return false;
        }
    }
    *end = i;
    if (is_a && name_len == 4 &&
        px_str_istarts_c((px_str){p + name, 4}, "href")) {
        *keep = href_may_matter(p + val, i - val);
        return true;
    }
    *keep =
        keep_name(p + name, name_len) ||
        (name_len == 5 && px_str_istarts_c((px_str){p + name, 5}, "style") &&
         style_may_hide(p + val, i - val));
    return true;
}

/* Copies the start tag at p ('<' and a letter) into d without the
 * attributes no stage reads; *dl is the length written (never more than
 * the tag's: each attribute kept had white space before it). Returns the length
 * of the tag, or 0 if it is not one this scanner fully understands (d then
 * holds nothing useful). */
static size_t
tag_rewrite(const char *p, size_t n, char *d, size_t *dl)
{
    size_t i = 1;
    while (i < n && is_name_char((unsigned char)p[i])) {
        i++;
    }
    memcpy(d, p, i);
    const bool is_a = i == 2 && lower((unsigned char)p[1]) == 'a';
    size_t o = i;
    for (;;) {
        const size_t before = i;
        while (i < n && is_space((unsigned char)p[i])) {
            i++;
        }
        if (i >= n) {
            return 0;
        }
        if (p[i] == '>' || (p[i] == '/' && i + 1 < n && p[i + 1] == '>')) {
            const size_t tail = p[i] == '>' ? 1 : 2;
            memcpy(d + o, p + i, tail);
            *dl = o + tail;
            return i + tail;
        }
        size_t end = 0;
        bool keep = false;
        if (i == before || !attribute(p, n, i, is_a, &end, &keep)) {
            return 0;
        }
        if (keep) {
            d[o++] = ' ';
            memcpy(d + o, p + i, end - i);
            o += end - i;
        }
        i = end;
    }
}

/* ---- <link> elements in the head --------------------------------------- */

/* Where the scan is as to the page's <head>. meta.c reads one kind of
 * <link> (rel=canonical) and content*.c skips them, so the others are cut
 * where that leaves the rest of libxml2's tree as it was: in the head
 * proper, after a <head> start tag that came first (after <html> and a
 * DOCTYPE at most) and before anything that ends the head (text that is
 * not blank, a tag other than meta, base, link and title, or anything this
 * scan does not follow). There libxml2 drops blank text, <link> is an
 * empty element, and no start tag closes another. */
typedef enum { HEAD_BEFORE, HEAD_IN, HEAD_TITLE, HEAD_DONE } head_part;

typedef struct {
    head_part part;
    size_t text; /* where the text since the last markup starts */
} head_scan;

/* True if p[from..to) is only blanks as libxml2 counts them (a form feed
 * is text to it). */
static bool
only_blanks(const char *p, size_t from, size_t to)
{
    if (to < from) {
        return false;
    }
    for (size_t i = from; i < to; i++) {
        const char c = p[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return false;
        }
    }
    return true;
}

/* True if the tag at lt ('<' and a name, left bytes) is named name. */
static bool
tag_named(const char *lt, size_t left, const char *name)
{
    const size_t len = strlen(name);
    return left > len + 1 &&
           lower((unsigned char)lt[1]) == (unsigned char)name[0] &&
           px_str_istarts_c((px_str){lt + 1, left - 1}, name) &&
           name_ends(lt, left, len + 1);
}

/* May the <link> tag lt[0..len) be rel=canonical? True if "canonical"
 * is in it in any case, or a character reference is. */
static bool
may_be_canonical(const char *lt, size_t len)
{
    if (memchr(lt, '&', len) != NULL) {
        return true;
    }
    for (size_t i = 0; i + 9 <= len; i++) {
        if ((lt[i] | 0x20) == 'c' && (lt[i + 1] | 0x20) == 'a' &&
            px_str_istarts_c((px_str){lt + i, len - i}, "canonical")) {
            return true;
        }
    }
    return false;
}

/* head_step for markup that is not a start tag tag_rewrite understands:
 * "</title>" in the title and a DOCTYPE before the head keep the scan in
 * step; anything else ends it. */
static void
head_other(head_scan *h, head_part part, px_str html, size_t at)
{
    const char *lt = html.ptr + at;
    const size_t left = html.len - at;
    if (part == HEAD_TITLE && left > 2 && lt[1] == '/' &&
        tag_named(lt + 1, left - 1, "title")) {
        h->part = HEAD_IN;
    } else if (part == HEAD_BEFORE && left > 2 && lt[1] == '!' &&
               lower((unsigned char)lt[2]) == 'd') {
        h->part = HEAD_BEFORE;
    } else {
        return;
    }
    h->text = at + tag_end(lt, left);
}

/* Moves h past the markup at html[at..end): the block k starts there, or
 * the start tag tag_rewrite understood (tl bytes), or other markup (both
 * 0). True if it is a <link> of the head to cut. */
static bool
head_step(head_scan *h, px_str html, size_t at, cut k, size_t tl, size_t end)
{
    const char *lt = html.ptr + at;
    const size_t left = html.len - at;
    const head_part part = h->part;
    h->part = HEAD_DONE;
    if (part != HEAD_TITLE && !only_blanks(html.ptr, h->text, at)) {
        return false; /* text: libxml2 starts the body */
    }
    h->text = end;
    if (k != CUT_NONE) {
        /* blocks cut here never reach libxml2; a JSON-LD script kept is
         * an element of the head */
        if (part != HEAD_TITLE && (k != CUT_KEEP || part == HEAD_IN)) {
            h->part = part;
        }
        return false;
    }
    if (tl == 0) {
        head_other(h, part, html, at);
        return false;
    }
    if (part == HEAD_BEFORE) {
        /* "<head/>" would close the head at once */
        h->part = lt[tl - 2] == '/'             ? HEAD_DONE
                  : tag_named(lt, left, "html") ? HEAD_BEFORE
                  : tag_named(lt, left, "head") ? HEAD_IN
                                                : HEAD_DONE;
        return false;
    }
    if (part != HEAD_IN) {
        return false;
    }
    if (tag_named(lt, left, "meta") || tag_named(lt, left, "base")) {
        h->part = HEAD_IN;
    } else if (tag_named(lt, left, "title")) {
        h->part = HEAD_TITLE;
    } else if (tag_named(lt, left, "link")) {
        h->part = HEAD_IN;
        return !may_be_canonical(lt, tl);
    }
    return false;
}

/* ---- the scan ------------------------------------------------------------ */

static bool
is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of the end tag </body> or </html> (any case, blanks before
 * its '>') at p, else 0. */
static size_t
page_end_tag(const char *p, size_t n)
{
    /* p + 1 holds "/body...": the name starts where tag_named looks */
    if (n < 2 || p[1] != '/' ||
        (!tag_named(p + 1, n - 1, "body") &&
         !tag_named(p + 1, n - 1, "html"))) {
        return 0;
    }
    size_t i = 6;
    while (i < n && is_space((unsigned char)p[i])) {
        i++;
    }
    return i < n && p[i] == '>' ? i + 1 : 0;
}

px_status
px_html_prune(px_arena *a, px_str html, px_str *out, px_error *err)
{
    *out = html;
    char *dst = px_arena_alloc(a, html.len + 1);
    if (dst == NULL) {
        return px_fail(err, PX_ENOMEM, "prune: out of memory");
    }
    size_t w = 0;
    size_t from = 0; /* start of the input not yet copied */
    size_t i = 0;
    head_scan head = {HEAD_BEFORE, 0};
    while (i < html.len) {
        const char *lt = memchr(html.ptr + i, '<', html.len - i);
        if (lt == NULL) {
            break;
        }
        const size_t at = (size_t)(lt - html.ptr);
        const size_t left = html.len - at;
        const cut k = cut_at(lt, left);
        memcpy(dst + w, html.ptr + from, at - from);
        w += at - from;
        from = at;
        i = at + 1;
        size_t tl = 0; /* a start tag rewritten */
        size_t el = 0; /* </body> or </html> dropped */
        size_t dl = 0;
        if (k == CUT_KEEP) {
            i = at + block_len(lt, left, CUT_SCRIPT);
        } else if (k != CUT_NONE) {
            i = from = at + block_len(lt, left, k);
        } else if (left > 1 && is_letter((unsigned char)lt[1])) {
            tl = tag_rewrite(lt, left, dst + w, &dl);
            if (tl > 0) {
                i = from = at + tl;
            }
        } else if ((el = page_end_tag(lt, left)) > 0) {
            /* HTML5 puts what follows </body> or </html> in the body;
             * libxml2 2.9 would start a second <html> for it, which no
             * stage reads. The body now ends at the end of the page. */
            i = from = at + el;
        }
        if (head.part != HEAD_DONE && head_step(&head, html, at, k, tl, i)) {
            dl = 0; /* a <link> of the head: cut */
        }
        w += dl;
    }
    memcpy(dst + w, html.ptr + from, html.len - from);
    w += html.len - from;
    dst[w] = '\0';
    *out = (px_str){dst, w};
    return PX_OK;
}
