/* lexbuild.c - the lexicon builder: interns concepts, collects (language,
 * key space, key) entries with their senses and flags, and compiles them
 * into the file format of lexfmt.h.
 *
 * Invariants: every key, concept name and gloss lives in one string pool
 * (offsets, never pointers, so the pool may move); the entry and concept
 * hash tables use the file's own hash and probing, are powers of two and at
 * most half full, so they are written as they are. Senses of an entry are a
 * linked list in one array until the write sorts, ranks and caps them. Once
 * anything fails the builder is failed: later calls do nothing and
 * px_lexb_write reports the first error.
 */
#include "lexbuild.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexbuild_int.h"
#include "lexfmt.h"
#include "wordkey.h"

void
px_lexb_fail(px_lexb *b, px_status code, const char *what)
{
    if (!b->failed) {
        px_fail(&b->err, code, "lexicon build: %s", what);
    }
    b->failed = true;
}

/* Grows *arr (of *cap elements of size sz) to hold n; false when out of
 * memory (the builder is then failed). */
bool
px_lexb_grow(px_lexb *b, void **arr, size_t *cap, size_t n, size_t sz)
{
    if (n <= *cap) {
        return true;
    }
    size_t c = *cap < 1024 ? 1024 : *cap;
    while (c < n) {
        c *= 2;
    }
    void *p = realloc(*arr, c * sz);
    if (p == NULL) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
        return false;
    }
    *arr = p;
    *cap = c;
    return true;
}

px_lexb *
px_lexb_new(void)
{
    px_lexb *b = calloc(1, sizeof *b);
    if (b == NULL) {
        return NULL;
    }
    px_buf_init(&b->key);
    px_buf_init(&b->stem);
    px_buf_init(&b->pool);
    b->wk = px_wordkey_new();
    b->n_slots = 1u << 10;
    b->slots = calloc(b->n_slots, sizeof *b->slots);
    b->n_cslots = 1u << 8;
    b->cslots = calloc(b->n_cslots, sizeof *b->cslots);
    b->cons = calloc(1, sizeof *b->cons);
    b->n_cons = 1;
    b->cap_cons = 1;
    if (b->wk == NULL || b->slots == NULL || b->cslots == NULL ||
        b->cons == NULL) {
        px_lexb_free(b);
        return NULL;
    }
    px_buf_add_byte(&b->pool, '\0'); /* offset 0: the empty string */
    return b;
}

void
px_lexb_free(px_lexb *b)
{
    if (b == NULL) {
        return;
    }
    px_wordkey_free(b->wk);
    px_buf_fini(&b->key);
    px_buf_fini(&b->stem);
    px_buf_fini(&b->pool);
    free(b->ents);
    free(b->slots);
    free(b->senses);
    free(b->cons);
    free(b->cslots);
    free(b->reach);
    for (size_t i = 0; i < b->n_srcs; i++) {
        free(b->srcs[i].name);
        free(b->srcs[i].licence);
    }
    free(b->srcs);
    free(b);
}

/* Appends s to the pool; its offset, or 0 on failure. */
static uint32_t
pool_add(px_lexb *b, const char *s, size_t len)
{
    const size_t off = b->pool.len;
    if (off + len >= UINT32_MAX) {
        px_lexb_fail(b, PX_ENOMEM, "string pool over 4 GiB");
        return 0;
    }
    px_buf_add(&b->pool, s, len);
    if (px_buf_failed(&b->pool)) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
        return 0;
    }
    return (uint32_t)off;
}

static px_str
pool_str(const px_lexb *b, uint32_t off, uint32_t len)
{
    return (px_str){b->pool.ptr + off, len};
}

/* ---- languages --------------------------------------------------------- */

/* The index of base (a three-letter code) among the languages, added on
 * first use; -1 when the table is full or the code is not three letters. */
static int
lang_index(px_lexb *b, const char base[4])
{
    const int ci = px_lexf_code_index(base);
    if (ci < 0) {
        return -1;
    }
    if (b->lang_of[ci] != 0) {
        return b->lang_of[ci] - 1;
    }
    if (b->n_langs >= sizeof b->langs / sizeof b->langs[0]) {
        px_lexb_fail(b, PX_EINVAL, "more than 255 languages");
        return -1;
    }
    px_lexf_lang *l = &b->langs[b->n_langs];
    memcpy(l->code, base, 3);
    l->code[3] = '\0';
    l->max_words = 1;
    b->lang_of[ci] = (uint8_t)(b->n_langs + 1);
    return (int)b->n_langs++;
}

/* ---- entries ----------------------------------------------------------- */

static bool
entry_is(const px_lexb *b, const bentry *e, int lang, unsigned space,
         px_str key)
{
    return e->lang == (unsigned)lang && e->space == space &&
           e->key_len == key.len &&
           memcmp(b->pool.ptr + e->key_off, key.ptr, key.len) == 0;
}

/* Rebuilds the entry table with n slots. */
bool
px_lexb_slots_resize(px_lexb *b, size_t n)
{
    px_lexf_slot *s = calloc(n, sizeof *s);
    if (s == NULL) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
        return false;
    }
    for (size_t i = 0; i < b->n_slots; i++) {
        if (b->slots[i].entry != 0) {
            size_t j = b->slots[i].hash & (n - 1);
            while (s[j].entry != 0) {
                j = (j + 1) & (n - 1);
            }
            s[j] = b->slots[i];
        }
    }
    free(b->slots);
    b->slots = s;
    b->n_slots = n;
    return true;
}

/* The index of the entry (lang, space, key), or SIZE_MAX when absent;
 * *slot is where it is or would go. */
static size_t
entry_find(const px_lexb *b, int lang, unsigned space, px_str key, size_t *slot)
{
    const uint32_t h = px_lexf_hash((unsigned)lang, space, key.ptr, key.len);
    size_t i = h & (b->n_slots - 1);
    for (; b->slots[i].entry != 0; i = (i + 1) & (b->n_slots - 1)) {
        const size_t e = b->slots[i].entry - 1;
        if (b->slots[i].hash == h &&
            entry_is(b, &b->ents[e], lang, space, key)) {
            *slot = i;
            return e;
        }
    }
    *slot = i;
    return SIZE_MAX;
}

/* The index of the entry (lang, space, key), added without senses or flags
 * when absent; SIZE_MAX on failure. key must not point into the pool. */
static size_t
entry_get(px_lexb *b, int lang, unsigned space, px_str key)
{
    if (b->failed || key.len == 0 || key.len >= PX_LEXF_MAX_ENTRY_KEY) {
        return SIZE_MAX;
    }
    size_t i = 0;
    const size_t found = entry_find(b, lang, space, key, &i);
    if (found != SIZE_MAX) {
        return found;
    }
    const uint32_t h = px_lexf_hash((unsigned)lang, space, key.ptr, key.len);
    if (b->n_ents + 1 >= UINT32_MAX / 2 ||
        !px_lexb_grow(b, (void **)&b->ents, &b->cap_ents, b->n_ents + 1,
                      sizeof *b->ents)) {
        px_lexb_fail(b, PX_ENOMEM, "too many entries");
        return SIZE_MAX;
    }
    const uint32_t off = pool_add(b, key.ptr, key.len);
    if (b->failed) {
        return SIZE_MAX;
    }
    const size_t e = b->n_ents++;
    b->ents[e] = (bentry){off, (uint16_t)key.len, (uint8_t)lang, (uint8_t)space,
                          0,   NO_SENSE};
    b->slots[i] = (px_lexf_slot){h, (uint32_t)(e + 1)};
    if (b->n_ents * 2 >= b->n_slots) {
        px_lexb_slots_resize(b, b->n_slots * 2);
    }
    return e;
}

/* Adds (c, weight) to entry e, keeping the higher weight of a duplicate. */
static void
sense_add(px_lexb *b, size_t e, px_concept c, float weight)
{
    if (e == SIZE_MAX) {
        return;
    }
    for (uint32_t s = b->ents[e].head; s != NO_SENSE; s = b->senses[s].next) {
        if (b->senses[s].concept == c) {
            if (weight > b->senses[s].weight) {
                b->senses[s].weight = weight;
            }
            return;
        }
    }
    if (b->n_senses + 1 >= NO_SENSE ||
        !px_lexb_grow(b, (void **)&b->senses, &b->cap_senses, b->n_senses + 1,
                      sizeof *b->senses)) {
        px_lexb_fail(b, PX_ENOMEM, "too many senses");
        return;
    }
    b->senses[b->n_senses] = (bsense){c, weight, b->ents[e].head};
    b->ents[e].head = (uint32_t)b->n_senses++;
}

/* ---- concepts ---------------------------------------------------------- */

static bool
cslots_grow(px_lexb *b)
{
    const size_t n = b->n_cslots * 2;
    uint32_t *s = calloc(n, sizeof *s);
    if (s == NULL) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
        return false;
    }
    for (size_t i = 0; i < b->n_cslots; i++) {
        const uint32_t c = b->cslots[i];
        if (c != 0) {
            const px_lexf_concept *k = &b->cons[c];
            size_t j =
                px_lexf_name_hash(pool_str(b, k->name_off, k->name_len)) &
                (n - 1);
            while (s[j] != 0) {
                j = (j + 1) & (n - 1);
            }
            s[j] = c;
        }
    }
    free(b->cslots);
    b->cslots = s;
    b->n_cslots = n;
    return true;
}

static void
set_gloss(px_lexb *b, px_concept c, const char *gloss)
{
    if (gloss == NULL || gloss[0] == '\0' || b->cons[c].gloss_len != 0) {
        return;
    }
    const size_t len = strnlen(gloss, PX_LEXF_MAX_KEY);
    const px_lexf_concept *k = &b->cons[c];
    if (k->name_len == len + 2 &&
        memcmp(b->pool.ptr + k->name_off + 2, gloss, len) == 0) {
        b->cons[c].gloss_off = k->name_off + 2; /* "w:war" glossed "war" */
        b->cons[c].gloss_len = (uint32_t)len;
        return;
    }
    const uint32_t off = pool_add(b, gloss, len);
    if (!b->failed) {
        b->cons[c].gloss_off = off;
        b->cons[c].gloss_len = (uint32_t)len;
    }
}

px_concept
px_lexb_concept(px_lexb *b, const char *name, const char *gloss)
{
    const px_str n = px_str_c(name);
    if (b->failed || n.len == 0 || n.len >= PX_LEXF_MAX_KEY) {
        return 0;
    }
    const uint32_t h = px_lexf_name_hash(n);
    size_t i = h & (b->n_cslots - 1);
    for (; b->cslots[i] != 0; i = (i + 1) & (b->n_cslots - 1)) {
        const px_lexf_concept *k = &b->cons[b->cslots[i]];
        if (px_str_eq(pool_str(b, k->name_off, k->name_len), n)) {
            set_gloss(b, b->cslots[i], gloss);
            return b->failed ? 0 : b->cslots[i];
        }
    }
    if (!px_lexb_grow(b, (void **)&b->cons, &b->cap_cons, b->n_cons + 1,
                      sizeof *b->cons)) {
        return 0;
    }
    const uint32_t off = pool_add(b, n.ptr, n.len);
    if (b->failed) {
        return 0;
    }
    const px_concept c = (px_concept)b->n_cons++;
    b->cons[c] = (px_lexf_concept){off, (uint32_t)n.len, 0, 0};
    b->cslots[i] = c;
    set_gloss(b, c, gloss);
    if (b->n_cons * 2 >= b->n_cslots) {
        cslots_grow(b);
    }
    return b->failed ? 0 : c;
}

/* ---- forms ------------------------------------------------------------- */

/* Puts form's key in lang into b->key; the language index of lang's base,
 * or -1 (nothing to add). */
static int
form_key(px_lexb *b, const char *lang, px_str form, char base[4])
{
    if (b->failed || form.len == 0) {
        return -1;
    }
    px_wordkey_base(lang, base);
    px_error e = {0};
    if (px_wordkey_key(b->wk, lang, form, &b->key, &e) != PX_OK) {
        px_lexb_fail(b, e.code, e.msg);
        return -1;
    }
    if (b->key.len == 0) {
        return -1;
    }
    return lang_index(b, base);
}

void
px_lexb_add(px_lexb *b, const char *lang, px_str form, px_concept c,
            float weight)
{
    char base[4];
    if (c == 0 || c >= b->n_cons || !(weight > 0.0f)) {
        return;
    }
    if (weight > 1.0f) {
        weight = 1.0f;
    }
    const int li = form_key(b, lang, form, base);
    if (li < 0) {
        return;
    }
    const px_str key = {b->key.ptr, b->key.len};
    sense_add(b, entry_get(b, li, PX_LEX_KEY, key), c, weight);
    if (memchr(key.ptr, ' ', key.len) != NULL ||
        !px_wordkey_has_stemmer(base)) {
        return;
    }
    px_error e = {0};
    if (px_wordkey_stem(b->wk, base, key, &b->stem, &e) != PX_OK) {
        px_lexb_fail(b, e.code, e.msg);
        return;
    }
    const px_str stem = {b->stem.ptr, b->stem.len};
    sense_add(b, entry_get(b, li, PX_LEX_STEM, stem), c, weight);
}

size_t
px_lexb_senses(px_lexb *b, const char *lang, px_str form, px_lex_sense *out,
               size_t max)
{
    char base[4];
    const int li = form_key(b, lang, form, base);
    size_t slot = 0;
    const size_t e = li < 0 || b->key.len >= PX_LEXF_MAX_ENTRY_KEY
                         ? SIZE_MAX
                         : entry_find(b, li, PX_LEX_KEY,
                                      (px_str){b->key.ptr, b->key.len}, &slot);
    if (e == SIZE_MAX) {
        return 0;
    }
    size_t n = 0;
    for (uint32_t s = b->ents[e].head; s != NO_SENSE; s = b->senses[s].next) {
        const px_lex_sense v = {b->senses[s].concept, b->senses[s].weight};
        size_t j = n;
        if (n < max) {
            n++;
        } else if (max == 0 || v.weight <= out[max - 1].weight) {
            continue;
        } else {
            j = max - 1;
        }
        while (j > 0 && out[j - 1].weight < v.weight) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = v;
    }
    return n;
}

void
px_lexb_mark(px_lexb *b, const char *lang, px_str form, uint32_t flags)
{
    char base[4];
    const int li = form_key(b, lang, form, base);
    if (li < 0) {
        return;
    }
    const size_t e =
        entry_get(b, li, PX_LEX_KEY, (px_str){b->key.ptr, b->key.len});
    if (e != SIZE_MAX) {
        b->ents[e].flags |= flags & (PX_LEX_WORD | PX_LEX_STOP | PX_LEX_VERB);
    }
}

void
px_lexb_source(px_lexb *b, const char *name, const char *licence,
               size_t n_forms)
{
    if (b->failed) {
        return;
    }
    bsource *s = realloc(b->srcs, (b->n_srcs + 1) * sizeof *s);
    if (s == NULL) {
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
        return;
    }
    b->srcs = s;
    bsource *n = &s[b->n_srcs];
    n->name = strdup(name);
    n->licence = strdup(licence);
    n->n_forms = n_forms;
    if (n->name == NULL || n->licence == NULL) {
        free(n->name);
        free(n->licence);
        px_lexb_fail(b, PX_ENOMEM, "out of memory");
        return;
    }
    b->n_srcs++;
}

/* ---- compiling --------------------------------------------------------- */

/* Marks every proper prefix of entry e's key (by words, or by characters in
 * unspaced languages) PX_LEX_PREFIX and returns how many words (characters)
 * the key has. */
static uint32_t
mark_prefixes(px_lexb *b, size_t e, bool unspaced)
{
    const bentry ent = b->ents[e];
    uint32_t n = 1;
    for (size_t i = 1; i < ent.key_len && !b->failed; i++) {
        const unsigned char ch = (unsigned char)b->pool.ptr[ent.key_off + i];
        const bool cut = unspaced ? (ch & 0xC0) != 0x80 : ch == ' ';
        if (!cut) {
            continue;
        }
        n++;
        b->stem.len = 0;
        px_buf_add(&b->stem, b->pool.ptr + ent.key_off, i);
        if (px_buf_failed(&b->stem)) {
            px_lexb_fail(b, PX_ENOMEM, "out of memory");
            break;
        }
        const size_t p = entry_get(b, ent.lang, PX_LEX_KEY,
                                   (px_str){b->stem.ptr, b->stem.len});
        if (p != SIZE_MAX) {
            b->ents[p].flags |= PX_LEX_PREFIX;
        }
    }
    return n;
}

/* Prefix flags, longest phrases and per-language counts. */
void
px_lexb_compile_prefixes(px_lexb *b)
{
    const size_t n = b->n_ents;
    for (size_t i = 0; i < b->n_langs; i++) { /* px_lexb_write may rerun */
        b->langs[i].n_keys = 0;
        b->langs[i].n_stems = 0;
    }
    for (size_t e = 0; e < n && !b->failed; e++) {
        if (b->ents[e].space != PX_LEX_KEY) {
            continue;
        }
        px_lexf_lang *l = &b->langs[b->ents[e].lang];
        const uint32_t w = mark_prefixes(b, e, px_lexf_unspaced(l->code));
        if (w > l->max_words) {
            l->max_words = w;
        }
    }
    for (size_t e = 0; e < b->n_ents; e++) {
        px_lexf_lang *l = &b->langs[b->ents[e].lang];
        if (b->ents[e].space == PX_LEX_KEY) {
            l->n_keys++;
        } else {
            l->n_stems++;
        }
    }
}

/* True when sense a ranks before b: higher weight; on a tie, the concept
 * more keys reach (رئيس: president, reached from many languages, before
 * principal), then the older concept. */
static bool
sense_before(const px_lexb *b, const px_lex_sense *x, const px_lex_sense *y)
{
    if (x->weight != y->weight) {
        return x->weight > y->weight;
    }
    const uint32_t rx = b->reach != NULL ? b->reach[x->concept] : 0;
    const uint32_t ry = b->reach != NULL ? b->reach[y->concept] : 0;
    if (rx != ry) {
        return rx > ry;
    }
    return x->concept < y->concept;
}

/* Insertion sort: an entry has few senses. */
static void
sort_senses(const px_lexb *b, px_lex_sense *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        const px_lex_sense v = s[i];
        size_t j = i;
        while (j > 0 && sense_before(b, &v, &s[j - 1])) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = v;
    }
}

void
px_lexb_count_reach(px_lexb *b)
{
    free(b->reach);
    b->reach = calloc(b->n_cons, sizeof *b->reach);
    for (size_t i = 0; b->reach != NULL && i < b->n_senses; i++) {
        b->reach[b->senses[i].concept]++;
    }
}

static bool
is_name_kind(const px_lexb *b, px_concept c)
{
    const px_lexf_concept *k = &b->cons[c];
    if (k->name_len < 2 || b->pool.ptr[k->name_off + 1] != ':') {
        return false;
    }
    return strchr("ncrgz", b->pool.ptr[k->name_off]) != NULL;
}

static bool
is_word_kind(const px_lexb *b, px_concept c)
{
    const px_lexf_concept *k = &b->cons[c];
    return k->name_len >= 2 && memcmp(b->pool.ptr + k->name_off, "w:", 2) == 0;
}

/* The name priority rule (CONCEPTS.md): a key that surely names a person,
 * place or country keeps its w: senses at 0.3 at most. */
static void
name_priority(const px_lexb *b, px_lex_sense *s, size_t n)
{
    bool named = false;
    for (size_t i = 0; i < n && !named; i++) {
        named = s[i].weight >= 0.9f && is_name_kind(b, s[i].concept);
    }
    for (size_t i = 0; named && i < n; i++) {
        if (s[i].weight > 0.3f && is_word_kind(b, s[i].concept)) {
            s[i].weight = 0.3f;
        }
    }
}

/* Collects entry e's senses into *tmp (grown as needed), ranks and caps
 * them; how many remain. */
size_t
px_lexb_rank_senses(px_lexb *b, size_t e, px_lex_sense **tmp, size_t *cap)
{
    size_t n = 0;
    for (uint32_t s = b->ents[e].head; s != NO_SENSE; s = b->senses[s].next) {
        if (!px_lexb_grow(b, (void **)tmp, cap, n + 1, sizeof **tmp)) {
            return 0;
        }
        (*tmp)[n++] = (px_lex_sense){b->senses[s].concept, b->senses[s].weight};
    }
    if (n == 0) {
        return 0;
    }
    name_priority(b, *tmp, n);
    sort_senses(b, *tmp, n);
    return n < PX_LEXB_MAX_SENSES ? n : PX_LEXB_MAX_SENSES;
}

/* ---- source paths ------------------------------------------------------ */

static void
set_path(char *dst, size_t n, const char *a, const char *b)
{
    snprintf(dst, n, "%s%s", a, b);
}

void
px_lexsrc_paths_default(px_lexsrc_paths *p, const char *repo_root)
{
    const char *root =
        repo_root != NULL && repo_root[0] != '\0' ? repo_root : ".";
    const char *npm = getenv("PX_NPM_CACHE");
    memset(p, 0, sizeof *p);
    set_path(p->cldr, sizeof p->cldr, "/usr/share/unicode/cldr/common", "");
    set_path(p->iso_codes, sizeof p->iso_codes, "/usr/share/iso-codes/json",
             "");
    set_path(p->locale, sizeof p->locale, "/usr/share/locale", "");
    set_path(p->dictd, sizeof p->dictd, "/usr/share/dictd", "");
    set_path(p->wordnet, sizeof p->wordnet, "/usr/share/wordnet", "");
    set_path(p->jieba, sizeof p->jieba,
             "/usr/lib/python3/dist-packages/jieba/dict.txt", "");
    if (npm != NULL && npm[0] != '\0') {
        set_path(p->npm_dir, sizeof p->npm_dir, npm, "");
    } else {
        set_path(p->npm_dir, sizeof p->npm_dir, root, "/.cache/npm");
    }
    set_path(p->data_dir, sizeof p->data_dir, root, "/data/lexicon");
    set_path(p->hunspell, sizeof p->hunspell, "/usr/share/hunspell", "");
}
