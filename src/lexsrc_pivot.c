/* lexsrc_pivot.c - the English pivot of the lexicon: w: concepts are named
 * by lower-case English lemmas, WordNet base forms where WordNet knows the
 * word ("wars" -> w:war, "children" -> w:child). Lemmas come from
 * index.{noun,verb,adj,adv}, irregular forms from the *.exc lists, regular
 * ones from WordNet's own detachment rules (morphy).
 */
#include "lexsrc_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

struct px_pivot {
    px_smap *lemmas; /* lemma ('_' as ' ') -> PX_POS_* bits */
    px_smap *exc;    /* inflected form -> offset + 1 of its base in bases */
    px_buf bases;    /* NUL-terminated base forms */
    bool has_wordnet;
};

static const char *const pos_names[] = {"noun", "verb", "adj", "adv"};

/* Lemmas of one index file: the first field of every line not starting
 * with a space (the licence header). */
static void
load_index(px_pivot *pv, const char *dir, unsigned pos, px_buf *tmp)
{
    char path[512];
    snprintf(path, sizeof path, "%s/index.%s", dir, pos_names[pos]);
    char *data = NULL;
    size_t len = 0;
    if (px_lexsrc_slurp(path, "WordNet", "wordnet-base", &data, &len, NULL) !=
        PX_OK) {
        return;
    }
    pv->has_wordnet = true;
    px_str s = {data, len};
    px_str line;
    while (px_lexsrc_line(&s, &line)) {
        const char *sp = memchr(line.ptr, ' ', line.len);
        if (line.len == 0 || line.ptr[0] == ' ' || sp == NULL) {
            continue;
        }
        tmp->len = 0;
        for (const char *p = line.ptr; p < sp; p++) {
            px_buf_add_byte(tmp, *p == '_' ? ' ' : *p);
        }
        px_smap_put(pv->lemmas, (px_str){tmp->ptr, tmp->len}, 1u << pos, true);
    }
    free(data);
}

/* Irregular forms of one exception list: "inflected base [base...]"; the
 * first base is kept. */
static void
load_exc(px_pivot *pv, const char *dir, unsigned pos)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.exc", dir, pos_names[pos]);
    char *data = NULL;
    size_t len = 0;
    if (px_lexsrc_slurp(path, "WordNet", "wordnet-base", &data, &len, NULL) !=
        PX_OK) {
        return;
    }
    px_str s = {data, len};
    px_str line;
    while (px_lexsrc_line(&s, &line)) {
        const char *sp = memchr(line.ptr, ' ', line.len);
        if (sp == NULL) {
            continue;
        }
        const px_str form = {line.ptr, (size_t)(sp - line.ptr)};
        px_str base = {sp + 1, line.len - form.len - 1};
        const char *sp2 = memchr(base.ptr, ' ', base.len);
        if (sp2 != NULL) {
            base.len = (size_t)(sp2 - base.ptr);
        }
        if (base.len == 0 || px_smap_get(pv->exc, form) != 0) {
            continue;
        }
        const uint32_t off = (uint32_t)pv->bases.len + 1;
        for (size_t i = 0; i < base.len; i++) {
            px_buf_add_byte(&pv->bases, base.ptr[i] == '_' ? ' ' : base.ptr[i]);
        }
        px_buf_add_byte(&pv->bases, '\0');
        px_smap_put(pv->exc, form, off, false);
    }
    free(data);
}

px_pivot *
px_pivot_new(const char *wordnet_dir)
{
    px_pivot *pv = calloc(1, sizeof *pv);
    if (pv == NULL) {
        return NULL;
    }
    px_buf_init(&pv->bases);
    pv->lemmas = px_smap_new();
    pv->exc = px_smap_new();
    if (pv->lemmas == NULL || pv->exc == NULL) {
        px_pivot_free(pv);
        return NULL;
    }
    px_buf tmp;
    px_buf_init(&tmp);
    for (unsigned pos = 0; pos < 4; pos++) {
        load_index(pv, wordnet_dir, pos, &tmp);
        load_exc(pv, wordnet_dir, pos);
    }
    px_buf_fini(&tmp);
    if (px_buf_failed(&pv->bases)) {
        px_pivot_free(pv);
        return NULL;
    }
    return pv;
}

void
px_pivot_free(px_pivot *pv)
{
    if (pv == NULL) {
        return;
    }
    px_smap_free(pv->lemmas);
    px_smap_free(pv->exc);
    px_buf_fini(&pv->bases);
    free(pv);
}

bool
px_pivot_has_wordnet(const px_pivot *pv)
{
    return pv->has_wordnet;
}

uint32_t
px_pivot_pos(const px_pivot *pv, px_str word)
{
    return px_smap_get(pv->lemmas, word);
}

typedef struct morph_rule {
    const char *suffix;
    const char *ending;
    uint32_t pos;
} morph_rule;

/* WordNet's morphy detachment rules, in its order. */
static const morph_rule rules[] = {
    {"s", "", PX_POS_NOUN},      {"ses", "s", PX_POS_NOUN},
    {"xes", "x", PX_POS_NOUN},   {"zes", "z", PX_POS_NOUN},
    {"ches", "ch", PX_POS_NOUN}, {"shes", "sh", PX_POS_NOUN},
    {"men", "man", PX_POS_NOUN}, {"ies", "y", PX_POS_NOUN},
    {"s", "", PX_POS_VERB},      {"ies", "y", PX_POS_VERB},
    {"es", "e", PX_POS_VERB},    {"es", "", PX_POS_VERB},
    {"ed", "e", PX_POS_VERB},    {"ed", "", PX_POS_VERB},
    {"ing", "e", PX_POS_VERB},   {"ing", "", PX_POS_VERB},
    {"er", "", PX_POS_ADJ},      {"est", "", PX_POS_ADJ},
    {"er", "e", PX_POS_ADJ},     {"est", "e", PX_POS_ADJ},
};

void
px_pivot_lemma(const px_pivot *pv, px_str word, px_buf *out)
{
    out->len = 0;
    const uint32_t e = px_smap_get(pv->exc, word);
    if (e != 0) {
        px_buf_add_c(out, pv->bases.ptr + e - 1);
        return;
    }
    if (px_smap_get(pv->lemmas, word) != 0) {
        px_buf_add_str(out, word);
        return;
    }
    for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
        const size_t sl = strlen(rules[r].suffix);
        if (word.len <= sl + 1 ||
            memcmp(word.ptr + word.len - sl, rules[r].suffix, sl) != 0) {
            continue;
        }
        out->len = 0;
        px_buf_add(out, word.ptr, word.len - sl);
        px_buf_add_c(out, rules[r].ending);
        if ((px_smap_get(pv->lemmas, (px_str){out->ptr, out->len}) &
             rules[r].pos) != 0) {
            return;
        }
    }
    out->len = 0;
    px_buf_add_str(out, word);
}

/* ---- cleaning English text --------------------------------------------- */

/* Latin script, digits and the punctuation of names ("AT&T", "O'Neill",
 * "COVID-19", "St. Louis"); anything else rejects the text. */
static bool
pivot_char_ok(UChar32 c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '\'' ||
               c == '.' || c == '&';
    }
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || c == 0x2019;
}

/* Copies text into out without bracketed parts, white space collapsed;
 * false on a character pivot_char_ok refuses. */
static bool
strip_brackets(px_str text, px_buf *out)
{
    int depth = 0;
    out->len = 0;
    for (int32_t i = 0; i < (int32_t)text.len;) {
        UChar32 c;
        U8_NEXT(text.ptr, i, (int32_t)text.len, c);
        if (c == '(' || c == '[' || c == '{' || c == '<') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}' || c == '>') {
            depth -= depth > 0;
        } else if (depth == 0) {
            if (c == '\t' || c == '\n') {
                c = ' ';
            }
            if (c < 0 || !pivot_char_ok(c)) {
                return false;
            }
            if (c == ' ' && (out->len == 0 || out->ptr[out->len - 1] == ' ')) {
                continue;
            }
            const char *p = text.ptr + i;
            const int32_t n = U8_LENGTH(c);
            px_buf_add(out, p - n, (size_t)n);
        }
    }
    while (out->len > 0 &&
           (out->ptr[out->len - 1] == ' ' || out->ptr[out->len - 1] == '.')) {
        out->len--;
    }
    return out->len > 0;
}

/* Drops a leading "to ", "a ", "an " or "the " (any case). */
static px_str
drop_particle(px_str s)
{
    static const char *const lead[] = {"to ", "a ", "an ", "the "};
    for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++) {
        if (px_str_istarts_c(s, lead[i]) && s.len > strlen(lead[i])) {
            const size_t n = strlen(lead[i]);
            return (px_str){s.ptr + n, s.len - n};
        }
    }
    return s;
}

bool
px_pivot_name(const px_pivot *pv, px_str text, bool is_name, unsigned max_words,
              px_buf *name, px_buf *gloss)
{
    px_buf clean;
    px_buf_init(&clean);
    bool ok = strip_brackets(text, &clean);
    const px_str s = drop_particle((px_str){clean.ptr, clean.len});
    unsigned words = 1;
    for (size_t i = 0; ok && i < s.len; i++) {
        words += s.ptr[i] == ' ';
    }
    ok = ok && words <= max_words && s.len < 200 &&
         !(s.len == 1 && s.ptr[0] == '-');
    if (ok) {
        px_buf low;
        px_buf_init(&low);
        for (size_t i = 0; i < s.len; i++) {
            const char c = s.ptr[i];
            px_buf_add_byte(&low, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
        }
        name->len = 0;
        px_buf_add_c(name, "w:");
        if (words == 1 && !is_name) {
            px_buf lem;
            px_buf_init(&lem);
            px_pivot_lemma(pv, (px_str){low.ptr, low.len}, &lem);
            px_buf_add(name, lem.ptr, lem.len);
            px_buf_fini(&lem);
        } else {
            px_buf_add(name, low.ptr, low.len);
        }
        px_buf_fini(&low);
        if (gloss != NULL) {
            gloss->len = 0;
            if (words == 1 && !is_name) {
                px_buf_add(gloss, name->ptr + 2, name->len - 2);
            } else {
                px_buf_add_str(gloss, s);
            }
        }
        ok = !px_buf_failed(name) && (gloss == NULL || !px_buf_failed(gloss));
    }
    px_buf_fini(&clean);
    return ok;
}
