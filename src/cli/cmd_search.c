/* cmd_search.c - `parallax search`: full-text and concept search over the
 * store's articles. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
    "usage: parallax search [--store FILE] [--json] [--limit N] QUERY...\n"
    "\n"
    "Searches the store's articles in every language: by their words\n"
    "(full text) and by the concepts the query's words name, so an English\n"
    "query finds Arabic or Chinese articles too. Prints the best hits with\n"
    "their story and a snippet.\n"
    "\n"
    "  --store FILE   the store (default: $PX_STORE, else parallax.db)\n"
    "  --json         the hits as JSON (docs/schema.json, store_search)\n"
    "  --limit N      hits to print (default 50)\n";

static void
print_text(const json_t *doc)
{
    size_t i = 0;
    const json_t *h = NULL;
    json_array_foreach(json_object_get(doc, "hits"), i, h)
    {
        printf("%5.2f %-7s article %lld, story %lld [%s] %s\n       %s\n",
               px_cli_json_num(h, "score"), px_cli_json_str(h, "match"),
               (long long)px_cli_json_num(h, "article"),
               (long long)px_cli_json_num(h, "story"),
               px_cli_json_str(h, "lang"), px_cli_json_str(h, "title"),
               px_cli_json_str(h, "snippet"));
    }
    printf("%lld hits\n", (long long)px_cli_json_num(doc, "total"));
}

/* Parses the options and joins the query words into q (cap bytes). */
static int
parse(int argc, char **argv, const char **store, bool *json, size_t *limit,
      char *q, size_t cap)
{
    size_t n = 0;
    q[0] = '\0';
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(s, "--store") == 0 && v != NULL) {
            *store = argv[++i];
        } else if (strcmp(s, "--json") == 0) {
            *json = true;
        } else if (strcmp(s, "--limit") == 0) {
            i++;
            if (!px_cli_parse_size("search", s, v, limit)) {
                return 2;
            }
        } else if (s[0] == '-' && s[1] == '-') {
            fprintf(stderr, "parallax: search: unknown option %s\n%s", s,
                    usage);
            return 2;
        } else {
            n += (size_t)snprintf(q + n, n < cap ? cap - n : 0, "%s%s",
                                  n ? " " : "", s);
        }
    }
    if (n == 0 || n >= cap) {
        fprintf(stderr, "parallax: search: %s\n%s",
                n ? "query too long" : "no QUERY given", usage);
        return 2;
    }
    return 0;
}

int
px_cmd_search(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    const char *store = NULL;
    bool json = false;
    size_t limit = 0;
    char q[2048];
    int rc = parse(argc, argv, &store, &json, &limit, q, sizeof q);
    px_store *st = NULL;
    if (rc != 0 || px_cli_open_store("search", store, true, &st) != 0) {
        return rc != 0 ? rc : 1;
    }
    char *out = NULL;
    size_t len = 0;
    px_error err = {0};
    if (px_store_search_json(st, q, limit, &out, &len, &err) != PX_OK) {
        px_cli_error("search", err.msg);
        rc = err.code == PX_EINVAL ? 2 : 1;
    } else if (json) {
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
