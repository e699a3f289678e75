/* store.c - the store's file: opening, pragmas, the schema and its
 * migrations, and the helpers the other store files share.
 *
 * The schema version is SQLite's user_version. Migration N (schema[N-1])
 * takes a store from version N-1 to N inside one write transaction, so a
 * crash mid-migration leaves the old version; a read-only open of an old
 * store fails rather than migrate (a file with no table yet, left by a
 * writer stopped before its first commit, reads as an empty store), and
 * a store newer than this program is refused. To change the schema, append a
 * migration: never edit one that shipped.
 *
 * Durability: WAL with synchronous=FULL. A batch is one transaction, so a
 * kill leaves the last committed batch; FULL also syncs the WAL at each
 * commit, so a batch reported committed survives power loss too (NORMAL
 * would only lose recent commits there, never consistency). A commit per
 * hundreds of pages makes the fsync cost negligible.
 */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

#define PX_STORE_BUSY_MS 60000 /* a second writer waits out a batch */

/* Version 1: everything. Times are seconds since the epoch (NULL: no
 * date); an article's time is its publication date, else its fetch date
 * (the time the stories use). */
static const char schema_v1[] =
    "CREATE TABLE batches("
    " id INTEGER PRIMARY KEY, time INTEGER NOT NULL, pages INTEGER NOT NULL,"
    " added INTEGER NOT NULL, known INTEGER NOT NULL,"
    " failed INTEGER NOT NULL);"
    "CREATE TABLE stories("
    " id INTEGER PRIMARY KEY, first INTEGER, last INTEGER,"
    " articles INTEGER NOT NULL, sources INTEGER NOT NULL,"
    " langs TEXT NOT NULL, headline TEXT, headline_lang TEXT,"
    " batch INTEGER NOT NULL, sheet TEXT);"
    "CREATE INDEX stories_last ON stories(last);"
    "CREATE INDEX stories_size ON stories(articles);"
    "CREATE INDEX stories_batch ON stories(batch);"
    "CREATE TABLE articles("
    " id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, source TEXT,"
    " url TEXT, site TEXT, title TEXT, lang TEXT NOT NULL, published TEXT,"
    " fetched TEXT, time INTEGER, text TEXT NOT NULL,"
    " copy_of INTEGER REFERENCES articles(id),"
    " copy_group INTEGER NOT NULL, story INTEGER NOT NULL"
    " REFERENCES stories(id), batch INTEGER NOT NULL);"
    "CREATE INDEX articles_story ON articles(story, time);"
    "CREATE INDEX articles_copy ON articles(copy_of);"
    "CREATE TABLE article_concepts("
    " concept INTEGER NOT NULL, article INTEGER NOT NULL,"
    " weight REAL NOT NULL, first INTEGER NOT NULL,"
    " PRIMARY KEY(concept, article)) WITHOUT ROWID;"
    "CREATE TABLE feature_df(id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
    "CREATE VIRTUAL TABLE article_fts USING fts5(keys, content='',"
    " tokenize='unicode61 remove_diacritics 2');";

static const char *const schema[] = {schema_v1};
#define PX_STORE_VERSION ((int64_t)(sizeof schema / sizeof schema[0]))

px_status
px_store_fail(px_store *st, const char *what, px_error *err)
{
    return px_fail(err, PX_EIO, "store: %s: %s", what, sqlite3_errmsg(st->db));
}

px_status
px_store_exec(px_store *st, const char *sql, const char *what, px_error *err)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        return px_store_fail(st, what, err);
    }
    return PX_OK;
}

px_status
px_store_prepare(px_store *st, const char *sql, sqlite3_stmt **out,
                 px_error *err)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK) {
        return px_store_fail(st, "prepare", err);
    }
    return PX_OK;
}

px_status
px_store_int(px_store *st, const char *sql, int64_t a, int64_t def,
             int64_t *out, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(st, sql, &q, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (a >= 0) {
        sqlite3_bind_int64(q, 1, a);
    }
    const int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        *out = sqlite3_column_type(q, 0) == SQLITE_NULL
                   ? def
                   : sqlite3_column_int64(q, 0);
    } else if (r == SQLITE_DONE) {
        *out = def;
    } else {
        rc = px_store_fail(st, "query", err);
    }
    sqlite3_finalize(q);
    return rc;
}

/* Applies the migrations after the store's version, each in its own
 * write transaction (the version is read again inside it: another
 * process may have migrated meanwhile). */
static px_status
migrate(px_store *st, px_error *err)
{
    for (;;) {
        px_status rc = px_store_exec(st, "BEGIN IMMEDIATE", "migrate", err);
        int64_t v = 0;
        if (rc == PX_OK) {
            rc = px_store_int(st, "PRAGMA user_version", -1, 0, &v, err);
        }
        if (rc == PX_OK && v >= PX_STORE_VERSION) {
            return px_store_exec(st, "COMMIT", "migrate", err);
        }
        char set[64];
        snprintf(set, sizeof set, "PRAGMA user_version = %lld",
                 (long long)v + 1);
        if (rc == PX_OK) {
            rc = px_store_exec(st, schema[v], "migrate", err);
        }
        if (rc == PX_OK) {
            rc = px_store_exec(st, set, "migrate", err);
        }
        if (rc == PX_OK) {
            rc = px_store_exec(st, "COMMIT", "migrate", err);
        }
        if (rc != PX_OK) {
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
}

/* A store opened read-only whose file holds nothing yet: a writer
 * created it and was stopped before its first migration committed (the
 * migration's rollback leaves no table). It is an empty store, so it is
 * read as one: an empty store of the current schema in memory. */
static px_status
open_empty(px_store *st, const char *path, px_error *err)
{
    sqlite3_close(st->db);
    st->db = NULL;
    if (sqlite3_open_v2(":memory:", &st->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        return px_fail(err, PX_ENOMEM, "store: %s: out of memory", path);
    }
    return migrate(st, err);
}

/* Checks the version of a store opened read-only (it cannot migrate). */
static px_status
check_version(px_store *st, const char *path, px_error *err)
{
    int64_t v = 0;
    int64_t tables = 0;
    px_status rc = px_store_int(st, "PRAGMA user_version", -1, 0, &v, err);
    if (rc == PX_OK && v == 0) {
        rc = px_store_int(st, "SELECT count(*) FROM sqlite_master", -1, 0,
                          &tables, err);
        if (rc == PX_OK && tables == 0) {
            return open_empty(st, path, err);
        }
    }
    if (rc == PX_OK && v < PX_STORE_VERSION) {
        rc = px_fail(err, PX_EIO,
                     "store: %s: schema version %lld, not %lld (open it "
                     "for writing once to migrate)",
                     path, (long long)v, (long long)PX_STORE_VERSION);
    }
    return rc;
}

static px_status
setup(px_store *st, const char *path, bool read_only, px_error *err)
{
    const int flags = read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        return px_fail(err, PX_EIO, "store: %s: %s", path,
                       st->db != NULL ? sqlite3_errmsg(st->db)
                                      : "out of memory");
    }
    sqlite3_busy_timeout(st->db, PX_STORE_BUSY_MS);
    /* A batch touches the live stories' pages and the indexes all over:
     * a 64 MiB page cache instead of SQLite's 2 MiB. */
    sqlite3_exec(st->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
    int64_t v = 0;
    px_status rc = px_store_int(st, "PRAGMA user_version", -1, 0, &v, err);
    if (rc == PX_OK && v > PX_STORE_VERSION) {
        return px_fail(err, PX_EIO,
                       "store: %s: schema version %lld is newer than this "
                       "program's (%lld)",
                       path, (long long)v, (long long)PX_STORE_VERSION);
    }
    if (rc == PX_OK && read_only) {
        return check_version(st, path, err);
    }
    if (rc == PX_OK) {
        rc = px_store_exec(st,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = FULL;"
                           "PRAGMA foreign_keys = OFF",
                           "pragmas", err);
    }
    return rc == PX_OK ? migrate(st, err) : rc;
}

px_status
px_store_open(const char *path, bool read_only, const char *lexicon_path,
              px_store **out, px_error *err)
{
    *out = NULL;
    px_store *st = px_calloc(1, sizeof *st);
    if (st == NULL) {
        return px_fail(err, PX_ENOMEM, "store: out of memory");
    }
    st->is_read_only = read_only;
    px_status rc = setup(st, path, read_only, err);
    if (rc == PX_OK && lexicon_path != NULL &&
        access(lexicon_path, R_OK) != 0) {
        rc = px_fail(err, PX_EIO, "store: lexicon %s: %s", lexicon_path,
                     strerror(errno));
    }
    if (rc == PX_OK && lexicon_path != NULL) {
        const size_t n = strlen(lexicon_path) + 1;
        st->lex_path = px_malloc(n);
        if (st->lex_path == NULL) {
            rc = px_fail(err, PX_ENOMEM, "store: out of memory");
        } else {
            memcpy(st->lex_path, lexicon_path, n);
        }
    }
    if (rc != PX_OK) {
        px_store_close(st);
        return rc;
    }
    *out = st;
    return PX_OK;
}

void
px_store_close(px_store *st)
{
    if (st == NULL) {
        return;
    }
    sqlite3_close(st->db); /* NULL ok; statements are finalized by then */
    px_words_free(st->words);
    px_lex_close(st->lex);
    free(st->lex_path);
    free(st);
}

px_status
px_store_load_lex(px_store *st, px_error *err)
{
    if (st->is_lex_loaded) {
        return PX_OK;
    }
    st->is_lex_loaded = true;
    if (st->lex_path != NULL) {
        return px_lex_open(st->lex_path, &st->lex, err);
    }
    char def[1024];
    px_lex_default_path(def, sizeof def);
    px_error ignored = {0};
    if (px_lex_open(def, &st->lex, &ignored) != PX_OK) {
        st->lex = NULL; /* no lexicon: no concepts */
    }
    return PX_OK;
}

px_status
px_store_words(px_store *st, px_words **out, px_error *err)
{
    if (st->words == NULL) {
        px_status rc = px_words_new(st->lex, &st->words, err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    *out = st->words;
    return PX_OK;
}

px_status
px_store_split(px_store *st, px_str text, const char *lang, px_arena *a,
               px_word **out, size_t *n, px_error *err)
{
    px_words *w = NULL;
    px_status rc = px_store_words(st, &w, err);
    return rc == PX_OK ? px_words_split(w, text, lang, a, out, n, err) : rc;
}

const char *
px_store_dir(const char *lang)
{
    static const char *const rtl[] = {"arb", "ara", "heb", "fas", "pes",
                                      "prs", "urd", "pus", "pbu", "ckb",
                                      "uig", "yid", "snd", "div", "azb"};
    if (lang == NULL) {
        return "ltr";
    }
    if (strstr(lang, "-Arab") != NULL || strstr(lang, "-Hebr") != NULL) {
        return "rtl";
    }
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
        if (strncmp(lang, rtl[i], 3) == 0 &&
            (lang[3] == '\0' || lang[3] == '-')) {
            return "rtl";
        }
    }
    return "ltr";
}

void
px_store_iso(int64_t t, char buf[32])
{
    int64_t days = t / 86400;
    int64_t secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    /* civil_from_days (H. Hinnant) */
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2);
    char tmp[160];
    snprintf(tmp, sizeof tmp, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
             (long long)y, (long long)m, (long long)d, (long long)(secs / 3600),
             (long long)(secs / 60 % 60), (long long)(secs % 60));
    snprintf(buf, 32, "%.31s", tmp);
}
