/* store_df.c - the store's document frequencies: how many stored articles
 * hold each profile feature (table feature_df). A batch's story set holds
 * only the live stories' articles and the new ones; the idf it clusters
 * with must be the store's, or a small batch would weigh every feature as
 * rare and split stories a single large run keeps together. So the set
 * gets the store's counts over the articles outside it as background
 * (px_storyset_background), and each batch adds its new articles' counts.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "story.h"

/* One feature id with two counts: articles of the set, pinned ones. */
typedef struct fcount {
    uint64_t id;
    uint32_t all;
    uint32_t pinned;
} fcount;

static int
by_id(const void *a, const void *b)
{
    const fcount *x = a;
    const fcount *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* The distinct features of articles [from, to) of the set with their
 * counts (owned, *n of them), or NULL when out of memory. */
static fcount *
count_feats(const px_storyset *s, size_t from, size_t to, size_t n_pinned,
            size_t *n)
{
    size_t total = 0;
    for (size_t i = from; i < to; i++) {
        total += s->arts[i].prof.n_feats;
    }
    fcount *f = px_malloc((total + 1) * sizeof *f);
    if (f == NULL) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        const px_profile *p = &s->arts[i].prof;
        for (size_t j = 0; j < p->n_feats; j++) {
            f[k++] = (fcount){p->feats[j].id, 1, i < n_pinned};
        }
    }
    qsort(f, k, sizeof *f, by_id);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m > 0 && f[m - 1].id == f[i].id) {
            f[m - 1].all++;
            f[m - 1].pinned += f[i].pinned;
        } else {
            f[m++] = f[i];
        }
    }
    *n = m;
    return f;
}

/* The background of the set: stored counts minus its pinned articles. */
static px_status
lookup(px_store *st, const fcount *f, size_t n, px_feat *bg, size_t *n_bg,
       px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc =
        px_store_prepare(st, "SELECT n FROM feature_df WHERE id = ?", &q, err);
    *n_bg = 0;
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, (int64_t)f[i].id);
        const int r = sqlite3_step(q);
        if (r == SQLITE_ROW) {
            const int64_t c = sqlite3_column_int64(q, 0) - f[i].pinned;
            if (c > 0) {
                bg[(*n_bg)++] = (px_feat){f[i].id, (float)c};
            }
        } else if (r != SQLITE_DONE) {
            rc = px_store_fail(st, "feature counts", err);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

px_status
px_store_background(px_store *st, px_storyset *s, size_t n_pinned,
                    px_error *err)
{
    int64_t n_store = 0;
    px_status rc =
        px_store_int(st, "SELECT count(*) FROM articles", -1, 0, &n_store, err);
    if (rc != PX_OK || n_store <= (int64_t)n_pinned) {
        return rc;
    }
    size_t n = 0;
    fcount *f = count_feats(s, 0, s->n_arts, n_pinned, &n);
    px_feat *bg = f != NULL ? px_malloc((n + 1) * sizeof *bg) : NULL;
    size_t n_bg = 0;
    rc = bg != NULL ? lookup(st, f, n, bg, &n_bg, err)
                    : px_fail(err, PX_ENOMEM, "store: out of memory");
    if (rc == PX_OK) {
        rc = px_storyset_background(s, bg, n_bg,
                                    (double)(n_store - (int64_t)n_pinned), err);
    }
    free(f);
    free(bg);
    return rc;
}

px_status
px_store_count_features(px_store *st, const px_storyset *s, size_t n_pinned,
                        px_error *err)
{
    size_t n = 0;
    fcount *f = count_feats(s, n_pinned, s->n_arts, 0, &n);
    sqlite3_stmt *q = NULL;
    px_status rc =
        f != NULL
            ? px_store_prepare(st,
                               "INSERT INTO feature_df(id, n) VALUES(?, ?)"
                               " ON CONFLICT(id) DO UPDATE SET"
                               " n = n + excluded.n",
                               &q, err)
            : px_fail(err, PX_ENOMEM, "store: out of memory");
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, (int64_t)f[i].id);
        sqlite3_bind_int64(q, 2, f[i].all);
        if (sqlite3_step(q) != SQLITE_DONE) {
            rc = px_store_fail(st, "feature counts", err);
        }
    }
    sqlite3_finalize(q);
    free(f);
    return rc;
}
