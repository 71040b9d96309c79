/*
 * frontend_unit.h - what frontend.c (the run, its files parsed once) and
 * frontend_update.c (incremental runs: units kept and replaced) share, and
 * nothing else sees: a run and the units of its files.
 */
#ifndef JOBC_FRONTEND_UNIT_H
#define JOBC_FRONTEND_UNIT_H

#include <stdbool.h>

#include "arena.h"
#include "frontend.h"
#include "parse.h"

/*
 * Each file is parsed into a unit of its own: its own AST root and its
 * own diagnostics, whatever thread parses it. The run then joins the units
 * in command-line order (frontend_join). Parsed alone, a file gives the
 * same AST and the same records on one thread or many, so the output of
 * -j N is that of -j 1 by construction; what depends on the files before
 * (a catalogue or a scale declared again) is checked by the join.
 */
struct frontend_unit {
	const char *path;       /* NULL: text given in memory */
	struct ast_root root;
	struct diag diag;
	int status;             /* as frontend_parse_file */
	/* A unit an incremental run keeps: it owns its memory (freed when
	 * the file's unit is replaced or dropped) and its name. */
	struct arena *arena;    /* NULL: the AST is in the parsing run's arena */
	char *name;             /* the file's path, or the name of its text */
};

struct frontend {
	struct arena *arena;
	struct diag *diag;
	struct ast_root root;           /* every file joined so far */
	struct frontend_unit *unit;     /* the file being parsed */
	struct parse_buffer scan;       /* flex's copy of each file in turn */
	struct parse_buffer text;       /* each regular file's text in turn */
	/* runs of files parsed in parallel, whose ASTs root now links to:
	 * freed with this one */
	struct frontend **parts;
	size_t n_parts;
	struct arena *home;             /* the run's own arena (arena: the unit's) */
	/* An incremental run (frontend_new_incremental) keeps every file's
	 * unit, joins them at each validation, and builds the resolved model
	 * in an arena of its own, replaced at each validation. */
	bool incremental;
	struct frontend_unit **units;   /* in the order of the files */
	size_t n_units;
	struct arena *model;
};

/* u, empty, for the file path (NULL: text), reporting as model says. */
void frontend_unit_init(struct frontend_unit *u, const struct diag *model, const char *path);

/* Makes fe (the run, or a worker's) parse into u, reporting to u, in u's
 * arena if it has one; frontend_unit_end puts fe back to run_diag and its
 * own arena. */
void frontend_unit_begin(struct frontend *fe, struct frontend_unit *u);
void frontend_unit_end(struct frontend *fe, struct diag *run_diag);

/* Reads and parses the file at path, or parses text of the file `name`,
 * into the unit fe is working on: returns as frontend_parse_file. */
int frontend_read_and_parse(struct frontend *fe, const char *path);
int frontend_parse_copy(struct frontend *fe, const char *name, const char *text, size_t len);

/* Joins a parsed unit to fe->root, its diagnostics to fe's. */
void frontend_join(struct frontend *fe, struct frontend_unit *u);

/* Parses units[0..n) (their path) on `jobs` threads, this one included,
 * with worker runs made here into runs[0..jobs) (NULL where memory ran
 * out: their units fail with -1). The caller frees the runs. */
void frontend_parse_pool(struct frontend_unit **units, size_t n, struct frontend **runs,
			 unsigned jobs);

/* Frees a unit of an incremental run (frontend_update.c). */
void frontend_unit_free(struct frontend_unit *u);

/* An incremental run: joins every unit again (frontend_update.c). */
int frontend_rejoin(struct frontend *fe);

#endif
