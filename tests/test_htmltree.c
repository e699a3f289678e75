/* test_htmltree.c - px_html_parse builds the tree libxml2's own builder
 * builds: every node's type, name, content, line, attributes, parent and
 * siblings are compared with htmlReadMemory's tree (same options) on pages
 * that exercise each callback, and on the seed pages when present. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "check.h"
#include "htmltree.h"

static const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;

static bool
same_str(const xmlChar *a, const xmlChar *b)
{
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp((const char *)a, (const char *)b) == 0;
}

static bool
same_attrs(xmlAttrPtr a, xmlAttrPtr b, xmlNodePtr pa, xmlNodePtr pb)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (!same_str(a->name, b->name) || a->parent != pa || b->parent != pb ||
            (a->children == NULL) != (b->children == NULL)) {
            return false;
        }
        if (a->children != NULL &&
            (!same_str(a->children->content, b->children->content) ||
             a->children->type != b->children->type)) {
            return false;
        }
    }
    return a == NULL && b == NULL;
}

/* Sibling lists x and y (children of px and py) are the same trees. */
static bool
same_tree(xmlNodePtr x, xmlNodePtr y, xmlNodePtr px, xmlNodePtr py)
{
    for (; x != NULL && y != NULL; x = x->next, y = y->next) {
        if (x->type != y->type || x->parent != px || y->parent != py) {
            return false;
        }
        if (x->type == XML_DTD_NODE) {
            continue;
        }
        if (!same_str(x->name, y->name) || x->line != y->line ||
            (x->next == NULL) != (px->last == x) ||
            (y->next == NULL) != (py->last == y)) {
            return false;
        }
        if (x->type == XML_ELEMENT_NODE
                ? !same_attrs(x->properties, y->properties, x, y)
                : !same_str(x->content, y->content)) {
            return false;
        }
        if (!same_tree(x->children, y->children, x, y)) {
            return false;
        }
    }
    return x == NULL && y == NULL;
}

/* libxml2's own tree, with the HTML5 end-tag repair px_html_parse makes
 * (px_html_close_as_html5) when html5 is true. */
static htmlDocPtr
libxml2_tree(const char *html, size_t len, bool html5)
{
    const xmlStructuredErrorFunc saved = xmlStructuredError;
    void *saved_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, html5 ? px_html_close_as_html5 : NULL);
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8", opts);
    xmlSetStructuredErrorFunc(saved_ctx, saved);
    return doc;
}

static bool
parses_alike(const char *html, size_t len)
{
    htmlDocPtr want = libxml2_tree(html, len, true);
    px_arena *a = px_arena_new();
    htmlDocPtr got = px_html_parse(a, (px_str){html, len}, "http://x.test/");
    const bool ok = want != NULL && got != NULL &&
                    same_tree(want->children, got->children, (xmlNodePtr)want,
                              (xmlNodePtr)got);
    if (got != NULL) {
        CHECK(same_str(got->URL, (const xmlChar *)"http://x.test/"));
    }
    xmlFreeDoc(want);
    px_html_free(got);
    px_arena_free(a);
    return ok;
}

static void
test_callbacks(void)
{
    static const char *const pages[] = {
        /* comments and a PI before the root, a DTD, text after </html> */
        "<!-- c0 --><?php x ?><!DOCTYPE html><html><head><title>t</title>"
        "</head><body><p>a <b>b</b> c<!-- c1 --> d</p></body></html>tail"
        "<p>after</p><!-- end -->",
        /* script and style (CDATA), JSON-LD */
        "<html><head><script type=\"application/ld+json\">{\"a\":1}</script>"
        "<style>p{}</style></head><body><script>var x = '<p>';</script>"
        "</body></html>",
        /* boolean and empty attributes, prefixed names */
        "<option selected>x</option><input disabled checked=checked hidden "
        "class=\"\"><fb:like href=x></fb:like><:x>y</:x><a:>z</a:>"
        "<xml:q>w</xml:q><x:y:z>q</x:y:z>",
        /* implied and auto-closed elements, entities, blanks */
        "\n\n  <html>  <head> </head> <body>  <p>1<p>2 &amp; &#x41;<table>"
        "<tr><td>3</table> <div> <span> </span> <b>q</b>\n<i>r</i> </div>"
        "<pre>\n  a\n</pre></body></html>",
        /* white space only text: kept or dropped as libxml2's areBlanks
         * decides (after comments, in and after elements that allow
         * text, from character references, at a strict DTD's body) */
        "<div>\n  <p>a</p>\n  <ul>\n <li>x</li>\n </ul>\n<!-- c -->\n"
        "<section>  <article>\t</article> </section>\r\n</div>",
        "<div><span> &#32;</span>&#32;<br>&#x20; <br>&#9;\n<hr> \t </div>"
        "<table> <tr> <td> </td> </tr> </table> <em></em> <nav> </nav>",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html>"
        "<body> <div> </div> </body></html>",
        "just text, no tags",
        "<frameset><frame src=a></frameset>",
        "<![CDATA[ x ]]><p>a</p><?xml version=\"1.0\"?>",
        /* packed stretches (htmlpack.c): text with newlines and trailing
         * blanks, values, a JSON-LD body, after references and stray '<' */
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\">\n"
        "<html lang=\"en\"><head><meta name=\"description\" content=\"a "
        "long enough description\"><script type=\"application/ld+json\">\n"
        "{\"@type\": \"NewsArticle\",\n \"headline\": \"</b> x\"}\n</script>"
        "</head><body class=\"a long body class\">\n  <div class=\"one two "
        "three\n four five\" id='some-long-id' data-x=unquoted-long-value>"
        "\n    First paragraph, long enough.\n  </div>\n <p>A &amp; B and a "
        "long tail &unknown; more text here &#65; yet more text < and a "
        "stray bracket, then text <3 and more text</p>\n</body></html>",
        /* <meta>: values packed but for those htmlCheckMeta reads
         * (http-equiv, charset, and content beside an http-equiv) */
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=utf-8\"><meta charset=\"utf-8\"><meta content=\"a long "
        "enough description\" name=\"description\"><meta content=\"text/"
        "html; charset=utf-8\" HTTP-EQUIV='content-type' name=\"a long "
        "name\"></head><body><p>long enough text</p></body></html>",
        /* processing instructions (up to the first '>'), "<!" that is no
         * comment or DOCTYPE ('<' read as text), bogus attributes
         * (skipped up to a blank, quotes or not) */
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html><html>"
        "<body><p>long enough text before</p><?pi x?><p>long enough text "
        "after</p><?php echo \"a > b\"; ?>long enough text<?x>and more text"
        "<!--[if !IE]>--><p>long enough text</p><![endif]--> long enough "
        "text<!x y> and <!- text</p></body></html>",
        "<p>long enough text before</p><p bogus\"attr>long enough text</p>"
        "<div class=\"a long class\" @click=\"open = false\" [class]=\"x ? "
        "'a b' : 'c'\" x-data=\"{ long: enough }\" 1 \"q r\" /x=\"long "
        "value\" \xc3\xa9t\xc3\xa9=\"long enough value\" b=\"long"
        "\"enough\"value\">long enough text</div><a href=\"long enough\" "
        "t=\"_blank\"Word on text</a>long enough text after<p>x</p>",
        /* not modelled: packing stops, the rest is read as it is */
        "<p>long enough text before</p><? x><p>long enough text after</p>",
        "<p>long enough text before</p><!DOCTYPE svg><p>long enough text</p>",
        "<p>long enough</p><?x \x01 y><p>long enough text after</p>",
        "<p>long enough</p><p a=b @x\x01 y><p>long enough text after</p>",
        "<p>long enough text<script>var s = 'long enough';</scriptx>"
        "<p>long enough text after</p></script>",
        "<p>long enough text \x01 with a control character</p>",
        "<ul><li><script src=x></ul>\n  long enough text</script> more",
        "<p>x</p><!-- a \xef\xbf\xbe in it -->  \n  <p>long enough</p>",
        "<p>long enough text with \xf3\xb0\x80\x80 a marker code point</p>",
        "<p>long enough text with \xff invalid UTF-8</p>",
        /* attribute lists cut out and read back: duplicates (the first
         * wins), upper case, values quoted or not, references plain and
         * not, "/>", newlines, a <meta> charset that resets the input */
        "<html><head><meta charset=\"utf-8\"><meta name=\"x\" content="
        "\"long enough\"></head><body><div CLASS=\"a\" class=b Id='c'\n"
        " title=\"&amp;&#65;&#x1F600;&copy;&nosuch;&amp &\" data-x=y/>"
        "long enough text</div><br clear=all/><img\nsrc=\"x.png\"\n"
        "alt=\"a &#0; b\"><a href=\"?a=1&b=2\" rel=nofollow>link</a>"
        "<p hidden>x</p><option selected value=\"long value\">o</option>"
        "</body></html>",
        /* names lowered eight bytes at a time: the bytes around 'A'..'Z'
         * and UTF-8 bytes whose low seven bits are capitals (0xC3) stay,
         * names of 8, 9, 16 and 17 bytes */
        "<div ABCDWXYZ=1 @[`{AZaz=2 d\xc3\x89\xc3\x9aZ-@[=3 "
        "ZZZZZZZZZZZZZZZZ=4 QWERTYUIOPASDFGH=5 LONGER-THAN-16-B=6 "
        "DaTa-LoNgEr-ThAn-SiXtEeN=7 ab\xc3\x89=8>long enough text</div>",
        /* DOCTYPEs after the first start tag: libxml2 may end one at a
         * '>' inside quotes, and one before an end tag and blanks made the
         * packed tree differ (fuzz_htmltree): packing stops at them */
        "<p>long enough text</p><!DOCTYPE html \"a>b\" c>long enough text "
        "after</p><!doctype svg PUBLIC \"-//x\" 'y>z'>  <p>long enough</p>"
        "<!DOCTYPE x SYSTEM \"q\" r>long enough text</p>",
        "<t><!DOCTYPe></i>   ",
        "<p><!DOCTYPE html></p>      <p>long enough text</p>",
        /* CRLF pages: runs of blanks shortened too (a character reference
         * to a carriage return is text) */
        "<html>\r\n  <body>\r\n    <div>\r\n      <p>long enough text</p>"
        "\r\n    </div>\r\n&#13;    <ul>\r\n      <li>x</li>\r\n    </ul>"
        "\r\n  </body>\r\n</html>\r\n",
        /* found by fuzz_htmltree: a blank, control characters libxml2
         * drops, then '<' */
        "<m>\r\x01<",
        "<p>long enough text before</p><m> \x01\x02<p>long enough</p>",
        "<p>long enough text before</p><m> \xef\xbf\xbe<p>long</p>",
        "<p>long enough text before</p><m>&#32;\x01<p>long enough</p>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        CHECK(parses_alike(pages[i], strlen(pages[i])));
    }
    /* deeper than libxml2's nesting limit (256): both stop alike */
    char deep[5000] = "<body>";
    for (int i = 0; i < 300; i++) {
        strcat(deep, "<i>");
    }
    strcat(deep, "deep text</body>");
    CHECK(parses_alike(deep, strlen(deep)));
    /* the same with attribute lists: those past the limit are never read */
    char deep_attrs[12000] = "<body>";
    for (int i = 0; i < 300; i++) {
        strcat(deep_attrs, "<i class=\"a long class\">");
    }
    strcat(deep_attrs, "deep text<p id=\"after\">x</p></body>");
    CHECK(parses_alike(deep_attrs, strlen(deep_attrs)));
    /* runs libxml2 reads in 1000-byte chunks: the line of the text node
     * is the first chunk's; a blank last chunk is not packed */
    char chunks[6000] = "<body><div>";
    for (int i = 0; i < 150; i++) {
        strcat(chunks, "word\nword ");
    }
    strcat(chunks, "</div><p>x");
    for (int i = 0; i < 1100; i++) {
        strcat(chunks, i % 100 == 0 ? "\n" : " ");
    }
    strcat(chunks, "</p>");
    CHECK(parses_alike(chunks, strlen(chunks)));
    /* a blank, then a long run of control characters (dropped with an
     * error) before a tag, in an element where libxml2 drops the blank:
     * the parser's buffer shrinks inside the run, so the byte kept before
     * the tag is found in the whole text, not in the parser's buffer */
    int differ = 0;
    for (size_t fill = 10; fill < 250; fill += 47) {
        for (size_t run = 90; run < 800; run += 13) {
            char page[1200];
            size_t k = (size_t)snprintf(page, sizeof page, "<body><zz>");
            memset(page + k, 'w', fill);
            k += fill;
            memcpy(page + k, "<zz>\n", 5);
            k += 5;
            memset(page + k, 0x0E, run);
            k += run;
            k += (size_t)snprintf(page + k, sizeof page - k, "<b>x</b></zz>");
            differ += !parses_alike(page, k);
        }
    }
    CHECK(differ == 0);
    /* a run of exactly one full chunk whose last byte is a line feed:
     * libxml2 hands it over before it counts that line feed */
    for (size_t len = 995; len < 1006; len++) {
        for (int wide = 0; wide < 2; wide++) {
            char page[1100];
            size_t k = (size_t)snprintf(page, sizeof page, "<body><m>");
            const size_t start = k;
            while (k - start + (wide ? 3 : 1) < len) {
                if (wide) {
                    memcpy(page + k, "\xEF\xBF\xBD", 3); /* U+FFFD */
                    k += 3;
                } else {
                    page[k++] = 'a';
                }
            }
            while (k - start + 1 < len) {
                page[k++] = 'b';
            }
            page[k++] = '\n';
            k += (size_t)snprintf(page + k, sizeof page - k, "</m>x");
            differ += !parses_alike(page, k);
        }
    }
    CHECK(differ == 0);
    /* a long run in <head>: the implied <body><p> takes the first chunk's
     * line */
    char implied[4000] = "<html><head><link href=x>";
    for (int i = 0; i < 60; i++) {
        strcat(implied, "some words of text\n");
    }
    strcat(implied, "</p></html>");
    CHECK(parses_alike(implied, strlen(implied)));
    /* text long enough to grow its node several times */
    size_t n = 200000;
    char *big = malloc(n + 1);
    CHECK(big != NULL);
    if (big != NULL) {
        memcpy(big, "<p>", 3);
        for (size_t i = 3; i < n; i++) {
            big[i] = i % 97 == 0 ? '&' : (char)('a' + i % 26);
        }
        big[n] = '\0';
        CHECK(parses_alike(big, n));
        free(big);
    }
}

/* The first element named name in document order, or NULL. */
static xmlNodePtr
find(xmlNodePtr n, const char *name)
{
    for (; n != NULL; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, name) == 0) {
            return n;
        }
        xmlNodePtr in = find(n->children, name);
        if (in != NULL) {
            return in;
        }
    }
    return NULL;
}

/* The name of the parent of the first element named name in the tree of
 * html, parsed by px_html_parse (ours) or plain htmlReadMemory; "" if
 * there is none. */
static void
parent_of(const char *html, const char *name, bool ours, char out[16])
{
    px_arena *a = px_arena_new();
    htmlDocPtr doc = ours ? px_html_parse(a, px_str_c(html), NULL)
                          : libxml2_tree(html, strlen(html), false);
    const xmlNodePtr n = doc != NULL ? find(doc->children, name) : NULL;
    snprintf(out, 16, "%s",
             n != NULL && n->parent != NULL && n->parent->name != NULL
                 ? (const char *)n->parent->name
                 : "");
    if (ours) {
        px_html_free(doc);
    } else {
        xmlFreeDoc(doc);
    }
    px_arena_free(a);
}

/* True if px_html_parse makes want the parent of the first element named
 * name. */
static bool
ours_parent_is(const char *html, const char *name, const char *want)
{
    char got[16];
    parent_of(html, name, true, got);
    return strcmp(got, want) == 0;
}

/* True if px_html_parse and plain libxml2 give the first element named
 * name the same parent. */
static bool
same_parent(const char *html, const char *name)
{
    char ours[16];
    char plain[16];
    parent_of(html, name, true, ours);
    parent_of(html, name, false, plain);
    return ours[0] != '\0' && strcmp(ours, plain) == 0;
}

static void
dummy_error(void *data, xmlErrorPtr e)
{
    (void)data;
    (void)e;
}

/* End tags close what the page left open inside their element, as HTML5
 * does, where libxml2 2.9 would keep the rest of the page inside it. */
static void
test_html5_end_tags(void)
{
    /* a menu whose items leave two <div>s open (as some site themes do) */
    static const char menu[] =
        "<html><body><nav><ul><li><div class=sub><div class=box>"
        "<a href=/t>Tickets</a></li><li><div>Shop</li></ul></nav>"
        "<main><p>The article.</p></main></body></html>";
    char got[16];
    parent_of(menu, "main", false, got);
    CHECK(strcmp(got, "body") != 0); /* libxml2 alone: inside the menu */
    CHECK(ours_parent_is(menu, "main", "body"));
    CHECK(parses_alike(menu, sizeof menu - 1));
    /* </nav> and </section> close an open <div> too */
    static const char nav[] =
        "<body><section><nav><div>Menu</nav><p>After the menu.</p>"
        "</section><footer>End</footer></body>";
    CHECK(ours_parent_is(nav, "p", "section"));
    CHECK(ours_parent_is(nav, "footer", "body"));
    /* ... but not through a table cell (HTML5's scope ends there) */
    static const char cell[] =
        "<body><ul><li><table><tr><td><div>Cell</li><p>Still in the cell."
        "</p></td></tr></table></li></ul></body>";
    CHECK(ours_parent_is(cell, "p", "div"));
    CHECK(parses_alike(cell, sizeof cell - 1));
    /* nor a list item through the list it is nested in */
    static const char nested[] =
        "<body><ul><li>One<ul><div>x</li><p>In the list.</p></ul></li></ul>"
        "</body>";
    CHECK(same_parent(nested, "p"));
    /* where libxml2 closes by itself (no element of a higher priority in
     * between) nothing changes: no element is closed twice */
    static const char closes[] =
        "<body><div><p><b>Bold<i>both</div><p>After.</p></body>";
    CHECK(same_parent(closes, "p"));
    px_arena *a = px_arena_new();
    htmlDocPtr doc = px_html_parse(a, px_str_c(closes), NULL);
    htmlDocPtr ref = libxml2_tree(closes, sizeof closes - 1, false);
    CHECK(doc != NULL && ref != NULL &&
          same_tree(ref->children, doc->children, (xmlNodePtr)ref,
                    (xmlNodePtr)doc));
    px_html_free(doc);
    xmlFreeDoc(ref);
    px_arena_free(a);
    /* the thread's own error handler is back after a parse */
    xmlSetStructuredErrorFunc(&got, dummy_error);
    a = px_arena_new();
    px_html_free(px_html_parse(a, px_str_c(menu), NULL));
    px_arena_free(a);
    CHECK(xmlStructuredError == dummy_error);
    CHECK(xmlStructuredErrorContext == (void *)&got);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* The seed pages (third-party: read, never copied into the repo). */
static void
test_seeds(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/seeds", check_shared_dir());
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("SKIP: seeds absent\n");
        return;
    }
    const struct dirent *e = NULL;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        static char buf[1 << 21];
        const size_t len = f != NULL ? fread(buf, 1, sizeof buf, f) : 0;
        if (f != NULL) {
            fclose(f);
        }
        CHECK(parses_alike(buf, len));
    }
    closedir(d);
}

int
main(void)
{
    test_callbacks();
    test_html5_end_tags();
    test_seeds();
    return check_summary();
}
