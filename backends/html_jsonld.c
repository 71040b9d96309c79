/*
 * html_jsonld.c - schema.org Occupation data for each sheet page, so that
 * search engines and job boards read the position without scraping it.
 *
 * Written with the kit's JSON writer and its emit_json_script escaper, which
 * keeps the exact text (control characters included) while no "</script"
 * or "<!--" can appear. The description is the mission: paragraphs
 * separated by a blank line, bullets by a line break. Arrays are always
 * written, empty or not, so a reader finds the same keys on every page.
 */
#include "html.h"

static void jsonld_strings(struct emit_json *w, const struct ast_str_list *l)
{
	emit_json_open(w, '[');
	for (const struct ast_str *s = l->first; s; s = s->next)
		emit_json_string(w, s->text, s->len);
	emit_json_close(w, ']');
}

static void jsonld_description(struct emit_json *w, const struct ast_prose_list *prose)
{
	emit_json_string_open(w);
	for (const struct ast_prose *p = prose->first; p; p = p->next) {
		if (p != prose->first)
			emit_json_string_part(w, "\n\n", 2);
		if (p->kind == AST_PARAGRAPH) {
			emit_json_string_part(w, p->text.text, p->text.len);
			continue;
		}
		for (const struct ast_str *it = p->items.first; it; it = it->next) {
			if (it != p->items.first)
				emit_json_string_part(w, "\n", 1);
			emit_json_string_part(w, it->text, it->len);
		}
	}
	emit_json_string_close(w);
}

static void jsonld_category(struct emit_json *w, const struct ast_root *root,
			    const struct ast_family *f)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "@type", "CategoryCode");
	emit_json_key_cstr(w, "codeValue", f->number.text);
	emit_json_key_cstr(w, "name", f->title.text);
	emit_json_key(w, "inCodeSet");
	emit_json_open_line(w, '{');
	emit_json_key_cstr(w, "@type", "CategoryCodeSet");
	emit_json_key_cstr(w, "name", html_catalogue_title(root));
	emit_json_close(w, '}');
	emit_json_close(w, '}');
}

static void jsonld_skills(struct emit_json *w, const struct ast_sheet *s)
{
	emit_json_open(w, '[');
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
		for (const struct ast_item *it = k->items.first; it; it = it->next)
			emit_json_string(w, it->text.text, it->text.len);
	emit_json_close(w, ']');
}

static void jsonld_career(struct emit_json *w, const struct ast_section *c,
			  enum ast_prose_kind kind)
{
	emit_json_open(w, '[');
	for (const struct ast_prose *e = c->prose.first; e; e = e->next)
		if (e->kind == kind)
			emit_json_string(w, e->text.text, e->text.len);
	emit_json_close(w, ']');
}

static void jsonld_responsibilities(struct emit_json *w, const struct ast_activities *a)
{
	emit_json_open(w, '[');
	for (const struct ast_group *g = a->groups.first; g; g = g->next)
		for (const struct ast_task *t = g->tasks.first; t; t = t->next)
			emit_json_string(w, t->text.text, t->text.len);
	emit_json_close(w, ']');
}

void html_jsonld(struct buf *b, const struct ast_root *root, const struct ast_sheet *s)
{
	struct emit_json w = { .b = b, .esc = &emit_json_script };
	buf_puts(b, "<script type=\"application/ld+json\">\n");
	emit_json_open(&w, '{');
	emit_json_key_cstr(&w, "@context", "https://schema.org");
	emit_json_key_cstr(&w, "@type", "Occupation");
	emit_json_key_cstr(&w, "identifier", s->code.text);
	emit_json_key_cstr(&w, "name", s->title.text);
	emit_json_key(&w, "alternateName");
	jsonld_strings(&w, &s->aka);
	emit_json_key(&w, "description");
	jsonld_description(&w, &s->mission.prose);
	emit_json_key(&w, "occupationalCategory");
	jsonld_category(&w, root, s->family_decl);
	emit_json_key(&w, "skills");
	jsonld_skills(&w, s);
	emit_json_key(&w, "educationRequirements");
	jsonld_career(&w, &s->career, AST_CAREER_EDUCATION);
	emit_json_key(&w, "experienceRequirements");
	jsonld_career(&w, &s->career, AST_CAREER_EXPERIENCE);
	emit_json_key(&w, "responsibilities");
	jsonld_responsibilities(&w, &s->activities);
	emit_json_close(&w, '}');
	buf_puts(b, "\n</script>\n");
}
