/*
 * html_jsonld.c - schema.org Occupation data for each sheet page, so that
 * search engines and job boards read the position without scraping it.
 *
 * Every string goes through html_json_text(), which keeps the exact text
 * (control characters included) while no "</script" or "<!--" can appear.
 * The description is the mission: paragraphs separated by a blank line,
 * bullets by a line break. Arrays are always written, empty or not, so a
 * reader finds the same keys on every page.
 */
#include "html.h"

static void jsonld_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	html_json_text(b, s);
	buf_putc(b, '"');
}

/* A key of the top-level object; the first one opens the object. */
static void jsonld_key(struct buf *b, bool *first, const char *key)
{
	buf_puts(b, *first ? "{\n  \"" : ",\n  \"");
	*first = false;
	buf_puts(b, key);
	buf_puts(b, "\": ");
}

/* An element of an array value; n counts the elements written so far. */
static void jsonld_elem(struct buf *b, size_t *n, const char *s)
{
	buf_puts(b, (*n)++ ? ",\n    " : "[\n    ");
	jsonld_string(b, s);
}

static void jsonld_end(struct buf *b, size_t n)
{
	buf_puts(b, n ? "\n  ]" : "[]");
}

static void jsonld_strings(struct buf *b, const struct ast_str_list *l)
{
	size_t n = 0;
	for (const struct ast_str *s = l->first; s; s = s->next)
		jsonld_elem(b, &n, s->text);
	jsonld_end(b, n);
}

static void jsonld_description(struct buf *b, const struct ast_prose_list *prose)
{
	buf_putc(b, '"');
	for (const struct ast_prose *p = prose->first; p; p = p->next) {
		if (p != prose->first)
			buf_puts(b, "\\n\\n");
		if (p->kind == AST_PARAGRAPH) {
			html_json_text(b, p->text.text);
			continue;
		}
		for (const struct ast_str *it = p->items.first; it; it = it->next) {
			if (it != p->items.first)
				buf_puts(b, "\\n");
			html_json_text(b, it->text);
		}
	}
	buf_putc(b, '"');
}

static void jsonld_category(struct buf *b, const struct ast_root *root, const struct ast_family *f)
{
	buf_puts(b, "{\n    \"@type\": \"CategoryCode\",\n    \"codeValue\": ");
	jsonld_string(b, f->number.text);
	buf_puts(b, ",\n    \"name\": ");
	jsonld_string(b, f->title.text);
	buf_puts(b, ",\n    \"inCodeSet\": { \"@type\": \"CategoryCodeSet\", \"name\": ");
	jsonld_string(b, html_catalogue_title(root));
	buf_puts(b, " }\n  }");
}

static void jsonld_skills(struct buf *b, const struct ast_sheet *s)
{
	size_t n = 0;
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
		for (const struct ast_item *it = k->items.first; it; it = it->next)
			jsonld_elem(b, &n, it->text.text);
	jsonld_end(b, n);
}

static void jsonld_career(struct buf *b, const struct ast_section *c, enum ast_prose_kind kind)
{
	size_t n = 0;
	for (const struct ast_prose *e = c->prose.first; e; e = e->next)
		if (e->kind == kind)
			jsonld_elem(b, &n, e->text.text);
	jsonld_end(b, n);
}

static void jsonld_responsibilities(struct buf *b, const struct ast_activities *a)
{
	size_t n = 0;
	for (const struct ast_group *g = a->groups.first; g; g = g->next)
		for (const struct ast_task *t = g->tasks.first; t; t = t->next)
			jsonld_elem(b, &n, t->text.text);
	jsonld_end(b, n);
}

void html_jsonld(struct buf *b, const struct ast_root *root, const struct ast_sheet *s)
{
	bool first = true;
	buf_puts(b, "<script type=\"application/ld+json\">\n");
	jsonld_key(b, &first, "@context");
	buf_puts(b, "\"https://schema.org\"");
	jsonld_key(b, &first, "@type");
	buf_puts(b, "\"Occupation\"");
	jsonld_key(b, &first, "identifier");
	jsonld_string(b, s->code.text);
	jsonld_key(b, &first, "name");
	jsonld_string(b, s->title.text);
	jsonld_key(b, &first, "alternateName");
	jsonld_strings(b, &s->aka);
	jsonld_key(b, &first, "description");
	jsonld_description(b, &s->mission.prose);
	jsonld_key(b, &first, "occupationalCategory");
	jsonld_category(b, root, s->family_decl);
	jsonld_key(b, &first, "skills");
	jsonld_skills(b, s);
	jsonld_key(b, &first, "educationRequirements");
	jsonld_career(b, &s->career, AST_CAREER_EDUCATION);
	jsonld_key(b, &first, "experienceRequirements");
	jsonld_career(b, &s->career, AST_CAREER_EXPERIENCE);
	jsonld_key(b, &first, "responsibilities");
	jsonld_responsibilities(b, &s->activities);
	buf_puts(b, "\n}\n</script>\n");
}
