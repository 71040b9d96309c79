/*
 * xlsx.c - the xlsx backend: the tidy tables (tidy.h) as the worksheets of
 * one workbook, xlsx/catalogue.xlsx, made with libxlsxwriter (docs/CSV.md).
 *
 * Each worksheet opens readable: the header row in bold and frozen, a
 * filter on it, each column as wide as its texts (up to a limit, past
 * which they wrap). Every text is a string cell, never a formula, so that
 * text starting with = or @ arrives as written (no ' is needed, unlike
 * CSV); positions and ranks are numbers.
 *
 * libxlsxwriter writes a file: the workbook is made in a private temporary
 * folder (tempdir.h) and read back into the out_set. Its creation date is
 * fixed, so that the file depends on the catalogue only. An Excel cell
 * holds 32,767 characters at most: a longer text is an error that names
 * it, not a cut.
 */
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "backend.h"
#include "emit.h"
#include "tempdir.h"
#include "tidy.h"

/* Columns widen to their longest text, up to this many characters; past
 * it, their texts wrap. */
#define XLSX_MAX_WIDTH 60
/* What Excel holds in a cell. */
#define XLSX_MAX_CELL 32767
/* The workbook's creation date: 2000-01-01, whatever the day it is made. */
#define XLSX_CREATED ((time_t)946684800)

struct xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;      /* the table being written */
	lxw_format *header, *wrap;
	enum tidy_table table;
	lxw_row_t row;
	lxw_col_t col;
	size_t width[TIDY_MAX_COLUMNS]; /* longest text of each column, in characters */
	struct buf text;        /* a text, NUL-terminated for the library */
	struct diag *diag;
	bool failed;            /* the library refused something (reported) */
};

static size_t xlsx_chars(const char *s, size_t n)
{
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

static void xlsx_fail(struct xlsx *x, lxw_error err)
{
	if (!x->failed)
		diag_error(x->diag, NULL, "the xlsx backend: %s", lxw_strerror(err));
	x->failed = true;
}

static int xlsx_begin(void *ctx, enum tidy_table t)
{
	struct xlsx *x = ctx;
	const struct tidy_table_desc *d = &tidy_tables[t];
	x->ws = workbook_add_worksheet(x->wb, d->name);
	if (!x->ws) {
		xlsx_fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return -1;
	}
	x->table = t;
	x->row = 0;
	for (size_t i = 0; i < d->n_columns; i++) {
		worksheet_write_string(x->ws, 0, (lxw_col_t)i, d->columns[i], x->header);
		x->width[i] = strlen(d->columns[i]);
	}
	x->row = 1;
	x->col = 0;
	return 0;
}

static void xlsx_text(void *ctx, const char *s, size_t n)
{
	struct xlsx *x = ctx;
	lxw_col_t col = x->col++;
	if (!s || x->failed)
		return;
	size_t chars = xlsx_chars(s, n);
	if (chars > XLSX_MAX_CELL) {
		diag_error(x->diag, NULL, "the xlsx backend: the text in column '%s' of row %u of "
			   "worksheet '%s' has %zu characters, and an Excel cell holds %d at most",
			   tidy_tables[x->table].columns[col], (unsigned)x->row + 1,
			   tidy_tables[x->table].name, chars, XLSX_MAX_CELL);
		x->failed = true;
		return;
	}
	if (chars > x->width[col])
		x->width[col] = chars;
	x->text.len = 0;
	buf_put(&x->text, s, n);
	buf_putc(&x->text, '\0');
	if (x->text.failed)
		return;
	lxw_error err = worksheet_write_string(x->ws, x->row, col, x->text.data, NULL);
	if (err != LXW_NO_ERROR)
		xlsx_fail(x, err);
}

static void xlsx_number(void *ctx, size_t n)
{
	struct xlsx *x = ctx;
	lxw_col_t col = x->col++;
	if (!x->failed)
		worksheet_write_number(x->ws, x->row, col, (double)n, NULL);
}

static void xlsx_end_row(void *ctx)
{
	struct xlsx *x = ctx;
	x->row++;
	x->col = 0;
}

/* The widths, the frozen header row and its filter. */
static int xlsx_end(void *ctx, enum tidy_table t)
{
	struct xlsx *x = ctx;
	const struct tidy_table_desc *d = &tidy_tables[t];
	for (size_t i = 0; i < d->n_columns; i++) {
		bool wide = x->width[i] > XLSX_MAX_WIDTH;
		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
				     (double)(wide ? XLSX_MAX_WIDTH : x->width[i]) + 2,
				     wide ? x->wrap : NULL);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	worksheet_autofilter(x->ws, 0, 0, x->row - 1, (lxw_col_t)(d->n_columns - 1));
	return x->failed || x->text.failed ? -1 : 0;
}

/* The workbook, made at path. 0, or -1 (reported, but for memory). */
static int xlsx_write(const struct ast_root *root, const char *path, const char *tmpdir,
		      struct diag *diag)
{
	lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *)tmpdir };
	lxw_doc_properties props = { .created = XLSX_CREATED };
	struct xlsx x = { .diag = diag };
	buf_init(&x.text);
	x.wb = workbook_new_opt(path, &options);
	if (!x.wb) {
		diag_error(diag, NULL, "the xlsx backend cannot make a workbook in '%s'", tmpdir);
		return -1;
	}
	workbook_set_properties(x.wb, &props);
	x.header = workbook_add_format(x.wb);
	x.wrap = workbook_add_format(x.wb);
	format_set_bold(x.header);
	format_set_text_wrap(x.wrap);
	format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
	const struct tidy_sink sink = { &x, xlsx_begin, xlsx_text, xlsx_number, xlsx_end_row,
					xlsx_end };
	int rc = tidy_walk(root, &sink);
	lxw_error err = workbook_close(x.wb);
	if (rc == 0 && err != LXW_NO_ERROR)
		xlsx_fail(&x, err);
	buf_free(&x.text);
	return rc == 0 && !x.failed ? 0 : -1;
}

static int xlsx_emit(const struct ast_root *root, const struct backend_options *opts,
		     struct out_set *out, struct diag *diag)
{
	(void)opts;
	struct tempdir dir;
	char path[sizeof dir.path + 32];
	if (tempdir_make(&dir, diag) != 0)
		return -1;
	struct buf *b = NULL;
	int rc = -1;
	if (tempdir_file(&dir, "catalogue.xlsx", path, sizeof path) &&
	    xlsx_write(root, path, dir.path, diag) == 0 &&
	    (b = out_file(out, "xlsx/catalogue.xlsx")) != NULL &&
	    tempdir_read(&dir, "catalogue.xlsx", b, diag) == 0)
		rc = out_file_done(out, b);
	tempdir_remove(&dir);
	return rc;
}

const struct backend backend_xlsx = {
	"xlsx",
	"the csv backend's tables as the worksheets of one workbook (libxlsxwriter)",
	xlsx_emit,
	NULL,
	true,
	true,
	8300,
};
