/* lexfmt.h - the on-disk layout of the compiled lexicon, shared by its
 * writer (lexbuild.c) and its reader (lexicon.c). Internal.
 *
 * All fields are little-endian fixed-width integers (weights IEEE-754
 * binary32); the structs below are the exact records, so a little-endian
 * host reads them in place from the mapping (the reader refuses other
 * hosts). Every section starts at a multiple of 8 bytes.
 *
 * File: px_lexf_header, then the sections it points to:
 * - langs:    n_langs px_lexf_lang (language code, longest phrase)
 * - sources:  n_sources px_lexf_source (name, licence, forms added)
 * - dir:      (1 << bucket_bits) + 1 uint32_t: entries are sorted by
 *             hash, and bucket k (the top bucket_bits bits of a hash) holds
 *             entries dir[k] .. dir[k + 1] - 1 (about PX_LEXF_BUCKET)
 * - entries:  n_entries px_lexf_entry ((lang, space, key) -> senses), sorted
 *             by hash
 * - senses:   n_senses px_lex_sense, each entry's run by weight desc (an
 *             entry's run may be another's too)
 * - concepts: n_concepts + 1 px_lexf_concept (id 0 is the empty concept)
 * - cslots:   n_cslots uint32_t concept ids, a hash table by name
 * - strings:  strings_len bytes of keys, names, glosses (not terminated)
 */
#ifndef PX_LEXFMT_H
#define PX_LEXFMT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "str.h"

#define PX_LEXF_MAGIC   "PXLEXCN\x1a"
#define PX_LEXF_VERSION 4u

typedef struct px_lexf_header {
    char magic[8];
    uint32_t version;
    uint32_t header_len; /* sizeof(px_lexf_header) */
    uint32_t n_langs;
    uint32_t n_sources;
    uint32_t bucket_bits; /* at most 30 */
    uint32_t n_entries;
    uint32_t n_senses;
    uint32_t n_concepts; /* ids 1..n_concepts */
    uint32_t n_cslots;
    uint32_t reserved;
    uint64_t langs_off;
    uint64_t sources_off;
    uint64_t dir_off;
    uint64_t entries_off;
    uint64_t senses_off;
    uint64_t concepts_off;
    uint64_t cslots_off;
    uint64_t strings_off;
    uint64_t strings_len;
    uint64_t file_len;
} px_lexf_header;

typedef struct px_lexf_lang {
    char code[4];       /* three letters and a NUL */
    uint32_t max_words; /* words (characters in zho, jpn) of the longest key */
    uint32_t n_keys;    /* entries in the PX_LEX_KEY space */
    uint32_t n_stems;   /* entries in the PX_LEX_STEM space */
} px_lexf_lang;

typedef struct px_lexf_source {
    uint32_t name_off;
    uint32_t name_len;
    uint32_t licence_off;
    uint32_t licence_len;
    uint64_t n_forms;
} px_lexf_source;

/* A slot of an open-addressing hash table (the builder's entry table). */
typedef struct px_lexf_slot {
    uint32_t hash;
    uint32_t entry; /* index + 1; 0 = empty */
} px_lexf_slot;

/* Entries per bucket of the directory, on average: the directory (4 bytes
 * per bucket, 128 KB for 2 M entries) stays in cache, and inside a bucket
 * hashes are uniform, so the reader guesses an entry's place by
 * interpolation: one memory access per lookup, most of the time. */
#define PX_LEXF_BUCKET 64u

/* An entry: 16 bytes. Its key lives in strings (the writer stores each
 * distinct key once, shared by languages and key spaces), and its senses
 * are a run in senses (runs shared by entries with the same senses). */
typedef struct px_lexf_entry {
    uint32_t hash;    /* px_lexf_hash of (lang, space, key) */
    uint32_t key_off; /* into strings */
    uint32_t sense_first;
    uint8_t key_len; /* < PX_LEXF_MAX_ENTRY_KEY */
    uint8_t lang;
    uint8_t n_senses;
    uint8_t flags; /* PX_LEX_* flags, PX_LEXF_STEM_BIT for PX_LEX_STEM */
} px_lexf_entry;

/* The bit of px_lexf_entry.flags that puts the entry in PX_LEX_STEM. */
#define PX_LEXF_STEM_BIT 0x80u

/* Longer keys are not stored (dictionary explanations, not words). */
#define PX_LEXF_MAX_ENTRY_KEY 256u

static inline unsigned
px_lexf_space(const px_lexf_entry *e)
{
    return (e->flags & PX_LEXF_STEM_BIT) != 0 ? 1u : 0u;
}

typedef struct px_lexf_concept {
    uint32_t name_off;
    uint32_t name_len;
    uint32_t gloss_off;
    uint32_t gloss_len;
} px_lexf_concept;

_Static_assert(sizeof(px_lexf_header) == 128, "header layout");
_Static_assert(sizeof(px_lexf_entry) == 16, "entry layout");
_Static_assert(sizeof(px_lex_sense) == 8, "sense layout");

/* The most senses an entry may have in a file (the builder keeps fewer). */
#define PX_LEXF_MAX_SENSES 64u

/* The longest concept name or gloss the builder takes. */
#define PX_LEXF_MAX_KEY 4096u

/* Hash of (language index, key space, key bytes): a multiplicative hash over
 * 8-byte words, folded to 32 bits. The writer and the reader must agree. */
static inline uint32_t
px_lexf_hash(unsigned lang, unsigned space, const char *key, size_t len)
{
    const uint64_t m = 0x9E3779B97F4A7C15ull;
    uint64_t h = ((uint64_t)lang << 8 | space) * m ^ (uint64_t)len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w; /* little-endian hosts only (checked by both sides) */
        memcpy(&w, key + i, 8);
        h = (h ^ w) * m;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    if (i < len) {
        memcpy(&w, key + i, len - i);
    }
    h = (h ^ w) * m;
    h ^= h >> 32;
    h *= m;
    return (uint32_t)(h >> 32);
}

/* Hash of a concept name (the cslots table). */
static inline uint32_t
px_lexf_name_hash(px_str name)
{
    return px_lexf_hash(0xff, 0xff, name.ptr, name.len);
}

/* Index of a three-letter lower-case code in a 32768-slot table, or -1 for
 * anything else. */
static inline int
px_lexf_code_index(const char *code)
{
    int v = 0;
    for (int i = 0; i < 3; i++) {
        const char c = code[i];
        if (c < 'a' || c > 'z') {
            return -1;
        }
        v = v << 5 | (c - 'a');
    }
    return v;
}

/* True for the languages whose keys have no spaces (a phrase is the
 * concatenation of its words): PX_LEX_PREFIX and max_words count
 * characters there. */
static inline int
px_lexf_unspaced(const char *code)
{
    return code[0] != '\0' &&
           (((code[0] == 'z' && code[1] == 'h' && code[2] == 'o') ||
             (code[0] == 'j' && code[1] == 'p' && code[2] == 'n')) &&
            code[3] == '\0');
}

#endif /* PX_LEXFMT_H */
