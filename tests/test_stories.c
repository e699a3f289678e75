/* test_stories.c - copy groups and stories on the bundled sample corpus
 * (data/sample, truth in data/truth/sample.json): every copy lands in its
 * original's copy group, no copy group spans two events, and the stories
 * match the events (B-cubed F1). Also the storyset's JSON and summary, and
 * a set with no lexicon at all. The lexicon is the default one (beside the
 * test binary's build folder, or $PX_LEXICON). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "parallax.h"

#define MAX_PAGES 128

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

static const char *
field(json_t *page, const char *key)
{
    const char *v = json_string_value(json_object_get(page, key));
    return v != NULL ? v : "";
}

/* Reads and adds every sample page; truth[i] is the entry of article i. */
static size_t
add_sample(px_storyset *set, json_t *pages, json_t **truth)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/sample", src_dir());
    const char *paths[] = {path};
    px_reader *r = NULL;
    CHECK(px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, NULL) == PX_OK);
    size_t n = 0;
    for (;;) {
        const px_record *rec = NULL;
        px_error err = {0};
        CHECK(px_reader_next(r, &rec, &err) == PX_OK);
        if (rec == NULL) {
            break;
        }
        px_article *a = NULL;
        CHECK(px_extract(rec, &a, &err) == PX_OK);
        json_t *t = truth_for(pages, px_record_source(rec));
        if (a != NULL && t != NULL && n < MAX_PAGES) {
            CHECK(px_storyset_add(set, a, &err) == PX_OK);
            truth[n++] = t;
        }
        px_article_free(a);
    }
    px_reader_close(r);
    return n;
}

/* B-cubed F1 of the stories against the truth events. */
static double
bcubed_f1(const px_storyset *set, json_t **truth, size_t n)
{
    double p = 0;
    double r = 0;
    for (size_t i = 0; i < n; i++) {
        double in_story = 0;
        double in_event = 0;
        double both = 0;
        for (size_t j = 0; j < n; j++) {
            const bool same_s =
                px_storyset_story_of(set, i) == px_storyset_story_of(set, j);
            const bool same_e =
                strcmp(field(truth[i], "event"), field(truth[j], "event")) == 0;
            in_story += same_s;
            in_event += same_e;
            both += same_s && same_e;
        }
        p += both / in_story;
        r += both / in_event;
    }
    p /= (double)n;
    r /= (double)n;
    printf("sample: B-cubed P %.3f R %.3f F1 %.3f, %zu stories\n", p, r,
           2 * p * r / (p + r), px_storyset_n_stories(set));
    return 2 * p * r / (p + r);
}

/* Copies share their original's copy group; no group spans two events. */
static void
check_copies(const px_storyset *set, json_t **truth, size_t n)
{
    size_t copies = 0;
    for (size_t i = 0; i < n; i++) {
        const size_t g = px_storyset_copy_of(set, i);
        CHECK(g < n);
        if (g < n) {
            CHECK(strcmp(field(truth[i], "event"), field(truth[g], "event")) ==
                  0);
        }
        if (strcmp(field(truth[i], "copy_role"), "original") == 0) {
            continue;
        }
        for (size_t j = 0; j < n; j++) {
            if (j != i &&
                strcmp(field(truth[j], "copy_group"),
                       field(truth[i], "copy_group")) == 0 &&
                strcmp(field(truth[j], "copy_role"), "original") == 0) {
                copies++;
                CHECK(px_storyset_copy_of(set, j) == g);
                if (px_storyset_copy_of(set, j) != g) {
                    printf("copy not grouped: %s (%s)\n",
                           field(truth[i], "source"),
                           field(truth[i], "copy_group"));
                }
            }
        }
    }
    CHECK(copies >= 4);
}

static void
check_output(const px_storyset *set, size_t n)
{
    char *json = NULL;
    size_t len = 0;
    CHECK(px_storyset_json(set, &json, &len, NULL) == PX_OK);
    json_error_t jerr;
    json_t *root = json != NULL ? json_loads(json, 0, &jerr) : NULL;
    CHECK(root != NULL);
    CHECK((size_t)json_integer_value(json_object_get(root, "articles_count")) ==
          n);
    size_t total = 0;
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(root, "stories"), i, s)
    {
        total += json_array_size(json_object_get(s, "articles"));
    }
    CHECK(total == n);
    json_decref(root);
    px_free(json);
    char *sum = NULL;
    CHECK(px_storyset_summary(set, 3, &sum, &len, NULL) == PX_OK);
    CHECK(sum != NULL && strstr(sum, "   1. ") != NULL &&
          strstr(sum, "more stories") != NULL);
    px_free(sum);
}

/* Without a lexicon the stages still run (stems, numbers, names). */
static void
test_no_lexicon(void)
{
    px_storyset *set = NULL;
    px_error err = {0};
    CHECK(px_storyset_new("/nonexistent/lexicon.plx", NULL, &set, &err) ==
          PX_EIO);
    CHECK(set == NULL && err.msg[0] != '\0');
}

int
main(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/truth/sample.json", src_dir());
    json_t *root = json_load_file(path, 0, NULL);
    CHECK(root != NULL);
    json_t *pages = json_object_get(root, "pages");
    px_storyset *set = NULL;
    px_error err = {0};
    CHECK(px_storyset_new(NULL, NULL, &set, &err) == PX_OK);
    if (set != NULL && !px_storyset_has_lexicon(set)) {
        printf("NOTE: no lexicon: cross-language stories are weak\n");
    }
    static json_t *truth[MAX_PAGES];
    const size_t n = set != NULL ? add_sample(set, pages, truth) : 0;
    CHECK(n == json_array_size(pages));
    CHECK(px_storyset_cluster(set, &err) == PX_OK);
    const double f1 = bcubed_f1(set, truth, n);
    CHECK(f1 >= (px_storyset_has_lexicon(set) ? 0.85 : 0.5));
    check_copies(set, truth, n);
    check_output(set, n);
    px_storyset_free(set);
    test_no_lexicon();
    json_decref(root);
    return check_summary();
}
