/* sheet_text.c - a story sheet for a terminal: one section per part of
 * the sheet, spans cut at a code point to keep lines short, sources named
 * [S1], [S2]... as in the sources list. */
#include <stdio.h>
#include <string.h>

#include <unicode/utf8.h>

#include "sheet.h"

#define CUT 110

/* Adds the span's text on one line, cut near CUT bytes. */
static void
add_cut(px_buf *b, const px_sheet *sh, px_span sp)
{
    const px_sheet_src *s = &sh->srcs[sp.src];
    if ((size_t)sp.off + sp.len > s->text.len) {
        return;
    }
    const char *t = s->text.ptr + sp.off;
    size_t i = 0;
    while (i < sp.len && i < CUT) {
        UChar32 c;
        const size_t at = i;
        U8_NEXT(t, i, sp.len, c);
        if (c == '\n' || c == '\t') {
            px_buf_add_byte(b, ' ');
        } else {
            px_buf_add(b, t + at, i - at);
        }
    }
    px_buf_add_c(b, i < sp.len ? "…" : "");
}

static void
text_sources(px_buf *b, const px_sheet *sh)
{
    px_buf_printf(b, "Sources (%zu)\n", sh->n_srcs);
    for (size_t k = 0; k < sh->n_srcs; k++) {
        const px_sheet_src *s = &sh->srcs[k];
        px_buf_printf(b, "  [S%zu] %s %s %s, %zu bytes", k + 1, s->a->prof.lang,
                      s->a->published[0] ? s->a->published : "(undated)",
                      s->a->site != NULL ? s->a->site : s->a->id, s->text.len);
        if (s->a->copy_of != SIZE_MAX) {
            px_buf_printf(b, ", copy of article %zu", s->a->copy_of);
        }
        px_buf_printf(b, "\n       %s\n", s->a->title);
    }
}

static void
text_actors(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "\nActors and places\n");
    for (size_t i = 0; i < sh->n_actors && i < 15; i++) {
        const px_sheet_actor *x = &sh->actors[i];
        const px_str g = px_lex_concept_gloss(sh->lex, x->c);
        px_buf_printf(b, "  %.*s (%zu/%zu sources):", (int)g.len, g.ptr,
                      x->n_names, sh->n_srcs);
        for (size_t k = 0; k < sh->n_srcs; k++) {
            if (x->names[k].len > 0) {
                px_buf_printf(b, " [S%zu] ", k + 1);
                add_cut(b, sh, x->names[k]);
            }
        }
        px_buf_add_byte(b, '\n');
    }
}

static void
text_days(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "\nTimeline\n");
    for (size_t i = 0; i < sh->n_days; i++) {
        const px_sheet_day *d = &sh->days[i];
        px_buf_printf(b, "  %-10s", d->date);
        for (size_t j = 0; j < d->n_spans; j++) {
            px_buf_printf(b, " [S%u] ", d->spans[j].src + 1);
            add_cut(b, sh, d->spans[j]);
        }
        px_buf_add_byte(b, '\n');
    }
    if (sh->n_ddiffs > 0) {
        px_buf_add_c(b, "\nDates that differ\n");
    }
    for (size_t i = 0; i < sh->n_ddiffs; i++) {
        const px_sheet_datediff *d = &sh->ddiffs[i];
        px_buf_printf(b, "  [S%u] %s (", d->a.src + 1, d->day_a);
        add_cut(b, sh, d->a);
        px_buf_printf(b, ") vs [S%u] %s (", d->b.src + 1, d->day_b);
        add_cut(b, sh, d->b);
        px_buf_add_c(b, ")\n");
    }
}

static void
text_figs(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "\nFigures\n");
    for (size_t i = 0; i < sh->n_figs; i++) {
        const px_sheet_fig *g = &sh->figs[i];
        if (g->n_sources < 2 && !g->has_several) {
            continue;
        }
        const px_str w = g->what != 0 ? px_lex_concept_gloss(sh->lex, g->what)
                                      : px_str_c("");
        px_buf_printf(b, "  %s%s%.*s%s%s:", px_unit_name(g->unit),
                      w.len ? " " : "", (int)w.len, w.ptr,
                      g->differs ? " DIFFERS" : "",
                      g->has_several ? " (several values in one source)" : "");
        for (size_t j = 0; j < g->n_vals; j++) {
            const px_sheet_val *v = &g->vals[j];
            px_buf_printf(b, " [S%u] %.15g", v->src + 1, v->fig->value);
        }
        px_buf_add_byte(b, '\n');
    }
}

static void
text_claims(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "\nClaims\n");
    for (size_t i = 0; i < sh->n_claims && sh->claims[i].n > 1; i++) {
        const px_sheet_claim *c = &sh->claims[i];
        px_buf_printf(b, "  said by %s (%zu):\n",
                      px_sheet_support(c->n, sh->n_srcs), c->n);
        for (size_t j = 0; j < c->n; j++) {
            px_buf_printf(b, "    [S%u] ", c->sents[j].src + 1);
            add_cut(b, sh, c->sents[j]);
            px_buf_add_byte(b, '\n');
        }
    }
}

static void
text_quotes(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "\nQuotes\n");
    for (size_t i = 0; i < sh->n_quotes; i++) {
        const px_sheet_quote *q = &sh->quotes[i];
        const px_str g = q->who != 0 ? px_lex_concept_gloss(sh->lex, q->who)
                                     : px_str_c("(speaker unknown)");
        px_buf_printf(b, "  %-18.*s #%-3zu [S%u] %s", (int)g.len, g.ptr,
                      q->group, q->span.src + 1, q->is_direct ? "\"" : "~ ");
        add_cut(b, sh, q->span);
        px_buf_add_c(b, q->is_direct ? "\"\n" : "\n");
    }
    px_buf_add_c(b, "\nFraming (words only this source uses)\n");
    for (size_t k = 0; k < sh->n_srcs; k++) {
        if (sh->n_frames[k] == 0) {
            continue;
        }
        px_buf_printf(b, "  [S%zu]", k + 1);
        for (size_t i = 0; i < sh->n_frames[k]; i++) {
            const px_str g = px_lex_concept_gloss(sh->lex, sh->frames[k][i].c);
            px_buf_add_c(b, i ? ", " : " ");
            add_cut(b, sh, sh->frames[k][i].span);
            px_buf_printf(b, " (%.*s)", (int)g.len, g.ptr);
        }
        px_buf_add_byte(b, '\n');
    }
}

void
px_sheet_write_text(const px_sheet *sh, px_buf *b)
{
    text_sources(b, sh);
    text_actors(b, sh);
    text_days(b, sh);
    text_figs(b, sh);
    text_claims(b, sh);
    text_quotes(b, sh);
}
