/* test_warc.c - the WARC reader and HTTP message decoding: archives built
 * here in memory and in temp files (plain, gzip per record, single-stream
 * gzip), skipped record types, chunked + gzip bodies, charsets, and broken
 * input (truncated records and gzip, bad Content-Length, oversized records,
 * garbage, allocation failures). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "arena.h"
#include "check.h"
#include "error.h"
#include "http.h"
#include "str.h"
#include "stream.h"
#include "warc.h"

#define PAGE "<html><head><title>T</title></head><body><p>Hello</p></body>"

/* Compresses p[0..n) as one gzip member (window_bits 31) or zlib (15) or
 * raw deflate (-15), appending to out. */
static void
compress_to(px_buf *out, const void *p, size_t n, int window_bits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    CHECK(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) ==
          Z_OK);
    const size_t bound = deflateBound(&z, (uLong)n) + 32;
    px_buf_reserve(out, bound);
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->ptr + out->len;
    z.avail_out = (uInt)bound;
    CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out->len += bound - z.avail_out;
    deflateEnd(&z);
}

/* Appends one WARC record with the given type, URI and Content-Type. */
static void
add_record(px_buf *w, const char *type, const char *uri, const char *ctype,
           const void *block, size_t len)
{
    px_buf_printf(w, "WARC/1.0\r\nWARC-Type: %s\r\n", type);
    px_buf_add_c(w, "WARC-Date: 2024-05-01T10:00:00Z\r\n");
    if (uri != NULL) {
        px_buf_printf(w, "WARC-Target-URI: %s\r\n", uri);
    }
    px_buf_printf(w, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n", ctype,
                  len);
    px_buf_add(w, block, len);
    px_buf_add_c(w, "\r\n\r\n");
}

/* An HTTP response with a gzip body sent in two chunks. */
static void
chunked_gzip_response(px_buf *http)
{
    px_buf gz;
    px_buf_init(&gz);
    compress_to(&gz, PAGE, strlen(PAGE), 31);
    const size_t half = gz.len / 2;
    px_buf_add_c(http,
                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                 "Content-Encoding: gzip\r\n"
                 "Content-Type: text/html;charset=\"ISO-8859-1\"\r\n\r\n");
    px_buf_printf(http, "%zx;name=x\r\n", half);
    px_buf_add(http, gz.ptr, half);
    px_buf_printf(http, "\r\n%zX\r\n", gz.len - half);
    px_buf_add(http, gz.ptr + half, gz.len - half);
    px_buf_add_c(http, "\r\n0\r\nX-Trailer: 1\r\n\r\n");
    px_buf_fini(&gz);
}

/* The test archive as a list of records (each its own buffer). */
typedef struct records {
    px_buf rec[8];
    size_t n;
} records;

static void
build_records(records *r)
{
    memset(r, 0, sizeof *r);
    static const char info[] = "software: test\r\nformat: WARC 1.0\r\n";
    static const char req[] = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n";
    static const char plain[] = "HTTP/1.0 404 Not Found\r\nContent-Type: "
                                "text/html; charset=windows-1251\r\n\r\n" PAGE;
    px_buf http;
    px_buf_init(&http);
    chunked_gzip_response(&http);
    add_record(&r->rec[r->n++], "warcinfo", NULL, "application/warc-fields",
               info, sizeof info - 1);
    add_record(&r->rec[r->n++], "request", "http://a.example/",
               "application/http; msgtype=request", req, sizeof req - 1);
    add_record(&r->rec[r->n++], "response", "<http://a.example/>",
               "application/http; msgtype=response", http.ptr, http.len);
    add_record(&r->rec[r->n++], "metadata", "http://a.example/",
               "application/warc-fields", "via: x\r\n", 8);
    add_record(&r->rec[r->n++], "response", "http://b.example/p",
               "application/http; msgtype=response", plain, sizeof plain - 1);
    add_record(&r->rec[r->n++], "resource", "file:///x.png", "image/png",
               "\x89PNG", 4);
    add_record(&r->rec[r->n++], "resource", "file:///x.html",
               "text/html; charset=utf-8", PAGE, strlen(PAGE));
    px_buf_fini(&http);
}

static void
free_records(records *r)
{
    for (size_t i = 0; i < r->n; i++) {
        px_buf_fini(&r->rec[i]);
    }
}

static bool
body_is(const px_warc_record *rec, const char *want)
{
    return rec->body_len == strlen(want) &&
           memcmp(rec->body, want, rec->body_len) == 0;
}

/* Reads the standard archive from s and checks every yielded record. */
static void
check_standard(px_stream *s)
{
    px_warc *w = NULL;
    px_error err = {0};
    CHECK(px_warc_new(s, &w, &err) == PX_OK);
    px_warc_record rec;
    bool done = false;
    CHECK(px_warc_next(w, &rec, &done, &err) == PX_OK && !done);
    CHECK(rec.index == 3 && rec.http_status == 200);
    CHECK_STR_EQ(rec.url, "http://a.example/");
    CHECK_STR_EQ(rec.date, "2024-05-01T10:00:00Z");
    CHECK_STR_EQ(rec.mime, "text/html");
    CHECK_STR_EQ(rec.charset, "ISO-8859-1");
    CHECK(body_is(&rec, PAGE));
    CHECK(px_warc_next(w, &rec, &done, &err) == PX_OK && !done);
    CHECK(rec.index == 5 && rec.http_status == 404);
    CHECK_STR_EQ(rec.url, "http://b.example/p");
    CHECK_STR_EQ(rec.charset, "windows-1251");
    CHECK(body_is(&rec, PAGE));
    CHECK(px_warc_next(w, &rec, &done, &err) == PX_OK && !done);
    CHECK(rec.index == 7 && rec.http_status == 0);
    CHECK_STR_EQ(rec.mime, "text/html");
    CHECK_STR_EQ(rec.charset, "utf-8");
    CHECK(body_is(&rec, PAGE));
    CHECK(px_warc_next(w, &rec, &done, &err) == PX_OK && done);
    CHECK(px_warc_next(w, &rec, &done, &err) == PX_OK && done);
    CHECK(err.code == PX_OK);
    px_warc_free(w);
}

static void
concat(const records *r, px_buf *out)
{
    for (size_t i = 0; i < r->n; i++) {
        px_buf_add(out, r->rec[i].ptr, r->rec[i].len);
    }
}

static void
test_memory(void)
{
    records r;
    build_records(&r);
    px_buf all;
    px_buf_init(&all);
    concat(&r, &all);
    px_stream *s = NULL;
    CHECK(px_stream_open_mem(all.ptr, all.len, &s, NULL) == PX_OK);
    check_standard(s);
    px_stream_close(s);
    CHECK(px_warc_sniff((const unsigned char *)all.ptr, all.len));
    px_buf_fini(&all);
    free_records(&r);
}

/* Writes p[0..n) to a new temp file; returns its path (static buffer). */
static const char *
write_tmp(const void *p, size_t n)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/px_test_warc_XXXXXX");
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, p, n) == (ssize_t)n);
    close(fd);
    return path;
}

/* gzip per record (per_record) or one gzip stream over the archive. */
static void
gzip_archive(const records *r, bool per_record, px_buf *out)
{
    if (per_record) {
        for (size_t i = 0; i < r->n; i++) {
            compress_to(out, r->rec[i].ptr, r->rec[i].len, 31);
        }
        return;
    }
    px_buf all;
    px_buf_init(&all);
    concat(r, &all);
    compress_to(out, all.ptr, all.len, 31);
    px_buf_fini(&all);
}

static void
test_files(void)
{
    records r;
    build_records(&r);
    for (int mode = 0; mode < 3; mode++) {
        px_buf data;
        px_buf_init(&data);
        if (mode == 0) {
            concat(&r, &data);
        } else {
            gzip_archive(&r, mode == 1, &data);
        }
        const char *path = write_tmp(data.ptr, data.len);
        px_stream *s = NULL;
        CHECK(px_stream_open(path, &s, NULL) == PX_OK);
        check_standard(s);
        px_stream_close(s);
        unlink(path);
        px_buf_fini(&data);
    }
    free_records(&r);
}

/* Reads everything from data; returns the indexes yielded ("3,5,") and the
 * errors ("E<code>:<msg>|") in log. */
static void
read_all(px_stream *s, px_buf *log)
{
    px_warc *w = NULL;
    CHECK(px_warc_new(s, &w, NULL) == PX_OK);
    bool done = false;
    for (int guard = 0; guard < 10000 && !done; guard++) {
        px_warc_record rec;
        px_error err = {0};
        const px_status rc = px_warc_next(w, &rec, &done, &err);
        if (rc != PX_OK) {
            px_buf_printf(log, "E%d:%s|", (int)rc, err.msg);
        } else if (!done) {
            px_buf_printf(log, "%zu,", rec.index);
        }
    }
    CHECK(done);
    px_warc_free(w);
}

static void
read_mem(const void *p, size_t n, px_buf *log)
{
    px_stream *s = NULL;
    CHECK(px_stream_open_mem(p, n, &s, NULL) == PX_OK);
    log->len = 0;
    read_all(s, log);
    px_stream_close(s);
}

static void
read_file(const void *p, size_t n, px_buf *log)
{
    const char *path = write_tmp(p, n);
    px_stream *s = NULL;
    CHECK(px_stream_open(path, &s, NULL) == PX_OK);
    log->len = 0;
    read_all(s, log);
    px_stream_close(s);
    unlink(path);
}

static void
test_truncated(void)
{
    records r;
    build_records(&r);
    px_buf all;
    px_buf_init(&all);
    concat(&r, &all);
    px_buf log;
    px_buf_init(&log);
    /* cut inside record 5's block */
    const size_t cut =
        r.rec[0].len + r.rec[1].len + r.rec[2].len + r.rec[3].len + 250;
    read_mem(all.ptr, cut, &log);
    CHECK_STR_EQ(log.ptr, "3,E3:(memory): record 5: truncated|");
    /* cut inside record 4's header */
    read_mem(all.ptr, cut - 250 - 20, &log);
    CHECK_STR_EQ(log.ptr, "3,E3:(memory): record 4: truncated header|");

    /* gzip per record, cut in the last member; big enough that zlib hands
     * out the records before the cut (it drops its last partial read) */
    px_buf gz;
    px_buf_init(&gz);
    for (int i = 0; i < 300; i++) {
        gzip_archive(&r, true, &gz);
    }
    read_file(gz.ptr, gz.len - 30, &log);
    CHECK(strncmp(log.ptr, "3,5,7,10,12,14,", 15) == 0);
    const char *e = strstr(log.ptr, "E2:/tmp/");
    CHECK(e != NULL && strstr(e, ": truncated gzip data|") != NULL);
    CHECK(e != NULL && strstr(e, ": record ") != NULL);
    CHECK(e != NULL && strstr(e, ": record 0:") == NULL);
    gz.len = 0;
    gzip_archive(&r, false, &gz);
    read_file(gz.ptr, gz.len / 2, &log); /* single stream, cut half-way */
    CHECK(strstr(log.ptr, "truncated gzip data|") != NULL);
    px_buf_fini(&gz);
    px_buf_fini(&log);
    px_buf_fini(&all);
    free_records(&r);
}

/* Replaces the first "Content-Length: <n>" in b with value. */
static void
set_length(px_buf *b, const char *value)
{
    char *p = strstr(b->ptr, "Content-Length: ");
    char *e = strstr(p, "\r\n");
    px_buf out;
    px_buf_init(&out);
    px_buf_add(&out, b->ptr, (size_t)(p - b->ptr));
    px_buf_printf(&out, "Content-Length: %s", value);
    px_buf_add(&out, e, b->len - (size_t)(e - b->ptr));
    px_buf_fini(b);
    *b = out;
}

static void
test_bad_length(void)
{
    px_buf log;
    px_buf_init(&log);
    static const char *const cases[][2] = {
        {"30", "E3:(memory): record 1: no record boundary after "
               "Content-Length bytes|2,"},
        {"12x", "E3:(memory): record 1: bad Content-Length|2,"},
        {"99999999999999999999", "E3:(memory): record 1: bad "
                                 "Content-Length|2,"},
        {"", "E3:(memory): record 1: bad Content-Length|2,"},
        {"500", "E3:(memory): record 1: truncated|"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_buf a;
        px_buf_init(&a);
        const char *http = "HTTP/1.1 200 OK\r\n\r\n" PAGE;
        add_record(&a, "response", "http://x/", "application/http", http,
                   strlen(http));
        set_length(&a, cases[i][0]);
        add_record(&a, "response", "http://y/", "application/http", http,
                   strlen(http));
        read_mem(a.ptr, a.len, &log);
        CHECK_STR_EQ(log.ptr, cases[i][1]);
        px_buf_fini(&a);
    }
    /* no Content-Length at all, and garbage before the first record */
    px_buf a;
    px_buf_init(&a);
    px_buf_add_c(&a, "garbage\n\x01\x02\nWARC/1.1\r\nWARC-Type: response\r\n"
                     "\r\nxx\r\n\r\n");
    add_record(&a, "response", "http://y/", "application/http", "HTTP/1.1 200",
               12);
    read_mem(a.ptr, a.len, &log);
    CHECK_STR_EQ(log.ptr, "E3:(memory): record 1: no WARC/1.x line|E3:(memory)"
                          ": record 2: no Content-Length|3,");
    px_buf_fini(&a);
    px_buf_fini(&log);
}

static void
test_oversized(void)
{
    const size_t big = PX_WARC_MAX_RECORD + 1;
    char *payload = malloc(big);
    CHECK(payload != NULL);
    memset(payload, 'x', big);
    px_buf a;
    px_buf_init(&a);
    add_record(&a, "response", "http://big/", "application/http", payload, big);
    add_record(&a, "response", "http://y/", "application/http", "HTTP/1.1 200",
               12);
    /* a gzip bomb: small on disk, too large once decoded */
    px_buf http;
    px_buf_init(&http);
    px_buf_add_c(&http, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    memset(payload, 0, big);
    compress_to(&http, payload, big, 31);
    free(payload);
    add_record(&a, "response", "http://bomb/", "application/http", http.ptr,
               http.len);
    px_buf log;
    px_buf_init(&log);
    read_mem(a.ptr, a.len, &log);
    CHECK_STR_EQ(log.ptr, "E4:(memory): record 1: too large (67108865 bytes, "
                          "max 64 MiB)|2,E4:(memory): record 3: decoded body "
                          "larger than 64 MiB|");
    px_buf_fini(&log);
    px_buf_fini(&http);
    px_buf_fini(&a);
}

static void
test_http(void)
{
    char mime[32];
    char cs[16];
    px_http_content_type(px_str_c(" Text/HTML ; foo=bar; CharSet = 'utf-8' ;"),
                         mime, sizeof mime, cs, sizeof cs);
    CHECK_STR_EQ(mime, "text/html");
    CHECK_STR_EQ(cs, "utf-8");
    px_http_content_type(px_str_c("text/html; charset=\"a b\""), mime,
                         sizeof mime, cs, sizeof cs);
    CHECK_STR_EQ(cs, "");
    px_http_content_type(px_str_c("nonsense"), mime, sizeof mime, cs,
                         sizeof cs);
    CHECK_STR_EQ(mime, "");
    px_http_content_type((px_str){NULL, 0}, mime, sizeof mime, cs, sizeof cs);
    CHECK_STR_EQ(mime, "");

    px_http_msg m;
    static const char msg[] = "HTTP/1.1 301 Moved\nLocation: /x\n"
                              " folded\nContent-Type: text/plain\n\nbody";
    px_http_parse((const unsigned char *)msg, sizeof msg - 1, &m);
    CHECK(m.status == 301 && m.body_len == 4 && !m.is_chunked);
    CHECK(px_str_eq_c(m.content_type, "text/plain"));
    px_http_parse((const unsigned char *)"HTTP/1.1 2000 OK\r\n\r\nx", 21, &m);
    CHECK(m.status == 0 && m.body_len == 21);
    px_http_parse((const unsigned char *)"HTTP/1.1 200 OK\r\nA: b", 22, &m);
    CHECK(m.status == 200 && m.body_len == 0);

    unsigned char chunked[] = "3\r\nabc\r\n2 ; x=\"y\"\r\nde\r\n0\r\n\r\n";
    size_t n = 0;
    CHECK(px_http_dechunk(chunked, sizeof chunked - 1, &n));
    CHECK(n == 5 && memcmp(chunked, "abcde", 5) == 0);
    unsigned char cut[] = "5\r\nabc";
    CHECK(px_http_dechunk(cut, sizeof cut - 1, &n) && n == 3);
    unsigned char not_chunked[] = "add more\r\n";
    CHECK(!px_http_dechunk(not_chunked, sizeof not_chunked - 1, &n));
}

static void
check_decode(const char *enc, const px_buf *in, const char *want,
             px_status want_rc)
{
    const unsigned char *body = (const unsigned char *)in->ptr;
    size_t len = in->len;
    px_buf out;
    px_buf_init(&out);
    px_error err = {0};
    const px_status rc =
        px_http_decode(px_str_c(enc), &body, &len, &out, 1 << 20, &err);
    CHECK(rc == want_rc);
    CHECK(rc != PX_OK || (len == strlen(want) && memcmp(body, want, len) == 0));
    px_buf_fini(&out);
}

static void
test_decode(void)
{
    px_buf b;
    px_buf_init(&b);
    compress_to(&b, PAGE, strlen(PAGE), 15);
    check_decode("deflate", &b, PAGE, PX_OK);
    b.len = 0;
    compress_to(&b, PAGE, strlen(PAGE), -15);
    check_decode("Deflate", &b, PAGE, PX_OK);
    b.len = 0;
    compress_to(&b, "ab", 2, 31);
    compress_to(&b, "cd", 2, 31); /* two gzip members */
    check_decode("x-gzip", &b, "abcd", PX_OK);
    b.len -= 12; /* cut: the first member survives */
    check_decode("gzip", &b, "ab", PX_OK);
    b.len = 3; /* nothing decodable */
    check_decode("gzip", &b, "", PX_EPARSE);
    b.len = 0;
    px_buf_add_c(&b, PAGE);
    check_decode("gzip", &b, PAGE, PX_OK); /* stored decoded */
    check_decode("utf-8", &b, PAGE, PX_OK);
    check_decode("br", &b, PAGE, PX_OK);
    b.len = 0;
    px_buf_add(&b, "\x1b\x03\x00\x01", 4);
    check_decode("br", &b, "", PX_EPARSE);
    px_buf_fini(&b);
}

static void
test_sniff(void)
{
    CHECK(px_warc_sniff((const unsigned char *)" \r\nWARC/1.1\r\n", 13));
    CHECK(!px_warc_sniff((const unsigned char *)"WARC/1.", 7));
    CHECK(!px_warc_sniff((const unsigned char *)"WARC/0.18\r\n", 11));
    CHECK(!px_warc_sniff((const unsigned char *)"<html>", 6));
    CHECK(!px_warc_sniff((const unsigned char *)"", 0));
}

/* Every allocation failing in turn: errors, never crashes or leaks. */
static void
test_alloc_failures(void)
{
    records r;
    build_records(&r);
    px_buf all;
    px_buf_init(&all);
    concat(&r, &all);
    size_t n_recovered = 0;
    for (long n = 1; n < 40; n++) {
        px_stream *s = NULL;
        px_warc *w = NULL;
        px_mem_fail_after(n);
        if (px_stream_open_mem(all.ptr, all.len, &s, NULL) == PX_OK &&
            px_warc_new(s, &w, NULL) == PX_OK) {
            bool done = false;
            px_warc_record rec;
            (void)px_warc_next(w, &rec, &done, NULL);
            px_mem_fail_after(0); /* then it must carry on to the end */
            for (int i = 0; i < 20 && !done; i++) {
                if (px_warc_next(w, &rec, &done, NULL) == PX_OK && !done &&
                    rec.index == 7) {
                    n_recovered++;
                }
            }
            CHECK(done);
        }
        px_mem_fail_after(0);
        px_warc_free(w);
        px_stream_close(s);
    }
    CHECK(n_recovered > 30);
    px_buf_fini(&all);
    free_records(&r);
}

/* Inputs kept from fuzzing and edge cases: each reads to the end with the
 * records and errors listed here. */
static void
test_regress(void)
{
    static const char *const want[][2] = {
        {"chunk-cut.warc", "E3:(memory): record 1: gzip body cut short|"},
        {"chunked-gzip.warc", "2,"},
        {"deflate-raw.warc", "1,"},
        {"garbage-then-record.warc",
         "E3:(memory): record 1: no WARC/1.x line|E3:(memory): record 2: "
         "no Content-Length|3,"},
        {"gzip-cut.warc", "1,"},
        {"long-length.warc", "E3:(memory): record 1: truncated|"},
        {"no-blank-line.warc", "E3:(memory): record 1: truncated header|"},
        {"short-length.warc", "E3:(memory): record 1: no record boundary "
                              "after Content-Length bytes|2,"},
    };
    const char *src = getenv("PX_SOURCE_DIR");
    px_buf log;
    px_buf_init(&log);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/tests/fuzz/regress/warc/%s",
                 src != NULL ? src : "..", want[i][0]);
        FILE *f = fopen(path, "rb");
        CHECK(f != NULL);
        if (f == NULL) {
            continue;
        }
        char data[4096];
        const size_t n = fread(data, 1, sizeof data, f);
        fclose(f);
        read_mem(data, n, &log);
        CHECK_STR_EQ(log.ptr, want[i][1]);
    }
    px_buf_fini(&log);
}

int
main(void)
{
    test_memory();
    test_files();
    test_truncated();
    test_bad_length();
    test_oversized();
    test_http();
    test_decode();
    test_sniff();
    test_alloc_failures();
    test_regress();
    return check_summary();
}
