/* test_pubdate.c - date parsing in many languages, finding dates in text,
 * and dates in URL paths. All strings here are written for this test. */
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "check.h"
#include "pubdate.h"
#include "str.h"

/* Parses s and returns its ISO form ("" when no date). */
static const char *
iso(const char *s)
{
    static char buf[32];
    px_date d;
    memset(&d, 0, sizeof d);
    buf[0] = '\0';
    if (px_pubdate_parse(px_str_c(s), &d)) {
        px_date_format(&d, buf);
    }
    return buf;
}

static const char *
from_url(const char *u)
{
    static char buf[32];
    px_date d;
    memset(&d, 0, sizeof d);
    buf[0] = '\0';
    if (px_pubdate_from_url(u, &d)) {
        px_date_format(&d, buf);
    }
    return buf;
}

static void
test_iso_rfc(void)
{
    CHECK_STR_EQ(iso("2026-01-06"), "2026-01-06");
    CHECK_STR_EQ(iso("2026-01-06T08:41:00Z"), "2026-01-06T08:41:00Z");
    CHECK_STR_EQ(iso("2026-01-06T08:41:00.123456+03:00"),
                 "2026-01-06T08:41:00+03:00");
    CHECK_STR_EQ(iso("2026-01-06T08:41-0500"), "2026-01-06T08:41-05:00");
    CHECK_STR_EQ(iso("2026-01-06 08:41:07"), "2026-01-06T08:41:07");
    CHECK_STR_EQ(iso("Tue, 06 Jan 2026 08:41:00 +0300"),
                 "2026-01-06T08:41:00+03:00");
    CHECK_STR_EQ(iso("Tue, 6 Jan 2026 08:41:00 GMT"), "2026-01-06T08:41:00Z");
    CHECK_STR_EQ(iso("Tue Jan 06 2026 08:41:00 GMT+0300 (Moscow)"),
                 "2026-01-06T08:41:00+03:00");
    CHECK_STR_EQ(iso("2026-01"), "2026-01");
    CHECK_STR_EQ(iso("20260106"), "2026-01-06");
}

static void
test_numeric(void)
{
    CHECK_STR_EQ(iso("2026/1/6"), "2026-01-06");
    CHECK_STR_EQ(iso("2026.01.06"), "2026-01-06");
    CHECK_STR_EQ(iso("06/01/2026"), "2026-01-06");
    CHECK_STR_EQ(iso("06.01.2026"), "2026-01-06");
    CHECK_STR_EQ(iso("6-1-2026"), "2026-01-06");
    CHECK_STR_EQ(iso("01/26/2026"), "2026-01-26"); /* only month-first fits */
    CHECK_STR_EQ(iso("01/06/2026 08:41 PM"), "2026-01-06T20:41");
    CHECK_STR_EQ(iso("06.01.26"), "2026-01-06");
    CHECK_STR_EQ(iso("31/02/2026"), "");
    CHECK_STR_EQ(iso("2026-13-01"), "");
    CHECK_STR_EQ(iso("29.02.2024"), "2024-02-29");
    CHECK_STR_EQ(iso("18. 05. 2014"), "2014-05-18");
    CHECK_STR_EQ(iso("4.\u2009"
                     "2.\u2009"
                     "2022"),
                 "2022-02-04");
    CHECK_STR_EQ(iso("18 /05/ 2014"), "");
    CHECK_STR_EQ(iso("29.02.2026"), "");
    CHECK_STR_EQ(iso("1850-01-01"), "");
    CHECK_STR_EQ(iso("Stand: 06.01.2026, 08:41 Uhr"), "2026-01-06T08:41");
}

static void
test_english(void)
{
    CHECK_STR_EQ(iso("January 6th, 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("6 Jan 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("Jan. 6, 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("Published: Tuesday, January 6, 2026 at 8:41 a.m. EST"),
                 "2026-01-06T08:41-05:00");
    CHECK_STR_EQ(iso("the 22nd of March 2026"), "2026-03-22");
    CHECK_STR_EQ(iso("Sept. 30, 2025 12:05 am"), "2025-09-30T00:05");
    CHECK_STR_EQ(iso("2026 Jan 06"), "2026-01-06");
    CHECK_STR_EQ(iso("06-Jan-2026"), "2026-01-06");
    CHECK_STR_EQ(iso("Guide 2026 Dec 26, 2025"), "2025-12-26");
    CHECK_STR_EQ(iso("January 2026"), "2026-01");
    CHECK_STR_EQ(iso("January 6"), "");
    CHECK_STR_EQ(iso("Updated 3 hours ago"), "");
}

static void
test_european(void)
{
    CHECK_STR_EQ(iso("6. Januar 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("6 Eylül 2026 Pazar"), "2026-09-06");
    CHECK_STR_EQ(iso("6 Şubat 2026"), "2026-02-06");
    CHECK_STR_EQ(iso("6 січня 2026 р."), "2026-01-06");
    CHECK_STR_EQ(iso("6. února 2026"), "2026-02-06");
    CHECK_STR_EQ(iso("2026. január 6."), "2026-01-06");
    CHECK_STR_EQ(iso("6 ianuarie 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("6 augusti 2026"), "2026-08-06");
    CHECK_STR_EQ(iso("6 Μαΐου 2026"), "2026-05-06");
    CHECK_STR_EQ(iso("Dienstag, 6. März 2026, 08:41 Uhr"), "2026-03-06T08:41");
    CHECK_STR_EQ(iso("le 6 février 2026 à 08h41"), "2026-02-06T08:41");
    CHECK_STR_EQ(iso("1er août 2026"), "2026-08-01");
    CHECK_STR_EQ(iso("6 de enero de 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("martes, 6 de diciembre del 2026 a las 08:41"),
                 "2026-12-06T08:41");
    CHECK_STR_EQ(iso("6 de março de 2026"), "2026-03-06");
    CHECK_STR_EQ(iso("6 ottobre 2026 ore 18:05"), "2026-10-06T18:05");
    CHECK_STR_EQ(iso("6 maart 2026"), "2026-03-06");
    CHECK_STR_EQ(iso("6 października 2026 r."), "2026-10-06");
    CHECK_STR_EQ(iso("Styczeń 2026"), "2026-01");
    CHECK_STR_EQ(iso("6 января 2026 г., 08:41"), "2026-01-06T08:41");
    CHECK_STR_EQ(iso("6 ЯНВАРЯ 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("Март 2026"), "2026-03");
}

static void
test_arabic(void)
{
    CHECK_STR_EQ(iso("الثلاثاء 06/يناير/2026 - 08:41 ص"), "2026-01-06T08:41");
    CHECK_STR_EQ(iso("الثلاثاء 06/يناير/2026 - 08:41 م"), "2026-01-06T20:41");
    CHECK_STR_EQ(iso("6 أبريل 2026"), "2026-04-06");
    CHECK_STR_EQ(iso("6 ابريل 2026"), "2026-04-06");
    CHECK_STR_EQ(iso("٦ يونيه ٢٠٢٦"), "2026-06-06");
    CHECK_STR_EQ(iso("۶ اغسطس ۲۰۲۶"), "2026-08-06");
    CHECK_STR_EQ(iso("6 كانون الثاني 2026"), "2026-01-06");
    CHECK_STR_EQ(iso("6 كانون الأول 2026"), "2026-12-06");
    CHECK_STR_EQ(iso("15 تشرين الأول 2025"), "2025-10-15");
    CHECK_STR_EQ(iso("15 تشرين الثاني 2025"), "2025-11-15");
    CHECK_STR_EQ(iso("3 آذار 2026"), "2026-03-03");
    CHECK_STR_EQ(iso("3 أيلول 2026"), "2026-09-03");
    CHECK_STR_EQ(iso("نشر في ١٢/٠٣/٢٠٢٦"), "2026-03-12");
}

static void
test_cjk(void)
{
    CHECK_STR_EQ(iso("2026年1月6日 08:41"), "2026-01-06T08:41");
    CHECK_STR_EQ(iso("2026年01月06日"), "2026-01-06");
    CHECK_STR_EQ(iso("２０２６年１月６日"), "2026-01-06");
    CHECK_STR_EQ(iso("2026年1月6日 下午3:05"), "2026-01-06T15:05");
    CHECK_STR_EQ(iso("2026年1月6日 上午12:05"), "2026-01-06T00:05");
    CHECK_STR_EQ(iso("2026年1月6日(火) 8時41分"), "2026-01-06T08:41");
    CHECK_STR_EQ(iso("1月5日"), "");
    CHECK_STR_EQ(iso("2026年1月"), "2026-01");
    CHECK_STR_EQ(iso("2026년 1월 6일 오후 3:41"), "2026-01-06T15:41");
    CHECK_STR_EQ(iso("发布时间：2026-01-06 08:41"), "2026-01-06T08:41");
}

static void
test_find(void)
{
    px_date d;
    size_t off = 0;
    size_t len = 0;
    const char *s = "Posted by Ann on 1月5日, then on January 6th, 2026 at "
                    "9:00 PM, and again 2026-02-01.";
    CHECK(px_pubdate_find(px_str_c(s), &d, &off, &len));
    CHECK(len > 0 &&
          strncmp(s + off, "January 6th, 2026 at 9:00 PM", len) == 0);
    CHECK(d.hour == 21 && d.prec == PX_PREC_MINUTE);
    CHECK(!px_pubdate_find(px_str_c("version 1.2.3, 12 items, 2026"), &d, &off,
                           &len));
    CHECK(!px_pubdate_find(px_str_c("January 2026"), &d, &off, &len));
    CHECK(!px_pubdate_find(px_str_c(""), &d, &off, &len));
    const char *ar = "القاهرة - نشر في 6 كانون الثاني 2026 الساعة 10:15";
    CHECK(px_pubdate_find(px_str_c(ar), &d, &off, &len));
    CHECK(d.month == 1 && d.day == 6 && d.hour == 10);
    CHECK(strcmp(ar + off + len, "") == 0);
    const char cut[] = "2026-01-0";
    CHECK(!px_pubdate_find((px_str){cut, sizeof cut - 1}, &d, &off, &len));
    const char bad[] = "\xFF\xFE 2026-01-06 \xC3";
    CHECK(px_pubdate_find((px_str){bad, sizeof bad - 1}, &d, &off, &len));
    CHECK(off == 3 && len == 10);
}

/* Long texts: dates far into them, after long runs without digits, with
 * the month name before the day, in other digit scripts, and dates that
 * need more than the first few tokens to be told from other numbers. */
static void
test_find_long(void)
{
    static char buf[40000];
    const char *tails[] = {
        "Posted on\n      January\u00a06, 2026 at 9:00 PM.",
        "نشر في \u0666 كانون الثاني \u0662\u0660\u0662\u0666",
        "发布时间：２０２６年１月６日 08:41",
        "Ship 5 crates, 12 boxes, 2026 items; released 6. Januar 2026.",
    };
    const char *wants[] = {"2026-01-06T21:00", "2026-01-06", "2026-01-06T08:41",
                           "2026-01-06"};
    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
        size_t n = 0;
        while (n + 64 < sizeof buf - 200) {
            memcpy(buf + n, "lorem ipsum dolor sit amet, élan vital. ", 41);
            n += 41;
        }
        const size_t at = n;
        memcpy(buf + n, tails[k], strlen(tails[k]) + 1);
        n += strlen(tails[k]);
        px_date d;
        size_t off = 0;
        size_t len = 0;
        CHECK(px_pubdate_find((px_str){buf, n}, &d, &off, &len));
        char out[32];
        px_date_format(&d, out);
        CHECK_STR_EQ(out, wants[k]);
        CHECK(off >= at);
    }
    /* a month name well before its day is no date */
    const char far[] = "January was cold, and then on the 6 of it, in 2026.";
    px_date d;
    CHECK(!px_pubdate_find(px_str_c(far), &d, NULL, NULL));
    /* numbers everywhere, no date */
    const char nums[] = "1 2 3 4 5 6 7 8 9 10 11 12 13 2026 99 1.5 3/4 12:30";
    CHECK(!px_pubdate_find(px_str_c(nums), &d, NULL, NULL));
}

static void
test_url(void)
{
    CHECK_STR_EQ(from_url("https://ex.com/2026/01/06/story-slug/"),
                 "2026-01-06");
    CHECK_STR_EQ(from_url("https://ex.com/news/2026-01-06-story"),
                 "2026-01-06");
    CHECK_STR_EQ(from_url("https://ex.com/a/20260106/123.html"), "2026-01-06");
    CHECK_STR_EQ(from_url("https://ex.com/2026/01/story"), "2026-01");
    CHECK_STR_EQ(from_url("https://ex.com/2026/1/6/x"), "2026-01-06");
    CHECK_STR_EQ(from_url("https://2026.ex.com/story/123456"), "");
    CHECK_STR_EQ(from_url("https://ex.com/item/12345678"), "");
    CHECK_STR_EQ(from_url("https://ex.com/2026/13/06/x"), "");
    CHECK_STR_EQ(from_url("https://ex.com/page-2026"), "");
    CHECK_STR_EQ(from_url(NULL), "");
}

static void
test_valid(void)
{
    px_date d = {.year = 2101, .month = 1, .day = 1, .prec = PX_PREC_DAY};
    CHECK(!px_pubdate_valid(&d));
    d.year = 2100;
    CHECK(px_pubdate_valid(&d));
    d.day = 32;
    CHECK(!px_pubdate_valid(&d));
    d.prec = PX_PREC_MONTH;
    CHECK(px_pubdate_valid(&d));
    d.prec = PX_PREC_NONE;
    CHECK(!px_pubdate_valid(&d));
}

/* Every date in the seed dumps (third-party text, read in place): each one
 * found is valid, and the Arabic dump yields both its masthead date and the
 * article's date and time. */
static void
test_seeds(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seeds/001_2ad97cd76d77467c.txt",
             check_shared_dir());
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        puts("SKIP: seeds absent");
        return;
    }
    static char buf[1 << 16];
    const size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t pos = 0;
    int found = 0;
    bool masthead = false;
    bool article = false;
    px_date d;
    size_t off = 0;
    size_t len = 0;
    while (px_pubdate_find((px_str){buf + pos, n - pos}, &d, &off, &len)) {
        char iso_buf[32];
        px_date_format(&d, iso_buf);
        CHECK(px_pubdate_valid(&d));
        masthead = masthead || strcmp(iso_buf, "2026-02-01") == 0;
        article = article || strcmp(iso_buf, "2026-01-06T08:41") == 0;
        pos += off + len;
        found++;
    }
    CHECK(found >= 2);
    CHECK(masthead);
    CHECK(article);
}

int
main(void)
{
    test_iso_rfc();
    test_numeric();
    test_english();
    test_european();
    test_arabic();
    test_cjk();
    test_find();
    test_find_long();
    test_url();
    test_valid();
    test_seeds();
    return check_summary();
}
