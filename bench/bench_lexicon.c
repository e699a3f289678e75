/* bench_lexicon.c - the concept lexicon: build time and file size (with
 * --build, every reader of lexsrc_list.c into PATH), open time, and lookups
 * per second per core (CPU time, one thread) for keys present (random
 * entries of the file) and absent (the same keys with one byte changed),
 * over the whole file (every lookup a cache miss: the worst case) and over
 * working sets of 65,536 and 4,096 keys (a corpus vocabulary, the words of
 * a few articles).
 * Usage: bench_lexicon [--build] [--root REPO] [PATH]
 * (PATH default: px_lex_default_path; REPO default: $PX_SOURCE_DIR, else
 * ..). Targets (issue 4): build < 2 min, file < 200 MB, > 5 M lookups/s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "str.h"
#include "tsvdata.h"
#include "words.h"

#define N_KEYS  (1u << 20)
#define N_ROUND 4

static double
clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
build(const char *path, const char *root)
{
    px_lexsrc_paths paths;
    px_lexsrc_paths_default(&paths, root);
    const double w0 = clock_s(CLOCK_MONOTONIC);
    const double c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    px_lexb *b = px_lexb_new();
    for (size_t i = 0; b != NULL && i < px_lexsrc_n_all; i++) {
        px_error err = {0};
        if (px_lexsrc_all[i].fn(b, &paths, &err) != PX_OK) {
            fprintf(stderr, "skipped %s: %s\n", px_lexsrc_all[i].name, err.msg);
        }
    }
    px_error err = {0};
    const px_status st = b != NULL ? px_lexb_write(b, path, &err) : PX_ENOMEM;
    px_lexb_free(b);
    if (st != PX_OK) {
        fprintf(stderr, "build failed: %s\n", err.msg);
        return 1;
    }
    printf("build: %.1f s wall, %.1f s CPU\n", clock_s(CLOCK_MONOTONIC) - w0,
           clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0);
    return 0;
}

typedef struct key {
    char lang[4];
    px_str key;
} key;

/* N_KEYS random entries of the KEY space (a fixed generator, so runs
 * compare); absent keys get a copy with the last byte changed. */
static size_t
sample(const px_lex *lex, key *present, key *absent, char *pool)
{
    px_lex_info in;
    px_lex_get_info(lex, &in);
    uint64_t x = 88172645463325252ull;
    size_t n = 0;
    size_t used = 0;
    for (size_t tries = 0;
         n < N_KEYS && tries < (size_t)8 * N_KEYS && in.n_entries; tries++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        px_lex_space sp;
        key *k = &present[n];
        px_lex_entry_at(lex, (size_t)(x % in.n_entries), k->lang, &sp, &k->key);
        if (sp != PX_LEX_KEY || k->key.len > 64) {
            continue;
        }
        /* both copies in one sequential pool, as text tokens would be */
        memcpy(pool + used, k->key.ptr, k->key.len);
        k->key.ptr = pool + used;
        used += k->key.len;
        memcpy(pool + used, k->key.ptr, k->key.len);
        pool[used + k->key.len - 1] ^= 0x5A;
        absent[n] = (key){{0}, {pool + used, k->key.len}};
        memcpy(absent[n].lang, k->lang, 4);
        used += k->key.len;
        n++;
    }
    return n;
}

static double
run(const px_lex *lex, const key *keys, size_t n, size_t *found)
{
    const double c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    size_t hits = 0;
    for (int r = 0; r < N_ROUND; r++) {
        for (size_t i = 0; i < n; i++) {
            px_lex_hit h;
            hits += px_lex_get(lex, keys[i].lang, PX_LEX_KEY, keys[i].key, &h);
        }
    }
    *found = hits / N_ROUND;
    return (double)n * N_ROUND / (clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0);
}

typedef struct text_keys {
    px_words *w;
    px_arena *a;
    const char *lang;      /* lexicon language */
    const char *text_lang; /* langid code for the splitter */
    key *keys;
    size_t n;
    size_t cap;
} text_keys;

static px_status
add_doc_keys(void *ctx, const px_ntrex_doc *d, px_error *err)
{
    text_keys *t = ctx;
    px_word *w = NULL;
    size_t n = 0;
    px_status rc =
        px_words_split(t->w, d->body, t->text_lang, t->a, &w, &n, err);
    for (size_t i = 0; rc == PX_OK && i < n && t->n < t->cap; i++) {
        t->keys[t->n] = (key){{0}, w[i].key};
        memcpy(t->keys[t->n].lang, t->lang, 4);
        t->n++;
    }
    return rc;
}

/* Lookups of the words of NTREX documents in text order (eng, arb,
 * zho-CN), as the concept stage makes them: real text repeats a small
 * vocabulary, so this is the figure that matters. */
static void
bench_text(const px_lex *lex)
{
    const char *shared = getenv("PX_SHARED_DIR");
    if (shared == NULL) {
        printf("lookups (text): skipped, PX_SHARED_DIR unset\n");
        return;
    }
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data/crosslingual/ntrex128", shared);
    static const char *const v[][3] = {{"eng", "eng", "eng"},
                                       {"arb", "ara", "arb"},
                                       {"zho-CN", "zho", "zho-Hans"}};
    text_keys t = {
        NULL, px_arena_new(),    NULL, NULL, calloc(N_KEYS * 4, sizeof(key)),
        0,    (size_t)N_KEYS * 4};
    if (t.a == NULL || t.keys == NULL ||
        px_words_new(lex, &t.w, NULL) != PX_OK) {
        printf("lookups (text): out of memory\n");
    }
    for (size_t i = 0; t.w != NULL && i < 3; i++) {
        t.lang = v[i][1];
        t.text_lang = v[i][2];
        if (px_ntrex_each(dir, v[i][0], add_doc_keys, &t, NULL) != PX_OK) {
            printf("lookups (text): %s unreadable\n", v[i][0]);
        }
    }
    if (t.n > 0) {
        size_t hits = 0;
        const double rate = run(lex, t.keys, t.n, &hits);
        printf("lookups (text of NTREX eng+arb+zho-CN, %zu word keys in "
               "order): %.2f M/s/core (%zu found)\n",
               t.n, rate / 1e6, hits);
    }
    px_words_free(t.w);
    px_arena_free(t.a);
    free(t.keys);
}

static int
bench(const char *path)
{
    const double c0 = clock_s(CLOCK_MONOTONIC);
    px_lex *lex = NULL;
    px_error err = {0};
    if (px_lex_open(path, &lex, &err) != PX_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    const double open_ms = (clock_s(CLOCK_MONOTONIC) - c0) * 1e3;
    px_lex_info in;
    px_lex_get_info(lex, &in);
    printf("file: %.1f MB, %zu entries, %zu senses, %zu concepts, %zu "
           "languages; open (with validation) %.0f ms\n",
           (double)in.file_len / 1e6, in.n_entries, in.n_senses, in.n_concepts,
           in.n_langs, open_ms);
    key *present = calloc(N_KEYS, sizeof *present);
    key *absent = calloc(N_KEYS, sizeof *absent);
    char *pool = malloc((size_t)N_KEYS * 128);
    if (present == NULL || absent == NULL || pool == NULL) {
        fprintf(stderr, "out of memory\n");
        free(present);
        free(absent);
        free(pool);
        px_lex_close(lex);
        return 1;
    }
    const size_t n = sample(lex, present, absent, pool);
    const size_t sets[3] = {n, n < 65536 ? n : 65536, n < 4096 ? n : 4096};
    for (int pass = 0; pass < 3; pass++) {
        const size_t m = sets[pass];
        const int rounds = m > 0 ? (int)(n / m) : 0;
        size_t hit_p = 0;
        size_t hit_a = 0;
        double rp = 0;
        double ra = 0;
        for (int r = 0; r < rounds; r++) {
            rp += run(lex, present, m, &hit_p) / rounds;
            ra += run(lex, absent, m, &hit_a) / rounds;
        }
        printf("lookups (%s, %7zu keys): present %.2f M/s/core (%zu found), "
               "absent %.2f M/s/core (%zu found)\n",
               pass == 0 ? "whole file " : "working set", m, rp / 1e6, hit_p,
               ra / 1e6, hit_a);
    }
    bench_text(lex);
    free(present);
    free(absent);
    free(pool);
    px_lex_close(lex);
    return 0;
}

int
main(int argc, char **argv)
{
    char path[1024];
    const char *env = getenv("PX_SOURCE_DIR");
    const char *root = env != NULL ? env : "..";
    bool do_build = false;
    px_lex_default_path(path, sizeof path);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--build") == 0) {
            do_build = true;
        } else if (strcmp(argv[i], "--root") == 0 && i + 1 < argc) {
            root = argv[++i];
        } else {
            snprintf(path, sizeof path, "%s", argv[i]);
        }
    }
    if (do_build && build(path, root) != 0) {
        return 1;
    }
    return bench(path);
}
