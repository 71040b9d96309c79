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
 * Reads a whole stream into memory (mem_alloc; the caller frees it with
 * mem_free). A regular file is read in one piece of its size; standard
 * input or a pipe grows by doubling. Returns 0, 2 on a read error (errno
 * set), -1 out of memory; *len past FRONTEND_MAX_FILE_SIZE means the file
 * is too large (reading stopped there).
 */
int frontend_slurp(FILE *in, char **text, size_t *len);

#endif
