/* eval_metric.c - the benchmark metrics, reproducing the upstream Python
 * scripts exactly: \w+ tokens with Python re semantics (a code point is a
 * word character when it is "_" or in a Unicode L* or N* category; marks
 * are not), multisets of token n-grams compared by sorting, and the macro
 * or micro averages each benchmark defines.
 *
 * An n-gram ("item") is a run of k tokens held as a pointer into a token
 * array, so texts are never copied except for lower-casing (wcxb).
 */
#include "eval.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "error.h"

#define SHINGLE_N 4

typedef struct toks {
    px_str *v;
    uint64_t *h; /* FNV-1a hash of each token */
    size_t n;
    size_t cap;
    bool failed;
} toks;

/* Items sort by hash first, then by content, so most comparisons are one
 * integer comparison; equal items still end up adjacent. */
typedef struct item {
    const px_str *tok;
    size_t k;
    uint64_t h;
} item;

typedef struct items {
    item *v;
    size_t n;
    size_t cap;
} items;

/* Scratch memory reused across the pages of one scoring call. */
typedef struct scratch {
    toks tg, tp;
    items ig, ip;
    char *lower[2];
    size_t lower_cap[2];
} scratch;

typedef struct counts {
    size_t tp, fp, fn;
} counts;

static bool
is_word_cp(UChar32 c)
{
    if (c == '_') {
        return true;
    }
    return c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

void
px_eval_tokens(px_str s, px_eval_token_fn emit, void *ctx)
{
    size_t i = 0;
    size_t start = 0;
    bool in_word = false;
    while (i < s.len) {
        const size_t at = i;
        UChar32 c;
        U8_NEXT(s.ptr, i, s.len, c);
        const bool w = is_word_cp(c);
        if (w && !in_word) {
            start = at;
        } else if (!w && in_word) {
            emit(ctx, (px_str){s.ptr + start, at - start});
        }
        in_word = w;
    }
    if (in_word) {
        emit(ctx, (px_str){s.ptr + start, s.len - start});
    }
}

static void
toks_push(void *ctx, px_str s)
{
    toks *t = ctx;
    if (t->failed) {
        return;
    }
    if (t->n == t->cap) {
        const size_t cap = t->cap == 0 ? 256 : t->cap * 2;
        px_str *v = px_realloc(t->v, cap * sizeof *v);
        t->v = v != NULL ? v : t->v;
        uint64_t *h = px_realloc(t->h, cap * sizeof *h);
        t->h = h != NULL ? h : t->h;
        if (v == NULL || h == NULL) {
            t->failed = true;
            return;
        }
        t->cap = cap;
    }
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < s.len; i++) {
        h = (h ^ (unsigned char)s.ptr[i]) * 0x100000001b3u;
    }
    t->h[t->n] = h;
    t->v[t->n++] = s;
}

static bool
items_reserve(items *it, size_t n)
{
    it->n = 0;
    if (n <= it->cap) {
        return true;
    }
    item *v = px_realloc(it->v, n * sizeof *v);
    if (v == NULL) {
        return false;
    }
    it->v = v;
    it->cap = n;
    return true;
}

/* The k-grams of t (a text of 1..k-1 tokens is one item). */
static bool
make_items(const toks *t, size_t k, items *out)
{
    const size_t n = t->n == 0 ? 0 : (t->n < k ? 1 : t->n - k + 1);
    if (!items_reserve(out, n)) {
        return false;
    }
    const size_t len = t->n < k ? t->n : k;
    for (size_t i = 0; i < n; i++) {
        uint64_t h = len;
        for (size_t j = 0; j < len; j++) {
            h = (h ^ t->h[i + j]) * 0x9e3779b97f4a7c15u;
            h ^= h >> 29;
        }
        out->v[i] = (item){t->v + i, len, h};
    }
    out->n = n;
    return true;
}

static int
str_cmp(px_str a, px_str b)
{
    const size_t m = a.len < b.len ? a.len : b.len;
    const int c = m == 0 ? 0 : memcmp(a.ptr, b.ptr, m);
    if (c != 0) {
        return c;
    }
    return a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
}

static int
item_cmp(const item *a, const item *b)
{
    if (a->h != b->h) {
        return a->h < b->h ? -1 : 1;
    }
    const size_t m = a->k < b->k ? a->k : b->k;
    for (size_t i = 0; i < m; i++) {
        const int c = str_cmp(a->tok[i], b->tok[i]);
        if (c != 0) {
            return c;
        }
    }
    return a->k < b->k ? -1 : (a->k > b->k ? 1 : 0);
}

static int
item_qcmp(const void *a, const void *b)
{
    return item_cmp(a, b);
}

static size_t
run_len(const items *it, size_t i)
{
    size_t j = i + 1;
    while (j < it->n && item_cmp(&it->v[i], &it->v[j]) == 0) {
        j++;
    }
    return j - i;
}

/* Multiset comparison of gold and predicted items (both get sorted). */
static counts
compare_items(items *g, items *p)
{
    if (g->n > 1) {
        qsort(g->v, g->n, sizeof *g->v, item_qcmp);
    }
    if (p->n > 1) {
        qsort(p->v, p->n, sizeof *p->v, item_qcmp);
    }
    counts c = {0, 0, 0};
    size_t i = 0;
    size_t j = 0;
    while (i < g->n || j < p->n) {
        int o = 0;
        if (i == g->n) {
            o = 1;
        } else if (j == p->n) {
            o = -1;
        } else {
            o = item_cmp(&g->v[i], &p->v[j]);
        }
        const size_t ng = o <= 0 ? run_len(g, i) : 0;
        const size_t np = o >= 0 ? run_len(p, j) : 0;
        c.tp += ng < np ? ng : np;
        c.fp += np > ng ? np - ng : 0;
        c.fn += ng > np ? ng - np : 0;
        i += ng;
        j += np;
    }
    return c;
}

static void
scratch_fini(scratch *s)
{
    free(s->tg.v);
    free(s->tg.h);
    free(s->tp.v);
    free(s->tp.h);
    free(s->ig.v);
    free(s->ip.v);
    free(s->lower[0]);
    free(s->lower[1]);
}

static bool
tokenize(px_str s, toks *t)
{
    t->n = 0;
    if (s.ptr != NULL) {
        px_eval_tokens(s, toks_push, t);
    }
    return !t->failed;
}

static bool
same_tokens(const toks *a, const toks *b)
{
    if (a->n != b->n) {
        return false;
    }
    for (size_t i = 0; i < a->n; i++) {
        if (!px_str_eq(a->v[i], b->v[i])) {
            return false;
        }
    }
    return true;
}

/* Upstream's _precision(tp, fp, fn); recall is the same with fp and fn
 * swapped. */
static double
sh_ratio(double tp, double fp, double fn)
{
    if (fp == 0 && fn == 0) {
        return 1.0;
    }
    if (tp == 0 && fp == 0) {
        return 0.0;
    }
    return tp / (tp + fp);
}

typedef struct sh_acc {
    double sum_p, sum_r;
    size_t n_p, n_r, n_same;
} sh_acc;

static void
sh_add(sh_acc *acc, counts c)
{
    double tp = (double)c.tp;
    double fp = (double)c.fp;
    double fn = (double)c.fn;
    const double s = tp + fp + fn;
    if (s > 0) {
        tp /= s;
        fp /= s;
        fn /= s;
    }
    if (tp + fp > 0) {
        acc->sum_p += sh_ratio(tp, fp, fn);
        acc->n_p++;
    }
    if (tp + fn > 0) {
        acc->sum_r += sh_ratio(tp, fn, fp);
        acc->n_r++;
    }
}

static px_prf
sh_finish(const sh_acc *acc, size_t n)
{
    px_prf r = {0, 0, 0, 0, n};
    r.p = acc->n_p > 0 ? acc->sum_p / (double)acc->n_p : 0.0;
    r.r = acc->n_r > 0 ? acc->sum_r / (double)acc->n_r : 0.0;
    r.f1 = r.p + r.r > 0 ? 2 * r.p * r.r / (r.p + r.r) : 0.0;
    r.accuracy = n > 0 ? (double)acc->n_same / (double)n : 0.0;
    return r;
}

px_status
px_eval_shingle_score(const px_str *gold, const px_str *pred, size_t n,
                      px_prf *out, px_error *err)
{
    scratch s = {0};
    sh_acc acc = {0, 0, 0, 0, 0};
    px_status rc = PX_OK;
    for (size_t i = 0; i < n; i++) {
        if (!tokenize(gold[i], &s.tg) || !tokenize(pred[i], &s.tp) ||
            !make_items(&s.tg, SHINGLE_N, &s.ig) ||
            !make_items(&s.tp, SHINGLE_N, &s.ip)) {
            rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
            goto done;
        }
        acc.n_same += same_tokens(&s.tg, &s.tp) ? 1 : 0;
        sh_add(&acc, compare_items(&s.ig, &s.ip));
    }
    *out = sh_finish(&acc, n);
done:
    scratch_fini(&s);
    return rc;
}

/* Lower-cases s into slot (Python str.lower: full case mapping). */
static bool
lower_into(scratch *s, int slot, px_str in, px_str *out)
{
    *out = (px_str){"", 0};
    if (in.ptr == NULL || in.len == 0) {
        return true;
    }
    UErrorCode st = U_ZERO_ERROR;
    UCaseMap *cm = ucasemap_open("", U_FOLD_CASE_DEFAULT, &st);
    int32_t n = 0;
    for (int tries = 0; tries < 2 && cm != NULL; tries++) {
        st = U_ZERO_ERROR;
        n = ucasemap_utf8ToLower(cm, s->lower[slot],
                                 (int32_t)s->lower_cap[slot], in.ptr,
                                 (int32_t)in.len, &st);
        if (st != U_BUFFER_OVERFLOW_ERROR) {
            break;
        }
        char *b = px_realloc(s->lower[slot], (size_t)n + 1);
        if (b == NULL) {
            break;
        }
        s->lower[slot] = b;
        s->lower_cap[slot] = (size_t)n + 1;
    }
    ucasemap_close(cm);
    if (cm == NULL || U_FAILURE(st)) {
        return false;
    }
    *out = (px_str){s->lower[slot], (size_t)n};
    return true;
}

typedef struct macro_acc {
    double sum_p, sum_r, sum_f;
} macro_acc;

/* WCXB's per-page rules for a bag or multiset comparison. */
static void
macro_add(macro_acc *acc, counts c)
{
    const size_t n_gold = c.tp + c.fn;
    const size_t n_pred = c.tp + c.fp;
    if (n_gold == 0 || n_pred == 0) {
        const double v = (n_gold == 0 && n_pred == 0) ? 1.0 : 0.0;
        acc->sum_p += v;
        acc->sum_r += v;
        acc->sum_f += v;
        return;
    }
    const double p = (double)c.tp / (double)n_pred;
    const double r = (double)c.tp / (double)n_gold;
    acc->sum_p += p;
    acc->sum_r += r;
    acc->sum_f += p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static px_prf
macro_finish(const macro_acc *acc, size_t n)
{
    const double d = n > 0 ? (double)n : 1.0;
    return (px_prf){acc->sum_p / d, acc->sum_r / d, acc->sum_f / d, -1.0, n};
}

px_status
px_eval_bow_score(const px_str *gold, const px_str *pred, size_t n, px_prf *out,
                  px_error *err)
{
    scratch s = {0};
    macro_acc acc = {0, 0, 0};
    px_status rc = PX_OK;
    for (size_t i = 0; i < n; i++) {
        px_str lg;
        px_str lp;
        if (!lower_into(&s, 0, gold[i], &lg) ||
            !lower_into(&s, 1, pred[i], &lp) || !tokenize(lg, &s.tg) ||
            !tokenize(lp, &s.tp) || !make_items(&s.tg, 1, &s.ig) ||
            !make_items(&s.tp, 1, &s.ip)) {
            rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
            goto done;
        }
        macro_add(&acc, compare_items(&s.ig, &s.ip));
    }
    *out = macro_finish(&acc, n);
done:
    scratch_fini(&s);
    return rc;
}

static bool
is_cjk_kept(UChar32 c)
{
    const uint32_t drop = U_GC_P_MASK | U_GC_Z_MASK | U_GC_C_MASK;
    return c >= 0 && !u_isUWhiteSpace(c) && (U_GET_GC_MASK(c) & drop) == 0;
}

static bool
cjk_chars(px_str s, toks *t)
{
    t->n = 0;
    size_t i = 0;
    while (s.ptr != NULL && i < s.len) {
        const size_t at = i;
        UChar32 c;
        U8_NEXT(s.ptr, i, s.len, c);
        if (is_cjk_kept(c)) {
            toks_push(t, (px_str){s.ptr + at, i - at});
        }
    }
    return !t->failed;
}

px_status
px_eval_cjk_score(const px_str *gold, const px_str *pred, size_t n, px_prf *out,
                  px_error *err)
{
    scratch s = {0};
    macro_acc acc = {0, 0, 0};
    px_status rc = PX_OK;
    for (size_t i = 0; i < n; i++) {
        if (!cjk_chars(gold[i], &s.tg) || !cjk_chars(pred[i], &s.tp) ||
            !make_items(&s.tg, 2, &s.ig) || !make_items(&s.tp, 2, &s.ip)) {
            rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
            goto done;
        }
        macro_add(&acc, compare_items(&s.ig, &s.ip));
    }
    *out = macro_finish(&acc, n);
done:
    scratch_fini(&s);
    return rc;
}

/* Python's str.isspace(), which \s and str.strip() use. */
static bool
is_py_space(UChar32 c)
{
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
        c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)) {
        return true;
    }
    return c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

/* `re.sub(r'\s+', ' ', s).strip()` into b (b is reset). */
static void
normalize_ws(px_str s, px_buf *b)
{
    b->len = 0;
    bool pending = false;
    size_t i = 0;
    while (s.ptr != NULL && i < s.len) {
        const size_t at = i;
        UChar32 c;
        U8_NEXT(s.ptr, i, s.len, c);
        if (is_py_space(c)) {
            pending = b->len > 0;
            continue;
        }
        if (pending) {
            px_buf_add_byte(b, ' ');
            pending = false;
        }
        px_buf_add(b, s.ptr + at, i - at);
    }
}

typedef struct seg_counts {
    size_t tp, fn, fp, tn;
} seg_counts;

static size_t
count_present(const px_str *segs, size_t n, px_str text, px_buf *tmp)
{
    size_t k = 0;
    for (size_t i = 0; i < n && text.len > 0; i++) {
        normalize_ws(segs[i], tmp);
        if (px_str_find(text, tmp->ptr, tmp->len) != NULL) {
            k++;
        }
    }
    return k;
}

static void
segs_add(seg_counts *c, const px_eval_segs *pg, px_str text, px_buf *tmp)
{
    const size_t w = count_present(pg->with, pg->n_with, text, tmp);
    const size_t wo = count_present(pg->without, pg->n_without, text, tmp);
    c->tp += w;
    c->fn += pg->n_with - w;
    c->fp += wo;
    c->tn += pg->n_without - wo;
}

static double
safe_div(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

px_status
px_eval_segment_score(const px_eval_segs *pages, const px_str *pred, size_t n,
                      px_prf *out, px_error *err)
{
    px_buf text;
    px_buf tmp;
    px_buf_init(&text);
    px_buf_init(&tmp);
    seg_counts c = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        normalize_ws(pred[i], &text);
        segs_add(&c, &pages[i], (px_str){text.ptr, text.len}, &tmp);
    }
    const bool failed = px_buf_failed(&text) || px_buf_failed(&tmp);
    px_buf_fini(&text);
    px_buf_fini(&tmp);
    if (failed) {
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    const double tp = (double)c.tp;
    const double all = (double)(c.tp + c.fn + c.fp + c.tn);
    out->p = safe_div(tp, tp + (double)c.fp);
    out->r = safe_div(tp, tp + (double)c.fn);
    out->f1 = safe_div(2 * tp, 2 * tp + (double)c.fp + (double)c.fn);
    out->accuracy = safe_div(tp + (double)c.tn, all);
    out->n_pages = n;
    return PX_OK;
}
