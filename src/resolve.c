/* resolve.c - sorted views and the lineage (see resolve.h). */
#include <stdlib.h>
#include <string.h>

#include "resolve.h"

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

/* One mention of a previous code: by a sheet's `replaces` or a `retired`. */
struct resolve_mention {
	const struct ast_str *code, *title;
	const struct ast_sheet *sheet;          /* NULL for retired */
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

static int resolve_sheets(struct ast_root *root, struct arena *arena)
{
	const struct ast_sheet **sheets = arena_alloc(arena, (root->n_sheets + 1) * sizeof *sheets);
	const struct ast_family **families =
		arena_alloc(arena, (root->n_families + 1) * sizeof *families);
	if (!sheets || !families)
		return -1;
	size_t n = 0;
	for (const struct ast_sheet *s = root->sheets_first; s; s = s->next)
		sheets[n++] = s;
	/* Codes are unique in a valid run, so the order is total. */
	qsort(sheets, n, sizeof *sheets, resolve_sheet_order);
	root->sheets = sheets;

	n = 0;
	for (struct ast_family *f = root->families_first; f; f = f->next) {
		families[n++] = f;
		f->n_sheets = 0;
	}
	qsort(families, n, sizeof *families, resolve_family_order);
	root->families = families;

	for (size_t i = 0; i < root->n_sheets; i++)
		if (sheets[i]->family_decl)
			((struct ast_family *)sheets[i]->family_decl)->n_sheets++;
	for (struct ast_family *f = root->families_first; f; f = f->next) {
		f->sheets = arena_alloc(arena, (f->n_sheets + 1) * sizeof *f->sheets);
		if (!f->sheets)
			return -1;
		f->n_sheets = 0;
	}
	/* In code order, so each family's list comes out sorted. */
	for (size_t i = 0; i < root->n_sheets; i++) {
		struct ast_family *f = (struct ast_family *)sheets[i]->family_decl;
		if (f)
			f->sheets[f->n_sheets++] = sheets[i];
	}
	return 0;
}

/* Gathers every mention of a previous code; sheets in code order. */
static struct resolve_mention *resolve_mentions(const struct ast_root *root,
						struct arena *arena, size_t *count)
{
	size_t n = root->n_retired;
	for (const struct ast_sheet *s = root->sheets_first; s; s = s->next)
		n += s->n_replaces;
	struct resolve_mention *m = arena_alloc(arena, (n + 1) * sizeof *m);
	if (!m)
		return NULL;
	n = 0;
	for (size_t i = 0; i < root->n_sheets; i++)
		for (const struct ast_replace *r = root->sheets[i]->replaces_first; r; r = r->next) {
			m[n] = (struct resolve_mention){ &r->code, &r->title, root->sheets[i], NULL, n };
			n++;
		}
	for (const struct ast_retired *r = root->retired_first; r; r = r->next) {
		m[n] = (struct resolve_mention){ &r->code, &r->title, NULL, r, n };
		n++;
	}
	qsort(m, n, sizeof *m, resolve_mention_order);
	*count = n;
	return m;
}

/* Checks one run of mentions of the same code and fills its lineage entry. */
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

static int resolve_retired_order(const void *pa, const void *pb)
{
	const struct ast_retired *a = *(const struct ast_retired *const *)pa;
	const struct ast_retired *b = *(const struct ast_retired *const *)pb;
	return ast_code_compare(a->code.text, b->code.text);
}

/* Relinks the retired list in code order, whatever the order of the files. */
static int resolve_retired(struct ast_root *root, struct arena *arena)
{
	if (root->n_retired < 2)
		return 0;
	struct ast_retired **v = arena_alloc(arena, root->n_retired * sizeof *v);
	if (!v)
		return -1;
	size_t n = 0;
	for (struct ast_retired *r = root->retired_first; r; r = r->next)
		v[n++] = r;
	/* Equal codes are an error already reported; their order is moot. */
	qsort(v, n, sizeof *v, resolve_retired_order);
	for (size_t i = 0; i + 1 < n; i++)
		v[i]->next = v[i + 1];
	v[n - 1]->next = NULL;
	root->retired_first = v[0];
	root->retired_last = v[n - 1];
	return 0;
}

int resolve_run(struct ast_root *root, struct arena *arena, struct diag *d)
{
	if (resolve_sheets(root, arena) || resolve_retired(root, arena))
		return -1;
	return resolve_lineage(root, arena, d);
}
