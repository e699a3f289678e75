/* test_htmlpack.c - px_html_pack replaces long text, attribute values and
 * script bodies by markers that px_html_marker maps back, cuts attribute
 * lists out (px_html_attr_next and px_html_attr_value read them back),
 * keeps the newlines, and leaves pages it may not pack as they are. That
 * the parsed tree is unchanged is checked in test_htmltree.c and
 * fuzz_htmltree.c. */
#include <string.h>

#include "arena.h"
#include "check.h"
#include "htmlpack.h"

/* A stand-in for libxml2's entity table: two names. */
static uint32_t
test_entity(const char *name)
{
    return strcmp(name, "amp") == 0    ? '&'
           : strcmp(name, "copy") == 0 ? 0xA9
                                       : 0;
}

static size_t
newlines(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += s[i] == '\n';
    }
    return n;
}

/* Puts every marker and attribute list of pk back; true if that gives
 * page again. */
static bool
unpacks_to(const px_html_packed *pk, const char *page)
{
    char out[4096];
    size_t w = 0;
    size_t list = 0;
    const unsigned char *t = (const unsigned char *)pk->text.ptr;
    for (size_t i = 0; i <= pk->text.len && w + 1024 < sizeof out;) {
        if (list < pk->n_lists && pk->lists[list].end == i) {
            const px_html_list *l = &pk->lists[list++];
            w -= newlines(pk->src + l->off, l->len); /* the list's own */
            memcpy(out + w, pk->src + l->off, l->len);
            w += l->len;
            continue;
        }
        if (i == pk->text.len) {
            break;
        }
        size_t mlen = 0;
        const px_html_span *sp =
            px_html_marker(pk, t + i, pk->text.len - i, &mlen);
        if (sp == NULL) {
            out[w++] = (char)t[i++];
            continue;
        }
        memcpy(out + w, pk->src + sp->off, sp->len);
        w += sp->len;
        i += mlen; /* the marker and the stretch's own newlines */
    }
    return w == strlen(page) && memcmp(out, page, w) == 0;
}

static void
test_packs(void)
{
    static const char page[] =
        "<html><body><p class=\"first second\">A paragraph\nof text.  \n</p>"
        "<script type=\"application/ld+json\">{\"a\": \"long enough\"}"
        "</script><p>x &amp; a long enough tail</p></body></html>";
    px_arena *a = px_arena_new();
    px_html_packed pk;
    CHECK(px_html_pack(a, px_str_c(page), &pk));
    CHECK(pk.n_spans == 3); /* text, JSON-LD, tail */
    CHECK(pk.n_lists == 2); /* the <p>'s class, the <script>'s type */
    CHECK(pk.text.len < strlen(page));
    CHECK(strstr(pk.text.ptr, "A paragraph") == NULL);
    CHECK(strstr(pk.text.ptr, "  \n</p>") != NULL); /* trailing blanks */
    CHECK(unpacks_to(&pk, page));
    px_arena_free(a);
}

/* <meta> values are packed but for those libxml2's htmlCheckMeta reads:
 * http-equiv, charset, and content when the tag has an http-equiv. */
static void
test_meta(void)
{
    static const char page[] =
        "<meta content=\"a long enough description\" name=\"description\">"
        "<meta content=\"text/html; charset=utf-8\" http-equiv=\"Content-"
        "Type\" name=\"long enough\"><meta charset=\"windows-1252\">";
    px_arena *a = px_arena_new();
    px_html_packed pk;
    CHECK(px_html_pack(a, px_str_c(page), &pk));
    CHECK(pk.n_spans == 1); /* "long enough" */
    CHECK(pk.n_lists == 1); /* the first <meta>'s attributes */
    CHECK(strstr(pk.text.ptr, "a long enough description") == NULL);
    CHECK(strstr(pk.text.ptr, "content=\"text/html; charset=utf-8\"") != NULL);
    CHECK(strstr(pk.text.ptr, "\"Content-Type\"") != NULL);
    CHECK(strstr(pk.text.ptr, "\"windows-1252\"") != NULL);
    CHECK(unpacks_to(&pk, page));
    px_arena_free(a);
}

/* Packing goes on past a processing instruction, "<![endif]-->" and
 * bogus attributes (what libxml2 does with them is modelled). */
static void
test_goes_on(void)
{
    static const char page[] =
        "<?xml version=\"1.0\"?><html><body><?php echo 1; ?><p>long enough "
        "one</p><![endif]--><p @click=\"open = false\" x=\"long enough "
        "two\">long enough three</p></body></html>";
    px_arena *a = px_arena_new();
    px_html_packed pk;
    CHECK(px_html_pack(a, px_str_c(page), &pk));
    CHECK(pk.n_spans == 3); /* one, "![endif]-->" (text), three */
    CHECK(pk.n_lists == 1); /* the second <p>'s */
    CHECK(strstr(pk.text.ptr, "long enough") == NULL);
    CHECK(strstr(pk.text.ptr, "<?php echo 1; ?>") != NULL);
    CHECK(strstr(pk.text.ptr, "@click") == NULL);
    CHECK(unpacks_to(&pk, page));
    px_arena_free(a);
}

static void
test_leaves_alone(void)
{
    static const char *const pages[] = {
        "<p>tiny</p>",
        "long enough text before any tag",
        "<p>text with \xf3\xb0\x80\x80 a marker code point</p>",
        "<p>text that is not \xc0\xaf UTF-8 at all</p>",
        "<? x><p>long enough text after a PI without a name</p>",
        ("<meta http-equiv=\"Content-Type\" content=\"a long enough value\" "
         "charset=\"windows-1252\"><p a=\"x &#0; long y\">"),
        "<body class=\"a long enough class\">",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        px_arena *a = px_arena_new();
        px_html_packed pk;
        CHECK(px_html_pack(a, px_str_c(pages[i]), &pk));
        CHECK(pk.n_spans == 0 && pk.text.ptr == pages[i]);
        px_arena_free(a);
    }
}

/* An attribute list reads back as htmlParseStartTag reads it: bogus
 * attributes skipped, values quoted or not, plain references decoded. */
static void
test_lists(void)
{
    static const char page[] =
        "<div>x</div><p\n CLASS=\"a &amp; b\" @x=yz id=one\n"
        "title='&#65;&#x42;&copy;&bogus;&nbsp &' hidden>text</p>";
    px_arena *a = px_arena_new();
    px_html_packed pk;
    CHECK(px_html_pack(a, px_str_c(page), &pk));
    CHECK(pk.n_lists == 1);
    CHECK(strstr(pk.text.ptr, "<p\n\n>") != NULL);
    CHECK(unpacks_to(&pk, page));
    const px_html_list *l = &pk.lists[0];
    CHECK(l->name_len == 1 && pk.src[l->name] == 'p');
    const char *s = pk.src + l->off;
    static const char *const want[][2] = {{"CLASS", "a & b"},
                                          {"id", "one"},
                                          {"title", "AB\xc2\xa9&bogus;&nbsp &"},
                                          {"hidden", NULL}};
    size_t i = 0;
    px_html_attr at;
    for (size_t k = 0; k < 4; k++) {
        CHECK(px_html_attr_next(s, l->len, &i, &at));
        CHECK(at.name_len == strlen(want[k][0]) &&
              memcmp(at.name, want[k][0], at.name_len) == 0);
        CHECK((at.value == NULL) == (want[k][1] == NULL));
        if (at.value != NULL && want[k][1] != NULL) {
            char v[64];
            const size_t n =
                px_html_attr_value(at.value, at.value_len, v, test_entity);
            CHECK(n == strlen(want[k][1]) && memcmp(v, want[k][1], n) == 0);
        }
    }
    CHECK(!px_html_attr_next(s, l->len, &i, &at));
    px_arena_free(a);
}

int
main(void)
{
    test_packs();
    test_meta();
    test_goes_on();
    test_leaves_alone();
    test_lists();
    return check_summary();
}
