/* http.c - HTTP/1.x response messages: header block, chunked transfer
 * coding (undone in place, output never longer than input) and gzip/deflate
 * content coding (inflated into a capped buffer).
 *
 * All scanning is memchr-driven; input is untrusted archive data, so every
 * index is checked against the length and nothing assumes a terminator.
 */
#include "http.h"

#include <limits.h>
#include <string.h>

#define ZLIB_CONST
#include <zlib.h>

#include "error.h"
#include "log.h"
#include "str.h"

#define CHUNK_LINE_MAX 4096
#define INFLATE_STEP   ((size_t)64 * 1024)

static bool
is_ows(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static unsigned char
lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static px_str
trim_ows(const char *p, size_t len)
{
    while (len > 0 && is_ows((unsigned char)p[0])) {
        p++;
        len--;
    }
    while (len > 0 && is_ows((unsigned char)p[len - 1])) {
        len--;
    }
    return (px_str){p, len};
}

/* True if s contains word, ASCII case-insensitively. */
static bool
icontains(px_str s, const char *word)
{
    const size_t n = strlen(word);
    for (size_t i = 0; i + n <= s.len; i++) {
        if (px_str_ieq_c((px_str){s.ptr + i, n}, word)) {
            return true;
        }
    }
    return false;
}

/* "HTTP/x.y SSS ..." at msg; sets *status and *next past the line. */
static bool
status_line(const unsigned char *msg, size_t len, int *status, size_t *next)
{
    if (len < 5 || memcmp(msg, "HTTP/", 5) != 0) {
        return false;
    }
    const unsigned char *nl = memchr(msg, '\n', len);
    const size_t end = nl != NULL ? (size_t)(nl - msg) : len;
    size_t i = 5;
    while (i < end && msg[i] != ' ') {
        i++;
    }
    while (i < end && msg[i] == ' ') {
        i++;
    }
    int code = 0;
    for (int d = 0; d < 3; d++, i++) {
        if (i >= end || msg[i] < '0' || msg[i] > '9') {
            return false;
        }
        code = code * 10 + (msg[i] - '0');
    }
    if (i < end && msg[i] != ' ' && msg[i] != '\r') {
        return false;
    }
    *status = code < 100 ? 0 : code;
    *next = nl != NULL ? end + 1 : len;
    return *status != 0;
}

static void
header_line(const unsigned char *line, size_t len, px_http_msg *out)
{
    if (len == 0 || is_ows(line[0])) {
        return; /* obsolete line folding: nothing we need continues */
    }
    const unsigned char *colon = memchr(line, ':', len);
    if (colon == NULL) {
        return;
    }
    const char *base = (const char *)line;
    const size_t name_len = (size_t)(colon - line);
    const px_str name = trim_ows(base, name_len);
    const px_str value = trim_ows(base + name_len + 1, len - name_len - 1);
    if (px_str_ieq_c(name, "content-type")) {
        out->content_type = value;
    } else if (px_str_ieq_c(name, "content-encoding")) {
        out->content_encoding = value;
    } else if (px_str_ieq_c(name, "transfer-encoding")) {
        out->is_chunked = icontains(value, "chunked");
    }
}

void
px_http_parse(const unsigned char *msg, size_t len, px_http_msg *out)
{
    *out = (px_http_msg){0};
    out->body = msg;
    out->body_len = len;
    size_t pos = 0;
    if (!status_line(msg, len, &out->status, &pos)) {
        out->status = 0;
        return;
    }
    for (;;) {
        const unsigned char *nl = memchr(msg + pos, '\n', len - pos);
        if (nl == NULL) {
            pos = len; /* header block never ends: no body */
            break;
        }
        const size_t end = (size_t)(nl - msg);
        const size_t line_end =
            end > pos && msg[end - 1] == '\r' ? end - 1 : end;
        if (line_end == pos) {
            pos = end + 1;
            break;
        }
        header_line(msg + pos, line_end - pos, out);
        pos = end + 1;
    }
    out->body = msg + pos;
    out->body_len = len - pos;
}

/* Parses a chunk-size line at p[i..len): hex size, optional blanks, then
 * an extension after ';' or the line end. Sets *size and *next past it. */
static bool
chunk_size(const unsigned char *p, size_t len, size_t i, size_t *size,
           size_t *next)
{
    size_t v = 0;
    size_t n_digits = 0;
    while (i < len && px_ascii_digit(p[i], true) >= 0) {
        if (++n_digits > 15) {
            return false;
        }
        v = v * 16 + (size_t)px_ascii_digit(p[i], true);
        i++;
    }
    while (i < len && is_ows(p[i])) {
        i++;
    }
    if (n_digits == 0 || i >= len ||
        (p[i] != ';' && p[i] != '\r' && p[i] != '\n')) {
        return false;
    }
    const size_t span = len - i < CHUNK_LINE_MAX ? len - i : CHUNK_LINE_MAX;
    const unsigned char *nl = memchr(p + i, '\n', span);
    if (nl == NULL) {
        return false;
    }
    *size = v;
    *next = (size_t)(nl - p) + 1;
    return true;
}

bool
px_http_dechunk(unsigned char *p, size_t len, size_t *out_len)
{
    size_t in = 0;
    size_t out = 0;
    bool is_first = true;
    for (;;) {
        size_t size = 0;
        size_t next = 0;
        if (!chunk_size(p, len, in, &size, &next)) {
            if (is_first) {
                return false;
            }
            break; /* cut short or garbage: keep what we have */
        }
        is_first = false;
        in = next;
        if (size == 0) {
            break;
        }
        const size_t take = size < len - in ? size : len - in;
        memmove(p + out, p + in, take);
        out += take;
        in += take;
        if (take < size) {
            break;
        }
        if (in < len && p[in] == '\r') {
            in++;
        }
        if (in < len && p[in] == '\n') {
            in++;
        }
    }
    *out_len = out;
    return true;
}

/* Inflates in[0..len) with zlib window_bits into out (cleared) and returns
 * zlib's last status; out keeps what was produced even on failure, and
 * *is_too_large says output passed max_len. gzip members may follow each
 * other. */
static int
inflate_all(const unsigned char *in, size_t len, int window_bits, px_buf *out,
            size_t max_len, bool *is_too_large)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    out->len = 0;
    *is_too_large = false;
    if (inflateInit2(&z, window_bits) != Z_OK) {
        return Z_MEM_ERROR;
    }
    int zrc = Z_OK;
    size_t used = 0;
    while (zrc == Z_OK) {
        if (!px_buf_reserve(out, INFLATE_STEP)) {
            zrc = Z_MEM_ERROR;
            break;
        }
        if (z.avail_in == 0) {
            const size_t left = len - used;
            z.next_in = in + used;
            z.avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
            used += z.avail_in;
        }
        const size_t room = out->cap - out->len - 1;
        const size_t cap = max_len + 1 - out->len;
        const size_t give = room < cap ? room : cap;
        z.next_out = (unsigned char *)out->ptr + out->len;
        z.avail_out = give > UINT_MAX ? UINT_MAX : (unsigned)give;
        const unsigned before = z.avail_out;
        zrc = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        if (out->len > max_len) {
            *is_too_large = true;
            break;
        }
        if (zrc == Z_STREAM_END && window_bits > 15 && z.avail_in >= 2 &&
            z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
            zrc = inflateReset(&z);
        } else if (zrc == Z_BUF_ERROR && z.avail_in == 0 && used < len) {
            zrc = Z_OK;
        }
    }
    inflateEnd(&z);
    if (out->ptr != NULL) {
        out->ptr[out->len] = '\0';
    }
    return zrc;
}

static bool
has_gzip_magic(const unsigned char *p, size_t len)
{
    return len >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* A zlib header (RFC 1950): deflate method and a valid check value. */
static bool
has_zlib_header(const unsigned char *p, size_t len)
{
    return len >= 2 && (p[0] & 0x0f) == 8 &&
           ((unsigned)p[0] * 256 + p[1]) % 31 == 0;
}

/* True if p starts like text rather than compressed bytes: no control
 * characters other than white space in its first 512 bytes. */
static bool
looks_plain(const unsigned char *p, size_t len)
{
    const size_t n = len < 512 ? len : 512;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x09 || (p[i] > 0x0d && p[i] < 0x20)) {
            return false;
        }
    }
    return true;
}

/* Inflates for one coding; window_bits 0 means deflate (zlib or raw). */
static px_status
inflate_body(const unsigned char **body, size_t *body_len, int window_bits,
             px_buf *out, size_t max_len, px_error *err)
{
    if (window_bits == 0) {
        window_bits = has_zlib_header(*body, *body_len) ? 15 : -15;
    }
    bool is_too_large = false;
    const int zrc =
        inflate_all(*body, *body_len, window_bits, out, max_len, &is_too_large);
    if (px_buf_failed(out) || zrc == Z_MEM_ERROR) {
        return px_fail(err, PX_ENOMEM, "http: out of memory");
    }
    if (is_too_large) {
        return px_fail(err, PX_EINVAL, "decoded body larger than %zu MiB",
                       max_len >> 20);
    }
    if (zrc != Z_STREAM_END && out->len == 0) {
        return px_fail(err, PX_EPARSE, "%s body %s",
                       window_bits > 15 ? "gzip" : "deflate",
                       zrc == Z_BUF_ERROR ? "cut short" : "corrupt");
    }
    if (zrc != Z_STREAM_END) {
        PX_LOG(PX_LOG_DEBUG, "http: compressed body cut short (kept=%zu)",
               out->len);
    }
    *body = (const unsigned char *)out->ptr;
    *body_len = out->len;
    return PX_OK;
}

px_status
px_http_decode(px_str enc, const unsigned char **body, size_t *body_len,
               px_buf *out, size_t max_len, px_error *err)
{
    out->len = 0;
    if (*body_len == 0 || enc.len == 0 || px_str_ieq_c(enc, "identity")) {
        return PX_OK;
    }
    if (px_str_ieq_c(enc, "gzip") || px_str_ieq_c(enc, "x-gzip")) {
        if (!has_gzip_magic(*body, *body_len)) {
            return PX_OK; /* stored already decoded */
        }
        return inflate_body(body, body_len, 15 + 16, out, max_len, err);
    }
    if (px_str_ieq_c(enc, "deflate")) {
        if (!has_zlib_header(*body, *body_len) &&
            looks_plain(*body, *body_len)) {
            return PX_OK;
        }
        return inflate_body(body, body_len, 0, out, max_len, err);
    }
    if (looks_plain(*body, *body_len)) {
        return PX_OK; /* unknown label on a plain body (e.g. "utf-8") */
    }
    return px_fail(err, PX_EPARSE, "unsupported Content-Encoding %.*s",
                   (int)(enc.len > 32 ? 32 : enc.len), enc.ptr);
}

static bool
is_token_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || (c != 0 && strchr("!#$%&'*+-.^_`|~", c));
}

/* Copies s into dst (cap bytes) lower-cased when lower is set; dst becomes
 * "" if s is empty, too long or holds a character outside [extra] tokens. */
static void
copy_token(px_str s, bool lower_case, const char *extra, char *dst, size_t cap)
{
    dst[0] = '\0';
    if (s.len == 0 || s.len >= cap) {
        return;
    }
    for (size_t i = 0; i < s.len; i++) {
        const unsigned char c = (unsigned char)s.ptr[i];
        if (!is_token_char(c) && (c == 0 || strchr(extra, c) == NULL)) {
            dst[0] = '\0';
            return;
        }
        dst[i] = (char)(lower_case ? lower(c) : c);
    }
    dst[s.len] = '\0';
}

static px_str
unquote(px_str v)
{
    if (v.len >= 2 && (v.ptr[0] == '"' || v.ptr[0] == '\'') &&
        v.ptr[v.len - 1] == v.ptr[0]) {
        return trim_ows(v.ptr + 1, v.len - 2);
    }
    return v;
}

void
px_http_content_type(px_str value, char *mime, size_t mime_cap, char *charset,
                     size_t charset_cap)
{
    mime[0] = '\0';
    charset[0] = '\0';
    if (value.len == 0) {
        return;
    }
    const char *semi = memchr(value.ptr, ';', value.len);
    size_t end = semi != NULL ? (size_t)(semi - value.ptr) : value.len;
    copy_token(trim_ows(value.ptr, end), true, "/", mime, mime_cap);
    if (strchr(mime, '/') == NULL) {
        mime[0] = '\0';
    }
    while (end < value.len) {
        const size_t start = end + 1;
        semi = memchr(value.ptr + start, ';', value.len - start);
        end = semi != NULL ? (size_t)(semi - value.ptr) : value.len;
        const px_str param = trim_ows(value.ptr + start, end - start);
        const char *eq = memchr(param.ptr, '=', param.len);
        if (eq == NULL) {
            continue;
        }
        const size_t name_len = (size_t)(eq - param.ptr);
        if (px_str_ieq_c(trim_ows(param.ptr, name_len), "charset")) {
            const px_str v = trim_ows(eq + 1, param.len - name_len - 1);
            copy_token(unquote(v), false, ":()", charset, charset_cap);
        }
    }
}
