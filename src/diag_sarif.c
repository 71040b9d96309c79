/*
 * diag_sarif.c - diagnostics as one SARIF 2.1.0 log
 * (--diagnostics-format=sarif), the format code-scanning services read.
 *
 * One run of the tool "jobc", with one rule per kind of diagnostic: the
 * three stages that find errors (driver, syntax, check) and every warning
 * by its name. Each shown error or warning is a result with its rule, its
 * level, its message and its place (a region in code points: columnKind
 * unicodeCodePoints, as jobc counts columns); its notes are related
 * locations, its "did you mean" a fix. File names given relative are URIs
 * relative to %SRCROOT%, the working folder, which originalUriBaseIds
 * gives as a file: URI. docs/DIAGNOSTICS.md.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag_render.h"
#include "mem.h"

/* ---- URIs (RFC 3986): a path is kept, but for its unreserved characters
 * and '/', as %XX bytes --------------------------------------------------- */

static size_t uri_call(struct buf *b, const char *s, size_t n)
{
	(void)n;
	buf_putc(b, '%');
	emit_hex(b, (unsigned char)s[0], 2, true);
	return 1;
}

/* A range of bytes percent-encoded (a range designator, as GCC and Clang
 * take them: the table reads as the RFC's list). */
#define URI_ESCAPED(from, to) [from ... to] = EMIT_CALLS

static const struct emit_escaper sarif_uri = {
	.bytes = {
		URI_ESCAPED(0x00, 0x2C),        /* controls, space and !"#$%&'()*+, */
		URI_ESCAPED(0x3A, 0x40),        /* :;<=>?@ */
		URI_ESCAPED(0x5B, 0x5E),        /* [\]^ */
		['`'] = EMIT_CALLS,
		URI_ESCAPED(0x7B, 0x7D),        /* {|} */
		URI_ESCAPED(0x7F, 0xFF),        /* DEL and every byte of UTF-8 */
	},
	.call = uri_call,
};

/* The working folder as a file: URI ending in '/'; NULL if unknown. */
static char *sarif_cwd_uri(struct buf *b)
{
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		return NULL;
	buf_puts(b, "file://");
	emit_escape_str(b, &sarif_uri, cwd);
	if (b->len == 0 || b->data[b->len - 1] != '/')
		buf_putc(b, '/');
	free(cwd);
	return b->failed ? NULL : b->data;
}

static void sarif_artifact(struct emit_json *w, const char *file, bool have_root)
{
	struct buf uri;
	buf_init(&uri);
	bool absolute = file[0] == '/';
	if (absolute)
		buf_puts(&uri, "file://");
	emit_escape_str(&uri, &sarif_uri, file);
	emit_json_key(w, "artifactLocation");
	emit_json_open(w, '{');
	emit_json_key(w, "uri");
	emit_json_string(w, uri.data ? uri.data : "", uri.len);
	if (!absolute && have_root)
		emit_json_key_cstr(w, "uriBaseId", "%SRCROOT%");
	emit_json_close(w, '}');
	buf_free(&uri);
}

static void sarif_region(struct emit_json *w, const char *key, const struct diag_span *s)
{
	emit_json_key(w, key);
	emit_json_open(w, '{');
	emit_json_key(w, "startLine");
	emit_json_size(w, (size_t)s->line);
	emit_json_key(w, "startColumn");
	emit_json_size(w, (size_t)s->col);
	emit_json_key(w, "endLine");
	emit_json_size(w, (size_t)s->end_line);
	emit_json_key(w, "endColumn");
	emit_json_size(w, (size_t)s->end_col);
	emit_json_close(w, '}');
}

/* A physicalLocation, if the record has a place. */
static void sarif_physical(struct emit_json *w, const struct diag_record *r, bool have_root)
{
	struct diag_span s = diag_span_of(r);
	if (!s.file)
		return;
	emit_json_key(w, "physicalLocation");
	emit_json_open(w, '{');
	sarif_artifact(w, s.file, have_root);
	if (s.line > 0)
		sarif_region(w, "region", &s);
	emit_json_close(w, '}');
}

static void sarif_message(struct emit_json *w, const char *key, const char *text)
{
	emit_json_key(w, key);
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "text", text);
	emit_json_close(w, '}');
}

static void sarif_rules(struct emit_json *w)
{
	static const char *const levels[] = { "none", "error", "error", "error" };
	emit_json_key(w, "rules");
	emit_json_open(w, '[');
	for (int c = DIAG_E_DRIVER; c < DIAG_CODE_COUNT; c++) {
		emit_json_open(w, '{');
		emit_json_key_cstr(w, "id", diag_codes[c].name);
		sarif_message(w, "shortDescription", diag_codes[c].summary);
		emit_json_key(w, "defaultConfiguration");
		emit_json_open(w, '{');
		emit_json_key_cstr(w, "level", c < DIAG_W_FIRST ? levels[c] : "warning");
		emit_json_close(w, '}');
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* The notes of r as related locations, its fix-its as fixes. */
static void sarif_followers(struct emit_json *w, const struct diag_record *r, bool have_root,
			    bool fixes)
{
	bool open = false;
	size_t id = 0;
	for (const struct diag_record *n = r->next; n && n->severity == DIAG_NOTE; n = n->next) {
		if (n->fix != fixes || (fixes && !diag_span_of(n).line))
			continue;
		if (!open) {
			emit_json_key(w, fixes ? "fixes" : "relatedLocations");
			emit_json_open(w, '[');
			open = true;
		}
		emit_json_open(w, '{');
		if (fixes) {
			struct diag_span s = diag_span_of(n);
			emit_json_key(w, "artifactChanges");
			emit_json_open(w, '[');
			emit_json_open(w, '{');
			sarif_artifact(w, s.file, have_root);
			emit_json_key(w, "replacements");
			emit_json_open(w, '[');
			emit_json_open(w, '{');
			sarif_region(w, "deletedRegion", &s);
			sarif_message(w, "insertedContent", n->message);
			emit_json_close(w, '}');
			emit_json_close(w, ']');
			emit_json_close(w, '}');
			emit_json_close(w, ']');
		} else {
			emit_json_key(w, "id");
			emit_json_size(w, ++id);
			sarif_physical(w, n, have_root);
			sarif_message(w, "message", n->message);
		}
		emit_json_close(w, '}');
	}
	if (open)
		emit_json_close(w, ']');
}

static void sarif_result(struct emit_json *w, const struct diag_record *r, bool have_root)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "ruleId", diag_codes[r->code].name);
	emit_json_key(w, "ruleIndex");
	emit_json_size(w, (size_t)(r->code - DIAG_E_DRIVER));
	emit_json_key_cstr(w, "level", diag_render_kind(r));
	sarif_message(w, "message", r->message);
	if (diag_span_of(r).file) {
		emit_json_key(w, "locations");
		emit_json_open(w, '[');
		emit_json_open(w, '{');
		sarif_physical(w, r, have_root);
		emit_json_close(w, '}');
		emit_json_close(w, ']');
	}
	sarif_followers(w, r, have_root, false);
	sarif_followers(w, r, have_root, true);
	emit_json_close(w, '}');
}

void diag_render_sarif(const struct diag *d, struct buf *b)
{
	struct emit_json w = { .b = b, .esc = &emit_json };
	struct buf root;
	buf_init(&root);
	const char *root_uri = sarif_cwd_uri(&root);
	emit_json_open(&w, '{');
	emit_json_key_cstr(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	emit_json_key_cstr(&w, "version", "2.1.0");
	emit_json_key(&w, "runs");
	emit_json_open(&w, '[');
	emit_json_open(&w, '{');
	emit_json_key(&w, "tool");
	emit_json_open(&w, '{');
	emit_json_key(&w, "driver");
	emit_json_open(&w, '{');
	emit_json_key_cstr(&w, "name", "jobc");
	emit_json_key_cstr(&w, "version", JOBC_VERSION);
	sarif_rules(&w);
	emit_json_close(&w, '}');
	emit_json_close(&w, '}');
	if (root_uri) {
		emit_json_key(&w, "originalUriBaseIds");
		emit_json_open(&w, '{');
		emit_json_key(&w, "%SRCROOT%");
		emit_json_open(&w, '{');
		emit_json_key_cstr(&w, "uri", root_uri);
		emit_json_close(&w, '}');
		emit_json_close(&w, '}');
	}
	emit_json_key_cstr(&w, "columnKind", "unicodeCodePoints");
	emit_json_key(&w, "results");
	emit_json_open(&w, '[');
	struct diag_filter f = { 0 };
	for (const struct diag_record *r = d->first; r; r = r->next)
		if (diag_filter(&f, d, r) == DIAG_SHOW && r->severity != DIAG_NOTE)
			sarif_result(&w, r, root_uri != NULL);
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	buf_putc(b, '\n');
	buf_free(&root);
}
