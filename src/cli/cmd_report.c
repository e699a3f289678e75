/* cmd_report.c - `parallax report`: reads and groups the pages as `run`
 * does and writes the HTML report of the stories and their sheets. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax report [-o FILE] [--format F] PATH...\n"
    "\n"
    "Reads the pages under PATH, groups them into stories and writes one\n"
    "self-contained HTML page (readable offline) with the stories of two or\n"
    "more articles and their sheets: sources as columns, differing figures\n"
    "highlighted, figures, dates and quotes marked in the original texts.\n"
    "\n"
    "  -o FILE      where to write (default: report.html)\n"
    "  --format F   auto (default), html, warc, jsonl, text\n";

int
px_cli_write_report(const px_storyset *set, const char *path)
{
    char *html = NULL;
    size_t len = 0;
    px_error err = {0};
    if (px_storyset_report_html(set, 50, &html, &len, &err) != PX_OK) {
        px_cli_error("report", err.msg);
        return 1;
    }
    FILE *f = fopen(path, "w");
    const bool ok = f != NULL && fwrite(html, 1, len, f) == len;
    if (f != NULL && fclose(f) != 0) {
        px_free(html);
        return 1;
    }
    px_free(html);
    if (!ok) {
        fprintf(stderr, "parallax: report: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

int
px_cmd_report(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    px_cli_inputs o = {PX_FORMAT_AUTO, "report.html", 0};
    const int rc = px_cli_parse_inputs(argc, argv, "report", usage, &o);
    px_storyset *set = NULL;
    if (rc != 0 ||
        px_cli_load_stories(argv + 1, o.n_paths, o.format, &set) != 0) {
        return rc != 0 ? rc : 1;
    }
    const int wrc = px_cli_write_report(set, o.out_dir);
    if (wrc == 0) {
        printf("report written to %s\n", o.out_dir);
    }
    px_storyset_free(set);
    return wrc;
}
