/* parse.c - runs the scanner, the token filter and the parser over one file
 * (see parse.h). */
#include <string.h>

#include "mem.h"
#include "parse.h"
#include "parser.h"
/* flex's header names the bison types without the api.prefix. */
#define YYSTYPE JOBC_YYSTYPE
#define YYLTYPE JOBC_YYLTYPE
#include "scanner.h"

/* Gives every token to fn, as the parser would read them, to the end or
 * until fn says stop. */
static void parse_lex(struct parse_ctx *ctx, parse_token_fn *fn, void *data)
{
	const struct token *t;
	while ((t = tokens_next(ctx))->kind != 0 && !ctx->oom)
		if (fn(data, t->kind, t->text.text ? &t->text : NULL, &t->loc) != 0)
			break;
}

/*
 * Scans and parses the copy of the file; with fn, only scans, giving it
 * the tokens. Flex reports a failed allocation by YY_FATAL_ERROR, which
 * jumps back here (grammar/scanner.l); the scanner's own memory is then
 * freed by jobc_yylex_destroy, and the order below makes sure it holds all
 * of it: ctx->flex_buffer is always flex's current buffer, and the only one.
 */
static int parse_scan(struct parse_ctx *ctx, yyscan_t scanner, parse_token_fn *fn, void *data)
{
	if (setjmp(ctx->fatal) != 0)
		return ctx->oom ? -1 : 0;
	/* yy_scan_buffer allocates its buffer, then switches to it, and the
	 * switch may allocate flex's buffer stack: a failure there would lose
	 * the buffer. A switch to no buffer only allocates the stack (one slot),
	 * a second one grows it (flex grows it before it is full), so the
	 * switch below allocates nothing. */
	jobc_yy_switch_to_buffer(NULL, scanner);
	jobc_yy_switch_to_buffer(NULL, scanner);
	if (!(ctx->flex_buffer = jobc_yy_scan_buffer(ctx->copy, ctx->copy_size, scanner)))
		return -1;
	ctx->tokens.scanner = scanner;
	int status = 0;
	if (fn)
		parse_lex(ctx, fn, data);
	else
		status = jobc_yyparse(ctx);
	jobc_yy_delete_buffer(ctx->flex_buffer, scanner);
	ctx->flex_buffer = NULL;
	return status == 2 || ctx->oom ? -1 : 0;
}

/* Makes flex scan size bytes from text (the last two NULs) next, as the
 * bytes from file offset `at` on, in place of what it scanned. */
static int parse_switch(struct parse_ctx *ctx, char *text, size_t size, uint32_t at)
{
	yyscan_t scanner = ctx->tokens.scanner;
	YY_BUFFER_STATE old = ctx->flex_buffer, b = jobc_yy_scan_buffer(text, size, scanner);
	if (!b) {
		ctx->oom = true;
		return -1;
	}
	ctx->flex_buffer = b;
	jobc_yy_delete_buffer(old, scanner);
	ctx->offset = at;
	ctx->str_unterminated = false;
	return 0;
}

int parse_rescan(struct parse_ctx *ctx, uint32_t resume)
{
	size_t skip = resume - ctx->base;
	int r = parse_switch(ctx, ctx->copy + skip, ctx->copy_size - skip, resume);
	mem_free(ctx->spare);
	ctx->spare = NULL;
	return r;
}

int parse_scan_string(struct parse_ctx *ctx, uint32_t from, uint32_t to, uint32_t resume,
		      struct token *out)
{
	const char *text = ctx->file->text;
	bool quoted = text[from] == '"';
	size_t len = to - from - quoted;
	/* '"', the text, '"', and the two NULs flex wants. */
	if (!(ctx->spare = mem_alloc(len + 4))) {
		ctx->oom = true;
		return -1;
	}
	ctx->spare[0] = '"';
	memcpy(ctx->spare + 1, text + from + quoted, len);
	memcpy(ctx->spare + 1 + len, "\"\0", 3);
	/* The supplied opening quote stands just before the text. */
	uint32_t at = quoted || from == 0 ? from : from - 1;
	if (parse_switch(ctx, ctx->spare, len + 4, at) != 0)
		return -1;
	JOBC_YYSTYPE val;
	struct loc loc;
	int kind = jobc_yylex(&val, &loc, ctx->tokens.scanner);
	*out = (struct token){ .kind = kind, .loc = { ctx->file, from, to > from ? to - 1 : to } };
	if (kind == STRING) {
		out->text = val.str;
		out->text.loc = out->loc;
	}
	return parse_rescan(ctx, resume);
}

char *parse_buffer_get(struct parse_buffer *b, size_t size)
{
	if (!b)
		return mem_alloc(size);
	if (b->cap < size) {
		/* Nothing in it is kept: a new block, not a realloc that copies. */
		mem_free(b->data);
		b->cap = 0;
		if (!(b->data = mem_alloc(size)))
			return NULL;
		b->cap = size;
	}
	return b->data;
}

/* Parses ctx->file, or with fn only scans it (parse_run, parse_tokens). */
static int parse_file(struct parse_ctx *ctx, parse_token_fn *fn, void *data)
{
	const struct src_file *f = ctx->file;
	ctx->offset = 0;
	/* A byte-order mark is not part of the text: skip it (loc_where does). */
	if (f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0)
		ctx->offset = 3;
	ctx->line_begin = ctx->offset;

	/* Flex writes into its buffer: it scans a copy, so that the file's own
	 * text stays intact for diagnostics. */
	size_t len = f->len - ctx->offset;
	ctx->base = (uint32_t)ctx->offset;
	ctx->copy_size = len + 2;
	ctx->copy = parse_buffer_get(ctx->buffer, len + 2);
	if (!ctx->copy)
		return -1;
	memcpy(ctx->copy, f->text + ctx->offset, len);
	ctx->copy[len] = ctx->copy[len + 1] = '\0';

	int r = -1;
	struct diag_mark mark = diag_mark(ctx->diag);
	yyscan_t scanner;
	if (jobc_yylex_init_extra(ctx, &scanner) == 0) {
		r = parse_scan(ctx, scanner, fn, data);
		/* The file ended inside a sheet: what is missing is not news. */
		if (ctx->sheet)
			ctx->sheet->damaged = true;
		jobc_yylex_destroy(scanner);
	}
	diag_sort_since(ctx->diag, mark);
	if (!ctx->buffer)
		mem_free(ctx->copy);
	ctx->copy = NULL;
	mem_free(ctx->spare);
	ctx->spare = NULL;
	mem_free(ctx->str);
	ctx->str = NULL;
	ctx->str_cap = ctx->str_len = 0;
	return r;
}


/* Ends a list where it ended before: its last node led to none. */
#define PARSE_LIST_BACK(list, before)                                      \
	do {                                                               \
		(list) = (before);                                         \
		if ((list).last)                                           \
			(list).last->next = NULL;                          \
	} while (0)

/*
 * A file is read as the scanner reads it first, the token filter holding
 * nothing back: a valid file costs the scanner and the parser alone. If
 * that finds an error, what it added is taken back (the AST's nodes stay
 * in the arena, unused) and the file is read again with the filter's
 * mending, whose diagnostics are the file's.
 */
int parse_run(struct parse_ctx *ctx)
{
	/* What a parse adds to the run: declarations, and diagnostics. */
	struct ast_root *root = ctx->root, before = *root;
	struct diag_mark mark = diag_mark(ctx->diag);
	ctx->tokens.as_written = true;
	int r = parse_file(ctx, NULL, NULL);
	if (r != 0 || ctx->diag->errors == mark.errors)
		return r;
	diag_rewind(ctx->diag, mark, NULL);
	root->catalogue = before.catalogue;
	root->scale = before.scale;
	PARSE_LIST_BACK(root->parsed.categories, before.parsed.categories);
	PARSE_LIST_BACK(root->parsed.families, before.parsed.families);
	PARSE_LIST_BACK(root->parsed.retired, before.parsed.retired);
	PARSE_LIST_BACK(root->parsed.sheets, before.parsed.sheets);
	struct parse_ctx again = { .arena = ctx->arena, .diag = ctx->diag, .root = ctx->root,
				   .file = ctx->file, .buffer = ctx->buffer };
	*ctx = again;
	return parse_file(ctx, NULL, NULL);
}

int parse_tokens(struct parse_ctx *ctx, parse_token_fn *fn, void *data)
{
	return parse_file(ctx, fn, data);
}
