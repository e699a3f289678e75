/* read.c - px_reader: walks paths (files, folders, "-"), sniffs each file's
 * format from its first bytes and yields one px_record per page.
 *
 * Containers (WARC, JSON Lines) yield many records, each named "path#N".
 * A single page is read whole, up to PX_READ_MAX_PAGE bytes. Folders are
 * walked recursively in byte order of names; hidden entries are skipped.
 * One item's failure never stops the walk: px_reader_next reports it and
 * goes on at the next call.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "error.h"
#include "jsonl.h"
#include "log.h"
#include "parallax.h"
#include "record.h"
#include "str.h"
#include "stream.h"
#include "textdump.h"
#include "warc.h"

#define PX_READ_MAX_PAGE ((size_t)64 * 1024 * 1024)
#define SNIFF_LEN        4096

typedef struct path_list {
    char **v;
    size_t n;
    size_t cap;
} path_list;

struct px_reader {
    path_list paths;
    size_t next_path;
    px_format format;
    px_stream *stream; /* the open file, or NULL */
    px_warc *warc;     /* set while inside a WARC */
    px_jsonl *jsonl;   /* set while inside JSON Lines */
    const char *path;  /* current file */
    px_buf page;       /* a whole single page */
    px_buf source;     /* current record's source id */
    struct px_record rec;
    size_t n_ok;
    size_t n_failed;
};

static px_status
list_add(path_list *l, const char *p, size_t len)
{
    if (l->n == l->cap) {
        const size_t cap = l->cap == 0 ? 16 : l->cap * 2;
        char **v = px_realloc(l->v, cap * sizeof *v);
        if (v == NULL) {
            return PX_ENOMEM;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n] = px_strndup(p, len);
    if (l->v[l->n] == NULL) {
        return PX_ENOMEM;
    }
    l->n++;
    return PX_OK;
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static px_status walk(path_list *l, const char *dir, px_error *err);

/* Adds dir's entries (sorted) to l, descending into folders. */
static px_status
walk_entries(path_list *l, const char *dir, path_list *names, px_error *err)
{
    if (names->n == 0) {
        return PX_OK;
    }
    qsort(names->v, names->n, sizeof *names->v, cmp_names);
    px_buf full;
    px_buf_init(&full);
    px_status rc = PX_OK;
    for (size_t i = 0; i < names->n && rc == PX_OK; i++) {
        full.len = 0;
        px_buf_printf(&full, "%s/%s", dir, names->v[i]);
        struct stat st;
        if (px_buf_failed(&full)) {
            rc = px_fail(err, PX_ENOMEM, "read: out of memory");
        } else if (stat(full.ptr, &st) != 0) {
            PX_LOG(PX_LOG_WARN, "read: cannot stat (path=%s)", full.ptr);
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk(l, full.ptr, err);
        } else if (S_ISREG(st.st_mode)) {
            rc = list_add(l, full.ptr, full.len);
        }
    }
    px_buf_fini(&full);
    return rc == PX_ENOMEM ? px_fail(err, rc, "read: out of memory") : rc;
}

static void
list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i]);
    }
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static px_status
walk(path_list *l, const char *dir, px_error *err)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return px_fail(err, PX_EIO, "%s: %s", dir, strerror(errno));
    }
    path_list names = {0};
    px_status rc = PX_OK;
    const struct dirent *e;
    while (rc == PX_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.' &&
            list_add(&names, e->d_name, strlen(e->d_name)) != PX_OK) {
            rc = px_fail(err, PX_ENOMEM, "read: out of memory");
        }
    }
    closedir(d);
    if (rc == PX_OK) {
        rc = walk_entries(l, dir, &names, err);
    }
    list_free(&names);
    return rc;
}

static px_status
expand_path(path_list *l, const char *p, px_error *err)
{
    struct stat st;
    if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t len = strlen(p);
        while (len > 1 && p[len - 1] == '/') {
            len--;
        }
        char *dir = px_strndup(p, len);
        if (dir == NULL) {
            return px_fail(err, PX_ENOMEM, "read: out of memory");
        }
        const px_status rc = walk(l, dir, err);
        free(dir);
        return rc;
    }
    /* Missing files are reported when reached, as one failed item. */
    return list_add(l, p, strlen(p)) == PX_OK
               ? PX_OK
               : px_fail(err, PX_ENOMEM, "read: out of memory");
}

px_status
px_reader_open(const char *const *paths, size_t n_paths, px_format format,
               px_reader **out, px_error *err)
{
    *out = NULL;
    if (n_paths == 0) {
        return px_fail(err, PX_EINVAL, "read: no input paths");
    }
    px_reader *r = px_calloc(1, sizeof *r);
    if (r == NULL) {
        return px_fail(err, PX_ENOMEM, "read: out of memory");
    }
    r->format = format;
    px_buf_init(&r->page);
    px_buf_init(&r->source);
    for (size_t i = 0; i < n_paths; i++) {
        const px_status rc = expand_path(&r->paths, paths[i], err);
        if (rc != PX_OK) {
            px_reader_close(r);
            return rc;
        }
    }
    *out = r;
    return PX_OK;
}

static void
close_container(px_reader *r)
{
    px_warc_free(r->warc);
    px_jsonl_free(r->jsonl);
    px_stream_close(r->stream);
    r->warc = NULL;
    r->jsonl = NULL;
    r->stream = NULL;
}

void
px_reader_close(px_reader *r)
{
    if (r == NULL) {
        return;
    }
    close_container(r);
    list_free(&r->paths);
    px_buf_fini(&r->page);
    px_buf_fini(&r->source);
    free(r);
}

size_t
px_reader_n_ok(const px_reader *r)
{
    return r->n_ok;
}

size_t
px_reader_n_failed(const px_reader *r)
{
    return r->n_failed;
}

const char *
px_record_source(const px_record *rec)
{
    return rec->source;
}

static px_status
set_source(px_reader *r, size_t item, px_error *err)
{
    r->source.len = 0;
    if (item == 0) {
        px_buf_add_c(&r->source, r->path);
    } else {
        px_buf_printf(&r->source, "%s#%zu", r->path, item);
    }
    if (px_buf_failed(&r->source)) {
        return px_fail(err, PX_ENOMEM, "read: out of memory");
    }
    r->rec.source = r->source.ptr;
    return PX_OK;
}

static bool
mime_is_text(const char *mime)
{
    return mime != NULL && strcmp(mime, "text/plain") == 0;
}

/* After a container's next call: records a failure (naming the file),
 * closes the container once it is exhausted, and says whether an item is
 * ready (then r->rec is cleared for it and *got is true). */
static bool
container_has_item(px_reader *r, px_status rc, bool done, const px_error *inner,
                   bool *got, px_error *err)
{
    *got = false;
    if (rc != PX_OK) {
        px_fail_in(err, r->path, inner);
        return false;
    }
    if (done) {
        close_container(r);
        return false;
    }
    memset(&r->rec, 0, sizeof r->rec);
    *got = true;
    return true;
}

/* Next record of the open WARC; *got false when it is exhausted. */
static px_status
next_warc(px_reader *r, bool *got, px_error *err)
{
    px_warc_record wr;
    bool done = false;
    px_error inner = {0};
    const px_status rc = px_warc_next(r->warc, &wr, &done, &inner);
    if (!container_has_item(r, rc, done, &inner, got, err)) {
        return rc;
    }
    r->rec.kind = mime_is_text(wr.mime) ? PX_FORMAT_TEXT : PX_FORMAT_HTML;
    r->rec.data = wr.body;
    r->rec.len = wr.body_len;
    r->rec.url = wr.url;
    r->rec.fetched = wr.date;
    r->rec.charset = wr.charset;
    return set_source(r, wr.index, err);
}

static px_status
next_jsonl(px_reader *r, bool *got, px_error *err)
{
    px_jsonl_record jr;
    bool done = false;
    px_error inner = {0};
    const px_status rc = px_jsonl_next(r->jsonl, &jr, &done, &inner);
    if (!container_has_item(r, rc, done, &inner, got, err)) {
        return rc;
    }
    r->rec.kind = jr.is_html ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
    r->rec.data = (const unsigned char *)jr.body;
    r->rec.len = jr.body_len;
    r->rec.is_utf8 = true;
    r->rec.url = jr.url;
    r->rec.title = jr.title;
    r->rec.date = jr.date;
    r->rec.site = jr.site;
    r->rec.author = jr.author;
    return set_source(r, jr.line_no, err);
}

static px_format
sniff(const unsigned char *p, size_t n)
{
    if (px_warc_sniff(p, n)) {
        return PX_FORMAT_WARC;
    }
    if (px_jsonl_sniff(p, n)) {
        return PX_FORMAT_JSONL;
    }
    return px_textdump_sniff(p, n) ? PX_FORMAT_TEXT : PX_FORMAT_HTML;
}

/* Reads a whole single-page file into r->page and makes it the record. */
static px_status
read_page(px_reader *r, px_format kind, px_error *err)
{
    r->page.len = 0;
    px_status rc =
        px_stream_read_all(r->stream, PX_READ_MAX_PAGE, &r->page, err);
    close_container(r);
    if (rc == PX_OK && r->page.len == 0) {
        rc = px_fail(err, PX_EEMPTY, "%s: empty file", r->path);
    }
    if (rc != PX_OK) {
        return rc;
    }
    memset(&r->rec, 0, sizeof r->rec);
    r->rec.kind = kind;
    r->rec.data = (const unsigned char *)r->page.ptr;
    r->rec.len = r->page.len;
    return set_source(r, 0, err);
}

/* Opens the next path and either reads its page or enters its container.
 * *got tells whether a record is ready. */
static px_status
open_next(px_reader *r, bool *got, px_error *err)
{
    *got = false;
    r->path = r->paths.v[r->next_path++];
    px_status rc = px_stream_open(r->path, &r->stream, err);
    const unsigned char *p = NULL;
    size_t n = 0;
    if (rc == PX_OK) {
        rc = px_stream_peek(r->stream, SNIFF_LEN, &p, &n, err);
    }
    if (rc != PX_OK) {
        close_container(r);
        return rc;
    }
    const px_format f = r->format != PX_FORMAT_AUTO ? r->format : sniff(p, n);
    if (f == PX_FORMAT_WARC) {
        rc = px_warc_new(r->stream, &r->warc, err);
    } else if (f == PX_FORMAT_JSONL) {
        rc = px_jsonl_new(r->stream, &r->jsonl, err);
    } else {
        rc = read_page(r, f, err);
        *got = rc == PX_OK;
    }
    if (rc != PX_OK) {
        close_container(r);
    }
    return rc;
}

px_status
px_reader_next(px_reader *r, const px_record **rec, px_error *err)
{
    *rec = NULL;
    for (;;) {
        bool got = false;
        px_status rc = PX_OK;
        if (r->warc != NULL) {
            rc = next_warc(r, &got, err);
        } else if (r->jsonl != NULL) {
            rc = next_jsonl(r, &got, err);
        } else if (r->next_path < r->paths.n) {
            rc = open_next(r, &got, err);
        } else {
            return PX_OK; /* all input consumed */
        }
        if (rc != PX_OK) {
            r->n_failed++;
            return rc;
        }
        if (got) {
            r->n_ok++;
            *rec = &r->rec;
            return PX_OK;
        }
    }
}
