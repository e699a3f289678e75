/* bench_warc_make.c - writes a synthetic .warc.gz (one gzip member per
 * record) from HTML pages, for the reader benchmark.
 *
 * Usage: bench_warc_make OUT.warc.gz TARGET_MB PAGE.html.gz...
 * Each page becomes a request record and a response record (a third plain,
 * a third chunked, a third gzip Content-Encoding), with a metadata record
 * every tenth page; pages repeat with varied URLs until the uncompressed
 * archive reaches TARGET_MB. Prints counts to stdout.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "str.h"

typedef struct gen {
    gzFile out;
    px_buf page; /* current page, decompressed */
    px_buf http; /* HTTP message being built */
    px_buf rec;  /* WARC record being built */
    px_buf tmp;
    size_t n_records;
    size_t n_bytes; /* uncompressed archive bytes */
} gen;

static int
load_page(const char *path, px_buf *page)
{
    gzFile f = gzopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    page->len = 0;
    char buf[65536];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0) {
        px_buf_add(page, buf, (size_t)n);
    }
    gzclose(f);
    return n < 0 || px_buf_failed(page) ? -1 : 0;
}

/* gzip-compresses p[0..n) at level 1 into out (cleared). */
static void
gzip_to(px_buf *out, const void *p, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
    const size_t bound = deflateBound(&z, (uLong)n) + 64;
    out->len = 0;
    px_buf_reserve(out, bound);
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->ptr;
    z.avail_out = (uInt)bound;
    deflate(&z, Z_FINISH);
    out->len = bound - z.avail_out;
    deflateEnd(&z);
}

/* Writes one WARC record as its own gzip member. */
static void
emit(gen *g, const char *type, const char *uri, const char *ctype,
     const char *block, size_t len)
{
    g->rec.len = 0;
    px_buf_printf(&g->rec,
                  "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                  "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: "
                  "<urn:uuid:%08zx-0000-4000-8000-000000000000>\r\n"
                  "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                  type, uri, g->n_records, ctype, len);
    px_buf_add(&g->rec, block, len);
    px_buf_add_c(&g->rec, "\r\n\r\n");
    gzwrite(g->out, g->rec.ptr, (unsigned)g->rec.len);
    gzflush(g->out, Z_FINISH); /* ends the member: one per record */
    g->n_records++;
    g->n_bytes += g->rec.len;
}

/* The page as an HTTP response, coded by variant (0 plain, 1 chunked,
 * 2 gzip). */
static void
build_http(gen *g, int variant)
{
    const px_buf *pg = &g->page;
    g->http.len = 0;
    px_buf_add_c(&g->http, "HTTP/1.1 200 OK\r\nServer: bench\r\n"
                           "Content-Type: text/html; charset=utf-8\r\n");
    if (variant == 2) {
        gzip_to(&g->tmp, pg->ptr, pg->len);
        px_buf_printf(&g->http,
                      "Content-Encoding: gzip\r\nContent-Length: %zu\r\n\r\n",
                      g->tmp.len);
        px_buf_add(&g->http, g->tmp.ptr, g->tmp.len);
    } else if (variant == 1) {
        px_buf_add_c(&g->http, "Transfer-Encoding: chunked\r\n\r\n");
        for (size_t off = 0; off < pg->len; off += 8192) {
            const size_t n = pg->len - off < 8192 ? pg->len - off : 8192;
            px_buf_printf(&g->http, "%zx\r\n", n);
            px_buf_add(&g->http, pg->ptr + off, n);
            px_buf_add_c(&g->http, "\r\n");
        }
        px_buf_add_c(&g->http, "0\r\n\r\n");
    } else {
        px_buf_printf(&g->http, "Content-Length: %zu\r\n\r\n", pg->len);
        px_buf_add(&g->http, pg->ptr, pg->len);
    }
}

static void
emit_page(gen *g, size_t pass, size_t i)
{
    char uri[128];
    snprintf(uri, sizeof uri, "https://news%zu.example/a/%zu?r=%zu", i % 97, i,
             pass);
    char req[256];
    const int req_len =
        snprintf(req, sizeof req,
                 "GET /a/%zu?r=%zu HTTP/1.1\r\nHost: news%zu.example\r\n"
                 "User-Agent: bench\r\n\r\n",
                 i, pass, i % 97);
    emit(g, "request", uri, "application/http; msgtype=request", req,
         (size_t)req_len);
    build_http(g, (int)((pass + i) % 3));
    emit(g, "response", uri, "application/http; msgtype=response", g->http.ptr,
         g->http.len);
    if (i % 10 == 0) {
        static const char meta[] = "fetchTimeMs: 120\r\nvia: bench\r\n";
        emit(g, "metadata", uri, "application/warc-fields", meta,
             sizeof meta - 1);
    }
}

int
main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_warc_make OUT TARGET_MB PAGE...\n");
        return 2;
    }
    gen g;
    memset(&g, 0, sizeof g);
    const size_t target = (size_t)strtoull(argv[2], NULL, 10) << 20;
    g.out = gzopen(argv[1], "wb6");
    if (g.out == NULL) {
        fprintf(stderr, "bench_warc_make: cannot write %s\n", argv[1]);
        return 1;
    }
    static const char info[] =
        "software: parallax bench\r\nformat: WARC 1.0\r\n";
    emit(&g, "warcinfo", "urn:x", "application/warc-fields", info,
         sizeof info - 1);
    for (size_t pass = 0; g.n_bytes < target; pass++) {
        for (int i = 3; i < argc && g.n_bytes < target; i++) {
            if (load_page(argv[i], &g.page) == 0) {
                emit_page(&g, pass, (size_t)i);
            }
        }
    }
    const int rc = gzclose(g.out) == Z_OK ? 0 : 1;
    printf("records=%zu uncompressed_mb=%.1f\n", g.n_records,
           (double)g.n_bytes / 1048576.0);
    px_buf_fini(&g.page);
    px_buf_fini(&g.http);
    px_buf_fini(&g.rec);
    px_buf_fini(&g.tmp);
    return rc;
}
