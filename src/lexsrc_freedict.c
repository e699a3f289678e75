/* lexsrc_freedict.c - FreeDict dictionaries between English and another
 * language (Debian dict-freedict-*: /usr/share/dictd/freedict-X-Y.index
 * and .dict.dz) into the lexicon, in both directions.
 *
 * The index holds `headword TAB offset TAB length` with base-64 numbers;
 * the .dict.dz is gzip (dictzip), read whole. An entry's body is its
 * headword line (with IPA), then translation lines: numbered senses
 * ("1. war"), sometimes with notes, examples, synonyms and cross-references
 * (skipped). Translations are split on , ; ، ؛ and bracketed notes
 * ([mil.], <masc>, (informal)) dropped.
 *
 * eng-X: the English headword names the w: concept; each translation is a
 * form of X for it, ranked by position (eng-ara, the richer Arabic side,
 * thus gives Arabic -> English by inversion). X-eng: each English
 * translation names a concept the X headword expresses. Arabic forms with
 * the article ال are also added without it (الحرب -> حرب), since text
 * writes both and the lookup side strips clitics only from text.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexsrc_int.h"

#define FD_MAX_SENSES 8
#define FD_MAX_WORDS  4

typedef struct fd_ctx {
    px_lexb *b;
    px_pivot *pv;
    char lang[4];    /* the other language */
    bool eng_head;   /* eng-X (true) or X-eng */
    px_concept head; /* eng-X: the headword's concept */
    bool head_known; /* eng-X: WordNet knows the headword */
    int head_verb;   /* eng-X: 1 past tense (arrived), 2 third person (says) */
    px_str head_form;
    px_buf name;
    px_buf gloss;
    px_buf form;
    size_t n_forms;
} fd_ctx;

static int
b64_digit(char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

bool
px_lexsrc_dictd_number(px_str s, size_t *out)
{
    size_t v = 0;
    for (size_t i = 0; i < s.len; i++) {
        const int d = b64_digit(s.ptr[i]);
        if (d < 0 || v > (SIZE_MAX >> 6)) {
            return false;
        }
        v = v << 6 | (size_t)d;
    }
    *out = v;
    return s.len > 0;
}

/* Copies s into out without bracketed parts, white space collapsed. */
static void
strip_notes(px_str s, px_buf *out)
{
    int depth = 0;
    out->len = 0;
    for (size_t i = 0; i < s.len; i++) {
        const char c = s.ptr[i];
        if (c == '(' || c == '[' || c == '{' || c == '<') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}' || c == '>') {
            depth -= depth > 0;
        } else if (depth == 0) {
            const bool sp = c == ' ' || c == '\t';
            if (!sp || (out->len > 0 && out->ptr[out->len - 1] != ' ')) {
                px_buf_add_byte(out, px_lexsrc_space(c));
            }
        }
    }
    while (out->len > 0 && out->ptr[out->len - 1] == ' ') {
        out->len--;
    }
    px_buf_add(out, "", 0);
}

/* Forms of more than FD_MAX_WORDS words are explanations, not phrases. */
static bool
too_long(px_str f)
{
    unsigned words = 1;
    for (size_t i = 0; i < f.len; i++) {
        words += f.ptr[i] == ' ';
    }
    return words > FD_MAX_WORDS;
}

static bool
starts_with_article(px_str s)
{
    return s.len > 6 && memcmp(s.ptr, "\xD8\xA7\xD9\x84", 4) == 0 &&
           memchr(s.ptr, ' ', s.len) == NULL;
}

/* An English verb form translated into Arabic: the past tense (Arrived:
 * وصل) and the third person (Says: يقول) are Arabic verbs in the form
 * px_wordkey_ar_verbs rebuilds, marked for it. */
static void
mark_verb(fd_ctx *x, px_str f)
{
    static const char ya[] = "\xD9\x8A"; /* ي */
    if (x->head_verb == 0 || strcmp(x->lang, "ara") != 0 ||
        memchr(f.ptr, ' ', f.len) != NULL ||
        (x->head_verb == 2 && (f.len < 2 || memcmp(f.ptr, ya, 2) != 0))) {
        return;
    }
    px_lexb_mark(x->b, x->lang, f, PX_LEX_VERB);
}

/* 1 when the lower-case English headword h is a past tense of a verb
 * (arrived, said, went), 2 when a third person present (says), else 0. */
static int
verb_form(fd_ctx *x, px_str h)
{
    if (h.len < 3 || memchr(h.ptr, ' ', h.len) != NULL) {
        return 0;
    }
    px_pivot_lemma(x->pv, h, &x->form);
    const px_str lemma = {x->form.ptr, x->form.len};
    if (px_str_eq(lemma, h) ||
        (px_pivot_pos(x->pv, lemma) & PX_POS_VERB) == 0) {
        return 0;
    }
    if (h.ptr[h.len - 1] == 's') {
        return 2;
    }
    const bool ing = h.len > 4 && memcmp(h.ptr + h.len - 3, "ing", 3) == 0;
    return ing ? 0 : 1;
}

/* Adds one translation (piece number i of the entry). */
static void
fd_piece(fd_ctx *x, px_str piece, size_t i)
{
    strip_notes(piece, &x->form);
    const px_str f = {x->form.ptr, x->form.len};
    if (f.len == 0) {
        return;
    }
    if (too_long(f)) {
        return;
    }
    const float w = px_lexsrc_rank_weight(i);
    if (x->eng_head) {
        /* an English headword WordNet does not know (werre, unpeace) is a
         * rarer sense of its translations than one it knows (war) */
        const float hw = x->head_known ? w : w * 0.8f;
        px_lexb_add(x->b, x->lang, f, x->head, hw);
        mark_verb(x, f);
        if (strcmp(x->lang, "ara") == 0 && starts_with_article(f)) {
            px_lexb_add(x->b, x->lang, (px_str){f.ptr + 4, f.len - 4}, x->head,
                        hw);
        }
        x->n_forms++;
        return;
    }
    if (!px_pivot_name(x->pv, f, false, 3, &x->name, &x->gloss)) {
        return;
    }
    const px_concept c = px_lexb_concept(x->b, x->name.ptr, x->gloss.ptr);
    px_pivot_add_english(x->b, f, (px_str){x->gloss.ptr, x->gloss.len}, c);
    const bool known =
        px_pivot_pos(x->pv, (px_str){x->name.ptr + 2, x->name.len - 2}) != 0;
    const float hw = known ? w : w * 0.8f;
    px_lexb_add(x->b, x->lang, x->head_form, c, hw);
    if (strcmp(x->lang, "ara") == 0 && starts_with_article(x->head_form)) {
        px_lexb_add(x->b, x->lang,
                    (px_str){x->head_form.ptr + 4, x->head_form.len - 4}, c,
                    hw);
    }
    x->n_forms++;
}

static bool
skipped_line(px_str t)
{
    static const char *const skip[] = {"Note:", "Synonym", "Antonym", "see:",
                                       "\"",    "Example", "Usage",   "Siehe"};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
        if (px_str_istarts_c(t, skip[i])) {
            return true;
        }
    }
    return t.len == 0;
}

/* Splits one translation line into pieces; returns the next piece number. */
static size_t
fd_line(fd_ctx *x, px_str t, size_t i)
{
    size_t k = 0;
    while (k < t.len && t.ptr[k] >= '0' && t.ptr[k] <= '9') {
        k++;
    }
    if (k > 0 && k + 1 < t.len && t.ptr[k] == '.' && t.ptr[k + 1] == ' ') {
        t = px_str_trim((px_str){t.ptr + k + 2, t.len - k - 2});
    }
    size_t start = 0;
    for (size_t j = 0; j <= t.len && i < FD_MAX_SENSES; j++) {
        const bool end = j == t.len;
        size_t sep = 0;
        if (!end && (t.ptr[j] == ',' || t.ptr[j] == ';')) {
            sep = 1;
        } else if (!end && j + 1 < t.len &&
                   ((unsigned char)t.ptr[j] == 0xD8 &&
                    ((unsigned char)t.ptr[j + 1] == 0x8C ||
                     (unsigned char)t.ptr[j + 1] == 0x9B))) {
            sep = 2; /* ، ؛ */
        }
        if (end || sep > 0) {
            const px_str p = px_str_trim((px_str){t.ptr + start, j - start});
            if (p.len > 0) {
                fd_piece(x, p, i++);
            }
            start = j + sep;
            j += sep > 0 ? sep - 1 : 0;
        }
    }
    return i;
}

/* The headword as the entry writes it ("UN /juːˈɛn/" -> "UN"), or the
 * index's (lower-cased) head when they differ other than by case. */
static px_str
body_head(px_str body, px_str head)
{
    const char *slash = px_str_find(body, " /", 2);
    const char *nl = memchr(body.ptr, '\n', body.len);
    if (slash == NULL || (nl != NULL && slash > nl) ||
        (size_t)(slash - body.ptr) != head.len) {
        return head;
    }
    for (size_t i = 0; i < head.len; i++) {
        if (px_lexsrc_lower(body.ptr[i]) != px_lexsrc_lower(head.ptr[i])) {
            return head;
        }
    }
    return (px_str){body.ptr, head.len};
}

static void
fd_entry(fd_ctx *x, px_str head, px_str body)
{
    if (px_str_istarts_c(head, "00database") ||
        px_str_istarts_c(head, "00-database")) {
        return;
    }
    x->head_form = head;
    if (!x->eng_head && too_long(head)) {
        return;
    }
    if (x->eng_head) {
        const px_str h = body_head(body, head);
        if (!px_pivot_name(x->pv, h, false, 3, &x->name, &x->gloss)) {
            return;
        }
        x->head = px_lexb_concept(x->b, x->name.ptr, x->gloss.ptr);
        /* the index head is lower case: "un" is known when UN is */
        x->head_known = px_pivot_pos(x->pv, (px_str){x->name.ptr + 2,
                                                     x->name.len - 2}) != 0 ||
                        px_pivot_pos(x->pv, head) != 0;
        px_pivot_add_english(x->b, h, (px_str){x->gloss.ptr, x->gloss.len},
                             x->head);
        x->head_verb = strcmp(x->lang, "ara") == 0 ? verb_form(x, head) : 0;
    }
    px_str line;
    px_lexsrc_line(&body, &line); /* the headword line */
    size_t i = 0;
    while (px_lexsrc_line(&body, &line) && i < FD_MAX_SENSES) {
        const px_str t = px_str_trim(line);
        if (!skipped_line(t)) {
            i = fd_line(x, t, i);
        }
    }
}

void
px_lexsrc_dictd_each(px_str index, px_str dict, px_lexsrc_entry_fn fn,
                     void *ctx)
{
    px_str line;
    while (px_lexsrc_line(&index, &line)) {
        const char *t1 = memchr(line.ptr, '\t', line.len);
        const char *t2 =
            t1 != NULL
                ? memchr(t1 + 1, '\t', (size_t)(line.ptr + line.len - t1 - 1))
                : NULL;
        size_t off = 0;
        size_t len = 0;
        if (t2 == NULL ||
            !px_lexsrc_dictd_number((px_str){t1 + 1, (size_t)(t2 - t1 - 1)},
                                    &off) ||
            !px_lexsrc_dictd_number(
                (px_str){t2 + 1, (size_t)(line.ptr + line.len - t2 - 1)},
                &len) ||
            off > dict.len || len > dict.len - off) {
            continue;
        }
        fn(ctx, (px_str){line.ptr, (size_t)(t1 - line.ptr)},
           (px_str){dict.ptr + off, len});
    }
}

static void
fd_entry_cb(void *ctx, px_str head, px_str body)
{
    fd_entry(ctx, head, body);
}

/* The dictionary's edition ("0.6.3") from its header, into out. */
static void
fd_edition(px_str dict, char *out, size_t n)
{
    const px_str head = {dict.ptr, dict.len < 8192 ? dict.len : 8192};
    const char *e = px_str_find(head, "Edition: ", 9);
    size_t k = 0;
    if (e != NULL) {
        e += 9;
        while (e + k < head.ptr + head.len && e[k] != '\n' && k + 1 < n) {
            k++;
        }
    }
    snprintf(out, n, "%.*s", (int)k, e != NULL ? e : "");
}

/* One pair: dir/freedict-NAME.index and .dict.dz; false when missing. */
static bool
fd_pair(fd_ctx *x, const char *dir, const char *name)
{
    char path[600];
    char *index = NULL;
    char *dict = NULL;
    size_t ni = 0;
    size_t nd = 0;
    snprintf(path, sizeof path, "%s/freedict-%s.index", dir, name);
    const bool ok =
        px_lexsrc_slurp(path, "FreeDict", "dict-freedict", &index, &ni, NULL) ==
            PX_OK &&
        (snprintf(path, sizeof path, "%s/freedict-%s.dict.dz", dir, name),
         px_lexsrc_slurp(path, "FreeDict", "dict-freedict", &dict, &nd, NULL) ==
             PX_OK);
    if (ok) {
        x->n_forms = 0;
        px_lexsrc_dictd_each((px_str){index, ni}, (px_str){dict, nd},
                             fd_entry_cb, x);
        char ed[32];
        char src[96];
        fd_edition((px_str){dict, nd}, ed, sizeof ed);
        snprintf(src, sizeof src, "FreeDict %s %s", name, ed);
        /* dated editions (2022.11.18) are WikDict's, from Wiktionary */
        const char *lic = strncmp(ed, "20", 2) == 0     ? "CC BY-SA 3.0"
                          : strstr(name, "deu") != NULL ? "GPL-3 / AGPL-3"
                                                        : "GPL-2+";
        px_lexb_source(x->b, src, lic, x->n_forms);
    }
    free(index);
    free(dict);
    return ok;
}

/* "eng-ara" -> other language "ara", eng_head true; false when neither
 * side is English. */
static bool
fd_langs(const char *pair, fd_ctx *x)
{
    if (strlen(pair) != 7 || pair[3] != '-') {
        return false;
    }
    x->eng_head = strncmp(pair, "eng", 3) == 0;
    if (!x->eng_head && strcmp(pair + 4, "eng") != 0) {
        return false;
    }
    memcpy(x->lang, x->eng_head ? pair + 4 : pair, 3);
    x->lang[3] = '\0';
    return strcmp(x->lang, "eng") != 0;
}

static int
name_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The pair names ("eng-ara") of the FreeDict indexes in dir, sorted (so
 * builds are reproducible); how many, or -1 when dir is missing. */
static int
fd_list(const char *dir, char (*pairs)[16], int max)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return -1;
    }
    int n = 0;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        const size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "freedict-", 9) == 0 && len == 22 &&
            strcmp(e->d_name + 16, ".index") == 0) {
            snprintf(pairs[n++], 16, "%.7s", e->d_name + 9);
        }
    }
    closedir(d);
    qsort(pairs, (size_t)n, sizeof pairs[0], name_cmp);
    return n;
}

px_status
px_lexsrc_freedict(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char pairs[64][16];
    const int n = fd_list(p->dictd, pairs, 64);
    fd_ctx x = {.b = b, .pv = n > 0 ? px_pivot_new(p->wordnet) : NULL};
    size_t n_pairs = 0;
    for (int i = 0; i < n && x.pv != NULL; i++) {
        if (fd_langs(pairs[i], &x)) {
            n_pairs += fd_pair(&x, p->dictd, pairs[i]);
        }
    }
    const bool oom = n > 0 && x.pv == NULL;
    px_pivot_free(x.pv);
    px_buf_fini(&x.name);
    px_buf_fini(&x.gloss);
    px_buf_fini(&x.form);
    if (oom) {
        return px_fail(err, PX_ENOMEM, "FreeDict: out of memory");
    }
    if (n_pairs == 0) {
        return px_fail(err, PX_EIO,
                       "FreeDict: no English pair in %s: install "
                       "dict-freedict-eng-ara dict-freedict-ara-eng",
                       p->dictd);
    }
    return PX_OK;
}
