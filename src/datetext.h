/* datetext.h - dates and times mentioned in article text, with byte spans.
 *
 * Finds absolute dates ("5 January 2026", "2026年1月5日", "06/يناير/2026",
 * "2026-01-05"), partial ones ("1月5日", "in November", "عام 2023") and
 * relative references ("yesterday", "last Monday", "مساء الاثنين", "上周一")
 * in one linear pass. Month and weekday names come from ICU's date symbols
 * for about sixty major languages (both Arabic month series included), built
 * once into a lookup table. Relative and year-less mentions are resolved
 * against an anchor (the publication date); without one they are returned
 * unresolved with their kind, never guessed. Mentions are sorted by offset
 * and never overlap.
 */
#ifndef PX_DATETEXT_H
#define PX_DATETEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "article.h"
#include "error.h"
#include "str.h"

typedef enum {
    PX_DAYPART_NONE = 0,
    PX_DAYPART_MORNING,
    PX_DAYPART_NOON,
    PX_DAYPART_AFTERNOON,
    PX_DAYPART_EVENING,
    PX_DAYPART_NIGHT
} px_daypart;

/* What a mention says, before resolution. */
typedef enum {
    PX_DT_ABSOLUTE = 0, /* a full date, or a month and year, or a year */
    PX_DT_PARTIAL,      /* no year ("1月5日", "in November", "5日") */
    PX_DT_DAY,          /* a day relative to the anchor ("yesterday") */
    PX_DT_WEEKDAY,      /* a named weekday ("on Monday", "上周一") */
    PX_DT_WEEK,         /* "last week", "上周" */
    PX_DT_MONTH,        /* "last month", "本月" */
    PX_DT_YEAR,         /* "last year", "去年" */
    PX_DT_NAMED_MONTH,  /* "last November", "نوفمبر الماضي" */
    PX_DT_TIME          /* a time of day alone ("08:41"), never resolved */
} px_dt_kind;

typedef struct px_date_mention {
    size_t off; /* byte span in the text */
    size_t len;
    px_dt_kind kind;
    /* The date, truncated to date.prec. For unresolved mentions prec is
     * PX_PREC_NONE and the fields the text states (month, day, hour, min)
     * are still filled in. */
    px_date date;
    bool is_relative; /* kinds DAY..NAMED_MONTH: relative to the anchor */
    bool is_resolved; /* date is complete to its precision */
    int8_t rel;       /* offset stated: -1 last/yesterday, 0 this, +1 next */
    int8_t weekday;   /* 1 Monday .. 7 Sunday when stated, else 0 */
    int8_t span_days; /* days covered when resolved: 1 day, 7 week, else 0 */
    px_daypart part;  /* part of the day, when stated */
    px_date anchor;   /* the anchor used; prec NONE when none was used */
} px_date_mention;

/* Builds the month and weekday tables from ICU. Thread-safe and idempotent;
 * px_datetext_find calls it on first use. Fails only on OOM. */
px_status px_datetext_init(px_error *err);

/* Finds the date mentions in text (valid UTF-8 or not: bad bytes are
 * skipped). lang (BCP 47, may be NULL) decides which month and weekday names
 * count without a number beside them, and whether 01/02/2026 is month-first
 * (en, en-US). anchor (may be NULL, or prec below DAY) resolves relative and
 * year-less mentions. *out is an arena array of *n mentions sorted by off
 * (NULL when none). Errors: PX_ENOMEM. */
px_status px_datetext_find(px_str text, const char *lang, const px_date *anchor,
                           px_arena *a, px_date_mention **out, size_t *n,
                           px_error *err);

/* True if the byte span [off, off+len) overlaps a mention of m (sorted as
 * px_datetext_find returns them), so a figure there is part of a date. */
bool px_datetext_covers(const px_date_mention *m, size_t n, size_t off,
                        size_t len);

/* "absolute", "partial", "day", "weekday", "week", "month", "year",
 * "named-month", "time". */
const char *px_dt_kind_name(px_dt_kind k);
/* "", "morning", "noon", "afternoon", "evening", "night". */
const char *px_daypart_name(px_daypart p);

#endif /* PX_DATETEXT_H */
