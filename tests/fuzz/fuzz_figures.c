/* fuzz_figures.c - libFuzzer target: arbitrary bytes into the figures
 * finder, in three locales; every span must lie inside the input and inside
 * its sentence. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "figures.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
run(const uint8_t *data, size_t size, const char *lang)
{
    px_arena *a = px_arena_new();
    if (a == NULL) {
        return;
    }
    px_figure *v = NULL;
    size_t n = 0;
    const px_str s = {(const char *)data, size};
    if (px_figures_find(s, lang, &v, &n, a, NULL) == PX_OK) {
        size_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            const px_figure *f = &v[i];
            if (f->off < prev || f->off + f->len > size ||
                f->unit_off + f->unit_len > size || f->sent_off > f->off ||
                f->sent_off + f->sent_len < f->off + f->len ||
                f->sent_off + f->sent_len > size || f->high < f->value) {
                abort();
            }
            prev = f->off + f->len;
        }
    }
    px_arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run(data, size, NULL);
    run(data, size, "deu");
    run(data, size, "arb");
    return 0;
}
