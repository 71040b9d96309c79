/*
 * output.c - staged, atomic output (see output.h).
 *
 * out_commit works in two phases: every file is first written in full to a
 * temporary name in its target folder; only when all of them are on disk are
 * they renamed over their targets. A failure in the first phase removes the
 * temporaries and leaves the folder as it was. A file whose content is
 * already on disk is not rewritten, so timestamps only move when content does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "output.h"

struct out_entry {
	char *path;
	struct buf content;
	char *tmp;      /* temporary file during commit, NULL otherwise */
};

struct out_set {
	struct out_entry *files;
	size_t count, cap;
};

struct out_set *out_set_new(void)
{
	struct out_set *set = mem_alloc(sizeof *set);
	if (set) {
		set->files = NULL;
		set->count = set->cap = 0;
	}
	return set;
}

void out_set_free(struct out_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++) {
		mem_free(set->files[i].path);
		mem_free(set->files[i].tmp);
		buf_free(&set->files[i].content);
	}
	mem_free(set->files);
	mem_free(set);
}

/* A relative path whose components are all ordinary names. */
static bool out_path_is_safe(const char *path)
{
	if (path[0] == '\0' || path[0] == '/')
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
	if (!path)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(path, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!out_path_is_safe(path)) {
		mem_free(path);
		return NULL;
	}
	if (set->count == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		struct out_entry *files = mem_realloc(set->files, cap * sizeof *files);
		if (!files) {
			mem_free(path);
			return NULL;
		}
		set->files = files;
		set->cap = cap;
	}
	struct out_entry *e = &set->files[set->count++];
	e->path = path;
	e->tmp = NULL;
	buf_init(&e->content);
	return &e->content;
}

size_t out_count(const struct out_set *set)
{
	return set->count;
}

const char *out_path(const struct out_set *set, size_t i)
{
	return set->files[i].path;
}

const struct buf *out_content(const struct out_set *set, size_t i)
{
	return &set->files[i].content;
}

bool out_failed(const struct out_set *set)
{
	for (size_t i = 0; i < set->count; i++)
		if (set->files[i].content.failed)
			return true;
	return false;
}

/* Joins dir and rel (and an optional suffix) into a fresh heap string. */
static char *out_join(const char *dir, const char *rel, const char *suffix)
{
	size_t n = strlen(dir) + strlen(rel) + strlen(suffix) + 2;
	char *s = mem_alloc(n);
	if (s)
		snprintf(s, n, "%s/%s%s", dir, rel, suffix);
	return s;
}

/* mkdir -p of every folder above the file at path. */
static int out_make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		int r = mkdir(path, 0777);
		int saved = errno;
		*p = '/';
		if (r != 0 && saved != EEXIST) {
			errno = saved;
			return -1;
		}
	}
	return 0;
}

/* True if the file at path holds exactly these bytes. */
static bool out_same_content(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	bool same = true;
	char chunk[8192];
	size_t off = 0, n;
	while (same && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		same = off + n <= b->len && memcmp(chunk, b->data + off, n) == 0;
		off += n;
	}
	same = same && !ferror(f) && off == b->len;
	fclose(f);
	return same;
}

static int out_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Phase one for one file: its content in a temporary beside the target. */
static int out_stage(struct out_entry *e, const char *dir)
{
	char *tmp = out_join(dir, e->path, ".jobc-XXXXXX");
	if (!tmp) {
		errno = ENOMEM;
		return -1;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		mem_free(tmp);
		return -1;
	}
	e->tmp = tmp;
	int r = out_write_all(fd, e->content.data ? e->content.data : "", e->content.len);
	int saved = errno;
	if (fchmod(fd, 0644) != 0 && r == 0) {
		r = -1;
		saved = errno;
	}
	if (close(fd) != 0 && r == 0) {
		r = -1;
		saved = errno;
	}
	errno = saved;
	return r;
}

static void out_discard_temps(const struct out_set *set)
{
	for (size_t i = 0; i < set->count; i++) {
		struct out_entry *e = &set->files[i];
		if (e->tmp) {
			unlink(e->tmp);
			mem_free(e->tmp);
			e->tmp = NULL;
		}
	}
}

int out_commit(const struct out_set *set, const char *dir)
{
	if (out_failed(set)) {
		fprintf(stderr, "jobc: error: out of memory while generating output\n");
		return -1;
	}
	for (size_t i = 0; i < set->count; i++) {
		struct out_entry *e = &set->files[i];
		char *target = out_join(dir, e->path, "");
		int r = target ? 0 : -1;
		if (target && !out_same_content(target, &e->content))
			r = out_make_parents(target) == 0 ? out_stage(e, dir) : -1;
		if (r != 0) {
			fprintf(stderr, "jobc: error: cannot write '%s': %s\n",
				target ? target : e->path, strerror(target ? errno : ENOMEM));
			mem_free(target);
			out_discard_temps(set);
			return -1;
		}
		mem_free(target);
	}
	for (size_t i = 0; i < set->count; i++) {
		struct out_entry *e = &set->files[i];
		if (!e->tmp)
			continue;
		char *target = out_join(dir, e->path, "");
		if (!target || rename(e->tmp, target) != 0) {
			fprintf(stderr, "jobc: error: cannot write '%s': %s\n",
				target ? target : e->path, strerror(target ? errno : ENOMEM));
			mem_free(target);
			out_discard_temps(set);
			return -1;
		}
		mem_free(target);
		mem_free(e->tmp);
		e->tmp = NULL;
	}
	return 0;
}
