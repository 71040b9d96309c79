/*
 * resolve.c - the resolved model (see resolve.h): the root's arrays in
 * their canonical orders, the index of every node in them, each family's
 * sheets, each sheet's file name, and the lineage with every `replaces` linked to its entry.
 */
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "resolve.h"

/*
 * Sets array, from the arena (NULL if memory ran out), to the list's nodes
 * in list order, NULL after the last, and n to their number. The array is
 * its own cursor, array[i + 1] = array[i]->next, so that one macro serves
 * every list type (ast.h gives them all one shape).
 */
#define RESOLVE_GATHER(array, n, list, arena)                              \
	do {                                                               \
		(n) = 0;                                                   \
		(array) = arena_alloc((arena), ((list).count + 1) * sizeof *(array)); \
		if (array) {                                               \
			(array)[0] = (list).first;                         \
			for (; (n) < (list).count; (n)++)                  \
				(array)[(n) + 1] = (array)[n]->next;       \
		}                                                          \
	} while (0)

/* Numbers the nodes of array by their place in it: array[i]->index == i. */
#define RESOLVE_NUMBER(array, n, type)                                     \
	do {                                                               \
		for (size_t i_ = 0; i_ < (n); i_++)                        \
			((struct type *)(array)[i_])->index = i_;          \
	} while (0)

static int resolve_sheet_order(const void *pa, const void *pb)
{
	const struct ast_sheet *a = *(const struct ast_sheet *const *)pa;
	const struct ast_sheet *b = *(const struct ast_sheet *const *)pb;
	return ast_code_compare(a->code.text, b->code.text);
}

static int resolve_family_order(const void *pa, const void *pb)
{
	const struct ast_family *a = *(const struct ast_family *const *)pa;
	const struct ast_family *b = *(const struct ast_family *const *)pb;
	return ast_code_compare(a->number.text, b->number.text);
}

static int resolve_retired_order(const void *pa, const void *pb)
{
	const struct ast_retired *a = *(const struct ast_retired *const *)pa;
	const struct ast_retired *b = *(const struct ast_retired *const *)pb;
	return ast_code_compare(a->code.text, b->code.text);
}

/* The root's arrays, sorted, and the index of every node in them. */
static int resolve_arrays(struct ast_root *root, struct arena *arena)
{
	static const struct ast_level_list no_levels;
	const struct ast_level_list *levels = root->scale ? &root->scale->levels : &no_levels;

	RESOLVE_GATHER(root->families, root->n_families, root->parsed.families, arena);
	RESOLVE_GATHER(root->categories, root->n_categories, root->parsed.categories, arena);
	RESOLVE_GATHER(root->levels, root->n_levels, *levels, arena);
	RESOLVE_GATHER(root->sheets, root->n_sheets, root->parsed.sheets, arena);
	RESOLVE_GATHER(root->retired, root->n_retired, root->parsed.retired, arena);
	if (!root->families || !root->categories || !root->levels || !root->sheets ||
	    !root->retired)
		return -1;
	/* Numbers and codes are unique in a valid run, so the orders are total;
	 * with repeats, an error already reported, their order is moot. */
	qsort(root->families, root->n_families, sizeof *root->families, resolve_family_order);
	qsort(root->sheets, root->n_sheets, sizeof *root->sheets, resolve_sheet_order);
	qsort(root->retired, root->n_retired, sizeof *root->retired, resolve_retired_order);
	RESOLVE_NUMBER(root->families, root->n_families, ast_family);
	RESOLVE_NUMBER(root->categories, root->n_categories, ast_category);
	RESOLVE_NUMBER(root->levels, root->n_levels, ast_level);
	RESOLVE_NUMBER(root->sheets, root->n_sheets, ast_sheet);
	return 0;
}

/* Each sheet's file name (code.h), in the arena. */
static int resolve_file_names(struct ast_root *root, struct arena *arena)
{
	struct buf name;
	buf_init(&name);
	for (size_t i = 0; i < root->n_sheets && !name.failed; i++) {
		struct ast_sheet *s = (struct ast_sheet *)root->sheets[i];
		name.len = 0;
		code_file_name(&name, s->code.text);
		s->file_name = name.failed ? NULL : arena_strndup(arena, name.data, name.len);
		if (!s->file_name)
			name.failed = true;
	}
	bool failed = name.failed;
	buf_free(&name);
	return failed ? -1 : 0;
}

/* Each family's sheets, in code order: after resolve_arrays. */
static int resolve_family_sheets(struct ast_root *root, struct arena *arena)
{
	for (struct ast_family *f = root->parsed.families.first; f; f = f->next)
		f->n_sheets = 0;
	for (size_t i = 0; i < root->n_sheets; i++)
		if (root->sheets[i]->family_decl)
			((struct ast_family *)root->sheets[i]->family_decl)->n_sheets++;
	for (struct ast_family *f = root->parsed.families.first; f; f = f->next) {
		f->sheets = arena_alloc(arena, (f->n_sheets + 1) * sizeof *f->sheets);
		if (!f->sheets)
			return -1;
		f->n_sheets = 0;
	}
	for (size_t i = 0; i < root->n_sheets; i++) {
		struct ast_family *f = (struct ast_family *)root->sheets[i]->family_decl;
		if (f)
			f->sheets[f->n_sheets++] = root->sheets[i];
	}
	return 0;
}

/* One mention of a previous code: by a sheet's `replaces` or a `retired`. */
struct resolve_mention {
	const struct ast_str *code, *title;
	const struct ast_sheet *sheet;          /* NULL for retired */
	struct ast_replace *replace;            /* NULL for retired */
	const struct ast_retired *retired;      /* NULL for replaces */
	size_t seq;
};

static int resolve_mention_order(const void *pa, const void *pb)
{
	const struct resolve_mention *a = pa, *b = pb;
	int c = ast_code_compare(a->code->text, b->code->text);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Gathers every mention of a previous code; sheets and retired in code order. */
static struct resolve_mention *resolve_mentions(const struct ast_root *root,
						struct arena *arena, size_t *count)
{
	size_t n = root->n_retired;
	for (size_t i = 0; i < root->n_sheets; i++)
		n += root->sheets[i]->replaces.count;
	struct resolve_mention *m = arena_alloc(arena, (n + 1) * sizeof *m);
	if (!m)
		return NULL;
	n = 0;
	for (size_t i = 0; i < root->n_sheets; i++)
		for (struct ast_replace *r = root->sheets[i]->replaces.first; r; r = r->next) {
			m[n] = (struct resolve_mention){ &r->code, &r->title, root->sheets[i], r,
							 NULL, n };
			n++;
		}
	for (size_t i = 0; i < root->n_retired; i++) {
		const struct ast_retired *r = root->retired[i];
		m[n] = (struct resolve_mention){ &r->code, &r->title, NULL, NULL, r, n };
		n++;
	}
	qsort(m, n, sizeof *m, resolve_mention_order);
	*count = n;
	return m;
}

/*
 * Checks one run of mentions of the same code, fills its lineage entry and
 * links every `replaces` among them to it.
 */
static int resolve_entry(struct ast_lineage *e, const struct resolve_mention *m, size_t n,
			 struct arena *arena, struct diag *d)
{
	e->code = m[0].code->text;
	e->title = m[0].title->text;
	e->sheets = arena_alloc(arena, (n + 1) * sizeof *e->sheets);
	if (!e->sheets)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(m[i].title->text, m[0].title->text) != 0) {
			diag_warning(d, DIAG_W_PREVIOUS_TITLE, &m[i].title->loc,
				     "previous position '%s' is named differently here", e->code);
			diag_note(d, &m[0].title->loc, "first named here");
		}
		if (m[i].retired) {
			if (e->retired) {
				diag_error(d, &m[i].retired->loc, "previous position '%s' is "
					   "retired twice", e->code);
				diag_note(d, &e->retired->loc, "first retired here");
			}
			e->retired = m[i].retired;
			continue;
		}
		m[i].replace->lineage = e;
		if (e->n_sheets > 0 && e->sheets[e->n_sheets - 1] == m[i].sheet) {
			diag_error(d, &m[i].code->loc,
				   "sheet '%s' replaces '%s' twice", m[i].sheet->code.text, e->code);
			continue;
		}
		e->sheets[e->n_sheets++] = m[i].sheet;
	}
	if (e->retired && e->n_sheets > 0) {
		diag_warning(d, DIAG_W_RETIRED_REPLACED, &e->retired->loc,
			     "previous position '%s' is retired, but sheet '%s' replaces it",
			     e->code, e->sheets[0]->code.text);
	}
	return 0;
}

/* The lineage, by previous code: after resolve_arrays. */
static int resolve_lineage(struct ast_root *root, struct arena *arena, struct diag *d)
{
	size_t n;
	struct resolve_mention *m = resolve_mentions(root, arena, &n);
	if (!m)
		return -1;
	root->lineage = arena_alloc(arena, (n + 1) * sizeof *root->lineage);
	if (!root->lineage)
		return -1;
	root->n_lineage = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && ast_code_compare(m[j].code->text, m[i].code->text) == 0)
			j++;
		if (resolve_entry(&root->lineage[root->n_lineage++], m + i, j - i, arena, d))
			return -1;
		i = j;
	}
	return 0;
}

int resolve_run(struct ast_root *root, struct arena *arena, struct diag *d)
{
	if (resolve_arrays(root, arena) || resolve_family_sheets(root, arena) ||
	    resolve_file_names(root, arena))
		return -1;
	return resolve_lineage(root, arena, d);
}
