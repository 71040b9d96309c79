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

#endif
