/* test_serve.c - the web UI's pages rendered from hand-written store
 * documents: escaping of untrusted text everywhere (titles, text,
 * snippets, the query), language and direction attributes, the DOM hooks
 * of UI_CONTRACT.md, marks and cross-source links at the right byte
 * offsets in multi-byte UTF-8, and the error pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html_out.h"
#include "serve.h"
#include "serve_int.h"

#define SCRIPT      "<script>alert(1)</script>"
#define SCRIPT_JSON "<script>alert(1)<\\/script>"

static bool
has(const px_buf *b, const char *s)
{
    return b->ptr != NULL && strstr(b->ptr, s) != NULL;
}

static size_t
count(const px_buf *b, const char *s)
{
    size_t n = 0;
    for (const char *p = b->ptr; p != NULL && (p = strstr(p, s)) != NULL; p++) {
        n++;
    }
    return n;
}

static void
test_esc(void)
{
    px_buf b;
    px_buf_init(&b);
    px_html_esc(&b, "a<b>&\"'\0z", 9);
    CHECK_STR_EQ(b.ptr, "a&lt;b&gt;&amp;&quot;&#39;\xEF\xBF\xBDz");
    px_buf_fini(&b);
    px_html_url_esc(&b, "a b/é&", 7);
    CHECK_STR_EQ(b.ptr, "a%20b%2F%C3%A9%26");
    px_buf_fini(&b);
}

static void
test_stories(void)
{
    static const char doc[] =
        "{\"order\":\"largest\",\"offset\":50,\"total\":120,\"stories\":["
        "{\"id\":3,\"articles\":5,\"sources\":4,\"langs\":[\"arb\",\"eng\"],"
        "\"first\":\"2026-01-05T10:00:00Z\",\"last\":\"2026-01-06\","
        "\"headline\":\"" SCRIPT_JSON "\",\"headline_lang\":\"arb\","
        "\"headline_dir\":\"rtl\"},"
        "{\"id\":4,\"articles\":1,\"sources\":1,\"langs\":[\"<i>\"],"
        "\"headline\":\"x\",\"headline_lang\":\"en\\\" onclick=\\\"y\","
        "\"headline_dir\":\"evil\"}]}";
    px_buf b;
    px_buf_init(&b);
    px_error err = {0};
    CHECK(px_web_stories_html(doc, sizeof doc - 1, &b, &err) == PX_OK);
    CHECK(!has(&b, "<script"));
    CHECK(has(&b, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(has(&b, "<li class=\"story\"><a class=\"story-link\" "
                  "href=\"/story/3\" lang=\"arb\" dir=\"rtl\">"));
    CHECK(has(&b, "href=\"/story/4\">x</a>")); /* bad lang, dir dropped */
    CHECK(!has(&b, "onclick"));
    CHECK(has(&b, "&lt;i&gt;"));
    CHECK(has(&b, "5 articles · 4 sources · arb, eng"));
    CHECK(has(&b, "<form id=\"search\" action=\"/search\""));
    CHECK(has(&b, "<input name=\"q\" id=\"q\""));
    CHECK(has(&b, "href=\"/?order=largest&amp;offset=0\">← previous"));
    CHECK(has(&b, "href=\"/?order=largest&amp;offset=52\">next"));
    CHECK(has(&b, "<a href=\"/?order=largest\" class=\"on\">"));
    px_buf_fini(&b);
    CHECK(px_web_stories_html("{\"x\":1}", 7, &b, &err) == PX_EPARSE);
    px_buf_fini(&b);
    CHECK(px_web_stories_html("[1", 2, &b, NULL) == PX_EPARSE);
    px_buf_fini(&b);
}

static void
test_search(void)
{
    static const char doc[] =
        "{\"query\":\"q\",\"total\":1,\"hits\":[{\"article\":12,\"story\":3,"
        "\"lang\":\"arb\",\"dir\":\"rtl\",\"title\":\"" SCRIPT_JSON "\","
        "\"site\":\"<b>site</b>\",\"snippet\":\"before " SCRIPT_JSON
        " after\",\"match\":\"both\",\"score\":1.5}]}";
    px_buf b;
    px_buf_init(&b);
    px_error err = {0};
    CHECK(px_web_search_html("\"><script>x</script>", doc, sizeof doc - 1, &b,
                             &err) == PX_OK);
    CHECK(!has(&b, "<script"));
    CHECK(!has(&b, "<b>site"));
    CHECK(count(&b, "&lt;script&gt;alert(1)&lt;/script&gt;") == 2);
    CHECK(has(&b, "value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
    CHECK(has(&b, "<li class=\"hit\" lang=\"arb\" dir=\"rtl\">"
                  "<a class=\"hit-article\" href=\"/article/12\">"));
    CHECK(has(&b, "<a class=\"hit-story\" href=\"/story/3\">"));
    px_buf_fini(&b);
    CHECK(px_web_search_html(NULL, NULL, 0, &b, &err) == PX_OK);
    CHECK(has(&b, "<h1>Search</h1>") && !has(&b, "class=\"hit\""));
    px_buf_fini(&b);
}

/* Two sources: 0 German (multi-byte letters before the spans), 1 Arabic.
 * Offsets are found in the texts so the fixture stays right. */
static const char text0[] = "Die Ärzte zählten 12 Tote in Gaza " SCRIPT ".";
static const char text1[] = "قال الأطباء إن 14 قتيلا سقطوا في غزة.";

static size_t
off_of(const char *text, const char *s)
{
    return (size_t)(strstr(text, s) - text);
}

static char *
story_doc(void)
{
    const size_t f0 = off_of(text0, "12");
    const size_t f1 = off_of(text1, "14");
    const size_t g0 = off_of(text0, "Gaza");
    const size_t g1 = off_of(text1, "غزة");
    const size_t bad = off_of(text0, "zählten") + 2; /* inside ä */
    char *doc = malloc(4096);
    snprintf(
        doc, 4096,
        "{\"id\":3,\"headline\":\"" SCRIPT_JSON "\",\"first\":\"2026-01-05\","
        "\"last\":\"2026-01-06\",\"langs\":[\"deu\",\"arb\"],\"articles\":["
        "{\"id\":20,\"source\":0,\"site\":\"a.example\",\"lang\":\"deu\","
        "\"dir\":\"ltr\",\"title\":\"" SCRIPT_JSON "\",\"length\":%zu},"
        "{\"id\":21,\"source\":1,\"site\":null,\"lang\":\"arb\",\"dir\":"
        "\"rtl\",\"title\":\"غزة\",\"length\":%zu}],"
        "\"sheet\":{\"figures\":[{\"what\":\"dead\",\"unit\":\"deaths\","
        "\"differs\":true,\"values\":["
        "{\"source\":0,\"value\":12,\"qualifier\":\"exact\",\"lead\":true,"
        "\"span\":{\"source\":0,\"offset\":%zu,\"length\":2,\"text\":\"12\"}},"
        "{\"source\":1,\"value\":14,\"qualifier\":\"exact\",\"lead\":true,"
        "\"span\":{\"source\":1,\"offset\":%zu,\"length\":2,\"text\":\"14\"}}"
        "]}],\"actors\":[{\"gloss\":\"Gaza\",\"names\":["
        "{\"source\":0,\"offset\":%zu,\"length\":4,\"text\":\"Gaza\"},"
        "{\"source\":1,\"offset\":%zu,\"length\":6,\"text\":\"غزة\"}]},"
        "{\"gloss\":\"cut\",\"names\":[{\"source\":0,\"offset\":%zu,"
        "\"length\":3},{\"source\":0,\"offset\":0,\"length\":3,\"text\":"
        "\"Das\"}]}],"
        "\"timeline\":[{\"date\":\"2026-01-05\",\"spans\":[{\"source\":0,"
        "\"offset\":%zu,\"length\":1,\"text\":\"1\"}]}],"
        "\"dates_differ\":[],\"claims\":[],\"single_source_claims\":"
        "[{\"source\":1,\"offset\":0,\"length\":3,\"text\":\"" SCRIPT_JSON
        "\"}],\"quotes\":[{\"group\":1,\"direct\":true,\"concept\":null,"
        "\"gloss\":null,\"speaker\":{\"source\":0,\"offset\":0,\"length\":3,"
        "\"text\":\"<i>Dr</i>\"},\"span\":{\"source\":0,\"offset\":0,"
        "\"length\":3,\"text\":\"Die\"}}],\"framing\":[]}}",
        sizeof text0 - 1, sizeof text1 - 1, f0, f1, g0, g1, bad, f0);
    return doc;
}

static void
test_story(void)
{
    char *doc = story_doc();
    px_buf b;
    px_buf_init(&b);
    px_error err = {0};
    CHECK(px_web_story_html(doc, strlen(doc), &b, &err) == PX_OK);
    CHECK(!has(&b, "<script"));
    CHECK(!has(&b, "<i>"));
    CHECK(has(&b, "<table id=\"sources\"><tr><th lang=\"deu\" dir=\"ltr\">"
                  "<a class=\"source-link\" href=\"/article/20\">"));
    CHECK(has(&b, "<th lang=\"arb\" dir=\"rtl\"><a class=\"source-link\" "
                  "href=\"/article/21\">"));
    CHECK(has(&b, "<table id=\"figures\">"));
    CHECK(count(&b, "<tr class=\"figure differs\">") == 1);
    CHECK(has(&b, "<section id=\"timeline\">"));
    CHECK(has(&b, "<section id=\"quotes\">"));
    CHECK(has(&b, "<section id=\"claims-single\">"));
    CHECK(has(&b, "<b class=\"lead\">12</b>"));
    char want[128];
    snprintf(want, sizeof want, "href=\"/article/21#s-%zu\">14</a>",
             off_of(text1, "14"));
    CHECK(has(&b, want));
    px_buf_fini(&b);
    free(doc);
}

static char *
article_doc(int64_t id, int64_t source, const char *lang, const char *dir,
            const char *text)
{
    char *doc = malloc(4096);
    snprintf(doc, 4096,
             "{\"id\":%lld,\"story\":3,\"source\":%lld,\"url\":"
             "\"javascript:alert(1)\",\"site\":null,\"lang\":\"%s\","
             "\"dir\":\"%s\",\"title\":\"" SCRIPT_JSON "\",\"published\":"
             "null,\"fetched\":null,\"text\":\"%s\",\"copy_of\":null,"
             "\"copies\":[22]}",
             (long long)id, (long long)source, lang, dir, text);
    return doc;
}

static void
test_article_marks(void)
{
    char *story = story_doc();
    char *art = article_doc(20, 0, "deu", "ltr",
                            "Die Ärzte zählten 12 Tote in Gaza "
                            "<script>alert(1)<\\/script>.");
    px_buf b;
    px_buf_init(&b);
    px_error err = {0};
    CHECK(px_web_article_html(art, strlen(art), story, strlen(story), &b,
                              &err) == PX_OK);
    CHECK(!has(&b, "<script"));
    CHECK(!has(&b, "javascript:"));
    CHECK(has(&b, "<article id=\"text\" lang=\"deu\" dir=\"ltr\">"));
    char want[256];
    /* "12": figure kept over the date at the same offset, linked to the
     * Arabic 14 at its byte offset. */
    snprintf(want, sizeof want,
             "<mark class=\"fig\" id=\"s-%zu\">12<a class=\"xref\" "
             "href=\"/article/21#s-%zu\"",
             off_of(text0, "12"), off_of(text1, "14"));
    CHECK(has(&b, want));
    snprintf(want, sizeof want,
             "<mark class=\"ent\" id=\"s-%zu\">Gaza<a class=\"xref\" "
             "href=\"/article/21#s-%zu\"",
             off_of(text0, "Gaza"), off_of(text1, "غزة"));
    CHECK(has(&b, want));
    CHECK(!has(&b, "class=\"date\"")); /* overlapped by the figure */
    CHECK(count(&b, "<mark ") == 2);   /* cut and mismatched spans dropped */
    CHECK(has(&b, ">S2</a></mark> &lt;script&gt;alert(1)&lt;/script&gt;."));
    CHECK(has(&b, "<a href=\"/article/22\">22</a>"));
    px_buf_fini(&b);
    free(art);
    /* The Arabic source: right to left, links back at the German offsets. */
    art = article_doc(21, 1, "arb", "rtl", text1);
    CHECK(px_web_article_html(art, strlen(art), story, strlen(story), &b,
                              &err) == PX_OK);
    CHECK(has(&b, "<article id=\"text\" lang=\"arb\" dir=\"rtl\">"));
    CHECK(has(&b, "<h1 lang=\"arb\" dir=\"rtl\">"));
    snprintf(want, sizeof want,
             "<mark class=\"ent\" id=\"s-%zu\">غزة<a class=\"xref\" "
             "href=\"/article/20#s-%zu\"",
             off_of(text1, "غزة"), off_of(text0, "Gaza"));
    CHECK(has(&b, want));
    snprintf(want, sizeof want,
             "id=\"s-%zu\">14<a class=\"xref\" "
             "href=\"/article/20#s-%zu\"",
             off_of(text1, "14"), off_of(text0, "12"));
    CHECK(has(&b, want));
    px_buf_fini(&b);
    /* Without its story: the text alone, unmarked. */
    CHECK(px_web_article_html(art, strlen(art), NULL, 0, &b, &err) == PX_OK);
    CHECK(count(&b, "<mark ") == 0 && has(&b, text1));
    px_buf_fini(&b);
    free(art);
    free(story);
}

static void
test_errors(void)
{
    px_buf b;
    px_buf_init(&b);
    px_web_error_html(404, "no story <b>9</b>", &b);
    CHECK(has(&b, "<h1>404 Not found</h1>"));
    CHECK(has(&b, "no story &lt;b&gt;9&lt;/b&gt;"));
    CHECK(has(&b, "<form id=\"search\""));
    px_buf_fini(&b);
    px_error err = {0};
    CHECK(px_web_article_html("{", 1, NULL, 0, &b, &err) == PX_EPARSE);
    CHECK(err.code == PX_EPARSE);
    px_buf_fini(&b);
    CHECK(px_web_story_html("{\"id\":1}", 8, &b, NULL) == PX_EPARSE);
    px_buf_fini(&b);
    /* Odd shapes render without crashing or marking out of bounds. */
    static const char odd[] =
        "{\"id\":1,\"articles\":[{\"id\":5,\"length\":-4},7,null],"
        "\"sheet\":{\"figures\":[{\"values\":[{\"source\":0,\"span\":"
        "{\"source\":0,\"offset\":999999999999,\"length\":4}},7]},3],"
        "\"actors\":\"x\",\"timeline\":[{\"spans\":[{\"source\":-1,"
        "\"offset\":0,\"length\":1}]}],\"quotes\":[{},{\"span\":1}],"
        "\"dates_differ\":[{\"a\":1}],\"framing\":[{\"source\":0,"
        "\"words\":[{}]}],\"single_source_claims\":[1]}}";
    CHECK(px_web_story_html(odd, sizeof odd - 1, &b, &err) == PX_OK);
    px_buf_fini(&b);
    static const char art[] = "{\"id\":5,\"source\":0,\"text\":\"abc\"}";
    CHECK(px_web_article_html(art, sizeof art - 1, odd, sizeof odd - 1, &b,
                              &err) == PX_OK);
    CHECK(count(&b, "<mark ") == 0 && has(&b, ">abc</article>"));
    px_buf_fini(&b);
}

static void
test_rate(void)
{
    px_rate *r = NULL;
    CHECK(px_rate_new(1, 3, &r, NULL) == PX_OK);
    uint8_t a[PX_RATE_KEY] = {1};
    uint8_t b[PX_RATE_KEY] = {2};
    CHECK(px_rate_take(r, a, 10.0) && px_rate_take(r, a, 10.0));
    CHECK(px_rate_take(r, a, 10.0));
    CHECK(!px_rate_take(r, a, 10.1)); /* burst spent */
    CHECK(px_rate_take(r, b, 10.1));  /* another address is not limited */
    CHECK(px_rate_take(r, a, 11.2));  /* refilled one a second */
    CHECK(!px_rate_take(r, a, 11.3));
    /* Many addresses: the table evicts, a new address starts full. */
    for (uint32_t i = 0; i < 20000; i++) {
        uint8_t k[PX_RATE_KEY] = {0};
        memcpy(k + 4, &i, sizeof i);
        px_rate_take(r, k, 12.0);
    }
    uint8_t c[PX_RATE_KEY] = {3, 3, 3};
    CHECK(px_rate_take(r, c, 12.0) && px_rate_take(r, c, 12.0) &&
          px_rate_take(r, c, 12.0) && !px_rate_take(r, c, 12.0));
    px_rate_free(r);
    CHECK(px_rate_new(-1, 0, &r, NULL) == PX_OK);
    for (int i = 0; i < 100; i++) {
        CHECK(px_rate_take(r, a, 1.0)); /* no limit */
    }
    px_rate_free(r);
}

int
main(void)
{
    test_rate();
    test_esc();
    test_stories();
    test_search();
    test_story();
    test_article_marks();
    test_errors();
    return check_summary();
}
