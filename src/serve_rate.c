/* serve_rate.c - the web server's per-client request rate limit: one
 * token bucket per client address in a fixed table (so memory does not
 * grow with the number of clients). A bucket holds up to `burst` tokens
 * and refills at `per_s` tokens a second; each request takes one. When
 * the table's probe window is full, the bucket least recently used is
 * given to the new address (that client starts with a full bucket). */
#include <stdlib.h>
#include <string.h>

#include "serve_int.h"

#define RATE_SLOTS 4096 /* power of two */
#define RATE_PROBE 8

typedef struct bucket {
    uint8_t key[PX_RATE_KEY];
    bool is_used;
    double tokens;
    double last_s;
} bucket;

struct px_rate {
    pthread_mutex_t mu;
    double per_s;
    double burst;
    bucket slots[RATE_SLOTS];
};

px_status
px_rate_new(double per_s, double burst, px_rate **out, px_error *err)
{
    *out = NULL;
    px_rate *r = calloc(1, sizeof *r);
    if (r == NULL) {
        return px_fail(err, PX_ENOMEM, "serve: out of memory");
    }
    if (pthread_mutex_init(&r->mu, NULL) != 0) {
        free(r);
        return px_fail(err, PX_ENOMEM, "serve: cannot make a mutex");
    }
    r->per_s = per_s;
    r->burst = burst < 1 ? 1 : burst;
    *out = r;
    return PX_OK;
}

void
px_rate_free(px_rate *r)
{
    if (r != NULL) {
        pthread_mutex_destroy(&r->mu);
        free(r);
    }
}

static size_t
hash_key(const uint8_t *key)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < PX_RATE_KEY; i++) {
        h = (h ^ key[i]) * 16777619u;
    }
    return h & (RATE_SLOTS - 1);
}

/* The bucket of key: its own, else a free one, else the stalest in the
 * probe window (reset for key). */
static bucket *
find_bucket(px_rate *r, const uint8_t *key, double now_s)
{
    const size_t h = hash_key(key);
    bucket *stalest = NULL;
    for (size_t i = 0; i < RATE_PROBE; i++) {
        bucket *b = &r->slots[(h + i) & (RATE_SLOTS - 1)];
        if (b->is_used && memcmp(b->key, key, PX_RATE_KEY) == 0) {
            return b;
        }
        if (!b->is_used) {
            stalest = stalest == NULL || stalest->is_used ? b : stalest;
        } else if (stalest == NULL ||
                   (stalest->is_used && b->last_s < stalest->last_s)) {
            stalest = b;
        }
    }
    memcpy(stalest->key, key, PX_RATE_KEY);
    stalest->is_used = true;
    stalest->tokens = r->burst;
    stalest->last_s = now_s;
    return stalest;
}

bool
px_rate_take(px_rate *r, const uint8_t key[PX_RATE_KEY], double now_s)
{
    if (r->per_s <= 0) {
        return true;
    }
    pthread_mutex_lock(&r->mu);
    bucket *b = find_bucket(r, key, now_s);
    if (now_s > b->last_s) {
        b->tokens += (now_s - b->last_s) * r->per_s;
        b->tokens = b->tokens > r->burst ? r->burst : b->tokens;
        b->last_s = now_s;
    }
    const bool ok = b->tokens >= 1;
    if (ok) {
        b->tokens -= 1;
    }
    pthread_mutex_unlock(&r->mu);
    return ok;
}
