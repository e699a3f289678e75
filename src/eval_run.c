/* eval_run.c - px_eval_extract: scores our own extractor on a benchmark
 * folder by wiring the public reader and extractor into px_eval_run.
 *
 * Each page is read on its own (px_reader_open on the page file, which may
 * be gzip-compressed) so a failure stays with its page; the record gets the
 * page's URL when the dataset knows it. The article's text,
 * title and date (with its "date" signal) are copied into the output arena
 * before the article is freed.
 */
#include <string.h>

#include "arena.h"
#include "article.h"
#include "error.h"
#include "eval.h"
#include "parallax.h"
#include "record.h"

static void
copy_article(const px_article *a, px_eval_output *out)
{
    size_t len = 0;
    const char *text = px_article_text(a, &len);
    if (text != NULL) {
        out->text = px_arena_strndup(out->arena, text, len);
        out->text_len = out->text != NULL ? len : 0;
    }
    if (a->title != NULL) {
        out->title = px_arena_strndup(out->arena, a->title, strlen(a->title));
    }
    if (a->published.prec != PX_PREC_NONE) {
        char buf[32];
        px_date_format(&a->published, buf);
        out->date = px_arena_strndup(out->arena, buf, strlen(buf));
        for (size_t i = 0; i < a->n_signals; i++) {
            if (strncmp(a->signals[i], "date:", 5) == 0) {
                const char *how = a->signals[i] + 5;
                out->date_how = px_arena_strndup(out->arena, how, strlen(how));
            }
        }
    }
}

/* A px_eval_extract_fn running px_extract on one page file. The page's URL
 * is handed on as a crawler would (a WARC record has it), never its gold. */
static px_status
extract_page(void *ctx, const px_eval_page *page, px_eval_output *out)
{
    (void)ctx;
    const char *const paths[1] = {page->path};
    px_reader *r = NULL;
    const px_record *rec = NULL;
    px_article *a = NULL;
    px_status rc = px_reader_open(paths, 1, PX_FORMAT_HTML, &r, NULL);
    if (rc == PX_OK) {
        rc = px_reader_next(r, &rec, NULL);
    }
    if (rc == PX_OK && rec == NULL) {
        rc = PX_EEMPTY;
    }
    if (rc == PX_OK) {
        px_record with_url = *rec;
        if (with_url.url == NULL) {
            with_url.url = page->url;
        }
        rc = px_extract(&with_url, &a, NULL);
    }
    if (rc == PX_OK) {
        copy_article(a, out);
    }
    px_article_free(a);
    px_reader_close(r);
    return rc;
}

px_status
px_eval_extract(const char *dataset_dir, px_progress_fn fn, void *ctx,
                char **report_json, px_error *err)
{
    if (dataset_dir == NULL || report_json == NULL) {
        return px_fail(err, PX_EINVAL, "eval: no dataset folder given");
    }
    *report_json = NULL;
    px_eval_dataset *ds = NULL;
    px_status rc = px_eval_dataset_load(dataset_dir, &ds, err);
    px_eval_result res;
    if (rc == PX_OK) {
        rc = px_eval_run(ds, extract_page, NULL, fn, ctx, &res, err);
    }
    if (rc == PX_OK) {
        rc = px_eval_result_json(&res, report_json, err);
        px_eval_result_fini(&res);
    }
    px_eval_dataset_free(ds);
    return rc;
}
