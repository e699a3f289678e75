/* cmd_extract.c - `parallax extract`: one JSON object per article. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax extract [--format F] PATH...\n"
    "\n"
    "Reads pages (HTML in any charset, WARC/.warc.gz, JSON Lines, plain-text\n"
    "page dumps; folders recursively; '-' for stdin), extracts each article\n"
    "and prints one JSON object per line on stdout (docs/schema.json,\n"
    "\"article\"). Items that cannot be read get a one-line reason on\n"
    "stderr.\n"
    "\n"
    "  --format F   auto (default: sniffed per file), html, warc, jsonl, text\n"
    "\n"
    "Exit status: 0 if at least one article was extracted, 1 if none could\n"
    "be, 2 on a usage error.\n";

typedef struct extract_count {
    size_t ok;
    size_t failed;
} extract_count;

static void
extract_one(const px_record *rec, extract_count *n)
{
    px_error err = {0};
    px_article *a = NULL;
    char *json = NULL;
    size_t len = 0;
    if (px_extract(rec, &a, &err) == PX_OK &&
        px_article_json(a, &json, &len, &err) == PX_OK) {
        fwrite(json, 1, len, stdout);
        fputc('\n', stdout);
        n->ok++;
    } else {
        px_cli_error("extract", err.msg);
        n->failed++;
    }
    px_free(json);
    px_article_free(a);
}

int
px_cmd_extract(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    px_cli_inputs in = {PX_FORMAT_AUTO, NULL, 0};
    const int rc = px_cli_parse_inputs(argc, argv, "extract", usage, &in);
    if (rc != 0) {
        return rc;
    }
    px_reader *r = NULL;
    px_error err = {0};
    if (px_reader_open((const char *const *)argv + 1, (size_t)in.n_paths,
                       in.format, &r, &err) != PX_OK) {
        px_cli_error("extract", err.msg);
        return 1;
    }
    extract_count n = {0, 0};
    for (;;) {
        const px_record *rec = NULL;
        err = (px_error){0};
        if (px_reader_next(r, &rec, &err) != PX_OK) {
            px_cli_error("extract", err.msg);
            n.failed++;
            continue;
        }
        if (rec == NULL) {
            break;
        }
        extract_one(rec, &n);
    }
    px_reader_close(r);
    fflush(stdout);
    return n.ok > 0 ? 0 : 1;
}
