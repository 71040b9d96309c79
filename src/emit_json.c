/*
 * emit_json.c - JSON in the emitter kit (emit.h): the two escaper instances
 * and the one JSON writer, which the JSON backend and the JSON-LD of the
 * HTML pages share.
 *
 * JSON requires escaping only the quote, the backslash and the controls
 * below 0x20; the named escapes are used where JSON has one, for
 * readability. Both instances also escape U+2028 LINE SEPARATOR and U+2029
 * PARAGRAPH SEPARATOR: legal in JSON strings, they end a line in JavaScript
 * before ES2019, so a document pasted into a <script> would break. The
 * instance for a <script> element (emit_json_script) goes further: < > &
 * as \u escapes, so that neither "</script" nor "<!--" can appear, and the
 * code points HTML forbids (emit_html_forbidden) too, so that a JSON parser
 * reads back the exact text of the source.
 */
#include <assert.h>
#include <string.h>

#include "emit.h"

/* ---- the escapers ----------------------------------------------------- */

/* The controls and the two characters every JSON string escapes. */
#define JSON_BYTES \
	[0x00] = EMIT_X8(EMIT_CALLS), \
	['\b'] = EMIT_AS("\\b"), EMIT_AS("\\t"), EMIT_AS("\\n"), EMIT_CALLS, \
		EMIT_AS("\\f"), EMIT_AS("\\r"), EMIT_CALLS, EMIT_CALLS, \
	[0x10] = EMIT_X16(EMIT_CALLS), \
	['"'] = EMIT_AS("\\\""), \
	['\\'] = EMIT_AS("\\\\"), \
	[0xE2] = EMIT_CALLS     /* U+2028, U+2029 */

/* \uXXXX, as a surrogate pair above the BMP. */
static void json_u(struct buf *b, uint32_t cp, bool upper)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		json_u(b, 0xD800 + (cp >> 10), upper);
		json_u(b, 0xDC00 + (cp & 0x3FF), upper);
		return;
	}
	buf_put(b, "\\u", 2);
	emit_hex(b, cp, 4, upper);
}

static bool json_line_separator(uint32_t cp)
{
	return cp == 0x2028 || cp == 0x2029;
}

/* The JSON backend's documents write hexadecimal in upper case. */
static size_t json_call(struct buf *b, const char *s, size_t n)
{
	uint32_t cp = (unsigned char)s[0];
	size_t len = cp < 0x80 ? 1 : emit_utf8_decode(s, n, &cp);
	if (len && (cp < 0x80 || json_line_separator(cp))) {
		json_u(b, cp, true);
		return len;
	}
	buf_putc(b, s[0]);      /* another character: the rest is copied with it */
	return 1;
}

const struct emit_escaper emit_json = {
	.bytes = { JSON_BYTES },
	.call = json_call,
};

/* The JSON-LD of the pages writes it in lower case. */
static size_t json_script_call(struct buf *b, const char *s, size_t n)
{
	uint32_t cp = (unsigned char)s[0];
	size_t len = cp < 0x80 ? 1 : emit_utf8_decode(s, n, &cp);
	if (len == 0) {         /* not UTF-8: the front end lets none through */
		json_u(b, 0xFFFD, false);
		return 1;
	}
	if (cp < 0x80 || json_line_separator(cp) || emit_html_forbidden(cp))
		json_u(b, cp, false);
	else
		buf_put(b, s, len);
	return len;
}

const struct emit_escaper emit_json_script = {
	.bytes = {
		JSON_BYTES,
		['<'] = EMIT_AS("\\u003c"),
		['>'] = EMIT_AS("\\u003e"),
		['&'] = EMIT_AS("\\u0026"),
		[0x7F] = EMIT_CALLS,
		/* not UTF-8 (C0, C1, F5-FF), C1 controls (C2), noncharacters */
		[0xC0] = EMIT_CALLS, EMIT_CALLS, EMIT_CALLS,
		[0xEF] = EMIT_CALLS,
		[0xF0] = EMIT_X16(EMIT_CALLS),
	},
	.call = json_script_call,
};

/* ---- the writer: separators, indentation, compact mode ---------------- */

/* A comma, a newline and the indentation of the deepest container. */
static const char json_separator[] = ",\n                                ";
_Static_assert(sizeof json_separator >= 2 + 2 * EMIT_JSON_MAX_DEPTH + 1,
	       "indentation of every depth");

/*
 * What goes between two values: the comma if asked, then (unless compact)
 * a newline and two spaces per depth, in one append.
 */
static void json_separate(struct emit_json *w, bool comma, int depth)
{
	size_t n = (size_t)comma + (w->compact ? 0 : 1 + 2 * (size_t)depth);
	buf_put(w->b, json_separator + !comma, n);
}

/* Whatever must precede a value (or a key) at the current position. */
static void json_begin_value(struct emit_json *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->one_line[w->depth])
		buf_puts(w->b, w->has_values[w->depth] ? ", " : " ");
	else
		json_separate(w, w->has_values[w->depth], w->depth);
	w->has_values[w->depth] = true;
}

static void json_open(struct emit_json *w, char bracket, bool one_line)
{
	json_begin_value(w);
	buf_putc(w->b, bracket);
	w->depth++;
	assert(w->depth < EMIT_JSON_MAX_DEPTH);  /* the documents' shapes are fixed */
	w->has_values[w->depth] = false;
	w->one_line[w->depth] = one_line && !w->compact;
}

void emit_json_open(struct emit_json *w, char bracket)
{
	json_open(w, bracket, false);
}

void emit_json_open_line(struct emit_json *w, char bracket)
{
	json_open(w, bracket, true);
}

void emit_json_close(struct emit_json *w, char bracket)
{
	if (w->has_values[w->depth] && w->one_line[w->depth])
		buf_putc(w->b, ' ');
	else if (w->has_values[w->depth])
		json_separate(w, false, w->depth - 1);
	w->depth--;
	buf_putc(w->b, bracket);
}

void emit_json_key(struct emit_json *w, const char *key)
{
	json_begin_value(w);
	buf_putc(w->b, '"');
	buf_puts(w->b, key);
	buf_puts(w->b, w->compact ? "\":" : "\": ");
	w->after_key = true;
}

void emit_json_literal(struct emit_json *w, const char *text)
{
	json_begin_value(w);
	buf_puts(w->b, text);
}

void emit_json_size(struct emit_json *w, size_t n)
{
	json_begin_value(w);
	emit_size(w->b, n);
}

void emit_json_string_open(struct emit_json *w)
{
	json_begin_value(w);
	buf_putc(w->b, '"');
}

void emit_json_string_part(struct emit_json *w, const char *s, size_t n)
{
	emit_escape(w->b, w->esc, s, n);
}

void emit_json_string_close(struct emit_json *w)
{
	buf_putc(w->b, '"');
}

void emit_json_string(struct emit_json *w, const char *s, size_t n)
{
	if (!s) {
		emit_json_literal(w, "null");
		return;
	}
	emit_json_string_open(w);
	emit_json_string_part(w, s, n);
	emit_json_string_close(w);
}

void emit_json_cstr(struct emit_json *w, const char *s)
{
	emit_json_string(w, s, s ? strlen(s) : 0);
}

void emit_json_key_cstr(struct emit_json *w, const char *key, const char *s)
{
	emit_json_key(w, key);
	emit_json_cstr(w, s);
}

/*
 * Raw newlines come only from json_separate (strings escape theirs), each
 * followed by the indentation: dropping two spaces a level after each one
 * is the whole difference; there is none when compact.
 */
void emit_json_copy(struct emit_json *w, const char *json, size_t n, int shallower)
{
	json_begin_value(w);
	const char *end = json + n, *nl;
	while (!w->compact && (nl = memchr(json, '\n', (size_t)(end - json))) != NULL) {
		buf_put(w->b, json, (size_t)(nl + 1 - json));
		json = nl + 1 + 2 * shallower;
	}
	buf_put(w->b, json, (size_t)(end - json));
}
