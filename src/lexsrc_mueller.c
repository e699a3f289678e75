/* lexsrc_mueller.c - V. K. Mueller's English-Russian dictionary (7th
 * edition, Debian mueller7-dict: /usr/share/dictd/mueller7.index and
 * .dict.dz, GPL-2+) into the lexicon: the only large Russian-English
 * dictionary Debian packages (FreeDict eng-rus holds 2 k forms).
 *
 * An entry is its English headword line, then free text: a transcription
 * in brackets, part-of-speech labels (_n. _v., Russian usage labels such
 * as _ист. _разг.), homonym marks (_I _II), numbered groups ("1.") and
 * senses ("1)", "а)"), and senses made of translations separated by ','
 * and ';', followed by examples (an English phrase, then its Russian).
 * The reader joins the text, cuts it into segments at ';' and at sense
 * marks, drops bracketed notes and labels, and keeps the segments written
 * wholly in Cyrillic: their comma-separated pieces of up to three words are
 * the Russian forms of the headword's w: concept. Weights follow the
 * sense number (0.9 for the first sense's first segment, one step less for
 * each later sense or segment; 0.8 times that for a headword WordNet does
 * not know). Forms with ё are also added with е, as news text writes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexsrc_int.h"

#define MU_MAX_FORMS 12
#define MU_MAX_WORDS 3

typedef struct mu_ctx {
    px_lexb *b;
    px_pivot *pv;
    px_concept head;
    bool head_known;
    unsigned sense;  /* the current "N)" sense, 0 before any */
    unsigned seg;    /* segments kept in the current sense */
    unsigned n_kept; /* forms kept in the entry */
    px_buf name;
    px_buf gloss;
    px_buf seg_text; /* the segment being collected */
    px_buf clean;
    px_buf form;
    size_t n_forms;
} mu_ctx;

/* Copies s into out without bracketed parts, white space collapsed. */
static void
strip_brackets(px_str s, px_buf *out)
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
                if (sp) {
                    px_buf_add_byte(out, ' ');
                } else {
                    px_buf_add_byte(out, c);
                }
            }
        }
    }
    px_buf_add(out, "", 0);
}

/* True when piece is a Russian form worth adding: Cyrillic letters, spaces
 * and hyphens only, starting with a letter, at most MU_MAX_WORDS words. */
static bool
russian_piece(px_str p)
{
    unsigned words = 1;
    if (p.len < 2 || (unsigned char)p.ptr[0] < 0xD0 ||
        (unsigned char)p.ptr[0] > 0xD4) {
        return false;
    }
    for (size_t i = 0; i < p.len; i++) {
        const unsigned char c = (unsigned char)p.ptr[i];
        if (c == ' ') {
            words++;
        } else if (c < 0x80 && c != '-') {
            return false; /* Latin, digits, punctuation: not a translation */
        }
    }
    return words <= MU_MAX_WORDS;
}

/* Adds p, and p with ё (U+0451) and Ё (U+0401) written е and Е. */
static void
add_form(mu_ctx *x, px_str p, float w)
{
    px_lexb_add(x->b, "rus", p, x->head, w);
    x->n_forms++;
    x->form.len = 0;
    bool yo = false;
    for (size_t i = 0; i < p.len; i++) {
        const unsigned char c = (unsigned char)p.ptr[i];
        const unsigned char d = i + 1 < p.len ? (unsigned char)p.ptr[i + 1] : 0;
        if ((c == 0xD1 && d == 0x91) || (c == 0xD0 && d == 0x81)) {
            px_buf_add(&x->form, c == 0xD1 ? "\xD0\xB5" : "\xD0\x95", 2);
            yo = true;
            i++;
        } else {
            px_buf_add_byte(&x->form, (char)c);
        }
    }
    if (yo && !px_buf_failed(&x->form)) {
        px_lexb_add(x->b, "rus", (px_str){x->form.ptr, x->form.len}, x->head,
                    w);
    }
}

/* Ends the segment collected so far: its pieces when it is all Russian. */
static void
flush(mu_ctx *x)
{
    strip_brackets((px_str){x->seg_text.ptr, x->seg_text.len}, &x->clean);
    x->seg_text.len = 0;
    const px_str t = {x->clean.ptr, x->clean.len};
    size_t start = 0;
    bool kept = false;
    const unsigned rank = (x->sense > 0 ? x->sense - 1 : 0) + (x->seg > 0);
    const float w0 = px_lexsrc_rank_weight(rank);
    const float w = x->head_known ? w0 : w0 * 0.8f;
    for (size_t j = 0; j <= t.len && x->n_kept < MU_MAX_FORMS; j++) {
        if (j < t.len && t.ptr[j] != ',') {
            continue;
        }
        const px_str p = px_str_trim((px_str){t.ptr + start, j - start});
        start = j + 1;
        if (russian_piece(p)) {
            add_form(x, p, w);
            x->n_kept++;
            kept = true;
        }
    }
    x->seg += kept;
}

/* The number of a sense mark "12)" or group mark "3." (its last byte in
 * *kind), or 0 when tok is not one. */
static unsigned
mark_number(px_str tok, char *kind)
{
    unsigned n = 0;
    size_t i = 0;
    for (; i < tok.len && tok.ptr[i] >= '0' && tok.ptr[i] <= '9'; i++) {
        n = n * 10 + (unsigned)(tok.ptr[i] - '0');
    }
    if (i == 0 || i + 1 != tok.len ||
        (tok.ptr[i] != ')' && tok.ptr[i] != '.')) {
        return 0;
    }
    *kind = tok.ptr[i];
    return n;
}

/* True for a homonym mark (_I, _II, ...) or a letter sub-sense ("а)"). */
static bool
minor_mark(px_str tok)
{
    if (tok.len == 3 && (unsigned char)tok.ptr[0] >= 0xD0 &&
        (unsigned char)tok.ptr[0] <= 0xD1 && tok.ptr[2] == ')') {
        return true;
    }
    return tok.len >= 2 && tok.ptr[0] == '_' &&
           strspn(tok.ptr + 1, "IVX") >= tok.len - 1;
}

/* One space-separated token of the entry text. */
static void
token(mu_ctx *x, px_str tok)
{
    char kind = 0;
    const unsigned n = mark_number(tok, &kind);
    if (n > 0 || minor_mark(tok)) {
        flush(x);
        if (n > 0 || tok.ptr[0] == '_') {
            x->sense = kind == ')' ? n : 0;
            x->seg = 0;
        }
        return;
    }
    if (tok.ptr[0] == '_') {
        return; /* a label (_n. _разг.) */
    }
    for (size_t i = 0; i < tok.len; i++) {
        if (tok.ptr[i] == ';') {
            flush(x);
            continue;
        }
        px_buf_add_byte(&x->seg_text, tok.ptr[i]);
    }
    px_buf_add_byte(&x->seg_text, ' ');
}

static void
mu_entry(void *ctx, px_str index_head, px_str body)
{
    mu_ctx *x = ctx;
    px_str head;
    if (!px_lexsrc_line(&body, &head)) {
        return;
    }
    head = px_str_trim(head);
    if (head.len == 0 || head.ptr[0] == '_' ||
        px_str_istarts_c(index_head, "00") ||
        !px_pivot_name(x->pv, head, false, 3, &x->name, &x->gloss)) {
        return;
    }
    x->head = px_lexb_concept(x->b, x->name.ptr, x->gloss.ptr);
    x->head_known =
        px_pivot_pos(x->pv, (px_str){x->name.ptr + 2, x->name.len - 2}) != 0;
    px_pivot_add_english(x->b, head, (px_str){x->gloss.ptr, x->gloss.len},
                         x->head);
    x->sense = 0;
    x->seg = 0;
    x->n_kept = 0;
    x->seg_text.len = 0;
    size_t i = 0;
    while (i < body.len) {
        while (i < body.len && (body.ptr[i] == ' ' || body.ptr[i] == '\n' ||
                                body.ptr[i] == '\t' || body.ptr[i] == '\r')) {
            i++;
        }
        size_t j = i;
        while (j < body.len && body.ptr[j] != ' ' && body.ptr[j] != '\n' &&
               body.ptr[j] != '\t' && body.ptr[j] != '\r') {
            j++;
        }
        if (j > i) {
            token(x, (px_str){body.ptr + i, j - i});
        }
        i = j;
    }
    flush(x);
}

px_status
px_lexsrc_mueller(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char path[600];
    char *index = NULL;
    char *dict = NULL;
    size_t ni = 0;
    size_t nd = 0;
    mu_ctx x = {.b = b};
    px_status rc = PX_OK;
    snprintf(path, sizeof path, "%s/mueller7.index", p->dictd);
    rc = px_lexsrc_slurp(path, "Mueller", "Debian mueller7-dict", &index, &ni,
                         err);
    if (rc != PX_OK) {
        goto done;
    }
    snprintf(path, sizeof path, "%s/mueller7.dict.dz", p->dictd);
    rc = px_lexsrc_slurp(path, "Mueller", "Debian mueller7-dict", &dict, &nd,
                         err);
    if (rc != PX_OK) {
        goto done;
    }
    x.pv = px_pivot_new(p->wordnet);
    if (x.pv == NULL) {
        rc = px_fail(err, PX_ENOMEM, "Mueller: out of memory");
        goto done;
    }
    px_lexsrc_dictd_each((px_str){index, ni}, (px_str){dict, nd}, mu_entry, &x);
    px_lexb_source(b, "Mueller English-Russian 7th ed. (mueller7-dict)",
                   "GPL-2+", x.n_forms);
done:
    px_pivot_free(x.pv);
    px_buf_fini(&x.name);
    px_buf_fini(&x.gloss);
    px_buf_fini(&x.seg_text);
    px_buf_fini(&x.clean);
    px_buf_fini(&x.form);
    free(index);
    free(dict);
    return rc;
}
