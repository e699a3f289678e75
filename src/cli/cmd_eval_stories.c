/* cmd_eval_stories.c - `parallax eval stories [NTREX_DIR]`: story
 * clustering scored on NTREX-128 (pairwise and B-cubed P/R/F1, strict
 * protocol; cross-language pairs; retrieval P@1 and MRR; re-edit copy
 * groups). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "parallax.h"

static const char usage[] =
    "usage: parallax eval stories [NTREX_DIR] [--versions LIST | --all]\n"
    "       [--lexicon FILE] [--json]\n"
    "\n"
    "Clusters NTREX-128 documents (dates ignored) and scores the stories:\n"
    "pairwise and B-cubed precision, recall and F1 (strict protocol: pairs\n"
    "of different stories reporting one event are left out), the same over\n"
    "cross-language pairs alone, retrieval P@1 and MRR between versions with\n"
    "the clustering's similarity, and whether the English re-edits (eng-GB,\n"
    "eng-US, eng-IN) land in their original's copy group.\n"
    "\n"
    "  NTREX_DIR       default: $PX_SHARED_DIR/data/crosslingual/ntrex128,\n"
    "                  else ../shared/data/crosslingual/ntrex128\n"
    "  --versions LIST comma-separated versions (default:\n"
    "                  eng,arb,zho-CN,zho-TW,fra,deu,rus,spa)\n"
    "  --all           every version in NTREX_DIR/docs\n"
    "  --lexicon FILE  default: $PX_LEXICON, else lexicon.plx beside the\n"
    "                  binary\n"
    "  --threshold X   similarity to join a story (default: the library's)\n"
    "  --cross-threshold X  similarity over language-independent features\n"
    "                  that also joins (default: the library's)\n"
    "  --dup-threshold X  similarity of copies (default: the library's)\n"
    "  --json          print the JSON report\n";

typedef struct opts {
    const char *dir;
    const char *versions;
    const char *lexicon;
    bool all;
    bool json;
    px_story_opts so;
} opts;

static void
print_prf(const json_t *root, const char *key, const char *label)
{
    const json_t *o = json_object_get(root, key);
    printf("%-26s P %.3f  R %.3f  F1 %.3f\n", label,
           px_cli_json_num(o, "precision"), px_cli_json_num(o, "recall"),
           px_cli_json_num(o, "f1"));
}

static void
print_report(const json_t *root)
{
    printf("%lld articles, %lld stories, lexicon %s, %.1f s\n\n",
           (long long)px_cli_json_num(root, "articles"),
           (long long)px_cli_json_num(root, "stories"),
           json_is_true(json_object_get(root, "lexicon")) ? "yes" : "NO",
           px_cli_json_num(root, "seconds"));
    print_prf(root, "bcubed", "B-cubed");
    print_prf(root, "pairwise", "pairwise");
    print_prf(root, "pairwise_cross_language", "pairwise, cross-language");
    size_t i = 0;
    const json_t *v = NULL;
    printf("\n%-8s %-8s %7s %7s\n", "from", "to", "P@1", "MRR");
    json_array_foreach(json_object_get(root, "retrieval"), i, v)
    {
        printf("%-8s %-8s %7.3f %7.3f\n",
               json_string_value(json_object_get(v, "from")),
               json_string_value(json_object_get(v, "to")),
               px_cli_json_num(v, "p_at_1"), px_cli_json_num(v, "mrr"));
    }
    if (px_cli_json_num(root, "reedits") > 0) {
        printf("\nre-edits in their original's copy group: %lld of %lld\n",
               (long long)px_cli_json_num(root, "reedits_in_original_group"),
               (long long)px_cli_json_num(root, "reedits"));
    }
    printf(
        "articles whose copy group lies in another story: %lld\n",
        (long long)px_cli_json_num(root, "articles_in_group_of_other_story"));
}

static int
parse(int argc, char **argv, opts *o)
{
    for (int i = 1; i < argc; i++) {
        const bool has_next = i + 1 < argc;
        if (strcmp(argv[i], "--json") == 0) {
            o->json = true;
        } else if (strcmp(argv[i], "--all") == 0) {
            o->all = true;
        } else if (strcmp(argv[i], "--versions") == 0 && has_next) {
            o->versions = argv[++i];
        } else if (strcmp(argv[i], "--lexicon") == 0 && has_next) {
            o->lexicon = argv[++i];
        } else if (strcmp(argv[i], "--threshold") == 0 && has_next) {
            o->so.threshold = strtod(argv[++i], NULL);
        } else if (strcmp(argv[i], "--cross-threshold") == 0 && has_next) {
            o->so.cross_threshold = strtod(argv[++i], NULL);
        } else if (strcmp(argv[i], "--dup-threshold") == 0 && has_next) {
            o->so.dup_threshold = strtod(argv[++i], NULL);
        } else if (argv[i][0] == '-' || o->dir != NULL) {
            fprintf(stderr, "parallax: eval stories: bad argument: %s\n%s",
                    argv[i], usage);
            return 2;
        } else {
            o->dir = argv[i];
        }
    }
    return -1;
}

/* Appends the versions of languages.tsv whose kind is (or, with
 * negate, is not) "original" to out. */
static void
add_versions(FILE *f, bool originals, char *out, size_t cap, size_t *len)
{
    char line[512];
    rewind(f);
    bool header = true;
    while (fgets(line, sizeof line, f) != NULL) {
        const size_t n = strcspn(line, "\t\n");
        const bool is_original = strstr(line, "\toriginal") != NULL;
        if (header || n == 0 || is_original != originals ||
            *len + n + 2 > cap) {
            header = false;
            continue;
        }
        *len += (size_t)snprintf(out + *len, cap - *len, "%s%.*s",
                                 *len ? "," : "", (int)n, line);
    }
}

/* Every version of dir/languages.tsv as a comma-separated list (owned):
 * the original first, as it was published before its translations. */
static char *
all_versions(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/languages.tsv", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return NULL;
    }
    const size_t cap = 8192;
    char *out = malloc(cap);
    size_t len = 0;
    if (out != NULL) {
        out[0] = '\0';
        add_versions(f, true, out, cap, &len);
        add_versions(f, false, out, cap, &len);
    }
    fclose(f);
    return out;
}

int
px_cmd_eval_stories(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    opts o = {NULL, NULL, NULL, false, false, {0, 0, 0, 0, 1}};
    const int prc = parse(argc, argv, &o);
    if (prc >= 0) {
        return prc;
    }
    char dir[4096];
    px_cli_data_dir(o.dir, "data/crosslingual/ntrex128", dir, sizeof dir);
    char *versions = o.all ? all_versions(dir) : NULL;
    if (o.all && versions == NULL) {
        fprintf(stderr,
                "parallax: eval stories: %s/languages.tsv: cannot "
                "read\n",
                dir);
        return 1;
    }
    static char label[] = "eval stories: versions";
    char *json = NULL;
    px_error err = {0};
    const px_status rc =
        px_eval_stories(dir, o.all ? versions : o.versions, o.lexicon, &o.so,
                        px_cli_progress, label, &json, &err);
    free(versions);
    if (rc != PX_OK) {
        px_cli_error("eval stories", err.msg);
        return 1;
    }
    json_t *root = o.json ? NULL : json_loads(json, 0, NULL);
    if (o.json) {
        puts(json);
    } else if (root != NULL) {
        print_report(root);
    }
    json_decref(root);
    px_free(json);
    return 0;
}
