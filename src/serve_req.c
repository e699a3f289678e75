/* serve_req.c - checks and copies on the web server's request path,
 * kept apart from the server so they are tested alone: ids in paths,
 * UTF-8 queries, and JSON documents passed through the API. */
#include <stdint.h>
#include <string.h>

#include <unicode/utf8.h>

#include "serve_int.h"

/* Parses 1 to 18 ASCII digits (no sign, no space) into *out. */
bool
px_web_parse_id(const char *s, int64_t *out)
{
    const size_t n = strlen(s);
    int64_t v = 0;
    if (n == 0 || n > 18) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool
px_web_is_utf8(const char *s, size_t len)
{
    if (len > INT32_MAX) {
        return false;
    }
    int32_t i = 0;
    const int32_t n = (int32_t)len;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

/* Copies a JSON document with < > & written as \u escapes (they only
 * occur inside strings, so the document stays the same JSON), so that no
 * consumer sniffing it as HTML ever meets markup. */
void
px_web_json_pass(px_buf *b, const char *json, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char c = json[i];
        if (c == '<' || c == '>' || c == '&') {
            px_buf_add(b, json + run, i - run);
            px_buf_printf(b, "\\u%04x", (unsigned)c);
            run = i + 1;
        }
    }
    px_buf_add(b, json + run, len - run);
    px_buf_add_byte(b, '\n');
}
