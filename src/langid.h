/* langid.h - language and script identification of a text.
 *
 * CLD2 (through cld2_shim.h) names the language of text long enough for its
 * n-gram statistics; short, unreliable or mixed texts fall back on Unicode
 * script evidence (which letters occur: Arabic script is Arabic unless
 * Persian or Urdu letters dominate, Han is Chinese, kana is Japanese,
 * Hangul is Korean, ...). Languages are ISO 639-3 codes; Chinese and
 * Serbian carry their script as a subtag ("zho-Hans", "zho-Hant",
 * "srp-Cyrl", "srp-Latn") because it matters to readers and to matching.
 * Scripts are ISO 15924 codes ("Latn", "Arab", "Hans", "Hant", "Jpan",
 * "Kore", "Cyrl", ...).
 *
 * px_langid_detect uses no heap memory of its own and no global state: it
 * is thread-safe (CLD2 is, and may allocate internally). Its work per text
 * is bounded: texts in a script that names its language skip CLD2; CLD2
 * first reads PX_LANGID_QUICK bytes and stops there when sure, else reads
 * on for at most PX_LANGID_MORE bytes more; long texts are read as two
 * PX_LANGID_SAMPLE-byte samples (start and middle).
 * docs/langid.md has the method and its scores.
 */
#ifndef PX_LANGID_H
#define PX_LANGID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "str.h"

#define PX_LANGID_MAX_OTHER 3
/* Texts longer than twice this are identified on two samples of this many
 * bytes: one from the start and one from the middle. */
#define PX_LANGID_SAMPLE 4096
/* The largest sample px_langid_detect_opts accepts (larger ones are cut). */
#define PX_LANGID_MAX_SAMPLE (64u << 20)
/* CLD2 first reads only this many bytes of a one-script text and stops
 * there if it is sure; 0 turns this off. CLD2 costs about 40-70 ns a byte,
 * so these bounds are most of langid's speed. */
#define PX_LANGID_QUICK 384
/* ... and when unsure reads on, over at most this many more bytes of the
 * start sample (then the middle sample, if any). */
#define PX_LANGID_MORE 1024

typedef struct px_langid_lang {
    char code[16]; /* ISO 639-3, maybe with a script subtag; "und" unknown */
    int percent;   /* share of the text's letters, 0..100 */
} px_langid_lang;

typedef struct px_langid_result {
    char lang[16];     /* main language, "und" when there are no letters */
    char script[8];    /* ISO 15924 of the main script, "Zyyy" if none */
    double confidence; /* 0..1 */
    int percent;       /* share of the main language, 0..100 */
    bool is_fallback;  /* decided by script evidence rather than CLD2 */
    size_t n_other;    /* other languages found, by decreasing share */
    px_langid_lang other[PX_LANGID_MAX_OTHER];
} px_langid_result;

/* Identifies the language and script of text (UTF-8; invalid bytes are
 * tolerated and ignored). Empty or letterless text gives "und"/"Zyyy" with
 * confidence 0 and PX_OK. Fails only with PX_ENOMEM (CLD2 ran out of
 * memory). Any length is fine: long texts are sampled. */
px_status px_langid_detect(px_str text, px_langid_result *out, px_error *err);

/* How px_langid_detect_opts bounds its work (px_langid_detect uses
 * PX_LANGID_SAMPLE, PX_LANGID_QUICK, the script shortcut and
 * PX_LANGID_MORE). */
typedef struct px_langid_opts {
    size_t sample_bytes;  /* texts over twice this are sampled; 0: default */
    size_t quick_bytes;   /* CLD2 tries this opening first; 0: off */
    bool script_shortcut; /* skip CLD2 when the script names the language */
    size_t more_bytes;    /* after an unsure quick read: 0 = the whole
                             start sample */
} px_langid_opts;

/* px_langid_detect with explicit bounds (for benchmarks and evaluation). */
px_status px_langid_detect_opts(px_str text, const px_langid_opts *o,
                                px_langid_result *out, px_error *err);

/* The language CLD2 calls code ("en", "zh-Hant", "iw", ...) as an ISO
 * 639-3 code ("eng", "zho-Hant", "heb"), or NULL if it has none. */
const char *px_langid_from_cld2(const char *code);

/* True if CLD2's tables can return the ISO 639-3 language iso3 (a script
 * subtag is ignored) written in script (ISO 15924 as px_langid_detect
 * reports it; NULL: in any script). This is the set px_eval_langid scores
 * as "supported". */
bool px_langid_cld2_supports(const char *iso3, const char *script);

/* The script CLD2 recognises iso3 in (the first if several: "Latn" for
 * srp), or NULL. */
const char *px_langid_cld2_script(const char *iso3);

/* Bosnian, Croatian or Serbian (Latin script) for a text CLD2 called
 * cld2_pick (one of "bos", "hrv", "srp-Latn"), from the standard
 * differences in vocabulary and the reflex of yat in the samples
 * part[0..n); cld2_pick when they do not tell (NULL when cld2_pick is
 * NULL: langid.c asks so to learn whether the words alone tell), see
 * langid_close.c. */
const char *px_langid_bcms(const px_str *part, size_t n, const char *cld2_pick);

/* Malay or Indonesian for a text CLD2 called cld2_pick ("msa" or "ind"),
 * from the standard differences in vocabulary; cld2_pick (maybe NULL)
 * when they do not tell (langid_close.c). */
const char *px_langid_malay(const px_str *part, size_t n,
                            const char *cld2_pick);

/* True if the standard words of part[0..n) confirm CLD2's verdict iso3
 * against the close relatives CLD2 confuses it with: Danish ("dan"),
 * Norwegian Bokmål ("nob") or Nynorsk ("nno", which CLD2 calls Bokmål)
 * against each other and Swedish; Hindi, Marathi or Nepali ("hin", "mar",
 * "nep") against each other. False for other languages and when the words
 * do not tell (langid_close.c). */
bool px_langid_close_confirms(const char *iso3, const px_str *part, size_t n);

/* Han characters (sorted code points) that only Simplified, or only
 * Traditional, Chinese writes: generated from Unihan (langid_han.c). */
extern const uint32_t px_langid_han_simplified[];
extern const size_t px_langid_han_simplified_len;
extern const uint32_t px_langid_han_traditional[];
extern const size_t px_langid_han_traditional_len;

#endif /* PX_LANGID_H */
