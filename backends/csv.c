/*
 * csv.c - the csv backend: the tidy tables (tidy.h) as csv/TABLE.csv, one
 * file per kind of row (docs/CSV.md).
 *
 * RFC 4180: a header row, fields apart by commas, records ended by CRLF,
 * UTF-8; a text is always quoted (a quote inside doubled, by the kit's
 * emit_csv), a number never, an absent value is an empty field, so that a
 * reader tells them apart. No byte order mark unless --csv-bom asks for
 * one (for Excel, which reads UTF-8 as its code page without it; programs
 * would take it for part of the first column's name).
 *
 * Spreadsheet injection (OWASP, "CSV Injection"): Excel and LibreOffice run
 * a field that starts with =, +, -, @, a tab or a carriage return as a
 * formula. Such a text is written with a ' before it, which both show as
 * text and keep: "=1+1" arrives as the text '=1+1, never as 2.
 */
#include "backend.h"
#include "emit.h"
#include "tidy.h"

struct csv {
	struct out_set *out;
	struct buf *b;          /* the table being written */
	bool bom;
	bool row_started;       /* a field of this row is written: a comma next */
};

static void csv_separate(struct csv *c)
{
	if (c->row_started)
		buf_putc(c->b, ',');
	c->row_started = true;
}

static int csv_begin(void *ctx, enum tidy_table t)
{
	struct csv *c = ctx;
	const struct tidy_table_desc *d = &tidy_tables[t];
	c->b = out_file(c->out, "csv/%s.csv", d->name);
	if (!c->b)
		return -1;
	if (c->bom)
		buf_puts(c->b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < d->n_columns; i++) {
		csv_separate(c);
		buf_puts(c->b, d->columns[i]);
	}
	buf_puts(c->b, "\r\n");
	c->row_started = false;
	return 0;
}

/* True if a spreadsheet would take a field starting with c for a formula. */
static bool csv_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static void csv_text(void *ctx, const char *s, size_t n)
{
	struct csv *c = ctx;
	csv_separate(c);
	if (!s)
		return;
	buf_putc(c->b, '"');
	if (n > 0 && csv_formula_start(s[0]))
		buf_putc(c->b, '\'');
	emit_escape(c->b, &emit_csv, s, n);
	buf_putc(c->b, '"');
}

static void csv_number(void *ctx, size_t n)
{
	struct csv *c = ctx;
	csv_separate(c);
	emit_size(c->b, n);
}

static void csv_end_row(void *ctx)
{
	struct csv *c = ctx;
	buf_puts(c->b, "\r\n");
	c->row_started = false;
}

static int csv_end(void *ctx, enum tidy_table t)
{
	(void)t;
	struct csv *c = ctx;
	return out_file_done(c->out, c->b);
}

static int csv_emit(const struct ast_root *root, const struct backend_options *opts,
		    struct out_set *out, struct diag *diag)
{
	(void)diag;
	struct csv c = { .out = out, .bom = opts->csv_bom };
	const struct tidy_sink sink = { &c, csv_begin, csv_text, csv_number, csv_end_row, csv_end };
	return tidy_walk(root, &sink);
}

const struct backend backend_csv = {
	"csv",
	"tidy tables, a CSV file per kind of row (sheets, aliases, tasks, knowledge, career, "
	"lineage)",
	csv_emit,
	NULL,
	true,
	false,
	360,
};
