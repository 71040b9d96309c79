/*
 * output_set.c - the files a backend makes (see output.h).
 *
 * An out_set is the list of files a backend adds, each a path and a
 * buffer. Kept in memory, the set is read back by tests and the fuzzer, or
 * committed whole by out_commit; bound to an out_dir, each file goes to the
 * stage as soon as the backend is done with it (out_dir_put), and its
 * memory serves the next file. Paths are checked here, once, so that no
 * file can land outside the output folder.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "output_dir.h"
#include "output_manifest.h"

struct out_entry {
	char *path;
	struct buf content;
	bool written;           /* gone to the stage; content released */
	struct out_stream *stream;      /* its first pieces gone (out_file_flush) */
};

struct out_set {
	/* Entries are allocated one by one: a backend holds the buffers of
	 * several files while it adds more. */
	struct out_entry **files;
	size_t count, cap;
	struct out_dir *dir;    /* NULL: the set is kept in memory */
	struct buf spare;       /* the memory of the last file written, reused */
	bool failed;            /* a file written lost data to a failed allocation */
	bool write_failed;      /* a file could not be written (reported) */
};

struct out_set *out_set_to(struct out_dir *d)
{
	struct out_set *set = mem_alloc(sizeof *set);
	if (set) {
		*set = (struct out_set){ .dir = d };
		buf_init(&set->spare);
	}
	return set;
}

struct out_set *out_set_new(void)
{
	return out_set_to(NULL);
}

void out_set_free(struct out_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++) {
		out_stream_free(set->files[i]->stream);
		mem_free(set->files[i]->path);
		buf_free(&set->files[i]->content);
		mem_free(set->files[i]);
	}
	mem_free(set->files);
	buf_free(&set->spare);
	mem_free(set);
}

bool out_path_is_safe(const char *path)
{
	if (path[0] == '\0' || path[0] == '/' || strchr(path, '\n'))
		return false;
	const char *p = path;
	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n;
		if (*p == '/')
			p++;
		else
			break;
	}
	return path[strlen(path) - 1] != '/';
}

struct buf *out_file(struct out_set *set, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *path = mem_alloc((size_t)n + 1);
	struct out_entry *e = mem_alloc(sizeof *e);
	if (!path || !e)
		goto fail;
	va_start(ap, fmt);
	vsnprintf(path, (size_t)n + 1, fmt, ap);
	va_end(ap);
	/* A product's manifest is the output code's own (output_manifest.h). */
	if (!out_path_is_safe(path) || strcmp(path + strcspn(path, "/"), "/" OUT_MANIFEST) == 0)
		goto fail;
	struct out_entry **files = mem_grow(set->files, &set->cap, set->count, sizeof *files);
	if (!files)
		goto fail;
	set->files = files;
	*e = (struct out_entry){ .path = path, .content = set->spare };
	buf_init(&set->spare);
	set->files[set->count++] = e;
	return &e->content;
fail:
	mem_free(path);
	mem_free(e);
	return NULL;
}

static struct out_entry *out_entry_of(struct buf *b)
{
	return (struct out_entry *)((char *)b - offsetof(struct out_entry, content));
}

int out_file_flush(struct out_set *set, struct buf *b)
{
	struct out_entry *e = out_entry_of(b);
	if (!set->dir || e->written || b->len < OUT_FLUSH_MIN || !strchr(e->path, '/'))
		return 0;
	if (set->failed || set->write_failed)
		;       /* the set is lost: b need not grow */
	else if (b->failed)
		set->failed = true;
	else if (out_stream_put(set->dir, &e->stream, e->path, b->data, b->len) != 0)
		set->write_failed = true;
	b->len = 0;
	return set->failed || set->write_failed ? -1 : 0;
}

int out_file_done(struct out_set *set, struct buf *b)
{
	struct out_entry *e = out_entry_of(b);
	if (!set->dir || e->written)
		return 0;
	e->written = true;
	struct out_stream *stream = e->stream;
	e->stream = NULL;
	if (b->failed)
		set->failed = true;
	/* A file whose first pieces could not be written is lost already. */
	if (set->failed || (stream && set->write_failed))
		out_stream_free(stream);
	else if (stream ? out_stream_end(stream, b->data, b->len) != 0
			: out_dir_put(set->dir, e->path, b) != 0)
		set->write_failed = true;
	if (set->failed || set->write_failed)
		return -1;
	/* The larger block is kept: the next page is likely as large. */
	if (b->cap > set->spare.cap) {
		buf_free(&set->spare);
		set->spare = *b;
		set->spare.len = 0;
		buf_init(b);
	} else {
		buf_free(b);
	}
	return 0;
}

int out_set_write(struct out_set *set)
{
	for (size_t i = 0; i < set->count && !set->failed && !set->write_failed; i++)
		out_file_done(set, &set->files[i]->content);
	return set->failed || set->write_failed ? -1 : 0;
}

size_t out_count(const struct out_set *set)
{
	return set->count;
}

const char *out_path(const struct out_set *set, size_t i)
{
	return set->files[i]->path;
}

const struct buf *out_content(const struct out_set *set, size_t i)
{
	return &set->files[i]->content;
}

bool out_failed(const struct out_set *set)
{
	if (set->failed)
		return true;
	for (size_t i = 0; i < set->count; i++)
		if (set->files[i]->content.failed)
			return true;
	return false;
}

int out_commit(const struct out_set *set, const char *dir, struct diag *diag)
{
	if (out_failed(set))
		return out_report_to(diag, NULL, ENOMEM, NULL, NULL, NULL);
	struct out_dir *d = out_dir_open(dir, diag);
	if (!d)
		return -1;
	int r = 0;
	for (size_t i = 0; i < set->count && r == 0; i++)
		r = out_dir_put(d, set->files[i]->path, &set->files[i]->content);
	if (r == 0)
		r = out_dir_commit(d);
	out_dir_close(d);
	return r;
}
