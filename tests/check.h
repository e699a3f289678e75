/* check.h - the tiny test harness: CHECK, CHECK_STR_EQ, and a summary line
 * "N passed, N failed" with a non-zero exit if anything failed. */
#ifndef PX_CHECK_H
#define PX_CHECK_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed = 0;
static int check_failed = 0;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_STR_EQ(got, want)                                                \
    do {                                                                       \
        const char *check_g = (got);                                           \
        const char *check_w = (want);                                          \
        if (check_g != NULL && check_w != NULL &&                              \
            strcmp(check_g, check_w) == 0) {                                   \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__,      \
                    __LINE__, check_g ? check_g : "(null)",                    \
                    check_w ? check_w : "(null)");                             \
        }                                                                      \
    } while (0)

static inline int
check_summary(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Path of the shared folder (../shared beside the repository), or NULL. */
static inline const char *
check_shared_dir(void)
{
    const char *d = getenv("PX_SHARED_DIR");
    return d != NULL ? d : "../../shared";
}

/* Calls fn(data, len, ctx) for every file of dir (relative to tests/; at
 * most 64 KiB of each, in a heap block of exactly its size, hidden files
 * skipped): the replay of a fuzz
 * target's regression inputs. Prints a SKIP line when dir is absent. */
typedef void (*check_input_fn)(const char *data, size_t len, void *ctx);

static inline void
check_each_input(const char *dir, check_input_fn fn, void *ctx)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("SKIP: %s absent\n", dir);
        return;
    }
    static char buf[64 * 1024];
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = e->d_name[0] != '.' ? fopen(path, "rb") : NULL;
        if (f != NULL) {
            const size_t n = fread(buf, 1, sizeof buf, f);
            fclose(f);
            /* an exact-size copy, so ASan sees any read past the end */
            char *copy = malloc(n == 0 ? 1 : n);
            if (copy != NULL) {
                memcpy(copy, buf, n);
                fn(copy, n, ctx);
                free(copy);
            }
        }
    }
    closedir(d);
}

#endif /* PX_CHECK_H */
