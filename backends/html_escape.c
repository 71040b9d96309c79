/*
 * html_escape.c - the one escaping function of the HTML backend, and its two
 * tables: HTML text and attribute values, JSON inside a <script> element.
 *
 * HTML forbids some characters outright, even as character references
 * (controls other than white space, C1 controls, noncharacters: the Nu
 * checker reports each one). The page shows them as something visible: a C0
 * control as its Unicode control picture (U+0001 -> U+2401), anything else
 * as U+FFFD. JSON can say every code point, so the JSON-LD keeps the exact
 * text with \u escapes, and also escapes < > & so that neither "</script"
 * nor "<!--" can appear inside the script element.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "html.h"
#include "utf8.h"

struct html_escaper {
	const char *const *ascii;  /* replacement of each ASCII byte, NULL keeps it */
	bool line_separators;      /* escape U+2028 and U+2029 too */
	/* writes a code point above U+007F that must not be written as it is */
	void (*wide)(struct buf *b, uint32_t cp);
};

/* C0 controls show as their control pictures U+2400 + c; tab, line feed and
 * form feed are white space that HTML allows. */
static const char *const html_ascii[128] = {
	[0x00] = "\xe2\x90\x80", [0x01] = "\xe2\x90\x81", [0x02] = "\xe2\x90\x82",
	[0x03] = "\xe2\x90\x83", [0x04] = "\xe2\x90\x84", [0x05] = "\xe2\x90\x85",
	[0x06] = "\xe2\x90\x86", [0x07] = "\xe2\x90\x87", [0x08] = "\xe2\x90\x88",
	[0x0b] = "\xe2\x90\x8b", [0x0d] = "\xe2\x90\x8d", [0x0e] = "\xe2\x90\x8e",
	[0x0f] = "\xe2\x90\x8f", [0x10] = "\xe2\x90\x90", [0x11] = "\xe2\x90\x91",
	[0x12] = "\xe2\x90\x92", [0x13] = "\xe2\x90\x93", [0x14] = "\xe2\x90\x94",
	[0x15] = "\xe2\x90\x95", [0x16] = "\xe2\x90\x96", [0x17] = "\xe2\x90\x97",
	[0x18] = "\xe2\x90\x98", [0x19] = "\xe2\x90\x99", [0x1a] = "\xe2\x90\x9a",
	[0x1b] = "\xe2\x90\x9b", [0x1c] = "\xe2\x90\x9c", [0x1d] = "\xe2\x90\x9d",
	[0x1e] = "\xe2\x90\x9e", [0x1f] = "\xe2\x90\x9f",
	[0x7f] = "\xe2\x90\xa1",                /* U+2421 SYMBOL FOR DELETE */
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
	['"'] = "&quot;", ['\''] = "&#39;",
};

static const char *const json_ascii[128] = {
	[0x00] = "\\u0000", [0x01] = "\\u0001", [0x02] = "\\u0002", [0x03] = "\\u0003",
	[0x04] = "\\u0004", [0x05] = "\\u0005", [0x06] = "\\u0006", [0x07] = "\\u0007",
	['\b'] = "\\b", ['\t'] = "\\t", ['\n'] = "\\n", [0x0b] = "\\u000b",
	['\f'] = "\\f", ['\r'] = "\\r", [0x0e] = "\\u000e", [0x0f] = "\\u000f",
	[0x10] = "\\u0010", [0x11] = "\\u0011", [0x12] = "\\u0012", [0x13] = "\\u0013",
	[0x14] = "\\u0014", [0x15] = "\\u0015", [0x16] = "\\u0016", [0x17] = "\\u0017",
	[0x18] = "\\u0018", [0x19] = "\\u0019", [0x1a] = "\\u001a", [0x1b] = "\\u001b",
	[0x1c] = "\\u001c", [0x1d] = "\\u001d", [0x1e] = "\\u001e", [0x1f] = "\\u001f",
	['"'] = "\\\"", ['\\'] = "\\\\", [0x7f] = "\\u007f",
	['<'] = "\\u003c", ['>'] = "\\u003e", ['&'] = "\\u0026",
};

/* Code points that may not appear in an HTML document in any form. */
static bool html_forbidden(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
	       (cp & 0xfffe) == 0xfffe;
}

static void html_wide(struct buf *b, uint32_t cp)
{
	(void)cp;
	buf_puts(b, "\xef\xbf\xbd");    /* U+FFFD REPLACEMENT CHARACTER */
}

/* \uXXXX, as a surrogate pair above the BMP. */
static void json_wide(struct buf *b, uint32_t cp)
{
	if (cp > 0xffff) {
		cp -= 0x10000;
		buf_printf(b, "\\u%04x\\u%04x", (unsigned)(0xd800 + (cp >> 10)),
			   (unsigned)(0xdc00 + (cp & 0x3ff)));
	} else {
		buf_printf(b, "\\u%04x", (unsigned)cp);
	}
}

/* JSON escapes U+2028 and U+2029 because older script engines read them as
 * line ends; HTML shows them as they are. */
static const struct html_escaper html_escaper = { html_ascii, false, html_wide };
static const struct html_escaper json_escaper = { json_ascii, true, json_wide };

/* Whether the character at s[0..n) needs the escaper's wide(); sets *len. */
static bool html_is_wide(const struct html_escaper *e, const char *s, size_t n,
			 size_t *len, uint32_t *cp)
{
	*len = utf8_decode(s, n, cp);
	if (*len == 0) {                /* not UTF-8: the front end lets none through */
		*len = 1;
		*cp = 0xfffd;
		return true;
	}
	return html_forbidden(*cp) ||
	       (e->line_separators && (*cp == 0x2028 || *cp == 0x2029));
}

/* The escaping function: runs of harmless bytes are copied as they are. */
static void html_escape(struct buf *b, const char *s, const struct html_escaper *e)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *const *ascii = e->ascii;
	size_t n = strlen(s), run = 0, i = 0;
	while (i < n) {
		/* Most text is ASCII kept as it is: skip it in a tight loop. */
		while (i < n && u[i] < 0x80 && !ascii[u[i]])
			i++;
		if (i == n)
			break;
		unsigned char c = u[i];
		const char *rep = c < 0x80 ? e->ascii[c] : NULL;
		size_t len = 1;
		uint32_t cp = c;
		bool wide = c >= 0x80 && html_is_wide(e, s + i, n - i, &len, &cp);
		if (rep || wide) {
			buf_put(b, s + run, i - run);
			if (rep)
				buf_puts(b, rep);
			else
				e->wide(b, cp);
			run = i + len;
		}
		i += len;
	}
	buf_put(b, s + run, n - run);
}

void html_text(struct buf *b, const char *s)
{
	html_escape(b, s, &html_escaper);
}

void html_json_text(struct buf *b, const char *s)
{
	html_escape(b, s, &json_escaper);
}

/* A size_t in decimal, without the cost of printf (a page has dozens). */
static void html_size(struct buf *b, size_t n)
{
	char digits[24], *p = digits + sizeof digits;
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	buf_put(b, p, (size_t)(digits + sizeof digits - p));
}

void html_fmt(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pc = strchr(p, '%');
		size_t n = pc ? (size_t)(pc - p) : strlen(p);
		buf_put(b, p, n);
		p += n;
		if (!*p)
			break;
		switch (p[1]) {
		case 's':
			buf_puts(b, va_arg(ap, const char *));
			break;
		case 't':
			html_text(b, va_arg(ap, const char *));
			break;
		case 'z':
			html_size(b, va_arg(ap, size_t));
			break;
		default:        /* "%%" */
			buf_putc(b, '%');
			break;
		}
		p += 2;
	}
	va_end(ap);
}
