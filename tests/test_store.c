/* test_store.c - the store: opening and migrating, idempotent adds,
 * incremental adds that keep stored stories (pinned) and let new articles
 * copy or join them, the JSON documents, search (the seeds' cross-language
 * query when ../shared/seeds and a lexicon are there), unknown ids and
 * read-only stores. Pages come from data/sample. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "check.h"
#include "cluster.h"
#include "store.h"

static char dir[64];

static const char *
src_dir(void)
{
    const char *s = getenv("PX_SOURCE_DIR");
    return s != NULL ? s : "..";
}

static const char *
sample(const char *name, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/data/sample/%s", src_dir(), name);
    return buf;
}

static const char *
tmp_path(const char *name, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s", dir, name);
    return buf;
}

/* One integer from the store file at path (read with SQLite directly). */
static long long
sql_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
        v = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
}

static px_status
add_batches(px_store *st, const char *const *paths, size_t n, size_t batch,
            px_store_add_stats *s)
{
    px_error err = {0};
    px_store_add_opts o = {0};
    o.batch = batch;
    const px_status rc = px_store_add(st, paths, n, &o, NULL, NULL, s, &err);
    if (rc != PX_OK) {
        fprintf(stderr, "add: %s\n", err.msg);
    }
    return rc;
}

static px_status
add_paths(px_store *st, const char *const *paths, size_t n,
          px_store_add_stats *s)
{
    return add_batches(st, paths, n, 100, s);
}

static void
test_open(void)
{
    char path[128];
    char junk[128];
    px_store *st = NULL;
    px_error err = {0};
    tmp_path("open.db", path, sizeof path);
    CHECK(px_store_open(path, true, NULL, &st, &err) == PX_EIO); /* absent */
    CHECK(st == NULL);
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_OK);
    px_store_close(st);
    CHECK(sql_int(path, "PRAGMA user_version") == 1);
    CHECK(sql_int(path, "SELECT 'wal' = (SELECT journal_mode FROM"
                        " pragma_journal_mode)") == 1);
    CHECK(sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN"
                        " ('articles','stories','batches','article_fts',"
                        "'article_concepts','feature_df')") == 6);
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_OK); /* again */
    px_store_close(st);
    /* A newer schema is refused, and so is a file that is no database. */
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    err = (px_error){0};
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_EIO);
    CHECK(strstr(err.msg, "newer") != NULL);
    FILE *f = fopen(tmp_path("junk.db", junk, sizeof junk), "w");
    fputs("this is not a database, not at all, but long enough to look at\n",
          f);
    fclose(f);
    CHECK(px_store_open(junk, false, NULL, &st, &err) == PX_EIO);
    CHECK(st == NULL);
}

/* What a writer killed before its first migration committed leaves: a
 * WAL-mode file with no table at version 0. Read-only, it is an empty
 * store that stays read-only; a version-0 file holding someone else's
 * table is still refused. */
static void
test_open_unmigrated(void)
{
    char path[128];
    char other[128];
    px_store *st = NULL;
    px_error err = {0};
    sqlite3 *db = NULL;
    tmp_path("unmigrated.db", path, sizeof path);
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(sql_int(path, "PRAGMA user_version") == 0);
    CHECK(px_store_open(path, true, NULL, &st, &err) == PX_OK);
    char *out = NULL;
    size_t len = 0;
    CHECK(st != NULL && px_store_stories_json(st, PX_STORE_NEWEST, 0, 10, &out,
                                              &len, &err) == PX_OK);
    json_t *doc = out != NULL ? json_loadb(out, len, 0, NULL) : NULL;
    CHECK(doc != NULL && json_array_size(json_object_get(doc, "stories")) == 0);
    json_decref(doc);
    free(out);
    const char *paths[] = {path};
    px_store_add_stats s = {0};
    CHECK(st != NULL &&
          px_store_add(st, paths, 1, NULL, NULL, NULL, &s, &err) == PX_EINVAL);
    px_store_close(st);
    CHECK(sql_int(path, "SELECT count(*) FROM sqlite_master") == 0);
    tmp_path("other.db", other, sizeof other);
    CHECK(sqlite3_open(other, &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    st = NULL;
    err = (px_error){0};
    CHECK(px_store_open(other, true, NULL, &st, &err) == PX_EIO);
    CHECK(st == NULL && strstr(err.msg, "schema version 0") != NULL);
}

static void
test_idempotent(void)
{
    char path[128];
    char a[256];
    char b[256];
    tmp_path("idem.db", path, sizeof path);
    px_store *st = NULL;
    px_error err = {0};
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_OK);
    const char *paths[] = {sample("en_quake.txt", a, sizeof a),
                           sample("en_ferry.html", b, sizeof b)};
    px_store_add_stats s = {0};
    CHECK(add_paths(st, paths, 2, &s) == PX_OK);
    CHECK(s.added == 2 && s.known == 0 && s.batches == 1);
    CHECK(s.batch_id == 1 && s.store_articles == 2);
    CHECK(add_paths(st, paths, 2, &s) == PX_OK);
    CHECK(s.added == 0 && s.known == 2 && s.batches == 1);
    CHECK(s.batch_id == 2 && s.store_articles == 2);
    px_store_close(st);
    CHECK(sql_int(path, "SELECT count(*) FROM articles") == 2);
    CHECK(sql_int(path, "SELECT count(*) FROM batches") == 2);
}

/* Writes a JSON Lines page holding the text of sample page name with a
 * sentence added and another url: a copy of it. */
static void
write_copy(const char *name, const char *out)
{
    char in[256];
    const char *paths[] = {sample(name, in, sizeof in)};
    px_reader *r = NULL;
    px_error err = {0};
    const px_record *rec = NULL;
    px_article *a = NULL;
    px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, &err);
    if (r != NULL && px_reader_next(r, &rec, &err) == PX_OK && rec != NULL &&
        px_extract(rec, &a, &err) == PX_OK) {
        size_t len = 0;
        const char *text = px_article_text(a, &len);
        char *t = malloc(len + 64);
        memcpy(t, text, len);
        strcpy(t + len, "\nThe agency updated this report.");
        json_t *o = json_pack("{s:s,s:s,s:s}", "url",
                              "https://copies.example/quake-copy", "date",
                              "2026-06-08T12:00:00Z", "text", t);
        FILE *f = fopen(out, "w");
        json_dumpf(o, f, JSON_COMPACT);
        fputc('\n', f);
        fclose(f);
        json_decref(o);
        free(t);
    }
    px_article_free(a);
    px_reader_close(r);
}

static long long
story_of(const char *db, const char *url_like)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT story FROM articles WHERE url LIKE '%s' OR source LIKE"
             " '%s' ORDER BY id LIMIT 1",
             url_like, url_like);
    return sql_int(db, sql);
}

/* Batch 1 holds the English quake and ferry reports; batch 2 a copy of
 * the quake report, another language's quake report and more ferry
 * pages: the stored articles keep their stories, the copy copies, the
 * new reports join the live stories. */
static void
test_incremental(void)
{
    char path[128];
    char p[6][256];
    char copy[128];
    tmp_path("incr.db", path, sizeof path);
    tmp_path("copy.jsonl", copy, sizeof copy);
    write_copy("en_quake.txt", copy);
    px_store *st = NULL;
    px_error err = {0};
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_OK);
    const char *b1[] = {sample("en_quake.txt", p[0], 256),
                        sample("en_ferry.html", p[1], 256)};
    px_store_add_stats s = {0};
    CHECK(add_paths(st, b1, 2, &s) == PX_OK);
    CHECK(s.stories_new == 2);
    const long long quake = story_of(path, "%en_quake.txt");
    const long long ferry = story_of(path, "%en_ferry.html");
    CHECK(quake > 0 && ferry > 0 && quake != ferry);
    const char *b2[] = {copy, sample("en_quake_wire.html", p[2], 256),
                        sample("ar_ferry.txt", p[3], 256)};
    CHECK(add_paths(st, b2, 3, &s) == PX_OK);
    CHECK(s.added == 3);
    px_store_close(st);
    CHECK(story_of(path, "%en_quake.txt") == quake); /* pinned: kept */
    CHECK(story_of(path, "%en_ferry.html") == ferry);
    CHECK(story_of(path, "%quake-copy") == quake); /* the copy */
    CHECK(sql_int(path, "SELECT c.copy_of = o.id FROM articles c, articles o"
                        " WHERE c.url LIKE '%quake-copy' AND o.source LIKE"
                        " '%en_quake.txt'") == 1);
    CHECK(story_of(path, "%en_quake_wire.html") == quake); /* joins */
    CHECK(story_of(path, "%ar_ferry.txt") == ferry);
    CHECK(sql_int(path, "SELECT articles FROM stories WHERE id = (SELECT"
                        " story FROM articles WHERE source LIKE"
                        " '%en_quake.txt')") == 3);
    CHECK(sql_int(path, "SELECT count(*) FROM stories") == 2);
}

/* Parses the document a query left in *s (freed); NULL when it failed. */
static json_t *
doc(px_status rc, char **s)
{
    json_t *o = rc == PX_OK ? json_loads(*s, 0, NULL) : NULL;
    px_free(*s);
    *s = NULL;
    return o;
}

/* Story k: its articles are the sheet's sources, in the same order. */
static void
check_story(px_store *st, json_int_t id)
{
    char *s = NULL;
    size_t len = 0;
    px_error err = {0};
    json_t *o = doc(px_store_story_json(st, id, &s, &len, &err), &s);
    CHECK(o != NULL);
    json_t *arts = json_object_get(o, "articles");
    json_t *srcs = json_object_get(json_object_get(o, "sheet"), "sources");
    CHECK(json_array_size(arts) > 0);
    CHECK(json_array_size(arts) == json_array_size(srcs));
    size_t k = 0;
    json_t *a = NULL;
    json_array_foreach(arts, k, a)
    {
        json_t *src = json_array_get(srcs, k);
        CHECK(json_integer_value(json_object_get(a, "source")) ==
              (json_int_t)k);
        CHECK(json_equal(json_object_get(a, "title"),
                         json_object_get(src, "title")) ||
              json_is_null(json_object_get(a, "title")));
        CHECK(json_integer_value(json_object_get(a, "length")) ==
              json_integer_value(json_object_get(src, "length")));
        CHECK(json_equal(json_object_get(a, "id"),
                         json_object_get(src, "article")));
    }
    /* The article page names the same story and source number. */
    json_t *first = json_array_get(arts, json_array_size(arts) - 1);
    const json_int_t aid = json_integer_value(json_object_get(first, "id"));
    json_t *art = doc(px_store_article_json(st, aid, &s, &len, &err), &s);
    CHECK(json_integer_value(json_object_get(art, "story")) == id);
    CHECK(json_integer_value(json_object_get(art, "source")) ==
          (json_int_t)json_array_size(arts) - 1);
    CHECK(json_string_length(json_object_get(art, "text")) ==
          (size_t)json_integer_value(json_object_get(first, "length")));
    json_decref(art);
    json_decref(o);
}

static void
test_documents(px_store *st)
{
    char *s = NULL;
    size_t len = 0;
    px_error err = {0};
    json_t *o = doc(
        px_store_stories_json(st, PX_STORE_LARGEST, 0, 0, &s, &len, &err), &s);
    json_t *list = json_object_get(o, "stories");
    CHECK(json_integer_value(json_object_get(o, "total")) >= 8);
    CHECK(json_array_size(list) ==
          (size_t)json_integer_value(json_object_get(o, "total")));
    json_int_t prev = 1 << 30;
    size_t i = 0;
    json_t *x = NULL;
    json_array_foreach(list, i, x)
    {
        const json_int_t n = json_integer_value(json_object_get(x, "articles"));
        CHECK(n <= prev);
        prev = n;
        check_story(st, json_integer_value(json_object_get(x, "id")));
    }
    json_decref(o);
    o = doc(px_store_stories_json(st, PX_STORE_NEWEST, 2, 3, &s, &len, &err),
            &s);
    CHECK(json_array_size(json_object_get(o, "stories")) == 3);
    CHECK_STR_EQ(json_string_value(json_object_get(o, "order")), "newest");
    json_decref(o);
    CHECK(px_store_story_json(st, 99999, &s, &len, &err) == PX_EEMPTY);
    CHECK(s == NULL);
    CHECK(px_store_article_json(st, 99999, &s, &len, &err) == PX_EEMPTY);
    CHECK(px_store_article_json(st, -1, &s, &len, &err) == PX_EEMPTY);
    CHECK(px_store_search_json(st, "  ", 0, &s, &len, &err) == PX_EINVAL);
}

/* Whether a search for q has a hit in language lang. */
static bool
finds_lang(px_store *st, const char *q, const char *lang)
{
    char *s = NULL;
    size_t len = 0;
    px_error err = {0};
    json_t *o = doc(px_store_search_json(st, q, 0, &s, &len, &err), &s);
    bool found = false;
    size_t i = 0;
    json_t *h = NULL;
    json_array_foreach(json_object_get(o, "hits"), i, h)
    {
        const char *l = json_string_value(json_object_get(h, "lang"));
        found = found || (l != NULL && strcmp(l, lang) == 0);
    }
    json_decref(o);
    return found;
}

static void
test_sample(void)
{
    char path[128];
    char in[256];
    tmp_path("sample.db", path, sizeof path);
    px_store *st = NULL;
    px_error err = {0};
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_OK);
    const char *paths[] = {sample("", in, sizeof in)};
    px_store_add_stats s = {0};
    /* Batches of 7 pages: stories grow over several batches, and their
     * sheets must still number sources in the articles' order. */
    CHECK(add_batches(st, paths, 1, 7, &s) == PX_OK);
    CHECK(s.added >= 40 && s.known >= 1 && s.failed == 0);
    CHECK(s.batches == 7 && s.stories_touched > s.stories_new);
    test_documents(st);
    CHECK(finds_lang(st, "earthquake Chile", "eng"));
    CHECK(finds_lang(st, "Antofagasta", "spa")); /* text, another language */
    CHECK(finds_lang(st, "渡轮", "zho-Hans"));   /* Chinese words */
    px_store_close(st);
    /* Read-only: queries work (also while a writer holds its write
     * transaction open: WAL), adding fails. */
    sqlite3 *w = NULL;
    CHECK(sqlite3_open(path, &w) == SQLITE_OK);
    CHECK(sqlite3_exec(w,
                       "BEGIN IMMEDIATE; DELETE FROM article_concepts;"
                       " UPDATE stories SET headline = 'x'",
                       NULL, NULL, NULL) == SQLITE_OK);
    CHECK(px_store_open(path, true, NULL, &st, &err) == PX_OK);
    CHECK(finds_lang(st, "earthquake Chile", "eng"));
    sqlite3_exec(w, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(w);
    char *doc_s = NULL;
    size_t len = 0;
    CHECK(px_store_stories_json(st, PX_STORE_NEWEST, 0, 0, &doc_s, &len,
                                &err) == PX_OK);
    px_free(doc_s);
    CHECK(px_store_add(st, paths, 1, NULL, NULL, NULL, &s, &err) == PX_EINVAL);
    px_store_close(st);
}

static void
test_seeds(void)
{
    char seeds[512];
    snprintf(seeds, sizeof seeds, "%s/seeds", check_shared_dir());
    if (access(seeds, R_OK) != 0) {
        printf("SKIP: seeds absent\n");
        return;
    }
    char path[128];
    tmp_path("seeds.db", path, sizeof path);
    px_store *st = NULL;
    px_error err = {0};
    CHECK(px_store_open(path, false, NULL, &st, &err) == PX_OK);
    const char *paths[] = {seeds};
    px_store_add_stats s = {0};
    CHECK(add_paths(st, paths, 1, &s) == PX_OK);
    CHECK(finds_lang(st, "Azerbaijan troops Gaza", "eng"));
    if (sql_int(path, "SELECT count(*) FROM article_concepts") <= 0) {
        printf("SKIP: no lexicon, no concept search\n");
    } else {
        CHECK(finds_lang(st, "Azerbaijan troops Gaza", "arb"));
        CHECK(finds_lang(st, "Azerbaijan troops Gaza", "zho-Hans"));
    }
    px_store_close(st);
}

/* px_cluster_add_to: forced stories whatever the fit; a forced story
 * that closed opens again under its number; forced adds leave the clock. */
static void
test_cluster_force(void)
{
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.window_s = 1000;
    px_clusterer *c = px_cluster_new(&o);
    const px_feat a[] = {{1, 1.0f}, {2, 1.0f}};
    const px_feat b[] = {{7, 1.0f}, {8, 1.0f}};
    size_t k = 0;
    double sim = 0;
    CHECK(px_cluster_add_to(c, a, 2, 0, PX_CLUSTER_NEW, &k, &sim, NULL) ==
          PX_OK);
    CHECK(k == 0);
    CHECK(px_cluster_add_to(c, a, 2, 10, PX_CLUSTER_NEW, &k, &sim, NULL) ==
          PX_OK);
    CHECK(k == 1); /* the same features, yet a new story */
    CHECK(px_cluster_add_to(c, b, 2, 20, 0, &k, &sim, NULL) == PX_OK);
    CHECK(k == 0); /* nothing shared, yet story 0 */
    CHECK(px_cluster_add(c, a, 2, 30, &k, &sim, NULL) == PX_OK);
    CHECK(k == 0 || k == 1);
    /* Far ahead, forced: no story closes. */
    CHECK(px_cluster_add_to(c, b, 2, 100000, 1, &k, &sim, NULL) == PX_OK);
    CHECK(k == 1 && px_cluster_n_live(c) == 2);
    /* A free add far ahead closes them; forcing story 0 opens it again. */
    CHECK(px_cluster_add(c, b, 2, 200000, &k, &sim, NULL) == PX_OK);
    CHECK(k == 2);
    CHECK(px_cluster_add_to(c, a, 2, 200001, 0, &k, &sim, NULL) == PX_OK);
    CHECK(k == 0 && px_cluster_n_stories(c) == 3);
    px_cluster_free(c);
}

int
main(void)
{
    snprintf(dir, sizeof dir, "/tmp/px_test_store_XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_cluster_force();
    test_open();
    test_open_unmigrated();
    test_idempotent();
    test_incremental();
    test_sample();
    test_seeds();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
    return check_summary();
}
