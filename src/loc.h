/*
 * loc.h - source files and locations.
 *
 * A struct src_file owns the bytes of one input (read whole, NUL-terminated);
 * every token and AST node points back into it through a struct loc.
 * Lines and columns are 1-based; columns count Unicode code points, so a caret
 * under a line with accented letters lands under the right character.
 */
#ifndef JOBC_LOC_H
#define JOBC_LOC_H

#include <stddef.h>

struct src_file {
	const char *name;   /* as given on the command line, "<stdin>" for - */
	const char *text;   /* the file's bytes, NUL-terminated (NULs inside are errors) */
	size_t len;         /* byte count, not counting the terminator */
};

struct loc {
	const struct src_file *file;
	size_t offset;          /* byte offset of the first character in file->text */
	int line, col;          /* first character */
	int end_line, end_col;  /* last character (inclusive) */
};

#endif
