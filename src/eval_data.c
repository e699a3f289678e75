/* eval_data.c - recognising a benchmark folder and loading its dev pages
 * and gold (see ../shared/data/extraction/README.md for the layouts).
 *
 * The kind is told by the files: evaldata.json (trafilatura-eval), a
 * ground-truth/ folder (wcxb), ground-truth.json with a
 * cleaned/ folder (zh-cwced) or without (scrapinghub-aeb). Every string is
 * copied into the dataset's arena and the JSON trees are released; pages
 * are sorted by id so runs are deterministic.
 */
#include "eval.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "arena.h"
#include "error.h"

static const char *const kind_names[] = {"scrapinghub-aeb", "trafilatura-eval",
                                         "wcxb", "zh-cwced"};

const char *
px_eval_kind_name(px_eval_kind k)
{
    return (size_t)k < sizeof kind_names / sizeof kind_names[0] ? kind_names[k]
                                                                : "unknown";
}

/* dir/a[b][c] as an arena string, or NULL on OOM. */
static char *
join(px_arena *a, const char *dir, const char *p1, const char *p2,
     const char *p3)
{
    px_buf b;
    px_buf_init(&b);
    px_buf_printf(&b, "%s/%s%s%s", dir, p1, p2 != NULL ? p2 : "",
                  p3 != NULL ? p3 : "");
    char *s = px_buf_failed(&b) ? NULL : px_arena_strndup(a, b.ptr, b.len);
    px_buf_fini(&b);
    return s;
}

static bool
exists(const char *dir, const char *name, bool want_dir)
{
    px_buf b;
    px_buf_init(&b);
    px_buf_printf(&b, "%s/%s", dir, name);
    struct stat sb;
    const bool ok = !px_buf_failed(&b) && stat(b.ptr, &sb) == 0 &&
                    (want_dir ? S_ISDIR(sb.st_mode) : S_ISREG(sb.st_mode));
    px_buf_fini(&b);
    return ok;
}

static px_status
detect(const char *dir, px_eval_kind *kind, px_error *err)
{
    struct stat sb;
    if (stat(dir, &sb) != 0) {
        return px_fail(err, PX_EIO, "eval: %s: %s", dir, strerror(errno));
    }
    if (!S_ISDIR(sb.st_mode)) {
        return px_fail(err, PX_EINVAL, "eval: %s: not a folder", dir);
    }
    if (exists(dir, "evaldata.json", false)) {
        *kind = PX_EVAL_TRAFILATURA;
    } else if (exists(dir, "ground-truth", true)) {
        *kind = PX_EVAL_WCXB;
    } else if (exists(dir, "ground-truth.json", false)) {
        *kind = exists(dir, "cleaned", true) ? PX_EVAL_ZH_CWCED
                                             : PX_EVAL_SCRAPINGHUB;
    } else {
        return px_fail(err, PX_EINVAL,
                       "eval: %s: not a known dataset folder (no "
                       "ground-truth.json, evaldata.json or ground-truth/)",
                       dir);
    }
    return PX_OK;
}

static px_status
load_json(const char *path, json_t **out, px_error *err)
{
    json_error_t je;
    *out = json_load_file(path, 0, &je);
    if (*out == NULL) {
        return px_fail(err, PX_EPARSE, "eval: %s:%d: %s", path, je.line,
                       je.text);
    }
    if (!json_is_object(*out)) {
        json_decref(*out);
        *out = NULL;
        return px_fail(err, PX_EPARSE, "eval: %s: not a JSON object", path);
    }
    return PX_OK;
}

/* An arena copy of a JSON string, or an empty px_str if j is no string. */
static px_str
jstr(px_arena *a, const json_t *j)
{
    if (!json_is_string(j)) {
        return (px_str){"", 0};
    }
    const size_t n = json_string_length(j);
    const char *s = px_arena_strndup(a, json_string_value(j), n);
    return (px_str){s != NULL ? s : "", s != NULL ? n : 0};
}

/* An arena copy of a JSON string, or NULL if j is no string or empty. */
static const char *
jdup(px_arena *a, const json_t *j)
{
    const size_t n = json_is_string(j) ? json_string_length(j) : 0;
    return n > 0 ? px_arena_strndup(a, json_string_value(j), n) : NULL;
}

static const char *
jtitle(px_arena *a, const json_t *j)
{
    const px_str s = px_str_trim(jstr(a, j));
    return s.len > 0 ? px_arena_strndup(a, s.ptr, s.len) : NULL;
}

static bool
parse_num(const char **p, int *v, int max_digits)
{
    int n = 0;
    *v = 0;
    while (**p >= '0' && **p <= '9' && n < max_digits) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n > 0;
}

/* Gold dates: "YYYY-MM-DD", "YYYY-M-D H:M:S", "YYYY", "YYYY-M"; empty or
 * "UNKNOWN" (and its misspellings) means the page has none. */
static void
set_gold_date(px_eval_page *pg, const char *s, bool is_null_none)
{
    pg->date_kind = PX_EVAL_DATE_UNKNOWN;
    if (s == NULL) {
        pg->date_kind = is_null_none ? PX_EVAL_DATE_NONE : pg->date_kind;
        return;
    }
    if (*s == '\0' || strncmp(s, "UNK", 3) == 0) {
        pg->date_kind = PX_EVAL_DATE_NONE;
        return;
    }
    const char *p = s;
    int y = 0;
    int m = 0;
    int d = 0;
    if (!parse_num(&p, &y, 4) || y < 1000 || y > 9999) {
        return;
    }
    pg->date_kind = PX_EVAL_DATE_PARTIAL;
    if (*p != '-' || (p++, !parse_num(&p, &m, 2)) || m < 1 || m > 12) {
        return;
    }
    if (*p != '-' || (p++, !parse_num(&p, &d, 2)) || d < 1 || d > 31) {
        return;
    }
    pg->date_kind = PX_EVAL_DATE_DAY;
    snprintf(pg->date, sizeof pg->date, "%04d-%02d-%02d", y, m, d);
}

typedef struct script_count {
    size_t n[USCRIPT_CODE_LIMIT];
} script_count;

static void
script_add(script_count *sc, px_str s)
{
    size_t i = 0;
    while (i < s.len) {
        UChar32 c;
        U8_NEXT(s.ptr, i, s.len, c);
        if (c < 0 || !u_isalpha(c)) {
            continue;
        }
        UErrorCode st = U_ZERO_ERROR;
        const UScriptCode code = uscript_getScript(c, &st);
        if (U_SUCCESS(st) && code > USCRIPT_INHERITED &&
            code < USCRIPT_CODE_LIMIT) {
            sc->n[code]++;
        }
    }
}

/* ISO 15924 code of the script most letters are in ("Latn"...); any kana
 * makes a text "Jpan". */
static const char *
script_best(const script_count *sc)
{
    if (sc->n[USCRIPT_HIRAGANA] + sc->n[USCRIPT_KATAKANA] > 0) {
        return "Jpan";
    }
    int best = USCRIPT_LATIN;
    for (int k = 0; k < USCRIPT_CODE_LIMIT; k++) {
        best = sc->n[k] > sc->n[best] ? k : best;
    }
    return uscript_getShortName((UScriptCode)best);
}

static void
set_script(px_eval_page *pg)
{
    script_count sc;
    memset(&sc, 0, sizeof sc);
    script_add(&sc, pg->gold);
    for (size_t i = 0; pg->segs.with != NULL && i < pg->segs.n_with; i++) {
        script_add(&sc, pg->segs.with[i]);
    }
    pg->script = script_best(&sc);
}

static int
page_cmp(const void *a, const void *b)
{
    const px_eval_page *x = a;
    const px_eval_page *y = b;
    return strcmp(x->id, y->id);
}

/* The id of a page file: its name without folders and ".html.gz". */
static const char *
file_id(px_arena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    const char *dot = strchr(base, '.');
    return px_arena_strndup(a, base,
                            dot != NULL ? (size_t)(dot - base) : strlen(base));
}

/* Loads dir/name (a JSON object keyed by page) and makes room for its
 * pages. */
static px_status
load_root(px_eval_dataset *ds, const char *dir, const char *name, json_t **root,
          px_error *err)
{
    const char *path = join(ds->arena, dir, name, NULL, NULL);
    if (path == NULL) {
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    const px_status rc = load_json(path, root, err);
    if (rc != PX_OK) {
        return rc;
    }
    ds->pages = px_arena_calloc(ds->arena, json_object_size(*root) + 1,
                                sizeof *ds->pages);
    if (ds->pages == NULL) {
        json_decref(*root);
        *root = NULL;
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    return PX_OK;
}

/* scrapinghub-aeb and zh-cwced: {"<id>": {"articleBody", "date"...}}. */
static px_status
load_gt_json(px_eval_dataset *ds, const char *dir, px_error *err)
{
    json_t *root = NULL;
    const px_status rc = load_root(ds, dir, "ground-truth.json", &root, err);
    if (rc != PX_OK) {
        return rc;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        if (!json_is_object(v)) {
            continue;
        }
        px_eval_page *pg = &ds->pages[ds->n_pages++];
        pg->id = px_arena_strndup(ds->arena, key, strlen(key));
        pg->path = join(ds->arena, dir, "html/", key, ".html.gz");
        pg->gold = jstr(ds->arena, json_object_get(v, "articleBody"));
        pg->url = jdup(ds->arena, json_object_get(v, "url"));
        if (ds->kind == PX_EVAL_ZH_CWCED) {
            set_gold_date(pg, json_string_value(json_object_get(v, "date")),
                          false);
        }
    }
    json_decref(root);
    return PX_OK;
}

/* Copies a JSON array of strings into the arena. */
static const px_str *
jstr_array(px_arena *a, const json_t *arr, size_t *n)
{
    *n = json_is_array(arr) ? json_array_size(arr) : 0;
    px_str *v = px_arena_calloc(a, *n + 1, sizeof *v);
    for (size_t i = 0; v != NULL && i < *n; i++) {
        v[i] = jstr(a, json_array_get(arr, i));
    }
    return v;
}

static void
load_traf_page(px_eval_dataset *ds, const char *dir, const char *key,
               const json_t *v)
{
    px_eval_page *pg = &ds->pages[ds->n_pages++];
    if (strncmp(key, "http://", 7) == 0 || strncmp(key, "https://", 8) == 0) {
        pg->url = px_arena_strndup(ds->arena, key, strlen(key));
    }
    const char *file = json_string_value(json_object_get(v, "file"));
    pg->path = join(ds->arena, dir, file != NULL ? file : "", NULL, NULL);
    pg->id = pg->path != NULL ? file_id(ds->arena, pg->path) : NULL;
    pg->gold = (px_str){"", 0};
    pg->segs.with =
        jstr_array(ds->arena, json_object_get(v, "with"), &pg->segs.n_with);
    pg->segs.without = jstr_array(ds->arena, json_object_get(v, "without"),
                                  &pg->segs.n_without);
    pg->title = jtitle(ds->arena, json_object_get(v, "title"));
    const json_t *d = json_object_get(v, "date");
    if (json_is_string(d)) {
        set_gold_date(pg, json_string_value(d), false);
    }
}

static px_status
load_traf(px_eval_dataset *ds, const char *dir, px_error *err)
{
    json_t *root = NULL;
    const px_status rc = load_root(ds, dir, "evaldata.json", &root, err);
    if (rc != PX_OK) {
        return rc;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        if (json_is_object(v)) {
            load_traf_page(ds, dir, key, v);
        }
    }
    json_decref(root);
    return PX_OK;
}

static px_status
load_wcxb_page(px_eval_dataset *ds, const char *dir, const char *name,
               px_error *err)
{
    json_t *root = NULL;
    const char *path = join(ds->arena, dir, "ground-truth/", name, NULL);
    if (path == NULL) {
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    const px_status rc = load_json(path, &root, err);
    if (rc != PX_OK) {
        return rc;
    }
    px_eval_page *pg = &ds->pages[ds->n_pages++];
    pg->id = file_id(ds->arena, path);
    pg->path = join(ds->arena, dir, "html/", pg->id, ".html.gz");
    const json_t *gt = json_object_get(root, "ground_truth");
    pg->gold = jstr(ds->arena, json_object_get(gt, "main_content"));
    pg->url = jdup(ds->arena, json_object_get(root, "url"));
    pg->title = jtitle(ds->arena, json_object_get(gt, "title"));
    set_gold_date(pg, json_string_value(json_object_get(gt, "publish_date")),
                  true);
    json_decref(root);
    return PX_OK;
}

static bool
is_json_name(const char *s)
{
    const size_t n = strlen(s);
    return n > 5 && s[0] != '.' && strcmp(s + n - 5, ".json") == 0;
}

/* wcxb: one ground-truth/<id>.json per page. */
static px_status
load_wcxb(px_eval_dataset *ds, const char *dir, px_error *err)
{
    const char *gdir = join(ds->arena, dir, "ground-truth", NULL, NULL);
    struct dirent **names = NULL;
    const int n = gdir != NULL ? scandir(gdir, &names, NULL, alphasort) : -1;
    if (n < 0) {
        return px_fail(err, gdir == NULL ? PX_ENOMEM : PX_EIO, "eval: %s: %s",
                       gdir != NULL ? gdir : dir, strerror(errno));
    }
    px_status rc = PX_OK;
    ds->pages = px_arena_calloc(ds->arena, (size_t)n + 1, sizeof *ds->pages);
    if (ds->pages == NULL) {
        rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    for (int i = 0; i < n; i++) {
        if (rc == PX_OK && is_json_name(names[i]->d_name)) {
            rc = load_wcxb_page(ds, dir, names[i]->d_name, err);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static px_status
load_pages(px_eval_dataset *ds, const char *dir, px_error *err)
{
    switch (ds->kind) {
    case PX_EVAL_TRAFILATURA:
        return load_traf(ds, dir, err);
    case PX_EVAL_WCXB:
        return load_wcxb(ds, dir, err);
    case PX_EVAL_SCRAPINGHUB:
    case PX_EVAL_ZH_CWCED:
        return load_gt_json(ds, dir, err);
    }
    return px_fail(err, PX_EINVAL, "eval: unknown dataset kind");
}

px_status
px_eval_dataset_load(const char *dir, px_eval_dataset **out, px_error *err)
{
    *out = NULL;
    px_eval_kind kind = PX_EVAL_SCRAPINGHUB;
    px_status rc = detect(dir, &kind, err);
    if (rc != PX_OK) {
        return rc;
    }
    px_eval_dataset *ds = px_calloc(1, sizeof *ds);
    px_arena *a = px_arena_new();
    if (ds == NULL || a == NULL) {
        free(ds);
        px_arena_free(a);
        return px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    ds->arena = a;
    ds->kind = kind;
    ds->name = px_eval_kind_name(kind);
    rc = load_pages(ds, dir, err);
    if (rc == PX_OK && px_arena_failed(a)) {
        rc = px_fail(err, PX_ENOMEM, "eval: out of memory");
    }
    if (rc == PX_OK && ds->n_pages == 0) {
        rc = px_fail(err, PX_EEMPTY, "eval: %s: no pages", dir);
    }
    if (rc != PX_OK) {
        px_eval_dataset_free(ds);
        return rc;
    }
    qsort(ds->pages, ds->n_pages, sizeof *ds->pages, page_cmp);
    for (size_t i = 0; i < ds->n_pages; i++) {
        set_script(&ds->pages[i]);
    }
    *out = ds;
    return PX_OK;
}

void
px_eval_dataset_free(px_eval_dataset *ds)
{
    if (ds == NULL) {
        return;
    }
    px_arena_free(ds->arena);
    free(ds);
}
