/* html_out.h - writing HTML from untrusted text: every byte that could
 * open markup or end an attribute value is written as an entity. Shared
 * by the static report (report.c) and the web UI (serve_*.c). */
#ifndef PX_HTML_OUT_H
#define PX_HTML_OUT_H

#include <stddef.h>

#include "str.h"

/* Appends p[0..n) escaped for element content and quoted attribute
 * values (& < > " '); NUL bytes become U+FFFD. */
void px_html_esc(px_buf *b, const char *p, size_t n);

/* The same for a NUL-terminated string; NULL appends nothing. */
void px_html_esc_c(px_buf *b, const char *s);

/* Appends s escaped for a URL query value (percent-encoding every byte
 * but unreserved ASCII), itself safe inside a quoted attribute. */
void px_html_url_esc(px_buf *b, const char *p, size_t n);

#endif /* PX_HTML_OUT_H */
