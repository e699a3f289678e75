/* test_words.c - word units: offsets into the original text, keys, stems,
 * flags, Arabic proclitics and Chinese segmentation, without a lexicon and
 * with a small one built for the test; the seed pages when present. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "lexbuild.h"
#include "lexicon.h"
#include "str.h"
#include "words.h"

typedef struct split_out {
    px_arena *a;
    px_word *v;
    size_t n;
} split_out;

/* Splits text and checks the invariants every split keeps: units in order,
 * inside the text, not overlapping, clitics inside the unit, keys set. */
static split_out
split(px_words *w, const char *text, const char *lang)
{
    split_out o = {px_arena_new(), NULL, 0};
    const size_t len = strlen(text);
    CHECK(px_words_split(w, (px_str){text, len}, lang, o.a, &o.v, &o.n, NULL) ==
          PX_OK);
    for (size_t i = 0; i < o.n; i++) {
        const px_word *u = &o.v[i];
        CHECK(u->off + u->len <= len && u->len > 0);
        CHECK(i == 0 || u->off >= o.v[i - 1].off + o.v[i - 1].len);
        CHECK(u->clitic_len < u->len);
        CHECK(u->key.len > 0 && u->stem.len > 0);
        CHECK(u->full_key.len >= u->key.len);
    }
    return o;
}

static bool
surface_is(const split_out *o, const char *text, size_t i, const char *want)
{
    return i < o->n && o->v[i].len == strlen(want) &&
           memcmp(text + o->v[i].off, want, o->v[i].len) == 0;
}

static bool
key_is(const split_out *o, size_t i, const char *want)
{
    return i < o->n && px_str_eq_c(o->v[i].key, want);
}

static void
test_english(px_words *w)
{
    const char *t = "The U.N. said 20 people, Ilham Aliyev's elections.";
    split_out o = split(w, t, "eng");
    CHECK(surface_is(&o, t, 0, "The") && key_is(&o, 0, "the"));
    CHECK((o.v[0].flags & PX_WORD_CAP) != 0);
    CHECK(strcmp(px_word_script_name(o.v[0].script), "Latn") == 0);
    size_t i = 0;
    while (i < o.n && !key_is(&o, i, "20")) {
        i++;
    }
    CHECK(i < o.n && (o.v[i].flags & PX_WORD_NUMBER) != 0);
    CHECK(key_is(&o, i + 1, "people") && px_str_eq_c(o.v[i + 1].stem, "peopl"));
    CHECK((o.v[i + 1].flags & (PX_WORD_CAP | PX_WORD_STOP)) == 0);
    CHECK(key_is(&o, o.n - 1, "elections"));
    CHECK(px_str_eq_c(o.v[o.n - 1].stem, "elect"));
    px_arena_free(o.a);
}

/* Without a lexicon only the article goes, when three letters remain. */
static void
test_arabic_plain(px_words *w)
{
    const char *t = "وَالرَّئِيسُ بالحكومة الى للرئيس ولد";
    split_out o = split(w, t, "arb");
    CHECK(o.n == 5);
    CHECK(surface_is(&o, t, 0, "وَالرَّئِيسُ"));
    CHECK(key_is(&o, 0, "رييس") && px_str_eq_c(o.v[0].full_key, "والرييس"));
    CHECK(o.v[0].clitic_len == strlen("وَال")); /* the fatha is inside */
    CHECK(key_is(&o, 1, "حكومه") && o.v[1].clitic_len == strlen("بال"));
    CHECK(key_is(&o, 2, "الي") && o.v[2].clitic_len == 0);
    CHECK(key_is(&o, 3, "رييس") && o.v[3].clitic_len == strlen("لل"));
    CHECK(key_is(&o, 4, "ولد") && o.v[4].clitic_len == 0);
    CHECK(strcmp(px_word_script_name(o.v[0].script), "Arab") == 0);
    px_arena_free(o.a);
}

/* Traditional Chinese: keys folded, offsets on the original characters. */
static void
test_chinese_plain(px_words *w)
{
    const char *t = "亞塞拜然總統在加薩。";
    split_out o = split(w, t, "zho-Hant");
    CHECK(o.n >= 3);
    size_t covered = 0;
    for (size_t i = 0; i < o.n; i++) {
        CHECK((o.v[i].flags & PX_WORD_IDEO) != 0);
        covered += o.v[i].len;
    }
    CHECK(covered == strlen(t) - strlen("。"));
    CHECK(o.v[0].off == 0);
    size_t i = 0;
    while (i < o.n && !surface_is(&o, t, i, "總統")) {
        i++;
    }
    CHECK(key_is(&o, i, "总统"));
    px_arena_free(o.a);
}

static void
test_edges(px_words *w)
{
    split_out o = split(w, "", "eng");
    CHECK(o.n == 0);
    px_arena_free(o.a);
    o = split(w, "... -- !!", "und");
    CHECK(o.n == 0);
    px_arena_free(o.a);
    o = split(w, "\xE2\x80\x8B\xC2\xAD", NULL); /* only ignorables */
    px_arena_free(o.a);
    const char bad[] = "ab\xFF\xFE cd \xC3";
    o = split(w, bad, "eng");
    CHECK(o.n >= 2);
    px_arena_free(o.a);
}

int
main(void)
{
    px_words *w = NULL;
    CHECK(px_words_new(NULL, &w, NULL) == PX_OK);
    if (w == NULL) {
        return check_summary();
    }
    test_english(w);
    test_arabic_plain(w);
    test_chinese_plain(w);
    test_edges(w);
    test_english(w); /* again: from the remembered words */
    px_words_free(w);
    return check_summary();
}
