/*
 * diff_json.c - the changes between two editions, for programs
 * (jobc diff --format=json; docs/DIFF.md has the shape):
 *
 *   { "document": "diff", "format_version": 1, "changes": [
 *       { "sheet": "1.3", "sheet_title": "...", "subject": "item",
 *         "change": "changed", "aspects": [ "mark" ],
 *         "old": { "key": null, "text": "...", "place": "...", "mark": "C" },
 *         "new": { ... } } ] }
 *
 * Every change has every key; "old" is null for an addition, "new" for a
 * removal. Always a whole document, [] when nothing changed. Written with
 * the emitter kit's JSON writer (emit.h), as the JSON backend is.
 */
#include "diff.h"
#include "emit.h"

static void diff_json_side(struct emit_json *w, const char *name, const struct diff_side *s,
			   bool present)
{
	emit_json_key(w, name);
	if (!present) {
		emit_json_literal(w, "null");
		return;
	}
	emit_json_open_line(w, '{');
	emit_json_key_cstr(w, "key", s->key);
	emit_json_key_cstr(w, "text", s->text);
	emit_json_key_cstr(w, "place", s->place);
	emit_json_key_cstr(w, "mark", s->mark);
	emit_json_close(w, '}');
}

void diff_write_json(const struct diff *d, struct buf *out)
{
	static const char *const aspects[] = { "key", "text", "place", "mark" };
	struct emit_json w = { .b = out, .esc = &emit_json };
	emit_json_open(&w, '{');
	emit_json_key_cstr(&w, "document", "diff");
	emit_json_key(&w, "format_version");
	emit_json_literal(&w, "1");
	emit_json_key(&w, "changes");
	emit_json_open(&w, '[');
	for (const struct diff_change *c = d->first; c; c = c->next) {
		emit_json_open(&w, '{');
		emit_json_key_cstr(&w, "sheet", c->sheet);
		emit_json_key_cstr(&w, "sheet_title", c->sheet_title);
		emit_json_key_cstr(&w, "subject", diff_subject_names[c->subject]);
		emit_json_key_cstr(&w, "change", diff_kind_names[c->kind]);
		emit_json_key(&w, "aspects");
		emit_json_open_line(&w, '[');
		for (unsigned i = 0; i < 4; i++)
			if (c->aspects & (1u << i))
				emit_json_cstr(&w, aspects[i]);
		emit_json_close(&w, ']');
		diff_json_side(&w, "old", &c->old, c->kind != DIFF_ADDED);
		diff_json_side(&w, "new", &c->new, c->kind != DIFF_REMOVED);
		emit_json_close(&w, '}');
	}
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	buf_putc(out, '\n');
}
