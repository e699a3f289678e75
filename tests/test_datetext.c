/* test_datetext.c - date mentions in text: unit cases for the edges
 * (invalid dates, words that look like months, lone numbers), golden files
 * tests/golden/datetext/<lang>.in (one case a line: "ANCHOR<TAB>text",
 * ANCHOR being YYYY-MM-DD or "-") against <lang>.want, and the seed pages
 * when ../shared/seeds is present. PX_UPDATE_GOLDEN=1 rewrites .want.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "datetext.h"
#include "str.h"

static px_date
ymd(int y, int m, int d)
{
    px_date a = {0};
    a.year = (int16_t)y;
    a.month = (int8_t)m;
    a.day = (int8_t)d;
    a.prec = PX_PREC_DAY;
    return a;
}

static const px_date_mention *found;
static size_t n_found;
static px_arena *arena;

static size_t
find(const char *text, const char *lang, const px_date *anchor)
{
    px_arena_free(arena);
    arena = px_arena_new();
    px_date_mention *m = NULL;
    size_t n = 0;
    px_error err = {0};
    const px_status rc =
        px_datetext_find(px_str_c(text), lang, anchor, arena, &m, &n, &err);
    CHECK(rc == PX_OK);
    found = m;
    n_found = n;
    return n;
}

/* The first mention's date as ISO text, "" when unresolved. */
static const char *
first_date(void)
{
    static char buf[32];
    buf[0] = '\0';
    if (n_found > 0) {
        px_date_format(&found[0].date, buf);
    }
    return buf;
}

static void
test_absolute(void)
{
    CHECK(find("The talks opened on 5 January 2026 in Baku.", "en", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("Il est arrivé le 5 janvier 2026.", "fr", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("am 5. Januar 2026", "de", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("el 5 de enero de 2026", "es", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("5 января 2026 года", "ru", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("في 5 كانون الثاني 2026", "ar", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("2026년 1월 5일", "ko", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("01/02/2026", "en-US", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-02");
    CHECK(find("01/02/2026", "en-GB", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-02-01");
    CHECK(find("٠٦/٠١/٢٠٢٦", "ar", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-06");
}

static void
test_invalid(void)
{
    CHECK(find("on 31 February 2026", "en", NULL) == 0);
    CHECK(find("2026-02-30", "en", NULL) == 0);
    CHECK(find("29 February 2024", "en", NULL) == 1);
    CHECK(find("29 February 2025", "en", NULL) == 0);
    CHECK(find("5 January 99999", "en", NULL) == 1); /* day and month only */
    CHECK(found[0].kind == PX_DT_PARTIAL);
    CHECK(find("32/01/2026", "en", NULL) == 0);
    CHECK(find("13/13/2026", "en", NULL) == 0);
    CHECK(find("in 3500", "en", NULL) == 0);
    CHECK(find("2026年13月5日", "zh", NULL) == 1); /* only 2026年 */
    CHECK(found[0].date.prec == PX_PREC_YEAR);
}

static void
test_words(void)
{
    CHECK(find("They may go home.", "en", NULL) == 0);
    CHECK(find("Protesters march to the square.", "en", NULL) == 0);
    CHECK(find("May God help us.", "en", NULL) == 0);
    CHECK(find("in May", "en", NULL) == 1);
    CHECK(find("an august body", "en", NULL) == 0);
    CHECK(find("زار أب الضحية", "ar", NULL) == 0);
    CHECK(find("سيارة نيسان جديدة", "ar", NULL) == 0);
    CHECK(find("في شهر آب", "ar", NULL) == 1);
    CHECK(find("5 آب 2025", "ar", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2025-08-05");
    CHECK(find("Mar", "en", NULL) == 0);
    CHECK(find("Sun rises", "en", NULL) == 0);
}

/* Word ends and folding on the tokenizer's fast paths: long runs of ASCII
 * letters, capitals, non-ASCII letters glued to ASCII ones, words of
 * two- and three-byte letters. */
static void
test_word_scan(void)
{
    CHECK(find("Internationalization aside, on 5 May 2024 it rained", "en",
               NULL) == 1);
    CHECK_STR_EQ(first_date(), "2024-05-05");
    CHECK(find("ON 5 MAY 2024", "en", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2024-05-05");
    CHECK(find("5 Mayé 2024", "en", NULL) == 0); /* one word, no month */
    CHECK(find("abcdefg\xc3\xa9May 5, 2024", "en", NULL) == 0);
    CHECK(find("5 мая 2024 года", "ru", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2024-05-05");
    CHECK(find("5 МАЯ 2024", "ru", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2024-05-05");
    CHECK(find("5 जनवरी 2024 को", "hi", NULL) == 1);
    CHECK_STR_EQ(first_date(), "2024-01-05");
    CHECK(find("l’année dernière", "fr", NULL) == 1); /* after the ’ */
    CHECK(n_found == 1 && found[0].kind == PX_DT_YEAR);
}

static void
test_numbers(void)
{
    CHECK(find("5", "en", NULL) == 0);
    CHECK(find("He paid 2023 dollars.", "en", NULL) == 0);
    CHECK(find("1,500 people and 12 cars", "en", NULL) == 0);
    CHECK(find("a 1:50 scale model", "en", NULL) == 0);
    CHECK(find("3个月", "zh", NULL) == 0);
    CHECK(find("3.14159", "en", NULL) == 0);
    CHECK(find("version 1.2.10", "en", NULL) == 0);
    CHECK(find("in 2023", "en", NULL) == 1);
    CHECK(found[0].off == 3 && found[0].len == 4);
}

static void
test_relative(void)
{
    const px_date a = ymd(2026, 1, 6); /* a Tuesday */
    CHECK(find("yesterday", "en", &a) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(found[0].is_relative && found[0].is_resolved);
    CHECK(find("yesterday", "en", NULL) == 1);
    CHECK(found[0].kind == PX_DT_DAY && !found[0].is_resolved);
    CHECK(found[0].rel == -1 && found[0].date.prec == PX_PREC_NONE);
    CHECK(find("on Tuesday", "en", &a) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-06");
    CHECK(find("last Tuesday", "en", &a) == 1);
    CHECK_STR_EQ(first_date(), "2025-12-30");
    CHECK(find("next Monday", "en", &a) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-12");
    CHECK(find("last week", "en", &a) == 1);
    CHECK_STR_EQ(first_date(), "2025-12-29");
    CHECK(found[0].span_days == 7);
    CHECK(find("上周一", "zh", &a) == 1);
    CHECK_STR_EQ(first_date(), "2025-12-29");
    CHECK(find("last November", "en", &a) == 1);
    CHECK_STR_EQ(first_date(), "2025-11");
    CHECK(find("Monday evening", "en", &a) == 1);
    CHECK(found[0].part == PX_DAYPART_EVENING);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("gestern", "de", &a) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    CHECK(find("вчера вечером", "ru", &a) == 1);
    CHECK(found[0].part == PX_DAYPART_EVENING);
    CHECK(find("aujourd'hui", "fr", &a) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-06");
    CHECK(find("ayer", "es", &a) == 1);
    CHECK_STR_EQ(first_date(), "2026-01-05");
    const px_date leap = ymd(2024, 3, 1);
    CHECK(find("yesterday", "en", &leap) == 1);
    CHECK_STR_EQ(first_date(), "2024-02-29");
}

static void
test_covers(void)
{
    const char *const t = "On 5 January 2026, 300 people met; 12 left.";
    CHECK(find(t, "en", NULL) == 1);
    CHECK(px_datetext_covers(found, n_found, 3, 1));   /* "5" */
    CHECK(px_datetext_covers(found, n_found, 13, 4));  /* "2026" */
    CHECK(!px_datetext_covers(found, n_found, 19, 3)); /* "300" */
    CHECK(!px_datetext_covers(found, n_found, 35, 2)); /* "12" */
    CHECK(!px_datetext_covers(NULL, 0, 0, 1));
}

static void
test_bad_input(void)
{
    static const char bad[] = "\xff\xfe 5 \xe6\x9c 2026-01-05 \xd8";
    px_arena *const a = px_arena_new();
    px_date_mention *m = NULL;
    size_t n = 0;
    CHECK(px_datetext_find((px_str){bad, sizeof bad - 1}, NULL, NULL, a, &m, &n,
                           NULL) == PX_OK);
    CHECK(n == 1);
    px_arena_free(a);
    CHECK(find("", "en", NULL) == 0);
}

/* Failing the Nth allocation gives PX_ENOMEM (or success), never a crash
 * or a leak. */
static void
test_oom(void)
{
    const char *const t = "On 5 January 2026, yesterday, 上周一, مساء اليوم; "
                          "3 days ago and 5 or 6 May at 08:41.";
    int n_nomem = 0;
    for (long k = 1; k < 40; k++) {
        px_arena *const a = px_arena_new();
        if (a == NULL) {
            continue;
        }
        px_date_mention *m = NULL;
        size_t n = 0;
        px_error err = {0};
        px_mem_fail_after(k);
        const px_status rc =
            px_datetext_find(px_str_c(t), "en", NULL, a, &m, &n, &err);
        px_mem_fail_after(0);
        CHECK(rc == PX_OK || rc == PX_ENOMEM);
        CHECK(rc == PX_OK || (m == NULL && n == 0));
        n_nomem += rc == PX_ENOMEM;
        px_arena_free(a);
    }
    CHECK(n_nomem > 0);
}

/* Long runs of near-dates stay linear (a few ms for 400 KB), and cutting
 * the text into chunks at line breaks loses nothing. */
static void
test_long(void)
{
    static const char unit[] = "5 or 6 or 7 or 8 or 9, 12:30 on 1/2/ mid-\n";
    const size_t reps = 10000;
    char *const buf = malloc(sizeof unit * reps);
    CHECK(buf != NULL);
    if (buf == NULL) {
        return;
    }
    for (size_t i = 0; i < reps; i++) {
        memcpy(buf + i * (sizeof unit - 1), unit, sizeof unit - 1);
    }
    buf[reps * (sizeof unit - 1)] = '\0';
    CHECK(find(buf, "en", NULL) == reps);
    free(buf);
}

/* ---- golden files ---- */

static bool
parse_anchor(const char *s, px_date *out)
{
    int y = 0;
    int m = 0;
    int d = 0;
    if (sscanf(s, "%d-%d-%d", &y, &m, &d) != 3) {
        return false;
    }
    *out = ymd(y, m, d);
    return true;
}

static void
print_mention(FILE *f, const char *text, const px_date_mention *m)
{
    char date[32];
    char anchor[32];
    px_date_format(&m->date, date);
    px_date_format(&m->anchor, anchor);
    fprintf(f, "  [%zu+%zu] %.*s | %s %s", m->off, m->len, (int)m->len,
            text + m->off, px_dt_kind_name(m->kind),
            m->is_resolved ? date : "unresolved");
    if (m->part != PX_DAYPART_NONE) {
        fprintf(f, " %s", px_daypart_name(m->part));
    }
    if (m->is_relative) {
        fprintf(f, " rel=%d", m->rel);
    }
    if (m->weekday != 0) {
        fprintf(f, " wd=%d", m->weekday);
    }
    if (m->anchor.prec != PX_PREC_NONE) {
        fprintf(f, " anchor=%s", anchor);
    }
    fputc('\n', f);
}

static void
run_case(FILE *out, char *line, const char *lang)
{
    char *const tab = strchr(line, '\t');
    if (tab == NULL) {
        return;
    }
    *tab = '\0';
    const char *const text = tab + 1;
    px_date a;
    const bool has_a = parse_anchor(line, &a);
    fprintf(out, "%s\t%s\n", line, text);
    find(text, lang, has_a ? &a : NULL);
    for (size_t i = 0; i < n_found; i++) {
        print_mention(out, text, &found[i]);
    }
}

static int
golden_cases(const char *lang, FILE *in, FILE *out)
{
    char line[2048];
    int n = 0;
    while (fgets(line, sizeof line, in) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        run_case(out, line, lang);
        n++;
    }
    return n;
}

static void
test_golden(const char *lang)
{
    const char *const src = getenv("PX_SOURCE_DIR");
    const char *const bin = getenv("PX_BINARY_DIR");
    char in_path[1024];
    char want[1024];
    char got[1024];
    snprintf(in_path, sizeof in_path, "%s/tests/golden/datetext/%s.in",
             src ? src : "..", lang);
    snprintf(want, sizeof want, "%s/tests/golden/datetext/%s.want",
             src ? src : "..", lang);
    snprintf(got, sizeof got, "%s/datetext_%s.got", bin ? bin : "/tmp", lang);
    const char *const upd = getenv("PX_UPDATE_GOLDEN");
    const bool update = upd != NULL && strcmp(upd, "1") == 0;
    FILE *const in = fopen(in_path, "r");
    FILE *const out = fopen(update ? want : got, "w");
    CHECK(in != NULL && out != NULL);
    if (in == NULL || out == NULL) {
        if (in) {
            fclose(in);
        }
        if (out) {
            fclose(out);
        }
        return;
    }
    const int n = golden_cases(lang, in, out);
    fclose(in);
    fclose(out);
    CHECK(n >= 40);
    printf("golden %s: %d cases\n", lang, n);
    if (!update) {
        char cmd[3200];
        snprintf(cmd, sizeof cmd, "diff -u '%s' '%s'", want, got);
        CHECK(system(cmd) == 0);
    }
}

/* ---- seeds ---- */

static char *
read_seed(const char *prefix)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/seeds", check_shared_dir());
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "ls '%s'/%s_*.txt 2>/dev/null", path, prefix);
    FILE *const p = popen(cmd, "r");
    if (p == NULL) {
        return NULL;
    }
    char file[1024] = "";
    const bool ok = fgets(file, sizeof file, p) != NULL;
    pclose(p);
    file[strcspn(file, "\n")] = '\0';
    FILE *const f = ok ? fopen(file, "rb") : NULL;
    if (f == NULL) {
        return NULL;
    }
    char *const buf = calloc(1, 1 << 20);
    const size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    (void)n;
    fclose(f);
    return buf;
}

/* True if some resolved day-level mention of text is date (with part p, or
 * any part when p is NONE). */
static bool
has_day(const char *text, const char *lang, const px_date *a, const char *date,
        px_daypart p)
{
    find(text, lang, a);
    for (size_t i = 0; i < n_found; i++) {
        char buf[32];
        px_date d = found[i].date;
        if (d.prec > PX_PREC_DAY) {
            d.prec = PX_PREC_DAY;
        }
        px_date_format(&d, buf);
        if (found[i].is_relative && strcmp(buf, date) == 0 &&
            (p == PX_DAYPART_NONE || found[i].part == p)) {
            return true;
        }
    }
    return false;
}

static void
test_seeds(void)
{
    char *const s1 = read_seed("001");
    char *const s3 = read_seed("003");
    char *const s0 = read_seed("000");
    if (s1 == NULL || s3 == NULL || s0 == NULL) {
        printf("SKIP: seeds absent\n");
    } else {
        const px_date a = ymd(2026, 1, 6);
        CHECK(has_day(s1, "ar", &a, "2026-01-06", PX_DAYPART_EVENING));
        CHECK(has_day(s3, "ar", &a, "2026-01-06", PX_DAYPART_NONE));
        /* the Chinese post: 1月5日晚上, year from the anchor */
        find(s0, "zh", &a);
        bool ok = false;
        for (size_t i = 0; i < n_found; i++) {
            char buf[32];
            px_date_format(&found[i].date, buf);
            ok = ok || (found[i].kind == PX_DT_PARTIAL &&
                        strcmp(buf, "2026-01-05") == 0 &&
                        found[i].part == PX_DAYPART_EVENING);
        }
        CHECK(ok);
    }
    free(s0);
    free(s1);
    free(s3);
}

int
main(void)
{
    px_error err = {0};
    CHECK(px_datetext_init(&err) == PX_OK);
    test_absolute();
    test_invalid();
    test_words();
    test_word_scan();
    test_numbers();
    test_relative();
    test_covers();
    test_bad_input();
    test_oom();
    test_long();
    test_golden("en");
    test_golden("ar");
    test_golden("zh");
    test_seeds();
    px_arena_free(arena);
    return check_summary();
}
