/* pubdate.h - reading a date (and time) out of a string in many languages.
 *
 * Understands ISO 8601 and RFC 2822 forms, numeric forms (2026-01-06,
 * 06/01/2026, 2026/1/6, 2026.01.06), month names in English, German,
 * French, Spanish, Portuguese, Italian, Dutch, Polish, Russian, Ukrainian,
 * Czech, Hungarian, Romanian, the Scandinavian languages, Greek and
 * Turkish, Arabic month names of both series (يناير and
 * كانون الثاني), Arabic-Indic and full-width digits, CJK forms (2026年1月6日
 * 08:41), AM/PM markers (including ص/م and 上午/下午), and time zones.
 * Ambiguous numeric day/month orders are resolved toward a valid date, and
 * day-first where both are valid unless the form is clearly month-first.
 */
#ifndef PX_PUBDATE_H
#define PX_PUBDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "str.h"

/* Parses s as one date: true and *out when s holds a date (surrounding
 * words such as weekday names or "Published:" are tolerated). The first
 * full date (day precision or finer) wins; failing that, a month-precision
 * form ("January 2026", "2026-01", "2026年1月") or a compact "20260106".
 * A month and day without a year ("1月5日", "Jan 6") is never a date. */
bool px_pubdate_parse(px_str s, px_date *out);

/* Finds the first full date expression (a year, month and day, with an
 * optional time and zone) in s; true with *out and its byte span in
 * *off and *len (either may be NULL). Month-only forms are skipped. s need not
 * be valid UTF-8. */
bool px_pubdate_find(px_str s, px_date *out, size_t *off, size_t *len);

/* Reads a date from a URL path (/2026/01/06/, /20260106/, /2026-01-06-);
 * at least month precision, never a guessed day. */
bool px_pubdate_from_url(const char *url, px_date *out);

/* True if d is a plausible publication date (1990..2100, valid day). */
bool px_pubdate_valid(const px_date *d);

#endif /* PX_PUBDATE_H */
