/*
 * html_parts.c - the plan of the site's pages: which lists are cut into
 * parts, and where each part lives.
 *
 * At 10,000 sheets the index would be 10 MB and the knowledge index over
 * 100 MB, which no browser opens usefully. So each list's page is estimated
 * from the lengths of the texts it shows (the markup around them is about
 * constant); a list whose estimate fits the budget stays one page, as it
 * always was, and a longer one is cut into parts of at most the budget: the
 * families' cards family by family, the lineage in ranges of codes, the
 * knowledge index category by category and initial by initial. The
 * competency matrix of a family is cut by columns as well as by size.
 *
 * The plan is made before any page is written: sheet pages link into the
 * parts (html_lineage_page, html_group_page), and every part's navigation
 * lists its siblings.
 */
#include <stdint.h>
#include <string.h>

#include "html.h"
#include "mem.h"

/* ---- estimates: the bytes a unit adds to its page ---- */

/* A card of the index. */
static size_t html_card_cost(const struct ast_sheet *s)
{
	size_t n = 300 + 2 * s->code.len + s->title.len;
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next)
		n += 100 + 2 * r->code.len;
	for (const struct ast_str *a = s->aka.first; a; a = a->next)
		n += 12 + a->len;
	const struct ast_prose *first = s->mission.prose.first;
	return n + (first && first->kind == AST_PARAGRAPH ? first->text.len : 0);
}

/* A sheet at either end of a lineage row: in the table and in the drawing. */
static size_t html_lineage_end_cost(const struct ast_sheet *s)
{
	return 700 + 4 * s->code.len + 3 * s->title.len;
}

/* A row of the lineage table and its left end in the drawing. */
static size_t html_lineage_cost(const struct ast_lineage *l)
{
	size_t n = 400 + 3 * strlen(l->code) + 3 * strlen(l->title);
	for (size_t i = 0; i < l->n_sheets; i++)
		n += html_lineage_end_cost(l->sheets[i]);
	return n + (l->retired ? html_lineage_end_cost(l->retired->see_sheet) : 0);
}

/* A column of a matrix: a row per item at most, with a cell per column. */
static size_t html_matrix_cost(const struct ast_sheet *s)
{
	size_t n = 200 + s->title.len;
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
		for (const struct ast_item *it = k->items.first; it; it = it->next)
			n += 500 + 10 * HTML_MATRIX_COLUMNS + it->text.len;
	return n;
}

/* ---- cutting a list ---- */

static int html_part_add(struct html_parts *ps, size_t *cap, size_t first, size_t end)
{
	struct html_part *grown = mem_grow(ps->part, cap, ps->n, sizeof *ps->part);
	if (!grown)
		return -1;
	ps->part = grown;
	ps->part[ps->n++] = (struct html_part){ first, end, 0, 0, 0 };
	return 0;
}

/* A run of units [i, j) too large for one page, in pieces that each fit. */
static int html_cut_run(struct html_parts *ps, size_t *cap, const size_t *cost, size_t i,
			size_t j, size_t base, size_t budget, size_t max_units)
{
	size_t from = ps->n;
	while (i < j) {
		size_t k = i + 1, used = cost[i];
		while (k < j && used + cost[k] <= budget && k - i < max_units)
			used += cost[k++];
		if (html_part_add(ps, cap, base + i, base + k) != 0)
			return -1;
		i = k;
	}
	for (size_t p = from; p < ps->n && ps->n - from > 1; p++)
		ps->part[p].piece = p - from + 1, ps->part[p].pieces = ps->n - from;
	return 0;
}

/*
 * A list without runs is cut into parts of about one size rather than full
 * ones and a small last one: as few parts as the budget and max_units
 * allow (k), each filled up to an even share of the units and of the cost
 * (plus the largest unit's, so that filling each in turn makes no k+1-th).
 */
static void html_balance(const size_t *cost, size_t n, size_t *budget, size_t *max_units)
{
	size_t total = 0, largest = 0;
	for (size_t i = 0; i < n; i++) {
		total += cost[i];
		largest = cost[i] > largest ? cost[i] : largest;
	}
	size_t k = *budget ? (total + *budget - 1) / *budget : 1;
	if (*max_units != SIZE_MAX && (n + *max_units - 1) / *max_units > k)
		k = (n + *max_units - 1) / *max_units;
	if (k <= 1)
		return;
	if (total / k + largest < *budget)
		*budget = total / k + largest;
	if ((n + k - 1) / k < *max_units)
		*max_units = (n + k - 1) / k;
}

int html_cut(struct html_parts *ps, size_t *cap, const size_t *cost, const uint32_t *run,
	     size_t n, size_t base, size_t budget, size_t max_units)
{
	size_t first = 0, used = 0;     /* the part being filled: [first, i) */
	if (!run)
		html_balance(cost, n, &budget, &max_units);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, c = cost[i];
		while (run && j < n && run[j] == run[i])
			c += cost[j++];
		if (i > first && (used + c > budget || j - first > max_units)) {
			if (html_part_add(ps, cap, base + first, base + i) != 0)
				return -1;
			first = i, used = 0;
		}
		if (c <= budget && j - i <= max_units) {
			used += c;
			i = j;
			continue;
		}
		if (html_cut_run(ps, cap, cost, i, j, base, budget, max_units) != 0)
			return -1;
		first = i = j;
	}
	return n > first ? html_part_add(ps, cap, base + first, base + n) : 0;
}

/* ---- the lists of the site ---- */

/* The cards of every family, or (matrix) its columns, one list per family. */
static int html_plan_families(struct html_site *site, struct html_parts **out, bool matrix,
			      size_t *costs)
{
	const struct ast_root *root = site->root;
	*out = mem_alloc((root->n_families + 1) * sizeof **out);
	if (!*out)
		return -1;
	memset(*out, 0, (root->n_families + 1) * sizeof **out);
	for (size_t i = 0; i < root->n_families; i++) {
		const struct ast_family *f = root->families[i];
		size_t cap = 0;
		for (size_t j = 0; j < f->n_sheets; j++)
			costs[j] = matrix ? html_matrix_cost(f->sheets[j]) : html_card_cost(f->sheets[j]);
		if (html_cut(&(*out)[i], &cap, costs, NULL, f->n_sheets, 0, site->plan.budget,
			     matrix ? HTML_MATRIX_COLUMNS : SIZE_MAX) != 0)
			return -1;
	}
	return 0;
}

static int html_plan_lineage(struct html_site *site, size_t *costs)
{
	const struct ast_root *root = site->root;
	size_t total = 0, cap = 0;
	for (size_t i = 0; i < root->n_lineage; i++)
		total += costs[i] = html_lineage_cost(&root->lineage[i]);
	site->plan.lineage_split = total > site->plan.budget || root->n_lineage > HTML_LINEAGE_ROWS;
	if (!site->plan.lineage_split)
		return 0;
	return html_cut(&site->plan.lineage, &cap, costs, NULL, root->n_lineage, 0,
			site->plan.budget, HTML_LINEAGE_ROWS);
}

uint32_t html_initial(const char *text)
{
	uint32_t cp = 0;
	if (*text)
		emit_utf8_decode(text, strlen(text) < 4 ? strlen(text) : 4, &cp);
	return cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp;
}

/*
 * The knowledge index, category by category: the estimate and initial of
 * each group (cost, run: n_groups each), then the parts of each category.
 */
static int html_plan_knowledge(struct html_site *site, size_t *cost, uint32_t *run)
{
	const struct html_kindex *k = &site->kindex;
	size_t total = 0, cap = 0, n_cats = site->root->n_categories;
	for (size_t i = 0; i < k->n; i++) {
		const struct html_kentry *e = &k->entries[i];
		const struct ast_level *level = e->item->level_decl;
		if (i == 0 || e->group != k->entries[i - 1].group) {
			cost[e->group] = 80 + e->item->text.len;
			run[e->group] = html_initial(e->item->text.text);
		}
		cost[e->group] += 160 + 2 * e->sheet->code.len + e->sheet->title.len +
				  (level ? site->levels[level->index].len : 0);
	}
	for (size_t g = 0; g < k->n_groups; g++)
		total += cost[g];
	site->plan.knowledge_split = total > site->plan.budget;
	site->plan.category_parts = mem_alloc((n_cats + 1) * sizeof *site->plan.category_parts);
	if (!site->plan.category_parts)
		return -1;
	size_t from = 0;
	for (size_t c = 0; c < n_cats; c++) {
		size_t end = from;
		while (end < k->n && k->entries[end].cat_rank == c)
			end++;
		site->plan.category_parts[c] = site->plan.knowledge.n;
		if (site->plan.knowledge_split && end > from) {
			size_t g0 = k->entries[from].group, g1 = k->entries[end - 1].group + 1;
			if (html_cut(&site->plan.knowledge, &cap, cost + g0, run + g0, g1 - g0, g0,
				     site->plan.budget, SIZE_MAX) != 0)
				return -1;
		}
		from = end;
	}
	site->plan.category_parts[n_cats] = site->plan.knowledge.n;
	return 0;
}

/* ---- where the parts live ---- */

/* Each part's path: DIR/NAME.html for a list of one part, else DIR/NAME-N.html
 * (lineage/N.html: the lineage has no name). */
static void html_paths_of(struct buf *b, struct html_parts *ps, size_t first, size_t end,
			  const char *dir, const char *name)
{
	for (size_t i = first; i < end; i++) {
		ps->part[i].path = b->len;
		buf_puts(b, dir);
		buf_puts(b, name ? name : "");
		if (end - first > 1 || !name) {
			buf_puts(b, name ? "-" : "");
			emit_size(b, i - first + 1);
		}
		buf_puts(b, ".html");
		buf_putc(b, '\0');
	}
}

static void html_plan_paths(struct html_site *site)
{
	const struct ast_root *root = site->root;
	struct html_plan *plan = &site->plan;
	buf_putc(&plan->paths, '\0');   /* offset 0: no path */
	for (size_t i = 0; i < root->n_families; i++) {
		const char *number = root->families[i]->number.text;
		if (plan->families_split)
			html_paths_of(&plan->paths, &plan->families[i], 0, plan->families[i].n,
				      "families/", number);
		html_paths_of(&plan->paths, &plan->matrix[i], 0, plan->matrix[i].n, "matrix/", number);
	}
	html_paths_of(&plan->paths, &plan->lineage, 0, plan->lineage.n, "lineage/", NULL);
	for (size_t c = 0; c < root->n_categories; c++)
		html_paths_of(&plan->paths, &plan->knowledge, plan->category_parts[c],
			      plan->category_parts[c + 1], "knowledge/", root->categories[c]->name.text);
}

int html_plan_build(struct html_site *site, size_t budget)
{
	const struct ast_root *root = site->root;
	struct html_plan *plan = &site->plan;
	*plan = (struct html_plan){ .budget = budget, .n_families = root->n_families };
	buf_init(&plan->paths);
	size_t n = root->n_sheets > root->n_lineage ? root->n_sheets : root->n_lineage;
	n = n > site->kindex.n_groups ? n : site->kindex.n_groups;
	size_t *cost = mem_alloc((n + 1) * sizeof *cost);
	uint32_t *run = mem_alloc((n + 1) * sizeof *run);
	int rc = -1;
	if (!cost || !run)
		goto out;
	size_t total = 0;
	for (size_t i = 0; i < root->n_sheets; i++)
		total += html_card_cost(root->sheets[i]);
	plan->families_split = total > budget;
	if ((plan->families_split && html_plan_families(site, &plan->families, false, cost) != 0) ||
	    html_plan_families(site, &plan->matrix, true, cost) != 0 ||
	    html_plan_lineage(site, cost) != 0 || html_plan_knowledge(site, cost, run) != 0)
		goto out;
	html_plan_paths(site);
	rc = plan->paths.failed ? -1 : 0;
out:
	mem_free(cost);
	mem_free(run);
	return rc;
}

static void html_parts_free(struct html_parts *ps, size_t n)
{
	for (size_t i = 0; ps && i < n; i++)
		mem_free(ps[i].part);
	mem_free(ps);
}

void html_plan_free(struct html_plan *plan)
{
	html_parts_free(plan->families, plan->n_families);
	html_parts_free(plan->matrix, plan->n_families);
	mem_free(plan->lineage.part);
	mem_free(plan->knowledge.part);
	mem_free(plan->category_parts);
	buf_free(&plan->paths);
	*plan = (struct html_plan){ 0 };
}

const char *html_part_path(const struct html_plan *plan, const struct html_part *part)
{
	return plan->paths.data + part->path;
}

size_t html_part_of(const struct html_parts *parts, size_t u)
{
	size_t lo = 0, hi = parts->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (parts->part[mid].first <= u)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

const char *html_lineage_page(const struct html_site *site, const struct ast_lineage *l)
{
	const struct html_plan *plan = &site->plan;
	if (!plan->lineage_split)
		return "index.html";
	size_t i = (size_t)(l - site->root->lineage);
	return html_part_path(plan, &plan->lineage.part[html_part_of(&plan->lineage, i)]);
}

const char *html_group_page(const struct html_site *site, size_t group)
{
	const struct html_plan *plan = &site->plan;
	if (!plan->knowledge_split)
		return "knowledge.html";
	return html_part_path(plan, &plan->knowledge.part[html_part_of(&plan->knowledge, group)]);
}

void html_link_to(const struct html_page *p, const char *page)
{
	if (p->self && strcmp(p->self, page) == 0)
		return;
	buf_puts(p->b, p->up);
	buf_puts(p->b, page);
}
