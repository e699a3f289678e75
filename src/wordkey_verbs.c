/* wordkey_verbs.c - the verbs an Arabic word may be (px_wordkey_ar_verbs in
 * wordkey.h).
 *
 * Dictionaries list Arabic verbs in the past tense (وصل "arrived") and
 * sometimes the third-person imperfect (يقول "says"); news text writes every
 * person, tense and mood (تصل، سيصل، يصلون، وصلت). This file undoes the
 * inflection of an unvocalised key: it strips the affixes and rebuilds the
 * past tense from the imperfect stem by the regular patterns of the verb
 * classes, which an unvocalised key cannot tell apart, so it offers every
 * one. The lookup keeps only candidates that the lexicon marks as verbs,
 * which is what keeps يقوم from being read as قوم "folk".
 *
 * Keys are px_wordkey_key results: alef forms are ا, ى and ئ are ي, ؤ is و.
 */
#include <string.h>

#include "wordkey.h"

#define MAX_LETTERS 24

enum {
    ALEF = 0x0627,
    TA = 0x062A,
    SIN = 0x0633,
    FA = 0x0641,
    LAM = 0x0644,
    MIM = 0x0645,
    NUN = 0x0646,
    WAW = 0x0648,
    YA = 0x064A
};

typedef struct verbs {
    char *buf;
    size_t cap;
    size_t used;
    px_str *out;
    size_t max;
    size_t n;
} verbs;

static size_t letters(px_str key, unsigned *w);

static bool
is_person(unsigned c)
{
    return c == YA || c == TA || c == NUN || c == ALEF;
}

static bool
is_weak(unsigned c)
{
    return c == WAW || c == YA || c == ALEF;
}

/* Adds the key of letters a[0..na) then b[0..nb) unless already there. */
static void
emit2(verbs *v, const unsigned *a, size_t na, const unsigned *b, size_t nb)
{
    const size_t bytes = 2 * (na + nb);
    if (na + nb < 2 || v->n >= v->max || v->cap - v->used < bytes) {
        return;
    }
    char *p = v->buf + v->used;
    for (size_t i = 0; i < na + nb; i++) {
        const unsigned c = i < na ? a[i] : b[i - na];
        p[2 * i] = (char)(0xC0 | (c >> 6));
        p[2 * i + 1] = (char)(0x80 | (c & 0x3F));
    }
    for (size_t i = 0; i < v->n; i++) {
        if (v->out[i].len == bytes && memcmp(v->out[i].ptr, p, bytes) == 0) {
            return;
        }
    }
    v->out[v->n++] = (px_str){p, bytes};
    v->used += bytes;
}

static void
emit(verbs *v, const unsigned *a, size_t n)
{
    emit2(v, a, n, NULL, 0);
}

/* The past tenses an imperfect stem s[0..n) (person prefix and subject
 * suffix gone) may come from. */
static void
past_of_stem(verbs *v, const unsigned *s, size_t n)
{
    static const unsigned alef[1] = {ALEF};
    emit(v, s, n); /* sound, doubled, II, III, V, VI: يكتب كتب، يتم تم */
    if (n == 3 && is_weak(s[1])) { /* hollow: يقول قال، يريد أراد */
        const unsigned h[3] = {s[0], ALEF, s[2]};
        emit(v, h, 3);
        emit2(v, alef, 1, h, 3);
    }
    if (n >= 3) { /* IV, VII, VIII, X: يرسل أرسل، يستخدم استخدم */
        emit2(v, alef, 1, s, n);
    }
    if (n >= 4 && is_weak(s[n - 2])) { /* hollow X, VIII: يستطيع استطاع */
        unsigned h[MAX_LETTERS] = {0};
        memcpy(h, s, (n - 2) * sizeof h[0]);
        h[n - 2] = ALEF;
        h[n - 1] = s[n - 1];
        emit2(v, alef, 1, h, n);
    }
    if (n == 2) { /* assimilated يصل وصل; jussive يكن كان; يبق بقي */
        const unsigned a[3] = {WAW, s[0], s[1]};
        const unsigned h[3] = {s[0], ALEF, s[1]};
        const unsigned d[3] = {s[0], s[1], YA};
        emit(v, a, 3);
        emit(v, h, 3);
        emit(v, d, 3);
    }
    if (n == 3 && is_weak(s[2])) { /* defective: يمشي مشي، يدعو دعا */
        const unsigned d[3] = {s[0], s[1], YA};
        const unsigned e[3] = {s[0], s[1], ALEF};
        emit(v, d, 3);
        emit(v, e, 3);
    }
}

static bool
ends_with(const unsigned *w, size_t n, const unsigned *suf, size_t k)
{
    return n >= k && memcmp(w + n - k, suf, k * sizeof w[0]) == 0;
}

/* An imperfect w[0..n) (person prefix first). */
static void
imperfect(verbs *v, const unsigned *w, size_t n)
{
    static const unsigned sufs[][2] = {{0, 0},    {WAW, NUN},  {ALEF, NUN},
                                       {YA, NUN}, {WAW, ALEF}, {NUN, 0}};
    static const size_t lens[] = {0, 2, 2, 2, 2, 1};
    static const unsigned ya[1] = {YA};
    if (n < 3 || !is_person(w[0])) {
        return;
    }
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        const size_t k = lens[i];
        if (n - 1 < k + 2 || !ends_with(w, n, sufs[i], k)) {
            continue;
        }
        emit2(v, ya, 1, w + 1, n - 1 - k);
        past_of_stem(v, w + 1, n - 1 - k);
    }
}

/* The imperfect (ي form) of the past tense p[0..n), for verbs the
 * dictionaries list in the imperfect only: شهد يشهد، اصدر يصدر، جاء يجيء،
 * وصل يصل. */
static void
imperfect_of(verbs *v, const unsigned *p, size_t n)
{
    static const unsigned ya[1] = {YA};
    if (n < 3) {
        return;
    }
    emit2(v, ya, 1, p, n);
    if (p[0] == ALEF) {
        emit2(v, ya, 1, p + 1, n - 1);
    }
    if (n == 3 && p[1] == ALEF) {
        const unsigned w[4] = {YA, p[0], WAW, p[2]};
        const unsigned y[4] = {YA, p[0], YA, p[2]};
        emit(v, w, 4);
        emit(v, y, 4);
    }
    if (n == 3 && p[0] == WAW) {
        emit2(v, ya, 1, p + 1, 2);
    }
}

/* A past tense w[0..n), bare or with a subject suffix: وصلت وصل، كنا
 * كان; then the imperfects of those. */
static void
past(verbs *v, const unsigned *w, size_t n)
{
    static const unsigned sufs[][2] = {{TA, 0},     {TA, ALEF}, {WAW, ALEF},
                                       {NUN, ALEF}, {TA, MIM},  {TA, NUN}};
    static const size_t lens[] = {1, 2, 2, 2, 2, 2};
    const size_t first = v->n;
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        const size_t k = lens[i];
        if (n < k + 2 || !ends_with(w, n, sufs[i], k)) {
            continue;
        }
        static const unsigned ya[1] = {YA};
        emit(v, w, n - k);
        if (n - k == 2) { /* hollow verbs shorten: كنا كان، قلت قال */
            const unsigned h[3] = {w[0], ALEF, w[1]};
            emit(v, h, 3);
        }
        emit2(v, w, n - k, ya, 1); /* defective ones too: القت القى */
    }
    const size_t last = v->n;
    imperfect_of(v, w, n);
    for (size_t i = first; i < last; i++) {
        unsigned p[MAX_LETTERS] = {0};
        const size_t m = letters(v->out[i], p);
        imperfect_of(v, p, m);
    }
}

static void
analyse(verbs *v, const unsigned *w, size_t n)
{
    /* future سـ and the particle لـ before an imperfect */
    const size_t p = n >= 4 && (w[0] == SIN || w[0] == LAM) && is_person(w[1]);
    if (p == 0) { /* the fewer letters changed, the likelier: تمت is تم */
        past(v, w, n);
    }
    imperfect(v, w + p, n - p);
}

/* The letters of key into w (at most MAX_LETTERS); 0 unless all of them
 * are Arabic letters (two UTF-8 bytes each, U+0600..U+06FF). */
static size_t
letters(px_str key, unsigned *w)
{
    if (key.len % 2 != 0 || key.len / 2 > MAX_LETTERS) {
        return 0;
    }
    const unsigned char *s = (const unsigned char *)key.ptr;
    for (size_t i = 0; i < key.len; i += 2) {
        if ((s[i] & 0xFC) != 0xD8 || (s[i + 1] & 0xC0) != 0x80) {
            return 0;
        }
        w[i / 2] = (unsigned)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
    }
    return key.len / 2;
}

/* A verbal noun of the derived forms with ا (إفعال، افتعال، انفعال،
 * استفعال): its verb without the long vowel (اتخاذ اتخذ، ابلاغ ابلغ). */
static void
masdar(verbs *v, const unsigned *w, size_t n)
{
    if (n >= 5 && w[0] == ALEF && w[n - 2] == ALEF) {
        unsigned m[MAX_LETTERS] = {0};
        memcpy(m, w, (n - 2) * sizeof m[0]);
        m[n - 2] = w[n - 1];
        emit(v, m, n - 1);
    }
}

size_t
px_wordkey_ar_nouns(px_str key, char *buf, size_t cap, px_str *out, size_t max)
{
    static const unsigned sufs[][3] = {
        {ALEF, TA, 0}, {YA, NUN, 0},    {WAW, NUN, 0}, {ALEF, NUN, 0},
        {TA, YA, NUN}, {TA, ALEF, NUN}, {ALEF, 0, 0}};
    static const size_t lens[] = {2, 2, 2, 2, 3, 3, 1};
    static const unsigned ha[1] = {0x0647}; /* ه: ة in a key */
    unsigned w[MAX_LETTERS] = {0};
    const size_t n = letters(key, w);
    verbs v = {buf, cap, 0, out, max, 0};
    for (size_t i = 0; n >= 4 && i < sizeof lens / sizeof lens[0]; i++) {
        const size_t k = lens[i];
        if (n < k + (k == 1 ? 4 : 3) || !ends_with(w, n, sufs[i], k)) {
            continue; /* عليا is not على + ا */
        }
        emit(&v, w, n - k); /* مليارات مليار، مشتبهين مشتبه */
        emit2(&v, w, n - k, ha, 1); /* مباراتين مباراه، سيارات سياره */
    }
    /* the broken plural أفعال: اعوام عام، احزاب حزب */
    if (n == 5 && w[0] == ALEF && w[3] == ALEF) {
        const unsigned s[3] = {w[1], w[2], w[4]};
        const unsigned h[3] = {w[1], ALEF, w[4]};
        emit(&v, s, 3);
        if (w[2] == WAW || w[2] == YA) {
            emit(&v, h, 3);
        }
    }
    return v.n;
}

size_t
px_wordkey_ar_verbs(px_str key, char *buf, size_t cap, px_str *out, size_t max)
{
    unsigned w[MAX_LETTERS] = {0};
    const size_t n = letters(key, w);
    verbs v = {buf, cap, 0, out, max, 0};
    if (n < 3) {
        return 0;
    }
    analyse(&v, w, n);
    masdar(&v, w, n);
    if (n >= 4 && (w[0] == WAW || w[0] == FA)) {
        analyse(&v, w + 1, n - 1);
    }
    return v.n;
}
