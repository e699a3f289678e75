/* content_int.h - internals shared by the main-text extractor's files
 * (content.c: statistics and container choice, content_cues.c: tag and
 * class/id cue words and boilerplate lines, content_emit.c: paragraphs).
 *
 * One bottom-up pass fills a px_cnode per element, in document (pre-)order,
 * so descendants of node i have indices i+1 .. i+n_desc. While the
 * extractor runs, each indexed element's _private holds its index + 1; the
 * original value is kept in the px_cnode and restored at the end.
 * Text lengths are weighted code-point counts: a Han, kana or Hangul
 * character counts as PX_CJK_WEIGHT letters, white space counts nothing.
 */
#ifndef PX_CONTENT_INT_H
#define PX_CONTENT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "article.h"
#include "str.h"

#define PX_CJK_WEIGHT 3

typedef enum {
    PX_CT_BLOCK = 0, /* any other element: a block */
    PX_CT_INLINE,    /* a, span, b, em ... */
    PX_CT_SKIP,      /* script, style, svg ... never text */
    PX_CT_A,
    PX_CT_BR,
    PX_CT_P,
    PX_CT_DIV, /* div, section */
    PX_CT_ARTICLE,
    PX_CT_MAIN,
    PX_CT_BODY,
    PX_CT_H1,
    PX_CT_HEADING, /* h2..h6 */
    PX_CT_LIST,    /* ul, ol, dl */
    PX_CT_LI,      /* li, dd, dt */
    PX_CT_TABLE,
    PX_CT_TR,
    PX_CT_CELL, /* td, th */
    PX_CT_QUOTE,
    PX_CT_PRE,
    PX_CT_NAV,    /* nav, aside, footer, menu, button: page chrome */
    PX_CT_HEADER, /* header: chrome, except an article's own header */
    PX_CT_FORM,   /* form */
    PX_CT_FIGURE, /* figure, figcaption */
    PX_CT_IMG
} px_ctag;

enum {
    PX_CF_BOILER = 1u << 0,   /* chrome: dropped with its subtree */
    PX_CF_INBOIL = 1u << 1,   /* inside a PX_CF_BOILER element */
    PX_CF_POS = 1u << 2,      /* class/id say "content" */
    PX_CF_NEG = 1u << 3,      /* class/id say "chrome" (weak) */
    PX_CF_STRONG = 1u << 4,   /* class/id say comments, share, related... */
    PX_CF_BODYPROP = 1u << 5, /* itemprop=articleBody or role=main/article */
    PX_CF_HIDDEN = 1u << 6,   /* hidden, display:none, aria-hidden */
    PX_CF_SIBLING = 1u << 7   /* a sibling of the container, kept with it */
};

typedef struct px_cnode {
    xmlNodePtr node;
    void *saved; /* the node's original _private */
    uint32_t parent;
    uint32_t end;      /* one past the last descendant's index */
    uint32_t w;        /* weighted text length of the subtree */
    uint32_t link_w;   /* ... of it inside links */
    uint32_t punct;    /* punctuation marks in the subtree */
    uint32_t own_w;    /* inline text of this block (or inline element) */
    uint32_t own_link; /* ... inside links */
    uint32_t own_punct;
    uint32_t own_sym;   /* code-like symbols ({}[]<>=|...) in own text */
    float good;         /* prose text in the subtree, chrome excluded */
    float own_good;     /* prose text of this block's own inline text */
    uint32_t boil_w;    /* text of chrome subtrees inside this one */
    uint32_t boil_link; /* ... of it inside links */
    uint32_t n_teaser;  /* teaser blocks (link plus summary) inside */
    uint8_t tag;        /* px_ctag */
    uint8_t flags;      /* PX_CF_* */
} px_cnode;

/* Remembers the cue flags of recent class/id values (lists repeat them),
 * of recent class names (values that differ share names: "btn btn-a",
 * "btn btn-b"), the px_ctag of recent element names (the parser's
 * dictionary strings,
 * so one pointer per name in a document), and where the cue words of each
 * first byte start and end in the word list (filled on first use; all
 * zero before). */
#define PX_CCACHE_SLOTS    256
#define PX_CTAG_SLOTS_LOG2 6
#define PX_CTAG_SLOTS      (1 << PX_CTAG_SLOTS_LOG2)
#define PX_CNAME_BITS      9
typedef struct px_ccache {
    const xmlChar *tag_key[PX_CTAG_SLOTS]; /* borrowed from the tree */
    uint8_t tag[PX_CTAG_SLOTS];
    const xmlChar *attr_key[PX_CTAG_SLOTS]; /* attribute names, likewise */
    uint8_t attr[PX_CTAG_SLOTS];
    const xmlChar *key[PX_CCACHE_SLOTS]; /* borrowed from the tree */
    uint8_t flags[PX_CCACHE_SLOTS];
    /* class names: their bytes (borrowed from the tree), length, flags */
    const xmlChar *name_key[1u << PX_CNAME_BITS];
    uint8_t name_len[1u << PX_CNAME_BITS];
    uint8_t name_flags[1u << PX_CNAME_BITS];
    bool has_index;
    uint8_t first[256]; /* cue words [first[b], end[b]) start with b */
    uint8_t end[256];
    uint64_t pair[256][4]; /* bit b1 of pair[b0]: a cue word starts b0 b1 */
} px_ccache;

typedef struct px_cdoc {
    px_cnode *nodes;
    size_t n;
    size_t cap;
    px_str title; /* <title> text, borrowed from the tree */
    px_str og_title;
    px_ccache cues;
} px_cdoc;

/* The px_cnode of an indexed element, or NULL. */
static inline px_cnode *
px_cdoc_get(const px_cdoc *d, xmlNodePtr n)
{
    const uintptr_t v = (uintptr_t)n->_private;
    if (n->type != XML_ELEMENT_NODE || v == 0 || v > d->n) {
        return NULL;
    }
    px_cnode *c = &d->nodes[v - 1];
    return c->node == n ? c : NULL;
}

/* Tag class of an element name (lower case, as libxml2's HTML parser
 * gives it). */
px_ctag px_content_tag(const xmlChar *name);
/* px_content_tag, remembered by the name's address (cache: one document's). */
px_ctag px_content_tag_cached(px_ccache *cache, const xmlChar *name);

/* Cue flags (PX_CF_POS/NEG/STRONG/BODYPROP) from an element's class, id,
 * role and itemprop attributes; sets *hidden for display:none, hidden and
 * aria-hidden elements. cache starts zeroed and lives as long as the
 * tree. */
unsigned px_content_cues(xmlNodePtr el, px_ccache *cache, bool *hidden);

/* True if a short paragraph is a boilerplate line ("Read more", "Share",
 * "Related:", "اقرأ أيضا", "相关阅读", "责任编辑：" ...). */
bool px_content_boiler_line(px_str text);

/* True if a short line or heading opens the chrome that follows an
 * article ("Related stories", "Kommentare", "أخبار ذات صلة", "相关新闻"). */
bool px_content_end_marker(px_str text);

/* Weighted length, link-free, and punctuation of a UTF-8 text run. */
typedef struct px_ctext {
    uint32_t w;
    uint32_t punct;
    uint32_t sym; /* {}[]<>=|\\_$@#~^` : code and markup, not prose */
} px_ctext;
px_ctext px_content_measure(const char *s, size_t len);

/* True for non-ASCII white space (no-break, ideographic, zero-width...). */
bool px_content_is_space(int32_t c);

/* Writes the paragraphs of container (its subtree minus chrome) and of
 * its siblings marked PX_CF_SIBLING, in document order, into a. */
px_status px_content_emit(const px_cdoc *d, xmlNodePtr container, px_article *a,
                          px_error *err);

#endif /* PX_CONTENT_INT_H */
