/* eval_stories.c - story clustering scored on NTREX-128 (README of
 * ../shared/data/crosslingual): the chosen versions are clustered together
 * with dates ignored, then scored with pairwise and B-cubed precision,
 * recall and F1 (strict protocol: pairs of different stories of one
 * same_event group are left out), the same over cross-language pairs
 * alone, retrieval P@1 and MRR between language pairs with the clustering's
 * similarity, and the copy groups of the English re-edits (eng-GB, eng-US,
 * eng-IN) against their original.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "parallax.h"
#include "str.h"
#include "tsvdata.h"

#define MAX_VERSIONS 160

static const char default_versions[] = "eng,arb,zho-CN,zho-TW,fra,deu,rus,spa";

typedef struct ev {
    px_storyset *set;
    px_arena *arena;
    const char **story;   /* gold story id per article (arena) */
    const char **version; /* version code per article */
    size_t n;
    size_t cap;
    const char **ev_story; /* same_event groups: story id -> group id */
    const char **ev_group;
    size_t n_ev;
    const char *cur_version;
} ev;

typedef struct prf {
    double tp;
    double fp;
    double fn;
} prf;

static px_status
add_doc(void *ctx, const px_ntrex_doc *d, px_error *err)
{
    ev *e = ctx;
    if (e->n == e->cap) {
        const size_t cap = e->cap ? e->cap * 2 : 1024;
        const char **s = px_realloc(e->story, cap * sizeof *s);
        if (s != NULL) {
            e->story = s;
        }
        const char **v = px_realloc(e->version, cap * sizeof *v);
        if (v != NULL) {
            e->version = v;
        }
        if (s == NULL || v == NULL) {
            return px_fail(err, PX_ENOMEM, "eval stories: out of memory");
        }
        e->cap = cap;
    }
    char *id = px_arena_strndup(e->arena, d->doc_id.ptr, d->doc_id.len);
    char *title = px_arena_strndup(e->arena, d->headline.ptr, d->headline.len);
    char *body = px_arena_strndup(e->arena, d->body.ptr, d->body.len);
    e->story[e->n] =
        px_arena_strndup(e->arena, d->story_id.ptr, d->story_id.len);
    e->version[e->n] = e->cur_version;
    if (px_arena_failed(e->arena)) {
        return px_fail(err, PX_ENOMEM, "eval stories: out of memory");
    }
    e->n++;
    return px_storyset_add_text(e->set, id, title, body, NULL, err);
}

/* Reads same_event_candidates.tsv (kind same_event only). */
static px_status
load_events(ev *e, const char *dir, px_error *err)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/same_event_candidates.tsv", dir);
    px_buf data;
    px_buf_init(&data);
    px_status rc = px_tsv_read_file(path, &data, err);
    px_str rest = {data.ptr, data.len};
    px_str line;
    size_t cap = 0;
    while (rc == PX_OK && px_tsv_next_line(&rest, &line)) {
        if (!px_str_eq_c(px_tsv_field(line, 1), "same_event")) {
            continue;
        }
        const px_str group = px_tsv_field(line, 0);
        px_str ids = px_tsv_field(line, 2);
        while (ids.len > 0) {
            const char *sp = memchr(ids.ptr, ' ', ids.len);
            const size_t n = sp != NULL ? (size_t)(sp - ids.ptr) : ids.len;
            if (e->ev_story == NULL || e->ev_group == NULL || e->n_ev >= cap) {
                cap = cap ? cap * 2 : 64;
                const char **s = px_realloc(e->ev_story, cap * sizeof *s);
                if (s != NULL) {
                    e->ev_story = s;
                }
                const char **g = px_realloc(e->ev_group, cap * sizeof *g);
                if (g != NULL) {
                    e->ev_group = g;
                }
                if (s == NULL || g == NULL) {
                    rc = px_fail(err, PX_ENOMEM, "eval stories: no memory");
                    break;
                }
            }
            e->ev_story[e->n_ev] = px_arena_strndup(e->arena, ids.ptr, n);
            e->ev_group[e->n_ev++] =
                px_arena_strndup(e->arena, group.ptr, group.len);
            ids.ptr += n + (sp != NULL);
            ids.len -= n + (sp != NULL);
        }
    }
    px_buf_fini(&data);
    return rc;
}

static const char *
event_of(const ev *e, const char *story)
{
    for (size_t i = 0; i < e->n_ev; i++) {
        if (strcmp(e->ev_story[i], story) == 0) {
            return e->ev_group[i];
        }
    }
    return NULL;
}

/* Pairs of different stories in one same_event group are left out. */
static bool
excluded(const ev *e, const char **event, size_t i, size_t j)
{
    return event[i] != NULL && event[j] != NULL &&
           strcmp(event[i], event[j]) == 0 &&
           strcmp(e->story[i], e->story[j]) != 0;
}

static void
count_pairs(const ev *e, const char **event, prf *all, prf *cross)
{
    for (size_t i = 0; i < e->n; i++) {
        const size_t ci = px_storyset_story_of(e->set, i);
        for (size_t j = i + 1; j < e->n; j++) {
            if (excluded(e, event, i, j)) {
                continue;
            }
            const bool same_c = ci == px_storyset_story_of(e->set, j);
            const bool same_s = strcmp(e->story[i], e->story[j]) == 0;
            prf *t[2] = {all, strcmp(e->version[i], e->version[j]) != 0 ? cross
                                                                        : NULL};
            for (size_t k = 0; k < 2; k++) {
                if (t[k] != NULL) {
                    t[k]->tp += same_c && same_s;
                    t[k]->fp += same_c && !same_s;
                    t[k]->fn += !same_c && same_s;
                }
            }
        }
    }
}

/* B-cubed precision and recall averaged over articles. */
static void
bcubed(const ev *e, const char **event, double *p, double *r)
{
    double sp = 0.0;
    double sr = 0.0;
    for (size_t i = 0; i < e->n; i++) {
        const size_t ci = px_storyset_story_of(e->set, i);
        double in_c = 0;
        double in_s = 0;
        double both = 0;
        for (size_t j = 0; j < e->n; j++) {
            if (j != i && excluded(e, event, i, j)) {
                continue;
            }
            const bool same_c = ci == px_storyset_story_of(e->set, j);
            const bool same_s = strcmp(e->story[i], e->story[j]) == 0;
            in_c += same_c;
            in_s += same_s;
            both += same_c && same_s;
        }
        sp += both / in_c;
        sr += both / in_s;
    }
    *p = e->n ? sp / (double)e->n : 0.0;
    *r = e->n ? sr / (double)e->n : 0.0;
}

static void
json_prf(px_buf *b, const char *key, double p, double r)
{
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    px_buf_printf(b,
                  "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,"
                  "\"f1\":%.4f}",
                  key, p, r, f);
}

static void
json_pairs(px_buf *b, const char *key, const prf *t)
{
    const double p = t->tp + t->fp > 0 ? t->tp / (t->tp + t->fp) : 0.0;
    const double r = t->tp + t->fn > 0 ? t->tp / (t->tp + t->fn) : 0.0;
    json_prf(b, key, p, r);
}

/* P@1 and MRR of ranking version y's articles for each of version x's. */
static bool
retrieval(const ev *e, const char *x, const char *y, double *p1, double *mrr)
{
    size_t n = 0;
    double hits = 0;
    double rr = 0;
    for (size_t i = 0; i < e->n; i++) {
        if (strcmp(e->version[i], x) != 0) {
            continue;
        }
        double gold_sim = -1;
        size_t better = 0;
        for (size_t j = 0; j < e->n; j++) {
            if (strcmp(e->version[j], y) == 0 &&
                strcmp(e->story[j], e->story[i]) == 0) {
                gold_sim = px_storyset_similarity(e->set, i, j);
            }
        }
        for (size_t j = 0; j < e->n && gold_sim >= 0; j++) {
            if (strcmp(e->version[j], y) == 0 &&
                strcmp(e->story[j], e->story[i]) != 0) {
                better += px_storyset_similarity(e->set, i, j) >= gold_sim;
            }
        }
        if (gold_sim >= 0) {
            n++;
            hits += better == 0;
            rr += 1.0 / (double)(better + 1);
        }
    }
    *p1 = n ? hits / (double)n : 0;
    *mrr = n ? rr / (double)n : 0;
    return n > 0;
}

static void
json_retrieval(px_buf *b, const ev *e)
{
    static const char *const pairs[][2] = {
        {"eng", "arb"},    {"arb", "eng"},    {"eng", "zho-CN"},
        {"zho-CN", "eng"}, {"arb", "zho-CN"}, {"zho-CN", "arb"},
        {"arb", "zho-TW"}, {"eng", "eng-US"}, {"eng", "deu"}};
    px_buf_add_c(b, ",\"retrieval\":[");
    bool first = true;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        double p1 = 0;
        double mrr = 0;
        if (retrieval(e, pairs[k][0], pairs[k][1], &p1, &mrr)) {
            px_buf_printf(b,
                          "%s{\"from\":\"%s\",\"to\":\"%s\",\"p_at_1\":%.4f,"
                          "\"mrr\":%.4f}",
                          first ? "" : ",", pairs[k][0], pairs[k][1], p1, mrr);
            first = false;
        }
    }
    px_buf_add_byte(b, ']');
}

/* Re-edits (eng-GB, eng-US, eng-IN) in their original's copy group. */
static void
json_copies(px_buf *b, const ev *e)
{
    size_t n = 0;
    size_t in_group = 0;
    size_t spanning = 0;
    for (size_t i = 0; i < e->n; i++) {
        const size_t g = px_storyset_copy_of(e->set, i);
        spanning +=
            px_storyset_story_of(e->set, i) != px_storyset_story_of(e->set, g);
        if (strncmp(e->version[i], "eng-", 4) != 0) {
            continue;
        }
        for (size_t j = 0; j < e->n; j++) {
            if (strcmp(e->version[j], "eng") == 0 &&
                strcmp(e->story[j], e->story[i]) == 0) {
                n++;
                in_group += px_storyset_copy_of(e->set, j) == g;
            }
        }
    }
    px_buf_printf(b,
                  ",\"reedits\":%zu,\"reedits_in_original_group\":%zu,"
                  "\"articles_in_group_of_other_story\":%zu",
                  n, in_group, spanning);
}

static px_status
report(ev *e, const char *versions, double secs, char **out, px_error *err)
{
    const char **event = px_calloc(e->n + 1, sizeof *event);
    if (event == NULL) {
        return px_fail(err, PX_ENOMEM, "eval stories: out of memory");
    }
    for (size_t i = 0; i < e->n; i++) {
        event[i] = event_of(e, e->story[i]);
    }
    prf all = {0, 0, 0};
    prf cross = {0, 0, 0};
    count_pairs(e, event, &all, &cross);
    double bp = 0;
    double br = 0;
    bcubed(e, event, &bp, &br);
    free(event);
    px_buf b;
    px_buf_init(&b);
    px_buf_add_c(&b, "{\"versions\":");
    px_buf_add_json_str(&b, px_str_c(versions));
    px_buf_printf(&b,
                  ",\"protocol\":\"strict\",\"articles\":%zu,\"stories\":%zu,"
                  "\"lexicon\":%s,\"seconds\":%.1f,",
                  e->n, px_storyset_n_stories(e->set),
                  px_storyset_has_lexicon(e->set) ? "true" : "false", secs);
    json_pairs(&b, "pairwise", &all);
    px_buf_add_byte(&b, ',');
    json_pairs(&b, "pairwise_cross_language", &cross);
    px_buf_add_byte(&b, ',');
    json_prf(&b, "bcubed", bp, br);
    json_retrieval(&b, e);
    json_copies(&b, e);
    px_buf_add_byte(&b, '}');
    *out = px_buf_take(&b, NULL);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "eval stories: no memory");
}

static px_status
add_versions(ev *e, const char *dir, const char *versions, px_progress_fn fn,
             void *ctx, px_error *err)
{
    size_t total = 1;
    for (const char *p = versions; *p != '\0'; p++) {
        total += *p == ',';
    }
    size_t done = 0;
    const char *p = versions;
    px_status rc = PX_OK;
    while (rc == PX_OK && *p != '\0') {
        const char *comma = strchr(p, ',');
        const size_t n = comma != NULL ? (size_t)(comma - p) : strlen(p);
        e->cur_version = px_arena_strndup(e->arena, p, n);
        if (e->cur_version == NULL) {
            return px_fail(err, PX_ENOMEM, "eval stories: out of memory");
        }
        rc = px_ntrex_each(dir, e->cur_version, add_doc, e, err);
        p += n + (comma != NULL);
        if (fn != NULL) {
            fn(ctx, ++done, total);
        }
    }
    return rc;
}

px_status
px_eval_stories(const char *ntrex_dir, const char *versions,
                const char *lexicon_path, const px_story_opts *opts,
                px_progress_fn fn, void *ctx, char **report_json, px_error *err)
{
    *report_json = NULL;
    if (versions == NULL || versions[0] == '\0') {
        versions = default_versions;
    }
    px_story_opts o = {0, 0, 0, 0, 1};
    if (opts != NULL) {
        o = *opts;
        o.ignore_dates = 1;
    }
    ev e;
    memset(&e, 0, sizeof e);
    const clock_t t0 = clock();
    e.arena = px_arena_new();
    px_status rc = e.arena != NULL
                       ? px_storyset_new(lexicon_path, &o, &e.set, err)
                       : px_fail(err, PX_ENOMEM, "eval stories: no memory");
    if (rc == PX_OK) {
        rc = load_events(&e, ntrex_dir, err);
    }
    if (rc == PX_OK) {
        rc = add_versions(&e, ntrex_dir, versions, fn, ctx, err);
    }
    if (rc == PX_OK) {
        rc = px_storyset_cluster(e.set, err);
    }
    if (rc == PX_OK) {
        const double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        rc = report(&e, versions, secs, report_json, err);
    }
    px_storyset_free(e.set);
    px_arena_free(e.arena);
    free(e.story);
    free(e.version);
    free(e.ev_story);
    free(e.ev_group);
    return rc;
}
