/* test_meta.c - metadata from HTML: each date source in its order of
 * trust, titles, authors, site names, canonical URLs and languages, and the
 * traps (related lists, generic authors, the crawl date). All pages here are
 * written for this test. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "check.h"
#include "meta.h"
#include "meta_run.h"
#include "parallax.h"
#include "record.h"
#include "str.h"

static void
test_jsonld(void)
{
    static const char html[] =
        "<html lang='en'><head><title>Quarry reopens - Valley Post</title>"
        "<script type='application/ld+json'>{\"@context\":"
        "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
        "\"Quarry reopens after flood\",\"datePublished\":"
        "\"2026-01-06T08:41:00+03:00\",\"dateModified\":\"2026-01-09\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},"
        "{\"@type\":\"Person\",\"name\":\"Tom &amp; Lee\"}],\"publisher\":"
        "{\"@type\":\"Organization\",\"name\":\"Valley Post\"}}</script>"
        "</head><body><article><h1>Quarry reopens after flood</h1>"
        "<p>Updated 9 January 2026</p><p>Text of the story.</p>"
        "</article></body></html>";
    run r;
    extract(&r, html, "https://valleypost.example/news/quarry");
    CHECK_STR_EQ(r.date, "2026-01-06T08:41:00+03:00");
    CHECK(has_signal(r.a, "date:jsonld:datePublished"));
    CHECK_STR_EQ(r.a->title, "Quarry reopens after flood");
    CHECK_STR_EQ(r.a->author, "Ana Ruiz, Tom & Lee");
    CHECK_STR_EQ(r.a->site, "Valley Post");
    CHECK_STR_EQ(r.a->lang, "en");
    done(&r);
}

static void
test_jsonld_graph(void)
{
    static const char html[] =
        "<html><head><script type='application/ld+json'>{\"@graph\":["
        "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Hill Notes\"},"
        "{\"@type\":[\"Article\"],\"headline\":\"Snow on the pass\","
        "\"author\":{\"@id\":\"#p1\"},\"datePublished\":\"2025-12-30\"},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ida Berg\"}]}"
        "</script></head><body><h1>Snow on the pass</h1>"
        "<div class='entry-meta'>30. Dezember 2025</div>"
        "<p>Body.</p></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2025-12-30");
    CHECK(has_signal(r.a, "date:jsonld:datePublished"));
    CHECK_STR_EQ(r.a->author, "Ida Berg");
    CHECK_STR_EQ(r.a->site, "Hill Notes");
    done(&r);
}

/* Strings nobody reads (articleBody) are emptied before parsing, but a
 * block jansson rejects for such a string is still rejected. */
static void
test_jsonld_unread(void)
{
    static const char *const bodies[] = {
        ("A long body with \\\"quotes\\\", \\u00e9, \\ud83d\\ude00 and "
         "\xc3\xa9."),
        "An invalid escape \\x41 in a long enough body",
        "A NUL \\u0000 escape in a long enough body",
        "A lone \\ud800 surrogate in a long enough body",
        "A low \\udc00 surrogate first in a long enough body"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char html[512];
        snprintf(html, sizeof html,
                 "<html><head><script type='application/ld+json'>"
                 "{\"@type\":\"NewsArticle\",\"articleBody\":\"%s\","
                 "\"headline\":\"Kept headline\",\"datePublished\":"
                 "\"2026-02-03\"}</script></head><body><p>Body.</p></body>"
                 "</html>",
                 bodies[i]);
        run r;
        extract(&r, html, NULL);
        CHECK(has_signal(r.a, "date:jsonld:datePublished") == (i == 0));
        done(&r);
    }
}

static void
test_meta_tags(void)
{
    static const char html[] =
        "<html><head><title>Bridge vote delayed | Example Times</title>"
        "<meta property='og:site_name' content='Example Times'>"
        "<meta property='og:title' content='Bridge vote delayed | Example "
        "Times'>"
        "<meta property='article:published_time' "
        "content='2026-01-05T19:00:00Z'>"
        "<meta property='article:modified_time' content='2026-01-08'>"
        "<meta name='author' content='Example Times'>"
        "<meta name='parsely-author' content='Omar Said'>"
        "<meta property='og:locale' content='en_GB'>"
        "<link rel='canonical' href='/2026/01/05/bridge'>"
        "</head><body><p>Council text.</p></body></html>";
    run r;
    extract(&r, html, "https://www.example.com/x?utm=1");
    CHECK_STR_EQ(r.date, "2026-01-05T19:00:00Z");
    CHECK(has_signal(r.a, "date:meta:article:published_time"));
    CHECK_STR_EQ(r.a->title, "Bridge vote delayed");
    CHECK_STR_EQ(r.a->author, "Omar Said"); /* the site is no author */
    CHECK_STR_EQ(r.a->canonical, "https://www.example.com/2026/01/05/bridge");
    CHECK_STR_EQ(r.a->lang, "en_GB");
    done(&r);
}

/* A related list with its own (earlier in the page) dates must not give
 * the article's date; the <time> in the article header does. */
static void
test_related_trap(void)
{
    static const char html[] =
        "<html><head><title>Dam study published</title></head><body>"
        "<div class='related-posts'><ul>"
        "<li><a href='/a'>Older story</a> <time datetime='2025-03-01'>1 "
        "March 2025</time></li>"
        "<li><a href='/b'>Other story</a> <span class='date'>02.04.2025"
        "</span></li></ul></div>"
        "<article><header><h1>Dam study published</h1>"
        "<time datetime='2026-01-06T10:00'>6 January 2026</time></header>"
        "<p>The study was begun on 3 May 2024.</p></article>"
        "<aside><h3>More</h3><time datetime='2025-12-01'>1 Dec</time>"
        "</aside></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2026-01-06T10:00"); /* the <time> states it */
    CHECK(has_signal(r.a, "date:seen:headline"));
    done(&r);
}

/* Generic labels are no authors; a real byline further on is. */
static void
test_generic_author_trap(void)
{
    static const char html[] =
        "<html><head><meta name='author' content='admin'>"
        "<title>Fair opens</title></head><body><article>"
        "<h1>Fair opens</h1><div class='byline'>By Staff</div>"
        "<span class='author'>المحرر</span>"
        "<p>Text.</p></article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK(r.a->author == NULL);
    done(&r);

    static const char html2[] =
        "<html><head><meta name='author' content='editor'></head><body>"
        "<article><h1>Port strike ends</h1><div class='post-byline'>"
        "Posted by <a href='/author/jane-doe/'>Jane Doe</a> on "
        "January 6, 2026</div><p>Text.</p></article></body></html>";
    extract(&r, html2, NULL);
    CHECK_STR_EQ(r.a->author, "Jane Doe");
    CHECK_STR_EQ(r.date, "2026-01-06");
    done(&r);
}

/* The masthead shows today's (crawl) date; the article shows none. */
static void
test_crawl_date_trap(void)
{
    static const char html[] =
        "<html><head><title>Rain expected</title></head><body>"
        "<div class='top-bar'><span class='today-date'>Saturday, 21 "
        "November 2026</span></div>"
        "<nav><a href='/'>Home</a> 21.11.2026</nav>"
        "<article><h1>Rain expected</h1><p>Forecasters say rain will "
        "come.</p></article>"
        "<footer>Copyright 2026. Page generated 2026-11-21 09:00</footer>"
        "</body></html>";
    run r;
    r.a = NULL;
    extract(&r, html, "https://news.example/weather/rain");
    r.a->fetched = "2026-11-21T09:00:00Z";
    CHECK_STR_EQ(r.date, "");
    CHECK(r.a->published.prec == PX_PREC_NONE);
    done(&r);
}

/* A masthead date without telling classes, above the headline: when it is
 * the crawl day it is not taken; the article's own date below is. */
static void
test_crawl_day_above_headline(void)
{
    static const char html[] =
        "<html><body><div class='hdr'><span class='d'>21.11.2026</span>"
        "</div><h1>Tram line extended</h1><p>Text without dates.</p>"
        "</body></html>";
    run r;
    r.a = px_article_new();
    r.a->fetched = "2026-11-21T08:00:00Z";
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING);
    CHECK(px_meta_extract(doc, NULL, r.a, NULL) == PX_OK);
    CHECK(r.a->published.prec == PX_PREC_NONE);
    xmlFreeDoc(doc);
    done(&r);
}

static void
test_url_and_text_near_title(void)
{
    static const char html[] = "<html><body><h1>Ferry timetable</h1>"
                               "<p>New times from Monday.</p></body></html>";
    run r;
    extract(&r, html, "https://port.example/2026/01/06/ferry-times/");
    CHECK_STR_EQ(r.date, "2026-01-06");
    CHECK(has_signal(r.a, "date:url"));
    CHECK_STR_EQ(r.a->site, "port.example");
    done(&r);

    static const char zh[] =
        "<html><head><title>江边新桥通车_新闻中心_某某网</title></head><body>"
        "<div class='nav'>首页</div><h1>江边新桥通车</h1>"
        "<div>2026年1月6日 08:41 来源：某某网 作者：李明</div>"
        "<p>正文内容。</p></body></html>";
    extract(&r, zh, "http://news.example.cn/a/1.html");
    CHECK_STR_EQ(r.date, "2026-01-06T08:41");
    CHECK_STR_EQ(r.a->title, "江边新桥通车");
    CHECK_STR_EQ(r.a->author, "李明");
    done(&r);

    static const char ar[] =
        "<html><body><div class='header-date'>الأحد 01 فبراير 2026</div>"
        "<h1>افتتاح جسر جديد</h1><div class='article-date'>الثلاثاء "
        "06/يناير/2026 - 08:41 ص</div><p>نص الخبر.</p></body></html>";
    extract(&r, ar, NULL);
    CHECK_STR_EQ(r.date, "2026-01-06T08:41");
    done(&r);
}

static void
test_titles_and_webpage_author(void)
{
    static const char html[] =
        "<html><head><title>Dec 18 2025 Budget passes - Town Crier</title>"
        "<script type='application/ld+json'>{\"@graph\":[{\"@type\":"
        "\"WebPage\",\"author\":{\"@id\":\"#me\"}},{\"@type\":"
        "\"Person\",\"@id\":\"#me\",\"name\":\"Lena Park\"}]}</script>"
        "</head><body><div id='logo'><h1>Town Crier</h1></div>"
        "<div><h2>Dec 18 2025 Budget passes</h2><p>Text.</p></div>"
        "</body></html>";
    run r;
    extract(&r, html, "https://towncrier.example/budget");
    CHECK_STR_EQ(r.a->title, "Budget passes");
    CHECK_STR_EQ(r.a->author, "Lena Park");
    CHECK(has_signal(r.a, "author:jsonld:other"));
    done(&r);
}

static void
test_kept_fields(void)
{
    static const char html[] =
        "<html><head><title>Other title</title><meta name='author' "
        "content='Someone Else'></head><body><p>x</p></body></html>";
    run r;
    r.a = px_article_new();
    r.a->title = "Given title";
    r.a->published =
        (px_date){.year = 2026, .month = 1, .day = 2, .prec = PX_PREC_DAY};
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING);
    CHECK(px_meta_extract(doc, NULL, r.a, NULL) == PX_OK);
    CHECK_STR_EQ(r.a->title, "Given title");
    CHECK(r.a->published.day == 2);
    CHECK_STR_EQ(r.a->author, "Someone Else");
    xmlFreeDoc(doc);
    px_error err = {0};
    CHECK(px_meta_extract(NULL, NULL, r.a, &err) == PX_EINVAL);
    done(&r);
}

static void
test_date_from_text(void)
{
    px_article *a = px_article_new();
    a->title = "Mill to close";
    const px_para_in paras[] = {
        {PX_STR_LIT("Mill to close"), PX_PARA_HEADING},
        {PX_STR_LIT("Veröffentlicht: 06.01.2026, 08:41 Uhr"), PX_PARA_TEXT},
        {PX_STR_LIT("The mill, built on 3 March 1998, will close."),
         PX_PARA_TEXT}};
    CHECK(px_article_set_paras(a, paras, 3, NULL) == PX_OK);
    px_meta_date_from_text(a);
    char d[32];
    px_date_format(&a->published, d);
    CHECK_STR_EQ(d, "2026-01-06T08:41");
    CHECK(has_signal(a, "date:text"));
    px_article_free(a);

    /* a date inside a long body paragraph is an event, not the byline */
    a = px_article_new();
    const px_para_in body[] = {
        {PX_STR_LIT("The council said the bridge, first opened to traffic "
                    "many decades ago and repaired several times since, "
                    "will finally close for good on 6 January 2026 after "
                    "the last inspection found deep cracks in two piers."),
         PX_PARA_TEXT},
        {PX_STR_LIT("Only 1月5日 was mentioned."), PX_PARA_TEXT}};
    CHECK(px_article_set_paras(a, body, 2, NULL) == PX_OK);
    px_meta_date_from_text(a);
    CHECK(a->published.prec == PX_PREC_NONE);
    px_article_free(a);
    px_meta_date_from_text(NULL);
}

/* Appends n short paragraphs to b (filler between a headline and a date). */
static void
filler(px_buf *b, int n)
{
    for (int i = 0; i < n; i++) {
        px_buf_printf(b, "<p>Paragraph number %d of the story.</p>", i);
    }
}

/* Runs extract on the HTML in b and frees b. */
static void
extract_buf(run *r, px_buf *b, const char *url)
{
    CHECK(!px_buf_failed(b));
    extract(r, b->ptr, url);
    px_buf_fini(b);
}

/* Where the headline is: a heading that gave the title (not an earlier
 * link with the same words); wrappers that hold the headline are never
 * chrome, whatever their class says. */
static void
test_headline_place(void)
{
    px_buf b;
    px_buf_init(&b);
    px_buf_add_c(&b, "<html><head><title>Liver with apples</title></head>"
                     "<body><div class='widget'><a href='/l'>Liver with "
                     "apples</a>");
    filler(&b, 40);
    px_buf_add_c(&b, "</div><div id='content'><h2 class='post'>Liver with "
                     "apples</h2><p>8. Dezember 2010 um 09:43</p>");
    filler(&b, 5);
    px_buf_add_c(&b, "</div></body></html>");
    run r;
    extract_buf(&r, &b, NULL);
    CHECK_STR_EQ(r.date, "2010-12-08T09:43");
    CHECK(has_signal(r.a, "date:seen:headline"));
    done(&r);

    static const char wrapped[] =
        "<html><head><title>Keyboards to buy</title></head><body>"
        "<div class='section under-menu'><h1>Keyboards to buy</h1>"
        "<div class='article-date'><span>June 10, 2025</span></div>"
        "<p>Some text.</p></div></body></html>";
    extract(&r, wrapped, NULL);
    CHECK_STR_EQ(r.date, "2025-06-10");
    done(&r);
}

/* A dated element far below the headline (a list of other posts) ranks
 * after the article's structured date; a page that calls itself a website
 * gets no unseen structured date. */
static void
test_far_dates(void)
{
    px_buf b;
    px_buf_init(&b);
    px_buf_add_c(&b, "<html><head><title>Shoe makers</title><meta "
                     "property='article:published_time' "
                     "content='2025-01-08T13:28:55Z'></head><body><article>"
                     "<h1>Shoe makers</h1>");
    filler(&b, 60);
    px_buf_add_c(&b, "<div class='entry'><span class='post-date'>January 23, "
                     "2025</span> Another post</div></article></body></html>");
    run r;
    extract_buf(&r, &b, NULL);
    CHECK_STR_EQ(r.date, "2025-01-08T13:28:55Z");
    CHECK(has_signal(r.a, "date:meta:article:published_time:unseen"));
    done(&r);

    static const char site[] =
        "<html><head><title>Catering</title><meta property='og:type' "
        "content='website'><meta property='article:published_time' "
        "content='2025-01-17'></head><body><h1>Catering</h1><p>Food.</p>"
        "</body></html>";
    extract(&r, site, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
}

/* A short story body shared by the tests below. */
#define FERRY_BODY                                                             \
    "<p>The ferry line between the two islands reopened on Friday after "      \
    "three days of closure, the operator said in a statement.</p>"             \
    "<p>Crews inspected the piers overnight and found no damage.</p>"

/* "Site :: Headline" titles: the site part goes, and with the headline
 * found in the page, so is the date shown under it. */
static void
test_site_first_titles(void)
{
    static const char *const titles[] = {
        "Harbour Gazette :: Ferry service resumes after storm",
        "Harbour Gazette::Ferry service resumes after storm",
        "Harbour Gazette | Ferry service resumes after storm"};
    for (size_t i = 0; i < 3; i++) {
        char html[1024];
        snprintf(html, sizeof html,
                 "<html><head><title>%s</title><meta property='og:site_name' "
                 "content='Harbour Gazette'></head><body><div class='top'>"
                 "<a href='/'>Home</a></div><div class='story'><h2>Ferry "
                 "service resumes after storm</h2><div class='info'>Posted 14 "
                 "March 2026</div>" FERRY_BODY "</div></body></html>",
                 titles[i]);
        run r;
        extract(&r, html, NULL);
        CHECK_STR_EQ(r.a->title, "Ferry service resumes after storm");
        CHECK_STR_EQ(r.date, "2026-03-14");
        done(&r);
    }
    /* no site name known: a one-word lead before a long tail is the site */
    static const char bare[] =
        "<html><head><title>harbourgazette.example | Ferry service resumes "
        "after storm</title></head><body><h3>Ferry service resumes after "
        "storm</h3><p class='by'>14.03.2026</p>" FERRY_BODY "</body></html>";
    run r;
    extract(&r, bare, NULL);
    CHECK_STR_EQ(r.a->title, "Ferry service resumes after storm");
    CHECK_STR_EQ(r.date, "2026-03-14");
    done(&r);
}

/* Bylines: a place after the name and a desk before it are no part of
 * it; the Japanese 記者 prefix goes like the Chinese one; an author list
 * stays whole. */
static void
test_byline_forms(void)
{
    static const char *const cases[][2] = {
        {"<p class='byline'>By Theo Markham in Washington</p>", "Theo Markham"},
        {"<p class='byline'>Jens Morgenthal, São Paulo</p>", "Jens Morgenthal"},
        {"<p class='author'>科学部・中村美咲</p>", "中村美咲"},
        {"<p class='author'>記者：高橋和也</p>", "高橋和也"},
        {"<p class='author'>记者：王小明</p>", "王小明"},
        {"<p class='byline'>By Jane Doe and John Smith, Lima</p>",
         "Jane Doe and John Smith, Lima"},
        {"<p class='byline'>By Ana Ruiz, Senior Editor</p>", "Ana Ruiz"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char html[1024];
        snprintf(html, sizeof html,
                 "<html><head><title>Ferries run again</title></head><body>"
                 "<article><h1>Ferries run again</h1>%s" FERRY_BODY
                 "</article></body></html>",
                 cases[i][0]);
        run r;
        extract(&r, html, NULL);
        CHECK_STR_EQ(r.a->author, cases[i][1]);
        done(&r);
    }
    /* structured author lists are not split at commas */
    static const char ld[] =
        "<html><head><script type='application/ld+json'>{\"@type\":"
        "\"NewsArticle\",\"author\":[{\"name\":\"Ana Ruiz\"},{\"name\":"
        "\"Tom Lee\"}]}</script></head><body><h1>Ferries</h1>" FERRY_BODY
        "</body></html>";
    run r;
    extract(&r, ld, NULL);
    CHECK_STR_EQ(r.a->author, "Ana Ruiz, Tom Lee");
    done(&r);
}

/* Dates inside sentences and the ends of ranges are events, not the
 * page's date; the byline's date below them is. */
static void
test_dates_in_running_text(void)
{
    static const char html[] =
        "<html><head><title>Harbour festival returns</title></head><body>"
        "<article><h1>Harbour festival returns</h1>"
        "<p>The organisers of the old quay festival said on Tuesday that the "
        "event will take place from 3. - 6. August 2026 with more stalls "
        "than ever and a new stage near the lighthouse.</p>"
        "<p>Tickets go on sale well before the opening, which the town "
        "council set for 12 July 2026 after a long debate.</p>"
        "<p class='meta'>Published 9 March 2026</p></article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2026-03-09");
    done(&r);

    /* with only running-text dates, the page has none */
    static const char none[] =
        "<html><head><title>Harbour festival returns</title></head><body>"
        "<article><h1>Harbour festival returns</h1>"
        "<p>The organisers of the old quay festival said on Tuesday that the "
        "event will take place from 3 to 6 August 2026 with more stalls "
        "than ever and a new stage near the lighthouse.</p></article>"
        "</body></html>";
    extract(&r, none, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
}

/* A labelled period ("Date: start - end") is no publication date, neither
 * seen by the headline nor in the extracted text; nor is a date inside a
 * sentence near the headline ("it began on Friday, 7 May 2026, when"). */
static void
test_periods_and_sentences(void)
{
    static const char period[] =
        "<html><head><title>Build week notes</title></head><body><article>"
        "<p>Date: 2026-05-04 - 2026-05-08</p><h1>Build week notes</h1>"
        "<p>We spent the week wiring the new test rig and writing down "
        "what broke, what held and what we would change next time.</p>"
        "</article></body></html>";
    run r;
    extract(&r, period, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);

    px_article *a = px_article_new();
    const px_para_in paras[] = {
        {PX_STR_LIT("Date: 2026-05-04 – 2026-05-08"), PX_PARA_TEXT},
        {PX_STR_LIT("Notes of the week."), PX_PARA_TEXT}};
    CHECK(px_article_set_paras(a, paras, 2, NULL) == PX_OK);
    px_meta_date_from_text(a);
    CHECK(a->published.prec == PX_PREC_NONE);
    px_article_free(a);

    static const char sentence[] =
        "<html><head><title>How the rig failed</title></head><body><article>"
        "<h1>How the rig failed</h1><p>The story begins on Friday, May 7, "
        "2026, when the second pump stopped and nobody on the night shift "
        "noticed the pressure falling for almost an hour.</p></article>"
        "</body></html>";
    extract(&r, sentence, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);

    /* a dateline after a lower-case word is still a dateline */
    static const char dateline[] =
        "<html><head><title>Aid pledged</title></head><body><article>"
        "<h1>Aid pledged</h1><p>Press release of 7 May 2026 | Bonn - The "
        "ministry pledged new aid to the programme, which feeds millions of "
        "people in the region, and asked other donors to follow.</p>"
        "</article></body></html>";
    extract(&r, dateline, NULL);
    CHECK_STR_EQ(r.date, "2026-05-07");
    done(&r);
}

/* A UTC stamp on the morning after the URL's day is that day's evening
 * west of UTC: the URL's day is the story's; on the same day they agree. */
static void
test_utc_stamp_and_url(void)
{
    static const char html[] =
        "<html><head><title>Council vote delayed</title><meta "
        "property='article:published_time' content='2026-03-10T03:15:00Z'>"
        "</head><body><article><h1>Council vote delayed</h1><p>The vote on "
        "the new budget was moved to next week after a long session.</p>"
        "</article></body></html>";
    run r;
    extract(&r, html, "https://news.example.org/2026/03/09/council-vote/");
    CHECK_STR_EQ(r.date, "2026-03-09");
    CHECK(has_signal(r.a, "date:url:utc-structured"));
    done(&r);

    /* an afternoon stamp a day later is another day: the stamp stays */
    static const char late[] =
        "<html><head><title>Council vote delayed</title><meta "
        "property='article:published_time' content='2026-03-10T15:15:00Z'>"
        "</head><body><article><h1>Council vote delayed</h1><p>The vote on "
        "the new budget was moved to next week after a long session.</p>"
        "</article></body></html>";
    extract(&r, late, "https://news.example.org/2026/03/09/council-vote/");
    CHECK_STR_EQ(r.date, "2026-03-10T15:15:00Z");
    done(&r);
}

/* An "Updated" label on one showing of a day makes its unlabelled <time>
 * an update too: the structured publication date wins over it. */
static void
test_update_label_spreads(void)
{
    static const char html[] =
        "<html><head><title>Ferries run again</title><meta "
        "property='article:published_time' content='2026-02-01T10:00:00Z'>"
        "</head><body><article><h1>Ferries run again</h1><p class='by'>"
        "Updated: March 3, 2026</p><time datetime='2026-03-03'>Mar "
        "3</time>" FERRY_BODY "</article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2026-02-01T10:00:00Z");
    done(&r);
}

/* A column of dates in a data table is no publication date. */
static void
test_date_column(void)
{
    static const char html[] =
        "<html><head><title>Home prices</title><meta "
        "property='article:published_time' content='2026-02-12'></head><body>"
        "<article><h1>Home prices</h1><table><tr><th>Date</th><th>Change</th>"
        "</tr><tr><td>1/1/2013</td><td>+13%</td></tr><tr><td>2/1/2013</td>"
        "<td>+12%</td></tr><tr><td>3/1/2013</td><td>+11%</td></tr></"
        "table>" FERRY_BODY "</article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2026-02-12");
    done(&r);
}

/* A structured "11/01/2023" and a shown "01.11.2023" are the same day:
 * month first in the one, day first in the other. */
static void
test_swapped_reading(void)
{
    static const char html[] =
        "<html><head><title>Water alert</title><meta name='date' "
        "content='11/01/2023 12:43:42'></head><body><article><h1>Water "
        "alert</h1>" FERRY_BODY "<p>Erstellt am: 01.11.2023</p></article>"
        "</body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK(strncmp(r.date, "2023-11-01", 10) == 0);
    CHECK(has_signal(r.a, "date:meta:date:swapped"));
    done(&r);
}

/* The byline's <time> right under the headline counts even in an aside or
 * a teaser-classed box; a related list's dates never do. */
static void
test_byline_in_aside(void)
{
    static const char html[] =
        "<html><head><title>Ferries run again</title><meta "
        "property='article:published_time' content='2026-01-26'></head><body>"
        "<main><h1>Ferries run again</h1><aside class='meta'><time "
        "datetime='2026-01-21'>21.01.2026 - 13:30</time></aside>" FERRY_BODY
        "<div class='related'><time datetime='2026-01-25'>25.01.2026</time> "
        "Bridge works</div></main></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK_STR_EQ(r.date, "2026-01-21");
    done(&r);
}

/* A date labelled as the original publication beats the one shown by
 * the headline; a date in the <title> is used when nothing else is. */
static void
test_original_and_title_dates(void)
{
    static const char html[] =
        "<html><head><title>Tiny homes</title></head><body><article>"
        "<h1>Tiny homes</h1><p class='date'>30 Sep 2022, 11:07am</p>" FERRY_BODY
        "<p>This article was originally published on 26 Sep 2019 "
        "and has been updated since.</p></article></body></html>";
    run r;
    extract(&r, html, NULL);
    CHECK(strncmp(r.date, "2019-09-26", 10) == 0);
    CHECK(has_signal(r.a, "date:seen:original"));
    done(&r);

    static const char titled[] =
        "<html><head><title>Elephants lose ground | Environment | 23.05.2011"
        "</title></head><body><article><h1>Elephants lose "
        "ground</h1>" FERRY_BODY "</article></body></html>";
    extract(&r, titled, NULL);
    CHECK_STR_EQ(r.date, "2011-05-23");
    CHECK(has_signal(r.a, "date:title"));
    done(&r);

    /* "Published:" in the page's footer, when nothing else dates it */
    static const char footer[] =
        "<html><head><title>Ancestors</title></head><body><article><h1>"
        "Ancestors</h1>" FERRY_BODY "</article><div class='footer-line'>"
        "Last change: 31.10.2023<br>Published: 01.11.2023</div>"
        "</body></html>";
    extract(&r, footer, NULL);
    CHECK_STR_EQ(r.date, "2023-11-01");
    done(&r);

    static const char range[] =
        "<html><head><title>Weekly report 14. - 20. January 2022</title>"
        "</head><body><article><h1>Weekly report</h1>" FERRY_BODY
        "</article></body></html>";
    extract(&r, range, NULL);
    CHECK_STR_EQ(r.date, "");
    done(&r);
}

/* One fuzz_html regression input through the whole extraction, as the
 * fuzz target runs it. */
static void
replay_page(const char *data, size_t len, void *ctx)
{
    (void)ctx;
    px_record rec = {0};
    rec.source = "regress";
    rec.kind = PX_FORMAT_HTML;
    rec.data = (const unsigned char *)data;
    rec.len = len;
    rec.url = "http://fuzz.test/2026/01/06/page";
    px_article *a = NULL;
    const px_status rc = px_extract(&rec, &a, NULL);
    CHECK(rc == PX_OK || a == NULL);
    px_article_free(a);
}

/* Pages written for the faults fuzz_html found (tests/fuzz/regress/
 * fuzz_html): a byline whose comma lay past place_cut's 256-byte copy
 * wrote past it. */
static void
test_fuzz_regressions(void)
{
    check_each_input("fuzz/regress/fuzz_html", replay_page, NULL);
}

int
main(void)
{
    test_jsonld();
    test_jsonld_graph();
    test_fuzz_regressions();
    test_jsonld_unread();
    test_meta_tags();
    test_related_trap();
    test_generic_author_trap();
    test_crawl_date_trap();
    test_crawl_day_above_headline();
    test_url_and_text_near_title();
    test_titles_and_webpage_author();
    test_kept_fields();
    test_date_from_text();
    test_headline_place();
    test_far_dates();
    test_site_first_titles();
    test_byline_forms();
    test_dates_in_running_text();
    test_periods_and_sentences();
    test_utc_stamp_and_url();
    test_update_label_spreads();
    test_date_column();
    test_swapped_reading();
    test_byline_in_aside();
    test_original_and_title_dates();
    xmlCleanupParser();
    return check_summary();
}
