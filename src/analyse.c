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

#include <math.h>
#include <pthread.h>
#include <stdint.h>
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

/* Appends a string literal (its length known, no strlen). */
#define PUT_LIT(b, lit) px_buf_add((b), (lit), sizeof(lit) - 1)

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

/* Appends n in decimal. */
static void
put_zu(px_buf *b, size_t n)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    px_buf_add(b, tmp + i, sizeof tmp - i);
}

/* Appends v as printf's %.15g does: integers below 1e15 in magnitude
 * print as their digits, anything else goes through snprintf. */
static void
put_num(px_buf *b, double v)
{
    if (v > -1e15 && v < 1e15 && v == (double)(int64_t)v &&
        !(v == 0.0 && signbit(v))) {
        if (v < 0) {
            px_buf_add_byte(b, '-');
        }
        put_zu(b, (size_t)(v < 0 ? -(int64_t)v : (int64_t)v));
        return;
    }
    char tmp[40];
    const int n = snprintf(tmp, sizeof tmp, "%.15g", v);
    if (n > 0 && (size_t)n < sizeof tmp) {
        px_buf_add(b, tmp, (size_t)n);
    } else {
        px_buf_printf(b, "%.15g", v);
    }
}

static void
put_bool(px_buf *b, bool v)
{
    if (v) {
        PUT_LIT(b, "true");
    } else {
        PUT_LIT(b, "false");
    }
}

/* ,"key":"value" for a short name that needs no escaping; head is
 * ,"key":" (head_len bytes). */
static void
put_name_n(px_buf *b, const char *head, size_t head_len, const char *value)
{
    px_buf_add(b, head, head_len);
    px_buf_add_c(b, value);
    px_buf_add_byte(b, '"');
}

/* put_name_n for a key that is a string literal. */
#define PUT_NAME(b, key, value)                                                \
    put_name_n((b), ",\"" key "\":\"", sizeof(",\"" key "\":\"") - 1, (value))

/* {"offset":N,"length":N with a leading comma when comma is set. */
static void
put_span_head(px_buf *b, bool comma, size_t off, size_t len)
{
    if (comma) {
        PUT_LIT(b, ",{\"offset\":");
    } else {
        PUT_LIT(b, "{\"offset\":");
    }
    put_zu(b, off);
    PUT_LIT(b, ",\"length\":");
    put_zu(b, len);
}

/* ,"key":"text" for text[off, off+len); head is ,"key": (head_len
 * bytes). */
static void
json_span_n(px_buf *b, const char *head, size_t head_len, px_str text,
            size_t off, size_t len)
{
    px_buf_add(b, head, head_len);
    px_buf_add_json_str(b, (px_str){text.ptr + off, len});
}

/* json_span_n for a key that is a string literal. */
#define JSON_SPAN(b, key, text, off, len)                                      \
    json_span_n((b), ",\"" key "\":", sizeof(",\"" key "\":") - 1, (text),     \
                (off), (len))

/* Appends a percentage (0..100; a negative one as printf's %d would). */
static void
put_int(px_buf *b, int v)
{
    if (v < 0) {
        px_buf_add_byte(b, '-');
    }
    put_zu(b, v < 0 ? (size_t) - (long)v : (size_t)v);
}

static void
json_language(px_buf *b, const px_langid_result *l)
{
    char conf[32];
    snprintf(conf, sizeof conf, "%.3f", l->confidence);
    PUT_LIT(b, ",\"language\":{\"code\":\"");
    px_buf_add_c(b, l->lang);
    PUT_LIT(b, "\",\"script\":\"");
    px_buf_add_c(b, l->script);
    PUT_LIT(b, "\",\"confidence\":");
    px_buf_add_c(b, conf);
    PUT_LIT(b, ",\"percent\":");
    put_int(b, l->percent);
    PUT_LIT(b, ",\"others\":[");
    for (size_t i = 0; i < l->n_other; i++) {
        px_buf_add_c(b, i ? ",{\"code\":\"" : "{\"code\":\"");
        px_buf_add_c(b, l->other[i].code);
        PUT_LIT(b, "\",\"percent\":");
        put_int(b, l->other[i].percent);
        px_buf_add_byte(b, '}');
    }
    PUT_LIT(b, "]}");
}

static void
json_figure(px_buf *b, bool comma, px_str text, const px_figure *f,
            bool in_date)
{
    const px_fig_kind kind = in_date ? PX_FIG_DATE_PART : f->kind;
    put_span_head(b, comma, f->off, f->len);
    JSON_SPAN(b, "text", text, f->off, f->len);
    PUT_LIT(b, ",\"value\":");
    put_num(b, f->value);
    PUT_LIT(b, ",\"high\":");
    put_num(b, f->high);
    PUT_NAME(b, "qualifier", px_fig_qual_name(f->qual));
    PUT_NAME(b, "kind", px_fig_kind_name(kind));
    PUT_LIT(b, ",\"percent\":");
    put_bool(b, f->is_percent);
    PUT_NAME(b, "unit", px_unit_name(f->unit));
    if (f->unit_len > 0) {
        JSON_SPAN(b, "unit_text", text, f->unit_off, f->unit_len);
    }
    PUT_LIT(b, ",\"sentence\":");
    put_span_head(b, false, f->sent_off, f->sent_len);
    PUT_LIT(b, "}}");
}

static void
json_date(px_buf *b, bool comma, px_str text, const px_date_mention *m)
{
    char iso[32];
    px_date_format(&m->date, iso);
    put_span_head(b, comma, m->off, m->len);
    JSON_SPAN(b, "text", text, m->off, m->len);
    PUT_NAME(b, "kind", px_dt_kind_name(m->kind));
    if (iso[0] != '\0') {
        PUT_NAME(b, "date", iso);
    } else {
        PUT_LIT(b, ",\"date\":null");
    }
    PUT_NAME(b, "precision", px_date_prec_name(m->date.prec));
    PUT_LIT(b, ",\"relative\":");
    put_bool(b, m->is_relative);
    PUT_LIT(b, ",\"resolved\":");
    put_bool(b, m->is_resolved);
    if (m->part != PX_DAYPART_NONE) {
        PUT_NAME(b, "part_of_day", px_daypart_name(m->part));
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

/* Finds what the JSON shows; the word units themselves only when
 * with_words (else their count). */
static px_status
find_all(const px_article *a, px_str text, bool with_words, found *f,
         px_error *err)
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
    if (rc == PX_OK && with_words) {
        rc = px_words_split(w, text, f->lang.lang, a->arena, &f->words,
                            &f->n_words, err);
    } else if (rc == PX_OK) {
        rc = px_words_count(w, text, f->lang.lang, &f->n_words, err);
    }
    px_analyse_words_put(w);
    return rc;
}

static void
json_words(px_buf *b, px_str text, const px_word *v, size_t n)
{
    PUT_LIT(b, ",\"word_list\":[");
    for (size_t i = 0; i < n; i++) {
        put_span_head(b, i > 0, v[i].off, v[i].len);
        JSON_SPAN(b, "text", text, v[i].off, v[i].len);
        PUT_LIT(b, ",\"key\":");
        px_buf_add_json_str(b, v[i].key);
        PUT_LIT(b, ",\"stem\":");
        px_buf_add_json_str(b, v[i].stem);
        PUT_LIT(b, ",\"stop\":");
        put_bool(b, (v[i].flags & PX_WORD_STOP) != 0);
        if (v[i].clitic_len > 0) {
            PUT_LIT(b, ",\"clitic_length\":");
            put_zu(b, v[i].clitic_len);
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
    PUT_LIT(b, "{\"source\":");
    px_buf_add_json_str(b, px_str_c(a->source != NULL ? a->source : ""));
    PUT_LIT(b, ",\"title\":");
    px_buf_add_json_str(b, px_str_c(a->title != NULL ? a->title : ""));
    PUT_LIT(b, ",\"published\":");
    if (date[0] != '\0') {
        px_buf_add_byte(b, '"');
        px_buf_add_c(b, date);
        px_buf_add_byte(b, '"');
    } else {
        PUT_LIT(b, "null");
    }
    json_language(b, &f->lang);
    PUT_LIT(b, ",\"bytes\":");
    put_zu(b, text.len);
    PUT_LIT(b, ",\"words\":");
    put_zu(b, f->n_words);
}

px_status
px_analyse_json_opts(const px_article *a, const px_analyse_opts *o, char **out,
                     size_t *len, px_error *err)
{
    *out = NULL;
    const px_str text = {px_article_text(a, NULL), a->text_len};
    found f;
    memset(&f, 0, sizeof f);
    const bool with_words = o != NULL && o->words;
    const px_status rc = find_all(a, text, with_words, &f, err);
    if (rc != PX_OK) {
        return rc;
    }
    px_buf b;
    px_buf_init(&b);
    /* room for the usual lengths at once, not grown by doubling */
    px_buf_reserve(&b, 512 + f.n_figs * 384 + f.n_dates * 256 +
                           (with_words ? f.n_words * 128 : 0));
    json_head(&b, a, text, &f);
    PUT_LIT(&b, ",\"figures\":[");
    for (size_t i = 0; i < f.n_figs; i++) {
        json_figure(&b, i > 0, text, &f.figs[i],
                    px_datetext_covers(f.dates, f.n_dates, f.figs[i].off,
                                       f.figs[i].len));
    }
    PUT_LIT(&b, "],\"dates\":[");
    for (size_t i = 0; i < f.n_dates; i++) {
        json_date(&b, i > 0, text, &f.dates[i]);
    }
    px_buf_add_c(&b, px_analyse_lexicon() != NULL ? "],\"lexicon\":true"
                                                  : "],\"lexicon\":false");
    if (with_words) {
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
