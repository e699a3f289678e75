/* lexsrc_geo_util.c - gettext catalogues, locale ids, string sets and the
 * ambiguity rules of the place readers (lexsrc_geo_int.h).
 *
 * A .mo file is: magic 0x950412de (in the writer's byte order), revision,
 * count N, offset of the msgid table, offset of the msgstr table; each
 * table holds N (length, offset) pairs of NUL-terminated strings.
 */
#include "lexsrc_geo_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <dirent.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include "log.h"

px_status
px_geo_read_file(const char *path, char **out, size_t *len, px_error *err)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return px_fail(err, PX_EIO, "%s: %s", path, strerror(errno));
    }
    struct stat sb;
    char *data = NULL;
    px_status rc = PX_OK;
    if (fstat(fileno(f), &sb) != 0 || sb.st_size < 0) {
        rc = px_fail(err, PX_EIO, "%s: %s", path, strerror(errno));
        goto done;
    }
    data = malloc((size_t)sb.st_size + 1);
    if (data == NULL) {
        rc = px_fail(err, PX_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    if (fread(data, 1, (size_t)sb.st_size, f) != (size_t)sb.st_size) {
        rc = px_fail(err, PX_EIO, "%s: short read", path);
        free(data);
        goto done;
    }
    data[sb.st_size] = '\0';
    *out = data;
    *len = (size_t)sb.st_size;
done:
    fclose(f);
    return rc;
}

static uint32_t
mo_u32(const unsigned char *p, bool swap)
{
    const uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 |
                       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    if (!swap) {
        return v;
    }
    return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) |
           (v << 24);
}

/* The string of table entry i, or an empty string when out of bounds. */
static px_str
mo_string(const unsigned char *d, size_t len, uint32_t table, uint32_t i,
          bool swap)
{
    const size_t at = (size_t)table + (size_t)i * 8;
    if (at + 8 > len) {
        return (px_str){"", 0};
    }
    const uint32_t n = mo_u32(d + at, swap);
    const uint32_t off = mo_u32(d + at + 4, swap);
    if ((size_t)off + n > len) {
        return (px_str){"", 0};
    }
    /* plural forms: msgid\0msgid_plural, msgstr[0]\0msgstr[1]... */
    const char *s = (const char *)d + off;
    const char *nul = memchr(s, '\0', n);
    return (px_str){s, nul != NULL ? (size_t)(nul - s) : n};
}

px_status
px_mo_each(const char *path, px_mo_fn fn, void *ctx, px_error *err)
{
    char *data = NULL;
    size_t len = 0;
    px_status rc = px_geo_read_file(path, &data, &len, err);
    if (rc != PX_OK) {
        return rc;
    }
    const unsigned char *d = (const unsigned char *)data;
    const bool swap = len >= 4 && mo_u32(d, false) == 0xde120495u;
    if (len < 20 || (mo_u32(d, false) != 0x950412deu && !swap)) {
        rc = px_fail(err, PX_EPARSE, "%s: not a gettext .mo file", path);
        goto done;
    }
    const uint32_t n = mo_u32(d + 8, swap);
    const uint32_t ids = mo_u32(d + 12, swap);
    const uint32_t strs = mo_u32(d + 16, swap);
    for (uint32_t i = 0; i < n; i++) {
        const px_str id = mo_string(d, len, ids, i, swap);
        const px_str str = mo_string(d, len, strs, i, swap);
        if (id.len > 0 && str.len > 0) {
            fn(ctx, id, str);
        }
    }
done:
    free(data);
    return rc;
}

size_t
px_mo_each_locale(const char *locale_dir, const char *domain, px_mo_dir_fn fn,
                  void *ctx)
{
    DIR *d = opendir(locale_dir);
    if (d == NULL) {
        return 0;
    }
    size_t n = 0;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char lang[16];
        char path[512];
        if (e->d_name[0] == '.' || !px_geo_lang(e->d_name, lang)) {
            continue;
        }
        snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", locale_dir,
                 e->d_name, domain);
        struct stat sb;
        if (stat(path, &sb) == 0) {
            fn(ctx, lang, path);
            n++;
        }
    }
    closedir(d);
    return n;
}

/* True when the locale id's subtags after the language say traditional
 * Chinese: Hant, or TW/HK/MO without an explicit Hans. */
static bool
is_hant(const char *rest)
{
    if (strstr(rest, "Hans") != NULL) {
        return false;
    }
    return strstr(rest, "Hant") != NULL || strstr(rest, "TW") != NULL ||
           strstr(rest, "HK") != NULL || strstr(rest, "MO") != NULL;
}

/* True when ICU has locale data for the language lang ("ara", "ar"): the
 * languages CLDR covers (218 in ICU 72). The compiled lexicon holds at
 * most 255 languages, so the few-speaker languages of the gettext and
 * world-countries data that CLDR lacks are left out. ICU caches the
 * bundles, so this is cheap after the first call per language. */
static bool
icu_has_language(const char *lang)
{
    char canon[32];
    UErrorCode st = U_ZERO_ERROR;
    uloc_canonicalize(lang, canon, sizeof canon, &st);
    UResourceBundle *r = ures_openDirect(NULL, canon, &st);
    const bool ok = U_SUCCESS(st) && canon[0] != '\0';
    ures_close(r);
    return ok;
}

bool
px_geo_lang_known(const char *lang)
{
    char base[4];
    if (strlen(lang) < 3) {
        return false;
    }
    memcpy(base, lang, 3);
    base[3] = '\0';
    return icu_has_language(base);
}

bool
px_geo_lang(const char *locale, char out[16])
{
    char lang[12];
    size_t n = 0;
    while (locale[n] != '\0' && locale[n] != '_' && locale[n] != '-' &&
           locale[n] != '@' && locale[n] != '.' && n + 1 < sizeof lang) {
        lang[n] = locale[n];
        n++;
    }
    lang[n] = '\0';
    if (n < 2 || n > 3 || strcmp(lang, "root") == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (lang[i] < 'a' || lang[i] > 'z') {
            return false;
        }
    }
    if (strcmp(lang, "zh") == 0 && is_hant(locale + n)) {
        strcpy(out, "zho-Hant");
        return true;
    }
    const char *iso3 = uloc_getISO3Language(lang);
    if (iso3 != NULL && strlen(iso3) == 3) {
        memcpy(out, iso3, 4);
    } else if (n == 3) {
        memcpy(out, lang, 4);
    } else {
        return false;
    }
    return icu_has_language(out);
}

void
px_strset_init(px_strset *s)
{
    memset(s, 0, sizeof *s);
    px_buf_init(&s->pool);
}

void
px_strset_fini(px_strset *s)
{
    px_buf_fini(&s->pool);
    free(s->offs);
    free(s->sorted);
    memset(s, 0, sizeof *s);
}

void
px_strset_add(px_strset *s, px_str v)
{
    if (s->failed || s->sorted != NULL) {
        s->failed = true;
        return;
    }
    if (s->n == s->cap) {
        const size_t cap = s->cap == 0 ? 1024 : s->cap * 2;
        size_t *o = realloc(s->offs, cap * sizeof *o);
        if (o == NULL) {
            s->failed = true;
            return;
        }
        s->offs = o;
        s->cap = cap;
    }
    s->offs[s->n++] = s->pool.len;
    px_buf_add_str(&s->pool, v);
    px_buf_add_byte(&s->pool, '\0');
    s->failed = px_buf_failed(&s->pool);
}

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool
px_strset_seal(px_strset *s)
{
    if (s->failed) {
        return false;
    }
    s->sorted = malloc((s->n + 1) * sizeof *s->sorted);
    if (s->sorted == NULL) {
        s->failed = true;
        return false;
    }
    for (size_t i = 0; i < s->n; i++) {
        s->sorted[i] = s->pool.ptr + s->offs[i];
    }
    qsort(s->sorted, s->n, sizeof *s->sorted, cmp_cstr);
    return true;
}

static int
cmp_str_c(px_str a, const char *b)
{
    const size_t bl = strlen(b);
    const int c = memcmp(a.ptr, b, a.len < bl ? a.len : bl);
    if (c != 0) {
        return c;
    }
    return a.len < bl ? -1 : (a.len > bl ? 1 : 0);
}

bool
px_strset_has(const px_strset *s, px_str v)
{
    if (s->sorted == NULL) {
        return false;
    }
    size_t lo = 0;
    size_t hi = s->n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const int c = cmp_str_c(v, s->sorted[mid]);
        if (c == 0) {
            return true;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}

void
px_geo_add(px_lexb *b, px_geo_stats *st, const char *lang, px_str form,
           px_concept c, float weight)
{
    form = px_str_trim(form);
    if (form.len == 0 || weight <= 0.0f || c == 0) {
        return;
    }
    px_lexb_add(b, lang, form, c, weight);
    st->total++;
    size_t i = 0;
    while (i < st->n_langs && strcmp(st->lang[i], lang) != 0) {
        i++;
    }
    if (i == st->n_langs && i < PX_GEO_MAX_LANGS &&
        strlen(lang) < sizeof st->lang[0]) {
        strcpy(st->lang[i], lang);
        st->n[i] = 0;
        st->n_langs++;
    }
    if (i < st->n_langs) {
        st->n[i]++;
    }
}

static size_t
stats_of(const px_geo_stats *st, const char *lang)
{
    for (size_t i = 0; i < st->n_langs; i++) {
        if (strcmp(st->lang[i], lang) == 0) {
            return st->n[i];
        }
    }
    return 0;
}

void
px_geo_stats_log(const px_geo_stats *st)
{
    PX_LOG(PX_LOG_INFO,
           "lexsrc: %s: %zu forms in %zu languages (eng=%zu ara=%zu "
           "zho=%zu zho-Hant=%zu fra=%zu deu=%zu spa=%zu rus=%zu)",
           st->source, st->total, st->n_langs, stats_of(st, "eng"),
           stats_of(st, "ara"), stats_of(st, "zho"), stats_of(st, "zho-Hant"),
           stats_of(st, "fra"), stats_of(st, "deu"), stats_of(st, "spa"),
           stats_of(st, "rus"));
}
