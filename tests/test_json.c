/*
 * test_json.c - the JSON backend read back.
 *
 * The backend's documents are parsed with a small, strict JSON reader
 * written here (RFC 8259: no raw control characters in strings, no trailing
 * commas, no duplicate keys, \u escapes and surrogate pairs decoded) and
 * walked side by side with the AST they came from: the same sheets, items,
 * levels, trends and strings, in the same order, with the keys in the
 * documented order. The AST is built by hand (so that every field and every
 * hostile byte can be set) and also by the front end from sheets/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <glob.h>

#include "ast.h"
#include "backend.h"
#include "diag.h"
#include "frontend.h"
#include "output.h"

/* ======================================================================
 * A strict JSON reader
 * ====================================================================== */

enum jv_kind { JV_NULL, JV_TRUE, JV_FALSE, JV_NUMBER, JV_STRING, JV_ARRAY, JV_OBJECT };

struct jv {
	enum jv_kind kind;
	char *key;              /* member name when inside an object */
	size_t key_len;
	char *str;              /* JV_STRING: decoded UTF-8; JV_NUMBER: as written */
	size_t len;
	struct jv *first;       /* JV_ARRAY, JV_OBJECT: elements in order */
	size_t count;
	struct jv *next;
};

struct jv_reader {
	const char *p, *end;
	const char *error;      /* first error, or NULL */
	int depth;
};

static void jv_free(struct jv *v)
{
	while (v) {
		struct jv *next = v->next;

		jv_free(v->first);
		test_free(v->key);
		test_free(v->str);
		test_free(v);
		v = next;
	}
}

static bool jv_fail(struct jv_reader *r, const char *why)
{
	if (!r->error)
		r->error = why;
	return false;
}

static void jv_skip_space(struct jv_reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static bool jv_literal(struct jv_reader *r, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return jv_fail(r, "bad literal");
	r->p += n;
	return true;
}

static int jv_hex4(struct jv_reader *r)
{
	int v = 0;

	if (r->end - r->p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = *r->p++;
		int d = c >= '0' && c <= '9' ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static void jv_put_utf8(char *out, size_t *n, uint32_t cp)
{
	if (cp < 0x80) {
		out[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*n)++] = (char)(0xC0 | cp >> 6);
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out[(*n)++] = (char)(0xE0 | cp >> 12);
		out[(*n)++] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	} else {
		out[(*n)++] = (char)(0xF0 | cp >> 18);
		out[(*n)++] = (char)(0x80 | (cp >> 12 & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	}
}

/* A \uXXXX escape (the \u already read), with its low surrogate if any. */
static bool jv_unicode_escape(struct jv_reader *r, char *out, size_t *n)
{
	int hi = jv_hex4(r);

	if (hi < 0)
		return jv_fail(r, "bad \\u escape");
	if (hi >= 0xDC00 && hi <= 0xDFFF)
		return jv_fail(r, "lone low surrogate");
	if (hi >= 0xD800 && hi <= 0xDBFF) {
		if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
			return jv_fail(r, "lone high surrogate");
		r->p += 2;
		int lo = jv_hex4(r);
		if (lo < 0xDC00 || lo > 0xDFFF)
			return jv_fail(r, "bad low surrogate");
		jv_put_utf8(out, n, 0x10000 + ((uint32_t)(hi - 0xD800) << 10) + (uint32_t)(lo - 0xDC00));
		return true;
	}
	jv_put_utf8(out, n, (uint32_t)hi);
	return true;
}

/* A string at r->p (on the opening quote); the result is test_malloc'ed. */
static bool jv_string(struct jv_reader *r, char **text, size_t *len)
{
	static const char named[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	/* decoded text is never longer than the escaped text */
	char *out = test_malloc((size_t)(r->end - r->p) + 1);
	size_t n = 0;

	r->p++;
	while (r->p < r->end && *r->p != '"') {
		unsigned char c = (unsigned char)*r->p++;

		if (c < 0x20) {
			test_free(out);
			return jv_fail(r, "raw control character in a string");
		}
		if (c != '\\') {
			out[n++] = (char)c;
			continue;
		}
		if (r->p == r->end)
			break;
		char e = *r->p++;
		const char *m = NULL;
		for (size_t i = 0; named[i]; i += 2)
			if (named[i] == e)
				m = &named[i + 1];
		if (m) {
			out[n++] = *m;
		} else if (e != 'u' || !jv_unicode_escape(r, out, &n)) {
			test_free(out);
			return jv_fail(r, "bad escape");
		}
	}
	if (r->p == r->end) {
		test_free(out);
		return jv_fail(r, "unterminated string");
	}
	r->p++;
	out[n] = '\0';
	*text = out;
	*len = n;
	return true;
}

/* Integers only: the documents hold no other numbers. */
static bool jv_number(struct jv_reader *r, struct jv *v)
{
	const char *start = r->p;

	if (r->p < r->end && *r->p == '-')
		r->p++;
	if (r->p == r->end || *r->p < '0' || *r->p > '9')
		return jv_fail(r, "bad number");
	if (*r->p == '0' && r->p + 1 < r->end && r->p[1] >= '0' && r->p[1] <= '9')
		return jv_fail(r, "leading zero");
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
		r->p++;
	v->len = (size_t)(r->p - start);
	v->str = test_malloc(v->len + 1);
	memcpy(v->str, start, v->len);
	v->str[v->len] = '\0';
	return true;
}

static struct jv *jv_value(struct jv_reader *r);

static bool jv_has_key(const struct jv *obj, const char *key, size_t len)
{
	for (const struct jv *m = obj->first; m; m = m->next)
		if (m->key_len == len && memcmp(m->key, key, len) == 0)
			return true;
	return false;
}

/* The elements of an array or the members of an object, up to `close`. */
static bool jv_members(struct jv_reader *r, struct jv *v, char close)
{
	struct jv **tail = &v->first;

	r->p++;
	jv_skip_space(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return true;
	}
	for (;;) {
		char *key = NULL;
		size_t key_len = 0;

		jv_skip_space(r);
		if (close == '}') {
			if (r->p == r->end || *r->p != '"' || !jv_string(r, &key, &key_len))
				return jv_fail(r, "expected a key");
			if (jv_has_key(v, key, key_len)) {
				test_free(key);
				return jv_fail(r, "duplicate key");
			}
			jv_skip_space(r);
			if (r->p == r->end || *r->p++ != ':') {
				test_free(key);
				return jv_fail(r, "expected ':'");
			}
		}
		struct jv *e = jv_value(r);
		if (!e) {
			test_free(key);
			return false;
		}
		e->key = key;
		e->key_len = key_len;
		*tail = e;
		tail = &e->next;
		v->count++;
		jv_skip_space(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return true;
		}
		return jv_fail(r, "expected ',' or a closing bracket");
	}
}

static struct jv *jv_value(struct jv_reader *r)
{
	struct jv *v = test_calloc(1, sizeof *v);
	bool ok;

	jv_skip_space(r);
	if (r->p == r->end || ++r->depth > 64) {
		ok = jv_fail(r, "expected a value");
	} else if (*r->p == '{' || *r->p == '[') {
		v->kind = *r->p == '{' ? JV_OBJECT : JV_ARRAY;
		ok = jv_members(r, v, *r->p == '{' ? '}' : ']');
	} else if (*r->p == '"') {
		v->kind = JV_STRING;
		ok = jv_string(r, &v->str, &v->len);
	} else if (*r->p == 'n' || *r->p == 't' || *r->p == 'f') {
		v->kind = *r->p == 'n' ? JV_NULL : *r->p == 't' ? JV_TRUE : JV_FALSE;
		ok = jv_literal(r, *r->p == 'n' ? "null" : *r->p == 't' ? "true" : "false");
	} else {
		v->kind = JV_NUMBER;
		ok = jv_number(r, v);
	}
	r->depth--;
	if (!ok) {
		jv_free(v);
		return NULL;
	}
	return v;
}

/* The one document in text[0..len), or a failed test naming the error. */
static struct jv *jv_parse(const char *text, size_t len)
{
	struct jv_reader r = { text, text + len, NULL, 0 };
	struct jv *v = jv_value(&r);

	jv_skip_space(&r);
	if (v && r.p != r.end) {
		jv_free(v);
		v = NULL;
		jv_fail(&r, "text after the document");
	}
	if (!v)
		fail_msg("invalid JSON at byte %td: %s", r.p - text, r.error);
	return v;
}

static bool jv_equal(const struct jv *a, const struct jv *b)
{
	if (a->kind != b->kind || a->count != b->count || a->len != b->len
	    || a->key_len != b->key_len)
		return false;
	if ((a->key && memcmp(a->key, b->key, a->key_len) != 0)
	    || (a->str && memcmp(a->str, b->str, a->len) != 0))
		return false;
	for (a = a->first, b = b->first; a && b; a = a->next, b = b->next)
		if (!jv_equal(a, b))
			return false;
	return true;
}

/* ======================================================================
 * Reading a document against the AST
 * ====================================================================== */

/* The member `key` of an object, which must be there. */
static const struct jv *jv_get(const struct jv *obj, const char *key)
{
	assert_int_equal(obj->kind, JV_OBJECT);
	for (const struct jv *m = obj->first; m; m = m->next)
		if (m->key_len == strlen(key) && memcmp(m->key, key, m->key_len) == 0)
			return m;
	fail_msg("no key \"%s\"", key);
	return NULL;
}

/* The object's keys are exactly these, in this order (NULL-terminated). */
static void expect_keys(const struct jv *obj, ...)
{
	va_list ap;
	const struct jv *m;
	const char *key;

	assert_int_equal(obj->kind, JV_OBJECT);
	va_start(ap, obj);
	for (m = obj->first; (key = va_arg(ap, const char *)) != NULL; m = m->next) {
		assert_non_null(m);
		assert_string_equal(m->key, key);
	}
	va_end(ap);
	assert_null(m);
}

static void expect_text(const struct jv *v, const char *text, size_t len)
{
	if (!text) {
		assert_int_equal(v->kind, JV_NULL);
		return;
	}
	assert_int_equal(v->kind, JV_STRING);
	assert_int_equal(v->len, len);
	assert_memory_equal(v->str, text, len);
}

static void expect_cstr(const struct jv *v, const char *s)
{
	expect_text(v, s, s ? strlen(s) : 0);
}

static void expect_str(const struct jv *v, const struct ast_str *s)
{
	expect_text(v, s->text, s->len);
}

static void expect_member(const struct jv *obj, const char *key, const struct ast_str *s)
{
	expect_str(jv_get(obj, key), s);
}

static void expect_array(const struct jv *v, size_t count)
{
	assert_int_equal(v->kind, JV_ARRAY);
	assert_int_equal(v->count, count);
}

static void expect_str_list(const struct jv *v, const struct ast_str_list *l)
{
	const struct ast_str *s = l->first;

	expect_array(v, l->count);
	for (const struct jv *e = v->first; e; e = e->next, s = s->next)
		expect_str(e, s);
}

static void expect_codes(const struct jv *v, const struct ast_sheet *const *sheets, size_t n)
{
	const struct jv *e = v->first;

	expect_array(v, n);
	for (size_t i = 0; i < n; i++, e = e->next)
		expect_str(e, &sheets[i]->code);
}

/* Spelled out here rather than taken from ast.h: this is the contract. */
static const char *const trend_names[] = { NULL, "rising", "stable", "declining" };
static const char *const status_names[] = { NULL, "new", "revised" };
static const char *const importance_names[] = { "essential", "useful" };

static void expect_prose(const struct jv *v, const struct ast_prose_list *l)
{
	const struct ast_prose *p = l->first;

	expect_array(v, l->count);
	for (const struct jv *e = v->first; e; e = e->next, p = p->next) {
		if (p->kind == AST_LIST) {
			expect_keys(e, "kind", "items", NULL);
			expect_cstr(jv_get(e, "kind"), "list");
			expect_str_list(jv_get(e, "items"), &p->items);
		} else {
			expect_keys(e, "kind", "text", NULL);
			expect_cstr(jv_get(e, "kind"), "paragraph");
			expect_member(e, "text", &p->text);
		}
	}
}

static void expect_section(const struct jv *v, const struct ast_section *s)
{
	if (!s->present)
		assert_int_equal(v->kind, JV_NULL);
	else
		expect_prose(v, &s->prose);
}

static void expect_activities(const struct jv *v, const struct ast_activities *a)
{
	const struct ast_group *g = a->groups.first;

	if (!a->present) {
		assert_int_equal(v->kind, JV_NULL);
		return;
	}
	expect_keys(v, "intro", "groups", NULL);
	expect_prose(jv_get(v, "intro"), &a->intro);
	expect_array(jv_get(v, "groups"), a->groups.count);
	for (const struct jv *jg = jv_get(v, "groups")->first; jg; jg = jg->next, g = g->next) {
		const struct ast_task *t = g->tasks.first;

		expect_keys(jg, "trend", "title", "intro", "tasks", NULL);
		expect_cstr(jv_get(jg, "trend"), trend_names[g->trend]);
		expect_member(jg, "title", &g->title);
		expect_member(jg, "intro", &g->intro);
		expect_array(jv_get(jg, "tasks"), g->tasks.count);
		for (const struct jv *jt = jv_get(jg, "tasks")->first; jt; jt = jt->next, t = t->next) {
			expect_keys(jt, "trend", "text", "subitems", NULL);
			expect_cstr(jv_get(jt, "trend"), trend_names[t->trend]);
			expect_member(jt, "text", &t->text);
			expect_str_list(jv_get(jt, "subitems"), &t->subitems);
		}
	}
}

static void expect_knowledge(const struct jv *v, const struct ast_sheet *s)
{
	const struct ast_knowledge *k = s->knowledge.first;

	expect_array(v, s->knowledge.count);
	for (const struct jv *jk = v->first; jk; jk = jk->next, k = k->next) {
		const struct ast_item *it = k->items.first;

		expect_keys(jk, "category", "importance", "items", NULL);
		expect_member(jk, "category", &k->category);
		expect_cstr(jv_get(jk, "importance"), importance_names[k->importance]);
		expect_array(jv_get(jk, "items"), k->items.count);
		for (const struct jv *ji = jv_get(jk, "items")->first; ji; ji = ji->next, it = it->next) {
			expect_keys(ji, "level", "text", NULL);
			expect_member(ji, "level", &it->level);
			expect_member(ji, "text", &it->text);
		}
	}
}

static void expect_career(const struct jv *v, const struct ast_section *c)
{
	static const char *const kinds[] = {
		[AST_PARAGRAPH] = "paragraph", [AST_LIST] = "list",
		[AST_CAREER_EDUCATION] = "education", [AST_CAREER_EXPERIENCE] = "experience",
	};
	const struct ast_prose *e = c->prose.first;

	if (!c->present) {
		assert_int_equal(v->kind, JV_NULL);
		return;
	}
	expect_array(v, c->prose.count);
	for (const struct jv *je = v->first; je; je = je->next, e = e->next) {
		expect_cstr(jv_get(je, "kind"), kinds[e->kind]);
		if (e->kind == AST_LIST) {
			expect_keys(je, "kind", "items", NULL);
			expect_str_list(jv_get(je, "items"), &e->items);
		} else {
			expect_keys(je, "kind", "text", NULL);
			expect_member(je, "text", &e->text);
		}
	}
}

static void expect_sheet(const struct jv *v, const struct ast_sheet *s)
{
	const struct ast_replace *r = s->replaces.first;

	expect_keys(v, "code", "title", "family", "status", "replaces", "aka", "mission",
		    "activities", "knowledge", "career", "trends", NULL);
	expect_member(v, "code", &s->code);
	expect_member(v, "title", &s->title);
	expect_member(v, "family", &s->family);
	expect_cstr(jv_get(v, "status"), status_names[s->status]);
	expect_array(jv_get(v, "replaces"), s->replaces.count);
	for (const struct jv *jr = jv_get(v, "replaces")->first; jr; jr = jr->next, r = r->next) {
		expect_keys(jr, "code", "title", NULL);
		expect_member(jr, "code", &r->code);
		expect_member(jr, "title", &r->title);
	}
	expect_str_list(jv_get(v, "aka"), &s->aka);
	expect_section(jv_get(v, "mission"), &s->mission);
	expect_activities(jv_get(v, "activities"), &s->activities);
	expect_knowledge(jv_get(v, "knowledge"), s);
	expect_career(jv_get(v, "career"), &s->career);
	expect_section(jv_get(v, "trends"), &s->trends);
}

static void expect_header(const struct jv *v, const char *document)
{
	expect_cstr(jv_get(v, "document"), document);
	assert_int_equal(jv_get(v, "format_version")->kind, JV_NUMBER);
	assert_string_equal(jv_get(v, "format_version")->str, "1");
	assert_int_equal(jv_get(v, "generated_by")->kind, JV_STRING);
}

static void expect_catalogue_info(const struct jv *v, const struct ast_catalogue_info *c)
{
	if (!c) {
		assert_int_equal(v->kind, JV_NULL);
		return;
	}
	expect_keys(v, "title", "publisher", "edition", "previous", NULL);
	expect_member(v, "title", &c->title);
	expect_member(v, "publisher", &c->publisher);
	expect_member(v, "edition", &c->edition);
	expect_member(v, "previous", &c->previous);
}

static void expect_scale(const struct jv *v, const struct ast_scale *scale)
{
	const struct ast_level *l = scale ? scale->levels.first : NULL;
	char rank[24];

	expect_array(v, scale ? scale->levels.count : 0);
	for (const struct jv *jl = v->first; jl; jl = jl->next, l = l->next) {
		expect_keys(jl, "name", "description", "rank", NULL);
		expect_member(jl, "name", &l->name);
		expect_member(jl, "description", &l->description);
		snprintf(rank, sizeof rank, "%zu", l->index);
		assert_string_equal(jv_get(jl, "rank")->str, rank);
	}
}

static void expect_categories(const struct jv *v, const struct ast_root *root)
{
	const struct ast_category *c = root->parsed.categories.first;

	expect_array(v, root->n_categories);
	for (const struct jv *jc = v->first; jc; jc = jc->next, c = c->next) {
		expect_keys(jc, "name", "title", "levelled", NULL);
		expect_member(jc, "name", &c->name);
		expect_member(jc, "title", &c->title);
		assert_int_equal(jv_get(jc, "levelled")->kind, c->levelled ? JV_TRUE : JV_FALSE);
	}
}

static void expect_families(const struct jv *v, const struct ast_root *root)
{
	const struct jv *jf = v->first;

	expect_array(v, root->n_families);
	for (size_t i = 0; i < root->n_families; i++, jf = jf->next) {
		expect_keys(jf, "number", "title", "sheets", NULL);
		expect_member(jf, "number", &root->families[i]->number);
		expect_member(jf, "title", &root->families[i]->title);
		expect_codes(jv_get(jf, "sheets"), root->families[i]->sheets,
			     root->families[i]->n_sheets);
	}
}

static void expect_retired(const struct jv *v, const struct ast_root *root)
{
	const struct jv *jr = v->first;

	expect_array(v, root->n_retired);
	for (size_t i = 0; i < root->n_retired; i++, jr = jr->next) {
		const struct ast_retired *r = root->retired[i];

		expect_keys(jr, "code", "title", "see", NULL);
		expect_member(jr, "code", &r->code);
		expect_member(jr, "title", &r->title);
		expect_member(jr, "see", &r->see);
	}
}

static void expect_lineage(const struct jv *v, const struct ast_root *root)
{
	const struct jv *jl = v->first;

	expect_array(v, root->n_lineage);
	for (size_t i = 0; i < root->n_lineage; i++, jl = jl->next) {
		const struct ast_lineage *l = &root->lineage[i];

		expect_keys(jl, "code", "title", "sheets", "see", NULL);
		expect_cstr(jv_get(jl, "code"), l->code);
		expect_cstr(jv_get(jl, "title"), l->title);
		expect_codes(jv_get(jl, "sheets"), l->sheets, l->n_sheets);
		expect_cstr(jv_get(jl, "see"), l->retired ? l->retired->see.text : NULL);
	}
}

static void expect_catalogue(const struct jv *v, const struct ast_root *root)
{
	const struct jv *js;

	expect_keys(v, "document", "format_version", "generated_by", "catalogue", "scale",
		    "categories", "families", "retired", "lineage", "sheets", NULL);
	expect_header(v, "catalogue");
	expect_catalogue_info(jv_get(v, "catalogue"), root->catalogue);
	expect_scale(jv_get(v, "scale"), root->scale);
	expect_categories(jv_get(v, "categories"), root);
	expect_families(jv_get(v, "families"), root);
	expect_retired(jv_get(v, "retired"), root);
	expect_lineage(jv_get(v, "lineage"), root);
	js = jv_get(v, "sheets");
	expect_array(js, root->n_sheets);
	js = js->first;
	for (size_t i = 0; i < root->n_sheets; i++, js = js->next)
		expect_sheet(js, root->sheets[i]);
}

/* ======================================================================
 * Running the backend
 * ====================================================================== */

static struct out_set *emit(const struct ast_root *root, bool compact)
{
	struct backend_options opts = { .json_compact = compact };
	struct out_set *out = out_set_new();

	assert_non_null(out);
	struct diag d;
	diag_init(&d, stderr);
	assert_int_equal(backend_json.emit(root, &opts, out, &d), 0);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
	assert_false(out_failed(out));
	return out;
}

static const struct buf *staged(const struct out_set *out, const char *path)
{
	for (size_t i = 0; i < out_count(out); i++)
		if (strcmp(out_path(out, i), path) == 0)
			return out_content(out, i);
	fail_msg("%s was not staged", path);
	return NULL;
}

/* Every staged file, read back against the AST: the catalogue, then one
 * document per sheet and nothing else. */
static void expect_output(const struct out_set *out, const struct ast_root *root)
{
	char path[256];
	const struct buf *b = staged(out, "json/catalogue.json");
	struct jv *doc = jv_parse(b->data, b->len);

	expect_catalogue(doc, root);
	jv_free(doc);
	assert_int_equal(out_count(out), 1 + root->n_sheets);
	for (size_t i = 0; i < root->n_sheets; i++) {
		snprintf(path, sizeof path, "json/sheets/%s.json", root->sheets[i]->code.text);
		b = staged(out, path);
		doc = jv_parse(b->data, b->len);
		expect_keys(doc, "document", "format_version", "generated_by", "sheet", NULL);
		expect_header(doc, "sheet");
		expect_sheet(jv_get(doc, "sheet"), root->sheets[i]);
		jv_free(doc);
	}
}

/* The documents of root, pretty and compact, read back against it. */
static void expect_both_forms(const struct ast_root *root)
{
	for (int compact = 0; compact <= 1; compact++) {
		struct out_set *out = emit(root, compact);

		expect_output(out, root);
		out_set_free(out);
	}
}

/* ======================================================================
 * A catalogue built by hand: every field, every kind of node
 * ====================================================================== */

/* Strings that JSON and JavaScript must escape, and UTF-8 that must not be. */
static const char hostile[] =
	"quote \" backslash \\ slash / tab \t newline \n cr \r bell \a controls \x01\x1f"
	" del \x7f accents \xc3\xa9t\xc3\xa9 cjk \xe6\x97\xa5\xe6\x9c\xac emoji \xf0\x9f\x98\x80"
	" ls \xe2\x80\xa8 ps \xe2\x80\xa9 nel \xc2\x85 </script> \xe2\x80\xae bidi";

static struct fixture {
	struct ast_root root;
	struct ast_catalogue_info info;
	struct ast_scale scale;
	struct ast_level levels[3];
	const struct ast_level *level_order[3];
	struct ast_category categories[2];
	const struct ast_category *category_order[2];
	struct ast_family families[2];
	const struct ast_family *family_order[2];
	const struct ast_sheet *family_sheets[2][2];
	struct ast_retired retired;
	const struct ast_retired *retired_order[1];
	struct ast_lineage lineage[2];
	const struct ast_sheet *lineage_sheets[1];
	struct ast_sheet sheets[3];
	const struct ast_sheet *sheet_order[3];
	struct ast_replace replace;
	struct ast_str strs[32];
	struct ast_prose prose[8];
	struct ast_group groups[2];
	struct ast_task tasks[3];
	struct ast_knowledge knowledge[3];
	struct ast_item items[4];
	struct ast_prose career[4];
	size_t n_strs, n_prose;
} fx;

static struct ast_str str(const char *text)
{
	return (struct ast_str){ .text = text, .len = text ? strlen(text) : 0 };
}

static void add_str(struct ast_str_list *l, const char *text)
{
	struct ast_str *s = &fx.strs[fx.n_strs++];

	*s = str(text);
	AST_LIST_APPEND(*l, s);
}

static void add_paragraph(struct ast_prose_list *l, const char *text)
{
	struct ast_prose *p = &fx.prose[fx.n_prose++];

	p->kind = AST_PARAGRAPH;
	p->text = str(text);
	AST_LIST_APPEND(*l, p);
}

static struct ast_prose *add_list(struct ast_prose_list *l)
{
	struct ast_prose *p = &fx.prose[fx.n_prose++];

	p->kind = AST_LIST;
	AST_LIST_APPEND(*l, p);
	return p;
}

static void add_item(struct ast_knowledge *k, struct ast_item *it, const char *level, const char *text)
{
	it->level = str(level);
	it->text = str(text);
	AST_LIST_APPEND(k->items, it);
}

static void add_career(struct ast_section *c, struct ast_prose *e,
		       enum ast_prose_kind kind, const char *text)
{
	e->kind = kind;
	e->text = str(text);
	AST_LIST_APPEND(c->prose, e);
}

static void fixture_declarations(struct ast_root *root)
{
	static const char *const level_names[][2] = {
		{ "K", "Elementary knowledge" }, { "C", "Command" }, { "E", "Expertise" },
	};

	fx.info.title = str("Job Titles 2000");
	fx.info.publisher = str(hostile);
	fx.info.previous = str("1995 listing");     /* edition left out: null */
	root->catalogue = &fx.info;
	for (int i = 0; i < 3; i++) {
		fx.levels[i] = (struct ast_level){ .name = str(level_names[i][0]),
			.description = str(level_names[i][1]), .index = (size_t)i };
		fx.level_order[i] = &fx.levels[i];
		AST_LIST_APPEND(fx.scale.levels, &fx.levels[i]);
	}
	root->scale = &fx.scale;
	root->levels = fx.level_order;
	root->n_levels = 3;
	fx.categories[0] = (struct ast_category){ .name = str("technological"),
		.title = str("Technological knowledge"), .levelled = true };
	fx.categories[1] = (struct ast_category){ .name = str("behavioural"),
		.title = str("Behavioural abilities") };
	for (int i = 0; i < 2; i++) {
		fx.categories[i].index = (size_t)i;
		fx.category_order[i] = &fx.categories[i];
		AST_LIST_APPEND(root->parsed.categories, &fx.categories[i]);
	}
	root->categories = fx.category_order;
	root->n_categories = 2;

	/* declared 3 then 1: the documents list them by number */
	fx.families[0] = (struct ast_family){ .number = str("3"), .title = str("Production"),
		.index = 1, .sheets = fx.family_sheets[0], .n_sheets = 2 };
	fx.families[1] = (struct ast_family){ .number = str("1"), .title = str(hostile),
		.index = 0, .sheets = fx.family_sheets[1], .n_sheets = 1 };
	for (int i = 0; i < 2; i++)
		AST_LIST_APPEND(root->parsed.families, &fx.families[i]);
	fx.family_order[0] = &fx.families[1];
	fx.family_order[1] = &fx.families[0];
	root->families = fx.family_order;
	root->n_families = 2;

	fx.retired = (struct ast_retired){ .code = str("22"), .title = str("Network Controller"),
		.see = str("3.5a"), .see_sheet = &fx.sheets[1] };
	AST_LIST_APPEND(root->parsed.retired, &fx.retired);
	fx.retired_order[0] = &fx.retired;
	root->retired = fx.retired_order;
	root->n_retired = 1;
	fx.lineage[0] = (struct ast_lineage){ .code = "22", .title = "Network Controller",
		.retired = &fx.retired };
	fx.lineage[1] = (struct ast_lineage){ .code = "23", .title = hostile,
		.sheets = fx.lineage_sheets, .n_sheets = 1 };
	fx.lineage_sheets[0] = &fx.sheets[1];
	root->lineage = fx.lineage;
	root->n_lineage = 2;
}

/* 3.5a: every kind of node, every trend, both importances. */
static void fixture_full_sheet(struct ast_sheet *s)
{
	struct ast_prose *list;

	s->code = str("3.5a");
	s->title = str("Tools/Systems/Network Administrator");
	s->family = str("3");
	s->status = AST_STATUS_REVISED;
	fx.replace = (struct ast_replace){ .code = str("23"), .title = str(hostile),
		.lineage = &fx.lineage[1] };
	AST_LIST_APPEND(s->replaces, &fx.replace);
	add_str(&s->aka, "Network Administrator");
	add_str(&s->aka, hostile);

	s->mission.present = true;
	add_paragraph(&s->mission.prose, "First paragraph.");
	list = add_list(&s->mission.prose);
	add_str(&list->items, "one;");
	add_str(&list->items, hostile);

	s->activities.present = true;
	add_paragraph(&s->activities.intro, "Lead paragraph.");
	fx.groups[0] = (struct ast_group){ .trend = AST_TREND_RISING, .title = str("Operations"),
		.intro = str(hostile) };
	fx.groups[1] = (struct ast_group){ .title = str("Support") };   /* no trend, no intro */
	fx.tasks[0] = (struct ast_task){ .trend = AST_TREND_STABLE, .text = str("Install") };
	fx.tasks[1] = (struct ast_task){ .trend = AST_TREND_DECLINING, .text = str(hostile) };
	add_str(&fx.tasks[1].subitems, "sub-item a");
	add_str(&fx.tasks[1].subitems, "sub-item b");
	fx.tasks[2] = (struct ast_task){ .text = str("Diagnose") };
	AST_LIST_APPEND(fx.groups[0].tasks, &fx.tasks[0]);
	AST_LIST_APPEND(fx.groups[0].tasks, &fx.tasks[1]);
	AST_LIST_APPEND(fx.groups[1].tasks, &fx.tasks[2]);
	for (int i = 0; i < 2; i++)
		AST_LIST_APPEND(s->activities.groups, &fx.groups[i]);

	fx.knowledge[0] = (struct ast_knowledge){ .category = str("technological"),
		.importance = AST_USEFUL, .category_decl = &fx.categories[0] };
	add_item(&fx.knowledge[0], &fx.items[0], "E", "Networks.");
	add_item(&fx.knowledge[0], &fx.items[1], "K", hostile);
	fx.knowledge[1] = (struct ast_knowledge){ .category = str("behavioural"),
		.importance = AST_ESSENTIAL, .category_decl = &fx.categories[1] };
	add_item(&fx.knowledge[1], &fx.items[2], NULL, "Open-minded.");
	for (int i = 0; i < 2; i++)
		AST_LIST_APPEND(s->knowledge, &fx.knowledge[i]);

	s->career.present = true;
	add_career(&s->career, &fx.career[0], AST_CAREER_EDUCATION, "Diploma + 2.");
	add_career(&s->career, &fx.career[1], AST_CAREER_EXPERIENCE, hostile);
	add_career(&s->career, &fx.career[2], AST_PARAGRAPH, "A note.");
	add_career(&s->career, &fx.career[3], AST_LIST, NULL);
	add_str(&fx.career[3].items, "bullet");

	s->trends.present = true;
	list = add_list(&s->trends.prose);
	add_str(&list->items, "rising demand");
}

/* 1.1 with a hostile title, no status; 3.10 with every optional part
 * left out and every written section empty. */
static void fixture_small_sheets(struct ast_sheet *s11, struct ast_sheet *s310)
{
	s11->code = str("1.1");
	s11->title = str(hostile);
	s11->family = str("1");
	s11->mission.present = true;
	add_paragraph(&s11->mission.prose, hostile);
	s11->activities.present = true;
	fx.knowledge[2] = (struct ast_knowledge){ .category = str("technological"),
		.importance = AST_ESSENTIAL, .category_decl = &fx.categories[0] };
	add_item(&fx.knowledge[2], &fx.items[3], "C", hostile);
	AST_LIST_APPEND(s11->knowledge, &fx.knowledge[2]);
	s11->career.present = true;

	s310->code = str("3.10");
	s310->title = str("Operations Controller");
	s310->family = str("3");
	s310->status = AST_STATUS_NEW;
	s310->mission.present = true;
	s310->activities.present = true;
	s310->career.present = true;
}

static const struct ast_root *fixture(void)
{
	struct ast_root *root = &fx.root;

	memset(&fx, 0, sizeof fx);
	fixture_declarations(root);
	fixture_full_sheet(&fx.sheets[1]);
	fixture_small_sheets(&fx.sheets[0], &fx.sheets[2]);
	/* source order 3.10, 3.5a, 1.1; sorted by code 1.1, 3.5a, 3.10 */
	for (int i = 2; i >= 0; i--)
		AST_LIST_APPEND(root->parsed.sheets, &fx.sheets[i]);
	for (int i = 0; i < 3; i++) {
		fx.sheet_order[i] = &fx.sheets[i];
		fx.sheets[i].index = (size_t)i;
		fx.sheets[i].family_decl = i == 0 ? &fx.families[1] : &fx.families[0];
		fx.sheets[i].file_name = fx.sheets[i].code.text;
	}
	root->sheets = fx.sheet_order;
	root->n_sheets = 3;
	fx.family_sheets[0][0] = &fx.sheets[1];
	fx.family_sheets[0][1] = &fx.sheets[2];
	fx.family_sheets[1][0] = &fx.sheets[0];
	return root;
}

/* ======================================================================
 * Tests
 * ====================================================================== */

static void test_reads_back(void **state)
{
	(void)state;
	expect_both_forms(fixture());
}

/* Compact and pretty are the same documents; compact is one line. */
static void test_compact_is_pretty_on_one_line(void **state)
{
	(void)state;
	const struct ast_root *root = fixture();
	struct out_set *pretty = emit(root, false), *compact = emit(root, true);

	assert_int_equal(out_count(pretty), out_count(compact));
	for (size_t i = 0; i < out_count(pretty); i++) {
		const struct buf *p = out_content(pretty, i), *c = out_content(compact, i);
		struct jv *jp = jv_parse(p->data, p->len), *jc = jv_parse(c->data, c->len);

		assert_string_equal(out_path(pretty, i), out_path(compact, i));
		assert_true(jv_equal(jp, jc));
		assert_true(c->len < p->len);
		assert_ptr_equal(memchr(c->data, '\n', c->len), c->data + c->len - 1);
		assert_int_equal(p->data[p->len - 1], '\n');
		jv_free(jp);
		jv_free(jc);
	}
	out_set_free(pretty);
	out_set_free(compact);
}

static void test_deterministic(void **state)
{
	(void)state;
	struct out_set *a = emit(fixture(), false), *b = emit(fixture(), false);

	assert_int_equal(out_count(a), out_count(b));
	for (size_t i = 0; i < out_count(a); i++) {
		assert_string_equal(out_path(a, i), out_path(b, i));
		assert_int_equal(out_content(a, i)->len, out_content(b, i)->len);
		assert_memory_equal(out_content(a, i)->data, out_content(b, i)->data,
				    out_content(a, i)->len);
	}
	out_set_free(a);
	out_set_free(b);
}

/* The escaping itself, byte for byte: named escapes where JSON has them,
 * \u00XX for other controls, U+2028/9 escaped, other UTF-8 as written. */
static void test_escaping_exact(void **state)
{
	(void)state;
	static const char expected[] =
		"\"title\": \"quote \\\" backslash \\\\ slash / tab \\t newline \\n cr \\r"
		" bell \\u0007 controls \\u0001\\u001F del \x7f accents \xc3\xa9t\xc3\xa9"
		" cjk \xe6\x97\xa5\xe6\x9c\xac emoji \xf0\x9f\x98\x80 ls \\u2028 ps \\u2029"
		" nel \xc2\x85 </script> \xe2\x80\xae bidi\"";
	struct out_set *out = emit(fixture(), false);
	const struct buf *b = staged(out, "json/sheets/1.1.json");

	assert_non_null(strstr(b->data, expected));
	/* no raw control character but the line breaks of the layout */
	for (size_t i = 0; i < b->len; i++)
		assert_true((unsigned char)b->data[i] >= 0x20 || b->data[i] == '\n');
	assert_null(strstr(b->data, "\xe2\x80\xa8"));
	assert_null(strstr(b->data, "\xe2\x80\xa9"));
	out_set_free(out);
}

/* The layout, whole: keys in order, two-space indent, empty containers
 * as [] and absent fields as null. */
static void test_sheet_document_exact(void **state)
{
	(void)state;
	static const char pretty[] =
		"{\n"
		"  \"document\": \"sheet\",\n"
		"  \"format_version\": 1,\n"
		"  \"generated_by\": \"jobc; do not edit, edit the .jobsheet sources\",\n"
		"  \"sheet\": {\n"
		"    \"code\": \"3.10\",\n"
		"    \"title\": \"Operations Controller\",\n"
		"    \"family\": \"3\",\n"
		"    \"status\": \"new\",\n"
		"    \"replaces\": [],\n"
		"    \"aka\": [],\n"
		"    \"mission\": [],\n"
		"    \"activities\": {\n"
		"      \"intro\": [],\n"
		"      \"groups\": []\n"
		"    },\n"
		"    \"knowledge\": [],\n"
		"    \"career\": [],\n"
		"    \"trends\": null\n"
		"  }\n"
		"}\n";
	static const char compact[] =
		"{\"document\":\"sheet\",\"format_version\":1,"
		"\"generated_by\":\"jobc; do not edit, edit the .jobsheet sources\","
		"\"sheet\":{\"code\":\"3.10\",\"title\":\"Operations Controller\",\"family\":\"3\","
		"\"status\":\"new\",\"replaces\":[],\"aka\":[],\"mission\":[],"
		"\"activities\":{\"intro\":[],\"groups\":[]},\"knowledge\":[],\"career\":[],"
		"\"trends\":null}}\n";
	struct out_set *p = emit(fixture(), false), *c = emit(fixture(), true);

	assert_string_equal(staged(p, "json/sheets/3.10.json")->data, pretty);
	assert_string_equal(staged(c, "json/sheets/3.10.json")->data, compact);
	out_set_free(p);
	out_set_free(c);
}

/* The reader itself rejects what is not JSON, so that the tests above
 * could fail. */
static void test_reader_is_strict(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"{\"a\":1,}", "[1,]", "{\"a\":1,\"a\":2}", "\"raw\ttab\"", "\"\\x\"",
		"\"\\ud800\"", "[01]", "{} {}", "{\"a\" 1}", "nul", "\"open",
	};
	static const char escaped[] = "\"\\ud83d\\ude00 \\u00e9\\/\"";

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct jv_reader r = { bad[i], bad[i] + strlen(bad[i]), NULL, 0 };
		struct jv *v = jv_value(&r);

		jv_skip_space(&r);
		if (v && r.p == r.end)
			fail_msg("accepted %s", bad[i]);
		jv_free(v);
	}
	struct jv *v = jv_parse(escaped, strlen(escaped));
	expect_cstr(v, "\xf0\x9f\x98\x80 \xc3\xa9/");
	jv_free(v);
}

/* ======================================================================
 * The front end's AST: sheets/ compiled and read back
 * ====================================================================== */

/*
 * Compiles the files matching pattern as one run and reads both forms of
 * its documents back against the AST. Skips when nothing matches and the
 * files are optional (a test catalogue that does not exist yet).
 */
static void read_back_files(const char *pattern, bool optional)
{
	struct diag d;
	struct frontend *fe;
	glob_t g;
	int found = glob(pattern, 0, NULL, &g);

	if (found == GLOB_NOMATCH && optional)
		skip();
	assert_int_equal(found, 0);
	diag_init(&d, stderr);
	d.quiet = true;                 /* warnings are the front end's tests' business */
	fe = frontend_new(&d);
	assert_non_null(fe);
	for (size_t i = 0; i < g.gl_pathc; i++)
		assert_int_equal(frontend_parse_file(fe, g.gl_pathv[i]), 0);
	globfree(&g);
	assert_int_equal(frontend_validate(fe), 0);
	assert_false(diag_failed(&d));

	assert_true(frontend_root(fe)->n_sheets > 0);
	expect_both_forms(frontend_root(fe));
	frontend_free(fe);
	diag_free(&d);
}

static void test_shipped_sheets_read_back(void **state)
{
	(void)state;
	read_back_files("sheets/*.jobsheet", false);
}

/* Quotes, backslashes, U+2028, bidi controls and 10,000-byte words through
 * the real scanner. */
static void test_hostile_read_back(void **state)
{
	(void)state;
	read_back_files("tests/json/hostile.jobsheet", false);
}

static void test_lead_hostile_read_back(void **state)
{
	(void)state;
	read_back_files("tests/hostile/*.jobsheet", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_is_strict),
		cmocka_unit_test(test_reads_back),
		cmocka_unit_test(test_compact_is_pretty_on_one_line),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_escaping_exact),
		cmocka_unit_test(test_sheet_document_exact),
		cmocka_unit_test(test_shipped_sheets_read_back),
		cmocka_unit_test(test_hostile_read_back),
		cmocka_unit_test(test_lead_hostile_read_back),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
