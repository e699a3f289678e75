/* test_sample.c - the bundled sample corpus (data/sample) read and
 * extracted end to end against its truth (data/truth/sample.json): every
 * page is found, in its format, with its title, author and publication day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "article.h"
#include "check.h"
#include "parallax.h"

static const char *
src_dir(void)
{
    const char *s = getenv("PX_SOURCE_DIR");
    return s != NULL ? s : "..";
}

/* The truth entry for a record source id (path ending in name or name#N). */
static json_t *
truth_for(json_t *pages, const char *source)
{
    const char *base = strrchr(source, '/');
    base = base != NULL ? base + 1 : source;
    size_t i;
    json_t *p;
    json_array_foreach(pages, i, p)
    {
        char want[256];
        const json_int_t rec =
            json_integer_value(json_object_get(p, "warc_record")) +
            json_integer_value(json_object_get(p, "line"));
        const char *name = json_string_value(json_object_get(p, "source"));
        if (rec > 0) {
            snprintf(want, sizeof want, "%s#%lld", name, (long long)rec);
        } else {
            snprintf(want, sizeof want, "%s", name);
        }
        if (strcmp(want, base) == 0) {
            return p;
        }
    }
    return NULL;
}

/* Copies s with U+3000 (ideographic space) as an ASCII space: titles
 * collapse every kind of white space to one space. */
static void
fold_space(const char *s, char *out, size_t cap)
{
    size_t w = 0;
    for (size_t i = 0; s != NULL && s[i] != '\0' && w + 1 < cap; i++) {
        if (memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
            out[w++] = ' ';
            i += 2;
        } else {
            out[w++] = s[i];
        }
    }
    out[w] = '\0';
}

static void
check_page(const px_article *a, json_t *truth)
{
    char title[512];
    fold_space(json_string_value(json_object_get(truth, "title")), title,
               sizeof title);
    const char *author = json_string_value(json_object_get(truth, "author"));
    const char *date = json_string_value(json_object_get(truth, "date"));
    const char *format = json_string_value(json_object_get(truth, "format"));
    char got[32];
    px_date_format(&a->published, got);
    if (a->title == NULL || strcmp(a->title, title) != 0 ||
        strncmp(got, date, 10) != 0 || strcmp(a->format, format) != 0) {
        fprintf(stderr, "%s: got title \"%s\" date %s format %s\n", a->source,
                a->title ? a->title : "(null)", got, a->format);
    }
    CHECK_STR_EQ(a->title, title);
    CHECK(strncmp(got, date, 10) == 0);
    CHECK_STR_EQ(a->format, format);
    CHECK(a->text_len > 200);
    if (author != NULL && a->author != NULL) {
        CHECK_STR_EQ(a->author, author);
    }
}

int
main(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/truth/sample.json", src_dir());
    json_t *root = json_load_file(path, 0, NULL);
    CHECK(root != NULL);
    json_t *pages = json_object_get(root, "pages");
    CHECK(json_array_size(pages) >= 15);
    snprintf(path, sizeof path, "%s/data/sample", src_dir());
    const char *paths[] = {path};
    px_reader *r = NULL;
    CHECK(px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, NULL) == PX_OK);
    size_t n_matched = 0;
    for (;;) {
        const px_record *rec = NULL;
        px_error err = {0};
        CHECK(px_reader_next(r, &rec, &err) == PX_OK);
        if (rec == NULL) {
            break;
        }
        px_article *a = NULL;
        CHECK(px_extract(rec, &a, &err) == PX_OK);
        json_t *truth = truth_for(pages, px_record_source(rec));
        CHECK(truth != NULL);
        if (a != NULL && truth != NULL) {
            check_page(a, truth);
            n_matched++;
        }
        px_article_free(a);
    }
    CHECK(n_matched == json_array_size(pages));
    CHECK(px_reader_n_failed(r) == 0);
    px_reader_close(r);
    json_decref(root);
    return check_summary();
}
