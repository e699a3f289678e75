/* langid_map.c - CLD2's language codes as ISO 639-3, and which
 * language/script pairs CLD2's tables (Debian libcld2, the "chrome" quadgram
 * tables) can recognise at all.
 *
 * Hand-written. The "scripts" column lists the ISO 15924 scripts in which
 * CLD2 recognises the language: for the quadgram languages it is the
 * kRecognizedLangScripts string of CLD2::kQuad_obj (printed once from the
 * installed library); for the CJK languages it is kCjkCompat_obj's; for
 * languages CLD2 identifies by their script alone it is the script whose
 * CLD2::DefaultLanguage they are (ULScriptRecognitionType RTypeOne, or
 * RTypeMany without quadgrams: Tibetan, Ethiopic). An empty column means
 * CLD2 knows the code but its tables never return it.
 * CLD2's "ar" is Modern Standard Arabic (arb), "no" is Bokmal (nob), "tl"
 * is Tagalog (tgl; Filipino "fil" is its standard form), "ku" in Latin
 * script is Kurmanji (kmr), "iw" is Hebrew and "jw" Javanese.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "langid.h"

typedef struct cld2_lang {
    const char *cld2;
    const char *iso3;
    const char *scripts;
} cld2_lang;

/* Sorted by the CLD2 code (strcmp order) for bsearch. */
static const cld2_lang cld2_langs[] = {
    {"aa", "aar", ""},
    {"ab", "abk", ""},
    {"af", "afr", "Latn"},
    {"ak", "aka", ""},
    {"am", "amh", "Ethi"},
    {"ar", "arb", "Arab"},
    {"as", "asm", ""},
    {"ay", "aym", ""},
    {"az", "aze", "Latn"},
    {"ba", "bak", ""},
    {"be", "bel", "Cyrl"},
    {"bg", "bul", "Cyrl"},
    {"bh", "bih", "Deva"},
    {"bi", "bis", ""},
    {"bn", "ben", "Beng"},
    {"bo", "bod", "Tibt"},
    {"br", "bre", ""},
    {"bs", "bos", "Latn"},
    {"ca", "cat", "Latn"},
    {"ceb", "ceb", "Latn"},
    {"chr", "chr", "Cher"},
    {"co", "cos", ""},
    {"crs", "crs", ""},
    {"cs", "ces", "Latn"},
    {"cy", "cym", "Latn"},
    {"da", "dan", "Latn"},
    {"de", "deu", "Latn"},
    {"dv", "div", "Thaa"},
    {"dz", "dzo", ""},
    {"ee", "ewe", ""},
    {"el", "ell", "Grek"},
    {"en", "eng", "Latn"},
    {"eo", "epo", ""},
    {"es", "spa", "Latn"},
    {"et", "est", "Latn"},
    {"eu", "eus", "Latn"},
    {"fa", "fas", "Arab"},
    {"fi", "fin", "Latn"},
    {"fj", "fij", ""},
    {"fo", "fao", ""},
    {"fr", "fra", "Latn"},
    {"fy", "fry", ""},
    {"ga", "gle", "Latn"},
    {"gaa", "gaa", ""},
    {"gd", "gla", "Latn"},
    {"gl", "glg", "Latn"},
    {"gn", "grn", ""},
    {"gu", "guj", "Gujr"},
    {"gv", "glv", ""},
    {"ha", "hau", ""},
    {"haw", "haw", ""},
    {"hi", "hin", "Deva"},
    {"hmn", "hmn", "Latn"},
    {"hr", "hrv", "Latn"},
    {"ht", "hat", "Latn"},
    {"hu", "hun", "Latn"},
    {"hy", "hye", "Armn"},
    {"ia", "ina", ""},
    {"id", "ind", "Latn"},
    {"ie", "ile", ""},
    {"ig", "ibo", ""},
    {"ik", "ipk", ""},
    {"is", "isl", "Latn"},
    {"it", "ita", "Latn"},
    {"iu", "iku", "Cans"},
    {"iw", "heb", "Hebr"},
    {"ja", "jpn", "Jpan"},
    {"jw", "jav", "Latn"},
    {"ka", "kat", "Geor"},
    {"kha", "kha", ""},
    {"kk", "kaz", "Cyrl"},
    {"kl", "kal", ""},
    {"km", "khm", "Khmr"},
    {"kn", "kan", "Knda"},
    {"ko", "kor", "Kore"},
    {"kri", "kri", ""},
    {"ks", "kas", ""},
    {"ku", "kmr", "Latn"},
    {"ky", "kir", "Cyrl"},
    {"la", "lat", ""},
    {"lb", "ltz", ""},
    {"lg", "lug", "Latn"},
    {"lif", "lif", "Limb"},
    {"ln", "lin", ""},
    {"lo", "lao", "Laoo"},
    {"loz", "loz", ""},
    {"lt", "lit", "Latn"},
    {"lua", "lua", ""},
    {"luo", "luo", ""},
    {"lv", "lav", "Latn"},
    {"mfe", "mfe", ""},
    {"mg", "mlg", "Latn"},
    {"mi", "mri", ""},
    {"mk", "mkd", "Cyrl"},
    {"ml", "mal", "Mlym"},
    {"mn", "mon", "Latn Mong"},
    {"mr", "mar", "Deva"},
    {"ms", "msa", "Latn"},
    {"mt", "mlt", "Latn"},
    {"my", "mya", "Mymr"},
    {"na", "nau", ""},
    {"ne", "nep", "Deva"},
    {"new", "new", ""},
    {"nl", "nld", "Latn"},
    {"nn", "nno", ""},
    {"no", "nob", "Latn"},
    {"nr", "nbl", ""},
    {"nso", "nso", ""},
    {"ny", "nya", "Latn"},
    {"oc", "oci", ""},
    {"om", "orm", ""},
    {"or", "ori", "Orya"},
    {"os", "oss", ""},
    {"pa", "pan", "Guru"},
    {"pam", "pam", ""},
    {"pl", "pol", "Latn"},
    {"ps", "pus", ""},
    {"pt", "por", "Latn"},
    {"qu", "que", ""},
    {"raj", "raj", ""},
    {"rm", "roh", ""},
    {"rn", "run", ""},
    {"ro", "ron", "Latn Cyrl"},
    {"ru", "rus", "Cyrl"},
    {"rw", "kin", "Latn"},
    {"sa", "san", ""},
    {"sco", "sco", ""},
    {"sd", "snd", ""},
    {"sg", "sag", ""},
    {"si", "sin", "Sinh"},
    {"sk", "slk", "Latn"},
    {"sl", "slv", "Latn"},
    {"sm", "smo", ""},
    {"sn", "sna", ""},
    {"so", "som", ""},
    {"sq", "sqi", "Latn"},
    {"sr", "srp", "Latn Cyrl"},
    {"sr-ME", "cnr", ""},
    {"ss", "ssw", ""},
    {"st", "sot", "Latn"},
    {"su", "sun", "Latn"},
    {"sv", "swe", "Latn"},
    {"sw", "swa", "Latn"},
    {"syr", "syr", "Syrc"},
    {"ta", "tam", "Taml"},
    {"te", "tel", "Telu"},
    {"tg", "tgk", "Cyrl"},
    {"th", "tha", "Thai"},
    {"ti", "tir", ""},
    {"tk", "tuk", ""},
    {"tl", "tgl", "Latn Tglg"},
    {"tn", "tsn", ""},
    {"to", "ton", ""},
    {"tr", "tur", "Latn"},
    {"ts", "tso", ""},
    {"tt", "tat", ""},
    {"tum", "tum", ""},
    {"tw", "twi", ""},
    {"ug", "uig", ""},
    {"uk", "ukr", "Cyrl"},
    {"ur", "urd", "Arab"},
    {"uz", "uzb", "Latn Cyrl"},
    {"ve", "ven", ""},
    {"vi", "vie", "Latn"},
    {"vo", "vol", ""},
    {"war", "war", ""},
    {"wo", "wol", ""},
    {"xh", "xho", ""},
    {"yi", "yid", "Hebr"},
    {"yo", "yor", ""},
    {"za", "zha", ""},
    {"zh", "zho-Hans", "Hans"},
    {"zh-Hant", "zho-Hant", "Hant"},
    {"zu", "zul", ""},
};

static int
cmp_cld2(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const cld2_lang *)elem)->cld2);
}

const char *
px_langid_from_cld2(const char *code)
{
    const cld2_lang *l =
        bsearch(code, cld2_langs, sizeof cld2_langs / sizeof cld2_langs[0],
                sizeof cld2_langs[0], cmp_cld2);
    return l != NULL ? l->iso3 : NULL;
}

/* Length of the base language of code ("zho" in "zho-Hans"). */
static size_t
base_len(const char *code)
{
    const char *dash = strchr(code, '-');
    return dash != NULL ? (size_t)(dash - code) : strlen(code);
}

/* True if the space-separated list has the 4-letter script. */
static bool
has_script(const char *list, const char *script)
{
    for (const char *p = list; *p != '\0'; p += p[4] == ' ' ? 5 : 4) {
        if (strncmp(p, script, 4) == 0) {
            return true;
        }
        if (p[4] == '\0') {
            break;
        }
    }
    return false;
}

bool
px_langid_cld2_supports(const char *iso3, const char *script)
{
    const size_t n = base_len(iso3);
    for (size_t i = 0; i < sizeof cld2_langs / sizeof cld2_langs[0]; i++) {
        const cld2_lang *l = &cld2_langs[i];
        if (base_len(l->iso3) == n && strncmp(l->iso3, iso3, n) == 0 &&
            (script == NULL || has_script(l->scripts, script))) {
            if (l->scripts[0] != '\0') {
                return true;
            }
        }
    }
    return false;
}

const char *
px_langid_cld2_script(const char *iso3)
{
    const size_t n = base_len(iso3);
    for (size_t i = 0; i < sizeof cld2_langs / sizeof cld2_langs[0]; i++) {
        const cld2_lang *l = &cld2_langs[i];
        if (l->iso3[0] != iso3[0]) {
            continue; /* neither test below can hold */
        }
        if (strcmp(l->iso3, iso3) == 0 ||
            (base_len(l->iso3) == n && strncmp(l->iso3, iso3, n) == 0 &&
             l->iso3[n] == '\0')) {
            return l->scripts[0] != '\0' ? l->scripts : NULL;
        }
    }
    return NULL;
}
