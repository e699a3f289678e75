/* langid.c - language and script identification (see langid.h).
 *
 * One pass over the text (or its bounded sample) counts letters per Unicode
 * script plus a few telling letters: Han characters that only Simplified or
 * only Traditional Chinese writes, Persian, Urdu and Pashto letters in
 * Arabic script, Ukrainian, Belarusian, Serbian and Macedonian letters in
 * Cyrillic. CLD2 then names the language; when it is unsure about a short
 * text in a non-Latin script, the script evidence decides instead.
 * Everything lives on the stack: no heap, no globals, thread-safe.
 */
#include "langid.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "cld2_shim.h"

#define N_SCRIPTS 256
/* Below this many letters CLD2's "reliable" is not trusted for non-Latin
 * scripts (its n-grams need context; script letters do not). */
#define SHORT_LETTERS 64
/* Share (percent) a script or language needs to be reported as "other". */
#define OTHER_MIN_PERCENT 5
/* A text whose main script has this share (percent) of its letters gets
 * the quick read first (px_langid_opts.quick_bytes). */
#define QUICK_SCRIPT_PERCENT 80
/* The quick read stands when CLD2 is reliable and its language has this
 * share (percent) of the letters read. */
#define QUICK_SURE_PERCENT 70

/* The letters that tell a language apart within Arabic or Cyrillic script
 * (Persian, Urdu and Pashto; Ukrainian, Belarusian, Serbian, Macedonian),
 * as kinds 1..7 of tell_kind. */
enum {
    TELL_NONE,
    TELL_FAS,
    TELL_URD,
    TELL_PUS,
    TELL_UKR,
    TELL_BEL,
    TELL_SRP,
    TELL_MKD,
    N_TELL
};

typedef struct script_stats {
    uint32_t n[N_SCRIPTS]; /* letters per UScriptCode */
    uint32_t letters;
    uint32_t simp; /* Han characters only Simplified Chinese uses */
    uint32_t trad; /* ... only Traditional Chinese uses */
    /* telling letters by kind (TELL_FAS ..): Arabic-script letters of
     * Persian (and Urdu), of Urdu only, of Pashto only; Cyrillic letters of
     * Ukrainian, Belarusian, Serbian, Macedonian only */
    uint32_t tell[N_TELL];
} script_stats;

static int
cmp_u32(const void *a, const void *b)
{
    const uint32_t x = *(const uint32_t *)a;
    const uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool
in_set(UChar32 cp, const uint32_t *set, size_t n)
{
    const uint32_t key = (uint32_t)cp;
    return bsearch(&key, set, n, sizeof set[0], cmp_u32) != NULL;
}

/* px_langid_han_simplified and px_langid_han_traditional as bit sets over
 * the BMP, filled once with bmp_script (below), so that a Han character
 * costs one look-up instead of two binary searches. */
static uint64_t han_simp_bits[0x10000 / 64];
static uint64_t han_trad_bits[0x10000 / 64];

static void
fill_han_bits(uint64_t *bits, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (set[i] < 0x10000) {
            bits[set[i] >> 6] |= (uint64_t)1 << (set[i] & 63);
        }
    }
}

static bool
has_han_bit(const uint64_t *bits, UChar32 cp)
{
    return ((bits[cp >> 6] >> (cp & 63)) & 1) != 0;
}

static void
count_han(script_stats *s, UChar32 cp)
{
    if (cp < 0x10000) {
        if (has_han_bit(han_simp_bits, cp)) {
            s->simp++;
        } else if (has_han_bit(han_trad_bits, cp)) {
            s->trad++;
        }
        return;
    }
    if (in_set(cp, px_langid_han_simplified, px_langid_han_simplified_len)) {
        s->simp++;
    } else if (in_set(cp, px_langid_han_traditional,
                      px_langid_han_traditional_len)) {
        s->trad++;
    }
}

typedef struct tell_letter {
    uint16_t cp;
    uint8_t kind;
    uint8_t script; /* USCRIPT_ARABIC or USCRIPT_CYRILLIC */
} tell_letter;

static const tell_letter tell_letters[] = {
    /* Persian (and Urdu): peh, tcheh, jeh, gaf, keheh, farsi yeh */
    {0x067E, TELL_FAS, USCRIPT_ARABIC},
    {0x0686, TELL_FAS, USCRIPT_ARABIC},
    {0x0698, TELL_FAS, USCRIPT_ARABIC},
    {0x06AF, TELL_FAS, USCRIPT_ARABIC},
    {0x06A9, TELL_FAS, USCRIPT_ARABIC},
    {0x06CC, TELL_FAS, USCRIPT_ARABIC},
    /* Urdu: tteh, ddal, rreh, noon ghunna, yeh barree, heh goal, heh
     * doachashmee */
    {0x0679, TELL_URD, USCRIPT_ARABIC},
    {0x0688, TELL_URD, USCRIPT_ARABIC},
    {0x0691, TELL_URD, USCRIPT_ARABIC},
    {0x06BA, TELL_URD, USCRIPT_ARABIC},
    {0x06D2, TELL_URD, USCRIPT_ARABIC},
    {0x06C1, TELL_URD, USCRIPT_ARABIC},
    {0x06BE, TELL_URD, USCRIPT_ARABIC},
    /* Pashto: teh with ring, hah with hamza above, hah with three dots,
     * dal with ring, reh with ring, reh with dot below and above, seen
     * with dot below and above, kaf with ring, noon with ring */
    {0x067C, TELL_PUS, USCRIPT_ARABIC},
    {0x0681, TELL_PUS, USCRIPT_ARABIC},
    {0x0685, TELL_PUS, USCRIPT_ARABIC},
    {0x0689, TELL_PUS, USCRIPT_ARABIC},
    {0x0693, TELL_PUS, USCRIPT_ARABIC},
    {0x0696, TELL_PUS, USCRIPT_ARABIC},
    {0x069A, TELL_PUS, USCRIPT_ARABIC},
    {0x06AB, TELL_PUS, USCRIPT_ARABIC},
    {0x06BC, TELL_PUS, USCRIPT_ARABIC},
    /* Ukrainian: yi, ukrainian ie (both cases), ghe with upturn */
    {0x0457, TELL_UKR, USCRIPT_CYRILLIC},
    {0x0407, TELL_UKR, USCRIPT_CYRILLIC},
    {0x0454, TELL_UKR, USCRIPT_CYRILLIC},
    {0x0404, TELL_UKR, USCRIPT_CYRILLIC},
    {0x0490, TELL_UKR, USCRIPT_CYRILLIC},
    {0x0491, TELL_UKR, USCRIPT_CYRILLIC},
    /* Belarusian: short u */
    {0x045E, TELL_BEL, USCRIPT_CYRILLIC},
    {0x040E, TELL_BEL, USCRIPT_CYRILLIC},
    /* Serbian: dje, tshe */
    {0x0452, TELL_SRP, USCRIPT_CYRILLIC},
    {0x0402, TELL_SRP, USCRIPT_CYRILLIC},
    {0x045B, TELL_SRP, USCRIPT_CYRILLIC},
    {0x040B, TELL_SRP, USCRIPT_CYRILLIC},
    /* Macedonian: gje, kje, dze */
    {0x0453, TELL_MKD, USCRIPT_CYRILLIC},
    {0x0403, TELL_MKD, USCRIPT_CYRILLIC},
    {0x045C, TELL_MKD, USCRIPT_CYRILLIC},
    {0x040C, TELL_MKD, USCRIPT_CYRILLIC},
    {0x0455, TELL_MKD, USCRIPT_CYRILLIC},
    {0x0405, TELL_MKD, USCRIPT_CYRILLIC},
};

/* For each BMP code point: its script when it is a letter (u_isalpha, a
 * script above Inherited and below N_SCRIPTS), else 0 (Common, which the
 * scan counts and then clears). Filled once, so that ICU is not asked per
 * character. tell_kind gives the telling letters of the two-byte UTF-8
 * range their kind. */
static uint8_t bmp_script[0x10000];
static uint8_t tell_kind[0x800];
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void
fill_bmp_script(void)
{
    for (UChar32 cp = 0x80; cp < 0x10000; cp++) {
        UErrorCode st = U_ZERO_ERROR;
        const UScriptCode sc =
            u_isalpha(cp) ? uscript_getScript(cp, &st) : USCRIPT_COMMON;
        const bool ok =
            U_SUCCESS(st) && sc > USCRIPT_INHERITED && sc < N_SCRIPTS;
        bmp_script[cp] = ok ? (uint8_t)sc : 0;
    }
    for (size_t i = 0; i < sizeof tell_letters / sizeof tell_letters[0]; i++) {
        const tell_letter *t = &tell_letters[i];
        if (bmp_script[t->cp] == t->script) { /* a letter of its script */
            tell_kind[t->cp] = t->kind;
        }
    }
    fill_han_bits(han_simp_bits, px_langid_han_simplified,
                  px_langid_han_simplified_len);
    fill_han_bits(han_trad_bits, px_langid_han_traditional,
                  px_langid_han_traditional_len);
}

/* Counts one letter outside the BMP under its script (Han's telling
 * characters too). */
static void
count_letter(script_stats *s, UChar32 cp)
{
    UErrorCode st = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(cp, &st);
    if (U_SUCCESS(st) && sc > USCRIPT_INHERITED && sc < N_SCRIPTS) {
        s->n[sc]++;
        if (sc == USCRIPT_HAN) {
            count_han(s, cp);
        }
    }
}

/* ASCII letters among 8 ASCII bytes, counted at once: a byte b is one when
 * b | 0x20 is in 'a'..'z' (the high bit of b | 0x20 plus 0x80 - 'a' says
 * >= 'a', that of b | 0x20 plus 0x80 - '{' says > 'z'). */
static uint32_t
ascii_letters8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t low = x | (0x20 * ones);
    const uint64_t ge_a = low + (0x80 - 'a') * ones;
    const uint64_t gt_z = low + (0x80 - '{') * ones;
    const uint64_t hits = ge_a & ~gt_z & (0x80 * ones);
    /* one bit per byte: their sum lands in the top byte (no popcount
     * instruction without -mpopcnt) */
    return (uint32_t)(((hits >> 7) * ones) >> 56);
}

/* How many of the 8 bytes at p are ASCII before the first that is not
 * (0..8); *x gets those bytes, the others zeroed (not letters). */
static int32_t
ascii_run8(const uint8_t *p, uint64_t *x)
{
    memcpy(x, p, 8);
    const uint64_t high = *x & 0x8080808080808080u;
    if (high == 0) {
        return 8;
    }
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const int32_t k = __builtin_ctzll(high) / 8; /* p[k]: the first one */
    *x &= ((uint64_t)1 << (8 * k)) - 1;          /* k < 8 here */
    return k;
#else
    return 0;
#endif
}

/* Decodes the well-formed 2- or 3-byte UTF-8 sequence at p[*i] (what
 * U8_NEXT gives, without its general checks) and steps over it; false,
 * leaving *i alone, for anything else. */
static inline bool
utf8_next2or3(const uint8_t *p, int32_t len, int32_t *i, UChar32 *cp)
{
    const uint32_t c = p[*i];
    if (c >= 0xC2 && c <= 0xDF && *i + 1 < len && (p[*i + 1] & 0xC0) == 0x80) {
        *cp = (UChar32)(((c & 0x1F) << 6) | (p[*i + 1] & 0x3Fu));
        *i += 2;
        return true;
    }
    if (c < 0xE0 || c > 0xEF || *i + 2 >= len) {
        return false;
    }
    /* no overlong forms (E0 80..9F), no surrogates (ED A0..BF) */
    const uint32_t lo = c == 0xE0 ? 0xA0 : 0x80;
    const uint32_t hi = c == 0xED ? 0x9F : 0xBF;
    if (p[*i + 1] >= lo && p[*i + 1] <= hi && (p[*i + 2] & 0xC0) == 0x80) {
        *cp = (UChar32)(((c & 0x0F) << 12) | ((p[*i + 1] & 0x3Fu) << 6) |
                        (p[*i + 2] & 0x3Fu));
        *i += 3;
        return true;
    }
    return false;
}

/* Adds the letters of t to s->n per script; s->n[0] (Common) also
 * counts what is not a letter, for the caller to clear (finish_counts). */
static void
scan_scripts(px_str t, script_stats *s)
{
    const uint8_t *p = (const uint8_t *)t.ptr;
    const int32_t len = (int32_t)t.len; /* a sample: at most INT_MAX */
    uint32_t *n = s->n;
    int32_t i = 0;
    while (i < len) {
        const uint32_t c = p[i];
        if (c < 0x80) {
            if (i + 8 <= len) {
                uint64_t x = 0;
                const int32_t k = ascii_run8(p + i, &x); /* at least 1 */
                n[USCRIPT_LATIN] += ascii_letters8(x);
                i += k;
            } else {
                n[USCRIPT_LATIN] += (uint32_t)((c | 0x20) - 'a') < 26;
                i++;
            }
            continue;
        }
        if (c - 0xC2 < 0x1E && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            /* two bytes: Latin letters with marks, Greek, Cyrillic,
             * Armenian, Hebrew, Arabic, Syriac, Thaana... */
            const uint32_t cp = ((c & 0x1F) << 6) | (p[i + 1] & 0x3Fu);
            i += 2;
            n[bmp_script[cp]]++;
            s->tell[tell_kind[cp]]++; /* [TELL_NONE]: not read */
            continue;
        }
        UChar32 cp = 0;
        if (!utf8_next2or3(p, len, &i, &cp)) {
            U8_NEXT(p, i, len, cp);
        }
        if (cp < 0) {
            continue;
        }
        if (cp < 0x10000) {
            const uint32_t sc = bmp_script[cp];
            n[sc]++;
            if (sc == USCRIPT_HAN) {
                count_han(s, cp);
            }
        } else if (u_isalpha(cp)) {
            count_letter(s, cp);
        }
    }
}

/* Clears what scan_scripts counted under Common and totals the letters. */
static void
finish_counts(script_stats *s)
{
    s->n[USCRIPT_COMMON] = 0;
    s->letters = 0;
    for (int sc = 0; sc < N_SCRIPTS; sc++) {
        s->letters += s->n[sc];
    }
}

/* ---- script evidence ------------------------------------------------- */

/* The dominant writing system: a UScriptCode, where kana with Han is
 * USCRIPT_JAPANESE and Hangul with Han is USCRIPT_KOREAN. *count is its
 * letters. */
static UScriptCode
main_script(const script_stats *s, uint32_t *count)
{
    const uint32_t han = s->n[USCRIPT_HAN];
    const uint32_t kana = s->n[USCRIPT_HIRAGANA] + s->n[USCRIPT_KATAKANA];
    const uint32_t hang = s->n[USCRIPT_HANGUL];
    UScriptCode best = USCRIPT_COMMON;
    uint32_t best_n = 0;
    for (int sc = 0; sc < N_SCRIPTS; sc++) {
        if (s->n[sc] > best_n && sc != USCRIPT_HIRAGANA &&
            sc != USCRIPT_KATAKANA && sc != USCRIPT_HANGUL) {
            best = (UScriptCode)sc;
            best_n = s->n[sc];
        }
    }
    /* Japanese writes kana in nearly every sentence; Korean may mix in
     * Han. A Chinese text quoting a katakana name stays Chinese. */
    const uint32_t jpan = kana * 10 >= kana + han ? kana + han : kana;
    const uint32_t kore = hang * 10 >= hang + han ? hang + han : hang;
    if (jpan > best_n && jpan >= kore) {
        best = USCRIPT_JAPANESE;
        best_n = jpan;
    } else if (kore > best_n) {
        best = USCRIPT_KOREAN;
        best_n = kore;
    }
    *count = best_n;
    return best;
}

/* Simplified or Traditional Chinese from the telling characters, or
 * USCRIPT_HAN when there are none. */
static UScriptCode
han_variant(const script_stats *s)
{
    if (s->simp == 0 && s->trad == 0) {
        return USCRIPT_HAN;
    }
    return s->trad > s->simp ? USCRIPT_TRADITIONAL_HAN : USCRIPT_SIMPLIFIED_HAN;
}

typedef struct script_lang {
    UScriptCode sc;
    const char *iso3;
    double confidence;
} script_lang;

/* Scripts that (nearly) name their language on their own. */
static const script_lang script_langs[] = {
    {USCRIPT_GREEK, "ell", 0.9},     {USCRIPT_HEBREW, "heb", 0.7},
    {USCRIPT_THAI, "tha", 0.9},      {USCRIPT_DEVANAGARI, "hin", 0.5},
    {USCRIPT_BENGALI, "ben", 0.7},   {USCRIPT_GURMUKHI, "pan", 0.9},
    {USCRIPT_GUJARATI, "guj", 0.9},  {USCRIPT_ORIYA, "ori", 0.9},
    {USCRIPT_TAMIL, "tam", 0.9},     {USCRIPT_TELUGU, "tel", 0.9},
    {USCRIPT_KANNADA, "kan", 0.9},   {USCRIPT_MALAYALAM, "mal", 0.9},
    {USCRIPT_SINHALA, "sin", 0.9},   {USCRIPT_LAO, "lao", 0.9},
    {USCRIPT_TIBETAN, "bod", 0.6},   {USCRIPT_MYANMAR, "mya", 0.8},
    {USCRIPT_GEORGIAN, "kat", 0.9},  {USCRIPT_ARMENIAN, "hye", 0.9},
    {USCRIPT_ETHIOPIC, "amh", 0.5},  {USCRIPT_KHMER, "khm", 0.9},
    {USCRIPT_THAANA, "div", 0.9},    {USCRIPT_SYRIAC, "syr", 0.8},
    {USCRIPT_JAPANESE, "jpn", 0.9},  {USCRIPT_KOREAN, "kor", 0.9},
    {USCRIPT_MONGOLIAN, "mon", 0.8}, {USCRIPT_CHEROKEE, "chr", 0.9},
    {USCRIPT_HIRAGANA, "jpn", 0.9},  {USCRIPT_KATAKANA, "jpn", 0.8},
    {USCRIPT_HANGUL, "kor", 0.9},    {USCRIPT_TIFINAGH, "zgh", 0.5},
    {USCRIPT_UCAS, "iku", 0.6},
};

/* Telling letters must be at least 2% of the script's letters. */
static bool
dominates(uint32_t marks, uint32_t letters)
{
    return marks > 0 && marks * 50 >= letters;
}

static const char *
arabic_lang(const script_stats *s, double *confidence)
{
    const uint32_t n = s->n[USCRIPT_ARABIC];
    *confidence = 0.7;
    if (dominates(s->tell[TELL_PUS], n)) {
        return "pus";
    }
    if (dominates(s->tell[TELL_URD], n)) {
        return "urd";
    }
    if (dominates(s->tell[TELL_FAS], n)) {
        return "fas";
    }
    *confidence = 0.6;
    return "arb";
}

static const char *
cyrillic_lang(const script_stats *s, double *confidence)
{
    const uint32_t n = s->n[USCRIPT_CYRILLIC];
    *confidence = 0.6;
    if (s->tell[TELL_UKR] > 0 && s->tell[TELL_UKR] >= s->tell[TELL_BEL]) {
        return "ukr";
    }
    if (s->tell[TELL_BEL] > 0) {
        return "bel";
    }
    if (dominates(s->tell[TELL_SRP], n) &&
        s->tell[TELL_SRP] >= s->tell[TELL_MKD]) {
        return "srp-Cyrl";
    }
    if (s->tell[TELL_MKD] > 0) {
        return "mkd";
    }
    *confidence = 0.3;
    return "rus";
}

/* The language the script suggests, or NULL (Latin, unknown scripts). */
static const char *
script_language(const script_stats *s, UScriptCode sc, double *confidence)
{
    *confidence = 0.0;
    if (sc == USCRIPT_ARABIC) {
        return arabic_lang(s, confidence);
    }
    if (sc == USCRIPT_CYRILLIC) {
        return cyrillic_lang(s, confidence);
    }
    if (sc == USCRIPT_HAN) {
        *confidence = s->simp + s->trad >= 3 ? 0.8 : 0.6;
        return han_variant(s) == USCRIPT_TRADITIONAL_HAN ? "zho-Hant"
                                                         : "zho-Hans";
    }
    for (size_t i = 0; i < sizeof script_langs / sizeof script_langs[0]; i++) {
        if (script_langs[i].sc == sc) {
            *confidence = script_langs[i].confidence;
            return script_langs[i].iso3;
        }
    }
    return NULL;
}

/* ---- CLD2 ------------------------------------------------------------- */

typedef struct lang_weight {
    const char *iso3; /* static string from the CLD2 map */
    double bytes;     /* bytes CLD2 gave it, then letters (to_letters) */
    bool is_close;    /* CLD2 confuses it with close languages */
} lang_weight;

typedef struct cld2_vote {
    lang_weight lang[6]; /* top three of each of at most two samples */
    size_t n;
    double total; /* all letters' bytes CLD2 scored, unknown ones too */
    bool is_reliable;
    /* Bosnian/Croatian/Serbian, Malay/Indonesian or Nynorsk as
     * langid_close.c's words named it when they let the quick read stand,
     * else NULL */
    const char *words;
} cld2_vote;

static void
vote_add(cld2_vote *v, const char *iso3, double bytes, bool is_close)
{
    for (size_t i = 0; i < v->n; i++) {
        if (strcmp(v->lang[i].iso3, iso3) == 0) {
            v->lang[i].bytes += bytes;
            return;
        }
    }
    if (v->n < sizeof v->lang / sizeof v->lang[0]) {
        v->lang[v->n++] = (lang_weight){iso3, bytes, is_close};
    }
}

static int
cmp_weight(const void *a, const void *b)
{
    const double x = ((const lang_weight *)a)->bytes;
    const double y = ((const lang_weight *)b)->bytes;
    return (x < y) - (x > y); /* decreasing */
}

/* The length of the code point at s[i] (1..4), or 0 when s[i] starts no
 * well-formed UTF-8 sequence; *cp gets the code point. */
static size_t
utf8_at(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    int32_t c = 0;
    size_t j = i;
    U8_NEXT(s, j, len, c);
    *cp = c < 0 ? 0 : (uint32_t)c;
    return c < 0 ? 0 : j - i;
}

/* True for what CLD2 does not take as interchange-valid text: controls
 * other than tab and line breaks (C1 ones are what cp1252 quotes become
 * when a page is decoded as Latin-1), noncharacters. */
static bool
is_not_interchange(uint32_t cp)
{
    if (cp < 0x20) {
        return cp != '\t' && cp != '\n' && cp != '\r';
    }
    return (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
           (cp & 0xfffe) == 0xfffe;
}

/* A copy of t (owned, free) with every byte of what CLD2 would stop at
 * turned into a space, so that one stray control does not cut a text
 * short; NULL on OOM. */
static char *
scrub_copy(px_str t)
{
    char *out = malloc(t.len);
    if (out == NULL) {
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)t.ptr;
    for (size_t i = 0; i < t.len;) {
        uint32_t cp = 0;
        const size_t n = utf8_at(s, t.len, i, &cp);
        const bool bad = n == 0 || is_not_interchange(cp);
        const size_t step = n == 0 ? 1 : n;
        if (bad) {
            memset(out + i, ' ', step);
        } else {
            memcpy(out + i, t.ptr + i, step);
        }
        i += step;
    }
    return out;
}

/* Runs CLD2 on one sample with px_cld2_detect_opts's opts and adds its
 * verdict to v. */
static px_status
cld2_run(px_str t, unsigned opts, cld2_vote *v, px_error *err)
{
    px_cld2_result r;
    int rc = px_cld2_detect_opts(t.ptr, (int)t.len, opts, &r);
    if (rc == 0 && (size_t)r.valid_prefix < t.len) {
        /* CLD2 stops at the first byte that is not interchange-valid
         * UTF-8 (or a control character): read the text again with
         * such bytes blanked. */
        char *clean = scrub_copy(t);
        rc = clean == NULL ? -1
                           : px_cld2_detect_opts(clean, (int)t.len, opts, &r);
        free(clean);
    }
    if (rc != 0) {
        return px_fail(err, PX_ENOMEM, "langid: CLD2: out of memory");
    }
    v->total += r.text_bytes;
    v->is_reliable = v->is_reliable && r.is_reliable;
    for (int i = 0; i < 3; i++) {
        const char *iso3 = px_langid_from_cld2(r.code[i]);
        if (iso3 != NULL && r.percent[i] > 0) {
            vote_add(v, iso3, r.text_bytes * r.percent[i] / 100.0,
                     r.close_set[i] != 0);
        }
    }
    return PX_OK;
}

/* UTF-8 bytes per letter of a script: CLD2 counts bytes, but a page with
 * 100 English and 100 Arabic words is half English, not one third. */
static double
bytes_per_letter(const char *scripts)
{
    static const char two[] = "Cyrl Arab Grek Hebr Armn Syrc Thaa";
    if (scripts == NULL || strncmp(scripts, "Latn", 4) == 0) {
        return 1.0;
    }
    for (size_t i = 0; i + 4 <= sizeof two - 1; i += 5) {
        if (strncmp(scripts, two + i, 4) == 0) {
            return 2.0;
        }
    }
    return 3.0;
}

/* Turns v's byte counts into letter counts and sorts the languages by
 * decreasing share. Unnamed bytes count as one letter each. */
static void
to_letters(cld2_vote *v)
{
    double named = 0.0;
    double letters = 0.0;
    for (size_t i = 0; i < v->n; i++) {
        named += v->lang[i].bytes;
        v->lang[i].bytes /=
            bytes_per_letter(px_langid_cld2_script(v->lang[i].iso3));
        letters += v->lang[i].bytes;
    }
    v->total = letters + (v->total > named ? v->total - named : 0.0);
    qsort(v->lang, v->n, sizeof v->lang[0], cmp_weight);
}

/* Splits a text longer than 2 * s bytes into s-byte samples at its start
 * and middle, cut at code point boundaries. Returns the number of
 * samples. */
static size_t
take_samples(px_str t, size_t s, px_str part[2])
{
    if (t.len <= 2 * s) {
        part[0] = t;
        return 1;
    }
    const uint8_t *p = (const uint8_t *)t.ptr;
    size_t end = s;
    while (end > 0 && (p[end] & 0xC0) == 0x80) {
        end--;
    }
    size_t mid = t.len / 2;
    while (mid < t.len && (p[mid] & 0xC0) == 0x80) {
        mid++;
    }
    /* mid may have run far over stray continuation bytes */
    size_t mid_end = mid + s < t.len ? mid + s : t.len;
    while (mid_end > mid && mid_end < t.len && (p[mid_end] & 0xC0) == 0x80) {
        mid_end--;
    }
    part[0] = (px_str){t.ptr, end};
    part[1] = (px_str){t.ptr + mid, mid_end - mid};
    return 2;
}

/* ---- the verdict ------------------------------------------------------ */

static void
set_code(char *dst, size_t cap, const char *code)
{
    snprintf(dst, cap, "%s", code);
}

static int
share(double part, double whole)
{
    if (whole <= 0.0) {
        return 0;
    }
    const int p = (int)(100.0 * part / whole + 0.5);
    return p > 100 ? 100 : p;
}

static void
add_other(px_langid_result *out, const char *code, int percent)
{
    if (out->n_other >= PX_LANGID_MAX_OTHER || percent <= 0 ||
        strcmp(code, out->lang) == 0) {
        return;
    }
    for (size_t i = 0; i < out->n_other; i++) {
        if (strcmp(out->other[i].code, code) == 0) {
            out->other[i].percent += percent;
            return;
        }
    }
    px_langid_lang *o = &out->other[out->n_other++];
    set_code(o->code, sizeof o->code, code);
    o->percent = percent;
}

/* The script code langid reports for sc ("Hans" for Simplified Han...). */
static const char *
script_name(const script_stats *s, UScriptCode sc)
{
    if (sc == USCRIPT_HAN) {
        sc = han_variant(s);
    }
    return sc == USCRIPT_COMMON ? "Zyyy" : uscript_getShortName(sc);
}

/* Gives zho its script from the telling Han characters when there are
 * enough of them (CLD2 often calls short Traditional text Simplified),
 * turns Japanese without kana into Chinese, and gives srp the script it is
 * written in. */
static const char *
with_script(const char *iso3, const script_stats *s, UScriptCode main_sc)
{
    if (strncmp(iso3, "zho-", 4) == 0 && s->simp + s->trad >= 3) {
        return han_variant(s) == USCRIPT_TRADITIONAL_HAN ? "zho-Hant"
                                                         : "zho-Hans";
    }
    if (strcmp(iso3, "jpn") == 0 && s->n[USCRIPT_HIRAGANA] == 0 &&
        s->n[USCRIPT_KATAKANA] == 0 && s->n[USCRIPT_HAN] > 0) {
        /* CLD2 calls some short Chinese Japanese; Japanese writes kana */
        return han_variant(s) == USCRIPT_TRADITIONAL_HAN ? "zho-Hant"
                                                         : "zho-Hans";
    }
    if (strcmp(iso3, "srp") == 0) {
        return main_sc == USCRIPT_CYRILLIC ? "srp-Cyrl" : "srp-Latn";
    }
    return iso3;
}

/* The main script's name, made to agree with a Chinese verdict. */
static void
set_script(px_langid_result *out, const script_stats *s, UScriptCode sc)
{
    const char *name = script_name(s, sc);
    if (sc == USCRIPT_HAN && strncmp(out->lang, "zho-", 4) == 0) {
        name = out->lang + 4;
    }
    set_code(out->script, sizeof out->script, name != NULL ? name : "Zyyy");
}

static bool
is_bcms(const char *code)
{
    return strcmp(code, "bos") == 0 || strcmp(code, "hrv") == 0 ||
           strcmp(code, "srp-Latn") == 0;
}

static void
from_cld2(const cld2_vote *v, const script_stats *s, UScriptCode sc,
          const px_str *part, size_t n_part, px_langid_result *out)
{
    const char *lang = with_script(v->lang[0].iso3, s, sc);
    if (v->words != NULL) {
        lang = v->words; /* the quick read stood on them */
    } else if (strcmp(lang, "nob") == 0 &&
               px_langid_close_confirms("nno", part, n_part)) {
        lang = "nno"; /* CLD2 calls Nynorsk Bokmål */
    } else if (is_bcms(lang)) {
        lang = px_langid_bcms(part, n_part, lang);
    } else if (strcmp(lang, "msa") == 0 || strcmp(lang, "ind") == 0) {
        lang = px_langid_malay(part, n_part, lang);
    }
    set_code(out->lang, sizeof out->lang, lang);
    out->percent = share(v->lang[0].bytes, v->total);
    const double p = out->percent / 100.0;
    double conf = v->is_reliable ? 0.5 + 0.5 * p : 0.4 * p;
    if (s->letters < SHORT_LETTERS) {
        conf *= (double)s->letters / SHORT_LETTERS; /* n-grams need text */
    }
    if (v->lang[0].is_close) {
        conf *= 0.85; /* CLD2 mixes it up with its close relatives */
    }
    out->confidence = conf;
    for (size_t i = 1; i < v->n; i++) {
        add_other(out, with_script(v->lang[i].iso3, s, sc),
                  share(v->lang[i].bytes, v->total));
    }
    set_script(out, s, sc);
}

/* True if script sc is part of the main writing system main_sc. */
static bool
in_main(UScriptCode sc, UScriptCode main_sc)
{
    if (sc == main_sc) {
        return true;
    }
    if (main_sc == USCRIPT_JAPANESE) {
        return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
               sc == USCRIPT_KATAKANA;
    }
    return main_sc == USCRIPT_KOREAN &&
           (sc == USCRIPT_HAN || sc == USCRIPT_HANGUL);
}

/* The first language CLD2 found in Latin script, for the Latin part of a
 * text decided by its script; "und" if none. */
static const char *
latin_guess(const cld2_vote *v)
{
    for (size_t i = 0; i < v->n; i++) {
        if (px_langid_cld2_supports(v->lang[i].iso3, "Latn")) {
            return v->lang[i].iso3;
        }
    }
    return "und";
}

/* For a script many languages share (Cyrillic without telling letters,
 * Devanagari, Ethiopic...), CLD2's unsure guess is still better than the
 * script's default when it names a language written in that script. */
static const char *
guess_in_script(const cld2_vote *v, UScriptCode sc)
{
    const char *name = uscript_getShortName(sc);
    for (size_t i = 0; name != NULL && i < v->n; i++) {
        const char *scripts = px_langid_cld2_script(v->lang[i].iso3);
        if (scripts != NULL && strncmp(scripts, name, 4) == 0) {
            return v->lang[i].iso3;
        }
    }
    return NULL;
}

static void
from_scripts(const cld2_vote *v, const script_stats *s, UScriptCode main_sc,
             uint32_t main_n, px_langid_result *out)
{
    double conf = 0.0;
    const char *lang = script_language(s, main_sc, &conf);
    if (conf < 0.6 && main_sc != USCRIPT_ARABIC) {
        const char *guess = guess_in_script(v, main_sc);
        if (guess != NULL) {
            lang = with_script(guess, s, main_sc);
            conf = 0.5;
        }
    }
    out->is_fallback = true;
    out->confidence = conf;
    out->percent = share(main_n, s->letters);
    set_code(out->lang, sizeof out->lang, lang != NULL ? lang : "und");
    for (int sc = 0; sc < N_SCRIPTS; sc++) {
        const int pc = share(s->n[sc], s->letters);
        if (pc < OTHER_MIN_PERCENT || in_main((UScriptCode)sc, main_sc)) {
            continue;
        }
        double c = 0.0;
        const char *other = sc == USCRIPT_LATIN
                                ? latin_guess(v)
                                : script_language(s, (UScriptCode)sc, &c);
        add_other(out, other != NULL ? other : "und", pc);
    }
    set_script(out, s, main_sc);
}

static bool
trust_cld2(const cld2_vote *v, UScriptCode main_sc, uint32_t letters)
{
    if (v->n == 0) {
        return false;
    }
    if (main_sc == USCRIPT_LATIN) {
        return true;
    }
    return v->is_reliable && letters >= SHORT_LETTERS;
}

/* True when the script alone names the language surely enough that CLD2
 * need not run: nearly all letters are in one script that (nearly) only
 * one language writes, or in Han with telling characters and no kana. */
static bool
script_decides(const script_stats *s, UScriptCode sc, uint32_t main_n)
{
    if (s->letters < SHORT_LETTERS || main_n * 100 < s->letters * 98) {
        return false;
    }
    double conf = 0.0;
    if (sc == USCRIPT_HAN) {
        return s->simp + s->trad >= 8 &&
               (s->simp >= 4 * s->trad || s->trad >= 4 * s->simp);
    }
    return sc != USCRIPT_ARABIC && sc != USCRIPT_CYRILLIC &&
           script_language(s, sc, &conf) != NULL && conf >= 0.8;
}

/* The bytes of t from off on, at most max of them (0: no limit), cut at a
 * code point boundary. */
static px_str
span_from(px_str t, size_t off, size_t max)
{
    px_str r = {t.ptr + off, t.len - off};
    if (max > 0 && r.len > max) {
        const uint8_t *p = (const uint8_t *)r.ptr;
        size_t end = max;
        while (end > 0 && (p[end] & 0xC0) == 0x80) {
            end--;
        }
        r.len = end;
    }
    return r;
}

/* True if CLD2 confuses iso3 with a close relative on short text, so
 * that a quick read naming it is not enough: Bosnian, Croatian and
 * Serbian (Latin); Malay and Indonesian; Danish and Norwegian; Hindi,
 * Marathi, Nepali and Bihari; unless langid_close.c's words (or Serbian
 * Cyrillic's letters) tell them apart.
 * (CLD2's other close sets, Spanish-Portuguese-Galician, Czech-Slovak,
 * Kinyarwanda-Rundi, Tibetan-Dzongkha and Xhosa-Zulu, keep the quick
 * read: it names them as well as a longer one.) */
static bool
needs_more(cld2_vote *v, const script_stats *s, const px_str *part, size_t n)
{
    static const char *const confused[] = {"dan", "nob", "nno", "hin",
                                           "mar", "nep", "bih"};
    const char *iso3 = v->lang[0].iso3;
    if (strcmp(iso3, "srp") == 0 &&
        s->n[USCRIPT_CYRILLIC] > s->n[USCRIPT_LATIN]) {
        /* Bosnian and Croatian are written in Latin; Serbian Cyrillic's
         * own letters (dje, tshe) and no Macedonian ones tell it from the
         * Cyrillic languages CLD2 may take it for */
        return s->tell[TELL_SRP] == 0 || s->tell[TELL_MKD] > 0 ||
               s->tell[TELL_UKR] > 0 || s->tell[TELL_BEL] > 0;
    }
    if (strcmp(iso3, "bos") == 0 || strcmp(iso3, "hrv") == 0 ||
        strcmp(iso3, "srp") == 0) {
        v->words = px_langid_bcms(part, n, NULL);
        return v->words == NULL;
    }
    if (strcmp(iso3, "msa") == 0 || strcmp(iso3, "ind") == 0) {
        v->words = px_langid_malay(part, n, NULL);
        return v->words == NULL;
    }
    for (size_t i = 0; i < sizeof confused / sizeof confused[0]; i++) {
        if (strcmp(iso3, confused[i]) == 0) {
            /* the words of what CLD2 would read on over */
            const px_str head =
                span_from(part[0], 0, PX_LANGID_QUICK + PX_LANGID_MORE);
            if (strcmp(iso3, "nob") == 0 &&
                px_langid_close_confirms("nno", &head, 1)) {
                v->words = "nno"; /* CLD2 has no Nynorsk */
                return false;
            }
            return !px_langid_close_confirms(iso3, &head, 1);
        }
    }
    return false;
}

/* True if the votes of a quick read can stand: CLD2 is sure, or it is
 * not even after its own second pass over the opening (with its Top40 and
 * repeated-word settings). Reading on rarely helps then: the language is
 * nearly always one CLD2 lacks (NTREX-128: 344 of the 345 documents CLD2
 * stays unsure about, and that one Macedonian text comes out right on its
 * letters), and the script evidence or CLD2's guess decides either way. */
static bool
quick_is_sure(cld2_vote *v, const script_stats *s, const px_str *part, size_t n)
{
    if (!v->is_reliable) {
        return true;
    }
    return v->n > 0 &&
           v->lang[0].bytes * 100 >= QUICK_SURE_PERCENT * v->total &&
           !needs_more(v, s, part, n);
}

/* Runs CLD2 on the samples. A text (nearly) in one script first gets its
 * opening quick bytes alone, and a sure verdict there (quick_is_sure)
 * stands. Otherwise CLD2 reads on from where the opening stopped, at most
 * more_bytes of the first sample, then the middle sample, and the votes
 * add up; reliability is that of the later reads. The read-on takes CLD2's
 * first pass only: when that is unsure, CLD2 would score the whole read
 * again with other settings, which costs as much as the read and changed
 * no verdict on an NTREX-128 language CLD2 knows (it is texts in languages
 * CLD2 lacks that it is unsure about and reads again).
 * Other texts are read whole (their samples). */
static px_status
vote(const px_str *part, size_t n, const px_langid_opts *o,
     const script_stats *s, uint32_t main_n, cld2_vote *v, px_error *err)
{
    px_str rest[2] = {part[0], n > 1 ? part[1] : part[0]};
    const bool one_script =
        (uint64_t)main_n * 100 >= (uint64_t)s->letters * QUICK_SCRIPT_PERCENT;
    const size_t q = o->quick_bytes;
    unsigned rest_opts = 0;
    *v = (cld2_vote){.n = 0, .total = 0.0, .is_reliable = true, .words = NULL};
    if (one_script && q > 0 && part[0].len > 2 * q) {
        const px_str head = span_from(part[0], 0, q);
        px_status rc = cld2_run(head, 0, v, err);
        if (rc != PX_OK) {
            return rc;
        }
        cld2_vote sure = *v;
        to_letters(&sure);
        if (quick_is_sure(&sure, s, part, n)) {
            *v = sure;
            return PX_OK;
        }
        rest[0] = span_from(part[0], head.len, o->more_bytes);
        rest_opts = PX_CLD2_ONE_PASS;
        v->is_reliable = true;
    }
    for (size_t i = 0; i < n; i++) {
        const px_status rc = cld2_run(rest[i], rest_opts, v, err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    to_letters(v);
    return PX_OK;
}

px_status
px_langid_detect_opts(px_str text, const px_langid_opts *o,
                      px_langid_result *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    set_code(out->lang, sizeof out->lang, "und");
    set_code(out->script, sizeof out->script, "Zyyy");
    if (text.ptr == NULL || text.len == 0) {
        return PX_OK;
    }
    px_str part[2];
    /* CLD2 takes an int length: keep both samples far below INT_MAX */
    const size_t sample = o->sample_bytes == 0 ? PX_LANGID_SAMPLE
                          : o->sample_bytes > PX_LANGID_MAX_SAMPLE
                              ? PX_LANGID_MAX_SAMPLE
                              : o->sample_bytes;
    const size_t n = take_samples(text, sample, part);
    script_stats s;
    memset(&s, 0, sizeof s);
    pthread_once(&bmp_once, fill_bmp_script);
    for (size_t i = 0; i < n; i++) {
        scan_scripts(part[i], &s);
    }
    finish_counts(&s);
    uint32_t main_n = 0;
    const UScriptCode sc = main_script(&s, &main_n);
    cld2_vote v = {.n = 0, .total = 0.0, .is_reliable = true, .words = NULL};
    if (s.letters == 0) {
        return PX_OK;
    }
    if (o->script_shortcut && script_decides(&s, sc, main_n)) {
        from_scripts(&v, &s, sc, main_n, out);
        return PX_OK;
    }
    const px_status rc = vote(part, n, o, &s, main_n, &v, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (trust_cld2(&v, sc, s.letters)) {
        from_cld2(&v, &s, sc, part, n, out);
    } else {
        from_scripts(&v, &s, sc, main_n, out);
    }
    return PX_OK;
}

px_status
px_langid_detect(px_str text, px_langid_result *out, px_error *err)
{
    static const px_langid_opts defaults = {PX_LANGID_SAMPLE, PX_LANGID_QUICK,
                                            true, PX_LANGID_MORE};
    return px_langid_detect_opts(text, &defaults, out, err);
}

px_status
px_langid(const char *text, size_t len, char lang[16], double *confidence,
          px_error *err)
{
    if (text == NULL && len > 0) {
        return px_fail(err, PX_EINVAL, "langid: NULL text");
    }
    px_langid_result r;
    const px_status rc = px_langid_detect((px_str){text, len}, &r, err);
    memcpy(lang, r.lang, sizeof r.lang);
    if (confidence != NULL) {
        *confidence = r.confidence;
    }
    return rc;
}
