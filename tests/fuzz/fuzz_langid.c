/* fuzz_langid.c - libFuzzer target: arbitrary bytes through language and
 * script identification (CLD2 and the script scan), with the default
 * bounds and with tiny samples so the sampling cuts are exercised. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "langid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_result(const px_langid_result *r)
{
    /* Codes are NUL-terminated and the shares add up. */
    int total = r->percent;
    for (size_t i = 0; i < r->n_other; i++) {
        total += r->other[i].percent;
    }
    if (memchr(r->lang, '\0', sizeof r->lang) == NULL ||
        memchr(r->script, '\0', sizeof r->script) == NULL ||
        r->n_other > PX_LANGID_MAX_OTHER || r->confidence < 0.0 ||
        r->confidence > 1.0 || total > 100 + PX_LANGID_MAX_OTHER) {
        __builtin_trap();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const px_str text = {(const char *)data, size};
    px_langid_result r;
    if (px_langid_detect(text, &r, NULL) == PX_OK) {
        check_result(&r);
    }
    static const px_langid_opts tiny = {16, 8, true, 0};
    if (px_langid_detect_opts(text, &tiny, &r, NULL) == PX_OK) {
        check_result(&r);
    }
    return 0;
}
