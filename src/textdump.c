/* textdump.c - the article in a plain-text page dump.
 *
 * A dump is what a browser's "select all, copy" gives: one block per line,
 * with the page's menus, share buttons, counters, related lists and footer
 * around the article. Each line is measured (length in weighted code points:
 * a CJK character weighs about as much as a short Latin word), matched
 * against cue words of many languages, checked for dates, bylines,
 * counters, repetition and runs of short lines, and scored: body lines gain
 * their length, short lines lose a little, chrome loses much, and barrier
 * lines (the heading of a related list or of comments, a copyright notice,
 * a disclaimer) cannot be crossed. The article is the best-scoring run of
 * lines (maximum subarray); a related list or comment section right after
 * a real article ends the search, while a box of "read also" links between
 * two paragraphs and a short list between paragraphs are crossed. Chrome
 * inside the article is dropped. Title, date and author come from the lines
 * around the article start, never from the related lists and comments
 * after it, and the date at the very top of a page (its crawl or "today"
 * date) is the last resort. Hard-wrapped text is unwrapped first.
 */
#include "textdump.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "error.h"
#include "log.h"
#include "pubdate.h"

enum {
    CUE_SHARE = 1u << 0,
    CUE_COMMENT = 1u << 1,
    CUE_RELATED = 1u << 2,
    CUE_MORE = 1u << 3,
    CUE_FOLLOW = 1u << 4,
    CUE_SUBSCRIBE = 1u << 5,
    CUE_AD = 1u << 6,
    CUE_COPYRIGHT = 1u << 7,
    CUE_DISCLAIMER = 1u << 8,
    CUE_NAV = 1u << 9,
    CUE_CAPTION = 1u << 10,
    CUE_AGO = 1u << 11,
    CUE_COOKIE = 1u << 12,
    CUE_PROMO = 1u << 13,
    CUE_REPLY = 1u << 14,
    CUE_PUBLISHED = 1u << 15,
    CUE_RIGHTS = 1u << 16 /* "all rights reserved" and kin */
};

/* Cue classes that end an article when a line is mostly the cue. */
#define CUE_BARRIER                                                            \
    (CUE_COMMENT | CUE_RELATED | CUE_FOLLOW | CUE_RIGHTS | CUE_DISCLAIMER)

/* Units of text a header-like cue line may hold besides the cue itself
 * ("Comments (14)", "Related stories", "0 Comments"). */
#define CUE_SLACK 14
/* Lines this short (in units) are menu items when they come in runs. */
#define MENU_UNITS 25
/* A line without sentence punctuation is body only from this length. */
#define LONG_UNITS ((size_t)150)
/* A region this good is an article: a related list or comment section
 * right after it ends the search. */
#define ARTICLE_UNITS 200
/* What a chrome line costs the region around it. */
#define CHROME_COST 80

typedef enum { LK_BODY, LK_SHORT, LK_CHROME } line_kind;

typedef struct line {
    px_str s;     /* trimmed, never empty */
    size_t width; /* code points, for hard-wrap detection */
    bool blank_before;
    size_t units; /* weighted length, white space excluded */
    size_t n_letters;
    size_t n_digits;
    size_t n_punct; /* commas and sentence marks inside the line */
    uint32_t cues;  /* cue classes that count (see cue_counts) */
    bool ends_sentence;
    bool is_teaser; /* cut off with an ellipsis: a link's teaser */
    bool is_byline;
    bool byline_cjk; /* the name ends at a space */
    size_t name_at;  /* byte offset of the byline's name */
    bool is_crumb;
    bool is_repeated;
    bool is_menu;
    bool is_item; /* an item of a list inside the text */
    bool has_date;
    bool is_dateline; /* a date that is (nearly) the whole line or leads it */
    bool date_at_end; /* an item ending with its date: a list entry */
    px_date date;
    line_kind kind;
    bool barrier;
    long score;
} line;

typedef struct cue {
    const char *word; /* case-folded */
    uint32_t cls;
} cue;

/* Cue words, case-folded. Matched only in short, header-like lines, except
 * DISCLAIMER (at the start of a line) and COPYRIGHT (anywhere in a line of
 * moderate length). */
static const cue cues[] = {
    /* share, print, save */
    {"share", CUE_SHARE},
    {"shares", CUE_SHARE},
    {"tweet", CUE_SHARE},
    {"whatsapp", CUE_SHARE},
    {"facebook", CUE_SHARE},
    {"telegram", CUE_SHARE},
    {"email", CUE_SHARE},
    {"print", CUE_SHARE},
    {"save", CUE_SHARE},
    {"follow", CUE_SHARE},
    {"social media", CUE_SHARE},
    {"click", CUE_SHARE}, /* "Click here to share": a call to act */
    {"klicken", CUE_SHARE},
    {"cliquez", CUE_SHARE},
    {"点击", CUE_SHARE},
    {"分享", CUE_SHARE},
    {"转发", CUE_SHARE},
    {"收藏", CUE_SHARE},
    {"شارك", CUE_SHARE},
    {"مشاركة", CUE_SHARE},
    {"طباعة", CUE_SHARE},
    {"تابع", CUE_SHARE},
    {"partager", CUE_SHARE},
    {"compartir", CUE_SHARE},
    {"teilen", CUE_SHARE},
    {"поделиться", CUE_SHARE},
    {"compartilhar", CUE_SHARE},
    {"condividi", CUE_SHARE},
    {"delen", CUE_SHARE},
    {"udostępnij", CUE_SHARE},
    {"paylaş", CUE_SHARE},
    {"pinterest", CUE_SHARE},
    {"linkedin", CUE_SHARE},
    {"reddit", CUE_SHARE},
    {"twitter", CUE_SHARE},
    {"シェア", CUE_SHARE},
    {"共有", CUE_SHARE},
    {"关注", CUE_SHARE},
    {"like", CUE_SHARE},
    {"讚", CUE_SHARE},
    /* comments */
    {"comment", CUE_COMMENT},
    {"comments", CUE_COMMENT},
    {"commentaire", CUE_COMMENT},
    {"commentaires", CUE_COMMENT},
    {"réagir", CUE_COMMENT},
    {"comentario", CUE_COMMENT},
    {"comentarios", CUE_COMMENT},
    {"kommentar", CUE_COMMENT},
    {"kommentare", CUE_COMMENT},
    {"комментари", CUE_COMMENT},
    {"评论", CUE_COMMENT},
    {"評論", CUE_COMMENT},
    {"留言", CUE_COMMENT},
    {"跟帖", CUE_COMMENT},
    {"تعليق", CUE_COMMENT},
    {"التعليقات", CUE_COMMENT},
    {"コメント", CUE_COMMENT},
    {"comentários", CUE_COMMENT},
    {"commenti", CUE_COMMENT},
    {"reacties", CUE_COMMENT},
    {"komentarze", CUE_COMMENT},
    {"yorumlar", CUE_COMMENT},
    {"댓글", CUE_COMMENT},
    {"reply", CUE_COMMENT},
    {"回复", CUE_COMMENT},
    {"回覆", CUE_COMMENT},
    {"رد", CUE_COMMENT},
    {"répondre", CUE_COMMENT},
    {"responder", CUE_COMMENT},
    {"antworten", CUE_COMMENT},
    {"ответить", CUE_COMMENT},
    {"responses", CUE_COMMENT},
    {"leave a reply", CUE_COMMENT},
    {"leave a comment", CUE_COMMENT},
    {"cancel reply", CUE_COMMENT},
    {"kommentar hinterlassen", CUE_COMMENT},
    {"schreibe einen kommentar", CUE_COMMENT},
    {"hinterlasse", CUE_COMMENT},
    {"laisser un commentaire", CUE_COMMENT},
    {"deja un comentario", CUE_COMMENT},
    {"deixe um comentário", CUE_COMMENT},
    {"lascia un commento", CUE_COMMENT},
    {"réponses", CUE_COMMENT},
    {"respuestas", CUE_COMMENT},
    {"antworten", CUE_COMMENT},
    /* "published on", beside a date */
    {"published", CUE_PUBLISHED},
    {"posted on", CUE_PUBLISHED},
    {"veröffentlicht", CUE_PUBLISHED},
    {"erstellt am", CUE_PUBLISHED},
    {"eingetragen am", CUE_PUBLISHED},
    {"publié", CUE_PUBLISHED},
    {"publicado", CUE_PUBLISHED},
    {"publicada", CUE_PUBLISHED},
    {"pubblicato", CUE_PUBLISHED},
    {"gepubliceerd", CUE_PUBLISHED},
    {"opublikowano", CUE_PUBLISHED},
    {"опубликовано", CUE_PUBLISHED},
    {"نشر في", CUE_PUBLISHED},
    {"تاريخ النشر", CUE_PUBLISHED},
    {"发布时间", CUE_PUBLISHED},
    {"发表于", CUE_PUBLISHED},
    {"发表时间", CUE_PUBLISHED},
    {"發佈", CUE_PUBLISHED},
    {"公開日", CUE_PUBLISHED},
    /* a comment's header: "name says:" */
    {"says:", CUE_REPLY},
    {"said:", CUE_REPLY},
    {"wrote:", CUE_REPLY},
    {"a écrit :", CUE_REPLY},
    {"a écrit:", CUE_REPLY},
    {"escribió:", CUE_REPLY},
    {"schreibt:", CUE_REPLY},
    {"schrieb:", CUE_REPLY},
    {"написал:", CUE_REPLY},
    {"написала:", CUE_REPLY},
    /* related, recommended, most read */
    {"related", CUE_RELATED},
    {"recommended", CUE_RELATED},
    {"you may also like", CUE_RELATED},
    {"you might also like", CUE_RELATED},
    {"more on this story", CUE_RELATED},
    {"more from", CUE_RELATED},
    {"read also", CUE_RELATED},
    {"also read", CUE_RELATED},
    {"see also", CUE_RELATED},
    {"most read", CUE_RELATED},
    {"most popular", CUE_RELATED},
    {"top stories", CUE_RELATED},
    {"trending", CUE_RELATED},
    {"相关", CUE_RELATED},
    {"相關", CUE_RELATED},
    {"推荐", CUE_RELATED},
    {"推薦", CUE_RELATED},
    {"延伸阅读", CUE_RELATED},
    {"延伸閱讀", CUE_RELATED},
    {"热门", CUE_RELATED},
    {"熱門", CUE_RELATED},
    {"猜你喜欢", CUE_RELATED},
    {"往期回顾", CUE_RELATED},
    {"اقرأ أيضا", CUE_RELATED},
    {"اقرأ أيضاً", CUE_RELATED},
    {"اقرأ ايضا", CUE_RELATED},
    {"ذات صلة", CUE_RELATED},
    {"الأكثر قراءة", CUE_RELATED},
    {"الأكثر مشاهدة", CUE_RELATED},
    {"lire aussi", CUE_RELATED},
    {"sur le même sujet", CUE_RELATED},
    {"les plus lus", CUE_RELATED},
    {"relacionad", CUE_RELATED},
    {"te puede interesar", CUE_RELATED},
    {"lea también", CUE_RELATED},
    {"más leíd", CUE_RELATED},
    {"mehr zum thema", CUE_RELATED},
    {"auch interessieren", CUE_RELATED},
    {"meistgelesen", CUE_RELATED},
    {"ähnliche", CUE_RELATED},
    {"about the author", CUE_RELATED},
    {"über den autor", CUE_RELATED},
    {"über die autorin", CUE_RELATED},
    {"à propos de l'auteur", CUE_RELATED},
    {"sobre el autor", CUE_RELATED},
    {"sobre o autor", CUE_RELATED},
    {"об авторе", CUE_RELATED},
    {"عن الكاتب", CUE_RELATED},
    {"作者简介", CUE_RELATED},
    {"weitere artikel", CUE_RELATED},
    {"auch interessant", CUE_RELATED},
    {"читайте также", CUE_RELATED},
    {"похожие", CUE_RELATED},
    {"по теме", CUE_RELATED},
    {"популярное", CUE_RELATED},
    {"関連記事", CUE_RELATED},
    {"あわせて読みたい", CUE_RELATED},
    {"ランキング", CUE_RELATED},
    {"você pode gostar", CUE_RELATED},
    {"veja também", CUE_RELATED},
    {"leia também", CUE_RELATED},
    {"mais lidas", CUE_RELATED},
    {"leggi anche", CUE_RELATED},
    {"correlati", CUE_RELATED},
    {"lees ook", CUE_RELATED},
    {"czytaj także", CUE_RELATED},
    {"zobacz też", CUE_RELATED},
    {"ilgili haberler", CUE_RELATED},
    {"관련기사", CUE_RELATED},
    /* read more */
    {"vea también", CUE_MORE},
    {"lea también", CUE_MORE},
    {"lee también", CUE_MORE},
    {"lea más", CUE_MORE},
    {"mira", CUE_MORE},
    {"mire", CUE_MORE},
    {"lesen sie auch", CUE_MORE},
    {"lesen sie mehr", CUE_MORE},
    {"watch", CUE_MORE},
    {"also on", CUE_MORE},
    {"read more", CUE_MORE},
    {"continue reading", CUE_MORE},
    {"load more", CUE_MORE},
    {"show more", CUE_MORE},
    {"view more", CUE_MORE},
    {"المزيد", CUE_MORE},
    {"阅读全文", CUE_MORE},
    {"更多", CUE_MORE},
    {"lire la suite", CUE_MORE},
    {"leer más", CUE_MORE},
    {"weiterlesen", CUE_MORE},
    {"читать далее", CUE_MORE},
    {"続きを読む", CUE_MORE},
    /* follow us */
    {"follow us", CUE_FOLLOW},
    {"تابعونا", CUE_FOLLOW},
    {"تابع مواقعنا", CUE_FOLLOW},
    {"关注我们", CUE_FOLLOW},
    {"suivez-nous", CUE_FOLLOW},
    {"síguenos", CUE_FOLLOW},
    {"folgen sie uns", CUE_FOLLOW},
    {"подписывайтесь", CUE_FOLLOW},
    /* subscribe, sign in */
    {"subscribe", CUE_SUBSCRIBE},
    {"sign up", CUE_SUBSCRIBE},
    {"sign in", CUE_SUBSCRIBE},
    {"log in", CUE_SUBSCRIBE},
    {"newsletter", CUE_SUBSCRIBE},
    {"register", CUE_SUBSCRIBE},
    {"اشترك", CUE_SUBSCRIBE},
    {"订阅", CUE_SUBSCRIBE},
    {"登录", CUE_SUBSCRIBE},
    {"注册", CUE_SUBSCRIBE},
    {"申请入驻", CUE_SUBSCRIBE},
    {"abonne", CUE_SUBSCRIBE},
    {"suscríbete", CUE_SUBSCRIBE},
    {"abonnieren", CUE_SUBSCRIBE},
    {"подпис", CUE_SUBSCRIBE},
    {"войти", CUE_SUBSCRIBE},
    {"ログイン", CUE_SUBSCRIBE},
    /* advertisement */
    {"advertisement", CUE_AD},
    {"sponsored", CUE_AD},
    {"ad", CUE_AD},
    {"إعلان", CUE_AD},
    {"اعلان", CUE_AD},
    {"广告", CUE_AD},
    {"廣告", CUE_AD},
    {"publicité", CUE_AD},
    {"publicidad", CUE_AD},
    {"anzeige", CUE_AD},
    {"werbung", CUE_AD},
    {"реклама", CUE_AD},
    {"広告", CUE_AD},
    /* navigation */
    {"home", CUE_NAV},
    {"skip to", CUE_NAV},
    {"menu", CUE_NAV},
    {"table of contents", CUE_NAV},
    {"contents", CUE_NAV},
    {"inhaltsverzeichnis", CUE_NAV},
    {"sommaire", CUE_NAV},
    {"índice", CUE_NAV},
    {"содержание", CUE_NAV},
    {"目录", CUE_NAV},
    {"المحتويات", CUE_NAV},
    {"search", CUE_NAV},
    {"首页", CUE_NAV},
    {"首頁", CUE_NAV},
    {"الرئيسية", CUE_NAV},
    {"accueil", CUE_NAV},
    {"inicio", CUE_NAV},
    {"portada", CUE_NAV},
    {"startseite", CUE_NAV},
    {"главная", CUE_NAV},
    {"トップ", CUE_NAV},
    {"بحث", CUE_NAV},
    {"搜索", CUE_NAV},
    /* captions */
    {"image caption", CUE_CAPTION},
    {"photo:", CUE_CAPTION},
    {"image:", CUE_CAPTION},
    {"صورة", CUE_CAPTION},
    {"图片", CUE_CAPTION},
    {"圖片", CUE_CAPTION},
    {"фото", CUE_CAPTION},
    /* relative times */
    {"ago", CUE_AGO},
    {"منذ", CUE_AGO},
    {"前", CUE_AGO},
    {"il y a", CUE_AGO},
    {"hace", CUE_AGO},
    {"назад", CUE_AGO},
    /* subscription appeals, anywhere in a short line */
    {"newsletter", CUE_PROMO},
    {"subscribe", CUE_PROMO},
    {"sign up to", CUE_PROMO},
    {"was this article helpful", CUE_PROMO},
    {"war der artikel nützlich", CUE_PROMO},
    {"war dieser artikel hilfreich", CUE_PROMO},
    {"sign up for", CUE_PROMO},
    {"abonnez", CUE_PROMO},
    {"suscríbete", CUE_PROMO},
    {"abonnieren", CUE_PROMO},
    {"подпишитесь", CUE_PROMO},
    {"اشترك", CUE_PROMO},
    {"订阅", CUE_PROMO},
    {"会員登録", CUE_PROMO},
    {"有料会員", CUE_PROMO},
    /* cookie banners */
    {"cookie", CUE_COOKIE},
    {"cookies", CUE_COOKIE},
    {"куки", CUE_COOKIE},
    {"ملفات تعريف الارتباط", CUE_COOKIE},
    {"الكوكيز", CUE_COOKIE},
    /* copyright, disclaimers */
    {"©", CUE_COPYRIGHT},
    {"copyright", CUE_COPYRIGHT},
    {"all rights reserved", CUE_RIGHTS},
    {"جميع الحقوق محفوظة", CUE_RIGHTS},
    {"版权所有", CUE_RIGHTS},
    {"版權所有", CUE_RIGHTS},
    {"tous droits réservés", CUE_RIGHTS},
    {"derechos reservados", CUE_RIGHTS},
    {"alle rechte vorbehalten", CUE_RIGHTS},
    {"все права защищены", CUE_RIGHTS},
    {"無断転載", CUE_RIGHTS},
    {"特别声明", CUE_DISCLAIMER},
    {"免责声明", CUE_DISCLAIMER},
    {"声明:", CUE_DISCLAIMER},
    {"声明：", CUE_DISCLAIMER},
    {"disclaimer", CUE_DISCLAIMER},
    {"notice:", CUE_DISCLAIMER},
    {"إخلاء المسؤولية", CUE_DISCLAIMER},
    {"avertissement", CUE_DISCLAIMER},
};

/* Byline openers (case-folded), matched at the start of a short line; the
 * CJK ones anywhere in it. */
static const char *const byline_lead[] = {
    "posted by",   "vom ",    "door ",  "av ",   "by ",   "written by",
    "reported by", "text by", "par ",   "von ",  "por ",  "автор",
    "текст:",      "بقلم",    "كتب:",   "كتب -", "كتبت:", "كتب ",
    "كتبت ",       "إعداد:",  "تقرير:", "著者",
};
/* Byline labels found anywhere in a short line (after a date, say). */
static const char *const byline_label[] = {
    "автор:",       "автор ",          "بقلم",
    "كتب:",         "كتبت:",           "written by",
    "reported by",  "texte:",          "texto:",
    "text:",        "geschrieben von", "eingestellt von",
    "verfasst von", "post author by",  "author:",
    "autor:",       "auteur :",        "auteur:",
};
static const char *const byline_cjk[] = {"作者", "记者", "記者", "编辑",
                                         "編輯", "撰文", "文/",  "文／"};

/* Names that label a role, not a person. */
static const char *const generic_names[] = {
    "admin",     "editor",    "editors",   "staff",     "staff writer",
    "redaction", "rédaction", "redacción", "redaktion", "редакция",
    "المحرر",    "محرر",      "编辑",      "編輯",      "小编",
    "本网",      "本站",      "記者",
};

/* The weight of one code point: CJK scripts carry about a word each. */
static size_t
cp_units(UChar32 cp)
{
    UErrorCode st = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(cp, &st);
    if (U_SUCCESS(st) && (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                          sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL)) {
        return 3;
    }
    return 1;
}

static bool
is_space_cp(UChar32 cp)
{
    return cp == 0x200B || cp == 0xFEFF || u_isUWhiteSpace(cp);
}

/* Weighted length of s, white space excluded. */
static size_t
str_units(px_str s)
{
    size_t units = 0;
    size_t i = 0;
    while (i < s.len) {
        UChar32 cp;
        U8_NEXT(s.ptr, i, s.len, cp);
        if (cp < 0) {
            units++;
        } else if (!is_space_cp(cp)) {
            units += cp_units(cp);
        }
    }
    return units;
}

static bool is_sentence_end(UChar32 cp);

static void
measure(line *l)
{
    size_t i = 0;
    while (i < l->s.len) {
        UChar32 cp;
        U8_NEXT(l->s.ptr, i, l->s.len, cp);
        if (cp < 0) {
            l->units++;
            continue;
        }
        if (is_space_cp(cp)) {
            continue;
        }
        l->units += cp_units(cp);
        if (u_isdigit(cp)) {
            l->n_digits++;
        } else if (u_isalpha(cp)) {
            l->n_letters++;
        } else if (is_sentence_end(cp) || cp == ',' || cp == 0xFF0C ||
                   cp == 0x3001) {
            l->n_punct++;
        }
    }
}

/* The code point ending at byte e of s (e > 0); *b is where it starts. */
static UChar32
prev_cp(px_str s, size_t e, size_t *b)
{
    size_t i = e - 1;
    while (i > 0 && e - i < 4 && ((unsigned char)s.ptr[i] & 0xC0) == 0x80) {
        i--;
    }
    *b = i;
    UChar32 cp;
    U8_NEXT(s.ptr, i, e, cp);
    return i == e ? cp : -1;
}

static bool
is_closer(UChar32 cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '*' ||
           u_charType(cp) == U_FINAL_PUNCTUATION ||
           u_charType(cp) == U_END_PUNCTUATION;
}

static bool
is_sentence_end(UChar32 cp)
{
    switch (cp) {
    case '.':
    case '!':
    case '?':
    case ';':
    case 0x2026: /* … */
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF0E: /* ． */
    case 0xFF61: /* ｡ */
    case 0xFF1B: /* ； */
    case 0x061F: /* ؟ */
    case 0x060C: /* ، */
    case 0x061B: /* ؛ */
    case 0x06D4: /* ۔ */
    case 0x0964: /* । */
    case 0x0589: /* ։ */
        return true;
    default:
        return false;
    }
}

/* True if s ends with "..." or "…" right after a word: a teaser cut off
 * at a fixed length. */
static bool
ends_ellipsis(px_str s)
{
    if (s.len < 3 || (memcmp(s.ptr + s.len - 3, "...", 3) != 0 &&
                      memcmp(s.ptr + s.len - 3, "\xE2\x80\xA6", 3) != 0)) {
        return false;
    }
    const size_t b = s.len - 3;
    size_t c = 0;
    const UChar32 cp = b > 0 ? prev_cp(s, b, &c) : -1;
    return cp >= 0 && (u_isalnum(cp) || cp == ',');
}

/* True if s ends a sentence, looking through closing quotes and brackets.
 * A colon counts when colon_ok (a long line introducing a quote). */
static bool
ends_sentence(px_str s, bool colon_ok)
{
    size_t e = s.len;
    while (e > 0) {
        size_t b = 0;
        const UChar32 cp = prev_cp(s, e, &b);
        if (cp >= 0 && (is_closer(cp) || is_space_cp(cp))) {
            e = b;
            continue;
        }
        return cp >= 0 && (is_sentence_end(cp) ||
                           (colon_ok && (cp == ':' || cp == 0xFF1A)));
    }
    return false;
}

static bool
is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Finds word w in folded text f at a word boundary (checked for ASCII
 * letters only: scripts without spaces have no boundaries to check). */
static const char *
find_word(px_str f, const char *w, size_t wl)
{
    px_str rest = f;
    for (;;) {
        const char *p = px_str_find(rest, w, wl);
        if (p == NULL) {
            return NULL;
        }
        const bool left_ok =
            !is_ascii_letter(w[0]) || p == f.ptr || !is_ascii_letter(p[-1]);
        const char *end = p + wl;
        const bool right_ok = !is_ascii_letter(w[wl - 1]) ||
                              end == f.ptr + f.len || !is_ascii_letter(*end);
        if (left_ok && right_ok) {
            return p;
        }
        rest = (px_str){p + 1, (size_t)(f.ptr + f.len - (p + 1))};
    }
}

/* Whether a cue of class cls found in l counts: most cues only in a
 * header-like line (mostly the cue), some more widely. */
static bool
cue_counts(uint32_t cls, const line *l, bool header, bool lead, bool at_end)
{
    switch (cls) {
    case CUE_DISCLAIMER:
        return lead;
    case CUE_COPYRIGHT:
    case CUE_RIGHTS:
        return l->units <= 200;
    case CUE_COOKIE:
        return l->units <= 400;
    case CUE_PROMO:
        return l->units <= 100;
    case CUE_AGO:
        return l->n_digits > 0 && l->units <= 30;
    case CUE_REPLY:
        return at_end && l->units <= 40;
    case CUE_PUBLISHED:
        return l->units <= 80;
    case CUE_COMMENT: /* "34 responses to ...", "Comments (14)" */
        return header ||
               (l->n_digits > 0 && l->units <= 80 && !l->ends_sentence);
    default:
        return header;
    }
}

/* True if the text at p (inside f) opens with a colon, spaces aside. */
static bool
colon_after(px_str f, const char *p)
{
    const char *end = f.ptr + f.len;
    while (p < end && *p == ' ') {
        p++;
    }
    return p < end && (*p == ':' || (end - p >= 3 && memcmp(p, "：", 3) == 0));
}

/* True if span s overlaps one of the n spans in set ("شارك" inside
 * "مشاركة" is one word, not two). */
static bool
overlaps(const px_str *set, size_t n, px_str s)
{
    for (size_t i = 0; i < n; i++) {
        if (s.ptr < set[i].ptr + set[i].len && set[i].ptr < s.ptr + s.len) {
            return true;
        }
    }
    return false;
}

/* Cue classes of l given its case-folded text f. */
static uint32_t
match_cues(const line *l, px_str f)
{
    uint32_t cls = 0;
    px_str shares[4]; /* share words found, apart from one another */
    size_t n_share = 0;
    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++) {
        if (l->units > 400 && cues[k].cls != CUE_DISCLAIMER) {
            continue; /* a paragraph: only a leading disclaimer counts */
        }
        const size_t wl = strlen(cues[k].word);
        const char *p = find_word(f, cues[k].word, wl);
        if (p == NULL) {
            continue;
        }
        if (cues[k].cls == CUE_SHARE && n_share < 4 &&
            !overlaps(shares, n_share, (px_str){p, wl})) {
            shares[n_share++] = (px_str){p, wl};
        }
        const size_t cu = str_units((px_str){cues[k].word, wl});
        const bool header = l->units <= cu + CUE_SLACK;
        const bool lead = (size_t)(p - f.ptr) < 4;
        const bool at_end = p + wl == f.ptr + f.len;
        if (cue_counts(cues[k].cls, l, header, lead, at_end)) {
            cls |= cues[k].cls;
        } else if ((cues[k].cls & (CUE_RELATED | CUE_MORE)) != 0 && lead &&
                   l->units <= 200 && colon_after(f, p + wl)) {
            cls |= CUE_MORE; /* "Read also: <another story>" */
        }
    }
    /* "Click to share on Facebook": several share words in a short line */
    if (n_share >= 2 && l->units <= 60 && !l->ends_sentence) {
        cls |= CUE_SHARE;
    }
    return cls;
}

static bool
starts_with(px_str s, const char *w)
{
    const size_t wl = strlen(w);
    return s.len >= wl && memcmp(s.ptr, w, wl) == 0;
}

/* " by " and its kin name the author inside a dateline ("Posted on 21 July
 * 2019 by X"). */
static const char *const dateline_by[] = {" by ",  " von ", " vom ",
                                          " par ", " por ", " door "};

/* The byte offset where the segment after at starts: past the next "|",
 * "·" or "•" and the spaces after it; f.len when there is none. */
static size_t
next_segment(px_str f, size_t at)
{
    size_t i = at;
    while (i < f.len) {
        UChar32 cp;
        U8_NEXT(f.ptr, i, f.len, cp);
        if (cp == '|' || cp == 0x00B7 || cp == 0x2022) {
            while (i < f.len && f.ptr[i] == ' ') {
                i++;
            }
            return i;
        }
    }
    return f.len;
}

/* Marks a byline: a short line opening with a byline cue, or holding a CJK
 * one; records where the name starts. Case folding keeps the byte length of
 * these cues, so the offset in f is the offset in the line. */
static void
find_byline(line *l, px_str f)
{
    if (l->units > 80 || l->ends_sentence) {
        return;
    }
    for (size_t k = 0; k < sizeof byline_cjk / sizeof byline_cjk[0]; k++) {
        const char *p = px_str_find(l->s, byline_cjk[k], strlen(byline_cjk[k]));
        if (p != NULL) {
            l->is_byline = true;
            l->byline_cjk = true;
            l->name_at = (size_t)(p - l->s.ptr) + strlen(byline_cjk[k]);
            return;
        }
    }
    const bool same_len = f.len == l->s.len;
    for (size_t at = 0; at < f.len; at = next_segment(f, at)) {
        if (at > 0 && !same_len) {
            break;
        }
        const px_str seg = {f.ptr + at, f.len - at};
        for (size_t k = 0; k < sizeof byline_lead / sizeof byline_lead[0];
             k++) {
            if (starts_with(seg, byline_lead[k]) &&
                strlen(byline_lead[k]) < seg.len) {
                l->is_byline = true;
                l->name_at = at + strlen(byline_lead[k]);
                return;
            }
        }
    }
    for (size_t k = 0; same_len && l->is_dateline &&
                       k < sizeof dateline_by / sizeof dateline_by[0];
         k++) {
        const char *p = px_str_find(f, dateline_by[k], strlen(dateline_by[k]));
        if (p != NULL) {
            l->is_byline = true;
            l->name_at = (size_t)(p - f.ptr) + strlen(dateline_by[k]);
            return;
        }
    }
    for (size_t k = 0;
         f.len == l->s.len && k < sizeof byline_label / sizeof byline_label[0];
         k++) {
        const size_t wl = strlen(byline_label[k]);
        const char *p = find_word(f, byline_label[k], wl);
        if (p != NULL) {
            l->is_byline = true;
            l->name_at = (size_t)(p - f.ptr) + wl;
            return;
        }
    }
}

/* An inline menu: three or more short items between separators such as
 * "|", "·" or "•" ("Facebook | X | WhatsApp", a footer's links). */
static bool
is_inline_menu(px_str s, size_t units)
{
    size_t n_seps = 0;
    size_t n_commas = 0;
    size_t i = 0;
    while (i < s.len) {
        UChar32 cp;
        U8_NEXT(s.ptr, i, s.len, cp);
        n_seps += cp == '|' || cp == 0x00B7 || cp == 0x2022 || cp == 0xFF5C;
        n_commas += cp == ',' || cp == 0x060C || cp == 0x3001;
    }
    /* a tag list: "Politics, Justice, Elections, Paris" */
    const bool tags = n_commas >= 3 && units <= 15 * (n_commas + 1) &&
                      !ends_sentence(s, false);
    return (n_seps >= 2 && units <= 20 * (n_seps + 1)) || tags;
}

/* A breadcrumb: two or more path separators in a short line. */
static bool
is_crumb(px_str s, size_t units)
{
    if (is_inline_menu(s, units)) {
        return true;
    }
    static const char *const seps[] = {" > ", " » ", " › ", " / ", ">"};
    if (units > 100) {
        return false;
    }
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        const size_t sl = strlen(seps[k]);
        const char *p = px_str_find(s, seps[k], sl);
        if (p != NULL) {
            const char *after = p + sl;
            const px_str rest = {after, (size_t)(s.ptr + s.len - after)};
            if (px_str_find(rest, seps[k], sl) != NULL) {
                return true;
            }
        }
    }
    return false;
}

/* Case-folds s into buf (NUL-terminated); long lines are folded only in
 * their first KB, which is where cues of interest sit. */
static px_str
fold_line(UCaseMap *cm, px_str s, char *buf, size_t cap)
{
    size_t n = s.len < 1024 ? s.len : 1024;
    while (n > 0 && n < s.len && ((unsigned char)s.ptr[n] & 0xC0) == 0x80) {
        n--;
    }
    UErrorCode st = U_ZERO_ERROR;
    const int32_t w = ucasemap_utf8FoldCase(cm, buf, (int32_t)cap - 1, s.ptr,
                                            (int32_t)n, &st);
    if (U_FAILURE(st) || w < 0 || (size_t)w >= cap) {
        memcpy(buf, s.ptr, n);
        buf[n] = '\0';
        return (px_str){buf, n};
    }
    buf[w] = '\0';
    return (px_str){buf, (size_t)w};
}

/* True if the text after a date opens with a separator ("2026-01-06 • ..."),
 * as a dateline does and a sentence does not. */
static bool
sep_first(px_str after)
{
    const px_str t = px_str_trim(after);
    size_t i = 0;
    UChar32 cp = 0;
    if (t.len > 0) {
        U8_NEXT(t.ptr, i, t.len, cp);
    }
    return cp == '|' || cp == '-' || cp == 0x2022 || cp == 0x00B7 ||
           cp == 0x2013 || cp == 0x2014 || cp == '/';
}

/* Looks for a date in l. A dateline is a line that is mostly its date (a
 * little text around it, no sentence), or that opens with one; a list item
 * ends with its date. A sentence that merely mentions a date is neither. */
static void
find_date(line *l)
{
    size_t off = 0;
    size_t len = 0;
    if (!px_pubdate_find(l->s, &l->date, &off, &len) ||
        !px_pubdate_valid(&l->date)) {
        return;
    }
    l->has_date = true;
    const px_str before = {l->s.ptr, off};
    const px_str after = {l->s.ptr + off + len, l->s.len - off - len};
    const size_t lead = str_units(before);
    const size_t other = lead + str_units(after);
    const bool sentence = l->ends_sentence && !sep_first(after);
    l->is_dateline =
        !sentence && (other <= 30 || (lead <= 12 && l->units < LONG_UNITS));
    l->date_at_end =
        !l->is_dateline && str_units(after) <= 4 && l->units < 2 * LONG_UNITS;
}

static uint64_t
fnv1a(px_str s)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < s.len; i++) {
        h = (h ^ (unsigned char)s.ptr[i]) * 1099511628211u;
    }
    return h;
}

typedef struct hashed {
    uint64_t h;
    size_t idx;
} hashed;

static int
cmp_hashed(const void *a, const void *b)
{
    const hashed *x = a;
    const hashed *y = b;
    if (x->h != y->h) {
        return x->h < y->h ? -1 : 1;
    }
    return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

/* Marks lines whose exact text occurs more than once. */
static bool
mark_repeats(line *ls, size_t n)
{
    hashed *hs = px_malloc((n == 0 ? 1 : n) * sizeof *hs);
    if (hs == NULL) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        hs[i] = (hashed){fnv1a(ls[i].s), i};
    }
    qsort(hs, n, sizeof *hs, cmp_hashed);
    for (size_t i = 0; i + 1 < n; i++) {
        line *a = &ls[hs[i].idx];
        line *b = &ls[hs[i + 1].idx];
        if (hs[i].h == hs[i + 1].h && px_str_eq(a->s, b->s)) {
            a->is_repeated = true;
            b->is_repeated = true;
        }
    }
    px_free(hs);
    return true;
}

static bool
menu_like(const line *l)
{
    return l->units < MENU_UNITS && !l->ends_sentence;
}

/* True for a paragraph-like line a list inside the text sits next to. */
static bool
is_prose(const line *l)
{
    return l->units >= 40 && (l->ends_sentence || ends_sentence(l->s, true));
}

static bool
item_like(const line *l)
{
    return !l->ends_sentence && l->units < 120 && l->cues == 0 &&
           !l->is_byline && !l->is_dateline && !l->is_crumb;
}

/* Marks lists inside the article: runs of two or more short lines with
 * prose right above and below them, items longer than menu entries. */
static void
mark_lists(line *ls, size_t n)
{
    size_t i = 1;
    while (i < n) {
        size_t j = i;
        size_t total = 0;
        while (j < n && item_like(&ls[j])) {
            total += ls[j].units;
            j++;
        }
        if (j - i >= 2 && j < n && is_prose(&ls[i - 1]) && is_prose(&ls[j]) &&
            total >= 12 * (j - i)) {
            for (size_t k = i; k < j; k++) {
                ls[k].is_item = true;
            }
        }
        i = j > i ? j : i + 1;
    }
}

/* Runs of three or more very short lines are menus, tag lists, footers;
 * or, between two paragraphs, a list in the article. */
static void
mark_menus(line *ls, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && menu_like(&ls[j])) {
            j++;
        }
        if (j - i >= 3) {
            for (size_t k = i; k < j; k++) {
                ls[k].is_menu = !ls[k].is_item;
            }
        }
        i = j > i ? j : i + 1;
    }
}

static bool
is_counter(const line *l)
{
    return (l->n_digits > 0 && l->n_letters <= 12 && l->units <= 40) ||
           l->n_letters == 0;
}

static bool
is_chrome(const line *l)
{
    /* a long line without any inner punctuation is a flattened list */
    const bool flat = l->units >= LONG_UNITS && !l->ends_sentence &&
                      l->n_punct * 250 < l->units;
    return l->cues != 0 || l->is_teaser || l->is_byline || l->is_crumb ||
           l->is_menu || l->is_dateline || l->date_at_end || is_counter(l) ||
           flat || (l->is_repeated && l->units < LONG_UNITS);
}

static void
classify(line *l)
{
    /* "© 2026 X" ends the page; "Image copyright Getty" is a credit */
    l->barrier = (l->cues & CUE_BARRIER) != 0 ||
                 ((l->cues & CUE_COPYRIGHT) != 0 && l->n_digits > 0);
    if (is_chrome(l)) {
        l->kind = LK_CHROME;
        l->score = -CHROME_COST;
    } else if (l->ends_sentence) {
        l->kind = LK_BODY;
        l->score = (long)(l->units < 800 ? l->units : 800);
    } else if (l->units >= LONG_UNITS) {
        /* a long paragraph that lost its final stop: body, less weight */
        l->kind = LK_BODY;
        l->score = (long)(l->units < 800 ? l->units : 800) / 2;
    } else {
        l->kind = LK_SHORT;
        l->score = l->is_item ? -5 : -(10 + (long)l->units / 4);
    }
}

static bool
is_paragraph(const line *l)
{
    return l->kind == LK_BODY && l->ends_sentence && l->units >= 60;
}

/* If the related-cue line i opens a box of links inside the article (at
 * most five undated link lines follow it, then two paragraphs resume), the
 * index of the paragraph that resumes; else 0. A related list at the end
 * (teasers, dates, no article after it) is not inline. */
static size_t
inline_link(const line *ls, size_t n, size_t i)
{
    if (i == 0 || !is_paragraph(&ls[i - 1])) {
        return 0;
    }
    for (size_t j = i + 1; j < n && j <= i + 6; j++) {
        if (is_paragraph(&ls[j])) {
            return j + 1 < n && is_paragraph(&ls[j + 1]) ? j : 0;
        }
        if (ls[j].has_date || ls[j].kind == LK_BODY) {
            return 0;
        }
    }
    return 0;
}

/* Lifts the barrier of inline "read also" links; the linked titles become
 * chrome so the article runs across them without keeping them. */
static void
mark_inline_links(line *ls, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const size_t j =
            (ls[i].cues & CUE_RELATED) != 0 ? inline_link(ls, n, i) : 0;
        if (j == 0) {
            continue;
        }
        ls[i].barrier = false;
        for (size_t k = i + 1; k < j; k++) {
            ls[k].kind = LK_CHROME;
            ls[k].score = -CHROME_COST;
        }
    }
}

/* Measures and classifies every line. */
static bool
analyse(line *ls, size_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    UCaseMap *cm = ucasemap_open("", U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st)) {
        return false;
    }
    char buf[3200];
    for (size_t i = 0; i < n; i++) {
        line *l = &ls[i];
        measure(l);
        l->ends_sentence = ends_sentence(l->s, l->units >= 60);
        l->is_teaser = ends_ellipsis(l->s);
        const px_str f = fold_line(cm, l->s, buf, sizeof buf);
        l->cues = match_cues(l, f);
        find_date(l);
        find_byline(l, f);
        l->is_crumb = is_crumb(l->s, l->units);
    }
    ucasemap_close(cm);
    if (!mark_repeats(ls, n)) {
        return false;
    }
    mark_lists(ls, n);
    mark_menus(ls, n);
    for (size_t i = 0; i < n; i++) {
        classify(&ls[i]);
    }
    mark_inline_links(ls, n);
    return true;
}

/* The best-scoring run of lines not crossing a barrier (maximum subarray);
 * false when no line reads as body text. */
static bool
best_region(const line *ls, size_t n, size_t *start, size_t *end)
{
    long best = 0;
    long cur = 0;
    size_t cur_start = 0;
    size_t best_end = 0;
    size_t cur_paras = 0;
    size_t best_paras = 0;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].barrier) {
            /* a related list or comments right after a real article: the
             * rest of the page is other people's text */
            if ((ls[i].cues & (CUE_RELATED | CUE_COMMENT)) != 0 &&
                best >= ARTICLE_UNITS && best_paras >= 2 &&
                i - best_end <= 12) {
                break;
            }
            cur = 0;
            cur_start = i + 1;
            cur_paras = 0;
            continue;
        }
        cur += ls[i].score;
        cur_paras += is_paragraph(&ls[i]);
        if (cur <= 0) {
            cur = 0;
            cur_start = i + 1;
            cur_paras = 0;
        } else if (cur > best) {
            best = cur;
            *start = cur_start;
            *end = i;
            best_end = i;
            best_paras = cur_paras;
        }
    }
    return best > 0;
}

static bool
ends_with_period(px_str s)
{
    size_t b = 0;
    const UChar32 cp = s.len > 0 ? prev_cp(s, s.len, &b) : 0;
    return cp == '.' || cp == 0x3002 || cp == 0xFF0E || cp == 0x06D4;
}

/* True for the metadata a headline is usually followed by. */
static bool
is_meta(const line *l)
{
    return l->is_dateline || l->is_byline || is_counter(l) ||
           (l->cues & (CUE_SHARE | CUE_COMMENT)) != 0;
}

static bool
title_like(const line *l)
{
    return l->units >= 15 && l->units <= 250 && l->kind != LK_BODY &&
           !ends_with_period(l->s) && l->cues == 0 && !l->is_byline &&
           !l->is_crumb && !l->is_dateline && !l->date_at_end && !is_counter(l);
}

/* How strongly metadata (date, byline, share line) follows line i: 2 when
 * only chrome separates them, 1 when it comes within four lines. */
static int
meta_after(const line *ls, size_t i, size_t start)
{
    bool only_chrome = true;
    for (size_t k = i + 1; k < start && k <= i + 4; k++) {
        if (is_meta(&ls[k])) {
            return only_chrome ? 2 : 1;
        }
        only_chrome = only_chrome && ls[k].kind == LK_CHROME;
    }
    return 0;
}

/* The index of the next line after i that is not chrome, or start. */
static size_t
next_text(const line *ls, size_t i, size_t start)
{
    size_t k = i + 1;
    while (k < start && ls[k].kind == LK_CHROME) {
        k++;
    }
    return k;
}

/* A standfirst is long and clearly longer than the headline above it. */
static bool
is_dek_of(const line *dek, const line *head)
{
    return dek->units >= 70 && 10 * dek->units > 13 * head->units;
}

/* True if the text of line i opens or closes another, slightly longer line:
 * a breadcrumb ending with it, a window title "Headline | Site". */
static bool
is_echoed(const line *ls, size_t n, size_t i)
{
    const px_str t = ls[i].s;
    for (size_t k = 0; k < n; k++) {
        const px_str o = ls[k].s;
        if (k == i || o.len <= t.len || ls[k].units > ls[i].units + 60) {
            continue;
        }
        if (memcmp(o.ptr, t.ptr, t.len) == 0 ||
            memcmp(o.ptr + o.len - t.len, t.ptr, t.len) == 0) {
            return true;
        }
    }
    return false;
}

static bool
short_text(const line *l)
{
    return l->kind == LK_SHORT && l->units < 120;
}

/* True if line i is one of a list of short lines (a table of contents,
 * a list of links): short text lines right above and below it. */
static bool
in_list(const line *ls, size_t n, size_t i)
{
    return i > 0 && i + 1 < n && short_text(&ls[i - 1]) &&
           short_text(&ls[i + 1]);
}

/* A kicker: a short section label right above a clearly longer headline. */
static bool
is_kicker(const line *ls, size_t i, size_t start)
{
    const size_t k = next_text(ls, i, start);
    return ls[i].units < 25 && k < start && k == i + 1 && title_like(&ls[k]) &&
           2 * ls[k].units >= 3 * ls[i].units;
}

/* The dateline two or three lines from i in direction dir (+1 or -1) with
 * only undated lines between, or SIZE_MAX. */
static size_t
dated_hop(const line *ls, size_t n, size_t i, int dir)
{
    for (size_t k = 2; k <= 3; k++) {
        if ((dir < 0 && i < k) || (dir > 0 && i + k >= n)) {
            return SIZE_MAX;
        }
        const size_t j = dir < 0 ? i - k : i + k;
        const size_t mid = dir < 0 ? i - 1 : i + 1;
        if (ls[mid].has_date ||
            (k == 3 && ls[dir < 0 ? i - 2 : i + 2].has_date)) {
            return SIZE_MAX;
        }
        if (ls[j].is_dateline) {
            return j;
        }
    }
    return SIZE_MAX;
}

/* True if dateline i is one of a list of dated items (title, date, title,
 * date, title, date): at least two other datelines chained to it. */
static bool
in_dated_list(const line *ls, size_t n, size_t i)
{
    size_t found = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t j = i;
        for (int hop = 0; hop < 2; hop++) {
            j = dated_hop(ls, n, j, dir);
            if (j == SIZE_MAX) {
                break;
            }
            found++;
        }
    }
    return found >= 2;
}

/* Scores line i as the headline. A headline opens the head block (chrome
 * above it) and is followed by metadata, or by a much longer standfirst
 * that is; a line under a shorter title-like line is that standfirst. */
static long
title_score(const line *ls, size_t n, size_t i, size_t start)
{
    const line *l = &ls[i];
    const bool echoed = l->is_repeated || is_echoed(ls, n, i);
    const size_t k = next_text(ls, i, start);
    const bool opens =
        i == 0 || ls[i - 1].kind == LK_CHROME || is_kicker(ls, i - 1, start);
    const bool has_dek = k < start && is_dek_of(&ls[k], l) &&
                         (ls[k].kind == LK_BODY || title_like(&ls[k])) &&
                         meta_after(ls, k, start) == 2;
    const bool is_dek =
        i > 0 && title_like(&ls[i - 1]) && is_dek_of(l, &ls[i - 1]);
    const int meta = meta_after(ls, i, start);
    const bool listed = i + 1 < start && ls[i + 1].is_dateline &&
                        in_dated_list(ls, start, i + 1);
    return (long)(l->units < 90 ? l->units : 90) + (echoed ? 50 : 0) +
           (meta == 2 ? 60 : 15 * meta) + (opens ? 30 : 0) +
           (has_dek ? 60 : 0) - (is_dek ? 40 : 0) -
           (in_list(ls, n, i) ? 40 : 0) - (is_kicker(ls, i, start) ? 50 : 0) -
           (listed ? 1000 : 0); /* an item of a dated list */
}

/* The headline: the best title-like line shortly before the article start,
 * losing a little for each line of text between it and the article. */
static bool
pick_title(const line *ls, size_t n, size_t start, size_t *out)
{
    long best = 0;
    const size_t lo = start > 25 ? start - 25 : 0;
    long dist = 0; /* 15 per line of text, 4 per chrome line passed */
    for (size_t i = start; i-- > lo;) {
        const line *l = &ls[i];
        if ((l->cues & CUE_RELATED) != 0) {
            break; /* a list of other articles, not this one's head */
        }
        if (title_like(l)) {
            const long sc = title_score(ls, n, i, start) - dist;
            if (sc > best) {
                best = sc;
                *out = i;
            }
        }
        /* a standfirst right under its headline costs nothing */
        const bool dek =
            i > 0 && title_like(&ls[i - 1]) && is_dek_of(l, &ls[i - 1]);
        dist += l->kind == LK_CHROME || in_list(ls, n, i) ? 4 : (dek ? 0 : 15);
    }
    return best > 0;
}

/* The dated line nearest the anchor (the title, else the article start),
 * looking a little above it and into the first lines of the article;
 * lines after the article are never used. */
static bool
pick_date(const line *ls, size_t n, size_t anchor, bool has_title, size_t start,
          size_t *out)
{
    const size_t back = has_title ? 3 : 6;
    const size_t lo = anchor > back ? anchor - back : 0;
    long best = 0;
    bool found = false;
    for (size_t i = lo; i < start + 2 && i < n; i++) {
        const line *l = &ls[i];
        if (!l->has_date || (l->barrier && i >= start) ||
            (l->is_dateline && in_dated_list(ls, start, i)) ||
            (l->kind == LK_BODY && !l->is_dateline) ||
            (i >= start && !l->is_dateline)) {
            continue;
        }
        /* after the title is likelier than above it; the top line of a
         * page is its crawl or "today" date, the last resort */
        const long d = (i >= anchor ? 2 * (long)(i - anchor) - 1
                                    : 3 * (long)(anchor - i)) +
                       (i <= 1 && i < anchor ? 6 : 0) -
                       ((l->cues & CUE_PUBLISHED) != 0 ? 4 : 0);
        if (!found || d < best || (d == best && i > anchor)) {
            best = d;
            *out = i;
            found = true;
        }
    }
    return found;
}

/* The dateline nearest above the article when the title's neighbourhood
 * has none: up to 40 lines up, not past a related list, never the first
 * two lines of the page (its crawl or "today" date). */
static bool
pick_head_date(const line *ls, size_t start, size_t *out)
{
    const size_t lo = start > 40 ? start - 40 : 2;
    for (size_t i = start; i-- > lo;) {
        if ((ls[i].cues & CUE_RELATED) != 0) {
            return false;
        }
        if (ls[i].has_date && ls[i].is_dateline &&
            !in_dated_list(ls, start, i)) {
            *out = i;
            return true;
        }
    }
    return false;
}

/* A "Published on ..." line just under the article (blogs sign off with
 * it); the related lists and comments further down are never read. */
static bool
pick_signed_date(const line *ls, size_t n, size_t end, size_t *out)
{
    for (size_t i = end + 1; i < n && i <= end + 4; i++) {
        if (ls[i].barrier) {
            return false;
        }
        if (ls[i].has_date && (ls[i].cues & CUE_PUBLISHED) != 0) {
            *out = i;
            return true;
        }
    }
    return false;
}

static bool
is_name_end(UChar32 cp)
{
    switch (cp) {
    case '|':
    case ',':
    case ';':
    case '/':
    case '(':
    case ')':
    case 0x2022: /* • */
    case 0x00B7: /* · */
    case 0xFF0C: /* ， */
    case 0x060C: /* ، */
    case 0xFF0F: /* ／ */
    case 0xFF08: /* （ */
    case 0xFF09: /* ） */
    case 0x3001: /* 、 */
    case 0x2013: /* – */
    case 0x2014: /* — */
        return true;
    default:
        return u_isdigit(cp);
    }
}

static const char *const weekdays[] = {
    "monday",   "tuesday",    "wednesday", "thursday", "friday",   "saturday",
    "sunday",   "mon",        "tue",       "wed",      "thu",      "fri",
    "sat",      "sun",        "lundi",     "mardi",    "mercredi", "jeudi",
    "vendredi", "samedi",     "dimanche",  "lunes",    "martes",   "miércoles",
    "jueves",   "viernes",    "sábado",    "domingo",  "montag",   "dienstag",
    "mittwoch", "donnerstag", "freitag",   "samstag",  "sonntag",  "الأحد",
    "الإثنين",  "الاثنين",    "الثلاثاء",  "الأربعاء", "الاربعاء", "الخميس",
    "الجمعة",   "السبت",
};

static px_str
last_word(px_str s)
{
    size_t b = s.len;
    while (b > 0 && s.ptr[b - 1] != ' ') {
        b--;
    }
    return (px_str){s.ptr + b, s.len - b};
}

/* "am", "on", "le": a preposition left before a cut-off date. */
static bool
is_small_word(px_str w)
{
    if (w.len == 0 || w.len > 3) {
        return false;
    }
    for (size_t i = 0; i < w.len; i++) {
        if (w.ptr[i] < 'a' || w.ptr[i] > 'z') {
            return false;
        }
    }
    return true;
}

static px_str
drop_last_word(px_str s)
{
    const px_str w = last_word(s);
    return px_str_trim((px_str){s.ptr, s.len - w.len});
}

static bool
is_weekday(px_str w)
{
    for (size_t k = 0; k < sizeof weekdays / sizeof weekdays[0]; k++) {
        if (px_str_ieq_c(w, weekdays[k])) {
            return true;
        }
    }
    return false;
}

/* name without a place after it: "Theo Markham in Washington", "Max
 * Muster aus Berlin" (the place is capitalised). */
static px_str
place_cut(px_str name)
{
    static const char *const at[] = {" in ", " aus ",  " à ",
                                     " en ", " from ", NULL};
    for (size_t k = 0; at[k] != NULL; k++) {
        const size_t al = strlen(at[k]);
        const char *p = px_str_find(name, at[k], al);
        if (p == NULL || p == name.ptr) {
            continue;
        }
        const size_t rest = name.len - (size_t)(p + al - name.ptr);
        size_t j = 0;
        UChar32 cp = 0;
        if (rest > 0) {
            U8_NEXT(p + al, j, rest, cp);
        }
        if (cp > 0 && u_isupper(cp)) {
            name.len = (size_t)(p - name.ptr);
        }
    }
    return px_str_trim(name);
}

/* The name after a byline cue at byte offset from: leading separators
 * skipped, cut at the next separator (and at a space for CJK names). */
static px_str
name_after(px_str s, size_t from, bool cjk)
{
    size_t i = from;
    while (i < s.len) {
        size_t next = i;
        UChar32 cp;
        U8_NEXT(s.ptr, next, s.len, cp);
        if (!(is_space_cp(cp) || cp == ':' || cp == 0xFF1A || cp == '-' ||
              cp == '/' || cp == 0xFF0F || cp == '|' || cp == 0x30FB)) {
            break;
        }
        i = next;
    }
    size_t e = i;
    bool label = false; /* stopped at "Views:" or the like */
    while (e < s.len) {
        size_t next = e;
        UChar32 cp;
        U8_NEXT(s.ptr, next, s.len, cp);
        label = cp == ':' || cp == 0xFF1A;
        if (cp < 0 || label || is_name_end(cp) || (cjk && is_space_cp(cp)) ||
            (cp == '-' && e > i && s.ptr[e - 1] == ' ')) {
            break;
        }
        e = next;
    }
    px_str name = place_cut(px_str_trim((px_str){s.ptr + i, e - i}));
    if (label) {
        name = drop_last_word(name);
    }
    while (name.len > 0 &&
           (is_weekday(last_word(name)) || is_small_word(last_word(name)))) {
        name = drop_last_word(name);
    }
    return name;
}

static bool
is_generic_name(px_str name)
{
    for (size_t k = 0; k < sizeof generic_names / sizeof generic_names[0];
         k++) {
        if (px_str_ieq_c(name, generic_names[k]) ||
            px_str_eq_c(name, generic_names[k])) {
            return true;
        }
    }
    return false;
}

/* The author named by byline line l, or an empty slice. */
static px_str
byline_name(const line *l)
{
    const px_str name = name_after(l->s, l->name_at, l->byline_cjk);
    const size_t u = str_units(name);
    if (u < 2 || u > 60 || is_generic_name(name)) {
        return (px_str){l->s.ptr, 0};
    }
    return name;
}

/* The first byline from a little above the anchor down to just after the
 * article's end (some pages sign at the bottom). */
static px_str
pick_author(const line *ls, size_t n, size_t lo, size_t end)
{
    for (size_t i = lo; i < n && i <= end + 4; i++) {
        if (ls[i].barrier && i > end) {
            break;
        }
        if (ls[i].is_byline) {
            const px_str name = byline_name(&ls[i]);
            if (name.len > 0) {
                return name;
            }
        }
    }
    return (px_str){"", 0};
}

/* Text wrapped at a fixed width (a terminal browser's dump) has no line
 * over about 100 columns and many lines near the widest one. */
static size_t
wrap_width(const line *ls, size_t n)
{
    size_t maxw = 0;
    for (size_t i = 0; i < n; i++) {
        maxw = ls[i].width > maxw ? ls[i].width : maxw;
    }
    if (n < 8 || maxw < 50 || maxw > 100) {
        return 0;
    }
    size_t full = 0;
    for (size_t i = 0; i < n; i++) {
        full += ls[i].width + 15 >= maxw;
    }
    return full * 10 >= n * 3 ? maxw : 0;
}

/* Joins the lines of hard-wrapped paragraphs: a line continues the one
 * before when no blank line separates them and that one was full. Returns
 * the new number of lines. */
static size_t
merge_wrapped(line *ls, size_t n)
{
    const size_t w = wrap_width(ls, n);
    if (w == 0) {
        return n;
    }
    size_t m = 0;
    size_t last_width = 0;
    for (size_t i = 0; i < n; i++) {
        if (m > 0 && !ls[i].blank_before && last_width + 20 >= w) {
            line *prev = &ls[m - 1];
            prev->s.len = (size_t)(ls[i].s.ptr + ls[i].s.len - prev->s.ptr);
            prev->width += ls[i].width;
        } else {
            ls[m++] = ls[i];
        }
        last_width = ls[i].width;
    }
    return m;
}

/* Bytes of the line break at e: CR LF is one break. */
static size_t
line_break_len(px_str text, size_t e)
{
    if (e >= text.len) {
        return 0;
    }
    if (text.ptr[e] == '\r') {
        return e + 1 < text.len && text.ptr[e + 1] == '\n' ? 2 : 1;
    }
    return text.ptr[e] == '\n' ? 1 : 3; /* U+2028, U+2029 */
}

/* Splits text into trimmed non-empty lines (LF, CR LF, CR, U+2028 and
 * U+2029 end a line). *out is owned (px_free). */
static px_status
split_lines(px_str text, line **out, size_t *n_out, px_error *err)
{
    size_t cap = 64;
    size_t n = 0;
    line *ls = px_malloc(cap * sizeof *ls);
    size_t i = 0;
    bool blank = false;
    while (ls != NULL && i < text.len) {
        size_t b = i;
        size_t e = i;
        while (e < text.len && text.ptr[e] != '\n' && text.ptr[e] != '\r' &&
               !(e + 2 < text.len && (unsigned char)text.ptr[e] == 0xE2 &&
                 (unsigned char)text.ptr[e + 1] == 0x80 &&
                 ((unsigned char)text.ptr[e + 2] & 0xFE) == 0xA8)) {
            e++;
        }
        i = e + line_break_len(text, e);
        const px_str s = px_str_trim((px_str){text.ptr + b, e - b});
        if (s.len == 0) {
            blank = true;
            continue;
        }
        if (n == cap) {
            cap *= 2;
            line *grown = px_realloc(ls, cap * sizeof *ls);
            if (grown == NULL) {
                px_free(ls);
                ls = NULL;
                break;
            }
            ls = grown;
        }
        memset(&ls[n], 0, sizeof ls[n]);
        ls[n].blank_before = blank;
        ls[n].width = px_str_cp_count(s);
        ls[n++].s = s;
        blank = false;
    }
    if (ls == NULL) {
        return px_fail(err, PX_ENOMEM, "textdump: out of memory");
    }
    *out = ls;
    *n_out = merge_wrapped(ls, n);
    return PX_OK;
}

/* Sets the article's paragraphs from the region: body lines as text, short
 * lines as headings, chrome dropped. */
static px_status
emit_paras(px_article *a, const line *ls, size_t start, size_t end,
           px_error *err)
{
    px_para_in *in = px_malloc((end - start + 1) * sizeof *in);
    if (in == NULL) {
        return px_fail(err, PX_ENOMEM, "textdump: out of memory");
    }
    size_t n = 0;
    for (size_t i = start; i <= end; i++) {
        if (ls[i].kind == LK_BODY) {
            in[n++] = (px_para_in){ls[i].s, PX_PARA_TEXT};
        } else if (ls[i].kind == LK_SHORT) {
            in[n++] = (px_para_in){ls[i].s, ls[i].is_item ? PX_PARA_LIST
                                                          : PX_PARA_HEADING};
        }
    }
    const px_status rc = px_article_set_paras(a, in, n, err);
    px_free(in);
    return rc;
}

static void
set_date_field(px_article *a, const char **field, const px_date *d)
{
    char buf[32];
    px_date_format(d, buf);
    px_article_set(a, field, px_str_c(buf));
}

/* Words of a copyright notice, removed to leave the owner's name. */
static const char *const copyright_words[] = {
    "copyright",
    "all rights reserved",
    "tous droits réservés",
    "todos los derechos reservados",
    "derechos reservados",
    "direitos reservados",
    "diritti riservati",
    "all rights",
    "privacy",
    "privacidad",
    "datenschutz",
    "impressum",
    "creative commons",
    "版权声明",
    "版權聲明",
    "免责声明",
    "alle rechte vorbehalten",
    "все права защищены",
    "جميع الحقوق محفوظة",
    "版权所有",
    "版權所有",
    "rights reserved",
    "(c)",
};

/* First occurrence of w in s, ASCII letters compared without case. */
static const char *
ifind(px_str s, const char *w)
{
    const size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= s.len; i++) {
        size_t k = 0;
        while (k < wl) {
            unsigned char c = (unsigned char)s.ptr[i + k];
            if (c >= 'A' && c <= 'Z') {
                c |= 0x20; /* ASCII lower case */
            }
            if (c != (unsigned char)w[k]) {
                break;
            }
            k++;
        }
        if (k == wl) {
            return s.ptr + i;
        }
    }
    return NULL;
}

/* Drops the preposition "ل" glued to a name after an Arabic notice. */
static px_str
drop_arabic_lam(px_str s)
{
    if (s.len > 2 && (unsigned char)s.ptr[0] == 0xD9 &&
        (unsigned char)s.ptr[1] == 0x84 && (unsigned char)s.ptr[2] >= 0xD8) {
        return (px_str){s.ptr + 2, s.len - 2};
    }
    return s;
}

/* A piece of a copyright line: letters, marks, spaces, "&" and apostrophes
 * (digits, years and punctuation end it). */
static bool
is_name_cp(UChar32 cp)
{
    return u_isalpha(cp) || u_getCombiningClass(cp) > 0 ||
           u_charType(cp) == U_NON_SPACING_MARK || cp == ' ' || cp == '&' ||
           cp == '\'' || cp == 0x2019;
}

/* Where the notice starts: at "©" or its first word, so the links before
 * it in a footer line ("Legal notice | © X") are passed over. */
static size_t
notice_start(px_str s)
{
    size_t best = s.len;
    const char *c = px_str_find(s, "\xC2\xA9", 2);
    if (c != NULL) {
        best = (size_t)(c - s.ptr);
    }
    for (size_t k = 0; k < sizeof copyright_words / sizeof copyright_words[0];
         k++) {
        const char *p = ifind(s, copyright_words[k]);
        if (p != NULL && (size_t)(p - s.ptr) < best) {
            best = (size_t)(p - s.ptr);
        }
    }
    if (best == s.len) {
        return 0;
    }
    while (best > 0) { /* back to the start of the piece holding it */
        size_t b = 0;
        const UChar32 cp = prev_cp(s, best, &b);
        if (cp < 0 || !is_name_cp(cp)) {
            break;
        }
        best = b;
    }
    return best;
}

/* The owner named in a copyright line ("© 2026 The Coastal Ledger. All
 * rights reserved."): the first piece that, once the notice's own words are
 * removed, is a name of one to five words; else an empty slice. */
static px_str
copyright_owner(px_str s)
{
    size_t i = notice_start(s);
    while (i < s.len) {
        size_t b = i;
        size_t e = i;
        while (e < s.len) {
            size_t next = e;
            UChar32 cp;
            U8_NEXT(s.ptr, next, s.len, cp);
            if (cp < 0 || !is_name_cp(cp)) {
                break;
            }
            e = next;
        }
        i = e;
        if (i < s.len) {
            U8_FWD_1(s.ptr, i, s.len);
        }
        px_str piece = px_str_trim((px_str){s.ptr + b, e - b});
        for (size_t k = 0;
             k < sizeof copyright_words / sizeof copyright_words[0]; k++) {
            const char *p = ifind(piece, copyright_words[k]);
            if (p != NULL) { /* keep what follows the notice's words */
                const char *after = p + strlen(copyright_words[k]);
                const px_str before = {piece.ptr, (size_t)(p - piece.ptr)};
                const px_str rest = {after,
                                     (size_t)(piece.ptr + piece.len - after)};
                piece = px_str_trim(rest.len > 0 ? rest : before);
                if (rest.len > 0 && (unsigned char)p[0] >= 0x80) {
                    piece = drop_arabic_lam(piece); /* "محفوظة لـX" */
                }
            }
        }
        size_t n_words = piece.len > 0 ? 1 : 0;
        for (size_t k = 0; k < piece.len; k++) {
            n_words += piece.ptr[k] == ' ';
        }
        const size_t u = str_units(piece);
        const bool lower_word = n_words == 1 && piece.ptr[0] >= 'a' &&
                                piece.ptr[0] <= 'z'; /* "since", "logo" */
        if (n_words >= 1 && n_words <= 5 && u >= 3 && u <= 40 && !lower_word) {
            return piece;
        }
    }
    return (px_str){s.ptr, 0};
}

/* The site, when a copyright line after the article names its owner. */
static px_str
pick_site(const line *ls, size_t n, size_t end)
{
    for (size_t i = end + 1; i < n; i++) {
        if ((ls[i].cues & (CUE_COPYRIGHT | CUE_RIGHTS)) != 0) {
            const px_str owner = copyright_owner(ls[i].s);
            if (owner.len > 0) {
                return owner;
            }
        }
    }
    return (px_str){"", 0};
}

/* The date line for an article whose title (if any) is line title: near
 * the title, else just above the article, else signed under it. */
static bool
pick_any_date(const line *ls, size_t n, const size_t *title, size_t start,
              size_t end, size_t *out, const char **how)
{
    const size_t anchor = title != NULL ? *title : start;
    *how = title != NULL ? "text:near-title" : "text:near-start";
    if (pick_date(ls, n, anchor, title != NULL, start, out)) {
        return true;
    }
    *how = "text:above-article";
    if (pick_head_date(ls, start, out)) {
        return true;
    }
    *how = "text:published-after-article";
    return pick_signed_date(ls, n, end, out);
}

/* Title, date, author, site and the page's top date, all found around the
 * article that starts at line start and ends at line end. Values the caller
 * set before (from a JSON Lines record, say) are kept. */
static void
set_meta(px_article *a, const line *ls, size_t n, size_t start, size_t end)
{
    size_t title = 0;
    const bool has_title = pick_title(ls, n, start, &title);
    if (has_title && a->title == NULL) {
        px_article_set(a, &a->title, ls[title].s);
        px_article_signal(a, "title", "text:headline-line");
    }
    size_t d = SIZE_MAX;
    const char *how = NULL;
    if (a->published.prec == PX_PREC_NONE &&
        pick_any_date(ls, n, has_title ? &title : NULL, start, end, &d, &how)) {
        a->published = ls[d].date;
        px_article_signal(a, "date", how);
    }
    const size_t anchor = has_title ? title : start;
    const px_str author = pick_author(ls, n, anchor > 3 ? anchor - 3 : 0, end);
    if (author.len > 0 && a->author == NULL) {
        px_article_set(a, &a->author, author);
        px_article_signal(a, "author", "text:byline");
    }
    const px_str site = pick_site(ls, n, end);
    if (site.len > 0 && a->site == NULL) {
        px_article_set(a, &a->site, site);
        px_article_signal(a, "site", "text:copyright-line");
    }
    if (n > 0 && ls[0].is_dateline && start > 0 && d != 0 &&
        a->fetched == NULL) {
        set_date_field(a, &a->fetched, &ls[0].date);
        px_article_signal(a, "fetched", "text:top-of-page");
    }
}

px_status
px_textdump_extract(px_str text, px_article *a, px_error *err)
{
    line *ls = NULL;
    size_t n = 0;
    px_status rc = split_lines(text, &ls, &n, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (!analyse(ls, n)) {
        rc = px_fail(err, PX_ENOMEM, "textdump: out of memory");
        goto done;
    }
    size_t start = 0;
    size_t end = 0;
    if (!best_region(ls, n, &start, &end)) {
        rc =
            px_fail(err, PX_EEMPTY, "textdump: no article text (lines=%zu)", n);
        goto done;
    }
    rc = emit_paras(a, ls, start, end, err);
    if (rc != PX_OK) {
        goto done;
    }
    px_article_signal(a, "text", "text:line-scores");
    set_meta(a, ls, n, start, end);
    PX_LOG(PX_LOG_DEBUG, "textdump: article (lines=%zu start=%zu end=%zu)", n,
           start, end);
    if (px_arena_failed(a->arena)) {
        rc = px_fail(err, PX_ENOMEM, "textdump: out of memory");
    }
done:
    px_free(ls);
    return rc;
}

/* True if p[0..n) opens an HTML or XML tag or comment. */
static bool
has_tag(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] == '<') {
            const unsigned char c = p[i + 1];
            if (c == '!' || c == '?' || c == '/' || (c >= 'a' && c <= 'z') ||
                (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
    }
    return false;
}

bool
px_textdump_sniff(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        i = 3;
    }
    const size_t lim = n < 1024 ? n : 1024;
    while (i < lim &&
           (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) {
        i++;
    }
    if (i >= lim) {
        return false;
    }
    size_t j = i + 1;
    while (j < lim && (p[j] == ' ' || p[j] == '\n' || p[j] == '\r')) {
        j++;
    }
    const bool json_array =
        p[i] == '[' && j < lim && (p[j] == '{' || p[j] == '"' || p[j] == ']');
    if (p[i] == '{' || json_array ||
        (lim - i >= 5 && memcmp(p + i, "WARC/", 5) == 0) ||
        (n >= 2 && p[0] == 0x1F && p[1] == 0x8B) || has_tag(p, lim)) {
        return false;
    }
    size_t bad = 0;
    for (size_t k = 0; k < lim; k++) {
        if (p[k] == 0 || (p[k] < 0x20 && p[k] != '\t' && p[k] != '\n' &&
                          p[k] != '\r' && p[k] != '\f')) {
            bad++;
        }
    }
    return bad * 100 <= lim; /* at most 1% control bytes */
}
