/* stream.c - buffered reads over zlib's gz layer (or memory).
 *
 * The buffer holds [pos, end) unread bytes; it grows only when a peek asks
 * for more than it holds, so memory stays bounded by the largest request.
 * A truncated gzip member is reported as an error, not as a short file.
 */
#include "stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "arena.h"

#define STREAM_CHUNK ((size_t)64 * 1024)

struct px_stream {
    gzFile gz;                /* NULL for a memory stream */
    const unsigned char *mem; /* memory stream: all data */
    size_t mem_len;
    unsigned char *buf;
    size_t cap;
    size_t pos;
    size_t end;
    size_t consumed;
    bool eof;
    char *name;
};

px_status
px_stream_open(const char *path, px_stream **out, px_error *err)
{
    *out = NULL;
    px_stream *s = px_calloc(1, sizeof *s);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "%s: out of memory", path);
    }
    s->name = px_strndup(path, strlen(path));
    const bool is_stdin = strcmp(path, "-") == 0;
    errno = 0;
    s->gz = is_stdin ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path, "rb");
    if (s->name == NULL || s->gz == NULL) {
        const px_status rc =
            s->name == NULL
                ? px_fail(err, PX_ENOMEM, "%s: out of memory", path)
                : px_fail(err, PX_EIO, "%s: %s", path,
                          errno != 0 ? strerror(errno) : "cannot open");
        px_stream_close(s);
        return rc;
    }
    gzbuffer(s->gz, 128 * 1024);
    *out = s;
    return PX_OK;
}

px_status
px_stream_open_mem(const void *data, size_t len, px_stream **out, px_error *err)
{
    *out = NULL;
    px_stream *s = px_calloc(1, sizeof *s);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "stream: out of memory");
    }
    s->mem = data;
    s->mem_len = len;
    s->name = px_strndup("(memory)", 8);
    if (s->name == NULL) {
        px_stream_close(s);
        return px_fail(err, PX_ENOMEM, "stream: out of memory");
    }
    *out = s;
    return PX_OK;
}

void
px_stream_close(px_stream *s)
{
    if (s == NULL) {
        return;
    }
    if (s->gz != NULL) {
        gzclose(s->gz);
    }
    free(s->buf);
    free(s->name);
    free(s);
}

const char *
px_stream_name(const px_stream *s)
{
    return s->name;
}

size_t
px_stream_offset(const px_stream *s)
{
    return s->consumed;
}

/* Reads more bytes after end; sets eof when none came. */
static px_status
fill(px_stream *s, size_t want, px_error *err)
{
    if (s->pos > 0 && s->pos == s->end) {
        s->pos = s->end = 0;
    }
    if (s->end + want > s->cap) {
        if (s->pos > 0) {
            memmove(s->buf, s->buf + s->pos, s->end - s->pos);
            s->end -= s->pos;
            s->pos = 0;
        }
        if (s->end + want > s->cap) {
            size_t cap = s->cap == 0 ? STREAM_CHUNK : s->cap;
            while (cap < s->end + want) {
                cap *= 2;
            }
            unsigned char *p = px_realloc(s->buf, cap);
            if (p == NULL) {
                return px_fail(err, PX_ENOMEM, "%s: out of memory", s->name);
            }
            s->buf = p;
            s->cap = cap;
        }
    }
    const size_t room = s->cap - s->end;
    if (s->gz == NULL) {
        const size_t left = s->mem_len - s->consumed - (s->end - s->pos);
        const size_t n = left < room ? left : room;
        memcpy(s->buf + s->end, s->mem + s->mem_len - left, n);
        s->end += n;
        s->eof = n == 0;
        return PX_OK;
    }
    const unsigned ask = room > (1u << 30) ? (1u << 30) : (unsigned)room;
    const int n = gzread(s->gz, s->buf + s->end, ask);
    int zerr = Z_OK;
    const char *msg = gzerror(s->gz, &zerr);
    if (n < 0 || (zerr != Z_OK && zerr != Z_STREAM_END)) {
        return px_fail(err, PX_EIO, "%s: %s", s->name,
                       zerr == Z_BUF_ERROR ? "truncated gzip data" : msg);
    }
    s->end += (size_t)n;
    s->eof = n == 0;
    return PX_OK;
}

px_status
px_stream_peek(px_stream *s, size_t n, const unsigned char **p, size_t *avail,
               px_error *err)
{
    while (s->end - s->pos < n && !s->eof) {
        const px_status rc = fill(s, n - (s->end - s->pos), err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    *p = s->buf == NULL ? (const unsigned char *)"" : s->buf + s->pos;
    *avail = s->end - s->pos < n ? s->end - s->pos : n;
    return PX_OK;
}

static void
consume(px_stream *s, size_t n)
{
    s->pos += n;
    s->consumed += n;
}

px_status
px_stream_read_line(px_stream *s, px_buf *line, size_t max_len, bool *eof,
                    px_error *err)
{
    line->len = 0;
    *eof = false;
    bool any = false;
    for (;;) {
        if (s->pos == s->end) {
            const px_status rc = fill(s, STREAM_CHUNK, err);
            if (rc != PX_OK) {
                return rc;
            }
            if (s->eof) {
                *eof = !any;
                break;
            }
        }
        any = true;
        const unsigned char *start = s->buf + s->pos;
        const unsigned char *nl = memchr(start, '\n', s->end - s->pos);
        const size_t take = nl != NULL ? (size_t)(nl - start) : s->end - s->pos;
        if (line->len + take > max_len) {
            return px_fail(err, PX_EPARSE, "%s: line longer than %zu bytes",
                           s->name, max_len);
        }
        px_buf_add(line, start, take);
        consume(s, take + (nl != NULL ? 1 : 0));
        if (nl != NULL) {
            break;
        }
    }
    if (line->len > 0 && line->ptr[line->len - 1] == '\r') {
        line->len--;
        line->ptr[line->len] = '\0';
    }
    if (px_buf_failed(line)) {
        return px_fail(err, PX_ENOMEM, "%s: out of memory", s->name);
    }
    return PX_OK;
}

px_status
px_stream_read_into(px_stream *s, size_t n, px_buf *out, px_error *err)
{
    while (n > 0) {
        if (s->pos == s->end) {
            const px_status rc =
                fill(s, n < STREAM_CHUNK ? n : STREAM_CHUNK, err);
            if (rc != PX_OK) {
                return rc;
            }
            if (s->eof) {
                return px_fail(err, PX_EPARSE, "%s: truncated", s->name);
            }
        }
        const size_t have = s->end - s->pos;
        const size_t take = have < n ? have : n;
        if (out != NULL) {
            px_buf_add(out, s->buf + s->pos, take);
        }
        consume(s, take);
        n -= take;
    }
    if (out != NULL && px_buf_failed(out)) {
        return px_fail(err, PX_ENOMEM, "%s: out of memory", s->name);
    }
    return PX_OK;
}

px_status
px_stream_skip(px_stream *s, size_t n, px_error *err)
{
    return px_stream_read_into(s, n, NULL, err);
}

px_status
px_stream_read_all(px_stream *s, size_t max_len, px_buf *out, px_error *err)
{
    for (;;) {
        if (s->pos == s->end) {
            const px_status rc = fill(s, STREAM_CHUNK, err);
            if (rc != PX_OK) {
                return rc;
            }
            if (s->eof) {
                break;
            }
        }
        const size_t have = s->end - s->pos;
        if (out->len + have > max_len) {
            return px_fail(err, PX_EINVAL, "%s: larger than %zu MiB", s->name,
                           max_len >> 20);
        }
        px_buf_add(out, s->buf + s->pos, have);
        consume(s, have);
    }
    if (px_buf_failed(out)) {
        return px_fail(err, PX_ENOMEM, "%s: out of memory", s->name);
    }
    return PX_OK;
}
