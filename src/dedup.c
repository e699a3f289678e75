/* dedup.c - MinHash signatures, LSH buckets and copy groups (dedup.h).
 *
 * The LSH index is one open-addressing table per band mapping the band's
 * 64-bit key to a chain of documents (next links in the document records),
 * so adding a document costs PX_LSH_BANDS probes plus the chain lengths.
 * Forgotten documents stay in the chains but are skipped; the tables are
 * rebuilt without them when they fill up.
 *
 * Memory follows the window: the records (signature, chain links, union-find
 * parent) of documents base.. live in a ring indexed by document number.
 * At each rebuild, when no chain can point at them any more, the forgotten
 * documents at the bottom of the ring are released: a released document
 * keeps nothing unless it belongs to a copy group, and then only its group
 * (an entry doc -> parent in a hash map, so union-find still works on it).
 * Parents are always smaller document numbers, so a released document's
 * parent is released too.
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define EMPTY SIZE_MAX

typedef struct doc {
    px_minhash sig;
    size_t parent;             /* union-find */
    size_t next[PX_LSH_BANDS]; /* chain in each band's bucket */
    bool is_live;
} doc;

typedef struct slot {
    uint64_t key;
    size_t head; /* EMPTY: free slot */
} slot;

/* Released documents that are not the root of their group: doc -> parent.
 * Keys are doc + 1 (0 marks a free entry). */
typedef struct oldmap {
    uint64_t *keys;
    uint64_t *vals;
    size_t cap; /* power of two */
    size_t n;
} oldmap;

struct px_dedup {
    double threshold;
    doc *ring;       /* document x lives at ring[x & (cap_ring - 1)] */
    size_t cap_ring; /* power of two */
    size_t base;     /* documents below base are released */
    size_t n_docs;
    oldmap old;
    slot *tab[PX_LSH_BANDS];
    size_t cap_tab; /* power of two, per band */
    size_t n_keys;  /* keys per band (the largest) */
};
uint64_t
px_hash64(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ s[i]) * 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

size_t
px_shingles(const px_str *keys, size_t n_keys, uint64_t *out)
{
    if (n_keys == 0) {
        return 0;
    }
    const size_t k = n_keys < PX_SHINGLE_K ? n_keys : PX_SHINGLE_K;
    size_t n = 0;
    for (size_t i = 0; i + k <= n_keys; i++) {
        uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (size_t j = 0; j < k; j++) {
            h = px_hash64(keys[i + j].ptr, keys[i + j].len, h);
        }
        out[n++] = h;
    }
    return n;
}

/* The multiplier and offset of permutation i: odd 64-bit constants drawn
 * from a fixed splitmix64 sequence, so signatures are stable across runs. */
static void
perm(size_t i, uint64_t *a, uint64_t *b)
{
    uint64_t z =
        0x243f6a8885a308d3ULL + (uint64_t)(2 * i + 1) * 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    *a = (z ^ (z >> 31)) | 1;
    *b = px_hash64(&z, sizeof z, i);
}

void
px_minhash_of(const uint64_t *shingles, size_t n, px_minhash *out)
{
    static uint64_t mul[PX_MINHASH_N];
    static uint64_t add[PX_MINHASH_N];
    static bool ready; /* idempotent: racing threads write equal values */
    if (!ready) {
        for (size_t i = 0; i < PX_MINHASH_N; i++) {
            perm(i, &mul[i], &add[i]);
        }
        ready = true;
    }
    for (size_t i = 0; i < PX_MINHASH_N; i++) {
        out->h[i] = UINT32_MAX;
    }
    out->empty = n == 0;
    for (size_t s = 0; s < n; s++) {
        const uint64_t x = shingles[s];
        for (size_t i = 0; i < PX_MINHASH_N; i++) {
            const uint32_t h = (uint32_t)((mul[i] * x + add[i]) >> 32);
            out->h[i] = h < out->h[i] ? h : out->h[i];
        }
    }
}

double
px_minhash_sim(const px_minhash *a, const px_minhash *b)
{
    if (a->empty || b->empty) {
        return 0.0;
    }
    size_t same = 0;
    for (size_t i = 0; i < PX_MINHASH_N; i++) {
        same += a->h[i] == b->h[i];
    }
    return (double)same / PX_MINHASH_N;
}

px_dedup *
px_dedup_new(double threshold)
{
    px_dedup *d = px_calloc(1, sizeof *d);
    if (d != NULL) {
        d->threshold = threshold;
    }
    return d;
}

void
px_dedup_free(px_dedup *d)
{
    if (d == NULL) {
        return;
    }
    for (size_t i = 0; i < PX_LSH_BANDS; i++) {
        free(d->tab[i]);
    }
    free(d->ring);
    free(d->old.keys);
    free(d->old.vals);
    free(d);
}

static doc *
rec(const px_dedup *d, size_t x)
{
    return &d->ring[x & (d->cap_ring - 1)];
}

static size_t
old_slot(const oldmap *m, uint64_t key)
{
    size_t i = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (m->cap - 1);
    while (m->keys[i] != 0 && m->keys[i] != key) {
        i = (i + 1) & (m->cap - 1);
    }
    return i;
}

static bool
old_grow(oldmap *m)
{
    const size_t cap = m->cap ? m->cap * 2 : 256;
    oldmap g = {px_calloc(cap, sizeof(uint64_t)),
                px_calloc(cap, sizeof(uint64_t)), cap, m->n};
    if (g.keys == NULL || g.vals == NULL) {
        free(g.keys);
        free(g.vals);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] != 0) {
            const size_t j = old_slot(&g, m->keys[i]);
            g.keys[j] = m->keys[i];
            g.vals[j] = m->vals[i];
        }
    }
    free(m->keys);
    free(m->vals);
    *m = g;
    return true;
}

/* The parent of released document x (x itself when it is a root). */
static size_t
old_get(const oldmap *m, size_t x)
{
    if (m->cap == 0) {
        return x;
    }
    const size_t i = old_slot(m, (uint64_t)x + 1);
    return m->keys[i] != 0 ? (size_t)m->vals[i] : x;
}

/* Sets the parent of released document x; allocates only for a new key. */
static bool
old_put(oldmap *m, size_t x, size_t parent)
{
    const uint64_t key = (uint64_t)x + 1;
    if (m->cap > 0) {
        const size_t i = old_slot(m, key);
        if (m->keys[i] == key) {
            m->vals[i] = parent;
            return true;
        }
    }
    if ((m->n + 1) * 2 > m->cap && !old_grow(m)) {
        return false;
    }
    const size_t i = old_slot(m, key);
    m->keys[i] = key;
    m->vals[i] = parent;
    m->n++;
    return true;
}

static size_t
parent_of(const px_dedup *d, size_t x)
{
    return x >= d->base ? rec(d, x)->parent : old_get(&d->old, x);
}

/* Fails (out of memory) only when x is a released root. */
static bool
set_parent(px_dedup *d, size_t x, size_t parent)
{
    if (x >= d->base) {
        rec(d, x)->parent = parent;
        return true;
    }
    return old_put(&d->old, x, parent);
}

/* The root of x, halving the path (x is not a root there, so no
 * allocation). */
static size_t
find_root(px_dedup *d, size_t x)
{
    for (;;) {
        const size_t p = parent_of(d, x);
        if (p == x) {
            return x;
        }
        const size_t g = parent_of(d, p);
        (void)set_parent(d, x, g);
        x = g;
    }
}

/* The smaller root becomes the parent of the larger one. */
static bool
unite(px_dedup *d, size_t a, size_t b)
{
    a = find_root(d, a);
    b = find_root(d, b);
    if (a < b) {
        return set_parent(d, b, a);
    }
    if (b < a) {
        return set_parent(d, a, b);
    }
    return true;
}

static uint64_t
band_key(const px_minhash *s, size_t band)
{
    return px_hash64(&s->h[band * PX_LSH_ROWS], PX_LSH_ROWS * sizeof s->h[0],
                     band);
}

/* The slot of key in band's table: its own or the free one to take. */
static slot *
find_slot(px_dedup *d, size_t band, uint64_t key)
{
    const size_t mask = d->cap_tab - 1;
    size_t i = (size_t)key & mask;
    while (d->tab[band][i].head != EMPTY && d->tab[band][i].key != key) {
        i = (i + 1) & mask;
    }
    return &d->tab[band][i];
}

/* Inserts live document x into every band's table. */
static void
index_doc(px_dedup *d, size_t x)
{
    doc *r = rec(d, x);
    for (size_t band = 0; band < PX_LSH_BANDS; band++) {
        const uint64_t key = band_key(&r->sig, band);
        slot *s = find_slot(d, band, key);
        if (s->head == EMPTY) {
            s->key = key;
        }
        r->next[band] = s->head;
        s->head = x;
    }
}

/* Releases the forgotten documents at the bottom of the ring, keeping the
 * group of those that have one. Only before a rebuild: chains may point at
 * any document added since the last one. */
static bool
release(px_dedup *d)
{
    while (d->base < d->n_docs && !rec(d, d->base)->is_live) {
        const size_t x = d->base;
        const size_t root = find_root(d, x);
        if (root != x && !old_put(&d->old, x, root)) {
            return false;
        }
        d->base++;
    }
    return true;
}

/* Grows (or rebuilds without forgotten documents) the band tables so that
 * one more key fits under a 1/2 load. */
static bool
make_room(px_dedup *d)
{
    if (d->cap_tab > 0 && (d->n_keys + 1) * 2 <= d->cap_tab) {
        return true;
    }
    if (!release(d)) {
        return false;
    }
    size_t live = 0;
    for (size_t x = d->base; x < d->n_docs; x++) {
        live += rec(d, x)->is_live;
    }
    size_t cap = 64;
    while (cap < (live + 1) * 4) {
        cap *= 2;
    }
    slot *t[PX_LSH_BANDS] = {NULL};
    bool ok = true;
    for (size_t band = 0; band < PX_LSH_BANDS && ok; band++) {
        t[band] = px_malloc(cap * sizeof *t[band]);
        ok = t[band] != NULL;
    }
    for (size_t band = 0; band < PX_LSH_BANDS; band++) {
        if (!ok) { /* all tables or none, so they keep one size */
            free(t[band]);
            continue;
        }
        for (size_t i = 0; i < cap; i++) {
            t[band][i].head = EMPTY;
        }
        free(d->tab[band]);
        d->tab[band] = t[band];
    }
    if (!ok) {
        return false;
    }
    d->cap_tab = cap;
    d->n_keys = live;
    for (size_t x = d->base; x < d->n_docs; x++) {
        if (rec(d, x)->is_live) {
            index_doc(d, x);
        }
    }
    return true;
}

/* Room in the ring for one more document; a full ring doubles. */
static bool
ring_room(px_dedup *d)
{
    if (d->n_docs - d->base < d->cap_ring) {
        return true;
    }
    const size_t cap = d->cap_ring ? d->cap_ring * 2 : 256;
    doc *r = px_malloc(cap * sizeof *r);
    if (r == NULL) {
        return false;
    }
    for (size_t x = d->base; x < d->n_docs; x++) {
        r[x & (cap - 1)] = *rec(d, x);
    }
    free(d->ring);
    d->ring = r;
    d->cap_ring = cap;
    return true;
}

static bool
add_doc(px_dedup *d, const px_minhash *sig)
{
    if (!ring_room(d)) {
        return false;
    }
    doc *x = rec(d, d->n_docs);
    x->sig = *sig;
    x->parent = d->n_docs;
    x->is_live = !sig->empty;
    d->n_docs++;
    return true;
}

/* Joins the new document i to its candidates at or above the threshold. */
static size_t
match(px_dedup *d, size_t i, bool *ok)
{
    size_t best = EMPTY;
    double best_sim = 0.0;
    const px_minhash *sig = &rec(d, i)->sig;
    for (size_t band = 0; band < PX_LSH_BANDS; band++) {
        const slot *s = find_slot(d, band, band_key(sig, band));
        for (size_t j = s->head; j != EMPTY; j = rec(d, j)->next[band]) {
            const doc *y = rec(d, j);
            if (!y->is_live) {
                continue;
            }
            const double sim = px_minhash_sim(sig, &y->sig);
            if (sim >= d->threshold) {
                *ok = unite(d, i, j) && *ok;
            }
            if (sim >= d->threshold && sim > best_sim) {
                best_sim = sim;
                best = j;
            }
        }
    }
    return best;
}

px_status
px_dedup_add(px_dedup *d, const px_minhash *sig, size_t *best, px_error *err)
{
    if (best != NULL) {
        *best = EMPTY;
    }
    /* room first: a rebuild indexes the documents already added */
    if (!make_room(d) || !add_doc(d, sig)) {
        return px_fail(err, PX_ENOMEM, "dedup: out of memory");
    }
    const size_t i = d->n_docs - 1;
    if (!rec(d, i)->is_live) {
        return PX_OK;
    }
    bool ok = true;
    const size_t b = match(d, i, &ok);
    if (best != NULL) {
        *best = b;
    }
    index_doc(d, i);
    d->n_keys++;
    return ok ? PX_OK : px_fail(err, PX_ENOMEM, "dedup: out of memory");
}

size_t
px_dedup_group(px_dedup *d, size_t doc_no)
{
    return doc_no < d->n_docs ? find_root(d, doc_no) : doc_no;
}

bool
px_dedup_join(px_dedup *d, size_t a, size_t b)
{
    if (a < d->n_docs && b < d->n_docs) {
        return unite(d, a, b);
    }
    return true;
}

void
px_dedup_forget(px_dedup *d, size_t doc_no)
{
    if (doc_no >= d->base && doc_no < d->n_docs) {
        rec(d, doc_no)->is_live = false;
    }
}

size_t
px_dedup_n_held(const px_dedup *d)
{
    return d->n_docs - d->base;
}

size_t
px_dedup_bytes(const px_dedup *d)
{
    return sizeof *d + d->cap_ring * sizeof(doc) +
           d->old.cap * 2 * sizeof(uint64_t) +
           PX_LSH_BANDS * d->cap_tab * sizeof(slot);
}
