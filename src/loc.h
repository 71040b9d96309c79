/*
 * loc.h - source files and locations.
 *
 * A struct src_file owns the bytes of one input (read whole, NUL-terminated);
 * every token and AST node points back into it through a struct loc.
 *
 * A loc holds byte offsets only. Lines and columns are worked out from the
 * text when a message needs them (loc_where): a run that reports nothing
 * never computes one, and the AST, which holds a loc per string and per
 * node, is half the size it was with four ints in each. Lines and columns
 * are 1-based; columns count Unicode code points (an invalid byte counts
 * as one), so a caret under a line with accented letters lands under the
 * right character.
 */
#ifndef JOBC_LOC_H
#define JOBC_LOC_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct src_file {
	const char *name;   /* as given on the command line, "<stdin>" for - */
	const char *text;   /* the file's bytes, NUL-terminated (NULs inside are
			     * errors); NULL: a file known by its name only */
	size_t len;         /* byte count, not counting the terminator */
	/* Where each line starts, made in this arena the first time a line
	 * number is asked for (NULL arena: counted each time). Only the
	 * thread that parses the file asks while it is parsed. */
	struct arena *arena;
	uint32_t *line_starts;
	size_t n_lines;
};

struct loc {
	const struct src_file *file;
	uint32_t offset;        /* first byte of the first character in file->text */
	uint32_t last;          /* first byte of the last character (inclusive);
				 * == offset for one character or none (end of file) */
};

/* A line and column, 1-based. */
struct loc_pos {
	int line, col;
};

/* True if loc points into a text, false if it names only a file. */
static inline int loc_has_text(const struct loc *loc)
{
	return loc->file && loc->file->text;
}

/* Where the character at byte offset of f stands. */
struct loc_pos loc_where(const struct src_file *f, uint32_t offset);

/* How many lines the span of loc touches: 1 unless it holds a newline. */
int loc_lines(const struct loc *loc);

/* True if a newline stands between the bytes `from` and `to` of f. */
int loc_newline_between(const struct src_file *f, uint32_t from, uint32_t to);

#endif
