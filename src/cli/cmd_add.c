/* cmd_add.c - `parallax add`: adds pages to the store, one committed
 * transaction per batch, and the options the store commands share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
    "usage: parallax add [--store FILE] [--batch N] [--window-days D]\n"
    "                    [--batches] PATH...\n"
    "\n"
    "Adds the pages under PATH (files, folders, WARC, JSON Lines, text\n"
    "dumps, - for standard input) to the store: articles the store holds\n"
    "already are skipped, new ones join the live stories or open new ones,\n"
    "and the sheets of the stories they touch are recomputed. Each batch\n"
    "is one transaction: an interrupted add keeps every batch it reported.\n"
    "\n"
    "  --store FILE      the store (default: $PX_STORE, else parallax.db)\n"
    "  --batch N         pages per batch (default 500)\n"
    "  --window-days D   story window in days (default 3; < 0: none)\n"
    "  --batches         one line per committed batch on stderr (default\n"
    "                    when stderr is a terminal)\n";

const char *
px_cli_store_path(const char *arg)
{
    if (arg != NULL) {
        return arg;
    }
    const char *env = getenv("PX_STORE");
    return env != NULL && env[0] != '\0' ? env : "parallax.db";
}

bool
px_cli_parse_size(const char *cmd, const char *opt, const char *s, size_t *out)
{
    char *end = NULL;
    const long long v = s != NULL ? strtoll(s, &end, 10) : -1;
    if (s == NULL || end == s || *end != '\0' || v < 0) {
        fprintf(stderr, "parallax: %s: %s needs a number >= 0\n", cmd, opt);
        return false;
    }
    *out = (size_t)v;
    return true;
}

int
px_cli_open_store(const char *cmd, const char *path, bool read_only,
                  px_store **out)
{
    px_error err = {0};
    if (px_store_open(px_cli_store_path(path), read_only, NULL, out, &err) !=
        PX_OK) {
        px_cli_error(cmd, err.msg);
        return 1;
    }
    return 0;
}

static void
on_batch(const px_store_add_stats *s, void *ctx)
{
    if (*(const bool *)ctx) {
        fprintf(stderr,
                "add: batch %lld committed: %zu pages, %zu new, %zu known, "
                "%zu failed; store holds %lld articles\n",
                (long long)s->batch_id, s->pages, s->added, s->known, s->failed,
                (long long)s->store_articles);
    }
}

typedef struct add_args {
    const char *store;
    px_store_add_opts o;
    bool batches;
    int n_paths; /* moved to argv[1..n_paths] */
} add_args;

static int
parse(int argc, char **argv, add_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(s, "--store") == 0 && v != NULL) {
            a->store = argv[++i];
        } else if (strcmp(s, "--batch") == 0) {
            i++;
            if (!px_cli_parse_size("add", s, v, &a->o.batch)) {
                return 2;
            }
        } else if (strcmp(s, "--window-days") == 0 && v != NULL) {
            char *end = NULL;
            a->o.story.window_days = strtod(argv[++i], &end);
            if (end == v || *end != '\0' || a->o.story.window_days == 0) {
                fprintf(stderr, "parallax: add: bad --window-days\n");
                return 2;
            }
        } else if (strcmp(s, "--batches") == 0) {
            a->batches = true;
        } else if (s[0] == '-' && s[1] != '\0') {
            fprintf(stderr, "parallax: add: unknown option %s\n%s", s, usage);
            return 2;
        } else {
            argv[++a->n_paths] = argv[i];
        }
    }
    if (a->n_paths == 0) {
        fprintf(stderr, "parallax: add: no PATH given\n%s", usage);
        return 2;
    }
    return 0;
}

int
px_cmd_add(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    add_args a = {0};
    a.batches = isatty(STDERR_FILENO);
    int rc = parse(argc, argv, &a);
    px_store *st = NULL;
    if (rc != 0 || px_cli_open_store("add", a.store, false, &st) != 0) {
        return rc != 0 ? rc : 1;
    }
    px_store_add_stats s = {0};
    px_error err = {0};
    if (px_store_add(st, (const char *const *)argv + 1, (size_t)a.n_paths, &a.o,
                     on_batch, &a.batches, &s, &err) != PX_OK) {
        px_cli_error("add", err.msg);
        rc = 1;
    }
    printf("added %zu articles (%zu known, %zu failed) from %zu pages in %zu "
           "batches; %zu new stories, %zu updated; the store holds %lld "
           "articles\n",
           s.added, s.known, s.failed, s.pages, s.batches, s.stories_new,
           s.stories_touched - s.stories_new, (long long)s.store_articles);
    px_store_close(st);
    return rc;
}
