/* unit_set.c - the units of a list of files, kept from run to run (see
 * unit_set.h). */
#include <stdlib.h>
#include <string.h>

#include "jobs.h"
#include "mem.h"
#include "unit_set.h"

/* A file of the set, and its unit (NULL: to be read). */
struct unit_entry {
	char *path;
	struct frontend_unit *unit;
};

struct unit_set {
	const struct diag *model;
	struct unit_entry *files;       /* in the order given */
	size_t n_files;
};

struct unit_set *unit_set_new(const struct diag *model)
{
	struct unit_set *s = mem_alloc(sizeof *s);
	if (s)
		*s = (struct unit_set){ .model = model };
	return s;
}

static void unit_entries_free(struct unit_entry *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		frontend_unit_free(files[i].unit);
		mem_free(files[i].path);
	}
	mem_free(files);
}

void unit_set_free(struct unit_set *s)
{
	if (s) {
		unit_entries_free(s->files, s->n_files);
		mem_free(s);
	}
}

void unit_set_forget(struct unit_set *s, const char *path)
{
	for (size_t i = 0; i < s->n_files; i++) {
		if (strcmp(s->files[i].path, path) == 0) {
			frontend_unit_free(s->files[i].unit);
			s->files[i].unit = NULL;
		}
	}
}

static int unit_entry_order(const void *a, const void *b)
{
	const struct unit_entry *const *x = a, *const *y = b;
	return strcmp((*x)->path, (*y)->path);
}

/* The files to read, read on worker threads. */
struct unit_reading {
	struct unit_set *s;
	size_t *todo;           /* places in s->files */
};

static void unit_read_one(void *ctx, size_t task, size_t worker)
{
	(void)worker;
	struct unit_reading *r = ctx;
	struct unit_entry *e = &r->s->files[r->todo[task]];
	e->unit = frontend_unit_read(e->path, r->s->model);
}

/* Reads every file of the set that has no unit; -1 if memory ran out. */
static int unit_set_read(struct unit_set *s, unsigned jobs)
{
	size_t *todo = mem_alloc((s->n_files + 1) * sizeof *todo), n = 0;
	if (!todo)
		return -1;
	for (size_t i = 0; i < s->n_files; i++)
		if (!s->files[i].unit)
			todo[n++] = i;
	struct unit_reading r = { s, todo };
	jobs_run(n, jobs, unit_read_one, &r);
	int status = 0;
	for (size_t i = 0; i < n; i++)
		if (!s->files[todo[i]].unit)
			status = -1;
	mem_free(todo);
	return status;
}

/*
 * The new list of files takes the units of the old one by path (found in
 * the old entries sorted by path); what is left of the old is freed.
 */
int unit_set_files(struct unit_set *s, char *const *paths, size_t n, unsigned jobs)
{
	struct unit_entry *files = mem_alloc((n + 1) * sizeof *files);
	struct unit_entry **old = mem_alloc((s->n_files + 1) * sizeof *old);
	if (!files || !old) {
		mem_free(files);
		mem_free(old);
		return -1;
	}
	for (size_t i = 0; i < s->n_files; i++)
		old[i] = &s->files[i];
	qsort(old, s->n_files, sizeof *old, unit_entry_order);
	size_t made = 0;
	for (; made < n; made++) {
		size_t len = strlen(paths[made]) + 1;
		char *path = mem_alloc(len);
		if (!path)
			break;
		files[made] = (struct unit_entry){ memcpy(path, paths[made], len), NULL };
		struct unit_entry key = { path, NULL }, *k = &key;
		struct unit_entry **was = s->n_files ? bsearch(&k, old, s->n_files, sizeof *old,
							       unit_entry_order) : NULL;
		if (was) {
			files[made].unit = (*was)->unit;
			(*was)->unit = NULL;
		}
	}
	mem_free(old);
	unit_entries_free(s->files, s->n_files);
	s->files = files;
	s->n_files = made;
	if (made < n)
		return -1;
	return unit_set_read(s, jobs);
}

int unit_set_run(struct unit_set *s, struct diag *d, struct frontend **run)
{
	struct frontend *fe = *run = frontend_new(d);
	if (!fe)
		return -1;
	for (size_t i = 0; i < s->n_files; i++) {
		if (!s->files[i].unit || frontend_join_unit(fe, s->files[i].unit) != 0)
			return -1;
		int status = frontend_unit_status(s->files[i].unit);
		if (status != 0)
			return status;
	}
	return frontend_validate(fe);
}
