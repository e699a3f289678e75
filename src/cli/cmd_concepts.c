/* cmd_concepts.c - `parallax concepts`: the concepts each article's words
 * name, as JSON Lines (docs/schema.json, "concepts"), or a short human
 * form on a terminal or with --text.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax concepts [--format F] [--text | --json] [--top N] "
    "PATH...\n"
    "\n"
    "Reads pages like 'parallax extract' and prints for each article the\n"
    "language-independent concepts its words name (countries, places,\n"
    "people, organisations, English pivot words), with summed weights,\n"
    "English glosses and the words (with byte offsets) that produced them,\n"
    "plus its content-word coverage. Needs the lexicon (lexicon.plx beside\n"
    "the binary, or $PX_LEXICON; `parallax lexicon build` makes it).\n"
    "\n"
    "  --format F   auto (default: sniffed per file), html, warc, jsonl, text\n"
    "  --text       a short human form (the default on a terminal)\n"
    "  --json       one JSON object per article (the default otherwise)\n"
    "  --top N      concepts shown per article in the human form (20)\n"
    "\n"
    "Exit status: 0 if at least one article was read, 1 if none could be,\n"
    "2 on a usage error.\n";

typedef struct opts {
    bool text;
    long top;
} opts;

/* Takes --text, --json and --top N out of argv; -1 if fine, else 2. */
static int
take_opts(int *argc, char **argv, opts *o)
{
    int k = 1;
    bool ended = false;
    for (int i = 1; i < *argc; i++) {
        ended = ended || strcmp(argv[i], "--") == 0;
        if (!ended && strcmp(argv[i], "--text") == 0) {
            o->text = true;
        } else if (!ended && strcmp(argv[i], "--json") == 0) {
            o->text = false;
        } else if (!ended && strcmp(argv[i], "--top") == 0) {
            char *end = NULL;
            o->top = i + 1 < *argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (o->top < 0 || end == argv[i + 1] || *end != '\0') {
                fprintf(stderr, "parallax concepts: --top needs a count\n");
                return 2;
            }
            i++;
        } else {
            argv[k++] = argv[i];
        }
    }
    *argc = k;
    return -1;
}

static const char *
str_of(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s != NULL ? s : "";
}

static void
print_concept(const json_t *c)
{
    printf("  %7.3f  %-22s %-24s <-",
           json_number_value(json_object_get(c, "weight")), str_of(c, "id"),
           str_of(c, "gloss"));
    size_t i = 0;
    const json_t *w = NULL;
    json_array_foreach(json_object_get(c, "words"), i, w)
    {
        if (i == 4) {
            printf(" ...");
            break;
        }
        printf(" %s", str_of(w, "text"));
    }
    printf("\n");
}

static void
print_text(const char *json, long top)
{
    json_t *root = json_loads(json, 0, NULL);
    if (root == NULL) {
        return;
    }
    const json_int_t content =
        json_integer_value(json_object_get(root, "content_words"));
    const json_int_t covered =
        json_integer_value(json_object_get(root, "covered"));
    printf(
        "%s [%s] %s\n  coverage %.1f%% (%lld of %lld content words)%s\n",
        str_of(root, "source"), str_of(root, "language"), str_of(root, "title"),
        content > 0 ? 100.0 * (double)covered / (double)content : 0.0,
        (long long)covered, (long long)content,
        json_is_true(json_object_get(root, "lexicon")) ? "" : " (no lexicon)");
    size_t i = 0;
    const json_t *c = NULL;
    json_array_foreach(json_object_get(root, "concepts"), i, c)
    {
        if ((long)i >= top) {
            break;
        }
        print_concept(c);
    }
    json_decref(root);
}

static bool
one(const px_record *rec, const opts *o)
{
    px_error err = {0};
    px_article *a = NULL;
    char *json = NULL;
    size_t len = 0;
    const bool ok = px_extract(rec, &a, &err) == PX_OK &&
                    px_concepts_json(a, &json, &len, &err) == PX_OK;
    if (!ok) {
        px_cli_error("concepts", err.msg);
    } else if (o->text) {
        print_text(json, o->top);
    } else {
        fwrite(json, 1, len, stdout);
        fputc('\n', stdout);
    }
    px_free(json);
    px_article_free(a);
    return ok;
}

static int
read_all(int n_paths, char **paths, px_format format, const opts *o)
{
    px_reader *r = NULL;
    px_error err = {0};
    if (px_reader_open((const char *const *)paths, (size_t)n_paths, format, &r,
                       &err) != PX_OK) {
        px_cli_error("concepts", err.msg);
        return 1;
    }
    size_t n_ok = 0;
    for (;;) {
        const px_record *rec = NULL;
        err = (px_error){0};
        if (px_reader_next(r, &rec, &err) != PX_OK) {
            px_cli_error("concepts", err.msg);
            continue;
        }
        if (rec == NULL) {
            break;
        }
        n_ok += one(rec, o);
    }
    px_reader_close(r);
    fflush(stdout);
    return n_ok > 0 ? 0 : 1;
}

int
px_cmd_concepts(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    opts o = {isatty(STDOUT_FILENO) != 0, 20};
    int rc = take_opts(&argc, argv, &o);
    if (rc >= 0) {
        return rc;
    }
    px_cli_inputs in = {PX_FORMAT_AUTO, NULL, 0};
    rc = px_cli_parse_inputs(argc, argv, "concepts", usage, &in);
    if (rc != 0) {
        return rc;
    }
    return read_all(in.n_paths, argv + 1, in.format, &o);
}
