/* wordkey.c - matching keys and stems of words (see wordkey.h).
 *
 * ASCII input takes a fast path (lower-case, collapse white space); other
 * text goes through ICU's NFKC_Casefold in UTF-16, then one pass applies the
 * Arabic-script unifications and white space collapsing, then (for
 * "zho-Hant") OpenCC folds to simplified. Snowball stemmers and the OpenCC
 * converter are opened on first use and kept in the px_wordkey.
 */
#include "wordkey.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "arena.h"
#include "lemma.h"
#include "opencc_shim.h"

/* ISO 639-3 macrolanguage -> Snowball algorithm (libstemmer 2.2). */
static const struct {
    const char lang[4];
    const char *algo;
} stemmers[] = {
    {"ara", "arabic"},     {"cat", "catalan"},    {"dan", "danish"},
    {"deu", "german"},     {"ell", "greek"},      {"eng", "english"},
    {"eus", "basque"},     {"fin", "finnish"},    {"fra", "french"},
    {"gle", "irish"},      {"hin", "hindi"},      {"hun", "hungarian"},
    {"hye", "armenian"},   {"ind", "indonesian"}, {"ita", "italian"},
    {"lit", "lithuanian"}, {"nep", "nepali"},     {"nld", "dutch"},
    {"nor", "norwegian"},  {"por", "portuguese"}, {"ron", "romanian"},
    {"rus", "russian"},    {"spa", "spanish"},    {"srp", "serbian"},
    {"swe", "swedish"},    {"tam", "tamil"},      {"tur", "turkish"},
    {"yid", "yiddish"},
};
#define N_STEMMERS (sizeof stemmers / sizeof stemmers[0])

/* Individual languages and ISO 639-1 codes -> the macrolanguage. */
static const struct {
    const char code[4]; /* NUL-padded: compared as 4 bytes */
    const char base[4];
} base_map[] = {
    {"arb", "ara"}, {"ary", "ara"}, {"arz", "ara"}, {"apc", "ara"},
    {"ajp", "ara"}, {"acm", "ara"}, {"afb", "ara"}, {"ars", "ara"},
    {"aeb", "ara"}, {"apd", "ara"}, {"acq", "ara"}, {"cmn", "zho"},
    {"yue", "zho"}, {"wuu", "zho"}, {"zsm", "msa"}, {"nob", "nor"},
    {"nno", "nor"}, {"pes", "fas"}, {"prs", "fas"}, {"ekk", "est"},
    {"lvs", "lav"}, {"swh", "swa"}, {"uzn", "uzb"}, {"azj", "aze"},
    {"ar", "ara"},  {"zh", "zho"},  {"en", "eng"},  {"fr", "fra"},
    {"de", "deu"},  {"es", "spa"},  {"ru", "rus"},  {"it", "ita"},
    {"pt", "por"},  {"ja", "jpn"},  {"ko", "kor"},  {"fa", "fas"},
    {"tr", "tur"},  {"he", "heb"},  {"hi", "hin"},  {"ur", "urd"},
    {"nl", "nld"},  {"sv", "swe"},  {"pl", "pol"},  {"uk", "ukr"},
};

struct px_wordkey {
    struct sb_stemmer *stem[N_STEMMERS];
    bool stem_tried[N_STEMMERS];
    px_opencc *cc;
    bool cc_tried;
    px_lemma *lemma; /* Hunspell lemmas where Snowball has no stemmer */
    px_buf lemma_buf;
    px_buf part; /* scratch: one key of px_wordkey_keys */
    /* The last language asked about and what it resolved to, so that
     * splitting a text does not resolve its language once per word. */
    char last_lang[16];
    int last_stem; /* index into stemmers, -1: none */
    bool last_fold;
    UChar *u16;  /* scratch: input in UTF-16 */
    UChar *norm; /* scratch: normalised */
    int32_t cap;
};

px_wordkey *
px_wordkey_new(void)
{
    return px_calloc(1, sizeof(px_wordkey));
}

void
px_wordkey_free(px_wordkey *wk)
{
    if (wk == NULL) {
        return;
    }
    for (size_t i = 0; i < N_STEMMERS; i++) {
        if (wk->stem[i] != NULL) {
            sb_stemmer_delete(wk->stem[i]);
        }
    }
    px_opencc_close(wk->cc);
    px_lemma_free(wk->lemma);
    px_buf_fini(&wk->lemma_buf);
    px_buf_fini(&wk->part);
    free(wk->u16);
    free(wk->norm);
    free(wk);
}

static bool
is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void
px_wordkey_base(const char *lang, char out[4])
{
    size_t n = 0;
    char low[4] = {0};
    while (n < 3 && lang != NULL && is_ascii_letter(lang[n])) {
        low[n] = (char)(lang[n] | 0x20);
        n++;
    }
    const bool ends =
        lang != NULL && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
    memcpy(out, "und", 4);
    if (n < 2 || !ends) {
        return;
    }
    for (size_t i = 0; i < sizeof base_map / sizeof base_map[0]; i++) {
        if (memcmp(low, base_map[i].code, 4) == 0) {
            memcpy(out, base_map[i].base, 4);
            return;
        }
    }
    if (n == 3) {
        memcpy(out, low, 4);
    }
}

bool
px_wordkey_has_snowball(const char *lang)
{
    char base[4];
    px_wordkey_base(lang, base);
    for (size_t i = 0; i < N_STEMMERS; i++) {
        if (memcmp(base, stemmers[i].lang, 4) == 0) {
            return true;
        }
    }
    return false;
}

bool
px_wordkey_has_stemmer(const char *lang)
{
    char base[4];
    px_wordkey_base(lang, base);
    return px_wordkey_has_snowball(lang) || px_lemma_installed(base);
}

static bool
is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* The ASCII fast path: lower-case letters, collapse and trim spaces. */
static void
key_ascii(px_str s, px_buf *out)
{
    bool space = false;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (is_space_byte(c)) {
            space = out->len > 0;
            continue;
        }
        if (space) {
            px_buf_add_byte(out, ' ');
            space = false;
        }
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c | 0x20);
        }
        px_buf_add_byte(out, c);
    }
}

static bool
all_ascii(px_str s)
{
    for (size_t i = 0; i < s.len; i++) {
        if ((unsigned char)s.ptr[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

static bool
grow(px_wordkey *wk, int32_t need)
{
    if (need <= wk->cap) {
        return true;
    }
    const int32_t cap = need < 256 ? 256 : need;
    UChar *a = px_realloc(wk->u16, (size_t)cap * sizeof(UChar));
    if (a == NULL) {
        return false;
    }
    wk->u16 = a;
    UChar *b = px_realloc(wk->norm, (size_t)cap * sizeof(UChar));
    if (b == NULL) {
        return false;
    }
    wk->norm = b;
    wk->cap = cap;
    return true;
}

/* The Arabic-script unification of one code unit: 0 drops it. */
static UChar
arabic_unify(UChar c)
{
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
        (c >= 0x06D6 && c <= 0x06ED)) {
        return 0; /* tashkeel, superscript alef, tatweel, Quranic marks */
    }
    switch (c) {
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0622: /* آ */
    case 0x0671: /* ٱ */
        return 0x0627;
    case 0x0649: /* ى */
    case 0x0626: /* ئ */
    case 0x06CC: /* Persian ی */
        return 0x064A;
    case 0x0629: /* ة */
        return 0x0647;
    case 0x0624: /* ؤ */
        return 0x0648;
    case 0x06A9: /* Persian ک */
        return 0x0643;
    default:
        return c;
    }
}

/* Unifies Arabic letters and collapses white space in wk->norm[0..n),
 * in place; returns the new length. */
static int32_t
unify(UChar *u, int32_t n)
{
    int32_t o = 0;
    bool space = false;
    for (int32_t i = 0; i < n; i++) {
        UChar c = u[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
            c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F) {
            space = o > 0;
            continue;
        }
        if (c >= 0x0600 && c <= 0x06FF) {
            c = arabic_unify(c);
            if (c == 0) {
                continue;
            }
        }
        if (space) {
            u[o++] = ' ';
            space = false;
        }
        u[o++] = c;
    }
    return o;
}

/* Bit c: the key of the BMP code point c alone is not empty. */
static uint8_t keeps_bits[0x10000 / 8];
static pthread_once_t keeps_once = PTHREAD_ONCE_INIT;

static void
fill_keeps(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&st);
    for (UChar32 c = 0; c < 0x10000 && U_SUCCESS(st); c++) {
        if (U_IS_SURROGATE(c)) {
            continue;
        }
        const UChar in[1] = {(UChar)c};
        UChar out[32] = {(UChar)c};
        UErrorCode st2 = U_ZERO_ERROR;
        int32_t n = 1; /* an inert code point is its own NFKC_Casefold */
        if (!unorm2_isInert(nf, c)) {
            n = unorm2_normalize(nf, in, 1, out, 32, &st2);
        }
        /* all-ASCII text takes key_ascii, whose white space differs */
        const bool ascii_space = c < 0x80 && is_space_byte((char)c);
        if (U_SUCCESS(st2) && unify(out, n) > 0 && !ascii_space) {
            keeps_bits[c >> 3] |= (uint8_t)(1u << (c & 7));
        }
    }
}

/* Composition in NFKC never makes a code point that unify drops, and
 * nothing drops a code point for its neighbours: a word keeps a key when
 * one of its code points does on its own. */
bool
px_wordkey_keeps(int32_t c)
{
    pthread_once(&keeps_once, fill_keeps);
    return c >= 0 && c < 0x10000 && ((keeps_bits[c >> 3] >> (c & 7)) & 1u);
}

static bool
wants_fold(const char *lang)
{
    char base[4];
    px_wordkey_base(lang, base);
    const char *sub = strchr(lang, '-');
    return strcmp(base, "zho") == 0 && sub != NULL &&
           (strcmp(sub, "-Hant") == 0 || strcmp(sub, "-TW") == 0 ||
            strcmp(sub, "-HK") == 0);
}

static int
stemmer_index(const char *lang)
{
    char base[4];
    px_wordkey_base(lang, base);
    for (size_t i = 0; i < N_STEMMERS; i++) {
        if (memcmp(base, stemmers[i].lang, 4) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Resolves lang into wk->last_* unless it was the last language asked. */
static void
resolve_lang(px_wordkey *wk, const char *lang)
{
    if (lang != NULL && wk->last_lang[0] != '\0' &&
        strncmp(wk->last_lang, lang, sizeof wk->last_lang) == 0) {
        return;
    }
    wk->last_stem = stemmer_index(lang);
    wk->last_fold = lang != NULL && wants_fold(lang);
    wk->last_lang[0] = '\0';
    if (lang != NULL && strlen(lang) < sizeof wk->last_lang) {
        memcpy(wk->last_lang, lang, strlen(lang) + 1);
    }
}

/* Folds out's content (UTF-8) to simplified Chinese with OpenCC's tw2sp
 * conversion (over darts dictionaries: opencc_shim.h). */
static void
fold_hant(px_wordkey *wk, px_buf *out)
{
    if (!wk->cc_tried) {
        wk->cc_tried = true;
        wk->cc = px_opencc_open("tw2sp.json", 1);
    }
    if (wk->cc == NULL || out->len == 0) {
        return;
    }
    size_t n = 0;
    const char *r = px_opencc_convert(wk->cc, out->ptr, out->len, &n);
    if (r != NULL) {
        out->len = 0;
        px_buf_add(out, r, n);
    }
}

static px_status
key_unicode(px_wordkey *wk, px_str s, px_buf *out, px_error *err)
{
    if (s.len > INT32_MAX / 4 || !grow(wk, (int32_t)s.len * 3 + 16)) {
        return px_fail(err, PX_ENOMEM, "wordkey: out of memory");
    }
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8WithSub(wk->u16, wk->cap, &n16, s.ptr, (int32_t)s.len, 0xFFFD,
                         NULL, &st);
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&st);
    int32_t nn = unorm2_normalize(nf, wk->u16, n16, wk->norm, wk->cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        st = U_ZERO_ERROR;
        if (!grow(wk, nn + 16)) {
            return px_fail(err, PX_ENOMEM, "wordkey: out of memory");
        }
        u_strFromUTF8WithSub(wk->u16, wk->cap, &n16, s.ptr, (int32_t)s.len,
                             0xFFFD, NULL, &st);
        nn = unorm2_normalize(nf, wk->u16, n16, wk->norm, wk->cap, &st);
    }
    if (U_FAILURE(st)) {
        return px_fail(err, PX_ENOMEM, "wordkey: ICU: %s", u_errorName(st));
    }
    nn = unify(wk->norm, nn);
    if (!px_buf_reserve(out, (size_t)nn * 3 + 1)) {
        return px_fail(err, PX_ENOMEM, "wordkey: out of memory");
    }
    int32_t n8 = 0;
    u_strToUTF8WithSub(out->ptr, (int32_t)(out->cap - 1), &n8, wk->norm, nn,
                       0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        return px_fail(err, PX_ENOMEM, "wordkey: ICU: %s", u_errorName(st));
    }
    out->len = (size_t)n8;
    out->ptr[out->len] = '\0';
    return PX_OK;
}

/* True when s is all CJK unified ideographs (U+3400..U+4DBF,
 * U+4E00..U+9FFF), well-formed: each is inert under NFKC_Casefold
 * (test_wordkey checks them all) and unify has nothing to do with them,
 * so s is its own key before the fold. */
static bool
all_unified_han(px_str s)
{
    const unsigned char *p = (const unsigned char *)s.ptr;
    if (s.len % 3 != 0) {
        return false;
    }
    for (size_t i = 0; i < s.len; i += 3) {
        if (px_unified_han_at(p, i, s.len) == 0) {
            return false;
        }
    }
    return true;
}

/* The key of s (not all ASCII) before the fold, into out (replacing its
 * content). */
static px_status
key_unfolded(px_wordkey *wk, px_str s, px_buf *out, px_error *err)
{
    if (!all_unified_han(s)) {
        return key_unicode(wk, s, out, err);
    }
    out->len = 0;
    px_buf_add(out, s.ptr, s.len);
    return px_buf_failed(out)
               ? px_fail(err, PX_ENOMEM, "wordkey: out of memory")
               : PX_OK;
}

bool
px_wordkey_folds(const char *lang)
{
    return lang != NULL && wants_fold(lang);
}

/* px_wordkey_keys without a fold: each part keyed alone. */
static px_status
keys_each(px_wordkey *wk, const char *lang, const px_str *parts, size_t n,
          px_buf *out, size_t *ends, px_error *err)
{
    out->len = 0;
    for (size_t i = 0; i < n; i++) {
        const px_status st = px_wordkey_key(wk, lang, parts[i], &wk->part, err);
        if (st != PX_OK) {
            return st;
        }
        px_buf_add(out, wk->part.ptr, wk->part.len);
        ends[i] = out->len;
    }
    return px_buf_failed(out)
               ? px_fail(err, PX_ENOMEM, "wordkey: out of memory")
               : PX_OK;
}

/* Takes the line feeds out of out (the folded keys of n parts, one
 * between each two), setting ends; false when there are not n - 1. */
static bool
split_folded(px_buf *out, size_t n, size_t *ends)
{
    size_t k = 0;
    size_t o = 0;
    for (size_t i = 0; i < out->len; i++) {
        if (out->ptr[i] != '\n') {
            out->ptr[o++] = out->ptr[i];
        } else if (k + 1 < n) {
            ends[k++] = o;
        } else {
            return false;
        }
    }
    if (k + 1 != n) {
        return false;
    }
    ends[k] = o;
    out->len = o;
    out->ptr[o] = '\0';
    return true;
}

px_status
px_wordkey_keys(px_wordkey *wk, const char *lang, const px_str *parts, size_t n,
                px_buf *out, size_t *ends, px_error *err)
{
    bool ascii = false;
    for (size_t i = 0; i < n && !ascii; i++) {
        ascii = all_ascii(parts[i]);
    }
    if (n == 0 || ascii || !px_wordkey_folds(lang)) {
        return keys_each(wk, lang, parts, n, out, ends, err);
    }
    out->len = 0;
    for (size_t i = 0; i < n; i++) {
        const px_status st = key_unfolded(wk, parts[i], &wk->part, err);
        if (st != PX_OK) {
            return st;
        }
        if (i > 0) {
            px_buf_add_byte(out, '\n');
        }
        px_buf_add(out, wk->part.ptr, wk->part.len);
    }
    if (px_buf_failed(out)) {
        return px_fail(err, PX_ENOMEM, "wordkey: out of memory");
    }
    fold_hant(wk, out);
    if (px_buf_failed(out) || !split_folded(out, n, ends)) {
        return keys_each(wk, lang, parts, n, out, ends, err);
    }
    return PX_OK;
}

px_status
px_wordkey_key(px_wordkey *wk, const char *lang, px_str s, px_buf *out,
               px_error *err)
{
    out->len = 0;
    if (out->ptr != NULL) {
        out->ptr[0] = '\0';
    }
    if (all_ascii(s)) {
        key_ascii(s, out);
    } else {
        const px_status st = key_unfolded(wk, s, out, err);
        if (st != PX_OK) {
            return st;
        }
        resolve_lang(wk, lang);
        if (wk->last_fold) {
            fold_hant(wk, out);
        }
    }
    if (px_buf_failed(out)) {
        return px_fail(err, PX_ENOMEM, "wordkey: out of memory");
    }
    return PX_OK;
}

static struct sb_stemmer *
stemmer_for(px_wordkey *wk, const char *lang)
{
    resolve_lang(wk, lang);
    const int i = wk->last_stem;
    if (i < 0) {
        return NULL;
    }
    if (!wk->stem_tried[i]) {
        wk->stem_tried[i] = true;
        wk->stem[i] = sb_stemmer_new(stemmers[i].algo, "UTF_8");
    }
    return wk->stem[i];
}

/* Replaces out's content with the key of key's Hunspell lemma (lemma.h);
 * false (out empty) when it has none. */
static bool
lemma_key(px_wordkey *wk, const char *lang, px_str key, px_buf *out,
          px_error *err)
{
    char base[4];
    px_wordkey_base(lang, base);
    if (!px_lemma_lang(base) || memchr(key.ptr, ' ', key.len) != NULL) {
        return false;
    }
    if (wk->lemma == NULL) {
        wk->lemma = px_lemma_new();
    }
    if (wk->lemma == NULL ||
        !px_lemma_get(wk->lemma, base, key, &wk->lemma_buf)) {
        return false;
    }
    const px_str lemma = {wk->lemma_buf.ptr, wk->lemma_buf.len};
    return px_wordkey_key(wk, lang, lemma, out, err) == PX_OK && out->len > 0;
}

px_status
px_wordkey_stem(px_wordkey *wk, const char *lang, px_str key, px_buf *out,
                px_error *err)
{
    out->len = 0;
    if (out->ptr != NULL) {
        out->ptr[0] = '\0';
    }
    struct sb_stemmer *sb = stemmer_for(wk, lang);
    const sb_symbol *r = NULL;
    if (sb != NULL && key.len > 0 && key.len < INT32_MAX) {
        r = sb_stemmer_stem(sb, (const sb_symbol *)key.ptr, (int)key.len);
    }
    if (r != NULL) {
        px_buf_add(out, r, (size_t)sb_stemmer_length(sb));
    } else if (sb != NULL || !lemma_key(wk, lang, key, out, err)) {
        px_buf_add_str(out, key);
    }
    if (px_buf_failed(out)) {
        return px_fail(err, PX_ENOMEM, "wordkey: out of memory");
    }
    return PX_OK;
}

/* UTF-8 of the Arabic letters the clitics are made of. */
#define AR_WAW  "\xD9\x88"
#define AR_FA   "\xD9\x81"
#define AR_BA   "\xD8\xA8"
#define AR_KAF  "\xD9\x83"
#define AR_LAM  "\xD9\x84"
#define AR_ALEF "\xD8\xA7"

/* Number of code points in s from byte off (UTF-8 lead bytes). */
static size_t
chars_from(px_str s, size_t off)
{
    size_t n = 0;
    for (size_t i = off; i < s.len; i++) {
        n += ((unsigned char)s.ptr[i] & 0xC0) != 0x80;
    }
    return n;
}

static bool
at(px_str s, size_t off, const char *letter)
{
    return off + 2 <= s.len && memcmp(s.ptr + off, letter, 2) == 0;
}

static size_t
add_offset(size_t *offs, size_t n, size_t max, size_t off, px_str key)
{
    if (off == 0 || chars_from(key, off) < 2 || n >= max) {
        return n;
    }
    for (size_t i = 0; i < n; i++) {
        if (offs[i] == off) {
            return n;
        }
    }
    offs[n] = off;
    return n + 1;
}

size_t
px_wordkey_ar_clitics(px_str key, size_t *offs, size_t max)
{
    size_t n = 0;
    /* conjunction, then preposition, then article; each optional */
    const size_t c_end = (at(key, 0, AR_WAW) || at(key, 0, AR_FA)) ? 2 : 0;
    for (size_t c = 0; c <= c_end; c += 2) {
        const bool prep =
            at(key, c, AR_BA) || at(key, c, AR_KAF) || at(key, c, AR_LAM);
        const size_t p_end = prep ? c + 2 : c;
        for (size_t p = c; p <= p_end; p += 2) {
            n = add_offset(offs, n, max, p, key);
            if (at(key, p, AR_ALEF) && at(key, p + 2, AR_LAM)) {
                n = add_offset(offs, n, max, p + 4, key);
            }
        }
        /* li + al written with one lam: لل */
        if (at(key, c, AR_LAM) && at(key, c + 2, AR_LAM)) {
            n = add_offset(offs, n, max, c + 4, key);
        }
    }
    /* least stripped first */
    for (size_t i = 1; i < n; i++) {
        const size_t v = offs[i];
        size_t j = i;
        while (j > 0 && offs[j - 1] > v) {
            offs[j] = offs[j - 1];
            j--;
        }
        offs[j] = v;
    }
    return n;
}

static bool
ends(px_str s, const char *suf)
{
    const size_t n = strlen(suf);
    return s.len >= n && memcmp(s.ptr + s.len - n, suf, n) == 0;
}

px_str
px_wordkey_ar_light(px_str key)
{
    /* in key spelling: ة is ه, ى is ي */
    static const char *const pre[] = {
        AR_WAW AR_ALEF AR_LAM, AR_BA AR_ALEF AR_LAM, AR_KAF AR_ALEF AR_LAM,
        AR_FA AR_ALEF AR_LAM,  AR_ALEF AR_LAM,       AR_LAM AR_LAM};
    static const char *const suf[] = {"\xD9\x87\xD8\xA7", "\xD8\xA7\xD9\x86",
                                      "\xD8\xA7\xD8\xAA", "\xD9\x88\xD9\x86",
                                      "\xD9\x8A\xD9\x86", "\xD9\x8A\xD9\x87",
                                      "\xD9\x87",         "\xD9\x8A"};
    px_str s = key;
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
        const size_t n = strlen(pre[i]);
        if (s.len > n && memcmp(s.ptr, pre[i], n) == 0 &&
            chars_from(s, n) >= 3) {
            s = (px_str){s.ptr + n, s.len - n};
            break;
        }
    }
    for (size_t i = 0; i < sizeof suf / sizeof suf[0]; i++) {
        const size_t n = strlen(suf[i]);
        if (ends(s, suf[i]) && chars_from((px_str){s.ptr, s.len - n}, 0) >= 3) {
            s.len -= n;
        }
    }
    return s;
}
