/*
 * lsp_server.h - the state of `jobc lsp` and what its files share (lsp.h
 * says which file does what).
 *
 * One thread, one loop: a message is read, handled and answered before the
 * next. Documents live in struct lsp_doc, sorted by path (the order of the
 * command line, which decides which of two declarations is "first"); each
 * holds the unit its text was last parsed into (frontend.h), and a check
 * joins every unit into a new run. Queries read the last run: a request
 * that needs the model first brings it up to date (lsp_settle).
 *
 * JSON is jansson's: json_t values, reference counted. A function that
 * returns a json_t * returns a new reference; lsp_send takes the message.
 */
#ifndef JOBC_LSP_SERVER_H
#define JOBC_LSP_SERVER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "frontend.h"
#include "lsp_location.h"
#include "parse.h"

/* Each node of a list of a unit's root, up to its last (frontend_unit_root:
 * joined to a run, the list runs on into the next unit's). */
#define LSP_EACH(node, list) \
	for ((node) = (list).first; (node); (node) = (node) == (list).last ? NULL : (node)->next)

struct lsp_doc {
	char *path;             /* the file's path: the name its messages give */
	char *uri;              /* as the client names it, or made from path */
	bool open;              /* the editor holds it: its text is `text` */
	struct buf text;        /* while open: the editor's text, edits applied */
	long long version;      /* the editor's version of `text` */
	bool dirty;             /* to be parsed again at the next check */
	bool gone;              /* closed and not part of the workspace: to go */
	struct frontend_unit *unit;     /* its text as last parsed; NULL: none yet */
	char *published;        /* its diagnostics as last sent (JSON); NULL: none */
	json_t *diagnostics;    /* lsp_publish's, while it gathers them */
	bool publish;           /* send them at the next check, changed or not */
};

/* One check: a run over every document's unit, validated. */
struct lsp_run {
	struct frontend *fe;
	struct diag diag;
};

struct lsp {
	FILE *out;                      /* to the client */
	enum lsp_encoding encoding;     /* of positions, agreed at initialize */
	bool markdown;                  /* the client reads hover text as markdown */
	bool initialized;               /* initialize has been answered */
	bool shut_down;                 /* shutdown has been answered */
	bool exit;                      /* exit has come: the loop ends */
	char *root;                     /* the workspace folder; NULL: none */
	struct lsp_doc **docs;          /* sorted by path */
	size_t n_docs, cap_docs;
	bool check_due;                 /* a change waits for a check */
	long long check_at;             /* when it is due (lsp_now) */
	struct lsp_run *run;            /* the last check; NULL before the first */
	char *loose;                    /* the last messages about no file, as shown */
};

/* A JSON-RPC error to answer a request with. */
struct lsp_error {
	int code;
	char message[256];
};

enum {
	LSP_PARSE_ERROR = -32700,
	LSP_INVALID_REQUEST = -32600,
	LSP_METHOD_NOT_FOUND = -32601,
	LSP_INVALID_PARAMS = -32602,
	LSP_INTERNAL_ERROR = -32603,
	LSP_SERVER_NOT_INITIALIZED = -32002,
};

/* Quiet time after a change before the workspace is checked, in ms: a
 * typist's burst of changes makes one check. */
#define LSP_DEBOUNCE_MS 100

/* A request's answer: a result (a new reference; json_null() for null),
 * or NULL with err set. */
typedef json_t *lsp_request_fn(struct lsp *s, json_t *params, struct lsp_error *err);
typedef void lsp_notification_fn(struct lsp *s, json_t *params);

/* ---- lsp_main.c ---- */

/* A monotonic clock, in milliseconds. */
long long lsp_now(void);
/* Writes one message (its JSON text) with its header. -1 if the client is gone. */
int lsp_write(struct lsp *s, const char *body, size_t len);

/* ---- lsp_rpc.c ---- */

/* Handles one message, body[0..len) as framed. */
void lsp_handle(struct lsp *s, const char *body, size_t len);
/* Appends value as compact JSON text to out. -1 if memory ran out. */
int lsp_json_text(const json_t *value, struct buf *out);
/* Sends msg (taken) to the client. */
void lsp_send(struct lsp *s, json_t *msg);
/* Sends the notification method with params (taken). */
void lsp_notify(struct lsp *s, const char *method, json_t *params);
/* Sets err to code and a message; returns NULL, for `return lsp_fail(...)`. */
json_t *lsp_fail(struct lsp_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The document params name by params.textDocument.uri; NULL with err set
 * if params are not so, or the document is unknown. */
struct lsp_doc *lsp_params_doc(struct lsp *s, json_t *params, struct lsp_error *err);
/* The byte offset in d's parsed text of params.position; -1 with err set
 * if there is none. */
long lsp_params_offset(struct lsp *s, const struct lsp_doc *d, json_t *params,
		       struct lsp_error *err);

/* ---- lsp_workspace.c ---- */

/* Reads the workspace folder (s->root) and checks it. */
void lsp_workspace_load(struct lsp *s);
lsp_notification_fn lsp_did_open, lsp_did_change, lsp_did_close, lsp_did_change_watched;
/* Checks now if a check is due (before answering about the model). */
void lsp_settle(struct lsp *s);
/* Parses what changed, checks every document and publishes. */
void lsp_check(struct lsp *s);
struct lsp_doc *lsp_doc_of_uri(const struct lsp *s, const char *uri);
/* The document of a file of the last run (a loc's file), or NULL. */
struct lsp_doc *lsp_doc_of_file(const struct lsp *s, const struct src_file *f);
/* The model of the last check, or NULL before the first. */
const struct ast_root *lsp_model(const struct lsp *s);
void lsp_workspace_free(struct lsp *s);

/* ---- lsp_publish.c ---- */

/* Publishes the diagnostics of every document whose diagnostics changed
 * since last sent, or that asks for them (publish), from run. */
void lsp_publish(struct lsp *s, const struct lsp_run *run);
/* An LSP Range for loc; a Location, with its document's URI (NULL if
 * the file is no document's). */
json_t *lsp_range(const struct lsp *s, const struct loc *loc);
/* An LSP Range for the bytes [from, to) of f, whose text is in memory. */
json_t *lsp_span(const struct lsp *s, const struct src_file *f, uint32_t from, uint32_t to);
json_t *lsp_location(const struct lsp *s, const struct loc *loc);

/* ---- lsp_complete.c ---- */

/*
 * Runs the scanner over the first len bytes of f (parse_tokens), giving
 * fn the tokens; its messages are dropped. *in_string (if not NULL) tells
 * whether the text ends inside a string. Returns 0, or -1 out of memory.
 */
int lsp_tokens(struct arena *arena, const struct src_file *f, size_t len, parse_token_fn *fn,
	       void *data, bool *in_string);

/* ---- the requests (lsp_query.c, lsp_complete.c, lsp_symbols.c, lsp_format.c) ---- */

lsp_request_fn lsp_hover, lsp_definition, lsp_completion, lsp_document_symbol, lsp_formatting;
/* Whether formatting is offered at initialize (lsp_format.c). */
extern const bool lsp_can_format;

#endif
