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

static void html_stat(struct buf *b, size_t n, const char *one, const char *many)
{
	html_fmt(b, "<li><span class=\"num\">%z</span> %s</li>", n, n == 1 ? one : many);
}

static void html_hero(const struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "<div class=\"hero\">\n<h1>%t</h1>\n",
		 html_catalogue_title(root));
	html_fmt(p->b, "<p class=\"lead\">The reference of job positions: what each one is for, "
		 "what it does, what it asks for and where it leads. "
		 "Pick a family below, look up a skill in the "
		 "<a href=\"knowledge.html\">knowledge index</a>, or see what became of the "
		 "positions of the <a href=\"#lineage\"><span>%t</span></a>.</p>\n",
		 html_previous_name(root));
	buf_puts(p->b, "<ul class=\"stats\">");
	html_stat(p->b, root->n_sheets, "position", "positions");
	html_stat(p->b, root->n_families, "family", "families");
	html_stat(p->b, html_count_status(root, AST_STATUS_NEW), "new position", "new positions");
	html_stat(p->b, html_count_status(root, AST_STATUS_REVISED), "revised position",
		  "revised positions");
	html_stat(p->b, root->n_retired, "retired position", "retired positions");
	buf_puts(p->b, "</ul>\n</div>\n");
}

static void html_family_toc(const struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	buf_puts(p->b, "<nav class=\"toc\" aria-label=\"Families\"><ol>\n");
	for (size_t i = 0; i < root->n_families; i++) {
		const struct ast_family *f = root->families[i];
		html_fmt(p->b, "<li><a href=\"#family-%t\"><span class=\"family-no\">%t</span> "
			 "<span class=\"name\">%t</span> <span class=\"count\">%z</span></a></li>\n",
			 f->number.text, f->number.text, f->title.text, f->n_sheets);
	}
	html_fmt(p->b, "<li class=\"toc-extra\"><a href=\"#lineage\">Lineage from the "
		 "<span>%t</span></a></li>\n</ol></nav>\n", html_previous_name(root));
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
	html_status_badge(p->b, s->status);
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		buf_puts(p->b, " <a class=\"was\" href=\"");
		html_link_to(p, html_lineage_page(p->site, r->lineage));
		html_fmt(p->b, "#prev-%t\">was <span class=\"code\">%t</span></a>",
			 r->code.text, r->code.text);
	}
	buf_puts(p->b, "</p>\n");
	if (s->aka.count > 0) {
		buf_puts(p->b, "<ul class=\"aka\" aria-label=\"Also known as\">");
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
		 "<h2><span class=\"family-no\">Family %t</span> <span class=\"name\">%t</span></h2>\n",
		 f->number.text, f->number.text, f->title.text);
	if (f->n_sheets == 0) {
		buf_puts(p->b, "<p class=\"muted\">No sheet in this family yet.</p>\n</section>\n");
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
			html_status_badge(p->b, l->sheets[i]->status);
			buf_puts(p->b, "</li>");
		}
		buf_puts(p->b, "</ul>");
	}
	if (l->retired) {
		buf_puts(p->b, "<p class=\"went\"><span class=\"badge badge-retired\">retired</span> "
			 "its tasks now belong to ");
		html_sheet_link(p, l->retired->see_sheet);
		buf_puts(p->b, "</p>");
	}
}

void html_lineage_table(const struct html_page *p, size_t first, size_t end)
{
	const struct ast_root *root = p->site->root;
	buf_puts(p->b, "<table class=\"lineage-table\">\n<thead><tr><th scope=\"col\">Code</th>"
		 "<th scope=\"col\">Previous position</th><th scope=\"col\">Now</th></tr></thead>\n<tbody>\n");
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
	const char *prev = html_previous_name(root);
	html_fmt(p->b, "<section class=\"lineage\" id=\"lineage\">\n"
		 "<h2>From the <span>%t</span> to this edition</h2>\n", prev);
	if (root->n_lineage == 0) {
		buf_puts(p->b, "<p class=\"muted\">No previous position is recorded.</p>\n</section>\n");
		return;
	}
	html_fmt(p->b, "<p>Each position of the <span>%t</span>, and the sheets that took it over: "
		 "<span class=\"badge badge-new\">new</span> sheets were written for this edition, "
		 "<span class=\"badge badge-revised\">revised</span> ones carry on a previous sheet.</p>\n",
		 prev);
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
	html_page_head(&p, NULL, "Positions");
	html_page_body(&p, "page-index", HTML_NAV_POSITIONS);
	html_hero(&p);
	html_family_toc(&p);
	for (size_t i = 0; i < site->root->n_families; i++)
		html_family(&p, site->root->families[i]);
	html_lineage(&p);
	html_page_end(&p);
}
