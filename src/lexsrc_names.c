/* lexsrc_names.c - the project's list of news actors (data/lexicon/
 * actors.tsv, described in data/lexicon/README.md) as a lexicon source.
 *
 * Each line is an actor: id, kind (person, org, group, agency), then the
 * forms in en, ar, zh, ru, fr, es, de, several per cell separated by "|".
 * The concept is "n:<id>" with the first English form as its gloss. A form
 * ending in '*' (a surname or short form) weighs 0.9, one ending in '~' (a
 * weak alias that is also a common word) 0.5, any other 1.0. Full names of
 * persons (several words, Latin script) are also added for "und", so that
 * a name written the same way in any Latin-script language is found.
 */
#include "lexbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexsrc_geo_int.h"
#include "log.h"

enum { N_COLS = 9 };

static const char *const col_lang[N_COLS] = {NULL,  NULL,  "eng", "ara", "zho",
                                             "rus", "fra", "spa", "deu"};

/* Splits line (modified) at tabs into cols; returns how many. */
static size_t
split_tabs(char *line, char *cols[N_COLS])
{
    size_t n = 0;
    char *p = line;
    while (n < N_COLS) {
        cols[n++] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL) {
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static bool
is_latin_phrase(px_str s)
{
    bool space = false;
    for (size_t i = 0; i < s.len; i++) {
        const unsigned char c = (unsigned char)s.ptr[i];
        space = space || c == ' ';
        if (c >= 0x80 && c < 0xC0) {
            continue; /* continuation bytes of Latin letters with marks */
        }
        if (c >= 0xD0) {
            return false; /* Greek, Cyrillic and beyond */
        }
    }
    return space;
}

/* Adds the forms of one cell ("A|B*|C~") in lang to c. */
static void
add_cell(px_lexb *b, px_geo_stats *st, const char *lang, char *cell,
         px_concept c, bool is_person)
{
    char *save = NULL;
    for (char *f = strtok_r(cell, "|", &save); f != NULL;
         f = strtok_r(NULL, "|", &save)) {
        px_str s = px_str_trim(px_str_c(f));
        float w = 1.0f;
        if (s.len > 0 && s.ptr[s.len - 1] == '*') {
            w = 0.9f;
            s.len--;
        } else if (s.len > 0 && s.ptr[s.len - 1] == '~') {
            w = 0.5f;
            s.len--;
        }
        px_geo_add(b, st, lang, s, c, w);
        if (is_person && w == 1.0f && strcmp(lang, "eng") == 0 &&
            is_latin_phrase(s)) {
            px_geo_add(b, st, "und", s, c, w);
        }
    }
}

/* The gloss of an actor: its first English form without marker. */
static void
first_form(const char *cell, char *out, size_t n)
{
    const size_t len = strcspn(cell, "|");
    snprintf(out, n, "%.*s", (int)len, cell);
    const size_t m = strlen(out);
    if (m > 0 && (out[m - 1] == '*' || out[m - 1] == '~')) {
        out[m - 1] = '\0';
    }
}

static void
actor_line(px_lexb *b, px_geo_stats *st, char *line)
{
    char *cols[N_COLS];
    const size_t n = split_tabs(line, cols);
    if (n < 3 || cols[0][0] == '\0') {
        return;
    }
    char name[160];
    char gloss[160];
    snprintf(name, sizeof name, "n:%s", cols[0]);
    first_form(cols[2], gloss, sizeof gloss);
    const px_concept c = px_lexb_concept(b, name, gloss);
    const bool is_person = strcmp(cols[1], "person") == 0;
    for (size_t i = 2; i < n; i++) {
        add_cell(b, st, col_lang[i], cols[i], c, is_person);
    }
}

px_status
px_lexsrc_actors(px_lexb *b, const px_lexsrc_paths *p, px_error *err)
{
    char path[400];
    snprintf(path, sizeof path, "%s/actors.tsv", p->data_dir);
    char *data = NULL;
    size_t len = 0;
    px_error e = {0};
    if (px_geo_read_file(path, &data, &len, &e) != PX_OK) {
        return px_fail(err, e.code, "actors: %s (part of the repository)",
                       e.msg);
    }
    px_geo_stats *st = calloc(1, sizeof *st);
    if (st == NULL) {
        free(data);
        return px_fail(err, PX_ENOMEM, "actors: out of memory");
    }
    st->source = "actors";
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] != '#') {
            actor_line(b, st, line);
        }
    }
    px_lexb_source(b, "parallax actors.tsv", "parallax (project's own)",
                   st->total);
    px_geo_stats_log(st);
    free(st);
    free(data);
    return PX_OK;
}
