/* lexicon.h - the compiled concept lexicon, read-only at run time.
 *
 * One versioned binary file (written by lexbuild.c, `parallax lexicon
 * build`) maps (language, key) to a short list of weighted concept ids.
 * Keys are px_wordkey_key results (wordkey.h); multi-word phrases are the
 * keys of their words joined by one ASCII space (no space in Chinese and
 * Japanese, where a phrase is the concatenated key). Stems of single words
 * (px_wordkey_stem) are a separate key space, looked up with PX_LEX_STEM.
 *
 * Languages are macrolanguage codes (px_wordkey_base: "eng", "ara", "zho",
 * "fra", ...); "und" holds forms that are the same in every language using a
 * script (Latin-script names, digits).
 *
 * A concept id is a 32-bit number; each has a name ("c:AZ" country,
 * "r:AZ-BA" region, "g:587084" GeoNames place, "n:ilham-aliyev" person or
 * organisation, "w:war" English pivot word, ...) and an English gloss for
 * display. Entries also carry flags: PX_LEX_PREFIX when some longer entry
 * of the language starts with this key (followed by a space, or for Chinese
 * by more characters), so longest-first phrase matching and Chinese maximum
 * matching know when to stop; PX_LEX_WORD when the key is a known word of
 * the language (segmentation list), with or without concepts; PX_LEX_STOP
 * when it is a stopword.
 *
 * The file is memory-mapped; lookups allocate nothing and are thread-safe.
 */
#ifndef PX_LEXICON_H
#define PX_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "str.h"

typedef uint32_t px_concept;

typedef struct px_lex_sense {
    px_concept concept;
    float weight; /* 0..1: how surely the key means this concept */
} px_lex_sense;

enum {
    PX_LEX_PREFIX = 1u, /* a longer entry starts with this key */
    PX_LEX_WORD = 2u,   /* a known word of the language */
    PX_LEX_STOP = 4u,   /* a stopword of the language (stopwords-iso) */
    PX_LEX_VERB = 8u    /* a past-tense verb (Arabic: the lemma of its
                           imperfect and suffixed forms, px_wordkey_ar_verbs) */
};

typedef enum px_lex_space {
    PX_LEX_KEY = 0, /* px_wordkey_key forms and phrases */
    PX_LEX_STEM = 1 /* px_wordkey_stem forms of single words */
} px_lex_space;

typedef struct px_lex_hit {
    const px_lex_sense *senses; /* into the mapped file, by weight desc */
    uint32_t n_senses;
    uint32_t
        flags; /* PX_LEX_PREFIX | PX_LEX_WORD | PX_LEX_STOP | PX_LEX_VERB */
} px_lex_hit;

typedef struct px_lex px_lex;

/* The lexicon path: $PX_LEXICON when set, else "lexicon.plx" beside the
 * running executable, else "../lexicon.plx" from it (tests and benches live
 * one folder below the build root). Writes into out (size n). */
void px_lex_default_path(char *out, size_t n);

/* Maps the file at path. Fails with PX_EIO (missing or unreadable; the
 * message says to run `parallax lexicon build`) or PX_EPARSE (not a
 * lexicon, or another format version). */
px_status px_lex_open(const char *path, px_lex **out, px_error *err);
void px_lex_close(px_lex *lex); /* NULL is a no-op */

/* Looks key up in lang (a macrolanguage code) in the given key space. True
 * and *hit filled when the key is present (with senses, or only flags). */
bool px_lex_get(const px_lex *lex, const char *lang, px_lex_space space,
                px_str key, px_lex_hit *hit);

/* The index of lang's language in lex (a macrolanguage code, or any code
 * px_wordkey_base maps to one), or -1 when the file has none. Resolve a
 * language once with it, then look many keys up with px_lex_get_ix. */
int px_lex_lang_index(const px_lex *lex, const char *lang);

/* px_lex_get in the language at index li (px_lex_lang_index): false when
 * li is negative. */
bool px_lex_get_ix(const px_lex *lex, int li, px_lex_space space, px_str key,
                   px_lex_hit *hit);

/* The most words a phrase of lang has (1 when there are no phrases); in
 * Chinese and Japanese, whose keys have no spaces, the most characters a
 * key has (the window of maximum matching). */
unsigned px_lex_max_words(const px_lex *lex, const char *lang);

/* The name ("c:AZ") and English gloss ("Azerbaijan") of concept c; empty
 * strings for an unknown id. */
px_str px_lex_concept_name(const px_lex *lex, px_concept c);
px_str px_lex_concept_gloss(const px_lex *lex, px_concept c);

/* The concept named name, or 0 (no concept has id 0). */
px_concept px_lex_concept_by_name(const px_lex *lex, px_str name);

/* What the file holds, for `parallax lexicon info` and the benchmarks. */
typedef struct px_lex_info {
    size_t n_langs;
    size_t n_sources;
    size_t n_entries; /* (language, space, key) entries, all languages */
    size_t n_senses;
    size_t n_concepts;
    uint64_t file_len; /* bytes */
} px_lex_info;

void px_lex_get_info(const px_lex *lex, px_lex_info *info);

/* Language i (0 <= i < n_langs): its code, how many keys and stems it has
 * (entries of PX_LEX_KEY and PX_LEX_STEM). */
void px_lex_lang_at(const px_lex *lex, size_t i, char code[4], size_t *n_keys,
                    size_t *n_stems);

/* Source i (0 <= i < n_sources) as recorded by px_lexb_source; the strings
 * are borrowed from the mapping. */
void px_lex_source_at(const px_lex *lex, size_t i, px_str *name,
                      px_str *licence, uint64_t *n_forms);

/* Entry i (0 <= i < n_entries): its language, key space and key. */
void px_lex_entry_at(const px_lex *lex, size_t i, char lang[4],
                     px_lex_space *space, px_str *key);

#endif /* PX_LEXICON_H */
