/*
 * lsp_rpc.c - JSON-RPC 2.0 for `jobc lsp`: reading a message, answering it
 * through the table of methods, and the messages of the session's life
 * (initialize, initialized, shutdown, exit).
 *
 * Whatever a message holds, it is answered, never fatal: text that is not
 * JSON gets a parse error, JSON that is no request an invalid-request
 * error, an unknown method method-not-found, and params a method cannot
 * use invalid-params; a notification that cannot be used is dropped, as it
 * has no answer. JSON is parsed by jansson (strict RFC 8259, a depth limit,
 * NUL allowed inside strings: a document may hold one, and jobc reports it).
 */
#include <stdarg.h>
#include <string.h>

#include "lsp_server.h"
#include "mem.h"

/* One method the server knows. */
struct lsp_method {
	const char *name;
	lsp_request_fn *request;                /* NULL for a notification */
	lsp_notification_fn *notification;
	bool current;                           /* needs the model up to date */
};

json_t *lsp_fail(struct lsp_error *err, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	err->code = code;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return NULL;
}

/* Collects the JSON text into a buffer (json_dump_callback). */
static int lsp_dump_part(const char *text, size_t len, void *data)
{
	buf_put(data, text, len);
	return 0;
}

int lsp_json_text(const json_t *value, struct buf *out)
{
	return json_dump_callback(value, lsp_dump_part, out, JSON_COMPACT | JSON_ENCODE_ANY) == 0 &&
	       !out->failed ? 0 : -1;
}

void lsp_send(struct lsp *s, json_t *msg)
{
	if (!msg)
		return;         /* memory ran out making it: nothing to send */
	struct buf text;
	buf_init(&text);
	if (lsp_json_text(msg, &text) == 0)
		lsp_write(s, text.data, text.len);
	buf_free(&text);
	json_decref(msg);
}

void lsp_notify(struct lsp *s, const char *method, json_t *params)
{
	lsp_send(s, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method,
			      "params", params));
}

static void lsp_answer_error(struct lsp *s, json_t *id, int code, const char *message)
{
	lsp_send(s, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(),
			      "error", "code", code, "message", message));
}

/* ---- params every request about a document reads ---- */

struct lsp_doc *lsp_params_doc(struct lsp *s, json_t *params, struct lsp_error *err)
{
	const char *uri;
	json_error_t e;
	if (json_unpack_ex(params, &e, 0, "{s:{s:s}}", "textDocument", "uri", &uri) != 0) {
		lsp_fail(err, LSP_INVALID_PARAMS, "%s", e.text);
		return NULL;
	}
	struct lsp_doc *d = lsp_doc_of_uri(s, uri);
	if (!d || !d->unit)
		lsp_fail(err, LSP_INVALID_PARAMS, "unknown document '%s'", uri);
	return d && d->unit ? d : NULL;
}

long lsp_params_offset(struct lsp *s, const struct lsp_doc *d, json_t *params,
		       struct lsp_error *err)
{
	json_int_t line, character;
	json_error_t e;
	if (json_unpack_ex(params, &e, 0, "{s:{s:I, s:I}}", "position", "line", &line,
			   "character", &character) != 0 || line < 0 || character < 0 ||
	    line > UINT32_MAX || character > UINT32_MAX) {
		lsp_fail(err, LSP_INVALID_PARAMS, "%s", line < 0 || character < 0 ?
			 "a negative position" : e.text);
		return -1;
	}
	const struct src_file *f = frontend_unit_file(d->unit);
	if (!f->text) {
		lsp_fail(err, LSP_INVALID_PARAMS, "the document is larger than jobc reads");
		return -1;
	}
	struct lsp_pos pos = { (uint32_t)line, (uint32_t)character };
	return (long)lsp_offset_of(f->text, f->len, pos, s->encoding);
}

/* ---- the session's life ---- */

/* True if the JSON array holds the string word. */
static bool lsp_array_has(json_t *array, const char *word)
{
	size_t i;
	json_t *v;
	json_array_foreach(array, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), word) == 0)
			return true;
	return false;
}

/* The workspace folder: the first of workspaceFolders, or rootUri, or
 * rootPath (older clients). NULL if the client opened none. */
static char *lsp_root_of(json_t *params)
{
	json_t *folders = json_object_get(params, "workspaceFolders");
	const char *uri = NULL;
	if (json_array_size(folders) > 0)
		uri = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
	if (!uri)
		uri = json_string_value(json_object_get(params, "rootUri"));
	if (uri)
		return lsp_uri_to_path(uri);
	const char *path = json_string_value(json_object_get(params, "rootPath"));
	char *copy = path ? mem_alloc(strlen(path) + 1) : NULL;
	return copy ? strcpy(copy, path) : NULL;
}

static json_t *lsp_initialize(struct lsp *s, json_t *params, struct lsp_error *err)
{
	if (!json_is_object(params))
		return lsp_fail(err, LSP_INVALID_PARAMS, "initialize needs params");
	json_t *caps = json_object_get(params, "capabilities");
	json_t *general = json_object_get(caps, "general");
	/* UTF-8 if the client can, saving the count of UTF-16 units. */
	if (lsp_array_has(json_object_get(general, "positionEncodings"), "utf-8"))
		s->encoding = LSP_UTF8;
	json_t *hover = json_object_get(json_object_get(caps, "textDocument"), "hover");
	s->markdown = lsp_array_has(json_object_get(hover, "contentFormat"), "markdown");
	s->root = lsp_root_of(params);
	s->initialized = true;

	json_t *capabilities = json_pack(
		"{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:{s:[]}, s:b}",
		"positionEncoding", s->encoding == LSP_UTF8 ? "utf-8" : "utf-16",
		"textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
		"hoverProvider", 1,
		"definitionProvider", 1,
		"completionProvider", "triggerCharacters",
		"documentSymbolProvider", 1);
	if (capabilities && lsp_can_format)
		json_object_set_new(capabilities, "documentFormattingProvider", json_true());
	return json_pack("{s:o, s:{s:s, s:s}}", "capabilities", capabilities,
			 "serverInfo", "name", "jobc", "version", JOBC_VERSION);
}

static void lsp_initialized(struct lsp *s, json_t *params)
{
	(void)params;
	lsp_workspace_load(s);
}

static json_t *lsp_shutdown(struct lsp *s, json_t *params, struct lsp_error *err)
{
	(void)params;
	(void)err;
	s->shut_down = true;
	return json_null();
}

static void lsp_exit(struct lsp *s, json_t *params)
{
	(void)params;
	s->exit = true;
}

/* ---- the table, and one message ---- */

static const struct lsp_method lsp_methods[] = {
	{ "initialize", lsp_initialize, NULL, false },
	{ "initialized", NULL, lsp_initialized, false },
	{ "shutdown", lsp_shutdown, NULL, false },
	{ "exit", NULL, lsp_exit, false },
	{ "textDocument/didOpen", NULL, lsp_did_open, false },
	{ "textDocument/didChange", NULL, lsp_did_change, false },
	{ "textDocument/didClose", NULL, lsp_did_close, false },
	{ "workspace/didChangeWatchedFiles", NULL, lsp_did_change_watched, false },
	{ "textDocument/hover", lsp_hover, NULL, true },
	{ "textDocument/definition", lsp_definition, NULL, true },
	{ "textDocument/completion", lsp_completion, NULL, true },
	{ "textDocument/documentSymbol", lsp_document_symbol, NULL, true },
	{ "textDocument/formatting", lsp_formatting, NULL, true },
};

static const struct lsp_method *lsp_method_named(const char *name)
{
	for (size_t i = 0; i < sizeof lsp_methods / sizeof lsp_methods[0]; i++)
		if (strcmp(lsp_methods[i].name, name) == 0)
			return &lsp_methods[i];
	return NULL;
}

/* A request: answered with its result or an error, whatever it holds. */
static void lsp_request(struct lsp *s, const char *name, json_t *id, json_t *params)
{
	const struct lsp_method *m = lsp_method_named(name);
	struct lsp_error err = { 0 };
	json_t *result = NULL;
	if (s->shut_down)
		lsp_fail(&err, LSP_INVALID_REQUEST, "the server is shut down: only 'exit' is read");
	else if (!s->initialized && strcmp(name, "initialize") != 0)
		lsp_fail(&err, LSP_SERVER_NOT_INITIALIZED, "'initialize' must come first");
	else if (s->initialized && strcmp(name, "initialize") == 0)
		lsp_fail(&err, LSP_INVALID_REQUEST, "'initialize' comes once");
	else if (!m || !m->request)
		lsp_fail(&err, LSP_METHOD_NOT_FOUND, "unknown method '%s'", name);
	else {
		if (m->current)
			lsp_settle(s);
		result = m->request(s, params, &err);
		if (!result && err.code == 0)
			lsp_fail(&err, LSP_INTERNAL_ERROR, "out of memory");
	}
	if (result)
		lsp_send(s, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result", result));
	else
		lsp_answer_error(s, id, err.code, err.message);
}

/* A notification: used if it can be, else dropped ($/ ones are optional). */
static void lsp_notification(struct lsp *s, const char *name, json_t *params)
{
	const struct lsp_method *m = lsp_method_named(name);
	bool allowed = strcmp(name, "exit") == 0 ||
		       (s->initialized && !s->shut_down);
	if (m && m->notification && allowed)
		m->notification(s, params);
}

void lsp_handle(struct lsp *s, const char *body, size_t len)
{
	json_error_t e;
	json_t *msg = json_loadb(body, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
	if (!msg) {
		char why[300];
		snprintf(why, sizeof why, "not JSON: %s (at byte %d)", e.text, e.position);
		lsp_answer_error(s, NULL, LSP_PARSE_ERROR, why);
		return;
	}
	json_t *id = json_object_get(msg, "id");
	json_t *method = json_object_get(msg, "method");
	json_t *params = json_object_get(msg, "params");
	bool id_ok = !id || json_is_string(id) || json_is_integer(id);
	const char *version = json_string_value(json_object_get(msg, "jsonrpc"));
	if (!json_is_object(msg) || !version || strcmp(version, "2.0") != 0 || !id_ok ||
	    (method && !json_is_string(method)) || (params && !json_is_object(params) &&
						   !json_is_array(params))) {
		lsp_answer_error(s, id_ok ? id : NULL, LSP_INVALID_REQUEST,
				 "not a JSON-RPC 2.0 request or notification");
	} else if (!method) {
		/* A response: the server asks the client nothing, so it is none of
		 * ours; a message with neither is not valid. */
		if (!id || (!json_object_get(msg, "result") && !json_object_get(msg, "error")))
			lsp_answer_error(s, id, LSP_INVALID_REQUEST, "a message with no method");
	} else if (id) {
		lsp_request(s, json_string_value(method), id, params);
	} else {
		lsp_notification(s, json_string_value(method), params);
	}
	json_decref(msg);
}
