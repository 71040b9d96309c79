/*
 * loc.c - source texts read again when dropped, and lines and columns
 * computed from offsets when needed (see loc.h).
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "loc.h"
#include "utf8.h"

/* Reads f's file again; NULL if it is not as it was when first read. */
static const char *src_file_reload(struct src_file *f)
{
	int fd = open(f->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *text = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == f->len &&
	    st.st_mtim.tv_sec == f->mtime.tv_sec && st.st_mtim.tv_nsec == f->mtime.tv_nsec)
		text = arena_alloc_raw(f->arena, f->len + 1);
	size_t got = 0;
	while (text && got < f->len) {
		ssize_t n = read(fd, text + got, f->len - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (!text || got != f->len)
		return NULL;
	text[f->len] = '\0';
	return text;
}

const char *src_file_text(const struct src_file *f)
{
	if (f->text || !f->path || !f->arena || f->changed)
		return f->text;
	/* Dropped text is a cache of the file, not part of its meaning. */
	struct src_file *mut = (struct src_file *)f;
	mut->text = src_file_reload(mut);
	mut->changed = mut->text == NULL;
	return mut->text;
}

void src_file_drop_text(struct src_file *f)
{
	if (f->path && f->arena)
		f->text = NULL;
}

bool loc_has_text(const struct loc *loc)
{
	return loc->file && src_file_text(loc->file) != NULL;
}

/* Counts the newlines in text[from, to). */
static size_t loc_count_newlines(const char *text, size_t from, size_t to)
{
	size_t n = 0;
	const char *p = text + from, *end = text + to;
	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/*
 * Makes f's table of line starts: one pass over the file for all its
 * messages, where counting from the top for each would make a file with
 * many warnings quadratic. Returns 0, or -1 if it cannot be had.
 */
static int loc_index_lines(struct src_file *f)
{
	if (f->line_starts)
		return 0;
	if (!f->arena)
		return -1;
	size_t n = 1 + loc_count_newlines(f->text, 0, f->len);
	uint32_t *starts = arena_alloc_raw(f->arena, n * sizeof *starts);
	if (!starts)
		return -1;
	size_t i = 0;
	starts[i++] = 0;
	for (const char *p = f->text, *end = f->text + f->len;
	     (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		starts[i++] = (uint32_t)(p + 1 - f->text);
	f->line_starts = starts;
	f->n_lines = n;
	return 0;
}

/* The 0-based line of byte offset of f. */
static size_t loc_line_index(const struct src_file *f, uint32_t offset)
{
	/* The table is a cache of the text, not part of its meaning. */
	if (loc_index_lines((struct src_file *)f) != 0)
		return loc_count_newlines(f->text, 0, offset);
	size_t lo = 0, hi = f->n_lines;      /* the last start <= offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t loc_line_start(const struct src_file *f, uint32_t offset)
{
	size_t start = offset;
	while (start > 0 && f->text[start - 1] != '\n')
		start--;
	/* A byte-order mark is not part of the first line's text. */
	if (start == 0 && f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0 && offset >= 3)
		start = 3;
	return start;
}

struct loc_pos loc_where(const struct src_file *f, uint32_t offset)
{
	if (offset > f->len)
		offset = (uint32_t)f->len;
	size_t start = loc_line_start(f, offset);
	return (struct loc_pos){
		.line = (int)loc_line_index(f, offset) + 1,
		.col = utf8_columns(f->text + start, offset - start) + 1,
	};
}

int loc_newline_between(const struct src_file *f, uint32_t from, uint32_t to)
{
	const char *text = src_file_text(f);
	return text && to > from && memchr(text + from, '\n', to - from) != NULL;
}

int loc_lines(const struct loc *loc)
{
	const char *text = src_file_text(loc->file);
	return 1 + (text ? (int)loc_count_newlines(text, loc->offset, loc->last) : 0);
}

uint32_t loc_end(const struct loc *loc)
{
	const struct src_file *f = loc->file;
	if (loc->last >= f->len)
		return (uint32_t)f->len;
	uint32_t cp;
	size_t len = utf8_decode(f->text + loc->last, f->len - loc->last, &cp);
	return loc->last + (uint32_t)(len ? len : 1);
}
