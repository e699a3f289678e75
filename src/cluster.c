/* cluster.c - online story clustering (cluster.h).
 *
 * Three structures: a document-frequency table (feature -> articles seen
 * with it), the stories (centroid as an array sorted by feature id), and
 * the inverted index (feature -> story numbers whose centroid holds it).
 * Posting lists are cleaned lazily: a story that closed or dropped the
 * feature from its centroid is skipped and removed when met.
 *
 * Memory follows the window: stories live in slots, and a closed story's
 * slot (its centroid freed at once) is reused after the next compaction of
 * the index, which drops every stale posting and every emptied list, so no
 * posting ever names a reused slot. Compaction runs when the postings
 * outnumber twice the live centroids' features, or the closed slots the
 * live ones. Story numbers (the callers') are kept in the slot. The
 * document frequencies (online idf only) are halved once per window and
 * the features that fall to zero dropped, so the table holds the
 * vocabulary of the last windows, not of the corpus.
 */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* An open-addressing map from 64-bit feature id to a 32-bit slot value. */
typedef struct u64map {
    uint64_t *keys; /* 0 = free (feature id 0 is remapped to 1) */
    uint32_t *vals;
    size_t cap; /* power of two */
    size_t n;
} u64map;

typedef struct postings {
    uint64_t id;   /* the feature */
    uint32_t *ids; /* story slots */
    uint32_t n;
    uint32_t cap;
} postings;

typedef struct story {
    px_feat *c; /* centroid, sorted by id */
    size_t n;
    double norm;
    double norm_x; /* over the features that are not local_kind */
    int64_t t_last;
    size_t n_docs;
    size_t no; /* story number */
    bool is_live;
} story;

struct px_clusterer {
    px_cluster_opts o;
    u64map df;      /* feature -> document frequency */
    u64map post_ix; /* feature -> index into post */
    postings *post;
    size_t n_post;
    size_t cap_post;
    size_t n_entries; /* postings in all lists */
    story *st;        /* slots */
    size_t n_slots;   /* slots ever used */
    size_t cap_st;
    size_t n_st; /* stories opened */
    size_t n_live;
    size_t live_feats; /* features of the live centroids */
    size_t n_docs;     /* articles in the df table (halved with it) */
    int64_t t_max;
    int64_t t_swept;   /* t_max at the last expiry sweep */
    int64_t t_df;      /* t_max at the last halving of df */
    uint32_t *live;    /* slots of the live stories */
    uint32_t *free_sl; /* slots free for new stories */
    size_t n_free;
    uint32_t *closed; /* slots closed since the last compaction */
    size_t n_closed;
    float *score;      /* per slot: partial score of the current query */
    uint32_t *touched; /* slots with a score */
    float *w;          /* scratch for selections: cap_scratch entries */
    bool *keep;
    px_feat *vtab; /* the current article's features, hashed */
    size_t cap_scratch;
    size_t vmask;
    const px_feat *vzero; /* its feature 0, if any */
    double vnorm_x;
};

void
px_cluster_opts_default(px_cluster_opts *o)
{
    o->threshold = 0.30;
    o->window_s = (int64_t)3 * 86400;
    o->half_life_s = 86400.0;
    o->max_query = 48;
    o->max_candidates = 64;
    o->online_idf = true;
    o->local_kind = 0;
    o->threshold_x = 0.0;
    o->margin = 0.0;
    o->margin_floor = 1.0;
}

static uint64_t
map_key(uint64_t id)
{
    return id == 0 ? 1 : id;
}

static size_t
map_slot(const u64map *m, uint64_t key)
{
    uint64_t h = key * 0x9e3779b97f4a7c15ULL;
    size_t i = (size_t)(h >> 20) & (m->cap - 1);
    while (m->keys[i] != 0 && m->keys[i] != key) {
        i = (i + 1) & (m->cap - 1);
    }
    return i;
}

static bool
map_grow(u64map *m)
{
    const size_t cap = m->cap ? m->cap * 2 : 1024;
    u64map g = {px_calloc(cap, sizeof(uint64_t)),
                px_calloc(cap, sizeof(uint32_t)), cap, m->n};
    if (g.keys == NULL || g.vals == NULL) {
        free(g.keys);
        free(g.vals);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] != 0) {
            const size_t j = map_slot(&g, m->keys[i]);
            g.keys[j] = m->keys[i];
            g.vals[j] = m->vals[i];
        }
    }
    free(m->keys);
    free(m->vals);
    *m = g;
    return true;
}

/* The value slot of id, inserted with 0 when absent; NULL on no memory. */
static uint32_t *
map_put(u64map *m, uint64_t id)
{
    if ((m->n + 1) * 2 > m->cap && !map_grow(m)) {
        return NULL;
    }
    const uint64_t key = map_key(id);
    const size_t i = map_slot(m, key);
    if (m->keys[i] == 0) {
        m->keys[i] = key;
        m->vals[i] = 0;
        m->n++;
    }
    return &m->vals[i];
}

static uint32_t
map_get(const u64map *m, uint64_t id)
{
    if (m->cap == 0) {
        return 0;
    }
    const size_t i = map_slot(m, map_key(id));
    return m->keys[i] != 0 ? m->vals[i] : 0;
}

px_clusterer *
px_cluster_new(const px_cluster_opts *o)
{
    px_clusterer *c = px_calloc(1, sizeof *c);
    if (c == NULL) {
        return NULL;
    }
    if (o != NULL) {
        c->o = *o;
    } else {
        px_cluster_opts_default(&c->o);
    }
    c->t_max = PX_TIME_NONE;
    c->t_swept = PX_TIME_NONE;
    c->t_df = PX_TIME_NONE;
    return c;
}

void
px_cluster_free(px_clusterer *c)
{
    if (c == NULL) {
        return;
    }
    for (size_t i = 0; i < c->n_slots; i++) {
        free(c->st[i].c);
    }
    for (size_t i = 0; i < c->n_post; i++) {
        free(c->post[i].ids);
    }
    free(c->st);
    free(c->post);
    free(c->df.keys);
    free(c->df.vals);
    free(c->post_ix.keys);
    free(c->post_ix.vals);
    free(c->score);
    free(c->touched);
    free(c->live);
    free(c->free_sl);
    free(c->closed);
    free(c->w);
    free(c->keep);
    free(c->vtab);
    free(c);
}

size_t
px_cluster_n_stories(const px_clusterer *c)
{
    return c->n_st;
}

size_t
px_cluster_n_live(const px_clusterer *c)
{
    return c->n_live;
}

static int
by_id(const void *a, const void *b)
{
    const uint64_t x = ((const px_feat *)a)->id;
    const uint64_t y = ((const px_feat *)b)->id;
    return (x > y) - (x < y);
}

static int
by_weight_desc(const void *a, const void *b)
{
    const float x = ((const px_feat *)a)->weight;
    const float y = ((const px_feat *)b)->weight;
    return (x < y) - (x > y);
}

/* The k-th largest weight of a (1 <= k <= n), by quickselect with a
 * three-way partition on w (room for n floats). */
static float
kth_weight(const px_feat *a, size_t n, size_t k, float *w)
{
    for (size_t i = 0; i < n; i++) {
        w[i] = a[i].weight;
    }
    size_t lo = 0;
    size_t hi = n - 1;
    const size_t want = k - 1; /* index in descending order */
    while (lo < hi) {
        const float pivot = w[lo + (hi - lo) / 2];
        size_t lt = lo; /* w[lo, lt) > pivot, w[lt, i) == pivot */
        size_t i = lo;
        size_t gt = hi + 1; /* w[gt, hi] < pivot */
        while (i < gt) {
            const float x = w[i];
            if (x > pivot) {
                w[i++] = w[lt];
                w[lt++] = x;
            } else if (x < pivot) {
                w[i] = w[--gt];
                w[gt] = x;
            } else {
                i++;
            }
        }
        if (want < lt) {
            hi = lt - 1;
        } else if (want >= gt) {
            lo = gt;
        } else {
            return pivot;
        }
    }
    return w[lo];
}

/* Marks (in keep, n flags) the k entries of a a stable sort by weight,
 * heaviest first, would put first: all above the k-th weight, then the
 * earliest of those equal to it. Returns how many were marked. */
static size_t
mark_top(const px_feat *a, size_t n, size_t k, float *w, bool *keep)
{
    if (n <= k) {
        for (size_t i = 0; i < n; i++) {
            keep[i] = true;
        }
        return n;
    }
    const float kth = kth_weight(a, n, k, w);
    size_t above = 0;
    for (size_t i = 0; i < n; i++) {
        above += a[i].weight > kth;
    }
    size_t eq_left = k - above;
    for (size_t i = 0; i < n; i++) {
        keep[i] = a[i].weight > kth || (a[i].weight == kth && eq_left > 0);
        eq_left -= a[i].weight == kth && keep[i];
    }
    return k;
}

/* Puts into a[0..min(n, k)) what a stable sort of a by weight, heaviest
 * first, puts there (the rest of a is left unordered); w and keep are
 * scratch for n entries. */
static void
top_by_weight(px_feat *a, size_t n, size_t k, float *w, bool *keep)
{
    const size_t m = mark_top(a, n, k, w, keep);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (keep[i]) {
            a[j++] = a[i]; /* overwrites only entries not kept */
        }
    }
    if (m > 1) {
        qsort(a, m, sizeof *a, by_weight_desc);
    }
}

static bool
is_sorted_by_id(const px_feat *f, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (f[i - 1].id > f[i].id) {
            return false;
        }
    }
    return true;
}

/* The article as a unit vector sorted by id: duplicates summed, each
 * weight times the feature's idf (which counts this article too). */
static px_status
make_vector(px_clusterer *c, const px_feat *f, size_t n, px_feat **out,
            size_t *n_out, px_error *err)
{
    px_feat *v = px_malloc((n ? n : 1) * sizeof *v);
    if (v == NULL) {
        return px_fail(err, PX_ENOMEM, "cluster: out of memory");
    }
    if (n > 0) {
        memcpy(v, f, n * sizeof *v);
    }
    if (!is_sorted_by_id(v, n)) {
        qsort(v, n, sizeof *v, by_id);
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m > 0 && v[m - 1].id == v[i].id) {
            v[m - 1].weight += v[i].weight;
        } else {
            v[m++] = v[i];
        }
    }
    c->n_docs++;
    double norm = 0.0;
    for (size_t i = 0; i < m; i++) {
        if (c->o.online_idf) {
            uint32_t *df = map_put(&c->df, v[i].id);
            if (df == NULL) {
                free(v);
                return px_fail(err, PX_ENOMEM, "cluster: out of memory");
            }
            (*df)++;
            const double idf = log(1.0 + (double)c->n_docs / (double)*df);
            v[i].weight = (float)(v[i].weight * idf);
        }
        norm += (double)v[i].weight * v[i].weight;
    }
    norm = sqrt(norm);
    for (size_t i = 0; i < m && norm > 0; i++) {
        v[i].weight = (float)(v[i].weight / norm);
    }
    *out = v;
    *n_out = m;
    return PX_OK;
}

static bool
is_local(const px_clusterer *c, uint64_t id)
{
    return c->o.local_kind != 0 && (unsigned)(id >> 56) == c->o.local_kind;
}

static size_t
vtab_slot(uint64_t id, size_t mask)
{
    return (size_t)((id * 0x9e3779b97f4a7c15ULL) >> 32) & mask;
}

/* Indexes the article v for fit(): a hash table of its ids and weights
 * (room for c->cap_scratch entries, a power of two at least 2n; id 0,
 * which marks a free entry, is kept aside), and its norm over the
 * shared-space features. */
static void
vtab_build(px_clusterer *c, const px_feat *v, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n) {
        cap *= 2;
    }
    memset(c->vtab, 0, cap * sizeof *c->vtab);
    c->vmask = cap - 1;
    c->vzero = NULL;
    double na2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].id == 0) {
            c->vzero = &v[i];
        } else {
            size_t j = vtab_slot(v[i].id, c->vmask);
            while (c->vtab[j].id != 0) {
                j = (j + 1) & c->vmask;
            }
            c->vtab[j] = v[i];
        }
        if (!is_local(c, v[i].id)) {
            na2 += (double)v[i].weight * v[i].weight;
        }
    }
    c->vnorm_x = sqrt(na2);
}

/* The entry of id in the indexed article, or NULL. */
static const px_feat *
vtab_get(const px_clusterer *c, uint64_t id)
{
    if (id == 0) {
        return c->vzero;
    }
    for (size_t j = vtab_slot(id, c->vmask); c->vtab[j].id != 0;
         j = (j + 1) & c->vmask) {
        if (c->vtab[j].id == id) {
            return &c->vtab[j];
        }
    }
    return NULL;
}

/* How well the indexed article fits s: the larger of its cosine over all
 * features divided by the threshold and its cosine over the shared-space
 * features divided by threshold_x; 1 or more joins. One pass over the
 * centroid, in id order (so the sums are those of a merge). */
static double
fit(const px_clusterer *c, const story *s, double *cos_out)
{
    double d = 0.0;
    double dx = 0.0;
    for (size_t i = 0; i < s->n; i++) {
        const px_feat *a = vtab_get(c, s->c[i].id);
        if (a != NULL) {
            const double p = (double)a->weight * s->c[i].weight;
            d += p;
            dx += is_local(c, a->id) ? 0.0 : p;
        }
    }
    const double cos = s->norm > 0 ? d / s->norm : 0.0;
    double f = c->o.threshold > 0 ? cos / c->o.threshold : 0.0;
    if (c->o.local_kind != 0 && c->o.threshold_x > 0 && s->norm_x > 0) {
        const double nv = c->vnorm_x;
        const double cx = nv > 0 ? dx / (nv * s->norm_x) : 0.0;
        if (cx / c->o.threshold_x > f) {
            f = cx / c->o.threshold_x;
        }
    }
    *cos_out = cos;
    return f;
}

/* Closes the stories whose last article is older than the window. Runs
 * when the newest time moved by an eighth of the window, over the live
 * stories only. */
static void
expire(px_clusterer *c, int64_t t)
{
    if (t == PX_TIME_NONE || c->o.window_s <= 0) {
        return;
    }
    if (c->t_max == PX_TIME_NONE || t > c->t_max) {
        c->t_max = t;
    }
    if (c->t_swept != PX_TIME_NONE &&
        c->t_max - c->t_swept < c->o.window_s / 8) {
        return;
    }
    c->t_swept = c->t_max;
    size_t k = 0;
    for (size_t i = 0; i < c->n_live; i++) {
        story *s = &c->st[c->live[i]];
        if (s->t_last != PX_TIME_NONE && c->t_max - s->t_last > c->o.window_s) {
            s->is_live = false;
            free(s->c);
            s->c = NULL;
            c->live_feats -= s->n;
            s->n = 0;
            c->closed[c->n_closed++] = c->live[i];
        } else {
            c->live[k++] = c->live[i];
        }
    }
    c->n_live = k;
}

/* The posting list of feature id, created when absent; NULL: no memory. */
static postings *
posting_for(px_clusterer *c, uint64_t id)
{
    uint32_t *ix = map_put(&c->post_ix, id);
    if (ix == NULL) {
        return NULL;
    }
    if (*ix == 0) {
        if (c->n_post == c->cap_post) {
            const size_t cap = c->cap_post ? c->cap_post * 2 : 1024;
            postings *p = px_realloc(c->post, cap * sizeof *p);
            if (p == NULL) {
                return NULL;
            }
            c->post = p;
            c->cap_post = cap;
        }
        c->post[c->n_post] = (postings){id, NULL, 0, 0};
        *ix = (uint32_t)++c->n_post; /* 1-based: 0 means absent */
    }
    return &c->post[*ix - 1];
}

static bool
posting_add(px_clusterer *c, postings *p, uint32_t slot)
{
    if (p->n > 0 && p->ids[p->n - 1] == slot) {
        return true;
    }
    if (p->n == p->cap) {
        const uint32_t cap = p->cap ? p->cap * 2 : 4;
        uint32_t *ids = px_realloc(p->ids, cap * sizeof *ids);
        if (ids == NULL) {
            return false;
        }
        p->ids = ids;
        p->cap = cap;
    }
    p->ids[p->n++] = slot;
    c->n_entries++;
    return true;
}

static bool
has_feature(const story *s, uint64_t id)
{
    size_t lo = 0;
    size_t hi = s->n;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (s->c[mid].id < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < s->n && s->c[lo].id == id;
}

/* Accumulates partial scores of the stories sharing the query features;
 * drops stale postings on the way. Returns how many stories were touched. */
static size_t
gather(px_clusterer *c, const px_feat *q, size_t nq)
{
    size_t n_touched = 0;
    const size_t max_post = c->n_live / 4 + 16;
    for (size_t i = 0; i < nq; i++) {
        const uint32_t ix = map_get(&c->post_ix, q[i].id);
        if (ix == 0) {
            continue;
        }
        postings *p = &c->post[ix - 1];
        uint32_t k = 0;
        for (uint32_t j = 0; j < p->n; j++) {
            const story *s = &c->st[p->ids[j]];
            if (!s->is_live || !has_feature(s, q[i].id)) {
                continue;
            }
            p->ids[k++] = p->ids[j];
            if (p->n > max_post) {
                continue; /* a feature most stories share tells nothing */
            }
            if (c->score[p->ids[j]] == 0.0f) {
                c->touched[n_touched++] = p->ids[j];
            }
            c->score[p->ids[j]] += q[i].weight;
        }
        c->n_entries -= p->n - k;
        p->n = k;
    }
    return n_touched;
}

/* Keeps the postings of p that name a live story holding p's feature,
 * once each (the score array marks the slots seen). */
static void
filter_list(px_clusterer *c, postings *p)
{
    uint32_t k = 0;
    for (uint32_t j = 0; j < p->n; j++) {
        const story *s = &c->st[p->ids[j]];
        if (s->is_live && c->score[p->ids[j]] == 0.0f &&
            has_feature(s, p->id)) {
            c->score[p->ids[j]] = 1.0f;
            p->ids[k++] = p->ids[j];
        }
    }
    for (uint32_t j = 0; j < k; j++) {
        c->score[p->ids[j]] = 0.0f;
    }
    c->n_entries -= p->n - k;
    p->n = k;
    if (k == 0) {
        free(p->ids);
        *p = (postings){p->id, NULL, 0, 0};
    } else if (p->cap > 4 * k + 4) {
        uint32_t *ids = px_realloc(p->ids, (size_t)(2 * k) * sizeof *ids);
        if (ids != NULL) { /* else keep the larger block */
            p->ids = ids;
            p->cap = 2 * k;
        }
    }
}

/* Drops every stale posting and emptied list, rebuilds the feature map
 * over the lists left, and frees the closed slots for reuse (no posting
 * names them any more). */
static px_status
compact(px_clusterer *c, px_error *err)
{
    size_t n_left = 0;
    for (size_t i = 0; i < c->n_post; i++) {
        filter_list(c, &c->post[i]);
        n_left += c->post[i].n > 0;
    }
    size_t cap = 1024;
    while (cap < 2 * (n_left + 1)) {
        cap *= 2;
    }
    u64map ix = {px_calloc(cap, sizeof(uint64_t)),
                 px_calloc(cap, sizeof(uint32_t)), cap, 0};
    if (ix.keys == NULL || ix.vals == NULL) {
        free(ix.keys);
        free(ix.vals);
        return px_fail(err, PX_ENOMEM, "cluster: out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < c->n_post; i++) {
        if (c->post[i].n > 0) {
            c->post[k++] = c->post[i];
            *map_put(&ix, c->post[i].id) = (uint32_t)k; /* presized */
        }
    }
    free(c->post_ix.keys);
    free(c->post_ix.vals);
    c->post_ix = ix;
    c->n_post = k;
    if (c->cap_post > 4 * k + 1024) {
        postings *p = px_realloc(c->post, (2 * k + 1024) * sizeof *p);
        if (p != NULL) {
            c->post = p;
            c->cap_post = 2 * k + 1024;
        }
    }
    for (size_t i = 0; i < c->n_closed; i++) {
        c->free_sl[c->n_free++] = c->closed[i];
    }
    c->n_closed = 0;
    return PX_OK;
}

/* Halves every document frequency once per window (online idf only),
 * dropping the features that fall to zero. */
static px_status
df_decay(px_clusterer *c, px_error *err)
{
    if (!c->o.online_idf || c->o.window_s <= 0 || c->t_max == PX_TIME_NONE) {
        return PX_OK;
    }
    if (c->t_df == PX_TIME_NONE) {
        c->t_df = c->t_max;
    }
    if (c->t_max - c->t_df < c->o.window_s) {
        return PX_OK;
    }
    c->t_df = c->t_max;
    size_t n_left = 0;
    for (size_t i = 0; i < c->df.cap; i++) {
        n_left += c->df.keys[i] != 0 && c->df.vals[i] > 1;
    }
    size_t cap = 1024;
    while (cap < 2 * (n_left + 1)) {
        cap *= 2;
    }
    u64map g = {px_calloc(cap, sizeof(uint64_t)),
                px_calloc(cap, sizeof(uint32_t)), cap, 0};
    if (g.keys == NULL || g.vals == NULL) {
        free(g.keys);
        free(g.vals);
        return px_fail(err, PX_ENOMEM, "cluster: out of memory");
    }
    for (size_t i = 0; i < c->df.cap; i++) {
        if (c->df.keys[i] != 0 && c->df.vals[i] > 1) {
            const size_t j = map_slot(&g, c->df.keys[i]);
            g.keys[j] = c->df.keys[i];
            g.vals[j] = c->df.vals[i] / 2;
            g.n++;
        }
    }
    free(c->df.keys);
    free(c->df.vals);
    c->df = g;
    c->n_docs = (c->n_docs + 1) / 2;
    return PX_OK;
}

/* Compacts the index when stale postings or closed slots pile up. */
static px_status
tidy(px_clusterer *c, px_error *err)
{
    px_status rc = df_decay(c, err);
    if (rc == PX_OK && (c->n_entries > 2 * c->live_feats + 4096 ||
                        c->n_closed > c->n_live + 64)) {
        rc = compact(c, err);
    }
    return rc;
}

/* The live story (slot) with the best cosine with v among the candidates
 * the index gives, or SIZE_MAX; *best_sim its cosine. */
static size_t
best_story(px_clusterer *c, const px_feat *v, size_t n, px_feat *query,
           double *best_sim, double *best_fit_out)
{
    if (n > 0 && v != NULL) {
        memcpy(query, v, n * sizeof *v);
    }
    top_by_weight(query, n, c->o.max_query, c->w, c->keep);
    const size_t nq = n < c->o.max_query ? n : c->o.max_query;
    const size_t n_touched = gather(c, query, nq);
    /* reuse query as the candidate list: (slot, partial score) */
    for (size_t i = 0; i < n_touched; i++) {
        query[i] = (px_feat){c->touched[i], c->score[c->touched[i]]};
        c->score[c->touched[i]] = 0.0f;
    }
    top_by_weight(query, n_touched, c->o.max_candidates, c->w, c->keep);
    vtab_build(c, v, n);
    const size_t n_cand =
        n_touched < c->o.max_candidates ? n_touched : c->o.max_candidates;
    size_t best = SIZE_MAX;
    double best_fit = 0.0;
    double second_fit = 0.0;
    *best_sim = 0.0;
    for (size_t i = 0; i < n_cand; i++) {
        const story *s = &c->st[query[i].id];
        double cos = 0.0;
        const double f = fit(c, s, &cos);
        if (f > best_fit) {
            second_fit = best_fit;
            best_fit = f;
            *best_sim = cos;
            best = (size_t)query[i].id;
        } else if (f > second_fit) {
            second_fit = f;
        }
    }
    /* a clear winner may join below the threshold (see px_cluster_opts) */
    if (c->o.margin > 0 && best_fit >= c->o.margin_floor &&
        best_fit >= c->o.margin * second_fit && best_fit < 1.0) {
        best_fit = 1.0;
    }
    *best_fit_out = best_fit;
    return best;
}

/* Keeps the PX_CLUSTER_CENTROID heaviest features of s (sorted by id;
 * among equal weights the smaller ids, as a stable sort would). */
static void
prune(px_clusterer *c, story *s)
{
    if (s->n <= PX_CLUSTER_CENTROID) {
        return;
    }
    mark_top(s->c, s->n, PX_CLUSTER_CENTROID, c->w, c->keep);
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (c->keep[i]) {
            s->c[k++] = s->c[i];
        }
    }
    s->n = k;
}

/* The merge of centroid c (n features) scaled by decay with v (nv):
 * sorted by id; *n_out features. NULL: no memory. */
static px_feat *
merged(const px_feat *c, size_t n, double decay, const px_feat *v, size_t nv,
       size_t *n_out)
{
    px_feat *m = px_malloc((n + nv) * sizeof *m + 1);
    if (m == NULL) {
        return NULL;
    }
    size_t i = 0;
    size_t j = 0;
    size_t k = 0;
    while (i < n || j < nv) {
        if (j == nv || (i < n && c[i].id < v[j].id)) {
            m[k++] = (px_feat){c[i].id, (float)(c[i].weight * decay)};
            i++;
        } else if (i == n || v[j].id < c[i].id) {
            m[k++] = v[j++];
        } else {
            m[k++] =
                (px_feat){v[j].id, (float)(c[i].weight * decay) + v[j].weight};
            i++;
            j++;
        }
    }
    *n_out = k;
    return m;
}

/* The centroid of slot sl becomes decay * centroid + v; the features new
 * to it are indexed. */
static px_status
merge(px_clusterer *c, size_t sl, const px_feat *v, size_t n, double decay,
      px_error *err)
{
    story *s = &c->st[sl];
    size_t k = 0;
    px_feat *m = merged(s->c, s->n, decay, v, n, &k);
    if (m == NULL) {
        return px_fail(err, PX_ENOMEM, "cluster: out of memory");
    }
    const story old = *s;
    s->c = m;
    s->n = k;
    prune(c, s);
    c->live_feats += s->n;
    c->live_feats -= old.n;
    double norm = 0.0;
    double norm_x = 0.0;
    for (size_t x = 0; x < s->n; x++) {
        const double w2 = (double)s->c[x].weight * s->c[x].weight;
        norm += w2;
        norm_x += is_local(c, s->c[x].id) ? 0.0 : w2;
    }
    s->norm = sqrt(norm);
    s->norm_x = sqrt(norm_x);
    px_status rc = PX_OK;
    for (size_t x = 0; x < n && rc == PX_OK; x++) {
        if (!has_feature(s, v[x].id) || has_feature(&old, v[x].id)) {
            continue;
        }
        postings *p = posting_for(c, v[x].id);
        if (p == NULL || !posting_add(c, p, (uint32_t)sl)) {
            rc = px_fail(err, PX_ENOMEM, "cluster: out of memory");
        }
    }
    free(old.c);
    return rc;
}

/* Room for one more slot in every per-slot array. */
static bool
story_room(px_clusterer *c)
{
    if (c->n_slots < c->cap_st) {
        return true;
    }
    const size_t cap = c->cap_st ? c->cap_st * 2 : 256;
    story *st = px_realloc(c->st, cap * sizeof *st);
    c->st = st != NULL ? st : c->st;
    float *score = px_realloc(c->score, cap * sizeof *score);
    c->score = score != NULL ? score : c->score;
    uint32_t *touched = px_realloc(c->touched, cap * sizeof *touched);
    c->touched = touched != NULL ? touched : c->touched;
    uint32_t *live = px_realloc(c->live, cap * sizeof *live);
    c->live = live != NULL ? live : c->live;
    uint32_t *fr = px_realloc(c->free_sl, cap * sizeof *fr);
    c->free_sl = fr != NULL ? fr : c->free_sl;
    uint32_t *closed = px_realloc(c->closed, cap * sizeof *closed);
    c->closed = closed != NULL ? closed : c->closed;
    if (st == NULL || score == NULL || touched == NULL || live == NULL ||
        fr == NULL || closed == NULL) {
        return false;
    }
    memset(c->score + c->cap_st, 0, (cap - c->cap_st) * sizeof *score);
    c->cap_st = cap;
    return true;
}

/* Opens a story numbered no (PX_CLUSTER_ANY: the next number). */
static px_status
open_story(px_clusterer *c, const px_feat *v, size_t n, int64_t t, size_t no,
           size_t *sl, px_error *err)
{
    if (c->n_free == 0 && !story_room(c)) {
        return px_fail(err, PX_ENOMEM, "cluster: out of memory");
    }
    *sl = c->n_free > 0 ? c->free_sl[--c->n_free] : c->n_slots++;
    if (no == PX_CLUSTER_ANY) {
        no = c->n_st++;
    }
    c->st[*sl] = (story){NULL, 0, 0.0, 0.0, t, 1, no, true};
    c->live[c->n_live++] = (uint32_t)*sl;
    return merge(c, *sl, v, n, 1.0, err);
}

static double
decay_of(const px_clusterer *c, const story *s, int64_t t)
{
    if (c->o.half_life_s <= 0 || t == PX_TIME_NONE ||
        s->t_last == PX_TIME_NONE || t <= s->t_last) {
        return 1.0;
    }
    return exp2(-(double)(t - s->t_last) / c->o.half_life_s);
}

/* Scratch for n entries: selections over the article, the candidates or
 * a centroid with the article merged in, and the article's hash table
 * (twice the article). */
static bool
scratch_room(px_clusterer *c, size_t n)
{
    if (n <= c->cap_scratch) {
        return true;
    }
    size_t cap = 1024;
    while (cap < n) {
        cap *= 2;
    }
    float *w = px_realloc(c->w, cap * sizeof *w);
    c->w = w != NULL ? w : c->w;
    bool *keep = px_realloc(c->keep, cap * sizeof *keep);
    c->keep = keep != NULL ? keep : c->keep;
    px_feat *vtab = px_realloc(c->vtab, cap * sizeof *vtab);
    c->vtab = vtab != NULL ? vtab : c->vtab;
    if (w == NULL || keep == NULL || vtab == NULL) {
        return false;
    }
    c->cap_scratch = cap;
    return true;
}

/* The slot of the live story numbered no, or SIZE_MAX. */
static size_t
live_slot(const px_clusterer *c, size_t no)
{
    for (size_t i = 0; i < c->n_live; i++) {
        if (c->st[c->live[i]].no == no) {
            return c->live[i];
        }
    }
    return SIZE_MAX;
}

/* The slot an article joins: the story force names (SIZE_MAX when it is
 * not live, so a story with its number opens again), none for
 * PX_CLUSTER_NEW, else the best live story when it fits. */
static size_t
pick_slot(px_clusterer *c, const px_feat *v, size_t nv, px_feat *buf,
          size_t force, double *best_sim)
{
    double best_fit = 0.0;
    *best_sim = 0.0;
    if (force == PX_CLUSTER_NEW) {
        return SIZE_MAX;
    }
    if (force != PX_CLUSTER_ANY) {
        return live_slot(c, force);
    }
    const size_t sl = best_story(c, v, nv, buf, best_sim, &best_fit);
    return best_fit >= 1.0 ? sl : SIZE_MAX;
}

px_status
px_cluster_add(px_clusterer *c, const px_feat *f, size_t n, int64_t t,
               size_t *story_no, double *sim, px_error *err)
{
    return px_cluster_add_to(c, f, n, t, PX_CLUSTER_ANY, story_no, sim, err);
}

px_status
px_cluster_add_to(px_clusterer *c, const px_feat *f, size_t n, int64_t t,
                  size_t force, size_t *story_no, double *sim, px_error *err)
{
    if (force == PX_CLUSTER_ANY) {
        expire(c, t);
    }
    px_feat *v = NULL;
    size_t nv = 0;
    px_feat *buf = NULL;
    px_status rc = tidy(c, err);
    if (rc == PX_OK) {
        rc = make_vector(c, f, n, &v, &nv, err);
    }
    if (rc == PX_OK &&
        !scratch_room(c, 2 * (nv + c->n_slots + PX_CLUSTER_CENTROID))) {
        rc = px_fail(err, PX_ENOMEM, "cluster: out of memory");
    }
    if (rc == PX_OK) {
        buf = px_malloc((nv + c->n_live + 1) * sizeof *buf);
        if (buf == NULL) {
            rc = px_fail(err, PX_ENOMEM, "cluster: out of memory");
        }
    }
    if (rc != PX_OK || buf == NULL || v == NULL) {
        goto done;
    }
    double best_sim = 0.0;
    size_t sl = pick_slot(c, v, nv, buf, force, &best_sim);
    if (sl != SIZE_MAX) {
        rc = merge(c, sl, v, nv, decay_of(c, &c->st[sl], t), err);
        story *s = &c->st[sl];
        s->n_docs++;
        if (t != PX_TIME_NONE && (s->t_last == PX_TIME_NONE || t > s->t_last)) {
            s->t_last = t;
        }
    } else {
        best_sim = 0.0;
        const size_t no =
            force < c->n_st && force != PX_CLUSTER_NEW ? force : PX_CLUSTER_ANY;
        rc = open_story(c, v, nv, t, no, &sl, err);
    }
    if (rc == PX_OK) {
        *story_no = c->st[sl].no;
    }
    if (sim != NULL) {
        *sim = best_sim;
    }
done:
    free(v);
    free(buf);
    return rc;
}

size_t
px_cluster_bytes(const px_clusterer *c)
{
    size_t b = sizeof *c + c->live_feats * sizeof(px_feat);
    b += c->cap_st * (sizeof(story) + sizeof(float) + 4 * sizeof(uint32_t));
    b += c->cap_post * sizeof(postings) + c->n_entries * sizeof(uint32_t);
    b += (c->df.cap + c->post_ix.cap) * (sizeof(uint64_t) + sizeof(uint32_t));
    b += c->cap_scratch * (sizeof(float) + sizeof(bool) + sizeof(px_feat));
    return b;
}

size_t
px_cluster_n_slots(const px_clusterer *c)
{
    return c->n_slots;
}
