/* cmd_serve.c - `parallax serve`: the web UI over a store, read-only,
 * on 127.0.0.1 by default, until SIGINT or SIGTERM. The signals are
 * blocked before the server starts (so its threads never take them) and
 * awaited with sigsuspend. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve.h"

static const char usage[] =
    "usage: parallax serve [--store FILE] [--port N] [--bind ADDR]\n"
    "                      [--threads N] [--rate N]\n"
    "\n"
    "Serves the stories of a store on a local web page (read-only): the\n"
    "story list, search, each story's sheet and each article with its\n"
    "figures, dates and names marked, plus a JSON API under /api/.\n"
    "Stops on Ctrl-C (SIGINT) or SIGTERM.\n"
    "\n"
    "  --store FILE   the store (default: $PX_STORE, else parallax.db)\n"
    "  --port N       port (default: 8080; 0: any free port)\n"
    "  --bind ADDR    address to listen on (default: 127.0.0.1)\n"
    "  --threads N    worker threads, each with its own store handle\n"
    "                 (default: 4, at most 64)\n"
    "  --rate N       requests a second per client address (default: 200,\n"
    "                 bursts of twice that; 0: no limit)\n";

static volatile sig_atomic_t stop_signal = 0;

static void
on_signal(int sig)
{
    stop_signal = sig;
}

/* Parses an unsigned number in [lo, hi]; false after printing why. */
static bool
parse_num(const char *opt, const char *v, unsigned long lo, unsigned long hi,
          unsigned long *out)
{
    char *end = NULL;
    const unsigned long n = v != NULL ? strtoul(v, &end, 10) : 0;
    if (v == NULL || end == v || *end != '\0' || v[0] == '-' || n < lo ||
        n > hi) {
        fprintf(stderr, "parallax: serve: %s wants a number from %lu to %lu\n",
                opt, lo, hi);
        return false;
    }
    *out = n;
    return true;
}

/* One option at argv[*i] (its value at argv[*i + 1]); false after
 * printing why. */
static bool
is_option(const char *opt)
{
    static const char *const known[] = {"--store", "--bind", "--port",
                                        "--threads", "--rate"};
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        if (strcmp(opt, known[k]) == 0) {
            return true;
        }
    }
    return false;
}

static bool
parse_opt(int argc, char **argv, int *i, px_serve_opts *o)
{
    const char *opt = argv[*i];
    const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    unsigned long n = 0;
    bool ok = true;
    if (!is_option(opt)) {
        fprintf(stderr,
                "parallax: serve: unknown option '%s' (see parallax "
                "serve --help)\n",
                opt);
        return false;
    }
    if (v == NULL) {
        fprintf(stderr, "parallax: serve: %s wants a value\n", opt);
        return false;
    }
    if (strcmp(opt, "--store") == 0) {
        o->store_path = v;
    } else if (strcmp(opt, "--bind") == 0) {
        o->bind = v;
    } else if (strcmp(opt, "--port") == 0) {
        ok = parse_num(opt, v, 0, 65535, &n);
        o->port = (uint16_t)n;
    } else if (strcmp(opt, "--threads") == 0) {
        ok = parse_num(opt, v, 1, 64, &n);
        o->threads = (unsigned)n;
    } else {
        ok = parse_num(opt, v, 0, 1000000000, &n);
        o->rate_per_s = n == 0 ? -1 : (double)n;
        o->burst = 2 * (double)n;
    }
    (*i)++;
    return ok;
}

/* Serves until a signal; returns the exit code. */
static int
serve(const px_serve_opts *o)
{
    sigset_t block;
    sigset_t old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    sigprocmask(SIG_BLOCK, &block, &old);
    px_server *srv = NULL;
    px_error err = {0};
    if (px_serve_start(o, &srv, &err) != PX_OK) {
        px_cli_error("serve", err.msg);
        sigprocmask(SIG_SETMASK, &old, NULL);
        return 1;
    }
    const char *bind = o->bind != NULL ? o->bind : "127.0.0.1";
    const bool is_v6 = strchr(bind, ':') != NULL;
    printf("parallax: serving %s on http://%s%s%s:%u/ (Ctrl-C stops)\n",
           o->store_path, is_v6 ? "[" : "", bind, is_v6 ? "]" : "",
           (unsigned)px_serve_port(srv));
    fflush(stdout);
    sigset_t wait_mask = old;
    sigdelset(&wait_mask, SIGINT);
    sigdelset(&wait_mask, SIGTERM);
    while (stop_signal == 0) {
        sigsuspend(&wait_mask);
    }
    px_serve_stop(srv);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("parallax: stopped (%s)\n",
           stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}

int
px_cmd_serve(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    px_serve_opts o;
    memset(&o, 0, sizeof o);
    o.store_path = NULL;
    o.port = 8080;
    for (int i = 1; i < argc; i++) {
        if (!parse_opt(argc, argv, &i, &o)) {
            return 2;
        }
    }
    o.store_path = px_cli_store_path(o.store_path);
    return serve(&o);
}
