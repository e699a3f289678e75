/* store_int.h - what the store's files share (store.c: open, schema and
 * statements; store_add.c: adding batches; store_index.c: the search
 * index of one article; store_query.c: the JSON documents;
 * store_search.c: search).
 *
 * One px_store is one SQLite connection, used by one thread at a time.
 */
#ifndef PX_STORE_INT_H
#define PX_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "arena.h"
#include "concepts.h"
#include "error.h"
#include "lexicon.h"
#include "store.h"
#include "str.h"
#include "words.h"

/* Batches an undated story stays live for undated articles. */
#define PX_STORE_UNDATED_BACK 8

/* A batch of new articles (store_add.c reads it, store_batch.c writes). */
typedef struct px_store_batch {
    px_article **arts; /* the new articles (owned) */
    char (*keys)[33];  /* their content keys (hex) */
    int64_t *t;        /* their times (PX_TIME_NONE: undated) */
    size_t n;
    size_t cap;
    size_t pages; /* records read, new or not */
    size_t known;
    size_t failed;
    bool is_end; /* the reader is exhausted */
    int64_t batch_id;
    int64_t window_s; /* story window; <= 0: none */
} px_store_batch;

/* Clusters batch b with the live stories and writes its articles and the
 * stories it touched (inside the caller's transaction); *stories_new and
 * *touched get counts. */
px_status px_store_batch_write(px_store *st, const px_store_batch *b,
                               const px_story_opts *so, size_t *stories_new,
                               size_t *touched, px_error *err);

/* Gives story set s (its first n_pinned articles loaded from the store)
 * the store's feature counts over the articles outside it. */
px_status px_store_background(px_store *st, px_storyset *s, size_t n_pinned,
                              px_error *err);

/* Adds the features of the set's new articles (after n_pinned) to the
 * store's counts. */
px_status px_store_count_features(px_store *st, const px_storyset *s,
                                  size_t n_pinned, px_error *err);

struct px_store {
    sqlite3 *db;
    bool is_read_only;
    px_lex *lex;     /* may be NULL: no concept search */
    px_words *words; /* word splitter over lex (lazy) */
};

/* Runs sql (no results) or fails with PX_EIO naming what. */
px_status px_store_exec(px_store *st, const char *sql, const char *what,
                        px_error *err);

/* Prepares sql into *out or fails with PX_EIO. */
px_status px_store_prepare(px_store *st, const char *sql, sqlite3_stmt **out,
                           px_error *err);

/* Fails with PX_EIO naming what and SQLite's message. */
px_status px_store_fail(px_store *st, const char *what, px_error *err);

/* The single integer of a query with one int64 parameter (a < 0: none);
 * *out gets def when there is no row. */
px_status px_store_int(px_store *st, const char *sql, int64_t a, int64_t def,
                       int64_t *out, px_error *err);

/* The word splitter (opened on first use). */
px_status px_store_words(px_store *st, px_words **out, px_error *err);

/* "rtl" for languages written right to left (Arabic and Hebrew scripts),
 * else "ltr". */
const char *px_store_dir(const char *lang);

/* Formats t (seconds since the epoch) as "YYYY-MM-DDTHH:MM:SSZ". */
void px_store_iso(int64_t t, char buf[32]);

/* The search index of one article: its word keys (joined by spaces, for
 * FTS5) and its concepts, written for article id. */
px_status px_store_index_article(px_store *st, int64_t id, px_str title,
                                 px_str text, const char *lang, px_error *err);

/* Splits text in lang into words (arena a). */
px_status px_store_split(px_store *st, px_str text, const char *lang,
                         px_arena *a, px_word **out, size_t *n, px_error *err);

#endif /* PX_STORE_INT_H */
