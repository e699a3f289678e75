/* test_wordkey.c - matching keys, stems, language bases and Arabic clitic
 * candidates (wordkey.h). */
#include <stdio.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "check.h"
#include "str.h"
#include "wordkey.h"

static px_wordkey *wk;

static const char *
key(const char *lang, const char *s)
{
    static px_buf b;
    px_error err = {0};
    CHECK(px_wordkey_key(wk, lang, px_str_c(s), &b, &err) == PX_OK);
    return b.ptr != NULL ? b.ptr : "";
}

static const char *
stem(const char *lang, const char *s)
{
    static px_buf k;
    static px_buf b;
    px_error err = {0};
    CHECK(px_wordkey_key(wk, lang, px_str_c(s), &k, &err) == PX_OK);
    CHECK(px_wordkey_stem(wk, lang, (px_str){k.ptr, k.len}, &b, &err) == PX_OK);
    return b.ptr != NULL ? b.ptr : "";
}

static void
test_keys(void)
{
    CHECK_STR_EQ(key("eng", "  United\t\tNations "), "united nations");
    CHECK_STR_EQ(key("fra", "Élysée"), "élysée");
    CHECK_STR_EQ(key("deu", "STRAẞE"), "strasse");
    CHECK_STR_EQ(key("eng", "ﬁnal"), "final");          /* NFKC ligature */
    CHECK_STR_EQ(key("eng", "Ａｌｉｙｅｖ"), "aliyev"); /* full width */
    CHECK_STR_EQ(key("eng", "co\xC2\xADoperate"), "cooperate"); /* SHY */
    /* tashkeel, alef forms, taa marbuta, alef maqsura, hamza seats */
    CHECK_STR_EQ(key("arb", "أَذْرَبِيجَان"), "اذربيجان");
    CHECK_STR_EQ(key("arb", "إسرائيل"), "اسراييل");
    CHECK_STR_EQ(key("arb", "غزة"), "غزه");
    CHECK_STR_EQ(key("arb", "مستشفى"), "مستشفي");
    CHECK_STR_EQ(key("arb", "مؤتمر"), "موتمر");
    CHECK_STR_EQ(key("arb", "الـــرئيس"), "الرييس"); /* tatweel */
    CHECK_STR_EQ(key("arb", "ﻻ"), "لا");             /* presentation form */
    /* traditional Chinese folds to simplified (Taiwan usage to mainland) */
    CHECK_STR_EQ(key("zho-Hant", "亞塞拜然總統"), "阿塞拜疆总统");
    CHECK_STR_EQ(key("zho-Hant", "加薩"), "加萨");
    CHECK_STR_EQ(key("zho-Hans", "特朗普"), "特朗普");
    CHECK_STR_EQ(key("eng", ""), "");
    CHECK_STR_EQ(key("eng", "\xFF"), "\xEF\xBF\xBD"); /* invalid: U+FFFD */
}

/* Text all in unified ideographs is its own key before the fold
 * (wordkey.c takes it as it is): each of them is inert under
 * NFKC_Casefold. */
static void
test_unified_han(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&st);
    size_t not_inert = 0;
    for (UChar32 c = 0x3400; c <= 0x9FFF && U_SUCCESS(st); c++) {
        if ((c <= 0x4DBF || c >= 0x4E00) && !unorm2_isInert(nf, c)) {
            not_inert++;
        }
    }
    CHECK(U_SUCCESS(st) && not_inert == 0);
    CHECK_STR_EQ(key("zho-Hans", "中文"), "中文");
    CHECK_STR_EQ(key("zho-Hant", "中文體"), "中文体");
    CHECK_STR_EQ(key("zho-Hans", "中\xE4\xB8"), "中\xEF\xBF\xBD");
    CHECK_STR_EQ(key("zho-Hans", "\xE4\xB7\x80"), "\xE4\xB7\x80"); /* U+4DC0 */
}

/* px_wordkey_keys gives each part the key px_wordkey_key gives it, with
 * traditional Chinese folded in one call: phrases (軟體, 滑鼠) fold as a
 * whole within a part and never across two (體 + 滑 is no phrase). */
static void
test_keys_at_once(void)
{
    static const char *const parts[] = {"亞塞拜然總統", "軟體", "滑鼠", "的",
                                        "計程車",       "網路", "ｘ體", "加薩"};
    static const char *const langs[] = {"zho-Hant", "zho-Hans", "eng"};
    const size_t n = sizeof parts / sizeof parts[0];
    px_str in[sizeof parts / sizeof parts[0]];
    size_t ends[sizeof parts / sizeof parts[0]];
    px_buf out;
    px_buf_init(&out);
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        for (size_t i = 0; i < n; i++) {
            in[i] = px_str_c(parts[i]);
        }
        CHECK(px_wordkey_keys(wk, langs[l], in, n, &out, ends, NULL) == PX_OK);
        for (size_t i = 0; i < n; i++) {
            const size_t from = i > 0 ? ends[i - 1] : 0;
            const px_str got = {out.ptr + from, ends[i] - from};
            CHECK(px_str_eq_c(got, key(langs[l], parts[i])));
        }
    }
    /* a part in ASCII (never folded) makes every part keyed alone */
    in[0] = px_str_c("Taiwan");
    CHECK(px_wordkey_keys(wk, "zho-Hant", in, 2, &out, ends, NULL) == PX_OK);
    CHECK(ends[0] == 6 && px_str_eq_c((px_str){out.ptr + 6, ends[1] - 6},
                                      key("zho-Hant", parts[1])));
    CHECK(px_wordkey_keys(wk, "zho-Hant", in, 0, &out, ends, NULL) == PX_OK);
    CHECK(out.len == 0);
    CHECK(px_wordkey_folds("zho-Hant") && !px_wordkey_folds("zho-Hans"));
    px_buf_fini(&out);
}

static void
test_stems(void)
{
    CHECK_STR_EQ(stem("eng", "Elections"), "elect");
    CHECK_STR_EQ(stem("eng", "negotiated"), "negoti");
    CHECK_STR_EQ(stem("ara", "المفاوضات"), "مفاوض");
    CHECK_STR_EQ(stem("rus", "выборы"), "выбор");
    CHECK_STR_EQ(stem("zho", "总统"), "总统"); /* no stemmer: the key */
    CHECK(px_wordkey_has_stemmer("arb"));
    CHECK(px_wordkey_has_stemmer("fra"));
    CHECK(!px_wordkey_has_stemmer("zho-Hans"));
}

static void
test_bases(void)
{
    char b[4];
    px_wordkey_base("arb", b);
    CHECK_STR_EQ(b, "ara");
    px_wordkey_base("zho-Hant", b);
    CHECK_STR_EQ(b, "zho");
    px_wordkey_base("cmn", b);
    CHECK_STR_EQ(b, "zho");
    px_wordkey_base("en", b);
    CHECK_STR_EQ(b, "eng");
    px_wordkey_base("fra", b);
    CHECK_STR_EQ(b, "fra");
    px_wordkey_base("english", b);
    CHECK_STR_EQ(b, "und");
    px_wordkey_base("", b);
    CHECK_STR_EQ(b, "und");
}

static void
check_clitics(const char *word, size_t n_want, const char *const *want)
{
    px_buf k = {0};
    px_error err = {0};
    CHECK(px_wordkey_key(wk, "arb", px_str_c(word), &k, &err) == PX_OK);
    size_t offs[8];
    const size_t n = px_wordkey_ar_clitics((px_str){k.ptr, k.len}, offs, 8);
    CHECK(n == n_want);
    for (size_t i = 0; i < n && i < n_want; i++) {
        CHECK_STR_EQ(k.ptr + offs[i], want[i]);
    }
    px_buf_fini(&k);
}

static void
test_clitics(void)
{
    static const char *const w1[] = {"الانتخابات", "انتخابات"};
    check_clitics("والانتخابات", 2, w1);
    static const char *const w2[] = {"لرييس", "رييس"};
    check_clitics("للرئيس", 2, w2);
    static const char *const w3[] = {"حكومه"};
    check_clitics("بالحكومة", 2, (const char *const[]){"الحكومه", "حكومه"});
    check_clitics("الحكومة", 1, w3);
    check_clitics("حرب", 0, NULL);
    check_clitics("ول", 0, NULL); /* nothing may leave one letter */
}

/* True when the analysis of word (by fn) offers cand among its
 * candidates; *pos gets its place. */
typedef size_t (*analysis_fn)(px_str, char *, size_t, px_str *, size_t);

static bool
offers(analysis_fn fn, const char *word, const char *cand, size_t *pos)
{
    px_buf k = {0};
    px_error err = {0};
    CHECK(px_wordkey_key(wk, "arb", px_str_c(word), &k, &err) == PX_OK);
    char buf[512];
    px_str out[32];
    const size_t n = fn((px_str){k.ptr, k.len}, buf, sizeof buf, out, 32);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        found = px_str_eq(out[i], px_str_c(cand));
        *pos = i;
    }
    px_buf_fini(&k);
    return found;
}

static void
test_ar_verbs(void)
{
    size_t at = 0;
    CHECK(offers(px_wordkey_ar_verbs, "تكون", "كان", &at));  /* hollow */
    CHECK(offers(px_wordkey_ar_verbs, "يكن", "كان", &at));   /* jussive */
    CHECK(offers(px_wordkey_ar_verbs, "ستكون", "كان", &at)); /* future */
    CHECK(offers(px_wordkey_ar_verbs, "تصل", "وصل", &at));   /* assimilated */
    CHECK(offers(px_wordkey_ar_verbs, "يستخدمون", "استخدم", &at)); /* X */
    CHECK(offers(px_wordkey_ar_verbs, "تقول", "يقول", &at));       /* ي form */
    CHECK(offers(px_wordkey_ar_verbs, "وصلت", "وصل", &at));   /* past + ت */
    CHECK(offers(px_wordkey_ar_verbs, "شهدت", "يشهد", &at));  /* imperfect */
    CHECK(offers(px_wordkey_ar_verbs, "اتخاذ", "اتخذ", &at)); /* masdar */
    /* تمت is تم + ت before it is ت + مت (مات "died") */
    size_t tam = 0;
    size_t mat = 0;
    CHECK(offers(px_wordkey_ar_verbs, "تمت", "تم", &tam));
    CHECK(offers(px_wordkey_ar_verbs, "تمت", "مات", &mat) && tam < mat);
    char buf[8];
    px_str out[4];
    CHECK(px_wordkey_ar_verbs(px_str_c("war"), buf, sizeof buf, out, 4) == 0);
    CHECK(px_wordkey_ar_verbs(px_str_c("يستخدمون"), buf, sizeof buf, out, 4) <=
          4); /* bounded by the buffer */
    CHECK(offers(px_wordkey_ar_nouns, "مليارات", "مليار", &at));
    CHECK(offers(px_wordkey_ar_nouns, "مباراتين", "مباراه", &at));
    CHECK(offers(px_wordkey_ar_nouns, "اعوام", "عام", &at)); /* أفعال */
    CHECK(offers(px_wordkey_ar_nouns, "اسبوعيا", "اسبوعي", &at));
    CHECK(!offers(px_wordkey_ar_nouns, "عليا", "علي", &at));
}

/* px_wordkey_keeps: telling code points, and for every BMP code point it
 * keeps, its key alone is not empty. */
static void
test_keeps(void)
{
    CHECK(px_wordkey_keeps('a'));
    CHECK(px_wordkey_keeps(0x0627));  /* alef */
    CHECK(px_wordkey_keeps(0x0915));  /* Devanagari ka */
    CHECK(!px_wordkey_keeps(0x064B)); /* fathatan */
    CHECK(!px_wordkey_keeps(0x0640)); /* tatweel */
    CHECK(!px_wordkey_keeps(0x200C)); /* ZWNJ */
    CHECK(!px_wordkey_keeps(0x00AD)); /* soft hyphen */
    CHECK(!px_wordkey_keeps(' '));
    CHECK(!px_wordkey_keeps(0x3000));
    CHECK(!px_wordkey_keeps(0x1F600)); /* outside the BMP: not known */
    px_buf out;
    px_buf_init(&out);
    size_t wrong = 0;
    for (int32_t c = 0; c < 0x10000; c++) {
        if (!U_IS_SURROGATE(c) && px_wordkey_keeps(c)) {
            char s[4];
            int32_t n = 0;
            U8_APPEND_UNSAFE(s, n, c);
            px_wordkey_key(wk, "ara", (px_str){s, (size_t)n}, &out, NULL);
            wrong += out.len == 0;
        }
    }
    CHECK(wrong == 0);
    px_buf_fini(&out);
}

static const char *
ar_light(const char *word)
{
    static char out[128];
    px_buf key;
    px_buf_init(&key);
    px_wordkey_key(wk, "ara", px_str_c(word), &key, NULL);
    const px_str s = px_wordkey_ar_light((px_str){key.ptr, key.len});
    snprintf(out, sizeof out, "%.*s", (int)s.len, s.ptr);
    px_buf_fini(&key);
    return out;
}

static void
test_ar_light(void)
{
    /* with and without the article, ة and its pronoun ه alike */
    CHECK_STR_EQ(ar_light("السعودية"), "سعود");
    CHECK_STR_EQ(ar_light("سعودي"), "سعود");
    CHECK_STR_EQ(ar_light("المملكة"), "مملك");
    CHECK_STR_EQ(ar_light("مملكة"), "مملك");
    CHECK_STR_EQ(ar_light("الشركات"), "شرك");
    CHECK_STR_EQ(ar_light("للوزير"), "وزير");
    CHECK_STR_EQ(ar_light("وزير"), "وزير"); /* و is not split here */
    CHECK_STR_EQ(ar_light("السعوديين"), "سعود");
    CHECK_STR_EQ(ar_light("دول"), "دول"); /* three letters stay */
    CHECK_STR_EQ(ar_light("الان"), "الان");
    CHECK_STR_EQ(ar_light(""), "");
}

int
main(void)
{
    wk = px_wordkey_new();
    CHECK(wk != NULL);
    test_keys();
    test_keys_at_once();
    test_unified_han();
    test_stems();
    test_bases();
    test_clitics();
    test_ar_verbs();
    test_keeps();
    test_ar_light();
    px_wordkey_free(wk);
    return check_summary();
}
