/* cmd_eval_concepts.c - `parallax eval concepts [NTREX_DIR] [--json]`:
 * content-word coverage of the concept lexicon per NTREX-128 version (with
 * the commonest uncovered keys) and cross-language retrieval with concepts
 * alone (P@1, MRR) between eng, arb and zho-CN. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "parallax.h"

static const char usage[] =
    "usage: parallax eval concepts [NTREX_DIR] [--lexicon FILE] [--json]\n"
    "       [--keys N]\n"
    "\n"
    "Scores the concept lexicon on NTREX-128 (docs/<lang>.tsv):\n"
    "  coverage   per version, the share of content-word tokens (stopwords\n"
    "             and digits out) that map to at least one concept, with\n"
    "             the commonest uncovered keys (1ch%: the share of covered\n"
    "             tokens that are single ideographs, weak evidence);\n"
    "  retrieval  each eng, arb and zho-CN document ranks the 75 documents\n"
    "             of another of them by the cosine of tf-idf concept\n"
    "             vectors: P@1 and MRR.\n"
    "\n"
    "  NTREX_DIR       default: $PX_SHARED_DIR/data/crosslingual/ntrex128,\n"
    "                  else ../shared/data/crosslingual/ntrex128\n"
    "  --lexicon FILE  default: $PX_LEXICON, else lexicon.plx beside the\n"
    "                  binary\n"
    "  --keys N        uncovered keys shown per version (8)\n"
    "  --json          print the JSON report instead of the tables\n";

typedef struct opts {
    const char *dir;
    const char *lexicon;
    bool json;
    long keys;
} opts;

static void
print_version(const json_t *v, long keys)
{
    const double covered = px_cli_json_num(v, "covered");
    printf("%-10s %4lld %7lld %7.1f %5.1f ", px_cli_json_str(v, "lang"),
           (long long)px_cli_json_num(v, "docs"),
           (long long)px_cli_json_num(v, "content_words"),
           100.0 * px_cli_json_num(v, "coverage"),
           covered > 0
               ? 100.0 * px_cli_json_num(v, "covered_one_ideograph") / covered
               : 0.0);
    size_t i = 0;
    const json_t *k = NULL;
    json_array_foreach(json_object_get(v, "uncovered"), i, k)
    {
        if ((long)i >= keys) {
            break;
        }
        printf(" %s:%lld", px_cli_json_str(k, "key"),
               (long long)px_cli_json_num(k, "count"));
    }
    putchar('\n');
}

static void
print_report(const json_t *root, long keys)
{
    printf("lexicon %s (%.1f s)\n\n", px_cli_json_str(root, "lexicon"),
           px_cli_json_num(root, "seconds"));
    printf("%-10s %4s %7s %7s %5s  %s\n", "version", "docs", "content",
           "cover%", "1ch%", "commonest uncovered keys");
    size_t i = 0;
    const json_t *v = NULL;
    json_array_foreach(json_object_get(root, "versions"), i, v)
    {
        print_version(v, keys);
    }
    printf("\n%-8s %-8s %7s %7s %7s\n", "from", "to", "queries", "P@1", "MRR");
    json_array_foreach(json_object_get(root, "retrieval"), i, v)
    {
        printf("%-8s %-8s %7lld %7.3f %7.3f\n", px_cli_json_str(v, "from"),
               px_cli_json_str(v, "to"),
               (long long)px_cli_json_num(v, "queries"),
               px_cli_json_num(v, "p_at_1"), px_cli_json_num(v, "mrr"));
    }
}

/* Parses the arguments; -1 when fine, else the exit code. */
static int
parse(int argc, char **argv, opts *o)
{
    for (int i = 1; i < argc; i++) {
        const bool has_next = i + 1 < argc;
        if (strcmp(argv[i], "--json") == 0) {
            o->json = true;
        } else if (strcmp(argv[i], "--lexicon") == 0 && has_next) {
            o->lexicon = argv[++i];
        } else if (strcmp(argv[i], "--keys") == 0 && has_next) {
            o->keys = strtol(argv[++i], NULL, 10);
        } else if (argv[i][0] == '-' || o->dir != NULL) {
            fprintf(stderr, "parallax: eval concepts: bad argument: %s\n%s",
                    argv[i], usage);
            return 2;
        } else {
            o->dir = argv[i];
        }
    }
    return -1;
}

int
px_cmd_eval_concepts(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    opts o = {NULL, NULL, false, 8};
    const int prc = parse(argc, argv, &o);
    if (prc >= 0) {
        return prc;
    }
    char dir[4096];
    px_cli_data_dir(o.dir, "data/crosslingual/ntrex128", dir, sizeof dir);
    static char label[] = "eval concepts: versions";
    char *json = NULL;
    px_error err = {0};
    if (px_eval_concepts(dir, o.lexicon, px_cli_progress, label, &json, &err) !=
        PX_OK) {
        px_cli_error("eval concepts", err.msg);
        return 1;
    }
    json_t *root = o.json ? NULL : json_loads(json, 0, NULL);
    if (o.json) {
        puts(json);
    } else if (root != NULL) {
        print_report(root, o.keys);
    }
    json_decref(root);
    px_free(json);
    return 0;
}
