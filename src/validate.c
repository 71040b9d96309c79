/*
 * validate.c - checks across every file of a run (see validate.h).
 *
 * Declarations are gathered into sorted tables first (one per kind of name),
 * so that duplicates show up as neighbours and every lookup is a binary
 * search: the whole run costs O(n log n), whatever the number of sheets.
 * Then each sheet is checked against the tables, and the resolved fields of
 * the AST and the lineage are filled in (resolve.c).
 */
#include <stdlib.h>
#include <string.h>

#include "resolve.h"
#include "suggest.h"
#include "validate.h"

/* One declared name: what it is called, where, and in which order it came. */
struct val_name {
	const char *key;
	const struct loc *loc;
	const void *node;
	size_t seq;
};

struct val_table {
	struct val_name *names;
	size_t count;
	int (*compare)(const char *, const char *);
	int (*order)(const void *, const void *);  /* for qsort: key, then seq */
	const char *what;       /* "family", for messages */
};

struct val {
	struct ast_root *root;
	struct arena *arena;
	struct diag *diag;
	struct val_table families, categories, levels, sheets;
};

/* ---- tables of names ---- */

static int val_seq_order(const struct val_name *a, const struct val_name *b)
{
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int val_code_order(const void *pa, const void *pb)
{
	const struct val_name *a = pa, *b = pb;
	int c = ast_code_compare(a->key, b->key);
	return c ? c : val_seq_order(a, b);
}

static int val_word_order(const void *pa, const void *pb)
{
	const struct val_name *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	return c ? c : val_seq_order(a, b);
}

/*
 * Sorts the table (by key, then source order) and reports every name
 * declared more than once, with a note at its first declaration.
 */
static void val_table_sort(struct val *v, struct val_table *t)
{
	qsort(t->names, t->count, sizeof t->names[0], t->order);
	for (size_t i = 1; i < t->count; i++) {
		const struct val_name *first = &t->names[i - 1];
		while (i < t->count && t->compare(t->names[i].key, first->key) == 0) {
			diag_error(v->diag, t->names[i].loc, "%s '%s' is declared twice", t->what,
				   t->names[i].key);
			diag_note(v->diag, first->loc, "first declared here");
			i++;
		}
	}
}

static const struct val_name *val_lookup(const struct val_table *t, const char *key)
{
	size_t lo = 0, hi = t->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = t->compare(key, t->names[mid].key);
		if (c == 0) {
			/* The first of equal keys: the one declared first. */
			while (mid > 0 && t->compare(key, t->names[mid - 1].key) == 0)
				mid--;
			return &t->names[mid];
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* "unknown family '7'", with a "did you mean" among the declared names. */
static void val_unknown(struct val *v, const struct val_table *t, const struct ast_str *name)
{
	diag_error(v->diag, &name->loc, "unknown %s '%s'", t->what, name->text);
	const char **keys = arena_alloc(v->arena, (t->count + 1) * sizeof *keys);
	if (!keys)
		return;
	for (size_t i = 0; i < t->count; i++)
		keys[i] = t->names[i].key;
	const char *hint = suggest_closest(name->text, keys, t->count);
	if (hint)
		diag_did_you_mean(v->diag, val_lookup(t, hint)->loc, &name->loc, hint);
	else if (t->count == 0)
		diag_note(v->diag, &name->loc, "no %s is declared in the input files", t->what);
}

/* Names are codes (compared piecewise) or words (compared bytewise). */
static int val_table_init(struct val *v, struct val_table *t, size_t count, bool codes,
			  const char *what)
{
	t->names = arena_alloc(v->arena, (count + 1) * sizeof *t->names);
	t->count = 0;
	t->compare = codes ? ast_code_compare : strcmp;
	t->order = codes ? val_code_order : val_word_order;
	t->what = what;
	return t->names ? 0 : -1;
}

static void val_table_add(struct val_table *t, const struct ast_str *name, const void *node)
{
	t->names[t->count] = (struct val_name){ name->text, &name->loc, node, t->count };
	t->count++;
}

/* ---- declarations ---- */

static int val_declarations(struct val *v)
{
	struct ast_root *r = v->root;
	size_t n_levels = r->scale ? r->scale->levels.count : 0;
	if (val_table_init(v, &v->families, r->parsed.families.count, true, "family") ||
	    val_table_init(v, &v->categories, r->parsed.categories.count, false, "category") ||
	    val_table_init(v, &v->levels, n_levels, false, "level") ||
	    val_table_init(v, &v->sheets, r->parsed.sheets.count, true, "sheet"))
		return -1;
	for (const struct ast_family *f = r->parsed.families.first; f; f = f->next)
		val_table_add(&v->families, &f->number, f);
	for (const struct ast_category *c = r->parsed.categories.first; c; c = c->next)
		val_table_add(&v->categories, &c->name, c);
	for (const struct ast_level *l = r->scale ? r->scale->levels.first : NULL; l; l = l->next)
		val_table_add(&v->levels, &l->name, l);
	for (const struct ast_sheet *s = r->parsed.sheets.first; s; s = s->next)
		val_table_add(&v->sheets, &s->code, s);
	val_table_sort(v, &v->families);
	val_table_sort(v, &v->categories);
	val_table_sort(v, &v->levels);
	val_table_sort(v, &v->sheets);

	if (!r->catalogue)
		diag_error(v->diag, NULL, "no 'catalogue' declaration in the input files");
	for (const struct ast_category *c = r->parsed.categories.first; c; c = c->next)
		if (c->levelled && !r->scale)
			diag_error(v->diag, &c->name.loc, "category '%s' is levelled, but no "
				   "'scale' is declared in the input files", c->name.text);
	for (struct ast_retired *rt = r->parsed.retired.first; rt; rt = rt->next) {
		const struct val_name *see = val_lookup(&v->sheets, rt->see.text);
		if (see)
			rt->see_sheet = see->node;
		else
			val_unknown(v, &v->sheets, &rt->see);
	}
	return 0;
}

/* ---- one sheet ---- */

/* Codes name output files (json/sheets/3.5a.json): keep them to a length
 * every file system takes. */
#define VAL_MAX_CODE 32

static void val_sheet_family(struct val *v, struct ast_sheet *s)
{
	if (s->code.len > VAL_MAX_CODE)
		diag_error(v->diag, &s->code.loc, "sheet code longer than %d characters",
			   VAL_MAX_CODE);
	if (!s->family.text) {
		if (!s->damaged)
			diag_error(v->diag, &s->code.loc, "sheet '%s' has no 'family'", s->code.text);
		return;
	}
	const struct val_name *f = val_lookup(&v->families, s->family.text);
	if (!f) {
		val_unknown(v, &v->families, &s->family);
		return;
	}
	s->family_decl = f->node;
	size_t n = s->family.len;
	if (strncmp(s->code.text, s->family.text, n) != 0 || s->code.text[n] != '.') {
		diag_error(v->diag, &s->code.loc, "sheet code '%s' does not belong to family %s: "
			   "expected a code starting with '%s.'", s->code.text, s->family.text,
			   s->family.text);
		diag_note(v->diag, &s->family.loc, "the family is given here");
	}
}

/* A required section: an error if missing, a warning if written empty. */
static void val_section(struct val *v, const struct ast_sheet *s, bool present,
			const struct loc *loc, size_t count, const char *name)
{
	if (!present) {
		if (!s->damaged)
			diag_error(v->diag, &s->code.loc, "sheet '%s' has no '%s' section",
				   s->code.text, name);
	} else if (count == 0 && !s->damaged) {
		diag_warning(v->diag, DIAG_W_EMPTY_SECTION, loc, "empty '%s' section",
			     name);
	}
}

static void val_item_level(struct val *v, struct ast_item *item, const struct ast_category *cat)
{
	if (!cat->levelled) {
		if (item->level.text)
			diag_error(v->diag, &item->level.loc, "items of category '%s' take no level, "
				   "but '%s' is given", cat->name.text, item->level.text);
		return;
	}
	if (!item->level.text) {
		diag_error(v->diag, &item->text.loc, "item of category '%s' has no level",
			   cat->name.text);
		if (v->root->scale && v->root->scale->levels.first)
			diag_note(v->diag, &v->root->scale->loc, "the levels are declared here");
		return;
	}
	const struct val_name *l = val_lookup(&v->levels, item->level.text);
	if (l)
		item->level_decl = l->node;
	else if (v->root->scale)
		val_unknown(v, &v->levels, &item->level);
}

static int val_item_text_order(const void *pa, const void *pb)
{
	const struct ast_item *a = *(const struct ast_item *const *)pa;
	const struct ast_item *b = *(const struct ast_item *const *)pb;
	int c = strcmp(a->text.text, b->text.text);
	if (c)
		return c;
	return a->loc.offset < b->loc.offset ? -1 : a->loc.offset > b->loc.offset;
}

/* A knowledge item written twice in one sheet: a warning at each repeat. */
static int val_repeated_items(struct val *v, const struct ast_sheet *s, size_t n_items)
{
	if (n_items < 2)
		return 0;
	const struct ast_item **items = arena_alloc(v->arena, n_items * sizeof *items);
	if (!items)
		return -1;
	size_t n = 0;
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
		for (const struct ast_item *it = k->items.first; it; it = it->next)
			items[n++] = it;
	qsort(items, n, sizeof *items, val_item_text_order);
	for (size_t i = 1; i < n; i++) {
		size_t first = i - 1;
		while (i < n && strcmp(items[i]->text.text, items[first]->text.text) == 0) {
			diag_warning(v->diag, DIAG_W_REPEATED_ITEM, &items[i]->text.loc,
				     "knowledge item repeated in sheet '%s'", s->code.text);
			diag_note(v->diag, &items[first]->text.loc, "first written here");
			i++;
		}
	}
	return 0;
}

static int val_sheet_knowledge(struct val *v, struct ast_sheet *s)
{
	if (!s->knowledge.first && !s->damaged)
		diag_error(v->diag, &s->code.loc, "sheet '%s' has no knowledge block "
			   "(such as 'technological essential { ... }')", s->code.text);
	size_t n_items = 0;
	for (struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
		for (const struct ast_knowledge *o = s->knowledge.first; o != k; o = o->next)
			if (o->importance == k->importance && strcmp(o->category.text, k->category.text) == 0) {
				diag_error(v->diag, &k->loc, "'%s %s' is written twice",
					   k->category.text, ast_importance_name(k->importance));
				diag_note(v->diag, &o->loc, "first written here");
				break;
			}
		/* In a sheet with a syntax error, the items may be what was lost. */
		if (k->items.count == 0 && !s->damaged)
			diag_warning(v->diag, DIAG_W_EMPTY_SECTION, &k->loc, "empty '%s %s' section",
				     k->category.text, ast_importance_name(k->importance));
		n_items += k->items.count;
		const struct val_name *c = val_lookup(&v->categories, k->category.text);
		if (!c) {
			val_unknown(v, &v->categories, &k->category);
			continue;
		}
		k->category_decl = c->node;
		for (struct ast_item *it = k->items.first; it; it = it->next)
			val_item_level(v, it, k->category_decl);
	}
	return val_repeated_items(v, s, n_items);
}

static void val_sheet_career(struct val *v, const struct ast_sheet *s)
{
	val_section(v, s, s->career.present, &s->career.loc, s->career.prose.count, "career");
	if (!s->career.present || s->damaged)
		return;
	bool education = false, experience = false;
	for (const struct ast_prose *e = s->career.prose.first; e; e = e->next) {
		education |= e->kind == AST_CAREER_EDUCATION;
		experience |= e->kind == AST_CAREER_EXPERIENCE;
	}
	if (!education)
		diag_error(v->diag, &s->career.loc, "'career' of sheet '%s' has no 'education'",
			   s->code.text);
	if (!experience)
		diag_error(v->diag, &s->career.loc, "'career' of sheet '%s' has no 'experience'",
			   s->code.text);
}

static int val_sheet(struct val *v, struct ast_sheet *s)
{
	val_sheet_family(v, s);
	val_section(v, s, s->mission.present, &s->mission.loc, s->mission.prose.count, "mission");
	val_section(v, s, s->activities.present, &s->activities.loc,
		    s->activities.groups.count + s->activities.intro.count, "activities");
	for (const struct ast_group *g = s->activities.groups.first; g; g = g->next)
		if (g->tasks.count == 0 && !s->damaged)
			diag_warning(v->diag, DIAG_W_EMPTY_GROUP, &g->title.loc,
				     "group '%s' has no tasks", g->title.text);
	if (val_sheet_knowledge(v, s))
		return -1;
	val_sheet_career(v, s);
	if (s->trends.present && s->trends.prose.count == 0 && !s->damaged)
		diag_warning(v->diag, DIAG_W_EMPTY_SECTION, &s->trends.loc,
			     "empty 'trends' section");
	return 0;
}

/* ---- the run ---- */

/*
 * Clears the cross-references a validation sets only where the name is
 * found, so that a root validated again (an incremental run, frontend.h)
 * keeps none from the last time, when the node it pointed at may be gone.
 * The rest of the resolved fields are set for every node each time.
 */
static void val_clear(struct ast_root *root)
{
	for (struct ast_retired *rt = root->parsed.retired.first; rt; rt = rt->next)
		rt->see_sheet = NULL;
	for (struct ast_sheet *s = root->parsed.sheets.first; s; s = s->next) {
		s->family_decl = NULL;
		for (struct ast_replace *r = s->replaces.first; r; r = r->next)
			r->lineage = NULL;
		for (struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
			k->category_decl = NULL;
			for (struct ast_item *it = k->items.first; it; it = it->next)
				it->level_decl = NULL;
		}
	}
}

int validate_run(struct ast_root *root, struct arena *arena, struct diag *d)
{
	struct val v = { .root = root, .arena = arena, .diag = d };
	val_clear(root);
	if (val_declarations(&v))
		return -1;
	for (struct ast_sheet *s = root->parsed.sheets.first; s; s = s->next)
		if (val_sheet(&v, s))
			return -1;
	return resolve_run(root, arena, d);
}
