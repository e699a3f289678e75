/* tsvdata.h - the evaluation data's TSV files (../shared/data/crosslingual
 * README): a header line, TAB-separated fields, text escaped so that each
 * record is one line (\\ \t \n \r).
 *
 * px_tsv_read_file loads a file whole; px_tsv_next_line and px_tsv_field
 * walk it; px_tsv_unescape undoes the escapes. NTREX documents are read
 * with px_ntrex_each, which also splits off the headline (the first
 * segment).
 */
#ifndef PX_TSVDATA_H
#define PX_TSVDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "str.h"

/* Replaces b's content with the file at path (NUL-terminated). */
px_status px_tsv_read_file(const char *path, px_buf *b, px_error *err);

/* The next line of *rest (without its LF); false at the end. */
bool px_tsv_next_line(px_str *rest, px_str *line);

/* Field i (0-based) of line, or an empty string. */
px_str px_tsv_field(px_str line, size_t i);

/* Replaces out's content with field unescaped. */
void px_tsv_unescape(px_str field, px_buf *out);

typedef struct px_ntrex_doc {
    px_str doc_id; /* "<story_id>#<lang>" */
    px_str story_id;
    px_str lang;     /* NTREX version code: "eng", "zho-CN", ... */
    px_str headline; /* the first segment, unescaped */
    px_str body;     /* the other segments joined by "\n", unescaped */
} px_ntrex_doc;

typedef px_status (*px_ntrex_fn)(void *ctx, const px_ntrex_doc *d,
                                 px_error *err);

/* Calls fn for every document of docs/<version>.tsv under dir, in file
 * order; stops at fn's first failure. PX_EIO when the file is missing. */
px_status px_ntrex_each(const char *dir, const char *version, px_ntrex_fn fn,
                        void *ctx, px_error *err);

#endif /* PX_TSVDATA_H */
