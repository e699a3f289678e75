/* lexsrc_geo.c - Unicode CLDR (Debian unicode-cldr-core) as a lexicon
 * source: in every locale of main/LOCALE.xml the territory names (c:, with
 * alt="short"/"variant" forms at 0.9 and Arabic nisba adjectives at 0.8),
 * language names (l:), time-zone exemplar cities (g: when the zone's city
 * is a GeoNames place of the same English name and zone, else z:), and
 * Gregorian month and weekday names (m:, d:; every ar_* sublocale, so the
 * Levantine كانون الثاني and the Maghrebi غشت come in too) and, outside
 * English, the compact number words (млн, тыс: w:million, w:thousand;
 * unit names were tried and dropped: they merged stories of the sample
 * corpus that differ in their figures); and the
 * subdivision names of subdivisions/LOCALE.xml (r:, "usca" -> "US-CA", at
 * 0.9: below a country or city of the same name).
 *
 * Locales map to px_lexb languages with px_geo_lang (zh_Hant -> zho-Hant).
 * Pseudo-territories are left out: UN and EU are organisations
 * (n:united-nations in actors.tsv), ZZ/QO/EZ/XA/XB are not places.
 */
#include "lexbuild.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lexsrc_geo_int.h"
#include "log.h"

enum { MAX_ZONES = 1024 };

typedef struct zone_join {
    char tz[64];
    char concept[72];
    uint32_t population; /* 0: not joined (z:) */
} zone_join;

typedef struct cldr_ctx {
    px_lexb *b;
    px_gn_db db;
    bool has_db;
    px_geo_words words;
    px_geo_stats stats;
    const char *locale;
    char lang[16];
    bool is_en;
    zone_join zones[MAX_ZONES];
    size_t n_zones;
} cldr_ctx;

static bool
is_el(const xmlNode *n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* The first element child of n named name, or NULL. */
static xmlNode *
child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
        if (is_el(c, name)) {
            return c;
        }
    }
    return NULL;
}

/* Copies attribute name of n into out (empty when absent). */
static void
attr(const xmlNode *n, const char *name, char *out, size_t size)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    snprintf(out, size, "%s", v != NULL ? (const char *)v : "");
    xmlFree(v);
}

/* Adds the text of n as a form of concept (name, gloss) in ctx's language
 * with weight; the text is copied, and a trailing period dropped (the
 * abbreviated "janv."). Returns the concept (0 when weight is 0). */
static px_concept
add_text(cldr_ctx *x, const xmlNode *n, const char *name, bool as_gloss,
         float weight)
{
    xmlChar *t = xmlNodeGetContent(n);
    px_concept c = 0;
    if (t != NULL) {
        px_str s = px_str_trim(px_str_c((const char *)t));
        if (s.len > 1 && s.ptr[s.len - 1] == '.') {
            s.len--;
        }
        if (s.len > 0 && weight > 0.0f) {
            c = px_lexb_concept(x->b, name, as_gloss ? (const char *)t : NULL);
            px_geo_add(x->b, &x->stats, x->lang, s, c, weight);
        }
    }
    xmlFree(t);
    return c;
}

static float
text_weight(cldr_ctx *x, const xmlNode *n, float base, int kind)
{
    xmlChar *t = xmlNodeGetContent(n);
    const px_str s = px_str_trim(px_str_c(t != NULL ? (const char *)t : ""));
    float w = 0.0f;
    if (kind == 'c') {
        w = px_geo_country_weight(&x->words, x->lang, s, base);
    } else {
        w = px_geo_name_weight(&x->words, x->lang, s, base);
    }
    xmlFree(t);
    return w;
}

static bool
is_country_code(const char *t)
{
    static const char *const skip[] = {"ZZ", "UN", "EU", "EZ",
                                       "QO", "XA", "XB"};
    if (strlen(t) != 2 || t[0] < 'A' || t[0] > 'Z' || t[1] < 'A' ||
        t[1] > 'Z') {
        return false;
    }
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
        if (strcmp(t, skip[i]) == 0) {
            return false;
        }
    }
    return true;
}

/* Nisba adjectives the rule cannot derive from the country's name. */
static void
add_nisba_extra(cldr_ctx *x, const char *code, px_concept c)
{
    static const char *const extra[][3] = {
        {"US", "أمريكي", "أمريكية"},
        {"US", "أميركي", "أميركية"},
        {"GB", "بريطاني", "بريطانية"},
        {"AE", "إماراتي", "إماراتية"},
        {"NL", "هولندي", "هولندية"},
        {"SA", "سعودي", "سعودية"},
        {"KR", "كوري جنوبي", "كورية جنوبية"},
        {"KP", "كوري شمالي", "كورية شمالية"}};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        if (strcmp(code, extra[i][0]) == 0) {
            px_geo_add(x->b, &x->stats, "ara", px_str_c(extra[i][1]), c, 0.8f);
            px_geo_add(x->b, &x->stats, "ara", px_str_c(extra[i][2]), c, 0.8f);
        }
    }
}

/* Short names news use that CLDR lacks (its Arabic US is الولايات المتحدة,
 * its English has "US", a stopword once case-folded), as aliases (0.9). */
static void
add_short_names(cldr_ctx *x)
{
    static const char *const names[][3] = {
        {"US", "ara", "أمريكا"},   {"US", "ara", "أميركا"},
        {"US", "eng", "America"},  {"US", "eng", "U.S."},
        {"GB", "ara", "بريطانيا"}, {"GB", "eng", "Britain"},
        {"AE", "ara", "الإمارات"}, {"SA", "ara", "السعودية"},
        {"SA", "eng", "Saudi"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char name[8];
        snprintf(name, sizeof name, "c:%s", names[i][0]);
        px_geo_add(x->b, &x->stats, names[i][1], px_str_c(names[i][2]),
                   px_lexb_concept(x->b, name, NULL), 0.9f);
    }
}

static void
territories(cldr_ctx *x, const xmlNode *ldn)
{
    for (const xmlNode *t = child(child(ldn, "territories"), "territory");
         t != NULL; t = t->next) {
        char type[16];
        char alt[16];
        char name[24];
        if (!is_el(t, "territory")) {
            continue;
        }
        attr(t, "type", type, sizeof type);
        attr(t, "alt", alt, sizeof alt);
        if (!is_country_code(type)) {
            continue;
        }
        snprintf(name, sizeof name, "c:%s", type);
        const float base = alt[0] != '\0' ? 0.9f : 1.0f;
        const px_concept c = add_text(x, t, name, x->is_en && alt[0] == '\0',
                                      text_weight(x, t, base, 'c'));
        if (c != 0 && strcmp(x->lang, "ara") == 0) {
            xmlChar *s = xmlNodeGetContent(t);
            px_geo_add_nisba(x->b, &x->stats, px_str_c((const char *)s), c);
            xmlFree(s);
            add_nisba_extra(x, type, c);
        }
    }
}

static void
languages(cldr_ctx *x, const xmlNode *ldn)
{
    for (const xmlNode *l = child(child(ldn, "languages"), "language");
         l != NULL; l = l->next) {
        char type[16];
        char alt[16];
        char code[16];
        char name[24];
        if (!is_el(l, "language")) {
            continue;
        }
        attr(l, "type", type, sizeof type);
        attr(l, "alt", alt, sizeof alt);
        if (strchr(type, '_') != NULL || !px_geo_lang(type, code)) {
            continue;
        }
        snprintf(name, sizeof name, "l:%s", code);
        /* languages with a two-letter code are the ones news names */
        float base = strlen(type) == 2 ? 1.0f : 0.5f;
        base = alt[0] != '\0' && base > 0.9f ? 0.9f : base;
        /* not the common-word test: Arabic, English are adjectives too */
        add_text(x, l, name, x->is_en && alt[0] == '\0',
                 text_weight(x, l, base, 'c'));
    }
}

/* ISO weekday number of a CLDR day type ("mon" -> 1, "sun" -> 7). */
static int
weekday(const char *type)
{
    static const char *const days[] = {"mon", "tue", "wed", "thu",
                                       "fri", "sat", "sun"};
    for (int i = 0; i < 7; i++) {
        if (strcmp(type, days[i]) == 0) {
            return i + 1;
        }
    }
    return 0;
}

/* One monthWidth or dayWidth: wide names at 1.0 (0.5 when a stopword:
 * English "May"; 0.4 when a common English word: "March"), abbreviated
 * ones at 0.6 (months) or 0.4 (days: "Sun", "Sat"); narrow and short
 * widths are left out. */
static void
calendar_width(cldr_ctx *x, const xmlNode *wd, bool months)
{
    char type[16];
    attr(wd, "type", type, sizeof type);
    const bool wide = strcmp(type, "wide") == 0;
    if (!wide && strcmp(type, "abbreviated") != 0) {
        return;
    }
    const char *el = months ? "month" : "day";
    for (const xmlNode *m = child(wd, el); m != NULL; m = m->next) {
        char t[16];
        char yt[16];
        char name[16];
        if (!is_el(m, el)) {
            continue;
        }
        attr(m, "type", t, sizeof t);
        attr(m, "yeartype", yt, sizeof yt);
        const int num = months ? atoi(t) : weekday(t);
        if (yt[0] != '\0' || num < 1 || num > 12) {
            continue;
        }
        snprintf(name, sizeof name, months ? "m:%02d" : "d:%d", num);
        const float base = wide ? 1.0f : (months ? 0.6f : 0.4f);
        float w = text_weight(x, m, base, 'n');
        if (w == 0.0f) {
            w = wide ? 0.5f : 0.0f; /* wide stopwords stay, weakly */
        }
        add_text(x, m, name, x->is_en && wide, w);
    }
}

static void
calendars(cldr_ctx *x, const xmlNode *dates)
{
    const xmlNode *cal = child(child(dates, "calendars"), "calendar");
    for (; cal != NULL; cal = cal->next) {
        char type[24];
        if (!is_el(cal, "calendar")) {
            continue;
        }
        attr(cal, "type", type, sizeof type);
        if (strcmp(type, "gregorian") != 0) {
            continue;
        }
        static const char *const parts[][3] = {
            {"months", "monthContext", "monthWidth"},
            {"days", "dayContext", "dayWidth"}};
        for (size_t p = 0; p < 2; p++) {
            for (const xmlNode *ctx =
                     child(child(cal, parts[p][0]), parts[p][1]);
                 ctx != NULL; ctx = ctx->next) {
                for (const xmlNode *w = child(ctx, parts[p][2]); w != NULL;
                     w = w->next) {
                    if (is_el(w, parts[p][2])) {
                        calendar_width(x, w, p == 0);
                    }
                }
            }
        }
    }
}

/* The English name of a zone's city: the last part of the id, '_' as
 * space ("America/Los_Angeles" -> "Los Angeles"). */
static void
zone_english(const char *tz, char *out, size_t size)
{
    const char *slash = strrchr(tz, '/');
    snprintf(out, size, "%s", slash != NULL ? slash + 1 : tz);
    for (char *c = out; *c != '\0'; c++) {
        if (*c == '_') {
            *c = ' ';
        }
    }
}

/* The join of zone tz (found or made): the most populous GeoNames place
 * in that zone whose name, folded to ASCII, is the zone's English name
 * (en_name: en.xml's exemplar city, else the last part of the id); else the
 * zone itself. Its English name is added once, when the join is made. */
static const zone_join *
zone_of(cldr_ctx *x, const char *tz, const char *en_name)
{
    for (size_t i = 0; i < x->n_zones; i++) {
        if (strcmp(x->zones[i].tz, tz) == 0) {
            return &x->zones[i];
        }
    }
    if (x->n_zones == MAX_ZONES || strlen(tz) >= sizeof x->zones[0].tz) {
        return NULL;
    }
    zone_join *z = &x->zones[x->n_zones++];
    char en[64];
    char folded[128];
    if (en_name != NULL) {
        snprintf(en, sizeof en, "%s", en_name);
    } else {
        zone_english(tz, en, sizeof en);
    }
    snprintf(z->tz, sizeof z->tz, "%s", tz);
    const px_gn_city *city = NULL;
    if (x->has_db && px_gn_fold_name(px_str_c(en), folded, sizeof folded)) {
        city = px_gn_find_folded(&x->db, folded, tz);
    }
    px_concept c = 0;
    if (city != NULL) {
        snprintf(z->concept, sizeof z->concept, "g:%u", (unsigned)city->id);
        z->population = city->population;
        c = px_gn_concept(x->b, city);
    } else {
        snprintf(z->concept, sizeof z->concept, "z:%s", tz);
        c = px_lexb_concept(x->b, z->concept, en);
    }
    const px_str s = px_str_c(en);
    px_geo_add(x->b, &x->stats, "eng", s, c,
               px_geo_place_weight(&x->words, "eng", s,
                                   city != NULL ? z->population : 100000));
    return z;
}

static void
zones(cldr_ctx *x, const xmlNode *dates)
{
    for (const xmlNode *z = child(child(dates, "timeZoneNames"), "zone");
         z != NULL; z = z->next) {
        char tz[64];
        const xmlNode *city = child(z, "exemplarCity");
        if (!is_el(z, "zone") || city == NULL) {
            continue;
        }
        attr(z, "type", tz, sizeof tz);
        const zone_join *j =
            strncmp(tz, "Etc/", 4) != 0 ? zone_of(x, tz, NULL) : NULL;
        if (j == NULL) {
            continue;
        }
        xmlChar *t = xmlNodeGetContent(city);
        const px_str s = px_str_trim(px_str_c((const char *)t));
        const float w = px_geo_place_weight(
            &x->words, x->lang, s, j->population > 0 ? j->population : 100000);
        px_geo_add(x->b, &x->stats, x->lang, s,
                   px_lexb_concept(x->b, j->concept, NULL), w);
        xmlFree(t);
    }
}

/* Adds the text of pattern node n ("0 тыс'.'", "0 миллиона") without its
 * placeholder ({0}), digits, quotes and final period as a form of w:word. */
static void
add_pattern(cldr_ctx *x, const xmlNode *n, const char *word, float weight)
{
    xmlChar *t = xmlNodeGetContent(n);
    char buf[128];
    size_t k = 0;
    for (const char *c = (const char *)t; c != NULL && *c && k + 1 < sizeof buf;
         c++) {
        if (strncmp(c, "{0}", 3) == 0) {
            c += 2;
        } else if (*c != '\'' && *c != '0' && (*c < '1' || *c > '9')) {
            buf[k++] = *c;
        }
    }
    xmlFree(t);
    px_str f = px_str_trim((px_str){buf, k});
    if (f.len > 1 && f.ptr[f.len - 1] == '.') {
        f.len--;
    }
    size_t letters = 0;
    for (size_t i = 0; i < f.len; i++) {
        letters += ((unsigned char)f.ptr[i] & 0xC0) != 0x80;
    }
    if (letters >= 2 && memchr(f.ptr, '\xC2', f.len) == NULL) { /* no ¤ */
        char name[112];
        snprintf(name, sizeof name, "w:%s", word);
        px_lexb_add(x->b, x->lang, f, px_lexb_concept(x->b, name, word),
                    weight);
    }
}

/* Compact number words (CLDR decimalFormats short and long: "0 тыс'.'",
 * "0 миллиона") as w:thousand, w:million, w:billion, w:trillion. */
static void
number_words(cldr_ctx *x, const xmlNode *numbers)
{
    static const char *const powers[][2] = {{"1000", "thousand"},
                                            {"1000000", "million"},
                                            {"1000000000", "billion"},
                                            {"1000000000000", "trillion"}};
    for (const xmlNode *d = numbers != NULL ? numbers->children : NULL;
         d != NULL; d = d->next) {
        for (const xmlNode *l = is_el(d, "decimalFormats") ? d->children : NULL;
             l != NULL; l = l->next) {
            const xmlNode *f = child(l, "decimalFormat");
            for (const xmlNode *p = f != NULL ? f->children : NULL; p != NULL;
                 p = p->next) {
                char type[24];
                attr(p, "type", type, sizeof type);
                for (size_t i = 0; is_el(p, "pattern") && i < 4; i++) {
                    if (strcmp(type, powers[i][0]) == 0) {
                        add_pattern(x, p, powers[i][1], 0.9f);
                    }
                }
            }
        }
    }
}

static xmlDoc *
read_xml(const char *path)
{
    return xmlReadFile(path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                           XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
}

static void
main_file(cldr_ctx *x, const char *path)
{
    xmlDoc *doc = read_xml(path);
    const xmlNode *root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
    if (root == NULL) {
        PX_LOG(PX_LOG_WARN, "lexsrc: cldr: cannot parse %s", path);
        xmlFreeDoc(doc);
        return;
    }
    const xmlNode *ldn = child(root, "localeDisplayNames");
    const xmlNode *dates = child(root, "dates");
    territories(x, ldn);
    languages(x, ldn);
    calendars(x, dates);
    zones(x, dates);
    if (!x->is_en) { /* English has them from WordNet, with their senses */
        number_words(x, child(root, "numbers"));
    }
    xmlFreeDoc(doc);
}

/* "usca" -> "r:US-CA"; false for ids that are not country + code. */
static bool
subdivision_name(const char *type, char *out, size_t size)
{
    const size_t n = strlen(type);
    if (n < 3 || n > 12 || type[0] < 'a' || type[0] > 'z' || type[1] < 'a' ||
        type[1] > 'z') {
        return false;
    }
    snprintf(out, size, "r:%c%c-%s", type[0] - 32, type[1] - 32, type + 2);
    for (char *c = out + 5; *c != '\0'; c++) {
        if (*c >= 'a' && *c <= 'z') {
            *c = (char)(*c - 'a' + 'A');
        }
    }
    return true;
}

static void
subdivision_file(cldr_ctx *x, const char *path)
{
    xmlDoc *doc = read_xml(path);
    const xmlNode *root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *list =
        child(child(root, "localeDisplayNames"), "subdivisions");
    for (const xmlNode *s = child(list, "subdivision"); s != NULL;
         s = s->next) {
        char type[24];
        char name[32];
        attr(s, "type", type, sizeof type);
        if (!is_el(s, "subdivision") ||
            !subdivision_name(type, name, sizeof name)) {
            continue;
        }
        const px_concept c =
            add_text(x, s, name, x->is_en, text_weight(x, s, 0.9f, 'n'));
        xmlChar *t = xmlNodeGetContent(s);
        const px_str bare =
            px_geo_strip_admin(x->lang, px_str_trim(px_str_c((const char *)t)));
        if (c != 0 && bare.len > 0) {
            px_geo_add(x->b, &x->stats, x->lang, bare, c,
                       px_geo_name_weight(&x->words, x->lang, bare, 0.9f));
        }
        xmlFree(t);
    }
    xmlFreeDoc(doc);
}

/* Makes the zone joins of the exemplar cities en.xml names (Asia/Calcutta
 * is Kolkata), before any locale uses the name in the zone id. */
static void
english_zones(cldr_ctx *x, const char *main_dir)
{
    char path[400];
    snprintf(path, sizeof path, "%s/en.xml", main_dir);
    xmlDoc *doc = read_xml(path);
    const xmlNode *root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *tzn = child(child(root, "dates"), "timeZoneNames");
    for (const xmlNode *z = child(tzn, "zone"); z != NULL; z = z->next) {
        const xmlNode *city = child(z, "exemplarCity");
        if (!is_el(z, "zone") || city == NULL) {
            continue;
        }
        char tz[64];
        attr(z, "type", tz, sizeof tz);
        xmlChar *t = xmlNodeGetContent(city);
        if (t != NULL && strncmp(tz, "Etc/", 4) != 0) {
            zone_of(x, tz, (const char *)t);
        }
        xmlFree(t);
    }
    xmlFreeDoc(doc);
}

/* Calls fn for each DIR/LOCALE.xml whose locale maps to a language. */
static size_t
each_locale(cldr_ctx *x, const char *dir,
            void (*fn)(cldr_ctx *x, const char *path))
{
    DIR *d = opendir(dir);
    size_t n = 0;
    const struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        const size_t len = strlen(e->d_name);
        char locale[64];
        char path[600];
        if (len < 5 || len >= sizeof locale ||
            strcmp(e->d_name + len - 4, ".xml") != 0) {
            continue;
        }
        snprintf(locale, sizeof locale, "%.*s", (int)(len - 4), e->d_name);
        if (!px_geo_lang(locale, x->lang)) {
            continue;
        }
        x->locale = locale;
        x->is_en = strcmp(locale, "en") == 0;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        fn(x, path);
        n++;
    }
    if (d != NULL) {
        closedir(d);
    }
    return n;
}

px_status
px_lexsrc_cldr(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    cldr_ctx *x = calloc(1, sizeof *x);
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "CLDR: out of memory");
    }
    x->b = b;
    x->stats.source = "cldr";
    px_error gn_err = {0};
    x->has_db = px_gn_load(&x->db, &gn_err) == PX_OK &&
                px_gn_fold(&x->db, &gn_err) == PX_OK;
    if (!x->has_db) {
        PX_LOG(PX_LOG_WARN, "lexsrc: cldr: no GeoNames join (%s)", gn_err.msg);
    }
    px_status rc = px_geo_words_load(&x->words, p, err);
    char dir[300];
    snprintf(dir, sizeof dir, "%s/main", p->cldr);
    if (rc == PX_OK) {
        english_zones(x, dir);
        add_short_names(x);
    }
    if (rc == PX_OK && each_locale(x, dir, main_file) == 0) {
        rc = px_fail(err, PX_EIO,
                     "CLDR: %s/*.xml missing: install the Debian package "
                     "unicode-cldr-core",
                     dir);
    }
    snprintf(dir, sizeof dir, "%s/subdivisions", p->cldr);
    if (rc == PX_OK) {
        each_locale(x, dir, subdivision_file);
        px_lexb_source(b, "Unicode CLDR 41", "Unicode-DFS-2016",
                       x->stats.total);
        px_geo_stats_log(&x->stats);
        size_t joined = 0;
        for (size_t i = 0; i < x->n_zones; i++) {
            joined += x->zones[i].population > 0;
        }
        PX_LOG(PX_LOG_INFO,
               "lexsrc: cldr: %zu zone cities, %zu joined to GeoNames",
               x->n_zones, joined);
    }
    px_geo_words_fini(&x->words);
    px_gn_fini(&x->db);
    free(x);
    return rc;
}
