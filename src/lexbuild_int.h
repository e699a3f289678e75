/* lexbuild_int.h - the lexicon builder's state, shared by its two files:
 * lexbuild.c (collecting and ranking) and lexbuild_write.c (the file).
 * Internal. */
#ifndef PX_LEXBUILD_INT_H
#define PX_LEXBUILD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexbuild.h"
#include "lexfmt.h"
#include "wordkey.h"

#define NO_SENSE UINT32_MAX

typedef struct bentry {
    uint32_t key_off;
    uint16_t key_len;
    uint8_t lang;
    uint8_t space;
    uint32_t flags;
    uint32_t head; /* first bsense, NO_SENSE when none */
} bentry;

typedef struct bsense {
    px_concept concept;
    float weight;
    uint32_t next;
} bsense;

typedef struct bsource {
    char *name;
    char *licence;
    size_t n_forms;
} bsource;

struct px_lexb {
    px_wordkey *wk;
    px_buf key;  /* scratch: the key of the form being added */
    px_buf stem; /* scratch: its stem */
    px_buf pool; /* keys, names, glosses */
    bentry *ents;
    size_t n_ents;
    size_t cap_ents;
    px_lexf_slot *slots;
    size_t n_slots;
    bsense *senses;
    size_t n_senses;
    size_t cap_senses;
    px_lexf_concept *cons; /* cons[0] is the empty concept */
    size_t n_cons;         /* including cons[0] */
    size_t cap_cons;
    uint32_t *cslots;
    uint32_t *reach; /* at write: per concept, how many keys reach it */
    size_t n_cslots;
    px_lexf_lang langs[255];
    size_t n_langs;
    uint8_t lang_of[32768]; /* px_lexf_code_index -> language index + 1 */
    bsource *srcs;
    size_t n_srcs;
    bool failed;
    px_error err;
};

/* Records the first failure; the builder does nothing more. */
void px_lexb_fail(px_lexb *b, px_status code, const char *what);
/* Grows *arr (*cap elements of sz bytes) to hold n; false (and failed) when
 * out of memory. */
bool px_lexb_grow(px_lexb *b, void **arr, size_t *cap, size_t n, size_t sz);
/* Rebuilds the entry hash table with n slots (a power of two). */
bool px_lexb_slots_resize(px_lexb *b, size_t n);
/* Counts how many keys reach each concept (b->reach; left NULL when out
 * of memory, which only loses the tie-break). */
void px_lexb_count_reach(px_lexb *b);
/* PX_LEX_PREFIX flags, longest phrases and per-language counts. */
void px_lexb_compile_prefixes(px_lexb *b);
/* Entry e's senses ranked (name priority, weight desc) and capped into
 * *tmp (grown as needed); how many. */
size_t px_lexb_rank_senses(px_lexb *b, size_t e, px_lex_sense **tmp,
                           size_t *cap);

#endif /* PX_LEXBUILD_INT_H */
