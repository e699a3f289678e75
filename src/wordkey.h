/* wordkey.h - matching keys and stems of words and phrases, the one
 * normalisation shared by the lexicon builder (dictionary side) and the
 * word analysis (text side), so that both meet.
 *
 * A key is: NFKC with case folding (ICU nfkc_cf, which also drops default
 * ignorables such as ZWNJ and soft hyphens), white space runs collapsed to
 * one ASCII space and trimmed; in Arabic script tashkeel and tatweel
 * removed, alef forms (أ إ آ ٱ) unified to ا, ى to ي, ة to ه, ؤ to و, ئ to
 * ي, Persian ک ی to ك ي; traditional Chinese folded to simplified with
 * OpenCC (phrase level, Taiwan usage to mainland: 亞塞拜然 -> 阿塞拜疆) when
 * the language is "zho-Hant" (or any "zho" text with traditional forms when
 * the caller passes "zho-Hant"). Latin diacritics are kept (French needs
 * them); names compare through transliteration keys elsewhere.
 *
 * A stem is the Snowball stem of a single-word key in the language's
 * algorithm (libstemmer); in languages without one, the key of the word's
 * Hunspell lemma (lemma.h: Polish, Czech... when the dictionary is
 * installed); else the key itself.
 *
 * Languages are ISO 639-3 codes, optionally with a script subtag ("arb",
 * "zho-Hant"); px_wordkey_base gives the macrolanguage the lexicon is keyed
 * by ("arb" -> "ara", "cmn"/"zho-Hans" -> "zho").
 *
 * A px_wordkey holds per-thread state (OpenCC and Snowball handles opened on
 * first use): one per thread, not shared.
 */
#ifndef PX_WORDKEY_H
#define PX_WORDKEY_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "str.h"

typedef struct px_wordkey px_wordkey;

px_wordkey *px_wordkey_new(void);     /* NULL when out of memory */
void px_wordkey_free(px_wordkey *wk); /* NULL is a no-op */

/* Writes into out (replacing its content) the macrolanguage code of lang:
 * three lower-case letters, "und" when lang is not a language code. */
void px_wordkey_base(const char *lang, char out[4]);

/* Replaces out's content with the key of s (UTF-8; invalid bytes become
 * U+FFFD) in language lang. Fails with PX_ENOMEM only. */
px_status px_wordkey_key(px_wordkey *wk, const char *lang, px_str s,
                         px_buf *out, px_error *err);

/* True when keys in lang fold traditional Chinese to simplified. */
bool px_wordkey_folds(const char *lang);

/* Replaces out's content with the keys of parts[0..n), each what
 * px_wordkey_key gives, one after the other: the key of part i ends at
 * ends[i] (and starts at ends[i - 1], or 0). With a fold, the parts are
 * folded together, in one OpenCC call instead of one a part (the calls
 * cost more than the characters): a line feed between two keys keeps
 * their phrases apart, as none of OpenCC's holds one. Fails with PX_ENOMEM
 * only. */
px_status px_wordkey_keys(px_wordkey *wk, const char *lang, const px_str *parts,
                          size_t n, px_buf *out, size_t *ends, px_error *err);

/* Replaces out's content with the stem of key (a px_wordkey_key result of
 * one word) in lang's Snowball algorithm, else the key of its Hunspell
 * lemma, else key itself.
 * Fails with PX_ENOMEM only. */
px_status px_wordkey_stem(px_wordkey *wk, const char *lang, px_str key,
                          px_buf *out, px_error *err);

/* True when the key of any text holding the code point c is not empty:
 * c's own key is not (it is not a default ignorable, white space, Arabic
 * tashkeel or tatweel). False for c outside the BMP (not known). */
bool px_wordkey_keeps(int32_t c);

/* True when lang has a Snowball stemmer, or a Hunspell lemmatiser
 * (lemma.h) whose dictionary is installed. */
bool px_wordkey_has_stemmer(const char *lang);

/* True when lang has a Snowball stemmer. */
bool px_wordkey_has_snowball(const char *lang);

/* Arabic proclitics: the byte offsets into key (an Arabic key) at which the
 * word may start once conjunctions (و ف), prepositions (ب ك ل) and the
 * article (ال, and ل+ال written لل) are split off, from the least to the
 * most stripped, each leaving at least two letters. At most max offsets are
 * written; returns how many. 0 when nothing can be split. Callers try the
 * whole key first (ولد is a word, not و + لد), then these. */
size_t px_wordkey_ar_clitics(px_str key, size_t *offs, size_t max);

/* Arabic verb forms: the keys an Arabic word key may stand for as a verb
 * that the lexicon lists (PX_LEX_VERB: a past tense, third person masculine
 * singular, or its imperfect with ي). A leading conjunction (و ف), the future
 * prefix س and the particle ل before an imperfect are split off; an
 * imperfect (person prefix ي ت ن ا, subject suffix ون ان ين وا ن) gives its
 * ي form and the past tenses its stem may have (sound and doubled verbs,
 * hollow verbs with ا for و/ي, assimilated ones with و back, defective ones
 * with final ي or ا, derived forms with their ا); a past tense with a
 * subject suffix (ت تا وا نا تم تن) gives its stem; a verbal noun of a
 * derived form (اتخاذ، ابلاغ) its verb. Candidates are written
 * into buf (cap bytes) and out[0..max) points into it, likeliest first,
 * no duplicates; returns how many (0 for keys that are not all Arabic
 * letters). Callers keep only candidates flagged PX_LEX_VERB. */
size_t px_wordkey_ar_verbs(px_str key, char *buf, size_t cap, px_str *out,
                           size_t max);

/* Arabic nominal inflection, as px_wordkey_ar_verbs writes candidates: the
 * key without a plural, dual or accusative ending (ات ين ون ان تين تان ا),
 * as it is and with ة (written ه in keys) back, and the singular of a
 * broken plural of the pattern أفعال (اعوام: عام). Any sense counts. */
size_t px_wordkey_ar_nouns(px_str key, char *buf, size_t cap, px_str *out,
                           size_t max);

/* Arabic light stem: key (an Arabic key, proclitics split or not) without
 * the article (ال, also after و ب ك ف, and لل) and then without each of
 * the suffixes ها ان ات ون ين يه ه ي in turn (ة is ه in keys), each only
 * where three letters or more remain (Larkey et al.'s light10, less its و,
 * which px_wordkey_ar_clitics splits with the lexicon's help). A slice of
 * key. Unlike Snowball's stem it neither splits و off words that begin
 * with it (وزير) nor keeps ة and its pronoun ه apart (keys unify them):
 * every form of a noun, with or without the article, meets. */
px_str px_wordkey_ar_light(px_str key);

#endif /* PX_WORDKEY_H */
