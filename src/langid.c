/* langid.c - language and script identification (see langid.h).
 *
 * One pass over the text (or its bounded sample) counts letters per Unicode
 * script plus a few telling letters: Han characters that only Simplified or
 * only Traditional Chinese writes, Persian, Urdu and Pashto letters in
 * Arabic script, Ukrainian, Belarusian, Serbian and Macedonian letters in
 * Cyrillic. CLD2 then names the language; when it is unsure about a short
 * text in a non-Latin script, the script evidence decides instead.
 * Everything lives on the stack: no heap, no globals, thread-safe.
 */
#include "langid.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "cld2_shim.h"

#define N_SCRIPTS 256
/* Below this many letters CLD2's "reliable" is not trusted for non-Latin
 * scripts (its n-grams need context; script letters do not). */
#define SHORT_LETTERS 64
/* Share (percent) a script or language needs to be reported as "other". */
#define OTHER_MIN_PERCENT 5

typedef struct script_stats {
    uint32_t n[N_SCRIPTS]; /* letters per UScriptCode */
    uint32_t letters;
    uint32_t simp; /* Han characters only Simplified Chinese uses */
    uint32_t trad; /* ... only Traditional Chinese uses */
    uint32_t fas;  /* Arabic-script letters of Persian (and Urdu) */
    uint32_t urd;  /* ... of Urdu only */
    uint32_t pus;  /* ... of Pashto only */
    uint32_t ukr;  /* Cyrillic letters of Ukrainian only */
    uint32_t bel;
    uint32_t srp;
    uint32_t mkd;
} script_stats;

/* Common Han characters whose form differs between the two Chinese
 * scripts (hand-picked pairs: each Simplified form has its Traditional
 * form at the matching place in the word list, and neither is used by the
 * other script). Sorted for bsearch. */
static const uint32_t han_simplified[] = {
    0x4E13 /* 专 */, 0x4E1A /* 业 */, 0x4E1C /* 东 */, 0x4E24 /* 两 */,
    0x4E2A /* 个 */, 0x4E3A /* 为 */, 0x4E3E /* 举 */, 0x4E50 /* 乐 */,
    0x4E61 /* 乡 */, 0x4E66 /* 书 */, 0x4E70 /* 买 */, 0x4EA7 /* 产 */,
    0x4EB2 /* 亲 */, 0x4EBF /* 亿 */, 0x4ECE /* 从 */, 0x4EEC /* 们 */,
    0x4F1A /* 会 */, 0x4F24 /* 伤 */, 0x5173 /* 关 */, 0x5174 /* 兴 */,
    0x5199 /* 写 */, 0x519B /* 军 */, 0x519C /* 农 */, 0x529E /* 办 */,
    0x52A1 /* 务 */, 0x52A8 /* 动 */, 0x533A /* 区 */, 0x534E /* 华 */,
    0x5356 /* 卖 */, 0x5386 /* 历 */, 0x53BF /* 县 */, 0x53D1 /* 发 */,
    0x53D8 /* 变 */, 0x5458 /* 员 */, 0x56E2 /* 团 */, 0x56ED /* 园 */,
    0x56FD /* 国 */, 0x56FE /* 图 */, 0x573A /* 场 */, 0x5934 /* 头 */,
    0x5B66 /* 学 */, 0x5B9E /* 实 */, 0x5BF9 /* 对 */, 0x5BFC /* 导 */,
    0x5C06 /* 将 */, 0x5C81 /* 岁 */, 0x5E08 /* 师 */, 0x5E7F /* 广 */,
    0x5E94 /* 应 */, 0x5F00 /* 开 */, 0x5F53 /* 当 */, 0x603B /* 总 */,
    0x6218 /* 战 */, 0x62A5 /* 报 */, 0x65E0 /* 无 */, 0x65F6 /* 时 */,
    0x672F /* 术 */, 0x673A /* 机 */, 0x6740 /* 杀 */, 0x6743 /* 权 */,
    0x6765 /* 来 */, 0x6807 /* 标 */, 0x6837 /* 样 */, 0x6C14 /* 气 */,
    0x6CA1 /* 没 */, 0x6D4E /* 济 */, 0x70B9 /* 点 */, 0x70ED /* 热 */,
    0x7231 /* 爱 */, 0x73B0 /* 现 */, 0x7535 /* 电 */, 0x79BB /* 离 */,
    0x79CD /* 种 */, 0x7EA7 /* 级 */, 0x7EBF /* 线 */, 0x7EC4 /* 组 */,
    0x7EC7 /* 织 */, 0x7ECF /* 经 */, 0x7ED3 /* 结 */, 0x7ED9 /* 给 */,
    0x7EDF /* 统 */, 0x7F51 /* 网 */, 0x8054 /* 联 */, 0x89C1 /* 见 */,
    0x89C9 /* 觉 */, 0x8BA4 /* 认 */, 0x8BA9 /* 让 */, 0x8BAE /* 议 */,
    0x8BBA /* 论 */, 0x8BBE /* 设 */, 0x8BC1 /* 证 */, 0x8BC4 /* 评 */,
    0x8BC6 /* 识 */, 0x8BCD /* 词 */, 0x8BD1 /* 译 */, 0x8BD5 /* 试 */,
    0x8BE5 /* 该 */, 0x8BED /* 语 */, 0x8BF4 /* 说 */, 0x8BF7 /* 请 */,
    0x8BFB /* 读 */, 0x8C01 /* 谁 */, 0x8C03 /* 调 */, 0x8C08 /* 谈 */,
    0x8D22 /* 财 */, 0x8D23 /* 责 */, 0x8D28 /* 质 */, 0x8D2D /* 购 */,
    0x8D38 /* 贸 */, 0x8D39 /* 费 */, 0x8D44 /* 资 */, 0x8D5B /* 赛 */,
    0x8F66 /* 车 */, 0x8FB9 /* 边 */, 0x8FBE /* 达 */, 0x8FC7 /* 过 */,
    0x8FD0 /* 运 */, 0x8FD8 /* 还 */, 0x8FD9 /* 这 */, 0x8FDB /* 进 */,
    0x8FDC /* 远 */, 0x8FDE /* 连 */, 0x9009 /* 选 */, 0x949F /* 钟 */,
    0x94B1 /* 钱 */, 0x94C1 /* 铁 */, 0x94F6 /* 银 */, 0x957F /* 长 */,
    0x95E8 /* 门 */, 0x95EE /* 问 */, 0x9633 /* 阳 */, 0x9634 /* 阴 */,
    0x9645 /* 际 */, 0x9646 /* 陆 */, 0x9669 /* 险 */, 0x968F /* 随 */,
    0x96BE /* 难 */, 0x9898 /* 题 */, 0x989C /* 颜 */, 0x98CE /* 风 */,
    0x98DE /* 飞 */, 0x9A6C /* 马 */, 0x9A8C /* 验 */, 0x9C7C /* 鱼 */,
    0x9E1F /* 鸟 */, 0x9E21 /* 鸡 */, 0x9F99 /* 龙 */,
};
static const uint32_t han_traditional[] = {
    0x4F86 /* 來 */, 0x500B /* 個 */, 0x5011 /* 們 */, 0x50B7 /* 傷 */,
    0x5104 /* 億 */, 0x5169 /* 兩 */, 0x52D5 /* 動 */, 0x52D9 /* 務 */,
    0x5340 /* 區 */, 0x54E1 /* 員 */, 0x554F /* 問 */, 0x570B /* 國 */,
    0x5712 /* 園 */, 0x5716 /* 圖 */, 0x5718 /* 團 */, 0x5831 /* 報 */,
    0x5834 /* 場 */, 0x5B78 /* 學 */, 0x5BE6 /* 實 */, 0x5BEB /* 寫 */,
    0x5C07 /* 將 */, 0x5C08 /* 專 */, 0x5C0D /* 對 */, 0x5C0E /* 導 */,
    0x5E2B /* 師 */, 0x5EE3 /* 廣 */, 0x5F9E /* 從 */, 0x611B /* 愛 */,
    0x61C9 /* 應 */, 0x6230 /* 戰 */, 0x6642 /* 時 */, 0x66F8 /* 書 */,
    0x6703 /* 會 */, 0x6771 /* 東 */, 0x696D /* 業 */, 0x6A02 /* 樂 */,
    0x6A19 /* 標 */, 0x6A23 /* 樣 */, 0x6A5F /* 機 */, 0x6B0A /* 權 */,
    0x6B72 /* 歲 */, 0x6B77 /* 歷 */, 0x6BBA /* 殺 */, 0x6C23 /* 氣 */,
    0x6C92 /* 沒 */, 0x6FDF /* 濟 */, 0x70BA /* 為 */, 0x7121 /* 無 */,
    0x71B1 /* 熱 */, 0x73FE /* 現 */, 0x7522 /* 產 */, 0x7576 /* 當 */,
    0x767C /* 發 */, 0x7A2E /* 種 */, 0x7D1A /* 級 */, 0x7D44 /* 組 */,
    0x7D50 /* 結 */, 0x7D66 /* 給 */, 0x7D71 /* 統 */, 0x7D93 /* 經 */,
    0x7DB2 /* 網 */, 0x7DDA /* 線 */, 0x7E23 /* 縣 */, 0x7E3D /* 總 */,
    0x7E54 /* 織 */, 0x806F /* 聯 */, 0x8208 /* 興 */, 0x8209 /* 舉 */,
    0x83EF /* 華 */, 0x8853 /* 術 */, 0x898B /* 見 */, 0x89AA /* 親 */,
    0x89BA /* 覺 */, 0x8A2D /* 設 */, 0x8A55 /* 評 */, 0x8A5E /* 詞 */,
    0x8A66 /* 試 */, 0x8A72 /* 該 */, 0x8A8D /* 認 */, 0x8A9E /* 語 */,
    0x8AAA /* 說 */, 0x8AB0 /* 誰 */, 0x8ABF /* 調 */, 0x8AC7 /* 談 */,
    0x8ACB /* 請 */, 0x8AD6 /* 論 */, 0x8B49 /* 證 */, 0x8B58 /* 識 */,
    0x8B6F /* 譯 */, 0x8B70 /* 議 */, 0x8B80 /* 讀 */, 0x8B8A /* 變 */,
    0x8B93 /* 讓 */, 0x8CA1 /* 財 */, 0x8CAC /* 責 */, 0x8CB7 /* 買 */,
    0x8CBB /* 費 */, 0x8CBF /* 貿 */, 0x8CC7 /* 資 */, 0x8CE3 /* 賣 */,
    0x8CEA /* 質 */, 0x8CFC /* 購 */, 0x8CFD /* 賽 */, 0x8ECA /* 車 */,
    0x8ECD /* 軍 */, 0x8FA6 /* 辦 */, 0x8FB2 /* 農 */, 0x9019 /* 這 */,
    0x9023 /* 連 */, 0x9032 /* 進 */, 0x904B /* 運 */, 0x904E /* 過 */,
    0x9054 /* 達 */, 0x9060 /* 遠 */, 0x9078 /* 選 */, 0x9084 /* 還 */,
    0x908A /* 邊 */, 0x9109 /* 鄉 */, 0x9280 /* 銀 */, 0x9322 /* 錢 */,
    0x9418 /* 鐘 */, 0x9435 /* 鐵 */, 0x9577 /* 長 */, 0x9580 /* 門 */,
    0x958B /* 開 */, 0x95DC /* 關 */, 0x9670 /* 陰 */, 0x9678 /* 陸 */,
    0x967D /* 陽 */, 0x969B /* 際 */, 0x96A8 /* 隨 */, 0x96AA /* 險 */,
    0x96DE /* 雞 */, 0x96E2 /* 離 */, 0x96E3 /* 難 */, 0x96FB /* 電 */,
    0x982D /* 頭 */, 0x984C /* 題 */, 0x984F /* 顏 */, 0x98A8 /* 風 */,
    0x98DB /* 飛 */, 0x99AC /* 馬 */, 0x9A57 /* 驗 */, 0x9B5A /* 魚 */,
    0x9CE5 /* 鳥 */, 0x9EDE /* 點 */, 0x9F8D /* 龍 */,
};

static int
cmp_u32(const void *a, const void *b)
{
    const uint32_t x = *(const uint32_t *)a;
    const uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool
in_set(UChar32 cp, const uint32_t *set, size_t n)
{
    const uint32_t key = (uint32_t)cp;
    return bsearch(&key, set, n, sizeof set[0], cmp_u32) != NULL;
}

#define IN_SET(cp, set) in_set((cp), (set), sizeof(set) / sizeof((set)[0]))

static void
count_han(script_stats *s, UChar32 cp)
{
    if (IN_SET(cp, han_simplified)) {
        s->simp++;
    } else if (IN_SET(cp, han_traditional)) {
        s->trad++;
    }
}

static void
count_arabic(script_stats *s, UChar32 cp)
{
    switch (cp) {
    case 0x067E: /* peh */
    case 0x0686: /* tcheh */
    case 0x0698: /* jeh */
    case 0x06AF: /* gaf */
    case 0x06A9: /* keheh */
    case 0x06CC: /* farsi yeh */
        s->fas++;
        break;
    case 0x0679: /* tteh */
    case 0x0688: /* ddal */
    case 0x0691: /* rreh */
    case 0x06BA: /* noon ghunna */
    case 0x06D2: /* yeh barree */
    case 0x06C1: /* heh goal */
    case 0x06BE: /* heh doachashmee */
        s->urd++;
        break;
    case 0x067C: /* teh with ring */
    case 0x0681: /* hah with hamza above */
    case 0x0685: /* hah with three dots */
    case 0x0689: /* dal with ring */
    case 0x0693: /* reh with ring */
    case 0x0696: /* reh with dot below and above */
    case 0x069A: /* seen with dot below and above */
    case 0x06AB: /* kaf with ring */
    case 0x06BC: /* noon with ring */
        s->pus++;
        break;
    default:
        break;
    }
}

static void
count_cyrillic(script_stats *s, UChar32 cp)
{
    /* U+0400..U+040F are the capitals of U+0450..U+045F */
    const UChar32 lower = cp >= 0x0400 && cp < 0x0410 ? cp + 0x50 : cp;
    switch (lower) {
    case 0x0457: /* yi */
    case 0x0454: /* ukrainian ie */
        s->ukr++;
        break;
    case 0x045E: /* short u */
        s->bel++;
        break;
    case 0x0452: /* dje */
    case 0x045B: /* tshe */
        s->srp++;
        break;
    case 0x0453: /* gje */
    case 0x045C: /* kje */
    case 0x0455: /* dze */
        s->mkd++;
        break;
    default:
        if (cp == 0x0490 || cp == 0x0491) { /* ghe with upturn */
            s->ukr++;
        }
        break;
    }
}

/* Counts one non-ASCII letter under its script. */
static void
count_letter(script_stats *s, UChar32 cp)
{
    UErrorCode st = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(cp, &st);
    if (U_FAILURE(st) || sc <= USCRIPT_INHERITED || sc >= N_SCRIPTS) {
        return;
    }
    s->n[sc]++;
    s->letters++;
    if (sc == USCRIPT_HAN) {
        count_han(s, cp);
    } else if (sc == USCRIPT_ARABIC) {
        count_arabic(s, cp);
    } else if (sc == USCRIPT_CYRILLIC) {
        count_cyrillic(s, cp);
    }
}

/* Letters of the busiest blocks, counted without asking ICU: returns
 * false for code points it does not know, which take the general path. */
static bool
count_fast(script_stats *s, UChar32 cp)
{
    UScriptCode sc = USCRIPT_COMMON;
    if (cp >= 0x00C0 && cp <= 0x024F) {
        if (cp == 0x00D7 || cp == 0x00F7) { /* times, divide */
            return true;
        }
        sc = USCRIPT_LATIN;
    } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
        sc = USCRIPT_HAN;
        count_han(s, cp);
    } else if (cp >= 0xAC00 && cp <= 0xD7A3) {
        sc = USCRIPT_HANGUL;
    } else if (cp >= 0x3041 && cp <= 0x3096) {
        sc = USCRIPT_HIRAGANA;
    } else if (cp >= 0x30A1 && cp <= 0x30FA) {
        sc = USCRIPT_KATAKANA;
    } else if ((cp >= 0x0410 && cp <= 0x044F)) {
        sc = USCRIPT_CYRILLIC; /* the basic alphabet, no telling letters */
    } else {
        return false;
    }
    s->n[sc]++;
    s->letters++;
    return true;
}

static void
scan_scripts(px_str t, script_stats *s)
{
    const uint8_t *p = (const uint8_t *)t.ptr;
    const int32_t len = (int32_t)t.len; /* a sample: at most INT_MAX */
    int32_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            const uint8_t c = p[i] | 0x20;
            if (c >= 'a' && c <= 'z') {
                s->n[USCRIPT_LATIN]++;
                s->letters++;
            }
            i++;
            continue;
        }
        UChar32 cp = 0;
        U8_NEXT(p, i, len, cp);
        if (cp >= 0 && !count_fast(s, cp) && u_isalpha(cp)) {
            count_letter(s, cp);
        }
    }
}

/* ---- script evidence ------------------------------------------------- */

/* The dominant writing system: a UScriptCode, where kana with Han is
 * USCRIPT_JAPANESE and Hangul with Han is USCRIPT_KOREAN. *count is its
 * letters. */
static UScriptCode
main_script(const script_stats *s, uint32_t *count)
{
    const uint32_t han = s->n[USCRIPT_HAN];
    const uint32_t kana = s->n[USCRIPT_HIRAGANA] + s->n[USCRIPT_KATAKANA];
    const uint32_t hang = s->n[USCRIPT_HANGUL];
    UScriptCode best = USCRIPT_COMMON;
    uint32_t best_n = 0;
    for (int sc = 0; sc < N_SCRIPTS; sc++) {
        if (s->n[sc] > best_n && sc != USCRIPT_HIRAGANA &&
            sc != USCRIPT_KATAKANA && sc != USCRIPT_HANGUL) {
            best = (UScriptCode)sc;
            best_n = s->n[sc];
        }
    }
    /* Japanese writes kana in nearly every sentence; Korean may mix in
     * Han. A Chinese text quoting a katakana name stays Chinese. */
    const uint32_t jpan = kana * 10 >= kana + han ? kana + han : kana;
    const uint32_t kore = hang * 10 >= hang + han ? hang + han : hang;
    if (jpan > best_n && jpan >= kore) {
        best = USCRIPT_JAPANESE;
        best_n = jpan;
    } else if (kore > best_n) {
        best = USCRIPT_KOREAN;
        best_n = kore;
    }
    *count = best_n;
    return best;
}

/* Simplified or Traditional Chinese from the telling characters, or
 * USCRIPT_HAN when there are none. */
static UScriptCode
han_variant(const script_stats *s)
{
    if (s->simp == 0 && s->trad == 0) {
        return USCRIPT_HAN;
    }
    return s->trad > s->simp ? USCRIPT_TRADITIONAL_HAN : USCRIPT_SIMPLIFIED_HAN;
}

typedef struct script_lang {
    UScriptCode sc;
    const char *iso3;
    double confidence;
} script_lang;

/* Scripts that (nearly) name their language on their own. */
static const script_lang script_langs[] = {
    {USCRIPT_GREEK, "ell", 0.9},     {USCRIPT_HEBREW, "heb", 0.7},
    {USCRIPT_THAI, "tha", 0.9},      {USCRIPT_DEVANAGARI, "hin", 0.5},
    {USCRIPT_BENGALI, "ben", 0.7},   {USCRIPT_GURMUKHI, "pan", 0.9},
    {USCRIPT_GUJARATI, "guj", 0.9},  {USCRIPT_ORIYA, "ori", 0.9},
    {USCRIPT_TAMIL, "tam", 0.9},     {USCRIPT_TELUGU, "tel", 0.9},
    {USCRIPT_KANNADA, "kan", 0.9},   {USCRIPT_MALAYALAM, "mal", 0.9},
    {USCRIPT_SINHALA, "sin", 0.9},   {USCRIPT_LAO, "lao", 0.9},
    {USCRIPT_TIBETAN, "bod", 0.6},   {USCRIPT_MYANMAR, "mya", 0.8},
    {USCRIPT_GEORGIAN, "kat", 0.9},  {USCRIPT_ARMENIAN, "hye", 0.9},
    {USCRIPT_ETHIOPIC, "amh", 0.5},  {USCRIPT_KHMER, "khm", 0.9},
    {USCRIPT_THAANA, "div", 0.9},    {USCRIPT_SYRIAC, "syr", 0.8},
    {USCRIPT_JAPANESE, "jpn", 0.9},  {USCRIPT_KOREAN, "kor", 0.9},
    {USCRIPT_MONGOLIAN, "mon", 0.8}, {USCRIPT_CHEROKEE, "chr", 0.9},
    {USCRIPT_HIRAGANA, "jpn", 0.9},  {USCRIPT_KATAKANA, "jpn", 0.8},
    {USCRIPT_HANGUL, "kor", 0.9},    {USCRIPT_TIFINAGH, "zgh", 0.5},
    {USCRIPT_UCAS, "iku", 0.6},
};

/* Telling letters must be at least 2% of the script's letters. */
static bool
dominates(uint32_t marks, uint32_t letters)
{
    return marks > 0 && marks * 50 >= letters;
}

static const char *
arabic_lang(const script_stats *s, double *confidence)
{
    const uint32_t n = s->n[USCRIPT_ARABIC];
    *confidence = 0.7;
    if (dominates(s->pus, n)) {
        return "pus";
    }
    if (dominates(s->urd, n)) {
        return "urd";
    }
    if (dominates(s->fas, n)) {
        return "fas";
    }
    *confidence = 0.6;
    return "arb";
}

static const char *
cyrillic_lang(const script_stats *s, double *confidence)
{
    const uint32_t n = s->n[USCRIPT_CYRILLIC];
    *confidence = 0.6;
    if (s->ukr > 0 && s->ukr >= s->bel) {
        return "ukr";
    }
    if (s->bel > 0) {
        return "bel";
    }
    if (dominates(s->srp, n) && s->srp >= s->mkd) {
        return "srp-Cyrl";
    }
    if (s->mkd > 0) {
        return "mkd";
    }
    *confidence = 0.3;
    return "rus";
}

/* The language the script suggests, or NULL (Latin, unknown scripts). */
static const char *
script_language(const script_stats *s, UScriptCode sc, double *confidence)
{
    *confidence = 0.0;
    if (sc == USCRIPT_ARABIC) {
        return arabic_lang(s, confidence);
    }
    if (sc == USCRIPT_CYRILLIC) {
        return cyrillic_lang(s, confidence);
    }
    if (sc == USCRIPT_HAN) {
        *confidence = s->simp + s->trad >= 3 ? 0.8 : 0.6;
        return han_variant(s) == USCRIPT_TRADITIONAL_HAN ? "zho-Hant"
                                                         : "zho-Hans";
    }
    for (size_t i = 0; i < sizeof script_langs / sizeof script_langs[0]; i++) {
        if (script_langs[i].sc == sc) {
            *confidence = script_langs[i].confidence;
            return script_langs[i].iso3;
        }
    }
    return NULL;
}

/* ---- CLD2 ------------------------------------------------------------- */

typedef struct lang_weight {
    const char *iso3; /* static string from the CLD2 map */
    double bytes;     /* bytes CLD2 gave it, then letters (to_letters) */
    bool is_close;    /* CLD2 confuses it with close languages */
} lang_weight;

typedef struct cld2_vote {
    lang_weight lang[6]; /* top three of each of at most two samples */
    size_t n;
    double total; /* all letters' bytes CLD2 scored, unknown ones too */
    bool is_reliable;
} cld2_vote;

static void
vote_add(cld2_vote *v, const char *iso3, double bytes, bool is_close)
{
    for (size_t i = 0; i < v->n; i++) {
        if (strcmp(v->lang[i].iso3, iso3) == 0) {
            v->lang[i].bytes += bytes;
            return;
        }
    }
    if (v->n < sizeof v->lang / sizeof v->lang[0]) {
        v->lang[v->n++] = (lang_weight){iso3, bytes, is_close};
    }
}

static int
cmp_weight(const void *a, const void *b)
{
    const double x = ((const lang_weight *)a)->bytes;
    const double y = ((const lang_weight *)b)->bytes;
    return (x < y) - (x > y); /* decreasing */
}

/* Runs CLD2 on one sample and adds its verdict to v. */
static px_status
cld2_run(px_str t, cld2_vote *v, px_error *err)
{
    px_cld2_result r;
    int rc = px_cld2_detect(t.ptr, (int)t.len, &r);
    if (rc == 0 && r.valid_prefix > 0 && (size_t)r.valid_prefix < t.len) {
        /* CLD2 stops at the first byte that is not interchange-valid
         * UTF-8 (or a control character): keep what comes before it. */
        rc = px_cld2_detect(t.ptr, r.valid_prefix, &r);
    }
    if (rc != 0) {
        return px_fail(err, PX_ENOMEM, "langid: CLD2: out of memory");
    }
    v->total += r.text_bytes;
    v->is_reliable = v->is_reliable && r.is_reliable;
    for (int i = 0; i < 3; i++) {
        const char *iso3 = px_langid_from_cld2(r.code[i]);
        if (iso3 != NULL && r.percent[i] > 0) {
            vote_add(v, iso3, r.text_bytes * r.percent[i] / 100.0,
                     r.close_set[i] != 0);
        }
    }
    return PX_OK;
}

/* UTF-8 bytes per letter of a script: CLD2 counts bytes, but a page with
 * 100 English and 100 Arabic words is half English, not one third. */
static double
bytes_per_letter(const char *scripts)
{
    static const char two[] = "Cyrl Arab Grek Hebr Armn Syrc Thaa";
    if (scripts == NULL || strncmp(scripts, "Latn", 4) == 0) {
        return 1.0;
    }
    for (size_t i = 0; i + 4 <= sizeof two - 1; i += 5) {
        if (strncmp(scripts, two + i, 4) == 0) {
            return 2.0;
        }
    }
    return 3.0;
}

/* Turns v's byte counts into letter counts and sorts the languages by
 * decreasing share. Unnamed bytes count as one letter each. */
static void
to_letters(cld2_vote *v)
{
    double named = 0.0;
    double letters = 0.0;
    for (size_t i = 0; i < v->n; i++) {
        named += v->lang[i].bytes;
        v->lang[i].bytes /=
            bytes_per_letter(px_langid_cld2_script(v->lang[i].iso3));
        letters += v->lang[i].bytes;
    }
    v->total = letters + (v->total > named ? v->total - named : 0.0);
    qsort(v->lang, v->n, sizeof v->lang[0], cmp_weight);
}

/* Splits a text longer than 2 * s bytes into s-byte samples at its start
 * and middle, cut at code point boundaries. Returns the number of
 * samples. */
static size_t
take_samples(px_str t, size_t s, px_str part[2])
{
    if (t.len <= 2 * s) {
        part[0] = t;
        return 1;
    }
    const uint8_t *p = (const uint8_t *)t.ptr;
    size_t end = s;
    while (end > 0 && (p[end] & 0xC0) == 0x80) {
        end--;
    }
    size_t mid = t.len / 2;
    while (mid < t.len && (p[mid] & 0xC0) == 0x80) {
        mid++;
    }
    /* mid may have run far over stray continuation bytes */
    size_t mid_end = mid + s < t.len ? mid + s : t.len;
    while (mid_end > mid && mid_end < t.len && (p[mid_end] & 0xC0) == 0x80) {
        mid_end--;
    }
    part[0] = (px_str){t.ptr, end};
    part[1] = (px_str){t.ptr + mid, mid_end - mid};
    return 2;
}

/* ---- the verdict ------------------------------------------------------ */

static void
set_code(char *dst, size_t cap, const char *code)
{
    snprintf(dst, cap, "%s", code);
}

static int
share(double part, double whole)
{
    if (whole <= 0.0) {
        return 0;
    }
    const int p = (int)(100.0 * part / whole + 0.5);
    return p > 100 ? 100 : p;
}

static void
add_other(px_langid_result *out, const char *code, int percent)
{
    if (out->n_other >= PX_LANGID_MAX_OTHER || percent <= 0 ||
        strcmp(code, out->lang) == 0) {
        return;
    }
    for (size_t i = 0; i < out->n_other; i++) {
        if (strcmp(out->other[i].code, code) == 0) {
            out->other[i].percent += percent;
            return;
        }
    }
    px_langid_lang *o = &out->other[out->n_other++];
    set_code(o->code, sizeof o->code, code);
    o->percent = percent;
}

/* The script code langid reports for sc ("Hans" for Simplified Han...). */
static const char *
script_name(const script_stats *s, UScriptCode sc)
{
    if (sc == USCRIPT_HAN) {
        sc = han_variant(s);
    }
    return sc == USCRIPT_COMMON ? "Zyyy" : uscript_getShortName(sc);
}

/* Gives zho its script from the telling Han characters when there are
 * enough of them (CLD2 often calls short Traditional text Simplified),
 * turns Japanese without kana into Chinese, and gives srp the script it is
 * written in. */
static const char *
with_script(const char *iso3, const script_stats *s, UScriptCode main_sc)
{
    if (strncmp(iso3, "zho-", 4) == 0 && s->simp + s->trad >= 3) {
        return han_variant(s) == USCRIPT_TRADITIONAL_HAN ? "zho-Hant"
                                                         : "zho-Hans";
    }
    if (strcmp(iso3, "jpn") == 0 && s->n[USCRIPT_HIRAGANA] == 0 &&
        s->n[USCRIPT_KATAKANA] == 0 && s->n[USCRIPT_HAN] > 0) {
        /* CLD2 calls some short Chinese Japanese; Japanese writes kana */
        return han_variant(s) == USCRIPT_TRADITIONAL_HAN ? "zho-Hant"
                                                         : "zho-Hans";
    }
    if (strcmp(iso3, "srp") == 0) {
        return main_sc == USCRIPT_CYRILLIC ? "srp-Cyrl" : "srp-Latn";
    }
    return iso3;
}

/* The main script's name, made to agree with a Chinese verdict. */
static void
set_script(px_langid_result *out, const script_stats *s, UScriptCode sc)
{
    const char *name = script_name(s, sc);
    if (sc == USCRIPT_HAN && strncmp(out->lang, "zho-", 4) == 0) {
        name = out->lang + 4;
    }
    set_code(out->script, sizeof out->script, name != NULL ? name : "Zyyy");
}

static bool
is_bcms(const char *code)
{
    return strcmp(code, "bos") == 0 || strcmp(code, "hrv") == 0 ||
           strcmp(code, "srp-Latn") == 0;
}

static void
from_cld2(const cld2_vote *v, const script_stats *s, UScriptCode sc,
          const px_str *part, size_t n_part, px_langid_result *out)
{
    const char *lang = with_script(v->lang[0].iso3, s, sc);
    if (is_bcms(lang)) {
        lang = px_langid_bcms(part, n_part, lang);
    }
    set_code(out->lang, sizeof out->lang, lang);
    out->percent = share(v->lang[0].bytes, v->total);
    const double p = out->percent / 100.0;
    double conf = v->is_reliable ? 0.5 + 0.5 * p : 0.4 * p;
    if (s->letters < SHORT_LETTERS) {
        conf *= (double)s->letters / SHORT_LETTERS; /* n-grams need text */
    }
    out->confidence = conf;
    for (size_t i = 1; i < v->n; i++) {
        add_other(out, with_script(v->lang[i].iso3, s, sc),
                  share(v->lang[i].bytes, v->total));
    }
    set_script(out, s, sc);
}

/* True if script sc is part of the main writing system main_sc. */
static bool
in_main(UScriptCode sc, UScriptCode main_sc)
{
    if (sc == main_sc) {
        return true;
    }
    if (main_sc == USCRIPT_JAPANESE) {
        return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
               sc == USCRIPT_KATAKANA;
    }
    return main_sc == USCRIPT_KOREAN &&
           (sc == USCRIPT_HAN || sc == USCRIPT_HANGUL);
}

/* The first language CLD2 found in Latin script, for the Latin part of a
 * text decided by its script; "und" if none. */
static const char *
latin_guess(const cld2_vote *v)
{
    for (size_t i = 0; i < v->n; i++) {
        if (px_langid_cld2_supports(v->lang[i].iso3, "Latn")) {
            return v->lang[i].iso3;
        }
    }
    return "und";
}

/* For a script many languages share (Cyrillic without telling letters,
 * Devanagari, Ethiopic...), CLD2's unsure guess is still better than the
 * script's default when it names a language written in that script. */
static const char *
guess_in_script(const cld2_vote *v, UScriptCode sc)
{
    const char *name = uscript_getShortName(sc);
    for (size_t i = 0; name != NULL && i < v->n; i++) {
        const char *scripts = px_langid_cld2_script(v->lang[i].iso3);
        if (scripts != NULL && strncmp(scripts, name, 4) == 0) {
            return v->lang[i].iso3;
        }
    }
    return NULL;
}

static void
from_scripts(const cld2_vote *v, const script_stats *s, UScriptCode main_sc,
             uint32_t main_n, px_langid_result *out)
{
    double conf = 0.0;
    const char *lang = script_language(s, main_sc, &conf);
    if (conf < 0.6 && main_sc != USCRIPT_ARABIC) {
        const char *guess = guess_in_script(v, main_sc);
        if (guess != NULL) {
            lang = with_script(guess, s, main_sc);
            conf = 0.5;
        }
    }
    out->is_fallback = true;
    out->confidence = conf;
    out->percent = share(main_n, s->letters);
    set_code(out->lang, sizeof out->lang, lang != NULL ? lang : "und");
    for (int sc = 0; sc < N_SCRIPTS; sc++) {
        const int pc = share(s->n[sc], s->letters);
        if (pc < OTHER_MIN_PERCENT || in_main((UScriptCode)sc, main_sc)) {
            continue;
        }
        double c = 0.0;
        const char *other = sc == USCRIPT_LATIN
                                ? latin_guess(v)
                                : script_language(s, (UScriptCode)sc, &c);
        add_other(out, other != NULL ? other : "und", pc);
    }
    set_script(out, s, main_sc);
}

static bool
trust_cld2(const cld2_vote *v, UScriptCode main_sc, uint32_t letters)
{
    if (v->n == 0) {
        return false;
    }
    if (main_sc == USCRIPT_LATIN) {
        return true;
    }
    return v->is_reliable && letters >= SHORT_LETTERS;
}

/* True when the script alone names the language surely enough that CLD2
 * need not run: nearly all letters are in one script that (nearly) only
 * one language writes, or in Han with telling characters and no kana. */
static bool
script_decides(const script_stats *s, UScriptCode sc, uint32_t main_n)
{
    if (s->letters < SHORT_LETTERS || main_n * 100 < s->letters * 98) {
        return false;
    }
    double conf = 0.0;
    if (sc == USCRIPT_HAN) {
        return s->simp + s->trad >= 8 &&
               (s->simp >= 4 * s->trad || s->trad >= 4 * s->simp);
    }
    return sc != USCRIPT_ARABIC && sc != USCRIPT_CYRILLIC &&
           script_language(s, sc, &conf) != NULL && conf >= 0.8;
}

/* Runs CLD2 on the samples: first on the opening quick bytes alone, and
 * on everything when that verdict is unsure, names a language CLD2 has
 * close relatives for, or the text mixes scripts. */
static px_status
vote(const px_str *part, size_t n, const px_langid_opts *o,
     const script_stats *s, uint32_t main_n, cld2_vote *v, px_error *err)
{
    px_str head = part[0];
    const bool one_script = main_n * 100 >= s->letters * 95;
    if (one_script && o->quick_bytes > 0 && head.len > 2 * o->quick_bytes) {
        px_str q[2];
        take_samples(head, o->quick_bytes, q);
        *v = (cld2_vote){.n = 0, .total = 0.0, .is_reliable = true};
        px_status rc = cld2_run(q[0], v, err);
        if (rc != PX_OK) {
            return rc;
        }
        to_letters(v);
        if (v->is_reliable && v->n > 0 && !v->lang[0].is_close &&
            v->lang[0].bytes >= 0.9 * v->total) {
            return PX_OK;
        }
    }
    *v = (cld2_vote){.n = 0, .total = 0.0, .is_reliable = true};
    for (size_t i = 0; i < n; i++) {
        const px_status rc = cld2_run(part[i], v, err);
        if (rc != PX_OK) {
            return rc;
        }
    }
    to_letters(v);
    return PX_OK;
}

px_status
px_langid_detect_opts(px_str text, const px_langid_opts *o,
                      px_langid_result *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    set_code(out->lang, sizeof out->lang, "und");
    set_code(out->script, sizeof out->script, "Zyyy");
    if (text.ptr == NULL || text.len == 0) {
        return PX_OK;
    }
    px_str part[2];
    /* CLD2 takes an int length: keep both samples far below INT_MAX */
    const size_t sample = o->sample_bytes == 0 ? PX_LANGID_SAMPLE
                          : o->sample_bytes > PX_LANGID_MAX_SAMPLE
                              ? PX_LANGID_MAX_SAMPLE
                              : o->sample_bytes;
    const size_t n = take_samples(text, sample, part);
    script_stats s;
    memset(&s, 0, sizeof s);
    for (size_t i = 0; i < n; i++) {
        scan_scripts(part[i], &s);
    }
    uint32_t main_n = 0;
    const UScriptCode sc = main_script(&s, &main_n);
    cld2_vote v = {.n = 0, .total = 0.0, .is_reliable = true};
    if (s.letters == 0) {
        return PX_OK;
    }
    if (o->script_shortcut && script_decides(&s, sc, main_n)) {
        from_scripts(&v, &s, sc, main_n, out);
        return PX_OK;
    }
    const px_status rc = vote(part, n, o, &s, main_n, &v, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (trust_cld2(&v, sc, s.letters)) {
        from_cld2(&v, &s, sc, part, n, out);
    } else {
        from_scripts(&v, &s, sc, main_n, out);
    }
    return PX_OK;
}

px_status
px_langid_detect(px_str text, px_langid_result *out, px_error *err)
{
    static const px_langid_opts defaults = {PX_LANGID_SAMPLE, PX_LANGID_QUICK,
                                            true};
    return px_langid_detect_opts(text, &defaults, out, err);
}

px_status
px_langid(const char *text, size_t len, char lang[16], double *confidence,
          px_error *err)
{
    if (text == NULL && len > 0) {
        return px_fail(err, PX_EINVAL, "langid: NULL text");
    }
    px_langid_result r;
    const px_status rc = px_langid_detect((px_str){text, len}, &r, err);
    memcpy(lang, r.lang, sizeof r.lang);
    if (confidence != NULL) {
        *confidence = r.confidence;
    }
    return rc;
}
