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
 * UTF-8; bad bytes are tolerated). Body lines become PX_PARA_TEXT, short
 * lines inside the article (subheadings) PX_PARA_HEADING; chrome inside it
 * is dropped. Title, date and author come from the lines just around the
 * article start (a date and byline signed right under it are taken when
 * there is none above); site from a copyright line below it; a date that
 * is the page's first line goes to a->fetched, not a->published. Each field
 * found adds a "field:text:how" signal. Metadata the caller set before
 * (title, published, author, site, fetched: from a JSON Lines record, say)
 * is kept; text and paras are replaced. Hard-wrapped text (a terminal
 * browser's dump) is unwrapped first. PX_EEMPTY when no article text was
 * found, PX_ENOMEM on allocation failure. */
px_status px_textdump_extract(px_str text, px_article *a, px_error *err);

/* True if the bytes look like a text dump: no markup tag in the first KB,
 * not JSON, not WARC, not gzip, at most 1% control bytes. */
bool px_textdump_sniff(const unsigned char *p, size_t n);

#endif /* PX_TEXTDUMP_H */
