/*
 * mem.h - the one place jobc asks the system for memory.
 *
 * Every allocation of the program (arena chunks, flex buffers, output
 * buffers) goes through these, so that a test build can make the Nth
 * allocation fail (JOBC_FAIL_ALLOC=N in the environment, honoured only when
 * compiled with -DJOBC_ALLOC_FAILURE_TESTS) and check that every path
 * unwinds cleanly. They return NULL on failure; nothing here aborts.
 */
#ifndef JOBC_MEM_H
#define JOBC_MEM_H

#include <stddef.h>

void *mem_alloc(size_t size);
void *mem_realloc(void *p, size_t size);
void mem_free(void *p);

/*
 * Room for one more element in a growing array of count elements of size
 * bytes, *cap of them allocated: array itself if there is room, else a
 * copy twice as large (16 the first time), *cap updated. NULL if memory
 * runs out; array is then as it was, still the caller's.
 */
void *mem_grow(void *array, size_t *cap, size_t count, size_t size);

#endif
