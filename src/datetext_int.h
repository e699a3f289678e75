/* datetext_int.h - the word table shared by datetext.c and
 * datetext_words.c: case-folded words (month and weekday names from ICU,
 * plus hand-written relative words) mapped to what they mean in a date.
 */
#ifndef PX_DATETEXT_INT_H
#define PX_DATETEXT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum {
    DW_NONE = 0,
    DW_MONTH,    /* val 1..12 */
    DW_WEEKDAY,  /* val 1 Monday .. 7 Sunday */
    DW_REL_DAY,  /* val days from the anchor; part may be set (tonight) */
    DW_MOD,      /* val -1 last, 0 this, +1 next */
    DW_UNIT,     /* val 'W', 'M', 'Y' */
    DW_PART,     /* part of the day in part */
    DW_PREP,     /* a word that makes a bare month or year a date */
    DW_YEARWORD, /* "عام", "year" before a year number */
    DW_AMPM,     /* val 0 am, 1 pm */
    DW_ORD,      /* "st", "th", "er", "de", "of" between day and month */
    DW_SUF,      /* CJK and Korean suffixes: val 'Y','M','D','h','m' */
    DW_FIRST,    /* Arabic "الأول" after أمس */
    DW_CONJ,     /* "or", "and", "و" between the days of a list */
    DW_AGOUNIT,  /* val 'D','W','M','Y' in "3 days ago"; part = implied
                    count (Arabic duals); DWF_AFTER: "ago" included (天前) */
    DW_AGO,      /* "ago" after, "قبل" before */
    DW_NUMWORD,  /* val: "two", "a" */
    DW_PREFIX    /* only the first word of a longer name */
} dw_kind;

enum {
    DWF_WEAK = 1,  /* short form: only beside a number */
    DWF_CTX = 2,   /* also a common word: needs a number or a PREP before */
    DWF_AFTER = 4, /* modifier that follows its noun (الماضي, dernier) */
    DWF_MULTI = 8, /* first word of a longer entry ("كانون الثاني") */
    DWF_ALTPART = 16, /* after a day word it is a part of day (Morgen) */
    DWF_CJKWK = 32 /* CJK week unit: a weekday digit may follow (上周一) */
};

typedef struct px_dt_word {
    uint8_t kind;
    int16_t val;
    uint8_t flags;
    uint8_t part;   /* px_daypart */
    uint64_t langs; /* bit per language index; 0 = every language */
} px_dt_word;

#define PX_DT_KEY_MAX 64

/* Builds the table once (thread-safe). */
px_status px_dt_words_init(px_error *err);
/* Case-folds s (ASCII and Unicode simple folding, Arabic diacritics and
 * tatweel dropped, U+2019 as ') into out; the length, or 0 if it does not
 * fit in cap. */
size_t px_dt_fold(const char *s, size_t len, char *out, size_t cap);
/* The entry for a folded key, or NULL. The table must be built. */
const px_dt_word *px_dt_lookup(const char *key, size_t len);
/* One bit per key signature (px_dt_sig), set by px_dt_words_init. */
extern uint64_t px_dt_sig_bits[65536 / 64];

/* The signature of a key of len bytes that starts with b0 b1 (b1 0 when
 * len is 1) and ends with last. */
static inline uint32_t
px_dt_sig(uint32_t b0, uint32_t b1, uint32_t last, size_t len)
{
    const uint32_t x = ((uint32_t)len & 0xFF) | b0 << 8 | b1 << 16 | last << 24;
    return (x * 0x9E3779B1u) >> 16;
}

/* False when no key of len bytes starts with bytes b0 b1 (b1 0 when len
 * is 1) and ends with byte last (a filter before folding: true may still
 * find nothing). Inline: most words of running text stop here. The table
 * must be built. */
static inline bool
px_dt_may_be_key(uint32_t b0, uint32_t b1, uint32_t last, size_t len)
{
    const uint32_t sig = px_dt_sig(b0, b1, last, len);
    return (px_dt_sig_bits[sig >> 6] >> (sig & 63)) & 1u;
}
/* Bit of a BCP 47 tag's language, or 0 when unknown or NULL. */
uint64_t px_dt_lang_bit(const char *lang);
/* False when no key can start with what px_dt_fold makes of the BMP code
 * point c (a filter before folding a word whose first code point is c:
 * true may still find nothing). Counts the Arabic proclitics a lookup
 * strips as starts. The table must be built. */
bool px_dt_may_start(int32_t c);
/* True if code point c may start a CJK keyword. */
bool px_dt_cjk_start(int32_t c);

#endif /* PX_DATETEXT_INT_H */
