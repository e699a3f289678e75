/* eval_pairs.c - the story similarity against human judgements: the
 * SemEval-2022 Task 8 sample (../shared/data/crosslingual README), where
 * annotators graded pairs of news articles from 1 (very similar) to 4
 * (very dissimilar). Every text of the file goes into one px_storyset (so
 * the idf is the collection's), each pair is scored with
 * px_storyset_similarity mapped onto the 1..4 scale (4 - 3 * sqrt(sim):
 * cosines of tf-idf vectors bunch near 0, the grades do not),
 * and Pearson's r against the 'Overall' grade is reported for the pairs in
 * their original languages and for all pairs (machine-translated ones
 * included), with the per-language-pair breakdown.
 *
 * Some texts of the sample are not the article the annotators read but a
 * page the scraper got in its place (an IP block notice, a site's donation
 * banner): one text, up to white space, under several different URLs. A
 * pair with such a text is graded on an article nobody can see, so the
 * headline figures leave it out; the figures over every pair are reported
 * beside them ("every_original", "every").
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "parallax.h"
#include "str.h"
#include "tsvdata.h"

#define MAX_GROUPS 64

typedef struct pair {
    size_t a; /* article numbers in the set */
    size_t b;
    double gold;
    bool is_original;
    bool is_page;     /* a text is not its URL's article (see above) */
    uint64_t text[2]; /* hashes of the texts (white space skipped) */
    uint64_t url[2];  /* and of the URLs */
    char langs[16];   /* "de-en" */
} pair;

typedef struct corr {
    double n;
    double sx;
    double sy;
    double sxx;
    double syy;
    double sxy;
} corr;

static void
corr_add(corr *c, double x, double y)
{
    c->n += 1;
    c->sx += x;
    c->sy += y;
    c->sxx += x * x;
    c->syy += y * y;
    c->sxy += x * y;
}

static double
pearson(const corr *c)
{
    const double cov = c->sxy - c->sx * c->sy / c->n;
    const double vx = c->sxx - c->sx * c->sx / c->n;
    const double vy = c->syy - c->sy * c->sy / c->n;
    return vx > 0 && vy > 0 ? cov / sqrt(vx * vy) : 0.0;
}

/* FNV-1a over the bytes of s but ASCII white space. */
static uint64_t
hash_text(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            h = (h ^ c) * 1099511628211ULL;
        }
    }
    return h;
}

static px_status
add_text(px_storyset *set, px_str field, px_buf *tmp, size_t *n, uint64_t *hash,
         px_error *err)
{
    px_tsv_unescape(field, tmp);
    if (px_buf_failed(tmp)) {
        return px_fail(err, PX_ENOMEM, "eval pairs: out of memory");
    }
    *hash = hash_text(tmp->ptr, tmp->len);
    (*n)++;
    return px_storyset_add_text(set, NULL, "", tmp->len ? tmp->ptr : "", NULL,
                                err);
}

/* Reads pairs.tsv: adds both texts of each pair to set, fills *out. */
static px_status
read_pairs(const char *dir, px_storyset *set, pair **out, size_t *n_out,
           px_error *err)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/pairs.tsv", dir);
    px_buf data;
    px_buf tmp;
    px_buf_init(&data);
    px_buf_init(&tmp);
    px_status rc = px_tsv_read_file(path, &data, err);
    px_str rest = {data.ptr, data.len};
    px_str line;
    size_t n_texts = 0;
    size_t cap = 0;
    bool header = true;
    while (rc == PX_OK && px_tsv_next_line(&rest, &line)) {
        if (header || line.len == 0) {
            header = false;
            continue;
        }
        if (*n_out == cap) {
            cap = cap ? cap * 2 : 512;
            pair *p = px_realloc(*out, cap * sizeof *p);
            if (p == NULL) {
                rc = px_fail(err, PX_ENOMEM, "eval pairs: out of memory");
                break;
            }
            *out = p;
        }
        pair *p = &(*out)[(*n_out)++];
        p->a = n_texts;
        p->b = n_texts + 1;
        p->gold = strtod(px_tsv_field(line, 6).ptr, NULL);
        p->is_original = px_str_eq_c(px_tsv_field(line, 4), "original");
        const px_str l1 = px_tsv_field(line, 2);
        const px_str l2 = px_tsv_field(line, 3);
        snprintf(p->langs, sizeof p->langs, "%.*s-%.*s", (int)l1.len, l1.ptr,
                 (int)l2.len, l2.ptr);
        for (size_t k = 0; k < 2; k++) {
            const px_str url = px_tsv_field(line, 15 + k);
            p->url[k] = hash_text(url.ptr, url.len);
            if (rc == PX_OK) {
                rc = add_text(set, px_tsv_field(line, 18 + k), &tmp, &n_texts,
                              &p->text[k], err);
            }
        }
    }
    px_buf_fini(&data);
    px_buf_fini(&tmp);
    return rc;
}

typedef struct text_url {
    uint64_t text;
    uint64_t url;
} text_url;

static int
by_text_url(const void *x, const void *y)
{
    const text_url *a = x;
    const text_url *b = y;
    if (a->text != b->text) {
        return (a->text > b->text) - (a->text < b->text);
    }
    return (a->url > b->url) - (a->url < b->url);
}

/* Whether text hash h is in t[0..n) (sorted) under more than one URL. */
static bool
is_shared(const text_url *t, size_t n, uint64_t h)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) { /* the first entry >= h */
        const size_t mid = (lo + hi) / 2;
        if (t[mid].text < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo + 1 < n && t[lo].text == h && t[lo + 1].text == h &&
           t[lo + 1].url != t[lo].url;
}

/* Marks the pairs one of whose texts occurs under several URLs: a page
 * the scraper got instead of the article. */
static px_status
mark_pages(pair *p, size_t n, px_error *err)
{
    text_url *t = px_malloc((2 * n + 1) * sizeof *t);
    if (t == NULL) {
        return px_fail(err, PX_ENOMEM, "eval pairs: out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < 2; k++) {
            t[2 * i + k] = (text_url){p[i].text[k], p[i].url[k]};
        }
    }
    qsort(t, 2 * n, sizeof *t, by_text_url);
    size_t m = 0; /* distinct (text, url) */
    for (size_t i = 0; i < 2 * n; i++) {
        if (m == 0 || by_text_url(&t[m - 1], &t[i]) != 0) {
            t[m++] = t[i];
        }
    }
    for (size_t i = 0; i < n; i++) {
        p[i].is_page =
            is_shared(t, m, p[i].text[0]) || is_shared(t, m, p[i].text[1]);
    }
    free(t);
    return PX_OK;
}

typedef struct group {
    char langs[16];
    corr c;
} group;

static void
json_group(px_buf *b, const char *name, const corr *c, bool comma)
{
    px_buf_printf(b, "%s{\"pairs\":\"%s\",\"n\":%.0f,\"pearson\":%.4f}",
                  comma ? "," : "", name, c->n, pearson(c));
}

static px_status
report(const px_storyset *set, const pair *p, size_t n, double secs, char **out,
       px_error *err)
{
    corr orig = {0, 0, 0, 0, 0, 0};
    corr all = {0, 0, 0, 0, 0, 0};
    corr every_orig = {0, 0, 0, 0, 0, 0};
    corr every = {0, 0, 0, 0, 0, 0};
    group g[MAX_GROUPS];
    size_t n_g = 0;
    size_t n_pages = 0;
    for (size_t i = 0; i < n; i++) {
        const double pred =
            4.0 - 3.0 * sqrt(px_storyset_similarity(set, p[i].a, p[i].b));
        corr_add(&every, pred, p[i].gold);
        if (p[i].is_original) {
            corr_add(&every_orig, pred, p[i].gold);
        }
        n_pages += p[i].is_page;
        if (p[i].is_page) {
            continue;
        }
        corr_add(&all, pred, p[i].gold);
        if (!p[i].is_original) {
            continue;
        }
        corr_add(&orig, pred, p[i].gold);
        size_t k = 0;
        while (k < n_g && strcmp(g[k].langs, p[i].langs) != 0) {
            k++;
        }
        if (k == n_g && n_g < MAX_GROUPS) {
            memset(&g[n_g], 0, sizeof g[n_g]);
            snprintf(g[n_g].langs, sizeof g[n_g].langs, "%s", p[i].langs);
            n_g++;
        }
        if (k < n_g) {
            corr_add(&g[k].c, pred, p[i].gold);
        }
    }
    px_buf b;
    px_buf_init(&b);
    px_buf_printf(&b,
                  "{\"lexicon\":%s,\"seconds\":%.1f,\"pairs\":%zu,"
                  "\"original\":{\"n\":%.0f,\"pearson\":%.4f},"
                  "\"all\":{\"n\":%.0f,\"pearson\":%.4f},"
                  "\"not_articles\":%zu,"
                  "\"every_original\":{\"n\":%.0f,\"pearson\":%.4f},"
                  "\"every\":{\"n\":%.0f,\"pearson\":%.4f},\"by_languages\":[",
                  px_storyset_has_lexicon(set) ? "true" : "false", secs, n,
                  orig.n, pearson(&orig), all.n, pearson(&all), n_pages,
                  every_orig.n, pearson(&every_orig), every.n, pearson(&every));
    for (size_t k = 0; k < n_g; k++) {
        json_group(&b, g[k].langs, &g[k].c, k > 0);
    }
    px_buf_add_c(&b, "]}");
    *out = px_buf_take(&b, NULL);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "eval pairs: out of memory");
}

px_status
px_eval_pairs(const char *semeval_dir, const char *lexicon_path,
              char **report_json, px_error *err)
{
    *report_json = NULL;
    const clock_t t0 = clock();
    const px_story_opts o = {0, 0, 0, 0, 1};
    px_storyset *set = NULL;
    pair *p = NULL;
    size_t n = 0;
    px_status rc = px_storyset_new(lexicon_path, &o, &set, err);
    if (rc == PX_OK) {
        rc = read_pairs(semeval_dir, set, &p, &n, err);
    }
    if (rc == PX_OK) {
        rc = mark_pages(p, n, err);
    }
    if (rc == PX_OK) {
        rc = px_storyset_cluster(set, err);
    }
    if (rc == PX_OK) {
        rc = report(set, p, n, (double)(clock() - t0) / CLOCKS_PER_SEC,
                    report_json, err);
    }
    free(p);
    px_storyset_free(set);
    return rc;
}
