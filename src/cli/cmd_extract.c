/* cmd_extract.c - `parallax extract` (one JSON object per article) and
 * `parallax analyse` (one analysis per article): both read pages the same
 * way and differ only in what they print for each article. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char extract_usage[] =
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

static const char analyse_usage[] =
    "usage: parallax analyse [--format F] [--words] PATH...\n"
    "\n"
    "Reads pages like 'parallax extract', then prints for each article one\n"
    "JSON object per line (docs/schema.json, \"analysis\"): its language\n"
    "and script with a confidence (and other languages with their share),\n"
    "its word count, every figure (value, qualifier such as more_than,\n"
    "kind, counted unit such as deaths or questions, sentence) and every\n"
    "date mention (relative ones resolved against the publication date),\n"
    "all with byte offsets into the article text of 'parallax extract'.\n"
    "The lexicon (lexicon.plx beside the binary, or $PX_LEXICON) supplies\n"
    "stopwords, Arabic clitics and Chinese words when it is there.\n"
    "\n"
    "  --format F   auto (default: sniffed per file), html, warc, jsonl, text\n"
    "  --words      also list every word: offsets, key, stem, stopword\n"
    "\n"
    "Exit status: 0 if at least one article was analysed, 1 if none could\n"
    "be, 2 on a usage error.\n";

typedef px_status (*to_json_fn)(const px_article *a, char **out, size_t *len,
                                px_error *err);

typedef struct per_article {
    const char *cmd;
    to_json_fn to_json;
    size_t ok;
    size_t failed;
} per_article;

static void
print_one(const px_record *rec, per_article *p)
{
    px_error err = {0};
    px_article *a = NULL;
    char *json = NULL;
    size_t len = 0;
    if (px_extract(rec, &a, &err) == PX_OK &&
        p->to_json(a, &json, &len, &err) == PX_OK) {
        fwrite(json, 1, len, stdout);
        fputc('\n', stdout);
        p->ok++;
    } else {
        px_cli_error(p->cmd, err.msg);
        p->failed++;
    }
    px_free(json);
    px_article_free(a);
}

static int
each_article(int argc, char **argv, const char *usage, per_article *p)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    px_cli_inputs in = {PX_FORMAT_AUTO, NULL, 0};
    const int rc = px_cli_parse_inputs(argc, argv, p->cmd, usage, &in);
    if (rc != 0) {
        return rc;
    }
    px_reader *r = NULL;
    px_error err = {0};
    if (px_reader_open((const char *const *)argv + 1, (size_t)in.n_paths,
                       in.format, &r, &err) != PX_OK) {
        px_cli_error(p->cmd, err.msg);
        return 1;
    }
    for (;;) {
        const px_record *rec = NULL;
        err = (px_error){0};
        if (px_reader_next(r, &rec, &err) != PX_OK) {
            px_cli_error(p->cmd, err.msg);
            p->failed++;
            continue;
        }
        if (rec == NULL) {
            break;
        }
        print_one(rec, p);
    }
    px_reader_close(r);
    fflush(stdout);
    return p->ok > 0 ? 0 : 1;
}

int
px_cmd_extract(int argc, char **argv)
{
    per_article p = {"extract", px_article_json, 0, 0};
    return each_article(argc, argv, extract_usage, &p);
}

static px_status
analyse_with_words(const px_article *a, char **out, size_t *len, px_error *err)
{
    const px_analyse_opts o = {true};
    return px_analyse_json_opts(a, &o, out, len, err);
}

/* Removes the flag opt (before any "--") from argv; true if it was there. */
static bool
take_flag(int *argc, char **argv, const char *opt)
{
    bool found = false;
    int k = 1;
    bool ended = false;
    for (int i = 1; i < *argc; i++) {
        ended = ended || strcmp(argv[i], "--") == 0;
        if (!ended && strcmp(argv[i], opt) == 0) {
            found = true;
            continue;
        }
        argv[k++] = argv[i];
    }
    *argc = k;
    return found;
}

int
px_cmd_analyse(int argc, char **argv)
{
    const bool words = take_flag(&argc, argv, "--words");
    per_article p = {"analyse", words ? analyse_with_words : px_analyse_json, 0,
                     0};
    return each_article(argc, argv, analyse_usage, &p);
}
