/* bench_content.c - runs main-text extraction over (gzip) HTML files.
 *
 * Usage: bench_content [-q] [-n REPEAT] FILE... (or "-" to read one path a
 * line from standard input). Prints one JSON line per page,
 * {"id": "<file name without .html.gz>", "text": "..."}, and the page rate
 * on stderr. -q skips the JSON output (timing only), -p skips extraction
 * (parse timing), -n N repeats each page N times. Decoding is minimal:
 * libxml2 takes the charset from the page's meta tags; the real charset
 * module is not used here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include "article.h"
#include "content.h"
#include "str.h"

#define READ_CHUNK 65536

static int parse_only = 0;   /* -p: time parsing alone */
static double extract_s = 0; /* time spent in px_content_extract */

/* Reads a whole (possibly gzip) file into b; false on failure. */
static int
read_gz(const char *path, px_buf *b)
{
    gzFile f = gzopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    for (;;) {
        if (!px_buf_reserve(b, READ_CHUNK)) {
            break;
        }
        const int n = gzread(f, b->ptr + b->len, READ_CHUNK);
        if (n <= 0) {
            break;
        }
        b->len += (size_t)n;
    }
    gzclose(f);
    return !px_buf_failed(b);
}

/* CPU time of this process: other jobs on the machine do not count. */
static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
print_id(const char *path, px_buf *out)
{
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    const char *dot = strchr(base, '.');
    const size_t n = dot != NULL ? (size_t)(dot - base) : strlen(base);
    px_buf_add_c(out, "{\"id\":");
    px_buf_add_json_str(out, (px_str){base, n});
}

/* A stand-in for the charset module: the first charset= in the page's
 * first 8 KiB, GB2312/GBK widened to GB18030; NULL lets libxml2 decide. */
static int
is_utf8(const px_buf *html)
{
    const unsigned char *p = (const unsigned char *)html->ptr;
    size_t i = 0;
    while (i < html->len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, html->len, c);
        if (c < 0) {
            return 0;
        }
    }
    return 1;
}

/* ICU's guess when the page declares nothing. */
static const char *
detect(const px_buf *html, char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *cd = ucsdet_open(&st);
    const int32_t n = html->len > 65536 ? 65536 : (int32_t)html->len;
    ucsdet_setText(cd, html->ptr, n, &st);
    const UCharsetMatch *m = ucsdet_detect(cd, &st);
    const char *name = m != NULL ? ucsdet_getName(m, &st) : NULL;
    const char *r = NULL;
    if (U_SUCCESS(st) && name != NULL && strlen(name) < cap) {
        memcpy(out, name, strlen(name) + 1);
        r = strncmp(out, "GB", 2) == 0 ? "GB18030" : out;
    }
    ucsdet_close(cd);
    return r;
}

static const char *
sniff_charset(const px_buf *html, char *out, size_t cap)
{
    if (is_utf8(html)) {
        return "UTF-8";
    }
    const size_t n = html->len < 8192 ? html->len : 8192;
    for (size_t i = 0; i + 8 < n; i++) {
        if (px_str_istarts_c((px_str){html->ptr + i, n - i}, "charset=")) {
            size_t j = i + 8;
            size_t k = 0;
            while (j < n && (html->ptr[j] == '"' || html->ptr[j] == '\'' ||
                             html->ptr[j] == ' ')) {
                j++;
            }
            while (j < n && k + 1 < cap &&
                   strchr("\"' ;>/\r\n\t", html->ptr[j]) == NULL) {
                out[k++] = html->ptr[j++];
            }
            out[k] = '\0';
            if (k == 0) {
                return NULL;
            }
            px_str cs = {out, k};
            if (px_str_ieq_c(cs, "gb2312") || px_str_ieq_c(cs, "gbk")) {
                return "GB18030";
            }
            return out;
        }
    }
    return detect(html, out, cap);
}

/* Converts html from charset enc to UTF-8 with ICU (bad bytes become
 * U+FFFD), as the real charset stage does. */
static int
to_utf8(const px_buf *html, const char *enc, px_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    const size_t cap = html->len * 4 + 16;
    if (!px_buf_reserve(out, cap)) {
        return 0;
    }
    const int32_t n = ucnv_convert("UTF-8", enc, out->ptr, (int32_t)cap,
                                   html->ptr, (int32_t)html->len, &st);
    if (U_FAILURE(st)) {
        return 0;
    }
    out->len = (size_t)n;
    return 1;
}

/* Extracts one page; appends its JSON line to out unless quiet. */
static void
run_one(const char *path, const px_buf *html, int quiet, px_buf *out)
{
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                     HTML_PARSE_COMPACT;
    char cs[64];
    const char *enc = sniff_charset(html, cs, sizeof cs);
    px_buf u8;
    px_buf_init(&u8);
    if (enc != NULL && strcmp(enc, "UTF-8") != 0 && to_utf8(html, enc, &u8)) {
        html = &u8;
    }
    htmlDocPtr doc =
        htmlReadMemory(html->ptr, (int)html->len, NULL, "UTF-8", opts);
    px_buf_fini(&u8);
    px_article *a = px_article_new();
    if (doc != NULL && a != NULL && !parse_only) {
        px_error err = {0};
        const double t0 = now_s();
        (void)px_content_extract(doc, a, &err);
        extract_s += now_s() - t0;
    }
    if (!quiet) {
        print_id(path, out);
        px_buf_add_c(out, ",\"text\":");
        const char *t = a != NULL && a->text != NULL ? a->text : "";
        px_buf_add_json_str(out, (px_str){t, strlen(t)});
        px_buf_add_c(out, ",\"signals\":[");
        for (size_t i = 0; a != NULL && i < a->n_signals; i++) {
            px_buf_add_c(out, i > 0 ? "," : "");
            px_buf_add_json_str(out, px_str_c(a->signals[i]));
        }
        px_buf_add_c(out, "]}\n");
    }
    px_arena_free(a != NULL ? a->arena : NULL);
    xmlFreeDoc(doc);
}

static void
run_path(const char *path, int quiet, int repeat, double *parse_s,
         size_t *pages)
{
    px_buf html;
    px_buf out;
    px_buf_init(&html);
    px_buf_init(&out);
    if (read_gz(path, &html)) {
        for (size_t k = 0; k < html.len; k++) {
            html.ptr[k] = html.ptr[k] == '\0' ? ' ' : html.ptr[k];
        }
        const double t0 = now_s();
        for (int r = 0; r < repeat; r++) {
            run_one(path, &html, quiet || r > 0, &out);
        }
        *parse_s += now_s() - t0;
        *pages += (size_t)repeat;
        fwrite(out.ptr != NULL ? out.ptr : "", 1, out.len, stdout);
    } else {
        fprintf(stderr, "bench_content: cannot read %s\n", path);
    }
    px_buf_fini(&html);
    px_buf_fini(&out);
}

int
main(int argc, char **argv)
{
    int quiet = 0;
    int repeat = 1;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "-q") == 0) {
            quiet = 1;
        } else if (strcmp(argv[i], "-p") == 0) {
            parse_only = 1;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
        }
    }
    double secs = 0;
    size_t pages = 0;
    char line[4096];
    for (; i < argc; i++) {
        if (strcmp(argv[i], "-") != 0) {
            run_path(argv[i], quiet, repeat, &secs, &pages);
            continue;
        }
        while (fgets(line, sizeof line, stdin) != NULL) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] != '\0') {
                run_path(line, quiet, repeat, &secs, &pages);
            }
        }
    }
    fprintf(stderr,
            "bench_content: %zu pages in %.3f s CPU (%.1f pages/s); "
            "extraction %.3f s (%.1f pages/s)\n",
            pages, secs, secs > 0 ? (double)pages / secs : 0.0, extract_s,
            extract_s > 0 ? (double)pages / extract_s : 0.0);
    return 0;
}
