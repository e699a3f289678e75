/* profile.h - what the story stages compare: an article as a sparse
 * feature vector and a MinHash signature.
 *
 * Features (cluster.h px_feat; the top byte of the id is the kind):
 *   PX_FK_CONCEPT  lexicon concepts of the title and text (language-free);
 *                  names and places weigh most, months and weekdays least
 *   PX_FK_STEM     content-word stems of the article's own language, cut
 *                  to their first 6 letters (Arabic words: their light
 *                  stem, px_wordkey_ar_light); the parts of a German
 *                  compound (compound.h) add theirs at half weight
 *   PX_FK_NAME     transliteration keys of names the lexicon does not hold
 *                  (capitalised unknown words, unknown Arabic and Chinese
 *                  words): weak, but they let علييف meet Aliyev
 *   PX_FK_NUMBER   figures (not date parts) by exact value
 *   PX_FK_DAY      dates the text states, resolved to the day
 * Weights grow with the logarithm of the count; the title's words count
 * three times, and so do the first 10 words of a text without a title;
 * later words and figures of the text weigh less the further they are
 * (word i: 200 / (200 + i); dates do not).
 * The signature is MinHash
 * over the keys of the text's words (not the title, so a syndicated copy
 * with a new headline still matches).
 *
 * A px_profiler holds per-thread state (word splitter, transliterator): one
 * per thread; the lexicon is shared and may be NULL (then only stems,
 * numbers, days and name keys are compared).
 */
#ifndef PX_PROFILE_H
#define PX_PROFILE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "article.h"
#include "cluster.h"
#include "dedup.h"
#include "error.h"
#include "lexicon.h"
#include "str.h"

enum {
    PX_FK_CONCEPT = 1,
    PX_FK_STEM = 2,
    PX_FK_NAME = 3,
    PX_FK_NUMBER = 4,
    PX_FK_DAY = 5
};
#define PX_FK_OF(id) ((unsigned)((id) >> 56))

typedef struct px_profile {
    char lang[16];  /* langid code of the text */
    px_feat *feats; /* arena; sorted by id, no duplicates */
    size_t n_feats;
    px_minhash sig;
    size_t n_words; /* words of the text */
} px_profile;

typedef struct px_profiler px_profiler;

/* A profiler over lex (borrowed, may be NULL). Fails with PX_ENOMEM or
 * PX_EINVAL (ICU could not open what words or names need). */
px_status px_profiler_new(const px_lex *lex, px_profiler **out, px_error *err);
void px_profiler_free(px_profiler *p);

/* Profiles an article: title and text (UTF-8), lang (a langid code, or
 * NULL to identify it from the text), anchor (publication date resolving
 * relative dates, or NULL). Results live in a. Fails with PX_ENOMEM (or
 * PX_EINVAL when ICU fails). */
px_status px_profile_build(px_profiler *p, px_str title, px_str text,
                           const char *lang, const px_date *anchor, px_arena *a,
                           px_profile *out, px_error *err);

#endif /* PX_PROFILE_H */
