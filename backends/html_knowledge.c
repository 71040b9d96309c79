/*
 * html_knowledge.c - knowledge.html: every knowledge item, by category and
 * alphabetically, with the sheets that ask for it, how much (essential or
 * useful) and at which level. A recruiter looking for "who needs SQL?" or a
 * manager planning training starts here; each sheet page links its items to
 * their row (k-N, numbered in this page's order).
 */
#include "html.h"

/*
 * The entries of the category of that rank: [*from, *end) on return, *from
 * being where the previous category ended (entries are sorted by category).
 * Returns how many distinct items they hold.
 */
static size_t html_category_span(const struct html_kindex *k, size_t rank, size_t *from,
				 size_t *end)
{
	size_t groups = 0, i = *from;
	for (; i < k->n && k->entries[i].cat_rank == rank; i++)
		groups += i == *from || k->entries[i].group != k->entries[i - 1].group;
	*end = i;
	return groups;
}

static void html_category_toc(const struct html_page *p)
{
	const struct html_kindex *k = &p->site->kindex;
	size_t rank = 0, from = 0, end;
	html_fmt(p->b, "<nav class=\"toc\" aria-label=\"%t\"><ol>\n",
		 html_label(p, LABEL_KNOWLEDGE_CATEGORIES));
	for (const struct ast_category *c = p->site->root->parsed.categories.first; c; c = c->next) {
		size_t groups = html_category_span(k, rank++, &from, &end);
		html_fmt(p->b, "<li><a href=\"#cat-%t\"><span class=\"name\">%t</span> "
			 "<span class=\"count\">%z</span></a></li>\n",
			 c->name.text, c->title.text, groups);
		from = end;
	}
	buf_puts(p->b, "</ol></nav>\n");
}

static void html_asker(const struct html_page *p, const struct html_kentry *e)
{
	buf_puts(p->b, "<li>");
	html_sheet_link(p, e->sheet);
	buf_puts(p->b, " ");
	html_level(p, e->item->level_decl);
	html_fmt(p->b, " <span class=\"imp imp-%s\">%t</span></li>",
		 ast_importance_name(e->block->importance), html_importance(p, e->block->importance));
}

/* The rows of one category: entries[from..end). */
void html_category_rows(const struct html_page *p, size_t from, size_t end)
{
	const struct html_kindex *k = &p->site->kindex;
	for (size_t i = from; i < end; i++) {
		const struct html_kentry *e = &k->entries[i];
		bool first = i == from || e->group != k->entries[i - 1].group;
		bool last = i + 1 == end || e->group != k->entries[i + 1].group;
		if (first)
			html_fmt(p->b, "<tr id=\"k-%z\"><th scope=\"row\">%t</th><td><ul class=\"askers\">",
				 e->group + 1, e->item->text.text);
		html_asker(p, e);
		if (last)
			buf_puts(p->b, "</ul></td></tr>\n");
	}
}

static void html_categories(const struct html_page *p)
{
	const struct html_kindex *k = &p->site->kindex;
	size_t rank = 0, from = 0, end;
	for (const struct ast_category *c = p->site->root->parsed.categories.first; c; c = c->next) {
		html_category_span(k, rank++, &from, &end);
		html_fmt(p->b, "<section class=\"kindex\" id=\"cat-%t\">\n<h2>%t</h2>\n",
			 c->name.text, c->title.text);
		if (p->site->plan.knowledge_split && from < end) {
			html_category_parts(p, rank - 1);
			buf_puts(p->b, "</section>\n");
			from = end;
			continue;
		}
		if (from == end) {
			html_fmt(p->b, "<p class=\"muted\">%t</p>\n</section>\n",
				 html_label(p, LABEL_KNOWLEDGE_NONE));
			continue;
		}
		html_fmt(p->b, "<table class=\"kindex-table\">\n<thead><tr><th scope=\"col\">%t</th>"
			 "<th scope=\"col\">%t</th></tr></thead>\n<tbody>\n",
			 html_label(p, LABEL_KNOWLEDGE_ITEM), html_label(p, LABEL_KNOWLEDGE_ASKERS));
		html_category_rows(p, from, end);
		buf_puts(p->b, "</tbody>\n</table>\n</section>\n");
		from = end;
	}
}

void html_emit_knowledge(const struct html_site *site, struct buf *b)
{
	struct html_page p;
	html_page_init(&p, b, site, HTML_AT_TOP);
	html_page_head(&p, NULL, html_label(&p, LABEL_NAV_KNOWLEDGE));
	html_page_body(&p, "page-knowledge", HTML_NAV_KNOWLEDGE);
	html_fmt(b, "<div class=\"hero\">\n<h1>%t</h1>\n<p class=\"lead\">",
		 html_label(&p, LABEL_NAV_KNOWLEDGE));
	html_label_fill(&p, LABEL_KNOWLEDGE_LEAD,
			&(struct html_fill){ .n = site->kindex.n_groups, .n_span = true });
	buf_puts(b, "</p>\n");
	html_level_legend(&p);
	buf_puts(b, "</div>\n");
	html_category_toc(&p);
	html_categories(&p);
	html_page_end(&p);
}
