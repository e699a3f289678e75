/* cmd_stories.c - `parallax stories`: the store's story list. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
    "usage: parallax stories [--store FILE] [--largest] [--json]\n"
    "                        [--limit N] [--offset N]\n"
    "\n"
    "Lists the stories of the store, newest (last article) first: id,\n"
    "articles, sources, languages, last time and headline.\n"
    "\n"
    "  --store FILE   the store (default: $PX_STORE, else parallax.db)\n"
    "  --largest      largest stories first\n"
    "  --json         the list as JSON (docs/schema.json, store_stories)\n"
    "  --limit N      stories to list (default 50)\n"
    "  --offset N     skip the first N\n";

typedef struct stories_args {
    const char *store;
    bool largest;
    bool json;
    size_t limit;
    size_t offset;
} stories_args;

static int
parse(int argc, char **argv, stories_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(s, "--store") == 0 && v != NULL) {
            a->store = argv[++i];
        } else if (strcmp(s, "--largest") == 0) {
            a->largest = true;
        } else if (strcmp(s, "--json") == 0) {
            a->json = true;
        } else if (strcmp(s, "--limit") == 0 || strcmp(s, "--offset") == 0) {
            i++;
            if (!px_cli_parse_size("stories", s, v,
                                   s[2] == 'l' ? &a->limit : &a->offset)) {
                return 2;
            }
        } else {
            fprintf(stderr, "parallax: stories: unknown argument %s\n%s", s,
                    usage);
            return 2;
        }
    }
    return 0;
}

static void
print_text(const json_t *doc)
{
    const json_t *list = json_object_get(doc, "stories");
    size_t i = 0;
    const json_t *s = NULL;
    json_array_foreach(list, i, s)
    {
        printf("%6lld  %3lld articles %3lld sources  [",
               (long long)px_cli_json_num(s, "id"),
               (long long)px_cli_json_num(s, "articles"),
               (long long)px_cli_json_num(s, "sources"));
        size_t j = 0;
        const json_t *l = NULL;
        json_array_foreach(json_object_get(s, "langs"), j, l)
        {
            printf("%s%s", j ? " " : "", json_string_value(l));
        }
        const char *last = px_cli_json_str(s, "last");
        printf("]  %.10s  %s\n", last[0] ? last : "undated",
               px_cli_json_str(s, "headline"));
    }
    printf("%lld stories\n", (long long)px_cli_json_num(doc, "total"));
}

int
px_cmd_stories(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    stories_args a = {0};
    int rc = parse(argc, argv, &a);
    px_store *st = NULL;
    if (rc != 0 || px_cli_open_store("stories", a.store, true, &st) != 0) {
        return rc != 0 ? rc : 1;
    }
    char *out = NULL;
    size_t len = 0;
    px_error err = {0};
    if (px_store_stories_json(st,
                              a.largest ? PX_STORE_LARGEST : PX_STORE_NEWEST,
                              a.offset, a.limit, &out, &len, &err) != PX_OK) {
        px_cli_error("stories", err.msg);
        rc = 1;
    } else if (a.json) {
        printf("%s\n", out);
    } else {
        json_t *doc = json_loads(out, 0, NULL);
        print_text(doc);
        json_decref(doc);
    }
    px_free(out);
    px_store_close(st);
    return rc;
}
