/* arena.c - chunked bump allocator plus the malloc wrappers.
 *
 * Chunks grow geometrically from 16 KiB; a request larger than a quarter of
 * the chunk size gets a chunk of its own, so large texts waste nothing.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_FIRST ((size_t)16 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t cap;
    size_t used;
    max_align_t data[]; /* aligned payload */
} chunk;

struct px_arena {
    chunk *head;
    size_t next_cap;
    size_t total;
    bool failed;
};

static long fail_countdown = 0;

static bool
should_fail(void)
{
    if (fail_countdown <= 0) {
        return false;
    }
    if (fail_countdown == 1) {
        return true; /* stays at 1: every later allocation fails too */
    }
    fail_countdown--;
    return false;
}

void
px_mem_fail_after(long n)
{
    fail_countdown = n;
}

void *
px_malloc(size_t n)
{
    return should_fail() ? NULL : malloc(n == 0 ? 1 : n);
}

void *
px_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count == 0 ? 1 : count, size);
}

void *
px_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : realloc(p, n == 0 ? 1 : n);
}

char *
px_strndup(const char *s, size_t len)
{
    char *d = px_malloc(len + 1);
    if (d != NULL) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

px_arena *
px_arena_new(void)
{
    px_arena *a = px_calloc(1, sizeof *a);
    if (a != NULL) {
        a->next_cap = ARENA_FIRST;
    }
    return a;
}

void
px_arena_free(px_arena *a)
{
    if (a == NULL) {
        return;
    }
    chunk *c = a->head;
    while (c != NULL) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static chunk *
add_chunk(px_arena *a, size_t cap)
{
    if (cap > SIZE_MAX - sizeof(chunk)) {
        return NULL;
    }
    chunk *c = px_malloc(sizeof(chunk) + cap);
    if (c == NULL) {
        return NULL;
    }
    c->cap = cap;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    return c;
}

#ifdef PX_SANITIZE
void *
px_arena_alloc(px_arena *a, size_t n)
{
    if (a == NULL || a->failed) {
        return NULL;
    }
    chunk *c = add_chunk(a, n == 0 ? 1 : n);
    if (c == NULL) {
        a->failed = true;
        return NULL;
    }
    c->used = c->cap;
    a->total += n;
    return c->data;
}
#else
void *
px_arena_alloc(px_arena *a, size_t n)
{
    if (a == NULL || a->failed) {
        return NULL;
    }
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < n) {
        a->failed = true;
        return NULL;
    }
    chunk *c = a->head;
    if (c == NULL || c->cap - c->used < need) {
        if (need > a->next_cap / 4) {
            c = add_chunk(a, need);
            if (c != NULL && a->head->next != NULL) {
                /* keep the partly used chunk in front for small requests */
                chunk *big = a->head;
                a->head = big->next;
                big->next = a->head->next;
                a->head->next = big;
            }
        } else {
            c = add_chunk(a, a->next_cap);
            if (a->next_cap < (size_t)4 * 1024 * 1024) {
                a->next_cap *= 2;
            }
        }
        if (c == NULL) {
            a->failed = true;
            return NULL;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += need;
    a->total += n;
    return p;
}
#endif

void *
px_arena_calloc(px_arena *a, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        if (a != NULL) {
            a->failed = true;
        }
        return NULL;
    }
    void *p = px_arena_alloc(a, count * size);
    if (p != NULL) {
        memset(p, 0, count * size);
    }
    return p;
}

char *
px_arena_strndup(px_arena *a, const char *s, size_t len)
{
    char *d = px_arena_alloc(a, len + 1);
    if (d != NULL) {
        if (len > 0) {
            memcpy(d, s, len);
        }
        d[len] = '\0';
    }
    return d;
}

bool
px_arena_failed(const px_arena *a)
{
    return a == NULL || a->failed;
}

size_t
px_arena_used(const px_arena *a)
{
    return a == NULL ? 0 : a->total;
}
