/* analyse.c - the analysis of one article as JSON: language and script
 * (langid.c), word units (words.c), figures (figures.c) and date mentions
 * (datetext.c) with byte offsets into the article text.
 *
 * Date mentions are resolved against the article's publication date when it
 * is known to the day; numbers that lie inside a date mention are reported
 * as date parts, not quantities. Words are counted, and listed with their
 * keys and stems on request; the lexicon (when one is installed) supplies
 * stopwords, Arabic clitic splits and Chinese segmentation.
 */
#include "analyse.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "article.h"
#include "datetext.h"
#include "error.h"
#include "figures.h"
#include "langid.h"
#include "parallax.h"
#include "str.h"

#define POOL_MAX 16

static pthread_once_t lex_once = PTHREAD_ONCE_INIT;
static px_lex *lex_shared;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static px_words *pool[POOL_MAX];
static size_t pool_n;

static void
open_lexicon(void)
{
    char path[4096];
    px_lex_default_path(path, sizeof path);
    if (px_lex_open(path, &lex_shared, NULL) != PX_OK) {
        lex_shared = NULL;
    }
}

const px_lex *
px_analyse_lexicon(void)
{
    pthread_once(&lex_once, open_lexicon);
    return lex_shared;
}

px_status
px_analyse_words_get(px_words **out, px_error *err)
{
    const px_lex *lex = px_analyse_lexicon();
    pthread_mutex_lock(&pool_lock);
    *out = pool_n > 0 ? pool[--pool_n] : NULL;
    pthread_mutex_unlock(&pool_lock);
    return *out != NULL ? PX_OK : px_words_new(lex, out, err);
}

void
px_analyse_words_put(px_words *w)
{
    if (w == NULL) {
        return;
    }
    pthread_mutex_lock(&pool_lock);
    const bool kept = pool_n < POOL_MAX;
    if (kept) {
        pool[pool_n++] = w;
    }
    pthread_mutex_unlock(&pool_lock);
    if (!kept) {
        px_words_free(w);
    }
}

static void
json_span(px_buf *b, const char *key, px_str text, size_t off, size_t len)
{
    px_buf_printf(b, ",\"%s\":", key);
    px_buf_add_json_str(b, (px_str){text.ptr + off, len});
}

static void
json_language(px_buf *b, const px_langid_result *l)
{
    px_buf_printf(b,
                  ",\"language\":{\"code\":\"%s\",\"script\":\"%s\","
                  "\"confidence\":%.3f,\"percent\":%d,\"others\":[",
                  l->lang, l->script, l->confidence, l->percent);
    for (size_t i = 0; i < l->n_other; i++) {
        px_buf_printf(b, "%s{\"code\":\"%s\",\"percent\":%d}", i ? "," : "",
                      l->other[i].code, l->other[i].percent);
    }
    px_buf_add_c(b, "]}");
}

static void
json_figure(px_buf *b, px_str text, const px_figure *f, bool in_date)
{
    const px_fig_kind kind = in_date ? PX_FIG_DATE_PART : f->kind;
    px_buf_printf(b, "{\"offset\":%zu,\"length\":%zu", f->off, f->len);
    json_span(b, "text", text, f->off, f->len);
    px_buf_printf(b,
                  ",\"value\":%.15g,\"high\":%.15g,\"qualifier\":\"%s\","
                  "\"kind\":\"%s\",\"percent\":%s,\"unit\":\"%s\"",
                  f->value, f->high, px_fig_qual_name(f->qual),
                  px_fig_kind_name(kind), f->is_percent ? "true" : "false",
                  px_unit_name(f->unit));
    if (f->unit_len > 0) {
        json_span(b, "unit_text", text, f->unit_off, f->unit_len);
    }
    px_buf_printf(b, ",\"sentence\":{\"offset\":%zu,\"length\":%zu}}",
                  f->sent_off, f->sent_len);
}

static void
json_date(px_buf *b, px_str text, const px_date_mention *m)
{
    char iso[32];
    px_date_format(&m->date, iso);
    px_buf_printf(b, "{\"offset\":%zu,\"length\":%zu", m->off, m->len);
    json_span(b, "text", text, m->off, m->len);
    px_buf_printf(b, ",\"kind\":\"%s\",\"date\":", px_dt_kind_name(m->kind));
    if (iso[0] != '\0') {
        px_buf_printf(b, "\"%s\"", iso);
    } else {
        px_buf_add_c(b, "null");
    }
    px_buf_printf(b, ",\"precision\":\"%s\",\"relative\":%s,\"resolved\":%s",
                  px_date_prec_name(m->date.prec),
                  m->is_relative ? "true" : "false",
                  m->is_resolved ? "true" : "false");
    if (m->part != PX_DAYPART_NONE) {
        px_buf_printf(b, ",\"part_of_day\":\"%s\"", px_daypart_name(m->part));
    }
    px_buf_add_byte(b, '}');
}

typedef struct found {
    px_langid_result lang;
    px_figure *figs;
    size_t n_figs;
    px_date_mention *dates;
    size_t n_dates;
    px_word *words;
    size_t n_words;
} found;

static px_status
find_all(const px_article *a, px_str text, found *f, px_error *err)
{
    px_status rc = px_langid_detect(text, &f->lang, err);
    if (rc == PX_OK) {
        rc = px_figures_find(text, f->lang.lang, &f->figs, &f->n_figs, a->arena,
                             err);
    }
    const px_date *anchor =
        a->published.prec >= PX_PREC_DAY ? &a->published : NULL;
    if (rc == PX_OK) {
        rc = px_datetext_find(text, f->lang.lang, anchor, a->arena, &f->dates,
                              &f->n_dates, err);
    }
    px_words *w = NULL;
    if (rc == PX_OK) {
        rc = px_analyse_words_get(&w, err);
    }
    if (rc == PX_OK) {
        rc = px_words_split(w, text, f->lang.lang, a->arena, &f->words,
                            &f->n_words, err);
    }
    px_analyse_words_put(w);
    return rc;
}

static void
json_words(px_buf *b, px_str text, const px_word *v, size_t n)
{
    px_buf_add_c(b, ",\"word_list\":[");
    for (size_t i = 0; i < n; i++) {
        px_buf_printf(b, "%s{\"offset\":%zu,\"length\":%zu", i ? "," : "",
                      v[i].off, v[i].len);
        json_span(b, "text", text, v[i].off, v[i].len);
        px_buf_add_c(b, ",\"key\":");
        px_buf_add_json_str(b, v[i].key);
        px_buf_add_c(b, ",\"stem\":");
        px_buf_add_json_str(b, v[i].stem);
        px_buf_printf(b, ",\"stop\":%s",
                      (v[i].flags & PX_WORD_STOP) ? "true" : "false");
        if (v[i].clitic_len > 0) {
            px_buf_printf(b, ",\"clitic_length\":%u", v[i].clitic_len);
        }
        px_buf_add_byte(b, '}');
    }
    px_buf_add_byte(b, ']');
}

static void
json_head(px_buf *b, const px_article *a, px_str text, const found *f)
{
    char date[32];
    px_date_format(&a->published, date);
    px_buf_add_c(b, "{\"source\":");
    px_buf_add_json_str(b, px_str_c(a->source != NULL ? a->source : ""));
    px_buf_add_c(b, ",\"title\":");
    px_buf_add_json_str(b, px_str_c(a->title != NULL ? a->title : ""));
    px_buf_printf(b, ",\"published\":%s%s%s", date[0] ? "\"" : "",
                  date[0] ? date : "null", date[0] ? "\"" : "");
    json_language(b, &f->lang);
    px_buf_printf(b, ",\"bytes\":%zu,\"words\":%zu", text.len, f->n_words);
}

px_status
px_analyse_json_opts(const px_article *a, const px_analyse_opts *o, char **out,
                     size_t *len, px_error *err)
{
    *out = NULL;
    const px_str text = {px_article_text(a, NULL), a->text_len};
    found f;
    memset(&f, 0, sizeof f);
    const px_status rc = find_all(a, text, &f, err);
    if (rc != PX_OK) {
        return rc;
    }
    px_buf b;
    px_buf_init(&b);
    json_head(&b, a, text, &f);
    px_buf_add_c(&b, ",\"figures\":[");
    for (size_t i = 0; i < f.n_figs; i++) {
        px_buf_add_c(&b, i ? "," : "");
        json_figure(&b, text, &f.figs[i],
                    px_datetext_covers(f.dates, f.n_dates, f.figs[i].off,
                                       f.figs[i].len));
    }
    px_buf_add_c(&b, "],\"dates\":[");
    for (size_t i = 0; i < f.n_dates; i++) {
        px_buf_add_c(&b, i ? "," : "");
        json_date(&b, text, &f.dates[i]);
    }
    px_buf_printf(&b, "],\"lexicon\":%s",
                  px_analyse_lexicon() != NULL ? "true" : "false");
    if (o != NULL && o->words) {
        json_words(&b, text, f.words, f.n_words);
    }
    px_buf_add_byte(&b, '}');
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "analyse: out of memory");
}

px_status
px_analyse_json(const px_article *a, char **out, size_t *len, px_error *err)
{
    return px_analyse_json_opts(a, NULL, out, len, err);
}
