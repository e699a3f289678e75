/* record.h - one raw page as a reader yields it (internal view of the
 * public opaque px_record).
 *
 * All pointers are borrowed from the reader and valid until its next call.
 * data holds the payload bytes exactly as transported (any charset); for
 * JSON Lines input they are already UTF-8 (is_utf8).
 */
#ifndef PX_RECORD_H
#define PX_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "parallax.h"

struct px_record {
    const char *source; /* "path" or "path#N", NUL-terminated */
    px_format kind;     /* PX_FORMAT_HTML or PX_FORMAT_TEXT */
    const unsigned char *data;
    size_t len;
    bool is_utf8;        /* data is known to be UTF-8 already */
    const char *url;     /* NULL when unknown */
    const char *fetched; /* crawl time (WARC-Date), ISO 8601, or NULL */
    const char *charset; /* charset declared by the transport, or NULL */
    const char *title;   /* hints given by the container (JSON Lines), */
    const char *date;    /* NULL when absent */
    const char *site;
    const char *author;
};

#endif /* PX_RECORD_H */
