/* figures_int.h - the word tables behind the figures finder (figures.c).
 *
 * Entries are written in their usual spelling; lookups fold both sides
 * (ASCII and Cyrillic case, Arabic alef forms, alef maqsura, diacritics and
 * tatweel), so tables need not list every variant.
 */
#ifndef PX_FIGURES_INT_H
#define PX_FIGURES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figures.h"

typedef enum px_fw_type {
    PX_FW_UNIT = 1, /* 0..19 (and Arabic عشرة) */
    PX_FW_TEN,      /* 20..90 */
    PX_FW_HUND,     /* "hundred", مائة: multiplies what precedes */
    PX_FW_HUNDV,    /* a whole hundreds word: مائتين, خمسمائة */
    PX_FW_SCALE,    /* thousand, ألف, million... */
    PX_FW_SCALE_PL, /* آلاف, millions: only after a number */
    PX_FW_MONTH,
    PX_FW_NOUN, /* a counted noun; unit says which */
    PX_FW_PCT,  /* percent, بالمائة */
    PX_FW_ABBR  /* abbreviation before a full stop (Mr., Jan.) */
} px_fw_type;

typedef struct px_fw_word {
    const char *w;
    double v;
    uint8_t type;
    uint8_t unit;
} px_fw_word;

typedef struct px_fw_phrase {
    const char *w;
    uint8_t val; /* a px_fig_qual or px_unit, depending on the table */
} px_fw_phrase;

/* Prepares the tables (once per process; thread-safe). Call before the
 * functions below. */
void px_fw_init(void);
/* The word whose folded form is key[0..len), or NULL. */
const px_fw_word *px_fw_lookup(const char *key, size_t len);
/* Bit per key signature (px_fw_key_sig) and per first two bytes of a
 * cue, set by px_fw_init. */
extern uint8_t px_fw_key_bits[8192];
extern uint8_t px_fw_cue_bits[8192];

/* The 16-bit signature of a folded key of len bytes whose first and last
 * code points are first and last. Code points, not bytes: the bytes of
 * two Cyrillic or Arabic words start alike too often. */
static inline uint32_t
px_fw_key_sig(uint32_t first, uint32_t last, size_t len)
{
    const uint64_t x =
        ((uint64_t)len & 0xFFu) | (uint64_t)first << 8 | (uint64_t)last << 32;
    return (uint32_t)((x * 0x9E3779B97F4A7C15u) >> 48);
}

/* False if no folded key of len bytes starts with code point first and
 * ends with last (a filter before folding and hashing; inline, asked per
 * word). */
static inline bool
px_fw_may_be_key(uint32_t first, uint32_t last, size_t len)
{
    const uint32_t sig = px_fw_key_sig(first, last, len);
    return len < 256 && ((px_fw_key_bits[sig >> 3] >> (sig & 7)) & 1u) != 0;
}

/* False if no entry of px_fw_cues_before starts with s[0..2) (ASCII
 * case-insensitively); s must have two readable bytes. */
static inline bool
px_fw_cue_may_start(const char *s)
{
    const unsigned v = (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1];
    return (px_fw_cue_bits[v >> 3] >> (v & 7)) & 1u;
}
/* The folded form of px_fw_quals_before[i], and the longest length. */
const char *px_fw_qual_folded(size_t i, size_t *len);
size_t px_fw_qual_max_len(void);
/* The first i (in list order) whose folded px_fw_quals_before[i] ends in
 * byte last, and the next after i: PX_FW_QUAL_END when there is none. */
size_t px_fw_qual_first(unsigned char last);
size_t px_fw_qual_next(size_t i);
#define PX_FW_QUAL_END 160

/* unit of a number word that counts only before عشر (أحد عشر): alone
 * it means "someone" or "Sunday". */
#define PX_FW_TEEN_ONLY 1

/* px_fw_quals_before val of "between", بين: a range follows. */
#define PX_FW_BETWEEN 255
/* Folds one code point for matching: 0 means "skip it" (a diacritic). */
uint32_t px_fw_fold(uint32_t c);
/* Folds s[0..len) into out (capacity cap); the folded length, or 0 if it
 * does not fit. */
size_t px_fw_fold_str(const char *s, size_t len, char *out, size_t cap);

extern const px_fw_phrase px_fw_quals_before[]; /* ends with {NULL} */
extern const px_fw_phrase px_fw_quals_after[];  /* "or more", 以上 */
extern const px_fw_phrase px_fw_zh_nouns[];     /* after a number */
extern const px_fw_phrase px_fw_cues_before[];  /* 死亡人数, القتلى */
extern const px_fw_phrase px_fw_cues_after[];   /* "were killed" */
extern const px_fw_phrase px_fw_pct_phrases[];  /* "per cent" */

#endif /* PX_FIGURES_INT_H */
