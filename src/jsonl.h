/* jsonl.h - JSON Lines input: one object per line with at least
 * {url, html} or {url, text}, optionally title, date, site, author
 * (news-please and similar crawlers; "maintext", "source_domain",
 * "date_publish" and an "authors" list as written by news-please are
 * accepted too). Parsed with jansson.
 */
#ifndef PX_JSONL_H
#define PX_JSONL_H

#include <stdbool.h>
#include <stddef.h>

#include "parallax.h"
#include "str.h"
#include "stream.h"

/* Longest line accepted. */
#define PX_JSONL_MAX_LINE ((size_t)64 * 1024 * 1024)

typedef struct px_jsonl px_jsonl;

typedef struct px_jsonl_record {
    const char *url; /* NUL-terminated UTF-8, NULL when absent */
    const char *title;
    const char *date;
    const char *site;
    const char *author; /* "author", or the "authors" list joined by ", " */
    bool is_html;       /* body came from "html" (else from "text") */
    const char *body;   /* UTF-8 (jansson validated it) */
    size_t body_len;
    size_t line_no; /* 1-based */
} px_jsonl_record;

px_status px_jsonl_new(px_stream *s, px_jsonl **out, px_error *err);
void px_jsonl_free(px_jsonl *j);
/* Next object; *done at end. A bad line is an error for that line only
 * (err says "line N: why") and the next call goes on. Blank lines are
 * skipped. rec is borrowed until the next call. */
px_status px_jsonl_next(px_jsonl *j, px_jsonl_record *rec, bool *done,
                        px_error *err);
/* True if the first bytes look like JSON Lines (an object, not HTML). */
bool px_jsonl_sniff(const unsigned char *p, size_t n);

#endif /* PX_JSONL_H */
