/* bench_charset.c - px_charset_decode over benchmark pages: speed, the
 * charsets chosen and how, and pages whose text holds U+FFFD.
 *
 * Usage: bench_charset [-r ROUNDS] [-v] FILE.html[.gz]...
 * Prints one line per page with U+FFFD (or every page with -v), then a
 * summary. Times are thread CPU time (the machine may be shared). Reads
 * the pages; never writes them anywhere.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "charset.h"
#include "error.h"
#include "str.h"
#include "stream.h"

#define MAX_PAGE ((size_t)64 * 1024 * 1024)

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static size_t
count_fffd(px_str s)
{
    size_t n = 0;
    const char *p = s.ptr;
    while ((p = px_str_find((px_str){p, s.len - (size_t)(p - s.ptr)},
                            "\xEF\xBF\xBD", 3)) != NULL) {
        n++;
        p += 3;
    }
    return n;
}

static bool
read_page(const char *path, px_buf *b)
{
    px_stream *s = NULL;
    px_error err = {0};
    b->len = 0;
    const bool ok = px_stream_open(path, &s, &err) == PX_OK &&
                    px_stream_read_all(s, MAX_PAGE, b, &err) == PX_OK;
    px_stream_close(s);
    if (!ok) {
        fprintf(stderr, "%s: %s\n", path, err.msg);
    }
    return ok;
}

int
main(int argc, char **argv)
{
    int rounds = 1;
    bool verbose = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
            rounds = atoi(argv[++i]);
        } else if (strcmp(argv[i], "-v") == 0) {
            verbose = true;
        }
    }
    size_t n_pages = 0;
    size_t n_fffd = 0;
    size_t n_fail = 0;
    size_t bytes = 0;
    double secs = 0;
    px_buf b;
    px_buf_init(&b);
    for (; i < argc; i++) {
        if (!read_page(argv[i], &b)) {
            n_fail++;
            continue;
        }
        px_decoded d = {0};
        size_t fffd = 0;
        px_status rc = PX_OK;
        px_error err = {0};
        for (int r = 0; r < rounds; r++) {
            px_arena *a = px_arena_new();
            px_error_clear(&err);
            const double t0 = now_s();
            rc = px_charset_decode(a, (const unsigned char *)b.ptr, b.len, NULL,
                                   true, &d, &err);
            secs += now_s() - t0;
            fffd = rc == PX_OK ? count_fffd(d.text) : 0;
            px_arena_free(a);
        }
        n_pages++;
        bytes += b.len;
        n_fail += rc != PX_OK;
        n_fffd += fffd > 0;
        if (verbose || fffd > 0 || rc != PX_OK) {
            printf("%s\t%zu bytes\t%s\t%s\tfffd=%zu\t%s\n", argv[i], b.len,
                   d.charset, d.how, fffd, rc == PX_OK ? "" : err.msg);
        }
    }
    px_buf_fini(&b);
    const double per = secs / (double)(n_pages > 0 ? n_pages : 1) / rounds;
    printf("pages=%zu failed=%zu with_fffd=%zu mean=%.1f KB "
           "decode=%.3f ms/page %.0f MB/s\n",
           n_pages, n_fail, n_fffd,
           (double)bytes / 1024.0 / (double)(n_pages > 0 ? n_pages : 1),
           per * 1e3, (double)bytes * rounds / 1e6 / (secs > 0 ? secs : 1));
    return 0;
}
