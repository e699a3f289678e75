/* test_lexicon.c - the lexicon builder (lexbuild.c) and reader (lexicon.c):
 * a small lexicon is built into a temporary folder, reopened and looked up;
 * damaged copies of it must be refused, never crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lexbuild.h"
#include "lexfmt.h"
#include "lexicon.h"
#include "wordkey.h"

static char dir[64];
static char path[128];

static void
add(px_lexb *b, const char *lang, const char *form, px_concept c, float w)
{
    px_lexb_add(b, lang, px_str_c(form), c, w);
}

static void
build_sample(void)
{
    px_lexb *b = px_lexb_new();
    CHECK(b != NULL);
    const px_concept war = px_lexb_concept(b, "w:war", "war");
    const px_concept trump = px_lexb_concept(b, "w:trump", "trump");
    const px_concept trumpet = px_lexb_concept(b, "w:trumpet", "trumpet");
    const px_concept dt = px_lexb_concept(b, "n:donald-trump", "Donald Trump");
    const px_concept un = px_lexb_concept(b, "w:united nations", NULL);
    const px_concept us = px_lexb_concept(b, "c:US", "United States");
    const px_concept el = px_lexb_concept(b, "w:election", "election");
    CHECK(px_lexb_concept(b, "w:war", "other") == war);
    CHECK(px_lexb_concept(b, "w:united nations", "United Nations") == un);
    CHECK(war != 0 && war != trump && px_lexb_concept(b, "", NULL) == 0);
    add(b, "eng", "War", war, 0.5f);
    add(b, "eng", "war", war, 1.0f);
    add(b, "eng", "united  nations", un, 1.0f);
    add(b, "eng", "United States of America", us, 1.0f);
    add(b, "eng", "Trump", trumpet, 0.5f);
    add(b, "eng", "Trump", trump, 0.9f);
    add(b, "eng", "Trump", dt, 1.0f);
    add(b, "eng", "trumpet", trumpet, 1.0f);
    add(b, "eng", "elections", el, 0.9f);
    add(b, "eng", "", war, 1.0f);
    add(b, "eng", "ignored", war, 0.0f);
    add(b, "zho", "联合国", un, 1.0f);
    add(b, "zho-Hant", "總統府", us, 0.4f);
    add(b, "ara", "حرب", war, 0.9f);
    add(b, "arb", "الحرب", war, 0.8f);
    char name[16];
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "w:set%d", i);
        add(b, "eng", "set", px_lexb_concept(b, name, NULL),
            0.1f + 0.05f * (float)i);
    }
    px_lexb_mark(b, "zho", px_str_c("联合"), PX_LEX_WORD);
    px_lexb_mark(b, "eng", px_str_c("The"), PX_LEX_STOP);
    px_lexb_mark(b, "eng", px_str_c("war"), PX_LEX_WORD);
    px_lexb_source(b, "Test source", "CC0", 21);
    px_error err = {0};
    CHECK(px_lexb_write(b, path, &err) == PX_OK);
    CHECK(px_lexb_write(b, path, &err) == PX_OK); /* twice: same file */
    px_lexb_free(b);
}

/* The key of s in lang, through wordkey (so the test holds for any key
 * normalisation). */
static px_str
key_of(px_wordkey *wk, const char *lang, const char *s, px_buf *out)
{
    CHECK(px_wordkey_key(wk, lang, px_str_c(s), out, NULL) == PX_OK);
    return (px_str){out->ptr, out->len};
}

static bool
get(const px_lex *lex, px_wordkey *wk, const char *lang, const char *s,
    px_lex_hit *hit)
{
    px_buf k;
    px_buf_init(&k);
    const bool found =
        px_lex_get(lex, lang, PX_LEX_KEY, key_of(wk, lang, s, &k), hit);
    px_buf_fini(&k);
    return found;
}

static bool
top_is(const px_lex *lex, const px_lex_hit *h, const char *name)
{
    return h->n_senses > 0 &&
           px_str_eq_c(px_lex_concept_name(lex, h->senses[0].concept), name);
}

static void
check_words(const px_lex *lex, px_wordkey *wk)
{
    px_lex_hit h;
    CHECK(get(lex, wk, "eng", "war", &h) && top_is(lex, &h, "w:war"));
    CHECK(h.n_senses == 1 && h.senses[0].weight == 1.0f);
    CHECK(h.flags == PX_LEX_WORD);
    CHECK(get(lex, wk, "eng", "the", &h) && h.n_senses == 0);
    CHECK(h.flags == PX_LEX_STOP);
    CHECK(!get(lex, wk, "eng", "peace", &h));
    CHECK(!get(lex, wk, "eng", "ignored", &h));
    CHECK(!get(lex, wk, "fra", "war", &h));
    CHECK(!px_lex_get(lex, "eng", PX_LEX_KEY, (px_str){"", 0}, &h));
    CHECK(get(lex, wk, "ara", "حرب", &h) && top_is(lex, &h, "w:war"));
    CHECK(get(lex, wk, "arb", "حرب", &h) && h.senses[0].weight == 0.9f);
    CHECK(get(lex, wk, "ara", "الحرب", &h) && top_is(lex, &h, "w:war"));
    CHECK(get(lex, wk, "eng", "set", &h) && h.n_senses == PX_LEXB_MAX_SENSES);
    CHECK(top_is(lex, &h, "w:set11"));
    for (uint32_t i = 1; i < h.n_senses; i++) {
        CHECK(h.senses[i - 1].weight >= h.senses[i].weight);
    }
    /* stems: the stem of a single word's key is in the stem space */
    px_buf k;
    px_buf s;
    px_buf_init(&k);
    px_buf_init(&s);
    const px_str key = key_of(wk, "eng", "elections", &k);
    CHECK(px_wordkey_stem(wk, "eng", key, &s, NULL) == PX_OK);
    const bool st =
        px_lex_get(lex, "eng", PX_LEX_STEM, (px_str){s.ptr, s.len}, &h);
    CHECK(!px_wordkey_has_stemmer("eng") ||
          (st && top_is(lex, &h, "w:election")));
    CHECK(!px_lex_get(lex, "eng", PX_LEX_STEM,
                      key_of(wk, "eng",
                             "united "
                             "nations",
                             &k),
                      &h));
    px_buf_fini(&k);
    px_buf_fini(&s);
}

static void
check_names(const px_lex *lex, px_wordkey *wk)
{
    px_lex_hit h;
    CHECK(get(lex, wk, "eng", "trump", &h) && h.n_senses == 3);
    CHECK(top_is(lex, &h, "n:donald-trump"));
    CHECK(h.senses[1].weight <= 0.3f && h.senses[2].weight <= 0.3f);
    CHECK(get(lex, wk, "eng", "trumpet", &h) && h.senses[0].weight == 1.0f);
    const px_concept c = px_lex_concept_by_name(lex, PX_STR_LIT("c:US"));
    CHECK(c != 0);
    CHECK(px_str_eq_c(px_lex_concept_name(lex, c), "c:US"));
    CHECK(px_str_eq_c(px_lex_concept_gloss(lex, c), "United States"));
    const px_concept w = px_lex_concept_by_name(lex, PX_STR_LIT("w:war"));
    CHECK(px_str_eq_c(px_lex_concept_gloss(lex, w), "war"));
    const px_concept u =
        px_lex_concept_by_name(lex, PX_STR_LIT("w:united nations"));
    CHECK(px_str_eq_c(px_lex_concept_gloss(lex, u), "United Nations"));
    CHECK(px_lex_concept_by_name(lex, PX_STR_LIT("c:XX")) == 0);
    CHECK(px_lex_concept_name(lex, 0).len == 0);
    CHECK(px_lex_concept_gloss(lex, 100000).len == 0);
}

static void
check_phrases(const px_lex *lex, px_wordkey *wk)
{
    px_lex_hit h;
    CHECK(get(lex, wk, "eng", "United Nations", &h) &&
          top_is(lex, &h, "w:united nations") && h.flags == 0);
    CHECK(get(lex, wk, "eng", "united", &h) && h.n_senses == 0);
    CHECK(h.flags == PX_LEX_PREFIX);
    CHECK(get(lex, wk, "eng", "united states", &h));
    CHECK(h.flags == PX_LEX_PREFIX);
    CHECK(get(lex, wk, "eng", "united states of", &h));
    CHECK(!get(lex, wk, "eng", "states of america", &h));
    CHECK(px_lex_max_words(lex, "eng") == 4);
    CHECK(px_lex_max_words(lex, "ara") == 1);
    CHECK(px_lex_max_words(lex, "deu") == 1);
    CHECK(px_lex_max_words(lex, "zho") == 3);
    CHECK(get(lex, wk, "zho", "联", &h) && h.flags == PX_LEX_PREFIX);
    CHECK(get(lex, wk, "zho", "联合", &h));
    CHECK(h.flags == (PX_LEX_PREFIX | PX_LEX_WORD) && h.n_senses == 0);
    CHECK(get(lex, wk, "zho", "联合国", &h) && h.flags == 0);
    CHECK(top_is(lex, &h, "w:united nations"));
    /* traditional forms are folded the way wordkey folds text */
    px_buf k;
    px_buf_init(&k);
    const px_str t = key_of(wk, "zho-Hant", "總統府", &k);
    CHECK(px_lex_get(lex, "zho", PX_LEX_KEY, t, &h) && top_is(lex, &h, "c:US"));
    px_buf_fini(&k);
}

static void
check_info(const px_lex *lex)
{
    px_lex_info info;
    px_lex_get_info(lex, &info);
    CHECK(info.n_langs == 3 && info.n_sources == 1);
    CHECK(info.n_concepts == 19);
    px_str name;
    px_str lic;
    uint64_t n = 0;
    px_lex_source_at(lex, 0, &name, &lic, &n);
    CHECK(px_str_eq_c(name, "Test source") && px_str_eq_c(lic, "CC0"));
    CHECK(n == 21);
    size_t found = 0;
    for (size_t i = 0; i < info.n_entries; i++) {
        char lang[4];
        px_lex_space sp;
        px_str key;
        px_lex_entry_at(lex, i, lang, &sp, &key);
        found += strcmp(lang, "eng") == 0 && sp == PX_LEX_KEY &&
                 px_str_eq_c(key, "war");
    }
    CHECK(found == 1);
    char code[4];
    size_t nk = 0;
    size_t ns = 0;
    px_lex_lang_at(lex, 0, code, &nk, &ns);
    CHECK(strcmp(code, "eng") == 0 && nk >= 10);
}

/* ---- damaged files ----------------------------------------------------- */

static char *
slurp(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    CHECK(f != NULL);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc(*len);
    CHECK(d != NULL && fread(d, 1, *len, f) == *len);
    fclose(f);
    return d;
}

/* Writes data to a file and tries to open it; the status. Lookups on an
 * accepted file must not crash. */
static px_status
try_open(const char *data, size_t len)
{
    char p[160];
    snprintf(p, sizeof p, "%s/bad.plx", dir);
    FILE *f = fopen(p, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len) {
        CHECK(!"cannot write the damaged copy");
    }
    if (f != NULL) {
        fclose(f);
    }
    px_lex *lex = NULL;
    px_error err = {0};
    const px_status st = px_lex_open(p, &lex, &err);
    if (lex != NULL) {
        px_lex_hit h;
        (void)px_lex_get(lex, "eng", PX_LEX_KEY, PX_STR_LIT("war"), &h);
        (void)px_lex_get(lex, "zho", PX_LEX_KEY, PX_STR_LIT("联合"), &h);
        (void)px_lex_concept_by_name(lex, PX_STR_LIT("w:war"));
    }
    px_lex_close(lex);
    remove(p);
    return st;
}

static void
check_damage(void)
{
    size_t len = 0;
    char *d = slurp(path, &len);
    CHECK(try_open(d, len) == PX_OK);
    CHECK(try_open(d, len / 2) == PX_EPARSE);
    CHECK(try_open(d, 100) == PX_EPARSE);
    CHECK(try_open(d, 0) == PX_EPARSE);
    d[0] ^= 1;
    CHECK(try_open(d, len) == PX_EPARSE);
    d[0] ^= 1;
    px_lexf_header h;
    memcpy(&h, d, sizeof h);
    d[8] ^= 0x40; /* version */
    CHECK(try_open(d, len) == PX_EPARSE);
    d[8] ^= 0x40;
    px_lexf_entry e;
    memcpy(&e, d + h.entries_off, sizeof e);
    e.key_off = UINT32_MAX; /* a key outside the strings */
    memcpy(d + h.entries_off, &e, sizeof e);
    CHECK(try_open(d, len) == PX_EPARSE);
    free(d);
    d = slurp(path, &len);
    /* single bytes changed: refused or still safe to use (every byte of
     * the header, a sample of the rest) */
    for (size_t i = 0; i < len; i += i < sizeof h ? 1 : 1 + len / 1500) {
        d[i] = (char)(d[i] ^ 0xA5);
        (void)try_open(d, len);
        d[i] = (char)(d[i] ^ 0xA5);
    }
    free(d);
    px_lex *lex = NULL;
    px_error err = {0};
    CHECK(px_lex_open("/nonexistent/lexicon.plx", &lex, &err) == PX_EIO);
    CHECK(lex == NULL && strstr(err.msg, "parallax lexicon build") != NULL);
}

static void
check_write_errors(void)
{
    px_lexb *b = px_lexb_new();
    px_error err = {0};
    CHECK(px_lexb_write(b, "/nonexistent/dir/x.plx", &err) == PX_EIO);
    px_lexb_free(b);
    /* an empty lexicon is a valid file */
    char p[160];
    snprintf(p, sizeof p, "%s/empty.plx", dir);
    b = px_lexb_new();
    CHECK(px_lexb_write(b, p, NULL) == PX_OK);
    px_lexb_free(b);
    px_lex *lex = NULL;
    CHECK(px_lex_open(p, &lex, NULL) == PX_OK);
    px_lex_hit h;
    CHECK(lex != NULL &&
          !px_lex_get(lex, "eng", PX_LEX_KEY, PX_STR_LIT("war"), &h));
    CHECK(px_lex_max_words(lex, "eng") == 1);
    px_lex_close(lex);
    remove(p);
}

static void
check_paths(void)
{
    px_lexsrc_paths p;
    px_lexsrc_paths_default(&p, "/repo");
    CHECK(strstr(p.dictd, "dictd") != NULL);
    CHECK(getenv("PX_NPM_CACHE") != NULL ||
          strcmp(p.npm_dir, "/repo/.cache/npm") == 0);
    CHECK_STR_EQ(p.data_dir, "/repo/data/lexicon");
    char out[512];
    setenv("PX_LEXICON", "/x/y.plx", 1);
    px_lex_default_path(out, sizeof out);
    CHECK_STR_EQ(out, "/x/y.plx");
    unsetenv("PX_LEXICON");
    px_lex_default_path(out, sizeof out);
    CHECK(strstr(out, "lexicon.plx") != NULL);
}

int
main(void)
{
    snprintf(dir, sizeof dir, "/tmp/px_test_lexicon_XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/lexicon.plx", dir);
    build_sample();
    px_lex *lex = NULL;
    px_error err = {0};
    CHECK(px_lex_open(path, &lex, &err) == PX_OK);
    px_wordkey *wk = px_wordkey_new();
    if (lex != NULL && wk != NULL) {
        check_words(lex, wk);
        check_names(lex, wk);
        check_phrases(lex, wk);
        check_info(lex);
    }
    px_wordkey_free(wk);
    px_lex_close(lex);
    check_damage();
    check_write_errors();
    check_paths();
    remove(path);
    CHECK(rmdir(dir) == 0); /* no temporary file was left behind */
    return check_summary();
}
