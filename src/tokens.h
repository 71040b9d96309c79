/*
 * tokens.h - the token filter between the scanner and the parser: the one
 * place of the recovery policy.
 *
 * The parser (grammar/parser.y) does not call the scanner: it reads its
 * tokens through tokens_next, as PostgreSQL's grammar reads the core
 * scanner's through base_yylex. The scanner knows characters, the parser
 * the grammar; the filter knows lines and how the writer laid them out, and
 * mends the common slips there, before they throw the parser off:
 *
 * - It holds one line of tokens, and the first token of the next, before it
 *   gives them, and keeps the braces open with the indentation of the line
 *   that opened each (tokens.c).
 * - A '}' left out (tokens_braces.c): a section keyword, or a category and
 *   its importance, starting a line deeper than a section stands, or a
 *   declaration starting a line inside a block, closes what is open; the
 *   layout says where the '}' belonged (a '}' that lines up with an outer
 *   block, a line at a block's own indentation), and that is where the
 *   error is. One '}' too many that ends a block whose content goes on on
 *   the next line is dropped.
 * - A '"' left out (tokens_quotes.c): a string that runs over a line that
 *   starts a new item, and whose end leaves an odd number of quotes on its
 *   line, was left open; one whose opening quote ends a line of words was
 *   closed and never opened. The text is read again as the string it was
 *   meant to be, and what the scanner said of it the first time is taken
 *   back (diag_rewind).
 * - Two words swapped (tokens_braces.c): `essential technical {` in a
 *   sheet, `"SCADA systems" X` in a knowledge block.
 *
 * It also says what the grammar alone cannot: in the catalogue's labels
 * block, a keyword is a label's key (`mission`, a misspelt one, which the
 * validator reports), but for a declaration's.
 *
 * Each mending is reported once, where the mistake is, with a note and a
 * fix-it, and the parser is given the tokens as they were meant, so that
 * the rest of the file is checked as usual. Nothing is mended unless the
 * parser would have stopped on the tokens as written: a valid file reads
 * exactly as the scanner reads it. So a file is first parsed as written
 * (as_written: the filter only counts braces), at the scanner's and the
 * parser's speed, and only a file in which that finds an error is parsed
 * again with the mending (parse_run).
 *
 * The filter's state is its own (struct tokens, in struct parse_ctx); the
 * parser asks it what its messages need (tokens_given, tokens_open_brace).
 */
#ifndef JOBC_TOKENS_H
#define JOBC_TOKENS_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"

struct parse_ctx;

/* Deepest nesting of braces read (the grammar needs 4; docs/LANGUAGE.md). */
#define PARSE_MAX_DEPTH 64

/* One token as the parser reads it. */
struct token {
	int kind;               /* a token of grammar/parser.y (parser.h); 0: the end */
	struct ast_str text;    /* names, codes, numbers, strings and keywords:
				 * their value (text NULL for the others) */
	enum ast_trend trend;   /* of a TREND */
	struct loc loc;
	bool supplied;          /* not written: a '}' the filter found missing */
	bool unterminated;      /* a string the file ended in */
};

/* Tokens held: a line's, and the first of the next (a longer line is given
 * as it comes, unmended), in a ring that also keeps the two given last:
 * a power of two. */
#define TOKENS_HELD 64
#define TOKENS_ROOM (TOKENS_HELD - 2)

/* The constructs a brace opens, as far as the filter tells them apart. */
enum tokens_block {
	TOKENS_TOP, TOKENS_SHEET, TOKENS_CATALOGUE, TOKENS_SCALE, TOKENS_PROSE,
	TOKENS_ACTIVITIES, TOKENS_GROUP, TOKENS_TASK, TOKENS_KNOWLEDGE, TOKENS_CAREER,
	TOKENS_LIST, TOKENS_LABELS, TOKENS_OTHER
};

/* A place in the text the layout points at, for a message there. */
struct tokens_place {
	struct loc loc;         /* file NULL: none */
	int kind;               /* the token there */
	const char *text;
	uint32_t after;         /* just past the token before it */
};

/* A block whose '}' went missing, and where it belonged. */
struct tokens_lost {
	struct tokens_place at; /* at.loc.file NULL: none */
	struct loc brace;       /* the block's '{' */
	uint32_t line;          /* the start of the line that opens it */
	int indent;             /* and its indentation */
};

/* A '{' not yet closed. */
struct tokens_open {
	struct loc brace;
	enum tokens_block block;
	uint32_t line;          /* the start of the line that opens the block */
	int indent;             /* its indentation, in bytes */
	int content;            /* the indentation of the block's first line; -1 none yet */
	bool levelled;          /* a knowledge block whose items have levels */
	bool nested;            /* a block was opened inside it */
	/* The first line inside at or left of the block's own indentation,
	 * in a block whose content is indented: where its '}' belonged. */
	struct tokens_place suspect;
	/* The first line inside indented deeper than the line before it,
	 * which did not end with a '{': where a '{' may have been left out
	 * (the place just after that line's last token), and the
	 * indentation of the line before. A '}' lined up with that line
	 * passes it on to the block around. */
	struct tokens_place unopened;
	int unopened_indent;
	/* A block inside this one, closed by a '}' lined up with this one:
	 * its own '}' is missing (the first such, or the first inside it). */
	struct tokens_lost lost;
};

struct tokens_held {
	struct token t;
	struct diag_mark mark;  /* the records before it was scanned */
	int col;                /* its column if it starts its line, else -1 */
};

struct tokens {
	void *scanner;                          /* yyscan_t */
	bool as_written;                        /* give the scanner's tokens as they
						 * come: nothing held, nothing mended */
	struct tokens_held held[TOKENS_HELD];   /* a ring, from first */
	unsigned first, count;
	unsigned ready;                         /* of them, mended and to give */
	unsigned supply;                        /* '}' found missing, to give first */
	struct loc supply_at;
	struct tokens_open open[PARSE_MAX_DEPTH];
	unsigned depth;
	/* The depth of the catalogue's block and of its labels block (a name
	 * and a '{' in it), while they are open, else 0: in the labels block
	 * a keyword is a label's key (tokens_label_key). */
	unsigned catalogue, labels;
	int last_kind;                          /* as_written: the kind given last */
	const struct token *given[2];           /* [0] the last given (the parser's
						 * lookahead), [1] the one before: in
						 * the ring, or in made */
	struct token made[2];                   /* the '}' supplied, or the end after a
						 * limit, as given last */
	unsigned made_last;
	int head, head_indent;                  /* the first token since the last brace
						 * (the construct a '{' opens) and the
						 * indentation of its line */
	uint32_t head_line;
	int line_indent;                        /* of the last line given, and */
	uint32_t line_start;                    /* where it starts */
	bool line_first;                        /* the last given starts its line */
	unsigned repairs;                       /* errors the filter made */
	struct loc lost_at;                     /* tokens_lost_at (file NULL: none) */
	bool stopped;                           /* a limit ended the file */
	bool ended;                             /* the scanner gave the end */
	struct loc end;
	uint32_t scanned_end;                   /* just past the last token scanned */
};

/* The next token for the parser; it stays until the one after the next. */
const struct token *tokens_next(struct parse_ctx *ctx);

/* The next token as written (as_written), straight into the parser's
 * value and location (a union JOBC_YYSTYPE of grammar/parser.y); its kind.
 * Only the braces are counted, for the limit. */
union JOBC_YYSTYPE;
int tokens_next_as_written(struct parse_ctx *ctx, union JOBC_YYSTYPE *val, struct loc *loc);

/* The last token given (back 0: the parser's lookahead) or the one before
 * it (back 1); kind 0 and no text if there is none. */
const struct token *tokens_given(const struct parse_ctx *ctx, unsigned back);

/* The innermost '{' still open, or NULL. */
const struct loc *tokens_open_brace(const struct parse_ctx *ctx);

/* How many errors the filter has made: a construct read while it rose was
 * mended, so what it seems to lack is no news. */
unsigned tokens_repairs(const struct parse_ctx *ctx);

/* Where the last '}' the filter found missing belonged (what it was
 * reported at), or NULL. */
const struct loc *tokens_lost_at(const struct parse_ctx *ctx);

/* True once a limit has ended the reading of the file (reported). */
bool tokens_stopped(const struct parse_ctx *ctx);

/* True if the last token given (the parser's lookahead) starts its line. */
bool tokens_line_start(const struct parse_ctx *ctx);

/* The fix-it for the diagnostic just given that closes the n innermost
 * blocks open (a '}' each, on a line of its own at its block's
 * indentation), inserted at the end of the line of the byte at. */
void tokens_fix_braces(struct parse_ctx *ctx, uint32_t at, unsigned n);

#endif
