/* main.c - the parallax command line: dispatches to one cmd_<name>.c per
 * subcommand. Only parallax.h is used here. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const px_cmd commands[] = {
    {"extract", "print one JSON object per article found in pages",
     px_cmd_extract},
    {"analyse", "print language, words, figures and dates of each article",
     px_cmd_analyse},
    {"concepts", "print the concepts each article's words name",
     px_cmd_concepts},
    {"run", "read, extract and write the results for a corpus", px_cmd_run},
    {"show", "print one story's sheet: what all say, what differs",
     px_cmd_show},
    {"report", "write the HTML report of all stories and their sheets",
     px_cmd_report},
    {"add", "add pages to the store (stories grow as pages arrive)",
     px_cmd_add},
    {"stories", "list the store's stories, newest or largest first",
     px_cmd_stories},
    {"search", "search the store's articles in any language", px_cmd_search},
    {"eval", "score parallax against benchmark datasets", px_cmd_eval},
    {"lexicon", "build, query or describe the concept lexicon", px_cmd_lexicon},
    {"serve", "serve the stories of a store on a local web page", px_cmd_serve},
};

static void
usage(FILE *f)
{
    fprintf(f, "usage: parallax [-v] COMMAND [ARGS...]\n\n"
               "Reads news pages in any language and lines up the stories "
               "they tell.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(f, "\n'parallax COMMAND --help' describes one command.\n");
}

int
main(int argc, char **argv)
{
    int i = 1;
    px_cli_verbosity = 0;
    while (i < argc && strcmp(argv[i], "-v") == 0) {
        px_cli_verbosity++;
        i++;
    }
    if (i >= argc) {
        usage(stderr);
        return 2;
    }
    const char *name = argv[i];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
        strcmp(name, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        printf("parallax %s\n", PX_VERSION);
        return 0;
    }
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        if (strcmp(commands[c].name, name) == 0) {
            px_cli_setup_log();
            return commands[c].fn(argc - i, argv + i);
        }
    }
    fprintf(stderr, "parallax: unknown command '%s' (see parallax --help)\n",
            name);
    return 2;
}
