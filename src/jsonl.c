/* jsonl.c - JSON Lines input, one page object per line, parsed by jansson.
 *
 * A reader holds the current line and its parsed object; the record's
 * strings point into that object and stay valid until the next call. A line
 * that is not an object with a body is an error for that line alone; a read
 * error of the stream ends the input. Lines longer than PX_JSONL_MAX_LINE are
 * skipped to their end and reported.
 */
#include "jsonl.h"

#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "error.h"

#define SKIP_CHUNK 65536

struct px_jsonl {
    px_stream *s; /* borrowed */
    px_buf line;
    json_t *obj;    /* the current record's object, or NULL */
    px_buf authors; /* the current record's "authors" list, joined */
    size_t line_no;
    bool is_dead; /* the stream failed: no more records */
};

px_status
px_jsonl_new(px_stream *s, px_jsonl **out, px_error *err)
{
    *out = NULL;
    px_jsonl *j = px_calloc(1, sizeof *j);
    if (j == NULL) {
        return px_fail(err, PX_ENOMEM, "jsonl: out of memory");
    }
    j->s = s;
    px_buf_init(&j->line);
    px_buf_init(&j->authors);
    *out = j;
    return PX_OK;
}

void
px_jsonl_free(px_jsonl *j)
{
    if (j == NULL) {
        return;
    }
    json_decref(j->obj);
    px_buf_fini(&j->line);
    px_buf_fini(&j->authors);
    px_free(j);
}

static bool
is_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\f' &&
            p[i] != '\v') {
            return false;
        }
    }
    return true;
}

/* Consumes the rest of a line that was too long, up to its '\n'. */
static px_status
skip_rest_of_line(px_stream *s, px_error *err)
{
    for (;;) {
        const unsigned char *p = NULL;
        size_t avail = 0;
        const px_status rc = px_stream_peek(s, SKIP_CHUNK, &p, &avail, err);
        if (rc != PX_OK || avail == 0) {
            return rc;
        }
        const unsigned char *nl = memchr(p, '\n', avail);
        const size_t n = nl != NULL ? (size_t)(nl - p) + 1 : avail;
        const px_status sk = px_stream_skip(s, n, err);
        if (sk != PX_OK || nl != NULL) {
            return sk;
        }
    }
}

/* The string member key of o, or NULL if absent, null or not a string. */
static const char *
get_str(const json_t *o, const char *key, size_t *len)
{
    const json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) {
        return NULL;
    }
    if (len != NULL) {
        *len = json_string_length(v);
    }
    return json_string_value(v);
}

/* The first of keys that o holds as a string, or NULL. */
static const char *
get_first(const json_t *o, const char *const *keys, size_t n_keys, size_t *len,
          size_t *which)
{
    for (size_t i = 0; i < n_keys; i++) {
        const char *s = get_str(o, keys[i], len);
        if (s != NULL) {
            if (which != NULL) {
                *which = i;
            }
            return s;
        }
    }
    return NULL;
}

/* The author of o: its "author" string, else its "authors" strings
 * joined by ", " into b (NULL when there are none or on OOM). */
static const char *
get_author(const json_t *o, px_buf *b)
{
    const char *one = get_str(o, "author", NULL);
    if (one != NULL) {
        return one;
    }
    const json_t *list = json_object_get(o, "authors");
    if (px_buf_failed(b)) {
        px_buf_fini(b); /* a past OOM: start afresh */
        px_buf_init(b);
    }
    b->len = 0;
    for (size_t i = 0; json_is_array(list) && i < json_array_size(list); i++) {
        const json_t *v = json_array_get(list, i);
        if (!json_is_string(v) || json_string_length(v) == 0) {
            continue;
        }
        if (b->len > 0) {
            px_buf_add(b, ", ", 2);
        }
        px_buf_add(b, json_string_value(v), json_string_length(v));
    }
    if (b->len == 0 || px_buf_failed(b)) {
        return NULL;
    }
    px_buf_add_byte(b, '\0');
    return px_buf_failed(b) ? NULL : b->ptr;
}

/* Fills rec from the object of line N; PX_EPARSE if it has no body. */
static px_status
fill_record(const json_t *o, size_t line_no, px_buf *authors,
            px_jsonl_record *rec, px_error *err)
{
    static const char *const bodies[] = {"html", "text", "maintext"};
    static const char *const dates[] = {"date", "date_publish"};
    static const char *const sites[] = {"site", "source_domain"};
    size_t which = 0;
    size_t body_len = 0;
    const char *body = get_first(o, bodies, 3, &body_len, &which);
    if (body == NULL) {
        return px_fail(err, PX_EPARSE, "line %zu: no \"html\" or \"text\"",
                       line_no);
    }
    *rec = (px_jsonl_record){
        .url = get_str(o, "url", NULL),
        .title = get_str(o, "title", NULL),
        .date = get_first(o, dates, 2, NULL, NULL),
        .site = get_first(o, sites, 2, NULL, NULL),
        .author = get_author(o, authors),
        .is_html = which == 0,
        .body = body,
        .body_len = body_len,
        .line_no = line_no,
    };
    return PX_OK;
}

/* Parses the current line into j->obj and rec. */
static px_status
parse_line(px_jsonl *j, px_jsonl_record *rec, px_error *err)
{
    json_error_t jerr;
    size_t skip = 0;
    if (j->line_no == 1 && j->line.len >= 3 &&
        memcmp(j->line.ptr, "\xEF\xBB\xBF", 3) == 0) {
        skip = 3; /* a BOM */
    }
    j->obj = json_loadb(j->line.ptr + skip, j->line.len - skip, JSON_ALLOW_NUL,
                        &jerr);
    if (j->obj == NULL) {
        return px_fail(err, PX_EPARSE, "line %zu: %s (column %d)", j->line_no,
                       jerr.text, jerr.column);
    }
    if (!json_is_object(j->obj)) {
        return px_fail(err, PX_EPARSE, "line %zu: not a JSON object",
                       j->line_no);
    }
    return fill_record(j->obj, j->line_no, &j->authors, rec, err);
}

/* Reads the next line that is not blank; *eof at the end. */
static px_status
read_line(px_jsonl *j, bool *eof, px_error *err)
{
    for (;;) {
        px_error lerr = {0};
        const px_status rc =
            px_stream_read_line(j->s, &j->line, PX_JSONL_MAX_LINE, eof, &lerr);
        if (rc == PX_EPARSE) {
            j->line_no++;
            const px_status sk = skip_rest_of_line(j->s, err);
            j->is_dead = sk != PX_OK;
            return sk != PX_OK ? sk
                               : px_fail(err, PX_EPARSE,
                                         "line %zu: longer than %zu bytes",
                                         j->line_no, PX_JSONL_MAX_LINE);
        }
        if (rc != PX_OK) {
            j->is_dead = true;
            return px_fail(err, rc, "%s", lerr.msg);
        }
        if (*eof) {
            return PX_OK;
        }
        j->line_no++;
        if (!is_blank(j->line.ptr, j->line.len)) {
            return PX_OK;
        }
    }
}

px_status
px_jsonl_next(px_jsonl *j, px_jsonl_record *rec, bool *done, px_error *err)
{
    memset(rec, 0, sizeof *rec);
    json_decref(j->obj);
    j->obj = NULL;
    *done = j->is_dead;
    if (j->is_dead) {
        return PX_OK;
    }
    bool eof = false;
    const px_status rc = read_line(j, &eof, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (eof) {
        *done = true;
        return PX_OK;
    }
    return parse_line(j, rec, err);
}

static size_t
skip_space(const unsigned char *p, size_t i, size_t n)
{
    while (i < n &&
           (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) {
        i++;
    }
    return i;
}

bool
px_jsonl_sniff(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        i = 3;
    }
    i = skip_space(p, i, n);
    if (i >= n || p[i] != '{') {
        return false;
    }
    const size_t k = skip_space(p, i + 1, n);
    if (k < n && p[k] != '"' && p[k] != '}') {
        return false;
    }
    /* When the whole first line is at hand, it must parse as an object. */
    const unsigned char *nl = memchr(p + i, '\n', n - i);
    if (nl == NULL) {
        return true;
    }
    json_error_t jerr;
    json_t *o = json_loadb((const char *)p + i, (size_t)(nl - p) - i,
                           JSON_ALLOW_NUL, &jerr);
    const bool ok = json_is_object(o);
    json_decref(o);
    return ok;
}
