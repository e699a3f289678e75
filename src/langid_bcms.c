/* langid_bcms.c - telling Bosnian, Croatian and Serbian (Latin script)
 * apart, which CLD2 does poorly: the three standards share nearly all of
 * their grammar and n-grams. The standard differences used here are
 * textbook ones, not learnt from any corpus:
 * - reflex of old yat: Serbian is ekavian ("vreme", "pre", "gde"), Croatian
 *   and Bosnian are ijekavian ("vrijeme", "prije", "gdje");
 * - Croatian-only words: the Slavic month names (sijecanj, veljaca, ...),
 *   "tko", "tisuca", "tjedan", "tijekom", "povijest", "sveuciliste"...;
 * - Bosnian and Serbian words Croatian avoids: Latin month names
 *   ("januar", "mart"), "hiljada", "sedmica", "tokom", "historija", "ko",
 *   "sta", "porodica", "univerzitet"...
 * Words are compared in lower case; a list entry ending in '*' matches as
 * a prefix.
 */
#include <string.h>

#include "langid.h"

static const char *const ijekavian[] = {
    "prije",     "vrijem*",  "dvije",    "mjest*",     "mjesec*",  "svijet*",
    "vijest*",   "lijep*",   "cijel*",   "bijel*",     "uvijek",   "gdje",
    "ovdje",     "sjever*",  "mjer*",    "vjer*",      "dijel*",   "rije*",
    "tijel*",    "snijeg*",  "mlijek*",  "dijet*",     "pjes*",    "vjetr*",
    "poslije",   "dio",      "dijelovi", "predsjedn*", "sjedišt*", "nedjelj*",
    "vjerovat*", "primjer*", "vijek*",   "htio",       "vidio",    "svjetsk*",
};
static const char *const ekavian[] = {
    "pre",       "posle",   "vreme",   "vremena",  "vremenu", "dve",
    "mesto",     "mesta",   "mestu",   "mesec",    "meseca",  "mesecu",
    "meseci",    "vest",    "vesti",   "uvek",     "gde",     "ovde",
    "sever",     "severa",  "severu",  "reč",      "reči",    "telo",
    "tela",      "dete",    "deca",    "dece",     "deteta",  "reka",
    "reke",      "deo",     "delove",  "delovi",   "ceo",     "celog",
    "predsedn*", "sedišt*", "nedelj*", "verovat*", "primer*", "vek",
    "veka",      "hteo",    "video",   "lekar*",   "svetsk*", "uslov*",
};
static const char *const croatian[] = {
    "siječ*",     "veljač*",   "ožuj*",    "travanj*",  "travnj*",
    "svib*",      "lipanj*",   "lipnj*",   "srpanj*",   "srpnj*",
    "kolovoz*",   "rujan*",    "rujn*",    "listopad*", "studeni",
    "studenog*",  "studenom*", "prosin*",  "tko",       "tisuć*",
    "tjedan*",    "tjedn*",    "tijekom",  "povijest*", "sveučiliš*",
    "zrakoplov*", "izvješć*",  "obitelj*", "nogomet*",  "kazališ*",
    "glazb*",     "vlak*",
};
static const char *const bos_srp[] = {
    "januar*",   "februar*", "mart",    "marta",    "juni",         "juna",
    "juli",      "jula",     "august*", "avgust*",  "septemb*",     "oktob*",
    "novemb*",   "decemb*",  "hiljad*", "sedmic*",  "tokom",        "historij*",
    "istorij*",  "ko",       "šta",     "porodic*", "univerzitet*", "fudbal*",
    "pozorišt*", "muzik*",   "voz",     "hemij*",   "opštin*",      "saopšt*",
};

static bool
matches(const char *word, size_t len, const char *entry)
{
    const size_t n = strlen(entry);
    if (entry[n - 1] == '*') {
        return len >= n - 1 && memcmp(word, entry, n - 1) == 0;
    }
    return len == n && memcmp(word, entry, n) == 0;
}

static size_t
count_in(const char *word, size_t len, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (matches(word, len, list[i])) {
            return 1;
        }
    }
    return 0;
}

#define COUNT_IN(w, n, list)                                                   \
    count_in((w), (n), (list), sizeof(list) / sizeof((list)[0]))

typedef struct bcms_votes {
    size_t ije;
    size_t eka;
    size_t hrv;
    size_t bos;
} bcms_votes;

static void
vote_word(bcms_votes *v, const char *word, size_t len)
{
    v->ije += COUNT_IN(word, len, ijekavian);
    v->eka += COUNT_IN(word, len, ekavian);
    v->hrv += COUNT_IN(word, len, croatian);
    v->bos += COUNT_IN(word, len, bos_srp);
}

/* Splits t into words (runs of ASCII letters and non-ASCII bytes),
 * lower-cases ASCII, and votes. */
static void
vote_text(bcms_votes *v, px_str t)
{
    char word[24];
    size_t len = 0;
    for (size_t i = 0; i <= t.len; i++) {
        const unsigned char c = i < t.len ? (unsigned char)t.ptr[i] : ' ';
        const unsigned char lower = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
        if ((lower >= 'a' && lower <= 'z') || c >= 0x80) {
            if (len < sizeof word) {
                word[len] = (char)lower;
            }
            len++;
            continue;
        }
        if (len > 0 && len <= sizeof word) { /* longer: no marker */
            vote_word(v, word, len);
        }
        len = 0;
    }
}

const char *
px_langid_bcms(const px_str *part, size_t n, const char *cld2_pick)
{
    bcms_votes v = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        vote_text(&v, part[i]);
    }
    if (v.eka >= 2 && v.eka > 2 * v.ije) {
        return "srp-Latn";
    }
    if (v.ije == 0 || v.ije < v.eka) {
        return cld2_pick; /* no clear reflex of yat either way */
    }
    if (v.hrv > v.bos) {
        return "hrv";
    }
    if (v.bos > v.hrv) {
        return "bos";
    }
    return strcmp(cld2_pick, "srp-Latn") == 0 ? "bos" : cld2_pick;
}
