/* bench_extract.c - read + extract speed of parallax, one thread.
 *
 * Usage: bench_extract PAGE_LIST [ROUNDS]
 * PAGE_LIST holds one page path per line (.html.gz in the benchmark). For
 * each page, as a user of the public API would: px_reader_open on the path
 * (format sniffed), px_reader_next, px_extract, px_article_text,
 * px_article_free, px_reader_close. Only that loop is timed; it runs ROUNDS
 * times over the list (default 1) so that a fast run is long enough to time.
 * Pages that fail to read or extract are counted in "failed" and still count
 * as pages, like in the readability-lxml and Mozilla Readability scripts
 * beside this file. Prints the same one-line JSON as they do: {tool, pages,
 * failed, seconds, cpu_seconds, pages_per_s, pages_per_cpu_s, peak_rss_kb,
 * text_chars}. The reasons of the first five failures go to stderr. Uses
 * only include/parallax.h.
 */
#include "parallax.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
    char *buf;    /* the list file, lines cut in place */
    char **paths; /* into buf */
    size_t n_paths;
} page_list;

typedef struct {
    size_t ok;
    size_t failed;
    size_t text_chars; /* bytes of extracted text, to show work was done */
} tally;

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
cpu_s(const struct rusage *ru)
{
    return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec / 1e6 +
           (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
}

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    size_t cap = 0;

    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        if (cap - len < 4096) {
            cap = cap == 0 ? 65536 : cap * 2;
            char *grown = realloc(buf, cap + 1);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            break;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

/* Cuts buf into lines, trimming spaces, tabs and CRs; skips empty lines. */
static int
list_load(const char *path, page_list *pl)
{
    size_t cap = 0;

    memset(pl, 0, sizeof *pl);
    pl->buf = slurp(path);
    if (pl->buf == NULL) {
        return -1;
    }
    for (char *p = pl->buf; *p != '\0';) {
        char *end = strchr(p, '\n');
        char *next = end != NULL ? end + 1 : p + strlen(p);
        char *e = end != NULL ? end : next;
        while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) {
            e--;
        }
        *e = '\0';
        if (e > p) {
            if (pl->n_paths == cap) {
                cap = cap == 0 ? 1024 : cap * 2;
                char **grown = realloc(pl->paths, cap * sizeof *grown);
                if (grown == NULL) {
                    return -1;
                }
                pl->paths = grown;
            }
            pl->paths[pl->n_paths++] = p;
        }
        p = next;
    }
    return 0;
}

static void
list_free(page_list *pl)
{
    free(pl->paths);
    free(pl->buf);
}

/* Reads and extracts one page; returns 0 when an article came out. */
static int
run_page(const char *path, tally *t)
{
    px_reader *r = NULL;
    const px_record *rec = NULL;
    px_article *a = NULL;
    px_error err = {0};
    int rc = -1;

    if (px_reader_open(&path, 1, PX_FORMAT_AUTO, &r, &err) != PX_OK ||
        px_reader_next(r, &rec, &err) != PX_OK || rec == NULL ||
        px_extract(rec, &a, &err) != PX_OK) {
        goto done;
    }
    size_t len = 0;
    if (px_article_text(a, &len) != NULL) {
        t->text_chars += len;
    }
    rc = 0;
done:
    if (rc != 0 && t->failed < 5) { /* a few lines: negligible time */
        fprintf(stderr, "bench_extract: %s: %s\n", path,
                err.msg[0] != '\0' ? err.msg : "no record");
    }
    px_article_free(a);
    px_reader_close(r);
    return rc;
}

static void
report(const tally *t, double wall, double cpu, long peak_rss_kb)
{
    size_t n = t->ok + t->failed;
    printf("{\"tool\": \"parallax %s\", \"pages\": %zu, \"failed\": %zu, "
           "\"seconds\": %.3f, \"cpu_seconds\": %.3f, \"pages_per_s\": %.2f, "
           "\"pages_per_cpu_s\": %.2f, \"peak_rss_kb\": %ld, "
           "\"text_chars\": %zu}\n",
           PX_VERSION, n, t->failed, wall, cpu,
           wall > 0 ? (double)n / wall : 0.0, cpu > 0 ? (double)n / cpu : 0.0,
           peak_rss_kb, t->text_chars);
}

int
main(int argc, char **argv)
{
    page_list pl;
    tally t = {0};
    struct rusage ru0;
    struct rusage ru1;
    long rounds = argc == 3 ? strtol(argv[2], NULL, 10) : 1;

    if (argc < 2 || argc > 3 || rounds < 1) {
        fprintf(stderr, "usage: bench_extract PAGE_LIST [ROUNDS]\n");
        return 2;
    }
    if (list_load(argv[1], &pl) != 0) {
        fprintf(stderr, "bench_extract: %s: %s\n", argv[1], strerror(errno));
        list_free(&pl);
        return 1;
    }
    getrusage(RUSAGE_SELF, &ru0);
    double t0 = now_s();
    for (long i = 0; i < rounds; i++) {
        for (size_t k = 0; k < pl.n_paths; k++) {
            if (run_page(pl.paths[k], &t) == 0) {
                t.ok++;
            } else {
                t.failed++;
            }
        }
    }
    double wall = now_s() - t0;
    getrusage(RUSAGE_SELF, &ru1);
    report(&t, wall, cpu_s(&ru1) - cpu_s(&ru0), ru1.ru_maxrss);
    list_free(&pl);
    return 0;
}
