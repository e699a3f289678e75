/* pubdate.c - reading dates out of strings in many languages and scripts.
 *
 * The input is cut into tokens (numbers in any of four digit scripts, words
 * folded to lower case with Arabic alef variants unified, single CJK
 * characters, and punctuation mapped to ASCII). Date patterns are matched on
 * a small window of tokens starting at a number or a month name, so finding
 * a date in a long text costs one pass plus a window per candidate. A match
 * is only accepted when it forms a valid calendar date in 1990..2100; a
 * month-and-day without a year is never a date here.
 */
#include "pubdate.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

enum { T_NUM, T_WORD, T_CJK, T_PUNCT };

#define WIN_MAX  32
#define WORD_MAX 40
#define WIN_TRY  12

typedef struct tok {
    uint8_t kind;
    bool sp;     /* white space came before this token */
    char c;      /* T_PUNCT: ASCII equivalent, '?' when none */
    int ndig;    /* T_NUM: number of digits */
    int32_t val; /* T_NUM: value, when ndig <= 9 */
    size_t off;
    size_t len;
    uint8_t low_len;
    char low[WORD_MAX]; /* T_WORD, T_CJK: folded text */
} tok;

typedef struct win {
    tok t[WIN_MAX];
    int n;
    bool month_first; /* set by the time parser on an English AM/PM */
} win;

typedef struct name_month {
    const char *name;
    uint8_t len; /* bytes in name */
    int8_t month;
} name_month;

#define MONTH(s, m)                                                            \
    {                                                                          \
        s, (uint8_t)(sizeof(s) - 1), m                                         \
    }

/* Month names, folded (lower case, Arabic alef without hamza). */
static const name_month months[] = {
    /* English */
    MONTH("january", 1),
    MONTH("february", 2),
    MONTH("march", 3),
    MONTH("april", 4),
    MONTH("may", 5),
    MONTH("june", 6),
    MONTH("july", 7),
    MONTH("august", 8),
    MONTH("september", 9),
    MONTH("october", 10),
    MONTH("november", 11),
    MONTH("december", 12),
    MONTH("jan", 1),
    MONTH("feb", 2),
    MONTH("mar", 3),
    MONTH("apr", 4),
    MONTH("jun", 6),
    MONTH("jul", 7),
    MONTH("aug", 8),
    MONTH("sep", 9),
    MONTH("sept", 9),
    MONTH("oct", 10),
    MONTH("nov", 11),
    MONTH("dec", 12),
    /* German */
    MONTH("januar", 1),
    MONTH("jänner", 1),
    MONTH("jän", 1),
    MONTH("februar", 2),
    MONTH("feber", 2),
    MONTH("märz", 3),
    MONTH("mär", 3),
    MONTH("mrz", 3),
    MONTH("mai", 5),
    MONTH("juni", 6),
    MONTH("juli", 7),
    MONTH("oktober", 10),
    MONTH("okt", 10),
    MONTH("dezember", 12),
    MONTH("dez", 12),
    /* French */
    MONTH("janvier", 1),
    MONTH("janv", 1),
    MONTH("février", 2),
    MONTH("fevrier", 2),
    MONTH("févr", 2),
    MONTH("fevr", 2),
    MONTH("fév", 2),
    MONTH("mars", 3),
    MONTH("avril", 4),
    MONTH("avr", 4),
    MONTH("juin", 6),
    MONTH("juillet", 7),
    MONTH("juil", 7),
    MONTH("août", 8),
    MONTH("aout", 8),
    MONTH("septembre", 9),
    MONTH("octobre", 10),
    MONTH("novembre", 11),
    MONTH("décembre", 12),
    MONTH("decembre", 12),
    MONTH("déc", 12),
    /* Spanish */
    MONTH("enero", 1),
    MONTH("ene", 1),
    MONTH("febrero", 2),
    MONTH("marzo", 3),
    MONTH("abril", 4),
    MONTH("abr", 4),
    MONTH("mayo", 5),
    MONTH("junio", 6),
    MONTH("julio", 7),
    MONTH("agosto", 8),
    MONTH("ago", 8),
    MONTH("septiembre", 9),
    MONTH("setiembre", 9),
    MONTH("octubre", 10),
    MONTH("noviembre", 11),
    MONTH("diciembre", 12),
    MONTH("dic", 12),
    /* Portuguese */
    MONTH("janeiro", 1),
    MONTH("fevereiro", 2),
    MONTH("fev", 2),
    MONTH("março", 3),
    MONTH("marco", 3),
    MONTH("maio", 5),
    MONTH("junho", 6),
    MONTH("julho", 7),
    MONTH("setembro", 9),
    MONTH("set", 9),
    MONTH("outubro", 10),
    MONTH("out", 10),
    MONTH("novembro", 11),
    MONTH("dezembro", 12),
    /* Italian */
    MONTH("gennaio", 1),
    MONTH("gen", 1),
    MONTH("febbraio", 2),
    MONTH("aprile", 4),
    MONTH("maggio", 5),
    MONTH("mag", 5),
    MONTH("giugno", 6),
    MONTH("giu", 6),
    MONTH("luglio", 7),
    MONTH("lug", 7),
    MONTH("settembre", 9),
    MONTH("ottobre", 10),
    MONTH("ott", 10),
    MONTH("dicembre", 12),
    /* Dutch */
    MONTH("januari", 1),
    MONTH("februari", 2),
    MONTH("maart", 3),
    MONTH("mrt", 3),
    MONTH("mei", 5),
    MONTH("augustus", 8),
    /* Polish, nominative and genitive */
    MONTH("styczeń", 1),
    MONTH("stycznia", 1),
    MONTH("sty", 1),
    MONTH("luty", 2),
    MONTH("lutego", 2),
    MONTH("lut", 2),
    MONTH("marzec", 3),
    MONTH("marca", 3),
    MONTH("kwiecień", 4),
    MONTH("kwietnia", 4),
    MONTH("kwi", 4),
    MONTH("maj", 5),
    MONTH("maja", 5),
    MONTH("czerwiec", 6),
    MONTH("czerwca", 6),
    MONTH("cze", 6),
    MONTH("lipiec", 7),
    MONTH("lipca", 7),
    MONTH("lip", 7),
    MONTH("sierpień", 8),
    MONTH("sierpnia", 8),
    MONTH("sie", 8),
    MONTH("wrzesień", 9),
    MONTH("września", 9),
    MONTH("wrz", 9),
    MONTH("październik", 10),
    MONTH("października", 10),
    MONTH("paź", 10),
    MONTH("listopad", 11),
    MONTH("listopada", 11),
    MONTH("lis", 11),
    MONTH("grudzień", 12),
    MONTH("grudnia", 12),
    MONTH("gru", 12),
    /* Russian, nominative, genitive and abbreviations */
    MONTH("январь", 1),
    MONTH("января", 1),
    MONTH("янв", 1),
    MONTH("февраль", 2),
    MONTH("февраля", 2),
    MONTH("фев", 2),
    MONTH("март", 3),
    MONTH("марта", 3),
    MONTH("мар", 3),
    MONTH("апрель", 4),
    MONTH("апреля", 4),
    MONTH("апр", 4),
    MONTH("май", 5),
    MONTH("мая", 5),
    MONTH("июнь", 6),
    MONTH("июня", 6),
    MONTH("июн", 6),
    MONTH("июль", 7),
    MONTH("июля", 7),
    MONTH("июл", 7),
    MONTH("август", 8),
    MONTH("августа", 8),
    MONTH("авг", 8),
    MONTH("сентябрь", 9),
    MONTH("сентября", 9),
    MONTH("сен", 9),
    MONTH("сент", 9),
    MONTH("октябрь", 10),
    MONTH("октября", 10),
    MONTH("окт", 10),
    MONTH("ноябрь", 11),
    MONTH("ноября", 11),
    MONTH("ноя", 11),
    MONTH("нояб", 11),
    MONTH("декабрь", 12),
    MONTH("декабря", 12),
    MONTH("дек", 12),
    /* Turkish */
    MONTH("ocak", 1),
    MONTH("şubat", 2),
    MONTH("mart", 3),
    MONTH("nisan", 4),
    MONTH("mayıs", 5),
    MONTH("haziran", 6),
    MONTH("temmuz", 7),
    MONTH("ağustos", 8),
    MONTH("eylül", 9),
    MONTH("ekim", 10),
    MONTH("kasım", 11),
    MONTH("aralık", 12),
    /* Ukrainian, genitive and nominative */
    MONTH("січня", 1),
    MONTH("лютого", 2),
    MONTH("березня", 3),
    MONTH("квітня", 4),
    MONTH("травня", 5),
    MONTH("червня", 6),
    MONTH("липня", 7),
    MONTH("серпня", 8),
    MONTH("вересня", 9),
    MONTH("жовтня", 10),
    MONTH("листопада", 11),
    MONTH("грудня", 12),
    MONTH("січень", 1),
    MONTH("лютий", 2),
    MONTH("березень", 3),
    MONTH("квітень", 4),
    MONTH("травень", 5),
    MONTH("червень", 6),
    MONTH("липень", 7),
    MONTH("серпень", 8),
    MONTH("вересень", 9),
    MONTH("жовтень", 10),
    MONTH("листопад", 11),
    MONTH("грудень", 12),
    /* Czech, genitive and nominative */
    MONTH("ledna", 1),
    MONTH("února", 2),
    MONTH("března", 3),
    MONTH("dubna", 4),
    MONTH("května", 5),
    MONTH("června", 6),
    MONTH("července", 7),
    MONTH("srpna", 8),
    MONTH("září", 9),
    MONTH("října", 10),
    MONTH("listopadu", 11),
    MONTH("prosince", 12),
    MONTH("leden", 1),
    MONTH("únor", 2),
    MONTH("březen", 3),
    MONTH("duben", 4),
    MONTH("květen", 5),
    MONTH("červen", 6),
    MONTH("červenec", 7),
    MONTH("srpen", 8),
    MONTH("říjen", 10),
    MONTH("prosinec", 12),
    /* Hungarian */
    MONTH("január", 1),
    MONTH("február", 2),
    MONTH("március", 3),
    MONTH("április", 4),
    MONTH("május", 5),
    MONTH("június", 6),
    MONTH("július", 7),
    MONTH("augusztus", 8),
    MONTH("szeptember", 9),
    MONTH("október", 10),
    /* Romanian */
    MONTH("ianuarie", 1),
    MONTH("februarie", 2),
    MONTH("martie", 3),
    MONTH("aprilie", 4),
    MONTH("iunie", 6),
    MONTH("iulie", 7),
    MONTH("septembrie", 9),
    MONTH("octombrie", 10),
    MONTH("noiembrie", 11),
    MONTH("decembrie", 12),
    /* Swedish, Danish and Norwegian */
    MONTH("augusti", 8),
    MONTH("marts", 3),
    MONTH("desember", 12),
    /* Greek, genitive */
    MONTH("ιανουαρίου", 1),
    MONTH("φεβρουαρίου", 2),
    MONTH("μαρτίου", 3),
    MONTH("απριλίου", 4),
    MONTH("μαΐου", 5),
    MONTH("ιουνίου", 6),
    MONTH("ιουλίου", 7),
    MONTH("αυγούστου", 8),
    MONTH("σεπτεμβρίου", 9),
    MONTH("οκτωβρίου", 10),
    MONTH("νοεμβρίου", 11),
    MONTH("δεκεμβρίου", 12),
    /* Arabic, Egyptian/Gulf series */
    MONTH("يناير", 1),
    MONTH("فبراير", 2),
    MONTH("مارس", 3),
    MONTH("ابريل", 4),
    MONTH("مايو", 5),
    MONTH("يونيو", 6),
    MONTH("يونيه", 6),
    MONTH("يوليو", 7),
    MONTH("يوليه", 7),
    MONTH("اغسطس", 8),
    MONTH("سبتمبر", 9),
    MONTH("اكتوبر", 10),
    MONTH("نوفمبر", 11),
    MONTH("ديسمبر", 12),
    /* Arabic, Levantine series (two-word names are handled apart) */
    MONTH("شباط", 2),
    MONTH("اذار", 3),
    MONTH("نيسان", 4),
    MONTH("ايار", 5),
    MONTH("حزيران", 6),
    MONTH("تموز", 7),
    MONTH("اب", 8),
    MONTH("ايلول", 9),
};

/* Value of a decimal digit in ASCII, Arabic-Indic, Persian or full-width
 * form, or -1. */
static int
digit_value(UChar32 cp)
{
    if (cp >= '0' && cp <= '9') {
        return cp - '0';
    }
    if (cp >= 0x660 && cp <= 0x669) {
        return cp - 0x660;
    }
    if (cp >= 0x6F0 && cp <= 0x6F9) {
        return cp - 0x6F0;
    }
    if (cp >= 0xFF10 && cp <= 0xFF19) {
        return cp - 0xFF10;
    }
    return -1;
}

/* ASCII equivalent of a punctuation character, or '?'. */
static char
punct_ascii(UChar32 cp)
{
    if (cp < 0x80) {
        return (char)cp;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) { /* full-width ASCII */
        return (char)(cp - 0xFF00 + 0x20);
    }
    switch (cp) {
    case 0x060C: /* Arabic comma */
    case 0x3001: /* ideographic comma */
        return ',';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
        return '-';
    case 0x3002:
        return '.';
    case 0x00B7:
    case 0x2022:
        return '|';
    default:
        return '?';
    }
}

static bool
is_cjk(UChar32 cp)
{
    return u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3040 && cp <= 0x30FF);
}

static bool
is_word_cp(UChar32 cp)
{
    return u_isalpha(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
}

/* Appends the folded form of cp to t->low; marks overflow with 0xFF. */
static void
fold_append(tok *t, UChar32 cp)
{
    if (cp == 0x640 || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0) {
        return; /* tatweel and diacritics */
    }
    if (cp == 0x622 || cp == 0x623 || cp == 0x625) {
        cp = 0x627; /* alef with madda or hamza -> bare alef */
    }
    cp = u_tolower(cp);
    if (t->low_len == 0xFF || t->low_len + U8_LENGTH(cp) >= WORD_MAX) {
        t->low_len = 0xFF;
        return;
    }
    size_t n = t->low_len;
    UBool bad = false;
    U8_APPEND((uint8_t *)t->low, n, WORD_MAX, cp, bad);
    t->low_len = bad ? 0xFF : (uint8_t)n;
}

/* Reads a run of digits starting at *i into t. */
static void
lex_number(const char *s, size_t n, size_t *i, tok *t)
{
    t->kind = T_NUM;
    t->val = 0;
    t->ndig = 0;
    while (*i < n) {
        size_t j = *i;
        UChar32 cp;
        U8_NEXT(s, j, n, cp);
        const int d = digit_value(cp);
        if (d < 0) {
            break;
        }
        if (t->ndig < 9) {
            t->val = t->val * 10 + d;
        }
        t->ndig++;
        *i = j;
    }
}

/* Reads a run of word characters starting at *i into t. */
static void
lex_word(const char *s, size_t n, size_t *i, tok *t)
{
    t->kind = T_WORD;
    while (*i < n) {
        size_t j = *i;
        UChar32 cp;
        U8_NEXT(s, j, n, cp);
        if (cp < 0 || !is_word_cp(cp) || is_cjk(cp) || digit_value(cp) >= 0) {
            break;
        }
        fold_append(t, cp);
        *i = j;
    }
}

/* ASCII fast path of lex: white space (t->sp, t->len stays 0), a number,
 * a word of ASCII letters (when no other letter follows) or punctuation.
 * False when the token must take the general path. */
static bool
lex_ascii(const char *s, size_t n, size_t *i, tok *t)
{
    const char c = s[*i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
        t->sp = true;
        size_t j = *i + 1;
        while (j < n && (s[j] == ' ' || (s[j] >= '\t' && s[j] <= '\r'))) {
            j++;
        }
        *i = j;
        return true;
    }
    t->off = *i;
    if (c >= '0' && c <= '9') {
        lex_number(s, n, i, t);
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        size_t j = *i;
        while (j < n &&
               ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) {
            j++;
        }
        if (j < n && (unsigned char)s[j] >= 0x80) {
            return false; /* a word with other letters: general path */
        }
        t->kind = T_WORD;
        const size_t len = j - *i;
        t->low_len = len < WORD_MAX ? (uint8_t)len : 0xFF;
        for (size_t k = 0; k < len && k + 1 < WORD_MAX; k++) {
            const char l = s[*i + k];
            t->low[k] = (char)(l >= 'A' && l <= 'Z' ? l + ('a' - 'A') : l);
        }
        *i = j;
    } else {
        t->kind = T_PUNCT;
        t->c = c;
        (*i)++;
    }
    t->len = *i - t->off;
    return true;
}

/* Reads the token at or after pos into t; returns the position after it,
 * or n when no token is left (t->len is then 0). */
static size_t
lex(const char *s, size_t n, size_t pos, tok *t)
{
    memset(t, 0, offsetof(tok, low));
    t->low[0] = '\0';
    size_t i = pos;
    while (i < n) {
        const unsigned char b = (unsigned char)s[i];
        if (b < 0x80 && lex_ascii(s, n, &i, t)) {
            if (t->len == 0) {
                continue; /* white space */
            }
            return i;
        }
        size_t j = i;
        UChar32 cp;
        U8_NEXT(s, j, n, cp);
        if (cp >= 0 && (u_isUWhiteSpace(cp) || cp == 0x200B || cp == 0xFEFF ||
                        cp == 0x200F || cp == 0x200E)) {
            t->sp = true;
            i = j;
            continue;
        }
        t->off = i;
        if (cp >= 0 && digit_value(cp) >= 0) {
            lex_number(s, n, &i, t);
        } else if (cp >= 0 && is_cjk(cp)) {
            t->kind = T_CJK;
            fold_append(t, cp);
            i = j;
        } else if (cp >= 0 && is_word_cp(cp)) {
            lex_word(s, n, &i, t);
        } else {
            t->kind = T_PUNCT;
            t->c = '?';
            if (cp >= 0) {
                t->c = punct_ascii(cp);
            }
            i = j;
        }
        t->len = i - t->off;
        return i;
    }
    return n;
}

/* Lexes tokens into w until it holds max: from pos when w is empty, else
 * after its last token. */
static void
fill(win *w, const char *s, size_t n, size_t pos, int max)
{
    if (w->n > 0) {
        pos = w->t[w->n - 1].off + w->t[w->n - 1].len;
    }
    w->month_first = false;
    while (w->n < max && pos < n) {
        tok *t = &w->t[w->n];
        pos = lex(s, n, pos, t);
        if (t->len == 0) {
            break;
        }
        w->n++;
    }
}

/* ---- token predicates --------------------------------------------------- */

static bool
is_num(const win *w, int i, int min_dig, int max_dig)
{
    return i < w->n && w->t[i].kind == T_NUM && w->t[i].ndig >= min_dig &&
           w->t[i].ndig <= max_dig;
}

static bool
is_punct(const win *w, int i, char c)
{
    return i < w->n && w->t[i].kind == T_PUNCT && w->t[i].c == c;
}

static bool
is_word(const win *w, int i, const char *folded)
{
    const tok *t = i < w->n ? &w->t[i] : NULL;
    return t != NULL && (t->kind == T_WORD || t->kind == T_CJK) &&
           t->low_len != 0xFF && t->low[0] == folded[0] &&
           strlen(folded) == t->low_len &&
           memcmp(t->low, folded, t->low_len) == 0;
}

/* True if token i is one of the words in the NULL-terminated list. */
static bool
is_word_in(const win *w, int i, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        if (is_word(w, i, list[k])) {
            return true;
        }
    }
    return false;
}

/* True if token i sits right after token i-1 with no space. */
static bool
tight(const win *w, int i)
{
    return i < w->n && !w->t[i].sp;
}

/* Index of months by a hash of a folded word's length and first and last
 * bytes: buckets of entries chained through month_next. */
#define MONTH_BUCKETS 256
static int16_t month_head[MONTH_BUCKETS];
static int16_t month_next[sizeof months / sizeof months[0]];
static pthread_once_t month_once = PTHREAD_ONCE_INIT;
static uint8_t month_min_len = 10; /* كانون and تشرين: 10 bytes */
static uint8_t month_max_len = 10;

static unsigned
month_hash(const char *s, size_t len)
{
    const unsigned first = (unsigned char)s[0];
    const unsigned last = (unsigned char)s[len - 1];
    return (first * 7U + last * 31U + (unsigned)len) % MONTH_BUCKETS;
}

static void
month_index(void)
{
    for (size_t h = 0; h < MONTH_BUCKETS; h++) {
        month_head[h] = -1;
    }
    for (size_t k = sizeof months / sizeof months[0]; k-- > 0;) {
        const uint8_t len = months[k].len;
        month_min_len = len < month_min_len ? len : month_min_len;
        month_max_len = len > month_max_len ? len : month_max_len;
        const unsigned h = month_hash(months[k].name, len);
        month_next[k] = month_head[h];
        month_head[h] = (int16_t)k;
    }
}

/* Month of the name at token i (1..12) and the token after it, or 0. */
static int
month_at(const win *w, int i, int *next)
{
    pthread_once(&month_once, month_index);
    if (i >= w->n || w->t[i].kind != T_WORD ||
        w->t[i].low_len < month_min_len || w->t[i].low_len > month_max_len) {
        return 0;
    }
    if (w->t[i].low_len == 10 &&
        (is_word(w, i, "كانون") || is_word(w, i, "تشرين"))) {
        const bool kanun = is_word(w, i, "كانون");
        *next = i + 2;
        if (is_word(w, i + 1, "الثاني")) {
            return kanun ? 1 : 11;
        }
        if (is_word(w, i + 1, "الاول")) {
            return kanun ? 12 : 10;
        }
        return 0;
    }
    const tok *t = &w->t[i];
    for (int k = month_head[month_hash(t->low, t->low_len)]; k >= 0;
         k = month_next[k]) {
        const name_month *m = &months[k];
        if (m->len == t->low_len && memcmp(m->name, t->low, m->len) == 0) {
            *next = i + 1;
            return m->month;
        }
    }
    return 0;
}

/* Skips up to max tokens that are punctuation in puncts or words in words;
 * returns the new index. */
static int
skip_fill(const win *w, int i, int max, const char *puncts,
          const char *const *words)
{
    for (int k = 0; k < max && i < w->n; k++) {
        const tok *t = &w->t[i];
        const bool p =
            t->kind == T_PUNCT && t->c != '?' && strchr(puncts, t->c) != NULL;
        if (!p && (words == NULL || !is_word_in(w, i, words))) {
            break;
        }
        i++;
    }
    return i;
}

/* ---- time of day -------------------------------------------------------- */

static const char *const time_fill[] = {
    "t",   "at",     "um", "à",  "a",    "às",  "as",   "alle", "ore",
    "om",  "o",      "в",  "г",  "года", "r",   "roku", "godz", "kl",
    "klo", "الساعة", "في", "le", "de",   "las", NULL};

/* 上午/下午/午前/午後/오전/오후 at i: 1 for AM, 2 for PM, 0 for none. */
static int
cjk_ampm(const win *w, int i)
{
    if (is_word(w, i, "上") && is_word(w, i + 1, "午")) {
        return 1;
    }
    if (is_word(w, i, "下") && is_word(w, i + 1, "午")) {
        return 2;
    }
    if (is_word(w, i, "午") && is_word(w, i + 1, "前")) {
        return 1;
    }
    if (is_word(w, i, "午") && is_word(w, i + 1, "後")) {
        return 2;
    }
    if (is_word(w, i, "오") && is_word(w, i + 1, "전")) {
        return 1;
    }
    if (is_word(w, i, "오") && is_word(w, i + 1, "후")) {
        return 2;
    }
    return 0;
}

/* AM/PM marker after a time at *i: 1 AM, 2 PM, 0 none; *i moves past it.
 * *english says the marker was a Latin one. */
static int
post_ampm(const win *w, int *i, bool *english)
{
    static const char *const am[] = {"am", "ص", "صباحا", "صباح", NULL};
    static const char *const pm[] = {"pm", "م", "مساء", "مساءا", NULL};
    const int j = *i;
    int r = 0;
    if (is_word_in(w, j, am) || is_word_in(w, j, pm)) {
        r = is_word_in(w, j, am) ? 1 : 2;
        *english = is_word(w, j, "am") || is_word(w, j, "pm");
        *i = j + 1 + (is_punct(w, j + 1, '.') ? 1 : 0);
    } else if ((is_word(w, j, "a") || is_word(w, j, "p")) &&
               is_punct(w, j + 1, '.') && is_word(w, j + 2, "m")) {
        r = is_word(w, j, "a") ? 1 : 2;
        *english = true;
        *i = j + 3 + (is_punct(w, j + 3, '.') ? 1 : 0);
    }
    return r;
}

typedef struct tz_name {
    const char *name;
    int16_t min;
} tz_name;

static const tz_name tz_names[] = {
    {"z", 0},      {"utc", 0},    {"gmt", 0},    {"ut", 0},     {"est", -300},
    {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"cet", 60},   {"cest", 120}, {"mez", 60},
    {"mesz", 120}, {"bst", 60},   {"msk", 180},  {"jst", 540},  {"kst", 540},
    {"eet", 120},  {"eest", 180}, {"wet", 0},    {"west", 60},
};

/* A numeric offset (+0300, +03:00, -5, +3) at i; advances *i. */
static bool
tz_offset(const win *w, int *i, int *out)
{
    const int j = *i;
    if (!(is_punct(w, j, '+') || is_punct(w, j, '-')) || !tight(w, j + 1)) {
        return false;
    }
    const int sign = is_punct(w, j, '-') ? -1 : 1;
    int h = 0;
    int m = 0;
    int k = j + 2;
    if (is_num(w, j + 1, 4, 4)) {
        h = w->t[j + 1].val / 100;
        m = w->t[j + 1].val % 100;
    } else if (is_num(w, j + 1, 1, 2)) {
        h = w->t[j + 1].val;
        if (is_punct(w, k, ':') && is_num(w, k + 1, 2, 2)) {
            m = w->t[k + 1].val;
            k += 2;
        }
    } else {
        return false;
    }
    if (h > 14 || m > 59) {
        return false;
    }
    *out = sign * (h * 60 + m);
    *i = k;
    return true;
}

/* A time zone at *i (name, offset, or name plus offset). */
static void
parse_tz(const win *w, int *i, px_date *d)
{
    int off = 0;
    for (size_t k = 0; k < sizeof tz_names / sizeof tz_names[0]; k++) {
        if (is_word(w, *i, tz_names[k].name)) {
            d->has_tz = true;
            d->tz_min = tz_names[k].min;
            (*i)++;
            if (tz_names[k].min == 0 && tz_offset(w, i, &off)) {
                d->tz_min = (int16_t)off;
            }
            return;
        }
    }
    if (tz_offset(w, i, &off)) {
        d->has_tz = true;
        d->tz_min = (int16_t)off;
    }
}

/* Hour and minute at i (H:MM, HhMM, H时MM分); seconds optional. */
static bool
clock_at(const win *w, int *i, px_date *d)
{
    static const char *const hour_mark[] = {"h", "时", "時", "点", "시", NULL};
    const int j = *i;
    if (!is_num(w, j, 1, 2) || !tight(w, j + 1) || !tight(w, j + 2)) {
        return false;
    }
    const bool colon = is_punct(w, j + 1, ':');
    const bool mark = is_word_in(w, j + 1, hour_mark);
    if (!(colon && is_num(w, j + 2, 2, 2)) &&
        !(mark && is_num(w, j + 2, 1, 2))) {
        return false;
    }
    d->hour = (int8_t)w->t[j].val;
    d->min = (int8_t)w->t[j + 2].val;
    d->prec = PX_PREC_MINUTE;
    int k = j + 3;
    if (mark && (is_word(w, k, "分") || is_word(w, k, "분"))) {
        k++;
    }
    if (is_punct(w, k, ':') && tight(w, k) && is_num(w, k + 1, 2, 2) &&
        tight(w, k + 1)) {
        d->sec = (int8_t)w->t[k + 1].val;
        d->prec = PX_PREC_SECOND;
        k += 2;
        if ((is_punct(w, k, '.') || is_punct(w, k, ',')) && tight(w, k) &&
            is_num(w, k + 1, 1, 99) && tight(w, k + 1)) {
            k += 2; /* fractional seconds */
        }
    }
    *i = k;
    return true;
}

/* Applies an AM/PM marker to d; false if the hour does not fit it. */
static bool
apply_ampm(px_date *d, int ampm)
{
    if (ampm == 0) {
        return d->hour <= 23;
    }
    if (d->hour < 1 || d->hour > 12) {
        return ampm == 2 && d->hour > 12 && d->hour <= 23;
    }
    if (ampm == 2 && d->hour < 12) {
        d->hour = (int8_t)(d->hour + 12);
    } else if (ampm == 1 && d->hour == 12) {
        d->hour = 0;
    }
    return true;
}

/* A time after a date at token i; on success fills d and sets *end. */
static bool
parse_time(win *w, int i, px_date *d, int *end)
{
    px_date t = *d;
    int j = skip_fill(w, i, 5, ",.-|@()", time_fill);
    int ampm = cjk_ampm(w, j);
    if (ampm != 0) {
        j += 2;
    }
    if (!clock_at(w, &j, &t)) {
        return false;
    }
    bool english = false;
    if (ampm == 0) {
        ampm = post_ampm(w, &j, &english);
    }
    if (!apply_ampm(&t, ampm) || t.min > 59 || t.sec > 60) {
        return false;
    }
    if (is_word(w, j, "uhr")) {
        j++;
    }
    parse_tz(w, &j, &t);
    w->month_first = english;
    *d = t;
    *end = j;
    return true;
}

/* ---- dates -------------------------------------------------------------- */

static int
days_in_month(int y, int m)
{
    static const int8_t days[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        return 29;
    }
    return days[m - 1];
}

bool
px_pubdate_valid(const px_date *d)
{
    if (d->prec == PX_PREC_NONE || d->year < 1990 || d->year > 2100) {
        return false;
    }
    if (d->prec >= PX_PREC_MONTH && (d->month < 1 || d->month > 12)) {
        return false;
    }
    if (d->prec >= PX_PREC_DAY &&
        (d->day < 1 || d->day > days_in_month(d->year, d->month))) {
        return false;
    }
    return d->prec < PX_PREC_MINUTE ||
           (d->hour >= 0 && d->hour <= 23 && d->min >= 0 && d->min <= 59 &&
            d->sec >= 0 && d->sec <= 60);
}

static bool
set_ymd(px_date *d, int y, int m, int day, px_date_prec prec)
{
    memset(d, 0, sizeof *d);
    d->year = (int16_t)y;
    d->month = (int8_t)(prec >= PX_PREC_MONTH ? m : 0);
    d->day = (int8_t)(prec >= PX_PREC_DAY ? day : 0);
    d->prec = prec;
    return y >= 1990 && y <= 2100 && px_pubdate_valid(d);
}

/* Adds an optional time after token *end. */
static void
with_time(win *w, px_date *d, int *end)
{
    int e = *end;
    if (parse_time(w, e, d, &e)) {
        *end = e;
    }
}

/* 2026-01-06, 2026/1/6, 2026.01.06 (same separator twice). */
static bool
p_ymd_num(win *w, px_date *d, int *end)
{
    if (!is_num(w, 0, 4, 4) || w->n < 5 || w->t[1].kind != T_PUNCT) {
        return false;
    }
    const char sep = w->t[1].c;
    if ((sep != '-' && sep != '/' && sep != '.') || !is_num(w, 2, 1, 2) ||
        !is_punct(w, 3, sep) || !is_num(w, 4, 1, 2)) {
        return false;
    }
    if (!tight(w, 1) || !tight(w, 2) || !tight(w, 3) || !tight(w, 4)) {
        return false;
    }
    if (!set_ymd(d, w->t[0].val, w->t[2].val, w->t[4].val, PX_PREC_DAY)) {
        return false;
    }
    *end = 5;
    with_time(w, d, end);
    return true;
}

/* 2026年1月6日, 2026년 1월 6일; with_day false accepts 2026年1月. */
static bool
p_ymd_cjk(win *w, px_date *d, int *end, bool with_day)
{
    const bool zh = is_word(w, 1, "年") && is_word(w, 3, "月");
    const bool ko = is_word(w, 1, "년") && is_word(w, 3, "월");
    if (!is_num(w, 0, 4, 4) || !(zh || ko) || !is_num(w, 2, 1, 2)) {
        return false;
    }
    const bool day =
        is_num(w, 4, 1, 2) &&
        (zh ? is_word(w, 5, "日") || is_word(w, 5, "号") : is_word(w, 5, "일"));
    if (!with_day) {
        *end = 4;
        return !day && set_ymd(d, w->t[0].val, w->t[2].val, 1, PX_PREC_MONTH);
    }
    if (!day ||
        !set_ymd(d, w->t[0].val, w->t[2].val, w->t[4].val, PX_PREC_DAY)) {
        return false;
    }
    *end = 6;
    int e = 6;
    if (is_punct(w, e, '(') && e + 1 < w->n && w->t[e + 1].kind != T_NUM &&
        is_punct(w, e + 2, ')')) {
        e += 3; /* weekday in parentheses: (火) */
    }
    if (parse_time(w, e, d, &e)) {
        *end = e;
    }
    return true;
}

static const char *const name_fill[] = {"de", "del", "of", "the", NULL};
static const char *const ordinal[] = {"st", "nd", "rd", "th", "er", "e",
                                      "º",  "ª",  "ci", "go", NULL};

/* Day number at i with an optional ordinal suffix or dot; returns the index
 * after it, or -1. */
static int
day_at(const win *w, int i, int *day)
{
    if (!is_num(w, i, 1, 2) || w->t[i].val < 1 || w->t[i].val > 31) {
        return -1;
    }
    *day = w->t[i].val;
    int j = i + 1;
    if (tight(w, j) && (is_word_in(w, j, ordinal) || is_punct(w, j, '.'))) {
        j++;
    }
    return j;
}

/* 6 January 2026, 6. Januar 2026, 6 de enero de 2026, 06/يناير/2026. */
static bool
p_dmy_name(win *w, px_date *d, int *end)
{
    int day = 0;
    int j = day_at(w, 0, &day);
    if (j < 0) {
        return false;
    }
    j = skip_fill(w, j, 2, "-/,", name_fill);
    int next = 0;
    const int m = month_at(w, j, &next);
    if (m == 0) {
        return false;
    }
    j = skip_fill(w, next, 3, ".,-/", name_fill);
    if (!is_num(w, j, 4, 4) || !set_ymd(d, w->t[j].val, m, day, PX_PREC_DAY)) {
        return false;
    }
    *end = j + 1;
    with_time(w, d, end);
    return true;
}

/* January 6th, 2026; Jan. 6 2026; with_day false accepts January 2026. */
static bool
p_mdy_name(win *w, px_date *d, int *end, bool with_day)
{
    int j = 0;
    const int m = month_at(w, 0, &j);
    if (m == 0) {
        return false;
    }
    j = skip_fill(w, j, 1, ".", NULL);
    int day = 0;
    const int k = day_at(w, j, &day);
    if (!with_day) {
        j = skip_fill(w, j, 2, ",", name_fill);
        *end = j + 1;
        return k < 0 && is_num(w, j, 4, 4) &&
               set_ymd(d, w->t[j].val, m, 1, PX_PREC_MONTH);
    }
    if (k < 0) {
        return false;
    }
    j = skip_fill(w, k, 2, ",", name_fill);
    if (!is_num(w, j, 4, 4) || !set_ymd(d, w->t[j].val, m, day, PX_PREC_DAY)) {
        return false;
    }
    *end = j + 1;
    with_time(w, d, end);
    return true;
}

/* 2026 Jan 06, 2026-Jan-06. */
static bool
p_ymd_name(win *w, px_date *d, int *end)
{
    if (!is_num(w, 0, 4, 4)) {
        return false;
    }
    int j = skip_fill(w, 1, 1, ".,-/", NULL);
    int next = 0;
    const int m = month_at(w, j, &next);
    if (m == 0) {
        return false;
    }
    j = skip_fill(w, next, 1, ".-/", NULL);
    int day = 0;
    const int k = day_at(w, j, &day);
    /* "2026 Dec 26, 2025" is a month-day-year after a stray year */
    const int after = skip_fill(w, k < 0 ? 0 : k, 1, ",", NULL);
    if (k < 0 || is_num(w, k, 1, 99) || is_num(w, after, 4, 4) ||
        !set_ymd(d, w->t[0].val, m, day, PX_PREC_DAY)) {
        return false;
    }
    *end = k;
    with_time(w, d, end);
    return true;
}

/* 06/01/2026, 06.01.2026, 6-1-2026, 06.01.26: day first unless the day
 * slot cannot be a day or an English AM/PM time follows a slash form. */
static bool
p_dmy_num(win *w, px_date *d, int *end)
{
    if (!is_num(w, 0, 1, 2) || w->n < 5 || w->t[1].kind != T_PUNCT) {
        return false;
    }
    const char sep = w->t[1].c;
    /* "18. 05. 2014": a space may follow a dot, never precede it */
    const bool spaced = !tight(w, 2) || !tight(w, 4);
    if ((sep != '-' && sep != '/' && sep != '.') || !is_num(w, 2, 1, 2) ||
        !is_punct(w, 3, sep) || !tight(w, 1) || !tight(w, 3) ||
        (spaced && sep != '.')) {
        return false;
    }
    int y = 0;
    if (is_num(w, 4, 4, 4)) {
        y = w->t[4].val;
    } else if (is_num(w, 4, 2, 2) && sep != '-' && !spaced &&
               w->t[0].ndig == 2 && w->t[2].ndig == 2) {
        y = w->t[4].val + (w->t[4].val < 70 ? 2000 : 1900);
    } else {
        return false;
    }
    int a = w->t[0].val;
    int b = w->t[2].val;
    px_date tm = {0};
    int e = 5;
    const bool has_time = parse_time(w, e, &tm, &e);
    if (b > 12 || (a <= 12 && sep == '/' && has_time && w->month_first)) {
        const int t = a;
        a = b;
        b = t;
    }
    if (!set_ymd(d, y, b, a, PX_PREC_DAY)) {
        return false;
    }
    *end = 5;
    if (has_time) {
        tm.year = d->year;
        tm.month = d->month;
        tm.day = d->day;
        *d = tm;
        *end = e;
    }
    return true;
}

/* 2026-01 (month precision), only for whole-string parsing. */
static bool
p_ym_num(win *w, px_date *d, int *end)
{
    if (!is_num(w, 0, 4, 4) || !(is_punct(w, 1, '-') || is_punct(w, 1, '/')) ||
        !is_num(w, 2, 1, 2) || !tight(w, 1) || !tight(w, 2)) {
        return false;
    }
    if (w->n > 3 && w->t[3].kind != T_WORD && !w->t[3].sp) {
        return false;
    }
    *end = 3;
    return set_ymd(d, w->t[0].val, w->t[2].val, 1, PX_PREC_MONTH);
}

/* 20260106 as a whole token. */
static bool
p_compact(win *w, px_date *d, int *end)
{
    if (!is_num(w, 0, 8, 8)) {
        return false;
    }
    const int v = w->t[0].val;
    *end = 1;
    if (!set_ymd(d, v / 10000, v / 100 % 100, v % 100, PX_PREC_DAY)) {
        return false;
    }
    with_time(w, d, end);
    return true;
}

/* Tries every full-date pattern on the window. */
static bool
match_full(win *w, px_date *d, int *end)
{
    if (w->t[0].kind == T_NUM) {
        return p_ymd_num(w, d, end) || p_ymd_cjk(w, d, end, true) ||
               p_ymd_name(w, d, end) || p_dmy_num(w, d, end) ||
               p_dmy_name(w, d, end);
    }
    return p_mdy_name(w, d, end, true);
}

static bool
match_partial(win *w, px_date *d, int *end)
{
    if (w->t[0].kind == T_NUM) {
        return p_ymd_cjk(w, d, end, false) || p_ym_num(w, d, end) ||
               p_compact(w, d, end);
    }
    return p_mdy_name(w, d, end, false);
}

/* Is there a digit (ASCII, Arabic-Indic, Persian or full-width) at i? */
static bool
digit_at(const char *s, size_t n, size_t i)
{
    const unsigned char b = (unsigned char)s[i];
    if (b >= '0' && b <= '9') {
        return true;
    }
    const unsigned char b1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
    return (b == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9) ||
           (b == 0xDB && b1 >= 0xB0 && b1 <= 0xB9) ||
           (b == 0xEF && b1 == 0xBC && i + 2 < n &&
            (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99);
}

/* Offset of the first digit at or after pos, or n. Skips eight bytes at a
 * time while none of them is in 0x30..0x3F or 0x80 and up. */
static size_t
next_digit(const char *s, size_t n, size_t pos)
{
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    size_t i = pos;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t t = (x ^ (ones * 0x30)) & (ones * 0xF0);
            if (((x & highs) | ((t - ones) & ~t & highs)) == 0) {
                i += 8;
                continue;
            }
        }
        const size_t end = i + 8 < n ? i + 8 : n;
        for (; i < end; i++) {
            if (digit_at(s, n, i)) {
                return i;
            }
        }
    }
    return n;
}

/* Every date holds a digit, and starts at most DATE_LEAD bytes before its
 * first one (a month name and a few fill words); a full date that starts
 * with a number has its next number within DATE_GAP bytes of it. */
#define DATE_LEAD 64
#define DATE_GAP  96

/* A token boundary at or after from and before to (a byte of ASCII white
 * space or punctuation, or the lead byte of a CJK character, each of
 * which ends any token before it), or to when there is none. */
static size_t
boundary(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const unsigned char b = (unsigned char)s[i];
        const bool ascii_sep = b < 0x80 && !(b >= '0' && b <= '9') &&
                               !((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
        if (ascii_sep || (b >= 0xE4 && b <= 0xE9)) {
            return i;
        }
    }
    return to;
}

static bool
is_ascii_sep(unsigned char b)
{
    return b < 0x80 && !(b >= '0' && b <= '9') &&
           !((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* Where to start reading for a full date whose first digit is at digit,
 * reading no earlier than pos: a full date starting before its first digit
 * starts with a month name of one or two words, followed by at most a dot
 * and then the day, so three runs of letters back (runs end at ASCII white
 * space and punctuation) reach any such start. Falls back to the first
 * token boundary DATE_LEAD bytes back when the runs are longer. */
static size_t
lead_start(const char *s, size_t pos, size_t digit)
{
    const size_t floor = digit - pos > DATE_LEAD ? digit - DATE_LEAD : pos;
    size_t i = digit;
    for (int runs = 0; runs < 3; runs++) {
        while (i > floor && is_ascii_sep((unsigned char)s[i - 1])) {
            i--;
        }
        while (i > floor && !is_ascii_sep((unsigned char)s[i - 1])) {
            i--;
        }
        if (i == floor) {
            return floor == pos ? pos : boundary(s, floor, digit);
        }
    }
    return i;
}

/* Could a date start at token t? */
static bool
candidate(const win *one, const char *s, size_t n, bool partial)
{
    const tok *t = &one->t[0];
    if (t->kind == T_NUM) {
        if (!(t->ndig <= 2 || t->ndig == 4 || t->ndig == 8)) {
            return false;
        }
        const size_t end = t->off + t->len;
        return partial ||
               next_digit(s, end + DATE_GAP < n ? end + DATE_GAP : n, end) <
                   (end + DATE_GAP < n ? end + DATE_GAP : n);
    }
    int next = 0;
    return t->kind == T_WORD && month_at(one, 0, &next) != 0;
}

/* Can a full date start the window? What may follow its first token:
 * after a number a separator, an ordinal, a fill word, a month or a CJK
 * unit; after a month name a dot or the day. */
static bool
may_start(const win *w)
{
    if (w->n < 2) {
        return false;
    }
    const tok *t1 = &w->t[1];
    if (w->t[0].kind != T_NUM) {
        int next = 0;
        const int m = month_at(w, 0, &next);
        return m != 0 && (is_punct(w, next, '.') || is_num(w, next, 1, 2));
    }
    if (t1->kind == T_PUNCT) {
        return t1->c == '-' || t1->c == '/' || t1->c == '.' || t1->c == ',';
    }
    int next = 0;
    return t1->kind == T_CJK ||
           (t1->kind == T_WORD &&
            (is_word_in(w, 1, ordinal) || is_word_in(w, 1, name_fill) ||
             month_at(w, 1, &next) != 0));
}

static bool
match(win *w, bool partial, px_date *d, int *end)
{
    *d = (px_date){0};
    return partial ? match_partial(w, d, end) : match_full(w, d, end);
}

/* Tries for a date starting at byte at of s; true with *out and its span. */
static bool
date_at(px_str s, size_t at, bool partial, px_date *out, size_t *off,
        size_t *len)
{
    win w;
    w.n = 0;
    fill(&w, s.ptr, s.len, at, 4);
    if (w.n == 0 || (!partial && !may_start(&w))) {
        return false;
    }
    /* whether a pattern matches shows in its first WIN_TRY tokens; only a
     * match needs the rest (a time and zone after it) */
    fill(&w, s.ptr, s.len, at, WIN_TRY);
    int end = 0;
    px_date d;
    if (!match(&w, partial, &d, &end)) {
        return false;
    }
    fill(&w, s.ptr, s.len, at, WIN_MAX);
    px_date full;
    int full_end = 0;
    if (match(&w, partial, &full, &full_end)) {
        d = full;
        end = full_end;
    }
    *out = d;
    *off = w.t[0].off;
    *len = w.t[end - 1].off + w.t[end - 1].len - *off;
    return true;
}

/* The first date in s; partial allows month precision and compact forms.
 * Text far from any digit is skipped without being read. */
static bool
scan(px_str s, bool partial, px_date *out, size_t *off, size_t *len)
{
    win one;
    size_t pos = 0;
    size_t digit = 0; /* the first digit at or after pos */
    while (pos < s.len) {
        if (digit < pos) {
            digit = next_digit(s.ptr, s.len, pos);
        }
        if (digit == s.len) {
            break;
        }
        if (!partial) {
            pos = lead_start(s.ptr, pos, digit);
        } else if (digit - pos > DATE_LEAD) {
            pos = boundary(s.ptr, digit - DATE_LEAD, digit);
        }
        const size_t next = lex(s.ptr, s.len, pos, &one.t[0]);
        if (one.t[0].len == 0) {
            break;
        }
        one.n = 1;
        if (candidate(&one, s.ptr, s.len, partial) &&
            date_at(s, one.t[0].off, partial, out, off, len)) {
            return true;
        }
        pos = next;
    }
    return false;
}

bool
px_pubdate_find(px_str s, px_date *out, size_t *off, size_t *len)
{
    size_t o = 0;
    size_t l = 0;
    if (!scan(s, false, out, &o, &l)) {
        return false;
    }
    if (off != NULL) {
        *off = o;
    }
    if (len != NULL) {
        *len = l;
    }
    return true;
}

bool
px_pubdate_parse(px_str s, px_date *out)
{
    size_t o = 0;
    size_t l = 0;
    return scan(s, false, out, &o, &l) || scan(s, true, out, &o, &l);
}

/* ---- URLs --------------------------------------------------------------- */

/* Reads up to max ASCII digits at p; returns how many, value in *v. */
static size_t
url_digits(const char *p, size_t max, int *v)
{
    size_t n = 0;
    *v = 0;
    while (n < max && p[n] >= '0' && p[n] <= '9') {
        *v = *v * 10 + (p[n] - '0');
        n++;
    }
    return n;
}

static bool
is_url_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A date starting at p (a year just after a separator). */
static bool
url_date_at(const char *p, px_date *out)
{
    int y = 0;
    int m = 0;
    int dd = 0;
    if (url_digits(p, 5, &y) == 4 && !is_url_digit(p[4])) {
        const char sep = p[4];
        if (sep != '/' && sep != '-' && sep != '_') {
            return false;
        }
        const size_t nm = url_digits(p + 5, 3, &m);
        if (nm < 1 || nm > 2 || p[5 + nm] != sep) {
            return false;
        }
        const char *q = p + 6 + nm;
        const size_t nd = url_digits(q, 3, &dd);
        if (nd >= 1 && nd <= 2 && !is_url_digit(q[nd]) &&
            set_ymd(out, y, m, dd, PX_PREC_DAY)) {
            return true;
        }
        return sep == '/' && set_ymd(out, y, m, 1, PX_PREC_MONTH);
    }
    int v = 0;
    if (url_digits(p, 9, &v) == 8 && !is_url_digit(p[8])) {
        return set_ymd(out, v / 10000, v / 100 % 100, v % 100, PX_PREC_DAY);
    }
    return false;
}

bool
px_pubdate_from_url(const char *url, px_date *out)
{
    if (url == NULL) {
        return false;
    }
    const char *p = strstr(url, "://");
    p = p != NULL ? p + 3 : url;
    p = strchr(p, '/'); /* the path starts after the host */
    if (p == NULL) {
        return false;
    }
    for (; *p != '\0'; p++) {
        const char c = *p;
        if ((c == '/' || c == '-' || c == '_' || c == '=') &&
            is_url_digit(p[1]) && url_date_at(p + 1, out)) {
            return true;
        }
    }
    return false;
}
