/* datetext.c - finding date mentions in running text.
 *
 * One pass cuts the text into tokens (numbers in any decimal-digit script,
 * words looked up in the datetext word table, CJK keywords matched longest
 * first inside unspaced text, punctuation mapped to ASCII, line breaks).
 * Most words are no date word, so the cut is built for them: a word of
 * ASCII letters is scanned inline, other words by runs of one-, two- and
 * three-byte letters, and a word is looked up only when the fold of its
 * first code point and the signature of its bytes allow a key.
 * A second pass tries the date patterns at each token that may start one
 * (a number, a known word), first match wins, and skips past it; every pattern
 * looks at a bounded number of tokens, so the whole is linear. A match becomes
 * a mention only when it is a valid calendar date; relative and year-less ones
 * are then resolved against the anchor, or left unresolved when there is none.
 */
#include "datetext.h"

#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "datetext_int.h"

enum { T_NUM, T_WORD, T_HAN, T_PUNCT, T_BREAK };

typedef struct tok {
    size_t off;
    size_t len;
    const px_dt_word *w; /* T_WORD, T_HAN: meaning, or NULL */
    int32_t num;         /* T_NUM: value (when ndig <= 9) */
    uint8_t type;
    uint8_t ndig;
    char c;     /* T_PUNCT: ASCII equivalent, '?' when none */
    bool sp;    /* white space before */
    bool lower; /* word starts with a lower-case letter */
} tok;

typedef struct hit {
    size_t skip; /* leading tokens not in the span ("in" of "in 2023") */
    size_t end;  /* token after the match */
    px_dt_kind kind;
    int y;
    int m;
    int d;
    int hh; /* -1 when no time */
    int mm;
    int rel;
    int wd;
    bool has_mod;
    bool ampm;       /* the time had an am/pm marker */
    bool week_based; /* CJK 上周一: weekday of the week rel weeks away */
    px_daypart part;
} hit;

typedef struct scan {
    px_str text;
    size_t pos; /* where the next chunk starts */
    bool sp;    /* white space before the next token */
    tok *t;
    size_t n;
    size_t cap;
    uint32_t *cand; /* tokens a pattern may start at: numbers, known words */
    size_t ncand;
    uint64_t langbit;
    bool month_first;
    bool has_anchor;
    px_date anchor;
    px_date_mention *m;
    size_t nm;
    size_t capm;
    bool failed;
} scan;

/* ---- tokens ---- */

static bool
grow(scan *s, size_t cap)
{
    tok *const p = px_realloc(s->t, cap * sizeof *p);
    if (p != NULL) {
        s->t = p;
    }
    uint32_t *const c = p == NULL ? NULL : px_realloc(s->cand, cap * sizeof *c);
    if (c == NULL) {
        s->failed = true;
        return false;
    }
    s->cand = c;
    s->cap = cap;
    return true;
}

static bool
is_cjk(UChar32 c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

static bool
is_wordch_icu(UChar32 c)
{
    if (c < 0x80) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    if (c >= 0x0621 && c <= 0x0652) {
        return true; /* Arabic letters, tatweel, harakat */
    }
    return c > 0 && !is_cjk(c) &&
           (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

static int
digit_of_icu(UChar32 c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c < 0x80 || u_charType(c) != U_DECIMAL_DIGIT_NUMBER) {
        return -1;
    }
    return u_charDigitValue(c);
}

/* True when px_dt_fold gives the BMP code point c back as it is (it
 * folds and drops code point by code point, so a word of such code points
 * is its own folded form). */
static bool
fold_keeps(UChar32 c)
{
    char in[4];
    char out[8];
    size_t n = 0;
    if (c >= 0xD800 && c <= 0xDFFF) {
        return false;
    }
    U8_APPEND_UNSAFE(in, n, c);
    return px_dt_fold(in, n, out, sizeof out) == n && memcmp(in, out, n) == 0;
}

/* What the tokenizer asks ICU about a BMP code point, asked once:
 * CL_WORD is_wordch, CL_SPACE u_isUWhiteSpace, CL_DIGIT a decimal digit
 * whose value is in the high four bits. A word character is no digit, so
 * those bits tell of it CL_LOWER u_islower, CL_SAME fold_keeps and
 * CL_START px_dt_may_start. */
enum {
    CL_WORD = 1,
    CL_SPACE = 2,
    CL_DIGIT = 4,
    CL_LOWER = 0x10,
    CL_SAME = 0x20,
    CL_START = 0x40
};
static uint8_t cp_class[0x10000];
/* Bytes the tokenizer's fast paths look for: ASCII letters, the bulk of
 * many texts' words, and the blanks between tokens (' ', tab, CR). */
enum { BK_OTHER, BK_LETTER, BK_BLANK };
static uint8_t byte_kind[256];
/* cp_class of the code point a well-formed two-byte sequence b0 b1
 * encodes, at b0 << 8 | b1 (0 for any other pair): run2 reads a
 * Cyrillic, Greek, Arabic or Hebrew letter with one look-up. */
static uint8_t pair_class[0x10000];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static void
fill_classes(void)
{
    for (UChar32 c = 0; c < 0x10000; c++) {
        const int d = digit_of_icu(c);
        uint8_t v = u_isUWhiteSpace(c) ? CL_SPACE : 0;
        v |= d >= 0 && d <= 9 ? (uint8_t)(CL_DIGIT | d << 4) : 0;
        if (is_wordch_icu(c)) {
            v |= CL_WORD;
            v |= u_islower(c) ? CL_LOWER : 0;
            v |= c >= 0x80 && fold_keeps(c) ? CL_SAME : 0;
            v |= px_dt_may_start(c) ? CL_START : 0;
        }
        cp_class[c] = v;
    }
    for (int b = 'A'; b <= 'Z'; b++) {
        byte_kind[b] = BK_LETTER;
        byte_kind[b | 0x20] = BK_LETTER;
    }
    for (unsigned b0 = 0xC2; b0 < 0xE0; b0++) {
        for (unsigned b1 = 0x80; b1 < 0xC0; b1++) {
            pair_class[b0 << 8 | b1] = cp_class[(b0 & 0x1F) << 6 | (b1 & 0x3F)];
        }
    }
    byte_kind[' '] = BK_BLANK;
    byte_kind['\t'] = BK_BLANK;
    byte_kind['\r'] = BK_BLANK;
}

/* The cp_class bits of any code point c >= 0 (CL_SAME: BMP only; above
 * it CL_START always). */
static inline uint8_t
class_of(UChar32 c)
{
    if (c < 0x10000) {
        return cp_class[c];
    }
    return (uint8_t)((is_wordch_icu(c) ? CL_WORD : 0) |
                     (u_islower(c) ? CL_LOWER : 0) | CL_START);
}

static bool
is_wordch(UChar32 c)
{
    if (c < 0x80) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    return c < 0x10000 ? (cp_class[c] & CL_WORD) != 0 : is_wordch_icu(c);
}

static int
digit_of(UChar32 c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c < 0x80) {
        return -1;
    }
    if (c < 0x10000) {
        return (cp_class[c] & CL_DIGIT) != 0 ? cp_class[c] >> 4 : -1;
    }
    return digit_of_icu(c);
}

static bool
is_space(UChar32 c)
{
    return c < 0x10000 ? (cp_class[c] & CL_SPACE) != 0
                       : u_isUWhiteSpace(c) != 0;
}

static char
punct_of(UChar32 c)
{
    if (c < 0x80) {
        return (char)c;
    }
    switch (c) {
    case 0x060C: /* Arabic comma */
    case 0xFF0C:
    case 0x3001:
        return ',';
    case 0x2010:
    case 0x2013:
    case 0x2014:
        return '-';
    case 0xFF1A:
        return ':';
    case 0xFF0F:
        return '/';
    case 0x3002:
        return '.';
    case 0xFF08:
        return '(';
    case 0xFF09:
        return ')';
    default:
        return '?';
    }
}

static size_t
scan_digits(const scan *s, size_t i, tok *t)
{
    const char *const p = s->text.ptr;
    const int32_t n = (int32_t)s->text.len;
    int32_t j = (int32_t)i;
    int64_t v = 0;
    int nd = 0;
    while (j < n) {
        int32_t k = j;
        UChar32 c;
        U8_NEXT(p, k, n, c);
        const int d = digit_of(c);
        if (d < 0) {
            break;
        }
        if (nd < 10) {
            v = v * 10 + d;
        }
        nd++;
        j = k;
    }
    t->type = T_NUM;
    t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
    t->num = nd <= 9 ? (int32_t)v : -1;
    return (size_t)j;
}

static const px_dt_word *
lookup_raw(const char *p, size_t len)
{
    char buf[PX_DT_KEY_MAX];
    const size_t n = px_dt_fold(p, len, buf, sizeof buf);
    return n == 0 ? NULL : px_dt_lookup(buf, n);
}

/* Looks a word up; retries without an Arabic proclitic (و ب ل ف) and
 * after a French elision (l'année: has_apos, the word holds ' or ’). A
 * word that folding would leave as it is (and short enough for
 * px_dt_fold's room checks) is looked up in place. is_same: px_dt_fold
 * would give it back as it is (no upper-case ASCII, else fold_keeps). */
static const px_dt_word *
lookup_word(const char *p, size_t len, bool is_same, bool has_apos)
{
    char buf[PX_DT_KEY_MAX];
    const char *key = p;
    size_t n = len;
    if (len + 3 > sizeof buf || !is_same) {
        n = px_dt_fold(p, len, buf, sizeof buf);
        key = buf;
    }
    if (n == 0) {
        return NULL;
    }
    const px_dt_word *const w = px_dt_lookup(key, n);
    if (w != NULL || n < 6) {
        return w;
    }
    const uint8_t b0 = (uint8_t)key[0];
    const uint8_t b1 = (uint8_t)key[1];
    if ((b0 == 0xD9 && (b1 == 0x88 || b1 == 0x84 || b1 == 0x81)) ||
        (b0 == 0xD8 && b1 == 0xA8)) {
        return px_dt_lookup(key + 2, n - 2);
    }
    const char *const q = has_apos ? memchr(key, '\'', n) : NULL;
    if (q != NULL && q + 1 < key + n) {
        return px_dt_lookup(q + 1, (size_t)(key + n - q - 1));
    }
    return NULL;
}

/* Decodes a well-formed three-byte sequence at p[j] (not overlong, no
 * surrogate) into *c, its end into *k, as U8_NEXT would; false for
 * anything else. */
static inline bool
next3(const char *p, size_t j, size_t n, size_t *k, UChar32 *c)
{
    const uint8_t b = (uint8_t)p[j];
    if (b < 0xE0 || b >= 0xF0 || j + 3 > n ||
        ((uint8_t)p[j + 1] & 0xC0) != 0x80 ||
        ((uint8_t)p[j + 2] & 0xC0) != 0x80) {
        return false;
    }
    const UChar32 v =
        (UChar32)((b & 0x0Fu) << 12 | ((uint8_t)p[j + 1] & 0x3Fu) << 6 |
                  ((uint8_t)p[j + 2] & 0x3Fu));
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) {
        return false;
    }
    *c = v;
    *k = j + 3;
    return true;
}

/* U8_NEXT at p[j] (n <= INT32_MAX) for what decode_at leaves: three
 * and four bytes, ill-formed ones. */
static UChar32
decode_long(const char *p, size_t j, size_t n, size_t *k)
{
    UChar32 c;
    if (next3(p, j, n, k, &c)) {
        return c;
    }
    int32_t i = (int32_t)j;
    U8_NEXT(p, i, (int32_t)n, c);
    *k = (size_t)i;
    return c;
}

/* The code point at p[j] (j < n) with its end in *k, as U8_NEXT gives
 * them (negative for ill-formed bytes); inline for one and two bytes. */
static inline UChar32
decode_at(const char *p, size_t j, size_t n, size_t *k)
{
    const uint8_t b = (uint8_t)p[j];
    if (b < 0x80) {
        *k = j + 1;
        return b;
    }
    if (b >= 0xC2 && b < 0xE0 && j + 2 <= n &&
        ((uint8_t)p[j + 1] & 0xC0) == 0x80) {
        *k = j + 2;
        return (UChar32)((b & 0x1Fu) << 6 | ((uint8_t)p[j + 1] & 0x3Fu));
    }
    return decode_long(p, j, n, k);
}

/* True when an apostrophe ending at k joins the word: a word character
 * follows it. */
static bool
apos_joins(const char *p, size_t k, size_t n)
{
    if (k >= n) {
        return false;
    }
    size_t e;
    return is_wordch(decode_at(p, k, n, &e));
}

/* The end of the run of ASCII letters from j. */
static inline size_t
ascii_run(const char *p, size_t j, size_t n)
{
    while (j < n && byte_kind[(uint8_t)p[j]] == BK_LETTER) {
        j++;
    }
    return j;
}

/* What the scan of a word saw beyond its end. */
typedef struct word_scan {
    uint8_t first; /* class of the first code point */
    uint8_t keep;  /* CL_SAME unless a non-ASCII code point folds */
    bool has_apos; /* met ' or ’ (inside the word or right after it) */
} word_scan;

/* The end of the run of two-byte word characters from j; *keep keeps
 * CL_SAME while each of them folds to itself. */
static inline size_t
run2(const char *p, size_t j, size_t n, uint8_t *keep)
{
    uint8_t all = *keep;
    while (j + 2 <= n) {
        const uint8_t cc =
            pair_class[(unsigned)(uint8_t)p[j] << 8 | (uint8_t)p[j + 1]];
        if (!(cc & CL_WORD)) {
            break;
        }
        all &= cc;
        j += 2;
    }
    *keep = all;
    return j;
}

/* The end of the run of three-byte word characters from j, as run2. An
 * overlong form ends the run; a surrogate, whose class is 0, too. */
static inline size_t
run3(const char *p, size_t j, size_t n, uint8_t *keep)
{
    uint8_t all = *keep;
    while (j + 3 <= n) {
        const uint8_t b = (uint8_t)p[j];
        const uint8_t b1 = (uint8_t)p[j + 1];
        const uint8_t b2 = (uint8_t)p[j + 2];
        if ((b & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
            break;
        }
        const uint32_t c = (b & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu);
        const uint8_t cc = c < 0x800 ? 0 : cp_class[c];
        if (!(cc & CL_WORD)) {
            break;
        }
        all &= cc;
        j += 3;
    }
    *keep = all;
    return j;
}

/* The end of the word whose code points after the first start at j. Runs
 * of ASCII letters, of two-byte and of three-byte word characters cost
 * one table look-up a code point; the code point that ends a run is
 * decoded once more, as are ' and ’, which join when a word character
 * follows. */
static size_t
word_end(const char *p, size_t j, size_t n, word_scan *ws)
{
    while (j < n) {
        const uint8_t b = (uint8_t)p[j];
        size_t e = j;
        if (byte_kind[b] == BK_LETTER) {
            e = ascii_run(p, j + 1, n);
        } else if (b >= 0xC2 && b < 0xE0) {
            e = run2(p, j, n, &ws->keep);
        } else if (b >= 0xE0 && b < 0xF0) {
            e = run3(p, j, n, &ws->keep);
        }
        if (e != j) {
            j = e;
            continue;
        }
        if (b < 0x80 && b != '\'') {
            break;
        }
        size_t k;
        const UChar32 c = decode_at(p, j, n, &k);
        uint8_t cc = c < 0 ? 0 : class_of(c);
        if (!(cc & CL_WORD)) {
            if (c != '\'' && c != 0x2019) {
                break;
            }
            ws->has_apos = true;
            if (!apos_joins(p, k, n)) {
                break;
            }
            cc = c == '\'' ? CL_SAME : 0;
        }
        ws->keep &= cc;
        j = k;
    }
    return j;
}

/* True when p[0..len) holds an upper-case ASCII letter. */
static bool
has_ascii_upper(const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (p[i] >= 'A' && p[i] <= 'Z') {
            return true;
        }
    }
    return false;
}

/* False when no key can be the word p[0..len) of scan ws, told before
 * folding (most words of running text stop here). A word with an
 * apostrophe is also looked up after it, so it passes. Otherwise its key
 * starts with the fold of its first code point (CL_START). Where folding
 * is ASCII lower-casing (every other code point folds to itself) the
 * word keeps its bytes and length, any ASCII byte in it is a letter, and
 * its signature must be a key's; a word behind an Arabic proclitic is
 * looked up in two ways, so it passes. */
static bool
may_be_key(const char *p, size_t len, const word_scan *ws)
{
    if (ws->has_apos) {
        return true;
    }
    if (!(ws->first & CL_START)) {
        return false;
    }
    if (!(ws->keep & CL_SAME)) {
        return true;
    }
    if (len == 0 || len > PX_DT_KEY_MAX) {
        return false;
    }
    const uint8_t b0 = (uint8_t)p[0];
    const uint8_t b1 = len > 1 ? (uint8_t)p[1] : 0;
    const uint8_t last = (uint8_t)p[len - 1];
    if (len >= 6 && ((b0 == 0xD9 && (b1 == 0x88 || b1 == 0x84 || b1 == 0x81)) ||
                     (b0 == 0xD8 && b1 == 0xA8))) {
        return true;
    }
    return px_dt_may_be_key(b0 < 0x80 ? b0 | 0x20u : b0,
                            b1 != 0 && b1 < 0x80 ? b1 | 0x20u : b1,
                            last < 0x80 ? last | 0x20u : last, len);
}

/* The meaning of the word p[0..len) of ASCII letters (most words of
 * many texts): folding only lower-cases it, so the signature filter is
 * exact, the key is the word with bit 0x20 set in each byte, and no
 * retry of lookup_word applies. */
static const px_dt_word *
plain_word(const char *p, size_t len)
{
    if (len > PX_DT_KEY_MAX ||
        !px_dt_may_be_key((uint8_t)p[0] | 0x20u,
                          len > 1 ? (uint8_t)p[1] | 0x20u : 0,
                          (uint8_t)p[len - 1] | 0x20u, len)) {
        return NULL;
    }
    char key[PX_DT_KEY_MAX];
    for (size_t i = 0; i < len; i++) {
        key[i] = (char)(p[i] | 0x20);
    }
    return px_dt_lookup(key, len);
}

/* The word at i when it is of ASCII letters only (most words of many
 * texts; inline in tokenize); else 0, and scan_word takes it. */
static inline size_t
scan_plain(const scan *s, size_t i, tok *t)
{
    const char *const p = s->text.ptr;
    const size_t j = ascii_run(p, i + 1, s->text.len);
    if (j < s->text.len && ((uint8_t)p[j] >= 0x80 || p[j] == '\'')) {
        return 0;
    }
    t->type = T_WORD;
    t->lower = p[i] >= 'a'; /* p[i] is a letter */
    t->len = j - i;
    t->w = plain_word(p + i, t->len);
    return j;
}

/* The word at i, whose first code point c (a word character) ends at
 * first_end. */
static size_t
scan_word(const scan *s, size_t i, UChar32 c, size_t first_end, tok *t)
{
    const char *const p = s->text.ptr;
    const bool is_ascii = c < 0x80;
    t->type = T_WORD;
    const uint8_t cl = class_of(c);
    word_scan ws = {cl, is_ascii ? CL_SAME : cl, false};
    const size_t j = word_end(p, first_end, s->text.len, &ws);
    t->lower = is_ascii ? (c >= 'a' && c <= 'z') : (cl & CL_LOWER) != 0;
    t->len = (size_t)j - i;
    t->w = NULL;
    if (may_be_key(p + i, t->len, &ws)) {
        const bool is_same =
            (ws.keep & CL_SAME) != 0 && !has_ascii_upper(p + i, t->len);
        t->w = lookup_word(p + i, t->len, is_same, ws.has_apos);
    }
    return (size_t)j;
}

/* A CJK keyword at i (longest of up to 5 characters), or a run of CJK
 * characters that cannot start one. */
static size_t
scan_han(const scan *s, size_t i, UChar32 c0, tok *t)
{
    const char *const p = s->text.ptr;
    const int32_t n = (int32_t)s->text.len;
    int32_t j = (int32_t)i;
    UChar32 c;
    t->type = T_HAN;
    t->w = NULL;
    if (!px_dt_cjk_start(c0)) {
        U8_NEXT(p, j, n, c);
        int32_t k = j;
        while (k < n) {
            U8_NEXT(p, k, n, c);
            if (!is_cjk(c) || px_dt_cjk_start(c)) {
                break;
            }
            j = k;
        }
        t->len = (size_t)j - i;
        return (size_t)j;
    }
    int32_t ends[5];
    int ne = 0;
    while (j < n && ne < 5) {
        U8_NEXT(p, j, n, c);
        if (!is_cjk(c)) {
            break;
        }
        ends[ne++] = j;
    }
    const tok *const prev = s->n > 0 ? &s->t[s->n - 1] : NULL;
    const bool after_year = prev != NULL && prev->type == T_NUM &&
                            prev->ndig >= 4 && prev->off + prev->len == i;
    for (int e = ne - 1; e >= 0; e--) {
        const px_dt_word *const w = px_dt_lookup(p + i, (size_t)ends[e] - i);
        if (w != NULL && w->kind != DW_PREFIX &&
            !(after_year && w->kind == DW_AGOUNIT)) { /* 2023年前后 */
            t->w = w;
            t->len = (size_t)ends[e] - i;
            return (size_t)ends[e];
        }
    }
    if (ne == 0) { /* not reached: c0 is CJK */
        t->len = 1;
        return i + 1;
    }
    t->len = (size_t)ends[0] - i;
    return (size_t)ends[0];
}

/* Joins a word to the one before when together they are one name
 * ("كانون الثاني"); a lone PREFIX means nothing. */
static void
join_multi(scan *s, tok *t)
{
    tok *const prev = s->n > 0 ? &s->t[s->n - 1] : NULL;
    if (prev == NULL || prev->type != T_WORD || prev->w == NULL ||
        !(prev->w->flags & DWF_MULTI) || prev->off + prev->len + 1 != t->off ||
        s->text.ptr[prev->off + prev->len] != ' ') {
        return;
    }
    const px_dt_word *const w =
        lookup_raw(s->text.ptr + prev->off, t->off + t->len - prev->off);
    if (w != NULL && w->kind != DW_PREFIX) {
        prev->len = t->off + t->len - prev->off;
        prev->w = w;
        t->len = 0; /* merged */
    }
}

static void
fix_prefix(tok *t)
{
    if (t->w != NULL && t->w->kind == DW_PREFIX) {
        t->w = NULL;
    }
}

/* scan_one for an ASCII byte other than white space. */
static size_t
scan_ascii(scan *s, size_t i, char b, tok *t)
{
    if (b >= '0' && b <= '9') {
        const size_t e = scan_digits(s, i, t);
        t->len = e - i;
        return e;
    }
    if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        return scan_word(s, i, (UChar32)b, i + 1, t);
    }
    t->type = T_BREAK;
    if (b != '\n') {
        t->type = T_PUNCT;
        t->c = b;
    }
    t->len = 1;
    return i + 1;
}

/* scan_one for a BMP code point c >= 0x80 at i (ending at k), asking
 * cp_class once for what is_space, digit_of and is_wordch would say. */
static size_t
scan_bmp(scan *s, size_t i, size_t k, UChar32 c, tok *t, bool *emit)
{
    const uint8_t cl = cp_class[c];
    const bool is_para = c == 0x2028 || c == 0x2029;
    if ((cl & CL_SPACE) && !is_para) {
        *emit = false;
        return k;
    }
    if (is_para) {
        t->type = T_BREAK;
        t->len = k - i;
        return k;
    }
    if (cl & CL_DIGIT) {
        const size_t e = scan_digits(s, i, t);
        t->len = e - i;
        return e;
    }
    if (is_cjk(c)) {
        return scan_han(s, i, c, t);
    }
    if (cl & CL_WORD) {
        return scan_word(s, i, c, k, t);
    }
    t->type = T_PUNCT;
    t->c = punct_of(c);
    t->len = k - i;
    return k;
}

/* Classifies the code point at i and scans its token; returns the next
 * offset. Sets *emit when *t is a token. */
static size_t
scan_one(scan *s, size_t i, tok *t, bool *emit)
{
    const char *const p = s->text.ptr;
    *emit = true;
    if ((uint8_t)p[i] < 0x80 && p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
        return scan_ascii(s, i, p[i], t);
    }
    size_t k;
    const UChar32 c = decode_at(p, i, s->text.len, &k);
    if (c >= 0x80 && c < 0x10000) {
        return scan_bmp(s, i, (size_t)k, c, t, emit);
    }
    if (c < 0 || c == ' ' || c == '\t' || c == '\r' ||
        (c >= 0x80 && is_space(c) && c != 0x2028 && c != 0x2029)) {
        *emit = false;
        return (size_t)k;
    }
    if (c == '\n' || c == 0x2028 || c == 0x2029) {
        t->type = T_BREAK;
        t->len = (size_t)k - i;
        return (size_t)k;
    }
    if (digit_of(c) >= 0) {
        const size_t e = scan_digits(s, i, t);
        t->len = e - i;
        return e;
    }
    if (is_cjk(c)) {
        return scan_han(s, i, c, t);
    }
    if (is_wordch(c)) {
        return scan_word(s, i, c, (size_t)k, t);
    }
    t->type = T_PUNCT;
    t->c = punct_of(c);
    t->len = (size_t)k - i;
    return (size_t)k;
}

/* After a token with a meaning, t may join it (false: t merged into it)
 * or, when not, leave a lone PREFIX meaningless. A token without a
 * meaning has nothing to settle. */
static bool
settle_prev(scan *s, tok *t)
{
    if (t->type == T_WORD) {
        join_multi(s, t);
        if (t->len == 0) {
            return false;
        }
    }
    fix_prefix(&s->t[s->n - 1]);
    return true;
}

/* Keeps token t, scanned at s->t[s->n] after white space when sp,
 * unless it joined the token before; *prev_has_w tells whether the last
 * token kept has a meaning, and is updated. */
static inline void
keep_token(scan *s, tok *t, bool sp, bool *prev_has_w)
{
    t->sp = sp;
    if (*prev_has_w && !settle_prev(s, t)) {
        return;
    }
    *prev_has_w = t->w != NULL;
    if (t->type == T_NUM || *prev_has_w) {
        s->cand[s->ncand++] = (uint32_t)s->n;
    }
    s->n++;
}

/* Tokens kept at once: a chunk ends at the first line break after this
 * many, since no pattern crosses a line break. */
#define CHUNK_TOKENS 4096

/* Cuts the next chunk of text, from s->pos, into s->t (emptied first).
 * Each token is scanned in place at the end of s->t, and kept by counting
 * it. */
static bool
tokenize(scan *s)
{
    const char *const p = s->text.ptr;
    const size_t n = s->text.len;
    size_t pos = s->pos;
    bool sp = s->sp;
    bool prev_has_w = false; /* the last token kept has a meaning */
    s->n = 0;
    s->ncand = 0;
    while (pos < n) {
        const uint8_t kind = byte_kind[(uint8_t)p[pos]];
        if (kind == BK_BLANK) {
            pos++; /* as scan_one would */
            sp = true;
            continue;
        }
        if (s->n == s->cap && !grow(s, s->cap * 2 + 256)) {
            return false;
        }
        tok *const t = &s->t[s->n];
        *t = (tok){0};
        t->off = pos;
        const size_t e = kind == BK_LETTER ? scan_plain(s, pos, t) : 0;
        if (e != 0) { /* the commonest token: a word, no line break */
            pos = e;
            keep_token(s, t, sp, &prev_has_w);
            sp = false;
            continue;
        }
        if (kind == BK_LETTER) {
            pos = scan_word(s, pos, (UChar32)p[pos], pos + 1, t);
        } else {
            bool emit = false;
            pos = scan_one(s, pos, t, &emit);
            if (!emit) {
                sp = true;
                continue;
            }
        }
        keep_token(s, t, sp, &prev_has_w);
        sp = false;
        if (t->type == T_BREAK && s->n >= CHUNK_TOKENS) {
            break;
        }
    }
    s->pos = pos;
    s->sp = sp;
    if (s->n > 0) {
        fix_prefix(&s->t[s->n - 1]);
    }
    return true;
}

/* ---- token predicates ---- */

static const tok *
at(const scan *s, size_t i)
{
    static const tok none = {0, 0, NULL, 0, T_BREAK, 0, 0, false, false};
    return i < s->n ? &s->t[i] : &none;
}

static bool
lang_ok(const scan *s, const px_dt_word *w)
{
    return w->langs == 0 || s->langbit == 0 || (w->langs & s->langbit) != 0;
}

/* The meaning of token i if it is a word of kind k usable here. */
static const px_dt_word *
word(const scan *s, size_t i, dw_kind k)
{
    const tok *const t = at(s, i);
    if ((t->type != T_WORD && t->type != T_HAN) || t->w == NULL ||
        t->w->kind != k) {
        return NULL;
    }
    return t->w;
}

static bool
is_punct(const scan *s, size_t i, char c)
{
    const tok *const t = at(s, i);
    return t->type == T_PUNCT && t->c == c;
}

static int
num(const scan *s, size_t i, int min_dig, int max_dig)
{
    const tok *const t = at(s, i);
    if (t->type != T_NUM || t->ndig < min_dig || t->ndig > max_dig) {
        return -1;
    }
    return t->num;
}

/* A month name beside a number: weak (short) names need the language. */
static int
month_near_num(const scan *s, size_t i)
{
    const px_dt_word *const w = word(s, i, DW_MONTH);
    if (w == NULL || ((w->flags & DWF_WEAK) && !lang_ok(s, w)) ||
        ((w->flags & DWF_CTX) && at(s, i)->lower)) {
        return 0;
    }
    return w->val;
}

/* ---- calendar ---- */

static bool
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
    static const int8_t dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) {
        return 0;
    }
    return m == 2 && (y == 0 || is_leap(y)) ? 29 : dm[m - 1];
}

static bool
valid_ymd(int y, int m, int d)
{
    return (y == 0 || (y >= 1000 && y <= 2999)) && m >= 1 && m <= 12 &&
           d >= 1 && d <= mdays(y, m);
}

static void
civil_of(long z, px_date *out)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    out->year = (int16_t)(yoe + era * 400 + (m <= 2));
    out->month = (int8_t)m;
    out->day = (int8_t)d;
}

/* 1 Monday .. 7 Sunday. */
static int
weekday_of(long z)
{
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

/* ---- patterns ---- */

static void
hit_init(hit *h, size_t end, px_dt_kind kind)
{
    memset(h, 0, sizeof *h);
    h->end = end;
    h->kind = kind;
    h->hh = -1;
    h->mm = -1;
}

static int
year_of(int v, int ndig)
{
    if (ndig == 4 && v >= 1000 && v <= 2999) {
        return v;
    }
    if (ndig == 2 && v >= 0) {
        return v < 70 ? 2000 + v : 1900 + v;
    }
    return -1;
}

/* Orders two numbers as day and month (*d, *m); false if neither works. */
static bool
day_month(const scan *s, int a, int b, int y, int *d, int *m)
{
    const bool dm = valid_ymd(y, b, a);
    const bool md = valid_ymd(y, a, b);
    if (dm && (!md || !s->month_first)) {
        *d = a;
        *m = b;
        return true;
    }
    if (md) {
        *d = b;
        *m = a;
        return true;
    }
    return false;
}

static size_t opt_time(const scan *s, size_t i, hit *h);

/* 2026-01-05, 2026/1/5, 2026.01.05. */
static bool
p_ymd(const scan *s, size_t i, hit *h)
{
    const int y = num(s, i, 4, 4);
    const char c = at(s, i + 1)->c;
    if (y < 1000 || y > 2999 || !(c == '-' || c == '/' || c == '.') ||
        !is_punct(s, i + 1, c) || !is_punct(s, i + 3, c) || at(s, i + 1)->sp ||
        at(s, i + 2)->sp || at(s, i + 3)->sp || at(s, i + 4)->sp) {
        return false;
    }
    const int m = num(s, i + 2, 1, 2);
    const int d = num(s, i + 4, 1, 2);
    if (!valid_ymd(y, m, d) || at(s, i + 5)->type == T_NUM) {
        return false;
    }
    hit_init(h, i + 5, PX_DT_ABSOLUTE);
    h->y = y;
    h->m = m;
    h->d = d;
    const tok *const t = at(s, i + 5);
    if (t->type == T_WORD && t->len == 1 && !t->sp &&
        (s->text.ptr[t->off] | 0x20) == 't' && !at(s, i + 6)->sp) {
        const size_t e = opt_time(s, i + 6, h); /* 2026-01-05T08:41 */
        h->end = e != i + 6 ? e : h->end;
    }
    return true;
}

/* 05/01/2026, 5.1.26, 06/يناير/2026, 05-Jan-2026. */
static bool
p_dmy(const scan *s, size_t i, hit *h)
{
    const int a = num(s, i, 1, 2);
    const char c = at(s, i + 1)->c;
    if (a < 1 || !(c == '-' || c == '/' || c == '.') ||
        !is_punct(s, i + 1, c) || !is_punct(s, i + 3, c)) {
        return false;
    }
    const int yv = num(s, i + 4, 2, 4);
    const int y = year_of(yv, at(s, i + 4)->ndig);
    if (y < 0 || (at(s, i + 4)->ndig == 2 && c != '/') ||
        at(s, i + 5)->type == T_NUM ||
        (is_punct(s, i + 5, c) && at(s, i + 6)->type == T_NUM)) {
        return false;
    }
    int d = a;
    int m = month_near_num(s, i + 2);
    if (m == 0) {
        const int b = num(s, i + 2, 1, 2);
        if (b < 1 || at(s, i + 1)->sp || at(s, i + 3)->sp ||
            !day_month(s, a, b, y, &d, &m)) {
            return false;
        }
    }
    if (!valid_ymd(y, m, d)) {
        return false;
    }
    hit_init(h, i + 5, PX_DT_ABSOLUTE);
    h->y = y;
    h->m = m;
    h->d = d;
    return true;
}

static int
suf(const scan *s, size_t i)
{
    const px_dt_word *const w = word(s, i, DW_SUF);
    return w == NULL ? 0 : w->val;
}

/* A day number alone (5日) is a date unless it follows a month that did
 * not parse (13月5日) or an ordinal (第3日). */
static bool
day_alone_ok(const scan *s, size_t i)
{
    if (i == 0) {
        return true;
    }
    const tok *const p = at(s, i - 1);
    if (suf(s, i - 1) != 0) {
        return false;
    }
    return !(p->type == T_HAN && p->len >= 3 &&
             memcmp(s->text.ptr + p->off + p->len - 3, "第", 3) == 0);
}

/* 2026年1月5日, 1月5日, 2026年1月, 11月, 2023年, 5日; 2026년 1월 5일. */
static bool
p_cjk(const scan *s, size_t i, hit *h)
{
    size_t j = i;
    int y = 0;
    int m = 0;
    int d = 0;
    if (num(s, j, 4, 4) >= 1000 && suf(s, j + 1) == 'Y') {
        y = num(s, j, 4, 4);
        j += 2;
    }
    if (num(s, j, 1, 2) >= 1 && num(s, j, 1, 2) <= 12 && suf(s, j + 1) == 'M') {
        m = num(s, j, 1, 2);
        j += 2;
    }
    if ((m != 0 || (y == 0 && j == i && day_alone_ok(s, i))) &&
        num(s, j, 1, 2) >= 1 && suf(s, j + 1) == 'D') {
        d = num(s, j, 1, 2);
        j += 2;
    }
    if (j == i || (y > 2999) || (d != 0 && d > mdays(y, m == 0 ? 1 : m))) {
        return false;
    }
    hit_init(h, j, y != 0 ? PX_DT_ABSOLUTE : PX_DT_PARTIAL);
    h->y = y;
    h->m = m;
    h->d = d;
    return true;
}

/* A year number after a day and month: "5 January 2026", "5 de enero de
 * 2026", "January 5, 2026". Returns the token after it, or j. */
static size_t
opt_year(const scan *s, size_t j, int *y)
{
    size_t k = j;
    if (is_punct(s, k, ',') || word(s, k, DW_ORD) != NULL) {
        k++;
    }
    const int v = num(s, k, 4, 4);
    if (v >= 1000 && v <= 2999 && at(s, k + 1)->type != T_NUM &&
        !is_punct(s, k + 1, ':')) {
        *y = v;
        return k + 1;
    }
    return j;
}

/* 5 January [2026], 5th of January, 5. Januar, 5 de enero de 2026. */
static bool
p_day_month(const scan *s, size_t i, hit *h)
{
    const int d = num(s, i, 1, 2);
    size_t j = i + 1;
    if (d < 1 || d > 31) {
        return false;
    }
    if (is_punct(s, j, '.') || (word(s, j, DW_ORD) != NULL && !at(s, j)->sp)) {
        j++;
    }
    if (word(s, j, DW_ORD) != NULL) {
        j++; /* "of", "de" */
    }
    const int m = month_near_num(s, j);
    if (m == 0 || at(s, j)->type == T_HAN) {
        return false;
    }
    int y = 0;
    size_t e = opt_year(s, j + 1, &y);
    if (e == j + 1 && is_punct(s, j + 1, '.') && !at(s, j + 1)->sp) {
        const size_t e2 = opt_year(s, j + 2, &y); /* 5 janv. 2026 */
        e = e2 == j + 2 ? e : e2;
    }
    if (!valid_ymd(y, m, d)) {
        return false;
    }
    hit_init(h, e, y != 0 ? PX_DT_ABSOLUTE : PX_DT_PARTIAL);
    h->y = y;
    h->m = m;
    h->d = d;
    return true;
}

/* January 5[th][,] [2026]; January 2026; يناير 2026. */
static bool
p_month_day(const scan *s, size_t i, hit *h)
{
    const int m = month_near_num(s, i);
    if (m == 0 || at(s, i)->type == T_HAN ||
        (i > 0 && num(s, i - 1, 1, 2) >= 0) ||
        (i > 1 && word(s, i - 1, DW_ORD) != NULL && num(s, i - 2, 1, 2) >= 0)) {
        return false; /* "31 February 2026" is no date at all */
    }
    size_t j = i + 1;
    if (is_punct(s, j, '.')) {
        j++;
    }
    const int v = num(s, j, 1, 4);
    const tok *const t = at(s, j);
    if (v < 0 || is_punct(s, j + 1, ':') ||
        (is_punct(s, j + 1, ',') && at(s, j + 2)->type == T_NUM &&
         at(s, j + 2)->ndig < 4)) {
        return false;
    }
    if (t->ndig == 4) {
        if (v < 1000 || v > 2999) {
            return false;
        }
        hit_init(h, j + 1, PX_DT_ABSOLUTE);
        h->y = v;
        h->m = m;
        return true;
    }
    size_t e = j + 1;
    if (word(s, e, DW_ORD) != NULL && !at(s, e)->sp) {
        e++;
    }
    int y = 0;
    e = opt_year(s, e, &y);
    if (t->ndig > 2 || !valid_ymd(y, m, v)) {
        return false;
    }
    hit_init(h, e, y != 0 ? PX_DT_ABSOLUTE : PX_DT_PARTIAL);
    h->y = y;
    h->m = m;
    h->d = v;
    return true;
}

/* The first day of a list sharing one month: "5 or 6 January", "5-6
 * January", "5 و6 يناير", "3, 4 and 5 May". Matches the first number only;
 * the next ones are found in turn. */
static bool
p_day_list(const scan *s, size_t i, hit *h)
{
    const int d = num(s, i, 1, 2);
    if (d < 1 || d > 31) {
        return false;
    }
    size_t j = i + 1;
    for (int k = 0; k < 4; k++) {
        if (!is_punct(s, j, '-') && !is_punct(s, j, ',') &&
            word(s, j, DW_CONJ) == NULL) {
            return false;
        }
        j++;
        if (num(s, j, 1, 2) < 1) {
            return false;
        }
        if (p_day_month(s, j, h)) {
            const int y = h->y;
            const int m = h->m;
            if (!valid_ymd(y, m, d)) {
                return false;
            }
            hit_init(h, i + 1, y != 0 ? PX_DT_ABSOLUTE : PX_DT_PARTIAL);
            h->y = y;
            h->m = m;
            h->d = d;
            return true;
        }
        j++;
    }
    return false;
}

static bool
core_date(const scan *s, size_t i, hit *h)
{
    return p_ymd(s, i, h) || p_dmy(s, i, h) || p_cjk(s, i, h) ||
           p_day_month(s, i, h) || p_month_day(s, i, h);
}

static bool
usable(const scan *s, size_t i, dw_kind k)
{
    const px_dt_word *const w = word(s, i, k);
    return w != NULL && lang_ok(s, w) && !(w->flags & DWF_WEAK);
}

/* A weekday name, with a date after it (absorbed) or alone. */
static bool
p_weekday(const scan *s, size_t i, hit *h)
{
    const px_dt_word *const w = word(s, i, DW_WEEKDAY);
    if (w == NULL) {
        return false;
    }
    size_t j = i + 1;
    if (is_punct(s, j, ',')) {
        j++;
    }
    const bool apart = at(s, j)->sp || j > i + 1 || at(s, i)->type == T_HAN;
    if (apart && (!(w->flags & DWF_WEAK) || lang_ok(s, w)) &&
        core_date(s, j, h)) {
        h->wd = w->val;
        return true;
    }
    if (!usable(s, i, DW_WEEKDAY) || (w->flags & DWF_CTX)) {
        return false;
    }
    hit_init(h, i + 1, PX_DT_WEEKDAY);
    h->wd = w->val;
    const tok *const t = at(s, i);
    if (t->type == T_HAN) {
        h->rel = 0;
        const char *const p = s->text.ptr + t->off;
        const int r = (memcmp(p, "上", 3) == 0)   ? -1
                      : (memcmp(p, "下", 3) == 0) ? 1
                                                  : 0;
        h->week_based =
            r != 0 || memcmp(p, "本", 3) == 0 || memcmp(p, "这", 3) == 0;
        h->rel = r;
        h->has_mod = h->week_based;
        return true;
    }
    const px_dt_word *const mod = word(s, i + 1, DW_MOD);
    if (mod != NULL && (mod->flags & DWF_AFTER) && lang_ok(s, mod)) {
        h->rel = mod->val;
        h->has_mod = true;
        h->end = i + 2;
    }
    return true;
}

/* The offset a CJK relative word states by its first character. */
static int
cjk_rel(const scan *s, size_t i)
{
    static const char *const ch[] = {"去", "上", "前", "下", "明", "今",
                                     "本", "这", "先", "昨", "来"};
    static const int8_t val[] = {-1, -1, -2, 1, 1, 0, 0, 0, -1, -1, 1};
    const char *const p = s->text.ptr + at(s, i)->off;
    for (size_t k = 0; k < sizeof ch / sizeof ch[0]; k++) {
        if (memcmp(p, ch[k], 3) == 0) {
            return val[k];
        }
    }
    return 0;
}

static px_dt_kind
unit_kind(int v)
{
    return v == 'W' ? PX_DT_WEEK : v == 'M' ? PX_DT_MONTH : PX_DT_YEAR;
}

/* 上周, 去年, 本月; الأسبوع الماضي, la semaine dernière; "year 2023". */
static bool
p_unit(const scan *s, size_t i, hit *h)
{
    if (!usable(s, i, DW_UNIT)) {
        return false;
    }
    const px_dt_word *const w = word(s, i, DW_UNIT);
    if (at(s, i)->type == T_HAN) {
        hit_init(h, i + 1, unit_kind(w->val));
        h->rel = cjk_rel(s, i);
        h->has_mod = true;
        return true;
    }
    const px_dt_word *const mod = word(s, i + 1, DW_MOD);
    if (mod != NULL && (mod->flags & DWF_AFTER) && lang_ok(s, mod)) {
        hit_init(h, i + 2, unit_kind(w->val));
        h->rel = mod->val;
        h->has_mod = true;
        return true;
    }
    const int y = num(s, i + 1, 4, 4);
    if (w->val == 'Y' && y >= 1000 && y <= 2999) {
        hit_init(h, i + 2, PX_DT_ABSOLUTE);
        h->y = y;
        return true;
    }
    return false;
}

/* last week, next month, this evening, last night, last November, هذا
 * الأسبوع, letzte Woche. */
static bool
p_mod(const scan *s, size_t i, hit *h)
{
    const px_dt_word *const mod = word(s, i, DW_MOD);
    if (mod == NULL || (mod->flags & DWF_AFTER) || !lang_ok(s, mod)) {
        return false;
    }
    const px_dt_word *w = NULL;
    if ((w = word(s, i + 1, DW_UNIT)) != NULL && lang_ok(s, w)) {
        hit_init(h, i + 2, unit_kind(w->val));
    } else if ((w = word(s, i + 1, DW_WEEKDAY)) != NULL && lang_ok(s, w) &&
               !(w->flags & DWF_WEAK)) {
        hit_init(h, i + 2, PX_DT_WEEKDAY);
        h->wd = w->val;
    } else if ((w = word(s, i + 1, DW_MONTH)) != NULL && lang_ok(s, w) &&
               !(w->flags & DWF_WEAK) && !at(s, i + 1)->lower) {
        hit_init(h, i + 2, PX_DT_NAMED_MONTH);
        h->m = w->val;
    } else if ((w = word(s, i + 1, DW_PART)) != NULL && lang_ok(s, w)) {
        hit_init(h, i + 2, PX_DT_DAY);
        /* "last night" is the night before; "this evening" today */
        h->part = (px_daypart)w->part;
        h->rel = mod->val < 0 ? -1 : 0;
        return mod->val <= 0;
    } else {
        return false;
    }
    h->rel = mod->val;
    h->has_mod = true;
    return true;
}

/* today, yesterday, أمس الأول, 昨晚; heute Morgen. */
static bool
p_relday(const scan *s, size_t i, hit *h)
{
    if (!usable(s, i, DW_REL_DAY)) {
        return false;
    }
    const px_dt_word *const w = word(s, i, DW_REL_DAY);
    hit_init(h, i + 1, PX_DT_DAY);
    h->rel = w->val;
    h->part = (px_daypart)(w->flags & DWF_ALTPART ? 0 : w->part);
    if (word(s, i + 1, DW_FIRST) != NULL && w->val == -1) {
        h->rel = -2;
        h->end = i + 2;
    }
    return true;
}

/* A month name alone: "in November", "في نوفمبر", "نوفمبر الماضي". */
static bool
p_month(const scan *s, size_t i, hit *h)
{
    if (!usable(s, i, DW_MONTH)) {
        return false;
    }
    const px_dt_word *const w = word(s, i, DW_MONTH);
    const px_dt_word *const mod = word(s, i + 1, DW_MOD);
    if (mod != NULL && (mod->flags & DWF_AFTER) && lang_ok(s, mod)) {
        hit_init(h, i + 2, PX_DT_NAMED_MONTH);
        h->m = w->val;
        h->rel = mod->val;
        h->has_mod = true;
        return true;
    }
    if ((w->flags & DWF_CTX) &&
        (at(s, i)->lower || i == 0 || word(s, i - 1, DW_PREP) == NULL)) {
        return false;
    }
    if (i > 0 && num(s, i - 1, 1, 2) >= 0) {
        return false; /* the day did not fit: "31 فبراير" */
    }
    hit_init(h, i + 1, PX_DT_PARTIAL);
    h->m = w->val;
    return true;
}

/* "in 2023", "عام 2023", "منذ 2019": a year needs a word before it. */
static bool
p_year(const scan *s, size_t i, hit *h)
{
    const bool yw = usable(s, i, DW_YEARWORD);
    if (!yw && !usable(s, i, DW_PREP)) {
        return false;
    }
    const size_t i0 = i;
    if (!yw && is_punct(s, i + 1, '-') && !at(s, i + 1)->sp) {
        i++; /* mid-2024 */
    }
    const int y = num(s, i + 1, 4, 4);
    if (y < 1900 || y > 2100 || at(s, i + 2)->type == T_NUM ||
        is_punct(s, i + 2, '%') ||
        (is_punct(s, i + 2, '.') && at(s, i + 3)->type == T_NUM) ||
        (is_punct(s, i + 2, ',') && at(s, i + 3)->type == T_NUM &&
         !at(s, i + 3)->sp)) {
        return false;
    }
    hit_init(h, i + 2, PX_DT_ABSOLUTE);
    h->y = y;
    h->skip = yw ? 0 : i + 1 - i0;
    return true;
}

/* 08:41[:00] [am|pm|ص|م]; the token after it, or i when none. */
/* An am/pm marker at i ("pm", "ص", "a.m."): its tokens, with *pm set. */
static size_t
ampm_at(const scan *s, size_t i, bool *pm)
{
    const px_dt_word *const ap = word(s, i, DW_AMPM);
    if (ap != NULL) {
        *pm = ap->val == 1;
        return 1;
    }
    const tok *const t = at(s, i);
    const tok *const m = at(s, i + 2);
    if (t->type != T_WORD || t->len != 1 || !is_punct(s, i + 1, '.') ||
        m->type != T_WORD || m->len != 1 ||
        (s->text.ptr[m->off] | 0x20) != 'm') {
        return 0;
    }
    const char c = (char)(s->text.ptr[t->off] | 0x20);
    if (c != 'a' && c != 'p') {
        return 0;
    }
    *pm = c == 'p';
    return is_punct(s, i + 3, '.') ? 4 : 3; /* a.m. */
}

/* 08:41[:00] [am|pm|ص|م], or 5 pm / 5 a.m.; the token after it, or i. */
static size_t
opt_time(const scan *s, size_t i, hit *h)
{
    const int hh = num(s, i, 1, 2);
    const bool colon = is_punct(s, i + 1, ':') && !at(s, i + 1)->sp &&
                       !at(s, i + 2)->sp && num(s, i + 2, 2, 2) >= 0;
    const int mm = colon ? num(s, i + 2, 2, 2) : 0;
    if (hh < 0 || mm > 59) {
        return i;
    }
    size_t e = colon ? i + 3 : i + 1;
    if (colon && is_punct(s, e, ':') && num(s, e + 1, 2, 2) >= 0) {
        e += 2;
    }
    int h24 = hh;
    bool pm = false;
    const size_t na = hh >= 1 && hh <= 12 ? ampm_at(s, e, &pm) : 0;
    if (na > 0) {
        h24 = pm ? (hh % 12) + 12 : hh % 12;
        e += na;
    }
    if (h24 > 23 || (!colon && na == 0)) {
        return i;
    }
    h->hh = h24;
    h->mm = mm;
    h->ampm = na > 0;
    return e;
}

/* CJK time: 8点30分, 10时. */
static size_t
opt_cjk_time(const scan *s, size_t i, hit *h)
{
    const int hh = num(s, i, 1, 2);
    if (hh < 0 || hh > 23 || suf(s, i + 1) != 'h') {
        return i;
    }
    int mm = 0;
    size_t e = i + 2;
    if (num(s, e, 1, 2) >= 0 && num(s, e, 1, 2) <= 59 && suf(s, e + 1) == 'm') {
        mm = num(s, e, 1, 2);
        e += 2;
    }
    if (h->part >= PX_DAYPART_AFTERNOON && hh < 12) {
        h->hh = hh + 12;
    } else {
        h->hh = hh;
    }
    h->mm = mm;
    return e;
}

static bool
day_level(const hit *h)
{
    return h->kind == PX_DT_DAY || h->kind == PX_DT_WEEKDAY || h->d != 0;
}

/* Extends a day-level hit with a part of day and a time after it:
 * "Monday evening", "1月5日晚上", "06/01/2026 - 08:41 ص", "5 May at 9:30". */
static void
extend(const scan *s, hit *h)
{
    if (!day_level(h)) {
        return;
    }
    const px_dt_word *const wd = word(s, h->end + 1, DW_WEEKDAY);
    if (h->wd == 0 && wd != NULL && is_punct(s, h->end, '(') &&
        is_punct(s, h->end + 2, ')')) {
        h->wd = wd->val; /* 1月5日（周一） */
        h->end += 3;
    }
    const px_dt_word *pw = word(s, h->end, DW_PART);
    if (pw == NULL) {
        pw = word(s, h->end, DW_REL_DAY);
        pw = pw != NULL && (pw->flags & DWF_ALTPART) ? pw : NULL;
    }
    if (pw != NULL && lang_ok(s, pw) && h->part == PX_DAYPART_NONE) {
        h->part = (px_daypart)pw->part;
        h->end++;
    }
    size_t j = h->end;
    if (is_punct(s, j, ',') || is_punct(s, j, '-') ||
        word(s, j, DW_PREP) != NULL) {
        j++;
    }
    size_t e = opt_time(s, j, h);
    if (e == j) {
        e = opt_cjk_time(s, j, h);
    }
    if (e != j) {
        h->end = e;
        if (h->part >= PX_DAYPART_AFTERNOON && h->hh < 12 && h->hh > 0 &&
            !h->ampm) {
            h->hh += 12;
        }
    }
}

/* A part of the day before a day: "مساء الاثنين", "صباح أمس", "مساء يوم
 * الاثنين", "مساء اليوم". */
static bool match_at(const scan *s, size_t i, hit *h, int depth);

static bool
p_part(const scan *s, size_t i, hit *h, int depth)
{
    if (depth > 0 || !usable(s, i, DW_PART)) {
        return false;
    }
    size_t j = i + 1;
    if (word(s, j, DW_PREP) != NULL && !is_punct(s, j + 1, ',')) {
        j++; /* يوم */
    }
    if (!match_at(s, j, h, depth + 1) || !day_level(h) ||
        h->part != PX_DAYPART_NONE) {
        return false;
    }
    h->part = (px_daypart)word(s, i, DW_PART)->part;
    return true;
}

/* A time alone: "08:41", "9:30 pm", "at 9:30"; "1:50" alone is a ratio. */
static bool
p_time(const scan *s, size_t i, hit *h)
{
    hit_init(h, i, PX_DT_TIME);
    const size_t e = opt_time(s, i, h);
    if (e == i || (at(s, i)->ndig < 2 && !h->ampm &&
                   (i == 0 || word(s, i - 1, DW_PREP) == NULL))) {
        return false;
    }
    h->end = e;
    const px_dt_word *const pw = word(s, e, DW_PART);
    if (pw != NULL && lang_ok(s, pw)) {
        h->part = (px_daypart)pw->part; /* 10:30 صباحا */
        h->end++;
    }
    return true;
}

/* "2023 году", "2023 yılında": a year followed by a year word. */
static bool
p_year_unit(const scan *s, size_t i, hit *h)
{
    const int y = num(s, i, 4, 4);
    const px_dt_word *const w = word(s, i + 1, DW_UNIT);
    if (y < 1000 || y > 2999 || w == NULL || w->val != 'Y' ||
        at(s, i + 1)->type == T_HAN) {
        return false;
    }
    hit_init(h, i + 2, PX_DT_ABSOLUTE);
    h->y = y;
    return true;
}

static px_dt_kind
ago_kind(int unit)
{
    return unit == 'D' ? PX_DT_DAY : unit_kind(unit);
}

static bool
ago_hit(hit *h, size_t end, const px_dt_word *u, int count)
{
    if (count < 1 || count > 100) {
        return false;
    }
    hit_init(h, end, ago_kind(u->val));
    h->rel = -count;
    h->has_mod = true;
    return true;
}

/* "3 days ago", "two weeks ago", "a year ago", "3天前", "5年前". */
static bool
p_ago(const scan *s, size_t i, hit *h)
{
    const tok *const t = at(s, i);
    const px_dt_word *const nw = word(s, i, DW_NUMWORD);
    const int count = t->type == T_NUM ? num(s, i, 1, 3)
                      : nw != NULL     ? nw->val
                                       : -1;
    const px_dt_word *u = word(s, i + 1, DW_AGOUNIT);
    if (u == NULL && at(s, i + 1)->type == T_WORD) {
        u = word(s, i + 1, DW_UNIT); /* "a week ago" */
    }
    if (count < 0 || u == NULL || !lang_ok(s, u) ||
        (nw != NULL && !lang_ok(s, nw))) {
        return false;
    }
    if (u->flags & DWF_AFTER) {
        return t->type == T_NUM && ago_hit(h, i + 2, u, count);
    }
    const px_dt_word *const ago = word(s, i + 2, DW_AGO);
    return ago != NULL && lang_ok(s, ago) && ago_hit(h, i + 3, u, count);
}

/* "قبل 3 أيام", "قبل يومين", "قبل أسبوع". */
static bool
p_before(const scan *s, size_t i, hit *h)
{
    if (!usable(s, i, DW_AGO)) {
        return false;
    }
    const px_dt_word *u = word(s, i + 1, DW_AGOUNIT);
    if (u != NULL && u->part > 0) {
        return ago_hit(h, i + 2, u, u->part);
    }
    u = word(s, i + 2, DW_AGOUNIT);
    return u != NULL && u->part == 0 && !(u->flags & DWF_AFTER) &&
           ago_hit(h, i + 3, u, num(s, i + 1, 1, 3));
}

/* A time before its day: "5 a.m. on Sunday", "08:41, 5 January". */
static void
time_first(const scan *s, hit *h, int depth)
{
    size_t j = h->end;
    if (is_punct(s, j, ',') || word(s, j, DW_PREP) != NULL) {
        j++;
    }
    hit d;
    if (depth > 0 || !match_at(s, j, &d, depth + 1) || !day_level(&d) ||
        d.hh >= 0) {
        return;
    }
    d.hh = h->hh;
    d.mm = h->mm;
    d.part = d.part != PX_DAYPART_NONE ? d.part : h->part;
    *h = d;
}

static bool
match_at(const scan *s, size_t i, hit *h, int depth)
{
    const tok *const t = at(s, i);
    if (t->type == T_BREAK || t->type == T_PUNCT) {
        return false;
    }
    bool ok = false;
    if (t->type == T_NUM) {
        ok = core_date(s, i, h) || p_day_list(s, i, h) ||
             p_year_unit(s, i, h) || p_ago(s, i, h) || p_time(s, i, h);
    } else if (t->w != NULL) {
        ok = p_part(s, i, h, depth) || p_weekday(s, i, h) ||
             p_month_day(s, i, h) || p_mod(s, i, h) || p_relday(s, i, h) ||
             p_unit(s, i, h) || p_month(s, i, h) || p_year(s, i, h) ||
             p_ago(s, i, h) || p_before(s, i, h);
    }
    if (ok && h->kind != PX_DT_TIME) {
        extend(s, h);
    } else if (ok) {
        time_first(s, h, depth);
    }
    return ok;
}

/* ---- resolution ---- */

static void
set_day(px_date *d, long z)
{
    civil_of(z, d);
    d->prec = PX_PREC_DAY;
}

/* Picks the year (anchor's, or one either side) that puts m-d nearest the
 * anchor. */
static void
nearest_year(const px_date *a, int m, int d, px_date *out)
{
    const long az = px_days_from_civil(a->year, a->month, a->day);
    long best = -1;
    for (int y = a->year - 1; y <= a->year + 1; y++) {
        if (!valid_ymd(y, m, d)) {
            continue;
        }
        const long z = px_days_from_civil(y, m, d);
        const long dist = z > az ? z - az : az - z;
        if (best < 0 || dist < best) {
            best = dist;
            out->year = (int16_t)y;
        }
    }
    out->month = (int8_t)m;
    out->day = (int8_t)d;
    out->prec = best < 0 ? PX_PREC_NONE : PX_PREC_DAY;
}

static void
resolve_partial(const hit *h, const px_date *a, px_date *out)
{
    if (h->m != 0 && h->d != 0) {
        nearest_year(a, h->m, h->d, out);
        return;
    }
    if (h->m != 0) {
        int y = a->year;
        if (h->m - a->month > 6) {
            y--;
        } else if (a->month - h->m > 6) {
            y++;
        }
        out->year = (int16_t)y;
        out->month = (int8_t)h->m;
        out->prec = PX_PREC_MONTH;
        return;
    }
    /* a day of the month alone (5日): the month nearest the anchor */
    const long az = px_days_from_civil(a->year, a->month, a->day);
    long best = -1;
    for (int k = -1; k <= 1; k++) {
        const int mi = a->year * 12 + a->month - 1 + k;
        const int y = mi / 12;
        const int m = mi % 12 + 1;
        if (!valid_ymd(y, m, h->d)) {
            continue;
        }
        const long z = px_days_from_civil(y, m, h->d);
        const long dist = z > az ? z - az : az - z;
        if (best < 0 || dist < best) {
            best = dist;
            set_day(out, z);
        }
    }
}

static long
weekday_day(const hit *h, long az)
{
    const int awd = weekday_of(az);
    if (h->week_based || (h->has_mod && h->rel == 0)) {
        return az - (awd - 1) + 7L * h->rel + (h->wd - 1);
    }
    if (h->rel > 0) {
        const int ahead = (h->wd - awd + 7) % 7;
        return az + (ahead == 0 ? 7 : ahead);
    }
    const int back = (awd - h->wd + 7) % 7;
    return az - (back == 0 && h->rel < 0 ? 7 : back);
}

static void
resolve_rel(const hit *h, const px_date *a, px_date_mention *m)
{
    const long az = px_days_from_civil(a->year, a->month, a->day);
    px_date *const out = &m->date;
    switch (h->kind) {
    case PX_DT_DAY:
        set_day(out, az + h->rel);
        m->span_days = 1;
        break;
    case PX_DT_WEEKDAY:
        set_day(out, weekday_day(h, az));
        m->span_days = 1;
        break;
    case PX_DT_WEEK:
        set_day(out, az - (weekday_of(az) - 1) + 7L * h->rel);
        m->span_days = 7;
        break;
    case PX_DT_MONTH: {
        const int mi = a->year * 12 + a->month - 1 + h->rel;
        out->year = (int16_t)(mi / 12);
        out->month = (int8_t)(mi % 12 + 1);
        out->prec = PX_PREC_MONTH;
        break;
    }
    case PX_DT_YEAR:
        out->year = (int16_t)(a->year + h->rel);
        out->prec = PX_PREC_YEAR;
        break;
    default: /* NAMED_MONTH */
        out->year =
            (int16_t)(h->rel < 0   ? (h->m < a->month ? a->year : a->year - 1)
                      : h->rel > 0 ? (h->m > a->month ? a->year : a->year + 1)
                                   : a->year);
        out->month = (int8_t)h->m;
        out->prec = PX_PREC_MONTH;
        break;
    }
}

static void
resolve(const scan *s, const hit *h, px_date_mention *m)
{
    px_date *const d = &m->date;
    m->is_relative = h->kind >= PX_DT_DAY && h->kind <= PX_DT_NAMED_MONTH;
    if (h->kind == PX_DT_ABSOLUTE) {
        d->year = (int16_t)h->y;
        d->month = (int8_t)h->m;
        d->day = (int8_t)h->d;
        d->prec = h->d ? PX_PREC_DAY : h->m ? PX_PREC_MONTH : PX_PREC_YEAR;
        m->span_days = h->d ? 1 : 0;
    } else if (h->kind != PX_DT_TIME && s->has_anchor) {
        m->anchor = s->anchor;
        if (h->kind == PX_DT_PARTIAL) {
            resolve_partial(h, &s->anchor, d);
            m->span_days = d->prec == PX_PREC_DAY ? 1 : 0;
        } else {
            resolve_rel(h, &s->anchor, m);
        }
    } else {
        d->month = (int8_t)h->m;
        d->day = (int8_t)h->d;
    }
    m->is_resolved = d->prec != PX_PREC_NONE;
    if (h->hh >= 0) {
        d->hour = (int8_t)h->hh;
        d->min = (int8_t)h->mm;
        if (m->is_resolved && d->prec == PX_PREC_DAY) {
            d->prec = PX_PREC_MINUTE;
        }
    }
}

/* ---- driver ---- */

static bool
emit(scan *s, size_t i, const hit *h)
{
    if (s->nm == s->capm) {
        const size_t cap = s->capm * 2 + 16;
        px_date_mention *const p = px_realloc(s->m, cap * sizeof *p);
        if (p == NULL) {
            s->failed = true;
            return false;
        }
        s->m = p;
        s->capm = cap;
    }
    px_date_mention *const m = &s->m[s->nm++];
    memset(m, 0, sizeof *m);
    const hit hh = *h;
    const tok *const last = at(s, h->end - 1);
    m->off = s->t[i + h->skip].off;
    m->len = last->off + last->len - m->off;
    m->kind = hh.kind;
    m->rel = (int8_t)hh.rel;
    m->weekday = (int8_t)hh.wd;
    m->part = hh.part;
    resolve(s, &hh, m);
    return true;
}

/* Tries the patterns at each token from the first on, skipping past a
 * match. Only candidates can start one (match_at would say no at any
 * other token), so only they are tried. */
static void
match_chunk(scan *s)
{
    size_t i = 0;
    for (size_t c = 0; c < s->ncand; c++) {
        if (s->cand[c] < i) {
            continue; /* inside the last match */
        }
        i = s->cand[c];
        hit h;
        const tok *const t = &s->t[i];
        if (t->type != T_NUM && t->w == NULL) {
            continue; /* a PREFIX, dropped after it was listed */
        }
        if (match_at(s, i, &h, 0) && h.end > i) {
            if (!emit(s, i, &h)) {
                return;
            }
            i = h.end;
        } else {
            i++;
        }
    }
}

static void
set_lang(scan *s, const char *lang)
{
    s->langbit = px_dt_lang_bit(lang);
    s->month_first = false;
    if (lang != NULL && (lang[0] == 'e' || lang[0] == 'E') &&
        (lang[1] == 'n' || lang[1] == 'N')) {
        const char *const r = lang[2] == '-' || lang[2] == '_' ? lang + 3 : "";
        s->month_first = r[0] == '\0' || strncmp(r, "US", 2) == 0 ||
                         strncmp(r, "us", 2) == 0;
    }
}

static void
set_anchor(scan *s, const px_date *anchor)
{
    s->has_anchor = anchor != NULL && anchor->prec >= PX_PREC_DAY &&
                    valid_ymd(anchor->year, anchor->month, anchor->day);
    if (s->has_anchor) {
        memset(&s->anchor, 0, sizeof s->anchor);
        s->anchor.year = anchor->year;
        s->anchor.month = anchor->month;
        s->anchor.day = anchor->day;
        s->anchor.prec = PX_PREC_DAY;
    }
}

static px_status
finish(scan *s, px_arena *a, px_date_mention **out, size_t *n, px_error *err)
{
    if (s->failed) {
        return px_fail(err, PX_ENOMEM, "datetext: out of memory");
    }
    if (s->nm == 0) {
        return PX_OK;
    }
    px_date_mention *const m = px_arena_alloc(a, s->nm * sizeof *m);
    if (m == NULL) {
        return px_fail(err, PX_ENOMEM, "datetext: out of memory");
    }
    memcpy(m, s->m, s->nm * sizeof *m);
    *out = m;
    *n = s->nm;
    return PX_OK;
}

px_status
px_datetext_init(px_error *err)
{
    return px_dt_words_init(err);
}

px_status
px_datetext_find(px_str text, const char *lang, const px_date *anchor,
                 px_arena *a, px_date_mention **out, size_t *n, px_error *err)
{
    *out = NULL;
    *n = 0;
    if (text.len > INT32_MAX) {
        return px_fail(err, PX_EINVAL, "datetext: text over 2 GiB");
    }
    const px_status rc = px_dt_words_init(err);
    if (rc != PX_OK) {
        return rc;
    }
    pthread_once(&class_once, fill_classes);
    scan s = {0};
    s.text = text;
    set_lang(&s, lang);
    set_anchor(&s, anchor);
    s.sp = true;
    const size_t guess = text.len / 4 + 64; /* tokens, seldom more */
    const size_t most = (size_t)2 * CHUNK_TOKENS;
    grow(&s, guess < most ? guess : most);
    while (s.pos < text.len && !s.failed && tokenize(&s)) {
        match_chunk(&s);
    }
    const px_status r = finish(&s, a, out, n, err);
    px_free(s.t);
    px_free(s.cand);
    px_free(s.m);
    return r;
}

bool
px_datetext_covers(const px_date_mention *m, size_t n, size_t off, size_t len)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) { /* first mention ending after off */
        const size_t mid = lo + (hi - lo) / 2;
        if (m[mid].off + m[mid].len <= off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && m[lo].off < off + (len == 0 ? 1 : len);
}

const char *
px_dt_kind_name(px_dt_kind k)
{
    static const char *const names[] = {"absolute", "partial",     "day",
                                        "weekday",  "week",        "month",
                                        "year",     "named-month", "time"};
    return (size_t)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

const char *
px_daypart_name(px_daypart p)
{
    static const char *const names[] = {"",          "morning", "noon",
                                        "afternoon", "evening", "night"};
    return (size_t)p < sizeof names / sizeof names[0] ? names[p] : "?";
}
