/* lexsrc_aspect.c - senses for Russian perfective verbs through their
 * imperfective partners (px_lexsrc_ru_partner in lexsrc_int.h).
 *
 * The English-Russian dictionaries mostly give the imperfective verb
 * (заявлять "declare", показывать "show"), while news text writes the
 * perfective past (заявил, показал). Hunspell lists both lemmas but does
 * not pair them. Most pairs follow a few regular patterns, tried in order:
 * the secondary imperfective (заявить: заявлять, решить: решать,
 * показать: показывать, произойти: происходить, привести: приводить), then
 * the simplex verb under an aspectual prefix (пообещать: обещать,
 * проголосовать: голосовать). Reflexive verbs are paired without their
 * -ся, which is put back (оказаться: оказываться), or else paired as they
 * are non-reflexive.
 */
#include <stdio.h>
#include <string.h>

#include "lexsrc_int.h"

#define ASP_MAX 128

/* Senses of the verb stem[0..n) + tail + refl, into out. */
static size_t
try_form(px_lexb *b, const char *stem, size_t n, const char *tail,
         const char *refl, px_lex_sense *out, size_t max)
{
    char buf[ASP_MAX];
    const int len =
        snprintf(buf, sizeof buf, "%.*s%s%s", (int)n, stem, tail, refl);
    if (len <= 0 || (size_t)len >= sizeof buf) {
        return 0;
    }
    return px_lexb_senses(b, "rus", (px_str){buf, (size_t)len}, out, max);
}

static bool
ends(const char *s, size_t n, const char *suf)
{
    const size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Consonant alternations before the imperfective -ять/-ать: ending a of
 * the perfective stem becomes b (объявить: объявлять, ответить: отвечать). */
static const char *const mutations[][2] = {
    {"в", "вл"}, {"б", "бл"},  {"п", "пл"}, {"м", "мл"}, {"ф", "фл"},
    {"ст", "щ"}, {"зд", "зж"}, {"д", "ж"},  {"д", "жд"}, {"т", "ч"},
    {"т", "щ"},  {"с", "ш"},   {"з", "ж"},  {"", ""}};

/* The secondary imperfective of the perfective v[0..n) (no -ся). */
static size_t
imperfective(px_lexb *b, const char *v, size_t n, const char *refl,
             px_lex_sense *out, size_t max)
{
    size_t k = 0;
    if (ends(v, n, "ить")) { /* заявить заявлять, решить решать */
        const size_t s = n - strlen("ить");
        for (size_t i = 0; k == 0 && i < sizeof mutations / sizeof *mutations;
             i++) {
            const char *from = mutations[i][0];
            if (!ends(v, s, from)) {
                continue;
            }
            char stem[ASP_MAX];
            const size_t r = s - strlen(from);
            snprintf(stem, sizeof stem, "%.*s%s", (int)r, v, mutations[i][1]);
            k = try_form(b, stem, strlen(stem), "ять", refl, out, max);
            k = k ? k : try_form(b, stem, strlen(stem), "ать", refl, out, max);
        }
    } else if (ends(v, n, "ать") || ends(v, n, "ять")) { /* показывать */
        const size_t s = n - strlen("ать");
        k = try_form(b, v, s, "ывать", refl, out, max);
        k = k ? k : try_form(b, v, s, "ивать", refl, out, max);
    } else if (ends(v, n, "йти")) { /* пройти проходить */
        const size_t s = n - strlen("йти");
        k = try_form(b, v, s, "ходить", refl, out, max);
        if (k == 0 && ends(v, s, "зо")) { /* произойти происходить */
            char stem[ASP_MAX];
            snprintf(stem, sizeof stem, "%.*sс", (int)(s - strlen("зо")), v);
            k = try_form(b, stem, strlen(stem), "ходить", refl, out, max);
        } else if (k == 0 && ends(v, s, "о")) { /* войти входить */
            k = try_form(b, v, s - strlen("о"), "ходить", refl, out, max);
        }
    } else if (ends(v, n, "вести")) { /* привести приводить */
        k = try_form(b, v, n - strlen("вести"), "водить", refl, out, max);
    } else if (ends(v, n, "нести")) {
        k = try_form(b, v, n - strlen("нести"), "носить", refl, out, max);
    } else if (ends(v, n, "нуть")) { /* упомянуть упоминать */
        k = try_form(b, v, n - strlen("нуть"), "ать", refl, out, max);
    }
    return k;
}

/* The simplex verb under an aspectual prefix (пообещать: обещать). */
static size_t
unprefixed(px_lexb *b, const char *v, size_t n, const char *refl,
           px_lex_sense *out, size_t max)
{
    static const char *const pfx[] = {"по", "про", "о",  "с",
                                      "за", "на",  "вы", "у"};
    for (size_t i = 0; i < sizeof pfx / sizeof pfx[0]; i++) {
        const size_t k = strlen(pfx[i]);
        if (n >= k + 8 && memcmp(v, pfx[i], k) == 0 &&
            ((unsigned char)v[k] & 0xC0) != 0x80) {
            const size_t m = try_form(b, v + k, n - k, "", refl, out, max);
            if (m > 0) {
                return m;
            }
        }
    }
    return 0;
}

size_t
px_lexsrc_ru_partner(px_lexb *b, px_str lemma, px_lex_sense *out, size_t max)
{
    if (lemma.len >= ASP_MAX || lemma.len < 8) {
        return 0;
    }
    const bool refl = ends(lemma.ptr, lemma.len, "ся");
    const size_t n = refl ? lemma.len - strlen("ся") : lemma.len;
    if (ends(lemma.ptr, n, "чь")) { /* смочь: мочь */
        return unprefixed(b, lemma.ptr, n, refl ? "ся" : "", out, max);
    }
    if (!ends(lemma.ptr, n, "ть") && !ends(lemma.ptr, n, "ти")) {
        return 0;
    }
    size_t k = imperfective(b, lemma.ptr, n, refl ? "ся" : "", out, max);
    k = k || !refl ? k : imperfective(b, lemma.ptr, n, "", out, max);
    k = k ? k : unprefixed(b, lemma.ptr, n, refl ? "ся" : "", out, max);
    k = k || !refl ? k : unprefixed(b, lemma.ptr, n, "", out, max);
    return k;
}
