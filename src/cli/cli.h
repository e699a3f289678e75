/* cli.h - what the subcommands of the parallax CLI share. The CLI uses
 * only the public API (parallax.h). */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <stdbool.h>

#include <jansson.h>
#include <stddef.h>

#include "parallax.h"

typedef struct px_cmd {
    const char *name;
    const char *summary;
    int (*fn)(int argc, char **argv);
} px_cmd;

/* Number of -v flags given before the command. */
extern int px_cli_verbosity;

/* Sends library log lines to stderr: warnings by default, -v info, -vv
 * debug. */
void px_cli_setup_log(void);

/* True if argv (after the command name) holds --help or -h. */
bool px_cli_wants_help(int argc, char **argv);

/* A progress line on stderr, redrawn in place, only when stderr is a
 * terminal; ctx is the label (const char *). done == total ends the line. */
void px_cli_progress(void *ctx, size_t done, size_t total);

/* Prints "parallax: CMD: msg" on stderr. */
void px_cli_error(const char *cmd, const char *msg);

/* The shared data folder: $PX_SHARED_DIR, else ../shared if it exists
 * (run from the repository), else the one beside the repository holding
 * the binary (<repo>/build/parallax -> <repo>/../shared). */
void px_cli_shared_dir(char *out, size_t cap);

/* The data folder an evaluation reads: arg when given, else rel under the
 * shared folder (px_cli_shared_dir). */
void px_cli_data_dir(const char *arg, const char *rel, char *out, size_t cap);

/* Members of a JSON report: a number (0 when absent) and a string (""
 * when absent). */
double px_cli_json_num(const json_t *o, const char *key);
const char *px_cli_json_str(const json_t *o, const char *key);

/* Parses a --format value ("auto", "html", "warc", "jsonl", "text"). */
bool px_cli_parse_format(const char *s, px_format *out);

/* What the page-reading commands take: input paths, --format and (where
 * out_dir is not NULL on entry) -o DIR. */
typedef struct px_cli_inputs {
    px_format format;
    const char *out_dir;
    int n_paths; /* the paths are moved to argv[1..n_paths] */
} px_cli_inputs;

/* Parses options anywhere among the paths ("--" ends options). Returns 0,
 * or 2 after printing a usage error for cmd. */
int px_cli_parse_inputs(int argc, char **argv, const char *cmd,
                        const char *usage, px_cli_inputs *in);

/* Reads, extracts and clusters the pages under paths into *out (owned,
 * px_storyset_free). Returns 0, or 1 after printing why. */
int px_cli_load_stories(char **paths, int n_paths, px_format format,
                        px_storyset **out);

/* Writes the HTML report of set to path. Returns 0, or 1 after printing
 * why. */
int px_cli_write_report(const px_storyset *set, const char *path);

/* The store a command uses: arg (--store) when given, else $PX_STORE,
 * else parallax.db in the current folder. */
const char *px_cli_store_path(const char *arg);

/* Opens the store at px_cli_store_path(path). Returns 0, or 1 after
 * printing why. */
typedef struct px_store px_store;
int px_cli_open_store(const char *cmd, const char *path, bool read_only,
                      px_store **out);

/* Parses s as a count for option opt; false after printing why not. */
bool px_cli_parse_size(const char *cmd, const char *opt, const char *s,
                       size_t *out);

int px_cmd_add(int argc, char **argv);
int px_cmd_stories(int argc, char **argv);
int px_cmd_search(int argc, char **argv);
int px_cmd_show(int argc, char **argv);
int px_cmd_report(int argc, char **argv);
int px_cmd_extract(int argc, char **argv);
int px_cmd_analyse(int argc, char **argv);
int px_cmd_run(int argc, char **argv);
int px_cmd_eval(int argc, char **argv);
int px_cmd_eval_langid(int argc, char **argv);
int px_cmd_eval_concepts(int argc, char **argv);
int px_cmd_eval_stories(int argc, char **argv);
int px_cmd_eval_pairs(int argc, char **argv);
int px_cmd_concepts(int argc, char **argv);
int px_cmd_lexicon(int argc, char **argv);
int px_cmd_serve(int argc, char **argv);

#endif /* PX_CLI_H */
