/* test_prune.c - cutting scripts, styles, SVG and comments before
 * parsing, keeping JSON-LD and everything else byte for byte. */
#include <string.h>

#include "arena.h"
#include "check.h"
#include "prune.h"

static void
expect(const char *in, const char *want)
{
    px_arena *a = px_arena_new();
    px_str out = {NULL, 0};
    CHECK(px_html_prune(a, px_str_c(in), &out, NULL) == PX_OK);
    char got[512];
    snprintf(got, sizeof got, "%.*s", (int)out.len, out.ptr);
    CHECK_STR_EQ(got, want);
    px_arena_free(a);
}

int
main(void)
{
    expect("<p>plain</p>", "<p>plain</p>");
    expect("a<script>var x = '<p>';</script>b", "ab");
    expect("a<SCRIPT type=text/javascript>x</ScRiPt >b", "ab");
    expect("a<script type=\"application/ld+json\">{\"x\":1}</script>b",
           "a<script type=\"application/ld+json\">{\"x\":1}</script>b");
    expect("<style>p{}</style><p>x</p><!-- c <p>no</p> -->y", "<p>x</p>y");
    expect("<svg viewBox='0 0 1 1'><title>icon</title></svg>z", "z");
    expect("<scripts>kept</scripts>", "<scripts>kept</scripts>");
    expect("<svgx>kept</svgx>", "<svgx>kept</svgx>");
    expect("a<script>never closed", "a");
    expect("a<!-- never closed", "a");
    expect("<p>1 < 2</p><script>x</script>", "<p>1 < 2</p>");
    expect("", "");
    expect("<", "<");
    expect("<scr", "<scr");
    expect("a<noscript><img src=x></noscript>b<select><option>1</select>c",
           "abc");
    expect("<template><p>t</p></template><iframe src=x>f</iframe>"
           "<textarea>&lt;p&gt;</textarea>d",
           "d");
    expect("<tab>kept</tab><section>kept</section>",
           "<tab>kept</tab><section>kept</section>");
    /* start tags lose the attributes no stage reads */
    expect("<div class=\"a\" data-x='1>2' style=\"color:red\" id=b>t</div>",
           "<div class=\"a\" id=b>t</div>");
    expect("<img src=x.jpg alt=\"\" width=3/>", "<img>");
    expect("<br data-x=\"1\"/>", "<br/>");
    expect("<p STYLE=\"Display: None\" onclick=\"f()\" hidden>x</p>",
           "<p STYLE=\"Display: None\" hidden>x</p>");
    expect("<meta property=\"og:title\" content=\"T\">",
           "<meta property=\"og:title\" content=\"T\">");
    expect("<html xml:lang=de lang=\"de\" dir=ltr>",
           "<html xml:lang=de lang=\"de\">");
    /* links keep their target only if it may name an author's page */
    expect("<a href=\"/news/x.html\" rel=author>x</a>", "<a rel=author>x</a>");
    expect("<A HREF='/Autoren/kim'>k</A><link href=/c rel=canonical>",
           "<A HREF='/Autoren/kim'>k</A><link href=/c rel=canonical>");
    expect("<abbr title=x>y</abbr>", "<abbr>y</abbr>");
    /* tags the scanner does not fully understand are kept as they are */
    expect("<a href=\"x\"data-y=1>", "<a href=\"x\"data-y=1>");
    expect("<a data-q=a=b>", "<a data-q=a=b>");
    expect("<a data-open=\"never closed", "<a data-open=\"never closed");
    expect("<a b c", "<a b c");
    /* JSON-LD is copied untouched */
    expect("<script type=application/ld+json>\"<a data-x='1'>\"</script>",
           "<script type=application/ld+json>\"<a data-x='1'>\"</script>");
    /* <link> elements of the head go, but a canonical one (or one that
     * may be: a character reference) and those outside the head proper */
    expect("<!DOCTYPE html>\n<html lang=en>\n<head>\n <meta charset=utf-8>"
           "\n <link rel=stylesheet href=/s.css>\n <title>T</title>"
           "<link rel=\"Canonical\" href=/c><LINK REL=icon href=/i/>"
           "<link rel=x href=\"/a?b&amp;c\">\n</head><body>"
           "<link rel=preload href=/p>x</body>",
           "<!DOCTYPE html>\n<html lang=en>\n<head>\n <meta charset=utf-8>"
           "\n \n <title>T</title><link rel=\"Canonical\" href=/c>"
           "<link rel=x href=\"/a?b&amp;c\">\n</head><body>"
           "<link rel=preload href=/p>x");
    /* </body> and </html> go: what follows them stays in the body, as a
     * browser has it (libxml2 would open a second <html> for it) */
    expect("<body><p>a</p></body></html><div>b</div>",
           "<body><p>a</p><div>b</div>");
    expect("<p>a</BODY ></Html\n>b", "<p>ab");
    expect("<p>a</bodyx></htm></html-x>", "<p>a</bodyx></htm></html-x>");
    expect("<p>a<!-- </body> --></body", "<p>a</body");
    /* text in the head (libxml2 starts the body there), a tag outside
     * the head's kinds, or a <link> before <head> keep the rest */
    expect("<head>t<link rel=a href=/a>", "<head>t<link rel=a href=/a>");
    expect("<head><div></div><link rel=a>", "<head><div></div><link rel=a>");
    expect("<link rel=a><head><link rel=b>", "<link rel=a><head><link rel=b>");
    expect("<p>x</p><head><link rel=a>", "<p>x</p><head><link rel=a>");
    expect("<head><title>a<link rel=a></title><link rel=b>",
           "<head><title>a<link rel=a></title><link rel=b>");
    expect("<html><head/><link rel=a>", "<html><head/><link rel=a>");
    expect("<head><script>x</script><!-- c --><link rel=a>\f<link rel=b>",
           "<head>\f<link rel=b>");
    return check_summary();
}
