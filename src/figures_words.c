/* figures_words.c - hand-made word tables of the figures finder: number
 * words, scale words, month names, counted nouns, qualifiers, and the
 * folding that lets one spelling match its variants.
 *
 * The word table is hashed once (pthread_once) into a static open-addressing
 * table of folded keys; it is read-only afterwards, so lookups are
 * thread-safe.
 */
#include "figures_int.h"

#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define U  PX_FW_UNIT
#define T  PX_FW_TEN
#define H  PX_FW_HUND
#define HV PX_FW_HUNDV
#define S  PX_FW_SCALE
#define SP PX_FW_SCALE_PL
#define M  PX_FW_MONTH
#define N  PX_FW_NOUN
#define P  PX_FW_PCT
#define A  PX_FW_ABBR

static const px_fw_word words[] = {
    /* English */
    {"one", 1, U, 0},
    {"two", 2, U, 0},
    {"three", 3, U, 0},
    {"four", 4, U, 0},
    {"five", 5, U, 0},
    {"six", 6, U, 0},
    {"seven", 7, U, 0},
    {"eight", 8, U, 0},
    {"nine", 9, U, 0},
    {"ten", 10, U, 0},
    {"eleven", 11, U, 0},
    {"twelve", 12, U, 0},
    {"thirteen", 13, U, 0},
    {"fourteen", 14, U, 0},
    {"fifteen", 15, U, 0},
    {"sixteen", 16, U, 0},
    {"seventeen", 17, U, 0},
    {"eighteen", 18, U, 0},
    {"nineteen", 19, U, 0},
    {"twenty", 20, T, 0},
    {"thirty", 30, T, 0},
    {"forty", 40, T, 0},
    {"fifty", 50, T, 0},
    {"sixty", 60, T, 0},
    {"seventy", 70, T, 0},
    {"eighty", 80, T, 0},
    {"ninety", 90, T, 0},
    {"hundred", 100, H, 0},
    {"thousand", 1e3, S, 0},
    {"million", 1e6, S, 0},
    {"billion", 1e9, S, 0},
    {"trillion", 1e12, S, 0},
    {"bn", 1e9, SP, 0},
    {"mln", 1e6, SP, 0},
    {"thousands", 1e3, SP, 0},
    {"millions", 1e6, SP, 0},
    {"billions", 1e9, SP, 0},
    /* French, German, Spanish, Russian scale words */
    {"mille", 1e3, S, 0},
    {"millions", 1e6, SP, 0},
    {"milliard", 1e9, S, 0},
    {"milliards", 1e9, SP, 0},
    {"tausend", 1e3, S, 0},
    {"millionen", 1e6, SP, 0},
    {"milliarde", 1e9, S, 0},
    {"milliarden", 1e9, SP, 0},
    {"mil", 1e3, SP, 0},
    {"millón", 1e6, S, 0},
    {"millones", 1e6, SP, 0},
    {"тысяча", 1e3, S, 0},
    {"тысячи", 1e3, SP, 0},
    {"тысяч", 1e3, SP, 0},
    {"тыс", 1e3, SP, 0},
    {"миллион", 1e6, S, 0},
    {"миллиона", 1e6, SP, 0},
    {"миллионов", 1e6, SP, 0},
    {"млн", 1e6, SP, 0},
    {"миллиард", 1e9, S, 0},
    {"миллиарда", 1e9, SP, 0},
    {"миллиардов", 1e9, SP, 0},
    {"млрд", 1e9, SP, 0},
    {"Mrd", 1e9, SP, 0},
    {"Mio", 1e6, SP, 0},
    /* Arabic units, both genders and case forms */
    {"واحد", 1, U, 0},
    {"واحدة", 1, U, 0},
    {"اثنان", 2, U, 0},
    {"اثنين", 2, U, 0},
    {"اثنتان", 2, U, 0},
    {"اثنتين", 2, U, 0},
    {"ثلاثة", 3, U, 0},
    {"ثلاث", 3, U, 0},
    {"أربعة", 4, U, 0},
    {"أربع", 4, U, 0},
    {"خمسة", 5, U, 0},
    {"خمس", 5, U, 0},
    {"ستة", 6, U, 0},
    {"ست", 6, U, 0},
    {"سبعة", 7, U, 0},
    {"سبع", 7, U, 0},
    {"ثمانية", 8, U, 0},
    {"ثماني", 8, U, 0},
    {"ثمان", 8, U, 0},
    {"تسعة", 9, U, 0},
    {"تسع", 9, U, 0},
    {"عشرة", 10, U, 0},
    {"عشر", 10, U, 0},
    {"أحد", 1, U, PX_FW_TEEN_ONLY},
    {"إحدى", 1, U, PX_FW_TEEN_ONLY},
    {"اثنا", 2, U, PX_FW_TEEN_ONLY},
    {"اثني", 2, U, PX_FW_TEEN_ONLY},
    {"اثنتا", 2, U, PX_FW_TEEN_ONLY},
    {"اثنتي", 2, U, PX_FW_TEEN_ONLY},
    {"عشرون", 20, T, 0},
    {"عشرين", 20, T, 0},
    {"ثلاثون", 30, T, 0},
    {"ثلاثين", 30, T, 0},
    {"أربعون", 40, T, 0},
    {"أربعين", 40, T, 0},
    {"خمسون", 50, T, 0},
    {"خمسين", 50, T, 0},
    {"ستون", 60, T, 0},
    {"ستين", 60, T, 0},
    {"سبعون", 70, T, 0},
    {"سبعين", 70, T, 0},
    {"ثمانون", 80, T, 0},
    {"ثمانين", 80, T, 0},
    {"تسعون", 90, T, 0},
    {"تسعين", 90, T, 0},
    {"مائة", 100, H, 0},
    {"مئة", 100, H, 0},
    {"مائتان", 200, HV, 0},
    {"مائتين", 200, HV, 0},
    {"مئتان", 200, HV, 0},
    {"مئتين", 200, HV, 0},
    {"مائتي", 200, HV, 0},
    {"مئتي", 200, HV, 0},
    {"ثلاثمائة", 300, HV, 0},
    {"ثلاثمئة", 300, HV, 0},
    {"أربعمائة", 400, HV, 0},
    {"أربعمئة", 400, HV, 0},
    {"خمسمائة", 500, HV, 0},
    {"خمسمئة", 500, HV, 0},
    {"ستمائة", 600, HV, 0},
    {"ستمئة", 600, HV, 0},
    {"سبعمائة", 700, HV, 0},
    {"سبعمئة", 700, HV, 0},
    {"ثمانمائة", 800, HV, 0},
    {"ثمانمئة", 800, HV, 0},
    {"تسعمائة", 900, HV, 0},
    {"تسعمئة", 900, HV, 0},
    {"ألف", 1e3, S, 0},
    {"ألفا", 1e3, SP, 0},
    {"آلاف", 1e3, SP, 0},
    {"ألفين", 2e3, HV, 0},
    {"ألفان", 2e3, HV, 0},
    {"مليون", 1e6, S, 0},
    {"ملايين", 1e6, SP, 0},
    {"مليونا", 1e6, SP, 0},
    {"مليونين", 2e6, HV, 0},
    {"مليار", 1e9, S, 0},
    {"مليارا", 1e9, SP, 0},
    {"مليارات", 1e9, SP, 0},
    {"مليارين", 2e9, HV, 0},
    {"ملياري", 2e9, HV, 0},
    {"مليوني", 2e6, HV, 0},
    {"ألفي", 2e3, HV, 0},
    {"تريليون", 1e12, S, 0},
    /* month names (en, ar both series, fr, de, es, ru genitive) */
    {"january", 1, M, 0},
    {"february", 2, M, 0},
    {"march", 3, M, 0},
    {"april", 4, M, 0},
    {"may", 5, M, 0},
    {"june", 6, M, 0},
    {"july", 7, M, 0},
    {"august", 8, M, 0},
    {"september", 9, M, 0},
    {"october", 10, M, 0},
    {"november", 11, M, 0},
    {"december", 12, M, 0},
    {"jan", 1, M, 0},
    {"feb", 2, M, 0},
    {"mar", 3, M, 0},
    {"apr", 4, M, 0},
    {"jun", 6, M, 0},
    {"jul", 7, M, 0},
    {"aug", 8, M, 0},
    {"sep", 9, M, 0},
    {"sept", 9, M, 0},
    {"oct", 10, M, 0},
    {"nov", 11, M, 0},
    {"dec", 12, M, 0},
    {"يناير", 1, M, 0},
    {"فبراير", 2, M, 0},
    {"مارس", 3, M, 0},
    {"أبريل", 4, M, 0},
    {"إبريل", 4, M, 0},
    {"مايو", 5, M, 0},
    {"يونيو", 6, M, 0},
    {"يونيه", 6, M, 0},
    {"يوليو", 7, M, 0},
    {"يوليه", 7, M, 0},
    {"أغسطس", 8, M, 0},
    {"سبتمبر", 9, M, 0},
    {"أكتوبر", 10, M, 0},
    {"نوفمبر", 11, M, 0},
    {"ديسمبر", 12, M, 0},
    {"كانون", 1, M, 0},
    {"شباط", 2, M, 0},
    {"آذار", 3, M, 0},
    {"نيسان", 4, M, 0},
    {"أيار", 5, M, 0},
    {"حزيران", 6, M, 0},
    {"تموز", 7, M, 0},
    {"آب", 8, M, 0},
    {"أيلول", 9, M, 0},
    {"تشرين", 10, M, 0},
    {"janvier", 1, M, 0},
    {"février", 2, M, 0},
    {"mars", 3, M, 0},
    {"avril", 4, M, 0},
    {"mai", 5, M, 0},
    {"juin", 6, M, 0},
    {"juillet", 7, M, 0},
    {"août", 8, M, 0},
    {"septembre", 9, M, 0},
    {"octobre", 10, M, 0},
    {"novembre", 11, M, 0},
    {"décembre", 12, M, 0},
    {"januar", 1, M, 0},
    {"februar", 2, M, 0},
    {"märz", 3, M, 0},
    {"juni", 6, M, 0},
    {"juli", 7, M, 0},
    {"oktober", 10, M, 0},
    {"dezember", 12, M, 0},
    {"enero", 1, M, 0},
    {"febrero", 2, M, 0},
    {"marzo", 3, M, 0},
    {"abril", 4, M, 0},
    {"mayo", 5, M, 0},
    {"junio", 6, M, 0},
    {"julio", 7, M, 0},
    {"agosto", 8, M, 0},
    {"septiembre", 9, M, 0},
    {"octubre", 10, M, 0},
    {"noviembre", 11, M, 0},
    {"diciembre", 12, M, 0},
    {"января", 1, M, 0},
    {"февраля", 2, M, 0},
    {"марта", 3, M, 0},
    {"апреля", 4, M, 0},
    {"мая", 5, M, 0},
    {"июня", 6, M, 0},
    {"июля", 7, M, 0},
    {"августа", 8, M, 0},
    {"сентября", 9, M, 0},
    {"октября", 10, M, 0},
    {"ноября", 11, M, 0},
    {"декабря", 12, M, 0},
    /* counted nouns */
    {"people", 0, N, PX_UNIT_PEOPLE},
    {"persons", 0, N, PX_UNIT_PEOPLE},
    {"person", 0, N, PX_UNIT_PEOPLE},
    {"civilians", 0, N, PX_UNIT_PEOPLE},
    {"residents", 0, N, PX_UNIT_PEOPLE},
    {"children", 0, N, PX_UNIT_PEOPLE},
    {"refugees", 0, N, PX_UNIT_PEOPLE},
    {"migrants", 0, N, PX_UNIT_PEOPLE},
    {"palestinians", 0, N, PX_UNIT_PEOPLE},
    {"passengers", 0, N, PX_UNIT_PEOPLE},
    {"protesters", 0, N, PX_UNIT_PEOPLE},
    {"students", 0, N, PX_UNIT_PEOPLE},
    {"workers", 0, N, PX_UNIT_PEOPLE},
    {"adults", 0, N, PX_UNIT_PEOPLE},
    {"visitors", 0, N, PX_UNIT_PEOPLE},
    {"staff", 0, N, PX_UNIT_PEOPLE},
    {"killed", 0, N, PX_UNIT_DEATHS},
    {"dead", 0, N, PX_UNIT_DEATHS},
    {"deaths", 0, N, PX_UNIT_DEATHS},
    {"fatalities", 0, N, PX_UNIT_DEATHS},
    {"died", 0, N, PX_UNIT_DEATHS},
    {"injured", 0, N, PX_UNIT_INJURED},
    {"wounded", 0, N, PX_UNIT_INJURED},
    {"injuries", 0, N, PX_UNIT_INJURED},
    {"troops", 0, N, PX_UNIT_TROOPS},
    {"soldiers", 0, N, PX_UNIT_TROOPS},
    {"soldier", 0, N, PX_UNIT_TROOPS},
    {"personnel", 0, N, PX_UNIT_TROOPS},
    {"peacekeepers", 0, N, PX_UNIT_TROOPS},
    {"questions", 0, N, PX_UNIT_QUESTIONS},
    {"question", 0, N, PX_UNIT_QUESTIONS},
    {"points", 0, N, PX_UNIT_POINTS},
    {"point", 0, N, PX_UNIT_POINTS},
    {"dollars", 0, N, PX_UNIT_MONEY_USD},
    {"dollar", 0, N, PX_UNIT_MONEY_USD},
    {"usd", 0, N, PX_UNIT_MONEY_USD},
    {"euros", 0, N, PX_UNIT_MONEY_EUR},
    {"euro", 0, N, PX_UNIT_MONEY_EUR},
    {"eur", 0, N, PX_UNIT_MONEY_EUR},
    {"yuan", 0, N, PX_UNIT_MONEY_CNY},
    {"rmb", 0, N, PX_UNIT_MONEY_CNY},
    {"pounds", 0, N, PX_UNIT_MONEY_GBP},
    {"years", 0, N, PX_UNIT_YEARS},
    {"year", 0, N, PX_UNIT_YEARS},
    {"months", 0, N, PX_UNIT_MONTHS},
    {"month", 0, N, PX_UNIT_MONTHS},
    {"days", 0, N, PX_UNIT_DAYS},
    {"day", 0, N, PX_UNIT_DAYS},
    {"hours", 0, N, PX_UNIT_HOURS},
    {"hour", 0, N, PX_UNIT_HOURS},
    {"countries", 0, N, PX_UNIT_COUNTRIES},
    {"nations", 0, N, PX_UNIT_COUNTRIES},
    {"morts", 0, N, PX_UNIT_DEATHS},
    {"blessés", 0, N, PX_UNIT_INJURED},
    {"soldats", 0, N, PX_UNIT_TROOPS},
    {"personnes", 0, N, PX_UNIT_PEOPLE},
    {"tote", 0, N, PX_UNIT_DEATHS},
    {"toten", 0, N, PX_UNIT_DEATHS},
    {"verletzte", 0, N, PX_UNIT_INJURED},
    {"soldaten", 0, N, PX_UNIT_TROOPS},
    {"menschen", 0, N, PX_UNIT_PEOPLE},
    {"personas", 0, N, PX_UNIT_PEOPLE},
    {"muertos", 0, N, PX_UNIT_DEATHS},
    {"heridos", 0, N, PX_UNIT_INJURED},
    {"soldados", 0, N, PX_UNIT_TROOPS},
    {"человек", 0, N, PX_UNIT_PEOPLE},
    {"погибших", 0, N, PX_UNIT_DEATHS},
    {"раненых", 0, N, PX_UNIT_INJURED},
    {"военных", 0, N, PX_UNIT_TROOPS},
    {"солдат", 0, N, PX_UNIT_TROOPS},
    {"долларов", 0, N, PX_UNIT_MONEY_USD},
    {"شخص", 0, N, PX_UNIT_PEOPLE},
    {"شخصا", 0, N, PX_UNIT_PEOPLE},
    {"أشخاص", 0, N, PX_UNIT_PEOPLE},
    {"مواطن", 0, N, PX_UNIT_PEOPLE},
    {"مواطنا", 0, N, PX_UNIT_PEOPLE},
    {"مواطنين", 0, N, PX_UNIT_PEOPLE},
    {"فلسطيني", 0, N, PX_UNIT_PEOPLE},
    {"فلسطينيا", 0, N, PX_UNIT_PEOPLE},
    {"فلسطينيين", 0, N, PX_UNIT_PEOPLE},
    {"طفل", 0, N, PX_UNIT_PEOPLE},
    {"طفلا", 0, N, PX_UNIT_PEOPLE},
    {"مدني", 0, N, PX_UNIT_PEOPLE},
    {"مدنيا", 0, N, PX_UNIT_PEOPLE},
    {"مدنيين", 0, N, PX_UNIT_PEOPLE},
    {"لاجئ", 0, N, PX_UNIT_PEOPLE},
    {"لاجئا", 0, N, PX_UNIT_PEOPLE},
    {"لاجئين", 0, N, PX_UNIT_PEOPLE},
    {"نسمة", 0, N, PX_UNIT_PEOPLE},
    {"أطفال", 0, N, PX_UNIT_PEOPLE},
    {"قتيل", 0, N, PX_UNIT_DEATHS},
    {"قتيلا", 0, N, PX_UNIT_DEATHS},
    {"قتلى", 0, N, PX_UNIT_DEATHS},
    {"شهيد", 0, N, PX_UNIT_DEATHS},
    {"شهيدا", 0, N, PX_UNIT_DEATHS},
    {"شهداء", 0, N, PX_UNIT_DEATHS},
    {"جريح", 0, N, PX_UNIT_INJURED},
    {"جريحا", 0, N, PX_UNIT_INJURED},
    {"جرحى", 0, N, PX_UNIT_INJURED},
    {"مصاب", 0, N, PX_UNIT_INJURED},
    {"مصابا", 0, N, PX_UNIT_INJURED},
    {"مصابين", 0, N, PX_UNIT_INJURED},
    {"إصابة", 0, N, PX_UNIT_INJURED},
    {"إصابات", 0, N, PX_UNIT_INJURED},
    {"جندي", 0, N, PX_UNIT_TROOPS},
    {"جنديا", 0, N, PX_UNIT_TROOPS},
    {"جنود", 0, N, PX_UNIT_TROOPS},
    {"عسكري", 0, N, PX_UNIT_TROOPS},
    {"عسكريا", 0, N, PX_UNIT_TROOPS},
    {"عسكريين", 0, N, PX_UNIT_TROOPS},
    {"سؤال", 0, N, PX_UNIT_QUESTIONS},
    {"سؤالا", 0, N, PX_UNIT_QUESTIONS},
    {"أسئلة", 0, N, PX_UNIT_QUESTIONS},
    {"دولار", 0, N, PX_UNIT_MONEY_USD},
    {"دولارا", 0, N, PX_UNIT_MONEY_USD},
    {"دولارات", 0, N, PX_UNIT_MONEY_USD},
    {"يورو", 0, N, PX_UNIT_MONEY_EUR},
    {"نقطة", 0, N, PX_UNIT_POINTS},
    {"نقاط", 0, N, PX_UNIT_POINTS},
    {"عام", 0, N, PX_UNIT_YEARS},
    {"عاما", 0, N, PX_UNIT_YEARS},
    {"أعوام", 0, N, PX_UNIT_YEARS},
    {"سنة", 0, N, PX_UNIT_YEARS},
    {"سنوات", 0, N, PX_UNIT_YEARS},
    {"يوم", 0, N, PX_UNIT_DAYS},
    {"يوما", 0, N, PX_UNIT_DAYS},
    {"أيام", 0, N, PX_UNIT_DAYS},
    {"شهر", 0, N, PX_UNIT_MONTHS},
    {"شهرا", 0, N, PX_UNIT_MONTHS},
    {"أشهر", 0, N, PX_UNIT_MONTHS},
    {"ساعة", 0, N, PX_UNIT_HOURS},
    {"ساعات", 0, N, PX_UNIT_HOURS},
    {"دولة", 0, N, PX_UNIT_COUNTRIES},
    {"دول", 0, N, PX_UNIT_COUNTRIES},
    /* percent words */
    {"percent", 0, P, 0},
    {"pct", 0, P, 0},
    {"prozent", 0, P, 0},
    {"процентов", 0, P, 0},
    {"процента", 0, P, 0},
    {"процент", 0, P, 0},
    {"بالمائة", 0, P, 0},
    {"بالمئة", 0, P, 0},
    /* abbreviations that end in a full stop inside a sentence */
    {"mr", 0, A, 0},
    {"mrs", 0, A, 0},
    {"ms", 0, A, 0},
    {"dr", 0, A, 0},
    {"prof", 0, A, 0},
    {"st", 0, A, 0},
    {"jr", 0, A, 0},
    {"sr", 0, A, 0},
    {"vs", 0, A, 0},
    {"etc", 0, A, 0},
    {"no", 0, A, 0},
    {"gen", 0, A, 0},
    {"col", 0, A, 0},
    {"lt", 0, A, 0},
    {"sgt", 0, A, 0},
    {"rep", 0, A, 0},
    {"sen", 0, A, 0},
    {"gov", 0, A, 0},
    {"inc", 0, A, 0},
    {"ltd", 0, A, 0},
    {"co", 0, A, 0},
    {"corp", 0, A, 0},
    {"approx", 0, A, 0},
    {"ca", 0, A, 0},
    {"mt", 0, A, 0},
    {"fig", 0, A, 0},
    {"nr", 0, A, 0},
    {"bzw", 0, A, 0},
    {"z.b", 0, A, 0},
    {"mme", 0, A, 0},
    {"sra", 0, A, 0},
    {"г", 0, A, 0},
    {"тыс", 0, A, 0},
    {"млн", 0, A, 0},
    {"млрд", 0, A, 0},
};

#undef U
#undef T
#undef H
#undef HV
#undef S
#undef SP
#undef M
#undef N
#undef P
#undef A

/* Phrases are matched against the text just before a number, longest
 * first where one is the end of another. */
const px_fw_phrase px_fw_quals_before[] = {
    {"no more than", PX_FIG_UP_TO},
    {"more than", PX_FIG_MORE_THAN},
    {"in excess of", PX_FIG_MORE_THAN},
    {"upwards of", PX_FIG_MORE_THAN},
    {"over", PX_FIG_MORE_THAN},
    {"above", PX_FIG_MORE_THAN},
    {"exceeding", PX_FIG_MORE_THAN},
    {"at least", PX_FIG_AT_LEAST},
    {"no fewer than", PX_FIG_AT_LEAST},
    {"no less than", PX_FIG_AT_LEAST},
    {"a minimum of", PX_FIG_AT_LEAST},
    {"nearly", PX_FIG_NEARLY},
    {"almost", PX_FIG_NEARLY},
    {"close to", PX_FIG_NEARLY},
    {"about", PX_FIG_ABOUT},
    {"around", PX_FIG_ABOUT},
    {"approximately", PX_FIG_ABOUT},
    {"roughly", PX_FIG_ABOUT},
    {"an estimated", PX_FIG_ABOUT},
    {"some", PX_FIG_ABOUT},
    {"up to", PX_FIG_UP_TO},
    {"as many as", PX_FIG_UP_TO},
    {"less than", PX_FIG_LESS_THAN},
    {"fewer than", PX_FIG_LESS_THAN},
    {"under", PX_FIG_LESS_THAN},
    {"below", PX_FIG_LESS_THAN},
    {"超过", PX_FIG_MORE_THAN},
    {"多于", PX_FIG_MORE_THAN},
    {"逾", PX_FIG_MORE_THAN},
    {"超", PX_FIG_MORE_THAN},
    {"至少", PX_FIG_AT_LEAST},
    {"不少于", PX_FIG_AT_LEAST},
    {"将近", PX_FIG_NEARLY},
    {"接近", PX_FIG_NEARLY},
    {"近", PX_FIG_NEARLY},
    {"大约", PX_FIG_ABOUT},
    {"约", PX_FIG_ABOUT},
    {"大概", PX_FIG_ABOUT},
    {"不到", PX_FIG_LESS_THAN},
    {"少于", PX_FIG_LESS_THAN},
    {"不足", PX_FIG_LESS_THAN},
    {"多达", PX_FIG_UP_TO},
    {"几", PX_FIG_ABOUT},
    {"高达", PX_FIG_UP_TO},
    {"最多", PX_FIG_UP_TO},
    {"أكثر من", PX_FIG_MORE_THAN},
    {"ما يزيد عن", PX_FIG_MORE_THAN},
    {"ما يزيد على", PX_FIG_MORE_THAN},
    {"أزيد من", PX_FIG_MORE_THAN},
    {"ما لا يقل عن", PX_FIG_AT_LEAST},
    {"لا يقل عن", PX_FIG_AT_LEAST},
    {"ما يقرب من", PX_FIG_NEARLY},
    {"ما يقارب", PX_FIG_NEARLY},
    {"قرابة", PX_FIG_NEARLY},
    {"نحو", PX_FIG_ABOUT},
    {"حوالي", PX_FIG_ABOUT},
    {"زهاء", PX_FIG_ABOUT},
    {"أقل من", PX_FIG_LESS_THAN},
    {"ما يصل إلى", PX_FIG_UP_TO},
    {"plus de", PX_FIG_MORE_THAN},
    {"au moins", PX_FIG_AT_LEAST},
    {"près de", PX_FIG_NEARLY},
    {"environ", PX_FIG_ABOUT},
    {"jusqu'à", PX_FIG_UP_TO},
    {"moins de", PX_FIG_LESS_THAN},
    {"mehr als", PX_FIG_MORE_THAN},
    {"über", PX_FIG_MORE_THAN},
    {"mindestens", PX_FIG_AT_LEAST},
    {"knapp", PX_FIG_NEARLY},
    {"fast", PX_FIG_NEARLY},
    {"etwa", PX_FIG_ABOUT},
    {"rund", PX_FIG_ABOUT},
    {"ungefähr", PX_FIG_ABOUT},
    {"bis zu", PX_FIG_UP_TO},
    {"weniger als", PX_FIG_LESS_THAN},
    {"más de", PX_FIG_MORE_THAN},
    {"al menos", PX_FIG_AT_LEAST},
    {"casi", PX_FIG_NEARLY},
    {"cerca de", PX_FIG_NEARLY},
    {"alrededor de", PX_FIG_ABOUT},
    {"unos", PX_FIG_ABOUT},
    {"unas", PX_FIG_ABOUT},
    {"hasta", PX_FIG_UP_TO},
    {"menos de", PX_FIG_LESS_THAN},
    {"более", PX_FIG_MORE_THAN},
    {"свыше", PX_FIG_MORE_THAN},
    {"не менее", PX_FIG_AT_LEAST},
    {"почти", PX_FIG_NEARLY},
    {"около", PX_FIG_ABOUT},
    {"примерно", PX_FIG_ABOUT},
    {"менее", PX_FIG_LESS_THAN},
    {"between", PX_FW_BETWEEN},
    {"بين", PX_FW_BETWEEN},
    {"entre", PX_FW_BETWEEN},
    {"zwischen", PX_FW_BETWEEN},
    {"между", PX_FW_BETWEEN},
    {"从", PX_FW_BETWEEN},
    {NULL, 0},
};

const px_fw_phrase px_fw_quals_after[] = {
    {"or more", PX_FIG_AT_LEAST},
    {"plus", PX_FIG_MORE_THAN},
    {"以上", PX_FIG_MORE_THAN},
    {"左右", PX_FIG_ABOUT},
    {"以下", PX_FIG_LESS_THAN},
    {"على الأقل", PX_FIG_AT_LEAST},
    {NULL, 0},
};

/* Chinese nouns and classifiers after a number, longest first. */
const px_fw_phrase px_fw_zh_nouns[] = {
    {"人死亡", PX_UNIT_DEATHS},
    {"人遇难", PX_UNIT_DEATHS},
    {"人丧生", PX_UNIT_DEATHS},
    {"人罹难", PX_UNIT_DEATHS},
    {"人受伤", PX_UNIT_INJURED},
    {"死亡", PX_UNIT_DEATHS},
    {"遇难", PX_UNIT_DEATHS},
    {"受伤", PX_UNIT_INJURED},
    {"伤者", PX_UNIT_INJURED},
    {"士兵", PX_UNIT_TROOPS},
    {"军人", PX_UNIT_TROOPS},
    {"官兵", PX_UNIT_TROOPS},
    {"兵力", PX_UNIT_TROOPS},
    {"问题", PX_UNIT_QUESTIONS},
    {"美元", PX_UNIT_MONEY_USD},
    {"欧元", PX_UNIT_MONEY_EUR},
    {"英镑", PX_UNIT_MONEY_GBP},
    {"人民币", PX_UNIT_MONEY_CNY},
    {"元", PX_UNIT_MONEY_CNY},
    {"岁", PX_UNIT_YEARS},
    {"周年", PX_UNIT_YEARS},
    {"年", PX_UNIT_YEARS},
    {"个月", PX_UNIT_MONTHS},
    {"天", PX_UNIT_DAYS},
    {"小时", PX_UNIT_HOURS},
    {"个国家", PX_UNIT_COUNTRIES},
    {"国", PX_UNIT_COUNTRIES},
    {"分", PX_UNIT_POINTS},
    {"人", PX_UNIT_PEOPLE},
    {"名", PX_UNIT_PEOPLE},
    {"位", PX_UNIT_PEOPLE},
    {"个", PX_UNIT_ITEMS},
    {NULL, 0},
};

/* Nouns that, said before a number in its sentence, name what it counts
 * ("the death toll rose to 70,000", 死亡人数已超7.1万人, عدد القتلى 70 ألفا).
 * Searched byte-wise (ASCII case-insensitively), most specific first. */
const px_fw_phrase px_fw_cues_before[] = {
    {"death toll", PX_UNIT_DEATHS}, {"aged", PX_UNIT_YEARS},
    {"killed", PX_UNIT_DEATHS},     {"killing", PX_UNIT_DEATHS},
    {"dead", PX_UNIT_DEATHS},       {"injured", PX_UNIT_INJURED},
    {"injuring", PX_UNIT_INJURED},  {"wounded", PX_UNIT_INJURED},
    {"wounding", PX_UNIT_INJURED},  {"死亡", PX_UNIT_DEATHS},
    {"遇难", PX_UNIT_DEATHS},       {"罹难", PX_UNIT_DEATHS},
    {"丧生", PX_UNIT_DEATHS},       {"伤者", PX_UNIT_INJURED},
    {"受伤", PX_UNIT_INJURED},      {"القتلى", PX_UNIT_DEATHS},
    {"الشهداء", PX_UNIT_DEATHS},    {"الوفيات", PX_UNIT_DEATHS},
    {"الضحايا", PX_UNIT_DEATHS},    {"الجرحى", PX_UNIT_INJURED},
    {"المصابين", PX_UNIT_INJURED},  {"الإصابات", PX_UNIT_INJURED},
    {"الاصابات", PX_UNIT_INJURED},  {"الجنود", PX_UNIT_TROOPS},
    {"مقتل", PX_UNIT_DEATHS},       {"مصرع", PX_UNIT_DEATHS},
    {"وفاة", PX_UNIT_DEATHS},       {"قتل", PX_UNIT_DEATHS},
    {"أصيب", PX_UNIT_INJURED},      {"اصيب", PX_UNIT_INJURED},
    {"إصابة", PX_UNIT_INJURED},     {NULL, 0},
};

/* Words right after "N people" that say what happened to them. */
const px_fw_phrase px_fw_cues_after[] = {
    {"killed", PX_UNIT_DEATHS},
    {"dead", PX_UNIT_DEATHS},
    {"died", PX_UNIT_DEATHS},
    {"injured", PX_UNIT_INJURED},
    {"wounded", PX_UNIT_INJURED},
    {"hurt", PX_UNIT_INJURED},
    {NULL, 0},
};

const px_fw_phrase px_fw_pct_phrases[] = {
    {"per cent", 1}, {"pour cent", 1}, {"por ciento", 1}, {"في المائة", 1},
    {"في المئة", 1}, {"في المية", 1},  {"%", 1},          {"٪", 1},
    {"％", 1},       {NULL, 0},
};

uint32_t
px_fw_fold(uint32_t c)
{
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    if (c >= 0x600 && c <= 0x6FF) {
        if ((c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640) {
            return 0;
        }
        if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671) {
            return 0x627;
        }
        return c == 0x649 ? 0x64A : c;
    }
    if (c >= 0x410 && c <= 0x42F) {
        return c + 0x20; /* Cyrillic А-Я */
    }
    if (c >= 0x400 && c <= 0x40F) {
        return c + 0x50;
    }
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
        return c + 0x20;
    }
    if ((c >= 0xDF && c <= 0xFF) || (c >= 0x430 && c <= 0x4FF)) {
        return c;
    }
    if (c < 0x530) {
        return (uint32_t)u_tolower((UChar32)c);
    }
    if (c == 0x2019) {
        return '\'';
    }
    return c;
}

size_t
px_fw_fold_str(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0;
    size_t o = 0;
    while (i < len) {
        UChar32 c = 0;
        U8_NEXT(s, i, len, c);
        if (c < 0) {
            return 0;
        }
        const uint32_t f = px_fw_fold((uint32_t)c);
        if (f == 0) {
            continue;
        }
        if (o + 4 > cap) {
            return 0;
        }
        U8_APPEND_UNSAFE(out, o, f);
    }
    return o;
}

#define HBITS    10
#define HSIZE    (1u << HBITS)
#define POOL_LEN 16384

static struct {
    uint16_t slot[HSIZE]; /* index + 1 into words, 0 empty */
    uint32_t key_off[sizeof words / sizeof words[0]];
    uint8_t key_len[sizeof words / sizeof words[0]];
    char pool[POOL_LEN];
} tab;
static pthread_once_t tab_once = PTHREAD_ONCE_INIT;

static uint32_t
hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h ^ (h >> 15);
}

#define MAX_QB PX_FW_QUAL_END
static uint16_t qb_off[MAX_QB];
static uint8_t qb_len[MAX_QB];
/* The qualifiers whose folded form ends in byte b, in list order: the
 * first is qb_first[b], each next qb_next[i]; MAX_QB ends a chain. */
static uint8_t qb_first[256];
static uint8_t qb_next[MAX_QB];
static size_t qb_max_len; /* the longest folded qualifier */

uint8_t px_fw_cue_bits[8192]; /* first two bytes of each cue */
uint8_t px_fw_key_bits[8192]; /* (length, first, last code point) */

static uint32_t
key_sig(const char *k, size_t len)
{
    UChar32 first = 0;
    UChar32 last = 0;
    size_t i = 0;
    int32_t e = (int32_t)len; /* len <= 255 */
    U8_NEXT(k, i, len, first);
    U8_PREV(k, 0, e, last);
    return px_fw_key_sig((uint32_t)first, (uint32_t)last, len);
}

static void
set_cue_bits(const char *w)
{
    const unsigned char a = (unsigned char)w[0];
    const unsigned char b = (unsigned char)w[1];
    for (int ca = 0; ca < 2; ca++) {
        for (int cb = 0; cb < 2; cb++) {
            const unsigned x = a < 0x80 && ca ? a & 0xDFu : a;
            const unsigned y = b < 0x80 && cb ? b & 0xDFu : b;
            const unsigned v = x << 8 | y;
            px_fw_cue_bits[v >> 3] |= (uint8_t)(1u << (v & 7));
        }
    }
}

/* Links the qualifiers by the last byte of their folded forms (those
 * with an empty folded form match nothing and are left out). */
static void
chain_quals(void)
{
    memset(qb_first, MAX_QB, sizeof qb_first);
    uint8_t last[256];
    memset(last, MAX_QB, sizeof last);
    for (size_t i = 0; px_fw_quals_before[i].w != NULL && i < MAX_QB; i++) {
        qb_next[i] = MAX_QB;
        if (qb_len[i] == 0) {
            continue;
        }
        const unsigned char b =
            (unsigned char)tab.pool[qb_off[i] + qb_len[i] - 1];
        if (last[b] == MAX_QB) {
            qb_first[b] = (uint8_t)i;
        } else {
            qb_next[last[b]] = (uint8_t)i;
        }
        last[b] = (uint8_t)i;
    }
}

static void
build(void)
{
    size_t used = 0;
    for (size_t i = 0; px_fw_cues_before[i].w != NULL; i++) {
        set_cue_bits(px_fw_cues_before[i].w);
    }
    for (size_t i = 0; px_fw_quals_before[i].w != NULL && i < MAX_QB; i++) {
        const char *w = px_fw_quals_before[i].w;
        const size_t k =
            px_fw_fold_str(w, strlen(w), tab.pool + used, POOL_LEN - used);
        qb_off[i] = (uint16_t)used;
        qb_len[i] = (uint8_t)k;
        qb_max_len = k > qb_max_len ? k : qb_max_len;
        used += k;
    }
    chain_quals();
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        const size_t k = px_fw_fold_str(words[i].w, strlen(words[i].w),
                                        tab.pool + used, POOL_LEN - used);
        tab.key_off[i] = (uint32_t)used;
        tab.key_len[i] = (uint8_t)k;
        uint32_t h = hash(tab.pool + used, k) & (HSIZE - 1);
        while (tab.slot[h] != 0) {
            h = (h + 1) & (HSIZE - 1);
        }
        tab.slot[h] = (uint16_t)(i + 1);
        const unsigned sig = key_sig(tab.pool + used, k);
        px_fw_key_bits[sig >> 3] |= (uint8_t)(1u << (sig & 7));
        used += k;
    }
}

void
px_fw_init(void)
{
    pthread_once(&tab_once, build);
}

const char *
px_fw_qual_folded(size_t i, size_t *len)
{
    *len = qb_len[i];
    return tab.pool + qb_off[i];
}

size_t
px_fw_qual_max_len(void)
{
    return qb_max_len;
}

size_t
px_fw_qual_first(unsigned char last)
{
    return qb_first[last];
}

size_t
px_fw_qual_next(size_t i)
{
    return qb_next[i];
}

const px_fw_word *
px_fw_lookup(const char *key, size_t len)
{
    if (len == 0 || len > 255) {
        return NULL;
    }
    const unsigned sig = key_sig(key, len);
    if (((px_fw_key_bits[sig >> 3] >> (sig & 7)) & 1u) == 0) {
        return NULL;
    }
    uint32_t h = hash(key, len) & (HSIZE - 1);
    while (tab.slot[h] != 0) {
        const size_t i = tab.slot[h] - 1u;
        if (tab.key_len[i] == len &&
            memcmp(tab.pool + tab.key_off[i], key, len) == 0) {
            return &words[i];
        }
        h = (h + 1) & (HSIZE - 1);
    }
    return NULL;
}
