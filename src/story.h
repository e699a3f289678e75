/* story.h - the internals of px_storyset shared by story.c (profiles,
 * dedup, clustering) and story_json.c (output).
 *
 * Articles are kept in order of adding; px_storyset_cluster orders them by
 * time (publication date, else fetch date; undated ones first, in order
 * of adding: their stories have no time and never close, so every dated
 * article is compared with them), then walks them once: each article
 * joins the copy group of its most similar live earlier copy (dedup.h) and
 * takes that group's story; an article that is no copy is clustered
 * (cluster.h). A copy group therefore never spans two stories. The group's
 * representative is its earliest dated article, else its longest.
 */
#ifndef PX_STORY_H
#define PX_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "lexicon.h"
#include "parallax.h"
#include "profile.h"

typedef struct px_story_art {
    const char *id;     /* source or url (arena) */
    const char *url;    /* may be NULL */
    const char *site;   /* site name or host; may be NULL */
    const char *title;  /* may be "" */
    char published[32]; /* ISO, "" when unknown */
    int64_t t;          /* seconds since the epoch, or PX_TIME_NONE */
    const char *text;   /* the article text (arena), for the sheet */
    size_t text_len;
    px_date anchor; /* publication date; prec NONE when unknown */
    px_profile prof;
    size_t story;
    size_t copy_group; /* index of the group's first article */
    size_t copy_of;    /* most similar earlier copy, or SIZE_MAX */
    size_t copy_rep;   /* for a group's first article: its representative */
    double story_sim;  /* cosine with the story when joined */
    double norm;       /* of the profile under the set's idf */
    size_t pin;        /* pinned story key (px_storyset_pin) or SIZE_MAX */
} px_story_art;

struct px_storyset {
    px_story_opts o;
    px_lex *lex;
    px_profiler *prof;
    px_arena *arena;
    px_story_art *arts;
    size_t n_arts;
    size_t cap_arts;
    size_t n_stories;
    bool is_clustered;
    bool is_lex_borrowed; /* px_storyset_new_lex: lex is not ours to close */
    px_feat *df;          /* feature id -> articles holding it, sorted by id */
    size_t n_df;
    px_feat *bg_df; /* the same over background articles (not in the set) */
    size_t n_bg_df;
    double bg_docs; /* how many background articles */
};

/* Counts the articles holding each feature and the profiles' norms under
 * that idf (for px_storyset_similarity). Fails with PX_ENOMEM only. */
px_status px_story_build_df(px_storyset *s, px_error *err);

/* log(1 + articles / articles holding feature id), after
 * px_story_build_df. */
double px_story_idf(const px_storyset *s, uint64_t id);

/* The articles of story k in time order (then order of adding): an owned
 * array of *n indices (free), NULL on OOM or when k has none. k may be
 * PX_STORY_ALL: every article. */
size_t *px_story_members(const px_storyset *s, size_t k, size_t *n);

/* The story ids in px_storyset_summary order (largest first): an owned
 * array of n_stories ids (free), NULL on OOM; n_arts (may be NULL, else
 * room for n_stories) gets each one's article count. */
size_t *px_story_ranked(const px_storyset *s, size_t *n_arts);

/* The story at rank (0-based) in px_storyset_summary order, or SIZE_MAX. */
size_t px_story_at_rank(const px_storyset *s, size_t rank);

/* The order articles are placed in: dated ones by time, then undated ones
 * in order of adding; < 0 when article i comes before article j. */
int px_story_cmp_time(const px_story_art *arts, size_t i, size_t j);

/* px_storyset_new over an open lexicon (borrowed: it must outlive the
 * set; may be NULL: no concepts), so that a store opens it once. */
px_status px_storyset_new_lex(px_lex *lex, const px_story_opts *o,
                              px_storyset **out, px_error *err);

/* Pins article i (added, not clustered yet) to story key (a small number
 * the caller chooses: keys 0..n_arts-1) with copy_of (an article index or
 * SIZE_MAX): px_storyset_cluster then keeps its story and copy, puts every
 * article pinned to one key in one story, and lets other articles join
 * it or copy its articles. What a store does with the articles of its
 * live stories when a batch arrives. False when i or key is out of range. */
bool px_storyset_pin(px_storyset *s, size_t i, size_t key, size_t copy_of);

/* Counts n_docs articles outside the set (a store's older articles) in
 * the idf: df (n entries, sorted by id, copied) says how many of them hold
 * each feature. Fails with PX_ENOMEM only. */
px_status px_storyset_background(px_storyset *s, const px_feat *df, size_t n,
                                 double n_docs, px_error *err);

/* Merges the stories of a clustered set whose centroids' cosine reaches
 * thr (story_merge.c), unless they lie more than window_s apart (0: no
 * window) or both hold pinned articles; stories are numbered again.
 * Fails with PX_ENOMEM only (the stories are then as they were, or
 * partly merged). */
px_status px_story_merge(px_storyset *s, double thr, int64_t window_s,
                         px_error *err);

/* The representative of copy group g (an article index). */
size_t px_story_group_rep(const px_storyset *s, size_t g);

#endif /* PX_STORY_H */
