/* eval.c - running an extractor over a benchmark dataset and reporting the
 * dataset's own metric, per-script scores, date and title accuracy.
 *
 * px_eval_run calls the extractor once per page, keeps only the predicted
 * texts (heap copies), checks dates and titles at once, and scores the texts
 * after the last page, so the metric code sees parallel arrays. Dates are
 * compared to the day; titles after case folding and white space and
 * punctuation trimming. Predictions from other tools (published outputs,
 * JSON Lines) go through the same path via px_eval_preds_extract.
 */
#include "eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "error.h"
#include "log.h"

/* ---- titles and dates ------------------------------------------------- */

static bool
is_trim_cp(UChar32 c)
{
    return c < 0 || u_isUWhiteSpace(c) || u_ispunct(c) ||
           (U_GET_GC_MASK(c) & (U_GC_Z_MASK | U_GC_C_MASK)) != 0;
}

/* Case-folds s into *out (owned), white space collapsed and punctuation and
 * spaces trimmed at both ends. */
static bool
title_norm(const char *s, px_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    UCaseMap *cm = ucasemap_open("", U_FOLD_CASE_DEFAULT, &st);
    const int32_t n =
        ucasemap_utf8FoldCase(cm, NULL, 0, s, (int32_t)strlen(s), &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        st = U_ZERO_ERROR;
    }
    char *f = U_SUCCESS(st) ? px_malloc((size_t)n + 1) : NULL;
    if (f != NULL) {
        ucasemap_utf8FoldCase(cm, f, n + 1, s, (int32_t)strlen(s), &st);
    }
    ucasemap_close(cm);
    size_t i = 0;
    bool space = false;
    while (f != NULL && U_SUCCESS(st) && i < (size_t)n) {
        const size_t at = i;
        UChar32 c;
        U8_NEXT(f, i, (size_t)n, c);
        if (u_isUWhiteSpace(c)) {
            space = out->len > 0;
            continue;
        }
        if (space) {
            px_buf_add_byte(out, ' ');
            space = false;
        }
        px_buf_add(out, f + at, i - at);
    }
    free(f);
    return f != NULL && U_SUCCESS(st) && !px_buf_failed(out);
}

static px_str
trim_punct(px_str s)
{
    int32_t b = 0;
    int32_t e = (int32_t)s.len;
    while (b < e) {
        int32_t i = b;
        UChar32 c;
        U8_NEXT(s.ptr, i, e, c);
        if (!is_trim_cp(c)) {
            break;
        }
        b = i;
    }
    while (e > b) {
        int32_t i = e;
        UChar32 c;
        U8_PREV(s.ptr, b, i, c);
        if (!is_trim_cp(c)) {
            break;
        }
        e = i;
    }
    return (px_str){s.ptr + b, (size_t)(e - b)};
}

bool
px_eval_title_eq(const char *gold, const char *pred)
{
    if (gold == NULL || pred == NULL) {
        return false;
    }
    px_buf a;
    px_buf b;
    px_buf_init(&a);
    px_buf_init(&b);
    bool eq = false;
    if (title_norm(gold, &a) && title_norm(pred, &b)) {
        const px_str x = trim_punct((px_str){a.ptr, a.len});
        const px_str y = trim_punct((px_str){b.ptr, b.len});
        eq = x.len > 0 && px_str_eq(x, y);
    }
    px_buf_fini(&a);
    px_buf_fini(&b);
    return eq;
}

/* True when an ISO 8601 prediction names the gold day. */
static bool
date_matches(const char *gold_day, const char *pred)
{
    return strlen(pred) >= 10 && memcmp(pred, gold_day, 10) == 0 &&
           (pred[10] == '\0' || pred[10] == 'T' || pred[10] == ' ');
}

px_eval_date_origin
px_eval_date_origin_of(const char *how)
{
    static const char unseen[] = ":unseen";
    if (how == NULL || how[0] == '\0') {
        return PX_EVAL_ORIGIN_UNKNOWN;
    }
    const size_t n = strlen(how);
    if (n >= sizeof unseen - 1 &&
        strcmp(how + n - (sizeof unseen - 1), unseen) == 0) {
        return PX_EVAL_ORIGIN_UNSEEN;
    }
    if (strncmp(how, "seen:", 5) == 0 || strcmp(how, "text") == 0 ||
        strncmp(how, "text:", 5) == 0 || strcmp(how, "title") == 0) {
        return PX_EVAL_ORIGIN_TEXT;
    }
    return PX_EVAL_ORIGIN_DECLARED;
}

static int
flag(bool has_gold, bool ok)
{
    return has_gold ? (ok ? 1 : 0) : -1;
}

static void
score_meta(px_eval_result *r, size_t i, const px_eval_page *pg,
           const px_eval_output *o)
{
    const bool has_date = o->date != NULL && o->date[0] != '\0';
    const bool date_ok = has_date && date_matches(pg->date, o->date);
    const bool title_ok = px_eval_title_eq(pg->title, o->title);
    if (pg->date_kind == PX_EVAL_DATE_DAY) {
        r->n_date_gold++;
        r->n_date_ok += date_ok ? 1 : 0;
        if (date_ok) {
            r->n_ok_from[px_eval_date_origin_of(o->date_how)]++;
        }
    } else if (pg->date_kind == PX_EVAL_DATE_NONE) {
        r->n_date_none++;
        r->n_date_invented += has_date ? 1 : 0;
        if (has_date) {
            r->n_invented_from[px_eval_date_origin_of(o->date_how)]++;
        }
    }
    if (pg->title != NULL) {
        r->n_title_gold++;
        r->n_title_ok += title_ok ? 1 : 0;
    }
    px_eval_page_score *ps = &r->pages[i];
    ps->id = pg->id;
    ps->date_ok = flag(pg->date_kind == PX_EVAL_DATE_DAY, date_ok);
    ps->title_ok = flag(pg->title != NULL, title_ok);
    snprintf(ps->date_pred, sizeof ps->date_pred, "%s",
             has_date ? o->date : "");
    snprintf(ps->date_gold, sizeof ps->date_gold, "%s",
             pg->date_kind == PX_EVAL_DATE_DAY ? pg->date : "");
    snprintf(ps->date_how, sizeof ps->date_how, "%s",
             has_date && o->date_how != NULL ? o->date_how : "");
}

/* ---- runs ------------------------------------------------------------- */

/* Predicted texts of a run: owned copies, NULL for a failed page. */
typedef struct preds_out {
    char **text;
    px_str *str;
} preds_out;

static double
elapsed(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static px_status
run_page(const px_eval_page *pg, px_eval_extract_fn fn, void *ctx,
         preds_out *po, size_t i, px_eval_result *r, px_error *err)
{
    px_arena *a = px_arena_new();
    if (a == NULL) {
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    px_eval_output o = {a, NULL, 0, NULL, NULL, NULL};
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const px_status st = fn(ctx, pg, &o);
    r->seconds += elapsed(&t0);
    px_status rc = PX_OK;
    if (st == PX_ENOMEM || px_arena_failed(a)) {
        rc = px_fail(err, PX_ENOMEM, "eval: out of memory (page=%s)", pg->id);
        goto done;
    }
    if (st != PX_OK) {
        PX_LOG(PX_LOG_DEBUG, "eval: extraction failed (page=%s status=%s)",
               pg->id, px_status_str(st));
        r->n_failed++;
        r->pages[i].failed = true;
        o = (px_eval_output){a, NULL, 0, NULL, NULL, NULL};
    }
    if (o.text != NULL && o.text_len > 0) {
        po->text[i] = px_strndup(o.text, o.text_len);
        if (po->text[i] == NULL) {
            rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
            goto done;
        }
        po->str[i] = (px_str){po->text[i], o.text_len};
    } else {
        r->n_empty++;
    }
    score_meta(r, i, pg, &o);
done:
    px_arena_free(a);
    return rc;
}

/* The dataset's own metric (or the CJK score) over parallel arrays. */
static px_status
score_texts(px_eval_kind kind, bool cjk, const px_str *g, const px_eval_segs *s,
            const px_str *p, size_t n, px_prf *out, px_error *err)
{
    if (cjk) {
        return px_eval_cjk_score(g, p, n, out, err);
    }
    switch (kind) {
    case PX_EVAL_TRAFILATURA:
        return px_eval_segment_score(s, p, n, out, err);
    case PX_EVAL_WCXB:
        return px_eval_bow_score(g, p, n, out, err);
    case PX_EVAL_SCRAPINGHUB:
    case PX_EVAL_ZH_CWCED:
        break;
    }
    return px_eval_shingle_score(g, p, n, out, err);
}

/* Scores the pages whose script is script (all pages when NULL). */
static px_status
score_subset(const px_eval_dataset *ds, const px_str *pred, const char *script,
             bool cjk, px_prf *out, px_error *err)
{
    const size_t n = ds->n_pages;
    px_str *g = px_calloc(n + 1, sizeof *g);
    px_str *p = px_calloc(n + 1, sizeof *p);
    px_eval_segs *s = px_calloc(n + 1, sizeof *s);
    px_status rc = PX_OK;
    if (g == NULL || p == NULL || s == NULL) {
        rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
        goto done;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const px_eval_page *pg = &ds->pages[i];
        if (script == NULL || strcmp(pg->script, script) == 0) {
            g[k] = pg->gold;
            s[k] = pg->segs;
            p[k++] = pred[i];
        }
    }
    rc = score_texts(ds->kind, cjk, g, s, p, k, out, err);
done:
    free(g);
    free(p);
    free(s);
    return rc;
}

/* Each page alone, for the per-page report. */
static px_status
score_pages(const px_eval_dataset *ds, const px_str *pred, px_eval_result *r,
            px_error *err)
{
    for (size_t i = 0; i < ds->n_pages; i++) {
        const px_eval_page *pg = &ds->pages[i];
        px_prf one;
        const px_status rc = score_texts(ds->kind, false, &pg->gold, &pg->segs,
                                         &pred[i], 1, &one, err);
        if (rc != PX_OK) {
            return rc;
        }
        r->pages[i].p = one.p;
        r->pages[i].r = one.r;
        r->pages[i].f1 = one.f1;
    }
    return PX_OK;
}

/* Per-script scores, when the pages are in several scripts. */
static px_status
score_groups(const px_eval_dataset *ds, const px_str *pred, px_eval_result *r,
             px_error *err)
{
    r->n_groups = 0;
    for (size_t i = 0; i < ds->n_pages; i++) {
        const char *sc = ds->pages[i].script;
        size_t g = 0;
        while (g < r->n_groups && strcmp(r->groups[g].script, sc) != 0) {
            g++;
        }
        if (g == r->n_groups && g < PX_EVAL_MAX_GROUPS) {
            snprintf(r->groups[g].script, sizeof r->groups[g].script, "%s", sc);
            r->n_groups++;
        }
    }
    if (r->n_groups < 2) {
        r->n_groups = 0;
        return PX_OK;
    }
    for (size_t g = 0; g < r->n_groups; g++) {
        const px_status rc = score_subset(ds, pred, r->groups[g].script, false,
                                          &r->groups[g].prf, err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    return PX_OK;
}

static px_status
score_all(const px_eval_dataset *ds, const px_str *pred, px_eval_result *r,
          px_error *err)
{
    px_status rc = score_subset(ds, pred, NULL, false, &r->main, err);
    if (rc == PX_OK && ds->kind == PX_EVAL_ZH_CWCED) {
        r->has_cjk = true;
        rc = score_subset(ds, pred, NULL, true, &r->cjk, err);
    }
    if (rc == PX_OK) {
        rc = score_groups(ds, pred, r, err);
    }
    if (rc == PX_OK) {
        rc = score_pages(ds, pred, r, err);
    }
    return rc;
}

px_status
px_eval_run(const px_eval_dataset *ds, px_eval_extract_fn fn, void *ctx,
            px_progress_fn progress, void *pctx, px_eval_result *out,
            px_error *err)
{
    const size_t n = ds->n_pages;
    memset(out, 0, sizeof *out);
    out->kind = ds->kind;
    out->n_pages = n;
    out->pages = px_calloc(n + 1, sizeof *out->pages);
    preds_out po = {px_calloc(n + 1, sizeof(char *)),
                    px_calloc(n + 1, sizeof(px_str))};
    px_status rc = PX_OK;
    if (po.text == NULL || po.str == NULL || out->pages == NULL) {
        rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        rc = run_page(&ds->pages[i], fn, ctx, &po, i, out, err);
        if (progress != NULL) {
            progress(pctx, i + 1, n);
        }
    }
    if (rc == PX_OK) {
        rc = score_all(ds, po.str, out, err);
    }
    for (size_t i = 0; po.text != NULL && i < n; i++) {
        free(po.text[i]);
    }
    free(po.text);
    free(po.str);
    if (rc != PX_OK) {
        px_eval_result_fini(out);
    }
    return rc;
}

void
px_eval_result_fini(px_eval_result *r)
{
    if (r != NULL) {
        free(r->pages);
        r->pages = NULL;
    }
}

/* ---- report ----------------------------------------------------------- */

static const char *
metric_name(px_eval_kind k)
{
    switch (k) {
    case PX_EVAL_TRAFILATURA:
        return "segments (micro)";
    case PX_EVAL_WCXB:
        return "bag of words (macro)";
    case PX_EVAL_SCRAPINGHUB:
    case PX_EVAL_ZH_CWCED:
        break;
    }
    return "4-gram shingles (macro)";
}

static json_t *
jnum(double v)
{
    return json_real(v);
}

static json_t *
jratio(size_t a, size_t b)
{
    return b > 0 ? json_real((double)a / (double)b) : json_null();
}

static void
set_prf(json_t *o, const px_prf *s)
{
    json_object_set_new(o, "n_pages", json_integer((json_int_t)s->n_pages));
    json_object_set_new(o, "f1", jnum(s->f1));
    json_object_set_new(o, "p", jnum(s->p));
    json_object_set_new(o, "r", jnum(s->r));
    if (s->accuracy >= 0) {
        json_object_set_new(o, "accuracy", jnum(s->accuracy));
    }
}

static json_t *
groups_json(const px_eval_result *r)
{
    json_t *o = json_object();
    for (size_t g = 0; o != NULL && g < r->n_groups; g++) {
        json_t *e = json_object();
        if (e != NULL) {
            set_prf(e, &r->groups[g].prf);
        }
        json_object_set_new(o, r->groups[g].script, e);
    }
    return o;
}

/* Counts by px_eval_date_origin as a JSON object. */
static json_t *
origins_json(const size_t n[PX_EVAL_N_ORIGINS])
{
    static const char *const name[PX_EVAL_N_ORIGINS] = {
        "unknown", "declared", "declared_unseen", "text"};
    json_t *o = json_object();
    for (int i = 0; o != NULL && i < PX_EVAL_N_ORIGINS; i++) {
        json_object_set_new(o, name[i], json_integer((json_int_t)n[i]));
    }
    return o;
}

static json_t *
meta_json(const px_eval_result *r)
{
    json_t *o = json_object();
    json_t *d = json_object();
    json_t *t = json_object();
    json_object_set_new(d, "n_gold", json_integer((json_int_t)r->n_date_gold));
    json_object_set_new(d, "accuracy", jratio(r->n_date_ok, r->n_date_gold));
    json_object_set_new(d, "n_no_date",
                        json_integer((json_int_t)r->n_date_none));
    json_object_set_new(d, "invented_rate",
                        jratio(r->n_date_invented, r->n_date_none));
    /* where the right and the invented dates came from */
    json_object_set_new(d, "ok_from", origins_json(r->n_ok_from));
    json_object_set_new(d, "invented_from", origins_json(r->n_invented_from));
    json_object_set_new(t, "n_gold", json_integer((json_int_t)r->n_title_gold));
    json_object_set_new(t, "accuracy", jratio(r->n_title_ok, r->n_title_gold));
    json_object_set_new(o, "date", d);
    json_object_set_new(o, "title", t);
    return o;
}

static json_t *
pages_json(const px_eval_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a != NULL && r->pages != NULL && i < r->n_pages; i++) {
        const px_eval_page_score *ps = &r->pages[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(ps->id != NULL ? ps->id : ""));
        json_object_set_new(o, "f1", jnum(ps->f1));
        json_object_set_new(o, "p", jnum(ps->p));
        json_object_set_new(o, "r", jnum(ps->r));
        if (ps->failed) {
            json_object_set_new(o, "failed", json_true());
        }
        if (ps->date_ok >= 0) {
            json_object_set_new(o, "date_ok", json_boolean(ps->date_ok));
        }
        if (ps->date_pred[0] != '\0' || ps->date_gold[0] != '\0') {
            json_object_set_new(o, "date", json_string(ps->date_pred));
            json_object_set_new(o, "gold_date", json_string(ps->date_gold));
        }
        if (ps->date_how[0] != '\0') {
            json_object_set_new(o, "date_how", json_string(ps->date_how));
        }
        if (ps->title_ok >= 0) {
            json_object_set_new(o, "title_ok", json_boolean(ps->title_ok));
        }
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *
result_tree(const px_eval_result *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "dataset", json_string(px_eval_kind_name(r->kind)));
    json_object_set_new(o, "metric", json_string(metric_name(r->kind)));
    set_prf(o, &r->main);
    json_object_set_new(o, "n_failed", json_integer((json_int_t)r->n_failed));
    json_object_set_new(o, "n_empty", json_integer((json_int_t)r->n_empty));
    if (r->has_cjk) {
        json_t *c = json_object();
        json_object_set_new(c, "metric",
                            json_string("character bigrams (macro)"));
        set_prf(c, &r->cjk);
        json_object_set_new(o, "cjk", c);
    }
    if (r->n_groups > 0) {
        json_object_set_new(o, "by_script", groups_json(r));
    }
    json_t *m = meta_json(r);
    json_object_update(o, m);
    json_decref(m);
    json_object_set_new(o, "seconds", jnum(r->seconds));
    json_object_set_new(o, "pages_per_s",
                        r->seconds > 0 ? jnum((double)r->n_pages / r->seconds)
                                       : json_null());
    json_object_set_new(o, "pages", pages_json(r));
    return o;
}

px_status
px_eval_result_json(const px_eval_result *r, char **json, px_error *err)
{
    *json = NULL;
    json_t *o = result_tree(r);
    char *s =
        o != NULL ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (s != NULL) {
        *json = px_strndup(s, strlen(s));
        free(s);
    }
    return *json != NULL ? PX_OK
                         : px_fail(err, PX_ENOMEM, "eval: out of memory");
}

/* ---- predictions of other tools --------------------------------------- */

typedef struct pred_entry {
    const char *id;
    px_str text;
    const char *title;
    const char *date;
} pred_entry;

struct px_eval_preds {
    px_arena *arena;
    pred_entry *v;
    size_t n;
    size_t cap;
};

static const char *
jdup(px_arena *a, const json_t *j)
{
    return json_is_string(j) ? px_arena_strndup(a, json_string_value(j),
                                                json_string_length(j))
                             : NULL;
}

static bool
preds_add(px_eval_preds *p, const char *id, const json_t *v)
{
    if (p->n == p->cap) {
        const size_t cap = p->cap == 0 ? 256 : p->cap * 2;
        pred_entry *nv = px_realloc(p->v, cap * sizeof *nv);
        if (nv == NULL) {
            return false;
        }
        p->v = nv;
        p->cap = cap;
    }
    const json_t *t = json_object_get(v, "text");
    t = t != NULL ? t : json_object_get(v, "articleBody");
    pred_entry *e = &p->v[p->n++];
    e->id = px_arena_strndup(p->arena, id, strlen(id));
    e->text = px_str_c(jdup(p->arena, t));
    e->title = jdup(p->arena, json_object_get(v, "title"));
    e->date = jdup(p->arena, json_object_get(v, "date"));
    return !px_arena_failed(p->arena);
}

/* {"<id>": {"articleBody": ...}}, possibly wrapped in {"output": ...}. */
static bool
preds_from_object(px_eval_preds *p, json_t *root)
{
    json_t *inner = json_object_get(root, "output");
    root = json_is_object(inner) ? inner : root;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        if (json_is_object(v) && !preds_add(p, key, v)) {
            return false;
        }
    }
    return true;
}

static bool
is_line_record(const json_t *v)
{
    return json_is_object(v) && json_is_string(json_object_get(v, "id"));
}

static px_status
preds_from_lines(px_eval_preds *p, const char *path, px_error *err)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return px_fail(err, PX_EIO, "eval: %s: cannot open", path);
    }
    char *line = NULL;
    size_t cap = 0;
    size_t lineno = 0;
    px_status rc = PX_OK;
    while (rc == PX_OK && getline(&line, &cap, f) >= 0) {
        lineno++;
        json_error_t je;
        json_t *v = json_loads(line, 0, &je);
        if (!is_line_record(v)) {
            rc = px_fail(err, PX_EPARSE,
                         "eval: %s:%zu: not a JSON object "
                         "with an \"id\"",
                         path, lineno);
        } else if (!preds_add(p, json_string_value(json_object_get(v, "id")),
                              v)) {
            rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
        }
        json_decref(v);
    }
    free(line);
    fclose(f);
    return rc;
}

static int
pred_cmp(const void *a, const void *b)
{
    const pred_entry *x = a;
    const pred_entry *y = b;
    return strcmp(x->id, y->id);
}

px_status
px_eval_preds_load(const char *path, px_eval_preds **out, px_error *err)
{
    *out = NULL;
    px_eval_preds *p = px_calloc(1, sizeof *p);
    px_arena *a = px_arena_new();
    if (p == NULL || a == NULL) {
        free(p);
        px_arena_free(a);
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    p->arena = a;
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    px_status rc = PX_OK;
    if (json_is_object(root) && !is_line_record(root)) {
        rc = preds_from_object(p, root)
                 ? PX_OK
                 : px_fail(err, PX_ENOMEM, "eval: out of memory");
    } else {
        rc = preds_from_lines(p, path, err);
    }
    json_decref(root);
    if (rc != PX_OK) {
        px_eval_preds_free(p);
        return rc;
    }
    if (p->n > 1) {
        qsort(p->v, p->n, sizeof *p->v, pred_cmp);
    }
    *out = p;
    return PX_OK;
}

void
px_eval_preds_free(px_eval_preds *p)
{
    if (p == NULL) {
        return;
    }
    px_arena_free(p->arena);
    free(p->v);
    free(p);
}

size_t
px_eval_preds_count(const px_eval_preds *p)
{
    return p != NULL ? p->n : 0;
}

px_status
px_eval_preds_extract(void *ctx, const px_eval_page *page, px_eval_output *out)
{
    const px_eval_preds *p = ctx;
    if (p == NULL || page == NULL || page->id == NULL) {
        return PX_EINVAL;
    }
    const pred_entry key = {page->id, {NULL, 0}, NULL, NULL};
    const pred_entry *e =
        p->n > 0 ? bsearch(&key, p->v, p->n, sizeof *p->v, pred_cmp) : NULL;
    if (e == NULL) {
        return PX_EEMPTY;
    }
    out->text = e->text.ptr;
    out->text_len = e->text.len;
    out->title = e->title;
    out->date = e->date;
    return PX_OK;
}

px_status
px_eval_score_file(const char *dataset_dir, const char *predictions_path,
                   char **report_json, px_error *err)
{
    *report_json = NULL;
    px_eval_dataset *ds = NULL;
    px_eval_preds *p = NULL;
    px_eval_result res;
    px_status rc = px_eval_dataset_load(dataset_dir, &ds, err);
    if (rc == PX_OK) {
        rc = px_eval_preds_load(predictions_path, &p, err);
    }
    if (rc == PX_OK) {
        rc = px_eval_run(ds, px_eval_preds_extract, p, NULL, NULL, &res, err);
    }
    if (rc == PX_OK) {
        rc = px_eval_result_json(&res, report_json, err);
        px_eval_result_fini(&res);
    }
    px_eval_preds_free(p);
    px_eval_dataset_free(ds);
    return rc;
}
