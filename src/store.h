/* store.h - the embedded store: one SQLite file (WAL mode) holding
 * articles, copy groups, stories, their sheets and the analysis needed to
 * extend them, with full-text and concept search.
 *
 * Writers (px_store_add) are incremental and atomic per batch: a batch of
 * pages is read, extracted, deduplicated against the store, clustered
 * against the live stories (new articles join a live story or open one),
 * the sheets of the stories it touched are recomputed, and all of it is
 * committed in one transaction, so a crash at any moment leaves the store
 * as it was after the last committed batch. The same page twice is one
 * article (a content key over url and text).
 *
 * Readers (the query functions, the web UI) may run while a writer adds:
 * WAL gives them the last committed state. Every query returns one owned
 * JSON document (px_free) whose shape is documented in docs/schema.json
 * ("store_stories", "store_story", "store_article", "store_search"); the
 * web UI renders only those documents. Ids are the store's integer ids.
 * An unknown id fails with PX_EEMPTY.
 */
#ifndef PX_STORE_H
#define PX_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parallax.h"

typedef struct px_store px_store;

/* Opens (creating when absent, unless read_only) the store at path and
 * migrates its schema to the current version. lexicon_path as for
 * px_storyset_new (NULL: the default lexicon). Fails with PX_EIO (cannot
 * open, not a store, newer schema), PX_ENOMEM. */
px_status px_store_open(const char *path, bool read_only,
                        const char *lexicon_path, px_store **out,
                        px_error *err);
void px_store_close(px_store *st); /* NULL is a no-op */

typedef struct px_store_add_opts {
    size_t batch;        /* pages per committed batch; 0: default (500) */
    px_story_opts story; /* clustering options (window, thresholds) */
} px_store_add_opts;

typedef struct px_store_add_stats {
    size_t pages;   /* records read */
    size_t added;   /* new articles */
    size_t known;   /* already in the store (idempotent skips) */
    size_t failed;  /* records that yielded no article */
    size_t batches; /* batches committed */
    size_t stories_new;
    size_t stories_touched; /* sheets recomputed */
    int64_t batch_id;       /* the store's id of the last committed batch */
    int64_t store_articles; /* articles in the store after it */
} px_store_add_stats;

/* Called after each committed batch (for progress and for the crash
 * test, which records what was reported committed). */
typedef void (*px_store_batch_fn)(const px_store_add_stats *so_far, void *ctx);

/* Adds the pages under paths (files, folders, "-") in batches. o may be
 * NULL. Fails with PX_EIO, PX_ENOMEM, PX_EINVAL (read-only store); the
 * batches committed before a failure stay. */
px_status px_store_add(px_store *st, const char *const *paths, size_t n_paths,
                       const px_store_add_opts *o, px_store_batch_fn fn,
                       void *ctx, px_store_add_stats *stats, px_error *err);

typedef enum { PX_STORE_NEWEST = 0, PX_STORE_LARGEST } px_store_order;

/* The story list: limit (0: 50) stories from offset, newest (last
 * article) or largest first, each with id, article and source counts,
 * languages, first/last time and headline. JSON "store_stories". */
px_status px_store_stories_json(px_store *st, px_store_order order,
                                size_t offset, size_t limit, char **out,
                                size_t *len, px_error *err);

/* One story: its summary, its articles (id, site, lang, dir, title,
 * published, copy_of) and its sheet ("sheet" of docs/schema.json, whose
 * source numbers index the articles list). JSON "store_story". */
px_status px_store_story_json(px_store *st, int64_t story, char **out,
                              size_t *len, px_error *err);

/* One article: metadata, full text, its story and its source number in
 * that story's sheet. JSON "store_article". */
px_status px_store_article_json(px_store *st, int64_t article, char **out,
                                size_t *len, px_error *err);

/* Search: full-text (FTS5, any language) and concept matches (the query's
 * words mapped through the lexicon, so a query in one language finds
 * articles in others), merged and ranked; limit 0: 50. Each hit: article
 * id, story id, lang, title, site, a snippet, and how it matched. JSON
 * "store_search". An empty query fails with PX_EINVAL. */
px_status px_store_search_json(px_store *st, const char *query, size_t limit,
                               char **out, size_t *len, px_error *err);

#endif /* PX_STORE_H */
