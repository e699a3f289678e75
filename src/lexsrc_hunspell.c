/* lexsrc_hunspell.c - inflected forms from Hunspell dictionaries (Debian
 * hunspell-ru and the like: /usr/share/hunspell/LL_CC.aff and .dic) for
 * words the dictionaries read before gave senses.
 *
 * Bilingual dictionaries list lemmas (день, начало); text inflects them
 * (дней, дня, начале). The Snowball stem space joins regular forms, not
 * those whose stem changes. This reader expands each .dic lemma that has
 * senses in the lexicon with its affix rules (SFX and PFX, one-character
 * flags, UTF-8, conditions of literal characters, [set], [^set] and '.')
 * and adds every form whose Snowball stem is not the lemma's (and not one
 * already added for it) with the lemma's best two senses at 0.9 times
 * their weight. Forms that share the lemma's stem are reached through the
 * stem space already, so they are not stored again. A Russian perfective
 * verb without senses first takes its imperfective partner's at 0.7 times
 * their weight (px_lexsrc_ru_partner).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "lexsrc_int.h"
#include "wordkey.h"

#define HS_MAX_CP     64 /* code points of a word, a strip, an add, a cond */
#define HS_SENSES     2
#define HS_MAX_STEMS  16
#define HS_FLAG_LIMIT 0x10000

typedef struct hs_rule {
    bool is_pfx;
    uint32_t strip[HS_MAX_CP];
    uint32_t add[HS_MAX_CP];
    uint32_t cond[HS_MAX_CP * 2]; /* elements: see cond_match */
    uint8_t n_strip;
    uint8_t n_add;
    uint8_t n_cond;
} hs_rule;

typedef struct hs_ctx {
    px_lexb *b;
    px_wordkey *wk;
    char lang[4];
    hs_rule *rules;
    size_t n_rules;
    size_t cap_rules;
    uint32_t *first; /* per flag: first rule + 1 (rules sorted by flag) */
    uint32_t *count;
    uint32_t *flag_of; /* per rule, while reading */
    px_buf key;
    px_buf stem;
    px_buf form;
    char stems[HS_MAX_STEMS][48];
    size_t n_stems;
    size_t n_forms;
} hs_ctx;

/* Decodes s into cp (at most max code points); how many, or SIZE_MAX. */
static size_t
decode(px_str s, uint32_t *cp, size_t max)
{
    size_t n = 0;
    int32_t i = 0;
    while ((size_t)i < s.len) {
        UChar32 c = 0;
        U8_NEXT(s.ptr, i, (int32_t)s.len, c);
        if (c < 0 || n == max) {
            return SIZE_MAX;
        }
        cp[n++] = (uint32_t)c;
    }
    return n;
}

/* Compiles a condition into elements: a literal code point, or a set
 * written as 0x80000000 | negated << 30 | count, then its members; '.'
 * is a set of nothing, negated. Returns the element count, or -1. */
static int
cond_compile(px_str s, uint32_t *out, size_t max, uint8_t *n_out)
{
    uint32_t cp[HS_MAX_CP * 2];
    const size_t n = decode(s, cp, (size_t)HS_MAX_CP * 2);
    size_t k = 0;
    int elems = 0;
    if (n == SIZE_MAX) {
        return -1;
    }
    for (size_t i = 0; i < n; elems++) {
        if (k + 1 >= max) {
            return -1;
        }
        if (cp[i] == '.') {
            out[k++] = 0x80000000u | 1u << 30;
            i++;
        } else if (cp[i] != '[') {
            out[k++] = cp[i++];
        } else {
            const bool neg = i + 1 < n && cp[i + 1] == '^';
            size_t j = i + 1 + neg;
            const size_t head = k++;
            while (j < n && cp[j] != ']' && k < max) {
                out[k++] = cp[j++];
            }
            out[head] =
                0x80000000u | (uint32_t)neg << 30 | (uint32_t)(k - head - 1);
            i = j + 1;
        }
    }
    *n_out = (uint8_t)k;
    return elems;
}

/* True when the word's code points w[at..] match the condition. */
static bool
cond_match(const hs_rule *r, const uint32_t *w, size_t at, size_t n_w)
{
    size_t pos = at;
    for (size_t k = 0; k < r->n_cond; pos++) {
        if (pos >= n_w) {
            return false;
        }
        const uint32_t e = r->cond[k];
        if ((e & 0x80000000u) == 0) {
            if (w[pos] != e) {
                return false;
            }
            k++;
            continue;
        }
        const bool neg = (e >> 30 & 1u) != 0;
        const size_t m = e & 0xFFFFu;
        bool in = false;
        for (size_t i = 0; i < m; i++) {
            in = in || r->cond[k + 1 + i] == w[pos];
        }
        if (in == neg) {
            return false;
        }
        k += 1 + m;
    }
    return true;
}

static size_t
cond_elems(const hs_rule *r)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_cond; n++) {
        const uint32_t e = r->cond[k];
        k += (e & 0x80000000u) != 0 ? 1 + (e & 0xFFFFu) : 1;
    }
    return n;
}

/* Next white-space separated field of *s. */
static px_str
field(px_str *s)
{
    size_t i = 0;
    while (i < s->len && (s->ptr[i] == ' ' || s->ptr[i] == '\t')) {
        i++;
    }
    size_t j = i;
    while (j < s->len && s->ptr[j] != ' ' && s->ptr[j] != '\t') {
        j++;
    }
    const px_str f = {s->ptr + i, j - i};
    s->ptr += j;
    s->len -= j;
    return f;
}

/* Room for one more rule (and its flag); false when out of memory. */
static bool
grow_rules(hs_ctx *x)
{
    if (x->n_rules < x->cap_rules) {
        return true;
    }
    const size_t cap = x->cap_rules < 256 ? 256 : x->cap_rules * 2;
    hs_rule *r = realloc(x->rules, cap * sizeof *r);
    if (r != NULL) {
        x->rules = r;
    }
    uint32_t *f = realloc(x->flag_of, cap * sizeof *f);
    if (f != NULL) {
        x->flag_of = f;
    }
    if (r == NULL || f == NULL) {
        return false;
    }
    x->cap_rules = cap;
    return true;
}

/* One "SFX F strip add cond" line (headers have a number for strip). */
static void
aff_rule(hs_ctx *x, px_str line)
{
    const px_str kind = field(&line);
    const px_str flag = field(&line);
    const px_str strip = field(&line);
    px_str add = field(&line);
    const px_str cond = field(&line);
    uint32_t fl = 0;
    if (cond.len == 0 || decode(flag, &fl, 1) != 1 || fl >= HS_FLAG_LIMIT ||
        !grow_rules(x)) {
        return;
    }
    const char *slash = memchr(add.ptr, '/', add.len);
    if (slash != NULL) {
        add.len = (size_t)(slash - add.ptr);
    }
    hs_rule *r = &x->rules[x->n_rules];
    memset(r, 0, sizeof *r);
    r->is_pfx = px_str_eq(kind, px_str_c("PFX"));
    const bool zs = px_str_eq(strip, px_str_c("0"));
    const bool za = px_str_eq(add, px_str_c("0"));
    const size_t ns = zs ? 0 : decode(strip, r->strip, HS_MAX_CP);
    const size_t na = za ? 0 : decode(add, r->add, HS_MAX_CP);
    const bool any = px_str_eq(cond, px_str_c("."));
    if (ns == SIZE_MAX || na == SIZE_MAX ||
        (!any &&
         cond_compile(cond, r->cond, (size_t)HS_MAX_CP * 2, &r->n_cond) < 0)) {
        return;
    }
    r->n_strip = (uint8_t)ns;
    r->n_add = (uint8_t)na;
    x->flag_of[x->n_rules++] = fl;
}

/* Orders the rules by flag: x->first[f] (first + 1) and x->count[f]. */
static bool
index_rules(hs_ctx *x)
{
    x->first = calloc(HS_FLAG_LIMIT, sizeof *x->first);
    x->count = calloc(HS_FLAG_LIMIT, sizeof *x->count);
    hs_rule *sorted = malloc((x->n_rules + 1) * sizeof *sorted);
    if (x->first == NULL || x->count == NULL || sorted == NULL) {
        free(sorted);
        return false;
    }
    for (size_t i = 0; i < x->n_rules; i++) {
        x->count[x->flag_of[i]]++;
    }
    uint32_t at = 0;
    for (size_t f = 0; f < HS_FLAG_LIMIT; f++) {
        x->first[f] = at + 1;
        at += x->count[f];
        x->count[f] = 0;
    }
    for (size_t i = 0; i < x->n_rules; i++) {
        const uint32_t f = x->flag_of[i];
        sorted[x->first[f] - 1 + x->count[f]++] = x->rules[i];
    }
    free(x->rules);
    x->rules = sorted;
    x->cap_rules = x->n_rules + 1;
    uint32_t *f = realloc(x->flag_of, x->cap_rules * sizeof *f);
    if (f == NULL) {
        return false;
    }
    x->flag_of = f;
    return true;
}

/* Builds the form rule r makes of w[0..n) into x->form; false when r does
 * not apply. */
static bool
apply(hs_ctx *x, const hs_rule *r, const uint32_t *w, size_t n)
{
    const size_t nc = cond_elems(r);
    if (n <= r->n_strip || nc > n) {
        return false;
    }
    const size_t s0 = r->is_pfx ? 0 : n - r->n_strip;
    if (memcmp(w + s0, r->strip, r->n_strip * sizeof *w) != 0 ||
        !cond_match(r, w, r->is_pfx ? 0 : n - nc, n)) {
        return false;
    }
    uint32_t out[HS_MAX_CP * 2];
    size_t k = 0;
    if (r->is_pfx) {
        memcpy(out, r->add, r->n_add * sizeof *out);
        k = r->n_add;
        memcpy(out + k, w + r->n_strip, (n - r->n_strip) * sizeof *out);
        k += n - r->n_strip;
    } else {
        memcpy(out, w, s0 * sizeof *out);
        memcpy(out + s0, r->add, r->n_add * sizeof *out);
        k = s0 + r->n_add;
    }
    x->form.len = 0;
    for (size_t i = 0; i < k; i++) {
        char u8[4];
        int32_t m = 0;
        U8_APPEND_UNSAFE(u8, m, out[i]);
        px_buf_add(&x->form, u8, (size_t)m);
    }
    return !px_buf_failed(&x->form);
}

/* True when the Snowball stem of form (in x->form) is new for the lemma;
 * it is then remembered. */
static bool
new_stem(hs_ctx *x, px_str form)
{
    char base[4];
    px_wordkey_base(x->lang, base);
    if (px_wordkey_key(x->wk, x->lang, form, &x->key, NULL) != PX_OK ||
        px_wordkey_stem(x->wk, base, (px_str){x->key.ptr, x->key.len}, &x->stem,
                        NULL) != PX_OK ||
        x->stem.len == 0 || x->stem.len >= sizeof x->stems[0]) {
        return false;
    }
    for (size_t i = 0; i < x->n_stems; i++) {
        if (strlen(x->stems[i]) == x->stem.len &&
            memcmp(x->stems[i], x->stem.ptr, x->stem.len) == 0) {
            return false;
        }
    }
    if (x->n_stems == HS_MAX_STEMS) {
        return false;
    }
    memcpy(x->stems[x->n_stems], x->stem.ptr, x->stem.len);
    x->stems[x->n_stems++][x->stem.len] = '\0';
    return true;
}

/* One .dic line: "lemma/FLAGS [morphology]". */
static void
dic_line(hs_ctx *x, px_str line)
{
    const px_str word = field(&line);
    const char *slash = memchr(word.ptr, '/', word.len);
    if (slash == NULL) { /* a word without rules (смочь) */
        slash = word.ptr + word.len;
    }
    const px_str lemma = {word.ptr, (size_t)(slash - word.ptr)};
    const px_str flags = {slash + (slash < word.ptr + word.len),
                          (size_t)(word.ptr + word.len - slash) -
                              (slash < word.ptr + word.len)};
    px_lex_sense s[HS_SENSES];
    size_t n_s = px_lexb_senses(x->b, x->lang, lemma, s, HS_SENSES);
    if (n_s == 0 && strcmp(x->lang, "rus") == 0) {
        /* a perfective verb: its partner's senses, inferred */
        n_s = px_lexsrc_ru_partner(x->b, lemma, s, HS_SENSES);
        for (size_t k = 0; k < n_s; k++) {
            s[k].weight *= 0.7f;
            px_lexb_add(x->b, x->lang, lemma, s[k].concept, s[k].weight);
        }
    }
    uint32_t w[HS_MAX_CP];
    uint32_t fl[HS_MAX_CP];
    const size_t n = decode(lemma, w, HS_MAX_CP);
    const size_t nf = decode(flags, fl, HS_MAX_CP);
    if (n_s == 0 || n == SIZE_MAX || nf == SIZE_MAX) {
        return;
    }
    x->n_stems = 0;
    new_stem(x, lemma);
    for (size_t i = 0; i < nf; i++) {
        if (fl[i] >= HS_FLAG_LIMIT) {
            continue;
        }
        const hs_rule *r = &x->rules[x->first[fl[i]] - 1];
        for (size_t j = 0; j < x->count[fl[i]]; j++, r++) {
            if (!apply(x, r, w, n)) {
                continue;
            }
            const px_str f = {x->form.ptr, x->form.len};
            if (!new_stem(x, f)) {
                continue;
            }
            for (size_t k = 0; k < n_s; k++) {
                px_lexb_add(x->b, x->lang, f, s[k].concept, s[k].weight * 0.9f);
            }
            x->n_forms++;
        }
    }
}

/* Reads dir/NAME.aff and dir/NAME.dic for language lang; false when
 * either is missing. */
static bool
hs_pair(hs_ctx *x, const char *dir, const char *name)
{
    char path[600];
    char *aff = NULL;
    char *dic = NULL;
    size_t na = 0;
    size_t nd = 0;
    snprintf(path, sizeof path, "%s/%s.aff", dir, name);
    bool ok = px_lexsrc_slurp(path, "Hunspell", "hunspell-LL", &aff, &na,
                              NULL) == PX_OK;
    snprintf(path, sizeof path, "%s/%s.dic", dir, name);
    ok = ok && px_lexsrc_slurp(path, "Hunspell", "hunspell-LL", &dic, &nd,
                               NULL) == PX_OK;
    x->n_rules = 0;
    px_str s = {aff, na};
    px_str line;
    while (ok && px_lexsrc_line(&s, &line)) {
        if (px_str_istarts_c(line, "SFX ") || px_str_istarts_c(line, "PFX ")) {
            aff_rule(x, line);
        }
    }
    ok = ok && index_rules(x);
    s = (px_str){dic, nd};
    px_lexsrc_line(&s, &line); /* the count */
    while (ok && px_lexsrc_line(&s, &line)) {
        dic_line(x, line);
    }
    free(x->first);
    free(x->count);
    x->first = NULL;
    x->count = NULL;
    free(aff);
    free(dic);
    return ok;
}

px_status
px_lexsrc_hunspell(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    DIR *d = opendir(p->hunspell);
    hs_ctx x = {.b = b, .wk = px_wordkey_new()};
    size_t n_dicts = 0;
    const struct dirent *e;
    while (d != NULL && x.wk != NULL && (e = readdir(d)) != NULL) {
        const char *nm = e->d_name;
        if (strlen(nm) != 9 || nm[2] != '_' || strcmp(nm + 5, ".dic") != 0) {
            continue;
        }
        char two[3] = {nm[0], nm[1], '\0'};
        char name[6];
        snprintf(name, sizeof name, "%.5s", nm);
        px_wordkey_base(two, x.lang);
        if (strlen(x.lang) != 3 || !px_wordkey_has_snowball(x.lang)) {
            continue;
        }
        x.n_forms = 0;
        if (hs_pair(&x, p->hunspell, name)) {
            char src[64];
            snprintf(src, sizeof src, "Hunspell %s (inflections)", name);
            px_lexb_source(b, src,
                           strcmp(two, "ru") == 0
                               ? "BSD-4-clause (A. I. Lebedev)"
                               : "see /usr/share/doc/hunspell-LL",
                           x.n_forms);
            n_dicts++;
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    px_wordkey_free(x.wk);
    px_buf_fini(&x.key);
    px_buf_fini(&x.stem);
    px_buf_fini(&x.form);
    free(x.rules);
    free(x.flag_of);
    if (n_dicts == 0) {
        return px_fail(err, PX_EIO,
                       "Hunspell: no dictionary in %s: install hunspell-ru",
                       p->hunspell);
    }
    return PX_OK;
}
