/*
 * diag_json.c - diagnostics as one JSON array (--diagnostics-format=json).
 *
 * The shape follows GCC's -fdiagnostics-format=json, so that tools which
 * read GCC's read these: each error or warning is an object
 *
 *   { "kind": "warning", "message": "empty 'trends' section",
 *     "option": "-Wempty-section", "code": "empty-section",
 *     "locations": [ { "caret": { "file": "x.jobsheet", "line": 12, "column": 5 },
 *                      "finish": { "file": "x.jobsheet", "line": 12, "column": 10 } } ],
 *     "children": [ { "kind": "note", "message": "...", "locations": [...] } ],
 *     "fixits": [ { "start": {...}, "next": {...}, "string": "K" } ] }
 *
 * "finish" is the last character (inclusive, as GCC's); a fix-it replaces
 * [start, next). A diagnostic of the program has no "locations"; one about
 * a whole file has a location with "file" only. docs/DIAGNOSTICS.md.
 */
#include <string.h>

#include "diag_render.h"
#include "utf8.h"

/* A position: the file, and the line and column if there is one. */
static void json_position(struct emit_json *w, const char *key, const char *file, int line,
			  int col)
{
	emit_json_key(w, key);
	emit_json_open_line(w, '{');
	emit_json_key(w, "file");
	diag_render_json_name(w, file);
	if (line > 0) {
		emit_json_key(w, "line");
		emit_json_size(w, (size_t)line);
		emit_json_key(w, "column");
		emit_json_size(w, (size_t)col);
	}
	emit_json_close(w, '}');
}

static void json_locations(struct emit_json *w, const struct diag_record *r)
{
	struct diag_span s = diag_span_of(r);
	if (!s.file)
		return;
	emit_json_key(w, "locations");
	emit_json_open(w, '[');
	emit_json_open(w, '{');
	json_position(w, "caret", s.file, s.line, s.col);
	if (s.line > 0)
		json_position(w, "finish", s.file, s.end_line, s.end_col > 1 ? s.end_col - 1 : 1);
	emit_json_close(w, '}');
	emit_json_close(w, ']');
}

/* One record: kind, message, option and code, locations. */
static void json_record(struct emit_json *w, const struct diag_record *r)
{
	emit_json_key(w, "kind");
	emit_json_cstr(w, diag_render_kind(r));
	emit_json_key(w, "message");
	emit_json_cstr(w, r->message);
	if (r->severity == DIAG_WARNING) {
		emit_json_key(w, "option");
		emit_json_string_open(w);
		emit_json_string_part(w, r->promoted ? "-Werror=" : "-W", r->promoted ? 8 : 2);
		emit_json_string_part(w, diag_codes[r->code].name,
				      strlen(diag_codes[r->code].name));
		emit_json_string_close(w);
	}
	if (r->severity != DIAG_NOTE) {
		emit_json_key(w, "code");
		emit_json_cstr(w, diag_codes[r->code].name);
	}
	json_locations(w, r);
}

static void json_fixit(struct emit_json *w, const struct diag_record *fix)
{
	struct diag_span s = diag_span_of(fix);
	emit_json_open(w, '{');
	json_position(w, "start", s.file, s.line, s.col);
	json_position(w, "next", s.file, s.end_line, s.end_col);
	emit_json_key(w, "string");
	emit_json_cstr(w, fix->message);
	emit_json_close(w, '}');
}

/* The notes (children) or the fix-its of the record before them. */
static void json_followers(struct emit_json *w, const struct diag_record *r, bool fixes)
{
	bool open = false;
	for (const struct diag_record *n = r->next; n && n->severity == DIAG_NOTE; n = n->next) {
		if (n->fix != fixes)
			continue;
		if (!open) {
			emit_json_key(w, fixes ? "fixits" : "children");
			emit_json_open(w, '[');
			open = true;
		}
		if (fixes) {
			json_fixit(w, n);
		} else {
			emit_json_open(w, '{');
			json_record(w, n);
			emit_json_close(w, '}');
		}
	}
	if (open)
		emit_json_close(w, ']');
}

void diag_render_json(const struct diag *d, struct buf *b)
{
	struct emit_json w = { .b = b, .esc = &emit_json };
	struct diag_filter f = { 0 };
	emit_json_open(&w, '[');
	for (const struct diag_record *r = d->first; r; r = r->next) {
		if (diag_filter(&f, d, r) != DIAG_SHOW || r->severity == DIAG_NOTE)
			continue;
		emit_json_open(&w, '{');
		json_record(&w, r);
		json_followers(&w, r, false);
		json_followers(&w, r, true);
		emit_json_close(&w, '}');
	}
	emit_json_close(&w, ']');
	buf_putc(b, '\n');
}

const char *diag_render_kind(const struct diag_record *r)
{
	static const char *const kinds[] = { "error", "warning", "note" };
	return kinds[r->promoted ? DIAG_ERROR : r->severity];
}

void diag_render_json_name(struct emit_json *w, const char *name)
{
	emit_json_string_open(w);
	for (const char *p = name, *end = name + strlen(name); p < end;) {
		uint32_t cp;
		size_t len = utf8_decode(p, (size_t)(end - p), &cp);
		if (len)
			emit_json_string_part(w, p, len);
		else
			emit_json_string_part(w, "\xEF\xBF\xBD", 3);
		p += len ? len : 1;
	}
	emit_json_string_close(w);
}
