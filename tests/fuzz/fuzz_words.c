/* fuzz_words.c - libFuzzer target: arbitrary bytes into the word splitter
 * (no lexicon) in English, Arabic and traditional Chinese; every unit must
 * lie inside the input, after the previous one, with its clitics inside
 * it and a key. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "str.h"
#include "words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static px_words *splitter;

static void
run(const uint8_t *data, size_t size, const char *lang)
{
    px_arena *a = px_arena_new();
    if (a == NULL) {
        return;
    }
    px_word *v = NULL;
    size_t n = 0;
    const px_str s = {(const char *)data, size};
    if (px_words_split(splitter, s, lang, a, &v, &n, NULL) == PX_OK) {
        size_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            const px_word *w = &v[i];
            if (w->off < prev || w->len == 0 || w->off + w->len > size ||
                w->clitic_len >= w->len || w->key.len == 0 ||
                w->full_key.len < w->key.len) {
                abort();
            }
            prev = w->off + w->len;
        }
    }
    px_arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (splitter == NULL && px_words_new(NULL, &splitter, NULL) != PX_OK) {
        return 0;
    }
    run(data, size, "eng");
    run(data, size, "arb");
    run(data, size, "zho-Hant");
    return 0;
}
