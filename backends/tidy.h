/*
 * tidy.h - the catalogue as tidy tables: one table per kind of row, one
 * column per variable, keys that join them (docs/CSV.md). The csv and xlsx
 * backends write the same tables, the one as files, the other as the
 * worksheets of a workbook: tidy.c walks the model once for both, and each
 * says what a cell becomes through a struct tidy_sink.
 *
 *   sheets     one row per sheet            key: sheet
 *   aliases    one row per `aka`            key: sheet, position
 *   tasks      one row per task             key: sheet, group, task
 *   knowledge  one row per knowledge item   key: sheet, category, importance, position
 *   career     one row per career entry     key: sheet, position
 *   lineage    one row per previous position and sheet that took it over
 *
 * Positions count from 1, in the order the source writes things. Texts are
 * the source's; prose (a mission, trends) is one text, paragraphs apart by
 * a blank line, the items of a list one a line; values of the language's
 * keywords (status, trend, importance, kind) are written as JSON writes
 * them ("revised", "rising"...); an absent optional value is an empty cell.
 */
#ifndef JOBC_TIDY_H
#define JOBC_TIDY_H

#include <stddef.h>

#include "ast.h"
#include "buf.h"

enum tidy_table {
	TIDY_SHEETS,
	TIDY_ALIASES,
	TIDY_TASKS,
	TIDY_KNOWLEDGE,
	TIDY_CAREER,
	TIDY_LINEAGE,
	TIDY_COUNT
};

/* The most columns of a table: a task's. */
#define TIDY_MAX_COLUMNS 9

struct tidy_table_desc {
	const char *name;               /* "sheets": csv/sheets.csv, a worksheet */
	const char *columns[TIDY_MAX_COLUMNS];  /* the header row */
	size_t n_columns;
};

extern const struct tidy_table_desc tidy_tables[TIDY_COUNT];

/*
 * What a backend does with the tables, in this order: begin a table (its
 * header), then each row's cells left to right, each row ended, then the
 * table ended. A text cell is NULL for an absent value. begin and end
 * return 0, or -1 to stop the walk (memory, a file that failed).
 */
struct tidy_sink {
	void *ctx;
	int (*begin)(void *ctx, enum tidy_table t);
	void (*text)(void *ctx, const char *s, size_t n);
	void (*number)(void *ctx, size_t n);
	void (*end_row)(void *ctx);
	int (*end)(void *ctx, enum tidy_table t);
};

/* Every table of root, to sink. 0, or -1 as the sink said, or memory. */
int tidy_walk(const struct ast_root *root, const struct tidy_sink *sink);

#endif
