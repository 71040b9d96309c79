/*
 * lsp_complete.c - textDocument/completion (lsp_server.h).
 *
 * What may come at the cursor is read from the tokens before it, as the
 * language's own scanner gives them (parse_tokens): the braces still open
 * say which construct the cursor is in (a sheet, its activities, a
 * knowledge block of some category...), the tokens already on the
 * cursor's line what part of a line it is at. The scanner's own recovery
 * helps a document being typed: a section keyword that starts its line
 * closes the braces left open before it, as the parser reads it.
 *
 * Offered: declaration and section keywords where a declaration or a
 * section may start (and the catalogue's categories, which start knowledge
 * blocks), `essential`/`useful` after a category, levels at the start of
 * an item of a levelled category, trend marks at the start of a group or
 * task, families after `family`, `new`/`revised` after `status`, previous
 * codes after `replaces`, sheet codes after `see`. Names come from the
 * last check. A word being typed at the cursor is replaced by the choice;
 * inside a string or a comment nothing is offered.
 */
#include <string.h>

#include "arena.h"
#include "lsp_server.h"
#include "parser.h"

/* The constructs a brace opens. */
enum lsp_block {
	LSP_TOP, LSP_SHEET, LSP_CATALOGUE, LSP_SCALE, LSP_PROSE, LSP_ACTIVITIES, LSP_GROUP,
	LSP_TASK, LSP_KNOWLEDGE, LSP_CAREER, LSP_LIST, LSP_OTHER
};

struct lsp_token {
	int kind;               /* 0: none */
	const char *text;       /* names, codes, numbers, strings, keywords */
	struct loc loc;
};

/* Up to this many tokens of the cursor's line are looked at. */
#define LSP_LINE_TOKENS 8

/* The scan of the text before the cursor. */
struct lsp_scan {
	const char *text;
	struct { enum lsp_block block; const char *category; } stack[PARSE_MAX_DEPTH + 1];
	unsigned depth;
	struct lsp_token line[LSP_LINE_TOKENS];   /* the current line's first tokens
						   * since its last brace */
	unsigned n_line;
	struct lsp_token head, last;    /* the first word since the line's start or its
					 * last brace; the last token */
	struct lsp_token prev_head;     /* the line before's */
};

/* The construct a '{' opens, from the first word before it on its line
 * (or on the line before, for a brace alone on its line) and the
 * construct around. */
static void lsp_open_block(struct lsp_scan *sc, const struct lsp_token *head)
{
	enum lsp_block around = sc->stack[sc->depth].block, block = LSP_OTHER;
	int k = head->kind;
	if (around == LSP_TOP)
		block = k == KW_SHEET ? LSP_SHEET : k == KW_CATALOGUE ? LSP_CATALOGUE
			: k == KW_SCALE ? LSP_SCALE : LSP_OTHER;
	else if (around == LSP_SHEET)
		block = k == KW_MISSION || k == KW_TRENDS ? LSP_PROSE
			: k == KW_ACTIVITIES ? LSP_ACTIVITIES : k == KW_CAREER ? LSP_CAREER
			: k == NAME ? LSP_KNOWLEDGE : LSP_OTHER;
	else if (around == LSP_ACTIVITIES || around == LSP_GROUP)
		block = k == KW_LIST ? LSP_LIST : k != STRING ? LSP_OTHER
			: around == LSP_ACTIVITIES ? LSP_GROUP : LSP_TASK;
	else if (around == LSP_PROSE || around == LSP_CAREER)
		block = k == KW_LIST ? LSP_LIST : LSP_OTHER;
	if (sc->depth < PARSE_MAX_DEPTH)
		sc->depth++;
	sc->stack[sc->depth].block = block;
	sc->stack[sc->depth].category = block == LSP_KNOWLEDGE ? head->text : NULL;
}

static int lsp_scan_token(void *data, int kind, const struct ast_str *text, const struct loc *loc)
{
	struct lsp_scan *sc = data;
	struct lsp_token t = { kind, text ? text->text : NULL, *loc };
	/* A '}' the scanner supplied, and the keyword it held back, stand
	 * where the keyword starts: no newline between them. */
	bool new_line = !sc->last.kind || (loc->offset > sc->last.loc.last &&
			memchr(sc->text + sc->last.loc.last, '\n', loc->offset - sc->last.loc.last));
	if (new_line) {
		sc->prev_head = sc->head;
		sc->head = (struct lsp_token){ 0 };
		sc->n_line = 0;
	}
	sc->last = t;
	if (kind == LBRACE)
		lsp_open_block(sc, sc->head.kind ? &sc->head : &sc->prev_head);
	else if (kind == RBRACE && sc->depth > 0)
		sc->depth--;
	/* A brace ends what the line said so far: what follows starts anew. */
	if (kind == LBRACE || kind == RBRACE) {
		sc->n_line = 0;
		sc->head = (struct lsp_token){ 0 };
		return 0;
	}
	if (!sc->head.kind && kind != TREND)
		sc->head = t;
	if (sc->n_line < LSP_LINE_TOKENS)
		sc->line[sc->n_line++] = t;
	return 0;
}

/* ---- the choices --------------------------------------------------------- */

/* Kinds of CompletionItem (LSP). */
enum { LSP_CI_VALUE = 12, LSP_CI_KEYWORD = 14, LSP_CI_CLASS = 7, LSP_CI_MODULE = 9,
       LSP_CI_ENUM_MEMBER = 20, LSP_CI_CONSTANT = 21, LSP_CI_REFERENCE = 18,
       LSP_CI_OPERATOR = 24 };

struct lsp_choices {
	struct lsp *s;
	json_t *items;
	json_t *range;          /* what a choice replaces: the word typed, or nothing */
	const char *prefix;     /* the word typed ("" if none): choices start with it */
};

static void lsp_offer(struct lsp_choices *c, const char *label, int kind, const char *detail)
{
	if (strncmp(label, c->prefix, strlen(c->prefix)) != 0)
		return;
	char order[16];
	snprintf(order, sizeof order, "%06zu", json_array_size(c->items));
	json_t *item = json_pack("{s:s, s:i, s:s, s:{s:O, s:s}}", "label", label, "kind", kind,
				 "sortText", order, "textEdit", "range", c->range, "newText", label);
	if (item && detail)
		json_object_set_new(item, "detail", json_string(detail));
	json_array_append_new(c->items, item);
}

static void lsp_offer_words(struct lsp_choices *c, const char *const *words, int kind)
{
	for (; *words; words++)
		lsp_offer(c, *words, kind, NULL);
}

static void lsp_offer_line_start(struct lsp_choices *c, const struct ast_root *model,
				 enum lsp_block block, const char *category)
{
	static const char *const declarations[] = { "sheet", "catalogue", "scale", "category",
						    "family", "retired", NULL };
	static const char *const sections[] = { "family", "status", "replaces", "aka", "mission",
						"activities", "career", "trends", NULL };
	static const char *const fields[] = { "publisher", "edition", "previous", NULL };
	static const char *const career[] = { "education", "experience", "list", NULL };
	static const char *const lists[] = { "list", NULL };
	static const char *const trends[] = { "+", "=", "-", "\xE2\x86\x97", "\xE2\x86\x98", NULL };
	switch (block) {
	case LSP_TOP: lsp_offer_words(c, declarations, LSP_CI_KEYWORD); break;
	case LSP_CATALOGUE: lsp_offer_words(c, fields, LSP_CI_KEYWORD); break;
	case LSP_CAREER: lsp_offer_words(c, career, LSP_CI_KEYWORD); break;
	case LSP_PROSE: lsp_offer_words(c, lists, LSP_CI_KEYWORD); break;
	case LSP_ACTIVITIES:
	case LSP_GROUP:
		lsp_offer_words(c, trends, LSP_CI_OPERATOR);
		lsp_offer(c, block == LSP_GROUP ? "intro" : "list", LSP_CI_KEYWORD, NULL);
		break;
	case LSP_SHEET:
		lsp_offer_words(c, sections, LSP_CI_KEYWORD);
		for (size_t i = 0; i < model->n_categories; i++)
			lsp_offer(c, model->categories[i]->name.text, LSP_CI_CLASS,
				  model->categories[i]->title.text);
		break;
	case LSP_KNOWLEDGE:
		for (size_t i = 0; i < model->n_categories; i++)
			if (strcmp(model->categories[i]->name.text, category) == 0 &&
			    model->categories[i]->levelled)
				for (size_t l = 0; l < model->n_levels; l++)
					lsp_offer(c, model->levels[l]->name.text, LSP_CI_ENUM_MEMBER,
						  model->levels[l]->description.text);
		break;
	default:
		break;
	}
}

/* After the words already on the line (the last of them is `after`). */
static void lsp_offer_after(struct lsp_choices *c, const struct ast_root *model,
			    enum lsp_block block, const struct lsp_scan *sc, unsigned n)
{
	static const char *const statuses[] = { "new", "revised", NULL };
	static const char *const importances[] = { "essential", "useful", NULL };
	int first = sc->line[0].kind, after = sc->line[n - 1].kind;
	if (after == KW_SEE) {
		for (size_t i = 0; i < model->n_sheets; i++)
			lsp_offer(c, model->sheets[i]->code.text, LSP_CI_REFERENCE,
				  model->sheets[i]->title.text);
	} else if (block == LSP_SHEET && n == 1 && first == KW_FAMILY) {
		for (size_t i = 0; i < model->n_families; i++)
			lsp_offer(c, model->families[i]->number.text, LSP_CI_MODULE,
				  model->families[i]->title.text);
	} else if (block == LSP_SHEET && n == 1 && first == KW_STATUS) {
		lsp_offer_words(c, statuses, LSP_CI_VALUE);
	} else if (block == LSP_SHEET && n == 1 && first == KW_REPLACES) {
		for (size_t i = 0; i < model->n_lineage; i++)
			lsp_offer(c, model->lineage[i].code, LSP_CI_CONSTANT, model->lineage[i].title);
	} else if (block == LSP_SHEET && n == 1 && first == NAME) {
		lsp_offer_words(c, importances, LSP_CI_KEYWORD);
	} else if (block == LSP_TOP && n == 3 && first == KW_CATEGORY && after == STRING) {
		lsp_offer(c, "levelled", LSP_CI_KEYWORD, NULL);
	} else if (block == LSP_TOP && n == 3 && first == KW_RETIRED && after == STRING) {
		lsp_offer(c, "see", LSP_CI_KEYWORD, NULL);
	}
}

/* True if a word being typed is the token t: it ends at the cursor. (Its
 * text, not its loc, says where: a keyword held back behind a '}' the
 * scanner supplied has a loc of one character.) */
static bool lsp_typing(const struct lsp_token *t, size_t cursor)
{
	bool word = t->kind == NAME || t->kind == CODE || t->kind == NUMBER ||
		    (t->kind >= KW_ACTIVITIES && t->kind <= KW_USEFUL);
	return word && t->loc.offset + strlen(t->text) == cursor;
}

int lsp_tokens(struct arena *arena, const struct src_file *f, size_t len, parse_token_fn *fn,
	       void *data, bool *in_string)
{
	struct src_file part = { .name = f->name, .text = f->text, .len = len };
	struct diag quiet;
	diag_init(&quiet, NULL);
	quiet.max_errors = 0;   /* read on, whatever is wrong */
	struct ast_root root = { 0 };
	struct parse_ctx ctx = { .arena = arena, .diag = &quiet, .root = &root, .file = &part };
	int r = parse_tokens(&ctx, fn, data);
	if (in_string)
		*in_string = ctx.str_unterminated;
	diag_free(&quiet);
	return r;
}

json_t *lsp_completion(struct lsp *s, json_t *params, struct lsp_error *err)
{
	struct lsp_doc *d = lsp_params_doc(s, params, err);
	long offset = d ? lsp_params_offset(s, d, params, err) : -1;
	const struct ast_root *model = lsp_model(s);
	if (offset < 0)
		return NULL;
	size_t cursor = (size_t)offset;
	const struct src_file *f = frontend_unit_file(d->unit);
	struct arena *arena = arena_new();
	struct lsp_scan *sc = arena ? arena_alloc(arena, sizeof *sc) : NULL;
	bool in_string = false;
	if (sc)
		*sc = (struct lsp_scan){ .text = f->text };
	if (!sc || lsp_tokens(arena, f, cursor, lsp_scan_token, sc, &in_string) != 0) {
		arena_free(arena);
		return NULL;
	}
	unsigned n = sc->n_line;
	bool on_line = sc->last.kind &&
		       !memchr(f->text + sc->last.loc.last, '\n', cursor - sc->last.loc.last);
	if (!on_line)
		n = 0;
	struct loc word = { .file = f, .offset = (uint32_t)cursor, .last = (uint32_t)cursor };
	const char *prefix = "";
	if (n > 0 && lsp_typing(&sc->line[n - 1], cursor) && lsp_typing(&sc->last, cursor)) {
		n--;
		word.offset = sc->last.loc.offset;
		word.last = (uint32_t)cursor - 1;
		prefix = sc->last.text;
	}
	/* After the last token, only white space and comments stand: a '#'
	 * there on the cursor's line starts the comment the cursor is in. */
	size_t from = sc->last.kind ? sc->last.loc.last + 1 : 0;
	size_t line = cursor;
	while (line > from && f->text[line - 1] != '\n')
		line--;
	bool in_comment = memchr(f->text + line, '#', cursor - line) != NULL;
	struct lsp_choices c = { s, json_array(), NULL, prefix };
	/* An empty range: nothing typed is replaced. */
	c.range = lsp_range(s, &word);
	if (word.offset == cursor && c.range)
		json_object_set(c.range, "end", json_object_get(c.range, "start"));
	enum lsp_block block = sc->stack[sc->depth].block;
	if (!in_string && !in_comment && model && c.items && c.range) {
		if (n == 0)
			lsp_offer_line_start(&c, model, block, sc->stack[sc->depth].category);
		else
			lsp_offer_after(&c, model, block, sc, n);
	}
	json_decref(c.range);
	arena_free(arena);
	return json_pack("{s:b, s:o}", "isIncomplete", prefix[0] != '\0', "items", c.items);
}
