/* words.c - word units of a text: ICU word breaks, keys and stems, Arabic
 * proclitics, and the shared bookkeeping (words_zh.c segments Chinese).
 *
 * One split keys every unit into a reused scratch buffer (w->keys) and
 * records offsets; the units and their keys are copied into the caller's
 * arena once at the end, so there is no allocation per word.
 */
#include "words.h"

#include <stdio.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "words_int.h"

px_status
px_words_new(const px_lex *lex, px_words **out, px_error *err)
{
    *out = NULL;
    px_words *w = px_calloc(1, sizeof *w);
    if (w == NULL || (w->wk = px_wordkey_new()) == NULL) {
        px_free(w);
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    w->lex = lex;
    px_buf_init(&w->key);
    px_buf_init(&w->stem);
    px_buf_init(&w->run);
    px_buf_init(&w->keys);
    px_buf_init(&w->memo);
    px_buf_init(&w->zh_keys);
    w->slots = px_calloc(PX_WORDS_MEMO_SLOTS, sizeof *w->slots);
    if (w->slots == NULL) {
        px_words_free(w);
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    px_words_fast_init();
    UErrorCode st = U_ZERO_ERROR;
    w->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
    w->ut = utext_openUTF8(NULL, "", 0, &st);
    if (U_FAILURE(st)) {
        px_words_free(w);
        return px_fail(err, PX_EINVAL, "words: ICU word breaks: %s",
                       u_errorName(st));
    }
    *out = w;
    return PX_OK;
}

void
px_words_free(px_words *w)
{
    if (w == NULL) {
        return;
    }
    ubrk_close(w->bi);
    utext_close(w->ut);
    px_wordkey_free(w->wk);
    px_buf_fini(&w->key);
    px_buf_fini(&w->stem);
    px_buf_fini(&w->run);
    px_buf_fini(&w->keys);
    px_free(w->v);
    px_free(w->co);
    px_free(w->ko);
    px_free(w->bounds);
    px_free(w->u16);
    px_free(w->u16_at);
    px_free(w->at_u16);
    px_free(w->slots);
    px_buf_fini(&w->memo);
    px_free(w->zh_runs);
    px_free(w->zh_ends);
    px_buf_fini(&w->zh_keys);
    px_free(w);
}

const char *
px_word_script_name(int script)
{
    const char *s = uscript_getShortName((UScriptCode)script);
    return s != NULL ? s : "Zyyy";
}

/* True when the lexicon holds key (in either space). */
bool
px_words_known(const split *sp, px_lex_space space, px_str key)
{
    px_lex_hit hit;
    return sp->lex_lang >= 0 && key.len > 0 &&
           px_lex_get_ix(sp->w->lex, sp->lex_lang, space, key, &hit);
}

static bool
is_mark(UChar32 c)
{
    const int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_FORMAT_CHAR || c == 0x0640;
}

/* Bytes of surf that hold its first n_letters letters, with the marks and
 * tatweels written after them (the key drops those). */
static size_t
surface_prefix(px_str surf, size_t n_letters)
{
    int32_t i = 0;
    size_t letters = 0;
    const int32_t len = (int32_t)surf.len;
    while (i < len) {
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(surf.ptr, i, len, c);
        if (is_mark(c)) {
            continue;
        }
        if (letters == n_letters) {
            return (size_t)at;
        }
        letters++;
    }
    return surf.len;
}

/* Without a lexicon: the article (ال لل وال بال فال كال) when at least
 * three letters remain. */
static size_t
article_cut(px_str key)
{
    static const char *const arts[] = {"وال", "بال", "فال", "كال", "ال", "لل"};
    for (size_t i = 0; i < sizeof arts / sizeof arts[0]; i++) {
        const size_t n = strlen(arts[i]);
        if (key.len > n && memcmp(key.ptr, arts[i], n) == 0 &&
            px_str_cp_count((px_str){key.ptr + n, key.len - n}) >= 3) {
            return n;
        }
    }
    return 0;
}

/* Whether the lexicon knows key (space PX_LEX_KEY) or its stem. */
static bool
known_in(split *sp, px_lex_space space, px_str key)
{
    px_words *w = sp->w;
    if (space == PX_LEX_KEY) {
        return px_words_known(sp, PX_LEX_KEY, key);
    }
    return px_wordkey_stem(w->wk, sp->lang, key, &w->stem, NULL) == PX_OK &&
           px_words_known(sp, PX_LEX_STEM, (px_str){w->stem.ptr, w->stem.len});
}

/* Bytes of key (an Arabic key) to split off as proclitics: none when the
 * lexicon knows the whole word, else the least stripped form it knows (as
 * a key, then as a stem), else the article. */
static size_t
arabic_cut(split *sp, px_str key)
{
    if (sp->w->lex == NULL) {
        return article_cut(key);
    }
    size_t offs[8];
    const size_t n = px_wordkey_ar_clitics(key, offs, 8);
    for (int space = PX_LEX_KEY; space <= PX_LEX_STEM; space++) {
        if (known_in(sp, (px_lex_space)space, key)) {
            return 0;
        }
        for (size_t i = 0; i < n; i++) {
            const px_str rest = {key.ptr + offs[i], key.len - offs[i]};
            if (known_in(sp, (px_lex_space)space, rest)) {
                return offs[i];
            }
        }
    }
    return article_cut(key);
}

/* Romance elisions (l’, qu’, dell’): the bytes of key up to and including
 * the apostrophe when an elided word comes before it and two letters or
 * more after it; else 0. */
static size_t
elision_cut(px_str key)
{
    static const char *const elided[] = {
        "l",    "d",     "j",     "m",      "n",      "s",      "t",
        "c",    "qu",    "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
        "un",   "all",   "dell",  "nell",   "sull",   "dall",   "quell",
        "anch", "quest", "sant",  "bell",   "coll",   "tutt",   "nessun"};
    size_t ap = 0;
    size_t ap_len = 0;
    for (size_t i = 0; i + 1 < key.len && i < 8; i++) {
        if (key.ptr[i] == '\'') {
            ap = i;
            ap_len = 1;
            break;
        }
        if (i + 2 < key.len && memcmp(key.ptr + i, "\xE2\x80\x99", 3) == 0) {
            ap = i;
            ap_len = 3;
            break;
        }
    }
    if (ap_len == 0 || key.len - ap - ap_len < 1) {
        return 0;
    }
    for (size_t i = 0; i < sizeof elided / sizeof elided[0]; i++) {
        if (strlen(elided[i]) == ap && memcmp(key.ptr, elided[i], ap) == 0) {
            return ap + ap_len;
        }
    }
    return 0;
}

/* Script, capital, digit and ideograph flags of a surface word. */
static void
surface_flags(px_str surf, int32_t status, wtmp *t)
{
    int32_t i = 0;
    const int32_t len = (int32_t)surf.len;
    bool first = true;
    t->script = USCRIPT_COMMON;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
        t->flags |= PX_WORD_NUMBER;
    }
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT) {
        t->flags |= PX_WORD_IDEO;
    }
    while (i < len) {
        UChar32 c = 0;
        U8_NEXT(surf.ptr, i, len, c);
        if (u_isdigit(c)) {
            t->flags |= PX_WORD_NUMBER;
        } else if (first && u_isalpha(c)) {
            UErrorCode st = U_ZERO_ERROR;
            const UScriptCode sc = uscript_getScript(c, &st);
            t->script = (int16_t)(U_SUCCESS(st) ? sc : USCRIPT_COMMON);
            if ((u_isupper(c) || u_istitle(c)) &&
                (sc == USCRIPT_LATIN || sc == USCRIPT_CYRILLIC ||
                 sc == USCRIPT_GREEK || sc == USCRIPT_ARMENIAN)) {
                t->flags |= PX_WORD_CAP;
            }
            first = false;
        }
    }
}

static bool
grow_words(px_words *w)
{
    if (w->n < w->cap) {
        return true;
    }
    const size_t cap = w->cap ? w->cap * 2 : 256;
    wtmp *v = px_realloc(w->v, cap * sizeof *v);
    if (v == NULL) {
        return false;
    }
    w->v = v;
    w->cap = cap;
    return true;
}

/* Appends s to w->keys; its offset there. */
static size_t
keep(px_words *w, px_str s)
{
    const size_t at = w->keys.len;
    px_buf_add(&w->keys, s.ptr, s.len);
    return at;
}

/* Stem and lexicon flags of t, whose key is in w->keys. */
static px_status
finish_word(split *sp, wtmp *t, px_error *err)
{
    px_words *w = sp->w;
    const px_str key = {w->keys.ptr + t->key_off, t->key_len};
    t->stem_off = t->key_off;
    t->stem_len = t->key_len;
    if ((t->flags & (PX_WORD_NUMBER | PX_WORD_IDEO)) == 0 && sp->has_stemmer) {
        const px_status rc =
            px_wordkey_stem(w->wk, sp->lang, key, &w->stem, err);
        if (rc != PX_OK) {
            return rc;
        }
        const px_str stem = {w->stem.ptr, w->stem.len};
        if (!px_str_eq(stem, key)) {
            t->stem_off = keep(w, stem);
            t->stem_len = stem.len;
        }
    }
    px_lex_hit hit;
    const px_str k = {w->keys.ptr + t->key_off, t->key_len};
    if (sp->lex_lang >= 0 &&
        px_lex_get_ix(w->lex, sp->lex_lang, PX_LEX_KEY, k, &hit)) {
        t->flags |= PX_WORD_KNOWN;
        t->flags |= (hit.flags & PX_LEX_STOP) ? PX_WORD_STOP : 0;
    } else if (px_words_known(
                   sp, PX_LEX_STEM,
                   (px_str){w->keys.ptr + t->stem_off, t->stem_len})) {
        t->flags |= PX_WORD_KNOWN;
    }
    return px_buf_failed(&w->keys)
               ? px_fail(err, PX_ENOMEM, "words: out of memory")
               : PX_OK;
}

px_status
px_words_push(split *sp, size_t off, size_t len, px_str key, int32_t status,
              px_error *err)
{
    px_words *w = sp->w;
    if (key.len == 0) {
        return PX_OK;
    }
    if (sp->count_only) {
        w->n++;
        return PX_OK;
    }
    if (!grow_words(w)) {
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    const px_str surf = {sp->text.ptr + off, len};
    wtmp t;
    memset(&t, 0, sizeof t);
    t.off = off;
    t.len = len;
    surface_flags(surf, status, &t);
    size_t cut = 0;
    if (t.script == USCRIPT_ARABIC && sp->is_arabic) {
        cut = arabic_cut(sp, key);
    } else if (t.script == USCRIPT_LATIN && sp->has_elision) {
        cut = elision_cut(key);
    }
    size_t clitic_len = 0;
    if (cut > 0) {
        clitic_len =
            surface_prefix(surf, px_str_cp_count((px_str){key.ptr, cut}));
    }
    if (clitic_len >= len) { /* the rest is marks and format characters */
        cut = 0;             /* only (لل؄؄؄): no split, the word stays */
        clitic_len = 0;
    }
    t.full_off = keep(w, key);
    t.full_len = key.len;
    t.key_off = t.full_off + cut;
    t.key_len = key.len - cut;
    t.clitic_len = (uint32_t)clitic_len;
    const px_status rc = finish_word(sp, &t, err);
    if (rc == PX_OK) {
        w->v[w->n++] = t;
    }
    return rc;
}

/* Forgets every remembered word. */
static void
forget(px_words *w)
{
    w->memo.len = 0;
    if (++w->memo_gen == 0) { /* wrapped: old slots could look valid */
        memset(w->slots, 0, PX_WORDS_MEMO_SLOTS * sizeof *w->slots);
        w->memo_gen = 1;
    }
}

static uint64_t
hash_bytes(px_str s)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < s.len; i++) {
        h = (h ^ (unsigned char)s.ptr[i]) * 1099511628211u;
    }
    return h | 1u;
}

/* Remembers the unit t (just added) under its surface form. */
static void
remember(px_words *w, wmemo *m, uint64_t h, px_str surf, const wtmp *t)
{
    const size_t need = surf.len + t->full_len + t->stem_len;
    if (w->memo.len + need > PX_WORDS_MEMO_BYTES) {
        forget(w);
    }
    const size_t at = w->memo.len;
    const bool stem_is_key = t->stem_off == t->key_off;
    px_buf_add_str(&w->memo, surf);
    px_buf_add(&w->memo, w->keys.ptr + t->full_off, t->full_len);
    if (!stem_is_key) {
        px_buf_add(&w->memo, w->keys.ptr + t->stem_off, t->stem_len);
    }
    if (px_buf_failed(&w->memo)) {
        m->hash = 0;
        return;
    }
    *m = (wmemo){h,
                 w->memo_gen,
                 (uint32_t)at,
                 (uint32_t)surf.len,
                 (uint32_t)t->full_len,
                 (uint32_t)(t->key_off - t->full_off),
                 (uint32_t)t->stem_len,
                 t->clitic_len,
                 t->flags,
                 t->script,
                 stem_is_key,
                 false};
}

/* Adds the unit at off from a remembered word. */
static px_status
from_memo(px_words *w, const wmemo *m, size_t off, px_error *err)
{
    if (!grow_words(w)) {
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    const char *base = w->memo.ptr + m->at + m->surf_len;
    wtmp t;
    memset(&t, 0, sizeof t);
    t.off = off;
    t.len = m->surf_len;
    t.full_off = keep(w, (px_str){base, m->full_len});
    t.full_len = m->full_len;
    t.key_off = t.full_off + m->cut;
    t.key_len = m->full_len - m->cut;
    t.stem_off = t.key_off;
    t.stem_len = t.key_len;
    if (!m->stem_is_key) {
        t.stem_off = keep(w, (px_str){base + m->full_len, m->stem_len});
        t.stem_len = m->stem_len;
    }
    t.clitic_len = m->clitic_len;
    t.flags = m->flags;
    t.script = m->script;
    w->v[w->n++] = t;
    return px_buf_failed(&w->keys)
               ? px_fail(err, PX_ENOMEM, "words: out of memory")
               : PX_OK;
}

/* True when the key of the word s cannot be empty: it has a code point
 * below U+0600 (Latin, Greek, Cyrillic, Armenian, ASCII digits and
 * separators), none of which the key drops, except the soft hyphen and the
 * combining grapheme joiner. Arabic (tatweel, marks) and the rest: false,
 * the key decides. */
static bool
surely_keyed(px_str s)
{
    const unsigned char *p = (const unsigned char *)s.ptr;
    for (size_t i = 0; i < s.len; i++) {
        if (p[i] < 0x80) {
            return true;
        }
        if (p[i] >= 0xC2 && p[i] <= 0xD7 && i + 1 < s.len &&
            !(p[i] == 0xC2 && p[i + 1] == 0xAD) &&
            !(p[i] == 0xCD && p[i + 1] == 0x8F)) {
            return true;
        }
    }
    return false;
}

/* True when a code point of s keeps its key from being empty
 * (px_wordkey_keeps): the rest of surely_keyed. */
static bool
has_kept_cp(px_str s)
{
    const int32_t n = (int32_t)s.len; /* a word: far below INT32_MAX */
    int32_t i = 0;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(s.ptr, i, n, c);
        if (px_wordkey_keeps(c)) {
            return true;
        }
    }
    return false;
}

/* True when the first code point of s keeps a key (px_wordkey_keeps): in
 * the scripts ICU breaks by dictionary, where surely_keyed reads the whole
 * word for nothing, the answer for almost every word at once. */
static bool
first_cp_keeps(px_str s)
{
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s.ptr, i, (int32_t)s.len, c); /* a word: far below INT32_MAX */
    return px_wordkey_keeps(c);
}

/* Counts the surface word surf unless its key is empty (all ignorables),
 * and remembers its key (no stem, no flags) for later counts. */
static px_status
count_word(split *sp, wmemo *m, uint64_t h, px_str surf, px_error *err)
{
    px_words *w = sp->w;
    const px_status rc = px_wordkey_key(w->wk, sp->lang, surf, &w->key, err);
    if (rc != PX_OK || w->key.len == 0) {
        return rc;
    }
    wtmp t;
    memset(&t, 0, sizeof t);
    t.full_off = keep(w, (px_str){w->key.ptr, w->key.len});
    t.full_len = w->key.len;
    t.key_off = t.stem_off = t.full_off;
    t.key_len = t.stem_len = t.full_len;
    remember(w, m, h, surf, &t);
    m->is_partial = m->hash != 0;
    w->n++;
    return px_buf_failed(&w->keys)
               ? px_fail(err, PX_ENOMEM, "words: out of memory")
               : PX_OK;
}

/* Keys the surface word text[off, off+len) and adds it, or takes it from
 * the words seen before. */
px_status
px_words_add(split *sp, size_t off, size_t len, int32_t status, px_error *err)
{
    px_words *w = sp->w;
    const px_str surf = {sp->text.ptr + off, len};
    if (sp->count_only &&
        (first_cp_keeps(surf) || surely_keyed(surf) || has_kept_cp(surf))) {
        w->n++;
        return PX_OK;
    }
    const uint64_t h = hash_bytes(surf);
    wmemo *m = &w->slots[h % PX_WORDS_MEMO_SLOTS];
    if (m->hash == h && m->gen == w->memo_gen && m->surf_len == len &&
        memcmp(w->memo.ptr + m->at, surf.ptr, len) == 0 &&
        (!m->is_partial || sp->count_only)) {
        if (sp->count_only) {
            w->n++;
            return PX_OK;
        }
        return from_memo(w, m, off, err);
    }
    if (sp->count_only) {
        return count_word(sp, m, h, surf, err);
    }
    px_status rc = px_wordkey_key(w->wk, sp->lang, surf, &w->key, err);
    const size_t n = w->n;
    if (rc == PX_OK) {
        rc = px_words_push(sp, off, len, (px_str){w->key.ptr, w->key.len},
                           status, err);
    }
    if (rc == PX_OK && w->n > n) {
        remember(w, m, h, surf, &w->v[w->n - 1]);
    }
    return rc;
}

/* Copies the units and their keys into a. */
static px_status
to_arena(px_words *w, px_arena *a, px_word **out, size_t *n, px_error *err)
{
    char *keys = px_arena_alloc(a, w->keys.len + 1);
    px_word *v = px_arena_alloc(a, (w->n + 1) * sizeof *v);
    if (keys == NULL || v == NULL) {
        return px_fail(err, PX_ENOMEM, "words: out of memory");
    }
    memcpy(keys, w->keys.ptr != NULL ? w->keys.ptr : "", w->keys.len);
    for (size_t i = 0; i < w->n; i++) {
        const wtmp *t = &w->v[i];
        v[i] = (px_word){t->off,
                         t->len,
                         {keys + t->key_off, t->key_len},
                         {keys + t->stem_off, t->stem_len},
                         {keys + t->full_off, t->full_len},
                         t->clitic_len,
                         t->flags,
                         t->script};
    }
    *out = v;
    *n = w->n;
    return PX_OK;
}

/* True for the blocks of the scripts ICU breaks with its Thai, Lao,
 * Khmer and Burmese engines (Line_Break=SA): those engines count some
 * lengths in native units, so their breaks over UTF-16 are not the breaks
 * over UTF-8 we have always given. */
static inline bool
is_sa_block(UChar32 c)
{
    return (c >= 0x0E00 && c < 0x0F00) || (c >= 0x1000 && c < 0x10A0) ||
           (c >= 0x1780 && c < 0x1800) || (c >= 0x1950 && c < 0x1AB0) ||
           (c >= 0xA9E0 && c < 0xAAE0);
}

static bool
grow_u16(px_words *w, size_t len)
{
    if (len + 1 <= w->u16_cap) { /* a unit per byte at most (BMP only) */
        return true;
    }
    UChar *u = px_realloc(w->u16, (len + 1) * sizeof *u);
    if (u != NULL) {
        w->u16 = u;
    }
    uint32_t *at =
        u != NULL ? px_realloc(w->u16_at, (len + 1) * sizeof *at) : NULL;
    if (at != NULL) {
        w->u16_at = at;
    }
    uint32_t *back =
        at != NULL ? px_realloc(w->at_u16, (len + 1) * sizeof *back) : NULL;
    if (back == NULL) {
        return false;
    }
    w->at_u16 = back;
    w->u16_cap = len + 1;
    return true;
}

/* Copies s (len bytes) into w->u16 as UTF-16, w->u16_at[k] the byte
 * offset of the code point that unit k belongs to (w->u16_at[*n16] is
 * len), w->at_u16[b] the unit of the code point byte b belongs to
 * (w->at_u16[len] is *n16); false when s is not well-formed UTF-8, holds a
 * code point outside the BMP or memory runs out. *has_sa: it holds a code
 * point of is_sa_block. */
static bool
to_utf16(px_words *w, const char *s, size_t len, int32_t *n16, bool *has_sa)
{
    if (!grow_u16(w, len)) {
        return false;
    }
    const int32_t n = (int32_t)len; /* below INT32_MAX: begin checked */
    int32_t i = 0;
    int32_t k = 0;
    bool sa = false;
    while (i < n) {
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        if (c < 0 || c >= 0x10000) {
            return false;
        }
        sa = sa || (c >= 0x0E00 && is_sa_block(c));
        w->u16_at[k] = (uint32_t)at;
        for (int32_t b = at; b < i; b++) {
            w->at_u16[b] = (uint32_t)k;
        }
        w->u16[k++] = (UChar)c;
    }
    w->u16_at[k] = (uint32_t)len;
    w->at_u16[len] = (uint32_t)k;
    w->u16_len = len;
    *n16 = k;
    *has_sa = sa;
    return true;
}

/* A UText over the text in w->u16 whose native indexes are the byte
 * offsets of the UTF-8 text (w->u16_at, w->at_u16): for ICU's dictionary
 * engines it is the UTF-8 text, whose lengths they count in bytes, but
 * ICU reads it as one chunk of UTF-16 instead of converting 32 units at a
 * time. One chunk holds the whole text: access only moves in it. */
static UBool U_CALLCONV
u8x_access(UText *ut, int64_t index, UBool forward)
{
    const px_words *w = ut->context;
    const int64_t len = (int64_t)w->u16_len;
    index = index < 0 ? 0 : index > len ? len : index;
    ut->chunkOffset = (int32_t)w->at_u16[index];
    return (UBool)(forward ? index < len : index > 0);
}

static int64_t U_CALLCONV
u8x_length(UText *ut)
{
    return (int64_t)((const px_words *)ut->context)->u16_len;
}

static int64_t U_CALLCONV
u8x_to_native(const UText *ut)
{
    return ((const px_words *)ut->context)->u16_at[ut->chunkOffset];
}

static int32_t U_CALLCONV
u8x_to_utf16(const UText *ut, int64_t index)
{
    return (int32_t)((const px_words *)ut->context)->at_u16[index];
}

static int32_t U_CALLCONV
u8x_extract(UText *ut, int64_t start, int64_t limit, UChar *dest, int32_t cap,
            UErrorCode *st)
{
    if (U_FAILURE(*st)) {
        return 0;
    }
    if (cap < 0 || (dest == NULL && cap > 0) || start > limit) {
        *st = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    const px_words *w = ut->context;
    u8x_access(ut, limit, true);
    const int32_t to = ut->chunkOffset;
    u8x_access(ut, start, true);
    const int32_t n = to - ut->chunkOffset;
    if (n > 0 && cap > 0) {
        memcpy(dest, w->u16 + ut->chunkOffset,
               (size_t)(n < cap ? n : cap) * sizeof *dest);
    }
    ut->chunkOffset = to;
    if (n < cap && dest != NULL) {
        dest[n] = 0;
    } else { /* what ICU's own providers say */
        *st = n == cap ? U_STRING_NOT_TERMINATED_WARNING
                       : U_BUFFER_OVERFLOW_ERROR;
    }
    return n;
}

/* A shallow clone, as ICU's own providers make one: dest keeps its own
 * extra storage (and how it was allocated), with src's copied in. */
static UText *U_CALLCONV
u8x_clone(UText *dest, const UText *src, UBool deep, UErrorCode *st)
{
    if (deep) {
        *st = U_UNSUPPORTED_ERROR;
    }
    dest = utext_setup(dest, src->extraSize, st);
    if (U_FAILURE(*st)) {
        return dest;
    }
    void *extra = dest->pExtra;
    const int32_t flags = dest->flags;
    memcpy(dest, src,
           (size_t)(src->sizeOfStruct < dest->sizeOfStruct
                        ? src->sizeOfStruct
                        : dest->sizeOfStruct));
    dest->pExtra = extra;
    dest->flags = flags;
    if (src->extraSize > 0) {
        memcpy(dest->pExtra, src->pExtra, (size_t)src->extraSize);
    }
    return dest;
}

static void U_CALLCONV
u8x_close(UText *ut)
{
    (void)ut; /* the text belongs to the px_words */
}

static const UTextFuncs u8x_funcs = {
    sizeof(UTextFuncs), 0,           0,    0,    u8x_clone,     u8x_length,
    u8x_access,         u8x_extract, NULL, NULL, u8x_to_native, u8x_to_utf16,
    u8x_close,          NULL,        NULL, NULL};

/* Points w->ut at the text of w->u16 as u8x_access describes. */
static UText *
open_u8x(px_words *w, int32_t n16, UErrorCode *st)
{
    UText *ut = utext_setup(w->ut, 0, st);
    if (U_FAILURE(*st)) {
        return ut;
    }
    ut->pFuncs = &u8x_funcs;
    ut->context = w;
    ut->chunkContents = w->u16;
    ut->chunkLength = n16;
    ut->chunkNativeStart = 0;
    ut->chunkNativeLimit = (int64_t)w->u16_len;
    ut->nativeIndexingLimit = 0; /* natives are always mapped */
    ut->chunkOffset = 0;
    return ut;
}

/* Points ICU's break iterator at text[from, to): as UTF-16 (ICU reads it
 * faster than UTF-8; boundaries are mapped back by w->u16_at), through
 * open_u8x where the dictionary engines count bytes, or as UTF-8 when
 * to_utf16 declines. *is16 tells whether boundaries are UTF-16 units. */
static void
set_text(px_words *w, const char *s, size_t len, bool *is16, UErrorCode *st)
{
    int32_t n16 = 0;
    bool has_sa = false;
    const bool ok = to_utf16(w, s, len, &n16, &has_sa);
    *is16 = ok && !has_sa;
    if (*is16) {
        w->ut = utext_openUChars(w->ut, w->u16, n16, st);
    } else if (ok) {
        w->ut = open_u8x(w, n16, st);
    } else {
        w->ut = utext_openUTF8(w->ut, s, (int64_t)len, st);
    }
    ubrk_setUText(w->bi, w->ut, st);
}

/* The byte offset (from the walk's start) of ICU boundary b. */
static inline size_t
byte_at(const px_words *w, bool is16, int32_t b)
{
    return is16 ? w->u16_at[b] : (size_t)b;
}

/* Walks ICU's word breaks over text[from, to); Chinese ideograph runs go
 * to px_words_zh_run. */
static px_status
walk(split *sp, size_t from, size_t to, px_error *err)
{
    px_words *w = sp->w;
    UErrorCode st = U_ZERO_ERROR;
    bool is16 = false;
    set_text(w, sp->text.ptr + from, to - from, &is16, &st);
    if (U_FAILURE(st)) {
        return px_fail(err, PX_EINVAL, "words: ICU: %s", u_errorName(st));
    }
    UBreakIterator *bi = w->bi;
    px_status rc = PX_OK;
    size_t run_off = 0;
    size_t run_end = 0;
    w->n_bounds = 0;
    int32_t b16 = ubrk_first(bi);
    while (b16 != UBRK_DONE && rc == PX_OK) {
        const int32_t e16 = ubrk_next(bi);
        if (e16 == UBRK_DONE) {
            break;
        }
        const size_t b = byte_at(w, is16, b16);
        const size_t e = byte_at(w, is16, e16);
        b16 = e16;
        const int32_t status = ubrk_getRuleStatus(bi);
        const bool ideo = status >= UBRK_WORD_IDEO && sp->is_chinese;
        if (w->n_bounds > 0 && (!ideo || from + b != run_end)) {
            rc = px_words_zh_run(sp, run_off, run_end, err);
            w->n_bounds = 0;
        }
        if (rc == PX_OK && ideo) {
            if (w->n_bounds == 0) {
                run_off = from + b;
            }
            run_end = from + e;
            rc = px_words_add_bound(w, from + b, err);
        } else if (rc == PX_OK && status != UBRK_WORD_NONE) {
            rc = px_words_add(sp, from + b, e - b, status, err);
        }
    }
    if (rc == PX_OK && w->n_bounds > 0) {
        rc = px_words_zh_run(sp, run_off, run_end, err);
    }
    return rc;
}

/* The end of the line that starts at i: just after its line feed. */
static size_t
line_end(px_str text, size_t i)
{
    const char *nl = memchr(text.ptr + i, '\n', text.len - i);
    return nl != NULL ? (size_t)(nl - text.ptr) + 1 : text.len;
}

/* Splits the text line by line: lines words_fast.c can break go there,
 * runs of other lines to ICU (line feeds are hard breaks, so the words
 * are the same as ICU's over the whole text). */
static px_status
walk_lines(split *sp, px_error *err)
{
    const px_str t = sp->text;
    size_t slow_from = 0;
    size_t i = 0;
    px_status rc = PX_OK;
    while (i < t.len && rc == PX_OK) {
        const size_t end = line_end(t, i);
        bool fast = false;
        if (sp->count_only) { /* counted first: the order changes no count */
            rc = px_words_fast_count(sp, i, end, &fast, err);
        } else {
            fast = px_words_fast_line(t, i, end);
        }
        if (rc == PX_OK && fast && slow_from < i) {
            rc = walk(sp, slow_from, i, err);
        }
        if (rc == PX_OK && fast && !sp->count_only) {
            rc = px_words_fast_split(sp, i, end, err);
        }
        if (fast) {
            slow_from = end;
        }
        i = end;
    }
    if (rc == PX_OK && slow_from < t.len) {
        rc = walk(sp, slow_from, t.len, err);
    }
    return rc;
}

/* Sets sp up for a split of text in lang (count_only: a count, which
 * needs no stems, so the stemmer, and the Hunspell files it may take, are
 * not looked for). */
static px_status
begin(px_words *w, px_str text, const char *lang, bool count_only, split *sp,
      px_error *err)
{
    *sp = (split){w,         text,  lang != NULL ? lang : "und",
                  {0},       -1,    false,
                  false,     false, false,
                  count_only};
    if (text.len > (size_t)INT32_MAX) {
        sp->text.len = 0;
        return px_fail(err, PX_EINVAL, "words: text too long (%zu bytes)",
                       text.len);
    }
    px_wordkey_base(sp->lang, sp->base);
    sp->lex_lang = w->lex != NULL ? px_lex_lang_index(w->lex, sp->base) : -1;
    sp->is_arabic = strcmp(sp->base, "ara") == 0;
    sp->has_elision =
        strcmp(sp->base, "fra") == 0 || strcmp(sp->base, "ita") == 0 ||
        strcmp(sp->base, "cat") == 0 || strcmp(sp->base, "oci") == 0;
    sp->is_chinese = strcmp(sp->base, "zho") == 0 && w->lex != NULL;
    sp->has_stemmer = !count_only && px_wordkey_has_stemmer(sp->lang);
    w->n = 0;
    w->keys.len = 0;
    if (strcmp(w->memo_lang, sp->lang) != 0) {
        forget(w);
        snprintf(w->memo_lang, sizeof w->memo_lang, "%s", sp->lang);
    }
    return px_words_zh_prepare(sp, err);
}

px_status
px_words_split(px_words *w, px_str text, const char *lang, px_arena *a,
               px_word **out, size_t *n, px_error *err)
{
    *out = NULL;
    *n = 0;
    split sp;
    px_status rc = begin(w, text, lang, false, &sp, err);
    if (rc == PX_OK) {
        rc = walk_lines(&sp, err);
    }
    return rc == PX_OK ? to_arena(w, a, out, n, err) : rc;
}

px_status
px_words_count(px_words *w, px_str text, const char *lang, size_t *n,
               px_error *err)
{
    *n = 0;
    split sp;
    px_status rc = begin(w, text, lang, true, &sp, err);
    if (rc == PX_OK) {
        rc = walk_lines(&sp, err);
    }
    *n = rc == PX_OK ? w->n : 0;
    w->n = 0;
    return rc;
}
