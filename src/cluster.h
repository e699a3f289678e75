/* cluster.h - online story clustering over a sliding time window.
 *
 * Articles arrive one at a time (in publication order) as sparse feature
 * vectors: 64-bit feature ids with weights (concepts, same-language word
 * stems, figures, dates; the caller names and weighs them, see story.c).
 * The clusterer weighs each feature by its inverse document frequency over
 * the articles seen so far, finds candidate stories through an inverted
 * index from features to live stories (the article's heaviest features
 * only, and never a feature most stories share), scores each candidate by
 * the cosine between the article and the story's centroid, and adds the
 * article to the best story at or above the threshold, else opens a story.
 *
 * A story's centroid is the decayed sum of its articles' unit vectors
 * (half-life configurable), pruned to its heaviest PX_CLUSTER_CENTROID
 * features. Stories whose newest article is older than the window (behind
 * the newest time seen) close: they take no more articles and their memory
 * (centroid, postings, slot) is released or reused, and with online idf
 * the document frequencies decay by half each window, so memory follows
 * the window, not the corpus. Articles
 * without a time (PX_TIME_NONE) are compared with every live story and
 * never close anything.
 */
#ifndef PX_CLUSTER_H
#define PX_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define PX_TIME_NONE        INT64_MIN
#define PX_CLUSTER_CENTROID 256

typedef struct px_feat {
    uint64_t id;
    float weight; /* > 0 */
} px_feat;

typedef struct px_cluster_opts {
    double threshold;      /* cosine to join a story (0..1) */
    int64_t window_s;      /* stories close this long after their last */
    double half_life_s;    /* centroid decay; 0 = none */
    size_t max_query;      /* heaviest article features used for lookup */
    size_t max_candidates; /* stories scored per article */
    bool online_idf;       /* weigh features by the idf seen so far; false:
                              the caller's weights are final */
    unsigned local_kind;   /* kind (top byte of the id) of features that
                              only match within one language; 0: none */
    double threshold_x;    /* cosine over the other features alone that
                              also joins (0: unused) */
    double margin;         /* a best story whose fit (cosine / threshold)
                              is margin times the runner-up's joins from
                              margin_floor up; 0: unused */
    double margin_floor;
} px_cluster_opts;

/* Defaults: threshold 0.30, window 3 days, half-life 1 day, 48 query
 * features, 64 candidates, online idf, no local kind. */
void px_cluster_opts_default(px_cluster_opts *o);

typedef struct px_clusterer px_clusterer;

px_clusterer *px_cluster_new(const px_cluster_opts *o); /* NULL: no memory */
void px_cluster_free(px_clusterer *c);

/* Adds an article with n features (any order; duplicates are summed) at
 * time t (seconds since the epoch, or PX_TIME_NONE). *story gets its story
 * number (stories are numbered 0, 1, 2... in order of opening) and *sim
 * (may be NULL) the cosine with that story (0 for a new story). Fails with
 * PX_ENOMEM only. */
px_status px_cluster_add(px_clusterer *c, const px_feat *f, size_t n, int64_t t,
                         size_t *story, double *sim, px_error *err);

/* What px_cluster_add_to may force. */
#define PX_CLUSTER_ANY SIZE_MAX       /* the best story, as px_cluster_add */
#define PX_CLUSTER_NEW (SIZE_MAX - 1) /* a new story */

/* px_cluster_add, but the article joins story number force whatever its
 * fit (a story kept from an earlier run: a store's pinned articles); when
 * that story is not live (closed, or not opened yet) a story with that
 * number opens again. force may also be PX_CLUSTER_ANY or PX_CLUSTER_NEW.
 * A forced article does not move the clock that closes stories (t only
 * extends its story), so it may be added ahead of its time.
 * Fails with PX_ENOMEM only. */
px_status px_cluster_add_to(px_clusterer *c, const px_feat *f, size_t n,
                            int64_t t, size_t force, size_t *story, double *sim,
                            px_error *err);

/* How many stories were opened, and how many are live (in the window). */
size_t px_cluster_n_stories(const px_clusterer *c);
size_t px_cluster_n_live(const px_clusterer *c);

/* Story slots ever used (live, closed or free: at most about twice the
 * most stories live at once) and about how many bytes the clusterer
 * holds: for tests and benchmarks of the memory bound. */
size_t px_cluster_n_slots(const px_clusterer *c);
size_t px_cluster_bytes(const px_clusterer *c);

#endif /* PX_CLUSTER_H */
