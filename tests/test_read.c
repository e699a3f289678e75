/* test_read.c - px_reader: folder walking order, format sniffing (not by
 * file name), container items named path#N, per-item failures that do not
 * stop the walk, and missing paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "parallax.h"
#include "record.h"

static char dir[64];

static void
write_file(const char *name, const char *data, size_t len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

static void
make_tree(void)
{
    static const char html[] =
        "<html><head><title>T</title></head><body><p>Hello.</p></body></html>";
    static const char text[] = "Menu\nHome\n\nA headline of some length\n\n"
                               "A body sentence that goes on for a while.\n";
    static const char jsonl[] =
        "{\"url\":\"http://x.test/1\",\"text\":\"Body "
        "one.\",\"title\":\"One\"}\n"
        "\n"
        "{not json}\n"
        "{\"url\":\"http://x.test/2\",\"html\":\"<p>Body two.</p>\"}\n";
    static const char warc[] = "WARC/1.0\r\n"
                               "WARC-Type: response\r\n"
                               "WARC-Target-URI: http://x.test/w\r\n"
                               "WARC-Date: 2026-01-07T10:00:00Z\r\n"
                               "Content-Length: 72\r\n"
                               "\r\n"
                               "HTTP/1.1 200 OK\r\n"
                               "Content-Type: text/html\r\n"
                               "\r\n"
                               "<html><p>In WARC.</p></html>\r\n\r\n";
    snprintf(dir, sizeof dir, "/tmp/px_read_XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    CHECK(mkdir(sub, 0700) == 0);
    write_file("b.page", html, sizeof html - 1);     /* HTML, odd name */
    write_file("sub/a.html", text, sizeof text - 1); /* a text dump */
    write_file("c.dat", jsonl, sizeof jsonl - 1);
    write_file("d.txt", warc, sizeof warc - 1);
    write_file("e.html", "", 0);
    write_file(".hidden", html, sizeof html - 1);
}

static void
remove_tree(void)
{
    static const char *const names[] = {"b.page", "sub/a.html", "c.dat",
                                        "d.txt",  "e.html",     ".hidden"};
    char path[256];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}

static void
test_walk(void)
{
    const char *paths[] = {dir, "/nonexistent/px.html"};
    px_reader *r = NULL;
    px_error err = {0};
    CHECK(px_reader_open(paths, 2, PX_FORMAT_AUTO, &r, &err) == PX_OK);
    static const char *const want[] = {
        "b.page:html",  "c.dat#1:text", "!c.dat",          "c.dat#4:html",
        "d.txt#1:html", "!e.html",      "sub/a.html:text", "!/nonexistent"};
    size_t i = 0;
    for (; i < 20; i++) {
        const px_record *rec = NULL;
        err = (px_error){0};
        const px_status st = px_reader_next(r, &rec, &err);
        if (st == PX_OK && rec == NULL) {
            break;
        }
        char got[512];
        if (st != PX_OK) {
            snprintf(got, sizeof got, "!%s", err.msg);
        } else {
            snprintf(got, sizeof got, "%s:%s", rec->source,
                     rec->kind == PX_FORMAT_TEXT ? "text" : "html");
        }
        const size_t n = strlen(dir);
        const char *g = strncmp(got + (got[0] == '!'), dir, n) == 0
                            ? got + (got[0] == '!') + n + 1
                            : got + (got[0] == '!');
        const char *w = i < 8 ? want[i] : "(end)";
        const char *wn = w + (w[0] == '!');
        if (strncmp(g, wn, strlen(wn)) != 0 ||
            (w[0] == '!') != (got[0] == '!')) {
            fprintf(stderr, "item %zu: got %s, want %s\n", i, got, w);
            CHECK(false);
        } else {
            CHECK(true);
        }
    }
    CHECK(i == 8);
    CHECK(px_reader_n_ok(r) == 5);
    CHECK(px_reader_n_failed(r) == 3);
    px_reader_close(r);
}

static void
test_open_errors(void)
{
    px_reader *r = NULL;
    px_error err = {0};
    CHECK(px_reader_open(NULL, 0, PX_FORMAT_AUTO, &r, &err) == PX_EINVAL);
    CHECK(r == NULL && err.msg[0] != '\0');
    px_reader_close(NULL);
}

int
main(void)
{
    make_tree();
    test_walk();
    test_open_errors();
    remove_tree();
    return check_summary();
}
