/*
 * arena.c - a bump allocator over a chain of chunks.
 *
 * Chunks double in size up to a ceiling so that a run over 100,000 sheets
 * makes a few hundred system allocations, not millions; a request larger
 * than half a chunk gets a chunk of its own. Memory is zeroed only where
 * the caller asks for it (arena_alloc): text is written over at once.
 * Large chunks ask for transparent huge pages where the system has them.
 */
/* madvise(MADV_HUGEPAGE) is Linux's, beyond POSIX. */
#define _DEFAULT_SOURCE
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "mem.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#define ARENA_FIRST_CHUNK ((size_t)16 * 1024)
#define ARENA_MAX_CHUNK ((size_t)32 * 1024 * 1024)

struct chunk {
	struct chunk *prev;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk *head;
	size_t next_size;
	size_t total;
};

struct arena *arena_new(void)
{
	struct arena *a = mem_alloc(sizeof *a);
	if (!a)
		return NULL;
	a->head = NULL;
	a->next_size = ARENA_FIRST_CHUNK;
	a->total = 0;
	return a;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *prev = c->prev;
		mem_free(c);
		c = prev;
	}
	mem_free(a);
}

/*
 * Asks for huge pages over the part of a chunk that 2 MiB pages can cover.
 * The first touch of each page of memory is a page fault; with 4 KiB pages
 * those faults took 40% of parsing 10,000 sheets (docs/PERFORMANCE.md).
 */
static void arena_advise(void *p, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t end = ((uintptr_t)p + size) & ~(huge - 1);
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}

static struct chunk *arena_chunk_new(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct chunk))
		return NULL;
	struct chunk *c = mem_alloc(sizeof *c + size);
	if (c) {
		c->size = size;
		c->used = 0;
		arena_advise(c->data, size);
	}
	return c;
}

/*
 * A block larger than half the next chunk (a whole source file, say) gets a
 * chunk of its own, linked behind the current one, which goes on serving
 * small requests: its free space is not thrown away.
 */
static void *arena_alloc_big(struct arena *a, size_t size)
{
	struct chunk *c = arena_chunk_new(size);
	if (!c)
		return NULL;
	c->used = size;
	if (a->head) {
		c->prev = a->head->prev;
		a->head->prev = c;
	} else {
		c->prev = NULL;
		a->head = c;
	}
	return c->data;
}

static struct chunk *arena_grow(struct arena *a)
{
	struct chunk *c = arena_chunk_new(a->next_size);
	if (!c)
		return NULL;
	c->prev = a->head;
	a->head = c;
	if (a->next_size < ARENA_MAX_CHUNK)
		a->next_size *= 2;
	return c;
}

void *arena_alloc_raw(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	if (size > SIZE_MAX - align)
		return NULL;
	size = (size + align - 1) & ~(align - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		if (size > a->next_size / 2) {
			void *p = arena_alloc_big(a, size);
			if (p)
				a->total += size;
			return p;
		}
		c = arena_grow(a);
		if (!c)
			return NULL;
	}
	void *p = c->data + c->used;
	c->used += size;
	a->total += size;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	void *p = arena_alloc_raw(a, size);
	if (p)
		memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_raw(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t arena_used(const struct arena *a)
{
	return a->total;
}
