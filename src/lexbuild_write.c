/* lexbuild_write.c - compiling the builder's state into the lexicon file
 * (lexfmt.h) and writing it atomically: a temporary file beside the target,
 * flushed and synced, then renamed over it, so a reader never maps half a
 * file.
 *
 * The file gets its own string section: concept names and glosses, source
 * names and licences, and every distinct key once (a key shared by
 * languages, or by a word and its stem, is stored once), so the builder's
 * pool with its scratch copies is not written. Sense runs are shared the
 * same way: entries with the same ranked senses (a word and its stem, the
 * inflections of one lemma) point at one run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexbuild_int.h"
#include "lexsrc_int.h"

/* Everything but the builder's tables, as the file holds it. */
typedef struct wsec {
    px_lexf_source *srcs;
    px_lexf_entry *ents;
    px_lex_sense *senses;
    size_t n_senses;
    uint32_t *dir;
    unsigned bucket_bits;
    px_lexf_concept *cons;
    px_buf str;
    px_smap *keys; /* key -> offset in str + 1 */
    px_smap *runs; /* a run's bytes -> its first sense + 1 */
} wsec;

typedef struct wfile {
    FILE *f;
    uint64_t off;
    bool failed;
} wfile;

static void
put(wfile *w, const void *p, size_t n)
{
    if (!w->failed && n > 0 && fwrite(p, 1, n, w->f) != n) {
        w->failed = true;
    }
    w->off += n;
}

/* Pads to a multiple of 8 and returns the offset of the next section. */
static uint64_t
section(wfile *w)
{
    static const char zeros[8] = {0};
    put(w, zeros, (size_t)((8 - w->off % 8) % 8));
    return w->off;
}

/* Copies len bytes at off of the builder's pool into the file's strings;
 * the new offset. */
static uint32_t
str_copy(const px_lexb *b, wsec *s, uint32_t off, uint32_t len)
{
    const size_t at = s->str.len;
    px_buf_add(&s->str, b->pool.ptr + off, len);
    return (uint32_t)at;
}

static void
compile_concepts(const px_lexb *b, wsec *s)
{
    for (size_t c = 1; c < b->n_cons; c++) {
        const px_lexf_concept *k = &b->cons[c];
        px_lexf_concept *o = &s->cons[c];
        o->name_len = k->name_len;
        o->name_off = str_copy(b, s, k->name_off, k->name_len);
        o->gloss_len = k->gloss_len;
        if (k->gloss_len > 0 && k->gloss_off == k->name_off + 2) {
            o->gloss_off = o->name_off + 2; /* "w:war" glossed "war" */
        } else {
            o->gloss_off = str_copy(b, s, k->gloss_off, k->gloss_len);
        }
    }
}

static void
compile_sources(const px_lexb *b, wsec *s)
{
    for (size_t i = 0; i < b->n_srcs; i++) {
        const bsource *src = &b->srcs[i];
        px_lexf_source *o = &s->srcs[i];
        o->name_off = (uint32_t)s->str.len;
        o->name_len = (uint32_t)strlen(src->name);
        px_buf_add(&s->str, src->name, o->name_len);
        o->licence_off = (uint32_t)s->str.len;
        o->licence_len = (uint32_t)strlen(src->licence);
        px_buf_add(&s->str, src->licence, o->licence_len);
        o->n_forms = (uint64_t)src->n_forms;
    }
}

/* The offset in the file's strings of key (stored once). */
static uint32_t
key_copy(px_lexb *b, wsec *s, px_str key)
{
    const uint32_t known = px_smap_get(s->keys, key);
    if (known != 0) {
        return known - 1;
    }
    const size_t at = s->str.len;
    px_buf_add_str(&s->str, key);
    if (at >= UINT32_MAX - 1 ||
        !px_smap_put(s->keys, key, (uint32_t)at + 1, false)) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
    }
    return (uint32_t)at;
}

/* The first sense of the run tmp[0..n) in s->senses, appended unless an
 * earlier entry has the same run. */
static uint32_t
run_copy(px_lexb *b, wsec *s, const px_lex_sense *tmp, size_t n, size_t *cap)
{
    const px_str bytes = {(const char *)tmp, n * sizeof *tmp};
    const uint32_t known = n > 0 ? px_smap_get(s->runs, bytes) : 0;
    if (known != 0) {
        return known - 1;
    }
    const size_t at = s->n_senses;
    if (!px_lexb_grow(b, (void **)&s->senses, cap, at + n + 1,
                      sizeof *s->senses)) {
        return 0;
    }
    if (n > 0) {
        memcpy(s->senses + at, tmp, n * sizeof *tmp);
        if (!px_smap_put(s->runs, bytes, (uint32_t)at + 1, false)) {
            px_lexb_fail(b, PX_ENOMEM, "out of memory");
        }
    }
    s->n_senses += n;
    return (uint32_t)at;
}

static void
compile_entry(px_lexb *b, wsec *s, size_t e, size_t n, uint32_t first)
{
    const bentry *be = &b->ents[e];
    const px_str key = {b->pool.ptr + be->key_off, be->key_len};
    px_lexf_entry *o = &s->ents[e];
    memset(o, 0, sizeof *o);
    o->hash = px_lexf_hash(be->lang, be->space, key.ptr, key.len);
    o->key_off = key_copy(b, s, key);
    o->sense_first = first;
    o->key_len = (uint8_t)be->key_len;
    o->lang = be->lang;
    o->n_senses = (uint8_t)n;
    o->flags = (uint8_t)((be->flags & ~PX_LEXF_STEM_BIT) |
                         (be->space == PX_LEX_STEM ? PX_LEXF_STEM_BIT : 0));
}

/* Ranks every entry's senses into s->senses and fills s->ents. */
static void
compile_entries(px_lexb *b, wsec *s)
{
    px_lex_sense *tmp = NULL;
    size_t cap_tmp = 0;
    size_t cap = 0;
    for (size_t e = 0; e < b->n_ents && !b->failed; e++) {
        const size_t n = px_lexb_rank_senses(b, e, &tmp, &cap_tmp);
        const uint32_t first = run_copy(b, s, tmp, n, &cap);
        if (b->failed) {
            break;
        }
        compile_entry(b, s, e, n, first);
    }
    free(tmp);
}

static void
write_sections(const px_lexb *b, wfile *w, const wsec *s, px_lexf_header *h)
{
    put(w, h, sizeof *h);
    h->langs_off = section(w);
    put(w, b->langs, b->n_langs * sizeof b->langs[0]);
    h->sources_off = section(w);
    put(w, s->srcs, b->n_srcs * sizeof *s->srcs);
    h->dir_off = section(w);
    put(w, s->dir, (((size_t)1 << s->bucket_bits) + 1) * sizeof *s->dir);
    h->entries_off = section(w);
    put(w, s->ents, b->n_ents * sizeof *s->ents);
    h->senses_off = section(w);
    put(w, s->senses, s->n_senses * sizeof *s->senses);
    h->concepts_off = section(w);
    put(w, s->cons, b->n_cons * sizeof *s->cons);
    h->cslots_off = section(w);
    put(w, b->cslots, b->n_cslots * sizeof *b->cslots);
    h->strings_off = section(w);
    put(w, s->str.ptr, s->str.len);
    h->strings_len = s->str.len;
    h->file_len = section(w);
}

static void
fill_header(const px_lexb *b, const wsec *s, px_lexf_header *h)
{
    memset(h, 0, sizeof *h);
    memcpy(h->magic, PX_LEXF_MAGIC, 8);
    h->version = PX_LEXF_VERSION;
    h->header_len = sizeof *h;
    h->n_langs = (uint32_t)b->n_langs;
    h->n_sources = (uint32_t)b->n_srcs;
    h->bucket_bits = s->bucket_bits;
    h->n_entries = (uint32_t)b->n_ents;
    h->n_senses = (uint32_t)s->n_senses;
    h->n_concepts = (uint32_t)(b->n_cons - 1);
    h->n_cslots = (uint32_t)b->n_cslots;
}

/* Writes the file to tmp, then renames it over path. */
static px_status
write_file(const px_lexb *b, const wsec *s, const char *path, const char *tmp,
           px_error *err)
{
    px_lexf_header h;
    fill_header(b, s, &h);
    wfile w = {fopen(tmp, "wb"), 0, false};
    if (w.f == NULL) {
        return px_fail(err, PX_EIO, "lexicon build: %s: %s", tmp,
                       strerror(errno));
    }
    write_sections(b, &w, s, &h);
    if (!w.failed && fseek(w.f, 0, SEEK_SET) == 0) {
        put(&w, &h, sizeof h);
    } else {
        w.failed = true;
    }
    w.failed |= fflush(w.f) != 0 || fsync(fileno(w.f)) != 0;
    const int saved = errno;
    w.failed |= fclose(w.f) != 0;
    if (w.failed || rename(tmp, path) != 0) {
        const int e = w.failed ? saved : errno;
        remove(tmp);
        return px_fail(err, PX_EIO, "lexicon build: %s: %s", path, strerror(e));
    }
    return PX_OK;
}

static bool
host_is_little_endian(void)
{
    const uint16_t one = 1;
    unsigned char c;
    memcpy(&c, &one, 1);
    return c == 1;
}

static int
entry_cmp(const void *pa, const void *pb)
{
    const px_lexf_entry *a = pa;
    const px_lexf_entry *b = pb;
    if (a->hash != b->hash) {
        return a->hash < b->hash ? -1 : 1;
    }
    if (a->key_off != b->key_off) {
        return a->key_off < b->key_off ? -1 : 1;
    }
    if (a->lang != b->lang) {
        return a->lang < b->lang ? -1 : 1;
    }
    return a->flags < b->flags ? -1 : a->flags > b->flags;
}

/* Sorts the entries by hash and builds the bucket directory; false when out
 * of memory. */
static bool
compile_dir(const px_lexb *b, wsec *s)
{
    unsigned bits = 0;
    while (bits < 30 && ((size_t)PX_LEXF_BUCKET << bits) < b->n_ents) {
        bits++;
    }
    const size_t n_buckets = (size_t)1 << bits;
    s->bucket_bits = bits;
    s->dir = calloc(n_buckets + 1, sizeof *s->dir);
    if (s->dir == NULL || s->ents == NULL) {
        return false;
    }
    qsort(s->ents, b->n_ents, sizeof *s->ents, entry_cmp);
    size_t e = 0;
    for (size_t k = 0; k < n_buckets; k++) {
        s->dir[k] = (uint32_t)e;
        while (e < b->n_ents &&
               ((uint64_t)s->ents[e].hash >> (32 - bits)) == k) {
            e++;
        }
    }
    s->dir[n_buckets] = (uint32_t)e;
    return true;
}

px_status
px_lexb_write(px_lexb *b, const char *path, px_error *err)
{
    if (!host_is_little_endian()) {
        return px_fail(err, PX_EINVAL, "lexicon build: big-endian host");
    }
    px_lexb_compile_prefixes(b);
    px_lexb_count_reach(b);
    wsec s = {calloc(b->n_srcs + 1, sizeof *s.srcs),
              calloc(b->n_ents + 1, sizeof *s.ents),
              NULL,
              0,
              NULL,
              0,
              calloc(b->n_cons, sizeof *s.cons),
              {0},
              px_smap_new(),
              px_smap_new()};
    px_status rc = PX_OK;
    px_buf_add_byte(&s.str, '\0'); /* offset 0: the empty string */
    if (s.srcs == NULL || s.ents == NULL || s.cons == NULL || s.keys == NULL ||
        s.runs == NULL) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
    } else {
        compile_concepts(b, &s);
        compile_sources(b, &s);
        compile_entries(b, &s);
    }
    if (!b->failed && !compile_dir(b, &s)) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
    }
    if (px_buf_failed(&s.str) || s.str.len >= UINT32_MAX) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
    }
    if (b->failed) {
        rc = px_fail(err, b->err.code, "%s", b->err.msg);
    } else {
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
        rc = write_file(b, &s, path, tmp, err);
    }
    free(s.srcs);
    free(s.ents);
    free(s.senses);
    free(s.dir);
    free(s.cons);
    px_smap_free(s.keys);
    px_smap_free(s.runs);
    px_buf_fini(&s.str);
    return rc;
}
