/* dedup.c - MinHash signatures, LSH buckets and copy groups (dedup.h).
 *
 * The LSH index is one open-addressing table per band mapping the band's
 * 64-bit key to a chain of documents (next links in a per-document array),
 * so adding a document costs PX_LSH_BANDS probes plus the chain lengths.
 * Forgotten documents stay in the chains but are skipped; the tables are
 * rebuilt without them when they fill up.
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

struct px_dedup {
    double threshold;
    doc *docs;
    size_t n_docs;
    size_t cap_docs;
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
    free(d->docs);
    free(d);
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

static size_t
find_root(px_dedup *d, size_t x)
{
    while (d->docs[x].parent != x) {
        d->docs[x].parent = d->docs[d->docs[x].parent].parent;
        x = d->docs[x].parent;
    }
    return x;
}

static void
unite(px_dedup *d, size_t a, size_t b)
{
    a = find_root(d, a);
    b = find_root(d, b);
    if (a < b) {
        d->docs[b].parent = a;
    } else if (b < a) {
        d->docs[a].parent = b;
    }
}

/* Inserts live document i into every band's table. */
static void
index_doc(px_dedup *d, size_t i)
{
    for (size_t band = 0; band < PX_LSH_BANDS; band++) {
        const uint64_t key = band_key(&d->docs[i].sig, band);
        slot *s = find_slot(d, band, key);
        if (s->head == EMPTY) {
            s->key = key;
        }
        d->docs[i].next[band] = s->head;
        s->head = i;
    }
}

/* Grows (or rebuilds without forgotten documents) the band tables so that
 * one more key fits under a 1/2 load. */
static bool
make_room(px_dedup *d)
{
    if (d->cap_tab > 0 && (d->n_keys + 1) * 2 <= d->cap_tab) {
        return true;
    }
    size_t live = 0;
    for (size_t i = 0; i < d->n_docs; i++) {
        live += d->docs[i].is_live;
    }
    size_t cap = 64;
    while (cap < (live + 1) * 4) {
        cap *= 2;
    }
    for (size_t band = 0; band < PX_LSH_BANDS; band++) {
        slot *t = px_malloc(cap * sizeof *t);
        if (t == NULL) {
            return false;
        }
        for (size_t i = 0; i < cap; i++) {
            t[i].head = EMPTY;
        }
        free(d->tab[band]);
        d->tab[band] = t;
    }
    d->cap_tab = cap;
    d->n_keys = live;
    for (size_t i = 0; i < d->n_docs; i++) {
        if (d->docs[i].is_live) {
            index_doc(d, i);
        }
    }
    return true;
}

static bool
add_doc(px_dedup *d, const px_minhash *sig)
{
    if (d->n_docs == d->cap_docs) {
        const size_t cap = d->cap_docs ? d->cap_docs * 2 : 256;
        doc *p = px_realloc(d->docs, cap * sizeof *p);
        if (p == NULL) {
            return false;
        }
        d->docs = p;
        d->cap_docs = cap;
    }
    doc *x = &d->docs[d->n_docs];
    x->sig = *sig;
    x->parent = d->n_docs;
    x->is_live = !sig->empty;
    d->n_docs++;
    return true;
}

/* Joins the new document i to its candidates at or above the threshold. */
static size_t
match(px_dedup *d, size_t i)
{
    size_t best = EMPTY;
    double best_sim = 0.0;
    for (size_t band = 0; band < PX_LSH_BANDS; band++) {
        const slot *s = find_slot(d, band, band_key(&d->docs[i].sig, band));
        for (size_t j = s->head; j != EMPTY; j = d->docs[j].next[band]) {
            if (!d->docs[j].is_live) {
                continue;
            }
            const double sim = px_minhash_sim(&d->docs[i].sig, &d->docs[j].sig);
            if (sim >= d->threshold) {
                unite(d, i, j);
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
    if (!d->docs[i].is_live) {
        return PX_OK;
    }
    const size_t b = match(d, i);
    if (best != NULL) {
        *best = b;
    }
    index_doc(d, i);
    d->n_keys++;
    return PX_OK;
}

size_t
px_dedup_group(px_dedup *d, size_t doc_no)
{
    return doc_no < d->n_docs ? find_root(d, doc_no) : doc_no;
}

void
px_dedup_forget(px_dedup *d, size_t doc_no)
{
    if (doc_no < d->n_docs) {
        d->docs[doc_no].is_live = false;
    }
}
