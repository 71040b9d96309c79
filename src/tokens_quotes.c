/*
 * tokens_quotes.c - mending a string whose '"' was left out (tokens.h).
 *
 * A string may run over lines. It was left open by mistake when a line it
 * runs over starts an item (`K "...`, `+ "...`, a keyword and what it
 * takes, a category and its importance, `}`) and its closing quote leaves
 * an odd number of quotes after it on its line (or the file ended in it):
 * from there on the quotes of the file pair the wrong way round, and every
 * string would read as words. Then either
 *
 * - its opening quote ends a line of words (`P SQL databases"`): that
 *   quote closed a string whose opening quote was left out, before the
 *   words (after what starts the item: a level, a trend mark, a keyword);
 * - or its closing quote was left out at the end of its text, on the line
 *   before the first such line (before braces that end that line).
 *
 * The string is read again as it was meant, by the scanner's own rules
 * (parse_scan_string), what the scanner said of the text the first time
 * is taken back, and the scan goes on after it.
 */
#include <string.h>

#include "parser.h"
#include "tokens_mend.h"

/* The text of the file, and its length: nothing here reads past it. */
struct tokens_text {
	const char *s;
	size_t len;
};

static size_t tokens_blank(const struct tokens_text *x, size_t p)
{
	while (p < x->len && (x->s[p] == ' ' || x->s[p] == '\t'))
		p++;
	return p;
}

static char tokens_byte(const struct tokens_text *x, size_t p)
{
	return p < x->len ? x->s[p] : '\0';
}

/* The length of the word (a name or a keyword) at p; 0 if none. */
static size_t tokens_word(const struct tokens_text *x, size_t p)
{
	size_t q = p;
	char c = tokens_byte(x, q);
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		return 0;
	while ((c = tokens_byte(x, q)) == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9'))
		q++;
	return q - p;
}

static bool tokens_word_is(const struct tokens_text *x, size_t p, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(x->s + p, word, len) == 0;
}

/* The length of the trend mark at p: + = - or an arrow; 0 if none. */
static size_t tokens_trend_mark(const struct tokens_text *x, size_t p)
{
	char c = tokens_byte(x, p);
	if (c == '+' || c == '=' || c == '-')
		return 1;
	bool arrow = c == '\xE2' && tokens_byte(x, p + 1) == '\x86' &&
		     (tokens_byte(x, p + 2) == '\x97' || tokens_byte(x, p + 2) == '\x98');
	return arrow ? 3 : 0;
}

/* True if the line starting at p starts an item or a section. */
static bool tokens_starts_item(const struct tokens_text *x, size_t p)
{
	p = tokens_blank(x, p);
	char c = tokens_byte(x, p);
	if (c == '}' || c == '"')
		return true;
	size_t mark = tokens_trend_mark(x, p);
	if (mark)
		return tokens_byte(x, tokens_blank(x, p + mark)) == '"';
	size_t w = tokens_word(x, p);
	if (!w)
		return false;
	size_t q = tokens_blank(x, p + w);
	c = tokens_byte(x, q);
	if (q > p + w && (c == '"' || c == '{'))
		return true;            /* `K "`, `aka "`, `mission {`, `misison {` */
	if (c >= '0' && c <= '9')
		return tokens_word_is(x, p, w, "family") || tokens_word_is(x, p, w, "replaces") ||
		       tokens_word_is(x, p, w, "sheet") || tokens_word_is(x, p, w, "retired");
	size_t w2 = tokens_word(x, q);
	if (tokens_word_is(x, p, w, "status"))
		return tokens_word_is(x, q, w2, "new") || tokens_word_is(x, q, w2, "revised");
	return (tokens_word_is(x, q, w2, "essential") || tokens_word_is(x, q, w2, "useful")) &&
	       tokens_byte(x, tokens_blank(x, q + w2)) == '{';
}

/* True if the quotes from p to the end of its line, but escaped ones, are
 * odd in number. */
static bool tokens_odd_quotes(const struct tokens_text *x, size_t p)
{
	bool odd = false;
	for (; p < x->len && x->s[p] != '\n'; p++) {
		if (x->s[p] == '\\' && p + 1 < x->len && x->s[p + 1] != '\n')
			p++;
		else if (x->s[p] == '"')
			odd = !odd;
	}
	return odd;
}

/* True if the rest of the line from p holds words, and no quote or brace:
 * the text of a string whose closing quote was left out. */
static bool tokens_text_to_line_end(const struct tokens_text *x, size_t p)
{
	bool text = false;
	for (; p < x->len && x->s[p] != '\n'; p++) {
		char c = x->s[p];
		if (c == '"' || c == '{' || c == '}')
			return false;
		text |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}
	return text;
}

/* The first line from byte `from` (the start of a line) up to the
 * string's last byte `close` that starts an item; 0 if none. The line of
 * its closing quote (if it has one: not a string the file ended in)
 * counts only if a text follows the quote at once, as the text of an item
 * follows its opening quote. */
static size_t tokens_item_line(const struct tokens_text *x, size_t from, size_t close,
			       bool closed)
{
	char after = tokens_byte(x, close + 1);
	bool text_after = !closed || (after != ' ' && after != '\t' && after != '\r' &&
				      after != '\n' && after != '{' && after != '}' &&
				      after != '"' && after != '\0');
	for (size_t p = from; p <= close;) {
		const char *nl = memchr(x->s + p, '\n', close - p);
		if (tokens_starts_item(x, p) && (nl || text_after))
			return p;
		if (!nl)
			break;
		p = (size_t)(nl - x->s) + 1;
	}
	return 0;
}

/* How many of the held tokens from `from` (the start of a line) start the
 * item rather than belong to its text: a trend mark, a keyword and what
 * comes with it, a level in a knowledge block that has them or in a scale. */
static unsigned tokens_item_head(struct parse_ctx *ctx, unsigned from, unsigned end)
{
	const struct tokens *t = &ctx->tokens;
	const struct token *k = &tokens_at(ctx, from)->t;
	int next = from + 1 < end ? tokens_at(ctx, from + 1)->t.kind : -1;
	switch (k->kind) {
	case TREND: case KW_AKA: case KW_INTRO: case KW_EDUCATION: case KW_EXPERIENCE:
	case KW_PUBLISHER: case KW_EDITION: case KW_PREVIOUS: case KW_CATALOGUE:
		return 1;
	case KW_REPLACES: case KW_RETIRED: case KW_SHEET: case KW_FAMILY: case KW_CATEGORY:
		return next == CODE || next == NUMBER || next == NAME ? 2 : 1;
	case NAME:
		break;
	default:
		return 0;
	}
	const struct tokens_open *o = t->depth ? &t->open[t->depth - 1] : NULL;
	if (!o || (o->block != TOKENS_SCALE && o->block != TOKENS_KNOWLEDGE))
		return 0;
	/* With no item of the block before to tell, a level is one capital. */
	bool capital = k->text.len == 1 && k->text.text[0] >= 'A' && k->text.text[0] <= 'Z';
	return o->block == TOKENS_SCALE || o->levelled || capital;
}

/* Where the string the scanner read runs on to, as written ("without it"
 * the quote left out, "with it" the quote too many). */
static void tokens_note_runaway(struct parse_ctx *ctx, const struct token *runaway,
				const char *as_written)
{
	struct loc end = { ctx->file, runaway->loc.last, runaway->loc.last };
	if (runaway->unterminated)
		diag_note(ctx->diag, &end, "%s, a string runs on to the end of the file", as_written);
	else
		diag_note(ctx->diag, &end, "%s, a string runs on to here", as_written);
}

/* Reports the string [from, last] mended ("start" or "end": where its
 * quote goes, before the byte at), and where it would run on to. */
static void tokens_report_quote(struct parse_ctx *ctx, uint32_t from, uint32_t last,
				const char *where, uint32_t at, const struct token *runaway)
{
	const struct src_file *f = ctx->file;
	diag_error(ctx->diag, &(struct loc){ f, from, last }, "missing '\"' at the %s of this string",
		   where);
	tokens_note_runaway(ctx, runaway, "without it");
	diag_fix_insert(ctx->diag, f, at, "\"");
	ctx->tokens.repairs++;
}

/* Reports the quote at `quote` as one too many, before or after a string. */
static void tokens_report_extra_quote(struct parse_ctx *ctx, uint32_t quote, const char *which,
				      const struct token *runaway)
{
	struct loc at = { ctx->file, quote, quote };
	diag_error(ctx->diag, &at, "one '\"' too many: the string %s", which);
	tokens_note_runaway(ctx, runaway, "with it");
	diag_fix_it(ctx->diag, &at, "");
	ctx->tokens.repairs++;
}

static bool tokens_is_word(int kind)
{
	return kind == NAME || kind == CODE || kind == NUMBER || kind == TREND ||
	       (kind >= KW_ACTIVITIES && kind <= KW_USEFUL);
}

/*
 * The string held at i opens at the end of a line. Its quote closes a
 * string opened nowhere, after the words held before it on the line: a
 * '"' was left out before them, or written twice (`""SQL databases"`).
 * Or it is one too many after a string that ends the line
 * (`"SQL databases""`). True if mended.
 */
static bool tokens_mend_open(struct parse_ctx *ctx, unsigned i)
{
	unsigned from = i;
	while (from > 0 && tokens_at(ctx, from)->col < 0)
		from--;
	if (from == i || tokens_at(ctx, from)->col < 0)
		return false;
	struct token runaway = tokens_at(ctx, i)->t;
	uint32_t quote = runaway.loc.offset;
	const struct token *before = &tokens_at(ctx, i - 1)->t;
	if (before->kind == STRING && loc_end(&before->loc) == quote) {
		diag_rewind(ctx->diag, tokens_at(ctx, i)->mark, &runaway.loc);
		tokens_report_extra_quote(ctx, quote, "before it is closed already", &runaway);
		tokens_remove(ctx, i);
		parse_rescan(ctx, quote + 1);
		return true;
	}
	unsigned text = from + tokens_item_head(ctx, from, i), words = text;
	const struct token *doubled = &tokens_at(ctx, text)->t;
	bool twice = text + 1 < i && doubled->kind == STRING && doubled->text.len == 0 &&
		     loc_end(&doubled->loc) == tokens_at(ctx, text + 1)->t.loc.offset;
	words += twice;
	if (words >= i)
		return false;
	for (unsigned j = from; j < i; j++)
		if (!tokens_is_word(tokens_at(ctx, j)->t.kind) && !(twice && j == text))
			return false;
	struct tokens_held *first = tokens_at(ctx, text);
	uint32_t start = tokens_at(ctx, words)->t.loc.offset;
	diag_rewind(ctx->diag, first->mark, &first->t.loc);
	if (twice)
		tokens_report_extra_quote(ctx, start - 1, "after it is opened already", &runaway);
	else
		tokens_report_quote(ctx, start, quote, "start", start, &runaway);
	struct token str;
	if (parse_scan_string(ctx, start, quote, quote + 1, &str) != 0)
		return true;
	str.loc.last = quote;
	str.text.loc = str.loc;
	first->t = str;
	for (unsigned j = i; j > text; j--)
		tokens_remove(ctx, j);
	return true;
}

/* The string held at i was not closed at the end of its text, on the line
 * before the line at `item`. */
static void tokens_mend_close(struct parse_ctx *ctx, unsigned i, size_t item)
{
	struct tokens_held *h = tokens_at(ctx, i);
	const char *s = ctx->file->text;
	uint32_t open = h->t.loc.offset, cut = (uint32_t)item - 1;
	/* Before the white space that ends the line, and a '{' or '}' that
	 * stands apart at its end: the brace the line meant to end with. */
	for (;;) {
		while (cut > open + 1 && (s[cut - 1] == ' ' || s[cut - 1] == '\t' || s[cut - 1] == '\r'))
			cut--;
		bool brace = cut > open + 2 && (s[cut - 1] == '{' || s[cut - 1] == '}') &&
			     (s[cut - 2] == ' ' || s[cut - 2] == '\t');
		if (!brace)
			break;
		cut--;
	}
	if (cut <= open + 1)
		return;
	struct token runaway = h->t;
	diag_rewind(ctx->diag, h->mark, &runaway.loc);
	tokens_report_quote(ctx, open, cut - 1, "end", cut, &runaway);
	struct token str;
	if (parse_scan_string(ctx, open, cut, cut, &str) == 0)
		h->t = str;
}

void tokens_mend_string(struct parse_ctx *ctx, unsigned i)
{
	const struct token *k = &tokens_at(ctx, i)->t;
	struct tokens_text x = { ctx->file->text, ctx->file->len };
	uint32_t open = k->loc.offset, close = k->loc.last;
	const char *nl = memchr(x.s + open, '\n', close - open);
	if (!nl)
		return;
	/* The quotes after it pair the wrong way round; or they are text,
	 * then the next line starts an item: the string it opens was left
	 * open too (two closing quotes left out in a row). Tested first: it
	 * is quick, and seldom so in a valid file. */
	const char *next = memchr(x.s + close, '\n', x.len - close);
	bool twice = next && tokens_text_to_line_end(&x, close + 1) &&
		     tokens_starts_item(&x, (size_t)(next - x.s) + 1);
	if (!k->unterminated && !tokens_odd_quotes(&x, close + 1) && !twice)
		return;
	size_t second = (size_t)(nl - x.s) + 1;
	size_t item = tokens_item_line(&x, second, close, !k->unterminated);
	if (!item)
		return;
	size_t after = tokens_blank(&x, open + 1), end = (size_t)(nl - x.s);
	if (after == end || (x.s[after] == '\r' && after + 1 == end)) {
		tokens_mend_open(ctx, i);
		return;
	}
	tokens_mend_close(ctx, i, item);
}
