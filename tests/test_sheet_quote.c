/* test_sheet_quote.c - quotes of a story sheet (sheet_quote.c) on
 * project-written snippets in English, Arabic and Chinese: one speaker
 * named in three scripts is one speaker; reported speech is one quote per
 * speech verb; the same statement in three languages (nobody helped the
 * country, a negated "anyone") is one group, paired by polarity and
 * concepts, and the speaker's other statement (a bridge) stays apart; a
 * statement and its negation never share a group. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "parallax.h"

static const char *const en_text =
    "President Ilham Aliyev said on Monday that the country will build a "
    "new bridge over the river next year. He added that nobody helped the "
    "country when the floods came.";
static const char *const ar_text =
    "قال الرئيس إلهام علييف يوم الاثنين إن البلاد ستبني جسرا جديدا فوق "
    "النهر العام المقبل. وأضاف أنه لم يساعد أحد البلاد عندما جاءت "
    "الفيضانات.";
static const char *const zh_text =
    "总统阿利耶夫周一表示,国家明年将在河上建一座新桥。"
    "他还说,洪水来的时候,没有人帮助这个国家。";

static json_t *
sheet_all(px_storyset *set)
{
    char *js = NULL;
    size_t len = 0;
    CHECK(px_storyset_sheet_json(set, PX_STORY_ALL, &js, &len, NULL) == PX_OK);
    json_t *j = js != NULL ? json_loadb(js, len, 0, NULL) : NULL;
    px_free(js);
    return j;
}

/* The group of the quote of source src whose text holds word, or -1. */
static json_int_t
group_of(json_t *sheet, json_int_t src, const char *word, const char **who)
{
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(sheet, "quotes"), i, q)
    {
        json_t *sp = json_object_get(q, "span");
        const char *t = json_string_value(json_object_get(sp, "text"));
        if (json_integer_value(json_object_get(sp, "source")) == src &&
            t != NULL && strstr(t, word) != NULL) {
            *who = json_string_value(json_object_get(q, "concept"));
            return json_integer_value(json_object_get(q, "group"));
        }
    }
    *who = NULL;
    return -1;
}

/* Source number of the sheet's source in language lang, or -1. */
static json_int_t
src_of(json_t *sheet, const char *lang)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(sheet, "sources"), i, s)
    {
        const char *l = json_string_value(json_object_get(s, "lang"));
        if (l != NULL && strncmp(l, lang, 3) == 0) {
            return (json_int_t)i;
        }
    }
    return -1;
}

/* The source of the first quote whose text holds word, or -1. */
static json_int_t
src_with(json_t *sheet, const char *word)
{
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(sheet, "quotes"), i, q)
    {
        json_t *sp = json_object_get(q, "span");
        const char *t = json_string_value(json_object_get(sp, "text"));
        if (t != NULL && strstr(t, word) != NULL) {
            return json_integer_value(json_object_get(sp, "source"));
        }
    }
    return -1;
}

/* A new storyset with the lexicon, or NULL (a SKIP line when the lexicon
 * is missing: quote alignment needs it). */
static px_storyset *
set_with_lexicon(void)
{
    px_storyset *set = NULL;
    CHECK(px_storyset_new(NULL, NULL, &set, NULL) == PX_OK);
    if (set != NULL && !px_storyset_has_lexicon(set)) {
        printf("SKIP: quote alignment needs the lexicon\n");
        px_storyset_free(set);
        set = NULL;
    }
    return set;
}

static void
test_three_languages(void)
{
    px_storyset *set = set_with_lexicon();
    if (set == NULL) {
        return;
    }
    CHECK(px_storyset_add_text(set, "en", "Bridge", en_text, "eng", NULL) ==
          PX_OK);
    CHECK(px_storyset_add_text(set, "ar", "جسر", ar_text, "arb", NULL) ==
          PX_OK);
    CHECK(px_storyset_add_text(set, "zh", "桥", zh_text, "zho", NULL) == PX_OK);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    json_t *sheet = sheet_all(set);
    const json_int_t en = src_of(sheet, "eng");
    const json_int_t ar = src_of(sheet, "arb");
    const json_int_t zh = src_of(sheet, "zho");
    CHECK(en >= 0 && ar >= 0 && zh >= 0);
    const char *w_en = NULL;
    const char *w_ar = NULL;
    const char *w_zh = NULL;
    const json_int_t g_en = group_of(sheet, en, "nobody", &w_en);
    const json_int_t g_ar = group_of(sheet, ar, "يساعد", &w_ar);
    const json_int_t g_zh = group_of(sheet, zh, "没有人", &w_zh);
    printf("quotes: nobody helped: groups en %lld ar %lld zh %lld\n",
           (long long)g_en, (long long)g_ar, (long long)g_zh);
    /* one speaker across scripts */
    CHECK(w_en != NULL && strcmp(w_en, "n:ilham-aliyev") == 0);
    CHECK(w_ar != NULL && strcmp(w_ar, "n:ilham-aliyev") == 0);
    CHECK(w_zh != NULL && strcmp(w_zh, "n:ilham-aliyev") == 0);
    /* the "He added" clause is its own quote, apart from the bridge */
    const char *w = NULL;
    const json_int_t b_en = group_of(sheet, en, "bridge", &w);
    CHECK(b_en >= 0 && b_en != g_en);
    const json_int_t b_ar = group_of(sheet, ar, "جسرا", &w);
    CHECK(b_ar >= 0 && b_ar != g_ar);
    /* the same statement in three languages is one group */
    CHECK(g_en >= 0 && g_en == g_ar && g_ar == g_zh);
    json_decref(sheet);
    px_storyset_free(set);
}

/* A speaker's statement with no counterpart stays alone. */
static void
test_no_counterpart(void)
{
    px_storyset *set = set_with_lexicon();
    if (set == NULL) {
        return;
    }
    CHECK(px_storyset_add_text(
              set, "a", "Harbour",
              "President Ilham Aliyev said the harbour will reopen on Friday "
              "after the storm damaged three piers.",
              "eng", NULL) == PX_OK);
    CHECK(px_storyset_add_text(
              set, "b", "Harbour",
              "President Ilham Aliyev said he never liked the colour of the "
              "new museum downtown. The harbour will reopen on Friday after "
              "the storm damaged three piers.",
              "eng", NULL) == PX_OK);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    json_t *sheet = sheet_all(set);
    const char *w = NULL;
    const json_int_t a =
        group_of(sheet, src_with(sheet, "harbour"), "harbour", &w);
    const json_int_t b =
        group_of(sheet, src_with(sheet, "museum"), "museum", &w);
    printf("quotes: harbour %lld museum %lld\n", (long long)a, (long long)b);
    CHECK(a >= 0 && b >= 0 && a != b);
    json_decref(sheet);
    px_storyset_free(set);
}

/* A statement and its negation are two groups, however alike their
 * words: "will send troops" against لن ترسل قوات (will not send). */
static void
test_polarity(void)
{
    px_storyset *set = set_with_lexicon();
    if (set == NULL) {
        return;
    }
    CHECK(px_storyset_add_text(set, "en", "Troops",
                               "President Ilham Aliyev said the country will "
                               "send troops to the border region next month.",
                               "eng", NULL) == PX_OK);
    CHECK(px_storyset_add_text(set, "ar", "قوات",
                               "قال الرئيس إلهام علييف إن البلاد لن ترسل "
                               "قوات إلى المنطقة الحدودية الشهر المقبل.",
                               "arb", NULL) == PX_OK);
    CHECK(px_storyset_add_text(set, "zh", "部队",
                               "总统阿利耶夫表示,国家下个月将向边境地区派遣"
                               "部队。",
                               "zho", NULL) == PX_OK);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    json_t *sheet = sheet_all(set);
    const char *w = NULL;
    const json_int_t en = group_of(sheet, src_of(sheet, "eng"), "troops", &w);
    const json_int_t ar = group_of(sheet, src_of(sheet, "arb"), "لن", &w);
    const json_int_t zh = group_of(sheet, src_of(sheet, "zho"), "部队", &w);
    printf("quotes: send troops: en %lld, ar (not) %lld, zh %lld\n",
           (long long)en, (long long)ar, (long long)zh);
    CHECK(en >= 0 && ar >= 0 && zh >= 0);
    CHECK(en != ar && zh != ar);
    CHECK(en == zh); /* the same statement in two languages */
    json_decref(sheet);
    px_storyset_free(set);
}

/* One statement worded three ways: "did not protect us" (English),
 * nobody defended us (Arabic), nobody helped us (Chinese). English and
 * Arabic meet through WordNet's protect -> defend, Arabic and Chinese
 * through "nobody"; English and Chinese share only the negation, yet
 * the three are one group: the English is like what the group says as a
 * whole. */
static void
test_paraphrase(void)
{
    px_storyset *set = set_with_lexicon();
    if (set == NULL) {
        return;
    }
    CHECK(px_storyset_add_text(
              set, "en", "Bridge",
              "President Ilham Aliyev said on Monday that the country will "
              "build a new bridge over the river next year. He added that "
              "the neighbours did not protect us. He said the river will not "
              "flood the city again.",
              "eng", NULL) == PX_OK);
    CHECK(px_storyset_add_text(
              set, "ar", "جسر",
              "قال الرئيس إلهام علييف يوم الاثنين إن البلاد ستبني جسرا "
              "جديدا فوق النهر العام المقبل. وأضاف أنه لم يدافع عنا أحد. وقال "
              "إن النهر لن يغرق المدينة مرة أخرى.",
              "arb", NULL) == PX_OK);
    CHECK(px_storyset_add_text(
              set, "zh", "桥",
              "总统阿利耶夫周一表示,国家明年将在河上建一座"
              "新桥。他还说,没有人帮助我们。他说,河水不会再淹没这座城市。",
              "zho", NULL) == PX_OK);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    json_t *sheet = sheet_all(set);
    const char *w = NULL;
    const json_int_t en = group_of(sheet, src_of(sheet, "eng"), "protect", &w);
    const json_int_t ar = group_of(sheet, src_of(sheet, "arb"), "يدافع", &w);
    const json_int_t zh = group_of(sheet, src_of(sheet, "zho"), "没有人", &w);
    const json_int_t b = group_of(sheet, src_of(sheet, "eng"), "bridge", &w);
    printf("quotes: not protect / nobody defended / nobody helped: en %lld "
           "ar %lld zh %lld (bridge %lld)\n",
           (long long)en, (long long)ar, (long long)zh, (long long)b);
    CHECK(en >= 0 && en == ar && ar == zh);
    CHECK(b >= 0 && b != en);
    json_decref(sheet);
    px_storyset_free(set);
}

int
main(void)
{
    test_three_languages();
    test_no_counterpart();
    test_polarity();
    test_paraphrase();
    return check_summary();
}
