/* eval.h - scoring the extractor on the benchmark datasets, each with its
 * own published metric (see ../shared/data/extraction/README.md):
 * scrapinghub-aeb (shingle P/R/F1, accuracy), trafilatura-eval (with/without
 * segments), wcxb (bag-of-words macro P/R/F1), zh-cwced (scrapinghub metric
 * plus a CJK character-bigram score). Dates and titles are scored where gold
 * exists. The dataset kind is recognised from the folder's files.
 */
#ifndef PX_EVAL_H
#define PX_EVAL_H

#include <stddef.h>

#include "parallax.h"
#include "str.h"

typedef struct px_prf {
    double p, r, f1, accuracy;
    size_t n_pages;
} px_prf;

/* Scrapinghub metric over parallel arrays of (gold, predicted) texts. A NULL
 * predicted text counts as empty. */
px_prf px_eval_shingle_score(const px_str *gold, const px_str *pred, size_t n);

/* WCXB metric (lower-cased \w+ bag of words, macro average). */
px_prf px_eval_bow_score(const px_str *gold, const px_str *pred, size_t n);

/* Character-bigram P/R/F1 for CJK text (macro average). */
px_prf px_eval_cjk_score(const px_str *gold, const px_str *pred, size_t n);

#endif /* PX_EVAL_H */
