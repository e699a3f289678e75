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

#define MAX_GROUPS 64

typedef struct pair {
    size_t a; /* article numbers in the set */
    size_t b;
    double gold;
    bool is_original;
    char langs[16]; /* "de-en" */
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

static px_status
add_text(px_storyset *set, px_str field, px_buf *tmp, size_t *n, px_error *err)
{
    px_tsv_unescape(field, tmp);
    if (px_buf_failed(tmp)) {
        return px_fail(err, PX_ENOMEM, "eval pairs: out of memory");
    }
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
        rc = add_text(set, px_tsv_field(line, 18), &tmp, &n_texts, err);
        if (rc == PX_OK) {
            rc = add_text(set, px_tsv_field(line, 19), &tmp, &n_texts, err);
        }
    }
    px_buf_fini(&data);
    px_buf_fini(&tmp);
    return rc;
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
    group g[MAX_GROUPS];
    size_t n_g = 0;
    for (size_t i = 0; i < n; i++) {
        const double pred =
            4.0 - 3.0 * sqrt(px_storyset_similarity(set, p[i].a, p[i].b));
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
                  "\"all\":{\"n\":%.0f,\"pearson\":%.4f},\"by_languages\":[",
                  px_storyset_has_lexicon(set) ? "true" : "false", secs, n,
                  orig.n, pearson(&orig), all.n, pearson(&all));
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
