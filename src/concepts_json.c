/* concepts_json.c - an article's concepts as JSON (px_concepts_json):
 * language, word units (words.c) mapped to concepts (concepts.c), summed
 * per concept with the words that produced them.
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "arena.h"
#include "article.h"
#include "concepts.h"
#include "langid.h"
#include "parallax.h"
#include "str.h"
#include "words.h"

/* Words listed per concept at most. */
#define MAX_SHOWN 12

typedef struct article_concepts {
    px_langid_result lang;
    px_word *words;
    size_t n_words;
    px_concept_occ *occ; /* sorted by concept, then word */
    size_t n_occ;
    px_concept_sum *sums;
    size_t n_sums;
    size_t n_content;
    size_t n_covered;
} article_concepts;

static int
occ_cmp(const void *a, const void *b)
{
    const px_concept_occ *x = a;
    const px_concept_occ *y = b;
    if (x->concept != y->concept) {
        return x->concept < y->concept ? -1 : 1;
    }
    return x->word < y->word ? -1 : x->word > y->word;
}

/* Content words and those a concept covers. */
static void
coverage(article_concepts *c, px_arena *a)
{
    unsigned char *hit = px_arena_calloc(a, c->n_words + 1, 1);
    for (size_t i = 0; hit != NULL && i < c->n_occ; i++) {
        memset(hit + c->occ[i].word, 1, c->occ[i].n_words);
    }
    for (size_t i = 0; i < c->n_words; i++) {
        if (px_concepts_is_content(&c->words[i])) {
            c->n_content++;
            c->n_covered += hit != NULL && hit[i];
        }
    }
}

static px_status
find(const px_article *a, px_str text, article_concepts *c, px_error *err)
{
    const px_lex *lex = px_analyse_lexicon();
    px_words *w = NULL;
    px_status rc = px_langid_detect(text, &c->lang, err);
    if (rc == PX_OK) {
        rc = px_analyse_words_get(&w, err);
    }
    if (rc == PX_OK) {
        rc = px_words_split(w, text, c->lang.lang, a->arena, &c->words,
                            &c->n_words, err);
    }
    px_analyse_words_put(w);
    if (rc == PX_OK) {
        rc = px_concepts_find(lex, text, c->lang.lang, c->words, c->n_words,
                              a->arena, &c->occ, &c->n_occ, err);
    }
    if (rc == PX_OK) {
        rc = px_concepts_sum(c->occ, c->n_occ, a->arena, &c->sums, &c->n_sums,
                             err);
    }
    if (rc == PX_OK) {
        coverage(c, a->arena);
        if (c->n_occ > 0) {
            qsort(c->occ, c->n_occ, sizeof *c->occ, occ_cmp);
        }
    }
    return rc;
}

/* The first occurrence of concept k in the sorted occurrences. */
static size_t
first_occ(const article_concepts *c, px_concept k)
{
    size_t lo = 0;
    size_t hi = c->n_occ;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (c->occ[mid].concept < k) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static void
json_concept(px_buf *b, const px_lex *lex, px_str text,
             const article_concepts *c, const px_concept_sum *s)
{
    px_buf_add_c(b, "{\"id\":");
    px_buf_add_json_str(b, px_lex_concept_name(lex, s->concept));
    px_buf_add_c(b, ",\"gloss\":");
    px_buf_add_json_str(b, px_lex_concept_gloss(lex, s->concept));
    px_buf_printf(b, ",\"weight\":%.3f,\"count\":%u,\"words\":[", s->weight,
                  s->n_occ);
    size_t shown = 0;
    for (size_t i = first_occ(c, s->concept);
         i < c->n_occ && c->occ[i].concept == s->concept && shown < MAX_SHOWN;
         i++, shown++) {
        const px_word *w0 = &c->words[c->occ[i].word];
        const px_word *w1 = &c->words[c->occ[i].word + c->occ[i].n_words - 1];
        const size_t end = w1->off + w1->len;
        px_buf_printf(b, "%s{\"offset\":%zu,\"length\":%zu,\"text\":",
                      shown ? "," : "", w0->off, end - w0->off);
        px_buf_add_json_str(b, (px_str){text.ptr + w0->off, end - w0->off});
        px_buf_printf(b, ",\"weight\":%.3f}", c->occ[i].weight);
    }
    px_buf_add_c(b, "]}");
}

px_status
px_concepts_json(const px_article *a, char **out, size_t *len, px_error *err)
{
    *out = NULL;
    const px_str text = {px_article_text(a, NULL), a->text_len};
    article_concepts c;
    memset(&c, 0, sizeof c);
    const px_status rc = find(a, text, &c, err);
    if (rc != PX_OK) {
        return rc;
    }
    const px_lex *lex = px_analyse_lexicon();
    px_buf b;
    px_buf_init(&b);
    px_buf_add_c(&b, "{\"source\":");
    px_buf_add_json_str(&b, px_str_c(a->source != NULL ? a->source : ""));
    px_buf_add_c(&b, ",\"title\":");
    px_buf_add_json_str(&b, px_str_c(a->title != NULL ? a->title : ""));
    px_buf_printf(&b,
                  ",\"language\":\"%s\",\"lexicon\":%s,\"words\":%zu,"
                  "\"content_words\":%zu,\"covered\":%zu,\"concepts\":[",
                  c.lang.lang, lex != NULL ? "true" : "false", c.n_words,
                  c.n_content, c.n_covered);
    for (size_t i = 0; i < c.n_sums; i++) {
        px_buf_add_c(&b, i ? "," : "");
        json_concept(&b, lex, text, &c, &c.sums[i]);
    }
    px_buf_add_c(&b, "]}");
    *out = px_buf_take(&b, len);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "concepts: out of memory");
}
