/* sheet.h - the story sheet: one story's articles lined up fact by fact.
 *
 * px_sheet_build analyses each article of a story again (words, concepts,
 * figures, date mentions, sentences) and lines them up: figures grouped by
 * what they count (a specific px_unit such as deaths, or for generic units
 * the figures whose values or sentences meet), date mentions by day,
 * sentences aligned into claims (greedy, by idf-weighted cosine over
 * concepts, figure values and days), quotes and reported speech with their
 * speaker, and per source the words no other source uses. A source is one
 * article; sources are numbered 0.. in time order. Every span is a byte
 * range into its source's text. Everything lives in the sheet's arena.
 * Articles without a publication date resolve their dates against the
 * story's earliest one.
 */
#ifndef PX_SHEET_H
#define PX_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "concepts.h"
#include "datetext.h"
#include "error.h"
#include "figures.h"
#include "story.h"
#include "str.h"
#include "words.h"

typedef struct px_span {
    uint32_t src; /* source number */
    uint32_t off; /* bytes into the source's text */
    uint32_t len;
} px_span;

typedef struct px_sheet_sent {
    size_t off;
    size_t len;
    uint64_t *feats; /* sorted, unique: concepts, figure values, days */
    float *w;        /* idf weight of each feature */
    size_t n_feats;
    double norm;
    size_t claim; /* claim number */
} px_sheet_sent;

typedef struct px_sheet_src {
    size_t art; /* article index in the storyset */
    const px_story_art *a;
    px_str text;
    px_date anchor;
    bool is_rtl;
    px_word *words;
    size_t n_words;
    px_concept_occ *occ; /* best sense per word span only */
    size_t n_occ;
    px_concept *cset; /* the concepts of occ, sorted, unique */
    size_t n_cset;
    px_concept_occ *occ_all; /* every sense of weight >= 0.4 (features) */
    size_t n_occ_all;
    px_figure *figs;      /* quantities only */
    px_concept *fig_what; /* per figure: the concept counted after it, or 0 */
    size_t n_figs;
    px_date_mention *dates;
    size_t n_dates;
    px_sheet_sent *sents;
    size_t n_sents;
} px_sheet_src;

/* One value of a figure group, as one source states it. */
typedef struct px_sheet_val {
    const px_figure *fig;
    uint32_t src;
    bool is_lead; /* the source's first figure of the group */
} px_sheet_val;

typedef struct px_sheet_fig {
    px_unit unit;
    px_concept what; /* for generic units: the counted concept, or 0 */
    px_sheet_val *vals;
    size_t n_vals;
    size_t n_sources;
    bool differs;      /* sources give different values */
    bool lead_differs; /* their first values differ */
    bool has_several;  /* one source gives two values */
} px_sheet_fig;

typedef struct px_sheet_day {
    char date[16]; /* "2026-01-05" or "2026-01" */
    px_span *spans;
    size_t n_spans;
    size_t n_sources;
} px_sheet_day;

/* Two sources putting one event on different days. */
typedef struct px_sheet_datediff {
    px_span a; /* the date mentions */
    px_span b;
    char day_a[16];
    char day_b[16];
    double sim; /* of their sentences */
} px_sheet_datediff;

typedef struct px_sheet_claim {
    px_span *sents; /* one sentence per source */
    size_t n;
    size_t n_aligned; /* sents[0..n_aligned) were aligned greedily; the
                         rest are looser matches of other sources */
} px_sheet_claim;

typedef struct px_sheet_quote {
    px_span span;    /* the quoted words, or the clause of reported speech */
    px_span speaker; /* the speaker's name as written; len 0 if unknown */
    px_concept who;  /* the speaker's concept, or 0 */
    bool is_direct;  /* between quotation marks */
    size_t group;    /* same words across sources share a group */
} px_sheet_quote;

typedef struct px_sheet_actor {
    px_concept c;
    px_span *names; /* first mention per source */
    size_t n_names;
    size_t n_mentions;
} px_sheet_actor;

typedef struct px_sheet_frame {
    px_concept c;
    px_span span; /* its first use */
    size_t count;
} px_sheet_frame;

typedef struct px_sheet_ext px_sheet_ext; /* per-concept cache (sheet.c) */

typedef struct px_sheet {
    px_arena *arena;
    const px_storyset *set;
    const px_lex *lex;
    int eng;       /* the lexicon's index of English (base forms), or -1 */
    size_t story;  /* story id or PX_STORY_ALL */
    size_t n_arts; /* articles of the story (n_srcs of them are shown) */
    px_sheet_src *srcs;
    size_t n_srcs;
    px_sheet_actor *actors;
    size_t n_actors;
    px_sheet_day *days;
    size_t n_days;
    px_sheet_datediff *ddiffs;
    size_t n_ddiffs;
    px_sheet_fig *figs;
    size_t n_figs;
    px_sheet_claim *claims; /* by decreasing support */
    size_t n_claims;
    px_sheet_quote *quotes; /* by speaker, then group */
    size_t n_quotes;
    px_sheet_frame **frames; /* per source */
    size_t *n_frames;
    px_sheet_ext *ext; /* what each concept adds to sentence features */
    size_t ext_cap;
    size_t n_ext;
    uint64_t *df; /* every sentence's features, sorted (the idf) */
    size_t n_df;
    size_t n_df_sents; /* sentences of the sheet */
} px_sheet;

/* Kinds of sentence features (the top byte of a feature). */
#define PX_SHEET_FEAT_CONCEPT 1 /* a concept (the low bits) */
#define PX_SHEET_FEAT_VALUE   2 /* a figure's value times 100 */
#define PX_SHEET_FEAT_DAY     3 /* a day */
#define PX_SHEET_FEAT_PLACE   4 /* a place by name (Gaza Strip = Gaza) */
#define PX_SHEET_FEAT_POLAR   5 /* a polarity of a quote (sheet_quote.c) */

#define PX_SHEET_MAX_SOURCES 64 /* sources of one sheet at most */

/* Builds the sheet of story (PX_STORY_ALL: every article) of a clustered
 * set; *out is owned (px_sheet_free). Fails with PX_EINVAL for a story
 * with no article, PX_ENOMEM, or PX_EINVAL when ICU fails. */
px_status px_sheet_build(const px_storyset *s, size_t story, px_sheet **out,
                         px_error *err);

/* px_sheet_build with at most max_srcs sources (0 or more than
 * PX_SHEET_MAX_SOURCES: that many): for a larger story, the first article
 * of each copy group before any copy, in time order (n_arts tells how many
 * the story has). */
px_status px_sheet_build_n(const px_storyset *s, size_t story, size_t max_srcs,
                           px_sheet **out, px_error *err);
void px_sheet_free(px_sheet *sh); /* NULL is a no-op */

/* Alignment steps, called by px_sheet_build (sheet_align.c). */
px_status px_sheet_figures(px_sheet *sh, px_error *err);
px_status px_sheet_claims(px_sheet *sh, px_error *err);
px_status px_sheet_quotes(px_sheet *sh, px_error *err); /* sheet_quote.c */

/* The weighted features of the span [off, off+len) of source s, as a
 * sentence of no claim (arena), with room for extra more features after
 * them (kinds above PX_SHEET_FEAT_PLACE keep them sorted). Fails only
 * with PX_ENOMEM. */
px_status px_sheet_span_vec(px_sheet *sh, const px_sheet_src *s, size_t off,
                            size_t len, size_t extra, px_sheet_sent *out,
                            px_error *err);

/* Polarity of quoted words (px_sheet_polarity). */
#define PX_SHEET_POLAR_NEG    1u /* a negation: not, 没, لم */
#define PX_SHEET_POLAR_NOBODY 2u /* nobody, 没有人, or a negated "anyone" */

/* The polarity (PX_SHEET_POLAR_* bits) of the words of s that start in
 * [off, off+len) (sheet_quote.c). */
unsigned px_sheet_polarity(const px_sheet_src *s, size_t off, size_t len);

/* Cosine of two sentences' weighted features. */
double px_sheet_sim(const px_sheet_sent *a, const px_sheet_sent *b);

/* Union-find root of i in parent array p, halving the path on the way
 * (claims and figures in sheet_align.c, quotes in sheet_quote.c). */
size_t px_sheet_uf_find(size_t *p, size_t i);

/* The sentence of source src holding byte off (its index), or SIZE_MAX. */
size_t px_sheet_sent_at(const px_sheet_src *src, size_t off);

/* Appends the sheet as JSON, or as terminal text (sheet_out.c). */
void px_sheet_write_json(const px_sheet *sh, px_buf *b);
void px_sheet_write_text(const px_sheet *sh, px_buf *b);

/* Appends one story's section of the HTML report (report.c). */
void px_sheet_write_html(const px_sheet *sh, size_t rank, px_buf *b);

/* Support label for n of total sources: "all", "most", "some", "one". */
const char *px_sheet_support(size_t n, size_t total);

#endif /* PX_SHEET_H */
