/* store_index.c - the search index of one article: its word keys in the
 * FTS5 table (joined by spaces: the project's own word splitting, so
 * Chinese is cut by longest match over the lexicon, not by FTS5) and its
 * concepts with their weight and first byte offset (for concept search
 * and snippets). Title and text are indexed together ("title\ntext");
 * offsets into the text are kept, a concept only in the title gets 0.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Appends the keys of words to b, space-separated. */
static void
add_keys(px_buf *b, const px_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (w[i].key.len == 0) {
            continue;
        }
        if (b->len > 0) {
            px_buf_add_byte(b, ' ');
        }
        px_buf_add_str(b, w[i].key);
    }
}

static px_status
write_fts(px_store *st, int64_t id, const px_buf *keys, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        st, "INSERT INTO article_fts(rowid, keys) VALUES(?, ?)", &q, err);
    if (rc == PX_OK) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_text(q, 2, keys->ptr != NULL ? keys->ptr : "",
                          (int)keys->len, SQLITE_STATIC);
        if (sqlite3_step(q) != SQLITE_DONE) {
            rc = px_store_fail(st, "index article", err);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

static px_status
write_concepts(px_store *st, int64_t id, const px_concept_sum *c, size_t n,
               const px_word *w, size_t skip, px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        st,
        "INSERT OR IGNORE INTO article_concepts(concept, article, weight,"
        " first) VALUES(?,?,?,?)",
        &q, err);
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        const size_t off = w[c[i].first].off;
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, c[i].concept);
        sqlite3_bind_int64(q, 2, id);
        sqlite3_bind_double(q, 3, c[i].weight);
        sqlite3_bind_int64(q, 4, off >= skip ? (int64_t)(off - skip) : 0);
        if (sqlite3_step(q) != SQLITE_DONE) {
            rc = px_store_fail(st, "index concepts", err);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

px_status
px_store_index_article(px_store *st, int64_t id, px_str title, px_str text,
                       const char *lang, px_error *err)
{
    px_arena *a = px_arena_new();
    px_buf all;
    px_buf_init(&all);
    px_buf_add_str(&all, title);
    px_buf_add_byte(&all, '\n');
    px_buf_add_str(&all, text);
    const size_t skip = title.len + 1;
    px_status rc = a == NULL || px_buf_failed(&all)
                       ? px_fail(err, PX_ENOMEM, "store: out of memory")
                       : PX_OK;
    px_word *w = NULL;
    size_t n = 0;
    if (rc == PX_OK) {
        rc = px_store_split(st, (px_str){all.ptr, all.len}, lang, a, &w, &n,
                            err);
    }
    px_buf keys;
    px_buf_init(&keys);
    add_keys(&keys, w, n);
    rc = rc == PX_OK && px_buf_failed(&keys)
             ? px_fail(err, PX_ENOMEM, "store: out of memory")
             : rc;
    rc = rc == PX_OK ? write_fts(st, id, &keys, err) : rc;
    px_concept_occ *occ = NULL;
    size_t n_occ = 0;
    px_concept_sum *sum = NULL;
    size_t n_sum = 0;
    if (rc == PX_OK && st->lex != NULL) {
        rc = px_concepts_find(st->lex, (px_str){all.ptr, all.len}, lang, w, n,
                              a, &occ, &n_occ, err);
        rc = rc == PX_OK ? px_concepts_sum(occ, n_occ, a, &sum, &n_sum, err)
                         : rc;
        rc =
            rc == PX_OK ? write_concepts(st, id, sum, n_sum, w, skip, err) : rc;
    }
    px_buf_fini(&keys);
    px_buf_fini(&all);
    px_arena_free(a);
    return rc;
}
