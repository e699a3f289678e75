/* article.h - an extracted article (internal view of px_article).
 *
 * Everything lives in the article's arena. Strings are NUL-terminated arena
 * copies, NULL when unknown. text is the paragraphs joined by "\n"; each
 * px_para gives a paragraph's byte span in text. signals records how each
 * field was obtained, for the "how" object of the JSON output.
 */
#ifndef PX_ARTICLE_H
#define PX_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "parallax.h"
#include "str.h"

typedef enum {
    PX_PREC_NONE = 0, /* no date known */
    PX_PREC_YEAR,
    PX_PREC_MONTH,
    PX_PREC_DAY,
    PX_PREC_MINUTE,
    PX_PREC_SECOND
} px_date_prec;

/* A calendar date and time as a page states it (no time-zone conversion). */
typedef struct px_date {
    int16_t year;
    int8_t month; /* 1..12, 0 when below precision */
    int8_t day;
    int8_t hour;
    int8_t min;
    int8_t sec;
    bool has_tz;
    int16_t tz_min; /* offset east of UTC in minutes, when has_tz */
    px_date_prec prec;
} px_date;

typedef enum {
    PX_PARA_TEXT = 0,
    PX_PARA_HEADING,
    PX_PARA_LIST,  /* a list item */
    PX_PARA_QUOTE, /* a block quote */
    PX_PARA_TABLE  /* a table row, cells separated by " | " */
} px_para_kind;

typedef struct px_para {
    size_t off; /* byte offset into text */
    size_t len;
    px_para_kind kind;
} px_para;

#define PX_MAX_SIGNALS 24

struct px_article {
    px_arena *arena;
    const char *source;
    const char *format; /* "html" or "text" */
    const char *url;
    const char *canonical;
    const char *site;
    const char *title;
    const char *author;
    const char *lang;    /* declared language (html lang, og:locale), raw */
    const char *charset; /* charset the bytes were decoded from */
    const char *fetched; /* crawl date, kept apart from published */
    px_date published;
    char *text;
    size_t text_len;
    px_para *paras;
    size_t n_paras;
    const char *signals[PX_MAX_SIGNALS]; /* "field:how", arena strings */
    size_t n_signals;
};

/* A new empty article with its own arena, or NULL on OOM. */
px_article *px_article_new(void);
/* Records how a field was obtained, e.g. ("date",
 * "meta:article:published_time") becomes "date:meta:article:published_time".
 * Extra signals are dropped. */
void px_article_signal(px_article *a, const char *field, const char *how);
/* Sets a string field from a slice: trims, collapses inner white space,
 * copies into the arena. Empty input leaves *field NULL. */
void px_article_set(px_article *a, const char **field, px_str value);

/* Builds text and paras from a list of paragraphs (trimmed; empty ones are
 * dropped). Replaces any earlier text. */
typedef struct px_para_in {
    px_str text;
    px_para_kind kind;
} px_para_in;
px_status px_article_set_paras(px_article *a, const px_para_in *in, size_t n,
                               px_error *err);

/* Writes date as ISO 8601 truncated to its precision ("2026", "2026-01",
 * "2026-01-06", "2026-01-06T08:41", "...:00+03:00"); empty for NONE.
 * buf must hold 32 bytes. */
void px_date_format(const px_date *d, char buf[32]);

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil); negative before 1970. */
int64_t px_days_from_civil(int year, int month, int day);
/* "none", "year", "month", "day", "minute", "second". */
const char *px_date_prec_name(px_date_prec p);

#endif /* PX_ARTICLE_H */
