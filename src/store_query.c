/* store_query.c - the JSON documents of the store (UI_CONTRACT):
 * "store_stories", "store_story" and "store_article" of docs/schema.json.
 * A story's articles are in time order (undated ones last), then by id:
 * the order of px_story_members, so article k is source k of its sheet.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store_int.h"

#define PX_STORE_LIMIT 50

/* Takes the document o (reference stolen) into *out. */
static px_status
dump(json_t *o, char **out, size_t *len, px_error *err)
{
    char *s = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "store: out of memory");
    }
    *out = s;
    if (len != NULL) {
        *len = strlen(s);
    }
    return PX_OK;
}

static json_t *
col_str(sqlite3_stmt *q, int c)
{
    const char *s = (const char *)sqlite3_column_text(q, c);
    return s != NULL ? json_stringn(s, (size_t)sqlite3_column_bytes(q, c))
                     : json_null();
}

static json_t *
col_time(sqlite3_stmt *q, int c)
{
    if (sqlite3_column_type(q, c) == SQLITE_NULL) {
        return json_null();
    }
    char buf[32];
    px_store_iso(sqlite3_column_int64(q, c), buf);
    return json_string(buf);
}

static json_t *
col_id(sqlite3_stmt *q, int c)
{
    return sqlite3_column_type(q, c) == SQLITE_NULL
               ? json_null()
               : json_integer(sqlite3_column_int64(q, c));
}

/* The space-separated languages of column c as an array. */
static json_t *
col_langs(sqlite3_stmt *q, int c)
{
    json_t *a = json_array();
    const char *s = (const char *)sqlite3_column_text(q, c);
    while (a != NULL && s != NULL && *s != '\0') {
        const char *e = strchr(s, ' ');
        const size_t n = e != NULL ? (size_t)(e - s) : strlen(s);
        json_array_append_new(a, json_stringn(s, n));
        s = e != NULL ? e + 1 : s + n;
    }
    return a;
}

static const char stories_cols[] =
    "SELECT id, articles, sources, langs, first, last, headline,"
    " headline_lang FROM stories ";

static json_t *
story_row(sqlite3_stmt *q)
{
    const char *hl = (const char *)sqlite3_column_text(q, 7);
    return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s}", "id",
                     col_id(q, 0), "articles", col_id(q, 1), "sources",
                     col_id(q, 2), "langs", col_langs(q, 3), "first",
                     col_time(q, 4), "last", col_time(q, 5), "headline",
                     col_str(q, 6), "headline_lang", col_str(q, 7),
                     "headline_dir", px_store_dir(hl));
}

px_status
px_store_stories_json(px_store *st, px_store_order order, size_t offset,
                      size_t limit, char **out, size_t *len, px_error *err)
{
    *out = NULL;
    char sql[256];
    snprintf(sql, sizeof sql, "%s ORDER BY %s LIMIT ? OFFSET ?", stories_cols,
             order == PX_STORE_LARGEST
                 ? "articles DESC, last IS NULL, last DESC, id DESC"
                 : "last IS NULL, last DESC, id DESC");
    int64_t total = 0;
    px_status rc =
        px_store_int(st, "SELECT count(*) FROM stories", -1, 0, &total, err);
    sqlite3_stmt *q = NULL;
    rc = rc == PX_OK ? px_store_prepare(st, sql, &q, err) : rc;
    json_t *list = json_array();
    int r = SQLITE_DONE;
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, (int64_t)(limit ? limit : PX_STORE_LIMIT));
        sqlite3_bind_int64(q, 2, (int64_t)offset);
        while ((r = sqlite3_step(q)) == SQLITE_ROW) {
            json_array_append_new(list, story_row(q));
        }
        rc = r == SQLITE_DONE ? PX_OK : px_store_fail(st, "stories", err);
    }
    sqlite3_finalize(q);
    if (rc != PX_OK) {
        json_decref(list);
        return rc;
    }
    return dump(json_pack("{s:s,s:I,s:I,s:o}", "order",
                          order == PX_STORE_LARGEST ? "largest" : "newest",
                          "offset", (json_int_t)offset, "total",
                          (json_int_t)total, "stories", list),
                out, len, err);
}

static const char story_arts_sql[] =
    "SELECT id, site, url, lang, title, published, length(CAST(text AS BLOB)),"
    " copy_of FROM articles WHERE story = ? ORDER BY time IS NULL, time, id";

static px_status
story_articles(px_store *st, int64_t story, json_t *arts, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(st, story_arts_sql, &q, err);
    int r = SQLITE_DONE;
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, story);
        for (json_int_t k = 0; (r = sqlite3_step(q)) == SQLITE_ROW; k++) {
            const char *lang = (const char *)sqlite3_column_text(q, 3);
            json_array_append_new(
                arts,
                json_pack("{s:o,s:I,s:o,s:o,s:o,s:s,s:o,s:o,s:o,s:o}", "id",
                          col_id(q, 0), "source", k, "site", col_str(q, 1),
                          "url", col_str(q, 2), "lang", col_str(q, 3), "dir",
                          px_store_dir(lang), "title", col_str(q, 4),
                          "published", col_str(q, 5), "length", col_id(q, 6),
                          "copy_of", col_id(q, 7)));
        }
        rc = r == SQLITE_DONE ? PX_OK : px_store_fail(st, "story", err);
    }
    sqlite3_finalize(q);
    return rc;
}

/* The story's row as a JSON object with its sheet, or PX_EEMPTY. */
static px_status
story_head(px_store *st, int64_t story, json_t **out, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        st,
        "SELECT id, articles, sources, langs, first, last, headline,"
        " headline_lang, sheet FROM stories WHERE id = ?",
        &q, err);
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, story);
        const int r = sqlite3_step(q);
        if (r == SQLITE_ROW) {
            *out = story_row(q);
            const char *sheet = (const char *)sqlite3_column_text(q, 8);
            json_t *sh = sheet != NULL ? json_loads(sheet, 0, NULL) : NULL;
            json_object_set_new(*out, "sheet", sh != NULL ? sh : json_null());
        } else {
            rc = r == SQLITE_DONE
                     ? px_fail(err, PX_EEMPTY, "store: no story %lld",
                               (long long)story)
                     : px_store_fail(st, "story", err);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

px_status
px_store_story_json(px_store *st, int64_t story, char **out, size_t *len,
                    px_error *err)
{
    *out = NULL;
    json_t *o = NULL;
    px_status rc = story_head(st, story, &o, err);
    json_t *arts = json_array();
    rc = rc == PX_OK ? story_articles(st, story, arts, err) : rc;
    if (rc != PX_OK || o == NULL) {
        json_decref(o);
        json_decref(arts);
        return rc != PX_OK ? rc
                           : px_fail(err, PX_ENOMEM, "store: out of memory");
    }
    json_object_set_new(o, "articles", arts);
    return dump(o, out, len, err);
}

/* The source number of article id in its story and its copies. */
static px_status
article_links(px_store *st, int64_t id, int64_t story, json_t *o, px_error *err)
{
    int64_t source = 0;
    px_status rc = px_store_int(
        st,
        "SELECT count(*) FROM articles a, articles b WHERE b.id = ?1"
        " AND a.story = b.story AND (a.time IS NULL, coalesce(a.time, 0), a.id)"
        " < (b.time IS NULL, coalesce(b.time, 0), b.id)",
        id, 0, &source, err);
    (void)story;
    json_object_set_new(o, "source", json_integer(source));
    json_t *copies = json_array();
    sqlite3_stmt *q = NULL;
    rc = rc == PX_OK ? px_store_prepare(st,
                                        "SELECT id FROM articles WHERE"
                                        " copy_of = ? ORDER BY id",
                                        &q, err)
                     : rc;
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, id);
        int r = SQLITE_DONE;
        while ((r = sqlite3_step(q)) == SQLITE_ROW) {
            json_array_append_new(copies, col_id(q, 0));
        }
        rc = r == SQLITE_DONE ? PX_OK : px_store_fail(st, "copies", err);
    }
    sqlite3_finalize(q);
    json_object_set_new(o, "copies", copies);
    return rc;
}

px_status
px_store_article_json(px_store *st, int64_t article, char **out, size_t *len,
                      px_error *err)
{
    *out = NULL;
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        st,
        "SELECT id, story, url, site, lang, title, published, fetched, text,"
        " copy_of FROM articles WHERE id = ?",
        &q, err);
    json_t *o = NULL;
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, article);
        const int r = sqlite3_step(q);
        if (r == SQLITE_ROW) {
            const char *lang = (const char *)sqlite3_column_text(q, 4);
            o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:s,s:o,s:o,s:o,s:o,s:o}", "id",
                          col_id(q, 0), "story", col_id(q, 1), "url",
                          col_str(q, 2), "site", col_str(q, 3), "lang",
                          col_str(q, 4), "dir", px_store_dir(lang), "title",
                          col_str(q, 5), "published", col_str(q, 6), "fetched",
                          col_str(q, 7), "text", col_str(q, 8), "copy_of",
                          col_id(q, 9));
            rc = article_links(st, article, sqlite3_column_int64(q, 1), o, err);
        } else {
            rc = r == SQLITE_DONE
                     ? px_fail(err, PX_EEMPTY, "store: no article %lld",
                               (long long)article)
                     : px_store_fail(st, "article", err);
        }
    }
    sqlite3_finalize(q);
    if (rc != PX_OK) {
        json_decref(o);
        return rc;
    }
    return dump(o, out, len, err);
}
