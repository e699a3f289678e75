/* lexicon.c - the compiled lexicon at run time: maps the file (lexfmt.h)
 * read-only, checks every offset, count and index once at open, so that
 * lookups can trust the file and allocate nothing.
 *
 * Invariants after px_lex_open: every section lies inside the mapping,
 * every entry's key, senses and language, every sense's concept and every
 * concept's strings are in range, the bucket directory is non-decreasing
 * and ends at the entry count, and the concept table has an empty slot (so
 * every probe ends).
 */
#include "lexicon.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexfmt.h"
#include "wordkey.h"

struct px_lex {
    const unsigned char *map;
    size_t map_len;
    px_lexf_header h;
    const px_lexf_lang *langs;
    const px_lexf_source *srcs;
    const uint32_t *dir;
    const px_lexf_entry *ents;
    const px_lex_sense *senses;
    const px_lexf_concept *cons;
    const uint32_t *cslots;
    const char *str;
    uint8_t lang_of[32768]; /* px_lexf_code_index -> language index + 1 */
};

/* ---- validation -------------------------------------------------------- */

/* True when n records of size sz at off lie inside the file. */
static bool
in_file(const px_lexf_header *h, uint64_t off, uint64_t n, uint64_t sz)
{
    return off % 8 == 0 && off <= h->file_len && n <= h->file_len / sz &&
           n * sz <= h->file_len - off;
}

static bool
str_ok(const px_lexf_header *h, uint64_t off, uint64_t len)
{
    return off <= h->strings_len && len <= h->strings_len - off;
}

static bool
is_pow2(uint32_t n)
{
    return n != 0 && (n & (n - 1)) == 0;
}

static bool
header_ok(const px_lexf_header *h, size_t map_len)
{
    return memcmp(h->magic, PX_LEXF_MAGIC, 8) == 0 &&
           h->header_len == sizeof *h && h->file_len == map_len &&
           h->bucket_bits <= 30 && is_pow2(h->n_cslots) &&
           h->n_concepts < h->n_cslots && h->n_langs <= 255 &&
           in_file(h, h->langs_off, h->n_langs, sizeof(px_lexf_lang)) &&
           in_file(h, h->sources_off, h->n_sources, sizeof(px_lexf_source)) &&
           in_file(h, h->dir_off, ((uint64_t)1 << h->bucket_bits) + 1,
                   sizeof(uint32_t)) &&
           in_file(h, h->entries_off, h->n_entries, sizeof(px_lexf_entry)) &&
           in_file(h, h->senses_off, h->n_senses, sizeof(px_lex_sense)) &&
           in_file(h, h->concepts_off, (uint64_t)h->n_concepts + 1,
                   sizeof(px_lexf_concept)) &&
           in_file(h, h->cslots_off, h->n_cslots, sizeof(uint32_t)) &&
           in_file(h, h->strings_off, h->strings_len, 1);
}

static bool
entries_ok(const px_lex *x)
{
    const px_lexf_header *h = &x->h;
    for (uint32_t i = 0; i < h->n_entries; i++) {
        const px_lexf_entry *e = &x->ents[i];
        if (e->lang >= h->n_langs || e->key_len == 0 ||
            !str_ok(h, e->key_off, e->key_len) ||
            e->n_senses > PX_LEXF_MAX_SENSES || e->sense_first > h->n_senses ||
            e->n_senses > h->n_senses - e->sense_first) {
            return false;
        }
    }
    const size_t n_buckets = (size_t)1 << h->bucket_bits;
    for (size_t i = 0; i < n_buckets; i++) {
        if (x->dir[i] > x->dir[i + 1]) {
            return false;
        }
    }
    if (x->dir[0] != 0 || x->dir[n_buckets] != h->n_entries) {
        return false;
    }
    for (uint32_t i = 0; i < h->n_senses; i++) {
        if (x->senses[i].concept > h->n_concepts) {
            return false;
        }
    }
    return true;
}

static bool
tables_ok(const px_lex *x)
{
    const px_lexf_header *h = &x->h;
    for (uint32_t i = 0; i <= h->n_concepts; i++) {
        const px_lexf_concept *c = &x->cons[i];
        if (!str_ok(h, c->name_off, c->name_len) ||
            !str_ok(h, c->gloss_off, c->gloss_len)) {
            return false;
        }
    }
    for (uint32_t i = 0; i < h->n_cslots; i++) {
        if (x->cslots[i] > h->n_concepts) {
            return false;
        }
    }
    for (uint32_t i = 0; i < h->n_sources; i++) {
        const px_lexf_source *s = &x->srcs[i];
        if (!str_ok(h, s->name_off, s->name_len) ||
            !str_ok(h, s->licence_off, s->licence_len)) {
            return false;
        }
    }
    return true;
}

/* Points the section pointers into the mapping and fills lang_of; false
 * when a language code is malformed. */
static bool
attach(px_lex *x)
{
    const px_lexf_header *h = &x->h;
    x->langs = (const px_lexf_lang *)(x->map + h->langs_off);
    x->srcs = (const px_lexf_source *)(x->map + h->sources_off);
    x->dir = (const uint32_t *)(x->map + h->dir_off);
    x->ents = (const px_lexf_entry *)(x->map + h->entries_off);
    x->senses = (const px_lex_sense *)(x->map + h->senses_off);
    x->cons = (const px_lexf_concept *)(x->map + h->concepts_off);
    x->cslots = (const uint32_t *)(x->map + h->cslots_off);
    x->str = (const char *)(x->map + h->strings_off);
    for (uint32_t i = 0; i < h->n_langs; i++) {
        const int ci = px_lexf_code_index(x->langs[i].code);
        if (ci < 0 || x->langs[i].code[3] != '\0' || x->lang_of[ci] != 0) {
            return false;
        }
        x->lang_of[ci] = (uint8_t)(i + 1);
    }
    return true;
}

static bool
host_is_little_endian(void)
{
    const uint16_t one = 1;
    unsigned char c;
    memcpy(&c, &one, 1);
    return c == 1;
}

/* ---- opening ----------------------------------------------------------- */

/* Maps path read-only into *map, *len. */
static px_status
map_file(const char *path, const unsigned char **map, size_t *len,
         px_error *err)
{
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        const int e = errno;
        if (fd >= 0) {
            close(fd);
        }
        return px_fail(err, PX_EIO,
                       "lexicon: %s: %s (run `parallax lexicon build`)", path,
                       strerror(e));
    }
    if (st.st_size < (off_t)sizeof(px_lexf_header) ||
        (uint64_t)st.st_size > SIZE_MAX) {
        close(fd);
        return px_fail(err, PX_EPARSE, "lexicon: %s: not a lexicon file", path);
    }
    *len = (size_t)st.st_size;
    void *p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
    const int e = errno;
    close(fd);
    if (p == MAP_FAILED) {
        return px_fail(err, PX_EIO, "lexicon: %s: mmap: %s", path, strerror(e));
    }
    *map = p;
    return PX_OK;
}

px_status
px_lex_open(const char *path, px_lex **out, px_error *err)
{
    *out = NULL;
    px_lex *x = calloc(1, sizeof *x);
    if (x == NULL) {
        return px_fail(err, PX_ENOMEM, "lexicon: out of memory");
    }
    px_status rc = map_file(path, &x->map, &x->map_len, err);
    if (rc != PX_OK || x->map == NULL) {
        free(x);
        return rc != PX_OK ? rc : PX_EIO;
    }
    memcpy(&x->h, x->map, sizeof x->h);
    if (memcmp(x->h.magic, PX_LEXF_MAGIC, 8) != 0) {
        rc = px_fail(err, PX_EPARSE, "lexicon: %s: not a lexicon file", path);
    } else if (x->h.version != PX_LEXF_VERSION || !host_is_little_endian()) {
        rc = px_fail(err, PX_EPARSE,
                     "lexicon: %s: format version %u, this parallax reads %u "
                     "(run `parallax lexicon build`)",
                     path, (unsigned)x->h.version, PX_LEXF_VERSION);
    } else if (!header_ok(&x->h, x->map_len) || !attach(x) || !entries_ok(x) ||
               !tables_ok(x)) {
        rc = px_fail(err, PX_EPARSE, "lexicon: %s: corrupt or truncated", path);
    }
    if (rc != PX_OK) {
        px_lex_close(x);
        return rc;
    }
    *out = x;
    return PX_OK;
}

void
px_lex_close(px_lex *lex)
{
    if (lex == NULL) {
        return;
    }
    if (lex->map != NULL) {
        munmap((void *)(uintptr_t)lex->map, lex->map_len);
    }
    free(lex);
}

/* ---- lookups ----------------------------------------------------------- */

/* The index of lang's language + 1, or 0 when the file has none. */
static unsigned
lang_slot(const px_lex *x, const char *lang)
{
    const int ci = px_lexf_code_index(lang);
    if (ci >= 0 && lang[3] == '\0' && x->lang_of[ci] != 0) {
        return x->lang_of[ci];
    }
    char base[4];
    px_wordkey_base(lang, base);
    const int bi = px_lexf_code_index(base);
    return bi >= 0 ? x->lang_of[bi] : 0;
}

/* The index of the first entry whose hash is at least h. The directory
 * gives h's bucket; hashes are uniform inside it, so h's place is guessed
 * by interpolation and corrected by a short scan (usually within the cache
 * line guessed): one memory access per lookup, most of the time. */
static uint32_t
first_at_least(const px_lex *lex, uint32_t h)
{
    const unsigned bits = lex->h.bucket_bits;
    const uint64_t b = (uint64_t)h >> (32 - bits);
    const uint32_t start = lex->dir[b];
    const uint32_t end = lex->dir[b + 1];
    if (start == end) {
        return start;
    }
    const uint32_t frac = bits < 32 ? h << bits : 0;
    uint32_t i = start + (uint32_t)(((uint64_t)(end - start) * frac) >> 32);
    while (i > start && lex->ents[i - 1].hash >= h) {
        i--;
    }
    while (i < end && lex->ents[i].hash < h) {
        i++;
    }
    return i;
}

int
px_lex_lang_index(const px_lex *lex, const char *lang)
{
    return (int)lang_slot(lex, lang) - 1;
}

bool
px_lex_get_ix(const px_lex *lex, int li, px_lex_space space, px_str key,
              px_lex_hit *hit)
{
    if (li < 0 || key.len == 0 || key.len >= PX_LEXF_MAX_ENTRY_KEY) {
        return false;
    }
    const uint32_t h =
        px_lexf_hash((unsigned)li, (unsigned)space, key.ptr, key.len);
    for (uint32_t i = first_at_least(lex, h); i < lex->h.n_entries; i++) {
        const px_lexf_entry *e = &lex->ents[i];
        if (e->hash != h) {
            break;
        }
        if (e->lang == (unsigned)li && px_lexf_space(e) == (unsigned)space &&
            e->key_len == key.len &&
            memcmp(lex->str + e->key_off, key.ptr, key.len) == 0) {
            hit->senses = lex->senses + e->sense_first;
            hit->n_senses = e->n_senses;
            hit->flags = e->flags & ~PX_LEXF_STEM_BIT;
            return true;
        }
    }
    return false;
}

bool
px_lex_get(const px_lex *lex, const char *lang, px_lex_space space, px_str key,
           px_lex_hit *hit)
{
    return px_lex_get_ix(lex, px_lex_lang_index(lex, lang), space, key, hit);
}

unsigned
px_lex_max_words(const px_lex *lex, const char *lang)
{
    const unsigned li = lang_slot(lex, lang);
    if (li == 0 || lex->langs[li - 1].max_words == 0) {
        return 1;
    }
    return lex->langs[li - 1].max_words;
}

px_str
px_lex_concept_name(const px_lex *lex, px_concept c)
{
    if (c == 0 || c > lex->h.n_concepts) {
        return (px_str){"", 0};
    }
    const px_lexf_concept *k = &lex->cons[c];
    return (px_str){lex->str + k->name_off, k->name_len};
}

px_str
px_lex_concept_gloss(const px_lex *lex, px_concept c)
{
    if (c == 0 || c > lex->h.n_concepts) {
        return (px_str){"", 0};
    }
    const px_lexf_concept *k = &lex->cons[c];
    return (px_str){lex->str + k->gloss_off, k->gloss_len};
}

px_concept
px_lex_concept_by_name(const px_lex *lex, px_str name)
{
    const uint32_t mask = lex->h.n_cslots - 1;
    for (uint32_t i = px_lexf_name_hash(name) & mask; lex->cslots[i] != 0;
         i = (i + 1) & mask) {
        if (px_str_eq(px_lex_concept_name(lex, lex->cslots[i]), name)) {
            return lex->cslots[i];
        }
    }
    return 0;
}

/* ---- information ------------------------------------------------------- */

void
px_lex_get_info(const px_lex *lex, px_lex_info *info)
{
    info->n_langs = lex->h.n_langs;
    info->n_sources = lex->h.n_sources;
    info->n_entries = lex->h.n_entries;
    info->n_senses = lex->h.n_senses;
    info->n_concepts = lex->h.n_concepts;
    info->file_len = lex->h.file_len;
}

void
px_lex_lang_at(const px_lex *lex, size_t i, char code[4], size_t *n_keys,
               size_t *n_stems)
{
    const px_lexf_lang *l = &lex->langs[i < lex->h.n_langs ? i : 0];
    memcpy(code, i < lex->h.n_langs ? l->code : "und", 4);
    *n_keys = i < lex->h.n_langs ? l->n_keys : 0;
    *n_stems = i < lex->h.n_langs ? l->n_stems : 0;
}

void
px_lex_source_at(const px_lex *lex, size_t i, px_str *name, px_str *licence,
                 uint64_t *n_forms)
{
    if (i >= lex->h.n_sources) {
        *name = *licence = (px_str){"", 0};
        *n_forms = 0;
        return;
    }
    const px_lexf_source *s = &lex->srcs[i];
    *name = (px_str){lex->str + s->name_off, s->name_len};
    *licence = (px_str){lex->str + s->licence_off, s->licence_len};
    *n_forms = s->n_forms;
}

void
px_lex_entry_at(const px_lex *lex, size_t i, char lang[4], px_lex_space *space,
                px_str *key)
{
    if (i >= lex->h.n_entries) {
        memcpy(lang, "und", 4);
        *space = PX_LEX_KEY;
        *key = (px_str){"", 0};
        return;
    }
    const px_lexf_entry *e = &lex->ents[i];
    memcpy(lang, lex->langs[e->lang].code, 4);
    *space = (px_lex_space)px_lexf_space(e);
    *key = (px_str){lex->str + e->key_off, e->key_len};
}

/* ---- default path ------------------------------------------------------ */

static bool
file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

void
px_lex_default_path(char *out, size_t n)
{
    const char *env = getenv("PX_LEXICON");
    if (env != NULL && env[0] != '\0') {
        snprintf(out, n, "%s", env);
        return;
    }
    char exe[PATH_MAX];
    const ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) {
        snprintf(out, n, "lexicon.plx");
        return;
    }
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash != NULL) {
        *slash = '\0';
    }
    snprintf(out, n, "%s/lexicon.plx", exe);
    char up[PATH_MAX + 32];
    snprintf(up, sizeof up, "%s/../lexicon.plx", exe);
    if (!file_exists(out) && file_exists(up)) {
        snprintf(out, n, "%s", up);
    }
}
