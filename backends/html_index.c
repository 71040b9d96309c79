/*
 * html_index.c - index.html: the catalogue at a glance.
 *
 * A reader lands here: a summary in figures, the families with a card per
 * sheet (code, title, status, other titles, the start of its mission), then
 * the lineage table that answers "what became of position 23 of the
 * previous listing?", retired positions included.
 */
#include "html.h"

static size_t html_count_status(const struct ast_root *root, enum ast_status st)
{
	size_t n = 0;
	for (size_t i = 0; i < root->n_sheets; i++)
		n += root->sheets[i]->status == st;
	return n;
}

static void html_stat(const struct html_page *p, size_t n, enum label_id text)
{
	buf_puts(p->b, "<li>");
	html_label_fill(p, text, &(struct html_fill){ .n = n, .n_span = true });
	buf_puts(p->b, "</li>");
}

static void html_hero(const struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "<div class=\"hero\">\n<h1>%t</h1>\n<p class=\"lead\">",
		 html_catalogue_title(root));
	html_label_fill(p, LABEL_INDEX_LEAD, NULL);
	buf_puts(p->b, "</p>\n<ul class=\"stats\">");
	html_stat(p, root->n_sheets, LABEL_COUNT_POSITIONS);
	html_stat(p, root->n_families, LABEL_COUNT_FAMILIES);
	html_stat(p, html_count_status(root, AST_STATUS_NEW), LABEL_COUNT_NEW);
	html_stat(p, html_count_status(root, AST_STATUS_REVISED), LABEL_COUNT_REVISED);
	html_stat(p, root->n_retired, LABEL_COUNT_RETIRED);
	buf_puts(p->b, "</ul>\n</div>\n");
}

static void html_family_toc(const struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "<nav class=\"toc\" aria-label=\"%t\"><ol>\n",
		 html_label(p, LABEL_INDEX_FAMILIES));
	for (size_t i = 0; i < root->n_families; i++) {
		const struct ast_family *f = root->families[i];
		html_fmt(p->b, "<li><a href=\"#family-%t\"><span class=\"family-no\">%t</span> "
			 "<span class=\"name\">%t</span> <span class=\"count\">%z</span></a></li>\n",
			 f->number.text, f->number.text, f->title.text, f->n_sheets);
	}
	buf_puts(p->b, "<li class=\"toc-extra\"><a href=\"#lineage\">");
	html_label_fill(p, LABEL_INDEX_LINEAGE, NULL);
	buf_puts(p->b, "</a></li>\n</ol></nav>\n");
}

/* The first paragraph of the mission, if it opens with one. */
static const char *html_summary(const struct ast_sheet *s)
{
	const struct ast_prose *first = s->mission.prose.first;
	return first && first->kind == AST_PARAGRAPH ? first->text.text : NULL;
}

void html_card(const struct html_page *p, const struct ast_sheet *s)
{
	buf_puts(p->b, "<li class=\"card\">\n<h3>");
	html_sheet_link(p, s);
	buf_puts(p->b, "</h3>\n<p class=\"card-meta\">");
	html_status_badge(p, s->status);
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		buf_puts(p->b, " <a class=\"was\" href=\"");
		html_link_to(p, html_lineage_page(p->site, r->lineage));
		html_fmt(p->b, "#prev-%t\">%t <span class=\"code\">%t</span></a>",
			 r->code.text, html_label(p, LABEL_INDEX_WAS), r->code.text);
	}
	buf_puts(p->b, "</p>\n");
	if (s->aka.count > 0) {
		html_fmt(p->b, "<ul class=\"aka\" aria-label=\"%t\">", html_label(p, LABEL_SHEET_AKA));
		for (const struct ast_str *a = s->aka.first; a; a = a->next)
			html_fmt(p->b, "<li>%t</li>", a->text);
		buf_puts(p->b, "</ul>\n");
	}
	if (html_summary(s))
		html_fmt(p->b, "<p class=\"summary\">%t</p>\n", html_summary(s));
	buf_puts(p->b, "</li>\n");
}

static void html_family(const struct html_page *p, const struct ast_family *f)
{
	html_fmt(p->b, "<section class=\"family\" id=\"family-%t\">\n"
		 "<h2><span class=\"family-no\">%t %t</span> <span class=\"name\">%t</span></h2>\n",
		 f->number.text, html_label(p, LABEL_SHEET_FAMILY), f->number.text, f->title.text);
	if (f->n_sheets == 0) {
		html_fmt(p->b, "<p class=\"muted\">%t</p>\n</section>\n",
			 html_label(p, LABEL_INDEX_FAMILY_EMPTY));
		return;
	}
	buf_puts(p->b, "<p class=\"family-links\">");
	html_matrix_link(p, f, NULL);
	buf_puts(p->b, "</p>\n");
	if (p->site->plan.families_split) {
		html_family_parts(p, f);
		buf_puts(p->b, "</section>\n");
		return;
	}
	buf_puts(p->b, "<ul class=\"cards\">\n");
	for (size_t i = 0; i < f->n_sheets; i++)
		html_card(p, f->sheets[i]);
	buf_puts(p->b, "</ul>\n</section>\n");
}

/* Where a previous position went: the sheets that replace it, or retired. */
static void html_lineage_now(const struct html_page *p, const struct ast_lineage *l)
{
	if (l->n_sheets > 0) {
		buf_puts(p->b, "<ul class=\"to\">");
		for (size_t i = 0; i < l->n_sheets; i++) {
			buf_puts(p->b, "<li>");
			html_sheet_link(p, l->sheets[i]);
			html_status_badge(p, l->sheets[i]->status);
			buf_puts(p->b, "</li>");
		}
		buf_puts(p->b, "</ul>");
	}
	if (l->retired) {
		html_fmt(p->b, "<p class=\"went\"><span class=\"badge badge-retired\">%t</span> "
			 "%t ", html_label(p, LABEL_STATUS_RETIRED), html_label(p, LABEL_LINEAGE_WENT));
		html_sheet_link(p, l->retired->see_sheet);
		buf_puts(p->b, "</p>");
	}
}

void html_lineage_table(const struct html_page *p, size_t first, size_t end)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "<table class=\"lineage-table\">\n<thead><tr><th scope=\"col\">%t</th>"
		 "<th scope=\"col\">%t</th><th scope=\"col\">%t</th></tr></thead>\n<tbody>\n",
		 html_label(p, LABEL_LINEAGE_CODE), html_label(p, LABEL_LINEAGE_PREVIOUS),
		 html_label(p, LABEL_LINEAGE_NOW));
	for (size_t i = first; i < end; i++) {
		const struct ast_lineage *l = &root->lineage[i];
		html_fmt(p->b, "<tr id=\"prev-%t\"%s><th scope=\"row\">%t</th><td>%t</td><td>",
			 l->code, l->n_sheets ? "" : " class=\"retired\"", l->code, l->title);
		html_lineage_now(p, l);
		buf_puts(p->b, "</td></tr>\n");
	}
	buf_puts(p->b, "</tbody>\n</table>\n");
}

static void html_lineage(const struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	buf_puts(p->b, "<section class=\"lineage\" id=\"lineage\">\n<h2>");
	html_label_fill(p, LABEL_LINEAGE_HEADING, NULL);
	buf_puts(p->b, "</h2>\n");
	if (root->n_lineage == 0) {
		html_fmt(p->b, "<p class=\"muted\">%t</p>\n</section>\n",
			 html_label(p, LABEL_LINEAGE_NONE));
		return;
	}
	buf_puts(p->b, "<p>");
	html_label_fill(p, LABEL_LINEAGE_INTRO, NULL);
	buf_puts(p->b, "</p>\n");
	if (p->site->plan.lineage_split) {
		html_lineage_parts(p);
	} else {
		html_lineage_svg(p, 0, root->n_lineage);
		html_lineage_table(p, 0, root->n_lineage);
	}
	buf_puts(p->b, "</section>\n");
}

void html_emit_index(const struct html_site *site, struct buf *b)
{
	struct html_page p;
	html_page_init(&p, b, site, HTML_AT_TOP);
	p.self = "index.html";
	html_page_head(&p, NULL, html_label(&p, LABEL_NAV_POSITIONS));
	html_page_body(&p, "page-index", HTML_NAV_POSITIONS);
	html_hero(&p);
	html_family_toc(&p);
	for (size_t i = 0; i < site->root->n_families; i++)
		html_family(&p, site->root->families[i]);
	html_lineage(&p);
	html_page_end(&p);
}
