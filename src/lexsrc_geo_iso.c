/* lexsrc_geo_iso.c - iso-codes (Debian iso-codes) and world-countries (npm
 * world-countries@5.1.0) as lexicon sources.
 *
 * iso-codes: the English names of iso_3166-1 (c:), iso_3166-2 (r:) and
 * the iso_639-3 languages that have a two-letter code (l:), and their
 * gettext translations iso_3166-1.mo, iso_3166-2.mo, iso_639-3.mo in every
 * locale, keyed by the English name (msgid). An English subdivision name
 * shared by several codes ("Central") is not translated: the msgid cannot
 * say which one is meant.
 *
 * world-countries: per country (cca2 -> c:) the common and official names
 * in English, in the native languages and in its 23 translations, the
 * alternative spellings at 0.9 (country codes such as "AT" or "IN" are
 * words once case-folded, so only UK, USA, UAE, DRC... of them), the
 * demonyms (English, French) at 0.8, and the capitals, joined to their
 * GeoNames place by name and country.
 */
#include "lexbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lexsrc_geo_int.h"
#include "log.h"

typedef struct iso_entry {
    const char *en; /* into the JSON document */
    char concept[24];
} iso_entry;

typedef struct iso_ctx {
    px_lexb *b;
    px_geo_words words;
    px_geo_stats stats;
    iso_entry *entries;
    size_t n;
    size_t cap;
    const char *lang;
} iso_ctx;

static int
cmp_entry(const void *a, const void *b)
{
    return strcmp(((const iso_entry *)a)->en, ((const iso_entry *)b)->en);
}

static bool
is_country(const char *concept)
{
    return concept[0] == 'c';
}

static float
weight_of(iso_ctx *x, const char *concept, const char *lang, px_str form)
{
    if (is_country(concept)) {
        return px_geo_country_weight(&x->words, lang, form, 1.0f);
    }
    /* regions below countries and cities of the same name (Gaza) */
    return px_geo_name_weight(&x->words, lang, form,
                              concept[0] == 'r' ? 0.9f : 1.0f);
}

/* Adds the English form en of concept and remembers it for the
 * translations. */
static void
iso_add(iso_ctx *x, const char *concept, const char *gloss, const char *en)
{
    if (en == NULL || en[0] == '\0') {
        return;
    }
    const px_str s = px_str_c(en);
    const px_concept c = px_lexb_concept(x->b, concept, gloss);
    px_geo_add(x->b, &x->stats, "eng", s, c, weight_of(x, concept, "eng", s));
    if (x->n == x->cap) {
        const size_t cap = x->cap == 0 ? 4096 : x->cap * 2;
        iso_entry *e = realloc(x->entries, cap * sizeof *e);
        if (e == NULL) {
            return;
        }
        x->entries = e;
        x->cap = cap;
    }
    iso_entry *e = &x->entries[x->n++];
    e->en = en;
    snprintf(e->concept, sizeof e->concept, "%s", concept);
}

static const char *
str_field(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* Reads one iso-codes JSON file (list under key) into x. */
static void
iso_json(iso_ctx *x, const json_t *root, const char *key)
{
    size_t i;
    const json_t *e;
    json_array_foreach(json_object_get(root, key), i, e)
    {
        char concept[24];
        const char *name = str_field(e, "name");
        if (strcmp(key, "3166-1") == 0) {
            snprintf(concept, sizeof concept, "c:%s", str_field(e, "alpha_2"));
        } else if (strcmp(key, "3166-2") == 0) {
            snprintf(concept, sizeof concept, "r:%s", str_field(e, "code"));
        } else if (str_field(e, "alpha_2") != NULL) {
            snprintf(concept, sizeof concept, "l:%s", str_field(e, "alpha_3"));
        } else {
            continue;
        }
        iso_add(x, concept, name, name);
        iso_add(x, concept, NULL, str_field(e, "official_name"));
        iso_add(x, concept, NULL, str_field(e, "common_name"));
    }
}

static int
cmp_str(px_str a, const char *b)
{
    const size_t bl = strlen(b);
    const int c = memcmp(a.ptr, b, a.len < bl ? a.len : bl);
    if (c != 0) {
        return c;
    }
    return a.len < bl ? -1 : (a.len > bl ? 1 : 0);
}

/* The first entry whose English name is en, and how many share it. */
static const iso_entry *
iso_find(const iso_ctx *x, px_str en, size_t *n_same)
{
    size_t lo = 0;
    size_t hi = x->n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (cmp_str(en, x->entries[mid].en) > 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    size_t k = lo;
    while (k < x->n && cmp_str(en, x->entries[k].en) == 0) {
        k++;
    }
    *n_same = k - lo;
    return lo < x->n ? &x->entries[lo] : NULL;
}

static void
iso_pair(void *ctx, px_str msgid, px_str msgstr)
{
    iso_ctx *x = ctx;
    size_t n_same = 0;
    const iso_entry *e = iso_find(x, msgid, &n_same);
    /* one concept (several entries may name the same one) */
    for (size_t i = 1; i < n_same; i++) {
        if (strcmp(e[i].concept, e[0].concept) != 0) {
            return;
        }
    }
    if (n_same > 0) {
        const px_concept c = px_lexb_concept(x->b, e->concept, NULL);
        px_geo_add(x->b, &x->stats, x->lang, msgstr, c,
                   weight_of(x, e->concept, x->lang, msgstr));
    }
}

static void
iso_catalogue(void *ctx, const char *lang, const char *path)
{
    iso_ctx *x = ctx;
    x->lang = lang;
    px_error e = {0};
    if (px_mo_each(path, iso_pair, x, &e) != PX_OK) {
        PX_LOG(PX_LOG_WARN, "lexsrc: iso-codes: %s", e.msg);
    }
}

static json_t *
load_json(const char *dir, const char *file, px_error *err, const char *package)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (root == NULL) {
        px_fail(err, PX_EIO, "%s missing or unreadable: %s (%s)", path, package,
                je.text);
    }
    return root;
}

px_status
px_lexsrc_iso_codes(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    static const char *const files[][2] = {{"iso_3166-1", "3166-1"},
                                           {"iso_3166-2", "3166-2"},
                                           {"iso_639-3", "639-3"}};
    iso_ctx *x = calloc(1, sizeof *x);
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "iso-codes: out of memory");
    }
    x->b = b;
    x->stats.source = "iso-codes";
    px_status rc = px_geo_words_load(&x->words, p, err);
    json_t *docs[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < 3 && rc == PX_OK; i++) {
        char file[64];
        snprintf(file, sizeof file, "%s.json", files[i][0]);
        docs[i] = load_json(p->iso_codes, file, err,
                            "install the Debian package iso-codes");
        if (docs[i] == NULL) {
            rc = PX_EIO;
            break;
        }
        x->n = 0;
        iso_json(x, docs[i], files[i][1]);
        qsort(x->entries, x->n, sizeof *x->entries, cmp_entry);
        px_mo_each_locale(p->locale, files[i][0], iso_catalogue, x);
    }
    if (rc == PX_OK) {
        px_lexb_source(b, "iso-codes 4.15", "LGPL-2.1+", x->stats.total);
        px_geo_stats_log(&x->stats);
    }
    for (size_t i = 0; i < 3; i++) {
        json_decref(docs[i]);
    }
    free(x->entries);
    px_geo_words_fini(&x->words);
    free(x);
    return rc;
}

/* Country codes among the alternative spellings that stay words of their
 * own once case-folded are left out; these few are names. */
static bool
alt_spelling_ok(const char *s)
{
    static const char *const codes[] = {"UK",  "USA", "UAE",  "DRC", "PRC",
                                        "ROC", "ROK", "DPRK", "KSA"};
    size_t upper = 0;
    const size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        upper += s[i] >= 'A' && s[i] <= 'Z';
    }
    if (upper < n || n > 4) {
        return true;
    }
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (strcmp(s, codes[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* Adds o's string members named keys[] (or all string members) in lang. */
static void
add_members(iso_ctx *x, json_t *o, const char *lang, px_concept c, float base)
{
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v)
    {
        if (json_is_string(v)) {
            const px_str s = px_str_c(json_string_value(v));
            const float w = px_geo_country_weight(&x->words, lang, s, base);
            px_geo_add(x->b, &x->stats, lang, s, c, w);
        }
    }
}

/* {"ara": {"official": ..., "common": ...}, "per": ...}: languages are
 * ISO 639-3 but for "per" (Persian, 639-2/B). */
static void
add_by_language(iso_ctx *x, json_t *o, px_concept c, float base)
{
    const char *lang;
    json_t *names;
    json_object_foreach(o, lang, names)
    {
        const char *l = strcmp(lang, "per") == 0 ? "fas" : lang;
        if (px_geo_lang_known(l)) {
            add_members(x, names, l, c, base);
        }
    }
}

static void
add_capitals(iso_ctx *x, const px_gn_db *db, const json_t *caps, const char *cc)
{
    size_t i;
    const json_t *v;
    json_array_foreach(caps, i, v)
    {
        const px_str s = px_str_c(json_string_value(v));
        const px_gn_city *city = s.len > 0 ? px_gn_find(db, s, NULL, cc) : NULL;
        if (city != NULL) {
            px_geo_add(
                x->b, &x->stats, "eng", s, px_gn_concept(x->b, city),
                px_geo_place_weight(&x->words, "eng", s, city->population));
        }
    }
}

static void
country(iso_ctx *x, const px_gn_db *db, const json_t *e)
{
    json_t *name = json_object_get(e, "name");
    const char *cc = str_field(e, "cca2");
    if (cc == NULL || strlen(cc) != 2) {
        return;
    }
    char concept[8];
    snprintf(concept, sizeof concept, "c:%s", cc);
    const px_concept c =
        px_lexb_concept(x->b, concept, str_field(name, "common"));
    add_members(x, name, "eng", c, 1.0f);
    add_by_language(x, json_object_get(name, "native"), c, 1.0f);
    add_by_language(x, json_object_get(e, "translations"), c, 1.0f);
    add_by_language(x, json_object_get(e, "demonyms"), c, 0.8f);
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(e, "altSpellings"), i, v)
    {
        const char *s = json_string_value(v);
        if (s != NULL && alt_spelling_ok(s)) {
            const px_str f = px_str_c(s);
            px_geo_add(x->b, &x->stats, "eng", f, c,
                       px_geo_country_weight(&x->words, "eng", f, 0.9f));
        }
    }
    if (db->n > 0) {
        add_capitals(x, db, json_object_get(e, "capital"), cc);
    }
}

px_status
px_lexsrc_countries(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    iso_ctx *x = calloc(1, sizeof *x);
    px_gn_db db = {0};
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "world-countries: out of memory");
    }
    x->b = b;
    x->stats.source = "world-countries";
    char dir[400];
    snprintf(dir, sizeof dir, "%s/world-countries-5.1.0/package", p->npm_dir);
    json_t *root = load_json(dir, "countries.json", err,
                             "run scripts/fetch_data.sh (npm "
                             "world-countries@5.1.0)");
    px_status rc = root != NULL ? px_geo_words_load(&x->words, p, err) : PX_EIO;
    px_error gn_err = {0};
    if (rc == PX_OK && px_gn_load(&db, &gn_err) != PX_OK) {
        PX_LOG(PX_LOG_WARN, "lexsrc: world-countries: no capitals (%s)",
               gn_err.msg);
    }
    size_t i;
    const json_t *e;
    json_array_foreach(rc == PX_OK ? root : NULL, i, e)
    {
        country(x, &db, e);
    }
    if (rc == PX_OK) {
        px_lexb_source(b, "world-countries 5.1.0", "ODbL-1.0", x->stats.total);
        px_geo_stats_log(&x->stats);
    }
    json_decref(root);
    px_gn_fini(&db);
    px_geo_words_fini(&x->words);
    free(x);
    return rc;
}
