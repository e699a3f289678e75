/* langid_close.c - telling close standards apart where CLD2 does poorly
 * because they share nearly all of their grammar and n-grams: Bosnian,
 * Croatian and Serbian (Latin script), and Malay and Indonesian. The
 * differences used here are textbook ones, not learnt from any corpus.
 *
 * Bosnian, Croatian, Serbian:
 * - reflex of old yat: Serbian is ekavian ("vreme", "pre", "gde"), Croatian
 *   and Bosnian are ijekavian ("vrijeme", "prije", "gdje");
 * - Croatian-only words: the Slavic month names (sijecanj, veljaca, ...),
 *   "tko", "tisuca", "tjedan", "tijekom", "povijest", "sveuciliste",
 *   "Europa", "milijun", "tocno", "suradnja", verbs in -irati
 *   ("organizirati")...;
 * - Bosnian and Serbian words Croatian avoids: Latin month names
 *   ("januar", "mart"), "hiljada", "sedmica", "tokom", "historija", "ko",
 *   "sta", "porodica", "univerzitet", "Evropa", "milion", "tacno",
 *   "saradnja", verbs in -ovati/-isati ("organizovati")...
 * Malay and Indonesian: Malay month spellings (Mac, Julai, Ogos,
 * Disember), "wang", "sahaja", "kerana", "polis", "peratus", "bilion",
 * "selepas", "syarikat", "kenyataan"... against Indonesian "Maret", "Juli",
 * "Agustus", "Desember", "uang", "saja", "karena", "polisi", "persen",
 * "miliar", "perusahaan", "pernyataan"...
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
    "veka",      "hteo",    "video",   "lekar*",   "svetsk*",
};
static const char *const croatian[] = {
    "siječ*",    "veljač*",     "ožuj*",         "travanj*",    "travnja",
    "travnju",   "svib*",       "lipanj*",       "lipnj*",      "srpanj*",
    "srpnj*",    "kolovoz",     "kolovoza",      "kolovozu",    "rujan*",
    "rujn*",     "listopad*",   "studeni",       "studenog*",   "studenom*",
    "prosin*",   "tko",         "tisuć*",        "tjedan*",     "tjedn*",
    "tijekom",   "povijest*",   "sveučiliš*",    "zrakoplov*",  "izvješć*",
    "obitelj*",  "nogomet*",    "kazališ*",      "glazb*",      "vlak*",
    "europ*",    "milijun*",    "točn*",         "točka",       "točke",
    "točki",     "znanost*",    "znanstv*",      "mirovin*",    "uvjet*",
    "surad*",    "sudjelov*",   "glasnogovorn*", "veleposlan*", "priopć*",
    "švicar*",   "proračun*",   "kemij*",        "kolodvor*",   "vratar*",
    "momčad*",   "putovnic*",   "zapovjedn*",    "organizira*", "informira*",
    "definira*", "registrira*",
};
static const char *const bos_srp[] = {
    "januar*",     "februar*",   "mart",         "marta",       "juni",
    "juna",        "juli",       "jula",         "august*",     "avgust*",
    "septemb*",    "oktob*",     "novemb*",      "decemb*",     "hiljad*",
    "sedmic*",     "tokom",      "historij*",    "istorij*",    "ko",
    "šta",         "porodic*",   "univerzitet*", "fudbal*",     "pozorišt*",
    "muzik*",      "voz",        "hemij*",       "opštin*",     "saopšt*",
    "evrop*",      "milion*",    "tačn*",        "tačk*",       "naučn*",
    "ostrv*",      "penzij*",    "uslov*",       "saradn*",     "učestvova*",
    "učešć*",      "portparol*", "saopć*",       "vanredn*",    "švajcar*",
    "budžet*",     "fabrik*",    "selektor*",    "pasoš*",      "komandant*",
    "organizova*", "informisa*", "definisa*",    "registrova*",
};

static bool
matches(const char *word, size_t len, const char *entry)
{
    if (entry[0] != word[0]) { /* most entries: no strlen needed */
        return false;
    }
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
vote_word(void *ctx, const char *word, size_t len)
{
    bcms_votes *v = ctx;
    v->ije += COUNT_IN(word, len, ijekavian);
    v->eka += COUNT_IN(word, len, ekavian);
    v->hrv += COUNT_IN(word, len, croatian);
    v->bos += COUNT_IN(word, len, bos_srp);
}

/* Splits t into words (runs of ASCII letters and non-ASCII bytes),
 * lower-cases ASCII, and lets vote count each. */
static void
vote_text(px_str t, void (*vote)(void *, const char *, size_t), void *ctx)
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
            vote(ctx, word, len);
        }
        len = 0;
    }
}

static const char *const malay[] = {
    "mac",       "julai",      "ogos",     "disember", "wang",    "sahaja",
    "kerana",    "polis",      "peratus",  "bilion",   "selepas", "syarikat",
    "kenyataan", "universiti", "parlimen", "cukai",    "telefon", "filem",
    "teksi",     "taufan",     "bas",      "pasukan",
};
static const char *const indonesian[] = {
    "maret",       "juli",     "agustus",    "desember",   "uang",
    "saja",        "karena",   "polisi",     "persen",     "miliar",
    "setelah",     "sesudah",  "perusahaan", "pernyataan", "pengadilan",
    "universitas", "parlemen", "pajak",      "telepon",    "taksi",
    "topan",       "bus",      "tim",        "bandara",    "kemarin",
    "bisa",
};

typedef struct pair_votes {
    size_t a;
    size_t b;
} pair_votes;

static void
vote_malay(void *ctx, const char *word, size_t len)
{
    pair_votes *v = ctx;
    v->a += COUNT_IN(word, len, malay);
    v->b += COUNT_IN(word, len, indonesian);
}

const char *
px_langid_malay(const px_str *part, size_t n, const char *cld2_pick)
{
    pair_votes v = {0, 0};
    for (size_t i = 0; i < n; i++) {
        vote_text(part[i], vote_malay, &v);
    }
    if (v.a > v.b) {
        return "msa";
    }
    return v.b > v.a ? "ind" : cld2_pick;
}

const char *
px_langid_bcms(const px_str *part, size_t n, const char *cld2_pick)
{
    bcms_votes v = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        vote_text(part[i], vote_word, &v);
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
    if (cld2_pick == NULL) {
        return NULL;
    }
    return strcmp(cld2_pick, "srp-Latn") == 0 ? "bos" : cld2_pick;
}
