/* words_fast.c - ICU's word breaks without ICU, for the lines where that is
 * easy: lines whose every code point is in the Basic Multilingual Plane and
 * is a letter, a decimal digit, a combining mark or format character, white
 * space, a separator of the rules below or plain punctuation. Lines with
 * Han, kana, Hangul jamo, Thai and the other scripts ICU breaks by
 * dictionary, Hebrew, Katakana, '_' and the like, emoji and other
 * pictographs (also (c) and (R)) or anything outside the BMP still go to
 * ICU. ZWJ is a mark here: only before a pictograph (WB3c) is it not.
 * Hangul syllables are a class of their own: ICU makes a word of a run of
 * them and of nothing else (no marks, Mids, letters or digits).
 *
 * The classes come from ICU's own Word_Break data (u_getIntPropertyValue),
 * read once into a table, with the tailorings of ICU's root word rules
 * (word.txt): '@' is a letter, ':' (and U+FE55, U+FF1A) are not MidLetter.
 * On such lines the rules reduce to UAX #29 WB4-WB12: a word is a run of
 * letters and digits, with the marks and format characters that follow
 * them (WB4), which may go on over one MidLetter/MidNumLet/Single_Quote
 * between two letters or one MidNum/MidNumLet/Single_Quote between two
 * digits. Everything else is a segment without words, which words.c skips
 * anyway. Line feeds are hard breaks on both sides (WB3a/b), so a text can
 * be split line by line between the two ways. tests/test_words.c checks
 * the result against ICU on random strings of every class.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "words_int.h"

enum {
    WB_SLOW = 0, /* not handled here: the line goes to ICU */
    WB_HAN,      /* a unified ideograph: slow, except for a Chinese count */
    WB_OTHER,    /* a segment of its own, not a word */
    WB_HANGUL,   /* a Hangul syllable: runs of them are words */
    WB_LETTER,
    WB_HEBREW, /* a letter that also takes a quote (WB7a-c) */
    WB_DIGIT,
    WB_EXTEND,         /* Extend or Format: belongs to the character before */
    WB_MID_LETTER,     /* joins two letters; the Mids come last */
    WB_MID_NUM,        /* joins two digits */
    WB_MID_NUM_LETTER, /* joins either (MidNumLet) */
    WB_SINGLE_QUOTE,   /* ' joins either, and ends a Hebrew word (WB7a) */
    WB_DOUBLE_QUOTE,   /* " joins two Hebrew letters (WB7b/c) */
};

/* A letter or digit: a word goes on over it. */
static inline bool
is_wordish(uint8_t c)
{
    return c >= WB_LETTER && c <= WB_DIGIT;
}

static uint8_t classes[0x10000];
/* For each byte: its class when it is an ASCII letter or digit, else 0. */
static uint8_t ascii_word[256];
static uint8_t keeps[0x10000 / 8]; /* bit c: px_wordkey_keeps(c) */
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

/* Characters ICU's rules treat apart from their Word_Break value: the
 * dictionary scripts (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar...),
 * ideographs and emoji. */
static bool
is_special(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(c, &st);
    return U_FAILURE(st) || sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
           sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL ||
           u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT ||
           u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
           u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
}

/* A CJK unified ideograph (Han, Word_Break Other): ICU's rules give a run
 * of them to its dictionary as a whole and tag every word of it
 * UBRK_WORD_IDEO. */
static bool
is_han(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    return ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)) &&
           uscript_getScript(c, &st) == USCRIPT_HAN && U_SUCCESS(st) &&
           u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_OTHER;
}

static uint8_t
class_of(UChar32 c)
{
    if (c == '@') {
        return WB_LETTER; /* ICU: $ALetter = [\p{Word_Break=ALetter} @] */
    }
    if (c == ':' || c == 0xFE55 || c == 0xFF1A) {
        return WB_OTHER; /* ICU: $MidLetter without them */
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        return WB_SLOW;
    }
    if (c >= 0xAC00 && c <= 0xD7A3) {
        return WB_HANGUL; /* other Hangul (jamo) is slow: is_special */
    }
    if (c >= 0x0800 && is_special(c)) {
        return is_han(c) ? WB_HAN : WB_SLOW;
    }
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) {
        return WB_SLOW; /* (c) and (R): a ZWJ before them joins them */
    }
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
        return WB_LETTER;
    case U_WB_NUMERIC:
        /* a Numeric that is not a digit (U+066B) would make a number
         * without the digit flag: leave those to ICU */
        return u_isdigit(c) ? WB_DIGIT : WB_SLOW;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ: /* as Extend, but before a pictograph, which is slow */
        return WB_EXTEND;
    case U_WB_MIDLETTER:
        return WB_MID_LETTER;
    case U_WB_MIDNUM:
        return WB_MID_NUM;
    case U_WB_MIDNUMLET:
        return WB_MID_NUM_LETTER;
    case U_WB_SINGLE_QUOTE:
        return WB_SINGLE_QUOTE;
    case U_WB_DOUBLE_QUOTE:
        return WB_DOUBLE_QUOTE;
    case U_WB_HEBREW_LETTER:
        return WB_HEBREW;
    case U_WB_OTHER:
    case U_WB_WSEGSPACE:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
        return WB_OTHER;
    default: /* Katakana, ExtendNumLet, Regional_Indicator */
        return WB_SLOW;
    }
}

static void
fill_classes(void)
{
    for (UChar32 c = 0; c < 0x10000; c++) {
        classes[c] = class_of(c);
        if (c < 0x80 && (classes[c] == WB_LETTER || classes[c] == WB_DIGIT)) {
            ascii_word[c] = classes[c];
        }
        if (px_wordkey_keeps(c)) {
            keeps[c >> 3] |= (uint8_t)(1u << (c & 7));
        }
    }
}

/* The class of the code point at p[*i] (*i < end), and *i moved past it.
 * Cut-off, invalid or 4-byte sequences are slow. */
static inline uint8_t
next_class(const unsigned char *p, size_t *i, size_t end)
{
    const unsigned char b = p[*i];
    if (b < 0x80) {
        (*i)++;
        return classes[b];
    }
    if (b >= 0xC2 && b < 0xE0 && *i + 1 < end && (p[*i + 1] & 0xC0) == 0x80) {
        const unsigned c = ((b & 0x1Fu) << 6) | (p[*i + 1] & 0x3Fu);
        *i += 2;
        return classes[c];
    }
    if (b >= 0xE0 && b < 0xF0 && *i + 2 < end && (p[*i + 1] & 0xC0) == 0x80 &&
        (p[*i + 2] & 0xC0) == 0x80) {
        const unsigned c = ((b & 0x0Fu) << 12) | ((p[*i + 1] & 0x3Fu) << 6) |
                           (p[*i + 2] & 0x3Fu);
        if (c < 0x0800) {
            return WB_SLOW; /* overlong */
        }
        *i += 3;
        return classes[c]; /* surrogates are slow in the table */
    }
    return WB_SLOW;
}

void
px_words_fast_init(void)
{
    pthread_once(&classes_once, fill_classes);
}

bool
px_words_fast_line(px_str text, size_t from, size_t to)
{
    const unsigned char *p = (const unsigned char *)text.ptr;
    size_t i = from;
    uint8_t prev = WB_OTHER;
    while (i < to) {
        const uint8_t c = next_class(p, &i, to);
        if (c <= WB_HAN || (c == WB_EXTEND &&
                            (prev == WB_HANGUL || prev == WB_SINGLE_QUOTE))) {
            return false; /* WB_SLOW, WB_HAN, a mark on Hangul or ' */
        }
        prev = c;
    }
    return true;
}

/* Whether mid (after marks) joins prev and next into one word: WB6/7
 * (letters, Hebrew ones included), WB7b/c (Hebrew letters over a double
 * quote), WB11/12 (digits). */
static bool
joins(uint8_t prev, uint8_t mid, uint8_t next)
{
    const bool letters = (prev == WB_LETTER || prev == WB_HEBREW) &&
                         (next == WB_LETTER || next == WB_HEBREW);
    if (letters && mid == WB_DOUBLE_QUOTE) {
        return prev == WB_HEBREW && next == WB_HEBREW;
    }
    if (letters) {
        return mid == WB_MID_LETTER || mid == WB_MID_NUM_LETTER ||
               mid == WB_SINGLE_QUOTE;
    }
    if (prev == WB_DIGIT && next == WB_DIGIT) {
        return mid == WB_MID_NUM || mid == WB_MID_NUM_LETTER ||
               mid == WB_SINGLE_QUOTE;
    }
    return false;
}

/* Skips the marks and format characters at i. */
static inline size_t
skip_extend(const unsigned char *p, size_t i, size_t to)
{
    while (i < to) {
        size_t j = i;
        if (next_class(p, &j, to) != WB_EXTEND) {
            break;
        }
        i = j;
    }
    return i;
}

/* The end of the word that starts at i with class first. Runs of ASCII
 * letters and digits, most of the letters of a text, are taken a byte at
 * a time through ascii_word; only a Mid looks at what follows it. A
 * single quote after a Hebrew letter ends the word when no letter follows
 * (WB7a); with marks after it ICU makes no word of it at all: *is_slow. */
static size_t
word_end(const unsigned char *p, size_t i, size_t to, uint8_t first,
         bool *is_slow)
{
    uint8_t prev = first;
    while (i < to) {
        if (ascii_word[p[i]] != 0) {
            while (i + 1 < to && ascii_word[p[i + 1]] != 0) {
                i++;
            }
            prev = ascii_word[p[i++]];
            continue;
        }
        size_t j = i;
        const uint8_t c = next_class(p, &j, to);
        if (is_wordish(c)) {
            prev = c;
            i = j;
            continue;
        }
        if (c == WB_EXTEND) {
            i = j;
            continue;
        }
        if (c < WB_MID_LETTER) { /* joins nothing */
            break;
        }
        size_t k = skip_extend(p, j, to);
        size_t m = k;
        const uint8_t after = k < to ? next_class(p, &m, to) : WB_OTHER;
        if (joins(prev, c, after)) {
            prev = after;
            i = m;
        } else {
            if (c == WB_SINGLE_QUOTE && prev == WB_HEBREW) {
                *is_slow = k > j;
                i = j;
            }
            break;
        }
    }
    return i;
}

/* The end of the run of Hangul syllables at i: ICU chains adjacent ones
 * into a word ($HangulSyllable $HangulSyllable). *has_mark is true when a
 * mark or format character follows the run, which ICU does not join as
 * WB4 would (a syllable with a mark is not a word to it): slow. */
static size_t
hangul_end(const unsigned char *p, size_t i, size_t to, bool *has_mark)
{
    *has_mark = false;
    while (i < to) {
        size_t j = i;
        const uint8_t c = next_class(p, &j, to);
        if (c != WB_HANGUL) {
            *has_mark = c == WB_EXTEND;
            break;
        }
        i = j;
    }
    return i;
}

/* True when the word at p surely has a key: its first code point (a
 * letter or digit, well-formed) keeps one (px_wordkey_keeps). Below U+0600
 * every letter and digit does, as surely_keyed in words.c knows. */
static inline bool
first_keeps(const unsigned char *p)
{
    if (p[0] < 0xD8) {
        return true;
    }
    const unsigned c = p[0] < 0xE0 ? ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu)
                                   : ((p[0] & 0x0Fu) << 12) |
                                         ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return (keeps[c >> 3] >> (c & 7)) & 1u;
}

/* Adds the word text[start, end); a count only needs to know that its key
 * is not empty, which px_words_add would find out the long way. */
static inline px_status
add_word(split *sp, size_t start, size_t end, px_error *err)
{
    const unsigned char *p = (const unsigned char *)sp->text.ptr;
    if (sp->count_only && first_keeps(p + start)) {
        sp->w->n++;
        return PX_OK;
    }
    return px_words_add(sp, start, end - start, UBRK_WORD_LETTER, err);
}

/* The class of the code point that ends at i (i > from). */
static uint8_t
class_before(const unsigned char *p, size_t from, size_t i)
{
    size_t j = i - 1;
    while (j > from && (p[j] & 0xC0) == 0x80 && i - j < 3) {
        j--;
    }
    size_t k = j;
    const uint8_t c = next_class(p, &k, i);
    return k == i ? c : WB_SLOW;
}

/* For a Chinese count: counts the ideograph run that starts at *i as
 * px_words_zh_run would, without ICU's breaks, and moves *i past it;
 * *is_done is false (nothing counted) when that needs ICU: a character
 * the lexicon starts no word with, or a mark or format character next to
 * the run (ICU would join it). */
static px_status
count_han(split *sp, size_t from, size_t *i, size_t to, bool *is_done,
          px_error *err)
{
    const unsigned char *p = (const unsigned char *)sp->text.ptr;
    const size_t start = *i;
    size_t end = start;
    uint8_t next = WB_OTHER;
    *is_done = false;
    while (end < to) {
        size_t k = end;
        next = next_class(p, &k, to);
        if (next != WB_HAN) {
            break;
        }
        end = k;
    }
    if (next == WB_EXTEND ||
        (start > from && class_before(p, from, start) == WB_EXTEND)) {
        return PX_OK;
    }
    *i = end;
    return px_words_zh_count(sp, start, end, is_done, err);
}

/* Adds the words of the line text[from, to) until a code point that
 * px_words_fast_line would refuse: then *is_fast is false and the words
 * of the line so far are taken back (only a count gets there; a split
 * is given lines px_words_fast_line took). One loop for both keeps
 * word_end inlined. A Chinese count also takes ideograph runs. */
static px_status
split_line(split *sp, size_t from, size_t to, bool *is_fast, px_error *err)
{
    const unsigned char *p = (const unsigned char *)sp->text.ptr;
    const size_t n0 = sp->w->n;
    const bool han_ok = sp->count_only && sp->is_chinese;
    size_t i = from;
    *is_fast = true;
    while (i < to) {
        const size_t start = i;
        const uint8_t c = next_class(p, &i, to);
        if (c <= WB_HAN) { /* WB_SLOW or WB_HAN: one test in the loop */
            bool is_done = false;
            if (c == WB_HAN && han_ok) {
                i = start;
                const px_status rc = count_han(sp, from, &i, to, &is_done, err);
                if (rc != PX_OK) {
                    return rc;
                }
            }
            if (!is_done) {
                sp->w->n = n0;
                *is_fast = false;
                return PX_OK;
            }
            continue;
        }
        if (c == WB_HANGUL) {
            bool has_mark = false;
            i = hangul_end(p, i, to, &has_mark);
            if (has_mark) { /* only a count gets here: ICU takes it */
                sp->w->n = n0;
                *is_fast = false;
                return PX_OK;
            }
        } else if (is_wordish(c)) {
            bool is_slow = false;
            i = word_end(p, i, to, c, &is_slow);
            if (is_slow) { /* only a count gets here: ICU takes it */
                sp->w->n = n0;
                *is_fast = false;
                return PX_OK;
            }
        } else {
            continue;
        }
        const px_status rc = add_word(sp, start, i, err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    return PX_OK;
}

px_status
px_words_fast_split(split *sp, size_t from, size_t to, px_error *err)
{
    bool is_fast = true;
    return split_line(sp, from, to, &is_fast, err);
}

px_status
px_words_fast_count(split *sp, size_t from, size_t to, bool *is_fast,
                    px_error *err)
{
    return split_line(sp, from, to, is_fast, err);
}
