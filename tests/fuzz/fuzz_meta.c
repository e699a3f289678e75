/* fuzz_meta.c - libFuzzer target: arbitrary bytes parsed as HTML, then
 * metadata extraction and the date-from-text fallback. */
#include <stdint.h>
#include <stdlib.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "meta.h"
#include "parallax.h"
#include "pubdate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20) {
        return 0;
    }
    htmlDocPtr doc =
        htmlReadMemory((const char *)data, (int)size,
                       "https://fuzz.example/2026/01/06/x", "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                           HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    px_article *a = px_article_new();
    if (doc != NULL && a != NULL) {
        px_error err = {0};
        (void)px_meta_extract(doc, NULL, a, &err);
        if (a->published.prec != PX_PREC_NONE &&
            !px_pubdate_valid(&a->published)) {
            abort();
        }
        const px_para_in p[] = {
            {{(const char *)data, size < 300 ? size : 300}, PX_PARA_TEXT}};
        if (px_article_set_paras(a, p, 1, NULL) == PX_OK) {
            a->published.prec = PX_PREC_NONE;
            px_meta_date_from_text(a);
        }
    }
    px_article_free(a);
    xmlFreeDoc(doc);
    return 0;
}
