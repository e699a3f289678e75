/* charset.c - page bytes of any charset to NFC UTF-8.
 *
 * The choice of charset takes the strongest evidence first: a BOM, the
 * transport's label, a <meta> (or XML) declaration in the head of HTML
 * (first 32 KiB at most; long scripts push some metas past 4 KiB), then "the
 * bytes are UTF-8", then ICU's detector on the page's text (tags, scripts and
 * styles stripped). A declaration that the bytes contradict is skipped: "utf-8"
 * on bytes that are not UTF-8, or a legacy charset on bytes that are
 * well-formed UTF-8 with several multibyte sequences (which legacy text almost
 * never is). Labels map the WHATWG way.
 *
 * Output invariants: valid UTF-8, NFC, no U+0000, NUL-terminated in the
 * arena. Well-formed UTF-8 that is already NFC (checked code point by code
 * point, with fixed ranges known to be NFC starters and ICU's properties
 * for the rest) is copied once; everything else goes through UTF-16.
 */
#include "charset.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "error.h"

#define PRESCAN_LEN                                                            \
    32768              /* bytes searched for <meta charset>, up to <body>      \
                        */
#define SNIFF_LEN 8192 /* bytes examined for binary data / UTF-16 */
/* ICU's single-byte recognizers run an n-gram model per language over the
 * sample (about 0.5 us per byte in all), so the sample is the text that
 * matters: runs holding high bytes, 1 KiB of them. */
#define SAMPLE_LEN   1024
#define SAMPLE_MIN   256 /* below this, text inside markup is sampled too */
#define DECODE_MAX   ((size_t)256 * 1024 * 1024) /* ICU lengths are int32 */
#define LABEL_MAX    48
#define SCAN_GIVE_UP 256 /* ill-formed sequences that settle "not UTF-8" */
#define UTF8_VOUCH   4   /* multibyte sequences that overrule a legacy label */

/* ---- encodings and labels --------------------------------------------- */

typedef enum {
    ENC_UTF8,
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_UTF32LE,
    ENC_UTF32BE,
    ENC_GBK,
    ENC_GB18030,
    ENC_BIG5,
    ENC_SJIS,
    ENC_EUCJP,
    ENC_ISO2022JP,
    ENC_EUCKR,
    ENC_IBM866,
    ENC_8859_2,
    ENC_8859_3,
    ENC_8859_4,
    ENC_8859_5,
    ENC_8859_6,
    ENC_8859_7,
    ENC_8859_8,
    ENC_8859_10,
    ENC_8859_13,
    ENC_8859_14,
    ENC_8859_15,
    ENC_KOI8R,
    ENC_KOI8U,
    ENC_MAC,
    ENC_MACCYR,
    ENC_874,
    ENC_1250,
    ENC_1251,
    ENC_1252,
    ENC_1253,
    ENC_1254,
    ENC_1255,
    ENC_1256,
    ENC_1257,
    ENC_1258,
    ENC_COUNT
} enc_id;

typedef struct encoding {
    const char *name; /* WHATWG name, reported in px_decoded.charset */
    const char *icu;  /* ICU converter name (canonical, no alias lookup) */
    bool is_ascii;    /* bytes < 0x80 are ASCII */
} encoding;

static const encoding encodings[ENC_COUNT] = {
    [ENC_UTF8] = {"UTF-8", "UTF-8", true},
    [ENC_UTF16LE] = {"UTF-16LE", "UTF-16LE", false},
    [ENC_UTF16BE] = {"UTF-16BE", "UTF-16BE", false},
    [ENC_UTF32LE] = {"UTF-32LE", "UTF-32LE", false},
    [ENC_UTF32BE] = {"UTF-32BE", "UTF-32BE", false},
    [ENC_GBK] = {"GBK", "gb18030", true},
    [ENC_GB18030] = {"gb18030", "gb18030", true},
    [ENC_BIG5] = {"Big5", "ibm-1375_P100-2008", true},
    [ENC_SJIS] = {"Shift_JIS", "ibm-943_P15A-2003", true},
    [ENC_EUCJP] = {"EUC-JP", "euc-jp-2007", true},
    [ENC_ISO2022JP] = {"ISO-2022-JP", "ISO-2022-JP", false},
    [ENC_EUCKR] = {"EUC-KR", "windows-949-2000", true},
    [ENC_IBM866] = {"IBM866", "ibm-866_P100-1995", true},
    [ENC_8859_2] = {"ISO-8859-2", "ibm-912_P100-1995", true},
    [ENC_8859_3] = {"ISO-8859-3", "ibm-913_P100-2000", true},
    [ENC_8859_4] = {"ISO-8859-4", "ibm-914_P100-1995", true},
    [ENC_8859_5] = {"ISO-8859-5", "ibm-915_P100-1995", true},
    [ENC_8859_6] = {"ISO-8859-6", "ibm-1089_P100-1995", true},
    [ENC_8859_7] = {"ISO-8859-7", "ibm-9005_X110-2007", true},
    [ENC_8859_8] = {"ISO-8859-8", "ibm-5012_P100-1999", true},
    [ENC_8859_10] = {"ISO-8859-10", "iso-8859_10-1998", true},
    [ENC_8859_13] = {"ISO-8859-13", "ibm-921_P100-1995", true},
    [ENC_8859_14] = {"ISO-8859-14", "iso-8859_14-1998", true},
    [ENC_8859_15] = {"ISO-8859-15", "ibm-923_P100-1998", true},
    [ENC_KOI8R] = {"KOI8-R", "ibm-878_P100-1996", true},
    [ENC_KOI8U] = {"KOI8-U", "ibm-1168_P100-2002", true},
    [ENC_MAC] = {"macintosh", "macos-0_2-10.2", true},
    [ENC_MACCYR] = {"x-mac-cyrillic", "macos-7_3-10.2", true},
    [ENC_874] = {"windows-874", "windows-874-2000", true},
    [ENC_1250] = {"windows-1250", "ibm-5346_P100-1998", true},
    [ENC_1251] = {"windows-1251", "ibm-5347_P100-1998", true},
    [ENC_1252] = {"windows-1252", "ibm-5348_P100-1997", true},
    [ENC_1253] = {"windows-1253", "ibm-5349_P100-1998", true},
    [ENC_1254] = {"windows-1254", "ibm-5350_P100-1998", true},
    [ENC_1255] = {"windows-1255", "ibm-9447_P100-2002", true},
    [ENC_1256] = {"windows-1256", "ibm-9448_X100-2005", true},
    [ENC_1257] = {"windows-1257", "ibm-9449_P100-2002", true},
    [ENC_1258] = {"windows-1258", "ibm-5354_P100-1998", true},
};

typedef struct label {
    const char *label; /* lower case */
    enc_id enc;
} label;

/* The WHATWG Encoding Standard's labels, plus common extras (cp936, euc-cn,
 * cp950, cp932, cp949, utf-32) and the names ICU's detector reports. */
static const label labels[] = {
    {"utf-8", ENC_UTF8},
    {"utf8", ENC_UTF8},
    {"unicode-1-1-utf-8", ENC_UTF8},
    {"unicode11utf8", ENC_UTF8},
    {"unicode20utf8", ENC_UTF8},
    {"x-unicode20utf8", ENC_UTF8},
    {"utf-16", ENC_UTF16LE},
    {"utf-16le", ENC_UTF16LE},
    {"unicode", ENC_UTF16LE},
    {"unicodefeff", ENC_UTF16LE},
    {"ucs-2", ENC_UTF16LE},
    {"csunicode", ENC_UTF16LE},
    {"iso-10646-ucs-2", ENC_UTF16LE},
    {"utf-16be", ENC_UTF16BE},
    {"unicodefffe", ENC_UTF16BE},
    {"utf-32", ENC_UTF32LE},
    {"utf-32le", ENC_UTF32LE},
    {"utf-32be", ENC_UTF32BE},
    {"gbk", ENC_GBK},
    {"gb2312", ENC_GBK},
    {"gb_2312", ENC_GBK},
    {"gb_2312-80", ENC_GBK},
    {"x-gbk", ENC_GBK},
    {"chinese", ENC_GBK},
    {"csgb2312", ENC_GBK},
    {"csiso58gb231280", ENC_GBK},
    {"iso-ir-58", ENC_GBK},
    {"cp936", ENC_GBK},
    {"windows-936", ENC_GBK},
    {"euc-cn", ENC_GBK},
    {"gb18030", ENC_GB18030},
    {"big5", ENC_BIG5},
    {"big5-hkscs", ENC_BIG5},
    {"cn-big5", ENC_BIG5},
    {"csbig5", ENC_BIG5},
    {"x-x-big5", ENC_BIG5},
    {"cp950", ENC_BIG5},
    {"windows-950", ENC_BIG5},
    {"shift_jis", ENC_SJIS},
    {"shift-jis", ENC_SJIS},
    {"sjis", ENC_SJIS},
    {"x-sjis", ENC_SJIS},
    {"csshiftjis", ENC_SJIS},
    {"ms932", ENC_SJIS},
    {"ms_kanji", ENC_SJIS},
    {"windows-31j", ENC_SJIS},
    {"cp932", ENC_SJIS},
    {"euc-jp", ENC_EUCJP},
    {"x-euc-jp", ENC_EUCJP},
    {"cseucpkdfmtjapanese", ENC_EUCJP},
    {"iso-2022-jp", ENC_ISO2022JP},
    {"csiso2022jp", ENC_ISO2022JP},
    {"euc-kr", ENC_EUCKR},
    {"cseuckr", ENC_EUCKR},
    {"csksc56011987", ENC_EUCKR},
    {"iso-ir-149", ENC_EUCKR},
    {"korean", ENC_EUCKR},
    {"ks_c_5601-1987", ENC_EUCKR},
    {"ks_c_5601-1989", ENC_EUCKR},
    {"ksc5601", ENC_EUCKR},
    {"ksc_5601", ENC_EUCKR},
    {"windows-949", ENC_EUCKR},
    {"cp949", ENC_EUCKR},
    {"866", ENC_IBM866},
    {"cp866", ENC_IBM866},
    {"csibm866", ENC_IBM866},
    {"ibm866", ENC_IBM866},
    {"iso-8859-2", ENC_8859_2},
    {"iso8859-2", ENC_8859_2},
    {"iso88592", ENC_8859_2},
    {"iso_8859-2", ENC_8859_2},
    {"iso_8859-2:1987", ENC_8859_2},
    {"iso-ir-101", ENC_8859_2},
    {"csisolatin2", ENC_8859_2},
    {"l2", ENC_8859_2},
    {"latin2", ENC_8859_2},
    {"iso-8859-3", ENC_8859_3},
    {"iso8859-3", ENC_8859_3},
    {"iso88593", ENC_8859_3},
    {"iso_8859-3", ENC_8859_3},
    {"iso_8859-3:1988", ENC_8859_3},
    {"iso-ir-109", ENC_8859_3},
    {"csisolatin3", ENC_8859_3},
    {"l3", ENC_8859_3},
    {"latin3", ENC_8859_3},
    {"iso-8859-4", ENC_8859_4},
    {"iso8859-4", ENC_8859_4},
    {"iso88594", ENC_8859_4},
    {"iso_8859-4", ENC_8859_4},
    {"iso_8859-4:1988", ENC_8859_4},
    {"iso-ir-110", ENC_8859_4},
    {"csisolatin4", ENC_8859_4},
    {"l4", ENC_8859_4},
    {"latin4", ENC_8859_4},
    {"iso-8859-5", ENC_8859_5},
    {"iso8859-5", ENC_8859_5},
    {"iso88595", ENC_8859_5},
    {"iso_8859-5", ENC_8859_5},
    {"iso_8859-5:1988", ENC_8859_5},
    {"iso-ir-144", ENC_8859_5},
    {"csisolatincyrillic", ENC_8859_5},
    {"cyrillic", ENC_8859_5},
    {"iso-8859-6", ENC_8859_6},
    {"iso8859-6", ENC_8859_6},
    {"iso88596", ENC_8859_6},
    {"iso_8859-6", ENC_8859_6},
    {"iso_8859-6:1987", ENC_8859_6},
    {"iso-8859-6-e", ENC_8859_6},
    {"iso-8859-6-i", ENC_8859_6},
    {"iso-ir-127", ENC_8859_6},
    {"csiso88596e", ENC_8859_6},
    {"csiso88596i", ENC_8859_6},
    {"csisolatinarabic", ENC_8859_6},
    {"arabic", ENC_8859_6},
    {"asmo-708", ENC_8859_6},
    {"ecma-114", ENC_8859_6},
    {"iso-8859-7", ENC_8859_7},
    {"iso8859-7", ENC_8859_7},
    {"iso88597", ENC_8859_7},
    {"iso_8859-7", ENC_8859_7},
    {"iso_8859-7:1987", ENC_8859_7},
    {"iso-ir-126", ENC_8859_7},
    {"csisolatingreek", ENC_8859_7},
    {"ecma-118", ENC_8859_7},
    {"elot_928", ENC_8859_7},
    {"greek", ENC_8859_7},
    {"greek8", ENC_8859_7},
    {"sun_eu_greek", ENC_8859_7},
    {"iso-8859-8", ENC_8859_8},
    {"iso8859-8", ENC_8859_8},
    {"iso88598", ENC_8859_8},
    {"iso_8859-8", ENC_8859_8},
    {"iso_8859-8:1988", ENC_8859_8},
    {"iso-8859-8-e", ENC_8859_8},
    {"iso-8859-8-i", ENC_8859_8},
    {"iso-ir-138", ENC_8859_8},
    {"csiso88598e", ENC_8859_8},
    {"csiso88598i", ENC_8859_8},
    {"csisolatinhebrew", ENC_8859_8},
    {"hebrew", ENC_8859_8},
    {"visual", ENC_8859_8},
    {"logical", ENC_8859_8},
    {"iso-8859-10", ENC_8859_10},
    {"iso8859-10", ENC_8859_10},
    {"iso885910", ENC_8859_10},
    {"iso-ir-157", ENC_8859_10},
    {"csisolatin6", ENC_8859_10},
    {"l6", ENC_8859_10},
    {"latin6", ENC_8859_10},
    {"iso-8859-13", ENC_8859_13},
    {"iso8859-13", ENC_8859_13},
    {"iso885913", ENC_8859_13},
    {"iso-8859-14", ENC_8859_14},
    {"iso8859-14", ENC_8859_14},
    {"iso885914", ENC_8859_14},
    {"iso-8859-15", ENC_8859_15},
    {"iso8859-15", ENC_8859_15},
    {"iso885915", ENC_8859_15},
    {"iso_8859-15", ENC_8859_15},
    {"csisolatin9", ENC_8859_15},
    {"l9", ENC_8859_15},
    {"koi8-r", ENC_KOI8R},
    {"koi8_r", ENC_KOI8R},
    {"koi8", ENC_KOI8R},
    {"koi", ENC_KOI8R},
    {"cskoi8r", ENC_KOI8R},
    {"koi8-u", ENC_KOI8U},
    {"koi8-ru", ENC_KOI8U},
    {"macintosh", ENC_MAC},
    {"mac", ENC_MAC},
    {"csmacintosh", ENC_MAC},
    {"x-mac-roman", ENC_MAC},
    {"x-mac-cyrillic", ENC_MACCYR},
    {"x-mac-ukrainian", ENC_MACCYR},
    {"windows-874", ENC_874},
    {"dos-874", ENC_874},
    {"tis-620", ENC_874},
    {"iso-8859-11", ENC_874},
    {"iso8859-11", ENC_874},
    {"iso885911", ENC_874},
    {"windows-1250", ENC_1250},
    {"cp1250", ENC_1250},
    {"x-cp1250", ENC_1250},
    {"windows-1251", ENC_1251},
    {"cp1251", ENC_1251},
    {"x-cp1251", ENC_1251},
    {"windows-1252", ENC_1252},
    {"cp1252", ENC_1252},
    {"x-cp1252", ENC_1252},
    {"iso-8859-1", ENC_1252},
    {"iso8859-1", ENC_1252},
    {"iso88591", ENC_1252},
    {"iso_8859-1", ENC_1252},
    {"iso_8859-1:1987", ENC_1252},
    {"iso-ir-100", ENC_1252},
    {"csisolatin1", ENC_1252},
    {"l1", ENC_1252},
    {"latin1", ENC_1252},
    {"latin-1", ENC_1252},
    {"cp819", ENC_1252},
    {"ibm819", ENC_1252},
    {"ascii", ENC_1252},
    {"us-ascii", ENC_1252},
    {"ansi_x3.4-1968", ENC_1252},
    {"x-user-defined", ENC_1252},
    {"windows-1253", ENC_1253},
    {"cp1253", ENC_1253},
    {"x-cp1253", ENC_1253},
    {"windows-1254", ENC_1254},
    {"cp1254", ENC_1254},
    {"x-cp1254", ENC_1254},
    {"iso-8859-9", ENC_1254},
    {"iso8859-9", ENC_1254},
    {"iso88599", ENC_1254},
    {"iso_8859-9", ENC_1254},
    {"iso_8859-9:1989", ENC_1254},
    {"iso-ir-148", ENC_1254},
    {"csisolatin5", ENC_1254},
    {"l5", ENC_1254},
    {"latin5", ENC_1254},
    {"windows-1255", ENC_1255},
    {"cp1255", ENC_1255},
    {"x-cp1255", ENC_1255},
    {"windows-1256", ENC_1256},
    {"cp1256", ENC_1256},
    {"x-cp1256", ENC_1256},
    {"windows-1257", ENC_1257},
    {"cp1257", ENC_1257},
    {"x-cp1257", ENC_1257},
    {"windows-1258", ENC_1258},
    {"cp1258", ENC_1258},
    {"x-cp1258", ENC_1258},
};

static bool
is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Position of needle (lower case ASCII) in p[i..n) ignoring case, or n. */
static size_t
find_ci(const unsigned char *p, size_t i, size_t n, const char *needle)
{
    const size_t m = strlen(needle);
    for (; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && px_ascii_lower(p[i + k]) == (unsigned char)needle[k]) {
            k++;
        }
        if (k == m) {
            return i;
        }
    }
    return n;
}

static bool
has_prefix_ci(const unsigned char *p, size_t i, size_t n, const char *prefix)
{
    const size_t m = strlen(prefix);
    return i + m <= n && find_ci(p, i, i + m, prefix) == i;
}

/* The encoding a label names, or -1. Surrounding spaces and quotes are
 * ignored, case too; a whole "text/html; charset=x" is accepted. */
static int
label_enc(const char *s, size_t len)
{
    px_str v = {s, len};
    const size_t cs = find_ci((const unsigned char *)s, 0, len, "charset=");
    if (cs < len) {
        v = (px_str){s + cs + 8, len - cs - 8};
    }
    size_t b = 0;
    while (b < v.len && (is_space((unsigned char)v.ptr[b]) || v.ptr[b] == '"' ||
                         v.ptr[b] == '\'')) {
        b++;
    }
    size_t e = b;
    while (e < v.len && !is_space((unsigned char)v.ptr[e]) &&
           strchr("\"';,/>", v.ptr[e]) == NULL) {
        e++;
    }
    char low[LABEL_MAX];
    if (e - b == 0 || e - b >= LABEL_MAX) {
        return -1;
    }
    for (size_t i = b; i < e; i++) {
        low[i - b] = (char)px_ascii_lower((unsigned char)v.ptr[i]);
    }
    low[e - b] = '\0';
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        if (strcmp(labels[i].label, low) == 0) {
            return (int)labels[i].enc;
        }
    }
    return -1;
}

/* ---- looking at the bytes --------------------------------------------- */

/* Code point ranges whose members are all NFC_QC=Yes with combining class
 * 0, so text made of them (and ASCII) is NFC whatever their order. The
 * unit test checks every member against ICU. Sorted. */
static const UChar32 nfc_starters[][2] = {
    {0x0000, 0x02FF}, {0x0400, 0x0482}, {0x048A, 0x052F}, {0x0621, 0x064A},
    {0x0660, 0x066F}, {0x0671, 0x06D3}, {0x1E00, 0x1EFF}, {0x2010, 0x2027},
    {0x2030, 0x205E}, {0x20A0, 0x20C0}, {0x3000, 0x3029}, {0x3030, 0x303F},
    {0x3041, 0x3096}, {0x309B, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E},
    {0x3400, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFF01, 0xFFEF},
};

static bool
is_nfc_starter(UChar32 c)
{
    size_t lo = 0;
    size_t hi = sizeof nfc_starters / sizeof nfc_starters[0];
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (c < nfc_starters[mid][0]) {
            hi = mid;
        } else if (c > nfc_starters[mid][1]) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

/* What scan_utf8 found. Counting stops once SCAN_GIVE_UP ill-formed
 * sequences outnumber the good ones: the bytes are not UTF-8 then. */
typedef struct u8scan {
    size_t n_invalid;  /* ill-formed sequences */
    size_t n_mb;       /* well-formed multibyte sequences */
    size_t n_nul;      /* NUL bytes */
    bool maybe_denorm; /* some code point may change under NFC */
    char *copy;        /* the bytes, copied during the scan (or NULL) */
} u8scan;

/* True if none of the 8 bytes of w is NUL or has its high bit set. */
static bool
word_plain_ascii(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t highs = 0x8080808080808080u;
    const uint64_t has_zero = (w - ones) & ~w & highs;
    return ((w | has_zero) & highs) == 0;
}

/* True if none of the 32 bytes at p is NUL or has its high bit set. */
static bool
block_plain_ascii(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t highs = 0x8080808080808080u;
    uint64_t w[4];
    memcpy(w, p, sizeof w);
    uint64_t bad = 0;
    for (int k = 0; k < 4; k++) {
        bad |= w[k] | ((w[k] - ones) & ~w[k]);
    }
    return (bad & highs) == 0;
}

/* The code point of the 2- or 3-byte sequence at p[0..avail), its length
 * in *len, or -1 (then U8_NEXT decides). Text outside ASCII is mostly in
 * these; decoding them here is much faster than the general macro. */
static UChar32
next_2_3(const unsigned char *p, int32_t avail, int32_t *len)
{
    const unsigned c0 = p[0];
    if (c0 >= 0xC2 && c0 <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80) {
        *len = 2;
        return (UChar32)(((c0 & 0x1F) << 6) | (p[1] & 0x3F));
    }
    if (((c0 >= 0xE1 && c0 <= 0xEC) || c0 >= 0xEE) && c0 <= 0xEF &&
        avail >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *len = 3;
        return (UChar32)(((c0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) |
                         (p[2] & 0x3F));
    }
    return -1;
}

/* Whether c could take part in a change under NFC, updating *prev_ccc
 * (the combining class of the code point before). */
static bool
may_denormalize(UChar32 c, uint8_t *prev_ccc)
{
    if (c < 0x300 || (c >= 0x3400 && c <= 0x9FFF) || is_nfc_starter(c)) {
        *prev_ccc = 0;
        return false;
    }
    const uint8_t ccc = u_getCombiningClass(c);
    const bool bad =
        u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
        (ccc != 0 && ccc < *prev_ccc);
    *prev_ccc = ccc;
    return bad;
}

/* Copies the 32 bytes at p to d if d is not NULL. */
static void
copy_block(char *d, const unsigned char *p)
{
    if (d != NULL) {
        memcpy(d, p, 32);
    }
}

/* Counts what px_charset_decode needs to know about p as UTF-8, and whether
 * NFC could change it (as unorm2_quickCheck would answer "not yes"). If
 * dst (room for len bytes) is not NULL the bytes are copied there on the
 * way, and sc->copy is dst when the scan went to the end. */
static void
scan_utf8(const unsigned char *p, size_t len, u8scan *sc, char *dst)
{
    memset(sc, 0, sizeof *sc);
    const int32_t n = (int32_t)len;
    int32_t i = 0;
    int32_t from = 0; /* bytes before it are copied to dst */
    uint8_t prev_ccc = 0;
    while (i < n) {
        if (n - i >= 32 && block_plain_ascii(p + i)) {
            if (dst != NULL) {
                memcpy(dst + from, p + from, (size_t)(i - from));
            }
            do {
                copy_block(dst != NULL ? dst + i : NULL, p + i);
                i += 32;
            } while (n - i >= 32 && block_plain_ascii(p + i));
            from = i;
            prev_ccc = 0;
        }
        if (i >= n) {
            break; /* the input ended with a whole block of ASCII */
        }
        uint64_t w;
        if (n - i >= 8 && (memcpy(&w, p + i, 8), word_plain_ascii(w))) {
            i += 8;
            prev_ccc = 0;
            continue;
        }
        if (p[i] < 0x80) {
            sc->n_nul += p[i] == 0;
            i++;
            prev_ccc = 0;
            continue;
        }
        int32_t k = 0;
        UChar32 c = next_2_3(p + i, n - i, &k);
        if (c >= 0) {
            i += k;
        } else {
            U8_NEXT(p, i, n, c);
        }
        if (c < 0) {
            sc->n_invalid++;
            prev_ccc = 0;
            if (sc->n_invalid > SCAN_GIVE_UP && sc->n_invalid > sc->n_mb) {
                return; /* not UTF-8: the exact counts no longer matter */
            }
            continue;
        }
        sc->n_mb++;
        if (!sc->maybe_denorm && may_denormalize(c, &prev_ccc)) {
            sc->maybe_denorm = true;
        }
    }
    if (dst != NULL) {
        memcpy(dst + from, p + from, (size_t)(n - from));
        sc->copy = dst;
    }
}

/* Well-formed enough to be UTF-8: nothing ill-formed, or a few stray bytes
 * among many good multibyte sequences. */
static bool
utf8_plausible(const u8scan *sc)
{
    return sc->n_invalid == 0 ||
           (sc->n_mb > 0 && sc->n_invalid <= 3 + sc->n_mb / 20);
}

typedef enum { SNIFF_TEXT, SNIFF_UTF16LE, SNIFF_UTF16BE, SNIFF_BINARY } sniff;

/* Counts UTF-16 units of p[0..n) that are C0 controls other than white
 * space; lo is the index (0 or 1) of the low byte in each unit. Text has
 * almost none, binary data that merely has many NULs has plenty. */
static size_t
utf16_ctrl_units(const unsigned char *p, size_t n, size_t lo)
{
    size_t ctrl = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        const unsigned char c = p[i + lo];
        if (p[i + 1 - lo] == 0 &&
            (c == 0 || c == 0x7F || (c < 0x20 && !is_space(c)))) {
            ctrl++;
        }
    }
    return ctrl;
}

/* True if no byte of w is below 0x20 or 0x7F: none that sniff_bytes
 * counts. */
static bool
word_no_ctrl(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t highs = 0x8080808080808080u;
    const uint64_t below = (w - ones * 0x20) & ~w & highs;
    const uint64_t del = w ^ (ones * 0x7F);
    return (below | ((del - ones) & ~del & highs)) == 0;
}

/* Looks at the first bytes for NULs and control characters: text, BOM-less
 * UTF-16 (ASCII markup leaves a NUL in every other byte) or binary. */
static sniff
sniff_bytes(const unsigned char *p, size_t len)
{
    const size_t n = len < SNIFF_LEN ? len : SNIFF_LEN;
    size_t nul[2] = {0, 0};
    size_t ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w;
        while (n - i >= 8 && (memcpy(&w, p + i, 8), word_no_ctrl(w))) {
            i += 8;
        }
        if (i >= n) {
            break;
        }
        const unsigned char c = p[i];
        if (c == 0) {
            nul[i & 1]++;
        } else if ((c < 0x20 && !is_space(c) && c != 0x0B && c != 0x1B) ||
                   c == 0x7F) {
            ctrl++;
        }
    }
    if (nul[0] + nul[1] == 0 && ctrl * 20 <= n) {
        return SNIFF_TEXT;
    }
    /* ASCII in UTF-16 puts a NUL in every other byte; CJK text has few
     * NULs, so a tenth of the units is enough if the other side has none. */
    const size_t pairs = n / 2;
    if (nul[1] >= 8 && nul[1] * 10 >= pairs && nul[0] * 10 <= nul[1]) {
        return utf16_ctrl_units(p, n, 0) * 20 > pairs ? SNIFF_BINARY
                                                      : SNIFF_UTF16LE;
    }
    if (nul[0] >= 8 && nul[0] * 10 >= pairs && nul[1] * 10 <= nul[0]) {
        return utf16_ctrl_units(p, n, 1) * 20 > pairs ? SNIFF_BINARY
                                                      : SNIFF_UTF16BE;
    }
    const size_t bad = nul[0] + nul[1] + ctrl;
    return bad >= 8 && bad * 20 > n ? SNIFF_BINARY : SNIFF_TEXT;
}

/* The encoding a byte order mark names (its length in *bom_len), or -1. */
static int
bom_enc(const unsigned char *p, size_t len, size_t *bom_len)
{
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *bom_len = 3;
        return ENC_UTF8;
    }
    if (len >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        *bom_len = 4;
        return ENC_UTF32LE;
    }
    if (len >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
        *bom_len = 4;
        return ENC_UTF32BE;
    }
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *bom_len = 2;
        return ENC_UTF16LE;
    }
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bom_len = 2;
        return ENC_UTF16BE;
    }
    return -1;
}

/* ---- the <meta> prescan ----------------------------------------------- */

typedef struct attr {
    px_str name;
    px_str value;
} attr;

/* Reads the attribute at p[*i..n) of a tag, moving *i past it. False at the
 * tag's '>' or at n. */
static bool
next_attr(const unsigned char *p, size_t *i, size_t n, attr *at)
{
    size_t k = *i;
    while (k < n && (is_space(p[k]) || p[k] == '/')) {
        k++;
    }
    if (k >= n || p[k] == '>') {
        *i = k;
        return false;
    }
    const size_t name = k;
    while (k < n && !is_space(p[k]) && p[k] != '=' && p[k] != '>' &&
           (p[k] != '/' || k == name)) {
        k++;
    }
    at->name = (px_str){(const char *)p + name, k - name};
    at->value = (px_str){"", 0};
    size_t v = k;
    while (v < n && is_space(p[v])) {
        v++;
    }
    if (v < n && p[v] == '=') {
        v++;
        while (v < n && is_space(p[v])) {
            v++;
        }
        const unsigned char q = v < n ? p[v] : 0;
        const size_t start = (q == '"' || q == '\'') ? v + 1 : v;
        size_t e = start;
        while (e < n &&
               ((q == '"' || q == '\'') ? p[e] != q
                                        : !is_space(p[e]) && p[e] != '>')) {
            e++;
        }
        at->value = (px_str){(const char *)p + start, e - start};
        k = (e < n && (q == '"' || q == '\'')) ? e + 1 : e;
    }
    *i = k;
    return true;
}

/* The encoding declared by the <meta> tag whose attributes start at *i, or
 * -1; moves *i past the tag. */
static int
meta_enc(const unsigned char *p, size_t *i, size_t n)
{
    attr at;
    int charset = -1;
    int content = -1;
    bool is_pragma = false;
    while (next_attr(p, i, n, &at)) {
        if (px_str_ieq_c(at.name, "charset") && charset < 0) {
            charset = label_enc(at.value.ptr, at.value.len);
        } else if (px_str_ieq_c(at.name, "http-equiv")) {
            is_pragma = px_str_ieq_c(px_str_trim(at.value), "content-type");
        } else if (px_str_ieq_c(at.name, "content")) {
            const unsigned char *v = (const unsigned char *)at.value.ptr;
            size_t k = find_ci(v, 0, at.value.len, "charset") + 7;
            while (k < at.value.len && is_space(v[k])) {
                k++;
            }
            if (k < at.value.len && v[k] == '=') {
                content =
                    label_enc((const char *)v + k + 1, at.value.len - k - 1);
            }
        }
    }
    return charset >= 0 ? charset : (is_pragma ? content : -1);
}

/* The encoding an XML declaration at the start names, or -1. */
static int
xml_decl_enc(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n && is_space(p[i])) {
        i++;
    }
    if (!has_prefix_ci(p, i, n, "<?xml")) {
        return -1;
    }
    const size_t end = find_ci(p, i, n, "?>");
    size_t k = i + 5;
    attr at;
    while (next_attr(p, &k, end, &at)) {
        if (px_str_ieq_c(at.name, "encoding")) {
            return label_enc(at.value.ptr, at.value.len);
        }
    }
    return -1;
}

/* The encoding a <meta charset> or <meta http-equiv> before <body> (and in
 * the first PRESCAN_LEN bytes) declares, else an XML declaration's, or -1.
 * Comments are skipped; a
 * UTF-16 label means UTF-8 (the bytes were ASCII enough to read it). */
static int
prescan(const unsigned char *p, size_t len)
{
    const size_t n = len < PRESCAN_LEN ? len : PRESCAN_LEN;
    size_t i = 0;
    while (i < n) {
        const unsigned char *lt = memchr(p + i, '<', n - i);
        if (lt == NULL) {
            break;
        }
        i = (size_t)(lt - p);
        if (has_prefix_ci(p, i, n, "<!--")) {
            i = find_ci(p, i + 4, n, "-->") + 3;
            continue;
        }
        if (has_prefix_ci(p, i, n, "<meta") && i + 5 < n &&
            (is_space(p[i + 5]) || p[i + 5] == '/')) {
            i += 5;
            const int enc = meta_enc(p, &i, n);
            if (enc >= 0) {
                return enc >= ENC_UTF16LE && enc <= ENC_UTF32BE ? ENC_UTF8
                                                                : enc;
            }
            continue;
        }
        if (has_prefix_ci(p, i, n, "<body")) {
            break;
        }
        i++;
    }
    return xml_decl_enc(p, n);
}

/* ---- detection -------------------------------------------------------- */

/* Position after the end of the raw element (script, style, comment)
 * whose content starts at i and ends with end. */
static size_t
skip_raw_element(const unsigned char *p, size_t i, size_t n, const char *end)
{
    const size_t e = find_ci(p, i, n, end);
    const unsigned char *gt = e < n ? memchr(p + e, '>', n - e) : NULL;
    return gt != NULL ? (size_t)(gt - p) + 1 : n;
}

/* Position after the tag, comment, script or style starting at p[i]. */
static size_t
skip_markup(const unsigned char *p, size_t i, size_t n)
{
    if (has_prefix_ci(p, i, n, "<!--")) {
        return skip_raw_element(p, i + 4, n, "--");
    }
    if (has_prefix_ci(p, i, n, "<script")) {
        return skip_raw_element(p, i + 7, n, "</script");
    }
    if (has_prefix_ci(p, i, n, "<style")) {
        return skip_raw_element(p, i + 6, n, "</style");
    }
    const unsigned char *gt = memchr(p + i, '>', n - i);
    return gt != NULL ? (size_t)(gt - p) + 1 : n;
}

/* Whether c ends a run of text for text_sample. */
static bool
ends_run(unsigned char c, bool is_markup)
{
    return c == '\n' || c == '<' || (!is_markup && c == '>');
}

/* Copies into buf (at most cap bytes) the runs of text that hold bytes
 * above 0x7F or ESC: the ones the detector has to judge. With is_markup,
 * runs are the text between tags, and comments, scripts and styles are
 * skipped; without, runs are split at line ends and angle brackets. Returns
 * the length. */
static size_t
text_sample(const unsigned char *p, size_t n, bool is_markup,
            unsigned char *buf, size_t cap)
{
    size_t i = 0;
    size_t o = 0;
    while (i < n && o < cap) {
        if (is_markup && p[i] == '<') {
            i = skip_markup(p, i, n);
            continue;
        }
        size_t j = i;
        bool is_high = false;
        while (j < n && !ends_run(p[j], is_markup)) {
            is_high |= p[j] >= 0x80 || p[j] == 0x1B; /* ESC: ISO-2022 */
            j++;
        }
        if (is_high) {
            const size_t take = j - i < cap - o ? j - i : cap - o;
            memcpy(buf + o, p + i, take);
            o += take;
            if (o < cap) {
                buf[o++] = ' ';
            }
        }
        i = (is_markup && j < n && p[j] == '<') ? j : j + 1;
    }
    return o;
}

/* The best match of ICU's detector among the encodings we know, or -1. */
static int
detect_enc(const unsigned char *p, size_t len, bool is_html)
{
    unsigned char *buf = px_malloc(SAMPLE_LEN);
    if (buf == NULL) {
        return -1;
    }
    size_t n = is_html ? text_sample(p, len, true, buf, SAMPLE_LEN) : 0;
    if (n < SAMPLE_MIN) {
        n = text_sample(p, len, false, buf, SAMPLE_LEN);
    }
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&st);
    ucsdet_setText(d, (const char *)buf, (int32_t)n, &st);
    int32_t n_match = 0;
    const UCharsetMatch **m = ucsdet_detectAll(d, &n_match, &st);
    int enc = -1;
    for (int32_t k = 0; U_SUCCESS(st) && k < n_match && enc < 0; k++) {
        const char *name = ucsdet_getName(m[k], &st);
        enc = U_SUCCESS(st) ? label_enc(name, strlen(name)) : -1;
    }
    ucsdet_close(d);
    px_free(buf);
    return enc;
}

/* ---- conversion ------------------------------------------------------- */

/* Output for the conversions: ICU's default would write U+001A for some
 * converters' bad single bytes. Undefined windows-1252 bytes map to the C1
 * control of the same value, as browsers do. */
static void U_CALLCONV
to_u_replace(const void *ctx, UConverterToUnicodeArgs *args, const char *units,
             int32_t len, UConverterCallbackReason reason, UErrorCode *st)
{
    if (reason > UCNV_IRREGULAR) {
        return;
    }
    UChar c = 0xFFFD;
    if (ctx != NULL && reason == UCNV_UNASSIGNED && len == 1) {
        c = (UChar)(unsigned char)units[0];
    }
    *st = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &c, 1, 0, st);
}

/* A NUL-terminated arena copy of p without its NUL bytes (the scan's copy
 * if it made one and there are none). */
static px_status
copy_without_nul(px_arena *a, const unsigned char *p, size_t len,
                 const u8scan *sc, px_str *out, px_error *err)
{
    const size_t n_nul = sc->n_nul;
    if (sc->copy != NULL && n_nul == 0) {
        sc->copy[len] = '\0';
        *out = (px_str){sc->copy, len};
        return PX_OK;
    }
    char *d = px_arena_alloc(a, len - n_nul + 1);
    if (d == NULL) {
        return px_fail(err, PX_ENOMEM, "charset: out of memory");
    }
    if (n_nul == 0) {
        memcpy(d, p, len);
    } else {
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            if (p[i] != 0) {
                d[o++] = (char)p[i];
            }
        }
    }
    d[len - n_nul] = '\0';
    *out = (px_str){d, len - n_nul};
    return PX_OK;
}

/* Removes U+0000 from u[0..n); returns the new length. */
static int32_t
drop_nul16(UChar *u, int32_t n)
{
    const UChar *nul = u_memchr(u, 0, n);
    if (nul == NULL) {
        return n;
    }
    int32_t o = (int32_t)(nul - u);
    for (int32_t i = o + 1; i < n; i++) {
        if (u[i] != 0) {
            u[o++] = u[i];
        }
    }
    return o;
}

/* Replaces *u (owned, *n units) by its NFC form unless it is NFC already.
 * On failure *u is freed and NULL. */
static UErrorCode
nfc16(UChar **u, int32_t *n)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st) || unorm2_quickCheck(nfc, *u, *n, &st) == UNORM_YES) {
        return st;
    }
    int32_t cap = *n + *n / 2 + 16;
    UChar *v = px_malloc((size_t)cap * sizeof(UChar));
    int32_t m = v == NULL ? 0 : unorm2_normalize(nfc, *u, *n, v, cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        px_free(v);
        st = U_ZERO_ERROR;
        cap = m;
        v = px_malloc((size_t)cap * sizeof(UChar));
        m = v == NULL ? 0 : unorm2_normalize(nfc, *u, *n, v, cap, &st);
    }
    px_free(*u);
    *u = v;
    *n = m;
    if (v == NULL && U_SUCCESS(st)) {
        st = U_MEMORY_ALLOCATION_ERROR;
    }
    return st;
}

/* u[0..n) to NUL-terminated UTF-8 in the arena; unpaired surrogates become
 * U+FFFD. */
static px_status
utf16_to_arena(px_arena *a, const UChar *u, int32_t n, px_str *out,
               px_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t len8 = 0;
    u_strToUTF8WithSub(NULL, 0, &len8, u, n, 0xFFFD, NULL, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
        return px_fail(err, PX_EINVAL, "charset: %s", u_errorName(st));
    }
    st = U_ZERO_ERROR;
    char *d = px_arena_alloc(a, (size_t)len8 + 1);
    if (d == NULL) {
        return px_fail(err, PX_ENOMEM, "charset: out of memory");
    }
    u_strToUTF8WithSub(d, len8 + 1, &len8, u, n, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        return px_fail(err, PX_EINVAL, "charset: %s", u_errorName(st));
    }
    *out = (px_str){d, (size_t)len8};
    return PX_OK;
}

/* Removes U+0000, applies NFC and writes UTF-8 into the arena. Takes
 * ownership of u (freed here). */
static px_status
utf16_out(px_arena *a, UChar *u, int32_t n, px_str *out, px_error *err)
{
    n = drop_nul16(u, n);
    const UErrorCode st = nfc16(&u, &n);
    px_status rc = PX_OK;
    if (st == U_MEMORY_ALLOCATION_ERROR) {
        rc = px_fail(err, PX_ENOMEM, "charset: out of memory");
    } else if (U_FAILURE(st)) {
        rc = px_fail(err, PX_EINVAL, "charset: nfc: %s", u_errorName(st));
    } else {
        rc = utf16_to_arena(a, u, n, out, err);
    }
    px_free(u);
    return rc;
}

/* True if c is NFC_QC=Yes with combining class 0: nothing before it can
 * compose with it or reorder past it, so NFC may split the text there. */
static bool
is_yes_starter(UChar32 c)
{
    if (c < 0x300 || is_nfc_starter(c)) {
        return true;
    }
    return u_getCombiningClass(c) == 0 &&
           u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

/* Appends the NFC form of the well-formed UTF-8 p[0..n) to out; false on
 * any failure. */
static bool
nfc_append(const UNormalizer2 *nfc, const unsigned char *p, int32_t n,
           px_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar *u = px_malloc(((size_t)n + 1) * sizeof(UChar));
    int32_t nu = 0;
    if (u != NULL) {
        u_strFromUTF8(u, n + 1, &nu, (const char *)p, n, &st);
    }
    const int32_t cap = 3 * nu + 16; /* NFC grows text 3x at most */
    UChar *v = u != NULL && U_SUCCESS(st)
                   ? px_malloc((size_t)cap * sizeof(UChar))
                   : NULL;
    const int32_t m = v != NULL ? unorm2_normalize(nfc, u, nu, v, cap, &st) : 0;
    int32_t n8 = 0;
    if (v != NULL && U_SUCCESS(st)) {
        u_strToUTF8(NULL, 0, &n8, v, m, &st);
        st = st == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : st;
    }
    const bool ok =
        v != NULL && U_SUCCESS(st) && px_buf_reserve(out, (size_t)n8);
    if (ok) {
        u_strToUTF8(out->ptr + out->len, n8 + 1, &n8, v, m, &st);
        out->len += (size_t)n8;
        out->ptr[out->len] = '\0';
    }
    px_free(v);
    px_free(u);
    return ok && U_SUCCESS(st);
}

/* The end of the window that starts a suspect code point ending at j: the
 * next yes-starter, or the end of the text. */
static int32_t
window_end(const unsigned char *p, int32_t j, int32_t n)
{
    while (j < n && p[j] >= 0x80) {
        int32_t k = j;
        UChar32 c = 0;
        U8_NEXT(p, k, n, c);
        if (is_yes_starter(c)) {
            break;
        }
        j = k;
    }
    return j;
}

/* NFC of well-formed UTF-8 without NUL, in windows: only the stretches
 * from the yes-starter before a code point that may change to the
 * yes-starter after it go through ICU (as UTF-16); NFC cannot reach across
 * a yes-starter, so the rest is NFC already and is copied. The same bytes
 * as normalising the whole text. */
static px_status
nfc_windows(px_arena *a, const unsigned char *p, size_t len, px_str *out,
            px_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    px_buf b;
    px_buf_init(&b);
    const int32_t n = (int32_t)len;
    int32_t done = 0;    /* bytes before this are in b */
    int32_t starter = 0; /* where the last yes-starter begins */
    int32_t i = 0;
    uint8_t prev_ccc = 0;
    bool ok = U_SUCCESS(st);
    while (ok && i < n) {
        if (p[i] < 0x80) {
            starter = i++;
            prev_ccc = 0;
            continue;
        }
        int32_t j = i;
        UChar32 c = 0;
        U8_NEXT(p, j, n, c);
        if (!may_denormalize(c, &prev_ccc)) {
            starter = prev_ccc == 0 ? i : starter;
            i = j;
            continue;
        }
        const int32_t from = starter > done ? starter : done;
        const int32_t to = window_end(p, j, n);
        px_buf_add(&b, p + done, (size_t)(from - done));
        ok = nfc_append(nfc, p + from, to - from, &b);
        done = starter = i = to;
        prev_ccc = 0;
    }
    px_buf_add(&b, p + done, (size_t)(n - done));
    ok = ok && !px_buf_failed(&b);
    char *d = ok ? px_arena_strndup(a, b.ptr, b.len) : NULL;
    if (d != NULL) {
        *out = (px_str){d, b.len};
    }
    px_buf_fini(&b);
    return d != NULL ? PX_OK
                     : px_fail(err, ok ? PX_ENOMEM : PX_EINVAL,
                               "charset: nfc: failed");
}

/* UTF-8 (possibly ill-formed) to clean NFC UTF-8. */
static px_status
utf8_out(px_arena *a, const unsigned char *p, size_t len, const u8scan *sc,
         px_str *out, px_error *err)
{
    if (sc->n_invalid == 0 && !sc->maybe_denorm) {
        return copy_without_nul(a, p, len, sc, out, err);
    }
    if (sc->n_invalid == 0 && sc->n_nul == 0 && len < INT32_MAX &&
        nfc_windows(a, p, len, out, NULL) == PX_OK) {
        return PX_OK;
    }
    UChar *u = px_malloc((len + 1) * sizeof(UChar));
    if (u == NULL) {
        return px_fail(err, PX_ENOMEM, "charset: out of memory");
    }
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8WithSub(u, (int32_t)len + 1, &n, (const char *)p, (int32_t)len,
                         0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        px_free(u);
        return px_fail(err, PX_EINVAL, "charset: %s", u_errorName(st));
    }
    return utf16_out(a, u, n, out, err);
}

/* Bytes in encoding enc to UTF-16 with ICU, then on to clean UTF-8. */
static px_status
legacy_out(px_arena *a, const unsigned char *p, size_t len, enc_id enc,
           px_str *out, px_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encodings[enc].icu, &st);
    ucnv_setToUCallBack(cnv, to_u_replace, enc == ENC_1252 ? "" : NULL, NULL,
                        NULL, &st);
    int32_t cap = (int32_t)len + 16;
    UChar *u = U_SUCCESS(st) ? px_malloc((size_t)cap * sizeof(UChar)) : NULL;
    int32_t n = u == NULL ? 0
                          : ucnv_toUChars(cnv, u, cap, (const char *)p,
                                          (int32_t)len, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        px_free(u);
        st = U_ZERO_ERROR;
        cap = n + 1;
        u = px_malloc((size_t)cap * sizeof(UChar));
        n = u == NULL ? 0
                      : ucnv_toUChars(cnv, u, cap, (const char *)p,
                                      (int32_t)len, &st);
    }
    ucnv_close(cnv);
    if (u == NULL || U_FAILURE(st)) {
        px_free(u);
        return px_fail(err, u == NULL && U_SUCCESS(st) ? PX_ENOMEM : PX_EINVAL,
                       "charset: %s: %s", encodings[enc].name,
                       U_SUCCESS(st) ? "out of memory" : u_errorName(st));
    }
    return utf16_out(a, u, n, out, err);
}

/* ---- the decision ----------------------------------------------------- */

/* Whether the bytes allow enc as declared: UTF-8 needs UTF-8-like bytes, a
 * legacy charset needs bytes that are not clearly UTF-8, and UTF-16/32
 * without BOM or NUL pattern is not believed. */
static bool
declaration_fits(int enc, const u8scan *sc)
{
    if (enc < 0 || (enc >= ENC_UTF16LE && enc <= ENC_UTF32BE)) {
        return false;
    }
    if (enc == ENC_UTF8) {
        return utf8_plausible(sc);
    }
    return !(sc->n_invalid == 0 && sc->n_mb >= UTF8_VOUCH);
}

/* Whether 7-bit bytes hold an ISO-2022 shift into a double-byte set (ESC $),
 * which makes them ISO-2022-JP text rather than ASCII. */
static bool
has_iso2022_escape(const unsigned char *p, size_t len)
{
    const unsigned char *e = memchr(p, 0x1B, len);
    while (e != NULL) {
        const size_t i = (size_t)(e - p);
        if (i + 1 < len && p[i + 1] == '$') {
            return true;
        }
        e = memchr(p + i + 1, 0x1B, len - i - 1);
    }
    return false;
}

/* Picks the encoding of BOM-less text bytes and says why. */
static int
choose(const unsigned char *p, size_t len, const char *declared, bool is_html,
       const u8scan *sc, const char **how)
{
    const int http =
        declared != NULL ? label_enc(declared, strlen(declared)) : -1;
    if (declaration_fits(http, sc)) {
        /* Servers often send a default legacy label for UTF-8 pages; a page
         * that says UTF-8 itself and is well-formed UTF-8 is believed. */
        const bool is_utf8 = http != ENC_UTF8 && sc->n_invalid == 0 &&
                             sc->n_mb > 0 && is_html &&
                             prescan(p, len) == ENC_UTF8;
        *how = is_utf8 ? "meta" : "http";
        return is_utf8 ? ENC_UTF8 : http;
    }
    const int meta = is_html ? prescan(p, len) : -1;
    if (declaration_fits(meta, sc)) {
        *how = "meta";
        return meta;
    }
    if (utf8_plausible(sc) && !(sc->n_mb == 0 && has_iso2022_escape(p, len))) {
        *how = "utf8";
        return ENC_UTF8;
    }
    const int det = detect_enc(p, len, is_html);
    if (det >= 0) {
        *how = "detected";
        return det;
    }
    *how = "default";
    return ENC_1252;
}

/* Converts p from enc into out->text. */
static px_status
convert(px_arena *a, const unsigned char *p, size_t len, int enc,
        const u8scan *sc, px_decoded *out, px_error *err)
{
    out->charset = encodings[enc].name;
    if (encodings[enc].is_ascii && sc->n_mb == 0 && sc->n_invalid == 0) {
        return copy_without_nul(a, p, len, sc, &out->text, err);
    }
    if (enc == ENC_UTF8) {
        return utf8_out(a, p, len, sc, &out->text, err);
    }
    return legacy_out(a, p, len, (enc_id)enc, &out->text, err);
}

px_status
px_charset_decode(px_arena *a, const unsigned char *data, size_t len,
                  const char *declared, bool is_html, px_decoded *out,
                  px_error *err)
{
    *out = (px_decoded){{"", 0}, encodings[ENC_UTF8].name, "utf8"};
    if (len == 0) {
        return px_fail(err, PX_EEMPTY, "charset: empty input");
    }
    if (len > DECODE_MAX) {
        return px_fail(err, PX_EINVAL, "charset: input too large (%zu bytes)",
                       len);
    }
    u8scan sc;
    size_t bom_len = 0;
    int enc = bom_enc(data, len, &bom_len);
    if (enc >= 0) {
        out->how = "bom";
        data += bom_len;
        len -= bom_len;
    } else {
        const sniff sn = sniff_bytes(data, len);
        if (sn == SNIFF_BINARY) {
            return px_fail(err, PX_EPARSE, "charset: binary data");
        }
        enc = sn == SNIFF_UTF16LE   ? ENC_UTF16LE
              : sn == SNIFF_UTF16BE ? ENC_UTF16BE
                                    : -1;
        out->how = "detected";
    }
    if (enc < 0 || enc == ENC_UTF8) {
        /* most pages end up copied as they are: copy them while scanning */
        scan_utf8(data, len, &sc, px_arena_alloc(a, len + 1));
    } else {
        memset(&sc, 0, sizeof sc);
    }
    if (enc < 0) {
        enc = choose(data, len, declared, is_html, &sc, &out->how);
    }
    const px_status rc = convert(a, data, len, enc, &sc, out, err);
    if (rc == PX_OK && out->text.len == 0) {
        return px_fail(err, PX_EEMPTY, "charset: no text");
    }
    return rc;
}

px_status
px_utf8_clean(px_arena *a, const char *s, size_t len, px_str *out,
              px_error *err)
{
    if (len > DECODE_MAX) {
        return px_fail(err, PX_EINVAL, "charset: input too large (%zu bytes)",
                       len);
    }
    u8scan sc;
    scan_utf8((const unsigned char *)s, len, &sc, px_arena_alloc(a, len + 1));
    return utf8_out(a, (const unsigned char *)s, len, &sc, out, err);
}
