/*
 * c.h - internals shared by the files of the C backend (backends/c*.c).
 *
 * The backend writes c/NAME.h and c/NAME.c (NAME from --c-prefix): the
 * whole reference system as constant tables that a program compiles in
 * (docs/C.md says it for the user). Its files, one job each:
 *
 *     c.c        the backend: its option, and the two files, from their
 *                templates (backends/assets/c-header.h.in, c-source.c.in)
 *     c_walk.c   from the AST to rows of the tables
 *     c_rows.c   what the tables are (typed columns), their rows as 32-bit
 *                fields, and those rows written as C
 *     c_pool.c   the string pool: every text once, and written as C
 *
 * The design:
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
#ifndef JOBC_BACKEND_C_H
#define JOBC_BACKEND_C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "output.h"

/* ---- the tables (c_rows.c) ---- */

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

/* What a column of a table holds, and so how it is written. */
enum c_column {
	C_TEXT,                 /* a text: its offset in the pool, NAME_TEXT(n) */
	C_INDEX,                /* a row of another table, or NAME_NONE */
	C_SLICE,                /* two fields: the first row of a run, and its length */
	C_BOOL,
	C_TREND,                /* the enums, written as their enumerators */
	C_STATUS,
	C_IMPORTANCE,
	C_BLOCK_KIND
};

/* The most columns of a table: a sheet's. */
#define C_MAX_COLUMNS 12

/*
 * What the header and the source say about each table. Types, rows and
 * comments are templates: @p@ stands for the prefix, @P@ for the macro
 * prefix. The dummy row fills a table that has no row, since ISO C has no
 * empty array; its count stays 0. A row of one field is written bare,
 * without braces.
 */
struct c_table_desc {
	const char *name;       /* the array, after the prefix */
	const char *type;       /* its element type */
	const char *count;      /* the macro of its row count, after the macro prefix */
	const char *dummy;      /* the row of an otherwise empty table */
	const char *doc;        /* one line for the header */
	const char *fields;     /* what a row holds, for readers of the source */
	enum c_column columns[C_MAX_COLUMNS];
	size_t n_columns;
};

extern const struct c_table_desc c_tables[C_N_TABLES];

/* A row index meaning "none" (an item without level, a lineage entry
 * without `see`). */
#define C_NONE ((size_t)-1)

/* ---- one run of the backend ---- */

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

/* The string pool (c_pool.c). */
struct c_pool {
	struct c_member *members;
	size_t n_texts, members_cap;    /* its members; room for them */
	struct c_slot *slots;           /* hash table of the members, for sharing */
	size_t slots_cap;               /* its slots: 0 or a power of 2 */
	struct arena *slots_arena;      /* where the table lives */
};

struct c_ctx {
	const struct ast_root *root;
	const char *name;               /* --c-prefix: "jobc" */
	struct buf sym;                 /* prefix of symbols: "jobc_" */
	struct buf macro;               /* prefix of macros: "JOBC_" */
	struct buf catalogue;           /* the initialiser of the catalogue */
	struct out_set *out;            /* the source goes there a piece at a time */
	struct c_pool pool;
	bool oom;                       /* out of memory, or a value over 32 bits */
	struct buf rows[C_N_TABLES];    /* the fields of each table (c_field) */
	size_t n_rows[C_N_TABLES];
	enum c_table open;              /* the table of the row being written */
	size_t open_fields;             /* fields written in that row so far */
};

/* ---- the pool (c_pool.c) ---- */

/* Member 0, the empty string. False if memory runs out. */
bool c_pool_init(struct c_pool *pool);

/* The member holding s[0..len), added if new; 0 for the empty string or
 * NULL, and if memory runs out (then cx->oom is set). */
size_t c_text(struct c_ctx *cx, const char *s, size_t len);
size_t c_str(struct c_ctx *cx, const struct ast_str *s);

/* Every text is pooled: the hash table goes (the members stay). */
void c_pool_done(struct c_pool *pool);
void c_pool_free(struct c_pool *pool);

/* The members' declarations, then their initialisers, as C. */
void c_pool_put_members(struct buf *b, const struct c_pool *pool, struct out_set *out);
void c_pool_put_texts(struct buf *b, const struct c_pool *pool, struct out_set *out);

/* ---- rows (c_rows.c) ---- */

/* A new row of table t; then its fields, in the order of its columns. */
void c_row(struct c_ctx *cx, enum c_table t);
void c_field(struct c_ctx *cx, size_t v);
void c_field_slice(struct c_ctx *cx, size_t first, size_t count);
void c_row_end(const struct c_ctx *cx);

/* A row of one field. */
void c_scalar(struct c_ctx *cx, enum c_table t, size_t v);

/* A reference to pool member `text`: an offset, 0 for the empty string. */
void c_put_text(const struct c_ctx *cx, struct buf *b, size_t text);

/* The rows of table t, one a line. */
void c_put_rows(const struct c_ctx *cx, struct buf *b, enum c_table t);

/* ---- from the AST (c_walk.c) ---- */


/* Every row of every table, and the catalogue's initialiser. */
void c_walk(struct c_ctx *cx);

#endif
