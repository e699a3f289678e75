/* store_search.c - px_store_search_json: full-text and concept search.
 *
 * The query is split into words as articles are (words.h) in the
 * languages it is likely written in: its identified language, and English
 * when it has Latin letters (short queries fool identification). Full
 * text: its word keys, ORed, against the FTS5 table of article keys,
 * ranked by bm25. Concepts: its words mapped through the lexicon
 * (concepts.h); an article scores the sum over the query concepts it holds
 * of idf * (1 + log(1 + weight)), so a query in one language finds
 * articles in others. Both scores are scaled to the best hit (1) and
 * added; a hit says how it matched. Snippets are plain text around the
 * first match.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/utf8.h>

#include "store_int.h"

#define PX_SEARCH_LIMIT   50
#define PX_SEARCH_FTS_MAX 500
#define PX_SNIPPET_BEFORE 60
#define PX_SNIPPET_LEN    240
#define PX_MAX_TERMS      64

typedef struct hit {
    int64_t article;
    double text;    /* scaled bm25 */
    double concept; /* scaled concept score */
    int64_t first;  /* byte offset of the first concept match, or -1 */
} hit;

typedef struct query {
    px_str keys[PX_MAX_TERMS];
    size_t n_keys;
    px_concept concepts[PX_MAX_TERMS];
    size_t n_concepts;
    hit *hits;
    size_t n_hits;
    size_t cap_hits;
} query;

static bool
has_latin(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return true;
        }
    }
    return false;
}

static void
add_key(query *qy, px_str k)
{
    for (size_t i = 0; i < qy->n_keys; i++) {
        if (px_str_eq(qy->keys[i], k)) {
            return;
        }
    }
    if (qy->n_keys < PX_MAX_TERMS) {
        qy->keys[qy->n_keys++] = k;
    }
}

static void
add_concept(query *qy, px_concept c)
{
    for (size_t i = 0; i < qy->n_concepts; i++) {
        if (qy->concepts[i] == c) {
            return;
        }
    }
    if (qy->n_concepts < PX_MAX_TERMS) {
        qy->concepts[qy->n_concepts++] = c;
    }
}

/* The query's keys and concepts read in lang. */
static px_status
read_in(px_store *st, px_str text, const char *lang, query *qy, px_arena *a,
        px_error *err)
{
    px_word *w = NULL;
    size_t n = 0;
    px_status rc = px_store_split(st, text, lang, a, &w, &n, err);
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        if (w[i].key.len > 0 && !(w[i].flags & PX_WORD_STOP)) {
            add_key(qy, w[i].key);
        }
    }
    px_concept_occ *occ = NULL;
    size_t n_occ = 0;
    if (rc == PX_OK && st->lex != NULL) {
        rc = px_concepts_find(st->lex, text, lang, w, n, a, &occ, &n_occ, err);
    }
    for (size_t i = 0; rc == PX_OK && i < n_occ; i++) {
        add_concept(qy, occ[i].concept);
    }
    return rc;
}

static px_status
read_query(px_store *st, px_str text, query *qy, px_arena *a, px_error *err)
{
    char lang[16] = "und";
    px_error ignored = {0};
    if (px_langid(text.ptr, text.len, lang, NULL, &ignored) != PX_OK) {
        strcpy(lang, "und");
    }
    px_status rc = PX_OK;
    if (strcmp(lang, "und") != 0) {
        rc = read_in(st, text, lang, qy, a, err);
    }
    if (rc == PX_OK && strcmp(lang, "eng") != 0 &&
        has_latin(text.ptr, text.len)) {
        rc = read_in(st, text, "eng", qy, a, err);
    }
    return rc;
}

/* A new hit entry (entries of one article are merged later). */
static hit *
hit_new(query *qy, int64_t article)
{
    if (qy->n_hits == qy->cap_hits) {
        const size_t cap = qy->cap_hits ? qy->cap_hits * 2 : 256;
        hit *h = px_realloc(qy->hits, cap * sizeof *h);
        if (h == NULL) {
            return NULL;
        }
        qy->hits = h;
        qy->cap_hits = cap;
    }
    hit *h = &qy->hits[qy->n_hits++];
    *h = (hit){article, 0.0, 0.0, -1};
    return h;
}

/* The FTS5 expression: every key quoted, ORed. */
static void
fts_expr(const query *qy, px_buf *b)
{
    for (size_t i = 0; i < qy->n_keys; i++) {
        px_buf_add_c(b, i ? " OR \"" : "\"");
        for (size_t j = 0; j < qy->keys[i].len; j++) {
            const char c = qy->keys[i].ptr[j];
            px_buf_add(b, c == '"' ? "\"\"" : &c, c == '"' ? 2 : 1);
        }
        px_buf_add_byte(b, '"');
    }
}

static px_status
search_text(px_store *st, query *qy, px_error *err)
{
    if (qy->n_keys == 0) {
        return PX_OK;
    }
    px_buf e;
    px_buf_init(&e);
    fts_expr(qy, &e);
    sqlite3_stmt *q = NULL;
    px_status rc = px_buf_failed(&e)
                       ? px_fail(err, PX_ENOMEM, "store: out of memory")
                       : px_store_prepare(st,
                                          "SELECT rowid, -bm25(article_fts)"
                                          " FROM article_fts WHERE article_fts"
                                          " MATCH ? ORDER BY 2 DESC LIMIT ?",
                                          &q, err);
    if (rc == PX_OK) {
        sqlite3_bind_text(q, 1, e.ptr, (int)e.len, SQLITE_STATIC);
        sqlite3_bind_int(q, 2, PX_SEARCH_FTS_MAX);
        int r = SQLITE_DONE;
        while (rc == PX_OK && (r = sqlite3_step(q)) == SQLITE_ROW) {
            hit *h = hit_new(qy, sqlite3_column_int64(q, 0));
            rc = h != NULL ? PX_OK
                           : px_fail(err, PX_ENOMEM, "store: out of memory");
            if (h != NULL) {
                h->text = sqlite3_column_double(q, 1);
            }
        }
        rc = rc == PX_OK && r != SQLITE_DONE
                 ? px_store_fail(st, "full-text search", err)
                 : rc;
    }
    sqlite3_finalize(q);
    px_buf_fini(&e);
    return rc;
}

/* Adds a hit per article holding concept c, weighed by its idf. */
static px_status
search_concept(px_store *st, query *qy, sqlite3_stmt *q, px_concept c,
               double n_arts, px_error *err)
{
    int64_t df = 0;
    px_status rc = px_store_int(
        st, "SELECT count(*) FROM article_concepts WHERE concept = ?",
        (int64_t)c, 0, &df, err);
    if (rc != PX_OK || df == 0) {
        return rc;
    }
    const double idf = log(1.0 + n_arts / (double)df);
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, (int64_t)c);
    int r = SQLITE_DONE;
    while (rc == PX_OK && (r = sqlite3_step(q)) == SQLITE_ROW) {
        hit *h = hit_new(qy, sqlite3_column_int64(q, 0));
        if (h == NULL) {
            return px_fail(err, PX_ENOMEM, "store: out of memory");
        }
        h->concept = idf * (1.0 + log1p(sqlite3_column_double(q, 1)));
        h->first = sqlite3_column_int64(q, 2);
    }
    return r == SQLITE_DONE ? PX_OK : px_store_fail(st, "concepts", err);
}

static px_status
search_concepts(px_store *st, query *qy, px_error *err)
{
    int64_t n_arts = 0;
    px_status rc =
        px_store_int(st, "SELECT count(*) FROM articles", -1, 0, &n_arts, err);
    sqlite3_stmt *q = NULL;
    rc = rc == PX_OK ? px_store_prepare(st,
                                        "SELECT article, weight, first FROM"
                                        " article_concepts WHERE concept = ?",
                                        &q, err)
                     : rc;
    for (size_t i = 0; rc == PX_OK && i < qy->n_concepts; i++) {
        rc = search_concept(st, qy, q, qy->concepts[i], (double)n_arts, err);
    }
    sqlite3_finalize(q);
    return rc;
}

static int
by_article(const void *a, const void *b)
{
    const hit *x = a;
    const hit *y = b;
    return (x->article > y->article) - (x->article < y->article);
}

static int
by_score(const void *a, const void *b)
{
    const hit *x = a;
    const hit *y = b;
    const double sx = x->text + x->concept;
    const double sy = y->text + y->concept;
    if (sx != sy) {
        return sx < sy ? 1 : -1;
    }
    return by_article(a, b);
}

/* Merges the entries of each article, scales both scores to the best
 * (1.0) and sorts by their sum. */
static void
merge_hits(query *qy)
{
    qsort(qy->hits, qy->n_hits, sizeof *qy->hits, by_article);
    size_t n = 0;
    double max_t = 0.0;
    double max_c = 0.0;
    for (size_t i = 0; i < qy->n_hits; i++) {
        hit *h = &qy->hits[i];
        if (n > 0 && qy->hits[n - 1].article == h->article) {
            hit *m = &qy->hits[n - 1];
            m->text += h->text;
            m->concept += h->concept;
            m->first = m->first < 0 || (h->first >= 0 && h->first < m->first)
                           ? h->first
                           : m->first;
        } else {
            qy->hits[n++] = *h;
        }
    }
    qy->n_hits = n;
    for (size_t i = 0; i < n; i++) {
        max_t = qy->hits[i].text > max_t ? qy->hits[i].text : max_t;
        max_c = qy->hits[i].concept > max_c ? qy->hits[i].concept : max_c;
    }
    for (size_t i = 0; i < n; i++) {
        qy->hits[i].text = max_t > 0 ? qy->hits[i].text / max_t : 0.0;
        qy->hits[i].concept = max_c > 0 ? qy->hits[i].concept / max_c : 0.0;
    }
    qsort(qy->hits, n, sizeof *qy->hits, by_score);
}

/* The byte offset of the first word of text whose key the query has. */
static size_t
first_key(px_store *st, const query *qy, px_str text, const char *lang)
{
    size_t len = text.len < 16384 ? text.len : 16384;
    while (len > 0 && len < text.len && U8_IS_TRAIL(text.ptr[len])) {
        len--;
    }
    px_arena *a = px_arena_new();
    px_word *w = NULL;
    size_t n = 0;
    px_error ignored = {0};
    size_t off = 0;
    if (a != NULL && px_store_split(st, (px_str){text.ptr, len}, lang, a, &w,
                                    &n, &ignored) == PX_OK) {
        for (size_t i = 0; i < n && off == 0; i++) {
            for (size_t k = 0; k < qy->n_keys; k++) {
                off = px_str_eq(w[i].key, qy->keys[k]) ? w[i].off : off;
            }
        }
    }
    px_arena_free(a);
    return off;
}

/* Plain text around byte off of text: whole code points, lines joined. */
static json_t *
snippet(px_str text, size_t off)
{
    size_t b = off > PX_SNIPPET_BEFORE ? off - PX_SNIPPET_BEFORE : 0;
    while (b > 0 && U8_IS_TRAIL(text.ptr[b])) {
        b--;
    }
    /* Start at a word when one begins soon (not in Chinese). */
    for (size_t i = b; b > 0 && i < off && i < b + 24; i++) {
        if (text.ptr[i] == ' ' || text.ptr[i] == '\n') {
            b = i + 1;
            break;
        }
    }
    size_t e = b + PX_SNIPPET_LEN < text.len ? b + PX_SNIPPET_LEN : text.len;
    while (e < text.len && U8_IS_TRAIL(text.ptr[e])) {
        e--;
    }
    char buf[PX_SNIPPET_LEN + 1];
    size_t n = 0;
    for (size_t i = b; i < e; i++) {
        buf[n++] = text.ptr[i] == '\n' ? ' ' : text.ptr[i];
    }
    return json_stringn(buf, n);
}

/* One hit as JSON (NULL when the article went away meanwhile). */
static json_t *
hit_json(px_store *st, const query *qy, sqlite3_stmt *q, const hit *h)
{
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, h->article);
    if (sqlite3_step(q) != SQLITE_ROW) {
        return NULL;
    }
    const char *lang = (const char *)sqlite3_column_text(q, 1);
    const px_str text = {(const char *)sqlite3_column_text(q, 4),
                         (size_t)sqlite3_column_bytes(q, 4)};
    size_t off = h->first >= 0 ? (size_t)h->first : 0;
    if (h->first < 0 && text.ptr != NULL) {
        off = first_key(st, qy, text, lang != NULL ? lang : "und");
    }
    const char *match = h->text > 0 && h->concept > 0 ? "both"
                        : h->text > 0                 ? "text"
                                                      : "concept";
    return json_pack(
        "{s:I,s:I,s:s?,s:s,s:s?,s:s?,s:o,s:s,s:f}", "article",
        (json_int_t)h->article, "story", (json_int_t)sqlite3_column_int64(q, 0),
        "lang", lang, "dir", px_store_dir(lang), "title",
        (const char *)sqlite3_column_text(q, 2), "site",
        (const char *)sqlite3_column_text(q, 3), "snippet",
        text.ptr != NULL ? snippet(text, off) : json_string(""), "match", match,
        "score", round((h->text + h->concept) * 1000.0) / 1000.0);
}

static px_status
hits_json(px_store *st, const query *qy, size_t limit, json_t *arr,
          px_error *err)
{
    sqlite3_stmt *q = NULL;
    px_status rc = px_store_prepare(
        st, "SELECT story, lang, title, site, text FROM articles WHERE id = ?",
        &q, err);
    for (size_t i = 0; rc == PX_OK && i < qy->n_hits && i < limit; i++) {
        json_t *h = hit_json(st, qy, q, &qy->hits[i]);
        if (h != NULL) {
            json_array_append_new(arr, h);
        }
    }
    sqlite3_finalize(q);
    return rc;
}

px_status
px_store_search_json(px_store *st, const char *query_text, size_t limit,
                     char **out, size_t *len, px_error *err)
{
    *out = NULL;
    const px_str text = px_str_trim(px_str_c(query_text ? query_text : ""));
    if (text.len == 0) {
        return px_fail(err, PX_EINVAL, "store: empty query");
    }
    query qy = {0};
    px_arena *a = px_arena_new();
    px_status rc = a != NULL ? read_query(st, text, &qy, a, err)
                             : px_fail(err, PX_ENOMEM, "store: out of memory");
    rc = rc == PX_OK ? search_text(st, &qy, err) : rc;
    rc = rc == PX_OK ? search_concepts(st, &qy, err) : rc;
    json_t *arr = json_array();
    if (rc == PX_OK) {
        merge_hits(&qy);
        rc = hits_json(st, &qy, limit ? limit : PX_SEARCH_LIMIT, arr, err);
    }
    const size_t total = qy.n_hits;
    free(qy.hits);
    px_arena_free(a);
    if (rc != PX_OK) {
        json_decref(arr);
        return rc;
    }
    json_t *o = json_pack("{s:s#,s:I,s:o}", "query", text.ptr, (int)text.len,
                          "total", (json_int_t)total, "hits", arr);
    char *s = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "store: out of memory");
    }
    *out = s;
    *len = strlen(s);
    return PX_OK;
}
