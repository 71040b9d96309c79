/* expect.c - `# jobc: expect NAME` comments (see expect.h). */
#include <stdio.h>
#include <string.h>

#include "expect.h"
#include "suggest.h"

/* The line of ctx's file around byte offset at: [*start, *end). */
static void expect_line(const struct parse_ctx *ctx, size_t at, uint32_t *start, uint32_t *end)
{
	const char *text = ctx->file->text;
	size_t s = at, e = at;
	while (s > 0 && text[s - 1] != '\n')
		s--;
	while (e < ctx->file->len && text[e] != '\n')
		e++;
	*start = (uint32_t)s;
	*end = (uint32_t)e;
}

static bool expect_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	       (c >= 'A' && c <= 'Z');
}

/* A loc for the bytes [from, to) of the comment at loc. */
static struct loc expect_span(const struct loc *loc, size_t from, size_t to)
{
	return (struct loc){ loc->file, loc->offset + (uint32_t)from,
			     loc->offset + (uint32_t)(to > from ? to - 1 : from) };
}

/* Reports a name that is not a warning's, with the closest one. */
static void expect_unknown(struct parse_ctx *ctx, const struct loc *at, const char *name)
{
	const char *names[DIAG_CODE_COUNT];
	size_t n = 0;
	for (int c = DIAG_W_FIRST; c < DIAG_CODE_COUNT; c++)
		names[n++] = diag_codes[c].name;
	diag_error(ctx->diag, at, "unknown warning '%s' in '# jobc: expect'", name);
	const char *hint = suggest_closest(name, names, n);
	if (hint)
		diag_did_you_mean(ctx->diag, at, at, hint);
}

int expect_comment(struct parse_ctx *ctx, const char *text, size_t len, const struct loc *loc)
{
	size_t i = strchr(text, ':') - text + 1;        /* the scanner matched "jobc:" */
	while (i < len && (text[i] == ' ' || text[i] == '\t'))
		i++;
	size_t word = i;
	while (i < len && expect_name_char(text[i]))
		i++;
	if (i - word != 6 || memcmp(text + word, "expect", 6) != 0) {
		struct loc at = expect_span(loc, word, i);
		diag_error(ctx->diag, &at, "unknown directive '%.*s'; expected 'expect' after "
			   "'# jobc:'", (int)(i - word), text + word);
		return 0;
	}
	/* Code before the comment on its line: the expectation is for that line. */
	uint32_t start, end;
	expect_line(ctx, loc->offset, &start, &end);
	bool this_line = false;
	for (uint32_t p = start; p < loc->offset; p++)
		this_line = this_line || !strchr(" \t\r", ctx->file->text[p]);
	bool named = false;
	for (;;) {
		while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == ','))
			i++;
		if (i >= len)
			break;
		size_t from = i;
		while (i < len && expect_name_char(text[i]))
			i++;
		named = true;
		struct loc at = expect_span(loc, from, i > from ? i : i + 1);
		if (i == from) {
			diag_error(ctx->diag, &at, "expected a warning name in '# jobc: expect', "
				   "not '%c'", text[i]);
			return 0;
		}
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(i - from), text + from);
		enum diag_code code = diag_warning_named(name);
		if (code == DIAG_NOTE_CODE) {
			expect_unknown(ctx, &at, name);
			continue;
		}
		struct diag_expect *e = diag_expect(ctx->diag, code, &at, this_line ? start : 0,
						    this_line ? loc->offset : 0);
		if (!e)
			return -1;
		if (!this_line && !ctx->pending_expects)
			ctx->pending_expects = e;
	}
	if (!named) {
		struct loc at = expect_span(loc, len, len + 1);
		diag_error(ctx->diag, &at, "'# jobc: expect' names no warning");
	}
	return 0;
}

void expect_place(struct parse_ctx *ctx, const struct loc *loc)
{
	uint32_t start, end;
	expect_line(ctx, loc->offset, &start, &end);
	/* The pending ones are the latest: from the first to the last. */
	for (struct diag_expect *e = ctx->pending_expects; e; e = e->next) {
		e->line_start = start;
		e->line_end = end;
	}
	ctx->pending_expects = NULL;
}
