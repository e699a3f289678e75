/* opencc_shim.h - the C face of an OpenCC converter whose dictionaries are
 * held as double-array tries (OpenCC's DartsDict) instead of the marisa
 * tries OpenCC loads from its .ocd2 files.
 *
 * OpenCC's C API (opencc_open, opencc_convert_utf8) looks every prefix up in
 * the marisa tries of Debian's opencc-data: about 1,700 instructions a
 * lookup and six lookups a character, which made folding traditional
 * Chinese to simplified the costliest step of `parallax analyse` on
 * traditional text. opencc_shim.cc loads the same configuration with
 * OpenCC's Config, copies each dictionary's entries into a sorted lexicon,
 * builds OpenCC's DartsDict from it, and runs OpenCC's own segmentation
 * and conversion chain over those: the same conversion, about six times
 * faster (test_opencc_shim compares both on generated text).
 *
 * Every C++ exception, allocation failures included, is caught in the shim;
 * failures come back as NULL. A converter is not thread-safe: use one per
 * thread.
 */
#ifndef PX_OPENCC_SHIM_H
#define PX_OPENCC_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_opencc px_opencc;

/* Opens the OpenCC configuration config ("tw2sp.json": a name OpenCC finds
 * in its data folder, or a path), with darts dictionaries when fast is
 * non-zero, else with the dictionaries as OpenCC loads them (for tests).
 * NULL when OpenCC cannot load it or memory runs out. */
px_opencc *px_opencc_open(const char *config, int fast);

/* Converts the UTF-8 text s[0, len). Returns the result (not terminated by
 * a NUL of its own accounting: *out_len bytes, followed by a NUL), owned by
 * cc and valid until the next call on cc; NULL on failure. */
const char *px_opencc_convert(px_opencc *cc, const char *s, size_t len,
                              size_t *out_len);

void px_opencc_close(px_opencc *cc);

#ifdef __cplusplus
}
#endif

#endif
