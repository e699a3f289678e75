/* prune.h - dropping the parts of an HTML page no extraction stage reads,
 * before libxml2 parses it.
 *
 * On news pages about half the bytes are inline scripts, style sheets,
 * SVG drawings and comments (measured on the extraction benchmarks: 26%,
 * 21%, 5% and 2%). Parsing them only to skip them costs more than a byte
 * scan, so they are cut out here: <script> (except JSON-LD, which the
 * metadata stage reads), <style>, <svg>, <!-- comments --> and the
 * elements the main-text stage skips whole (<noscript>, <select>,
 * <template>, <iframe>, <textarea>). Ends are found as the HTML tokenizer
 * finds them (the first "</script", "-->"...); an element left open runs
 * to the end of the page, as in a browser.
 *
 * Start tags lose the attributes no stage reads (style unless it hides the
 * element, data-*, src, srcset, on*, width...): libxml2 parses attribute
 * values a character at a time. Kept: class, id, href, rel, name, content,
 * property, itemprop, itemtype, itemscope, type, datetime, lang, charset,
 * http-equiv, role, hidden, aria-hidden, xmlns and names with a colon;
 * href of <a> only if it may name an author's page (meta.c's
 * is_author_link; href_may_matter() in prune.c must cover its paths). A
 * stage that starts reading another attribute must add it to keep_name()
 * in prune.c. Tags the scanner does not fully understand stay as they are.
 *
 * The end tags </body> and </html> are dropped: a browser puts what
 * follows them in the body, where libxml2 2.9 would start a second <html>
 * for it (no stage reads past the first), so the body ends with the page.
 */
#ifndef PX_PRUNE_H
#define PX_PRUNE_H

#include "arena.h"
#include "parallax.h"
#include "str.h"

/* Writes the pruned page into the arena (*out). If nothing needs cutting,
 * *out is html itself (no copy). */
px_status px_html_prune(px_arena *a, px_str html, px_str *out, px_error *err);

#endif /* PX_PRUNE_H */
