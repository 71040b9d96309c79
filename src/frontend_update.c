/*
 * frontend_update.c - incremental runs (see frontend.h): every file's unit
 * is kept, with an arena of its own, so that one file can be parsed again
 * and its unit replaced, and the run joined and validated again, without
 * parsing the others.
 */
#include <stdlib.h>
#include <string.h>

#include "frontend_unit.h"
#include "mem.h"

struct frontend *frontend_new_incremental(struct diag *d)
{
	struct frontend *fe = frontend_new(d);
	if (fe)
		fe->incremental = true;
	return fe;
}

void frontend_unit_free(struct frontend_unit *u)
{
	if (u) {
		diag_free(&u->diag);
		arena_free(u->arena);
		mem_free(u->name);
		mem_free(u);
	}
}

/* A unit of its own for the file name (a path if is_path), not parsed yet. */
static struct frontend_unit *frontend_unit_new(struct frontend *fe, const char *name,
					       bool is_path)
{
	struct frontend_unit *u = mem_alloc(sizeof *u);
	char *copy = mem_alloc(strlen(name) + 1);
	struct arena *a = arena_new();
	if (!u || !copy || !a) {
		mem_free(u);
		mem_free(copy);
		arena_free(a);
		return NULL;
	}
	frontend_unit_init(u, fe->diag, is_path ? strcpy(copy, name) : NULL);
	u->name = is_path ? copy : strcpy(copy, name);
	u->arena = a;
	return u;
}

/* The place of name's unit in fe->units, or fe->n_units if it has none. */
static size_t frontend_unit_find(const struct frontend *fe, const char *name)
{
	size_t i = 0;
	while (i < fe->n_units && strcmp(fe->units[i]->name, name) != 0)
		i++;
	return i;
}

/* Puts u in the place of name's unit (freed), or after the last. */
static int frontend_unit_put(struct frontend *fe, struct frontend_unit *u)
{
	size_t i = frontend_unit_find(fe, u->name);
	if (i == fe->n_units) {
		struct frontend_unit **units =
			mem_realloc(fe->units, (fe->n_units + 1) * sizeof *units);
		if (!units) {
			frontend_unit_free(u);
			return -1;
		}
		fe->units = units;
		fe->n_units++;
	} else {
		frontend_unit_free(fe->units[i]);
	}
	fe->units[i] = u;
	return 0;
}

/* Parses a new unit for name, from its file (text NULL) or from text, and
 * puts it in place. Returns -1 if memory ran out, else the unit's status. */
static int frontend_replace(struct frontend *fe, const char *name, const char *text,
			    size_t len)
{
	struct frontend_unit *u = frontend_unit_new(fe, name, text == NULL);
	if (!u)
		return -1;
	struct diag *run_diag = fe->diag;
	frontend_unit_begin(fe, u);
	u->status = text ? frontend_parse_copy(fe, name, text, len)
			 : frontend_read_and_parse(fe, u->path);
	frontend_unit_end(fe, run_diag);
	int status = u->status;
	return frontend_unit_put(fe, u) != 0 ? -1 : status;
}

int frontend_replace_file(struct frontend *fe, const char *path)
{
	return frontend_replace(fe, path, NULL, 0);
}

int frontend_replace_text(struct frontend *fe, const char *name, const char *text, size_t len)
{
	return frontend_replace(fe, name, text ? text : "", len);
}

bool frontend_forget(struct frontend *fe, const char *name)
{
	size_t i = frontend_unit_find(fe, name);
	if (i == fe->n_units)
		return false;
	frontend_unit_free(fe->units[i]);
	memmove(&fe->units[i], &fe->units[i + 1], (fe->n_units - i - 1) * sizeof *fe->units);
	fe->n_units--;
	return true;
}

static int frontend_unit_name_order(const void *a, const void *b)
{
	const struct frontend_unit *x = *(struct frontend_unit *const *)a;
	const struct frontend_unit *y = *(struct frontend_unit *const *)b;
	return strcmp(x->name, y->name);
}

/*
 * The units of paths[0..n), in that order: those fe has (found by name
 * through a sorted copy of fe->units: n log n for many files), and new
 * ones for the others, not parsed yet (their status is 1). The units of
 * files no longer named are freed. NULL if memory ran out (fe unchanged).
 */
static struct frontend_unit **frontend_units_for(struct frontend *fe, char *const *paths,
						 size_t n)
{
	struct frontend_unit **next = mem_alloc((n + 1) * sizeof *next);
	struct frontend_unit **sorted = mem_alloc((fe->n_units + 1) * sizeof *sorted);
	bool *taken = mem_alloc(fe->n_units + 1);
	size_t i = 0;
	if (!next || !sorted || !taken) {
		mem_free(next);
		mem_free(sorted);
		mem_free(taken);
		return NULL;
	}
	if (fe->n_units)
		memcpy(sorted, fe->units, fe->n_units * sizeof *sorted);
	memset(taken, 0, fe->n_units);
	qsort(sorted, fe->n_units, sizeof *sorted, frontend_unit_name_order);
	for (; i < n; i++) {
		struct frontend_unit key = { .name = paths[i] }, *k = &key;
		struct frontend_unit **found =
			bsearch(&k, sorted, fe->n_units, sizeof *sorted, frontend_unit_name_order);
		/* A file named twice gets a second unit. */
		if (found && !taken[found - sorted]) {
			next[i] = *found;
			taken[found - sorted] = true;
		} else if ((next[i] = frontend_unit_new(fe, paths[i], true)) != NULL) {
			next[i]->status = 1;
		} else {
			break;
		}
	}
	if (i == n) {
		for (size_t k = 0; k < fe->n_units; k++)
			if (!taken[k])
				frontend_unit_free(sorted[k]);
	} else {
		while (i > 0)
			if (next[--i]->status == 1)
				frontend_unit_free(next[i]);
		mem_free(next);
		next = NULL;
	}
	mem_free(sorted);
	mem_free(taken);
	return next;
}

/* Parses the units of units[0..n) not parsed yet, on up to jobs threads. */
static int frontend_parse_new(struct frontend *fe, struct frontend_unit **units, size_t n,
			      unsigned jobs)
{
	struct frontend_unit **todo = mem_alloc((n + 1) * sizeof *todo);
	if (!todo)
		return -1;
	size_t n_todo = 0;
	for (size_t i = 0; i < n; i++)
		if (units[i]->status == 1)
			todo[n_todo++] = units[i];
	size_t n_runs = jobs < n_todo ? jobs : n_todo;
	struct frontend **runs = n_runs > 1 ? mem_alloc(n_runs * sizeof *runs) : NULL;
	if (runs) {
		frontend_parse_pool(todo, n_todo, runs, (unsigned)n_runs);
		for (size_t t = 0; t < n_runs; t++)
			frontend_free(runs[t]);
	} else {
		struct diag *run_diag = fe->diag;
		for (size_t i = 0; i < n_todo; i++) {
			frontend_unit_begin(fe, todo[i]);
			todo[i]->status = frontend_read_and_parse(fe, todo[i]->path);
			frontend_unit_end(fe, run_diag);
		}
	}
	mem_free(runs);
	mem_free(todo);
	return 0;
}

int frontend_set_files(struct frontend *fe, char *const *paths, size_t n, unsigned jobs)
{
	struct frontend_unit **next = frontend_units_for(fe, paths, n);
	if (!next)
		return -1;
	mem_free(fe->units);
	fe->units = next;
	fe->n_units = n;
	if (frontend_parse_new(fe, next, n, jobs) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (next[i]->status != 0)
			return next[i]->status;
	return 0;
}

/*
 * Joins every unit again, in order, after cutting the links an earlier
 * join made from each unit's lists to the next unit's (that unit may be
 * gone). Stops at a unit that could not be read or parsed for memory, as
 * frontend_parse_files stops at its file, and returns its status.
 */
int frontend_rejoin(struct frontend *fe)
{
	fe->root = (struct ast_root){ 0 };
	for (size_t i = 0; i < fe->n_units; i++) {
		struct ast_parsed *p = &fe->units[i]->root.parsed;
		if (p->categories.last)
			p->categories.last->next = NULL;
		if (p->families.last)
			p->families.last->next = NULL;
		if (p->retired.last)
			p->retired.last->next = NULL;
		if (p->sheets.last)
			p->sheets.last->next = NULL;
	}
	for (size_t i = 0; i < fe->n_units; i++) {
		frontend_join(fe, fe->units[i]);
		if (fe->units[i]->status != 0)
			return fe->units[i]->status;
	}
	return 0;
}
