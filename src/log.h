/* log.h - the library's log sink. Nothing is formatted unless a sink wants
 * the level; one line per event: `module: what happened (key=value ...)`. */
#ifndef PX_LOG_H
#define PX_LOG_H

#include "error.h"
#include "parallax.h"

extern px_log_level px_log_min;
extern px_log_fn px_log_sink;

void px_log_emit(px_log_level level, const char *fmt, ...) PX_PRINTF(2, 3);

#define PX_LOG(lvl, ...)                                                       \
    do {                                                                       \
        if (px_log_sink != NULL && (lvl) >= px_log_min) {                      \
            px_log_emit((lvl), __VA_ARGS__);                                   \
        }                                                                      \
    } while (0)

#endif /* PX_LOG_H */
