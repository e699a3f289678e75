/* cli.c - helpers shared by the subcommands: logging to stderr, --help
 * detection, progress lines, error lines. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int px_cli_verbosity = 0;

static void
log_to_stderr(void *ctx, px_log_level level, const char *line)
{
    static const char *const names[] = {"debug", "info", "warning", "error"};
    (void)ctx;
    fprintf(stderr, "parallax: %s: %s\n", names[level], line);
}

void
px_cli_setup_log(void)
{
    const px_log_level min = px_cli_verbosity >= 2   ? PX_LOG_DEBUG
                             : px_cli_verbosity == 1 ? PX_LOG_INFO
                                                     : PX_LOG_WARN;
    px_log_set(log_to_stderr, NULL, min);
}

bool
px_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            return false;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return true;
        }
    }
    return false;
}

void
px_cli_progress(void *ctx, size_t done, size_t total)
{
    static int is_tty = -1;
    if (is_tty < 0) {
        is_tty = isatty(STDERR_FILENO);
    }
    if (!is_tty) {
        return;
    }
    const char *label = ctx != NULL ? ctx : "working";
    if (total > 0) {
        fprintf(stderr, "\r%s: %zu/%zu (%zu%%)", label, done, total,
                done * 100 / total);
    } else {
        fprintf(stderr, "\r%s: %zu", label, done);
    }
    if (total > 0 && done >= total) {
        fputc('\n', stderr);
    }
    fflush(stderr);
}

void
px_cli_error(const char *cmd, const char *msg)
{
    fprintf(stderr, "parallax: %s: %s\n", cmd, msg);
}

bool
px_cli_parse_format(const char *s, px_format *out)
{
    static const struct {
        const char *name;
        px_format f;
    } map[] = {{"auto", PX_FORMAT_AUTO},
               {"html", PX_FORMAT_HTML},
               {"warc", PX_FORMAT_WARC},
               {"jsonl", PX_FORMAT_JSONL},
               {"text", PX_FORMAT_TEXT}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(s, map[i].name) == 0) {
            *out = map[i].f;
            return true;
        }
    }
    return false;
}

int
px_cli_parse_inputs(int argc, char **argv, const char *cmd, const char *usage,
                    px_cli_inputs *in)
{
    const bool allow_out = in->out_dir != NULL;
    in->format = PX_FORMAT_AUTO;
    in->n_paths = 0;
    bool only_paths = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            argv[1 + in->n_paths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = true;
        } else if (allow_out && strcmp(a, "-o") == 0 && i + 1 < argc) {
            in->out_dir = argv[++i];
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc &&
                   px_cli_parse_format(argv[i + 1], &in->format)) {
            i++;
        } else {
            fprintf(stderr, "parallax: %s: bad option '%s'\n%s", cmd, a, usage);
            return 2;
        }
    }
    if (in->n_paths == 0) {
        fprintf(stderr, "parallax: %s: no input\n%s", cmd, usage);
        return 2;
    }
    return 0;
}

/* The shared folder: $PX_SHARED_DIR, else ../shared if it exists (run from
 * the repository), else the one beside the repository holding the binary
 * (<repo>/build/parallax -> <repo>/../shared). */
void
px_cli_shared_dir(char *out, size_t cap)
{
    const char *env = getenv("PX_SHARED_DIR");
    struct stat sb;
    if (env != NULL) {
        snprintf(out, cap, "%s", env);
        return;
    }
    snprintf(out, cap, "../shared");
    if (stat(out, &sb) == 0) {
        return;
    }
    char exe[1024];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return;
    }
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(exe, '/');
        if (slash == NULL) {
            return;
        }
        *slash = '\0';
    }
    snprintf(out, cap, "%s/../shared", exe);
}

void
px_cli_data_dir(const char *arg, const char *rel, char *out, size_t cap)
{
    if (arg != NULL) {
        snprintf(out, cap, "%s", arg);
        return;
    }
    char shared[2048];
    px_cli_shared_dir(shared, sizeof shared);
    snprintf(out, cap, "%s/%s", shared, rel);
}

double
px_cli_json_num(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : 0.0;
}

const char *
px_cli_json_str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s != NULL ? s : "";
}
