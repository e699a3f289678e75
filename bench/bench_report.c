/* bench_report.c - what the report's story sheets cost next to reading and
 * clustering the same pages. Reads every page under the given paths
 * (px_reader_open, px_extract, px_storyset_add), clusters them, then builds
 * the HTML report of the 50 largest stories (px_storyset_report_html, as
 * `parallax run` and `parallax report` do) ROUNDS times. Prints CPU seconds
 * of the load (read, extract, add, cluster) and of one report, and their
 * ratio. `parallax run` does more than the load (it also writes articles
 * and their analysis), so the ratio here is an upper bound of what the
 * report adds to a run; bench/run_report.sh measures the run itself.
 *
 * Usage: bench_report PATH... (PX_LEXICON as for parallax; PX_BENCH_ROUNDS,
 * default 3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "parallax.h"

static double
cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Adds every article under paths to set; returns how many. */
static size_t
load(const char *const *paths, size_t n_paths, px_storyset *set)
{
    px_reader *r = NULL;
    size_t n = 0;
    if (px_reader_open(paths, n_paths, PX_FORMAT_AUTO, &r, NULL) != PX_OK) {
        return 0;
    }
    for (;;) {
        const px_record *rec = NULL;
        px_status st = px_reader_next(r, &rec, NULL);
        if (st != PX_OK) {
            continue;
        }
        if (rec == NULL) {
            break;
        }
        px_article *a = NULL;
        if (px_extract(rec, &a, NULL) == PX_OK &&
            px_storyset_add(set, a, NULL) == PX_OK) {
            n++;
        }
        px_article_free(a);
    }
    px_reader_close(r);
    return n;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_report PATH...\n");
        return 2;
    }
    const char *e = getenv("PX_BENCH_ROUNDS");
    const int rounds = e != NULL && atoi(e) > 0 ? atoi(e) : 3;
    px_storyset *set = NULL;
    if (px_storyset_new(NULL, NULL, &set, NULL) != PX_OK) {
        return 1;
    }
    const double t0 = cpu_s();
    const size_t n = load((const char *const *)argv + 1, (size_t)argc - 1, set);
    const bool ok = px_storyset_cluster(set, NULL) == PX_OK;
    const double t_load = cpu_s() - t0;
    double best = 0.0;
    size_t bytes = 0;
    for (int i = 0; ok && i < rounds; i++) {
        char *html = NULL;
        const double t1 = cpu_s();
        if (px_storyset_report_html(set, 50, &html, &bytes, NULL) != PX_OK) {
            return 1;
        }
        const double t = cpu_s() - t1;
        best = i == 0 || t < best ? t : best;
        px_free(html);
    }
    printf("{\"articles\":%zu,\"stories\":%zu,\"load_cpu_s\":%.2f,"
           "\"report_cpu_s\":%.3f,\"report_bytes\":%zu,\"ratio\":%.3f}\n",
           n, px_storyset_n_stories(set), t_load, best, bytes,
           t_load > 0 ? best / t_load : 0.0);
    px_storyset_free(set);
    return ok ? 0 : 1;
}
