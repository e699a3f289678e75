/* test_opencc_shim.c - the darts-dictionary converter of opencc_shim gives
 * what OpenCC's own (marisa) loading of tw2sp gives: on fixed words whose
 * conversion depends on phrase entries or on entries a darts trie built
 * from an unsorted lexicon loses, and on thousands of strings drawn from a
 * pool of traditional and simplified words and characters. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "opencc_shim.h"

/* Written for this test: Taiwan and traditional vocabulary with phrase
 * entries in tw2sp (country names, computing words), characters that
 * convert alone, and words that stay as they are. */
static const char *const pool[] = {
    "什麼",       "么",       "麼",     "乾隆", "乾淨",
    "軟體",       "網路",     "資料庫", "程式", "沙烏地阿拉伯",
    "哥斯大黎加", "著名",     "著",     "後來", "於是",
    "發現",       "頭髮",     "理髮",   "臺灣", "台灣",
    "為了",       "裡面",     "這個",   "國家", "電腦",
    "記憶體",     "滑鼠",     "伺服器", "影片", "建立",
    "支援",       "人工智慧", "智慧",   "藉由", "宣告",
    "反覆",       "一目瞭然", "瞭解",   "了解", "的",
    "是",         "在",       "一",     "人",   "中",
    "大",         "說",       "話",     "時",   "會",
    "個",         "們",       "來",     "對",   "將",
    "並",         "員",       "，",     "。",   "「",
    "」",         "2024",     "a",      " ",    "新聞",
    "報導",       "總統",     "選舉",   "經濟", "發展",
};

static uint32_t
next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* True if both converters turn s into the same text. */
static int
same(px_opencc *fast, px_opencc *slow, const char *s)
{
    size_t nf = 0;
    size_t ns = 0;
    const char *f = px_opencc_convert(fast, s, strlen(s), &nf);
    char *fcopy = f != NULL ? strndup(f, nf) : NULL;
    const char *w = px_opencc_convert(slow, s, strlen(s), &ns);
    const int ok =
        fcopy != NULL && w != NULL && nf == ns && memcmp(fcopy, w, nf) == 0;
    if (!ok) {
        fprintf(stderr, "differs on \"%s\": \"%s\" vs \"%s\"\n", s,
                fcopy ? fcopy : "(null)", w ? w : "(null)");
    }
    free(fcopy);
    return ok;
}

static void
test_fixed(px_opencc *fast, px_opencc *slow)
{
    size_t n = 0;
    const char *r = px_opencc_convert(fast, "軟體", strlen("軟體"), &n);
    CHECK(r != NULL && n == strlen("软件") && memcmp(r, "软件", n) == 0);
    for (size_t i = 0; i < sizeof pool / sizeof pool[0]; i++) {
        CHECK(same(fast, slow, pool[i]));
    }
    r = px_opencc_convert(fast, "", 0, &n);
    CHECK(r != NULL && n == 0);
}

static void
test_random(px_opencc *fast, px_opencc *slow)
{
    const size_t np = sizeof pool / sizeof pool[0];
    uint32_t seed = 20261122u;
    int bad = 0;
    for (int it = 0; it < 3000; it++) {
        char s[256];
        size_t len = 0;
        const uint32_t parts = 1 + next_rand(&seed) % 8;
        for (uint32_t p = 0; p < parts; p++) {
            const char *w = pool[next_rand(&seed) % np];
            const size_t wl = strlen(w);
            if (len + wl < sizeof s) {
                memcpy(s + len, w, wl);
                len += wl;
            }
        }
        s[len] = '\0';
        bad += !same(fast, slow, s);
    }
    CHECK(bad == 0);
}

int
main(void)
{
    px_opencc *fast = px_opencc_open("tw2sp.json", 1);
    px_opencc *slow = px_opencc_open("tw2sp.json", 0);
    CHECK(fast != NULL && slow != NULL);
    CHECK(px_opencc_open("no-such-config.json", 1) == NULL);
    if (fast != NULL && slow != NULL) {
        test_fixed(fast, slow);
        test_random(fast, slow);
    }
    px_opencc_close(fast);
    px_opencc_close(slow);
    px_opencc_close(NULL);
    return check_summary();
}
