/* test_eval_pairs.c - px_eval_pairs on a hand-made pairs.tsv: a text that
 * occurs under two different URLs (a block notice a scraper got in place
 * of the articles) takes its pairs out of the headline figures, which
 * still count them in "every_original", while an article in two pairs
 * under its one URL does not; texts on one event score as similar, texts
 * on unrelated events as dissimilar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "check.h"
#include "parallax.h"

static const char notice[] =
    "Access denied. Too many requests came from your network address. "
    "Please try again later or contact the site administrator.";

static const char flood_a[] =
    "River floods the valley town of Brenhall. Hundreds of residents were "
    "evacuated on Tuesday after the river Marle burst its banks, and rescue "
    "boats searched the flooded streets of Brenhall for stranded families.";
static const char flood_b[] =
    "Brenhall evacuates hundreds as the Marle bursts its banks. Rescue boats "
    "took stranded families from flooded streets in Brenhall after the river "
    "rose overnight, the mayor said on Tuesday.";
static const char chess_a[] =
    "Young grandmaster wins the Varnia chess open. The sixteen-year-old "
    "player beat the defending champion in the final round with black "
    "pieces and a daring rook sacrifice.";
static const char chess_b[] =
    "Varnia chess open goes to a sixteen-year-old grandmaster, who beat the "
    "defending champion in the final round after a rook sacrifice.";
static const char budget_a[] =
    "Parliament approves the harbour budget. Lawmakers voted for new cranes, "
    "a deeper channel and higher port fees for container ships.";
static const char bakery_b[] =
    "A bakery in the old quarter celebrates its centenary with free bread "
    "for neighbours and a display of vintage ovens.";

static void
row(FILE *f, int id, const char *gold, const char *u1, const char *t1,
    const char *u2, const char *t2)
{
    fprintf(f,
            "%d\t%d\ten\ten\toriginal\t\t%s\t\t\t\t\t\t\ten\ten\t%s\t%s\tx\t%s"
            "\t%s\n",
            id, id, gold, u1, u2, t1, t2);
}

static double
figure(const json_t *root, const char *key, const char *field)
{
    return json_number_value(
        json_object_get(json_object_get(root, key), field));
}

int
main(void)
{
    char dir[] = "/tmp/px_test_eval_pairs_XXXXXX";
    if (mkdtemp(dir) == NULL) {
        return 1;
    }
    char path[128];
    snprintf(path, sizeof path, "%s/pairs.tsv", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f == NULL) {
        return check_summary();
    }
    fputs("pair_id\tbase_pair_id\tlang1\tlang2\torigin\tmt_side\toverall\t"
          "geography\tentities\ttime\tnarrative\tstyle\ttone\torig_lang1\t"
          "orig_lang2\turl1\turl2\thfl_file\ttext1\ttext2\n",
          f);
    row(f, 1, "1.0", "http://a/1", flood_a, "http://b/1", flood_b);
    row(f, 2, "1.0", "http://a/2", chess_a, "http://b/2", chess_b);
    row(f, 3, "4.0", "http://a/3", budget_a, "http://b/3", bakery_b);
    row(f, 4, "4.0", "http://a/1", flood_a, "http://b/2", chess_b);
    row(f, 5, "1.0", "http://a/5", notice, "http://a/3", budget_a);
    row(f, 6, "4.0", "http://b/3", bakery_b, "http://b/6", notice);
    fclose(f);

    char *report = NULL;
    px_error err = {0};
    CHECK(px_eval_pairs(dir, NULL, &report, &err) == PX_OK);
    json_t *root = report != NULL ? json_loads(report, 0, NULL) : NULL;
    CHECK(root != NULL);
    if (root != NULL) {
        CHECK(json_integer_value(json_object_get(root, "not_articles")) == 2);
        CHECK(figure(root, "original", "n") == 4);
        CHECK(figure(root, "every_original", "n") == 6);
        CHECK(figure(root, "all", "n") == 4);
        /* lower grade = more similar: the same-event pairs score best */
        CHECK(figure(root, "original", "pearson") > 0.9);
    }
    json_decref(root);
    px_free(report);
    remove(path);
    rmdir(dir);

    return check_summary();
}
