/* test_lemma.c - Hunspell lemmas (lemma.h) and the stems they give
 * (px_wordkey_stem): with Debian's hunspell-pl installed, Polish forms
 * whose stem changes meet their lemma; without a dictionary (an empty
 * $PX_HUNSPELL_DIR) nothing fails and words keep their keys. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lemma.h"
#include "wordkey.h"

static char got[256];

static const char *
lemma(px_lemma *lm, const char *word)
{
    px_buf out;
    px_buf_init(&out);
    got[0] = '\0';
    if (px_lemma_get(lm, "pol", px_str_c(word), &out)) {
        snprintf(got, sizeof got, "%.*s", (int)out.len, out.ptr);
    }
    px_buf_fini(&out);
    return got;
}

static const char *
stem(px_wordkey *wk, const char *lang, const char *word)
{
    px_buf key;
    px_buf out;
    px_buf_init(&key);
    px_buf_init(&out);
    px_wordkey_key(wk, lang, px_str_c(word), &key, NULL);
    px_wordkey_stem(wk, lang, (px_str){key.ptr, key.len}, &out, NULL);
    snprintf(got, sizeof got, "%.*s", (int)out.len, out.ptr);
    px_buf_fini(&key);
    px_buf_fini(&out);
    return got;
}

static void
test_polish(void)
{
    px_lemma *lm = px_lemma_new();
    CHECK(lm != NULL);
    CHECK(px_lemma_lang("pol") && !px_lemma_lang("eng"));
    CHECK_STR_EQ(lemma(lm, "rządzie"), "rząd");
    CHECK_STR_EQ(lemma(lm, "ręce"), "ręka");
    CHECK_STR_EQ(lemma(lm, "zespołu"), "zespół");
    CHECK_STR_EQ(lemma(lm, "warszawie"), "warszawa");
    /* a name the dictionary lists capitalised only */
    CHECK_STR_EQ(lemma(lm, "polsce"), "Polska");
    /* two lemmas: the shorter, whichever form */
    CHECK_STR_EQ(lemma(lm, "premiera"), "premier");
    CHECK_STR_EQ(lemma(lm, "premier"), "premier");
    CHECK_STR_EQ(lemma(lm, "xqzvw"), "");
    CHECK_STR_EQ(lemma(lm, ""), "");
    px_lemma_free(lm);

    px_wordkey *wk = px_wordkey_new();
    CHECK(px_wordkey_has_stemmer("pol") && !px_wordkey_has_snowball("pol"));
    CHECK_STR_EQ(stem(wk, "pol", "Polsce"), "polska");
    CHECK_STR_EQ(stem(wk, "pol", "rządu"), "rząd");
    CHECK_STR_EQ(stem(wk, "pol", "Komarenko"), "komarenko"); /* unknown */
    CHECK_STR_EQ(stem(wk, "eng", "elections"), "elect");     /* Snowball */
    px_wordkey_free(wk);
}

static void
test_absent(void)
{
    setenv("PX_HUNSPELL_DIR", "/nonexistent/hunspell", 1);
    CHECK(!px_lemma_installed("pol"));
    CHECK(!px_wordkey_has_stemmer("pol"));
    px_lemma *lm = px_lemma_new();
    CHECK_STR_EQ(lemma(lm, "rządzie"), "");
    px_lemma_free(lm);
    px_wordkey *wk = px_wordkey_new();
    CHECK_STR_EQ(stem(wk, "pol", "rządzie"), "rządzie");
    CHECK_STR_EQ(stem(wk, "rus", "выборы"), "выбор");
    px_wordkey_free(wk);
    unsetenv("PX_HUNSPELL_DIR");
}

int
main(void)
{
    if (px_lemma_installed("pol")) {
        test_polish();
    } else {
        printf("SKIP: hunspell-pl absent (scripts/setup.sh installs it)\n");
    }
    test_absent();
    return check_summary();
}
