/* report.c - the HTML report: one self-contained page (inline CSS, no
 * scripts, no external resources) with the largest stories and their
 * sheets. Sources are columns; differing figures are highlighted; each
 * source's text is shown with its figures, dates and quotes marked. All
 * article text is untrusted and goes through px_html_esc(). */
#include <stdlib.h>
#include <string.h>

#include "html_out.h"
#include "sheet.h"

#define MAX_MARKS 4096
/* Sources (columns) per story in the report: the first article of each
 * copy group first (see px_sheet_build_n); `parallax show` has them all. */
#define PX_REPORT_MAX_SOURCES 16

static const char css[] =
    "body{font-family:'Noto Sans','Noto Sans CJK SC','Noto Sans Arabic',"
    "'DejaVu Sans',sans-serif;margin:1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0;width:100%;"
    "table-layout:fixed}"
    "td,th{border:1px solid #ccc;padding:.3em;vertical-align:top;"
    "font-size:.9em}th{background:#f3f3f3}"
    "tr.diff td{background:#ffe3e3}mark.fig{background:#fff0a0}"
    "mark.figdiff{background:#ffb3b3;font-weight:bold}"
    "mark.date{background:#cfe8ff}mark.q{background:#d8f5d0}"
    ".text{white-space:pre-wrap;max-height:30em;overflow:auto;"
    "font-size:.85em}.src{font-size:.8em;color:#555}"
    "section{border-top:3px solid #444;margin-top:2em}";

static void
esc_span(px_buf *b, const px_sheet *sh, px_span sp)
{
    const px_sheet_src *s = &sh->srcs[sp.src];
    if ((size_t)sp.off + sp.len <= s->text.len) {
        px_html_esc(b, s->text.ptr + sp.off, sp.len);
    }
}

static void
td_open(px_buf *b, const px_sheet_src *s)
{
    px_buf_printf(b, "<td dir=\"%s\">", s->is_rtl ? "rtl" : "ltr");
}

static void
html_sources(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "<tr><th></th>");
    for (size_t k = 0; k < sh->n_srcs; k++) {
        const px_sheet_src *s = &sh->srcs[k];
        px_buf_printf(b, "<th dir=\"%s\">S%zu ", s->is_rtl ? "rtl" : "ltr",
                      k + 1);
        px_html_esc_c(b, s->a->title);
        px_buf_add_c(b, "<div class=\"src\">");
        px_html_esc_c(b, s->a->site != NULL ? s->a->site : s->a->id);
        px_buf_printf(b, " · %s · ", s->a->prof.lang);
        px_html_esc_c(b, s->a->published);
        px_buf_add_c(b, "</div></th>");
    }
    px_buf_add_c(b, "</tr>\n");
}

static void
html_figs(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "<h3>Figures</h3><table>");
    html_sources(b, sh);
    for (size_t i = 0; i < sh->n_figs; i++) {
        const px_sheet_fig *g = &sh->figs[i];
        if (g->n_sources < 2 && !g->has_several) {
            continue;
        }
        px_buf_printf(
            b, "<tr%s><td>%s%s</td>", g->differs ? " class=\"diff\"" : "",
            px_unit_name(g->unit), g->differs ? " <b>differs</b>" : "");
        for (size_t k = 0; k < sh->n_srcs; k++) {
            td_open(b, &sh->srcs[k]);
            for (size_t j = 0; j < g->n_vals; j++) {
                const px_sheet_val *v = &g->vals[j];
                if (v->src == k) {
                    px_buf_printf(b, "<b>%.15g</b> ", v->fig->value);
                    esc_span(b, sh,
                             (px_span){v->src, (uint32_t)v->fig->sent_off,
                                       (uint32_t)v->fig->sent_len});
                    px_buf_add_c(b, "<br>");
                }
            }
            px_buf_add_c(b, "</td>");
        }
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table>");
}

static void
html_actors(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "<h3>Actors and places</h3><table>");
    html_sources(b, sh);
    for (size_t i = 0; i < sh->n_actors; i++) {
        const px_sheet_actor *x = &sh->actors[i];
        const px_str g = px_lex_concept_gloss(sh->lex, x->c);
        px_buf_add_c(b, "<tr><td>");
        px_html_esc(b, g.ptr, g.len);
        px_buf_printf(b, " (%zu)</td>", x->n_names);
        for (size_t k = 0; k < sh->n_srcs; k++) {
            td_open(b, &sh->srcs[k]);
            if (x->names[k].len > 0) {
                esc_span(b, sh, x->names[k]);
            }
            px_buf_add_c(b, "</td>");
        }
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table>");
}

static void
html_days(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "<h3>Timeline</h3><table>");
    html_sources(b, sh);
    for (size_t i = 0; i < sh->n_days; i++) {
        const px_sheet_day *d = &sh->days[i];
        bool differs = false;
        for (size_t j = 0; j < sh->n_ddiffs; j++) {
            differs = differs || strcmp(sh->ddiffs[j].day_a, d->date) == 0 ||
                      strcmp(sh->ddiffs[j].day_b, d->date) == 0;
        }
        px_buf_printf(b, "<tr%s><td>%s%s</td>",
                      differs ? " class=\"diff\"" : "", d->date,
                      differs ? " <b>dates differ</b>" : "");
        for (size_t k = 0; k < sh->n_srcs; k++) {
            td_open(b, &sh->srcs[k]);
            for (size_t j = 0; j < d->n_spans; j++) {
                if (d->spans[j].src == k) {
                    esc_span(b, sh, d->spans[j]);
                    px_buf_add_c(b, "<br>");
                }
            }
            px_buf_add_c(b, "</td>");
        }
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table>");
}

static void
html_claims(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "<h3>Claims</h3><table>");
    html_sources(b, sh);
    for (size_t i = 0; i < sh->n_claims && sh->claims[i].n > 1; i++) {
        const px_sheet_claim *c = &sh->claims[i];
        px_buf_printf(b, "<tr><td>said by %s (%zu)</td>",
                      px_sheet_support(c->n, sh->n_srcs), c->n);
        for (size_t k = 0; k < sh->n_srcs; k++) {
            td_open(b, &sh->srcs[k]);
            for (size_t j = 0; j < c->n; j++) {
                if (c->sents[j].src == k) {
                    esc_span(b, sh, c->sents[j]);
                }
            }
            px_buf_add_c(b, "</td>");
        }
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table>");
}

static void
html_quotes(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "<h3>Quotes</h3><table><tr><th>speaker</th><th>#</th>"
                    "<th>source</th><th>words</th></tr>");
    for (size_t i = 0; i < sh->n_quotes; i++) {
        const px_sheet_quote *q = &sh->quotes[i];
        const px_str g =
            q->who != 0 ? px_lex_concept_gloss(sh->lex, q->who) : px_str_c("?");
        px_buf_add_c(b, "<tr><td>");
        px_html_esc(b, g.ptr, g.len);
        px_buf_printf(b, "</td><td>%zu</td><td>S%u</td>", q->group,
                      q->span.src + 1);
        td_open(b, &sh->srcs[q->span.src]);
        px_buf_add_c(b, q->is_direct ? "“" : "");
        esc_span(b, sh, q->span);
        px_buf_add_c(b, q->is_direct ? "”</td></tr>\n" : "</td></tr>\n");
    }
    px_buf_add_c(b, "</table>");
}

typedef struct mark {
    size_t off;
    size_t len;
    const char *cls;
} mark;

static int
by_off(const void *a, const void *b)
{
    const mark *x = a;
    const mark *y = b;
    return (x->off > y->off) - (x->off < y->off);
}

/* Whether figure f lies in a group whose sources differ. */
static bool
fig_differs(const px_sheet *sh, const px_figure *f)
{
    for (size_t i = 0; i < sh->n_figs; i++) {
        for (size_t j = 0; j < sh->figs[i].n_vals; j++) {
            if (sh->figs[i].vals[j].fig == f) {
                return sh->figs[i].differs;
            }
        }
    }
    return false;
}

static size_t
marks_of(const px_sheet *sh, size_t k, mark *m)
{
    const px_sheet_src *s = &sh->srcs[k];
    size_t n = 0;
    for (size_t i = 0; i < s->n_figs && n < MAX_MARKS; i++) {
        m[n++] = (mark){s->figs[i].off, s->figs[i].len,
                        fig_differs(sh, &s->figs[i]) ? "figdiff" : "fig"};
    }
    for (size_t i = 0; i < s->n_dates && n < MAX_MARKS; i++) {
        m[n++] = (mark){s->dates[i].off, s->dates[i].len, "date"};
    }
    for (size_t i = 0; i < sh->n_quotes && n < MAX_MARKS; i++) {
        const px_sheet_quote *q = &sh->quotes[i];
        if (q->span.src == k && q->is_direct) {
            m[n++] = (mark){q->span.off, q->span.len, "q"};
        }
    }
    qsort(m, n, sizeof *m, by_off);
    return n;
}

/* The source's text with its marks (overlapping marks are dropped). */
static void
html_text(px_buf *b, const px_sheet *sh, size_t k, mark *m)
{
    const px_sheet_src *s = &sh->srcs[k];
    const size_t n = marks_of(sh, k, m);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (m[i].off < at || m[i].off + m[i].len > s->text.len) {
            continue;
        }
        px_html_esc(b, s->text.ptr + at, m[i].off - at);
        px_buf_printf(b, "<mark class=\"%s\">", m[i].cls);
        px_html_esc(b, s->text.ptr + m[i].off, m[i].len);
        px_buf_add_c(b, "</mark>");
        at = m[i].off + m[i].len;
    }
    px_html_esc(b, s->text.ptr + at, s->text.len - at);
}

static void
html_texts(px_buf *b, const px_sheet *sh, mark *m)
{
    px_buf_add_c(b, "<h3>Texts</h3><table>");
    html_sources(b, sh);
    px_buf_add_c(b, "<tr><td></td>");
    for (size_t k = 0; k < sh->n_srcs; k++) {
        px_buf_printf(b, "<td dir=\"%s\"><div class=\"text\">",
                      sh->srcs[k].is_rtl ? "rtl" : "ltr");
        html_text(b, sh, k, m);
        px_buf_add_c(b, "</div></td>");
    }
    px_buf_add_c(b, "</tr></table>");
}

void
px_sheet_write_html(const px_sheet *sh, size_t rank, px_buf *b)
{
    mark *m = px_malloc(MAX_MARKS * sizeof *m);
    px_buf_printf(b, "<section id=\"story%zu\"><h2>%zu. ", rank, rank);
    size_t t = 0;
    while (t + 1 < sh->n_srcs &&
           (sh->srcs[t].a->title == NULL || sh->srcs[t].a->title[0] == '\0')) {
        t++;
    }
    px_buf_printf(b, "<span dir=\"%s\">", sh->srcs[t].is_rtl ? "rtl" : "ltr");
    px_html_esc_c(b, sh->srcs[t].a->title);
    px_buf_add_c(b, "</span>");
    if (sh->n_arts > sh->n_srcs) {
        px_buf_printf(b, " <small>(%zu sources of %zu articles)</small></h2>\n",
                      sh->n_srcs, sh->n_arts);
    } else {
        px_buf_printf(b, " <small>(%zu sources)</small></h2>\n", sh->n_srcs);
    }
    html_figs(b, sh);
    html_days(b, sh);
    html_claims(b, sh);
    html_quotes(b, sh);
    html_actors(b, sh);
    if (m != NULL) {
        html_texts(b, sh, m);
    }
    free(m);
    px_buf_add_c(b, "</section>\n");
}

px_status
px_storyset_report_html(const px_storyset *s, size_t max_stories, char **out,
                        size_t *len, px_error *err)
{
    *out = NULL;
    if (!s->is_clustered) {
        return px_fail(err, PX_EINVAL, "report: stories not clustered yet");
    }
    px_buf b;
    px_buf_init(&b);
    px_buf_printf(&b,
                  "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                  "charset=\"utf-8\"><title>parallax report</title>"
                  "<style>%s</style></head><body><h1>parallax: %zu "
                  "articles, %zu stories</h1>\n",
                  css, s->n_arts, s->n_stories);
    size_t *sizes = px_malloc((s->n_stories + 1) * sizeof *sizes);
    size_t *ranked = sizes != NULL ? px_story_ranked(s, sizes) : NULL;
    if (sizes == NULL || ranked == NULL) {
        free(sizes);
        free(ranked);
        px_buf_fini(&b);
        return px_fail(err, PX_ENOMEM, "report: out of memory");
    }
    px_status rc = PX_OK;
    size_t shown = 0;
    for (size_t r = 0; rc == PX_OK && r < s->n_stories && sizes[r] >= 2; r++) {
        if (max_stories > 0 && shown >= max_stories) {
            break;
        }
        px_sheet *sh = NULL;
        rc = px_sheet_build_n(s, ranked[r], PX_REPORT_MAX_SOURCES, &sh, err);
        if (rc == PX_OK) {
            px_sheet_write_html(sh, ++shown, &b);
        }
        px_sheet_free(sh);
    }
    free(sizes);
    free(ranked);
    px_buf_add_c(&b, "</body></html>\n");
    if (rc != PX_OK) {
        px_buf_fini(&b);
        return rc;
    }
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "report: out of memory");
}
