/* bench_figures.c - figures finder throughput: NTREX-128 documents of a few
 * languages are loaded and unescaped first, then scanned in a timed loop on
 * one thread. Reports MB/s (CPU time) and figures found per language. Usage:
 * bench_figures [NTREX_DOCS_DIR [all]] (default
 * $PX_SHARED_DIR/data/crosslingual/ ntrex128/docs, else
 * ../shared/data/crosslingual/ntrex128/docs); "all" scans every language once,
 * with no language hint. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "figures.h"
#include "str.h"

#define ROUNDS 20

static double
cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Appends the unescaped text column (the 5th) of each line of fp to b,
 * documents separated by NUL bytes. */
static size_t
load(FILE *fp, px_buf *b)
{
    char *line = NULL;
    size_t cap = 0;
    size_t n_docs = 0;
    while (getline(&line, &cap, fp) > 0) {
        const char *t = line;
        for (int col = 0; col < 4 && t != NULL; col++) {
            t = strchr(t, '\t');
            t = t != NULL ? t + 1 : NULL;
        }
        if (t == NULL || strncmp(line, "doc_id\t", 7) == 0) {
            continue;
        }
        n_docs++;
        for (; *t != '\0' && *t != '\n'; t++) {
            if (t[0] == '\\' && t[1] != '\0') {
                t++;
                char c = *t;
                if (c == 'n') {
                    c = '\n';
                } else if (c == 't') {
                    c = '\t';
                }
                px_buf_add_byte(b, c);
            } else {
                px_buf_add_byte(b, *t);
            }
        }
        px_buf_add_byte(b, '\0');
    }
    free(line);
    return n_docs;
}

/* Scans every document of dir/file rounds times; adds to the totals. */
static void
bench(const char *dir, const char *file, const char *lang, int rounds,
      double *total_mb, double *total_s)
{
    char path[1024];
    if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path) {
        fprintf(stderr, "bench_figures: %s/%s: path too long\n", dir, file);
        return;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        fprintf(stderr, "bench_figures: %s: cannot open\n", path);
        return;
    }
    px_buf b;
    px_buf_init(&b);
    const size_t n_docs = load(fp, &b);
    fclose(fp);
    size_t n_figs = 0;
    const double t0 = cpu_s();
    for (int r = 0; r < rounds; r++) {
        size_t start = 0;
        while (start < b.len) {
            const char *nl = memchr(b.ptr + start, '\0', b.len - start);
            const size_t end = nl != NULL ? (size_t)(nl - b.ptr) : b.len;
            px_arena *a = px_arena_new();
            px_figure *v = NULL;
            size_t n = 0;
            px_figures_find((px_str){b.ptr + start, end - start}, lang, &v, &n,
                            a, NULL);
            n_figs += r == 0 ? n : 0;
            px_arena_free(a);
            start = end + 1;
        }
    }
    const double dt = cpu_s() - t0;
    printf("%-12s %6zu docs %8.2f MB  %7zu figures  %7.1f MB/s\n", file, n_docs,
           (double)b.len / 1e6, n_figs, (double)b.len * rounds / 1e6 / dt);
    *total_mb += (double)b.len * rounds / 1e6;
    *total_s += dt;
    px_buf_fini(&b);
}

int
main(int argc, char **argv)
{
    char dflt[1024];
    const char *shared = getenv("PX_SHARED_DIR");
    snprintf(dflt, sizeof dflt, "%s/data/crosslingual/ntrex128/docs",
             shared != NULL ? shared : "../shared");
    const char *dir = argc > 1 ? argv[1] : dflt;
    double mb = 0;
    double sec = 0;
    if (argc > 2 && strcmp(argv[2], "all") == 0) {
        DIR *d = opendir(dir);
        const struct dirent *e = NULL;
        while (d != NULL && (e = readdir(d)) != NULL) {
            if (strstr(e->d_name, ".tsv") != NULL) {
                bench(dir, e->d_name, NULL, 1, &mb, &sec);
            }
        }
        if (d != NULL) {
            closedir(d);
        }
    } else {
        static const char *const files[][2] = {
            {"eng.tsv", "eng"}, {"arb.tsv", "arb"}, {"zho-CN.tsv", "zho"},
            {"deu.tsv", "deu"}, {"rus.tsv", "rus"}, {"fra.tsv", "fra"}};
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            bench(dir, files[i][0], files[i][1], ROUNDS, &mb, &sec);
        }
    }
    printf("total %.1f MB in %.2f s CPU: %.1f MB/s\n", mb, sec,
           sec > 0 ? mb / sec : 0);
    return 0;
}
