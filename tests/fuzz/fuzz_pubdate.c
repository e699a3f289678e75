/* fuzz_pubdate.c - libFuzzer target: arbitrary bytes into the date finder,
 * the whole-string parser and the URL reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parallax.h"
#include "pubdate.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const px_str s = {(const char *)data, size};
    px_date d;
    size_t off = 0;
    size_t len = 0;
    if (px_pubdate_find(s, &d, &off, &len)) {
        if (off + len > size || !px_pubdate_valid(&d)) {
            abort();
        }
    }
    if (px_pubdate_parse(s, &d) && !px_pubdate_valid(&d)) {
        abort();
    }
    char *z = px_strndup((const char *)data, size);
    if (z != NULL) {
        if (px_pubdate_from_url(z, &d) && !px_pubdate_valid(&d)) {
            abort();
        }
        px_free(z);
    }
    return 0;
}
