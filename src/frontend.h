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

#include <stdbool.h>
#include <stddef.h>

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
 * fields of the AST; then settles the diagnostics (diag_settle). Returns
 * 0, or -1 if memory ran out; errors found are in the diag (use
 * diag_failed). An incremental run (below) may return 2 as well.
 */
int frontend_validate(struct frontend *fe);

const struct ast_root *frontend_root(const struct frontend *fe);

/*
 * Incremental runs (jobc --watch; a language server): the run keeps each
 * file's unit (its AST, in an arena of its own, and its syntax
 * diagnostics), so that when one file changes only that file is parsed
 * again. Units are named by their file's path (or the name given with
 * text); the run's files are its units, in order.
 *
 *     struct frontend *fe = frontend_new_incremental(&d);
 *     frontend_set_files(fe, paths, n, jobs);     // parses them all
 *     if (frontend_validate(fe) == 0 && !diag_failed(&d)) use(frontend_root(fe));
 *     ...                                         // "b.jobsheet" changed:
 *     diag_clear(&d);
 *     frontend_replace_file(fe, "b.jobsheet");
 *     frontend_validate(fe);                      // as a fresh run of the files
 *
 * Each frontend_validate joins the units again in order, takes copies of
 * their diagnostics into the diag (which the caller empties first, with
 * diag_clear), and validates the whole: the AST, the diagnostics and their
 * order are those a fresh run over the same files and texts would give
 * (tests/test_frontend.c). It returns 2 without validating, as
 * frontend_parse_files would, if a file could not be read; -1 if memory
 * ran out, here or while a file was parsed.
 *
 * Replacing, dropping or adding a unit frees what the last validation
 * made and, for a unit replaced or dropped, its AST: the caller is done
 * with the model and the diagnostics of the last validation first.
 * frontend_parse_file and frontend_parse_text, on an incremental run,
 * replace the file's unit.
 */
struct frontend *frontend_new_incremental(struct diag *d);

/*
 * Makes the run's files paths[0..n), in that order: the unit of a file no
 * longer named is dropped, a file that has no unit is read and parsed (on
 * up to jobs threads), and the others keep theirs (drop one with
 * frontend_forget to have it read again). Returns 0; -1 if memory ran
 * out; else the status of the first file that could not be read (2, also
 * in its unit's diagnostics, which frontend_validate gives).
 */
int frontend_set_files(struct frontend *fe, char *const *paths, size_t n, unsigned jobs);

/* Reads the file at path again into a new unit, in the place of its unit
 * (added last if it has none). Returns as frontend_parse_file. */
int frontend_replace_file(struct frontend *fe, const char *path);

/* The same with the text of the file `name` given in memory (an editor's
 * unsaved buffer); text is copied. */
int frontend_replace_text(struct frontend *fe, const char *name, const char *text, size_t len);

/* Drops the unit of name; false if it has none. */
bool frontend_forget(struct frontend *fe, const char *name);

#endif
