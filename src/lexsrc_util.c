/* lexsrc_util.c - helpers of the lexicon source readers: whole-file reading
 * (zlib reads gzip and plain files alike), a string map, and the English
 * pivot, which names w: concepts after WordNet base forms so that "wars",
 * "War" and "the war" in three dictionaries meet in one concept "w:war".
 */
#include "lexsrc_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>
#include <zlib.h>

#include "lexfmt.h"

px_status
px_lexsrc_slurp(const char *path, const char *what, const char *package,
                char **out, size_t *len, px_error *err)
{
    *out = NULL;
    *len = 0;
    gzFile f = gzopen(path, "rb");
    if (f == NULL) {
        return px_fail(err, PX_EIO, "%s: %s missing: install %s", what, path,
                       package);
    }
    px_buf b;
    px_buf_init(&b);
    int n = 0;
    do {
        if (!px_buf_reserve(&b, 1u << 20)) {
            break;
        }
        n = gzread(f, b.ptr + b.len, 1u << 20);
        if (n > 0) {
            b.len += (size_t)n;
        }
    } while (n > 0);
    const bool bad = n < 0;
    gzclose(f);
    if (bad || px_buf_failed(&b)) {
        px_buf_fini(&b);
        return px_fail(err, bad ? PX_EIO : PX_ENOMEM, "%s: %s: %s", what, path,
                       bad ? "read error" : "out of memory");
    }
    px_buf_add_byte(&b, '\0');
    b.len--;
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "%s: out of memory", what);
}

bool
px_lexsrc_line(px_str *s, px_str *line)
{
    if (s->len == 0) {
        return false;
    }
    const char *nl = memchr(s->ptr, '\n', s->len);
    const size_t n = nl != NULL ? (size_t)(nl - s->ptr) : s->len;
    *line = (px_str){s->ptr, n};
    if (line->len > 0 && line->ptr[line->len - 1] == '\r') {
        line->len--;
    }
    const size_t skip = nl != NULL ? n + 1 : n;
    s->ptr += skip;
    s->len -= skip;
    return true;
}

float
px_lexsrc_rank_weight(size_t i)
{
    static const float w[] = {0.9f, 0.7f, 0.5f};
    return i < 3 ? w[i] : 0.4f;
}

/* ---- string map -------------------------------------------------------- */

typedef struct smap_ent {
    uint32_t hash;
    uint32_t key_off;
    uint32_t key_len;
    uint32_t val;
} smap_ent;

struct px_smap {
    px_buf keys;
    smap_ent *ents;
    size_t n_ents;
    size_t cap_ents;
    uint32_t *slots; /* entry index + 1 */
    size_t n_slots;
};

px_smap *
px_smap_new(void)
{
    px_smap *m = calloc(1, sizeof *m);
    if (m == NULL) {
        return NULL;
    }
    px_buf_init(&m->keys);
    m->n_slots = 1024;
    m->slots = calloc(m->n_slots, sizeof *m->slots);
    if (m->slots == NULL) {
        free(m);
        return NULL;
    }
    return m;
}

void
px_smap_free(px_smap *m)
{
    if (m == NULL) {
        return;
    }
    px_buf_fini(&m->keys);
    free(m->ents);
    free(m->slots);
    free(m);
}

static bool
smap_rehash(px_smap *m)
{
    const size_t n = m->n_slots * 2;
    uint32_t *s = calloc(n, sizeof *s);
    if (s == NULL) {
        return false;
    }
    for (size_t e = 0; e < m->n_ents; e++) {
        size_t i = m->ents[e].hash & (n - 1);
        while (s[i] != 0) {
            i = (i + 1) & (n - 1);
        }
        s[i] = (uint32_t)(e + 1);
    }
    free(m->slots);
    m->slots = s;
    m->n_slots = n;
    return true;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t
smap_slot(const px_smap *m, px_str key, uint32_t h)
{
    size_t i = h & (m->n_slots - 1);
    for (; m->slots[i] != 0; i = (i + 1) & (m->n_slots - 1)) {
        const smap_ent *e = &m->ents[m->slots[i] - 1];
        if (e->hash == h && e->key_len == key.len &&
            memcmp(m->keys.ptr + e->key_off, key.ptr, key.len) == 0) {
            break;
        }
    }
    return i;
}

bool
px_smap_put(px_smap *m, px_str key, uint32_t v, bool or_bits)
{
    const uint32_t h = px_lexf_hash(0, 0, key.ptr, key.len);
    const size_t i = smap_slot(m, key, h);
    if (m->slots[i] != 0) {
        smap_ent *e = &m->ents[m->slots[i] - 1];
        e->val = or_bits ? e->val | v : v;
        return true;
    }
    if (v == 0 || m->keys.len + key.len >= UINT32_MAX) {
        return v == 0;
    }
    if (m->n_ents == m->cap_ents) {
        const size_t c = m->cap_ents < 1024 ? 1024 : m->cap_ents * 2;
        smap_ent *p = realloc(m->ents, c * sizeof *p);
        if (p == NULL) {
            return false;
        }
        m->ents = p;
        m->cap_ents = c;
    }
    m->ents[m->n_ents] =
        (smap_ent){h, (uint32_t)m->keys.len, (uint32_t)key.len, v};
    px_buf_add_str(&m->keys, key);
    m->slots[i] = (uint32_t)++m->n_ents;
    if (m->n_ents * 2 >= m->n_slots && !smap_rehash(m)) {
        return false;
    }
    return !px_buf_failed(&m->keys);
}

uint32_t
px_smap_get(const px_smap *m, px_str key)
{
    const uint32_t h = px_lexf_hash(0, 0, key.ptr, key.len);
    const size_t i = smap_slot(m, key, h);
    return m->slots[i] != 0 ? m->ents[m->slots[i] - 1].val : 0;
}
