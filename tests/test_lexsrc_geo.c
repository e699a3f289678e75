/* test_lexsrc_geo.c - the place and name readers: .mo catalogues, locale
 * ids, nisba and admin-suffix rules on small inputs; then a lexicon built
 * from the real installed data (CLDR, iso-codes, GeoNames, world-countries,
 * actors.tsv), where the same place, month, person or organisation must
 * resolve to the same concept in Arabic, Chinese and English. Prints the
 * forms per source and language and the time of each reader; a reader
 * whose package is absent prints a SKIP line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "lexsrc_geo_int.h"
#include "wordkey.h"

static void
put32(FILE *f, uint32_t v)
{
    const unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                                (unsigned char)(v >> 16),
                                (unsigned char)(v >> 24)};
    fwrite(b, 1, 4, f);
}

/* A .mo with the header entry and two pairs, the second a plural. */
static void
write_mo(const char *path)
{
    static const char ids[] = "\0"
                              "281133\0"
                              "day\0days";
    static const char strs[] = "x\0"
                               "غزة\0"
                               "jour\0jours";
    const uint32_t id_off[3] = {0, 1, 8};
    const uint32_t id_len[3] = {0, 6, 8};
    const uint32_t st_off[3] = {0, 2, 9};
    const uint32_t st_len[3] = {1, 6, 10};
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return;
    }
    const uint32_t tables = 28;
    const uint32_t data = tables + 2 * 3 * 8;
    put32(f, 0x950412de);
    put32(f, 0);
    put32(f, 3);
    put32(f, tables);
    put32(f, tables + 24);
    put32(f, 0);
    put32(f, 0);
    for (int i = 0; i < 3; i++) {
        put32(f, id_len[i]);
        put32(f, data + id_off[i]);
    }
    for (int i = 0; i < 3; i++) {
        put32(f, st_len[i]);
        put32(f, data + (uint32_t)sizeof ids + st_off[i]);
    }
    fwrite(ids, 1, sizeof ids, f);
    fwrite(strs, 1, sizeof strs, f);
    fclose(f);
}

typedef struct mo_seen {
    int n;
    char last_id[32];
    char last_str[32];
    int has_gaza;
} mo_seen;

static void
on_pair(void *ctx, px_str id, px_str str)
{
    mo_seen *s = ctx;
    s->n++;
    snprintf(s->last_id, sizeof s->last_id, "%.*s", (int)id.len, id.ptr);
    snprintf(s->last_str, sizeof s->last_str, "%.*s", (int)str.len, str.ptr);
    s->has_gaza += px_str_eq_c(id, "281133") && px_str_eq_c(str, "غزة");
}

static void
test_mo(void)
{
    char path[] = "/tmp/px_test_mo_XXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return;
    }
    close(fd);
    write_mo(path);
    mo_seen s = {0};
    CHECK(px_mo_each(path, on_pair, &s, NULL) == PX_OK);
    CHECK(s.n == 2);
    CHECK(s.has_gaza == 1);
    CHECK_STR_EQ(s.last_id, "day"); /* plural: the first form */
    CHECK_STR_EQ(s.last_str, "jour");
    FILE *f = fopen(path, "wb");
    if (f != NULL) {
        fputs("not a catalogue at all", f);
        fclose(f);
    }
    px_error err = {0};
    CHECK(px_mo_each(path, on_pair, &s, &err) == PX_EPARSE);
    unlink(path);
    CHECK(px_mo_each(path, on_pair, &s, NULL) == PX_EIO);
}

static void
test_langs(void)
{
    char l[16];
    CHECK(px_geo_lang("ar_SY", l));
    CHECK_STR_EQ(l, "ara");
    CHECK(px_geo_lang("zh", l));
    CHECK_STR_EQ(l, "zho");
    CHECK(px_geo_lang("zh_Hant_HK", l));
    CHECK_STR_EQ(l, "zho-Hant");
    CHECK(px_geo_lang("zh_TW", l));
    CHECK_STR_EQ(l, "zho-Hant");
    CHECK(px_geo_lang("zh_Hans_SG", l));
    CHECK_STR_EQ(l, "zho");
    CHECK(px_geo_lang("sr@latin", l));
    CHECK_STR_EQ(l, "srp");
    CHECK(px_geo_lang("fa", l));
    CHECK_STR_EQ(l, "fas");
    CHECK(px_geo_lang("yue", l));
    CHECK_STR_EQ(l, "yue");
    CHECK(!px_geo_lang("root", l));
    CHECK(!px_geo_lang("C", l));
    CHECK(!px_geo_lang("Ar", l));
}

static void
test_rules(void)
{
    px_str s = px_geo_strip_admin("zho", px_str_c("加沙省"));
    CHECK(s.len == strlen("加沙"));
    s = px_geo_strip_admin("zho", px_str_c("市")); /* nothing left */
    CHECK(s.len == 0);
    s = px_geo_strip_admin("ara", px_str_c("محافظة غزة"));
    CHECK(px_str_eq_c(s, "غزة"));
    CHECK(px_geo_strip_admin("eng", px_str_c("Gaza")).len == 0);
    CHECK(px_geo_is_short(px_str_c("Of")));
    CHECK(!px_geo_is_short(px_str_c("Baku")));
    CHECK(px_geo_is_short(px_str_c("京")));
    CHECK(!px_geo_is_short(px_str_c("北京")));

    px_strset set;
    px_strset_init(&set);
    px_strset_add(&set, px_str_c("b"));
    px_strset_add(&set, px_str_c("a"));
    px_strset_add(&set, px_str_c("ab"));
    CHECK(px_strset_seal(&set));
    CHECK(px_strset_has(&set, px_str_c("ab")));
    CHECK(px_strset_has(&set, px_str_c("a")));
    CHECK(!px_strset_has(&set, (px_str){"abc", 2 + 1}));
    CHECK(!px_strset_has(&set, px_str_c("")));
    px_strset_fini(&set);
}

/* Missing inputs: PX_EIO naming the package that provides them. */
static void
test_missing(void)
{
    static const struct {
        px_lexsrc_fn fn;
        const char *package;
    } cases[] = {{px_lexsrc_cldr, "unicode-cldr-core"},
                 {px_lexsrc_iso_codes, "iso-codes"},
                 {px_lexsrc_geonames, "libgeonames0"},
                 {px_lexsrc_countries, "world-countries@5.1.0"},
                 {px_lexsrc_actors, "actors.tsv"}};
    px_lexsrc_paths p;
    px_lexsrc_paths_default(&p, "/nonexistent");
    snprintf(p.cldr, sizeof p.cldr, "/nonexistent/cldr");
    snprintf(p.iso_codes, sizeof p.iso_codes, "/nonexistent/iso");
    snprintf(p.locale, sizeof p.locale, "/nonexistent/locale");
    setenv("PX_GEONAMES_LIB", "/nonexistent/libgeonames.so.0", 1);
    px_lexb *b = px_lexb_new();
    for (size_t i = 0; b != NULL && i < sizeof cases / sizeof cases[0]; i++) {
        px_error err = {0};
        CHECK(cases[i].fn(b, &p, &err) == PX_EIO);
        CHECK(strstr(err.msg, cases[i].package) != NULL);
        if (strstr(err.msg, cases[i].package) == NULL) {
            fprintf(stderr, "  message: %s\n", err.msg);
        }
    }
    unsetenv("PX_GEONAMES_LIB");
    px_lexb_free(b);
}

/* ---- the lexicon from the installed data ---- */

static void
log_line(void *ctx, px_log_level level, const char *line)
{
    (void)ctx;
    (void)level;
    printf("  %s\n", line);
}

typedef struct reader {
    const char *name;
    px_lexsrc_fn fn;
} reader;

static double
now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Runs every reader into b; returns how many succeeded. */
static int
run_readers(px_lexb *b)
{
    static const reader readers[] = {{"cldr", px_lexsrc_cldr},
                                     {"iso-codes", px_lexsrc_iso_codes},
                                     {"geonames", px_lexsrc_geonames},
                                     {"world-countries", px_lexsrc_countries},
                                     {"actors", px_lexsrc_actors}};
    px_lexsrc_paths p;
    px_lexsrc_paths_default(&p, "..");
    int ok = 0;
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        px_error err = {0};
        const double t0 = now_s();
        const px_status rc = readers[i].fn(b, &p, &err);
        const double dt = now_s() - t0;
        if (rc == PX_EIO) {
            printf("SKIP: %s: %s\n", readers[i].name, err.msg);
            continue;
        }
        CHECK(rc == PX_OK);
        printf("  %s: %.2f s\n", readers[i].name, dt);
        ok += rc == PX_OK;
    }
    return ok;
}

/* The senses of form in lang (keyed as the builder keys it). */
static bool
senses(const px_lex *lex, px_wordkey *wk, const char *lang, const char *form,
       px_lex_hit *hit)
{
    px_buf k;
    px_buf_init(&k);
    char base[4];
    px_wordkey_base(lang, base);
    const bool found =
        px_wordkey_key(wk, lang, px_str_c(form), &k, NULL) == PX_OK &&
        px_lex_get(lex, base, PX_LEX_KEY, (px_str){k.ptr, k.len}, hit);
    px_buf_fini(&k);
    return found;
}

/* True when form in lang has concept name with at least min_weight. */
static bool
means(const px_lex *lex, px_wordkey *wk, const char *lang, const char *form,
      const char *name, float min_weight)
{
    px_lex_hit h;
    if (!senses(lex, wk, lang, form, &h)) {
        fprintf(stderr, "  %s %s: not found\n", lang, form);
        return false;
    }
    for (uint32_t i = 0; i < h.n_senses; i++) {
        if (px_str_eq_c(px_lex_concept_name(lex, h.senses[i].concept), name)) {
            return h.senses[i].weight >= min_weight;
        }
    }
    fprintf(stderr, "  %s %s: no %s\n", lang, form, name);
    return false;
}

/* True when the three forms share a concept whose name starts with kind
 * (the same place, whatever its id). */
static bool
share(const px_lex *lex, px_wordkey *wk, const char *const forms[3][2],
      char kind)
{
    px_lex_hit h[3];
    for (int i = 0; i < 3; i++) {
        if (!senses(lex, wk, forms[i][0], forms[i][1], &h[i])) {
            return false;
        }
    }
    for (uint32_t a = 0; a < h[0].n_senses; a++) {
        const px_concept c = h[0].senses[a].concept;
        int hits = 0;
        for (int i = 1; i < 3; i++) {
            for (uint32_t j = 0; j < h[i].n_senses; j++) {
                hits += h[i].senses[j].concept == c;
            }
        }
        if (hits >= 2 && px_lex_concept_name(lex, c).ptr[0] == kind) {
            return true;
        }
    }
    return false;
}

static void
check_lexicon(const px_lex *lex, px_wordkey *wk)
{
    CHECK(means(lex, wk, "ara", "أذربيجان", "c:AZ", 1.0f));
    CHECK(means(lex, wk, "zho", "阿塞拜疆", "c:AZ", 1.0f));
    CHECK(means(lex, wk, "zho-Hant", "亞塞拜然", "c:AZ", 1.0f));
    CHECK(means(lex, wk, "eng", "Azerbaijan", "c:AZ", 1.0f));
    CHECK(means(lex, wk, "ara", "أذربيجاني", "c:AZ", 0.8f));
    CHECK(means(lex, wk, "ara", "أمريكا", "c:US", 0.9f));
    CHECK(means(lex, wk, "ara", "قطاع غزة", "g:PS.GZ", 0.9f));
    CHECK(means(lex, wk, "zho", "加沙地带", "g:PS.GZ", 0.9f));
    CHECK(means(lex, wk, "eng", "Gaza Strip", "g:PS.GZ", 0.9f));
    CHECK(means(lex, wk, "zho", "伊利哈姆·阿利耶夫", "n:ilham-aliyev", 1.0f));
    CHECK(means(lex, wk, "ara", "إلهام علييف", "n:ilham-aliyev", 1.0f));
    CHECK(means(lex, wk, "ara", "الأمريكية", "c:US", 0.8f) ||
          means(lex, wk, "ara", "أمريكية", "c:US", 0.8f));
    static const char *const gaza[3][2] = {
        {"ara", "غزة"}, {"zho", "加沙"}, {"eng", "Gaza"}};
    CHECK(share(lex, wk, gaza, 'g'));
    CHECK(means(lex, wk, "eng", "Gaza", "g:281133", 0.9f));
    CHECK(means(lex, wk, "ara", "كانون الثاني", "m:01", 1.0f));
    CHECK(means(lex, wk, "ara", "يناير", "m:01", 1.0f));
    CHECK(means(lex, wk, "zho", "一月", "m:01", 1.0f));
    CHECK(means(lex, wk, "eng", "Monday", "d:1", 1.0f));
    CHECK(means(lex, wk, "ara", "ترامب", "n:donald-trump", 0.9f));
    CHECK(means(lex, wk, "zho", "特朗普", "n:donald-trump", 0.9f));
    CHECK(means(lex, wk, "eng", "Trump", "n:donald-trump", 0.9f));
    CHECK(means(lex, wk, "zho-Hant", "川普", "n:donald-trump", 0.9f));
    CHECK(means(lex, wk, "ara", "الأمم المتحدة", "n:united-nations", 1.0f));
    CHECK(means(lex, wk, "zho", "联合国", "n:united-nations", 1.0f));
    CHECK(means(lex, wk, "eng", "United Nations", "n:united-nations", 1.0f));
    CHECK(means(lex, wk, "ara", "إردوغان", "n:recep-tayyip-erdogan", 0.9f));
    CHECK(means(lex, wk, "ara", "أردوغان", "n:recep-tayyip-erdogan", 0.9f));
    CHECK(means(lex, wk, "eng", "California", "r:US-CA", 0.9f));
    CHECK(means(lex, wk, "zho", "加利福尼亚州", "r:US-CA", 0.9f));
    CHECK(means(lex, wk, "eng", "Arabic", "l:ara", 0.9f));
    /* a common word stays a word: the city sense is weak */
    CHECK(!means(lex, wk, "eng", "Mobile", "g:4076598", 0.9f));
    CHECK(means(lex, wk, "eng", "Mobile", "g:4076598", 0.3f));
}

static void
test_build(void)
{
    px_lexb *b = px_lexb_new();
    CHECK(b != NULL);
    if (b == NULL) {
        return;
    }
    px_log_set(log_line, NULL, PX_LOG_INFO);
    const double t0 = now_s();
    const int ok = run_readers(b);
    px_log_set(NULL, NULL, PX_LOG_INFO);
    char path[] = "/tmp/px_test_lexgeo_XXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    px_error err = {0};
    if (ok < 5 || fd < 0) {
        printf("SKIP: lexicon checks (%d of 5 sources)\n", ok);
    } else if (px_lexb_write(b, path, &err) == PX_OK) {
        printf("  all readers and write: %.2f s\n", now_s() - t0);
        px_lex *lex = NULL;
        px_wordkey *wk = px_wordkey_new();
        CHECK(px_lex_open(path, &lex, &err) == PX_OK);
        if (lex != NULL && wk != NULL) {
            check_lexicon(lex, wk);
        }
        px_wordkey_free(wk);
        px_lex_close(lex);
    } else {
        CHECK(false);
        fprintf(stderr, "write: %s\n", err.msg);
    }
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
    px_lexb_free(b);
}

int
main(void)
{
    test_mo();
    test_langs();
    test_rules();
    test_missing();
    test_build();
    return check_summary();
}
