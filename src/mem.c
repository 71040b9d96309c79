/* mem.c - allocation, with a failure-injection hook for tests (see mem.h). */
#include <stdlib.h>

#include "mem.h"

#ifdef JOBC_ALLOC_FAILURE_TESTS
/*
 * Fails the Nth allocation (1-based) and every one after it, N taken from
 * JOBC_FAIL_ALLOC at the first call. Test builds only: the counter is the
 * one piece of global state, and it never exists in a release build.
 */
static long alloc_fail_at = -1;
static long alloc_count;

static int alloc_should_fail(void)
{
	if (alloc_fail_at < 0) {
		const char *s = getenv("JOBC_FAIL_ALLOC");
		alloc_fail_at = s ? strtol(s, NULL, 10) : 0;
	}
	return alloc_fail_at > 0 && ++alloc_count >= alloc_fail_at;
}
#else
static int alloc_should_fail(void)
{
	return 0;
}
#endif

void *mem_alloc(size_t size)
{
	if (alloc_should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *mem_realloc(void *p, size_t size)
{
	if (alloc_should_fail())
		return NULL;
	return realloc(p, size ? size : 1);
}

void mem_free(void *p)
{
	free(p);
}
