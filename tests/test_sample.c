/* test_sample.c - the bundled sample corpus (data/sample) read and
 * extracted end to end against its truth (data/truth/sample.json): every
 * page is found, in its format, with its title, author, publication day and
 * language (px_langid on the extracted text). The truth itself is checked
 * too: every page names a listed event and a copy group with exactly one
 * original, and the corpus spans at least 40 pages, 8 events and the
 * languages the story stage is tested on.
 */
#include <stdbool.h>
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

/* True if px_langid's code (ISO 639-3, maybe with a script subtag) names
 * the truth's ISO 639-1 language. */
static bool
lang_matches(const char *got, const char *want)
{
    static const char *const map[][2] = {
        {"en", "eng"}, {"ar", "arb"}, {"zh", "zho"}, {"fr", "fra"},
        {"ru", "rus"}, {"ja", "jpn"}, {"es", "spa"}, {"de", "deu"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(want, map[i][0]) == 0) {
            return strncmp(got, map[i][1], 3) == 0;
        }
    }
    return false;
}

static void
check_lang(const px_article *a, const char *want)
{
    size_t len = 0;
    const char *text = px_article_text(a, &len);
    char got[16] = "";
    CHECK(px_langid(text, len, got, NULL, NULL) == PX_OK);
    if (want == NULL || !lang_matches(got, want)) {
        fprintf(stderr, "%s: language %s, want %s\n", a->source, got,
                want ? want : "(null)");
    }
    CHECK(want != NULL && lang_matches(got, want));
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
    check_lang(a, json_string_value(json_object_get(truth, "lang")));
}

/* True if the events list holds an event with this id. */
static bool
has_event(json_t *events, const char *id)
{
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e)
    {
        const char *eid = json_string_value(json_object_get(e, "id"));
        if (id != NULL && eid != NULL && strcmp(eid, id) == 0) {
            return true;
        }
    }
    return false;
}

/* Number of pages in group that are its original, and whether every page
 * of the group reports the same event. */
static size_t
n_originals(json_t *pages, const char *group, const char *event, bool *same)
{
    size_t n = 0;
    size_t i;
    json_t *p;
    json_array_foreach(pages, i, p)
    {
        const char *g = json_string_value(json_object_get(p, "copy_group"));
        if (g == NULL || strcmp(g, group) != 0) {
            continue;
        }
        const char *role = json_string_value(json_object_get(p, "copy_role"));
        const char *ev = json_string_value(json_object_get(p, "event"));
        n += role != NULL && strcmp(role, "original") == 0;
        *same = *same && ev != NULL && strcmp(ev, event) == 0;
    }
    return n;
}

/* The truth's own shape: events, copy groups, size and languages. */
static void
check_truth(json_t *root)
{
    json_t *pages = json_object_get(root, "pages");
    json_t *events = json_object_get(root, "events");
    CHECK(json_array_size(pages) >= 40);
    CHECK(json_array_size(events) >= 8);
    static const char *const langs[] = {"en", "ar", "zh", "fr",
                                        "ru", "ja", "es", "de"};
    size_t n_lang[sizeof langs / sizeof langs[0]] = {0};
    size_t n_copies = 0;
    size_t i;
    json_t *p;
    json_array_foreach(pages, i, p)
    {
        const char *ev = json_string_value(json_object_get(p, "event"));
        const char *g = json_string_value(json_object_get(p, "copy_group"));
        const char *lang = json_string_value(json_object_get(p, "lang"));
        const char *role = json_string_value(json_object_get(p, "copy_role"));
        bool same = true;
        CHECK(has_event(events, ev));
        CHECK(g != NULL && n_originals(pages, g, ev, &same) == 1);
        CHECK(same);
        CHECK(role != NULL);
        n_copies += role != NULL && strcmp(role, "original") != 0;
        for (size_t k = 0; lang != NULL && k < sizeof langs / sizeof langs[0];
             k++) {
            n_lang[k] += strcmp(lang, langs[k]) == 0;
        }
    }
    CHECK(n_copies >= 4);
    for (size_t k = 0; k < sizeof langs / sizeof langs[0]; k++) {
        CHECK(n_lang[k] >= 2);
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
    check_truth(root);
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
