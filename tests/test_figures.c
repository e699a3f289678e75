/* test_figures.c - the figures finder: golden cases in English, Arabic and
 * Chinese (tests/golden/figures/<lang>.in and .want; PX_UPDATE_GOLDEN=1
 * rewrites the .want files), unit tests of edge cases, and the seed pages. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "figures.h"
#include "str.h"

/* Figures of s, or NULL; *n their count. */
static px_figure *
find(px_arena *a, const char *s, const char *lang, size_t *n)
{
    px_figure *v = NULL;
    px_error err = {0};
    const px_status rc = px_figures_find(px_str_c(s), lang, &v, n, a, &err);
    CHECK(rc == PX_OK);
    return v;
}

static void
describe(px_buf *b, const char *s, const px_figure *f)
{
    px_buf_printf(b, "  %.*s = %.15g", (int)f->len, s + f->off, f->value);
    if (f->qual == PX_FIG_RANGE) {
        px_buf_printf(b, "..%.15g", f->high);
    }
    px_buf_printf(b, " %s %s", px_fig_qual_name(f->qual),
                  px_fig_kind_name(f->kind));
    if (f->is_percent) {
        px_buf_add_c(b, " %");
    }
    if (f->unit != PX_UNIT_NONE) {
        px_buf_printf(b, " %s", px_unit_name(f->unit));
    }
    if (f->unit_len > 0) {
        px_buf_printf(b, " [%.*s]", (int)f->unit_len, s + f->unit_off);
    }
    px_buf_add_byte(b, '\n');
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    px_buf b;
    px_buf_init(&b);
    char tmp[4096];
    size_t got = 0;
    while ((got = fread(tmp, 1, sizeof tmp, fp)) > 0) {
        px_buf_add(&b, tmp, got);
    }
    fclose(fp);
    return px_buf_take(&b, len);
}

static void
golden_run(px_buf *out, char *in, const char *lang)
{
    for (char *line = strtok(in, "\n"); line != NULL;
         line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        px_arena *a = px_arena_new();
        size_t n = 0;
        const px_figure *v = find(a, line, lang, &n);
        px_buf_printf(out, "> %s\n", line);
        for (size_t i = 0; i < n; i++) {
            describe(out, line, &v[i]);
            CHECK(v[i].sent_off <= v[i].off &&
                  v[i].off + v[i].len <= v[i].sent_off + v[i].sent_len);
        }
        px_arena_free(a);
    }
}

static void
golden(const char *name, const char *lang)
{
    char in_path[512];
    char want_path[512];
    snprintf(in_path, sizeof in_path, "golden/figures/%s.in", name);
    snprintf(want_path, sizeof want_path, "golden/figures/%s.want", name);
    size_t in_len = 0;
    char *in = slurp(in_path, &in_len);
    CHECK(in != NULL);
    if (in == NULL) {
        return;
    }
    px_buf got;
    px_buf_init(&got);
    golden_run(&got, in, lang);
    px_free(in);
    const char *upd = getenv("PX_UPDATE_GOLDEN");
    if (upd != NULL && strcmp(upd, "1") == 0) {
        FILE *fp = fopen(want_path, "wb");
        CHECK(fp != NULL);
        if (fp != NULL) {
            fwrite(got.ptr, 1, got.len, fp);
            fclose(fp);
        }
    }
    size_t want_len = 0;
    char *want = slurp(want_path, &want_len);
    const int same = want != NULL && want_len == got.len &&
                     memcmp(want, got.ptr, got.len) == 0;
    CHECK(same);
    if (!same) {
        char got_path[600];
        const char *bin = getenv("PX_BINARY_DIR");
        snprintf(got_path, sizeof got_path, "%s/figures_%s.got",
                 bin != NULL ? bin : "/tmp", name);
        FILE *fp = fopen(got_path, "wb");
        if (fp != NULL) {
            fwrite(got.ptr, 1, got.len, fp);
            fclose(fp);
            char cmd[1400];
            snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' >&2", want_path,
                     got_path);
            CHECK(system(cmd) != -1);
        }
    }
    px_free(want);
    px_buf_fini(&got);
}

/* The first figure of s, checked against value, qualifier, kind and unit. */
static void
expect(const char *s, const char *lang, double value, px_fig_qual q,
       px_fig_kind k, px_unit u)
{
    px_arena *a = px_arena_new();
    size_t n = 0;
    const px_figure *v = find(a, s, lang, &n);
    CHECK(n >= 1);
    if (n >= 1) {
        const int ok = fabs(v[0].value - value) < 1e-6 * (1 + fabs(value)) &&
                       v[0].qual == q && v[0].kind == k && v[0].unit == u;
        CHECK(ok);
        if (!ok) {
            fprintf(stderr, "  %s: got %.15g %s %s %s\n", s, v[0].value,
                    px_fig_qual_name(v[0].qual), px_fig_kind_name(v[0].kind),
                    px_unit_name(v[0].unit));
        }
    }
    px_arena_free(a);
}

static void
test_required(void)
{
    expect("7.1万", NULL, 71000, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("17万", NULL, 170000, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("71 ألف", "arb", 71000, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("أكثر من عشرين", "arb", 20, PX_FIG_MORE_THAN, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("20多", "zho", 20, PX_FIG_MORE_THAN, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("死亡人数已超7.1万人", "zho", 71000, PX_FIG_MORE_THAN,
           PX_FIG_QUANTITY, PX_UNIT_DEATHS);
    expect("伤者更是多达17万人", "zho", 170000, PX_FIG_UP_TO, PX_FIG_QUANTITY,
           PX_UNIT_INJURED);
    expect("عدد القتلى 70 ألفا", "arb", 70000, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_DEATHS);
    expect("أكثر من عشرين سؤالًا", "arb", 20, PX_FIG_MORE_THAN, PX_FIG_QUANTITY,
           PX_UNIT_QUESTIONS);
}

static void
test_separators(void)
{
    expect("1,200.5", "eng", 1200.5, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("1.200,5", "deu", 1200.5, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("1.200", "eng", 1.2, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("1.200", "deu", 1200, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("1.200", "de-AT", 1200, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("1.200.000", "eng", 1200000, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("1 200 personnes", "fra", 1200, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_PEOPLE);
    expect("1\xC2\xA0"
           "200",
           "eng", 1200, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("١٬٢٠٠٫٥", "arb", 1200.5, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("۱۲۰۰ نفر", "pes", 1200, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("１２万人", "zho", 120000, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_PEOPLE);
    expect("1,200名", "zho", 1200, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_PEOPLE);
    expect("3,5 Millionen Menschen", "deu", 3.5e6, PX_FIG_EXACT,
           PX_FIG_QUANTITY, PX_UNIT_PEOPLE);
    expect("5 mil muertos", "spa", 5000, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_DEATHS);
    expect("2 millones de personas", "spa", 2e6, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("более 3 тысяч человек", "rus", 3000, PX_FIG_MORE_THAN,
           PX_FIG_QUANTITY, PX_UNIT_PEOPLE);
    expect("plus de 2 milliards", "fra", 2e9, PX_FIG_MORE_THAN, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("mehr als 500 Soldaten", "deu", 500, PX_FIG_MORE_THAN,
           PX_FIG_QUANTITY, PX_UNIT_TROOPS);
}

static void
test_kinds(void)
{
    expect("on 2026-01-06", NULL, 2026, PX_FIG_EXACT, PX_FIG_DATE_PART,
           PX_UNIT_NONE);
    expect("in 1999.", "eng", 1999, PX_FIG_EXACT, PX_FIG_YEAR, PX_UNIT_NONE);
    expect("2026年", "zho", 2026, PX_FIG_EXACT, PX_FIG_YEAR, PX_UNIT_NONE);
    expect("第一", "zho", 1, PX_FIG_EXACT, PX_FIG_ORDINAL, PX_UNIT_NONE);
    expect("the 3rd", "eng", 3, PX_FIG_EXACT, PX_FIG_ORDINAL, PX_UNIT_NONE);
    expect("at 09:15", "eng", 9, PX_FIG_EXACT, PX_FIG_OTHER, PX_UNIT_NONE);
    expect("6 January", "eng", 6, PX_FIG_EXACT, PX_FIG_DATE_PART, PX_UNIT_NONE);
    expect("1月", "zho", 1, PX_FIG_EXACT, PX_FIG_DATE_PART, PX_UNIT_NONE);
    expect("上午5点", "zho", 5, PX_FIG_EXACT, PX_FIG_OTHER, PX_UNIT_NONE);
    expect("MH17", "eng", 17, PX_FIG_EXACT, PX_FIG_OTHER, PX_UNIT_NONE);
    expect("call 202-555-0100", "eng", 202, PX_FIG_EXACT, PX_FIG_OTHER,
           PX_UNIT_NONE);
    expect("v2 or 3.2.1", "eng", 2, PX_FIG_EXACT, PX_FIG_OTHER, PX_UNIT_NONE);
    expect("1990s", "eng", 1990, PX_FIG_EXACT, PX_FIG_YEAR, PX_UNIT_NONE);
    expect("几百万人", "zho", 1e6, PX_FIG_ABOUT, PX_FIG_QUANTITY,
           PX_UNIT_PEOPLE);
}

static void
test_sentences(void)
{
    const char *s = "Dr. Lee counted 3.5 million votes. Then 12 people left!";
    px_arena *a = px_arena_new();
    size_t n = 0;
    const px_figure *v = find(a, s, "eng", &n);
    CHECK(n == 2);
    if (n == 2) {
        CHECK(v[0].sent_off == 0);
        CHECK(v[0].sent_len == strlen("Dr. Lee counted 3.5 million votes."));
        CHECK(v[1].sent_off == strlen("Dr. Lee counted 3.5 million votes. "));
        CHECK(v[1].sent_off + v[1].sent_len == strlen(s));
        CHECK(v[0].len == strlen("3.5 million"));
    }
    const char *z = "一共3人。其中2人受伤";
    v = find(a, z, "zho", &n);
    CHECK(n == 2);
    if (n == 2) {
        CHECK(v[0].sent_len == strlen("一共3人。"));
        CHECK(v[1].sent_off == strlen("一共3人。"));
        CHECK(v[1].unit == PX_UNIT_INJURED);
    }
    px_arena_free(a);
}

static void
test_edges(void)
{
    px_arena *a = px_arena_new();
    size_t n = 7;
    px_figure *v = NULL;
    CHECK(px_figures_find((px_str){NULL, 0}, NULL, &v, &n, a, NULL) == PX_OK);
    CHECK(n == 0 && v == NULL);
    static const char bad[] = "12\xff\xfe 3\xe4\xb8 \xd9";
    CHECK(px_figures_find((px_str){bad, sizeof bad - 1}, NULL, &v, &n, a,
                          NULL) == PX_OK);
    CHECK(n == 2);
    /* the last byte of ٠ is 0xA0, not a no-break space to trim */
    v = find(a, "x \xD9\xA0", "arb", &n);
    CHECK(n == 1 && v[0].sent_off + v[0].sent_len == 4);
    v = find(a, "no numbers here, none at all", "eng", &n);
    CHECK(n == 0);
    v = find(a, "20-30%", "eng", &n);
    CHECK(n == 1 && v[0].qual == PX_FIG_RANGE && v[0].value == 20 &&
          v[0].high == 30 && v[0].is_percent);
    v = find(a, "2-3万人", "zho", &n);
    CHECK(n == 1 && v[0].value == 20000 && v[0].high == 30000);
    v = find(a, "بين 20 و30 جنديا", "arb", &n);
    CHECK(n == 1 && v[0].qual == PX_FIG_RANGE && v[0].high == 30 &&
          v[0].unit == PX_UNIT_TROOPS);
    px_mem_fail_after(1);
    px_error err = {0};
    const px_status rc =
        px_figures_find(px_str_c("1 2 3"), NULL, &v, &n, a, &err);
    px_mem_fail_after(0);
    CHECK(rc == PX_ENOMEM && n == 0);
    px_arena_free(a);
}

/* Words outside ASCII are looked up only when their signature (folded
 * length, first and last letter) may be a key's: case, diacritics,
 * Arabic proclitics and mixed scripts must not hide a listed word. */
static void
test_word_signatures(void)
{
    expect("3 МИЛЛИОНА", "rus", 3e6, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("2 Миллиарда", "rus", 2e9, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("1 millón", "spa", 1e6, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("1 MILLÓN", "spa", 1e6, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("ثَلَاثَة", "arb", 3, PX_FIG_EXACT, PX_FIG_QUANTITY, PX_UNIT_NONE);
    expect("ثلاثة وعشرون شخصا", "arb", 23, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_PEOPLE);
    expect("خمسة آلاف", "arb", 5000, PX_FIG_EXACT, PX_FIG_QUANTITY,
           PX_UNIT_NONE);
    expect("12 décembre", "fra", 12, PX_FIG_EXACT, PX_FIG_DATE_PART,
           PX_UNIT_NONE);
    expect("5 MÄRZ", "deu", 5, PX_FIG_EXACT, PX_FIG_DATE_PART, PX_UNIT_NONE);
    px_arena *a = px_arena_new();
    size_t n = 0;
    /* near misses: one letter more, or a listed word inside another */
    const px_figure *v = find(a, "миллионы тысячах ثلاثةx Xseven", "rus", &n);
    CHECK(n == 0 && v == NULL);
    px_arena_free(a);
}

typedef struct seed_stats {
    int zh_deaths;   /* 7.1万 counted as deaths */
    int zh_injured;  /* 17万 counted as injured */
    int ar_q_words;  /* أكثر من عشرين سؤالًا */
    int ar_q_digits; /* 20 questions in digits */
} seed_stats;

static void
seed_scan(const char *text, size_t len, seed_stats *st)
{
    px_arena *a = px_arena_new();
    px_figure *v = NULL;
    size_t n = 0;
    CHECK(px_figures_find((px_str){text, len}, NULL, &v, &n, a, NULL) == PX_OK);
    for (size_t i = 0; i < n; i++) {
        const px_figure *f = &v[i];
        CHECK(f->off + f->len <= len && f->sent_off + f->sent_len <= len);
        const int is_digit = text[f->off] >= '0' && text[f->off] <= '9';
        st->zh_deaths += f->value == 71000 && f->unit == PX_UNIT_DEATHS;
        st->zh_injured += f->value == 170000 && f->unit == PX_UNIT_INJURED;
        if (f->value == 20 && f->unit == PX_UNIT_QUESTIONS) {
            st->ar_q_words += !is_digit && f->qual == PX_FIG_MORE_THAN;
            st->ar_q_digits += is_digit;
        }
    }
    px_arena_free(a);
}

static void
test_seeds(void)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/seeds", check_shared_dir());
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("SKIP: seeds absent\n");
        return;
    }
    seed_stats st = {0, 0, 0, 0};
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
            seed_scan(text, len, &st);
        }
        px_free(text);
    }
    closedir(d);
    CHECK(st.zh_deaths >= 1);
    CHECK(st.zh_injured >= 1);
    CHECK(st.ar_q_words >= 1);
    CHECK(st.ar_q_digits >= 1);
}

/* The fuzz target's regression inputs: spans inside the text and inside
 * their sentences, figures in order. */
static void
test_fuzz_regressions(void)
{
    static const char dir[] = "fuzz/regress/fuzz_figures";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (d == NULL) {
        return;
    }
    const struct dirent *e = NULL;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = slurp(path, &len);
        CHECK(text != NULL);
        px_arena *a = px_arena_new();
        px_figure *v = NULL;
        size_t n = 0;
        CHECK(px_figures_find((px_str){text, len}, NULL, &v, &n, a, NULL) ==
              PX_OK);
        for (size_t i = 0; i < n; i++) {
            CHECK(v[i].off + v[i].len <= len);
            CHECK(v[i].sent_off <= v[i].off);
            CHECK(v[i].sent_off + v[i].sent_len >= v[i].off + v[i].len);
            CHECK(i == 0 || v[i].off >= v[i - 1].off + v[i - 1].len);
        }
        px_arena_free(a);
        px_free(text);
    }
    closedir(d);
}

int
main(void)
{
    test_required();
    test_separators();
    test_kinds();
    test_sentences();
    test_edges();
    test_word_signatures();
    golden("en", "eng");
    golden("ar", "arb");
    golden("zh", "zho");
    test_fuzz_regressions();
    test_seeds();
    return check_summary();
}
