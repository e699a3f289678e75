/* test_sheet.c - story sheets: on the bundled sample corpus each recorded
 * disagreement (data/truth/sample.json, events[].disagreements) must show
 * in its story's sheet (a figure group flagged as differing that holds
 * both values, or both days in the timeline); the JSON parses and its
 * spans point at their text; the HTML report escapes article text. On
 * the seed pages (../shared/seeds, read in place) the sheet of all five
 * shows the Done-when items of issue 6 that hold. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "parallax.h"

/* What holds today (raise as the sheet improves). */
#define PX_SHEET_MIN_SHOWN  6
#define PX_SHEET_MIN_WIDEST 3

static const char *
src_dir(void)
{
    const char *s = getenv("PX_SOURCE_DIR");
    return s != NULL ? s : "..";
}

/* A set holding every page under dir, clustered. */
static px_storyset *
load(const char *dir, char ids[][256], size_t max, size_t *n)
{
    px_storyset *set = NULL;
    px_reader *r = NULL;
    const char *paths[] = {dir};
    *n = 0;
    if (px_storyset_new(NULL, NULL, &set, NULL) != PX_OK ||
        px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, NULL) != PX_OK) {
        px_storyset_free(set);
        return NULL;
    }
    for (;;) {
        const px_record *rec = NULL;
        if (px_reader_next(r, &rec, NULL) != PX_OK || rec == NULL) {
            break;
        }
        px_article *a = NULL;
        if (px_extract(rec, &a, NULL) == PX_OK &&
            px_storyset_add(set, a, NULL) == PX_OK && *n < max) {
            const char *b = strrchr(px_record_source(rec), '/');
            snprintf(ids[(*n)++], 256, "%s", b ? b + 1 : px_record_source(rec));
        }
        px_article_free(a);
    }
    px_reader_close(r);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    return set;
}

static json_t *
sheet_of(const px_storyset *set, size_t story)
{
    char *js = NULL;
    size_t len = 0;
    CHECK(px_storyset_sheet_json(set, story, &js, &len, NULL) == PX_OK);
    json_t *j = js != NULL ? json_loadb(js, len, 0, NULL) : NULL;
    CHECK(j != NULL);
    px_free(js);
    return j;
}

/* The number a truth value names ("820 million USD", "4500 ha", "14"). */
static double
truth_number(const char *s)
{
    char *end = NULL;
    double v = strtod(s, &end);
    if (end != NULL && strstr(end, "million") != NULL) {
        v *= 1e6;
    }
    return v;
}

static bool
group_has(json_t *g, double v)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(g, "values"), i, x)
    {
        const double w = json_number_value(json_object_get(x, "value"));
        if (fabs(w - v) <= 0.005 * fabs(v)) {
            return true;
        }
    }
    return false;
}

/* Whether the sheet's dates that differ put days a and b against each
 * other. */
static bool
has_ddiff(json_t *sheet, const char *a, const char *b)
{
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(sheet, "dates_differ"), i, g)
    {
        const char *x =
            json_string_value(json_object_get(json_object_get(g, "a"), "date"));
        const char *y =
            json_string_value(json_object_get(json_object_get(g, "b"), "date"));
        if (x != NULL && y != NULL &&
            ((strcmp(x, a) == 0 && strcmp(y, b) == 0) ||
             (strcmp(x, b) == 0 && strcmp(y, a) == 0))) {
            return true;
        }
    }
    return false;
}

/* Whether the sheet shows a disagreement between values a and b. */
static bool
shows(json_t *sheet, const char *a, const char *b)
{
    size_t i;
    json_t *g;
    if (strlen(a) == 10 && a[4] == '-' && a[7] == '-') {
        return has_ddiff(sheet, a, b);
    }
    json_array_foreach(json_object_get(sheet, "figures"), i, g)
    {
        if (json_is_true(json_object_get(g, "differs")) &&
            group_has(g, truth_number(a)) && group_has(g, truth_number(b))) {
            return true;
        }
    }
    return false;
}

/* Differing figure groups of two or more sources, and how many of them
 * hold both values of a recorded disagreement of the event. */
static void
count_differing(json_t *sheet, json_t *ev, size_t *n, size_t *true_pos)
{
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(sheet, "figures"), i, g)
    {
        if (!json_is_true(json_object_get(g, "differs")) ||
            json_integer_value(json_object_get(g, "sources_count")) < 2) {
            continue;
        }
        (*n)++;
        size_t d_i;
        json_t *d;
        bool hit = false;
        json_array_foreach(json_object_get(ev, "disagreements"), d_i, d)
        {
            const char *key;
            json_t *v;
            size_t both = 0;
            json_object_foreach(json_object_get(d, "values"), key, v)
            {
                both += group_has(g, truth_number(key));
            }
            hit = hit || both >= 2;
        }
        *true_pos += hit;
    }
}

/* Distinct day pairs among the dates that differ, and how many of them
 * are recorded disagreements of the event. */
static void
count_ddiffs(json_t *sheet, json_t *ev, size_t *n, size_t *true_pos)
{
    size_t i;
    json_t *g;
    char seen[32][24];
    size_t n_seen = 0;
    json_array_foreach(json_object_get(sheet, "dates_differ"), i, g)
    {
        const char *x =
            json_string_value(json_object_get(json_object_get(g, "a"), "date"));
        const char *y =
            json_string_value(json_object_get(json_object_get(g, "b"), "date"));
        char key[24];
        snprintf(key, sizeof key, "%.10s%.10s", strcmp(x, y) < 0 ? x : y,
                 strcmp(x, y) < 0 ? y : x);
        bool dup = false;
        for (size_t k = 0; k < n_seen && !dup; k++) {
            dup = strcmp(seen[k], key) == 0;
        }
        if (dup || n_seen == 32) {
            continue;
        }
        memcpy(seen[n_seen++], key, sizeof key);
        (*n)++;
        size_t d_i;
        json_t *d;
        json_array_foreach(json_object_get(ev, "disagreements"), d_i, d)
        {
            const char *key2;
            json_t *v;
            size_t both = 0;
            json_object_foreach(json_object_get(d, "values"), key2, v)
            {
                both += strcmp(key2, x) == 0 || strcmp(key2, y) == 0;
            }
            *true_pos += both >= 2;
        }
    }
}

/* Spans point at their text. */
static void
check_spans(json_t *sheet, const px_storyset *set)
{
    (void)set;
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(sheet, "figures"), i, g)
    {
        size_t j;
        json_t *v;
        json_array_foreach(json_object_get(g, "values"), j, v)
        {
            json_t *sp = json_object_get(v, "span");
            CHECK(json_integer_value(json_object_get(sp, "length")) ==
                  (json_int_t)strlen(
                      json_string_value(json_object_get(sp, "text"))));
        }
    }
}

static void
test_sample(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data/sample", src_dir());
    static char ids[128][256];
    size_t n = 0;
    px_storyset *set = load(dir, ids, 128, &n);
    CHECK(set != NULL && n > 40);
    snprintf(dir, sizeof dir, "%s/data/truth/sample.json", src_dir());
    json_t *truth = json_load_file(dir, 0, NULL);
    CHECK(truth != NULL);
    size_t e_i;
    json_t *ev;
    size_t want = 0;
    size_t got = 0;
    size_t n_diff = 0;
    size_t true_diff = 0;
    size_t n_dd = 0;
    size_t true_dd = 0;
    json_array_foreach(json_object_get(truth, "events"), e_i, ev)
    {
        const char *page0 =
            json_string_value(json_array_get(json_object_get(ev, "pages"), 0));
        size_t story = SIZE_MAX;
        for (size_t i = 0; i < n && set != NULL; i++) {
            if (page0 != NULL && strcmp(ids[i], page0) == 0) {
                story = px_storyset_story_of(set, i);
            }
        }
        size_t d_i;
        json_t *d;
        json_t *sheet = story != SIZE_MAX ? sheet_of(set, story) : NULL;
        if (sheet != NULL) {
            check_spans(sheet, set);
            count_differing(sheet, ev, &n_diff, &true_diff);
            count_ddiffs(sheet, ev, &n_dd, &true_dd);
        }
        json_array_foreach(json_object_get(ev, "disagreements"), d_i, d)
        {
            const char *vals[2] = {NULL, NULL};
            size_t k = 0;
            const char *key;
            json_t *v;
            json_object_foreach(json_object_get(d, "values"), key, v)
            {
                if (k < 2) {
                    vals[k++] = key;
                }
            }
            const bool ok =
                sheet != NULL && k == 2 && shows(sheet, vals[0], vals[1]);
            printf("sample: %-9s %-22s %s vs %s: %s\n",
                   json_string_value(json_object_get(ev, "id")),
                   json_string_value(json_object_get(d, "what")), vals[0],
                   vals[1], ok ? "shown" : "MISSED");
            want++;
            got += ok;
        }
        json_decref(sheet);
    }
    printf("sample: %zu of %zu recorded disagreements shown; %zu of %zu "
           "figure groups flagged as differing are recorded ones\n",
           got, want, true_diff, n_diff);
    printf("sample: %zu of %zu day pairs flagged as dates that differ are "
           "recorded ones\n",
           true_dd, n_dd);
    CHECK(want >= 7);
    if (set != NULL && !px_storyset_has_lexicon(set)) {
        printf("NOTE: no lexicon: figure and date quality not checked\n");
    } else {
        CHECK(n_diff > 0 && (double)true_diff >= 0.9 * (double)n_diff);
        CHECK(got >= PX_SHEET_MIN_SHOWN);
    }
    json_decref(truth);
    px_storyset_free(set);
}

static void
test_report_escapes(void)
{
    px_storyset *set = NULL;
    CHECK(px_storyset_new(NULL, NULL, &set, NULL) == PX_OK);
    if (set == NULL) {
        return;
    }
    const char *text = "The <b>mayor</b> said 12 people were hurt in the "
                       "fire at the old mill on Monday. \"We will rebuild "
                       "the mill,\" the mayor said. Firefighters fought the "
                       "blaze for six hours before it was under control.";
    CHECK(px_storyset_add_text(set, "a", "<script>alert(1)</script>", text,
                               "eng", NULL) == PX_OK);
    CHECK(px_storyset_add_text(set, "b", "Mill fire", text, "eng", NULL) ==
          PX_OK);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    char *html = NULL;
    size_t len = 0;
    CHECK(px_storyset_report_html(set, 0, &html, &len, NULL) == PX_OK);
    CHECK(html != NULL && strstr(html, "<script") == NULL);
    CHECK(html != NULL && strstr(html, "&lt;script&gt;") != NULL);
    CHECK(html != NULL && strstr(html, "&lt;b&gt;mayor") != NULL);
    px_free(html);
    json_t *sheet = sheet_of(set, PX_STORY_ALL);
    CHECK(json_array_size(json_object_get(sheet, "sources")) == 2);
    CHECK(json_array_size(json_object_get(sheet, "quotes")) >= 1);
    json_decref(sheet);
    CHECK(px_storyset_sheet_json(set, 99, &html, &len, NULL) == PX_EINVAL);
    px_storyset_free(set);
}

/* Sources (by number) of the sheet whose language starts with lang. */
static bool
src_is(json_t *sheet, json_int_t k, const char *lang)
{
    json_t *s = json_array_get(json_object_get(sheet, "sources"), (size_t)k);
    const char *l = json_string_value(json_object_get(s, "lang"));
    return l != NULL && strncmp(l, lang, 3) == 0;
}

static size_t
seed_figure_sources(json_t *sheet, const char *unit, bool *differs, bool *zh_ar)
{
    size_t i;
    json_t *g;
    size_t best = 0;
    json_array_foreach(json_object_get(sheet, "figures"), i, g)
    {
        if (strcmp(json_string_value(json_object_get(g, "unit")), unit) != 0) {
            continue;
        }
        bool zh = false;
        bool ar = false;
        size_t j;
        json_t *v;
        json_array_foreach(json_object_get(g, "values"), j, v)
        {
            const json_int_t s =
                json_integer_value(json_object_get(v, "source"));
            zh = zh || src_is(sheet, s, "zho");
            ar = ar || src_is(sheet, s, "arb");
        }
        *differs = *differs || json_is_true(json_object_get(g, "differs"));
        *zh_ar = *zh_ar || (zh && ar);
        const size_t n =
            (size_t)json_integer_value(json_object_get(g, "sources_count"));
        best = n > best ? n : best;
    }
    return best;
}

static void
test_seeds(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/seeds", check_shared_dir());
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("SKIP: seeds absent\n");
        return;
    }
    closedir(d);
    static char ids[16][256];
    size_t n = 0;
    px_storyset *set = load(dir, ids, 16, &n);
    if (set != NULL && !px_storyset_has_lexicon(set)) {
        printf("SKIP: seeds need the lexicon\n");
        px_storyset_free(set);
        return;
    }
    json_t *sheet = set != NULL ? sheet_of(set, PX_STORY_ALL) : NULL;
    CHECK(json_array_size(json_object_get(sheet, "sources")) == 5);
    bool differs = false;
    bool zh_ar = false;
    CHECK(seed_figure_sources(sheet, "injured", &differs, &zh_ar) >= 2);
    CHECK(differs && zh_ar);
    printf("seeds: injured differs between zho and arb: %s\n",
           differs && zh_ar ? "yes" : "no");
    differs = false;
    const size_t n_q =
        seed_figure_sources(sheet, "questions", &differs, &zh_ar);
    printf("seeds: questions given by %zu sources\n", n_q);
    CHECK(n_q >= 2);
    size_t i;
    json_t *x;
    size_t day_srcs = 0;
    json_array_foreach(json_object_get(sheet, "timeline"), i, x)
    {
        const char *dt = json_string_value(json_object_get(x, "date"));
        if (strcmp(dt, "2026-01-05") == 0 || strcmp(dt, "2026-01-06") == 0) {
            day_srcs +=
                (size_t)json_integer_value(json_object_get(x, "sources_count"));
        }
    }
    const bool ddiff = has_ddiff(sheet, "2026-01-05", "2026-01-06");
    printf("seeds: interview day (5 or 6 Jan) stated by %zu sources; "
           "flagged as dates that differ: %s\n",
           day_srcs, ddiff ? "yes" : "no");
    CHECK(day_srcs >= 3);
    CHECK(ddiff);
    size_t aliyev = 0;
    unsigned srcs = 0;
    json_array_foreach(json_object_get(sheet, "quotes"), i, x)
    {
        const char *g = json_string_value(json_object_get(x, "gloss"));
        if (g != NULL && strcmp(g, "Ilham Aliyev") == 0) {
            aliyev++;
            srcs |= 1u << (json_integer_value(json_object_get(
                               json_object_get(x, "span"), "source")) &
                           31);
        }
    }
    const int n_srcs = __builtin_popcount(srcs);
    printf("seeds: %zu quotes attributed to Ilham Aliyev, in %d sources\n",
           aliyev, n_srcs);
    CHECK(n_srcs >= 5);
    size_t top = 0;
    json_array_foreach(json_object_get(sheet, "claims"), i, x)
    {
        const size_t c =
            (size_t)json_integer_value(json_object_get(x, "sources_count"));
        top = c > top ? c : top;
    }
    const size_t single =
        json_array_size(json_object_get(sheet, "single_source_claims"));
    printf("seeds: widest claim said by %zu sources; %zu single-source "
           "claims\n",
           top, single);
    CHECK(single >= 3);
    CHECK(top >= PX_SHEET_MIN_WIDEST);
    json_decref(sheet);
    px_storyset_free(set);
}

int
main(void)
{
    test_report_escapes();
    test_sample();
    test_seeds();
    return check_summary();
}
