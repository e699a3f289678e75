/* error.c - first-error recording; messages are cut to one line. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

px_status
px_fail(px_error *err, px_status code, const char *fmt, ...)
{
    if (err == NULL || err->code != PX_OK) {
        return code;
    }
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    for (char *p = err->msg; *p != '\0'; p++) {
        if (*p == '\n' || *p == '\r') {
            *p = ' ';
        }
    }
    return code;
}

px_status
px_fail_in(px_error *err, const char *where, const px_error *inner)
{
    const size_t n = strlen(where);
    if (strncmp(inner->msg, where, n) == 0) {
        return px_fail(err, inner->code, "%s", inner->msg);
    }
    return px_fail(err, inner->code, "%s: %s", where,
                   inner->msg[0] != '\0' ? inner->msg
                                         : px_status_str(inner->code));
}

void
px_error_clear(px_error *err)
{
    if (err != NULL) {
        err->code = PX_OK;
        err->msg[0] = '\0';
    }
}

const char *
px_status_str(px_status st)
{
    switch (st) {
    case PX_OK:
        return "ok";
    case PX_ENOMEM:
        return "out of memory";
    case PX_EIO:
        return "input/output error";
    case PX_EPARSE:
        return "malformed input";
    case PX_EINVAL:
        return "invalid argument";
    case PX_EEMPTY:
        return "nothing usable in input";
    }
    return "unknown status";
}

void
px_free(void *p)
{
    free(p);
}
