/* meta.h - article metadata from a parsed HTML page: title, publication
 * date and time, site name, author, canonical URL, declared language.
 *
 * Dates: the structured publication dates (JSON-LD datePublished of the
 * article, then meta tags: article:published_time, og:, DC, parsely,
 * sailthru...; the most trusted one the page shows) are checked against
 * the dates the page shows (its text and <time> elements outside asides,
 * menus, comments and related lists; near the headline only hard chrome
 * such as comments, related lists and clocks hides a byline). Dates in
 * running text, ends of ranges ("3. - 6. August") and a data table's date
 * column are no publication dates; a day shown once with an "Updated"
 * label is an update everywhere; an ambiguous numeric date is matched in
 * both readings. A structured date the page also shows wins; one day off
 * (time zones) takes the shown day; then a date labelled as the original
 * publication; a structured or shown date the URL agrees with; the date
 * shown with the headline; the unshown structured date; a dated element
 * further away; a shown update; with no headline placed, the one day the
 * page shows; a date in the <title>; the URL path; then, after content
 * extraction, text near the title (px_meta_date_from_text). Never the
 * crawl date, never a date from a related-items list; no date rather than
 * an invented one. Authors that are generic labels ("Admin", "Editor",
 * "Staff", and their Arabic and Chinese counterparts) are dropped; a
 * shown byline loses a place after the name ("in Washington", ", São
 * Paulo") and a desk before it ("科学部・"). Each choice is recorded as a
 * signal ("date:seen:headline").
 */
#ifndef PX_META_H
#define PX_META_H

#include <libxml/HTMLparser.h>

#include "article.h"
#include "parallax.h"

/* Fills title, published, site, author, canonical, lang of a from doc and
 * url (may be NULL), adding signals for each. Fields already set (from
 * container hints) are kept. */
px_status px_meta_extract(htmlDocPtr doc, const char *url, px_article *a,
                          px_error *err);

/* Looks for a publication date in the article's first paragraphs and the
 * text just around its title when no structured source gave one. Call after
 * px_content_extract. */
void px_meta_date_from_text(px_article *a);

#endif /* PX_META_H */
