/* tsvdata.c - the evaluation data's TSV files (tsvdata.h). */
#include "tsvdata.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

px_status
px_tsv_read_file(const char *path, px_buf *b, px_error *err)
{
    b->len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return px_fail(err, PX_EIO, "%s: %s", path, strerror(errno));
    }
    char chunk[65536];
    size_t n = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        px_buf_add(b, chunk, n);
    }
    const bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        return px_fail(err, PX_EIO, "%s: read error", path);
    }
    return px_buf_failed(b) ? px_fail(err, PX_ENOMEM, "%s: out of memory", path)
                            : PX_OK;
}

bool
px_tsv_next_line(px_str *rest, px_str *line)
{
    if (rest->len == 0) {
        return false;
    }
    const char *nl = memchr(rest->ptr, '\n', rest->len);
    const size_t n = nl != NULL ? (size_t)(nl - rest->ptr) : rest->len;
    *line = (px_str){rest->ptr, n};
    if (n > 0 && line->ptr[n - 1] == '\r') {
        line->len--;
    }
    rest->ptr += n + (nl != NULL);
    rest->len -= n + (nl != NULL);
    return true;
}

px_str
px_tsv_field(px_str line, size_t i)
{
    size_t start = 0;
    for (size_t k = 0; k < line.len && i > 0; k++) {
        if (line.ptr[k] == '\t') {
            i--;
            start = k + 1;
        }
    }
    if (i > 0) {
        return (px_str){line.ptr + line.len, 0};
    }
    const char *tab = memchr(line.ptr + start, '\t', line.len - start);
    const size_t end = tab != NULL ? (size_t)(tab - line.ptr) : line.len;
    return (px_str){line.ptr + start, end - start};
}

static char
escaped(char e)
{
    switch (e) {
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'r':
        return '\r';
    default:
        return e;
    }
}

void
px_tsv_unescape(px_str field, px_buf *out)
{
    out->len = 0;
    px_buf_reserve(out, field.len);
    for (size_t i = 0; i < field.len; i++) {
        char c = field.ptr[i];
        if (c == '\\' && i + 1 < field.len) {
            c = escaped(field.ptr[++i]);
        }
        px_buf_add_byte(out, c);
    }
}

static px_status
each_line(px_str data, px_ntrex_fn fn, void *ctx, px_buf *text, px_error *err)
{
    px_str line;
    px_status rc = PX_OK;
    bool header = true;
    while (rc == PX_OK && px_tsv_next_line(&data, &line)) {
        if (header || line.len == 0) {
            header = false;
            continue;
        }
        px_tsv_unescape(px_tsv_field(line, 4), text);
        if (px_buf_failed(text)) {
            return px_fail(err, PX_ENOMEM, "ntrex: out of memory");
        }
        const char *nl = memchr(text->ptr, '\n', text->len);
        const size_t h = nl != NULL ? (size_t)(nl - text->ptr) : text->len;
        const px_ntrex_doc d = {px_tsv_field(line, 0), px_tsv_field(line, 1),
                                px_tsv_field(line, 2), (px_str){text->ptr, h},
                                (px_str){text->ptr + h + (nl != NULL),
                                         text->len - h - (nl != NULL)}};
        rc = fn(ctx, &d, err);
    }
    return rc;
}

px_status
px_ntrex_each(const char *dir, const char *version, px_ntrex_fn fn, void *ctx,
              px_error *err)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/%s.tsv", dir, version);
    px_buf data;
    px_buf text;
    px_buf_init(&data);
    px_buf_init(&text);
    px_status rc = px_tsv_read_file(path, &data, err);
    if (rc == PX_OK) {
        rc = each_line((px_str){data.ptr, data.len}, fn, ctx, &text, err);
    }
    px_buf_fini(&data);
    px_buf_fini(&text);
    return rc;
}
