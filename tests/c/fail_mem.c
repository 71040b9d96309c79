/*
 * fail_mem.c - the allocator of mem.h for tests/c/gen.c, linked before the
 * library's src/mem.c: it fails the Nth allocation after it is armed, and
 * every one after it. Armed once the front end has done its work, it makes
 * only the backend meet the failures (src/mem.c's JOBC_FAIL_ALLOC counts
 * from the start of the process).
 */
#include <stdlib.h>

#include "check.h"
#include "mem.h"

static long fail_at;            /* 0: never */
static long fail_count;

void fail_mem_arm(long n)
{
	fail_at = n;
	fail_count = 0;
}

static int fail_now(void)
{
	return fail_at > 0 && ++fail_count >= fail_at;
}

void *mem_alloc(size_t size)
{
	return fail_now() ? NULL : malloc(size ? size : 1);
}

void *mem_realloc(void *p, size_t size)
{
	return fail_now() ? NULL : realloc(p, size ? size : 1);
}

void mem_free(void *p)
{
	free(p);
}
