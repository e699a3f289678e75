/* cmd_eval_pairs.c - `parallax eval pairs [SEMEVAL_DIR]`: Pearson's r
 * between parallax's story similarity and human grades (SemEval-2022
 * Task 8 sample). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "parallax.h"

static const char usage[] =
    "usage: parallax eval pairs [SEMEVAL_DIR] [--lexicon FILE] [--json]\n"
    "\n"
    "Scores the similarity the story clustering uses against the human\n"
    "'Overall' grades of the SemEval-2022 Task 8 sample (pairs.tsv; 1 very\n"
    "similar .. 4 very dissimilar): Pearson's r for the pairs in their\n"
    "original languages, for all pairs (machine-translated ones too), and\n"
    "per language pair. Pairs with a text that is not an article (one text\n"
    "under several URLs: a block notice or banner the scraper got) are left\n"
    "out of these figures; those over every pair follow.\n"
    "\n"
    "  SEMEVAL_DIR     default: $PX_SHARED_DIR/data/crosslingual/\n"
    "                  semeval2022-task8-hfl-sample, else ../shared/...\n"
    "  --lexicon FILE  default: $PX_LEXICON, else lexicon.plx beside the\n"
    "                  binary\n"
    "  --json          print the JSON report\n";

static void
print_report(const json_t *root)
{
    const json_t *o = json_object_get(root, "original");
    const json_t *a = json_object_get(root, "all");
    printf("lexicon %s, %.1f s\n",
           json_is_true(json_object_get(root, "lexicon")) ? "yes" : "NO",
           px_cli_json_num(root, "seconds"));
    printf("original-language pairs  n %4.0f  Pearson %.3f\n",
           px_cli_json_num(o, "n"), px_cli_json_num(o, "pearson"));
    printf("all pairs                n %4.0f  Pearson %.3f\n",
           px_cli_json_num(a, "n"), px_cli_json_num(a, "pearson"));
    o = json_object_get(root, "every_original");
    a = json_object_get(root, "every");
    printf("every pair, the %.0f with a text not an article too:\n",
           px_cli_json_num(root, "not_articles"));
    printf("  original-language      n %4.0f  Pearson %.3f\n",
           px_cli_json_num(o, "n"), px_cli_json_num(o, "pearson"));
    printf("  all                    n %4.0f  Pearson %.3f\n\n",
           px_cli_json_num(a, "n"), px_cli_json_num(a, "pearson"));
    size_t i = 0;
    const json_t *g = NULL;
    json_array_foreach(json_object_get(root, "by_languages"), i, g)
    {
        printf("  %-8s n %4.0f  Pearson %.3f\n",
               json_string_value(json_object_get(g, "pairs")),
               px_cli_json_num(g, "n"), px_cli_json_num(g, "pearson"));
    }
}

int
px_cmd_eval_pairs(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    const char *dir_arg = NULL;
    const char *lexicon = NULL;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[i], "--lexicon") == 0 && i + 1 < argc) {
            lexicon = argv[++i];
        } else if (argv[i][0] == '-' || dir_arg != NULL) {
            fprintf(stderr, "parallax: eval pairs: bad argument: %s\n%s",
                    argv[i], usage);
            return 2;
        } else {
            dir_arg = argv[i];
        }
    }
    char dir[4096];
    px_cli_data_dir(dir_arg, "data/crosslingual/semeval2022-task8-hfl-sample",
                    dir, sizeof dir);
    char *report = NULL;
    px_error err = {0};
    if (px_eval_pairs(dir, lexicon, &report, &err) != PX_OK) {
        px_cli_error("eval pairs", err.msg);
        return 1;
    }
    json_t *root = json ? NULL : json_loads(report, 0, NULL);
    if (json) {
        puts(report);
    } else if (root != NULL) {
        print_report(root);
    }
    json_decref(root);
    px_free(report);
    return 0;
}
