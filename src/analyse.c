/* analyse.c - the analysis of one article as JSON: language and script
 * (langid.c), word count (ICU word breaks), figures (figures.c) and date
 * mentions (datetext.c) with byte offsets into the article text.
 *
 * Date mentions are resolved against the article's publication date when it
 * is known to the day; numbers that lie inside a date mention are reported
 * as date parts, not quantities. Words themselves (normalised, stemmed,
 * mapped to concepts) come with the lexicon; only their count is given.
 */
#include <stdio.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "article.h"
#include "datetext.h"
#include "error.h"
#include "figures.h"
#include "langid.h"
#include "str.h"

/* Words in text by ICU's word break rules (runs of letters, numbers,
 * ideographs and kana), or 0 if ICU fails. */
static size_t
count_words(px_str text, const char *locale)
{
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text.ptr, (int64_t)text.len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &st);
    ubrk_setUText(bi, ut, &st);
    size_t n = 0;
    int32_t b = U_SUCCESS(st) ? ubrk_first(bi) : UBRK_DONE;
    while (b != UBRK_DONE) {
        const int32_t e = ubrk_next(bi);
        n += (e != UBRK_DONE && ubrk_getRuleStatus(bi) != UBRK_WORD_NONE);
        b = e;
    }
    ubrk_close(bi);
    utext_close(ut);
    return n;
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
    return rc;
}

px_status
px_analyse_json(const px_article *a, char **out, size_t *len, px_error *err)
{
    *out = NULL;
    const px_str text = {px_article_text(a, NULL), a->text_len};
    found f;
    memset(&f, 0, sizeof f);
    const px_status rc = find_all(a, text, &f, err);
    if (rc != PX_OK) {
        return rc;
    }
    char date[32];
    px_date_format(&a->published, date);
    px_buf b;
    px_buf_init(&b);
    px_buf_add_c(&b, "{\"source\":");
    px_buf_add_json_str(&b, px_str_c(a->source != NULL ? a->source : ""));
    px_buf_add_c(&b, ",\"title\":");
    px_buf_add_json_str(&b, px_str_c(a->title != NULL ? a->title : ""));
    px_buf_printf(&b, ",\"published\":%s%s%s", date[0] ? "\"" : "",
                  date[0] ? date : "null", date[0] ? "\"" : "");
    json_language(&b, &f.lang);
    px_buf_printf(&b, ",\"bytes\":%zu,\"words\":%zu,\"figures\":[", text.len,
                  count_words(text, f.lang.lang));
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
    px_buf_add_c(&b, "]}");
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "analyse: out of memory");
}
