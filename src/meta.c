/* meta.c - article metadata from a parsed HTML page.
 *
 * One walk over the tree gathers every source (meta tags, JSON-LD scripts,
 * <title>, <h1>, <time>, byline and date-like elements, canonical links);
 * each field is then chosen from its sources in a fixed order of trust and
 * the choice is recorded as a signal. Elements inside asides, navigation,
 * site headers and related/recommended lists never give a date or an author,
 * nor does an entry of a listing (list items with headings of their own),
 * so a teaser's date cannot become the article's; only a dated byline right
 * by the headline may sit in an aside or a teaser-classed box. Dates in
 * running text (events, ranges) and in a data table's date column are seen
 * but never taken. Generic author labels are dropped. Nothing here invents a
 * date: no source, no date.
 */
#include "meta.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "error.h"
#include "log.h"
#include "pubdate.h"
#include "str.h"

#define MAX_META 192
#define MAX_CAND 32
#define MAX_LD   16
#define MAX_IDS  32

typedef struct meta_tag {
    const char *key; /* lower-cased name, property, itemprop or http-equiv */
    const char *val;
} meta_tag;

typedef struct node_list {
    xmlNodePtr n[MAX_CAND];
    size_t len;
} node_list;

/* What JSON-LD said about the page. */
typedef struct ld_info {
    const char *headline;
    const char *published;       /* datePublished of an article object */
    const char *published_other; /* datePublished of any other object */
    const char *modified;        /* dateModified of an article object */
    const char *author;
    const char *author_other; /* author of a WebPage or other object */
    const char *publisher;
    const char *website;
    const char *ids[MAX_IDS]; /* "@id" -> name, for author references */
    const char *id_names[MAX_IDS];
    size_t n_ids;
    bool has_article;
} ld_info;

/* Class and id values seen (borrowed from the tree) and their hints
 * (CLS_AUTHOR, CLS_TITLE), by a hash of the pair: pages repeat them. */
#define CLS_SLOTS 256
typedef struct cls_cache {
    const char *cv[CLS_SLOTS];
    const char *iv[CLS_SLOTS];
    uint8_t bits[CLS_SLOTS];
} cls_cache;

typedef struct page {
    px_article *a;
    const char *url;
    const char *host;
    const char *title_tag;
    const char *html_lang;
    const char *canonical;
    meta_tag metas[MAX_META];
    size_t n_metas;
    node_list ld;
    node_list h1;
    node_list times;
    node_list authors;
    node_list author_links; /* rel=author, href=".../author/..." */
    node_list heads;        /* h2, h3 and elements whose class says title */
    xmlNodePtr heading;     /* the heading that gave the title, if not h1 */
    ld_info info;
    cls_cache cls; /* class/id hints by value (visit_classes) */
} page;

/* ---- small helpers ------------------------------------------------------ */

static void
list_add(node_list *l, xmlNodePtr n)
{
    if (l->len < MAX_CAND) {
        l->n[l->len++] = n;
    }
}

static inline bool
tag_is(const xmlNode *n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
           n->name[0] == (xmlChar)name[0] &&
           (name[0] == '\0' || n->name[1] == (xmlChar)name[1]) &&
           strcmp((const char *)n->name, name) == 0;
}

/* The value of n's attribute name as stored in the tree (borrowed, valid
 * while the document lives), "" for an empty one, or NULL when n has no
 * such attribute or its value is not one plain text node. No allocation,
 * unlike xmlGetProp. */
static const char *
prop_view(const xmlNode *n, const char *name)
{
    if (n == NULL || n->type != XML_ELEMENT_NODE) {
        return NULL;
    }
    for (const xmlAttr *p = n->properties; p != NULL; p = p->next) {
        if (p->name == NULL || p->name[0] != (xmlChar)name[0] ||
            strcmp((const char *)p->name, name) != 0) {
            continue;
        }
        const xmlNode *c = p->children;
        if (c == NULL) {
            return "";
        }
        if (c->next == NULL && c->type == XML_TEXT_NODE && c->content != NULL) {
            return (const char *)c->content;
        }
        return NULL;
    }
    return NULL;
}

/* Does n have an attribute called name (whatever its value)? */
static bool
has_prop(const xmlNode *n, const char *name)
{
    for (const xmlAttr *p = n->properties; p != NULL; p = p->next) {
        if (p->name != NULL && p->name[0] == (xmlChar)name[0] &&
            strcmp((const char *)p->name, name) == 0) {
            return true;
        }
    }
    return false;
}

/* An arena copy of s with white space collapsed, or NULL when empty. */
static const char *
arena_text(px_article *a, const char *s, size_t len)
{
    if (s == NULL || len == 0) {
        return NULL;
    }
    const char *out = NULL;
    px_article_set(a, &out, (px_str){s, len});
    return out;
}

/* Attribute value as an arena string (collapsed), or NULL. */
static const char *
attr(px_article *a, xmlNodePtr n, const char *name)
{
    const char *view = prop_view(n, name);
    if (view != NULL) {
        return arena_text(a, view, strlen(view));
    }
    if (!has_prop(n, name)) {
        return NULL;
    }
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (v == NULL) {
        return NULL;
    }
    const char *out = arena_text(a, (const char *)v, strlen((const char *)v));
    xmlFree(v);
    return out;
}

/* Text content of n (at most max bytes, whole code points), or NULL. */
static const char *
node_text(px_article *a, xmlNodePtr n, size_t max)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (v == NULL) {
        return NULL;
    }
    size_t len = strlen((const char *)v);
    if (len > max) {
        len = max;
        while (len > 0 && (v[len] & 0xC0) == 0x80) {
            len--;
        }
    }
    const char *out = arena_text(a, (const char *)v, len);
    xmlFree(v);
    return out;
}

/* Next node after c in a walk limited to the subtree of root. */
static xmlNodePtr
subtree_next(xmlNodePtr c, xmlNodePtr root)
{
    if (c->type == XML_ELEMENT_NODE && c->children != NULL) {
        return c->children;
    }
    while (c != root && c->next == NULL) {
        c = c->parent;
    }
    return c == root ? NULL : c->next;
}

/* Like subtree_next, without entering c's children. */
static xmlNodePtr
subtree_skip(xmlNodePtr c, xmlNodePtr root)
{
    while (c != root && c->next == NULL) {
        c = c->parent;
    }
    return c == root ? NULL : c->next;
}

/* Text of n with a space between text nodes, so "By<a>Jane</a>" reads
 * "By Jane" (at most max bytes), as an arena string, or NULL. */
static const char *
node_text_spaced(px_article *a, xmlNodePtr n, size_t max)
{
    px_buf b;
    px_buf_init(&b);
    for (xmlNodePtr c = n->children; c != NULL && b.len < max;
         c = (tag_is(c, "script") || tag_is(c, "style")) ? subtree_skip(c, n)
                                                         : subtree_next(c, n)) {
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            px_buf_add_c(&b, (const char *)c->content);
            px_buf_add_byte(&b, ' ');
        }
    }
    const char *out = NULL;
    if (!px_buf_failed(&b) && b.len > 0) {
        size_t len = b.len < max ? b.len : max;
        while (len > 0 && (b.ptr[len] & 0xC0) == 0x80) {
            len--;
        }
        out = arena_text(a, b.ptr, len);
    }
    px_buf_fini(&b);
    return out;
}

/* Lower-case copy of s into buf (cap bytes, NUL-terminated) that keeps
 * every byte offset: ASCII letters, and other letters whose lower case has
 * the same UTF-8 length (Cyrillic, Greek, Latin-1...), are lowered. */
static void
lower_into(const char *s, char *buf, size_t cap)
{
    size_t i = 0;
    while (s != NULL && s[i] != '\0' && i + 1 < cap) {
        const unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            buf[i] = (char)((c >= 'A' && c <= 'Z') ? (c | 0x20) : c);
            i++;
            continue;
        }
        const size_t start = i;
        UChar32 cp;
        U8_NEXT(s, i, cap - 1, cp);
        const UChar32 lo = cp >= 0 ? u_tolower(cp) : cp;
        memcpy(buf + start, s + start, i - start);
        if (lo != cp && (size_t)U8_LENGTH(lo) == i - start) {
            size_t w = start;
            U8_APPEND_UNSAFE(buf, w, lo);
        }
    }
    buf[i] = '\0';
}

static bool
contains_any(const char *hay, const char *const *needles)
{
    for (size_t i = 0; needles[i] != NULL; i++) {
        if (strstr(hay, needles[i]) != NULL) {
            return true;
        }
    }
    return false;
}

/* The lower-cased class and id of n, space separated, into buf. */
static void
class_id(xmlNodePtr n, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (n->type != XML_ELEMENT_NODE) {
        return;
    }
    xmlChar *c = NULL;
    xmlChar *i = NULL;
    const char *cv = prop_view(n, "class");
    const char *iv = prop_view(n, "id");
    if (cv == NULL && has_prop(n, "class")) {
        c = xmlGetProp(n, (const xmlChar *)"class");
        cv = (const char *)c;
    }
    if (iv == NULL && has_prop(n, "id")) {
        i = xmlGetProp(n, (const xmlChar *)"id");
        iv = (const char *)i;
    }
    /* "class id", lower-cased, cut at 255 bytes like the old snprintf */
    const size_t lim = cap < 256 ? cap : 256;
    const char *cs = cv != NULL ? cv : "";
    size_t k = strnlen(cs, lim - 1);
    px_ascii_lower_copy(buf, cs, k);
    if (k + 1 < lim) {
        buf[k++] = ' ';
    }
    const char *is = iv != NULL ? iv : "";
    const size_t il = strnlen(is, lim - 1 - k);
    px_ascii_lower_copy(buf + k, is, il);
    k += il;
    buf[k] = '\0';
    xmlFree(c);
    xmlFree(i);
}

static bool
attr_ieq(xmlNodePtr n, const char *name, const char *want)
{
    if (!has_prop(n, name)) {
        return false;
    }
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char low[64];
    lower_into((const char *)v, low, sizeof low);
    xmlFree(v);
    return v != NULL && strcmp(low, want) == 0;
}

/* ---- where an element sits ---------------------------------------------- */

/* A class word of token_match, with its length. */
typedef struct {
    const char *s;
    size_t len;
} cls_pat;

#define PAT(w)                                                                 \
    {                                                                          \
        w, sizeof(w) - 1                                                       \
    }

static const cls_pat boiler_cls[] = {
    PAT("related"),      PAT("recommend"),   PAT("sidebar"),
    PAT("recent"),       PAT("comment"),     PAT("popular"),
    PAT("trending"),     PAT("most-read"),   PAT("mostread"),
    PAT("more-stor"),    PAT("also-"),       PAT("teaser"),
    PAT("promo"),        PAT("outbrain"),    PAT("taboola"),
    PAT("newsletter"),   PAT("masthead"),    PAT("site-header"),
    PAT("topbar"),       PAT("top-bar"),     PAT("navbar"),
    PAT("breadcrumb"),   PAT("menu"),        PAT("carousel"),
    PAT("ticker"),       PAT("slider"),      PAT("other-"),
    PAT("next-post"),    PAT("prev-post"),   PAT("calendar"),
    PAT("archive"),      PAT("header-date"), PAT("today"),
    PAT("current-date"), PAT("currentdate"), PAT("date-today"),
    PAT("clock"),        PAT("weather"),     {NULL, 0}};

static bool
in_article_tag(xmlNodePtr n)
{
    for (xmlNodePtr p = n->parent; p != NULL; p = p->parent) {
        if (tag_is(p, "article")) {
            return true;
        }
    }
    return false;
}

/* May a token end with pattern pat where it starts at t[at]? A one-word
 * pattern may ("mainmenu", "post-related"); a compound one ("header-date")
 * only after a separator: "articleheader-date" is an article's header. */
static bool
suffix_cut(const char *t, size_t at, const char *pat)
{
    if (at == 0 || strchr(pat, '-') == NULL) {
        return true;
    }
    return t[at - 1] == '-' || t[at - 1] == '_';
}

/* Is the class token t (tl bytes) a modifier naming what an element has
 * or lacks ("has-sidebar", "no-comments", "header-with-topbar")? */
static bool
modifier(const char *t, size_t tl)
{
    static const cls_pat starts[] = {
        PAT("has-"), PAT("with-"), PAT("no-"), PAT("without-"), {NULL, 0}};
    for (size_t i = 0; starts[i].s != NULL; i++) {
        const size_t n = starts[i].len;
        if (tl > n && memcmp(t, starts[i].s, n) == 0) {
            return true;
        }
    }
    for (size_t i = 0; i + 6 <= tl; i++) {
        if (memcmp(t + i, "-with-", 6) == 0) {
            return true;
        }
    }
    return false;
}

/* Does the class token t (tl bytes) start or end with one of pats? */
static bool
token_has(const char *t, size_t tl, const cls_pat *pats)
{
    for (size_t i = 0; tl > 0 && pats[i].s != NULL; i++) {
        const char *pat = pats[i].s;
        const size_t pl = pats[i].len;
        if (pl <= tl &&
            ((pat[0] == t[0] && memcmp(t, pat, pl) == 0) ||
             (pat[0] == t[tl - pl] && memcmp(t + tl - pl, pat, pl) == 0 &&
              suffix_cut(t, tl - pl, pat)))) {
            return true;
        }
    }
    return false;
}

/* Does the class token t (tl bytes) say nothing of the layout? WordPress
 * lists the post's taxonomy in its classes ("category-popular",
 * "tag-weather"); modifiers say what an element has ("has-double-sidebar",
 * "header-with-topbar"). */
static bool
taxonomy(const char *t, size_t tl)
{
    return strncmp(t, "category-", 9) == 0 || strncmp(t, "tag-", 4) == 0 ||
           modifier(t, tl);
}

/* Does a class or id token in cls (space separated) start or end with one
 * of pats? "related-posts" and "post-related" match "related";
 * "content-sidebar-wrap" does not match "sidebar". */
static bool
token_match(const char *cls, const cls_pat *pats)
{
    const char *t = cls;
    while (*t != '\0') {
        while (*t == ' ') {
            t++;
        }
        const size_t tl = strcspn(t, " ");
        /* the taxonomy test runs only on a token that matches: few do */
        if (token_has(t, tl, pats) && !taxonomy(t, tl)) {
            return true;
        }
        t += tl;
    }
    return false;
}

/* Chrome that holds other pages' dates even right by the headline:
 * comments, related lists, tickers. */
static const cls_pat hard_cls[] = {
    PAT("related"),  PAT("recommend"), PAT("comment"),   PAT("popular"),
    PAT("trending"), PAT("most-read"), PAT("mostread"),  PAT("more-stor"),
    PAT("outbrain"), PAT("taboola"),   PAT("next-post"), PAT("prev-post"),
    PAT("weather"),  PAT("calendar"),  PAT("ticker"),    PAT("breadcrumb"),
    PAT("menu"),     {NULL, 0}};

/* The masthead's clock and today's date: chrome by the headline only
 * above it, as a masthead is; below the headline, a "header-date" is the
 * article header's. */
static const cls_pat masthead_cls[] = {
    PAT("header-date"), PAT("today"),      PAT("current-date"),
    PAT("currentdate"), PAT("date-today"), PAT("clock"),
    {NULL, 0}};

/* How near the headline a date is, for chrome_near. */
enum { NEAR_NO = 0, NEAR_YES = 1, NEAR_BELOW = 2 };

/* Is n one of the n_list nodes of list? */
static bool
is_one_of(const xmlNode *n, const xmlNode *const *list, size_t n_list)
{
    for (size_t k = 0; k < n_list; k++) {
        if (list[k] == n) {
            return true;
        }
    }
    return false;
}

/* The element that makes n page chrome (an aside, nav, related list,
 * menu...), or NULL; with lists, a list item outside <article> counts.
 * Elements in stop (n_stop of them: the headline's ancestors) hold the
 * article itself, so neither they nor their ancestors are chrome. Near
 * the headline (near: NEAR_YES, or NEAR_BELOW just under it), only hard
 * chrome counts: an aside, footer, list item or teaser box there is the
 * article's own byline. */
static xmlNodePtr
chrome_near(xmlNodePtr n, bool lists, const xmlNode *const *stop, size_t n_stop,
            int near)
{
    if (n != NULL && n->type != XML_ELEMENT_NODE) {
        n = n->parent; /* a text node: judge its element */
    }
    if (n == NULL) {
        return NULL;
    }
    static const cls_pat footer[] = {PAT("footer"), {NULL, 0}};
    const bool in_article = in_article_tag(n);
    for (xmlNodePtr p = n; p != NULL && p->type == XML_ELEMENT_NODE &&
                           !tag_is(p, "body") && !tag_is(p, "html");
         p = p->parent) {
        if (is_one_of(p, stop, n_stop)) {
            return NULL;
        }
        if (tag_is(p, "nav") ||
            (!near && (tag_is(p, "aside") ||
                       (!in_article && (tag_is(p, "footer") ||
                                        (lists && tag_is(p, "li"))))))) {
            return p;
        }
        char cls[256];
        class_id(p, cls, sizeof cls);
        if (token_match(cls, near != NEAR_NO ? hard_cls : boiler_cls) ||
            (near == NEAR_YES && token_match(cls, masthead_cls)) ||
            (!near && !in_article && token_match(cls, footer))) {
            return p;
        }
    }
    return NULL;
}

static xmlNodePtr
chrome_elem(xmlNodePtr n, bool lists, const xmlNode *const *stop, size_t n_stop)
{
    return chrome_near(n, lists, stop, n_stop, NEAR_NO);
}

static bool
chrome_at(xmlNodePtr n, bool lists)
{
    return chrome_elem(n, lists, NULL, 0) != NULL;
}

static bool
in_boilerplate(xmlNodePtr n)
{
    return chrome_at(n, true);
}

/* True if n lies in <article>, <main> or a role=main element. */
static bool
in_main(xmlNodePtr n)
{
    for (xmlNodePtr p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE;
         p = p->parent) {
        if (tag_is(p, "article") || tag_is(p, "main") ||
            attr_ieq(p, "role", "main")) {
            return true;
        }
    }
    return false;
}

/* ---- gathering ---------------------------------------------------------- */

static void
add_meta(page *pg, const char *key, const char *val)
{
    if (key == NULL || val == NULL || pg->n_metas >= MAX_META) {
        return;
    }
    char low[96];
    lower_into(key, low, sizeof low);
    const char *k = arena_text(pg->a, low, strlen(low));
    if (k != NULL) {
        pg->metas[pg->n_metas++] = (meta_tag){k, val};
    }
}

/* Does microdata put n in an item that is not the article (the nearest
 * itemscope has an itemtype such as Review, Comment, Event or Offer)? Its
 * dates are that item's, as a review's datePublished is. */
static bool
in_other_item(xmlNodePtr n)
{
    static const char *const page_types[] = {
        "article", "posting", "creativework", "webpage", "report",
        "blog",    NULL};
    for (int k = 0; k < 32 && n != NULL && n->type == XML_ELEMENT_NODE;
         k++, n = n->parent) {
        if (!has_prop(n, "itemscope")) {
            continue;
        }
        const char *t = prop_view(n, "itemtype");
        if (t == NULL) {
            return false;
        }
        char low[128];
        lower_into(t, low, sizeof low);
        return !contains_any(low, page_types);
    }
    return false;
}

/* Is itemprop key a date (datePublished, dateModified...) of an item
 * other than the article (in_other_item)? */
static bool
is_other_item_date(xmlNodePtr n, const char *key)
{
    char low[64];
    lower_into(key, low, sizeof low);
    return strstr(low, "date") != NULL && in_other_item(n);
}

static void
visit_meta(page *pg, xmlNodePtr n)
{
    const char *val = attr(pg->a, n, "content");
    if (val == NULL) {
        return;
    }
    static const char *const keys[] = {"name", "property", "itemprop",
                                       "http-equiv"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *k = prop_view(n, keys[i]);
        if (k == NULL && has_prop(n, keys[i])) {
            k = attr(pg->a, n, keys[i]);
        }
        if (k == NULL || (i == 2 && is_other_item_date(n, k))) {
            continue; /* a date of a review or other item in the page */
        }
        /* property="og:title article:author" style lists are rare; keep
         * the attribute as one key. */
        add_meta(pg, k, val);
    }
}

static void
visit_link(page *pg, xmlNodePtr n)
{
    if (attr_ieq(n, "rel", "canonical") && pg->canonical == NULL) {
        pg->canonical = attr(pg->a, n, "href");
    }
}

/* Elements carrying itemprop outside <meta>: dates and authors. */
static void
visit_itemprop(page *pg, xmlNodePtr n, const char *prop)
{
    char low[64];
    lower_into(prop, low, sizeof low);
    if (strcmp(low, "datepublished") == 0 || strcmp(low, "datecreated") == 0 ||
        strcmp(low, "datemodified") == 0) {
        const char *v = attr(pg->a, n, "content");
        v = v != NULL ? v : attr(pg->a, n, "datetime");
        v = v != NULL ? v : node_text(pg->a, n, 200);
        /* a list item that itself carries the date is a byline's item,
         * not a teaser in a list: only its ancestors are judged */
        xmlNodePtr from = tag_is(n, "li") && n->parent != NULL ? n->parent : n;
        if (!in_boilerplate(from) && !in_other_item(n)) {
            add_meta(pg, low, v);
        }
    } else if (strcmp(low, "author") == 0 || strcmp(low, "creator") == 0) {
        list_add(&pg->authors, n);
    }
}

static const char *const date_cls[] = {
    "date",  "time",      "publish",  "posted",    "byline",
    "meta",  "info",      "dateline", "created",   "pubtime",
    "stamp", "submitted", "source",   "attribute", NULL};
enum { CLS_AUTHOR = 1, CLS_TITLE = 2, CLS_SET = 4 };

/* True if s starts with w (s may end first: its NUL stops the loop). */
static bool
at_word(const char *s, const char *w)
{
    for (; *w != '\0'; s++, w++) {
        if (*s != *w) {
            return false;
        }
    }
    return true;
}

/* The class hints of a lower-cased "class id" string: author when it holds
 * "author", "byline", "writer", "reporter" or "journalist" but neither
 * "author-bio" nor "avatar"; title when it holds "title" or "headline".
 * One pass on the words' first letters instead of a strstr per word (the
 * hints of each new class value). */
static unsigned
class_hints(const char *cls)
{
    bool author = false;
    bool no_author = false;
    bool title = false;
    /* the first letters of the words below */
    static const bool starts[256] = {['a'] = 1, ['b'] = 1, ['w'] = 1, ['r'] = 1,
                                     ['j'] = 1, ['t'] = 1, ['h'] = 1};
    for (const char *p = cls; *p != '\0'; p++) {
        if (!starts[(unsigned char)*p]) {
            continue;
        }
        switch (*p) {
        case 'a':
            if (at_word(p, "author")) {
                author = true;
                no_author = no_author || at_word(p + 6, "-bio");
            } else {
                no_author = no_author || at_word(p, "avatar");
            }
            break;
        case 'b':
            author = author || at_word(p, "byline");
            break;
        case 'w':
            author = author || at_word(p, "writer");
            break;
        case 'r':
            author = author || at_word(p, "reporter");
            break;
        case 'j':
            author = author || at_word(p, "journalist");
            break;
        case 't':
            title = title || at_word(p, "title");
            break;
        case 'h':
            title = title || at_word(p, "headline");
            break;
        default:
            break;
        }
    }
    return CLS_SET | (author && !no_author ? CLS_AUTHOR : 0) |
           (title ? CLS_TITLE : 0);
}

/* The hints of n's class and id: from the cache when both values are
 * plain and were seen before. 0 when n has neither. */
static unsigned
class_bits(cls_cache *cache, xmlNodePtr n)
{
    const char *cv = prop_view(n, "class");
    const char *iv = prop_view(n, "id");
    const bool plain = (cv != NULL || !has_prop(n, "class")) &&
                       (iv != NULL || !has_prop(n, "id"));
    if (plain && cv == NULL && iv == NULL) {
        return 0; /* class_id would give " " */
    }
    size_t slot = 0;
    if (plain) {
        cv = cv != NULL ? cv : "";
        iv = iv != NULL ? iv : "";
        slot = (size_t)(px_hash_sparse(px_hash_sparse(0, cv, strlen(cv)), iv,
                                       strlen(iv)) >>
                        32) %
               CLS_SLOTS;
        if (cache->bits[slot] != 0 && strcmp(cache->cv[slot], cv) == 0 &&
            strcmp(cache->iv[slot], iv) == 0) {
            return cache->bits[slot];
        }
    }
    char cls[256];
    class_id(n, cls, sizeof cls);
    if (cls[0] == ' ' && cls[1] == '\0') {
        return 0;
    }
    const unsigned bits = class_hints(cls);
    if (plain) {
        cache->cv[slot] = cv;
        cache->iv[slot] = iv;
        cache->bits[slot] = (uint8_t)bits;
    }
    return bits;
}

/* Class and id hints: byline and date-like elements. */
static void
visit_classes(page *pg, xmlNodePtr n)
{
    const unsigned bits = class_bits(&pg->cls, n);
    if ((bits & CLS_AUTHOR) != 0) {
        list_add(&pg->authors, n);
    }
    if ((bits & CLS_TITLE) != 0 && !tag_is(n, "h1") && !tag_is(n, "h2") &&
        !tag_is(n, "h3")) {
        list_add(&pg->heads, n);
    }
}

/* Is s (n bytes) a path segment naming an author page ("Author")? */
static bool
is_author_seg(const char *s, size_t n)
{
    static const char *const segs[] = {
        "author",   "authors",    "autor",     "autoren", "auteur",
        "autore",   "journalist", "redakteur", "profile", "writer",
        "reporter", "by",         "staff",     "people",  NULL};
    char low[16];
    if (n < 2 || n >= sizeof low) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const char c = s[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    low[n] = '\0';
    for (size_t i = 0; segs[i] != NULL; i++) {
        if (segs[i][0] == low[0] && strcmp(segs[i], low) == 0) {
            return true;
        }
    }
    return false;
}

/* A link to an author page: rel=author or an /author/ style path. */
static bool
is_author_link(xmlNodePtr n)
{
    if (attr_ieq(n, "rel", "author")) {
        return true;
    }
    const char *href = prop_view(n, "href");
    if (href == NULL) {
        return false;
    }
    /* a path segment, between slashes, in the first 511 bytes */
    const char *end = href + strnlen(href, 511);
    for (const char *p = strchr(href, '/'); p != NULL && p < end;
         p = memchr(p + 1, '/', (size_t)(end - p - 1))) {
        const char *q = memchr(p + 1, '/', (size_t)(end - p - 1));
        if (q != NULL && is_author_seg(p + 1, (size_t)(q - p - 1))) {
            return true;
        }
        if (q == NULL) {
            break;
        }
    }
    return false;
}

static void
visit_script(page *pg, xmlNodePtr n)
{
    if (attr_ieq(n, "type", "application/ld+json") && pg->ld.len < MAX_LD) {
        list_add(&pg->ld, n);
    }
}

/* Tags with a role in gathering, dispatched on the first letter. */
static void
visit_tag(page *pg, xmlNodePtr n, const char *name)
{
    switch (name[0]) {
    case 'm':
        if (strcmp(name, "meta") == 0) {
            visit_meta(pg, n);
        }
        break;
    case 'l':
        if (strcmp(name, "link") == 0) {
            visit_link(pg, n);
        }
        break;
    case 's':
        if (strcmp(name, "script") == 0) {
            visit_script(pg, n);
        }
        break;
    case 't':
        if (strcmp(name, "title") == 0 && pg->title_tag == NULL &&
            !tag_is(n->parent, "svg")) {
            pg->title_tag = node_text(pg->a, n, 1000);
        } else if (strcmp(name, "time") == 0) {
            list_add(&pg->times, n);
        }
        break;
    case 'h':
        if (strcmp(name, "html") == 0 && pg->html_lang == NULL) {
            pg->html_lang = attr(pg->a, n, "lang");
            pg->html_lang = pg->html_lang != NULL ? pg->html_lang
                                                  : attr(pg->a, n, "xml:lang");
        } else if (strcmp(name, "h1") == 0) {
            list_add(&pg->h1, n);
        } else if (strcmp(name, "h2") == 0 || strcmp(name, "h3") == 0) {
            list_add(&pg->heads, n);
        }
        break;
    case 'a':
        if (name[1] == '\0' && is_author_link(n)) {
            list_add(&pg->author_links, n);
        }
        break;
    default:
        break;
    }
}

static void
visit_element(page *pg, xmlNodePtr n)
{
    const char *name = (const char *)n->name;
    visit_tag(pg, n, name);
    if (n->properties == NULL) {
        return;
    }
    xmlChar *prop = has_prop(n, "itemprop")
                        ? xmlGetProp(n, (const xmlChar *)"itemprop")
                        : NULL;
    if (prop != NULL && strcmp(name, "meta") != 0) {
        visit_itemprop(pg, n, (const char *)prop);
    }
    xmlFree(prop);
    visit_classes(pg, n);
}

/* Pre-order successor of n; descend says whether n's children are wanted. */
static xmlNodePtr
walk_next(xmlNodePtr n, bool descend)
{
    if (descend && n->children != NULL) {
        return n->children;
    }
    while (n != NULL) {
        if (n->next != NULL) {
            return n->next;
        }
        n = n->parent;
        if (n == NULL || n->type != XML_ELEMENT_NODE) {
            return NULL;
        }
    }
    return NULL;
}

static void
gather(page *pg, htmlDocPtr doc)
{
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n != NULL) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE && n->name != NULL) {
            visit_element(pg, n);
            descend = !tag_is(n, "script") && !tag_is(n, "style") &&
                      !tag_is(n, "svg");
        }
        n = walk_next(n, descend);
    }
}

/* ---- JSON-LD ------------------------------------------------------------ */

/* Appends s to b with the common HTML entities decoded (JSON-LD strings
 * often carry "&amp;" or "&#8217;"). */
static void
unescape_html(px_buf *b, const char *s, size_t n)
{
    static const char *const names[][2] = {{"&amp;", "&"},  {"&lt;", "<"},
                                           {"&gt;", ">"},   {"&quot;", "\""},
                                           {"&apos;", "'"}, {"&nbsp;", " "}};
    for (size_t i = 0; i < n;) {
        size_t used = 0;
        for (size_t k = 0; s[i] == '&' && k < 6 && used == 0; k++) {
            const size_t l = strlen(names[k][0]);
            if (i + l <= n && memcmp(s + i, names[k][0], l) == 0) {
                px_buf_add_c(b, names[k][1]);
                used = l;
            }
        }
        if (used == 0 && s[i] == '&' && i + 2 < n && s[i + 1] == '#') {
            const bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
            size_t j = i + (hex ? 3 : 2);
            long cp = 0;
            while (j < n && j < i + 10 && s[j] != ';') {
                const int d = px_ascii_digit((unsigned char)s[j], hex);
                cp = d < 0 ? -1 : cp * (hex ? 16 : 10) + d;
                if (cp < 0) {
                    break;
                }
                j++;
            }
            if (j < n && s[j] == ';' && cp > 0 && cp <= 0x10FFFF &&
                (cp < 0xD800 || cp > 0xDFFF)) {
                char u[4];
                size_t ul = 0;
                U8_APPEND_UNSAFE(u, ul, (UChar32)cp);
                px_buf_add(b, u, ul);
                used = j + 1 - i;
            }
        }
        if (used == 0) {
            px_buf_add_byte(b, s[i]);
            used = 1;
        }
        i += used;
    }
}

static const char *
json_str(px_article *a, json_t *v)
{
    if (!json_is_string(v)) {
        return NULL;
    }
    const char *s = json_string_value(v);
    const size_t n = json_string_length(v);
    if (memchr(s, '&', n) == NULL) {
        return arena_text(a, s, n);
    }
    px_buf b;
    px_buf_init(&b);
    unescape_html(&b, s, n);
    const char *out = px_buf_failed(&b) ? NULL : arena_text(a, b.ptr, b.len);
    px_buf_fini(&b);
    return out;
}

static bool
type_is_article(json_t *obj)
{
    static const char *const types[] = {
        "article",         "newsarticle", "blogposting",      "reportage",
        "analysisnews",    "opinionnews", "reviewnews",       "backgroundnews",
        "liveblogposting", "techarticle", "scholarlyarticle", "report",
        "socialmediapost", "posting",     "creativework",     NULL};
    json_t *t = json_object_get(obj, "@type");
    json_t *one = NULL;
    for (size_t i = 0; json_is_array(t) ? i < json_array_size(t) : i < 1; i++) {
        one = json_is_array(t) ? json_array_get(t, i) : t;
        if (!json_is_string(one)) {
            continue;
        }
        char low[96];
        lower_into(json_string_value(one), low, sizeof low);
        if (contains_any(low, types)) {
            return true;
        }
    }
    return false;
}

static bool
type_eq(json_t *obj, const char *want)
{
    json_t *t = json_object_get(obj, "@type");
    if (json_is_array(t)) {
        t = json_array_get(t, 0);
    }
    const char *s = json_is_string(t) ? json_string_value(t) : "";
    const char *slash = strrchr(s, '/');
    s = slash != NULL ? slash + 1 : s;
    char low[64];
    lower_into(s, low, sizeof low);
    return strcmp(low, want) == 0;
}

/* Name of an author value: string, {name}, {"@id"} or a list of those;
 * appended to b joined by ", ". */
static void
ld_author_add(page *pg, json_t *v, px_buf *b, int depth)
{
    if (json_is_array(v) && depth < 2) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
        {
            ld_author_add(pg, x, b, depth + 1);
        }
        return;
    }
    const char *name = json_str(pg->a, v);
    if (json_is_object(v)) {
        name = json_str(pg->a, json_object_get(v, "name"));
        const char *id = json_str(pg->a, json_object_get(v, "@id"));
        for (size_t i = 0; name == NULL && id != NULL && i < pg->info.n_ids;
             i++) {
            if (strcmp(pg->info.ids[i], id) == 0) {
                name = pg->info.id_names[i];
            }
        }
    }
    if (name != NULL && b->len < 400) {
        if (b->len > 0) {
            px_buf_add_c(b, ", ");
        }
        px_buf_add_c(b, name);
    }
}

static void
ld_article(page *pg, json_t *obj)
{
    ld_info *in = &pg->info;
    if (in->has_article) {
        return;
    }
    in->has_article = true;
    in->headline = json_str(pg->a, json_object_get(obj, "headline"));
    in->published = json_str(pg->a, json_object_get(obj, "datePublished"));
    if (in->published == NULL) {
        in->published = json_str(pg->a, json_object_get(obj, "dateCreated"));
    }
    in->modified = json_str(pg->a, json_object_get(obj, "dateModified"));
    px_buf b;
    px_buf_init(&b);
    ld_author_add(pg, json_object_get(obj, "author"), &b, 0);
    if (!px_buf_failed(&b) && b.len > 0) {
        in->author = arena_text(pg->a, b.ptr, b.len);
    }
    px_buf_fini(&b);
    json_t *pub = json_object_get(obj, "publisher");
    if (json_is_array(pub)) {
        pub = json_array_get(pub, 0);
    }
    if (json_is_object(pub) && in->publisher == NULL) {
        in->publisher = json_str(pg->a, json_object_get(pub, "name"));
    }
}

/* Facts from objects that are not the article. */
static void
ld_other(page *pg, json_t *obj)
{
    ld_info *in = &pg->info;
    const char *id = json_str(pg->a, json_object_get(obj, "@id"));
    const char *name = json_str(pg->a, json_object_get(obj, "name"));
    if (id != NULL && name != NULL && in->n_ids < MAX_IDS) {
        in->ids[in->n_ids] = id;
        in->id_names[in->n_ids++] = name;
    }
    if (type_eq(obj, "website") && in->website == NULL) {
        in->website = name;
    }
    if (in->published_other == NULL && !type_eq(obj, "person")) {
        in->published_other =
            json_str(pg->a, json_object_get(obj, "datePublished"));
    }
}

/* The author of a non-article object (old Yoast puts it on WebPage). */
static void
ld_other_author(page *pg, json_t *obj)
{
    json_t *au = json_object_get(obj, "author");
    if (au == NULL || pg->info.author_other != NULL || type_eq(obj, "person") ||
        type_eq(obj, "organization")) {
        return;
    }
    px_buf b;
    px_buf_init(&b);
    ld_author_add(pg, au, &b, 0);
    if (!px_buf_failed(&b) && b.len > 0) {
        pg->info.author_other = arena_text(pg->a, b.ptr, b.len);
    }
    px_buf_fini(&b);
}

/* Visits objects: the value, @graph members and array items. */
static void
ld_walk(page *pg, json_t *v, bool articles, int depth)
{
    if (depth > 6) {
        return;
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
        {
            ld_walk(pg, x, articles, depth + 1);
        }
        return;
    }
    if (!json_is_object(v)) {
        return;
    }
    if (articles && type_is_article(v)) {
        ld_article(pg, v);
    } else if (articles) {
        ld_other_author(pg, v);
    } else {
        ld_other(pg, v);
    }
    ld_walk(pg, json_object_get(v, "@graph"), articles, depth + 1);
    json_t *main = json_object_get(v, "mainEntity");
    if (json_is_object(main) || json_is_array(main)) {
        ld_walk(pg, main, articles, depth + 1);
    }
}

/* ---- JSON-LD strings nobody reads -------------------------------------- */

/* True if the object key s[0..len) (as written) may be one ld_walk and
 * what it calls look up; keys with escapes may be anything. */
static bool
ld_key_read(const char *s, size_t len)
{
    static const char *const keys[] = {
        "@type",         "@graph",      "mainEntity",   "headline",
        "datePublished", "dateCreated", "dateModified", "author",
        "publisher",     "name",        "@id",          NULL};
    if (memchr(s, '\\', len) != NULL) {
        return true;
    }
    for (size_t i = 0; keys[i] != NULL; i++) {
        if (strlen(keys[i]) == len && memcmp(keys[i], s, len) == 0) {
            return true;
        }
    }
    return false;
}

static int
hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        const int d = px_ascii_digit((unsigned char)p[i], true);
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

/* Length of the well-formed UTF-8 character at p (at most n bytes; no
 * surrogates, nothing over U+10FFFF: what jansson checks too), or 0. */
static size_t
utf8_ok(const unsigned char *p, size_t n)
{
    const int32_t len = n < 4 ? (int32_t)n : 4;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(p, i, len, c);
    return c < 0 ? 0 : (size_t)i;
}

/* The end of the JSON string whose opening quote is s[i] (index after its
 * closing quote), or 0 if it runs past n. *is_valid tells whether jansson
 * reads it without an error: escapes, \u surrogate pairs, no \u0000, no
 * control bytes, strict UTF-8. */
static size_t
json_string_end(const char *s, size_t i, size_t n, bool *is_valid)
{
    *is_valid = true;
    for (size_t j = i + 1; j < n;) {
        const unsigned char c = (unsigned char)s[j];
        if (c == '"') {
            return j + 1;
        }
        if (c < 0x20) {
            *is_valid = false;
            j++;
        } else if (c >= 0x80) {
            const size_t len = utf8_ok((const unsigned char *)s + j, n - j);
            *is_valid = *is_valid && len != 0;
            j += len != 0 ? len : 1;
        } else if (c != '\\') {
            j++;
        } else if (j + 1 < n && s[j + 1] != 'u') {
            *is_valid = *is_valid && strchr("\"\\/bfnrt", s[j + 1]) != NULL &&
                        s[j + 1] != '\0';
            j += 2;
        } else {
            const int v = j + 6 <= n ? hex4(s + j + 2) : -1;
            const int w = v >= 0xD800 && v <= 0xDBFF && j + 12 <= n &&
                                  s[j + 6] == '\\' && s[j + 7] == 'u'
                              ? hex4(s + j + 8)
                              : -1;
            const bool pair = w >= 0xDC00 && w <= 0xDFFF;
            *is_valid =
                *is_valid && v > 0 && (v < 0xD800 || v > 0xDFFF || pair);
            j += pair ? 12 : (v >= 0 ? 6 : 2);
        }
    }
    return 0;
}

/* Empties, in s[0..n), the string values of object keys no ld_walk step
 * looks up ("articleBody", "description", ...), which jansson would
 * otherwise read byte by byte and copy; only strings jansson reads without
 * an error are emptied, so it accepts or rejects the text as before and
 * builds the same values for every key that is read. Returns the new
 * length (the text moves down in place). */
static size_t
ld_blank_unread(char *s, size_t n)
{
    size_t w = 0;
    size_t i = 0;
    const char *key = NULL; /* the last key and its length */
    size_t key_len = 0;
    bool after_colon = false;
    while (i < n) {
        const char c = s[i];
        if (c != '"') {
            after_colon = c == ':' || (after_colon && (c == ' ' || c == '\t' ||
                                                       c == '\n' || c == '\r'));
            s[w++] = s[i++];
            continue;
        }
        bool is_valid = false;
        const size_t e = json_string_end(s, i, n, &is_valid);
        if (e == 0) {
            break; /* unterminated: copied as it is */
        }
        const bool blank = after_colon && is_valid && e - i > 6 &&
                           key != NULL && !ld_key_read(key, key_len);
        after_colon = false;
        if (blank) {
            s[w++] = '"';
            s[w++] = '"';
            i = e;
            continue;
        }
        memmove(s + w, s + i, e - i);
        key = s + w + 1;
        key_len = e - i - 2;
        w += e - i;
        i = e;
    }
    memmove(s + w, s + i, n - i);
    return w + (n - i);
}

/* Parses one script's JSON; control bytes (raw newlines inside strings are
 * common) become spaces, HTML comment and CDATA wrappers are cut. */
static json_t *
ld_parse(xmlNodePtr script)
{
    xmlChar *raw = xmlNodeGetContent(script);
    if (raw == NULL) {
        return NULL;
    }
    char *s = (char *)raw;
    for (char *p = s; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20) {
            *p = ' ';
        }
    }
    const char *start = strpbrk(s, "{[");
    const char *end = NULL;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '}' || *p == ']') {
            end = p;
        }
    }
    json_t *j = NULL;
    if (start != NULL && end != NULL && end > start) {
        json_error_t jerr;
        char *from = s + (start - s);
        const size_t len = ld_blank_unread(from, (size_t)(end - start + 1));
        j = json_loadb(from, len, 0, &jerr);
    }
    xmlFree(raw);
    return j;
}

static void
read_ld(page *pg)
{
    json_t *docs[MAX_LD] = {NULL};
    for (size_t i = 0; i < pg->ld.len; i++) {
        docs[i] = ld_parse(pg->ld.n[i]);
        ld_walk(pg, docs[i], false, 0);
    }
    for (size_t i = 0; i < pg->ld.len; i++) {
        ld_walk(pg, docs[i], true, 0);
        json_decref(docs[i]);
    }
}

/* ---- lookup ------------------------------------------------------------- */

static const char *
meta_get(const page *pg, const char *key)
{
    for (size_t i = 0; i < pg->n_metas; i++) {
        if (strcmp(pg->metas[i].key, key) == 0) {
            return pg->metas[i].val;
        }
    }
    return NULL;
}

/* Host of url without "www.", as an arena string. */
static const char *
url_host(px_article *a, const char *url)
{
    if (url == NULL) {
        return NULL;
    }
    const char *p = strstr(url, "://");
    p = p != NULL ? p + 3 : url;
    const char *at = strpbrk(p, "@/");
    if (at != NULL && *at == '@') {
        p = at + 1;
    }
    size_t n = strcspn(p, "/:?#");
    if (n > 4 && strncmp(p, "www.", 4) == 0) {
        p += 4;
        n -= 4;
    }
    return n > 0 ? arena_text(a, p, n) : NULL;
}

/* Letters and digits of s, ASCII lower-cased, other bytes kept, into buf. */
static void
norm_key(const char *s, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; s != NULL && s[i] != '\0' && n + 1 < cap; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            buf[n++] = (char)(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c >= 0x80) {
            buf[n++] = (char)c;
        }
    }
    buf[n] = '\0';
}

/* True if a and b name the same thing loosely (one holds the other). */
static bool
loose_match(const char *a, const char *b)
{
    char ka[512];
    char kb[512];
    norm_key(a, ka, sizeof ka);
    norm_key(b, kb, sizeof kb);
    if (strlen(ka) < 3 || strlen(kb) < 3) {
        return ka[0] != '\0' && strcmp(ka, kb) == 0;
    }
    return strstr(ka, kb) != NULL || strstr(kb, ka) != NULL;
}

/* ---- title -------------------------------------------------------------- */

static size_t
count_words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p != '\0'; p++) {
        n += (*p != ' ' && (p == s || p[-1] == ' ')) ? 1 : 0;
    }
    return n;
}

static const char *const title_seps[] = {
    " | ", " - ", " – ",  " — ", " _ ", " :: ", " · ",
    " » ", " › ", " ⋆ ",  " / ", " : ", "::",   "_",
    "｜",  "|",   " -- ", " « ", " • ", " ~ ",  NULL};

/* Does segment s[0..n) name the site (site name or host label)? */
static bool
is_site_seg(px_article *a, const char *s, size_t n, const char *site,
            const char *host)
{
    const char *seg = arena_text(a, s, n);
    if (seg == NULL) {
        return false;
    }
    if (site != NULL && loose_match(seg, site)) {
        return true;
    }
    if (host == NULL) {
        return false;
    }
    char label[128];
    const char *dot = strchr(host, '.');
    const size_t ln = dot != NULL ? (size_t)(dot - host) : strlen(host);
    snprintf(label, sizeof label, "%.*s", (int)ln, host);
    return loose_match(seg, label) || loose_match(seg, host);
}

/* title without a leading or trailing " - Site" part naming the site. */
static const char *
strip_site(px_article *a, const char *title, const char *site, const char *host)
{
    for (size_t k = 0; title != NULL && title_seps[k] != NULL; k++) {
        const char *sep = title_seps[k];
        const size_t sl = strlen(sep);
        const char *first = strstr(title, sep);
        const char *last = first;
        for (const char *p = first; p != NULL; p = strstr(p + sl, sep)) {
            last = p;
        }
        if (last == NULL) {
            continue;
        }
        const char *tail = last + sl;
        if (last > title && is_site_seg(a, tail, strlen(tail), site, host)) {
            return arena_text(a, title, (size_t)(last - title));
        }
        if (first[sl] != '\0' &&
            is_site_seg(a, title, (size_t)(first - title), site, host)) {
            return arena_text(a, first + sl, strlen(first + sl));
        }
    }
    return title;
}

/* Does the <title> read "Site | Headline": its part before the first
 * separator sep names the site, or is a short name before a long tail? */
static bool
site_first(const page *pg, const char *title, const char *sep)
{
    const char *first = strstr(title, sep);
    if (first == NULL || first == title) {
        return false;
    }
    const char *head = arena_text(pg->a, title, (size_t)(first - title));
    const char *tail = first + strlen(sep);
    if (head == NULL) {
        return false;
    }
    if (is_site_seg(pg->a, head, strlen(head), pg->a->site, pg->host)) {
        return true;
    }
    const size_t nh = count_words(head);
    const size_t nt = count_words(tail);
    return nh <= 3 && nt >= 4 && nt >= nh + 2 && strstr(tail, sep) == NULL;
}

/* Is t the part of the <title> after its last separator (the site name in
 * "Headline | Site")? Not when the title reads "Site | Headline". */
static bool
is_title_tail(const page *pg, const char *t)
{
    const char *title = pg->title_tag;
    char kh[512];
    kh[0] = '\0';
    bool have_kh = false; /* t's key, made at the first separator found */
    for (size_t k = 0; title != NULL && title_seps[k] != NULL; k++) {
        const char *last = NULL;
        for (const char *p = strstr(title, title_seps[k]); p != NULL;
             p = strstr(p + 1, title_seps[k])) {
            last = p;
        }
        char kt[512];
        if (last != NULL && last > title) {
            if (!have_kh) {
                norm_key(t, kh, sizeof kh);
                have_kh = true;
            }
            norm_key(last + strlen(title_seps[k]), kt, sizeof kt);
            if (kh[0] != '\0' && strcmp(kh, kt) == 0) {
                return !site_first(pg, title, title_seps[k]);
            }
        }
    }
    return false;
}

/* The <h1> whose text the <title> holds (longest), else the only <h1> in
 * the main part of the page; never one that is just the site name. */
static xmlNodePtr
best_h1(page *pg, const char **text)
{
    xmlNodePtr best = NULL;
    size_t best_len = 0;
    size_t n_main = 0;
    size_t n_all = 0;
    xmlNodePtr only = NULL;
    const char *only_text = NULL;
    for (size_t i = 0; i < pg->h1.len; i++) {
        xmlNodePtr h = pg->h1.n[i];
        const char *t = node_text(pg->a, h, 1000);
        /* the h1 the <title> holds is the headline even in a teaser box;
         * any other h1 there is a teaser's */
        const bool titled =
            t != NULL && pg->title_tag != NULL && loose_match(pg->title_tag, t);
        if (t == NULL ||
            (titled ? chrome_near(h, true, NULL, 0, NEAR_YES) != NULL
                    : in_boilerplate(h)) ||
            is_title_tail(pg, t) ||
            (pg->a->site != NULL && loose_match(t, pg->a->site) &&
             strlen(t) <= strlen(pg->a->site) + 4)) {
            continue;
        }
        n_all++;
        if (in_main(h) || n_main == 0) {
            n_main += in_main(h) ? 1 : 0;
            only = h;
            only_text = t;
        }
        if (pg->title_tag != NULL && loose_match(pg->title_tag, t) &&
            strlen(t) > best_len) {
            best = h;
            best_len = strlen(t);
            *text = t;
        }
    }
    if (best == NULL && (n_main == 1 || n_all == 1)) {
        *text = only_text;
        return only;
    }
    return best;
}

/* t without a date at its start or end ("Dec 18 2025 Title", "Title :
 * 31.10.2023, 10.19 Uhr"), as an arena string. */
static const char *
strip_title_date(px_article *a, const char *t)
{
    px_date d;
    size_t off = 0;
    size_t len = 0;
    if (t == NULL || !px_pubdate_find(px_str_c(t), &d, &off, &len)) {
        return t;
    }
    const size_t n = strlen(t);
    const char *out = t;
    if (off == 0 && len < n) {
        out = arena_text(a, t + len, n - len);
    } else if (off + len >= n - 8 && off > 0) {
        size_t e = off;
        while (e > 0 && strchr(" :,|-/(", t[e - 1]) != NULL) {
            e--;
        }
        out = arena_text(a, t, e);
    }
    return out != NULL && strlen(out) >= 8 ? out : t;
}

static void
set_field(px_article *a, const char **field, const char *v, const char *name,
          const char *how)
{
    if (v != NULL && *field == NULL) {
        px_article_set(a, field, px_str_c(v));
        if (*field != NULL) {
            px_article_signal(a, name, how);
        }
    }
}

/* Does heading text t equal title, or the part of title before or after
 * one of its separators? */
static bool
title_form(const char *t, const char *title)
{
    char kt[512];
    char kh[512];
    norm_key(t, kh, sizeof kh);
    norm_key(title, kt, sizeof kt);
    if (strlen(kh) < 6 || strcmp(kh, kt) == 0) {
        return kh[0] != '\0' && strcmp(kh, kt) == 0;
    }
    for (size_t k = 0; title_seps[k] != NULL; k++) {
        const size_t sl = strlen(title_seps[k]);
        for (const char *p = strstr(title, title_seps[k]); p != NULL;
             p = strstr(p + sl, title_seps[k])) {
            char head[512];
            snprintf(head, sizeof head, "%.*s", (int)(p - title), title);
            norm_key(head, kt, sizeof kt);
            if (strcmp(kh, kt) == 0) {
                return true;
            }
            norm_key(p + sl, kt, sizeof kt);
            if (strcmp(kh, kt) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* A heading (h2, h3, class "title") that shows the page title or its
 * headline part, when no <h1> did. */
static const char *
shown_heading(page *pg, xmlNodePtr *node)
{
    const char *forms[] = {meta_get(pg, "og:title"),
                           meta_get(pg, "twitter:title"), pg->title_tag,
                           pg->info.headline};
    for (size_t i = 0; i < pg->heads.len; i++) {
        xmlNodePtr h = pg->heads.n[i];
        const char *t = node_text(pg->a, h, 600);
        if (t == NULL || in_boilerplate(h) || is_title_tail(pg, t)) {
            continue;
        }
        for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
            if (forms[k] != NULL && title_form(t, forms[k])) {
                *node = h;
                return t;
            }
        }
    }
    return NULL;
}

static void
pick_title(page *pg, const char *host)
{
    px_article *a = pg->a;
    if (a->title != NULL) {
        return; /* given by the caller */
    }
    const char *site = a->site;
    const char *h1 = NULL;
    best_h1(pg, &h1);
    set_field(a, &a->title, h1, "title", "h1");
    if (a->title == NULL) {
        set_field(a, &a->title, shown_heading(pg, &pg->heading), "title",
                  "heading");
    }
    const char *og = meta_get(pg, "og:title");
    set_field(a, &a->title, strip_site(a, og, site, host), "title",
              "meta:og:title");
    const char *tw = meta_get(pg, "twitter:title");
    set_field(a, &a->title, strip_site(a, tw, site, host), "title",
              "meta:twitter:title");
    set_field(a, &a->title, pg->info.headline, "title", "jsonld:headline");
    set_field(a, &a->title, strip_site(a, pg->title_tag, site, host), "title",
              "title");
    if (a->title != NULL) {
        a->title = strip_title_date(a, a->title);
    }
}

/* ---- date --------------------------------------------------------------- */

/* The first N_OG_PUB_KEYS are Open Graph's spellings of the article's
 * publication time. */
#define N_OG_PUB_KEYS 4
static const char *const pub_keys[] = {"article:published_time",
                                       "og:article:published_time",
                                       "article:published",
                                       "og:published_time",
                                       "published_time",
                                       "datepublished",
                                       "dc.date.issued",
                                       "dcterms.issued",
                                       "dc.date",
                                       "dcterms.date",
                                       "dc.date.created",
                                       "dcterms.created",
                                       "date",
                                       "pubdate",
                                       "publishdate",
                                       "publish-date",
                                       "publish_date",
                                       "published-date",
                                       "published_date",
                                       "publication_date",
                                       "sailthru.date",
                                       "parsely-pub-date",
                                       "citation_publication_date",
                                       "citation_date",
                                       "citation_online_date",
                                       "article.published",
                                       "article_date_original",
                                       "original-publish-date",
                                       "og:pubdate",
                                       "pub_date",
                                       "displaydate",
                                       "firstpublishedtime",
                                       "rnews:datepublished",
                                       "article:post_date",
                                       "bt:pubdate",
                                       "datecreated",
                                       NULL};

static bool
is_update_node(xmlNodePtr n)
{
    static const char *const upd[] = {"update", "modif", NULL};
    for (int k = 0; k < 2 && n != NULL; k++, n = n->parent) {
        char cls[256];
        class_id(n, cls, sizeof cls);
        if (contains_any(cls, upd)) {
            return true;
        }
    }
    return false;
}

/* The text of up to span bytes before off in s, white space runs counted
 * and copied as one space (markup indentation would fill a byte window),
 * lower-cased into out (cap bytes). */
static void
label_text(const char *s, size_t off, size_t span, char *out, size_t cap)
{
    size_t i = off;
    size_t n = 0;
    bool sp = false;
    while (i > 0 && n < span) {
        const bool ws = s[i - 1] == ' ' || s[i - 1] == '\n' ||
                        s[i - 1] == '\t' || s[i - 1] == '\r';
        n += ws && sp ? 0 : 1;
        sp = ws;
        i--;
    }
    while (i < off && ((unsigned char)s[i] & 0xC0) == 0x80) {
        i++; /* never start inside a code point */
    }
    size_t w = 0;
    sp = false;
    for (; i < off && w + 1 < cap; i++) {
        const bool ws =
            s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (ws && !sp) {
            out[w++] = ' ';
        } else if (!ws) {
            out[w++] = s[i];
        }
        sp = ws;
    }
    out[w] = '\0';
    lower_into(out, out, cap);
}

/* Does the text just before a date (at off in s) call it an update? */
static bool
updated_label(const char *s, size_t off)
{
    static const char *const upd[] = {"updat",      "aktualisiert", "modifi",
                                      "mis à jour", "actualizado",  "更新",
                                      "تحديث",      "обновлено",    "geändert",
                                      "stand:",     "revised",      NULL};
    char low[128];
    label_text(s, off, 60, low, sizeof low);
    return contains_any(low, upd);
}

/* ---- dates the reader can see ------------------------------------------- */

#define MAX_VIS      128
#define MAX_HEAD_UP  64
#define MAX_TIMES    64
#define VIS_TEXT_MAX ((size_t)512 * 1024)

/* Flags of a seen date: in the headline zone, an update, in a date-like
 * element, a <time>, near the headline, labelled as an update in the
 * text, marked as the publication date (label, class or itemprop). */
enum {
    V_ZONE = 1,
    V_UPDATED = 2,
    V_CLASS = 4,
    V_TIME = 8,
    V_NEAR = 16,
    V_UPD_LABEL = 32,
    V_PUB_MARK = 64,
    V_ALT = 128,       /* the other reading of an ambiguous numeric date */
    V_ORIG = 256,      /* labelled as the original publication */
    V_PROSE = 512,     /* in running text or a table's date column */
    V_LABELLED = 1024, /* labelled as published, in a footer or aside */
    V_RANGE = 2048     /* a period's start or end */
};

typedef struct vis_date {
    px_date d;
    unsigned flags;
    int dist; /* text nodes from the headline (negative: before it) */
} vis_date;

typedef struct text_span {
    size_t off; /* where the node's text starts in the joined text */
    xmlNodePtr node;
    int order; /* index among the page's text nodes */
} text_span;

typedef struct vis {
    px_article *a; /* for scratch strings */
    vis_date v[MAX_VIS];
    size_t n;
    px_buf text; /* visible text of the body, one text node per line */
    text_span *spans;
    size_t n_spans;
    size_t cap_spans;
    int h1_order; /* order of the headline's first text node, or -1 */
    const xmlNode *head_up[MAX_HEAD_UP]; /* the headline and its ancestors */
    size_t n_head_up;
    const xmlNode *times[MAX_TIMES]; /* <time> elements in page order */
    int time_order[MAX_TIMES];       /* order of the text node after each */
    size_t n_times;
} vis;

static void
vis_add(vis *v, const px_date *d, unsigned flags, int dist)
{
    if (v->n < MAX_VIS) {
        v->v[v->n++] = (vis_date){*d, flags, dist};
    }
}

static bool
span_add(vis *v, xmlNodePtr n)
{
    if (v->n_spans == v->cap_spans) {
        const size_t cap = v->cap_spans == 0 ? 256 : v->cap_spans * 2;
        text_span *s = px_realloc(v->spans, cap * sizeof *s);
        if (s == NULL) {
            return false;
        }
        v->spans = s;
        v->cap_spans = cap;
    }
    v->spans[v->n_spans] = (text_span){v->text.len, n, (int)v->n_spans};
    v->n_spans++;
    return true;
}

static bool
invisible(const xmlNode *n)
{
    switch (n->name != NULL ? n->name[0] : 0) {
    case 's':
        return tag_is(n, "script") || tag_is(n, "style") || tag_is(n, "svg") ||
               tag_is(n, "select");
    case 'n':
        return tag_is(n, "noscript");
    case 'h':
        return tag_is(n, "head");
    case 't':
        return tag_is(n, "template");
    default:
        return false;
    }
}

#define TITLE_KEY_MAX 512

/* Does text node n hold the title whose norm_key is kt (white space and
 * case aside)? Normalises n's text as it compares, stopping at the first
 * difference. */
static bool
is_title_text(const xmlNode *n, const char *kt)
{
    const char *s = (const char *)n->content;
    size_t k = 0;
    for (size_t i = 0; s[i] != '\0' && k + 1 < TITLE_KEY_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c >= 0x80)) {
            continue;
        }
        if ((unsigned char)kt[k] != c) {
            return false;
        }
        k++;
    }
    return kt[0] != '\0' && kt[k] == '\0';
}

/* Joins the visible text nodes; notes where the headline starts: the
 * element h, else the first text node that reads as the title. */
static void
collect_text(vis *v, htmlDocPtr doc, xmlNodePtr h, const char *title)
{
    bool in_h = false;
    int title_order = -1;
    char kt[TITLE_KEY_MAX];
    norm_key(title, kt, sizeof kt);
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n != NULL && v->text.len < VIS_TEXT_MAX) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            descend = !invisible(n);
            in_h = in_h || n == h;
            if (v->n_times < MAX_TIMES && tag_is(n, "time")) {
                v->time_order[v->n_times] = (int)v->n_spans;
                v->times[v->n_times++] = n;
            }
        } else if (n->type == XML_TEXT_NODE && n->content != NULL) {
            if (in_h && v->h1_order < 0) {
                v->h1_order = (int)v->n_spans;
            }
            if (title_order < 0 && title != NULL && is_title_text(n, kt)) {
                title_order = (int)v->n_spans;
            }
            if (!span_add(v, n)) {
                return;
            }
            px_buf_add_c(&v->text, (const char *)n->content);
            px_buf_add_byte(&v->text, '\n');
        }
        n = walk_next(n, descend);
    }
    if (v->h1_order < 0) {
        v->h1_order = title_order;
    }
}

static const text_span *
span_at(const vis *v, size_t off)
{
    size_t lo = 0;
    size_t hi = v->n_spans;
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        if (v->spans[mid].off <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return &v->spans[lo];
}

/* Is n inside an element whose class says date, time or byline? */
static bool
date_ancestor(xmlNodePtr n)
{
    for (int k = 0; k < 5 && n != NULL && n->type != XML_DOCUMENT_NODE &&
                    n->type != XML_HTML_DOCUMENT_NODE;
         k++, n = n->parent) {
        char cls[256];
        class_id(n, cls, sizeof cls);
        if (tag_is(n, "time") ||
            (contains_any(cls, date_cls) && (!token_match(cls, boiler_cls) ||
                                             token_match(cls, masthead_cls)))) {
            return true;
        }
    }
    return false;
}

/* Does the text just before a date (at off in s) say it is the
 * publication date ("Published", "Datum:", "发布时间")? */
static bool
pub_label(const char *s, size_t off)
{
    static const char *const labels[] = {"published",
                                         "posted on",
                                         "posted",
                                         "veröffentlicht",
                                         "erschienen",
                                         "datum",
                                         "date:",
                                         "publié",
                                         "mise en ligne",
                                         "publicado",
                                         "pubblicato",
                                         "gepubliceerd",
                                         "opublikowano",
                                         "发布时间",
                                         "发表于",
                                         "发布于",
                                         "发布日期",
                                         "发表时间",
                                         "时间：",
                                         "日期：",
                                         "نشر",
                                         "تاريخ",
                                         "опубликовано",
                                         "written by",
                                         "by:",
                                         "author:",
                                         NULL};
    char low[96];
    label_text(s, off, 40, low, sizeof low);
    return contains_any(low, labels);
}

/* Does the text just before a date (at off in s) call it the original
 * publication ("originally published on", "erstmals erschienen")? */
static bool
orig_label(const char *s, size_t off)
{
    static const char *const labels[] = {"originally published",
                                         "first published",
                                         "originally posted",
                                         "ursprünglich",
                                         "erstmals",
                                         "initialement",
                                         "originalmente",
                                         "首发",
                                         "最初发表",
                                         NULL};
    char low[128];
    label_text(s, off, 60, low, sizeof low);
    return contains_any(low, labels);
}

/* Logs at DEBUG why a date was taken for page chrome, for tuning. */
static void
log_boiler(xmlNodePtr p, const px_date *d, int dist)
{
    if (p == NULL || px_log_sink == NULL || px_log_min > PX_LOG_DEBUG) {
        return;
    }
    char cls[256];
    class_id(p, cls, sizeof cls);
    char ds[32];
    px_date_format(d, ds);
    PX_LOG(PX_LOG_DEBUG, "meta: chrome date %s at %d <%s class='%s'>", ds, dist,
           (const char *)p->name, cls);
}

/* Tags that do not break a line of text. */
static bool
is_inline(const xmlNode *n)
{
    static const char *const tags[] = {
        "a",     "span", "em",   "strong", "b",   "i",   "u",
        "small", "time", "abbr", "font",   "sup", "sub", "mark",
        "cite",  "q",    "code", "nobr",   "bdi", "big", NULL};
    for (size_t i = 0; tags[i] != NULL; i++) {
        if (tag_is(n, tags[i])) {
            return true;
        }
    }
    return false;
}

/* Can n sit inside a line of text (an inline tag, text, a comment, or
 * something invisible)? */
static bool
in_line(const xmlNode *n)
{
    return n->type != XML_ELEMENT_NODE || is_inline(n) || invisible(n);
}

/* Does byte c start a code point that is no ASCII white space? */
static bool
is_ink(char c)
{
    return c != ' ' && c != '\n' && c != '\t' && c != '\r' &&
           ((unsigned char)c & 0xC0) != 0x80;
}

/* Code points of s that are not ASCII white space. */
static size_t
ink_len(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++) {
        n += is_ink(*s);
    }
    return n;
}

static size_t
ink_len_n(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += is_ink(s[i]);
    }
    return n;
}

/* Adds the visible text of n to *total, and to *before until text node t
 * is met (*met). */
static void
count_text(xmlNodePtr n, xmlNodePtr t, bool *met, size_t *before, size_t *total)
{
    xmlNodePtr d = n;
    while (d != NULL && *total < 4096) {
        *met = *met || d == t;
        if (d->type == XML_TEXT_NODE && d->content != NULL) {
            const size_t len = ink_len((const char *)d->content);
            *total += len;
            *before += *met ? 0 : len;
        }
        if (d->type == XML_ELEMENT_NODE && !invisible(d) &&
            d->children != NULL) {
            d = d->children;
            continue;
        }
        while (d != n && d->next == NULL) {
            d = d->parent;
        }
        d = d == n ? NULL : d->next;
    }
}

/* Bytes of text in the line holding text node t: the run of inline
 * elements and text around it between block-level elements and <br>.
 * *before counts the bytes ahead of t; counting stops after 4 KiB. */
static void
line_text(xmlNodePtr t, size_t *before, size_t *total)
{
    *before = 0;
    *total = 0;
    xmlNodePtr top = t; /* t's ancestor that is a child of the block */
    while (top->parent != NULL && top->parent->type == XML_ELEMENT_NODE &&
           is_inline(top->parent)) {
        top = top->parent;
    }
    xmlNodePtr first = top;
    while (first->prev != NULL && in_line(first->prev)) {
        first = first->prev;
    }
    bool met = false;
    for (xmlNodePtr c = first; c != NULL && (c == top || in_line(c));
         c = c->next) {
        count_text(c, t, &met, before, total);
    }
}

/* Is text node t in an inline element that says it holds a date (a
 * <time>, class "date")? Then it is a byline's part, not running text. */
static bool
dated_inline(xmlNodePtr t)
{
    static const char *const cls_dated[] = {"date", "time", "publish", "posted",
                                            NULL};
    for (xmlNodePtr p = t->parent;
         p != NULL && p->type == XML_ELEMENT_NODE && is_inline(p);
         p = p->parent) {
        char cls[256];
        class_id(p, cls, sizeof cls);
        if (tag_is(p, "time") || contains_any(cls, cls_dated)) {
            return true;
        }
    }
    return false;
}

/* Does the date at off end a range ("23.-26.8.2017", "6. - 7. März",
 * "vom 9.1. bis 10.2.2023")? Then it is an event's, not the page's. */
static bool
range_end(const char *s, size_t off)
{
    size_t i = off;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n')) {
        i--;
    }
    static const char *const links[] = {
        "-",  "\xe2\x80\x93", "\xe2\x80\x94", "~", "bis", "to", "until", "au",
        "al", "\xe8\x87\xb3", "\xe5\x88\xb0", NULL};
    for (size_t k = 0; links[k] != NULL; k++) {
        const size_t n = strlen(links[k]);
        if (i < n || memcmp(s + i - n, links[k], n) != 0) {
            continue;
        }
        for (size_t j = i - n; j > 0 && i - n - j < 12; j--) {
            if (s[j - 1] >= '0' && s[j - 1] <= '9') {
                return true;
            }
        }
    }
    return false;
}

/* Does the date ending at end (of the len bytes at s) start a range of
 * two full dates ("2025-12-12 - 2025-12-17", "3 May 2026 to 9 May
 * 2026")? Then it is a period's start, not the page's date. */
static bool
range_start(const char *s, size_t len, size_t end)
{
    static const char *const links[] = {
        "-", "\xe2\x80\x93", "\xe2\x80\x94", "~", "bis", "to", "until", NULL};
    size_t i = end;
    while (i < len && s[i] == ' ') {
        i++;
    }
    for (size_t k = 0; links[k] != NULL; k++) {
        const size_t n = strlen(links[k]);
        if (len - i < n || memcmp(s + i, links[k], n) != 0) {
            continue;
        }
        size_t j = i + n;
        while (j < len && s[j] == ' ') {
            j++;
        }
        px_date d;
        size_t off = 0;
        const size_t rest = len - j < 64 ? len - j : 64;
        return px_pubdate_find((px_str){s + j, rest}, &d, &off, NULL) &&
               off == 0;
    }
    return false;
}

/* Does the date at off sit inside a sentence: a lower-case word right
 * before it ("it began on Friday, 7 May 2026, when"), with words after
 * it? A byline's date follows a name, a label or a separator. */
static bool
mid_sentence(const char *s, size_t line_start, size_t off)
{
    size_t i = off;
    while (i > line_start && (s[i - 1] == ' ' || s[i - 1] == ',')) {
        i--;
    }
    /* a weekday name may stand between the word and the date */
    size_t w = i;
    while (w > line_start && s[w - 1] != ' ' && s[w - 1] != '\n') {
        w--;
    }
    if (w < i && s[w] >= 'A' && s[w] <= 'Z' && i - w >= 3 && s[i] == ',') {
        i = w;
        while (i > line_start && s[i - 1] == ' ') {
            i--;
        }
    }
    return i > line_start + 2 && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
           s[i - 2] >= 'a' && s[i - 2] <= 'z';
}

/* Do words go on after the date ending at end: a lower-case word, perhaps
 * after a comma ("7 May 2026, when")? */
static bool
sentence_goes_on(const char *s, size_t len, size_t end)
{
    size_t i = end;
    while (i < len && (s[i] == ' ' || s[i] == ',')) {
        i++;
    }
    return i > end && i < len && s[i] >= 'a' && s[i] <= 'z';
}

/* Is the date at off (l bytes) an end or the start of a range? */
static bool
in_range(const vis *v, size_t off, size_t l)
{
    if (range_end(v->text.ptr, off) ||
        range_start(v->text.ptr, v->text.len, off + l)) {
        PX_LOG(PX_LOG_DEBUG, "meta: range date at %zu: %.40s", off,
               v->text.ptr + (off > 20 ? off - 20 : 0));
        return true;
    }
    return false;
}

/* Is the date at off (l bytes, in text node span s) part of running text:
 * well into a long block, or inside a sentence of a long block? A
 * dateline starts its block; a byline is short. */
static bool
in_prose(const vis *v, const text_span *s, size_t off, size_t l)
{
    size_t before = 0;
    size_t total = 0;
    line_text(s->node, &before, &total);
    before += ink_len_n(v->text.ptr + s->off, off - s->off);
    const size_t ink = ink_len_n(v->text.ptr + off, l);
    if (((total >= ink + 60 && before >= 40) ||
         (total >= ink + 100 && mid_sentence(v->text.ptr, s->off, off) &&
          sentence_goes_on(v->text.ptr, v->text.len, off + l))) &&
        !dated_inline(s->node)) {
        PX_LOG(PX_LOG_DEBUG, "meta: date in running text at %zu: %.40s", off,
               v->text.ptr + (off > 20 ? off - 20 : 0));
        return true;
    }
    return false;
}

/* The element sibling of row r in direction dir (+1 next, -1 previous),
 * or NULL. */
static xmlNodePtr
row_sibling(xmlNodePtr r, int dir)
{
    for (xmlNodePtr x = dir > 0 ? r->next : r->prev; x != NULL;
         x = dir > 0 ? x->next : x->prev) {
        if (x->type == XML_ELEMENT_NODE) {
            return x;
        }
    }
    return NULL;
}

/* The idx-th cell (td or th) of row r, or NULL. */
static xmlNodePtr
row_cell(xmlNodePtr r, size_t idx)
{
    size_t k = 0;
    for (xmlNodePtr c = r != NULL ? r->children : NULL; c != NULL;
         c = c->next) {
        if (tag_is(c, "td") || tag_is(c, "th")) {
            if (k++ == idx) {
                return c;
            }
        }
    }
    return NULL;
}

/* Is text node t in a column of dates: its cell holds the date alone and
 * the cell above or below in the same column holds a date too? A data
 * table's dates are no publication dates. */
static bool
in_date_column(px_article *a, xmlNodePtr t, size_t l)
{
    xmlNodePtr cell = t->parent;
    while (cell != NULL && cell->type == XML_ELEMENT_NODE && is_inline(cell)) {
        cell = cell->parent;
    }
    if (cell == NULL || !(tag_is(cell, "td") || tag_is(cell, "th")) ||
        cell->parent == NULL || !tag_is(cell->parent, "tr")) {
        return false;
    }
    const char *own = node_text(a, cell, 400);
    if (own == NULL || ink_len(own) > l + 20) {
        return false;
    }
    size_t idx = 0;
    for (xmlNodePtr c = cell->prev; c != NULL; c = c->prev) {
        idx += tag_is(c, "td") || tag_is(c, "th");
    }
    for (int dir = -1; dir <= 1; dir += 2) {
        xmlNodePtr other = row_cell(row_sibling(cell->parent, dir), idx);
        const char *txt = other != NULL ? node_text(a, other, 200) : NULL;
        px_date d;
        if (txt != NULL && px_pubdate_find(px_str_c(txt), &d, NULL, NULL)) {
            return true;
        }
    }
    return false;
}

/* Does the line of text node t hold a link (a list entry: "<a>Story</a>
 * (2004/10/10)")? */
static bool
line_has_link(xmlNodePtr t)
{
    xmlNodePtr top = t;
    while (top->parent != NULL && top->parent->type == XML_ELEMENT_NODE &&
           is_inline(top->parent)) {
        top = top->parent;
        if (tag_is(top, "a")) {
            return true;
        }
    }
    for (int dir = -1; dir <= 1; dir += 2) {
        for (xmlNodePtr c = dir < 0 ? top->prev : top->next;
             c != NULL && in_line(c); c = dir < 0 ? c->prev : c->next) {
            if (tag_is(c, "a")) {
                return true;
            }
        }
    }
    return false;
}

/* Is the date at off (l bytes) all of its line but for slack bytes of ink
 * ("2005年03月21日 11:21 Weekly" with 30, "| 02.11.2022" with 2), with no
 * link in it? */
static bool
date_fills_line(const vis *v, const text_span *s, size_t off, size_t l,
                size_t slack)
{
    size_t before = 0;
    size_t total = 0;
    line_text(s->node, &before, &total);
    return total <= ink_len_n(v->text.ptr + off, l) + slack &&
           !line_has_link(s->node);
}

/* Is the date at off in s the value of a field that names another event
 * ("Release: 14.11.2019", "Deadline:", "Event date:", "Geboren:")? */
static bool
field_label(const char *s, size_t off)
{
    static const char *const labels[] = {"release",
                                         "erscheinungstermin",
                                         "date de sortie",
                                         "lanzamiento",
                                         "deadline",
                                         "einsendeschluss",
                                         "anmeldeschluss",
                                         "date limite",
                                         "fecha límite",
                                         "event",
                                         "veranstaltung",
                                         "termin",
                                         "expires",
                                         "expiry",
                                         "gültig",
                                         "valid until",
                                         "born",
                                         "geboren",
                                         "né le",
                                         "due date",
                                         NULL};
    size_t i = off;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t')) {
        i--;
    }
    if (i == 0 || s[i - 1] != ':') {
        return false;
    }
    char low[64];
    const size_t from = i > 32 ? i - 32 : 0;
    snprintf(low, sizeof low, "%.*s", (int)(i - from), s + from);
    lower_into(low, low, sizeof low);
    return contains_any(low, labels);
}

/* Is n quoted or preformatted material (a <blockquote>, as embedded
 * posts are, or a <pre> or <code> block, as quoted mail headers are),
 * whose dates are those of what is quoted? */
static bool
in_quote(const xmlNode *n)
{
    for (int k = 0; k < 12 && n != NULL && n->type != XML_DOCUMENT_NODE &&
                    n->type != XML_HTML_DOCUMENT_NODE;
         k++, n = n->parent) {
        if (n->type == XML_ELEMENT_NODE &&
            (tag_is(n, "blockquote") || tag_is(n, "pre") ||
             tag_is(n, "code"))) {
            return true;
        }
    }
    return false;
}

/* Is a date dist text nodes from the headline in the headline's date
 * zone (a few lines above it to some thirty below)? */
static bool
in_head_zone(int dist)
{
    return dist >= -6 && dist <= 30;
}

/* Flags of a date seen at off (l bytes) in text node span s, dist text
 * nodes from the headline. */
static unsigned
seen_flags(const vis *v, const text_span *s, size_t off, size_t l, int dist)
{
    const char *buf = v->text.ptr;
    if (in_quote(s->node) || field_label(buf, off)) {
        return V_PROSE;
    }
    const bool upd = updated_label(buf, off);
    const bool label = pub_label(buf, off) && !upd;
    if (!upd && in_range(v, off, l)) {
        return V_PROSE | V_RANGE;
    }
    if (!label && !upd &&
        (in_prose(v, s, off, l) || in_date_column(v->a, s->node, l))) {
        return V_PROSE;
    }
    unsigned f = 0;
    if (in_head_zone(dist)) {
        f |= V_ZONE | V_NEAR;
    } else if (dist > 30 && dist <= 80 && date_fills_line(v, s, off, l, 30)) {
        f |= V_ZONE; /* a dateline a little further down */
    }
    if (label && (dist == 9999 || (dist >= -300 && dist <= 300))) {
        f |= V_ZONE | V_NEAR;
    }
    if (date_ancestor(s->node)) {
        /* a dated element far from a known headline is a comment or
         * a list item */
        f |= V_CLASS |
             (dist == 9999 || (dist >= -300 && dist <= 300) ? V_ZONE : 0);
        f |= dist == 9999 || (dist >= -10 && dist < 0) ? V_NEAR : 0;
    }
    f |= upd ? V_UPDATED | V_UPD_LABEL : 0;
    if (!upd && (dist == 9999 || (dist >= -300 && dist <= 300)) &&
        orig_label(buf, off)) {
        f |= V_ORIG | V_ZONE;
    }
    return f | (label ? V_PUB_MARK : 0);
}

/* Is a text node dist nodes from the headline part of its byline zone
 * (a line or two above it, a dozen below)? */
static bool
by_headline(int dist)
{
    return dist >= -3 && dist <= 20;
}

/* The month-day swap of d, read from the l bytes at s, when the form is
 * numeric with the year last and both readings are valid ("09.10.2024"
 * is 9 October or September 10). */
static bool
other_reading(const char *s, size_t l, const px_date *d, px_date *alt)
{
    if (l == 0 || s[0] < '0' || s[0] > '9' || d->day > 12 ||
        d->day == d->month) {
        return false;
    }
    size_t lead = 0;
    while (lead < l && s[lead] >= '0' && s[lead] <= '9') {
        lead++;
    }
    for (size_t i = 0; i < l; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return false; /* a month name or a CJK form is no riddle */
        }
    }
    *alt = *d;
    alt->day = d->month;
    alt->month = d->day;
    return lead <= 2;
}

/* Is card a small box (little text) holding a heading of its own? */
static bool
card_with_heading(xmlNodePtr card)
{
    size_t text = 0;
    bool heading = false;
    for (xmlNodePtr c = card->children; c != NULL && text <= 600;
         c = subtree_next(c, card)) {
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            text += strlen((const char *)c->content);
        } else if (tag_is(c, "h2") || tag_is(c, "h3") || tag_is(c, "h4")) {
            heading = true;
        }
    }
    return heading && text <= 600;
}

/* The teaser card around text node t, far from the headline: one of its
 * nearest ancestors is a small box with a heading of its own (another
 * story's title, as in a list of posts) and does not hold the headline.
 * NULL when there is none. */
static xmlNodePtr
teaser_card(const vis *v, xmlNodePtr t)
{
    xmlNodePtr n = t != NULL ? t->parent : NULL;
    for (int k = 0; k < 5 && n != NULL && n->type == XML_ELEMENT_NODE;
         k++, n = n->parent) {
        if (is_one_of(n, v->head_up, v->n_head_up)) {
            return NULL;
        }
        if (card_with_heading(n)) {
            return n;
        }
    }
    return NULL;
}

/* Does list item li hold a heading of its own (another entry's title)? */
static bool
item_with_heading(xmlNodePtr li)
{
    return tag_is(li, "li") && card_with_heading(li);
}

/* The list entry around text node t: a list item with a heading of its
 * own, among at least two sibling items that have one too (a listing of
 * posts or events), not holding the headline; or NULL. Such an entry's
 * date is never the page's, even right under the headline. */
static xmlNodePtr
list_entry(const vis *v, xmlNodePtr t)
{
    xmlNodePtr n = t != NULL ? t->parent : NULL;
    for (int k = 0; k < 4 && n != NULL && n->type == XML_ELEMENT_NODE;
         k++, n = n->parent) {
        if (!tag_is(n, "li")) {
            continue;
        }
        if (is_one_of(n, v->head_up, v->n_head_up)) {
            return NULL;
        }
        if (!item_with_heading(n) || n->parent == NULL) {
            return NULL;
        }
        int peers = 0;
        for (xmlNodePtr c = n->parent->children; c != NULL && peers < 3;
             c = c->next) {
            peers += c->type == XML_ELEMENT_NODE && item_with_heading(c);
        }
        return peers >= 3 ? n : NULL;
    }
    return NULL;
}

/* Every full date in the visible text, in page order. */
static void
scan_visible(vis *v)
{
    const char *buf = v->text.ptr;
    const size_t len = v->text.len;
    size_t pos = 0;
    while (buf != NULL && pos < len && v->n < MAX_VIS) {
        px_date d;
        size_t off = 0;
        size_t l = 0;
        if (!px_pubdate_find((px_str){buf + pos, len - pos}, &d, &off, &l)) {
            break;
        }
        off += pos;
        pos = off + l;
        const text_span *s = span_at(v, off);
        const bool label = pub_label(buf, off) && !updated_label(buf, off);
        const int dist = v->h1_order >= 0 ? s->order - v->h1_order : 9999;
        /* a byline by the headline (labelled, in a date-like element,
         * or a date alone on its line just under the headline) may sit
         * in an aside, list item or teaser-classed box; other plain text
         * there (a page footer's stamp) may not */
        const bool byline =
            by_headline(dist) &&
            (label || date_ancestor(s->node) ||
             (dist >= 1 && dist <= 3 && date_fills_line(v, s, off, l, 2)));
        const int near = !byline ? NEAR_NO : dist > 0 ? NEAR_BELOW : NEAR_YES;
        xmlNodePtr chrome =
            chrome_near(s->node, !label, v->head_up, v->n_head_up, near);
        if (chrome == NULL && !label && dist != 9999 && !in_head_zone(dist)) {
            chrome = teaser_card(v, s->node);
        }
        if (chrome == NULL && !label) {
            chrome = list_entry(v, s->node);
        }
        if (chrome != NULL) {
            log_boiler(chrome, &d, dist);
            if (label && chrome_near(s->node, false, v->head_up, v->n_head_up,
                                     NEAR_YES) == NULL) {
                vis_add(v, &d, V_LABELLED, dist); /* "Published:" below */
            }
            continue;
        }
        vis_add(v, &d, seen_flags(v, s, off, l, dist), dist);
        px_date alt;
        if (other_reading(buf + off, l, &d, &alt)) {
            vis_add(v, &alt, V_ALT, dist);
        }
    }
}

/* Does <time> t say it holds the publication date (class "published",
 * itemprop datePublished, the old pubdate attribute)? */
static bool
is_pub_node(xmlNodePtr t)
{
    char cls[256];
    class_id(t, cls, sizeof cls);
    const char *ip = prop_view(t, "itemprop");
    return strstr(cls, "publish") != NULL || has_prop(t, "pubdate") ||
           (ip != NULL && strcmp(ip, "datePublished") == 0);
}

/* Text nodes from the headline to <time> element t, or 9999 when either
 * is unknown. */
static int
time_dist(const vis *v, const xmlNode *t)
{
    for (size_t i = 0; i < v->n_times && v->h1_order >= 0; i++) {
        if (v->times[i] == t) {
            return v->time_order[i] - v->h1_order;
        }
    }
    return 9999;
}

/* <time datetime> values outside page chrome count as seen, as near the
 * headline as their place in the text says. */
static void
scan_times(page *pg, vis *v)
{
    for (size_t i = 0; i < pg->times.len; i++) {
        xmlNodePtr t = pg->times.n[i];
        const char *dt = attr(pg->a, t, "datetime");
        px_date d;
        const int dist = time_dist(v, t);
        const bool far = dist != 9999 && !in_head_zone(dist);
        if (dt == NULL || in_quote(t) ||
            (far && teaser_card(v, t->children != NULL ? t->children : t)) ||
            list_entry(v, t->children != NULL ? t->children : t) ||
            chrome_near(t, true, v->head_up, v->n_head_up,
                        by_headline(dist) ? NEAR_YES : NEAR_NO) ||
            !px_pubdate_parse(px_str_c(dt), &d) || d.prec < PX_PREC_DAY) {
            continue;
        }
        unsigned f = V_TIME | (is_update_node(t) ? V_UPDATED : 0) |
                     (is_pub_node(t) ? V_PUB_MARK : 0);
        if (dist == 9999 || in_head_zone(dist)) {
            f |= V_ZONE | V_NEAR;
        } else if (dist >= -300 && dist <= 300) {
            f |= V_ZONE;
        }
        vis_add(v, &d, f, dist);
    }
}

/* Days since 1970-01-01 of d's day. */
static long
day_number(const px_date *d)
{
    return (long)px_days_from_civil(d->year, d->month, d->day);
}

/* A seen date within tol days of d (exact first) that has none of the
 * flags skip, or NULL. */
static const vis_date *
vis_near(const vis *v, const px_date *d, long tol, unsigned skip)
{
    const long dn = day_number(d);
    for (long t = 0; t <= tol; t++) {
        for (size_t i = 0; i < v->n; i++) {
            const long diff = day_number(&v->v[i].d) - dn;
            if ((diff == t || diff == -t) && (v->v[i].flags & skip) == 0) {
                return &v->v[i];
            }
        }
    }
    return NULL;
}

/* ---- choosing the date -------------------------------------------------- */

static bool
same_day(const px_date *x, const px_date *y)
{
    return x->year == y->year && x->month == y->month && x->day == y->day;
}

typedef struct date_src {
    px_date d;
    px_date alt; /* the other reading of an ambiguous numeric value */
    bool has_alt;
    char how[96];
} date_src;

static bool
src_parse(date_src *s, const char *val, const char *how, px_date_prec min)
{
    if (val == NULL || !px_pubdate_parse(px_str_c(val), &s->d) ||
        !px_pubdate_valid(&s->d) || s->d.prec < min) {
        return false;
    }
    s->has_alt = other_reading(val, strlen(val), &s->d, &s->alt);
    snprintf(s->how, sizeof s->how, "%s", how);
    return true;
}

/* Is day d shown on the page other than as an update? */
static bool
vis_shows(const vis *v, const px_date *d)
{
    for (size_t i = 0; i < v->n; i++) {
        if ((v->v[i].flags & V_UPDATED) == 0 && same_day(&v->v[i].d, d)) {
            return true;
        }
    }
    return false;
}

/* A meta tag of a name not listed in pub_keys that still names the
 * publication date ("w-published-date", "cXenseParse:publishtime"), never
 * a modification or expiry date. */
static bool
other_pub_meta(const page *pg, date_src *s)
{
    static const char *const pub[] = {"publish", "pubdate", NULL};
    static const char *const not_pub[] = {"modif", "updat", "expir", "unpub",
                                          NULL};
    for (size_t i = 0; i < pg->n_metas; i++) {
        const char *k = pg->metas[i].key;
        if (contains_any(k, pub) && !contains_any(k, not_pub) &&
            src_parse(s, pg->metas[i].val, "meta:other-published",
                      PX_PREC_DAY)) {
            return true;
        }
    }
    return false;
}

/* The structured publication date (JSON-LD, meta tags): the most trusted
 * one the page also shows, else the most trusted one. */
static bool
structured_date(page *pg, const vis *v, date_src *s)
{
    date_src c;
    bool found = false;
    if (src_parse(&c, pg->info.published, "jsonld:datePublished",
                  PX_PREC_MONTH)) {
        *s = c;
        found = true;
        if (c.d.prec >= PX_PREC_DAY && vis_shows(v, &c.d)) {
            return true;
        }
    }
    for (size_t i = 0; pub_keys[i] != NULL; i++) {
        char how[128];
        snprintf(how, sizeof how, "meta:%s", pub_keys[i]);
        if (!src_parse(&c, meta_get(pg, pub_keys[i]), how, PX_PREC_MONTH)) {
            continue;
        }
        if (c.d.prec >= PX_PREC_DAY && vis_shows(v, &c.d)) {
            *s = c;
            return true;
        }
        if (!found) {
            *s = c;
            found = true;
        }
    }
    return found || other_pub_meta(pg, s) ||
           src_parse(s, pg->info.published_other, "jsonld:other", PX_PREC_DAY);
}

static void
set_date(px_article *a, const px_date *d, const char *how)
{
    a->published = *d;
    px_article_signal(a, "date", how);
}

/* Logs the date candidates at DEBUG, for tuning. */
static void
log_dates(const vis *v, const date_src *s, bool has_s)
{
    if (px_log_sink == NULL || px_log_min > PX_LOG_DEBUG) {
        return;
    }
    px_buf b;
    px_buf_init(&b);
    for (size_t i = 0; i < v->n && i < 24; i++) {
        char d[32];
        px_date_format(&v->v[i].d, d);
        px_buf_printf(&b, " %.10s/%u/%d", d, v->v[i].flags, v->v[i].dist);
    }
    char sd[32] = "-";
    if (has_s) {
        px_date_format(&s->d, sd);
    }
    PX_LOG(PX_LOG_DEBUG, "meta: dates (structured=%s how=%s seen=%s)", sd,
           has_s ? s->how : "-", b.ptr != NULL ? b.ptr : "");
    px_buf_fini(&b);
}

/* The first seen headline-zone date with (updated) or without the update
 * label, preferring dates after the headline to those above it (a
 * masthead shows today's date above the headline, so a date above it that
 * equals the crawl day is never taken), or NULL. */
static const vis_date *
vis_zone(const vis *v, bool updated, const px_date *crawl, unsigned need)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < v->n; i++) {
            const vis_date *c = &v->v[i];
            if ((c->flags & need) != need ||
                ((c->flags & V_UPDATED) != 0) != updated ||
                (c->dist < 0) != (pass == 1)) {
                continue;
            }
            if (pass == 1 && crawl != NULL && c->d.year == crawl->year &&
                c->d.month == crawl->month && c->d.day == crawl->day) {
                continue;
            }
            return c;
        }
    }
    return NULL;
}

/* An update label on one showing of a day makes its other showings
 * updates too, unless one is marked as the publication or is the
 * structured publication day pub (may be NULL). */
static void
mark_updates(vis *v, const px_date *pub)
{
    for (size_t i = 0; i < v->n; i++) {
        vis_date *c = &v->v[i];
        if ((c->flags & V_PUB_MARK) != 0 ||
            (pub != NULL && same_day(&c->d, pub))) {
            continue;
        }
        for (size_t j = 0; j < v->n; j++) {
            if ((v->v[j].flags & V_UPD_LABEL) != 0 &&
                same_day(&c->d, &v->v[j].d)) {
                c->flags |= V_UPDATED;
            }
        }
    }
}

/* Does the page call itself a website rather than an article (og:type)?
 * Such a page's unseen date from its meta tags is that of the page, not
 * of an article (unless another og:type says "article"). */
static bool
is_website(const page *pg)
{
    bool website = false;
    for (size_t i = 0; i < pg->n_metas; i++) {
        if (strcmp(pg->metas[i].key, "og:type") != 0) {
            continue;
        }
        const px_str t = px_str_c(pg->metas[i].val);
        if (px_str_ieq_c(t, "article")) {
            return false;
        }
        website = website || px_str_ieq_c(t, "website");
    }
    return website;
}

/* The one day the page shows outside running text and chrome, when the
 * headline could not be placed (so nothing is near it). A period's dates
 * count against it: the page then shows more than one day. */
static bool
only_date(const vis *v, px_date *d)
{
    const vis_date *one = NULL;
    for (size_t i = 0; i < v->n; i++) {
        const vis_date *c = &v->v[i];
        if ((c->flags & (V_ALT | V_UPDATED | V_PROSE)) != 0 &&
            (c->flags & V_RANGE) == 0) {
            continue;
        }
        if (one != NULL && !same_day(&one->d, &c->d)) {
            return false;
        }
        one = c;
    }
    if (one != NULL) {
        *d = one->d;
    }
    return one != NULL;
}

/* The showing of day d (no update, no other reading) with the finest
 * precision, a <time> first among equals; NULL when d is not shown. */
static const vis_date *
vis_finest(const vis *v, const px_date *d)
{
    const vis_date *best = NULL;
    for (size_t i = 0; i < v->n; i++) {
        const vis_date *c = &v->v[i];
        if ((c->flags & (V_ALT | V_UPDATED)) != 0 || !same_day(&c->d, d)) {
            continue;
        }
        if (best == NULL || c->d.prec > best->d.prec ||
            (c->d.prec == best->d.prec && (c->flags & V_TIME) != 0 &&
             (best->flags & V_TIME) == 0)) {
            best = c;
        }
    }
    return best;
}

/* A full date in the <title> ("Story | Site | 23.05.2011"), not the end
 * of a range ("Week of 14. - 20. January"). */
static bool
title_date(const page *pg, px_date *d)
{
    size_t off = 0;
    return pg->title_tag != NULL &&
           px_pubdate_find(px_str_c(pg->title_tag), d, &off, NULL) &&
           px_pubdate_valid(d) && !range_end(pg->title_tag, off);
}

/* Is the UTC time s on the morning after local day u? West of UTC a
 * story of the evening of u is stamped the next day in UTC; its URL keeps
 * the day the newsroom filed it. */
static bool
utc_day_after(const px_date *s, const px_date *u)
{
    return s->has_tz && s->tz_min == 0 && s->prec >= PX_PREC_MINUTE &&
           s->hour < 12 && day_number(s) == day_number(u) + 1;
}

/* Takes the structured date s when the page shows it: read as stated,
 * else in its other reading ("11/01/2023" shown as "01.11.2023"), else a
 * day off (time zones: the shown day wins), else as an update (not when
 * another day by the headline is marked as the publication) or in an
 * ambiguous form. Publication dates are looked for before updates. */
static bool
shown_structured(px_article *a, const vis *v, const date_src *s)
{
    if (vis_near(v, &s->d, 0, V_ALT | V_UPDATED) != NULL) {
        set_date(a, &s->d, s->how); /* stated and shown */
        return true;
    }
    if (s->has_alt && vis_near(v, &s->alt, 0, V_ALT | V_UPDATED) != NULL) {
        char how[128];
        snprintf(how, sizeof how, "%s:swapped", s->how);
        set_date(a, &s->alt, how);
        return true;
    }
    const vis_date *near = vis_near(v, &s->d, 1, V_ALT | V_UPDATED);
    if (near != NULL) {
        set_date(a, &near->d, "seen:near-structured"); /* time zones */
        return true;
    }
    if (vis_zone(v, false, NULL, V_ZONE | V_PUB_MARK) != NULL) {
        return false; /* shown as the update of a day marked published */
    }
    if (vis_near(v, &s->d, 0, 0) != NULL) {
        set_date(a, &s->d, s->how); /* shown, if only as an update */
        return true;
    }
    near = vis_near(v, &s->d, 1, V_ALT);
    if (near != NULL) {
        set_date(a, &near->d, "seen:near-structured");
        return true;
    }
    return false;
}

/* Does the page state an Open Graph article time (article:published_time
 * and its spellings)? */
static bool
has_og_published(const page *pg)
{
    for (size_t i = 0; i < N_OG_PUB_KEYS; i++) {
        if (meta_get(pg, pub_keys[i]) != NULL) {
            return true;
        }
    }
    return false;
}

/* The update zu shown by the headline stands for the page when its only
 * publication date s is schema.org data (JSON-LD or microdata) it never
 * shows, no Open Graph article time backs it, and zu comes a month or more
 * after it: such a date is the record's creation, often years before the
 * version the page shows (a guide rewritten in place). An update within
 * weeks is a story's correction; the story keeps its day. */
static bool
update_over_unseen(const page *pg, const date_src *s, const vis_date *zu)
{
    const bool schema = strcmp(s->how, "jsonld:datePublished") == 0 ||
                        strcmp(s->how, "meta:datepublished") == 0;
    return schema && zu != NULL &&
           day_number(&zu->d) - day_number(&s->d) >= 30 &&
           !has_og_published(pg);
}

/* Decides between structured, seen and URL dates: a structured date the
 * page also shows wins; then the date shown with the headline (a <time>
 * first, then one near the headline or labelled); then an update shown by
 * the headline a month or more after the one structured date, when that
 * date is unseen and no Open Graph time backs it; then a structured date of the
 * article itself; then a dated element further from the headline; then a date
 * shown as an update; then one labelled as published anywhere outside chrome
 * and running text; then the URL.
 */
static void
decide_date(page *pg, const vis *v, const date_src *sp, bool has_s)
{
    px_article *a = pg->a;
    const date_src s = *sp;
    log_dates(v, &s, has_s);
    if (has_s && s.d.prec >= PX_PREC_DAY && shown_structured(a, v, &s)) {
        return;
    }
    px_date crawl;
    const bool has_crawl = a->fetched != NULL &&
                           px_pubdate_parse(px_str_c(a->fetched), &crawl) &&
                           crawl.prec >= PX_PREC_DAY;
    const px_date *cr = has_crawl ? &crawl : NULL;
    /* a <time> element states its date exactly: it beats text dates */
    const vis_date *z = vis_zone(v, false, cr, V_ZONE | V_NEAR | V_TIME);
    z = z != NULL ? z : vis_zone(v, false, cr, V_ZONE | V_NEAR);
    const vis_date *z2 = vis_zone(v, false, cr, V_ZONE);
    const vis_date *zu = vis_zone(v, true, cr, V_ZONE);
    const vis_date *zl = vis_zone(v, false, cr, V_LABELLED);
    /* labelled as published, far from the headline (a byline after a
     * long lead or at the story's end) */
    zl = zl != NULL ? zl : vis_zone(v, false, cr, V_PUB_MARK);
    px_date u;
    px_date t;
    const bool has_url = px_pubdate_from_url(pg->url, &u) ||
                         px_pubdate_from_url(pg->canonical, &u);
    char how[128];
    snprintf(how, sizeof how, "%s:unseen", has_s ? s.how : "");
    const bool url_day = has_url && u.prec >= PX_PREC_DAY;
    const vis_date *orig = vis_zone(v, false, NULL, V_ORIG);
    const bool s_article =
        has_s && strcmp(s.how, "jsonld:other") != 0 && !is_website(pg);
    if (orig != NULL) {
        set_date(a, &orig->d, "seen:original");
    } else if (url_day && has_s && same_day(&s.d, &u)) {
        snprintf(how, sizeof how, "%s:url", s.how);
        set_date(a, &s.d, how); /* two sources agree */
    } else if (url_day && has_s && utc_day_after(&s.d, &u)) {
        set_date(a, &u, "url:utc-structured"); /* the URL keeps local time */
    } else if (url_day && vis_finest(v, &u) != NULL) {
        set_date(a, &vis_finest(v, &u)->d, "seen:url");
    } else if (z != NULL) {
        set_date(a, &z->d, "seen:headline");
    } else if (s_article && update_over_unseen(pg, &s, zu)) {
        set_date(a, &zu->d, "seen:updated-over-unseen");
    } else if (s_article) {
        set_date(a, &s.d, how);
    } else if (z2 != NULL) {
        set_date(a, &z2->d, "seen:far");
    } else if (zu != NULL) {
        set_date(a, &zu->d, "seen:updated");
    } else if (zl != NULL) {
        set_date(a, &zl->d, "seen:labelled");
    } else if (v->h1_order < 0 && only_date(v, &t)) {
        set_date(a, &t, "seen:only");
    } else if (title_date(pg, &t)) {
        set_date(a, &t, "title");
    } else if (has_url) {
        set_date(a, &u, u.prec >= PX_PREC_DAY ? "url" : "url:month");
    }
}

static void
pick_date(page *pg, vis *v)
{
    if (pg->a->published.prec != PX_PREC_NONE) {
        return;
    }
    scan_visible(v);
    scan_times(pg, v);
    date_src s;
    const bool has_s = structured_date(pg, v, &s);
    mark_updates(v, has_s ? &s.d : NULL);
    decide_date(pg, v, &s, has_s);
}

/* The page's visible text, with the headline located; NULL on OOM. */
static vis *
vis_new(page *pg, htmlDocPtr doc)
{
    vis *v = px_calloc(1, sizeof *v);
    if (v == NULL) {
        return NULL;
    }
    v->a = pg->a;
    v->h1_order = -1;
    px_buf_init(&v->text);
    const char *h1 = NULL;
    xmlNodePtr h = best_h1(pg, &h1);
    h = h != NULL ? h : pg->heading;
    collect_text(v, doc, h, pg->a->title);
    const xmlNode *up = h;
    if (up == NULL && v->h1_order >= 0) {
        up = v->spans[v->h1_order].node->parent;
    }
    for (; up != NULL && up->type == XML_ELEMENT_NODE &&
           v->n_head_up < MAX_HEAD_UP;
         up = up->parent) {
        v->head_up[v->n_head_up++] = up;
    }
    return v;
}

static void
vis_free(vis *v)
{
    if (v != NULL) {
        px_buf_fini(&v->text);
        px_free(v->spans);
        px_free(v);
    }
}

/* ---- author ------------------------------------------------------------- */

static const char *const generic_authors[] = {
    "admin",      "administrator", "editor",       "editors",
    "staff",      "webmaster",     "newsroom",     "by",
    "redaktion",  "redacción",     "rédaction",    "anonymous",
    "guest",      "unknown",       "team",         "posted",
    "posted on",  "published",     "author",       "autor",
    "the author", "contributor",   "guest author", "editorial team",
    "المحرر",     "محرر",          "الإدارة",      "الادارة",
    "编辑",       "小编",          "管理员",       "责任编辑",
    NULL};

/* Words that introduce a name in a byline, lower case. */
static const char *const by_words[] = {"written by",
                                       "posted by",
                                       "published by",
                                       "reported by",
                                       "words by",
                                       "text by",
                                       "veröffentlicht von",
                                       "geschrieben von",
                                       "verfasst von",
                                       "erstellt von",
                                       "beitrag von",
                                       "beitragvon",
                                       "publié par",
                                       "écrit par",
                                       "publicado por",
                                       "escrito por",
                                       "scritto da",
                                       "pubblicato da",
                                       "geplaatst door",
                                       "door",
                                       "napisał",
                                       "autorin:",
                                       "autor:",
                                       "author:",
                                       "auteur :",
                                       "auteur:",
                                       "by:",
                                       "by",
                                       "von",
                                       "vom",
                                       "por",
                                       "par",
                                       "di",
                                       "przez",
                                       "作者：",
                                       "作者:",
                                       "作者",
                                       "文／",
                                       "文/",
                                       "记者：",
                                       "记者",
                                       "記者：",
                                       "記者:",
                                       "記者",
                                       "撰文：",
                                       "本贴由",
                                       "بقلم:",
                                       "بقلم",
                                       "كتب:",
                                       "كتبت",
                                       "كتب",
                                       "автор:",
                                       "автор",
                                       "author",
                                       "autor",
                                       NULL};

/* Where a name ends: separators, dates, "on"/"am" before a date. */
static const char *const name_ends[] = {
    " | ",    "|",         " · ",           " • ",      " — ",
    " – ",    " - ",       " on ",          " am ",     " le ",
    " el ",   " em ",      " il ",          "(",        "（",
    ",  ",    " und ",     " Shares",       "\n",       "于",
    " 于",    "  ",        " Published",    " Updated", " Posted",
    " Last ", " Reviewed", " Fact checked", NULL};

/* Is c a lower-case ASCII letter (a word character for by-word bounds in
 * lower-cased text)? */
static bool
is_ascii_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

/* The text after the first by-word in s ("Posted by Jane" -> "Jane"), or s
 * itself when there is none. */
static const char *
after_by_word(const char *s)
{
    char low[256];
    lower_into(s, low, sizeof low);
    const char *best = NULL;
    size_t best_end = 0;
    for (size_t i = 0; by_words[i] != NULL; i++) {
        const size_t n = strlen(by_words[i]);
        for (const char *p = strstr(low, by_words[i]); p != NULL;
             p = strstr(p + 1, by_words[i])) {
            const bool ascii = (by_words[i][0] & 0x80) == 0;
            const bool left = p == low || !ascii || p[-1] == ' ' ||
                              p[-1] == ':' || p[-1] == ',';
            const bool right = !ascii || !is_ascii_lower(s[p - low + n]);
            if (left && right &&
                (best == NULL || p < best ||
                 (p == best && p - low + n > best_end))) {
                best = p;
                best_end = (size_t)(p - low) + n;
            }
        }
    }
    if (best == NULL || best_end >= strlen(s)) {
        return s;
    }
    s += best_end;
    for (;;) {
        if (*s == ' ' || *s == ':') {
            s++;
        } else if (strncmp(s, "\xef\xbc\x9a", 3) == 0) { /* full-width colon */
            s += 3;
        } else {
            break;
        }
    }
    return s;
}

/* Job titles that follow a name after a comma in a byline ("Jane Doe,
 * Transport Correspondent"), lower case. */
static const char *const role_words[] = {
    "correspondent", "reporter", "editor",      "writer",     "columnist",
    "contributor",   "analyst",  "producer",    "journalist", "staff",
    "chief",         "bureau",   "senior",      "special",    "مراسل",
    "محرر",          "كاتب",     "记者",        "编辑",       "特约",
    "корреспондент", "редактор", "journaliste", "rédact",     "redakteur",
    "periodista",    "redactor", NULL};

/* Offset of a ", Role" tail in s[0..n), or n when there is none. */
static size_t
role_cut(const char *s, size_t n)
{
    for (const char *c = memchr(s, ',', n); c != NULL;
         c = memchr(c + 1, ',', n - (size_t)(c + 1 - s))) {
        char low[128];
        const size_t tail = n - (size_t)(c + 1 - s);
        lower_into(c + 1, low, tail + 1 < sizeof low ? tail + 1 : sizeof low);
        if (contains_any(low, role_words)) {
            return (size_t)(c - s);
        }
    }
    return n;
}

/* Length of the name at the start of s, cut at a separator or a date. */
static size_t
name_len(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; name_ends[i] != NULL; i++) {
        const char *p = strstr(s, name_ends[i]);
        if (p != NULL && (size_t)(p - s) < n) {
            n = (size_t)(p - s);
        }
    }
    px_date d;
    size_t off = 0;
    size_t len = 0;
    if (px_pubdate_find((px_str){s, n}, &d, &off, &len) && off < n) {
        n = off; /* "Jane Doe, 6 January 2026": keep the name */
    }
    n = role_cut(s, n);
    while (n > 0 && strchr(" ,;:|-/", s[n - 1]) != NULL) {
        n--;
    }
    return n;
}

static bool
generic_author(const char *s)
{
    char low[128];
    lower_into(s, low, sizeof low);
    for (size_t i = 0; generic_authors[i] != NULL; i++) {
        if (strcmp(low, generic_authors[i]) == 0) {
            return true;
        }
    }
    return strstr(low, "http") != NULL || strstr(low, "www.") != NULL ||
           strchr(low, '@') != NULL || strchr(low, '/') != NULL ||
           strstr(low, "\xc2\xa9") != NULL || (low[0] >= '0' && low[0] <= '9');
}

/* A cleaned author name from s, or NULL if s is no usable name. */
static bool
is_upper_start(const char *s)
{
    UChar32 c;
    size_t i = 0;
    size_t n = 0;
    while (n < 4 && s[n] != '\0') {
        n++;
    }
    U8_NEXT(s, i, n, c);
    return c > 0 && u_isupper(c);
}

/* Length of a byline's name before a place: "Theo Markham in Washington",
 * "Max Muster aus Berlin", "Jens Morgenthal, São Paulo" (a short
 * capitalised tail after the only comma, when no "and" lists authors). */
static size_t
place_cut(const char *s, size_t n)
{
    static const char *const at[] = {" in ", " aus ",  " à ",
                                     " en ", " from ", NULL};
    for (size_t k = 0; at[k] != NULL; k++) {
        const char *p = px_str_find((px_str){s, n}, at[k], strlen(at[k]));
        if (p != NULL && p > s && is_upper_start(p + strlen(at[k]))) {
            n = (size_t)(p - s);
        }
    }
    const char *c = memchr(s, ',', n);
    static const char *const lists[] = {" and ", " & ", " und ", " et ",
                                        " y ",   " e ", NULL};
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)n, s);
    /* (a comma past what buf holds: no name and place that short) */
    if (c == NULL || (size_t)(c - s) >= sizeof buf - 1 ||
        memchr(c + 1, ',', n - (size_t)(c + 1 - s)) != NULL ||
        contains_any(buf, lists)) {
        return n;
    }
    buf[c - s] = '\0';
    const char *tail = buf + (c - s) + 1;
    while (*tail == ' ') {
        tail++;
    }
    const size_t nt = count_words(tail);
    return count_words(buf) >= 2 && nt >= 1 && nt <= 3 && is_upper_start(tail)
               ? (size_t)(c - s)
               : n;
}

/* Drops a desk before the name in Japanese bylines: "科学部・中村美咲"
 * (a department ends in 部, 局, 課, 班 or 室; "ジョン・スミス" is kept). */
static const char *
desk_cut(const char *s)
{
    static const char *const desks[] = {"部", "局", "課", "班", "室", NULL};
    const char *dot = strstr(s, "\xe3\x83\xbb"); /* ・ */
    for (size_t k = 0; dot != NULL && desks[k] != NULL; k++) {
        const size_t dl = strlen(desks[k]);
        if ((size_t)(dot - s) >= dl && memcmp(dot - dl, desks[k], dl) == 0 &&
            dot[3] != '\0') {
            return dot + 3;
        }
    }
    return s;
}

/* A cleaned author name from s, or NULL if s is no usable name; with
 * byline, s is a shown byline that may name a place after the name. */
static const char *
clean_name(page *pg, const char *s, bool byline)
{
    if (s == NULL) {
        return NULL;
    }
    s = desk_cut(after_by_word(s));
    const char *eq = strstr(s, "\xef\xbc\x9d"); /* "Place＝Name" datelines */
    if (eq != NULL && eq[3] != '\0') {
        s = eq + 3;
    }
    size_t n = name_len(s);
    n = byline ? place_cut(s, n) : n;
    while (n > 0 && strchr(" ,;:|-/", s[n - 1]) != NULL) {
        n--;
    }
    const char *out = arena_text(pg->a, s, n);
    if (out == NULL || strlen(out) > 80 || strlen(out) < 2 ||
        generic_author(out) || count_words(out) > 8) {
        return NULL;
    }
    return out;
}

static const char *
clean_author(page *pg, const char *s)
{
    return clean_name(pg, s, false);
}

/* Author from an element: its content attribute, an itemprop=name or an
 * author link inside it, else its text. */
static const char *
node_author(px_article *a, xmlNodePtr n)
{
    const char *v = attr(a, n, "content");
    if (v != NULL) {
        return v;
    }
    int steps = 0;
    for (xmlNodePtr c = n->children; c != NULL && steps < 300;
         c = subtree_next(c, n), steps++) {
        if (c->type == XML_ELEMENT_NODE &&
            (attr_ieq(c, "itemprop", "name") ||
             (tag_is(c, "a") && is_author_link(c)))) {
            const char *t = attr(a, c, "content");
            t = t != NULL ? t : node_text_spaced(a, c, 200);
            if (t != NULL) {
                return t;
            }
        }
    }
    return node_text_spaced(a, n, 300);
}

/* A CMS often fills meta author with the site's own name. */
static bool
is_site_name(const page *pg, const char *v)
{
    const char *site = pg->a->site;
    return v != NULL && ((site != NULL && loose_match(v, site) &&
                          strlen(v) <= strlen(site) + 4) ||
                         (pg->host != NULL && loose_match(v, pg->host)));
}

/* A login name ("andrew.keaveney", "jdoe_12") rather than a byline. */
static bool
is_username(const char *v)
{
    return v != NULL && strchr(v, ' ') == NULL &&
           (strchr(v, '.') != NULL || strchr(v, '_') != NULL);
}

static void
author_from_nodes(page *pg, const node_list *l, const char *how)
{
    px_article *a = pg->a;
    for (size_t i = 0; i < l->len && a->author == NULL; i++) {
        xmlNodePtr n = l->n[i];
        if (in_boilerplate(n)) {
            continue;
        }
        set_field(a, &a->author, clean_name(pg, node_author(a, n), true),
                  "author", how);
    }
}

static void
pick_author(page *pg)
{
    static const char *const keys[] = {"author",
                                       "article:author",
                                       "parsely-author",
                                       "sailthru.author",
                                       "dc.creator",
                                       "dcterms.creator",
                                       "citation_author",
                                       "byl",
                                       "og:article:author",
                                       NULL};
    px_article *a = pg->a;
    const char *ld = clean_author(pg, pg->info.author);
    set_field(a, &a->author, is_username(ld) ? NULL : ld, "author",
              "jsonld:author");
    set_field(a, &a->author, clean_author(pg, pg->info.author_other), "author",
              "jsonld:other");
    for (size_t i = 0; keys[i] != NULL && a->author == NULL; i++) {
        char how[64];
        snprintf(how, sizeof how, "meta:%s", keys[i]);
        const char *v = clean_author(pg, meta_get(pg, keys[i]));
        if (!is_site_name(pg, v)) {
            set_field(a, &a->author, v, "author", how);
        }
    }
    author_from_nodes(pg, &pg->author_links, "author-link");
    author_from_nodes(pg, &pg->authors, "byline");
}

/* ---- authors named in the text ------------------------------------------ */

/* Words that introduce a name in Chinese bylines. */
static const char *const cjk_marks[] = {
    "作者：", "作者:",  "作者 ", "执笔人：", "执笔：", "本报记者",
    "记者：", "记者 ",  "记者",  "記者：",   "記者 ",  "記者",
    "本贴由", "撰文：", "文／",  "文/",      NULL};

/* Two-character words that follow those markers but are no names. */
static const char *const cjk_not_names[] = {
    "博客", "简介", "信箱", "联系", "专栏", "招聘", "报道", "编辑", "来源",
    "发布", "站点", "文章", "首页", "登录", "节日", "证件", NULL};

/* Latin and Arabic byline starts. */
static const char *const text_by[] = {"By ",   "by ",  "Von ",  "von ",
                                      "Par ",  "Por ", "Door ", "Przez ",
                                      "بقلم ", "كتب ", NULL};

static bool
is_han(UChar32 cp)
{
    return cp >= 0 && u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC);
}

/* Bytes of the run of Han characters at s (up to n); *ncp counts them. */
static size_t
han_run(const char *s, size_t n, size_t *ncp)
{
    size_t i = 0;
    *ncp = 0;
    while (i < n) {
        size_t j = i;
        UChar32 cp;
        U8_NEXT(s, j, n, cp);
        if (!is_han(cp)) {
            break;
        }
        i = j;
        (*ncp)++;
    }
    return i;
}

/* Skips ASCII and ideographic spaces and colons from i. */
static size_t
skip_gap(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == ':')) {
            i++;
        } else if (i + 3 <= n && (memcmp(s + i, "\xe3\x80\x80", 3) == 0 ||
                                  memcmp(s + i, "\xef\xbc\x9a", 3) == 0)) {
            i += 3;
        } else {
            return i;
        }
    }
}

static bool
cjk_not_name(const char *s, size_t len)
{
    for (size_t w = 0; cjk_not_names[w] != NULL; w++) {
        if (len >= 6 && memcmp(s, cjk_not_names[w], 6) == 0) {
            return true;
        }
    }
    return false;
}

/* Chinese names at s: one of 2 to 4 Han characters, then more of 2 or 3
 * separated by spaces ("宋怡 杨志华"), appended to b. */
static void
cjk_names(const char *s, size_t n, px_buf *b)
{
    size_t i = skip_gap(s, n, 0);
    for (int k = 0; k < 6 && i < n; k++) {
        size_t ncp = 0;
        const size_t len = han_run(s + i, n - i, &ncp);
        if (ncp < 2 || ncp > (k == 0 ? 4u : 3u) || cjk_not_name(s + i, len)) {
            return;
        }
        if (b->len > 0) {
            px_buf_add_byte(b, ' ');
        }
        px_buf_add(b, s + i, len);
        const size_t next = skip_gap(s, n, i + len);
        if (next == i + len) {
            return; /* no gap: the names end here */
        }
        i = next;
    }
}

/* A byline name in one text node, or NULL. */
static const char *
text_node_author(page *pg, const char *t)
{
    const size_t n = strlen(t) < 300 ? strlen(t) : 300;
    /* every marker is Han characters, whose UTF-8 bytes are all 0x80 and
     * up: most text nodes (ASCII) need no search */
    bool high = false;
    for (size_t i = 0; i < n && !high; i++) {
        high = (unsigned char)t[i] >= 0x80;
    }
    for (size_t k = 0; high && cjk_marks[k] != NULL; k++) {
        const char *m =
            px_str_find((px_str){t, n}, cjk_marks[k], strlen(cjk_marks[k]));
        if (m == NULL) {
            continue;
        }
        const char *after = m + strlen(cjk_marks[k]);
        px_buf b;
        px_buf_init(&b);
        cjk_names(after, n - (size_t)(after - t), &b);
        const char *name =
            px_buf_failed(&b) ? NULL : arena_text(pg->a, b.ptr, b.len);
        px_buf_fini(&b);
        if (name != NULL) {
            return name;
        }
    }
    const px_str tr = px_str_trim((px_str){t, strlen(t)});
    for (size_t k = 0; text_by[k] != NULL && tr.len <= 80; k++) {
        if (tr.len > strlen(text_by[k]) &&
            memcmp(tr.ptr, text_by[k], strlen(text_by[k])) == 0) {
            return clean_name(pg, arena_text(pg->a, tr.ptr, tr.len), true);
        }
    }
    return NULL;
}

/* A name after a byline word in the text around the headline. */
static void
author_from_text(page *pg, const vis *v)
{
    const int from = v->h1_order >= 0 ? v->h1_order - 6 : 0;
    const int to = v->h1_order >= 0 ? v->h1_order + 150 : 400;
    for (int i = from < 0 ? 0 : from;
         i < to && (size_t)i < v->n_spans && pg->a->author == NULL; i++) {
        xmlNodePtr n = v->spans[i].node;
        const char *name = text_node_author(pg, (const char *)n->content);
        if (name != NULL && !generic_author(name) && !in_boilerplate(n)) {
            set_field(pg->a, &pg->a->author, name, "author", "text");
        }
    }
}

/* ---- site, canonical, language ------------------------------------------ */

static void
pick_site(page *pg, const char *host)
{
    px_article *a = pg->a;
    set_field(a, &a->site, meta_get(pg, "og:site_name"), "site",
              "meta:og:site_name");
    set_field(a, &a->site, pg->info.publisher, "site", "jsonld:publisher");
    set_field(a, &a->site, pg->info.website, "site", "jsonld:website");
    set_field(a, &a->site, meta_get(pg, "application-name"), "site",
              "meta:application-name");
    set_field(a, &a->site, host, "site", "url");
}

/* href resolved against the page URL, as an arena string. */
static const char *
resolve(px_article *a, const char *href, const char *base)
{
    if (href == NULL || base == NULL) {
        return href;
    }
    xmlChar *u = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
    if (u == NULL) {
        return href;
    }
    const char *out = arena_text(a, (const char *)u, strlen((const char *)u));
    xmlFree(u);
    return out;
}

static void
pick_canonical_lang(page *pg)
{
    px_article *a = pg->a;
    set_field(a, &a->canonical, resolve(a, pg->canonical, pg->url), "canonical",
              "link");
    set_field(a, &a->canonical, resolve(a, meta_get(pg, "og:url"), pg->url),
              "canonical", "meta:og:url");
    set_field(a, &a->lang, pg->html_lang, "lang", "html");
    set_field(a, &a->lang, meta_get(pg, "og:locale"), "lang", "meta:og:locale");
    set_field(a, &a->lang, meta_get(pg, "content-language"), "lang",
              "meta:content-language");
    set_field(a, &a->lang, meta_get(pg, "language"), "lang", "meta:language");
}

px_status
px_meta_extract(htmlDocPtr doc, const char *url, px_article *a, px_error *err)
{
    if (doc == NULL || a == NULL) {
        return px_fail(err, PX_EINVAL, "meta: no document");
    }
    page *pg = px_calloc(1, sizeof *pg);
    if (pg == NULL) {
        return px_fail(err, PX_ENOMEM, "meta: out of memory");
    }
    pg->a = a;
    pg->url = url != NULL ? url : a->url;
    gather(pg, doc);
    read_ld(pg);
    const char *host = url_host(a, pg->url);
    pg->host = host;
    pick_site(pg, host);
    pick_title(pg, host);
    vis *v = vis_new(pg, doc);
    if (v != NULL) {
        pick_date(pg, v);
    }
    pick_author(pg);
    if (v != NULL && a->author == NULL) {
        author_from_text(pg, v);
    }
    vis_free(v);
    pick_canonical_lang(pg);
    PX_LOG(PX_LOG_DEBUG, "meta: done (metas=%zu ld=%zu)", pg->n_metas,
           pg->ld.len);
    px_free(pg);
    if (px_arena_failed(a->arena)) {
        return px_fail(err, PX_ENOMEM, "meta: out of memory");
    }
    return PX_OK;
}

/* ---- dates in the extracted text ---------------------------------------- */

/* A date in paragraph p counts when the paragraph reads as a dateline or
 * byline: it starts with the date, or little else is in it and it is no
 * sentence ("built on 3 March 1998." is not a dateline), and it starts no
 * period ("Date: 2026-05-03 - 2026-05-09"). */
static bool
para_date(const px_article *a, const px_para *p, px_date *out)
{
    const px_str s = {a->text + p->off, p->len};
    size_t off = 0;
    size_t len = 0;
    if (!px_pubdate_find(s, out, &off, &len) || out->prec < PX_PREC_DAY ||
        updated_label(s.ptr, off) || range_start(s.ptr, s.len, off + len)) {
        return false;
    }
    char last = '\0';
    if (p->len > 0) {
        last = s.ptr[p->len - 1];
    }
    const bool sentence =
        last == '.' || last == '!' || last == '?' ||
        (p->len >= 3 && memcmp(s.ptr + p->len - 3, "\xe3\x80\x82", 3) == 0);
    return off <= 3 || (p->len - len <= 50 && !sentence);
}

void
px_meta_date_from_text(px_article *a)
{
    if (a == NULL || a->text == NULL || a->published.prec >= PX_PREC_DAY) {
        return;
    }
    const px_date month = a->published;
    size_t first = 0;
    for (size_t i = 0; a->title != NULL && i < a->n_paras && i < 6; i++) {
        const px_para *p = &a->paras[i];
        if (px_str_eq_c((px_str){a->text + p->off, p->len}, a->title)) {
            first = i + 1; /* the title is in the text: look just after */
            break;
        }
    }
    for (size_t i = first; i < a->n_paras && i < first + 3; i++) {
        px_date d;
        if (!para_date(a, &a->paras[i], &d)) {
            continue;
        }
        if (month.prec == PX_PREC_MONTH &&
            (d.year != month.year || d.month != month.month)) {
            continue;
        }
        a->published = d;
        px_article_signal(a, "date", "text");
        return;
    }
}
