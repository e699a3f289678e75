/* lexsrc_geo_words.c - which place names are also ordinary words
 * (lexsrc_geo_int.h): stopwords-iso per language, the lower-case lemmas of
 * WordNet for English (Nice, Mobile, Reading), short names, and the
 * population-based weights; plus Arabic nisba adjectives.
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
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

static void
base_lang(const char *lang, char out[4])
{
    memcpy(out, lang, 3);
    out[3] = '\0';
}

/* Case-folds s into w->tmp (after a "lang\t" prefix when lang is set). */
static px_str
folded(px_geo_words *w, const char *lang, px_str s)
{
    w->tmp.len = 0;
    if (lang != NULL) {
        char b[4];
        base_lang(lang, b);
        px_buf_add_c(&w->tmp, b);
        px_buf_add_byte(&w->tmp, '\t');
    }
    const size_t at = w->tmp.len;
    if (!px_buf_reserve(&w->tmp, s.len * 3 + 8)) {
        return (px_str){"", 0};
    }
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n = ucasemap_utf8FoldCase(
        w->fold, w->tmp.ptr + at, (int32_t)(w->tmp.cap - at), s.ptr,
        (int32_t)s.len, &st);
    if (U_FAILURE(st)) {
        return (px_str){"", 0};
    }
    w->tmp.len = at + (size_t)n;
    return (px_str){w->tmp.ptr, w->tmp.len};
}

static void
load_stopwords(px_geo_words *w, const px_lexsrc_paths *p)
{
    char path[512];
    snprintf(path, sizeof path, "%s/stopwords-iso-1.1.0/package/%s",
             p->npm_dir, "stopwords-iso.json");
    json_t *root = json_load_file(path, 0, NULL);
    if (root == NULL) {
        return;
    }
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
                px_strset_add(&w->stop, folded(w, lang, s));
            }
        }
    }
    json_decref(root);
    w->has_stop = px_strset_seal(&w->stop);
}

/* Adds the lemmas of a WordNet index file (first field of each line). */
static void
load_wn_index(px_geo_words *w, const char *path, bool lower_only)
{
    char *data = NULL;
    size_t len = 0;
    if (px_geo_read_file(path, &data, &len, NULL) != PX_OK) {
        return;
    }
    char *line = data;
    while (line < data + len) {
        char *end = strchr(line, '\n');
        end = end != NULL ? end : data + len;
        char *sp = memchr(line, ' ', (size_t)(end - line));
        if (line[0] != ' ' && sp != NULL) {
            bool ok = true;
            for (char *c = line; c < sp; c++) {
                ok = ok && !(lower_only && *c >= 'A' && *c <= 'Z');
                *c = *c == '_' ? ' ' : *c;
            }
            if (ok) {
                px_strset_add(&w->common, (px_str){line, (size_t)(sp - line)});
            }
        }
        line = end + 1;
    }
    free(data);
}

/* Adds the lower-case words of the synsets of a WordNet data file: "00001740
 * 03 n 01 entity 0 ..." (offset, file, type, hex count, word, lex id...). */
static void
load_wn_data(px_geo_words *w, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (px_geo_read_file(path, &data, &len, NULL) != PX_OK) {
        return;
    }
    char *line = data;
    while (line < data + len) {
        char *end = strchr(line, '\n');
        end = end != NULL ? end : data + len;
        *end = '\0';
        char word[128];
        unsigned nw = 0;
        int used = 0;
        const char *q = line;
        if (line[0] != ' ' && sscanf(line, "%*s %*s %*s %x%n", &nw, &used) == 1) {
            q += used;
            for (unsigned i = 0; i < nw; i++) {
                if (sscanf(q, " %127s %*s%n", word, &used) != 1) {
                    break;
                }
                q += used;
                bool lower = true;
                for (char *c = word; *c != '\0'; c++) {
                    lower = lower && !(*c >= 'A' && *c <= 'Z');
                    *c = *c == '_' ? ' ' : *c;
                }
                if (lower) {
                    px_strset_add(&w->common, px_str_c(word));
                }
            }
        }
        line = end + 1;
    }
    free(data);
}

px_status
px_geo_words_load(px_geo_words *w, const px_lexsrc_paths *p, px_error *err)
{
    memset(w, 0, sizeof *w);
    px_strset_init(&w->stop);
    px_strset_init(&w->common);
    px_buf_init(&w->tmp);
    UErrorCode st = U_ZERO_ERROR;
    w->fold = ucasemap_open("", 0, &st);
    if (U_FAILURE(st)) {
        return px_fail(err, PX_ENOMEM, "lexsrc: ICU case map: %s",
                       u_errorName(st));
    }
    load_stopwords(w, p);
    static const char *const files[] = {"index.adj", "index.adv",
                                        "index.verb"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", p->wordnet, files[i]);
        load_wn_index(w, path, false);
    }
    snprintf(path, sizeof path, "%s/data.noun", p->wordnet);
    load_wn_data(w, path);
    w->has_common = w->common.n > 0 && px_strset_seal(&w->common);
    if (w->stop.failed || w->common.failed || px_buf_failed(&w->tmp)) {
        return px_fail(err, PX_ENOMEM, "lexsrc: out of memory");
    }
    return PX_OK;
}

void
px_geo_words_fini(px_geo_words *w)
{
    px_strset_fini(&w->stop);
    px_strset_fini(&w->common);
    px_buf_fini(&w->tmp);
    ucasemap_close(w->fold);
    w->fold = NULL;
}

bool
px_geo_is_stop(px_geo_words *w, const char *lang, px_str form)
{
    return w->has_stop && px_strset_has(&w->stop, folded(w, lang, form));
}

bool
px_geo_is_common_en(px_geo_words *w, px_str form)
{
    return w->has_common &&
           px_strset_has(&w->common, folded(w, NULL, form));
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
    if (strncmp(lang, "eng", 3) == 0 && px_geo_is_common_en(w, form)) {
        const float cap = population >= 1000000 ? 0.6f : 0.4f;
        wt = wt < cap ? wt : cap;
    }
    bool han = false;
    bool arabic = false;
    if (count_letters(form, &han, &arabic) <= 3 && arabic && wt > 0.5f) {
        wt = 0.5f;
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
add_two(px_lexb *b, px_str base, const char *m, const char *f, px_concept c)
{
    char buf[256];
    if (base.len + 8 > sizeof buf) {
        return;
    }
    memcpy(buf, base.ptr, base.len);
    strcpy(buf + base.len, m);
    px_lexb_add(b, "ara", px_str_c(buf), c, 0.8f);
    strcpy(buf + base.len, f);
    px_lexb_add(b, "ara", px_str_c(buf), c, 0.8f);
}

size_t
px_geo_add_nisba(px_lexb *b, px_str name, px_concept c)
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
        add_two(b, base, "", "ة", c);
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
    add_two(b, base, "ي", "ية", c);
    return 2;
}
