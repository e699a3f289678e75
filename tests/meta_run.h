/* meta_run.h - what test_meta.c and test_meta_dates.c share: running
 * px_meta_extract over a page written for the test and reading back the
 * publication date and the signals it left. */
#ifndef PX_TEST_META_RUN_H
#define PX_TEST_META_RUN_H

#include <stdbool.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "check.h"
#include "meta.h"

typedef struct run {
    px_article *a;
    char date[32];
} run;

static inline bool
has_signal(const px_article *a, const char *sig)
{
    for (size_t i = 0; i < a->n_signals; i++) {
        if (strncmp(a->signals[i], sig, strlen(sig)) == 0) {
            return true;
        }
    }
    return false;
}

/* Parses html (url may be NULL), runs px_meta_extract with url and formats
 * the publication date into r->date; done() frees r->a. */
static inline void
extract(run *r, const char *html, const char *url)
{
    r->a = px_article_new();
    htmlDocPtr doc =
        htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                           HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    px_error err = {0};
    CHECK(px_meta_extract(doc, url, r->a, &err) == PX_OK);
    px_date_format(&r->a->published, r->date);
    xmlFreeDoc(doc);
}

static inline void
done(run *r)
{
    px_article_free(r->a);
    r->a = NULL;
}

#endif /* PX_TEST_META_RUN_H */
