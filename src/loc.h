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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct arena;

struct src_file {
	const char *name;   /* as given on the command line, "<stdin>" for - */
	const char *text;   /* the file's bytes, NUL-terminated (NULs inside are
			     * errors); NULL: not in memory (see path), or a
			     * file known by its name only. Use src_file_text. */
	size_t len;         /* byte count, not counting the terminator */
	/*
	 * A regular file's text is dropped once it is parsed: the AST copies
	 * what it needs, and a run that reports nothing never needs it again.
	 * A message about the file reads it again from path, into this arena,
	 * if it still has the size and modification time it was read with.
	 * Only the thread that parses the file asks for it while it is parsed.
	 */
	const char *path;               /* NULL: the text is never dropped */
	struct timespec mtime;
	bool changed;                   /* read again and found changed */
	struct arena *arena;            /* NULL: nothing is kept or cached */
	/* Where each line starts, made the first time a line is asked for
	 * (without an arena: counted each time). */
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

/*
 * The text of f: in memory, or read again from its file (see above). NULL
 * if f is known by its name only, or its file can no longer be read as it
 * was (then messages about it give no line).
 */
const char *src_file_text(const struct src_file *f);

/* The text of f goes: it has been parsed (for files that can be read again). */
void src_file_drop_text(struct src_file *f);

/* True if loc's text can be had, false if it names only a file. */
bool loc_has_text(const struct loc *loc);

/* Where the character at byte offset of f stands; f's text must be had
 * (loc_has_text). */
struct loc_pos loc_where(const struct src_file *f, uint32_t offset);

/* Where the line of byte offset of f starts (after a byte-order mark);
 * f's text must be had. */
size_t loc_line_start(const struct src_file *f, uint32_t offset);

/* How many lines the span of loc touches: 1 unless it holds a newline. */
int loc_lines(const struct loc *loc);

/* True if a newline stands between the bytes `from` and `to` of f. */
int loc_newline_between(const struct src_file *f, uint32_t from, uint32_t to);

/* The byte just past loc's last character (its text must be had). */
uint32_t loc_end(const struct loc *loc);

#endif
