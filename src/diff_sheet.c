/*
 * diff_sheet.c - one sheet and what it became (see diff.h): its fields,
 * then the items of each section paired by their text (diff_match.h),
 * each pair that differs, each item left over, as change records.
 *
 * Within a section the records come in the order of the new edition
 * (added and changed items), then those the new edition lacks, in the
 * order of the old one.
 */
#include <string.h>

#include "diff.h"
#include "diff_match.h"

/* The sheet being compared. */
struct diff_ctx {
	struct diff *d;
	struct arena *scratch;          /* what is needed while the sheet is
					 * compared only: freed after it (the
					 * records and their strings are d's) */
	const char *code, *title;
	/* places of knowledge items, "category importance", one string per
	 * place so that the same place is the same pointer on both sides */
	const char **places;
	size_t n_places, cap_places;
};

/* An item of a section: what pairs it, what a record shows of it. */
struct diff_item {
	struct diff_entry e;
	enum diff_subject subject;
	struct diff_side side;
};

struct diff_items {
	struct diff_item *v;
	size_t n, cap;
};

static void diff_put(struct diff_ctx *c, struct diff_items *list, const struct diff_item *it)
{
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		struct diff_item *v = arena_alloc(c->scratch, cap * sizeof *v);
		if (!v) {
			c->d->failed = true;
			return;
		}
		if (list->n)
			memcpy(v, list->v, list->n * sizeof *v);
		list->v = v;
		list->cap = cap;
	}
	list->v[list->n++] = *it;
}

static void diff_record(struct diff_ctx *c, enum diff_subject subject, enum diff_kind kind,
			unsigned aspects, const struct diff_side *old, const struct diff_side *new)
{
	diff_add(c->d, c->code, c->title, subject, kind, aspects, old, new);
}

/*
 * Pairs the items of a section and writes the records: added and changed
 * in the new order, then removed in the old. Returns where each item of a
 * went in b (an index, or -1), or NULL if memory ran out.
 */
static const long *diff_section(struct diff_ctx *c, const struct diff_items *a,
				const struct diff_items *b)
{
	long *to_b = arena_alloc(c->scratch, (a->n + 1) * sizeof *to_b);
	long *to_a = arena_alloc(c->scratch, (b->n + 1) * sizeof *to_a);
	struct diff_entry *ea = arena_alloc(c->scratch, (a->n + 1) * sizeof *ea);
	struct diff_entry *eb = arena_alloc(c->scratch, (b->n + 1) * sizeof *eb);
	if (!to_b || !to_a || !ea || !eb) {
		c->d->failed = true;
		return NULL;
	}
	for (size_t i = 0; i < a->n; i++)
		ea[i] = a->v[i].e;
	for (size_t j = 0; j < b->n; j++)
		eb[j] = b->v[j].e;
	if (diff_match(ea, a->n, eb, b->n, to_b, to_a) != 0) {
		c->d->failed = true;
		return NULL;
	}
	for (size_t j = 0; j < b->n; j++) {
		const struct diff_item *n = &b->v[j];
		if (to_a[j] < 0) {
			diff_record(c, n->subject, DIFF_ADDED, 0, NULL, &n->side);
			continue;
		}
		const struct diff_item *o = &a->v[to_a[j]];
		unsigned aspects = (strcmp(o->side.text, n->side.text) ? DIFF_TEXT : 0) |
				   (o->e.place != n->e.place ? DIFF_PLACE : 0) |
				   (diff_differ(o->side.mark, n->side.mark) ? DIFF_MARK : 0);
		if (aspects)
			diff_record(c, n->subject, DIFF_CHANGED, aspects, &o->side, &n->side);
	}
	for (size_t i = 0; i < a->n; i++)
		if (to_b[i] < 0)
			diff_record(c, a->v[i].subject, DIFF_REMOVED, 0, &a->v[i].side, NULL);
	return to_b;
}

/* ---- the items of each section ------------------------------------------ */

static const char *diff_trend_mark(enum ast_trend t)
{
	static const char *const marks[] = { NULL, "+", "=", "-" };
	return marks[t];
}

/* Kinds of entries, that only pair among themselves. */
enum { DIFF_K_TEXT, DIFF_K_BULLET, DIFF_K_EDUCATION, DIFF_K_EXPERIENCE };

/* The paragraphs and bullets of a prose section (the career's lines too). */
static void diff_prose_items(struct diff_ctx *c, struct diff_items *out,
			     const struct ast_prose_list *prose, const char *section)
{
	for (const struct ast_prose *p = prose->first; p; p = p->next) {
		if (p->kind == AST_LIST) {
			for (const struct ast_str *s = p->items.first; s; s = s->next)
				diff_put(c, out, &(struct diff_item){ { s->text, DIFF_K_BULLET, NULL },
					DIFF_PROSE, { NULL, s->text, section, "list" } });
			continue;
		}
		bool line = p->kind == AST_CAREER_EDUCATION || p->kind == AST_CAREER_EXPERIENCE;
		const char *place = p->kind == AST_CAREER_EDUCATION ? "education"
				  : p->kind == AST_CAREER_EXPERIENCE ? "experience" : section;
		int kind = p->kind == AST_CAREER_EDUCATION ? DIFF_K_EDUCATION
			 : p->kind == AST_CAREER_EXPERIENCE ? DIFF_K_EXPERIENCE : DIFF_K_TEXT;
		diff_put(c, out, &(struct diff_item){ { p->text.text, kind, NULL },
			line ? DIFF_CAREER : DIFF_PROSE, { NULL, p->text.text, place, NULL } });
	}
}

static void diff_prose(struct diff_ctx *c, const struct ast_prose_list *a,
		       const struct ast_prose_list *b, const char *section)
{
	struct diff_items ia = { 0 }, ib = { 0 };
	diff_prose_items(c, &ia, a, section);
	diff_prose_items(c, &ib, b, section);
	diff_section(c, &ia, &ib);
}

/* One string per knowledge place ("technological essential"), so that a
 * place is the same pointer on both sides. */
static const char *diff_place(struct diff_ctx *c, const struct ast_knowledge *k)
{
	const char *imp = ast_importance_name(k->importance);
	for (size_t i = 0; i < c->n_places; i++) {
		const char *p = c->places[i];
		size_t n = k->category.len;
		if (strncmp(p, k->category.text, n) == 0 && p[n] == ' ' && strcmp(p + n + 1, imp) == 0)
			return p;
	}
	char *s = arena_alloc(c->d->arena, k->category.len + strlen(imp) + 2);
	if (c->n_places == c->cap_places) {
		size_t cap = c->cap_places ? c->cap_places * 2 : 8;
		const char **v = arena_alloc(c->scratch, cap * sizeof *v);
		if (v && c->n_places)
			memcpy(v, c->places, c->n_places * sizeof *v);
		c->places = v;
		c->cap_places = v ? cap : 0;
	}
	if (!s || !c->places) {
		c->d->failed = true;
		c->n_places = 0;
		return "";
	}
	strcpy(s, k->category.text);
	strcat(s, " ");
	strcat(s, imp);
	return c->places[c->n_places++] = s;
}

static void diff_knowledge(struct diff_ctx *c, const struct ast_sheet *a, const struct ast_sheet *b)
{
	struct diff_items ia = { 0 }, ib = { 0 };
	for (int side = 0; side < 2; side++) {
		const struct ast_sheet *s = side ? b : a;
		for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
			const char *place = diff_place(c, k);
			for (const struct ast_item *it = k->items.first; it; it = it->next)
				diff_put(c, side ? &ib : &ia, &(struct diff_item){
					{ it->text.text, DIFF_K_TEXT, place }, DIFF_ITEM,
					{ NULL, it->text.text, place, it->level.text } });
		}
	}
	diff_section(c, &ia, &ib);
}

/* The intros of the groups: of each pair, of each group added, of each
 * group removed. */
static void diff_intros(struct diff_ctx *c, const struct ast_group *const *ga, size_t na,
			const struct ast_group *const *gb, size_t nb, const long *to_b,
			const long *to_a)
{
	for (size_t j = 0; j < nb; j++) {
		const struct ast_group *o = to_a[j] >= 0 ? ga[to_a[j]] : NULL, *n = gb[j];
		struct diff_side so = { NULL, o ? o->intro.text : NULL, n->title.text, NULL };
		struct diff_side sn = { NULL, n->intro.text, n->title.text, NULL };
		if (diff_differ(so.text, sn.text))
			diff_record(c, DIFF_INTRO, !so.text ? DIFF_ADDED : !sn.text ? DIFF_REMOVED
				    : DIFF_CHANGED, so.text && sn.text ? DIFF_TEXT : 0, &so, &sn);
	}
	for (size_t i = 0; i < na; i++) {
		struct diff_side so = { NULL, ga[i]->intro.text, ga[i]->title.text, NULL };
		if (to_b[i] < 0 && so.text)
			diff_record(c, DIFF_INTRO, DIFF_REMOVED, 0, &so, NULL);
	}
}

/* The groups of one side, in an array; NULL if memory ran out. */
static const struct ast_group **diff_groups_of(struct diff_ctx *c, const struct ast_activities *a)
{
	const struct ast_group **v = arena_alloc(c->scratch, (a->groups.count + 1) * sizeof *v);
	size_t n = 0;
	for (const struct ast_group *g = a->groups.first; v && g; g = g->next)
		v[n++] = g;
	if (!v)
		c->d->failed = true;
	return v;
}

/* The sub-items of a pair of tasks. */
static void diff_subitems(struct diff_ctx *c, const struct ast_task *a, const struct ast_task *b)
{
	struct diff_items ia = { 0 }, ib = { 0 };
	for (int side = 0; side < 2; side++)
		for (const struct ast_str *s = (side ? b : a)->subitems.first; s; s = s->next)
			diff_put(c, side ? &ib : &ia, &(struct diff_item){
				{ s->text, DIFF_K_TEXT, NULL }, DIFF_SUBITEM,
				{ NULL, s->text, (side ? b : a)->text.text, NULL } });
	diff_section(c, &ia, &ib);
}

/*
 * The tasks of all groups, a task moved when its group's counterpart is
 * not its group (the place of an old task is the new group its group
 * became); then the sub-items of each pair of tasks.
 */
static void diff_tasks(struct diff_ctx *c, const struct ast_group *const *ga, size_t na,
		       const struct ast_group *const *gb, size_t nb, const long *group_to_b)
{
	struct diff_items ta = { 0 }, tb = { 0 };
	for (size_t i = 0; i < na; i++) {
		const void *place = group_to_b[i] >= 0 ? (const void *)gb[group_to_b[i]] : ga[i];
		for (const struct ast_task *t = ga[i]->tasks.first; t; t = t->next)
			diff_put(c, &ta, &(struct diff_item){ { t->text.text, DIFF_K_TEXT, place },
				DIFF_TASK, { NULL, t->text.text, ga[i]->title.text,
					     diff_trend_mark(t->trend) } });
	}
	for (size_t j = 0; j < nb; j++)
		for (const struct ast_task *t = gb[j]->tasks.first; t; t = t->next)
			diff_put(c, &tb, &(struct diff_item){ { t->text.text, DIFF_K_TEXT, gb[j] },
				DIFF_TASK, { NULL, t->text.text, gb[j]->title.text,
					     diff_trend_mark(t->trend) } });
	const long *to_b = diff_section(c, &ta, &tb);
	const struct ast_task **tasks_b = arena_alloc(c->scratch, (tb.n + 1) * sizeof *tasks_b);
	if (!to_b || !tasks_b) {
		c->d->failed = true;
		return;
	}
	size_t k = 0;
	for (size_t j = 0; j < nb; j++)
		for (const struct ast_task *t = gb[j]->tasks.first; t; t = t->next)
			tasks_b[k++] = t;
	k = 0;
	for (size_t i = 0; i < na; i++)
		for (const struct ast_task *t = ga[i]->tasks.first; t; t = t->next, k++)
			if (to_b[k] >= 0)
				diff_subitems(c, t, tasks_b[to_b[k]]);
}

/* The activities: their paragraphs, the groups (renamed, re-marked,
 * added, removed), the groups' intros, the tasks. */
static void diff_activities(struct diff_ctx *c, const struct ast_activities *a,
			    const struct ast_activities *b)
{
	diff_prose(c, &a->intro, &b->intro, "activities");
	struct diff_items ia = { 0 }, ib = { 0 };
	for (int side = 0; side < 2; side++)
		for (const struct ast_group *g = (side ? b : a)->groups.first; g; g = g->next)
			diff_put(c, side ? &ib : &ia, &(struct diff_item){
				{ g->title.text, DIFF_K_TEXT, NULL }, DIFF_GROUP,
				{ NULL, g->title.text, NULL, diff_trend_mark(g->trend) } });
	const long *to_b = diff_section(c, &ia, &ib);
	const struct ast_group **ga = diff_groups_of(c, a), **gb = diff_groups_of(c, b);
	long *to_a = arena_alloc(c->scratch, (ib.n + 1) * sizeof *to_a);
	if (!to_b || !ga || !gb || !to_a) {
		c->d->failed = true;
		return;
	}
	for (size_t j = 0; j < ib.n; j++)
		to_a[j] = -1;
	for (size_t i = 0; i < ia.n; i++)
		if (to_b[i] >= 0)
			to_a[to_b[i]] = (long)i;
	diff_intros(c, ga, ia.n, gb, ib.n, to_b, to_a);
	diff_tasks(c, ga, ia.n, gb, ib.n, to_b);
}

/* ---- one sheet ---------------------------------------------------------- */

/* family or status: a value of the sheet. */
static void diff_field(struct diff_ctx *c, const char *name, const char *a, const char *b)
{
	if (!diff_differ(a, b))
		return;
	struct diff_side so = { NULL, NULL, name, a }, sn = { NULL, NULL, name, b };
	diff_record(c, DIFF_FIELD, !a ? DIFF_ADDED : !b ? DIFF_REMOVED : DIFF_CHANGED,
		    a && b ? DIFF_MARK : 0, &so, &sn);
}

static void diff_lists(struct diff_ctx *c, const struct ast_sheet *a, const struct ast_sheet *b)
{
	struct diff_items ia = { 0 }, ib = { 0 };
	for (int side = 0; side < 2; side++)
		for (const struct ast_str *s = (side ? b : a)->aka.first; s; s = s->next)
			diff_put(c, side ? &ib : &ia, &(struct diff_item){
				{ s->text, DIFF_K_TEXT, NULL }, DIFF_AKA, { NULL, s->text, NULL, NULL } });
	diff_section(c, &ia, &ib);
	for (const struct ast_replace *r = b->replaces.first; r; r = r->next) {
		const struct ast_replace *o = a->replaces.first;
		while (o && strcmp(o->code.text, r->code.text) != 0)
			o = o->next;
		struct diff_side sn = { r->code.text, r->title.text, NULL, NULL };
		if (!o)
			diff_record(c, DIFF_REPLACES, DIFF_ADDED, 0, NULL, &sn);
		else if (strcmp(o->title.text, r->title.text) != 0)
			diff_record(c, DIFF_REPLACES, DIFF_CHANGED, DIFF_TEXT,
				    &(struct diff_side){ o->code.text, o->title.text, NULL, NULL }, &sn);
	}
	for (const struct ast_replace *o = a->replaces.first; o; o = o->next) {
		const struct ast_replace *r = b->replaces.first;
		while (r && strcmp(o->code.text, r->code.text) != 0)
			r = r->next;
		if (!r)
			diff_record(c, DIFF_REPLACES, DIFF_REMOVED, 0,
				    &(struct diff_side){ o->code.text, o->title.text, NULL, NULL }, NULL);
	}
}

/* "replaces 23, 24" (an added sheet), "replaced by 3.3a, 3.3b" or
 * "retired, see 3.5a" (a removed one), in the arena; NULL if none. */
static const char *diff_lineage_of(struct diff *d, const struct ast_sheet *a,
				   const struct ast_sheet *b)
{
	struct buf line;
	buf_init(&line);
	if (b) {
		for (const struct ast_replace *r = b->replaces.first; r; r = r->next)
			buf_printf(&line, "%s%s", r == b->replaces.first ? "replaces " : ", ",
				   r->code.text);
	}
	for (size_t i = 0; a && i < d->new_root->n_lineage; i++) {
		const struct ast_lineage *l = &d->new_root->lineage[i];
		if (strcmp(l->code, a->code.text) != 0)
			continue;
		for (size_t k = 0; k < l->n_sheets; k++)
			buf_printf(&line, "%s%s", k ? ", " : "replaced by ", l->sheets[k]->code.text);
		if (l->retired)
			buf_printf(&line, "%sretired, see %s", l->n_sheets ? "; " : "",
				   l->retired->see.text);
	}
	const char *s = line.len ? arena_strndup(d->arena, line.data, line.len) : NULL;
	if (line.failed || (line.len && !s))
		d->failed = true;
	buf_free(&line);
	return s;
}

void diff_sheet(struct diff *d, const struct ast_sheet *a, const struct ast_sheet *b)
{
	const struct ast_sheet *s = b ? b : a;
	struct diff_ctx c = { d, NULL, s->code.text, s->title.text, NULL, 0, 0 };
	struct diff_side sa = { a ? a->code.text : NULL, a ? a->title.text : NULL, NULL, NULL };
	struct diff_side sb = { b ? b->code.text : NULL, b ? b->title.text : NULL, NULL, NULL };
	if (!a || !b) {
		(a ? &sa : &sb)->place = diff_lineage_of(d, a, b);
		diff_record(&c, DIFF_SHEET, a ? DIFF_REMOVED : DIFF_ADDED, 0, &sa, &sb);
		return;
	}
	unsigned aspects = (strcmp(sa.key, sb.key) ? DIFF_KEY : 0) |
			   (strcmp(sa.text, sb.text) ? DIFF_TEXT : 0);
	if (aspects)
		diff_record(&c, DIFF_SHEET, DIFF_CHANGED, aspects, &sa, &sb);
	if (!(c.scratch = arena_new())) {
		d->failed = true;
		return;
	}
	diff_lists(&c, a, b);
	diff_field(&c, "status", a->status ? ast_status_name(a->status) : NULL,
		   b->status ? ast_status_name(b->status) : NULL);
	diff_field(&c, "family", a->family.text, b->family.text);
	diff_prose(&c, &a->mission.prose, &b->mission.prose, "mission");
	diff_activities(&c, &a->activities, &b->activities);
	diff_knowledge(&c, a, b);
	diff_prose(&c, &a->career.prose, &b->career.prose, "career");
	diff_prose(&c, &a->trends.prose, &b->trends.prose, "trends");
	arena_free(c.scratch);
}
