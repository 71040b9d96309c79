/*
 * emit.h - the emitter kit every backend writes with, and the renderers of
 * diagnostics for programs (diag_render.h).
 *
 * A backend walks the AST and calls these; none has an escaper, a number
 * printer or a JSON writer of its own:
 *
 *  - one escaping engine (emit.c), table-driven over (ptr, len), with an
 *    instance per target: JSON (emit_json.c, plain and safe inside an HTML
 *    <script>), HTML text and attribute values (emit_html.c), LaTeX
 *    (emit_latex.c), C string literals (emit_c.c), CSV fields (emit_csv.c);
 *  - one number printer (emit_digits);
 *  - emit_fmt, a printf for markup whose %t escapes text with an instance;
 *  - emit_template, for the fixed parts of a file kept in backends/assets/;
 *  - one JSON writer (emit_json.c), for the JSON backend and the JSON-LD of
 *    the HTML pages.
 *
 * Everything appends to a struct buf (buf.h) and, like buf_put, never
 * reports a failure itself: a failed allocation marks the buffer, which the
 * backend checks once at the end.
 *
 * Text is the AST's: valid UTF-8, which the front end guarantees. The
 * engine reads it without checking it again (emit_utf8_decode).
 */
#ifndef JOBC_EMIT_H
#define JOBC_EMIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* ---- the escaping engine (emit.c) ---- */

/* What the engine does with the byte where a character starts. */
enum emit_action {
	EMIT_COPY = 0,          /* copy it as it is (in runs: the fast path) */
	EMIT_REPLACE,           /* write the entry's text instead */
	EMIT_CALL               /* let the instance's call() write the character */
};

/* One entry of an instance's table: what a byte becomes. */
struct emit_byte {
	unsigned char action;   /* enum emit_action; 0 (copy) when not listed */
	unsigned char len;      /* EMIT_REPLACE: the length of text */
	bool may_break;         /* a break opportunity (run_max below) */
	const char *text;
};

/* Table entries: a replacement text, or a call. */
#define EMIT_AS(s) { EMIT_REPLACE, sizeof(s) - 1, false, s }
#define EMIT_CALLS { EMIT_CALL, 0, false, NULL }

/* n entries in a row of an instance's table. */
#define EMIT_X8(...) __VA_ARGS__, __VA_ARGS__, __VA_ARGS__, __VA_ARGS__, \
	__VA_ARGS__, __VA_ARGS__, __VA_ARGS__, __VA_ARGS__
#define EMIT_X16(...) EMIT_X8(__VA_ARGS__), EMIT_X8(__VA_ARGS__)
#define EMIT_X32(...) EMIT_X16(__VA_ARGS__), EMIT_X16(__VA_ARGS__)
#define EMIT_X128(...) EMIT_X32(__VA_ARGS__), EMIT_X32(__VA_ARGS__), \
	EMIT_X32(__VA_ARGS__), EMIT_X32(__VA_ARGS__)

/*
 * An instance: how a target writes text. Bytes from 0x80 up that start a
 * character the target writes as it is stay EMIT_COPY (continuation bytes
 * are copied with them); those that may start one it must change are
 * EMIT_CALL.
 */
struct emit_escaper {
	struct emit_byte bytes[256];
	/*
	 * Writes the character that starts at s[0], a byte marked EMIT_CALL
	 * (n >= 1 bytes are left); returns how many bytes of s it took.
	 */
	size_t (*call)(struct buf *b, const char *s, size_t n);
	/*
	 * 0, or the most characters written in a row without a break
	 * opportunity (a byte whose entry says may_break): run_break is
	 * written after each run_max of them (LaTeX: a long word may break).
	 */
	size_t run_max;
	const char *run_break;
};

/* The instances. */
extern const struct emit_escaper emit_json;         /* JSON string contents */
extern const struct emit_escaper emit_json_script;  /* the same, safe in <script> */
extern const struct emit_escaper emit_html;         /* HTML text and quoted attributes */
extern const struct emit_escaper emit_latex;        /* LaTeX text (pdfLaTeX, jobsheet.sty) */
extern const struct emit_escaper emit_c;            /* C string literals and character constants */
extern const struct emit_escaper emit_csv;          /* a quoted CSV field (RFC 4180) */

/* Code points an HTML document may not hold in any form, even as a
 * character reference: C1 controls and noncharacters (emit_html.c). */
bool emit_html_forbidden(uint32_t cp);

/* How many bytes at the start of s[0..n) e copies as they are: four at a
 * time while it can, since most text is copied. */
static inline size_t emit_copy_len(const struct emit_escaper *e, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const struct emit_byte *x = e->bytes;
	size_t i = 0;
	while (i + 4 <= n && (x[p[i]].action | x[p[i + 1]].action | x[p[i + 2]].action |
			      x[p[i + 3]].action) == EMIT_COPY)
		i += 4;
	while (i < n && x[p[i]].action == EMIT_COPY)
		i++;
	return i;
}

/* s[0..n) as e writes it. */
void emit_escape(struct buf *b, const struct emit_escaper *e, const char *s, size_t n);

/* The same for a C string; NULL writes nothing. */
void emit_escape_str(struct buf *b, const struct emit_escaper *e, const char *s);

/*
 * Writes the characters of s[0..n) while fewer than `limit` bytes have been
 * written by this call, without breaking one; returns how many bytes of s
 * it took (the caller cuts a line there). run_max is not applied.
 */
size_t emit_escape_upto(struct buf *b, const struct emit_escaper *e, const char *s, size_t n,
			size_t limit);

/*
 * The length in bytes of the UTF-8 sequence at s[0..n) (n >= 1), its code
 * point in *cp. The text is valid UTF-8, so nothing is checked but that
 * s[0] can start a sequence that fits: 0 if not (an instance then writes
 * U+FFFD for that one byte, so that not even a broken AST breaks a file).
 */
size_t emit_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The bytes of the first `chars` characters of s[0..n) (n if it has fewer). */
size_t emit_utf8_prefix(const char *s, size_t n, size_t chars);

/* ---- numbers ---- */

/*
 * The one number printer: n in base 8, 10 or 16, at least `width` digits
 * (zeros in front), hexadecimal in upper case if asked. Inline so that each
 * caller's base is a constant: a division by a constant is a multiplication.
 */
static inline void emit_digits(struct buf *b, uint64_t n, unsigned base, size_t width, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char out[24], *p = out + sizeof out;
	do
		*--p = digits[n % base];
	while ((n /= base) != 0);
	while ((size_t)(out + sizeof out - p) < width && p > out)
		*--p = '0';
	buf_put(b, p, (size_t)(out + sizeof out - p));
}

/* n in decimal: the tables, sizes and counts of every backend. */
void emit_size(struct buf *b, size_t n);

/* n in hexadecimal, at least `width` digits: the escapes \u00e9, [U+00E9]. */
void emit_hex(struct buf *b, uint32_t n, size_t width, bool upper);

/* ---- markup and templates (emit.c) ---- */

/*
 * printf for markup: %s a C string written as it is (our own markup and
 * ASCII tokens), %t a C string escaped by `text` (NULL writes nothing),
 * %z a size_t, %% a percent sign.
 */
void emit_fmt(struct buf *b, const struct emit_escaper *text, const char *fmt, ...);
void emit_vfmt(struct buf *b, const struct emit_escaper *text, const char *fmt, va_list ap);

/* A named hole of a template, @name@, and what fills it. */
struct emit_hole {
	const char *name;
	const char *text;       /* written as it is, or if NULL: */
	void (*fill)(struct buf *b, const void *ctx);
};

/*
 * tmpl[0..len) with every @name@ of holes filled (fill gets ctx). An @
 * that opens no known hole is written as it is.
 */
void emit_template(struct buf *b, const char *tmpl, size_t len, const struct emit_hole *holes,
		   size_t n_holes, const void *ctx);

/*
 * A label (labels.h): text escaped by e, with every {name} of holes filled
 * (fill gets ctx). A { that opens no known hole is text.
 */
void emit_fill(struct buf *b, const struct emit_escaper *e, const char *text,
	       const struct emit_hole *holes, size_t n_holes, const void *ctx);

/* ---- the JSON writer (emit_json.c) ---- */

/* Deepest nesting the writer takes; the documents stay well below it. */
#define EMIT_JSON_MAX_DEPTH 16

/*
 * Separators, indentation and compact mode, so that callers write only
 * keys and values: pretty-printed with two spaces a level, or on one line
 * without spaces (compact). Set b, esc (emit_json, or emit_json_script for
 * a document inside a <script> element) and compact; zero the rest.
 */
struct emit_json {
	struct buf *b;
	const struct emit_escaper *esc;
	bool compact;
	int depth;              /* containers open */
	bool after_key;         /* a key was written; its value comes next */
	bool has_values[EMIT_JSON_MAX_DEPTH];   /* the container at each depth is not empty */
	bool one_line[EMIT_JSON_MAX_DEPTH];     /* it was opened with emit_json_open_line */
};

/* '{' or '[', and its closing bracket. */
void emit_json_open(struct emit_json *w, char bracket);
void emit_json_close(struct emit_json *w, char bracket);

/* A container on one line with spaces, inside a pretty document:
 * { "a": 1, "b": 2 }. Closed by emit_json_close. */
void emit_json_open_line(struct emit_json *w, char bracket);

/* A key of the writer's own, plain ASCII: written as it is. */
void emit_json_key(struct emit_json *w, const char *key);

/* A literal written as it is: null, true, false, or a number. */
void emit_json_literal(struct emit_json *w, const char *text);
void emit_json_size(struct emit_json *w, size_t n);

/* The string s[0..n); null for NULL. */
void emit_json_string(struct emit_json *w, const char *s, size_t n);
void emit_json_cstr(struct emit_json *w, const char *s);

/* A key and its string value, null for NULL. */
void emit_json_key_cstr(struct emit_json *w, const char *key, const char *s);

/* One string written in parts: each part's text is escaped, and they join. */
void emit_json_string_open(struct emit_json *w);
void emit_json_string_part(struct emit_json *w, const char *s, size_t n);
void emit_json_string_close(struct emit_json *w);

/*
 * A value this writer wrote `shallower` levels deeper (json[0..n), from
 * its first bracket), re-indented to stand here.
 */
void emit_json_copy(struct emit_json *w, const char *json, size_t n, int shallower);

#endif
