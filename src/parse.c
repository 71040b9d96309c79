/* parse.c - runs the scanner and parser over one file (see parse.h). */
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
static void parse_lex(struct parse_ctx *ctx, yyscan_t scanner, parse_token_fn *fn, void *data)
{
	JOBC_YYSTYPE val;
	struct loc loc;
	int token;
	while ((token = jobc_yylex(&val, &loc, scanner)) != 0 && !ctx->oom) {
		bool has_text = token == STRING || token == NAME || token == CODE ||
				token == NUMBER || (token >= KW_ACTIVITIES && token <= KW_USEFUL);
		if (fn(data, token, has_text ? &val.str : NULL, &loc) != 0)
			break;
	}
}

/*
 * Scans and parses text[0..size), which ends in the two NULs flex wants;
 * with fn, only scans, giving it the tokens. Flex reports a failed
 * allocation by YY_FATAL_ERROR, which jumps back here (grammar/scanner.l);
 * the scanner's own memory is then freed by jobc_yylex_destroy, and the
 * order below makes sure it holds all of it.
 */
static int parse_scan(struct parse_ctx *ctx, yyscan_t scanner, char *text, size_t size,
		      parse_token_fn *fn, void *data)
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
	YY_BUFFER_STATE b = jobc_yy_scan_buffer(text, size, scanner);
	if (!b)
		return -1;
	int status = 0;
	if (fn)
		parse_lex(ctx, scanner, fn, data);
	else
		status = jobc_yyparse(scanner, ctx);
	jobc_yy_delete_buffer(b, scanner);
	return status == 2 || ctx->oom ? -1 : 0;
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

	/* Flex writes into its buffer: it scans a copy, so that the file's own
	 * text stays intact for diagnostics. */
	size_t len = f->len - ctx->offset;
	char *text = parse_buffer_get(ctx->buffer, len + 2);
	if (!text)
		return -1;
	memcpy(text, f->text + ctx->offset, len);
	text[len] = text[len + 1] = '\0';

	int r = -1;
	yyscan_t scanner;
	if (jobc_yylex_init_extra(ctx, &scanner) == 0) {
		r = parse_scan(ctx, scanner, text, len + 2, fn, data);
		/* The file ended inside a sheet: what is missing is not news. */
		if (ctx->sheet)
			ctx->sheet->damaged = true;
		jobc_yylex_destroy(scanner);
	}
	if (!ctx->buffer)
		mem_free(text);
	mem_free(ctx->str);
	ctx->str = NULL;
	ctx->str_cap = ctx->str_len = 0;
	return r;
}

int parse_run(struct parse_ctx *ctx)
{
	return parse_file(ctx, NULL, NULL);
}

int parse_tokens(struct parse_ctx *ctx, parse_token_fn *fn, void *data)
{
	return parse_file(ctx, fn, data);
}
