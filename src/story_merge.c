/* story_merge.c - the second look at a clustered px_storyset (story.h):
 * stories whose centroids are close merge.
 *
 * The walk places each article once, in time order, so a story that
 * opened from an article that missed its story (a poor translation, a
 * language the lexicon barely covers) gathers later versions of that
 * story and stays apart. Over whole stories the evidence is stronger than
 * over one article: the centroid (the sum of the members' unit vectors
 * under the set's idf, copies left out, cut to its heaviest
 * MERGE_CENTROID features) of each story is compared with the others',
 * and the closest pair at or above PX_STORY_MERGE_THRESHOLD merges, again
 * and again. Stories that lie more than the window apart, and two stories
 * that both hold pinned articles (a store's stories, which keep their
 * ids), never merge. Stories are then numbered again in order of their
 * first number.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"

#define MERGE_CENTROID 512

typedef struct mstory {
    px_feat *c; /* sorted by id; NULL once merged into another */
    size_t n;
    double norm;
    double norm_x; /* over the features that are not stems */
    int64_t t_min; /* PX_TIME_NONE when undated */
    int64_t t_max;
    bool has_pin;
    size_t into; /* the story it merged into, or itself */
} mstory;

typedef struct trip {
    size_t story;
    px_feat f;
} trip;

static int
by_story_id(const void *a, const void *b)
{
    const trip *x = a;
    const trip *y = b;
    if (x->story != y->story) {
        return (x->story > y->story) - (x->story < y->story);
    }
    return (x->f.id > y->f.id) - (x->f.id < y->f.id);
}

static int
by_weight_desc(const void *a, const void *b)
{
    const float x = ((const px_feat *)a)->weight;
    const float y = ((const px_feat *)b)->weight;
    return (x < y) - (x > y);
}

static int
by_feat_id(const void *a, const void *b)
{
    const uint64_t x = ((const px_feat *)a)->id;
    const uint64_t y = ((const px_feat *)b)->id;
    return (x > y) - (x < y);
}

/* Keeps the MERGE_CENTROID heaviest features of m (sorted by id after)
 * and sets its norm. */
static void
cut(mstory *m)
{
    if (m->n > MERGE_CENTROID) {
        qsort(m->c, m->n, sizeof *m->c, by_weight_desc);
        m->n = MERGE_CENTROID;
        qsort(m->c, m->n, sizeof *m->c, by_feat_id);
    }
    double norm = 0.0;
    double norm_x = 0.0;
    for (size_t i = 0; i < m->n; i++) {
        const double w2 = (double)m->c[i].weight * m->c[i].weight;
        norm += w2;
        norm_x += PX_FK_OF(m->c[i].id) != PX_FK_STEM ? w2 : 0.0;
    }
    m->norm = sqrt(norm);
    m->norm_x = sqrt(norm_x);
}

/* The members' unit vectors as (story, feature) entries, sorted; copies
 * left out. NULL on no memory. */
static trip *
member_feats(const px_storyset *s, size_t *n_out)
{
    size_t total = 0;
    for (size_t i = 0; i < s->n_arts; i++) {
        total += s->arts[i].prof.n_feats;
    }
    trip *t = px_malloc((total + 1) * sizeof *t);
    if (t == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < s->n_arts; i++) {
        const px_story_art *x = &s->arts[i];
        if (x->copy_of != SIZE_MAX || x->norm <= 0) {
            continue;
        }
        for (size_t j = 0; j < x->prof.n_feats; j++) {
            const px_feat *f = &x->prof.feats[j];
            const double w = f->weight * px_story_idf(s, f->id) / x->norm;
            t[n++] = (trip){x->story, {f->id, (float)w}};
        }
    }
    qsort(t, n, sizeof *t, by_story_id);
    *n_out = n;
    return t;
}

/* The centroids of the n_st stories into m (zeroed). False: no memory. */
static bool
centroids(const px_storyset *s, mstory *m, size_t n_st)
{
    size_t n = 0;
    trip *t = member_feats(s, &n);
    if (t == NULL) {
        return false;
    }
    bool ok = true;
    size_t i = 0;
    while (ok && i < n) {
        size_t e = i;
        while (e < n && t[e].story == t[i].story) {
            e++;
        }
        if (t[i].story >= n_st) { /* not a story: cannot happen */
            i = e;
            continue;
        }
        mstory *x = &m[t[i].story];
        x->c = px_malloc((e - i) * sizeof *x->c);
        ok = x->c != NULL;
        for (size_t k = i; ok && k < e; k++) {
            if (x->n > 0 && x->c[x->n - 1].id == t[k].f.id) {
                x->c[x->n - 1].weight += t[k].f.weight;
            } else {
                x->c[x->n++] = t[k].f;
            }
        }
        if (ok) {
            cut(x);
        }
        i = e;
    }
    free(t);
    return ok;
}

/* Time spans and pins of the stories. */
static void
spans(const px_storyset *s, mstory *m, size_t n_st)
{
    for (size_t k = 0; k < n_st; k++) {
        m[k].t_min = PX_TIME_NONE;
        m[k].t_max = PX_TIME_NONE;
        m[k].into = k;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        mstory *x = &m[s->arts[i].story];
        const int64_t t = s->arts[i].t;
        x->has_pin = x->has_pin || s->arts[i].pin != SIZE_MAX;
        if (t == PX_TIME_NONE) {
            continue;
        }
        if (x->t_min == PX_TIME_NONE || t < x->t_min) {
            x->t_min = t;
        }
        if (x->t_max == PX_TIME_NONE || t > x->t_max) {
            x->t_max = t;
        }
    }
}

/* The larger of the cosine of a and b and their cosine over the features
 * that are not stems (stories told in different languages share no
 * stems). */
static double
cosine(const mstory *a, const mstory *b)
{
    double dot = 0.0;
    double dot_x = 0.0;
    size_t i = 0;
    size_t j = 0;
    while (i < a->n && j < b->n) {
        if (a->c[i].id < b->c[j].id) {
            i++;
        } else if (a->c[i].id > b->c[j].id) {
            j++;
        } else {
            const double p = (double)a->c[i].weight * b->c[j].weight;
            dot += p;
            dot_x += PX_FK_OF(a->c[i].id) != PX_FK_STEM ? p : 0.0;
            i++;
            j++;
        }
    }
    const double c =
        a->norm > 0 && b->norm > 0 ? dot / (a->norm * b->norm) : 0.0;
    const double nx = a->norm_x * b->norm_x;
    const double cx = nx > 0 ? dot_x / nx : 0.0;
    return cx > c ? cx : c;
}

/* Whether stories a and b may merge: both live, not both pinned, within
 * the window of each other. */
static bool
mergeable(const mstory *a, const mstory *b, int64_t window_s)
{
    if (a->c == NULL || b->c == NULL || (a->has_pin && b->has_pin)) {
        return false;
    }
    if (window_s <= 0 || a->t_min == PX_TIME_NONE || b->t_min == PX_TIME_NONE) {
        return true;
    }
    return a->t_min - b->t_max <= window_s && b->t_min - a->t_max <= window_s;
}

/* The story a merged into, at the end of the chain. */
static size_t
root(mstory *m, size_t a)
{
    while (m[a].into != a) {
        m[a].into = m[m[a].into].into;
        a = m[a].into;
    }
    return a;
}

/* Merges story b into a: centroids summed and cut, spans joined. */
static bool
join(mstory *a, mstory *b, size_t a_no)
{
    px_feat *c = px_malloc((a->n + b->n + 1) * sizeof *c);
    if (c == NULL) {
        return false;
    }
    size_t i = 0;
    size_t j = 0;
    size_t k = 0;
    while (i < a->n || j < b->n) {
        if (j == b->n || (i < a->n && a->c[i].id < b->c[j].id)) {
            c[k++] = a->c[i++];
        } else if (i == a->n || b->c[j].id < a->c[i].id) {
            c[k++] = b->c[j++];
        } else {
            c[k++] = (px_feat){a->c[i].id, a->c[i].weight + b->c[j].weight};
            i++;
            j++;
        }
    }
    free(a->c);
    free(b->c);
    b->c = NULL;
    b->n = 0;
    b->into = a_no;
    a->c = c;
    a->n = k;
    cut(a);
    a->has_pin = a->has_pin || b->has_pin;
    if (b->t_min != PX_TIME_NONE) {
        a->t_min = a->t_min == PX_TIME_NONE || b->t_min < a->t_min ? b->t_min
                                                                   : a->t_min;
        a->t_max = a->t_max == PX_TIME_NONE || b->t_max > a->t_max ? b->t_max
                                                                   : a->t_max;
    }
    return true;
}

typedef struct cand {
    size_t a; /* a < b */
    size_t b;
    double cos;
} cand;

static int
by_cos_desc(const void *x, const void *y)
{
    const double a = ((const cand *)x)->cos;
    const double b = ((const cand *)y)->cos;
    if (a != b) {
        return (a < b) - (a > b);
    }
    const size_t i = ((const cand *)x)->a;
    const size_t j = ((const cand *)y)->a;
    return (i > j) - (i < j);
}

/* Stories are compared when they share one of their MERGE_KEYS heaviest
 * features, unless more than MERGE_MAX_SHARE stories share it. */
#define MERGE_KEYS      8
#define MERGE_MAX_SHARE 32

static int
by_cand(const void *x, const void *y)
{
    const cand *a = x;
    const cand *b = y;
    if (a->a != b->a) {
        return (a->a > b->a) - (a->a < b->a);
    }
    return (a->b > b->b) - (a->b < b->b);
}

static int
by_key(const void *x, const void *y)
{
    const trip *a = x;
    const trip *b = y;
    if (a->f.id != b->f.id) {
        return (a->f.id > b->f.id) - (a->f.id < b->f.id);
    }
    return (a->story > b->story) - (a->story < b->story);
}

/* (story, feature) for the heaviest features of each story, sorted by
 * feature. NULL on no memory. buf: room for MERGE_CENTROID. */
static trip *
story_keys(const mstory *m, size_t n_st, px_feat *buf, size_t *n_out)
{
    trip *k = px_malloc((n_st * MERGE_KEYS + 1) * sizeof *k);
    size_t n = 0;
    for (size_t s = 0; k != NULL && s < n_st; s++) {
        if (m[s].c == NULL) {
            continue;
        }
        memcpy(buf, m[s].c, m[s].n * sizeof *buf);
        qsort(buf, m[s].n, sizeof *buf, by_weight_desc);
        for (size_t i = 0; i < m[s].n && i < MERGE_KEYS; i++) {
            k[n++] = (trip){s, buf[i]};
        }
    }
    if (k != NULL) {
        qsort(k, n, sizeof *k, by_key);
    }
    *n_out = n;
    return k;
}

/* The pairs of stories that share a key, once each, with their cosine
 * when they may merge and it reaches thr, best first. NULL on no
 * memory. */
static cand *
candidates(const mstory *m, const trip *k, size_t n_k, int64_t window_s,
           double thr, size_t *n_out)
{
    size_t cap = 1024;
    size_t n = 0;
    cand *c = px_malloc(cap * sizeof *c);
    size_t i = 0;
    while (c != NULL && i < n_k) {
        size_t e = i;
        while (e < n_k && k[e].f.id == k[i].f.id) {
            e++;
        }
        for (size_t x = i; e - i <= MERGE_MAX_SHARE && x < e; x++) {
            for (size_t y = x + 1; c != NULL && y < e; y++) {
                if (n == cap) {
                    cap *= 2;
                    cand *g = px_realloc(c, cap * sizeof *c);
                    if (g == NULL) {
                        free(c);
                    }
                    c = g;
                }
                if (c != NULL) {
                    c[n++] = (cand){k[x].story, k[y].story, 0.0};
                }
            }
        }
        i = e;
    }
    if (c == NULL) {
        return NULL;
    }
    qsort(c, n, sizeof *c, by_cand);
    size_t u = 0;
    for (size_t j = 0; j < n; j++) {
        if (u > 0 && c[u - 1].a == c[j].a && c[u - 1].b == c[j].b) {
            continue;
        }
        if (!mergeable(&m[c[j].a], &m[c[j].b], window_s)) {
            continue;
        }
        const double cos = cosine(&m[c[j].a], &m[c[j].b]);
        if (cos >= thr) {
            c[u++] = (cand){c[j].a, c[j].b, cos};
        }
    }
    qsort(c, u, sizeof *c, by_cos_desc);
    *n_out = u;
    return c;
}

/* Merges the candidate pairs, best first; a pair whose stories merged
 * with others meanwhile is compared again as they are now. */
static bool
merge_all(mstory *m, const cand *c, size_t n, int64_t window_s, double thr)
{
    for (size_t i = 0; i < n; i++) {
        size_t a = root(m, c[i].a);
        size_t b = root(m, c[i].b);
        if (a == b) {
            continue;
        }
        if (a > b) {
            const size_t t = a;
            a = b;
            b = t;
        }
        const bool fresh = a == c[i].a && b == c[i].b;
        if (!mergeable(&m[a], &m[b], window_s) ||
            (!fresh && cosine(&m[a], &m[b]) < thr)) {
            continue;
        }
        if (!join(&m[a], &m[b], a)) {
            return false;
        }
    }
    return true;
}

/* Numbers the stories left 0, 1, 2... in order of their old numbers. */
static void
renumber(px_storyset *s, mstory *m, size_t n_st)
{
    size_t *no = px_malloc((n_st + 1) * sizeof *no);
    if (no == NULL) {
        return; /* merged stories keep their numbers */
    }
    size_t next = 0;
    for (size_t k = 0; k < n_st; k++) {
        no[k] = root(m, k) == k ? next++ : SIZE_MAX;
    }
    for (size_t i = 0; i < s->n_arts; i++) {
        s->arts[i].story = no[root(m, s->arts[i].story)];
    }
    s->n_stories = next;
    free(no);
}

px_status
px_story_merge(px_storyset *s, double thr, int64_t window_s, px_error *err)
{
    const size_t n_st = s->n_stories;
    mstory *m = px_calloc(n_st + 1, sizeof *m);
    px_feat *buf = px_malloc(MERGE_CENTROID * sizeof *buf);
    trip *k = NULL;
    cand *c = NULL;
    size_t n_k = 0;
    size_t n_c = 0;
    px_status rc = PX_ENOMEM;
    if (m == NULL || buf == NULL || !centroids(s, m, n_st)) {
        goto done;
    }
    spans(s, m, n_st);
    k = story_keys(m, n_st, buf, &n_k);
    c = k != NULL ? candidates(m, k, n_k, window_s, thr, &n_c) : NULL;
    if (c != NULL && merge_all(m, c, n_c, window_s, thr)) {
        renumber(s, m, n_st);
        rc = PX_OK;
    }
done:
    for (size_t i = 0; m != NULL && i < n_st; i++) {
        free(m[i].c);
    }
    free(m);
    free(buf);
    free(k);
    free(c);
    return rc == PX_OK ? rc : px_fail(err, PX_ENOMEM, "stories: out of memory");
}
