/*
 * html_part_pages.c - the pages of a list cut into parts (html_parts.c):
 * families/N-P.html (a family's cards), lineage/P.html (a range of the
 * lineage table, with its drawing), knowledge/CATEGORY-P.html (a range of
 * initials of a category); what index.html and knowledge.html show in
 * their place (a link to each part); and the navigation between parts,
 * which the matrix pages share.
 *
 * Each part page is a page of the site like the others (header, search,
 * footer), with its own <h1>, the list of its sibling parts (the current
 * one marked) and links to the previous and next part.
 */
#include <string.h>

#include "html.h"

/* ---- what a part holds, as plain text (the caller escapes it) ---- */

static void html_range(struct buf *raw, const char *first, const char *last)
{
	buf_puts(raw, first);
	if (strcmp(first, last) != 0) {
		buf_puts(raw, " \xe2\x80\x93 ");        /* – */
		buf_puts(raw, last);
	}
}

/* ctx: the sheets of the list (a family's). */
void html_sheets_label(struct buf *raw, const struct html_part *part, const void *ctx)
{
	const struct ast_sheet *const *sheets = ctx;
	html_range(raw, sheets[part->first]->code.text, sheets[part->end - 1]->code.text);
}

/* ctx: root->lineage. */
static void html_lineage_label(struct buf *raw, const struct html_part *part, const void *ctx)
{
	const struct ast_lineage *lineage = ctx;
	html_range(raw, lineage[part->first].code, lineage[part->end - 1].code);
}

/* The kindex entry that starts a group: entries are sorted by group. */
static const struct html_kentry *html_group_entry(const struct html_kindex *k, size_t group)
{
	size_t lo = 0, hi = k->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (k->entries[mid].group < group)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &k->entries[lo];
}

/* The first character of a group's text, a-z in capitals (html_initial). */
static void html_initial_text(struct buf *raw, const struct html_kindex *k, size_t group)
{
	const char *text = html_group_entry(k, group)->item->text.text;
	uint32_t cp;
	size_t len = *text ? emit_utf8_decode(text, strnlen(text, 4), &cp) : 0;
	if (len == 1 && *text >= 'a' && *text <= 'z')
		buf_putc(raw, (char)(*text - 'a' + 'A'));
	else
		buf_put(raw, text, len ? len : strnlen(text, 1));
}

/* ctx: the knowledge index. "A", "A – C", or a piece of a long initial: "S (2/3)". */
static void html_knowledge_label(struct buf *raw, const struct html_part *part, const void *ctx)
{
	const struct html_kindex *k = ctx;
	html_initial_text(raw, k, part->first);
	if (html_initial(html_group_entry(k, part->first)->item->text.text) !=
	    html_initial(html_group_entry(k, part->end - 1)->item->text.text)) {
		buf_puts(raw, " \xe2\x80\x93 ");
		html_initial_text(raw, k, part->end - 1);
	}
	if (part->pieces > 1) {
		buf_puts(raw, " (");
		emit_size(raw, part->piece);
		buf_putc(raw, '/');
		emit_size(raw, part->pieces);
		buf_putc(raw, ')');
	}
}

/* Writes the label of a part, escaped. */
static void html_label_of(const struct html_page *p, html_part_label *label_of,
			  const struct html_part *part, const void *ctx)
{
	struct buf raw;
	buf_init(&raw);
	label_of(&raw, part, ctx);
	html_text(p->b, raw.len ? raw.data : "");
	p->b->failed = p->b->failed || raw.failed;
	buf_free(&raw);
}

/* ---- lists of parts and the navigation between them ---- */

/* The parts [first, end) as a list of links, for index.html and knowledge.html. */
static void html_parts_list(const struct html_page *p, const struct html_parts *parts,
			    size_t first, size_t end, html_part_label *label_of, const void *ctx)
{
	buf_puts(p->b, "<ul class=\"parts-list\">\n");
	for (size_t i = first; i < end; i++) {
		buf_puts(p->b, "<li><a href=\"");
		html_link_to(p, html_part_path(&p->site->plan, &parts->part[i]));
		buf_puts(p->b, "\">");
		html_label_of(p, label_of, &parts->part[i], ctx);
		html_fmt(p->b, "</a> <span class=\"count\">%z</span></li>\n",
			 parts->part[i].end - parts->part[i].first);
	}
	buf_puts(p->b, "</ul>\n");
}

void html_parts_nav(const struct html_page *p, const struct html_parts *parts, size_t first,
		    size_t end, size_t current, const char *what, html_part_label *label_of,
		    const void *ctx)
{
	buf_puts(p->b, "<nav class=\"parts\" aria-label=\"");
	html_label_fill(p, LABEL_PARTS_OF, &(struct html_fill){ .title = what, .in_attribute = true });
	buf_puts(p->b, "\"><ol>");
	for (size_t i = first; i < end; i++) {
		if (i == current) {
			buf_puts(p->b, "<li><span aria-current=\"page\">");
		} else {
			buf_puts(p->b, "<li><a href=\"");
			html_link_to(p, html_part_path(&p->site->plan, &parts->part[i]));
			buf_puts(p->b, "\">");
		}
		html_label_of(p, label_of, &parts->part[i], ctx);
		buf_puts(p->b, i == current ? "</span></li>" : "</a></li>");
	}
	buf_puts(p->b, "</ol></nav>\n");
}

void html_parts_pager(const struct html_page *p, const struct html_parts *parts, size_t first,
		      size_t end, size_t current, html_part_label *label_of, const void *ctx)
{
	html_fmt(p->b, "<nav class=\"pager\" aria-label=\"%t\">\n", html_label(p, LABEL_PARTS_PAGER));
	for (int dir = -1; dir <= 1; dir += 2) {
		if ((dir < 0 && current == first) || (dir > 0 && current + 1 >= end))
			continue;
		const struct html_part *to = &parts->part[dir < 0 ? current - 1 : current + 1];
		html_fmt(p->b, "<a class=\"pager-%s\" rel=\"%s\" href=\"", dir < 0 ? "prev" : "next",
			 dir < 0 ? "prev" : "next");
		html_link_to(p, html_part_path(&p->site->plan, to));
		html_fmt(p->b, "\"><span class=\"dir\">%t</span> <span class=\"name\">",
			 html_label(p, dir < 0 ? LABEL_PARTS_PREVIOUS : LABEL_PARTS_NEXT));
		html_label_of(p, label_of, to, ctx);
		buf_puts(p->b, "</span></a>\n");
	}
	buf_puts(p->b, "</nav>\n");
}

/* ---- in place of the list: what index.html and knowledge.html show ---- */

/* "12 positions, on 2 pages.": label id with its {n} and {pages}. */
static void html_parts_count(const struct html_page *p, enum label_id id, size_t n, size_t pages)
{
	html_label_fill(p, id, &(struct html_fill){ .n = n, .pages = pages });
}

void html_family_parts(const struct html_page *p, const struct ast_family *f)
{
	const struct html_parts *parts = &p->site->plan.families[f->index];
	buf_puts(p->b, "<p class=\"parts-lead\">");
	html_parts_count(p, LABEL_PARTS_FAMILY, f->n_sheets, parts->n);
	buf_puts(p->b, "</p>\n");
	html_parts_list(p, parts, 0, parts->n, html_sheets_label, f->sheets);
}

void html_lineage_parts(const struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	const struct html_parts *parts = &p->site->plan.lineage;
	buf_puts(p->b, "<p class=\"parts-lead\">");
	html_parts_count(p, LABEL_PARTS_LINEAGE, root->n_lineage, parts->n);
	buf_puts(p->b, "</p>\n");
	html_parts_list(p, parts, 0, parts->n, html_lineage_label, root->lineage);
}

void html_category_parts(const struct html_page *p, size_t category)
{
	const struct html_plan *plan = &p->site->plan;
	size_t first = plan->category_parts[category], end = plan->category_parts[category + 1];
	buf_puts(p->b, "<p class=\"parts-lead\">");
	html_parts_count(p, LABEL_PARTS_CATEGORY,
			 plan->knowledge.part[end - 1].end - plan->knowledge.part[first].first, end - first);
	buf_puts(p->b, "</p>\n");
	html_parts_list(p, &plan->knowledge, first, end, html_knowledge_label, &p->site->kindex);
}

/* ---- the part pages ---- */

void html_part_head(struct html_page *p, const char *what, const char *more,
		    html_part_label *label_of, const struct html_part *part, const void *ctx,
		    const char *body_class, enum html_nav nav)
{
	struct buf title;
	buf_init(&title);
	buf_puts(&title, what);
	if (more) {
		buf_putc(&title, ' ');
		buf_puts(&title, more);
	}
	if (label_of) {
		buf_puts(&title, more ? ", " : " ");
		label_of(&title, part, ctx);
	}
	html_page_head(p, NULL, title.len ? title.data : "");
	p->b->failed = p->b->failed || title.failed;
	buf_free(&title);
	html_page_body(p, body_class, nav);
}

static void html_family_page(struct html_page *p, const struct ast_family *f, size_t i)
{
	const struct html_parts *parts = &p->site->plan.families[f->index];
	const struct html_part *part = &parts->part[i];
	html_part_head(p, html_label(p, LABEL_SHEET_FAMILY), f->number.text, html_sheets_label, part,
		       f->sheets, "page-part", HTML_NAV_POSITIONS);
	html_fmt(p->b, "<div class=\"hero\">\n<h1><span class=\"family-no\">%t %t</span> "
		 "<span class=\"name\">%t</span></h1>\n<p class=\"lead\">",
		 html_label(p, LABEL_SHEET_FAMILY), f->number.text, f->title.text);
	html_parts_count(p, LABEL_PARTS_FAMILY, f->n_sheets, parts->n);
	buf_putc(p->b, ' ');
	html_matrix_link(p, f, f->sheets[part->first]);
	buf_puts(p->b, "</p>\n</div>\n");
	html_parts_nav(p, parts, 0, parts->n, i, f->title.text, html_sheets_label, f->sheets);
	html_fmt(p->b, "<section class=\"family\" id=\"family-%t\">\n<h2>", f->number.text);
	html_label_of(p, html_sheets_label, part, f->sheets);
	buf_puts(p->b, "</h2>\n<ul class=\"cards\">\n");
	for (size_t j = part->first; j < part->end; j++)
		html_card(p, f->sheets[j]);
	buf_puts(p->b, "</ul>\n</section>\n");
	html_parts_pager(p, parts, 0, parts->n, i, html_sheets_label, f->sheets);
	html_page_end(p);
}

static void html_lineage_page_write(struct html_page *p, size_t i)
{
	const struct ast_root *root = p->site->root;
	const struct html_parts *parts = &p->site->plan.lineage;
	const struct html_part *part = &parts->part[i];
	html_part_head(p, html_label(p, LABEL_NAV_LINEAGE), NULL, html_lineage_label, part,
		       root->lineage, "page-part", HTML_NAV_NONE);
	html_fmt(p->b, "<div class=\"hero\">\n<h1>");
	html_label_fill(p, LABEL_LINEAGE_HEADING, NULL);
	buf_puts(p->b, "</h1>\n<p class=\"lead\">");
	html_parts_count(p, LABEL_PARTS_LINEAGE, root->n_lineage, parts->n);
	buf_puts(p->b, "</p>\n</div>\n");
	html_parts_nav(p, parts, 0, parts->n, i, html_label(p, LABEL_NAV_LINEAGE), html_lineage_label,
		       root->lineage);
	buf_puts(p->b, "<section class=\"lineage\" id=\"lineage\">\n<h2>");
	html_label_of(p, html_lineage_label, part, root->lineage);
	buf_puts(p->b, "</h2>\n");
	html_lineage_svg(p, part->first, part->end);
	html_lineage_table(p, part->first, part->end);
	buf_puts(p->b, "</section>\n");
	html_parts_pager(p, parts, 0, parts->n, i, html_lineage_label, root->lineage);
	html_page_end(p);
}

/* The part i of the knowledge index, of category c. */
static void html_knowledge_page(struct html_page *p, size_t c, size_t i)
{
	const struct html_site *site = p->site;
	const struct ast_category *cat = site->root->categories[c];
	const struct html_parts *parts = &site->plan.knowledge;
	const struct html_part *part = &parts->part[i];
	size_t first = site->plan.category_parts[c], end = site->plan.category_parts[c + 1];
	html_part_head(p, cat->title.text, NULL, html_knowledge_label, part, &site->kindex,
		       "page-knowledge", HTML_NAV_KNOWLEDGE);
	html_fmt(p->b, "<div class=\"hero\">\n<h1><span>%t</span> <span class=\"part-label\">",
		 cat->title.text);
	html_label_of(p, html_knowledge_label, part, &site->kindex);
	buf_puts(p->b, "</span></h1>\n<p class=\"lead\">");
	html_parts_count(p, LABEL_PARTS_CATEGORY, parts->part[end - 1].end - parts->part[first].first,
			 end - first);
	buf_puts(p->b, " <a href=\"");
	html_link_to(p, "knowledge.html");
	html_fmt(p->b, "\">%t</a></p>\n", html_label(p, LABEL_NAV_KNOWLEDGE));
	html_level_legend(p);
	buf_puts(p->b, "</div>\n");
	html_parts_nav(p, parts, first, end, i, cat->title.text, html_knowledge_label, &site->kindex);
	html_fmt(p->b, "<section class=\"kindex\" id=\"cat-%t\">\n<h2>", cat->name.text);
	html_label_of(p, html_knowledge_label, part, &site->kindex);
	buf_puts(p->b, "</h2>\n<table class=\"kindex-table\">\n<thead><tr><th scope=\"col\">");
	html_fmt(p->b, "%t</th><th scope=\"col\">%t</th></tr></thead>\n<tbody>\n",
		 html_label(p, LABEL_KNOWLEDGE_ITEM), html_label(p, LABEL_KNOWLEDGE_ASKERS));
	const struct html_kindex *k = &site->kindex;
	size_t from = (size_t)(html_group_entry(k, part->first) - k->entries);
	size_t to = part->end < k->n_groups ? (size_t)(html_group_entry(k, part->end) - k->entries) : k->n;
	html_category_rows(p, from, to);
	buf_puts(p->b, "</tbody>\n</table>\n</section>\n");
	html_parts_pager(p, parts, first, end, i, html_knowledge_label, &site->kindex);
	html_page_end(p);
}

struct buf *html_part_file(struct out_set *out, struct html_page *p,
				  const struct html_site *site, const struct html_part *part)
{
	const char *path = html_part_path(&site->plan, part);
	struct buf *b = out_file(out, "html/%s", path);
	if (b) {
		html_page_init(p, b, site, HTML_IN_SHEETS);
		p->self = path;
	}
	return b;
}

int html_stage_parts(const struct html_site *site, struct out_set *out)
{
	const struct html_plan *plan = &site->plan;
	struct html_page p;
	struct buf *b;
	for (size_t f = 0; plan->families_split && f < site->root->n_families; f++)
		for (size_t i = 0; i < plan->families[f].n; i++) {
			if (!(b = html_part_file(out, &p, site, &plan->families[f].part[i])))
				return -1;
			html_family_page(&p, site->root->families[f], i);
			if (out_file_done(out, b) != 0)
				return -1;
		}
	for (size_t i = 0; i < plan->lineage.n; i++) {
		if (!(b = html_part_file(out, &p, site, &plan->lineage.part[i])))
			return -1;
		html_lineage_page_write(&p, i);
		if (out_file_done(out, b) != 0)
			return -1;
	}
	for (size_t c = 0; c < site->root->n_categories; c++)
		for (size_t i = plan->category_parts[c]; i < plan->category_parts[c + 1]; i++) {
			if (!(b = html_part_file(out, &p, site, &plan->knowledge.part[i])))
				return -1;
			html_knowledge_page(&p, c, i);
			if (out_file_done(out, b) != 0)
				return -1;
		}
	return 0;
}
