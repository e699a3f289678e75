/* charset.h - turning page bytes of any charset into NFC UTF-8.
 *
 * Order of evidence: a BOM; the charset declared by the transport (HTTP
 * Content-Type); for HTML a <meta charset> or http-equiv Content-Type in the
 * first bytes; then ICU's detector (ucsdet). A declaration that the bytes
 * contradict (e.g. "utf-8" on bytes that are not valid UTF-8) is overruled by
 * detection. Conversion is ICU ucnv; invalid bytes become U+FFFD; the result
 * is normalised to NFC. Labels are mapped the WHATWG way (gb2312 -> GBK,
 * iso-8859-1 -> windows-1252, ...).
 */
#ifndef PX_CHARSET_H
#define PX_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "parallax.h"
#include "str.h"

typedef struct px_decoded {
    px_str text;         /* NFC UTF-8 in the arena, without U+0000; a NUL
                            follows text.len for convenience */
    const char *charset; /* WHATWG name of the charset used ("UTF-8",
                            "GBK", "windows-1252"...), static */
    const char *how;     /* why: "bom", "http", "meta" (or XML declaration),
                            "utf8" (the bytes are UTF-8), "detected" (ICU's
                            detector or the UTF-16 NUL pattern), "default"
                            (nothing matched: windows-1252) */
} px_decoded;

/* Decodes data. declared is the transport's charset label (or a whole
 * Content-Type value) or NULL; is_html enables the <meta> prescan and lets
 * detection skip markup. Fails on OOM, on empty input or input that decodes
 * to nothing (PX_EEMPTY), on data over 256 MiB (PX_EINVAL) and on binary
 * data (PX_EPARSE: NUL bytes or control characters in bulk, in no UTF-16). */
px_status px_charset_decode(px_arena *a, const unsigned char *data, size_t len,
                            const char *declared, bool is_html, px_decoded *out,
                            px_error *err);

/* Normalises already-UTF-8 text: invalid bytes to U+FFFD (one per maximal
 * ill-formed subsequence), U+0000 removed, then NFC. out is in the arena
 * and NUL-terminated. Empty input gives an empty string. */
px_status px_utf8_clean(px_arena *a, const char *s, size_t len, px_str *out,
                        px_error *err);

#endif /* PX_CHARSET_H */
