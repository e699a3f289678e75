/* bench_datetext.c - px_datetext_find over text files: speed and mention
 * counts per file.
 *
 * Usage: bench_datetext [-r ROUNDS] [-l LANG] FILE...
 * Each file is searched whole (ROUNDS times) with an anchor of 2026-01-06.
 * Prints one line per file (bytes, mentions, MB/s) and a total. Times are
 * thread CPU time (the machine may be shared). Reads the files; never
 * writes them anywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "datetext.h"
#include "error.h"
#include "str.h"

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *const f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 20;
    size_t n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        cap *= 2;
        char *const p = realloc(buf, cap);
        if (p == NULL) {
            free(buf);
            buf = NULL;
        }
        buf = p;
    }
    fclose(f);
    *len = n;
    return buf;
}

int
main(int argc, char **argv)
{
    int rounds = 1;
    const char *lang = NULL;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "-r") == 0) {
            rounds = atoi(argv[i + 1]);
        } else if (strcmp(argv[i], "-l") == 0) {
            lang = argv[i + 1];
        }
    }
    px_error err = {0};
    if (px_datetext_init(&err) != PX_OK) {
        fprintf(stderr, "bench_datetext: %s\n", err.msg);
        return 1;
    }
    px_date anchor = {0};
    anchor.year = 2026;
    anchor.month = 1;
    anchor.day = 6;
    anchor.prec = PX_PREC_DAY;
    double total_s = 0;
    double total_b = 0;
    size_t total_m = 0;
    for (; i < argc; i++) {
        size_t len = 0;
        char *const text = slurp(argv[i], &len);
        if (text == NULL) {
            fprintf(stderr, "bench_datetext: cannot read %s\n", argv[i]);
            continue;
        }
        size_t n = 0;
        const double t0 = now_s();
        for (int r = 0; r < rounds; r++) {
            px_arena *const a = px_arena_new();
            px_date_mention *m = NULL;
            px_datetext_find((px_str){text, len}, lang, &anchor, a, &m, &n,
                             NULL);
            px_arena_free(a);
        }
        const double dt = now_s() - t0;
        printf("%s\t%zu bytes\t%zu mentions\t%.1f MB/s\n", argv[i], len, n,
               (double)len * rounds / 1e6 / (dt > 0 ? dt : 1e-9));
        total_s += dt;
        total_b += (double)len * rounds;
        total_m += n;
        free(text);
    }
    printf("total\t%.0f bytes\t%zu mentions\t%.1f MB/s\n", total_b, total_m,
           total_b / 1e6 / (total_s > 0 ? total_s : 1e-9));
    return 0;
}
