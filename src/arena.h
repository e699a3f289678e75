/* arena.h - bump allocation for one document's data, and the library's
 * malloc wrappers.
 *
 * A px_arena hands out memory that lives until px_arena_free. On OOM an
 * allocation returns NULL and the arena stays failed (px_arena_failed), so
 * callers may check once after a batch. Under PX_SANITIZE every allocation
 * is its own malloc so ASan sees overflows. px_malloc and friends go through
 * a test hook that can fail the Nth allocation (px_mem_fail_after).
 */
#ifndef PX_ARENA_H
#define PX_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct px_arena px_arena;

/* A new empty arena, or NULL on OOM. */
px_arena *px_arena_new(void);
void px_arena_free(px_arena *a); /* NULL is a no-op */

/* n bytes aligned for any type (arena memory), or NULL on OOM. */
void *px_arena_alloc(px_arena *a, size_t n);
/* n zeroed bytes, or NULL. */
void *px_arena_calloc(px_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..len) in the arena, or NULL. */
char *px_arena_strndup(px_arena *a, const char *s, size_t len);
bool px_arena_failed(const px_arena *a);
/* Bytes handed out so far. */
size_t px_arena_used(const px_arena *a);

/* malloc/realloc/calloc/free that honour the fault-injection hook. */
void *px_malloc(size_t n);
void *px_calloc(size_t count, size_t size);
void *px_realloc(void *p, size_t n);
char *px_strndup(const char *s, size_t len);

/* Test hook: the nth allocation from now (1-based) and all later ones fail;
 * 0 turns failures off. Not thread-safe; for tests only. */
void px_mem_fail_after(long n);

#endif /* PX_ARENA_H */
