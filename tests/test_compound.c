/* test_compound.c - German compounds split with a small lexicon
 * (compound.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "compound.h"
#include "lexbuild.h"
#include "lexicon.h"

static px_lex *lex;
static px_wordkey *wk;
static int li;
static char got[256];

static void
add(px_lexb *b, const char *form, const char *name)
{
    px_lexb_add(b, "deu", px_str_c(form), px_lexb_concept(b, name, NULL), 0.9f);
}

static bool
build_lexicon(const char *path)
{
    px_lexb *b = px_lexb_new();
    if (b == NULL) {
        return false;
    }
    add(b, "Bund", "w:federation");
    add(b, "Regierung", "w:government");
    add(b, "Stadt", "w:city");
    add(b, "Bewohner", "w:inhabitant");
    add(b, "Drama", "w:drama");
    add(b, "Tisch", "w:table");
    add(b, "Regie", "w:direction");
    add(b, "Rung", "w:rung");
    add(b, "Unter", "w:under");
    add(b, "Schied", "w:separation");
    add(b, "Dez", "w:december");
    add(b, "Ember", "w:ember");
    px_lexb_mark(b, "deu", px_str_c("unter"), PX_LEX_STOP);
    const bool ok = px_lexb_write(b, path, NULL) == PX_OK;
    px_lexb_free(b);
    return ok;
}

/* "modifier+head", or "" when key does not split. */
static const char *
split(const char *key)
{
    px_buf stem;
    px_buf_init(&stem);
    px_str m;
    px_str h;
    got[0] = '\0';
    if (px_compound_split(lex, li, wk, "deu", px_str_c(key), &stem, &m, &h)) {
        snprintf(got, sizeof got, "%.*s+%.*s", (int)m.len, m.ptr, (int)h.len,
                 h.ptr);
    }
    px_buf_fini(&stem);
    return got;
}

static void
test_splits(void)
{
    CHECK(px_compound_lang("deu") && !px_compound_lang("eng"));
    CHECK_STR_EQ(split("bundesregierung"), "bund+regierung");
    /* the head inflected: found as a stem */
    CHECK_STR_EQ(split("stadtbewohnern"), "stadt+bewohnern");
    CHECK_STR_EQ(split("regierung"), "");      /* known: no 4-letter head */
    CHECK_STR_EQ(split("dramatische"), "");    /* -isch is a suffix */
    CHECK_STR_EQ(split("unterschiede"), "");   /* a stopword modifier */
    CHECK_STR_EQ(split("dezember"), "");       /* 3-letter modifier */
    CHECK_STR_EQ(split("stadt"), "");          /* too short */
    CHECK_STR_EQ(split("bürgerbewohner"), ""); /* unknown modifier */
    CHECK(!px_compound_split(NULL, 0, wk, "deu", px_str_c("bundesregierung"),
                             NULL, NULL, NULL));
}

int
main(void)
{
    char path[] = "/tmp/px_test_compound_XXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return check_summary();
    }
    close(fd);
    CHECK(build_lexicon(path));
    CHECK(px_lex_open(path, &lex, NULL) == PX_OK);
    wk = px_wordkey_new();
    li = px_lex_lang_index(lex, "deu");
    CHECK(li >= 0);
    if (lex != NULL && wk != NULL) {
        test_splits();
    }
    px_wordkey_free(wk);
    px_lex_close(lex);
    unlink(path);
    return check_summary();
}
