/* article.c - the extracted article: construction and JSON output.
 *
 * The JSON object follows docs/schema.json ("article"). Field order is fixed
 * so output is stable for golden tests.
 */
#include "article.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "error.h"

px_article *
px_article_new(void)
{
    px_arena *arena = px_arena_new();
    if (arena == NULL) {
        return NULL;
    }
    px_article *a = px_arena_calloc(arena, 1, sizeof *a);
    if (a == NULL) {
        px_arena_free(arena);
        return NULL;
    }
    a->arena = arena;
    return a;
}

void
px_article_free(px_article *a)
{
    if (a != NULL) {
        px_arena_free(a->arena); /* a itself lives in its arena */
    }
}

void
px_article_signal(px_article *a, const char *field, const char *how)
{
    if (a->n_signals >= PX_MAX_SIGNALS) {
        return;
    }
    const size_t fl = strlen(field);
    const size_t hl = strlen(how);
    char *s = px_arena_alloc(a->arena, fl + hl + 2);
    if (s == NULL) {
        return;
    }
    snprintf(s, fl + hl + 2, "%s:%s", field, how);
    a->signals[a->n_signals++] = s;
}

/* True if the 8 bytes of x are visible ASCII or single spaces, the last
 * no space: after a visible byte, collapsing leaves them as they are. */
static bool
is_plain8(uint64_t x)
{
    const uint64_t high = UINT64_C(0x8080808080808080);
    if ((x & high) != 0 ||
        ((x + UINT64_C(0x6060606060606060)) & high) != high) {
        return false; /* a byte >= 0x80 or below ' ' */
    }
    const uint64_t sp =
        ~((x ^ UINT64_C(0x2020202020202020)) + UINT64_C(0x7F7F7F7F7F7F7F7F)) &
        high; /* the high bit of each space */
    return (sp & (sp >> 8)) == 0 && (sp >> 63) == 0;
}

/* Copies s into dst collapsing every run of white space to one space;
 * returns the bytes written. dst must hold s.len bytes. */
static size_t
collapse_space(px_str s, char *dst)
{
    size_t n = 0;
    size_t i = 0;
    bool in_space = false;
    while (i < s.len) {
        const unsigned char c = (unsigned char)s.ptr[i];
        if (c > ' ' && c < 0x80) { /* a run of visible ASCII */
            if (in_space && n > 0) {
                dst[n++] = ' ';
            }
            in_space = false;
            do {
                uint64_t x;
                if (s.len - i >= 8 &&
                    (memcpy(&x, s.ptr + i, 8), is_plain8(x))) {
                    memcpy(dst + n, &x, 8);
                    n += 8;
                    i += 8;
                    continue;
                }
                dst[n++] = s.ptr[i++];
            } while (i < s.len && (unsigned char)s.ptr[i] > ' ' &&
                     (unsigned char)s.ptr[i] < 0x80);
            continue;
        }
        if (c < 0x80) { /* ASCII needs no ICU lookup and no memcpy */
            i++;
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                in_space = true;
                continue;
            }
            if (in_space && n > 0) {
                dst[n++] = ' ';
            }
            in_space = false;
            dst[n++] = (char)c;
            continue;
        }
        const size_t start = i;
        UChar32 cp;
        U8_NEXT(s.ptr, i, s.len, cp);
        if (cp >= 0 && (u_isUWhiteSpace(cp) || cp == 0x200B)) {
            in_space = true;
            continue;
        }
        if (in_space && n > 0) {
            dst[n++] = ' ';
        }
        in_space = false;
        for (size_t k = start; k < i; k++) {
            dst[n++] = s.ptr[k];
        }
    }
    return n;
}

void
px_article_set(px_article *a, const char **field, px_str value)
{
    const px_str t = px_str_trim(value);
    if (t.len == 0) {
        return;
    }
    char *d = px_arena_alloc(a->arena, t.len + 1);
    if (d == NULL) {
        return;
    }
    const size_t n = collapse_space(t, d);
    d[n] = '\0';
    *field = n > 0 ? d : NULL;
}

px_status
px_article_set_paras(px_article *a, const px_para_in *in, size_t n,
                     px_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += in[i].text.len + 1;
    }
    char *text = px_arena_alloc(a->arena, total + 1);
    px_para *paras = px_arena_calloc(a->arena, n == 0 ? 1 : n, sizeof *paras);
    if (text == NULL || paras == NULL) {
        return px_fail(err, PX_ENOMEM, "article: out of memory");
    }
    size_t len = 0;
    size_t np = 0;
    for (size_t i = 0; i < n; i++) {
        const px_str t = px_str_trim(in[i].text);
        if (t.len == 0) {
            continue;
        }
        if (np > 0) {
            text[len++] = '\n';
        }
        const size_t w = collapse_space(t, text + len);
        paras[np].off = len;
        paras[np].len = w;
        paras[np].kind = in[i].kind;
        np++;
        len += w;
    }
    text[len] = '\0';
    a->text = text;
    a->text_len = len;
    a->paras = paras;
    a->n_paras = np;
    return PX_OK;
}

const char *
px_article_text(const px_article *a, size_t *len)
{
    if (len != NULL) {
        *len = a->text_len;
    }
    return a->text != NULL ? a->text : "";
}

const char *
px_date_prec_name(px_date_prec p)
{
    static const char *const names[] = {"none", "year",   "month",
                                        "day",  "minute", "second"};
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "none";
}

int64_t
px_days_from_civil(int year, int month, int day)
{
    const int64_t y = (int64_t)year - (month <= 2);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy =
        (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + (int64_t)day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void
px_date_format(const px_date *d, char buf[32])
{
    buf[0] = '\0';
    switch (d->prec) {
    case PX_PREC_NONE:
        return;
    case PX_PREC_YEAR:
        snprintf(buf, 32, "%04d", d->year);
        return;
    case PX_PREC_MONTH:
        snprintf(buf, 32, "%04d-%02d", d->year, d->month);
        return;
    case PX_PREC_DAY:
        snprintf(buf, 32, "%04d-%02d-%02d", d->year, d->month, d->day);
        return;
    case PX_PREC_MINUTE:
    case PX_PREC_SECOND:
        break;
    }
    int n = snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d", d->year, d->month,
                     d->day, d->hour, d->min);
    if (d->prec == PX_PREC_SECOND && n > 0 && n < 29) {
        n += snprintf(buf + n, (size_t)(32 - n), ":%02d", d->sec);
    }
    if (d->has_tz && n > 0 && n < 26) {
        const int off = d->tz_min < 0 ? -d->tz_min : d->tz_min;
        if (off == 0) {
            snprintf(buf + n, (size_t)(32 - n), "Z");
        } else {
            snprintf(buf + n, (size_t)(32 - n), "%c%02d:%02d",
                     d->tz_min < 0 ? '-' : '+', off / 60, off % 60);
        }
    }
}

static void
json_field(px_buf *b, const char *key, const char *val)
{
    px_buf_printf(b, ",\"%s\":", key);
    if (val == NULL) {
        px_buf_add_c(b, "null");
    } else {
        px_buf_add_json_str(b, px_str_c(val));
    }
}

static void
json_paras(px_buf *b, const px_article *a)
{
    static const char *const kinds[] = {"p", "h", "li", "quote", "tr"};
    px_buf_add_c(b, ",\"paragraphs\":[");
    for (size_t i = 0; i < a->n_paras; i++) {
        const px_para *p = &a->paras[i];
        px_buf_printf(b, "%s{\"kind\":\"%s\",\"offset\":%zu,\"length\":%zu}",
                      i > 0 ? "," : "", kinds[p->kind], p->off, p->len);
    }
    px_buf_add_byte(b, ']');
}

px_status
px_article_json(const px_article *a, char **out, size_t *len, px_error *err)
{
    px_buf b;
    px_buf_init(&b);
    char date[32];
    px_date_format(&a->published, date);
    px_buf_add_c(&b, "{\"source\":");
    px_buf_add_json_str(&b, px_str_c(a->source != NULL ? a->source : ""));
    json_field(&b, "format", a->format);
    json_field(&b, "url", a->url);
    json_field(&b, "canonical_url", a->canonical);
    json_field(&b, "site", a->site);
    json_field(&b, "title", a->title);
    json_field(&b, "author", a->author);
    json_field(&b, "published", date[0] != '\0' ? date : NULL);
    json_field(&b, "published_precision", px_date_prec_name(a->published.prec));
    json_field(&b, "language_declared", a->lang);
    json_field(&b, "charset", a->charset);
    json_field(&b, "fetched", a->fetched);
    px_buf_add_c(&b, ",\"text\":");
    px_buf_add_json_str(&b, (px_str){px_article_text(a, NULL), a->text_len});
    json_paras(&b, a);
    px_buf_add_c(&b, ",\"how\":[");
    for (size_t i = 0; i < a->n_signals; i++) {
        if (i > 0) {
            px_buf_add_byte(&b, ',');
        }
        px_buf_add_json_str(&b, px_str_c(a->signals[i]));
    }
    px_buf_add_c(&b, "]}");
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "article: out of memory");
}
