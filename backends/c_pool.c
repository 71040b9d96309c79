/*
 * c_pool.c - the string pool of the C backend (c.h): every text of the
 * catalogue once, found again by a hash table, and written out as the
 * members of one struct.
 *
 * Equal texts share one member, so a program compares texts by comparing
 * offsets, and the pool stays small (the items repeat from sheet to sheet).
 * Member 0 is the empty string, which every absent optional text shares (a
 * text of the language is never empty).
 */
#include <string.h>

#include "c.h"
#include "emit.h"
#include "mem.h"

/* Longest string literal C99 and C11 promise to compile (5.2.4.1). */
#define C_MAX_LITERAL 4095

/* Source bytes per line of a string literal or a list of characters. */
#define C_LITERAL_WIDTH 72
#define C_CHARS_PER_LINE 12

/* ---- finding a text again ---------------------------------------------- */

/* An odd multiplier whose bits are well spread: 2^64 over the golden ratio. */
#define C_HASH_MUL 0x9E3779B97F4A7C15u

/* One step of the hash: the multiplication carries every bit upwards, the
 * fold brings the high half back down to the bits that index the table. */
static uint64_t c_hash_mix(uint64_t h)
{
	h *= C_HASH_MUL;
	return h ^ h >> 32;
}

/*
 * The hash of s[0..len), eight bytes a step: hashing every text of the
 * input byte by byte was the backend's largest cost. The last step is
 * mixed twice so that the top bits of the last bytes reach the low bits
 * too. The hash depends on the byte order of the machine, which changes
 * where texts sit in the table, never the output.
 */
static uint32_t c_hash(const char *s, size_t len)
{
	uint64_t h = len, w;

	for (; len > sizeof w; s += sizeof w, len -= sizeof w) {
		memcpy(&w, s, sizeof w);
		h = c_hash_mix(h ^ w);
	}
	w = 0;
	memcpy(&w, s, len);
	return (uint32_t)c_hash_mix(c_hash_mix(h ^ w));
}

/* The slot of s[0..len), whose hash is h: where it is, or where it would go. */
static struct c_slot *c_pool_slot(const struct c_pool *pool, const char *s, size_t len,
				  uint32_t h)
{
	size_t mask = pool->slots_cap - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct c_slot *slot = &pool->slots[i];
		const struct c_member *m = &pool->members[slot->member];

		if (!slot->member
		    || (slot->hash == h && m->len == len && memcmp(m->s, s, len) == 0))
			return slot;
	}
}

/* Room for one more member. Members are numbered in 32 bits: the pool's
 * offsets in the generated code are 32-bit too. */
static bool c_members_reserve(struct c_pool *pool)
{
	struct c_member *members;
	size_t cap = pool->members_cap ? pool->members_cap * 2 : 256;

	if (pool->n_texts < pool->members_cap)
		return true;
	if (pool->n_texts >= UINT32_MAX)
		return false;
	members = mem_realloc(pool->members, cap * sizeof *members);
	if (!members)
		return false;
	pool->members = members;
	pool->members_cap = cap;
	return true;
}

/*
 * Room in the table for one more member, keeping it at most three quarters
 * full: the probes of one lookup mostly stay in one cache line of slots,
 * so a fuller table costs a probe or two more, and a smaller table misses
 * the cache less (at 100,000 sheets it outgrows every cache anyway).
 * Each size of the table has an arena of its own, only because the arena
 * asks for huge pages: a probe lands anywhere in the table, and with 4 KiB
 * pages nearly every probe of a large one missed the TLB.
 */
static bool c_slots_reserve(struct c_pool *pool)
{
	struct c_slot *old = pool->slots;
	struct arena *old_arena = pool->slots_arena;
	size_t old_cap = pool->slots_cap, cap = old_cap ? old_cap * 2 : 256;

	if (4 * pool->n_texts < 3 * old_cap)
		return true;
	pool->slots_arena = arena_new();
	pool->slots = pool->slots_arena ? arena_alloc(pool->slots_arena, cap * sizeof *pool->slots)
					: NULL;
	if (!pool->slots) {
		arena_free(pool->slots_arena);
		pool->slots_arena = old_arena;
		pool->slots = old;
		return false;
	}
	pool->slots_cap = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].member) {
			const struct c_member *m = &pool->members[old[i].member];

			*c_pool_slot(pool, m->s, m->len, old[i].hash) = old[i];
		}
	arena_free(old_arena);
	return true;
}

bool c_pool_init(struct c_pool *pool)
{
	if (!c_members_reserve(pool))
		return false;
	pool->members[0] = (struct c_member){ "", 0 };
	pool->n_texts = 1;
	return true;
}

size_t c_text(struct c_ctx *cx, const char *s, size_t len)
{
	struct c_pool *pool = &cx->pool;
	struct c_slot *slot;
	uint32_t h;

	if (!s || len == 0)
		return 0;
	if (!c_members_reserve(pool) || !c_slots_reserve(pool)) {
		cx->oom = true;
		return 0;
	}
	h = c_hash(s, len);
	slot = c_pool_slot(pool, s, len, h);
	if (!slot->member) {
		pool->members[pool->n_texts] = (struct c_member){ s, len };
		*slot = (struct c_slot){ h, (uint32_t)pool->n_texts++ };
	}
	return slot->member;
}

size_t c_str(struct c_ctx *cx, const struct ast_str *s)
{
	return c_text(cx, s->text, s->len);
}

void c_pool_done(struct c_pool *pool)
{
	arena_free(pool->slots_arena);
	pool->slots_arena = NULL;
	pool->slots = NULL;
	pool->slots_cap = 0;
}

void c_pool_free(struct c_pool *pool)
{
	c_pool_done(pool);
	mem_free(pool->members);
	pool->members = NULL;
}

/* ---- the pool as C ---------------------------------------------------- */

/*
 * s[0..len) as a string literal, split over lines (adjacent literals join):
 * a line is cut before the character that finds it C_LITERAL_WIDTH long,
 * the opening quote counted on the first line only.
 */
static void c_literal(struct buf *b, const char *s, size_t len)
{
	buf_putc(b, '"');
	size_t i = emit_escape_upto(b, &emit_c, s, len, C_LITERAL_WIDTH - 1);
	while (i < len) {
		buf_puts(b, "\"\n\t\t\"");
		i += emit_escape_upto(b, &emit_c, s + i, len - i, C_LITERAL_WIDTH);
	}
	buf_putc(b, '"');
}

/* s[0..len) and its NUL as a braced list of character constants. */
static void c_char_list(struct buf *b, const char *s, size_t len)
{
	buf_puts(b, "{");
	for (size_t i = 0; i < len; i++) {
		buf_puts(b, i % C_CHARS_PER_LINE ? " '" : "\n\t\t'");
		emit_escape(b, &emit_c, s + i, 1);
		buf_puts(b, "',");
	}
	buf_puts(b, "\n\t\t0 }");
}

void c_pool_put_members(struct buf *b, const struct c_pool *pool, struct out_set *out)
{
	for (size_t i = 0; i < pool->n_texts; i++) {
		buf_puts(b, "\tchar s");
		emit_size(b, i);
		buf_putc(b, '[');
		emit_size(b, pool->members[i].len + 1);
		buf_puts(b, "];\n");
		out_file_flush(out, b);
	}
}

/* A literal each, or a list of characters when too long for one. */
void c_pool_put_texts(struct buf *b, const struct c_pool *pool, struct out_set *out)
{
	for (size_t i = 0; i < pool->n_texts; i++) {
		const struct c_member *m = &pool->members[i];

		buf_puts(b, "\t/* ");
		emit_size(b, i);
		buf_puts(b, " */ ");
		if (m->len <= C_MAX_LITERAL)
			c_literal(b, m->s, m->len);
		else
			c_char_list(b, m->s, m->len);
		buf_puts(b, ",\n");
		out_file_flush(out, b);
	}
}
