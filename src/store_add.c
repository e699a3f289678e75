/* store_add.c - px_store_add: pages in, one transaction per batch.
 *
 * A batch: read up to o->batch pages (in the write transaction, so the
 * known-article check sees every committed batch), extract them, drop the
 * ones the store holds (same content key) or the batch already has, load
 * the live stories (last article within the story window of the batch's
 * times; for a batch without dates the most recent ones) with all their
 * articles into a px_storyset, pinned to their stored story and copy, add
 * the new articles, cluster (new articles copy pinned or new ones, join a
 * pinned story or open one; pinned articles never move), write the new
 * articles with their search index, recompute the stories they touched
 * (counts, languages, headline, sheet) and commit. Pinned articles are
 * profiled again from their stored text: profiling is deterministic, so
 * they weigh as when they were added.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "cluster.h"
#include "dedup.h"
#include "log.h"
#include "pubdate.h"
#include "store_int.h"
#include "story.h"

#define PX_STORE_BATCH       500
#define PX_STORE_WINDOW_DAYS 3.0

static void
batch_clear(px_store_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        px_article_free(b->arts[i]);
    }
    b->n = 0;
    b->pages = b->known = b->failed = 0;
}

static void
batch_fini(px_store_batch *b)
{
    batch_clear(b);
    free(b->arts);
    free(b->keys);
    free(b->t);
}

static int64_t
epoch_of(const px_date *d)
{
    if (d->prec < PX_PREC_DAY) {
        return PX_TIME_NONE;
    }
    int64_t t = px_days_from_civil(d->year, d->month, d->day) * 86400 +
                (int64_t)d->hour * 3600 + (int64_t)d->min * 60 + d->sec;
    if (d->has_tz) {
        t -= (int64_t)d->tz_min * 60;
    }
    return t;
}

/* The time px_storyset_add gives a: publication, else fetch date. */
static int64_t
time_of(const px_article *a, bool ignore_dates)
{
    int64_t t = epoch_of(&a->published);
    px_date f;
    if (t == PX_TIME_NONE && a->fetched != NULL &&
        px_pubdate_parse(px_str_c(a->fetched), &f)) {
        t = epoch_of(&f);
    }
    return ignore_dates ? PX_TIME_NONE : t;
}

/* The content key: 128 bits over the url and the text without white
 * space, so the same page read twice (or re-extracted with other line
 * breaks) is one article. */
static void
content_key(const px_article *a, char out[33])
{
    uint64_t h1 = 0x9e3779b97f4a7c15ull;
    uint64_t h2 = 0xc2b2ae3d27d4eb4full;
    const char *url = a->url != NULL ? a->url : "";
    h1 = px_hash64(url, strlen(url), h1);
    h2 = px_hash64(url, strlen(url), h2);
    size_t i = 0;
    while (i < a->text_len) {
        size_t j = i;
        while (j < a->text_len && a->text[j] != ' ' && a->text[j] != '\n' &&
               a->text[j] != '\t' && a->text[j] != '\r') {
            j++;
        }
        if (j > i) {
            h1 = px_hash64(a->text + i, j - i, h1);
            h2 = px_hash64(a->text + i, j - i, h2 ^ h1);
        }
        i = j + 1;
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1,
             (unsigned long long)h2);
}

static bool
batch_room(px_store_batch *b)
{
    if (b->n < b->cap) {
        return true;
    }
    const size_t cap = b->cap ? b->cap * 2 : 64;
    px_article **arts = px_realloc(b->arts, cap * sizeof *arts);
    b->arts = arts != NULL ? arts : b->arts;
    char(*keys)[33] = px_realloc(b->keys, cap * sizeof *keys);
    b->keys = keys != NULL ? keys : b->keys;
    int64_t *t = px_realloc(b->t, cap * sizeof *t);
    b->t = t != NULL ? t : b->t;
    if (arts == NULL || keys == NULL || t == NULL) {
        return false;
    }
    b->cap = cap;
    return true;
}

/* Whether the store or the batch holds key. */
static px_status
is_known(px_store *st, const px_store_batch *b, const char *key, bool *known,
         px_error *err)
{
    for (size_t i = 0; i < b->n; i++) {
        if (strcmp(b->keys[i], key) == 0) {
            *known = true;
            return PX_OK;
        }
    }
    sqlite3_stmt *q = NULL;
    px_status rc =
        px_store_prepare(st, "SELECT 1 FROM articles WHERE key = ?", &q, err);
    if (rc == PX_OK) {
        sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
        const int r = sqlite3_step(q);
        *known = r == SQLITE_ROW;
        rc = r == SQLITE_ROW || r == SQLITE_DONE
                 ? PX_OK
                 : px_store_fail(st, "known", err);
    }
    sqlite3_finalize(q);
    return rc;
}

/* Takes one extracted article into the batch (or counts it known). */
static px_status
batch_take(px_store *st, px_store_batch *b, px_article *a, bool ignore_dates,
           px_error *err)
{
    char key[33];
    content_key(a, key);
    bool known = false;
    px_status rc = is_known(st, b, key, &known, err);
    if (rc != PX_OK || known) {
        b->known += rc == PX_OK;
        px_article_free(a);
        return rc;
    }
    if (!batch_room(b)) {
        px_article_free(a);
        return px_fail(err, PX_ENOMEM, "store: out of memory");
    }
    memcpy(b->keys[b->n], key, sizeof key);
    b->t[b->n] = time_of(a, ignore_dates);
    b->arts[b->n++] = a;
    return PX_OK;
}

/* Reads up to max pages into b. */
static px_status
batch_read(px_store *st, px_reader *r, size_t max, bool ignore_dates,
           px_store_batch *b, px_error *err)
{
    batch_clear(b);
    while (b->pages < max) {
        const px_record *rec = NULL;
        px_error e = {0};
        if (px_reader_next(r, &rec, &e) != PX_OK) {
            PX_LOG(PX_LOG_DEBUG, "store: unreadable item (%s)", e.msg);
            b->pages++;
            b->failed++;
            continue;
        }
        if (rec == NULL) {
            b->is_end = true;
            break;
        }
        b->pages++;
        px_article *a = NULL;
        if (px_extract(rec, &a, &e) != PX_OK) {
            PX_LOG(PX_LOG_DEBUG, "store: no article (%s)", e.msg);
            px_article_free(a);
            b->failed++;
            continue;
        }
        const px_status rc = batch_take(st, b, a, ignore_dates, err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    return PX_OK;
}

static px_status
insert_batch(px_store *st, const px_store_batch *b, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        st,
        "INSERT INTO batches(id, time, pages, added, known, failed)"
        " VALUES(?,?,?,?,?,?)",
        &q, err);
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, b->batch_id);
        sqlite3_bind_int64(q, 2, (int64_t)time(NULL));
        sqlite3_bind_int64(q, 3, (int64_t)b->pages);
        sqlite3_bind_int64(q, 4, (int64_t)b->n);
        sqlite3_bind_int64(q, 5, (int64_t)b->known);
        sqlite3_bind_int64(q, 6, (int64_t)b->failed);
        if (sqlite3_step(q) != SQLITE_DONE) {
            rc = px_store_fail(st, "insert batch", err);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

/* Reads, clusters and commits one batch; *done when nothing was left. */
static px_status
one_batch(px_store *st, px_reader *r, const px_store_add_opts *o,
          px_store_batch *b, px_store_add_stats *s, px_error *err)
{
    px_status rc = px_store_exec(st, "BEGIN IMMEDIATE", "begin", err);
    int64_t last = 0;
    rc = rc == PX_OK ? px_store_int(st, "SELECT max(id) FROM batches", -1, 0,
                                    &last, err)
                     : rc;
    b->batch_id = last + 1;
    const size_t size = o->batch > 0 ? o->batch : PX_STORE_BATCH;
    rc = rc == PX_OK
             ? batch_read(st, r, size, o->story.ignore_dates != 0, b, err)
             : rc;
    size_t stories_new = 0;
    size_t touched = 0;
    if (rc == PX_OK && b->pages > 0) {
        rc =
            px_store_batch_write(st, b, &o->story, &stories_new, &touched, err);
        rc = rc == PX_OK ? insert_batch(st, b, err) : rc;
    }
    rc = rc == PX_OK ? px_store_exec(st, "COMMIT", "commit", err) : rc;
    if (rc != PX_OK) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    if (b->pages > 0) {
        s->pages += b->pages;
        s->added += b->n;
        s->known += b->known;
        s->failed += b->failed;
        s->batches++;
        s->stories_new += stories_new;
        s->stories_touched += touched;
        s->batch_id = b->batch_id;
        rc = px_store_int(st, "SELECT count(*) FROM articles", -1, 0,
                          &s->store_articles, err);
    }
    return rc;
}

px_status
px_store_add(px_store *st, const char *const *paths, size_t n_paths,
             const px_store_add_opts *o, px_store_batch_fn fn, void *ctx,
             px_store_add_stats *stats, px_error *err)
{
    px_store_add_stats s = {0};
    px_store_add_opts opts = {0};
    if (o != NULL) {
        opts = *o;
    }
    if (st->is_read_only) {
        return px_fail(err, PX_EINVAL, "store: opened read-only");
    }
    const double days = opts.story.window_days == 0 ? PX_STORE_WINDOW_DAYS
                                                    : opts.story.window_days;
    px_store_batch b = {0};
    b.window_s = days > 0 ? (int64_t)(days * 86400.0) : 0;
    px_reader *r = NULL;
    px_status rc = px_reader_open(paths, n_paths, PX_FORMAT_AUTO, &r, err);
    while (rc == PX_OK && !b.is_end) {
        rc = one_batch(st, r, &opts, &b, &s, err);
        if (rc == PX_OK && b.pages > 0 && fn != NULL) {
            fn(&s, ctx);
        }
    }
    px_reader_close(r);
    batch_fini(&b);
    if (stats != NULL) {
        *stats = s;
    }
    return rc;
}
