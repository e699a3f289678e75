/* test_content.c - main-text extraction on project-written pages.
 *
 * tests/golden/content/{en,ar,zh}.html are small news pages with realistic
 * chrome (navigation, share buttons, related lists, comments, cookie
 * banners, footers). The article paragraphs must be kept with their kinds,
 * and the chrome and the headline must be gone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "arena.h"
#include "article.h"
#include "check.h"
#include "content.h"

static const int parse_opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_COMPACT;

static char *
slurp(const char *name, size_t *len)
{
    const char *src = getenv("PX_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/golden/content/%s",
             src != NULL ? src : "..", name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    char *buf = malloc(1 << 16);
    *len = buf != NULL ? fread(buf, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    return buf;
}

static htmlDocPtr
parse(const char *html, size_t len)
{
    return htmlReadMemory(html, (int)len, NULL, "UTF-8", parse_opts);
}

static bool
has_text(const px_article *a, const char *s)
{
    return a->text != NULL && strstr(a->text, s) != NULL;
}

/* True if some paragraph of kind k contains s. */
static bool
has_para(const px_article *a, const char *s, px_para_kind k)
{
    const size_t n = strlen(s);
    for (size_t i = 0; i < a->n_paras; i++) {
        const px_para *p = &a->paras[i];
        if (p->kind != k || p->len < n) {
            continue;
        }
        for (size_t j = 0; j + n <= p->len; j++) {
            if (memcmp(a->text + p->off + j, s, n) == 0) {
                return true;
            }
        }
    }
    return false;
}

static bool
private_clean(xmlNodePtr n)
{
    for (; n != NULL; n = n->next) {
        if (n->_private != NULL ||
            (n->type == XML_ELEMENT_NODE && !private_clean(n->children))) {
            return false;
        }
    }
    return true;
}

/* Parses and extracts golden page name; the caller frees both. */
static px_article *
extract_page(const char *name, htmlDocPtr *doc_out, px_status *st)
{
    size_t len = 0;
    char *html = slurp(name, &len);
    *doc_out = html != NULL ? parse(html, len) : NULL;
    free(html);
    px_article *a = px_article_new();
    px_error err = {0};
    *st = *doc_out != NULL && a != NULL ? px_content_extract(*doc_out, a, &err)
                                        : PX_EIO;
    return a;
}

static void
test_english(void)
{
    htmlDocPtr doc = NULL;
    px_status st = PX_OK;
    px_article *a = extract_page("en.html", &doc, &st);
    CHECK(st == PX_OK);
    CHECK(has_para(a, "The old harbour bridge reopened", PX_PARA_TEXT));
    CHECK(has_para(a, "About 40,000 vehicles cross", PX_PARA_TEXT));
    CHECK(has_para(a, "Costs rose during the works", PX_PARA_HEADING));
    CHECK(has_para(a, "New cables were fitted", PX_PARA_LIST));
    CHECK(has_para(a, "We are proud that the bridge", PX_PARA_QUOTE));
    CHECK(has_para(a, "Year | Vehicles per day", PX_PARA_TABLE));
    CHECK(has_para(a, "2025 | 40,000", PX_PARA_TABLE));
    CHECK(has_para(a, "A second phase of work", PX_PARA_TEXT));
    CHECK(has_para(a, "Night-time lane closures", PX_PARA_TEXT));
    CHECK(!has_para(a, "officials said. Night-time", PX_PARA_TEXT));
    /* headline, chrome, captions, scripts */
    CHECK(!has_text(a, "Harbour bridge reopens"));
    CHECK(!has_text(a, "cookies"));
    CHECK(!has_text(a, "Business"));
    CHECK(!has_text(a, "Share on"));
    CHECK(!has_text(a, "Workers inspect"));
    CHECK(!has_text(a, "Read more"));
    CHECK(!has_text(a, "newsletter"));
    CHECK(!has_text(a, "Ferry operator adds"));
    CHECK(!has_text(a, "commute has been a nightmare"));
    CHECK(!has_text(a, "All rights reserved"));
    CHECK(!has_text(a, "should never appear"));
    CHECK(a->n_signals == 1 && strncmp(a->signals[0], "text:", 5) == 0);
    CHECK(private_clean(xmlDocGetRootElement(doc)));
    px_arena_free(a->arena);
    xmlFreeDoc(doc);
}

static void
test_arabic(void)
{
    htmlDocPtr doc = NULL;
    px_status st = PX_OK;
    px_article *a = extract_page("ar.html", &doc, &st);
    CHECK(st == PX_OK);
    CHECK(has_text(a, "أعلنت بلدية المدينة"));
    CHECK(has_text(a, "ويعبر الجسر نحو أربعين ألف مركبة"));
    CHECK(has_text(a, "وبلغت كلفة الإصلاحات"));
    CHECK(has_text(a, "ومن المقرر أن تبدأ المرحلة الثانية"));
    CHECK(a->n_paras == 4);
    CHECK(!has_text(a, "افتتاح جسر الميناء بعد"));
    CHECK(!has_text(a, "ملفات تعريف الارتباط"));
    CHECK(!has_text(a, "الرئيسية"));
    CHECK(!has_text(a, "شارك"));
    CHECK(!has_text(a, "اقرأ أيضا"));
    CHECK(!has_text(a, "أخبار ذات صلة"));
    CHECK(!has_text(a, "شركة العبارات"));
    CHECK(!has_text(a, "كابوسا"));
    CHECK(!has_text(a, "ارتفاع أسعار الوقود"));
    CHECK(!has_text(a, "جميع الحقوق محفوظة"));
    px_arena_free(a->arena);
    xmlFreeDoc(doc);
}

static void
test_chinese(void)
{
    htmlDocPtr doc = NULL;
    px_status st = PX_OK;
    px_article *a = extract_page("zh.html", &doc, &st);
    CHECK(st == PX_OK);
    CHECK(has_text(a, "本报讯 市政府周一宣布"));
    CHECK(has_text(a, "该桥每天通行车辆约四万辆"));
    CHECK(has_text(a, "维修费用达一千二百五十万欧元"));
    CHECK(has_text(a, "第二期工程将于明年夏天开始"));
    CHECK(a->n_paras == 4);
    CHECK(!has_text(a, "港口大桥维修后重新通车"));
    CHECK(!has_text(a, "财经"));
    CHECK(!has_text(a, "Cookie"));
    CHECK(!has_text(a, "分享到"));
    CHECK(!has_text(a, "相关阅读"));
    CHECK(!has_text(a, "责任编辑"));
    CHECK(!has_text(a, "专家称多座桥梁"));
    CHECK(!has_text(a, "终于通车了"));
    CHECK(!has_text(a, "燃油价格"));
    CHECK(!has_text(a, "版权所有"));
    px_arena_free(a->arena);
    xmlFreeDoc(doc);
}

static px_status
extract_string(const char *html, px_article **out)
{
    htmlDocPtr doc = parse(html, strlen(html));
    *out = px_article_new();
    px_error err = {0};
    const px_status st = px_content_extract(doc, *out, &err);
    xmlFreeDoc(doc);
    return st;
}

static void
test_empty_and_br(void)
{
    px_article *a = NULL;
    CHECK(extract_string("<html><body><nav><a href='/'>Home</a> <a "
                         "href='/x'>News</a></nav></body></html>",
                         &a) == PX_EEMPTY);
    px_arena_free(a->arena);
    px_error err = {0};
    a = px_article_new();
    CHECK(px_content_extract(NULL, a, &err) == PX_EEMPTY);
    px_arena_free(a->arena);
    /* Old-style pages: text straight in a cell, paragraphs split by <br>. */
    CHECK(extract_string(
              "<html><body><table><tr><td><a href='/'>Home</a></td></tr>"
              "<tr><td class='text'>First paragraph of the story, which is "
              "long enough to count as prose, with commas, and a full stop."
              "<br><br>Second paragraph of the story, also long enough, "
              "with more words, commas and a stop.</td></tr></table>"
              "</body></html>",
              &a) == PX_OK);
    CHECK(a->n_paras == 2);
    CHECK(has_para(a, "Second paragraph of the story", PX_PARA_TEXT));
    px_arena_free(a->arena);
}

/* Hidden blocks, teaser lists beside the article and a page that the
 * parser swallowed into an unclosed <button>. */
static void
test_structure(void)
{
    px_article *a = NULL;
    CHECK(extract_string(
              "<html><body><div class='wrap'><div class='story'>"
              "<p>The council voted on Tuesday to extend the night bus "
              "network to four more districts, starting in March.</p>"
              "<p>Officials said the new routes would cost about two "
              "million euros a year, paid for by a tourist tax.</p>"
              "<div style='display: none'><p>Hidden promotional text that "
              "the reader never sees on the page, with commas, too.</p>"
              "</div></div>"
              "<ul class='latest'>"
              "<li><a href='/1'>Ferry strike called off after talks</a> "
              "Unions and the operator agreed on a new wage deal late on "
              "Monday, ending the dispute.</li>"
              "<li><a href='/2'>New library opens in the old post office</a> "
              "The building, empty for a decade, now holds forty thousand "
              "books and a cafe.</li></ul></div></body></html>",
              &a) == PX_OK);
    CHECK(has_text(a, "night bus network"));
    CHECK(has_text(a, "tourist tax"));
    CHECK(!has_text(a, "Hidden promotional"));
    CHECK(!has_text(a, "Ferry strike"));
    CHECK(!has_text(a, "forty thousand books"));
    px_arena_free(a->arena);

    CHECK(extract_string(
              "<html><body><header><button class='menu'><svg></svg>"
              "<main><p>A page whose whole body sits inside an unclosed "
              "button, as some broken templates produce, with commas.</p>"
              "<p>The second paragraph of the same article, long enough "
              "to count as prose, and punctuated.</p></main>"
              "</body></html>",
              &a) == PX_OK);
    CHECK(has_text(a, "unclosed button"));
    CHECK(has_text(a, "second paragraph"));
    px_arena_free(a->arena);
}

/* Every allocation failure point gives ENOMEM (or success), never a crash
 * or leak. */
static void
test_oom(void)
{
    size_t len = 0;
    char *html = slurp("en.html", &len);
    htmlDocPtr doc = html != NULL ? parse(html, len) : NULL;
    free(html);
    int ok = 0;
    for (long n = 1; n < 200 && doc != NULL; n++) {
        px_article *a = px_article_new();
        if (a == NULL) {
            continue;
        }
        px_error err = {0};
        px_mem_fail_after(n);
        const px_status st = px_content_extract(doc, a, &err);
        px_mem_fail_after(0);
        ok += st == PX_OK || st == PX_ENOMEM;
        px_arena_free(a->arena);
    }
    CHECK(ok == 199);
    CHECK(doc != NULL && private_clean(xmlDocGetRootElement(doc)));
    xmlFreeDoc(doc);
}

int
main(void)
{
    test_english();
    test_arabic();
    test_chinese();
    test_empty_and_br();
    test_structure();
    test_oom();
    return check_summary();
}
