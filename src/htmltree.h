/* htmltree.h - parsing HTML into a libxml2 tree whose nodes live in an
 * arena.
 *
 * libxml2's own tree builder (SAX2) mallocs every element, attribute and
 * text node, copies every name, and frees it all node by node: on news
 * pages that was about a seventh of extraction time. px_html_parse runs
 * libxml2's HTML parser as it is (htmlParseDocument: the same tokenizer,
 * the same implied and auto-closed elements, the same dropped blanks) with
 * SAX callbacks that build the same tree - node types, names, contents,
 * attributes, order and links as xmlSAX2StartElement, xmlSAX2Characters,
 * xmlSAX2CDataBlock, xmlSAX2Comment, xmlSAX2ProcessingInstruction and
 * xmlSAX2EndElement build - out of an arena. Only the document node and
 * its DTD are libxml2's own.
 *
 * One difference from libxml2 2.9, on purpose: an end tag that HTML5
 * honours by closing everything above the element it names (</li>,
 * </nav>, </ul>, </section>, </h2>... with that element in scope) closes
 * it here too, where libxml2 would ignore it because a <div> (or another
 * element of a higher end priority) the page left open lies in between.
 * Browsers build it so, and libxml2's tree put whole articles inside a
 * menu's list item on such pages. px_html_close_as_html5 does it, from
 * libxml2's structured error callback, while px_html_parse runs.
 *
 * The tree is for reading: never hand its nodes to libxml2 functions that
 * edit or free nodes (xmlUnlinkNode, xmlAddChild, xmlNodeSetContent,
 * xmlFreeNode...). Reading ones (xmlGetProp, xmlNodeGetContent,
 * xmlDocGetRootElement...) are fine.
 */
#ifndef PX_HTMLTREE_H
#define PX_HTMLTREE_H

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "str.h"

/* Parses html (UTF-8 without NUL bytes, as charset.c gives it: libxml2
 * reads a NUL in ways the tree builder does not model; any declared
 * charset is ignored) as htmlReadMemory
 * with HTML_PARSE_RECOVER | NOERROR | NOWARNING | NONET | COMPACT |
 * NOBLANKS would, element names interned in the parser's dictionary and no
 * ID table. url (or NULL) becomes the document's URL. Nodes live in a
 * (borrowed: it must outlive the tree). Returns NULL if the parser could
 * not start or ran out of memory. html.len must be <= INT_MAX. */
htmlDocPtr px_html_parse(px_arena *a, px_str html, const char *url);

/* libxml2 structured error handler (xmlStructuredErrorFunc; data is
 * unused, the parser context comes from e->ctxt): on the "Opening and
 * ending tag mismatch" htmlParseEndTag reports when its autoclose gave up,
 * pops the elements above the one the end tag names through the SAX
 * endElement callback, as HTML5 would, so that libxml2 then closes that
 * one. Other errors are left alone. px_html_parse installs it for the
 * thread during the parse; tests install it around htmlReadMemory to get
 * the same tree from libxml2's own builder. */
void px_html_close_as_html5(void *data, xmlErrorPtr e);

/* Frees what libxml2 allocated for doc (the document node, its DTD, the
 * dictionary reference); the nodes go with the arena, afterwards. NULL is
 * a no-op. */
void px_html_free(htmlDocPtr doc);

#endif /* PX_HTMLTREE_H */
