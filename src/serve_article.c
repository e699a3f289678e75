/* serve_article.c - the article page of the web UI: the original text in
 * its language and direction, with the spans its story's sheet names in
 * it marked (<mark class="ent|fig|date" id="s-OFFSET">), and for figures
 * and entities links to the matching spans of the other sources.
 *
 * Marks are computed the same way for every source of the story: spans
 * sorted by offset (figures before entities before dates at one offset,
 * longer first) and kept greedily when they do not overlap a kept one.
 * So a link to another source's span is written only when that span is
 * a kept mark there, and its target id exists on the other page. Spans
 * of this article that do not match its text (outside it, cutting a
 * UTF-8 sequence, or of other text) are not marked. */
#include <stdlib.h>
#include <string.h>

#include "html_out.h"
#include "serve_int.h"

/* Marks per story (all sources) at most; xref links per mark at most. */
#define MAX_MARKS 16384
#define MAX_XREFS 16

enum { K_FIG = 0, K_ENT, K_DATE };
static const char *const kind_class[] = {"fig", "ent", "date"};

typedef struct mark {
    int64_t src;
    size_t off;
    size_t len;
    int kind;
    bool is_kept;
    const json_t *group; /* the figure group or actor it belongs to */
} mark;

typedef struct marks {
    mark *m;
    size_t n;
    size_t cap;
} marks;

typedef struct art_ctx {
    const json_t *arts; /* the story's articles: source k is arts[k] */
    size_t n_srcs;
    int64_t self; /* this article's source number */
    px_str text;  /* this article's text */
    marks all;    /* marks of every source, sorted */
} art_ctx;

static bool
is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Whether sp can be marked in source sp.src: inside its text, and for
 * this article on code point boundaries and equal to the span's text. */
static bool
span_fits(const art_ctx *c, const px_web_span *sp)
{
    if (sp->len == 0 || sp->src < 0 || (size_t)sp->src >= c->n_srcs) {
        return false;
    }
    if (sp->src != c->self) {
        const int64_t len = px_web_int(json_array_get(c->arts, (size_t)sp->src),
                                       "length", INT64_MAX);
        return len >= 0 && sp->off <= (uint64_t)len &&
               sp->len <= (uint64_t)len - sp->off;
    }
    const px_str t = c->text;
    if (sp->off > t.len || sp->len > t.len - sp->off) {
        return false;
    }
    const size_t end = sp->off + sp->len;
    if (is_cont((unsigned char)t.ptr[sp->off]) ||
        (end < t.len && is_cont((unsigned char)t.ptr[end]))) {
        return false;
    }
    return sp->text.ptr == NULL ||
           (sp->text.len == sp->len &&
            memcmp(sp->text.ptr, t.ptr + sp->off, sp->len) == 0);
}

static void
add_mark(art_ctx *c, const json_t *span, int kind, const json_t *group)
{
    px_web_span sp;
    if (!px_web_span_get(span, &sp) || !span_fits(c, &sp)) {
        return;
    }
    marks *ms = &c->all;
    if (ms->n == ms->cap) {
        const size_t cap = ms->cap == 0 ? 256 : ms->cap * 2;
        mark *m = cap <= MAX_MARKS ? realloc(ms->m, cap * sizeof *m) : NULL;
        if (m == NULL) {
            return;
        }
        ms->m = m;
        ms->cap = cap;
    }
    ms->m[ms->n++] = (mark){sp.src, sp.off, sp.len, kind, false, group};
}

static int
mark_cmp(const void *a, const void *b)
{
    const mark *x = a;
    const mark *y = b;
    if (x->src != y->src) {
        return x->src < y->src ? -1 : 1;
    }
    if (x->off != y->off) {
        return x->off < y->off ? -1 : 1;
    }
    if (x->kind != y->kind) {
        return x->kind - y->kind;
    }
    return (x->len < y->len) - (x->len > y->len);
}

static void
collect(art_ctx *c, const json_t *sheet)
{
    size_t i;
    const json_t *g;
    json_array_foreach(px_web_arr(sheet, "figures"), i, g)
    {
        size_t j;
        const json_t *v;
        json_array_foreach(px_web_arr(g, "values"), j, v)
        {
            add_mark(c, json_object_get(v, "span"), K_FIG, g);
        }
    }
    json_array_foreach(px_web_arr(sheet, "actors"), i, g)
    {
        size_t j;
        const json_t *s;
        json_array_foreach(px_web_arr(g, "names"), j, s)
        {
            add_mark(c, s, K_ENT, g);
        }
    }
    json_array_foreach(px_web_arr(sheet, "timeline"), i, g)
    {
        size_t j;
        const json_t *s;
        json_array_foreach(px_web_arr(g, "spans"), j, s)
        {
            add_mark(c, s, K_DATE, g);
        }
    }
}

/* Sorts the marks and keeps, per source, those not overlapping an
 * earlier kept one. */
static void
keep_marks(marks *ms)
{
    if (ms->n == 0) {
        return;
    }
    qsort(ms->m, ms->n, sizeof *ms->m, mark_cmp);
    int64_t src = -1;
    size_t end = 0;
    for (size_t i = 0; i < ms->n; i++) {
        mark *m = &ms->m[i];
        if (m->src != src) {
            src = m->src;
            end = 0;
        }
        if (m->off >= end) {
            m->is_kept = true;
            end = m->off + m->len;
        }
    }
}

/* Whether source src has a kept mark at off. */
static bool
kept_at(const marks *ms, int64_t src, size_t off)
{
    size_t lo = 0;
    size_t hi = ms->n;
    while (lo < hi) { /* first mark at or after (src, off) */
        const size_t mid = lo + (hi - lo) / 2;
        const mark *m = &ms->m[mid];
        if (m->src < src || (m->src == src && m->off < off)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < ms->n && ms->m[lo].src == src && ms->m[lo].off == off &&
           ms->m[lo].is_kept;
}

/* One xref link to span s of another source, if it is a kept mark there
 * and that source has no link yet (linked: bit per source). */
static void
xref(px_buf *b, const art_ctx *c, const json_t *s, uint64_t *linked)
{
    px_web_span sp;
    if (!px_web_span_get(s, &sp) || sp.src == c->self || sp.src < 0 ||
        (size_t)sp.src >= c->n_srcs || !kept_at(&c->all, sp.src, sp.off)) {
        return;
    }
    const uint64_t bit = sp.src < 64 ? (uint64_t)1 << sp.src : 0;
    const int64_t id =
        px_web_int(json_array_get(c->arts, (size_t)sp.src), "id", -1);
    if ((*linked & bit) != 0 || id < 0) {
        return;
    }
    *linked |= bit;
    px_buf_printf(b, "<a class=\"xref\" href=\"/article/%lld#s-%zu\" title=\"",
                  (long long)id, sp.off);
    px_buf_printf(b, "S%lld: ", (long long)sp.src + 1);
    px_web_esc(b, sp.text);
    px_buf_printf(b, "\">S%lld</a>", (long long)sp.src + 1);
}

static void
xrefs(px_buf *b, const art_ctx *c, const mark *m)
{
    uint64_t linked = 0;
    size_t i;
    const json_t *x;
    if (m->kind == K_FIG) {
        json_array_foreach(px_web_arr(m->group, "values"), i, x)
        {
            xref(b, c, json_object_get(x, "span"), &linked);
        }
    } else if (m->kind == K_ENT) {
        json_array_foreach(px_web_arr(m->group, "names"), i, x)
        {
            xref(b, c, x, &linked);
        }
    }
}

/* The text with this source's kept marks. */
static void
marked_text(px_buf *b, const art_ctx *c)
{
    size_t at = 0;
    for (size_t i = 0; i < c->all.n; i++) {
        const mark *m = &c->all.m[i];
        if (m->src != c->self || !m->is_kept) {
            continue;
        }
        px_html_esc(b, c->text.ptr + at, m->off - at);
        px_buf_printf(b, "<mark class=\"%s\" id=\"s-%zu\">",
                      kind_class[m->kind], m->off);
        px_html_esc(b, c->text.ptr + m->off, m->len);
        xrefs(b, c, m);
        px_buf_add_c(b, "</mark>");
        at = m->off + m->len;
    }
    px_html_esc(b, c->text.ptr + at, c->text.len - at);
}

/* This article's source number in the story (-1: not found there). */
static int64_t
find_self(const json_t *arts, const json_t *art)
{
    const int64_t id = px_web_int(art, "id", -1);
    const int64_t k = px_web_int(art, "source", -1);
    if (k >= 0 && px_web_int(json_array_get(arts, (size_t)k), "id", -2) == id) {
        return k;
    }
    for (size_t i = 0; i < json_array_size(arts); i++) {
        if (px_web_int(json_array_get(arts, i), "id", -2) == id) {
            return (int64_t)i;
        }
    }
    return -1;
}

static bool
is_web_url(px_str u)
{
    return px_str_istarts_c(u, "http://") || px_str_istarts_c(u, "https://");
}

static void
article_meta(px_buf *b, const json_t *art, const art_ctx *c)
{
    px_buf_add_c(b, "<p class=\"meta\">");
    const int64_t story = px_web_int(art, "story", -1);
    if (story >= 0) {
        px_buf_printf(b,
                      "<a class=\"story-back\" href=\"/story/%lld\">story "
                      "%lld</a> · ",
                      (long long)story, (long long)story);
    }
    if (c->self >= 0) {
        px_buf_printf(b, "source S%lld of %zu · ", (long long)c->self + 1,
                      c->n_srcs);
    }
    px_web_esc_or(b, px_web_str(art, "site"), "(no site)");
    px_buf_add_c(b, " · ");
    px_web_esc(b, px_web_str(art, "lang"));
    px_buf_add_c(b, " · published ");
    px_web_esc_or(b, px_web_str(art, "published"), "(undated)");
    const px_str url = px_web_str(art, "url");
    if (url.ptr != NULL && is_web_url(url)) {
        px_buf_add_c(b, " · <a class=\"original\" rel=\"noreferrer nofollow\" "
                        "href=\"");
        px_web_esc(b, url);
        px_buf_add_c(b, "\">original</a>");
    }
    const int64_t copy = px_web_int(art, "copy_of", -1);
    if (copy >= 0) {
        px_buf_printf(b,
                      " · copy of <a href=\"/article/%lld\">article %lld</a>",
                      (long long)copy, (long long)copy);
    }
    size_t i;
    const json_t *x;
    json_array_foreach(px_web_arr(art, "copies"), i, x)
    {
        if (json_is_integer(x)) {
            px_buf_printf(b, "%s<a href=\"/article/%lld\">%lld</a>",
                          i == 0 ? " · copies: " : ", ",
                          (long long)json_integer_value(x),
                          (long long)json_integer_value(x));
        }
    }
    px_buf_add_c(b, "</p>\n");
}

static void
legend(px_buf *b)
{
    px_buf_add_c(b, "<p class=\"meta\">Marked: <span class=\"key-fig\">"
                    "figures</span> <span class=\"key-ent\">people, "
                    "organisations, places</span> <span class=\"key-date\">"
                    "dates</span>; "
                    "S<i>n</i> links to the same item in source <i>n</i>."
                    "</p>\n");
}

static void
article_body(px_buf *b, const json_t *art, art_ctx *c, const json_t *sheet)
{
    c->text = px_web_str(art, "text");
    if (c->text.ptr == NULL) {
        c->text = px_str_c("");
    }
    if (c->self >= 0 && json_is_object(sheet)) {
        collect(c, sheet);
        keep_marks(&c->all);
    }
    px_buf_add_c(b, "<h1");
    px_web_lang_dir_of(b, art);
    px_buf_add_byte(b, '>');
    px_web_esc_or(b, px_web_str(art, "title"), "(untitled)");
    px_buf_add_c(b, "</h1>\n");
    article_meta(b, art, c);
    legend(b);
    px_buf_add_c(b, "<article id=\"text\"");
    px_web_lang_dir(b, px_web_str(art, "lang"),
                    px_str_eq_c(px_web_str(art, "dir"), "rtl")
                        ? px_str_c("rtl")
                        : px_str_c("ltr"));
    px_buf_add_byte(b, '>');
    marked_text(b, c);
    px_buf_add_c(b, "</article>\n");
}

px_status
px_web_article_html(const char *art, size_t art_len, const char *story,
                    size_t story_len, px_buf *out, px_error *err)
{
    json_t *a = px_web_parse(art, art_len, err);
    if (a == NULL) {
        return PX_EPARSE;
    }
    json_t *s = story != NULL ? px_web_parse(story, story_len, NULL) : NULL;
    const json_t *arts = px_web_arr(s, "articles");
    art_ctx c = {arts, json_array_size(arts), -1, {NULL, 0}, {NULL, 0, 0}};
    c.self = arts != NULL ? find_self(arts, a) : -1;
    px_web_open(out, px_web_str(a, "title"), NULL);
    article_body(out, a, &c, json_object_get(s, "sheet"));
    px_web_close(out);
    free(c.all.m);
    json_decref(s);
    json_decref(a);
    return px_buf_failed(out) ? px_fail(err, PX_ENOMEM, "web: out of memory")
                              : PX_OK;
}
