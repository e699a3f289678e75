/* lexsrc_tri.c - translations through a third language: FreeDict pairs
 * between a pivot language whose words the lexicon already maps well
 * (German: FreeDict deu-eng and eng-deu hold 1.4 M forms) and another
 * language (Debian dict-freedict-deu-spa, deu-fra, deu-rus: the WikDict
 * dictionaries made from Wiktionary, GPL-3 / AGPL-3 like deu-eng).
 *
 * A German headword's best senses (px_lexb_senses, as the readers before
 * this one left them) become senses of its translations, and the reverse
 * for pairs written the other way (X-deu): Präsident -> w:president gives
 * presidente -> w:president. Only the translation lines are read: the line
 * after the headword and lines numbered "2. ..."; the German definitions
 * between them are skipped. Weights: the pivot sense's weight times the
 * sense rank's (0.9, 0.7, ...) times 0.7, so a triangulated sense stays
 * below a direct dictionary's, and only pivot senses of weight >= 0.5 (at
 * most two) are passed on, and only to forms that no direct dictionary
 * gives a sense of more than 0.6. Must run after the English dictionaries.
 *
 * The WikDict pairs into Russian from French, Dutch, Swedish, Italian and
 * Polish (dict-freedict-fra-rus...) pass senses the same way, but only to
 * forms that have none yet, and never for a capitalised word on either
 * side: through these smaller dictionaries names went astray (Уэст read
 * as w:west cost 1.3 points of cross-language story F1 on NTREX).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexsrc_int.h"

#define TRI_MAX_LINES    3
#define TRI_MAX_PIECES   3
#define TRI_MAX_WORDS    3
#define TRI_PIVOT_SENSES 1
#define TRI_SCALE        0.7f
/* above what a triangulated sense can weigh (0.9 * 0.9 * 0.7) */
#define TRI_DIRECT 0.6f

typedef struct tri_ctx {
    px_lexb *b;
    char pivot[4];
    char other[4];
    bool pivot_head; /* pivot-X (true) or X-pivot */
    px_str head;
    px_buf piece;
    size_t n_forms;
} tri_ctx;

/* True when s starts with a capital letter (Latin or Cyrillic). */
static bool
capitalised(px_str s)
{
    const unsigned char *u = (const unsigned char *)s.ptr;
    if (s.len > 0 && u[0] >= 'A' && u[0] <= 'Z') {
        return true;
    }
    return s.len > 1 && u[0] == 0xD0 &&
           ((u[1] >= 0x90 && u[1] <= 0xAF) || u[1] == 0x81);
}

/* Adds the senses pivot form p has to other form o at rank weight w. */
static void
transfer(tri_ctx *x, px_str p, px_str o, float w)
{
    px_lex_sense s[TRI_PIVOT_SENSES];
    const bool german = strcmp(x->pivot, "deu") == 0;
    if (px_lexb_senses(x->b, x->other, o, s, 1) > 0 &&
        (!german || s[0].weight > TRI_DIRECT)) {
        return; /* a direct dictionary (or German) knows o */
    }
    const size_t n = px_lexb_senses(x->b, x->pivot, p, s, TRI_PIVOT_SENSES);
    if (!german && (capitalised(p) || capitalised(o))) {
        return; /* names: the weaker pivots mistake them for words */
    }
    const float least = 0.5f;
    const float scale = TRI_SCALE;
    for (size_t i = 0; i < n; i++) {
        if (s[i].weight >= least) {
            px_lexb_add(x->b, x->other, o, s[i].concept,
                        s[i].weight * w * scale);
            x->n_forms++;
        }
    }
}

/* Copies p into x->piece without bracketed notes; false when it is empty
 * or longer than TRI_MAX_WORDS words. */
static bool
clean_piece(tri_ctx *x, px_str p)
{
    int depth = 0;
    unsigned words = 1;
    x->piece.len = 0;
    for (size_t i = 0; i < p.len; i++) {
        const char c = p.ptr[i];
        if (c == '(' || c == '[' || c == '{' || c == '<') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}' || c == '>') {
            depth -= depth > 0;
        } else if (depth == 0) {
            words += c == ' ';
            px_buf_add_byte(&x->piece, c);
        }
    }
    const px_str t = px_str_trim((px_str){x->piece.ptr, x->piece.len});
    if (t.len == 0 || words > TRI_MAX_WORDS) {
        return false;
    }
    memmove(x->piece.ptr, t.ptr, t.len);
    x->piece.len = t.len;
    px_buf_add(&x->piece, "", 0);
    return !px_buf_failed(&x->piece);
}

/* One translation line of sense number k (0-based). */
static void
tri_line(tri_ctx *x, px_str t, size_t k)
{
    size_t start = 0;
    size_t n = 0;
    const float w = px_lexsrc_rank_weight(k);
    for (size_t j = 0; j <= t.len && n < TRI_MAX_PIECES; j++) {
        if (j < t.len && t.ptr[j] != ',' && t.ptr[j] != ';') {
            continue;
        }
        const px_str p = px_str_trim((px_str){t.ptr + start, j - start});
        start = j + 1;
        if (!clean_piece(x, p)) {
            continue;
        }
        const px_str tr = {x->piece.ptr, x->piece.len};
        if (x->pivot_head) {
            transfer(x, x->head, tr, w);
        } else {
            transfer(x, tr, x->head, w);
        }
        n++;
    }
}

/* Length of a leading "12. " sense number in t, or 0. */
static size_t
number_prefix(px_str t)
{
    size_t k = 0;
    while (k < t.len && t.ptr[k] >= '0' && t.ptr[k] <= '9') {
        k++;
    }
    return k > 0 && k + 1 < t.len && t.ptr[k] == '.' && t.ptr[k + 1] == ' '
               ? k + 2
               : 0;
}

/* t without a trailing " 2." (the next sense's number, wrapped). */
static px_str
cut_trailing_number(px_str t)
{
    size_t e = t.len;
    if (e > 0 && t.ptr[e - 1] == '.') {
        e--;
        while (e > 0 && t.ptr[e - 1] >= '0' && t.ptr[e - 1] <= '9') {
            e--;
        }
        if (e < t.len - 1 && e > 0 && t.ptr[e - 1] == ' ') {
            return px_str_trim((px_str){t.ptr, e});
        }
    }
    return t;
}

static void
tri_entry(void *ctx, px_str head, px_str body)
{
    tri_ctx *x = ctx;
    if (px_str_istarts_c(head, "00")) {
        return;
    }
    px_str line;
    if (!px_lexsrc_line(&body, &line)) {
        return;
    }
    /* the headword as written: the line up to its transcription */
    const char *slash = px_str_find(line, " /", 2);
    const char *angle = px_str_find(line, " <", 2);
    const char *end = slash != NULL ? slash : angle;
    x->head = px_str_trim(
        (px_str){line.ptr, end != NULL ? (size_t)(end - line.ptr) : line.len});
    size_t k = 0;
    for (size_t i = 0; px_lexsrc_line(&body, &line) && k < TRI_MAX_LINES; i++) {
        px_str t = px_str_trim(line);
        const size_t num = number_prefix(t);
        if (i > 0 && num == 0) {
            continue; /* a definition in the pivot language */
        }
        t = cut_trailing_number(
            px_str_trim((px_str){t.ptr + num, t.len - num}));
        if (t.len > 0) {
            tri_line(x, t, k++);
        }
    }
}

/* One pair file (dir/freedict-NAME.index, .dict.dz); false when missing. */
static bool
tri_pair(tri_ctx *x, const char *dir, const char *name)
{
    char path[600];
    char *index = NULL;
    char *dict = NULL;
    size_t ni = 0;
    size_t nd = 0;
    snprintf(path, sizeof path, "%s/freedict-%s.index", dir, name);
    bool ok = px_lexsrc_slurp(path, "FreeDict", "dict-freedict", &index, &ni,
                              NULL) == PX_OK;
    snprintf(path, sizeof path, "%s/freedict-%s.dict.dz", dir, name);
    ok = ok && px_lexsrc_slurp(path, "FreeDict", "dict-freedict", &dict, &nd,
                               NULL) == PX_OK;
    if (ok) {
        x->n_forms = 0;
        px_lexsrc_dictd_each((px_str){index, ni}, (px_str){dict, nd}, tri_entry,
                             x);
        char src[96];
        snprintf(src, sizeof src, "FreeDict %s (through %s)", name, x->pivot);
        px_lexb_source(x->b, src, "CC BY-SA 3.0 (WikDict)", x->n_forms);
    }
    free(index);
    free(dict);
    return ok;
}

/* Which side of pair ("deu-spa") is the pivot; false when neither is, or
 * the other side is English (read directly by lexsrc_freedict.c). */
static bool
tri_langs(const char *pair, tri_ctx *x)
{
    static const char *const pivots[] = {"deu", "fra", "nld",
                                         "swe", "ita", "pol"};
    if (strlen(pair) != 7 || pair[3] != '-') {
        return false;
    }
    for (size_t i = 0; i < sizeof pivots / sizeof pivots[0]; i++) {
        const bool head = strncmp(pair, pivots[i], 3) == 0;
        if (head || strcmp(pair + 4, pivots[i]) == 0) {
            x->pivot_head = head;
            memcpy(x->pivot, pivots[i], 4);
            memcpy(x->other, head ? pair + 4 : pair, 3);
            x->other[3] = '\0';
            return strcmp(x->other, "eng") != 0;
        }
    }
    return false;
}

static int
name_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

px_status
px_lexsrc_triangulate(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char pairs[256][16];
    int n = 0;
    DIR *d = opendir(p->dictd);
    const struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL && n < 256) {
        const size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "freedict-", 9) == 0 && len == 22 &&
            strcmp(e->d_name + 16, ".index") == 0) {
            snprintf(pairs[n++], 16, "%.7s", e->d_name + 9);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    qsort(pairs, (size_t)n, sizeof pairs[0], name_cmp);
    tri_ctx x = {.b = b};
    size_t n_pairs = 0;
    for (int i = 0; i < n; i++) {
        if (tri_langs(pairs[i], &x)) {
            n_pairs += tri_pair(&x, p->dictd, pairs[i]);
        }
    }
    px_buf_fini(&x.piece);
    if (n_pairs == 0) {
        return px_fail(err, PX_EIO,
                       "FreeDict pivot pairs: none in %s: install "
                       "dict-freedict-deu-spa dict-freedict-deu-fra "
                       "dict-freedict-deu-rus dict-freedict-fra-rus",
                       p->dictd);
    }
    return PX_OK;
}
