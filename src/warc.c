/* warc.c - the streaming WARC reader.
 *
 * A record is a "WARC/1.x" line, header fields up to a blank line, then
 * exactly Content-Length bytes and a CRLFCRLF trailer. Only response records
 * (and text resource records) are read into memory; every other record is
 * skipped through the stream without buffering, so memory is bounded by the
 * largest wanted record (capped by PX_WARC_MAX_RECORD) plus the stream's
 * window. A record whose framing is broken (no Content-Length, no next
 * "WARC/1." where its block should end) fails by number and the reader
 * resyncs at the next line starting "WARC/1.". A stream error (truncated
 * gzip) ends the archive after reporting it.
 */
#include "warc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "error.h"
#include "http.h"
#include "log.h"

#define WARC_LINE_MAX   ((size_t)64 * 1024)
#define WARC_HEAD_LINES 1024
#define RESYNC_WINDOW   ((size_t)64 * 1024)
#define BOUNDARY_PEEK   64
#define BLOCK_RESERVE   ((size_t)1024 * 1024)
#define KEEP_BUF_MAX    ((size_t)4 * 1024 * 1024)
#define MAGIC           "WARC/1."
#define MAGIC_LEN       7

typedef enum { TYPE_OTHER = 0, TYPE_RESPONSE, TYPE_RESOURCE } rec_type;

typedef struct warc_head {
    rec_type type;
    bool has_length;
    bool is_bad_length;
    size_t length;
} warc_head;

struct px_warc {
    px_stream *s;
    px_buf line;  /* current header line */
    px_buf block; /* content block of the current wanted record */
    px_buf body;  /* inflated HTTP body, when one was compressed */
    px_buf url;
    px_buf date;
    char mime[128];   /* from the WARC Content-Type, then the HTTP one */
    char charset[64]; /* likewise */
    size_t index;     /* number of the current record */
    bool is_dead;     /* input ended or the stream failed */
};

px_status
px_warc_new(px_stream *s, px_warc **out, px_error *err)
{
    *out = NULL;
    px_warc *w = px_calloc(1, sizeof *w);
    if (w == NULL) {
        return px_fail(err, PX_ENOMEM, "warc: out of memory");
    }
    w->s = s;
    px_buf_init(&w->line);
    px_buf_init(&w->block);
    px_buf_init(&w->body);
    px_buf_init(&w->url);
    px_buf_init(&w->date);
    *out = w;
    return PX_OK;
}

void
px_warc_free(px_warc *w)
{
    if (w == NULL) {
        return;
    }
    px_buf_fini(&w->line);
    px_buf_fini(&w->block);
    px_buf_fini(&w->body);
    px_buf_fini(&w->url);
    px_buf_fini(&w->date);
    free(w);
}

bool
px_warc_sniff(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n &&
           (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) {
        i++;
    }
    return n - i >= 8 && (memcmp(p + i, "WARC/1.0", 8) == 0 ||
                          memcmp(p + i, "WARC/1.1", 8) == 0);
}

/* Records "<stream>: record N: <what>" as the error. */
static px_status fail_rec(const px_warc *w, px_error *err, px_status code,
                          const char *fmt, ...) PX_PRINTF(4, 5);

static px_status
fail_rec(const px_warc *w, px_error *err, px_status code, const char *fmt, ...)
{
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return px_fail(err, code, "%s: record %zu: %s", px_stream_name(w->s),
                   w->index, what);
}

/* Reports a stream error (e) for the current record, dropping the stream
 * name the stream put in front; the archive cannot go on after it. */
static px_status
fail_stream(px_warc *w, const px_error *e, px_error *err)
{
    const char *msg = e->msg;
    const char *name = px_stream_name(w->s);
    const size_t n = strlen(name);
    if (strncmp(msg, name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ') {
        msg += n + 2;
    }
    if (e->code != PX_EPARSE) {
        w->is_dead = true;
    }
    return fail_rec(w, err, e->code, "%s", msg);
}

/* Position of the first "\nWARC/1." in p[0..n) (after the newline), or n;
 * at_start also accepts the magic at p itself. */
static size_t
find_magic(const unsigned char *p, size_t n, bool at_start)
{
    if (at_start && n >= MAGIC_LEN && memcmp(p, MAGIC, MAGIC_LEN) == 0) {
        return 0;
    }
    const unsigned char *q = p;
    while ((q = memchr(q, '\n', n - (size_t)(q - p))) != NULL) {
        q++;
        if ((size_t)(p + n - q) < MAGIC_LEN) {
            break;
        }
        if (memcmp(q, MAGIC, MAGIC_LEN) == 0) {
            return (size_t)(q - p);
        }
    }
    return n;
}

/* Skips input up to the next line starting "WARC/1." (or to the end). */
static px_status
resync(px_warc *w, bool at_line_start, px_error *err)
{
    px_error e = {0};
    for (;;) {
        const unsigned char *p = NULL;
        size_t n = 0;
        if (px_stream_peek(w->s, RESYNC_WINDOW, &p, &n, &e) != PX_OK) {
            return fail_stream(w, &e, err);
        }
        const size_t at = find_magic(p, n, at_line_start);
        size_t skip = at;
        if (at == n && n >= RESYNC_WINDOW) {
            skip = n - MAGIC_LEN; /* the magic may straddle windows */
        }
        if (px_stream_skip(w->s, skip, &e) != PX_OK) {
            return fail_stream(w, &e, err);
        }
        if (at < n || n < RESYNC_WINDOW) {
            return PX_OK;
        }
        at_line_start = false;
    }
}

/* Fails the current record for broken framing and resyncs after it. */
static px_status
fail_framing(px_warc *w, bool at_line_start, px_error *err, const char *what)
{
    const px_status rc = fail_rec(w, err, PX_EPARSE, "%s", what);
    (void)resync(w, at_line_start, err);
    PX_LOG(PX_LOG_DEBUG, "warc: resynced (record=%zu offset=%zu)", w->index,
           px_stream_offset(w->s));
    return rc;
}

/* Skips blank bytes and finds the next record's "WARC/1." line, which it
 * consumes; *is_eof when the input has nothing left. */
static px_status
next_version_line(px_warc *w, bool *is_eof, px_error *err)
{
    px_error e = {0};
    *is_eof = false;
    for (;;) {
        const unsigned char *p = NULL;
        size_t n = 0;
        if (px_stream_peek(w->s, 256, &p, &n, &e) != PX_OK) {
            w->index++; /* the record we were looking for */
            return fail_stream(w, &e, err);
        }
        size_t i = 0;
        while (i < n &&
               (p[i] == '\r' || p[i] == '\n' || p[i] == ' ' || p[i] == '\t')) {
            i++;
        }
        if (n == 0) {
            *is_eof = true;
            return PX_OK;
        }
        const bool is_magic =
            n - i >= MAGIC_LEN && memcmp(p + i, MAGIC, MAGIC_LEN) == 0;
        if (px_stream_skip(w->s, i, &e) != PX_OK) {
            return fail_stream(w, &e, err);
        }
        if (i == n) {
            continue;
        }
        w->index++;
        if (!is_magic) {
            return fail_framing(w, false, err, "no WARC/1.x line");
        }
        bool is_line_eof = false;
        if (px_stream_read_line(w->s, &w->line, WARC_LINE_MAX, &is_line_eof,
                                &e) != PX_OK) {
            return fail_stream(w, &e, err);
        }
        return PX_OK;
    }
}

static px_str
trim_value(const char *p, size_t len)
{
    while (len > 0 && (*p == ' ' || *p == '\t')) {
        p++;
        len--;
    }
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t')) {
        len--;
    }
    return (px_str){p, len};
}

/* Content-Length: decimal digits only, no overflow. */
static bool
parse_length(px_str v, size_t *out)
{
    size_t n = 0;
    if (v.len == 0 || v.len > 19) {
        return false;
    }
    for (size_t i = 0; i < v.len; i++) {
        if (v.ptr[i] < '0' || v.ptr[i] > '9') {
            return false;
        }
        n = n * 10 + (size_t)(v.ptr[i] - '0');
    }
    *out = n;
    return true;
}

static void
set_string(px_buf *b, px_str v)
{
    b->len = 0;
    px_buf_add_str(b, v);
}

/* Takes what we need from one "Name: value" header line. */
static void
head_field(px_warc *w, warc_head *h, px_str line)
{
    const char *colon = memchr(line.ptr, ':', line.len);
    if (colon == NULL) {
        return;
    }
    const size_t name_len = (size_t)(colon - line.ptr);
    const px_str name = trim_value(line.ptr, name_len);
    const px_str v = trim_value(colon + 1, line.len - name_len - 1);
    if (px_str_ieq_c(name, "WARC-Type")) {
        h->type = px_str_ieq_c(v, "response")   ? TYPE_RESPONSE
                  : px_str_ieq_c(v, "resource") ? TYPE_RESOURCE
                                                : TYPE_OTHER;
    } else if (px_str_ieq_c(name, "Content-Length")) {
        h->has_length = true;
        h->is_bad_length = !parse_length(v, &h->length);
    } else if (px_str_ieq_c(name, "WARC-Target-URI")) {
        const bool is_bracketed =
            v.len >= 2 && v.ptr[0] == '<' && v.ptr[v.len - 1] == '>';
        set_string(&w->url, is_bracketed ? (px_str){v.ptr + 1, v.len - 2} : v);
    } else if (px_str_ieq_c(name, "WARC-Date")) {
        set_string(&w->date, v);
    } else if (px_str_ieq_c(name, "Content-Type")) {
        px_http_content_type(v, w->mime, sizeof w->mime, w->charset,
                             sizeof w->charset);
    }
}

/* Reads the header fields after the version line up to the blank line. */
static px_status
read_head(px_warc *w, warc_head *h, px_error *err)
{
    px_error e = {0};
    *h = (warc_head){0};
    w->url.len = 0;
    w->date.len = 0;
    w->mime[0] = '\0';
    w->charset[0] = '\0';
    for (size_t n_lines = 0;; n_lines++) {
        if (n_lines == WARC_HEAD_LINES) {
            return fail_framing(w, true, err, "header block too long");
        }
        bool is_eof = false;
        const px_status rc =
            px_stream_read_line(w->s, &w->line, WARC_LINE_MAX, &is_eof, &e);
        if (rc == PX_EPARSE) {
            return fail_framing(w, false, err, "header line too long");
        }
        if (rc != PX_OK) {
            return fail_stream(w, &e, err);
        }
        if (is_eof) {
            w->is_dead = true;
            return fail_rec(w, err, PX_EPARSE, "truncated header");
        }
        if (w->line.len == 0) {
            break;
        }
        head_field(w, h, (px_str){w->line.ptr, w->line.len});
    }
    if (!h->has_length || h->is_bad_length) {
        return fail_framing(w, true, err,
                            h->has_length ? "bad Content-Length"
                                          : "no Content-Length");
    }
    return PX_OK;
}

/* After a block: the CRLFCRLF trailer, then the next record or the end.
 * Consumes the trailer when the boundary is where it should be; otherwise
 * the record's Content-Length was wrong: fail it and resync. */
static px_status
check_boundary(px_warc *w, px_error *err)
{
    px_error e = {0};
    const unsigned char *p = NULL;
    size_t n = 0;
    if (px_stream_peek(w->s, BOUNDARY_PEEK, &p, &n, &e) != PX_OK) {
        return fail_stream(w, &e, err);
    }
    size_t i = 0;
    while (i < n && (p[i] == '\r' || p[i] == '\n')) {
        i++;
    }
    const bool is_end = i == n && n < BOUNDARY_PEEK;
    if (!is_end &&
        (n - i < MAGIC_LEN || memcmp(p + i, MAGIC, MAGIC_LEN) != 0)) {
        return fail_framing(w, false, err,
                            "no record boundary after Content-Length bytes");
    }
    if (px_stream_skip(w->s, i, &e) != PX_OK) {
        return fail_stream(w, &e, err);
    }
    return PX_OK;
}

/* Skips a block we do not want, streaming. */
static px_status
skip_block(px_warc *w, size_t len, px_error *err)
{
    px_error e = {0};
    if (px_stream_skip(w->s, len, &e) != PX_OK) {
        w->is_dead = true;
        return fail_stream(w, &e, err);
    }
    return check_boundary(w, err);
}

static px_status
read_block(px_warc *w, size_t len, px_error *err)
{
    px_error e = {0};
    w->block.len = 0;
    /* grow as bytes arrive: a lying Content-Length must not allocate */
    if (!px_buf_reserve(&w->block, len < BLOCK_RESERVE ? len : BLOCK_RESERVE)) {
        const px_status rc = fail_rec(w, err, PX_ENOMEM, "out of memory");
        (void)skip_block(w, len, err);
        return rc;
    }
    if (px_stream_read_into(w->s, len, &w->block, &e) != PX_OK) {
        w->is_dead = true;
        return fail_stream(w, &e, err);
    }
    return check_boundary(w, err);
}

static bool
is_text_mime(const char *mime)
{
    return strcmp(mime, "text/html") == 0 ||
           strcmp(mime, "application/xhtml+xml") == 0 ||
           strcmp(mime, "text/plain") == 0;
}

static const char *
or_null(const char *s)
{
    return s[0] != '\0' ? s : NULL;
}

/* Parses the HTTP message in the block and decodes its body into rec. */
static px_status
parse_response(px_warc *w, px_warc_record *rec, px_error *err)
{
    px_http_msg m;
    px_http_parse((const unsigned char *)w->block.ptr, w->block.len, &m);
    rec->http_status = m.status;
    rec->body = m.body;
    rec->body_len = m.body_len;
    if (m.status == 0) {
        if (strcmp(w->mime, "application/http") == 0) {
            w->mime[0] = '\0';
            w->charset[0] = '\0';
        }
        return PX_OK;
    }
    px_http_content_type(m.content_type, w->mime, sizeof w->mime, w->charset,
                         sizeof w->charset);
    if (m.is_chunked) {
        unsigned char *b = (unsigned char *)w->block.ptr +
                           (m.body - (const unsigned char *)w->block.ptr);
        size_t len = 0;
        if (px_http_dechunk(b, m.body_len, &len)) {
            rec->body_len = len;
        }
    }
    px_error e = {0};
    if (px_http_decode(m.content_encoding, &rec->body, &rec->body_len, &w->body,
                       PX_WARC_MAX_RECORD, &e) != PX_OK) {
        return fail_rec(w, err, e.code, "%s", e.msg);
    }
    return PX_OK;
}

/* Drops buffers a huge record left behind, so memory stays small, and
 * buffers an allocation failure left unusable. */
static void
reset_buf(px_buf *b)
{
    if (b->cap > KEEP_BUF_MAX || px_buf_failed(b)) {
        px_buf_fini(b);
    }
}

static void
trim_buffers(px_warc *w)
{
    reset_buf(&w->line);
    reset_buf(&w->block);
    reset_buf(&w->body);
    reset_buf(&w->url);
    reset_buf(&w->date);
}

/* Reads the next record's head and decides: *want it, or it was skipped. */
static px_status
next_head(px_warc *w, warc_head *h, bool *want, px_error *err)
{
    *want = false;
    const px_status rc = read_head(w, h, err);
    if (rc != PX_OK) {
        return rc;
    }
    const bool is_wanted = h->type == TYPE_RESPONSE ||
                           (h->type == TYPE_RESOURCE && is_text_mime(w->mime));
    if (!is_wanted) {
        return skip_block(w, h->length, err);
    }
    if (px_buf_failed(&w->url) || px_buf_failed(&w->date)) {
        const px_status rc_mem = fail_rec(w, err, PX_ENOMEM, "out of memory");
        (void)skip_block(w, h->length, err);
        return rc_mem;
    }
    if (h->length > PX_WARC_MAX_RECORD) {
        const px_status rc_size =
            fail_rec(w, err, PX_EINVAL, "too large (%zu bytes, max %zu MiB)",
                     h->length, PX_WARC_MAX_RECORD >> 20);
        (void)skip_block(w, h->length, err); /* streams, never buffers */
        return rc_size;
    }
    *want = true;
    return PX_OK;
}

px_status
px_warc_next(px_warc *w, px_warc_record *rec, bool *done, px_error *err)
{
    *done = false;
    memset(rec, 0, sizeof *rec);
    trim_buffers(w);
    for (;;) {
        bool is_eof = false;
        if (w->is_dead) {
            *done = true;
            return PX_OK;
        }
        px_status rc = next_version_line(w, &is_eof, err);
        if (rc != PX_OK) {
            return rc;
        }
        if (is_eof) {
            w->is_dead = true;
            *done = true;
            return PX_OK;
        }
        warc_head h;
        bool want = false;
        rc = next_head(w, &h, &want, err);
        if (rc != PX_OK) {
            return rc;
        }
        if (!want) {
            continue;
        }
        rc = read_block(w, h.length, err);
        if (rc == PX_OK && h.type == TYPE_RESPONSE) {
            rc = parse_response(w, rec, err);
        } else if (rc == PX_OK) {
            rec->body = (const unsigned char *)w->block.ptr;
            rec->body_len = w->block.len;
        }
        if (rc != PX_OK) {
            memset(rec, 0, sizeof *rec);
            return rc;
        }
        rec->url = w->url.len > 0 ? w->url.ptr : NULL;
        rec->date = w->date.len > 0 ? w->date.ptr : NULL;
        rec->mime = or_null(w->mime);
        rec->charset = or_null(w->charset);
        rec->index = w->index;
        return PX_OK;
    }
}
