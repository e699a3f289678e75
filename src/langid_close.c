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
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
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

/* word_list.first holds 64 entries */
_Static_assert(sizeof croatian / sizeof croatian[0] <= 64, "list too long");
_Static_assert(sizeof bos_srp / sizeof bos_srp[0] <= 64, "list too long");
_Static_assert(sizeof ekavian / sizeof ekavian[0] <= 64, "list too long");
_Static_assert(sizeof ijekavian / sizeof ijekavian[0] <= 64, "list too long");

static bool
matches(const char *word, size_t len, const char *entry)
{
    if (entry[0] != word[0]) { /* most entries: no strlen needed */
        return false;
    }
    if (len >= 2 && entry[1] != '*' && entry[1] != word[1]) {
        return false; /* entry[1] may be its NUL: then len >= 2 is too long */
    }
    const size_t n = strlen(entry);
    if (entry[n - 1] == '*') {
        return len >= n - 1 && memcmp(word, entry, n - 1) == 0;
    }
    return len == n && memcmp(word, entry, n) == 0;
}

/* A word list with the first byte of each entry side by side, so that
 * memchr finds the few entries a word can match. */
typedef struct word_list {
    const char *const *entry;
    size_t n;
    char first[64];
} word_list;

#define LIST_INIT(l, list)                                                     \
    list_init((l), (list), sizeof(list) / sizeof((list)[0]))

/* n <= 64: the lists' _Static_asserts */
static void
list_init(word_list *l, const char *const *entry, size_t n)
{
    l->entry = entry;
    l->n = n;
    for (size_t i = 0; i < n; i++) {
        l->first[i] = entry[i][0];
    }
}

static size_t
count_in(const char *word, size_t len, const word_list *l)
{
    const char *p = l->first;
    const char *const end = l->first + l->n;
    while ((p = memchr(p, word[0], (size_t)(end - p))) != NULL) {
        if (matches(word, len, l->entry[p - l->first])) {
            return 1;
        }
        p++;
    }
    return 0;
}

/* The first two bytes of every entry of some lists, one bit per pair: a
 * word whose first two bytes are not among them matches no entry (every
 * entry is at least two bytes before any '*'; else all is set). */
typedef struct pair_filter {
    uint64_t bit[65536 / 64];
    bool all;
} pair_filter;

static void
pairs_add(pair_filter *f, const word_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const unsigned char *e = (const unsigned char *)l->entry[i];
        if (e[0] == '\0' || e[1] == '\0' || e[1] == '*') {
            f->all = true;
            continue;
        }
        const unsigned v = (unsigned)e[0] << 8 | e[1];
        f->bit[v >> 6] |= (uint64_t)1 << (v & 63);
    }
}

static bool
pairs_may(const pair_filter *f, const char *word, size_t len)
{
    if (f->all) {
        return true;
    }
    if (len < 2) {
        return false;
    }
    const unsigned v =
        (unsigned)(unsigned char)word[0] << 8 | (unsigned char)word[1];
    return ((f->bit[v >> 6] >> (v & 63)) & 1u) != 0;
}

/* Word lists of one vote with the pair filter of all of them. */
typedef struct vote_lists {
    pair_filter pairs;
    word_list list[4];
} vote_lists;

static vote_lists bcms_lists;  /* ijekavian, ekavian, croatian, bos_srp */
static vote_lists malay_lists; /* malay, indonesian */
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

typedef struct bcms_votes {
    const vote_lists *l;
    size_t ije;
    size_t eka;
    size_t hrv;
    size_t bos;
} bcms_votes;

static void
vote_word(void *ctx, const char *word, size_t len)
{
    bcms_votes *v = ctx;
    if (!pairs_may(&v->l->pairs, word, len)) {
        return;
    }
    v->ije += count_in(word, len, &v->l->list[0]);
    v->eka += count_in(word, len, &v->l->list[1]);
    v->hrv += count_in(word, len, &v->l->list[2]);
    v->bos += count_in(word, len, &v->l->list[3]);
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

_Static_assert(sizeof malay / sizeof malay[0] <= 64, "list too long");
_Static_assert(sizeof indonesian / sizeof indonesian[0] <= 64, "list too long");

/* The lists and their filters, built once: they never change. */
static void
fill_lists(void)
{
    LIST_INIT(&bcms_lists.list[0], ijekavian);
    LIST_INIT(&bcms_lists.list[1], ekavian);
    LIST_INIT(&bcms_lists.list[2], croatian);
    LIST_INIT(&bcms_lists.list[3], bos_srp);
    for (size_t i = 0; i < 4; i++) {
        pairs_add(&bcms_lists.pairs, &bcms_lists.list[i]);
    }
    LIST_INIT(&malay_lists.list[0], malay);
    LIST_INIT(&malay_lists.list[1], indonesian);
    pairs_add(&malay_lists.pairs, &malay_lists.list[0]);
    pairs_add(&malay_lists.pairs, &malay_lists.list[1]);
}

typedef struct pair_votes {
    const vote_lists *l;
    size_t a;
    size_t b;
} pair_votes;

static void
vote_malay(void *ctx, const char *word, size_t len)
{
    pair_votes *v = ctx;
    if (!pairs_may(&v->l->pairs, word, len)) {
        return;
    }
    v->a += count_in(word, len, &v->l->list[0]);
    v->b += count_in(word, len, &v->l->list[1]);
}

const char *
px_langid_malay(const px_str *part, size_t n, const char *cld2_pick)
{
    pthread_once(&lists_once, fill_lists);
    pair_votes v = {.l = &malay_lists, .a = 0, .b = 0};
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
    pthread_once(&lists_once, fill_lists);
    bcms_votes v = {.l = &bcms_lists, .ije = 0, .eka = 0, .hrv = 0, .bos = 0};
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
