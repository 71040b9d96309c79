/* parse.c - runs the scanner and parser over one file (see parse.h). */
#include <string.h>

#include "mem.h"
#include "parse.h"
#include "parser.h"
/* flex's header names the bison types without the api.prefix. */
#define YYSTYPE JOBC_YYSTYPE
#define YYLTYPE JOBC_YYLTYPE
#include "scanner.h"

int parse_run(struct parse_ctx *ctx)
{
	const struct src_file *f = ctx->file;
	ctx->line = ctx->col = 1;
	ctx->offset = 0;
	/* A byte-order mark is not part of the text: skip it, columns unmoved. */
	if (f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0)
		ctx->offset = 3;

	yyscan_t scanner;
	if (jobc_yylex_init_extra(ctx, &scanner) != 0)
		return -1;
	int r = -1;
	/* flex copies the bytes: the file's own text stays intact for diagnostics. */
	YY_BUFFER_STATE b = jobc_yy_scan_bytes(f->text + ctx->offset,
					      (int)(f->len - ctx->offset), scanner);
	if (b) {
		int status = jobc_yyparse(scanner, ctx);
		/* The file ended inside a sheet: what is missing is not news. */
		if (ctx->sheet)
			ctx->sheet->damaged = true;
		r = status == 2 || ctx->oom ? -1 : 0;
		jobc_yy_delete_buffer(b, scanner);
	}
	jobc_yylex_destroy(scanner);
	mem_free(ctx->str);
	ctx->str = NULL;
	ctx->str_cap = ctx->str_len = 0;
	return r;
}
