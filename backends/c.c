/*
 * c.c - the C backend: c/NAME.h and c/NAME.c (NAME from --c-prefix),
 * the whole reference system as constant tables that a program compiles in.
 *
 * The design (docs/C.md says it for the user):
 * - A header and a source file, not a single header: the tables exist once
 *   in a program however many files include the header, a build system sees
 *   an ordinary translation unit, and a header included where nothing is
 *   used costs nothing (static data in a header would be copied into every
 *   file and warned about as unused).
 * - No pointer anywhere in the data. Tables refer to each other by index,
 *   and every text is an offset into one string pool, so the data needs no
 *   relocation: it lands in .rodata even in position-independent code (where
 *   tables of pointers go to .data.rel.ro and are patched at start-up), and
 *   can live in the flash of a device as it is.
 * - The pool is one struct with a char array member per text, each member
 *   initialised by its own string literal: C99 guarantees only 4095 bytes per
 *   literal, so one literal for the whole pool would not compile cleanly
 *   under -pedantic. A text longer than that is written as a list of
 *   character constants. Offsets are taken with offsetof, so nothing assumes
 *   how the compiler lays the struct out.
 * - Every symbol and type starts with NAME_ and every macro with the same
 *   upper-cased (jobc_ and JOBC_ by default), so two catalogues link into
 *   one program.
 *
 * The generated code must compile without a warning as C99, C11 and C++
 * under -Wall -Wextra -pedantic (tests/c.mk holds us to it): hence
 * positional initialisers, enumerators rather than 0 for enum fields, and a
 * complete dummy row in a table that would otherwise be empty.
 */
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "backend.h"
#include "buf.h"
#include "mem.h"
#include "output.h"

/* --c-prefix when not given: symbols jobc_..., macros JOBC_..., files jobc.h and jobc.c. */
#define C_DEFAULT_NAME "jobc"

/* Longest string literal C99 and C11 promise to compile (5.2.4.1). */
#define C_MAX_LITERAL 4095

/* Source bytes per line of a string literal or a list of characters. */
#define C_LITERAL_WIDTH 72
#define C_CHARS_PER_LINE 12

/* ---- escaping ---------------------------------------------------------- */

/*
 * How each ASCII byte is written in a C string literal or character
 * constant: 0 as itself, 'o' as a three-digit octal escape, any other
 * character c as the escape \c. Both quotes are escaped so that one table
 * serves literals and character constants; '?' is escaped so that no
 * trigraph (??= ??/ ...) can form. Bytes from 0x80 up are written in octal:
 * an octal escape stops after three digits, so unlike \x it can never
 * swallow a digit that follows, and the bytes survive whatever the
 * compiler's execution character set.
 */
static const char c_escape_table[128] = {
	'o', 'o', 'o', 'o', 'o', 'o', 'o', 'a', 'b', 't', 'n', 'v', 'f', 'r', 'o', 'o',
	'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o', 'o',
	['"'] = '"',
	['\''] = '\'',
	['?'] = '?',
	['\\'] = '\\',
	[0x7f] = 'o',
};

/* Most bytes one escape can take: \ooo. */
#define C_ESCAPE_MAX 4

/*
 * The one escaping function: one byte of a text, as C source, into out;
 * returns the bytes written. It writes to memory, not to a buffer, because
 * it runs for every byte of every text: callers gather a line and append
 * it at once.
 */
static size_t c_escape(char *out, unsigned char byte)
{
	char esc = byte < 0x80 ? c_escape_table[byte] : 'o';

	if (!esc) {
		out[0] = (char)byte;
		return 1;
	}
	out[0] = '\\';
	if (esc != 'o') {
		out[1] = esc;
		return 2;
	}
	out[1] = (char)('0' + (byte >> 6));
	out[2] = (char)('0' + (byte >> 3 & 7));
	out[3] = (char)('0' + (byte & 7));
	return 4;
}

/*
 * s[0..len) as a string literal, split over lines (adjacent literals join):
 * a line is cut before the byte that finds it C_LITERAL_WIDTH long, the
 * opening quote counted on the first line only.
 */
static void c_literal(struct buf *b, const char *s, size_t len)
{
	char line[C_LITERAL_WIDTH + C_ESCAPE_MAX + 1];
	size_t n = 0;

	line[n++] = '"';
	for (size_t i = 0; i < len; i++) {
		if (n >= C_LITERAL_WIDTH) {
			buf_put(b, line, n);
			buf_puts(b, "\"\n\t\t\"");
			n = 0;
		}
		n += c_escape(line + n, (unsigned char)s[i]);
	}
	line[n++] = '"';
	buf_put(b, line, n);
}

/* s[0..len) and its NUL as a braced list of character constants. */
static void c_char_list(struct buf *b, const char *s, size_t len)
{
	char esc[C_ESCAPE_MAX];

	buf_puts(b, "{");
	for (size_t i = 0; i < len; i++) {
		buf_puts(b, i % C_CHARS_PER_LINE ? " '" : "\n\t\t'");
		buf_put(b, esc, c_escape(esc, (unsigned char)s[i]));
		buf_puts(b, "',");
	}
	buf_puts(b, "\n\t\t0 }");
}

/* n in decimal: printf's parsing is most of the cost of the many numbers
 * of the tables. */
static void c_put_size(struct buf *b, size_t n)
{
	char digits[3 * sizeof n];
	size_t i = sizeof digits;

	do
		digits[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	buf_put(b, digits + i, sizeof digits - i);
}

/* ---- the tables -------------------------------------------------------- */

enum c_table {
	C_LEVELS,
	C_CATEGORIES,
	C_FAMILIES,
	C_SHEETS,
	C_REPLACES,
	C_TEXTS,
	C_BLOCKS,
	C_GROUPS,
	C_TASKS,
	C_KNOWLEDGE,
	C_ITEMS,
	C_SHEET_REFS,
	C_LINEAGE,
	C_N_TABLES
};

/*
 * What the header and the source say about each table. Types, rows and
 * comments are templates: @p@ stands for the prefix, @P@ for the macro
 * prefix. The dummy row fills a table that has no row, since ISO C has no
 * empty array; its count stays 0.
 *
 * kinds says how each field of a row is written, a letter a field (see
 * c_put_value): t a text, i a row index or a count, b a bool, and the
 * enums r trend, s status, m importance, k kind of block. A row of one
 * field is written bare, without braces.
 */
struct c_table_desc {
	const char *name;       /* the array, after the prefix */
	const char *type;       /* its element type */
	const char *count;      /* the macro of its row count, after the macro prefix */
	const char *dummy;      /* the row of an otherwise empty table */
	const char *doc;        /* one line for the header */
	const char *fields;     /* what a row holds, for readers of the source */
	const char *kinds;      /* how each field is written */
};

static const struct c_table_desc c_tables[C_N_TABLES] = {
	[C_LEVELS] = { "levels", "struct @p@level", "N_LEVELS",
		"{ 0, 0 }", "the scale, lowest level first", "name, description", "tt" },
	[C_CATEGORIES] = { "categories", "struct @p@category", "N_CATEGORIES",
		"{ 0, 0, false }", "knowledge categories, in declaration order",
		"name, title, levelled", "ttb" },
	[C_FAMILIES] = { "families", "struct @p@family", "N_FAMILIES",
		"{ 0, 0, 0, 0 }", "families, by number", "number, title, sheets (slice)", "ttii" },
	[C_SHEETS] = { "sheets", "struct @p@sheet", "N_SHEETS",
		"{ 0, 0, 0, @P@STATUS_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }",
		"every sheet, by code (@p@code_compare)",
		"code, title, family, status, then slices: replaces, aka, mission, intro, "
		"groups, knowledge, career, trends", "ttisiiiiiiiiiiiiiiii" },
	[C_REPLACES] = { "replaces", "struct @p@replace", "N_REPLACES",
		"{ 0, 0 }", "`replaces` lines of all sheets", "code, title", "tt" },
	[C_TEXTS] = { "texts", "@p@text", "N_TEXTS",
		"0", "aliases, bullets and sub-items of all sheets", "text", "t" },
	[C_BLOCKS] = { "blocks", "struct @p@block", "N_BLOCKS",
		"{ @P@PARAGRAPH, 0, 0, 0 }", "paragraphs, lists and career entries",
		"kind, text, items (slice)", "ktii" },
	[C_GROUPS] = { "groups", "struct @p@group", "N_GROUPS",
		"{ @P@TREND_NONE, 0, 0, 0, 0 }", "groups of activities",
		"trend, title, intro, tasks (slice)", "rttii" },
	[C_TASKS] = { "tasks", "struct @p@task", "N_TASKS",
		"{ @P@TREND_NONE, 0, 0, 0 }", "tasks of the groups",
		"trend, text, subitems (slice)", "rtii" },
	[C_KNOWLEDGE] = { "knowledge", "struct @p@knowledge_block", "N_KNOWLEDGE",
		"{ 0, @P@ESSENTIAL, 0, 0 }", "knowledge blocks of all sheets",
		"category, importance, items (slice)", "imii" },
	[C_ITEMS] = { "items", "struct @p@item", "N_ITEMS",
		"{ 0, 0 }", "items of the knowledge blocks", "level, text", "it" },
	[C_SHEET_REFS] = { "sheet_refs", "@p@index", "N_SHEET_REFS",
		"0", "sheet indexes listed by families and lineage", "row of sheets", "i" },
	[C_LINEAGE] = { "lineage", "struct @p@lineage_entry", "N_LINEAGE",
		"{ 0, 0, 0, 0, @P@NONE }", "previous positions, by previous code",
		"code, title, sheets (slice), see", "ttiii" },
};

/* The enumerator of each value of the AST's enums, after the macro prefix. */
static const char *const c_trend_names[] = {
	[AST_TREND_NONE] = "TREND_NONE",
	[AST_TREND_RISING] = "TREND_RISING",
	[AST_TREND_STABLE] = "TREND_STABLE",
	[AST_TREND_DECLINING] = "TREND_DECLINING",
};

static const char *const c_status_names[] = {
	[AST_STATUS_NONE] = "STATUS_NONE",
	[AST_STATUS_NEW] = "STATUS_NEW",
	[AST_STATUS_REVISED] = "STATUS_REVISED",
};

static const char *const c_importance_names[] = {
	[AST_ESSENTIAL] = "ESSENTIAL",
	[AST_USEFUL] = "USEFUL",
};

/* Kinds of blocks: paragraphs and lists of all prose, and a career's
 * education and experience lines. */
static const char *const c_block_kind_names[] = {
	[AST_CAREER_EDUCATION] = "EDUCATION",
	[AST_CAREER_EXPERIENCE] = "EXPERIENCE",
	[AST_PARAGRAPH] = "PARAGRAPH",
	[AST_LIST] = "LIST",
};

/* A row index meaning "none" (an item without level, a lineage entry
 * without `see`). */
#define C_NONE ((size_t)-1)

/* A member of the pool: the text it holds, in the AST (which outlives the
 * run), written out once the tables are built. */
struct c_member {
	const char *s;
	size_t len;
};

/*
 * A slot of the hash table that finds a text's member again. It keeps the
 * text's hash, so that growing the table and probing past other texts read
 * no text, and is small, so that more of the table stays in the cache.
 * Member 0, the empty string, is never looked up: it marks a free slot.
 */
struct c_slot {
	uint32_t hash;
	uint32_t member;
};

/* A sheet and its row in root->sheets. */
struct c_sheet_row {
	const struct ast_sheet *sheet;
	size_t row;
};

/* One run of the backend: the output being built. */
struct c_ctx {
	const struct ast_root *root;
	const char *name;               /* --c-prefix: "jobc" */
	struct buf sym;                 /* prefix of symbols: "jobc_" */
	struct buf macro;               /* prefix of macros: "JOBC_" */
	struct buf catalogue;           /* the initialiser of the catalogue */
	struct c_member *members;       /* the pool */
	size_t n_texts, members_cap;    /* its members; room for them */
	struct c_slot *slots;           /* hash table of the members, for sharing */
	size_t slots_cap;               /* its slots: 0 or a power of 2 */
	struct arena *slots_arena;      /* where the table lives */
	struct c_sheet_row *sheet_rows; /* every sheet's row, by address */
	bool oom;                       /* out of memory, or a value over 32 bits */
	struct buf rows[C_N_TABLES];    /* the fields of each table (c_field) */
	size_t n_rows[C_N_TABLES];
	enum c_table open;              /* the table of the row being written */
	size_t open_fields;             /* fields written in that row so far */
};

/* tmpl with @p@ and @P@ replaced by the prefixes, @n@ by the name. */
static void c_template(struct buf *b, const struct c_ctx *cx, const char *tmpl)
{
	const char *at;

	while ((at = strchr(tmpl, '@')) != NULL) {
		buf_put(b, tmpl, (size_t)(at - tmpl));
		if (strncmp(at, "@p@", 3) == 0)
			buf_put(b, cx->sym.data, cx->sym.len);
		else if (strncmp(at, "@n@", 3) == 0)
			buf_puts(b, cx->name);
		else if (strncmp(at, "@P@", 3) == 0)
			buf_put(b, cx->macro.data, cx->macro.len);
		else {
			buf_putc(b, '@');
			tmpl = at + 1;
			continue;
		}
		tmpl = at + 3;
	}
	buf_puts(b, tmpl);
}

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
static struct c_slot *c_pool_slot(const struct c_ctx *cx, const char *s, size_t len,
				  uint32_t h)
{
	size_t mask = cx->slots_cap - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct c_slot *slot = &cx->slots[i];
		const struct c_member *m = &cx->members[slot->member];

		if (!slot->member
		    || (slot->hash == h && m->len == len && memcmp(m->s, s, len) == 0))
			return slot;
	}
}

/* Room for one more member. Members are numbered in 32 bits: the pool's
 * offsets in the generated code are 32-bit too. */
static bool c_members_reserve(struct c_ctx *cx)
{
	struct c_member *members;
	size_t cap = cx->members_cap ? cx->members_cap * 2 : 256;

	if (cx->n_texts < cx->members_cap)
		return true;
	if (cx->n_texts >= UINT32_MAX)
		return false;
	members = mem_realloc(cx->members, cap * sizeof *members);
	if (!members)
		return false;
	cx->members = members;
	cx->members_cap = cap;
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
static bool c_slots_reserve(struct c_ctx *cx)
{
	struct c_slot *old = cx->slots;
	struct arena *old_arena = cx->slots_arena;
	size_t old_cap = cx->slots_cap, cap = old_cap ? old_cap * 2 : 256;

	if (4 * cx->n_texts < 3 * old_cap)
		return true;
	cx->slots_arena = arena_new();
	cx->slots = cx->slots_arena ? arena_alloc(cx->slots_arena, cap * sizeof *cx->slots)
				    : NULL;
	if (!cx->slots) {
		arena_free(cx->slots_arena);
		cx->slots_arena = old_arena;
		cx->slots = old;
		return false;
	}
	cx->slots_cap = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].member) {
			const struct c_member *m = &cx->members[old[i].member];

			*c_pool_slot(cx, m->s, m->len, old[i].hash) = old[i];
		}
	arena_free(old_arena);
	return true;
}

/*
 * The member of the pool holding s[0..len), added if no text so far had
 * the same bytes: equal texts share one offset, so a program compares
 * texts by comparing offsets, and the pool stays small (the items repeat
 * from sheet to sheet). Member 0 is the empty string, which every absent
 * optional text shares (a text of the language is never empty).
 */
static size_t c_text(struct c_ctx *cx, const char *s, size_t len)
{
	struct c_slot *slot;
	uint32_t h;

	if (!s || len == 0)
		return 0;
	if (!c_members_reserve(cx) || !c_slots_reserve(cx)) {
		cx->oom = true;
		return 0;
	}
	h = c_hash(s, len);
	slot = c_pool_slot(cx, s, len, h);
	if (!slot->member) {
		cx->members[cx->n_texts] = (struct c_member){ s, len };
		*slot = (struct c_slot){ h, (uint32_t)cx->n_texts++ };
	}
	return slot->member;
}

static size_t c_str(struct c_ctx *cx, const struct ast_str *s)
{
	return c_text(cx, s->text, s->len);
}

/* ---- rows -------------------------------------------------------------- */

/*
 * A row is written field by field; children are written before their
 * parent's row opens (the parent needs their first index), so only one row
 * is open at a time. A field is kept as a 32-bit value, the size of the
 * generated fields, and written out as C with the rest of the source (by
 * c_put_rows): the tables as C text took three times the memory.
 */
static void c_row(struct c_ctx *cx, enum c_table t)
{
	cx->open = t;
	cx->open_fields = 0;
	cx->n_rows[t]++;
}

/* The next field of the open row: a pool member, a row index or count,
 * C_NONE, or an enum's value. A value the generated code could not hold
 * fails the run (a catalogue of 4 billion rows would not fit in memory). */
static void c_field(struct c_ctx *cx, size_t v)
{
	uint32_t field = v == C_NONE ? UINT32_MAX : (uint32_t)v;

	cx->open_fields++;
	if (v != C_NONE && v >= UINT32_MAX)
		cx->oom = true;
	buf_put(&cx->rows[cx->open], &field, sizeof field);
}

/* A slice of a table: its first row and its number of rows. */
static void c_field_slice(struct c_ctx *cx, size_t first, size_t count)
{
	c_field(cx, first);
	c_field(cx, count);
}

/* The row has as many fields as its table's kinds. */
static void c_row_end(const struct c_ctx *cx)
{
	assert(cx->open_fields == strlen(c_tables[cx->open].kinds));
	(void)cx;
}

/* A row of one field. */
static void c_scalar(struct c_ctx *cx, enum c_table t, size_t v)
{
	c_row(cx, t);
	c_field(cx, v);
	c_row_end(cx);
}

/* A macro of the generated code: NAME_ and what follows. */
static void c_put_macro(const struct c_ctx *cx, struct buf *b, const char *name)
{
	buf_put(b, cx->macro.data, cx->macro.len);
	buf_puts(b, name);
}

/* A reference to pool member `text`: an offset, 0 for the empty string. */
static void c_put_text(const struct c_ctx *cx, struct buf *b, size_t text)
{
	if (text) {
		c_put_macro(cx, b, "TEXT(");
		c_put_size(b, text);
		buf_putc(b, ')');
	} else
		buf_putc(b, '0');
}

/* The enums that rows hold, by their letter in c_table_desc.kinds. */
static const struct c_enum {
	char kind;
	const char *const *names;
} c_enums[] = {
	{ 'r', c_trend_names },
	{ 's', c_status_names },
	{ 'm', c_importance_names },
	{ 'k', c_block_kind_names },
};

/* The enumerator of value v of the enum of this kind, after the macro prefix. */
static const char *c_enum_name(char kind, uint32_t v)
{
	for (size_t i = 0; i < sizeof c_enums / sizeof c_enums[0]; i++)
		if (c_enums[i].kind == kind)
			return c_enums[i].names[v];
	assert(!"a kind of field in c_tables");
	return "";
}

/* A field of a row as C, by its kind (struct c_table_desc). */
static void c_put_value(const struct c_ctx *cx, struct buf *b, char kind, uint32_t v)
{
	if (kind == 't')
		c_put_text(cx, b, v);
	else if (kind == 'b')
		buf_puts(b, v ? "true" : "false");
	else if (kind == 'i' && v == UINT32_MAX)
		c_put_macro(cx, b, "NONE");
	else if (kind == 'i')
		c_put_size(b, v);
	else
		c_put_macro(cx, b, c_enum_name(kind, v));
}

/* The rows of table t, one a line. */
static void c_put_rows(const struct c_ctx *cx, struct buf *b, enum c_table t)
{
	const char *kinds = c_tables[t].kinds;
	size_t n_kinds = strlen(kinds);
	const char *p = cx->rows[t].data, *end = p + cx->rows[t].len;

	while (p < end) {
		buf_puts(b, n_kinds > 1 ? "\t{ " : "\t");
		for (size_t k = 0; k < n_kinds; k++, p += sizeof(uint32_t)) {
			uint32_t v;

			memcpy(&v, p, sizeof v);
			if (k)
				buf_puts(b, ", ");
			c_put_value(cx, b, kinds[k], v);
		}
		buf_puts(b, n_kinds > 1 ? " },\n" : ",\n");
	}
}

/* ---- from the AST to rows ---------------------------------------------- */

/* The order of c_ctx.sheet_rows: by the sheet's address. */
static int c_sheet_row_order(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct c_sheet_row *)a)->sheet;
	uintptr_t y = (uintptr_t)((const struct c_sheet_row *)b)->sheet;

	return (x > y) - (x < y);
}

/*
 * The row of every sheet in root->sheets, sorted by the sheet's address.
 * Families and lineage name their sheets by address; finding the row by
 * code instead was a binary search of root->sheets whose every step read a
 * code far away in memory (2 million compares at 100,000 sheets).
 */
static bool c_sheet_rows_init(struct c_ctx *cx)
{
	size_t n = cx->root->n_sheets;

	cx->sheet_rows = mem_alloc((n ? n : 1) * sizeof *cx->sheet_rows);
	if (!cx->sheet_rows)
		return false;
	for (size_t i = 0; i < n; i++)
		cx->sheet_rows[i] = (struct c_sheet_row){ cx->root->sheets[i], i };
	qsort(cx->sheet_rows, n, sizeof *cx->sheet_rows, c_sheet_row_order);
	return true;
}

/* Where a sheet sits in root->sheets. */
static size_t c_sheet_index(const struct c_ctx *cx, const struct ast_sheet *s)
{
	const struct c_sheet_row key = { s, 0 };
	const struct c_sheet_row *r = bsearch(&key, cx->sheet_rows, cx->root->n_sheets,
					      sizeof key, c_sheet_row_order);

	assert(r && "a resolved sheet is in root->sheets");
	return r ? r->row : 0;
}

static size_t c_family_index(const struct c_ctx *cx, const struct ast_family *f)
{
	size_t i = 0;

	while (i < cx->root->n_families && cx->root->families[i] != f)
		i++;
	assert(i < cx->root->n_families);
	return i;
}

static size_t c_category_index(const struct c_ctx *cx, const struct ast_category *c)
{
	const struct ast_category *k = cx->root->parsed.categories.first;
	size_t i = 0;

	for (; k && k != c; k = k->next)
		i++;
	assert(k);
	return i;
}

/* Sheet indexes as a slice of sheet_refs; returns its first row. */
static size_t c_sheet_refs(struct c_ctx *cx, const struct ast_sheet *const *sheets, size_t n)
{
	size_t first = cx->n_rows[C_SHEET_REFS];

	for (size_t i = 0; i < n; i++)
		c_scalar(cx, C_SHEET_REFS, c_sheet_index(cx, sheets[i]));
	return first;
}

/* A list of strings as a slice of texts; returns its first row. */
static size_t c_texts(struct c_ctx *cx, const struct ast_str_list *list)
{
	size_t first = cx->n_rows[C_TEXTS];

	for (const struct ast_str *s = list->first; s; s = s->next)
		c_scalar(cx, C_TEXTS, c_str(cx, s));
	return first;
}

/* One row of blocks: a paragraph, a list, or a career line. */
static void c_block(struct c_ctx *cx, enum ast_prose_kind kind, const struct ast_str *text,
		    const struct ast_str_list *items)
{
	size_t t = c_str(cx, text);
	size_t first = c_texts(cx, items);

	c_row(cx, C_BLOCKS);
	c_field(cx, kind);
	c_field(cx, t);
	c_field_slice(cx, first, items->count);
	c_row_end(cx);
}

/* Prose as a slice of blocks; returns its first row. */
static size_t c_prose(struct c_ctx *cx, const struct ast_prose_list *prose)
{
	size_t first = cx->n_rows[C_BLOCKS];

	for (const struct ast_prose *p = prose->first; p; p = p->next)
		c_block(cx, p->kind, &p->text, &p->items);
	return first;
}

static size_t c_replaces(struct c_ctx *cx, const struct ast_sheet *s)
{
	size_t first = cx->n_rows[C_REPLACES];

	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		size_t code = c_str(cx, &r->code), title = c_str(cx, &r->title);

		c_row(cx, C_REPLACES);
		c_field(cx, code);
		c_field(cx, title);
		c_row_end(cx);
	}
	return first;
}

static size_t c_tasks(struct c_ctx *cx, const struct ast_group *g)
{
	size_t first = cx->n_rows[C_TASKS];

	for (const struct ast_task *t = g->tasks.first; t; t = t->next) {
		size_t text = c_str(cx, &t->text);
		size_t subitems = c_texts(cx, &t->subitems);

		c_row(cx, C_TASKS);
		c_field(cx, t->trend);
		c_field(cx, text);
		c_field_slice(cx, subitems, t->subitems.count);
		c_row_end(cx);
	}
	return first;
}

static size_t c_groups(struct c_ctx *cx, const struct ast_activities *a)
{
	size_t first = cx->n_rows[C_GROUPS];

	for (const struct ast_group *g = a->groups.first; g; g = g->next) {
		size_t title = c_str(cx, &g->title), intro = c_str(cx, &g->intro);
		size_t tasks = c_tasks(cx, g);

		c_row(cx, C_GROUPS);
		c_field(cx, g->trend);
		c_field(cx, title);
		c_field(cx, intro);
		c_field_slice(cx, tasks, g->tasks.count);
		c_row_end(cx);
	}
	return first;
}

static size_t c_items(struct c_ctx *cx, const struct ast_knowledge *k)
{
	size_t first = cx->n_rows[C_ITEMS];

	for (const struct ast_item *it = k->items.first; it; it = it->next) {
		size_t text = c_str(cx, &it->text);

		c_row(cx, C_ITEMS);
		c_field(cx, it->level_decl ? it->level_decl->index : C_NONE);
		c_field(cx, text);
		c_row_end(cx);
	}
	return first;
}

static size_t c_knowledge(struct c_ctx *cx, const struct ast_sheet *s)
{
	size_t first = cx->n_rows[C_KNOWLEDGE];

	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
		size_t items = c_items(cx, k);

		c_row(cx, C_KNOWLEDGE);
		c_field(cx, c_category_index(cx, k->category_decl));
		c_field(cx, k->importance);
		c_field_slice(cx, items, k->items.count);
		c_row_end(cx);
	}
	return first;
}

static void c_sheet(struct c_ctx *cx, const struct ast_sheet *s)
{
	size_t code = c_str(cx, &s->code), title = c_str(cx, &s->title);
	size_t replaces = c_replaces(cx, s);
	size_t aka = c_texts(cx, &s->aka);
	size_t mission = c_prose(cx, &s->mission.prose);
	size_t intro = c_prose(cx, &s->activities.intro);
	size_t groups = c_groups(cx, &s->activities);
	size_t knowledge = c_knowledge(cx, s);
	size_t career = c_prose(cx, &s->career.prose);
	size_t trends = c_prose(cx, &s->trends.prose);

	c_row(cx, C_SHEETS);
	c_field(cx, code);
	c_field(cx, title);
	c_field(cx, c_family_index(cx, s->family_decl));
	c_field(cx, s->status);
	c_field_slice(cx, replaces, s->replaces.count);
	c_field_slice(cx, aka, s->aka.count);
	c_field_slice(cx, mission, s->mission.prose.count);
	c_field_slice(cx, intro, s->activities.intro.count);
	c_field_slice(cx, groups, s->activities.groups.count);
	c_field_slice(cx, knowledge, s->knowledge.count);
	c_field_slice(cx, career, s->career.prose.count);
	c_field_slice(cx, trends, s->trends.prose.count);
	c_row_end(cx);
}

static void c_declarations(struct c_ctx *cx)
{
	if (cx->root->scale)
		for (const struct ast_level *l = cx->root->scale->levels.first; l; l = l->next) {
			size_t name = c_str(cx, &l->name), desc = c_str(cx, &l->description);

			c_row(cx, C_LEVELS);
			c_field(cx, name);
			c_field(cx, desc);
			c_row_end(cx);
		}
	for (const struct ast_category *k = cx->root->parsed.categories.first; k; k = k->next) {
		size_t name = c_str(cx, &k->name), title = c_str(cx, &k->title);

		c_row(cx, C_CATEGORIES);
		c_field(cx, name);
		c_field(cx, title);
		c_field(cx, k->levelled);
		c_row_end(cx);
	}
	for (size_t i = 0; i < cx->root->n_families; i++) {
		const struct ast_family *f = cx->root->families[i];
		size_t number = c_str(cx, &f->number), title = c_str(cx, &f->title);
		size_t sheets = c_sheet_refs(cx, f->sheets, f->n_sheets);

		c_row(cx, C_FAMILIES);
		c_field(cx, number);
		c_field(cx, title);
		c_field_slice(cx, sheets, f->n_sheets);
		c_row_end(cx);
	}
}

static void c_lineage(struct c_ctx *cx)
{
	for (size_t i = 0; i < cx->root->n_lineage; i++) {
		const struct ast_lineage *l = &cx->root->lineage[i];
		size_t code = c_text(cx, l->code, strlen(l->code));
		size_t title = c_text(cx, l->title, strlen(l->title));
		size_t sheets = c_sheet_refs(cx, l->sheets, l->n_sheets);
		const struct ast_sheet *see = l->retired ? l->retired->see_sheet : NULL;

		c_row(cx, C_LINEAGE);
		c_field(cx, code);
		c_field(cx, title);
		c_field_slice(cx, sheets, l->n_sheets);
		c_field(cx, see ? c_sheet_index(cx, see) : C_NONE);
		c_row_end(cx);
	}
}

/* The catalogue's one row; its texts are all optional. */
static void c_catalogue(struct c_ctx *cx)
{
	static const struct ast_catalogue_info none;
	const struct ast_catalogue_info *c = cx->root->catalogue ? cx->root->catalogue : &none;
	const struct ast_str *fields[] = { &c->title, &c->publisher, &c->edition, &c->previous };

	buf_putc(&cx->catalogue, '\t');
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (i)
			buf_puts(&cx->catalogue, ", ");
		c_put_text(cx, &cx->catalogue, c_str(cx, fields[i]));
	}
	buf_putc(&cx->catalogue, '\n');
}

/* ---- the fixed parts of the two files ---------------------------------- */

/* The header, up to the tables (which c_header writes from c_tables). */
static const char c_header_head[] =
"/*\n"
" * @n@.h - a reference system of job positions as constant tables.\n"
" * Generated by jobc, do not edit: edit the .jobsheet sources and run jobc.\n"
" *\n"
" * Link @n@.c with the program. Nothing needs initialising and\n"
" * nothing is ever written: the tables are read-only data without pointers.\n"
" * A text is an offset into a pool of NUL-terminated UTF-8 strings, read\n"
" * with @p@str(); tables refer to each other by index, and a run of rows\n"
" * (the items of a knowledge block, say) is a slice: a first index and a\n"
" * count. Every name starts with @p@ or @P@ (jobc --c-prefix).\n"
" */\n"
"#ifndef @P@H\n"
"#define @P@H\n"
"\n"
"#include <stddef.h>\n"
"#include <stdint.h>\n"
"#ifndef __cplusplus\n"
"#include <stdbool.h>\n"
"#endif\n"
"\n"
"#ifdef __cplusplus\n"
"extern \"C\" {\n"
"#endif\n"
"\n"
"/* A text: an offset into the pool. Equal texts share one offset. 0 is the\n"
"   empty string, which stands for an optional text left out (a text of the\n"
"   catalogue is never empty). */\n"
"typedef uint32_t @p@text;\n"
"\n"
"/* A row of a table; @P@NONE where there is none. */\n"
"typedef uint32_t @p@index;\n"
"#define @P@NONE ((@p@index)0xFFFFFFFFu)\n"
"\n"
"/* A trend against the previous edition, marked on groups and tasks. */\n"
"enum @p@trend {\n"
"\t@P@TREND_NONE,\n"
"\t@P@TREND_RISING,\n"
"\t@P@TREND_STABLE,\n"
"\t@P@TREND_DECLINING\n"
"};\n"
"\n"
"enum @p@status {\n"
"\t@P@STATUS_NONE,\n"
"\t@P@STATUS_NEW,\n"
"\t@P@STATUS_REVISED\n"
"};\n"
"\n"
"enum @p@importance {\n"
"\t@P@ESSENTIAL,\n"
"\t@P@USEFUL\n"
"};\n"
"\n"
"/* What a block of prose is: mission, activities' intro and trends hold\n"
"   paragraphs and lists; a career adds education and experience lines. */\n"
"enum @p@block_kind {\n"
"\t@P@PARAGRAPH,\n"
"\t@P@LIST,\n"
"\t@P@EDUCATION,\n"
"\t@P@EXPERIENCE\n"
"};\n"
"\n"
"struct @p@catalogue_info {\n"
"\t@p@text title, publisher, edition;\n"
"\t@p@text previous;                 /* the edition trends compare with */\n"
"};\n"
"\n"
"struct @p@level {\n"
"\t@p@text name;                     /* \"K\" */\n"
"\t@p@text description;              /* \"Elementary knowledge\" */\n"
"};\n"
"\n"
"struct @p@category {\n"
"\t@p@text name;                     /* \"technological\" */\n"
"\t@p@text title;\n"
"\tbool levelled;                    /* its items have a level */\n"
"};\n"
"\n"
"struct @p@family {\n"
"\t@p@text number;                   /* \"3\" */\n"
"\t@p@text title;\n"
"\t@p@index sheets, n_sheets;        /* slice of @p@sheet_refs, by code */\n"
"};\n"
"\n"
"struct @p@sheet {\n"
"\t@p@text code;                     /* \"3.5a\" */\n"
"\t@p@text title;\n"
"\t@p@index family;                  /* row of @p@families */\n"
"\tenum @p@status status;\n"
"\t@p@index replaces, n_replaces;    /* slice of @p@replaces */\n"
"\t@p@index aka, n_aka;              /* slice of @p@texts: other titles */\n"
"\t@p@index mission, n_mission;      /* slice of @p@blocks */\n"
"\t@p@index intro, n_intro;          /* slice of @p@blocks: before the groups */\n"
"\t@p@index groups, n_groups;        /* slice of @p@groups: the activities */\n"
"\t@p@index knowledge, n_knowledge;  /* slice of @p@knowledge */\n"
"\t@p@index career, n_career;        /* slice of @p@blocks */\n"
"\t@p@index trends, n_trends;        /* slice of @p@blocks */\n"
"};\n"
"\n"
"/* A position of the previous edition that a sheet replaces. */\n"
"struct @p@replace {\n"
"\t@p@text code;                     /* \"23\" */\n"
"\t@p@text title;\n"
"};\n"
"\n"
"struct @p@block {\n"
"\tenum @p@block_kind kind;\n"
"\t@p@text text;                     /* all but @P@LIST */\n"
"\t@p@index items, n_items;          /* @P@LIST: slice of @p@texts */\n"
"};\n"
"\n"
"struct @p@group {\n"
"\tenum @p@trend trend;\n"
"\t@p@text title;\n"
"\t@p@text intro;                    /* optional lead paragraph */\n"
"\t@p@index tasks, n_tasks;          /* slice of @p@tasks */\n"
"};\n"
"\n"
"struct @p@task {\n"
"\tenum @p@trend trend;\n"
"\t@p@text text;\n"
"\t@p@index subitems, n_subitems;    /* slice of @p@texts */\n"
"};\n"
"\n"
"struct @p@knowledge_block {\n"
"\t@p@index category;                /* row of @p@categories */\n"
"\tenum @p@importance importance;\n"
"\t@p@index items, n_items;          /* slice of @p@items */\n"
"};\n"
"\n"
"struct @p@item {\n"
"\t@p@index level;                   /* row of @p@levels, or @P@NONE */\n"
"\t@p@text text;\n"
"};\n"
"\n"
"/* A position of the previous edition and what became of it. */\n"
"struct @p@lineage_entry {\n"
"\t@p@text code;                     /* previous code: \"23\" */\n"
"\t@p@text title;\n"
"\t@p@index sheets, n_sheets;        /* slice of @p@sheet_refs: its successors */\n"
"\t@p@index see;                     /* retired: the sheet it points to; else @P@NONE */\n"
"};\n"
"\n"
"extern const struct @p@catalogue_info @p@catalogue;\n"
"\n"
"/* The tables. Each has the number of rows its macro says, and at least\n"
"   one element (ISO C has no empty array): iterate up to the macro. */\n";

/* The header, after the tables. */
static const char c_header_tail[] =
"\n"
"/* The text at offset t of the pool. */\n"
"struct @p@pool;\n"
"extern const struct @p@pool @p@pool;\n"
"static inline const char *@p@str(@p@text t)\n"
"{\n"
"\treturn (const char *)(const void *)&@p@pool + t;\n"
"}\n"
"\n"
"/* The sheet of this code, or NULL: a binary search of @p@sheets. */\n"
"const struct @p@sheet *@p@find_sheet(const char *code);\n"
"\n"
"/* The order of @p@sheets: runs of digits compare as numbers, other bytes\n"
"   as themselves (\"3.5a\" < \"3.5b\" < \"3.10\"). Returns a negative,\n"
"   zero or positive value, like strcmp. */\n"
"int @p@code_compare(const char *a, const char *b);\n"
"\n"
"/* Names of the enums as jobc writes them elsewhere: \"rising\", \"new\",\n"
"   \"essential\"...; \"\" for @P@TREND_NONE and @P@STATUS_NONE. */\n"
"const char *@p@trend_name(enum @p@trend t);\n"
"const char *@p@status_name(enum @p@status s);\n"
"const char *@p@importance_name(enum @p@importance i);\n"
"\n"
"#ifdef __cplusplus\n"
"}\n"
"#endif\n"
"\n"
"#endif\n";

/* The functions of the source file, after the tables. */
static const char c_source_tail[] =
"\n"
"static int @p@is_digit(char c)\n"
"{\n"
"\treturn c >= '0' && c <= '9';\n"
"}\n"
"\n"
"/* The comparison jobc sorts with: runs of digits as numbers (leading\n"
"   zeros aside), any other byte as itself. */\n"
"int @p@code_compare(const char *a, const char *b)\n"
"{\n"
"\twhile (*a && *b) {\n"
"\t\tif (@p@is_digit(*a) && @p@is_digit(*b)) {\n"
"\t\t\tsize_t na = 0, nb = 0;\n"
"\t\t\tint d;\n"
"\n"
"\t\t\twhile (*a == '0')\n"
"\t\t\t\ta++;\n"
"\t\t\twhile (*b == '0')\n"
"\t\t\t\tb++;\n"
"\t\t\twhile (@p@is_digit(a[na]))\n"
"\t\t\t\tna++;\n"
"\t\t\twhile (@p@is_digit(b[nb]))\n"
"\t\t\t\tnb++;\n"
"\t\t\tif (na != nb)\n"
"\t\t\t\treturn na < nb ? -1 : 1;\n"
"\t\t\td = memcmp(a, b, na);\n"
"\t\t\tif (d)\n"
"\t\t\t\treturn d;\n"
"\t\t\ta += na;\n"
"\t\t\tb += nb;\n"
"\t\t} else {\n"
"\t\t\tif (*a != *b)\n"
"\t\t\t\treturn (unsigned char)*a < (unsigned char)*b ? -1 : 1;\n"
"\t\t\ta++;\n"
"\t\t\tb++;\n"
"\t\t}\n"
"\t}\n"
"\treturn (*a != '\\0') - (*b != '\\0');\n"
"}\n"
"\n"
"const struct @p@sheet *@p@find_sheet(const char *code)\n"
"{\n"
"\tsize_t lo = 0, hi = @P@N_SHEETS;\n"
"\n"
"\twhile (lo < hi) {\n"
"\t\tsize_t mid = lo + (hi - lo) / 2;\n"
"\t\tint d = @p@code_compare(code, @p@str(@p@sheets[mid].code));\n"
"\n"
"\t\tif (d == 0)\n"
"\t\t\treturn &@p@sheets[mid];\n"
"\t\tif (d < 0)\n"
"\t\t\thi = mid;\n"
"\t\telse\n"
"\t\t\tlo = mid + 1;\n"
"\t}\n"
"\treturn NULL;\n"
"}\n"
"\n"
"const char *@p@trend_name(enum @p@trend t)\n"
"{\n"
"\tswitch (t) {\n"
"\tcase @P@TREND_RISING: return \"rising\";\n"
"\tcase @P@TREND_STABLE: return \"stable\";\n"
"\tcase @P@TREND_DECLINING: return \"declining\";\n"
"\tcase @P@TREND_NONE: break;\n"
"\t}\n"
"\treturn \"\";\n"
"}\n"
"\n"
"const char *@p@status_name(enum @p@status s)\n"
"{\n"
"\tswitch (s) {\n"
"\tcase @P@STATUS_NEW: return \"new\";\n"
"\tcase @P@STATUS_REVISED: return \"revised\";\n"
"\tcase @P@STATUS_NONE: break;\n"
"\t}\n"
"\treturn \"\";\n"
"}\n"
"\n"
"const char *@p@importance_name(enum @p@importance i)\n"
"{\n"
"\treturn i == @P@USEFUL ? \"useful\" : \"essential\";\n"
"}\n";

/* ---- the two files ----------------------------------------------------- */

static void c_header(const struct c_ctx *cx, struct buf *h)
{
	c_template(h, cx, c_header_head);
	for (size_t t = 0; t < C_N_TABLES; t++) {
		c_template(h, cx, "#define @P@");
		buf_printf(h, "%s %zu\n", c_tables[t].count, cx->n_rows[t]);
	}
	for (size_t t = 0; t < C_N_TABLES; t++) {
		buf_puts(h, "\n/* ");
		c_template(h, cx, c_tables[t].doc);
		buf_puts(h, " */\nextern const ");
		c_template(h, cx, c_tables[t].type);
		c_template(h, cx, " @p@");
		buf_printf(h, "%s[];\n", c_tables[t].name);
	}
	c_template(h, cx, c_header_tail);
}

/*
 * The pool's members, then their initialisers: a literal each, or a list
 * of characters when too long for one. Written straight into the source
 * once every text is known, so that the bulk of the output is made once
 * and held once.
 */
static void c_pool(const struct c_ctx *cx, struct buf *src)
{
	for (size_t i = 0; i < cx->n_texts; i++) {
		buf_puts(src, "\tchar s");
		c_put_size(src, i);
		buf_putc(src, '[');
		c_put_size(src, cx->members[i].len + 1);
		buf_puts(src, "];\n");
	}
	c_template(src, cx, "};\n\nconst struct @p@pool @p@pool = {\n");
	for (size_t i = 0; i < cx->n_texts; i++) {
		const struct c_member *m = &cx->members[i];

		buf_puts(src, "\t/* ");
		c_put_size(src, i);
		buf_puts(src, " */ ");
		if (m->len <= C_MAX_LITERAL)
			c_literal(src, m->s, m->len);
		else
			c_char_list(src, m->s, m->len);
		buf_puts(src, ",\n");
	}
}

static void c_source(const struct c_ctx *cx, struct buf *src)
{
	c_template(src, cx,
		"/*\n"
		" * @n@.c - the tables declared in @n@.h.\n"
		" * Generated by jobc, do not edit: edit the .jobsheet sources and run jobc.\n"
		" */\n"
		"#include <stddef.h>\n"
		"#include <string.h>\n"
		"\n"
		"#include \"@n@.h\"\n"
		"\n"
		"/* The pool: a member per text, each its own literal, since C99 promises\n"
		"   to compile literals of 4095 bytes only; longer texts are written as\n"
		"   lists of characters. Member n is read at offset @P@TEXT(n). */\n"
		"struct @p@pool {\n");
	c_pool(cx, src);
	c_template(src, cx,
		"};\n"
		"\n"
		"#define @P@TEXT(n) ((@p@text)offsetof(struct @p@pool, s##n))\n"
		"\n"
		"const struct @p@catalogue_info @p@catalogue = {\n");
	buf_put(src, cx->catalogue.data, cx->catalogue.len);
	buf_puts(src, "};\n");
	for (size_t t = 0; t < C_N_TABLES; t++) {
		buf_printf(src, "\n/* %s */\nconst ", c_tables[t].fields);
		c_template(src, cx, c_tables[t].type);
		c_template(src, cx, " @p@");
		buf_printf(src, "%s[] = {\n", c_tables[t].name);
		if (cx->n_rows[t])
			c_put_rows(cx, src, t);
		else {
			buf_putc(src, '\t');
			c_template(src, cx, c_tables[t].dummy);
			buf_puts(src, ",\n");
		}
		buf_puts(src, "};\n");
	}
	c_template(src, cx, c_source_tail);
}

/* ---- the backend ------------------------------------------------------- */

static bool c_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The name starts every symbol (name_) and macro (NAME_): a letter first,
 * then letters, digits and single underscores inside, so that no name made
 * from it is reserved in C or C++.
 */
static bool c_name_valid(const char *p)
{
	if (!c_is_letter(*p))
		return false;
	for (; *p; p++) {
		if (*p == '_' && (p[1] == '_' || p[1] == '\0'))
			return false;
		if (!c_is_letter(*p) && !(*p >= '0' && *p <= '9') && *p != '_')
			return false;
	}
	return true;
}

/* Member 0 of the pool, the empty string, and the sheets' rows. */
static bool c_ctx_init(struct c_ctx *cx)
{
	if (!c_members_reserve(cx) || !c_sheet_rows_init(cx))
		return false;
	cx->members[0] = (struct c_member){ "", 0 };
	cx->n_texts = 1;
	return true;
}

static void c_ctx_free(struct c_ctx *cx)
{
	buf_free(&cx->sym);
	buf_free(&cx->macro);
	buf_free(&cx->catalogue);
	mem_free(cx->members);
	arena_free(cx->slots_arena);
	mem_free(cx->sheet_rows);
	for (size_t t = 0; t < C_N_TABLES; t++)
		buf_free(&cx->rows[t]);
}

static bool c_ctx_failed(const struct c_ctx *cx)
{
	bool failed = cx->sym.failed || cx->macro.failed || cx->catalogue.failed
		|| cx->oom;

	for (size_t t = 0; t < C_N_TABLES; t++)
		failed = failed || cx->rows[t].failed;
	return failed;
}

static int c_emit(const struct ast_root *root, const struct backend_options *opts,
		  struct out_set *out)
{
	struct c_ctx cx = { .root = root, .name = C_DEFAULT_NAME };
	struct buf *h, *src;
	int ret = 0;

	if (opts && opts->c_prefix)
		cx.name = opts->c_prefix;
	/* The driver has checked the name (c_options_error). */
	if (!c_name_valid(cx.name))
		return -1;
	for (const char *p = cx.name; *p; p++) {
		buf_putc(&cx.sym, *p);
		buf_putc(&cx.macro, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
	}
	buf_putc(&cx.sym, '_');
	buf_putc(&cx.macro, '_');

	if (!c_ctx_init(&cx)) {
		c_ctx_free(&cx);
		return -1;
	}
	c_catalogue(&cx);
	c_declarations(&cx);
	for (size_t i = 0; i < root->n_sheets; i++)
		c_sheet(&cx, root->sheets[i]);
	c_lineage(&cx);
	/* Every text is pooled: the table's memory can go before the source grows. */
	arena_free(cx.slots_arena);
	cx.slots_arena = NULL;
	cx.slots = NULL;

	h = out_file(out, "c/%s.h", cx.name);
	src = out_file(out, "c/%s.c", cx.name);
	if (!h || !src || c_ctx_failed(&cx))
		ret = -1;
	else {
		c_header(&cx, h);
		c_source(&cx, src);
	}
	c_ctx_free(&cx);
	return ret;
}

static const char *c_options_error(const struct backend_options *opts)
{
	if (!opts->c_prefix || c_name_valid(opts->c_prefix))
		return NULL;
	return "bad --c-prefix: letters, digits and single underscores expected, "
	       "a letter first and no '_' last";
}

const struct backend backend_c = {
	"c",
	"C99/C++ header and source of read-only tables, with a lookup by code",
	c_emit,
	c_options_error,
};
