/* serve.h - the web UI (`parallax serve`): a read-only HTTP server over a
 * store, and the pages it renders.
 *
 * The pages are rendered only from the store's JSON documents (store.h,
 * docs/schema.json "store_*"), never from the store's tables, so the
 * render functions are pure: JSON text in, one whole HTML page out. All
 * text taken from the documents is untrusted (it comes from third-party
 * pages) and is escaped. The DOM hooks the browser tests rely on are
 * listed in UI_CONTRACT.md.
 *
 * The server (serve.c) answers GET and HEAD only, serves no file from
 * disk, caps request sizes, connections and the request rate per client
 * address, and gives each worker thread its own read-only store handle.
 */
#ifndef PX_SERVE_H
#define PX_SERVE_H

#include <stddef.h>
#include <stdint.h>

#include "parallax.h"
#include "str.h"

/* Stories per page of the story list. */
#define PX_WEB_PAGE_SIZE 50

/* ---- pages: each appends one whole HTML page to out ------------------ */
/* They fail with PX_EPARSE when a document is not JSON of the expected
 * shape, and PX_ENOMEM; out then holds a partial page to discard. */

/* The story list from a "store_stories" document. */
px_status px_web_stories_html(const char *json, size_t len, px_buf *out,
                              px_error *err);

/* The search page for query (NULL or "": the empty form) with the hits
 * of a "store_search" document (json NULL: none yet). */
px_status px_web_search_html(const char *query, const char *json, size_t len,
                             px_buf *out, px_error *err);

/* The story page (its sheet) from a "store_story" document. */
px_status px_web_story_html(const char *json, size_t len, px_buf *out,
                            px_error *err);

/* The article page from its "store_article" document and the
 * "store_story" document of its story (story NULL: no marks). Spans of
 * the story's sheet whose source is the article's source are marked;
 * figures and entities link to the matching spans of the other sources. */
px_status px_web_article_html(const char *art, size_t art_len,
                              const char *story, size_t story_len, px_buf *out,
                              px_error *err);

/* An error page (404, 400, 405, 429, 500...) saying msg. */
void px_web_error_html(unsigned status, const char *msg, px_buf *out);

/* ---- the server ------------------------------------------------------ */

typedef struct px_serve_opts {
    const char *store_path; /* required */
    const char *lexicon;    /* NULL: the default lexicon */
    const char *bind;       /* NULL: 127.0.0.1 */
    uint16_t port;          /* 0: any free port (see px_serve_port) */
    unsigned threads;       /* worker threads; 0: 4 */
    unsigned max_conns;     /* open connections in all; 0: 256 */
    unsigned per_ip_conns;  /* open connections per address; 0: 64 */
    unsigned timeout_s;     /* idle connection timeout; 0: 15 */
    double rate_per_s;      /* requests a second per address; 0: 200,
                             * below 0: no limit */
    double burst;           /* token bucket size; 0: 400 */
} px_serve_opts;

typedef struct px_server px_server;

/* Opens the store read-only (one handle per worker thread) and starts
 * serving in background threads. *out is owned: px_serve_stop. Fails
 * with PX_EIO (store or socket), PX_EINVAL (bad address), PX_ENOMEM. */
px_status px_serve_start(const px_serve_opts *o, px_server **out,
                         px_error *err);

/* The port the server listens on. */
uint16_t px_serve_port(const px_server *s);

/* Stops accepting, waits for the requests under way, closes the store
 * handles and frees s. NULL is a no-op. */
void px_serve_stop(px_server *s);

#endif /* PX_SERVE_H */
