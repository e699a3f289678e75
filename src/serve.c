/* serve.c - the web UI's HTTP server (libmicrohttpd, internal thread
 * pool). Read-only by construction: the store is opened read-only, only
 * GET and HEAD are answered (405 otherwise), requests with a body are
 * refused (413), and no file is ever served from disk, so a path can
 * only name a route (anything else is 404). Request lines and headers
 * are bounded by the connection memory limit, addresses and queries by
 * explicit caps; connections are capped in all and per address and time
 * out; each address has a token bucket (429 when empty).
 *
 * Store handles are not shared between threads: the server holds one
 * read-only handle per worker thread in a pool, and a request takes one
 * for the length of its store query. Every response carries a strict
 * Content-Security-Policy (no script; inline styles only). */
#include "serve.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <microhttpd.h>

#include "log.h"
#include "serve_int.h"
#include "store.h"

#define MAX_URL       1024 /* bytes of the path */
#define MAX_QUERY     500  /* bytes of the search query */
#define MAX_API_LIMIT 200
#define MAX_THREADS   64
#define CONN_MEMORY   (32 * 1024)

static const char csp[] =
    "default-src 'self'; style-src 'unsafe-inline'; script-src 'none'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

struct px_server {
    struct MHD_Daemon *d;
    uint16_t port;
    px_rate *rate;
    pthread_mutex_t mu; /* guards idle */
    pthread_cond_t cv;
    px_store **handles; /* all of them */
    size_t n_handles;
    px_store **idle;
    size_t n_idle;
};

/* What a request is answered with. */
typedef struct reply {
    unsigned status;
    bool is_json;
    px_buf body;
} reply;

/* ---- store handles ---------------------------------------------------- */

static px_store *
handle_get(px_server *s)
{
    pthread_mutex_lock(&s->mu);
    while (s->n_idle == 0) {
        pthread_cond_wait(&s->cv, &s->mu);
    }
    px_store *st = s->idle[--s->n_idle];
    pthread_mutex_unlock(&s->mu);
    return st;
}

static void
handle_put(px_server *s, px_store *st)
{
    pthread_mutex_lock(&s->mu);
    s->idle[s->n_idle++] = st;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* ---- replies ---------------------------------------------------------- */

/* Copies a JSON document with < > & written as \u escapes (they only
 * occur inside strings, so the document stays the same JSON), so that no
 * consumer sniffing it as HTML ever meets markup. */
static void
json_pass(px_buf *b, const char *json, size_t len)
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

static void
reply_error(reply *r, bool is_json, unsigned status, const char *msg)
{
    px_buf_fini(&r->body);
    r->status = status;
    r->is_json = is_json;
    if (is_json) {
        px_buf doc;
        px_buf_init(&doc);
        px_buf_add_c(&doc, "{\"error\":");
        px_buf_add_json_str(&doc, px_str_c(msg));
        px_buf_printf(&doc, ",\"status\":%u}", status);
        json_pass(&r->body, doc.ptr != NULL ? doc.ptr : "", doc.len);
        px_buf_fini(&doc);
    } else {
        px_web_error_html(status, msg, &r->body);
    }
}

/* A failed store query or render: unknown id 404, bad input 400. */
static void
reply_fail(reply *r, bool is_json, px_status rc, const px_error *err,
           const char *what)
{
    if (rc == PX_EEMPTY) {
        char msg[128];
        snprintf(msg, sizeof msg, "There is no %s with this id.", what);
        reply_error(r, is_json, 404, msg);
    } else if (rc == PX_EINVAL) {
        reply_error(r, is_json, 400, err->msg[0] ? err->msg : "bad request");
    } else {
        PX_LOG(PX_LOG_ERROR, "serve: %s: %s", what, err->msg);
        reply_error(r, is_json, 500, "The store could not be read.");
    }
}

/* Passes a store document through (API) or renders it (page). */
static void
reply_doc(reply *r, bool is_json, char *json, size_t len, px_status rc)
{
    r->status = rc == PX_OK ? 200 : 500;
    r->is_json = is_json;
    if (rc != PX_OK) {
        reply_error(r, is_json, 500, "The page could not be rendered.");
    } else if (is_json) {
        json_pass(&r->body, json, len);
    }
}

/* ---- query arguments -------------------------------------------------- */

/* Parses 1 to 18 ASCII digits (no sign, no space) into *out. */
static bool
parse_id(const char *s, int64_t *out)
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

static const char *
arg(struct MHD_Connection *c, const char *key)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, key);
}

/* A numeric argument: def when absent; false when malformed or over max. */
static bool
arg_num(struct MHD_Connection *c, const char *key, int64_t def, int64_t max,
        int64_t *out)
{
    const char *v = arg(c, key);
    *out = def;
    return v == NULL || (parse_id(v, out) && *out <= max);
}

/* ---- routes ----------------------------------------------------------- */

static void
route_stories(px_server *s, struct MHD_Connection *c, bool is_json, reply *r)
{
    const char *order = arg(c, "order");
    int64_t offset = 0;
    int64_t limit = PX_WEB_PAGE_SIZE;
    if ((order != NULL && strcmp(order, "newest") != 0 &&
         strcmp(order, "largest") != 0) ||
        !arg_num(c, "offset", 0, 1000000000, &offset) ||
        (is_json &&
         !arg_num(c, "limit", PX_WEB_PAGE_SIZE, MAX_API_LIMIT, &limit))) {
        reply_error(r, is_json, 400, "Bad order, offset or limit.");
        return;
    }
    const px_store_order o =
        order != NULL && order[0] == 'l' ? PX_STORE_LARGEST : PX_STORE_NEWEST;
    char *json = NULL;
    size_t len = 0;
    px_error err = {0};
    px_store *st = handle_get(s);
    px_status rc = px_store_stories_json(st, o, (size_t)offset,
                                         (size_t)(limit > 0 ? limit : 1), &json,
                                         &len, &err);
    handle_put(s, st);
    if (rc == PX_OK && !is_json) {
        rc = px_web_stories_html(json, len, &r->body, &err);
    }
    if (rc != PX_OK && json == NULL) {
        reply_fail(r, is_json, rc, &err, "story list");
    } else {
        reply_doc(r, is_json, json, len, rc);
    }
    px_free(json);
}

static void
route_search(px_server *s, struct MHD_Connection *c, bool is_json, reply *r)
{
    const char *q = arg(c, "q");
    const bool is_empty = q == NULL || px_str_trim(px_str_c(q)).len == 0;
    if (q != NULL && strlen(q) > MAX_QUERY) {
        reply_error(r, is_json, 414, "The query is too long.");
        return;
    }
    if (is_empty) {
        if (is_json) {
            reply_error(r, true, 400, "Empty query.");
        } else {
            r->status = 200;
            px_web_search_html(NULL, NULL, 0, &r->body, NULL);
        }
        return;
    }
    char *json = NULL;
    size_t len = 0;
    px_error err = {0};
    px_store *st = handle_get(s);
    px_status rc = px_store_search_json(st, q, 0, &json, &len, &err);
    handle_put(s, st);
    if (rc == PX_OK && !is_json) {
        rc = px_web_search_html(q, json, len, &r->body, &err);
    }
    if (rc != PX_OK && json == NULL) {
        reply_fail(r, is_json, rc, &err, "search");
    } else {
        reply_doc(r, is_json, json, len, rc);
    }
    px_free(json);
}

static void
route_story(px_server *s, int64_t id, bool is_json, reply *r)
{
    char *json = NULL;
    size_t len = 0;
    px_error err = {0};
    px_store *st = handle_get(s);
    px_status rc = px_store_story_json(st, id, &json, &len, &err);
    handle_put(s, st);
    if (rc == PX_OK && !is_json) {
        rc = px_web_story_html(json, len, &r->body, &err);
    }
    if (rc != PX_OK && json == NULL) {
        reply_fail(r, is_json, rc, &err, "story");
    } else {
        reply_doc(r, is_json, json, len, rc);
    }
    px_free(json);
}

/* The article page needs the article's story too (for its marks). */
static px_status
article_page(px_store *st, const char *art, size_t art_len, px_buf *out,
             px_error *err)
{
    json_t *doc = px_web_parse(art, art_len, err);
    const int64_t story = px_web_int(doc, "story", -1);
    json_decref(doc);
    char *sj = NULL;
    size_t sj_len = 0;
    if (story >= 0 &&
        px_store_story_json(st, story, &sj, &sj_len, NULL) != PX_OK) {
        sj = NULL; /* the page without marks */
    }
    const px_status rc =
        px_web_article_html(art, art_len, sj, sj_len, out, err);
    px_free(sj);
    return rc;
}

static void
route_article(px_server *s, int64_t id, bool is_json, reply *r)
{
    char *json = NULL;
    size_t len = 0;
    px_error err = {0};
    px_store *st = handle_get(s);
    px_status rc = px_store_article_json(st, id, &json, &len, &err);
    if (rc == PX_OK && !is_json) {
        rc = article_page(st, json, len, &r->body, &err);
    }
    handle_put(s, st);
    if (rc != PX_OK && json == NULL) {
        reply_fail(r, is_json, rc, &err, "article");
    } else {
        reply_doc(r, is_json, json, len, rc);
    }
    px_free(json);
}

/* The route of path (after "/api" when is_json). */
static void
route(px_server *s, struct MHD_Connection *c, const char *path, bool is_json,
      reply *r)
{
    int64_t id = 0;
    if (strcmp(path, is_json ? "/stories" : "/") == 0) {
        route_stories(s, c, is_json, r);
    } else if (strcmp(path, "/search") == 0) {
        route_search(s, c, is_json, r);
    } else if (strncmp(path, "/story/", 7) == 0 && parse_id(path + 7, &id)) {
        route_story(s, id, is_json, r);
    } else if (strncmp(path, "/article/", 9) == 0 && parse_id(path + 9, &id)) {
        route_article(s, id, is_json, r);
    } else {
        reply_error(r, is_json, 404, "There is no page at this address.");
    }
}

/* ---- requests --------------------------------------------------------- */

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The client's address as a rate key (IPv4 mapped into IPv6). */
static void
client_key(struct MHD_Connection *c, uint8_t key[PX_RATE_KEY])
{
    memset(key, 0, PX_RATE_KEY);
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = ci != NULL ? ci->client_addr : NULL;
    if (sa != NULL && sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        key[10] = 0xff;
        key[11] = 0xff;
        memcpy(key + 12, &in->sin_addr, 4);
    } else if (sa != NULL && sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        memcpy(key, &in6->sin6_addr, 16);
    }
}

static bool
has_body(struct MHD_Connection *c)
{
    const char *cl = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *te = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    return te != NULL || (cl != NULL && strcmp(cl, "0") != 0);
}

/* Checks the request, then routes it. */
static void
handle(px_server *s, struct MHD_Connection *c, const char *url,
       const char *method, reply *r)
{
    const bool is_api = strncmp(url, "/api/", 5) == 0;
    uint8_t key[PX_RATE_KEY];
    client_key(c, key);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        reply_error(r, is_api, 405, "Only GET and HEAD are served here.");
    } else if (has_body(c)) {
        reply_error(r, is_api, 413, "Requests with a body are refused.");
    } else if (!px_rate_take(s->rate, key, now_s())) {
        reply_error(r, is_api, 429, "Too many requests: wait a moment.");
    } else if (strlen(url) > MAX_URL) {
        reply_error(r, is_api, 414, "The address is too long.");
    } else {
        route(s, c, is_api ? url + 4 : url, is_api, r);
    }
}

static enum MHD_Result
send_reply(struct MHD_Connection *c, reply *r)
{
    size_t len = 0;
    char *body = px_buf_take(&r->body, &len);
    struct MHD_Response *resp =
        body != NULL ? MHD_create_response_from_buffer_with_free_callback(
                           len, body, px_free)
                     : NULL;
    if (resp == NULL) {
        px_free(body);
        return MHD_NO; /* out of memory: MHD closes the connection */
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                            r->is_json ? "application/json; charset=utf-8"
                                       : "text/html; charset=utf-8");
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    if (r->status == 405) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    } else if (r->status == 429) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    }
    const enum MHD_Result ok = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* Answers every request at its first call, before any body is read (a
 * body is never wanted: MHD then closes the connection). */
static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_len, void **req_cls)
{
    (void)version;
    (void)upload;
    (void)upload_len;
    (void)req_cls;
    px_server *s = cls;
    const double t0 = now_s();
    reply r = {200, false, {NULL, 0, 0, false}};
    handle(s, c, url, method, &r);
    const size_t len = r.body.len;
    const unsigned status = r.status;
    const enum MHD_Result ok = send_reply(c, &r);
    PX_LOG(PX_LOG_INFO, "serve: %s %.200s %u (bytes=%zu ms=%.1f)", method, url,
           status, len, (now_s() - t0) * 1000);
    return ok;
}

/* ---- the daemon ------------------------------------------------------- */

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* libmicrohttpd's own messages go to the library log, never stderr. */
static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[256];
    vsnprintf(line, sizeof line, fmt, ap);
    const size_t n = strcspn(line, "\r\n");
    line[n] = '\0';
    PX_LOG(PX_LOG_WARN, "serve: %s", line);
}

/* The listening address: IPv4 or IPv6 text, port in network order. */
static px_status
parse_bind(const char *bind, uint16_t port, struct sockaddr_storage *ss,
           bool *is_v6, px_error *err)
{
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *in = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    *is_v6 = false;
    if (inet_pton(AF_INET, bind, &in->sin_addr) == 1) {
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        return PX_OK;
    }
    if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        *is_v6 = true;
        return PX_OK;
    }
    return px_fail(err, PX_EINVAL,
                   "serve: bad address '%s' (want an IPv4 "
                   "or IPv6 address)",
                   bind);
}

/* One read-only store handle per worker thread. */
static px_status
open_handles(px_server *s, const px_serve_opts *o, size_t n, px_error *err)
{
    s->handles = calloc(n, sizeof *s->handles);
    s->idle = calloc(n, sizeof *s->idle);
    if (s->handles == NULL || s->idle == NULL) {
        return px_fail(err, PX_ENOMEM, "serve: out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        const px_status rc =
            px_store_open(o->store_path, true, o->lexicon, &s->handles[i], err);
        if (rc != PX_OK) {
            return rc;
        }
        s->n_handles++;
        s->idle[s->n_idle++] = s->handles[i];
    }
    return PX_OK;
}

static px_status
start_daemon(px_server *s, const px_serve_opts *o, unsigned threads,
             px_error *err)
{
    struct sockaddr_storage ss;
    bool is_v6 = false;
    const px_status rc = parse_bind(o->bind != NULL ? o->bind : "127.0.0.1",
                                    o->port, &ss, &is_v6, err);
    if (rc != PX_OK) {
        return rc;
    }
    const unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG |
                           (is_v6 ? MHD_USE_IPv6 : 0);
    s->d = MHD_start_daemon(
        flags, o->port, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER,
        on_mhd_log, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
        MHD_OPTION_CONNECTION_LIMIT, o->max_conns ? o->max_conns : 256u,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        o->per_ip_conns ? o->per_ip_conns : 64u, MHD_OPTION_CONNECTION_TIMEOUT,
        o->timeout_s ? o->timeout_s : 15u, MHD_OPTION_END);
    if (s->d == NULL) {
        return px_fail(
            err, PX_EIO, "serve: cannot listen on %s port %u (in use?)",
            o->bind != NULL ? o->bind : "127.0.0.1", (unsigned)o->port);
    }
    const union MHD_DaemonInfo *di =
        MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di != NULL ? di->port : o->port;
    return PX_OK;
}

px_status
px_serve_start(const px_serve_opts *o, px_server **out, px_error *err)
{
    *out = NULL;
    if (o == NULL || o->store_path == NULL) {
        return px_fail(err, PX_EINVAL, "serve: no store");
    }
    px_server *s = calloc(1, sizeof *s);
    if (s == NULL) {
        return px_fail(err, PX_ENOMEM, "serve: out of memory");
    }
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    const unsigned threads = o->threads == 0            ? 4
                             : o->threads > MAX_THREADS ? MAX_THREADS
                                                        : o->threads;
    px_status rc = open_handles(s, o, threads, err);
    if (rc == PX_OK) {
        rc = px_rate_new(o->rate_per_s == 0 ? 200 : o->rate_per_s,
                         o->burst == 0 ? 400 : o->burst, &s->rate, err);
    }
    if (rc == PX_OK) {
        rc = start_daemon(s, o, threads, err);
    }
    if (rc != PX_OK) {
        px_serve_stop(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

uint16_t
px_serve_port(const px_server *s)
{
    return s->port;
}

void
px_serve_stop(px_server *s)
{
    if (s == NULL) {
        return;
    }
    if (s->d != NULL) {
        MHD_stop_daemon(s->d);
    }
    for (size_t i = 0; i < s->n_handles; i++) {
        px_store_close(s->handles[i]);
    }
    free(s->handles);
    free(s->idle);
    px_rate_free(s->rate);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    free(s);
}
