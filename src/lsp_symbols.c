/*
 * lsp_symbols.c - textDocument/documentSymbol: the outline of a document
 * (lsp_server.h).
 *
 * Its declarations in the order written: the catalogue, the scale with
 * its levels, categories, families, retired positions, and each sheet with
 * its fields and sections (the groups of its activities inside). A
 * symbol's range runs from its first word to the brace that closes its
 * block, found by a scan of the document's tokens (parse_tokens): the AST
 * keeps where constructs begin, not where they end. A '}' the scanner
 * supplied before a keyword (a brace left open) ends the block there.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lsp_server.h"
#include "mem.h"
#include "parser.h"

/* Kinds of SymbolKind (LSP). */
enum { LSP_SK_NAMESPACE = 3, LSP_SK_PACKAGE = 4, LSP_SK_CLASS = 5, LSP_SK_METHOD = 6,
       LSP_SK_PROPERTY = 7, LSP_SK_FIELD = 8, LSP_SK_ENUM = 10, LSP_SK_CONSTANT = 14,
       LSP_SK_ENUM_MEMBER = 22, LSP_SK_STRUCT = 23 };

/* Every block of the document: where its '{' and its end stand, in the
 * order of the '{'. */
struct lsp_blocks {
	const struct src_file *file;
	struct { uint32_t open, end; } *at;
	size_t n, cap;
	size_t open[PARSE_MAX_DEPTH + 1];       /* the blocks still open */
	unsigned depth;
	bool failed;
};

static int lsp_block_token(void *data, int token, const struct ast_str *text, const struct loc *loc)
{
	(void)text;
	struct lsp_blocks *b = data;
	if (token == LBRACE && b->depth <= PARSE_MAX_DEPTH) {
		void *at = mem_grow(b->at, &b->cap, b->n, sizeof *b->at);
		if (!at) {
			b->failed = true;
			return 1;
		}
		b->at = at;
		b->at[b->n].open = loc->offset;
		b->at[b->n].end = (uint32_t)b->file->len;
		b->open[b->depth++] = b->n++;
	} else if (token == RBRACE && b->depth > 0) {
		/* A '}' the scanner supplied stands at the keyword after it. */
		bool written = b->file->text[loc->offset] == '}';
		b->at[b->open[--b->depth]].end = loc->offset + written;
	}
	return 0;
}

/* The end of the block whose '{' is the first at or after from; from if none. */
static uint32_t lsp_block_end(const struct lsp_blocks *b, uint32_t from)
{
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->at[mid].open < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->n ? b->at[lo].end : from;
}

/* The symbols of one level, sorted by where they start at the end. */
struct lsp_outline {
	const struct lsp *s;
	const struct lsp_blocks *blocks;
	struct { uint32_t from; json_t *symbol; } *items;
	size_t n, cap;
};

static int lsp_outline_order(const void *pa, const void *pb)
{
	const uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	return a < b ? -1 : a > b;
}

/* A DocumentSymbol over [from, to), its name `select`; children taken. */
static void lsp_symbol(struct lsp_outline *o, const char *name, const char *detail, int kind,
		       uint32_t from, uint32_t to, const struct loc *select, json_t *children)
{
	const struct src_file *f = select->file;
	uint32_t select_end = lsp_char_end(f, select->last);
	if (to < select_end)
		to = select_end;
	json_t *symbol = json_pack("{s:s, s:i, s:o, s:o, s:o}", "name", name && *name ? name : "?",
				   "kind", kind, "range", lsp_span(o->s, f, from, to),
				   "selectionRange", lsp_span(o->s, f, select->offset, select_end),
				   "children", children ? children : json_array());
	if (symbol && detail)
		json_object_set_new(symbol, "detail", json_string(detail));
	void *items = mem_grow(o->items, &o->cap, o->n, sizeof *o->items);
	if (!items) {
		json_decref(symbol);
		return;
	}
	o->items = items;
	o->items[o->n].from = from;
	o->items[o->n++].symbol = symbol;
}

/* The symbols gathered, in document order, as a JSON array (o is emptied). */
static json_t *lsp_outline_take(struct lsp_outline *o)
{
	qsort(o->items, o->n, sizeof *o->items, lsp_outline_order);
	json_t *list = json_array();
	for (size_t i = 0; i < o->n; i++)
		json_array_append_new(list, o->items[i].symbol);
	mem_free(o->items);
	o->items = NULL;
	o->n = o->cap = 0;
	return list;
}

/* A block of a sheet, from its keyword (at) to its closing brace. */
static void lsp_section(struct lsp_outline *o, const char *name, const char *detail,
			const struct loc *at)
{
	lsp_symbol(o, name, detail, LSP_SK_FIELD, at->offset, lsp_block_end(o->blocks, at->offset),
		   at, NULL);
}

static json_t *lsp_sheet_children(const struct lsp_outline *parent, const struct ast_sheet *sh)
{
	struct lsp_outline o = { parent->s, parent->blocks, NULL, 0, 0 };
	char name[96];
	if (sh->family.text)
		lsp_symbol(&o, "family", sh->family.text, LSP_SK_PROPERTY, sh->family.loc.offset,
			   lsp_char_end(sh->family.loc.file, sh->family.loc.last), &sh->family.loc, NULL);
	if (sh->status != AST_STATUS_NONE)
		lsp_symbol(&o, "status", ast_status_name(sh->status), LSP_SK_PROPERTY,
			   sh->status_loc.offset, sh->status_loc.offset, &sh->status_loc, NULL);
	for (const struct ast_replace *r = sh->replaces.first; r; r = r->next) {
		snprintf(name, sizeof name, "replaces %s", r->code.text);
		lsp_symbol(&o, name, r->title.text, LSP_SK_PROPERTY, r->loc.offset,
			   lsp_char_end(r->title.loc.file, r->title.loc.last), &r->code.loc, NULL);
	}
	if (sh->mission.present)
		lsp_section(&o, "mission", NULL, &sh->mission.loc);
	if (sh->activities.present) {
		struct lsp_outline groups = { o.s, o.blocks, NULL, 0, 0 };
		for (const struct ast_group *g = sh->activities.groups.first; g; g = g->next)
			lsp_symbol(&groups, g->title.text, NULL, LSP_SK_METHOD, g->loc.offset,
				   lsp_block_end(o.blocks, g->title.loc.offset), &g->title.loc, NULL);
		const struct loc *at = &sh->activities.loc;
		lsp_symbol(&o, "activities", NULL, LSP_SK_FIELD, at->offset,
			   lsp_block_end(o.blocks, at->offset), at, lsp_outline_take(&groups));
	}
	for (const struct ast_knowledge *k = sh->knowledge.first; k; k = k->next) {
		char items[32];
		snprintf(name, sizeof name, "%s %s", k->category.text,
			 ast_importance_name(k->importance));
		snprintf(items, sizeof items, "%zu item%s", k->items.count,
			 k->items.count == 1 ? "" : "s");
		lsp_section(&o, name, items, &k->loc);
	}
	if (sh->career.present)
		lsp_section(&o, "career", NULL, &sh->career.loc);
	if (sh->trends.present)
		lsp_section(&o, "trends", NULL, &sh->trends.loc);
	return lsp_outline_take(&o);
}

/* The declarations of the document's unit. */
static void lsp_declarations(struct lsp_outline *o, const struct ast_root *u)
{
	char name[96];
	if (u->catalogue)
		lsp_symbol(o, "catalogue", u->catalogue->title.text, LSP_SK_NAMESPACE,
			   u->catalogue->loc.offset, lsp_block_end(o->blocks, u->catalogue->loc.offset),
			   &u->catalogue->loc, NULL);
	if (u->scale) {
		struct lsp_outline levels = { o->s, o->blocks, NULL, 0, 0 };
		for (const struct ast_level *l = u->scale->levels.first; l; l = l->next)
			lsp_symbol(&levels, l->name.text, l->description.text, LSP_SK_ENUM_MEMBER,
				   l->name.loc.offset, lsp_char_end(l->description.loc.file,
								    l->description.loc.last),
				   &l->name.loc, NULL);
		const struct loc *at = &u->scale->loc;
		lsp_symbol(o, "scale", NULL, LSP_SK_ENUM, at->offset,
			   lsp_block_end(o->blocks, at->offset), at, lsp_outline_take(&levels));
	}
	const struct ast_category *c;
	LSP_EACH(c, u->parsed.categories)
		lsp_symbol(o, c->name.text, c->title.text, LSP_SK_CLASS, c->loc.offset,
			   lsp_char_end(c->title.loc.file, c->title.loc.last), &c->name.loc, NULL);
	const struct ast_family *f;
	LSP_EACH(f, u->parsed.families) {
		snprintf(name, sizeof name, "family %s", f->number.text);
		lsp_symbol(o, name, f->title.text, LSP_SK_PACKAGE, f->loc.offset,
			   lsp_char_end(f->title.loc.file, f->title.loc.last), &f->number.loc, NULL);
	}
	const struct ast_retired *r;
	LSP_EACH(r, u->parsed.retired) {
		snprintf(name, sizeof name, "retired %s", r->code.text);
		lsp_symbol(o, name, r->title.text, LSP_SK_CONSTANT, r->loc.offset,
			   lsp_char_end(r->see.loc.file, r->see.loc.last), &r->code.loc, NULL);
	}
	const struct ast_sheet *sh;
	LSP_EACH(sh, u->parsed.sheets)
		lsp_symbol(o, sh->code.text, sh->title.text, LSP_SK_STRUCT, sh->loc.offset,
			   lsp_block_end(o->blocks, sh->loc.offset), &sh->code.loc,
			   lsp_sheet_children(o, sh));
}

json_t *lsp_document_symbol(struct lsp *s, json_t *params, struct lsp_error *err)
{
	struct lsp_doc *d = lsp_params_doc(s, params, err);
	if (!d)
		return NULL;
	const struct src_file *f = frontend_unit_file(d->unit);
	if (!f->text)
		return json_array();    /* a file too large to read */
	struct arena *arena = arena_new();
	struct lsp_blocks blocks = { .file = f };
	json_t *result = NULL;
	if (arena && lsp_tokens(arena, f, f->len, lsp_block_token, &blocks, NULL) == 0 &&
	    !blocks.failed) {
		struct lsp_outline o = { s, &blocks, NULL, 0, 0 };
		lsp_declarations(&o, frontend_unit_root(d->unit));
		result = lsp_outline_take(&o);
	}
	mem_free(blocks.at);
	arena_free(arena);
	return result;
}
