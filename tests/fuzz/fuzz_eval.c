/* fuzz_eval.c - the benchmark metrics on arbitrary bytes: the input is split
 * at its first NUL (or in half) into a gold and a predicted text, which may
 * hold invalid UTF-8. Every metric must finish with scores in [0, 1]. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_range(const px_prf *r)
{
    if (!(r->p >= 0 && r->p <= 1 && r->r >= 0 && r->r <= 1 && r->f1 >= 0 &&
          r->f1 <= 1)) {
        abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *cut = memchr(s, '\0', size);
    const size_t n = cut != NULL ? (size_t)(cut - s) : size / 2;
    const size_t rest = cut != NULL ? n + 1 : n;
    const px_str gold = {s, n};
    const px_str pred = {s + rest, size - rest};
    const px_eval_segs segs = {&gold, 1, &pred, 1};
    px_prf r;
    if (px_eval_shingle_score(&gold, &pred, 1, &r, NULL) == PX_OK) {
        check_range(&r);
    }
    if (px_eval_bow_score(&gold, &pred, 1, &r, NULL) == PX_OK) {
        check_range(&r);
    }
    if (px_eval_cjk_score(&gold, &pred, 1, &r, NULL) == PX_OK) {
        check_range(&r);
    }
    if (px_eval_segment_score(&segs, &pred, 1, &r, NULL) == PX_OK) {
        check_range(&r);
    }
    return 0;
}
