/* story.c - px_storyset: profiles, copy groups and stories (story.h). */
#include "story.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cluster.h"
#include "dedup.h"
#include "error.h"
#include "pubdate.h"

#define DEFAULT_WINDOW_DAYS 3.0
#define DEFAULT_THRESHOLD   0.30
/* A rewrite shares this share of its content-word stems with the original
 * (Jaccard); independent reports of one event share far fewer. */
#define PX_REWRITE_THRESHOLD 0.5
#define PX_REWRITE_MIN_STEMS 20
#define PX_REWRITE_MAX_TRIES 64
#define PX_REWRITE_MAX_STEPS 4096
/* An article whose best story fits twice as well as the runner-up joins it
 * from half the threshold up: the collection tells what is close. */
#define PX_STORY_MARGIN         2.0
#define PX_STORY_MARGIN_FLOOR   0.5
#define DEFAULT_CROSS_THRESHOLD 0.16
/* Stories whose centroids are this close merge (story_merge.c). */
#define PX_STORY_MERGE_THRESHOLD 0.5

static void
opts_fill(px_story_opts *o, const px_story_opts *in)
{
    memset(o, 0, sizeof *o);
    if (in != NULL) {
        *o = *in;
    }
    if (o->threshold <= 0) {
        o->threshold = DEFAULT_THRESHOLD;
    }
    if (o->cross_threshold <= 0) {
        o->cross_threshold = DEFAULT_CROSS_THRESHOLD;
    }
    if (o->window_days == 0) {
        o->window_days = DEFAULT_WINDOW_DAYS;
    }
    if (o->dup_threshold <= 0) {
        o->dup_threshold = PX_DEDUP_THRESHOLD;
    }
}

static px_status
open_lexicon(const char *path, px_lex **out, px_error *err)
{
    *out = NULL;
    if (path != NULL) {
        return px_lex_open(path, out, err);
    }
    char def[1024];
    px_lex_default_path(def, sizeof def);
    px_error ignored = {0};
    if (px_lex_open(def, out, &ignored) != PX_OK) {
        *out = NULL; /* no default lexicon: work without concepts */
    }
    return PX_OK;
}

px_status
px_storyset_new(const char *lexicon_path, const px_story_opts *o,
                px_storyset **out, px_error *err)
{
    *out = NULL;
    px_storyset *s = px_calloc(1, sizeof *s);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    opts_fill(&s->o, o);
    s->arena = px_arena_new();
    px_status rc = s->arena != NULL
                       ? open_lexicon(lexicon_path, &s->lex, err)
                       : px_fail(err, PX_ENOMEM, "stories: out of memory");
    if (rc == PX_OK) {
        rc = px_profiler_new(s->lex, &s->prof, err);
    }
    if (rc != PX_OK) {
        px_storyset_free(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

px_status
px_storyset_new_lex(px_lex *lex, const px_story_opts *o, px_storyset **out,
                    px_error *err)
{
    *out = NULL;
    px_storyset *s = px_calloc(1, sizeof *s);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    opts_fill(&s->o, o);
    s->lex = lex;
    s->is_lex_borrowed = true;
    s->arena = px_arena_new();
    px_status rc = s->arena != NULL
                       ? px_profiler_new(s->lex, &s->prof, err)
                       : px_fail(err, PX_ENOMEM, "stories: out of memory");
    if (rc != PX_OK) {
        px_storyset_free(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

void
px_storyset_free(px_storyset *s)
{
    if (s == NULL) {
        return;
    }
    px_profiler_free(s->prof);
    if (!s->is_lex_borrowed) {
        px_lex_close(s->lex);
    }
    px_arena_free(s->arena);
    free(s->arts);
    free(s->df);
    free(s->bg_df);
    free(s);
}

int
px_storyset_has_lexicon(const px_storyset *s)
{
    return s->lex != NULL;
}

size_t
px_storyset_count(const px_storyset *s)
{
    return s->n_arts;
}

static px_story_art *
new_art(px_storyset *s)
{
    if (s->n_arts == s->cap_arts) {
        const size_t cap = s->cap_arts ? s->cap_arts * 2 : 64;
        px_story_art *p = px_realloc(s->arts, cap * sizeof *p);
        if (p == NULL) {
            return NULL;
        }
        s->arts = p;
        s->cap_arts = cap;
    }
    px_story_art *x = &s->arts[s->n_arts];
    memset(x, 0, sizeof *x);
    x->t = PX_TIME_NONE;
    x->copy_of = SIZE_MAX;
    x->pin = SIZE_MAX;
    return x;
}

static const char *
dup_or_null(px_arena *a, const char *s)
{
    return s != NULL ? px_arena_strndup(a, s, strlen(s)) : NULL;
}

/* Seconds since the epoch of d (UTC unless it has a zone), or
 * PX_TIME_NONE below day precision. */
static int64_t
epoch_of(const px_date *d)
{
    if (d->prec < PX_PREC_DAY) {
        return PX_TIME_NONE;
    }
    const int64_t days = px_days_from_civil(d->year, d->month, d->day);
    int64_t t = days * 86400 + (int64_t)d->hour * 3600 + (int64_t)d->min * 60 +
                (int64_t)d->sec;
    if (d->has_tz) {
        t -= (int64_t)d->tz_min * 60;
    }
    return t;
}

static px_status
profile_into(px_storyset *s, px_story_art *x, const char *title, px_str text,
             const char *lang, const px_date *anchor, px_error *err)
{
    px_status rc = px_profile_build(s->prof, px_str_c(title), text, lang,
                                    anchor, s->arena, &x->prof, err);
    if (rc == PX_OK && px_arena_failed(s->arena)) {
        rc = px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    if (rc == PX_OK) {
        x->text = px_arena_strndup(s->arena, text.ptr, text.len);
        x->text_len = text.len;
        if (x->text == NULL) {
            return px_fail(err, PX_ENOMEM, "stories: out of memory");
        }
        s->n_arts++;
        s->is_clustered = false;
    }
    return rc;
}

px_status
px_storyset_add(px_storyset *s, const px_article *a, px_error *err)
{
    px_story_art *x = new_art(s);
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    x->id = dup_or_null(s->arena, a->url != NULL ? a->url : a->source);
    x->url = dup_or_null(s->arena, a->url);
    x->site = dup_or_null(s->arena, a->site);
    x->title = dup_or_null(s->arena, a->title != NULL ? a->title : "");
    px_date_format(&a->published, x->published);
    x->t = epoch_of(&a->published);
    px_date fetched;
    if (x->t == PX_TIME_NONE && a->fetched != NULL &&
        px_pubdate_parse(px_str_c(a->fetched), &fetched)) {
        x->t = epoch_of(&fetched);
    }
    if (s->o.ignore_dates) {
        x->t = PX_TIME_NONE;
    }
    const px_date *anchor =
        a->published.prec >= PX_PREC_DAY ? &a->published : NULL;
    if (anchor != NULL) {
        x->anchor = *anchor;
    }
    return profile_into(s, x, x->title != NULL ? x->title : "",
                        (px_str){a->text, a->text_len}, NULL, anchor, err);
}

px_status
px_storyset_add_text(px_storyset *s, const char *id, const char *title,
                     const char *text, const char *lang, px_error *err)
{
    px_story_art *x = new_art(s);
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    x->id = dup_or_null(s->arena, id != NULL ? id : "");
    x->title = dup_or_null(s->arena, title != NULL ? title : "");
    return profile_into(s, x, x->title != NULL ? x->title : "",
                        px_str_c(text != NULL ? text : ""), lang, NULL, err);
}

int
px_story_cmp_time(const px_story_art *arts, size_t i, size_t j)
{
    const int64_t ti = arts[i].t;
    const int64_t tj = arts[j].t;
    if ((ti == PX_TIME_NONE) != (tj == PX_TIME_NONE)) {
        return ti == PX_TIME_NONE ? 1 : -1;
    }
    if (ti != tj) {
        return ti < tj ? -1 : 1;
    }
    return (i > j) - (i < j);
}

/* The time an article is walked at: pinned articles lead by lead_s, so
 * that a new article slightly older than a pinned story's first article
 * still finds the story open. */
static int64_t
walk_time(const px_story_art *x, int64_t lead_s)
{
    return x->t != PX_TIME_NONE && x->pin != SIZE_MAX ? x->t - lead_s : x->t;
}

/* The walk order: undated articles first (in order of adding), then
 * dated ones by walk_time. A story of undated articles has no time and
 * so never closes: every dated article is compared with it, which is
 * what clustering an undated article without the window means (walked
 * last, it would only meet the stories still open at the newest date). */
static int
cmp_walk(const px_story_art *arts, size_t i, size_t j, int64_t lead_s)
{
    const int64_t ti = walk_time(&arts[i], lead_s);
    const int64_t tj = walk_time(&arts[j], lead_s);
    if ((ti == PX_TIME_NONE) != (tj == PX_TIME_NONE)) {
        return ti == PX_TIME_NONE ? -1 : 1;
    }
    if (ti != tj) {
        return ti < tj ? -1 : 1;
    }
    return (i > j) - (i < j);
}

/* Stable merge sort of idx by cmp_walk (qsort has no context). */
static void
sort_idx(size_t *idx, size_t *tmp, size_t n, const px_story_art *arts,
         int64_t lead_s)
{
    if (n < 2) {
        return;
    }
    const size_t h = n / 2;
    sort_idx(idx, tmp, h, arts, lead_s);
    sort_idx(idx + h, tmp, n - h, arts, lead_s);
    size_t i = 0;
    size_t j = h;
    size_t k = 0;
    while (i < h || j < n) {
        if (j == n || (i < h && cmp_walk(arts, idx[i], idx[j], lead_s) <= 0)) {
            tmp[k++] = idx[i++];
        } else {
            tmp[k++] = idx[j++];
        }
    }
    memcpy(idx, tmp, n * sizeof *idx);
}

/* Whether article a is a better representative of its group than b: dated
 * before it, else (both undated) longer. */
static bool
better_rep(const px_story_art *a, const px_story_art *b)
{
    if (a->t != PX_TIME_NONE || b->t != PX_TIME_NONE) {
        return b->t == PX_TIME_NONE || (a->t != PX_TIME_NONE && a->t < b->t);
    }
    return a->text_len > b->text_len;
}

typedef struct walk {
    px_dedup *d;
    px_clusterer *c;
    size_t *idx;
    size_t *tmp;
    int64_t window_s;
    px_feat *v;        /* an article's features weighted by idf */
    size_t *pin_story; /* pin key -> story number, SIZE_MAX until placed */
} walk;

px_status
px_storyset_background(px_storyset *s, const px_feat *df, size_t n,
                       double n_docs, px_error *err)
{
    px_feat *c = px_malloc((n + 1) * sizeof *c);
    if (c == NULL) {
        return px_fail(err, PX_ENOMEM, "stories: out of memory");
    }
    if (n > 0) {
        memcpy(c, df, n * sizeof *c);
    }
    free(s->bg_df);
    s->bg_df = c;
    s->n_bg_df = n;
    s->bg_docs = n_docs;
    s->is_clustered = false;
    return PX_OK;
}

bool
px_storyset_pin(px_storyset *s, size_t i, size_t key, size_t copy_of)
{
    if (i >= s->n_arts || key >= s->n_arts ||
        (copy_of != SIZE_MAX && copy_of >= s->n_arts)) {
        return false;
    }
    s->arts[i].pin = key;
    s->arts[i].copy_of = copy_of;
    s->is_clustered = false;
    return true;
}

/* Clusters article x into story force (PX_CLUSTER_ANY: the best). */
static px_status
cluster_one(px_storyset *s, walk *w, px_story_art *x, size_t force,
            px_error *err)
{
    for (size_t i = 0; i < x->prof.n_feats; i++) {
        w->v[i] = x->prof.feats[i];
        w->v[i].weight *= (float)px_story_idf(s, w->v[i].id);
    }
    return px_cluster_add_to(w->c, w->v, x->prof.n_feats, x->t, force,
                             &x->story, &x->story_sim, err);
}

/* Places a pinned article: in its key's story, its copy kept (its
 * signature is indexed, so later articles may copy it). */
static px_status
place_pinned(px_storyset *s, walk *w, px_story_art *x, px_error *err)
{
    size_t best = SIZE_MAX;
    px_status rc = px_dedup_add(w->d, &x->prof.sig, &best, err);
    size_t *no = &w->pin_story[x->pin];
    if (rc == PX_OK) {
        rc = cluster_one(s, w, x, *no == SIZE_MAX ? PX_CLUSTER_NEW : *no, err);
    }
    if (rc == PX_OK) {
        *no = x->story;
    }
    return rc;
}

/* The Jaccard similarity of the sets of content-word stems of two
 * profiles (0 when either has fewer than PX_REWRITE_MIN_STEMS). */
static double
stem_jaccard(const px_profile *a, const px_profile *b)
{
    size_t na = 0;
    size_t nb = 0;
    size_t both = 0;
    size_t j = 0;
    for (size_t i = 0; i < a->n_feats; i++) {
        if (PX_FK_OF(a->feats[i].id) != PX_FK_STEM) {
            continue;
        }
        na++;
        while (j < b->n_feats && b->feats[j].id < a->feats[i].id) {
            j++;
        }
        both += j < b->n_feats && b->feats[j].id == a->feats[i].id;
    }
    for (size_t i = 0; i < b->n_feats; i++) {
        nb += PX_FK_OF(b->feats[i].id) == PX_FK_STEM;
    }
    if (na < PX_REWRITE_MIN_STEMS || nb < PX_REWRITE_MIN_STEMS) {
        return 0.0;
    }
    return (double)both / (double)(na + nb - both);
}

/* Joins article number k (just clustered) to the copy group of the most
 * similar earlier article of its story in its language whose content words
 * it mostly shares: a rewrite, which shingles miss. Looks back over at most
 * PX_REWRITE_MAX_STEPS articles, so the cost per article stays flat. */
static void
find_rewrite(px_storyset *s, walk *w, size_t k)
{
    px_story_art *x = &s->arts[w->idx[k]];
    double best = PX_REWRITE_THRESHOLD;
    size_t best_k = SIZE_MAX;
    size_t seen = 0;
    const size_t stop = k > PX_REWRITE_MAX_STEPS ? k - PX_REWRITE_MAX_STEPS : 0;
    for (size_t j = k; j-- > stop && seen < PX_REWRITE_MAX_TRIES;) {
        const px_story_art *y = &s->arts[w->idx[j]];
        if (y->story != x->story || strcmp(y->prof.lang, x->prof.lang) != 0) {
            continue;
        }
        seen++;
        const double jac = stem_jaccard(&x->prof, &y->prof);
        if (jac >= best) {
            best = jac;
            best_k = j;
        }
    }
    if (best_k != SIZE_MAX) {
        px_dedup_join(w->d, k, best_k);
        x->copy_of = w->idx[best_k];
    }
}

/* Places article number k (in time order): a copy of a live earlier one,
 * or clustered. */
static px_status
place(px_storyset *s, walk *w, size_t k, size_t *oldest, px_error *err)
{
    px_story_art *x = &s->arts[w->idx[k]];
    while (x->t != PX_TIME_NONE && w->window_s > 0 && *oldest < k &&
           s->arts[w->idx[*oldest]].t != PX_TIME_NONE &&
           x->t - s->arts[w->idx[*oldest]].t > w->window_s) {
        px_dedup_forget(w->d, (*oldest)++);
    }
    if (x->pin != SIZE_MAX) {
        return place_pinned(s, w, x, err);
    }
    size_t best = SIZE_MAX;
    px_status rc = px_dedup_add(w->d, &x->prof.sig, &best, err);
    if (rc == PX_OK && best != SIZE_MAX) {
        const px_story_art *orig = &s->arts[w->idx[best]];
        x->copy_of = w->idx[best];
        x->story = orig->story;
        x->story_sim = px_minhash_sim(&x->prof.sig, &orig->prof.sig);
    } else if (rc == PX_OK) {
        rc = cluster_one(s, w, x, PX_CLUSTER_ANY, err);
        if (rc == PX_OK) {
            find_rewrite(s, w, k);
        }
    }
    return rc;
}

static void
set_groups(px_storyset *s, walk *w)
{
    for (size_t k = 0; k < s->n_arts; k++) {
        px_story_art *x = &s->arts[w->idx[k]];
        x->copy_group = w->idx[px_dedup_group(w->d, k)];
        s->arts[x->copy_group].copy_rep = x->copy_group;
    }
    for (size_t k = 0; k < s->n_arts; k++) {
        const size_t i = w->idx[k];
        px_story_art *g = &s->arts[s->arts[i].copy_group];
        if (better_rep(&s->arts[i], &s->arts[g->copy_rep])) {
            g->copy_rep = i;
        }
    }
}

static bool
has_pins(const px_storyset *s)
{
    for (size_t i = 0; i < s->n_arts; i++) {
        if (s->arts[i].pin != SIZE_MAX) {
            return true;
        }
    }
    return false;
}

px_status
px_storyset_cluster(px_storyset *s, px_error *err)
{
    px_cluster_opts co;
    px_cluster_opts_default(&co);
    co.threshold = s->o.threshold;
    co.threshold_x = s->o.cross_threshold;
    co.local_kind = PX_FK_STEM;
    co.online_idf = false; /* the whole set's idf is known: use it */
    co.margin = PX_STORY_MARGIN;
    co.margin_floor = PX_STORY_MARGIN_FLOOR;
    size_t max_feats = 1;
    for (size_t i = 0; i < s->n_arts; i++) {
        max_feats = s->arts[i].prof.n_feats > max_feats
                        ? s->arts[i].prof.n_feats
                        : max_feats;
    }
    co.window_s =
        s->o.window_days > 0 ? (int64_t)(s->o.window_days * 86400.0) : 0;
    /* Pinned articles are walked a window early (walk_time); they do not
     * move the clusterer's clock (px_cluster_add_to). */
    const int64_t lead_s = has_pins(s) ? co.window_s : 0;
    walk w = {px_dedup_new(s->o.dup_threshold),
              px_cluster_new(&co),
              px_malloc((s->n_arts + 1) * sizeof(size_t)),
              px_malloc((s->n_arts + 1) * sizeof(size_t)),
              co.window_s,
              px_malloc(max_feats * sizeof(px_feat)),
              px_malloc((s->n_arts + 1) * sizeof(size_t))};
    px_status rc = px_story_build_df(s, err);
    if (w.d == NULL || w.c == NULL || w.idx == NULL || w.tmp == NULL ||
        w.v == NULL || w.pin_story == NULL) {
        rc = px_fail(err, PX_ENOMEM, "stories: out of memory");
        goto done;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        w.idx[i] = i;
        w.pin_story[i] = SIZE_MAX;
    }
    sort_idx(w.idx, w.tmp, s->n_arts, s->arts, lead_s);
    size_t oldest = 0;
    for (size_t k = 0; rc == PX_OK && k < s->n_arts; k++) {
        rc = place(s, &w, k, &oldest, err);
    }
    if (rc == PX_OK) {
        set_groups(s, &w);
        s->n_stories = px_cluster_n_stories(w.c);
        rc = px_story_merge(s, PX_STORY_MERGE_THRESHOLD, co.window_s, err);
    }
    if (rc == PX_OK) {
        s->is_clustered = true;
    }
done:
    px_dedup_free(w.d);
    px_cluster_free(w.c);
    free(w.idx);
    free(w.tmp);
    free(w.v);
    free(w.pin_story);
    return rc;
}

size_t
px_storyset_story_of(const px_storyset *s, size_t i)
{
    return i < s->n_arts ? s->arts[i].story : SIZE_MAX;
}

size_t
px_storyset_copy_of(const px_storyset *s, size_t i)
{
    return i < s->n_arts ? s->arts[i].copy_group : SIZE_MAX;
}

size_t
px_story_group_rep(const px_storyset *s, size_t g)
{
    return g < s->n_arts ? s->arts[g].copy_rep : g;
}
