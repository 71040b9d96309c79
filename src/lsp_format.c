/*
 * lsp_format.c - textDocument/formatting: the one place where `jobc fmt`
 * is to be wired into the server (lsp_server.h).
 *
 * The layout is `jobc fmt`'s, which comes with src/fmt.h's
 *
 *     int fmt_text(const char *name, const char *text, size_t len,
 *                  struct buf *out, struct diag *d);
 *
 * Until it does, formatting is not offered at initialize (lsp_can_format)
 * and a client that asks all the same is told it is not there. Wiring it:
 * call fmt_text on the document's parsed text (frontend_unit_file), answer
 * one TextEdit that replaces the whole document with `out` (or [] if the
 * text does not parse: its diagnostics say why), and set lsp_can_format.
 */
#include "lsp_server.h"

const bool lsp_can_format = false;

json_t *lsp_formatting(struct lsp *s, json_t *params, struct lsp_error *err)
{
	if (!lsp_params_doc(s, params, err))
		return NULL;
	return lsp_fail(err, LSP_METHOD_NOT_FOUND, "formatting is not available yet (jobc fmt)");
}
