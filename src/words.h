/* words.h - an article's text as word units with byte offsets.
 *
 * px_words_split cuts a text into words: ICU word breaks (runs of letters,
 * numbers, ideographs and kana) in spaced scripts; in Chinese, forward
 * maximum matching over the lexicon's words (PX_LEX_WORD, PX_LEX_PREFIX),
 * with ICU's dictionary breaks for what the lexicon does not cover. Each
 * unit gets its matching key and stem (wordkey.h) and flags. Arabic
 * proclitics (و ف ب ك ل ال) are split off the key when the lexicon knows
 * the rest and not the whole word (without a lexicon only the article is
 * split, when three letters remain); the unit's offsets still cover the
 * whole surface word and clitic_len says how much of it was split off.
 *
 * Offsets always point into the original text, also where the key folds
 * traditional Chinese to simplified or drops marks. Without a lexicon words
 * still work (ICU breaks only, no stopwords).
 *
 * A px_words holds ICU and Snowball state: one per thread. Results live in
 * the caller's arena.
 */
#ifndef PX_WORDS_H
#define PX_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "lexicon.h"
#include "str.h"

enum {
    PX_WORD_STOP = 1u,   /* a stopword of the language (lexicon) */
    PX_WORD_NUMBER = 2u, /* digits (any script) are part of it */
    PX_WORD_CAP = 4u,    /* starts with a capital (cased scripts only) */
    PX_WORD_IDEO = 8u,   /* ideographs or kana */
    PX_WORD_KNOWN = 16u  /* the lexicon has its key or stem */
};

typedef struct px_word {
    size_t off; /* the whole surface word, clitics included */
    size_t len;
    px_str key;          /* key without the split clitics (arena) */
    px_str stem;         /* stem of key (arena; may share key's bytes) */
    px_str full_key;     /* key of the whole surface word (arena) */
    uint32_t clitic_len; /* bytes at off split off as proclitics */
    uint16_t flags;      /* PX_WORD_* */
    int16_t script;      /* ICU UScriptCode of its first letter */
} px_word;

typedef struct px_words px_words;

/* A new splitter using lex (borrowed, may be NULL) for stopwords, Arabic
 * clitics and Chinese segmentation. Fails with PX_ENOMEM or PX_EINVAL (ICU
 * could not open its word break rules). */
px_status px_words_new(const px_lex *lex, px_words **out, px_error *err);
void px_words_free(px_words *w); /* NULL is a no-op */

/* Splits text (NFC UTF-8) written in lang (a langid code: "eng", "arb",
 * "zho-Hant", ...) into words, in text order, into *out (n of them,
 * allocated in a). Fails with PX_ENOMEM, or PX_EINVAL when ICU fails. */
px_status px_words_split(px_words *w, px_str text, const char *lang,
                         px_arena *a, px_word **out, size_t *n, px_error *err);

/* The number of units px_words_split would give for text in lang, found
 * without their stems, lexicon flags and Arabic clitics (and without
 * keeping them): much faster. Fails as px_words_split does. */
px_status px_words_count(px_words *w, px_str text, const char *lang, size_t *n,
                         px_error *err);

/* The ISO 15924 code of a px_word script ("Latn", "Arab", "Hani", ...). */
const char *px_word_script_name(int script);

#endif /* PX_WORDS_H */
