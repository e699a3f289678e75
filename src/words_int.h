/* words_int.h - what words.c and words_zh.c share: the splitter's state and
 * the bookkeeping of one split. */
#ifndef PX_WORDS_INT_H
#define PX_WORDS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "error.h"
#include "lexicon.h"
#include "str.h"
#include "wordkey.h"
#include "words.h"

/* A unit being built: its key, stem and full key are offsets into
 * px_words.keys until the split is copied into the arena. */
typedef struct wtmp {
    size_t off;
    size_t len;
    size_t key_off;
    size_t key_len;
    size_t stem_off;
    size_t stem_len;
    size_t full_off;
    size_t full_len;
    uint32_t clitic_len;
    uint16_t flags;
    int16_t script;
} wtmp;

/* A remembered word: the surface form and its results, in px_words.memo
 * bytes (surface, then full key, then stem when it differs). */
typedef struct wmemo {
    uint64_t hash; /* 0: empty slot */
    uint32_t gen;  /* valid while equal to px_words.memo_gen */
    uint32_t at;   /* offset of the surface form in memo */
    uint32_t surf_len;
    uint32_t full_len;
    uint32_t cut; /* bytes of the full key split off as clitics */
    uint32_t stem_len;
    uint32_t clitic_len;
    uint16_t flags;
    int16_t script;
    bool stem_is_key;
    bool is_partial; /* from px_words_count: key only, no stem or flags */
} wmemo;

#define PX_WORDS_MEMO_SLOTS 32768u
#define PX_WORDS_MEMO_BYTES (2u << 20)

struct px_words {
    const px_lex *lex; /* borrowed, may be NULL */
    px_wordkey *wk;
    UBreakIterator *bi;
    UText *ut;
    UChar *u16;       /* scratch: the text ICU breaks, in UTF-16 */
    uint32_t *u16_at; /* byte offset of each UTF-16 unit, and of the end */
    uint32_t *at_u16; /* UTF-16 unit of the code point of each byte, end */
    size_t u16_len;   /* bytes of the text in u16 */
    size_t u16_cap;
    px_buf key;  /* scratch: one key */
    px_buf stem; /* scratch: one stem */
    px_buf run;  /* scratch: the key of a Chinese run */
    px_buf keys; /* every key and stem of the current split */
    wtmp *v;     /* the units of the current split */
    size_t n;
    size_t cap;
    size_t *co; /* Chinese run: byte offset of each character in the text */
    size_t *ko; /* ... and of its key in run */
    size_t co_cap;
    size_t *bounds; /* ICU boundaries inside the current Chinese run */
    size_t n_bounds;
    size_t bounds_cap;
    /* Traditional Chinese: every ideograph run of the text, keyed at once
     * (px_words_zh_prepare), in text order */
    px_str *zh_runs;
    size_t *zh_ends; /* end of the key of each run in zh_keys */
    size_t n_zh;
    size_t zh_cap;
    px_buf zh_keys;
    wmemo *slots; /* words seen in memo_lang, by surface hash */
    px_buf memo;
    uint32_t memo_gen; /* bumped to forget every slot at once */
    char memo_lang[16];
};

typedef struct split {
    px_words *w;
    px_str text;
    const char *lang; /* as given: the key's language */
    char base[4];     /* the lexicon's language */
    int lex_lang;     /* its index in the lexicon, -1: none (or no lexicon) */
    bool is_arabic;
    bool has_elision; /* French, Italian, Catalan, Occitan: l’, qu’ */
    bool is_chinese;  /* Chinese with a lexicon: maximum matching */
    bool has_stemmer;
    bool count_only; /* px_words_count: units are counted, not kept */
} split;

/* Adds the unit text[off, off+len) whose key is key (ICU rule status
 * status) with its stem, clitics and flags. */
px_status px_words_push(split *sp, size_t off, size_t len, px_str key,
                        int32_t status, px_error *err);

/* Keys the surface word text[off, off+len) (ICU rule status status) and
 * adds it, or takes it from the words seen before. */
px_status px_words_add(split *sp, size_t off, size_t len, int32_t status,
                       px_error *err);

/* words_fast.c: reads ICU's word break classes once (thread-safe). */
void px_words_fast_init(void);

/* True when every code point of text[from, to) is one words_fast.c can
 * break as ICU does. */
bool px_words_fast_line(px_str text, size_t from, size_t to);

/* Adds the words of text[from, to), whole lines px_words_fast_line
 * accepted, as ICU's word breaks would find them. */
px_status px_words_fast_split(split *sp, size_t from, size_t to, px_error *err);

/* For a count (sp->count_only): counts the words of the line
 * text[from, to) as px_words_fast_split would when px_words_fast_line
 * takes the line, in one pass; else *is_fast is false and nothing is
 * counted (words seen may be remembered, which changes no count). */
px_status px_words_fast_count(split *sp, size_t from, size_t to, bool *is_fast,
                              px_error *err);

/* True when the lexicon holds key in the split's language and space. */
bool px_words_known(const split *sp, px_lex_space space, px_str key);

/* Records an ICU boundary inside the current Chinese run. */
px_status px_words_add_bound(px_words *w, size_t b, px_error *err);

/* Before a split or count in traditional Chinese: keys every run of
 * unified ideographs of the text at once, which costs less than a key per
 * run (px_wordkey_keys), for px_words_zh_run and px_words_zh_count to
 * find (a run they are given that is not one of these is keyed alone). */
px_status px_words_zh_prepare(split *sp, px_error *err);

/* Segments the Chinese ideograph run text[off, end) (ICU boundaries in
 * w->bounds) by forward maximum matching over the lexicon. */
px_status px_words_zh_run(split *sp, size_t off, size_t end, px_error *err);

/* For a count (sp->count_only): counts the units of the ideograph run
 * text[off, end) as px_words_zh_run would, when none of them needs ICU's
 * breaks (every character starts a lexicon word); else *is_done is false
 * and the count may hold some of the run's units (the caller takes
 * them back). */
px_status px_words_zh_count(split *sp, size_t off, size_t end, bool *is_done,
                            px_error *err);

#endif /* PX_WORDS_INT_H */
