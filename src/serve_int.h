/* serve_int.h - what the page renderers of the web UI share
 * (serve_html.c, serve_story.c, serve_article.c): reading members of the
 * store's JSON documents, the page frame, and escaped output. */
#ifndef PX_SERVE_INT_H
#define PX_SERVE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>
#include <pthread.h>

#include "serve.h"

/* Parses a document that must be a JSON object; NULL after recording
 * PX_EPARSE (or PX_EINVAL for json NULL) in err. Owned: json_decref. */
json_t *px_web_parse(const char *json, size_t len, px_error *err);

/* Member key of o as a string ({NULL, 0} when absent, null or not a
 * string); as an integer (def when absent or not an integer); as an
 * array (NULL when absent or not an array). o may be NULL. */
px_str px_web_str(const json_t *o, const char *key);
int64_t px_web_int(const json_t *o, const char *key, int64_t def);
json_t *px_web_arr(const json_t *o, const char *key);

/* A span of a sheet ({"source","offset","length","text"}). */
typedef struct px_web_span {
    int64_t src;
    size_t off;
    size_t len;
    px_str text;
} px_web_span;

/* Reads span o; false when it is not a span (absent members, negative
 * values). */
bool px_web_span_get(const json_t *o, px_web_span *out);

/* Opens a page: doctype, head with title (escaped) and the style sheet,
 * the header with the home link and the search form (query q, may be
 * NULL), then <main>. */
void px_web_open(px_buf *b, px_str title, const char *q);
/* Closes what px_web_open opened. */
void px_web_close(px_buf *b);

/* Appends s escaped. */
void px_web_esc(px_buf *b, px_str s);
/* Appends s escaped, or alt (trusted) when s is empty. */
void px_web_esc_or(px_buf *b, px_str s, const char *alt);

/* Appends ` lang="L" dir="D"` for a language code and direction from a
 * document: the code only when it is made of ASCII letters, digits and
 * '-', the direction only when it is "rtl" or "ltr". */
void px_web_lang_dir(px_buf *b, px_str lang, px_str dir);
/* The same from members "lang" and "dir" of o. */
void px_web_lang_dir_of(px_buf *b, const json_t *o);

/* Appends a number as the sheet gives it (integers without ".0"). */
void px_web_num(px_buf *b, double v);

/* ---- the server's rate limit (serve_rate.c) -------------------------- */

/* Bytes of a client key (an IPv6 address, or an IPv4 one mapped). */
#define PX_RATE_KEY 16

typedef struct px_rate px_rate;

/* A limiter of per_s requests a second per key (per_s <= 0: none) with
 * bursts of burst requests. Owned: px_rate_free. */
px_status px_rate_new(double per_s, double burst, px_rate **out, px_error *err);
void px_rate_free(px_rate *r); /* NULL is a no-op */

/* Takes a token for key at time now_s (monotonic seconds); false when
 * its bucket is empty (answer 429). Thread-safe. */
bool px_rate_take(px_rate *r, const uint8_t key[PX_RATE_KEY], double now_s);

#endif /* PX_SERVE_INT_H */
