/* lexsrc_geo_gn.c - the GeoNames cities of libgeonames (Debian libgeonames0)
 * and the reader of their names in every language (px_lexsrc_geonames).
 *
 * libgeonames compiles its table of 24,361 cities into the shared library
 * as a GResource: an ELF section ".gresource.geonames" holding a GVDB file
 * whose item "cities.compiled" is a zlib stream of a GVariant array of
 * (id, name, admin1 code, admin1 name, country code, country name, tz,
 * population, latitude, longitude), type "(sssssssidd)". We read the three
 * formats directly instead of linking the GPL-3 library or GLib. The
 * localised names are gettext catalogues geonames.mo, msgid = GeoNames id
 * ("281133" -> غزة), country code ("PS") or admin1 code ("PS.GZ").
 */
#include "lexsrc_geo_int.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <zlib.h>

#include "log.h"

static uint32_t
rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t
rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* The bytes of the ELF64 (little-endian) section whose name starts with
 * prefix, or NULL. */
static const unsigned char *
elf_section(const unsigned char *d, size_t len, const char *prefix,
            size_t *out_len)
{
    if (len < 64 || memcmp(d, "\177ELF", 4) != 0 || d[4] != 2 || d[5] != 1) {
        return NULL;
    }
    const uint64_t shoff = rd64(d + 0x28);
    const size_t shentsize = (size_t)(d[0x3A] | d[0x3B] << 8);
    const size_t shnum = (size_t)(d[0x3C] | d[0x3D] << 8);
    const size_t shstrndx = (size_t)(d[0x3E] | d[0x3F] << 8);
    if (shentsize < 64 || shstrndx >= shnum ||
        shoff + (uint64_t)shnum * shentsize > len) {
        return NULL;
    }
    const unsigned char *strs = d + shoff + shstrndx * shentsize;
    const uint64_t str_off = rd64(strs + 0x18);
    const uint64_t str_size = rd64(strs + 0x20);
    if (str_off + str_size > len) {
        return NULL;
    }
    for (size_t i = 0; i < shnum; i++) {
        const unsigned char *sh = d + shoff + i * shentsize;
        const uint32_t name = rd32(sh);
        const uint64_t off = rd64(sh + 0x18);
        const uint64_t size = rd64(sh + 0x20);
        if (name < str_size && off + size <= len &&
            strncmp((const char *)d + str_off + name, prefix, strlen(prefix)) ==
                0) {
            *out_len = (size_t)size;
            return d + off;
        }
    }
    return NULL;
}

/* The value bytes of the GVDB item whose key segment is key and whose type
 * is 'v' (a resource file), or NULL. GVDB: 24-byte header ending in the
 * root pointer; the root hash table has (bloom words, buckets) counts,
 * then the bloom words, buckets and 24-byte items. */
static const unsigned char *
gvdb_item(const unsigned char *d, size_t len, const char *key, size_t *out_len)
{
    if (len < 24 || memcmp(d, "GVariant", 8) != 0) {
        return NULL;
    }
    const uint32_t start = rd32(d + 16);
    const uint32_t end = rd32(d + 20);
    if (end > len || start + 8 > end) {
        return NULL;
    }
    const uint32_t n_bloom = rd32(d + start) & ((1u << 27) - 1);
    const uint32_t n_buckets = rd32(d + start + 4);
    const size_t items = start + 8 + ((size_t)n_bloom + n_buckets) * 4;
    const size_t klen = strlen(key);
    for (size_t at = items; at + 24 <= end; at += 24) {
        const uint32_t kstart = rd32(d + at + 8);
        const size_t ksize = (size_t)(d[at + 12] | d[at + 13] << 8);
        const uint32_t vstart = rd32(d + at + 16);
        const uint32_t vend = rd32(d + at + 20);
        if (d[at + 14] == 'v' && ksize == klen && kstart + ksize <= len &&
            memcmp(d + kstart, key, klen) == 0 && vstart <= vend &&
            vend <= len) {
            *out_len = vend - vstart;
            return d + vstart;
        }
    }
    return NULL;
}

/* Inflates the resource value (a 'v' holding "(uuay)": size, flags, data;
 * flag 1 = zlib-compressed) into *out (owned). */
static px_status
resource_data(const unsigned char *v, size_t len, unsigned char **out,
              size_t *out_len, px_error *err)
{
    static const char type[] = "(uuay)";
    if (len < 8 + sizeof type) {
        return px_fail(err, PX_EPARSE, "libgeonames: bad resource");
    }
    const size_t size = rd32(v);
    const uint32_t flags = rd32(v + 4);
    const size_t data_len = len - 8 - sizeof type; /* NUL + type string */
    unsigned char *buf = malloc(size + 1);
    if (buf == NULL) {
        return px_fail(err, PX_ENOMEM, "libgeonames: out of memory");
    }
    uLongf n = (uLongf)size;
    if ((flags & 1u) != 0) {
        if (uncompress(buf, &n, v + 8, (uLong)data_len) != Z_OK || n != size) {
            free(buf);
            return px_fail(err, PX_EPARSE, "libgeonames: bad zlib data");
        }
    } else {
        n = size < data_len ? size : data_len;
        memcpy(buf, v + 8, n);
    }
    buf[n] = 0;
    *out = buf;
    *out_len = n;
    return PX_OK;
}

static size_t
offset_size(size_t container)
{
    if (container <= 0xff) {
        return 1;
    }
    return container <= 0xffff ? 2 : 4;
}

static size_t
rd_off(const unsigned char *p, size_t w)
{
    size_t v = 0;
    for (size_t i = 0; i < w; i++) {
        v |= (size_t)p[i] << (8 * i);
    }
    return v;
}

/* Parses one "(sssssssidd)" element of e_len bytes into c; false when it is
 * malformed. The 7 string ends are framing offsets at the element's end,
 * last string first. */
static bool
parse_city(unsigned char *e, size_t e_len, px_gn_city *c)
{
    const size_t w = offset_size(e_len);
    if (e_len < 7 * w + 24) {
        return false;
    }
    size_t ends[7];
    for (size_t i = 0; i < 7; i++) {
        ends[i] = rd_off(e + e_len - (i + 1) * w, w);
        if (ends[i] == 0 || ends[i] > e_len - 7 * w ||
            (i > 0 && ends[i] < ends[i - 1]) || e[ends[i] - 1] != 0) {
            return false;
        }
    }
    const size_t pop_at = (ends[6] + 3) & ~(size_t)3;
    if (pop_at + 4 > e_len - 7 * w) {
        return false;
    }
    c->id = (uint32_t)strtoul((const char *)e, NULL, 10);
    c->name = (const char *)e + ends[0];
    c->admin1 = (const char *)e + ends[1];
    c->cc = (const char *)e + ends[3];
    c->tz = (const char *)e + ends[5];
    c->population = rd32(e + pop_at);
    return c->id != 0;
}

static int
cmp_city(const void *a, const void *b)
{
    const uint32_t x = ((const px_gn_city *)a)->id;
    const uint32_t y = ((const px_gn_city *)b)->id;
    return x < y ? -1 : (x > y ? 1 : 0);
}

/* Splits the GVariant array "a(sssssssidd)" of the blob into db->cities:
 * the array's framing offsets (end of each element) close the blob. */
static px_status
parse_cities(px_gn_db *db, size_t len, px_error *err)
{
    const size_t w = offset_size(len);
    if (len < w) {
        return px_fail(err, PX_EPARSE, "libgeonames: empty table");
    }
    const size_t table = rd_off(db->blob + len - w, w);
    if (table > len - w || (len - table) % w != 0) {
        return px_fail(err, PX_EPARSE, "libgeonames: bad table framing");
    }
    const size_t n = (len - table) / w;
    db->cities = calloc(n + 1, sizeof *db->cities);
    if (db->cities == NULL) {
        return px_fail(err, PX_ENOMEM, "libgeonames: out of memory");
    }
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const size_t end = rd_off(db->blob + table + i * w, w);
        if (end < start || end > table) {
            return px_fail(err, PX_EPARSE, "libgeonames: bad city %zu", i);
        }
        if (parse_city(db->blob + start, end - start, &db->cities[db->n])) {
            db->n++;
        }
        start = (end + 7) & ~(size_t)7;
    }
    qsort(db->cities, db->n, sizeof *db->cities, cmp_city);
    return db->n > 0 ? PX_OK
                     : px_fail(err, PX_EPARSE, "libgeonames: no cities");
}

static bool
find_library(char *out, size_t n)
{
    const char *env = getenv("PX_GEONAMES_LIB");
    if (env != NULL && env[0] != '\0') {
        snprintf(out, n, "%s", env);
        return true;
    }
    glob_t g;
    bool ok = false;
    if (glob("/usr/lib/*/libgeonames.so.0", 0, NULL, &g) == 0 &&
        g.gl_pathc > 0) {
        snprintf(out, n, "%s", g.gl_pathv[0]);
        ok = true;
    }
    globfree(&g);
    return ok;
}

px_status
px_gn_load(px_gn_db *db, px_error *err)
{
    memset(db, 0, sizeof *db);
    char path[512];
    if (!find_library(path, sizeof path)) {
        return px_fail(err, PX_EIO,
                       "GeoNames: libgeonames.so.0 missing: install the "
                       "Debian package libgeonames0 (scripts/setup.sh)");
    }
    char *so = NULL;
    size_t so_len = 0;
    px_error e = {0};
    px_status rc = px_geo_read_file(path, &so, &so_len, &e);
    if (rc != PX_OK) {
        return px_fail(err, rc, "GeoNames: %s (Debian package libgeonames0)",
                       e.msg);
    }
    size_t sec_len = 0;
    size_t v_len = 0;
    size_t blob_len = 0;
    const unsigned char *sec =
        elf_section((const unsigned char *)so, so_len, ".gresource.", &sec_len);
    const unsigned char *v =
        sec != NULL ? gvdb_item(sec, sec_len, "cities.compiled", &v_len) : NULL;
    if (v == NULL) {
        rc = px_fail(err, PX_EPARSE, "GeoNames: %s: no cities resource", path);
    } else {
        rc = resource_data(v, v_len, &db->blob, &blob_len, err);
    }
    free(so);
    if (rc == PX_OK) {
        rc = parse_cities(db, blob_len, err);
    }
    if (rc != PX_OK) {
        px_gn_fini(db);
    }
    return rc;
}

void
px_gn_fini(px_gn_db *db)
{
    px_buf_fini(&db->folded);
    free(db->folded_off);
    free(db->cities);
    free(db->blob);
    memset(db, 0, sizeof *db);
}

const px_gn_city *
px_gn_by_id(const px_gn_db *db, uint32_t id)
{
    const px_gn_city key = {.id = id};
    return bsearch(&key, db->cities, db->n, sizeof key, cmp_city);
}

const px_gn_city *
px_gn_find(const px_gn_db *db, px_str name, const char *tz, const char *cc)
{
    const px_gn_city *best = NULL;
    for (size_t i = 0; i < db->n; i++) {
        const px_gn_city *c = &db->cities[i];
        if (px_str_eq_c(name, c->name) &&
            (tz == NULL || strcmp(tz, c->tz) == 0) &&
            (cc == NULL || strcmp(cc, c->cc) == 0) &&
            (best == NULL || c->population > best->population)) {
            best = c;
        }
    }
    return best;
}

/* Latin-ASCII on s into out, lower-cased; tr is a Latin-ASCII
 * transliterator. */
static bool
fold_with(UTransliterator *tr, px_str s, char *out, size_t n)
{
    UChar u[256];
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, 128, &len, s.ptr, (int32_t)s.len, &st);
    int32_t limit = len;
    utrans_transUChars(tr, u, &len, 256, 0, &limit, &st);
    int32_t out_len = 0;
    u_strToUTF8(out, (int32_t)n - 1, &out_len, u, len, &st);
    if (U_FAILURE(st) || out_len < 0 || (size_t)out_len >= n) {
        out[0] = '\0';
        return false;
    }
    out[out_len] = '\0';
    for (char *c = out; *c != '\0'; c++) {
        if (*c >= 'A' && *c <= 'Z') {
            *c = (char)(*c - 'A' + 'a');
        }
    }
    return true;
}

static UTransliterator *
open_latin_ascii(void)
{
    static const UChar id[] = {'L', 'a', 't', 'i', 'n', '-',
                               'A', 'S', 'C', 'I', 'I', 0};
    UErrorCode st = U_ZERO_ERROR;
    UTransliterator *tr =
        utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) {
        utrans_close(tr);
        return NULL;
    }
    return tr;
}

bool
px_gn_fold_name(px_str s, char *out, size_t n)
{
    UTransliterator *tr = open_latin_ascii();
    const bool ok = tr != NULL && fold_with(tr, s, out, n);
    utrans_close(tr);
    return ok;
}

px_status
px_gn_fold(px_gn_db *db, px_error *err)
{
    UTransliterator *tr = open_latin_ascii();
    if (tr == NULL) {
        return px_fail(err, PX_EINVAL, "GeoNames: ICU Latin-ASCII missing");
    }
    px_buf_init(&db->folded);
    db->folded_off = calloc(db->n + 1, sizeof *db->folded_off);
    for (size_t i = 0; i < db->n && db->folded_off != NULL; i++) {
        char f[256];
        fold_with(tr, px_str_c(db->cities[i].name), f, sizeof f);
        db->folded_off[i] = db->folded.len;
        px_buf_add(&db->folded, f, strlen(f) + 1);
    }
    utrans_close(tr);
    if (db->folded_off == NULL || px_buf_failed(&db->folded)) {
        return px_fail(err, PX_ENOMEM, "GeoNames: out of memory");
    }
    return PX_OK;
}

const px_gn_city *
px_gn_find_folded(const px_gn_db *db, const char *folded, const char *tz)
{
    const px_gn_city *best = NULL;
    for (size_t i = 0; i < db->n && db->folded_off != NULL; i++) {
        const px_gn_city *c = &db->cities[i];
        if (strcmp(tz, c->tz) == 0 &&
            strcmp(folded, db->folded.ptr + db->folded_off[i]) == 0 &&
            (best == NULL || c->population > best->population)) {
            best = c;
        }
    }
    return best;
}

px_concept
px_gn_concept(px_lexb *b, const px_gn_city *c)
{
    char name[32];
    snprintf(name, sizeof name, "g:%u", (unsigned)c->id);
    return px_lexb_concept(b, name, c->name);
}

typedef struct gn_ctx {
    px_lexb *b;
    px_gn_db db;
    px_geo_words words;
    px_geo_stats stats;
    const char *lang;
    px_error *err;
    px_status rc;
} gn_ctx;

static void
gn_add_place(gn_ctx *x, const char *name, const char *gloss, px_str form,
             uint32_t population)
{
    const float w = px_geo_place_weight(&x->words, x->lang, form, population);
    if (w <= 0.0f) {
        return;
    }
    const px_concept c = px_lexb_concept(x->b, name, gloss);
    px_geo_add(x->b, &x->stats, x->lang, form, c, w);
    const px_str bare = px_geo_strip_admin(x->lang, form);
    if (bare.len > 0 &&
        px_geo_place_weight(&x->words, x->lang, bare, population) > 0.0f) {
        px_geo_add(x->b, &x->stats, x->lang, bare, c, w * 0.9f);
    }
}

static bool
all_digits(px_str s)
{
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] < '0' || s.ptr[i] > '9') {
            return false;
        }
    }
    return s.len > 0 && s.len < 10;
}

static void
gn_pair(void *ctx, px_str id, px_str str)
{
    gn_ctx *x = ctx;
    char name[40];
    const bool is_en = strcmp(x->lang, "eng") == 0;
    char gloss[128];
    snprintf(gloss, sizeof gloss, "%.*s", (int)str.len, str.ptr);
    if (all_digits(id)) {
        const px_gn_city *c =
            px_gn_by_id(&x->db, (uint32_t)strtoul(id.ptr, NULL, 10));
        if (c != NULL) {
            snprintf(name, sizeof name, "g:%u", (unsigned)c->id);
            gn_add_place(x, name, c->name, str, c->population);
        }
    } else if (id.len == 2) {
        snprintf(name, sizeof name, "c:%.2s", id.ptr);
        const float w = px_geo_country_weight(&x->words, x->lang, str, 1.0f);
        px_geo_add(x->b, &x->stats, x->lang, str,
                   px_lexb_concept(x->b, name, is_en ? gloss : NULL), w);
    } else if (id.len < 30 && id.len > 3 && id.ptr[2] == '.') {
        /* admin1 divisions, by GeoNames code (not ISO 3166-2) */
        snprintf(name, sizeof name, "g:%.*s", (int)id.len, id.ptr);
        gn_add_place(x, name, is_en ? gloss : NULL, str, 100000);
    }
}

static void
gn_catalogue(void *ctx, const char *lang, const char *path)
{
    gn_ctx *x = ctx;
    x->lang = lang;
    px_error e = {0};
    if (px_mo_each(path, gn_pair, x, &e) != PX_OK) {
        PX_LOG(PX_LOG_WARN, "lexsrc: geonames: %s", e.msg);
    }
}

px_status
px_lexsrc_geonames(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    gn_ctx *x = calloc(1, sizeof *x);
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "GeoNames: out of memory");
    }
    x->b = b;
    x->err = err;
    x->stats.source = "geonames";
    px_status rc = px_gn_load(&x->db, err);
    if (rc == PX_OK) {
        rc = px_geo_words_load(&x->words, p, err);
    }
    if (rc == PX_OK &&
        px_mo_each_locale(p->locale, "geonames", gn_catalogue, x) == 0) {
        rc = px_fail(err, PX_EIO,
                     "GeoNames: %s/*/LC_MESSAGES/geonames.mo missing: "
                     "install the Debian package libgeonames-common",
                     p->locale);
    }
    if (rc == PX_OK) {
        px_lexb_source(b, "GeoNames (libgeonames 0.3.0)", "CC BY 4.0",
                       x->stats.total);
        px_geo_stats_log(&x->stats);
    }
    px_geo_words_fini(&x->words);
    px_gn_fini(&x->db);
    free(x);
    return rc;
}
