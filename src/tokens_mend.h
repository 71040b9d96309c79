/*
 * tokens_mend.h - what the parts of the token filter share (tokens.h):
 * the held tokens (tokens.c) and the mending of a line (tokens_braces.c)
 * and of a string (tokens_quotes.c).
 */
#ifndef JOBC_TOKENS_MEND_H
#define JOBC_TOKENS_MEND_H

#include <stddef.h>

#include "parse.h"
#include "parser.h"

/* The held token i, from the first. */
static inline struct tokens_held *tokens_at(struct parse_ctx *ctx, unsigned i)
{
	return &ctx->tokens.held[(ctx->tokens.first + i) & (TOKENS_HELD - 1)];
}

/* The kind of a token in the catalogue's labels block: a keyword is a
 * label's key (NAME), but for a declaration's. */
static inline int tokens_label_key(int kind)
{
	if (kind < KW_ACTIVITIES || kind > KW_USEFUL)
		return kind;
	switch (kind) {
	case KW_SHEET: case KW_CATALOGUE: case KW_SCALE: case KW_CATEGORY: case KW_RETIRED:
	case KW_FAMILY:
		return kind;
	default:
		return NAME;
	}
}

/* Describes a token for a message: "'mission'", "a string", "'}'". */
const char *tokens_describe(char *out, size_t size, int kind, const char *text);
/* Mends the line of the count tokens from the first held (the next, if
 * more are held, starts the line after it). Returns how many tokens the
 * line holds now. */
unsigned tokens_mend_line(struct parse_ctx *ctx, unsigned count);
/* Mends the string just scanned, held at i, if a quote was left out. */
void tokens_mend_string(struct parse_ctx *ctx, unsigned i);
/* Puts h before the held token i (false if the tokens held are as many
 * as can be), or removes the held token i. */
bool tokens_insert(struct parse_ctx *ctx, unsigned i, const struct tokens_held *h);
void tokens_remove(struct parse_ctx *ctx, unsigned i);
/* Scans the next token into a new held one, at the end (mending it if
 * it is a string left open). */
void tokens_scan(struct parse_ctx *ctx);

#endif
