/* translit.c - transliteration keys (translit.h): Arabic clean-up on code
 * points, ICU `Any-Latin; Latin-ASCII` on UTF-16, then the consonant
 * skeleton on the ASCII result.
 */
#include "translit.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

struct px_translit {
    UTransliterator *icu;
};

px_translit *
px_translit_new(px_error *err)
{
    static const UChar id[] = {'A', 'n', 'y', '-', 'L', 'a', 't', 'i',
                               'n', ';', ' ', 'L', 'a', 't', 'i', 'n',
                               '-', 'A', 'S', 'C', 'I', 'I', 0};
    px_translit *tr = calloc(1, sizeof *tr);
    if (tr == NULL) {
        px_fail(err, PX_ENOMEM, "translit: out of memory");
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    tr->icu = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) {
        px_fail(err, PX_EINVAL, "translit: ICU Any-Latin: %s", u_errorName(st));
        free(tr);
        return NULL;
    }
    return tr;
}

void
px_translit_free(px_translit *tr)
{
    if (tr != NULL) {
        utrans_close(tr->icu);
        free(tr);
    }
}

/* Copies s into UTF-16 (dst, room for s.len units), leaving out the
 * article ال at the start of a word when three or more letters follow, ة
 * and the ayn/hamza modifier letters. Returns the length written. */
static int32_t
to_utf16_clean(px_str s, UChar *dst)
{
    const uint8_t *p = (const uint8_t *)s.ptr;
    const int32_t n = (int32_t)s.len;
    int32_t i = 0;
    int32_t out = 0;
    bool word_start = true;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (word_start && c == 0x0627 && i + 1 < n) {
            int32_t j = i;
            UChar32 d = 0;
            U8_NEXT(p, j, n, d);
            /* ال + at least three letters: the article, not a root */
            if (d == 0x0644 && n - j >= 6) {
                i = j;
                word_start = false;
                continue;
            }
        }
        word_start = c < 0 || !u_isalpha(c);
        if (c < 0 || c == 0x0629 || c == 0x02BF || c == 0x02BE) {
            continue;
        }
        bool err = false;
        U16_APPEND(dst, out, (int32_t)s.len, c, err);
        if (err) {
            break;
        }
    }
    return out;
}

static bool
is_az(UChar c)
{
    return c >= 'a' && c <= 'z';
}

static UChar
lower_ascii(UChar c)
{
    return c >= 'A' && c <= 'Z' ? (UChar)(c + ('a' - 'A')) : c;
}

/* The class of the letter at u[i] (reading a digraph when there is one),
 * 0 for a dropped letter; *used is how many units it took. */
static char
letter_class(const UChar *u, int32_t i, int32_t n, int32_t *used)
{
    const UChar c = lower_ascii(u[i]);
    const UChar d = i + 1 < n ? lower_ascii(u[i + 1]) : 0;
    *used = 1;
    if (d == 'h' && strchr("kgscdtz", c) != NULL) {
        *used = 2;
        return c == 'k' || c == 'g' ? 'K' : 'S';
    }
    if (c == 'n' && d == 'g' && (i + 2 >= n || !is_az(lower_ascii(u[i + 2])))) {
        *used = 2;
        return 'M';
    }
    static const char from[] = "pbfvtdkgqcjszxlrmn";
    static const char to[] = "PPFFTTKKKKKSSSLLMM";
    const char *hit = strchr(from, (int)c);
    if (hit == NULL || c == 0) {
        return 0;
    }
    return to[hit - from];
}

static void
skeleton(const UChar *u, int32_t n, px_buf *out)
{
    char last = 0;
    int32_t i = 0;
    while (i < n) {
        if (!is_az(lower_ascii(u[i]))) {
            i++;
            continue;
        }
        int32_t used = 1;
        const char k = letter_class(u, i, n, &used);
        if (k != 0 && k != last) {
            px_buf_add_byte(out, k);
            last = k;
        }
        i += used;
    }
}

px_status
px_translit_key(px_translit *tr, px_str name, px_buf *out, px_error *err)
{
    out->len = 0;
    if (out->ptr != NULL) {
        out->ptr[0] = '\0';
    }
    /* Han syllables grow to about six letters each: leave room. */
    const size_t cap = name.len * 8 + 16;
    UChar *u = malloc(cap * sizeof *u);
    if (u == NULL) {
        return px_fail(err, PX_ENOMEM, "translit: out of memory");
    }
    int32_t len = to_utf16_clean(name, u);
    int32_t limit = len;
    UErrorCode st = U_ZERO_ERROR;
    utrans_transUChars(tr->icu, u, &len, (int32_t)cap, 0, &limit, &st);
    px_status rc = PX_OK;
    if (U_FAILURE(st)) {
        rc = px_fail(err, PX_EINVAL, "translit: ICU: %s", u_errorName(st));
    } else {
        skeleton(u, len < (int32_t)cap ? len : (int32_t)cap, out);
        px_buf_add(out, "", 0);
        if (px_buf_failed(out)) {
            rc = px_fail(err, PX_ENOMEM, "translit: out of memory");
        }
    }
    free(u);
    return rc;
}

size_t
px_translit_distance(px_str a, px_str b)
{
    enum { MAXK = 64 };
    const size_t na = a.len < MAXK ? a.len : MAXK;
    const size_t nb = b.len < MAXK ? b.len : MAXK;
    size_t prev[MAXK + 1];
    size_t cur[MAXK + 1];
    for (size_t j = 0; j <= nb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            const size_t sub = prev[j - 1] + (a.ptr[i - 1] != b.ptr[j - 1]);
            const size_t del = prev[j] + 1;
            const size_t ins = cur[j - 1] + 1;
            size_t m = sub < del ? sub : del;
            cur[j] = m < ins ? m : ins;
        }
        memcpy(prev, cur, (nb + 1) * sizeof prev[0]);
    }
    return prev[nb];
}
