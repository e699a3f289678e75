/* extract.c - px_extract: one raw record to one article.
 *
 * Decodes the bytes to NFC UTF-8 (charset.c), then either parses HTML with
 * libxml2 once (into an arena: htmltree.c) and runs metadata (meta.c) and
 * main-text (content.c) extraction over the same tree, or hands text dumps to
 * textdump.c. Hints a container gave (JSON Lines title, date, site, author)
 * win over what the page says, since a crawler saw more than the page; a date
 * hint that cannot be parsed is ignored rather than guessed.
 */
#include <limits.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "charset.h"
#include "content.h"
#include "error.h"
#include "htmltree.h"
#include "log.h"
#include "meta.h"
#include "prune.h"
#include "pubdate.h"
#include "record.h"
#include "textdump.h"

static void
apply_hints(const px_record *rec, px_article *a)
{
    a->source = px_arena_strndup(a->arena, rec->source, strlen(rec->source));
    if (rec->url != NULL) {
        px_article_set(a, &a->url, px_str_c(rec->url));
    }
    if (rec->fetched != NULL) {
        px_article_set(a, &a->fetched, px_str_c(rec->fetched));
    }
    if (rec->title != NULL) {
        px_article_set(a, &a->title, px_str_c(rec->title));
        px_article_signal(a, "title", "container");
    }
    if (rec->site != NULL) {
        px_article_set(a, &a->site, px_str_c(rec->site));
        px_article_signal(a, "site", "container");
    }
    if (rec->author != NULL) {
        px_article_set(a, &a->author, px_str_c(rec->author));
        px_article_signal(a, "author", "container");
    }
    px_date d;
    if (rec->date != NULL && px_pubdate_parse(px_str_c(rec->date), &d)) {
        a->published = d;
        px_article_signal(a, "date", "container");
    }
}

static px_status
extract_html(px_str html, px_article *a, px_error *err)
{
    px_status rc = px_html_prune(a->arena, html, &html, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (html.len > INT_MAX) {
        return px_fail(err, PX_EINVAL, "page too large");
    }
    px_arena *nodes = px_arena_new();
    htmlDocPtr doc = nodes != NULL ? px_html_parse(nodes, html, a->url) : NULL;
    if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
        const bool oom = nodes == NULL || px_arena_failed(nodes);
        px_html_free(doc);
        px_arena_free(nodes);
        return oom ? px_fail(err, PX_ENOMEM, "out of memory")
                   : px_fail(err, PX_EEMPTY, "no HTML document");
    }
    rc = px_meta_extract(doc, a->url, a, err);
    if (rc == PX_OK) {
        rc = px_content_extract(doc, a, err);
    }
    px_html_free(doc);
    px_arena_free(nodes);
    if (rc == PX_OK && a->published.prec == PX_PREC_NONE) {
        px_meta_date_from_text(a);
    }
    return rc;
}

static px_status
extract_record(const px_record *rec, px_article *a, px_error *err)
{
    apply_hints(rec, a);
    const bool is_html = rec->kind != PX_FORMAT_TEXT;
    a->format = is_html ? "html" : "text";
    px_decoded dec = {0};
    px_status rc = PX_OK;
    if (rec->is_utf8) {
        dec.how = "utf8";
        dec.charset = "UTF-8";
        rc = px_utf8_clean(a->arena, (const char *)rec->data, rec->len,
                           &dec.text, err);
    } else {
        rc = px_charset_decode(a->arena, rec->data, rec->len, rec->charset,
                               is_html, &dec, err);
    }
    if (rc == PX_OK) {
        a->charset = dec.charset;
        px_article_signal(a, "charset", dec.how);
        rc = is_html ? extract_html(dec.text, a, err)
                     : px_textdump_extract(dec.text, a, err);
    }
    if (rc == PX_OK && px_arena_failed(a->arena)) {
        rc = px_fail(err, PX_ENOMEM, "out of memory");
    }
    return rc;
}

px_status
px_extract(const px_record *rec, px_article **out, px_error *err)
{
    *out = NULL;
    px_article *a = px_article_new();
    if (a == NULL) {
        return px_fail(err, PX_ENOMEM, "extract: out of memory");
    }
    px_error inner = {0};
    const px_status rc = extract_record(rec, a, &inner);
    if (rc != PX_OK) {
        PX_LOG(PX_LOG_DEBUG, "extract: failed (source=%s)", rec->source);
        px_article_free(a);
        return px_fail_in(err, rec->source, &inner);
    }
    *out = a;
    return PX_OK;
}
