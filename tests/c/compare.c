/*
 * compare.c - one generated catalogue against the AST it was made from,
 * field by field and in order: the catalogue, the scale, the categories,
 * the families and their sheets, every sheet with all its parts, the
 * lineage; then the lookup by code and the code order against the front
 * end's own (ast_code_compare).
 *
 * Compiled once per catalogue: -DCAT_NAME=jobc -DCAT_MACRO=JOBC includes
 * jobc.h and defines check_jobc (see check.h).
 */
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "check.h"

#define PASTE_(a, b, c) a##b##c
#define PASTE(a, b, c) PASTE_(a, b, c)
#define QUOTE_(x) #x
#define QUOTE(x) QUOTE_(x)

/* A generated name: S(sheets) is jobc_sheets, n_sheets JOBC_N_SHEETS. */
#define S(x) PASTE(CAT_NAME, _, x)
#define M(x) PASTE(CAT_MACRO, _, x)

#include QUOTE(CAT_NAME.h)

#define CHECK_FN PASTE(check, _, CAT_NAME)

/*
 * The row counts, as variables: compared with a macro that is 0 (a table
 * of the catalogue of bytes is empty), `row >= 0` would be a warning.
 */
static const size_t n_texts = M(N_TEXTS);
static const size_t n_sheet_refs = M(N_SHEET_REFS);
static const size_t n_blocks = M(N_BLOCKS);
static const size_t n_replaces = M(N_REPLACES);
static const size_t n_tasks = M(N_TASKS);
static const size_t n_groups = M(N_GROUPS);
static const size_t n_levels = M(N_LEVELS);
static const size_t n_knowledge = M(N_KNOWLEDGE);
static const size_t n_items = M(N_ITEMS);
static const size_t n_categories = M(N_CATEGORIES);
static const size_t n_families = M(N_FAMILIES);
static const size_t n_sheets = M(N_SHEETS);
static const size_t n_lineage = M(N_LINEAGE);

/* Longest "where" of a message: "sheet 3.5a group 12 task 4 sub-item 3". */
#define WHERE 256

/* w = where, what and (unless 0) n: the place a message names. */
static void sub(char *w, const char *where, const char *what, size_t n)
{
	int len = n ? snprintf(w, WHERE, "%s %s %zu", where, what, n)
		    : snprintf(w, WHERE, "%s %s", where, what);

	if (len >= WHERE)
		w[WHERE - 2] = '~';     /* cut: good enough for a message */
}

static void same_text(const char *where, S(text) t, const char *s, size_t len)
{
	if (!check_same_text(S(str)(t), s, len))
		check_fail("%s: text differs: \"%.60s\"", where, S(str)(t));
}

static void same_str(const char *where, S(text) t, const struct ast_str *s)
{
	same_text(where, t, s->text, s->len);
}

static void same_name(const char *where, const char *what, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		check_fail("%s: %s is '%s', expected '%s'", where, what, got, want);
}

/* True if the slice [first, first + n) of a table of `rows` rows is in
 * bounds and has the expected length. */
static int slice_ok(const char *where, const char *table, S(index) first, S(index) n,
		    size_t expected, size_t rows)
{
	if (n != expected) {
		check_fail("%s: %u %s, expected %zu", where, (unsigned)n, table, expected);
		return 0;
	}
	if (first > rows || n > rows - first) {
		check_fail("%s: %s [%u, +%u) out of a table of %zu", where, table,
			   (unsigned)first, (unsigned)n, rows);
		return 0;
	}
	return 1;
}

/* A slice of texts against a list of strings. */
static void same_texts(const char *where, S(index) first, S(index) n,
		       const struct ast_str_list *list)
{
	char w[WHERE];
	size_t i = 0;

	if (!slice_ok(where, "texts", first, n, list->count, n_texts))
		return;
	for (const struct ast_str *s = list->first; s; s = s->next, i++) {
		sub(w, where, "text", i + 1);
		same_str(w, S(texts)[first + i], s);
	}
}

/* A slice of sheet_refs against sheets of the AST, by code. */
static void same_sheet_refs(const char *where, S(index) first, S(index) n,
			    const struct ast_sheet *const *sheets, size_t count)
{
	char w[WHERE];

	if (!slice_ok(where, "sheet refs", first, n, count, n_sheet_refs))
		return;
	for (size_t i = 0; i < count; i++) {
		S(index) ref = S(sheet_refs)[first + i];

		sub(w, where, "sheet", i + 1);
		if (ref >= n_sheets)
			check_fail("%s: row %u is no sheet", w, (unsigned)ref);
		else
			same_str(w, S(sheets)[ref].code, &sheets[i]->code);
	}
}

static void same_block(const char *where, const struct S(block) *b, enum S(block_kind) kind,
		       const struct ast_str *text, const struct ast_str_list *items)
{
	char w[WHERE];

	if (b->kind != kind)
		check_fail("%s: kind %d, expected %d", where, (int)b->kind, (int)kind);
	same_str(where, b->text, text);
	sub(w, where, "list", 0);
	same_texts(w, b->items, b->n_items, items);
}

static void same_prose(const char *where, S(index) first, S(index) n,
		       const struct ast_prose_list *prose)
{
	char w[WHERE];
	size_t i = 0;

	if (!slice_ok(where, "blocks", first, n, prose->count, n_blocks))
		return;
	for (const struct ast_prose *p = prose->first; p; p = p->next, i++) {
		sub(w, where, "block", i + 1);
		same_block(w, &S(blocks)[first + i], p->kind == AST_LIST ? M(LIST) : M(PARAGRAPH),
			   &p->text, &p->items);
	}
}

static void same_career(const char *where, const struct S(sheet) *c, const struct ast_section *career)
{
	static const enum S(block_kind) kinds[] = {
		[AST_CAREER_EDUCATION] = M(EDUCATION),
		[AST_CAREER_EXPERIENCE] = M(EXPERIENCE),
		[AST_PARAGRAPH] = M(PARAGRAPH),
		[AST_LIST] = M(LIST),
	};
	char w[WHERE];
	size_t i = 0;

	if (!slice_ok(where, "career blocks", c->career, c->n_career, career->prose.count, n_blocks))
		return;
	for (const struct ast_prose *e = career->prose.first; e; e = e->next, i++) {
		sub(w, where, "career", i + 1);
		same_block(w, &S(blocks)[c->career + i], kinds[e->kind], &e->text, &e->items);
	}
}

static void same_replaces(const char *where, const struct S(sheet) *c, const struct ast_sheet *s)
{
	char w[WHERE];
	size_t i = 0;

	if (!slice_ok(where, "replaces", c->replaces, c->n_replaces, s->replaces.count, n_replaces))
		return;
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next, i++) {
		const struct S(replace) *cr = &S(replaces)[c->replaces + i];

		sub(w, where, "replaces", i + 1);
		same_str(w, cr->code, &r->code);
		same_str(w, cr->title, &r->title);
	}
}

static void same_trend(const char *where, enum S(trend) t, enum ast_trend want)
{
	same_name(where, "trend", S(trend_name)(t), ast_trend_name(want));
}

static void same_group(const char *where, const struct S(group) *cg, const struct ast_group *g)
{
	char w[WHERE];
	size_t i = 0;

	same_trend(where, cg->trend, g->trend);
	same_str(where, cg->title, &g->title);
	sub(w, where, "intro", 0);
	same_str(w, cg->intro, &g->intro);
	if (!slice_ok(where, "tasks", cg->tasks, cg->n_tasks, g->tasks.count, n_tasks))
		return;
	for (const struct ast_task *t = g->tasks.first; t; t = t->next, i++) {
		const struct S(task) *ct = &S(tasks)[cg->tasks + i];

		sub(w, where, "task", i + 1);
		same_trend(w, ct->trend, t->trend);
		same_str(w, ct->text, &t->text);
		same_texts(w, ct->subitems, ct->n_subitems, &t->subitems);
	}
}

static void same_groups(const char *where, const struct S(sheet) *c, const struct ast_activities *a)
{
	char w[WHERE];
	size_t i = 0;

	if (!slice_ok(where, "groups", c->groups, c->n_groups, a->groups.count, n_groups))
		return;
	for (const struct ast_group *g = a->groups.first; g; g = g->next, i++) {
		sub(w, where, "group", i + 1);
		same_group(w, &S(groups)[c->groups + i], g);
	}
}

static void same_item(const char *where, const struct S(item) *ci, const struct ast_item *it)
{
	same_str(where, ci->text, &it->text);
	if (!it->level_decl) {
		if (ci->level != M(NONE))
			check_fail("%s: level %u, expected none", where, (unsigned)ci->level);
	} else if (ci->level != (S(index))it->level_decl->index || ci->level >= n_levels)
		check_fail("%s: level %u, expected %zu", where, (unsigned)ci->level,
			   it->level_decl->index);
	else
		same_str(where, S(levels)[ci->level].name, &it->level_decl->name);
}

static void same_knowledge(const char *where, const struct S(sheet) *c, const struct ast_sheet *s)
{
	char w[WHERE];
	size_t i = 0;

	if (!slice_ok(where, "knowledge", c->knowledge, c->n_knowledge, s->knowledge.count,
		      n_knowledge))
		return;
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next, i++) {
		const struct S(knowledge_block) *ck = &S(knowledge)[c->knowledge + i];
		size_t j = 0;

		sub(w, where, "knowledge", i + 1);
		if (ck->category >= n_categories)
			check_fail("%s: category %u out of range", w, (unsigned)ck->category);
		else
			same_str(w, S(categories)[ck->category].name, &k->category_decl->name);
		same_name(w, "importance", S(importance_name)(ck->importance),
			  ast_importance_name(k->importance));
		if (!slice_ok(w, "items", ck->items, ck->n_items, k->items.count, n_items))
			continue;
		for (const struct ast_item *it = k->items.first; it; it = it->next, j++) {
			char wi[WHERE];

			sub(wi, w, "item", j + 1);
			same_item(wi, &S(items)[ck->items + j], it);
		}
	}
}

static void same_sheet(const struct S(sheet) *c, const struct ast_sheet *s)
{
	char w[WHERE], ws[WHERE];

	snprintf(w, sizeof w, "sheet %s", s->code.text);
	same_str(w, c->code, &s->code);
	same_str(w, c->title, &s->title);
	if (c->family >= n_families)
		check_fail("%s: family %u out of range", w, (unsigned)c->family);
	else
		same_str(w, S(families)[c->family].number, &s->family_decl->number);
	same_name(w, "status", S(status_name)(c->status), ast_status_name(s->status));
	same_replaces(w, c, s);
	sub(ws, w, "aka", 0);
	same_texts(ws, c->aka, c->n_aka, &s->aka);
	sub(ws, w, "mission", 0);
	same_prose(ws, c->mission, c->n_mission, &s->mission.prose);
	sub(ws, w, "activities intro", 0);
	same_prose(ws, c->intro, c->n_intro, &s->activities.intro);
	same_groups(w, c, &s->activities);
	same_knowledge(w, c, s);
	same_career(w, c, &s->career);
	sub(ws, w, "trends", 0);
	same_prose(ws, c->trends, c->n_trends, &s->trends.prose);
}

static void same_count(const char *table, size_t got, size_t want)
{
	if (got != want)
		check_fail("%zu %s, expected %zu", got, table, want);
}

static void same_declarations(const struct ast_root *root)
{
	static const struct ast_catalogue_info none;   /* no catalogue: all texts "" */
	const struct ast_catalogue_info *cat = root->catalogue ? root->catalogue : &none;
	size_t i = 0;
	char w[WHERE];

	same_str("catalogue title", S(catalogue).title, &cat->title);
	same_str("catalogue publisher", S(catalogue).publisher, &cat->publisher);
	same_str("catalogue edition", S(catalogue).edition, &cat->edition);
	same_str("catalogue previous", S(catalogue).previous, &cat->previous);
	same_count("levels", n_levels, root->scale ? root->scale->levels.count : 0);
	if (root->scale && n_levels == root->scale->levels.count)
		for (const struct ast_level *l = root->scale->levels.first; l; l = l->next, i++) {
			snprintf(w, sizeof w, "level %zu", i + 1);
			same_str(w, S(levels)[i].name, &l->name);
			same_str(w, S(levels)[i].description, &l->description);
		}
	same_count("categories", n_categories, root->n_categories);
	i = 0;
	if (n_categories == root->n_categories)
		for (const struct ast_category *k = root->parsed.categories.first; k; k = k->next, i++) {
			snprintf(w, sizeof w, "category %zu", i + 1);
			same_str(w, S(categories)[i].name, &k->name);
			same_str(w, S(categories)[i].title, &k->title);
			if (S(categories)[i].levelled != k->levelled)
				check_fail("%s: levelled differs", w);
		}
	same_count("families", n_families, root->n_families);
	if (n_families == root->n_families)
		for (i = 0; i < root->n_families; i++) {
			const struct ast_family *f = root->families[i];

			snprintf(w, sizeof w, "family %s", f->number.text);
			same_str(w, S(families)[i].number, &f->number);
			same_str(w, S(families)[i].title, &f->title);
			same_sheet_refs(w, S(families)[i].sheets, S(families)[i].n_sheets,
					f->sheets, f->n_sheets);
		}
}

static void same_lineage(const struct ast_root *root)
{
	char w[WHERE];

	same_count("lineage entries", n_lineage, root->n_lineage);
	if (n_lineage != root->n_lineage)
		return;
	for (size_t i = 0; i < root->n_lineage; i++) {
		const struct ast_lineage *l = &root->lineage[i];
		const struct S(lineage_entry) *c = &S(lineage)[i];
		const struct ast_sheet *see = l->retired ? l->retired->see_sheet : NULL;

		snprintf(w, sizeof w, "lineage %s", l->code);
		same_text(w, c->code, l->code, strlen(l->code));
		same_text(w, c->title, l->title, strlen(l->title));
		same_sheet_refs(w, c->sheets, c->n_sheets, l->sheets, l->n_sheets);
		if (!see && c->see != M(NONE))
			check_fail("%s: see %u, expected none", w, (unsigned)c->see);
		else if (see && c->see >= n_sheets)
			check_fail("%s: see %u out of range", w, (unsigned)c->see);
		else if (see)
			same_str(w, S(sheets)[c->see].code, &see->code);
	}
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/*
 * The lookup finds every sheet, and finds nothing, or the right sheet, for
 * codes near them; the generated comparison orders every pair of these
 * codes as the front end does.
 */
static void same_lookup(const struct ast_root *root)
{
	static const char *const odd[] = {
		"", "0", "00", "1", "01.1", "1.01", "1.1", "1.10", "1.1a", "1.a", "10",
		"9", "3.5", "3.5a", "3.5b", "3.05a", "a", ".", "1.", "..", "99999999999999999999.1",
		"\xc3\xa9", "1.2\xc3\xa9", "~",
	};
	enum { N_ODD = sizeof odd / sizeof odd[0], MAX_CODE = 64 };
	static char probes[4096][MAX_CODE];
	size_t n = 0;

	for (size_t i = 0; i < N_ODD; i++)
		snprintf(probes[n++], MAX_CODE, "%s", odd[i]);
	for (size_t i = 0; i < root->n_sheets && n + 4 <= sizeof probes / sizeof probes[0]; i++) {
		const char *code = root->sheets[i]->code.text;

		snprintf(probes[n++], MAX_CODE, "%s", code);
		snprintf(probes[n++], MAX_CODE, "%sa", code);
		snprintf(probes[n++], MAX_CODE, "%s0", code);
		snprintf(probes[n++], MAX_CODE, "0%s", code);
	}
	for (size_t i = 0; i < n; i++) {
		const struct S(sheet) *found = S(find_sheet)(probes[i]);
		const struct S(sheet) *want = NULL;

		for (size_t j = 0; j < root->n_sheets; j++)
			if (ast_code_compare(probes[i], root->sheets[j]->code.text) == 0)
				want = &S(sheets)[j];
		if (found != want)
			check_fail("find_sheet(\"%s\") gives row %td, expected %td", probes[i],
				   found ? found - S(sheets) : -1, want ? want - S(sheets) : -1);
		for (size_t j = 0; j < n; j++)
			if (sign(S(code_compare)(probes[i], probes[j]))
			    != sign(ast_code_compare(probes[i], probes[j])))
				check_fail("code_compare(\"%s\", \"%s\") differs from the front end's",
					   probes[i], probes[j]);
	}
}

/* The enums count the same values in the same order as the AST's. */
static void same_enums(void)
{
	for (int v = AST_TREND_NONE; v <= AST_TREND_DECLINING; v++)
		same_name("enum trend", "name", S(trend_name)((enum S(trend))v),
			  ast_trend_name((enum ast_trend)v));
	for (int v = AST_STATUS_NONE; v <= AST_STATUS_REVISED; v++)
		same_name("enum status", "name", S(status_name)((enum S(status))v),
			  ast_status_name((enum ast_status)v));
	for (int v = AST_ESSENTIAL; v <= AST_USEFUL; v++)
		same_name("enum importance", "name", S(importance_name)((enum S(importance))v),
			  ast_importance_name((enum ast_importance)v));
}

/* Texts of a table are equal exactly when their offsets are (the pool
 * shares equal texts, and docs/C.md promises it). */
static void same_sharing(const char *table, const S(text) *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if ((strcmp(S(str)(t[i]), S(str)(t[j])) == 0) != (t[i] == t[j]))
				check_fail("%s %zu and %zu: offsets %u and %u for %s texts", table,
					   i, j, (unsigned)t[i], (unsigned)t[j],
					   t[i] == t[j] ? "different" : "equal");
}

static void same_shared_texts(void)
{
	static S(text) item_texts[M(N_ITEMS) + 1];

	for (size_t i = 0; i < n_items; i++)
		item_texts[i] = S(items)[i].text;
	same_sharing("items", item_texts, n_items);
	same_sharing("texts", S(texts), n_texts);
}

check_fn CHECK_FN;

void CHECK_FN(const struct ast_root *root)
{
	same_declarations(root);
	same_count("sheets", n_sheets, root->n_sheets);
	if (n_sheets == root->n_sheets)
		for (size_t i = 0; i < root->n_sheets; i++)
			same_sheet(&S(sheets)[i], root->sheets[i]);
	same_lineage(root);
	same_lookup(root);
	same_enums();
	same_shared_texts();
	printf("%s: %zu sheets, %zu lineage entries compared\n", QUOTE(CAT_NAME),
	       root->n_sheets, root->n_lineage);
}
