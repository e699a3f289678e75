/* bench_langid.c - language identification throughput: every NTREX-128
 * document (all versions) is loaded and unescaped first, then identified
 * in a timed loop on one thread. Reports MB/s per core (CPU time), documents
 * per second, and peak RSS; also times CLD2 alone on the same texts. Usage:
 * bench_langid [NTREX_DIR] (default $PX_SHARED_DIR/data/ crosslingual/ntrex128,
 * else ../shared/data/crosslingual/ntrex128) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cld2_shim.h"
#include "langid.h"
#include "str.h"

/* CPU seconds of this (single-threaded) process: the per-core figure,
 * not skewed by other work on a shared machine. */
static double
cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The byte an escape \e stands for. */
static char
escaped(int e)
{
    switch (e) {
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'r':
        return '\r';
    default:
        return (char)e;
    }
}

/* Appends the unescaped text column of every line of path to all, each
 * document followed by a NUL; returns the number of documents. */
static size_t
load_file(const char *path, px_buf *all)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    size_t n_docs = 0;
    int tabs = 0;
    bool header = true;
    int c = 0;
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n') {
            if (!header && tabs >= 4) {
                px_buf_add_byte(all, '\0');
                n_docs++;
            }
            header = false;
            tabs = 0;
        } else if (tabs < 4 || header) {
            tabs += c == '\t';
        } else if (c == '\\') {
            px_buf_add_byte(all, escaped(fgetc(f)));
        } else {
            px_buf_add_byte(all, (char)c);
        }
    }
    fclose(f);
    return n_docs;
}

static size_t
load_all(const char *dir, px_buf *all)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/docs", dir);
    DIR *d = opendir(path);
    size_t n = 0;
    const struct dirent *e = NULL;
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strstr(e->d_name, ".tsv") != NULL) {
            snprintf(path, sizeof path, "%s/docs/%s", dir, e->d_name);
            n += load_file(path, all);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    return n;
}

/* Runs one identifier over every document; returns seconds. */
static double
run(const px_buf *all, bool cld2_only, unsigned *check)
{
    const double t0 = cpu_s();
    for (const char *p = all->ptr; p < all->ptr + all->len;) {
        const size_t len = strlen(p);
        if (cld2_only) {
            px_cld2_result c;
            px_cld2_detect(p, (int)len, &c);
            *check += (unsigned)c.percent[0];
        } else {
            px_langid_result r;
            px_langid_detect((px_str){p, len}, &r, NULL);
            *check += (unsigned)r.lang[0];
        }
        p += len + 1;
    }
    return cpu_s() - t0;
}

/* A copy of all where every run of ten documents is one page (joined by
 * newlines): long pages, where the bounded sample caps the work. */
static void
join_pages(const px_buf *all, px_buf *pages)
{
    size_t k = 0;
    for (size_t i = 0; i < all->len; i++) {
        char c = all->ptr[i];
        if (c == '\0' && ++k % 10 != 0) {
            c = '\n'; /* joins documents within a page */
        }
        px_buf_add_byte(pages, c);
    }
    if (pages->len > 0 && pages->ptr[pages->len - 1] != '\0') {
        px_buf_add_byte(pages, '\0');
    }
}

int
main(int argc, char **argv)
{
    char dir[2048];
    const char *env = getenv("PX_SHARED_DIR");
    snprintf(dir, sizeof dir, "%s/data/crosslingual/ntrex128",
             env != NULL ? env : "../shared");
    px_buf all;
    px_buf_init(&all);
    const size_t n = load_all(argc > 1 ? argv[1] : dir, &all);
    if (n == 0 || px_buf_failed(&all)) {
        fprintf(stderr, "bench_langid: no documents under %s\n",
                argc > 1 ? argv[1] : dir);
        return 1;
    }
    const double mb = (double)(all.len - n) / 1048576.0;
    unsigned check = 0;
    const double s_langid = run(&all, false, &check);
    const double s_cld2 = run(&all, true, &check);
    px_buf pages;
    px_buf_init(&pages);
    join_pages(&all, &pages);
    const double s_pages = run(&pages, false, &check);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("docs=%zu text_mb=%.1f\n"
           "langid: cpu_seconds=%.2f mb_per_s=%.1f docs_per_s=%.0f\n"
           "cld2 alone: cpu_seconds=%.2f mb_per_s=%.1f\n"
           "langid on pages of 10 docs (%zu pages): cpu_seconds=%.2f "
           "mb_per_s=%.1f\n"
           "peak_rss_mb=%.1f (texts held in memory: 2 x %.1f MB) (check %u)\n",
           n, mb, s_langid, mb / s_langid, (double)n / s_langid, s_cld2,
           mb / s_cld2, (n + 9) / 10, s_pages, mb / s_pages,
           (double)ru.ru_maxrss / 1024.0, mb, check & 1u);
    px_buf_fini(&pages);
    px_buf_fini(&all);
    return 0;
}
