/* test_concepts.c - word units to concepts on a small lexicon built for the
 * test: phrases longest first (and only across white space), keys, Arabic
 * clitic splits, stems, possessives, stopwords and numbers left out, sums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "concepts.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "str.h"
#include "words.h"

static px_lex *lex;
static px_words *splitter;

static void
add(px_lexb *b, const char *lang, const char *form, const char *name, float w)
{
    px_lexb_add(b, lang, px_str_c(form), px_lexb_concept(b, name, NULL), w);
}

static bool
build_lexicon(const char *path)
{
    px_lexb *b = px_lexb_new();
    if (b == NULL) {
        return false;
    }
    add(b, "eng", "United Nations", "n:united-nations", 1.0f);
    add(b, "eng", "United Nations Security Council", "n:unsc", 1.0f);
    add(b, "eng", "united", "w:united", 0.9f);
    add(b, "eng", "nation", "w:nation", 0.9f);
    add(b, "eng", "Aliyev", "n:ilham-aliyev", 1.0f);
    add(b, "eng", "election", "w:election", 0.9f);
    add(b, "eng", "referendum", "w:referendum", 1.0f);
    add(b, "fra", "guerre", "w:war", 0.9f);
    add(b, "eng", "war", "w:war", 0.9f);
    add(b, "eng", "war", "w:warfare", 0.5f);
    add(b, "und", "Gaza", "g:281133", 1.0f);
    add(b, "ara", "الأمم المتحدة", "n:united-nations", 1.0f);
    add(b, "ara", "رئيس", "w:president", 0.9f);
    add(b, "ara", "غزة", "g:281133", 1.0f);
    add(b, "ara", "زوجة", "w:wife", 0.9f);
    add(b, "zho", "联合国", "n:united-nations", 1.0f);
    add(b, "zho", "加沙", "g:281133", 1.0f);
    add(b, "ara", "وصل", "w:arrive", 0.9f);
    px_lexb_mark(b, "ara", px_str_c("وصل"), PX_LEX_VERB);
    add(b, "ara", "قوم", "w:folk", 0.9f); /* not a verb: يقوم stays out */
    add(b, "ara", "مليار", "w:billion", 0.9f);
    add(b, "rus", "произойти", "w:happen", 0.9f);
    add(b, "deu", "Bund", "w:federation", 0.9f);
    add(b, "deu", "Regierung", "w:government", 0.9f);
    add(b, "rus", "лондон", "g:2643743", 1.0f);
    px_lexb_mark(b, "eng", px_str_c("the"), PX_LEX_STOP);
    px_lexb_mark(b, "eng", px_str_c("in"), PX_LEX_STOP);
    const bool ok = px_lexb_write(b, path, NULL) == PX_OK;
    px_lexb_free(b);
    return ok;
}

typedef struct found {
    px_arena *a;
    px_word *w;
    size_t n_w;
    px_concept_occ *occ;
    size_t n_occ;
    px_concept_sum *sums;
    size_t n_sums;
} found;

static found
find(const char *text, const char *lang)
{
    found f;
    memset(&f, 0, sizeof f);
    f.a = px_arena_new();
    const px_str t = px_str_c(text);
    CHECK(px_words_split(splitter, t, lang, f.a, &f.w, &f.n_w, NULL) == PX_OK);
    CHECK(px_concepts_find(lex, t, lang, f.w, f.n_w, f.a, &f.occ, &f.n_occ,
                           NULL) == PX_OK);
    CHECK(px_concepts_sum(f.occ, f.n_occ, f.a, &f.sums, &f.n_sums, NULL) ==
          PX_OK);
    for (size_t i = 0; i < f.n_occ; i++) {
        CHECK(f.occ[i].word + f.occ[i].n_words <= f.n_w);
        CHECK(i == 0 || f.occ[i].word >= f.occ[i - 1].word);
    }
    return f;
}

static bool
occ_is(const found *f, size_t i, const char *name, uint32_t word,
       uint32_t n_words)
{
    return i < f->n_occ &&
           px_str_eq_c(px_lex_concept_name(lex, f->occ[i].concept), name) &&
           f->occ[i].word == word && f->occ[i].n_words == n_words;
}

static void
test_english(void)
{
    found f = find("The United Nations Security Council met in Gaza: "
                   "Aliyev's elections, war.",
                   "eng");
    CHECK(occ_is(&f, 0, "n:unsc", 1, 4));
    CHECK(occ_is(&f, 1, "g:281133", 7, 1)); /* through "und" */
    CHECK(occ_is(&f, 2, "n:ilham-aliyev", 8, 1));
    CHECK(occ_is(&f, 3, "w:election", 9, 1)); /* stem space */
    CHECK(occ_is(&f, 4, "w:war", 10, 1));
    CHECK(occ_is(&f, 5, "w:warfare", 10, 1));
    CHECK(f.n_occ == 6);
    CHECK(f.occ[3].weight > 0.89f && f.occ[3].weight < 0.91f);
    px_arena_free(f.a);
    /* a comma breaks the phrase; each word goes alone */
    f = find("United, Nations and 2024 United Nations", "eng");
    CHECK(occ_is(&f, 0, "w:united", 0, 1));
    CHECK(occ_is(&f, 1, "w:nation", 1, 1));
    CHECK(occ_is(&f, 2, "n:united-nations", 4, 2));
    CHECK(f.n_occ == 3);
    px_arena_free(f.a);
}

/* A German compound no dictionary lists reads as its head, at half
 * weight; its parts alone read as themselves. */
static void
test_compounds(void)
{
    found f = find("Die Bundesregierungen tagen.", "deu");
    CHECK(occ_is(&f, 0, "w:government", 1, 1));
    CHECK(f.n_occ == 1);
    CHECK(f.n_occ == 1 && f.occ[0].weight > 0.44f && f.occ[0].weight < 0.46f);
    px_arena_free(f.a);
    f = find("Bundesgewitter", "deu"); /* an unknown head: nothing */
    CHECK(f.n_occ == 0);
    px_arena_free(f.a);
}

/* A French word no French dictionary knows meets its English cognate
 * without diacritics, at half weight; one with no cognate stays unknown. */
static void
test_cognates(void)
{
    found f = find("Référendum, guerre, élan.", "fra");
    CHECK(occ_is(&f, 0, "w:referendum", 0, 1));
    CHECK(f.n_occ > 0 && f.occ[0].weight > 0.49f && f.occ[0].weight < 0.51f);
    CHECK(occ_is(&f, 1, "w:war", 1, 1));
    CHECK(f.n_occ > 1 && f.occ[1].weight > 0.89f);
    CHECK(f.n_occ == 2);
    px_arena_free(f.a);
}

/* Inflected forms no dictionary lists, read as the listed ones at half
 * weight: Arabic verbs (only keys marked PX_LEX_VERB) and noun endings,
 * Russian -йти verbs and relational adjectives. */
static void
test_morphology(void)
{
    found f = find("وستصل يقوم المليارات", "arb");
    CHECK(occ_is(&f, 0, "w:arrive", 0, 1));
    CHECK(f.n_occ > 0 && f.occ[0].weight > 0.44f && f.occ[0].weight < 0.46f);
    CHECK(occ_is(&f, 1, "w:billion", 2, 1));
    CHECK(f.n_occ == 2);
    px_arena_free(f.a);
    f = find("Это произошло в лондонской больнице.", "rus");
    CHECK(occ_is(&f, 0, "w:happen", 1, 1));
    CHECK(occ_is(&f, 1, "g:2643743", 3, 1));
    CHECK(f.n_occ == 2);
    px_arena_free(f.a);
}

static void
test_sums(void)
{
    found f = find("War, war and Gaza.", "eng");
    CHECK(f.n_sums == 3);
    CHECK(px_str_eq_c(px_lex_concept_name(lex, f.sums[0].concept), "w:war"));
    CHECK(f.sums[0].n_occ == 2 && f.sums[0].first == 0);
    CHECK(f.sums[0].weight > 1.79f && f.sums[0].weight < 1.81f);
    size_t g = 1; /* ties with w:warfare (1.0) go by id */
    while (
        g < f.n_sums &&
        !px_str_eq_c(px_lex_concept_name(lex, f.sums[g].concept), "g:281133")) {
        g++;
    }
    CHECK(g < f.n_sums && f.sums[g].first == 3 && f.sums[g].n_occ == 1);
    px_arena_free(f.a);
}

static void
test_arabic_chinese(void)
{
    found f = find("قال رئيس الأمم المتحدة في غزة وللرئيس", "arb");
    CHECK(occ_is(&f, 0, "w:president", 1, 1));
    CHECK(occ_is(&f, 1, "n:united-nations", 2, 2));
    CHECK(occ_is(&f, 2, "g:281133", 5, 1));
    CHECK(occ_is(&f, 3, "w:president", 6, 1)); /* و + لل split */
    px_arena_free(f.a);
    f = find("زوجتي", "arb"); /* a pronoun suffix: half weight */
    CHECK(occ_is(&f, 0, "w:wife", 0, 1));
    CHECK(f.n_occ == 1 && f.occ[0].weight > 0.44f && f.occ[0].weight < 0.46f);
    px_arena_free(f.a);
    f = find("联合国在加沙。", "zho-Hans");
    CHECK(occ_is(&f, 0, "n:united-nations", 0, 1));
    CHECK(occ_is(&f, 1, "g:281133", 2, 1));
    px_arena_free(f.a);
    f = find("聯合國", "zho-Hant");
    CHECK(occ_is(&f, 0, "n:united-nations", 0, 1));
    px_arena_free(f.a);
}

/* Stopwords and numbers are not content; no lexicon finds nothing. */
static void
test_content(void)
{
    found f = find("the 20 wars", "eng");
    CHECK(f.n_w == 3);
    CHECK(!px_concepts_is_content(&f.w[0]) && !px_concepts_is_content(&f.w[1]));
    CHECK(px_concepts_is_content(&f.w[2]));
    px_concept_occ *occ = NULL;
    size_t n = 1;
    CHECK(px_concepts_find(NULL, px_str_c("the 20 wars"), "eng", f.w, f.n_w,
                           f.a, &occ, &n, NULL) == PX_OK &&
          n == 0);
    px_arena_free(f.a);
}

int
main(void)
{
    char path[] = "/tmp/px_test_concepts_XXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return check_summary();
    }
    close(fd);
    CHECK(build_lexicon(path));
    CHECK(px_lex_open(path, &lex, NULL) == PX_OK);
    CHECK(px_words_new(lex, &splitter, NULL) == PX_OK);
    if (splitter != NULL) {
        test_english();
        test_cognates();
        test_compounds();
        test_morphology();
        test_sums();
        test_arabic_chinese();
        test_content();
    }
    px_words_free(splitter);
    px_lex_close(lex);
    unlink(path);
    return check_summary();
}
