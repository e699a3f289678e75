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
 * Danish and Norwegian: Danish spellings Bokmål and Nynorsk write
 * otherwise ("af", "efter", "havde", "blev", "nu", "mellem", "mig", "sig",
 * "mod", "ud", "fik", "tilbage", "måske", "arbejde"... against "av",
 * "etter", "hadde", "ble", "nå", "mellom", "meg", "seg", "mot", "ut",
 * "fikk", "tilbake", "kanskje", "arbeid"...), Nynorsk-only words ("ikkje",
 * "eg", "kva", "frå", "berre", "mykje"...; CLD2 has no Nynorsk and calls it
 * Bokmål) and Swedish ones ("och", "inte", "är", "också"...).
 * Hindi, Marathi and Nepali: the copula and the commonest function words
 * ("है", "हैं", "था", "और", "में", "नहीं" / "आहे", "आहेत", "आणि", "मध्ये",
 * "नाही" / "छ", "छन्", "थियो", "र", "पनि", "छैन"...).
 * Words are compared in lower case (ASCII letters); a list entry ending in
 * '*' matches as a prefix. Dandas and general punctuation (quotes, dashes)
 * end a word.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "langid.h"

/* px_langid_close_confirms: the words of the language named must be
 * found this often, and this many times as often as those of its close
 * relatives together. */
#define CONFIRM_MIN   3
#define CONFIRM_RATIO 4

static const char *const ijekavian[] = {
    "prije",      "vrijem*",        "dvije",      "mjest*",     "mjesec*",
    "svijet*",    "vijest*",        "lijep*",     "cijel*",     "bijel*",
    "uvijek",     "gdje",           "ovdje",      "sjever*",    "mjer*",
    "vjer*",      "dijel*",         "rije*",      "tijel*",     "snijeg*",
    "mlijek*",    "dijet*",         "pjes*",      "vjetr*",     "poslije",
    "dio",        "dijelovi",       "predsjedn*", "sjedišt*",   "nedjelj*",
    "vjerovat*",  "primjer*",       "vijek*",     "htio",       "vidio",
    "svjetsk*",   "srednjovjekov*", "osjeć*",     "iznio",      "donio",
    "prenio",     "donijel*",       "iznijel*",   "prenijel*",  "djelimičn*",
    "djelomičn*", "promjen*",       "promijen*",  "sljed*",     "slijed*",
    "vjenča*",    "zvijezd*",       "zvjezd*",    "ljeto",      "ljeta",
    "ljetu",      "ljetn*",         "cijen*",     "pjesm*",     "pobjed*",
    "pobijed*",   "naprijed",       "svjedo*",    "prijedlog*", "zamjen*",
    "zamijen*",   "primjen*",       "primijen*",  "uspje*",     "uspije*",
    "umjet*",     "korijen*",       "svijest*",   "osvješt*",   "osviješt*",
    "ozlije*",    "ozlje*",         "svjesn*",    "izvještaj*", "uslijed",
    "posjedova*", "prosječ*",       "prosjek*",
};
static const char *const ekavian[] = {
    "pre",      "posle",     "vreme",     "dve",      "mesto",
    "mesta",    "mestu",     "mesec",     "meseca",   "mesecu",
    "meseci",   "vest",      "vesti",     "uvek",     "gde",
    "ovde",     "sever",     "severa",    "severu",   "reč",
    "reči",     "telo",      "tela",      "dete",     "deca",
    "dece",     "deteta",    "reka",      "reke",     "deo",
    "delove",   "delovi",    "ceo",       "celog",    "predsedn*",
    "sedišt*",  "nedelj*",   "verovat*",  "primer*",  "vek",
    "veka",     "hteo",      "lekar*",    "svetsk*",  "srednjovekov*",
    "oseć*",    "izneo",     "doneo",     "preneo",   "donel*",
    "iznel*",   "prenel*",   "delimičn*", "promen*",  "sled*",
    "venča*",   "zvezd*",    "leto",      "letnj*",   "cena",
    "cene",     "ceni",      "cenu",      "cenom",    "pesm*",
    "pobed*",   "napred",    "svedo*",    "predlog*", "zamen*",
    "primen*",  "uspe*",     "koren*",    "osvešć*",  "ozled*",
    "umetnik*", "umetnost*", "umetnič*",  "svesn*",   "izveštaj*",
    "usled",    "posedova*", "proseč*",   "prosek*",
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
    "definira*", "registrira*", "uhit*",         "uhić*",       "ubojstv*",
    "razin*",    "opskrb*",     "sudionik*",     "kruh*",       "kava",
    "kavu",      "obran*",      "tiskovn*",      "kći",         "kćer*",
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
    "organizova*", "informisa*", "definisa*",    "registrova*", "uhapš*",
    "uhaps*",      "ubistv*",    "ponovo",       "dobija*",     "nivo*",
    "snabd*",      "učesni*",    "hleb*",        "hljeb*",      "kafa",
    "kafu",        "zvaničn*",   "dešava*",      "ambasad*",    "aerodrom*",
    "vazduh*",     "bezbed*",    "bezbjed*",     "saobraćaj*",  "odbran*",
    "štamp*",      "ćerk*",
};

/* word_list.first holds 96 entries */
_Static_assert(sizeof croatian / sizeof croatian[0] <= 96, "list too long");
_Static_assert(sizeof bos_srp / sizeof bos_srp[0] <= 96, "list too long");
_Static_assert(sizeof ekavian / sizeof ekavian[0] <= 96, "list too long");
_Static_assert(sizeof ijekavian / sizeof ijekavian[0] <= 96, "list too long");

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
    char first[96];
} word_list;

#define LIST_INIT(l, list)                                                     \
    list_init((l), (list), sizeof(list) / sizeof((list)[0]))

/* n <= 96: the lists' _Static_asserts */
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

/* The length of the separator at t[i] that is not ASCII: a danda
 * (U+0964, U+0965) or general punctuation (U+2000..U+206F: quotes,
 * dashes; not the joiners ZWNJ and ZWJ, which words hold), 3 bytes;
 * else 0. */
static size_t
wide_separator(px_str t, size_t i)
{
    if (i + 2 >= t.len) {
        return 0;
    }
    const unsigned char a = (unsigned char)t.ptr[i];
    const unsigned char b = (unsigned char)t.ptr[i + 1];
    const unsigned char c = (unsigned char)t.ptr[i + 2];
    const bool danda = a == 0xE0 && b == 0xA5 && (c == 0xA4 || c == 0xA5);
    const bool joiner = b == 0x80 && (c == 0x8C || c == 0x8D); /* ZWNJ, ZWJ */
    const bool punct = a == 0xE2 && (b == 0x80 || b == 0x81) && !joiner;
    return danda || punct ? 3 : 0;
}

/* The second byte of the small letter for the two-byte capital a b of
 * Latin-1 (À..Þ but ×) or Latin Extended-A (Č, Ć, Đ, Š, Ž, ...; their
 * first byte does not change), or b itself. */
static unsigned char
fold2(unsigned char a, unsigned char b)
{
    const unsigned cp = ((a & 0x1Fu) << 6) | (b & 0x3Fu);
    if (a == 0xC3) {
        return b >= 0x80 && b <= 0x9E && b != 0x97 ? (unsigned char)(b + 0x20)
                                                   : b;
    }
    if (a != 0xC4 && a != 0xC5) {
        return b;
    }
    /* U+0100..U+0137 and U+014A..U+0177: capital even; U+0139..U+0148
     * and U+0179..U+017E: capital odd, except U+013F (its small letter
     * has another first byte) */
    const bool even_caps = cp <= 0x137 || (cp >= 0x14A && cp <= 0x177);
    const bool odd_caps = (cp >= 0x139 && cp <= 0x148 && cp != 0x13F) ||
                          (cp >= 0x179 && cp <= 0x17E);
    if ((even_caps && cp % 2 == 0) || (odd_caps && cp % 2 == 1)) {
        return (unsigned char)(b + 1); /* b < 0xBF in these ranges */
    }
    return b;
}

/* Splits t into words (runs of ASCII letters and non-ASCII bytes other
 * than wide_separator's), lower-cases ASCII letters and the capitals of
 * fold2, and lets vote count each. */
static void
vote_text(px_str t, void (*vote)(void *, const char *, size_t), void *ctx)
{
    char word[40];
    size_t len = 0;
    for (size_t i = 0; i <= t.len; i++) {
        const unsigned char c = i < t.len ? (unsigned char)t.ptr[i] : ' ';
        unsigned char lower = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
        const size_t sep = c >= 0xE0 ? wide_separator(t, i) : 0;
        if (sep > 0) {
            i += sep - 1; /* the loop steps over the last byte */
        } else if ((lower >= 'a' && lower <= 'z') || c >= 0x80) {
            if (c >= 0x80 && c < 0xC0 && len > 0 && len <= sizeof word) {
                lower = fold2((unsigned char)word[len - 1], c);
            }
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
    "mac",       "julai",      "ogos",     "disember", "wang",      "sahaja",
    "kerana",    "polis",      "peratus",  "bilion",   "selepas",   "syarikat",
    "kenyataan", "universiti", "parlimen", "cukai",    "telefon",   "filem",
    "teksi",     "taufan",     "bas",      "pasukan",  "bahawa",    "rasmi",
    "kerjaya",   "perniagaan", "rekod",    "lapan",    "kenderaan", "bahagian",
};
static const char *const indonesian[] = {
    "maret",      "juli",       "agustus",    "desember",    "uang",
    "saja",       "karena",     "polisi",     "persen",      "miliar",
    "perusahaan", "pernyataan", "pengadilan", "universitas", "parlemen",
    "pajak",      "telepon",    "taksi",      "topan",       "bus",
    "tim",        "bandara",    "kemarin",    "bisa",        "bahwa",
    "resmi",      "direktur",   "bisnis",     "bagian",      "kendaraan",
    "mobil",      "gratis",     "delapan",    "rekor",       "karier",
};

_Static_assert(sizeof malay / sizeof malay[0] <= 96, "list too long");
_Static_assert(sizeof indonesian / sizeof indonesian[0] <= 96, "list too long");

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
        /* no clear reflex of yat either way: when CLD2 says Croatian but
         * the words are Bosnian or Serbian, Serbian if the text leans
         * ekavian, else Bosnian (the other ijekavian standard, which
         * CLD2's Croatian n-grams are nearest to) */
        if (cld2_pick != NULL && strcmp(cld2_pick, "hrv") == 0 &&
            v.bos > v.hrv) {
            return v.eka > v.ije ? "srp-Latn" : "bos";
        }
        return cld2_pick;
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

/* ---- Danish / Norwegian, Hindi / Marathi / Nepali --------------------- */

/* Whole words only (no '*'): group_slot looks them up by hash. */
static const char *const danish[] = {
    "af",       "efter",     "havde",     "blev",     "bliver",     "blevet",
    "været",    "nu",        "mellem",    "gøre",     "hvad",       "lidt",
    "igennem",  "sagde",     "nogle",     "noget",    "mig",        "sig",
    "mod",      "ud",        "fik",       "gik",      "tilbage",    "måske",
    "uge",      "købe",      "spørgsmål", "regering", "regeringen", "arbejde",
    "arbejdet", "udtalelse",
};
static const char *const norwegian[] = {
    "av",        "etter",    "hadde",     "ble",         "blir",    "blitt",
    "vært",      "nå",       "mellom",    "gjøre",       "hva",     "litt",
    "gjennom",   "noen",     "noe",       "meg",         "seg",     "mot",
    "ut",        "fikk",     "gikk",      "tilbake",     "kanskje", "uke",
    "kjøpe",     "spørsmål", "regjering", "regjeringen", "arbeid",  "arbeidet",
    "uttalelse",
};
static const char *const nynorsk[] = {
    "ikkje",   "eg",    "kva",  "frå",   "berre", "mykje",
    "korleis", "noko",  "kven", "vere",  "dei",   "heile",
    "fekk",    "gjekk", "blei", "nokon", "veke",  "gjere",
};
static const char *const swedish[] = {
    "och", "inte", "är",   "också",  "hade",
    "upp", "jag",  "från", "mellan", "till",
};
static const char *const hindi[] = {
    "है", "हैं", "था", "थे", "थी", "और", "में", "नहीं", "भी", "लिए", "किया", "कहा",
};
static const char *const marathi[] = {
    "आहे",    "आहेत",  "आणि", "मध्ये", "नाही",  "केले",
    "म्हणाले", "झाली", "झाले", "असे",  "त्यांनी", "होणार",
};
static const char *const nepali[] = {
    "छ",    "छन्",   "थियो", "थिए", "र",  "पनि",
    "गरेको", "भएको", "गर्न",  "छैन",  "भने", "गरे",
};

/* Bokmål words Nynorsk writes otherwise (ikkje, eg, kva, frå...): many
 * are Danish too, so they only speak against Nynorsk. */
static const char *const bokmal[] = {
    "ikke", "jeg",  "hva",     "fra",  "bare", "mye",         "noe",
    "noen", "hvem", "hvordan", "hele", "være", "vært",        "ble",
    "fikk", "gikk", "gjøre",   "uke",  "nå",   "regjeringen",
};

#define GROUP_SLOTS 256 /* > 5 lists of at most 32 words: at most 5/8 full */
#define GROUP_LISTS 5

/* A member of a group: the lists whose words speak for it and against it
 * (bit i: list i). */
typedef struct close_member {
    const char *iso3;
    unsigned for_lists;
    unsigned against_lists;
} close_member;

/* A group of close languages: the words of its lists in one hash table,
 * each with the lists it is in. */
typedef struct close_group {
    close_member member[3];
    size_t n_member;
    const char *word[GROUP_SLOTS]; /* NULL: empty slot */
    uint8_t lists[GROUP_SLOTS];
} close_group;

/* lists: danish, norwegian (Bokmål and Nynorsk against Danish), nynorsk,
 * swedish, bokmal (against Nynorsk) */
static close_group nordic = {.member = {{"dan", 1u, 2u | 4u | 8u},
                                        {"nob", 2u, 1u | 4u | 8u},
                                        {"nno", 4u, 1u | 8u | 16u}},
                             .n_member = 3};
/* lists: hindi, marathi, nepali */
static close_group indic = {.member = {{"hin", 1u, 2u | 4u},
                                       {"mar", 2u, 1u | 4u},
                                       {"nep", 4u, 1u | 2u}},
                            .n_member = 3};
static pthread_once_t groups_once = PTHREAD_ONCE_INIT;

static uint32_t
word_hash(const char *w, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    }
    return h;
}

/* The slot of word in g: where it is, or the empty one it would go to. */
static size_t
group_slot(const close_group *g, const char *w, size_t len)
{
    size_t i = word_hash(w, len) % GROUP_SLOTS;
    while (g->word[i] != NULL &&
           (strlen(g->word[i]) != len || memcmp(g->word[i], w, len) != 0)) {
        i = (i + 1) % GROUP_SLOTS;
    }
    return i;
}

static void
group_add(close_group *g, const char *const *list, size_t n, unsigned list_i)
{
    for (size_t k = 0; k < n; k++) {
        const size_t i = group_slot(g, list[k], strlen(list[k]));
        g->word[i] = list[k];
        g->lists[i] |= (uint8_t)(1u << list_i);
    }
}

#define GROUP_ADD(g, list, i)                                                  \
    group_add((g), (list), sizeof(list) / sizeof((list)[0]), (i))

/* GROUP_SLOTS: at most 32 words a list */
_Static_assert(sizeof danish / sizeof danish[0] <= 32, "list too long");
_Static_assert(sizeof norwegian / sizeof norwegian[0] <= 32, "list too long");
_Static_assert(sizeof nynorsk / sizeof nynorsk[0] <= 32, "list too long");
_Static_assert(sizeof swedish / sizeof swedish[0] <= 32, "list too long");
_Static_assert(sizeof bokmal / sizeof bokmal[0] <= 32, "list too long");
_Static_assert(sizeof hindi / sizeof hindi[0] <= 32, "list too long");
_Static_assert(sizeof marathi / sizeof marathi[0] <= 32, "list too long");
_Static_assert(sizeof nepali / sizeof nepali[0] <= 32, "list too long");

static void
fill_groups(void)
{
    GROUP_ADD(&nordic, danish, 0);
    GROUP_ADD(&nordic, norwegian, 1);
    GROUP_ADD(&nordic, nynorsk, 2);
    GROUP_ADD(&nordic, swedish, 3);
    GROUP_ADD(&nordic, bokmal, 4);
    GROUP_ADD(&indic, hindi, 0);
    GROUP_ADD(&indic, marathi, 1);
    GROUP_ADD(&indic, nepali, 2);
}

typedef struct group_votes {
    const close_group *g;
    size_t n[GROUP_LISTS]; /* words found per list */
} group_votes;

static void
vote_group(void *ctx, const char *word, size_t len)
{
    group_votes *v = ctx;
    const size_t i = group_slot(v->g, word, len);
    for (unsigned l = 0; v->g->word[i] != NULL && l < GROUP_LISTS; l++) {
        v->n[l] += (v->g->lists[i] >> l) & 1u;
    }
}

static size_t
sum_lists(const group_votes *v, unsigned mask)
{
    size_t n = 0;
    for (unsigned l = 0; l < GROUP_LISTS; l++) {
        n += ((mask >> l) & 1u) != 0 ? v->n[l] : 0;
    }
    return n;
}

/* True if the words of part[0..n) name member m surely. */
static bool
group_confirms(const close_group *g, const close_member *m, const px_str *part,
               size_t n)
{
    group_votes v = {.g = g, .n = {0}};
    for (size_t i = 0; i < n; i++) {
        vote_text(part[i], vote_group, &v);
    }
    const size_t pro = sum_lists(&v, m->for_lists);
    const size_t con = sum_lists(&v, m->against_lists);
    return pro >= CONFIRM_MIN && pro >= CONFIRM_RATIO * con;
}

bool
px_langid_close_confirms(const char *iso3, const px_str *part, size_t n)
{
    pthread_once(&groups_once, fill_groups);
    const close_group *const groups[] = {&nordic, &indic};
    for (size_t k = 0; k < 2; k++) {
        for (size_t m = 0; m < groups[k]->n_member; m++) {
            const close_member *member = &groups[k]->member[m];
            if (strcmp(member->iso3, iso3) == 0) {
                return group_confirms(groups[k], member, part, n);
            }
        }
    }
    return false;
}
