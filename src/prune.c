/* prune.c - cutting scripts, styles, SVG and comments out of raw HTML with
 * one forward scan (memchr for '<'), before parsing. */
#include "prune.h"

#include <stdbool.h>
#include <string.h>

#include "error.h"

/* The kinds of block cut out, with the text that ends each. */
typedef enum { CUT_NONE, CUT_SCRIPT, CUT_STYLE, CUT_SVG, CUT_COMMENT } cut;

static unsigned char
lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

/* True if p[0..n) starts with the lower-case ASCII word w, ignoring case. */
static bool
starts_ci(const char *p, size_t n, const char *w)
{
    const size_t wl = strlen(w);
    if (n < wl) {
        return false;
    }
    for (size_t i = 0; i < wl; i++) {
        if (lower((unsigned char)p[i]) != (unsigned char)w[i]) {
            return false;
        }
    }
    return true;
}

/* True if the byte after a tag name ends the name. */
static bool
name_ends(const char *p, size_t n, size_t at)
{
    if (at >= n) {
        return true;
    }
    const unsigned char c = (unsigned char)p[at];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' ||
           c == '\r' || c == '\f';
}

/* The end of the start tag beginning at p (just after its '>'), or n. */
static size_t
tag_end(const char *p, size_t n)
{
    const char *gt = memchr(p, '>', n);
    return gt == NULL ? n : (size_t)(gt - p) + 1;
}

/* True if the script start tag p[0..len) declares JSON-LD. */
static bool
is_json_ld(const char *p, size_t len)
{
    for (size_t i = 0; i + 7 <= len; i++) {
        if (lower((unsigned char)p[i]) == 'l' &&
            starts_ci(p + i, len - i, "ld+json")) {
            return true;
        }
    }
    return false;
}

/* What kind of block starts at p ('<' at p[0]), if any is to be cut. */
static cut
cut_at(const char *p, size_t n)
{
    if (n >= 4 && memcmp(p, "<!--", 4) == 0) {
        return CUT_COMMENT;
    }
    if (starts_ci(p + 1, n - 1, "script") && name_ends(p, n, 7)) {
        return is_json_ld(p, tag_end(p, n)) ? CUT_NONE : CUT_SCRIPT;
    }
    if (starts_ci(p + 1, n - 1, "style") && name_ends(p, n, 6)) {
        return CUT_STYLE;
    }
    if (starts_ci(p + 1, n - 1, "svg") && name_ends(p, n, 4)) {
        return CUT_SVG;
    }
    return CUT_NONE;
}

/* Length of the block of kind k starting at p, end marker included. */
static size_t
block_len(const char *p, size_t n, cut k)
{
    static const char *const ends[] = {"", "</script", "</style", "</svg",
                                       "-->"};
    const char *e = ends[k];
    const size_t el = strlen(e);
    size_t i = k == CUT_COMMENT ? 4 : 1;
    while (i < n) {
        const char *q = memchr(p + i, e[0], n - i);
        if (q == NULL) {
            return n;
        }
        i = (size_t)(q - p);
        if (k == CUT_COMMENT ? (n - i >= el && memcmp(q, e, el) == 0)
                             : starts_ci(q, n - i, e)) {
            i += el;
            return k == CUT_COMMENT ? i : i + tag_end(p + i, n - i);
        }
        i++;
    }
    return n;
}

px_status
px_html_prune(px_arena *a, px_str html, px_str *out, px_error *err)
{
    *out = html;
    char *dst = NULL;
    size_t w = 0;
    size_t from = 0; /* start of the input not yet copied */
    size_t i = 0;
    while (i < html.len) {
        const char *lt = memchr(html.ptr + i, '<', html.len - i);
        if (lt == NULL) {
            break;
        }
        const size_t at = (size_t)(lt - html.ptr);
        const cut k = cut_at(lt, html.len - at);
        i = at + 1;
        if (k == CUT_NONE) {
            continue;
        }
        if (dst == NULL) {
            dst = px_arena_alloc(a, html.len + 1);
            if (dst == NULL) {
                return px_fail(err, PX_ENOMEM, "prune: out of memory");
            }
        }
        memcpy(dst + w, html.ptr + from, at - from);
        w += at - from;
        i = from = at + block_len(lt, html.len - at, k);
    }
    if (dst != NULL) {
        memcpy(dst + w, html.ptr + from, html.len - from);
        w += html.len - from;
        dst[w] = '\0';
        *out = (px_str){dst, w};
    }
    return PX_OK;
}
