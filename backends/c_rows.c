/*
 * c_rows.c - the tables of the C backend (c.h): what each holds, column by
 * column; its rows, kept as 32-bit fields while the AST is walked; and
 * those rows written out as C initialisers.
 *
 * A row is written field by field; children are written before their
 * parent's row opens (the parent needs their first index), so only one row
 * is open at a time. A field is kept as a 32-bit value, the size of the
 * generated fields, and written out as C with the rest of the source (by
 * c_put_rows): the tables as C text took three times the memory.
 */
#include <assert.h>
#include <string.h>

#include "c.h"
#include "emit.h"

/* The columns of a table, and how many they are. */
#define C_COLUMNS(...) \
	.columns = { __VA_ARGS__ }, \
	.n_columns = sizeof (enum c_column[]){ __VA_ARGS__ } / sizeof (enum c_column)

const struct c_table_desc c_tables[C_N_TABLES] = {
	[C_LEVELS] = { "levels", "struct @p@level", "N_LEVELS",
		"{ 0, 0 }", "the scale, lowest level first", "name, description",
		C_COLUMNS(C_TEXT, C_TEXT) },
	[C_CATEGORIES] = { "categories", "struct @p@category", "N_CATEGORIES",
		"{ 0, 0, false }", "knowledge categories, in declaration order",
		"name, title, levelled",
		C_COLUMNS(C_TEXT, C_TEXT, C_BOOL) },
	[C_FAMILIES] = { "families", "struct @p@family", "N_FAMILIES",
		"{ 0, 0, 0, 0 }", "families, by number", "number, title, sheets (slice)",
		C_COLUMNS(C_TEXT, C_TEXT, C_SLICE) },
	[C_SHEETS] = { "sheets", "struct @p@sheet", "N_SHEETS",
		"{ 0, 0, 0, @P@STATUS_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }",
		"every sheet, by code (@p@code_compare)",
		"code, title, family, status, then slices: replaces, aka, mission, intro, "
		"groups, knowledge, career, trends",
		C_COLUMNS(C_TEXT, C_TEXT, C_INDEX, C_STATUS, C_SLICE, C_SLICE, C_SLICE, C_SLICE,
			  C_SLICE, C_SLICE, C_SLICE, C_SLICE) },
	[C_REPLACES] = { "replaces", "struct @p@replace", "N_REPLACES",
		"{ 0, 0 }", "`replaces` lines of all sheets", "code, title",
		C_COLUMNS(C_TEXT, C_TEXT) },
	[C_TEXTS] = { "texts", "@p@text", "N_TEXTS",
		"0", "aliases, bullets and sub-items of all sheets", "text",
		C_COLUMNS(C_TEXT) },
	[C_BLOCKS] = { "blocks", "struct @p@block", "N_BLOCKS",
		"{ @P@PARAGRAPH, 0, 0, 0 }", "paragraphs, lists and career entries",
		"kind, text, items (slice)",
		C_COLUMNS(C_BLOCK_KIND, C_TEXT, C_SLICE) },
	[C_GROUPS] = { "groups", "struct @p@group", "N_GROUPS",
		"{ @P@TREND_NONE, 0, 0, 0, 0 }", "groups of activities",
		"trend, title, intro, tasks (slice)",
		C_COLUMNS(C_TREND, C_TEXT, C_TEXT, C_SLICE) },
	[C_TASKS] = { "tasks", "struct @p@task", "N_TASKS",
		"{ @P@TREND_NONE, 0, 0, 0 }", "tasks of the groups",
		"trend, text, subitems (slice)",
		C_COLUMNS(C_TREND, C_TEXT, C_SLICE) },
	[C_KNOWLEDGE] = { "knowledge", "struct @p@knowledge_block", "N_KNOWLEDGE",
		"{ 0, @P@ESSENTIAL, 0, 0 }", "knowledge blocks of all sheets",
		"category, importance, items (slice)",
		C_COLUMNS(C_INDEX, C_IMPORTANCE, C_SLICE) },
	[C_ITEMS] = { "items", "struct @p@item", "N_ITEMS",
		"{ 0, 0 }", "items of the knowledge blocks", "level, text",
		C_COLUMNS(C_INDEX, C_TEXT) },
	[C_SHEET_REFS] = { "sheet_refs", "@p@index", "N_SHEET_REFS",
		"0", "sheet indexes listed by families and lineage", "row of sheets",
		C_COLUMNS(C_INDEX) },
	[C_LINEAGE] = { "lineage", "struct @p@lineage_entry", "N_LINEAGE",
		"{ 0, 0, 0, 0, @P@NONE }", "previous positions, by previous code",
		"code, title, sheets (slice), see",
		C_COLUMNS(C_TEXT, C_TEXT, C_SLICE, C_INDEX) },
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

/* The enumerators of the columns that hold an enum. */
static const char *const *const c_enum_names[] = {
	[C_TREND] = c_trend_names,
	[C_STATUS] = c_status_names,
	[C_IMPORTANCE] = c_importance_names,
	[C_BLOCK_KIND] = c_block_kind_names,
};

/* Fields of a row of table t: a slice takes two. */
static size_t c_fields(enum c_table t)
{
	size_t n = 0;
	for (size_t i = 0; i < c_tables[t].n_columns; i++)
		n += c_tables[t].columns[i] == C_SLICE ? 2 : 1;
	return n;
}

/* ---- rows, while the AST is walked ------------------------------------ */

void c_row(struct c_ctx *cx, enum c_table t)
{
	cx->open = t;
	cx->open_fields = 0;
	cx->n_rows[t]++;
}

/* The next field of the open row: a pool member, a row index or count,
 * C_NONE, or an enum's value. A value the generated code could not hold
 * fails the run (a catalogue of 4 billion rows would not fit in memory). */
void c_field(struct c_ctx *cx, size_t v)
{
	uint32_t field = v == C_NONE ? UINT32_MAX : (uint32_t)v;

	cx->open_fields++;
	if (v != C_NONE && v >= UINT32_MAX)
		cx->oom = true;
	buf_put(&cx->rows[cx->open], &field, sizeof field);
}

/* A slice of a table: its first row and its number of rows. */
void c_field_slice(struct c_ctx *cx, size_t first, size_t count)
{
	c_field(cx, first);
	c_field(cx, count);
}

/* The row has as many fields as its table's columns. */
void c_row_end(const struct c_ctx *cx)
{
	assert(cx->open_fields == c_fields(cx->open));
	(void)cx;
}

void c_scalar(struct c_ctx *cx, enum c_table t, size_t v)
{
	c_row(cx, t);
	c_field(cx, v);
	c_row_end(cx);
}

/* ---- rows as C --------------------------------------------------------- */

/* A macro of the generated code: NAME_ and what follows. */
static void c_put_macro(const struct c_ctx *cx, struct buf *b, const char *name)
{
	buf_put(b, cx->macro.data, cx->macro.len);
	buf_puts(b, name);
}

void c_put_text(const struct c_ctx *cx, struct buf *b, size_t text)
{
	if (text) {
		c_put_macro(cx, b, "TEXT(");
		emit_size(b, text);
		buf_putc(b, ')');
	} else
		buf_putc(b, '0');
}

/* A field of a row as C, by its column (the two fields of a slice are
 * indexes). */
static void c_put_value(const struct c_ctx *cx, struct buf *b, enum c_column column, uint32_t v)
{
	switch (column) {
	case C_TEXT:
		c_put_text(cx, b, v);
		break;
	case C_BOOL:
		buf_puts(b, v ? "true" : "false");
		break;
	case C_INDEX:
	case C_SLICE:
		if (v == UINT32_MAX)
			c_put_macro(cx, b, "NONE");
		else
			emit_size(b, v);
		break;
	default:
		c_put_macro(cx, b, c_enum_names[column][v]);
		break;
	}
}

void c_put_rows(const struct c_ctx *cx, struct buf *b, enum c_table t)
{
	const struct c_table_desc *d = &c_tables[t];
	bool braced = c_fields(t) > 1;
	const char *p = cx->rows[t].data, *end = p + cx->rows[t].len;

	while (p < end) {
		buf_puts(b, braced ? "\t{ " : "\t");
		for (size_t i = 0; i < d->n_columns; i++) {
			size_t fields = d->columns[i] == C_SLICE ? 2 : 1;

			for (size_t k = 0; k < fields; k++, p += sizeof(uint32_t)) {
				uint32_t v;

				memcpy(&v, p, sizeof v);
				if (i || k)
					buf_puts(b, ", ");
				c_put_value(cx, b, d->columns[i], v);
			}
		}
		buf_puts(b, braced ? " },\n" : ",\n");
		out_file_flush(cx->out, b);
	}
}
