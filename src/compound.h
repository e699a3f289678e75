/* compound.h - German closed compounds split into the words they are made
 * of, so that a text about the Bundesregierung meets one about the
 * Regierung, and Stadtbewohner meets Bewohner.
 *
 * A word key (px_wordkey_key, lower case) of 8 letters or more splits as
 * modifier + head when the head is the longest ending of 4 letters or more
 * that the lexicon knows (as a key or a Snowball stem) and the rest, of 4
 * letters or more (3-letter keys are mostly abbreviations: dez|ember), is
 * a word the lexicon knows too, as it is or without a linking element
 * (Fugenelement: s, es, n, en, e, er: Bundes|regierung, Arbeits|markt).
 * Neither part may be a stopword (unter|schiede and vor|stellung are not
 * compounds of a preposition), and the head may not start (at its first
 * or second letter) with the suffix -isch or -lich (drama|tische). Known
 * words split too, the lexicon lists many compounds and their parts still
 * name what they are about, but only with a head of 6 letters or more:
 * a known word ending in a short known word is mostly a coincidence
 * (regie|rung). Only one split is made (the head may be a compound
 * itself). Without a lexicon nothing splits.
 */
#ifndef PX_COMPOUND_H
#define PX_COMPOUND_H

#include <stdbool.h>

#include "lexicon.h"
#include "str.h"
#include "wordkey.h"

/* True when base (an ISO 639-3 macrolanguage code) is a language whose
 * compounds this module splits ("deu"). */
bool px_compound_lang(const char *base);

/* Splits key, a single-word key of language li of lex (px_lex_lang_index),
 * into *modifier (without its linking element) and *head, slices of key;
 * false when it is not a compound the lexicon knows the parts of. wk and
 * stem are scratch (stems of heads). */
bool px_compound_split(const px_lex *lex, int li, px_wordkey *wk,
                       const char *lang, px_str key, px_buf *stem,
                       px_str *modifier, px_str *head);

#endif /* PX_COMPOUND_H */
