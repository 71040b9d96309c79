/*
 * emit_html.c - HTML text and quoted attribute values in the emitter kit
 * (emit.h): the one instance shows exactly what was written.
 *
 * & < > " ' are character references. HTML forbids some characters
 * outright, even as references (controls other than white space, C1
 * controls, noncharacters: the Nu checker reports each one). The page shows
 * them as something visible: a C0 control as its Unicode control picture
 * (U+0001 -> U+2401, DEL -> U+2421), anything else as U+FFFD. The front end
 * refuses control characters in strings today; the table is there so that
 * no AST can produce an invalid page.
 */
#include "emit.h"

/* U+FFFD REPLACEMENT CHARACTER */
#define HTML_REPLACEMENT "\xef\xbf\xbd"

bool emit_html_forbidden(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
	       (cp & 0xfffe) == 0xfffe;
}

static size_t html_call(struct buf *b, const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {         /* a control: its picture, U+2400 + c (DEL: U+2421) */
		char picture[3] = { '\xe2', '\x90', (char)(c == 0x7f ? 0xa1 : 0x80 + c) };
		buf_put(b, picture, sizeof picture);
		return 1;
	}
	uint32_t cp;
	size_t len = emit_utf8_decode(s, n, &cp);
	if (len == 0 || emit_html_forbidden(cp))  /* not UTF-8: the front end lets none through */
		buf_put(b, HTML_REPLACEMENT, sizeof HTML_REPLACEMENT - 1);
	else
		buf_put(b, s, len);
	return len ? len : 1;
}

/* Tab, line feed and form feed are white space that HTML allows. */
const struct emit_escaper emit_html = {
	.bytes = {
		[0x00] = EMIT_X8(EMIT_CALLS),
		[0x08] = EMIT_CALLS,
		[0x0b] = EMIT_CALLS,
		[0x0d] = EMIT_CALLS, EMIT_CALLS, EMIT_CALLS,
		[0x10] = EMIT_X16(EMIT_CALLS),
		[0x7f] = EMIT_CALLS,
		['&'] = EMIT_AS("&amp;"),
		['<'] = EMIT_AS("&lt;"),
		['>'] = EMIT_AS("&gt;"),
		['"'] = EMIT_AS("&quot;"),
		['\''] = EMIT_AS("&#39;"),
		/* not UTF-8 (C0, C1, F5-FF), C1 controls (C2), noncharacters */
		[0xC0] = EMIT_CALLS, EMIT_CALLS, EMIT_CALLS,
		[0xEF] = EMIT_CALLS,
		[0xF0] = EMIT_X16(EMIT_CALLS),
	},
	.call = html_call,
};
