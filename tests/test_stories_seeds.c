/* test_stories_seeds.c - the five seed pages (../shared/seeds: one event
 * reported in several languages), mixed into the NTREX-128 dev documents
 * of eng, arb, zho-CN, zho-TW, fra, deu, rus and spa and clustered with
 * dates ignored, form exactly one story: all five seeds and nothing else.
 * The seeds are read and extracted as any page is (reader + px_extract);
 * their text is never copied here. When it fails, the test prints where
 * each seed went, the similarities between the seeds and the NTREX
 * documents that joined or came closest. SKIP lines when the seeds or
 * NTREX are absent. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parallax.h"
#include "tsvdata.h"

#define MAX_ARTS  1024
#define MAX_SEEDS 16

static const char *const versions[] = {"eng", "arb", "zho-CN", "zho-TW",
                                       "fra", "deu", "rus",    "spa"};

typedef struct run {
    px_storyset *set;
    char *id[MAX_ARTS]; /* owned; NULL for a seed */
    size_t n;
    size_t seed[MAX_SEEDS]; /* article numbers of the seeds */
    char seed_name[MAX_SEEDS][64];
    size_t n_seeds;
} run;

static px_status
add_ntrex(void *ctx, const px_ntrex_doc *d, px_error *err)
{
    run *r = ctx;
    if (r->n == MAX_ARTS) {
        return PX_OK;
    }
    char *id = strndup(d->doc_id.ptr, d->doc_id.len);
    char *title = strndup(d->headline.ptr, d->headline.len);
    char *body = strndup(d->body.ptr, d->body.len);
    px_status rc =
        id != NULL && title != NULL && body != NULL
            ? px_storyset_add_text(r->set, id, title, body, NULL, err)
            : PX_ENOMEM;
    free(title);
    free(body);
    if (rc == PX_OK) {
        r->id[r->n++] = id;
    } else {
        free(id);
    }
    return rc;
}

/* Adds the seed pages, extracted; returns how many were added. */
static size_t
add_seeds(run *r, const char *dir)
{
    const char *paths[] = {dir};
    px_reader *rd = NULL;
    CHECK(px_reader_open(paths, 1, PX_FORMAT_AUTO, &rd, NULL) == PX_OK);
    size_t n = 0;
    for (;;) {
        const px_record *rec = NULL;
        px_error err = {0};
        CHECK(px_reader_next(rd, &rec, &err) == PX_OK);
        if (rec == NULL) {
            break;
        }
        px_article *a = NULL;
        CHECK(px_extract(rec, &a, &err) == PX_OK);
        CHECK(a != NULL);
        if (a != NULL && r->n < MAX_ARTS && r->n_seeds < MAX_SEEDS) {
            CHECK(px_storyset_add(r->set, a, &err) == PX_OK);
            const char *src = px_record_source(rec);
            const char *base = strrchr(src, '/');
            snprintf(r->seed_name[r->n_seeds], sizeof r->seed_name[0], "%s",
                     base != NULL ? base + 1 : src);
            r->seed[r->n_seeds++] = r->n;
            r->id[r->n++] = NULL;
            n++;
        }
        px_article_free(a);
    }
    px_reader_close(rd);
    return n;
}

static const char *
name_of(const run *r, size_t i)
{
    for (size_t k = 0; k < r->n_seeds; k++) {
        if (r->seed[k] == i) {
            return r->seed_name[k];
        }
    }
    return r->id[i] != NULL ? r->id[i] : "-";
}

static bool
is_seed(const run *r, size_t i)
{
    for (size_t k = 0; k < r->n_seeds; k++) {
        if (r->seed[k] == i) {
            return true;
        }
    }
    return false;
}

/* Where each seed went, how close the seeds are to each other, and the
 * NTREX documents in a seed's story or closest to it. */
static void
explain(const run *r)
{
    for (size_t k = 0; k < r->n_seeds; k++) {
        const size_t i = r->seed[k];
        const size_t st = px_storyset_story_of(r->set, i);
        size_t size = 0;
        size_t best = SIZE_MAX;
        double best_sim = -1.0;
        for (size_t j = 0; j < r->n; j++) {
            size += px_storyset_story_of(r->set, j) == st;
            const double sim = px_storyset_similarity(r->set, i, j);
            if (!is_seed(r, j) && sim > best_sim) {
                best_sim = sim;
                best = j;
            }
            if (!is_seed(r, j) && px_storyset_story_of(r->set, j) == st) {
                printf("  %s shares story %zu with %s (sim %.3f)\n",
                       name_of(r, i), st, name_of(r, j), sim);
            }
        }
        printf("seed %s: story %zu of %zu articles; closest NTREX %s "
               "(sim %.3f)\n  sims to seeds:",
               name_of(r, i), st, size,
               best != SIZE_MAX ? name_of(r, best) : "-", best_sim);
        for (size_t m = 0; m < r->n_seeds; m++) {
            printf(" %.3f", px_storyset_similarity(r->set, i, r->seed[m]));
        }
        printf("\n");
    }
}

static void
check_story(const run *r)
{
    const size_t st = px_storyset_story_of(r->set, r->seed[0]);
    size_t seeds_in = 0;
    size_t others_in = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (px_storyset_story_of(r->set, i) != st) {
            continue;
        }
        seeds_in += is_seed(r, i);
        others_in += !is_seed(r, i);
    }
    printf("seeds: %zu of %zu in one story with %zu other articles; %zu "
           "articles, %zu stories\n",
           seeds_in, r->n_seeds, others_in, r->n,
           px_storyset_n_stories(r->set));
    CHECK(seeds_in == r->n_seeds);
    CHECK(others_in == 0);
    if (seeds_in != r->n_seeds || others_in != 0) {
        explain(r);
    }
}

int
main(void)
{
    char seeds[1024];
    char ntrex[1024];
    snprintf(seeds, sizeof seeds, "%s/seeds", check_shared_dir());
    snprintf(ntrex, sizeof ntrex, "%s/data/crosslingual/ntrex128",
             check_shared_dir());
    DIR *d = opendir(seeds);
    if (d == NULL) {
        printf("SKIP: seeds absent\n");
        return check_summary();
    }
    closedir(d);
    run r = {0};
    const px_story_opts o = {.ignore_dates = 1};
    px_error err = {0};
    CHECK(px_storyset_new(NULL, &o, &r.set, &err) == PX_OK);
    if (r.set == NULL) {
        return check_summary();
    }
    if (!px_storyset_has_lexicon(r.set)) {
        printf("note: no lexicon; concepts left out\n");
    }
    for (size_t v = 0; v < sizeof versions / sizeof versions[0]; v++) {
        px_status rc = px_ntrex_each(ntrex, versions[v], add_ntrex, &r, &err);
        if (rc == PX_EIO && v == 0) {
            printf("SKIP: NTREX-128 absent (%s)\n", err.msg);
            break;
        }
        CHECK(rc == PX_OK);
        if (v == 3) { /* the seeds go in the middle of the documents */
            CHECK(add_seeds(&r, seeds) == 5);
        }
    }
    if (r.n_seeds > 0) {
        CHECK(px_storyset_cluster(r.set, &err) == PX_OK);
        check_story(&r);
    }
    for (size_t i = 0; i < r.n; i++) {
        free(r.id[i]);
    }
    px_storyset_free(r.set);
    return check_summary();
}
