/* fuzz_charset.c - px_charset_decode on arbitrary bytes, as HTML and not,
 * with and without a declared label taken from the first input byte; the
 * output must be valid UTF-8 without NUL, and px_utf8_clean must give the
 * same text back when run on it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "arena.h"
#include "charset.h"
#include "error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_utf8(px_str s)
{
    int32_t i = 0;
    const int32_t n = (int32_t)s.len;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.ptr, i, n, c);
        if (c <= 0) {
            abort(); /* ill-formed or NUL */
        }
    }
    if (s.ptr[s.len] != '\0') {
        abort();
    }
}

static void
run(const uint8_t *data, size_t size, const char *declared, bool is_html)
{
    px_arena *a = px_arena_new();
    if (a == NULL) {
        return;
    }
    px_decoded d;
    px_error err = {0};
    if (px_charset_decode(a, data, size, declared, is_html, &d, &err) ==
        PX_OK) {
        check_utf8(d.text);
        px_str again;
        if (px_utf8_clean(a, d.text.ptr, d.text.len, &again, &err) != PX_OK ||
            again.len != d.text.len ||
            memcmp(again.ptr, d.text.ptr, again.len) != 0) {
            abort(); /* clean output is a fixed point */
        }
    }
    px_arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const labels[] = {
        NULL,          "utf-8",  "gbk",     "big5",           "shift_jis",
        "euc-jp",      "euc-kr", "koi8-r",  "windows-1256",   "iso-8859-1",
        "iso-2022-jp", "utf-16", "gb18030", "x-mac-cyrillic", "bogus"};
    const char *declared = NULL;
    if (size > 0) {
        declared = labels[data[0] % (sizeof labels / sizeof labels[0])];
    }
    run(data, size, NULL, true);
    run(data, size, NULL, false);
    if (size > 1 && declared != NULL) {
        run(data + 1, size - 1, declared, true);
    }
    px_arena *a = px_arena_new();
    px_str out;
    if (a != NULL &&
        px_utf8_clean(a, (const char *)data, size, &out, NULL) == PX_OK) {
        check_utf8(out);
    }
    px_arena_free(a);
    return 0;
}
