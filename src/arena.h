/*
 * arena.h - one arena per compilation run.
 *
 * Everything the front end builds (source text, strings, AST nodes, tables)
 * lives in the arena and is released at once by arena_free(). Allocation
 * failure returns NULL; callers report it and unwind, never abort.
 */
#ifndef JOBC_ARENA_H
#define JOBC_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);

/* Zero-filled, aligned for any object; NULL when memory runs out. */
void *arena_alloc(struct arena *a, size_t size);

/*
 * Not zero-filled, for bytes the caller writes at once (source text,
 * strings): aligned likewise; NULL when memory runs out.
 */
void *arena_alloc_raw(struct arena *a, size_t size);

/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const struct arena *a);

#endif
