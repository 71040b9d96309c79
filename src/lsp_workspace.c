/*
 * lsp_workspace.c - the documents of `jobc lsp`, their changes, and the
 * checks (lsp_server.h).
 *
 * The documents are the .jobsheet files under the workspace folder (read
 * as the command line reads a folder: inputs_expand) and the files the
 * editor opens; an open document's text is the editor's, edits applied.
 * A change marks its document dirty and makes a check due; the check
 * parses each dirty document again into a unit (and only those), joins
 * every unit into a new run, validates it and publishes what changed.
 */
/* realpath(3) is XSI's, beyond the POSIX base the build asks for. */
#define _XOPEN_SOURCE 700
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "lsp_server.h"
#include "mem.h"

/* ---- the documents, by path ---------------------------------------------- */

static char *lsp_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = mem_alloc(n);
	return copy ? memcpy(copy, s, n) : NULL;
}

/* The index of the document of path, or where it would go (*found false). */
static size_t lsp_doc_index(const struct lsp *s, const char *path, bool *found)
{
	size_t lo = 0, hi = s->n_docs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, s->docs[mid]->path);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	*found = false;
	return lo;
}

static struct lsp_doc *lsp_doc_at_path(const struct lsp *s, const char *path)
{
	bool found;
	size_t i = lsp_doc_index(s, path, &found);
	return found ? s->docs[i] : NULL;
}

/* The document of path, added (dirty) if there is none. uri may be NULL:
 * made from the path. NULL if memory ran out. */
static struct lsp_doc *lsp_doc_add(struct lsp *s, const char *path, const char *uri)
{
	bool found;
	size_t i = lsp_doc_index(s, path, &found);
	if (found)
		return s->docs[i];
	struct lsp_doc **docs = mem_grow(s->docs, &s->cap_docs, s->n_docs, sizeof *docs);
	if (!docs)
		return NULL;
	s->docs = docs;
	struct lsp_doc *d = mem_alloc(sizeof *d);
	if (!d)
		return NULL;
	*d = (struct lsp_doc){ .path = lsp_strdup(path), .dirty = true };
	d->uri = uri ? lsp_strdup(uri) : lsp_path_to_uri(path);
	buf_init(&d->text);
	if (!d->path || !d->uri) {
		mem_free(d->path);
		mem_free(d->uri);
		mem_free(d);
		return NULL;
	}
	memmove(s->docs + i + 1, s->docs + i, (s->n_docs - i) * sizeof *s->docs);
	s->docs[i] = d;
	s->n_docs++;
	return d;
}

static void lsp_doc_free(struct lsp_doc *d)
{
	frontend_unit_free(d->unit);
	buf_free(&d->text);
	mem_free(d->path);
	mem_free(d->uri);
	mem_free(d->published);
	mem_free(d);
}

/* The path of a file URI, with symbolic links resolved if the file exists,
 * so that a file has one name whichever way it is reached. */
static char *lsp_real_path(const char *uri)
{
	char *path = lsp_uri_to_path(uri);
	char *real = path ? realpath(path, NULL) : NULL;
	if (!real)
		return path;
	mem_free(path);
	char *copy = lsp_strdup(real);
	free(real);
	return copy;
}

struct lsp_doc *lsp_doc_of_uri(const struct lsp *s, const char *uri)
{
	char *path = lsp_real_path(uri);
	struct lsp_doc *d = path ? lsp_doc_at_path(s, path) : NULL;
	mem_free(path);
	return d;
}

struct lsp_doc *lsp_doc_of_file(const struct lsp *s, const struct src_file *f)
{
	return f ? lsp_doc_at_path(s, f->name) : NULL;
}

const struct ast_root *lsp_model(const struct lsp *s)
{
	return s->run ? frontend_root(s->run->fe) : NULL;
}

/* True if path is under the workspace folder (part of the workspace). */
static bool lsp_in_workspace(const struct lsp *s, const char *path)
{
	size_t n = s->root ? strlen(s->root) : 0;
	return s->root && strncmp(path, s->root, n) == 0 && (path[n] == '/' || s->root[n - 1] == '/');
}

static void lsp_due(struct lsp *s, long long delay)
{
	long long at = lsp_now() + delay;
	if (!s->check_due || at > s->check_at)
		s->check_at = at;
	s->check_due = true;
}

/* ---- reading the workspace ---------------------------------------------- */

void lsp_workspace_load(struct lsp *s)
{
	char *real = s->root ? realpath(s->root, NULL) : NULL;
	if (real) {
		mem_free(s->root);
		s->root = lsp_strdup(real);
		free(real);
	}
	if (s->root) {
		struct cli files = { 0 };
		struct diag d;
		diag_init(&d, NULL);
		char *args[] = { s->root };
		/* A folder with no sheet yet is a workspace all the same. */
		inputs_expand(&files, args, 1, &d);
		for (size_t i = 0; i < files.n_inputs; i++)
			lsp_doc_add(s, files.inputs[i], NULL);
		cli_free(&files);
		diag_free(&d);
	}
	lsp_check(s);
}

/*
 * The text of a closed document: its file's, read into b. Returns 0, or 1
 * if it cannot be read (it is gone), -1 if memory ran out. A file larger
 * than jobc reads is read one byte past the limit, which the parse reports.
 */
static int lsp_read_file(const char *path, struct buf *b)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return 1;
	char chunk[64 * 1024];
	size_t n;
	while (b->len <= FRONTEND_MAX_FILE_SIZE && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
		buf_put(b, chunk, n);
	int r = ferror(in) ? 1 : b->failed ? -1 : 0;
	fclose(in);
	return r;
}

/* ---- the checks ---------------------------------------------------------- */

/*
 * Parses d's text again, keeping the unit it replaces in *old for the
 * caller to free once no run joins it. Returns 0, 1 if a closed
 * document's file is gone, -1 if memory ran out.
 */
static int lsp_reparse(struct lsp_doc *d, const struct diag *settings,
		       struct frontend_unit **old)
{
	struct buf file;
	buf_init(&file);
	const struct buf *text = &d->text;
	int r = d->open ? 0 : lsp_read_file(d->path, &file);
	if (!d->open)
		text = &file;
	struct frontend_unit *u = NULL;
	if (r == 0 && !(u = frontend_unit_parse(d->path, text->data ? text->data : "", text->len,
						settings)))
		r = -1;
	buf_free(&file);
	if (r == 0) {
		*old = d->unit;
		d->unit = u;
		d->dirty = false;
	}
	return r;
}

/* A new run over every document's unit, validated. NULL if memory ran out. */
static struct lsp_run *lsp_run_new(struct lsp *s)
{
	struct lsp_run *run = mem_alloc(sizeof *run);
	if (!run)
		return NULL;
	diag_init(&run->diag, NULL);
	run->fe = frontend_new(&run->diag);
	int r = run->fe ? 0 : -1;
	for (size_t i = 0; i < s->n_docs && r == 0; i++)
		if (s->docs[i]->unit && !s->docs[i]->gone)
			r = frontend_join_unit(run->fe, s->docs[i]->unit);
	if (r == 0 && frontend_validate(run->fe) == 0 && !run->diag.lost)
		return run;
	frontend_free(run->fe);
	diag_free(&run->diag);
	mem_free(run);
	return NULL;
}

static void lsp_run_free(struct lsp_run *run)
{
	if (run) {
		frontend_free(run->fe);
		diag_free(&run->diag);
		mem_free(run);
	}
}

static void lsp_out_of_memory(struct lsp *s)
{
	lsp_notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", 1, "message",
		   "jobc lsp: out of memory; the diagnostics may be out of date"));
}

/* Removes the documents that are gone, clearing their diagnostics. */
static void lsp_remove_gone(struct lsp *s)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->n_docs; i++) {
		struct lsp_doc *d = s->docs[i];
		if (!d->gone) {
			s->docs[kept++] = d;
			continue;
		}
		if (d->published && strcmp(d->published, "[]") != 0)
			lsp_notify(s, "textDocument/publishDiagnostics",
				   json_pack("{s:s, s:[]}", "uri", d->uri, "diagnostics"));
		lsp_doc_free(d);
	}
	s->n_docs = kept;
}

void lsp_check(struct lsp *s)
{
	s->check_due = false;
	struct diag settings;
	diag_init(&settings, NULL);
	struct frontend_unit **old = mem_alloc((s->n_docs + 1) * sizeof *old);
	if (!old) {
		lsp_out_of_memory(s);
		return;
	}
	bool changed = s->run == NULL, failed = false;
	for (size_t i = 0; i < s->n_docs; i++) {
		struct lsp_doc *d = s->docs[i];
		old[i] = NULL;
		if (d->dirty && !d->gone) {
			int r = lsp_reparse(d, &settings, &old[i]);
			d->gone = r == 1;
			failed |= r < 0;
			changed |= r == 0;
		}
		changed |= d->gone;
	}
	if (changed) {
		/* Without a new run, none: the last joins units about to go. */
		struct lsp_run *run = lsp_run_new(s);
		lsp_run_free(s->run);
		s->run = run;
		failed |= !run;
	}
	/* No run joins the units replaced now: the last one was freed. */
	for (size_t i = 0; i < s->n_docs; i++)
		frontend_unit_free(old[i]);
	mem_free(old);
	if (failed)
		lsp_out_of_memory(s);
	lsp_remove_gone(s);
	if (s->run)
		lsp_publish(s, s->run);
}

void lsp_settle(struct lsp *s)
{
	if (s->check_due)
		lsp_check(s);
}

void lsp_workspace_free(struct lsp *s)
{
	lsp_run_free(s->run);
	for (size_t i = 0; i < s->n_docs; i++)
		lsp_doc_free(s->docs[i]);
	mem_free(s->docs);
	mem_free(s->root);
	mem_free(s->loose);
}

/* ---- what the editor says ------------------------------------------------ */

void lsp_did_open(struct lsp *s, json_t *params)
{
	const char *uri;
	json_t *text;
	json_int_t version = 0;
	if (json_unpack(params, "{s:{s:s, s?I, s:o}}", "textDocument", "uri", &uri, "version",
			&version, "text", &text) != 0 || !json_is_string(text))
		return;
	char *path = lsp_real_path(uri);
	struct lsp_doc *d = path ? lsp_doc_add(s, path, uri) : NULL;
	mem_free(path);
	if (!d)
		return;
	/* From now on the editor's name for it is the one to use. */
	char *copy = lsp_strdup(uri);
	if (copy) {
		mem_free(d->uri);
		d->uri = copy;
	}
	d->open = true;
	d->gone = false;
	d->version = version;
	d->text.len = 0;
	buf_put(&d->text, json_string_value(text), json_string_length(text));
	const struct src_file *f = d->unit ? frontend_unit_file(d->unit) : NULL;
	/* Opening a file as it is on disk changes nothing but what to show. */
	if (!f || f->len != d->text.len || memcmp(f->text, d->text.data, f->len) != 0)
		d->dirty = true;
	d->publish = true;
	lsp_due(s, 0);
}

/* Replaces the bytes [from, to) of b with text[0..len). -1: memory. */
static int lsp_splice(struct buf *b, size_t from, size_t to, const char *text, size_t len)
{
	size_t tail = b->len - to;
	if (len > to - from) {
		/* Grow by the difference (any bytes: written over below). */
		buf_put(b, text, len - (to - from));
		if (b->failed)
			return -1;
	} else {
		b->len -= (to - from) - len;
	}
	if (b->data) {
		memmove(b->data + from + len, b->data + to, tail);
		memcpy(b->data + from, text, len);
		b->data[b->len] = '\0';
	}
	return 0;
}

/* One of didChange's contentChanges: the whole text, or a range of it. */
static void lsp_apply_change(struct lsp *s, struct lsp_doc *d, json_t *change)
{
	json_t *text = json_object_get(change, "text");
	json_t *range = json_object_get(change, "range");
	if (!json_is_string(text))
		return;
	size_t from = 0, to = d->text.len;
	json_int_t l0, c0, l1, c1;
	if (range && json_unpack(range, "{s:{s:I, s:I}, s:{s:I, s:I}}", "start", "line", &l0,
				 "character", &c0, "end", "line", &l1, "character", &c1) == 0 &&
	    l0 >= 0 && c0 >= 0 && l1 >= 0 && c1 >= 0) {
		const char *t = d->text.data ? d->text.data : "";
		struct lsp_pos start = { (uint32_t)l0, (uint32_t)c0 }, end = { (uint32_t)l1, (uint32_t)c1 };
		from = lsp_offset_of(t, d->text.len, start, s->encoding);
		to = lsp_offset_of(t, d->text.len, end, s->encoding);
		if (to < from)
			to = from;
	}
	lsp_splice(&d->text, from, to, json_string_value(text), json_string_length(text));
}

void lsp_did_change(struct lsp *s, json_t *params)
{
	const char *uri;
	json_t *changes;
	json_int_t version = 0;
	if (json_unpack(params, "{s:{s:s, s?I}, s:o}", "textDocument", "uri", &uri, "version",
			&version, "contentChanges", &changes) != 0)
		return;
	struct lsp_doc *d = lsp_doc_of_uri(s, uri);
	if (!d || !d->open)
		return;
	size_t i;
	json_t *change;
	json_array_foreach(changes, i, change)
		lsp_apply_change(s, d, change);
	d->version = version;
	d->dirty = true;
	lsp_due(s, LSP_DEBOUNCE_MS);
}

void lsp_did_close(struct lsp *s, json_t *params)
{
	const char *uri;
	if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0)
		return;
	struct lsp_doc *d = lsp_doc_of_uri(s, uri);
	if (!d || !d->open)
		return;
	/* What is not saved goes: the file is what counts again. */
	d->open = false;
	buf_free(&d->text);
	struct stat st;
	d->gone = !lsp_in_workspace(s, d->path) || stat(d->path, &st) != 0;
	d->dirty = true;
	lsp_due(s, 0);
}

void lsp_did_change_watched(struct lsp *s, json_t *params)
{
	size_t i;
	json_t *change;
	json_array_foreach(json_object_get(params, "changes"), i, change) {
		const char *uri = json_string_value(json_object_get(change, "uri"));
		json_int_t type = json_integer_value(json_object_get(change, "type"));
		char *path = uri ? lsp_real_path(uri) : NULL;
		size_t n = path ? strlen(path) : 0;
		if (path && n > 9 && strcmp(path + n - 9, ".jobsheet") == 0 &&
		    lsp_in_workspace(s, path)) {
			/* 1 created, 2 changed, 3 deleted; an open document is the
			 * editor's meanwhile. */
			struct lsp_doc *d = type == 3 ? lsp_doc_at_path(s, path) : lsp_doc_add(s, path, NULL);
			if (d && !d->open) {
				d->dirty = true;
				d->gone = type == 3;
			}
			lsp_due(s, LSP_DEBOUNCE_MS);
		}
		mem_free(path);
	}
}
