/* bench_warc.c - streams one WARC archive through the reader and reports
 * records, bytes and throughput. Usage: bench_warc FILE.warc[.gz] */
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "stream.h"
#include "warc.h"

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_warc FILE\n");
        return 2;
    }
    px_error err = {0};
    px_stream *s = NULL;
    px_warc *w = NULL;
    if (px_stream_open(argv[1], &s, &err) != PX_OK ||
        px_warc_new(s, &w, &err) != PX_OK) {
        fprintf(stderr, "bench_warc: %s\n", err.msg);
        px_stream_close(s);
        return 1;
    }
    const double t0 = now_s();
    size_t n_ok = 0;
    size_t n_failed = 0;
    size_t body_bytes = 0;
    unsigned sum = 0;
    bool done = false;
    while (!done) {
        px_warc_record rec;
        px_error e = {0};
        if (px_warc_next(w, &rec, &done, &e) != PX_OK) {
            fprintf(stderr, "bench_warc: %s\n", e.msg);
            n_failed++;
        } else if (!done) {
            n_ok++;
            body_bytes += rec.body_len;
            sum += rec.body_len > 0 ? rec.body[rec.body_len - 1] : 0;
        }
    }
    const double secs = now_s() - t0;
    const double mb = (double)px_stream_offset(s) / 1048576.0;
    printf("responses=%zu failed=%zu archive_mb=%.1f body_mb=%.1f "
           "seconds=%.2f mb_per_s=%.1f (check %u)\n",
           n_ok, n_failed, mb, (double)body_bytes / 1048576.0, secs, mb / secs,
           sum & 1u);
    px_warc_free(w);
    px_stream_close(s);
    return n_failed == 0 ? 0 : 1;
}
