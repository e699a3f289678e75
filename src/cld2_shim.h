/* cld2_shim.h - the C face of CLD2 (Compact Language Detector 2), whose API
 * is C++. cld2_shim.cc (with opencc_shim.cc, the only C++ in parallax) calls
 * CLD2::ExtDetectLanguageSummaryCheckUTF8 and hands back CLD2's own language
 * codes ("en", "zh-Hant", "iw", ...); langid.c maps them to ISO 639-3.
 *
 * CLD2 is thread-safe and keeps its tables in read-only static data. It may
 * allocate internally (std::vector, scratch buffers); allocation failures
 * are caught in the shim and reported as an error, never thrown into C.
 */
#ifndef PX_CLD2_SHIM_H
#define PX_CLD2_SHIM_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_cld2_result {
    /* Top three languages as CLD2 codes (static strings; "un" for unknown
     * or an unused slot), their share of the text in percent, and CLD2's
     * normalised score (about 1.0 for normal text in that language). */
    const char *code[3];
    int percent[3];
    double score[3];
    /* Non-zero when CLD2 puts the language in a set of close languages it
     * tells apart poorly (bs/hr/sr, id/ms, da/no/nn, es/pt/gl, ...). */
    int close_set[3];
    int text_bytes;   /* letters CLD2 scored */
    int valid_prefix; /* bytes of interchange-valid UTF-8 at the start */
    bool is_reliable;
} px_cld2_result;

/* Detects the language of len bytes of plain UTF-8 text (len <= INT_MAX).
 * Returns 0, or -1 if CLD2 ran out of memory (out is then "un"). Text that
 * is not valid UTF-8 stops CLD2 early: out->valid_prefix says where. */
int px_cld2_detect(const char *text, int len, px_cld2_result *out);

/* px_cld2_detect_opts's options. PX_CLD2_ONE_PASS: CLD2 gives the verdict
 * of its first pass even when that is unsure, instead of scoring the whole
 * text again with other settings (its internal kCLDFlagFinish). */
enum { PX_CLD2_ONE_PASS = 1 };

/* px_cld2_detect with options (0 or PX_CLD2_ONE_PASS). */
int px_cld2_detect_opts(const char *text, int len, unsigned opts,
                        px_cld2_result *out);

#ifdef __cplusplus
}
#endif

#endif /* PX_CLD2_SHIM_H */
