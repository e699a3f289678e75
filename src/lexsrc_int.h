/* lexsrc_int.h - what the lexicon source readers (lexsrc_*.c) share:
 * reading whole (possibly gzip-compressed) files, a string map, and the
 * English pivot (WordNet lemmas and morphology) that turns English text into
 * w: concept names. Internal to the lexicon build.
 */
#ifndef PX_LEXSRC_INT_H
#define PX_LEXSRC_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "lexbuild.h"
#include "str.h"

/* Reads the whole file at path (gzip or plain) into *out (owned, free with
 * free(); NUL-terminated). A missing file fails with PX_EIO and a message
 * naming what (the source) and package (what provides it). */
px_status px_lexsrc_slurp(const char *path, const char *what,
                          const char *package, char **out, size_t *len,
                          px_error *err);

/* Splits s at the first '\n' (or its end): the line (without '\r') goes
 * into *line and s moves past it. False when s is empty. */
bool px_lexsrc_line(px_str *s, px_str *line);

/* A dictd index number (base-64 digits, most significant first). */
bool px_lexsrc_dictd_number(px_str s, size_t *out);

/* Calls fn for every entry of a dictd index (`head TAB offset TAB length`
 * lines) whose body lies inside dict (the whole uncompressed .dict). */
typedef void (*px_lexsrc_entry_fn)(void *ctx, px_str head, px_str body);
void px_lexsrc_dictd_each(px_str index, px_str dict, px_lexsrc_entry_fn fn,
                          void *ctx);

/* A map from strings to 32-bit values (0 means absent): open addressing
 * over a copy of every key. */
typedef struct px_smap px_smap;

px_smap *px_smap_new(void); /* NULL when out of memory */
void px_smap_free(px_smap *m);
/* Sets key's value (0 is not stored); false when out of memory. With
 * or_bits, ORs v into the value it has. */
bool px_smap_put(px_smap *m, px_str key, uint32_t v, bool or_bits);
uint32_t px_smap_get(const px_smap *m, px_str key);

/* WordNet parts of speech, as bits. */
enum { PX_POS_NOUN = 1u, PX_POS_VERB = 2u, PX_POS_ADJ = 4u, PX_POS_ADV = 8u };

/* The English pivot: WordNet lemmas (with their parts of speech) and
 * inflection exceptions, loaded from the wordnet folder (empty when it is
 * missing: lemmas are then the lower-cased text). */
typedef struct px_pivot px_pivot;

px_pivot *px_pivot_new(const char *wordnet_dir); /* NULL when OOM */
void px_pivot_free(px_pivot *pv);
bool px_pivot_has_wordnet(const px_pivot *pv);
/* The parts of speech WordNet knows word (lower case, '_' for spaces ok
 * or ' ') as a lemma of; 0 when none. */
uint32_t px_pivot_pos(const px_pivot *pv, px_str word);
/* The WordNet base form of a lower-case single word (morphy: exceptions,
 * then the word itself when it is a lemma, then the detachment rules);
 * word itself when none is known. Writes into out. */
void px_pivot_lemma(const px_pivot *pv, px_str word, px_buf *out);

/* The expansion ("United Nations") of an acronym ("un", lower case) that
 * WordNet lists with it in one synset; NULL when none. Borrowed. */
const char *px_pivot_acronym(const px_pivot *pv, px_str lower);

/* True when the capitalised words of phrase ("North Atlantic Treaty
 * Organization", "Federal Bureau of Investigation") spell acronym. */
bool px_lexsrc_initials(px_str acronym, px_str phrase);

/* Cleans English text (a dictionary gloss or headword) into the w: concept
 * name written into name ("w:war"): parentheses, brackets and braces
 * removed, lower-cased, leading "to ", "a ", "an ", "the " dropped, at most
 * max_words words, single words lemmatised unless is_name, acronyms
 * written in capitals expanded (UN -> w:united nations). Into gloss (when
 * not NULL) goes the cleaned text in its own case. False when nothing
 * usable is left (empty, too long, or not Latin-script text). */
bool px_pivot_name(const px_pivot *pv, px_str text, bool is_name,
                   unsigned max_words, px_buf *name, px_buf *gloss);

/* ASCII lower case of c (other bytes unchanged). */
static inline char
px_lexsrc_lower(char c)
{
    if (c >= 'A' && c <= 'Z') {
        return (char)(c + ('a' - 'A'));
    }
    return c;
}

/* c, or a space for WordNet's '_' (and for tabs). */
static inline char
px_lexsrc_space(char c)
{
    if (c == '_' || c == '\t') {
        return ' ';
    }
    return c;
}

/* Adds the English forms of concept c at 1.0: its gloss (the canonical
 * spelling) and text as the source wrote it, cleaned as px_pivot_name
 * cleans it ("ceasefire" and "cease-fire" both reach w:cease-fire). */
void px_pivot_add_english(px_lexb *b, px_str text, px_str gloss, px_concept c);

/* The senses (at most max, into out; how many) of the imperfective or
 * simplex partner of the Russian perfective verb lemma (заявить:
 * заявлять; пообещать: обещать), 0 when no partner has senses
 * (lexsrc_aspect.c). */
size_t px_lexsrc_ru_partner(px_lexb *b, px_str lemma, px_lex_sense *out,
                            size_t max);

/* The sense weight of the i-th sense (0-based) of a dictionary entry:
 * 0.9, 0.7, 0.5, then 0.4 (CONCEPTS.md). */
float px_lexsrc_rank_weight(size_t i);

#endif /* PX_LEXSRC_INT_H */
