/*
 * mem_grow.c - growing arrays (see mem.h), over mem_realloc.
 *
 * Apart from mem.c so that a test's own allocator (tests/c/fail_mem.c,
 * linked before the library) replaces mem.c whole and still gets this.
 */
#include "mem.h"

void *mem_grow(void *array, size_t *cap, size_t count, size_t size)
{
	if (count < *cap)
		return array;
	size_t more = *cap ? *cap * 2 : 16;
	if (more > (size_t)-1 / 2 / size)
		return NULL;
	void *bigger = mem_realloc(array, more * size);
	if (bigger)
		*cap = more;
	return bigger;
}
