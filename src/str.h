/* str.h - borrowed UTF-8 slices (px_str) and a growable byte builder
 * (px_buf) with a sticky error, in the manner of SQLite's sqlite3_str.
 *
 * A px_str is never NUL-terminated by contract. A px_buf keeps its bytes
 * NUL-terminated for convenience; once an allocation failed every append is
 * a no-op and px_buf_failed reports it.
 */
#ifndef PX_STR_H
#define PX_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct px_str {
    const char *ptr;
    size_t len;
} px_str;

#define PX_STR_LIT(s) ((px_str){(s), sizeof(s) - 1})

px_str px_str_c(const char *s); /* from a NUL-terminated string */
bool px_str_eq(px_str a, px_str b);
bool px_str_eq_c(px_str a, const char *s);
/* ASCII-only case-insensitive comparisons (for tags, headers, charsets). */
bool px_str_ieq_c(px_str a, const char *s);
bool px_str_istarts_c(px_str a, const char *prefix);
/* s without leading and trailing ASCII and Unicode white space. */
px_str px_str_trim(px_str s);
/* First occurrence of needle in s (byte-wise), or NULL. */
const char *px_str_find(px_str s, const char *needle, size_t needle_len);

/* Code points in UTF-8 s: its bytes that are not continuation bytes. */
static inline size_t
px_str_cp_count(px_str s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        n += ((unsigned char)s.ptr[i] & 0xC0u) != 0x80u;
    }
    return n;
}

/* The code point of the CJK unified ideograph at p[i] (i < len; U+3400..
 * U+4DBF or U+4E00..U+9FFF, three bytes each), else 0. */
static inline unsigned
px_unified_han_at(const unsigned char *p, size_t i, size_t len)
{
    if (p[i] < 0xE3 || p[i] > 0xE9 || i + 2 >= len ||
        (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) {
        return 0;
    }
    const unsigned c =
        ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    return (c >= 0x3400 && c <= 0x4DBF) || c >= 0x4E00 ? c : 0;
}

/* Byte classes for scanners of markup and ASCII words: px_ascii_class[c]
 * has PX_ASCII_ALPHA for an ASCII letter, PX_ASCII_DIGIT for a digit and
 * PX_ASCII_NAME for a byte of an HTML name as the scanners take one
 * (letters, digits, ':', '-', '_', '.'); 0 for any other byte, every byte
 * >= 0x80 included. */
enum { PX_ASCII_ALPHA = 1u, PX_ASCII_DIGIT = 2u, PX_ASCII_NAME = 4u };
extern const unsigned char px_ascii_class[256];

/* The value of c as a digit of base 16 (hex: 0-9, a-f, A-F) or 10, or
 * -1. */
static inline int
px_ascii_digit(unsigned char c, bool hex)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const unsigned char l = c | 0x20u;
    return hex && l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
}

/* c with an ASCII capital lower-cased; any other byte as it is. */
static inline unsigned char
px_ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* The 8 bytes of x with ASCII capitals lower-cased: a byte is a capital
 * if its low seven bits are in 'A'..'Z' and its high bit is clear; adding
 * to the low seven bits never carries into the next byte. */
static inline uint64_t
px_ascii_lower8(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    const uint64_t high = ones * 0x80;
    const uint64_t low7 = x & ~high;
    const uint64_t ge_a = low7 + ones * (0x80 - 'A'); /* high bit: >= 'A' */
    const uint64_t gt_z = low7 + ones * (0x7F - 'Z'); /* high bit: > 'Z' */
    const uint64_t upper = ge_a & ~gt_z & ~x & high;
    return x | (upper >> 2); /* 0x80 >> 2 is 0x20 */
}

/* Copies n bytes from src to dst with ASCII letters lower-cased (eight
 * bytes at a time); other bytes, NUL and >= 0x80 included, as they are. */
void px_ascii_lower_copy(char *dst, const char *src, size_t n);

/* The slot of the address p in a table of 2^bits slots (1 <= bits <= 63):
 * the top bits of a Fibonacci hash of the whole address, for caches keyed
 * by the parser's dictionary strings, which lie a few bytes apart. */
static inline size_t
px_addr_slot(const void *p, unsigned bits)
{
    return (size_t)(((uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15)) >>
                    (64 - bits));
}

/* h mixed with the len bytes at p, for cache slots: the length and three
 * 8-byte words (start, middle, end) of a string of 8 bytes or more rather
 * than every byte, whose multiply chain costs more than the rare
 * collision does. Not for anything that must tell strings apart. */
uint64_t px_hash_sparse(uint64_t h, const void *p, size_t len);

typedef struct px_buf {
    char *ptr;
    size_t len;
    size_t cap;
    bool failed;
} px_buf;

void px_buf_init(px_buf *b);
void px_buf_fini(px_buf *b); /* frees the bytes; b is empty again */
/* Makes room for n more bytes; false (and failed) on OOM. */
bool px_buf_reserve(px_buf *b, size_t n);
void px_buf_add(px_buf *b, const void *p, size_t n);
void px_buf_add_c(px_buf *b, const char *s);
void px_buf_add_str(px_buf *b, px_str s);
void px_buf_add_byte(px_buf *b, char c);
void px_buf_printf(px_buf *b, const char *fmt, ...) PX_PRINTF(2, 3);
/* Appends s as a JSON string literal, quotes included; invalid UTF-8 bytes
 * become U+FFFD so the output is always valid JSON. */
void px_buf_add_json_str(px_buf *b, px_str s);
/* Appends the member ,"key":"v" to a JSON object under way, with null for
 * a NULL or empty v. */
void px_buf_add_json_opt(px_buf *b, const char *key, const char *v);
bool px_buf_failed(const px_buf *b);
/* Hands the bytes to the caller (owned, free with px_free) and empties b.
 * Returns NULL if b failed. */
char *px_buf_take(px_buf *b, size_t *len);

#endif /* PX_STR_H */
