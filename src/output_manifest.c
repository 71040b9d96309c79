/*
 * output_manifest.c - the files jobc wrote in a product folder (see
 * output_manifest.h).
 *
 * The paths are kept end to end in one buffer, and sorted before the
 * manifest is written: it is the same from run to run whatever order the
 * file system lists a folder in. A manifest read back is checked whole
 * before any of its lines is believed: one that jobc did not write may
 * name anything.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "output_dir.h"
#include "output_fs.h"
#include "output_manifest.h"

static const char out_manifest_header[] =
	"# jobc-manifest 1: the files jobc wrote in this folder;"
	" the next run deletes those it does not write again\n";

void out_manifest_init(struct out_manifest *m)
{
	buf_init(&m->text);
	m->paths = NULL;
	m->count = 0;
}

void out_manifest_free(struct out_manifest *m)
{
	buf_free(&m->text);
	mem_free(m->paths);
	out_manifest_init(m);
}

static int out_manifest_add(struct out_manifest *m, const char *path)
{
	buf_put(&m->text, path, strlen(path) + 1);
	if (!m->text.failed)
		return 0;
	errno = ENOMEM;
	return -1;
}

/* Adds the files under folder fd to m, each after the prefix path[0..len). */
static int out_manifest_scan_from(struct out_manifest *m, int fd, char *path, size_t len)
{
	DIR *d = out_read_dir(fd, ".");
	if (!d)
		return -1;
	int r = 0;
	bool folder;
	for (const char *name; r == 0 && (name = out_next_entry(d, &folder)) != NULL;) {
		size_t n = strlen(name);
		if (len + n + 1 >= PATH_MAX) {
			errno = ENAMETOOLONG;
			r = -1;
		} else if (!folder) {
			memcpy(path + len, name, n + 1);
			r = out_manifest_add(m, path);
		} else {
			memcpy(path + len, name, n);
			path[len + n] = '/';
			int sub = out_open_dir(fd, name);
			r = sub < 0 ? -1 : out_manifest_scan_from(m, sub, path, len + n + 1);
			if (sub >= 0)
				close(sub);
		}
	}
	int saved = errno;
	closedir(d);
	errno = saved;
	return r;
}

int out_manifest_scan(struct out_manifest *m, int fd)
{
	char path[PATH_MAX];
	return out_manifest_scan_from(m, fd, path, 0);
}

static int out_compare_paths(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* m->paths: the paths of m->text from byte start on, each ended by '\0', sorted. */
static int out_manifest_index(struct out_manifest *m, size_t start)
{
	size_t n = 0;
	for (size_t i = start; i < m->text.len; i++)
		n += m->text.data[i] == '\0';
	mem_free(m->paths);
	m->count = 0;
	m->paths = n ? mem_alloc(n * sizeof *m->paths) : NULL;
	if (n && !m->paths) {
		errno = ENOMEM;
		return -1;
	}
	for (size_t i = start; i < m->text.len; i += strlen(m->text.data + i) + 1)
		m->paths[m->count++] = m->text.data + i;
	if (m->count > 1)
		qsort(m->paths, m->count, sizeof *m->paths, out_compare_paths);
	return 0;
}

void out_manifest_format(struct out_manifest *m, struct buf *b)
{
	if (out_manifest_index(m, 0) != 0) {
		b->failed = true;
		return;
	}
	buf_puts(b, out_manifest_header);
	for (size_t i = 0; i < m->count; i++) {
		buf_puts(b, m->paths[i]);
		buf_putc(b, '\n');
	}
}

/*
 * True if text is a manifest as jobc writes it: the header, then lines
 * that are each a safe relative path (no NUL, no "..", not absolute).
 * Each line's '\n' becomes '\0'.
 */
static bool out_manifest_parse(struct buf *text)
{
	size_t start = sizeof out_manifest_header - 1;
	if (text->len < start || memcmp(text->data, out_manifest_header, start) != 0 ||
	    text->data[text->len - 1] != '\n')
		return false;
	char *end = text->data + text->len;
	for (char *line = text->data + start; line < end;) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		*nl = '\0';
		if (strlen(line) != (size_t)(nl - line) || !out_path_is_safe(line))
			return false;
		line = nl + 1;
	}
	return true;
}

int out_manifest_read(struct out_manifest *m, int fd)
{
	if (out_read_file(fd, OUT_MANIFEST, &m->text) != 0) {
		int err = errno;
		buf_free(&m->text);
		/* None (a first run), or a symbolic link or a folder: not jobc's. */
		if (err == ENOENT || err == ELOOP || err == EINVAL)
			return 0;
		errno = err;
		return -1;
	}
	if (!out_manifest_parse(&m->text)) {
		buf_free(&m->text);
		return 0;
	}
	return out_manifest_index(m, sizeof out_manifest_header - 1);
}

bool out_manifest_has(const struct out_manifest *m, const char *path)
{
	return m->count > 0 &&
	       bsearch(&path, m->paths, m->count, sizeof *m->paths, out_compare_paths) != NULL;
}
