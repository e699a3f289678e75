/* fuzz_datetext.c - px_datetext_find on arbitrary bytes with a language and
 * an anchor chosen by the first input byte. Mentions must lie inside the
 * text, be sorted and disjoint, and resolved dates must be valid calendar
 * dates at their precision; px_datetext_covers must agree with the spans. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "datetext.h"
#include "error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_date(const px_date *d)
{
    if (d->prec >= PX_PREC_MONTH && (d->month < 1 || d->month > 12)) {
        abort();
    }
    if (d->prec >= PX_PREC_DAY && (d->day < 1 || d->day > 31)) {
        abort();
    }
    if (d->prec >= PX_PREC_MINUTE &&
        (d->hour < 0 || d->hour > 23 || d->min < 0 || d->min > 59)) {
        abort();
    }
}

static void
check(const px_date_mention *m, size_t n, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        if (m[i].len == 0 || m[i].off + m[i].len > len ||
            (i > 0 && m[i - 1].off + m[i - 1].len > m[i].off)) {
            abort();
        }
        if (m[i].is_resolved) {
            check_date(&m[i].date);
        }
        if (!px_datetext_covers(m, n, m[i].off, 1)) {
            abort();
        }
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {NULL,    "en", "ar", "zh",
                                        "en-US", "fr", "de", "ru"};
    if (size == 0) {
        return 0;
    }
    const char *const lang = langs[data[0] & 7];
    px_date anchor = {0};
    anchor.year = (int16_t)(2000 + (data[0] >> 3));
    anchor.month = (int8_t)(1 + (data[0] >> 3) % 12);
    anchor.day = (int8_t)(1 + (data[0] >> 2) % 28);
    anchor.prec = PX_PREC_DAY;
    px_arena *const a = px_arena_new();
    if (a == NULL) {
        return 0;
    }
    px_date_mention *m = NULL;
    size_t n = 0;
    const px_str text = {(const char *)data + 1, size - 1};
    if (px_datetext_find(text, lang, (data[0] & 0x80) ? NULL : &anchor, a, &m,
                         &n, NULL) == PX_OK) {
        check(m, n, text.len);
    }
    px_arena_free(a);
    return 0;
}
