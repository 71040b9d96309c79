/*
 * frontend.h - one compilation run: read, parse and validate input files.
 *
 *     struct diag d;
 *     diag_init(&d, stderr);
 *     struct frontend *fe = frontend_new(&d);
 *     frontend_parse_file(fe, "sheets/1.1-information-systems-consultant.jobsheet");
 *     ...
 *     if (frontend_validate(fe) == 0 && !diag_failed(&d))
 *             use(frontend_root(fe));      // every "resolved" field is set
 *     frontend_free(fe);                   // frees the AST and all source text
 *
 * The run owns one arena: the AST, the strings and the source text live as
 * long as the struct frontend. Nothing here is global: runs are independent.
 */
#ifndef JOBC_FRONTEND_H
#define JOBC_FRONTEND_H

#include <stddef.h>
#include <stdio.h>

#include "ast.h"
#include "diag.h"

/* Inputs larger than this are refused with a diagnostic (docs/LANGUAGE.md). */
#define FRONTEND_MAX_FILE_SIZE ((size_t)64 * 1024 * 1024)

struct frontend;

/* NULL if memory runs out. d must outlive the run. */
struct frontend *frontend_new(struct diag *d);
void frontend_free(struct frontend *fe);

/*
 * Reads and parses one file ("-" reads standard input). Syntax errors are
 * reported to the diag and do not make this fail. Returns 0; 2 if the file
 * cannot be read (reported, naming the file); -1 if memory ran out.
 */
int frontend_parse_file(struct frontend *fe, const char *path);

/*
 * Reads and parses n files in order, stopping at the first that cannot be
 * read; returns as frontend_parse_file. With jobs > 1 (once per run), files
 * are parsed on up to that many threads: each file is parsed on its own
 * and the results joined in order, so the AST, the diagnostics and their
 * order are those of parsing them one by one. Standard input ("-") among
 * the files makes it one by one.
 */
int frontend_parse_files(struct frontend *fe, char *const *paths, size_t n, unsigned jobs);

/* The same for text already in memory (tests, the fuzzer); text is copied. */
int frontend_parse_text(struct frontend *fe, const char *name, const char *text, size_t len);

/*
 * Checks the whole run (every file parsed so far) and fills the resolved
 * fields of the AST; then settles the diagnostics (diag_settle). Returns 0, or -1 if memory ran out; errors found are
 * in the diag (use diag_failed).
 */
int frontend_validate(struct frontend *fe);

const struct ast_root *frontend_root(const struct frontend *fe);

/*
 * ---- Units kept apart: an editor's files ----------------------------------
 *
 * A language server checks the whole workspace again after each change,
 * but parses again only the file that changed. Each file is parsed once
 * into a unit of its own, which owns its AST, its text (kept, never
 * dropped) and its syntax diagnostics, in an arena of its own; a check is
 * then a new run that joins every unit in order and validates:
 *
 *     struct frontend_unit *u = frontend_unit_parse(path, text, len, &settings);
 *     ...
 *     struct frontend *fe = frontend_new(&d);
 *     for (each unit, in path order)
 *             frontend_join_unit(fe, unit);
 *     frontend_validate(fe);
 *     ... read frontend_root(fe), then free the previous run, then the
 *     units this one no longer joins ...
 *
 * A run does not own the units it joins: they must outlive it. Joining
 * links a unit's lists to the run's (and ends them again first, for a run
 * before may have linked them onward): a unit belongs to one run at a time,
 * the last that joined it, and the resolved fields of its nodes are those
 * of the last run validated with it (validate_run sets every one of them,
 * so that none is left from a run before).
 */
struct frontend_unit;

/*
 * Parses text (copied; len bytes) of the file called name into a new
 * unit. Its diagnostics are made with model's settings (max_errors). Syntax
 * errors are in the unit, not a failure. NULL if memory ran out.
 */
struct frontend_unit *frontend_unit_parse(const char *name, const char *text, size_t len,
					  const struct diag *model);

/*
 * Reads the file at path (not "-") into a new unit, as frontend_parse_file
 * would read it: a file that cannot be read, or is too large, is an error
 * in the unit's diagnostics, and its status says so. NULL if memory ran
 * out. Units of different files may be read on different threads.
 */
struct frontend_unit *frontend_unit_read(const char *path, const struct diag *model);

/* As frontend_parse_file returns: 0, or 2 if its file could not be read. */
int frontend_unit_status(const struct frontend_unit *u);

void frontend_unit_free(struct frontend_unit *u);

/*
 * What the unit declares, as the parser read it. Its four parsed lists
 * may run on into the next unit's once joined to a run: walk them by
 * count, or up to their `last`, not to NULL.
 */
const struct ast_root *frontend_unit_root(const struct frontend_unit *u);

/* Its file: its name and text (kept in memory). */
const struct src_file *frontend_unit_file(const struct frontend_unit *u);

/*
 * Joins u to the run fe as frontend_parse_text would have joined the file
 * just parsed: copies of u's diagnostics, then its declarations. Returns
 * 0, or -1 if memory ran out.
 */
int frontend_join_unit(struct frontend *fe, struct frontend_unit *u);

/*
 * Reads a whole stream into memory (mem_alloc; the caller frees it with
 * mem_free). A regular file is read in one piece of its size; standard
 * input or a pipe grows by doubling. Returns 0, 2 on a read error (errno
 * set), -1 out of memory; *len past FRONTEND_MAX_FILE_SIZE means the file
 * is too large (reading stopped there).
 */
int frontend_slurp(FILE *in, char **text, size_t *len);

#endif
