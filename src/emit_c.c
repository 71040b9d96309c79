/*
 * emit_c.c - C string literals and character constants in the emitter kit
 * (emit.h): one instance serves both.
 *
 * Both quotes are escaped, so that the text may sit in either; '?' is
 * escaped so that no trigraph (??= ??/ ...) can form; the controls C names
 * get their named escapes. Every other control and every byte from 0x80 up
 * is a three-digit octal escape: an octal escape stops after three digits,
 * so unlike \x it can never swallow a digit that follows, and the bytes
 * survive whatever the compiler's execution character set.
 */
#include "emit.h"

/* One byte, \ooo. */
static size_t c_call(struct buf *b, const char *s, size_t n)
{
	(void)n;
	buf_putc(b, '\\');
	emit_digits(b, (unsigned char)s[0], 8, 3, false);
	return 1;
}

const struct emit_escaper emit_c = {
	.bytes = {
		[0x00] = EMIT_CALLS, EMIT_CALLS, EMIT_CALLS, EMIT_CALLS, EMIT_CALLS, EMIT_CALLS,
			EMIT_CALLS,
		['\a'] = EMIT_AS("\\a"), EMIT_AS("\\b"), EMIT_AS("\\t"), EMIT_AS("\\n"),
			EMIT_AS("\\v"), EMIT_AS("\\f"), EMIT_AS("\\r"), EMIT_CALLS, EMIT_CALLS,
		[0x10] = EMIT_X16(EMIT_CALLS),
		['"'] = EMIT_AS("\\\""),
		['\''] = EMIT_AS("\\'"),
		['?'] = EMIT_AS("\\?"),
		['\\'] = EMIT_AS("\\\\"),
		[0x7f] = EMIT_CALLS,
		[0x80] = EMIT_X128(EMIT_CALLS),
	},
	.call = c_call,
};
