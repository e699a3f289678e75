/* eval_concepts.c - scoring the concept lexicon on NTREX-128
 * (../shared/data/crosslingual/README.md): the same 75 dev documents in 129
 * versions.
 *
 * Coverage: per version, the share of content-word tokens (no stopwords, no
 * digits: px_concepts_is_content) that a concept covers, and the commonest
 * uncovered keys (what the lexicon lacks). Words are split in the version's
 * own language (zho-CN as zho-Hans, zho-TW as zho-Hant, regions and
 * variants dropped), not langid's guess, so the lexicon is scored alone.
 *
 * Retrieval: each document of eng, arb and zho-CN becomes a vector of its
 * concepts' summed weights, log-scaled (log(1 + w)) and multiplied by the
 * concept's idf over the two versions compared; every document of version
 * X ranks the documents of version Y by cosine, and P@1 and MRR say how
 * often its own translation comes first. Digits play no part.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "arena.h"
#include "concepts.h"
#include "error.h"
#include "lexicon.h"
#include "parallax.h"
#include "str.h"
#include "tsvdata.h"
#include "words.h"

#define N_RETR        3
#define COUNTER_CAP   65536u
#define TOP_UNCOVERED 100

static const char *const first_versions[] = {"eng", "arb", "zho-CN", "zho-TW",
                                             "fra", "deu", "rus",    "spa"};
static const char *const retr_versions[N_RETR] = {"eng", "arb", "zho-CN"};

typedef struct doc_vec {
    char story[64];
    px_concept_sum *sums; /* sorted by concept */
    size_t n;
    double norm;
} doc_vec;

typedef struct collection {
    doc_vec *docs;
    size_t n;
    size_t cap;
} collection;

typedef struct kcount {
    uint64_t hash; /* 0: empty */
    const char *key;
    size_t len;
    size_t n;
} kcount;

typedef struct counter {
    kcount *slots;
    size_t used;
    px_arena *a;
} counter;

typedef struct ev {
    px_lex *lex;
    px_words *words;
    px_arena *keep; /* retrieval vectors */
    collection coll[N_RETR];
    px_buf file;
    px_buf text;
    json_t *versions;
} ev;

typedef struct vstats {
    size_t docs;
    size_t content;
    size_t covered;
    size_t covered_1; /* covered one-ideograph units (Chinese, Japanese) */
    counter unc;
} vstats;

/* Reads a data file whole, naming this evaluation in the error. */
static px_status
read_file(const char *path, px_buf *b, px_error *err)
{
    px_error inner = {0};
    const px_status rc = px_tsv_read_file(path, b, &inner);
    return rc == PX_OK ? PX_OK : px_fail_in(err, "eval concepts", &inner);
}

/* The language words are split in for NTREX version v. */
static void
word_lang(const char *v, char out[16])
{
    if (strcmp(v, "zho-CN") == 0 || strcmp(v, "zho-TW") == 0) {
        snprintf(out, 16, "%s", v[4] == 'C' ? "zho-Hans" : "zho-Hant");
    } else if (strncmp(v, "srp-", 4) == 0) {
        snprintf(out, 16, "%s", v);
    } else {
        const char *dash = strchr(v, '-');
        const int n = dash != NULL ? (int)(dash - v) : (int)strlen(v);
        snprintf(out, 16, "%.*s", n < 15 ? n : 15, v);
    }
}

static uint64_t
hash_key(px_str s)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < s.len; i++) {
        h = (h ^ (unsigned char)s.ptr[i]) * 1099511628211u;
    }
    return h | 1u;
}

static void
count_key(counter *c, px_str key)
{
    const uint64_t h = hash_key(key);
    size_t i = h & (COUNTER_CAP - 1);
    while (c->slots[i].hash != 0) {
        kcount *k = &c->slots[i];
        if (k->hash == h && k->len == key.len &&
            memcmp(k->key, key.ptr, key.len) == 0) {
            k->n++;
            return;
        }
        i = (i + 1) & (COUNTER_CAP - 1);
    }
    if (c->used >= COUNTER_CAP / 2) {
        return;
    }
    const char *copy = px_arena_strndup(c->a, key.ptr, key.len);
    if (copy != NULL) {
        c->slots[i] = (kcount){h, copy, key.len, 1};
        c->used++;
    }
}

static int
by_count(const void *a, const void *b)
{
    const kcount *x = a;
    const kcount *y = b;
    if (x->n != y->n) {
        return x->n > y->n ? -1 : 1;
    }
    return strcmp(x->key != NULL ? x->key : "", y->key != NULL ? y->key : "");
}

/* Coverage counts of one document; uncovered content keys counted. */
static void
tally(vstats *vs, const px_word *w, size_t n, const px_concept_occ *occ,
      size_t n_occ, px_arena *a)
{
    unsigned char *hit = px_arena_calloc(a, n + 1, 1);
    if (hit == NULL) {
        return;
    }
    for (size_t i = 0; i < n_occ; i++) {
        memset(hit + occ[i].word, 1, occ[i].n_words);
    }
    for (size_t i = 0; i < n; i++) {
        if (px_concepts_is_content(&w[i])) {
            vs->content++;
            vs->covered += hit[i];
            vs->covered_1 +=
                hit[i] && (w[i].flags & PX_WORD_IDEO) != 0 && w[i].len <= 4;
            if (!hit[i]) {
                count_key(&vs->unc, w[i].key);
            }
        }
    }
}

static int
by_id(const void *a, const void *b)
{
    const px_concept_sum *x = a;
    const px_concept_sum *y = b;
    return x->concept < y->concept ? -1 : x->concept > y->concept;
}

/* Keeps the document's concept sums (sorted by id) for retrieval. */
static px_status
keep_vec(ev *e, collection *c, px_str story, const px_concept_sum *s, size_t n,
         px_error *err)
{
    if (c->n == c->cap) {
        const size_t cap = c->cap ? c->cap * 2 : 128;
        doc_vec *v = px_realloc(c->docs, cap * sizeof *v);
        if (v == NULL) {
            return px_fail(err, PX_ENOMEM, "eval concepts: out of memory");
        }
        c->docs = v;
        c->cap = cap;
    }
    doc_vec *d = &c->docs[c->n];
    memset(d, 0, sizeof *d);
    snprintf(d->story, sizeof d->story, "%.*s",
             (int)(story.len < 63 ? story.len : 63), story.ptr);
    d->sums = n > 0 ? px_arena_alloc(e->keep, n * sizeof *s) : NULL;
    if (n > 0 && d->sums == NULL) {
        return px_fail(err, PX_ENOMEM, "eval concepts: out of memory");
    }
    if (n > 0) {
        memcpy(d->sums, s, n * sizeof *s);
        qsort(d->sums, n, sizeof *s, by_id);
    }
    d->n = n;
    c->n++;
    return PX_OK;
}

/* Splits one document, finds its concepts, counts its coverage. */
static px_status
one_doc(ev *e, vstats *vs, const char *wlang, px_str story, collection *c,
        px_error *err)
{
    px_arena *a = px_arena_new();
    if (a == NULL) {
        return px_fail(err, PX_ENOMEM, "eval concepts: out of memory");
    }
    const px_str text = {e->text.ptr, e->text.len};
    px_word *w = NULL;
    size_t n = 0;
    px_concept_occ *occ = NULL;
    size_t n_occ = 0;
    px_concept_sum *s = NULL;
    size_t n_s = 0;
    px_status rc = px_words_split(e->words, text, wlang, a, &w, &n, err);
    if (rc == PX_OK) {
        rc = px_concepts_find(e->lex, text, wlang, w, n, a, &occ, &n_occ, err);
    }
    if (rc == PX_OK) {
        tally(vs, w, n, occ, n_occ, a);
        vs->docs++;
    }
    if (rc == PX_OK && c != NULL) {
        rc = px_concepts_sum(occ, n_occ, a, &s, &n_s, err);
    }
    if (rc == PX_OK && c != NULL) {
        rc = keep_vec(e, c, story, s, n_s, err);
    }
    px_arena_free(a);
    return rc;
}

/* The retrieval collection of version v, or NULL. */
static collection *
coll_of(ev *e, const char *v)
{
    for (size_t i = 0; i < N_RETR; i++) {
        if (strcmp(v, retr_versions[i]) == 0) {
            return &e->coll[i];
        }
    }
    return NULL;
}

static px_status
scan_version(ev *e, const char *dir, const char *v, vstats *vs, px_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/%s.tsv", dir, v);
    px_status rc = read_file(path, &e->file, err);
    char wlang[16];
    word_lang(v, wlang);
    collection *c = coll_of(e, v);
    px_str rest = {e->file.ptr, e->file.len};
    px_str line;
    bool header = true;
    while (rc == PX_OK && px_tsv_next_line(&rest, &line)) {
        if (header || line.len == 0) {
            header = false;
            continue;
        }
        px_tsv_unescape(px_tsv_field(line, 4), &e->text);
        rc = px_buf_failed(&e->text)
                 ? px_fail(err, PX_ENOMEM, "eval concepts: out of memory")
                 : one_doc(e, vs, wlang, px_tsv_field(line, 1), c, err);
    }
    return rc;
}

static json_t *
top_uncovered(counter *c)
{
    kcount *v = px_malloc(c->used * sizeof *v + 1);
    json_t *arr = json_array();
    if (v == NULL || c->slots == NULL) {
        px_free(v);
        return arr;
    }
    size_t n = 0;
    for (size_t i = 0; i < COUNTER_CAP; i++) {
        if (c->slots[i].hash != 0) {
            v[n++] = c->slots[i];
        }
    }
    qsort(v, n, sizeof *v, by_count);
    for (size_t i = 0; i < n && i < TOP_UNCOVERED; i++) {
        json_array_append_new(arr,
                              json_pack("{s:s%,s:I}", "key", v[i].key, v[i].len,
                                        "count", (json_int_t)v[i].n));
    }
    px_free(v);
    return arr;
}

static px_status
one_version(ev *e, const char *dir, const char *v, px_error *err)
{
    vstats vs;
    memset(&vs, 0, sizeof vs);
    vs.unc.slots = px_calloc(COUNTER_CAP, sizeof(kcount));
    vs.unc.a = px_arena_new();
    px_status rc =
        vs.unc.slots != NULL && vs.unc.a != NULL
            ? scan_version(e, dir, v, &vs, err)
            : px_fail(err, PX_ENOMEM, "eval concepts: out of memory");
    if (rc == PX_OK) {
        const double cov =
            vs.content > 0 ? (double)vs.covered / (double)vs.content : 0.0;
        json_array_append_new(
            e->versions,
            json_pack("{s:s,s:I,s:I,s:I,s:I,s:f,s:o}", "lang", v, "docs",
                      (json_int_t)vs.docs, "content_words",
                      (json_int_t)vs.content, "covered", (json_int_t)vs.covered,
                      "covered_one_ideograph", (json_int_t)vs.covered_1,
                      "coverage", cov, "uncovered", top_uncovered(&vs.unc)));
    }
    px_free(vs.unc.slots);
    px_arena_free(vs.unc.a);
    return rc;
}

/* The idf of every concept over two collections: ids sorted, df beside. */
typedef struct df_table {
    px_concept *ids;
    double *idf;
    size_t n;
} df_table;

static int
cmp_u32(const void *a, const void *b)
{
    const px_concept x = *(const px_concept *)a;
    const px_concept y = *(const px_concept *)b;
    return x < y ? -1 : x > y;
}

static bool
build_idf(const collection *x, const collection *y, df_table *t)
{
    size_t total = 0;
    const collection *cs[2] = {x, y};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < cs[k]->n; i++) {
            total += cs[k]->docs[i].n;
        }
    }
    t->ids = px_malloc(total * sizeof *t->ids + 1);
    t->idf = px_malloc(total * sizeof *t->idf + 1);
    if (t->ids == NULL || t->idf == NULL) {
        return false;
    }
    size_t n = 0;
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < cs[k]->n; i++) {
            for (size_t j = 0; j < cs[k]->docs[i].n; j++) {
                t->ids[n++] = cs[k]->docs[i].sums[j].concept;
            }
        }
    }
    qsort(t->ids, n, sizeof *t->ids, cmp_u32);
    const double n_docs = (double)(x->n + y->n);
    t->n = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t->ids[j] == t->ids[i]) {
            j++;
        }
        t->ids[t->n] = t->ids[i];
        t->idf[t->n++] = log((n_docs + 1.0) / (double)(j - i));
        i = j;
    }
    return true;
}

static double
idf(const df_table *t, px_concept c)
{
    const px_concept *p = bsearch(&c, t->ids, t->n, sizeof c, cmp_u32);
    return p != NULL ? t->idf[p - t->ids] : 0.0;
}

static double
term(const df_table *t, const px_concept_sum *s)
{
    return log1p((double)s->weight) * idf(t, s->concept);
}

static void
norms(collection *c, const df_table *t)
{
    for (size_t i = 0; i < c->n; i++) {
        double sq = 0.0;
        for (size_t j = 0; j < c->docs[i].n; j++) {
            const double v = term(t, &c->docs[i].sums[j]);
            sq += v * v;
        }
        c->docs[i].norm = sqrt(sq);
    }
}

static double
cosine(const doc_vec *a, const doc_vec *b, const df_table *t)
{
    if (a->norm == 0.0 || b->norm == 0.0) {
        return 0.0;
    }
    double dot = 0.0;
    size_t i = 0;
    size_t j = 0;
    while (i < a->n && j < b->n) {
        const px_concept x = a->sums[i].concept;
        const px_concept y = b->sums[j].concept;
        if (x == y) {
            dot += term(t, &a->sums[i++]) * term(t, &b->sums[j++]);
        } else if (x < y) {
            i++;
        } else {
            j++;
        }
    }
    return dot / (a->norm * b->norm);
}

/* The rank (1-based) of x's own story among y's documents. */
static size_t
rank_of(const doc_vec *x, const collection *y, const df_table *t)
{
    double own = -1.0;
    for (size_t i = 0; i < y->n; i++) {
        if (strcmp(y->docs[i].story, x->story) == 0) {
            own = cosine(x, &y->docs[i], t);
        }
    }
    if (own < 0.0) {
        return 0;
    }
    size_t rank = 1;
    for (size_t i = 0; i < y->n; i++) {
        rank += strcmp(y->docs[i].story, x->story) != 0 &&
                cosine(x, &y->docs[i], t) >= own;
    }
    return rank;
}

static json_t *
retrieval(ev *e, size_t xi, size_t yi)
{
    collection *x = &e->coll[xi];
    collection *y = &e->coll[yi];
    df_table t = {NULL, NULL, 0};
    json_t *o = NULL;
    if (build_idf(x, y, &t)) {
        norms(x, &t);
        norms(y, &t);
        size_t n = 0;
        size_t p1 = 0;
        double rr = 0.0;
        for (size_t i = 0; i < x->n; i++) {
            const size_t r = rank_of(&x->docs[i], y, &t);
            if (r > 0) {
                n++;
                p1 += r == 1;
                rr += 1.0 / (double)r;
            }
        }
        o = json_pack("{s:s,s:s,s:I,s:f,s:f}", "from", retr_versions[xi], "to",
                      retr_versions[yi], "queries", (json_int_t)n, "p_at_1",
                      n ? (double)p1 / (double)n : 0.0, "mrr",
                      n ? rr / (double)n : 0.0);
    }
    px_free(t.ids);
    px_free(t.idf);
    return o;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t
priority(const char *v)
{
    const size_t n = sizeof first_versions / sizeof first_versions[0];
    for (size_t i = 0; i < n; i++) {
        if (strcmp(v, first_versions[i]) == 0) {
            return i;
        }
    }
    return n;
}

static int
cmp_version(const void *a, const void *b)
{
    const char *x = *(char *const *)a;
    const char *y = *(char *const *)b;
    const size_t px = priority(x);
    const size_t py = priority(y);
    return px != py ? (px < py ? -1 : 1) : cmp_str(a, b);
}

/* The version codes of dir/docs/<v>.tsv, the main ones first (arena). */
static size_t
list_versions(const char *dir, px_arena *a, char ***out)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/docs", dir);
    DIR *d = opendir(path);
    size_t n = 0;
    char **v = px_arena_alloc(a, 512 * sizeof *v);
    const struct dirent *de = NULL;
    while (d != NULL && v != NULL && n < 512 && (de = readdir(d)) != NULL) {
        const size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".tsv") == 0) {
            v[n] = px_arena_strndup(a, de->d_name, len - 4);
            n += v[n] != NULL;
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    if (v != NULL) {
        qsort(v, n, sizeof *v, cmp_version);
    }
    *out = v;
    return n;
}

static px_status
run_all(ev *e, const char *dir, px_progress_fn fn, void *ctx, px_error *err)
{
    char **v = NULL;
    const size_t n = list_versions(dir, e->keep, &v);
    if (n == 0) {
        return px_fail(err, PX_EIO, "eval concepts: no docs/*.tsv under %s",
                       dir);
    }
    px_status rc = PX_OK;
    for (size_t i = 0; i < n && rc == PX_OK; i++) {
        rc = one_version(e, dir, v[i], err);
        if (fn != NULL) {
            fn(ctx, i + 1, n);
        }
    }
    return rc;
}

static json_t *
all_retrieval(ev *e)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < N_RETR; i++) {
        for (size_t j = 0; j < N_RETR; j++) {
            if (i != j && e->coll[i].n > 0 && e->coll[j].n > 0) {
                json_array_append_new(arr, retrieval(e, i, j));
            }
        }
    }
    return arr;
}

static px_status
report(ev *e, const char *dir, const char *lex_path, double secs, char **out,
       px_error *err)
{
    json_t *root = json_pack("{s:s,s:s,s:f,s:O,s:o}", "ntrex_dir", dir,
                             "lexicon", lex_path, "seconds", secs, "versions",
                             e->versions, "retrieval", all_retrieval(e));
    *out = root != NULL
               ? json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(6))
               : NULL;
    json_decref(root);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "eval concepts: report");
}

static void
ev_fini(ev *e)
{
    for (size_t i = 0; i < N_RETR; i++) {
        px_free(e->coll[i].docs);
    }
    px_words_free(e->words);
    px_lex_close(e->lex);
    px_arena_free(e->keep);
    px_buf_fini(&e->file);
    px_buf_fini(&e->text);
    json_decref(e->versions);
}

px_status
px_eval_concepts(const char *ntrex_dir, const char *lexicon_path,
                 px_progress_fn fn, void *ctx, char **report_json,
                 px_error *err)
{
    *report_json = NULL;
    char path[4096];
    if (lexicon_path != NULL) {
        snprintf(path, sizeof path, "%s", lexicon_path);
    } else {
        px_lex_default_path(path, sizeof path);
    }
    struct timespec t0;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ev e;
    memset(&e, 0, sizeof e);
    px_buf_init(&e.file);
    px_buf_init(&e.text);
    e.versions = json_array();
    e.keep = px_arena_new();
    px_status rc = px_lex_open(path, &e.lex, err);
    if (rc == PX_OK) {
        rc = e.keep != NULL && e.versions != NULL
                 ? px_words_new(e.lex, &e.words, err)
                 : px_fail(err, PX_ENOMEM, "eval concepts: out of memory");
    }
    if (rc == PX_OK) {
        rc = run_all(&e, ntrex_dir, fn, ctx, err);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    const double secs = (double)(t1.tv_sec - t0.tv_sec) +
                        (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (rc == PX_OK) {
        rc = report(&e, ntrex_dir, path, secs, report_json, err);
    }
    ev_fini(&e);
    return rc;
}
