/*
 * tokens.c - the token filter (tokens.h): the tokens it holds, and what it
 * gives the parser, with the braces that opens and closes and how the
 * writer laid them out. The mending is in tokens_braces.c and
 * tokens_quotes.c.
 */
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "tokens_mend.h"
/* flex's header names the bison types without the api.prefix. */
#define YYSTYPE JOBC_YYSTYPE
#define YYLTYPE JOBC_YYLTYPE
#include "scanner.h"

bool tokens_insert(struct parse_ctx *ctx, unsigned i, const struct tokens_held *h)
{
	struct tokens *t = &ctx->tokens;
	if (t->count == TOKENS_ROOM)
		return false;
	for (unsigned j = t->count++; j > i; j--)
		*tokens_at(ctx, j) = *tokens_at(ctx, j - 1);
	*tokens_at(ctx, i) = *h;
	return true;
}

void tokens_remove(struct parse_ctx *ctx, unsigned i)
{
	struct tokens *t = &ctx->tokens;
	for (; i + 1 < t->count; i++)
		*tokens_at(ctx, i) = *tokens_at(ctx, i + 1);
	t->count--;
}

/* Names, codes, numbers, strings and keywords carry their text. */
static bool tokens_has_text(int kind)
{
	return kind == STRING || kind == NAME || kind == CODE || kind == NUMBER ||
	       (kind >= KW_ACTIVITIES && kind <= KW_USEFUL);
}

void tokens_scan(struct parse_ctx *ctx)
{
	struct tokens *t = &ctx->tokens;
	unsigned i = t->count++;
	struct tokens_held *h = tokens_at(ctx, i);
	h->mark = diag_mark(ctx->diag);
	JOBC_YYSTYPE val;
	/* Where the scanner stands, if it stops before it reads (too many errors). */
	struct loc loc = { ctx->file, (uint32_t)ctx->offset, (uint32_t)ctx->offset };
	int kind = t->ended ? 0 : jobc_yylex(&val, &loc, t->scanner);
	if (kind == 0) {
		if (!t->ended)
			t->end = loc;
		t->ended = true;
		loc = t->end;
	}
	h->t.kind = kind;
	h->t.loc = loc;
	h->t.supplied = false;
	h->t.unterminated = kind == STRING && ctx->str_unterminated;
	h->t.trend = kind == TREND ? val.trend : AST_TREND_NONE;
	if (tokens_has_text(kind))
		h->t.text = val.str;
	else
		h->t.text.text = NULL;
	/* It starts its line if no token came since the scanner's last line
	 * began: its column is then the bytes of white space before it. */
	h->col = kind && ctx->line_begin >= t->scanned_end ? (int)(loc.offset - ctx->line_begin) : -1;
	t->scanned_end = loc.last + 1;
	if (kind == STRING) {
		tokens_mend_string(ctx, i);
		t->scanned_end = tokens_at(ctx, t->count - 1)->t.loc.last + 1;
	}
}

/*
 * Holds the next line: its tokens, up to the first token of a later line
 * or the end of the file (held too, and the second token of that line if
 * a line ending in '}' is followed by a name: what follows a '}' tells
 * one too many), and mends it. A line too long to hold is given as it
 * comes.
 */
static void tokens_fill(struct parse_ctx *ctx)
{
	struct tokens *t = &ctx->tokens;
	if (t->count == 0)
		tokens_scan(ctx);
	unsigned n = 1;         /* the tokens of the line, from the first held */
	while (tokens_at(ctx, 0)->t.kind != 0) {
		if (n >= t->count) {
			if (t->count == TOKENS_ROOM)
				break;
			tokens_scan(ctx);
			/* A string mended into the words before it. */
			n = n < t->count ? n : t->count;
			continue;
		}
		const struct tokens_held *h = tokens_at(ctx, n);
		if (h->t.kind == 0 || h->col >= 0)
			break;
		n++;
	}
	if (n + 1 == t->count && t->count < TOKENS_ROOM && tokens_at(ctx, n - 1)->t.kind == RBRACE &&
	    tokens_at(ctx, n)->t.kind == NAME)
		tokens_scan(ctx);
	t->ready = tokens_mend_line(ctx, n);
}

/* The construct a '{' opens, from the first token before it (head), the
 * one just before it (prev) and the construct around it. */
static enum tokens_block tokens_block_of(enum tokens_block around, int head, int prev)
{
	switch (around) {
	case TOKENS_CATALOGUE:
		/* `labels {`, or a misspelt name of it (the parser says so). */
		return prev == NAME ? TOKENS_LABELS : TOKENS_OTHER;
	case TOKENS_TOP:
		return head == KW_SHEET ? TOKENS_SHEET : head == KW_CATALOGUE ? TOKENS_CATALOGUE
		       : head == KW_SCALE ? TOKENS_SCALE : TOKENS_OTHER;
	case TOKENS_SHEET:
		return head == KW_MISSION || head == KW_TRENDS ? TOKENS_PROSE
		       : head == KW_ACTIVITIES ? TOKENS_ACTIVITIES : head == KW_CAREER ? TOKENS_CAREER
		       : head == NAME ? TOKENS_KNOWLEDGE : TOKENS_OTHER;
	case TOKENS_ACTIVITIES:
	case TOKENS_GROUP:
		return head == KW_LIST ? TOKENS_LIST : head != STRING && head != TREND ? TOKENS_OTHER
		       : around == TOKENS_ACTIVITIES ? TOKENS_GROUP : TOKENS_TASK;
	case TOKENS_PROSE:
	case TOKENS_CAREER:
		return head == KW_LIST ? TOKENS_LIST : TOKENS_OTHER;
	default:
		return TOKENS_OTHER;
	}
}

/* A token given when there is none: kind 0, no text. */
static const struct token tokens_none;

/* The token given before the last. */
static const struct token *tokens_before(const struct tokens *t)
{
	return t->given[1] ? t->given[1] : &tokens_none;
}

/*
 * A line starts inside block o at column col, with token k, after a line
 * at column `before`: the first line sets the block's indentation; a later
 * one at or left of the block's own, in a block whose content is indented,
 * is where the block's '}' belonged if it turns out to be missing; one
 * deeper than the line before, where the line before did not open a
 * block, may be where a '{' was left out.
 */
static void tokens_observe(struct tokens *t, struct tokens_open *o, const struct token *k, int col,
			   int before)
{
	const struct token *prev = tokens_before(t);
	if (o->content >= 0 && col > before && !o->unopened.loc.file &&
	    (prev->kind == STRING || prev->kind == NAME || (prev->kind >= KW_ACTIVITIES &&
							     prev->kind <= KW_USEFUL))) {
		uint32_t end = loc_end(&prev->loc);
		o->unopened = (struct tokens_place){ { prev->loc.file, end, end }, k->kind,
						     k->text.text, prev->loc.last };
		o->unopened_indent = before;
	}
	if (o->content < 0)
		o->content = col;
	else if (o->content > o->indent && col <= o->indent && !o->suspect.loc.file)
		o->suspect = (struct tokens_place){ k->loc, k->kind, k->text.text, prev->loc.last };
}

/* A '}' starting its line at column col closes the innermost block: if
 * it lines up with an outer block instead, in a file laid out with care,
 * that block's content ended here and the inner block's '}' is missing
 * (or the '}' of a block inside it, found so before). */
static void tokens_closed_at(struct tokens *t, const struct token *k, int col)
{
	const struct tokens_open *o = &t->open[t->depth - 1];
	struct tokens_open *around = t->depth > 1 ? &t->open[t->depth - 2] : NULL;
	if (around && o->unopened.loc.file && col == o->unopened_indent && col != o->indent &&
	    !around->unopened.loc.file) {
		around->unopened = o->unopened;
		around->unopened_indent = o->unopened_indent;
	}
	bool laid_out = o->content < 0 || o->content > o->indent;
	if (!laid_out || col == o->indent)
		return;
	for (unsigned d = t->depth - 1; d-- > 0;) {
		struct tokens_open *a = &t->open[d];
		if (a->indent < col)
			return;
		if (a->indent > col)
			continue;
		if (a->lost.at.loc.file)
			return;
		if (o->lost.at.loc.file) {
			a->lost = o->lost;
		} else {
			struct tokens_place here = { k->loc, RBRACE, NULL, tokens_before(t)->loc.last };
			a->lost = (struct tokens_lost){ o->suspect.loc.file ? o->suspect : here,
							o->brace, o->line, o->indent };
		}
		return;
	}
}

/* The block at depth t->depth + 1 was closed. */
static inline void tokens_closed(struct tokens *t)
{
	if (t->labels > t->depth)
		t->labels = 0;
	if (t->catalogue > t->depth)
		t->catalogue = 0;
}

/* Keeps the braces and the layout up to date with the token k given,
 * which starts its line at column col (or -1). */
static void tokens_track(struct parse_ctx *ctx, const struct token *k, int col)
{
	struct tokens *t = &ctx->tokens;
	struct tokens_open *o = t->depth ? &t->open[t->depth - 1] : NULL;
	t->line_first = col >= 0;
	if (col >= 0 && !k->supplied) {
		int before = t->line_indent;
		t->line_indent = col;
		t->line_start = k->loc.offset - (uint32_t)col;
		if (o && k->kind != RBRACE)
			tokens_observe(t, o, k, col, before);
	}
	if (k->kind == LBRACE) {
		bool head = t->head != 0;
		if (o)
			o->nested = true;
		enum tokens_block b = tokens_block_of(o ? o->block : TOKENS_TOP, t->head,
						      tokens_before(t)->kind);
		t->open[t->depth++] = (struct tokens_open){
			.brace = k->loc,
			.block = b,
			.line = head ? t->head_line : t->line_start,
			.indent = head ? t->head_indent : t->line_indent,
			.content = -1,
		};
		if (b == TOKENS_CATALOGUE)
			t->catalogue = t->depth;
		else if (b == TOKENS_LABELS)
			t->labels = t->depth;
		t->head = 0;
	} else if (k->kind == RBRACE) {
		if (o) {
			if (col >= 0 && !k->supplied)
				tokens_closed_at(t, k, col);
			t->depth--;
			tokens_closed(t);
		}
		t->head = 0;
	} else if (t->head == 0 || col >= 0) {
		t->head = k->kind;
		t->head_indent = t->line_indent;
		t->head_line = t->line_start;
	}
}

/* A token the filter makes (a '}' supplied, the end after a limit): kept
 * in one of two places, so that the two given last stay where they are. */
static struct token *tokens_make(struct tokens *t, int kind, const struct loc *loc)
{
	struct token *k = &t->made[t->made_last ^= 1];
	*k = (struct token){ .kind = kind, .loc = *loc, .supplied = kind != 0 };
	return k;
}

/*
 * A '{' at loc opens a block `depth` deep: the grammar nests four deep at
 * most; past PARSE_MAX_DEPTH the input is not a sheet, and reading on
 * would only grow the parser's stack (an unknown section's braces are read
 * over recursively). True if so: reported, and the file ends there.
 */
static bool tokens_too_deep(struct parse_ctx *ctx, const struct loc *loc, unsigned depth)
{
	if (depth <= PARSE_MAX_DEPTH)
		return false;
	diag_error(ctx->diag, loc, "braces nested more than %d deep; the rest of "
		   "the file is not read", PARSE_MAX_DEPTH);
	ctx->tokens.stopped = true;
	ctx->tokens.end = *loc;
	return true;
}

int tokens_next_as_written(struct parse_ctx *ctx, JOBC_YYSTYPE *val, struct loc *loc)
{
	struct tokens *t = &ctx->tokens;
	*loc = (struct loc){ ctx->file, (uint32_t)ctx->offset, (uint32_t)ctx->offset };
	if (t->stopped)
		return 0;
	int kind = jobc_yylex(val, loc, t->scanner);
	if (kind == LBRACE) {
		if (t->depth == 0 && t->head == KW_CATALOGUE)
			t->catalogue = 1;
		else if (t->depth == t->catalogue && t->depth > 0 && t->last_kind == NAME)
			t->labels = t->depth + 1;
		if (tokens_too_deep(ctx, loc, ++t->depth))
			return 0;
	} else if (kind == RBRACE) {
		if (t->depth > 0)
			t->depth--;
		tokens_closed(t);
	} else {
		if (t->labels)
			kind = tokens_label_key(kind);
		if (t->depth == 0 && kind >= KW_ACTIVITIES && kind <= KW_USEFUL)
			t->head = kind;         /* the declaration being read */
	}
	t->last_kind = kind;
	/* The token ends where the scanner stands: every rule that gives one
	 * has just matched its last byte. */
	if (ctx->lexeme && kind != 0)
		ctx->lexeme(ctx->lexeme_arg, kind, loc->offset, ctx->offset);
	return kind;
}

const struct token *tokens_next(struct parse_ctx *ctx)
{
	struct tokens *t = &ctx->tokens;
	if (t->as_written) {
		/* (For a scan alone: the parser calls tokens_next_as_written.) */
		struct token *k = &t->made[t->made_last ^= 1];
		JOBC_YYSTYPE val;
		k->kind = tokens_next_as_written(ctx, &val, &k->loc);
		k->text = tokens_has_text(k->kind) ? val.str : (struct ast_str){ .text = NULL };
		k->trend = k->kind == TREND ? val.trend : AST_TREND_NONE;
		return k;
	}
	if (t->stopped)
		return t->given[0];
	/* A line may be left with nothing to give once mended (a '}' too many
	 * alone on it): then the next. */
	while (t->supply == 0 && t->ready == 0)
		tokens_fill(ctx);
	const struct token *out;
	int col = -1;
	if (t->supply > 0) {
		t->supply--;
		out = tokens_make(t, RBRACE, &t->supply_at);
	} else {
		/* Its place in the ring is kept while it is one of the two
		 * given last (the ring holds TOKENS_ROOM to scan). */
		struct tokens_held *h = tokens_at(ctx, 0);
		if (t->labels)
			h->t.kind = tokens_label_key(h->t.kind);
		out = &h->t;
		col = h->col;
		/* The end stays, for the parser may ask again. */
		if (out->kind != 0) {
			t->first = (t->first + 1) & (TOKENS_HELD - 1);
			t->count--;
			t->ready--;
		}
	}
	if (out->kind == LBRACE && tokens_too_deep(ctx, &out->loc, t->depth + 1))
		out = tokens_make(t, 0, &t->end);
	t->given[1] = t->given[0];
	t->given[0] = out;
	tokens_track(ctx, out, col);
	return out;
}

const struct token *tokens_given(const struct parse_ctx *ctx, unsigned back)
{
	const struct token *k = ctx->tokens.given[back];
	return k ? k : &tokens_none;
}

const struct loc *tokens_open_brace(const struct parse_ctx *ctx)
{
	const struct tokens *t = &ctx->tokens;
	return t->depth && !t->as_written ? &t->open[t->depth - 1].brace : NULL;
}

unsigned tokens_repairs(const struct parse_ctx *ctx)
{
	return ctx->tokens.repairs;
}

const struct loc *tokens_lost_at(const struct parse_ctx *ctx)
{
	return ctx->tokens.lost_at.file ? &ctx->tokens.lost_at : NULL;
}

bool tokens_stopped(const struct parse_ctx *ctx)
{
	return ctx->tokens.stopped;
}

bool tokens_line_start(const struct parse_ctx *ctx)
{
	return ctx->tokens.line_first;
}

const char *tokens_describe(char *out, size_t size, int kind, const char *text)
{
	if (kind == 0)
		snprintf(out, size, "the end of the file");
	else if (kind == STRING)
		snprintf(out, size, "a string");
	else if (kind == TREND)
		snprintf(out, size, "a trend mark");
	else if (kind == LBRACE || kind == RBRACE)
		snprintf(out, size, "'%c'", kind == LBRACE ? '{' : '}');
	else if (text)
		snprintf(out, size, "'%.40s%s'", text, strlen(text) > 40 ? "..." : "");
	else
		snprintf(out, size, "this");
	return out;
}
