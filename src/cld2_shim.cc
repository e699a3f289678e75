/* cld2_shim.cc - the extern "C" wrapper around CLD2 (see cld2_shim.h). One
 * of the two C++ files in parallax (with opencc_shim.cc); it must not let
 * an exception reach C. */
#include "cld2_shim.h"

#include <cstdio> /* compact_lang_det.h needs FILE */
#include <cstring>
#include <new>
#include <vector>

#include <cld2/internal/compact_lang_det_impl.h>
#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

/* Texts up to this many bytes are copied on the stack for CLD2 (langid's
 * reads are 384 bytes to 4 KB), longer ones on the heap; PX_CLD2_PAD NULs
 * follow the copy. */
enum { PX_CLD2_COPY_MAX = 8192, PX_CLD2_PAD = 8 };

static void
set_unknown(px_cld2_result *out)
{
    for (int i = 0; i < 3; i++) {
        out->code[i] = "un";
        out->percent[i] = 0;
        out->score[i] = 0.0;
        out->close_set[i] = 0;
    }
    out->text_bytes = 0;
    out->valid_prefix = 0;
    out->is_reliable = false;
}

extern "C" int
px_cld2_detect(const char *text, int len, px_cld2_result *out)
{
    return px_cld2_detect_opts(text, len, 0, out);
}

extern "C" int
px_cld2_detect_opts(const char *text, int len, unsigned opts,
                    px_cld2_result *out)
{
    set_unknown(out);
    if (len <= 0) {
        return 0;
    }
    const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                                  CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language lang3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                               CLD2::UNKNOWN_LANGUAGE};
    /* kCLDFlagFinish is internal to CLD2 (compact_lang_det_impl.h) */
    const int flags =
        CLD2::kCLDFlagBestEffort |
        ((opts & PX_CLD2_ONE_PASS) != 0 ? CLD2::kCLDFlagFinish : 0);
    /* CLD2's script scanner looks at the character after a letter that
     * ends a script span, even at the very end of the text: with "ペے" it
     * reads the byte past len (and more if that byte looks like a lead
     * byte). It gets a copy of the text followed by NULs, so it never reads
     * what the caller did not hand over. */
    char small[PX_CLD2_COPY_MAX + PX_CLD2_PAD];
    std::vector<char> big;
    char *copy = small;
    try {
        if (len > PX_CLD2_COPY_MAX) {
            big.resize((size_t)len + PX_CLD2_PAD);
            copy = big.data();
        }
        std::memcpy(copy, text, (size_t)len);
        std::memset(copy + len, 0, PX_CLD2_PAD);
        CLD2::ExtDetectLanguageSummaryCheckUTF8(
            copy, len, true, &hints, flags, lang3, out->percent, out->score,
            nullptr, &out->text_bytes, &out->is_reliable, &out->valid_prefix);
    } catch (const std::bad_alloc &) {
        set_unknown(out);
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        out->code[i] = CLD2::LanguageCode(lang3[i]);
        out->close_set[i] = CLD2::LanguageCloseSet(lang3[i]);
    }
    return 0;
}
