/*
 * lsp_format.c - textDocument/formatting: `jobc fmt`'s layout (fmt.h) of
 * a document, as one TextEdit that replaces its whole text; no edit ([])
 * when the text is in the layout already, or does not parse (its
 * diagnostics, published by the checks, say why).
 *
 * The text formatted is the editor's (edits applied) for an open document,
 * else the file's as the last check read it.
 */
#include <string.h>

#include "arena.h"
#include "fmt.h"
#include "lsp_server.h"

const bool lsp_can_format = true;

json_t *lsp_formatting(struct lsp *s, json_t *params, struct lsp_error *err)
{
	struct lsp_doc *d = lsp_params_doc(s, params, err);
	if (!d)
		return NULL;
	lsp_settle(s);          /* a document not open has its text read by a check */
	struct src_file file = { .name = d->path, .text = "" };
	if (d->open) {
		file.text = d->text.len ? d->text.data : "";
		file.len = d->text.len;
	} else if (d->unit) {
		const struct src_file *f = frontend_unit_file(d->unit);
		file.text = f->text ? f->text : "";
		file.len = f->text ? f->len : 0;
	}
	struct arena *a = arena_new();
	struct diag quiet;
	diag_init(&quiet, NULL);
	struct buf out;
	buf_init(&out);
	int r = a ? fmt_text(a, file.name, file.text, file.len, &out, &quiet) : -1;
	json_t *result;
	if (r < 0)
		result = lsp_fail(err, LSP_INTERNAL_ERROR, "out of memory");
	else if (r == 1 || (out.len == file.len && memcmp(out.len ? out.data : "", file.text,
							   file.len) == 0))
		result = json_array();
	else
		result = json_pack("[{s:o, s:s%}]", "range", lsp_span(s, &file, 0, (uint32_t)file.len),
				   "newText", out.len ? out.data : "", out.len);
	buf_free(&out);
	diag_free(&quiet);
	arena_free(a);
	return result;
}
