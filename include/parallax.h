/* parallax.h - the public API. Anything not declared here is internal.
 *
 * parallax reads raw news pages (HTML in any charset, WARC archives, JSON
 * Lines, plain-text page dumps), extracts each article and its metadata, and
 * later groups articles into stories across languages. All text handed out
 * is valid UTF-8 in NFC. Handles are opaque; every object says who owns it.
 */
#ifndef PX_PARALLAX_H
#define PX_PARALLAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define PX_API __attribute__((visibility("default")))
#else
#define PX_API
#endif

#define PX_VERSION "0.1.0"

typedef enum {
    PX_OK = 0,
    PX_ENOMEM, /* out of memory */
    PX_EIO,    /* a file or stream could not be read or written */
    PX_EPARSE, /* input is malformed beyond repair */
    PX_EINVAL, /* a caller passed something unusable */
    PX_EEMPTY  /* input was readable but held nothing usable */
} px_status;

typedef struct px_error {
    px_status code;
    char msg[256]; /* first error only, one line */
} px_error;

/* Returns a static English name for a status ("ok", "out of memory"...). */
PX_API const char *px_status_str(px_status st);

/* Frees memory the library handed out as "owned, free with px_free". */
PX_API void px_free(void *p);

/* ---- logging ---------------------------------------------------------- */

typedef enum {
    PX_LOG_DEBUG = 0,
    PX_LOG_INFO,
    PX_LOG_WARN,
    PX_LOG_ERROR
} px_log_level;

/* Receives one line per event, without a trailing newline. */
typedef void (*px_log_fn)(void *ctx, px_log_level level, const char *line);

/* Sets the process-wide log sink; fn NULL turns logging off (the default).
 * Not thread-safe against concurrent logging: call it before any work. */
PX_API void px_log_set(px_log_fn fn, void *ctx, px_log_level min_level);

/* ---- reading ---------------------------------------------------------- */

typedef struct px_reader px_reader; /* opaque */
typedef struct px_record px_record; /* opaque, borrowed from a reader */

typedef enum {
    PX_FORMAT_AUTO = 0, /* sniff each file's content */
    PX_FORMAT_HTML,
    PX_FORMAT_WARC,
    PX_FORMAT_JSONL,
    PX_FORMAT_TEXT
} px_format;

/* Opens a reader over paths: files, folders (walked recursively in sorted
 * order) or "-" for standard input. Files may be gzip-compressed. Nothing is
 * read until px_reader_next. The caller owns *out (px_reader_close). */
PX_API px_status px_reader_open(const char *const *paths, size_t n_paths,
                                px_format format, px_reader **out,
                                px_error *err);

/* Reads the next record. On PX_OK, *rec is the record (borrowed: valid until
 * the next call on r) or NULL when all input is consumed. Any other status
 * means one item could not be read; err holds a one-line reason naming the
 * item, and the next call goes on with the following item. */
PX_API px_status px_reader_next(px_reader *r, const px_record **rec,
                                px_error *err);

/* Counts so far: records yielded and items that failed. */
PX_API size_t px_reader_n_ok(const px_reader *r);
PX_API size_t px_reader_n_failed(const px_reader *r);

PX_API void px_reader_close(px_reader *r); /* NULL is a no-op */

/* The record's source id: "path" or "path#N" for the Nth item of a
 * container (borrowed, NUL-terminated, valid as long as the record). */
PX_API const char *px_record_source(const px_record *rec);

/* ---- extraction ------------------------------------------------------- */

typedef struct px_article px_article; /* opaque, owned by the caller */

/* Extracts the article and its metadata from one record. The caller owns
 * *out (px_article_free). Fails with PX_EEMPTY when no text could be found,
 * PX_EPARSE when the bytes are not a page (binary data). */
PX_API px_status px_extract(const px_record *rec, px_article **out,
                            px_error *err);

PX_API void px_article_free(px_article *a); /* NULL is a no-op */

/* The article's main text: paragraphs joined by "\n" (borrowed). */
PX_API const char *px_article_text(const px_article *a, size_t *len);

/* The article as one JSON object on one line (see docs/schema.json,
 * "article"). *out is owned: free it with px_free. */
PX_API px_status px_article_json(const px_article *a, char **out, size_t *len,
                                 px_error *err);

/* ---- analysis --------------------------------------------------------- */

/* The article's analysis as one JSON object on one line (docs/schema.json,
 * "analysis"): language and script with confidence, word count, every
 * figure (value, qualifier, kind, counted unit, sentence) and every date
 * mention (resolved against the publication date when it is known), with
 * byte offsets into the article text. *out is owned: free it with px_free.
 * a is not changed (its arena receives scratch data). */
PX_API px_status px_analyse_json(const px_article *a, char **out, size_t *len,
                                 px_error *err);

/* What px_analyse_json_opts adds. */
typedef struct px_analyse_opts {
    bool words; /* list every word ("word_list": offsets, key, stem, stop) */
} px_analyse_opts;

/* px_analyse_json with options (o may be NULL: the defaults). */
PX_API px_status px_analyse_json_opts(const px_article *a,
                                      const px_analyse_opts *o, char **out,
                                      size_t *len, px_error *err);

/* The concepts an article's words name, as one JSON object on one line
 * (docs/schema.json, "concepts"): language, whether a lexicon was found,
 * content-word coverage, and per concept its id name, English gloss, summed
 * weight and the words (with offsets) that produced it. Without a lexicon
 * the list is empty. *out is owned: free it with px_free. */
PX_API px_status px_concepts_json(const px_article *a, char **out, size_t *len,
                                  px_error *err);

/* ---- evaluation ------------------------------------------------------- */

/* Scores the extractor on one benchmark folder (see the datasets' README)
 * and returns a JSON report (owned, px_free). progress, when not NULL, is
 * called after each page with the count done and the total. */
typedef void (*px_progress_fn)(void *ctx, size_t done, size_t total);
PX_API px_status px_eval_extract(const char *dataset_dir, px_progress_fn fn,
                                 void *ctx, char **report_json, px_error *err);

/* ---- language identification ----------------------------------------- */

/* Names the language of len bytes of UTF-8 text: ISO 639-3, with the
 * script as a subtag where it matters ("eng", "arb", "fas", "zho-Hans",
 * "zho-Hant", "srp-Cyrl"), or "und" when the text has no letters. lang is
 * NUL-terminated; *confidence (may be NULL) is 0..1. Thread-safe. */
PX_API px_status px_langid(const char *text, size_t len, char lang[16],
                           double *confidence, px_error *err);

/* Scores language identification on an NTREX-128 folder (docs/<lang>.tsv,
 * see the datasets' README): accuracy per language version on whole
 * documents and on their first sentence, with the versions whose language
 * CLD2 cannot name listed apart. Returns a JSON report (owned, px_free).
 * progress, when not NULL, is called after each file. */
PX_API px_status px_eval_langid(const char *ntrex_dir, px_progress_fn fn,
                                void *ctx, char **report_json, px_error *err);

/* Scores the concept lexicon on an NTREX-128 folder: per language version
 * the share of content words (no stopwords, no digits) mapped to a
 * concept and the commonest uncovered keys, and cross-language retrieval
 * with concept vectors alone (tf-idf cosine; P@1 and MRR for eng, arb and
 * zho-CN pairs). lexicon_path NULL: px_lex_default_path. Returns a JSON
 * report (owned, px_free); progress is called after each version. */
PX_API px_status px_eval_concepts(const char *ntrex_dir,
                                  const char *lexicon_path, px_progress_fn fn,
                                  void *ctx, char **report_json, px_error *err);

/* ---- stories ---------------------------------------------------------- */

/* A set of articles grouped into copy groups (near-duplicates) and stories
 * (one event, within and across languages). Articles are added, then
 * px_storyset_cluster runs dedup and clustering in publication order. */
typedef struct px_storyset px_storyset; /* opaque, owned by the caller */

typedef struct px_story_opts {
    double threshold;       /* similarity to join a story; 0: default */
    double cross_threshold; /* similarity over language-independent
                               features alone that also joins; 0: default */
    double window_days;     /* story time window; 0: default (3); < 0: none */
    double dup_threshold;   /* similarity of copies; 0: default */
    int ignore_dates;       /* cluster as if no article had a date */
} px_story_opts;

/* A new set using the lexicon at lexicon_path, or when NULL the default
 * one ($PX_LEXICON, else lexicon.plx beside the program); a missing
 * default lexicon is not an error (px_storyset_has_lexicon tells), a
 * missing explicit one is (PX_EIO). o may be NULL (defaults). */
PX_API px_status px_storyset_new(const char *lexicon_path,
                                 const px_story_opts *o, px_storyset **out,
                                 px_error *err);
PX_API void px_storyset_free(px_storyset *s); /* NULL is a no-op */
PX_API int px_storyset_has_lexicon(const px_storyset *s);

/* Adds an extracted article (profiled now; a is not kept). */
PX_API px_status px_storyset_add(px_storyset *s, const px_article *a,
                                 px_error *err);
/* Adds a plain text with an id and title (lang may be NULL: identified). */
PX_API px_status px_storyset_add_text(px_storyset *s, const char *id,
                                      const char *title, const char *text,
                                      const char *lang, px_error *err);

/* Finds copy groups and stories over everything added so far. */
PX_API px_status px_storyset_cluster(px_storyset *s, px_error *err);

/* How many articles; the story and copy group of article i (in order of
 * adding), and the similarity of articles i and j (0..1: the cosine of
 * their profiles over the clustering's features, stems only within one
 * language, each shared feature weighed by its idf, pulled toward 0.15 the
 * fewer words the shorter article has; the clustering itself joins on its
 * own weights, cluster.h). */
PX_API size_t px_storyset_count(const px_storyset *s);
PX_API size_t px_storyset_n_stories(const px_storyset *s);
PX_API size_t px_storyset_story_of(const px_storyset *s, size_t i);
PX_API size_t px_storyset_copy_of(const px_storyset *s, size_t i);
PX_API double px_storyset_similarity(const px_storyset *s, size_t i, size_t j);

/* The stories as JSON (docs/schema.json, "stories"); owned, px_free. */
PX_API px_status px_storyset_json(const px_storyset *s, char **out, size_t *len,
                                  px_error *err);
/* A terminal summary of the max_stories largest stories (0: all): one
 * line each with size, languages, sources and headline. Owned, px_free. */
PX_API px_status px_storyset_summary(const px_storyset *s, size_t max_stories,
                                     char **out, size_t *len, px_error *err);

/* ---- story sheets ----------------------------------------------------- */

/* A story sheet lines up the articles of one story fact by fact: sources,
 * actors and places with their names per language, the timeline of dates
 * the texts state, figures grouped by what they count (differing values
 * flagged), dates that differ, claims aligned across sources (said by all,
 * most, some, one), quotes grouped by speaker, and each source's framing
 * words; every item carries byte offsets into its article's text. */

/* Pseudo story id: every article of the set as one story. */
#define PX_STORY_ALL ((size_t)-1)

/* The story id at rank (1-based, the order of px_storyset_summary), or
 * SIZE_MAX when there is no such rank. After px_storyset_cluster. */
PX_API size_t px_storyset_story_at(const px_storyset *s, size_t rank);

/* The sheet of story (an id from px_storyset_json, or PX_STORY_ALL) as one
 * JSON object (docs/schema.json, "sheet"); owned, px_free. Fails with
 * PX_EINVAL for an unknown story, PX_ENOMEM. */
PX_API px_status px_storyset_sheet_json(const px_storyset *s, size_t story,
                                        char **out, size_t *len, px_error *err);
/* The same sheet as text for a terminal (UTF-8); owned, px_free. */
PX_API px_status px_storyset_sheet_text(const px_storyset *s, size_t story,
                                        char **out, size_t *len, px_error *err);
/* One self-contained HTML page (no scripts, no external resources) with
 * the max_stories largest stories of two or more articles (0: all) and
 * their sheets: sources as columns, differences highlighted, spans marked
 * in the original texts, right-to-left scripts rendered right-to-left. All
 * article text is escaped. Owned, px_free. */
PX_API px_status px_storyset_report_html(const px_storyset *s,
                                         size_t max_stories, char **out,
                                         size_t *len, px_error *err);

/* Scores the story similarity on the SemEval-2022 Task 8 sample folder
 * (pairs.tsv): Pearson's r between the similarity (on the 1..4 scale) and
 * the human 'Overall' grade, for the pairs in their original languages and
 * for all pairs, with the breakdown by language pair. A text found under
 * two or more URLs of the file is a scraper's notice rather than the
 * graded article: pairs holding one are left out of those figures, counted
 * under "not_articles", and the figures over every pair are kept under
 * "every_original" and "every". JSON report owned (px_free). lexicon_path
 * NULL: the default lexicon. */
PX_API px_status px_eval_pairs(const char *semeval_dir,
                               const char *lexicon_path, char **report_json,
                               px_error *err);

/* Scores story clustering on an NTREX-128 folder: the versions in the
 * comma-separated list (NULL: eng,arb,zho-CN,zho-TW,fra,deu,rus,spa) are
 * clustered together, dates ignored; pairwise and B-cubed P/R/F1 (strict
 * protocol), the cross-language pairs alone, retrieval P@1 and MRR, and
 * the English re-edits' copy groups. o may be NULL (defaults); dates are
 * ignored either way. JSON report owned (px_free). */
PX_API px_status px_eval_stories(const char *ntrex_dir, const char *versions,
                                 const char *lexicon_path,
                                 const px_story_opts *o, px_progress_fn fn,
                                 void *ctx, char **report_json, px_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PX_PARALLAX_H */
