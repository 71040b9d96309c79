/*
 * emit.c - the escaping engine, the number printer, emit_fmt and templates
 * of the emitter kit (emit.h). The instances live beside it: emit_json.c,
 * emit_html.c, emit_latex.c, emit_c.c.
 */
#include <string.h>

#include "emit.h"

/* ---- the escaping engine ---------------------------------------------- */

/* The character at s[0], not one e copies: its replacement, or e->call. */
static size_t emit_char(struct buf *b, const struct emit_escaper *e, const char *s, size_t n)
{
	const struct emit_byte *x = &e->bytes[(unsigned char)s[0]];
	if (x->action == EMIT_REPLACE) {
		buf_put(b, x->text, x->len);
		return 1;
	}
	return e->call(b, s, n);
}

/* Most text is copied as it is: in runs, between the bytes e must change. */
static void emit_escape_runs(struct buf *b, const struct emit_escaper *e, const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		size_t run = emit_copy_len(e, s + i, n - i);
		if (run)
			buf_put(b, s + i, run);
		i += run;
		if (i == n)
			return;
		i += emit_char(b, e, s + i, n - i);
	}
}

/* Ends a run at s[at]: what is pending since *from, then e->run_break. */
static void emit_break(struct buf *b, const struct emit_escaper *e, const char *s, size_t *from,
		       size_t at)
{
	buf_put(b, s + *from, at - *from);
	buf_puts(b, e->run_break);
	*from = at;
}

/*
 * The same with e->run_max: each character is counted since the last break
 * opportunity, and e->run_break goes before the one that would exceed it.
 * A character is a byte that is not a UTF-8 continuation byte, or whatever
 * one call took. Runs of plain ASCII (most text) are counted at once.
 */
static void emit_escape_breaking(struct buf *b, const struct emit_escaper *e, const char *s,
				 size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const struct emit_byte *x = e->bytes;
	size_t run = 0, from = 0, i = 0;
	for (;;) {
		size_t plain = i;
		while (plain < n && p[plain] < 0x80 && x[p[plain]].action == EMIT_COPY &&
		       !x[p[plain]].may_break)
			plain++;
		for (; run + (plain - i) > e->run_max; run = 0) {
			i += e->run_max - run;
			emit_break(b, e, s, &from, i);
		}
		run += plain - i;
		i = plain;
		if (i == n)
			break;
		if (x[p[i]].may_break) {
			run = 0;
		} else if ((x[p[i]].action != EMIT_COPY || (p[i] & 0xC0) != 0x80) &&
			   ++run > e->run_max) {
			emit_break(b, e, s, &from, i);
			run = 1;
		}
		if (x[p[i]].action == EMIT_COPY) {
			i++;
			continue;
		}
		buf_put(b, s + from, i - from);
		i += emit_char(b, e, s + i, n - i);
		from = i;
	}
	buf_put(b, s + from, n - from);
}

void emit_escape(struct buf *b, const struct emit_escaper *e, const char *s, size_t n)
{
	if (e->run_max)
		emit_escape_breaking(b, e, s, n);
	else
		emit_escape_runs(b, e, s, n);
}

void emit_escape_str(struct buf *b, const struct emit_escaper *e, const char *s)
{
	if (s)
		emit_escape(b, e, s, strlen(s));
}

size_t emit_escape_upto(struct buf *b, const struct emit_escaper *e, const char *s, size_t n,
			size_t limit)
{
	size_t start = b->len, i = 0;
	while (i < n && b->len - start < limit) {
		if (b->failed)          /* it no longer grows: the output is lost anyway */
			return n;
		size_t room = limit - (b->len - start);
		size_t run = emit_copy_len(e, s + i, n - i < room ? n - i : room);
		if (run)
			buf_put(b, s + i, run);
		i += run;
		if (i < n && run < room)
			i += emit_char(b, e, s + i, n - i);
	}
	return i;
}

size_t emit_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = s[0] < 0x80 ? 1 : s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3
		   : s[0] < 0xF5 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t c = len == 1 ? s[0] : s[0] & (0x7Fu >> len);
	for (size_t i = 1; i < len; i++)
		c = c << 6 | (s[i] & 0x3Fu);
	*cp = c;
	return len;
}

size_t emit_utf8_prefix(const char *s, size_t n, size_t chars)
{
	size_t i = 0;
	for (; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars-- == 0)
			break;
	return i;
}

/* ---- numbers ---------------------------------------------------------- */

void emit_size(struct buf *b, size_t n)
{
	emit_digits(b, n, 10, 1, false);
}

void emit_hex(struct buf *b, uint32_t n, size_t width, bool upper)
{
	emit_digits(b, n, 16, width, upper);
}

/* ---- markup and templates ---------------------------------------------- */

void emit_vfmt(struct buf *b, const struct emit_escaper *text, const char *fmt, va_list ap)
{
	const char *p = fmt;
	for (;;) {
		const char *pc = strchr(p, '%');
		size_t n = pc ? (size_t)(pc - p) : strlen(p);
		buf_put(b, p, n);
		if (!pc)
			return;
		switch (pc[1]) {
		case 's':
			buf_puts(b, va_arg(ap, const char *));
			break;
		case 't':
			emit_escape_str(b, text, va_arg(ap, const char *));
			break;
		case 'z':
			emit_size(b, va_arg(ap, size_t));
			break;
		case '\0':     /* a '%' that ends the format stands for itself */
			buf_putc(b, '%');
			return;
		default:        /* "%%" */
			buf_putc(b, '%');
			break;
		}
		p = pc + 2;
	}
}

void emit_fmt(struct buf *b, const struct emit_escaper *text, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit_vfmt(b, text, fmt, ap);
	va_end(ap);
}

/* The hole whose name and closing mark start s[0..n), or NULL. */
static const struct emit_hole *emit_hole_at(const char *s, size_t n, char close,
					    const struct emit_hole *holes, size_t n_holes)
{
	for (size_t i = 0; i < n_holes; i++) {
		size_t len = strlen(holes[i].name);
		if (len < n && memcmp(s, holes[i].name, len) == 0 && s[len] == close)
			return &holes[i];
	}
	return NULL;
}

/*
 * s[0..len) with every hole, open NAME close, filled; the text around
 * written as it is (e NULL) or escaped by e.
 */
static void emit_holes(struct buf *b, const struct emit_escaper *e, const char *s, size_t len,
		       char open, char close, const struct emit_hole *holes, size_t n_holes,
		       const void *ctx)
{
	const char *end = s + len, *at, *from = s;
	while ((at = memchr(s, open, (size_t)(end - s))) != NULL) {
		const struct emit_hole *h = emit_hole_at(at + 1, (size_t)(end - at - 1), close, holes,
							 n_holes);
		s = at + 1;
		if (!h)
			continue;
		if (e)
			emit_escape(b, e, from, (size_t)(at - from));
		else
			buf_put(b, from, (size_t)(at - from));
		if (h->text)
			buf_puts(b, h->text);
		else
			h->fill(b, ctx);
		s = from = at + strlen(h->name) + 2;
	}
	if (e)
		emit_escape(b, e, from, (size_t)(end - from));
	else
		buf_put(b, from, (size_t)(end - from));
}

void emit_template(struct buf *b, const char *tmpl, size_t len, const struct emit_hole *holes,
		   size_t n_holes, const void *ctx)
{
	emit_holes(b, NULL, tmpl, len, '@', '@', holes, n_holes, ctx);
}

void emit_fill(struct buf *b, const struct emit_escaper *e, const char *text,
	       const struct emit_hole *holes, size_t n_holes, const void *ctx)
{
	emit_holes(b, e, text, strlen(text), '{', '}', holes, n_holes, ctx);
}
