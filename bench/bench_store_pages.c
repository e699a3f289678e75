/* bench_store_pages.c - writes N synthetic pages as JSON Lines for the
 * store's benchmarks and its kill test, from the articles of a sample
 * folder (the project's own data/sample).
 *
 * Usage: bench_store_pages N OUT.jsonl SAMPLE_DIR
 * Round r (r = 0, 1, ...) holds every sample article once with a url and
 * text of its own ("?r=R" and a first line naming the round), dated on
 * day 5r (the articles of one round an hour apart), so each round is one
 * news cycle whose stories close before the next begins. Prints the page
 * and round counts to stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "article.h"

#define DAY0 1767225600LL /* 2026-01-01T00:00:00Z */

typedef struct sample {
    px_article **arts;
    size_t n;
} sample;

static int
load(const char *dir, sample *s)
{
    const char *paths[] = {dir};
    px_reader *r = NULL;
    px_error err = {0};
    if (px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, &err) != PX_OK) {
        fprintf(stderr, "bench_store_pages: %s\n", err.msg);
        return -1;
    }
    const px_record *rec = NULL;
    for (;;) {
        px_error e = {0};
        if (px_reader_next(r, &rec, &e) != PX_OK) {
            continue;
        }
        if (rec == NULL) {
            break;
        }
        px_article *a = NULL;
        px_article **p = realloc(s->arts, (s->n + 1) * sizeof *p);
        if (p == NULL) {
            break;
        }
        s->arts = p;
        if (px_extract(rec, &a, &e) == PX_OK) {
            s->arts[s->n++] = a;
        } else {
            px_article_free(a);
        }
    }
    px_reader_close(r);
    return s->n > 0 ? 0 : -1;
}

static void
iso(long long t, char buf[32])
{
    const long long days = t / 86400;
    const long long z = days + 719468;
    const long long era = z / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%04lld-%02lld-%02lldT%02lld:00:00Z",
             yoe + era * 400 + (m <= 2), m, d, t % 86400 / 3600);
    snprintf(buf, 32, "%.31s", tmp);
}

static int
write_page(FILE *f, const px_article *a, size_t r, size_t i)
{
    char url[2048];
    snprintf(url, sizeof url, "%s?r=%zu",
             a->url != NULL ? a->url : "https://sample.example/page", r);
    char date[32];
    iso(DAY0 + (long long)r * 5 * 86400 + (long long)(i % 24) * 3600, date);
    char head[64];
    snprintf(head, sizeof head, "Round %zu.\n", r);
    char *text = malloc(strlen(head) + a->text_len + 1);
    if (text == NULL) {
        return -1;
    }
    strcpy(text, head);
    memcpy(text + strlen(head), a->text, a->text_len);
    text[strlen(head) + a->text_len] = '\0';
    json_t *o =
        json_pack("{s:s,s:s,s:s,s:s,s:s}", "url", url, "title",
                  a->title != NULL ? a->title : "", "date", date, "site",
                  a->site != NULL ? a->site : "sample", "text", text);
    free(text);
    const int rc = o != NULL ? json_dumpf(o, f, JSON_COMPACT) : -1;
    json_decref(o);
    fputc('\n', f);
    return rc;
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_store_pages N OUT.jsonl SAMPLE_DIR\n");
        return 2;
    }
    const size_t n = (size_t)strtoull(argv[1], NULL, 10);
    sample s = {0};
    FILE *f = fopen(argv[2], "w");
    if (f == NULL || load(argv[3], &s) != 0) {
        fprintf(stderr, "bench_store_pages: cannot write %s or read %s\n",
                argv[2], argv[3]);
        return 1;
    }
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        rc = write_page(f, s.arts[k % s.n], k / s.n, k % s.n);
    }
    rc = fclose(f) != 0 ? -1 : rc;
    printf("%zu pages, %zu rounds of %zu articles\n", n, (n + s.n - 1) / s.n,
           s.n);
    for (size_t i = 0; i < s.n; i++) {
        px_article_free(s.arts[i]);
    }
    free(s.arts);
    return rc == 0 ? 0 : 1;
}
