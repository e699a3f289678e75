/* content_cues.c - the word lists of the main-text extractor: tag classes,
 * class/id cue words, boilerplate lines, and text measurement.
 *
 * Cue words come in three strengths. Positive words ("article", "content",
 * "正文", "zhengwen") mark likely containers. Weak negatives ("meta",
 * "byline", "widget") mark chrome unless a positive word is also present.
 * Strong negatives ("comment", "share", "related", "评论") mark chrome
 * regardless. Lists cover English, pinyin and CJK class names; boilerplate
 * lines cover English, Arabic and Chinese. All matching is on lower-cased
 * ASCII tokens of class/id values (non-ASCII bytes are kept as they are).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "arena.h"
#include "content_int.h"
#include "pubdate.h"
#include "str.h"

typedef struct tag_entry {
    const char *name;
    px_ctag tag;
} tag_entry;

static const tag_entry tag_table[] = {
    {"a", PX_CT_A},
    {"abbr", PX_CT_INLINE},
    {"address", PX_CT_BLOCK},
    {"article", PX_CT_ARTICLE},
    {"aside", PX_CT_NAV},
    {"audio", PX_CT_SKIP},
    {"b", PX_CT_INLINE},
    {"bdi", PX_CT_INLINE},
    {"bdo", PX_CT_INLINE},
    {"big", PX_CT_INLINE},
    {"blockquote", PX_CT_QUOTE},
    {"body", PX_CT_BODY},
    {"br", PX_CT_BR},
    {"button", PX_CT_NAV},
    {"canvas", PX_CT_SKIP},
    {"cite", PX_CT_INLINE},
    {"code", PX_CT_INLINE},
    {"data", PX_CT_INLINE},
    {"datalist", PX_CT_SKIP},
    {"dd", PX_CT_LI},
    {"del", PX_CT_INLINE},
    {"dfn", PX_CT_INLINE},
    {"dialog", PX_CT_SKIP},
    {"div", PX_CT_DIV},
    {"dl", PX_CT_LIST},
    {"dt", PX_CT_LI},
    {"em", PX_CT_INLINE},
    {"embed", PX_CT_SKIP},
    {"figcaption", PX_CT_FIGURE},
    {"figure", PX_CT_FIGURE},
    {"font", PX_CT_INLINE},
    {"footer", PX_CT_NAV},
    {"form", PX_CT_FORM},
    {"h1", PX_CT_H1},
    {"h2", PX_CT_HEADING},
    {"h3", PX_CT_HEADING},
    {"h4", PX_CT_HEADING},
    {"h5", PX_CT_HEADING},
    {"h6", PX_CT_HEADING},
    {"head", PX_CT_SKIP},
    {"header", PX_CT_HEADER},
    {"i", PX_CT_INLINE},
    {"iframe", PX_CT_SKIP},
    {"img", PX_CT_IMG},
    {"input", PX_CT_SKIP},
    {"ins", PX_CT_INLINE},
    {"kbd", PX_CT_INLINE},
    {"label", PX_CT_INLINE},
    {"li", PX_CT_LI},
    {"link", PX_CT_SKIP},
    {"main", PX_CT_MAIN},
    {"map", PX_CT_SKIP},
    {"mark", PX_CT_INLINE},
    {"math", PX_CT_SKIP},
    {"menu", PX_CT_NAV},
    {"meta", PX_CT_SKIP},
    {"nav", PX_CT_NAV},
    {"nobr", PX_CT_INLINE},
    {"noscript", PX_CT_SKIP},
    {"object", PX_CT_SKIP},
    {"ol", PX_CT_LIST},
    {"option", PX_CT_SKIP},
    {"p", PX_CT_P},
    {"picture", PX_CT_SKIP},
    {"pre", PX_CT_PRE},
    {"q", PX_CT_INLINE},
    {"s", PX_CT_INLINE},
    {"samp", PX_CT_INLINE},
    {"script", PX_CT_SKIP},
    {"section", PX_CT_DIV},
    {"select", PX_CT_SKIP},
    {"small", PX_CT_INLINE},
    {"span", PX_CT_INLINE},
    {"strike", PX_CT_INLINE},
    {"strong", PX_CT_INLINE},
    {"style", PX_CT_SKIP},
    {"sub", PX_CT_INLINE},
    {"sup", PX_CT_INLINE},
    {"svg", PX_CT_SKIP},
    {"table", PX_CT_TABLE},
    {"td", PX_CT_CELL},
    {"template", PX_CT_SKIP},
    {"textarea", PX_CT_SKIP},
    {"th", PX_CT_CELL},
    {"time", PX_CT_INLINE},
    {"title", PX_CT_SKIP},
    {"tr", PX_CT_TR},
    {"tt", PX_CT_INLINE},
    {"u", PX_CT_INLINE},
    {"ul", PX_CT_LIST},
    {"var", PX_CT_INLINE},
    {"video", PX_CT_SKIP},
    {"wbr", PX_CT_INLINE},
};

px_ctag
px_content_tag(const xmlChar *name)
{
    if (name == NULL) {
        return PX_CT_BLOCK;
    }
    const char *s = (const char *)name;
    size_t lo = 0;
    size_t hi = sizeof tag_table / sizeof tag_table[0];
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        const char *t = tag_table[mid].name;
        int c = (int)(unsigned char)s[0] - (int)(unsigned char)t[0];
        if (c == 0 && s[0] != '\0') {
            c = strcmp(s + 1, t + 1);
        }
        if (c == 0) {
            return tag_table[mid].tag;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return PX_CT_BLOCK;
}

px_ctag
px_content_tag_cached(px_ccache *cache, const xmlChar *name)
{
    const size_t slot = px_addr_slot(name, PX_CTAG_SLOTS_LOG2);
    if (name == NULL || cache->tag_key[slot] != name) {
        cache->tag[slot] = (uint8_t)px_content_tag(name);
        cache->tag_key[slot] = name;
    }
    return (px_ctag)cache->tag[slot];
}

/* ---- class / id cue words ------------------------------------------- */

typedef enum { M_SUB, M_EXACT, M_PREFIX } match_mode;

typedef struct cue_word {
    const char *word;
    unsigned char len;
    unsigned char mode;  /* match_mode */
    unsigned char flags; /* PX_CF_POS, PX_CF_NEG or PX_CF_STRONG */
} cue_word;

#define CW(w, m, f)                                                            \
    {                                                                          \
        (w), (unsigned char)(sizeof(w) - 1), (m), (f)                          \
    }
#define N_CUE_WORDS (sizeof cue_words / sizeof cue_words[0])

/* Sorted by first byte (px_content_cues looks words up by it). */
static const cue_word cue_words[] = {
    CW("article", M_SUB, PX_CF_POS),
    CW("advert", M_SUB, PX_CF_STRONG),
    CW("adsense", M_SUB, PX_CF_STRONG),
    CW("ad", M_EXACT, PX_CF_NEG),
    CW("ads", M_EXACT, PX_CF_NEG),
    CW("author", M_SUB, PX_CF_STRONG),
    CW("body", M_SUB, PX_CF_POS),
    CW("blog", M_PREFIX, PX_CF_POS),
    CW("breadcrumb", M_SUB, PX_CF_STRONG),
    CW("banner", M_SUB, PX_CF_NEG),
    CW("byline", M_SUB, PX_CF_STRONG),
    CW("bio", M_EXACT, PX_CF_STRONG),
    CW("content", M_SUB, PX_CF_POS),
    CW("comment", M_SUB, PX_CF_STRONG),
    CW("cookie", M_SUB, PX_CF_STRONG),
    CW("consent", M_SUB, PX_CF_STRONG),
    CW("caption", M_SUB, PX_CF_STRONG),
    CW("copyright", M_SUB, PX_CF_NEG),
    CW("detail", M_SUB, PX_CF_POS),
    CW("disqus", M_SUB, PX_CF_STRONG),
    CW("disclaimer", M_SUB, PX_CF_NEG),
    CW("entry", M_SUB, PX_CF_POS),
    CW("footer", M_SUB, PX_CF_STRONG),
    CW("fenxiang", M_SUB, PX_CF_STRONG),
    CW("gdpr", M_SUB, PX_CF_STRONG),
    CW("header", M_SUB, PX_CF_NEG),
    CW("login", M_SUB, PX_CF_NEG),
    CW("main", M_PREFIX, PX_CF_POS),
    CW("mostread", M_SUB, PX_CF_STRONG),
    CW("menu", M_SUB, PX_CF_STRONG),
    CW("meta", M_EXACT, PX_CF_NEG),
    CW("masthead", M_SUB, PX_CF_NEG),
    CW("modal", M_SUB, PX_CF_NEG),
    CW("neirong", M_SUB, PX_CF_POS),
    CW("newsletter", M_SUB, PX_CF_STRONG),
    CW("nav", M_PREFIX, PX_CF_STRONG),
    CW("outbrain", M_SUB, PX_CF_STRONG),
    CW("overlay", M_SUB, PX_CF_NEG),
    CW("post", M_PREFIX, PX_CF_POS),
    CW("promo", M_SUB, PX_CF_STRONG),
    CW("popular", M_SUB, PX_CF_STRONG),
    CW("pinglun", M_SUB, PX_CF_STRONG),
    CW("print", M_EXACT, PX_CF_NEG),
    CW("pagination", M_SUB, PX_CF_NEG),
    CW("pager", M_SUB, PX_CF_NEG),
    CW("popup", M_SUB, PX_CF_NEG),
    CW("related", M_SUB, PX_CF_STRONG),
    CW("recommend", M_SUB, PX_CF_STRONG),
    CW("rating", M_SUB, PX_CF_NEG),
    CW("story", M_SUB, PX_CF_POS),
    CW("share", M_SUB, PX_CF_STRONG),
    CW("sharing", M_SUB, PX_CF_STRONG),
    CW("social", M_SUB, PX_CF_STRONG),
    CW("subscri", M_SUB, PX_CF_STRONG),
    CW("sidebar", M_SUB, PX_CF_STRONG),
    CW("signup", M_SUB, PX_CF_STRONG),
    CW("sponsor", M_SUB, PX_CF_NEG),
    CW("search", M_SUB, PX_CF_NEG),
    CW("sr-only", M_SUB, PX_CF_NEG),
    CW("screen", M_EXACT, PX_CF_NEG),
    CW("skip", M_PREFIX, PX_CF_NEG),
    CW("text", M_SUB, PX_CF_POS),
    CW("taboola", M_SUB, PX_CF_STRONG),
    CW("trending", M_SUB, PX_CF_STRONG),
    CW("tuijian", M_SUB, PX_CF_STRONG),
    CW("tags", M_EXACT, PX_CF_NEG),
    CW("tag", M_EXACT, PX_CF_NEG),
    CW("toolbar", M_SUB, PX_CF_NEG),
    CW("visually", M_EXACT, PX_CF_NEG),
    CW("widget", M_SUB, PX_CF_NEG),
    CW("xiangguan", M_SUB, PX_CF_STRONG),
    CW("zhengwen", M_SUB, PX_CF_POS),
    CW("\xe5\x86\x85\xe5\xae\xb9", M_SUB, PX_CF_POS),    /* 内容 */
    CW("\xe5\x88\x86\xe4\xba\xab", M_SUB, PX_CF_STRONG), /* 分享 */
    CW("\xe5\xb9\xbf\xe5\x91\x8a", M_SUB, PX_CF_STRONG), /* 广告 */
    CW("\xe5\xaf\xbc\xe8\x88\xaa", M_SUB, PX_CF_STRONG), /* 导航 */
    CW("\xe6\xad\xa3\xe6\x96\x87", M_SUB, PX_CF_POS),    /* 正文 */
    CW("\xe6\x96\x87\xe7\xab\xa0", M_SUB, PX_CF_POS),    /* 文章 */
    CW("\xe6\x8e\xa8\xe8\x8d\x90", M_SUB, PX_CF_STRONG), /* 推荐 */
    CW("\xe7\x9b\xb8\xe5\x85\xb3", M_SUB, PX_CF_STRONG), /* 相关 */
    CW("\xe8\xaf\x84\xe8\xae\xba", M_SUB, PX_CF_STRONG), /* 评论 */
};

_Static_assert(N_CUE_WORDS < 256, "cue word index must fit a byte");
/* (flags_at compares second bytes first: every cue word has two bytes at
 * least.) */

/* Fills the index of the cue words by first byte (the list is sorted by
 * it). */
static void
build_index(px_ccache *cache)
{
    for (size_t k = N_CUE_WORDS; k-- > 0;) {
        const unsigned char b = (unsigned char)cue_words[k].word[0];
        if (cache->end[b] == 0) {
            cache->end[b] = (uint8_t)(k + 1);
        }
        cache->first[b] = (uint8_t)k;
        const unsigned char b1 = (unsigned char)cue_words[k].word[1];
        cache->pair[b][b1 >> 6] |= (uint64_t)1 << (b1 & 63);
    }
    cache->has_index = true;
}

/* Flags of the cue words found in tok at position i. */
static unsigned
flags_at(const px_ccache *cache, const char *tok, size_t len, size_t i)
{
    unsigned f = 0;
    const unsigned char b = (unsigned char)tok[i];
    if (len - i < 2) {
        return 0;
    }
    const unsigned char b1 = (unsigned char)tok[i + 1];
    if ((cache->pair[b][b1 >> 6] >> (b1 & 63) & 1) == 0) {
        return 0;
    }
    for (size_t k = cache->first[b]; k < cache->end[b]; k++) {
        const cue_word *c = &cue_words[k];
        /* the third byte (when the word has one) spares most memcmp calls */
        if (c->len > len - i || tok[i + 1] != c->word[1] ||
            (c->len > 2 && tok[i + 2] != c->word[2]) ||
            memcmp(tok + i, c->word, c->len) != 0) {
            continue;
        }
        if (c->mode == M_SUB || (i == 0 && c->mode == M_PREFIX) ||
            (i == 0 && c->len == len)) {
            f |= c->flags;
        }
    }
    return f;
}

static unsigned
token_flags(const px_ccache *cache, const char *tok, size_t len)
{
    unsigned f = 0;
    for (size_t i = 0; i < len; i++) {
        f |= flags_at(cache, tok, len, i);
    }
    return f;
}

/* ASCII letters and any byte of a non-ASCII character. */
static bool
is_token_byte(unsigned char c)
{
    return c >= 0x80 || (px_ascii_class[c] & PX_ASCII_ALPHA) != 0;
}

/* Class names that describe a state or a taxonomy term rather than the
 * element's role ("has-sidebar", "tag-comments", "enable-pin-share"). */
static bool
is_modifier(const xmlChar *v, size_t len)
{
    static const char *const pre[] = {"tag-",  "category-", "has-",
                                      "no-",   "with-",     "enable-",
                                      "show-", "hide-",     "is-"};
    switch (v[0]) { /* the first bytes of the prefixes */
    case 't':
    case 'c':
    case 'h':
    case 'n':
    case 'w':
    case 'e':
    case 's':
    case 'i':
        break;
    default:
        return false;
    }
    /* every prefix has its '-' within its first 9 bytes */
    if (memchr(v, '-', len < 9 ? len : 9) == NULL) {
        return false;
    }
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
        if (v[0] != (unsigned char)pre[i][0]) {
            continue;
        }
        const size_t n = strlen(pre[i]);
        if (len > n && memcmp(v, pre[i], n) == 0) {
            return true;
        }
    }
    return false;
}

/* Flags of one class name: split into tokens at anything but letters (and
 * non-ASCII bytes), lower-cased into a small buffer. */
static unsigned
name_flags(const px_ccache *cache, const xmlChar *v, size_t len)
{
    unsigned f = 0;
    char tok[64];
    size_t i = 0;
    while (i < len) {
        if (!is_token_byte(v[i])) {
            i++;
            continue;
        }
        size_t n = 0;
        for (; i < len && is_token_byte(v[i]); i++) {
            if (n < sizeof tok) {
                tok[n++] = (char)px_ascii_lower(v[i]);
            }
        }
        f |= token_flags(cache, tok, n);
    }
    return f;
}

/* Class names that hide an element in common CSS frameworks, or keep it
 * for screen readers only. */
static bool
is_hiding(const xmlChar *v, size_t len)
{
    static const char *const names[] = {
        "hidden",  "d-none",          "is-hidden",          "u-hidden",
        "sr-only", "visually-hidden", "screen-reader-text", "visuallyhidden",
        "hide",    "invisible",       "element-invisible"};
    /* bit n set: some name above is n bytes long */
    static const uint32_t lengths = 0x6c3d0u;
    if (len >= 32 || ((lengths >> len) & 1) == 0) {
        return false;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (v[0] == (unsigned char)names[i][0] && strlen(names[i]) == len &&
            memcmp(v, names[i], len) == 0) {
            return true;
        }
    }
    return false;
}

/* Flags of the class name v[0..len) whose hash (of its bytes) is h,
 * through the cache of names. */
static unsigned
one_name_flags(px_ccache *cache, const xmlChar *v, size_t len, uint32_t h)
{
    const size_t slot = (uint32_t)(h * 0x9E3779B1u) >> (32 - PX_CNAME_BITS);
    if (len < 256 && cache->name_key[slot] != NULL &&
        cache->name_len[slot] == len &&
        memcmp(cache->name_key[slot], v, len) == 0) {
        return cache->name_flags[slot];
    }
    const unsigned f = is_hiding(v, len)     ? PX_CF_HIDDEN
                       : is_modifier(v, len) ? 0
                                             : name_flags(cache, v, len);
    if (len < 256) {
        cache->name_key[slot] = v;
        cache->name_len[slot] = (uint8_t)len;
        cache->name_flags[slot] = (uint8_t)f;
    }
    return f;
}

/* Flags of a class or id value (names separated by white space). */
static unsigned
value_flags(px_ccache *cache, const xmlChar *v)
{
    unsigned f = 0;
    size_t i = 0;
    for (;;) {
        while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
            i++;
        }
        if (v[i] == 0) {
            return f;
        }
        /* strcspn finds the end in wide steps; the sparse hash reads a
         * few words of the name, not each byte */
        const size_t n = strcspn((const char *)v + i, " \t\n\r");
        const uint32_t h = (uint32_t)(px_hash_sparse(0, v + i, n) >> 32);
        f |= one_name_flags(cache, v + i, n, h);
        i += n;
    }
}

/* The cache slot of class or id value v[0..len). */
static size_t
value_slot(const xmlChar *v, size_t len)
{
    return (size_t)(px_hash_sparse(0, v, len) >> 32) % PX_CCACHE_SLOTS;
}

static unsigned
cached_flags(px_ccache *cache, const xmlChar *v)
{
    const size_t slot = value_slot(v, strlen((const char *)v));
    if (cache->key[slot] != NULL &&
        strcmp((const char *)cache->key[slot], (const char *)v) == 0) {
        return cache->flags[slot];
    }
    if (!cache->has_index) {
        build_index(cache);
    }
    const unsigned f = value_flags(cache, v);
    cache->key[slot] = v;
    cache->flags[slot] = (uint8_t)f;
    return f;
}

static bool
ascii_ieq(const xmlChar *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = *a;
        if (x >= 'A' && x <= 'Z') {
            x = (unsigned char)(x + 32);
        }
        if (x != (unsigned char)*b) {
            return false;
        }
        if (x == 0) {
            return true;
        }
    }
}

/* True if a style value hides the element (display:none,
 * visibility:hidden), ignoring case and spaces. */
static bool
style_hides(const xmlChar *v)
{
    char buf[256];
    size_t n = 0;
    for (size_t i = 0; v[i] != 0 && n + 1 < sizeof buf; i++) {
        unsigned char c = v[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        }
        buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[n] = '\0';
    return strstr(buf, "display:none") != NULL ||
           strstr(buf, "visibility:hidden") != NULL;
}

static unsigned
role_flags(const xmlChar *v)
{
    static const char *const chrome[] = {
        "navigation", "complementary", "contentinfo", "banner",
        "menu",       "menubar",       "search",      "dialog",
        "alert",      "toolbar",       "tablist"};
    if (ascii_ieq(v, "main") || ascii_ieq(v, "article")) {
        return PX_CF_POS | PX_CF_BODYPROP;
    }
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++) {
        if (ascii_ieq(v, chrome[i])) {
            return PX_CF_STRONG;
        }
    }
    return 0;
}

/* What px_content_cues reads from an attribute, by name. */
typedef enum {
    ATTR_OTHER,
    ATTR_CLASS_ID,
    ATTR_STYLE,
    ATTR_HIDDEN,
    ATTR_ARIA_HIDDEN,
    ATTR_ROLE,
    ATTR_ITEMPROP
} attr_kind;

static attr_kind
attr_kind_of(const char *name)
{
    switch (name[0]) {
    case 'c':
        return strcmp(name, "class") == 0 ? ATTR_CLASS_ID : ATTR_OTHER;
    case 'i':
        return strcmp(name, "id") == 0         ? ATTR_CLASS_ID
               : strcmp(name, "itemprop") == 0 ? ATTR_ITEMPROP
                                               : ATTR_OTHER;
    case 's':
        return strcmp(name, "style") == 0 ? ATTR_STYLE : ATTR_OTHER;
    case 'h':
        return strcmp(name, "hidden") == 0 ? ATTR_HIDDEN : ATTR_OTHER;
    case 'a':
        return strcmp(name, "aria-hidden") == 0 ? ATTR_ARIA_HIDDEN : ATTR_OTHER;
    case 'r':
        return strcmp(name, "role") == 0 ? ATTR_ROLE : ATTR_OTHER;
    default:
        return ATTR_OTHER;
    }
}

/* attr_kind_of, remembered by the address of the name (the parser's
 * dictionary strings). */
static attr_kind
attr_kind_cached(px_ccache *cache, const xmlChar *name)
{
    const size_t slot = px_addr_slot(name, PX_CTAG_SLOTS_LOG2);
    if (cache->attr_key[slot] != name) {
        cache->attr[slot] = (uint8_t)attr_kind_of((const char *)name);
        cache->attr_key[slot] = name;
    }
    return (attr_kind)cache->attr[slot];
}

unsigned
px_content_cues(xmlNodePtr el, px_ccache *cache, bool *hidden)
{
    unsigned f = 0;
    *hidden = false;
    for (xmlAttrPtr at = el->properties; at != NULL; at = at->next) {
        const xmlChar *v =
            at->children != NULL ? at->children->content : (const xmlChar *)"";
        if (v == NULL) {
            v = (const xmlChar *)"";
        }
        switch (at->name != NULL ? attr_kind_cached(cache, at->name)
                                 : ATTR_OTHER) {
        case ATTR_CLASS_ID: {
            const unsigned cf = cached_flags(cache, v);
            *hidden = *hidden || (cf & PX_CF_HIDDEN) != 0;
            f |= cf & ~(unsigned)PX_CF_HIDDEN;
            break;
        }
        case ATTR_STYLE:
            *hidden = *hidden || style_hides(v);
            break;
        case ATTR_HIDDEN:
            *hidden = true;
            break;
        case ATTR_ARIA_HIDDEN:
            *hidden = *hidden || ascii_ieq(v, "true");
            break;
        case ATTR_ROLE:
            f |= role_flags(v);
            break;
        case ATTR_ITEMPROP:
            f |= ascii_ieq(v, "articlebody") ? PX_CF_POS | PX_CF_BODYPROP : 0u;
            break;
        case ATTR_OTHER:
            break;
        }
    }
    return f;
}

/* ---- boilerplate lines ------------------------------------------------ */

/* Line starts (ASCII letters compared case-insensitively). */
static const char *const boiler_starts[] = {
    "quelle:",
    "originalartikel",
    "folgen sie uns",
    "abonnieren sie",
    "zum newsletter",
    "war der artikel",
    "war dieser artikel",
    "artikel teilen",
    "diesen artikel teilen",
    "neueste artikel",
    "meistgelesen",
    "alle artikel",
    "fuente:",
    "síguenos",
    "suscríbete",
    "source :",
    "suivez-nous",
    "abonnez-vous",
    "fonte:",
    "źródło:",
    "bron:",
    "kontakt:",
    "telefon:",
    "tel.:",
    "fax:",
    "e-mail:",
    "weitere informationen",
    "weitere artikel",
    "weitere beiträge",
    "mehr themen",
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte themen",
    "verwandte artikel",
    "verwandte beiträge",
    "das könnte",
    "zum weiterlesen",
    "noch mehr",
    "bild anzeigen",
    "vergrößern",
    "kategorie:",
    "kategorien:",
    "schlagwörter",
    "stichwörter",
    "schlagworte",
    "notas relacionadas",
    "noticias relacionadas",
    "contenido relacionado",
    "artículos relacionados",
    "vos réactions",
    "pour lire la suite",
    "articles similaires",
    "sur le même sujet",
    "articoli correlati",
    "podobne artykuły",
    "zobacz także",
    "zobacz też",
    "leia também",
    "veja também",
    "notícias relacionadas",
    "lees ook",
    "gerelateerde artikelen",
    "newsletter",
    "anzeige",
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "原创版权",
    "版权声明",
    "免责声明",
    "转载请注明",
    "转载申请",
    "本文来源",
    "本文转自",
    "文章来源",
    "目前位置",
    "الرئيسية »",
    "أنت هنا",
    "read more",
    "read also",
    "read next",
    "also read",
    "related:",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "related coverage",
    "see also",
    "share this",
    "share on",
    "share:",
    "follow us",
    "sign up",
    "subscribe",
    "advertisement",
    "click here",
    "continue reading",
    "leave a comment",
    "leave a reply",
    "you may also like",
    "you might also like",
    "recommended for you",
    "more from",
    "more stories",
    "tags:",
    "filed under",
    "posted in",
    "all rights reserved",
    "copyright",
    "©",
    "http://",
    "https://",
    "www.",
    "mehr zum thema",
    "lesen sie auch",
    "auch interessant",
    "weitere artikel",
    "teilen",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "partager",
    "lee también",
    "leer más",
    "compartir",
    "leggi anche",
    "condividi",
    "czytaj też",
    "czytaj także",
    "udostępnij",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ ايضا",
    "اقرأ المزيد",
    "شاهد أيضا",
    "شاهد أيضاً",
    "طالع أيضا",
    "طالع أيضاً",
    "شارك",
    "تعليقات",
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "مواضيع ذات صلة",
    "تابعونا",
    "اشترك",
    "جميع الحقوق محفوظة",
    "相关阅读",
    "相关新闻",
    "相关文章",
    "相关链接",
    "相关推荐",
    "分享到",
    "责任编辑",
    "推荐阅读",
    "延伸阅读",
    "热门评论",
    "网友评论",
    "上一篇",
    "下一篇",
    "扫一扫",
    "版权所有",
    "关注我们",
    "点击进入",
    "查看更多",
    "更多精彩",
    "原标题",
    "相關閱讀",
    "相關新聞",
    "責任編輯",
    "延伸閱讀",
    "分享至",
};

/* Line starts that make a line chrome when it also holds a digit (a
 * date line: "Updated 11:21 pm", "发布时间：2026-01-06"). */
static const char *const dated_starts[] = {
    "veröffentlichung",
    "erstellt am",
    "verfasst von",
    "release date",
    "news date",
    "publikacja",
    "data publikacji",
    "fecha de publicación",
    "date de publication",
    "updated",
    "last updated",
    "last modified",
    "published",
    "posted on",
    "posted by",
    "veröffentlicht",
    "aktualisiert",
    "erschienen in",
    "zuletzt aktualisiert",
    "publié",
    "mis à jour",
    "publicado",
    "actualizado",
    "pubblicato",
    "aggiornato",
    "opublikowano",
    "aktualizacja",
    "stand:",
    "نشر في",
    "نشر بتاريخ",
    "آخر تحديث",
    "تاريخ النشر",
    "发布时间",
    "发表于",
    "更新时间",
    "发布日期",
    "时间：",
    "來源：",
    "发布：",
    "編輯：",
    "编辑：",
    "来源：",
};

/* Marks of a date-and-source line anywhere in a short line that also
 * holds a digit ("2022.01.20 16:31 来源：河南日报"). */
static const char *const dated_marks[] = {
    "来源：",   "来源:",  "來源：", "发布时间", "發佈時間",
    "责任编辑", "编辑：", "作者：", "المصدر:",
};

/* Whole lines (after trimming trailing punctuation). */
static const char *const boiler_whole[] = {
    "kontakt",     "contact",    "impressum",    "news",          "drucken",
    "teilen",      "merken",     "kommentieren", "compartir",     "partager",
    "imprimir",    "imprimer",   "share",        "tweet",         "email",
    "print",       "comments",   "comment",      "advertisement", "anzeige",
    "publicité",   "publicidad", "facebook",     "twitter",       "whatsapp",
    "linkedin",    "pinterest",  "reddit",       "telegram",      "copy link",
    "back to top", "related",    "more",         "read more",     "评论",
    "分享",        "返回顶部",   "打印",         "关闭",          "إعلان",
    "شارك",        "مشاركة",
};

/* Headings that open the chrome after an article (related stories,
 * comments, "more"), in the languages of our test sets. */
static const char *const end_starts[] = {
    "related",
    "more from",
    "more on ",
    "more stories",
    "more news",
    "you may also",
    "you might also",
    "recommended",
    "most popular",
    "most read",
    "trending",
    "latest news",
    "about the author",
    "leave a reply",
    "leave a comment",
    "comments",
    "ähnliche",
    "verwandte",
    "weitere artikel",
    "weitere beiträge",
    "weitere themen",
    "mehr themen",
    "mehr aus",
    "zum weiterlesen",
    "das könnte",
    "kommentare",
    "kommentar schreiben",
    "über den autor",
    "über die autorin",
    "sur le même sujet",
    "vos réactions",
    "commentaires",
    "articles similaires",
    "dans la même rubrique",
    "à voir aussi",
    "notas relacionadas",
    "noticias relacionadas",
    "contenido relacionado",
    "más noticias",
    "comentarios",
    "lo más leído",
    "artículos relacionados",
    "articoli correlati",
    "potrebbe interessarti",
    "commenti",
    "komentarze",
    "podobne artykuły",
    "notícias relacionadas",
    "comentários",
    "gerelateerd",
    "reacties",
    "meer nieuws",
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "مواضيع ذات صلة",
    "تعليقات",
    "الأكثر قراءة",
    "المزيد من",
    "推荐阅读",
    "延伸阅读",
    "猜你喜欢",
    "网友评论",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关推荐",
    "相关链接",
    "相關新聞",
    "相關閱讀",
    "发表评论",
    "我要评论",
    "热门评论",
    "评论区",
};

/* Marks of a caption or credit line anywhere in a short line. */
static const char *const caption_marks[] = {
    "©",         "photo:", "photos:",      "foto:",  "fotos:", "credit:",
    "image:",    "bild:",  "getty images", "/ afp",  "afp /",  "/ reuters",
    "reuters /", "(afp)",  "图片来源",     "图片：", "摄影：", "صورة:",
};

/* text without leading brackets and dashes: "（责任编辑：X）", "[Read more]".
 */
static px_str
skip_open(px_str text)
{
    static const char *const open[] = {"\xef\xbc\x88", "\xe3\x80\x90",
                                       "\xe3\x80\x8c", "\xe3\x80\x8a",
                                       "\xe2\x80\x94", "\xe2\x80\x93"};
    for (;;) {
        if (text.len > 0 && strchr("([{<*-|>/ ", text.ptr[0]) != NULL) {
            text.ptr++;
            text.len--;
            continue;
        }
        /* every opener above starts with 0xE2, 0xE3 or 0xEF */
        if (text.len < 3 || (unsigned char)text.ptr[0] < 0xE2) {
            return text;
        }
        size_t i = 0;
        while (i < sizeof open / sizeof open[0] &&
               !px_str_istarts_c(text, open[i])) {
            i++;
        }
        if (i == sizeof open / sizeof open[0]) {
            return text;
        }
        text.ptr += 3;
        text.len -= 3;
    }
}

static bool
has_digit(px_str s)
{
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] >= '0' && s.ptr[i] <= '9') {
            return true;
        }
    }
    return false;
}

/* A list of words by first byte (ASCII lower-cased): the words of first
 * byte b are list[order[start[b]] .. order[start[b + 1] - 1]]. */
typedef struct word_index {
    uint8_t start[257];
    uint8_t order[255];
} word_index;

static void
index_words(word_index *ix, const char *const *list, size_t n)
{
    uint8_t count[256] = {0};
    for (size_t i = 0; i < n; i++) {
        count[px_ascii_lower((unsigned char)list[i][0])]++;
    }
    ix->start[0] = 0;
    for (size_t b = 0; b < 256; b++) {
        ix->start[b + 1] = (uint8_t)(ix->start[b] + count[b]);
    }
    uint8_t fill[256];
    memcpy(fill, ix->start, sizeof fill);
    for (size_t i = 0; i < n; i++) {
        ix->order[fill[px_ascii_lower((unsigned char)list[i][0])]++] =
            (uint8_t)i;
    }
}

_Static_assert(sizeof end_starts / sizeof end_starts[0] < 255 &&
                   sizeof boiler_starts / sizeof boiler_starts[0] < 255 &&
                   sizeof dated_starts / sizeof dated_starts[0] < 255 &&
                   sizeof boiler_whole / sizeof boiler_whole[0] < 255,
               "word lists must fit a word_index");

static word_index end_index;
static word_index boiler_index;
static word_index dated_index;
static word_index whole_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void
build_word_indexes(void)
{
    index_words(&end_index, end_starts,
                sizeof end_starts / sizeof end_starts[0]);
    index_words(&boiler_index, boiler_starts,
                sizeof boiler_starts / sizeof boiler_starts[0]);
    index_words(&dated_index, dated_starts,
                sizeof dated_starts / sizeof dated_starts[0]);
    index_words(&whole_index, boiler_whole,
                sizeof boiler_whole / sizeof boiler_whole[0]);
}

bool
px_content_end_marker(px_str text)
{
    text = skip_open(text);
    if (text.len == 0) {
        return false;
    }
    pthread_once(&index_once, build_word_indexes);
    const unsigned char c0 = px_ascii_lower((unsigned char)text.ptr[0]);
    for (size_t k = end_index.start[c0]; k < end_index.start[c0 + 1]; k++) {
        if (px_str_istarts_c(text, end_starts[end_index.order[k]])) {
            return true;
        }
    }
    return false;
}

/* True if the NUL-terminated s starts with w. */
static bool
has_prefix(const char *s, const char *w)
{
    while (*w != '\0' && *s == *w) {
        s++;
        w++;
    }
    return *w == '\0';
}

/* True if the lower-cased line low (NUL-terminated, no NUL inside) starts
 * with one of the words in list, indexed by ix (lower-case words). */
static bool
starts_any(const char *low, const char *const *list, const word_index *ix)
{
    const unsigned char c0 = (unsigned char)low[0];
    for (size_t k = ix->start[c0]; k < ix->start[c0 + 1]; k++) {
        if (has_prefix(low, list[ix->order[k]])) {
            return true;
        }
    }
    return false;
}

/* The set of bytes a line holds. */
typedef struct byteset {
    uint64_t w[4];
} byteset;

/* True if every byte of w is in the set. */
static bool
all_in(const byteset *has, const char *w)
{
    for (const unsigned char *m = (const unsigned char *)w; *m != 0; m++) {
        if ((has->w[*m >> 6] >> (*m & 63) & 1) == 0) {
            return false;
        }
    }
    return true;
}

/* True if low (whose bytes are the set has) contains one of the words in
 * list[0..n); words with a byte low lacks are not searched for. */
static bool
contains_any(const char *low, const byteset *has, const char *const *list,
             size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (all_in(has, list[i]) && strstr(low, list[i]) != NULL) {
            return true;
        }
    }
    return false;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* True if the short line t is a date and little else ("14 March 2026",
 * "2026-03-14 09:30"): a dateline, not article prose. */
static bool
is_date_only(px_str t)
{
    px_date d;
    size_t off = 0;
    size_t len = 0;
    return t.len <= 48 && px_pubdate_find(t, &d, &off, &len) &&
           len * 10 >= t.len * 6;
}

/* The line checks on text lower-cased (ASCII letters) into low. */
static bool
boiler_lower(px_str text, const char *low, const byteset *has)
{
    px_str t = text;
    while (t.len > 0 && (t.ptr[t.len - 1] == ':' || t.ptr[t.len - 1] == ' ' ||
                         t.ptr[t.len - 1] == '.')) {
        t.len--;
    }
    pthread_once(&index_once, build_word_indexes);
    const unsigned char c0 = (unsigned char)low[0];
    for (size_t k = whole_index.start[c0]; k < whole_index.start[c0 + 1]; k++) {
        const char *w = boiler_whole[whole_index.order[k]];
        if (t.len == strlen(w) && px_str_istarts_c(t, w)) {
            return true;
        }
    }
    if (starts_any(low, boiler_starts, &boiler_index) ||
        contains_any(low, has, caption_marks, N_OF(caption_marks))) {
        return true;
    }
    return has_digit(text) &&
           (starts_any(low, dated_starts, &dated_index) ||
            contains_any(low, has, dated_marks, N_OF(dated_marks)) ||
            is_date_only(t));
}

bool
px_content_boiler_line(px_str text)
{
    text = skip_open(text);
    char buf[1024];
    char *low = text.len < sizeof buf ? buf : px_malloc(text.len + 1);
    if (low == NULL) {
        return false;
    }
    byteset has = {{0, 0, 0, 0}};
    for (size_t i = 0; i < text.len; i++) {
        const unsigned char c = (unsigned char)text.ptr[i];
        /* a NUL byte would end the string early: make it a space */
        const unsigned char l = c == 0 ? ' ' : px_ascii_lower(c);
        low[i] = (char)l;
        has.w[l >> 6] |= (uint64_t)1 << (l & 63);
    }
    low[text.len] = '\0';
    const bool is_boiler = boiler_lower(text, low, &has);
    if (low != buf) {
        free(low);
    }
    return is_boiler;
}

/* ---- measuring text ---------------------------------------------------- */

bool
px_content_is_space(UChar32 c)
{
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF;
}

static bool
is_punct_cp(UChar32 c)
{
    switch (c) {
    case 0x3001: /* 、 */
    case 0x3002: /* 。 */
    case 0xFF0C: /* ， */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0x060C: /* ، */
    case 0x061B: /* ؛ */
    case 0x061F: /* ؟ */
    case 0x06D4: /* ۔ */
    case 0x0964: /* । */
    case 0x0965:
        return true;
    default:
        return false;
    }
}

static uint32_t
cp_weight(UChar32 c)
{
    if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x3FFFF)) {
        return PX_CJK_WEIGHT;
    }
    if (c >= 0xAC00 && c <= 0xD7AF) {
        return 2;
    }
    return 1;
}

/* ASCII kinds as three 21-bit counters in one word (weight, sentence
 * punctuation, symbols), so that the loop below adds into a register
 * instead of incrementing counters in memory byte after byte. */
#define LANE_BITS 21
#define LANE_MASK (((uint64_t)1 << LANE_BITS) - 1)
#define FLUSH_AT  ((size_t)1 << 20) /* bytes a chunk (+3): no lane overflows */

/* What an ASCII byte counts as: nothing (white space and controls), K1 a
 * letter, K2 sentence punctuation too, K3 a symbol of code or markup
 * too. */
#define K1 ((uint64_t)1)
#define K2 (K1 | (uint64_t)1 << LANE_BITS)
#define K3 (K1 | (uint64_t)1 << (2 * LANE_BITS))
static const uint64_t ascii_lanes[128] = {
    ['!'] = K2,  ['"'] = K1, ['#'] = K3, ['$'] = K3, ['%'] = K1, ['&'] = K1,
    ['\''] = K1, ['('] = K1, [')'] = K1, ['*'] = K1, ['+'] = K1, [','] = K2,
    ['-'] = K1,  ['.'] = K2, ['/'] = K1, ['0'] = K1, ['1'] = K1, ['2'] = K1,
    ['3'] = K1,  ['4'] = K1, ['5'] = K1, ['6'] = K1, ['7'] = K1, ['8'] = K1,
    ['9'] = K1,  [':'] = K1, [';'] = K2, ['<'] = K3, ['='] = K3, ['>'] = K3,
    ['?'] = K2,  ['@'] = K3, ['A'] = K1, ['B'] = K1, ['C'] = K1, ['D'] = K1,
    ['E'] = K1,  ['F'] = K1, ['G'] = K1, ['H'] = K1, ['I'] = K1, ['J'] = K1,
    ['K'] = K1,  ['L'] = K1, ['M'] = K1, ['N'] = K1, ['O'] = K1, ['P'] = K1,
    ['Q'] = K1,  ['R'] = K1, ['S'] = K1, ['T'] = K1, ['U'] = K1, ['V'] = K1,
    ['W'] = K1,  ['X'] = K1, ['Y'] = K1, ['Z'] = K1, ['['] = K3, ['\\'] = K3,
    [']'] = K3,  ['^'] = K3, ['_'] = K3, ['`'] = K3, ['a'] = K1, ['b'] = K1,
    ['c'] = K1,  ['d'] = K1, ['e'] = K1, ['f'] = K1, ['g'] = K1, ['h'] = K1,
    ['i'] = K1,  ['j'] = K1, ['k'] = K1, ['l'] = K1, ['m'] = K1, ['n'] = K1,
    ['o'] = K1,  ['p'] = K1, ['q'] = K1, ['r'] = K1, ['s'] = K1, ['t'] = K1,
    ['u'] = K1,  ['v'] = K1, ['w'] = K1, ['x'] = K1, ['y'] = K1, ['z'] = K1,
    ['{'] = K3,  ['|'] = K3, ['}'] = K3, ['~'] = K3, [127] = K1};
#undef K1
#undef K2
#undef K3

/* The lanes of 8 ASCII bytes at p. */
static uint64_t
lanes8(const unsigned char *p)
{
    return ascii_lanes[p[0]] + ascii_lanes[p[1]] + ascii_lanes[p[2]] +
           ascii_lanes[p[3]] + ascii_lanes[p[4]] + ascii_lanes[p[5]] +
           ascii_lanes[p[6]] + ascii_lanes[p[7]];
}

static void
flush_lanes(px_ctext *r, uint64_t *acc)
{
    r->w += (uint32_t)(*acc & LANE_MASK);
    r->punct += (uint32_t)((*acc >> LANE_BITS) & LANE_MASK);
    r->sym += (uint32_t)(*acc >> (2 * LANE_BITS));
    *acc = 0;
}

px_ctext
px_content_measure(const char *s, size_t len)
{
    px_ctext r = {0, 0, 0};
    size_t i = 0;
    while (i < len) {
        uint64_t acc = 0; /* ASCII bytes counted by ascii_lanes */
        const size_t stop = len - i > FLUSH_AT ? i + FLUSH_AT : len;
        while (i < stop) {
            uint64_t x;
            if (stop - i >= 8 && (memcpy(&x, s + i, 8),
                                  (x & UINT64_C(0x8080808080808080)) == 0)) {
                acc += lanes8((const unsigned char *)s + i);
                i += 8;
                continue;
            }
            const unsigned char b = (unsigned char)s[i];
            if (b < 0x80) {
                i++;
                acc += ascii_lanes[b];
                continue;
            }
            UChar32 c;
            U8_NEXT(s, i, len, c);
            if (c < 0 || px_content_is_space(c)) {
                continue;
            }
            r.w += cp_weight(c);
            r.punct += is_punct_cp(c) ? 1u : 0u;
        }
        flush_lanes(&r, &acc);
    }
    return r;
}
