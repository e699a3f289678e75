/* test_words.c - word units: offsets into the original text, keys, stems,
 * flags, Arabic proclitics and Chinese segmentation, without a lexicon and
 * with a small one built for the test; the seed pages when present. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/ubrk.h>

#include "arena.h"
#include "check.h"
#include "langid.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "str.h"
#include "words.h"

typedef struct split_out {
    px_arena *a;
    px_word *v;
    size_t n;
} split_out;

/* Splits text and checks the invariants every split keeps: units in order,
 * inside the text, not overlapping, clitics inside the unit, keys set. */
static split_out
split(px_words *w, const char *text, const char *lang)
{
    split_out o = {px_arena_new(), NULL, 0};
    const size_t len = strlen(text);
    size_t n_before = 0;
    size_t n_after = 0;
    /* counting leaves key-only words behind, which the split must redo */
    CHECK(px_words_count(w, (px_str){text, len}, lang, &n_before, NULL) ==
          PX_OK);
    CHECK(px_words_split(w, (px_str){text, len}, lang, o.a, &o.v, &o.n, NULL) ==
          PX_OK);
    CHECK(px_words_count(w, (px_str){text, len}, lang, &n_after, NULL) ==
          PX_OK);
    CHECK(n_before == o.n && n_after == o.n);
    for (size_t i = 0; i < o.n; i++) {
        const px_word *u = &o.v[i];
        CHECK(u->off + u->len <= len && u->len > 0);
        CHECK(i == 0 || u->off >= o.v[i - 1].off + o.v[i - 1].len);
        CHECK(u->clitic_len < u->len);
        CHECK(u->key.len > 0 && u->stem.len > 0);
        CHECK(u->full_key.len >= u->key.len);
    }
    return o;
}

static bool
surface_is(const split_out *o, const char *text, size_t i, const char *want)
{
    return i < o->n && o->v[i].len == strlen(want) &&
           memcmp(text + o->v[i].off, want, o->v[i].len) == 0;
}

static bool
key_is(const split_out *o, size_t i, const char *want)
{
    return i < o->n && px_str_eq_c(o->v[i].key, want);
}

static void
test_english(px_words *w)
{
    const char *t = "The U.N. said 20 people, Ilham Aliyev's elections.";
    split_out o = split(w, t, "eng");
    CHECK(surface_is(&o, t, 0, "The") && key_is(&o, 0, "the"));
    CHECK((o.v[0].flags & PX_WORD_CAP) != 0);
    CHECK(strcmp(px_word_script_name(o.v[0].script), "Latn") == 0);
    size_t i = 0;
    while (i < o.n && !key_is(&o, i, "20")) {
        i++;
    }
    CHECK(i < o.n && (o.v[i].flags & PX_WORD_NUMBER) != 0);
    CHECK(key_is(&o, i + 1, "people") && px_str_eq_c(o.v[i + 1].stem, "peopl"));
    CHECK((o.v[i + 1].flags & (PX_WORD_CAP | PX_WORD_STOP)) == 0);
    CHECK(key_is(&o, o.n - 1, "elections"));
    CHECK(px_str_eq_c(o.v[o.n - 1].stem, "elect"));
    px_arena_free(o.a);
}

/* Without a lexicon only the article goes, when three letters remain. */
static void
test_arabic_plain(px_words *w)
{
    const char *t = "وَالرَّئِيسُ بالحكومة الى للرئيس ولد";
    split_out o = split(w, t, "arb");
    CHECK(o.n == 5);
    CHECK(surface_is(&o, t, 0, "وَالرَّئِيسُ"));
    CHECK(key_is(&o, 0, "رييس") && px_str_eq_c(o.v[0].full_key, "والرييس"));
    CHECK(o.v[0].clitic_len == strlen("وَال")); /* the fatha is inside */
    CHECK(key_is(&o, 1, "حكومه") && o.v[1].clitic_len == strlen("بال"));
    CHECK(key_is(&o, 2, "الي") && o.v[2].clitic_len == 0);
    CHECK(key_is(&o, 3, "رييس") && o.v[3].clitic_len == strlen("لل"));
    CHECK(key_is(&o, 4, "ولد") && o.v[4].clitic_len == 0);
    CHECK(strcmp(px_word_script_name(o.v[0].script), "Arab") == 0);
    px_arena_free(o.a);
    /* clitics followed by format characters only (U+0604): nothing of the
     * surface would be left, so nothing is split off (fuzz_words) */
    o = split(w, "\xD9\x84\xD9\x84\xD8\x84\xD8\x84\xD8\x84", "arb");
    CHECK(o.n == 1 && o.v[0].clitic_len == 0 && o.v[0].key.len == 10);
    px_arena_free(o.a);
}

/* Traditional Chinese: keys folded, offsets on the original characters. */
static void
test_chinese_plain(px_words *w)
{
    const char *t = "亞塞拜然總統在加薩。";
    split_out o = split(w, t, "zho-Hant");
    CHECK(o.n >= 3);
    size_t covered = 0;
    for (size_t i = 0; i < o.n; i++) {
        CHECK((o.v[i].flags & PX_WORD_IDEO) != 0);
        covered += o.v[i].len;
    }
    CHECK(covered == strlen(t) - strlen("。"));
    CHECK(o.v[0].off == 0);
    size_t i = 0;
    while (i < o.n && !surface_is(&o, t, i, "總統")) {
        i++;
    }
    CHECK(key_is(&o, i, "总统"));
    px_arena_free(o.a);
}

/* French and Italian elisions go like clitics; aujourd’hui stays whole. */
static void
test_elision(px_words *w)
{
    const char *t = "Qu’il l'équipe aujourd’hui";
    split_out o = split(w, t, "fra");
    CHECK(o.n == 3);
    CHECK(key_is(&o, 0, "il") && o.v[0].clitic_len == strlen("Qu’"));
    CHECK(px_str_eq_c(o.v[0].full_key, "qu’il"));
    CHECK(key_is(&o, 1, "équipe") && o.v[1].clitic_len == 2);
    CHECK(key_is(&o, 2, "aujourd’hui") && o.v[2].clitic_len == 0);
    px_arena_free(o.a);
    o = split(w, "dell’Europa don't", "ita");
    CHECK(o.n == 2 && key_is(&o, 0, "europa") && key_is(&o, 1, "don't"));
    px_arena_free(o.a);
    o = split(w, "l'équipe", "eng");
    CHECK(o.n == 1 && key_is(&o, 0, "l'équipe"));
    px_arena_free(o.a);
}

static void
test_edges(px_words *w)
{
    split_out o = split(w, "", "eng");
    CHECK(o.n == 0);
    px_arena_free(o.a);
    o = split(w, "... -- !!", "und");
    CHECK(o.n == 0);
    px_arena_free(o.a);
    o = split(w, "\xE2\x80\x8B\xC2\xAD", NULL); /* only ignorables */
    px_arena_free(o.a);
    const char bad[] = "ab\xFF\xFE cd \xC3";
    o = split(w, bad, "eng");
    CHECK(o.n >= 2);
    px_arena_free(o.a);
}

static void
add(px_lexb *b, const char *lang, const char *form, const char *name)
{
    px_lexb_add(b, lang, px_str_c(form), px_lexb_concept(b, name, NULL), 1.0f);
}

/* A small lexicon at path: Chinese words and names, Arabic words. */
static bool
build_lexicon(const char *path)
{
    px_lexb *b = px_lexb_new();
    if (b == NULL) {
        return false;
    }
    add(b, "zho", "阿塞拜疆", "c:AZ");
    add(b, "zho", "加沙", "g:281133");
    add(b, "zho", "总统", "w:president");
    add(b, "zho", "阿利耶夫", "n:ilham-aliyev");
    add(b, "zho", "联合国", "n:united-nations");
    px_lexb_mark(b, "zho", px_str_c("美国"), PX_LEX_WORD);
    px_lexb_mark(b, "zho", px_str_c("一名"), PX_LEX_WORD);
    add(b, "zho", "一", "w:one");
    px_lexb_mark(b, "zho", px_str_c("一"), PX_LEX_STOP);
    px_lexb_mark(b, "zho", px_str_c("伊利哈"), PX_LEX_WORD);
    add(b, "zho", "伊", "w:he");
    add(b, "zho", "利", "w:profit");
    add(b, "zho", "哈", "w:laugh");
    add(b, "zho", "名", "w:name");
    px_lexb_mark(b, "zho", px_str_c("在"), PX_LEX_WORD | PX_LEX_STOP);
    add(b, "ara", "رئيس", "w:president");
    add(b, "ara", "ولد", "w:boy");
    add(b, "ara", "غزة", "g:281133");
    px_lexb_mark(b, "ara", px_str_c("في"), PX_LEX_STOP);
    px_lexb_mark(b, "eng", px_str_c("the"), PX_LEX_STOP);
    const bool ok = px_lexb_write(b, path, NULL) == PX_OK;
    px_lexb_free(b);
    return ok;
}

static void
test_chinese_lexicon(px_words *w)
{
    const char *t = "阿塞拜疆总统阿利耶夫在联合国会见了美国人";
    split_out o = split(w, t, "zho-Hans");
    CHECK(o.n >= 6);
    CHECK(surface_is(&o, t, 0, "阿塞拜疆") && key_is(&o, 0, "阿塞拜疆"));
    CHECK(surface_is(&o, t, 1, "总统") && surface_is(&o, t, 2, "阿利耶夫"));
    CHECK(surface_is(&o, t, 3, "在") && (o.v[3].flags & PX_WORD_STOP) != 0);
    CHECK(surface_is(&o, t, 4, "联合国"));
    CHECK((o.v[4].flags & (PX_WORD_KNOWN | PX_WORD_IDEO)) ==
          (PX_WORD_KNOWN | PX_WORD_IDEO));
    px_arena_free(o.a);
    /* a word without senses is read as the words with senses in it */
    const char *yi = "一名美国";
    o = split(w, yi, "zho-Hans");
    CHECK(o.n == 3 && surface_is(&o, yi, 0, "一") &&
          surface_is(&o, yi, 1, "名") && surface_is(&o, yi, 2, "美国"));
    px_arena_free(o.a);
    /* but a name made of characters with senses stays whole */
    const char *name = "伊利哈";
    o = split(w, name, "zho-Hans");
    CHECK(o.n == 1 && surface_is(&o, name, 0, "伊利哈"));
    px_arena_free(o.a);
    /* traditional: folded keys, original offsets */
    const char *tw = "「亞塞拜然總統」";
    o = split(w, tw, "zho-Hant");
    CHECK(o.n == 2);
    CHECK(surface_is(&o, tw, 0, "亞塞拜然") && key_is(&o, 0, "阿塞拜疆"));
    CHECK(surface_is(&o, tw, 1, "總統") && key_is(&o, 1, "总统"));
    px_arena_free(o.a);
}

static void
test_arabic_lexicon(px_words *w)
{
    const char *t = "والرئيس ولد وفي بغزة والكتاب";
    split_out o = split(w, t, "arb");
    CHECK(o.n == 5);
    CHECK(key_is(&o, 0, "رييس") && o.v[0].clitic_len == strlen("وال"));
    CHECK(key_is(&o, 1, "ولد") && o.v[1].clitic_len == 0);
    CHECK(key_is(&o, 2, "في") && (o.v[2].flags & PX_WORD_STOP) != 0);
    CHECK(o.v[2].clitic_len == strlen("و"));
    CHECK(key_is(&o, 3, "غزه") && o.v[3].clitic_len == strlen("ب"));
    CHECK((o.v[3].flags & PX_WORD_KNOWN) != 0);
    /* unknown to the lexicon: the article still goes */
    CHECK(key_is(&o, 4, "كتاب") && o.v[4].clitic_len == strlen("وال"));
    px_arena_free(o.a);
    const char *e = "The war";
    o = split(w, e, "eng");
    CHECK(o.n == 2 && (o.v[0].flags & PX_WORD_STOP) != 0);
    CHECK((o.v[1].flags & PX_WORD_STOP) == 0);
    px_arena_free(o.a);
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    const long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    *len = p != NULL ? fread(p, 1, (size_t)n, f) : 0;
    fclose(f);
    return p;
}

typedef struct seed_found {
    int zh_country;
    int zh_gaza;
    int ar_country;
    int ar_gaza;
} seed_found;

static void
seed_scan(px_words *w, const char *text, size_t len, seed_found *sf)
{
    px_langid_result l;
    CHECK(px_langid_detect((px_str){text, len}, &l, NULL) == PX_OK);
    split_out o = {px_arena_new(), NULL, 0};
    CHECK(px_words_split(w, (px_str){text, len}, l.lang, o.a, &o.v, &o.n,
                         NULL) == PX_OK);
    const bool zh = strncmp(l.lang, "zho", 3) == 0;
    const bool ar = strcmp(l.lang, "arb") == 0;
    for (size_t i = 0; i < o.n; i++) {
        CHECK(o.v[i].off + o.v[i].len <= len);
        sf->zh_country += zh && key_is(&o, i, "阿塞拜疆");
        sf->zh_gaza += zh && key_is(&o, i, "加沙");
        sf->ar_country += ar && key_is(&o, i, "اذربيجان");
        sf->ar_gaza += ar && key_is(&o, i, "غزه");
    }
    px_arena_free(o.a);
}

/* The Arabic and Chinese seed pages: the country and Gaza as words. */
static void
test_seeds(px_words *w)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/seeds", check_shared_dir());
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("SKIP: seeds absent\n");
        return;
    }
    seed_found sf = {0, 0, 0, 0};
    const struct dirent *e = NULL;
    while ((e = readdir(d)) != NULL) {
        const size_t nl = strlen(e->d_name);
        if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt") != 0) {
            continue;
        }
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = slurp(path, &len);
        if (text != NULL) {
            seed_scan(w, text, len, &sf);
        }
        free(text);
    }
    closedir(d);
    CHECK(sf.zh_country >= 1 && sf.zh_gaza >= 1);
    CHECK(sf.ar_country >= 1 && sf.ar_gaza >= 1);
}

/* Writes 1 to max_pieces pieces drawn at random (seed advances) into s,
 * NUL-terminated; returns the length. s must hold max_pieces of the
 * longest piece. */
static size_t
random_text(char *s, const char *const *list, size_t n, size_t max_pieces,
            unsigned *seed)
{
    size_t len = 0;
    *seed = *seed * 1103515245u + 12345u;
    const size_t n_pieces = 1 + (*seed >> 16) % max_pieces;
    for (size_t i = 0; i < n_pieces; i++) {
        *seed = *seed * 1103515245u + 12345u;
        const char *piece = list[(*seed >> 16) % n];
        const size_t pl = strlen(piece);
        memcpy(s + len, piece, pl);
        len += pl;
    }
    s[len] = '\0';
    return len;
}

/* A Chinese count takes ideograph runs without ICU when the lexicon
 * starts a word at every character: the count must still be the split's
 * (split() checks), on random strings of words, other ideographs, kana,
 * marks and separators. */
static void
test_chinese_count(px_words *w)
{
    static const char *const zh[] = {
        "阿塞拜疆", "总统", "联合国",   "美国",         "一名",
        "伊",       "利",   "哈",       "名",           "在",
        "中",       "文",   "亞塞拜然", "總統",         "a",
        "Z",        "1",    " ",        "\n",           ",",
        "，",       "。",   "「",       "」",           "\xCC\x81",
        "\xC2\xAD", "ア",   "の",       "\xE2\x80\x8D", "\xEF\xBC\x91",
        "'",        ".",    "_"};
    unsigned seed = 777;
    for (int round = 0; round < 3000; round++) {
        char s[256];
        random_text(s, zh, sizeof zh / sizeof zh[0], 16, &seed);
        split_out o = split(w, s, (seed >> 8) & 1 ? "zho-Hans" : "zho-Hant");
        px_arena_free(o.a);
    }
}

static void
with_lexicon(void)
{
    char path[] = "/tmp/px_test_words_XXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return;
    }
    close(fd);
    px_lex *lex = NULL;
    px_words *w = NULL;
    CHECK(build_lexicon(path));
    CHECK(px_lex_open(path, &lex, NULL) == PX_OK);
    CHECK(px_words_new(lex, &w, NULL) == PX_OK);
    if (w != NULL) {
        test_chinese_lexicon(w);
        test_chinese_count(w);
        test_arabic_lexicon(w);
        test_seeds(w);
    }
    px_words_free(w);
    px_lex_close(lex);
    unlink(path);
}

/* Pieces of every word break class words_fast.c handles, and some it
 * leaves to ICU (combining mark, soft hyphen, '_', Hebrew, kana, Arabic
 * decimal separator), so lines go both ways. */
static const char *const pieces[] = {
    "a",
    "Z",
    "\xC3\xA9",
    "\xD0\xB6",
    "\xCF\x89",
    "\xD8\xA8",
    "1",
    "7",
    "\xD9\xA3",
    ".",
    "'",
    "\xE2\x80\x99",
    ":",
    ",",
    ";",
    "\xC2\xB7",
    "@",
    "-",
    "\"",
    " ",
    " ",
    "\n",
    "\r",
    "\t",
    "#",
    "/",
    "\xE2\x80\x83",
    "\xC2\xA0",
    "\xE2\x80\x9C",
    "\xE2\x80\xA4",
    "\xE2\x80\xA7",
    "\xE2\x80\x8B",
    "\xE2\x80\xA8",
    "\xE2\x80\x93",
    "ab",
    "12",
    "_",
    "\xCC\x81",
    "\xC2\xAD",
    "\xD7\x90",
    "\xD7\x91", /* Hebrew bet */
    "\xD6\xB7", /* Hebrew patah (Extend) */
    "\xD7\xB3", /* Hebrew geresh (Other, not a quote) */
    "\xE3\x82\xA2",
    "\xD9\xAB",
    "\xF0\x9F\x98\x80",
    "\xE0\xA4\x95", /* Devanagari ka */
    "\xE0\xA4\xBF", /* vowel sign i (Extend) */
    "\xE0\xA5\x8D", /* virama */
    "\xE1\x83\x90", /* Georgian */
    "\xE1\x88\x80", /* Ethiopic */
    "\xE0\xB8\x81", /* Thai (dictionary) */
    "\xEA\xB0\x80", /* Hangul */
    "\xEB\x82\x98", /* Hangul */
    "\xE1\x84\x80", /* Hangul jamo */
    "\xE3\x84\xB1", /* Hangul compatibility jamo */
    "\xE4\xB8\xAD", /* Han */
    "\xE2\x80\x8D", /* ZWJ */
    "\xEF\xBC\x91", /* fullwidth 1 */
    "\xEF\xB9\x95", /* small colon */
    "\xEF\xBC\x8E", /* fullwidth full stop */
    "\xEF\xBC\x87", /* fullwidth apostrophe */
    "\xEF\xBB\xBF", /* BOM (Format) */
    "\xE2\x80\x8E", /* LRM (Format) */
    "\xC2\xA9",     /* copyright (pictographic) */
    "\xE2\x82\xAC", /* euro */
    "\xE3\x80\x80", /* ideographic space */
};

/* The word segments ICU finds in s (as words.c asks for them). */
static size_t
icu_words(const char *s, size_t len, size_t *off, size_t *wlen, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
    ubrk_setUText(bi, ut, &st);
    size_t n = 0;
    int32_t b = U_SUCCESS(st) ? ubrk_first(bi) : UBRK_DONE;
    while (b != UBRK_DONE) {
        const int32_t e = ubrk_next(bi);
        if (e != UBRK_DONE && ubrk_getRuleStatus(bi) != UBRK_WORD_NONE &&
            n < cap) {
            off[n] = (size_t)b;
            wlen[n++] = (size_t)(e - b);
        }
        b = e;
    }
    ubrk_close(bi);
    utext_close(ut);
    return n;
}

/* words.c breaks most lines itself (words_fast.c): the words must be
 * ICU's, on random strings of every class. */
static void
test_breaks_like_icu(px_words *w)
{
    unsigned seed = 12345;
    size_t bad = 0;
    for (int round = 0; round < 20000; round++) {
        char s[256];
        /* mostly letters, digits and separators */
        const size_t len =
            random_text(s, pieces, sizeof pieces / sizeof pieces[0], 24, &seed);
        size_t off[64];
        size_t wl[64];
        const size_t n = icu_words(s, len, off, wl, 64);
        split_out o = split(w, s, "eng");
        bool same = o.n == n;
        for (size_t i = 0; same && i < n; i++) {
            same = o.v[i].off == off[i] && o.v[i].len == wl[i];
        }
        bad += !same;
        px_arena_free(o.a);
    }
    CHECK(bad == 0);
}

int
main(void)
{
    px_words *w = NULL;
    CHECK(px_words_new(NULL, &w, NULL) == PX_OK);
    if (w == NULL) {
        return check_summary();
    }
    test_english(w);
    test_arabic_plain(w);
    test_chinese_plain(w);
    test_edges(w);
    test_elision(w);
    test_breaks_like_icu(w);
    test_english(w); /* again: from the remembered words */
    px_words_free(w);
    with_lexicon();
    return check_summary();
}
