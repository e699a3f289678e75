/* datetext_words.c - the word table of datetext: month and weekday names
 * taken from ICU's Gregorian date symbols of about sixty news languages,
 * and hand-written relative words (yesterday, الماضي, 上周...) in English,
 * Arabic, Chinese, Japanese, French, Spanish, German and Russian.
 *
 * Keys are folded with px_dt_fold, so lookups fold the text the same way.
 * The table is an open-addressing hash built once under pthread_once and
 * read-only afterwards, so lookups need no lock. Hand entries go in first:
 * where ICU gives the same word they merge, where it gives another meaning
 * the hand entry wins.
 */
#include "datetext_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "datetext.h"

#define TABLE_SIZE 32768 /* power of two, 4x the most keys kept */
#define MAX_KEYS   (TABLE_SIZE / 4)

/* Slots hold a hash and an entry number (1-based, 0 = empty) so a probe
 * touches 8 bytes; entries hold the key and its meaning. */
typedef struct slot {
    uint32_t hash;
    uint32_t idx;
} slot;

typedef struct entry {
    uint32_t key_off;
    uint32_t key_len;
    px_dt_word w;
} entry;

static slot *table;
/* One bit per key signature (length, first two and last byte): most words
 * of running text are no key, and this says so before hashing them. */
uint64_t px_dt_sig_bits[65536 / 64];
static entry *entries;
static size_t n_entries;
static char *keys;
static size_t keys_len;
static size_t keys_cap;
static bool init_failed;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static uint8_t cjk_first[65536 / 8];
/* One bit per BMP code point that starts a key; key_first_high: some key
 * starts above the BMP. */
static uint8_t key_first[65536 / 8];
static bool key_first_high;

/* The languages whose ICU names are loaded; index = bit. At most 64. */
static const char *const langs[] = {
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da",  "nb", "fi",
    "pl", "cs", "sk", "hu", "ro", "bg", "ru", "uk", "sr",  "hr", "bs",
    "sl", "el", "tr", "ar", "fa", "ur", "he", "hi", "bn",  "ta", "te",
    "mr", "zh", "ja", "ko", "vi", "th", "id", "ms", "fil", "sw", "az",
    "kk", "uz", "ka", "hy", "lt", "lv", "et", "sq", "mk",  "ca", "is",
    "ga", "af", "am", "ha", "so", "ps", "ne", "si", "gl"};
#define N_LANGS (sizeof langs / sizeof langs[0])

typedef struct hand {
    const char *key;
    const char *lang;
    uint8_t kind;
    int16_t val;
    uint8_t flags;
    uint8_t part;
} hand;

enum { MO = PX_DAYPART_MORNING, NO = PX_DAYPART_NOON };
enum { AF = PX_DAYPART_AFTERNOON, EV = PX_DAYPART_EVENING };
enum { NI = PX_DAYPART_NIGHT };

/* Words ICU does not give: relative words, parts of the day, prepositions,
 * ambiguous names, and common spellings of Arabic and Russian months. */
static const hand hands[] = {
    {"may", "en", DW_MONTH, 5, DWF_CTX, 0},
    {"march", "en", DW_MONTH, 3, DWF_CTX, 0},
    {"august", "en", DW_MONTH, 8, DWF_CTX, 0},
    {"sept", "en", DW_MONTH, 9, DWF_WEAK, 0},
    {"today", "en", DW_REL_DAY, 0, 0, 0},
    {"yesterday", "en", DW_REL_DAY, -1, 0, 0},
    {"tomorrow", "en", DW_REL_DAY, 1, 0, 0},
    {"tonight", "en", DW_REL_DAY, 0, 0, NI},
    {"last", "en", DW_MOD, -1, 0, 0},
    {"past", "en", DW_MOD, -1, 0, 0},
    {"previous", "en", DW_MOD, -1, 0, 0},
    {"next", "en", DW_MOD, 1, 0, 0},
    {"coming", "en", DW_MOD, 1, 0, 0},
    {"this", "en", DW_MOD, 0, 0, 0},
    {"week", "en", DW_UNIT, 'W', 0, 0},
    {"month", "en", DW_UNIT, 'M', 0, 0},
    {"year", "en", DW_UNIT, 'Y', 0, 0},
    {"morning", "en", DW_PART, 0, 0, MO},
    {"noon", "en", DW_PART, 0, 0, NO},
    {"afternoon", "en", DW_PART, 0, 0, AF},
    {"evening", "en", DW_PART, 0, 0, EV},
    {"night", "en", DW_PART, 0, 0, NI},
    {"in", "en", DW_PREP, 0, 0, 0},
    {"on", "en", DW_PREP, 0, 0, 0},
    {"since", "en", DW_PREP, 0, 0, 0},
    {"until", "en", DW_PREP, 0, 0, 0},
    {"by", "en", DW_PREP, 0, 0, 0},
    {"during", "en", DW_PREP, 0, 0, 0},
    {"early", "en", DW_PREP, 0, 0, 0},
    {"late", "en", DW_PREP, 0, 0, 0},
    {"mid", "en", DW_PREP, 0, 0, 0},
    {"before", "en", DW_PREP, 0, 0, 0},
    {"after", "en", DW_PREP, 0, 0, 0},
    {"at", "en", DW_PREP, 0, 0, 0},
    {"am", "en", DW_AMPM, 0, 0, 0},
    {"pm", "en", DW_AMPM, 1, 0, 0},
    {"st", "en", DW_ORD, 0, 0, 0},
    {"nd", "en", DW_ORD, 0, 0, 0},
    {"rd", "en", DW_ORD, 0, 0, 0},
    {"th", "en", DW_ORD, 0, 0, 0},
    {"of", "en", DW_ORD, 0, 0, 0},
    {"or", "en", DW_CONJ, 0, 0, 0},
    {"and", "en", DW_CONJ, 0, 0, 0},
    {"to", "en", DW_CONJ, 0, 0, 0},
    {"ago", "en", DW_AGO, 0, 0, 0},
    {"day", "en", DW_AGOUNIT, 'D', 0, 0},
    {"days", "en", DW_AGOUNIT, 'D', 0, 0},
    {"weeks", "en", DW_AGOUNIT, 'W', 0, 0},
    {"months", "en", DW_AGOUNIT, 'M', 0, 0},
    {"years", "en", DW_AGOUNIT, 'Y', 0, 0},
    {"a", "en", DW_NUMWORD, 1, 0, 0},
    {"an", "en", DW_NUMWORD, 1, 0, 0},
    {"one", "en", DW_NUMWORD, 1, 0, 0},
    {"two", "en", DW_NUMWORD, 2, 0, 0},
    {"three", "en", DW_NUMWORD, 3, 0, 0},
    {"four", "en", DW_NUMWORD, 4, 0, 0},
    {"five", "en", DW_NUMWORD, 5, 0, 0},
    {"six", "en", DW_NUMWORD, 6, 0, 0},
    {"seven", "en", DW_NUMWORD, 7, 0, 0},
    {"eight", "en", DW_NUMWORD, 8, 0, 0},
    {"nine", "en", DW_NUMWORD, 9, 0, 0},
    {"ten", "en", DW_NUMWORD, 10, 0, 0},
    {"few", "en", DW_NUMWORD, 0, 0, 0},
    /* Arabic */
    {"و", "ar", DW_CONJ, 0, 0, 0},
    {"أو", "ar", DW_CONJ, 0, 0, 0},
    {"إلى", "ar", DW_CONJ, 0, 0, 0},
    {"قبل", "ar", DW_AGO, 0, 0, 0},
    {"أيام", "ar", DW_AGOUNIT, 'D', 0, 0},
    {"يوما", "ar", DW_AGOUNIT, 'D', 0, 0},
    {"يومين", "ar", DW_AGOUNIT, 'D', 0, 2},
    {"أسابيع", "ar", DW_AGOUNIT, 'W', 0, 0},
    {"أسبوعا", "ar", DW_AGOUNIT, 'W', 0, 0},
    {"أسبوع", "ar", DW_AGOUNIT, 'W', 0, 1},
    {"أسبوعين", "ar", DW_AGOUNIT, 'W', 0, 2},
    {"أشهر", "ar", DW_AGOUNIT, 'M', 0, 0},
    {"شهرين", "ar", DW_AGOUNIT, 'M', 0, 2},
    {"سنوات", "ar", DW_AGOUNIT, 'Y', 0, 0},
    {"أعوام", "ar", DW_AGOUNIT, 'Y', 0, 0},
    {"عامين", "ar", DW_AGOUNIT, 'Y', 0, 2},
    {"سنتين", "ar", DW_AGOUNIT, 'Y', 0, 2},
    {"اليوم", "ar", DW_REL_DAY, 0, 0, 0},
    {"أمس", "ar", DW_REL_DAY, -1, 0, 0},
    {"الأمس", "ar", DW_REL_DAY, -1, 0, 0},
    {"امس", "ar", DW_REL_DAY, -1, 0, 0},
    {"البارحة", "ar", DW_REL_DAY, -1, 0, 0},
    {"غدا", "ar", DW_REL_DAY, 1, 0, 0},
    {"الليلة", "ar", DW_REL_DAY, 0, 0, NI},
    {"الأول", "ar", DW_FIRST, 0, 0, 0},
    {"الماضي", "ar", DW_MOD, -1, DWF_AFTER, 0},
    {"الماضية", "ar", DW_MOD, -1, DWF_AFTER, 0},
    {"المنصرم", "ar", DW_MOD, -1, DWF_AFTER, 0},
    {"المنصرمة", "ar", DW_MOD, -1, DWF_AFTER, 0},
    {"الفائت", "ar", DW_MOD, -1, DWF_AFTER, 0},
    {"المقبل", "ar", DW_MOD, 1, DWF_AFTER, 0},
    {"المقبلة", "ar", DW_MOD, 1, DWF_AFTER, 0},
    {"القادم", "ar", DW_MOD, 1, DWF_AFTER, 0},
    {"القادمة", "ar", DW_MOD, 1, DWF_AFTER, 0},
    {"الحالي", "ar", DW_MOD, 0, DWF_AFTER, 0},
    {"الجاري", "ar", DW_MOD, 0, DWF_AFTER, 0},
    {"هذا", "ar", DW_MOD, 0, 0, 0},
    {"هذه", "ar", DW_MOD, 0, 0, 0},
    {"الأسبوع", "ar", DW_UNIT, 'W', 0, 0},
    {"الاسبوع", "ar", DW_UNIT, 'W', 0, 0},
    {"الشهر", "ar", DW_UNIT, 'M', 0, 0},
    {"العام", "ar", DW_UNIT, 'Y', 0, 0},
    {"السنة", "ar", DW_UNIT, 'Y', 0, 0},
    {"مساء", "ar", DW_PART, 0, 0, EV},
    {"المساء", "ar", DW_PART, 0, 0, EV},
    {"مساءا", "ar", DW_PART, 0, 0, EV},
    {"صباح", "ar", DW_PART, 0, 0, MO},
    {"الصباح", "ar", DW_PART, 0, 0, MO},
    {"صباحا", "ar", DW_PART, 0, 0, MO},
    {"ليلة", "ar", DW_PART, 0, 0, NI},
    {"ليل", "ar", DW_PART, 0, 0, NI},
    {"ليلا", "ar", DW_PART, 0, 0, NI},
    {"ظهر", "ar", DW_PART, 0, 0, NO},
    {"ظهرا", "ar", DW_PART, 0, 0, NO},
    {"عصر", "ar", DW_PART, 0, 0, AF},
    {"فجر", "ar", DW_PART, 0, 0, MO},
    {"يوم", "ar", DW_PREP, 0, 0, 0},
    {"في", "ar", DW_PREP, 0, 0, 0},
    {"منذ", "ar", DW_PREP, 0, 0, 0},
    {"حتى", "ar", DW_PREP, 0, 0, 0},
    {"خلال", "ar", DW_PREP, 0, 0, 0},
    {"مطلع", "ar", DW_PREP, 0, 0, 0},
    {"أواخر", "ar", DW_PREP, 0, 0, 0},
    {"منتصف", "ar", DW_PREP, 0, 0, 0},
    {"شهر", "ar", DW_PREP, 0, 0, 0},
    {"الساعة", "ar", DW_PREP, 0, 0, 0},
    {"عام", "ar", DW_YEARWORD, 0, 0, 0},
    {"سنة", "ar", DW_YEARWORD, 0, 0, 0},
    {"ص", "ar", DW_AMPM, 0, 0, 0},
    {"م", "ar", DW_AMPM, 1, 0, 0},
    {"آب", "ar", DW_MONTH, 8, DWF_CTX, 0},
    {"مارس", "ar", DW_MONTH, 3, DWF_CTX, 0},
    {"نيسان", "ar", DW_MONTH, 4, DWF_CTX, 0},
    {"ابريل", "ar", DW_MONTH, 4, 0, 0},
    {"إبريل", "ar", DW_MONTH, 4, 0, 0},
    {"يونية", "ar", DW_MONTH, 6, 0, 0},
    {"يولية", "ar", DW_MONTH, 7, 0, 0},
    {"اغسطس", "ar", DW_MONTH, 8, 0, 0},
    {"اكتوبر", "ar", DW_MONTH, 10, 0, 0},
    {"الإثنين", "ar", DW_WEEKDAY, 1, 0, 0},
    {"الاربعاء", "ar", DW_WEEKDAY, 3, 0, 0},
    /* French */
    {"aujourd'hui", "fr", DW_REL_DAY, 0, 0, 0},
    {"hier", "fr", DW_REL_DAY, -1, 0, 0},
    {"demain", "fr", DW_REL_DAY, 1, 0, 0},
    {"dernier", "fr", DW_MOD, -1, DWF_AFTER, 0},
    {"dernière", "fr", DW_MOD, -1, DWF_AFTER, 0},
    {"prochain", "fr", DW_MOD, 1, DWF_AFTER, 0},
    {"prochaine", "fr", DW_MOD, 1, DWF_AFTER, 0},
    {"semaine", "fr", DW_UNIT, 'W', 0, 0},
    {"mois", "fr", DW_UNIT, 'M', 0, 0},
    {"année", "fr", DW_UNIT, 'Y', 0, 0},
    {"matin", "fr", DW_PART, 0, 0, MO},
    {"soir", "fr", DW_PART, 0, 0, EV},
    {"nuit", "fr", DW_PART, 0, 0, NI},
    {"er", "fr", DW_ORD, 0, 0, 0},
    {"ou", "fr", DW_CONJ, 0, 0, 0},
    {"et", "fr", DW_CONJ, 0, 0, 0},
    {"en", "fr", DW_PREP, 0, 0, 0},
    /* Spanish */
    {"hoy", "es", DW_REL_DAY, 0, 0, 0},
    {"ayer", "es", DW_REL_DAY, -1, 0, 0},
    {"anteayer", "es", DW_REL_DAY, -2, 0, 0},
    {"mañana", "es", DW_REL_DAY, 1, DWF_ALTPART, MO},
    {"pasado", "es", DW_MOD, -1, DWF_AFTER, 0},
    {"pasada", "es", DW_MOD, -1, DWF_AFTER, 0},
    {"próximo", "es", DW_MOD, 1, 0, 0},
    {"próxima", "es", DW_MOD, 1, 0, 0},
    {"semana", "es", DW_UNIT, 'W', 0, 0},
    {"mes", "es", DW_UNIT, 'M', 0, 0},
    {"año", "es", DW_UNIT, 'Y', 0, 0},
    {"noche", "es", DW_PART, 0, 0, NI},
    {"tarde", "es", DW_PART, 0, 0, AF},
    {"de", "es", DW_ORD, 0, 0, 0},
    {"y", "es", DW_CONJ, 0, 0, 0},
    {"o", "es", DW_CONJ, 0, 0, 0},
    /* German */
    {"heute", "de", DW_REL_DAY, 0, 0, 0},
    {"gestern", "de", DW_REL_DAY, -1, 0, 0},
    {"vorgestern", "de", DW_REL_DAY, -2, 0, 0},
    {"morgen", "de", DW_REL_DAY, 1, DWF_ALTPART, MO},
    {"übermorgen", "de", DW_REL_DAY, 2, 0, 0},
    {"letzte", "de", DW_MOD, -1, 0, 0},
    {"letzten", "de", DW_MOD, -1, 0, 0},
    {"vergangene", "de", DW_MOD, -1, 0, 0},
    {"vergangenen", "de", DW_MOD, -1, 0, 0},
    {"nächste", "de", DW_MOD, 1, 0, 0},
    {"nächsten", "de", DW_MOD, 1, 0, 0},
    {"woche", "de", DW_UNIT, 'W', 0, 0},
    {"monat", "de", DW_UNIT, 'M', 0, 0},
    {"jahr", "de", DW_UNIT, 'Y', 0, 0},
    {"abend", "de", DW_PART, 0, 0, EV},
    {"nacht", "de", DW_PART, 0, 0, NI},
    {"und", "de", DW_CONJ, 0, 0, 0},
    {"oder", "de", DW_CONJ, 0, 0, 0},
    {"nachmittag", "de", DW_PART, 0, 0, AF},
    /* Russian */
    {"сегодня", "ru", DW_REL_DAY, 0, 0, 0},
    {"вчера", "ru", DW_REL_DAY, -1, 0, 0},
    {"и", "ru", DW_CONJ, 0, 0, 0},
    {"или", "ru", DW_CONJ, 0, 0, 0},
    {"позавчера", "ru", DW_REL_DAY, -2, 0, 0},
    {"завтра", "ru", DW_REL_DAY, 1, 0, 0},
    {"прошлой", "ru", DW_MOD, -1, 0, 0},
    {"прошлом", "ru", DW_MOD, -1, 0, 0},
    {"прошлого", "ru", DW_MOD, -1, 0, 0},
    {"следующей", "ru", DW_MOD, 1, 0, 0},
    {"следующем", "ru", DW_MOD, 1, 0, 0},
    {"неделе", "ru", DW_UNIT, 'W', 0, 0},
    {"месяце", "ru", DW_UNIT, 'M', 0, 0},
    {"году", "ru", DW_UNIT, 'Y', 0, 0},
    {"вечером", "ru", DW_PART, 0, 0, EV},
    {"утром", "ru", DW_PART, 0, 0, MO},
    {"ночью", "ru", DW_PART, 0, 0, NI},
    {"январе", "ru", DW_MONTH, 1, 0, 0},
    {"феврале", "ru", DW_MONTH, 2, 0, 0},
    {"марте", "ru", DW_MONTH, 3, 0, 0},
    {"апреле", "ru", DW_MONTH, 4, 0, 0},
    {"мае", "ru", DW_MONTH, 5, 0, 0},
    {"июне", "ru", DW_MONTH, 6, 0, 0},
    {"июле", "ru", DW_MONTH, 7, 0, 0},
    {"августе", "ru", DW_MONTH, 8, 0, 0},
    {"сентябре", "ru", DW_MONTH, 9, 0, 0},
    {"октябре", "ru", DW_MONTH, 10, 0, 0},
    {"ноябре", "ru", DW_MONTH, 11, 0, 0},
    {"декабре", "ru", DW_MONTH, 12, 0, 0},
    /* Chinese and Japanese (matched inside unspaced text) */
    {"天前", "zh", DW_AGOUNIT, 'D', DWF_AFTER, 0},
    {"日前", "zh", DW_AGOUNIT, 'D', DWF_AFTER, 0},
    {"周前", "zh", DW_AGOUNIT, 'W', DWF_AFTER, 0},
    {"个月前", "zh", DW_AGOUNIT, 'M', DWF_AFTER, 0},
    {"年前", "zh", DW_AGOUNIT, 'Y', DWF_AFTER, 0},
    {"今天", "zh", DW_REL_DAY, 0, 0, 0},
    {"今日", "zh", DW_REL_DAY, 0, 0, 0},
    {"昨天", "zh", DW_REL_DAY, -1, 0, 0},
    {"昨日", "zh", DW_REL_DAY, -1, 0, 0},
    {"前天", "zh", DW_REL_DAY, -2, 0, 0},
    {"明天", "zh", DW_REL_DAY, 1, 0, 0},
    {"明日", "zh", DW_REL_DAY, 1, 0, 0},
    {"后天", "zh", DW_REL_DAY, 2, 0, 0},
    {"昨晚", "zh", DW_REL_DAY, -1, 0, EV},
    {"昨夜", "zh", DW_REL_DAY, -1, 0, NI},
    {"今晚", "zh", DW_REL_DAY, 0, 0, EV},
    {"今早", "zh", DW_REL_DAY, 0, 0, MO},
    {"今晨", "zh", DW_REL_DAY, 0, 0, MO},
    {"去年", "zh", DW_UNIT, 'Y', 0, 0},
    {"今年", "zh", DW_UNIT, 'Y', 0, 0},
    {"明年", "zh", DW_UNIT, 'Y', 0, 0},
    {"前年", "zh", DW_UNIT, 'Y', 0, 0},
    {"上个月", "zh", DW_UNIT, 'M', 0, 0},
    {"上月", "zh", DW_UNIT, 'M', 0, 0},
    {"本月", "zh", DW_UNIT, 'M', 0, 0},
    {"这个月", "zh", DW_UNIT, 'M', 0, 0},
    {"下个月", "zh", DW_UNIT, 'M', 0, 0},
    {"下月", "zh", DW_UNIT, 'M', 0, 0},
    {"晚上", "zh", DW_PART, 0, 0, EV},
    {"傍晚", "zh", DW_PART, 0, 0, EV},
    {"早上", "zh", DW_PART, 0, 0, MO},
    {"早晨", "zh", DW_PART, 0, 0, MO},
    {"清晨", "zh", DW_PART, 0, 0, MO},
    {"上午", "zh", DW_PART, 0, 0, MO},
    {"中午", "zh", DW_PART, 0, 0, NO},
    {"下午", "zh", DW_PART, 0, 0, AF},
    {"夜里", "zh", DW_PART, 0, 0, NI},
    {"夜间", "zh", DW_PART, 0, 0, NI},
    {"深夜", "zh", DW_PART, 0, 0, NI},
    {"凌晨", "zh", DW_PART, 0, 0, NI},
    {"晚", "zh", DW_PART, 0, 0, EV},
    {"午前", "ja", DW_PART, 0, 0, MO},
    {"午後", "ja", DW_PART, 0, 0, AF},
    {"先週", "ja", DW_UNIT, 'W', 0, 0},
    {"今週", "ja", DW_UNIT, 'W', 0, 0},
    {"来週", "ja", DW_UNIT, 'W', 0, 0},
    {"先月", "ja", DW_UNIT, 'M', 0, 0},
    {"今月", "ja", DW_UNIT, 'M', 0, 0},
    {"来月", "ja", DW_UNIT, 'M', 0, 0},
    {"昨年", "ja", DW_UNIT, 'Y', 0, 0},
    {"来年", "ja", DW_UNIT, 'Y', 0, 0},
    {"어제", "ko", DW_REL_DAY, -1, 0, 0},
    {"오늘", "ko", DW_REL_DAY, 0, 0, 0},
    {"내일", "ko", DW_REL_DAY, 1, 0, 0},
    {"年", "zh", DW_SUF, 'Y', 0, 0},
    {"月", "zh", DW_SUF, 'M', 0, 0},
    {"日", "zh", DW_SUF, 'D', 0, 0},
    {"号", "zh", DW_SUF, 'D', 0, 0},
    {"號", "zh", DW_SUF, 'D', 0, 0},
    {"时", "zh", DW_SUF, 'h', 0, 0},
    {"時", "zh", DW_SUF, 'h', 0, 0},
    {"点", "zh", DW_SUF, 'h', 0, 0},
    {"點", "zh", DW_SUF, 'h', 0, 0},
    {"分", "zh", DW_SUF, 'm', 0, 0},
    {"년", "ko", DW_SUF, 'Y', 0, 0},
    {"월", "ko", DW_SUF, 'M', 0, 0},
    {"일", "ko", DW_SUF, 'D', 0, 0},
};

static const char *const cjk_wd[] = {"一", "二", "三", "四",
                                     "五", "六", "日", "天"};
static const char *const cjk_wk[] = {"周", "星期", "礼拜", "禮拜"};
static const char *const cjk_rel[] = {"", "上", "这", "本", "下"};
static const char *const cjk_num[] = {"一", "二", "三", "四", "五",   "六",
                                      "七", "八", "九", "十", "十一", "十二"};
static const char *const ja_wd[] = {"月", "火", "水", "木", "金", "土", "日"};

/* True for blocks where simple case folding may change a code point. */
static bool
has_case(UChar32 c)
{
    return c < 0x0590 || (c >= 0x10A0 && c <= 0x10FF) ||
           (c >= 0x13A0 && c <= 0x13FF) || (c >= 0x1C80 && c <= 0x1CBF) ||
           (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x2100 && c <= 0x2CFF) ||
           (c >= 0xA640 && c <= 0xA7FF) || (c >= 0xAB70 && c <= 0xABBF) ||
           (c >= 0xFB00 && c <= 0xFB17) || (c >= 0xFF21 && c <= 0xFF3A) ||
           c >= 0x10400;
}

/* Arabic harakat, tatweel and dagger alef: px_dt_fold drops them. */
static bool
is_dropped(UChar32 c)
{
    return (c >= 0x064B && c <= 0x0652) || c == 0x0640 || c == 0x0670;
}

/* Simple case folding of U+0080..U+058F (Latin, Greek, Cyrillic,
 * Armenian), filled by build() before any word is added; 0 = not filled
 * (ICU is asked). */
static uint16_t fold_lo[0x0590];

static void
fill_fold_lo(void)
{
    for (UChar32 c = 0x80; c < 0x0590; c++) {
        fold_lo[c] = (uint16_t)u_foldCase(c, U_FOLD_CASE_DEFAULT);
    }
}

/* What px_dt_fold makes of the non-ASCII code point c (not dropped). */
static UChar32
fold_cp(UChar32 c)
{
    if (c < 0x0590) {
        return fold_lo[c] != 0 ? fold_lo[c]
                               : u_foldCase(c, U_FOLD_CASE_DEFAULT);
    }
    if (c == 0x2019) {
        return '\'';
    }
    if (c < 0x10A0 || (c >= 0x3000 && c < 0xA640) ||
        (c >= 0xAC00 && c < 0xFB00)) {
        return c; /* no case (has_case is false here) */
    }
    return has_case(c) ? u_foldCase(c, U_FOLD_CASE_DEFAULT) : c;
}

size_t
px_dt_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    int32_t i = 0;
    const int32_t n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
    while (i < n) {
        const uint8_t b = (uint8_t)s[i];
        if (b < 0x80) {
            if (o + 1 > cap) {
                return 0;
            }
            out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            i++;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            return 0;
        }
        if (is_dropped(c)) {
            continue;
        }
        c = fold_cp(c);
        if (o + 4 > cap) {
            return 0;
        }
        U8_APPEND_UNSAFE(out, o, c);
    }
    return o;
}

static uint32_t
hash_key(const char *k, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)k[i]) * 16777619u;
    }
    return h;
}

static uint32_t
key_sig(const char *k, size_t len)
{
    return px_dt_sig((uint8_t)k[0], len > 1 ? (uint8_t)k[1] : 0,
                     (uint8_t)k[len - 1], len);
}

static slot *
find_slot(const char *k, size_t len, uint32_t h)
{
    uint32_t i = h & (TABLE_SIZE - 1);
    for (;;) {
        slot *const s = &table[i];
        if (s->idx == 0) {
            return s;
        }
        if (s->hash == h) {
            const entry *const e = &entries[s->idx - 1];
            if (e->key_len == len && memcmp(keys + e->key_off, k, len) == 0) {
                return s;
            }
        }
        i = (i + 1) & (TABLE_SIZE - 1);
    }
}

const px_dt_word *
px_dt_lookup(const char *key, size_t len)
{
    if (table == NULL || len == 0 || len > PX_DT_KEY_MAX) {
        return NULL;
    }
    const uint32_t sig = key_sig(key, len);
    if ((px_dt_sig_bits[sig >> 6] & ((uint64_t)1 << (sig & 63))) == 0) {
        return NULL;
    }
    const slot *const s = find_slot(key, len, hash_key(key, len));
    return s->idx == 0 ? NULL : &entries[s->idx - 1].w;
}

static void
merge(px_dt_word *old, const px_dt_word *w)
{
    if (w->kind == DW_PREFIX) {
        old->flags |= DWF_MULTI;
        return;
    }
    if (old->kind == DW_PREFIX) {
        *old = *w;
        old->flags |= DWF_MULTI;
        return;
    }
    if (old->kind != w->kind || old->val != w->val) {
        return; /* the first meaning wins */
    }
    old->langs = (old->langs == 0 || w->langs == 0) ? 0 : old->langs | w->langs;
    const uint8_t weak = old->flags & w->flags & DWF_WEAK;
    old->flags = (uint8_t)((old->flags & ~DWF_WEAK) | weak |
                           (w->flags & (DWF_CTX | DWF_MULTI)));
}

/* Adds a folded key; false on OOM. */
static bool
add_key(const char *k, size_t len, const px_dt_word *w)
{
    if (len == 0 || len > PX_DT_KEY_MAX) {
        return true;
    }
    const uint32_t h = hash_key(k, len);
    slot *const s = find_slot(k, len, h);
    if (s->idx != 0) {
        merge(&entries[s->idx - 1].w, w);
        return true;
    }
    if (n_entries >= MAX_KEYS) {
        return true; /* full enough: drop */
    }
    if (keys_len + len > keys_cap) {
        const size_t cap = keys_cap * 2 + len + 4096;
        char *const p = px_realloc(keys, cap);
        if (p == NULL) {
            return false;
        }
        keys = p;
        keys_cap = cap;
    }
    memcpy(keys + keys_len, k, len);
    entry *const e = &entries[n_entries++];
    e->key_off = (uint32_t)keys_len;
    e->key_len = (uint32_t)len;
    e->w = *w;
    s->hash = h;
    s->idx = (uint32_t)n_entries;
    const uint32_t sig = key_sig(k, len);
    px_dt_sig_bits[sig >> 6] |= (uint64_t)1 << (sig & 63);
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(k, i, (int32_t)len, c);
    if (c >= 0 && c < 65536) {
        key_first[c >> 3] |= (uint8_t)(1u << (c & 7));
    } else {
        key_first_high = true;
    }
    keys_len += len;
    return true;
}

bool
px_dt_may_start(int32_t c)
{
    if (c < 0 || c >= 65536 || is_dropped(c)) {
        return true;
    }
    const UChar32 f = c < 0x80 ? px_ascii_lower((unsigned char)c) : fold_cp(c);
    if (f == 0x0648 || f == 0x0644 || f == 0x0641 || f == 0x0628) {
        return true; /* an Arabic proclitic: lookup_word strips it */
    }
    return f >= 65536 ? key_first_high : (key_first[f >> 3] >> (f & 7)) & 1;
}

static void
mark_cjk(const char *k)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(k, i, (int32_t)strlen(k), c);
    if (c > 0 && c < 65536) {
        cjk_first[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
}

/* Folds and adds a word; a name of several words also gets its first word
 * as a PREFIX entry. */
static bool
add_word(const char *text, size_t len, const px_dt_word *w)
{
    char buf[PX_DT_KEY_MAX] = {0};
    const size_t n = px_dt_fold(text, len, buf, sizeof buf);
    if (n == 0) {
        return true;
    }
    const char *const sp = memchr(buf, ' ', n);
    if (sp != NULL) {
        const px_dt_word pre = {DW_PREFIX, 0, 0, 0, w->langs};
        if (!add_key(buf, (size_t)(sp - buf), &pre)) {
            return false;
        }
    }
    mark_cjk(buf);
    return add_key(buf, n, w);
}

uint64_t
px_dt_lang_bit(const char *lang)
{
    if (lang == NULL) {
        return 0;
    }
    size_t n = 0;
    while (lang[n] != '\0' && lang[n] != '-' && lang[n] != '_' && n < 8) {
        n++;
    }
    for (size_t i = 0; i < N_LANGS; i++) { /* first letters differ most */
        if (langs[i][0] == lang[0] && strlen(langs[i]) == n &&
            strncmp(langs[i], lang, n) == 0) {
            return (uint64_t)1 << i;
        }
    }
    if (n == 2 && strncmp(lang, "no", 2) == 0) {
        return px_dt_lang_bit("nb");
    }
    if (n == 2 && strncmp(lang, "tl", 2) == 0) {
        return px_dt_lang_bit("fil");
    }
    return 0;
}

bool
px_dt_cjk_start(int32_t c)
{
    return c > 0 && c < 65536 && (cjk_first[c >> 3] >> (c & 7)) & 1;
}

static bool
add_cjk_weekdays(void)
{
    const uint64_t zh = px_dt_lang_bit("zh");
    char buf[PX_DT_KEY_MAX];
    for (size_t r = 0; r < sizeof cjk_rel / sizeof cjk_rel[0]; r++) {
        for (size_t k = 0; k < sizeof cjk_wk / sizeof cjk_wk[0]; k++) {
            const px_dt_word unit = {DW_UNIT, 'W', DWF_CJKWK, 0, zh};
            snprintf(buf, sizeof buf, "%s%s", cjk_rel[r], cjk_wk[k]);
            if (r > 0 && !add_word(buf, strlen(buf), &unit)) {
                return false;
            }
            for (size_t d = 0; d < 8; d++) {
                const px_dt_word w = {DW_WEEKDAY, (int16_t)(d < 7 ? d + 1 : 7),
                                      0, 0, zh};
                snprintf(buf, sizeof buf, "%s%s%s", cjk_rel[r], cjk_wk[k],
                         cjk_wd[d]);
                if (!add_word(buf, strlen(buf), &w)) {
                    return false;
                }
            }
        }
    }
    return true;
}

static bool
add_cjk_months(void)
{
    char buf[PX_DT_KEY_MAX];
    const uint64_t zh = px_dt_lang_bit("zh");
    for (int m = 0; m < 12; m++) {
        const px_dt_word w = {DW_MONTH, (int16_t)(m + 1), 0, 0, zh};
        snprintf(buf, sizeof buf, "%s月", cjk_num[m]);
        if (!add_word(buf, strlen(buf), &w)) {
            return false;
        }
    }
    const uint64_t ja = px_dt_lang_bit("ja");
    for (int d = 0; d < 7; d++) {
        const px_dt_word w = {DW_WEEKDAY, (int16_t)(d + 1), 0, 0, ja};
        snprintf(buf, sizeof buf, "%s曜日", ja_wd[d]);
        if (!add_word(buf, strlen(buf), &w)) {
            return false;
        }
    }
    return true;
}

static bool
add_hands(void)
{
    for (size_t i = 0; i < sizeof hands / sizeof hands[0]; i++) {
        const hand *const h = &hands[i];
        uint64_t bits = px_dt_lang_bit(h->lang);
        if (strcmp(h->lang, "zh") == 0) {
            bits |= px_dt_lang_bit("ja"); /* shared Han words (昨日) */
        }
        const px_dt_word w = {h->kind, h->val, h->flags, h->part, bits};
        if (!add_word(h->key, strlen(h->key), &w)) {
            return false;
        }
    }
    return add_cjk_weekdays() && add_cjk_months();
}

/* Adds one ICU symbol; names holding digits (1月) are left to the
 * numeric patterns, and a final '.' (janv.) is dropped. */
static bool
add_symbol(const UChar *u, int32_t ulen, const px_dt_word *w)
{
    char buf[PX_DT_KEY_MAX * 2];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(buf, (int32_t)sizeof buf, &n, u, ulen, &st);
    if (U_FAILURE(st) || n <= 0 || n >= (int32_t)sizeof buf) {
        return true;
    }
    for (int32_t i = 0; i < n; i++) {
        if (buf[i] >= '0' && buf[i] <= '9') {
            return true;
        }
    }
    while (n > 0 && buf[n - 1] == '.') {
        n--;
    }
    return add_word(buf, (size_t)n, w);
}

static bool
add_symbols(UDateFormat *df, UDateFormatSymbolType type, uint64_t bit)
{
    const bool is_month = type == UDAT_MONTHS || type == UDAT_SHORT_MONTHS ||
                          type == UDAT_STANDALONE_MONTHS ||
                          type == UDAT_STANDALONE_SHORT_MONTHS;
    const bool is_short = type == UDAT_SHORT_MONTHS ||
                          type == UDAT_STANDALONE_SHORT_MONTHS ||
                          type == UDAT_SHORT_WEEKDAYS;
    const int32_t count = udat_countSymbols(df, type);
    for (int32_t i = 0; i < count && i < 13; i++) {
        UChar u[64];
        UErrorCode st = U_ZERO_ERROR;
        const int32_t ulen = udat_getSymbols(df, type, i, u, 64, &st);
        if (U_FAILURE(st) || ulen <= 1 || (is_month && i >= 12) ||
            (!is_month && (i < 1 || i > 7))) {
            continue;
        }
        /* ICU weekdays: 1 Sunday .. 7 Saturday; ours: 1 Monday .. 7. */
        const int16_t val = (int16_t)(is_month ? i + 1 : (i == 1 ? 7 : i - 1));
        const px_dt_word w = {is_month ? DW_MONTH : DW_WEEKDAY, val,
                              is_short ? DWF_WEAK : 0, 0, bit};
        if (!add_symbol(u, ulen, &w)) {
            return false;
        }
    }
    return true;
}

static bool
add_locale(const char *loc, uint64_t bit)
{
    static const UDateFormatSymbolType types[] = {
        UDAT_MONTHS,         UDAT_STANDALONE_MONTHS,
        UDAT_SHORT_MONTHS,   UDAT_STANDALONE_SHORT_MONTHS,
        UDAT_WEEKDAYS,       UDAT_STANDALONE_WEEKDAYS,
        UDAT_SHORT_WEEKDAYS,
    };
    char id[64];
    snprintf(id, sizeof id, "%s@calendar=gregorian", loc);
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *const df =
        udat_open(UDAT_SHORT, UDAT_SHORT, id, NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st)) {
        return true; /* locale without data: skip */
    }
    bool ok = true;
    for (size_t t = 0; ok && t < sizeof types / sizeof types[0]; t++) {
        ok = add_symbols(df, types[t], bit);
    }
    udat_close(df);
    return ok;
}

static void
build(void)
{
    static const char *const extra[] = {"ar_SY",   "ar_LB",   "ar_IQ",
                                        "sr_Latn", "zh_Hant", "pt_PT"};
    fill_fold_lo();
    table = px_calloc(TABLE_SIZE, sizeof *table);
    entries = px_calloc(MAX_KEYS, sizeof *entries);
    bool ok = table != NULL && entries != NULL && add_hands();
    for (size_t i = 0; ok && i < N_LANGS; i++) {
        ok = add_locale(langs[i], (uint64_t)1 << i);
    }
    for (size_t i = 0; ok && i < sizeof extra / sizeof extra[0]; i++) {
        ok = add_locale(extra[i], px_dt_lang_bit(extra[i]));
    }
    if (!ok) {
        px_free(table);
        px_free(entries);
        px_free(keys);
        table = NULL;
        entries = NULL;
        keys = NULL;
        init_failed = true;
    }
}

px_status
px_dt_words_init(px_error *err)
{
    pthread_once(&init_once, build);
    if (init_failed) {
        return px_fail(err, PX_ENOMEM, "datetext: out of memory");
    }
    return PX_OK;
}
