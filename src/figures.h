/* figures.h - finding the numbers a text states: counts, amounts, shares.
 *
 * px_figures_find scans NFC UTF-8 text once, left to right, and reports each
 * number as a px_figure: its value (digits of any script with the locale's
 * separators, scale words such as "million", 万, ألف, number words in
 * English, Arabic, Chinese and a few European languages), a qualifier
 * ("more than", 逾, أكثر من, 20多, ranges), whether it is a percentage, the
 * noun it counts mapped to a language-independent unit, and the sentence
 * holding it. Numbers that belong to dates, times, phone numbers, versions or
 * ordinals are reported too, with a kind other than PX_FIG_QUANTITY, so later
 * stages can skip them. All offsets are bytes into the text.
 */
#ifndef PX_FIGURES_H
#define PX_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "error.h"
#include "str.h"

typedef enum px_fig_qual {
    PX_FIG_EXACT = 0,
    PX_FIG_MORE_THAN,
    PX_FIG_AT_LEAST,
    PX_FIG_ABOUT,
    PX_FIG_NEARLY,
    PX_FIG_LESS_THAN,
    PX_FIG_UP_TO,
    PX_FIG_RANGE /* value is the low end, high the high end */
} px_fig_qual;

typedef enum px_fig_kind {
    PX_FIG_QUANTITY = 0,
    PX_FIG_YEAR,      /* 2026, 2026年, "in 1990" */
    PX_FIG_ORDINAL,   /* 1st, 第一 */
    PX_FIG_DATE_PART, /* day of a date, 2026-01-06, 1月 */
    PX_FIG_OTHER      /* times, phone numbers, versions, codes (G20) */
} px_fig_kind;

typedef enum px_unit {
    PX_UNIT_NONE = 0,
    PX_UNIT_PEOPLE,
    PX_UNIT_DEATHS,
    PX_UNIT_INJURED,
    PX_UNIT_TROOPS,
    PX_UNIT_QUESTIONS,
    PX_UNIT_POINTS,
    PX_UNIT_MONEY_USD,
    PX_UNIT_MONEY_EUR,
    PX_UNIT_MONEY_CNY,
    PX_UNIT_MONEY_GBP,
    PX_UNIT_PERCENT,
    PX_UNIT_YEARS,
    PX_UNIT_MONTHS,
    PX_UNIT_DAYS,
    PX_UNIT_HOURS,
    PX_UNIT_COUNTRIES,
    PX_UNIT_ITEMS, /* a bare classifier: 个 */
    PX_UNIT_COUNT_
} px_unit;

typedef struct px_figure {
    size_t off; /* the number as written, e.g. "7.1万", "20-30", "5%" */
    size_t len;
    double value; /* 71000 for 7.1万; 20 for 20%; low end of a range */
    double high;  /* high end of a RANGE, else equal to value */
    px_fig_qual qual;
    px_fig_kind kind;
    bool is_percent;
    px_unit unit;    /* what it counts, PX_UNIT_NONE if unknown */
    size_t unit_off; /* the counted noun as written; unit_len 0 if none */
    size_t unit_len;
    size_t sent_off; /* the sentence holding the number */
    size_t sent_len;
} px_figure;

/* Finds every number in text (NFC UTF-8; invalid bytes are skipped).
 * lang is an ISO 639-3 code ("eng", "arb", "zho", "deu"...; ISO 639-1 and a
 * region suffix such as "deu-CH" are accepted) or NULL; it only decides
 * ambiguous separators ("1.200" is 1200 in German, 1.2 in English; "1 200"
 * is 1200 except in English, Chinese, Arabic, Japanese and Korean). Words of
 * all supported languages are recognised whatever lang says.
 * *out is an array of *n figures in text order, in arena a (NULL when *n is
 * 0). Fails only with PX_ENOMEM. */
px_status px_figures_find(px_str text, const char *lang, px_figure **out,
                          size_t *n, px_arena *a, px_error *err);

/* Stable lower-case names for the enums ("more_than", "deaths", ...). */
const char *px_fig_qual_name(px_fig_qual q);
const char *px_fig_kind_name(px_fig_kind k);
const char *px_unit_name(px_unit u);

#endif /* PX_FIGURES_H */
