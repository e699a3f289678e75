/* fuzz_htmltree.c - libFuzzer target: arbitrary bytes, made into what
 * extract hands the parser (UTF-8 without NUL bytes, as charset.c gives
 * it: NULs dropped, each ill-formed sequence replaced by U+FFFD), parsed
 * by px_html_parse and by libxml2's own tree builder with the same
 * options and px_html_close_as_html5; aborts unless both trees are the same,
 * node for node (type, name, content, line, attributes, links). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "htmltree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
same_str(const xmlChar *a, const xmlChar *b)
{
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp((const char *)a, (const char *)b) == 0;
}

static bool
same_attrs(xmlAttrPtr a, xmlAttrPtr b, xmlNodePtr pa, xmlNodePtr pb)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (!same_str(a->name, b->name) || a->parent != pa || b->parent != pb ||
            (a->children == NULL) != (b->children == NULL)) {
            return false;
        }
        if (a->children != NULL &&
            (!same_str(a->children->content, b->children->content) ||
             a->children->type != b->children->type)) {
            return false;
        }
    }
    return a == NULL && b == NULL;
}

static bool
same_tree(xmlNodePtr x, xmlNodePtr y, xmlNodePtr px, xmlNodePtr py)
{
    for (; x != NULL && y != NULL; x = x->next, y = y->next) {
        if (x->type != y->type || x->parent != px || y->parent != py) {
            return false;
        }
        if (x->type == XML_DTD_NODE) {
            continue;
        }
        if (!same_str(x->name, y->name) || x->line != y->line ||
            (x->next == NULL) != (px->last == x) ||
            (y->next == NULL) != (py->last == y)) {
            return false;
        }
        if (x->type == XML_ELEMENT_NODE
                ? !same_attrs(x->properties, y->properties, x, y)
                : !same_str(x->content, y->content)) {
            return false;
        }
        if (!same_tree(x->children, y->children, x, y)) {
            return false;
        }
    }
    return x == NULL && y == NULL;
}

/* libxml2's builder, set up as px_html_parse sets up the parser (its
 * HTML5 end-tag repair included). */
static htmlDocPtr
libxml2_tree(const char *html, int len)
{
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, len);
    if (ctxt == NULL) {
        return NULL;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS);
    ctxt->dictNames = 1;
    ctxt->loadsubset |= XML_SKIP_IDS;
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) {
        xmlSwitchToEncoding(ctxt, utf8);
    }
    /* with the HTML5 end-tag repair px_html_parse makes */
    xmlSetStructuredErrorFunc(NULL, px_html_close_as_html5);
    htmlParseDocument(ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* True if text holds '&' followed by more than 100 bytes of name
 * characters (ASCII letters, digits, '.', '-', '_', ':' or any non-ASCII
 * byte). libxml2 2.9 reads such a reference name in htmlParseNameComplex,
 * which restarts from where it is when its input buffer grows mid-name and
 * so drops the part already read: where that happens depends on buffer
 * positions, which our packed text moves. Both trees then come from the
 * same tokenizer on different buffer layouts, not from our builder. */
static bool
has_long_reference(const char *text, size_t n)
{
    for (const char *p = memchr(text, '&', n); p != NULL;
         p = memchr(p + 1, '&', n - (size_t)(p + 1 - text))) {
        size_t k = 0;
        for (const char *q = p + 1; q < text + n; q++, k++) {
            const unsigned char c = (unsigned char)*q;
            const bool name = c >= 0x80 || (c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                              c == '_' || c == ':';
            if (!name) {
                break;
            }
        }
        if (k > 100) {
            return true;
        }
    }
    return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20) {
        return 0;
    }
    /* px_html_parse takes UTF-8 without NUL bytes (htmltree.h); an
     * ill-formed byte becomes at most three */
    char *html = malloc(size * 3 + 1);
    if (html == NULL) {
        return 0;
    }
    size_t n = 0;
    for (int32_t i = 0; (size_t)i < size;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(data, i, (int32_t)size, c);
        if (c < 0) {
            c = 0xFFFD;
        } else if (c == 0) {
            continue;
        } else {
            memcpy(html + n, data + start, (size_t)(i - start));
            n += (size_t)(i - start);
            continue;
        }
        U8_APPEND_UNSAFE(html, n, c);
    }
    size = n;
    if (has_long_reference(html, size)) {
        free(html);
        return 0;
    }
    htmlDocPtr want = libxml2_tree(html, (int)size);
    px_arena *a = px_arena_new();
    htmlDocPtr got = px_html_parse(a, (px_str){html, size}, NULL);
    const bool same = (want == NULL && got == NULL) ||
                      (want != NULL && got != NULL &&
                       same_tree(want->children, got->children,
                                 (xmlNodePtr)want, (xmlNodePtr)got));
    xmlFreeDoc(want);
    px_html_free(got);
    px_arena_free(a);
    free(html);
    if (!same) {
        abort();
    }
    return 0;
}
