/* fuzz_jsonl.c - px_jsonl_next over arbitrary bytes until done; every
 * record must have a body, and px_jsonl_sniff must not crash. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "error.h"
#include "jsonl.h"
#include "stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)px_jsonl_sniff(data, size);
    px_stream *s = NULL;
    px_jsonl *j = NULL;
    px_error err = {0};
    if (px_stream_open_mem(data, size, &s, &err) != PX_OK ||
        px_jsonl_new(s, &j, &err) != PX_OK) {
        px_stream_close(s);
        return 0;
    }
    bool done = false;
    size_t last_line = 0;
    for (size_t n = 0; !done && n <= size + 1; n++) {
        px_jsonl_record rec;
        px_error_clear(&err);
        if (px_jsonl_next(j, &rec, &done, &err) == PX_OK && !done) {
            if (rec.body == NULL || rec.line_no <= last_line) {
                abort();
            }
            last_line = rec.line_no;
        }
    }
    if (!done) {
        abort(); /* more calls than lines: no progress */
    }
    px_jsonl_free(j);
    px_stream_close(s);
    return 0;
}
