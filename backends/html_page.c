/*
 * html_page.c - what every page of the site shares: the document skeleton
 * (head, site header and navigation, footer) and the small pieces that more
 * than one page shows (a link to a sheet, a status badge, a level, prose),
 * and the shorthands for the kit's escaping that every page file calls.
 *
 * Landmarks (header, nav, main, footer) and a skip link make the pages easy
 * to move through with a keyboard or a screen reader; every navigation block
 * has its own label because a page has several.
 */
#include "html.h"
#include "mem.h"

void html_text(struct buf *b, const char *s)
{
	emit_escape_str(b, &emit_html, s);
}

void html_json_text(struct buf *b, const char *s)
{
	emit_escape_str(b, &emit_json_script, s);
}

void html_fmt(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit_vfmt(b, &emit_html, fmt, ap);
	va_end(ap);
}

void html_page_init(struct html_page *p, struct buf *b, const struct html_site *site,
		    enum html_where where)
{
	p->b = b;
	p->site = site;
	p->up = where == HTML_IN_SHEETS ? "../" : "";
	p->self = NULL;
}

const char *html_catalogue_title(const struct ast_root *root)
{
	return root->catalogue ? root->catalogue->title.text : label(root->labels, LABEL_UNTITLED);
}

const char *html_label(const struct html_page *p, enum label_id id)
{
	return label(p->site->root->labels, id);
}

const char *html_importance(const struct html_page *p, enum ast_importance i)
{
	return html_label(p, i == AST_ESSENTIAL ? LABEL_IMPORTANCE_ESSENTIAL : LABEL_IMPORTANCE_USEFUL);
}

/* ---- the placeholders of labels (struct html_fill) ---- */

struct html_fill_ctx {
	const struct html_page *p;
	const struct html_fill *values;
};

static void html_fill_previous(struct buf *b, const void *ctx)
{
	const struct html_fill_ctx *c = ctx;
	const struct ast_catalogue_info *cat = c->p->site->root->catalogue;
	if (!cat || !cat->previous.text)
		return;
	html_fmt(b, c->values->in_attribute ? " (%t)" : " (<span>%t</span>)", cat->previous.text);
}

static void html_fill_n(struct buf *b, const void *ctx)
{
	const struct html_fill *v = ((const struct html_fill_ctx *)ctx)->values;
	html_fmt(b, v->n_span ? "<span class=\"num\">%z</span>" : "%z", v->n);
}

static void html_fill_pages(struct buf *b, const void *ctx)
{
	html_fmt(b, "%z", ((const struct html_fill_ctx *)ctx)->values->pages);
}

static void html_fill_family(struct buf *b, const void *ctx)
{
	html_text(b, ((const struct html_fill_ctx *)ctx)->values->family);
}

static void html_fill_title(struct buf *b, const void *ctx)
{
	const struct html_fill *v = ((const struct html_fill_ctx *)ctx)->values;
	html_fmt(b, v->in_attribute ? "%t" : "<span class=\"name\">%t</span>", v->title);
}

/* {knowledge} and {lineage}: index.html's links to the two pages. */
static void html_fill_knowledge(struct buf *b, const void *ctx)
{
	html_fmt(b, "<a href=\"knowledge.html\">%t</a>",
		 html_label(((const struct html_fill_ctx *)ctx)->p, LABEL_NAV_KNOWLEDGE));
}

static void html_fill_lineage(struct buf *b, const void *ctx)
{
	html_fmt(b, "<a href=\"#lineage\">%t</a>",
		 html_label(((const struct html_fill_ctx *)ctx)->p, LABEL_NAV_LINEAGE));
}

static void html_badge(struct buf *b, const struct html_page *p, enum ast_status status)
{
	static const enum label_id text[] = {
		[AST_STATUS_NEW] = LABEL_STATUS_NEW, [AST_STATUS_REVISED] = LABEL_STATUS_REVISED,
	};
	html_fmt(b, "<span class=\"badge badge-%s\">%t</span>", ast_status_name(status),
		 html_label(p, text[status]));
}

static void html_fill_new(struct buf *b, const void *ctx)
{
	html_badge(b, ((const struct html_fill_ctx *)ctx)->p, AST_STATUS_NEW);
}

static void html_fill_revised(struct buf *b, const void *ctx)
{
	html_badge(b, ((const struct html_fill_ctx *)ctx)->p, AST_STATUS_REVISED);
}

void html_label_fill(const struct html_page *p, enum label_id id,
		     const struct html_fill *values)
{
	static const struct emit_hole holes[] = {
		{ "previous", NULL, html_fill_previous }, { "n", NULL, html_fill_n },
		{ "pages", NULL, html_fill_pages },
		{ "family", NULL, html_fill_family }, { "title", NULL, html_fill_title },
		{ "knowledge", NULL, html_fill_knowledge }, { "lineage", NULL, html_fill_lineage },
		{ "new", NULL, html_fill_new }, { "revised", NULL, html_fill_revised },
	};
	static const struct html_fill none;
	struct html_fill_ctx ctx = { p, values ? values : &none };
	emit_fill(p->b, &emit_html, label_n(p->site->root->labels, id, ctx.values->n), holes,
		  sizeof holes / sizeof holes[0], &ctx);
}

void html_breadcrumb(const struct html_page *p, const struct ast_family *f, const char *here)
{
	html_fmt(p->b, "<nav class=\"crumbs\" aria-label=\"%t\"><ol>"
		 "<li><a href=\"%sindex.html\">%t</a></li>"
		 "<li><a href=\"%sindex.html#family-%t\">%t %t</a></li>"
		 "<li><span aria-current=\"page\">%t</span></li></ol></nav>\n",
		 html_label(p, LABEL_PAGE_BREADCRUMB), p->up, html_label(p, LABEL_NAV_POSITIONS),
		 p->up, f->number.text, html_label(p, LABEL_SHEET_FAMILY), f->number.text, here);
}

/* ---- the page ---- */

void html_page_head(struct html_page *p, const char *code, const char *title)
{
	html_fmt(p->b, "<!DOCTYPE html>\n"
		 "<!-- generated by jobc, do not edit -->\n"
		 "<html lang=\"%t\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"jobc\">\n<title>",
		 p->site->root->labels->tag);
	if (code)
		html_fmt(p->b, "%t ", code);
	html_fmt(p->b, "%t \xc2\xb7 %t</title>\n<link rel=\"stylesheet\" href=\"%sstyle.css\">\n",
		 title, html_catalogue_title(p->site->root), p->up);
	html_search_head(p);
}

/* Publisher and edition, each only if declared, in the header and footer. */
static void html_catalogue_meta(struct buf *b, const struct ast_catalogue_info *c)
{
	if (!c)
		return;
	if (c->publisher.text)
		html_fmt(b, "<span>%t</span>", c->publisher.text);
	if (c->publisher.text && c->edition.text)
		buf_puts(b, " \xc2\xb7 ");
	if (c->edition.text)
		html_fmt(b, "<span>%t</span>", c->edition.text);
}

static void html_nav_item(const struct html_page *p, const char *href, enum label_id text,
			  bool current)
{
	html_fmt(p->b, "<li><a href=\"%s%s\"%s>%t</a></li>", p->up, href,
		 current ? " aria-current=\"page\"" : "", html_label(p, text));
}

void html_page_body(struct html_page *p, const char *body_class, enum html_nav current)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "</head>\n<body class=\"%s\">\n"
		 "<a class=\"skip\" href=\"#main\">%t</a>\n"
		 "<header class=\"site-header\"><div class=\"bar\">\n"
		 "<a class=\"brand\" href=\"%sindex.html\"><span class=\"brand-name\">%t</span>"
		 "<span class=\"brand-meta\">",
		 body_class, html_label(p, LABEL_PAGE_SKIP), p->up, html_catalogue_title(root));
	html_catalogue_meta(p->b, root->catalogue);
	html_fmt(p->b, "</span></a>\n<nav class=\"site-nav\" aria-label=\"%t\"><ul>",
		 html_label(p, LABEL_PAGE_SITE));
	html_nav_item(p, "index.html", LABEL_NAV_POSITIONS, current == HTML_NAV_POSITIONS);
	html_nav_item(p, "index.html#lineage", LABEL_NAV_LINEAGE, false);
	html_nav_item(p, "knowledge.html", LABEL_NAV_KNOWLEDGE, current == HTML_NAV_KNOWLEDGE);
	buf_puts(p->b, "</ul></nav>\n");
	html_search_box(p);
	buf_puts(p->b, "</div></header>\n<main id=\"main\">\n");
}

void html_page_end(struct html_page *p)
{
	const struct ast_root *root = p->site->root;
	html_fmt(p->b, "</main>\n<footer class=\"site-footer\">\n<p><span>%t</span>",
		 html_catalogue_title(root));
	if (root->catalogue && (root->catalogue->publisher.text || root->catalogue->edition.text)) {
		buf_puts(p->b, " \xe2\x80\x94 ");
		html_catalogue_meta(p->b, root->catalogue);
	}
	html_fmt(p->b, "</p>\n<p>%t</p>\n</footer>\n</body>\n</html>\n",
		 html_label(p, LABEL_PAGE_FOOTER));
}

void html_sheet_link(const struct html_page *p, const struct ast_sheet *s)
{
	html_fmt(p->b, "<a class=\"sheet-link\" href=\"%ssheets/%t.html\">"
		 "<span class=\"code\">%t</span> <span class=\"name\">%t</span></a>",
		 p->up, s->file_name, s->code.text, s->title.text);
}

void html_status_badge(const struct html_page *p, enum ast_status status)
{
	if (status == AST_STATUS_NONE)
		return;
	buf_putc(p->b, ' ');
	html_badge(p->b, p, status);
}

/*
 * The badge of a level: a meter with one pip per level of the scale, as many
 * filled as the level's rank reaches, then its name. A level is only ever
 * resolved from the scale, so the scale is there.
 */
static void html_level_badge(struct buf *b, const struct ast_scale *scale,
			     const struct ast_level *level)
{
	buf_puts(b, "<span class=\"level\"><span class=\"meter\" aria-hidden=\"true\">");
	for (const struct ast_level *l = scale->levels.first; l; l = l->next)
		buf_puts(b, l->index <= level->index ? "<span class=\"pip on\"></span>"
						   : "<span class=\"pip\"></span>");
	html_fmt(b, "</span><span class=\"level-code\">%t</span></span>", level->name.text);
}

int html_levels_build(struct html_site *site)
{
	const struct ast_scale *scale = site->root->scale;
	size_t n = scale ? scale->levels.count : 0;
	site->levels = mem_alloc((n + 1) * sizeof *site->levels);   /* never 0 bytes */
	if (!site->levels)
		return -1;
	bool failed = false;
	for (const struct ast_level *l = scale ? scale->levels.first : NULL; l; l = l->next) {
		struct buf *b = &site->levels[l->index];
		buf_init(b);
		html_level_badge(b, scale, l);
		html_fmt(b, "<span class=\"vh\"> (%t)</span>", l->description.text);
		failed = failed || b->failed;
	}
	return failed ? -1 : 0;
}

void html_levels_free(struct html_site *site)
{
	const struct ast_scale *scale = site->root->scale;
	for (size_t i = 0; site->levels && scale && i < scale->levels.count; i++)
		buf_free(&site->levels[i]);
	mem_free(site->levels);
	site->levels = NULL;
}

void html_level(const struct html_page *p, const struct ast_level *level)
{
	if (level)
		buf_put(p->b, p->site->levels[level->index].data, p->site->levels[level->index].len);
}

void html_level_legend(const struct html_page *p)
{
	const struct ast_scale *scale = p->site->root->scale;
	if (!scale || !scale->levels.first)
		return;
	buf_puts(p->b, "<dl class=\"legend\">\n");
	for (const struct ast_level *l = scale->levels.first; l; l = l->next) {
		buf_puts(p->b, "<div><dt>");
		html_level_badge(p->b, scale, l);
		html_fmt(p->b, "</dt><dd>%t</dd></div>\n", l->description.text);
	}
	buf_puts(p->b, "</dl>\n");
}

void html_prose(struct buf *b, const struct ast_prose_list *prose)
{
	for (const struct ast_prose *pr = prose->first; pr; pr = pr->next) {
		if (pr->kind == AST_PARAGRAPH) {
			html_fmt(b, "<p>%t</p>\n", pr->text.text);
			continue;
		}
		buf_puts(b, "<ul>\n");
		for (const struct ast_str *it = pr->items.first; it; it = it->next)
			html_fmt(b, "<li>%t</li>\n", it->text);
		buf_puts(b, "</ul>\n");
	}
}
