/*
 * json.c - the JSON backend: json/catalogue.json (the whole reference
 * system) and json/sheets/<code>.json (one document per sheet).
 *
 * The shape of both documents is a public contract, described by
 * schema/jobsheet.schema.json and docs/JSON.md; change the three together.
 * Every object is written with its keys in one fixed order and every key
 * present (null when the source leaves an optional field out), so that a
 * consumer never has to guess and a diff of two outputs is a diff of content.
 * Source locations are left out on purpose: the same catalogue compiled from
 * another directory gives byte-identical documents.
 */
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "backend.h"
#include "buf.h"
#include "mem.h"
#include "output.h"

/* Bumped when a change to the documents could break a consumer. */
#define JSON_FORMAT_VERSION 1

/* JSON has no comments: the banner is a field of its own. */
#define JSON_GENERATED_BY "jobc; do not edit, edit the .jobsheet sources"

/* Deepest nesting of the documents (catalogue > sheets > sheet > activities
 * > groups > group > tasks > task > subitems), with room to spare. */
#define JSON_MAX_DEPTH 16

/* ---- strings --------------------------------------------------------- */

/*
 * How each ASCII byte is written inside a JSON string: 0 as itself, 'u' as
 * \u00XX, any other character c as the two-character escape \c. JSON
 * requires escaping only the quote, the backslash and the controls below
 * 0x20; the named escapes are used where JSON has one, for readability.
 */
static const char json_escape_table[128] = {
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	['"'] = '"',
	['\\'] = '\\',
};

/*
 * Length of the UTF-8 sequence of U+2028 LINE SEPARATOR or U+2029 PARAGRAPH
 * SEPARATOR at s (3), or 0. Both are legal in JSON strings but end a line in
 * JavaScript before ES2019, so a document pasted into a <script> would break.
 */
static size_t json_js_line_break(const unsigned char *s, size_t left)
{
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
		return 3;
	return 0;
}

/* Whether a byte needs a look before it is copied: an escape of the
 * table, or the first byte of U+2028 and U+2029. */
static bool json_stops_at(unsigned char c)
{
	return c < 0x80 ? json_escape_table[c] != 0 : c == 0xE2;
}

/*
 * The one escaping function: s[0..len) as a quoted JSON string. The input is
 * valid UTF-8 (the scanner guarantees it), so bytes from 0x80 up are copied
 * as written, in runs, except the two JavaScript line breaks above. Also
 * jobc diff's (backend.h).
 */
void json_escape(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0;         /* where the bytes not yet copied start */

	buf_putc(b, '"');
	for (size_t i = 0; i < len; i++) {
		while (i < len && !json_stops_at(p[i]))
			i++;
		if (i == len)
			break;
		size_t js = p[i] >= 0x80 ? json_js_line_break(p + i, len - i) : 0;
		char esc = p[i] < 0x80 ? json_escape_table[p[i]] : 0;

		if (!esc && !js)
			continue;
		buf_put(b, p + run, i - run);
		if (js) {
			buf_printf(b, "\\u%04X", p[i + 2] == 0xA8 ? 0x2028u : 0x2029u);
			i += js - 1;
		} else if (esc == 'u') {
			buf_printf(b, "\\u%04X", (unsigned)p[i]);
		} else {
			char two[2] = { '\\', esc };
			buf_put(b, two, sizeof two);
		}
		run = i + 1;
	}
	buf_put(b, p + run, len - run);
	buf_putc(b, '"');
}

/* ---- the writer: separators, indentation, compact mode --------------- */

struct json_writer {
	struct buf *b;
	bool compact;           /* one line, no spaces */
	int depth;              /* containers open */
	bool after_key;         /* a key was written; its value comes next */
	bool has_values[JSON_MAX_DEPTH];  /* the container at each depth is not empty */
};

/* A comma, a newline and the indentation of the deepest container. */
static const char json_separator[] = ",\n                                ";
_Static_assert(sizeof json_separator >= 2 + 2 * JSON_MAX_DEPTH + 1, "indentation of every depth");

/*
 * What goes between two values: the comma if asked, then (unless compact)
 * a newline and two spaces per depth, in one append.
 */
static void json_separate(struct json_writer *w, bool comma, int depth)
{
	size_t n = (size_t)comma + (w->compact ? 0 : 1 + 2 * (size_t)depth);
	buf_put(w->b, json_separator + !comma, n);
}

/* Whatever must precede a value (or a key) at the current position. */
static void json_begin_value(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	json_separate(w, w->has_values[w->depth], w->depth);
	w->has_values[w->depth] = true;
}

static void json_open(struct json_writer *w, char bracket)
{
	json_begin_value(w);
	buf_putc(w->b, bracket);
	w->depth++;
	assert(w->depth < JSON_MAX_DEPTH);      /* the shapes below are fixed */
	w->has_values[w->depth] = false;
}

static void json_close(struct json_writer *w, char bracket)
{
	if (w->has_values[w->depth])
		json_separate(w, false, w->depth - 1);
	w->depth--;
	buf_putc(w->b, bracket);
}

/* Keys are this file's own names, plain ASCII: written as they are. */
static void json_key(struct json_writer *w, const char *key)
{
	json_begin_value(w);
	buf_putc(w->b, '"');
	buf_puts(w->b, key);
	buf_puts(w->b, w->compact ? "\":" : "\": ");
	w->after_key = true;
}

/* A literal: null, true, false or a number. */
static void json_literal(struct json_writer *w, const char *text)
{
	json_begin_value(w);
	buf_puts(w->b, text);
}

/* A C string, or null for NULL. */
static void json_cstr(struct json_writer *w, const char *s)
{
	if (!s) {
		json_literal(w, "null");
		return;
	}
	json_begin_value(w);
	json_escape(w->b, s, strlen(s));
}

/* An AST string, or null when the optional field was not written. */
static void json_str(struct json_writer *w, const struct ast_str *s)
{
	if (!s->text) {
		json_literal(w, "null");
		return;
	}
	json_begin_value(w);
	json_escape(w->b, s->text, s->len);
}

static void json_key_str(struct json_writer *w, const char *key, const struct ast_str *s)
{
	json_key(w, key);
	json_str(w, s);
}

static void json_key_cstr(struct json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	json_cstr(w, s);
}

/* ---- pieces shared by several objects --------------------------------- */

static void json_str_list(struct json_writer *w, const char *key, const struct ast_str_list *l)
{
	json_key(w, key);
	json_open(w, '[');
	for (const struct ast_str *s = l->first; s; s = s->next)
		json_str(w, s);
	json_close(w, ']');
}

static void json_sheet_codes(struct json_writer *w, const char *key,
			     const struct ast_sheet *const *sheets, size_t n)
{
	json_key(w, key);
	json_open(w, '[');
	for (size_t i = 0; i < n; i++)
		json_str(w, &sheets[i]->code);
	json_close(w, ']');
}

/* Trends and statuses are enums in the schema; "not written" is null. */
static const char *json_trend(enum ast_trend t)
{
	return t == AST_TREND_NONE ? NULL : ast_trend_name(t);
}

/*
 * A block of text: {"kind": ..., "text": ...} or {"kind": "list",
 * "items": [...]}. Prose (paragraphs and lists) and career entries
 * (education, experience, paragraphs, lists) share this shape.
 */
static void json_block(struct json_writer *w, const char *kind,
		       const struct ast_str *text, const struct ast_str_list *items)
{
	json_open(w, '{');
	json_key_cstr(w, "kind", kind);
	if (items)
		json_str_list(w, "items", items);
	else
		json_key_str(w, "text", text);
	json_close(w, '}');
}

static void json_prose(struct json_writer *w, const struct ast_prose_list *l)
{
	json_open(w, '[');
	for (const struct ast_prose *p = l->first; p; p = p->next) {
		if (p->kind == AST_LIST)
			json_block(w, "list", NULL, &p->items);
		else
			json_block(w, "paragraph", &p->text, NULL);
	}
	json_close(w, ']');
}

/* mission, trends: null when the section is not written at all. */
static void json_section(struct json_writer *w, const char *key, const struct ast_section *s)
{
	json_key(w, key);
	if (s->present)
		json_prose(w, &s->prose);
	else
		json_literal(w, "null");
}

/* ---- a sheet ------------------------------------------------------------ */

static void json_replaces(struct json_writer *w, const struct ast_sheet *s)
{
	json_key(w, "replaces");
	json_open(w, '[');
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		json_open(w, '{');
		json_key_str(w, "code", &r->code);
		json_key_str(w, "title", &r->title);
		json_close(w, '}');
	}
	json_close(w, ']');
}

static void json_task(struct json_writer *w, const struct ast_task *t)
{
	json_open(w, '{');
	json_key_cstr(w, "trend", json_trend(t->trend));
	json_key_str(w, "text", &t->text);
	json_str_list(w, "subitems", &t->subitems);
	json_close(w, '}');
}

static void json_group(struct json_writer *w, const struct ast_group *g)
{
	json_open(w, '{');
	json_key_cstr(w, "trend", json_trend(g->trend));
	json_key_str(w, "title", &g->title);
	json_key_str(w, "intro", &g->intro);
	json_key(w, "tasks");
	json_open(w, '[');
	for (const struct ast_task *t = g->tasks.first; t; t = t->next)
		json_task(w, t);
	json_close(w, ']');
	json_close(w, '}');
}

static void json_activities(struct json_writer *w, const struct ast_activities *a)
{
	json_key(w, "activities");
	if (!a->present) {
		json_literal(w, "null");
		return;
	}
	json_open(w, '{');
	json_key(w, "intro");
	json_prose(w, &a->intro);
	json_key(w, "groups");
	json_open(w, '[');
	for (const struct ast_group *g = a->groups.first; g; g = g->next)
		json_group(w, g);
	json_close(w, ']');
	json_close(w, '}');
}

static void json_knowledge(struct json_writer *w, const struct ast_sheet *s)
{
	json_key(w, "knowledge");
	json_open(w, '[');
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next) {
		json_open(w, '{');
		json_key_str(w, "category", &k->category);
		json_key_cstr(w, "importance", ast_importance_name(k->importance));
		json_key(w, "items");
		json_open(w, '[');
		for (const struct ast_item *it = k->items.first; it; it = it->next) {
			json_open(w, '{');
			json_key_str(w, "level", &it->level);
			json_key_str(w, "text", &it->text);
			json_close(w, '}');
		}
		json_close(w, ']');
		json_close(w, '}');
	}
	json_close(w, ']');
}

static const char *const json_career_kinds[] = {
	[AST_CAREER_EDUCATION] = "education",
	[AST_CAREER_EXPERIENCE] = "experience",
	[AST_PARAGRAPH] = "paragraph",
	[AST_LIST] = "list",
};

static void json_career(struct json_writer *w, const struct ast_section *c)
{
	json_key(w, "career");
	if (!c->present) {
		json_literal(w, "null");
		return;
	}
	json_open(w, '[');
	for (const struct ast_prose *e = c->prose.first; e; e = e->next)
		json_block(w, json_career_kinds[e->kind],
			   e->kind == AST_LIST ? NULL : &e->text,
			   e->kind == AST_LIST ? &e->items : NULL);
	json_close(w, ']');
}

static void json_sheet(struct json_writer *w, const struct ast_sheet *s)
{
	json_open(w, '{');
	json_key_str(w, "code", &s->code);
	json_key_str(w, "title", &s->title);
	json_key_str(w, "family", &s->family);
	json_key_cstr(w, "status",
		      s->status == AST_STATUS_NONE ? NULL : ast_status_name(s->status));
	json_replaces(w, s);
	json_str_list(w, "aka", &s->aka);
	json_section(w, "mission", &s->mission);
	json_activities(w, &s->activities);
	json_knowledge(w, s);
	json_career(w, &s->career);
	json_section(w, "trends", &s->trends);
	json_close(w, '}');
}

/* ---- catalogue-wide declarations ------------------------------------------ */

static void json_catalogue_info(struct json_writer *w, const struct ast_catalogue_info *c)
{
	json_key(w, "catalogue");
	if (!c) {
		json_literal(w, "null");
		return;
	}
	json_open(w, '{');
	json_key_str(w, "title", &c->title);
	json_key_str(w, "publisher", &c->publisher);
	json_key_str(w, "edition", &c->edition);
	json_key_str(w, "previous", &c->previous);
	json_close(w, '}');
}

static void json_scale(struct json_writer *w, const struct ast_scale *scale)
{
	char rank[24];

	json_key(w, "scale");
	json_open(w, '[');
	for (const struct ast_level *l = scale ? scale->levels.first : NULL; l; l = l->next) {
		json_open(w, '{');
		json_key_str(w, "name", &l->name);
		json_key_str(w, "description", &l->description);
		json_key(w, "rank");
		snprintf(rank, sizeof rank, "%zu", l->index);
		json_literal(w, rank);
		json_close(w, '}');
	}
	json_close(w, ']');
}

static void json_categories(struct json_writer *w, const struct ast_root *root)
{
	json_key(w, "categories");
	json_open(w, '[');
	for (const struct ast_category *c = root->parsed.categories.first; c; c = c->next) {
		json_open(w, '{');
		json_key_str(w, "name", &c->name);
		json_key_str(w, "title", &c->title);
		json_key(w, "levelled");
		json_literal(w, c->levelled ? "true" : "false");
		json_close(w, '}');
	}
	json_close(w, ']');
}

/* Sorted by number, like the sheets by code: independent of file order. */
static void json_families(struct json_writer *w, const struct ast_root *root)
{
	json_key(w, "families");
	json_open(w, '[');
	for (size_t i = 0; i < root->n_families; i++) {
		const struct ast_family *f = root->families[i];

		json_open(w, '{');
		json_key_str(w, "number", &f->number);
		json_key_str(w, "title", &f->title);
		json_sheet_codes(w, "sheets", f->sheets, f->n_sheets);
		json_close(w, '}');
	}
	json_close(w, ']');
}

static void json_retired(struct json_writer *w, const struct ast_root *root)
{
	json_key(w, "retired");
	json_open(w, '[');
	for (size_t i = 0; i < root->n_retired; i++) {
		const struct ast_retired *r = root->retired[i];
		json_open(w, '{');
		json_key_str(w, "code", &r->code);
		json_key_str(w, "title", &r->title);
		json_key_str(w, "see", &r->see);
		json_close(w, '}');
	}
	json_close(w, ']');
}

static void json_lineage(struct json_writer *w, const struct ast_root *root)
{
	json_key(w, "lineage");
	json_open(w, '[');
	for (size_t i = 0; i < root->n_lineage; i++) {
		const struct ast_lineage *l = &root->lineage[i];

		json_open(w, '{');
		json_key_cstr(w, "code", l->code);
		json_key_cstr(w, "title", l->title);
		json_sheet_codes(w, "sheets", l->sheets, l->n_sheets);
		json_key(w, "see");
		if (l->retired)
			json_str(w, &l->retired->see);
		else
			json_literal(w, "null");
		json_close(w, '}');
	}
	json_close(w, ']');
}

/* ---- documents ------------------------------------------------------------ */

static void json_document_begin(struct json_writer *w, const char *document)
{
	char version[24];

	json_open(w, '{');
	json_key_cstr(w, "document", document);
	json_key(w, "format_version");
	snprintf(version, sizeof version, "%d", JSON_FORMAT_VERSION);
	json_literal(w, version);
	json_key_cstr(w, "generated_by", JSON_GENERATED_BY);
}

static void json_document_end(struct json_writer *w)
{
	json_close(w, '}');
	buf_putc(w->b, '\n');
}

/* Where a sheet object lies in catalogue.json: its own document copies it. */
struct json_span {
	size_t from, to;
};

static void json_catalogue_document(struct json_writer *w, const struct ast_root *root,
				    struct json_span *spans)
{
	json_document_begin(w, "catalogue");
	json_catalogue_info(w, root->catalogue);
	json_scale(w, root->scale);
	json_categories(w, root);
	json_families(w, root);
	json_retired(w, root);
	json_lineage(w, root);
	json_key(w, "sheets");
	json_open(w, '[');
	for (size_t i = 0; i < root->n_sheets && !w->b->failed; i++) {
		size_t at = w->b->len;
		json_sheet(w, root->sheets[i]);
		/* The object starts at its brace, after the separator. */
		spans[i] = (struct json_span){ at + strspn(w->b->data + at, ",\n "), w->b->len };
	}
	json_close(w, ']');
	json_document_end(w);
}

/*
 * A sheet object of catalogue.json, as the value of a key of an object one
 * level less deep. Raw newlines come only from json_separate (strings
 * escape theirs), each followed by the indentation: dropping two spaces
 * after each one is the whole difference; there is none when compact.
 */
static void json_put_shallower(struct json_writer *w, const char *s, size_t n)
{
	json_begin_value(w);
	const char *end = s + n, *nl;
	while (!w->compact && (nl = memchr(s, '\n', (size_t)(end - s)))) {
		buf_put(w->b, s, (size_t)(nl + 1 - s));
		s = nl + 3;
	}
	buf_put(w->b, s, (size_t)(end - s));
}

static void json_sheet_document(struct json_writer *w, const char *sheet, size_t n)
{
	json_document_begin(w, "sheet");
	json_key(w, "sheet");
	json_put_shallower(w, sheet, n);
	json_document_end(w);
}

/*
 * Each sheet's own document, from its object in catalogue.json, written out
 * as soon as it is made.
 */
static int json_sheet_documents(struct out_set *out, const struct buf *catalogue,
				const struct ast_root *root, const struct json_span *spans, bool compact)
{
	for (size_t i = 0; i < root->n_sheets; i++) {
		struct json_writer w = { .compact = compact };
		w.b = out_file(out, "json/sheets/%s.json", root->sheets[i]->code.text);
		if (!w.b)
			return -1;
		json_sheet_document(&w, catalogue->data + spans[i].from, spans[i].to - spans[i].from);
		if (out_file_done(out, w.b) != 0)
			return -1;
	}
	return 0;
}

/* Every sheet is written once, into catalogue.json; its own document takes it from there. */
static int json_emit(const struct ast_root *root, const struct backend_options *opts,
		     struct out_set *out)
{
	struct json_writer w = { .compact = opts->json_compact };
	/* + 1: never a request for 0 bytes */
	struct json_span *spans = mem_alloc((root->n_sheets + 1) * sizeof *spans);

	w.b = spans ? out_file(out, "json/catalogue.json") : NULL;
	if (w.b)
		json_catalogue_document(&w, root, spans);
	int rc = w.b && !w.b->failed ? json_sheet_documents(out, w.b, root, spans, w.compact) : -1;
	mem_free(spans);
	return rc == 0 ? out_file_done(out, w.b) : -1;
}

const struct backend backend_json = {
	"json",
	"catalogue.json and sheets/<code>.json (schema/jobsheet.schema.json)",
	json_emit,
	NULL,
};
