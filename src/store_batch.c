/* store_batch.c - one batch of px_store_add inside its transaction: the
 * live stories loaded and pinned, the new articles clustered with them,
 * the new articles and the touched stories written (store_add.c reads
 * the batch and commits).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cluster.h"
#include "pubdate.h"
#include "store_int.h"
#include "story.h"

typedef struct pass {
    px_store *st;
    const px_store_batch *b;
    px_storyset *set;
    const px_story_art *arts; /* the set's articles, after clustering */
    int64_t *art_id;          /* set index -> store article id */
    int64_t *group;           /* set index -> store copy group (0: not yet) */
    size_t *new_of;           /* set index -> batch index (SIZE_MAX: pinned) */
    int64_t *live;            /* live story ids, ascending; pin key = index */
    size_t n_live;
    size_t cap_live;
    int64_t *story_id; /* internal story -> store story id (0: none) */
    size_t n_pinned;
    size_t cap; /* of art_id, group, new_of */
} pass;

static bool
pass_room(pass *p, size_t n)
{
    if (n <= p->cap) {
        return true;
    }
    size_t cap = p->cap ? p->cap : 256;
    while (cap < n) {
        cap *= 2;
    }
    int64_t *id = px_realloc(p->art_id, cap * sizeof *id);
    p->art_id = id != NULL ? id : p->art_id;
    int64_t *g = px_realloc(p->group, cap * sizeof *g);
    p->group = g != NULL ? g : p->group;
    size_t *nw = px_realloc(p->new_of, cap * sizeof *nw);
    p->new_of = nw != NULL ? nw : p->new_of;
    if (id == NULL || g == NULL || nw == NULL) {
        return false;
    }
    p->cap = cap;
    return true;
}

static const char live_sql[] =
    "INSERT INTO temp.px_live SELECT id FROM stories WHERE ?1"
    " OR (?2 AND last >= ?3 AND first <= ?4)"
    " OR (?5 AND (last >= (SELECT max(last) FROM stories) - ?6"
    "             OR (last IS NULL AND batch >= ?7)))";

/* Fills temp.px_live with the live stories of the batch's times. */
static px_status
find_live(pass *p, px_error *err)
{
    const px_store_batch *b = p->b;
    int64_t tmin = INT64_MAX;
    int64_t tmax = INT64_MIN;
    bool undated = false;
    for (size_t i = 0; i < b->n; i++) {
        undated = undated || b->t[i] == PX_TIME_NONE;
        tmin = b->t[i] != PX_TIME_NONE && b->t[i] < tmin ? b->t[i] : tmin;
        tmax = b->t[i] != PX_TIME_NONE && b->t[i] > tmax ? b->t[i] : tmax;
    }
    const int64_t w = b->window_s;
    px_status rc = px_store_exec(p->st,
                                 "CREATE TEMP TABLE IF NOT EXISTS px_live("
                                 "id INTEGER PRIMARY KEY);"
                                 "DELETE FROM temp.px_live",
                                 "live stories", err);
    sqlite3_stmt *q = NULL;
    if (rc == PX_OK) {
        rc = px_store_prepare(p->st, live_sql, &q, err);
    }
    if (rc == PX_OK) {
        sqlite3_bind_int(q, 1, w <= 0);
        sqlite3_bind_int(q, 2, tmin <= tmax);
        sqlite3_bind_int64(q, 3, tmin <= tmax ? tmin - w : 0);
        sqlite3_bind_int64(q, 4, tmin <= tmax ? tmax + w : 0);
        sqlite3_bind_int(q, 5, undated);
        sqlite3_bind_int64(q, 6, w);
        sqlite3_bind_int64(q, 7, b->batch_id - PX_STORE_UNDATED_BACK);
        if (sqlite3_step(q) != SQLITE_DONE) {
            rc = px_store_fail(p->st, "live stories", err);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

static const char *
col_text(sqlite3_stmt *q, int c, px_arena *a)
{
    const char *s = (const char *)sqlite3_column_text(q, c);
    return s != NULL
               ? px_arena_strndup(a, s, (size_t)sqlite3_column_bytes(q, c))
               : NULL;
}

/* The stored article of row q as a px_article (owned), or NULL. */
static px_article *
stored_article(sqlite3_stmt *q)
{
    px_article *a = px_article_new();
    if (a == NULL) {
        return NULL;
    }
    a->source = col_text(q, 1, a->arena);
    a->url = col_text(q, 2, a->arena);
    a->site = col_text(q, 3, a->arena);
    a->title = col_text(q, 4, a->arena);
    const char *pub = (const char *)sqlite3_column_text(q, 5);
    if (pub == NULL || !px_pubdate_parse(px_str_c(pub), &a->published)) {
        memset(&a->published, 0, sizeof a->published);
    }
    a->fetched = col_text(q, 6, a->arena);
    const char *text = (const char *)sqlite3_column_text(q, 7);
    a->text_len = (size_t)sqlite3_column_bytes(q, 7);
    a->text = text != NULL ? px_arena_alloc(a->arena, a->text_len + 1) : NULL;
    if (a->text != NULL) {
        memcpy(a->text, text, a->text_len);
        a->text[a->text_len] = '\0';
    }
    if (a->text == NULL || px_arena_failed(a->arena)) {
        px_article_free(a);
        return NULL;
    }
    return a;
}

static size_t
live_key(const pass *p, int64_t story)
{
    size_t lo = 0;
    size_t hi = p->n_live;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (p->live[mid] < story) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < p->n_live && p->live[lo] == story ? lo : SIZE_MAX;
}

static bool
live_add(pass *p, int64_t story)
{
    if (p->n_live == p->cap_live) {
        const size_t cap = p->cap_live ? p->cap_live * 2 : 64;
        int64_t *l = px_realloc(p->live, cap * sizeof *l);
        if (l == NULL) {
            return false;
        }
        p->live = l;
        p->cap_live = cap;
    }
    p->live[p->n_live++] = story;
    return true;
}

static px_status
load_live_ids(pass *p, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        p->st, "SELECT id FROM temp.px_live ORDER BY id", &q, err);
    int r = SQLITE_DONE;
    while (rc == PX_OK && (r = sqlite3_step(q)) == SQLITE_ROW) {
        if (!live_add(p, sqlite3_column_int64(q, 0))) {
            rc = px_fail(err, PX_ENOMEM, "store: out of memory");
        }
    }
    if (rc == PX_OK && r != SQLITE_DONE) {
        rc = px_store_fail(p->st, "live stories", err);
    }
    sqlite3_finalize(q);
    return rc;
}

/* Adds one stored article (row q) to the set, pinned later. */
static px_status
add_stored(pass *p, sqlite3_stmt *q, int64_t *copy_of, px_error *err)
{
    const size_t i = px_storyset_count(p->set);
    px_article *a = stored_article(q);
    if (a == NULL || !pass_room(p, i + 1)) {
        px_article_free(a);
        return px_fail(err, PX_ENOMEM, "store: out of memory");
    }
    px_status rc = px_storyset_add(p->set, a, err);
    px_article_free(a);
    if (rc == PX_OK && px_storyset_count(p->set) == i + 1) {
        p->art_id[i] = sqlite3_column_int64(q, 0);
        copy_of[i] = sqlite3_column_type(q, 8) == SQLITE_NULL
                         ? 0
                         : sqlite3_column_int64(q, 8);
        p->group[i] = sqlite3_column_int64(q, 9);
        p->new_of[i] = live_key(p, sqlite3_column_int64(q, 10));
    }
    return rc;
}

static size_t
index_of_id(const pass *p, int64_t id)
{
    size_t lo = 0;
    size_t hi = p->n_pinned;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (p->art_id[mid] < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < p->n_pinned && p->art_id[lo] == id ? lo : SIZE_MAX;
}

/* Pins the loaded articles: new_of held each one's live key meanwhile. */
static px_status
pin_all(pass *p, const int64_t *copy_of, px_error *err)
{
    p->n_pinned = px_storyset_count(p->set);
    for (size_t i = 0; i < p->n_pinned; i++) {
        const size_t c =
            copy_of[i] != 0 ? index_of_id(p, copy_of[i]) : SIZE_MAX;
        if (!px_storyset_pin(p->set, i, p->new_of[i], c)) {
            return px_fail(err, PX_EINVAL, "store: bad pin of article %lld",
                           (long long)p->art_id[i]);
        }
        p->new_of[i] = SIZE_MAX;
    }
    return PX_OK;
}

static const char pinned_sql[] =
    "SELECT id, source, url, site, title, published, fetched, text, copy_of,"
    " copy_group, story FROM articles"
    " WHERE story IN (SELECT id FROM temp.px_live) ORDER BY id";

/* Loads the live stories' articles into the set, pinned. */
static px_status
load_pinned(pass *p, px_error *err)
{
    px_status rc = find_live(p, err);
    rc = rc == PX_OK ? load_live_ids(p, err) : rc;
    sqlite3_stmt *q = NULL;
    rc = rc == PX_OK ? px_store_prepare(p->st, pinned_sql, &q, err) : rc;
    int64_t *copy_of = NULL;
    size_t cap = 0;
    int r = SQLITE_DONE;
    while (rc == PX_OK && (r = sqlite3_step(q)) == SQLITE_ROW) {
        const size_t i = px_storyset_count(p->set);
        if (i >= cap) {
            cap = cap ? cap * 2 : 256;
            int64_t *c = px_realloc(copy_of, cap * sizeof *c);
            if (c == NULL) {
                rc = px_fail(err, PX_ENOMEM, "store: out of memory");
                break;
            }
            copy_of = c;
        }
        rc = add_stored(p, q, copy_of, err);
    }
    if (rc == PX_OK && r != SQLITE_DONE) {
        rc = px_store_fail(p->st, "live articles", err);
    }
    sqlite3_finalize(q);
    if (rc == PX_OK && px_storyset_count(p->set) > 0) {
        rc = pin_all(p, copy_of, err);
    }
    free(copy_of);
    return rc;
}

/* Adds the batch's new articles to the set. */
static px_status
add_new(pass *p, px_error *err)
{
    for (size_t j = 0; j < p->b->n; j++) {
        const size_t i = px_storyset_count(p->set);
        if (!pass_room(p, i + 1)) {
            return px_fail(err, PX_ENOMEM, "store: out of memory");
        }
        const px_status rc = px_storyset_add(p->set, p->b->arts[j], err);
        if (rc != PX_OK) {
            return rc;
        }
        p->new_of[i] = j;
        p->group[i] = 0;
    }
    return PX_OK;
}

/* Gives every internal story a store id: its pinned articles' story, else
 * a new one (numbered in order of their first new article). */
static px_status
assign_stories(pass *p, size_t *stories_new, px_error *err)
{
    const size_t n_int = px_storyset_n_stories(p->set);
    const size_t n = px_storyset_count(p->set);
    p->story_id = px_calloc(n_int + 1, sizeof *p->story_id);
    int64_t next = 0;
    px_status rc = p->story_id != NULL
                       ? px_store_int(p->st, "SELECT max(id) FROM stories", -1,
                                      0, &next, err)
                       : px_fail(err, PX_ENOMEM, "store: out of memory");
    for (size_t i = 0; rc == PX_OK && i < p->n_pinned; i++) {
        p->story_id[p->arts[i].story] = p->live[p->arts[i].pin];
    }
    for (size_t i = p->n_pinned; rc == PX_OK && i < n; i++) {
        int64_t *id = &p->story_id[p->arts[i].story];
        if (*id == 0) {
            *id = ++next;
            (*stories_new)++;
        }
    }
    return rc;
}

/* The copy group of article i: its own id, or its copy's group. */
static int64_t
group_of(pass *p, size_t i)
{
    size_t hops = 0;
    size_t j = i;
    while (p->group[j] == 0 && p->arts[j].copy_of != SIZE_MAX &&
           hops++ < px_storyset_count(p->set)) {
        j = p->arts[j].copy_of;
    }
    const int64_t g = p->group[j] != 0 ? p->group[j] : p->art_id[j];
    p->group[i] = g;
    return g;
}

static void
bind_opt(sqlite3_stmt *q, int c, const char *s)
{
    if (s != NULL && s[0] != '\0') {
        sqlite3_bind_text(q, c, s, -1, SQLITE_STATIC);
    } else {
        sqlite3_bind_null(q, c);
    }
}

static const char insert_sql[] =
    "INSERT INTO articles(id, key, source, url, site, title, lang, published,"
    " fetched, time, text, copy_of, copy_group, story, batch)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

/* Writes new article i (set index) and its search index. */
static px_status
write_article(pass *p, sqlite3_stmt *q, size_t i, px_error *err)
{
    const px_story_art *x = &p->arts[i];
    const size_t j = p->new_of[i];
    const px_article *a = p->b->arts[j];
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    sqlite3_bind_int64(q, 1, p->art_id[i]);
    sqlite3_bind_text(q, 2, p->b->keys[j], -1, SQLITE_STATIC);
    bind_opt(q, 3, a->source);
    bind_opt(q, 4, a->url);
    bind_opt(q, 5, a->site);
    bind_opt(q, 6, a->title);
    sqlite3_bind_text(q, 7, x->prof.lang, -1, SQLITE_STATIC);
    bind_opt(q, 8, x->published);
    bind_opt(q, 9, a->fetched);
    if (x->t != PX_TIME_NONE) {
        sqlite3_bind_int64(q, 10, x->t);
    }
    sqlite3_bind_text(q, 11, a->text, (int)a->text_len, SQLITE_STATIC);
    if (x->copy_of != SIZE_MAX) {
        sqlite3_bind_int64(q, 12, p->art_id[x->copy_of]);
    }
    sqlite3_bind_int64(q, 13, group_of(p, i));
    sqlite3_bind_int64(q, 14, p->story_id[x->story]);
    sqlite3_bind_int64(q, 15, p->b->batch_id);
    if (sqlite3_step(q) != SQLITE_DONE) {
        return px_store_fail(p->st, "insert article", err);
    }
    return px_store_index_article(
        p->st, p->art_id[i], px_str_c(a->title != NULL ? a->title : ""),
        (px_str){a->text, a->text_len}, x->prof.lang, err);
}

static px_status
write_articles(pass *p, px_error *err)
{
    int64_t next = 0;
    px_status rc =
        px_store_int(p->st, "SELECT max(id) FROM articles", -1, 0, &next, err);
    const size_t n = px_storyset_count(p->set);
    for (size_t i = p->n_pinned; i < n; i++) {
        p->art_id[i] = ++next;
    }
    sqlite3_stmt *q = NULL;
    rc = rc == PX_OK ? px_store_prepare(p->st, insert_sql, &q, err) : rc;
    for (size_t i = p->n_pinned; rc == PX_OK && i < n; i++) {
        rc = write_article(p, q, i, err);
    }
    sqlite3_finalize(q);
    return rc;
}

/* Distinct languages of the members in order, space-separated, and the
 * number of distinct sites (an article without a site counts alone). */
static void
story_langs_sites(const pass *p, const size_t *m, size_t n, px_buf *langs,
                  size_t *sites)
{
    *sites = 0;
    for (size_t k = 0; k < n; k++) {
        const px_story_art *x = &p->arts[m[k]];
        bool lang_seen = false;
        bool site_seen = false;
        for (size_t j = 0; j < k; j++) {
            const px_story_art *y = &p->arts[m[j]];
            lang_seen = lang_seen || strcmp(y->prof.lang, x->prof.lang) == 0;
            site_seen = site_seen || (x->site != NULL && y->site != NULL &&
                                      strcmp(x->site, y->site) == 0);
        }
        if (!lang_seen) {
            px_buf_printf(langs, "%s%s", langs->len ? " " : "", x->prof.lang);
        }
        *sites += !site_seen;
    }
}

static const char story_sql[] =
    "INSERT OR REPLACE INTO stories(id, first, last, articles, sources,"
    " langs, headline, headline_lang, batch, sheet)"
    " VALUES(?,?,?,?,?,?,?,?,?,?)";

/* Binds the summary of internal story k (members m, n of them). */
static void
bind_story(const pass *p, sqlite3_stmt *q, size_t k, const size_t *m, size_t n,
           px_buf *langs)
{
    int64_t first = PX_TIME_NONE;
    int64_t last = PX_TIME_NONE;
    for (size_t j = 0; j < n; j++) {
        const int64_t t = p->arts[m[j]].t;
        first = t != PX_TIME_NONE && first == PX_TIME_NONE ? t : first;
        last = t != PX_TIME_NONE && t > last ? t : last;
    }
    size_t sites = 0;
    story_langs_sites(p, m, n, langs, &sites);
    sqlite3_bind_int64(q, 1, p->story_id[k]);
    if (first != PX_TIME_NONE) {
        sqlite3_bind_int64(q, 2, first);
        sqlite3_bind_int64(q, 3, last);
    }
    sqlite3_bind_int64(q, 4, (int64_t)n);
    sqlite3_bind_int64(q, 5, (int64_t)sites);
    sqlite3_bind_text(q, 6, langs->ptr != NULL ? langs->ptr : "",
                      (int)langs->len, SQLITE_STATIC);
    bind_opt(q, 7, p->arts[m[0]].title);
    sqlite3_bind_text(q, 8, p->arts[m[0]].prof.lang, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 9, p->b->batch_id);
}

/* Writes the summary and sheet of internal story k. */
static px_status
write_story(pass *p, sqlite3_stmt *q, size_t k, px_error *err)
{
    size_t n = 0;
    size_t *m = px_story_members(p->set, k, &n);
    char *sheet = NULL;
    size_t sheet_len = 0;
    px_status rc =
        m == NULL ? px_fail(err, PX_ENOMEM, "store: out of memory") : PX_OK;
    if (rc == PX_OK && n > 0) {
        rc = px_storyset_sheet_json(p->set, k, &sheet, &sheet_len, err);
    }
    px_buf langs;
    px_buf_init(&langs);
    if (rc == PX_OK && n > 0) {
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        bind_story(p, q, k, m, n, &langs);
        sqlite3_bind_text(q, 10, sheet, (int)sheet_len, SQLITE_STATIC);
        if (px_buf_failed(&langs)) {
            rc = px_fail(err, PX_ENOMEM, "store: out of memory");
        } else if (sqlite3_step(q) != SQLITE_DONE) {
            rc = px_store_fail(p->st, "write story", err);
        }
    }
    px_buf_fini(&langs);
    px_free(sheet);
    free(m);
    return rc;
}

/* Rewrites every story holding a new article. */
static px_status
write_stories(pass *p, size_t *touched, px_error *err)
{
    const size_t n_int = px_storyset_n_stories(p->set);
    bool *is_touched = px_calloc(n_int + 1, sizeof *is_touched);
    sqlite3_stmt *q = NULL;
    px_status rc = is_touched != NULL
                       ? px_store_prepare(p->st, story_sql, &q, err)
                       : px_fail(err, PX_ENOMEM, "store: out of memory");
    const size_t n = px_storyset_count(p->set);
    for (size_t i = p->n_pinned; rc == PX_OK && i < n; i++) {
        is_touched[p->arts[i].story] = true;
    }
    for (size_t k = 0; rc == PX_OK && k < n_int; k++) {
        if (is_touched[k]) {
            (*touched)++;
            rc = write_story(p, q, k, err);
        }
    }
    sqlite3_finalize(q);
    free(is_touched);
    return rc;
}

static void
pass_fini(pass *p)
{
    px_storyset_free(p->set);
    free(p->art_id);
    free(p->group);
    free(p->new_of);
    free(p->live);
    free(p->story_id);
}

px_status
px_store_batch_write(px_store *st, const px_store_batch *b,
                     const px_story_opts *so, size_t *stories_new,
                     size_t *touched, px_error *err)
{
    pass p = {0};
    p.st = st;
    p.b = b;
    *stories_new = 0;
    *touched = 0;
    if (b->n == 0) {
        return PX_OK;
    }
    px_status rc = px_storyset_new_lex(st->lex, so, &p.set, err);
    rc = rc == PX_OK ? load_pinned(&p, err) : rc;
    rc = rc == PX_OK ? add_new(&p, err) : rc;
    rc = rc == PX_OK ? px_store_background(st, p.set, p.n_pinned, err) : rc;
    rc = rc == PX_OK ? px_storyset_cluster(p.set, err) : rc;
    if (rc == PX_OK) {
        p.arts = p.set->arts;
        rc = assign_stories(&p, stories_new, err);
    }
    rc = rc == PX_OK ? write_articles(&p, err) : rc;
    rc = rc == PX_OK ? px_store_count_features(st, p.set, p.n_pinned, err) : rc;
    rc = rc == PX_OK ? write_stories(&p, touched, err) : rc;
    pass_fini(&p);
    return rc;
}
