/* analyse.h - what the article-level commands (analyse, concepts, their
 * evaluation) share: the process's lexicon and a pool of word splitters.
 *
 * The lexicon is found with px_lex_default_path and mapped on first use,
 * once per process (it stays mapped until exit); when it is missing,
 * analysis goes on without it. Word splitters hold ICU and Snowball state
 * that is slow to open, so they are pooled: take one per thread of work and
 * give it back.
 */
#ifndef PX_ANALYSE_H
#define PX_ANALYSE_H

#include "error.h"
#include "lexicon.h"
#include "words.h"

/* The process's lexicon, or NULL when there is none (thread-safe). */
const px_lex *px_analyse_lexicon(void);

/* A splitter using px_analyse_lexicon (owned until px_analyse_words_put).
 * Fails with PX_ENOMEM or PX_EINVAL (px_words_new). */
px_status px_analyse_words_get(px_words **out, px_error *err);

/* Gives w back to the pool (or frees it when the pool is full). */
void px_analyse_words_put(px_words *w);

#endif /* PX_ANALYSE_H */
