/* str.c - px_str helpers and the px_buf builder. */
#include "str.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "arena.h"

#define PX_AL (PX_ASCII_ALPHA | PX_ASCII_NAME)
#define PX_DG (PX_ASCII_DIGIT | PX_ASCII_NAME)
const unsigned char px_ascii_class[256] = {
    ['a'] = PX_AL,         ['b'] = PX_AL,         ['c'] = PX_AL,
    ['d'] = PX_AL,         ['e'] = PX_AL,         ['f'] = PX_AL,
    ['g'] = PX_AL,         ['h'] = PX_AL,         ['i'] = PX_AL,
    ['j'] = PX_AL,         ['k'] = PX_AL,         ['l'] = PX_AL,
    ['m'] = PX_AL,         ['n'] = PX_AL,         ['o'] = PX_AL,
    ['p'] = PX_AL,         ['q'] = PX_AL,         ['r'] = PX_AL,
    ['s'] = PX_AL,         ['t'] = PX_AL,         ['u'] = PX_AL,
    ['v'] = PX_AL,         ['w'] = PX_AL,         ['x'] = PX_AL,
    ['y'] = PX_AL,         ['z'] = PX_AL,         ['A'] = PX_AL,
    ['B'] = PX_AL,         ['C'] = PX_AL,         ['D'] = PX_AL,
    ['E'] = PX_AL,         ['F'] = PX_AL,         ['G'] = PX_AL,
    ['H'] = PX_AL,         ['I'] = PX_AL,         ['J'] = PX_AL,
    ['K'] = PX_AL,         ['L'] = PX_AL,         ['M'] = PX_AL,
    ['N'] = PX_AL,         ['O'] = PX_AL,         ['P'] = PX_AL,
    ['Q'] = PX_AL,         ['R'] = PX_AL,         ['S'] = PX_AL,
    ['T'] = PX_AL,         ['U'] = PX_AL,         ['V'] = PX_AL,
    ['W'] = PX_AL,         ['X'] = PX_AL,         ['Y'] = PX_AL,
    ['Z'] = PX_AL,         ['0'] = PX_DG,         ['1'] = PX_DG,
    ['2'] = PX_DG,         ['3'] = PX_DG,         ['4'] = PX_DG,
    ['5'] = PX_DG,         ['6'] = PX_DG,         ['7'] = PX_DG,
    ['8'] = PX_DG,         ['9'] = PX_DG,         [':'] = PX_ASCII_NAME,
    ['-'] = PX_ASCII_NAME, ['_'] = PX_ASCII_NAME, ['.'] = PX_ASCII_NAME};
#undef PX_AL
#undef PX_DG

px_str
px_str_c(const char *s)
{
    return (px_str){s, s == NULL ? 0 : strlen(s)};
}

bool
px_str_eq(px_str a, px_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool
px_str_eq_c(px_str a, const char *s)
{
    return px_str_eq(a, px_str_c(s));
}

static unsigned char
ascii_lower(char c)
{
    const unsigned char u = (unsigned char)c;
    return (u >= 'A' && u <= 'Z') ? (unsigned char)(u | 0x20) : u;
}

bool
px_str_ieq_c(px_str a, const char *s)
{
    const size_t n = strlen(s);
    if (a.len != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (ascii_lower(a.ptr[i]) != ascii_lower(s[i])) {
            return false;
        }
    }
    return true;
}

bool
px_str_istarts_c(px_str a, const char *prefix)
{
    for (size_t i = 0; prefix[i] != '\0'; i++) {
        if (i >= a.len || ascii_lower(a.ptr[i]) != ascii_lower(prefix[i])) {
            return false;
        }
    }
    return true;
}

static bool
is_space_at(const char *p, size_t len, size_t i, size_t *next)
{
    UChar32 cp;
    size_t j = i;
    U8_NEXT(p, j, len, cp);
    *next = j;
    return cp >= 0 && (u_isUWhiteSpace(cp) || cp == 0xFEFF || cp == 0x200B);
}

px_str
px_str_trim(px_str s)
{
    if (s.len == 0) {
        return (px_str){s.ptr != NULL ? s.ptr : "", 0};
    }
    size_t b = 0;
    size_t next = 0;
    while (b < s.len && is_space_at(s.ptr, s.len, b, &next)) {
        b = next;
    }
    size_t e = s.len;
    while (e > b) {
        size_t start = e - 1;
        while (start > b && ((unsigned char)s.ptr[start] & 0xC0) == 0x80) {
            start--;
        }
        if (!is_space_at(s.ptr, e, start, &next)) {
            break;
        }
        e = start;
    }
    return (px_str){s.ptr + b, e - b};
}

const char *
px_str_find(px_str s, const char *needle, size_t needle_len)
{
    if (needle_len == 0 || needle_len > s.len) {
        return needle_len == 0 ? s.ptr : NULL;
    }
    const char *end = s.ptr + s.len - needle_len;
    for (const char *p = s.ptr; p <= end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) + 1);
        if (p == NULL) {
            return NULL;
        }
        if (memcmp(p, needle, needle_len) == 0) {
            return p;
        }
    }
    return NULL;
}

void
px_buf_init(px_buf *b)
{
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = false;
}

void
px_ascii_lower_copy(char *dst, const char *src, size_t n)
{
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, src + i, 8);
        x = px_ascii_lower8(x);
        memcpy(dst + i, &x, 8);
    }
    for (; i < n; i++) {
        dst[i] = (char)px_ascii_lower((unsigned char)src[i]);
    }
}

void
px_buf_fini(px_buf *b)
{
    free(b->ptr);
    px_buf_init(b);
}

bool
px_buf_reserve(px_buf *b, size_t n)
{
    if (b->failed) {
        return false;
    }
    if (n < b->cap - b->len || (b->cap > 0 && n == 0)) {
        return true;
    }
    size_t cap = b->cap == 0 ? 256 : b->cap;
    while (cap - b->len <= n) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = px_realloc(b->ptr, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->ptr = p;
    b->cap = cap;
    return true;
}

void
px_buf_add(px_buf *b, const void *p, size_t n)
{
    /* px_buf_reserve's first test inline: there is room for n and a NUL */
    if ((b->failed || n >= b->cap - b->len) && !px_buf_reserve(b, n)) {
        return;
    }
    if (n > 0) {
        memcpy(b->ptr + b->len, p, n);
    }
    b->len += n;
    b->ptr[b->len] = '\0';
}

void
px_buf_add_c(px_buf *b, const char *s)
{
    px_buf_add(b, s, strlen(s));
}

void
px_buf_add_str(px_buf *b, px_str s)
{
    px_buf_add(b, s.ptr, s.len);
}

void
px_buf_add_byte(px_buf *b, char c)
{
    if (!b->failed && b->cap - b->len > 1) { /* room for c and a NUL */
        b->ptr[b->len++] = c;
        b->ptr[b->len] = '\0';
        return;
    }
    px_buf_add(b, &c, 1);
}

void
px_buf_printf(px_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !px_buf_reserve(b, (size_t)n)) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void
add_json_escape(px_buf *b, unsigned char c)
{
    switch (c) {
    case '"':
        px_buf_add(b, "\\\"", 2);
        break;
    case '\\':
        px_buf_add(b, "\\\\", 2);
        break;
    case '\n':
        px_buf_add(b, "\\n", 2);
        break;
    case '\r':
        px_buf_add(b, "\\r", 2);
        break;
    case '\t':
        px_buf_add(b, "\\t", 2);
        break;
    default:
        px_buf_printf(b, "\\u%04x", c);
        break;
    }
}

void
px_buf_add_json_str(px_buf *b, px_str s)
{
    px_buf_add_byte(b, '"');
    size_t i = 0;
    while (i < s.len) {
        const size_t start = i;
        const unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c == '"' || c == '\\') {
            add_json_escape(b, c);
            i++;
            continue;
        }
        if (c < 0x80) {
            size_t j = i + 1;
            while (j < s.len && (unsigned char)s.ptr[j] >= 0x20 &&
                   (unsigned char)s.ptr[j] < 0x80 && s.ptr[j] != '"' &&
                   s.ptr[j] != '\\') {
                j++;
            }
            px_buf_add(b, s.ptr + i, j - i);
            i = j;
            continue;
        }
        UChar32 cp;
        U8_NEXT(s.ptr, i, s.len, cp);
        if (cp < 0) {
            px_buf_add(b, "\xEF\xBF\xBD", 3);
        } else if (cp == 0x2028 || cp == 0x2029) {
            px_buf_printf(b, "\\u%04x", (unsigned)cp);
        } else {
            px_buf_add(b, s.ptr + start, i - start);
        }
    }
    px_buf_add_byte(b, '"');
}

bool
px_buf_failed(const px_buf *b)
{
    return b->failed;
}

char *
px_buf_take(px_buf *b, size_t *len)
{
    if (b->failed) {
        px_buf_fini(b);
        return NULL;
    }
    if (b->ptr == NULL && !px_buf_reserve(b, 1)) {
        return NULL;
    }
    char *p = b->ptr;
    if (p == NULL) {
        return NULL;
    }
    p[b->len] = '\0';
    if (len != NULL) {
        *len = b->len;
    }
    px_buf_init(b);
    return p;
}

void
px_buf_add_json_opt(px_buf *b, const char *key, const char *v)
{
    px_buf_printf(b, ",\"%s\":", key);
    if (v != NULL && v[0] != '\0') {
        px_buf_add_json_str(b, px_str_c(v));
    } else {
        px_buf_add_c(b, "null");
    }
}

uint64_t
px_hash_sparse(uint64_t h, const void *p, size_t len)
{
    const unsigned char *v = p;
    h = (h ^ len) * 0x9E3779B97F4A7C15u;
    if (len < 8) {
        for (size_t i = 0; i < len; i++) {
            h = (h ^ v[i]) * 0x100000001B3u;
        }
        return h;
    }
    uint64_t w[3];
    memcpy(&w[0], v, 8);
    memcpy(&w[1], v + len / 2 - 4, 8);
    memcpy(&w[2], v + len - 8, 8);
    for (size_t i = 0; i < 3; i++) {
        h = (h ^ w[i]) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 29;
    }
    return h;
}
