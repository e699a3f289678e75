/* profile.c - an article's features and signature (profile.h).
 *
 * One pass over each part: words (words.h) of the title and the text,
 * their concepts (concepts.h), figures (figures.h) and date mentions
 * (datetext.h). Raw counts are collected per feature id, then turned into
 * weights (kind weight times log(1 + count)) and sorted.
 */
#include "profile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uscript.h>

#include "compound.h"
#include "concepts.h"
#include "datetext.h"
#include "figures.h"
#include "langid.h"
#include "translit.h"
#include "wordkey.h"
#include "words.h"

/* Weights per kind; names and places carry a story across languages. */
#define W_NAME_CONCEPT 2.0f
#define W_CONCEPT      1.0f
#define W_CALENDAR     0.3f
#define W_STEM         0.7f
#define W_TRANSLIT     1.0f
#define W_NUMBER       3.0f
#define W_DAY          0.5f
/* Each part of a compound word weighs this much of the word. */
#define W_PART 0.5f
/* A title's words count this many times. */
#define TITLE_BOOST 3.0f
/* An article without a title: its first words stand in for it (news
 * leads; pages whose title was not extracted, texts that begin with it). */
#define LEAD_WORDS 10
/* Stems are cut to this many letters: languages Snowball has no stemmer
 * for (Polish, Czech, Ukrainian...) still meet their inflected forms, and
 * compounds their head. */
#define STEM_CHARS 6
/* Past the lead, word i of a text (and a figure there) weighs
 * POS_HALF / (POS_HALF + i): news says what the story is first (word 200
 * counts half, word 600 a quarter), and a long text's closing paragraphs
 * and boilerplate drown less of it. */
#define POS_HALF 200.0f

/* How the words of one part (title or text) weigh by position. */
typedef struct part_weight {
    float first; /* the first `lead` words */
    size_t lead;
    float half; /* then half / (half + i) for word i; 0: 1 */
} part_weight;

static float
word_weight(const part_weight *pw, size_t i)
{
    if (i < pw->lead) {
        return pw->first;
    }
    return pw->half > 0 ? pw->half / (pw->half + (float)i) : 1.0f;
}

struct px_profiler {
    const px_lex *lex;
    px_words *words;
    px_translit *tr;
    px_wordkey *wk; /* stems of compound parts */
    px_buf key;
    px_buf stem;
    px_feat *raw; /* features being collected: id, summed count */
    size_t n_raw;
    size_t cap_raw;
    uint64_t *sh; /* shingles */
    size_t cap_sh;
};

px_status
px_profiler_new(const px_lex *lex, px_profiler **out, px_error *err)
{
    *out = NULL;
    px_profiler *p = px_calloc(1, sizeof *p);
    if (p == NULL) {
        return px_fail(err, PX_ENOMEM, "profile: out of memory");
    }
    p->lex = lex;
    px_buf_init(&p->key);
    px_buf_init(&p->stem);
    px_status rc = px_words_new(lex, &p->words, err);
    if (rc == PX_OK) {
        p->tr = px_translit_new(err);
        rc = p->tr != NULL ? PX_OK : err != NULL ? err->code : PX_EINVAL;
    }
    if (rc == PX_OK) {
        p->wk = px_wordkey_new();
        rc = p->wk != NULL ? PX_OK
                           : px_fail(err, PX_ENOMEM, "profile: out of memory");
    }
    if (rc != PX_OK) {
        px_profiler_free(p);
        return rc;
    }
    *out = p;
    return PX_OK;
}

void
px_profiler_free(px_profiler *p)
{
    if (p == NULL) {
        return;
    }
    px_words_free(p->words);
    px_translit_free(p->tr);
    px_wordkey_free(p->wk);
    px_buf_fini(&p->key);
    px_buf_fini(&p->stem);
    free(p->raw);
    free(p->sh);
    free(p);
}

static uint64_t
feat_id(unsigned kind, uint64_t value)
{
    return ((uint64_t)kind << 56) | (value & 0x00FFFFFFFFFFFFFFULL);
}

static bool
add_raw(px_profiler *p, uint64_t id, float w)
{
    if (p->n_raw == p->cap_raw) {
        const size_t cap = p->cap_raw ? p->cap_raw * 2 : 512;
        px_feat *r = px_realloc(p->raw, cap * sizeof *r);
        if (r == NULL) {
            return false;
        }
        p->raw = r;
        p->cap_raw = cap;
    }
    p->raw[p->n_raw++] = (px_feat){id, w};
    return true;
}

static float
concept_weight(const px_lex *lex, px_concept c)
{
    const px_str name = px_lex_concept_name(lex, c);
    if (name.len < 2) {
        return W_CONCEPT;
    }
    switch (name.ptr[0]) {
    case 'n':
    case 'c':
    case 'g':
    case 'r':
    case 'z':
        return W_NAME_CONCEPT;
    case 'm':
    case 'd':
        return W_CALENDAR;
    default:
        return W_CONCEPT;
    }
}

/* Whether word w is too short to name a concept by itself: one or two
 * letters, not in ideographs and not an acronym in capitals (EU, UN).
 * Such words of a language the lexicon lacks meet English and
 * script-neutral entries by chance (Fijian na, ni, e: sodium, nickel,
 * vitamin E) and would tie every article of that language together. */
static bool
too_short(px_str text, const px_word *w)
{
    if ((w->flags & PX_WORD_IDEO) != 0 || w->key.len > 8) {
        return false;
    }
    size_t letters = 0;
    for (size_t i = 0; i < w->key.len; i++) {
        letters += ((unsigned char)w->key.ptr[i] & 0xC0) != 0x80;
    }
    const char *s = text.ptr + w->off;
    const bool caps =
        w->len == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
    return letters <= 2 && !caps;
}

/* Concepts of words[0..n). A match of several senses (a word with many
 * dictionary translations) shares one unit of weight among them in
 * proportion to their lexicon weights, so that vague words do not outweigh
 * names. */
static px_status
add_concepts(px_profiler *p, px_str text, const char *lang, const px_word *w,
             size_t n, const part_weight *pw, px_arena *a, px_error *err)
{
    if (p->lex == NULL) {
        return PX_OK;
    }
    px_concept_occ *occ = NULL;
    size_t n_occ = 0;
    const px_status rc =
        px_concepts_find(p->lex, text, lang, w, n, a, &occ, &n_occ, err);
    size_t i = 0;
    while (rc == PX_OK && i < n_occ) {
        size_t e = i;
        float sum = 0.0f;
        while (e < n_occ && occ[e].word == occ[i].word) {
            sum += occ[e++].weight;
        }
        const float scale = sum > 1.0f ? 1.0f / sum : 1.0f;
        const bool skip =
            occ[i].n_words == 1 && too_short(text, &w[occ[i].word]);
        for (; i < e; i++) {
            if (skip) {
                continue;
            }
            const float kw = concept_weight(p->lex, occ[i].concept);
            const float b = word_weight(pw, occ[i].word);
            if (!add_raw(p, feat_id(PX_FK_CONCEPT, occ[i].concept),
                         kw * occ[i].weight * scale * b)) {
                return px_fail(err, PX_ENOMEM, "profile: out of memory");
            }
        }
    }
    return rc;
}

static bool
is_name_candidate(const px_word *w)
{
    if ((w->flags & (PX_WORD_STOP | PX_WORD_NUMBER | PX_WORD_KNOWN)) != 0) {
        return false;
    }
    if ((w->flags & PX_WORD_CAP) != 0) {
        return true;
    }
    /* scripts without case: unknown words of some length */
    return (w->flags & PX_WORD_IDEO) != 0
               ? w->len >= 6
               : w->len >= 6 &&
                     strcmp(px_word_script_name(w->script), "Arab") == 0;
}

/* The bytes of stem's first STEM_CHARS letters (UTF-8). */
static size_t
stem_prefix(px_str stem)
{
    size_t chars = 0;
    for (size_t i = 0; i < stem.len; i++) {
        if (((unsigned char)stem.ptr[i] & 0xC0) != 0x80 &&
            chars++ == STEM_CHARS) {
            return i;
        }
    }
    return stem.len;
}

/* The stem feature of stem (cut to STEM_CHARS letters) in language base. */
static bool
add_stem(px_profiler *p, const char *base, px_str stem, float w)
{
    const uint64_t h =
        px_hash64(stem.ptr, stem_prefix(stem), px_hash64(base, 3, 0));
    return add_raw(p, feat_id(PX_FK_STEM, h), w);
}

/* The stems of the parts of a compound word (compound.h), each weighing
 * W_PART of the word; true when it is not one. */
static bool
add_parts(px_profiler *p, int li, const char *lang, const char *base,
          const px_word *w, float wt)
{
    px_str mod;
    px_str head;
    if ((w->flags & PX_WORD_NUMBER) != 0 ||
        !px_compound_split(p->lex, li, p->wk, lang, w->key, &p->stem, &mod,
                           &head)) {
        return true;
    }
    const px_str parts[2] = {mod, head};
    for (size_t k = 0; k < 2; k++) {
        if (px_wordkey_stem(p->wk, lang, parts[k], &p->stem, NULL) != PX_OK ||
            !add_stem(p, base, (px_str){p->stem.ptr, p->stem.len},
                      W_PART * wt)) {
            return false;
        }
    }
    return true;
}

/* Stems of content words and transliteration keys of unknown names. */
static px_status
add_words(px_profiler *p, px_str text, const char *lang, const px_word *w,
          size_t n, const part_weight *pw, px_error *err)
{
    char base[4];
    px_wordkey_base(lang, base);
    const bool is_arabic = strcmp(base, "ara") == 0;
    const int li = p->lex != NULL && px_compound_lang(base)
                       ? px_lex_lang_index(p->lex, base)
                       : -1;
    for (size_t i = 0; i < n; i++) {
        if (!px_concepts_is_content(&w[i])) {
            continue;
        }
        const float b = word_weight(pw, i);
        const px_str stem = is_arabic && w[i].script == USCRIPT_ARABIC
                                ? px_wordkey_ar_light(w[i].key)
                                : w[i].stem;
        if (!add_stem(p, base, stem, W_STEM * b) ||
            (li >= 0 && !add_parts(p, li, lang, base, &w[i], W_STEM * b))) {
            return px_fail(err, PX_ENOMEM, "profile: out of memory");
        }
        if (!is_name_candidate(&w[i])) {
            continue;
        }
        const px_str surface = {text.ptr + w[i].off + w[i].clitic_len,
                                w[i].len - w[i].clitic_len};
        const px_status rc = px_translit_key(p->tr, surface, &p->key, err);
        if (rc != PX_OK) {
            return rc;
        }
        if (p->key.len >= 2 &&
            !add_raw(p,
                     feat_id(PX_FK_NAME, px_hash64(p->key.ptr, p->key.len, 0)),
                     W_TRANSLIT * b)) {
            return px_fail(err, PX_ENOMEM, "profile: out of memory");
        }
    }
    return PX_OK;
}

/* The number of words of w[0..n) that start before byte off. */
static size_t
word_at(const px_word *w, size_t n, size_t off)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (w[mid].off < off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Figures (not date parts) by value, weighed by position as the words of
 * the text, and dates resolved to the day. */
static px_status
add_facts(px_profiler *p, px_str text, const char *lang, const px_date *anchor,
          const px_word *w, size_t n_w, const part_weight *pw, px_arena *a,
          px_error *err)
{
    px_figure *f = NULL;
    size_t n_f = 0;
    px_date_mention *d = NULL;
    size_t n_d = 0;
    px_status rc = px_figures_find(text, lang, &f, &n_f, a, err);
    if (rc == PX_OK) {
        rc = px_datetext_find(text, lang, anchor, a, &d, &n_d, err);
    }
    for (size_t i = 0; rc == PX_OK && i < n_f; i++) {
        if (px_datetext_covers(d, n_d, f[i].off, f[i].len)) {
            continue;
        }
        const double v = f[i].value;
        const float b = word_weight(pw, word_at(w, n_w, f[i].off));
        if (!add_raw(p, feat_id(PX_FK_NUMBER, px_hash64(&v, sizeof v, 1)),
                     W_NUMBER * b)) {
            rc = px_fail(err, PX_ENOMEM, "profile: out of memory");
        }
    }
    for (size_t i = 0; rc == PX_OK && i < n_d; i++) {
        const px_date *x = &d[i].date;
        if (!d[i].is_resolved || x->prec < PX_PREC_DAY) {
            continue;
        }
        const int64_t day = px_days_from_civil(x->year, x->month, x->day);
        if (!add_raw(p, feat_id(PX_FK_DAY, (uint64_t)day), W_DAY)) {
            rc = px_fail(err, PX_ENOMEM, "profile: out of memory");
        }
    }
    return rc;
}

static int
by_id(const void *x, const void *y)
{
    const uint64_t a = ((const px_feat *)x)->id;
    const uint64_t b = ((const px_feat *)y)->id;
    return (a > b) - (a < b);
}

/* Sums the raw counts per id into weights kind * log(1 + count), in a. */
static px_status
finish(px_profiler *p, px_arena *a, px_profile *out, px_error *err)
{
    if (p->n_raw > 0) {
        qsort(p->raw, p->n_raw, sizeof *p->raw, by_id);
    }
    out->feats = px_arena_alloc(a, (p->n_raw + 1) * sizeof *out->feats);
    if (out->feats == NULL) {
        return px_fail(err, PX_ENOMEM, "profile: out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < p->n_raw; i++) {
        if (n > 0 && out->feats[n - 1].id == p->raw[i].id) {
            out->feats[n - 1].weight += p->raw[i].weight;
        } else {
            out->feats[n++] = p->raw[i];
        }
    }
    for (size_t i = 0; i < n; i++) {
        out->feats[i].weight = log1pf(out->feats[i].weight);
    }
    out->n_feats = n;
    return PX_OK;
}

/* The MinHash signature over the text's word keys. */
static px_status
sign(px_profiler *p, const px_word *w, size_t n, px_arena *a, px_profile *out,
     px_error *err)
{
    px_str *keys = px_arena_alloc(a, (n + 1) * sizeof *keys);
    if (n + 1 > p->cap_sh) {
        uint64_t *sh = px_realloc(p->sh, (n + 1) * sizeof *sh);
        if (sh != NULL) {
            p->sh = sh;
            p->cap_sh = n + 1;
        }
    }
    if (keys == NULL || p->cap_sh < n + 1) {
        return px_fail(err, PX_ENOMEM, "profile: out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        keys[i] = w[i].full_key;
    }
    px_minhash_of(p->sh, px_shingles(keys, n, p->sh), &out->sig);
    return PX_OK;
}

/* Words of part s, weighed by position as pw says. */
static px_status
profile_part(px_profiler *p, px_str s, const char *lang, const part_weight *pw,
             px_arena *a, px_word **w, size_t *n, px_error *err)
{
    px_status rc = px_words_split(p->words, s, lang, a, w, n, err);
    if (rc == PX_OK) {
        rc = add_concepts(p, s, lang, *w, *n, pw, a, err);
    }
    if (rc == PX_OK) {
        rc = add_words(p, s, lang, *w, *n, pw, err);
    }
    return rc;
}

px_status
px_profile_build(px_profiler *p, px_str title, px_str text, const char *lang,
                 const px_date *anchor, px_arena *a, px_profile *out,
                 px_error *err)
{
    memset(out, 0, sizeof *out);
    p->n_raw = 0;
    px_status rc = PX_OK;
    if (lang == NULL) {
        px_langid_result r;
        rc = px_langid_detect(text.len > 0 ? text : title, &r, err);

        snprintf(out->lang, sizeof out->lang, "%s", r.lang);
    } else {
        snprintf(out->lang, sizeof out->lang, "%s", lang);
    }
    px_word *w = NULL;
    size_t n = 0;
    const part_weight tw = {TITLE_BOOST, SIZE_MAX, 0.0f};
    const part_weight xw = {TITLE_BOOST, title.len > 0 ? 0 : LEAD_WORDS,
                            POS_HALF};
    if (rc == PX_OK && title.len > 0) {
        rc = profile_part(p, title, out->lang, &tw, a, &w, &n, err);
    }
    if (rc == PX_OK) {
        rc = profile_part(p, text, out->lang, &xw, a, &w, &n, err);
    }
    out->n_words = n;
    if (rc == PX_OK) {
        rc = sign(p, w, n, a, out, err);
    }
    if (rc == PX_OK) {
        rc = add_facts(p, text, out->lang, anchor, w, n, &xw, a, err);
    }
    return rc == PX_OK ? finish(p, a, out, err) : rc;
}
