/* test_charset.c - charset choice and conversion to NFC UTF-8.
 *
 * Test pages are built here from UTF-8 sentences written for this test and
 * converted with ICU into GBK, Big5, windows-1256, Shift_JIS, KOI8-R and
 * UTF-16; decoding must give back exactly the UTF-8 page.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "charset.h"
#include "check.h"
#include "error.h"

#define PAGE_CAP 16384

static const char en[] =
    "The city council approved the new budget on Monday after a long "
    "debate about schools, roads and public transport. The mayor said the "
    "money would be spent on repairing bridges and building new bus lanes.";
static const char zh_hans[] =
    "市议会周一批准了新的预算。经过关于学校、道路和公共交通的长时间辩论后，"
    "议员们以多数票通过了该计划。市长表示，这笔资金将用于修缮桥梁和建设新的"
    "公交专用道。";
static const char zh_hant[] =
    "市議會週一批准了新的預算。經過關於學校、道路和公共交通的長時間辯論後，"
    "議員們以多數票通過了該計劃。市長表示，這筆資金將用於修繕橋樑和建設新的"
    "公車專用道。";
static const char ja[] =
    "市議会は月曜日、学校や道路、公共交通についての長い議論の末に新しい予算を"
    "承認した。市長は、この資金を橋の修理と新しいバス専用レーンの建設に使うと"
    "述べた。";
static const char ru[] =
    "Городской совет в понедельник утвердил новый бюджет после долгих споров "
    "о школах, дорогах и общественном транспорте. Мэр заявил, что деньги "
    "пойдут на ремонт мостов и новые автобусные полосы.";
static const char ar[] =
    "وافق مجلس المدينة يوم الاثنين على الميزانية الجديدة بعد نقاش طويل حول "
    "المدارس والطرق والنقل العام. وقال رئيس البلدية إن الأموال ستستخدم لإصلاح "
    "الجسور وبناء مسارات جديدة للحافلات.";

/* A UTF-8 page with head markup and three paragraphs of body (malloc'd). */
static char *
make_page(const char *head, const char *body)
{
    char *p = malloc(PAGE_CAP);
    snprintf(p, PAGE_CAP,
             "<!DOCTYPE html>\n<html><head>%s<title>News</title></head>\n"
             "<body><h1>Budget</h1><p>%s</p>\n<p>%s</p>\n<p>%s</p>\n"
             "</body></html>\n",
             head, body, body, body);
    return p;
}

/* utf8 converted to the ICU charset enc (malloc'd, length in *len). */
static char *
encode(const char *utf8, const char *enc, size_t *len)
{
    UErrorCode st = U_ZERO_ERROR;
    const int32_t cap = (int32_t)strlen(utf8) * 4 + 16;
    char *out = malloc((size_t)cap);
    const int32_t n = ucnv_convert(enc, "UTF-8", out, cap, utf8, -1, &st);
    CHECK(U_SUCCESS(st));
    *len = U_SUCCESS(st) ? (size_t)n : 0;
    return out;
}

/* Decodes data and checks the text, charset and how. */
static void
expect(const void *data, size_t len, const char *declared, bool is_html,
       const char *want_text, const char *want_charset, const char *want_how)
{
    px_arena *a = px_arena_new();
    px_decoded d;
    px_error err = {0};
    const px_status rc =
        px_charset_decode(a, data, len, declared, is_html, &d, &err);
    CHECK(rc == PX_OK);
    if (rc != PX_OK) {
        fprintf(stderr, "  error: %s\n", err.msg);
    } else {
        CHECK(d.text.len == strlen(want_text));
        CHECK(memcmp(d.text.ptr, want_text, d.text.len) == 0 &&
              d.text.ptr[d.text.len] == '\0');
        if (d.text.len != strlen(want_text) ||
            memcmp(d.text.ptr, want_text, d.text.len) != 0) {
            fprintf(stderr, "  got %.*s\n", (int)d.text.len, d.text.ptr);
        }
        if (want_charset != NULL) {
            CHECK_STR_EQ(d.charset, want_charset);
        }
        CHECK_STR_EQ(d.how, want_how);
    }
    px_arena_free(a);
}

static void
expect_s(const char *data, const char *declared, bool is_html,
         const char *want_text, const char *want_charset, const char *want_how)
{
    expect(data, strlen(data), declared, is_html, want_text, want_charset,
           want_how);
}

/* The UTF-8 page encoded into enc, then decoded. */
static void
roundtrip(const char *head, const char *body, const char *enc,
          const char *declared, const char *want_charset, const char *want_how)
{
    char *page = make_page(head, body);
    size_t len = 0;
    char *bytes = encode(page, enc, &len);
    expect(bytes, len, declared, true, page, want_charset, want_how);
    free(bytes);
    free(page);
}

static void
test_declared(void)
{
    roundtrip("<meta charset=\"gb2312\">", zh_hans, "GBK", NULL, "GBK", "meta");
    roundtrip("<meta http-equiv=\"Content-Type\" "
              "content=\"text/html; charset=big5\">",
              zh_hant, "Big5", NULL, "Big5", "meta");
    roundtrip("<meta charset='windows-1256'>", ar, "windows-1256", NULL,
              "windows-1256", "meta");
    roundtrip("<META CHARSET = Shift_JIS >", ja, "Shift_JIS", NULL, "Shift_JIS",
              "meta");
    roundtrip("<meta content='text/html;charset = \"KOI8-R\"' "
              "HTTP-EQUIV='content-type'/>",
              ru, "KOI8-R", NULL, "KOI8-R", "meta");
    roundtrip("", ru, "KOI8-R", "koi8-r", "KOI8-R", "http");
    roundtrip("", zh_hans, "GBK", "text/html; charset=GBK", "GBK", "http");
    /* The transport's label wins over the page's. */
    roundtrip("<meta charset=utf-8>", ja, "Shift_JIS", "x-sjis", "Shift_JIS",
              "http");
    /* ... unless the page says UTF-8 and is well-formed UTF-8. */
    roundtrip("<meta charset=utf-8>", "\xC2\xA9 2024", "UTF-8", "iso-8859-1",
              "UTF-8", "meta");
    roundtrip("<meta charset=utf-8>", "caf\xC3\xA9", "latin1", "iso-8859-1",
              "windows-1252", "http");
    /* Labels end at characters no label holds. */
    roundtrip("<meta charset=koi8-r/>", ru, "KOI8-R", NULL, "KOI8-R", "meta");
    roundtrip("<meta charset=\"text/html; charset=koi8-r\">", ru, "KOI8-R",
              NULL, "KOI8-R", "meta");
    /* A comment is not a declaration. */
    roundtrip("<!-- <meta charset=koi8-r> --><meta charset=windows-1256>", ar,
              "windows-1256", NULL, "windows-1256", "meta");
    /* content=...charset= needs http-equiv=content-type. */
    roundtrip("<meta name=x content='charset=koi8-r'>", en, "UTF-8", NULL,
              "UTF-8", "utf8");
    roundtrip("<meta charset=utf-8>", zh_hans, "UTF-8", NULL, "UTF-8", "meta");
    roundtrip("<meta charset=iso-8859-1>", "caf\xC3\xA9 cr\xC3\xA8me", "latin1",
              NULL, "windows-1252", "meta");
}

/* A <meta> behind a long script still counts; one after <body> does not. */
static void
test_meta_position(void)
{
    char *head = malloc(8192);
    memcpy(head, "<script>", 8);
    memset(head + 8, 'x', 6000);
    strcpy(head + 6008, "</script><meta charset=koi8-r>");
    roundtrip(head, ru, "KOI8-R", NULL, "KOI8-R", "meta");
    free(head);
    char *body = malloc(4096);
    snprintf(body, 4096, "<meta charset=windows-1251>%s", ru);
    roundtrip("", body, "KOI8-R", NULL, "KOI8-R", "detected");
    free(body);
}

static void
test_wrong_declaration(void)
{
    /* Says UTF-8, is GBK: the detector decides. */
    roundtrip("<meta charset=\"utf-8\">", zh_hans, "GBK", NULL, "gb18030",
              "detected");
    roundtrip("", zh_hans, "GBK", "utf-8", "gb18030", "detected");
    /* Says a legacy charset, is well-formed UTF-8 with many multibyte
     * sequences: UTF-8. */
    roundtrip("<meta charset=\"gb2312\">", zh_hans, "UTF-8", NULL, "UTF-8",
              "utf8");
    roundtrip("", ru, "UTF-8", "windows-1251", "UTF-8", "utf8");
    /* An unknown label is ignored. */
    roundtrip("<meta charset=\"x-klingon\">", ru, "UTF-8", NULL, "UTF-8",
              "utf8");
    roundtrip("<meta charset=\"x-klingon\">", ru, "KOI8-R", NULL, "KOI8-R",
              "detected");
}

static void
test_detected(void)
{
    /* What ICU's detector reliably gets from three paragraphs of text. */
    roundtrip("", zh_hans, "GBK", NULL, "gb18030", "detected");
    roundtrip("", ja, "Shift_JIS", NULL, "Shift_JIS", "detected");
    roundtrip("", ru, "KOI8-R", NULL, "KOI8-R", "detected");
    roundtrip("", ru, "windows-1251", NULL, "windows-1251", "detected");
    roundtrip("", ar, "windows-1256", NULL, "windows-1256", "detected");
    roundtrip("", zh_hant, "Big5", NULL, "Big5", "detected");
    roundtrip("", ja, "ISO-2022-JP", NULL, "ISO-2022-JP", "detected");
    roundtrip("<meta charset=iso-2022-jp>", ja, "ISO-2022-JP", NULL,
              "ISO-2022-JP", "meta");
    roundtrip("",
              "Der B\xC3\xBCrgermeister sagte, das Geld werde f\xC3\xBCr "
              "neue Br\xC3\xBC"
              "cken und Stra\xC3\x9F"
              "en ausgegeben, nicht f\xC3\xBCr B\xC3\xBC"
              "ros.",
              "windows-1252", NULL, "windows-1252", "detected");
    /* Plain UTF-8 and ASCII without any declaration. */
    roundtrip("", zh_hans, "UTF-8", NULL, "UTF-8", "utf8");
    roundtrip("", en, "UTF-8", NULL, "UTF-8", "utf8");
    /* Not HTML: no prescan, detection on the raw bytes. */
    size_t len = 0;
    char *bytes = encode(ru, "KOI8-R", &len);
    expect(bytes, len, NULL, false, ru, "KOI8-R", "detected");
    free(bytes);
    bytes = encode("<meta charset=koi8-r>", "UTF-8", &len);
    expect(bytes, len, NULL, false, "<meta charset=koi8-r>", "UTF-8", "utf8");
    free(bytes);
}

static void
test_bom(void)
{
    char *page = make_page("<meta charset=windows-1252>", zh_hans);
    size_t len = 0;
    char *u16 = encode(page, "UTF-16LE", &len);
    unsigned char *buf = malloc(len + 4);
    memcpy(buf + 2, u16, len);
    buf[0] = 0xFF;
    buf[1] = 0xFE;
    expect(buf, len + 2, "iso-8859-1", true, page, "UTF-16LE", "bom");
    /* Without the BOM, the NUL pattern gives it away. */
    expect(buf + 2, len, NULL, true, page, "UTF-16LE", "detected");
    free(u16);
    u16 = encode(page, "UTF-16BE", &len);
    memcpy(buf + 2, u16, len);
    buf[0] = 0xFE;
    buf[1] = 0xFF;
    expect(buf, len + 2, NULL, true, page, "UTF-16BE", "bom");
    expect(buf + 2, len, NULL, true, page, "UTF-16BE", "detected");
    free(u16);
    free(buf);
    /* A UTF-8 BOM beats the declarations and is dropped. */
    char *u8 = malloc(strlen(page) + 4);
    memcpy(u8, "\xEF\xBB\xBF", 3);
    memcpy(u8 + 3, page, strlen(page) + 1);
    expect(u8, strlen(u8), "koi8-r", true, page, "UTF-8", "bom");
    free(u8);
    free(page);
    /* A meta naming UTF-16 on ASCII bytes means UTF-8. */
    expect_s("<meta charset=utf-16><p>caf\xC3\xA9</p>", NULL, true,
             "<meta charset=utf-16><p>caf\xC3\xA9</p>", "UTF-8", "meta");
}

static void
test_broken_bytes(void)
{
    /* Stray bytes in UTF-8 text become U+FFFD, one per maximal ill-formed
     * subsequence; truncated sequences too. */
    char *page = make_page("<meta charset=utf-8>", zh_hans);
    const size_t n = strlen(page);
    char *bad = malloc(n + 16);
    memcpy(bad,
           "\xFF"
           "a\xE5\xB8",
           4);
    memcpy(bad + 4, page, n);
    memcpy(bad + 4 + n,
           "\xC0\xAF"
           "z\xE4\xB8",
           6);
    char *want = malloc(n + 32);
    snprintf(want, n + 32,
             "\xEF\xBF\xBD"
             "a\xEF\xBF\xBD%s"
             "\xEF\xBF\xBD\xEF\xBF\xBD"
             "z\xEF\xBF\xBD",
             page);
    expect(bad, n + 10, NULL, true, want, "UTF-8", "meta");
    free(want);
    free(bad);
    free(page);
    /* A GBK page cut inside its last character. */
    page = make_page("<meta charset=gbk>", zh_hans);
    size_t len = 0;
    char *bytes = encode(page, "GBK", &len);
    memcpy(bytes + len, "\xD6", 1);
    want = malloc(strlen(page) + 4);
    snprintf(want, strlen(page) + 4, "%s\xEF\xBF\xBD", page);
    expect(bytes, len + 1, NULL, true, want, "GBK", "meta");
    free(want);
    free(bytes);
    free(page);
    /* windows-1252: 0x80 is the euro sign, 0x81 is U+0081 (as browsers). */
    expect_s("<p>\x80 5 \x81\xE9</p>", "latin1", true,
             "<p>\xE2\x82\xAC 5 \xC2\x81\xC3\xA9</p>", "windows-1252", "http");
}

static void
test_nfc_and_nul(void)
{
    /* Decomposed é and Hangul jamo compose; NULs vanish. */
    expect_s("cafe\xCC\x81 \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", NULL, false,
             "caf\xC3\xA9 \xED\x95\x9C", "UTF-8", "utf8");
    expect("a\0b\0c", 5, NULL, false, "abc", "UTF-8", "utf8");
    expect("\xEF\xBB\xBF"
           "a\0b",
           6, NULL, false, "ab", "UTF-8", "bom");
    /* Combining marks are put in canonical order. */
    expect("x\xCC\xA3\xCC\x81y", 6, NULL, false, "x\xCC\xA3\xCC\x81y", "UTF-8",
           "utf8");
    expect("x\xCC\x81\xCC\xA3y", 6, NULL, false, "x\xCC\xA3\xCC\x81y", "UTF-8",
           "utf8");
}

static void
test_errors(void)
{
    px_arena *a = px_arena_new();
    px_decoded d;
    px_error err = {0};
    CHECK(px_charset_decode(a, (const unsigned char *)"", 0, NULL, true, &d,
                            &err) == PX_EEMPTY);
    px_error_clear(&err);
    CHECK(px_charset_decode(a, (const unsigned char *)"\xEF\xBB\xBF", 3, NULL,
                            true, &d, &err) == PX_EEMPTY);
    /* Binary: NULs in bulk without the UTF-16 pattern, or control bytes. */
    unsigned char bin[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof bin; i++) {
        x = x * 1103515245u + 12345u;
        bin[i] = (unsigned char)(x >> 24);
    }
    px_error_clear(&err);
    CHECK(px_charset_decode(a, bin, sizeof bin, NULL, true, &d, &err) ==
          PX_EPARSE);
    CHECK(strstr(err.msg, "binary") != NULL);
    memset(bin, 0, sizeof bin);
    memcpy(bin, "<html>", 6);
    px_error_clear(&err);
    CHECK(px_charset_decode(a, bin, sizeof bin, NULL, true, &d, &err) ==
          PX_EPARSE);
    /* Out of memory. */
    px_mem_fail_after(1);
    px_error_clear(&err);
    const char *s = "x\xCC\x81";
    px_str out;
    const px_status rc = px_utf8_clean(a, s, strlen(s), &out, &err);
    px_mem_fail_after(0);
    CHECK(rc == PX_ENOMEM);
    px_arena_free(a);
}

/* Failing the Nth allocation gives PX_ENOMEM or the right text, never a
 * crash or a leak (ASan checks the latter). */
static void
test_fail_nth_alloc(void)
{
    char *page = make_page("<meta charset=gbk>", zh_hans);
    size_t len = 0;
    char *gbk = encode(page, "GBK", &len);
    char *nfd = make_page("", "cafe\xCC\x81 x\xCC\x81\xCC\xA3");
    const struct {
        const char *data;
        size_t len;
    } cases[] = {{gbk, len}, {nfd, strlen(nfd)}};
    size_t n_enomem = 0;
    size_t n_bad = 0;
    for (size_t c = 0; c < 2; c++) {
        for (long n = 1; n <= 8; n++) {
            px_arena *a = px_arena_new();
            px_decoded d;
            px_error err = {0};
            px_mem_fail_after(n);
            const px_status rc =
                px_charset_decode(a, (const unsigned char *)cases[c].data,
                                  cases[c].len, NULL, true, &d, &err);
            px_mem_fail_after(0);
            n_enomem += rc == PX_ENOMEM;
            n_bad += rc != PX_OK && rc != PX_ENOMEM;
            n_bad += rc == PX_OK && c == 0 && strcmp(d.text.ptr, page) != 0;
            px_arena_free(a);
        }
    }
    CHECK(n_enomem > 0);
    CHECK(n_bad == 0);
    free(nfd);
    free(gbk);
    free(page);
}

static void
test_utf8_clean(void)
{
    px_arena *a = px_arena_new();
    px_str out;
    px_error err = {0};
    const char *s = "ok \xC3( \xF0\x9F\x98\x80 e\xCC\x81 \xED\xA0\x80!";
    CHECK(px_utf8_clean(a, s, strlen(s), &out, &err) == PX_OK);
    const char *want = "ok \xEF\xBF\xBD( \xF0\x9F\x98\x80 \xC3\xA9 "
                       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!";
    CHECK(out.len == strlen(want) && memcmp(out.ptr, want, out.len) == 0);
    CHECK(px_utf8_clean(a, "", 0, &out, &err) == PX_OK && out.len == 0);
    px_arena_free(a);
}

/* ICU's NFC of s (malloc'd UTF-8). */
static char *
icu_nfc(const char *s, size_t len, size_t *out_len)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar u[64];
    UChar v[128];
    int32_t n = 0;
    u_strFromUTF8(u, 64, &n, s, (int32_t)len, &st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    const int32_t m = unorm2_normalize(nfc, u, n, v, 128, &st);
    char *out = malloc(512);
    int32_t k = 0;
    u_strToUTF8(out, 512, &k, v, m, &st);
    *out_len = U_SUCCESS(st) ? (size_t)k : 0;
    return out;
}

/* Every BMP code point, alone and beside combining marks of low and high
 * class, comes out as ICU's NFC: this checks the fast path's tables. */
static void
test_nfc_every_bmp_char(void)
{
    static const char *const frames[][2] = {
        {"a", ""}, {"a\xCC\xB4", ""}, {"a", "\xCC\x95"}, {"", "\xD6\x9A"}};
    size_t bad = 0;
    px_arena *a = NULL;
    for (UChar32 c = 1; c <= 0xFFFF; c++) {
        if (U_IS_SURROGATE(c)) {
            continue;
        }
        if ((c & 0xFFF) == 1) {
            px_arena_free(a);
            a = px_arena_new();
        }
        char one[8];
        int32_t k = 0;
        U8_APPEND_UNSAFE(one, k, c);
        one[k] = '\0';
        for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
            char s[32];
            snprintf(s, sizeof s, "%s%s%s", frames[f][0], one, frames[f][1]);
            size_t want_len = 0;
            char *want = icu_nfc(s, strlen(s), &want_len);
            px_str got;
            px_error err = {0};
            if (px_utf8_clean(a, s, strlen(s), &got, &err) != PX_OK ||
                got.len != want_len || memcmp(got.ptr, want, want_len) != 0) {
                if (bad++ < 5) {
                    fprintf(stderr, "  NFC mismatch at U+%04X frame %zu\n",
                            (unsigned)c, f);
                }
            }
            free(want);
        }
    }
    px_arena_free(a);
    CHECK(bad == 0);
}

/* NFC of s by ICU on the whole text, with room for s of up to 512 bytes;
 * *out_len is 0 on failure. */
static char *
icu_nfc_big(const char *s, size_t len, size_t *out_len)
{
    UErrorCode st = U_ZERO_ERROR;
    static UChar u[1024];
    static UChar v[4096];
    int32_t n = 0;
    u_strFromUTF8(u, 1024, &n, s, (int32_t)len, &st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    const int32_t m = unorm2_normalize(nfc, u, n, v, 4096, &st);
    char *out = malloc(8192);
    int32_t k = 0;
    u_strToUTF8(out, 8192, &k, v, m, &st);
    *out_len = U_SUCCESS(st) ? (size_t)k : 0;
    return out;
}

/* Random mixes of starters, combining marks in and out of order, Hangul
 * jamo, NFC_QC=No and Maybe characters, CJK and astral ones: NFC by
 * windows (only around what may change) equals ICU on the whole text. */
static void
test_nfc_random_mixes(void)
{
    static const UChar32 palette[] = {
        'a',    'e',    'o',    ' ',    '.',     0xE9,    0x301,
        0x308,  0x323,  0x327,  0x31B,  0x334,   0x315,   0x59A,
        0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,  0x212B,  0x344,
        0x1E9B, 0x3AC,  0x3B1,  0x345,  0xF73,   0x958,   0x93C,
        0x915,  0x3099, 0x304B, 0x4E2D, 0x1D15E, 0x1F600, 0x2126,
        0x0CBF, 0x0CD5, 0x0DD9, 0x0DCF, 0x1B05,  0x1B35,  0xFB2C,
        0x05B7, 0x2ADC, 0x338,  0x3E,   0x5D,    0x200D,  0xFF76};
    const size_t n_pal = sizeof palette / sizeof palette[0];
    uint32_t seed = 12345;
    size_t bad = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char s[512];
        int32_t k = 0;
        seed = seed * 1103515245u + 12345u;
        const int n_cp = 1 + (int)((seed >> 16) % 60);
        for (int i = 0; i < n_cp; i++) {
            seed = seed * 1103515245u + 12345u;
            U8_APPEND_UNSAFE(s, k, palette[(seed >> 16) % n_pal]);
        }
        s[k] = '\0';
        size_t want_len = 0;
        char *want = icu_nfc_big(s, (size_t)k, &want_len);
        CHECK(want_len > 0);
        px_arena *a = px_arena_new();
        px_str got;
        px_error err = {0};
        if (px_utf8_clean(a, s, (size_t)k, &got, &err) != PX_OK ||
            got.len != want_len || memcmp(got.ptr, want, want_len) != 0) {
            bad++;
        }
        px_arena_free(a);
        free(want);
    }
    CHECK(bad == 0);
}

/* Whether s is well-formed UTF-8 without NUL. */
static bool
is_clean_utf8(px_str s)
{
    int32_t i = 0;
    const int32_t n = (int32_t)s.len;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.ptr, i, n, c);
        if (c <= 0) {
            return false;
        }
    }
    return true;
}

/* Each of the fuzz target's regression inputs decodes to clean UTF-8 (or
 * fails cleanly) in every mode. */
static void
replay_one(const char *buf, size_t n, void *ctx)
{
    (void)ctx;
    for (int mode = 0; mode < 2; mode++) {
        px_arena *a = px_arena_new();
        px_decoded dec;
        px_error err = {0};
        const px_status rc = px_charset_decode(a, (const unsigned char *)buf, n,
                                               NULL, mode == 0, &dec, &err);
        CHECK(rc != PX_OK || is_clean_utf8(dec.text));
        CHECK(rc == PX_OK || rc == PX_EPARSE || rc == PX_EEMPTY);
        px_arena_free(a);
    }
}

static void
test_fuzz_regressions(void)
{
    check_each_input("fuzz/regress/fuzz_charset", replay_one, NULL);
}

int
main(void)
{
    test_declared();
    test_meta_position();
    test_wrong_declaration();
    test_detected();
    test_bom();
    test_broken_bytes();
    test_nfc_and_nul();
    test_errors();
    test_fail_nth_alloc();
    test_utf8_clean();
    test_nfc_every_bmp_char();
    test_nfc_random_mixes();
    test_fuzz_regressions();
    return check_summary();
}
