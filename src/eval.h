/* eval.h - scoring the extractor on the benchmark datasets, each with its
 * own published metric (see ../shared/data/extraction/README.md):
 * scrapinghub-aeb (shingle P/R/F1, accuracy), trafilatura-eval (with/without
 * segments), wcxb (bag-of-words macro P/R/F1), zh-cwced (scrapinghub metric
 * plus a CJK character-bigram score). Dates and titles are scored where gold
 * exists. The dataset kind is recognised from the folder's files.
 *
 * The scoring core never extracts anything itself: px_eval_run calls a
 * px_eval_extract_fn for each page, so the same code scores our extractor
 * (eval_run.c), published outputs of other tools and JSON Lines predictions
 * (px_eval_preds). Metric code: eval_metric.c; dataset loading: eval_data.c;
 * runs and reports: eval.c.
 */
#ifndef PX_EVAL_H
#define PX_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "parallax.h"
#include "str.h"

/* Macro scores of one metric. accuracy is negative when the metric defines
 * none (wcxb, CJK bigrams). n_pages counts the pages scored. */
typedef struct px_prf {
    double p, r, f1, accuracy;
    size_t n_pages;
} px_prf;

/* ---- metrics (eval_metric.c) ------------------------------------------ */

/* Scrapinghub metric over parallel arrays of (gold, predicted) texts: \w+
 * tokens (Python re semantics: letters, numbers, "_"), 4-gram shingles as
 * multisets (a text of 1-3 tokens is one shingle), per-page tp/fp/fn
 * normalised to sum 1, P and R averaged over the pages where they are
 * defined, F1 = 2PR/(P+R), accuracy = share of identical token sequences.
 * A predicted text with a NULL ptr counts as empty. Fails only on OOM. */
px_status px_eval_shingle_score(const px_str *gold, const px_str *pred,
                                size_t n, px_prf *out, px_error *err);

/* WCXB metric: \w+ tokens of the lower-cased text as a bag of words; per
 * page P = overlap/|pred|, R = overlap/|gold|, F1 = 2PR/(P+R); an empty gold
 * scores 1 if the prediction is empty too, else 0; an empty prediction
 * scores 0. P, R and F1 are the means of the per-page values. */
px_status px_eval_bow_score(const px_str *gold, const px_str *pred, size_t n,
                            px_prf *out, px_error *err);

/* CJK score: the characters that are neither white space nor punctuation
 * (Unicode P*, Z*, C*) are kept in order; their adjacent pairs (a single
 * kept character is one unigram) are compared as multisets, with the WCXB
 * per-page rules and macro means above. */
px_status px_eval_cjk_score(const px_str *gold, const px_str *pred, size_t n,
                            px_prf *out, px_error *err);

/* One trafilatura-eval page: segments that must (with) and must not
 * (without) occur in the extracted text. */
typedef struct px_eval_segs {
    const px_str *with;
    size_t n_with;
    const px_str *without;
    size_t n_without;
} px_eval_segs;

/* trafilatura-eval metric: white space (Python \s) collapsed to one space
 * and stripped in segments and prediction, a segment is present if it is a
 * substring; tp/fn/fp/tn summed over all pages (micro); P = tp/(tp+fp),
 * R = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn), accuracy = (tp+tn)/all. A NULL or
 * empty prediction has no segment present. */
px_status px_eval_segment_score(const px_eval_segs *pages, const px_str *pred,
                                size_t n, px_prf *out, px_error *err);

/* Calls emit() for each \w+ token of s (Python re semantics). */
typedef void (*px_eval_token_fn)(void *ctx, px_str token);
void px_eval_tokens(px_str s, px_eval_token_fn emit, void *ctx);

/* ---- datasets (eval_data.c) ------------------------------------------- */

typedef enum {
    PX_EVAL_SCRAPINGHUB = 0,
    PX_EVAL_TRAFILATURA,
    PX_EVAL_WCXB,
    PX_EVAL_ZH_CWCED
} px_eval_kind;

/* Gold date precision, as far as it is known. */
typedef enum {
    PX_EVAL_DATE_UNKNOWN = 0, /* no date annotation */
    PX_EVAL_DATE_NONE,        /* annotated: the page has no date */
    PX_EVAL_DATE_PARTIAL,     /* year or month only */
    PX_EVAL_DATE_DAY          /* date is "YYYY-MM-DD" */
} px_eval_date_kind;

/* One dev page. Strings live in the dataset's arena. */
typedef struct px_eval_page {
    const char *id;    /* file name without .html.gz */
    const char *path;  /* the page file */
    const char *url;   /* the page's URL from the gold, or NULL */
    px_str gold;       /* main text; empty for trafilatura-eval */
    px_eval_segs segs; /* trafilatura-eval only */
    const char *title; /* gold title, NULL when none */
    px_eval_date_kind date_kind;
    char date[16];      /* "YYYY-MM-DD" when date_kind is DAY */
    const char *script; /* ISO 15924 code of the gold's main script */
} px_eval_page;

typedef struct px_eval_dataset {
    px_arena *arena;
    px_eval_kind kind;
    const char *name; /* "scrapinghub-aeb", "trafilatura-eval"... */
    px_eval_page *pages;
    size_t n_pages; /* sorted by id */
} px_eval_dataset;

/* Recognises the dataset in dir by its files and loads its dev pages and
 * gold. The caller owns *out (px_eval_dataset_free). PX_EINVAL when dir is
 * no known dataset, PX_EIO/PX_EPARSE for unreadable or malformed gold. */
px_status px_eval_dataset_load(const char *dir, px_eval_dataset **out,
                               px_error *err);
void px_eval_dataset_free(px_eval_dataset *ds); /* NULL is a no-op */

/* "scrapinghub-aeb", "trafilatura-eval", "wcxb", "zh-cwced". */
const char *px_eval_kind_name(px_eval_kind k);

/* ---- runs (eval.c) ---------------------------------------------------- */

/* What an extractor produced for one page. arena is set by the caller
 * (px_eval_run) before the call; the callee puts its strings there. NULL
 * fields mean "nothing found"; date is ISO 8601 ("2024-05-01T10:00..."). */
typedef struct px_eval_output {
    px_arena *arena;
    const char *text;
    size_t text_len;
    const char *title;
    const char *date;
    /* how the extractor found the date: its "date" signal without the
     * field ("jsonld:datePublished", "meta:...:unseen", "seen:headline",
     * "text:near-title"...), NULL when not known (prediction files) */
    const char *date_how;
} px_eval_output;

/* Where a predicted date came from, for telling dates a page declares
 * from dates read off its text when the gold says it has none. */
typedef enum px_eval_date_origin {
    PX_EVAL_ORIGIN_UNKNOWN,  /* no signal (a prediction file) */
    PX_EVAL_ORIGIN_DECLARED, /* stated by markup (JSON-LD, meta, time), the
                              * URL or the crawl record */
    PX_EVAL_ORIGIN_UNSEEN,   /* stated by markup, and the extractor saw that
                              * day nowhere in the visible text (":unseen") */
    PX_EVAL_ORIGIN_TEXT,     /* read off the visible text or the title */
    PX_EVAL_N_ORIGINS
} px_eval_date_origin;

/* The origin a date signal (px_eval_output.date_how) names. */
px_eval_date_origin px_eval_date_origin_of(const char *how);

/* Extracts one page (the extractor may use page->path and page->url, never
 * the gold). PX_ENOMEM aborts the run; any other failure counts the page as
 * failed and scores it as an empty output. */
typedef px_status (*px_eval_extract_fn)(void *ctx, const px_eval_page *page,
                                        px_eval_output *out);

#define PX_EVAL_MAX_GROUPS 8

/* Scores on the pages whose gold is mostly in one script. */
typedef struct px_eval_group {
    char script[8];
    px_prf prf;
} px_eval_group;

/* One page's scores: the dataset's metric on the page alone. */
typedef struct px_eval_page_score {
    const char *id; /* borrowed from the dataset */
    double p, r, f1;
    bool failed;
    int date_ok;        /* 1 right day, 0 wrong or none, -1 no gold day */
    int title_ok;       /* 1 match, 0 no match, -1 no gold title */
    char date_pred[32]; /* the extractor's date ("" none), for inspection */
    char date_gold[16]; /* the gold day ("" none or coarser) */
    char date_how[48];  /* px_eval_output.date_how ("" unknown) */
} px_eval_page_score;

typedef struct px_eval_result {
    px_eval_kind kind;
    size_t n_pages;
    size_t n_failed; /* callback failures (scored as empty) */
    size_t n_empty;  /* empty outputs, failures included */
    px_prf main;     /* the dataset's own metric */
    bool has_cjk;
    px_prf cjk; /* zh-cwced: character bigrams */
    px_eval_group groups[PX_EVAL_MAX_GROUPS];
    size_t n_groups;    /* 0 when all pages share one script */
    size_t n_date_gold; /* pages with a gold date to the day */
    size_t n_date_ok;   /* ... whose predicted day matches */
    /* n_date_ok by px_eval_date_origin */
    size_t n_ok_from[PX_EVAL_N_ORIGINS];
    size_t n_date_none;     /* pages annotated as having no date */
    size_t n_date_invented; /* ... for which a date was predicted */
    /* n_date_invented by px_eval_date_origin */
    size_t n_invented_from[PX_EVAL_N_ORIGINS];
    size_t n_title_gold;
    size_t n_title_ok;         /* normalised exact match */
    double seconds;            /* wall time spent in the callback */
    px_eval_page_score *pages; /* n_pages entries, in the dataset's order */
} px_eval_result;

/* Runs fn on every page of ds and scores the outputs. progress (may be
 * NULL) is called after each page. On PX_OK the caller releases *out with
 * px_eval_result_fini; it borrows page ids from ds, so it must not outlive
 * ds. On failure *out holds nothing to release. */
px_status px_eval_run(const px_eval_dataset *ds, px_eval_extract_fn fn,
                      void *ctx, px_progress_fn progress, void *pctx,
                      px_eval_result *out, px_error *err);

/* Frees the per-page scores; r may be NULL. */
void px_eval_result_fini(px_eval_result *r);

/* The result as one JSON object on one line (owned, px_free), with the
 * per-page scores under "pages". */
px_status px_eval_result_json(const px_eval_result *r, char **json,
                              px_error *err);

/* True when the normalised titles are equal: case-folded, white space
 * collapsed, leading and trailing punctuation and spaces removed. */
bool px_eval_title_eq(const char *gold, const char *pred);

/* ---- predictions from other tools (eval.c) ----------------------------- */

typedef struct px_eval_preds px_eval_preds;

/* Loads predictions keyed by page id from path: JSON Lines of
 * {"id", "text", optional "title", "date"}, or one JSON object in the
 * scrapinghub format {"<id>": {"articleBody": ...}}, possibly wrapped as
 * {"output": {...}}. The caller owns *out (px_eval_preds_free). */
px_status px_eval_preds_load(const char *path, px_eval_preds **out,
                             px_error *err);
void px_eval_preds_free(px_eval_preds *p); /* NULL is a no-op */

/* A px_eval_extract_fn over loaded predictions (ctx is the px_eval_preds):
 * looks page->id up; PX_EEMPTY when it is missing. */
px_status px_eval_preds_extract(void *ctx, const px_eval_page *page,
                                px_eval_output *out);

/* Number of predictions loaded. */
size_t px_eval_preds_count(const px_eval_preds *p);

/* Scores the predictions in predictions_path (see px_eval_preds_load) on the
 * dataset in dataset_dir, as px_eval_extract does for our extractor; pages
 * without a prediction count as failed. *report_json is owned (px_free). */
px_status px_eval_score_file(const char *dataset_dir,
                             const char *predictions_path, char **report_json,
                             px_error *err);

#endif /* PX_EVAL_H */
