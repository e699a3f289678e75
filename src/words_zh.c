/* words_zh.c - Chinese word segmentation: forward maximum matching over the
 * lexicon's Chinese keys (its words and concept forms; PX_LEX_PREFIX says a
 * longer entry exists), with ICU's dictionary breaks for characters the
 * lexicon does not start a word with. A matched word with neither senses
 * nor stopword status that is a stopword and another word with senses is
 * cut in two (他的 is 他 + 的).
 *
 * Matching runs on the key of the run (traditional folded to simplified),
 * and every key character is tied to the original characters it came from,
 * so units keep offsets into the original text even where folding changes
 * byte lengths. When the run's key has as many characters as the run, they
 * pair one to one; otherwise each character is keyed alone.
 */
#include <string.h>

#include <unicode/utf8.h>

#include "words_int.h"

/* The longest word matched, in characters. */
#define ZH_MAX_CHARS 16

px_status
px_words_add_bound(px_words *w, size_t b, px_error *err)
{
    if (w->n_bounds == w->bounds_cap) {
        const size_t cap = w->bounds_cap ? w->bounds_cap * 2 : 64;
        size_t *v = px_realloc(w->bounds, cap * sizeof *v);
        if (v == NULL) {
            return px_fail(err, PX_ENOMEM, "words: out of memory");
        }
        w->bounds = v;
        w->bounds_cap = cap;
    }
    w->bounds[w->n_bounds++] = b;
    return PX_OK;
}

static bool
grow_chars(px_words *w, size_t n)
{
    if (n + 1 <= w->co_cap) {
        return true;
    }
    size_t cap = w->co_cap ? w->co_cap : 256;
    while (cap < n + 1) {
        cap *= 2;
    }
    size_t *co = px_realloc(w->co, cap * sizeof *co);
    if (co != NULL) {
        w->co = co;
    }
    size_t *ko = co != NULL ? px_realloc(w->ko, cap * sizeof *ko) : NULL;
    if (ko == NULL) {
        return false;
    }
    w->ko = ko;
    w->co_cap = cap;
    return true;
}

/* Fills w->co with the character offsets of text[off, end); their count. */
static size_t
run_chars(px_words *w, px_str text, size_t off, size_t end)
{
    size_t nc = 0;
    int32_t i = (int32_t)off;
    while ((size_t)i < end) {
        w->co[nc++] = (size_t)i;
        U8_FWD_1(text.ptr, i, (int32_t)end);
    }
    w->co[nc] = end;
    return nc;
}

/* Keys each character alone, so key characters map to their source. */
static px_status
key_each(split *sp, size_t nc, px_error *err)
{
    px_words *w = sp->w;
    w->run.len = 0;
    for (size_t i = 0; i < nc; i++) {
        w->ko[i] = w->run.len;
        const px_str c = {sp->text.ptr + w->co[i], w->co[i + 1] - w->co[i]};
        const px_status rc = px_wordkey_key(w->wk, sp->lang, c, &w->key, err);
        if (rc != PX_OK) {
            return rc;
        }
        px_buf_add(&w->run, w->key.ptr, w->key.len);
    }
    w->ko[nc] = w->run.len;
    return px_buf_failed(&w->run)
               ? px_fail(err, PX_ENOMEM, "words: out of memory")
               : PX_OK;
}

/* Appends the run text[off, end) to w->zh_runs. */
static bool
add_run(px_words *w, const char *off, const char *end)
{
    if (w->n_zh == w->zh_cap) {
        const size_t cap = w->zh_cap ? w->zh_cap * 2 : 256;
        px_str *runs = px_realloc(w->zh_runs, cap * sizeof *runs);
        if (runs != NULL) {
            w->zh_runs = runs;
        }
        size_t *ends =
            runs != NULL ? px_realloc(w->zh_ends, cap * sizeof *ends) : NULL;
        if (ends == NULL) {
            return false;
        }
        w->zh_ends = ends;
        w->zh_cap = cap;
    }
    w->zh_runs[w->n_zh++] = (px_str){off, (size_t)(end - off)};
    return true;
}

px_status
px_words_zh_prepare(split *sp, px_error *err)
{
    px_words *w = sp->w;
    w->n_zh = 0;
    if (!sp->is_chinese || !px_wordkey_folds(sp->lang)) {
        return PX_OK;
    }
    const unsigned char *p = (const unsigned char *)sp->text.ptr;
    const size_t len = sp->text.len;
    for (size_t i = 0; i < len;) {
        if (px_unified_han_at(p, i, len) == 0) {
            i++;
            continue;
        }
        const size_t start = i;
        while (i < len && px_unified_han_at(p, i, len) != 0) {
            i += 3;
        }
        if (!add_run(w, sp->text.ptr + start, sp->text.ptr + i)) {
            return px_fail(err, PX_ENOMEM, "words: out of memory");
        }
    }
    return px_wordkey_keys(w->wk, sp->lang, w->zh_runs, w->n_zh, &w->zh_keys,
                           w->zh_ends, err);
}

/* The key of the run s when px_words_zh_prepare keyed it: true, and
 * w->run holds it. */
static bool
prepared_key(px_words *w, px_str s)
{
    size_t lo = 0;
    size_t hi = w->n_zh;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (w->zh_runs[mid].ptr < s.ptr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == w->n_zh || w->zh_runs[lo].ptr != s.ptr ||
        w->zh_runs[lo].len != s.len) {
        return false;
    }
    const size_t from = lo > 0 ? w->zh_ends[lo - 1] : 0;
    w->run.len = 0;
    px_buf_add(&w->run, w->zh_keys.ptr + from, w->zh_ends[lo] - from);
    return true;
}

/* Keys the run and fills w->ko, the key offset of each character. */
static px_status
key_run(split *sp, size_t off, size_t end, size_t nc, px_error *err)
{
    px_words *w = sp->w;
    const px_str s = {sp->text.ptr + off, end - off};
    const px_status rc = prepared_key(w, s)
                             ? PX_OK
                             : px_wordkey_key(w->wk, sp->lang, s, &w->run, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (px_buf_failed(&w->run)) {
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < w->run.len; i++) {
        if (((unsigned char)w->run.ptr[i] & 0xC0u) != 0x80u) {
            if (k == nc) {
                return key_each(sp, nc, err);
            }
            w->ko[k++] = i;
        }
    }
    if (k != nc) {
        return key_each(sp, nc, err);
    }
    w->ko[nc] = w->run.len;
    return PX_OK;
}

static px_str
run_key(const px_words *w, size_t i, size_t j)
{
    return (px_str){w->run.ptr + w->ko[i], w->ko[j] - w->ko[i]};
}

/* The longest lexicon word starting at character i and ending by limit, in
 * characters (0 when none); rich: only words with senses or stopwords. */
static size_t
longest(const split *sp, size_t i, size_t limit, bool rich)
{
    const px_words *w = sp->w;
    size_t best = 0;
    for (size_t n = 1; n <= ZH_MAX_CHARS && i + n <= limit; n++) {
        px_lex_hit hit;
        if (!px_lex_get_ix(w->lex, sp->lex_lang, PX_LEX_KEY,
                           run_key(w, i, i + n), &hit)) {
            break;
        }
        const uint32_t want = rich ? PX_LEX_STOP : PX_LEX_STOP | PX_LEX_WORD;
        if (hit.n_senses > 0 || (hit.flags & want) != 0) {
            best = n;
        }
        if ((hit.flags & PX_LEX_PREFIX) == 0) {
            break;
        }
    }
    return best;
}

/* True when the lexicon gives the word [i, j) senses or calls it a
 * stopword. */
static bool
is_rich(const split *sp, size_t i, size_t j)
{
    px_lex_hit hit;
    return px_lex_get_ix(sp->w->lex, sp->lex_lang, PX_LEX_KEY,
                         run_key(sp->w, i, j), &hit) &&
           (hit.n_senses > 0 || (hit.flags & PX_LEX_STOP) != 0);
}

/* True when the lexicon calls the word [i, j) a stopword. */
static bool
is_stop(const split *sp, size_t i, size_t j)
{
    px_lex_hit hit;
    return px_lex_get_ix(sp->w->lex, sp->lex_lang, PX_LEX_KEY,
                         run_key(sp->w, i, j), &hit) &&
           (hit.flags & PX_LEX_STOP) != 0;
}

/* A segmentation word without senses that is two words with senses, one
 * of them a stopword (他的, 一名, 很多 in a word list), is read as those
 * two; names (阿利耶夫, no senses either) stay whole. Returns the length
 * of the first word. */
static size_t
first_part(const split *sp, size_t i, size_t n)
{
    if (n < 2 || is_rich(sp, i, i + n)) {
        return n;
    }
    const size_t m = longest(sp, i, i + n, true);
    if (m == 0 || m == n || !is_rich(sp, i + m, i + n)) {
        return n;
    }
    return is_stop(sp, i, i + m) || is_stop(sp, i + m, i + n) ? m : n;
}

/* Characters from i to the next ICU boundary when one is at i; else 1. */
static size_t
icu_span(const px_words *w, size_t *b, size_t i, size_t nc)
{
    while (*b < w->n_bounds && w->bounds[*b] < w->co[i]) {
        (*b)++;
    }
    if (*b >= w->n_bounds || w->bounds[*b] != w->co[i]) {
        return 1;
    }
    const size_t next = *b + 1 < w->n_bounds ? w->bounds[*b + 1] : w->co[nc];
    size_t j = i + 1;
    while (j < nc && w->co[j] < next) {
        j++;
    }
    return j - i;
}

/* Segments the run text[off, end) into units; with_icu: ICU's breaks
 * (w->bounds) take the characters the lexicon starts no word with, else
 * the first such character stops the run (*is_done false). */
static px_status
segment(split *sp, size_t off, size_t end, bool with_icu, bool *is_done,
        px_error *err)
{
    px_words *w = sp->w;
    *is_done = false;
    if (!grow_chars(w, end - off)) {
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    const size_t nc = run_chars(w, sp->text, off, end);
    px_status rc = key_run(sp, off, end, nc, err);
    size_t b = 0;
    for (size_t i = 0; i < nc && rc == PX_OK;) {
        size_t n = longest(sp, i, nc, false);
        if (n == 0 && !with_icu) {
            return PX_OK;
        }
        n = n == 0 ? icu_span(w, &b, i, nc) : first_part(sp, i, n);
        rc = px_words_push(sp, w->co[i], w->co[i + n] - w->co[i],
                           run_key(w, i, i + n), UBRK_WORD_IDEO, err);
        i += n;
    }
    *is_done = rc == PX_OK;
    return rc;
}

px_status
px_words_zh_run(split *sp, size_t off, size_t end, px_error *err)
{
    bool is_done = false;
    return segment(sp, off, end, true, &is_done, err);
}

px_status
px_words_zh_count(split *sp, size_t off, size_t end, bool *is_done,
                  px_error *err)
{
    return segment(sp, off, end, false, is_done, err);
}
