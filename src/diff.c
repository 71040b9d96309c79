/*
 * diff.c - two editions compared: the catalogue's declarations, which
 * sheet becomes which, and the lineage check (see diff.h). The sheets'
 * contents are diff_sheet.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

const char *const diff_subject_names[DIFF_SUBJECT_COUNT] = {
	"catalogue", "level", "category", "family", "retired", "sheet", "field", "aka",
	"replaces", "prose", "career", "group", "intro", "task", "subitem", "item",
};

const char *const diff_kind_names[3] = { "added", "removed", "changed" };

void diff_init(struct diff *d, struct arena *arena)
{
	*d = (struct diff){ .arena = arena };
}

void diff_add(struct diff *d, const char *sheet, const char *sheet_title,
	      enum diff_subject subject, enum diff_kind kind, unsigned aspects,
	      const struct diff_side *old, const struct diff_side *new)
{
	struct diff_change *c = arena_alloc(d->arena, sizeof *c);
	if (!c) {
		d->failed = true;
		return;
	}
	*c = (struct diff_change){ NULL, sheet, sheet_title, subject, kind, aspects,
				   old ? *old : (struct diff_side){ 0 },
				   new ? *new : (struct diff_side){ 0 } };
	if (d->last)
		d->last->next = c;
	else
		d->first = c;
	d->last = c;
	d->count++;
}

bool diff_differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* A declaration of the catalogue, on one side: its key and what it says. */
struct diff_decl {
	const char *key;
	struct diff_side side;
};

/*
 * Declarations keyed by name or number (levels, categories, families,
 * retired positions): those of new in its order, added or changed, then
 * those of old that new lacks.
 */
static void diff_decls(struct diff *d, enum diff_subject subject, const struct diff_decl *a,
		       size_t na, const struct diff_decl *b, size_t nb)
{
	for (size_t j = 0; j < nb; j++) {
		size_t i = 0;
		while (i < na && strcmp(a[i].key, b[j].key) != 0)
			i++;
		if (i == na) {
			diff_add(d, NULL, NULL, subject, DIFF_ADDED, 0, NULL, &b[j].side);
			continue;
		}
		unsigned aspects = (diff_differ(a[i].side.text, b[j].side.text) ? DIFF_TEXT : 0) |
				   (diff_differ(a[i].side.mark, b[j].side.mark) ? DIFF_MARK : 0);
		if (aspects)
			diff_add(d, NULL, NULL, subject, DIFF_CHANGED, aspects, &a[i].side, &b[j].side);
	}
	for (size_t i = 0; i < na; i++) {
		size_t j = 0;
		while (j < nb && strcmp(a[i].key, b[j].key) != 0)
			j++;
		if (j == nb)
			diff_add(d, NULL, NULL, subject, DIFF_REMOVED, 0, &a[i].side, NULL);
	}
}

/* The declarations of one kind of an edition, as diff_decls wants them. */
static struct diff_decl *diff_decls_of(struct diff *d, const struct ast_root *r,
				       enum diff_subject subject, size_t *n)
{
	size_t count = subject == DIFF_LEVEL ? r->n_levels : subject == DIFF_CATEGORY
		? r->n_categories : subject == DIFF_FAMILY ? r->n_families : r->n_retired;
	struct diff_decl *v = arena_alloc(d->arena, (count + 1) * sizeof *v);
	if (!v) {
		d->failed = true;
		*n = 0;
		return NULL;
	}
	for (size_t i = 0; i < count; i++) {
		struct diff_side s = { 0 };
		if (subject == DIFF_LEVEL) {
			s = (struct diff_side){ r->levels[i]->name.text, r->levels[i]->description.text,
						NULL, NULL };
		} else if (subject == DIFF_CATEGORY) {
			const struct ast_category *c = r->categories[i];
			s = (struct diff_side){ c->name.text, c->title.text, NULL,
						c->levelled ? "levelled" : NULL };
		} else if (subject == DIFF_FAMILY) {
			s = (struct diff_side){ r->families[i]->number.text, r->families[i]->title.text,
						NULL, NULL };
		} else {
			const struct ast_retired *x = r->retired[i];
			s = (struct diff_side){ x->code.text, x->title.text, NULL, x->see.text };
		}
		v[i] = (struct diff_decl){ s.key, s };
	}
	*n = count;
	return v;
}

/* "K < C < E": the order of the scale, in the arena. */
static const char *diff_scale_order(struct diff *d, const struct ast_root *r)
{
	size_t len = 1;
	for (size_t i = 0; i < r->n_levels; i++)
		len += r->levels[i]->name.len + 3;
	char *s = arena_alloc(d->arena, len);
	if (!s) {
		d->failed = true;
		return "";
	}
	for (size_t i = 0; i < r->n_levels; i++) {
		if (i > 0)
			strcat(s, " < ");
		strcat(s, r->levels[i]->name.text);
	}
	return s;
}

/* True if the levels both scales have come in another order. */
static bool diff_scale_reordered(const struct ast_root *a, const struct ast_root *b)
{
	long last = -1;
	for (size_t i = 0; i < a->n_levels; i++) {
		for (size_t j = 0; j < b->n_levels; j++) {
			if (strcmp(a->levels[i]->name.text, b->levels[j]->name.text) == 0) {
				if ((long)j < last)
					return true;
				last = (long)j;
			}
		}
	}
	return false;
}

static void diff_catalogue(struct diff *d, const struct ast_root *a, const struct ast_root *b)
{
	static const char *const fields[] = { "title", "publisher", "edition", "previous" };
	const struct ast_str *fa[] = { &a->catalogue->title, &a->catalogue->publisher,
				       &a->catalogue->edition, &a->catalogue->previous };
	const struct ast_str *fb[] = { &b->catalogue->title, &b->catalogue->publisher,
				       &b->catalogue->edition, &b->catalogue->previous };
	for (size_t i = 0; i < 4; i++) {
		struct diff_side old = { NULL, fa[i]->text, fields[i], NULL };
		struct diff_side new = { NULL, fb[i]->text, fields[i], NULL };
		if (!diff_differ(old.text, new.text))
			continue;
		enum diff_kind kind = !old.text ? DIFF_ADDED : !new.text ? DIFF_REMOVED : DIFF_CHANGED;
		diff_add(d, NULL, NULL, DIFF_CATALOGUE, kind, kind == DIFF_CHANGED ? DIFF_TEXT : 0,
			 &old, &new);
	}
	static const enum diff_subject decls[] = { DIFF_LEVEL, DIFF_CATEGORY, DIFF_FAMILY,
						   DIFF_RETIRED };
	for (size_t i = 0; i < 4; i++) {
		size_t na, nb;
		struct diff_decl *va = diff_decls_of(d, a, decls[i], &na);
		struct diff_decl *vb = diff_decls_of(d, b, decls[i], &nb);
		if (va && vb)
			diff_decls(d, decls[i], va, na, vb, nb);
		if (decls[i] == DIFF_LEVEL && diff_scale_reordered(a, b)) {
			struct diff_side old = { NULL, diff_scale_order(d, a), "scale", NULL };
			struct diff_side new = { NULL, diff_scale_order(d, b), "scale", NULL };
			diff_add(d, NULL, NULL, DIFF_CATALOGUE, DIFF_CHANGED, DIFF_TEXT, &old, &new);
		}
	}
}

/* ---- which sheet becomes which ------------------------------------------ */

static int diff_code_key(const void *key, const void *elem)
{
	return ast_code_compare(key, (*(const struct ast_sheet *const *)elem)->code.text);
}

/* The sheet of r with this code, or NULL. */
static const struct ast_sheet *diff_find_sheet(const struct ast_root *r, const char *code)
{
	const struct ast_sheet *const *s = bsearch(code, r->sheets, r->n_sheets, sizeof *r->sheets,
						   diff_code_key);
	return s ? *s : NULL;
}

/* An old sheet and what it became, or a new sheet and where it came from. */
struct diff_pairing {
	const struct ast_sheet *old, *new;
};

static int diff_pairing_order(const void *x, const void *y)
{
	const struct diff_pairing *p = x, *q = y;
	return ast_code_compare(p->new ? p->new->code.text : p->old->code.text,
				q->new ? q->new->code.text : q->old->code.text);
}

/*
 * The code of an old sheet that gone from new, which the new sheet s (new
 * itself) replaces, if s replaces exactly one such code and no other new
 * sheet replaces it: s is that sheet re-coded. NULL otherwise.
 */
static const struct ast_sheet *diff_recoded_from(const struct ast_root *old,
						 const struct ast_root *new,
						 const struct ast_sheet *s)
{
	const struct ast_sheet *from = NULL;
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		const struct ast_sheet *o = diff_find_sheet(old, r->code.text);
		if (!o || diff_find_sheet(new, r->code.text))
			continue;
		if (from || r->lineage->n_sheets != 1)
			return NULL;
		from = o;
	}
	return from;
}

int diff_editions(struct diff *d, const struct ast_root *old, const struct ast_root *new)
{
	d->new_root = new;
	diff_catalogue(d, old, new);
	size_t cap = old->n_sheets + new->n_sheets, n = 0;
	struct diff_pairing *pairs = arena_alloc(d->arena, (cap + 1) * sizeof *pairs);
	bool *taken = arena_alloc(d->arena, old->n_sheets + 1);
	if (!pairs || !taken)
		return -1;
	for (size_t j = 0; j < new->n_sheets; j++) {
		const struct ast_sheet *s = new->sheets[j];
		const struct ast_sheet *o = diff_find_sheet(old, s->code.text);
		if (!o)
			o = diff_recoded_from(old, new, s);
		if (o)
			taken[o->index] = true;
		pairs[n++] = (struct diff_pairing){ o, s };
	}
	for (size_t i = 0; i < old->n_sheets; i++)
		if (!taken[i])
			pairs[n++] = (struct diff_pairing){ old->sheets[i], NULL };
	qsort(pairs, n, sizeof *pairs, diff_pairing_order);
	for (size_t k = 0; k < n; k++)
		diff_sheet(d, pairs[k].old, pairs[k].new);
	return d->failed ? -1 : 0;
}

/* ---- the lineage --------------------------------------------------------- */

unsigned diff_check_lineage(const struct ast_root *old, const struct ast_root *new,
			    struct diag *diags)
{
	unsigned gone = 0;
	for (size_t i = 0; i < old->n_sheets; i++) {
		const struct ast_sheet *s = old->sheets[i];
		if (diff_find_sheet(new, s->code.text))
			continue;
		bool named = false;
		for (size_t k = 0; !named && k < new->n_lineage; k++)
			named = strcmp(new->lineage[k].code, s->code.text) == 0;
		if (named)
			continue;
		diag_error(diags, &s->loc, "sheet '%s' is gone from the new edition without a word: "
			   "no sheet has its code, none 'replaces' it, it is not 'retired'",
			   s->code.text);
		diag_note(diags, NULL, "say what became of it in the new edition: "
			  "retired %s \"%s\" see CODE, or replaces %s \"%s\" in the sheet that took "
			  "it over", s->code.text, s->title.text, s->code.text, s->title.text);
		gone++;
	}
	return gone;
}
