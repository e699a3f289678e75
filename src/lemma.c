/* lemma.c - Hunspell lemmas of words (see lemma.h).
 *
 * Each language's handle is opened on first use; a language whose files
 * are missing is remembered as such and not tried again. Hunspell works in
 * its dictionary's encoding (ISO-8859-2 for Polish), so words go in and
 * lemmas come out through ICU converters; a word the encoding cannot hold
 * has no lemma.
 */
#include "lemma.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell/hunspell.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include "arena.h"

#define LEMMA_MAX_BYTES 128 /* longer words are not looked up */

/* Languages without a Snowball stemmer -> their Hunspell dictionary. Only
 * Polish, the one scripts/setup.sh installs and whose effect was measured
 * (eval pairs pl-pl 0.580 -> 0.602): another language's dictionary would
 * change its word keys by what happens to be installed on a machine. */
static const struct {
    const char lang[4];
    const char *dict;
} dicts[] = {
    {"pol", "pl_PL"},
};
#define N_DICTS (sizeof dicts / sizeof dicts[0])

struct px_lemma {
    Hunhandle *h[N_DICTS];
    bool tried[N_DICTS];
    bool is_utf8[N_DICTS];
    char enc[N_DICTS][32];
};

px_lemma *
px_lemma_new(void)
{
    return px_calloc(1, sizeof(px_lemma));
}

void
px_lemma_free(px_lemma *lm)
{
    if (lm == NULL) {
        return;
    }
    for (size_t i = 0; i < N_DICTS; i++) {
        if (lm->h[i] != NULL) {
            Hunspell_destroy(lm->h[i]);
        }
    }
    free(lm);
}

/* The paths of dictionary i's files; false when they are not readable. */
static bool
dict_paths(size_t i, char aff[512], char dic[512])
{
    const char *dir = getenv("PX_HUNSPELL_DIR");
    if (dir == NULL || dir[0] == '\0') {
        dir = "/usr/share/hunspell";
    }
    snprintf(aff, 512, "%s/%s.aff", dir, dicts[i].dict);
    snprintf(dic, 512, "%s/%s.dic", dir, dicts[i].dict);
    return access(aff, R_OK) == 0 && access(dic, R_OK) == 0;
}

/* Opens dictionary i unless tried before; its handle or NULL. */
static Hunhandle *
open_dict(px_lemma *lm, size_t i)
{
    if (lm->tried[i]) {
        return lm->h[i];
    }
    lm->tried[i] = true;
    char aff[512];
    char dic[512];
    if (!dict_paths(i, aff, dic)) {
        return NULL;
    }
    lm->h[i] = Hunspell_create(aff, dic);
    if (lm->h[i] == NULL) {
        return NULL;
    }
    const char *enc = Hunspell_get_dic_encoding(lm->h[i]);
    snprintf(lm->enc[i], sizeof lm->enc[i], "%s", enc != NULL ? enc : "");
    lm->is_utf8[i] = strcmp(lm->enc[i], "UTF-8") == 0;
    return lm->h[i];
}

static int
dict_index(const char *base)
{
    for (size_t i = 0; i < N_DICTS; i++) {
        if (base != NULL && strcmp(base, dicts[i].lang) == 0) {
            return (int)i;
        }
    }
    return -1;
}

bool
px_lemma_lang(const char *base)
{
    return dict_index(base) >= 0;
}

bool
px_lemma_installed(const char *base)
{
    const int i = dict_index(base);
    char aff[512];
    char dic[512];
    return i >= 0 && dict_paths((size_t)i, aff, dic);
}

/* Converts src (len bytes) from encoding `from` to `to` into dst (cap
 * bytes, NUL-terminated); false when it does not fit or convert. */
static bool
convert(const char *to, const char *from, const char *src, size_t len,
        char *dst, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n =
        ucnv_convert(to, from, dst, (int32_t)cap - 1, src, (int32_t)len, &st);
    if (U_FAILURE(st) || n < 0 || (size_t)n >= cap) {
        return false;
    }
    dst[n] = '\0';
    return true;
}

/* The shortest of Hunspell's n lemmas of word; among equals one that is
 * not word itself (Polsce: Polsce, Polska), then bytewise first. */
static const char *
pick(char **list, int n, const char *word)
{
    const char *best = NULL;
    for (int i = 0; i < n; i++) {
        const char *s = list[i];
        if (best == NULL || strlen(s) < strlen(best)) {
            best = s;
            continue;
        }
        if (strlen(s) > strlen(best)) {
            continue;
        }
        const bool s_self = strcmp(s, word) == 0;
        const bool b_self = strcmp(best, word) == 0;
        if ((b_self && !s_self) || (s_self == b_self && strcmp(s, best) < 0)) {
            best = s;
        }
    }
    return best;
}

/* Looks word (in the dictionary's encoding) up; writes its lemma in
 * UTF-8 into out. */
static bool
stem_one(px_lemma *lm, size_t i, const char *word, px_buf *out)
{
    char **list = NULL;
    const int n = Hunspell_stem(lm->h[i], &list, word);
    const char *best = pick(list, n, word);
    bool ok = best != NULL;
    if (ok && lm->is_utf8[i]) {
        px_buf_add_c(out, best);
    } else if (ok) {
        char u8[LEMMA_MAX_BYTES * 3];
        ok = convert("UTF-8", lm->enc[i], best, strlen(best), u8, sizeof u8);
        if (ok) {
            px_buf_add_c(out, u8);
        }
    }
    Hunspell_free_list(lm->h[i], &list, n);
    return ok;
}

/* word with its first letter in title case (UTF-8) into dst; false when
 * that changes nothing or does not fit. */
static bool
capitalise(px_str word, char *dst, size_t cap)
{
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(word.ptr, i, (int32_t)word.len, c);
    const UChar32 t = c >= 0 ? u_totitle(c) : c;
    if (t == c || word.len + 4 >= cap) {
        return false;
    }
    int32_t o = 0;
    UBool bad = false;
    U8_APPEND((uint8_t *)dst, o, (int32_t)cap, t, bad);
    if (bad) {
        return false;
    }
    memcpy(dst + o, word.ptr + i, word.len - (size_t)i);
    dst[(size_t)o + word.len - (size_t)i] = '\0';
    return true;
}

/* Looks the UTF-8 word up (NUL-terminated) in dictionary i. */
static bool
lookup(px_lemma *lm, size_t i, const char *word, px_buf *out)
{
    if (lm->is_utf8[i]) {
        return stem_one(lm, i, word, out);
    }
    char enc[LEMMA_MAX_BYTES + 8];
    return convert(lm->enc[i], "UTF-8", word, strlen(word), enc, sizeof enc) &&
           stem_one(lm, i, enc, out);
}

bool
px_lemma_get(px_lemma *lm, const char *base, px_str word, px_buf *out)
{
    out->len = 0;
    if (out->ptr != NULL) {
        out->ptr[0] = '\0';
    }
    const int i = dict_index(base);
    if (i < 0 || word.len == 0 || word.len > LEMMA_MAX_BYTES ||
        memchr(word.ptr, '\0', word.len) != NULL ||
        open_dict(lm, (size_t)i) == NULL) {
        return false;
    }
    char w[LEMMA_MAX_BYTES + 8];
    memcpy(w, word.ptr, word.len);
    w[word.len] = '\0';
    if (lookup(lm, (size_t)i, w, out)) {
        return !px_buf_failed(out);
    }
    return capitalise(word, w, sizeof w) && lookup(lm, (size_t)i, w, out) &&
           !px_buf_failed(out);
}
