/*
 * html_sheet.c - one page per sheet: sheets/CODE.html.
 *
 * The page follows the source document's layout, section by section
 * (mission, activities and tasks, applied knowledge, career path,
 * developmental trends), with the facts a reader looks for first at the top
 * (family, status, other titles, the previous positions it replaces) and,
 * beside it, the outline of the page and the other sheets of its family.
 * Each knowledge item links to its entry in knowledge.html, where the other
 * sheets that ask for it are listed.
 */
#include "html.h"

/* How a trend mark shows: an arrow, and a word for those who cannot see it. */
static const char *const html_trend_arrow[] = {
	[AST_TREND_NONE] = "",
	[AST_TREND_RISING] = "\xe2\x86\x97",     /* ↗ */
	[AST_TREND_STABLE] = "\xe2\x86\x92",     /* → */
	[AST_TREND_DECLINING] = "\xe2\x86\x98",  /* ↘ */
};

/* The sheet page's sections, in order: anchor and heading. */
enum html_section { SEC_MISSION, SEC_ACTIVITIES, SEC_KNOWLEDGE, SEC_CAREER, SEC_TRENDS, SEC_COUNT };

static const struct {
	const char *id;
	enum label_id heading;
} html_sections[SEC_COUNT] = {
	[SEC_MISSION] = { "mission", LABEL_SECTION_MISSION },
	[SEC_ACTIVITIES] = { "activities", LABEL_SECTION_ACTIVITIES },
	[SEC_KNOWLEDGE] = { "knowledge", LABEL_SECTION_KNOWLEDGE },
	[SEC_CAREER] = { "career", LABEL_SECTION_CAREER },
	[SEC_TRENDS] = { "trends", LABEL_SECTION_TRENDS },
};

/* The words of each trend mark. */
static const enum label_id html_trend_label[] = {
	[AST_TREND_RISING] = LABEL_TREND_RISING,
	[AST_TREND_STABLE] = LABEL_TREND_STABLE,
	[AST_TREND_DECLINING] = LABEL_TREND_DECLINING,
};

/* Whether a section has anything to show: one written empty is left out. */
static bool html_section_present(const struct ast_sheet *s, enum html_section sec)
{
	size_t n = 0;
	switch (sec) {
	case SEC_MISSION: return s->mission.prose.count > 0;
	case SEC_ACTIVITIES: return s->activities.intro.count + s->activities.groups.count > 0;
	case SEC_CAREER: return s->career.prose.count > 0;
	case SEC_TRENDS: return s->trends.prose.count > 0;
	default:
		for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
			n += k->items.count;
		return n > 0;
	}
}

static void html_section_open(const struct html_page *p, enum html_section sec)
{
	html_fmt(p->b, "<section class=\"part\" id=\"%s\">\n<h2>%t</h2>\n",
		 html_sections[sec].id, html_label(p, html_sections[sec].heading));
}

/* ---- the top of the page ---- */

static void html_fact_open(const struct html_page *p, enum label_id term)
{
	html_fmt(p->b, "<div><dt>%t</dt><dd>", html_label(p, term));
}

/* A fact's remark on the previous edition: "compared with the previous
 * edition (1995 listing)". */
static void html_fact_previous(const struct html_page *p, enum label_id remark)
{
	buf_puts(p->b, " <span class=\"muted\">");
	html_label_fill(p, remark, NULL);
	buf_puts(p->b, "</span></dd></div>\n");
}

static void html_facts(const struct html_page *p, const struct ast_sheet *s)
{
	buf_puts(p->b, "<dl class=\"facts\">\n");
	if (s->status != AST_STATUS_NONE) {
		html_fact_open(p, LABEL_SHEET_STATUS);
		html_status_badge(p, s->status);
		html_fact_previous(p, LABEL_SHEET_SINCE_PREVIOUS);
	}
	if (s->aka.count > 0) {
		html_fact_open(p, LABEL_SHEET_AKA);
		buf_puts(p->b, "<ul class=\"inline\">");
		for (const struct ast_str *a = s->aka.first; a; a = a->next)
			html_fmt(p->b, "<li>%t</li>", a->text);
		buf_puts(p->b, "</ul></dd></div>\n");
	}
	if (s->replaces.count > 0) {
		html_fact_open(p, LABEL_SHEET_REPLACES);
		buf_puts(p->b, "<ul class=\"inline\">");
		for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
			buf_puts(p->b, "<li><a href=\"");
			html_link_to(p, html_lineage_page(p->site, r->lineage));
			html_fmt(p->b, "#prev-%t\"><span class=\"code\">%t</span> "
				 "<span class=\"name\">%t</span></a></li>",
				 r->code.text, r->code.text, r->title.text);
		}
		buf_puts(p->b, "</ul>");
		html_fact_previous(p, LABEL_SHEET_IN_PREVIOUS);
	}
	buf_puts(p->b, "</dl>\n");
}

static void html_sheet_header(const struct html_page *p, const struct ast_sheet *s)
{
	const struct ast_family *f = s->family_decl;
	html_fmt(p->b, "<header class=\"sheet-head\">\n"
		 "<p class=\"eyebrow\"><span class=\"family-no\">%t %t</span> "
		 "<span>%t</span></p>\n"
		 "<h1><span class=\"code\">%t</span> <span class=\"name\">%t</span></h1>\n",
		 html_label(p, LABEL_SHEET_FAMILY), f->number.text, f->title.text, s->code.text,
		 s->title.text);
	html_facts(p, s);
	buf_puts(p->b, "</header>\n");
}

/* ---- activities ---- */

static void html_trend(const struct html_page *p, enum ast_trend t)
{
	if (t == AST_TREND_NONE) {
		buf_puts(p->b, "<span class=\"trend\"></span>");
		return;
	}
	html_fmt(p->b, "<span class=\"trend trend-%s\" title=\"%t ", ast_trend_name(t),
		 html_label(p, html_trend_label[t]));
	html_label_fill(p, LABEL_SHEET_SINCE_PREVIOUS, &(struct html_fill){ .in_attribute = true });
	html_fmt(p->b, "\"><span aria-hidden=\"true\">%s</span><span class=\"vh\">%t: </span></span>",
		 html_trend_arrow[t], html_label(p, html_trend_label[t]));
}

static void html_trend_legend(const struct html_page *p)
{
	buf_puts(p->b, "<p class=\"trend-legend\">");
	html_label_fill(p, LABEL_TREND_LEGEND, NULL);
	for (enum ast_trend t = AST_TREND_RISING; t <= AST_TREND_DECLINING; t++)
		html_fmt(p->b, " <span class=\"trend trend-%s\" aria-hidden=\"true\">%s</span> %t",
			 ast_trend_name(t), html_trend_arrow[t], html_label(p, html_trend_label[t]));
	buf_puts(p->b, "</p>\n");
}

static void html_task(const struct html_page *p, const struct ast_task *t)
{
	buf_puts(p->b, "<li>");
	html_trend(p, t->trend);
	html_fmt(p->b, "<span class=\"task\">%t</span>", t->text.text);
	if (t->subitems.count > 0) {
		buf_puts(p->b, "\n<ul class=\"sub\">\n");
		for (const struct ast_str *it = t->subitems.first; it; it = it->next)
			html_fmt(p->b, "<li>%t</li>\n", it->text);
		buf_puts(p->b, "</ul>\n");
	}
	buf_puts(p->b, "</li>\n");
}

static void html_activities(const struct html_page *p, const struct ast_activities *a)
{
	html_prose(p->b, &a->intro);
	if (ast_activities_has_trends(a))
		html_trend_legend(p);
	buf_puts(p->b, "<div class=\"groups\">\n");
	size_t n = 0;
	for (const struct ast_group *g = a->groups.first; g; g = g->next) {
		html_fmt(p->b, "<section class=\"group\" id=\"activities-%z\">\n<h3>", ++n);
		if (g->trend != AST_TREND_NONE)
			html_trend(p, g->trend);
		html_label_fill(p, LABEL_GROUP_TITLE, &(struct html_fill){ .n = n, .title = g->title.text });
		buf_puts(p->b, "</h3>\n");
		if (g->intro.text)
			html_fmt(p->b, "<p class=\"intro\">%t</p>\n", g->intro.text);
		if (g->tasks.count > 0) {
			buf_puts(p->b, "<ul class=\"tasks\">\n");
			for (const struct ast_task *t = g->tasks.first; t; t = t->next)
				html_task(p, t);
			buf_puts(p->b, "</ul>\n");
		}
		buf_puts(p->b, "</section>\n");
	}
	buf_puts(p->b, "</div>\n");
}

/* ---- applied knowledge ---- */

/*
 * One block: a heading row (essential or useful), then a row per item,
 * linked to its group of the knowledge index (groups: those of the items).
 */
static void html_knowledge_rows(const struct html_page *p, const struct ast_knowledge *k,
				const size_t *groups, bool levelled)
{
	html_fmt(p->b, "<tbody>\n<tr class=\"imp-row\"><th scope=\"rowgroup\" colspan=\"%s\" "
		 "class=\"imp imp-%s\">%t</th></tr>\n", levelled ? "2" : "1",
		 ast_importance_name(k->importance), html_importance(p, k->importance));
	for (const struct ast_item *it = k->items.first; it; it = it->next, groups++) {
		buf_puts(p->b, "<tr>");
		if (levelled) {
			buf_puts(p->b, "<td class=\"lvl\">");
			html_level(p, it->level_decl);
			buf_puts(p->b, "</td>");
		}
		buf_puts(p->b, "<td><a class=\"item\" href=\"");
		html_link_to(p, html_group_page(p->site, *groups));
		html_fmt(p->b, "#k-%z\">%t</a></td></tr>\n", *groups + 1, it->text.text);
	}
	buf_puts(p->b, "</tbody>\n");
}

/*
 * The sheet's blocks of one category, essential before useful; groups are
 * those of the sheet's items (html_kindex_sheet_groups).
 */
static void html_knowledge_category(const struct html_page *p, const struct ast_sheet *s,
				    const struct ast_category *cat, const size_t *groups)
{
	bool any = false;
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
		any = any || (k->category_decl == cat && k->items.count > 0);
	if (!any)
		return;
	html_fmt(p->b, "<div class=\"kcat\" id=\"knowledge-%t\">\n<h3>%t</h3>\n"
		 "<table class=\"ktable%s\">\n<thead><tr>", cat->name.text, cat->title.text,
		 cat->levelled ? " levelled" : "");
	if (cat->levelled)
		html_fmt(p->b, "<th scope=\"col\">%t</th>", html_label(p, LABEL_KNOWLEDGE_LEVEL));
	html_fmt(p->b, "<th scope=\"col\">%t</th></tr></thead>\n", html_label(p, LABEL_KNOWLEDGE_ITEM));
	for (enum ast_importance imp = AST_ESSENTIAL; imp <= AST_USEFUL; imp++) {
		size_t nth = 0;         /* the block's first item among the sheet's */
		for (const struct ast_knowledge *k = s->knowledge.first; k; nth += k->items.count, k = k->next)
			if (k->category_decl == cat && k->importance == imp && k->items.count > 0)
				html_knowledge_rows(p, k, groups + nth, cat->levelled);
	}
	buf_puts(p->b, "</table>\n</div>\n");
}

static void html_knowledge(const struct html_page *p, size_t i)
{
	const struct ast_sheet *s = p->site->root->sheets[i];
	const size_t *groups = html_kindex_sheet_groups(&p->site->kindex, i);
	for (const struct ast_category *c = p->site->root->parsed.categories.first; c; c = c->next)
		html_knowledge_category(p, s, c, groups);
	if (p->site->root->scale && p->site->root->scale->levels.first) {
		html_fmt(p->b, "<div class=\"legend-box\"><p class=\"legend-title\">%t</p>\n",
			 html_label(p, LABEL_KNOWLEDGE_LEVELS));
		html_level_legend(p);
		buf_puts(p->b, "</div>\n");
	}
}

/* ---- career ---- */

/* Every entry of one kind under one term, in the order written. */
static void html_career_term(const struct html_page *p, const struct ast_section *c,
			     enum ast_prose_kind kind, enum label_id term)
{
	bool open = false;
	for (const struct ast_prose *e = c->prose.first; e; e = e->next) {
		if (e->kind != kind)
			continue;
		if (!open)
			html_fmt(p->b, "<div><dt>%t</dt>", html_label(p, term));
		open = true;
		html_fmt(p->b, "<dd>%t</dd>", e->text.text);
	}
	if (open)
		buf_puts(p->b, "</div>\n");
}

static void html_career(const struct html_page *p, const struct ast_section *c)
{
	struct buf *b = p->b;
	buf_puts(b, "<dl class=\"career\">\n");
	html_career_term(p, c, AST_CAREER_EDUCATION, LABEL_CAREER_EDUCATION);
	html_career_term(p, c, AST_CAREER_EXPERIENCE, LABEL_CAREER_EXPERIENCE);
	buf_puts(b, "</dl>\n");
	for (const struct ast_prose *e = c->prose.first; e; e = e->next) {
		if (e->kind == AST_PARAGRAPH) {
			html_fmt(b, "<p>%t</p>\n", e->text.text);
		} else if (e->kind == AST_LIST) {
			buf_puts(b, "<ul>\n");
			for (const struct ast_str *it = e->items.first; it; it = it->next)
				html_fmt(b, "<li>%t</li>\n", it->text);
			buf_puts(b, "</ul>\n");
		}
	}
}

/* ---- the sections, the outline, the family and the pager ---- */

/* The body of a section of the page of root->sheets[i]. */
static void html_section_body(const struct html_page *p, size_t i, enum html_section sec)
{
	const struct ast_sheet *s = p->site->root->sheets[i];
	switch (sec) {
	case SEC_MISSION: html_prose(p->b, &s->mission.prose); break;
	case SEC_ACTIVITIES: html_activities(p, &s->activities); break;
	case SEC_KNOWLEDGE: html_knowledge(p, i); break;
	case SEC_CAREER: html_career(p, &s->career); break;
	default: html_prose(p->b, &s->trends.prose); break;
	}
}

static void html_outline(const struct html_page *p, const struct ast_sheet *s)
{
	html_fmt(p->b, "<nav class=\"box\" aria-labelledby=\"outline-h\">"
		 "<h2 id=\"outline-h\">%t</h2><ul>", html_label(p, LABEL_PAGE_OUTLINE));
	for (enum html_section sec = 0; sec < SEC_COUNT; sec++)
		if (html_section_present(s, sec))
			html_fmt(p->b, "<li><a href=\"#%s\">%t</a></li>",
				 html_sections[sec].id, html_label(p, html_sections[sec].heading));
	buf_puts(p->b, "</ul></nav>\n");
}

/*
 * Listing a family of thousands on each of its pages would make the site
 * grow with the square of the family: past this many, the box shows the
 * sheets around this one and links to the family's full list in the index.
 */
#define HTML_FAMILY_WINDOW 15

static void html_family_box(const struct html_page *p, const struct ast_sheet *s)
{
	const struct ast_family *f = s->family_decl;
	size_t here = 0;
	while (here < f->n_sheets && f->sheets[here] != s)
		here++;
	size_t from = 0, to = f->n_sheets;
	if (f->n_sheets > HTML_FAMILY_WINDOW) {
		from = here > HTML_FAMILY_WINDOW / 2 ? here - HTML_FAMILY_WINDOW / 2 : 0;
		if (from > f->n_sheets - HTML_FAMILY_WINDOW)
			from = f->n_sheets - HTML_FAMILY_WINDOW;
		to = from + HTML_FAMILY_WINDOW;
	}
	html_fmt(p->b, "<nav class=\"box\" aria-labelledby=\"family-h\">"
		 "<h2 id=\"family-h\"><a href=\"%sindex.html#family-%t\">%t %t</a></h2>"
		 "<ul class=\"family-list\">",
		 p->up, f->number.text, html_label(p, LABEL_SHEET_FAMILY), f->number.text);
	for (size_t i = from; i < to; i++) {
		if (i == here) {
			html_fmt(p->b, "<li class=\"here\"><span aria-current=\"page\">"
				 "<span class=\"code\">%t</span> <span class=\"name\">%t</span></span></li>",
				 s->code.text, s->title.text);
			continue;
		}
		buf_puts(p->b, "<li>");
		html_sheet_link(p, f->sheets[i]);
		buf_puts(p->b, "</li>");
	}
	if (to - from < f->n_sheets) {
		html_fmt(p->b, "<li><a href=\"%sindex.html#family-%t\">", p->up, f->number.text);
		html_label_fill(p, LABEL_SHEET_FAMILY_ALL,
				&(struct html_fill){ .n = f->n_sheets, .family = f->number.text });
		buf_puts(p->b, "</a></li>");
	}
	buf_puts(p->b, "<li class=\"matrix-link\">");
	html_matrix_link(p, f, s);
	buf_puts(p->b, "</li></ul></nav>\n");
}

static void html_pager_link(const struct html_page *p, const struct ast_sheet *s,
			    const char *rel, enum label_id dir)
{
	html_fmt(p->b, "<a class=\"pager-%s\" rel=\"%s\" href=\"%t.html\">"
		 "<span class=\"dir\">%t</span> <span class=\"code\">%t</span> "
		 "<span class=\"name\">%t</span></a>\n",
		 rel, rel, s->file_name, html_label(p, dir), s->code.text, s->title.text);
}

static void html_pager(const struct html_page *p, size_t i)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "<nav class=\"pager\" aria-label=\"%t\">\n", html_label(p, LABEL_PAGE_PAGER));
	if (i > 0)
		html_pager_link(p, root->sheets[i - 1], "prev", LABEL_PAGE_PREVIOUS);
	if (i + 1 < root->n_sheets)
		html_pager_link(p, root->sheets[i + 1], "next", LABEL_PAGE_NEXT);
	buf_puts(p->b, "</nav>\n");
}

void html_emit_sheet(const struct html_site *site, size_t i, struct buf *b)
{
	const struct ast_sheet *s = site->root->sheets[i];
	struct html_page p;
	html_page_init(&p, b, site, HTML_IN_SHEETS);
	html_page_head(&p, s->code.text, s->title.text);
	html_jsonld(b, site->root, s);
	html_page_body(&p, "page-sheet", HTML_NAV_NONE);
	html_breadcrumb(&p, s->family_decl, s->code.text);
	buf_puts(b, "<div class=\"sheet-layout\">\n<article class=\"sheet\">\n");
	html_sheet_header(&p, s);
	for (enum html_section sec = 0; sec < SEC_COUNT; sec++) {
		if (!html_section_present(s, sec))
			continue;
		html_section_open(&p, sec);
		html_section_body(&p, i, sec);
		buf_puts(b, "</section>\n");
	}
	buf_puts(b, "</article>\n<aside class=\"sheet-aside\">\n");
	html_outline(&p, s);
	html_family_box(&p, s);
	buf_puts(b, "</aside>\n</div>\n");
	html_pager(&p, i);
	html_page_end(&p);
}
