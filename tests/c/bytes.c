/*
 * bytes.c - the catalogue of bytes (see check.h): what the language cannot
 * say, since its strings hold neither control characters nor line breaks,
 * but what the C backend must still write so that every byte survives.
 */
#include <string.h>

#include "ast.h"
#include "check.h"

/* Longest text: past the 4095 bytes of a C99 literal. */
#define BYTES_LONG 5000

static char all_bytes[256];             /* 1, 2, ... 255 */
static char long_bytes[BYTES_LONG + 1]; /* 1 to 255 over and over */
static char max_literal[4095 + 1];      /* the same, as long as a literal may be */
static const char tricky[] =
	"?\?= ?\?( ?\?/ ?\?) ?\?' ?\?< ?\?! ?\?> ?\?- ?\?\?=  "   /* trigraphs */
	"\xc3\xa9" "0123456789abcdefABCDEF "           /* a byte, then hex digits */
	"\xc3\xa9\\x41\\101\\\"\\\\ */ /* // %s %n";    /* escapes as text */

static void bytes_cycle(char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		s[i] = (char)(1 + i % 255);
	s[len] = '\0';
}

static struct ast_str bytes_str(const char *s)
{
	struct ast_str str = { .text = s, .len = strlen(s) };

	return str;
}

const struct ast_root *bytes_root(void)
{
	static struct ast_catalogue_info cat;
	static struct ast_root root = { .catalogue = &cat };

	bytes_cycle(all_bytes, sizeof all_bytes - 1);
	bytes_cycle(long_bytes, sizeof long_bytes - 1);
	bytes_cycle(max_literal, sizeof max_literal - 1);
	cat.title = bytes_str(all_bytes);
	cat.publisher = bytes_str(long_bytes);
	cat.edition = bytes_str(tricky);
	cat.previous = bytes_str(max_literal);
	return &root;
}
