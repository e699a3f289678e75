/* test_dedup.c - shingles, MinHash estimates and copy groups (dedup.h). */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "dedup.h"
#include "str.h"

#define MAX_WORDS 512

/* Splits s on spaces into keys (borrowed from s). */
static size_t
split(const char *s, px_str *keys)
{
    size_t n = 0;
    while (*s != '\0' && n < MAX_WORDS) {
        while (*s == ' ') {
            s++;
        }
        const char *e = s;
        while (*e != '\0' && *e != ' ') {
            e++;
        }
        if (e > s) {
            keys[n++] = (px_str){s, (size_t)(e - s)};
        }
        s = e;
    }
    return n;
}

static void
sig_of(const char *s, px_minhash *out)
{
    px_str keys[MAX_WORDS];
    uint64_t sh[MAX_WORDS];
    const size_t n = split(s, keys);
    px_minhash_of(sh, px_shingles(keys, n, sh), out);
}

/* A text of n words "w<i*mult+add>" in order. */
static void
words(char *out, size_t cap, size_t n, size_t mult, size_t add)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && len + 16 < cap; i++) {
        len += (size_t)snprintf(out + len, cap - len, "w%zu ", i * mult + add);
    }
}

static void
test_estimates(void)
{
    static char a[8192];
    static char b[8192];
    px_minhash sa;
    px_minhash sb;
    words(a, sizeof a, 200, 1, 0);
    sig_of(a, &sa);
    sig_of(a, &sb);
    CHECK(px_minhash_sim(&sa, &sb) == 1.0);
    /* the second half replaced: about a third of the shingles shared */
    memcpy(b, a, sizeof b);
    words(b + strlen(a) / 2, sizeof b - strlen(a) / 2, 100, 1, 1000);
    sig_of(b, &sb);
    const double half = px_minhash_sim(&sa, &sb);
    CHECK(half > 0.2 && half < 0.5);
    words(b, sizeof b, 200, 1, 5000);
    sig_of(b, &sb);
    CHECK(px_minhash_sim(&sa, &sb) < 0.05);
    /* short texts still have shingles; empty ones never match */
    sig_of("two words", &sa);
    sig_of("two words", &sb);
    CHECK(!sa.empty && px_minhash_sim(&sa, &sb) == 1.0);
    sig_of("", &sa);
    CHECK(sa.empty && px_minhash_sim(&sa, &sa) == 0.0);
}

static void
test_groups(void)
{
    static char t[5][8192];
    words(t[0], sizeof t[0], 300, 1, 0);    /* original */
    words(t[1], sizeof t[1], 300, 7, 3);    /* unrelated */
    memcpy(t[2], "new headline here ", 18); /* syndicated copy */
    memcpy(t[2] + 18, t[0], strlen(t[0]) + 1);
    memcpy(t[3], t[0], sizeof t[3]); /* light rewrite */
    char *p = strstr(t[3], "w150 ");
    p[0] = 'x';
    words(t[4], sizeof t[4], 300, 7, 4); /* unrelated */
    px_dedup *d = px_dedup_new(PX_DEDUP_THRESHOLD);
    CHECK(d != NULL);
    size_t best[5];
    for (size_t i = 0; i < 5; i++) {
        px_minhash s;
        sig_of(t[i], &s);
        CHECK(px_dedup_add(d, &s, &best[i], NULL) == PX_OK);
    }
    CHECK(px_dedup_group(d, 0) == 0);
    CHECK(px_dedup_group(d, 1) == 1);
    CHECK(px_dedup_group(d, 2) == 0 && best[2] == 0);
    CHECK(px_dedup_group(d, 3) == 0);
    CHECK(px_dedup_group(d, 4) == 4 && best[4] == SIZE_MAX);
    /* a forgotten document no longer attracts copies */
    px_dedup_forget(d, 1);
    px_minhash s;
    sig_of(t[1], &s);
    CHECK(px_dedup_add(d, &s, &best[0], NULL) == PX_OK);
    CHECK(px_dedup_group(d, 5) == 5);
    px_dedup_free(d);
}

/* Many documents: the tables grow and rebuild without losing groups; a
 * document joins a group exactly when a live earlier copy exists. */
static void
test_growth(void)
{
    static char t[4096];
    static bool is_live[3000];
    px_dedup *d = px_dedup_new(PX_DEDUP_THRESHOLD);
    size_t wrong = 0;
    for (size_t i = 0; i < 3000; i++) {
        words(t, sizeof t, 40, 1, (i % 1000) * 100);
        px_minhash s;
        sig_of(t, &s);
        size_t best = 0;
        CHECK(px_dedup_add(d, &s, &best, NULL) == PX_OK);
        bool want = false;
        for (size_t j = i % 1000; j < i; j += 1000) {
            want = want || is_live[j];
        }
        wrong += want != (best != SIZE_MAX);
        wrong += want != (px_dedup_group(d, i) != i);
        is_live[i] = true;
        if (i % 7 == 0) {
            px_dedup_forget(d, i / 2);
            is_live[i / 2] = false;
        }
    }
    CHECK(wrong == 0);
    px_dedup_free(d);
}

/* A long stream with a sliding window: groups of four copies, each
 * document forgotten 50 documents later. The records held stay near the
 * window, released documents keep their groups, and a join reaches a
 * released group. */
static void
test_window_memory(void)
{
    static char t[4096];
    px_dedup *d = px_dedup_new(PX_DEDUP_THRESHOLD);
    const size_t n = 20000;
    size_t wrong = 0;
    size_t max_held = 0;
    size_t bytes_early = 0;
    for (size_t i = 0; i < n; i++) {
        words(t, sizeof t, 40, 1, (i / 4) * 100);
        px_minhash s;
        sig_of(t, &s);
        size_t best = 0;
        CHECK(px_dedup_add(d, &s, &best, NULL) == PX_OK);
        wrong += (i % 4 == 0) != (best == SIZE_MAX);
        if (i >= 50) {
            px_dedup_forget(d, i - 50);
        }
        const size_t held = px_dedup_n_held(d);
        max_held = held > max_held ? held : max_held;
        if (i == 2000) {
            bytes_early = px_dedup_bytes(d);
        }
    }
    CHECK(wrong == 0);
    CHECK(max_held < 400);
    /* the tables and ring do not grow; only the groups of copies stay */
    CHECK(px_dedup_bytes(d) < bytes_early + n * 64);
    for (size_t i = 0; i < n; i++) {
        wrong += px_dedup_group(d, i) != i / 4 * 4;
    }
    CHECK(wrong == 0);
    /* a rewrite of a released document joins its group */
    CHECK(px_dedup_join(d, n - 1, 5));
    CHECK(px_dedup_group(d, n - 1) == 4 && px_dedup_group(d, n - 4) == 4);
    CHECK(px_dedup_group(d, 6) == 4 && px_dedup_group(d, 8) == 8);
    /* and two released groups can still be joined */
    CHECK(px_dedup_join(d, 100, 9));
    CHECK(px_dedup_group(d, 101) == 8 && px_dedup_group(d, 103) == 8);
    px_dedup_free(d);
}

/* Every allocation failing in turn: adds fail with PX_ENOMEM (never
 * crash), and the index still frees cleanly (ASan checks the leaks). */
static void
test_oom(void)
{
    static char t[4096];
    size_t n_failed = 0;
    for (long k = 1; k < 400; k += 3) {
        px_mem_fail_after(k);
        px_dedup *d = px_dedup_new(PX_DEDUP_THRESHOLD);
        px_status rc = d != NULL ? PX_OK : PX_ENOMEM;
        for (size_t i = 0; i < 600 && rc == PX_OK; i++) {
            words(t, sizeof t, 30, 1, (i / 3) * 100);
            px_minhash s;
            sig_of(t, &s);
            rc = px_dedup_add(d, &s, NULL, NULL);
            if (i >= 40) {
                px_dedup_forget(d, i - 40);
            }
        }
        px_mem_fail_after(0);
        CHECK(rc == PX_OK || rc == PX_ENOMEM);
        n_failed += rc != PX_OK;
        if (d != NULL) {
            px_dedup_join(d, 0, 599);
            (void)px_dedup_group(d, 599);
        }
        px_dedup_free(d);
    }
    CHECK(n_failed > 10);
}

int
main(void)
{
    test_estimates();
    test_groups();
    test_growth();
    test_window_memory();
    test_oom();
    return check_summary();
}
