/* content.c - choosing the article's main text in a parsed HTML page.
 *
 * One walk over the tree measures every element bottom-up (weighted text
 * length, link text, punctuation, and the "prose" part: paragraphs long
 * enough, punctuated and not made of links). Cue words and chrome tags
 * (nav, aside, footer, header, form) mark boilerplate subtrees, whose prose
 * does not count. The container is the element that maximises
 *     prose * (1 + bonus) - a * link text - b * chrome text - c * other,
 * so it holds as much article prose and as little other text as possible;
 * semantic hints (itemprop=articleBody, <article>, "content" class words)
 * add a small bonus. Teasers (a headline link plus a summary, in lists of
 * related stories) count less. The winner is then widened to ancestors
 * that only add link-free text of the same kind (tables, lists), and
 * sibling blocks with much prose are kept with it. content_emit.c writes
 * the paragraphs. Everything is a few linear passes over the node array;
 * _private is borrowed during the call and restored, so the tree is left
 * as it was found.
 */
#include "content.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "content_int.h"
#include "error.h"
#include "log.h"

#define NONE UINT32_MAX
/* Weight of non-prose text against prose when choosing the container. */
#ifndef PX_CONTENT_TUNE
#define LAMBDA_LINK  0.6f
#define LAMBDA_BOIL  0.2f
#define LAMBDA_OTHER 0.15f
#endif
/* widen(): an ancestor is taken when it adds WIDEN_MIN times the text
 * with at most WIDEN_LINK of it in links; WIDEN_IDLE is the most it may
 * add and still be passed through. */
#ifndef WIDEN_MIN
#define WIDEN_MIN  0.5f
#define WIDEN_LINK 0.2f
#define WIDEN_IDLE 0.05f
#endif
/* Teasers: blocks up to this weighted length with at least this share of
 * link text (percent) keep this part of their prose. */
/* Bonus share of prose for semantic containers. */
#ifndef BONUS_POS
#define BONUS_BODYPROP 0.25f
#define BONUS_ARTICLE  0.1f
#define BONUS_POS      0.1f
#endif
/* Siblings of the container are kept when their prose is at least
 * SIB_SHARE of the container's and SIB_MIN, with at most SIB_LINK links. */
#define CODE_SYM_RATIO 20u
/* A chrome tag or hidden block holding most of the prose is still the
 * page (a parser mishap) when it holds this share of all text. */
/* Elements with strong chrome words are chrome whatever they hold when
 * they are this small (weighted length). */
#ifndef STRONG_SMALL
#define STRONG_SMALL 400u
#endif
#ifndef SWALLOW_SHARE
#define SWALLOW_SHARE 0.6f
#endif
#ifndef SIB_SHARE
#define SIB_SHARE 0.5f
#define SIB_MIN   200.0f
#define SIB_LINK  0.2f
#endif
#ifndef TEASER_FACTOR
#define TEASER_MAX_W    1000u
#define TEASER_LINK_PCT 15u
#define TEASER_FACTOR   0.3f
#endif

static bool
is_inline(uint8_t tag)
{
    return tag == PX_CT_INLINE || tag == PX_CT_A || tag == PX_CT_IMG ||
           tag == PX_CT_BR;
}

static px_cnode *
add_node(px_cdoc *d, xmlNodePtr n, uint32_t parent, uint8_t tag)
{
    if (d->n == d->cap) {
        const size_t cap = d->cap == 0 ? 1024 : d->cap * 2;
        px_cnode *nn = px_realloc(d->nodes, cap * sizeof *nn);
        if (nn == NULL) {
            return NULL;
        }
        d->nodes = nn;
        d->cap = cap;
    }
    px_cnode *c = &d->nodes[d->n];
    memset(c, 0, sizeof *c);
    c->node = n;
    c->saved = n->_private;
    c->parent = parent;
    c->tag = tag;
    d->n++;
    n->_private = (void *)(uintptr_t)d->n;
    return c;
}

/* Prose weight of a block's own inline text: long or punctuated text that
 * is mostly not link text and not code (one code-like symbol in
 * CODE_SYM_RATIO characters or more). */
static float
unit_good(uint32_t w, uint32_t link, uint32_t punct, uint32_t sym)
{
    if (w < 12 || link * 2 > w || sym * CODE_SYM_RATIO > w) {
        return 0.0f;
    }
    const float text = (float)(w - link);
    if (punct == 0) {
        return w >= 60 ? text * 0.5f : 0.0f;
    }
    return w >= 25 ? text : text * 0.5f;
}

typedef struct walker {
    px_cdoc *d;
    uint32_t cur;     /* index of the innermost open element */
    uint32_t in_link; /* open <a> elements */
    bool failed;
} walker;

static void
grab_title(px_cdoc *d, xmlNodePtr n)
{
    if (d->title.len == 0 && n->children != NULL &&
        n->children->type == XML_TEXT_NODE && n->children->content != NULL) {
        d->title = px_str_trim(px_str_c((const char *)n->children->content));
    }
}

static const xmlChar *
attr_value(xmlNodePtr n, const char *name)
{
    const xmlAttr *at = xmlHasProp(n, (const xmlChar *)name);
    return at != NULL && at->children != NULL ? at->children->content : NULL;
}

static void
grab_meta(px_cdoc *d, xmlNodePtr n)
{
    const xmlChar *p = attr_value(n, "property");
    const xmlChar *c = attr_value(n, "content");
    if (p != NULL && c != NULL && strcmp((const char *)p, "og:title") == 0) {
        d->og_title = px_str_trim(px_str_c((const char *)c));
    }
}

/* Visits an element on the way down; returns whether to descend. */
static bool
enter_element(walker *w, xmlNodePtr n)
{
    const px_ctag tag = px_content_tag_cached(&w->d->cues, n->name);
    if (tag == PX_CT_SKIP) {
        if (n->name != NULL && strcmp((const char *)n->name, "title") == 0) {
            grab_title(w->d, n);
        } else if (n->name != NULL &&
                   strcmp((const char *)n->name, "meta") == 0) {
            grab_meta(w->d, n);
        }
        return n->name != NULL && strcmp((const char *)n->name, "head") == 0;
    }
    bool hidden = false;
    const unsigned cues = px_content_cues(n, &w->d->cues, &hidden);
    px_cnode *c = add_node(w->d, n, w->cur, (uint8_t)tag);
    if (c == NULL) {
        w->failed = true;
        return false;
    }
    c->flags = (uint8_t)(cues | (hidden ? PX_CF_HIDDEN : 0u));
    w->cur = (uint32_t)(w->d->n - 1);
    w->in_link += tag == PX_CT_A ? 1u : 0u;
    return true;
}

static void
add_text(walker *w, xmlNodePtr n)
{
    if (w->cur == NONE || n->content == NULL) {
        return;
    }
    const char *s = (const char *)n->content;
    const px_ctext t = px_content_measure(s, strlen(s));
    px_cnode *c = &w->d->nodes[w->cur];
    c->w += t.w;
    c->punct += t.punct;
    c->own_w += t.w;
    c->own_punct += t.punct;
    c->own_sym += t.sym;
    if (w->in_link > 0) {
        c->link_w += t.w;
        c->own_link += t.w;
    }
}

/* Finishes element c (all descendants done): link text, its own prose,
 * and sums into the parent. */
static void
leave_element(walker *w, px_cnode *c)
{
    px_cdoc *d = w->d;
    c->end = (uint32_t)d->n;
    w->cur = c->parent;
    if (c->tag == PX_CT_A && w->in_link > 0) {
        w->in_link--;
    }
    if (!is_inline(c->tag) && c->tag != PX_CT_H1 && c->tag != PX_CT_HEADING) {
        c->own_good =
            unit_good(c->own_w, c->own_link, c->own_punct, c->own_sym);
    }
    if (c->parent == NONE) {
        return;
    }
    px_cnode *p = &d->nodes[c->parent];
    p->w += c->w;
    p->link_w += c->link_w;
    p->punct += c->punct;
    if (is_inline(c->tag)) {
        p->own_w += c->own_w;
        p->own_link += c->own_link;
        p->own_punct += c->own_punct;
        p->own_sym += c->own_sym;
    }
}

static void
leave(walker *w, xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE) {
        return;
    }
    px_cnode *c = px_cdoc_get(w->d, n);
    if (c != NULL && c->end == 0 && w->cur != NONE &&
        &w->d->nodes[w->cur] == c) {
        leave_element(w, c);
    }
}

static bool
enter(walker *w, xmlNodePtr n)
{
    if (n->type == XML_ELEMENT_NODE) {
        return enter_element(w, n);
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        add_text(w, n);
    }
    return false;
}

/* The bottom-up measuring walk, without recursion. */
static px_status
measure_tree(px_cdoc *d, xmlNodePtr root, px_error *err)
{
    walker w = {d, NONE, 0, false};
    xmlNodePtr n = root;
    for (;;) {
        if (enter(&w, n) && n->children != NULL) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(&w, n);
            if (n == root) {
                return w.failed
                           ? px_fail(err, PX_ENOMEM, "content: out of memory")
                           : PX_OK;
            }
            if (n->next != NULL) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* Whether c sits in an <article> or an articleBody (a few levels up): its
 * <header> holds the article's lead, not the site's masthead. */
static bool
in_article(const px_cdoc *d, const px_cnode *c)
{
    int hops = 0;
    for (uint32_t p = c->parent; p != NONE && hops < 12;
         p = d->nodes[p].parent, hops++) {
        const px_cnode *a = &d->nodes[p];
        if (a->tag == PX_CT_ARTICLE || (a->flags & PX_CF_BODYPROP) != 0) {
            return true;
        }
    }
    return false;
}

/* Whether cue words or the tag make c chrome, given the page's prose. */
static bool
is_boiler(const px_cdoc *d, const px_cnode *c, float page_good, uint32_t page_w)
{
    if (c->tag == PX_CT_BODY || c->tag == PX_CT_MAIN ||
        (c->flags & PX_CF_BODYPROP) != 0 || c->parent == NONE) {
        return false;
    }
    const bool strong = (c->flags & PX_CF_STRONG) != 0;
    const bool weak = (c->flags & (PX_CF_NEG | PX_CF_POS)) == PX_CF_NEG;
    if (c->tag == PX_CT_FORM && c->good * 2.0f < (float)c->w) {
        return c->good < 0.5f * page_good;
    }
    /* Hidden blocks and chrome tags are chrome unless they hold most of
     * the page's prose (script-revealed pages, parser mishaps). */
    if ((c->flags & PX_CF_HIDDEN) != 0 &&
        (c->flags & (PX_CF_NEG | PX_CF_STRONG)) != 0) {
        return true;
    }
    if (c->tag == PX_CT_HEADER && in_article(d, c)) {
        return false;
    }
    if (c->tag == PX_CT_NAV || c->tag == PX_CT_HEADER ||
        (c->flags & PX_CF_HIDDEN) != 0) {
        return c->good < 0.5f * page_good ||
               (float)c->w < SWALLOW_SHARE * (float)page_w;
    }
    if (strong) {
        const bool pos = (c->flags & PX_CF_POS) != 0 || c->tag == PX_CT_ARTICLE;
        return c->good < (pos ? 0.3f : 0.6f) * page_good || c->w < STRONG_SMALL;
    }
    return weak && c->good < 0.5f * page_good &&
           (c->good * 2.0f < (float)c->w || c->w < 80);
}

/* A small block whose links make up a good share of its text while its
 * prose is not link text: a teaser (headline link plus summary) in a list
 * of related or recent stories. Its prose counts less. */
static bool
is_teaser(const px_cnode *c)
{
    if (c->w > TEASER_MAX_W || c->tag == PX_CT_P || is_inline(c->tag) ||
        c->good <= 0.0f) {
        return false;
    }
    return c->link_w >= 15 && c->link_w * 100 >= TEASER_LINK_PCT * c->w &&
           c->link_w * 2 <= c->w;
}

/* Sums prose bottom-up (children have higher indices than parents),
 * leaving out chrome when skip_chrome. */
static void
sum_good(px_cdoc *d, bool skip_chrome)
{
    for (size_t i = 0; i < d->n; i++) {
        d->nodes[i].good = 0.0f;
        d->nodes[i].n_teaser = 0;
    }
    for (size_t i = d->n; i-- > 0;) {
        px_cnode *c = &d->nodes[i];
        if (skip_chrome && (c->flags & (PX_CF_BOILER | PX_CF_INBOIL))) {
            continue;
        }
        c->good += c->own_good;
        if (is_teaser(c)) {
            c->good *= TEASER_FACTOR;
            c->n_teaser++;
        }
        if (c->parent != NONE) {
            d->nodes[c->parent].good += c->good;
            d->nodes[c->parent].n_teaser += c->n_teaser;
        }
    }
}

/* Sums the text of chrome subtrees bottom-up. */
static void
sum_chrome(px_cdoc *d)
{
    for (size_t i = d->n; i-- > 0;) {
        px_cnode *c = &d->nodes[i];
        if (c->parent == NONE || (c->flags & PX_CF_INBOIL)) {
            continue;
        }
        px_cnode *p = &d->nodes[c->parent];
        const bool boil = (c->flags & PX_CF_BOILER) != 0;
        p->boil_w += boil ? c->w : c->boil_w;
        p->boil_link += boil ? c->link_w : c->boil_link;
    }
}

/* Marks chrome, then sums prose bottom-up with chrome left out. */
static void
mark_chrome(px_cdoc *d)
{
    sum_good(d, false);
    const float page_good = d->n > 0 ? d->nodes[0].good : 0.0f;
    const uint32_t page_w = d->n > 0 ? d->nodes[0].w : 0;
    for (size_t i = 0; i < d->n; i++) {
        px_cnode *c = &d->nodes[i];
        if (is_boiler(d, c, page_good, page_w)) {
            c->flags |= PX_CF_BOILER;
        }
        if (c->parent != NONE &&
            (d->nodes[c->parent].flags & (PX_CF_BOILER | PX_CF_INBOIL))) {
            c->flags |= PX_CF_INBOIL;
        }
    }
    sum_good(d, true);
    sum_chrome(d);
}

static float
bonus(const px_cnode *c)
{
    float b = 0.0f;
    if (c->flags & PX_CF_BODYPROP) {
        b += BONUS_BODYPROP;
    }
    if (c->tag == PX_CT_ARTICLE) {
        b += BONUS_ARTICLE;
    }
    if (c->flags & PX_CF_POS) {
        b += BONUS_POS;
    }
    return b;
}

static float
container_score(const px_cnode *c)
{
    const float link = (float)(c->link_w - c->boil_link);
    const float other = (float)(c->w - c->boil_w) - link - c->good;
    return c->good * (1.0f + bonus(c)) - LAMBDA_LINK * link -
           LAMBDA_BOIL * (float)c->boil_w -
           LAMBDA_OTHER * (other > 0.0f ? other : 0.0f);
}

/* Text and link text of c outside chrome subtrees. */
static float
clean_w(const px_cnode *c)
{
    return (float)(c->w - c->boil_w);
}

static float
clean_link(const px_cnode *c)
{
    return (float)(c->link_w - c->boil_link);
}

/* Widens the container to ancestors that add much more text of the same
 * kind: little link text, no chrome (tables, lists and short lines of an
 * article whose prose is only a part of it). Wrappers that add nothing
 * are passed through. */
static uint32_t
widen(const px_cdoc *d, uint32_t best)
{
    uint32_t cur = best;
    for (;;) {
        const px_cnode *c = &d->nodes[cur];
        if (c->parent == NONE) {
            return best;
        }
        const px_cnode *p = &d->nodes[c->parent];
        if (p->flags & (PX_CF_BOILER | PX_CF_INBOIL)) {
            return best;
        }
        const float extra = clean_w(p) - clean_w(c);
        const float extra_link = clean_link(p) - clean_link(c);
        if (extra > WIDEN_MIN * clean_w(c) &&
            extra_link <= WIDEN_LINK * extra &&
            p->n_teaser <= c->n_teaser + 1) {
            best = c->parent;
        } else if (extra > WIDEN_IDLE * clean_w(c)) {
            return best;
        }
        cur = c->parent;
    }
}

/* Marks the siblings of the container that read like more of the same
 * article (a lead or a second body block split off by the layout). */
static void
mark_siblings(px_cdoc *d, uint32_t best)
{
    const px_cnode *c = &d->nodes[best];
    if (c->parent == NONE) {
        return;
    }
    for (xmlNodePtr n = d->nodes[c->parent].node->children; n != NULL;
         n = n->next) {
        px_cnode *s = px_cdoc_get(d, n);
        if (s == NULL || s == c || (s->flags & PX_CF_BOILER) ||
            s->n_teaser > 1 || clean_link(s) > SIB_LINK * clean_w(s)) {
            continue;
        }
        if (s->good >= SIB_SHARE * c->good && s->good >= SIB_MIN) {
            s->flags |= PX_CF_SIBLING;
        }
    }
}

/* Score of a container on a page without prose (short captions, lines
 * in headings or lists): its plain text stands in for prose. */
static float
plain_score(const px_cnode *c)
{
    const float link = clean_link(c);
    const float plain = clean_w(c) - link;
    return plain * (1.0f + bonus(c)) - LAMBDA_LINK * link -
           LAMBDA_BOIL * (float)c->boil_w;
}

/* The best container, or NONE. Later (deeper) nodes win ties. */
static uint32_t
choose(const px_cdoc *d)
{
    const bool prose = d->n > 0 && d->nodes[0].good > 0.0f;
    uint32_t best = NONE;
    float best_f = 0.0f;
    for (size_t i = 0; i < d->n; i++) {
        const px_cnode *c = &d->nodes[i];
        if ((prose && c->good <= 0.0f) || is_inline(c->tag) ||
            (c->flags & (PX_CF_BOILER | PX_CF_INBOIL))) {
            continue;
        }
        const float f = prose ? container_score(c) : plain_score(c);
        if ((prose || f > 0.0f) && (best == NONE || f >= best_f)) {
            best = (uint32_t)i;
            best_f = f;
        }
    }
    return best == NONE ? NONE : widen(d, best);
}

static void
describe(const px_cdoc *d, uint32_t i, px_article *a)
{
    const px_cnode *c = &d->nodes[i];
    char buf[96];
    const char *how = (c->flags & PX_CF_BODYPROP) ? "container:articleBody"
                      : c->tag == PX_CT_ARTICLE   ? "container:article"
                      : c->tag == PX_CT_MAIN      ? "container:main"
                                                  : NULL;
    if (how == NULL) {
        snprintf(buf, sizeof buf, "score:%s", (const char *)c->node->name);
        how = buf;
    }
    px_article_signal(a, "text", how);
}

static void
restore(px_cdoc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        d->nodes[i].node->_private = d->nodes[i].saved;
    }
    px_free(d->nodes);
}

px_status
px_content_extract(htmlDocPtr doc, px_article *a, px_error *err)
{
    xmlNodePtr root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
    if (root == NULL) {
        return px_fail(err, PX_EEMPTY, "content: empty document");
    }
    px_cdoc d = {0};
    px_status rc = measure_tree(&d, root, err);
    if (rc != PX_OK) {
        goto done;
    }
    mark_chrome(&d);
    const uint32_t best = choose(&d);
    if (best == NONE) {
        PX_LOG(PX_LOG_DEBUG,
               "content: no candidate block outside chrome (nodes=%zu)", d.n);
        rc = px_fail(err, PX_EEMPTY, "content: no main text");
        goto done;
    }
    describe(&d, best, a);
    if (px_log_min <= PX_LOG_DEBUG) { /* which block, for tuning */
        const xmlNode *n = d.nodes[best].node;
        xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
        PX_LOG(PX_LOG_DEBUG,
               "content: chose <%s class='%.60s'> (node %u of %zu)",
               (const char *)n->name, cls != NULL ? (const char *)cls : "",
               best, d.n);
        xmlFree(cls);
    }
    mark_siblings(&d, best);
    rc = px_content_emit(&d, d.nodes[best].node, a, err);
    if (rc == PX_OK && a->text_len == 0) {
        rc = px_fail(err, PX_EEMPTY, "content: no main text");
    }
done:
    restore(&d);
    return rc;
}
