/*
 * tokens_braces.c - mending a line before the parser reads it (tokens.h):
 * braces left out before a section or a declaration that starts it, one
 * '}' too many at its end, two words written the wrong way round; at the
 * end of the file, braces left open where the layout shows which.
 *
 * Each rule acts only on what the grammar cannot take: a section keyword,
 * or a category and its importance, starting a line deeper than a sheet's
 * sections stand (or a declaration inside any block), an importance before
 * its category, a line holding a string and then a name in a knowledge
 * block, a line after a '}' that could only stand in the block that '}'
 * closed. So a valid file is never mended.
 */
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "tokens_mend.h"

/* Where the construct a line starts with must stand: at the top (0), in a
 * sheet (1), or anywhere it parses (-1). k: its first three tokens, -1
 * past the end of the line. */
static int tokens_stands(const int k[3])
{
	switch (k[0]) {
	case KW_SHEET: case KW_CATALOGUE: case KW_SCALE: case KW_CATEGORY: case KW_RETIRED:
		return 0;
	case KW_MISSION: case KW_ACTIVITIES: case KW_CAREER: case KW_TRENDS: case KW_AKA:
	case KW_REPLACES: case KW_STATUS: case KW_FAMILY:
		return 1;
	case NAME:
		/* A category and its importance (even misspelt), or a
		 * misspelt section: nothing else starts with a name and a '{'. */
		return k[1] == KW_ESSENTIAL || k[1] == KW_USEFUL || k[1] == LBRACE ||
		       (k[1] == NAME && k[2] == LBRACE) ? 1 : -1;
	default:
		return -1;
	}
}

/* True if the grammar takes a line starting with the tokens k, then k2
 * (-1 if not known), in block b. */
static bool tokens_fits(enum tokens_block b, int k, int k2)
{
	if (k == RBRACE)
		return b != TOKENS_TOP;
	/* A name starts a knowledge block in a sheet, an item elsewhere. */
	if (k == NAME && k2 >= 0 && b == TOKENS_SHEET)
		return k2 == KW_ESSENTIAL || k2 == KW_USEFUL || k2 == NAME || k2 == LBRACE;
	if (k == NAME && k2 >= 0 && (b == TOKENS_KNOWLEDGE || b == TOKENS_SCALE))
		return k2 == STRING;
	switch (b) {
	case TOKENS_TOP:
		return k == KW_SHEET || k == KW_CATALOGUE || k == KW_SCALE || k == KW_CATEGORY ||
		       k == KW_FAMILY || k == KW_RETIRED;
	case TOKENS_SHEET:
		return k == NAME || k == KW_FAMILY || k == KW_STATUS || k == KW_REPLACES ||
		       k == KW_AKA || k == KW_MISSION || k == KW_ACTIVITIES || k == KW_CAREER ||
		       k == KW_TRENDS;
	case TOKENS_CATALOGUE:
		/* (`language`, `labels` and misspelt fields are names.) */
		return k == KW_PUBLISHER || k == KW_EDITION || k == KW_PREVIOUS || k == NAME;
	case TOKENS_LABELS:
		return k == NAME || k == CODE || tokens_label_key(k) == NAME;
	case TOKENS_SCALE:
		return k == NAME;
	case TOKENS_PROSE:
		return k == STRING || k == KW_LIST;
	case TOKENS_ACTIVITIES:
		return k == STRING || k == TREND || k == KW_LIST;
	case TOKENS_GROUP:
		return k == STRING || k == TREND || k == KW_INTRO;
	case TOKENS_TASK:
	case TOKENS_LIST:
		return k == STRING;
	case TOKENS_KNOWLEDGE:
		return k == STRING || k == NAME;
	case TOKENS_CAREER:
		return k == STRING || k == KW_LIST || k == KW_EDUCATION || k == KW_EXPERIENCE;
	default:
		return true;
	}
}

static const char *tokens_block_name(enum tokens_block b)
{
	static const char *const names[] = {
		[TOKENS_SHEET] = "the sheet", [TOKENS_CATALOGUE] = "the catalogue",
		[TOKENS_SCALE] = "the scale", [TOKENS_PROSE] = "the section",
		[TOKENS_ACTIVITIES] = "'activities'", [TOKENS_GROUP] = "the group",
		[TOKENS_TASK] = "the task's sub-items", [TOKENS_KNOWLEDGE] = "the knowledge block",
		[TOKENS_CAREER] = "'career'", [TOKENS_LIST] = "the list",
		[TOKENS_LABELS] = "the labels block", [TOKENS_OTHER] = "the block",
	};
	return names[b] ? names[b] : "the block";
}

/* The end of the line of byte `after`: its '\r' before a '\n', its '\n',
 * or the end of the file. */
static uint32_t tokens_line_end(const struct src_file *f, uint32_t after)
{
	uint32_t p = after;
	while (p < f->len && f->text[p] != '\n')
		p++;
	if (p > after && p < f->len && f->text[p - 1] == '\r')
		p--;
	return p;
}

/* Longest fix-it the filter makes: one that would be cut is not made. */
#define TOKENS_FIX_MAX 300

/* Appends to fix a line end as the file writes them at p, the white space
 * that starts the line at `line` (indent bytes) and a '}'. False if it
 * does not fit. */
static bool tokens_brace_line(const struct src_file *f, char *fix, size_t *len, uint32_t p,
			      uint32_t line, int indent)
{
	bool crlf = p < f->len && f->text[p] == '\r';
	size_t need = (size_t)crlf + 1 + (size_t)indent + 1;
	if (*len + need + 1 > TOKENS_FIX_MAX)
		return false;
	if (crlf)
		fix[(*len)++] = '\r';
	fix[(*len)++] = '\n';
	memcpy(fix + *len, f->text + line, (size_t)indent);
	*len += (size_t)indent;
	fix[(*len)++] = '}';
	fix[*len] = '\0';
	return true;
}

void tokens_fix_braces(struct parse_ctx *ctx, uint32_t at, unsigned n)
{
	const struct tokens *t = &ctx->tokens;
	if (t->as_written)
		return;         /* the braces are counted, not kept */
	const struct src_file *f = ctx->file;
	uint32_t p = tokens_line_end(f, at);
	char fix[TOKENS_FIX_MAX];
	size_t len = 0;
	for (unsigned i = 0; i < n && i < t->depth; i++) {
		const struct tokens_open *o = &t->open[t->depth - 1 - i];
		if (!tokens_brace_line(f, fix, &len, p, o->line, o->indent))
			return;
	}
	if (len)
		diag_fix_insert(ctx->diag, f, p, fix);
}

/*
 * The k innermost blocks lack their '}' before `here` (NULL at the end of
 * the file): reported once, where the layout says the first of them
 * belonged if it says so, else before `here`, with the '{' in a note and
 * the fix-it. False if nothing is reported (the end of a file whose
 * layout says nothing: the parser's message says it best).
 */
static bool tokens_report_missing(struct parse_ctx *ctx, unsigned k,
				  const struct tokens_place *here)
{
	struct tokens *t = &ctx->tokens;
	const struct tokens_lost *lost = NULL;
	for (unsigned d = t->depth; d-- > t->depth - k && !lost;)
		if (t->open[d].lost.at.loc.file)
			lost = &t->open[d].lost;
	const struct tokens_place *at = lost ? &lost->at : here;
	if (!at)
		return false;
	char what[64];
	tokens_describe(what, sizeof what, at->kind, at->text);
	if (k > 1 && !lost)
		diag_error(ctx->diag, &at->loc, "expected %u '}' before %s", k, what);
	else
		diag_error(ctx->diag, &at->loc, "expected '}' before %s", what);
	diag_note(ctx->diag, lost ? &lost->brace : &t->open[t->depth - 1].brace,
		  "to close the '{' opened here");
	if (lost) {
		char fix[TOKENS_FIX_MAX];
		size_t len = 0;
		uint32_t p = tokens_line_end(ctx->file, at->after);
		if (tokens_brace_line(ctx->file, fix, &len, p, lost->line, lost->indent))
			diag_fix_insert(ctx->diag, ctx->file, p, fix);
	} else {
		tokens_fix_braces(ctx, at->after, k);
	}
	t->lost_at = at->loc;
	t->repairs++;
	return true;
}

/* True unless the line at column col is indented as the content of block
 * o: a line inside a block is misplaced there, not a sign of a '}' left
 * out. */
static bool tokens_outside(const struct tokens_open *o, int col)
{
	return !o || !(o->content > o->indent && col > o->indent);
}

/* k braces are missing before the line that starts with h: reported, and
 * given to the parser first, at the end of the line before. */
static void tokens_close(struct parse_ctx *ctx, unsigned k, const struct tokens_held *h)
{
	struct tokens *t = &ctx->tokens;
	uint32_t after = tokens_given(ctx, 0)->loc.last;
	struct tokens_place here = { h->t.loc, h->t.kind, h->t.text.text, after };
	tokens_report_missing(ctx, k, &here);
	uint32_t p = tokens_line_end(ctx->file, after);
	t->supply += k;
	t->supply_at = (struct loc){ ctx->file, p, p };
}

/* The end of the file with blocks open: if the layout says where a '}'
 * went missing, that is reported and every brace open is closed. */
static void tokens_mend_end(struct parse_ctx *ctx)
{
	struct tokens *t = &ctx->tokens;
	if (t->depth == 0 || diag_too_many(ctx->diag) || ctx->oom)
		return;
	if (tokens_report_missing(ctx, t->depth, NULL)) {
		t->supply = t->depth;
		t->supply_at = t->end;
	}
}

/* `essential technical {` in a sheet: the importance before its category. */
static void tokens_swap_importance(struct parse_ctx *ctx)
{
	struct tokens_held *a = tokens_at(ctx, 0), *b = tokens_at(ctx, 1);
	const char *importance = a->t.text.text, *category = b->t.text.text;
	diag_error(ctx->diag, &a->t.loc, "'%s' comes after the category: write '%s %s'",
		   importance, category, importance);
	char fix[TOKENS_FIX_MAX];
	if ((size_t)snprintf(fix, sizeof fix, "%s %s", category, importance) < sizeof fix)
		diag_fix_it(ctx->diag, &(struct loc){ ctx->file, a->t.loc.offset, b->t.loc.last }, fix);
	struct token first = a->t;
	a->t = b->t;
	b->t = first;
	ctx->tokens.repairs++;
}

/* `"SCADA systems" X` in a knowledge block: the level after the text. */
static void tokens_swap_level(struct parse_ctx *ctx)
{
	struct tokens_held *a = tokens_at(ctx, 0), *b = tokens_at(ctx, 1);
	const char *text = a->t.text.text, *level = b->t.text.text;
	diag_error(ctx->diag, &b->t.loc, "the level comes before the item's text: write '%s \"%.40s%s\"'",
		   level, text, strlen(text) > 40 ? "..." : "");
	const char *raw = ctx->file->text + a->t.loc.offset;
	size_t raw_len = a->t.loc.last + 1 - a->t.loc.offset;
	char fix[TOKENS_FIX_MAX];
	if ((size_t)snprintf(fix, sizeof fix, "%s %.*s", level, (int)raw_len, raw) < sizeof fix)
		diag_fix_it(ctx->diag, &(struct loc){ ctx->file, a->t.loc.offset, b->t.loc.last }, fix);
	struct token first = a->t;
	a->t = b->t;
	b->t = first;
	ctx->tokens.repairs++;
}

/*
 * A line of n tokens ending in a '}' that closes a block open before it,
 * after which the next line could only stand in that block, indented as
 * its content, and the '}' does not line up with the block's start: it is
 * one too many. Dropped; returns the tokens the line holds then.
 */
static unsigned tokens_extra_brace(struct parse_ctx *ctx, unsigned n)
{
	struct tokens *t = &ctx->tokens;
	const struct tokens_held *last = tokens_at(ctx, n - 1);
	if (last->t.kind != RBRACE || t->count <= n)
		return n;
	const struct tokens_held *next = tokens_at(ctx, n);
	if (next->t.kind == 0 || next->col < 0)
		return n;
	int k = next->t.kind;
	int k2 = n + 1 < t->count && tokens_at(ctx, n + 1)->col < 0 ? tokens_at(ctx, n + 1)->t.kind : -1;
	int d = (int)t->depth, lowest = d;
	for (unsigned i = 0; i < n; i++) {
		int brace = tokens_at(ctx, i)->t.kind;
		d += brace == LBRACE ? 1 : brace == RBRACE ? -1 : 0;
		lowest = d < lowest ? d : lowest;
	}
	if (d < 0 || d != lowest || d >= (int)t->depth)
		return n;
	const struct tokens_open *closed = &t->open[d];
	enum tokens_block around = d > 0 ? t->open[d - 1].block : TOKENS_TOP;
	if (tokens_fits(around, k, k2) || !tokens_fits(closed->block, k, k2) ||
	    next->col <= closed->indent || last->col == closed->indent)
		return n;
	const struct tokens_place *unopened = &closed->unopened;
	if (unopened->loc.file) {
		/* Lines indented as a block's, with no '{' before them: the
		 * '}' is the one that block was to end with. */
		char what[64];
		tokens_describe(what, sizeof what, unopened->kind, unopened->text);
		diag_error(ctx->diag, &unopened->loc, "expected '{' before %s", what);
		diag_fix_insert(ctx->diag, ctx->file, unopened->loc.offset, " {");
	} else {
		diag_error(ctx->diag, &last->t.loc, "one '}' too many: the next line still "
			   "belongs to %s", tokens_block_name(closed->block));
		diag_note(ctx->diag, &closed->brace, "which is opened here");
		diag_fix_it(ctx->diag, &last->t.loc, "");
	}
	t->repairs++;
	tokens_remove(ctx, n - 1);
	return n - 1;
}

/*
 * The head of a block ends its line, and the next line, indented deeper,
 * is no '{': the '{' was left out. Reported, and given to the parser after
 * the head. True if so. The heads are those the grammar takes nothing
 * else after: a section's in a sheet (`mission`, `technical essential`),
 * and a group's title in activities after a group (a paragraph may not
 * stand there).
 */
static bool tokens_unopened(struct parse_ctx *ctx, unsigned n, const int k[3])
{
	struct tokens *t = &ctx->tokens;
	const struct tokens_open *o = &t->open[t->depth - 1];
	bool head = false;
	if (o->block == TOKENS_SHEET)
		head = n == 1 ? k[0] == KW_MISSION || k[0] == KW_ACTIVITIES || k[0] == KW_CAREER ||
				k[0] == KW_TRENDS
			      : n == 2 && k[0] == NAME && (k[1] == KW_ESSENTIAL || k[1] == KW_USEFUL);
	else if (o->block == TOKENS_ACTIVITIES && o->nested)
		head = (n == 1 && k[0] == STRING) || (n == 2 && k[0] == TREND && k[1] == STRING);
	if (!head || t->count <= n)
		return false;
	const struct tokens_held *first = tokens_at(ctx, 0), *next = tokens_at(ctx, n);
	if (next->t.kind == LBRACE || next->t.kind == 0 || next->col <= first->col)
		return false;
	char what[64];
	tokens_describe(what, sizeof what, next->t.kind, next->t.text.text);
	uint32_t end = loc_end(&tokens_at(ctx, n - 1)->t.loc);
	struct tokens_held brace = { .t = { .kind = LBRACE, .loc = { ctx->file, end, end },
					    .supplied = true }, .col = -1 };
	if (!tokens_insert(ctx, n, &brace))
		return false;
	diag_error(ctx->diag, &brace.t.loc, "expected '{' before %s", what);
	diag_fix_insert(ctx->diag, ctx->file, end, " {");
	t->repairs++;
	return true;
}

unsigned tokens_mend_line(struct parse_ctx *ctx, unsigned n)
{
	struct tokens *t = &ctx->tokens;
	const struct tokens_held *first = tokens_at(ctx, 0);
	if (first->t.kind == 0) {
		tokens_mend_end(ctx);
		return 1;
	}
	if (first->col < 0)
		return n;       /* the rest of a line too long to hold */
	struct tokens_open *o = t->depth ? &t->open[t->depth - 1] : NULL;
	enum tokens_block in = o ? o->block : TOKENS_TOP;
	int k[3];
	for (unsigned i = 0; i < 3; i++)
		k[i] = i < n ? tokens_at(ctx, i)->t.kind : -1;
	if (in == TOKENS_KNOWLEDGE && k[0] == NAME && k[1] == STRING)
		o->levelled = true;
	int stands = tokens_stands(k);
	/* Outside a sheet, `family` is a declaration. */
	if (k[0] == KW_FAMILY && t->depth > 0 && (t->open[0].block == TOKENS_CATALOGUE ||
						 t->open[0].block == TOKENS_SCALE))
		stands = 0;
	if (stands >= 0 && t->depth > (unsigned)stands &&
	    (stands == 0 || t->open[0].block == TOKENS_SHEET) && tokens_outside(o, first->col)) {
		tokens_close(ctx, t->depth - (unsigned)stands, first);
		return n;
	}
	if ((in == TOKENS_SHEET || in == TOKENS_ACTIVITIES) && tokens_unopened(ctx, n, k))
		return n + 1;
	if (in == TOKENS_SHEET && (k[0] == KW_ESSENTIAL || k[0] == KW_USEFUL) && k[1] == NAME &&
	    k[2] == LBRACE) {
		tokens_swap_importance(ctx);
		return n;
	}
	/* (A string on the next line would be the name's text, valid.) */
	if (in == TOKENS_KNOWLEDGE && n == 2 && k[0] == STRING && k[1] == NAME &&
	    t->count > n && tokens_at(ctx, n)->t.kind != STRING) {
		tokens_swap_level(ctx);
		return n;
	}
	return tokens_extra_brace(ctx, n);
}
