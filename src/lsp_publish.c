/*
 * lsp_publish.c - the records of a check as textDocument/publishDiagnostics
 * (lsp_server.h), from the same struct diag the command line prints.
 *
 * A record with a place in a document is a Diagnostic of that document:
 * its range (the span of its loc), its severity, its code (the warning's
 * name, or the error's stage: syntax, check), source "jobc", its message.
 * Its notes become relatedInformation, pointing wherever they point (a
 * "did you mean" at the declaration in another file). Records hidden by a
 * `# jobc: expect` and fix-it records are not shown, as on the command
 * line. A record about no file (no catalogue in the workspace) is shown
 * once as a message to the user, while it lasts.
 *
 * A document's diagnostics are sent when they differ from what was sent
 * last (an empty list clears them), or when the editor has just opened it.
 */
#include <string.h>

#include "lsp_server.h"
#include "mem.h"

static json_t *lsp_position(struct lsp_pos p)
{
	return json_pack("{s:I, s:I}", "line", (json_int_t)p.line, "character",
			 (json_int_t)p.character);
}

json_t *lsp_span(const struct lsp *s, const struct src_file *f, uint32_t from, uint32_t to)
{
	struct lsp_pos start = lsp_pos_of(f, from, s->encoding);
	struct lsp_pos end = lsp_pos_of(f, to, s->encoding);
	return json_pack("{s:o, s:o}", "start", lsp_position(start), "end", lsp_position(end));
}

json_t *lsp_range(const struct lsp *s, const struct loc *loc)
{
	if (!loc_has_text(loc)) {
		struct lsp_pos none = { 0, 0 };
		return json_pack("{s:o, s:o}", "start", lsp_position(none), "end", lsp_position(none));
	}
	uint32_t last = loc->last > loc->offset ? loc->last : loc->offset;
	return lsp_span(s, loc->file, loc->offset, lsp_char_end(loc->file, last));
}

json_t *lsp_location(const struct lsp *s, const struct loc *loc)
{
	const struct lsp_doc *d = lsp_doc_of_file(s, loc->file);
	if (!d)
		return NULL;
	return json_pack("{s:s, s:o}", "uri", d->uri, "range", lsp_range(s, loc));
}

static json_t *lsp_diagnostic(const struct lsp *s, const struct diag_record *r)
{
	return json_pack("{s:o, s:i, s:s, s:s, s:s}", "range", lsp_range(s, &r->loc),
			 "severity", r->severity == DIAG_ERROR || r->promoted ? 1 : 2,
			 "code", diag_codes[r->code].name, "source", "jobc", "message", r->message);
}

/* A note of the diagnostic: where it points, or else more of its message. */
static void lsp_add_note(const struct lsp *s, json_t *diagnostic, const struct diag_record *note)
{
	json_t *where = note->has_loc ? lsp_location(s, &note->loc) : NULL;
	if (where) {
		json_t *related = json_object_get(diagnostic, "relatedInformation");
		if (!related)
			json_object_set_new(diagnostic, "relatedInformation", related = json_array());
		json_array_append_new(related, json_pack("{s:o, s:s}", "location", where,
							 "message", note->message));
		return;
	}
	const char *message = json_string_value(json_object_get(diagnostic, "message"));
	struct buf text;
	buf_init(&text);
	buf_printf(&text, "%s\nnote: %s", message ? message : "", note->message);
	if (!text.failed)
		json_object_set_new(diagnostic, "message", json_string(text.data));
	buf_free(&text);
}

/* Shows the messages about no file, if they are not those shown last. */
static void lsp_show_loose(struct lsp *s, const struct buf *loose)
{
	const char *now = loose->len ? loose->data : "";
	if (loose->failed || strcmp(now, s->loose ? s->loose : "") == 0)
		return;
	char *copy = mem_alloc(loose->len + 1);
	if (!copy)
		return;
	memcpy(copy, now, loose->len + 1);
	mem_free(s->loose);
	s->loose = copy;
	if (loose->len)
		lsp_notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", 1, "message", now));
}

/* Sends d's gathered diagnostics if they are news. */
static void lsp_publish_doc(struct lsp *s, struct lsp_doc *d)
{
	json_t *list = d->diagnostics ? d->diagnostics : json_array();
	d->diagnostics = NULL;
	struct buf text;
	buf_init(&text);
	if (list && lsp_json_text(list, &text) == 0 &&
	    (d->publish || strcmp(text.data, d->published ? d->published : "[]") != 0)) {
		char *copy = mem_alloc(text.len + 1);
		if (copy) {
			memcpy(copy, text.data, text.len + 1);
			mem_free(d->published);
			d->published = copy;
			d->publish = false;
			json_t *params = json_pack("{s:s, s:O}", "uri", d->uri, "diagnostics", list);
			if (params && d->open)
				json_object_set_new(params, "version", json_integer(d->version));
			lsp_notify(s, "textDocument/publishDiagnostics", params);
		}
	}
	buf_free(&text);
	json_decref(list);
}

void lsp_publish(struct lsp *s, const struct lsp_run *run)
{
	struct buf loose;
	buf_init(&loose);
	json_t *current = NULL;         /* the diagnostic notes now belong to */
	for (const struct diag_record *r = run->diag.first; r; r = r->next) {
		if (r->severity == DIAG_NOTE) {
			if (current && !r->hidden && !r->fix)
				lsp_add_note(s, current, r);
			continue;
		}
		current = NULL;
		if (r->hidden)
			continue;
		struct lsp_doc *d = r->has_loc ? lsp_doc_of_file(s, r->loc.file) : NULL;
		if (!d) {
			buf_printf(&loose, "%sjobc: %s", loose.len ? "\n" : "", r->message);
			continue;
		}
		if (!d->diagnostics)
			d->diagnostics = json_array();
		current = lsp_diagnostic(s, r);
		json_array_append_new(d->diagnostics, current);
	}
	for (size_t i = 0; i < s->n_docs; i++)
		lsp_publish_doc(s, s->docs[i]);
	lsp_show_loose(s, &loose);
	buf_free(&loose);
}
