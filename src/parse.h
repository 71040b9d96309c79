/*
 * parse.h - the state shared by the scanner (grammar/scanner.l) and the
 * parser (grammar/parser.y) while one file is read.
 *
 * Flex's reentrant scanner carries a pointer to this as its "extra" data,
 * and the pure parser reaches it through the scanner; nothing is global.
 * Everything allocated here is in the run's arena, except the string
 * buffer, which the parse frees.
 */
#ifndef JOBC_PARSE_H
#define JOBC_PARSE_H

#include <setjmp.h>
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Longest string, in bytes after normalisation (docs/LANGUAGE.md). */
#define PARSE_MAX_STRING ((size_t)64 * 1024)
/* Deepest nesting of braces read (the grammar needs 4; docs/LANGUAGE.md). */
#define PARSE_MAX_DEPTH 64
/* Open braces remembered for "to close '{' at ..." notes. */
#define PARSE_BRACE_MEMORY PARSE_MAX_DEPTH

/*
 * Memory for the copy of a file that flex scans (it writes into it), kept
 * by the caller from one file to the next: its pages are touched once per
 * run instead of once per file. Free data with mem_free when done.
 */
struct parse_buffer {
	char *data;
	size_t cap;
};

/* size bytes from b (grown if need be; nothing in it is kept), or new
 * ones if b is NULL. NULL if memory runs out. */
char *parse_buffer_get(struct parse_buffer *b, size_t size);

/*
 * What the scanner reads, in order: each token (a token number of the
 * parser) and each comment (PARSE_COMMENT, or PARSE_DIRECTIVE for a
 * `# jobc:` one), as the bytes [start, end) of the file; a comment runs
 * from its '#' to the end of its line, the newline left out. jobc fmt
 * (fmt.c) lays a file out again from them: the lexical rules stay the
 * scanner's alone.
 */
enum { PARSE_COMMENT = -1, PARSE_DIRECTIVE = -2 };
typedef void parse_lexeme_fn(void *arg, int token, size_t start, size_t end);

struct parse_ctx {
	struct arena *arena;
	struct diag *diag;
	struct ast_root *root;
	const struct src_file *file;
	struct parse_buffer *buffer;    /* NULL: a buffer for this file only */
	bool oom;                       /* memory ran out: the parse aborts */
	jmp_buf fatal;                  /* flex's fatal errors return here (parse.c) */

	/* scanner: the offset of the next byte */
	size_t offset;

	/* scanner: where every lexeme goes (NULL: nowhere, as in a compilation),
	 * and where the comment being read began */
	parse_lexeme_fn *lexeme;
	void *lexeme_arg;
	size_t comment_start;
	bool comment_directive;

	/* scanner: the string being read */
	char *str;
	size_t str_len, str_cap;
	bool str_pending_space;         /* white space seen since the last character */
	unsigned str_errors;            /* errors reported before the string began */
	bool str_unterminated;          /* the file ended inside a string */
	struct loc str_loc;

	/* scanner: open braces, innermost last */
	struct loc braces[PARSE_BRACE_MEMORY];
	unsigned brace_depth;
	bool stopped;                   /* a limit ended the reading of the file */
	/* scanner: '}' found missing before a keyword, still to be given to
	 * the parser, then the keyword held back meanwhile (0: none) */
	unsigned missing_braces;
	int held_token;
	struct ast_str held_text;       /* a keyword's value is its text */
	struct loc held_loc;
	/* scanner: the brace depth of the catalogue's labels block while its
	 * keys are read (the parser sets it after the block's '{'), else 0 */
	unsigned labels_depth;
	/* scanner: the first of the `# jobc: expect` names waiting for the
	 * next token's line (the rest follow it), or NULL */
	struct diag_expect *pending_expects;

	/* parser: the declaration being read, for its fields */
	struct ast_catalogue_info *catalogue;
	struct ast_label_list *labels;  /* where the labels block's go, or NULL */
	struct ast_scale *scale;
	struct ast_sheet *sheet;
	struct ast_group *group;
	/* parser: the sheet closed last, if no declaration came since, and
	 * where its '}' was: an error right after it may mean it closed early */
	struct ast_sheet *closed_sheet;
	struct loc closed_at;
	/* scanner: the last two tokens read ([1] is the latest, the parser's
	 * lookahead when it reports an error), for error messages */
	int tok_kind[2];
	struct ast_str tok_text[2];     /* text == NULL for punctuation */
};

/* Parses ctx->file, appending to ctx->root. Returns 0, or -1 out of memory. */
int parse_run(struct parse_ctx *ctx);

/*
 * One token as the parser reads it: its kind (a token of grammar/parser.y,
 * from parser.h), its value for names, codes, numbers, strings and
 * keywords (NULL for the others) and where it stands. A '}' the scanner
 * found missing before a keyword comes as one (at the keyword), as the
 * parser sees it. Nonzero stops the scan.
 */
typedef int parse_token_fn(void *data, int token, const struct ast_str *text,
			   const struct loc *loc);

/*
 * Runs only the scanner over ctx->file (after a byte-order mark), giving
 * fn every token up to the end of the file or until fn stops it; nothing
 * is parsed. Lexical errors are reported to ctx->diag, and scanning stops
 * where the scanner stops (diag_too_many). Returns 0, or -1 out of memory.
 */
int parse_tokens(struct parse_ctx *ctx, parse_token_fn *fn, void *data);

#endif
