/* fuzz_reader.c - libFuzzer target: arbitrary bytes as a file given to the
 * reader (format sniffing, WARC, JSON Lines, single pages), every record
 * extracted. Exercises the dispatch between readers. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/px_fuzz_reader_%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return 0;
    }
    fwrite(data, 1, size, f);
    fclose(f);
    const char *paths[] = {path};
    px_reader *r = NULL;
    if (px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, NULL) == PX_OK) {
        for (int i = 0; i < 1000; i++) {
            const px_record *rec = NULL;
            const px_status st = px_reader_next(r, &rec, NULL);
            if (st == PX_OK && rec == NULL) {
                break;
            }
            px_article *a = NULL;
            if (st == PX_OK && px_extract(rec, &a, NULL) == PX_OK) {
                px_article_free(a);
            }
        }
    }
    px_reader_close(r);
    unlink(path);
    return 0;
}
