/* content_emit.c - writing the paragraphs of the chosen container.
 *
 * Walks the container's subtree once, gathering inline text into the
 * current paragraph (white space collapsed on the fly) and starting a new
 * one at every block boundary and <br>. Chrome subtrees (marked by
 * content.c), link lists, the page headline (<h1>, or a line repeating the
 * <title>), figures and captions are left out, and so are short
 * boilerplate lines ("Read more", "شارك", "相关阅读"). Headings, list items,
 * quotes and table rows keep their kind; a data table gives one paragraph
 * per row with cells joined by " | ".
 */
#include <string.h>

#include <unicode/utf8.h>

#include "arena.h"
#include "content_int.h"
#include "error.h"

#define MAX_DEPTH 256
/* Paragraphs at most this long (weighted) may be boilerplate lines. */
#define BOILER_LINE_MAX 120
/* Lines at most this long may open the trailing chrome. */
#define END_MARKER_MAX 60
/* Lines of an article's header shorter than this are not its lead. */
#define HEADER_LEAD_MIN 40
#define MAX_MARKS       16
/* Paragraphs this long (bytes) are dropped when they repeat one of the
 * last REPEAT_WINDOW paragraphs. */
#define REPEAT_MIN_LEN 150
#define REPEAT_WINDOW  256

typedef struct epara {
    size_t off;
    size_t len;
    px_para_kind kind;
    uint64_t hash; /* text_hash of the text, to drop repeated paragraphs */
} epara;

typedef struct emitter {
    const px_cdoc *d;
    px_buf buf;
    size_t start; /* where the current paragraph starts in buf */
    bool space;   /* white space is pending */
    px_para_kind kind;
    int in_cell;   /* > 0 inside a data-table cell: blocks become spaces */
    int in_header; /* > 0 inside an article's <header> */
    epara *paras;
    size_t n;
    size_t cap;
    size_t marks[MAX_MARKS]; /* paragraph counts at end-marker lines */
    size_t mark_off[MAX_MARKS];
    size_t n_marks;
    bool failed;
    char title[512]; /* the <title>, white space collapsed */
    size_t title_len;
    char og[512];
    size_t og_len;
} emitter;

static void
add_text(emitter *e, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const size_t run = i;
        const unsigned char b = (unsigned char)s[i];
        if (b <= ' ') {
            i++;
            e->space = true;
            continue;
        }
        if (b >= 0x80) {
            UChar32 c;
            U8_NEXT(s, i, len, c);
            if (c < 0 || px_content_is_space(c)) {
                e->space = true;
                continue;
            }
        } else {
            i++;
        }
        /* visible ASCII, single spaces between words included: they are
         * copied as they are */
        for (;;) {
            while (i < len && (unsigned char)s[i] > ' ' &&
                   (unsigned char)s[i] < 0x80) {
                i++;
            }
            if (i + 1 < len && s[i] == ' ' && (unsigned char)s[i + 1] > ' ' &&
                (unsigned char)s[i + 1] < 0x80) {
                i += 2;
                continue;
            }
            break;
        }
        if (e->space && e->buf.len > e->start) {
            px_buf_add_byte(&e->buf, ' ');
        }
        e->space = false;
        px_buf_add(&e->buf, s + run, i - run);
    }
}

static void
collapse_into(px_str s, char *dst, size_t cap, size_t *out_len)
{
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < s.len && n + 2 < cap; i++) {
        const unsigned char b = (unsigned char)s.ptr[i];
        if (b <= ' ') {
            space = true;
            continue;
        }
        if (space && n > 0) {
            dst[n++] = ' ';
        }
        space = false;
        dst[n++] = (char)b;
    }
    *out_len = n;
}

/* Whether paragraph p repeats the page title (the headline). */
static bool
is_title(const emitter *e, px_str p)
{
    if (p.len < 8) {
        return false;
    }
    if (e->og_len == p.len && memcmp(e->og, p.ptr, p.len) == 0) {
        return true;
    }
    const px_str t = {e->title, e->title_len};
    return p.len <= t.len && p.len * 3 >= t.len &&
           px_str_find(t, p.ptr, p.len) != NULL;
}

/* m: px_content_measure of p. */
static bool
keep_para(const emitter *e, px_str p, px_ctext m)
{
    if (m.w <= BOILER_LINE_MAX && px_content_boiler_line(p)) {
        return false;
    }
    /* An article's header keeps its lead, not its labels, bylines and
     * dates. */
    if (e->in_header > 0 && (m.punct == 0 || m.w < HEADER_LEAD_MIN)) {
        return false;
    }
    return !(e->n < 3 && is_title(e, p));
}

/* A hash of p for is_repeat, which compares the bytes of equal hashes:
 * FNV-1a over 8-byte words, then over the last bytes; 0 for paragraphs too
 * short to be looked for. */
static uint64_t
text_hash(px_str p)
{
    if (p.len < REPEAT_MIN_LEN) {
        return 0;
    }
    uint64_t h = 14695981039346656037u;
    size_t i = 0;
    for (; p.len - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, p.ptr + i, 8);
        h = (h ^ w) * 1099511628211u;
    }
    for (; i < p.len; i++) {
        h = (h ^ (unsigned char)p.ptr[i]) * 1099511628211u;
    }
    return h;
}

/* True if a long paragraph repeats one of the last REPEAT_WINDOW ones (a
 * pull quote, or a block the page shows twice). */
static bool
is_repeat(const emitter *e, px_str p, uint64_t h)
{
    if (p.len < REPEAT_MIN_LEN) {
        return false;
    }
    const size_t from = e->n > REPEAT_WINDOW ? e->n - REPEAT_WINDOW : 0;
    for (size_t i = from; i < e->n; i++) {
        const epara *q = &e->paras[i];
        if (q->hash == h && q->len == p.len &&
            memcmp(e->buf.ptr + q->off, p.ptr, p.len) == 0) {
            return true;
        }
    }
    return false;
}

/* Remembers where a line that may open the trailing chrome was seen (m:
 * px_content_measure of p). */
static void
note_marker(emitter *e, px_str p, px_ctext m)
{
    if (e->n_marks == MAX_MARKS || e->n < 2) {
        return;
    }
    if (m.w <= END_MARKER_MAX && px_content_end_marker(p)) {
        e->marks[e->n_marks] = e->n;
        e->mark_off[e->n_marks] = e->start;
        e->n_marks++;
    }
}

/* Drops the paragraphs after the first end marker that follows most of
 * the text. */
static void
cut_tail(emitter *e)
{
    for (size_t i = 0; i < e->n_marks; i++) {
        if (e->mark_off[i] * 2 >= e->buf.len) {
            e->n = e->marks[i] < e->n ? e->marks[i] : e->n;
            return;
        }
    }
}

/* Ends the current paragraph, keeping it if it passes the line filters. */
static void
flush(emitter *e)
{
    e->space = false;
    if (e->in_cell > 0) {
        e->space = true;
        return;
    }
    if (e->buf.len == e->start || e->buf.failed) {
        return;
    }
    const px_str p = {e->buf.ptr + e->start, e->buf.len - e->start};
    const px_ctext m = px_content_measure(p.ptr, p.len);
    note_marker(e, p, m);
    if (!keep_para(e, p, m)) {
        e->buf.len = e->start;
        return;
    }
    const uint64_t h = text_hash(p);
    if (is_repeat(e, p, h)) {
        e->buf.len = e->start;
        return;
    }
    if (e->n == e->cap) {
        const size_t cap = e->cap == 0 ? 64 : e->cap * 2;
        epara *np = px_realloc(e->paras, cap * sizeof *np);
        if (np == NULL) {
            e->failed = true;
            return;
        }
        e->paras = np;
        e->cap = cap;
    }
    e->paras[e->n++] = (epara){e->start, p.len, e->kind, h};
    e->start = e->buf.len;
}

static void emit_children(emitter *e, xmlNodePtr n, int depth);

/* A table is laid out data (rows of cells) when no cell holds blocks of
 * prose or nested tables. */
static bool
is_data_table(const emitter *e, const px_cnode *t)
{
    const px_cnode *base = e->d->nodes;
    const size_t first = (size_t)(t - base) + 1;
    size_t limit = t->end;
    if (limit - first > 4000) {
        return false;
    }
    for (size_t i = first; i < limit; i++) {
        const uint8_t tag = base[i].tag;
        if (tag == PX_CT_TABLE || tag == PX_CT_P || tag == PX_CT_LIST ||
            tag == PX_CT_HEADING || (tag == PX_CT_DIV && base[i].w > 200)) {
            return false;
        }
        if (tag == PX_CT_CELL && base[i].w > 400) {
            return false;
        }
    }
    return true;
}

static void
emit_row(emitter *e, xmlNodePtr tr, int depth)
{
    flush(e);
    const px_para_kind saved = e->kind;
    e->kind = PX_PARA_TABLE;
    e->in_cell++;
    bool first = true;
    for (xmlNodePtr c = tr->children; c != NULL; c = c->next) {
        const px_cnode *cn = px_cdoc_get(e->d, c);
        if (cn == NULL || cn->tag != PX_CT_CELL || cn->w == 0) {
            continue;
        }
        if (!first) {
            e->space = false;
            px_buf_add_c(&e->buf, " | ");
        }
        first = false;
        e->space = false;
        emit_children(e, c, depth + 1);
    }
    e->in_cell--;
    flush(e);
    e->kind = saved;
}

static void
emit_table(emitter *e, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
        const px_cnode *cn = px_cdoc_get(e->d, c);
        if (cn == NULL || (cn->flags & PX_CF_BOILER)) {
            continue;
        }
        if (cn->tag == PX_CT_TR) {
            emit_row(e, c, depth + 1);
        } else if (depth < MAX_DEPTH) {
            emit_table(e, c, depth + 1); /* thead, tbody, tfoot */
        }
    }
}

static px_para_kind
kind_of(uint8_t tag, px_para_kind cur)
{
    switch (tag) {
    case PX_CT_HEADING:
        return PX_PARA_HEADING;
    case PX_CT_LI:
        return PX_PARA_LIST;
    case PX_CT_QUOTE:
        return cur == PX_PARA_TEXT ? PX_PARA_QUOTE : cur;
    default:
        return cur;
    }
}

/* Block-level link lists and link-only lines are chrome. */
static bool
is_link_block(const px_cnode *c)
{
    return c->w > 0 && c->link_w * 2 > c->w && c->good * 4.0f < (float)c->w;
}

static void
emit_block(emitter *e, xmlNodePtr n, const px_cnode *c, int depth)
{
    if (is_link_block(c) && e->in_cell == 0) {
        return;
    }
    flush(e);
    const px_para_kind saved = e->kind;
    e->kind = kind_of(c->tag, saved);
    e->in_header += c->tag == PX_CT_HEADER ? 1 : 0;
    if (c->tag == PX_CT_TABLE && e->in_cell == 0 && is_data_table(e, c)) {
        emit_table(e, n, depth);
    } else {
        emit_children(e, n, depth);
    }
    flush(e);
    e->in_header -= c->tag == PX_CT_HEADER ? 1 : 0;
    e->kind = saved;
}

static void
emit_element(emitter *e, xmlNodePtr n, int depth)
{
    const px_cnode *c = px_cdoc_get(e->d, n);
    if (c == NULL || (c->flags & PX_CF_BOILER) || depth > MAX_DEPTH) {
        return;
    }
    switch ((px_ctag)c->tag) {
    case PX_CT_H1:
    case PX_CT_FIGURE:
    case PX_CT_BR:
        flush(e);
        return;
    case PX_CT_IMG:
        return;
    case PX_CT_INLINE:
    case PX_CT_A:
        emit_children(e, n, depth);
        return;
    default:
        emit_block(e, n, c, depth);
        return;
    }
}

static void
emit_children(emitter *e, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content != NULL) {
                const char *s = (const char *)c->content;
                add_text(e, s, strlen(s));
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            emit_element(e, c, depth + 1);
        }
    }
}

static void
emit_container(emitter *e, xmlNodePtr n, const px_cnode *c)
{
    if (c != NULL && c->tag == PX_CT_TABLE && is_data_table(e, c)) {
        emit_table(e, n, 0);
    } else {
        emit_children(e, n, 0);
    }
    flush(e);
}

static px_status
finish(emitter *e, px_article *a, px_error *err)
{
    flush(e);
    cut_tail(e);
    if (e->failed || e->buf.failed) {
        return px_fail(err, PX_ENOMEM, "content: out of memory");
    }
    px_para_in *in = px_malloc((e->n > 0 ? e->n : 1) * sizeof *in);
    if (in == NULL) {
        return px_fail(err, PX_ENOMEM, "content: out of memory");
    }
    for (size_t i = 0; i < e->n; i++) {
        in[i].text = (px_str){e->buf.ptr + e->paras[i].off, e->paras[i].len};
        in[i].kind = e->paras[i].kind;
    }
    const px_status rc = px_article_set_paras(a, in, e->n, err);
    px_free(in);
    return rc;
}

px_status
px_content_emit(const px_cdoc *d, xmlNodePtr container, px_article *a,
                px_error *err)
{
    emitter *e = px_calloc(1, sizeof *e);
    if (e == NULL) {
        return px_fail(err, PX_ENOMEM, "content: out of memory");
    }
    e->d = d;
    px_buf_init(&e->buf);
    collapse_into(d->title, e->title, sizeof e->title, &e->title_len);
    collapse_into(d->og_title, e->og, sizeof e->og, &e->og_len);
    xmlNodePtr first =
        container->parent != NULL && container->parent->type == XML_ELEMENT_NODE
            ? container->parent->children
            : container;
    for (xmlNodePtr n = first; n != NULL; n = n->next) {
        const px_cnode *c = px_cdoc_get(d, n);
        if (n == container) {
            emit_container(e, n, c);
        } else if (c != NULL && (c->flags & PX_CF_SIBLING)) {
            emit_element(e, n, 1);
        }
        if (first == container) {
            break;
        }
    }
    const px_status rc = finish(e, a, err);
    px_buf_fini(&e->buf);
    px_free(e->paras);
    px_free(e);
    return rc;
}
