/* sheet.c - building a story sheet (sheet.h): each source analysed again
 * (words, concepts, figures, dates, sentences with weighted features), its
 * actors and places, the timeline, dates that differ and framing words.
 * Figures, claims and quotes are aligned in sheet_align.c.
 */
#include "sheet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "cluster.h"

#define PX_SHEET_MIN_SENSE 0.5f
/* Names (people, countries, places) weigh twice a pivot word in sentence
 * features: they cross languages far more surely. */
#define PX_SHEET_NAME_BOOST 2.0f
#define PX_SHEET_FEAT_SENSE 0.7f
#define PX_SHEET_MIN_NAME   0.8f
#define PX_SHEET_MAX_ACTOR  40
#define PX_SHEET_DDIFF_SIM  0.25
#define PX_SHEET_MAX_DDIFF  24
#define PX_SHEET_FOLLOW_UP                                                     \
    ((int64_t)12 * 3600) /* seconds between two reports */
#define PX_SHEET_MAX_FRAME 8
#define PX_SHEET_WHAT_GAP  24 /* bytes between a figure and its noun */
/* The weights the lexicon gives an inflected English form's base form. */
#define PX_SHEET_BASE_LO   0.85f
#define PX_SHEET_BASE_HI   0.95f
#define PX_SHEET_SYN_SHARE 0.5f /* a synonym's share of its word */
#define FEAT_CONCEPT       ((uint64_t)PX_SHEET_FEAT_CONCEPT << 56)
#define FEAT_VALUE         ((uint64_t)PX_SHEET_FEAT_VALUE << 56)
#define FEAT_DAY           ((uint64_t)PX_SHEET_FEAT_DAY << 56)
#define FEAT_PLACE         ((uint64_t)PX_SHEET_FEAT_PLACE << 56)

/* The kind letter of a concept name ("n:..." -> 'n'), or 0. */
static char
kind_of(const px_lex *lex, px_concept c)
{
    const px_str n = px_lex_concept_name(lex, c);
    if (n.len >= 2 && n.ptr[1] == ':') {
        return n.ptr[0];
    }
    return '\0';
}

static bool
is_name_kind(char k)
{
    return k == 'n' || k == 'c' || k == 'r' || k == 'g' || k == 'z';
}

/* Days since 1970-01-01 of a date at day precision. */
static int64_t
days_of(const px_date *d)
{
    return px_days_from_civil(d->year, d->month, d->day);
}

static bool
is_day(const px_date_mention *m)
{
    return m->is_resolved && m->date.prec >= PX_PREC_DAY;
}

/* Keeps the strongest sense of each word span, weight >= MIN_SENSE. */
static size_t
best_senses(px_concept_occ *occ, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (occ[i].weight < PX_SHEET_MIN_SENSE) {
            continue;
        }
        if (k > 0 && occ[k - 1].word == occ[i].word &&
            occ[k - 1].n_words == occ[i].n_words) {
            if (occ[i].weight > occ[k - 1].weight) {
                occ[k - 1] = occ[i];
            }
            continue;
        }
        occ[k++] = occ[i];
    }
    return k;
}

/* Keeps the quantities that are no part of a date. */
static size_t
keep_quantities(px_figure *f, size_t n, const px_date_mention *d, size_t nd)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i].kind == PX_FIG_QUANTITY &&
            !px_datetext_covers(d, nd, f[i].off, f[i].len)) {
            f[k++] = f[i];
        }
    }
    return k;
}

static bool
is_rtl_text(const px_word *w, size_t n)
{
    size_t rtl = 0;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].flags & PX_WORD_NUMBER) {
            continue;
        }
        letters++;
        rtl += w[i].script == USCRIPT_ARABIC || w[i].script == USCRIPT_HEBREW;
    }
    return letters > 0 && rtl * 2 > letters;
}

/* Whether the code point of t before byte i and the one at byte j are
 * ideographs (before = false: only the one at j). */
static bool
between_ideographs(const char *t, size_t len, size_t i, size_t j, bool before)
{
    UChar32 a = 0;
    UChar32 b = 0;
    int32_t k = (int32_t)i;
    if (before && i > 0) {
        U8_PREV(t, 0, k, a);
    }
    if (j < len) {
        k = (int32_t)j;
        U8_NEXT(t, k, (int32_t)len, b);
    }
    return u_hasBinaryProperty(b, UCHAR_IDEOGRAPHIC) &&
           (!before || u_hasBinaryProperty(a, UCHAR_IDEOGRAPHIC));
}

/* Whether the code point at byte i of t ends a sentence: . ! ? before a
 * space, a line end or a closing quotation mark; 。！？ ؟; and, in
 * Chinese written with half-width marks, ! ? before an ideograph and .
 * between two. */
static bool
ends_sentence(const char *t, size_t len, size_t i, size_t *next)
{
    UChar32 c;
    size_t j = i;
    U8_NEXT(t, j, len, c);
    *next = j;
    if (c == '\n' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x061F) {
        return true;
    }
    if (c != '.' && c != '!' && c != '?') {
        return false;
    }
    return j >= len || t[j] == ' ' || t[j] == '\n' || t[j] == '"' ||
           (unsigned char)t[j] == 0xE2 || /* a closing quotation mark */
           between_ideographs(t, len, i, j, c == '.');
}

/* Cuts text into sentences (trimmed, never empty) in arena a. */
static px_status
split_sentences(px_sheet *sh, px_sheet_src *s, px_error *err)
{
    const char *t = s->text.ptr;
    const size_t len = s->text.len;
    size_t cap = 16;
    s->sents = px_arena_calloc(sh->arena, cap, sizeof *s->sents);
    size_t start = 0;
    size_t i = 0;
    while (s->sents != NULL && i < len) {
        size_t next;
        const bool end = ends_sentence(t, len, i, &next);
        if (end || next >= len) {
            const px_str sp = px_str_trim((px_str){t + start, next - start});
            if (sp.len > 0 && s->n_sents == cap) {
                px_sheet_sent *g =
                    px_arena_calloc(sh->arena, cap * 2, sizeof *g);
                if (g != NULL) {
                    memcpy(g, s->sents, cap * sizeof *g);
                }
                s->sents = g;
                cap *= 2;
            }
            if (sp.len > 0 && s->sents != NULL) {
                s->sents[s->n_sents++] = (px_sheet_sent){
                    (size_t)(sp.ptr - t), sp.len, NULL, NULL, 0, 0.0, SIZE_MAX};
            }
            start = next;
        }
        i = next;
    }
    return s->sents != NULL || len == 0
               ? PX_OK
               : px_fail(err, PX_ENOMEM, "sheet: out of memory");
}

static int
by_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a;
    const uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

typedef struct feat_m {
    uint64_t f;
    float m; /* share of its word: 1 / the word's senses */
} feat_m;

static int
by_feat(const void *a, const void *b)
{
    const uint64_t x = ((const feat_m *)a)->f;
    const uint64_t y = ((const feat_m *)b)->f;
    return (x > y) - (x < y);
}

/* How many senses occ_all gives the words of occurrence i. */
static size_t
n_senses(const px_sheet_src *s, size_t i)
{
    size_t lo = i;
    size_t hi = i + 1;
    const px_concept_occ *o = s->occ_all;
    while (lo > 0 && o[lo - 1].word == o[i].word &&
           o[lo - 1].n_words == o[i].n_words) {
        lo--;
    }
    while (hi < s->n_occ_all && o[hi].word == o[i].word &&
           o[hi].n_words == o[i].n_words) {
        hi++;
    }
    return hi - lo;
}

/* The base form of English word w (no "w:"), through the lexicon: the
 * concept its inflected form points at (WordNet's exception lists and
 * regular endings: troops -> troop, sending -> send, went -> go), else
 * the word's own concept; 0 when the lexicon has neither. */
static px_concept
base_form(const px_lex *lex, int eng, const char *w, size_t n, bool own)
{
    px_lex_hit h;
    if (!px_lex_get_ix(lex, eng, PX_LEX_KEY, (px_str){w, n}, &h)) {
        return 0;
    }
    px_concept self = 0;
    for (uint32_t i = 0; i < h.n_senses; i++) {
        if (h.senses[i].weight >= PX_SHEET_BASE_LO &&
            h.senses[i].weight <= PX_SHEET_BASE_HI) {
            return h.senses[i].concept;
        }
        self = h.senses[i].weight >= 1.0f && self == 0 ? h.senses[i].concept
                                                       : self;
    }
    return own ? self : 0;
}

/* The base-form concepts of pivot word c: of each word of a phrase
 * (send troops -> send, troop), else of the word (sending -> send). */
static size_t
pivot_bases(const px_lex *lex, int eng, px_concept c, px_concept out[4])
{
    const px_str name = px_lex_concept_name(lex, c);
    if (name.len < 3) {
        return 0;
    }
    const char *w = name.ptr + 2;
    const size_t len = name.len - 2;
    if (memchr(w, ' ', len) == NULL) {
        out[0] = base_form(lex, eng, w, len, false);
        return out[0] != 0 && out[0] != c;
    }
    size_t n = 0;
    for (size_t i = 0; i < len && n < 4;) {
        size_t j = i;
        while (j < len && w[j] != ' ') {
            j++;
        }
        if (j - i >= 3) {
            out[n] = base_form(lex, eng, w + i, j - i, true);
            n += out[n] != 0;
        }
        i = j + 1;
    }
    return n;
}

/* The synonyms the lexicon gives pivot word c (the other members of its
 * first WordNet synset: incommode -> trouble, inconvenience; a verb's
 * hypernym that few verbs share: protect -> defend). */
static size_t
pivot_synonyms(const px_lex *lex, int eng, px_concept c, px_concept out[4])
{
    const px_str name = px_lex_concept_name(lex, c);
    px_lex_hit h;
    if (name.len < 3 || memchr(name.ptr, ' ', name.len) != NULL ||
        !px_lex_get_ix(lex, eng, PX_LEX_KEY,
                       (px_str){name.ptr + 2, name.len - 2}, &h)) {
        return 0;
    }
    size_t n = 0;
    for (uint32_t i = 0; i < h.n_senses && n < 4; i++) {
        if (h.senses[i].weight < PX_SHEET_BASE_LO) {
            out[n++] = h.senses[i].concept;
        }
    }
    return n;
}

/* Type words a place's gloss may end with (Gaza Strip, Giza Governorate). */
static const char *const place_types[] = {
    " Strip",      " Governorate",  " Province", " Region",
    " District",   " Prefecture",   " Oblast",   " County",
    " Department", " Municipality", " City",
};

/* A feature shared by the places of one name: the place's gloss without
 * its type word, folded to ASCII lower case (Gaza Strip and Gaza meet). */
static uint64_t
place_feat(const px_lex *lex, px_concept c)
{
    px_str g = px_lex_concept_gloss(lex, c);
    for (size_t i = 0; i < sizeof place_types / sizeof *place_types; i++) {
        const size_t tl = strlen(place_types[i]);
        if (g.len > tl && memcmp(g.ptr + g.len - tl, place_types[i], tl) == 0) {
            g.len -= tl;
            break;
        }
    }
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < g.len; i++) {
        unsigned char ch = (unsigned char)g.ptr[i];
        ch = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + 32) : ch;
        h = (h ^ ch) * 1099511628211ull;
    }
    return FEAT_PLACE | (h & 0xFFFFFFFFFFFFFFull);
}

/* What concept c adds to sentence features, found once per sheet: its
 * kind, base forms and synonyms (a pivot word), name feature (a place). */
struct px_sheet_ext {
    px_concept c; /* 0: an empty slot */
    char kind;
    uint8_t n_base;
    uint8_t n_syn;
    px_concept x[8]; /* base forms, then synonyms */
    uint64_t place;
};

static void
ext_fill(const px_sheet *sh, px_sheet_ext *e, px_concept c)
{
    e->c = c;
    e->kind = kind_of(sh->lex, c);
    if (e->kind == 'g' || e->kind == 'r') {
        e->place = place_feat(sh->lex, c);
    } else if (e->kind == 'w') {
        e->n_base = (uint8_t)pivot_bases(sh->lex, sh->eng, c, e->x);
        e->n_syn =
            (uint8_t)pivot_synonyms(sh->lex, sh->eng, c, e->x + e->n_base);
    }
}

/* The slot of concept c in the cache (open addressing, kept at most half
 * full), filled on first use; NULL when out of memory. */
static const px_sheet_ext *
ext_of(px_sheet *sh, px_concept c)
{
    if (sh->n_ext * 2 >= sh->ext_cap) {
        const size_t cap = sh->ext_cap > 0 ? sh->ext_cap * 2 : 4096;
        px_sheet_ext *t = px_calloc(cap, sizeof *t);
        if (t == NULL) {
            return NULL;
        }
        for (size_t i = 0; i < sh->ext_cap; i++) {
            size_t h = ((size_t)sh->ext[i].c * 2654435761u) & (cap - 1);
            while (sh->ext[i].c != 0 && t[h].c != 0) {
                h = (h + 1) & (cap - 1);
            }
            t[h] = sh->ext[i].c != 0 ? sh->ext[i] : t[h];
        }
        free(sh->ext);
        sh->ext = t;
        sh->ext_cap = cap;
    }
    size_t h = ((size_t)c * 2654435761u) & (sh->ext_cap - 1);
    while (sh->ext[h].c != 0 && sh->ext[h].c != c) {
        h = (h + 1) & (sh->ext_cap - 1);
    }
    if (sh->ext[h].c == 0) {
        ext_fill(sh, &sh->ext[h], c);
        sh->n_ext++;
    }
    return &sh->ext[h];
}

/* Adds concept occurrence i's features: the concept, and what lets it
 * meet other languages' words: its base forms and synonyms (a pivot
 * word) or its name (a place). Returns the new count. */
static size_t
concept_feats(const px_sheet_src *s, size_t i, const px_sheet_ext *e,
              feat_m *out, size_t n, size_t max)
{
    const float m = (e->kind == 'w' ? 1.0f : PX_SHEET_NAME_BOOST) /
                    sqrtf((float)n_senses(s, i));
    out[n++] = (feat_m){FEAT_CONCEPT | e->c, m};
    if (e->place != 0 && n < max) {
        out[n++] = (feat_m){e->place, m};
    }
    for (size_t j = 0; j < (size_t)e->n_base + e->n_syn && n < max; j++) {
        out[n++] = (feat_m){FEAT_CONCEPT | e->x[j],
                            j < e->n_base ? m : m * PX_SHEET_SYN_SHARE};
    }
    return n;
}

/* Whether word w of text is one or two letters of a cased script (Latin,
 * Greek, Cyrillic) not written in capitals: a pronoun or particle ("us",
 * "am") rather than the acronym the lexicon knows (US, AM), as the story
 * profile treats it (profile.c). */
static bool
is_short_lower(px_str text, const px_word *w)
{
    const bool cased = w->script == USCRIPT_LATIN ||
                       w->script == USCRIPT_GREEK ||
                       w->script == USCRIPT_CYRILLIC;
    if (!cased || w->len > 4) {
        return false;
    }
    size_t letters = 0;
    bool lower = false;
    for (int32_t i = 0; i < (int32_t)w->len;) {
        UChar32 c;
        U8_NEXT(text.ptr + w->off, i, (int32_t)w->len, c);
        letters++;
        lower |= u_islower(c) != 0;
    }
    return letters <= 2 && lower;
}

/* Features of the span [off, off+len) of source s into out (unsorted
 * count returned; out has room for max). A word's senses share it: a
 * word with many dictionary senses weighs no more than one with one. */
static size_t
span_feats(px_sheet *sh, const px_sheet_src *s, size_t off, size_t len,
           feat_m *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_occ_all && n < max; i++) {
        const px_word *w = &s->words[s->occ_all[i].word];
        if (w->off < off || w->off >= off + len || (w->flags & PX_WORD_STOP) ||
            (s->occ_all[i].n_words == 1 && is_short_lower(s->text, w))) {
            continue;
        }
        const px_sheet_ext *e = ext_of(sh, s->occ_all[i].concept);
        if (e != NULL && e->kind != 'm' && e->kind != 'd' && e->kind != 'l') {
            n = concept_feats(s, i, e, out, n, max);
        }
    }
    for (size_t i = 0; i < s->n_figs && n < max; i++) {
        if (s->figs[i].off >= off && s->figs[i].off < off + len) {
            const uint64_t v = (uint64_t)llround(s->figs[i].value * 100.0);
            out[n++] = (feat_m){FEAT_VALUE | (v & 0xFFFFFFFFFFFFull), 1.0f};
        }
    }
    for (size_t i = 0; i < s->n_dates && n < max; i++) {
        if (is_day(&s->dates[i]) && s->dates[i].off >= off &&
            s->dates[i].off < off + len) {
            const int64_t d = days_of(&s->dates[i].date) + (int64_t)1000000;
            out[n++] = (feat_m){FEAT_DAY | (uint64_t)d, 1.0f};
        }
    }
    return n;
}

/* Sorts and merges the n features of tmp into x (arena), with room for
 * extra more. */
static px_status
feats_into(px_sheet *sh, feat_m *tmp, size_t n, size_t extra, px_sheet_sent *x,
           px_error *err)
{
    qsort(tmp, n, sizeof *tmp, by_feat);
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        if (k > 0 && tmp[k - 1].f == tmp[j].f) {
            tmp[k - 1].m = fmaxf(tmp[k - 1].m, tmp[j].m);
        } else {
            tmp[k++] = tmp[j];
        }
    }
    x->feats = px_arena_alloc(sh->arena, (k + extra + 1) * sizeof *x->feats);
    x->w = px_arena_alloc(sh->arena, (k + extra + 1) * sizeof *x->w);
    if (x->feats == NULL || x->w == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    for (size_t j = 0; j < k; j++) {
        x->feats[j] = tmp[j].f;
        x->w[j] = tmp[j].m;
    }
    x->n_feats = k;
    return PX_OK;
}

/* Sorted unique features of each sentence of s (x->w holds each one's
 * share until weigh() multiplies in the idf). */
static px_status
sent_feats(px_sheet *sh, px_sheet_src *s, px_error *err)
{
    feat_m tmp[512];
    px_status rc = PX_OK;
    for (size_t i = 0; i < s->n_sents && rc == PX_OK; i++) {
        px_sheet_sent *x = &s->sents[i];
        const size_t n = span_feats(sh, s, x->off, x->len, tmp, 512);
        rc = feats_into(sh, tmp, n, 0, x, err);
    }
    return rc;
}

/* Units that pivot words name, for figures the figure finder left
 * without one ("800 millions de dollars"). */
static const struct {
    const char *name;
    px_unit unit;
} unit_words[] = {
    {"w:dollar", PX_UNIT_MONEY_USD}, {"w:euro", PX_UNIT_MONEY_EUR},
    {"w:yuan", PX_UNIT_MONEY_CNY},   {"w:renminbi", PX_UNIT_MONEY_CNY},
    {"w:pound", PX_UNIT_MONEY_GBP},  {"w:soldier", PX_UNIT_TROOPS},
    {"w:troop", PX_UNIT_TROOPS},     {"w:question", PX_UNIT_QUESTIONS},
    {"w:dead", PX_UNIT_DEATHS},      {"w:death", PX_UNIT_DEATHS},
    {"w:injured", PX_UNIT_INJURED},  {"w:wounded", PX_UNIT_INJURED},
};

static px_unit
unit_of_word(const px_lex *lex, px_concept c)
{
    const px_str n = px_lex_concept_name(lex, c);
    for (size_t i = 0; i < sizeof unit_words / sizeof *unit_words; i++) {
        if (px_str_eq_c(n, unit_words[i].name)) {
            return unit_words[i].unit;
        }
    }
    return PX_UNIT_NONE;
}

/* The pivot word a figure counts: the concept of its unit noun, else the
 * first content word within PX_SHEET_WHAT_GAP bytes after it. */
static px_concept
what_of(const px_sheet *sh, const px_sheet_src *s, const px_figure *f, size_t o)
{
    const size_t from = f->unit_len > 0 ? f->unit_off : f->off + f->len;
    for (size_t j = o; j < s->n_occ; j++) {
        const px_word *w = &s->words[s->occ[j].word];
        if (w->off < from) {
            continue;
        }
        if (w->off > from + PX_SHEET_WHAT_GAP) {
            break;
        }
        if (!(w->flags & (PX_WORD_STOP | PX_WORD_NUMBER)) &&
            s->occ[j].weight >= 0.7f &&
            kind_of(sh->lex, s->occ[j].concept) == 'w') {
            return s->occ[j].concept;
        }
    }
    return 0;
}

/* The counted word of each figure; figures without a unit take the one
 * their word names (the sheet's own copy of the figures is changed). */
static px_status
fig_whats(px_sheet *sh, px_sheet_src *s, px_error *err)
{
    s->fig_what = px_arena_calloc(sh->arena, s->n_figs + 1, sizeof(px_concept));
    if (s->fig_what == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    size_t o = 0;
    for (size_t i = 0; i < s->n_figs; i++) {
        while (o < s->n_occ && s->words[s->occ[o].word].off < s->figs[i].off) {
            o++;
        }
        s->fig_what[i] = what_of(sh, s, &s->figs[i], o);
        if (s->figs[i].unit == PX_UNIT_NONE && s->fig_what[i] != 0 &&
            !s->figs[i].is_percent) {
            s->figs[i].unit = unit_of_word(sh->lex, s->fig_what[i]);
        }
    }
    return PX_OK;
}

/* Words, concepts, figures, dates and sentences of source s. */
static px_status
analyse_src(px_sheet *sh, px_words *wd, px_sheet_src *s, px_error *err)
{
    const char *lang = s->a->prof.lang;
    const px_date *anchor = s->anchor.prec >= PX_PREC_DAY ? &s->anchor : NULL;
    px_status rc = px_words_split(wd, s->text, lang, sh->arena, &s->words,
                                  &s->n_words, err);
    if (rc == PX_OK && sh->lex != NULL) {
        rc = px_concepts_find(sh->lex, s->text, lang, s->words, s->n_words,
                              sh->arena, &s->occ, &s->n_occ, err);
        s->occ_all =
            rc == PX_OK
                ? px_arena_alloc(sh->arena, (s->n_occ + 1) * sizeof *s->occ)
                : NULL;
        for (size_t i = 0; s->occ_all != NULL && i < s->n_occ; i++) {
            if (s->occ[i].weight >= PX_SHEET_FEAT_SENSE) {
                s->occ_all[s->n_occ_all++] = s->occ[i];
            }
        }
        s->n_occ = rc == PX_OK ? best_senses(s->occ, s->n_occ) : 0;
    }
    if (rc == PX_OK) {
        rc = px_datetext_find(s->text, lang, anchor, sh->arena, &s->dates,
                              &s->n_dates, err);
    }
    if (rc == PX_OK) {
        rc = px_figures_find(s->text, lang, &s->figs, &s->n_figs, sh->arena,
                             err);
        s->n_figs = keep_quantities(s->figs, s->n_figs, s->dates, s->n_dates);
    }
    if (rc == PX_OK) {
        rc = fig_whats(sh, s, err);
    }
    if (rc == PX_OK) {
        rc = split_sentences(sh, s, err);
    }
    if (rc == PX_OK) {
        rc = sent_feats(sh, s, err);
    }
    s->is_rtl = is_rtl_text(s->words, s->n_words);
    return rc;
}

/* The idf of feature f over the sentences of the sheet (a feature no
 * sentence has weighs as one that one sentence has). */
static float
idf_of(const px_sheet *sh, uint64_t f)
{
    const uint64_t *lo = sh->df;
    size_t cnt = sh->n_df;
    while (cnt > 0) { /* lower bound */
        const size_t h = cnt / 2;
        if (lo[h] < f) {
            lo += h + 1;
            cnt -= h + 1;
        } else {
            cnt = h;
        }
    }
    size_t df = 0;
    while (lo + df < sh->df + sh->n_df && lo[df] == f) {
        df++;
    }
    df = df > 0 ? df : 1;
    return (float)log(1.0 + (double)sh->n_df_sents / (double)df);
}

/* Multiplies the idf into x's shares and sets its norm. */
static void
weigh_sent(const px_sheet *sh, px_sheet_sent *x)
{
    double norm = 0.0;
    for (size_t j = 0; j < x->n_feats; j++) {
        x->w[j] *= idf_of(sh, x->feats[j]);
        norm += (double)x->w[j] * x->w[j];
    }
    x->norm = sqrt(norm);
}

/* Idf weights over all sentences of the sheet, and the norms. */
static px_status
weigh(px_sheet *sh, px_error *err)
{
    size_t total = 0;
    size_t n_sents = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        for (size_t i = 0; i < sh->srcs[k].n_sents; i++) {
            total += sh->srcs[k].sents[i].n_feats;
        }
        n_sents += sh->srcs[k].n_sents;
    }
    uint64_t *all = px_arena_alloc(sh->arena, (total + 1) * sizeof *all);
    if (all == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    size_t n = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        for (size_t i = 0; i < sh->srcs[k].n_sents; i++) {
            const px_sheet_sent *x = &sh->srcs[k].sents[i];
            memcpy(all + n, x->feats, x->n_feats * sizeof *all);
            n += x->n_feats;
        }
    }
    qsort(all, n, sizeof *all, by_u64);
    sh->df = all;
    sh->n_df = n;
    sh->n_df_sents = n_sents;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        for (size_t i = 0; i < sh->srcs[k].n_sents; i++) {
            weigh_sent(sh, &sh->srcs[k].sents[i]);
        }
    }
    return PX_OK;
}

px_status
px_sheet_span_vec(px_sheet *sh, const px_sheet_src *s, size_t off, size_t len,
                  size_t extra, px_sheet_sent *out, px_error *err)
{
    feat_m tmp[512];
    memset(out, 0, sizeof *out);
    const size_t n = span_feats(sh, s, off, len, tmp, 512);
    const px_status rc = feats_into(sh, tmp, n, extra, out, err);
    if (rc == PX_OK) {
        weigh_sent(sh, out);
    }
    out->off = off;
    out->len = len;
    out->claim = SIZE_MAX;
    return rc;
}

double
px_sheet_sim(const px_sheet_sent *a, const px_sheet_sent *b)
{
    double dot = 0.0;
    size_t i = 0;
    size_t j = 0;
    while (i < a->n_feats && j < b->n_feats) {
        if (a->feats[i] < b->feats[j]) {
            i++;
        } else if (a->feats[i] > b->feats[j]) {
            j++;
        } else {
            dot += (double)a->w[i++] * b->w[j++];
        }
    }
    const double d = a->norm * b->norm;
    return d > 0 ? dot / d : 0.0;
}

size_t
px_sheet_uf_find(size_t *p, size_t i)
{
    while (p[i] != i) {
        p[i] = p[p[i]];
        i = p[i];
    }
    return i;
}

size_t
px_sheet_sent_at(const px_sheet_src *src, size_t off)
{
    size_t lo = 0;
    size_t hi = src->n_sents;
    while (lo < hi) { /* the last sentence starting at or before off */
        const size_t mid = (lo + hi) / 2;
        if (src->sents[mid].off <= off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return SIZE_MAX;
    }
    const px_sheet_sent *x = &src->sents[lo - 1];
    return off < x->off + x->len ? lo - 1 : SIZE_MAX;
}

/* ---- actors and places -------------------------------------------- */

/* A word of a cased script written in lower case: no name. */
static bool
is_lower_word(const px_word *w)
{
    const bool cased = w->script == USCRIPT_LATIN ||
                       w->script == USCRIPT_CYRILLIC ||
                       w->script == USCRIPT_GREEK;
    return cased && !(w->flags & PX_WORD_CAP);
}

static px_sheet_actor *
actor_get(px_sheet *sh, px_sheet_actor *list, size_t *n, px_concept c)
{
    for (size_t i = 0; i < *n; i++) {
        if (list[i].c == c) {
            return &list[i];
        }
    }
    px_sheet_actor *x = &list[(*n)++];
    x->c = c;
    x->names = px_arena_calloc(sh->arena, sh->n_srcs, sizeof *x->names);
    return x;
}

static int
by_reach(const void *a, const void *b)
{
    const px_sheet_actor *x = a;
    const px_sheet_actor *y = b;
    if (x->n_names != y->n_names) {
        return x->n_names < y->n_names ? 1 : -1;
    }
    return (x->n_mentions < y->n_mentions) - (x->n_mentions > y->n_mentions);
}

static px_status
find_actors(px_sheet *sh, px_error *err)
{
    size_t cap = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        cap += sh->srcs[k].n_occ;
    }
    px_sheet_actor *list = px_calloc(cap + 1, sizeof *list);
    if (list == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    size_t n = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        const px_sheet_src *s = &sh->srcs[k];
        for (size_t i = 0; i < s->n_occ; i++) {
            if (s->occ[i].weight < PX_SHEET_MIN_NAME ||
                !is_name_kind(kind_of(sh->lex, s->occ[i].concept)) ||
                is_lower_word(&s->words[s->occ[i].word])) {
                continue;
            }
            px_sheet_actor *x = actor_get(sh, list, &n, s->occ[i].concept);
            const px_word *w = &s->words[s->occ[i].word];
            const px_word *e =
                &s->words[s->occ[i].word + s->occ[i].n_words - 1];
            x->n_mentions++;
            if (x->names != NULL && x->names[k].len == 0) {
                x->names[k] = (px_span){(uint32_t)k, (uint32_t)w->off,
                                        (uint32_t)(e->off + e->len - w->off)};
                x->n_names++;
            }
        }
    }
    qsort(list, n, sizeof *list, by_reach);
    sh->n_actors = n < PX_SHEET_MAX_ACTOR ? n : PX_SHEET_MAX_ACTOR;
    sh->actors = px_arena_alloc(sh->arena, (sh->n_actors + 1) * sizeof *list);
    if (sh->actors != NULL) {
        memcpy(sh->actors, list, sh->n_actors * sizeof *list);
    }
    free(list);
    return sh->actors != NULL && !px_arena_failed(sh->arena)
               ? PX_OK
               : px_fail(err, PX_ENOMEM, "sheet: out of memory");
}

/* ---- timeline and dates that differ ------------------------------- */

static void
day_str(const px_date *d, char out[16])
{
    const unsigned y = (unsigned)d->year % 10000u;
    const unsigned m = (unsigned)d->month % 100u;
    const unsigned dd = (unsigned)d->day % 100u;
    if (d->prec >= PX_PREC_DAY) {
        snprintf(out, 16, "%04u-%02u-%02u", y, m, dd);
    } else if (d->prec == PX_PREC_MONTH) {
        snprintf(out, 16, "%04u-%02u", y, m);
    } else {
        snprintf(out, 16, "%04u", y);
    }
}

static int
by_date(const void *a, const void *b)
{
    return strcmp(((const px_sheet_day *)a)->date,
                  ((const px_sheet_day *)b)->date);
}

static px_status
find_days(px_sheet *sh, px_error *err)
{
    size_t cap = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        cap += sh->srcs[k].n_dates;
    }
    sh->days = px_arena_calloc(sh->arena, cap + 1, sizeof *sh->days);
    for (size_t k = 0; sh->days != NULL && k < sh->n_srcs; k++) {
        const px_sheet_src *s = &sh->srcs[k];
        for (size_t i = 0; i < s->n_dates; i++) {
            const px_date_mention *m = &s->dates[i];
            if (!m->is_resolved || m->date.prec < PX_PREC_MONTH) {
                continue;
            }
            char d[16];
            day_str(&m->date, d);
            size_t j = 0;
            while (j < sh->n_days && strcmp(sh->days[j].date, d) != 0) {
                j++;
            }
            px_sheet_day *x = &sh->days[j];
            if (j == sh->n_days) {
                memcpy(x->date, d, sizeof d);
                x->spans = px_arena_calloc(sh->arena, cap, sizeof *x->spans);
                sh->n_days++;
            }
            bool seen = false;
            for (size_t q = 0; q < x->n_spans; q++) {
                seen = seen || x->spans[q].src == k;
            }
            x->n_sources += !seen;
            if (x->spans != NULL) {
                x->spans[x->n_spans++] =
                    (px_span){(uint32_t)k, (uint32_t)m->off, (uint32_t)m->len};
            }
        }
    }
    if (sh->days != NULL) {
        qsort(sh->days, sh->n_days, sizeof *sh->days, by_date);
    }
    return sh->days != NULL && !px_arena_failed(sh->arena)
               ? PX_OK
               : px_fail(err, PX_ENOMEM, "sheet: out of memory");
}

/* Whether source s mentions day d (days since the epoch). */
static bool
mentions_day(const px_sheet_src *s, int64_t d)
{
    for (size_t i = 0; i < s->n_dates; i++) {
        if (is_day(&s->dates[i]) && days_of(&s->dates[i].date) == d) {
            return true;
        }
    }
    return false;
}

/* The source's first mention of a day (the day a report leads with), or
 * SIZE_MAX. */
static size_t
first_day(const px_sheet_src *s)
{
    for (size_t i = 0; i < s->n_dates; i++) {
        if (is_day(&s->dates[i])) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* Whether b, published after a, leads with day db (a with da) as a
 * follow-up: a later day that is b's own publication day, when b came out
 * half a day or more after a, or when a led with a day before its own
 * (a reported yesterday's event, b reports today's). Reports of a story
 * followed over several days each lead with their own day. */
static bool
follows_up(const px_sheet_src *a, int64_t da, const px_sheet_src *b, int64_t db)
{
    if (a->a->t == PX_TIME_NONE || b->a->t == PX_TIME_NONE ||
        a->anchor.prec < PX_PREC_DAY || b->anchor.prec < PX_PREC_DAY) {
        return false;
    }
    if (a->a->t > b->a->t) {
        return follows_up(b, db, a, da);
    }
    return db > da && db == days_of(&b->anchor) &&
           (b->a->t - a->a->t >= PX_SHEET_FOLLOW_UP ||
            da < days_of(&a->anchor));
}

/* Records that mention mi of a and mj of b put one event on two days
 * (less than a week apart: one weekday a week apart is the weekday's
 * "this" or "last", not a disagreement): neither source names the
 * other's day, and their sentences are alike
 * (or aligned into one claim), or both are the first day their source
 * names and the later source does not follow up on the earlier. */
static void
try_ddiff(px_sheet *sh, size_t a, size_t mi, size_t b, size_t mj)
{
    const px_sheet_src *sa = &sh->srcs[a];
    const px_sheet_src *sb = &sh->srcs[b];
    const px_date_mention *x = &sa->dates[mi];
    const px_date_mention *y = &sb->dates[mj];
    const int64_t dx = days_of(&x->date);
    const int64_t dy = days_of(&y->date);
    if (dx == dy || llabs(dx - dy) >= 7 || mentions_day(sa, dy) ||
        mentions_day(sb, dx) || sh->n_ddiffs >= PX_SHEET_MAX_DDIFF) {
        return;
    }
    const size_t si = px_sheet_sent_at(sa, x->off);
    const size_t sj = px_sheet_sent_at(sb, y->off);
    if (si == SIZE_MAX || sj == SIZE_MAX) {
        return;
    }
    const double sim = px_sheet_sim(&sa->sents[si], &sb->sents[sj]);
    const bool leads = first_day(sa) == mi && first_day(sb) == mj &&
                       llabs(dx - dy) <= 1 && !follows_up(sa, dx, sb, dy);
    if (sim < PX_SHEET_DDIFF_SIM && !leads &&
        sa->sents[si].claim != sb->sents[sj].claim) {
        return;
    }
    px_sheet_datediff *d = &sh->ddiffs[sh->n_ddiffs++];
    d->a = (px_span){(uint32_t)a, (uint32_t)x->off, (uint32_t)x->len};
    d->b = (px_span){(uint32_t)b, (uint32_t)y->off, (uint32_t)y->len};
    day_str(&x->date, d->day_a);
    day_str(&y->date, d->day_b);
    d->sim = sim;
}

static px_status
find_ddiffs(px_sheet *sh, px_error *err)
{
    sh->ddiffs =
        px_arena_calloc(sh->arena, PX_SHEET_MAX_DDIFF, sizeof *sh->ddiffs);
    if (sh->ddiffs == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    for (size_t a = 0; a < sh->n_srcs; a++) {
        for (size_t b = a + 1; b < sh->n_srcs; b++) {
            for (size_t i = 0; i < sh->srcs[a].n_dates; i++) {
                for (size_t j = 0; j < sh->srcs[b].n_dates; j++) {
                    if (is_day(&sh->srcs[a].dates[i]) &&
                        is_day(&sh->srcs[b].dates[j])) {
                        try_ddiff(sh, a, i, b, j);
                    }
                }
            }
        }
    }
    return PX_OK;
}

/* ---- framing ------------------------------------------------------ */

static bool
src_has(const px_sheet_src *s, px_concept c)
{
    size_t lo = 0;
    size_t hi = s->n_cset;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (s->cset[mid] < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < s->n_cset && s->cset[lo] == c;
}

static int
by_concept(const void *a, const void *b)
{
    const px_concept x = *(const px_concept *)a;
    const px_concept y = *(const px_concept *)b;
    return (x > y) - (x < y);
}

/* The sorted set of the concepts source s names (for src_has). */
static px_status
concept_set(px_sheet *sh, px_sheet_src *s, px_error *err)
{
    s->cset = px_arena_alloc(sh->arena, (s->n_occ + 1) * sizeof *s->cset);
    if (s->cset == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    for (size_t i = 0; i < s->n_occ; i++) {
        s->cset[i] = s->occ[i].concept;
    }
    qsort(s->cset, s->n_occ, sizeof *s->cset, by_concept);
    size_t k = 0;
    for (size_t i = 0; i < s->n_occ; i++) {
        if (k == 0 || s->cset[k - 1] != s->cset[i]) {
            s->cset[k++] = s->cset[i];
        }
    }
    s->n_cset = k;
    return PX_OK;
}

static int
by_count(const void *a, const void *b)
{
    const px_sheet_frame *x = a;
    const px_sheet_frame *y = b;
    return (x->count < y->count) - (x->count > y->count);
}

/* The pivot words only source k uses (the MAX_FRAME most frequent). */
static px_status
frames_of(px_sheet *sh, size_t k, px_error *err)
{
    const px_sheet_src *s = &sh->srcs[k];
    px_sheet_frame *f = px_calloc(s->n_occ + 1, sizeof *f);
    if (f == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < s->n_occ; i++) {
        const px_concept c = s->occ[i].concept;
        size_t j = 0;
        while (j < n && f[j].c != c) {
            j++;
        }
        if (j < n) {
            f[j].count++;
            continue;
        }
        const px_word *w0 = &s->words[s->occ[i].word];
        bool other = s->occ[i].weight < 0.7f || kind_of(sh->lex, c) != 'w' ||
                     (w0->flags & PX_WORD_STOP) || w0->len < 3;
        for (size_t o = 0; o < sh->n_srcs && !other; o++) {
            other = o != k && src_has(&sh->srcs[o], c);
        }
        if (!other) {
            const px_word *w = &s->words[s->occ[i].word];
            const px_word *e =
                &s->words[s->occ[i].word + s->occ[i].n_words - 1];
            f[n++] = (px_sheet_frame){c,
                                      {(uint32_t)k, (uint32_t)w->off,
                                       (uint32_t)(e->off + e->len - w->off)},
                                      1};
        }
    }
    qsort(f, n, sizeof *f, by_count);
    sh->n_frames[k] = n < PX_SHEET_MAX_FRAME ? n : PX_SHEET_MAX_FRAME;
    sh->frames[k] =
        px_arena_alloc(sh->arena, (sh->n_frames[k] + 1) * sizeof *f);
    if (sh->frames[k] != NULL) {
        memcpy(sh->frames[k], f, sh->n_frames[k] * sizeof *f);
    }
    free(f);
    return sh->frames[k] != NULL
               ? PX_OK
               : px_fail(err, PX_ENOMEM, "sheet: out of memory");
}

static px_status
find_frames(px_sheet *sh, px_error *err)
{
    sh->frames =
        px_arena_calloc(sh->arena, sh->n_srcs, sizeof(px_sheet_frame *));
    sh->n_frames = px_arena_calloc(sh->arena, sh->n_srcs, sizeof(size_t));
    if (sh->frames == NULL || sh->n_frames == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    px_status rc = PX_OK;
    for (size_t k = 0; rc == PX_OK && k < sh->n_srcs; k++) {
        rc = concept_set(sh, &sh->srcs[k], err);
    }
    for (size_t k = 0; rc == PX_OK && sh->n_srcs > 1 && k < sh->n_srcs; k++) {
        rc = frames_of(sh, k, err);
    }
    return rc;
}

/* ---- building ----------------------------------------------------- */

/* Keeps at most max of the story's members m (in time order): the first
 * article of each copy group before the copies, in time order; returns
 * the count. */
static size_t
pick_sources(const px_storyset *set, size_t *m, size_t n, size_t max)
{
    if (n <= max) {
        return n;
    }
    size_t k = 0;
    for (int pass = 0; pass < 2 && k < max; pass++) {
        for (size_t i = k; i < n && k < max; i++) {
            const px_story_art *a = &set->arts[m[i]];
            if (pass == 1 || a->copy_group == m[i]) {
                const size_t t = m[i]; /* move it into the kept prefix */
                memmove(m + k + 1, m + k, (i - k) * sizeof *m);
                m[k++] = t;
            }
        }
    }
    for (size_t i = 1; i < k; i++) { /* back to time order */
        const size_t t = m[i];
        size_t j = i;
        while (j > 0 && px_story_cmp_time(set->arts, m[j - 1], t) > 0) {
            m[j] = m[j - 1];
            j--;
        }
        m[j] = t;
    }
    return k;
}

static px_status
add_sources(px_sheet *sh, size_t *m, size_t n, px_error *err)
{
    sh->n_srcs = n;
    sh->srcs = px_arena_calloc(sh->arena, sh->n_srcs + 1, sizeof *sh->srcs);
    if (sh->srcs == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    const px_date *fallback = NULL;
    for (size_t k = 0; k < sh->n_srcs && fallback == NULL; k++) {
        const px_story_art *a = &sh->set->arts[m[k]];
        fallback = a->anchor.prec >= PX_PREC_DAY ? &a->anchor : NULL;
    }
    px_words *wd = NULL;
    px_status rc = px_words_new(sh->lex, &wd, err);
    for (size_t k = 0; rc == PX_OK && k < sh->n_srcs; k++) {
        px_sheet_src *s = &sh->srcs[k];
        s->art = m[k];
        s->a = &sh->set->arts[m[k]];
        s->text = (px_str){s->a->text != NULL ? s->a->text : "",
                           s->a->text != NULL ? s->a->text_len : 0};
        s->anchor = s->a->anchor.prec >= PX_PREC_DAY || fallback == NULL
                        ? s->a->anchor
                        : *fallback;
        rc = analyse_src(sh, wd, s, err);
    }
    px_words_free(wd);
    return rc;
}

px_status
px_sheet_build(const px_storyset *s, size_t story, px_sheet **out,
               px_error *err)
{
    return px_sheet_build_n(s, story, PX_SHEET_MAX_SOURCES, out, err);
}

px_status
px_sheet_build_n(const px_storyset *s, size_t story, size_t max_srcs,
                 px_sheet **out, px_error *err)
{
    *out = NULL;
    size_t n = 0;
    size_t *m = px_story_members(s, story, &n);
    if (m == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    px_sheet *sh = px_calloc(1, sizeof *sh);
    if (sh == NULL) {
        free(m);
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    px_status rc = PX_OK;
    if ((sh->arena = px_arena_new()) == NULL) {
        rc = px_fail(err, PX_ENOMEM, "sheet: out of memory");
    } else if (n == 0) {
        rc = px_fail(err, PX_EINVAL, "sheet: no story %zu", story);
    }
    if (rc == PX_OK) {
        sh->set = s;
        sh->lex = s->lex;
        sh->eng = s->lex != NULL ? px_lex_lang_index(s->lex, "eng") : -1;
        sh->story = story;
        sh->n_arts = n;
        const size_t cap = max_srcs > 0 && max_srcs < PX_SHEET_MAX_SOURCES
                               ? max_srcs
                               : PX_SHEET_MAX_SOURCES;
        rc = add_sources(sh, m, pick_sources(s, m, n, cap), err);
    }
    rc = rc == PX_OK ? weigh(sh, err) : rc;
    rc = rc == PX_OK ? find_actors(sh, err) : rc;
    rc = rc == PX_OK ? find_days(sh, err) : rc;
    rc = rc == PX_OK ? px_sheet_figures(sh, err) : rc;
    rc = rc == PX_OK ? px_sheet_claims(sh, err) : rc;
    rc = rc == PX_OK ? find_ddiffs(sh, err) : rc;
    rc = rc == PX_OK ? px_sheet_quotes(sh, err) : rc;
    rc = rc == PX_OK ? find_frames(sh, err) : rc;
    free(m);
    if (rc != PX_OK) {
        px_sheet_free(sh);
        return rc;
    }
    *out = sh;
    return PX_OK;
}

void
px_sheet_free(px_sheet *sh)
{
    if (sh == NULL) {
        return;
    }
    px_arena_free(sh->arena);
    free(sh->ext);
    free(sh);
}

const char *
px_sheet_support(size_t n, size_t total)
{
    if (n >= total && total > 1) {
        return "all";
    }
    if (n <= 1) {
        return "one";
    }
    return n * 2 > total ? "most" : "some";
}
