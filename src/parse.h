/*
 * parse.h - the state of the reading of one file: the scanner's
 * (grammar/scanner.l), the token filter's (src/tokens.h) and the parser's
 * (grammar/parser.y), each in a part of its own.
 *
 * Flex's reentrant scanner carries a pointer to this as its "extra" data,
 * and the pure parser is given it; nothing is global. The scanner keeps to
 * its part, the filter to its own and reads the scanner's tokens, and the
 * parser reads the filter's and asks it (tokens.h) what its messages need.
 * Everything allocated here is in the run's arena, except the string
 * buffer and what the scanner scans, which the parse frees.
 */
#ifndef JOBC_PARSE_H
#define JOBC_PARSE_H

#include <setjmp.h>
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "tokens.h"

/* Longest string, in bytes after normalisation (docs/LANGUAGE.md). */
#define PARSE_MAX_STRING ((size_t)64 * 1024)

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
 * parser, as the parser reads it: a keyword in the labels block is a
 * name) and each comment (PARSE_COMMENT, or PARSE_DIRECTIVE for a
 * `# jobc:` one), as the bytes [start, end) of the file; a comment runs
 * from its '#' to the end of its line, the newline left out. jobc fmt
 * (fmt.c) lays a file out again from them: the lexical rules stay the
 * scanner's alone. They come from the file's first reading, as written
 * (parse_run), and only from it.
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

	/* ---- the scanner ---- */
	size_t offset;                  /* the offset of the next byte */
	size_t line_begin;              /* where the line of the next token begins */
	/* where every lexeme goes (NULL: nowhere, as in a compilation), and
	 * where the comment being read began */
	parse_lexeme_fn *lexeme;
	void *lexeme_arg;
	size_t comment_start;
	bool comment_directive;
	/* the string being read */
	char *str;
	size_t str_len, str_cap;
	bool str_pending_space;         /* white space seen since the last character */
	unsigned str_errors;            /* errors reported before the string began */
	bool str_unterminated;          /* the file ended inside a string */
	struct loc str_loc;
	/* the first of the `# jobc: expect` names waiting for the next
	 * token's line (the rest follow it), or NULL */
	struct diag_expect *pending_expects;
	/* what flex scans (parse.c): a copy of the file from `base` on
	 * (after a byte-order mark), ending in two NULs, and its buffer;
	 * spare: a string's text scanned apart (parse_scan_string) */
	char *copy;
	size_t copy_size;
	uint32_t base;
	void *flex_buffer;
	char *spare;

	/* ---- the token filter ---- */
	struct tokens tokens;

	/* ---- the parser ---- */
	/* the declaration being read, for its fields */
	struct ast_catalogue_info *catalogue;
	struct ast_label_list *labels;  /* where the labels block's go, or NULL */
	struct ast_scale *scale;
	struct ast_sheet *sheet;
	struct ast_group *group;
	/* the filter's repairs when the sheet and the knowledge block being
	 * read began: one made since damages them (the labels block: one
	 * made before its catalogue ends) */
	unsigned sheet_repairs, knowledge_repairs;
	unsigned labels_repairs;        /* and when the labels block began */
	/* the sheet closed last, if no declaration came since, and where its
	 * '}' was: an error right after it may mean it closed early */
	struct ast_sheet *closed_sheet;
	struct loc closed_at;
};

/* Parses ctx->file, appending to ctx->root. Returns 0, or -1 out of memory. */
int parse_run(struct parse_ctx *ctx);

/*
 * One token as the parser reads it (tokens_next): its kind (a token of
 * grammar/parser.y, from parser.h), its value for names, codes, numbers,
 * strings and keywords (NULL for the others) and where it stands. A '}'
 * the filter found missing comes as one, at the end of the line it
 * belongs after. Nonzero stops the scan.
 */
typedef int parse_token_fn(void *data, int token, const struct ast_str *text,
			   const struct loc *loc);

/*
 * Runs only the scanner and the token filter over ctx->file (after a
 * byte-order mark), giving fn every token up to the end of the file or
 * until fn stops it; nothing is parsed. Lexical errors and the filter's
 * are reported to ctx->diag, and scanning stops where the scanner stops
 * (diag_too_many). Returns 0, or -1 out of memory.
 */
int parse_tokens(struct parse_ctx *ctx, parse_token_fn *fn, void *data);

/*
 * For the token filter, which reads some text again in another way. Both
 * go on scanning the file from byte `resume`, in the scanner's first
 * state; parse_scan_string first scans the text [from, to) as one string
 * (with a '"' supplied before it, unless the byte at from is one, and one
 * after it), by the scanner's own rules, into *out. Return 0, or -1 if
 * memory ran out (ctx->oom is then set).
 */
int parse_rescan(struct parse_ctx *ctx, uint32_t resume);
int parse_scan_string(struct parse_ctx *ctx, uint32_t from, uint32_t to, uint32_t resume,
		      struct token *out);

#endif
