/* test_base.c - arena, px_str/px_buf, stream and article JSON basics. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "arena.h"
#include "article.h"
#include "check.h"
#include "error.h"
#include "str.h"
#include "stream.h"

static void
test_arena(void)
{
    px_arena *a = px_arena_new();
    CHECK(a != NULL);
    char *s = px_arena_strndup(a, "hello", 5);
    CHECK_STR_EQ(s, "hello");
    void *big = px_arena_alloc(a, 1 << 20);
    CHECK(big != NULL);
    char *t = px_arena_strndup(a, "world", 5);
    CHECK_STR_EQ(t, "world");
    CHECK(((uintptr_t)px_arena_alloc(a, 3) & 15) == 0);
    CHECK(!px_arena_failed(a));
    px_arena_free(a);
    px_arena_free(NULL);

    px_mem_fail_after(1);
    CHECK(px_arena_new() == NULL);
    px_mem_fail_after(0);
}

static void
test_str(void)
{
    const px_str t = px_str_trim(px_str_c("\xE3\x80\x80 abc \xC2\xA0\n"));
    CHECK(t.len == 3 && memcmp(t.ptr, "abc", 3) == 0);
    CHECK(px_str_ieq_c(px_str_c("UTF-8"), "utf-8"));
    CHECK(px_str_find(px_str_c("abcabd"), "abd", 3) != NULL);
    CHECK(px_str_find(px_str_c("abcabc"), "abd", 3) == NULL);

    /* every byte value, at every offset of the 8-byte words */
    char all[260];
    char low[260];
    for (size_t i = 0; i < sizeof all; i++) {
        all[i] = (char)(i * 7 + 3);
    }
    px_ascii_lower_copy(low, all, sizeof all);
    bool same = true;
    for (size_t i = 0; i < sizeof all; i++) {
        const unsigned char c = (unsigned char)all[i];
        const unsigned char want = c >= 'A' && c <= 'Z' ? c + 32 : c;
        same = same && (unsigned char)low[i] == want;
    }
    CHECK(same);
    px_ascii_lower_copy(low, "Hello, WORLD\xC3\x84!", 15);
    CHECK(memcmp(low, "hello, world\xC3\x84!", 15) == 0);

    px_buf b;
    px_buf_init(&b);
    px_buf_add_json_str(&b, (px_str){"a\"\n\x01\xFF\xE2\x80\xA8z", 9});
    CHECK_STR_EQ(b.ptr, "\"a\\\"\\n\\u0001\xEF\xBF\xBD\\u2028z\"");
    px_buf_printf(&b, "%d", 42);
    size_t n = 0;
    char *owned = px_buf_take(&b, &n);
    CHECK(owned != NULL && n == strlen(owned));
    free(owned);

    px_buf_init(&b);
    px_mem_fail_after(1);
    px_buf_add_c(&b, "x");
    CHECK(px_buf_failed(&b));
    px_mem_fail_after(0);
    CHECK(px_buf_take(&b, NULL) == NULL);
}

static void
test_stream(void)
{
    static const char data[] = "line one\r\nline two\nlast";
    px_stream *s = NULL;
    px_error err = {0};
    CHECK(px_stream_open_mem(data, sizeof data - 1, &s, &err) == PX_OK);
    const unsigned char *p = NULL;
    size_t avail = 0;
    CHECK(px_stream_peek(s, 4, &p, &avail, &err) == PX_OK && avail == 4);
    CHECK(memcmp(p, "line", 4) == 0);
    px_buf line;
    px_buf_init(&line);
    bool eof = false;
    CHECK(px_stream_read_line(s, &line, 100, &eof, &err) == PX_OK);
    CHECK_STR_EQ(line.ptr, "line one");
    CHECK(px_stream_read_line(s, &line, 100, &eof, &err) == PX_OK);
    CHECK_STR_EQ(line.ptr, "line two");
    CHECK(px_stream_read_line(s, &line, 100, &eof, &err) == PX_OK && !eof);
    CHECK_STR_EQ(line.ptr, "last");
    CHECK(px_stream_read_line(s, &line, 100, &eof, &err) == PX_OK && eof);
    CHECK(px_stream_skip(s, 1, &err) == PX_EPARSE);
    px_buf_fini(&line);
    px_stream_close(s);

    px_error_clear(&err);
    CHECK(px_stream_open("/nonexistent/x", &s, &err) == PX_EIO);
    CHECK(s == NULL && strstr(err.msg, "/nonexistent/x") != NULL);
}

/* Writes text as one more gzip member of path ("ab": appends). */
static void
gzip_member(const char *path, const char *mode, const char *text, size_t len)
{
    gzFile g = gzopen(path, mode);
    CHECK(g != NULL && gzwrite(g, text, (unsigned)len) == (int)len);
    CHECK(g != NULL && gzclose(g) == Z_OK);
}

/* gzip files: a whole read (libdeflate, all members), a line read after a
 * peek (zlib from the start) and a truncated file (zlib's error). */
static void
test_stream_gzip(void)
{
    char path[] = "/tmp/px_test_gzXXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    static char big[100000];
    for (size_t i = 0; i < sizeof big; i++) {
        big[i] = (char)('a' + (i * 7) % 26);
    }
    gzip_member(path, "wb", "alpha\nbeta\n", 11);
    gzip_member(path, "ab", big, sizeof big);
    px_stream *s = NULL;
    px_error err = {0};
    const unsigned char *p = NULL;
    size_t avail = 0;
    px_buf all;
    px_buf_init(&all);
    CHECK(px_stream_open(path, &s, &err) == PX_OK);
    CHECK(px_stream_peek(s, 5, &p, &avail, &err) == PX_OK && avail == 5);
    CHECK(memcmp(p, "alpha", 5) == 0);
    CHECK(px_stream_read_all(s, 1 << 20, &all, &err) == PX_OK);
    CHECK(all.len == 11 + sizeof big && px_stream_offset(s) == all.len);
    CHECK(memcmp(all.ptr, "alpha\nbeta\n", 11) == 0);
    CHECK(memcmp(all.ptr + 11, big, sizeof big) == 0);
    CHECK(px_stream_peek(s, 1, &p, &avail, &err) == PX_OK && avail == 0);
    px_stream_close(s);

    CHECK(px_stream_open(path, &s, &err) == PX_OK);
    CHECK(px_stream_peek(s, 4, &p, &avail, &err) == PX_OK && avail == 4);
    bool eof = false;
    CHECK(px_stream_read_line(s, &all, 100, &eof, &err) == PX_OK);
    CHECK_STR_EQ(all.ptr, "alpha");
    CHECK(px_stream_read_line(s, &all, 100, &eof, &err) == PX_OK);
    CHECK_STR_EQ(all.ptr, "beta");
    px_stream_close(s);

    FILE *f = fopen(path, "rb");
    CHECK(f != NULL && fseek(f, 0, SEEK_END) == 0);
    const long size = f != NULL ? ftell(f) : 0;
    if (f != NULL) {
        fclose(f);
    }
    CHECK(size > 100 && truncate(path, size - 20) == 0);
    all.len = 0;
    CHECK(px_stream_open(path, &s, &err) == PX_OK);
    CHECK(px_stream_read_all(s, 1 << 20, &all, &err) == PX_EIO);
    CHECK(strstr(err.msg, "truncated gzip data") != NULL);
    px_stream_close(s);
    px_buf_fini(&all);
    unlink(path);
}

static void
test_article_json(void)
{
    px_article *a = px_article_new();
    CHECK(a != NULL);
    a->source = "x.html";
    px_article_set(a, &a->title, px_str_c("  A   title\n"));
    CHECK_STR_EQ(a->title, "A title");
    const px_para_in in[] = {{px_str_c(" First  para "), PX_PARA_TEXT},
                             {px_str_c("   "), PX_PARA_TEXT},
                             {px_str_c("Head"), PX_PARA_HEADING}};
    CHECK(px_article_set_paras(a, in, 3, NULL) == PX_OK);
    CHECK(a->n_paras == 2);
    CHECK_STR_EQ(a->text, "First para\nHead");
    a->published = (px_date){.year = 2026,
                             .month = 1,
                             .day = 6,
                             .hour = 8,
                             .min = 41,
                             .has_tz = true,
                             .tz_min = 180,
                             .prec = PX_PREC_MINUTE};
    char d[32];
    px_date_format(&a->published, d);
    CHECK_STR_EQ(d, "2026-01-06T08:41+03:00");
    px_article_signal(a, "date", "meta");
    char *json = NULL;
    size_t len = 0;
    CHECK(px_article_json(a, &json, &len, NULL) == PX_OK);
    CHECK(json != NULL && strstr(json, "\"title\":\"A title\"") != NULL);
    CHECK(strstr(json, "\"how\":[\"date:meta\"]") != NULL);
    px_free(json);
    px_article_free(a);
}

int
main(void)
{
    test_arena();
    test_str();
    test_stream();
    test_stream_gzip();
    test_article_json();
    return check_summary();
}
