/* test_meta_dates.c - publication dates from HTML: the sources and traps
 * added after test_meta.c (publication meta tags of other names, a day
 * marked published beside a structured date shown only as an update,
 * header dates under the headline, quoted and field dates, teaser cards,
 * review items, bylines far from the headline). All pages here are written
 * for this test. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "check.h"
#include "meta.h"
#include "meta_run.h"
#include "str.h"

#define BODY                                                                   \
    "<p>The ferry line between the two islands reopened on Friday after "      \
    "three days of closure, the operator said in a statement.</p>"             \
    "<p>Crews inspected the piers overnight and found no damage.</p>"

/* n paragraphs of story text (one text node each) appended to buf. */
static void
add_paras(char *buf, size_t cap, int n)
{
    for (int i = 0; i < n; i++) {
        const size_t len = strlen(buf);
        snprintf(buf + len, cap - len,
                 "<p>Paragraph %d of the story goes on about the piers.</p>",
                 i);
    }
}

/* A meta tag whose name says "published" counts after the listed keys; one
 * naming an unpublishing or expiry day never does. */
static void
test_other_publication_meta(void)
{
    static const char html[] =
        "<html><head><title>Piers</title><meta name='w-published-date' "
        "content='2025-05-27T06:03:43Z'></head><body><article><h1>Piers</"
        "h1>" BODY "</article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK(strncmp(r.date, "2025-05-27", 10) == 0);
    CHECK(has_signal(r.a, "date:meta:other-published"));
    done(&r);

    static const char expiry[] =
        "<html><head><title>Piers</title><meta name='unpublish-date' "
        "content='2030-01-01'><meta name='publish-expires' "
        "content='2030-02-01'></head><body><article><h1>Piers</h1>" BODY
        "</article></body></html>";
    extract(&r, expiry, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
}

/* JSON-LD gives the day the page shows only as "Updated"; the day marked
 * as published by the headline is the article's. */
static void
test_published_beside_update(void)
{
    static const char html[] =
        "<html><head><title>Piers</title><script type='application/ld+json'>"
        "{\"@type\":\"Article\",\"datePublished\":\"2025-08-21\"}</script>"
        "</head><body><article><h1>Piers</h1><p class='post-date'>"
        "Published: April 26, 2023</p><p class='post-date'>Updated: August "
        "21, 2025</p>" BODY "</article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2023-04-26");
    done(&r);
}

/* A "header-date" right under the headline is the article header's date;
 * a date alone on its line there counts even in a soft-chrome box. */
static void
test_dates_under_headline(void)
{
    static const char html[] =
        "<html><head><title>Piers</title></head><body><main><div "
        "class='header'><h1>Piers</h1><div class='header-date'>19 Dec, "
        "2025</div></div>" BODY "</main></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2025-12-19");
    done(&r);

    static const char boxed[] =
        "<html><head><title>Piers</title></head><body><main><h1>Piers</h1>"
        "<div class='newsletter-details-wrapper'><p>November 2, 2022</p>"
        "</div>" BODY "</main></body></html>";
    extract(&r, boxed, NULL);
    CHECK_STR_EQ(r.date, "2022-11-02");
    done(&r);
}

/* Quoted mail headers, embedded posts and field values ("Release:") are
 * dates of something else. */
static void
test_quoted_and_field_dates(void)
{
    static const char html[] =
        "<html><head><title>Boot loader</title></head><body><article><h1>"
        "Boot loader</h1>" BODY "<pre>Date: Fri, 1 Feb 2002 11:53:40 -0500\n"
        "From: A Porter</pre><blockquote class='embedded-post'><p>Ported."
        "</p><a href='/p/1'>March 3, 2020</a></blockquote></article>"
        "</body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);

    static const char field[] =
        "<html><head><title>Bee game</title></head><body><article><h1>Bee "
        "game</h1><p>Players: 4</p><p>Release:</p><p>14.11.2019</p>" BODY
        "</article></body></html>";
    extract(&r, field, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
}

/* Another story's card (a small box with its own heading) far below the
 * headline gives no date, nor does a review's microdata date. */
static void
test_teasers_and_reviews(void)
{
    static char html[8192];
    snprintf(html, sizeof html,
             "<html><head><title>Batteries</title></head><body><main><h1>"
             "Batteries</h1>" BODY);
    add_paras(html, sizeof html, 40);
    const size_t len = strlen(html);
    snprintf(html + len, sizeof html - len,
             "<div class='post-card'><h3>Solar news</h3><p>Short excerpt.</p>"
             "<span class='post-date'>22. Juni 2022</span></div></main>"
             "</body></html>");
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);

    static const char review[] =
        "<html><head><title>Holiday home</title></head><body><main><h1>"
        "Holiday home</h1>" BODY "<div itemprop='review' itemscope "
        "itemtype='http://schema.org/Review'><meta itemprop='datePublished' "
        "content='2018-05-23'><p>Lovely stay.</p></div></main></body></html>";
    extract(&r, review, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
}

/* Bylines away from the headline: a list item carrying datePublished, a
 * "By: ... on" line with indented markup, a "Written by" line at the end. */
static void
test_far_bylines(void)
{
    static char html[32768];
    snprintf(html, sizeof html,
             "<html><head><title>Pipes</title></head><body><ul class='info'>"
             "<li itemprop='datePublished'><time>December 3, 2025</time></li>"
             "</ul>");
    add_paras(html, sizeof html, 45);
    size_t len = strlen(html);
    snprintf(html + len, sizeof html - len,
             "<h1>Pipes</h1>" BODY "</body></html>");
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2025-12-03");
    done(&r);

    snprintf(html, sizeof html,
             "<html><head><title>Pipes</title></head><body><div "
             "class='auth'>By:            \n          <a href='/a/x'>Flow "
             "Team</a>            \n     on 04-ago-2021 5:11:10</div>");
    add_paras(html, sizeof html, 35);
    len = strlen(html);
    snprintf(html + len, sizeof html - len,
             "<h1>Pipes</h1>" BODY "</body></html>");
    extract(&r, html, NULL);
    CHECK(strncmp(r.date, "2021-08-04", 10) == 0);
    done(&r);

    snprintf(html, sizeof html,
             "<html><head><title>Apps</title></head><body><h1>Apps</h1>");
    add_paras(html, sizeof html, 320);
    len = strlen(html);
    snprintf(html + len, sizeof html - len,
             "<div><p class='t6'>Written by Kim Lee</p><p class='t6'>April 8, "
             "2024</p></div></body></html>");
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2024-04-08");
    CHECK(has_signal(r.a, "date:seen:labelled"));
    done(&r);
}

/* A guide shows only "Last updated" by its headline. Its one publication
 * date, a JSON-LD value the page never shows, is the record's creation:
 * the shown update, a year later, stands for the page. An Open Graph
 * article time beside the JSON-LD confirms the publication, which then
 * wins, as does a Dublin Core date; so does an update days after it (a
 * correction) or one that would come before it. */
static void
test_update_over_unseen_schema(void)
{
#define GUIDE_LD                                                               \
    "<script type='application/ld+json'>{\"@type\":\"Article\","               \
    "\"datePublished\":\"2019-03-04T10:00:00Z\"}</script>"
#define GUIDE_BODY(upd)                                                        \
    "</head><body><article><h1>Tide tables</h1><div class='meta'>Last "        \
    "updated: " upd "</div>" BODY "</article></body></html>"
    static const char html[] =
        "<html><head><title>Tide tables</title>" GUIDE_LD GUIDE_BODY(
            "June 9, 2020");
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2020-06-09");
    CHECK(has_signal(r.a, "date:seen:updated-over-unseen"));
    done(&r);

    static const char og[] =
        "<html><head><title>Tide tables</title><meta "
        "property='article:published_time' "
        "content='2019-03-04T10:00:00Z'>" GUIDE_LD GUIDE_BODY("June 9, 2020");
    extract(&r, og, NULL);
    CHECK(strncmp(r.date, "2019-03-04", 10) == 0);
    done(&r);

    static const char dc[] =
        "<html><head><title>Tide tables</title><meta name='dc.date' "
        "content='2019-03-04'>" GUIDE_BODY("June 9, 2020");
    extract(&r, dc, NULL);
    CHECK_STR_EQ(r.date, "2019-03-04");
    done(&r);

    static const char days[] =
        "<html><head><title>Tide tables</title>" GUIDE_LD GUIDE_BODY(
            "March 8, 2019");
    extract(&r, days, NULL);
    CHECK(strncmp(r.date, "2019-03-04", 10) == 0);
    done(&r);

    static const char before[] =
        "<html><head><title>Tide tables</title>" GUIDE_LD GUIDE_BODY(
            "June 9, 2018");
    extract(&r, before, NULL);
    CHECK(strncmp(r.date, "2019-03-04", 10) == 0);
    done(&r);
#undef GUIDE_LD
#undef GUIDE_BODY
}

/* A listing (events, posts) gives each entry its heading and date; the
 * first entry's date right under the page's headline is not the page's. A
 * byline list without headings still dates the page. */
static void
test_listing_entries(void)
{
#define ENTRY(d, name)                                                         \
    "<li><div class='date'>" d "</div><h2><a href='/e/" name "'>" name         \
    "</a></h2><p>Two days of talks on tides.</p></li>"
    static const char html[] =
        "<html><head><title>Harbour events</title></head><body><main><h1>"
        "Harbour events</h1><ul class='events'>" ENTRY(
            "March 16, 2026", "Tidecon") ENTRY("April 2, 2026", "Pierfest")
            ENTRY("May 5, 2026", "Buoyday") "</ul></main></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
#undef ENTRY

    static const char byline[] =
        "<html><head><title>Piers</title></head><body><main><h1>Piers</h1>"
        "<ul class='meta'><li>Kim Lee</li><li>March 16, 2026</li><li>4 min"
        "</li></ul>" BODY "</main></body></html>";
    extract(&r, byline, NULL);
    CHECK_STR_EQ(r.date, "2026-03-16");
    done(&r);
}

int
main(void)
{
    test_other_publication_meta();
    test_published_beside_update();
    test_dates_under_headline();
    test_quoted_and_field_dates();
    test_teasers_and_reviews();
    test_far_bylines();
    test_update_over_unseen_schema();
    test_listing_entries();
    return check_summary();
}
