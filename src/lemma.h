/* lemma.h - dictionary lemmas of words in languages Snowball has no
 * stemmer for (Polish for now; Czech, Ukrainian, Croatian... would follow
 * once measured), from the Hunspell
 * dictionaries Debian installs (hunspell-pl: /usr/share/hunspell/pl_PL.aff
 * and .dic) through libhunspell's stem API.
 *
 * Slavic inflection changes the end of the stem (Polska, w Polsce; ręka,
 * ręce; rząd, rządzie), which a cut to the first letters does not join;
 * the dictionary's morphology does. A word the dictionary does not know
 * has no lemma. Where a form has several lemmas (premiera: premiera,
 * premier) the shortest is taken, so that every form of the pair gets the
 * same one; among equals one that is not the form itself (Polsce: Polsce,
 * Polska), then the bytewise first. A lower-case word the
 * dictionary lacks is tried capitalised too (polsce: Polska), since text
 * keys are case-folded and the dictionaries list names capitalised.
 *
 * The dictionary directory is $PX_HUNSPELL_DIR when set, else
 * /usr/share/hunspell. Without a dictionary for a language nothing fails:
 * px_lemma_installed says false and words keep their keys.
 *
 * A px_lemma holds one Hunspell handle per language, opened on first use
 * (about 0.2 s and 35 MB for Polish): one per thread, not shared.
 */
#ifndef PX_LEMMA_H
#define PX_LEMMA_H

#include <stdbool.h>

#include "str.h"

typedef struct px_lemma px_lemma;

px_lemma *px_lemma_new(void);     /* NULL when out of memory */
void px_lemma_free(px_lemma *lm); /* NULL is a no-op */

/* True when base (an ISO 639-3 macrolanguage code, "pol") is one this
 * module lemmatises, whether or not its dictionary is installed. */
bool px_lemma_lang(const char *base);

/* True when base is one this module lemmatises and its dictionary files
 * are there (readable; they are not opened). */
bool px_lemma_installed(const char *base);

/* Writes into out (replacing its content) the lemma of word (a single
 * case-folded word, UTF-8) in base, as the dictionary spells it (names
 * capitalised); false when there is none (out is then empty) or memory
 * ran out (px_buf_failed(out)). */
bool px_lemma_get(px_lemma *lm, const char *base, px_str word, px_buf *out);

#endif /* PX_LEMMA_H */
