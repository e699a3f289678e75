/* error.h - recording the first error of an operation into a px_error.
 *
 * Every library function takes a px_error * that may be NULL. Only the first
 * error is kept: later failures while unwinding do not overwrite the cause.
 */
#ifndef PX_ERROR_H
#define PX_ERROR_H

#include "parallax.h"

#if defined(__GNUC__)
#define PX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PX_PRINTF(f, a)
#endif

/* Records code and a one-line message in err (if err is set and holds no
 * error yet) and returns code, so callers can write
 * `return px_fail(err, PX_EIO, "warc: %s: %s", path, strerror(errno));`. */
px_status px_fail(px_error *err, px_status code, const char *fmt, ...)
    PX_PRINTF(3, 4);

/* Records inner's failure in err naming `where` once at the start: the
 * message becomes "where: inner message" unless it starts with where. */
px_status px_fail_in(px_error *err, const char *where, const px_error *inner);

/* Clears err (if not NULL). */
void px_error_clear(px_error *err);

#endif /* PX_ERROR_H */
