/* bench_meta.c - runs px_meta_extract over benchmark pages for measuring.
 *
 * Reads lines "path<TAB>url" (url may be empty) from stdin, where path is a
 * gzip-compressed HTML page, and prints one JSON object per page with the
 * metadata found and the signals that gave it. The page is parsed with
 * libxml2's own charset handling (the charset stage is not involved). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <zlib.h>

#include "arena.h"
#include "article.h"
#include "meta.h"
#include "prune.h"
#include "str.h"

static void
log_line(void *ctx, px_log_level level, const char *line)
{
    (void)ctx;
    (void)level;
    fprintf(stderr, "%s\n", line);
}

static char *
read_gz(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    px_buf b;
    px_buf_init(&b);
    char chunk[4096];
    int n = 0;
    while ((n = gzread(f, chunk, sizeof chunk)) > 0) {
        px_buf_add(&b, chunk, (size_t)n);
    }
    gzclose(f);
    return px_buf_take(&b, len);
}

static void
field(px_buf *b, const char *key, const char *val)
{
    px_buf_printf(b, ",\"%s\":", key);
    if (val == NULL) {
        px_buf_add_c(b, "null");
    } else {
        px_buf_add_json_str(b, px_str_c(val));
    }
}

static void
print_article(const char *path, const px_article *a)
{
    char date[32];
    px_date_format(&a->published, date);
    px_buf b;
    px_buf_init(&b);
    px_buf_add_c(&b, "{\"path\":");
    px_buf_add_json_str(&b, px_str_c(path));
    field(&b, "title", a->title);
    field(&b, "author", a->author);
    field(&b, "date", date[0] != '\0' ? date : NULL);
    field(&b, "site", a->site);
    field(&b, "canonical", a->canonical);
    field(&b, "lang", a->lang);
    px_buf_add_c(&b, ",\"how\":[");
    for (size_t i = 0; i < a->n_signals; i++) {
        px_buf_add_c(&b, i > 0 ? "," : "");
        px_buf_add_json_str(&b, px_str_c(a->signals[i]));
    }
    px_buf_add_c(&b, "]}");
    if (!px_buf_failed(&b)) {
        puts(b.ptr);
    }
    px_buf_fini(&b);
}

/* The charset a page declares in its first bytes (bench only: the real
 * pipeline uses the charset module), or NULL. GB2312/GBK map to GB18030. */
static const char *
sniff_charset(const char *html, size_t len, char *buf, size_t cap)
{
    const size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(html + i, "charset=", 8) != 0) {
            continue;
        }
        size_t j = i + 8;
        while (j < n && (html[j] == '"' || html[j] == '\'' || html[j] == ' ')) {
            j++;
        }
        size_t k = 0;
        while (j < n && k + 1 < cap &&
               ((html[j] >= '0' && html[j] <= '9') ||
                (html[j] >= 'a' && html[j] <= 'z') ||
                (html[j] >= 'A' && html[j] <= 'Z') || html[j] == '-' ||
                html[j] == '_')) {
            buf[k++] = html[j++];
        }
        buf[k] = '\0';
        if (k == 0) {
            continue;
        }
        if (strncasecmp(buf, "gb", 2) == 0) {
            snprintf(buf, cap, "GB18030");
        }
        return buf;
    }
    return NULL;
}

static double g_parse_s;
static double g_meta_s;
static size_t g_pages;
static size_t g_bytes;

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
run_one(const char *path, const char *url)
{
    size_t len = 0;
    char *html = read_gz(path, &len);
    if (html == NULL) {
        fprintf(stderr, "bench_meta: cannot read %s\n", path);
        return;
    }
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                     HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
    char cs[64];
    const char *enc = sniff_charset(html, len, cs, sizeof cs);
    px_article *a = px_article_new();
    px_error err = {0};
    px_str pruned = {html, len};
    const double t0 = now_s();
    if (a != NULL && px_html_prune(a->arena, pruned, &pruned, &err) != PX_OK) {
        pruned = (px_str){html, len};
    }
    htmlDocPtr doc =
        htmlReadMemory(pruned.ptr, (int)pruned.len, url, enc, opts);
    const double t1 = now_s();
    g_parse_s += t1 - t0;
    g_pages++;
    g_bytes += len;
    if (doc != NULL && a != NULL) {
        const px_status rc = px_meta_extract(doc, url, a, &err);
        g_meta_s += now_s() - t1;
        if (rc == PX_OK && getenv("PX_BENCH_QUIET") == NULL) {
            print_article(path, a);
        }
    }
    px_article_free(a);
    xmlFreeDoc(doc);
    px_free(html);
}

int
main(void)
{
    char line[8192];
    if (getenv("PX_BENCH_DEBUG") != NULL) {
        px_log_set(log_line, NULL, PX_LOG_DEBUG);
    }
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        const char *url = NULL;
        if (tab != NULL) {
            *tab = '\0';
            url = tab[1] != '\0' ? tab + 1 : NULL;
        }
        run_one(line, url);
    }
    xmlCleanupParser();
    fprintf(stderr,
            "bench_meta: %zu pages, %.0f KB avg, prune+parse %.3f ms/page, "
            "meta %.3f ms/page\n",
            g_pages,
            g_pages > 0 ? (double)g_bytes / 1024.0 / (double)g_pages : 0.0,
            g_pages > 0 ? g_parse_s * 1e3 / (double)g_pages : 0.0,
            g_pages > 0 ? g_meta_s * 1e3 / (double)g_pages : 0.0);
    return 0;
}
