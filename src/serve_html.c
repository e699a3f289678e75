/* serve_html.c - the web UI's page frame and its small pages: the story
 * list, the search results and the error pages, plus the helpers the
 * story and article pages share (serve_int.h). Pages are rendered from
 * the store's JSON documents only; every string taken from a document is
 * escaped, and language codes and directions are checked before they
 * become attributes. The DOM hooks are those of UI_CONTRACT.md. */
#include <math.h>
#include <string.h>

#include "html_out.h"
#include "serve_int.h"

static const char css[] =
    "body{font-family:'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',"
    "'DejaVu Sans',sans-serif;margin:0;color:#1d1d1d;background:#fafafa}"
    "header{display:flex;gap:1em;align-items:center;padding:.5em 1em;"
    "background:#263238}header a.home{color:#fff;font-weight:bold;"
    "text-decoration:none;font-size:1.2em}"
    "#search{display:flex;gap:.3em;flex:1}#q{flex:1;max-width:30em;"
    "padding:.3em}main{padding:.5em 1.5em 3em}"
    "h1{font-size:1.5em}h2{font-size:1.2em;border-top:2px solid #455a64;"
    "padding-top:.5em;margin-top:1.5em}.meta,.src{color:#555;"
    "font-size:.85em}ol.stories li,ol.hits li{margin:.6em 0}"
    "nav.order a.on{font-weight:bold;text-decoration:none;color:#000}"
    "table{border-collapse:collapse;margin:.5em 0;width:100%;"
    "table-layout:fixed}td,th{border:1px solid #ccc;padding:.3em;"
    "vertical-align:top;font-size:.9em;text-align:start}"
    "th{background:#eceff1}td.what{width:9em}"
    "tr.differs td{background:#ffe3e3}tr.differs td.what{font-weight:bold}"
    "b.lead{color:#b00020}mark.fig,.key-fig{background:#fff0a0}"
    "mark.ent,.key-ent{background:#d7ecff}"
    "mark.date,.key-date{background:#d8f5d0}"
    "a.xref{font-size:.7em;vertical-align:super;margin:0 .15em}"
    "#text{white-space:pre-wrap;line-height:1.7;max-width:48em;"
    "background:#fff;padding:1em;border:1px solid #ddd}"
    ".snippet{margin:.2em 0;color:#333}.quote{margin:.3em 0}"
    ".support{font-weight:bold}.err{font-size:1.1em}";

json_t *
px_web_parse(const char *json, size_t len, px_error *err)
{
    if (json == NULL) {
        px_fail(err, PX_EINVAL, "web: no document");
        return NULL;
    }
    json_error_t je;
    json_t *doc = json_loadb(json, len, JSON_ALLOW_NUL, &je);
    if (doc == NULL || !json_is_object(doc)) {
        json_decref(doc);
        px_fail(err, PX_EPARSE, "web: bad document: %s",
                doc == NULL ? je.text : "not an object");
        return NULL;
    }
    return doc;
}

px_str
px_web_str(const json_t *o, const char *key)
{
    const json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
    if (!json_is_string(v)) {
        return (px_str){NULL, 0};
    }
    return (px_str){json_string_value(v), json_string_length(v)};
}

int64_t
px_web_int(const json_t *o, const char *key, int64_t def)
{
    const json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
    return json_is_integer(v) ? (int64_t)json_integer_value(v) : def;
}

json_t *
px_web_arr(const json_t *o, const char *key)
{
    json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
    return json_is_array(v) ? v : NULL;
}

bool
px_web_span_get(const json_t *o, px_web_span *out)
{
    const int64_t src = px_web_int(o, "source", -1);
    const int64_t off = px_web_int(o, "offset", -1);
    const int64_t len = px_web_int(o, "length", -1);
    if (src < 0 || off < 0 || len < 0) {
        return false;
    }
    *out = (px_web_span){src, (size_t)off, (size_t)len, px_web_str(o, "text")};
    return true;
}

void
px_web_esc(px_buf *b, px_str s)
{
    if (s.ptr != NULL) {
        px_html_esc(b, s.ptr, s.len);
    }
}

void
px_web_esc_or(px_buf *b, px_str s, const char *alt)
{
    const px_str t = px_str_trim(s.ptr != NULL ? s : px_str_c(""));
    if (t.len > 0) {
        px_html_esc(b, s.ptr, s.len);
    } else {
        px_buf_add_c(b, alt);
    }
}

static bool
is_lang_code(px_str s)
{
    if (s.ptr == NULL || s.len == 0 || s.len > 35) {
        return false;
    }
    for (size_t i = 0; i < s.len; i++) {
        const char c = s.ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

void
px_web_lang_dir(px_buf *b, px_str lang, px_str dir)
{
    if (is_lang_code(lang) && !px_str_eq_c(lang, "und")) {
        px_buf_add_c(b, " lang=\"");
        px_buf_add_str(b, lang);
        px_buf_add_byte(b, '"');
    }
    if (px_str_eq_c(dir, "rtl") || px_str_eq_c(dir, "ltr")) {
        px_buf_add_c(b, " dir=\"");
        px_buf_add_str(b, dir);
        px_buf_add_byte(b, '"');
    }
}

void
px_web_lang_dir_of(px_buf *b, const json_t *o)
{
    px_web_lang_dir(b, px_web_str(o, "lang"), px_web_str(o, "dir"));
}

void
px_web_num(px_buf *b, double v)
{
    if (isfinite(v)) {
        px_buf_printf(b, "%.15g", v);
    } else {
        px_buf_add_c(b, "?");
    }
}

void
px_web_open(px_buf *b, px_str title, const char *q)
{
    px_buf_add_c(b, "<!DOCTYPE html>\n<html lang=\"en\"><head>"
                    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
                    "content=\"width=device-width,initial-scale=1\"><title>");
    px_web_esc(b, title);
    px_buf_add_c(b, " · parallax</title><style>");
    px_buf_add_c(b, css);
    px_buf_add_c(b, "</style></head>\n<body><header><a class=\"home\" "
                    "href=\"/\">parallax</a><form id=\"search\" "
                    "action=\"/search\" method=\"get\" role=\"search\">"
                    "<input name=\"q\" id=\"q\" type=\"search\" "
                    "maxlength=\"500\" placeholder=\"search all languages\" "
                    "aria-label=\"search\" value=\"");
    px_html_esc_c(b, q);
    px_buf_add_c(b, "\"><button type=\"submit\">Search</button></form>"
                    "</header>\n<main>\n");
}

void
px_web_close(px_buf *b)
{
    px_buf_add_c(b, "</main></body></html>\n");
}

static px_status
finish(px_buf *out, px_error *err)
{
    return px_buf_failed(out) ? px_fail(err, PX_ENOMEM, "web: out of memory")
                              : PX_OK;
}

/* ---- story list ------------------------------------------------------ */

static void
story_item(px_buf *b, const json_t *s)
{
    const int64_t id = px_web_int(s, "id", -1);
    if (id < 0) {
        return;
    }
    px_buf_printf(b,
                  "<li class=\"story\"><a class=\"story-link\" "
                  "href=\"/story/%lld\"",
                  (long long)id);
    px_web_lang_dir(b, px_web_str(s, "headline_lang"),
                    px_web_str(s, "headline_dir"));
    px_buf_add_byte(b, '>');
    px_web_esc_or(b, px_web_str(s, "headline"), "(no headline)");
    px_buf_printf(b, "</a><div class=\"meta\">%lld articles · %lld sources · ",
                  (long long)px_web_int(s, "articles", 0),
                  (long long)px_web_int(s, "sources", 0));
    const json_t *langs = px_web_arr(s, "langs");
    size_t i;
    const json_t *l;
    json_array_foreach(langs, i, l)
    {
        px_buf_add_c(b, i > 0 ? ", " : "");
        if (json_is_string(l)) {
            px_html_esc(b, json_string_value(l), json_string_length(l));
        }
    }
    px_buf_add_c(b, " · ");
    px_web_esc(b, px_web_str(s, "first"));
    px_buf_add_c(b, " – ");
    px_web_esc(b, px_web_str(s, "last"));
    px_buf_add_c(b, "</div></li>\n");
}

static void
pager(px_buf *b, const char *order, int64_t offset, size_t shown, int64_t total)
{
    px_buf_add_c(b, "<nav class=\"pager\">");
    if (offset > 0) {
        const int64_t prev =
            offset > PX_WEB_PAGE_SIZE ? offset - PX_WEB_PAGE_SIZE : 0;
        px_buf_printf(b,
                      "<a rel=\"prev\" href=\"/?order=%s&amp;offset=%lld\">"
                      "← previous</a> ",
                      order, (long long)prev);
    }
    if (offset + (int64_t)shown < total) {
        px_buf_printf(b,
                      "<a rel=\"next\" href=\"/?order=%s&amp;offset=%lld\">"
                      "next →</a>",
                      order, (long long)(offset + (int64_t)shown));
    }
    px_buf_add_c(b, "</nav>\n");
}

px_status
px_web_stories_html(const char *json, size_t len, px_buf *out, px_error *err)
{
    json_t *doc = px_web_parse(json, len, err);
    const json_t *stories = px_web_arr(doc, "stories");
    if (stories == NULL) {
        json_decref(doc);
        return doc == NULL ? PX_EPARSE
                           : px_fail(err, PX_EPARSE, "web: no stories");
    }
    const char *order =
        px_str_eq_c(px_web_str(doc, "order"), "largest") ? "largest" : "newest";
    const bool newest = order[0] == 'n';
    const int64_t offset = px_web_int(doc, "offset", 0);
    const int64_t total = px_web_int(doc, "total", 0);
    px_web_open(out, PX_STR_LIT("Stories"), NULL);
    px_buf_printf(out,
                  "<h1>Stories</h1><nav class=\"order\">%lld stories · "
                  "<a href=\"/?order=newest\"%s>newest first</a> · "
                  "<a href=\"/?order=largest\"%s>largest first</a></nav>\n",
                  (long long)total, newest ? " class=\"on\"" : "",
                  newest ? "" : " class=\"on\"");
    px_buf_printf(out, "<ol class=\"stories\" start=\"%lld\">\n",
                  (long long)offset + 1);
    size_t i;
    const json_t *s;
    json_array_foreach(stories, i, s)
    {
        story_item(out, s);
    }
    px_buf_add_c(out, "</ol>\n");
    if (json_array_size(stories) == 0) {
        px_buf_add_c(out, "<p>No stories here yet: add pages with "
                          "<code>parallax add</code>.</p>\n");
    }
    pager(out, order, offset, json_array_size(stories), total);
    px_web_close(out);
    json_decref(doc);
    return finish(out, err);
}

/* ---- search results -------------------------------------------------- */

static void
hit_item(px_buf *b, const json_t *h)
{
    const int64_t art = px_web_int(h, "article", -1);
    const int64_t story = px_web_int(h, "story", -1);
    if (art < 0) {
        return;
    }
    px_buf_add_c(b, "<li class=\"hit\"");
    px_web_lang_dir_of(b, h);
    px_buf_printf(b, "><a class=\"hit-article\" href=\"/article/%lld\">",
                  (long long)art);
    px_web_esc_or(b, px_web_str(h, "title"), "(untitled)");
    px_buf_add_c(b, "</a><p class=\"snippet\">");
    px_web_esc(b, px_web_str(h, "snippet"));
    px_buf_add_c(b, "</p><div class=\"meta\" dir=\"ltr\" lang=\"en\">");
    px_web_esc_or(b, px_web_str(h, "site"), "");
    px_buf_add_c(b, " · ");
    px_web_esc(b, px_web_str(h, "lang"));
    px_buf_add_c(b, " · match: ");
    px_web_esc(b, px_web_str(h, "match"));
    if (story >= 0) {
        px_buf_printf(b,
                      " · <a class=\"hit-story\" href=\"/story/%lld\">"
                      "story %lld</a>",
                      (long long)story, (long long)story);
    }
    px_buf_add_c(b, "</div></li>\n");
}

px_status
px_web_search_html(const char *query, const char *json, size_t len, px_buf *out,
                   px_error *err)
{
    json_t *doc = NULL;
    if (json != NULL && (doc = px_web_parse(json, len, err)) == NULL) {
        return PX_EPARSE;
    }
    const json_t *hits = px_web_arr(doc, "hits");
    px_web_open(out, PX_STR_LIT("Search"), query);
    px_buf_add_c(out, "<h1>Search</h1>\n");
    if (query == NULL || query[0] == '\0') {
        px_buf_add_c(out, "<p>Type words in any language: articles in the "
                          "other languages are found through the concepts "
                          "they name.</p>\n");
    } else {
        px_buf_printf(out, "<p class=\"meta\">%lld results for “",
                      (long long)px_web_int(doc, "total",
                                            (int64_t)json_array_size(hits)));
        px_html_esc_c(out, query);
        px_buf_add_c(out, "”</p>\n<ol class=\"hits\">\n");
        size_t i;
        const json_t *h;
        json_array_foreach(hits, i, h)
        {
            hit_item(out, h);
        }
        px_buf_add_c(out, "</ol>\n");
    }
    px_web_close(out);
    json_decref(doc);
    return finish(out, err);
}

/* ---- errors ---------------------------------------------------------- */

static const char *
status_name(unsigned status)
{
    switch (status) {
    case 400:
        return "Bad request";
    case 404:
        return "Not found";
    case 405:
        return "Method not allowed";
    case 413:
        return "Request too large";
    case 414:
        return "Address too long";
    case 429:
        return "Too many requests";
    case 503:
        return "Busy";
    default:
        return "Server error";
    }
}

void
px_web_error_html(unsigned status, const char *msg, px_buf *out)
{
    const char *name = status_name(status);
    px_web_open(out, px_str_c(name), NULL);
    px_buf_printf(out, "<h1>%u %s</h1>\n<p class=\"err\">", status, name);
    px_html_esc_c(out, msg);
    px_buf_add_c(out, "</p>\n<p><a href=\"/\">All stories</a></p>\n");
    px_web_close(out);
}
