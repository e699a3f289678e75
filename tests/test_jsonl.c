/* test_jsonl.c - JSON Lines records from in-memory streams. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "error.h"
#include "jsonl.h"
#include "stream.h"

typedef struct reader {
    px_stream *s;
    px_jsonl *j;
} reader;

static void
open_reader(reader *r, const char *data, size_t len)
{
    px_error err = {0};
    CHECK(px_stream_open_mem(data, len, &r->s, &err) == PX_OK);
    CHECK(px_jsonl_new(r->s, &r->j, &err) == PX_OK);
}

static void
close_reader(reader *r)
{
    px_jsonl_free(r->j);
    px_stream_close(r->s);
}

static void
test_records(void)
{
    static const char data[] =
        "\xEF\xBB\xBF{\"url\": \"https://a.example/1\", \"html\": "
        "\"<p>caf\\u00e9</p>\", \"title\": \"One\", \"date\": \"2024-05-01\","
        " \"site\": \"a.example\"}\n"
        "\n   \r\n"
        "{\"url\":\"https://b.example/2\",\"maintext\":\"Body two\","
        "\"title\":\"Two\",\"date_publish\":\"2019-01-02 10:00:00\","
        "\"source_domain\":\"b.example\",\"description\":null}\r\n"
        "{\"text\": \"nul\\u0000inside\", \"title\": null}";
    reader r;
    open_reader(&r, data, sizeof data - 1);
    px_jsonl_record rec;
    bool done = false;
    px_error err = {0};
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK_STR_EQ(rec.url, "https://a.example/1");
    CHECK_STR_EQ(rec.title, "One");
    CHECK_STR_EQ(rec.date, "2024-05-01");
    CHECK_STR_EQ(rec.site, "a.example");
    CHECK(rec.is_html && rec.line_no == 1);
    CHECK(rec.body_len == 12 &&
          memcmp(rec.body, "<p>caf\xC3\xA9</p>", 12) == 0);

    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK(rec.line_no == 4 && !rec.is_html);
    CHECK_STR_EQ(rec.body, "Body two");
    CHECK_STR_EQ(rec.date, "2019-01-02 10:00:00");
    CHECK_STR_EQ(rec.site, "b.example");

    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK(rec.line_no == 5 && rec.url == NULL && rec.title == NULL);
    CHECK(rec.body_len == 10 && memcmp(rec.body, "nul\0inside", 10) == 0);

    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && done);
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && done);
    close_reader(&r);
}

/* Each bad line is reported with its number and reading goes on. */
/* "author" is read as given; a news-please "authors" list is joined. */
static void
test_authors(void)
{
    static const char data[] =
        "{\"url\":\"https://a.example/1\",\"text\":\"Body\","
        "\"author\":\"Ana Ruiz\",\"authors\":[\"X\"]}\n"
        "{\"maintext\":\"Body\",\"authors\":[\"Ana Ruiz\",null,\"\","
        "\"Tom Lee\"]}\n"
        "{\"text\":\"Body\",\"author\":null,\"authors\":[]}\n";
    reader r;
    open_reader(&r, data, sizeof data - 1);
    px_jsonl_record rec;
    bool done = false;
    px_error err = {0};
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK_STR_EQ(rec.author, "Ana Ruiz");
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK_STR_EQ(rec.author, "Ana Ruiz, Tom Lee");
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK(rec.author == NULL);
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && done);
    close_reader(&r);
}

static void
test_bad_lines(void)
{
    static const char data[] = "{\"url\": \"x\", \"html\": \"<p>a</p>\"\n"
                               "[1, 2]\n"
                               "{\"url\": \"y\"}\n"
                               "<html><body>not json</body></html>\n"
                               "{\"html\": \"ok\"} trailing\n"
                               "{\"html\": \"\xFF\"}\n"
                               "{\"text\": \"last\"}\n";
    static const char *const want[] = {"line 1: ",
                                       "line 2: not a JSON object",
                                       "line 3: no \"html\" or \"text\"",
                                       "line 4: ",
                                       "line 5: ",
                                       "line 6: "};
    reader r;
    open_reader(&r, data, sizeof data - 1);
    px_jsonl_record rec;
    bool done = false;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        px_error err = {0};
        CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_EPARSE && !done);
        CHECK(strncmp(err.msg, want[i], strlen(want[i])) == 0);
        if (strncmp(err.msg, want[i], strlen(want[i])) != 0) {
            fprintf(stderr, "  got \"%s\"\n", err.msg);
        }
    }
    px_error err = {0};
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK_STR_EQ(rec.body, "last");
    CHECK(rec.line_no == 7);
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && done);
    close_reader(&r);
}

/* A line over PX_JSONL_MAX_LINE is skipped whole. */
static void
test_long_line(void)
{
    const size_t big = PX_JSONL_MAX_LINE + 100;
    static const char tail[] = "\"}\n{\"text\": \"after\"}\n";
    char *data = malloc(big + sizeof tail);
    memcpy(data, "{\"text\": \"", 10);
    memset(data + 10, 'x', big - 10);
    memcpy(data + big, tail, sizeof tail);
    reader r;
    open_reader(&r, data, big + sizeof tail - 1);
    px_jsonl_record rec;
    bool done = false;
    px_error err = {0};
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_EPARSE && !done);
    CHECK(strstr(err.msg, "line 1: longer than") != NULL);
    px_error_clear(&err);
    CHECK(px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done);
    CHECK_STR_EQ(rec.body, "after");
    CHECK(rec.line_no == 2);
    close_reader(&r);
    free(data);
}

static bool
sniff(const char *s)
{
    return px_jsonl_sniff((const unsigned char *)s, strlen(s));
}

static void
test_sniff(void)
{
    CHECK(sniff("{\"url\": \"u\", \"html\": \"<p>\"}\n{\"url\""));
    CHECK(sniff("  \n\xEF\xBB\xBF{\"url\": \"u\", \"html\": \"<p>x") == false);
    CHECK(sniff("\xEF\xBB\xBF  {\"url\": \"u\", \"html\": \"<p>x"));
    CHECK(sniff("{ \"text\": \"a very long line cut by the peek"));
    CHECK(sniff("{}\n"));
    CHECK(!sniff("<!DOCTYPE html><html>{\"a\": 1}"));
    CHECK(!sniff("{\"a\": 1,,}\n"));
    CHECK(!sniff("{ color: red }\n"));
    CHECK(!sniff("[{\"a\": 1}]\n"));
    CHECK(!sniff(""));
    CHECK(!sniff("   "));
}

static void
test_out_of_memory(void)
{
    static const char data[] = "{\"text\": \"a\"}\n";
    px_stream *s = NULL;
    px_jsonl *j = NULL;
    px_error err = {0};
    CHECK(px_stream_open_mem(data, sizeof data - 1, &s, &err) == PX_OK);
    px_mem_fail_after(1);
    CHECK(px_jsonl_new(s, &j, &err) == PX_ENOMEM && j == NULL);
    px_mem_fail_after(0);
    CHECK(px_jsonl_new(s, &j, &err) == PX_OK);
    px_mem_fail_after(1);
    px_jsonl_record rec;
    bool done = false;
    px_error_clear(&err);
    const px_status rc = px_jsonl_next(j, &rec, &done, &err);
    px_mem_fail_after(0);
    CHECK(rc == PX_ENOMEM && !done);
    CHECK(px_jsonl_next(j, &rec, &done, &err) == PX_OK && done);
    px_jsonl_free(j);
    px_stream_close(s);
}

/* Each of the fuzz target's regression inputs reads to the end, each
 * record with a body. */
static void
replay_one(const char *buf, size_t n, void *ctx)
{
    (void)ctx;
    reader r;
    open_reader(&r, buf, n);
    bool done = false;
    for (size_t k = 0; !done && k <= n + 1; k++) {
        px_jsonl_record rec;
        px_error err = {0};
        if (px_jsonl_next(r.j, &rec, &done, &err) == PX_OK && !done) {
            CHECK(rec.body != NULL);
        }
    }
    CHECK(done);
    close_reader(&r);
}

static void
test_fuzz_regressions(void)
{
    check_each_input("fuzz/regress/fuzz_jsonl", replay_one, NULL);
}

int
main(void)
{
    test_records();
    test_authors();
    test_bad_lines();
    test_long_line();
    test_sniff();
    test_out_of_memory();
    test_fuzz_regressions();
    return check_summary();
}
