/* content.h - choosing the article's main text in a parsed HTML page.
 *
 * Scores blocks of the libxml2 tree (text and link density, tag and class/id
 * hints, position, neighbours), picks the article container and keeps its
 * paragraphs and in-article headings, dropping navigation, share and comment
 * widgets, related/recommended lists, caption-only blocks, cookie and
 * subscription banners. Works for Latin, Arabic and CJK text alike (density
 * counts characters, not spaces). The tree is not modified.
 */
#ifndef PX_CONTENT_H
#define PX_CONTENT_H

#include <libxml/HTMLparser.h>

#include "article.h"
#include "parallax.h"

/* Fills a->text and a->paras (px_article_set_paras) and adds signals
 * ("text:..."). PX_EEMPTY when no main text was found. */
px_status px_content_extract(htmlDocPtr doc, px_article *a, px_error *err);

#endif /* PX_CONTENT_H */
