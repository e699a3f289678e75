/* sheet_quote.c - quotes and reported speech with their speakers
 * (sheet.h), grouped by speaker and then by what is said.
 *
 * A direct quote is the text between quotation marks; reported speech is
 * the clause of a speech verb (from the verb, or the sentence start for a
 * sentence's first verb, to the next speech verb of the sentence: "He said
 * X, adding that Y" is two statements). The speaker is a concept, so one
 * person named in several scripts (Aliyev, علييف, 阿利耶夫) is one
 * speaker. Within one speaker, the quotes of two sources are compared by
 * the features of the quoted words themselves (concepts, names, figures,
 * days) and their polarity (a negation, "nobody"), and pair up one to one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "sheet.h"

/* Mutually most alike quotes of one speaker: far below a claim's
 * likeness, as the speaker and the story are shared. */
#define PX_SHEET_QUOTE_PAIR  0.05
#define PX_SHEET_MAX_QUOTE   600
#define PX_SHEET_QUOTE_WORDS 5
/* A speaker's name lies this close to the quote or the speech verb (else
 * the source's last speaker spoke: "He added that..."). */
#define PX_SHEET_SPEAKER_GAP 100
/* Words after a speech verb that may name its speaker ("said the
 * finance minister Jane Doe", قال وزير المالية سمير حداد). */
#define PX_SHEET_SPEAKER_WORDS 6
#define PX_SHEET_MIN_SPEAKER   0.8f /* a name or demonym */
#define PX_SHEET_MIN_COUNTRY   0.9f /* a country's name, not its demonym */

/* The closing mark of an opening quotation mark, or 0. */
static UChar32
closer_of(UChar32 c)
{
    switch (c) {
    case 0x201C:
        return 0x201D; /* “ ” */
    case 0x00AB:
        return 0x00BB; /* « » */
    case 0x201E:
        return 0x201C; /* „ “ */
    case 0x300C:
        return 0x300D; /* 「 」 */
    case 0x300E:
        return 0x300F; /* 『 』 */
    case '"':
        return '"';
    default:
        return 0;
    }
}

#define PX_VERB(s)                                                             \
    {                                                                          \
        s, sizeof(s) - 1                                                       \
    }
static const struct {
    const char *s;
    size_t n;
} speech_verbs[] = {
    PX_VERB("said"),      PX_VERB("says"),      PX_VERB("told"),
    PX_VERB("added"),     PX_VERB("stated"),    PX_VERB("declared"),
    PX_VERB("explained"), PX_VERB("stressed"),  PX_VERB("insisted"),
    PX_VERB("pointed"),   PX_VERB("announced"), PX_VERB("قال"),
    PX_VERB("قالت"),      PX_VERB("أضاف"),      PX_VERB("أضافت"),
    PX_VERB("أكد"),       PX_VERB("أكدت"),      PX_VERB("أشار"),
    PX_VERB("أشارت"),     PX_VERB("صرح"),       PX_VERB("أوضح"),
    PX_VERB("مضيفا"),     PX_VERB("مضيفًا"),     PX_VERB("موضحا"),
    PX_VERB("موضحًا"),     PX_VERB("مؤكدا"),     PX_VERB("مؤكدًا"),
    PX_VERB("وقال"),      PX_VERB("وأضاف"),     PX_VERB("وأكد"),
    PX_VERB("وأشار"),     PX_VERB("وقالت"),     PX_VERB("وأضافت"),
    PX_VERB("وأكدت"),     PX_VERB("وأوضح"),     PX_VERB("وشدد"),
    PX_VERB("表示"),      PX_VERB("称"),        PX_VERB("说"),
    PX_VERB("指出"),      PX_VERB("强调"),      PX_VERB("透露"),
    PX_VERB("dijo"),      PX_VERB("afirmó"),    PX_VERB("declaró"),
    PX_VERB("déclaré"),   PX_VERB("affirmé"),   PX_VERB("sagte"),
    PX_VERB("erklärte"),  PX_VERB("заявил"),    PX_VERB("сказал"),
};
#undef PX_VERB

static bool
is_speech_verb(const px_word *w, px_str text)
{
    for (size_t i = 0; i < sizeof speech_verbs / sizeof *speech_verbs; i++) {
        const size_t n = speech_verbs[i].n;
        if ((w->len == n &&
             memcmp(text.ptr + w->off, speech_verbs[i].s, n) == 0) ||
            (w->key.len == n &&
             memcmp(w->key.ptr, speech_verbs[i].s, n) == 0)) {
            return true;
        }
    }
    return false;
}

/* The concept of kind ('n' person or organisation, 'c' country) nearest
 * to the quote or verb at [qlo, qhi) among the words in [lo, hi) outside it, no
 * farther than max bytes: its occurrence index, or SIZE_MAX. */
static size_t
nearest_kind(const px_sheet *sh, const px_sheet_src *s, size_t lo, size_t hi,
             size_t qlo, size_t qhi, size_t max, char kind, float min_w)
{
    size_t best = SIZE_MAX;
    size_t best_d = max + 1;
    for (size_t i = 0; i < s->n_occ; i++) {
        const size_t off = s->words[s->occ[i].word].off;
        const px_str nm = px_lex_concept_name(sh->lex, s->occ[i].concept);
        if (off < lo || off >= hi || (off >= qlo && off < qhi) || nm.len < 2 ||
            nm.ptr[0] != kind || s->occ[i].weight < min_w) {
            continue;
        }
        const size_t d = off < qlo ? qlo - off : off - qhi;
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

typedef struct quote_ctx {
    px_sheet *sh;
    px_sheet_quote *out;
    size_t n;
    size_t cap;
    size_t first; /* the source's first quote */
} quote_ctx;

/* The quote of this source before byte pos, nearest to it, whose
 * speaker is a person or organisation (a pronoun's speaker: "He added
 * that..."), or SIZE_MAX. */
static size_t
last_speaker(const quote_ctx *q, size_t pos)
{
    size_t best = SIZE_MAX;
    for (size_t j = q->first; j < q->n; j++) {
        const px_sheet_quote *r = &q->out[j];
        const px_str nm = px_lex_concept_name(q->sh->lex, r->who);
        if (r->who != 0 && nm.len > 0 && nm.ptr[0] == 'n' &&
            r->span.off < pos &&
            (best == SIZE_MAX || r->span.off > q->out[best].span.off)) {
            best = j;
        }
    }
    return best;
}

/* Adds the quote span of source k, said at byte pos (a direct quote: its
 * opening mark, before the span; reported speech: its verb, inside it),
 * whose speaker is named in [lo, hi) (a reported clause: around its verb;
 * a direct quote: its sentence, else the sentence before). */
static void
add_quote(quote_ctx *q, size_t k, px_span span, size_t pos, size_t lo,
          size_t hi)
{
    const px_sheet_src *s = &q->sh->srcs[k];
    const size_t si = px_sheet_sent_at(s, pos);
    if (si == SIZE_MAX || q->n == q->cap) {
        return;
    }
    const bool direct = pos < span.off;
    const size_t qlo = direct ? span.off : pos;
    const size_t qhi = direct ? span.off + span.len : pos;
    size_t o = nearest_kind(q->sh, s, lo, hi, qlo, qhi, PX_SHEET_SPEAKER_GAP,
                            'n', PX_SHEET_MIN_SPEAKER);
    if (o == SIZE_MAX && si > 0 && direct) {
        const px_sheet_sent *p = &s->sents[si - 1];
        o = nearest_kind(q->sh, s, p->off, p->off + p->len, qlo, qhi,
                         SIZE_MAX - 1, 'n', PX_SHEET_MIN_SPEAKER);
    }
    if (o == SIZE_MAX) { /* a country named speaks when no person is */
        o = nearest_kind(q->sh, s, lo, hi, qlo, qhi, PX_SHEET_SPEAKER_GAP, 'c',
                         PX_SHEET_MIN_COUNTRY);
    }
    const size_t prev = o == SIZE_MAX ? last_speaker(q, qlo) : SIZE_MAX;
    if (o == SIZE_MAX && prev == SIZE_MAX) { /* "the Azerbaijani president"
                                                is the last speaker */
        o = nearest_kind(q->sh, s, lo, hi, qlo, qhi, PX_SHEET_SPEAKER_GAP, 'c',
                         PX_SHEET_MIN_SPEAKER);
    }
    if (o == SIZE_MAX && prev == SIZE_MAX && !direct) {
        return; /* reported speech of nobody known */
    }
    px_sheet_quote *r = &q->out[q->n++];
    memset(r, 0, sizeof *r);
    if (prev != SIZE_MAX) {
        r->who = q->out[prev].who;
        r->speaker = q->out[prev].speaker;
    }
    r->span = span;
    r->is_direct = direct;
    if (o != SIZE_MAX) {
        const px_word *w = &s->words[s->occ[o].word];
        const px_word *e = &s->words[s->occ[o].word + s->occ[o].n_words - 1];
        r->who = s->occ[o].concept;
        r->speaker = (px_span){(uint32_t)k, (uint32_t)w->off,
                               (uint32_t)(e->off + e->len - w->off)};
    }
}

/* Words of source s starting in [lo, hi). */
static size_t
n_words_in(const px_sheet_src *s, size_t lo, size_t hi)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_words; i++) {
        n += s->words[i].off >= lo && s->words[i].off < hi;
    }
    return n;
}

/* Adds the words between the quotation mark at byte mark of source k
 * and its closing mark at byte end (they start at byte lo) as a direct
 * quote, when they are PX_SHEET_QUOTE_WORDS words or more. */
static void
add_direct(quote_ctx *q, size_t k, size_t mark, size_t lo, size_t end)
{
    const px_sheet_src *s = &q->sh->srcs[k];
    const size_t si = px_sheet_sent_at(s, mark);
    if (si == SIZE_MAX || n_words_in(s, lo, end) < PX_SHEET_QUOTE_WORDS) {
        return;
    }
    const px_sheet_sent *x = &s->sents[si];
    add_quote(q, k, (px_span){(uint32_t)k, (uint32_t)lo, (uint32_t)(end - lo)},
              mark, x->off, x->off + x->len);
}

/* Direct quotes of source k: text between matching quotation marks, of
 * PX_SHEET_QUOTE_WORDS words or more (fewer are scare quotes or names:
 * "International Stabilisation Force"). */
static void
direct_quotes(quote_ctx *q, size_t k)
{
    const px_str t = q->sh->srcs[k].text;
    size_t i = 0;
    while (i < t.len) {
        UChar32 c;
        const size_t start = i;
        U8_NEXT(t.ptr, i, t.len, c);
        const UChar32 close = closer_of(c);
        if (close == 0) {
            continue;
        }
        size_t j = i;
        while (j < t.len && j - i < PX_SHEET_MAX_QUOTE) {
            UChar32 d;
            const size_t at = j;
            U8_NEXT(t.ptr, j, t.len, d);
            if (d == '\n') {
                break;
            }
            if (d == close) {
                add_direct(q, k, start, i, at);
                i = j;
                break;
            }
        }
    }
}

/* Whether a direct quote of source k (quotes [first, q->n)) starts in
 * sentence x. */
static bool
has_direct(const quote_ctx *q, size_t first, const px_sheet_sent *x)
{
    for (size_t j = first; j < q->n; j++) {
        if (q->out[j].is_direct && q->out[j].span.off >= x->off &&
            q->out[j].span.off < x->off + x->len) {
            return true;
        }
    }
    return false;
}

/* Words that open what is said: a name after them is what the speaker
 * speaks of, not the speaker ("said that Palestine ...", قال إن). */
static const char *const that_words[] = {"that", "إن",   "ان",  "أن",   "أنه",
                                         "انه",  "بأن",  "بان", "بأنه", "بانه",
                                         "que",  "dass", "что", NULL};

/* Where the speaker of speech verb i (in sentence x) may be named after
 * it: up to PX_SHEET_SPEAKER_WORDS words, stopping at a word of
 * that_words; none after an ideographic verb (他表示: the speaker comes
 * first). Returns the end offset. */
static size_t
speaker_end(const px_sheet_src *s, size_t i, const px_sheet_sent *x)
{
    const px_word *w = &s->words[i];
    size_t end = w->off + w->len;
    if (w->flags & PX_WORD_IDEO) {
        return end;
    }
    for (size_t j = i + 1; j < s->n_words && j <= i + PX_SHEET_SPEAKER_WORDS &&
                           s->words[j].off < x->off + x->len;
         j++) {
        bool is_that = false;
        for (size_t t = 0; that_words[t] != NULL && !is_that; t++) {
            is_that = strlen(that_words[t]) == s->words[j].key.len &&
                      memcmp(that_words[t], s->words[j].key.ptr,
                             s->words[j].key.len) == 0;
        }
        if (is_that) {
            break;
        }
        end = s->words[j].off + s->words[j].len;
    }
    return end;
}

/* Reported speech of source k: the clause of each speech verb of a
 * sentence with no quotation inside, up to the sentence's next speech
 * verb (the first clause starts with the sentence). The speaker is named
 * before the verb (in a later clause: only after it) or right after it. */
static void
reported(quote_ctx *q, size_t k, size_t first_direct)
{
    const px_sheet_src *s = &q->sh->srcs[k];
    size_t si = SIZE_MAX;
    size_t i = 0;
    while (i < s->n_words) {
        const px_word *w = &s->words[i];
        const size_t at =
            is_speech_verb(w, s->text) ? px_sheet_sent_at(s, w->off) : SIZE_MAX;
        if (at == SIZE_MAX || has_direct(q, first_direct, &s->sents[at])) {
            i++;
            continue;
        }
        const px_sheet_sent *x = &s->sents[at];
        const size_t lo = at == si ? w->off : x->off;
        size_t j = i + 1;
        while (j < s->n_words && s->words[j].off < x->off + x->len &&
               !is_speech_verb(&s->words[j], s->text)) {
            j++;
        }
        const size_t hi = j < s->n_words && s->words[j].off < x->off + x->len
                              ? s->words[j].off
                              : x->off + x->len;
        add_quote(q, k,
                  (px_span){(uint32_t)k, (uint32_t)lo, (uint32_t)(hi - lo)},
                  w->off, lo, speaker_end(s, i, x));
        si = at;
        i = j;
    }
}

static int
by_speaker(const void *a, const void *b)
{
    const px_sheet_quote *x = a;
    const px_sheet_quote *y = b;
    if ((x->who == 0) != (y->who == 0)) {
        return x->who == 0 ? 1 : -1;
    }
    if (x->who != y->who) {
        return x->who < y->who ? -1 : 1;
    }
    if (x->group != y->group) {
        return x->group < y->group ? -1 : 1;
    }
    if (x->span.src != y->span.src) {
        return x->span.src < y->span.src ? -1 : 1;
    }
    return (x->span.off > y->span.off) - (x->span.off < y->span.off);
}

/* ---- polarity ----------------------------------------------------- */

#define PX_POLAR_NEG    PX_SHEET_POLAR_NEG
#define PX_POLAR_NOBODY PX_SHEET_POLAR_NOBODY
#define PX_POLAR_REACH  6 /* words from a negation to its pronoun */

/* Word lists by polarity (NULL-terminated), matched on the word's key
 * (case-folded, Arabic clitics split off). */
static const char *const neg_words[] = {
    "not",     "no",      "never", "neither", "nor",    "without", "cannot",
    "none",    "nothing", "fail",  "fails",   "failed", "refuse",  "refuses",
    "refused", "拒绝",    "رفض",   "رفضت",    "يرفض",   "ترفض",    "رافض",
    "الرافض",  "رافضا",   "رافضة", "不",      "没",     "没有",    "未",
    "无",      "别",      "勿",    "绝不",    "决不",   "并不",    "从未",
    "从不",    "从没",    "不会",  "不能",    "不是",   "不再",    "没见",
    "毫无",    "无法",    "不要",  "不肯",    "لا",     "لم",      "لن",
    "ليس",     "ليست",    "لسنا",  "لست",     "غير",    "دون",     "بدون",
    "عدم",     "nunca",   "jamás", "ni",      "sin",    "ne",      "pas",
    "jamais",  "sans",    "nicht", "kein",    "keine",  "keinen",  "nie",
    "niemals", "ohne",    "не",    "нет",     "ни",     "никогда", "без",
    "não",     NULL};
static const char *const nobody_words[] = {
    "nobody", "noone",   "没有人",  "没人",    "无人",
    "谁也",   "nadie",   "aucun",   "aucune",  "niemand",
    "никто",  "ninguém", "ninguno", "ninguna", NULL};
static const char *const anyone_words[] = {
    "anyone",  "anybody",  "one",    "谁",  "任何人", "أحد", "احد",
    "alguien", "personne", "jemand", "кто", "alguém", NULL};

static bool
in_list_exact(const char *const *list, px_str key)
{
    for (size_t i = 0; list[i] != NULL; i++) {
        if (strlen(list[i]) == key.len &&
            memcmp(list[i], key.ptr, key.len) == 0) {
            return true;
        }
    }
    return false;
}

/* Whether key, or key without an Arabic conjunction (wa-, fa-: ولم, فلا)
 * that the word splitter left on a stopword, is in list. */
static bool
in_list(const char *const *list, px_str key)
{
    static const char wa[] = "\xD9\x88"; /* و */
    static const char fa[] = "\xD9\x81"; /* ف */
    if (in_list_exact(list, key)) {
        return true;
    }
    const bool conj = key.len > 4 && (memcmp(key.ptr, wa, 2) == 0 ||
                                      memcmp(key.ptr, fa, 2) == 0);
    return conj && in_list_exact(list, (px_str){key.ptr + 2, key.len - 2});
}

static bool
is_neg_word(const px_word *w)
{
    static const char nt[] = "n't";
    static const char nt2[] = "n\xE2\x80\x99t"; /* n’t */
    const px_str k = w->key;
    return in_list(neg_words, k) ||
           (k.len > 3 && memcmp(k.ptr + k.len - 3, nt, 3) == 0) ||
           (k.len > 5 && memcmp(k.ptr + k.len - 5, nt2, 5) == 0);
}

unsigned
px_sheet_polarity(const px_sheet_src *s, size_t off, size_t len)
{
    unsigned pol = 0;
    size_t neg_at = SIZE_MAX;
    for (size_t i = 0; i < s->n_words; i++) {
        const px_word *w = &s->words[i];
        if (w->off < off || w->off >= off + len) {
            continue;
        }
        if (in_list(nobody_words, w->key)) {
            pol |= PX_POLAR_NEG | PX_POLAR_NOBODY;
        } else if (is_neg_word(w)) {
            pol |= PX_POLAR_NEG;
            neg_at = i;
        } else if (neg_at != SIZE_MAX && i - neg_at <= PX_POLAR_REACH &&
                   in_list(anyone_words, w->key)) {
            pol |= PX_POLAR_NOBODY;
        }
    }
    return pol;
}

/* ---- grouping ----------------------------------------------------- */

#define PX_FEAT_POLAR ((uint64_t)PX_SHEET_FEAT_POLAR << 56)

/* Whether feature f is the speaker's or one of the speech verbs' (vs:
 * the features of the span's speech verbs, sorted). */
static bool
is_said(uint64_t f, uint64_t who, const px_sheet_sent *vs)
{
    if (f == who) {
        return true;
    }
    for (size_t j = 0; j < vs->n_feats; j++) {
        if (vs->feats[j] == f) {
            return true;
        }
    }
    return false;
}

/* The features of the speech verbs among the words of s in [off,
 * off+len) into vs ("said", "pointed out", مؤكدا: they tell that a quote
 * is one, not what it says). */
static px_status
verb_feats(px_sheet *sh, const px_sheet_src *s, size_t off, size_t len,
           px_sheet_sent *vs, px_error *err)
{
    memset(vs, 0, sizeof *vs);
    for (size_t i = 0; i < s->n_words; i++) {
        const px_word *w = &s->words[i];
        if (w->off >= off && w->off < off + len && is_speech_verb(w, s->text)) {
            return px_sheet_span_vec(sh, s, w->off, w->len, 0, vs, err);
        }
    }
    return PX_OK;
}

/* Quote i's vector: the features of its words but its speaker's and its
 * speech verb's, and its polarity (weight set by quote_weights). */
static px_status
quote_vec(px_sheet *sh, const px_sheet_quote *x, px_sheet_sent *v,
          px_error *err)
{
    const px_sheet_src *s = &sh->srcs[x->span.src];
    px_sheet_sent vs;
    px_status rc =
        px_sheet_span_vec(sh, s, x->span.off, x->span.len, 2, v, err);
    if (rc == PX_OK && !x->is_direct) {
        rc = verb_feats(sh, s, x->span.off, x->span.len, &vs, err);
    } else {
        memset(&vs, 0, sizeof vs);
    }
    if (rc != PX_OK) {
        return rc;
    }
    const uint64_t who = ((uint64_t)PX_SHEET_FEAT_CONCEPT << 56) | x->who;
    size_t k = 0;
    for (size_t j = 0; j < v->n_feats; j++) {
        if (!is_said(v->feats[j], who, &vs)) {
            v->w[k] = v->w[j];
            v->feats[k++] = v->feats[j];
        }
    }
    v->n_feats = k;
    const unsigned pol = px_sheet_polarity(s, x->span.off, x->span.len);
    for (unsigned b = PX_POLAR_NEG; b <= PX_POLAR_NOBODY; b <<= 1) {
        if (pol & b) {
            v->w[v->n_feats] = 0.0f;
            v->feats[v->n_feats++] = PX_FEAT_POLAR | b;
        }
    }
    return PX_OK;
}

/* Weighs the polarity features of the n vectors by their idf over the
 * quotes, and sets the norms. */
static void
quote_weights(px_sheet_sent *v, size_t n)
{
    size_t df[PX_POLAR_NOBODY + 1] = {0};
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < v[i].n_feats; j++) {
            if ((v[i].feats[j] >> 56) == PX_SHEET_FEAT_POLAR) {
                df[v[i].feats[j] & PX_POLAR_NOBODY]++;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        double norm = 0.0;
        for (size_t j = 0; j < v[i].n_feats; j++) {
            const uint64_t f = v[i].feats[j];
            if ((f >> 56) == PX_SHEET_FEAT_POLAR) {
                v[i].w[j] = (float)log(
                    1.0 + (double)n / (double)df[f & PX_POLAR_NOBODY]);
            }
            norm += (double)v[i].w[j] * v[i].w[j];
        }
        v[i].norm = sqrt(norm);
    }
}

/* Whether quote vector v holds a negation. */
static bool
negated(const px_sheet_sent *v)
{
    for (size_t j = v->n_feats; j > 0; j--) {
        if (v->feats[j - 1] == (PX_FEAT_POLAR | PX_POLAR_NEG)) {
            return true;
        }
    }
    return false;
}

typedef struct quote_pair {
    size_t i;
    size_t j;
    double sim;
} quote_pair;

/* How alike quotes i and j are: -1 unless one speaker says both in two
 * sources; 0 unless both or neither are negated (a statement and its
 * counterpart agree in polarity). */
static double
quote_sim(const px_sheet *sh, const px_sheet_sent *v, size_t i, size_t j)
{
    const px_sheet_quote *x = &sh->quotes[i];
    const px_sheet_quote *y = &sh->quotes[j];
    if (x->who == 0 || x->who != y->who || x->span.src == y->span.src) {
        return -1.0;
    }
    const double sim = px_sheet_sim(&v[i], &v[j]);
    return negated(&v[i]) == negated(&v[j]) ? sim : 0.0;
}

/* The quote of source src by quote i's speaker most like quote i, or
 * SIZE_MAX. */
static size_t
best_quote(const px_sheet *sh, const px_sheet_sent *v, size_t i, uint32_t src)
{
    size_t best = SIZE_MAX;
    double sim = -1.0;
    for (size_t j = 0; j < sh->n_quotes; j++) {
        const double d =
            sh->quotes[j].span.src == src ? quote_sim(sh, v, i, j) : -1.0;
        if (d > sim) {
            sim = d;
            best = j;
        }
    }
    return best;
}

/* The length of the sum of group r's quote vectors, each of length one:
 * the square root of the sum of the likeness of each two of its quotes
 * (a quote and itself: 1). */
static double
group_norm(const px_sheet *sh, const px_sheet_sent *v, size_t *p, size_t r)
{
    double sum = 0.0;
    for (size_t a = 0; a < sh->n_quotes; a++) {
        for (size_t b = 0; b < sh->n_quotes && px_sheet_uf_find(p, a) == r;
             b++) {
            if (px_sheet_uf_find(p, b) == r) {
                sum += a == b ? 1.0 : px_sheet_sim(&v[a], &v[b]);
            }
        }
    }
    return sqrt(sum);
}

/* Whether what groups ri and rj say as a whole is PX_SHEET_QUOTE_PAIR
 * alike: the likeness of the sums of their quote vectors (each of length
 * one). Translations and paraphrases each lose other words, so that a
 * quote may share little with one member of a group but much with
 * another (did not protect: nobody defended; nobody helped); the average
 * of its likeness to the members would count the first as fully as the
 * second, the sum the less the more the members differ. */
static bool
groups_alike(const px_sheet *sh, const px_sheet_sent *v, size_t *p, size_t ri,
             size_t rj)
{
    double dot = 0.0;
    for (size_t a = 0; a < sh->n_quotes; a++) {
        for (size_t b = 0; b < sh->n_quotes && px_sheet_uf_find(p, a) == ri;
             b++) {
            if (px_sheet_uf_find(p, b) == rj) {
                dot += fmax(quote_sim(sh, v, a, b), 0.0);
            }
        }
    }
    const double norm = group_norm(sh, v, p, ri) * group_norm(sh, v, p, rj);
    return norm > 0.0 && dot >= PX_SHEET_QUOTE_PAIR * norm;
}

static int
by_sim(const void *a, const void *b)
{
    const double x = ((const quote_pair *)a)->sim;
    const double y = ((const quote_pair *)b)->sim;
    return (x < y) - (x > y);
}

/* The pairs of quotes (one speaker, two sources) that are each other's
 * most alike quote in the other's source, PX_SHEET_QUOTE_PAIR alike or
 * more, into out (room for n_quotes * PX_SHEET_MAX_SOURCES); their count. */
static size_t
mutual_pairs(const px_sheet *sh, const px_sheet_sent *v, quote_pair *out)
{
    size_t n = 0;
    for (size_t i = 0; i < sh->n_quotes; i++) {
        for (uint32_t k = 0; sh->quotes[i].who != 0 && k < sh->n_srcs; k++) {
            const size_t j =
                k > sh->quotes[i].span.src ? best_quote(sh, v, i, k) : SIZE_MAX;
            const double sim = j != SIZE_MAX ? quote_sim(sh, v, i, j) : -1.0;
            if (sim >= PX_SHEET_QUOTE_PAIR &&
                best_quote(sh, v, j, sh->quotes[i].span.src) == i) {
                out[n++] = (quote_pair){i, j, sim};
            }
        }
    }
    qsort(out, n, sizeof *out, by_sim);
    return n;
}

/* Quotes of one speaker pair up one to one across sources: the pairs of
 * mutually most alike quotes, the most alike first, join their groups
 * when the groups share no source and what they say as a whole is
 * PX_SHEET_QUOTE_PAIR alike (groups_alike). The speaker and the story being
 * shared, a pair needs less likeness than a claim (PX_SHEET_CLAIM_SIM). */
static void
group_quotes(px_sheet *sh, const px_sheet_sent *v, size_t *p, uint64_t *mask,
             quote_pair *pairs)
{
    for (size_t i = 0; i < sh->n_quotes; i++) {
        p[i] = i;
        mask[i] = (uint64_t)1 << (sh->quotes[i].span.src % 64);
    }
    const size_t n = mutual_pairs(sh, v, pairs);
    for (size_t k = 0; k < n; k++) {
        const size_t ri = px_sheet_uf_find(p, pairs[k].i);
        const size_t rj = px_sheet_uf_find(p, pairs[k].j);
        if (ri != rj && !(mask[ri] & mask[rj]) &&
            groups_alike(sh, v, p, ri, rj)) {
            p[rj] = ri;
            mask[ri] |= mask[rj];
        }
    }
    for (size_t i = 0; i < sh->n_quotes; i++) {
        sh->quotes[i].group = px_sheet_uf_find(p, i);
    }
    qsort(sh->quotes, sh->n_quotes, sizeof *sh->quotes, by_speaker);
}

/* Finds each source's quotes into sh->quotes (arena). */
static px_status
find_quotes(px_sheet *sh, px_error *err)
{
    size_t cap = 0;
    for (size_t k = 0; k < sh->n_srcs; k++) {
        cap += sh->srcs[k].n_sents * 6 + 4;
    }
    quote_ctx q = {sh, px_arena_calloc(sh->arena, cap, sizeof *q.out), 0, cap,
                   0};
    if (q.out == NULL) {
        return px_fail(err, PX_ENOMEM, "sheet: out of memory");
    }
    for (size_t k = 0; k < sh->n_srcs; k++) {
        q.first = q.n;
        direct_quotes(&q, k);
        reported(&q, k, q.first);
    }
    sh->quotes = q.out;
    sh->n_quotes = q.n;
    return PX_OK;
}

px_status
px_sheet_quotes(px_sheet *sh, px_error *err)
{
    px_status rc = find_quotes(sh, err);
    const size_t n = sh->n_quotes;
    px_sheet_sent *v = px_malloc((n + 1) * sizeof *v);
    size_t *p = px_malloc((n + 1) * sizeof *p);
    uint64_t *mask = px_malloc((n + 1) * sizeof *mask);
    quote_pair *pairs =
        px_malloc((n * PX_SHEET_MAX_SOURCES + 1) * sizeof *pairs);
    if (rc != PX_OK) {
        goto done;
    }
    if (v == NULL || p == NULL || mask == NULL || pairs == NULL) {
        rc = px_fail(err, PX_ENOMEM, "sheet: out of memory");
        goto done;
    }
    for (size_t i = 0; i < n && rc == PX_OK; i++) {
        rc = quote_vec(sh, &sh->quotes[i], &v[i], err);
    }
    if (rc == PX_OK) {
        quote_weights(v, n);
        group_quotes(sh, v, p, mask, pairs);
    }
done:
    free(v);
    free(p);
    free(mask);
    free(pairs);
    return rc;
}
