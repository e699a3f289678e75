/* fuzz_textdump.c - libFuzzer target: arbitrary bytes into the text-dump
 * sniffer and extractor. The article's paragraphs must lie inside its text
 * and its date, when set, must be valid. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "parallax.h"
#include "pubdate.h"
#include "str.h"
#include "textdump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)px_textdump_sniff(data, size);
    px_article *a = px_article_new();
    if (a == NULL) {
        return 0;
    }
    px_error err = {0};
    const px_status rc =
        px_textdump_extract((px_str){(const char *)data, size}, a, &err);
    if (rc == PX_OK) {
        for (size_t i = 0; i < a->n_paras; i++) {
            if (a->paras[i].off + a->paras[i].len > a->text_len) {
                abort();
            }
        }
        if (a->published.prec != PX_PREC_NONE &&
            !px_pubdate_valid(&a->published)) {
            abort();
        }
    }
    px_article_free(a);
    return 0;
}
