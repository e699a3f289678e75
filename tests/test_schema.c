/* test_schema.c - every JSON object parallax prints is valid under
 * docs/schema.json: the article, analysis (with the word list) and concepts
 * of every sample page, the stories of the whole sample, and the store's
 * documents (store_stories, store_story, store_article, store_search) of
 * a store holding the sample.
 *
 * The validator covers the JSON Schema keywords the file uses: type (one or
 * a list), required, properties, additionalProperties (false), items,
 * $ref (#/$defs/NAME), enum, minimum and maximum. A keyword it does not
 * know fails the test, so the schema cannot drift past the check. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "check.h"
#include "parallax.h"
#include "store.h"

static json_t *defs;

static const char *
src_dir(void)
{
    const char *s = getenv("PX_SOURCE_DIR");
    return s != NULL ? s : "..";
}

static bool
type_is(const json_t *v, const char *t)
{
    if (strcmp(t, "integer") == 0) {
        return json_is_integer(v) ||
               (json_is_real(v) &&
                floor(json_real_value(v)) == json_real_value(v));
    }
    return (strcmp(t, "string") == 0 && json_is_string(v)) ||
           (strcmp(t, "number") == 0 && json_is_number(v)) ||
           (strcmp(t, "boolean") == 0 && json_is_boolean(v)) ||
           (strcmp(t, "object") == 0 && json_is_object(v)) ||
           (strcmp(t, "array") == 0 && json_is_array(v)) ||
           (strcmp(t, "null") == 0 && json_is_null(v));
}

static bool valid(const json_t *v, const json_t *s, const char *path);

static bool
check_type(const json_t *v, const json_t *t)
{
    if (json_is_string(t)) {
        return type_is(v, json_string_value(t));
    }
    size_t i;
    const json_t *x;
    json_array_foreach(t, i, x)
    {
        if (type_is(v, json_string_value(x))) {
            return true;
        }
    }
    return false;
}

static bool
check_object(const json_t *v, const json_t *s, const char *path)
{
    bool ok = true;
    const json_t *props = json_object_get(s, "properties");
    size_t i;
    const json_t *req;
    json_array_foreach(json_object_get(s, "required"), i, req)
    {
        if (json_object_get(v, json_string_value(req)) == NULL) {
            fprintf(stderr, "%s: missing %s\n", path, json_string_value(req));
            ok = false;
        }
    }
    const char *key;
    const json_t *val;
    json_object_foreach((json_t *)(uintptr_t)v, key, val)
    {
        char sub[512];
        snprintf(sub, sizeof sub, "%s.%s", path, key);
        const json_t *ps = props != NULL ? json_object_get(props, key) : NULL;
        if (ps != NULL) {
            ok = valid(val, ps, sub) && ok;
        } else if (json_is_false(json_object_get(s, "additionalProperties"))) {
            fprintf(stderr, "%s: not in the schema\n", sub);
            ok = false;
        }
    }
    return ok;
}

static bool
check_bounds(const json_t *v, const json_t *s, const char *path)
{
    const json_t *lo = json_object_get(s, "minimum");
    const json_t *hi = json_object_get(s, "maximum");
    if (!json_is_number(v)) {
        return true;
    }
    const double x = json_number_value(v);
    if ((lo != NULL && x < json_number_value(lo)) ||
        (hi != NULL && x > json_number_value(hi))) {
        fprintf(stderr, "%s: %g out of bounds\n", path, x);
        return false;
    }
    return true;
}

static bool
check_enum(const json_t *v, const json_t *e, const char *path)
{
    size_t i;
    const json_t *x;
    json_array_foreach(e, i, x)
    {
        if (json_equal((json_t *)(uintptr_t)v, (json_t *)(uintptr_t)x)) {
            return true;
        }
    }
    fprintf(stderr, "%s: value not in enum\n", path);
    return false;
}

static bool
known_keywords(const json_t *s, const char *path)
{
    static const char *const known[] = {
        "type",    "required",   "properties", "additionalProperties",
        "items",   "$ref",       "enum",       "minimum",
        "maximum", "description"};
    const char *key;
    const json_t *val;
    bool ok = true;
    json_object_foreach((json_t *)(uintptr_t)s, key, val)
    {
        bool found = false;
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
            found = found || strcmp(key, known[i]) == 0;
        }
        if (!found) {
            fprintf(stderr, "%s: schema keyword %s unknown to the test\n", path,
                    key);
            ok = false;
        }
    }
    return ok;
}

static bool
valid(const json_t *v, const json_t *s, const char *path)
{
    const char *ref = json_string_value(json_object_get(s, "$ref"));
    if (ref != NULL) {
        const char *name = strrchr(ref, '/');
        const json_t *target = name ? json_object_get(defs, name + 1) : NULL;
        if (target == NULL) {
            fprintf(stderr, "%s: unknown $ref %s\n", path, ref);
            return false;
        }
        return valid(v, target, path);
    }
    bool ok = known_keywords(s, path);
    const json_t *t = json_object_get(s, "type");
    if (t != NULL && !check_type(v, t)) {
        fprintf(stderr, "%s: wrong type\n", path);
        return false;
    }
    ok = check_bounds(v, s, path) && ok;
    if (json_object_get(s, "enum") != NULL) {
        ok = check_enum(v, json_object_get(s, "enum"), path) && ok;
    }
    if (json_is_object(v)) {
        ok = check_object(v, s, path) && ok;
    }
    const json_t *items = json_object_get(s, "items");
    if (json_is_array(v) && items != NULL) {
        size_t i;
        const json_t *x;
        json_array_foreach(v, i, x)
        {
            char sub[512];
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            ok = valid(x, items, sub) && ok;
        }
    }
    return ok;
}

/* Parses json and validates it against $defs/def. */
static void
check_json(const char *json, const char *def, const char *what)
{
    json_error_t jerr;
    json_t *v = json != NULL ? json_loads(json, 0, &jerr) : NULL;
    CHECK(v != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s %s", def, what);
    if (v != NULL) {
        CHECK(valid(v, json_object_get(defs, def), path));
    }
    json_decref(v);
}

static void
check_article(const px_article *a, const char *source)
{
    char *json = NULL;
    size_t len = 0;
    CHECK(px_article_json(a, &json, &len, NULL) == PX_OK);
    check_json(json, "article", source);
    px_free(json);
    const px_analyse_opts o = {true};
    CHECK(px_analyse_json_opts(a, &o, &json, &len, NULL) == PX_OK);
    check_json(json, "analysis", source);
    px_free(json);
    CHECK(px_concepts_json(a, &json, &len, NULL) == PX_OK);
    check_json(json, "concepts", source);
    px_free(json);
}

/* Every document of a store holding the sample. */
static void
check_store(const char *sample)
{
    char db[] = "/tmp/px_test_schema_XXXXXX";
    const int fd = mkstemp(db);
    CHECK(fd >= 0);
    close(fd);
    px_store *st = NULL;
    CHECK(px_store_open(db, false, NULL, &st, NULL) == PX_OK);
    const char *paths[] = {sample};
    CHECK(px_store_add(st, paths, 1, NULL, NULL, NULL, NULL, NULL) == PX_OK);
    char *json = NULL;
    size_t len = 0;
    CHECK(px_store_stories_json(st, PX_STORE_LARGEST, 0, 0, &json, &len,
                                NULL) == PX_OK);
    check_json(json, "store_stories", "sample store");
    json_t *list = json_loads(json, 0, NULL);
    px_free(json);
    size_t i = 0;
    const json_t *x = NULL;
    json_array_foreach(json_object_get(list, "stories"), i, x)
    {
        const json_int_t id = json_integer_value(json_object_get(x, "id"));
        CHECK(px_store_story_json(st, id, &json, &len, NULL) == PX_OK);
        check_json(json, "store_story", "sample store");
        px_free(json);
    }
    json_decref(list);
    for (int64_t id = 1; id <= 43; id += 6) {
        CHECK(px_store_article_json(st, id, &json, &len, NULL) == PX_OK);
        check_json(json, "store_article", "sample store");
        px_free(json);
    }
    CHECK(px_store_search_json(st, "earthquake Chile", 0, &json, &len, NULL) ==
          PX_OK);
    check_json(json, "store_search", "sample store");
    px_free(json);
    px_store_close(st);
    char side[64];
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
}

int
main(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/schema.json", src_dir());
    json_t *schema = json_load_file(path, 0, NULL);
    CHECK(schema != NULL);
    defs = json_object_get(schema, "$defs");
    CHECK(json_object_get(defs, "stories") != NULL);
    snprintf(path, sizeof path, "%s/data/sample", src_dir());
    const char *paths[] = {path};
    px_reader *r = NULL;
    px_storyset *set = NULL;
    CHECK(px_reader_open(paths, 1, PX_FORMAT_AUTO, &r, NULL) == PX_OK);
    CHECK(px_storyset_new(NULL, NULL, &set, NULL) == PX_OK);
    size_t n = 0;
    for (;;) {
        const px_record *rec = NULL;
        CHECK(px_reader_next(r, &rec, NULL) == PX_OK);
        if (rec == NULL) {
            break;
        }
        px_article *a = NULL;
        CHECK(px_extract(rec, &a, NULL) == PX_OK);
        if (a != NULL) {
            check_article(a, px_record_source(rec));
            CHECK(px_storyset_add(set, a, NULL) == PX_OK);
            n++;
        }
        px_article_free(a);
    }
    px_reader_close(r);
    CHECK(n >= 40);
    CHECK(px_storyset_cluster(set, NULL) == PX_OK);
    char *json = NULL;
    size_t len = 0;
    CHECK(px_storyset_json(set, &json, &len, NULL) == PX_OK);
    check_json(json, "stories", "data/sample");
    px_free(json);
    px_storyset_free(set);
    check_store(path);
    json_decref(schema);
    return check_summary();
}
