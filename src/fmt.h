/*
 * fmt.h - the canonical layout of a .jobsheet file: jobc fmt, and the
 * language server's textDocument/formatting.
 *
 * The layout is a function of the tokens and comments of the file (and of
 * where its writer left blank lines), never of its white space otherwise:
 * every item on its own line, four spaces an indentation level, one space
 * between the tokens of a line, `{` on the line of what it opens, `}` on a
 * line of its own, `{ }` for an empty block, the continuation lines of a
 * string lined up under its first character. docs/FMT.md has the rules
 * and why.
 *
 * The text is read by the compiler's own scanner and parser (parse.h's
 * lexeme hook gives the tokens and comments in order), so fmt and the
 * compiler cannot disagree on what a token is, and a file that does not
 * parse is refused, not guessed at.
 */
#ifndef JOBC_FMT_H
#define JOBC_FMT_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"

/*
 * Appends the text of the file `name` (len bytes, any bytes) in the
 * canonical layout to out. Returns 0; 1 if the text does not parse (its
 * errors are in d, and nothing is appended); -1 if memory ran out.
 *
 * The file's copy lives in arena, and d's records point into it: keep the
 * arena until they are printed.
 */
int fmt_text(struct arena *arena, const char *name, const char *text, size_t len,
	     struct buf *out, struct diag *d);

/* jobc fmt (fmt_cli.c; commands.h). */
int fmt_main(int argc, char **argv);

#endif
