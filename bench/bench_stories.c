/* bench_stories.c - dedup + story clustering throughput and memory over a
 * long synthetic news stream built from NTREX-128.
 *
 * Every NTREX document (all versions in docs/, or PX_BENCH_VERSIONS) is
 * profiled once with px_profile_build and its features weighted by their
 * idf over the pool, as story.c does. A stream of articles is then made
 * from that pool: events open and end over simulated days; an event takes
 * one NTREX story and a salt that renames most of its features (so events
 * of one NTREX story differ like two events about one country), and each
 * of its articles is a random language version of that story with a share
 * of features dropped, weights jittered, figures changed and a few new
 * words of its own (the vocabulary keeps growing). Some events come back
 * after the window (a story recurs), some articles are exact or near
 * copies of an earlier one, some share part of their wording with one.
 * Signatures are derived from the version's signature: a new article's is
 * unrelated to every other, a copy's keeps most positions.
 *
 * Only dedup + clustering is timed (px_dedup_forget/px_dedup_add, and
 * px_cluster_add for the articles that are no copy, with story.c's
 * options), in time order, batch by batch: the stream is generated between
 * batches, untimed. Each size runs in a child process, so that its peak
 * RSS (getrusage) is its own; the pool (shared by all sizes) is counted in
 * it and printed on its own as "base".
 *
 * Usage: bench_stories [SIZE...] (default 10000 100000 1000000).
 * Environment: PX_SHARED_DIR, PX_LEXICON, PX_BENCH_PER_DAY (articles per
 * simulated day, default 2000), PX_BENCH_VERSIONS (comma-separated NTREX
 * versions, default all), PX_BENCH_ONLINE_IDF=1 (let the clusterer weigh by
 * its own decaying idf instead).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "cluster.h"
#include "dedup.h"
#include "lexicon.h"
#include "profile.h"
#include "tsvdata.h"

#define MAX_STORIES 256
#define MAX_FEATS   1024 /* per generated article */
#define N_SLOTS     300  /* events running at once */
#define BATCH       4096
#define RING        (1u << 18) /* story and time of recent documents */
#define WINDOW_DAYS 3
#define T0          1767225600 /* 2026-01-01 */
#define SALT_SHARE  80         /* % of feature ids an event renames */
#define DROP_SHARE  20         /* % of features an article drops */
#define N_NEW_WORDS 4          /* features no other article has */
#define COPY_SHARE  12         /* % of articles that copy an earlier one */
#define SHARE_SHARE 10         /* % that share some wording with one */
#define RECUR_SHARE 10         /* % of events that recur after a gap */

typedef struct base {
    uint32_t story;
    px_feat *feats; /* idf-weighted (owned) */
    size_t n;
    px_minhash sig;
} base;

typedef struct pool {
    base *b;
    size_t n;
    size_t cap;
    char *stories[MAX_STORIES]; /* story ids */
    size_t n_stories;
    size_t *by_story[MAX_STORIES]; /* versions of each story */
    size_t n_by_story[MAX_STORIES];
    px_profiler *prof;
} pool;

typedef struct event {
    uint32_t story;
    uint64_t salt;
    int64_t t_end;
    px_feat last[MAX_FEATS]; /* the event's last article */
    size_t n_last;
    px_minhash last_sig;
    bool has_last;
} event;

typedef struct batch {
    px_feat *feats; /* BATCH * MAX_FEATS */
    size_t n[BATCH];
    px_minhash sig[BATCH];
    int64_t t[BATCH];
    size_t len;
} batch;

static uint64_t
mix(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rng_state = 42;

static uint64_t
rnd(void)
{
    rng_state = mix(rng_state);
    return rng_state;
}

static double
unit(void)
{
    return (double)(rnd() >> 11) / 9007199254740992.0;
}

static double
cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
wall_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0;
    long res = 0;
    if (f != NULL) {
        if (fscanf(f, "%ld %ld", &pages, &res) != 2) {
            res = 0;
        }
        fclose(f);
    }
    return res * (sysconf(_SC_PAGESIZE) / 1024);
}

static long
peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static uint32_t
story_index(pool *p, px_str id)
{
    for (size_t i = 0; i < p->n_stories; i++) {
        if (strlen(p->stories[i]) == id.len &&
            memcmp(p->stories[i], id.ptr, id.len) == 0) {
            return (uint32_t)i;
        }
    }
    if (p->n_stories == MAX_STORIES) {
        return 0;
    }
    p->stories[p->n_stories] = px_strndup(id.ptr, id.len);
    return (uint32_t)p->n_stories++;
}

static px_status
add_doc(void *ctx, const px_ntrex_doc *d, px_error *err)
{
    pool *p = ctx;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 1024;
        base *b = px_realloc(p->b, p->cap * sizeof *b);
        if (b == NULL) {
            return px_fail(err, PX_ENOMEM, "bench: out of memory");
        }
        p->b = b;
    }
    px_profile pr;
    memset(&pr, 0, sizeof pr);
    px_arena *a = px_arena_new();
    px_status rc = a != NULL ? px_profile_build(p->prof, d->headline, d->body,
                                                NULL, NULL, a, &pr, err)
                             : px_fail(err, PX_ENOMEM, "bench: out of memory");
    base *b = &p->b[p->n];
    b->n = rc == PX_OK ? pr.n_feats : 0;
    b->n = b->n < MAX_FEATS / 2 ? b->n : MAX_FEATS / 2;
    b->feats = rc == PX_OK ? malloc((b->n + 1) * sizeof *b->feats) : NULL;
    if (rc == PX_OK && b->feats == NULL) {
        rc = px_fail(err, PX_ENOMEM, "bench: out of memory");
    }
    if (rc == PX_OK && b->feats != NULL) {
        if (b->n > 0) {
            memcpy(b->feats, pr.feats, b->n * sizeof *b->feats);
        }
        b->story = story_index(p, d->story_id);
        b->sig = pr.sig;
        p->n++;
    }
    px_arena_free(a); /* the profile's working memory */
    return rc;
}

static bool
wanted(const char *version)
{
    const char *list = getenv("PX_BENCH_VERSIONS");
    if (list == NULL) {
        return true;
    }
    const size_t n = strlen(version);
    for (const char *s = list; s != NULL && *s != '\0';) {
        const char *e = strchr(s, ',');
        const size_t len = e != NULL ? (size_t)(e - s) : strlen(s);
        if (len == n && memcmp(s, version, n) == 0) {
            return true;
        }
        s = e != NULL ? e + 1 : NULL;
    }
    return false;
}

static int
cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a;
    const uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* How many entries of sorted ids equal id. */
static size_t
count_of(const uint64_t *ids, size_t n, uint64_t id)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (ids[mid] < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    size_t c = 0;
    while (lo + c < n && ids[lo + c] == id) {
        c++;
    }
    return c;
}

/* Weighs every pool feature by log(1 + docs / docs holding it), as
 * story.c weighs by the set's idf. */
static bool
weigh_idf(pool *p)
{
    size_t total = 0;
    for (size_t i = 0; i < p->n; i++) {
        total += p->b[i].n;
    }
    uint64_t *ids = malloc((total + 1) * sizeof *ids);
    if (ids == NULL) {
        return false;
    }
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++) {
        for (size_t j = 0; j < p->b[i].n; j++) {
            ids[k++] = p->b[i].feats[j].id;
        }
    }
    qsort(ids, k, sizeof *ids, cmp_u64);
    for (size_t i = 0; i < p->n; i++) {
        for (size_t j = 0; j < p->b[i].n; j++) {
            px_feat *f = &p->b[i].feats[j];
            const size_t df = count_of(ids, k, f->id);
            f->weight *= (float)log(1.0 + (double)p->n / (double)df);
        }
    }
    free(ids);
    return true;
}

/* Lists the versions of each story. */
static bool
index_stories(pool *p)
{
    for (size_t s = 0; s < p->n_stories; s++) {
        p->by_story[s] = malloc(p->n * sizeof(size_t));
        if (p->by_story[s] == NULL) {
            return false;
        }
    }
    for (size_t i = 0; i < p->n; i++) {
        const uint32_t s = p->b[i].story;
        p->by_story[s][p->n_by_story[s]++] = i;
    }
    return true;
}

/* Profiles every wanted version of the NTREX folder dir. */
static bool
load_pool(pool *p, const char *dir, const px_lex *lex)
{
    char docs[1100];
    snprintf(docs, sizeof docs, "%s/docs", dir);
    DIR *d = opendir(docs);
    if (d == NULL) {
        return false;
    }
    px_error err = {0};
    if (px_profiler_new(lex, &p->prof, &err) != PX_OK) {
        closedir(d);
        return false;
    }
    const struct dirent *e;
    px_status rc = PX_OK;
    while (rc == PX_OK && (e = readdir(d)) != NULL) {
        const char *dot = strstr(e->d_name, ".tsv");
        if (dot == NULL || dot[4] != '\0') {
            continue;
        }
        char version[256];
        snprintf(version, sizeof version, "%.*s", (int)(dot - e->d_name),
                 e->d_name);
        if (wanted(version)) {
            rc = px_ntrex_each(dir, version, add_doc, p, &err);
        }
    }
    closedir(d);
    if (rc != PX_OK) {
        fprintf(stderr, "bench_stories: %s\n", err.msg);
    }
    return rc == PX_OK && p->n > 0 && weigh_idf(p) && index_stories(p);
}

/* The id of feature f in an event with salt: most ids are renamed (the
 * same way in every article of the event), figures always. */
static uint64_t
salted(uint64_t id, uint64_t salt)
{
    const bool is_figure = PX_FK_OF(id) == PX_FK_NUMBER;
    if (!is_figure && mix(id) % 100 >= SALT_SHARE) {
        return id;
    }
    return (id & 0xff00000000000000ULL) |
           (mix(id ^ salt) & 0x00ffffffffffffffULL);
}

static void
new_event(event *e, const pool *p, int64_t t, uint64_t *recur_salt)
{
    const bool recur = *recur_salt != 0 && rnd() % 100 < RECUR_SHARE;
    e->story = (uint32_t)(rnd() % p->n_stories);
    e->salt = recur ? *recur_salt : rnd();
    if (recur) {
        e->story = (uint32_t)(*recur_salt % p->n_stories);
    }
    *recur_salt = e->salt;
    /* events last 6 hours to 3 days */
    e->t_end = t + (int64_t)(21600.0 + unit() * (3 * 86400 - 21600));
    e->has_last = false;
}

static int
by_id(const void *a, const void *b)
{
    const uint64_t x = ((const px_feat *)a)->id;
    const uint64_t y = ((const px_feat *)b)->id;
    return (x > y) - (x < y);
}

/* A new article of event e from a random version of its story. */
static size_t
fresh(const event *e, const pool *p, px_feat *out, px_minhash *sig,
      uint64_t art)
{
    const size_t *v = p->by_story[e->story];
    const base *b = &p->b[v[rnd() % p->n_by_story[e->story]]];
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (rnd() % 100 < DROP_SHARE) {
            continue;
        }
        uint64_t id = salted(b->feats[i].id, e->salt);
        if (PX_FK_OF(id) == PX_FK_NUMBER && rnd() % 100 < 30) {
            id = salted(id, art); /* a figure of its own */
        }
        out[n++] =
            (px_feat){id, b->feats[i].weight * (float)(0.8 + 0.4 * unit())};
    }
    for (size_t i = 0; i < N_NEW_WORDS; i++) {
        const uint64_t kind = i % 2 ? PX_FK_STEM : PX_FK_NAME;
        out[n++] = (px_feat){(kind << 56) | (mix(art * 8 + i) >> 8), 6.0f};
    }
    *sig = b->sig;
    for (size_t i = 0; i < PX_MINHASH_N && !sig->empty; i++) {
        sig->h[i] = (uint32_t)mix(b->sig.h[i] ^ (art << 8));
    }
    return n;
}

/* A copy of e's last article: exact, or a near copy (a few features and
 * signature positions changed). */
static size_t
copy_last(const event *e, px_feat *out, px_minhash *sig, uint64_t art)
{
    const bool exact = rnd() % 100 < 40;
    const size_t keep = exact ? 128 : 128 - 8 - (size_t)(rnd() % 24);
    memcpy(out, e->last, e->n_last * sizeof *out);
    *sig = e->last_sig;
    for (size_t i = keep; i < PX_MINHASH_N; i++) {
        const size_t at = (size_t)(mix(art ^ i) % PX_MINHASH_N);
        sig->h[at] = (uint32_t)mix(art + i);
    }
    return e->n_last;
}

/* Generates the next article of the stream at time t into slot k of bt. */
static void
generate(event *ev, const pool *p, int64_t t, uint64_t art, batch *bt,
         uint64_t *recur_salt)
{
    /* skewed choice: low slots are the big events */
    const double u = unit();
    event *e = &ev[(size_t)(u * u * N_SLOTS)];
    if (t > e->t_end) {
        new_event(e, p, t, recur_salt);
    }
    px_feat *f = &bt->feats[bt->len * MAX_FEATS];
    px_minhash *sig = &bt->sig[bt->len];
    const unsigned r = (unsigned)(rnd() % 100);
    size_t n = 0;
    if (e->has_last && r < COPY_SHARE) {
        n = copy_last(e, f, sig, art);
    } else {
        n = fresh(e, p, f, sig, art);
        if (e->has_last && r < COPY_SHARE + SHARE_SHARE) {
            for (size_t i = 0; i < 40; i++) { /* about a third in common */
                sig->h[i * 3] = e->last_sig.h[i * 3];
            }
        }
    }
    qsort(f, n, sizeof *f, by_id); /* as profiles come: sorted by id */
    memcpy(e->last, f, n * sizeof *f);
    e->n_last = n;
    e->last_sig = *sig;
    e->has_last = true;
    bt->n[bt->len] = n;
    bt->t[bt->len] = t;
    bt->len++;
}

typedef struct runner {
    px_dedup *d;
    px_clusterer *c;
    uint32_t *story_of; /* RING */
    int64_t *t_of;      /* RING */
    size_t n_docs;
    size_t oldest;
    size_t n_copies;
    int64_t window_s;
} runner;

/* Places one article as story.c's place() does: forget what left the
 * window, then a copy takes its original's story, else it is clustered. */
static px_status
place(runner *r, const px_feat *f, size_t n, const px_minhash *sig, int64_t t,
      px_error *err)
{
    while (r->oldest < r->n_docs &&
           t - r->t_of[r->oldest % RING] > r->window_s) {
        px_dedup_forget(r->d, r->oldest++);
    }
    size_t best = SIZE_MAX;
    size_t story = 0;
    px_status rc = px_dedup_add(r->d, sig, &best, err);
    if (rc == PX_OK && best != SIZE_MAX) {
        story = r->story_of[best % RING];
        r->n_copies++;
    } else if (rc == PX_OK) {
        rc = px_cluster_add(r->c, f, n, t, &story, NULL, err);
    }
    r->story_of[r->n_docs % RING] = (uint32_t)story;
    r->t_of[r->n_docs % RING] = t;
    r->n_docs++;
    return rc;
}

static void
story_opts(px_cluster_opts *co, int64_t window_s)
{
    px_cluster_opts_default(co);
    co->threshold = 0.30; /* story.c's defaults */
    co->threshold_x = 0.16;
    co->local_kind = PX_FK_STEM;
    co->online_idf = getenv("PX_BENCH_ONLINE_IDF") != NULL;
    co->margin = 2.0;
    co->margin_floor = 0.5;
    co->window_s = window_s;
}

static void
report(const char *what, const runner *r, size_t n, double cpu, double wall)
{
    printf("%-8s %8zu articles  %7.2f s cpu  %8.0f art/s/core  %8.0f art/s "
           "wall  stories %zu (live %zu, slots %zu)  copies %zu  "
           "dedup %zu held %.1f MB  cluster %.1f MB  rss %.1f MB  peak "
           "%.1f MB\n",
           what, n, cpu, cpu > 0 ? (double)n / cpu : 0.0,
           wall > 0 ? (double)n / wall : 0.0, px_cluster_n_stories(r->c),
           px_cluster_n_live(r->c), px_cluster_n_slots(r->c), r->n_copies,
           px_dedup_n_held(r->d), (double)px_dedup_bytes(r->d) / 1048576.0,
           (double)px_cluster_bytes(r->c) / 1048576.0,
           (double)rss_kb() / 1024.0, (double)peak_kb() / 1024.0);
    fflush(stdout);
}

/* Streams size articles through dedup + clustering; prints a line per
 * tenth of the stream and the total. */
static int
run(const pool *p, size_t size, size_t per_day)
{
    const int64_t window_s = (int64_t)WINDOW_DAYS * 86400;
    px_cluster_opts co;
    story_opts(&co, window_s);
    runner r = {px_dedup_new(PX_DEDUP_THRESHOLD),
                px_cluster_new(&co),
                calloc(RING, sizeof(uint32_t)),
                calloc(RING, sizeof(int64_t)),
                0,
                0,
                0,
                window_s};
    event *ev = calloc(N_SLOTS, sizeof *ev);
    batch *bt = calloc(1, sizeof *bt);
    if (bt != NULL) {
        bt->feats = malloc((size_t)BATCH * MAX_FEATS * sizeof(px_feat));
    }
    if (r.d == NULL || r.c == NULL || r.story_of == NULL || r.t_of == NULL ||
        ev == NULL || bt == NULL || bt->feats == NULL) {
        fprintf(stderr, "bench_stories: out of memory\n");
        return 1;
    }
    memset(bt->feats, 0, (size_t)BATCH * MAX_FEATS * sizeof(px_feat));
    printf("  start: rss %.1f MB (pool and batch buffers)\n",
           (double)rss_kb() / 1024.0);
    uint64_t recur_salt = 0;
    double cpu = 0.0;
    double wall = 0.0;
    double cpu_tenth = 0.0;
    double wall_tenth = 0.0;
    size_t done_tenth = 0;
    px_error err = {0};
    px_status rc = PX_OK;
    for (size_t done = 0; done < size && rc == PX_OK;) {
        bt->len = 0;
        while (bt->len < BATCH && done + bt->len < size) {
            const size_t art = done + bt->len;
            const int64_t t = T0 + (int64_t)(art * 86400 / per_day);
            generate(ev, p, t, art + 1, bt, &recur_salt);
        }
        const double c0 = cpu_s();
        const double w0 = wall_s();
        for (size_t i = 0; i < bt->len && rc == PX_OK; i++) {
            rc = place(&r, &bt->feats[i * MAX_FEATS], bt->n[i], &bt->sig[i],
                       bt->t[i], &err);
        }
        cpu_tenth += cpu_s() - c0;
        wall_tenth += wall_s() - w0;
        done += bt->len;
        if (done * 10 / size > done_tenth * 10 / size || done == size) {
            report("  part", &r, done - done_tenth, cpu_tenth, wall_tenth);
            cpu += cpu_tenth;
            wall += wall_tenth;
            cpu_tenth = 0.0;
            wall_tenth = 0.0;
            done_tenth = done;
        }
    }
    if (rc != PX_OK) {
        fprintf(stderr, "bench_stories: %s\n", err.msg);
        return 1;
    }
    report("total", &r, size, cpu, wall);
    px_dedup_free(r.d);
    px_cluster_free(r.c);
    free(r.story_of);
    free(r.t_of);
    free(ev);
    free(bt->feats);
    free(bt);
    return 0;
}

static void
pool_free(pool *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->b[i].feats);
    }
    for (size_t i = 0; i < p->n_stories; i++) {
        free(p->stories[i]);
        free(p->by_story[i]);
    }
    free(p->b);
    px_profiler_free(p->prof);
}

static const char *
ntrex_dir(char *buf, size_t n)
{
    const char *shared = getenv("PX_SHARED_DIR");
    snprintf(buf, n, "%s/data/crosslingual/ntrex128",
             shared != NULL ? shared : "../shared");
    return buf;
}

int
main(int argc, char **argv)
{
    char dir[1024];
    ntrex_dir(dir, sizeof dir);
    char lex_path[1024];
    const char *env_lex = getenv("PX_LEXICON");
    if (env_lex != NULL) {
        snprintf(lex_path, sizeof lex_path, "%s", env_lex);
    } else {
        px_lex_default_path(lex_path, sizeof lex_path);
    }
    px_lex *lex = NULL;
    px_error err = {0};
    if (px_lex_open(lex_path, &lex, &err) != PX_OK) {
        fprintf(stderr, "bench_stories: no lexicon (%s): concepts left out\n",
                err.msg);
        lex = NULL;
    }
    pool p = {0};
    const double c0 = cpu_s();
    if (!load_pool(&p, dir, lex)) {
        printf("SKIP: NTREX-128 documents absent or unreadable (%s/docs)\n",
               dir);
        pool_free(&p);
        px_lex_close(lex);
        return 0;
    }
    const char *pd = getenv("PX_BENCH_PER_DAY");
    const size_t per_day = pd != NULL ? (size_t)atol(pd) : 2000;
    printf("pool: %zu documents of %zu stories profiled in %.1f s; "
           "%zu articles/day, window %d days, base rss %.1f MB, online "
           "idf %s\n",
           p.n, p.n_stories, cpu_s() - c0, per_day, WINDOW_DAYS,
           (double)rss_kb() / 1024.0,
           getenv("PX_BENCH_ONLINE_IDF") != NULL ? "yes" : "no");
    fflush(stdout);
    static const size_t sizes[] = {10000, 100000, 1000000};
    const int n_sizes = argc > 1 ? argc - 1 : 3;
    for (int i = 0; i < n_sizes; i++) {
        const size_t size = argc > 1 ? (size_t)atol(argv[i + 1]) : sizes[i];
        printf("size %zu (%.1f simulated days)\n", size,
               (double)size / (double)per_day);
        fflush(stdout);
        const pid_t pid = fork();
        if (pid == 0) {
            _exit(run(&p, size, per_day));
        }
        int status = 0;
        waitpid(pid, &status, 0);
    }
    pool_free(&p);
    px_lex_close(lex);
    return 0;
}
