/* test_langid.c - language and script identification on sentences written
 * for this test (about a made-up town council, a harbour, a library), in
 * about a dozen languages, plus short strings, mixed text and edge cases. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "langid.h"

typedef struct lang_case {
    const char *text;
    const char *lang;
    const char *script;
} lang_case;

static const lang_case cases[] = {
    {"The town council met on Tuesday evening to decide whether the old "
     "harbour warehouse should become a public library, and most members "
     "voted in favour after a long debate about the cost of repairs.",
     "eng", "Latn"},
    {"Le conseil municipal s'est réuni mardi soir pour décider si "
     "l'ancien entrepôt du port deviendrait une bibliothèque publique; la "
     "plupart des membres ont voté pour après un long débat sur le coût.",
     "fra", "Latn"},
    {"Der Stadtrat traf sich am Dienstagabend, um zu entscheiden, ob das "
     "alte Lagerhaus am Hafen eine öffentliche Bibliothek werden soll, und "
     "die meisten Mitglieder stimmten nach langer Debatte dafür.",
     "deu", "Latn"},
    {"El ayuntamiento se reunió el martes por la noche para decidir si el "
     "viejo almacén del puerto se convertiría en una biblioteca pública, y "
     "la mayoría de los concejales votó a favor tras un largo debate.",
     "spa", "Latn"},
    {"اجتمع المجلس البلدي مساء الثلاثاء ليقرر ما إذا كان المستودع القديم "
     "في الميناء سيصبح مكتبة عامة، وصوّت معظم الأعضاء لصالح القرار بعد "
     "نقاش طويل حول تكلفة الإصلاحات.",
     "arb", "Arab"},
    {"شورای شهر سه‌شنبه شب تشکیل جلسه داد تا تصمیم "
     "بگیرد "
     "که "
     "آیا "
     "انبار "
     "قدیمی بندر به یک کتابخانه عمومی تبدیل شود یا نه، و بیشتر اعضا پس از "
     "بحثی طولانی درباره هزینه تعمیرات به آن رأی مثبت دادند.",
     "fas", "Arab"},
    {"市议会周二晚上开会，讨论港口的旧仓库是否应该改建成一座公共图书馆。"
     "经过关于维修费用的长时间辩论，大多数议员投票赞成这个计划。",
     "zho-Hans", "Hans"},
    {"市議會週二晚上開會，討論港口的舊倉庫是否應該改建成一座公共圖書館。"
     "經過關於維修費用的長時間辯論，大多數議員投票贊成這個計劃。",
     "zho-Hant", "Hant"},
    {"市議会は火曜日の夜に開かれ、港の古い倉庫を公共図書館に改装するか"
     "どうかを話し合いました。修理費用についての長い議論の後、"
     "ほとんどの議員が賛成しました。",
     "jpn", "Jpan"},
    {"시의회는 화요일 저녁에 모여 항구의 오래된 창고를 공공 도서관으로 "
     "바꿀지 논의했으며, 수리 비용에 대한 긴 토론 끝에 대부분의 의원이 "
     "찬성표를 던졌다.",
     "kor", "Kore"},
    {"Городской совет собрался во вторник вечером, чтобы решить, станет "
     "ли старый портовый склад публичной библиотекой, и после долгого "
     "спора о стоимости ремонта большинство депутатов проголосовало за.",
     "rus", "Cyrl"},
    {"Το δημοτικό συμβούλιο συνεδρίασε την Τρίτη το βράδυ για να "
     "αποφασίσει αν η παλιά αποθήκη του λιμανιού θα γίνει δημόσια "
     "βιβλιοθήκη, και τα περισσότερα μέλη ψήφισαν υπέρ.",
     "ell", "Grek"},
    {"नगर परिषद की बैठक मंगलवार शाम को हुई ताकि यह तय किया जा सके कि "
     "बंदरगाह का पुराना गोदाम एक सार्वजनिक पुस्तकालय बनेगा या नहीं, और "
     "लंबी बहस के बाद अधिकांश सदस्यों ने पक्ष में मतदान किया।",
     "hin", "Deva"},
    {"Il consiglio comunale si è riunito martedì sera per decidere se il "
     "vecchio magazzino del porto diventerà una biblioteca pubblica, e la "
     "maggior parte dei consiglieri ha votato a favore.",
     "ita", "Latn"},
    {"Міська рада зібралася у вівторок увечері, щоб вирішити, чи стане "
     "старий портовий склад публічною бібліотекою, і після довгої "
     "суперечки більшість депутатів проголосувала за.",
     "ukr", "Cyrl"},
};

/* Short strings: CLD2 is unsure, the script decides. */
static const lang_case short_cases[] = {
    {"مكتبة عامة", "arb", "Arab"},
    {"کتابخانه‌ی شهر", "fas", "Arab"},
    {"شہر کی لائبریری", "urd", "Arab"},
    {"图书馆", "zho-Hans", "Hans"},
    {"圖書館開會", "zho-Hant", "Hant"},
    {"としょかん", "jpn", "Jpan"},
    {"도서관", "kor", "Kore"},
    {"библиотека", "rus", "Cyrl"},
    {"βιβλιοθήκη", "ell", "Grek"},
    {"ספרייה", "heb", "Hebr"},
    {"ห้องสมุด", "tha", "Thai"},
};

static void
test_sentences(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_langid_result r;
        px_error err = {0};
        CHECK(px_langid_detect(px_str_c(cases[i].text), &r, &err) == PX_OK);
        CHECK_STR_EQ(r.lang, cases[i].lang);
        CHECK_STR_EQ(r.script, cases[i].script);
        CHECK(r.confidence > 0.5 && r.confidence <= 1.0);
        CHECK(r.percent >= 80);
    }
}

static void
test_short(void)
{
    for (size_t i = 0; i < sizeof short_cases / sizeof short_cases[0]; i++) {
        px_langid_result r;
        CHECK(px_langid_detect(px_str_c(short_cases[i].text), &r, NULL) ==
              PX_OK);
        CHECK_STR_EQ(r.lang, short_cases[i].lang);
        CHECK_STR_EQ(r.script, short_cases[i].script);
        CHECK(r.is_fallback);
        CHECK(r.confidence > 0.0 && r.confidence < 1.0);
    }
}

static void
test_mixed(void)
{
    static const char text[] =
        "The council published its decision in two languages so that "
        "every resident of the harbour district could read it before the "
        "vote on the new public library next month. "
        "نشر المجلس قراره بلغتين حتى يتمكن كل سكان حي الميناء من قراءته "
        "قبل التصويت على المكتبة العامة الجديدة في الشهر المقبل.";
    px_langid_result r;
    CHECK(px_langid_detect(px_str_c(text), &r, NULL) == PX_OK);
    CHECK_STR_EQ(r.lang, "eng");
    CHECK(r.n_other >= 1);
    CHECK(r.n_other >= 1 && strcmp(r.other[0].code, "arb") == 0);
    CHECK(r.n_other >= 1 && r.other[0].percent >= 20);
    CHECK(r.percent + (r.n_other >= 1 ? r.other[0].percent : 0) <= 101);
}

static void
test_empty(void)
{
    px_langid_result r;
    CHECK(px_langid_detect((px_str){NULL, 0}, &r, NULL) == PX_OK);
    CHECK_STR_EQ(r.lang, "und");
    CHECK_STR_EQ(r.script, "Zyyy");
    CHECK(r.confidence == 0.0);
    CHECK(px_langid_detect(px_str_c("  12, 345 -- !"), &r, NULL) == PX_OK);
    CHECK_STR_EQ(r.lang, "und");
    CHECK(r.n_other == 0);
    char lang[16];
    double conf = 1.0;
    CHECK(px_langid("", 0, lang, &conf, NULL) == PX_OK);
    CHECK_STR_EQ(lang, "und");
    CHECK(conf == 0.0);
}

/* Tiny samples cut long runs of stray continuation bytes safely (a
 * fuzzer find: the middle sample once ran past the end). */
static void
test_sample_cuts(void)
{
    static const px_langid_opts tiny = {16, 8, true};
    static const char bad[] = "Then Tuesd\xae\xe4\x91\xbc\xe4\xe5\x9a\xa8"
                              "\xba\x8c\xff\xff\xff\xff\xff\xff\xff\xac"
                              "\x80\xe4"
                              "ay.";
    px_langid_result r;
    CHECK(px_langid_detect_opts((px_str){bad, sizeof bad - 1}, &tiny, &r,
                                NULL) == PX_OK);
    char cont[64];
    memset(cont, 0x80, sizeof cont);
    cont[0] = 'w';
    cont[1] = 'o';
    cont[2] = 'r';
    cont[3] = 'd';
    CHECK(px_langid_detect_opts((px_str){cont, sizeof cont}, &tiny, &r, NULL) ==
          PX_OK);
    CHECK_STR_EQ(r.script, "Latn");
    static const char text[] =
        "Городской совет собрался во вторник вечером, чтобы решить судьбу "
        "старого склада. The council met on Tuesday to decide the fate of "
        "the old harbour warehouse and its future as a library.";
    CHECK(px_langid_detect_opts(px_str_c(text), &tiny, &r, NULL) == PX_OK);
    CHECK(strcmp(r.lang, "und") != 0);
}

int
main(void)
{
    test_sentences();
    test_short();
    test_mixed();
    test_empty();
    test_sample_cuts();
    return check_summary();
}
