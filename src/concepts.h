/* concepts.h - the language-independent concepts an article's words name.
 *
 * px_concepts_find walks the word units (words.h) left to right and maps
 * them to lexicon concepts (lexicon.h): first the longest phrase starting at
 * the word (keys joined by one space, none in Chinese and Japanese; words
 * separated by anything but white space do not form a phrase), then the
 * word's key, then for Arabic its other proclitic splits, then its stem.
 * Words in another script than the language's are also looked up in "und"
 * and, for Latin script, in English. Stopwords and numbers name nothing.
 * Each match yields every sense of the entry with the lexicon's weight.
 */
#ifndef PX_CONCEPTS_H
#define PX_CONCEPTS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "lexicon.h"
#include "str.h"
#include "words.h"

/* One concept named by words[word, word + n_words). */
typedef struct px_concept_occ {
    px_concept concept;
    float weight;
    uint32_t word;
    uint32_t n_words;
} px_concept_occ;

/* An article's concept with its summed weight. */
typedef struct px_concept_sum {
    px_concept concept;
    float weight;   /* sum over its occurrences */
    uint32_t n_occ; /* occurrences */
    uint32_t first; /* the word of its first occurrence */
} px_concept_sum;

/* Finds the concepts named by words[0..n) of text (written in lang, a
 * langid code) into *out (*n_out of them, in text order, allocated in a).
 * Fails with PX_ENOMEM only. */
px_status px_concepts_find(const px_lex *lex, px_str text, const char *lang,
                           const px_word *words, size_t n, px_arena *a,
                           px_concept_occ **out, size_t *n_out, px_error *err);

/* Sums occurrences per concept into *out (by decreasing weight, then id;
 * allocated in a). Fails with PX_ENOMEM only. */
px_status px_concepts_sum(const px_concept_occ *occ, size_t n, px_arena *a,
                          px_concept_sum **out, size_t *n_out, px_error *err);

/* True when the word counts in coverage: not a stopword, no digits, and
 * holding at least one letter. */
bool px_concepts_is_content(const px_word *w);

#endif /* PX_CONCEPTS_H */
