/* tidy.c - the catalogue as tidy tables, for csv and xlsx (see tidy.h). */
#include <string.h>

#include "tidy.h"

const struct tidy_table_desc tidy_tables[TIDY_COUNT] = {
	[TIDY_SHEETS] = { "sheets", { "sheet", "title", "family", "family_title", "status",
				      "mission", "activities_intro", "trends" }, 8 },
	[TIDY_ALIASES] = { "aliases", { "sheet", "position", "alias" }, 3 },
	[TIDY_TASKS] = { "tasks", { "sheet", "group", "group_title", "group_trend", "group_intro",
				    "task", "task_trend", "text", "subitems" }, 9 },
	[TIDY_KNOWLEDGE] = { "knowledge", { "sheet", "category", "category_title", "importance",
					    "position", "level", "level_rank", "text" }, 8 },
	[TIDY_CAREER] = { "career", { "sheet", "position", "kind", "text" }, 4 },
	[TIDY_LINEAGE] = { "lineage", { "previous_code", "previous_title", "sheet", "how" }, 4 },
};

/* The walk: the sink, and a buffer where prose is made one text. */
struct tidy {
	const struct tidy_sink *sink;
	struct buf scratch;
};

static void tidy_text(struct tidy *t, const char *s)
{
	t->sink->text(t->sink->ctx, s, s ? strlen(s) : 0);
}

static void tidy_str(struct tidy *t, const struct ast_str *s)
{
	t->sink->text(t->sink->ctx, s->text, s->len);
}

static void tidy_number(struct tidy *t, size_t n)
{
	t->sink->number(t->sink->ctx, n);
}

/* A keyword's value, or an empty cell for "none" (ast_*_name gives ""). */
static void tidy_word(struct tidy *t, const char *name)
{
	tidy_text(t, *name ? name : NULL);
}

static void tidy_end_row(struct tidy *t)
{
	t->sink->end_row(t->sink->ctx);
}

/* Items one a line. */
static void tidy_put_items(struct buf *b, const struct ast_str_list *items)
{
	for (const struct ast_str *s = items->first; s; s = s->next) {
		if (s != items->first)
			buf_putc(b, '\n');
		buf_put(b, s->text, s->len);
	}
}

/* Prose as one text: paragraphs and lists apart by a blank line; an empty
 * cell if there is none. */
static void tidy_prose(struct tidy *t, const struct ast_prose_list *prose)
{
	struct buf *b = &t->scratch;
	b->len = 0;
	for (const struct ast_prose *p = prose->first; p; p = p->next) {
		if (p != prose->first)
			buf_puts(b, "\n\n");
		if (p->kind == AST_LIST)
			tidy_put_items(b, &p->items);
		else
			buf_put(b, p->text.text, p->text.len);
	}
	t->sink->text(t->sink->ctx, b->len ? b->data : NULL, b->len);
}

static void tidy_items(struct tidy *t, const struct ast_str_list *items)
{
	struct buf *b = &t->scratch;
	b->len = 0;
	tidy_put_items(b, items);
	t->sink->text(t->sink->ctx, b->len ? b->data : NULL, b->len);
}

/* ---- the tables ---- */

static void tidy_sheets(struct tidy *t, const struct ast_root *root)
{
	for (size_t i = 0; i < root->n_sheets; i++) {
		const struct ast_sheet *s = root->sheets[i];
		tidy_str(t, &s->code);
		tidy_str(t, &s->title);
		tidy_str(t, &s->family_decl->number);
		tidy_str(t, &s->family_decl->title);
		tidy_word(t, ast_status_name(s->status));
		tidy_prose(t, &s->mission.prose);
		tidy_prose(t, &s->activities.intro);
		tidy_prose(t, &s->trends.prose);
		tidy_end_row(t);
	}
}

static void tidy_aliases(struct tidy *t, const struct ast_root *root)
{
	for (size_t i = 0; i < root->n_sheets; i++) {
		size_t n = 0;
		for (const struct ast_str *a = root->sheets[i]->aka.first; a; a = a->next) {
			tidy_str(t, &root->sheets[i]->code);
			tidy_number(t, ++n);
			tidy_str(t, a);
			tidy_end_row(t);
		}
	}
}

/* A row of tasks: the group's cells, then the task's (a group without a
 * task has one row, its task's cells empty). */
static void tidy_task(struct tidy *t, const struct ast_sheet *s, size_t group_no,
		      const struct ast_group *g, size_t task_no, const struct ast_task *task)
{
	tidy_str(t, &s->code);
	tidy_number(t, group_no);
	tidy_str(t, &g->title);
	tidy_word(t, ast_trend_name(g->trend));
	tidy_str(t, &g->intro);
	if (task) {
		tidy_number(t, task_no);
		tidy_word(t, ast_trend_name(task->trend));
		tidy_str(t, &task->text);
		tidy_items(t, &task->subitems);
	} else {
		for (int i = 0; i < 4; i++)
			tidy_text(t, NULL);
	}
	tidy_end_row(t);
}

static void tidy_tasks(struct tidy *t, const struct ast_root *root)
{
	for (size_t i = 0; i < root->n_sheets; i++) {
		const struct ast_sheet *s = root->sheets[i];
		size_t group_no = 0;
		for (const struct ast_group *g = s->activities.groups.first; g; g = g->next) {
			size_t task_no = 0;
			group_no++;
			if (!g->tasks.first)
				tidy_task(t, s, group_no, g, 0, NULL);
			for (const struct ast_task *task = g->tasks.first; task; task = task->next)
				tidy_task(t, s, group_no, g, ++task_no, task);
		}
	}
}

static void tidy_knowledge(struct tidy *t, const struct ast_root *root)
{
	for (size_t i = 0; i < root->n_sheets; i++) {
		const struct ast_sheet *s = root->sheets[i];
		for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
			size_t n = 0;
			for (const struct ast_item *it = k->items.first; it; it = it->next) {
				tidy_str(t, &s->code);
				tidy_str(t, &k->category);
				tidy_str(t, &k->category_decl->title);
				tidy_text(t, ast_importance_name(k->importance));
				tidy_number(t, ++n);
				tidy_str(t, &it->level);
				if (it->level_decl)
					tidy_number(t, it->level_decl->index);
				else
					tidy_text(t, NULL);
				tidy_str(t, &it->text);
				tidy_end_row(t);
			}
		}
	}
}

static void tidy_career(struct tidy *t, const struct ast_root *root)
{
	for (size_t i = 0; i < root->n_sheets; i++) {
		const struct ast_sheet *s = root->sheets[i];
		size_t n = 0;
		for (const struct ast_prose *e = s->career.prose.first; e; e = e->next) {
			tidy_str(t, &s->code);
			tidy_number(t, ++n);
			tidy_text(t, ast_prose_kind_name(e->kind));
			if (e->kind == AST_LIST)
				tidy_items(t, &e->items);
			else
				tidy_str(t, &e->text);
			tidy_end_row(t);
		}
	}
}

static void tidy_lineage_row(struct tidy *t, const struct ast_lineage *l,
			     const struct ast_sheet *s, const char *how)
{
	tidy_text(t, l->code);
	tidy_text(t, l->title);
	tidy_str(t, &s->code);
	tidy_text(t, how);
	tidy_end_row(t);
}

static void tidy_lineage(struct tidy *t, const struct ast_root *root)
{
	for (size_t i = 0; i < root->n_lineage; i++) {
		const struct ast_lineage *l = &root->lineage[i];
		for (size_t j = 0; j < l->n_sheets; j++)
			tidy_lineage_row(t, l, l->sheets[j], "replaced");
		if (l->retired)
			tidy_lineage_row(t, l, l->retired->see_sheet, "retired");
	}
}

int tidy_walk(const struct ast_root *root, const struct tidy_sink *sink)
{
	static void (*const tables[TIDY_COUNT])(struct tidy *, const struct ast_root *) = {
		[TIDY_SHEETS] = tidy_sheets, [TIDY_ALIASES] = tidy_aliases,
		[TIDY_TASKS] = tidy_tasks, [TIDY_KNOWLEDGE] = tidy_knowledge,
		[TIDY_CAREER] = tidy_career, [TIDY_LINEAGE] = tidy_lineage,
	};
	struct tidy t = { .sink = sink };
	buf_init(&t.scratch);
	int rc = 0;
	for (int i = 0; i < TIDY_COUNT && rc == 0; i++) {
		if (sink->begin(sink->ctx, (enum tidy_table)i) != 0)
			rc = -1;
		else
			tables[i](&t, root);
		if (rc == 0 && sink->end(sink->ctx, (enum tidy_table)i) != 0)
			rc = -1;
	}
	if (t.scratch.failed)
		rc = -1;
	buf_free(&t.scratch);
	return rc;
}
