/* serve_story.c - the story page of the web UI: a "store_story" document
 * rendered as its sheet, the sources as columns (source k of the sheet is
 * articles[k] of the document). Sections: sources, figures (groups whose
 * sources differ highlighted), timeline with the dates that differ,
 * actors, claims by support, single-source claims, quotes by speaker and
 * framing words. Spans link to the article page at the span's mark. */
#include <string.h>

#include "html_out.h"
#include "serve_int.h"

/* Quotes grouped by speaker (quadratic): at most this many are shown. */
#define MAX_QUOTES 1000

typedef struct story_ctx {
    const json_t *arts; /* the document's articles: source k is arts[k] */
    size_t n;           /* number of sources */
    const json_t *sheet;
} story_ctx;

static const json_t *
src_art(const story_ctx *c, int64_t k)
{
    return k >= 0 && (size_t)k < c->n ? json_array_get(c->arts, (size_t)k)
                                      : NULL;
}

/* Opens a cell of source k's column, in its language and direction. */
static void
td_src(px_buf *b, const story_ctx *c, size_t k)
{
    px_buf_add_c(b, "<td");
    px_web_lang_dir_of(b, src_art(c, (int64_t)k));
    px_buf_add_byte(b, '>');
}

/* The header row of a table with a first column named first. */
static void
head_row(px_buf *b, const story_ctx *c, const char *first)
{
    px_buf_printf(b, "<tr><th class=\"what\">%s</th>", first);
    for (size_t k = 0; k < c->n; k++) {
        px_buf_printf(b, "<th>S%zu <span class=\"src\">", k + 1);
        px_web_esc(b, px_web_str(src_art(c, (int64_t)k), "site"));
        px_buf_add_c(b, "</span></th>");
    }
    px_buf_add_c(b, "</tr>\n");
}

/* The span's text as a link to its mark on its article's page. */
static void
span_link(px_buf *b, const story_ctx *c, const px_web_span *sp)
{
    const int64_t id = px_web_int(src_art(c, sp->src), "id", -1);
    if (id >= 0) {
        px_buf_printf(b, "<a href=\"/article/%lld#s-%zu\">", (long long)id,
                      sp->off);
    }
    px_web_esc(b, sp->text);
    px_buf_add_c(b, id >= 0 ? "</a>" : "");
}

static void
sources_table(px_buf *b, const story_ctx *c)
{
    px_buf_add_c(b, "<table id=\"sources\"><tr>");
    for (size_t k = 0; k < c->n; k++) {
        const json_t *a = src_art(c, (int64_t)k);
        px_buf_add_c(b, "<th");
        px_web_lang_dir_of(b, a);
        px_buf_printf(b, "><a class=\"source-link\" href=\"/article/%lld\">",
                      (long long)px_web_int(a, "id", -1));
        px_buf_printf(b, "S%zu: ", k + 1);
        px_web_esc_or(b, px_web_str(a, "title"), "(untitled)");
        px_buf_add_c(b, "</a></th>");
    }
    px_buf_add_c(b, "</tr>\n<tr>");
    for (size_t k = 0; k < c->n; k++) {
        const json_t *a = src_art(c, (int64_t)k);
        px_buf_add_c(b, "<td class=\"src\" dir=\"ltr\">");
        px_web_esc_or(b, px_web_str(a, "site"), "(no site)");
        px_buf_add_c(b, " · ");
        px_web_esc(b, px_web_str(a, "lang"));
        px_buf_add_c(b, " · ");
        px_web_esc_or(b, px_web_str(a, "published"), "undated");
        px_buf_printf(b, " · %lld bytes",
                      (long long)px_web_int(a, "length", 0));
        const int64_t copy = px_web_int(a, "copy_of", -1);
        if (copy >= 0) {
            px_buf_printf(b,
                          " · copy of <a href=\"/article/%lld\">article "
                          "%lld</a>",
                          (long long)copy, (long long)copy);
        }
        px_buf_add_c(b, "</td>");
    }
    px_buf_add_c(b, "</tr></table>\n");
}

/* The sentence of a figure value with the figure marked in it. */
static void
fig_sentence(px_buf *b, const json_t *v)
{
    px_web_span fig;
    px_web_span sent;
    if (!px_web_span_get(json_object_get(v, "sentence"), &sent) ||
        sent.text.ptr == NULL) {
        return;
    }
    px_buf_add_c(b, "<div class=\"src\">");
    const bool inside = px_web_span_get(json_object_get(v, "span"), &fig) &&
                        fig.text.ptr != NULL && fig.off >= sent.off &&
                        fig.off - sent.off + fig.len <= sent.text.len &&
                        fig.len == fig.text.len &&
                        memcmp(sent.text.ptr + (fig.off - sent.off),
                               fig.text.ptr, fig.len) == 0;
    if (!inside) {
        px_web_esc(b, sent.text);
    } else {
        const size_t rel = fig.off - sent.off;
        px_html_esc(b, sent.text.ptr, rel);
        px_buf_add_c(b, "<mark class=\"fig\">");
        px_web_esc(b, fig.text);
        px_buf_add_c(b, "</mark>");
        px_html_esc(b, sent.text.ptr + rel + fig.len,
                    sent.text.len - rel - fig.len);
    }
    px_buf_add_c(b, "</div>");
}

static void
fig_cell(px_buf *b, const story_ctx *c, const json_t *vals, size_t k)
{
    td_src(b, c, k);
    size_t i;
    const json_t *v;
    json_array_foreach(vals, i, v)
    {
        px_web_span sp;
        if (px_web_int(v, "source", -1) != (int64_t)k ||
            !px_web_span_get(json_object_get(v, "span"), &sp)) {
            continue;
        }
        const bool lead = json_is_true(json_object_get(v, "lead"));
        px_buf_add_c(b, lead ? "<b class=\"lead\">" : "<b>");
        px_web_num(b, json_number_value(json_object_get(v, "value")));
        px_buf_add_c(b, "</b> ");
        const px_str q = px_web_str(v, "qualifier");
        if (q.ptr != NULL && !px_str_eq_c(q, "exact")) {
            px_buf_add_c(b, "<small>(");
            px_web_esc(b, q);
            px_buf_add_c(b, ")</small> ");
        }
        span_link(b, c, &sp);
        fig_sentence(b, v);
    }
    px_buf_add_c(b, "</td>");
}

/* What a figure group counts: its gloss and unit ("deaths: martyr"). */
static void
fig_label(px_buf *b, const json_t *g)
{
    const px_str unit = px_web_str(g, "unit");
    const px_str what = px_web_str(g, "what");
    const bool has_unit = unit.len > 0 && !px_str_eq_c(unit, "none");
    if (has_unit) {
        px_web_esc(b, unit);
    }
    if (what.len > 0) {
        px_buf_add_c(b, has_unit ? ": " : "");
        px_web_esc(b, what);
    } else if (!has_unit) {
        px_buf_add_c(b, "number");
    }
}

static void
figures_table(px_buf *b, const story_ctx *c)
{
    const json_t *figs = px_web_arr(c->sheet, "figures");
    px_buf_add_c(b, "<section id=\"figures-section\"><h2>Figures</h2>"
                    "<table id=\"figures\">");
    head_row(b, c, "what");
    size_t i;
    const json_t *g;
    json_array_foreach(figs, i, g)
    {
        const bool differs = json_is_true(json_object_get(g, "differs"));
        px_buf_printf(b, "<tr class=\"figure%s\"><td class=\"what\">",
                      differs ? " differs" : "");
        fig_label(b, g);
        px_buf_add_c(b, differs ? "<br><small>sources differ</small>" : "");
        px_buf_add_c(b, "</td>");
        const json_t *vals = px_web_arr(g, "values");
        for (size_t k = 0; k < c->n; k++) {
            fig_cell(b, c, vals, k);
        }
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table>");
    if (json_array_size(figs) == 0) {
        px_buf_add_c(b, "<p>No figures.</p>");
    }
    px_buf_add_c(b, "</section>\n");
}

/* Cells of spans (one per source column) from an array of spans. */
static void
span_cells(px_buf *b, const story_ctx *c, const json_t *spans)
{
    for (size_t k = 0; k < c->n; k++) {
        td_src(b, c, k);
        size_t i;
        const json_t *s;
        json_array_foreach(spans, i, s)
        {
            px_web_span sp;
            if (px_web_span_get(s, &sp) && sp.src == (int64_t)k) {
                span_link(b, c, &sp);
                px_buf_add_c(b, "<br>");
            }
        }
        px_buf_add_c(b, "</td>");
    }
}

static bool
date_differs(const story_ctx *c, px_str date)
{
    const json_t *dd = px_web_arr(c->sheet, "dates_differ");
    size_t i;
    const json_t *d;
    json_array_foreach(dd, i, d)
    {
        if (px_str_eq(px_web_str(json_object_get(d, "a"), "date"), date) ||
            px_str_eq(px_web_str(json_object_get(d, "b"), "date"), date)) {
            return true;
        }
    }
    return false;
}

static void
differ_side(px_buf *b, const story_ctx *c, const json_t *side)
{
    px_web_span sp;
    if (!px_web_span_get(json_object_get(side, "span"), &sp)) {
        return;
    }
    px_buf_printf(b, "<span class=\"src\">S%lld says ", (long long)sp.src + 1);
    px_web_esc(b, px_web_str(side, "date"));
    px_buf_add_c(b, ":</span> <q");
    px_web_lang_dir_of(b, src_art(c, sp.src));
    px_buf_add_byte(b, '>');
    span_link(b, c, &sp);
    px_buf_add_c(b, "</q>");
}

static void
dates_differ(px_buf *b, const story_ctx *c)
{
    const json_t *dd = px_web_arr(c->sheet, "dates_differ");
    if (json_array_size(dd) == 0) {
        return;
    }
    px_buf_add_c(b, "<h3>Dates that differ</h3><ul id=\"dates-differ\">");
    size_t i;
    const json_t *d;
    json_array_foreach(dd, i, d)
    {
        px_buf_add_c(b, "<li>");
        differ_side(b, c, json_object_get(d, "a"));
        px_buf_add_c(b, " — ");
        differ_side(b, c, json_object_get(d, "b"));
        px_buf_add_c(b, "</li>\n");
    }
    px_buf_add_c(b, "</ul>");
}

static void
timeline(px_buf *b, const story_ctx *c)
{
    const json_t *days = px_web_arr(c->sheet, "timeline");
    px_buf_add_c(b, "<section id=\"timeline\"><h2>Timeline</h2><table>");
    head_row(b, c, "date");
    size_t i;
    const json_t *d;
    json_array_foreach(days, i, d)
    {
        const px_str date = px_web_str(d, "date");
        const bool differs = date_differs(c, date);
        px_buf_printf(b, "<tr class=\"day%s\"><td class=\"what\">",
                      differs ? " differs" : "");
        px_web_esc(b, date);
        px_buf_add_c(b, differs ? "<br><small>dates differ</small>" : "");
        px_buf_add_c(b, "</td>");
        span_cells(b, c, px_web_arr(d, "spans"));
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table>");
    dates_differ(b, c);
    px_buf_add_c(b, "</section>\n");
}

static void
actors(px_buf *b, const story_ctx *c)
{
    const json_t *xs = px_web_arr(c->sheet, "actors");
    px_buf_add_c(b, "<section id=\"actors\"><h2>Actors and places</h2>"
                    "<table>");
    head_row(b, c, "who");
    size_t i;
    const json_t *x;
    json_array_foreach(xs, i, x)
    {
        px_buf_add_c(b, "<tr><td class=\"what\">");
        px_web_esc_or(b, px_web_str(x, "gloss"), "?");
        px_buf_printf(b, " <small>(%lld sources)</small></td>",
                      (long long)px_web_int(x, "sources_count", 0));
        span_cells(b, c, px_web_arr(x, "names"));
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table></section>\n");
}

static void
claims(px_buf *b, const story_ctx *c)
{
    const json_t *cs = px_web_arr(c->sheet, "claims");
    px_buf_add_c(b, "<section id=\"claims\"><h2>Claims by support</h2>"
                    "<table>");
    head_row(b, c, "said by");
    size_t i;
    const json_t *x;
    json_array_foreach(cs, i, x)
    {
        px_buf_add_c(b, "<tr><td class=\"what\"><span class=\"support\">");
        px_web_esc(b, px_web_str(x, "support"));
        px_buf_printf(b, "</span> (%lld sources)</td>",
                      (long long)px_web_int(x, "sources_count", 0));
        span_cells(b, c, px_web_arr(x, "sentences"));
        px_buf_add_c(b, "</tr>\n");
    }
    px_buf_add_c(b, "</table></section>\n");
}

static void
claims_single(px_buf *b, const story_ctx *c)
{
    px_buf_add_c(b, "<section id=\"claims-single\"><h2>Said by one source "
                    "only</h2><table>");
    head_row(b, c, "");
    px_buf_add_c(b, "<tr><td class=\"what\">single-source claims</td>");
    span_cells(b, c, px_web_arr(c->sheet, "single_source_claims"));
    px_buf_add_c(b, "</tr></table></section>\n");
}

/* Quotes of one speaker share a key: the concept, else the name. */
static px_str
speaker_key(const json_t *q)
{
    const px_str concept = px_web_str(q, "concept");
    if (concept.ptr != NULL) {
        return concept;
    }
    const px_str name = px_web_str(json_object_get(q, "speaker"), "text");
    return name.ptr != NULL ? name : px_str_c("");
}

static void
quote_item(px_buf *b, const story_ctx *c, const json_t *q)
{
    px_web_span sp;
    if (!px_web_span_get(json_object_get(q, "span"), &sp)) {
        return;
    }
    const bool direct = json_is_true(json_object_get(q, "direct"));
    px_buf_add_c(b, "<li class=\"quote\"");
    px_web_lang_dir_of(b, src_art(c, sp.src));
    px_buf_add_byte(b, '>');
    span_link(b, c, &sp);
    px_buf_printf(b,
                  " <span class=\"src\" dir=\"ltr\">— S%lld, %s</span></li>\n",
                  (long long)sp.src + 1, direct ? "quoted" : "reported");
}

static void
speaker_group(px_buf *b, const story_ctx *c, const json_t *qs, size_t first)
{
    const json_t *q0 = json_array_get(qs, first);
    const px_str key = speaker_key(q0);
    px_buf_add_c(b, "<h3 class=\"speaker\">");
    const px_str gloss = px_web_str(q0, "gloss");
    const px_str name = px_web_str(json_object_get(q0, "speaker"), "text");
    px_web_esc_or(b, gloss.ptr != NULL ? gloss : name, "unnamed speaker");
    px_buf_add_c(b, "</h3><ul>");
    const size_t n = json_array_size(qs);
    for (size_t i = first; i < n && i < MAX_QUOTES; i++) {
        const json_t *q = json_array_get(qs, i);
        if (px_str_eq(speaker_key(q), key)) {
            quote_item(b, c, q);
        }
    }
    px_buf_add_c(b, "</ul>\n");
}

/* Whether quote i's speaker was met before it (so is shown already). */
static bool
speaker_seen(const json_t *qs, size_t i)
{
    const px_str key = speaker_key(json_array_get(qs, i));
    for (size_t j = 0; j < i; j++) {
        if (px_str_eq(speaker_key(json_array_get(qs, j)), key)) {
            return true;
        }
    }
    return false;
}

static void
quotes(px_buf *b, const story_ctx *c)
{
    const json_t *qs = px_web_arr(c->sheet, "quotes");
    const size_t n = json_array_size(qs);
    px_buf_add_c(b, "<section id=\"quotes\"><h2>Quotes by speaker</h2>");
    for (size_t i = 0; i < n && i < MAX_QUOTES; i++) {
        if (!speaker_seen(qs, i)) {
            speaker_group(b, c, qs, i);
        }
    }
    px_buf_add_c(b, n == 0 ? "<p>No quotes.</p></section>\n" : "</section>\n");
}

static void
framing(px_buf *b, const story_ctx *c)
{
    const json_t *fs = px_web_arr(c->sheet, "framing");
    px_buf_add_c(b, "<section id=\"framing\"><h2>Words only one source "
                    "uses</h2><table>");
    head_row(b, c, "");
    px_buf_add_c(b, "<tr><td class=\"what\">framing</td>");
    for (size_t k = 0; k < c->n; k++) {
        td_src(b, c, k);
        size_t i;
        const json_t *f;
        json_array_foreach(fs, i, f)
        {
            if (px_web_int(f, "source", -1) != (int64_t)k) {
                continue;
            }
            size_t j;
            const json_t *w;
            json_array_foreach(px_web_arr(f, "words"), j, w)
            {
                px_web_span sp;
                if (px_web_span_get(json_object_get(w, "span"), &sp)) {
                    span_link(b, c, &sp);
                }
                px_buf_add_c(b, " <small dir=\"ltr\">(");
                px_web_esc(b, px_web_str(w, "gloss"));
                px_buf_printf(b, " ×%lld)</small><br>",
                              (long long)px_web_int(w, "count", 0));
            }
        }
        px_buf_add_c(b, "</td>");
    }
    px_buf_add_c(b, "</tr></table></section>\n");
}

/* The headline in the language and direction of the article giving it. */
static void
headline(px_buf *b, const json_t *doc, const story_ctx *c)
{
    const px_str h = px_web_str(doc, "headline");
    const json_t *from = NULL;
    for (size_t k = 0; k < c->n && from == NULL; k++) {
        const json_t *a = src_art(c, (int64_t)k);
        from = px_str_eq(px_web_str(a, "title"), h) ? a : NULL;
    }
    px_buf_add_c(b, "<h1");
    if (px_web_str(doc, "headline_dir").ptr != NULL) {
        px_web_lang_dir(b, px_web_str(doc, "headline_lang"),
                        px_web_str(doc, "headline_dir"));
    } else if (from != NULL) {
        px_web_lang_dir_of(b, from);
    } else {
        px_buf_add_c(b, " dir=\"auto\"");
    }
    px_buf_add_byte(b, '>');
    px_web_esc_or(b, h, "(no headline)");
    px_buf_printf(b, "</h1>\n<p class=\"meta\">story %lld · %zu sources · ",
                  (long long)px_web_int(doc, "id", -1), c->n);
    px_web_esc(b, px_web_str(doc, "first"));
    px_buf_add_c(b, " – ");
    px_web_esc(b, px_web_str(doc, "last"));
    px_buf_add_c(b, "</p>\n");
}

px_status
px_web_story_html(const char *json, size_t len, px_buf *out, px_error *err)
{
    json_t *doc = px_web_parse(json, len, err);
    const json_t *arts = px_web_arr(doc, "articles");
    if (arts == NULL) {
        json_decref(doc);
        return doc == NULL ? PX_EPARSE
                           : px_fail(err, PX_EPARSE, "web: no articles");
    }
    const story_ctx c = {arts, json_array_size(arts),
                         json_object_get(doc, "sheet")};
    px_web_open(out, px_web_str(doc, "headline"), NULL);
    headline(out, doc, &c);
    sources_table(out, &c);
    if (json_is_object(c.sheet)) {
        figures_table(out, &c);
        timeline(out, &c);
        actors(out, &c);
        claims(out, &c);
        claims_single(out, &c);
        quotes(out, &c);
        framing(out, &c);
    } else {
        px_buf_add_c(out, "<p>No sheet for this story yet.</p>\n");
    }
    px_web_close(out);
    json_decref(doc);
    return px_buf_failed(out) ? px_fail(err, PX_ENOMEM, "web: out of memory")
                              : PX_OK;
}
