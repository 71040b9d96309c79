/*
 * html_matrix.c - a competency matrix per family: matrix/N.html.
 *
 * HR people compare positions in a grid: the knowledge items that the
 * family's sheets ask for down the side, the sheets across, and in each
 * cell the level asked for (the scale's meter and name, with the level's
 * description and the importance for screen readers). Rows are grouped by
 * category, in the order declared; within one, the items essential to at
 * least one of the sheets come before those only useful, alphabetically as
 * in the knowledge index, each linked to its row there.
 *
 * A family of more than HTML_MATRIX_COLUMNS sheets, or one whose matrix
 * would pass the page budget, has its matrix on several pages
 * (matrix/N-P.html), each for a range of its sheets (html_parts.c), with
 * the items those sheets ask for.
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "mem.h"

/* A filled cell: what the sheet of column col asks of an item (its group). */
struct html_cell {
	size_t cat, bucket;     /* bucket 0: essential to a sheet of the page; 1: useful only */
	size_t group, col;
	const struct ast_item *item;
	enum ast_importance importance;
};

/* Category, bucket, item, column; essential first where a sheet asks twice. */
static int html_cell_compare(const void *pa, const void *pb)
{
	const struct html_cell *a = pa, *b = pb;
	size_t ka[] = { a->cat, a->bucket, a->group, a->col, a->importance };
	size_t kb[] = { b->cat, b->bucket, b->group, b->col, b->importance };
	for (size_t i = 0; i < sizeof ka / sizeof *ka; i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i] ? -1 : 1;
	return 0;
}

/* The cells of the sheets [first, end) of f, in the order of the page;
 * returns how many, or SIZE_MAX without memory. */
static size_t html_cells(const struct html_site *site, const struct ast_family *f, size_t first,
			 size_t end, struct html_cell **out)
{
	size_t n = 0;
	for (size_t c = first; c < end; c++)
		for (const struct ast_knowledge *k = f->sheets[c]->knowledge.first; k; k = k->next)
			n += k->items.count;
	struct html_cell *cells = *out = mem_alloc((n + 1) * sizeof *cells);
	if (!cells)
		return SIZE_MAX;
	n = 0;
	for (size_t c = first; c < end; c++) {
		const size_t *groups = html_kindex_sheet_groups(&site->kindex, f->sheets[c]->index);
		for (const struct ast_knowledge *k = f->sheets[c]->knowledge.first; k; k = k->next)
			for (const struct ast_item *it = k->items.first; it; it = it->next)
				cells[n++] = (struct html_cell){ k->category_decl->index, 0, *groups++,
								 c - first, it, k->importance };
	}
	qsort(cells, n, sizeof *cells, html_cell_compare);
	for (size_t i = 0, j; i < n; i = j) {
		size_t bucket = 1;
		for (j = i; j < n && cells[j].group == cells[i].group; j++)
			bucket = cells[j].importance == AST_ESSENTIAL ? 0 : bucket;
		for (size_t m = i; m < j; m++)
			cells[m].bucket = bucket;
	}
	qsort(cells, n, sizeof *cells, html_cell_compare);
	return n;
}

/* ---- the table ---- */

static void html_matrix_cell(const struct html_page *p, const struct html_cell *cell)
{
	html_fmt(p->b, "<td class=\"m m-%s\">", ast_importance_name(cell->importance));
	if (cell->item->level_decl)
		html_level(p, cell->item->level_decl);
	else
		html_fmt(p->b, "<span class=\"asked\" aria-hidden=\"true\">%t</span>",
			 html_label(p, LABEL_MATRIX_ASKED));
	html_fmt(p->b, "<span class=\"vh\">, %t</span></td>", html_importance(p, cell->importance));
}

/* The rows of cells[0..n), columns cols: a row group per category and bucket. */
static void html_matrix_rows(const struct html_page *p, const struct html_cell *cells, size_t n,
			     size_t cols)
{
	const struct ast_root *root = p->site->root;
	for (size_t i = 0; i < n;) {
		const struct html_cell *head = &cells[i];
		enum ast_importance bucket = head->bucket ? AST_USEFUL : AST_ESSENTIAL;
		html_fmt(p->b, "<tbody>\n<tr class=\"imp-row\"><th scope=\"rowgroup\" colspan=\"%z\">"
			 "<span class=\"cat\">%t</span> <span class=\"imp imp-%s\">%t</span></th></tr>\n",
			 cols + 1, root->categories[head->cat]->title.text,
			 ast_importance_name(bucket), html_importance(p, bucket));
		while (i < n && cells[i].cat == head->cat && cells[i].bucket == head->bucket) {
			size_t group = cells[i].group, col = 0;
			buf_puts(p->b, "<tr><th scope=\"row\"><a class=\"item\" href=\"");
			html_link_to(p, html_group_page(p->site, group));
			html_fmt(p->b, "#k-%z\">%t</a></th>", group + 1, cells[i].item->text.text);
			for (; i < n && cells[i].group == group; i++) {
				if (i > 0 && cells[i - 1].group == group && cells[i - 1].col == cells[i].col)
					continue;       /* asked twice by one sheet: the first says */
				for (; col < cells[i].col; col++)
					buf_puts(p->b, "<td></td>");
				html_matrix_cell(p, &cells[i]);
				col++;
			}
			for (; col < cols; col++)
				buf_puts(p->b, "<td></td>");
			buf_puts(p->b, "</tr>\n");
		}
		buf_puts(p->b, "</tbody>\n");
	}
}

static void html_matrix_table(const struct html_page *p, const struct ast_family *f,
			      const struct html_part *part)
{
	struct html_cell *cells;
	size_t n = html_cells(p->site, f, part->first, part->end, &cells);
	if (n == SIZE_MAX) {
		p->b->failed = true;
		return;
	}
	html_fmt(p->b, "<div class=\"matrix-wrap\">\n<table class=\"matrix\">\n<thead><tr>"
		 "<th scope=\"col\" class=\"corner\">%t</th>", html_label(p, LABEL_MATRIX_KNOWLEDGE));
	for (size_t c = part->first; c < part->end; c++) {
		buf_puts(p->b, "<th scope=\"col\">");
		html_sheet_link(p, f->sheets[c]);
		buf_puts(p->b, "</th>");
	}
	buf_puts(p->b, "</tr></thead>\n");
	html_matrix_rows(p, cells, n, part->end - part->first);
	buf_puts(p->b, "</table>\n</div>\n");
	mem_free(cells);
}

/* ---- the page ---- */

static void html_matrix_page(struct html_page *p, const struct ast_family *f, size_t i)
{
	const struct html_parts *parts = &p->site->plan.matrix[f->index];
	const struct html_part *part = &parts->part[i];
	html_part_head(p, html_label(p, LABEL_MATRIX_TITLE), f->number.text,
		       parts->n > 1 ? html_sheets_label : NULL, part, f->sheets, "page-matrix",
		       HTML_NAV_NONE);
	html_breadcrumb(p, f, html_label(p, LABEL_MATRIX_HEADING));
	html_fmt(p->b, "<div class=\"hero\">\n<h1>%t <span class=\"family-no\">%t %t</span> "
		 "<span class=\"name\">%t</span></h1>\n<p class=\"lead\">%t</p>\n",
		 html_label(p, LABEL_MATRIX_HEADING), html_label(p, LABEL_SHEET_FAMILY), f->number.text,
		 f->title.text, html_label(p, LABEL_MATRIX_LEAD));
	html_level_legend(p);
	html_fmt(p->b, "<p class=\"matrix-legend\">%t</p>\n</div>\n",
		 html_label(p, LABEL_MATRIX_LEGEND));
	if (parts->n > 1)
		html_parts_nav(p, parts, 0, parts->n, i, html_label(p, LABEL_MATRIX_HEADING),
			       html_sheets_label, f->sheets);
	html_matrix_table(p, f, part);
	if (parts->n > 1)
		html_parts_pager(p, parts, 0, parts->n, i, html_sheets_label, f->sheets);
	html_page_end(p);
}

int html_stage_matrices(const struct html_site *site, struct out_set *out)
{
	for (size_t f = 0; f < site->root->n_families; f++) {
		const struct html_parts *parts = &site->plan.matrix[f];
		for (size_t i = 0; i < parts->n; i++) {
			struct html_page p;
			struct buf *b = html_part_file(out, &p, site, &parts->part[i]);
			if (!b)
				return -1;
			html_matrix_page(&p, site->root->families[f], i);
			if (out_file_done(out, b) != 0)
				return -1;
		}
	}
	return 0;
}

void html_matrix_link(const struct html_page *p, const struct ast_family *f,
		      const struct ast_sheet *s)
{
	const struct html_parts *parts = &p->site->plan.matrix[f->index];
	size_t at = 0;
	while (s && at < f->n_sheets && f->sheets[at] != s)
		at++;
	if (parts->n == 0)
		return;
	buf_puts(p->b, "<a class=\"matrix-link\" href=\"");
	html_link_to(p, html_part_path(&p->site->plan, &parts->part[html_part_of(parts, at)]));
	html_fmt(p->b, "\">%t %t</a>", html_label(p, LABEL_MATRIX_TITLE), f->number.text);
}
