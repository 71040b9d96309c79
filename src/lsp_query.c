/*
 * lsp_query.c - textDocument/hover and textDocument/definition: what
 * stands at a position, and what it names (lsp_server.h).
 *
 * The word under the cursor is found in the document's own AST (its unit),
 * whose cross-references the last check resolved (ast.h): a level, a
 * category, a family, a sheet code (a sheet's own, or after `see`) or a
 * previous-edition code (after `replaces` or `retired`). Hover shows the
 * declaration of what the word names (a level, its description and rank);
 * definition goes to it, in whichever file it is. A name that is not
 * declared has neither: its diagnostic says so.
 */
#include <string.h>

#include "lsp_server.h"

enum lsp_kind { LSP_NONE, LSP_LEVEL, LSP_CATEGORY, LSP_FAMILY, LSP_SHEET, LSP_PREVIOUS };

/* The word at a position and the declaration it names (NULL: unknown). */
struct lsp_target {
	enum lsp_kind kind;
	const struct ast_str *word;
	const void *decl;       /* ast_level, _category, _family, _sheet; ast_lineage */
	size_t offset;          /* the position asked about */
};

/* Takes word as the target if the position is on it (or just after it). */
static bool lsp_on(struct lsp_target *t, enum lsp_kind kind, const struct ast_str *word,
		   const void *decl)
{
	if (t->kind != LSP_NONE || !word->text || t->offset < word->loc.offset ||
	    t->offset > lsp_char_end(word->loc.file, word->loc.last))
		return false;
	*t = (struct lsp_target){ kind, word, decl, t->offset };
	return true;
}

/* The lineage entry of a previous code, by binary search (sorted by code). */
static const struct ast_lineage *lsp_lineage_of(const struct ast_root *root, const char *code)
{
	size_t lo = 0, hi = root->n_lineage;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = ast_code_compare(code, root->lineage[mid].code);
		if (c == 0)
			return &root->lineage[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void lsp_find_in_sheet(struct lsp_target *t, const struct ast_sheet *s)
{
	lsp_on(t, LSP_SHEET, &s->code, s);
	lsp_on(t, LSP_FAMILY, &s->family, s->family_decl);
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next)
		lsp_on(t, LSP_PREVIOUS, &r->code, r->lineage);
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
		lsp_on(t, LSP_CATEGORY, &k->category, k->category_decl);
		for (const struct ast_item *it = k->items.first; it; it = it->next)
			lsp_on(t, LSP_LEVEL, &it->level, it->level_decl);
	}
}

/* What stands at offset of the document d. */
static struct lsp_target lsp_find(const struct lsp *s, const struct lsp_doc *d, size_t offset)
{
	struct lsp_target t = { .offset = offset };
	const struct ast_root *u = frontend_unit_root(d->unit);
	const struct ast_root *model = lsp_model(s);
	if (!model)
		return t;
	if (u->scale)
		for (const struct ast_level *l = u->scale->levels.first; l; l = l->next)
			lsp_on(&t, LSP_LEVEL, &l->name, l);
	const struct ast_category *c;
	LSP_EACH(c, u->parsed.categories)
		lsp_on(&t, LSP_CATEGORY, &c->name, c);
	const struct ast_family *f;
	LSP_EACH(f, u->parsed.families)
		lsp_on(&t, LSP_FAMILY, &f->number, f);
	const struct ast_retired *r;
	LSP_EACH(r, u->parsed.retired) {
		lsp_on(&t, LSP_PREVIOUS, &r->code, lsp_lineage_of(model, r->code.text));
		lsp_on(&t, LSP_SHEET, &r->see, r->see_sheet);
	}
	const struct ast_sheet *sh;
	LSP_EACH(sh, u->parsed.sheets)
		if (sh->loc.offset <= offset)
			lsp_find_in_sheet(&t, sh);
	return t;
}

/* ---- hover --------------------------------------------------------------- */

/* Appends text as a string of the language: quoted, with its escapes. */
static void lsp_put_quoted(struct buf *b, const char *text)
{
	buf_putc(b, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* Appends the codes of up to 12 sheets, "3.3a, 3.3b, ...". */
static void lsp_put_codes(struct buf *b, const struct ast_sheet *const *sheets, size_t n)
{
	for (size_t i = 0; i < n && i < 12; i++)
		buf_printf(b, "%s%s", i ? ", " : "", sheets[i]->code.text);
	if (n > 12)
		buf_printf(b, " and %zu more", n - 12);
}

/* The declaration, as written in a sheet (a fenced block in markdown). */
static void lsp_hover_declaration(struct buf *b, const struct lsp_target *t)
{
	switch (t->kind) {
	case LSP_LEVEL: {
		const struct ast_level *l = t->decl;
		buf_printf(b, "%s ", l->name.text);
		lsp_put_quoted(b, l->description.text);
		break;
	}
	case LSP_CATEGORY: {
		const struct ast_category *c = t->decl;
		buf_printf(b, "category %s ", c->name.text);
		lsp_put_quoted(b, c->title.text);
		buf_puts(b, c->levelled ? " levelled" : "");
		break;
	}
	case LSP_FAMILY: {
		const struct ast_family *f = t->decl;
		buf_printf(b, "family %s ", f->number.text);
		lsp_put_quoted(b, f->title.text);
		break;
	}
	case LSP_SHEET: {
		const struct ast_sheet *sh = t->decl;
		buf_printf(b, "sheet %s ", sh->code.text);
		lsp_put_quoted(b, sh->title.text);
		break;
	}
	case LSP_PREVIOUS: {
		const struct ast_lineage *e = t->decl;
		buf_printf(b, "%s %s ", e->retired ? "retired" : "replaces", e->code);
		lsp_put_quoted(b, e->title);
		if (e->retired)
			buf_printf(b, " see %s", e->retired->see.text);
		break;
	}
	case LSP_NONE:
		break;
	}
}

/* What the declaration says beyond itself. */
static void lsp_hover_about(struct buf *b, const struct ast_root *model, const struct lsp_target *t)
{
	switch (t->kind) {
	case LSP_LEVEL: {
		const struct ast_level *l = t->decl;
		if (l->index < model->n_levels && model->levels[l->index] == l)
			buf_printf(b, "level %zu of %zu of the scale (lowest first)", l->index + 1,
				   model->n_levels);
		break;
	}
	case LSP_CATEGORY: {
		const struct ast_category *c = t->decl;
		buf_puts(b, c->levelled ? "knowledge category: its items carry a level of the scale"
					: "knowledge category: its items carry no level");
		break;
	}
	case LSP_FAMILY: {
		const struct ast_family *f = t->decl;
		buf_printf(b, "%zu sheet%s", f->n_sheets, f->n_sheets == 1 ? "" : "s");
		if (f->n_sheets)
			buf_puts(b, ": ");
		lsp_put_codes(b, f->sheets, f->n_sheets);
		break;
	}
	case LSP_SHEET: {
		const struct ast_sheet *sh = t->decl;
		if (sh->family_decl) {
			buf_printf(b, "family %s, ", sh->family_decl->number.text);
			lsp_put_quoted(b, sh->family_decl->title.text);
		}
		break;
	}
	case LSP_PREVIOUS: {
		const struct ast_lineage *e = t->decl;
		buf_puts(b, "position of the previous edition");
		if (e->n_sheets) {
			buf_puts(b, ", replaced by ");
			lsp_put_codes(b, e->sheets, e->n_sheets);
		}
		break;
	}
	case LSP_NONE:
		break;
	}
}

json_t *lsp_hover(struct lsp *s, json_t *params, struct lsp_error *err)
{
	struct lsp_doc *d = lsp_params_doc(s, params, err);
	long offset = d ? lsp_params_offset(s, d, params, err) : -1;
	if (offset < 0)
		return NULL;
	struct lsp_target t = lsp_find(s, d, (size_t)offset);
	if (t.kind == LSP_NONE || !t.decl)
		return json_null();
	struct buf text;
	buf_init(&text);
	buf_puts(&text, s->markdown ? "```jobsheet\n" : "");
	lsp_hover_declaration(&text, &t);
	buf_puts(&text, s->markdown ? "\n```\n" : "\n\n");
	lsp_hover_about(&text, lsp_model(s), &t);
	json_t *result = text.failed ? NULL : json_pack(
		"{s:{s:s, s:s}, s:o}", "contents", "kind", s->markdown ? "markdown" : "plaintext",
		"value", text.data, "range", lsp_range(s, &t.word->loc));
	buf_free(&text);
	return result;
}

/* ---- definition ---------------------------------------------------------- */

/* Every place that declares a previous code: its `retired` line, and each
 * sheet's `replaces` of it. */
static json_t *lsp_previous_places(const struct lsp *s, const struct ast_lineage *e)
{
	json_t *places = json_array();
	if (e->retired)
		json_array_append_new(places, lsp_location(s, &e->retired->code.loc));
	for (size_t i = 0; i < e->n_sheets; i++)
		for (const struct ast_replace *r = e->sheets[i]->replaces.first; r; r = r->next)
			if (r->lineage == e)
				json_array_append_new(places, lsp_location(s, &r->code.loc));
	return places;
}

json_t *lsp_definition(struct lsp *s, json_t *params, struct lsp_error *err)
{
	struct lsp_doc *d = lsp_params_doc(s, params, err);
	long offset = d ? lsp_params_offset(s, d, params, err) : -1;
	if (offset < 0)
		return NULL;
	struct lsp_target t = lsp_find(s, d, (size_t)offset);
	const struct loc *at = NULL;
	switch (t.decl ? t.kind : LSP_NONE) {
	case LSP_LEVEL: at = &((const struct ast_level *)t.decl)->name.loc; break;
	case LSP_CATEGORY: at = &((const struct ast_category *)t.decl)->name.loc; break;
	case LSP_FAMILY: at = &((const struct ast_family *)t.decl)->number.loc; break;
	case LSP_SHEET: at = &((const struct ast_sheet *)t.decl)->code.loc; break;
	case LSP_PREVIOUS: return lsp_previous_places(s, t.decl);
	case LSP_NONE: return json_null();
	}
	json_t *place = lsp_location(s, at);
	return place ? place : json_null();
}
