/* sheet_align.c - lining sources up (sheet.h): figures grouped by what
 * they count, sentences aligned into claims (quotes: sheet_quote.c).
 *
 * Figures of a specific unit (deaths, injured, troops, questions, money)
 * count one quantity per story; figures of a generic unit (people, none,
 * percent, ...) are joined when two sources give the same value or state
 * them in alike sentences. Claims are built greedily in source order: a
 * sentence joins the claim of its most similar earlier sentence of another
 * source when that similarity reaches PX_SHEET_CLAIM_SIM and the claim has
 * no sentence of its source yet.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "sheet.h"

#define PX_SHEET_CLAIM_SIM   0.30
#define PX_SHEET_CLAIM_LOOSE 0.22
#define PX_SHEET_MAX_EXTEND  24   /* widest claims that take looser matches */
#define PX_SHEET_CLAIM_PEERS 6    /* members a looser match is compared with */
#define PX_SHEET_CLAIM_COVER 0.8  /* share of a claim's anchors */
#define PX_SHEET_CLAIM_FLOOR 0.08 /* least likeness with anchors */
#define PX_SHEET_FIG_SIM     0.35
/* Close values (within a quarter) in loosely alike sentences: reports
 * that disagree on a figure mostly give neighbouring numbers. */
#define PX_SHEET_NEAR     0.25
#define PX_SHEET_NEAR_SIM 0.15

typedef struct fig_ref {
    uint32_t src;
    uint32_t fig;
    size_t sent; /* its sentence in the source, or SIZE_MAX */
} fig_ref;

static bool
is_specific(px_unit u)
{
    return u == PX_UNIT_DEATHS || u == PX_UNIT_INJURED || u == PX_UNIT_TROOPS ||
           u == PX_UNIT_QUESTIONS || u == PX_UNIT_MONEY_USD ||
           u == PX_UNIT_MONEY_EUR || u == PX_UNIT_MONEY_CNY ||
           u == PX_UNIT_MONEY_GBP;
}

static bool
same_value(double a, double b)
{
    return fabs(a - b) <= 0.005 * fmax(fabs(a), fabs(b));
}

static bool
is_near(double a, double b)
{
    return fabs(a - b) <= PX_SHEET_NEAR * fmax(fabs(a), fabs(b));
}

/* Whether figures x and y count one quantity, in three passes from the
 * surest link: (0) compatible units (equal, or one unknown) and the same
 * value in two sources; (1) one specific unit, or the same counted word;
 * (2) alike sentences, or close values in loosely alike sentences or as
 * both sources' first figure (the number a report leads with). */
static bool
fig_link(const px_sheet *sh, fig_ref x, fig_ref y, int pass)
{
    const px_sheet_src *sa = &sh->srcs[x.src];
    const px_sheet_src *sb = &sh->srcs[y.src];
    const px_figure *a = &sa->figs[x.fig];
    const px_figure *b = &sb->figs[y.fig];
    const bool specific = a->unit == b->unit && is_specific(a->unit);
    if (a->is_percent != b->is_percent) {
        return false;
    }
    if (pass == 1 && specific) {
        return true;
    }
    if (x.src == y.src || (a->unit != b->unit && a->unit != PX_UNIT_NONE &&
                           b->unit != PX_UNIT_NONE)) {
        return false;
    }
    if (pass == 0) {
        return same_value(a->value, b->value);
    }
    const px_concept wa = sa->fig_what[x.fig];
    if (pass == 1) {
        return wa != 0 && wa == sb->fig_what[y.fig];
    }
    if (x.sent == SIZE_MAX || y.sent == SIZE_MAX) {
        return false;
    }
    const double sim = px_sheet_sim(&sa->sents[x.sent], &sb->sents[y.sent]);
    const bool near = is_near(a->value, b->value);
    const bool leads = x.fig == 0 && y.fig == 0;
    return sim >= PX_SHEET_FIG_SIM ||
           (near && (sim >= PX_SHEET_NEAR_SIM || leads));
}

/* Whether two figures may not share a group: one source giving two
 * values of no specific common unit (38 km away, 45 km deep), or of one
 * specific unit but far apart (a loan of 3.2 billion and its first
 * tranche of 820 million; 23 injured, 4 of them seriously). */
static bool
fig_conflict(const px_sheet *sh, fig_ref x, fig_ref y)
{
    if (x.src != y.src) {
        return false;
    }
    const px_figure *a = &sh->srcs[x.src].figs[x.fig];
    const px_figure *b = &sh->srcs[y.src].figs[y.fig];
    return !same_value(a->value, b->value) &&
           !(a->unit == b->unit && is_specific(a->unit) &&
             is_near(a->value, b->value));
}

/* Whether the components of a and b may merge (no conflicting pair);
 * next links each component's members in a ring. */
static bool
may_merge(const px_sheet *sh, const fig_ref *refs, const size_t *next, size_t a,
          size_t b)
{
    size_t i = a;
    do {
        size_t j = b;
        do {
            if (fig_conflict(sh, refs[i], refs[j])) {
                return false;
            }
            j = next[j];
        } while (j != b);
        i = next[i];
    } while (i != a);
    return true;
}

/* Whether groups (rings) a and b hold two estimates of one quantity:
 * close values of compatible units that two sources or more state in one
 * sentence, two sources or more giving a's first and two or more b's
 * ("the USGS put it at 7.1, while the national centre measured 6.9"; one
 * source's word order alone is no disagreement). The sources then differ
 * in the value they lead with. */
static bool
are_estimates(const px_sheet *sh, const fig_ref *refs, const size_t *next,
              size_t a, size_t b)
{
    const px_figure *x = &sh->srcs[refs[a].src].figs[refs[a].fig];
    const px_figure *y = &sh->srcs[refs[b].src].figs[refs[b].fig];
    if (same_value(x->value, y->value) || !is_near(x->value, y->value) ||
        x->is_percent != y->is_percent ||
        (x->unit != y->unit && x->unit != PX_UNIT_NONE &&
         y->unit != PX_UNIT_NONE)) {
        return false;
    }
    uint32_t first[2][64];
    uint64_t together = 0;
    memset(first, 0xff, sizeof first);
    size_t i = a;
    do {
        uint32_t *f = &first[0][refs[i].src % 64];
        *f = refs[i].fig < *f ? refs[i].fig : *f;
        size_t j = b;
        do {
            if (i == a) {
                uint32_t *g = &first[1][refs[j].src % 64];
                *g = refs[j].fig < *g ? refs[j].fig : *g;
            }
            if (refs[i].src == refs[j].src && refs[i].sent == refs[j].sent &&
                refs[i].sent != SIZE_MAX) {
                together |= (uint64_t)1 << (refs[i].src % 64);
            }
            j = next[j];
        } while (j != b);
        i = next[i];
    } while (i != a);
    size_t a_first = 0;
    size_t b_first = 0;
    for (size_t k = 0; k < 64; k++) {
        if (first[0][k] != UINT32_MAX && first[1][k] != UINT32_MAX) {
            a_first += first[0][k] < first[1][k];
            b_first += first[1][k] < first[0][k];
        }
    }
    return __builtin_popcountll(together) >= 2 && a_first >= 2 && b_first >= 2;
}

/* Merges the groups that hold estimates of one quantity. */
static void
merge_estimates(const px_sheet *sh, const fig_ref *refs, size_t *p,
                size_t *next, size_t n)
{
    for (size_t a = 0; a < n; a++) {
        for (size_t b = a + 1; b < n && px_sheet_uf_find(p, a) == a; b++) {
            if (px_sheet_uf_find(p, b) == b &&
                are_estimates(sh, refs, next, a, b)) {
                p[b] = a;
                const size_t t = next[a];
                next[a] = next[b];
                next[b] = t;
            }
        }
    }
}

/* Whether source src gives value v in group g. */
static bool
src_gives(const px_sheet_fig *g, uint32_t src, double v)
{
    for (size_t q = 0; q < g->n_vals; q++) {
        if (g->vals[q].src == src && same_value(g->vals[q].fig->value, v)) {
            return true;
        }
    }
    return false;
}

/* Whether source a gives a value source b does not. */
static bool
gives_more(const px_sheet_fig *g, uint32_t a, uint32_t b)
{
    for (size_t q = 0; q < g->n_vals; q++) {
        if (g->vals[q].src == a && !src_gives(g, b, g->vals[q].fig->value)) {
            return true;
        }
    }
    return false;
}

/* Flags of a group whose values are in source then text order. Sources
 * differ when their first values differ, or when each gives a value the
 * other does not (one source adding a detail, such as how many of the
 * injured are seriously hurt, is no difference). */
static void
fig_flags(px_sheet_fig *g)
{
    for (size_t i = 0; i < g->n_vals; i++) {
        const px_sheet_val *v = &g->vals[i];
        bool lead = true;
        for (size_t j = 0; j < i; j++) {
            const px_sheet_val *w = &g->vals[j];
            if (w->src == v->src) {
                lead = false;
                g->has_several =
                    g->has_several || !same_value(w->fig->value, v->fig->value);
            }
        }
        g->vals[i].is_lead = lead;
        g->n_sources += lead;
    }
    for (size_t i = 0; i < g->n_vals; i++) {
        const px_sheet_val *v = &g->vals[i];
        for (size_t j = 0; j < g->n_vals && v->is_lead; j++) {
            const px_sheet_val *w = &g->vals[j];
            if (w->src == v->src || !w->is_lead) {
                continue;
            }
            g->lead_differs =
                g->lead_differs || !same_value(w->fig->value, v->fig->value);
            g->differs = g->differs || g->lead_differs ||
                         (gives_more(g, v->src, w->src) &&
                          gives_more(g, w->src, v->src));
        }
    }
}

static int
by_sources(const void *a, const void *b)
{
    const px_sheet_fig *x = a;
    const px_sheet_fig *y = b;
    if (x->differs != y->differs) {
        return x->differs ? -1 : 1;
    }
    return (x->n_sources < y->n_sources) - (x->n_sources > y->n_sources);
}

/* Turns the union-find components into groups (in arena). */
static px_status
fig_groups(px_sheet *sh, const fig_ref *refs, size_t *p, size_t n,
           px_error *err)
{
    sh->figs = px_arena_calloc(sh->arena, n + 1, sizeof *sh->figs);
    size_t *slot = px_malloc((n + 1) * sizeof *slot);
    if (sh->figs == NULL || slot == NULL) {
        free(slot);
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        const size_t r = px_sheet_uf_find(p, i);
        if (r == i) {
            slot[i] = sh->n_figs++;
            sh->figs[slot[i]].vals =
                px_arena_calloc(sh->arena, n, sizeof(px_sheet_val));
            sh->figs[slot[i]].unit =
                sh->srcs[refs[i].src].figs[refs[i].fig].unit;
        }
    }
    for (size_t i = 0; i < n; i++) {
        px_sheet_fig *g = &sh->figs[slot[px_sheet_uf_find(p, i)]];
        const px_unit u = sh->srcs[refs[i].src].figs[refs[i].fig].unit;
        g->unit = g->unit == PX_UNIT_NONE ? u : g->unit;
        if (g->what == 0) {
            g->what = sh->srcs[refs[i].src].fig_what[refs[i].fig];
        }
        if (g->vals != NULL) {
            g->vals[g->n_vals++] = (px_sheet_val){
                &sh->srcs[refs[i].src].figs[refs[i].fig], refs[i].src, false};
        }
    }
    free(slot);
    for (size_t k = 0; k < sh->n_figs; k++) {
        fig_flags(&sh->figs[k]);
    }
    qsort(sh->figs, sh->n_figs, sizeof *sh->figs, by_sources);
    return px_arena_failed(sh->arena)
               ? px_fail(err, PX_ENOMEM, "sheet: out of memory")
               : PX_OK;
}

px_status
px_sheet_figures(px_sheet *sh, px_error *err)
{
    size_t n = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        n += sh->srcs[k].n_figs;
    }
    fig_ref *refs = px_malloc((n + 1) * sizeof *refs);
    size_t *p = px_malloc((n + 1) * sizeof *p);
    size_t *next = px_malloc((n + 1) * sizeof *next);
    px_status rc = PX_OK;
    if (refs == NULL || p == NULL || next == NULL) {
        rc = px_fail(err, PX_ENOMEM, "sheet: out of memory");
        goto done;
    }
    size_t i = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        const px_sheet_src *s = &sh->srcs[k];
        for (size_t f = 0; f < s->n_figs; f++) {
            refs[i] = (fig_ref){(uint32_t)k, (uint32_t)f,
                                px_sheet_sent_at(s, s->figs[f].off)};
            p[i] = i;
            next[i] = i;
            i++;
        }
    }
    for (int pass = 0; pass < 3; pass++) {
        for (size_t a = 0; a < n; a++) {
            for (size_t b = a + 1; b < n; b++) {
                const size_t ra = px_sheet_uf_find(p, a);
                const size_t rb = px_sheet_uf_find(p, b);
                if (ra != rb && fig_link(sh, refs[a], refs[b], pass) &&
                    may_merge(sh, refs, next, a, b)) {
                    p[rb] = ra;
                    const size_t t = next[a]; /* join the two rings */
                    next[a] = next[b];
                    next[b] = t;
                }
            }
        }
    }
    merge_estimates(sh, refs, p, next, n);
    rc = fig_groups(sh, refs, p, n, err);
done:
    free(refs);
    free(p);
    free(next);
    return rc;
}

/* ---- claims ------------------------------------------------------- */

typedef struct sent_ref {
    uint32_t src;
    uint32_t sent;
} sent_ref;

static int
by_support(const void *a, const void *b)
{
    const px_sheet_claim *x = a;
    const px_sheet_claim *y = b;
    return (x->n < y->n) - (x->n > y->n);
}

typedef struct posting {
    uint64_t f;
    uint32_t idx; /* sentence number in refs order */
    float w;
} posting;

static int
by_posting(const void *a, const void *b)
{
    const posting *x = a;
    const posting *y = b;
    if (x->f != y->f) {
        return x->f < y->f ? -1 : 1;
    }
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Every (feature, sentence) pair, by feature then sentence: owned. */
static posting *
postings(const px_sheet *sh, const sent_ref *refs, size_t n, size_t *n_out)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += sh->srcs[refs[i].src].sents[refs[i].sent].n_feats;
    }
    posting *p = px_malloc((total + 1) * sizeof *p);
    *n_out = 0;
    for (size_t i = 0; p != NULL && i < n; i++) {
        const px_sheet_sent *x = &sh->srcs[refs[i].src].sents[refs[i].sent];
        for (size_t j = 0; j < x->n_feats && x->n_feats >= 2; j++) {
            p[(*n_out)++] = (posting){x->feats[j], (uint32_t)i, x->w[j]};
        }
    }
    if (p != NULL) {
        qsort(p, *n_out, sizeof *p, by_posting);
    }
    return p;
}

/* The first posting of feature f (lower bound). */
static size_t
first_posting(const posting *p, size_t n, uint64_t f)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (p[mid].f < f) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

typedef struct align_ctx {
    const posting *p;
    size_t n_p;
    double *acc;     /* dot product with each earlier sentence */
    size_t *touched; /* the sentences acc holds */
} align_ctx;

/* Dot products of sentence i with the earlier sentences sharing one of
 * its features (into ctx->acc); returns how many were touched. */
static size_t
dots(const px_sheet_sent *x, size_t i, align_ctx *c)
{
    size_t n_t = 0;
    for (size_t j = 0; j < x->n_feats; j++) {
        for (size_t q = first_posting(c->p, c->n_p, x->feats[j]);
             q < c->n_p && c->p[q].f == x->feats[j] && c->p[q].idx < i; q++) {
            if (c->acc[c->p[q].idx] == 0.0) {
                c->touched[n_t++] = c->p[q].idx;
            }
            c->acc[c->p[q].idx] += (double)x->w[j] * c->p[q].w;
        }
    }
    return n_t;
}

/* The claim of each sentence, greedily (see the file header); only
 * sentences sharing a feature are compared (an inverted index). */
static size_t
align(px_sheet *sh, const sent_ref *refs, size_t n, uint64_t *masks,
      align_ctx *c)
{
    size_t n_claims = 0;
    for (size_t i = 0; i < n; i++) {
        px_sheet_sent *x = &sh->srcs[refs[i].src].sents[refs[i].sent];
        double best = PX_SHEET_CLAIM_SIM;
        size_t best_claim = SIZE_MAX;
        const uint64_t bit = (uint64_t)1 << refs[i].src;
        const size_t n_t = x->n_feats >= 2 ? dots(x, i, c) : 0;
        for (size_t t = 0; t < n_t; t++) {
            const size_t j = c->touched[t];
            const px_sheet_sent *y = &sh->srcs[refs[j].src].sents[refs[j].sent];
            const double d = x->norm * y->norm;
            const double sim = d > 0 ? c->acc[j] / d : 0.0;
            c->acc[j] = 0.0;
            if (refs[j].src == refs[i].src || (masks[y->claim] & bit)) {
                continue;
            }
            if (sim > best || (sim == best && best_claim != SIZE_MAX &&
                               y->claim > best_claim)) {
                best = sim;
                best_claim = y->claim;
            }
        }
        if (best_claim == SIZE_MAX) {
            best_claim = n_claims++;
            masks[best_claim] = 0;
        }
        x->claim = best_claim;
        masks[best_claim] |= bit;
    }
    return n_claims;
}

/* How alike sentence x is to claim c (its best member among the first
 * PX_SHEET_CLAIM_PEERS). */
static double
claim_sim(const px_sheet *sh, const px_sheet_claim *c, const px_sheet_sent *x)
{
    double best = 0.0;
    for (size_t j = 0; j < c->n_aligned && j < PX_SHEET_CLAIM_PEERS; j++) {
        const px_sheet_src *s = &sh->srcs[c->sents[j].src];
        const size_t si = px_sheet_sent_at(s, c->sents[j].off);
        const double sim =
            si != SIZE_MAX ? px_sheet_sim(x, &s->sents[si]) : 0.0;
        best = sim > best ? sim : best;
    }
    return best;
}

/* Whether feature f anchors a claim across languages: a person or
 * country, a place by name, or a figure's value. */
static bool
is_anchor(const px_sheet *sh, uint64_t f)
{
    const uint64_t kind = f >> 56;
    if (kind == PX_SHEET_FEAT_PLACE || kind == PX_SHEET_FEAT_VALUE) {
        return true;
    }
    if (kind != PX_SHEET_FEAT_CONCEPT) {
        return false;
    }
    const px_str n = px_lex_concept_name(sh->lex, (px_concept)f);
    return n.len > 2 && (n.ptr[0] == 'n' || n.ptr[0] == 'c') && n.ptr[1] == ':';
}

/* The anchors two aligned members of claim c or more share, with their
 * greatest weight (at most max; their count returned). */
static size_t
claim_anchors(const px_sheet *sh, const px_sheet_claim *c, uint64_t *f,
              float *w, size_t max)
{
    size_t n = 0;
    for (size_t j = 0; j < c->n_aligned && j < PX_SHEET_CLAIM_PEERS; j++) {
        const px_sheet_src *s = &sh->srcs[c->sents[j].src];
        const px_sheet_sent *x =
            &s->sents[px_sheet_sent_at(s, c->sents[j].off)];
        for (size_t q = 0; q < x->n_feats; q++) {
            size_t a = 0;
            while (a < n && f[a] != x->feats[q]) {
                a++;
            }
            if (a < n) {
                w[a] = -fmaxf(fabsf(w[a]), x->w[q]); /* seen twice */
            } else if (n < max && is_anchor(sh, x->feats[q])) {
                f[n] = x->feats[q];
                w[n++] = x->w[q];
            }
        }
    }
    size_t k = 0;
    for (size_t a = 0; a < n; a++) {
        if (w[a] < 0) {
            f[k] = f[a];
            w[k++] = -w[a];
        }
    }
    return k;
}

/* The share of the anchors' weight that sentence x states. */
static double
anchor_cover(const px_sheet_sent *x, const uint64_t *f, const float *w,
             size_t n)
{
    double all = 0.0;
    double got = 0.0;
    for (size_t a = 0; a < n; a++) {
        all += w[a];
        size_t lo = 0;
        size_t hi = x->n_feats;
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (x->feats[mid] < f[a]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        got += lo < x->n_feats && x->feats[lo] == f[a] ? w[a] : 0.0;
    }
    return all > 0 ? got / all : 0.0;
}

/* Adds, for each source claim c lacks, the sentence that best states
 * the claim: its likeness to the claim plus the share of the claim's
 * anchors it states (names and figures two members share: they cross
 * languages more surely than wording). A sentence qualifies when it is
 * PX_SHEET_CLAIM_LOOSE alike and states half the anchors, or when it is
 * PX_SHEET_CLAIM_FLOOR alike and states PX_SHEET_CLAIM_COVER of them (a
 * claim without two anchors takes any sentence PX_SHEET_CLAIM_LOOSE
 * alike). The greedy pass gives each sentence one claim; a source may
 * state a claim in a sentence that already went to another one. */
static void
extend_claim(const px_sheet *sh, px_sheet_claim *c)
{
    uint64_t af[64];
    float aw[64];
    const size_t n_a = claim_anchors(sh, c, af, aw, 64);
    for (size_t k = 0; k < sh->n_srcs; k++) {
        bool has = false;
        for (size_t j = 0; j < c->n && !has; j++) {
            has = c->sents[j].src == k;
        }
        const px_sheet_src *s = &sh->srcs[k];
        double best = 0.0;
        size_t best_i = SIZE_MAX;
        for (size_t i = 0; i < s->n_sents && !has; i++) {
            const double sim = claim_sim(sh, c, &s->sents[i]);
            const double cover =
                n_a >= 2 ? anchor_cover(&s->sents[i], af, aw, n_a) : 1.0;
            const bool ok =
                (sim >= PX_SHEET_CLAIM_LOOSE && cover >= 0.5) ||
                (sim >= PX_SHEET_CLAIM_FLOOR && cover >= PX_SHEET_CLAIM_COVER);
            if (ok && sim + cover > best) {
                best = sim + cover;
                best_i = i;
            }
        }
        if (best_i != SIZE_MAX) {
            c->sents[c->n++] =
                (px_span){(uint32_t)k, (uint32_t)s->sents[best_i].off,
                          (uint32_t)s->sents[best_i].len};
        }
    }
}

static px_status
fill_claims(px_sheet *sh, const sent_ref *refs, size_t n, size_t n_claims,
            px_error *err)
{
    sh->claims = px_arena_calloc(sh->arena, n_claims + 1, sizeof *sh->claims);
    sh->n_claims = n_claims;
    for (size_t c = 0; sh->claims != NULL && c < n_claims; c++) {
        sh->claims[c].sents =
            px_arena_calloc(sh->arena, sh->n_srcs, sizeof(px_span));
    }
    if (sh->claims == NULL || px_arena_failed(sh->arena)) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        const px_sheet_sent *x = &sh->srcs[refs[i].src].sents[refs[i].sent];
        px_sheet_claim *c = &sh->claims[x->claim];
        c->sents[c->n++] =
            (px_span){refs[i].src, (uint32_t)x->off, (uint32_t)x->len};
    }
    for (size_t c = 0; c < n_claims; c++) {
        sh->claims[c].n_aligned = sh->claims[c].n;
    }
    qsort(sh->claims, sh->n_claims, sizeof *sh->claims, by_support);
    for (size_t c = 0; c < n_claims && c < PX_SHEET_MAX_EXTEND; c++) {
        if (sh->claims[c].n >= 2) {
            extend_claim(sh, &sh->claims[c]);
        }
    }
    qsort(sh->claims, sh->n_claims, sizeof *sh->claims, by_support);
    return PX_OK;
}

px_status
px_sheet_claims(px_sheet *sh, px_error *err)
{
    size_t n = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        n += sh->srcs[k].n_sents;
    }
    sent_ref *refs = px_malloc((n + 1) * sizeof *refs);
    uint64_t *masks = px_malloc((n + 1) * sizeof *masks);
    px_status rc = PX_OK;
    if (refs == NULL || masks == NULL) {
        rc = px_fail(err, PX_ENOMEM, "sheet: out of memory");
        goto done;
    }
    size_t i = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        for (size_t j = 0; j < sh->srcs[k].n_sents; j++) {
            refs[i++] = (sent_ref){(uint32_t)k, (uint32_t)j};
        }
    }
    size_t n_p = 0;
    posting *pp = postings(sh, refs, n, &n_p);
    align_ctx c = {pp, n_p, px_calloc(n + 1, sizeof(double)),
                   px_malloc((n + 1) * sizeof(size_t))};
    if (c.p == NULL || c.acc == NULL || c.touched == NULL) {
        rc = px_fail(err, PX_ENOMEM, "sheet: out of memory");
    } else {
        rc = fill_claims(sh, refs, n, align(sh, refs, n, masks, &c), err);
    }
    free(pp);
    free(c.acc);
    free(c.touched);
done:
    free(refs);
    free(masks);
    return rc;
}
