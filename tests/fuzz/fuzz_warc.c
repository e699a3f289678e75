/* fuzz_warc.c - libFuzzer target for the WARC reader and HTTP decoding:
 * bytes go through a memory stream into px_warc_next until the archive is
 * done (bounded, since every call consumes input or ends it). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "stream.h"
#include "warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_stream *s = NULL;
    px_warc *w = NULL;
    if (px_stream_open_mem(data, size, &s, NULL) != PX_OK ||
        px_warc_new(s, &w, NULL) != PX_OK) {
        px_stream_close(s);
        return 0;
    }
    bool done = false;
    size_t sum = 0;
    for (size_t i = 0; i < size + 2 && !done; i++) {
        px_warc_record rec;
        px_error err = {0};
        if (px_warc_next(w, &rec, &done, &err) == PX_OK && !done) {
            /* touch every byte handed out so ASan checks the bounds */
            for (size_t j = 0; j < rec.body_len; j++) {
                sum += rec.body[j];
            }
            sum += rec.url != NULL ? strlen(rec.url) : 0;
            sum += rec.date != NULL ? strlen(rec.date) : 0;
            sum += rec.mime != NULL ? strlen(rec.mime) : 0;
            sum += rec.charset != NULL ? strlen(rec.charset) : 0;
        } else if (!done && err.msg[0] == '\0') {
            __builtin_trap(); /* a failure must say why */
        }
    }
    if (!done) {
        __builtin_trap(); /* the reader must end within size + 2 calls */
    }
    (void)px_warc_sniff(data, size);
    px_warc_free(w);
    px_stream_close(s);
    return (int)(sum & 0);
}
