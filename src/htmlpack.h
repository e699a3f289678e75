/* htmlpack.h - shrinking a page before libxml2 tokenizes it, and growing it
 * back in the SAX callbacks (htmltree.c).
 *
 * libxml2 2.9's HTML parser spends about a hundred instructions on each
 * character of text and of attribute values (htmlCurrentChar, xmlNextChar,
 * buffer copies). px_html_pack replaces long stretches of text, quoted
 * attribute values and script bodies by a marker: one code point of the
 * Supplementary Private Use Area-A/B (U+F0000 + index, four bytes)
 * followed by as many newlines as the stretch held, so libxml2 counts the
 * same lines. The callbacks put the stretch back wherever a marker shows
 * up (px_html_unpack), so the tree is the one the page itself gives.
 *
 * A stretch is replaced only where the tokenizer treats every byte of it as
 * content and the marker alike: the scanner follows libxml2 2.9's HTML
 * tokenizer (start tags and their attributes, end tags, comments, character
 * references, processing instructions, script and style bodies, bogus
 * attributes, which htmlParseStartTag skips up to a blank, '<' read as
 * text, "<![endif]-->" too) and stops replacing for the rest of the page
 * at anything it does not model exactly (a DOCTYPE after the first start
 * tag, "</" without a letter, control characters in tags, unterminated
 * quotes). Text keeps what libxml2 decides
 * on it: a stretch holds a non-blank character, its trailing blanks stay in
 * the page, and long runs that libxml2 cuts into 1000-byte chunks are
 * packed past their first chunk (so libxml2 creates the text node, and any
 * implied <p>, on the same line) and only if no chunk would be dropped as
 * blank. Nothing is replaced before the first
 * start tag (libxml2 skips blanks there), in <html>, <head> or <body>
 * attributes, in the <meta> values libxml2's htmlCheckMeta reads
 * (http-equiv, charset, and content beside an http-equiv), in values with
 * character references, or in stretches with control characters or
 * U+FFFE/U+FFFF (libxml2 drops those). The attributes of other start tags
 * (not <html>, <head>, <body>, nor a <meta> with http-equiv or charset),
 * from the end of the name to the '>' or "/>", are cut out but for their
 * newlines (a px_html_list), unless a value holds a character reference
 * that is not plain: the start element callback, which libxml2 calls for
 * the tag with its input at the '>' or "/>", reads them from the page
 * (px_html_attr_next, px_html_attr_value). That spares libxml2 a name, a
 * value buffer and a duplicate check per attribute. Runs of blanks between
 * tags that libxml2 reads whole are shortened to a carriage return and
 * their newlines; each reaches the characters or ignorableWhitespace
 * callback once, whole, in page order and with the parser's input right
 * after it, which is how the callbacks know it (carriage returns of the
 * page itself never reach them that way). Pages that are
 * not strict UTF-8, hold a NUL byte or already use the marker code points are
 * not packed.
 */
#ifndef PX_HTMLPACK_H
#define PX_HTMLPACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "str.h"

/* One replaced stretch of the page. */
typedef struct px_html_span {
    uint32_t off; /* where it starts in the page */
    uint32_t len; /* its length (bytes) */
    uint32_t nl;  /* its newlines, written after the marker */
} px_html_span;

/* A run of blanks between tags, shortened to a carriage return and its
 * newlines: libxml2 decides on it as on the whole run. */
typedef struct px_html_blank {
    uint32_t end; /* where the short run ends in the packed text */
    uint32_t off; /* where the run starts in the page */
    uint32_t len; /* its length in the page */
    uint32_t packed_len;
} px_html_blank;

/* The attribute list of a start tag, cut out of the text but for its
 * newlines. */
typedef struct px_html_list {
    uint32_t end;      /* where the tag's '>' or "/>" is in the packed text */
    uint32_t name;     /* where the tag's name starts in the page ... */
    uint32_t name_len; /* ... and its length */
    uint32_t off;      /* where the list starts in the page ... */
    uint32_t len;      /* ... and its length */
} px_html_list;

typedef struct px_html_packed {
    px_str text;               /* what libxml2 parses (arena, or the page) */
    const char *src;           /* the page itself */
    const px_html_span *spans; /* arena; spans[i] is marker i */
    size_t n_spans;
    const px_html_blank *blanks; /* arena, in page order */
    size_t n_blanks;
    const px_html_list *lists; /* arena, in page order */
    size_t n_lists;
} px_html_packed;

/* Packs html into the arena a. When nothing is replaced (or the page may
 * not be packed) out->text is html and out->n_spans is 0. Returns false
 * only when the arena ran out of memory. */
bool px_html_pack(px_arena *a, px_str html, px_html_packed *out);

/* If s[0..len) starts with a marker of pk, returns its span and sets *mlen
 * to the bytes of the marker and its newlines; else NULL. */
const px_html_span *px_html_marker(const px_html_packed *pk,
                                   const unsigned char *s, size_t len,
                                   size_t *mlen);

/* One attribute of a packed attribute list, as htmlParseAttribute reads it
 * (the name as written: libxml2 lower-cases it). */
typedef struct px_html_attr {
    const char *name;
    size_t name_len;
    const char *value; /* NULL if the attribute has none */
    size_t value_len;
} px_html_attr;

/* Reads the attribute at or after *i of the attribute list s[0..len) (a
 * px_html_list's), skipping blanks and the bogus attributes
 * htmlParseStartTag skips; false when there are no more. Every attribute
 * is returned, repeated names too (libxml2 keeps the first). */
bool px_html_attr_next(const char *s, size_t len, size_t *i, px_html_attr *at);

/* Writes the value v[0..len) of an attribute of a packed list to out (room
 * for len bytes: a reference is never shorter than its character) with
 * its character references replaced as htmlParseHTMLAttribute replaces
 * them; entity(name) is the code point of the named entity (NUL-terminated
 * name), or 0 if there is none of that name. Returns the length written. */
size_t px_html_attr_value(const char *v, size_t len, char *out,
                          uint32_t (*entity)(const char *name));

#endif /* PX_HTMLPACK_H */
