/* test_textdump.c - articles from plain-text page dumps.
 *
 * Three sources: the seed pages in ../shared/seeds (third-party: read in
 * place, only short distinctive words are asserted), the project's sample
 * dumps in data/sample, and small dumps written here.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "article.h"
#include "check.h"
#include "textdump.h"

/* Reads a whole file (owned, free()); NULL when absent. */
static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16;
    size_t n = 0;
    char *buf = malloc(cap);
    size_t got = 0;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static px_article *
extract(const char *text, size_t len, px_status *rc)
{
    px_article *a = px_article_new();
    px_error err = {0};
    *rc = px_textdump_extract((px_str){text, len}, a, &err);
    return a;
}

static bool
has(const px_article *a, const char *needle)
{
    return a->text != NULL && strstr(a->text, needle) != NULL;
}

static bool
date_is(const px_article *a, int y, int m, int d)
{
    return a->published.year == y && a->published.month == m &&
           a->published.day == d;
}

static bool
title_has(const px_article *a, const char *needle)
{
    return a->title != NULL && strstr(a->title, needle) != NULL;
}

/* Seed whose file name starts with prefix (e.g. "001_"), extracted. */
static px_article *
seed(const char *dir, const char *prefix, px_status *rc)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return NULL;
    }
    char path[4096] = "";
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            break;
        }
    }
    closedir(d);
    size_t len = 0;
    char *text = path[0] != '\0' ? slurp(path, &len) : NULL;
    if (text == NULL) {
        return NULL;
    }
    px_article *a = extract(text, len, rc);
    free(text);
    return a;
}

static void
test_seed_zh(const char *dir)
{
    px_status rc = PX_OK;
    px_article *a = seed(dir, "000_", &rc);
    CHECK(a != NULL && rc == PX_OK);
    if (a == NULL) {
        return;
    }
    CHECK(a->n_paras >= 30);
    CHECK(has(a, "阿利耶夫"));
    CHECK(has(a, "加沙现在需要的")); /* the last paragraph */
    CHECK(!has(a, "相关推荐"));      /* related-list heading */
    CHECK(!has(a, "洗米华"));        /* a related item */
    CHECK(!has(a, "素素娱乐"));      /* a related item's author */
    CHECK(!has(a, "要闻"));          /* sidebar */
    CHECK(!has(a, "特别声明"));      /* platform disclaimer */
    CHECK(!has(a, "分享至"));        /* share button */
    CHECK(!has(a, "2026-01-23"));    /* a related item's date */
    CHECK(title_has(a, "阿塞拜疆不装了"));
    CHECK(a->published.prec == PX_PREC_NONE); /* no date near the title */
    px_article_free(a);
}

static void
test_seed_ar_menus(const char *dir)
{
    px_status rc = PX_OK;
    px_article *a = seed(dir, "001_", &rc);
    CHECK(a != NULL && rc == PX_OK);
    if (a == NULL) {
        return;
    }
    CHECK(has(a, "علييف"));
    CHECK(!has(a, "محافظات")); /* menu */
    CHECK(!has(a, "حوادث"));   /* menu */
    CHECK(!has(a, "رئيس التحرير"));
    CHECK(!has(a, "تابع مواقعنا"));
    CHECK(!has(a, "Wetter"));
    CHECK(!has(a, "أرشيفية")); /* repeated photo caption */
    CHECK(title_has(a, "أذربيجان"));
    CHECK(date_is(a, 2026, 1, 6));  /* under the headline... */
    CHECK(!date_is(a, 2026, 2, 1)); /* ...not the top of the page */
    CHECK(a->published.prec >= PX_PREC_DAY);
    px_article_free(a);
}

static void
test_seed_ar_plain(const char *dir)
{
    px_status rc = PX_OK;
    px_article *a = seed(dir, "002_", &rc);
    CHECK(a != NULL && rc == PX_OK);
    if (a != NULL) {
        CHECK(a->n_paras >= 15);
        CHECK(has(a, "في الختام"));
        CHECK(has(a, "الأسباب الكامنة")); /* a subheading */
        CHECK(!has(a, "شاركها"));
        px_article_free(a);
    }
    a = seed(dir, "003_", &rc);
    CHECK(a != NULL && rc == PX_OK);
    if (a != NULL) {
        CHECK(a->n_paras >= 10);
        CHECK(has(a, "علييف"));
        CHECK(!has(a, "date 2026"));
        CHECK(date_is(a, 2026, 1, 6));
        px_article_free(a);
    }
}

static void
test_seed_en(const char *dir)
{
    px_status rc = PX_OK;
    px_article *a = seed(dir, "004_", &rc);
    CHECK(a != NULL && rc == PX_OK);
    if (a == NULL) {
        return;
    }
    CHECK(has(a, "Aliyev"));
    CHECK(has(a, "unmistakably firm"));
    CHECK(has(a, "drawn global attention")); /* no final stop */
    CHECK(!has(a, "Post a Comment"));
    CHECK(!has(a, "0 Comments"));
    CHECK(!has(a, "Middle East on Edge")); /* a related link */
    CHECK(!has(a, "Written by"));
    CHECK_STR_EQ(a->title, "Azerbaijan Refuses to Send Troops to Gaza");
    CHECK_STR_EQ(a->author, "Bharat Modhwadia");
    px_article_free(a);
}

static void
test_seeds(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/seeds", check_shared_dir());
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("SKIP: seeds absent\n");
        return;
    }
    closedir(d);
    test_seed_zh(dir);
    test_seed_ar_menus(dir);
    test_seed_ar_plain(dir);
    test_seed_en(dir);
}

static px_article *
sample(const char *name, px_status *rc)
{
    const char *src = getenv("PX_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/data/sample/%s", src ? src : "..", name);
    size_t len = 0;
    char *text = slurp(path, &len);
    CHECK(text != NULL);
    if (text == NULL) {
        return NULL;
    }
    CHECK(px_textdump_sniff((const unsigned char *)text, len));
    px_article *a = extract(text, len, rc);
    free(text);
    return a;
}

static void
test_samples(void)
{
    px_status rc = PX_OK;
    px_article *a = sample("en_flood.txt", &rc);
    if (a != NULL) {
        CHECK(rc == PX_OK);
        CHECK_STR_EQ(a->title, "River Solenne bursts its banks, forcing "
                               "4,200 from their homes in Ravik");
        CHECK(date_is(a, 2026, 4, 2));
        CHECK_STR_EQ(a->author, "Hannah Brook");
        CHECK(a->fetched != NULL && strncmp(a->fetched, "2026-04-03", 10) == 0);
        CHECK(has(a, "Around 4,200 people"));
        CHECK(has(a, "flood barrier, which was due"));
        CHECK(!has(a, "More on this story"));
        CHECK(!has(a, "delayed for a second time"));
        CHECK(!has(a, "Markets rally"));
        CHECK(!has(a, "Image caption"));
        CHECK(!has(a, "Sign in"));
        px_article_free(a);
    }
    a = sample("ar_ferry.txt", &rc);
    if (a != NULL) {
        CHECK(rc == PX_OK);
        CHECK(title_has(a, "تصادم عبارتين"));
        CHECK(date_is(a, 2026, 3, 14));
        CHECK_STR_EQ(a->author, "ليلى منصور");
        CHECK(has(a, "ثلاثة وعشرون"));
        CHECK(!has(a, "افتتاح رصيف")); /* related item */
        CHECK(!has(a, "أضف تعليقك"));
        CHECK(!has(a, "جميع الحقوق"));
        px_article_free(a);
    }
}

static px_article *
extract_c(const char *text, px_status *rc)
{
    return extract(text, strlen(text), rc);
}

static const char fr_dump[] =
    "Nous utilisons des cookies pour mesurer l'audience. En poursuivant "
    "votre navigation, vous acceptez leur utilisation.\n"
    "J'accepte\nParamétrer\nAccueil\nActualité\nPolitique\nÉconomie\n"
    "Monde\nSports\nS'abonner\n\n"
    "Planète\n"
    "Le lac de Brenn retrouve son niveau après trois ans de sécheresse\n"
    "Par Anne Corvel\n"
    "Publié le 7 mars 2026 à 10h15\n"
    "Partager\n\n"
    "Les pluies abondantes de l'hiver ont permis au lac de Brenn de "
    "retrouver son niveau normal, une première depuis trois ans, selon "
    "l'agence régionale de l'eau.\n\n"
    "Publicité\n\n"
    "Les pêcheurs, privés de sortie pendant deux saisons, espèrent une "
    "reprise de l'activité dès le mois d'avril. « Nous n'y croyions plus », "
    "confie l'un d'eux.\n\n"
    "Des restrictions levées\n"
    "La préfecture a levé jeudi les dernières restrictions d'usage de "
    "l'eau dans les communes riveraines.\n\n"
    "À lire aussi\n"
    "Sécheresse : les agriculteurs inquiets pour l'été\n"
    "12 février 2026\n"
    "Les nappes phréatiques au plus bas depuis dix ans\n"
    "3 novembre 2025\n"
    "Commentaires (5)\n"
    "Un lecteur a écrit un long commentaire qui ressemble beaucoup à du "
    "texte d'article, avec des phrases complètes et de la ponctuation.\n"
    "© L'Écho du Lac 2026 - Tous droits réservés\n";

static void
test_french(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(fr_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK_STR_EQ(a->title,
                 "Le lac de Brenn retrouve son niveau après trois ans de "
                 "sécheresse");
    CHECK(date_is(a, 2026, 3, 7));
    CHECK_STR_EQ(a->author, "Anne Corvel");
    CHECK(has(a, "Les pluies abondantes"));
    CHECK(has(a, "restrictions d'usage")); /* after the subheading */
    CHECK(has(a, "Des restrictions levées"));
    CHECK(!has(a, "cookies"));
    CHECK(!has(a, "Publicité")); /* dropped from inside the article */
    CHECK(!has(a, "agriculteurs"));
    CHECK(!has(a, "long commentaire"));
    CHECK(!has(a, "Tous droits"));
    CHECK_STR_EQ(a->site, "L'Écho du Lac"); /* from the copyright line */
    size_t heads = 0;
    for (size_t i = 0; i < a->n_paras; i++) {
        heads += a->paras[i].kind == PX_PARA_HEADING;
    }
    CHECK(heads == 1);
    px_article_free(a);
}

static const char ru_dump[] =
    "Главная\r\nНовости\r\nПолитика\r\nЭкономика\r\nСпорт\r\n\r\n"
    "Пятница, 6 февраля 2026\r\n"
    "Новый мост через реку Тавра откроют весной\r\n"
    "Автор: Игорь Ветров\r\n"
    "05.02.2026 14:30\r\n"
    "Поделиться\r\n"
    "Строительство моста через реку Тавра вышло на финальный этап, "
    "сообщили в администрации области. Движение по нему планируют открыть "
    "в апреле.\r\n"
    "Длина моста составит 820 метров, на нем будет четыре полосы "
    "движения и отдельная дорожка для велосипедистов.\r\n"
    "Читайте также\r\n"
    "На трассе вдоль реки завершили ремонт, и теперь дорога стала шире "
    "на одну полосу в каждую сторону.\r\n"
    "12.01.2026\r\n"
    "Комментарии (3)\r\n";

static void
test_russian_crlf(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(ru_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK_STR_EQ(a->title, "Новый мост через реку Тавра откроют весной");
    CHECK(date_is(a, 2026, 2, 5));
    CHECK_STR_EQ(a->author, "Игорь Ветров");
    CHECK(a->n_paras == 2);
    CHECK(has(a, "820 метров"));
    CHECK(!has(a, "ремонт"));
    CHECK(!has(a, "\r"));
    px_article_free(a);
}

static const char zh_dump[] =
    "首页 > 国际 > 正文\n"
    "2026年3月16日 星期一\n"
    "城市图书馆夜间开放试点启动 首周接待读者过万\n"
    "2026年03月15日 09:05 来源:本网 记者 林晓舟\n"
    "评论(36)\n"
    "分享到\n"
    "市图书馆从本周起试行夜间开放,每天开放至晚上十点,首周共接待读者一万"
    "两千余人次。\n"
    "馆方表示,夜间开放期间将增加自习座位,并安排志愿者协助借还书。\n"
    "不少上班族说,下班后终于有地方安静看书了。\n"
    "(责任编辑:王敏)\n"
    "相关新闻\n"
    "全市新增三座社区书屋,市民可就近借阅图书和报刊。\n"
    "2026-03-02\n"
    "网友评论\n"
    "晚上去了一次,环境很好,希望能一直坚持下去,给更多人提供方便。\n";

static void
test_chinese(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(zh_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK_STR_EQ(a->title, "城市图书馆夜间开放试点启动 首周接待读者过万");
    CHECK(date_is(a, 2026, 3, 15));
    CHECK_STR_EQ(a->author, "林晓舟");
    CHECK(a->n_paras == 3);
    CHECK(has(a, "夜间开放"));
    CHECK(!has(a, "社区书屋"));
    CHECK(!has(a, "责任编辑"));
    CHECK(!has(a, "环境很好"));
    px_article_free(a);
}

/* A terminal browser's dump: paragraphs hard-wrapped at 72 columns. */
static const char wrapped_dump[] =
    "[Logo] Home | World | Business | Sport\n\n"
    "Harbour tunnel to close for repairs\n\n"
    "By Sam Ortega\n"
    "9 June 2026\n\n"
    "The harbour tunnel will close for six weeks from next Monday while\n"
    "engineers replace the ventilation system, the city's transport office\n"
    "said on Tuesday.\n\n"
    "Buses will be diverted over the old bridge, adding about fifteen\n"
    "minutes to journeys at peak times, and extra ferries will run between\n"
    "the two terminals every twenty minutes during the closure.\n\n"
    "Officials said the work had been planned for several years and could\n"
    "not be postponed again without risking a longer closure later on.\n\n"
    "Related stories\n"
    "  * Ferry fares to rise in the autumn, operator confirms (2 June 2026)\n";

static void
test_wrapped(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(wrapped_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 3);
    CHECK(has(a, "while engineers replace")); /* joined across a wrap */
    CHECK(!has(a, "Ferry fares"));
    CHECK_STR_EQ(a->title, "Harbour tunnel to close for repairs");
    CHECK(date_is(a, 2026, 6, 9));
    CHECK_STR_EQ(a->author, "Sam Ortega");
    px_article_free(a);
    /* the same with CR LF line ends */
    char crlf[2 * sizeof wrapped_dump];
    size_t n = 0;
    for (size_t i = 0; wrapped_dump[i] != '\0'; i++) {
        if (wrapped_dump[i] == '\n') {
            crlf[n++] = '\r';
        }
        crlf[n++] = wrapped_dump[i];
    }
    a = extract(crlf, n, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 3);
    CHECK(has(a, "while engineers replace"));
    px_article_free(a);
}

/* A short article followed by teasers and long comments. */
static const char comments_dump[] =
    "News\nLocal\nSport\nWeather\n\n"
    "Council votes to close Elm Street library\n"
    "12 May 2026\n"
    "By Jo Park\n\n"
    "On 5 March 2026, the council first proposed closing the library to "
    "save money.\n"
    "Councillors voted seven to four on Monday evening to close the Elm "
    "Street library at the end of June, despite a petition signed by more "
    "than 3,000 residents.\n"
    "The library's 40,000 books will be moved to the central branch.\n\n"
    "You might also like\n"
    "Pool reopens after repairs\n"
    "The swimming pool on Mill Road has reopened after a six-month "
    "refurbishment that cost the city more than expected.\n"
    "3 May 2026\n"
    "45 comments\n"
    "reader_one\n"
    "12 May 2026 at 10:02\n"
    "This is a disgrace. The library was the only quiet place in the "
    "neighbourhood for students to work after school, and now it is gone "
    "because the council cannot manage its budget properly. I wrote to my "
    "councillor twice and never received an answer, which says everything "
    "about how this decision was made and who it was made for.\n"
    "Reply\n";

static void
test_comments(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(comments_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 3);
    CHECK(has(a, "On 5 March 2026, the council")); /* a sentence, kept */
    CHECK(has(a, "central branch"));
    CHECK(!has(a, "swimming pool"));
    CHECK(!has(a, "disgrace"));
    CHECK_STR_EQ(a->title, "Council votes to close Elm Street library");
    CHECK(date_is(a, 2026, 5, 12));
    CHECK_STR_EQ(a->author, "Jo Park");
    px_article_free(a);
}

/* A "read also" link between paragraphs does not end the article. */
static const char inline_link_dump[] =
    "الرئيسية\nأخبار\nاقتصاد\nرياضة\n\n"
    "افتتاح أكبر محطة لتحلية المياه في المدينة\n"
    "الخميس 04 يونيو 2026 - 11:20 ص\n\n"
    "افتتحت البلدية، اليوم الخميس، أكبر محطة لتحلية مياه البحر في "
    "المدينة، بطاقة إنتاجية تبلغ مئة ألف متر مكعب يوميا.\n"
    "وقال رئيس البلدية إن المحطة ستغطي حاجة نحو نصف السكان خلال فصل "
    "الصيف، حين يرتفع الاستهلاك إلى أعلى مستوياته.\n"
    "اقرأ أيضا\n"
    "ارتفاع درجات الحرارة خلال الأسبوع المقبل\n"
    "وأضاف أن العمل جار على إنشاء محطة ثانية في الجهة الشمالية من "
    "المدينة، من المتوقع أن تدخل الخدمة بعد عامين.\n"
    "وتعتمد المحطة على الطاقة الشمسية لتشغيل جزء من معداتها، ما يخفض "
    "تكلفة إنتاج المياه بنسبة كبيرة.\n"
    "اقرأ أيضا\n"
    "أسعار الخضروات في الأسواق اليوم\n"
    "الأربعاء 03 يونيو 2026\n"
    "موعد امتحانات نهاية العام\n"
    "الثلاثاء 02 يونيو 2026\n";

static void
test_inline_link(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(inline_link_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 4);
    CHECK(has(a, "افتتحت البلدية"));
    CHECK(has(a, "الطاقة الشمسية")); /* after the inline link */
    CHECK(!has(a, "اقرأ أيضا"));
    CHECK(!has(a, "درجات الحرارة"));
    CHECK(!has(a, "امتحانات"));
    CHECK(date_is(a, 2026, 6, 4));
    CHECK(title_has(a, "تحلية المياه"));
    px_article_free(a);
}

/* A blog post: teasers of other posts above, a tag list, the date signed
 * under the text. */
static const char blog_dump[] =
    "Startseite\nRezepte\nReisen\nKontakt\n\n"
    "Neulich im Garten: Die ersten Tomaten sind reif und schmecken nach "
    "Sommer, aber die Schnecken waren schneller als ich und haben...\n"
    "Warum ich meinen alten Rasenmäher nicht hergebe, obwohl er laut ist "
    "und ständig streikt, erzähle ich euch heute in aller...\n\n"
    "Der Apfelbaum trägt wieder\n"
    "Garten, Obst, Herbst, Ernte\n\n"
    "Nach zwei mageren Jahren hängt unser alter Apfelbaum wieder voller "
    "Früchte. Wir haben am Wochenende fast vierzig Kilo geerntet.\n"
    "Ein Teil wird zu Apfelmus, der Rest kommt in den kühlen Keller, wo "
    "die Äpfel bis in den Winter hinein halten.\n"
    "Veröffentlicht am 4. Oktober 2025 von Greta Lind\n"
    "Ähnliche Beiträge\n"
    "Kommentare (2)\n";

static void
test_blog(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(blog_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 2);
    CHECK(has(a, "vierzig Kilo"));
    CHECK(!has(a, "Schnecken")); /* a teaser cut off with "..." */
    CHECK(!has(a, "Herbst, Ernte"));
    CHECK_STR_EQ(a->title, "Der Apfelbaum trägt wieder");
    CHECK(date_is(a, 2025, 10, 4)); /* signed under the article */
    CHECK_STR_EQ(a->author, "Greta Lind");
    px_article_free(a);
}

/* A short list between two paragraphs is part of the article; a menu of
 * the same shape at the top is not. */
static const char list_dump[] =
    "Home\nNews\nSport\nWeather\nTravel\n\n"
    "Five habits of people who sleep well\n"
    "By Mia Torres\n"
    "3 February 2026\n\n"
    "Sleep researchers at the city hospital followed two hundred adults for "
    "a year and found that the best sleepers shared a few simple habits:\n"
    "They go to bed at the same time\n"
    "They keep their phones out of the bedroom\n"
    "They stop drinking coffee after noon\n"
    "The researchers say none of the habits is expensive, and that most "
    "people can adopt them within a few weeks.\n";

static void
test_list(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(list_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 5);
    CHECK(has(a, "out of the bedroom"));
    CHECK(!has(a, "Weather"));
    size_t items = 0;
    for (size_t i = 0; i < a->n_paras; i++) {
        items += a->paras[i].kind == PX_PARA_LIST;
    }
    CHECK(items == 3);
    px_article_free(a);
}

/* Metadata the caller already has (a JSON Lines record's) is kept. */
static void
test_keeps_given(void)
{
    px_article *a = px_article_new();
    px_article_set(a, &a->title, px_str_c("Given title"));
    a->published =
        (px_date){.year = 2026, .month = 1, .day = 2, .prec = PX_PREC_DAY};
    px_error err = {0};
    const px_status rc = px_textdump_extract(px_str_c(ru_dump), a, &err);
    CHECK(rc == PX_OK);
    CHECK_STR_EQ(a->title, "Given title");
    CHECK(date_is(a, 2026, 1, 2));
    CHECK_STR_EQ(a->author, "Игорь Ветров"); /* not given: from the text */
    CHECK(has(a, "820 метров"));
    px_article_free(a);
}

/* A list of dated teasers above an article that shows no date: neither
 * its titles nor its dates are taken. */
static const char dated_list_dump[] =
    "Home\nNews\nSport\n\n"
    "Bridge reopens after two months of repairs\n"
    "3 May 2026\n"
    "New bakery opens its doors on Mill Road\n"
    "2 May 2026\n"
    "Local school wins national robotics prize\n"
    "1 May 2026\n\n"
    "The harbour festival returned on Saturday after a three-year break, "
    "drawing thousands of visitors to the old quay.\n"
    "Organisers said more than forty stalls took part, twice as many as at "
    "the last festival, and that the event would be held every year.\n";

static void
test_dated_list(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(dated_list_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->n_paras == 2);
    CHECK(a->published.prec == PX_PREC_NONE);
    CHECK(a->title == NULL || strstr(a->title, "robotics") == NULL);
    px_article_free(a);
}

/* A call to share above a story with no headline line is chrome, never
 * the title; bylines lose a place after the name and a desk before it. */
static const char share_dump[] =
    "Click here to share on social media\n\n"
    "By Theo Markham in Washington\n"
    "March 14, 2026\n\n"
    "The ferry line between the two islands reopened on Friday after three "
    "days of closure, the operator said in a statement issued in the "
    "morning.\n\n"
    "Crews inspected the piers overnight and found no lasting damage to the "
    "loading ramps or the fuel depot near the terminal.\n";

static const char desk_dump[] =
    "ホーム | ニュース | 科学\n\n"
    "探査機、月の南極へ向けて打ち上げ成功\n\n"
    "科学部記者・中村美咲\n"
    "2026年3月14日 10:30\n\n"
    "宇宙機関は14日朝、月の南極の氷を探す探査機を載せたロケットを打ち上げた。"
    "打ち上げは予定通りに行われ、探査機は軌道に入ったという。\n\n"
    "探査機は約三か月かけて月に向かい、南極付近のクレーターに着陸する計画だ。"
    "関係者は成功を喜んだ。\n";

static void
test_share_line_and_bylines(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c(share_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK(a->title == NULL || strstr(a->title, "Click") == NULL);
    CHECK(!has(a, "Click here"));
    CHECK_STR_EQ(a->author, "Theo Markham");
    CHECK(date_is(a, 2026, 3, 14));
    px_article_free(a);
    a = extract_c(desk_dump, &rc);
    CHECK(rc == PX_OK);
    CHECK_STR_EQ(a->author, "中村美咲");
    CHECK_STR_EQ(a->title, "探査機、月の南極へ向けて打ち上げ成功");
    px_article_free(a);
}

static void
test_empty(void)
{
    px_status rc = PX_OK;
    px_article *a = extract_c("", &rc);
    CHECK(rc == PX_EEMPTY);
    CHECK(a->n_paras == 0);
    px_article_free(a);
    a = extract_c("Home\nNews\nSport\n0\nShare\n12:30\n", &rc);
    CHECK(rc == PX_EEMPTY);
    px_article_free(a);
    /* invalid UTF-8 and NULs are data, not a crash */
    static const char junk[] = "\xff\xfe body \xc3 text.\0 more \xe2\x80";
    a = extract(junk, sizeof junk - 1, &rc);
    CHECK(rc == PX_OK || rc == PX_EEMPTY);
    px_article_free(a);
}

static bool
sniff_c(const char *s)
{
    return px_textdump_sniff((const unsigned char *)s, strlen(s));
}

static void
test_sniff(void)
{
    CHECK(sniff_c("Headline\n\nSome text of the article.\n"));
    CHECK(sniff_c("\xef\xbb\xbf"
                  "2026年1月6日\n正文。\n"));
    CHECK(sniff_c("[Photo] A caption\nText a < b and c > d.\n"));
    CHECK(!sniff_c("<!DOCTYPE html><html><body>x</body></html>"));
    CHECK(!sniff_c("  <html>\n<p>text</p>"));
    CHECK(!sniff_c("Some text then <div class=\"x\">markup</div>"));
    CHECK(!sniff_c("{\"url\": \"https://example.org/\", \"html\": \"\"}\n"));
    CHECK(!sniff_c("[{\"url\": 1}]"));
    CHECK(!sniff_c("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
    CHECK(!sniff_c(""));
    CHECK(!sniff_c("   \n\n"));
    CHECK(!px_textdump_sniff((const unsigned char *)" ", 1));
    static const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00, 'a', 'b'};
    CHECK(!px_textdump_sniff(gz, sizeof gz));
    unsigned char bin[64];
    for (size_t i = 0; i < sizeof bin; i++) {
        bin[i] = (unsigned char)(i * 7);
    }
    CHECK(!px_textdump_sniff(bin, sizeof bin));
}

/* Every allocation failure is reported as PX_ENOMEM, never a crash. */
static void
test_oom(void)
{
    bool ok = false;
    for (long n = 1; n < 200 && !ok; n++) {
        px_article *a = px_article_new();
        if (a == NULL) {
            continue;
        }
        px_error err = {0};
        px_mem_fail_after(n);
        const px_status rc = px_textdump_extract(px_str_c(fr_dump), a, &err);
        px_mem_fail_after(0);
        CHECK(rc == PX_OK || rc == PX_ENOMEM);
        ok = rc == PX_OK;
        px_article_free(a);
    }
    CHECK(ok);
}

int
main(void)
{
    test_seeds();
    test_samples();
    test_french();
    test_russian_crlf();
    test_chinese();
    test_wrapped();
    test_comments();
    test_inline_link();
    test_blog();
    test_list();
    test_keeps_given();
    test_dated_list();
    test_share_line_and_bylines();
    test_empty();
    test_sniff();
    test_oom();
    return check_summary();
}
