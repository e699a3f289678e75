/* cmd_show.c - `parallax show`: the sheet of one story, for a terminal or
 * as JSON. The pages are read and grouped again (as `parallax run` does),
 * then the story is picked by its rank in run's summary, by id, or all
 * the pages are taken as one story. Also the loader `report` shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
    "usage: parallax show [--json] [--format F] STORY PATH...\n"
    "       parallax show --store FILE [--json] ID\n"
    "\n"
    "Reads the pages under PATH, groups them into stories as `parallax run`\n"
    "does, and prints the sheet of STORY: its sources, actors and places,\n"
    "timeline, figures (differing values flagged), dates that differ,\n"
    "claims aligned across sources, quotes by speaker and framing words,\n"
    "each with byte offsets into the article text.\n"
    "\n"
    "  STORY        N (rank in run's summary, 1 = largest), id:N (story id\n"
    "               in stories.json) or all (every page as one story)\n"
    "  --json       the sheet as JSON (docs/schema.json, \"sheet\")\n"
    "  --format F   auto (default), html, warc, jsonl, text\n"
    "  --store FILE read story ID from the store (parallax add) instead:\n"
    "               its articles and, with --json, the whole store_story\n"
    "               document with its sheet (docs/schema.json)\n";

int
px_cli_load_stories(char **paths, int n_paths, px_format format,
                    px_storyset **out)
{
    *out = NULL;
    px_reader *r = NULL;
    px_storyset *set = NULL;
    px_error err = {0};
    if (px_reader_open((const char *const *)paths, (size_t)n_paths, format, &r,
                       &err) != PX_OK ||
        px_storyset_new(NULL, NULL, &set, &err) != PX_OK) {
        px_cli_error("stories", err.msg);
        px_reader_close(r);
        return 1;
    }
    for (;;) {
        const px_record *rec = NULL;
        px_article *a = NULL;
        px_error e = {0};
        if (px_reader_next(r, &rec, &e) != PX_OK) {
            px_cli_error("stories", e.msg);
            continue;
        }
        if (rec == NULL) {
            break;
        }
        if (px_extract(rec, &a, &e) != PX_OK ||
            px_storyset_add(set, a, &e) != PX_OK) {
            px_cli_error("stories", e.msg);
        }
        px_article_free(a);
    }
    px_reader_close(r);
    if (px_storyset_count(set) == 0 ||
        px_storyset_cluster(set, &err) != PX_OK) {
        px_cli_error("stories", err.msg[0] ? err.msg : "no articles");
        px_storyset_free(set);
        return 1;
    }
    *out = set;
    return 0;
}

/* The story STORY names into *k; false after printing why not. */
static bool
pick_story(const px_storyset *set, const char *arg, size_t *k)
{
    *k = PX_STORY_ALL;
    if (strcmp(arg, "all") == 0) {
        return true;
    }
    char *end = NULL;
    const bool is_id = strncmp(arg, "id:", 3) == 0;
    const unsigned long v = strtoul(is_id ? arg + 3 : arg, &end, 10);
    if (end == NULL || *end != '\0' || end == arg) {
        fprintf(stderr, "parallax: show: bad story '%s'\n", arg);
        return false;
    }
    *k = is_id ? (v < px_storyset_n_stories(set) ? v : SIZE_MAX)
               : px_storyset_story_at(set, v);
    if (*k == SIZE_MAX) {
        fprintf(stderr, "parallax: show: no story %s (%zu stories)\n", arg,
                px_storyset_n_stories(set));
        return false;
    }
    return true;
}

/* Removes --json from argv (returns whether it was there). */
static bool
take_flag(int *argc, char **argv, const char *flag)
{
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], flag) == 0) {
            memmove(argv + i, argv + i + 1,
                    (size_t)(*argc - i - 1) * sizeof *argv);
            (*argc)--;
            return true;
        }
    }
    return false;
}

/* Removes "--store FILE" from argv; *path gets FILE (NULL when absent). */
static bool
take_store(int *argc, char **argv, const char **path)
{
    *path = NULL;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--store") == 0) {
            if (i + 1 >= *argc) {
                return false;
            }
            *path = argv[i + 1];
            memmove(argv + i, argv + i + 2,
                    (size_t)(*argc - i - 2) * sizeof *argv);
            *argc -= 2;
            return true;
        }
    }
    return true;
}

static void
print_story(const char *doc)
{
    json_t *o = json_loads(doc, 0, NULL);
    printf("story %lld: %s\n%lld articles, %lld sources\n",
           (long long)px_cli_json_num(o, "id"), px_cli_json_str(o, "headline"),
           (long long)json_array_size(json_object_get(o, "articles")),
           (long long)px_cli_json_num(o, "sources"));
    size_t i = 0;
    const json_t *a = NULL;
    json_array_foreach(json_object_get(o, "articles"), i, a)
    {
        const char *pub = px_cli_json_str(a, "published");
        printf("  [%zu] article %lld  %-8s %-16.16s %s\n", i,
               (long long)px_cli_json_num(a, "id"), px_cli_json_str(a, "lang"),
               pub[0] ? pub : "undated", px_cli_json_str(a, "title"));
    }
    json_decref(o);
}

/* show --store FILE ID. */
static int
show_stored(const char *store, bool json, int argc, char **argv)
{
    char *end = NULL;
    const long long id = argc == 2 ? strtoll(argv[1], &end, 10) : 0;
    if (argc != 2 || end == argv[1] || *end != '\0') {
        fprintf(stderr, "parallax: show: --store takes one story ID\n%s",
                usage);
        return 2;
    }
    px_store *st = NULL;
    if (px_cli_open_store("show", store, true, &st) != 0) {
        return 1;
    }
    char *out = NULL;
    size_t len = 0;
    px_error err = {0};
    int rc = 0;
    if (px_store_story_json(st, id, &out, &len, &err) != PX_OK) {
        px_cli_error("show", err.msg);
        rc = 1;
    } else if (json) {
        printf("%s\n", out);
    } else {
        print_story(out);
    }
    px_free(out);
    px_store_close(st);
    return rc;
}

int
px_cmd_show(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    const bool json = take_flag(&argc, argv, "--json");
    const char *store = NULL;
    if (!take_store(&argc, argv, &store)) {
        fprintf(stderr, "parallax: show: --store needs a FILE\n");
        return 2;
    }
    if (store != NULL) {
        return show_stored(store, json, argc, argv);
    }
    px_cli_inputs o = {PX_FORMAT_AUTO, NULL, 0};
    int rc = px_cli_parse_inputs(argc, argv, "show", usage, &o);
    if (rc == 0 && o.n_paths < 2) {
        fprintf(stderr, "parallax: show: STORY and PATH needed\n%s", usage);
        rc = 2;
    }
    px_storyset *set = NULL;
    if (rc != 0 ||
        px_cli_load_stories(argv + 2, o.n_paths - 1, o.format, &set) != 0) {
        return rc != 0 ? rc : 1;
    }
    size_t k = 0;
    rc = pick_story(set, argv[1], &k) ? 0 : 1;
    char *out = NULL;
    size_t len = 0;
    px_error err = {0};
    if (rc == 0 &&
        (json ? px_storyset_sheet_json(set, k, &out, &len, &err)
              : px_storyset_sheet_text(set, k, &out, &len, &err)) != PX_OK) {
        px_cli_error("show", err.msg);
        rc = 1;
    }
    if (rc == 0) {
        fwrite(out, 1, len, stdout);
        fputs(json ? "\n" : "", stdout);
    }
    px_free(out);
    px_storyset_free(set);
    return rc;
}
