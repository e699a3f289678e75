/* cmd_eval.c - `parallax eval extract`: scores the extractor on the
 * benchmark folders (see ../shared/data/extraction/README.md) and prints a
 * table, or the JSON reports (one per line) with --json.
 *
 * `--all` runs the four dataset folders under $PX_SHARED_DIR/data/extraction
 * or, without that variable, ../shared/data/extraction relative to the
 * working directory or else to the repository holding the binary.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "parallax.h"

static const char usage[] =
    "usage: parallax eval extract DATASET_DIR [--json] [--worst N]\n"
    "       parallax eval extract --all [--json] [--worst N]\n"
    "       parallax eval langid [NTREX_DIR] [--json]   (see --help there)\n"
    "       parallax eval concepts [NTREX_DIR] [--json] (see --help there)\n"
    "       parallax eval stories [NTREX_DIR] [--json]  (see --help there)\n"
    "       parallax eval pairs [SEMEVAL_DIR] [--json]  (see --help there)\n"
    "\n"
    "Scores the extractor on a benchmark folder (scrapinghub-aeb,\n"
    "trafilatura-eval, wcxb or zh-cwced), each with its own metric, and\n"
    "prints F1, precision, recall, accuracy, date and title accuracy and\n"
    "pages per second. Dates that match the gold day, and dates given to\n"
    "pages the gold calls undated, are counted by where the extractor\n"
    "found them: stated by markup, URL or record; stated by markup but\n"
    "never shown in the text; read off the text. --all runs the four\n"
    "folders under $PX_SHARED_DIR/data/extraction (default\n"
    "../shared/data/extraction).\n"
    "  --json     print each report as one JSON object per line (with\n"
    "             per-page scores under \"pages\")\n"
    "  --worst N  also list the N pages with the lowest F1\n";

static const char *const all_sets[] = {"scrapinghub-aeb", "trafilatura-eval",
                                       "wcxb", "zh-cwced"};

typedef struct eval_opts {
    const char *dir;
    bool all;
    bool json;
    size_t worst;
} eval_opts;

static int
bad_usage(const char *what, const char *arg)
{
    fprintf(stderr, "parallax eval: %s%s%s (see parallax eval --help)\n", what,
            arg != NULL ? ": " : "", arg != NULL ? arg : "");
    return 2;
}

/* Parses the words after "eval"; returns -1 when all is well, else the exit
 * code. */
static int
parse_args(int argc, char **argv, eval_opts *o)
{
    if (argc < 1 || strcmp(argv[0], "extract") != 0) {
        return bad_usage("unknown or missing action, expected \"extract\"",
                         argc >= 1 ? argv[0] : NULL);
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            o->json = true;
        } else if (strcmp(argv[i], "--all") == 0) {
            o->all = true;
        } else if (strcmp(argv[i], "--worst") == 0) {
            char *end = NULL;
            const long n = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (n < 0 || end == argv[i + 1] || *end != '\0') {
                return bad_usage("--worst needs a count", NULL);
            }
            o->worst = (size_t)n;
            i++;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return bad_usage("unknown option", argv[i]);
        } else if (o->dir == NULL) {
            o->dir = argv[i];
        } else {
            return bad_usage("more than one dataset folder", argv[i]);
        }
    }
    if (o->all == (o->dir != NULL)) {
        return bad_usage("give one DATASET_DIR or --all", NULL);
    }
    return -1;
}

static double
num(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : -1.0;
}

/* "0.955" or "-" for a missing value. */
static const char *
fmt3(char buf[16], double v)
{
    if (v < 0) {
        return "-";
    }
    snprintf(buf, 16, "%.3f", v);
    return buf;
}

static void
print_header(void)
{
    printf("%-22s %6s %6s %6s %6s %6s %6s %6s %8s\n", "dataset", "pages", "F1",
           "P", "R", "acc", "date", "title", "pages/s");
}

static void
print_row(const char *name, const json_t *o, const json_t *root)
{
    char b[7][16];
    const json_t *date = json_object_get(root, "date");
    const json_t *title = json_object_get(root, "title");
    const json_t *n = json_object_get(o, "n_pages");
    const double rate = num(root, "pages_per_s");
    b[6][0] = '\0';
    if (o == root && rate >= 0) {
        snprintf(b[6], 16, "%.1f", rate);
    }
    printf("%-22s %6lld %6s %6s %6s %6s %6s %6s %8s\n", name,
           json_is_integer(n) ? (long long)json_integer_value(n) : 0LL,
           fmt3(b[0], num(o, "f1")), fmt3(b[1], num(o, "p")),
           fmt3(b[2], num(o, "r")), fmt3(b[3], num(o, "accuracy")),
           o == root ? fmt3(b[4], num(date, "accuracy")) : "",
           o == root ? fmt3(b[5], num(title, "accuracy")) : "", b[6]);
}

/* The table rows of one report: the dataset, its CJK score and per-script
 * scores, and a line on dates. */
static void
print_report(const json_t *root)
{
    const char *name = json_string_value(json_object_get(root, "dataset"));
    print_row(name != NULL ? name : "?", root, root);
    const json_t *cjk = json_object_get(root, "cjk");
    if (json_is_object(cjk)) {
        print_row("  CJK char bigrams", cjk, root);
    }
    const char *script;
    json_t *g;
    json_object_foreach(json_object_get(root, "by_script"), script, g)
    {
        char label[32];
        snprintf(label, sizeof label, "  script %s", script);
        print_row(label, g, root);
    }
    const json_t *date = json_object_get(root, "date");
    char b[2][16];
    printf("  dates: %s exact day on %lld gold, %s invented on %lld "
           "without; %lld failed, %lld empty\n",
           fmt3(b[0], num(date, "accuracy")), (long long)num(date, "n_gold"),
           fmt3(b[1], num(date, "invented_rate")),
           (long long)num(date, "n_no_date"), (long long)num(root, "n_failed"),
           (long long)num(root, "n_empty"));
    const json_t *ok = json_object_get(date, "ok_from");
    const json_t *inv = json_object_get(date, "invented_from");
    if (num(date, "n_gold") + num(date, "n_no_date") > 0 &&
        json_is_object(ok) && json_is_object(inv)) {
        printf("  date origins, exact day/invented: markup, URL or record "
               "%lld/%lld; markup, not seen in the text %lld/%lld; the text "
               "%lld/%lld; unknown %lld/%lld\n",
               (long long)num(ok, "declared"), (long long)num(inv, "declared"),
               (long long)num(ok, "declared_unseen"),
               (long long)num(inv, "declared_unseen"),
               (long long)num(ok, "text"), (long long)num(inv, "text"),
               (long long)num(ok, "unknown"), (long long)num(inv, "unknown"));
    }
}

typedef struct page_ref {
    const json_t *page;
} page_ref;

static int
f1_cmp(const void *a, const void *b)
{
    const json_t *pa = ((const page_ref *)a)->page;
    const json_t *pb = ((const page_ref *)b)->page;
    const double x = num(pa, "f1");
    const double y = num(pb, "f1");
    if (x != y) {
        return x < y ? -1 : 1;
    }
    const char *ia = json_string_value(json_object_get(pa, "id"));
    const char *ib = json_string_value(json_object_get(pb, "id"));
    return strcmp(ia != NULL ? ia : "", ib != NULL ? ib : "");
}

/* The n pages with the lowest F1, worst first. */
static void
print_worst(const json_t *root, size_t n)
{
    const json_t *pages = json_object_get(root, "pages");
    const size_t total = json_array_size(pages);
    page_ref *v = n > 0 ? calloc(total + 1, sizeof(page_ref)) : NULL;
    if (v == NULL) {
        return;
    }
    for (size_t i = 0; i < total; i++) {
        v[i].page = json_array_get(pages, i);
    }
    qsort(v, total, sizeof(page_ref), f1_cmp);
    char b[3][16];
    for (size_t i = 0; i < n && i < total; i++) {
        const json_t *pg = v[i].page;
        const char *id = json_string_value(json_object_get(pg, "id"));
        printf("  worst %-40s F1 %s P %s R %s%s\n", id != NULL ? id : "?",
               fmt3(b[0], num(pg, "f1")), fmt3(b[1], num(pg, "p")),
               fmt3(b[2], num(pg, "r")),
               json_is_true(json_object_get(pg, "failed")) ? " (failed)" : "");
    }
    free(v);
}

/* Runs one folder; the table header is printed before the first row. */
static int
run_one(const char *dir, const eval_opts *o, bool *has_header)
{
    char *report = NULL;
    px_error err = {PX_OK, ""};
    if (px_eval_extract(dir, px_cli_progress, NULL, &report, &err) != PX_OK) {
        fflush(stdout);
        fprintf(stderr, "parallax: %s\n", err.msg);
        return 1;
    }
    if (o->json) {
        printf("%s\n", report);
    } else {
        if (!*has_header) {
            print_header();
            *has_header = true;
        }
        json_t *root = json_loads(report, 0, NULL);
        print_report(root);
        print_worst(root, o->worst);
        json_decref(root);
    }
    px_free(report);
    fflush(stdout);
    return 0;
}

static int
run_all(const eval_opts *o)
{
    char shared[2048];
    char dir[4096];
    bool has_header = false;
    int rc = 0;
    px_cli_shared_dir(shared, sizeof shared);
    for (size_t i = 0; i < sizeof all_sets / sizeof all_sets[0]; i++) {
        snprintf(dir, sizeof dir, "%s/data/extraction/%s", shared, all_sets[i]);
        const int r = run_one(dir, o, &has_header);
        rc = rc != 0 ? rc : r;
    }
    return rc;
}

int
px_cmd_eval(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "langid") == 0) {
        return px_cmd_eval_langid(argc - 1, argv + 1);
    }
    if (argc > 1 && strcmp(argv[1], "concepts") == 0) {
        return px_cmd_eval_concepts(argc - 1, argv + 1);
    }
    if (argc > 1 && strcmp(argv[1], "pairs") == 0) {
        return px_cmd_eval_pairs(argc - 1, argv + 1);
    }
    if (argc > 1 && strcmp(argv[1], "stories") == 0) {
        return px_cmd_eval_stories(argc - 1, argv + 1);
    }
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    eval_opts o = {NULL, false, false, 0};
    const int rc = parse_args(argc - 1, argv + 1, &o);
    if (rc >= 0) {
        return rc;
    }
    bool has_header = false;
    return o.all ? run_all(&o) : run_one(o.dir, &o, &has_header);
}
