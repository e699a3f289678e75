/* test_story_merge.c - the second look over a clustered story set
 * (px_story_merge, story_merge.c): nothing merges above a cosine of 1,
 * a low threshold never splits a story and numbers the stories 0..n-1
 * again, and two stories holding pinned articles never merge. Works without a
 * lexicon (stems, figures and name keys). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "story.h"

static const char *const texts[][2] = {
    {"Harbour ferry sinks near Valletta",
     "The harbour ferry Marisol sank near Valletta on Tuesday with 212 "
     "passengers aboard; coastguard divers rescued 198 passengers and "
     "searched the harbour for the missing."},
    {"Valletta ferry rescue continues",
     "Coastguard divers searched the Valletta harbour again after the ferry "
     "Marisol sank; 198 passengers were rescued and 14 remain missing."},
    {"Copper prices climb in Santiago",
     "Copper prices climbed in Santiago trading as miners warned of strikes "
     "at the Escondida pit, the largest copper mine."},
    {"Escondida strike lifts copper",
     "The 212 miners at Escondida voted to strike, and copper prices climbed "
     "again in Santiago and London trading."},
};
#define N_TEXTS (sizeof texts / sizeof texts[0])

static px_storyset *
make_set(void)
{
    px_storyset *s = NULL;
    px_error err = {0};
    CHECK(px_storyset_new_lex(NULL, NULL, &s, &err) == PX_OK);
    for (size_t i = 0; s != NULL && i < N_TEXTS; i++) {
        CHECK(px_storyset_add_text(s, NULL, texts[i][0], texts[i][1], "eng",
                                   &err) == PX_OK);
    }
    return s;
}

/* Every article's story is below n_stories, and every number is used. */
static void
check_numbering(const px_storyset *s)
{
    const size_t n = px_storyset_n_stories(s);
    size_t used = 0;
    for (size_t k = 0; k < n; k++) {
        bool has = false;
        for (size_t i = 0; i < px_storyset_count(s); i++) {
            has = has || px_storyset_story_of(s, i) == k;
        }
        used += has;
    }
    for (size_t i = 0; i < px_storyset_count(s); i++) {
        CHECK(px_storyset_story_of(s, i) < n);
    }
    CHECK(used == n);
}

static void
test_thresholds(void)
{
    px_storyset *s = make_set();
    px_error err = {0};
    CHECK(px_storyset_cluster(s, &err) == PX_OK);
    const size_t before = px_storyset_n_stories(s);
    CHECK(before == 2);
    CHECK(px_story_merge(s, 2.0, 0, &err) == PX_OK);
    CHECK(px_storyset_n_stories(s) == before);
    CHECK(px_story_merge(s, 1e-9, 0, &err) == PX_OK);
    CHECK(px_storyset_n_stories(s) <= before);
    /* the ferry articles stay together, whatever merged */
    CHECK(px_storyset_story_of(s, 0) == px_storyset_story_of(s, 1));
    check_numbering(s);
    px_storyset_free(s);
}

static void
test_pins(void)
{
    px_storyset *s = make_set();
    px_error err = {0};
    CHECK(px_storyset_pin(s, 0, 0, SIZE_MAX));
    CHECK(px_storyset_pin(s, 1, 1, SIZE_MAX));
    CHECK(px_storyset_cluster(s, &err) == PX_OK);
    CHECK(px_storyset_story_of(s, 0) != px_storyset_story_of(s, 1));
    CHECK(px_story_merge(s, 1e-9, 0, &err) == PX_OK);
    CHECK(px_storyset_story_of(s, 0) != px_storyset_story_of(s, 1));
    check_numbering(s);
    px_storyset_free(s);
}

int
main(void)
{
    test_thresholds();
    test_pins();
    return check_summary();
}
