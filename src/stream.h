/* stream.h - buffered byte input over a file or stdin, gzip or plain.
 *
 * zlib's gz* layer reads plain files as they are and gzip files of one or
 * many members (WARC's one member per record, or one single stream) as one
 * decompressed byte stream. A px_stream adds peeking (for format sniffing)
 * and line reads. Memory is bounded by the largest line or block asked for,
 * never by the file: archives stream.
 */
#ifndef PX_STREAM_H
#define PX_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "parallax.h"
#include "str.h"

typedef struct px_stream px_stream;

/* Opens path ("-" is standard input). The caller owns *out. */
px_status px_stream_open(const char *path, px_stream **out, px_error *err);
/* A stream over memory (borrowed: data must outlive the stream); for tests
 * and fuzzers. gzip data is not decompressed here. */
px_status px_stream_open_mem(const void *data, size_t len, px_stream **out,
                             px_error *err);
void px_stream_close(px_stream *s); /* NULL is a no-op */

/* Makes up to n bytes available without consuming them; *p points at them
 * (borrowed until the next call) and *avail says how many there are, fewer
 * than n only at end of input. */
px_status px_stream_peek(px_stream *s, size_t n, const unsigned char **p,
                         size_t *avail, px_error *err);
/* Reads one line, without its "\n" (and "\r"), into line (replacing its
 * content). *eof is true when no byte was left. A line longer than max_len
 * is an error (PX_EPARSE). */
px_status px_stream_read_line(px_stream *s, px_buf *line, size_t max_len,
                              bool *eof, px_error *err);
/* Appends exactly n bytes to out; fewer at end of input is PX_EPARSE
 * ("truncated"). */
px_status px_stream_read_into(px_stream *s, size_t n, px_buf *out,
                              px_error *err);
/* Discards n bytes (PX_EPARSE if input ends first). */
px_status px_stream_skip(px_stream *s, size_t n, px_error *err);
/* Reads everything left, up to max_len bytes (PX_EINVAL "too large" past
 * it), into out. */
px_status px_stream_read_all(px_stream *s, size_t max_len, px_buf *out,
                             px_error *err);
/* The stream's name for messages ("-" or the path). */
const char *px_stream_name(const px_stream *s);
/* Total decompressed bytes consumed so far. */
size_t px_stream_offset(const px_stream *s);

#endif /* PX_STREAM_H */
