/*
 * html_lineage_svg.c - the lineage drawn: the previous edition's positions
 * down the left, this edition's sheets down the right, and a line for each
 * link between them (one per sheet that replaces a position, and a dashed
 * one from a retired position to the sheet its tasks went to).
 *
 * An inline SVG written by jobc: no script, no stylesheet of its own (the
 * colours are style.css's), and every end a link: a position to its row of
 * the lineage table below it, a sheet to its page. The table stays the text
 * alternative; the figure's caption says so. Coordinates are whole numbers
 * computed from the counts, so the bytes are the same on every machine.
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "mem.h"

/* The drawing's geometry, in its own units (CSS pixels at full size). */
enum {
	SVG_WIDTH = 960,
	SVG_ROW = 26,           /* height of a row on the longer side */
	SVG_PAD = 10,           /* above the first row and below the last */
	SVG_LEFT_START = 4,     /* the positions' labels: from here */
	SVG_LEFT_END = 372,     /* to here (clipped) */
	SVG_LINE_FROM = 384,
	SVG_LINE_TO = 576,
	SVG_RIGHT_START = 588,  /* the left edge of the sheets' labels */
	SVG_TITLE_CHARS = 44    /* a longer title is cut (in full in its tooltip) */
};

/* The middle of row i of n over a height of h. */
static size_t html_svg_row(size_t i, size_t n, size_t h)
{
	return SVG_PAD + ((2 * i + 1) * (h - 2 * SVG_PAD)) / (2 * n);
}

static int html_size_compare(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* The sheets that rows [first, end) link to, as indices of root->sheets,
 * in code order, each once. Returns how many, or SIZE_MAX without memory. */
static size_t html_svg_sheets(const struct ast_root *root, size_t first, size_t end, size_t **out)
{
	size_t n = 0;
	for (size_t i = first; i < end; i++)
		n += root->lineage[i].n_sheets + (root->lineage[i].retired != NULL);
	size_t *s = *out = mem_alloc((n + 1) * sizeof *s);
	if (!s)
		return SIZE_MAX;
	n = 0;
	for (size_t i = first; i < end; i++) {
		const struct ast_lineage *l = &root->lineage[i];
		for (size_t j = 0; j < l->n_sheets; j++)
			s[n++] = l->sheets[j]->index;
		if (l->retired)
			s[n++] = l->retired->see_sheet->index;
	}
	qsort(s, n, sizeof *s, html_size_compare);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (m == 0 || s[m - 1] != s[i])
			s[m++] = s[i];
	return m;
}

/* Where sheet index x is among the sorted sheets[0..n). */
static size_t html_svg_find(const size_t *sheets, size_t n, size_t x)
{
	const size_t *at = bsearch(&x, sheets, n, sizeof *sheets, html_size_compare);
	return at ? (size_t)(at - sheets) : 0;
}

/* A label's text: the code in bold, then the title, cut if long. */
static void html_svg_label(struct buf *b, const char *code, const char *title)
{
	size_t len = strlen(title), cut = emit_utf8_prefix(title, len, SVG_TITLE_CHARS);
	html_fmt(b, "<title>%t %t</title><tspan class=\"code\">%t</tspan> <tspan class=\"t\">",
		 code, title, code);
	emit_escape(b, &emit_html, title, cut);
	buf_puts(b, cut < len ? "\xe2\x80\xa6</tspan>" : "</tspan>");
}

/* A line from a row on the left to one on the right. */
static void html_svg_line(struct buf *b, size_t y1, size_t y2, const char *kind)
{
	size_t mid = (SVG_LINE_FROM + SVG_LINE_TO) / 2;
	html_fmt(b, "<path class=\"link link-%s\" d=\"M%z %zC%z %z %z %z %z %z\"/>\n", kind,
		 (size_t)SVG_LINE_FROM, y1, mid, y1, mid, y2, (size_t)SVG_LINE_TO, y2);
}

static void html_svg_dot(struct buf *b, size_t x, size_t y)
{
	html_fmt(b, "<circle cx=\"%z\" cy=\"%z\" r=\"3\"/>\n", x, y);
}

static void html_svg_left(const struct html_page *p, const struct ast_lineage *l, size_t y)
{
	html_fmt(p->b, "<a href=\"#prev-%t\"><text class=\"end%s\" x=\"%z\" y=\"%z\" "
		 "dy=\"0.35em\">", l->code, l->n_sheets ? "" : " retired", (size_t)SVG_LEFT_START, y);
	if (l->retired)
		html_fmt(p->b, "<tspan class=\"ret\">%t</tspan> ", html_label(p, LABEL_STATUS_RETIRED));
	html_svg_label(p->b, l->code, l->title);
	buf_puts(p->b, "</text></a>\n");
}

static void html_svg_right(const struct html_page *p, const struct ast_sheet *s, size_t y)
{
	html_fmt(p->b, "<a href=\"%ssheets/%t.html\"><text class=\"end\" x=\"%z\" y=\"%z\" "
		 "dy=\"0.35em\">", p->up, s->code.text, (size_t)SVG_RIGHT_START, y);
	html_svg_label(p->b, s->code.text, s->title.text);
	buf_puts(p->b, "</text></a>\n");
}

void html_lineage_svg(const struct html_page *p, size_t first, size_t end)
{
	const struct ast_root *root = p->site->root;
	size_t *sheets, n_right = html_svg_sheets(root, first, end, &sheets), n_left = end - first;
	if (n_right == SIZE_MAX) {
		p->b->failed = true;
		return;
	}
	size_t rows = n_left > n_right ? n_left : n_right;
	size_t h = rows * SVG_ROW + 2 * SVG_PAD;
	html_fmt(p->b, "<figure class=\"lineage-figure\">\n<svg class=\"lineage-svg\" viewBox=\"0 0 %z %z\" "
		 "width=\"%z\" height=\"%z\" role=\"group\" aria-label=\"%t\">\n"
		 "<defs><clipPath id=\"lineage-clip-left\"><rect x=\"0\" y=\"0\" width=\"%z\" height=\"%z\"/>"
		 "</clipPath><clipPath id=\"lineage-clip-right\"><rect x=\"%z\" y=\"0\" width=\"%z\" "
		 "height=\"%z\"/></clipPath></defs>\n<g class=\"links\">\n",
		 (size_t)SVG_WIDTH, h, (size_t)SVG_WIDTH, h, html_label(p, LABEL_LINEAGE_DRAWING),
		 (size_t)SVG_LEFT_END, h, (size_t)SVG_RIGHT_START,
		 (size_t)SVG_WIDTH - SVG_RIGHT_START, h);
	for (size_t i = first; i < end; i++) {
		const struct ast_lineage *l = &root->lineage[i];
		size_t y = html_svg_row(i - first, n_left, h);
		for (size_t j = 0; j < l->n_sheets; j++)
			html_svg_line(p->b, y, html_svg_row(html_svg_find(sheets, n_right,
					l->sheets[j]->index), n_right, h),
				      l->sheets[j]->status == AST_STATUS_NONE ? "plain"
					: ast_status_name(l->sheets[j]->status));
		if (l->retired)
			html_svg_line(p->b, y, html_svg_row(html_svg_find(sheets, n_right,
					l->retired->see_sheet->index), n_right, h), "retired");
		html_svg_dot(p->b, SVG_LINE_FROM, y);
	}
	for (size_t j = 0; j < n_right; j++)
		html_svg_dot(p->b, SVG_LINE_TO, html_svg_row(j, n_right, h));
	buf_puts(p->b, "</g>\n<g class=\"ends-left\" clip-path=\"url(#lineage-clip-left)\">\n");
	for (size_t i = first; i < end; i++)
		html_svg_left(p, &root->lineage[i], html_svg_row(i - first, n_left, h));
	buf_puts(p->b, "</g>\n<g class=\"ends-right\" clip-path=\"url(#lineage-clip-right)\">\n");
	for (size_t j = 0; j < n_right; j++)
		html_svg_right(p, root->sheets[sheets[j]], html_svg_row(j, n_right, h));
	html_fmt(p->b, "</g>\n</svg>\n<figcaption>%t</figcaption>\n</figure>\n",
		 html_label(p, LABEL_LINEAGE_FIGURE));
	mem_free(sheets);
}
