/* htmltree.c - libxml2's HTML parser building its tree in an arena (see
 * htmltree.h).
 *
 * Each callback mirrors its libxml2 2.9 SAX2 counterpart for HTML: where
 * the node goes (the current node, else the document, else after the
 * document's first child), what it is named and what it holds. Adjacent
 * text (or CDATA) under one parent is one node, as xmlSAX2Text coalesces
 * it; the node being filled grows by doubling inside the arena. Attribute
 * values are copied (the parser frees its own); names stay the parser's
 * dictionary strings, which the document keeps alive.
 */
#include "htmltree.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "htmlpack.h"

#define PCDATA_SLOTS_LOG2 5
#define PCDATA_SLOTS      (1 << PCDATA_SLOTS_LOG2)
#define NAME_SLOTS_LOG2   6

/* A cached attribute name: its lower-cased bytes (up to 16) and its
 * dictionary string. */
typedef struct name_slot {
    uint64_t w[2];
    const xmlChar *name;
} name_slot;

/* Per-parse state, reached through ctxt->_private. */
typedef struct builder {
    px_arena *a;
    xmlNodePtr open;   /* the text or CDATA node last filled, or NULL */
    size_t open_len;   /* its content's length ... */
    size_t open_cap;   /* ... and room, NUL included */
    px_html_packed pk; /* what the parser reads; its markers */
    size_t blank_at;   /* cursor of px_html_blank_at */
    size_t list_at;    /* the next of pk.lists to claim */
    /* allows_pcdata by name address (the parser's dictionary strings) */
    const xmlChar *pcdata_key[PCDATA_SLOTS];
    bool pcdata[PCDATA_SLOTS];
    name_slot names[1u << NAME_SLOTS_LOG2]; /* dict_name's cache */
} builder;

static void
out_of_memory(xmlParserCtxtPtr ctxt)
{
    xmlStopParser(ctxt);
}

/* The parser's current line, as libxml2 records it in nodes. */
static unsigned short
line_of(xmlParserCtxtPtr ctxt)
{
    if (!ctxt->linenumbers || ctxt->input == NULL) {
        return 0;
    }
    return ctxt->input->line < 65535 ? (unsigned short)ctxt->input->line
                                     : 65535;
}

static xmlNodePtr
new_node(xmlParserCtxtPtr ctxt, xmlElementType type, const xmlChar *name)
{
    const builder *b = ctxt->_private;
    xmlNodePtr n = px_arena_alloc(b->a, sizeof *n);
    if (n == NULL) {
        out_of_memory(ctxt);
        return NULL;
    }
    *n = (xmlNode){.type = type, .name = name, .doc = ctxt->myDoc};
    return n;
}

static xmlChar *
copy_str(xmlParserCtxtPtr ctxt, const xmlChar *s, size_t len)
{
    const builder *b = ctxt->_private;
    xmlChar *d = (xmlChar *)px_arena_strndup(b->a, (const char *)s, len);
    if (d == NULL) {
        out_of_memory(ctxt);
    }
    return d;
}

/* xmlAddChild for nodes that never merge (the caller coalesces text). */
static void
append_child(xmlNodePtr parent, xmlNodePtr cur)
{
    cur->parent = parent;
    if (parent->children == NULL || parent->last == NULL) {
        parent->children = cur;
    } else {
        cur->prev = parent->last;
        parent->last->next = cur;
    }
    parent->last = cur;
}

/* xmlAddSibling: cur's last sibling gets elem after it. */
static void
append_sibling(xmlNodePtr cur, xmlNodePtr elem)
{
    if (cur->parent != NULL && cur->parent->children != NULL &&
        cur->parent->last != NULL && cur->parent->last->next == NULL) {
        cur = cur->parent->last;
    } else {
        while (cur->next != NULL) {
            cur = cur->next;
        }
    }
    elem->prev = cur;
    elem->next = NULL;
    elem->parent = cur->parent;
    cur->next = elem;
    if (elem->parent != NULL) {
        elem->parent->last = elem;
    }
}

/* The node being built: the top of the parser's node stack. ctxt->node is
 * kept NULL between callbacks, so that libxml2's areBlanks stops before
 * its costly part (a walk over 53 names per blank text); blank_ignored
 * does that part instead. */
static xmlNodePtr
current(const xmlParserCtxt *ctxt)
{
    return ctxt->nodeNr > 0 ? ctxt->nodeTab[ctxt->nodeNr - 1] : NULL;
}

/* Where comments and processing instructions go (xmlSAX2Comment). */
static void
link_leaf(xmlParserCtxtPtr ctxt, xmlNodePtr n)
{
    xmlNodePtr parent = current(ctxt);
    if (parent == NULL) {
        append_child((xmlNodePtr)ctxt->myDoc, n);
    } else if (parent->type == XML_ELEMENT_NODE) {
        append_child(parent, n);
    } else {
        append_sibling(parent, n);
    }
}

static uint32_t
entity_value(const char *name)
{
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    return e != NULL ? e->value : 0;
}

/* Appends the attribute name (a dictionary string) with value[0..len)
 * (value NULL: none; is_refs: with references to decode) to el after
 * last, el's last attribute (NULL: none yet); returns it, or NULL when out
 * of memory. The attribute, its text node and its value share one arena
 * block. */
static xmlAttrPtr
append_attribute(xmlParserCtxtPtr ctxt, xmlNodePtr el, xmlAttrPtr last,
                 const xmlChar *name, const xmlChar *value, size_t len,
                 bool is_refs)
{
    const builder *b = ctxt->_private;
    if (value == NULL && htmlIsBooleanAttr(name)) {
        value = name; /* <option selected> has selected="selected" */
        len = strlen((const char *)name);
    }
    const size_t size =
        sizeof(xmlAttr) + (value != NULL ? sizeof(xmlNode) + len + 1 : 0);
    char *block = px_arena_alloc(b->a, size);
    if (block == NULL) {
        out_of_memory(ctxt);
        return NULL;
    }
    xmlAttrPtr at = (xmlAttrPtr)(void *)block;
    *at = (xmlAttr){.type = XML_ATTRIBUTE_NODE,
                    .name = name,
                    .doc = ctxt->myDoc,
                    .parent = el};
    if (value != NULL) {
        xmlNodePtr t = (xmlNodePtr)(void *)(block + sizeof(xmlAttr));
        *t = (xmlNode){
            .type = XML_TEXT_NODE, .name = xmlStringText, .doc = ctxt->myDoc};
        xmlChar *v = (xmlChar *)block + sizeof(xmlAttr) + sizeof(xmlNode);
        if (is_refs) {
            len = px_html_attr_value((const char *)value, len, (char *)v,
                                     entity_value);
        } else {
            memcpy(v, value, len);
        }
        v[len] = 0;
        t->content = v;
        t->parent = (xmlNodePtr)at;
        at->children = at->last = t;
    }
    if (last == NULL) {
        el->properties = at;
    } else {
        last->next = at;
        at->prev = last;
    }
    return at;
}

/* True if the attributes up to last hold one named name (a dictionary
 * string). */
static bool
has_attribute(const xmlAttr *last, const xmlChar *name)
{
    for (; last != NULL; last = last->prev) {
        if (last->name == name) {
            return true;
        }
    }
    return false;
}

/* The dictionary string of the name p[0..len) lower-cased (len < 128), as
 * htmlParseHTMLName gives it; short names go through a cache of the
 * page's names first. */
static const xmlChar *
dict_name(xmlParserCtxtPtr ctxt, const char *p, size_t len)
{
    builder *b = ctxt->_private;
    if (len > 16) {
        char low[128];
        px_ascii_lower_copy(low, p, len);
        return xmlDictLookup(ctxt->dict, (const xmlChar *)low, (int)len);
    }
    uint64_t w[2] = {0, 0};
    memcpy(w, p, len);
    w[0] = px_ascii_lower8(w[0]);
    w[1] = px_ascii_lower8(w[1]);
    name_slot *e =
        &b->names[((w[0] + w[1] * 31 + len) * UINT64_C(0x9E3779B97F4A7C15)) >>
                  (64 - NAME_SLOTS_LOG2)];
    if (e->name == NULL || e->w[0] != w[0] || e->w[1] != w[1]) {
        e->name = xmlDictLookup(ctxt->dict, (const xmlChar *)(const void *)w,
                                (int)len);
        e->w[0] = w[0];
        e->w[1] = w[1];
    }
    return e->name;
}

/* The attributes of the page's list l, as htmlParseStartTag would have
 * passed them: names lower-cased into the parser's dictionary, the first
 * of each name only. */
static void
add_attribute_list(xmlParserCtxtPtr ctxt, xmlNodePtr el, const px_html_list *l)
{
    const builder *b = ctxt->_private;
    const char *s = b->pk.src + l->off;
    size_t i = 0;
    px_html_attr at;
    xmlAttrPtr last = NULL;
    while (px_html_attr_next(s, l->len, &i, &at)) {
        if (at.name_len >= 128) {
            continue; /* not in a list the scan packed */
        }
        const xmlChar *name = dict_name(ctxt, at.name, at.name_len);
        if (name == NULL) {
            out_of_memory(ctxt);
            return;
        }
        if (has_attribute(last, name)) {
            continue;
        }
        xmlAttrPtr added = append_attribute(
            ctxt, el, last, name, (const xmlChar *)at.value, at.value_len,
            at.value != NULL && memchr(at.value, '&', at.value_len) != NULL);
        if (added == NULL) {
            return;
        }
        last = added;
    }
}

static void
add_attribute(xmlParserCtxtPtr ctxt, xmlNodePtr el, const xmlChar *name,
              const xmlChar *value)
{
    const builder *b = ctxt->_private;
    xmlAttrPtr last = el->properties;
    while (last != NULL && last->next != NULL) {
        last = last->next;
    }
    size_t len = value != NULL ? strlen((const char *)value) : 0;
    size_t mlen = 0;
    const px_html_span *sp =
        value != NULL ? px_html_marker(&b->pk, value, len, &mlen) : NULL;
    if (sp != NULL && mlen == len) { /* a replaced value: the page's */
        value = (const xmlChar *)b->pk.src + sp->off;
        len = sp->len;
    }
    (void)append_attribute(ctxt, el, last, name, value, len, false);
}

/* The element name libxml2 keeps for name: xmlSplitQName drops a prefix
 * ("fb:like" is "like"), unless the name starts or ends with the colon.
 * A suffix of the parser's dictionary string, so it lives as long. */
static const xmlChar *
local_name(const xmlChar *name)
{
    if (name[0] == ':') {
        return name;
    }
    const xmlChar *colon = (const xmlChar *)strchr((const char *)name, ':');
    return colon != NULL && colon[1] != 0 ? colon + 1 : name;
}

/* True if the page's tag name p[0..len) is name (lower case). */
static bool
same_name(const char *p, size_t len, const xmlChar *name)
{
    for (size_t i = 0; i < len; i++) {
        const xmlChar c = (xmlChar)p[i];
        if ((c >= 'A' && c <= 'Z' ? (xmlChar)(c | 0x20) : c) != name[i]) {
            return false;
        }
    }
    return name[len] == 0;
}

/* Where the parser's input is in the packed text. The input holds the
 * packed text, all of it converted at once, so the distance to its end
 * gives the place; its start moves (libxml2 shrinks it, and a <meta>
 * charset resets it). SIZE_MAX if there is no input. */
static size_t
place(const xmlParserCtxt *ctxt)
{
    const builder *b = ctxt->_private;
    const xmlParserInput *in = ctxt->input;
    if (in == NULL || in->cur == NULL || in->end == NULL ||
        (size_t)(in->end - in->cur) > b->pk.text.len) {
        return SIZE_MAX;
    }
    return b->pk.text.len - (size_t)(in->end - in->cur);
}

/* The packed attribute list of the start tag name libxml2 has just read,
 * if it has one: its input is at the tag's '>' or "/>" then (elements it
 * implies come before, with the input after the tag's name, and are
 * named otherwise). */
static const px_html_list *
list_for(xmlParserCtxtPtr ctxt, const xmlChar *name)
{
    builder *b = ctxt->_private;
    if (b->list_at >= b->pk.n_lists) {
        return NULL;
    }
    const size_t at = place(ctxt);
    while (b->list_at < b->pk.n_lists && b->pk.lists[b->list_at].end < at) {
        b->list_at++; /* not read as a start tag (cannot happen) */
    }
    const px_html_list *l = &b->pk.lists[b->list_at];
    if (b->list_at >= b->pk.n_lists || l->end != at ||
        !same_name(b->pk.src + l->name, l->name_len, name)) {
        return NULL;
    }
    b->list_at++;
    return l;
}

static void
start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (name == NULL || ctxt->myDoc == NULL) {
        return;
    }
    xmlNodePtr parent = current(ctxt);
    xmlNodePtr el = new_node(ctxt, XML_ELEMENT_NODE, local_name(name));
    if (el == NULL) {
        return;
    }
    if (ctxt->linenumbers && ctxt->input != NULL) {
        el->line = ctxt->input->line < 65535 ? (unsigned short)ctxt->input->line
                                             : 65535;
    }
    const bool is_root = ctxt->myDoc->children == NULL;
    if (!is_root && parent == NULL) {
        parent = ctxt->myDoc->children;
    }
    ctxt->nodemem = -1;
    const int pushed = nodePush(ctxt, el);
    ctxt->node = NULL;
    if (pushed < 0) {
        return;
    }
    if (is_root) {
        append_child((xmlNodePtr)ctxt->myDoc, el);
    } else if (parent->type == XML_ELEMENT_NODE) {
        append_child(parent, el);
    } else {
        append_sibling(parent, el);
    }
    for (size_t i = 0; atts != NULL && atts[i] != NULL; i += 2) {
        add_attribute(ctxt, el, atts[i], atts[i + 1]);
    }
    const px_html_list *l = list_for(ctxt, name);
    if (l != NULL) {
        add_attribute_list(ctxt, el, l);
    }
}

static void
end_element(void *ctx, const xmlChar *name)
{
    xmlParserCtxtPtr ctxt = ctx;
    (void)name;
    ctxt->nodemem = -1;
    nodePop(ctxt);
    ctxt->node = NULL;
}

/* ---- end tags as HTML5 closes them ------------------------------------ */

static bool
name_in(const xmlChar *name, const char *const *set)
{
    for (size_t i = 0; set[i] != NULL; i++) {
        if (strcmp((const char *)name, set[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* libxml2 2.9's htmlGetEndPriority: a misplaced end tag closes only
 * elements of a priority no higher than its own. */
static int
end_priority(const xmlChar *name)
{
    static const struct {
        const char *name;
        int priority;
    } table[] = {{"div", 150},   {"td", 160},    {"th", 160},    {"tr", 170},
                 {"thead", 180}, {"tbody", 180}, {"tfoot", 180}, {"table", 190},
                 {"head", 200},  {"body", 200},  {"html", 220}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp((const char *)name, table[i].name) == 0) {
            return table[i].priority;
        }
    }
    return 100;
}

/* End tags that HTML5 honours by popping every element above the one they
 * name (when it is in scope): the block elements of its "any other end
 * tag" exceptions, list items and headings. */
static const char *const pop_until[] = {
    "address", "article", "aside",  "blockquote", "center",   "details",
    "dialog",  "dir",     "div",    "dl",         "fieldset", "figcaption",
    "figure",  "footer",  "header", "hgroup",     "listing",  "main",
    "menu",    "nav",     "ol",     "pre",        "section",  "summary",
    "ul",      "li",      "dd",     "dt",         "h1",       "h2",
    "h3",      "h4",      "h5",     "h6",         NULL};

/* Elements that end HTML5's default scope, which an end tag does not look
 * past. */
static const char *const scope_ends[] = {
    "html",   "table",   "td",     "th",       "caption",
    "applet", "marquee", "object", "template", NULL};

void
px_html_close_as_html5(void *data, xmlErrorPtr e)
{
    (void)data;
    xmlParserCtxtPtr ctxt = e != NULL ? e->ctxt : NULL;
    if (ctxt == NULL || e->domain != XML_FROM_HTML ||
        e->code != XML_ERR_TAG_NAME_MISMATCH || e->str1 == NULL ||
        e->str2 == NULL || ctxt->name == NULL ||
        strcmp(e->str2, (const char *)ctxt->name) != 0) {
        return;
    }
    const xmlChar *name = (const xmlChar *)e->str1;
    if (!name_in(name, pop_until)) {
        return;
    }
    const bool is_li = strcmp((const char *)name, "li") == 0;
    const int priority = end_priority(name);
    bool blocked = false;
    int i = ctxt->nameNr - 1;
    for (; i >= 0; i--) {
        const xmlChar *open = ctxt->nameTab[i];
        if (strcmp((const char *)open, (const char *)name) == 0) {
            break;
        }
        if (name_in(open, scope_ends) ||
            (is_li && (strcmp((const char *)open, "ul") == 0 ||
                       strcmp((const char *)open, "ol") == 0))) {
            return;
        }
        blocked = blocked || end_priority(open) > priority;
    }
    if (i < 0 || !blocked) {
        return;
    }
    /* pop as htmlParseEndTag and htmlnamePop do */
    while (ctxt->nameNr - 1 > i) {
        if (ctxt->sax != NULL && ctxt->sax->endElement != NULL) {
            ctxt->sax->endElement(ctxt->userData, ctxt->name);
        }
        ctxt->nameNr--;
        ctxt->nameTab[ctxt->nameNr] = NULL;
        ctxt->name = ctxt->nameTab[ctxt->nameNr - 1];
    }
}

/* Appends len bytes to the content of n, the node last filled. */
static void
grow_text(xmlParserCtxtPtr ctxt, xmlNodePtr n, const xmlChar *ch, size_t len)
{
    builder *b = ctxt->_private;
    if (n != b->open) { /* not ours to grow (cannot happen): start anew */
        b->open = n;
        b->open_len = strlen((const char *)n->content);
        b->open_cap = b->open_len + 1;
    }
    if (b->open_len + len >= b->open_cap) {
        size_t cap = b->open_cap * 2;
        while (cap <= b->open_len + len) {
            cap *= 2;
        }
        xmlChar *p = px_arena_alloc(b->a, cap);
        if (p == NULL) {
            out_of_memory(ctxt);
            return;
        }
        memcpy(p, n->content, b->open_len);
        n->content = p;
        b->open_cap = cap;
    }
    memcpy(n->content + b->open_len, ch, len);
    b->open_len += len;
    n->content[b->open_len] = 0;
}

/* xmlSAX2Text: text (or CDATA) for the current node, joined to its last
 * child when that is text of the same kind. */
static void
add_text(xmlParserCtxtPtr ctxt, const xmlChar *ch, int len, xmlElementType type)
{
    builder *b = ctxt->_private;
    xmlNodePtr parent = current(ctxt);
    if (parent == NULL || len < 0) {
        return;
    }
    xmlNodePtr last = parent->last;
    if (last != NULL && last->type == type &&
        (type != XML_TEXT_NODE || last->name == xmlStringText)) {
        grow_text(ctxt, last, ch, (size_t)len);
        return;
    }
    /* the node and its text in one block: one allocation, not two */
    const size_t cap = (size_t)len + 1 < 64 ? 64 : (size_t)len + 1;
    char *block = px_arena_alloc(b->a, sizeof(xmlNode) + cap);
    if (block == NULL) {
        out_of_memory(ctxt);
        return;
    }
    xmlNodePtr t = (xmlNodePtr)(void *)block;
    *t = (xmlNode){.type = type,
                   .name = type == XML_TEXT_NODE ? xmlStringText : NULL,
                   .doc = ctxt->myDoc};
    xmlChar *content = (xmlChar *)block + sizeof(xmlNode);
    memcpy(content, ch, (size_t)len);
    content[len] = 0;
    t->content = content;
    t->line = type == XML_TEXT_NODE ? line_of(ctxt) : 0;
    append_child(parent, t);
    b->open = t;
    b->open_len = (size_t)len;
    b->open_cap = cap;
}

/* libxml2's allowPCData (HTMLparser.c), sorted as there. */
static const char *const pcdata_names[] = {
    "a",    "abbr",       "acronym",  "address", "applet",  "b",      "bdo",
    "big",  "blockquote", "body",     "button",  "caption", "center", "cite",
    "code", "dd",         "del",      "dfn",     "div",     "dt",     "em",
    "font", "form",       "h1",       "h2",      "h3",      "h4",     "h5",
    "h6",   "i",          "iframe",   "ins",     "kbd",     "label",  "legend",
    "li",   "noframes",   "noscript", "object",  "p",       "pre",    "q",
    "s",    "samp",       "small",    "span",    "strike",  "strong", "td",
    "th",   "tt",         "u",        "var"};

static int
cmp_pcdata(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

static bool
allows_pcdata(const xmlChar *name)
{
    return name != NULL && bsearch(name, pcdata_names,
                                   sizeof pcdata_names / sizeof pcdata_names[0],
                                   sizeof pcdata_names[0], cmp_pcdata) != NULL;
}

/* allows_pcdata, remembered by the address of the name. */
static bool
allows_pcdata_cached(builder *b, const xmlChar *name)
{
    const size_t slot = px_addr_slot(name, PCDATA_SLOTS_LOG2);
    if (name == NULL || b->pcdata_key[slot] != name) {
        b->pcdata[slot] = allows_pcdata(name);
        b->pcdata_key[slot] = name;
    }
    return b->pcdata[slot];
}

static bool
is_blank_byte(xmlChar c)
{
    return c == 0x20 || c == 0x9 || c == 0xA || c == 0xD;
}

/* The last byte before p (> base) that libxml2 keeps in text: control
 * characters other than blanks and U+FFFE/U+FFFF it drops with an error,
 * so they do not stand between a blank and the '<' after it. base is the
 * start of the whole text: the parser's own buffer may start inside a run
 * of dropped characters (libxml2 shrinks it as it reads). */
static xmlChar
kept_before(const xmlChar *base, const xmlChar *p)
{
    const xmlChar *q = p - 1;
    for (;;) {
        if (q > base && *q < 0x20 && !is_blank_byte(*q)) {
            q--;
        } else if (q - 2 > base && q[-2] == 0xEF && q[-1] == 0xBF &&
                   *q >= 0xBE) {
            q -= 3;
        } else {
            return *q;
        }
    }
}

/* The part of libxml2 2.9's areBlanks after its "ctxt->node == NULL"
 * test, which it skips now that ctxt->node is NULL: true if the text
 * ch[0..len) would have been dropped as ignorable white space. Only text
 * from character data reaches that part (all blank, the next byte '<',
 * and the byte kept before it blank, which text from a character
 * reference never has); the tests before it did not change. */
static bool
blank_ignored(xmlParserCtxtPtr ctxt, const xmlChar *ch, int len)
{
    const builder *b = ctxt->_private;
    const xmlChar *text = (const xmlChar *)b->pk.text.ptr;
    const size_t at = place(ctxt);
    if (at == SIZE_MAX || at == 0 || at >= b->pk.text.len || text[at] != '<' ||
        !is_blank_byte(kept_before(text, text + at))) {
        return false;
    }
    for (int i = 0; i < len; i++) {
        if (!is_blank_byte(ch[i])) {
            return false;
        }
    }
    const xmlNode *node = current(ctxt);
    if (node == NULL) {
        return false;
    }
    const xmlNode *last = node->last;
    while (last != NULL && last->type == XML_COMMENT_NODE) {
        last = last->prev;
    }
    if (last == NULL) {
        if (node->type != XML_ELEMENT_NODE && node->content != NULL) {
            return false;
        }
        return !allows_pcdata_cached(ctxt->_private, ctxt->name);
    }
    if (last->type == XML_TEXT_NODE) {
        return false;
    }
    return !allows_pcdata_cached(ctxt->_private, last->name);
}

/* add_text for what the parser read, with each marker replaced by the
 * page's bytes (the newlines after it were the stretch's own). */
static void
deliver(xmlParserCtxtPtr ctxt, const xmlChar *ch, int len, xmlElementType type)
{
    builder *b = ctxt->_private;
    if (b->pk.n_spans == 0) {
        add_text(ctxt, ch, len, type);
        return;
    }
    const size_t n = len > 0 ? (size_t)len : 0;
    size_t from = 0;
    for (size_t i = 0; i < n;) {
        size_t mlen = 0;
        const px_html_span *sp =
            ch[i] >= 0xF3 ? px_html_marker(&b->pk, ch + i, n - i, &mlen) : NULL;
        if (sp == NULL) {
            i++;
            continue;
        }
        if (i > from) {
            add_text(ctxt, ch + from, (int)(i - from), type);
        }
        add_text(ctxt, (const xmlChar *)b->pk.src + sp->off, (int)sp->len,
                 type);
        i += mlen;
        from = i;
    }
    if (n > from) {
        add_text(ctxt, ch + from, (int)(n - from), type);
    }
}

/* The next shortened run of blanks, if ch is one: it starts with the
 * carriage return that marks them, has the short run's length and ends
 * where the short run ends (the parser's input is right after it). Every
 * shortened run reaches characters or ignorable_blanks once, whole, in
 * page order. */
static const px_html_blank *
short_blank(xmlParserCtxtPtr ctxt, const xmlChar *ch, int len)
{
    builder *b = ctxt->_private;
    if (len <= 0 || ch[0] != '\r' || b->blank_at >= b->pk.n_blanks) {
        return NULL;
    }
    const px_html_blank *bl = &b->pk.blanks[b->blank_at];
    if ((size_t)len != bl->packed_len || place(ctxt) != bl->end) {
        return NULL;
    }
    b->blank_at++;
    return bl;
}

static void
ignorable_blanks(void *ctx, const xmlChar *ch, int len)
{
    (void)short_blank(ctx, ch, len);
}

static void
characters(void *ctx, const xmlChar *ch, int len)
{
    if (len > 0 && is_blank_byte(ch[0])) {
        const builder *b = ((xmlParserCtxtPtr)ctx)->_private;
        const px_html_blank *bl = short_blank(ctx, ch, len);
        if (blank_ignored(ctx, ch, len)) {
            return; /* ignorableWhitespace: dropped (HTML_PARSE_NOBLANKS) */
        }
        if (bl != NULL) {
            add_text(ctx, (const xmlChar *)b->pk.src + bl->off, (int)bl->len,
                     XML_TEXT_NODE);
            return;
        }
    }
    deliver(ctx, ch, len, XML_TEXT_NODE);
}

static void
cdata_block(void *ctx, const xmlChar *ch, int len)
{
    deliver(ctx, ch, len, XML_CDATA_SECTION_NODE);
}

static void
comment(void *ctx, const xmlChar *value)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (ctxt->inSubset != 0 || ctxt->myDoc == NULL) {
        return; /* no DTD subsets in HTML */
    }
    xmlNodePtr n = new_node(ctxt, XML_COMMENT_NODE, xmlStringComment);
    if (n != NULL && value != NULL) {
        n->content = copy_str(ctxt, value, strlen((const char *)value));
    }
    if (n != NULL) {
        n->line = line_of(ctxt);
        link_leaf(ctxt, n);
    }
}

static void
processing_instruction(void *ctx, const xmlChar *target, const xmlChar *data)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (ctxt->inSubset != 0 || ctxt->myDoc == NULL || target == NULL) {
        return;
    }
    xmlNodePtr n = new_node(ctxt, XML_PI_NODE, NULL);
    if (n == NULL) {
        return;
    }
    n->name = copy_str(ctxt, target, strlen((const char *)target));
    n->line = line_of(ctxt);
    if (data != NULL) {
        n->content = copy_str(ctxt, data, strlen((const char *)data));
    }
    link_leaf(ctxt, n);
}

htmlDocPtr
px_html_parse(px_arena *a, px_str html, const char *url)
{
    builder b = {0};
    b.a = a;
    if (!px_html_pack(a, html, &b.pk)) {
        return NULL;
    }
    htmlParserCtxtPtr ctxt =
        htmlCreateMemoryParserCtxt(b.pk.text.ptr, (int)b.pk.text.len);
    if (ctxt == NULL) {
        return NULL;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS);
    ctxt->dictNames = 1;
    ctxt->loadsubset |= XML_SKIP_IDS;
    ctxt->_private = &b;
    ctxt->sax->startElement = start_element;
    ctxt->sax->endElement = end_element;
    ctxt->sax->characters = characters;
    ctxt->sax->cdataBlock = cdata_block;
    ctxt->sax->ignorableWhitespace = ignorable_blanks;
    ctxt->sax->comment = comment;
    ctxt->sax->processingInstruction = processing_instruction;
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) {
        xmlSwitchToEncoding(ctxt, utf8);
    }
    if (url != NULL && ctxt->input != NULL && ctxt->input->filename == NULL) {
        ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)url);
    }
    /* the thread's structured error handler, for the parse only */
    const xmlStructuredErrorFunc saved = xmlStructuredError;
    void *saved_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, px_html_close_as_html5);
    htmlParseDocument(ctxt);
    xmlSetStructuredErrorFunc(saved_ctx, saved);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (doc != NULL && doc->dict == NULL && ctxt->dict != NULL) {
        /* names point into the dictionary: the document keeps it */
        doc->dict = ctxt->dict;
        xmlDictReference(doc->dict);
    }
    htmlFreeParserCtxt(ctxt);
    if (doc != NULL && px_arena_failed(a)) {
        px_html_free(doc);
        return NULL;
    }
    return doc;
}

void
px_html_free(htmlDocPtr doc)
{
    if (doc == NULL) {
        return;
    }
    xmlDtdPtr dtd = doc->intSubset;
    if (dtd != NULL) {
        xmlUnlinkNode((xmlNodePtr)dtd); /* also clears doc->intSubset */
        xmlFreeDtd(dtd);
    }
    doc->children = NULL; /* arena nodes: not libxml2's to free */
    doc->last = NULL;
    xmlFreeDoc(doc);
}
