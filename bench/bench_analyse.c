/* bench_analyse.c - throughput of the whole analyse stage (language ID,
 * word units, figures, dates and the JSON of px_analyse_json) and of its
 * parts, on one thread over NTREX-128 documents (every Nth version; all
 * with N = 1), else the seed pages. Texts are loaded and unescaped first.
 * Reports MB/s per core (CPU time), documents per second and peak RSS, and
 * whether a lexicon was found (words use it for Chinese and stopwords).
 * Usage: bench_analyse [NTREX_DIR [N [STAGE]]] (default $PX_SHARED_DIR/
 * data/crosslingual/ntrex128, else ../shared/...; N 4). With STAGE
 * (analyse, analyse_words, langid, words, figures or dates) only that
 * stage runs, once and without warm-up: for profilers (valgrind
 * --tool=callgrind). "analyse" is px_analyse_json (words counted);
 * "analyse_words" lists every unit with its key and stem (--words).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "analyse.h"
#include "arena.h"
#include "article.h"
#include "datetext.h"
#include "figures.h"
#include "langid.h"
#include "parallax.h"
#include "str.h"
#include "words.h"

static double
cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char
escaped(int e)
{
    switch (e) {
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'r':
        return '\r';
    default:
        return (char)e;
    }
}

/* Appends the unescaped text column of every line of path to all, each
 * document followed by a NUL; returns the number of documents. */
static size_t
load_tsv(const char *path, px_buf *all)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    size_t n_docs = 0;
    int tabs = 0;
    bool header = true;
    int c = 0;
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n') {
            if (!header && tabs >= 4) {
                px_buf_add_byte(all, '\0');
                n_docs++;
            }
            header = false;
            tabs = 0;
        } else if (tabs < 4 || header) {
            tabs += c == '\t';
        } else if (c == '\\') {
            px_buf_add_byte(all, escaped(fgetc(f)));
        } else {
            px_buf_add_byte(all, (char)c);
        }
    }
    fclose(f);
    return n_docs;
}

/* A whole plain file as one document. */
static size_t
load_plain(const char *path, px_buf *all)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    char chunk[4096];
    size_t n = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        px_buf_add(all, chunk, n);
    }
    fclose(f);
    px_buf_add_byte(all, '\0');
    return 1;
}

/* Every every-th file of dir ending in ext (sorted by name). */
static size_t
load_dir(const char *dir, const char *ext, size_t every, px_buf *all)
{
    struct dirent **names = NULL;
    const int n = scandir(dir, &names, NULL, alphasort);
    size_t docs = 0;
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        const size_t len = strlen(name);
        if (len > strlen(ext) && strcmp(name + len - strlen(ext), ext) == 0 &&
            k++ % every == 0) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, name);
            docs += strcmp(ext, ".tsv") == 0 ? load_tsv(path, all)
                                             : load_plain(path, all);
        }
        free(names[i]);
    }
    free(names);
    return docs;
}

typedef enum stage {
    LANGID,
    WORDS,
    FIGURES,
    DATES,
    ANALYSE,
    ANALYSE_WORDS
} stage;

static void
one(const char *p, size_t len, stage s, px_words *w, unsigned *check)
{
    if (s == LANGID) {
        px_langid_result r;
        px_langid_detect((px_str){p, len}, &r, NULL);
        *check += (unsigned)r.lang[0];
        return;
    }
    px_article *a = px_article_new();
    if (a == NULL) {
        return;
    }
    a->text = px_arena_strndup(a->arena, p, len);
    a->text_len = len;
    if (s == FIGURES) {
        px_figure *f = NULL;
        size_t n = 0;
        px_figures_find((px_str){p, len}, "eng", &f, &n, a->arena, NULL);
        *check += (unsigned)n;
    } else if (s == DATES) {
        px_date_mention *m = NULL;
        size_t n = 0;
        px_datetext_find((px_str){p, len}, "eng", NULL, a->arena, &m, &n, NULL);
        *check += (unsigned)n;
    } else if (s == WORDS) {
        px_langid_result r;
        px_word *v = NULL;
        size_t n = 0;
        px_langid_detect((px_str){p, len}, &r, NULL);
        px_words_split(w, (px_str){p, len}, r.lang, a->arena, &v, &n, NULL);
        *check += (unsigned)n;
    } else {
        char *json = NULL;
        size_t jl = 0;
        const px_analyse_opts o = {s == ANALYSE_WORDS};
        px_analyse_json_opts(a, &o, &json, &jl, NULL);
        *check += (unsigned)jl;
        px_free(json);
    }
    px_article_free(a);
}

/* Runs one stage over every document; returns CPU seconds. */
static double
run(const px_buf *all, stage s, px_words *w, unsigned *check)
{
    const double t0 = cpu_s();
    for (const char *p = all->ptr; p < all->ptr + all->len;) {
        const size_t len = strlen(p);
        one(p, len, s, w, check);
        p += len + 1;
    }
    return cpu_s() - t0;
}

static size_t
load(int argc, char **argv, px_buf *all, char *what, size_t cap)
{
    const char *env = getenv("PX_SHARED_DIR");
    const char *shared = env != NULL ? env : "../shared";
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/data/crosslingual/ntrex128", shared);
    const char *ntrex = argc > 1 ? argv[1] : dir;
    const long every = argc > 2 ? strtol(argv[2], NULL, 10) : 4;
    char docs[2100];
    snprintf(docs, sizeof docs, "%s/docs", ntrex);
    size_t n = load_dir(docs, ".tsv", every > 0 ? (size_t)every : 1, all);
    snprintf(what, cap, "NTREX-128 every %ld version(s)", every);
    if (n == 0) {
        snprintf(dir, sizeof dir, "%s/seeds", shared);
        n = load_dir(dir, ".txt", 1, all);
        snprintf(what, cap, "seed pages");
    }
    return n;
}

int
main(int argc, char **argv)
{
    px_buf all;
    px_buf_init(&all);
    char what[64];
    const size_t n = load(argc, argv, &all, what, sizeof what);
    if (n == 0 || px_buf_failed(&all)) {
        printf("SKIP: no NTREX documents or seeds (set PX_SHARED_DIR)\n");
        px_buf_fini(&all);
        return 0;
    }
    px_words *w = NULL;
    if (px_analyse_words_get(&w, NULL) != PX_OK) {
        return 1;
    }
    const double mb = (double)(all.len - n) / 1048576.0;
    unsigned check = 0;
    if (argc > 3) {
        static const char *const names[] = {
            "langid", "words", "figures", "dates", "analyse", "analyse_words"};
        for (int i = 0; i < 6; i++) {
            if (strcmp(argv[3], names[i]) == 0) {
                const double s = run(&all, (stage)i, w, &check);
                printf("%s: docs=%zu text_mb=%.1f %s cpu_s=%.2f "
                       "mb_per_s=%.1f (check %u)\n",
                       what, n, mb, names[i], s, mb / s, check & 1u);
            }
        }
        px_analyse_words_put(w);
        px_buf_fini(&all);
        return 0;
    }
    run(&all, ANALYSE, w, &check); /* warm-up: tables, lexicon, OpenCC */
    const double s_an = run(&all, ANALYSE, w, &check);
    const double s_anw = run(&all, ANALYSE_WORDS, w, &check);
    const double s_lang = run(&all, LANGID, w, &check);
    const double s_words = run(&all, WORDS, w, &check);
    const double s_figs = run(&all, FIGURES, w, &check);
    const double s_dates = run(&all, DATES, w, &check);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%s: docs=%zu text_mb=%.1f lexicon=%s\n"
           "analyse (langid+words+figures+dates+JSON): cpu_s=%.2f "
           "mb_per_s=%.1f docs_per_s=%.0f\n"
           "analyse --words (every unit with key, stem, flags): cpu_s=%.2f "
           "mb_per_s=%.1f\n"
           "langid alone: cpu_s=%.2f mb_per_s=%.1f\n"
           "langid+words: cpu_s=%.2f mb_per_s=%.1f\n"
           "figures alone: cpu_s=%.2f mb_per_s=%.1f\n"
           "dates alone: cpu_s=%.2f mb_per_s=%.1f\n"
           "peak_rss_mb=%.1f (check %u)\n",
           what, n, mb, px_analyse_lexicon() != NULL ? "yes" : "no", s_an,
           mb / s_an, (double)n / s_an, s_anw, mb / s_anw, s_lang, mb / s_lang,
           s_words, mb / s_words, s_figs, mb / s_figs, s_dates, mb / s_dates,
           (double)ru.ru_maxrss / 1024.0, check & 1u);
    px_analyse_words_put(w);
    px_buf_fini(&all);
    return 0;
}
