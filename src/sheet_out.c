/* sheet_out.c - a story sheet as JSON (docs/schema.json, "sheet") and as
 * terminal text, and the public px_storyset_sheet_* calls. Spans are
 * written as {"source", "offset", "length", "text"} with the text cut from
 * the source's article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sheet.h"

#define PX_SHEET_MAX_SINGLE 5

static px_str
span_text(const px_sheet *sh, px_span sp)
{
    const px_sheet_src *s = &sh->srcs[sp.src];
    if ((size_t)sp.off + sp.len > s->text.len) {
        return (px_str){"", 0};
    }
    return (px_str){s->text.ptr + sp.off, sp.len};
}

static void
json_span(px_buf *b, const px_sheet *sh, px_span sp)
{
    px_buf_printf(b, "{\"source\":%u,\"offset\":%u,\"length\":%u,\"text\":",
                  sp.src, sp.off, sp.len);
    px_buf_add_json_str(b, span_text(sh, sp));
    px_buf_add_byte(b, '}');
}

static void
json_concept(px_buf *b, const px_sheet *sh, px_concept c)
{
    px_buf_add_c(b, "\"concept\":");
    px_buf_add_json_str(b, px_lex_concept_name(sh->lex, c));
    px_buf_add_c(b, ",\"gloss\":");
    px_buf_add_json_str(b, px_lex_concept_gloss(sh->lex, c));
}

static void
json_sources(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, "\"sources\":[");
    for (size_t k = 0; k < sh->n_srcs; k++) {
        const px_sheet_src *s = &sh->srcs[k];
        px_buf_printf(b, "%s{\"source\":%zu,\"article\":%zu", k ? "," : "", k,
                      s->art);
        px_buf_add_json_opt(b, "id", s->a->id);
        px_buf_add_json_opt(b, "site", s->a->site);
        px_buf_add_json_opt(b, "title", s->a->title);
        px_buf_add_json_opt(b, "published", s->a->published);
        px_buf_printf(b,
                      ",\"lang\":\"%s\",\"dir\":\"%s\",\"length\":%zu,"
                      "\"copy_group\":%zu,\"copy_of\":",
                      s->a->prof.lang, s->is_rtl ? "rtl" : "ltr", s->text.len,
                      s->a->copy_group);
        if (s->a->copy_of != SIZE_MAX) {
            px_buf_printf(b, "%zu}", s->a->copy_of);
        } else {
            px_buf_add_c(b, "null}");
        }
    }
    px_buf_add_byte(b, ']');
}

static void
json_actors(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, ",\"actors\":[");
    for (size_t i = 0; i < sh->n_actors; i++) {
        const px_sheet_actor *x = &sh->actors[i];
        px_buf_add_c(b, i ? ",{" : "{");
        json_concept(b, sh, x->c);
        px_buf_printf(b, ",\"sources_count\":%zu,\"mentions\":%zu,\"names\":[",
                      x->n_names, x->n_mentions);
        size_t n = 0;
        for (size_t k = 0; k < sh->n_srcs; k++) {
            if (x->names[k].len > 0) {
                px_buf_add_c(b, n++ ? "," : "");
                json_span(b, sh, x->names[k]);
            }
        }
        px_buf_add_c(b, "]}");
    }
    px_buf_add_byte(b, ']');
}

static void
json_days(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, ",\"timeline\":[");
    for (size_t i = 0; i < sh->n_days; i++) {
        const px_sheet_day *d = &sh->days[i];
        px_buf_printf(b, "%s{\"date\":\"%s\",\"sources_count\":%zu,\"spans\":[",
                      i ? "," : "", d->date, d->n_sources);
        for (size_t j = 0; j < d->n_spans; j++) {
            px_buf_add_c(b, j ? "," : "");
            json_span(b, sh, d->spans[j]);
        }
        px_buf_add_c(b, "]}");
    }
    px_buf_add_c(b, "],\"dates_differ\":[");
    for (size_t i = 0; i < sh->n_ddiffs; i++) {
        const px_sheet_datediff *d = &sh->ddiffs[i];
        px_buf_printf(b,
                      "%s{\"similarity\":%.3f,\"a\":{\"date\":\"%s\",\"span\":",
                      i ? "," : "", d->sim, d->day_a);
        json_span(b, sh, d->a);
        px_buf_printf(b, "},\"b\":{\"date\":\"%s\",\"span\":", d->day_b);
        json_span(b, sh, d->b);
        px_buf_add_c(b, "}}");
    }
    px_buf_add_byte(b, ']');
}

static void
json_fig(px_buf *b, const px_sheet *sh, const px_sheet_fig *g)
{
    px_buf_add_c(b, "{\"what\":");
    if (g->what != 0) {
        px_buf_add_json_str(b, px_lex_concept_gloss(sh->lex, g->what));
    } else {
        px_buf_add_c(b, "null");
    }
    px_buf_printf(
        b,
        ",\"unit\":\"%s\",\"sources_count\":%zu,\"differs\":%s,"
        "\"lead_differs\":%s,\"several_in_one_source\":%s,"
        "\"values\":[",
        px_unit_name(g->unit), g->n_sources, g->differs ? "true" : "false",
        g->lead_differs ? "true" : "false", g->has_several ? "true" : "false");
    for (size_t j = 0; j < g->n_vals; j++) {
        const px_sheet_val *v = &g->vals[j];
        const px_figure *f = v->fig;
        px_buf_printf(b,
                      "%s{\"source\":%u,\"value\":%.15g,\"qualifier\":\"%s\""
                      ",\"lead\":%s,\"span\":",
                      j ? "," : "", v->src, f->value, px_fig_qual_name(f->qual),
                      v->is_lead ? "true" : "false");
        json_span(b, sh, (px_span){v->src, (uint32_t)f->off, (uint32_t)f->len});
        const px_concept w =
            sh->srcs[v->src].fig_what[v->fig - sh->srcs[v->src].figs];
        px_buf_add_c(b, ",\"what\":");
        if (w != 0) {
            px_buf_add_json_str(b, px_lex_concept_name(sh->lex, w));
        } else {
            px_buf_add_c(b, "null");
        }
        px_buf_add_c(b, ",\"unit_span\":");
        json_span(
            b, sh,
            (px_span){v->src, (uint32_t)f->unit_off, (uint32_t)f->unit_len});
        px_buf_add_c(b, ",\"sentence\":");
        json_span(
            b, sh,
            (px_span){v->src, (uint32_t)f->sent_off, (uint32_t)f->sent_len});
        px_buf_add_byte(b, '}');
    }
    px_buf_add_c(b, "]}");
}

static void
json_claims(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, ",\"claims\":[");
    size_t n = 0;
    for (size_t i = 0; i < sh->n_claims && sh->claims[i].n > 1; i++) {
        const px_sheet_claim *c = &sh->claims[i];
        px_buf_printf(b,
                      "%s{\"support\":\"%s\",\"sources_count\":%zu,"
                      "\"sentences\":[",
                      n++ ? "," : "", px_sheet_support(c->n, sh->n_srcs), c->n);
        for (size_t j = 0; j < c->n; j++) {
            px_buf_add_c(b, j ? "," : "");
            json_span(b, sh, c->sents[j]);
        }
        px_buf_add_c(b, "]}");
    }
    px_buf_add_c(b, "],\"single_source_claims\":[");
    n = 0;
    for (size_t k = 0; k < sh->n_srcs && sh->n_srcs > 1; k++) {
        size_t m = 0;
        for (size_t i = 0; i < sh->n_claims && m < PX_SHEET_MAX_SINGLE; i++) {
            const px_sheet_claim *c = &sh->claims[i];
            const px_sheet_src *s = &sh->srcs[k];
            if (c->n != 1 || c->sents[0].src != k) {
                continue;
            }
            const size_t si = px_sheet_sent_at(s, c->sents[0].off);
            if (si == SIZE_MAX || s->sents[si].n_feats < 3) {
                continue;
            }
            px_buf_add_c(b, n++ ? "," : "");
            json_span(b, sh, c->sents[0]);
            m++;
        }
    }
    px_buf_add_byte(b, ']');
}

static void
json_quotes(px_buf *b, const px_sheet *sh)
{
    px_buf_add_c(b, ",\"quotes\":[");
    for (size_t i = 0; i < sh->n_quotes; i++) {
        const px_sheet_quote *q = &sh->quotes[i];
        px_buf_printf(b, "%s{\"group\":%zu,\"direct\":%s,", i ? "," : "",
                      q->group, q->is_direct ? "true" : "false");
        if (q->who != 0) {
            json_concept(b, sh, q->who);
            px_buf_add_c(b, ",\"speaker\":");
            json_span(b, sh, q->speaker);
        } else {
            px_buf_add_c(b, "\"concept\":null,\"gloss\":null,\"speaker\":null");
        }
        px_buf_add_c(b, ",\"span\":");
        json_span(b, sh, q->span);
        px_buf_add_byte(b, '}');
    }
    px_buf_add_c(b, "],\"framing\":[");
    for (size_t k = 0; k < sh->n_srcs; k++) {
        px_buf_printf(b, "%s{\"source\":%zu,\"words\":[", k ? "," : "", k);
        for (size_t i = 0; i < sh->n_frames[k]; i++) {
            const px_sheet_frame *f = &sh->frames[k][i];
            px_buf_add_c(b, i ? ",{" : "{");
            json_concept(b, sh, f->c);
            px_buf_printf(b, ",\"count\":%zu,\"span\":", f->count);
            json_span(b, sh, f->span);
            px_buf_add_byte(b, '}');
        }
        px_buf_add_c(b, "]}");
    }
    px_buf_add_byte(b, ']');
}

void
px_sheet_write_json(const px_sheet *sh, px_buf *b)
{
    if (sh->story == PX_STORY_ALL) {
        px_buf_add_c(b, "{\"story\":null,");
    } else {
        px_buf_printf(b, "{\"story\":%zu,", sh->story);
    }
    json_sources(b, sh);
    json_actors(b, sh);
    json_days(b, sh);
    px_buf_add_c(b, ",\"figures\":[");
    for (size_t i = 0; i < sh->n_figs; i++) {
        px_buf_add_c(b, i ? "," : "");
        json_fig(b, sh, &sh->figs[i]);
    }
    px_buf_add_byte(b, ']');
    json_claims(b, sh);
    json_quotes(b, sh);
    px_buf_add_byte(b, '}');
}

/* ---- public calls ------------------------------------------------- */

size_t
px_storyset_story_at(const px_storyset *s, size_t rank)
{
    return rank >= 1 && s->is_clustered ? px_story_at_rank(s, rank - 1)
                                        : SIZE_MAX;
}

typedef void (*write_fn)(const px_sheet *sh, px_buf *b);

static px_status
sheet_out(const px_storyset *s, size_t story, write_fn fn, char **out,
          size_t *len, px_error *err)
{
    *out = NULL;
    if (!s->is_clustered) {
        return px_fail(err, PX_EINVAL, "sheet: stories not clustered yet");
    }
    px_sheet *sh = NULL;
    const px_status rc = px_sheet_build(s, story, &sh, err);
    if (rc != PX_OK) {
        return rc;
    }
    px_buf b;
    px_buf_init(&b);
    fn(sh, &b);
    px_sheet_free(sh);
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "sheet: out of memory");
}

px_status
px_storyset_sheet_json(const px_storyset *s, size_t story, char **out,
                       size_t *len, px_error *err)
{
    return sheet_out(s, story, px_sheet_write_json, out, len, err);
}

px_status
px_storyset_sheet_text(const px_storyset *s, size_t story, char **out,
                       size_t *len, px_error *err)
{
    return sheet_out(s, story, px_sheet_write_text, out, len, err);
}
