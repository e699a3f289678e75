/* figures.c - the figures finder: every number in a text with its value,
 * qualifier, unit and sentence (see figures.h).
 *
 * One left-to-right pass. Most bytes are skipped a word at a time; a digit,
 * a number word (looked up in the hashed tables of figures_words.c) or a
 * Chinese numeral starts a candidate, which is read forward (separators,
 * scale words, 多, percent signs, a range's second number, the counted noun)
 * and backward (qualifiers, currency signs, nouns such as 死亡人数 that come
 * before the number). Sentence ends are tracked on the way, so each figure's
 * sentence is known without a second pass. Look-arounds are bounded, so the
 * scan stays linear. Most words are no listed word: a word is folded and
 * hashed only when its signature (folded length, first and last letter,
 * gathered from per-code-point tables built once) may be a key's.
 */
#include "figures.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "figures_int.h"

#define CUE_WINDOW 72 /* bytes searched before a number for 死亡人数 & co */

typedef struct scan {
    const char *s;
    size_t n;
    bool comma_dec;   /* "1,5" is 1.5 and "1.200" is 1200 */
    bool space_group; /* "1 200" is 1200 */
    px_figure *v;
    size_t len;
    size_t cap;
    bool failed;
    size_t sent_start;
    size_t open;     /* first figure whose sentence end is unknown */
    size_t prev_end; /* end of the previous figure */
} scan;

typedef struct num {
    size_t off;
    size_t end;
    double v;
    double scale; /* last scale factor applied, 1 if none */
    int ndig;     /* digits before any separator */
    bool plain;   /* only digits: no separator, decimals or scale */
    bool is_word;
    bool has_kind;
    px_fig_kind kind;
} num;

static const char *const qual_names[] = {"exact", "more_than", "at_least",
                                         "about", "nearly",    "less_than",
                                         "up_to", "range"};
static const char *const kind_names[] = {"quantity", "year", "ordinal",
                                         "date_part", "other"};
static const char *const unit_names[] = {
    "none",   "people", "deaths", "injured", "troops",    "questions",
    "points", "usd",    "eur",    "cny",     "gbp",       "percent",
    "years",  "months", "days",   "hours",   "countries", "items"};

const char *
px_fig_qual_name(px_fig_qual q)
{
    return (unsigned)q <= PX_FIG_RANGE ? qual_names[q] : "?";
}

const char *
px_fig_kind_name(px_fig_kind k)
{
    return (unsigned)k <= PX_FIG_OTHER ? kind_names[k] : "?";
}

const char *
px_unit_name(px_unit u)
{
    return (unsigned)u < PX_UNIT_COUNT_ ? unit_names[u] : "?";
}

/* ---- code points ---- */

/* The code point at i (and its end in *next), or -1 at the end or on a bad
 * byte (then *next is i + 1). */
static UChar32
cp_at_slow(const scan *sc, size_t i, size_t *next)
{
    if (i >= sc->n) {
        *next = sc->n;
        return -1;
    }
    UChar32 c = 0;
    size_t j = i;
    U8_NEXT(sc->s, j, sc->n, c);
    *next = j > i ? j : i + 1;
    return c;
}

/* cp_at_slow, with ASCII inline. */
static inline UChar32
cp_at(const scan *sc, size_t i, size_t *next)
{
    if (i < sc->n && (unsigned char)sc->s[i] < 0x80) {
        *next = i + 1;
        return (unsigned char)sc->s[i];
    }
    return cp_at_slow(sc, i, next);
}

/* cp_at for a lead byte at i (>= 0x80), with well-formed two- and
 * three-byte sequences decoded inline. */
static inline UChar32
cp_fast(const scan *sc, size_t i, size_t *next)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    const unsigned b = p[i];
    if (b >= 0xC2 && b < 0xE0 && i + 1 < sc->n && (p[i + 1] & 0xC0) == 0x80) {
        *next = i + 2;
        return (UChar32)(((b & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu));
    }
    if (b >= 0xE0 && b < 0xF0 && i + 2 < sc->n && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
        const UChar32 c =
            (UChar32)(((b & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) |
                      (p[i + 2] & 0x3Fu));
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
            *next = i + 3; /* not overlong, not a surrogate */
            return c;
        }
    }
    return cp_at(sc, i, next);
}

/* The code point ending at i (its start in *start), or -1. */
static UChar32
cp_before_slow(const scan *sc, size_t i, size_t *start)
{
    if (i == 0) {
        *start = 0;
        return -1;
    }
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)sc->s[j] & 0xC0) == 0x80) {
        j--;
    }
    size_t k = j;
    const UChar32 c = cp_at(sc, j, &k);
    if (k != i) {
        *start = i - 1; /* a stray byte */
        return -1;
    }
    *start = j;
    return c;
}

/* cp_before_slow, with ASCII inline. */
static inline UChar32
cp_before(const scan *sc, size_t i, size_t *start)
{
    if (i > 0 && (unsigned char)sc->s[i - 1] < 0x80) {
        *start = i - 1;
        return (unsigned char)sc->s[i - 1];
    }
    return cp_before_slow(sc, i, start);
}

/* The decimal digit value of c, or -1: ASCII, Arabic-Indic and extended
 * Arabic-Indic digits, and any other Nd outside the CJK blocks. */
static int
digit_val_icu(UChar32 c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c < 0x660 || (c >= 0x3000 && c < 0xA620)) {
        return -1; /* Latin, Greek, Cyrillic, Hebrew, CJK: no digits */
    }
    if (c <= 0x669) {
        return c - 0x660;
    }
    if (c >= 0x6F0 && c <= 0x6F9) {
        return c - 0x6F0;
    }
    if (c >= 0x66A && c < 0x700) {
        return -1;
    }
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
        return u_charDigitValue(c);
    }
    return -1;
}

/* digit_val_icu of every BMP code point (NO_DIGIT, SKIP: -1), filled once
 * so that ICU is not asked per code point. SKIP marks the code points the
 * scan steps over (is_skipped). */
enum { SKIP = 0xFE, NO_DIGIT = 0xFF };
static uint8_t bmp_digit[0x10000];
/* px_fw_fold of every BMP word letter (is_wletter_icu), WF_DROPPED when
 * it folds to nothing, WF_ASK when the fold does not fit (outside the BMP
 * or below 3), 0 for the rest: filled with bmp_digit. */
enum { WF_DROPPED = 1, WF_ASK = 2 };
static uint16_t bmp_wfold[0x10000];
/* Per lead byte of a two-byte sequence, bit c & 0x3F for each next byte c
 * that makes a word letter folding to a two-byte letter (plain: it adds 2
 * to a folded length): filled with bmp_wfold. */
static uint64_t plain2[256];
/* The ASCII bytes step passes over: all but letters, digits and . ! ?
 * and newline (sentence ends); filled with bmp_digit. */
static bool ascii_inert[256];
/* Per lead and second byte of a three-byte sequence ((b0 & 0xF) << 6 |
 * (b1 & 0x3F)): true if all 64 code points so written are SKIP (none is
 * overlong or a surrogate); filled after bmp_digit. */
static bool skip3[1024];
static pthread_once_t digit_once = PTHREAD_ONCE_INIT;

static bool is_hanzi_num(UChar32 c);
static bool is_wletter_icu(UChar32 c);

/* A code point of a script without listed words (Armenian on, but for
 * Arabic) that ends no sentence: for it only digits matter. */
static bool
is_wordless(UChar32 c)
{
    return c >= 0x530 && (c < 0x600 || c > 0x6FF) && c != 0x3002 &&
           c != 0xFF01 && c != 0xFF1F;
}

/* A code point that can neither start a number nor a listed word nor end
 * a sentence: a Han character that is no numeral, or a letter of a script
 * without listed words. */
static bool
is_skipped(UChar32 c)
{
    if (c >= 0x4E00 && c < 0xA000 && !is_hanzi_num(c)) {
        return true;
    }
    return digit_val_icu(c) < 0 && !is_hanzi_num(c) && is_wordless(c);
}

/* skip3 from bmp_digit. */
static void
fill_skip3(void)
{
    for (unsigned x = 0; x < 1024; x++) {
        const UChar32 lo = (UChar32)(x << 6);
        bool all = lo >= 0x800 && (lo < 0xD800 || lo > 0xDFFF);
        for (UChar32 c = lo; c < lo + 64 && all; c++) {
            all = bmp_digit[c] == SKIP;
        }
        skip3[x] = all;
    }
}

static void
fill_digits(void)
{
    for (UChar32 c = 0; c < 0x10000; c++) {
        const int d = digit_val_icu(c);
        bmp_digit[c] = d >= 0 && d < SKIP ? (uint8_t)d
                       : is_skipped(c)    ? SKIP
                                          : NO_DIGIT;
        if (is_wletter_icu(c)) {
            const uint32_t f = px_fw_fold((uint32_t)c);
            bmp_wfold[c] = f == 0                 ? WF_DROPPED
                           : f > 2 && f < 0x10000 ? (uint16_t)f
                                                  : WF_ASK;
        }
        if (c < 0x80) {
            ascii_inert[c] = (uint32_t)((c | 0x20) - 'a') >= 26 &&
                             (uint32_t)(c - '0') >= 10 && c != '.' &&
                             c != '!' && c != '?' && c != '\n';
        }
        if (c >= 0x80 && c < 0x800 && bmp_wfold[c] >= 0x80 &&
            bmp_wfold[c] < 0x800) {
            plain2[0xC0 | c >> 6] |= (uint64_t)1 << (c & 0x3F);
        }
    }
    fill_skip3();
}

static inline int
digit_val(UChar32 c)
{
    if (c >= 0 && c < 0x10000) {
        return bmp_digit[c] >= SKIP ? -1 : bmp_digit[c];
    }
    return digit_val_icu(c);
}

static bool
is_cjk(UChar32 c)
{
    return c >= 0x2E80 && c < 0xA000;
}

/* A letter of a space-separated script (or a combining mark). */
static bool
is_wletter_icu(UChar32 c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (c >= 0x600 && c <= 0x6FF) {
        return (c >= 0x620 && c <= 0x65F) || (c >= 0x670 && c <= 0x6D3);
    }
    if (c >= 0x400 && c <= 0x4FF) {
        return true;
    }
    if (c >= 0xC0 && c <= 0x24F) {
        return c != 0xD7 && c != 0xF7;
    }
    if (c < 0 || is_cjk(c) || (c >= 0xAC00 && c < 0xD7B0)) {
        return c >= 0xAC00 && c < 0xD7B0;
    }
    return u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK;
}

/* is_wletter_icu, from the table in the BMP. */
static inline bool
is_wletter(UChar32 c)
{
    return c >= 0 && c < 0x10000 ? bmp_wfold[c] != 0 : is_wletter_icu(c);
}

static bool
is_inline_space(UChar32 c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x202F ||
           c == 0x2009 || c == 0x3000;
}

static size_t
skip_sp(const scan *sc, size_t i)
{
    size_t k = i;
    while (is_inline_space(cp_at(sc, i, &k))) {
        i = k;
    }
    return i;
}

static size_t
skip_sp_back(const scan *sc, size_t i)
{
    size_t k = i;
    while (is_inline_space(cp_before(sc, i, &k))) {
        i = k;
    }
    return i;
}

static size_t
word_end(const scan *sc, size_t i)
{
    size_t k = i;
    while (is_wletter(cp_at(sc, i, &k))) {
        i = k;
    }
    return i;
}

/* The start of the word ending at i; ASCII letters and two-byte
 * sequences are decoded inline. */
static size_t
word_start(const scan *sc, size_t i)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    size_t k = i;
    for (;;) {
        if (i >= 1 && (px_ascii_class[p[i - 1]] & PX_ASCII_ALPHA)) {
            i--;
        } else if (i >= 2 && p[i - 2] >= 0xC2 && p[i - 2] < 0xE0 &&
                   (p[i - 1] & 0xC0) == 0x80) {
            if (bmp_wfold[(p[i - 2] & 0x1Fu) << 6 | (p[i - 1] & 0x3Fu)] == 0) {
                return i;
            }
            i -= 2;
        } else if (is_wletter(cp_before(sc, i, &k))) {
            i = k;
        } else {
            return i;
        }
    }
}

static bool
ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---- matching with folding ---- */

/* The end of pat matched at i, or 0. A space in pat matches a run of
 * spaces; diacritics in the text are skipped. A pattern ending in a letter
 * must end at a word end. */
static size_t
match_at_slow(const scan *sc, size_t i, const char *pat)
{
    const size_t plen = strlen(pat);
    size_t p = 0;
    UChar32 last = 0;
    while (p < plen) {
        UChar32 pc = 0;
        U8_NEXT(pat, p, plen, pc);
        const uint32_t pf = px_fw_fold((uint32_t)pc);
        if (pf == ' ') {
            const size_t j = skip_sp(sc, i);
            if (j == i) {
                return 0;
            }
            i = j;
            continue;
        }
        uint32_t tf = 0;
        do {
            size_t k = i;
            const UChar32 c = cp_at(sc, i, &k);
            if (c < 0) {
                return 0;
            }
            tf = px_fw_fold((uint32_t)c);
            i = k;
        } while (tf == 0);
        if (tf != pf) {
            return 0;
        }
        last = pc;
    }
    size_t k = i;
    UChar32 c = cp_at(sc, i, &k);
    while (c >= 0 && px_fw_fold((uint32_t)c) == 0) {
        i = k;
        c = cp_at(sc, i, &k);
    }
    if (is_wletter(last) && is_wletter(c)) {
        return 0;
    }
    return i;
}

/* match_at_slow, where the first byte does not rule the match out: the
 * common case, so it is decided inline. */
static inline size_t
match_at(const scan *sc, size_t i, const char *pat)
{
    if (i >= sc->n) {
        return 0;
    }
    const unsigned char p0 = (unsigned char)pat[0];
    const unsigned char t0 = (unsigned char)sc->s[i];
    if ((p0 < 0x80) != (t0 < 0x80) ||
        (p0 < 0x80 && (p0 | 0x20) != (t0 | 0x20))) {
        return 0;
    }
    return match_at_slow(sc, i, pat);
}

/* True if pat ends exactly at end; *start is where it begins. */
static bool
match_before(const scan *sc, size_t end, const char *pat, size_t *start)
{
    const size_t plen = strlen(pat);
    for (size_t extra = 0; extra <= 8; extra++) {
        if (plen + extra > end) {
            return false;
        }
        const size_t s = end - plen - extra;
        if ((sc->s[s] & 0xC0) == 0x80 || match_at(sc, s, pat) != end) {
            continue;
        }
        size_t k = 0;
        size_t f = 0;
        if (is_wletter(cp_at(sc, s, &f)) && is_wletter(cp_before(sc, s, &k))) {
            return false;
        }
        *start = s;
        return true;
    }
    return false;
}

/* The folded form of the word letter c (px_fw_fold), or 0 when c is no
 * word letter (is_wletter); *is_dropped when folding drops it. */
static inline uint32_t
wletter_fold(UChar32 c, bool *is_dropped)
{
    *is_dropped = false;
    if (c >= 0 && c < 0x10000 && bmp_wfold[c] != WF_ASK) {
        const uint16_t e = bmp_wfold[c];
        *is_dropped = e == WF_DROPPED;
        return *is_dropped ? 1 : e;
    }
    if (!is_wletter_icu(c)) {
        return 0;
    }
    const uint32_t f = px_fw_fold((uint32_t)c);
    *is_dropped = f == 0;
    return *is_dropped ? 1 : f;
}

/* Scans the word at i, folding it into buf; returns its end. *klen is the
 * folded length, 0 if it did not fit. Letters are folded by bmp_wfold
 * (two-byte UTF-8 decoded inline). */
static size_t
scan_word(const scan *sc, size_t i, char *buf, size_t cap, size_t *klen)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    size_t o = 0;
    bool fits = true;
    while (i < sc->n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            if (!((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
                break;
            }
            if (o < cap) {
                buf[o++] = (char)(b | 0x20);
            } else {
                fits = false;
            }
            i++;
            continue;
        }
        size_t k = i + 2;
        UChar32 c = 0;
        if (b >= 0xC2 && b < 0xE0 && i + 1 < sc->n &&
            (p[i + 1] & 0xC0) == 0x80) {
            c = (UChar32)((b & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu));
        } else {
            c = cp_fast(sc, i, &k);
        }
        bool is_dropped = false;
        const uint32_t f = wletter_fold(c, &is_dropped);
        if (f == 0) {
            break;
        }
        if (!is_dropped && o + 4 <= cap) {
            U8_APPEND_UNSAFE(buf, o, f);
        } else if (!is_dropped) {
            fits = false;
        }
        i = k;
    }
    *klen = fits ? o : 0;
    return i;
}

/* What px_fw_key_sig needs of a word's folded key, gathered without
 * writing the key: most words are no key, and this tells so cheaply. */
typedef struct wsig {
    size_t end;      /* the word's end */
    size_t len;      /* folded length in bytes */
    uint32_t first;  /* the first folded code point */
    uint32_t last;   /* the last folded code point */
    bool is_ascii;   /* ASCII letters only */
    bool is_unknown; /* a letter outside bmp_wfold: ask scan_word */
} wsig;

/* The folded form of the code point at i as bmp_wfold has it (0: no word
 * letter, WF_ASK outside the BMP); *next is its end. */
static inline uint32_t
wfold_at(const scan *sc, size_t i, size_t *next)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    const unsigned b = p[i];
    if (b < 0x80) {
        *next = i + 1;
        return (uint8_t)((b | 0x20) - 'a') < 26 ? b | 0x20 : 0;
    }
    if (b >= 0xC2 && b < 0xE0 && i + 1 < sc->n && (p[i + 1] & 0xC0) == 0x80) {
        *next = i + 2;
        return bmp_wfold[(b & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu)];
    }
    const UChar32 c = cp_fast(sc, i, next);
    return c < 0 ? 0 : c >= 0x10000 ? WF_ASK : bmp_wfold[c];
}

/* The end of the run of ASCII letters at i. */
static inline size_t
ascii_run(const scan *sc, size_t i)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    while (i < sc->n && (px_ascii_class[p[i]] & PX_ASCII_ALPHA)) {
        i++;
    }
    return i;
}

/* bmp_wfold of the two-byte sequence at i (lead byte checked). */
static inline uint32_t
wfold2(const unsigned char *p, size_t i)
{
    return bmp_wfold[(p[i] & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu)];
}

/* word_sig for a word with a letter outside ASCII, from i. ASCII runs and
 * plain two-byte letters (plain2) are counted without folding: of those
 * only the first and last letter of the word are looked up. */
static void
word_sig_mixed(const scan *sc, size_t i, wsig *g)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    uint32_t first = 0;
    uint32_t last = 0;
    size_t last2 = SIZE_MAX; /* a plain2 letter after last */
    size_t len = 0;
    g->is_ascii = false;
    g->is_unknown = false;
    while (i < sc->n) {
        const unsigned b = p[i];
        if (b < 0x80) {
            const size_t k = ascii_run(sc, i);
            if (k == i) {
                break;
            }
            first = first != 0 ? first : (b | 0x20);
            last = (uint32_t)(p[k - 1] | 0x20);
            last2 = SIZE_MAX;
            len += k - i;
            i = k;
            continue;
        }
        size_t r = i; /* a run of plain2 letters */
        while (r + 1 < sc->n && (p[r + 1] & 0xC0) == 0x80 &&
               ((plain2[p[r]] >> (p[r + 1] & 0x3F)) & 1u) != 0) {
            r += 2;
        }
        if (r > i) {
            first = first != 0 ? first : wfold2(p, i);
            last2 = r - 2;
            len += r - i;
            i = r;
            continue;
        }
        size_t k = i;
        const uint32_t f = wfold_at(sc, i, &k);
        if (f <= WF_ASK) {
            if (f != WF_DROPPED) {
                g->is_unknown = f == WF_ASK;
                break;
            }
            i = k;
            continue;
        }
        first = first != 0 ? first : f;
        last = f;
        last2 = SIZE_MAX;
        len += f < 0x80 ? 1 : f < 0x800 ? 2 : 3;
        i = k;
    }
    g->end = i;
    g->len = len;
    g->first = first;
    g->last = last2 != SIZE_MAX ? wfold2(p, last2) : last;
}

/* The signature of the word at i: its letters as scan_word reads them. */
static inline void
word_sig(const scan *sc, size_t i, wsig *g)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    const size_t j = ascii_run(sc, i);
    if (j == i || (j < sc->n && p[j] >= 0x80)) {
        word_sig_mixed(sc, i, g);
        return;
    }
    g->end = j;
    g->len = j - i;
    g->first = (uint32_t)(p[i] | 0x20);
    g->last = (uint32_t)(p[j - 1] | 0x20);
    g->is_ascii = true;
    g->is_unknown = false;
}

/* sig_may_be_key for the rest of an Arabic word at i after a leading و,
 * ال or وال, as word_lookup_ar tries them. */
static bool
rest_may_be_key(const scan *sc, size_t i, const wsig *g)
{
    uint32_t c[4] = {0, 0, 0, 0};
    for (size_t n_cp = 0; n_cp < 4 && i < sc->n;) {
        size_t k = i;
        const uint32_t f = wfold_at(sc, i, &k);
        if (f == 0 || f == WF_ASK) {
            break;
        }
        c[n_cp] = f != WF_DROPPED ? f : 0;
        n_cp += f != WF_DROPPED;
        i = k;
    }
    const bool wa = c[0] == 0x648;
    const size_t p = wa ? 1 : 0; /* where ال may start */
    if (wa && px_fw_may_be_key(c[1], g->last, g->len - 2)) {
        return true;
    }
    return g->len - 2 * p > 6 && c[p] == 0x627 && c[p + 1] == 0x644 &&
           px_fw_may_be_key(c[p + 2], g->last, g->len - 2 * p - 4);
}

/* False if the word at i (signature g) surely is no key, nor, with strip,
 * a key after a leading و or ال; then it need not be folded. */
static inline bool
sig_may_be_key(const scan *sc, size_t i, const wsig *g, bool strip)
{
    if (g->is_unknown) {
        return true;
    }
    if (g->len == 0) {
        return false;
    }
    if (px_fw_may_be_key(g->first, g->last, g->len)) {
        return true;
    }
    return strip && g->len >= 6 && (g->first == 0x648 || g->first == 0x627) &&
           rest_may_be_key(sc, i, g);
}

/* The table entry of the word at i (or NULL); *end is the word's end. */
static const px_fw_word *
word_lookup(const scan *sc, size_t i, size_t *end)
{
    wsig g;
    word_sig(sc, i, &g);
    *end = g.end;
    if (!sig_may_be_key(sc, i, &g, false)) {
        return NULL;
    }
    char buf[48];
    size_t k = 0;
    *end = scan_word(sc, i, buf, sizeof buf, &k);
    return k > 0 ? px_fw_lookup(buf, k) : NULL;
}

/* The table entry of the ASCII word p[0..n) (letters only): what
 * scan_word and px_fw_lookup give, lower-cased straight into the key. */
static const px_fw_word *
ascii_lookup(const char *p, size_t n)
{
    char buf[48];
    if (n > sizeof buf) {
        return NULL; /* scan_word: does not fit */
    }
    for (size_t k = 0; k < n; k++) {
        buf[k] = (char)(p[k] | 0x20);
    }
    return px_fw_lookup(buf, n);
}

/* Like word_lookup, also trying the word without a leading و or ال (or
 * both); *had_wa tells whether a و was dropped. */
static const px_fw_word *
word_lookup_ar(const scan *sc, size_t i, size_t *end, bool *had_wa)
{
    static const char wa[] = "\xD9\x88";         /* و */
    static const char al[] = "\xD8\xA7\xD9\x84"; /* ال (folded) */
    *had_wa = false;
    wsig g;
    word_sig(sc, i, &g);
    *end = g.end;
    if (!sig_may_be_key(sc, i, &g, true)) {
        return NULL;
    }
    if (g.is_ascii) {
        return ascii_lookup(sc->s + i, g.end - i);
    }
    char buf[48];
    size_t k = 0;
    *end = scan_word(sc, i, buf, sizeof buf, &k);
    if (k == 0) {
        return NULL;
    }
    const px_fw_word *w = px_fw_lookup(buf, k);
    if (w != NULL || k < 6 || ((unsigned char)buf[0] & 0xFE) != 0xD8) {
        return w;
    }
    size_t p = 0;
    if (memcmp(buf, wa, 2) == 0) {
        w = px_fw_lookup(buf + 2, k - 2);
        *had_wa = w != NULL;
        p = 2;
    }
    if (w == NULL && k - p > 6 && memcmp(buf + p, al, 4) == 0) {
        w = px_fw_lookup(buf + p + 4, k - p - 4);
        if (w != NULL && w->type != PX_FW_NOUN) {
            w = NULL; /* الأحد is Sunday, الثلاثة "the three" */
        }
    }
    return w;
}

/* ---- numbers in digits ---- */

/* Reads a run of digits at i: value, count, end. */
static size_t
read_digits(const scan *sc, size_t i, double *v, int *nd)
{
    size_t k = i;
    int d = 0;
    *v = 0;
    *nd = 0;
    while ((d = digit_val(cp_at(sc, i, &k))) >= 0) {
        *v = *v * 10 + d;
        (*nd)++;
        i = k;
    }
    return i;
}

static bool
is_group_sep(const scan *sc, UChar32 c, UChar32 used, int lead)
{
    if (used != 0) {
        return c == used;
    }
    switch (c) {
    case ',':
        return !sc->comma_dec;
    case '.':
        return sc->comma_dec;
    case 0x66C: /* Arabic thousands separator */
    case '\'':
        return true;
    case 0xA0:
    case 0x202F:
    case 0x2009:
        return lead <= 3;
    case ' ':
        return lead <= 3 && sc->space_group;
    default:
        return false;
    }
}

/* A group of exactly three digits at i not followed by a digit: its value
 * and end, or 0. */
static size_t
group3(const scan *sc, size_t i, double *v)
{
    int nd = 0;
    const size_t e = read_digits(sc, i, v, &nd);
    return nd == 3 ? e : 0;
}

/* Thousands groups after the leading digits. */
static size_t
read_groups(const scan *sc, size_t i, num *nm, UChar32 *sep)
{
    *sep = 0;
    for (;;) {
        size_t k = i;
        const UChar32 c = cp_at(sc, i, &k);
        double g = 0;
        const size_t e = group3(sc, k, &g);
        bool ok = e != 0 && is_group_sep(sc, c, *sep, nm->ndig);
        if (!ok && e != 0 && *sep == 0 && c == '.') {
            /* 1.200.000 groups in any locale */
            size_t k2 = e;
            double g2 = 0;
            ok = cp_at(sc, e, &k2) == '.' && group3(sc, k2, &g2) != 0;
        }
        if (!ok) {
            return i;
        }
        nm->v = nm->v * 1000 + g;
        nm->plain = false;
        *sep = c;
        i = e;
    }
}

static size_t
read_decimals(const scan *sc, size_t i, num *nm, UChar32 sep)
{
    size_t k = i;
    const UChar32 c = cp_at(sc, i, &k);
    const bool is_dec =
        c == 0x66B ||
        (c == '.' && sep != '.' && (!sc->comma_dec || sep == ',')) ||
        (c == ',' && sep != ',' && (sc->comma_dec || sep == '.'));
    if (!is_dec || digit_val(cp_at(sc, k, &(size_t){0})) < 0) {
        return i;
    }
    double f = 0;
    int nd = 0;
    const size_t e = read_digits(sc, k, &f, &nd);
    double div = 1;
    for (int j = 0; j < nd && j < 30; j++) {
        div *= 10;
    }
    nm->v += f / div;
    nm->plain = false;
    return e;
}

/* D sep D sep D (a date such as 2026-01-06 or 6.1.2026) or 2026-01 at i,
 * where i ends the first group: the end, or 0. */
static size_t
date_tail(const scan *sc, size_t i, const num *nm)
{
    size_t k = i;
    const UChar32 sep = cp_at(sc, i, &k);
    if (sep != '-' && sep != '/' && sep != '.') {
        return 0;
    }
    double m = 0;
    int nd2 = 0;
    const size_t e2 = read_digits(sc, k, &m, &nd2);
    if (nd2 < 1 || nd2 > 2) {
        return 0;
    }
    size_t k3 = e2;
    double d = 0;
    int nd3 = 0;
    if (cp_at(sc, e2, &k3) == sep) {
        const size_t e3 = read_digits(sc, k3, &d, &nd3);
        if (nd3 >= 1 && nd3 <= 4 && (nd3 == 4 || nm->ndig == 4 || sep != '.')) {
            return e3;
        }
    }
    const bool ym = sep == '-' && nm->ndig == 4 && nd2 == 2 && m >= 1 &&
                    m <= 12 && nm->v >= 1900 && nm->v <= 2100;
    return ym ? e2 : 0;
}

/* Times (10:30), phone numbers (+1 202 555 0100): the end, or 0. */
static size_t
other_tail(const scan *sc, size_t i, const num *nm)
{
    size_t k = i;
    if (cp_at(sc, i, &k) == ':' && nm->ndig <= 2) {
        double m = 0;
        int nd = 0;
        size_t e = read_digits(sc, k, &m, &nd);
        while (nd == 2 && cp_at(sc, e, &k) == ':') {
            e = read_digits(sc, k, &m, &nd);
        }
        return nd == 2 ? e : 0;
    }
    size_t b = 0;
    if (cp_at(sc, i, &k) == '-' && digit_val(cp_at(sc, k, &b)) >= 0) {
        double m = 0;
        int nd = 0;
        const size_t e = read_digits(sc, k, &m, &nd);
        if (nd >= 3 && cp_at(sc, e, &k) == '-' &&
            digit_val(cp_at(sc, k, &b)) >= 0) {
            return read_digits(sc, k, &m, &nd); /* 202-555-0100 */
        }
    }
    if (cp_at(sc, i, &k) == '.' && digit_val(cp_at(sc, k, &b)) >= 0) {
        double m = 0;
        int nd = 0;
        const size_t e = read_digits(sc, k, &m, &nd);
        if (cp_at(sc, e, &k) == '.' && nd < 3 &&
            digit_val(cp_at(sc, k, &b)) >= 0) {
            return read_digits(sc, k, &m, &nd); /* a version: 3.2.1 */
        }
    }
    if (cp_before(sc, nm->off, &b) != '+') {
        return 0;
    }
    size_t e = i;
    for (;;) {
        const UChar32 c = cp_at(sc, e, &k);
        if (digit_val(c) >= 0 || c == '-' || c == '(' || c == ')' ||
            (c == ' ' && digit_val(cp_at(sc, k, &b)) >= 0)) {
            e = k;
            continue;
        }
        return e;
    }
}

static double
cjk_scale(UChar32 c)
{
    switch (c) {
    case 0x4E07: /* 万 */
    case 0x842C: /* 萬 */
        return 1e4;
    case 0x4EBF: /* 亿 */
    case 0x5104: /* 億 */
        return 1e8;
    case 0x5343: /* 千 */
        return 1e3;
    case 0x767E: /* 百 */
        return 1e2;
    default:
        return 0;
    }
}

/* Scale after a number: 万, 万亿, " million", " ألف", "bn". */
static size_t
read_scale(const scan *sc, size_t i, num *nm)
{
    size_t k = i;
    double f = cjk_scale(cp_at(sc, i, &k));
    if (f > 0) {
        double total = 1;
        while (f > 0) {
            total *= f;
            i = k;
            f = cjk_scale(cp_at(sc, i, &k));
        }
        nm->v *= total;
        nm->scale = total;
        nm->plain = false;
        return i;
    }
    const size_t w = skip_sp(sc, i);
    if (w == i && !nm->plain && i < sc->n && sc->s[i] == 'm' &&
        (i + 1 == sc->n || !ascii_letter(sc->s[i + 1]))) {
        nm->v *= 1e6; /* £1.5m */
        nm->scale = 1e6;
        return i + 1;
    }
    size_t e = 0;
    const px_fw_word *fw = word_lookup(sc, w, &e);
    if (fw == NULL || (fw->type != PX_FW_SCALE && fw->type != PX_FW_SCALE_PL &&
                       fw->type != PX_FW_HUND)) {
        return i;
    }
    nm->v *= fw->v;
    nm->scale = fw->v;
    nm->plain = false;
    return e;
}

/* Letters glued after digits: 1st, 1990s, 5G. */
static size_t
digit_suffix(const scan *sc, size_t i, num *nm)
{
    const size_t e = word_end(sc, i);
    if (e == i || e - i > 3 || (unsigned char)sc->s[i] >= 0x80) {
        return i;
    }
    char w[4] = {0};
    for (size_t j = i; j < e; j++) {
        w[j - i] = (char)(sc->s[j] | 0x20);
    }
    if (strcmp(w, "st") == 0 || strcmp(w, "nd") == 0 || strcmp(w, "rd") == 0 ||
        strcmp(w, "th") == 0) {
        nm->has_kind = true;
        nm->kind = PX_FIG_ORDINAL;
        return e;
    }
    if (strcmp(w, "s") == 0 && nm->ndig == 4) {
        nm->has_kind = true;
        nm->kind = PX_FIG_YEAR;
        return e;
    }
    if (e - i == 1 && sc->s[i] >= 'A' && sc->s[i] <= 'Z') {
        nm->has_kind = true;
        nm->kind = PX_FIG_OTHER;
        return e;
    }
    return i;
}

/* Digits glued to a word (G20, MH17), but not to an Arabic proclitic
 * (و30, ب20). */
static bool
glued_to_word(const scan *sc, size_t i)
{
    size_t b = 0;
    const UChar32 c = cp_before(sc, i, &b);
    if (!is_wletter(c)) {
        return false;
    }
    size_t b2 = 0;
    const bool proclitic =
        c == 0x648 || c == 0x628 || c == 0x644 || c == 0x641 || c == 0x643;
    return !proclitic || is_wletter(cp_before(sc, b, &b2));
}

static bool
parse_digits(const scan *sc, size_t i, num *nm)
{
    memset(nm, 0, sizeof *nm);
    nm->off = i;
    nm->scale = 1;
    nm->plain = true;
    size_t e = read_digits(sc, i, &nm->v, &nm->ndig);
    if (glued_to_word(sc, i)) {
        nm->has_kind = true; /* G20, MH17, v2 */
        nm->kind = PX_FIG_OTHER;
    }
    size_t t = date_tail(sc, e, nm);
    if (t != 0) {
        nm->end = t;
        nm->has_kind = true;
        nm->kind = PX_FIG_DATE_PART;
        return true;
    }
    t = other_tail(sc, e, nm);
    if (t != 0) {
        nm->end = t;
        nm->has_kind = true;
        nm->kind = PX_FIG_OTHER;
        return true;
    }
    UChar32 sep = 0;
    e = read_groups(sc, e, nm, &sep);
    e = read_decimals(sc, e, nm, sep);
    const size_t s = digit_suffix(sc, e, nm);
    nm->end = s != e ? s : read_scale(sc, e, nm);
    return true;
}

/* ---- numbers in words ---- */

typedef struct wstate {
    double total;
    double cur;
    int last; /* 0 or the px_fw_type of the previous token */
} wstate;

/* Adds one number word to the running value; false if it cannot follow. */
static bool
word_step(wstate *ws, const px_fw_word *w, bool wa)
{
    const double v = w->v;
    switch (w->type) {
    case PX_FW_UNIT:
        if (ws->last == PX_FW_UNIT && v == 10 && ws->cur < 10 && !wa) {
            ws->cur += 10; /* Arabic ثلاثة عشر */
            return true;
        }
        if (ws->last == 0 || ws->last == PX_FW_SCALE ||
            ws->last == PX_FW_HUND ||
            (ws->last == PX_FW_TEN && v < 10 && !wa)) {
            ws->cur += v;
            ws->last = PX_FW_UNIT;
            return true;
        }
        return false;
    case PX_FW_TEN:
        if (ws->last == 0 || ws->last == PX_FW_SCALE ||
            ws->last == PX_FW_HUND ||
            (ws->last == PX_FW_UNIT && wa && fmod(ws->cur, 100) < 10)) {
            ws->cur += v;
            ws->last = PX_FW_TEN;
            return true;
        }
        return false;
    case PX_FW_HUND:
        if (ws->last == 0 || ws->last == PX_FW_UNIT) {
            ws->cur = (ws->cur == 0 ? 1 : ws->cur) * 100;
        } else if (ws->last == PX_FW_SCALE) {
            ws->cur += 100; /* Arabic ألف ومائة */
        } else {
            return false;
        }
        ws->last = PX_FW_HUND;
        return true;
    case PX_FW_HUNDV:
        if (ws->last != 0 && ws->last != PX_FW_SCALE) {
            return false;
        }
        ws->cur += v;
        ws->last = PX_FW_HUND;
        return true;
    case PX_FW_SCALE:
    case PX_FW_SCALE_PL:
        if (ws->last == PX_FW_SCALE ||
            (ws->cur == 0 && w->type == PX_FW_SCALE_PL)) {
            return false;
        }
        ws->total += (ws->cur == 0 ? 1 : ws->cur) * v;
        ws->cur = 0;
        ws->last = PX_FW_SCALE;
        return true;
    default:
        return false;
    }
}

/* Where the next number word may start after e: a space, a hyphen, "and"
 * or a separate و; *wa tells whether a conjunction was crossed. */
static size_t
word_gap(const scan *sc, size_t e, bool *wa)
{
    size_t k = e;
    *wa = false;
    if (cp_at(sc, e, &k) == '-') {
        return k;
    }
    size_t j = skip_sp(sc, e);
    if (j == e) {
        return e;
    }
    const size_t a = match_at(sc, j, "and");
    const size_t w = match_at(sc, j, "\xD9\x88"); /* a lone و */
    if (a != 0 || w != 0) {
        *wa = true;
        j = skip_sp(sc, a != 0 ? a : w);
    }
    return j;
}

static bool
parse_words(const scan *sc, size_t i, num *nm)
{
    memset(nm, 0, sizeof *nm);
    nm->off = i;
    nm->scale = 1;
    nm->is_word = true;
    wstate ws = {0, 0, 0};
    size_t pos = i;
    bool wa = false;
    int n_tok = 0;
    bool teen_only = false;
    for (;;) {
        size_t e = 0;
        bool pre_wa = false;
        const px_fw_word *w = word_lookup_ar(sc, pos, &e, &pre_wa);
        if (w == NULL || !word_step(&ws, w, wa || pre_wa)) {
            break;
        }
        teen_only =
            n_tok == 0 && w->type == PX_FW_UNIT && w->unit == PX_FW_TEEN_ONLY;
        if (w->type == PX_FW_SCALE || w->type == PX_FW_SCALE_PL) {
            nm->scale = w->v;
        }
        nm->end = e;
        n_tok++;
        pos = word_gap(sc, e, &wa);
        if (pos == e) {
            break;
        }
    }
    if (n_tok == 0 || (n_tok == 1 && teen_only)) {
        return false;
    }
    size_t s0 = 0;
    if (n_tok == 1 && ws.cur == 1 &&
        (match_before(sc, skip_sp_back(sc, i), "no", &s0) ||
         match_before(sc, skip_sp_back(sc, i), "any", &s0))) {
        return false; /* no one, any one */
    }
    nm->v = ws.total + ws.cur;
    if (n_tok == 1 && ws.cur == 0 && (unsigned char)sc->s[i] < 0x80) {
        /* a bare "million" counts only as "a million" */
        size_t s = 0;
        return match_before(sc, skip_sp_back(sc, i), "a", &s);
    }
    return nm->v > 0;
}

/* ---- Chinese numerals ---- */

static int
hanzi_digit(UChar32 c)
{
    switch (c) {
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */
        return 0;
    case 0x4E00: /* 一 */
        return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
    case 0x5169: /* 兩 */
        return 2;
    case 0x4E09:
        return 3;
    case 0x56DB:
        return 4;
    case 0x4E94:
        return 5;
    case 0x516D:
        return 6;
    case 0x4E03:
        return 7;
    case 0x516B:
        return 8;
    case 0x4E5D:
        return 9;
    default:
        return -1;
    }
}

static bool
is_hanzi_num(UChar32 c)
{
    return hanzi_digit(c) >= 0 || c == 0x5341 /* 十 */ || cjk_scale(c) > 0;
}

typedef struct hstate {
    double yi;  /* whole 亿 part */
    double wan; /* whole 万 part */
    double sec; /* below 万 */
    double dig; /* pending digit */
    bool has_dig;
} hstate;

static void
hanzi_step(hstate *h, UChar32 c)
{
    const int d = hanzi_digit(c);
    if (d >= 0) {
        h->dig = h->has_dig ? h->dig * 10 + d : d; /* 二〇二六 */
        h->has_dig = true;
        return;
    }
    const double f = c == 0x5341 ? 10 : cjk_scale(c);
    const double base = h->has_dig ? h->dig : 1;
    if (f < 1e4) {
        h->sec += base * f;
    } else if (f == 1e4) {
        const double x = h->sec + (h->has_dig ? h->dig : 0);
        h->wan += (x == 0 ? 1 : x) * 1e4;
        h->sec = 0;
    } else {
        const double x = h->wan + h->sec + (h->has_dig ? h->dig : 0);
        h->yi = (h->yi + (x == 0 ? 1 : x)) * 1e8;
        h->wan = 0;
        h->sec = 0;
    }
    h->dig = 0;
    h->has_dig = false;
}

static bool
parse_hanzi(const scan *sc, size_t i, num *nm)
{
    memset(nm, 0, sizeof *nm);
    nm->off = i;
    nm->scale = 1;
    nm->is_word = true;
    hstate h = {0, 0, 0, 0, false};
    size_t k = i;
    UChar32 c = cp_at(sc, i, &k);
    int n_ch = 0;
    while (is_hanzi_num(c) && n_ch < 24) {
        if (cjk_scale(c) >= 1e3 && n_ch > 0) {
            nm->scale = cjk_scale(c);
        }
        hanzi_step(&h, c);
        n_ch++;
        i = k;
        c = cp_at(sc, i, &k);
    }
    nm->end = i;
    nm->v = h.yi + h.wan + h.sec + (h.has_dig ? h.dig : 0);
    nm->ndig = n_ch;
    return n_ch > 0;
}

/* Any number at i: digits, number words or Chinese numerals. */
static bool
parse_any(const scan *sc, size_t i, num *nm)
{
    size_t k = i;
    const UChar32 c = cp_at(sc, i, &k);
    if (digit_val(c) >= 0) {
        return parse_digits(sc, i, nm);
    }
    if (is_hanzi_num(c)) {
        return parse_hanzi(sc, i, nm);
    }
    return is_wletter(c) && parse_words(sc, i, nm);
}

/* ---- what surrounds a number ---- */

/* 20多, 7万余, 20多万: "more than", with any scale after it. */
static size_t
read_more(const scan *sc, size_t i, num *nm, px_figure *f)
{
    size_t k = i;
    const UChar32 c = cp_at(sc, i, &k);
    if (c != 0x591A && c != 0x4F59 && c != 0x9918) { /* 多 余 餘 */
        return i;
    }
    f->qual = PX_FIG_MORE_THAN;
    i = k;
    double s = 0;
    while ((s = cjk_scale(cp_at(sc, i, &k))) >= 1e3) {
        nm->v *= s;
        nm->scale *= s;
        i = k;
    }
    return i;
}

static size_t
read_pct(const scan *sc, size_t i, px_figure *f)
{
    const size_t j = skip_sp(sc, i);
    for (const px_fw_phrase *p = px_fw_pct_phrases; p->w != NULL; p++) {
        const size_t e = match_at(sc, j, p->w);
        if (e != 0) {
            f->is_percent = true;
            f->unit = PX_UNIT_PERCENT;
            f->unit_off = j;
            f->unit_len = e - j;
            return e;
        }
    }
    size_t e = 0;
    const px_fw_word *w = word_lookup(sc, j, &e);
    if (w != NULL && w->type == PX_FW_PCT) {
        f->is_percent = true;
        f->unit = PX_UNIT_PERCENT;
        f->unit_off = j;
        f->unit_len = e - j;
        return e;
    }
    return i;
}

/* The start of a range's second number after lo (at i), or 0. */
static size_t
range_link(const scan *sc, size_t i, bool between)
{
    const size_t j = skip_sp(sc, i);
    size_t k = j;
    const UChar32 c = cp_at(sc, j, &k);
    if (c == '-' || c == 0x2013 || c == 0x2014 || c == '~' || c == 0xFF5E ||
        c == 0x81F3 || c == 0x5230) { /* 至 到 */
        return skip_sp(sc, k);
    }
    static const char *const links[] = {"to", "à", "bis", "до", NULL};
    for (size_t t = 0; links[t] != NULL; t++) {
        const size_t e = match_at(sc, j, links[t]);
        if (e != 0 && e != j) {
            return skip_sp(sc, e);
        }
    }
    if (between) {
        static const char *const ands[] = {"and", "und", "et", "y", "и", NULL};
        for (size_t t = 0; ands[t] != NULL; t++) {
            const size_t e = match_at(sc, j, ands[t]);
            if (e != 0) {
                return skip_sp(sc, e);
            }
        }
        if (j + 2 <= sc->n && memcmp(sc->s + j, "\xD9\x88", 2) == 0) {
            return skip_sp(sc, j + 2); /* و30, و ثلاثين */
        }
    }
    return 0;
}

static size_t
read_range(const scan *sc, size_t i, num *lo, px_figure *f, bool between)
{
    const size_t j = range_link(sc, i, between);
    num hi;
    if (j == 0 || !parse_any(sc, j, &hi) || hi.has_kind) {
        return i;
    }
    if (lo->scale == 1 && hi.scale > 1 && lo->v * hi.scale <= hi.v) {
        lo->v *= hi.scale; /* 20-30 million, 2-3万 */
    }
    if (hi.v <= lo->v) {
        return i;
    }
    f->qual = PX_FIG_RANGE;
    f->high = hi.v;
    return hi.end;
}

/* The folded text of a window before a number: spaces collapsed to one,
 * diacritics dropped; map gives each byte's offset in the text. */
typedef struct fwin {
    char b[192];
    size_t map[192];
    size_t len;
} fwin;

static void
fold_window(const scan *sc, size_t hi, fwin *w)
{
    size_t i = hi > 48 ? hi - 48 : 0;
    while (i < hi && ((unsigned char)sc->s[i] & 0xC0) == 0x80) {
        i++;
    }
    w->len = 0;
    while (i < hi && w->len + 4 <= sizeof w->b) {
        const unsigned char b = (unsigned char)sc->s[i];
        if (b < 0x80 && b != 0) { /* as below, without the calls */
            const bool sp = b == ' ' || b == '\t' || b == '\r';
            if (!(sp && w->len > 0 && w->b[w->len - 1] == ' ')) {
                w->map[w->len] = i;
                w->b[w->len] = (char)b;
                if (sp) {
                    w->b[w->len] = ' ';
                } else if (b >= 'A' && b <= 'Z') {
                    w->b[w->len] = (char)(b + 32);
                }
                w->len++;
            }
            i++;
            continue;
        }
        size_t k = i;
        const UChar32 c = cp_at(sc, i, &k);
        const uint32_t f = c < 0                ? '?'
                           : is_inline_space(c) ? ' '
                                                : px_fw_fold((uint32_t)c);
        if (f != 0 && !(f == ' ' && w->len > 0 && w->b[w->len - 1] == ' ')) {
            const size_t o = w->len;
            U8_APPEND_UNSAFE(w->b, w->len, f);
            for (size_t t = o; t < w->len; t++) {
                w->map[t] = i;
            }
        }
        i = k;
    }
}

/* The well-formed code point ending at i and starting at lo or later (its
 * start in *start), or -1. */
static UChar32
cp_before_strict(const scan *sc, size_t lo, size_t i, size_t *start)
{
    size_t j = i - 1;
    while (j > lo && i - j < 4 && ((unsigned char)sc->s[j] & 0xC0) == 0x80) {
        j--;
    }
    UChar32 c = 0;
    size_t k = j;
    U8_NEXT(sc->s, k, i, c);
    *start = j;
    return k == i ? c : -1;
}

/* fold_window, folding backward only as far as a qualifier can reach:
 * need folded bytes, and the rest of a run of spaces there. Forward
 * decoding meets every well-formed code point where backward decoding
 * does, so both fold alike; on a malformed one this gives up (false, w
 * undefined) and fold_window is asked. */
static bool
fold_tail(const scan *sc, size_t hi, size_t need, fwin *w)
{
    size_t lo = hi > 48 ? hi - 48 : 0;
    while (lo < hi && ((unsigned char)sc->s[lo] & 0xC0) == 0x80) {
        lo++;
    }
    char b[64];
    size_t map[64];
    size_t n = 0;
    if (need + 4 > sizeof b) {
        return false;
    }
    for (size_t i = hi; i > lo;) {
        size_t s = i - 1;
        UChar32 c = (unsigned char)sc->s[s];
        uint32_t f = 0;
        if (c < 0x80) { /* as below, without the calls */
            const bool sp = c == ' ' || c == '\t' || c == '\r';
            f = sp                     ? ' '
                : c >= 'A' && c <= 'Z' ? (uint32_t)c + 32
                                       : (uint32_t)c;
        } else if ((c = cp_before_strict(sc, lo, i, &s)) < 0) {
            return false;
        } else {
            f = is_inline_space(c) ? ' ' : px_fw_fold((uint32_t)c);
        }
        i = s;
        if (f == 0) {
            continue; /* a diacritic */
        }
        if (f == ' ' && n > 0 && b[n - 1] == ' ') {
            map[n - 1] = s; /* a run of spaces maps to its first */
            continue;
        }
        if (n >= need) {
            break;
        }
        if (f < 0x80) {
            b[n] = (char)f;
            map[n++] = s;
            continue;
        }
        char u[4];
        size_t ul = 0;
        U8_APPEND_UNSAFE(u, ul, f);
        while (ul > 0) {
            b[n] = u[--ul];
            map[n++] = s;
        }
    }
    for (size_t k = 0; k < n; k++) {
        w->b[k] = b[n - 1 - k];
        w->map[k] = map[n - 1 - k];
    }
    w->len = n;
    return true;
}

/* Qualifiers before a number ("more than", 逾, أكثر من), and "between". */
static void
read_qual_before(const scan *sc, size_t off, px_figure *f, bool *between)
{
    size_t e = skip_sp_back(sc, off);
    size_t k = e;
    const UChar32 c = cp_before(sc, e, &k);
    if (c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0xFFE5) {
        e = skip_sp_back(sc, k);
        size_t s = 0;
        if (match_before(sc, e, "US", &s)) {
            e = s;
        }
    }
    const unsigned char lb = e > 0 ? (unsigned char)sc->s[e - 1] : 0;
    if (lb != 0 && lb < 0x80 && lb != ' ' && lb != '\t' && lb != '\r' &&
        px_fw_qual_first(lb >= 'A' && lb <= 'Z' ? lb + 32 : lb) ==
            PX_FW_QUAL_END) {
        return; /* no qualifier ends in the folded byte before the number */
    }
    fwin w;
    if (!fold_tail(sc, e, px_fw_qual_max_len() + 1, &w)) {
        fold_window(sc, e, &w);
    }
    const size_t first = w.len > 0
                             ? px_fw_qual_first((unsigned char)w.b[w.len - 1])
                             : PX_FW_QUAL_END;
    for (size_t i = first; i != PX_FW_QUAL_END; i = px_fw_qual_next(i)) {
        size_t m = 0;
        const char *q = px_fw_qual_folded(i, &m);
        if (m > w.len || memcmp(w.b + w.len - m, q, m) != 0) {
            continue;
        }
        const size_t start = w.map[w.len - m];
        size_t b = 0;
        size_t nx = 0;
        if (is_wletter(cp_at(sc, start, &nx)) &&
            is_wletter(cp_before(sc, start, &b))) {
            continue;
        }
        if (px_fw_quals_before[i].val == PX_FW_BETWEEN) {
            *between = true;
        } else {
            f->qual = (px_fig_qual)px_fw_quals_before[i].val;
        }
        return;
    }
}

static void
read_currency(const scan *sc, size_t off, px_figure *f)
{
    const size_t e = skip_sp_back(sc, off);
    size_t k = e;
    const UChar32 c = cp_before(sc, e, &k);
    px_unit u = PX_UNIT_NONE;
    if (c == '$') {
        u = PX_UNIT_MONEY_USD;
    } else if (c == 0x20AC) {
        u = PX_UNIT_MONEY_EUR;
    } else if (c == 0xA3) {
        u = PX_UNIT_MONEY_GBP;
    } else if (c == 0xA5 || c == 0xFFE5) {
        u = PX_UNIT_MONEY_CNY;
    }
    if (u != PX_UNIT_NONE) {
        f->unit = u;
        f->unit_off = k;
        f->unit_len = e - k;
    }
}

static void
set_unit(px_figure *f, px_unit u, size_t off, size_t end)
{
    f->unit = u;
    f->unit_off = off;
    f->unit_len = end - off;
}

/* 人, 名士兵, 个问题, 人死亡 after a Chinese number. */
/* The end of the CJK phrase w at i (raw bytes: nothing to fold), or 0. */
static size_t
raw_at(const scan *sc, size_t i, const char *w)
{
    const size_t len = strlen(w);
    return i + len <= sc->n && memcmp(sc->s + i, w, len) == 0 ? i + len : 0;
}

static size_t
read_unit_zh(const scan *sc, size_t j, px_figure *f)
{
    for (const px_fw_phrase *p = px_fw_zh_nouns; p->w != NULL; p++) {
        const size_t e = raw_at(sc, j, p->w);
        if (e == 0) {
            continue;
        }
        set_unit(f, (px_unit)p->val, j, e);
        if (p->val != PX_UNIT_PEOPLE && p->val != PX_UNIT_ITEMS) {
            return e;
        }
        for (const px_fw_phrase *q = px_fw_zh_nouns; q->w != NULL; q++) {
            const size_t e2 = raw_at(sc, e, q->w);
            if (e2 != 0 && q->val != PX_UNIT_PEOPLE &&
                q->val != PX_UNIT_ITEMS && q->val != PX_UNIT_MONEY_CNY &&
                q->val != PX_UNIT_YEARS) {
                set_unit(f, (px_unit)q->val, j, e2);
                return e2;
            }
        }
        return e;
    }
    return j;
}

static bool
is_skippable(const scan *sc, size_t i, size_t e)
{
    static const char *const stop[] = {
        "and",  "the",  "for",  "from",  "with",  "was",  "were", "are",
        "but",  "that", "this", "which", "has",   "had",  "have", "who",
        "last", "next", "per",  "each",  "every", "more", NULL};
    if (e - i < 3 || e - i > 16) {
        return false;
    }
    for (size_t t = 0; stop[t] != NULL; t++) {
        if (match_at(sc, i, stop[t]) == e) {
            return false;
        }
    }
    return true;
}

/* "were killed", "died" right after "N people" (or right after N): true
 * and the unit set if found. Only auxiliaries may come in between. */
static bool
read_cue_after(const scan *sc, size_t i, px_figure *f)
{
    static const char *const aux[] = {"were", "was",        "are",
                                      "have", "had",        "been",
                                      "more", "reportedly", NULL};
    size_t pos = skip_sp(sc, i);
    for (int t = 0; t < 3 && pos < sc->n; t++) {
        for (const px_fw_phrase *p = px_fw_cues_after; p->w != NULL; p++) {
            if (match_at(sc, pos, p->w) != 0) {
                f->unit = (px_unit)p->val;
                return true;
            }
        }
        size_t e = 0;
        for (size_t a = 0; aux[a] != NULL && e == 0; a++) {
            e = match_at(sc, pos, aux[a]);
        }
        const size_t nx = e != 0 ? skip_sp(sc, e) : e;
        if (e == 0 || nx == e) {
            return false;
        }
        pos = nx;
    }
    return false;
}

/* The counted noun after a number: "people", "سؤالا", "名士兵". */
static size_t
read_unit(const scan *sc, size_t i, px_figure *f)
{
    size_t j = skip_sp(sc, i);
    if (j == i && j + 1 < sc->n && sc->s[j] == '-' &&
        ascii_letter(sc->s[j + 1])) {
        j++; /* 24-year-old, 10-day */
    }
    size_t k = j;
    if (is_cjk(cp_at(sc, j, &k))) {
        return read_unit_zh(sc, j, f);
    }
    size_t pos = j;
    for (int t = 0; t < 2; t++) {
        size_t e = 0;
        bool wa = false;
        const px_fw_word *w = word_lookup_ar(sc, pos, &e, &wa);
        if (w != NULL && w->type == PX_FW_NOUN) {
            set_unit(f, (px_unit)w->unit, pos, e);
            if (w->unit == PX_UNIT_PEOPLE) {
                read_cue_after(sc, e, f);
            }
            return e;
        }
        const size_t nx = skip_sp(sc, e);
        if (w != NULL || e == pos || nx == e || !is_skippable(sc, pos, e)) {
            break;
        }
        pos = nx;
    }
    return i;
}

/* The length of cue if it occurs at s (ASCII case-insensitively, as a
 * whole word when the cue is ASCII) and ends by hi; else 0. */
static size_t
cue_at(const scan *sc, size_t s, size_t hi, const char *cue)
{
    const bool ascii = (unsigned char)cue[0] < 0x80;
    size_t t = 0;
    for (; cue[t] != '\0'; t++) {
        if (s + t >= hi) {
            return 0;
        }
        const char c = sc->s[s + t];
        if (c != cue[t] && !(ascii && (c | 0x20) == cue[t])) {
            return 0;
        }
    }
    const bool whole =
        !ascii || ((s == 0 || !ascii_letter(sc->s[s - 1])) &&
                   (s + t >= sc->n || !ascii_letter(sc->s[s + t])));
    return whole ? t : 0;
}

/* A noun before the number, in its sentence, naming what it counts:
 * "death toll", 死亡人数, عدد القتلى. The cue ending last wins; on a tie
 * the longer one (القتلى, not قتل). */
static void
read_cue_before(const scan *sc, size_t off, px_figure *f)
{
    size_t lo = off > CUE_WINDOW ? off - CUE_WINDOW : 0;
    lo = lo < sc->sent_start ? sc->sent_start : lo;
    lo = lo < sc->prev_end ? sc->prev_end : lo;
    size_t best = 0;
    size_t best_end = 0;
    const px_fw_phrase *bp = NULL;
    for (size_t s = lo; s + 1 < off; s++) {
        if (!px_fw_cue_may_start(sc->s + s)) {
            continue;
        }
        for (const px_fw_phrase *p = px_fw_cues_before; p->w != NULL; p++) {
            const size_t cl = cue_at(sc, s, off, p->w);
            if (cl != 0 && (bp == NULL || s + cl > best_end ||
                            (s + cl == best_end && s < best))) {
                best = s;
                best_end = s + cl;
                bp = p;
            }
        }
    }
    if (bp != NULL) {
        f->unit = (px_unit)bp->val;
        if (f->unit_len == 0) {
            f->unit_off = best;
            f->unit_len = best_end - best;
        }
    }
}

/* ---- kinds ---- */

static bool
month_next_to(const scan *sc, const num *nm)
{
    size_t e = 0;
    size_t a = skip_sp(sc, nm->end);
    if (a < sc->n && (sc->s[a] == '/' || sc->s[a] == '-' || sc->s[a] == '.')) {
        a++; /* 06/يناير/2026, 6-Jan-2026 */
    }
    const px_fw_word *w = word_lookup(sc, skip_sp(sc, a), &e);
    if (w != NULL && w->type == PX_FW_MONTH) {
        return true;
    }
    size_t b = skip_sp_back(sc, nm->off);
    if (b > 0 && sc->s[b - 1] == '.') {
        b--; /* Oct. 2 */
    }
    const size_t s = word_start(sc, b);
    w = s < b ? word_lookup(sc, s, &e) : NULL;
    return w != NULL && w->type == PX_FW_MONTH && e == b;
}

static px_fig_kind
decide_kind(const scan *sc, const num *nm, const px_figure *f)
{
    if (nm->has_kind) {
        return nm->kind;
    }
    size_t k = 0;
    if (cp_before(sc, nm->off, &k) == 0x7B2C) { /* 第 */
        return PX_FIG_ORDINAL;
    }
    const UChar32 c = cp_at(sc, skip_sp(sc, nm->end), &k);
    const bool small = nm->v >= 1 && nm->v <= 31 && nm->v == floor(nm->v);
    if (small && f->qual == PX_FIG_EXACT &&
        (c == 0x6708 || c == 0x65E5 || c == 0x53F7)) { /* 月 日 号 */
        return PX_FIG_DATE_PART;
    }
    if (small && nm->v <= 24 && (c == 0x70B9 || c == 0x65F6)) {
        return PX_FIG_OTHER; /* 5点, 8时: a time of day */
    }
    const bool yearish = nm->plain && nm->ndig == 4 && nm->v >= 1800 &&
                         nm->v <= 2100 && !f->is_percent;
    if (yearish && (c == 0x5E74 || f->unit == PX_UNIT_NONE)) { /* 年 */
        return PX_FIG_YEAR;
    }
    if (small && nm->plain && nm->ndig <= 2 && f->qual == PX_FIG_EXACT &&
        month_next_to(sc, nm)) {
        return PX_FIG_DATE_PART;
    }
    static const char *const ampm[] = {"a.m", "p.m", "am", "pm", NULL};
    const size_t a = skip_sp(sc, nm->end);
    for (size_t t = 0; ampm[t] != NULL && small && nm->plain; t++) {
        if (match_at(sc, a, ampm[t]) != 0) {
            return PX_FIG_OTHER; /* 5 a.m. */
        }
    }
    return PX_FIG_QUANTITY;
}

/* ---- one figure ---- */

static size_t
read_after(const scan *sc, num *nm, px_figure *f, bool between)
{
    size_t end = read_more(sc, nm->end, nm, f);
    if (!f->is_percent) {
        end = read_pct(sc, end, f);
    }
    const size_t r = read_range(sc, end, nm, f, between);
    if (r != end) {
        end = read_pct(sc, r, f);
    }
    size_t unit_end = end;
    if (!f->is_percent && f->unit == PX_UNIT_NONE) {
        unit_end = read_unit(sc, end, f);
    }
    if (f->unit == PX_UNIT_NONE) {
        read_cue_after(sc, unit_end, f);
    }
    const size_t q = skip_sp(sc, unit_end);
    for (const px_fw_phrase *p = px_fw_quals_after; p->w != NULL; p++) {
        if (f->qual == PX_FIG_EXACT && match_at(sc, q, p->w) != 0) {
            f->qual = (px_fig_qual)p->val;
        }
    }
    return end;
}

/* Fills f for the number nm; returns where the scan resumes. */
static size_t
build(const scan *sc, num *nm, size_t off, px_figure *f)
{
    const bool pct = f->is_percent;
    memset(f, 0, sizeof *f);
    f->is_percent = pct;
    f->unit = pct ? PX_UNIT_PERCENT : PX_UNIT_NONE;
    f->off = off;
    bool between = false;
    size_t end = nm->end;
    if (!nm->has_kind) {
        read_qual_before(sc, off, f, &between);
        read_currency(sc, off, f);
        end = read_after(sc, nm, f, between);
    }
    f->value = nm->v;
    if (f->qual != PX_FIG_RANGE) {
        f->high = f->value;
    }
    f->kind = decide_kind(sc, nm, f);
    if (f->kind != PX_FIG_QUANTITY) {
        f->unit = PX_UNIT_NONE;
        f->unit_off = 0;
        f->unit_len = 0;
    } else if (!f->is_percent &&
               (f->unit == PX_UNIT_NONE || f->unit == PX_UNIT_PEOPLE ||
                f->unit == PX_UNIT_ITEMS)) {
        read_cue_before(sc, off, f);
    }
    f->len = end - off;
    return end;
}

/* ---- sentences and output ---- */

static bool
is_sent_end(const scan *sc, size_t i, UChar32 c, size_t next)
{
    if (c != '.') {
        return true;
    }
    size_t k = next;
    const UChar32 d = cp_at(sc, next, &k);
    if (d >= 0 && !is_inline_space(d) && d != '\n' && d != '"' && d != '\'' &&
        d != 0x201D && d != 0x2019 && d != 0xBB && d != ')' && d != ']') {
        return false;
    }
    const size_t ws = word_start(sc, i);
    if (ws == i) {
        return true;
    }
    if (i - ws == 1 && sc->s[ws] >= 'A' && sc->s[ws] <= 'Z') {
        return false; /* an initial: J. Smith, U.S. */
    }
    size_t a = ws;
    while (a < i && (unsigned char)sc->s[a] < 0x80) {
        a++;
    }
    if (a == i &&
        !px_fw_may_be_key((unsigned char)(sc->s[ws] | 0x20),
                          (unsigned char)(sc->s[i - 1] | 0x20), i - ws)) {
        return true; /* ASCII letters, surely not listed */
    }
    size_t e = 0;
    const px_fw_word *w = word_lookup(sc, ws, &e);
    return w == NULL ||
           (w->type != PX_FW_ABBR && !(w->type == PX_FW_MONTH && e - ws <= 4));
}

/* Ends the current sentence at end: the open figures get their length. */
static void
close_sentence(scan *sc, size_t end)
{
    for (size_t k = sc->open; k < sc->len; k++) {
        sc->v[k].sent_len = end - sc->v[k].sent_off;
    }
    sc->open = sc->len;
    sc->sent_start = end;
}

static void
emit(scan *sc, px_figure *f)
{
    size_t s = sc->sent_start;
    size_t k = s;
    UChar32 c = cp_at(sc, s, &k);
    while (s < f->off && (is_inline_space(c) || c == '\n')) {
        s = k;
        c = cp_at(sc, s, &k);
    }
    f->sent_off = s;
    if (sc->len == sc->cap) {
        const size_t cap = sc->cap == 0 ? 16 : sc->cap * 2;
        px_figure *v = px_realloc(sc->v, cap * sizeof *v);
        if (v == NULL) {
            sc->failed = true;
            return;
        }
        sc->v = v;
        sc->cap = cap;
    }
    sc->v[sc->len++] = *f;
}

/* ---- the scan ---- */

static bool
hanzi_ok(const scan *sc, const num *nm)
{
    size_t k = 0;
    if (nm->ndig >= 2 || cp_before(sc, nm->off, &k) == 0x7B2C) {
        return true;
    }
    const UChar32 c = cp_at(sc, nm->end, &k);
    if (c == 0x591A || c == 0x4F59 || c == 0x6708 || c == 0x65E5 ||
        c == 0x5E74) { /* 多 余 月 日 年 */
        return true;
    }
    if (c == 0x4E2A && nm->v == 1) {
        return false; /* 一个: "a" */
    }
    px_figure tmp;
    memset(&tmp, 0, sizeof tmp);
    const size_t e = read_unit_zh(sc, nm->end, &tmp);
    return e != nm->end && tmp.unit != PX_UNIT_POINTS;
}

/* A number starting at i (kind tells how to read it); the resume point. */
static size_t
on_number(scan *sc, size_t i, size_t fallback)
{
    num nm;
    px_figure f;
    memset(&f, 0, sizeof f);
    size_t start = i;
    if (match_at(sc, i, "百分之") != 0) {
        start = match_at(sc, i, "百分之");
        f.is_percent = true;
    }
    if (!parse_any(sc, start, &nm)) {
        return fallback;
    }
    if (nm.is_word && !f.is_percent &&
        is_hanzi_num(cp_at(sc, i, &(size_t){0})) && !hanzi_ok(sc, &nm)) {
        return nm.end;
    }
    const size_t end = build(sc, &nm, i, &f);
    if (f.is_percent && f.unit_len == 0) {
        f.unit_off = i;
        f.unit_len = start - i;
    }
    emit(sc, &f);
    sc->prev_end = end;
    if (f.unit_len > 0 && f.unit_off >= end &&
        f.unit_off + f.unit_len > sc->prev_end) {
        sc->prev_end = f.unit_off + f.unit_len;
    }
    return end > i ? end : fallback;
}

/* The end of the run of ASCII bytes at i that step passes over: no
 * letters, digits or sentence ends (ascii_inert). */
static inline size_t
skip_inert(const scan *sc, size_t i)
{
    while (i < sc->n && ascii_inert[(unsigned char)sc->s[i]]) {
        i++;
    }
    return i;
}

static size_t
step_ascii(scan *sc, size_t i, unsigned char b)
{
    if (b >= '0' && b <= '9') {
        return on_number(sc, i, i + 1);
    }
    if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        const unsigned char *p = (const unsigned char *)sc->s;
        size_t e = ascii_run(sc, i);
        if ((e == sc->n || p[e] < 0x80) &&
            !px_fw_may_be_key(b | 0x20u, p[e - 1] | 0x20u, e - i)) {
            return skip_inert(sc, e); /* as word_lookup_ar would find */
        }
        bool wa = false;
        const px_fw_word *w = word_lookup_ar(sc, i, &e, &wa);
        if (w != NULL && w->type >= PX_FW_UNIT && w->type <= PX_FW_SCALE_PL) {
            return on_number(sc, i, e);
        }
        return skip_inert(sc, e);
    }
    if ((b == '.' || b == '!' || b == '?' || b == '\n') &&
        is_sent_end(sc, i, b, i + 1)) {
        close_sentence(sc, i + 1);
    }
    return skip_inert(sc, i + 1);
}

/* The end of the run of code points from i that step steps over
 * (SKIP), all at once. */
static size_t
skip_run(const scan *sc, size_t i)
{
    const unsigned char *p = (const unsigned char *)sc->s;
    while (i < sc->n && p[i] >= 0x80) {
        if (p[i] >= 0xE0 && p[i] < 0xF0 && i + 2 < sc->n &&
            (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
            skip3[(p[i] & 0x0Fu) << 6 | (p[i + 1] & 0x3Fu)]) {
            i += 3; /* a block of 64 SKIP code points */
            continue;
        }
        size_t k = i;
        const UChar32 c = cp_fast(sc, i, &k);
        if (c < 0 || c >= 0x10000 || bmp_digit[c] != SKIP) {
            break;
        }
        i = k;
    }
    return i;
}

static size_t
step(scan *sc, size_t i)
{
    const unsigned char b = (unsigned char)sc->s[i];
    if (b < 0x80) {
        return step_ascii(sc, i, b);
    }
    size_t k = i;
    const UChar32 c = cp_fast(sc, i, &k);
    if (c >= 0 && c < 0x10000 && bmp_digit[c] == SKIP) {
        return skip_run(sc, k); /* Han characters that are no numerals too */
    }
    if (digit_val(c) >= 0 ||
        (c >= 0x3007 && c <= 0x96F6 && is_hanzi_num(c))) { /* 〇..零 */
        return on_number(sc, i, k);
    }
    if (is_wordless(c)) {
        return k; /* outside the BMP: the table has no SKIP for it */
    }
    if (is_wletter(c)) {
        size_t e = 0;
        bool wa = false;
        const px_fw_word *w = word_lookup_ar(sc, i, &e, &wa);
        if (w != NULL && w->type >= PX_FW_UNIT && w->type <= PX_FW_SCALE_PL) {
            return on_number(sc, i, e);
        }
        return skip_inert(sc, e > i ? e : k);
    }
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x3002 ||
        c == 0xFF01 || c == 0xFF1F || c == 0x61F) {
        if (is_sent_end(sc, i, c, k)) {
            close_sentence(sc, k);
        }
    }
    return k;
}

/* True if lang[0..base) is one of the codes in list (NULL-terminated);
 * the first byte is compared inline, as most codes differ there. */
static bool
code_in(const char *lang, size_t base, const char *const *list)
{
    for (size_t t = 0; list[t] != NULL; t++) {
        if (list[t][0] == lang[0] && strncmp(lang, list[t], base) == 0 &&
            list[t][base] == '\0') {
            return true;
        }
    }
    return false;
}

static void
set_locale(scan *sc, const char *lang)
{
    static const char *const comma_dec[] = {
        "deu", "fra", "spa", "ita", "por", "rus", "ukr", "pol", "ces", "slk",
        "nld", "tur", "ind", "vie", "ron", "hun", "swe", "nob", "nno", "nor",
        "dan", "fin", "ell", "bul", "srp", "hrv", "bos", "slv", "lit", "lav",
        "est", "cat", "glg", "bel", "kaz", "aze", "isl", "de",  "fr",  "es",
        "it",  "pt",  "ru",  "uk",  "pl",  "cs",  "nl",  "tr",  "id",  NULL};
    static const char *const no_space[] = {"eng", "zho", "cmn", "arb", "ara",
                                           "jpn", "kor", "en",  "zh",  "ar",
                                           "ja",  "ko",  NULL};
    sc->comma_dec = false;
    sc->space_group = true;
    if (lang == NULL) {
        return;
    }
    const size_t base = strcspn(lang, "-_"); /* "deu-CH", "zh_TW" */
    sc->comma_dec = code_in(lang, base, comma_dec);
    sc->space_group = !code_in(lang, base, no_space);
}

px_status
px_figures_find(px_str text, const char *lang, px_figure **out, size_t *n,
                px_arena *a, px_error *err)
{
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = text.ptr;
    sc.n = text.ptr != NULL ? text.len : 0;
    set_locale(&sc, lang);
    px_fw_init();
    pthread_once(&digit_once, fill_digits);
    *out = NULL;
    *n = 0;
    size_t i = 0;
    while (i < sc.n && !sc.failed) {
        i = step(&sc, i);
    }
    size_t end = sc.n;
    while (end > 0 && (sc.s[end - 1] == ' ' || sc.s[end - 1] == '\t' ||
                       sc.s[end - 1] == '\r' || sc.s[end - 1] == '\n')) {
        end--;
    }
    close_sentence(&sc, end);
    px_status rc = PX_OK;
    if (sc.failed) {
        rc = px_fail(err, PX_ENOMEM, "figures: out of memory");
    } else if (sc.len > 0) {
        *out = px_arena_alloc(a, sc.len * sizeof **out);
        if (*out == NULL) {
            rc = px_fail(err, PX_ENOMEM, "figures: out of memory");
        } else {
            memcpy(*out, sc.v, sc.len * sizeof **out);
            *n = sc.len;
        }
    }
    px_free(sc.v);
    return rc;
}
