/*
 * json.c - the JSON backend: json/catalogue.json (the whole reference
 * system) and json/sheets/<code>.json (one document per sheet).
 *
 * The shape of both documents is a public contract, described by
 * schema/jobsheet.schema.json and docs/JSON.md; change the three together.
 * Every object is written with its keys in one fixed order and every key
 * present (null when the source leaves an optional field out), so that a
 * consumer never has to guess and a diff of two outputs is a diff of content.
 * Source locations are left out on purpose: the same catalogue compiled from
 * another directory gives byte-identical documents.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ast.h"
#include "backend.h"
#include "emit.h"
#include "output.h"

/* Bumped when a change to the documents could break a consumer. */
#define JSON_FORMAT_VERSION 1

/* JSON has no comments: the banner is a field of its own. */
#define JSON_GENERATED_BY "jobc; do not edit, edit the .jobsheet sources"

/* ---- strings: AST strings and C strings, null when absent ------------- */

/* An AST string, or null when the optional field was not written. */
static void json_str(struct emit_json *w, const struct ast_str *s)
{
	emit_json_string(w, s->text, s->len);
}

static void json_key_str(struct emit_json *w, const char *key, const struct ast_str *s)
{
	emit_json_key(w, key);
	json_str(w, s);
}

/* ---- pieces shared by several objects --------------------------------- */

static void json_str_list(struct emit_json *w, const char *key, const struct ast_str_list *l)
{
	emit_json_key(w, key);
	emit_json_open(w, '[');
	for (const struct ast_str *s = l->first; s; s = s->next)
		json_str(w, s);
	emit_json_close(w, ']');
}

static void json_sheet_codes(struct emit_json *w, const char *key,
			     const struct ast_sheet *const *sheets, size_t n)
{
	emit_json_key(w, key);
	emit_json_open(w, '[');
	for (size_t i = 0; i < n; i++)
		json_str(w, &sheets[i]->code);
	emit_json_close(w, ']');
}

/* Trends and statuses are enums in the schema; "not written" is null. */
static const char *json_trend(enum ast_trend t)
{
	return t == AST_TREND_NONE ? NULL : ast_trend_name(t);
}

/*
 * A block of text: {"kind": ..., "text": ...} or {"kind": "list",
 * "items": [...]}. Prose (paragraphs and lists) and career entries
 * (education, experience, paragraphs, lists) share this shape.
 */
static void json_block(struct emit_json *w, const char *kind,
		       const struct ast_str *text, const struct ast_str_list *items)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "kind", kind);
	if (items)
		json_str_list(w, "items", items);
	else
		json_key_str(w, "text", text);
	emit_json_close(w, '}');
}

static void json_prose(struct emit_json *w, const struct ast_prose_list *l)
{
	emit_json_open(w, '[');
	for (const struct ast_prose *p = l->first; p; p = p->next) {
		if (p->kind == AST_LIST)
			json_block(w, "list", NULL, &p->items);
		else
			json_block(w, "paragraph", &p->text, NULL);
	}
	emit_json_close(w, ']');
}

/* mission, trends: null when the section is not written at all. */
static void json_section(struct emit_json *w, const char *key, const struct ast_section *s)
{
	emit_json_key(w, key);
	if (s->present)
		json_prose(w, &s->prose);
	else
		emit_json_literal(w, "null");
}

/* ---- a sheet ------------------------------------------------------------ */

static void json_replaces(struct emit_json *w, const struct ast_sheet *s)
{
	emit_json_key(w, "replaces");
	emit_json_open(w, '[');
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		emit_json_open(w, '{');
		json_key_str(w, "code", &r->code);
		json_key_str(w, "title", &r->title);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

static void json_task(struct emit_json *w, const struct ast_task *t)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "trend", json_trend(t->trend));
	json_key_str(w, "text", &t->text);
	json_str_list(w, "subitems", &t->subitems);
	emit_json_close(w, '}');
}

static void json_group(struct emit_json *w, const struct ast_group *g)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "trend", json_trend(g->trend));
	json_key_str(w, "title", &g->title);
	json_key_str(w, "intro", &g->intro);
	emit_json_key(w, "tasks");
	emit_json_open(w, '[');
	for (const struct ast_task *t = g->tasks.first; t; t = t->next)
		json_task(w, t);
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

static void json_activities(struct emit_json *w, const struct ast_activities *a)
{
	emit_json_key(w, "activities");
	if (!a->present) {
		emit_json_literal(w, "null");
		return;
	}
	emit_json_open(w, '{');
	emit_json_key(w, "intro");
	json_prose(w, &a->intro);
	emit_json_key(w, "groups");
	emit_json_open(w, '[');
	for (const struct ast_group *g = a->groups.first; g; g = g->next)
		json_group(w, g);
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

static void json_knowledge(struct emit_json *w, const struct ast_sheet *s)
{
	emit_json_key(w, "knowledge");
	emit_json_open(w, '[');
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
		emit_json_open(w, '{');
		json_key_str(w, "category", &k->category);
		emit_json_key_cstr(w, "importance", ast_importance_name(k->importance));
		emit_json_key(w, "items");
		emit_json_open(w, '[');
		for (const struct ast_item *it = k->items.first; it; it = it->next) {
			emit_json_open(w, '{');
			json_key_str(w, "level", &it->level);
			json_key_str(w, "text", &it->text);
			emit_json_close(w, '}');
		}
		emit_json_close(w, ']');
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

static void json_career(struct emit_json *w, const struct ast_section *c)
{
	emit_json_key(w, "career");
	if (!c->present) {
		emit_json_literal(w, "null");
		return;
	}
	emit_json_open(w, '[');
	for (const struct ast_prose *e = c->prose.first; e; e = e->next)
		json_block(w, ast_prose_kind_name(e->kind),
			   e->kind == AST_LIST ? NULL : &e->text,
			   e->kind == AST_LIST ? &e->items : NULL);
	emit_json_close(w, ']');
}

static void json_sheet(struct emit_json *w, const struct ast_sheet *s)
{
	emit_json_open(w, '{');
	json_key_str(w, "code", &s->code);
	json_key_str(w, "title", &s->title);
	json_key_str(w, "family", &s->family);
	emit_json_key_cstr(w, "status",
		      s->status == AST_STATUS_NONE ? NULL : ast_status_name(s->status));
	json_replaces(w, s);
	json_str_list(w, "aka", &s->aka);
	json_section(w, "mission", &s->mission);
	json_activities(w, &s->activities);
	json_knowledge(w, s);
	json_career(w, &s->career);
	json_section(w, "trends", &s->trends);
	emit_json_close(w, '}');
}

/* ---- catalogue-wide declarations ------------------------------------------ */

static void json_catalogue_info(struct emit_json *w, const struct ast_catalogue_info *c)
{
	emit_json_key(w, "catalogue");
	if (!c) {
		emit_json_literal(w, "null");
		return;
	}
	emit_json_open(w, '{');
	json_key_str(w, "title", &c->title);
	json_key_str(w, "publisher", &c->publisher);
	json_key_str(w, "edition", &c->edition);
	json_key_str(w, "previous", &c->previous);
	emit_json_close(w, '}');
}

static void json_scale(struct emit_json *w, const struct ast_scale *scale)
{
	emit_json_key(w, "scale");
	emit_json_open(w, '[');
	for (const struct ast_level *l = scale ? scale->levels.first : NULL; l; l = l->next) {
		emit_json_open(w, '{');
		json_key_str(w, "name", &l->name);
		json_key_str(w, "description", &l->description);
		emit_json_key(w, "rank");
		emit_json_size(w, l->index);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

static void json_categories(struct emit_json *w, const struct ast_root *root)
{
	emit_json_key(w, "categories");
	emit_json_open(w, '[');
	for (const struct ast_category *c = root->parsed.categories.first; c; c = c->next) {
		emit_json_open(w, '{');
		json_key_str(w, "name", &c->name);
		json_key_str(w, "title", &c->title);
		emit_json_key(w, "levelled");
		emit_json_literal(w, c->levelled ? "true" : "false");
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* Sorted by number, like the sheets by code: independent of file order. */
static void json_families(struct emit_json *w, const struct ast_root *root)
{
	emit_json_key(w, "families");
	emit_json_open(w, '[');
	for (size_t i = 0; i < root->n_families; i++) {
		const struct ast_family *f = root->families[i];

		emit_json_open(w, '{');
		json_key_str(w, "number", &f->number);
		json_key_str(w, "title", &f->title);
		json_sheet_codes(w, "sheets", f->sheets, f->n_sheets);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

static void json_retired(struct emit_json *w, const struct ast_root *root)
{
	emit_json_key(w, "retired");
	emit_json_open(w, '[');
	for (size_t i = 0; i < root->n_retired; i++) {
		const struct ast_retired *r = root->retired[i];
		emit_json_open(w, '{');
		json_key_str(w, "code", &r->code);
		json_key_str(w, "title", &r->title);
		json_key_str(w, "see", &r->see);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

static void json_lineage(struct emit_json *w, const struct ast_root *root)
{
	emit_json_key(w, "lineage");
	emit_json_open(w, '[');
	for (size_t i = 0; i < root->n_lineage; i++) {
		const struct ast_lineage *l = &root->lineage[i];

		emit_json_open(w, '{');
		emit_json_key_cstr(w, "code", l->code);
		emit_json_key_cstr(w, "title", l->title);
		json_sheet_codes(w, "sheets", l->sheets, l->n_sheets);
		emit_json_key(w, "see");
		if (l->retired)
			json_str(w, &l->retired->see);
		else
			emit_json_literal(w, "null");
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* ---- documents ------------------------------------------------------------ */

static void json_document_begin(struct emit_json *w, const char *document)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "document", document);
	emit_json_key(w, "format_version");
	emit_json_size(w, JSON_FORMAT_VERSION);
	emit_json_key_cstr(w, "generated_by", JSON_GENERATED_BY);
}

static void json_document_end(struct emit_json *w)
{
	emit_json_close(w, '}');
	buf_putc(w->b, '\n');
}

static void json_sheet_document(struct emit_json *w, const char *sheet, size_t n)
{
	json_document_begin(w, "sheet");
	emit_json_key(w, "sheet");
	/* A sheet object of catalogue.json, one level deeper there. */
	emit_json_copy(w, sheet, n, 1);
	json_document_end(w);
}

/* The sheet's own document, from its object in catalogue.json, cat[at..]. */
static int json_sheet_file(struct out_set *out, const struct buf *cat, size_t at,
			   const struct ast_sheet *sheet, bool compact)
{
	struct emit_json w = { .esc = &emit_json, .compact = compact };
	w.b = out_file(out, "json/sheets/%s.json", sheet->file_name);
	if (!w.b)
		return -1;
	/* The object starts at its brace, after the separator. */
	at += strspn(cat->data + at, ",\n ");
	json_sheet_document(&w, cat->data + at, cat->len - at);
	return out_file_done(out, w.b);
}

/*
 * Every sheet is written once, into catalogue.json; its own document is
 * made from there at once, and catalogue.json handed over a piece at a
 * time (out_file_flush): neither is ever held whole.
 */
static int json_catalogue_document(struct emit_json *w, struct out_set *out,
				   const struct ast_root *root)
{
	json_document_begin(w, "catalogue");
	json_catalogue_info(w, root->catalogue);
	json_scale(w, root->scale);
	json_categories(w, root);
	json_families(w, root);
	json_retired(w, root);
	json_lineage(w, root);
	emit_json_key(w, "sheets");
	emit_json_open(w, '[');
	for (size_t i = 0; i < root->n_sheets; i++) {
		size_t at = w->b->len;
		json_sheet(w, root->sheets[i]);
		if (w->b->failed || json_sheet_file(out, w->b, at, root->sheets[i], w->compact) != 0 ||
		    out_file_flush(out, w->b) != 0)
			return -1;
	}
	emit_json_close(w, ']');
	json_document_end(w);
	return 0;
}

static int json_emit(const struct ast_root *root, const struct backend_options *opts,
		     struct out_set *out, struct diag *diag)
{
	(void)diag;
	struct emit_json w = { .esc = &emit_json, .compact = opts->json_compact };

	w.b = out_file(out, "json/catalogue.json");
	if (!w.b || json_catalogue_document(&w, out, root) != 0)
		return -1;
	return out_file_done(out, w.b);
}

const struct backend backend_json = {
	"json",
	"catalogue.json and sheets/<code>.json (schema/jobsheet.schema.json)",
	json_emit,
	NULL,
	false,
	false,
	650,
};
