/* fuzz_text.c - libFuzzer target: arbitrary bytes as a plain-text page dump
 * through the whole extraction (charset, line classifier, metadata, JSON). */
#include <stddef.h>
#include <stdint.h>

#include "parallax.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct px_record rec = {0};
    rec.source = "fuzz";
    rec.kind = PX_FORMAT_TEXT;
    rec.data = data;
    rec.len = size;
    rec.url = "http://fuzz.test/2026/01/06/page";
    px_article *a = NULL;
    if (px_extract(&rec, &a, NULL) == PX_OK) {
        char *json = NULL;
        size_t len = 0;
        px_article_json(a, &json, &len, NULL);
        px_free(json);
    }
    px_article_free(a);
    return 0;
}
