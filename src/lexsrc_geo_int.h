/* lexsrc_geo_int.h - helpers shared by the place and name readers
 * (lexsrc_geo*.c, lexsrc_names.c): gettext .mo catalogues, locale ids to
 * ISO 639-3, a sorted string set (stopwords, common English words), the
 * GeoNames cities compiled into libgeonames, the ambiguity rules that
 * weight place names, and Arabic nisba adjectives.
 */
#ifndef PX_LEXSRC_GEO_INT_H
#define PX_LEXSRC_GEO_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "lexbuild.h"
#include "str.h"

/* Reads the whole file at path into *out (owned, free(); NUL-terminated
 * beyond *len). PX_EIO or PX_ENOMEM. */
px_status px_geo_read_file(const char *path, char **out, size_t *len,
                           px_error *err);

/* ---- counting what a reader adds ---- */

enum { PX_GEO_MAX_LANGS = 320 };

typedef struct px_geo_stats {
    const char *source; /* "cldr" */
    size_t total;
    size_t n_langs;
    char lang[PX_GEO_MAX_LANGS][12];
    size_t n[PX_GEO_MAX_LANGS];
} px_geo_stats;

/* px_lexb_add, counting the form under its language; empty forms and
 * weights <= 0 are skipped. */
void px_geo_add(px_lexb *b, px_geo_stats *st, const char *lang, px_str form,
                px_concept c, float weight);
/* Logs (INFO) "lexsrc: SOURCE: N forms in K languages (eng=.. ara=..
 * zho=.. zho-Hant=.. fra=.. deu=.. spa=.. rus=..)". */
void px_geo_stats_log(const px_geo_stats *st);

/* ---- gettext .mo catalogues ---- */

/* Called for each (msgid, msgstr) pair; the header entry (empty msgid) is
 * skipped and plural forms give their first form. Both are borrowed for
 * the call. */
typedef void (*px_mo_fn)(void *ctx, px_str msgid, px_str msgstr);

/* Reads the catalogue at path and calls fn for each pair. PX_EIO when the
 * file cannot be read, PX_EPARSE when it is not a .mo file. */
px_status px_mo_each(const char *path, px_mo_fn fn, void *ctx, px_error *err);

/* Calls fn(ctx, lang, path) for each <locale_dir>/LOC/LC_MESSAGES/<domain>
 * that exists, lang being LOC as a px_lexb language ("zho-Hant" for
 * zh_TW). Returns how many catalogues there were. */
typedef void (*px_mo_dir_fn)(void *ctx, const char *lang, const char *path);
size_t px_mo_each_locale(const char *locale_dir, const char *domain,
                         px_mo_dir_fn fn, void *ctx);

/* ---- languages ---- */

/* The px_lexb language of a CLDR or gettext locale id ("ar_SY" -> "ara",
 * "zh_Hant_HK", "zh_TW" -> "zho-Hant", "sr@latin" -> "srp", "yue" ->
 * "yue"). False for root and for languages without ICU locale data (the
 * compiled lexicon holds at most 255 languages). */
bool px_geo_lang(const char *locale, char out[16]);
/* True when the ISO 639-3 code lang ("ara", "zho-Hant") has ICU locale
 * data. */
bool px_geo_lang_known(const char *lang);

/* ---- sorted string sets ---- */

typedef struct px_strset {
    px_buf pool;         /* NUL-terminated strings */
    size_t *offs;        /* into pool, while adding */
    const char **sorted; /* after px_strset_seal */
    size_t n;
    size_t cap;
    bool failed;
} px_strset;

void px_strset_init(px_strset *s);
void px_strset_fini(px_strset *s);
void px_strset_add(px_strset *s, px_str v);
/* Sorts the set; adding afterwards is not allowed. False on OOM. */
bool px_strset_seal(px_strset *s);
bool px_strset_has(const px_strset *s, px_str v);

/* ---- ambiguity: stopwords and common English words ---- */

typedef struct px_geo_words {
    px_strset stop;        /* "ara\tفي": stopwords-iso */
    px_strset wn_avr;      /* WordNet adjective, adverb and verb lemmas */
    px_strset wn_noun;     /* WordNet nouns written in lower case */
    px_strset common_ar;   /* Arabic words: FreeDict eng-ara translations of
                              common English words */
    struct px_wordkey *wk; /* wordkey.h */
    px_buf key;
    px_buf tmp;
} px_geo_words;

/* Loads stopwords-iso (npm_dir), WordNet (wordnet) and FreeDict eng-ara
 * (dictd); any may be missing (then its test is always false). All sets
 * hold "lang\tkey" with px_wordkey_key keys. Fails with PX_ENOMEM only. */
px_status px_geo_words_load(px_geo_words *w, const px_lexsrc_paths *p,
                            px_error *err);
void px_geo_words_fini(px_geo_words *w);
/* True when form (case-folded here) is a stopword of lang. */
bool px_geo_is_stop(px_geo_words *w, const char *lang, px_str form);
/* True when form is a common word of lang. English: a WordNet adjective,
 * adverb or verb (Nice, Mobile, Split), or a noun written in lower case
 * (Reading, Bath; also Berlin, a carriage: its weight is then capped at
 * 0.6, still a sense of the city, without hiding the words). Arabic: a
 * FreeDict eng-ara translation of a common English word, with or without
 * ال (صور "pictures", عين "eye"). Other languages: never. */
bool px_geo_is_common(px_geo_words *w, const char *lang, px_str form);
/* True when form is too short to name a place safely: fewer than three
 * letters, or fewer than two in Han script. */
bool px_geo_is_short(px_str form);

/* The weight of a place name form given the place's population (0 when
 * unknown): 1.0 from a million people, 0.9 from 100,000, else 0.5; capped
 * at 0.4 (0.6 from a million) when the form is a common word of lang. 0
 * means skip the form (stopword or too short). */
float px_geo_place_weight(px_geo_words *w, const char *lang, px_str form,
                          uint32_t population);

/* ---- GeoNames cities (libgeonames) ---- */

typedef struct px_gn_city {
    uint32_t id;
    uint32_t population;
    const char *name;   /* English */
    const char *admin1; /* admin1 code ("GZ") */
    const char *cc;     /* ISO 3166-1 alpha-2 */
    const char *tz;     /* "Asia/Gaza" */
} px_gn_city;

typedef struct px_gn_db {
    unsigned char *blob; /* the inflated cities table; strings point in */
    px_gn_city *cities;  /* sorted by id */
    size_t n;
    px_buf folded;      /* after px_gn_fold: NUL-separated names */
    size_t *folded_off; /* cities[i]'s folded name at folded.ptr + off */
} px_gn_db;

/* Reads the cities table compiled into libgeonames.so.0 (its GResource
 * /com/lomiri/geonames/cities.compiled). The library is looked for in
 * $PX_GEONAMES_LIB, then /usr/lib/<multiarch>/. PX_EIO names the Debian
 * package when it is missing; PX_EPARSE when the table is not as
 * expected. */
px_status px_gn_load(px_gn_db *db, px_error *err);
void px_gn_fini(px_gn_db *db);
const px_gn_city *px_gn_by_id(const px_gn_db *db, uint32_t id);
/* The most populous city named name (English) in tz (or NULL: any) and in
 * country cc (or NULL: any), or NULL. */
const px_gn_city *px_gn_find(const px_gn_db *db, px_str name, const char *tz,
                             const char *cc);
/* Folds the English names to lower-case ASCII (São Paulo -> sao paulo)
 * for px_gn_find_folded. Fails with PX_ENOMEM or PX_EINVAL (ICU). */
px_status px_gn_fold(px_gn_db *db, px_error *err);
/* Writes the folded form of s into out (size n). False when ICU fails. */
bool px_gn_fold_name(px_str s, char *out, size_t n);
/* The most populous city whose folded name is folded, in tz; or NULL. */
const px_gn_city *px_gn_find_folded(const px_gn_db *db, const char *folded,
                                    const char *tz);
/* The g: concept of a city, with its English gloss. */
px_concept px_gn_concept(px_lexb *b, const px_gn_city *c);

/* ---- Arabic ---- */

/* Adds the nisba adjectives of an Arabic country name (أذربيجان ->
 * أذربيجاني, أذربيجانية; روسيا -> روسي, روسية) to c at weight 0.8; names of
 * several words get none. Returns how many forms were added. */
size_t px_geo_add_nisba(px_lexb *b, px_geo_stats *st, px_str name,
                        px_concept c);

/* ---- shared naming rules ---- */

/* The bare name inside an administrative name (加沙省 -> 加沙, 拉法市 ->
 * 拉法, محافظة غزة -> غزة); an empty slice when there is none. */
px_str px_geo_strip_admin(const char *lang, px_str form);

/* The weight of a country name form: 0.5 for the few country names that
 * are also frequent words (Arabic مالي "financial", بنين "sons", Chinese
 * 中非 "China-Africa", English Jersey), 0 for stopwords and one-letter
 * forms, else base. */
float px_geo_country_weight(px_geo_words *w, const char *lang, px_str form,
                            float base);

/* The weight of another name (language, region): 0 for stopwords and
 * short forms, at most 0.4 for common words, else base. */
float px_geo_name_weight(px_geo_words *w, const char *lang, px_str form,
                         float base);

#endif /* PX_LEXSRC_GEO_INT_H */
