/*
 * c.c - the C backend: c/NAME.h and c/NAME.c (NAME from --c-prefix), the
 * whole reference system as constant tables that a program compiles in.
 *
 * This file checks the option, walks the AST into tables (c_walk.c) and
 * writes the two files: their fixed parts are templates shipped as assets
 * (backends/assets/c-header.h.in and c-source.c.in), whose holes it fills
 * with the tables (c_rows.c) and the string pool (c_pool.c). c.h says how
 * the generated code is designed, and why.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "assets.h"
#include "backend.h"
#include "c.h"
#include "emit.h"
#include "mem.h"
#include "output.h"

/* --c-prefix when not given: symbols jobc_..., macros JOBC_..., files jobc.h and jobc.c. */
#define C_DEFAULT_NAME "jobc"

/* The templates, in backends/assets/. */
#define C_HEADER_TEMPLATE "c-header.h.in"
#define C_SOURCE_TEMPLATE "c-source.c.in"

/* ---- the option -------------------------------------------------------- */

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

static const char *c_options_error(const struct backend_options *opts)
{
	if (!opts->c_prefix || c_name_valid(opts->c_prefix))
		return NULL;
	return "bad --c-prefix: letters, digits and single underscores expected, "
	       "a letter first and no '_' last";
}

/* ---- templates and their holes ----------------------------------------- */

/* The holes every template has: @p@ the prefix of symbols, @P@ of macros,
 * @n@ the name. */
#define C_NAME_HOLES(cx) \
	{ "p", (cx)->sym.data, NULL }, \
	{ "P", (cx)->macro.data, NULL }, \
	{ "n", (cx)->name, NULL }

/* tmpl, a C string, with the names of the run in its holes. */
static void c_template(struct buf *b, const struct c_ctx *cx, const char *tmpl)
{
	const struct emit_hole names[] = { C_NAME_HOLES(cx) };
	emit_template(b, tmpl, strlen(tmpl), names, sizeof names / sizeof names[0], cx);
}

/* The asset tmpl with the names and these holes filled; false if it is missing. */
static bool c_file(struct buf *b, const struct c_ctx *cx, const char *tmpl,
		   const struct emit_hole *holes, size_t n_holes)
{
	const struct asset *a = asset_find(tmpl);
	struct emit_hole all[8] = { C_NAME_HOLES(cx) };
	if (!a || 3 + n_holes > sizeof all / sizeof all[0])
		return false;
	memcpy(all + 3, holes, n_holes * sizeof *holes);
	emit_template(b, (const char *)a->data, a->len, all, 3 + n_holes, cx);
	return true;
}

/* ---- the header -------------------------------------------------------- */

/* @counts@: the macro of each table's number of rows. */
static void c_put_counts(struct buf *h, const void *ctx)
{
	const struct c_ctx *cx = ctx;
	for (size_t t = 0; t < C_N_TABLES; t++) {
		c_template(h, cx, "#define @P@");
		buf_puts(h, c_tables[t].count);
		buf_putc(h, ' ');
		emit_size(h, cx->n_rows[t]);
		buf_putc(h, '\n');
	}
}

/* The element type and name of table t: "const struct jobc_level jobc_levels[]". */
static void c_put_array(struct buf *b, const struct c_ctx *cx, enum c_table t)
{
	buf_puts(b, "const ");
	c_template(b, cx, c_tables[t].type);
	c_template(b, cx, " @p@");
	buf_puts(b, c_tables[t].name);
	buf_puts(b, "[]");
}

/* @declarations@: each table, with a line about it. */
static void c_put_declarations(struct buf *h, const void *ctx)
{
	const struct c_ctx *cx = ctx;
	for (size_t t = 0; t < C_N_TABLES; t++) {
		buf_puts(h, "\n/* ");
		c_template(h, cx, c_tables[t].doc);
		buf_puts(h, " */\nextern ");
		c_put_array(h, cx, t);
		buf_puts(h, ";\n");
	}
}

static bool c_header(const struct c_ctx *cx, struct buf *h)
{
	const struct emit_hole holes[] = {
		{ "counts", NULL, c_put_counts },
		{ "declarations", NULL, c_put_declarations },
	};
	return c_file(h, cx, C_HEADER_TEMPLATE, holes, sizeof holes / sizeof holes[0]);
}

/* ---- the source -------------------------------------------------------- */

static void c_put_members(struct buf *src, const void *ctx)
{
	const struct c_ctx *cx = ctx;
	c_pool_put_members(src, &cx->pool, cx->out);
}

static void c_put_texts(struct buf *src, const void *ctx)
{
	const struct c_ctx *cx = ctx;
	c_pool_put_texts(src, &cx->pool, cx->out);
}

static void c_put_catalogue(struct buf *src, const void *ctx)
{
	const struct c_ctx *cx = ctx;
	buf_put(src, cx->catalogue.data, cx->catalogue.len);
}

/* @tables@: each table, with what its rows hold. */
static void c_put_tables(struct buf *src, const void *ctx)
{
	const struct c_ctx *cx = ctx;
	for (size_t t = 0; t < C_N_TABLES; t++) {
		buf_puts(src, "\n/* ");
		buf_puts(src, c_tables[t].fields);
		buf_puts(src, " */\n");
		c_put_array(src, cx, t);
		buf_puts(src, " = {\n");
		if (cx->n_rows[t])
			c_put_rows(cx, src, t);
		else {
			buf_putc(src, '\t');
			c_template(src, cx, c_tables[t].dummy);
			buf_puts(src, ",\n");
		}
		buf_puts(src, "};\n");
	}
}

/*
 * The pool is written straight into the source once every text is known,
 * so that the bulk of the output is made once and held once.
 */
static bool c_source(const struct c_ctx *cx, struct buf *src)
{
	const struct emit_hole holes[] = {
		{ "members", NULL, c_put_members },
		{ "texts", NULL, c_put_texts },
		{ "catalogue", NULL, c_put_catalogue },
		{ "tables", NULL, c_put_tables },
	};
	return c_file(src, cx, C_SOURCE_TEMPLATE, holes, sizeof holes / sizeof holes[0]);
}

/* ---- the backend ------------------------------------------------------- */

/* The prefixes, member 0 of the pool, and the sheets' rows. */
static bool c_ctx_init(struct c_ctx *cx)
{
	for (const char *p = cx->name; *p; p++) {
		buf_putc(&cx->sym, *p);
		buf_putc(&cx->macro, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
	}
	buf_putc(&cx->sym, '_');
	buf_putc(&cx->macro, '_');
	return !cx->sym.failed && !cx->macro.failed && c_pool_init(&cx->pool);
}

static void c_ctx_free(struct c_ctx *cx)
{
	buf_free(&cx->sym);
	buf_free(&cx->macro);
	buf_free(&cx->catalogue);
	c_pool_free(&cx->pool);
	for (size_t t = 0; t < C_N_TABLES; t++)
		buf_free(&cx->rows[t]);
}

static bool c_ctx_failed(const struct c_ctx *cx)
{
	bool failed = cx->catalogue.failed || cx->oom;

	for (size_t t = 0; t < C_N_TABLES; t++)
		failed = failed || cx->rows[t].failed;
	return failed;
}

static int c_emit(const struct ast_root *root, const struct backend_options *opts,
		  struct out_set *out, struct diag *diag)
{
	(void)diag;
	struct c_ctx cx = { .root = root, .name = C_DEFAULT_NAME, .out = out };
	struct buf *h, *src;
	int ret = -1;

	if (opts && opts->c_prefix)
		cx.name = opts->c_prefix;
	/* The driver has checked the name (c_options_error). */
	if (c_name_valid(cx.name) && c_ctx_init(&cx)) {
		c_walk(&cx);
		/* Every text is pooled: the table's memory can go before the source grows. */
		c_pool_done(&cx.pool);
		h = out_file(out, "c/%s.h", cx.name);
		src = out_file(out, "c/%s.c", cx.name);
		if (h && src && !c_ctx_failed(&cx) && c_header(&cx, h) && c_source(&cx, src))
			ret = 0;
	}
	c_ctx_free(&cx);
	return ret;
}

const struct backend backend_c = {
	"c",
	"C99/C++ header and source of read-only tables, with a lookup by code",
	c_emit,
	c_options_error,
	false,
	false,
	400,
};
