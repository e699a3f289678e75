/* compound.c - German compounds split with the lexicon (see compound.h).
 *
 * Split points are tried from the left, so the first that works gives the
 * longest head; each side is looked up as a key, then (the head, which
 * carries the inflection) as a Snowball stem.
 */
#include "compound.h"

#include <string.h>

#define MIN_WORD       8 /* letters of a word worth splitting */
#define MIN_MODIFIER   4
#define MIN_HEAD       4
#define MIN_KNOWN_HEAD 6 /* ... when the whole word is known */

bool
px_compound_lang(const char *base)
{
    return base != NULL && strcmp(base, "deu") == 0;
}

/* A key the lexicon knows as a word (senses or the word flag) and not as
 * a stopword; *is_stop says whether it is one. */
static bool
known_key(const px_lex *lex, int li, px_str s, bool *is_stop)
{
    px_lex_hit hit;
    *is_stop = false;
    if (!px_lex_get_ix(lex, li, PX_LEX_KEY, s, &hit)) {
        return false;
    }
    *is_stop = (hit.flags & PX_LEX_STOP) != 0;
    return !*is_stop && (hit.n_senses > 0 || (hit.flags & PX_LEX_WORD) != 0);
}

static bool
known_head(const px_lex *lex, int li, px_wordkey *wk, const char *lang,
           px_str head, px_buf *stem)
{
    bool is_stop = false;
    if (known_key(lex, li, head, &is_stop)) {
        return true;
    }
    px_lex_hit hit;
    return !is_stop && px_wordkey_stem(wk, lang, head, stem, NULL) == PX_OK &&
           px_lex_get_ix(lex, li, PX_LEX_STEM, (px_str){stem->ptr, stem->len},
                         &hit) &&
           hit.n_senses > 0;
}

/* The modifier mod as it is or without a linking element, when the
 * lexicon knows it; its length then, else 0. */
static size_t
known_modifier(const px_lex *lex, int li, px_str mod)
{
    static const char *const links[] = {"", "s", "es", "n", "en", "e", "er"};
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        const size_t n = strlen(links[i]);
        if (mod.len < n || memcmp(mod.ptr + mod.len - n, links[i], n) != 0) {
            continue;
        }
        const px_str m = {mod.ptr, mod.len - n};
        bool is_stop = false;
        if (px_str_cp_count(m) >= MIN_MODIFIER &&
            known_key(lex, li, m, &is_stop)) {
            return m.len;
        }
    }
    return 0;
}

/* An ending that is a derivational suffix, not a word: -isch, -lich
 * (drama|tische, glück|lich). */
static bool
is_suffix(px_str head)
{
    static const char *const sufs[] = {"isch", "lich"};
    for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
        for (size_t at = 0; at <= 1 && at + 4 <= head.len; at++) {
            if (memcmp(head.ptr + at, sufs[i], 4) == 0) {
                return true;
            }
        }
    }
    return false;
}

bool
px_compound_split(const px_lex *lex, int li, px_wordkey *wk, const char *lang,
                  px_str key, px_buf *stem, px_str *modifier, px_str *head)
{
    if (lex == NULL || li < 0 || px_str_cp_count(key) < MIN_WORD ||
        memchr(key.ptr, ' ', key.len) != NULL) {
        return false;
    }
    size_t letters = 0;
    const size_t total = px_str_cp_count(key);
    const size_t min_head =
        known_head(lex, li, wk, lang, key, stem) ? MIN_KNOWN_HEAD : MIN_HEAD;
    for (size_t i = 1; i < key.len; i++) {
        if (((unsigned char)key.ptr[i] & 0xC0) == 0x80) {
            continue; /* not a code point boundary */
        }
        letters++;
        if (total - letters < min_head) {
            break;
        }
        if (letters < MIN_MODIFIER) {
            continue;
        }
        const px_str h = {key.ptr + i, key.len - i};
        if (is_suffix(h) || !known_head(lex, li, wk, lang, h, stem)) {
            continue;
        }
        const size_t m = known_modifier(lex, li, (px_str){key.ptr, i});
        if (m > 0) {
            *modifier = (px_str){key.ptr, m};
            *head = h;
            return true;
        }
    }
    return false;
}
