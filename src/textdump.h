/* textdump.h - articles from plain-text page dumps (text copied out of a
 * browser, still carrying menus, share counters, related lists, comment
 * counters, bylines, crawl dates).
 *
 * Lines are classified with the signals that survive without markup: line
 * length in characters (not bytes, not spaces), sentence punctuation of any
 * script, runs of short lines (menus), repetition, timestamps, counters, and
 * cue words in many languages (share, comments, related, read more...). The
 * article is the best-scoring contiguous run of body lines; the title is the
 * headline-like line before it; the date is the dated line nearest the
 * title, never the crawl date at the top of the page nor one inside a
 * related list.
 */
#ifndef PX_TEXTDUMP_H
#define PX_TEXTDUMP_H

#include "article.h"
#include "parallax.h"
#include "str.h"

/* Fills text, paras, title, published, author, site of a from text (NFC
 * UTF-8). PX_EEMPTY when no article text was found. */
px_status px_textdump_extract(px_str text, px_article *a, px_error *err);

/* True if the bytes look like a text dump rather than HTML (no markup). */
bool px_textdump_sniff(const unsigned char *p, size_t n);

#endif /* PX_TEXTDUMP_H */
