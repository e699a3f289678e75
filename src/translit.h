/* translit.h - cross-script transliteration keys for names.
 *
 * A key is a coarse consonant skeleton of a name in any script, so that
 * Aliyev, علييف and 阿利耶夫 meet ("LF"). The name is romanised with ICU
 * `Any-Latin; Latin-ASCII` (after dropping the Arabic article ال at the
 * start of words and the ta marbuta ة), the ayn and hamza marks U+02BF and
 * U+02BE are removed, and the ASCII letters are mapped to classes:
 *   p b -> P   f v -> F   t d -> T   k g q c j kh gh -> K
 *   s z x sh ch th dh zh -> S   l r -> L   m n (and final ng) -> M
 * Vowels, h, w and y are dropped, repeated classes collapse to one, and the
 * words of the name are joined without spaces. Keys are ASCII upper case.
 *
 * Keys are weak evidence: they are ambiguous (Putin and Biden are both
 * "PTM"; a median English city key is shared by seven names). Use them to
 * compare names inside a candidate pair of documents, never as ids.
 *
 * A px_translit holds an ICU transliterator: one per thread, not shared.
 */
#ifndef PX_TRANSLIT_H
#define PX_TRANSLIT_H

#include <stddef.h>

#include "error.h"
#include "str.h"

typedef struct px_translit px_translit;

/* Opens the ICU transliterator (a few milliseconds). NULL with err set
 * when ICU lacks it or memory runs out. */
px_translit *px_translit_new(px_error *err);
void px_translit_free(px_translit *tr); /* NULL is a no-op */

/* Replaces out's content with the key of name (UTF-8, any script); an
 * empty key when name has no consonant. Fails with PX_ENOMEM, or PX_EINVAL
 * when ICU fails on the text. */
px_status px_translit_key(px_translit *tr, px_str name, px_buf *out,
                          px_error *err);

/* The Levenshtein distance between two keys (insertions, deletions and
 * substitutions of one class each). Keys longer than 64 bytes are
 * compared on their first 64 bytes. */
size_t px_translit_distance(px_str a, px_str b);

#endif /* PX_TRANSLIT_H */
