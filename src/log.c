/* log.c - process-wide log sink set by the application (px_log_set). */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

px_log_level px_log_min = PX_LOG_ERROR;
px_log_fn px_log_sink = NULL;
static void *log_ctx = NULL;

void
px_log_set(px_log_fn fn, void *ctx, px_log_level min_level)
{
    px_log_sink = fn;
    log_ctx = ctx;
    px_log_min = min_level;
}

void
px_log_emit(px_log_level level, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (px_log_sink != NULL) {
        px_log_sink(log_ctx, level, line);
    }
}
