/* lexsrc_list.c - the source readers `parallax lexicon build` runs, in
 * order. Names (actors, CLDR, gazetteers) come first: the first gloss a
 * concept gets is the one it keeps. */
#include "lexbuild.h"

const px_lexsrc_def px_lexsrc_all[] = {
    {"actors", px_lexsrc_actors},
    {"cldr", px_lexsrc_cldr},
    {"iso-codes", px_lexsrc_iso_codes},
    {"world-countries", px_lexsrc_countries},
    {"geonames", px_lexsrc_geonames},
    {"cedict", px_lexsrc_cedict},
    {"wordnet", px_lexsrc_wordnet},
    {"freedict", px_lexsrc_freedict},
    {"mueller", px_lexsrc_mueller},
    {"freedict-pivot", px_lexsrc_triangulate},
    {"hunspell", px_lexsrc_hunspell},
    {"jieba", px_lexsrc_jieba},
    {"stopwords", px_lexsrc_stopwords},
};

const size_t px_lexsrc_n_all = sizeof px_lexsrc_all / sizeof px_lexsrc_all[0];
