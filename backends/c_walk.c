/*
 * c_walk.c - the C backend's walk of the AST (c.h): every sheet, every
 * declaration and the lineage, as rows of the tables and texts of the pool.
 */
#include <string.h>

#include "c.h"

/* Sheet indexes as a slice of sheet_refs; returns its first row. */
static size_t c_sheet_refs(struct c_ctx *cx, const struct ast_sheet *const *sheets, size_t n)
{
	size_t first = cx->n_rows[C_SHEET_REFS];

	for (size_t i = 0; i < n; i++)
		c_scalar(cx, C_SHEET_REFS, sheets[i]->index);
	return first;
}

/* A list of strings as a slice of texts; returns its first row. */
static size_t c_texts(struct c_ctx *cx, const struct ast_str_list *list)
{
	size_t first = cx->n_rows[C_TEXTS];

	for (const struct ast_str *s = list->first; s; s = s->next)
		c_scalar(cx, C_TEXTS, c_str(cx, s));
	return first;
}

/* One row of blocks: a paragraph, a list, or a career line. */
static void c_block(struct c_ctx *cx, enum ast_prose_kind kind, const struct ast_str *text,
		    const struct ast_str_list *items)
{
	size_t t = c_str(cx, text);
	size_t first = c_texts(cx, items);

	c_row(cx, C_BLOCKS);
	c_field(cx, kind);
	c_field(cx, t);
	c_field_slice(cx, first, items->count);
	c_row_end(cx);
}

/* Prose as a slice of blocks; returns its first row. */
static size_t c_prose(struct c_ctx *cx, const struct ast_prose_list *prose)
{
	size_t first = cx->n_rows[C_BLOCKS];

	for (const struct ast_prose *p = prose->first; p; p = p->next)
		c_block(cx, p->kind, &p->text, &p->items);
	return first;
}

static size_t c_replaces(struct c_ctx *cx, const struct ast_sheet *s)
{
	size_t first = cx->n_rows[C_REPLACES];

	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		size_t code = c_str(cx, &r->code), title = c_str(cx, &r->title);

		c_row(cx, C_REPLACES);
		c_field(cx, code);
		c_field(cx, title);
		c_row_end(cx);
	}
	return first;
}

static size_t c_tasks(struct c_ctx *cx, const struct ast_group *g)
{
	size_t first = cx->n_rows[C_TASKS];

	for (const struct ast_task *t = g->tasks.first; t; t = t->next) {
		size_t text = c_str(cx, &t->text);
		size_t subitems = c_texts(cx, &t->subitems);

		c_row(cx, C_TASKS);
		c_field(cx, t->trend);
		c_field(cx, text);
		c_field_slice(cx, subitems, t->subitems.count);
		c_row_end(cx);
	}
	return first;
}

static size_t c_groups(struct c_ctx *cx, const struct ast_activities *a)
{
	size_t first = cx->n_rows[C_GROUPS];

	for (const struct ast_group *g = a->groups.first; g; g = g->next) {
		size_t title = c_str(cx, &g->title), intro = c_str(cx, &g->intro);
		size_t tasks = c_tasks(cx, g);

		c_row(cx, C_GROUPS);
		c_field(cx, g->trend);
		c_field(cx, title);
		c_field(cx, intro);
		c_field_slice(cx, tasks, g->tasks.count);
		c_row_end(cx);
	}
	return first;
}

static size_t c_items(struct c_ctx *cx, const struct ast_knowledge *k)
{
	size_t first = cx->n_rows[C_ITEMS];

	for (const struct ast_item *it = k->items.first; it; it = it->next) {
		size_t text = c_str(cx, &it->text);

		c_row(cx, C_ITEMS);
		c_field(cx, it->level_decl ? it->level_decl->index : C_NONE);
		c_field(cx, text);
		c_row_end(cx);
	}
	return first;
}

static size_t c_knowledge(struct c_ctx *cx, const struct ast_sheet *s)
{
	size_t first = cx->n_rows[C_KNOWLEDGE];

	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
		size_t items = c_items(cx, k);

		c_row(cx, C_KNOWLEDGE);
		c_field(cx, k->category_decl->index);
		c_field(cx, k->importance);
		c_field_slice(cx, items, k->items.count);
		c_row_end(cx);
	}
	return first;
}

static void c_sheet(struct c_ctx *cx, const struct ast_sheet *s)
{
	size_t code = c_str(cx, &s->code), title = c_str(cx, &s->title);
	size_t replaces = c_replaces(cx, s);
	size_t aka = c_texts(cx, &s->aka);
	size_t mission = c_prose(cx, &s->mission.prose);
	size_t intro = c_prose(cx, &s->activities.intro);
	size_t groups = c_groups(cx, &s->activities);
	size_t knowledge = c_knowledge(cx, s);
	size_t career = c_prose(cx, &s->career.prose);
	size_t trends = c_prose(cx, &s->trends.prose);

	c_row(cx, C_SHEETS);
	c_field(cx, code);
	c_field(cx, title);
	c_field(cx, s->family_decl->index);
	c_field(cx, s->status);
	c_field_slice(cx, replaces, s->replaces.count);
	c_field_slice(cx, aka, s->aka.count);
	c_field_slice(cx, mission, s->mission.prose.count);
	c_field_slice(cx, intro, s->activities.intro.count);
	c_field_slice(cx, groups, s->activities.groups.count);
	c_field_slice(cx, knowledge, s->knowledge.count);
	c_field_slice(cx, career, s->career.prose.count);
	c_field_slice(cx, trends, s->trends.prose.count);
	c_row_end(cx);
}

static void c_declarations(struct c_ctx *cx)
{
	if (cx->root->scale)
		for (const struct ast_level *l = cx->root->scale->levels.first; l; l = l->next) {
			size_t name = c_str(cx, &l->name), desc = c_str(cx, &l->description);

			c_row(cx, C_LEVELS);
			c_field(cx, name);
			c_field(cx, desc);
			c_row_end(cx);
		}
	for (const struct ast_category *k = cx->root->parsed.categories.first; k; k = k->next) {
		size_t name = c_str(cx, &k->name), title = c_str(cx, &k->title);

		c_row(cx, C_CATEGORIES);
		c_field(cx, name);
		c_field(cx, title);
		c_field(cx, k->levelled);
		c_row_end(cx);
	}
	for (size_t i = 0; i < cx->root->n_families; i++) {
		const struct ast_family *f = cx->root->families[i];
		size_t number = c_str(cx, &f->number), title = c_str(cx, &f->title);
		size_t sheets = c_sheet_refs(cx, f->sheets, f->n_sheets);

		c_row(cx, C_FAMILIES);
		c_field(cx, number);
		c_field(cx, title);
		c_field_slice(cx, sheets, f->n_sheets);
		c_row_end(cx);
	}
}

static void c_lineage(struct c_ctx *cx)
{
	for (size_t i = 0; i < cx->root->n_lineage; i++) {
		const struct ast_lineage *l = &cx->root->lineage[i];
		size_t code = c_text(cx, l->code, strlen(l->code));
		size_t title = c_text(cx, l->title, strlen(l->title));
		size_t sheets = c_sheet_refs(cx, l->sheets, l->n_sheets);
		const struct ast_sheet *see = l->retired ? l->retired->see_sheet : NULL;

		c_row(cx, C_LINEAGE);
		c_field(cx, code);
		c_field(cx, title);
		c_field_slice(cx, sheets, l->n_sheets);
		c_field(cx, see ? see->index : C_NONE);
		c_row_end(cx);
	}
}

/* The catalogue's one row; its texts are all optional. */
static void c_catalogue(struct c_ctx *cx)
{
	static const struct ast_catalogue_info none;
	const struct ast_catalogue_info *c = cx->root->catalogue ? cx->root->catalogue : &none;
	const struct ast_str *fields[] = { &c->title, &c->publisher, &c->edition, &c->previous };

	buf_putc(&cx->catalogue, '\t');
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (i)
			buf_puts(&cx->catalogue, ", ");
		c_put_text(cx, &cx->catalogue, c_str(cx, fields[i]));
	}
	buf_putc(&cx->catalogue, '\n');
}

void c_walk(struct c_ctx *cx)
{
	c_catalogue(cx);
	c_declarations(cx);
	for (size_t i = 0; i < cx->root->n_sheets; i++)
		c_sheet(cx, cx->root->sheets[i]);
	c_lineage(cx);
}
