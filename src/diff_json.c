/*
 * diff_json.c - the changes between two editions, for programs
 * (jobc diff --format=json; docs/DIFF.md has the shape):
 *
 *   { "document": "diff", "format_version": 1, "changes": [
 *       { "sheet": "1.3", "sheet_title": "...", "subject": "item",
 *         "change": "changed", "aspects": ["mark"],
 *         "old": { "key": null, "text": "...", "place": "...", "mark": "C" },
 *         "new": { ... } } ] }
 *
 * Every change has every key; "old" is null for an addition, "new" for a
 * removal. Always a whole document, [] when nothing changed. The strings
 * are escaped by the JSON backend's json_escape; the few brackets around
 * them are written here (no JSON writer is shared on this branch).
 */
#include <string.h>

#include "backend.h"
#include "diff.h"

static void diff_json_string(struct buf *b, const char *s)
{
	if (s)
		json_escape(b, s, strlen(s));
	else
		buf_puts(b, "null");
}

static void diff_json_side(struct buf *b, const char *name, const struct diff_side *s, bool present)
{
	buf_printf(b, ",\n      \"%s\": ", name);
	if (!present) {
		buf_puts(b, "null");
		return;
	}
	const char *keys[] = { "key", "text", "place", "mark" };
	const char *values[] = { s->key, s->text, s->place, s->mark };
	buf_puts(b, "{ ");
	for (size_t i = 0; i < 4; i++) {
		buf_printf(b, "%s\"%s\": ", i ? ", " : "", keys[i]);
		diff_json_string(b, values[i]);
	}
	buf_puts(b, " }");
}

void diff_write_json(const struct diff *d, struct buf *out)
{
	static const char *const aspects[] = { "key", "text", "place", "mark" };
	buf_puts(out, "{\n  \"document\": \"diff\",\n  \"format_version\": 1,\n  \"changes\": [");
	for (const struct diff_change *c = d->first; c; c = c->next) {
		buf_puts(out, c == d->first ? "\n    {\n      \"sheet\": " : ",\n    {\n      \"sheet\": ");
		diff_json_string(out, c->sheet);
		buf_puts(out, ",\n      \"sheet_title\": ");
		diff_json_string(out, c->sheet_title);
		buf_printf(out, ",\n      \"subject\": \"%s\",\n      \"change\": \"%s\",\n"
			   "      \"aspects\": [", diff_subject_names[c->subject],
			   diff_kind_names[c->kind]);
		for (unsigned i = 0, n = 0; i < 4; i++)
			if (c->aspects & (1u << i))
				buf_printf(out, "%s\"%s\"", n++ ? ", " : "", aspects[i]);
		buf_putc(out, ']');
		diff_json_side(out, "old", &c->old, c->kind != DIFF_ADDED);
		diff_json_side(out, "new", &c->new, c->kind != DIFF_REMOVED);
		buf_puts(out, "\n    }");
	}
	buf_puts(out, d->first ? "\n  ]\n}\n" : "]\n}\n");
}
