/* cmd_run.c - `parallax run`: the main job. Reads every page, extracts
 * and analyses its article (articles.jsonl, analysis.jsonl), groups the
 * articles into copy groups and stories (stories.json) and prints a
 * summary with the largest stories, then writes the HTML report of the
 * stories and their sheets (report.html). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax run [-o DIR] [--format F] PATH...\n"
    "\n"
    "The main job: reads every page under PATH (files, folders, WARC, JSON\n"
    "Lines, text dumps), extracts and analyses the articles, writes them to\n"
    "DIR/articles.jsonl and DIR/analysis.jsonl (one JSON object per line),\n"
    "finds copies and groups the articles into stories across languages\n"
    "(DIR/stories.json; all in docs/schema.json), prints the largest\n"
    "stories and writes their sheets to DIR/report.html. The concept\n"
    "lexicon ($PX_LEXICON, else lexicon.plx beside the\n"
    "program; `parallax lexicon build`) links stories across languages.\n"
    "\n"
    "  -o DIR       output folder (default: out; created if missing)\n"
    "  --format F   auto (default), html, warc, jsonl, text\n";

typedef struct run_stats {
    size_t items;
    size_t articles;
    size_t failed;
    size_t dated;
    size_t titled;
    size_t chars;
} run_stats;

typedef struct run_files {
    FILE *articles;
    FILE *analysis;
    px_storyset *set;
} run_files;

static void
put_line(FILE *f, const char *json, size_t len)
{
    fwrite(json, 1, len, f);
    fputc('\n', f);
}

/* Writes the article's analysis; a failure is reported, not fatal. */
static void
analyse_one(const px_article *a, FILE *f)
{
    px_error err = {0};
    char *json = NULL;
    size_t len = 0;
    if (px_analyse_json(a, &json, &len, &err) == PX_OK) {
        put_line(f, json, len);
    } else {
        px_cli_error("run", err.msg);
    }
    px_free(json);
}

static void
run_one(const px_record *rec, const run_files *out, run_stats *st)
{
    px_error err = {0};
    px_article *a = NULL;
    char *json = NULL;
    size_t len = 0;
    if (px_extract(rec, &a, &err) == PX_OK &&
        px_article_json(a, &json, &len, &err) == PX_OK) {
        put_line(out->articles, json, len);
        analyse_one(a, out->analysis);
        if (px_storyset_add(out->set, a, &err) != PX_OK) {
            px_cli_error("run", err.msg);
        }
        st->articles++;
        size_t text_len = 0;
        px_article_text(a, &text_len);
        st->chars += text_len;
        st->dated += strstr(json, "\"published\":null") == NULL;
        st->titled += strstr(json, "\"title\":null") == NULL;
    } else {
        px_cli_error("run", err.msg);
        st->failed++;
    }
    px_free(json);
    px_article_free(a);
}

static int
run_all(px_reader *r, const run_files *out, run_stats *st)
{
    static char label[] = "run: pages";
    for (;;) {
        const px_record *rec = NULL;
        px_error err = {0};
        if (px_reader_next(r, &rec, &err) != PX_OK) {
            px_cli_error("run", err.msg);
            st->failed++;
            st->items++;
            continue;
        }
        if (rec == NULL) {
            break;
        }
        st->items++;
        run_one(rec, out, st);
        if (st->items % 64 == 0) {
            px_cli_progress(label, st->items, 0);
        }
    }
    if (st->items >= 64) {
        px_cli_progress(label, st->items, st->items);
    }
    return 0;
}

/* Closes both files; false if a write failed. */
static bool
close_files(run_files *f)
{
    bool ok = true;
    if (f->articles != NULL) {
        ok = fclose(f->articles) == 0 && ok;
    }
    if (f->analysis != NULL) {
        ok = fclose(f->analysis) == 0 && ok;
    }
    return ok;
}

/* Clusters the set, writes dir/stories.json and prints the summary. */
static bool
write_stories(px_storyset *set, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/stories.json", dir);
    px_error err = {0};
    char *json = NULL;
    char *sum = NULL;
    size_t len = 0;
    size_t sum_len = 0;
    bool ok = px_storyset_cluster(set, &err) == PX_OK &&
              px_storyset_json(set, &json, &len, &err) == PX_OK &&
              px_storyset_summary(set, 20, &sum, &sum_len, &err) == PX_OK;
    if (!ok) {
        px_cli_error("run", err.msg);
    }
    FILE *f = ok ? fopen(path, "w") : NULL;
    if (ok && (f == NULL || fwrite(json, 1, len, f) != len ||
               fputc('\n', f) == EOF)) {
        fprintf(stderr, "parallax: run: %s: %s\n", path, strerror(errno));
        ok = false;
    }
    if (f != NULL && fclose(f) != 0) {
        ok = false;
    }
    if (ok) {
        printf("  %zu stories written to %s\n%s", px_storyset_n_stories(set),
               path, sum);
        snprintf(path, sizeof path, "%s/report.html", dir);
        struct timespec t0;
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        ok = px_cli_write_report(set, path) == 0;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (ok) {
            printf("  report written to %s (%.2f s)\n", path,
                   (double)(t1.tv_sec - t0.tv_sec) +
                       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
        }
    }
    px_free(json);
    px_free(sum);
    return ok;
}

int
px_cmd_run(int argc, char **argv)
{
    if (px_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return 0;
    }
    px_cli_inputs o = {PX_FORMAT_AUTO, "out", 0};
    const int rc = px_cli_parse_inputs(argc, argv, "run", usage, &o);
    if (rc != 0) {
        return rc;
    }
    if (mkdir(o.out_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "parallax: run: %s: %s\n", o.out_dir, strerror(errno));
        return 1;
    }
    char path[4096];
    char path2[4096];
    snprintf(path, sizeof path, "%s/articles.jsonl", o.out_dir);
    snprintf(path2, sizeof path2, "%s/analysis.jsonl", o.out_dir);
    px_reader *r = NULL;
    px_error err = {0};
    if (px_reader_open((const char *const *)argv + 1, (size_t)o.n_paths,
                       o.format, &r, &err) != PX_OK) {
        px_cli_error("run", err.msg);
        return 1;
    }
    run_files out = {fopen(path, "w"), fopen(path2, "w"), NULL};
    if (out.articles == NULL || out.analysis == NULL) {
        fprintf(stderr, "parallax: run: %s: %s\n", o.out_dir, strerror(errno));
        close_files(&out);
        px_reader_close(r);
        return 1;
    }
    if (px_storyset_new(NULL, NULL, &out.set, &err) != PX_OK) {
        px_cli_error("run", err.msg);
        close_files(&out);
        px_reader_close(r);
        return 1;
    }
    if (!px_storyset_has_lexicon(out.set)) {
        fputs("parallax: run: no concept lexicon (run `parallax lexicon "
              "build`): stories will not cross languages well\n",
              stderr);
    }
    run_stats st = {0};
    run_all(r, &out, &st);
    px_reader_close(r);
    const bool write_ok = close_files(&out);
    printf("parallax run: %zu items read, %zu articles extracted, %zu "
           "failed\n  with title: %zu, with publication date: %zu, text: "
           "%zu bytes\n  articles written to %s\n  analysis written to %s\n",
           st.items, st.articles, st.failed, st.titled, st.dated, st.chars,
           path, path2);
    const bool stories_ok =
        st.articles == 0 || write_stories(out.set, o.out_dir);
    px_storyset_free(out.set);
    if (!write_ok || !stories_ok) {
        fprintf(stderr, "parallax: run: %s: write failed\n", o.out_dir);
        return 1;
    }
    return st.articles > 0 ? 0 : 1;
}
