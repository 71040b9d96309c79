/*
 * fmt.c - the canonical layout of a .jobsheet file (see fmt.h, docs/FMT.md).
 *
 * The file is parsed as the compiler parses it, with the scanner's lexeme
 * hook on: the tokens and comments come out in order, as byte ranges of
 * the text. The layout is then one pass over them, which decides for each
 * token whether it starts a line, and writes it:
 *
 * - A token starts a line unless it continues the item before: `{` always
 *   does, `}` only closing an empty block; after a keyword (but those that
 *   end an item: levelled, new, revised), a name or a trend mark the next
 *   token belongs to the same item; after a code or a number only a string
 *   does (`retired 22 "..."`, `sheet 1.1 "..."`), after a string only
 *   `levelled`, `see` and `{`. The grammar needs no more: that is every
 *   pair of tokens that can stand side by side in one item.
 * - A comment stays where it is: after the code of its line, or on a line
 *   of its own above the token it stands before, indented as that token's
 *   line (a comment before a `}` as the block's contents). A comment ends
 *   its line: a token that would have continued it starts the next line,
 *   one level deeper.
 * - A `# jobc: expect` comment covers a line (expect.h): the line of code
 *   it ends, or the next line with code. The tokens of that line stay on
 *   one line, alone, whatever the rules above say, so that the comment
 *   covers the same constructs after fmt as before.
 * - Blank lines: where the writer left one or more between two lines, one;
 *   none after a `{`, before a `}`, or at either end of the file.
 */
#include <string.h>

#include "fmt.h"
#include "frontend.h"
#include "mem.h"
#include "parse.h"
#include "parser.h"

/* How a `# jobc: expect` comment pins the line it covers (see above). */
enum {
	FMT_STARTS = 1,         /* first token of a covered line: starts a line */
	FMT_JOINS = 2,          /* a later one: on the same line */
	FMT_ENDS = 4            /* the token after a covered line: starts a line */
};

struct fmt_lexeme {
	int token;              /* a parser token, PARSE_COMMENT or PARSE_DIRECTIVE */
	uint32_t start, end;    /* bytes of the text */
	uint32_t newlines;      /* in the white space before it */
	unsigned flags;
};

struct fmt_lexemes {
	struct fmt_lexeme *v;
	size_t n, cap;
	bool failed;            /* memory ran out */
};

/* The scanner's lexeme hook: keeps each lexeme in order. */
static void fmt_collect(void *arg, int token, size_t start, size_t end)
{
	struct fmt_lexemes *lx = arg;
	struct fmt_lexeme *v = mem_grow(lx->v, &lx->cap, lx->n, sizeof *v);
	if (!v) {
		lx->failed = true;
		return;
	}
	lx->v = v;
	lx->v[lx->n++] = (struct fmt_lexeme){ token, (uint32_t)start, (uint32_t)end, 0, 0 };
}

static bool fmt_is_comment(int token)
{
	return token == PARSE_COMMENT || token == PARSE_DIRECTIVE;
}

/* True if token c continues, on its line, the item whose last token is p
 * (0: c is the first token of the file). */
static bool fmt_continues(int p, int c)
{
	if (c == LBRACE)
		return true;
	if (c == RBRACE)
		return p == LBRACE;
	switch (p) {
	case 0: case LBRACE: case RBRACE: case KW_LEVELLED: case KW_NEW: case KW_REVISED:
		return false;
	case STRING:
		return c == KW_LEVELLED || c == KW_SEE;
	case CODE: case NUMBER:
		return c == STRING;
	default:                /* the other keywords, a name, a trend mark */
		return true;
	}
}

/* ---- what the text says: newlines, and the lines expectations cover ---- */

static bool fmt_space(char c)
{
	/* White space, as the scanner reads it between tokens and in strings. */
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool fmt_has_newline(const char *text, const struct fmt_lexeme *l)
{
	return memchr(text + l->start, '\n', l->end - l->start) != NULL;
}

/* Lines of the string l that hold more than white space: 2 or more, and it
 * is written over several lines. */
static unsigned fmt_string_lines(const char *text, const struct fmt_lexeme *l)
{
	unsigned lines = 0;
	bool blank = true;
	for (uint32_t i = l->start + 1; i + 1 < l->end; i++) {
		if (text[i] == '\n') {
			lines += !blank;
			blank = true;
		} else {
			blank = blank && fmt_space(text[i]);
		}
	}
	return lines + !blank;
}

/*
 * The tokens of the line a `# jobc: expect` comment covers (lx->v[c]),
 * pinned: on one line, alone. The line is the comment's own if code stands
 * before it there, else that of the next token.
 */
static void fmt_pin(struct fmt_lexemes *lx, const char *text, size_t c)
{
	struct fmt_lexeme *v = lx->v;
	if (c > 0 && v[c].newlines == 0) {
		/* Back to the first token that starts on the comment's line. */
		size_t first = c;
		while (first > 0 && v[first].newlines == 0 && !fmt_has_newline(text, &v[first - 1]))
			first--;
		for (size_t i = first; i < c; i++)
			v[i].flags |= i == first ? FMT_STARTS : FMT_JOINS;
		return;
	}
	size_t t = c + 1;
	while (t < lx->n && fmt_is_comment(v[t].token))
		t++;
	if (t == lx->n)
		return;                 /* no code follows: it covers nothing */
	size_t last = t;
	while (last + 1 < lx->n && !fmt_is_comment(v[last + 1].token) &&
	       v[last + 1].newlines == 0 && !fmt_has_newline(text, &v[last])) {
		last++;
		v[last].flags |= FMT_JOINS;
	}
	bool string_ends_line = v[last].token == STRING && fmt_string_lines(text, &v[last]) > 1;
	if (last + 1 < lx->n && !string_ends_line)
		v[last + 1].flags |= FMT_ENDS;
}

/* Counts the newlines before each lexeme and pins the covered lines. */
static void fmt_prepare(struct fmt_lexemes *lx, const char *text)
{
	uint32_t from = 0;
	for (size_t i = 0; i < lx->n; i++) {
		uint32_t n = 0;
		for (uint32_t p = from; p < lx->v[i].start; p++)
			n += text[p] == '\n';
		lx->v[i].newlines = n;
		from = lx->v[i].end;
	}
	for (size_t i = 0; i < lx->n; i++)
		if (lx->v[i].token == PARSE_DIRECTIVE)
			fmt_pin(lx, text, i);
}

/* ---- writing ------------------------------------------------------------ */

struct fmt_writer {
	struct buf *out;
	const char *text;
	size_t line_start;      /* where the line being written starts in out */
	bool line_open;         /* something is on it */
};

enum { FMT_INDENT = 4 };

static void fmt_put(struct fmt_writer *w, const char *s, size_t n)
{
	buf_put(w->out, s, n);
	w->line_open = true;
}

static void fmt_spaces(struct fmt_writer *w, size_t n)
{
	static const char spaces[] = "                                ";
	for (; n > 0; n -= n < 32 ? n : 32)
		fmt_put(w, spaces, n < 32 ? n : 32);
}

/* Ends the line being written; starts the next at `indent` levels, after a
 * blank line if asked. */
static void fmt_newline(struct fmt_writer *w, bool blank, unsigned indent)
{
	if (w->line_open)
		buf_puts(w->out, blank ? "\n\n" : "\n");
	w->line_start = w->out->len;
	w->line_open = false;
	fmt_spaces(w, (size_t)indent * FMT_INDENT);
}

/* Characters on the line being written (code points: columns, as the
 * diagnostics count them). */
static size_t fmt_column(const struct fmt_writer *w)
{
	size_t col = 0;
	for (size_t i = w->line_start; i < w->out->len; i++)
		col += ((unsigned char)w->out->data[i] & 0xC0) != 0x80;
	return col;
}

/* One line of a string's text, [p, end) without its newline, as it is
 * laid out: its words with one space between them. */
static void fmt_string_line(struct fmt_writer *w, const char *p, const char *end)
{
	while (p < end && fmt_space(*p))
		p++;
	while (end > p && fmt_space(end[-1]))
		end--;
	while (p < end) {
		/* The longest run that is in the layout already (most lines are
		 * one): words, and single spaces between them. Any other run of
		 * white space, a tab or a space next to another white space
		 * byte, is one space. end[-1] is no white space, so q[1] is
		 * in the line wherever *q is one. */
		const char *q = p;
		while (q < end && (!fmt_space(*q) || (*q == ' ' && !fmt_space(q[1]))))
			q++;
		fmt_put(w, p, (size_t)(q - p));
		if (q == end)
			break;
		while (fmt_space(*q))
			q++;
		fmt_put(w, " ", 1);
		p = q;
	}
}

/* True if [p, end) holds more than white space. */
static bool fmt_has_words(const char *p, const char *end)
{
	while (p < end && fmt_space(*p))
		p++;
	return p < end;
}

/*
 * A string: its words as written, one space between them, the writer's
 * line breaks kept (blank lines dropped), each continuation line lined up
 * under the first character. White space inside a string reads as one
 * space, so none of this changes what it says.
 */
static void fmt_string(struct fmt_writer *w, const struct fmt_lexeme *l)
{
	const char *p = w->text + l->start + 1, *end = w->text + l->end - 1;
	size_t align = 0;
	bool first_line = true;
	fmt_put(w, "\"", 1);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (fmt_has_words(p, eol)) {
			if (first_line) {
				align = fmt_column(w);
			} else {
				buf_putc(w->out, '\n');
				w->line_start = w->out->len;
				fmt_spaces(w, align);
			}
			fmt_string_line(w, p, eol);
			first_line = false;
		}
		p = eol + (eol < end);
	}
	fmt_put(w, "\"", 1);
}

/* A comment, its trailing white space left out. */
static void fmt_comment(struct fmt_writer *w, const struct fmt_lexeme *l)
{
	uint32_t end = l->end;
	while (end > l->start && fmt_space(w->text[end - 1]))
		end--;
	fmt_put(w, w->text + l->start, end - l->start);
}

/* True if token i starts a line: prev is the token before, after_comment
 * says a comment stands between. */
static bool fmt_starts_line(const struct fmt_lexeme *l, int prev, bool after_comment)
{
	if (after_comment || (l->flags & (FMT_STARTS | FMT_ENDS)))
		return true;
	if (l->flags & FMT_JOINS)
		return false;
	return !fmt_continues(prev, l->token);
}

/* The indentation of the line token l starts, at brace depth `depth`. */
static unsigned fmt_indent(const struct fmt_lexeme *l, int prev, unsigned depth)
{
	if (l->token == RBRACE)
		return depth - 1;
	return fmt_continues(prev, l->token) ? depth + 1 : depth;
}

/* The indentation of an own-line comment: that of the line of the next
 * token, or inside the block a `}` closes. */
static unsigned fmt_comment_indent(const struct fmt_lexemes *lx, size_t i, int prev,
				   unsigned depth)
{
	while (i < lx->n && fmt_is_comment(lx->v[i].token))
		i++;
	if (i == lx->n || lx->v[i].token == RBRACE)
		return depth;
	return fmt_indent(&lx->v[i], prev, depth);
}

static void fmt_layout(const struct fmt_lexemes *lx, struct fmt_writer *w)
{
	int prev = 0;                   /* the last token written */
	bool after_comment = false;     /* a comment ended the last line */
	bool opened = false;            /* the last line ended with a `{` (and
					 * maybe a comment after it) */
	unsigned depth = 0;
	for (size_t i = 0; i < lx->n; i++) {
		const struct fmt_lexeme *l = &lx->v[i];
		bool trailing = i > 0 && l->newlines == 0;
		bool blank = l->newlines >= 2 && !opened && l->token != RBRACE;
		if (fmt_is_comment(l->token)) {
			if (trailing)
				fmt_put(w, " ", 1);
			else
				fmt_newline(w, blank, fmt_comment_indent(lx, i, prev, depth));
			fmt_comment(w, l);
			opened = opened && trailing;
			after_comment = true;
			continue;
		}
		if (i > 0 && fmt_starts_line(l, prev, after_comment))
			fmt_newline(w, blank, fmt_indent(l, prev, depth));
		else if (i > 0)
			fmt_put(w, " ", 1);
		if (l->token == STRING)
			fmt_string(w, l);
		else
			fmt_put(w, w->text + l->start, l->end - l->start);
		if (l->token == LBRACE)
			depth++;
		else if (l->token == RBRACE && depth > 0)
			depth--;
		prev = l->token;
		opened = l->token == LBRACE;
		after_comment = false;
	}
	if (w->line_open)
		buf_putc(w->out, '\n');
}

/* ---- one file ----------------------------------------------------------- */

int fmt_text(struct arena *arena, const char *name, const char *text, size_t len,
	     struct buf *out, struct diag *d)
{
	struct src_file *f = arena_alloc(arena, sizeof *f);
	if (!f || !(f->name = arena_strndup(arena, name, strlen(name))))
		return -1;
	f->arena = arena;
	if (len > FRONTEND_MAX_FILE_SIZE) {
		struct loc whole = { .file = f };
		diag_error(d, &whole, "file is larger than the limit of %zu MiB",
			   FRONTEND_MAX_FILE_SIZE >> 20);
		return 1;
	}
	if (!(f->text = arena_strndup(arena, text, len)))
		return -1;
	f->len = len;

	struct diag parsed;
	diag_init(&parsed, d->out);
	parsed.max_errors = d->max_errors;
	parsed.stage = DIAG_E_SYNTAX;
	struct ast_root root = { 0 };
	struct fmt_lexemes lx = { 0 };
	struct parse_ctx ctx = {
		.arena = arena, .diag = &parsed, .root = &root, .file = f,
		.lexeme = fmt_collect, .lexeme_arg = &lx,
	};
	int r = parse_run(&ctx) != 0 || lx.failed || parsed.lost ? -1 : 0;
	if (r == 0 && parsed.errors > 0) {
		/* Its warnings would only be noise; its errors say why it is refused. */
		diag_settle(&parsed);
		diag_take(d, &parsed);
		r = 1;
	} else if (r == 0) {
		fmt_prepare(&lx, f->text);
		struct fmt_writer w = { .out = out, .text = f->text };
		fmt_layout(&lx, &w);
		r = out->failed ? -1 : 0;
	}
	diag_free(&parsed);
	mem_free(lx.v);
	return r;
}
