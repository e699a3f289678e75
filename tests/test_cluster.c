/* test_cluster.c - online story clustering (cluster.h) on synthetic
 * articles: topics drawn from separate feature pools plus shared noise. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "cluster.h"

/* A deterministic generator (xorshift). */
static uint64_t rng = 88172645463325252ULL;

static uint64_t
next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* An article of topic: 20 features from the topic's pool of 25 and 5 from
 * a pool of 200 every topic shares. */
static size_t
article(size_t topic, px_feat *f)
{
    size_t n = 0;
    for (size_t i = 0; i < 20; i++) {
        f[n++] = (px_feat){1000 + topic * 100 + next_rand() % 25, 1.0f};
    }
    for (size_t i = 0; i < 5; i++) {
        f[n++] = (px_feat){next_rand() % 200, 1.0f};
    }
    return n;
}

static void
test_topics(void)
{
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.threshold = 0.2; /* two single articles of a topic: cosine ~0.25 */
    px_clusterer *c = px_cluster_new(&o);
    CHECK(c != NULL);
    size_t story_of_topic[10];
    size_t wrong = 0;
    for (size_t i = 0; i < 300; i++) {
        const size_t topic = i % 10;
        px_feat f[64];
        const size_t n = article(topic, f);
        size_t s = 0;
        double sim = 0;
        CHECK(px_cluster_add(c, f, n, PX_TIME_NONE, &s, &sim, NULL) == PX_OK);
        if (i < 10) {
            story_of_topic[topic] = s;
            CHECK(s == i && sim == 0.0);
        } else {
            wrong += s != story_of_topic[topic];
        }
    }
    CHECK(wrong == 0);
    CHECK(px_cluster_n_stories(c) == 10);
    CHECK(px_cluster_n_live(c) == 10);
    px_cluster_free(c);
}

/* A story closes once the window has passed: the same topic later opens a
 * new story, and memory follows the live stories. */
static void
test_window(void)
{
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.window_s = 86400;
    o.threshold = 0.2;
    px_clusterer *c = px_cluster_new(&o);
    px_feat f[64];
    size_t s0 = 0;
    size_t s1 = 0;
    size_t s2 = 0;
    const int64_t t0 = 1767225600; /* 2026-01-01 */
    CHECK(px_cluster_add(c, f, article(0, f), t0, &s0, NULL, NULL) == PX_OK);
    CHECK(px_cluster_add(c, f, article(0, f), t0 + 3600, &s1, NULL, NULL) ==
          PX_OK);
    CHECK(s0 == s1);
    CHECK(px_cluster_add(c, f, article(1, f), t0 + (int64_t)3 * 86400, &s2,
                         NULL, NULL) == PX_OK);
    CHECK(px_cluster_add(c, f, article(0, f), t0 + (int64_t)3 * 86400, &s1,
                         NULL, NULL) == PX_OK);
    CHECK(s1 != s0 && s1 != s2);
    CHECK(px_cluster_n_live(c) == 2);
    CHECK(px_cluster_n_stories(c) == 3);
    /* many days of stories: the live set stays near one window's worth */
    size_t max_live = 0;
    for (size_t day = 0; day < 60; day++) {
        for (size_t k = 0; k < 5; k++) {
            size_t s = 0;
            const size_t n = article(10 + day * 5 + k, f);
            CHECK(px_cluster_add(c, f, n, t0 + (int64_t)(10 + day) * 86400, &s,
                                 NULL, NULL) == PX_OK);
        }
        const size_t live = px_cluster_n_live(c);
        max_live = live > max_live ? live : max_live;
    }
    CHECK(max_live <= 15);
    px_cluster_free(c);
}

/* Months of stories, each with a few words no other article has, under
 * online idf: stories close, their slots are reused and the index and df
 * table stay the size of a window. */
static void
test_memory(void)
{
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.window_s = 86400;
    o.threshold = 0.15;
    px_clusterer *c = px_cluster_new(&o);
    const int64_t t0 = 1767225600;
    size_t bytes_early = 0;
    size_t wrong = 0;
    size_t max_live = 0;
    for (size_t day = 0; day < 200; day++) {
        size_t first[10] = {0};
        for (size_t k = 0; k < 30; k++) {
            px_feat f[64];
            const size_t topic = 10 + day * 10 + k % 10;
            size_t n = article(topic, f);
            for (size_t w = 0; w < 5; w++) { /* new words, light */
                f[n++] = (px_feat){
                    ((uint64_t)1 << 40) + next_rand() % (1u << 30), 0.2f};
            }
            size_t s = 0;
            const int64_t t = t0 + (int64_t)(day * 86400 + k * 2000);
            CHECK(px_cluster_add(c, f, n, t, &s, NULL, NULL) == PX_OK);
            if (k < 10) {
                first[k] = s;
            }
            wrong += s != first[k % 10];
        }
        max_live =
            px_cluster_n_live(c) > max_live ? px_cluster_n_live(c) : max_live;
        if (day == 20) {
            bytes_early = px_cluster_bytes(c);
        }
    }
    CHECK(wrong < 60); /* a few articles share too little with the first */
    CHECK(px_cluster_n_stories(c) < 2060);
    CHECK(max_live <= 45);
    CHECK(px_cluster_n_slots(c) <= 2 * max_live + 64);
    CHECK(px_cluster_bytes(c) <= bytes_early * 3 / 2);
    px_cluster_free(c);
}

/* Every allocation failing in turn: adds fail with PX_ENOMEM (never
 * crash), and the clusterer still frees cleanly (ASan checks the leaks). */
static void
test_oom(void)
{
    size_t n_failed = 0;
    for (long k = 1; k < 600; k += 5) {
        px_cluster_opts o;
        px_cluster_opts_default(&o);
        o.window_s = 86400;
        px_mem_fail_after(k);
        px_clusterer *c = px_cluster_new(&o);
        px_status rc = c != NULL ? PX_OK : PX_ENOMEM;
        for (size_t i = 0; i < 400 && rc == PX_OK; i++) {
            px_feat f[64];
            size_t s = 0;
            const int64_t t = 1767225600 + (int64_t)i * 3600;
            rc =
                px_cluster_add(c, f, article(i / 4 % 50, f), t, &s, NULL, NULL);
        }
        px_mem_fail_after(0);
        CHECK(rc == PX_OK || rc == PX_ENOMEM);
        n_failed += rc != PX_OK;
        px_cluster_free(c);
    }
    CHECK(n_failed > 10);
}

static void
test_empty(void)
{
    px_clusterer *c = px_cluster_new(NULL);
    size_t s = 99;
    CHECK(px_cluster_add(c, NULL, 0, PX_TIME_NONE, &s, NULL, NULL) == PX_OK);
    CHECK(s == 0);
    CHECK(px_cluster_add(c, NULL, 0, PX_TIME_NONE, &s, NULL, NULL) == PX_OK);
    CHECK(s == 1); /* nothing in common: a story of its own */
    px_cluster_free(c);
}

int
main(void)
{
    test_topics();
    test_window();
    test_memory();
    test_oom();
    test_empty();
    return check_summary();
}
