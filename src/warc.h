/* warc.h - streaming WARC 1.0/1.1 reader yielding `response` records.
 *
 * Reads from a px_stream (so .warc, .warc.gz with one gzip member per record
 * and single-stream gzip are the same to it). resource records whose
 * Content-Type is text/html, application/xhtml+xml or text/plain are yielded
 * as they are (http_status 0); other record types (request, metadata,
 * warcinfo, revisit, other resources...) are skipped without buffering them.
 * Each response's HTTP message is parsed: status line and headers, chunked
 * transfer encoding and Content-Encoding gzip/deflate are undone, and the
 * Content-Type charset is kept. A response without an HTTP status line is
 * yielded whole with http_status 0. Memory is bounded by one record.
 */
#ifndef PX_WARC_H
#define PX_WARC_H

#include <stdbool.h>
#include <stddef.h>

#include "parallax.h"
#include "str.h"
#include "stream.h"

/* Records whose block, or whose body after decoding, is larger than this
 * fail with a reason (and are skipped without being buffered). */
#define PX_WARC_MAX_RECORD ((size_t)64 * 1024 * 1024)

typedef struct px_warc px_warc;

typedef struct px_warc_record {
    const char *url;     /* WARC-Target-URI, NUL-terminated, or NULL */
    const char *date;    /* WARC-Date as written (ISO 8601), or NULL */
    const char *charset; /* from the HTTP Content-Type, or NULL */
    const char *mime;    /* HTTP Content-Type media type, lower case, or NULL */
    int http_status;     /* 0 when the payload had no HTTP status line */
    const unsigned char *body; /* decoded HTTP body */
    size_t body_len;
    size_t index; /* 1-based number of the record in the archive (all
                     records count, skipped or broken ones too) */
} px_warc_record;

/* A reader over s (borrowed: s must outlive it). The caller owns *out. */
px_status px_warc_new(px_stream *s, px_warc **out, px_error *err);
void px_warc_free(px_warc *w); /* NULL is a no-op */

/* Next response record. On PX_OK, *done is true at the end of the archive,
 * else *rec is filled (borrowed until the next call). A status other than
 * PX_OK is about one record (err names it by its number); the next call
 * goes on after it when the framing allows, otherwise it reports *done. */
px_status px_warc_next(px_warc *w, px_warc_record *rec, bool *done,
                       px_error *err);

/* True if the first bytes of a stream look like a WARC record. */
bool px_warc_sniff(const unsigned char *p, size_t n);

#endif /* PX_WARC_H */
