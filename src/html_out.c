/* html_out.c - escaping untrusted text into HTML. Article text, titles,
 * sites and snippets all come from third-party pages, so nothing is
 * written raw: the five markup characters become entities, and query
 * values are percent-encoded. */
#include "html_out.h"

#include <string.h>

static const char *
entity_of(char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    case '\0':
        return "\xEF\xBF\xBD";
    default:
        return NULL;
    }
}

void
px_html_esc(px_buf *b, const char *p, size_t n)
{
    size_t run = 0; /* start of the bytes not written yet */
    for (size_t i = 0; i < n; i++) {
        const char *ent = entity_of(p[i]);
        if (ent != NULL) {
            px_buf_add(b, p + run, i - run);
            px_buf_add_c(b, ent);
            run = i + 1;
        }
    }
    px_buf_add(b, p + run, n - run);
}

void
px_html_esc_c(px_buf *b, const char *s)
{
    if (s != NULL) {
        px_html_esc(b, s, strlen(s));
    }
}

static bool
is_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           c == '~';
}

void
px_html_url_esc(px_buf *b, const char *p, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)p[i];
        if (is_unreserved(c)) {
            px_buf_add_byte(b, (char)c);
        } else {
            const char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
            px_buf_add(b, enc, sizeof enc);
        }
    }
}
