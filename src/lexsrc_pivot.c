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
    px_smap *acro;   /* acronym ("un") -> offset + 1 of its expansion */
    px_smap *squash; /* "ceasefire" -> offset + 1 of "cease-fire" */
    px_buf bases;    /* NUL-terminated base forms and expansions */
    bool has_wordnet;
};

static const char *const pos_names[] = {"noun", "verb", "adj", "adv"};

/* Writes s without spaces and hyphens into out; false when s has none. */
static bool
squashed(px_str s, px_buf *out)
{
    out->len = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] != ' ' && s.ptr[i] != '-') {
            px_buf_add_byte(out, s.ptr[i]);
        }
    }
    return out->len != s.len && out->len > 0;
}

/* Records a spaced or hyphenated lemma under its squashed spelling, so that
 * "ceasefire" and "cease fire" find "cease-fire" (the first lemma wins). */
static void
add_squashed(px_pivot *pv, px_str lemma)
{
    px_buf sq;
    px_buf_init(&sq);
    if (squashed(lemma, &sq) &&
        px_smap_get(pv->squash, (px_str){sq.ptr, sq.len}) == 0) {
        const uint32_t at = (uint32_t)pv->bases.len + 1;
        px_buf_add(&pv->bases, lemma.ptr, lemma.len);
        px_buf_add_byte(&pv->bases, '\0');
        px_smap_put(pv->squash, (px_str){sq.ptr, sq.len}, at, false);
    }
    px_buf_fini(&sq);
}

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
            px_buf_add_byte(tmp, px_lexsrc_space(*p));
        }
        px_smap_put(pv->lemmas, (px_str){tmp->ptr, tmp->len}, 1u << pos, true);
        add_squashed(pv, (px_str){tmp->ptr, tmp->len});
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
            px_buf_add_byte(&pv->bases, px_lexsrc_space(base.ptr[i]));
        }
        px_buf_add_byte(&pv->bases, '\0');
        px_smap_put(pv->exc, form, off, false);
    }
    free(data);
}

bool
px_lexsrc_initials(px_str acronym, px_str phrase)
{
    size_t k = 0;
    size_t words = 0;
    for (size_t i = 0; i < phrase.len; i++) {
        const char c = phrase.ptr[i];
        const bool start = i == 0 || phrase.ptr[i - 1] == ' ' ||
                           phrase.ptr[i - 1] == '_' || phrase.ptr[i - 1] == '-';
        if (!start || c == ' ' || c == '_') {
            continue;
        }
        words++;
        if (c >= 'a' && c <= 'z') {
            continue; /* "of", "the", "and" are not spelt */
        }
        if (k >= acronym.len ||
            px_lexsrc_lower(c) != px_lexsrc_lower(acronym.ptr[k])) {
            return false;
        }
        k++;
    }
    return words >= 2 && k == acronym.len;
}

/* The expansion of the acronym lemma (a-z, 2 to 6 letters) among the
 * members of the synsets at offs (data.noun line offsets), into out. */
static bool
find_expansion(px_str lemma, px_str data, px_str offs, px_buf *out)
{
    while (offs.len > 0) {
        char *end = NULL;
        const unsigned long off = strtoul(offs.ptr, &end, 10);
        const size_t used = (size_t)(end - offs.ptr);
        if (used == 0 || off >= data.len) {
            return false;
        }
        offs.ptr += used;
        offs.len -= used;
        const char *line = data.ptr + off;
        const char *nl = memchr(line, '\n', data.len - off);
        const px_str l = {line,
                          nl != NULL ? (size_t)(nl - line) : data.len - off};
        for (size_t i = 0; i + 1 < l.len; i++) {
            if (l.ptr[i] != ' ' || l.ptr[i + 1] < 'A' || l.ptr[i + 1] > 'Z') {
                continue;
            }
            const char *w = l.ptr + i + 1;
            const char *sp = memchr(w, ' ', (size_t)(l.ptr + l.len - w));
            const px_str word = {w, sp != NULL ? (size_t)(sp - w)
                                               : (size_t)(l.ptr + l.len - w)};
            if (memchr(word.ptr, '_', word.len) != NULL &&
                px_lexsrc_initials(lemma, word)) {
                out->len = 0;
                for (size_t j = 0; j < word.len; j++) {
                    px_buf_add_byte(out, px_lexsrc_space(word.ptr[j]));
                }
                return true;
            }
        }
    }
    return false;
}

static bool
acronym_like(px_str w)
{
    for (size_t i = 0; i < w.len; i++) {
        if (w.ptr[i] < 'a' || w.ptr[i] > 'z') {
            return false;
        }
    }
    return w.len >= 2 && w.len <= 6;
}

/* Where the synset offsets of an index line start: its last n_synsets
 * fields (the third field); NULL for a malformed line. */
static const char *
synset_offsets(px_str line)
{
    const char *starts[128];
    size_t n = 0;
    for (size_t i = 0; i < line.len && n < 128; i++) {
        if (line.ptr[i] != ' ' && (i == 0 || line.ptr[i - 1] == ' ')) {
            starts[n++] = line.ptr + i;
        }
    }
    const unsigned long k = n > 2 ? strtoul(starts[2], NULL, 10) : 0;
    return k > 0 && k + 4 <= n ? starts[n - k] - 1 : NULL;
}

/* Acronyms of index.noun whose synsets hold their expansion (un -> United
 * Nations, nato -> North Atlantic Treaty Organization). */
static void
load_acronyms(px_pivot *pv, const char *dir)
{
    char path[512];
    char *index = NULL;
    char *data = NULL;
    size_t ni = 0;
    size_t nd = 0;
    snprintf(path, sizeof path, "%s/index.noun", dir);
    bool ok = px_lexsrc_slurp(path, "WordNet", "", &index, &ni, NULL) == PX_OK;
    snprintf(path, sizeof path, "%s/data.noun", dir);
    ok = ok && px_lexsrc_slurp(path, "WordNet", "", &data, &nd, NULL) == PX_OK;
    px_buf exp;
    px_buf_init(&exp);
    px_str s = {index, ok ? ni : 0};
    px_str line;
    while (px_lexsrc_line(&s, &line)) {
        line = px_str_trim(line);
        const char *sp = memchr(line.ptr, ' ', line.len);
        const px_str lemma = {line.ptr,
                              sp != NULL ? (size_t)(sp - line.ptr) : 0};
        const char *offs = synset_offsets(line);
        if (!acronym_like(lemma) || offs == NULL) {
            continue;
        }
        const px_str o = {offs, (size_t)(line.ptr + line.len - offs)};
        if (find_expansion(lemma, (px_str){data, nd}, o, &exp)) {
            const uint32_t at = (uint32_t)pv->bases.len + 1;
            px_buf_add(&pv->bases, exp.ptr, exp.len);
            px_buf_add_byte(&pv->bases, '\0');
            px_smap_put(pv->acro, lemma, at, false);
        }
    }
    px_buf_fini(&exp);
    free(index);
    free(data);
}

const char *
px_pivot_acronym(const px_pivot *pv, px_str lower)
{
    const uint32_t at = px_smap_get(pv->acro, lower);
    return at != 0 ? pv->bases.ptr + at - 1 : NULL;
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
    pv->acro = px_smap_new();
    pv->squash = px_smap_new();
    if (pv->lemmas == NULL || pv->exc == NULL || pv->acro == NULL ||
        pv->squash == NULL) {
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
    load_acronyms(pv, wordnet_dir);
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
    px_smap_free(pv->acro);
    px_smap_free(pv->squash);
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

/* True for an acronym as written: two to six capital letters. */
static bool
is_upper(px_str s)
{
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] < 'A' || s.ptr[i] > 'Z') {
            return false;
        }
    }
    return s.len >= 2 && s.len <= 6;
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

/* WordNet's spelling of a compound written with other spaces or hyphens
 * ("ceasefire", "cease fire" -> "cease-fire"); NULL when none. */
static const char *
compound(const px_pivot *pv, px_str low)
{
    if (px_smap_get(pv->lemmas, low) != 0) {
        return NULL;
    }
    px_buf sq;
    px_buf_init(&sq);
    px_buf_add(&sq, "", 0);
    squashed(low, &sq);
    const uint32_t at =
        sq.len > 0 ? px_smap_get(pv->squash, (px_str){sq.ptr, sq.len}) : 0;
    px_buf_fini(&sq);
    return at != 0 ? pv->bases.ptr + at - 1 : NULL;
}

/* Writes the concept name of s (cleaned text; low is it in lower case) into
 * name after "w:", and returns the gloss text. */
static px_str
canonical(const px_pivot *pv, px_str s, px_str low, unsigned words,
          bool is_name, px_buf *name)
{
    const char *acro =
        words == 1 && is_upper(s) ? px_pivot_acronym(pv, low) : NULL;
    const char *comp = acro == NULL ? compound(pv, low) : NULL;
    const char *c = acro != NULL ? acro : comp;
    if (c != NULL) {
        for (const char *p = c; *p != '\0'; p++) {
            px_buf_add_byte(name, px_lexsrc_lower(*p));
        }
        return px_str_c(c);
    }
    if (words == 1 && !is_name) {
        px_buf lem;
        px_buf_init(&lem);
        px_pivot_lemma(pv, low, &lem);
        px_buf_add(name, lem.ptr, lem.len);
        px_buf_fini(&lem);
        return (px_str){name->ptr + 2, name->len - 2};
    }
    px_buf_add_str(name, low);
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
            px_buf_add_byte(&low, px_lexsrc_lower(s.ptr[i]));
        }
        name->len = 0;
        px_buf_add_c(name, "w:");
        const px_str g =
            canonical(pv, s, (px_str){low.ptr, low.len}, words, is_name, name);
        if (gloss != NULL) {
            gloss->len = 0;
            px_buf_add_str(gloss, g);
        }
        px_buf_fini(&low);
        ok = !px_buf_failed(name) && (gloss == NULL || !px_buf_failed(gloss));
    }
    px_buf_fini(&clean);
    return ok;
}

void
px_pivot_add_english(px_lexb *b, px_str text, px_str gloss, px_concept c)
{
    px_lexb_add(b, "eng", gloss, c, 1.0f);
    px_buf clean;
    px_buf_init(&clean);
    if (strip_brackets(text, &clean)) {
        px_lexb_add(b, "eng", drop_particle((px_str){clean.ptr, clean.len}), c,
                    1.0f);
    }
    px_buf_fini(&clean);
}
