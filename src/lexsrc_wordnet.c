/* lexsrc_wordnet.c - WordNet (Debian wordnet-base, /usr/share/wordnet)
 * into the lexicon's English side, the pivot every w: concept is named in.
 *
 * - every lemma of index.{noun,verb,adj,adv} is an English form of its own
 *   concept (w:war, w:united nations) at 1.0;
 * - inflected forms point at their base form at 0.9: the irregular ones of
 *   the *.exc lists (children -> w:child, went -> w:go) and the regular
 *   ones generated from noun and verb lemmas (wars, killed, killing), so
 *   that the key space (not only stems) knows them;
 * - the other members of a lemma's FIRST synset (its most frequent sense)
 *   are added as its senses at 0.5 (trump -> w:trump card), never more
 *   than 4 of them;
 * - for a verb, the first words (2 at most) of that synset's hypernym are
 *   added at 0.05 when 10 verbs or fewer share it (protect -> w:defend,
 *   help -> w:support; not send -> w:move): near synonyms another
 *   language's dictionary may give as the translation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexsrc_int.h"

#define WN_MAX_SYNONYMS 4
/* A verb's hypernym, when few verbs share it, is a near synonym (protect
 * -> defend, help -> support). Its weight is so low that story profiles
 * (profile.c shares a word's unit among its senses by weight) barely feel
 * it; the story sheet counts it as a synonym (sheet.c). */
#define WN_RELATED_WEIGHT 0.05f
#define WN_MAX_RELATED    2
#define WN_MAX_HYPONYMS   10

typedef struct wn_ctx {
    px_lexb *b;
    px_pivot *pv; /* for acronyms */
    px_buf lemma;
    px_buf form;
    px_buf name;
    size_t n_forms;
} wn_ctx;

static const char *const wn_pos[] = {"noun", "verb", "adj", "adv"};

/* Copies a WordNet word ('_' for spaces, adjective markers such as "(a)")
 * into out as text. */
static void
wn_text(px_str w, px_buf *out)
{
    out->len = 0;
    for (size_t i = 0; i < w.len && w.ptr[i] != '('; i++) {
        px_buf_add_byte(out, px_lexsrc_space(w.ptr[i]));
    }
    px_buf_add(out, "", 0);
}

static px_concept
wn_concept(wn_ctx *x, px_str text)
{
    x->name.len = 0;
    px_buf_add_c(&x->name, "w:");
    for (size_t i = 0; i < text.len; i++) {
        const char c = text.ptr[i];
        px_buf_add_byte(&x->name, px_lexsrc_lower(c));
    }
    px_buf_add(&x->name, "", 0);
    return px_lexb_concept(x->b, x->name.ptr, NULL);
}

static void
add_form(wn_ctx *x, const char *form, px_concept c, float w)
{
    px_lexb_add(x->b, "eng", px_str_c(form), c, w);
    x->n_forms++;
}

static bool
is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Regular plural / third person: +s, +es, y -> ies. */
static void
add_s_form(wn_ctx *x, px_str l, px_concept c)
{
    const char last = l.ptr[l.len - 1];
    const char prev = l.ptr[l.len > 1 ? l.len - 2 : 0];
    x->form.len = 0;
    if (last == 'y' && !is_vowel(prev)) {
        px_buf_add(&x->form, l.ptr, l.len - 1);
        px_buf_add_c(&x->form, "ies");
    } else {
        px_buf_add(&x->form, l.ptr, l.len);
        const bool es = last == 's' || last == 'x' || last == 'z' ||
                        ((last == 'h') && (prev == 'c' || prev == 's'));
        px_buf_add_c(&x->form, es ? "es" : "s");
    }
    add_form(x, x->form.ptr, c, 0.9f);
}

/* Regular past and gerund: +ed / +d / y -> ied, +ing / e -> ing. */
static void
add_verb_forms(wn_ctx *x, px_str l, px_concept c)
{
    const char last = l.ptr[l.len - 1];
    const char prev = l.ptr[l.len > 1 ? l.len - 2 : 0];
    x->form.len = 0;
    if (last == 'e') {
        px_buf_add(&x->form, l.ptr, l.len);
        px_buf_add_c(&x->form, "d");
    } else if (last == 'y' && !is_vowel(prev)) {
        px_buf_add(&x->form, l.ptr, l.len - 1);
        px_buf_add_c(&x->form, "ied");
    } else {
        px_buf_add(&x->form, l.ptr, l.len);
        px_buf_add_c(&x->form, "ed");
    }
    add_form(x, x->form.ptr, c, 0.9f);
    x->form.len = 0;
    const bool drop_e = last == 'e' && prev != 'e' && l.len > 2;
    px_buf_add(&x->form, l.ptr, drop_e ? l.len - 1 : l.len);
    px_buf_add_c(&x->form, "ing");
    add_form(x, x->form.ptr, c, 0.9f);
}

static bool
is_plain_word(px_str l)
{
    for (size_t i = 0; i < l.len; i++) {
        if (l.ptr[i] < 'a' || l.ptr[i] > 'z') {
            return false;
        }
    }
    return l.len >= 2;
}

/* The end of the line of data at p. */
static const char *
line_end(px_str data, const char *p)
{
    const char *e = memchr(p, '\n', data.len - (size_t)(p - data.ptr));
    return e != NULL ? e : data.ptr + data.len;
}

/* Skips the fields of a data.POS line before its words (synset_offset,
 * lex_filenum, ss_type); the first byte of w_cnt. */
static const char *
synset_words_at(const char *p, const char *end)
{
    char *q = NULL;
    strtoul(p, &q, 10);            /* offset */
    strtoul(q, &q, 10);            /* lex_filenum */
    while (q < end && *q == ' ') { /* ss_type */
        q++;
    }
    return q + (q < end);
}

/* Adds the words of a synset (q at its w_cnt) other than own as senses
 * of the lemma at weight w, at most max of them; where its pointers begin
 * (p_cnt). */
static const char *
add_words(wn_ctx *x, const char *q, const char *end, px_concept own, float w,
          unsigned max)
{
    char *r = NULL;
    const unsigned long n = strtoul(q, &r, 16);
    unsigned added = 0;
    for (unsigned long i = 0; i < n && r < end; i++) {
        while (r < end && *r == ' ') {
            r++;
        }
        const char *word = r;
        while (r < end && *r != ' ') {
            r++;
        }
        const px_str text = {word, (size_t)(r - word)};
        strtoul(r, &r, 16); /* lex_id */
        if (added < max) {
            wn_text(text, &x->form);
            const px_concept c =
                wn_concept(x, (px_str){x->form.ptr, x->form.len});
            if (c != own && c != 0) {
                add_form(x, x->lemma.ptr, c, w);
                added++;
            }
        }
    }
    return r;
}

/* One pointer of a synset: its symbol, the synset it points at. */
typedef struct wn_ptr {
    char sym; /* its first byte ('@', '~', ...) */
    bool is_one_byte;
    bool is_verb; /* it points at a verb synset */
    unsigned long off;
} wn_ptr;

/* Reads the pointer at *r ("sym offset pos source/target") into p and
 * moves *r past it. */
static void
next_ptr(const char **r, const char *end, wn_ptr *p)
{
    const char *q = *r;
    while (q < end && *q == ' ') {
        q++;
    }
    const char *sym = q;
    while (q < end && *q != ' ') {
        q++;
    }
    p->sym = ' ';
    if (q > sym) {
        p->sym = *sym;
    }
    p->is_one_byte = q - sym == 1;
    char *e = NULL;
    p->off = strtoul(q, &e, 10);
    while (e < end && *e == ' ') {
        e++;
    }
    p->is_verb = e < end && *e == 'v';
    strtoul(e + (e < end), &e, 16); /* source/target */
    *r = e;
}

/* How many hyponyms (~) the synset whose pointers start at q (p_cnt)
 * has. */
static unsigned long
n_hyponyms(const char *q, const char *end)
{
    char *r = NULL;
    const unsigned long n = strtoul(q, &r, 10);
    const char *at = r;
    unsigned long k = 0;
    for (unsigned long i = 0; i < n && at < end; i++) {
        wn_ptr p;
        next_ptr(&at, end, &p);
        k += p.is_one_byte && p.sym == '~';
    }
    return k;
}

/* The words of the synsets a verb synset's pointers (q at p_cnt) name as
 * its hypernym (@), as senses of the lemma at WN_RELATED_WEIGHT, unless
 * more than WN_MAX_HYPONYMS verbs share that hypernym: protect -> defend,
 * help -> support, but not send -> move, cause -> make. */
static void
add_related(wn_ctx *x, px_str data, const char *q, const char *end,
            px_concept own)
{
    char *r = NULL;
    const unsigned long n = strtoul(q, &r, 10);
    const char *at = r;
    for (unsigned long i = 0; i < n && at < end; i++) {
        wn_ptr p;
        next_ptr(&at, end, &p);
        if (!p.is_one_byte || p.sym != '@' || !p.is_verb || p.off >= data.len) {
            continue;
        }
        const char *t = data.ptr + p.off;
        const char *te = line_end(data, t);
        const char *words = synset_words_at(t, te);
        if (n_hyponyms(add_words(x, words, te, own, 0.0f, 0), te) <=
            WN_MAX_HYPONYMS) {
            add_words(x, words, te, own, WN_RELATED_WEIGHT, WN_MAX_RELATED);
        }
    }
}

/* The synonyms of the synset at offset off of data (a data.POS file) and,
 * for a verb, the words of its related synsets. */
static void
add_synonyms(wn_ctx *x, px_str data, size_t off, px_concept own, unsigned pos)
{
    if (off >= data.len) {
        return;
    }
    const char *p = data.ptr + off;
    const char *end = line_end(data, p);
    const char *q =
        add_words(x, synset_words_at(p, end), end, own, 0.5f, WN_MAX_SYNONYMS);
    if (pos == 1) {
        add_related(x, data, q, end, own);
    }
}

/* The next space-separated field of *s (empty at the end). */
static px_str
next_field(px_str *s)
{
    size_t i = 0;
    while (i < s->len && s->ptr[i] == ' ') {
        i++;
    }
    const size_t start = i;
    while (i < s->len && s->ptr[i] != ' ') {
        i++;
    }
    const px_str f = {s->ptr + start, i - start};
    s->ptr += i;
    s->len -= i;
    return f;
}

/* One index line: "lemma pos n_synsets n_ptrs ptr... n_senses n_tagged
 * offset..."; the first offset is the most frequent sense. */
static void
wn_index_line(wn_ctx *x, px_str line, unsigned pos, px_str data)
{
    const char *sp = memchr(line.ptr, ' ', line.len);
    if (line.len == 0 || line.ptr[0] == ' ' || sp == NULL) {
        return;
    }
    const px_str lemma = {line.ptr, (size_t)(sp - line.ptr)};
    wn_text(lemma, &x->lemma);
    const px_str text = {x->lemma.ptr, x->lemma.len};
    const px_concept c = wn_concept(x, text);
    px_lexb_concept(x->b, x->name.ptr, x->lemma.ptr);
    add_form(x, x->lemma.ptr, c, 1.0f);
    const char *acro = pos == 0 ? px_pivot_acronym(x->pv, text) : NULL;
    if (acro != NULL) { /* un -> w:united nations */
        const px_concept a = wn_concept(x, px_str_c(acro));
        px_lexb_concept(x->b, x->name.ptr, acro);
        add_form(x, x->lemma.ptr, a, 1.0f);
    }
    if (is_plain_word(text) && pos <= 1) {
        add_s_form(x, text, c);
        if (pos == 1) {
            add_verb_forms(x, text, c);
        }
    }
    px_str rest = {sp + 1, line.len - lemma.len - 1};
    px_str tok = {0};
    for (int i = 0; i < 3; i++) { /* pos, n_synsets, n_ptrs */
        tok = next_field(&rest);
    }
    const unsigned long n_ptrs = strtoul(tok.len > 0 ? tok.ptr : "0", NULL, 10);
    for (unsigned long i = 0; i < n_ptrs + 3 && rest.len > 0; i++) {
        tok = next_field(&rest); /* pointers, n_senses, n_tagged, offset */
    }
    const unsigned long first = strtoul(tok.len > 0 ? tok.ptr : "0", NULL, 10);
    add_synonyms(x, data, (size_t)first, c, pos);
}

static bool
wn_pos_files(wn_ctx *x, const char *dir, unsigned pos)
{
    char path[512];
    char *index = NULL;
    char *data = NULL;
    size_t ni = 0;
    size_t nd = 0;
    snprintf(path, sizeof path, "%s/index.%s", dir, wn_pos[pos]);
    bool ok = px_lexsrc_slurp(path, "WordNet", "wordnet-base", &index, &ni,
                              NULL) == PX_OK;
    snprintf(path, sizeof path, "%s/data.%s", dir, wn_pos[pos]);
    ok = ok && px_lexsrc_slurp(path, "WordNet", "wordnet-base", &data, &nd,
                               NULL) == PX_OK;
    if (ok) {
        px_str s = {index, ni};
        px_str line;
        while (px_lexsrc_line(&s, &line)) {
            wn_index_line(x, line, pos, (px_str){data, nd});
        }
    }
    free(index);
    free(data);
    return ok;
}

/* Irregular forms: "form base [base...]", all bases at 0.9. */
static void
wn_exc(wn_ctx *x, const char *dir, unsigned pos)
{
    char path[512];
    char *data = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s.exc", dir, wn_pos[pos]);
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
        wn_text((px_str){line.ptr, (size_t)(sp - line.ptr)}, &x->lemma);
        px_str rest = {sp + 1, line.len - (size_t)(sp + 1 - line.ptr)};
        while (rest.len > 0) {
            const char *e = memchr(rest.ptr, ' ', rest.len);
            const size_t n = e != NULL ? (size_t)(e - rest.ptr) : rest.len;
            wn_text((px_str){rest.ptr, n}, &x->form);
            add_form(x, x->lemma.ptr,
                     wn_concept(x, (px_str){x->form.ptr, x->form.len}), 0.9f);
            rest.ptr += e != NULL ? n + 1 : n;
            rest.len -= e != NULL ? n + 1 : n;
        }
    }
    free(data);
}

px_status
px_lexsrc_wordnet(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    wn_ctx x = {.b = b, .pv = px_pivot_new(p->wordnet)};
    bool any = false;
    if (x.pv == NULL) {
        return px_fail(err, PX_ENOMEM, "WordNet: out of memory");
    }
    for (unsigned pos = 0; pos < 4; pos++) {
        any |= wn_pos_files(&x, p->wordnet, pos);
    }
    for (unsigned pos = 0; any && pos < 4; pos++) {
        wn_exc(&x, p->wordnet, pos);
    }
    px_buf_fini(&x.lemma);
    px_buf_fini(&x.form);
    px_buf_fini(&x.name);
    px_pivot_free(x.pv);
    if (!any) {
        return px_fail(err, PX_EIO,
                       "WordNet: %s/index.noun missing: install wordnet-base",
                       p->wordnet);
    }
    px_lexb_source(b, "WordNet 3.0 (wordnet-base)", "WordNet (BSD-like)",
                   x.n_forms);
    return PX_OK;
}
