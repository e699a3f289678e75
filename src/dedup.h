/* dedup.h - near-duplicate detection: MinHash signatures over word
 * shingles, LSH buckets, copy groups.
 *
 * A document is a sequence of word keys (wordkey.h); its shingles are the
 * hashes of every run of PX_SHINGLE_K consecutive keys (a short document
 * uses shorter runs, so that a headline-only copy still has shingles).
 * px_minhash_of turns the shingles into PX_MINHASH_N minimum hashes under
 * independent multiply-shift permutations; the share of equal positions of
 * two signatures estimates the Jaccard similarity of the shingle sets.
 *
 * A px_dedup indexes signatures in PX_LSH_BANDS bands of PX_LSH_ROWS rows:
 * two documents become candidates when a whole band agrees (likely above
 * about 0.4 Jaccard), and are joined into one copy group when the estimated
 * similarity reaches the threshold. Groups are kept with union-find, so
 * copies of copies join too. Memory follows the window, not the corpus:
 * a document costs one signature, its chain links and the band keys while
 * it may still match; once forgotten (px_dedup_forget, it left the time
 * window) its record is released at the next rebuild of the tables, and
 * what stays of it is its copy group, only when it has one (a hash map
 * entry). Document numbers never change for callers.
 */
#ifndef PX_DEDUP_H
#define PX_DEDUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "str.h"

#define PX_SHINGLE_K 3
#define PX_MINHASH_N 128
#define PX_LSH_BANDS 32
#define PX_LSH_ROWS  4
/* Default similarity at which two documents are copies. */
#define PX_DEDUP_THRESHOLD 0.5

typedef struct px_minhash {
    uint32_t h[PX_MINHASH_N];
    bool empty; /* the document had no shingles */
} px_minhash;

/* 64-bit hash of bytes (FNV-1a, then a finaliser). */
uint64_t px_hash64(const void *p, size_t n, uint64_t seed);

/* Writes into out (room for n_keys entries) the shingle hashes of the keys
 * and returns how many: n_keys - k + 1 runs of k keys, with k =
 * PX_SHINGLE_K or less for short documents. */
size_t px_shingles(const px_str *keys, size_t n_keys, uint64_t *out);

/* The signature of a set of shingle hashes (duplicates do not matter). */
void px_minhash_of(const uint64_t *shingles, size_t n, px_minhash *out);

/* Estimated Jaccard similarity, 0..1 (0 when either is empty). */
double px_minhash_sim(const px_minhash *a, const px_minhash *b);

typedef struct px_dedup px_dedup;

px_dedup *px_dedup_new(double threshold); /* NULL when out of memory */
void px_dedup_free(px_dedup *d);

/* Adds document number doc (documents are numbered 0, 1, 2... in the order
 * they are added) with its signature; joins it to the copy group of every
 * indexed document at or above the threshold. *best (if not NULL) gets the
 * most similar such document or SIZE_MAX. Fails with PX_ENOMEM only. */
px_status px_dedup_add(px_dedup *d, const px_minhash *sig, size_t *best,
                       px_error *err);

/* The copy group of doc: the smallest document number in it. */
size_t px_dedup_group(px_dedup *d, size_t doc);

/* Puts documents a and b in one copy group (a rewrite found by other
 * means); either may be forgotten or released. False (nothing changed)
 * only when out of memory. */
bool px_dedup_join(px_dedup *d, size_t a, size_t b);

/* Stops matching new documents against doc (it left the window); its group
 * stays. */
void px_dedup_forget(px_dedup *d, size_t doc);

/* Documents whose records are held (not yet released), and the bytes the
 * index holds: for tests and benchmarks of the memory bound. */
size_t px_dedup_n_held(const px_dedup *d);
size_t px_dedup_bytes(const px_dedup *d);

#endif /* PX_DEDUP_H */
