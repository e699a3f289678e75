/* http.h - parsing one HTTP/1.x response message held in memory, as WARC
 * response records store it.
 *
 * px_http_parse splits the message into status, the few headers parallax
 * needs and the body, without copying: every px_str points into the input.
 * The body is then undone in place (chunked transfer coding) and inflated
 * (Content-Encoding gzip or deflate) into a caller buffer with a size cap.
 * Crawlers often store bodies already decoded while keeping the original
 * headers, so a body that is not chunked or compressed as its headers claim
 * is taken as it is.
 */
#ifndef PX_HTTP_H
#define PX_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "parallax.h"
#include "str.h"

typedef struct px_http_msg {
    int status;                /* 100..999, or 0 without a status line */
    px_str content_type;       /* raw value, empty when absent */
    px_str content_encoding;   /* raw value, empty when absent */
    bool is_chunked;           /* Transfer-Encoding names chunked */
    const unsigned char *body; /* after the header block (borrowed) */
    size_t body_len;
} px_http_msg;

/* Parses msg[0..len). Without an "HTTP/" status line, status is 0 and the
 * whole input is the body. A header block that never ends leaves an empty
 * body. Never fails; pointers are borrowed from msg. */
void px_http_parse(const unsigned char *msg, size_t len, px_http_msg *out);

/* Undoes chunked transfer coding in place over p[0..len) and stores the
 * decoded length in *out_len. Returns false (p untouched) when p does not
 * start with a chunk; a chunk cut short keeps the data decoded so far. */
bool px_http_dechunk(unsigned char *p, size_t len, size_t *out_len);

/* Decodes a body for the Content-Encoding value enc (gzip, x-gzip, deflate,
 * identity or empty). *body and *body_len are replaced by the decoded bytes,
 * which live in out (cleared first) when inflation happened. Output past
 * max_len is PX_EINVAL, an unsupported coding PX_EPARSE, data that inflates
 * to nothing at all PX_EPARSE; a stream cut short keeps what it gave. */
px_status px_http_decode(px_str enc, const unsigned char **body,
                         size_t *body_len, px_buf *out, size_t max_len,
                         px_error *err);

/* Splits a Content-Type value into its media type (lower case, "" when
 * absent or malformed) and charset parameter (as written without quotes,
 * "" when absent or malformed). Each result is NUL-terminated and cut to
 * its capacity. */
void px_http_content_type(px_str value, char *mime, size_t mime_cap,
                          char *charset, size_t charset_cap);

#endif /* PX_HTTP_H */
