/* stream.c - buffered reads over zlib's gz layer (or memory).
 *
 * The buffer holds [pos, end) unread bytes; it grows only when a peek asks
 * for more than it holds, so memory stays bounded by the largest request.
 * A truncated gzip member is reported as an error, not as a short file.
 *
 * A gzip regular file starts "deferred": only its first PEEK_RAW compressed
 * bytes are read. A file of up to PEEK_WHOLE_MAX bytes is gunzipped whole
 * by libdeflate at its first peek and read from memory from then on (a
 * whole read takes the buffer over); for a larger one, a peek of up to
 * that much output is inflated from the bytes read, and if the reader
 * then asks for the whole file (a single page), the rest is read and
 * libdeflate gunzips it in one call, about twice as fast as zlib's
 * streaming inflate. Anything else (a line read: an archive), or
 * anything libdeflate does not take cleanly (corrupt or truncated data,
 * output over the limit), switches to zlib's gz layer from the start of
 * the file, so the bytes and the errors are zlib's own and an archive
 * still streams in bounded memory.
 */
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zlib.h>

#include "arena.h"

#define STREAM_CHUNK ((size_t)64 * 1024)
/* Compressed bytes a deferred gzip file reads up front, for the peek. */
#define PEEK_RAW ((size_t)16 * 1024)
/* A deferred gzip file up to this size is gunzipped whole at its first
 * peek (a page, or a small archive), up to WHOLE_OUT_MAX bytes of output. */
#define PEEK_WHOLE_MAX ((size_t)2 * 1024 * 1024)
#define WHOLE_OUT_MAX  ((size_t)64 * 1024 * 1024)

struct px_stream {
    gzFile gz;                /* NULL for a memory or deferred stream */
    const unsigned char *mem; /* memory stream: all data */
    size_t mem_len;
    int fd;             /* deferred gzip file, or -1 */
    unsigned char *raw; /* deferred: compressed bytes read so far */
    size_t raw_len;
    unsigned char *buf;
    size_t cap;
    size_t pos;
    size_t end;
    size_t consumed;
    bool eof;
    char *name;
    px_buf whole;     /* a deferred file gunzipped at its first peek: mem */
    bool whole_tried; /* peek_whole ran (it answers the same every time) */
};

/* Opens s->name with zlib's gz layer. */
static px_status
open_gz(px_stream *s, px_error *err)
{
    const bool is_stdin = strcmp(s->name, "-") == 0;
    errno = 0;
    s->gz = is_stdin ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(s->name, "rb");
    if (s->gz == NULL) {
        return px_fail(err, PX_EIO, "%s: %s", s->name,
                       errno != 0 ? strerror(errno) : "cannot open");
    }
    gzbuffer(s->gz, 128 * 1024);
    return PX_OK;
}

/* Reads up to n more bytes of the deferred file into s->raw; false on a
 * read error or out of memory. */
static bool
read_raw(px_stream *s, size_t n)
{
    unsigned char *p = px_realloc(s->raw, s->raw_len + n);
    if (p == NULL) {
        return false;
    }
    s->raw = p;
    while (n > 0) {
        const ssize_t got = read(s->fd, s->raw + s->raw_len, n);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            return false;
        }
        if (got == 0) {
            break;
        }
        s->raw_len += (size_t)got;
        n -= (size_t)got;
    }
    return true;
}

/* Starts deferred mode if path is a regular gzip file; any trouble leaves
 * the stream to open_gz, which reports it as zlib would. */
static void
try_defer(px_stream *s)
{
    if (strcmp(s->name, "-") == 0) {
        return;
    }
    s->fd = open(s->name, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (s->fd < 0 || fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        !read_raw(s, PEEK_RAW) || s->raw_len < 2 || s->raw[0] != 0x1f ||
        s->raw[1] != 0x8b) {
        if (s->fd >= 0) {
            close(s->fd);
        }
        s->fd = -1;
        free(s->raw);
        s->raw = NULL;
        s->raw_len = 0;
    }
}

/* Ends deferred mode: the file and its raw bytes are let go. */
static void
close_deferred(px_stream *s)
{
    close(s->fd);
    s->fd = -1;
    free(s->raw);
    s->raw = NULL;
    s->raw_len = 0;
    s->pos = s->end = 0;
}

/* Leaves deferred mode for zlib's gz layer, from the start of the file.
 * Only peeks happen in deferred mode, so nothing was consumed yet. */
static px_status
undefer(px_stream *s, px_error *err)
{
    if (s->fd < 0) {
        return PX_OK;
    }
    close_deferred(s);
    s->eof = false;
    return open_gz(s, err);
}

px_status
px_stream_open(const char *path, px_stream **out, px_error *err)
{
    *out = NULL;
    px_stream *s = px_calloc(1, sizeof *s);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "%s: out of memory", path);
    }
    s->fd = -1;
    s->name = px_strndup(path, strlen(path));
    if (s->name == NULL) {
        px_stream_close(s);
        return px_fail(err, PX_ENOMEM, "%s: out of memory", path);
    }
    try_defer(s);
    const px_status rc = s->fd >= 0 ? PX_OK : open_gz(s, err);
    if (rc != PX_OK) {
        px_stream_close(s);
        return rc;
    }
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
    s->fd = -1;
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
    if (s->fd >= 0) {
        close(s->fd);
    }
    free(s->raw);
    free(s->buf);
    free(s->name);
    px_buf_fini(&s->whole);
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
    const px_status up = undefer(s, err);
    if (up != PX_OK) {
        return up;
    }
    if (s->gz == NULL && s->mem == NULL) {
        s->eof = true; /* a deferred file read whole */
        return PX_OK;
    }
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

/* Gunzips one member at s->raw + *in into out with libdeflate, growing
 * out as needed up to max_len bytes from start; false on any failure. */
static bool
gunzip_member(px_stream *s, struct libdeflate_decompressor *d, size_t *in,
              size_t start, size_t max_len, px_buf *out)
{
    for (;;) {
        const size_t room = out->cap - out->len - 1; /* keep the NUL */
        size_t in_used = 0;
        size_t out_used = 0;
        const enum libdeflate_result r = libdeflate_gzip_decompress_ex(
            d, s->raw + *in, s->raw_len - *in, out->ptr + out->len, room,
            &in_used, &out_used);
        if (r == LIBDEFLATE_SUCCESS) {
            out->len += out_used;
            *in += in_used;
            return out->len - start <= max_len;
        }
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE ||
            out->len - start + room >= max_len ||
            !px_buf_reserve(out, 2 * room + STREAM_CHUNK)) {
            return false;
        }
    }
}

/* Reads the rest of the deferred file and gunzips all its members into out
 * (trailing bytes that start no member are ignored, as zlib does), NUL
 * after them. False, with out as it was, when libdeflate cannot. */
static bool
gunzip_all(px_stream *s, size_t max_len, px_buf *out)
{
    struct stat st;
    if (fstat(s->fd, &st) != 0 || (size_t)st.st_size < s->raw_len ||
        !read_raw(s, (size_t)st.st_size - s->raw_len) || s->raw_len < 4) {
        return false;
    }
    const unsigned char *t = s->raw + s->raw_len - 4; /* last ISIZE */
    const size_t guess = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 |
                         (size_t)t[3] << 24;
    const size_t start = out->len;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    bool ok = d != NULL && px_buf_reserve(out, guess < max_len ? guess : 0);
    size_t in = 0;
    while (ok && in + 2 <= s->raw_len && s->raw[in] == 0x1f &&
           s->raw[in + 1] == 0x8b) {
        ok = gunzip_member(s, d, &in, start, max_len, out);
    }
    libdeflate_free_decompressor(d);
    if (!ok || in == 0) {
        out->len = start;
        if (out->ptr != NULL) {
            out->ptr[start] = '\0';
        }
        return false;
    }
    out->ptr[out->len] = '\0';
    return true;
}

/* gunzip_all into out for a whole read: the stream is at its end then.
 * False, with out as it was, when libdeflate cannot: zlib then reads. */
static bool
whole_deferred(px_stream *s, size_t max_len, px_buf *out)
{
    const size_t start = out->len;
    if (!gunzip_all(s, max_len, out)) {
        return false;
    }
    s->consumed += out->len - start;
    close_deferred(s);
    s->eof = true;
    return true;
}

/* Gunzips a small deferred file whole at its first peek and makes it a
 * memory stream over s->whole: the peek and a whole read then need no
 * zlib inflate (and a whole read no copy). False if the file is larger or
 * libdeflate cannot (it stays deferred), and at every later peek: the
 * file's size and bytes have not changed since. */
static bool
peek_whole(px_stream *s)
{
    if (s->whole_tried) {
        return false;
    }
    s->whole_tried = true;
    struct stat st;
    if (fstat(s->fd, &st) != 0 || (size_t)st.st_size > PEEK_WHOLE_MAX ||
        !gunzip_all(s, WHOLE_OUT_MAX, &s->whole)) {
        return false;
    }
    close_deferred(s);
    s->mem = (const unsigned char *)s->whole.ptr;
    s->mem_len = s->whole.len;
    s->eof = false;
    return true;
}

/* Hands the whole gunzipped file over to the empty out (out's bytes go to
 * s->whole, to be freed with the stream); false if that cannot be done. */
static bool
take_whole(px_stream *s, size_t max_len, px_buf *out)
{
    if (s->mem == NULL || s->mem != (const unsigned char *)s->whole.ptr ||
        s->consumed != 0 || s->pos != s->end || out->len != 0 || out->failed ||
        s->whole.len > max_len) {
        return false;
    }
    const px_buf old = *out;
    *out = s->whole;
    s->whole = old;
    s->mem = NULL;
    s->mem_len = 0;
    s->consumed = out->len;
    s->pos = s->end = 0;
    s->eof = true;
    return true;
}

/* Serves a peek of n bytes in deferred mode by inflating the compressed
 * bytes read up front; false if they do not hold n bytes of output (or the
 * whole file, if shorter), or anything is amiss: zlib then reads. */
static bool
peek_deferred(px_stream *s, size_t n)
{
    if (n > STREAM_CHUNK) {
        return false;
    }
    if (s->cap < STREAM_CHUNK) {
        unsigned char *p = px_realloc(s->buf, STREAM_CHUNK);
        if (p == NULL) {
            return false;
        }
        s->buf = p;
        s->cap = STREAM_CHUNK;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        return false;
    }
    z.next_in = s->raw;
    z.avail_in = (uInt)s->raw_len;
    z.next_out = s->buf;
    z.avail_out = (uInt)n;
    const int zrc = inflate(&z, Z_SYNC_FLUSH);
    /* A first member that ends here is the whole output only if it is the
     * whole file (read_raw stopped short of PEEK_RAW at end of file). */
    const bool ok =
        (zrc == Z_OK && z.avail_out == 0) ||
        (zrc == Z_STREAM_END && z.avail_in == 0 && s->raw_len < PEEK_RAW);
    s->pos = 0;
    s->end = ok ? n - z.avail_out : 0;
    inflateEnd(&z);
    return ok;
}

px_status
px_stream_peek(px_stream *s, size_t n, const unsigned char **p, size_t *avail,
               px_error *err)
{
    if (s->fd >= 0 && s->consumed == 0 && !peek_whole(s) &&
        peek_deferred(s, n)) {
        *p = s->buf;
        *avail = s->end;
        return PX_OK;
    }
    if (s->mem != NULL && s->pos == s->end) { /* nothing buffered */
        const size_t left = s->mem_len - s->consumed;
        *p = s->mem + s->consumed;
        *avail = left < n ? left : n;
        return PX_OK;
    }
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
    const px_status up = undefer(s, err);
    if (up != PX_OK) {
        return up;
    }
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
    const px_status up = undefer(s, err);
    if (up != PX_OK) {
        return up;
    }
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
    if (take_whole(s, max_len, out) ||
        (s->fd >= 0 && s->consumed == 0 && whole_deferred(s, max_len, out))) {
        return PX_OK;
    }
    const px_status up = undefer(s, err);
    if (up != PX_OK) {
        return up;
    }
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
