/* lexsrc_geo_words.c - which place names are also ordinary words
 * (lexsrc_geo_int.h): stopwords-iso per language, common words (the
 * lower-case lemmas of WordNet for English: Nice, Mobile, Reading; the
 * headwords of FreeDict ara/deu/fra/spa-eng: صور, عين), short names, and
 * the population-based weights; plus Arabic nisba adjectives.
 *
 * A place name that is also a word must not swamp the word: the builder
 * caps the word senses of a key at 0.3 when a place sense of weight 0.9 or
 * more shares it, so ambiguous names stay below 0.9.
 */
#include "lexsrc_geo_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include "wordkey.h"

/* The set key of s in lang: "lang\t" + px_wordkey_key (borrowed, valid
 * until the next call); empty on failure. */
static px_str
keyed(px_geo_words *w, const char *lang, px_str s)
{
    char base[4];
    px_wordkey_base(lang, base);
    if (px_wordkey_key(w->wk, lang, s, &w->key, NULL) != PX_OK) {
        return (px_str){"", 0};
    }
    w->tmp.len = 0;
    px_buf_add_c(&w->tmp, base);
    px_buf_add_byte(&w->tmp, '\t');
    px_buf_add(&w->tmp, w->key.ptr, w->key.len);
    if (px_buf_failed(&w->tmp)) {
        return (px_str){"", 0};
    }
    return (px_str){w->tmp.ptr, w->tmp.len};
}

static void
load_stopwords(px_geo_words *w, const px_lexsrc_paths *p)
{
    char path[512];
    snprintf(path, sizeof path, "%s/stopwords-iso-1.1.0/package/%s", p->npm_dir,
             "stopwords-iso.json");
    json_t *root = json_load_file(path, 0, NULL);
    const char *key;
    json_t *list;
    json_object_foreach(root, key, list)
    {
        char lang[16];
        if (!px_geo_lang(key, lang)) {
            continue;
        }
        size_t i;
        json_t *v;
        json_array_foreach(list, i, v)
        {
            if (json_is_string(v)) {
                const px_str s = {json_string_value(v), json_string_length(v)};
                px_strset_add(&w->stop, keyed(w, lang, s));
            }
        }
    }
    json_decref(root);
    px_strset_seal(&w->stop);
}

/* Calls fn(w, line, len) for each line of the file at path. */
static void
each_line(px_geo_words *w, const char *path,
          void (*fn)(px_geo_words *w, char *line, size_t len))
{
    char *data = NULL;
    size_t len = 0;
    if (px_geo_read_file(path, &data, &len, NULL) != PX_OK) {
        return;
    }
    char *line = data;
    while (line < data + len) {
        char *end = memchr(line, '\n', (size_t)(data + len - line));
        end = end != NULL ? end : data + len;
        *end = '\0';
        fn(w, line, (size_t)(end - line));
        line = end + 1;
    }
    free(data);
}

static void
underscores_to_spaces(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            s[i] = ' ';
        }
    }
}

/* A WordNet index line: "lemma pos ...". */
static void
wn_index_line(px_geo_words *w, char *line, size_t len)
{
    char *sp = memchr(line, ' ', len);
    if (line[0] != ' ' && sp != NULL) {
        underscores_to_spaces(line, (size_t)(sp - line));
        px_strset_add(&w->wn_avr,
                      keyed(w, "eng", (px_str){line, (size_t)(sp - line)}));
    }
}

/* A WordNet data.noun line: "00001740 03 n 01 entity 0 ..." (offset, file,
 * type, hex count of words, then word and lexical id pairs). */
static void
wn_noun_line(px_geo_words *w, char *line, size_t len)
{
    unsigned nw = 0;
    int used = 0;
    (void)len;
    if (line[0] == ' ' || sscanf(line, "%*s %*s %*s %x%n", &nw, &used) != 1) {
        return;
    }
    const char *q = line + used;
    for (unsigned i = 0; i < nw; i++) {
        char word[128];
        if (sscanf(q, " %127s %*s%n", word, &used) != 1) {
            break;
        }
        q += used;
        bool lower = true;
        for (const char *c = word; *c != '\0'; c++) {
            lower = lower && !(*c >= 'A' && *c <= 'Z');
        }
        underscores_to_spaces(word, strlen(word));
        if (lower) {
            px_strset_add(&w->wn_noun, keyed(w, "eng", px_str_c(word)));
        }
    }
}

static bool
is_common_en(px_geo_words *w, px_str form)
{
    const px_str k = keyed(w, "eng", form);
    return px_strset_has(&w->wn_avr, k) || px_strset_has(&w->wn_noun, k);
}

/* The Arabic translations of common English words in FreeDict eng-ara:
 * "Images /ˈɪmɪdʒɪz/" headword lines, then one translation per line
 * (sometimes numbered "1. ..."). */
static void
load_eng_ara(px_geo_words *w, const char *dictd)
{
    char path[512];
    snprintf(path, sizeof path, "%s/freedict-eng-ara.dict.dz", dictd);
    gzFile f = gzopen(path, "rb");
    char line[1024];
    bool common = false;
    while (f != NULL && gzgets(f, line, sizeof line) != NULL) {
        px_str s = px_str_trim(px_str_c(line));
        if (s.len > 0 && ((s.ptr[0] >= 'A' && s.ptr[0] <= 'Z') ||
                          (s.ptr[0] >= 'a' && s.ptr[0] <= 'z'))) {
            const char *ipa = px_str_find(s, " /", 2);
            const px_str head = {s.ptr,
                                 ipa != NULL ? (size_t)(ipa - s.ptr) : s.len};
            common = is_common_en(w, head);
            continue;
        }
        while (s.len > 0 && ((s.ptr[0] >= '0' && s.ptr[0] <= '9') ||
                             s.ptr[0] == '.' || s.ptr[0] == ' ')) {
            s.ptr++;
            s.len--;
        }
        if (common && s.len > 0) {
            px_strset_add(&w->common_ar, keyed(w, "ara", s));
            if (s.len > 8 && memcmp(s.ptr, "ال", 4) == 0) {
                px_strset_add(&w->common_ar,
                              keyed(w, "ara", (px_str){s.ptr + 4, s.len - 4}));
            }
        }
    }
    if (f != NULL) {
        gzclose(f);
    }
}

px_status
px_geo_words_load(px_geo_words *w, const px_lexsrc_paths *p, px_error *err)
{
    memset(w, 0, sizeof *w);
    px_strset *const sets[] = {&w->stop, &w->wn_avr, &w->wn_noun,
                               &w->common_ar};
    for (size_t i = 0; i < 4; i++) {
        px_strset_init(sets[i]);
    }
    px_buf_init(&w->key);
    px_buf_init(&w->tmp);
    w->wk = px_wordkey_new();
    if (w->wk == NULL) {
        return px_fail(err, PX_ENOMEM, "lexsrc: out of memory");
    }
    load_stopwords(w, p);
    static const char *const files[] = {"index.adj", "index.adv", "index.verb"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", p->wordnet, files[i]);
        each_line(w, path, wn_index_line);
    }
    snprintf(path, sizeof path, "%s/data.noun", p->wordnet);
    each_line(w, path, wn_noun_line);
    bool ok = px_strset_seal(&w->wn_avr) && px_strset_seal(&w->wn_noun);
    load_eng_ara(w, p->dictd);
    ok = ok && px_strset_seal(&w->common_ar) && !w->stop.failed &&
         !px_buf_failed(&w->tmp) && !px_buf_failed(&w->key);
    return ok ? PX_OK : px_fail(err, PX_ENOMEM, "lexsrc: out of memory");
}

void
px_geo_words_fini(px_geo_words *w)
{
    px_strset *const sets[] = {&w->stop, &w->wn_avr, &w->wn_noun,
                               &w->common_ar};
    for (size_t i = 0; i < 4; i++) {
        px_strset_fini(sets[i]);
    }
    px_buf_fini(&w->key);
    px_buf_fini(&w->tmp);
    px_wordkey_free(w->wk);
    w->wk = NULL;
}

bool
px_geo_is_stop(px_geo_words *w, const char *lang, px_str form)
{
    return px_strset_has(&w->stop, keyed(w, lang, form));
}

bool
px_geo_is_common(px_geo_words *w, const char *lang, px_str form)
{
    char base[4];
    px_wordkey_base(lang, base);
    if (strcmp(base, "eng") == 0) {
        return is_common_en(w, form);
    }
    if (strcmp(base, "ara") == 0) {
        return px_strset_has(&w->common_ar, keyed(w, lang, form));
    }
    return false;
}

/* Letters of form, and whether it has Han or Arabic letters. */
static size_t
count_letters(px_str form, bool *han, bool *arabic)
{
    size_t n = 0;
    int32_t i = 0;
    *han = false;
    *arabic = false;
    while (i < (int32_t)form.len) {
        UChar32 c = 0;
        U8_NEXT(form.ptr, i, (int32_t)form.len, c);
        if (c < 0 || !u_isalpha(c)) {
            continue;
        }
        UErrorCode st = U_ZERO_ERROR;
        const UScriptCode sc = uscript_getScript(c, &st);
        *han = *han || sc == USCRIPT_HAN;
        *arabic = *arabic || sc == USCRIPT_ARABIC;
        n++;
    }
    return n;
}

bool
px_geo_is_short(px_str form)
{
    bool han = false;
    bool arabic = false;
    const size_t n = count_letters(form, &han, &arabic);
    return han ? n < 2 : n < 3;
}

float
px_geo_place_weight(px_geo_words *w, const char *lang, px_str form,
                    uint32_t population)
{
    if (px_geo_is_short(form) || px_geo_is_stop(w, lang, form)) {
        return 0.0f;
    }
    float wt = 0.5f;
    if (population >= 1000000) {
        wt = 1.0f;
    } else if (population >= 100000) {
        wt = 0.9f;
    }
    if (px_geo_is_common(w, lang, form)) {
        const float cap = population >= 1000000 ? 0.6f : 0.4f;
        wt = wt < cap ? wt : cap;
    }
    return wt;
}

static bool
ends_with(px_str s, const char *suffix)
{
    const size_t n = strlen(suffix);
    return s.len >= n && memcmp(s.ptr + s.len - n, suffix, n) == 0;
}

static void
add_two(px_lexb *b, px_geo_stats *st, px_str base, const char *m, const char *f,
        px_concept c)
{
    char buf[256];
    if (base.len + 8 > sizeof buf) {
        return;
    }
    memcpy(buf, base.ptr, base.len);
    strcpy(buf + base.len, m);
    px_geo_add(b, st, "ara", px_str_c(buf), c, 0.8f);
    strcpy(buf + base.len, f);
    px_geo_add(b, st, "ara", px_str_c(buf), c, 0.8f);
}

size_t
px_geo_add_nisba(px_lexb *b, px_geo_stats *st, px_str name, px_concept c)
{
    static const char al[] = "ال";
    name = px_str_trim(name);
    if (px_str_find(name, " ", 1) != NULL || name.len < 6) {
        return 0;
    }
    if (name.len > 8 && memcmp(name.ptr, al, 4) == 0) {
        name.ptr += 4;
        name.len -= 4;
    }
    px_str base = name;
    if (ends_with(name, "ية")) { /* السعودية -> سعودي, سعودية */
        base.len -= 2;
        add_two(b, st, base, "", "ة", c);
        return 2;
    }
    if (ends_with(name, "ي") || ends_with(name, "ة")) {
        return 0; /* مالي, جيبوتي: already adjective-like */
    }
    if (ends_with(name, "يا")) { /* روسيا -> روسي */
        base.len -= 4;
    } else if (ends_with(name, "ا")) { /* كندا -> كندي */
        base.len -= 2;
    }
    add_two(b, st, base, "ي", "ية", c);
    return 2;
}

px_str
px_geo_strip_admin(const char *lang, px_str form)
{
    static const char *const han[] = {"市", "省", "县", "區", "区", "縣"};
    static const char ar_prefix[] = "محافظة ";
    if (strncmp(lang, "zho", 3) == 0) {
        for (size_t i = 0; i < sizeof han / sizeof han[0]; i++) {
            const size_t n = strlen(han[i]);
            if (form.len >= n + 6 &&
                memcmp(form.ptr + form.len - n, han[i], n) == 0) {
                return (px_str){form.ptr, form.len - n};
            }
        }
    } else if (strcmp(lang, "ara") == 0 && form.len > sizeof ar_prefix + 4 &&
               memcmp(form.ptr, ar_prefix, sizeof ar_prefix - 1) == 0) {
        return (px_str){form.ptr + sizeof ar_prefix - 1,
                        form.len - (sizeof ar_prefix - 1)};
    }
    return (px_str){form.ptr, 0};
}

float
px_geo_country_weight(px_geo_words *w, const char *lang, px_str form,
                      float base)
{
    static const char *const words[][2] = {
        {"ara", "مالي"}, {"ara", "بنين"}, {"zho", "中非"}, {"eng", "Jersey"}};
    form = px_str_trim(form);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strncmp(lang, words[i][0], 3) == 0 &&
            px_str_eq_c(form, words[i][1])) {
            return base < 0.5f ? base : 0.5f;
        }
    }
    bool han = false;
    bool arabic = false;
    if (count_letters(form, &han, &arabic) < 2 ||
        px_geo_is_stop(w, lang, form)) {
        return 0.0f;
    }
    return base;
}

float
px_geo_name_weight(px_geo_words *w, const char *lang, px_str form, float base)
{
    if (px_geo_is_short(form) || px_geo_is_stop(w, lang, form)) {
        return 0.0f;
    }
    if (px_geo_is_common(w, lang, form)) {
        return base < 0.4f ? base : 0.4f;
    }
    return base;
}
