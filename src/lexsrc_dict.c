/* lexsrc_dict.c - word lists into the lexicon: jieba's Chinese vocabulary
 * (segmentation words, PX_LEX_WORD) and stopwords-iso (PX_LEX_STOP for
 * each of its 58 languages).
 *
 * The English list of stopwords-iso (1,298 words) mixes function words with
 * content words news depends on (bill, billion, fire, group, home, area,
 * information) and two-letter country codes (us, uk, az). Marking those as
 * stopwords would hide them from the analysis, so for English only words
 * that WordNet does not know as a noun, verb or adjective (nor as an
 * inflection of one) are kept (across, although, accordingly), plus a short
 * closed-class list of pronouns, determiners, auxiliaries, prepositions and
 * conjunctions that WordNet happens to list (a, in, it, will, can); "us"
 * (US) and "may" (May) stay content words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lexsrc_int.h"

/* ---- jieba ------------------------------------------------------------- */

px_status
px_lexsrc_jieba(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char *data = NULL;
    size_t len = 0;
    const px_status rc = px_lexsrc_slurp(
        p->jieba, "jieba", "Debian python3-jieba", &data, &len, err);
    if (rc != PX_OK) {
        return rc;
    }
    px_str s = {data, len};
    px_str line;
    size_t n = 0;
    while (px_lexsrc_line(&s, &line)) {
        const char *sp = memchr(line.ptr, ' ', line.len);
        const px_str word = {line.ptr,
                             sp != NULL ? (size_t)(sp - line.ptr) : line.len};
        if (word.len > 0) {
            px_lexb_mark(b, "zho", word, PX_LEX_WORD);
            n++;
        }
    }
    free(data);
    px_lexb_source(b, "jieba 0.42.1 dict.txt", "MIT", n);
    return PX_OK;
}

/* ---- stopwords-iso ----------------------------------------------------- */

static const char *const iso639[][2] = {
    {"af", "afr"}, {"ar", "ara"}, {"bg", "bul"}, {"bn", "ben"}, {"br", "bre"},
    {"ca", "cat"}, {"cs", "ces"}, {"da", "dan"}, {"de", "deu"}, {"el", "ell"},
    {"en", "eng"}, {"eo", "epo"}, {"es", "spa"}, {"et", "est"}, {"eu", "eus"},
    {"fa", "fas"}, {"fi", "fin"}, {"fr", "fra"}, {"ga", "gle"}, {"gl", "glg"},
    {"gu", "guj"}, {"ha", "hau"}, {"he", "heb"}, {"hi", "hin"}, {"hr", "hrv"},
    {"hu", "hun"}, {"hy", "hye"}, {"id", "ind"}, {"it", "ita"}, {"ja", "jpn"},
    {"ko", "kor"}, {"ku", "kur"}, {"la", "lat"}, {"lt", "lit"}, {"lv", "lav"},
    {"mr", "mar"}, {"ms", "msa"}, {"nl", "nld"}, {"no", "nor"}, {"pl", "pol"},
    {"pt", "por"}, {"ro", "ron"}, {"ru", "rus"}, {"sk", "slk"}, {"sl", "slv"},
    {"so", "som"}, {"st", "sot"}, {"sv", "swe"}, {"sw", "swa"}, {"th", "tha"},
    {"tl", "tgl"}, {"tr", "tur"}, {"uk", "ukr"}, {"ur", "urd"}, {"vi", "vie"},
    {"yo", "yor"}, {"zh", "zho"}, {"zu", "zul"}};

/* English closed-class words, kept even where WordNet lists a homograph. */
static const char english_closed[] =
    " a an the this that these those i me my mine myself we our ours"
    " ourselves you your yours yourself yourselves he him his himself she"
    " her hers herself it its itself they them their theirs themselves what"
    " which who whom whose when where why how all any both each few more"
    " most other some such no nor not only own same so than too very can"
    " cannot will just should would could shall might must do does did"
    " doing done have has had having be is am are was were been being and"
    " but if or because as until while of at by for with about against"
    " between into through during before after above below to from up down"
    " in out on off over under again further then once here there now also"
    " yet per via upon within without whether either neither every another"
    " one ones said says say get got let lets even still many much ";

static const char *
iso3(const char *two)
{
    for (size_t i = 0; i < sizeof iso639 / sizeof iso639[0]; i++) {
        if (strcmp(iso639[i][0], two) == 0) {
            return iso639[i][1];
        }
    }
    return NULL;
}

static bool
english_stop(const px_pivot *pv, px_str w, px_buf *tmp)
{
    char pad[64];
    if (w.len + 3 > sizeof pad) {
        return false;
    }
    snprintf(pad, sizeof pad, " %.*s ", (int)w.len, w.ptr);
    if (strstr(english_closed, pad) != NULL) {
        return true;
    }
    if (w.len < 3) {
        return false;
    }
    const uint32_t content = PX_POS_NOUN | PX_POS_VERB | PX_POS_ADJ;
    px_pivot_lemma(pv, w, tmp);
    return (px_pivot_pos(pv, w) & content) == 0 &&
           (px_pivot_pos(pv, (px_str){tmp->ptr, tmp->len}) & content) == 0;
}

/* An Arabic stopword with a pronoun suffix (عنه، لدينا، معها) is one
 * too, unless a dictionary gives the joined form a sense; how many. */
static size_t
mark_arabic_suffixed(px_lexb *b, px_str w, px_buf *tmp)
{
    static const char *const sufs[] = {"ه",   "ها", "هما", "هم", "هن", "ك",
                                       "كما", "كم", "كن",  "نا", "ي"};
    size_t n = 0;
    if (w.len < 4 || memchr(w.ptr, ' ', w.len) != NULL) {
        return 0;
    }
    for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
        tmp->len = 0;
        px_buf_add_str(tmp, w);
        px_buf_add_str(tmp, px_str_c(sufs[i]));
        const px_str f = {tmp->ptr, tmp->len};
        px_lex_sense s;
        if (!px_buf_failed(tmp) && px_lexb_senses(b, "ara", f, &s, 1) == 0) {
            px_lexb_mark(b, "ara", f, PX_LEX_STOP);
            n++;
        }
    }
    return n;
}

/* Marks the stopwords of one language; how many. */
static size_t
mark_language(px_lexb *b, const px_pivot *pv, const char *lang, json_t *words)
{
    const bool eng = strcmp(lang, "eng") == 0;
    px_buf tmp;
    px_buf_init(&tmp);
    size_t n = 0;
    size_t i;
    json_t *v;
    json_array_foreach(words, i, v)
    {
        const char *s = json_string_value(v);
        if (s == NULL) {
            continue;
        }
        const px_str w = px_str_c(s);
        if (!eng || english_stop(pv, w, &tmp)) {
            px_lexb_mark(b, lang, w, PX_LEX_STOP);
            n++;
        }
        if (strcmp(lang, "ara") == 0) {
            n += mark_arabic_suffixed(b, w, &tmp);
        }
    }
    px_buf_fini(&tmp);
    return n;
}

px_status
px_lexsrc_stopwords(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char path[512];
    snprintf(path, sizeof path,
             "%s/stopwords-iso-1.1.0/package/stopwords-iso.json", p->npm_dir);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (root == NULL || !json_is_object(root)) {
        json_decref(root);
        return px_fail(err, PX_EIO,
                       "stopwords: %s missing or unreadable: run "
                       "scripts/fetch_data.sh (npm stopwords-iso@1.1.0)",
                       path);
    }
    px_pivot *pv = px_pivot_new(p->wordnet);
    if (pv == NULL) {
        json_decref(root);
        return px_fail(err, PX_ENOMEM, "stopwords: out of memory");
    }
    size_t n = 0;
    const char *key;
    json_t *words;
    json_object_foreach(root, key, words)
    {
        const char *lang = iso3(key);
        if (lang != NULL && json_is_array(words)) {
            n += mark_language(b, pv, lang, words);
        }
    }
    px_pivot_free(pv);
    json_decref(root);
    px_lexb_source(b, "stopwords-iso 1.1.0 (English filtered by WordNet)",
                   "MIT", n);
    return PX_OK;
}
