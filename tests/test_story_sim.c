/* test_story_sim.c - px_storyset_similarity on project-written texts: it is
 * symmetric and within 0..1, two copies of a long article are close to 1,
 * two copies of a short notice are not (a cosine over a dozen words is
 * pulled toward the neutral middle), a short text with nothing in common
 * with another is not 0, and a long same-topic pair outranks it. Runs with
 * the default lexicon when there is one, else without. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parallax.h"

/* Sentences of a made-up report on a bridge closing in a made-up town;
 * the long texts are built from them. */
static const char *const bridge[] = {
    "The old river bridge in Veldmark closed on Monday after engineers "
    "found deep cracks in two of its stone piers.",
    "Traffic between the harbour district and the northern suburbs now "
    "runs over a temporary ferry and a detour through the industrial park.",
    "The town council met in an emergency session and approved money for "
    "an inspection of every pier and the deck.",
    "Shop owners near the bridge said their customers stayed away and "
    "asked the council for help with lost income.",
    "Engineers expect the inspection to take six weeks, after which the "
    "council will decide between repairs and a new crossing.",
    "Buses on the northern line will stop at the ferry landing until the "
    "bridge reopens, the transport company announced.",
    "Residents remembered that the bridge had been repaired twice before, "
    "after floods damaged its foundations decades ago.",
    "The mayor promised regular updates and thanked the fire brigade, "
    "which closed the road within an hour of the first report.",
};

static const char *const notice =
    "Sorry, too many requests came from your address. Please try again in a "
    "few minutes.";

static const char *const other_short =
    "Local choir wins regional singing contest with a programme of folk "
    "songs.";

/* Every sentence of bridge from first on, n times over, into buf. */
static void
build(char *buf, size_t size, size_t first, size_t n)
{
    buf[0] = '\0';
    const size_t k = sizeof bridge / sizeof bridge[0];
    for (size_t r = 0; r < n; r++) {
        for (size_t i = first; i < k; i++) {
            strncat(buf, bridge[(i + r) % k], size - strlen(buf) - 2);
            strncat(buf, " ", size - strlen(buf) - 1);
        }
    }
}

int
main(void)
{
    px_storyset *set = NULL;
    px_error err = {0};
    CHECK(px_storyset_new(NULL, NULL, &set, &err) == PX_OK);
    if (set == NULL) {
        return check_summary();
    }
    static char long_a[8192];
    static char long_b[8192];
    build(long_a, sizeof long_a, 0, 1);
    build(long_b, sizeof long_b, 3, 2); /* same story, other order */
    const char *texts[] = {long_a, long_a, notice, notice, other_short, long_b};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        CHECK(px_storyset_add_text(set, NULL, "", texts[i], "eng", &err) ==
              PX_OK);
    }
    CHECK(px_storyset_cluster(set, &err) == PX_OK);
    const double copy_long = px_storyset_similarity(set, 0, 1);
    const double copy_short = px_storyset_similarity(set, 2, 3);
    const double unrelated_short = px_storyset_similarity(set, 2, 4);
    const double same_topic = px_storyset_similarity(set, 0, 5);
    printf("copies: long %.3f, short %.3f; unrelated short %.3f; "
           "same topic %.3f\n",
           copy_long, copy_short, unrelated_short, same_topic);
    CHECK(copy_long > 0.85 && copy_long <= 1.0);
    CHECK(copy_short < 0.6 && copy_short > unrelated_short);
    CHECK(unrelated_short > 0.05 && unrelated_short < 0.15);
    CHECK(same_topic > unrelated_short && same_topic < copy_long);
    for (size_t i = 0; i < 6; i++) {
        for (size_t j = 0; j < 6; j++) {
            const double s = px_storyset_similarity(set, i, j);
            CHECK(s >= 0.0 && s <= 1.0);
            CHECK(s == px_storyset_similarity(set, j, i));
        }
    }
    CHECK(px_storyset_similarity(set, 0, 99) == 0.0); /* out of range */
    px_storyset_free(set);
    return check_summary();
}
