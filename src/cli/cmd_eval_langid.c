/* cmd_eval_langid.c - `parallax eval langid [NTREX_DIR] [--json]`: language
 * identification accuracy per NTREX-128 version, on whole documents, on
 * headlines and on first sentences, with the versions CLD2 cannot name
 * listed apart. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "parallax.h"

static const char usage[] =
    "usage: parallax eval langid [NTREX_DIR] [--json]\n"
    "\n"
    "Scores language identification on NTREX-128 (docs/<lang>.tsv): the\n"
    "share of documents whose language is named right, per version, on the\n"
    "whole document, its headline (first segment) and its first sentence\n"
    "(the segment after the headline). Versions whose language CLD2 cannot\n"
    "name are listed apart.\n"
    "\n"
    "  NTREX_DIR  default: $PX_SHARED_DIR/data/crosslingual/ntrex128, else\n"
    "             ../shared/data/crosslingual/ntrex128 (beside the repo)\n"
    "  --json     print the JSON report instead of the table\n";

static void
print_version(const json_t *v)
{
    printf("%-9s %-9s %-5s %4lld %7.1f %7.1f %7.1f  ",
           px_cli_json_str(v, "lang"), px_cli_json_str(v, "gold"),
           px_cli_json_str(v, "script"),
           (long long)json_integer_value(json_object_get(v, "docs")),
           100.0 * px_cli_json_num(v, "whole"),
           100.0 * px_cli_json_num(v, "headline"),
           100.0 * px_cli_json_num(v, "first_sentence"));
    const char *code;
    const json_t *count;
    json_object_foreach((json_t *)json_object_get(v, "wrong"), code, count)
    {
        printf(" %s:%lld", code, (long long)json_integer_value(count));
    }
    putchar('\n');
}

static void
print_section(const json_t *versions, bool supported)
{
    printf("%-9s %-9s %-5s %4s %7s %7s %7s  %s\n", "version", "gold", "scrpt",
           "docs", "whole%", "head%", "first%", "wrong (whole)");
    size_t i;
    const json_t *v;
    json_array_foreach(versions, i, v)
    {
        if (json_is_true(json_object_get(v, "supported")) == supported) {
            print_version(v);
        }
    }
}

static void
print_report(const json_t *root)
{
    const json_t *versions = json_object_get(root, "versions");
    const json_t *sup = json_object_get(root, "supported");
    printf("Languages CLD2 supports (%lld versions):\n",
           (long long)json_integer_value(json_object_get(sup, "n_versions")));
    print_section(versions, true);
    printf("\nLanguages CLD2 does not support (gold outside its set):\n");
    print_section(versions, false);
    printf("\nSupported, all documents: whole %.2f%%, headline %.2f%%, "
           "first sentence %.2f%% (%lld docs); lowest whole %.2f%%\n",
           100.0 * px_cli_json_num(sup, "whole"),
           100.0 * px_cli_json_num(sup, "headline"),
           100.0 * px_cli_json_num(sup, "first_sentence"),
           (long long)json_integer_value(json_object_get(sup, "docs")),
           100.0 * px_cli_json_num(sup, "min_whole"));
    printf("Mean confidence: %.2f when right, %.2f when wrong (all three "
           "levels)\n",
           px_cli_json_num(sup, "confidence_right"),
           px_cli_json_num(sup, "confidence_wrong"));
    printf("Below 99%% on whole documents:");
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(sup, "below_99"), i, v)
    {
        printf(" %s", json_string_value(v));
    }
    printf("%s\n", json_array_size(json_object_get(sup, "below_99")) == 0
                       ? " none"
                       : "");
}

/* Prints the table (or the JSON) of a finished report. */
static int
show(const char *json, bool as_json)
{
    if (as_json) {
        puts(json);
        return 0;
    }
    json_error_t jerr;
    json_t *root = json_loads(json, 0, &jerr);
    if (root == NULL) {
        px_cli_error("eval langid", jerr.text);
        return 1;
    }
    print_report(root);
    json_decref(root);
    return 0;
}

int
px_cmd_eval_langid(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    bool as_json = false;
    const char *dir_arg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            as_json = true;
        } else if (argv[i][0] == '-' || dir_arg != NULL) {
            fprintf(stderr, "parallax: eval langid: bad argument: %s\n%s",
                    argv[i], usage);
            return 2;
        } else {
            dir_arg = argv[i];
        }
    }
    char dir[4096];
    px_cli_data_dir(dir_arg, "data/crosslingual/ntrex128", dir, sizeof dir);
    static char label[] = "eval langid: versions";
    char *json = NULL;
    px_error err = {0};
    if (px_eval_langid(dir, px_cli_progress, label, &json, &err) != PX_OK) {
        px_cli_error("eval langid", err.msg);
        return 1;
    }
    const int rc = show(json, as_json);
    px_free(json);
    return rc;
}
