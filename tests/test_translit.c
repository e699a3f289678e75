/* test_translit.c - transliteration keys across Latin, Arabic and Han, and
 * their edit distance. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "str.h"
#include "translit.h"

static char key_buf[128];

static const char *
key(px_translit *tr, const char *name)
{
    px_buf b;
    px_buf_init(&b);
    key_buf[0] = '\0';
    if (px_translit_key(tr, px_str_c(name), &b, NULL) == PX_OK &&
        b.len < sizeof key_buf) {
        memcpy(key_buf, b.ptr, b.len);
        key_buf[b.len] = '\0';
    } else {
        strcpy(key_buf, "(error)");
    }
    px_buf_fini(&b);
    return key_buf;
}

static void
same_key(px_translit *tr, const char *a, const char *b, const char *want)
{
    CHECK_STR_EQ(key(tr, a), want);
    CHECK_STR_EQ(key(tr, b), want);
}

static void
test_names(px_translit *tr)
{
    same_key(tr, "Aliyev", "علييف", "LF");
    CHECK_STR_EQ(key(tr, "阿利耶夫"), "LF");
    same_key(tr, "Trump", "ترامب", "TLMP");
    CHECK_STR_EQ(key(tr, "特朗普"), "TLMP");
    same_key(tr, "Azerbaijan", "أذربيجان", "SLPKM");
    same_key(tr, "Netanyahu", "نتنياهو", "MTM");
    /* the article and ة go before romanising: السنوار is Sinwar, غزة Gaza */
    same_key(tr, "Sinwar", "السنوار", "SML");
    same_key(tr, "Gaza", "غزة", "KS");
    CHECK_STR_EQ(key(tr, "加沙"), "KS");
    /* a short word starting with ال keeps it: الف (alf) is not an article */
    CHECK_STR_EQ(key(tr, "الف"), "LF");
}

/* Keys are weak evidence: different people can share one. */
static void
test_collisions(px_translit *tr)
{
    char putin[16];
    snprintf(putin, sizeof putin, "%s", key(tr, "Putin"));
    CHECK_STR_EQ(putin, "PTM");
    CHECK_STR_EQ(key(tr, "Biden"), putin);
    CHECK_STR_EQ(key(tr, "بايدن"), "PTM");
    CHECK_STR_EQ(key(tr, "bwtyn"), "PTM");
}

static void
test_edges(px_translit *tr)
{
    CHECK_STR_EQ(key(tr, ""), "");
    CHECK_STR_EQ(key(tr, "aeiou"), "");
    CHECK_STR_EQ(key(tr, "123 !"), "");
    /* Cyrillic and Greek go through Any-Latin too */
    CHECK_STR_EQ(key(tr, "Путин"), "PTM");
    CHECK_STR_EQ(key(tr, "Shoigu"), "SK");
    CHECK_STR_EQ(key(tr, "Khamenei"), "KM"); /* M M collapse */
}

static void
test_distance(void)
{
    CHECK(px_translit_distance(PX_STR_LIT("PTM"), PX_STR_LIT("PTM")) == 0);
    CHECK(px_translit_distance(PX_STR_LIT("PKM"), PX_STR_LIT("PTM")) == 1);
    CHECK(px_translit_distance(PX_STR_LIT("SLPKM"), PX_STR_LIT("SPKM")) == 1);
    CHECK(px_translit_distance(PX_STR_LIT(""), PX_STR_LIT("TLMP")) == 4);
    CHECK(px_translit_distance(PX_STR_LIT("KST"), PX_STR_LIT("")) == 3);
    CHECK(px_translit_distance(PX_STR_LIT("ABCD"), PX_STR_LIT("BADC")) == 3);
}

int
main(void)
{
    px_translit *tr = px_translit_new(NULL);
    CHECK(tr != NULL);
    if (tr != NULL) {
        test_names(tr);
        test_collisions(tr);
        test_edges(tr);
    }
    test_distance();
    px_translit_free(tr);
    px_translit_free(NULL);
    return check_summary();
}
