/* store_sheet.c - a story's sheet as the store keeps it: the sheet JSON of
 * px_storyset_sheet_json with its sources' "article", "copy_group" and
 * "copy_of" (indices into the batch's story set) replaced by store
 * article ids, so that the sheet stands on its own. Source numbers and
 * spans are left as they are (source k is the story's k-th article).
 */
#include <string.h>

#include <jansson.h>

#include "store_int.h"

px_status
px_store_sheet_ids(const char *sheet, const px_store_src *src, size_t n,
                   char **out, px_error *err)
{
    *out = NULL;
    json_t *o = json_loads(sheet, 0, NULL);
    json_t *srcs = json_object_get(o, "sources");
    if (o == NULL || json_array_size(srcs) != n) {
        json_decref(o);
        return px_fail(err, PX_EINVAL,
                       "store: a sheet with %zu sources for %zu articles",
                       json_array_size(srcs), n);
    }
    for (size_t k = 0; k < n; k++) {
        json_t *s = json_array_get(srcs, k);
        json_object_set_new(s, "article", json_integer(src[k].id));
        json_object_set_new(s, "copy_group", json_integer(src[k].group));
        json_object_set_new(s, "copy_of",
                            src[k].copy_of > 0 ? json_integer(src[k].copy_of)
                                               : json_null());
    }
    *out = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return *out != NULL ? PX_OK
                        : px_fail(err, PX_ENOMEM, "store: out of memory");
}
