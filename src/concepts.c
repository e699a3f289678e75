/* concepts.c - mapping word units to lexicon concepts (see concepts.h).
 *
 * Phrases grow from a word while the lexicon marks the words so far
 * PX_LEX_PREFIX (up to px_lex_max_words, over words that only white space
 * separates); the longest with senses wins. Single words then go through the
 * key, the Arabic proclitic splits of the whole surface word, a possessive 's
 * cut, the stem, and the script-neutral ("und") and English spaces; last,
 * an Arabic verb form read as a listed verb (px_wordkey_ar_verbs; only
 * keys marked PX_LEX_VERB, so that يقوم is not read as قوم "folk") or an
 * Arabic word without its pronoun suffix, at half weight.
 */
#include "concepts.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "compound.h"
#include "wordkey.h"

typedef struct finder {
    const px_lex *lex;
    px_str text;
    const px_word *w;
    size_t n;
    char base[4];
    bool no_space; /* phrases join keys without a space */
    unsigned max_words;
    px_buf key;
    px_wordkey *wk; /* compound heads (German), else NULL */
    px_buf *stem;
    int li; /* the lexicon's index of base */
    px_concept_occ *occ;
    size_t n_occ;
    size_t cap;
} finder;

bool
px_concepts_is_content(const px_word *w)
{
    return (w->flags & (PX_WORD_STOP | PX_WORD_NUMBER)) == 0;
}

static bool
emit(finder *f, size_t i, size_t m, const px_lex_hit *hit, float scale)
{
    for (uint32_t s = 0; s < hit->n_senses; s++) {
        if (f->n_occ == f->cap) {
            const size_t cap = f->cap ? f->cap * 2 : 256;
            px_concept_occ *v = px_realloc(f->occ, cap * sizeof *v);
            if (v == NULL) {
                return false;
            }
            f->occ = v;
            f->cap = cap;
        }
        f->occ[f->n_occ++] = (px_concept_occ){hit->senses[s].concept,
                                              hit->senses[s].weight * scale,
                                              (uint32_t)i, (uint32_t)m};
    }
    return true;
}

/* True when only white space lies between words i and i + 1. */
static bool
adjacent(const finder *f, size_t i)
{
    const size_t from = f->w[i].off + f->w[i].len;
    const size_t to = f->w[i + 1].off;
    if (f->no_space) {
        return from == to;
    }
    int32_t k = (int32_t)from;
    while ((size_t)k < to) {
        UChar32 c = 0;
        U8_NEXT(f->text.ptr, k, (int32_t)to, c);
        if (!u_isUWhiteSpace(c)) {
            return false;
        }
    }
    return to > from;
}

/* Looks up f->key, which ends with w's key; a later word of a phrase may
 * also keep its proclitics (المتحدة in الأمم المتحدة lost its article to
 * the splitter), so its full key is tried too, left in f->key on success. */
static bool
phrase_get(finder *f, const px_word *w, bool first, px_lex_hit *h)
{
    if (px_lex_get(f->lex, f->base, PX_LEX_KEY,
                   (px_str){f->key.ptr, f->key.len}, h)) {
        return true;
    }
    if (first || px_str_eq(w->full_key, w->key)) {
        return false;
    }
    f->key.len -= w->key.len;
    px_buf_add_str(&f->key, w->full_key);
    return px_lex_get(f->lex, f->base, PX_LEX_KEY,
                      (px_str){f->key.ptr, f->key.len}, h);
}

/* Words in the longest phrase matched at i (0 if none), hit filled: the
 * phrase grows word by word while the lexicon says a longer entry starts
 * with it (every prefix of an entry is in the lexicon). */
static size_t
phrase(finder *f, size_t i, px_lex_hit *hit)
{
    if (f->max_words < 2 || (f->w[i].flags & PX_WORD_NUMBER) != 0) {
        return 0;
    }
    f->key.len = 0;
    px_buf_add_str(&f->key, f->w[i].key);
    size_t best = 0;
    for (size_t m = 1; !px_buf_failed(&f->key); m++) {
        px_lex_hit h;
        if (!phrase_get(f, &f->w[i + m - 1], m == 1, &h)) {
            break;
        }
        if (m >= 2 && h.n_senses > 0) {
            best = m;
            *hit = h;
        }
        if ((h.flags & PX_LEX_PREFIX) == 0 || m >= f->max_words ||
            i + m >= f->n || (f->w[i + m].flags & PX_WORD_NUMBER) != 0 ||
            !adjacent(f, i + m - 1)) {
            break;
        }
        if (!f->no_space) {
            px_buf_add_byte(&f->key, ' ');
        }
        px_buf_add_str(&f->key, f->w[i + m].key);
    }
    return best;
}

static bool
get_senses(const finder *f, const char *lang, px_lex_space sp, px_str key,
           px_lex_hit *hit)
{
    return key.len > 0 && px_lex_get(f->lex, lang, sp, key, hit) &&
           hit->n_senses > 0;
}

/* The Arabic proclitic splits of the whole surface word. */
static bool
clitic_hit(const finder *f, const px_word *w, px_lex_hit *hit)
{
    if (!px_str_eq(w->full_key, w->key) &&
        get_senses(f, f->base, PX_LEX_KEY, w->full_key, hit)) {
        return true;
    }
    size_t offs[8];
    const size_t n = px_wordkey_ar_clitics(w->full_key, offs, 8);
    for (size_t k = 0; k < n; k++) {
        const px_str v = {w->full_key.ptr + offs[k], w->full_key.len - offs[k]};
        if (get_senses(f, f->base, PX_LEX_KEY, v, hit)) {
            return true;
        }
    }
    return false;
}

/* key without a final possessive 's (or ’s), else an empty string. */
static px_str
possessive_cut(px_str key)
{
    static const char curly[] = "\xE2\x80\x99s";
    if (key.len > 3 && memcmp(key.ptr + key.len - 2, "'s", 2) == 0) {
        return (px_str){key.ptr, key.len - 2};
    }
    if (key.len > 5 && memcmp(key.ptr + key.len - 4, curly, 4) == 0) {
        return (px_str){key.ptr, key.len - 4};
    }
    return (px_str){key.ptr, 0};
}

/* Letters (code points) in s. */
static size_t
n_letters(px_str s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        n += ((unsigned char)s.ptr[i] & 0xC0u) != 0x80u;
    }
    return n;
}

static bool
ends_with(px_str s, const char *suffix, size_t n)
{
    return s.len > n && memcmp(s.ptr + s.len - n, suffix, n) == 0;
}

/* An Arabic verb form the dictionaries do not list (تكون، سيتم، وصلت) read
 * as a verb they do (px_wordkey_ar_verbs): only keys marked PX_LEX_VERB. */
static bool
verb_hit(const finder *f, px_str key, px_lex_hit *hit)
{
    char buf[512];
    px_str cand[32];
    const size_t n = px_wordkey_ar_verbs(key, buf, sizeof buf, cand, 32);
    for (size_t i = 0; i < n; i++) {
        if (get_senses(f, f->base, PX_LEX_KEY, cand[i], hit) &&
            (hit->flags & PX_LEX_VERB) != 0) {
            return true;
        }
    }
    return false;
}

/* An Arabic noun with a plural, dual or accusative ending, or a broken
 * plural (px_wordkey_ar_nouns). */
static bool
noun_hit(const finder *f, px_str key, px_lex_hit *hit)
{
    char buf[512];
    px_str cand[16];
    const size_t n = px_wordkey_ar_nouns(key, buf, sizeof buf, cand, 16);
    for (size_t i = 0; i < n; i++) {
        if (get_senses(f, f->base, PX_LEX_KEY, cand[i], hit)) {
            return true;
        }
    }
    return false;
}

/* key without a pronoun suffix (ها هم كم نا ه ي ...), tried as it is, as
 * a verb or noun form (يخفونها), and,
 * when it then ends in ت, with the taa marbuta back (زوجتي: زوجه). */
static bool
suffix_hit(const finder *f, px_str key, px_lex_hit *hit)
{
    static const char *const sufs[] = {"هما", "كما", "هم", "هن", "كم", "كن",
                                       "نا",  "ها",  "ه",  "ك",  "ي"};
    char buf[256];
    for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
        const size_t n = strlen(sufs[i]);
        const px_str rest = {key.ptr, key.len - n};
        if (!ends_with(key, sufs[i], n) || n_letters(rest) < 3) {
            continue;
        }
        if (get_senses(f, f->base, PX_LEX_KEY, rest, hit) ||
            verb_hit(f, rest, hit) || noun_hit(f, rest, hit)) {
            return true;
        }
        if (ends_with(rest, "ت", 2) && rest.len < sizeof buf) {
            memcpy(buf, rest.ptr, rest.len - 2);
            buf[rest.len - 2] = '\xD9'; /* ه, U+0647 */
            buf[rest.len - 1] = '\x87';
            if (get_senses(f, f->base, PX_LEX_KEY, (px_str){buf, rest.len},
                           hit)) {
                return true;
            }
        }
    }
    return false;
}

/* A Russian relational adjective read as its noun: its stem without the
 * suffix -ск-, -н-, -ов-/-ев- (лондонской: лондон, пляжного: пляж,
 * отраслевым: отрасль), in the stem space. */
static bool
adjective_hit(const finder *f, px_str stem, px_lex_hit *hit)
{
    static const char *const sufs[] = {"ск", "н", "ов", "ев"};
    for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
        const size_t k = strlen(sufs[i]);
        if (stem.len > k + 6 && ends_with(stem, sufs[i], k) &&
            get_senses(f, f->base, PX_LEX_STEM,
                       (px_str){stem.ptr, stem.len - k}, hit)) {
            return true;
        }
    }
    return false;
}

/* A Russian verb form whose stem the dictionaries' infinitive does not
 * share: the past and future of the -йти verbs (произошло, вышел,
 * выйдет, произошедший: произойти, выйти), of -расти (вырос: вырасти)
 * and of -чь (могли, сможет: мочь, смочь). */
static bool
ru_verb_hit(const finder *f, px_str key, px_lex_hit *hit)
{
    static const char *const forms[][2] = {
        {"шел", "йти"},     {"шла", "йти"},     {"шло", "йти"},
        {"шли", "йти"},     {"шедш", "йти"},    {"йдет", "йти"},
        {"йдут", "йти"},    {"рос", "расти"},   {"росла", "расти"},
        {"росло", "расти"}, {"росли", "расти"}, {"жет", "чь"},
        {"жем", "чь"},      {"жете", "чь"},     {"гут", "чь"},
        {"гли", "чь"},      {"гла", "чь"}};
    char buf[128];
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        const char *end = forms[i][0];
        const size_t k = strlen(end);
        const char *at = px_str_find(key, end, k);
        const size_t cut = at != NULL ? (size_t)(at - key.ptr) : 0;
        const size_t tail = strcmp(end, "шедш") == 0 ? k + 8 : k;
        if (at == NULL || cut < 2 || key.len - cut > tail ||
            cut + strlen(forms[i][1]) >= sizeof buf) {
            continue;
        }
        memcpy(buf, key.ptr, cut);
        memcpy(buf + cut, forms[i][1], strlen(forms[i][1]));
        if (get_senses(f, f->base, PX_LEX_KEY,
                       (px_str){buf, cut + strlen(forms[i][1])}, hit)) {
            return true;
        }
    }
    return false;
}

/* key with its Latin letters' diacritics removed (référendum: referendum)
 * into buf (size n); its length, or 0 when it has none, or a letter that
 * does not decompose to an ASCII one (ß, ø, œ). */
static size_t
fold_latin(px_str key, char *buf, size_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    size_t k = 0;
    bool folded = false;
    int32_t i = 0;
    while (U_SUCCESS(st) && (size_t)i < key.len && k + 1 < n) {
        UChar32 c = 0;
        U8_NEXT(key.ptr, i, (int32_t)key.len, c);
        if (c >= 0 && c < 0x80) {
            buf[k++] = (char)c;
            continue;
        }
        UChar d[8];
        const int32_t m =
            c < 0 ? -1 : unorm2_getDecomposition(nfd, c, d, 8, &st);
        if (m < 1 || d[0] >= 0x80 || U_FAILURE(st)) {
            return 0;
        }
        buf[k++] = (char)d[0];
        folded = true;
    }
    return U_SUCCESS(st) && folded && (size_t)i == key.len ? k : 0;
}

/* A Latin-script word no dictionary of its language knows, matched as an
 * English cognate: its key without diacritics (référendum, élections,
 * médias) in English. Weak evidence: half weight. */
static bool
cognate_hit(const finder *f, const px_word *w, px_lex_hit *hit)
{
    char buf[128];
    if (w->script != USCRIPT_LATIN || w->key.len >= sizeof buf) {
        return false;
    }
    const size_t n = fold_latin(w->key, buf, sizeof buf);
    return n > 0 && get_senses(f, "eng", PX_LEX_KEY, (px_str){buf, n}, hit);
}

/* A compound the dictionaries lack (compound.h) read as its head:
 * Stadtbewohnern as Bewohner. */
static bool
compound_hit(const finder *f, const px_word *w, px_lex_hit *hit)
{
    px_str mod;
    px_str head;
    if (f->wk == NULL || !px_compound_split(f->lex, f->li, f->wk, f->base,
                                            w->key, f->stem, &mod, &head)) {
        return false;
    }
    return get_senses(f, f->base, PX_LEX_KEY, head, hit) ||
           (px_wordkey_stem(f->wk, f->base, head, f->stem, NULL) == PX_OK &&
            get_senses(f, f->base, PX_LEX_STEM,
                       (px_str){f->stem->ptr, f->stem->len}, hit));
}

/* Senses of the single word w, trying its forms in order; *scale is how
 * much to trust them (less for guessed Arabic affixes). */
static bool
word_hit(const finder *f, const px_word *w, px_lex_hit *hit, float *scale)
{
    *scale = 1.0f;
    const bool is_ar = strcmp(f->base, "ara") == 0;
    if (get_senses(f, f->base, PX_LEX_KEY, w->key, hit) ||
        (is_ar && clitic_hit(f, w, hit)) ||
        get_senses(f, f->base, PX_LEX_KEY, possessive_cut(w->key), hit) ||
        get_senses(f, f->base, PX_LEX_STEM, w->stem, hit) ||
        get_senses(f, "und", PX_LEX_KEY, w->key, hit)) {
        return true;
    }
    if (is_ar && w->script == USCRIPT_ARABIC) {
        *scale = 0.5f;
        return verb_hit(f, w->key, hit) ||
               (!px_str_eq(w->full_key, w->key) &&
                verb_hit(f, w->full_key, hit)) ||
               noun_hit(f, w->key, hit) || suffix_hit(f, w->key, hit);
    }
    if (w->script == USCRIPT_CYRILLIC && strcmp(f->base, "rus") == 0) {
        *scale = 0.5f;
        return ru_verb_hit(f, w->key, hit) || adjective_hit(f, w->stem, hit);
    }
    if (w->script == USCRIPT_LATIN && strcmp(f->base, "eng") != 0) {
        if (get_senses(f, "eng", PX_LEX_KEY, w->key, hit) ||
            get_senses(f, "eng", PX_LEX_KEY, possessive_cut(w->key), hit)) {
            return true;
        }
        *scale = 0.5f;
        return compound_hit(f, w, hit) || cognate_hit(f, w, hit);
    }
    return false;
}

static bool
walk(finder *f)
{
    for (size_t i = 0; i < f->n;) {
        px_lex_hit hit;
        const size_t m = phrase(f, i, &hit);
        float scale = 1.0f;
        if (m >= 2) {
            if (!emit(f, i, m, &hit, scale)) {
                return false;
            }
            i += m;
            continue;
        }
        if (px_concepts_is_content(&f->w[i]) &&
            word_hit(f, &f->w[i], &hit, &scale) &&
            !emit(f, i, 1, &hit, scale)) {
            return false;
        }
        i++;
    }
    return true;
}

px_status
px_concepts_find(const px_lex *lex, px_str text, const char *lang,
                 const px_word *words, size_t n, px_arena *a,
                 px_concept_occ **out, size_t *n_out, px_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (lex == NULL || n == 0) {
        return PX_OK;
    }
    finder f;
    memset(&f, 0, sizeof f);
    f.lex = lex;
    f.text = text;
    f.w = words;
    f.n = n;
    px_wordkey_base(lang != NULL ? lang : "und", f.base);
    f.no_space = strcmp(f.base, "zho") == 0 || strcmp(f.base, "jpn") == 0;
    f.max_words = px_lex_max_words(lex, f.base);
    px_buf_init(&f.key);
    px_buf stem;
    px_buf_init(&stem);
    f.stem = &stem;
    f.li = px_lex_lang_index(lex, f.base);
    if (px_compound_lang(f.base) && f.li >= 0) {
        f.wk = px_wordkey_new(); /* NULL: compounds are not split */
    }
    bool ok = walk(&f);
    if (ok && f.n_occ > 0) {
        *out = px_arena_alloc(a, f.n_occ * sizeof **out);
        ok = *out != NULL;
        if (ok) {
            memcpy(*out, f.occ, f.n_occ * sizeof **out);
            *n_out = f.n_occ;
        }
    }
    px_buf_fini(&f.key);
    px_buf_fini(&stem);
    px_wordkey_free(f.wk);
    px_free(f.occ);
    return ok ? PX_OK : px_fail(err, PX_ENOMEM, "concepts: out of memory");
}

static int
by_concept(const void *a, const void *b)
{
    const px_concept_occ *x = a;
    const px_concept_occ *y = b;
    if (x->concept != y->concept) {
        return x->concept < y->concept ? -1 : 1;
    }
    return x->word < y->word ? -1 : x->word > y->word;
}

static int
by_weight(const void *a, const void *b)
{
    const px_concept_sum *x = a;
    const px_concept_sum *y = b;
    if (x->weight != y->weight) {
        return x->weight > y->weight ? -1 : 1;
    }
    return x->concept < y->concept ? -1 : x->concept > y->concept;
}

px_status
px_concepts_sum(const px_concept_occ *occ, size_t n, px_arena *a,
                px_concept_sum **out, size_t *n_out, px_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (n == 0) {
        return PX_OK;
    }
    px_concept_occ *v = px_malloc(n * sizeof *v);
    px_concept_sum *s = px_arena_alloc(a, n * sizeof *s);
    if (v == NULL || s == NULL) {
        px_free(v);
        return px_fail(err, PX_ENOMEM, "concepts: out of memory");
    }
    memcpy(v, occ, n * sizeof *v);
    qsort(v, n, sizeof *v, by_concept);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k == 0 || s[k - 1].concept != v[i].concept) {
            s[k++] = (px_concept_sum){v[i].concept, 0.0f, 0, v[i].word};
        }
        s[k - 1].weight += v[i].weight;
        s[k - 1].n_occ++;
    }
    px_free(v);
    qsort(s, k, sizeof *s, by_weight);
    *out = s;
    *n_out = k;
    return PX_OK;
}
