/* story_out.c - what a clustered px_storyset tells: pair similarity with
 * the set's own idf, the stories as JSON, and a terminal summary. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "wordkey.h"

/* Articles a language's count is padded with when a feature's share of
 * them is judged (px_story_build_df). */
#define PX_IDF_LANG_PRIOR 8.0
/* A language with fewer articles in the set tells nothing about what is
 * common in it (a few articles of one story share their topic). */
#define PX_IDF_LANG_MIN 20.0

static int
by_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a;
    const uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

double
px_story_idf(const px_storyset *s, uint64_t id)
{
    size_t lo = 0;
    size_t hi = s->n_df;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (s->df[mid].id < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    const double df =
        lo < s->n_df && s->df[lo].id == id ? s->df[lo].weight : 1.0;
    return log(1.0 + ((double)s->n_arts + s->bg_docs) / df);
}

/* Adds the background counts (px_storyset_background) to df. */
static void
add_background(const px_storyset *s, px_feat *df, size_t n)
{
    size_t j = 0;
    for (size_t i = 0; i < n && j < s->n_bg_df; i++) {
        while (j < s->n_bg_df && s->bg_df[j].id < df[i].id) {
            j++;
        }
        if (j < s->n_bg_df && s->bg_df[j].id == df[i].id) {
            df[i].weight += s->bg_df[j].weight;
        }
    }
}

static uint64_t
lang_of(const px_story_art *x)
{
    char base[4];
    px_wordkey_base(x->prof.lang, base);
    return (uint64_t)(unsigned char)base[0] << 16 |
           (uint64_t)(unsigned char)base[1] << 8 | (unsigned char)base[2];
}

/* share[i] = articles / articles in article i's language: a stem can only
 * occur in its language's articles, so its rarity is judged among them
 * (else a language's common words look rare in a many-language set). */
static bool
lang_shares(const px_storyset *s, float *share)
{
    uint64_t *l = px_malloc((s->n_arts + 1) * sizeof *l);
    if (l == NULL) {
        return false;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        l[i] = lang_of(&s->arts[i]);
    }
    qsort(l, s->n_arts, sizeof *l, by_u64);
    for (size_t i = 0; i < s->n_arts; i++) {
        const uint64_t x = lang_of(&s->arts[i]);
        size_t lo = 0;
        size_t hi = s->n_arts;
        while (lo < hi) { /* the first >= x */
            const size_t mid = (lo + hi) / 2;
            if (l[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        size_t end = lo;
        while (end < s->n_arts && l[end] == x) {
            end++;
        }
        share[i] = (float)s->n_arts / (float)(end - lo);
    }
    free(l);
    return true;
}

/* A feature of an article: its id, and the article's language and that
 * language's share (articles / articles in the language). */
typedef struct feat_lang {
    uint64_t id;
    uint64_t lang;
    float share;
} feat_lang;

static int
by_id_lang(const void *a, const void *b)
{
    const feat_lang *x = a;
    const feat_lang *y = b;
    if (x->id != y->id) {
        return (x->id > y->id) - (x->id < y->id);
    }
    return (x->lang > y->lang) - (x->lang < y->lang);
}

/* Every article's features, sorted by id and language. */
static feat_lang *
all_feats(const px_storyset *s, size_t *k)
{
    size_t total = 0;
    for (size_t i = 0; i < s->n_arts; i++) {
        total += s->arts[i].prof.n_feats;
    }
    feat_lang *ids = px_malloc((total + 1) * sizeof *ids);
    float *share = px_malloc((s->n_arts + 1) * sizeof *share);
    if (ids == NULL || share == NULL || !lang_shares(s, share)) {
        free(ids);
        free(share);
        return NULL;
    }
    *k = 0;
    for (size_t i = 0; i < s->n_arts; i++) {
        const px_profile *p = &s->arts[i].prof;
        const uint64_t lang = lang_of(&s->arts[i]);
        for (size_t j = 0; j < p->n_feats; j++) {
            ids[(*k)++] = (feat_lang){p->feats[j].id, lang, share[i]};
        }
    }
    free(share);
    qsort(ids, *k, sizeof *ids, by_id_lang);
    return ids;
}

/* The share of articles holding the feature of run f[0..n) (one id) in
 * the language where it is most common, among the languages of at least
 * PX_IDF_LANG_MIN articles, their article count padded by
 * PX_IDF_LANG_PRIOR. */
static double
top_lang_share(const px_storyset *s, const feat_lang *f, size_t n)
{
    double top = 0.0;
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && f[e].lang == f[i].lang) {
            e++;
        }
        const double n_lang = (double)s->n_arts / f[i].share;
        const double p = n_lang < PX_IDF_LANG_MIN
                             ? 0.0
                             : (double)(e - i) / (n_lang + PX_IDF_LANG_PRIOR);
        top = p > top ? p : top;
        i = e;
    }
    return top;
}

/* Whether feature id comes from a language's words, not a stem: a concept
 * or a name key. Such a feature may be common in one language (a function
 * word's dictionary sense, a word the lexicon does not know read as a
 * name) and rare elsewhere; figures and dates are not words of any. */
static bool
from_words(uint64_t id)
{
    const unsigned k = PX_FK_OF(id);
    return k == PX_FK_CONCEPT || k == PX_FK_NAME;
}

/* The df entries of the features of f[0..k) (sorted by id and language),
 * in df (room for k); top_p (room for k) gets each one's
 * top_lang_share, 0 for the features not from_words. Returns how many. */
static size_t
count_df(const px_storyset *s, const feat_lang *f, size_t k, px_feat *df,
         double *top_p)
{
    size_t n = 0;
    size_t i = 0;
    while (i < k) {
        size_t e = i;
        while (e < k && f[e].id == f[i].id) {
            e++;
        }
        /* a stem occurs in one language only: scaled by its language's
         * share, px_story_idf's log(1 + articles / df) is the idf within
         * the language */
        const bool stem = PX_FK_OF(f[i].id) == PX_FK_STEM;
        df[n] = (px_feat){f[i].id, (float)(e - i) * (stem ? f[i].share : 1)};
        top_p[n++] =
            from_words(f[i].id) ? top_lang_share(s, f + i, e - i) : 0.0;
        i = e;
    }
    return n;
}

px_status
px_story_build_df(px_storyset *s, px_error *err)
{
    size_t k = 0;
    feat_lang *ids = all_feats(s, &k);
    px_feat *df = px_malloc((k + 1) * sizeof *df);
    double *top_p = px_malloc((k + 1) * sizeof *top_p);
    if (ids == NULL || df == NULL || top_p == NULL) {
        free(ids);
        free(df);
        free(top_p);
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    const size_t n = count_df(s, ids, k, df, top_p);
    free(ids);
    add_background(s, df, n);
    /* A feature common in one language (a word the lexicon does not know,
     * read as a name; a sense of a function word) is common, however rare
     * it is over all languages. */
    const double all = (double)s->n_arts + s->bg_docs;
    for (size_t i = 0; i < n; i++) {
        const double f = top_p[i] * all;
        df[i].weight = f > df[i].weight ? (float)f : df[i].weight;
    }
    free(top_p);
    free(s->df);
    s->df = df;
    s->n_df = n;
    for (size_t i = 0; i < s->n_arts; i++) {
        double norm = 0.0;
        const px_profile *p = &s->arts[i].prof;
        for (size_t j = 0; j < p->n_feats; j++) {
            const double w =
                p->feats[j].weight * px_story_idf(s, p->feats[j].id);
            norm += w * w;
        }
        s->arts[i].norm = sqrt(norm);
    }
    return PX_OK;
}

size_t
px_storyset_n_stories(const px_storyset *s)
{
    return s->n_stories;
}

/* Whether feature id takes part in comparing two articles: in one
 * language (one stem space) their own words compare (the concepts and name
 * keys derived from those words add the lexicon's ambiguity, figures and
 * days added nothing on the SemEval sample); across languages everything
 * but the words. */
static bool
compared(uint64_t id, bool same_lang)
{
    const unsigned k = PX_FK_OF(id);
    return same_lang ? k == PX_FK_STEM : k != PX_FK_STEM;
}

static double
sub_norm(const px_storyset *s, const px_profile *p, bool same_lang)
{
    double norm = 0.0;
    for (size_t j = 0; j < p->n_feats; j++) {
        if (compared(p->feats[j].id, same_lang)) {
            const double w = p->feats[j].weight;
            norm += w * w * px_story_idf(s, p->feats[j].id);
        }
    }
    return sqrt(norm);
}

/* The cosine of articles a and b over the stems (same_lang) or over
 * everything but the stems, each feature weighed by the square root of its
 * idf: a shared feature counts by its idf, not its square. A set of a few
 * thousand articles knows the idf of its rarest features from the one or
 * two articles holding them; squared, one shared rare stem (a town both
 * reports of a local paper name, a misspelling, a site's banner) outweighs
 * a dozen shared words of the story itself. On the SemEval sample
 * (eval_pairs.c) this raised Pearson's r in six of the eight language
 * pairs. The clustering (cluster.h) keeps its own weights. */
static double
sub_cos(const px_storyset *s, const px_profile *a, const px_profile *b,
        bool same_lang)
{
    double dot = 0.0;
    size_t x = 0;
    size_t y = 0;
    while (x < a->n_feats && y < b->n_feats) {
        if (a->feats[x].id < b->feats[y].id) {
            x++;
        } else if (a->feats[x].id > b->feats[y].id) {
            y++;
        } else {
            const uint64_t id = a->feats[x].id;
            const double idf =
                compared(id, same_lang) ? px_story_idf(s, id) : 0.0;
            dot += a->feats[x++].weight * b->feats[y++].weight * idf;
        }
    }
    const double norms = sub_norm(s, a, same_lang) * sub_norm(s, b, same_lang);
    return norms > 0 ? dot / norms : 0.0;
}

/* How many words of evidence weigh as much as the neutral similarity
 * below, and that similarity: half the default join threshold, between
 * "nothing in common" (0) and "one story". */
#define PX_SIM_PRIOR_WORDS 20.0
#define PX_SIM_NEUTRAL     0.15

/* The similarity of a and b: their cosine, pulled toward PX_SIM_NEUTRAL
 * the fewer words the shorter of the two has (n words: n / (n + 20) of the
 * cosine). A cosine over a few dozen words is a noisy estimate: a headline
 * and a line of a block notice, a donation banner or a teaser say little
 * about what the article behind them reports, and two copies of one such
 * notice are not one story. An article of some hundred words keeps about
 * nine tenths of its cosine. */
double
px_storyset_similarity(const px_storyset *s, size_t i, size_t j)
{
    if (i >= s->n_arts || j >= s->n_arts || s->df == NULL) {
        return 0.0;
    }
    const px_profile *a = &s->arts[i].prof;
    const px_profile *b = &s->arts[j].prof;
    char base_a[4];
    char base_b[4];
    px_wordkey_base(a->lang, base_a);
    px_wordkey_base(b->lang, base_b);
    const bool same = memcmp(base_a, base_b, 4) == 0;
    const double n =
        (double)(a->n_words < b->n_words ? a->n_words : b->n_words);
    return (n * sub_cos(s, a, b, same) + PX_SIM_PRIOR_WORDS * PX_SIM_NEUTRAL) /
           (n + PX_SIM_PRIOR_WORDS);
}

/* ---- stories, largest first --------------------------------------- */

typedef struct story_row {
    size_t story;
    size_t n;     /* articles */
    size_t first; /* its earliest article (index) */
    size_t *arts; /* its articles in time order, then adding order */
} story_row;

static int
by_size(const void *a, const void *b)
{
    const story_row *x = a;
    const story_row *y = b;
    if (x->n != y->n) {
        return x->n < y->n ? 1 : -1;
    }
    return (x->story > y->story) - (x->story < y->story);
}

/* The stories with their articles (rows and one index array, owned). */
static story_row *
make_rows(const px_storyset *s, size_t **members)
{
    story_row *rows = px_calloc(s->n_stories + 1, sizeof *rows);
    *members = px_malloc((s->n_arts + 1) * sizeof **members);
    if (rows == NULL || *members == NULL) {
        free(rows);
        free(*members);
        *members = NULL;
        return NULL;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        rows[s->arts[i].story].n++;
    }
    size_t off = 0;
    for (size_t k = 0; k < s->n_stories; k++) {
        rows[k].story = k;
        rows[k].arts = *members + off;
        off += rows[k].n;
        rows[k].n = 0;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        story_row *r = &rows[s->arts[i].story];
        size_t j = r->n++;
        while (j > 0 && px_story_cmp_time(s->arts, i, r->arts[j - 1]) < 0) {
            r->arts[j] = r->arts[j - 1];
            j--;
        }
        r->arts[j] = i;
    }
    for (size_t k = 0; k < s->n_stories; k++) {
        rows[k].first = rows[k].n > 0 ? rows[k].arts[0] : 0;
    }
    qsort(rows, s->n_stories, sizeof *rows, by_size);
    return rows;
}

/* Distinct languages (by base code) of a story, into out (max n). */
static size_t
story_langs(const px_storyset *s, const story_row *r, const char **out,
            size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n; k++) {
        const char *l = s->arts[r->arts[k]].prof.lang;
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++) {
            seen = strcmp(out[j], l) == 0;
        }
        if (!seen && n < max) {
            out[n++] = l;
        }
    }
    return n;
}

static size_t
story_sources(const px_storyset *s, const story_row *r)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n; k++) {
        const char *site = s->arts[r->arts[k]].site;
        bool seen = false;
        for (size_t j = 0; j < k && !seen && site != NULL; j++) {
            const char *o = s->arts[r->arts[j]].site;
            seen = o != NULL && strcmp(o, site) == 0;
        }
        n += !seen;
    }
    return n;
}

static void
json_article(px_buf *b, const px_storyset *s, size_t i)
{
    const px_story_art *x = &s->arts[i];
    px_buf_printf(b, "{\"index\":%zu", i);
    px_buf_add_json_opt(b, "id", x->id);
    px_buf_add_json_opt(b, "url", x->url);
    px_buf_add_json_opt(b, "site", x->site);
    px_buf_add_json_opt(b, "title", x->title);
    px_buf_add_json_opt(b, "published", x->published);
    px_buf_printf(b, ",\"lang\":\"%s\",\"words\":%zu,\"copy_group\":%zu",
                  x->prof.lang, x->prof.n_words, x->copy_group);
    if (x->copy_of != SIZE_MAX) {
        px_buf_printf(b, ",\"copy_of\":%zu", x->copy_of);
    } else {
        px_buf_add_c(b, ",\"copy_of\":null");
    }
    px_buf_printf(b, ",\"representative\":%s,\"similarity\":%.3f}",
                  px_story_group_rep(s, x->copy_group) == i ? "true" : "false",
                  x->story_sim);
}

static void
json_story(px_buf *b, const px_storyset *s, const story_row *r)
{
    const char *langs[64];
    const size_t n_langs = story_langs(s, r, langs, 64);
    px_buf_printf(b, "{\"id\":%zu,\"articles_count\":%zu,\"sources\":%zu",
                  r->story, r->n, story_sources(s, r));
    px_buf_add_json_opt(b, "headline", s->arts[r->first].title);
    px_buf_printf(b, ",\"headline_lang\":\"%s\",\"languages\":[",
                  s->arts[r->first].prof.lang);
    for (size_t k = 0; k < n_langs; k++) {
        px_buf_printf(b, "%s\"%s\"", k ? "," : "", langs[k]);
    }
    px_buf_add_byte(b, ']');
    px_buf_add_json_opt(b, "first", s->arts[r->first].published);
    px_buf_add_json_opt(b, "last", s->arts[r->arts[r->n - 1]].published);
    px_buf_add_c(b, ",\"articles\":[");
    for (size_t k = 0; k < r->n; k++) {
        px_buf_add_c(b, k ? "," : "");
        json_article(b, s, r->arts[k]);
    }
    px_buf_add_c(b, "]}");
}

px_status
px_storyset_json(const px_storyset *s, char **out, size_t *len, px_error *err)
{
    *out = NULL;
    size_t *members = NULL;
    story_row *rows = make_rows(s, &members);
    if (rows == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    px_buf b;
    px_buf_init(&b);
    px_buf_printf(&b,
                  "{\"articles_count\":%zu,\"stories_count\":%zu,"
                  "\"lexicon\":%s,\"stories\":[",
                  s->n_arts, s->n_stories, s->lex != NULL ? "true" : "false");
    for (size_t k = 0; k < s->n_stories; k++) {
        px_buf_add_c(&b, k ? "," : "");
        json_story(&b, s, &rows[k]);
    }
    px_buf_add_c(&b, "]}");
    free(rows);
    free(members);
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "stories: out of memory");
}

px_status
px_storyset_summary(const px_storyset *s, size_t max_stories, char **out,
                    size_t *len, px_error *err)
{
    *out = NULL;
    size_t *members = NULL;
    story_row *rows = make_rows(s, &members);
    if (rows == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    px_buf b;
    px_buf_init(&b);
    const size_t n = max_stories > 0 && max_stories < s->n_stories
                         ? max_stories
                         : s->n_stories;
    for (size_t k = 0; k < n; k++) {
        const char *langs[64];
        const size_t n_langs = story_langs(s, &rows[k], langs, 64);
        px_buf_printf(&b, "%4zu. %zu article%s, %zu source%s, ", k + 1,
                      rows[k].n, rows[k].n == 1 ? "" : "s",
                      story_sources(s, &rows[k]),
                      story_sources(s, &rows[k]) == 1 ? "" : "s");
        for (size_t j = 0; j < n_langs; j++) {
            px_buf_printf(&b, "%s%s", j ? " " : "[", langs[j]);
        }
        px_buf_printf(&b, "%s %s\n", n_langs ? "]" : "[]",
                      s->arts[rows[k].first].title);
    }
    if (n < s->n_stories) {
        px_buf_printf(&b, "      ... and %zu more stories\n", s->n_stories - n);
    }
    free(rows);
    free(members);
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "stories: out of memory");
}

size_t *
px_story_members(const px_storyset *s, size_t k, size_t *n)
{
    *n = 0;
    size_t *out = px_malloc((s->n_arts + 1) * sizeof *out);
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        if (k != PX_STORY_ALL && s->arts[i].story != k) {
            continue;
        }
        size_t j = (*n)++;
        while (j > 0 && px_story_cmp_time(s->arts, i, out[j - 1]) < 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = i;
    }
    return out;
}

size_t *
px_story_ranked(const px_storyset *s, size_t *n_arts)
{
    size_t *members = NULL;
    story_row *rows = make_rows(s, &members);
    size_t *out = px_malloc((s->n_stories + 1) * sizeof *out);
    if (rows == NULL || out == NULL) {
        free(rows);
        free(members);
        free(out);
        return NULL;
    }
    for (size_t k = 0; k < s->n_stories; k++) {
        out[k] = rows[k].story;
        if (n_arts != NULL) {
            n_arts[k] = rows[k].n;
        }
    }
    free(rows);
    free(members);
    return out;
}

size_t
px_story_at_rank(const px_storyset *s, size_t rank)
{
    size_t *members = NULL;
    story_row *rows = make_rows(s, &members);
    const size_t k =
        rows != NULL && rank < s->n_stories ? rows[rank].story : SIZE_MAX;
    free(rows);
    free(members);
    return k;
}
