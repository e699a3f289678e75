/* eval_langid.c - scoring language identification on NTREX-128
 * (../shared/data/crosslingual/README.md): 129 versions of the same news
 * documents, one docs/<lang>.tsv per version.
 *
 * Each version is scored three ways: on whole documents, on the headline
 * (first \n-separated segment) and on the first sentence (the segment after
 * the headline; the headline when there is none). The gold language is the
 * version's code without its region or variant ("eng-GB" and "spa-ref2" are
 * eng and spa), except that Chinese keeps its script ("zho-CN" is
 * zho-Hans, "zho-TW" zho-Hant) and Serbian its script subtag. Two gold
 * codes are scored as the code langid gives for the same language: fil
 * (Filipino, the standard form of Tagalog) as tgl and prs (Dari, a member
 * of the Persian macrolanguage) as fas. A version is "supported" when
 * CLD2's tables can name its language in the script its documents use.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "error.h"
#include "langid.h"
#include "parallax.h"
#include "str.h"
#include "tsvdata.h"

#define MAX_WRONG 4

typedef struct score {
    size_t correct;
    size_t n;
    double conf_right; /* sum of the confidences of right answers */
    double conf_wrong; /* ... of wrong ones */
} score;

typedef struct wrong {
    char code[16];
    size_t n;
} wrong;

typedef struct version {
    char lang[32];  /* NTREX code */
    char gold[16];  /* what langid should say */
    char script[8]; /* main script of its first document */
    score whole;
    score headline;
    score first;
    wrong wrong[MAX_WRONG]; /* commonest wrong answers on whole docs */
} version;

/* Reads a whole file into b (NUL-terminated), naming this evaluation in
 * the error. */
static px_status
read_file(const char *path, px_buf *b, px_error *err)
{
    px_error inner = {0};
    const px_status rc = px_tsv_read_file(path, b, &inner);
    return rc == PX_OK ? PX_OK : px_fail_in(err, "eval langid", &inner);
}

/* The gold code for an NTREX version code (see the file comment). */
static void
gold_code(const char *lang, char gold[16])
{
    static const char *const fixed[][2] = {
        {"zho-CN", "zho-Hans"},   {"zho-TW", "zho-Hant"},
        {"srp-Cyrl", "srp-Cyrl"}, {"srp-Latn", "srp-Latn"},
        {"fil", "tgl"},           {"prs", "fas"},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (strcmp(lang, fixed[i][0]) == 0) {
            snprintf(gold, 16, "%s", fixed[i][1]);
            return;
        }
    }
    const char *dash = strchr(lang, '-');
    const int n = dash != NULL ? (int)(dash - lang) : (int)strlen(lang);
    snprintf(gold, 16, "%.*s", n, lang);
}

static void
add_wrong(version *v, const char *code)
{
    for (size_t i = 0; i < MAX_WRONG; i++) {
        if (v->wrong[i].n == 0) {
            snprintf(v->wrong[i].code, sizeof v->wrong[i].code, "%s", code);
        }
        if (strcmp(v->wrong[i].code, code) == 0) {
            v->wrong[i].n++;
            return;
        }
    }
}

/* Identifies text and counts the answer in sc. */
static px_status
tally(version *v, score *sc, px_str text, bool is_whole, px_error *err)
{
    px_langid_result r;
    const px_status rc = px_langid_detect(text, &r, err);
    if (rc != PX_OK) {
        return rc;
    }
    if (is_whole && v->whole.n == 0) {
        snprintf(v->script, sizeof v->script, "%s", r.script);
    }
    sc->n++;
    if (strcmp(r.lang, v->gold) == 0) {
        sc->correct++;
        sc->conf_right += r.confidence;
    } else {
        sc->conf_wrong += r.confidence;
        if (is_whole) {
            add_wrong(v, r.lang);
        }
    }
    return PX_OK;
}

/* Scores one document: whole, headline, first sentence. */
static px_status
score_doc(version *v, px_str text, px_error *err)
{
    const char *nl = memchr(text.ptr, '\n', text.len);
    const px_str head = {text.ptr,
                         nl != NULL ? (size_t)(nl - text.ptr) : text.len};
    px_str first = head;
    if (nl != NULL) {
        const px_str rest = {nl + 1, text.len - head.len - 1};
        const char *nl2 = memchr(rest.ptr, '\n', rest.len);
        first = (px_str){rest.ptr,
                         nl2 != NULL ? (size_t)(nl2 - rest.ptr) : rest.len};
    }
    px_status rc = tally(v, &v->whole, text, true, err);
    if (rc == PX_OK) {
        rc = tally(v, &v->headline, head, false, err);
    }
    if (rc == PX_OK) {
        rc = tally(v, &v->first, first, false, err);
    }
    return rc;
}

/* Scores every document of docs/<lang>.tsv. */
static px_status
score_version(const char *dir, version *v, px_buf *file, px_buf *text,
              px_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/%s.tsv", dir, v->lang);
    file->len = 0;
    px_status rc = read_file(path, file, err);
    px_str rest = {file->ptr, file->len};
    px_str line;
    for (bool header = true; rc == PX_OK && px_tsv_next_line(&rest, &line);
         header = false) {
        if (header || line.len == 0) {
            continue;
        }
        px_tsv_unescape(px_tsv_field(line, 4), text);
        rc = px_buf_failed(text)
                 ? px_fail(err, PX_ENOMEM, "eval langid: out of memory")
                 : score_doc(v, (px_str){text->ptr, text->len}, err);
    }
    return rc;
}

/* The version codes: the first column of languages.tsv. */
static px_status
load_versions(const char *dir, version **out, size_t *n_out, px_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/languages.tsv", dir);
    px_buf b;
    px_buf_init(&b);
    px_status rc = read_file(path, &b, err);
    size_t n = 0;
    for (size_t i = 0; rc == PX_OK && i < b.len; i++) {
        n += b.ptr[i] == '\n';
    }
    version *v = rc == PX_OK ? px_calloc(n + 1, sizeof *v) : NULL;
    if (rc == PX_OK && v == NULL) {
        rc = px_fail(err, PX_ENOMEM, "eval langid: out of memory");
    }
    size_t k = 0;
    for (const char *p = rc == PX_OK ? b.ptr : NULL; p != NULL && *p;) {
        const char *nl = strchr(p, '\n');
        const size_t len = strcspn(p, "\t\n");
        if (p != b.ptr && len > 0 && len < sizeof v[k].lang && k <= n) {
            snprintf(v[k].lang, sizeof v[k].lang, "%.*s", (int)len, p);
            gold_code(v[k].lang, v[k].gold);
            k++;
        }
        p = nl != NULL ? nl + 1 : NULL;
    }
    px_buf_fini(&b);
    *out = v;
    *n_out = k;
    return rc;
}

static double
acc(score s)
{
    return s.n > 0 ? (double)s.correct / (double)s.n : 0.0;
}

static bool
is_supported(const version *v)
{
    return px_langid_cld2_supports(v->gold, v->script);
}

static void
json_version(px_buf *b, const version *v)
{
    px_buf_add_c(b, "{\"lang\":");
    px_buf_add_json_str(b, px_str_c(v->lang));
    px_buf_add_c(b, ",\"gold\":");
    px_buf_add_json_str(b, px_str_c(v->gold));
    px_buf_add_c(b, ",\"script\":");
    px_buf_add_json_str(b, px_str_c(v->script));
    px_buf_printf(b,
                  ",\"supported\":%s,\"docs\":%zu,\"whole\":%.4f,"
                  "\"headline\":%.4f,\"first_sentence\":%.4f,\"wrong\":{",
                  is_supported(v) ? "true" : "false", v->whole.n, acc(v->whole),
                  acc(v->headline), acc(v->first));
    for (size_t i = 0; i < MAX_WRONG && v->wrong[i].n > 0; i++) {
        px_buf_add_c(b, i > 0 ? "," : "");
        px_buf_add_json_str(b, px_str_c(v->wrong[i].code));
        px_buf_printf(b, ":%zu", v->wrong[i].n);
    }
    px_buf_add_c(b, "}}");
}

/* Totals over the supported versions, and the lists of those under 99%
 * on whole documents and of the unsupported ones. */
static void
score_add(score *to, const score *from)
{
    to->correct += from->correct;
    to->n += from->n;
    to->conf_right += from->conf_right;
    to->conf_wrong += from->conf_wrong;
}

static double
mean(double sum, size_t n)
{
    return n > 0 ? sum / (double)n : 0.0;
}

static void
json_summary(px_buf *b, const version *v, size_t n)
{
    score whole = {0, 0, 0.0, 0.0};
    score head = whole;
    score first = whole;
    score all = whole;
    double min_whole = 1.0;
    size_t n_sup = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_supported(&v[i])) {
            n_sup++;
            score_add(&whole, &v[i].whole);
            score_add(&head, &v[i].headline);
            score_add(&first, &v[i].first);
            min_whole =
                acc(v[i].whole) < min_whole ? acc(v[i].whole) : min_whole;
        }
    }
    score_add(&all, &whole);
    score_add(&all, &head);
    score_add(&all, &first);
    px_buf_printf(b,
                  "\"supported\":{\"n_versions\":%zu,\"docs\":%zu,"
                  "\"whole\":%.4f,\"headline\":%.4f,\"first_sentence\":%.4f,"
                  "\"confidence_right\":%.3f,\"confidence_wrong\":%.3f,"
                  "\"min_whole\":%.4f,\"below_99\":[",
                  n_sup, whole.n, acc(whole), acc(head), acc(first),
                  mean(all.conf_right, all.correct),
                  mean(all.conf_wrong, all.n - all.correct), min_whole);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (is_supported(&v[i]) && acc(v[i].whole) < 0.99) {
            px_buf_add_c(b, k++ > 0 ? "," : "");
            px_buf_add_json_str(b, px_str_c(v[i].lang));
        }
    }
    px_buf_printf(b, "]},\"unsupported\":{\"n_versions\":%zu,\"versions\":[",
                  n - n_sup);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (!is_supported(&v[i])) {
            px_buf_add_c(b, k++ > 0 ? "," : "");
            px_buf_add_json_str(b, px_str_c(v[i].lang));
        }
    }
    px_buf_add_c(b, "]}");
}

static px_status
report(const version *v, size_t n, char **report_json, px_error *err)
{
    px_buf b;
    px_buf_init(&b);
    px_buf_printf(&b,
                  "{\"dataset\":\"ntrex128\",\"first_sentence\":\"the "
                  "segment after the headline\",\"sample_bytes\":%d,"
                  "\"n_versions\":%zu,",
                  PX_LANGID_SAMPLE, n);
    json_summary(&b, v, n);
    px_buf_add_c(&b, ",\"versions\":[");
    for (size_t i = 0; i < n; i++) {
        px_buf_add_c(&b, i > 0 ? "," : "");
        json_version(&b, &v[i]);
    }
    px_buf_add_c(&b, "]}");
    *report_json = px_buf_take(&b, NULL);
    return *report_json != NULL
               ? PX_OK
               : px_fail(err, PX_ENOMEM, "eval langid: out of memory");
}

px_status
px_eval_langid(const char *ntrex_dir, px_progress_fn fn, void *ctx,
               char **report_json, px_error *err)
{
    *report_json = NULL;
    version *v = NULL;
    size_t n = 0;
    px_buf file;
    px_buf text;
    px_buf_init(&file);
    px_buf_init(&text);
    px_status rc = load_versions(ntrex_dir, &v, &n, err);
    for (size_t i = 0; rc == PX_OK && i < n; i++) {
        rc = score_version(ntrex_dir, &v[i], &file, &text, err);
        if (fn != NULL) {
            fn(ctx, i + 1, n);
        }
    }
    if (rc == PX_OK) {
        rc = report(v, n, report_json, err);
    }
    px_buf_fini(&file);
    px_buf_fini(&text);
    px_free(v);
    return rc;
}
