/* test_eval.c - the benchmark metrics on hand-made texts, and on the
 * datasets in ../shared: the scrapinghub published outputs must score what
 * the datasets' README says, to three decimals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "arena.h"
#include "check.h"
#include "eval.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)
/* x rounds to the three-decimal figure want. */
#define ROUNDS_TO(x, want) (fabs((x) - (want)) <= 0.0005 + 1e-9)

static px_str
S(const char *s)
{
    return px_str_c(s);
}

typedef struct tok_list {
    char buf[512];
    size_t n;
} tok_list;

static void
collect(void *ctx, px_str t)
{
    tok_list *l = ctx;
    const size_t used = strlen(l->buf);
    snprintf(l->buf + used, sizeof l->buf - used, "%s%.*s", l->n > 0 ? "|" : "",
             (int)t.len, t.ptr);
    l->n++;
}

static const char *
toks_of(const char *s, tok_list *l)
{
    memset(l, 0, sizeof *l);
    px_eval_tokens(S(s), collect, l);
    return l->buf;
}

static void
test_tokens(void)
{
    tok_list l;
    CHECK_STR_EQ(toks_of("Hello, world_1 x2!", &l), "Hello|world_1|x2");
    CHECK_STR_EQ(toks_of("", &l), "");
    CHECK_STR_EQ(toks_of("  ...  ", &l), "");
    /* A Chinese sentence without spaces is one token per run. */
    CHECK_STR_EQ(toks_of("今天天气很好，我们去公园。", &l),
                 "今天天气很好|我们去公园");
    /* Letters, superscripts (No) and Cyrillic are word characters; a
     * combining mark (Mn) is not, as in Python's re. */
    CHECK_STR_EQ(toks_of("Ünïcode ²3 Привет", &l), "Ünïcode|²3|Привет");
    CHECK_STR_EQ(toks_of("cafe\xcc\x81s", &l), "cafe|s");
    CHECK_STR_EQ(toks_of("a\xff"
                         "b",
                         &l),
                 "a|b"); /* invalid byte */
}

static px_prf
shingle1(const char *gold, const char *pred)
{
    px_prf r = {0, 0, 0, 0, 0};
    const px_str g = S(gold);
    const px_str p = pred != NULL ? S(pred) : (px_str){NULL, 0};
    CHECK(px_eval_shingle_score(&g, &p, 1, &r, NULL) == PX_OK);
    return r;
}

static void
test_shingles(void)
{
    px_prf r = shingle1("one two three four five", "one two three four five");
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 1) && NEAR(r.f1, 1) && NEAR(r.accuracy, 1));
    /* Shingles {1234, 2345} against {1234}: P 1, R 1/2. */
    r = shingle1("one two three four five", "one two three four");
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 0.5) && NEAR(r.accuracy, 0));
    CHECK(NEAR(r.f1, 2 * 0.5 / 1.5));
    /* Multisets: "a a a a a" has the shingle aaaa twice. */
    r = shingle1("a a a a a", "a a a a");
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 0.5));
    r = shingle1("a a a a", "a a a a a");
    CHECK(NEAR(r.p, 0.5) && NEAR(r.r, 1));
    /* Fewer than four tokens: the whole list is one shingle. */
    r = shingle1("two words", "two, words!");
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 1) && NEAR(r.accuracy, 1));
    r = shingle1("two words", "two words more");
    CHECK(NEAR(r.p, 0) && NEAR(r.r, 0) && NEAR(r.f1, 0));
    /* Chinese: one token per sentence. */
    r = shingle1("今天天气很好", "今天天气很好");
    CHECK(NEAR(r.f1, 1) && NEAR(r.accuracy, 1));
    r = shingle1("今天天气很好", "今天天气很好啊");
    CHECK(NEAR(r.f1, 0) && NEAR(r.accuracy, 0));
    /* Empty prediction (NULL or ""): left out of P, recall 0. */
    r = shingle1("one two three four five", NULL);
    CHECK(NEAR(r.p, 0) && NEAR(r.r, 0) && NEAR(r.f1, 0));
    r = shingle1("", "");
    CHECK(NEAR(r.accuracy, 1) && NEAR(r.f1, 0));
}

static void
test_shingle_macro(void)
{
    /* Page 1 perfect, page 2 empty: P over page 1 only, R over both. */
    const px_str g[3] = {S("a b c d e"), S("f g h i j"), S("")};
    const px_str p[3] = {S("a b c d e"), S(""), S("")};
    px_prf r;
    CHECK(px_eval_shingle_score(g, p, 3, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 0.5) && NEAR(r.f1, 2 * 0.5 / 1.5));
    CHECK(NEAR(r.accuracy, 2.0 / 3) && r.n_pages == 3);
    /* Per-page normalisation: a long page weighs as much as a short one. */
    const px_str g2[2] = {S("a b c d e f g h i j k l"), S("x y z w v")};
    const px_str p2[2] = {S("a b c d e f g h i j k l m"), S("x y z w")};
    CHECK(px_eval_shingle_score(g2, p2, 2, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, (9.0 / 10 + 1) / 2) && NEAR(r.r, (1 + 0.5) / 2));
    CHECK(px_eval_shingle_score(g2, p2, 0, &r, NULL) == PX_OK);
    CHECK(r.n_pages == 0 && NEAR(r.f1, 0));
}

static void
test_bow(void)
{
    const px_str g[4] = {S("The cat sat."), S(""), S(""), S("words here")};
    const px_str p[4] = {S("the CAT"), S(""), S("noise"), {NULL, 0}};
    px_prf r;
    CHECK(px_eval_bow_score(g, p, 1, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 2.0 / 3) && NEAR(r.f1, 0.8));
    CHECK(r.accuracy < 0);
    /* Empty gold: 1 if the prediction is empty, else 0; empty pred: 0. */
    CHECK(px_eval_bow_score(g + 1, p + 1, 3, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 1.0 / 3) && NEAR(r.r, 1.0 / 3) && NEAR(r.f1, 1.0 / 3));
    /* Bag of words: order is ignored, counts are not. */
    const px_str g2 = S("b a a");
    const px_str p2 = S("A B B");
    CHECK(px_eval_bow_score(&g2, &p2, 1, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 2.0 / 3) && NEAR(r.r, 2.0 / 3));
    /* Lower-casing is Unicode-aware. */
    const px_str g3 = S("ÉCOLE ΣΟΦΟΣ");
    const px_str p3 = S("école σοφος");
    CHECK(px_eval_bow_score(&g3, &p3, 1, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 1));
    /* ΣΟΦΟΣ lower-cases with a final sigma, as Python's str.lower(). */
    const px_str p4 = S("école \xcf\x83\xce\xbf\xcf\x86\xce\xbf\xcf\x83");
    CHECK(px_eval_bow_score(&g3, &p4, 1, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 0.5) && NEAR(r.r, 0.5));
}

static void
test_cjk(void)
{
    px_prf r;
    const px_str g = S("今天天气很好。");
    const px_str p = S("今天，天 气");
    /* 5 gold bigrams, 3 predicted, all matching. */
    CHECK(px_eval_cjk_score(&g, &p, 1, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 1) && NEAR(r.r, 3.0 / 5) && NEAR(r.f1, 0.75));
    CHECK(r.accuracy < 0);
    const px_str g1[3] = {S("好"), S("！"), S("天天天")};
    const px_str p1[3] = {S("好"), S(""), S("天天")};
    CHECK(px_eval_cjk_score(g1, p1, 3, &r, NULL) == PX_OK);
    /* unigram match 1; punctuation-only gold is empty like the pred: 1;
     * {天天 x2} vs {天天}: P 1, R 1/2. */
    CHECK(NEAR(r.p, 1) && NEAR(r.r, (1 + 1 + 0.5) / 3));
}

static void
test_segments(void)
{
    const px_str with[2] = {S("hello  world"), S("second\tpart ")};
    const px_str without[1] = {S("Menu")};
    const px_eval_segs pg = {with, 2, without, 1};
    const px_eval_segs pages[3] = {pg, pg, pg};
    const px_str pred[3] = {
        S("x hello\nworld y second part"), S("Menu hello world"), {NULL, 0}};
    px_prf r;
    /* tp 3, fn 3, fp 1, tn 2. */
    CHECK(px_eval_segment_score(pages, pred, 3, &r, NULL) == PX_OK);
    CHECK(NEAR(r.p, 3.0 / 4) && NEAR(r.r, 3.0 / 6));
    CHECK(NEAR(r.f1, 6.0 / (6 + 1 + 3)) && NEAR(r.accuracy, 5.0 / 9));
    /* Case matters; an empty output has nothing present. */
    const px_str pred2[1] = {S("HELLO WORLD")};
    CHECK(px_eval_segment_score(pages, pred2, 1, &r, NULL) == PX_OK);
    CHECK(NEAR(r.r, 0) && NEAR(r.accuracy, 1.0 / 3));
}

static void
test_titles(void)
{
    CHECK(px_eval_title_eq("Hello World!", "  hello \n world "));
    CHECK(px_eval_title_eq("« Straße »", "STRASSE"));
    CHECK(!px_eval_title_eq("Hello World", "Hello World - Site"));
    CHECK(!px_eval_title_eq("Hello", NULL));
    CHECK(!px_eval_title_eq("...", "!"));
}

static void
test_oom(void)
{
    const px_str g[2] = {S("a b c d e f"), S("ÀB cd")};
    const px_str p[2] = {S("a b c d e"), S("àb")};
    px_prf r;
    bool ok = false;
    for (long n = 1; n < 50 && !ok; n++) {
        px_error err = {PX_OK, ""};
        px_mem_fail_after(n);
        const px_status st = px_eval_bow_score(g, p, 2, &r, &err);
        px_mem_fail_after(0);
        ok = st == PX_OK;
        CHECK(ok || (st == PX_ENOMEM && err.code == PX_ENOMEM));
    }
    CHECK(ok && NEAR(r.r, (5.0 / 6 + 0.5) / 2));
}

/* An extractor whose outputs are given per page, in page order. */
typedef struct canned {
    const char *const (*out)[4]; /* text, title, date, date signal */
    size_t i;
} canned;

static px_status
canned_extract(void *ctx, const px_eval_page *page, px_eval_output *out)
{
    canned *c = ctx;
    (void)page;
    const char *const *o = c->out[c->i++];
    if (o[0] == NULL) {
        return PX_EPARSE;
    }
    out->text = o[0];
    out->text_len = strlen(o[0]);
    out->title = o[1];
    out->date = o[2];
    out->date_how = o[3];
    return PX_OK;
}

static void
test_run_meta(void)
{
    px_eval_page pages[4];
    memset(pages, 0, sizeof pages);
    const char *const gold[4] = {"one two three four", "five six", "x", "y"};
    const char *const titles[4] = {"A Title", NULL, "Other", NULL};
    const px_eval_date_kind dk[4] = {PX_EVAL_DATE_DAY, PX_EVAL_DATE_DAY,
                                     PX_EVAL_DATE_NONE, PX_EVAL_DATE_NONE};
    for (size_t i = 0; i < 4; i++) {
        pages[i].id = gold[i];
        pages[i].path = gold[i];
        pages[i].gold = S(gold[i]);
        pages[i].title = titles[i];
        pages[i].date_kind = dk[i];
        snprintf(pages[i].date, sizeof pages[i].date, "2024-05-0%zu", i + 1);
        pages[i].script = "Latn";
    }
    const char *const outs[4][4] = {
        {"one two three four", "a title.", "2024-05-01T10:00+02:00",
         "jsonld:datePublished"},
        {"five six", "x", "2024-05", NULL}, /* month only: not the day */
        {"x", "another", "2024-01-01", "meta:article:published_time:unseen"},
        {NULL, NULL, NULL, NULL}}; /* failed */
    canned c = {outs, 0};
    const px_eval_dataset ds = {NULL, PX_EVAL_SCRAPINGHUB, "t", pages, 4};
    px_eval_result r;
    CHECK(px_eval_run(&ds, canned_extract, &c, NULL, NULL, &r, NULL) == PX_OK);
    CHECK(r.n_pages == 4 && r.n_failed == 1 && r.n_empty == 1);
    CHECK(r.n_date_gold == 2 && r.n_date_ok == 1);
    CHECK(r.n_date_none == 2 && r.n_date_invented == 1);
    /* the invented date was declared by the page's markup only */
    CHECK(r.n_invented_from[PX_EVAL_ORIGIN_UNSEEN] == 1 &&
          r.n_invented_from[PX_EVAL_ORIGIN_DECLARED] == 0 &&
          r.n_invented_from[PX_EVAL_ORIGIN_TEXT] == 0 &&
          r.n_invented_from[PX_EVAL_ORIGIN_UNKNOWN] == 0);
    CHECK(r.n_ok_from[PX_EVAL_ORIGIN_DECLARED] == 1 &&
          r.n_ok_from[PX_EVAL_ORIGIN_UNSEEN] == 0 &&
          r.n_ok_from[PX_EVAL_ORIGIN_TEXT] == 0 &&
          r.n_ok_from[PX_EVAL_ORIGIN_UNKNOWN] == 0);
    CHECK(r.n_title_gold == 2 && r.n_title_ok == 1);
    CHECK(NEAR(r.main.p, 1) && NEAR(r.main.r, 3.0 / 4));
    CHECK(NEAR(r.main.accuracy, 3.0 / 4) && r.n_groups == 0);
    /* Per page. */
    CHECK(r.pages != NULL && NEAR(r.pages[0].f1, 1) && !r.pages[0].failed);
    CHECK(r.pages != NULL && r.pages[3].failed && NEAR(r.pages[3].r, 0));
    CHECK(r.pages != NULL && r.pages[0].date_ok == 1 &&
          r.pages[1].date_ok == 0 && r.pages[2].date_ok == -1);
    CHECK(r.pages != NULL && r.pages[0].title_ok == 1 &&
          r.pages[1].title_ok == -1 && r.pages[2].title_ok == 0);
    CHECK_STR_EQ(r.pages[2].id, "x");
    CHECK_STR_EQ(r.pages[2].date_how, "meta:article:published_time:unseen");
    CHECK_STR_EQ(r.pages[1].date_how, "");
    px_eval_result_fini(&r);
    px_eval_result_fini(NULL);
}

/* Dates a page states (markup, URL, crawl record), states in markup
 * without showing, or shows only: told apart by the "date" signal. */
static void
test_date_origin(void)
{
    CHECK(px_eval_date_origin_of(NULL) == PX_EVAL_ORIGIN_UNKNOWN);
    CHECK(px_eval_date_origin_of("") == PX_EVAL_ORIGIN_UNKNOWN);
    CHECK(px_eval_date_origin_of("jsonld:datePublished") ==
          PX_EVAL_ORIGIN_DECLARED);
    CHECK(px_eval_date_origin_of("container") == PX_EVAL_ORIGIN_DECLARED);
    CHECK(px_eval_date_origin_of("url") == PX_EVAL_ORIGIN_DECLARED);
    CHECK(px_eval_date_origin_of("jsonld:datePublished:unseen") ==
          PX_EVAL_ORIGIN_UNSEEN);
    CHECK(px_eval_date_origin_of(":unseen") == PX_EVAL_ORIGIN_UNSEEN);
    CHECK(px_eval_date_origin_of("unseen") == PX_EVAL_ORIGIN_DECLARED);
    CHECK(px_eval_date_origin_of("seen:headline") == PX_EVAL_ORIGIN_TEXT);
    CHECK(px_eval_date_origin_of("seen:updated-over-unseen") ==
          PX_EVAL_ORIGIN_TEXT);
    CHECK(px_eval_date_origin_of("text") == PX_EVAL_ORIGIN_TEXT);
    CHECK(px_eval_date_origin_of("text:near-title") == PX_EVAL_ORIGIN_TEXT);
    CHECK(px_eval_date_origin_of("title") == PX_EVAL_ORIGIN_TEXT);
    CHECK(px_eval_date_origin_of("url:month") == PX_EVAL_ORIGIN_DECLARED);
    CHECK(px_eval_date_origin_of("textual") == PX_EVAL_ORIGIN_DECLARED);
}

static char tmp_path[64];

static const char *
write_tmp(const char *text)
{
    snprintf(tmp_path, sizeof tmp_path, "/tmp/px_test_evalXXXXXX");
    const int fd = mkstemp(tmp_path);
    if (fd < 0) {
        return NULL;
    }
    const ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? tmp_path : NULL;
}

static void
test_preds(void)
{
    const char *path =
        write_tmp("{\"id\": \"0002\", \"text\": \"two\", \"date\": \"2024\"}\n"
                  "{\"id\": \"0001\", \"text\": \"one\", \"title\": \"T\"}\n");
    px_eval_preds *p = NULL;
    CHECK(path != NULL && px_eval_preds_load(path, &p, NULL) == PX_OK);
    CHECK(px_eval_preds_count(p) == 2);
    px_eval_output o = {NULL, NULL, 0, NULL, NULL, NULL};
    px_eval_page pg;
    memset(&pg, 0, sizeof pg);
    pg.id = "0001";
    CHECK(px_eval_preds_extract(p, &pg, &o) == PX_OK);
    CHECK_STR_EQ(o.text, "one");
    CHECK_STR_EQ(o.title, "T");
    pg.id = "0002";
    CHECK(px_eval_preds_extract(p, &pg, &o) == PX_OK);
    CHECK_STR_EQ(o.date, "2024");
    pg.id = "0003";
    CHECK(px_eval_preds_extract(p, &pg, &o) == PX_EEMPTY);
    px_eval_preds_free(p);
    unlink(tmp_path);
    /* Wrapped scrapinghub format. */
    path = write_tmp("{\"version\": \"1\", \"output\": {\"ab\": "
                     "{\"articleBody\": \"body\"}}}");
    CHECK(path != NULL && px_eval_preds_load(path, &p, NULL) == PX_OK);
    pg.id = "ab";
    CHECK(px_eval_preds_extract(p, &pg, &o) == PX_OK);
    CHECK_STR_EQ(o.text, "body");
    px_eval_preds_free(p);
    unlink(tmp_path);
    px_error err = {PX_OK, ""};
    path = write_tmp("{\"id\": 1}\nnot json\n");
    CHECK(px_eval_preds_load(path, &p, &err) == PX_EPARSE && p == NULL);
    CHECK(strstr(err.msg, ":1:") != NULL);
    unlink(tmp_path);
}

static void
test_bad_dirs(void)
{
    px_eval_dataset *ds = NULL;
    px_error err = {PX_OK, ""};
    CHECK(px_eval_dataset_load("/nonexistent/px", &ds, &err) == PX_EIO);
    CHECK(ds == NULL && strstr(err.msg, "/nonexistent/px") != NULL);
    px_error_clear(&err);
    CHECK(px_eval_dataset_load("/", &ds, &err) == PX_EINVAL);
    CHECK(ds == NULL && strstr(err.msg, "not a known dataset") != NULL);
    CHECK(px_eval_dataset_load("/dev/null", &ds, NULL) == PX_EINVAL);
    /* A folder with malformed, then empty, then minimal gold. */
    char dir[] = "/tmp/px_test_evalXXXXXX";
    char file[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(file, sizeof file, "%s/ground-truth.json", dir);
    static const char *const gt[3] = {
        "{\"a\": ", "{}",
        ("{\"b\": {\"articleBody\": \"x y\", \"url\": \"http://e/\"}, "
         "\"a\": {\"articleBody\": \"z\"}}")};
    static const px_status want[3] = {PX_EPARSE, PX_EEMPTY, PX_OK};
    for (size_t i = 0; i < 3; i++) {
        FILE *f = fopen(file, "w");
        CHECK(f != NULL && fputs(gt[i], f) >= 0 && fclose(f) == 0);
        px_error_clear(&err);
        CHECK(px_eval_dataset_load(dir, &ds, &err) == want[i]);
        CHECK((ds != NULL) == (want[i] == PX_OK));
    }
    CHECK(ds != NULL && ds->n_pages == 2 && ds->kind == PX_EVAL_SCRAPINGHUB);
    CHECK(ds != NULL && strcmp(ds->pages[0].id, "a") == 0 &&
          ds->pages[0].url == NULL);
    CHECK(ds != NULL && strcmp(ds->pages[1].url, "http://e/") == 0 &&
          strstr(ds->pages[1].path, "/html/b.html.gz") != NULL);
    px_eval_dataset_free(ds);
    unlink(file);
    rmdir(dir);
    CHECK_STR_EQ(px_eval_kind_name(PX_EVAL_WCXB), "wcxb");
}

/* Dev-split scores of the published outputs (datasets' README table). */
static const struct {
    const char *tool;
    double f1, p, r;
} published[] = {
    {"AutoExtract", 0.980, 0.989, 0.971},
    {"rs_trafilatura", 0.968, 0.948, 0.989},
    {"go_trafilatura", 0.961, 0.938, 0.986},
    {"Diffbot", 0.959, 0.967, 0.951},
    {"trafilatura", 0.955, 0.931, 0.980},
    {"newspaper", 0.946, 0.959, 0.933},
    {"readability_js", 0.946, 0.912, 0.982},
    {"go_readability", 0.943, 0.907, 0.982},
    {"readability", 0.936, 0.924, 0.948},
    {"go_domdistiller", 0.930, 0.903, 0.958},
    {"dragnet", 0.913, 0.924, 0.901},
    {"goose3", 0.898, 0.942, 0.857},
    {"dom_smoothie", 0.863, 0.780, 0.966},
    {"boilerpipe", 0.856, 0.838, 0.875},
    {"justext", 0.815, 0.873, 0.764},
    {"html-text", 0.654, 0.487, 0.994},
};

static px_eval_dataset *
load_ds(const char *root, const char *name)
{
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    px_eval_dataset *ds = NULL;
    px_error err = {PX_OK, ""};
    if (px_eval_dataset_load(dir, &ds, &err) != PX_OK) {
        fprintf(stderr, "load %s: %s\n", dir, err.msg);
    }
    return ds;
}

static void
test_published(const char *root)
{
    px_eval_dataset *ds = load_ds(root, "scrapinghub-aeb");
    CHECK(ds != NULL && ds->kind == PX_EVAL_SCRAPINGHUB);
    CHECK(ds != NULL && ds->n_pages == 109);
    for (size_t i = 0; ds != NULL && i < sizeof published / sizeof *published;
         i++) {
        char path[2048];
        snprintf(path, sizeof path,
                 "%s/scrapinghub-aeb/published-outputs/%s.json", root,
                 published[i].tool);
        px_eval_preds *p = NULL;
        px_eval_result r;
        CHECK(px_eval_preds_load(path, &p, NULL) == PX_OK);
        CHECK(px_eval_run(ds, px_eval_preds_extract, p, NULL, NULL, &r, NULL) ==
              PX_OK);
        const bool ok = ROUNDS_TO(r.main.f1, published[i].f1) &&
                        ROUNDS_TO(r.main.p, published[i].p) &&
                        ROUNDS_TO(r.main.r, published[i].r);
        CHECK(ok);
        printf("%-16s F1 %.4f P %.4f R %.4f acc %.4f%s\n", published[i].tool,
               r.main.f1, r.main.p, r.main.r, r.main.accuracy,
               ok ? "" : "  MISMATCH");
        px_eval_result_fini(&r);
        px_eval_preds_free(p);
    }
    px_eval_dataset_free(ds);
}

/* An extractor that returns the gold itself (text, title, date). */
static px_status
gold_extract(void *ctx, const px_eval_page *pg, px_eval_output *out)
{
    (void)ctx;
    px_buf b;
    px_buf_init(&b);
    px_buf_add_str(&b, pg->gold);
    for (size_t k = 0; k < pg->segs.n_with; k++) {
        px_buf_add_c(&b, "\n");
        px_buf_add_str(&b, pg->segs.with[k]);
    }
    out->text = px_arena_strndup(out->arena, b.ptr != NULL ? b.ptr : "", b.len);
    out->text_len = b.len;
    px_buf_fini(&b);
    out->title = pg->title;
    out->date = pg->date_kind == PX_EVAL_DATE_DAY ? pg->date : NULL;
    return PX_OK;
}

static void
progress(void *ctx, size_t done, size_t total)
{
    size_t *calls = ctx;
    *calls += done <= total ? 1 : 0;
}

static void
check_gold_run(const char *root, const char *name, const size_t want[4])
{
    const size_t n_pages = want[0];
    px_eval_dataset *ds = load_ds(root, name);
    CHECK(ds != NULL && ds->n_pages == n_pages);
    if (ds == NULL) {
        return;
    }
    px_eval_result r;
    size_t calls = 0;
    CHECK(px_eval_run(ds, gold_extract, ds, progress, &calls, &r, NULL) ==
          PX_OK);
    CHECK(calls == n_pages && r.n_failed == 0);
    size_t n_url = 0;
    for (size_t i = 0; i < ds->n_pages; i++) {
        n_url += ds->pages[i].url != NULL ? 1 : 0;
    }
    CHECK(ds->kind == PX_EVAL_ZH_CWCED ? n_url == 0 : n_url > n_pages / 2);
    CHECK(NEAR(r.main.r, 1));
    CHECK(ds->kind == PX_EVAL_TRAFILATURA || NEAR(r.main.f1, 1));
    CHECK(r.n_date_ok == r.n_date_gold && r.n_date_invented == 0);
    CHECK(r.n_date_gold == want[1] && r.n_date_none == want[2]);
    CHECK(r.n_title_gold == want[3]);
    CHECK(r.n_title_ok == r.n_title_gold);
    CHECK(!r.has_cjk || NEAR(r.cjk.f1, 1));
    char *json = NULL;
    CHECK(px_eval_result_json(&r, &json, NULL) == PX_OK);
    json_t *o = json != NULL ? json_loads(json, 0, NULL) : NULL;
    CHECK_STR_EQ(json_string_value(json_object_get(o, "dataset")), name);
    CHECK(json_is_real(json_object_get(o, "f1")));
    CHECK(json_is_object(json_object_get(o, "date")));
    CHECK(json_array_size(json_object_get(o, "pages")) == n_pages);
    json_object_del(o, "pages");
    px_eval_result_fini(&r);
    char *brief = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(4));
    printf("%s: %s\n", name, brief != NULL ? brief : "(null)");
    free(brief);
    json_decref(o);
    px_free(json);
    px_eval_dataset_free(ds);
}

static void
test_datasets(void)
{
    char root[1024];
    snprintf(root, sizeof root, "%s/data/extraction", check_shared_dir());
    if (access(root, R_OK) != 0) {
        printf("SKIP: %s absent\n", root);
        return;
    }
    test_published(root);
    /* pages, gold dates to the day, pages without a date, gold titles */
    static const size_t sh[4] = {109, 0, 0, 0};
    static const size_t tr[4] = {594, 436, 80, 513};
    static const size_t wc[4] = {574, 472, 101, 574};
    static const size_t zh[4] = {42, 28, 9, 0};
    check_gold_run(root, "scrapinghub-aeb", sh);
    check_gold_run(root, "trafilatura-eval", tr);
    check_gold_run(root, "wcxb", wc);
    check_gold_run(root, "zh-cwced", zh);
}

int
main(void)
{
    test_tokens();
    test_shingles();
    test_shingle_macro();
    test_bow();
    test_cjk();
    test_segments();
    test_titles();
    test_oom();
    test_run_meta();
    test_date_origin();
    test_preds();
    test_bad_dirs();
    test_datasets();
    return check_summary();
}
