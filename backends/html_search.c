/*
 * html_search.c - the search box of every page and the index it reads:
 * html/search.js (backends/assets/search.js) and html/search/ (formats in
 * html_search.h and docs/HTML.md).
 *
 * The site opens from a folder (file://), where fetch() is refused, so the
 * index is JavaScript: each file calls jobcSearch.meta(), .terms(N, ...)
 * or .docs(N, ...) with one JSON value, and search.js adds a <script> for
 * each file a query needs. The words are cut into shards of about
 * HTML_SEARCH_SHARD bytes in byte order (meta.js holds each one's first
 * word, so a word and the words it starts are found in one or a few
 * shards), and the sheets' titles into shards of HTML_SEARCH_DOCS: no file
 * grows with the whole catalogue but meta.js, by a word per shard.
 *
 * Every text goes through the kit's JSON writer with emit_json_script, so
 * no source text can end a string or a script. Postings are numbers:
 * (sheet - previous sheet) << HTML_IN_BITS | where.
 */
#include <string.h>

#include "html_search.h"
#include "mem.h"

#define HTML_SEARCH_SHARD ((size_t)48 * 1024)
#define HTML_SEARCH_DOCS 32
/* The start of a mission shown under a result, in characters. */
#define HTML_SEARCH_SUMMARY 160

void html_search_head(const struct html_page *p)
{
	html_fmt(p->b, "<script src=\"%ssearch.js\" defer></script>\n", p->up);
}

/* Hidden until search.js shows it: without scripts it could not work. */
void html_search_box(const struct html_page *p)
{
	html_fmt(p->b, "<div class=\"site-search\" role=\"search\" hidden>"
		 "<label class=\"vh\" for=\"search-q\">%t</label>"
		 "<input id=\"search-q\" class=\"search-input\" type=\"search\" placeholder=\"%t\" "
		 "autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"search-hint\">"
		 "<p class=\"vh\" id=\"search-hint\">%t</p>"
		 "<p class=\"search-status\" id=\"search-status\" role=\"status\"></p>"
		 "<div class=\"search-results\" id=\"search-results\" hidden>"
		 "<ol class=\"search-list\" aria-label=\"%t\"></ol></div></div>\n",
		 html_label(p, LABEL_SEARCH_BOX), html_label(p, LABEL_SEARCH_BOX),
		 html_label(p, LABEL_SEARCH_HINT), html_label(p, LABEL_SEARCH_RESULTS));
}

/* ---- the shards of words ---- */

static size_t html_digits(uint64_t n)
{
	size_t d = 1;
	while (n >= 10)
		n /= 10, d++;
	return d;
}

/* The number of a posting, sheet and where, after sheet prev. */
static uint64_t html_posting(uint32_t posting, size_t prev)
{
	size_t doc = posting >> HTML_IN_BITS;
	return (uint64_t)(doc - prev) << HTML_IN_BITS | (posting & ((1u << HTML_IN_BITS) - 1));
}

/* The bytes a term takes in its shard, about. */
static size_t html_term_cost(const struct html_index *x, const struct html_term *t)
{
	size_t n = 8 + 2 * t->len, prev = 0;
	for (size_t i = t->first; i < t->first + t->count; i++) {
		n += html_digits(html_posting(x->sorted[i], prev)) + 1;
		prev = x->sorted[i] >> HTML_IN_BITS;
	}
	return n;
}

/* The terms cut into shards: parts of x->order. */
static int html_term_shards(const struct html_index *x, struct html_parts *shards)
{
	size_t *cost = mem_alloc((x->n_terms + 1) * sizeof *cost), cap = 0;
	if (!cost)
		return -1;
	for (size_t i = 0; i < x->n_terms; i++)
		cost[i] = html_term_cost(x, &x->terms[x->order[i]]);
	int rc = html_cut(shards, &cap, cost, NULL, x->n_terms, 0, HTML_SEARCH_SHARD, SIZE_MAX);
	mem_free(cost);
	return rc;
}

static void html_term_json(struct emit_json *w, const struct html_index *x, const struct html_term *t)
{
	emit_json_open(w, '[');
	emit_json_string(w, x->text.data + t->text, t->len);
	emit_json_open(w, '[');
	size_t prev = 0;
	for (size_t i = t->first; i < t->first + t->count; i++) {
		emit_json_size(w, (size_t)html_posting(x->sorted[i], prev));
		prev = x->sorted[i] >> HTML_IN_BITS;
	}
	emit_json_close(w, ']');
	emit_json_close(w, ']');
}

/* "jobcSearch.CALL(N," : a file of the index begins. */
static struct buf *html_search_file(struct out_set *out, const char *name, const char *call,
				    size_t n)
{
	struct buf *b = out_file(out, "html/search/%s-%zu.js", name, n);
	if (b) {
		html_fmt(b, "jobcSearch.%s(%z,", call, n);
	}
	return b;
}

static int html_search_end(struct out_set *out, struct buf *b)
{
	buf_puts(b, ");\n");
	return out_file_done(out, b);
}

static int html_stage_terms(const struct html_index *x, const struct html_parts *shards,
			    struct out_set *out)
{
	for (size_t s = 0; s < shards->n; s++) {
		struct buf *b = html_search_file(out, "t", "terms", s);
		if (!b)
			return -1;
		struct emit_json w = { .b = b, .esc = &emit_json_script, .compact = true };
		emit_json_open(&w, '[');
		for (size_t i = shards->part[s].first; i < shards->part[s].end; i++)
			html_term_json(&w, x, &x->terms[x->order[i]]);
		emit_json_close(&w, ']');
		if (html_search_end(out, b) != 0)
			return -1;
	}
	return 0;
}

/* ---- the shards of sheets ---- */

static void html_doc_json(struct emit_json *w, const struct ast_sheet *s)
{
	emit_json_open(w, '[');
	emit_json_cstr(w, s->code.text);
	emit_json_cstr(w, s->title.text);
	emit_json_open(w, '[');
	for (const struct ast_str *a = s->aka.first; a; a = a->next)
		emit_json_string(w, a->text, a->len);
	emit_json_close(w, ']');
	const struct ast_prose *first = s->mission.prose.first;
	const char *text = first && first->kind == AST_PARAGRAPH ? first->text.text : "";
	size_t len = strlen(text), cut = emit_utf8_prefix(text, len, HTML_SEARCH_SUMMARY);
	emit_json_string_open(w);
	emit_json_string_part(w, text, cut);
	if (cut < len)
		emit_json_string_part(w, "\xe2\x80\xa6", 3);
	emit_json_string_close(w);
	emit_json_close(w, ']');
}

static int html_stage_docs(const struct ast_root *root, struct out_set *out)
{
	for (size_t first = 0; first < root->n_sheets; first += HTML_SEARCH_DOCS) {
		struct buf *b = html_search_file(out, "d", "docs", first / HTML_SEARCH_DOCS);
		if (!b)
			return -1;
		struct emit_json w = { .b = b, .esc = &emit_json_script, .compact = true };
		emit_json_open(&w, '[');
		for (size_t i = first; i < root->n_sheets && i < first + HTML_SEARCH_DOCS; i++)
			html_doc_json(&w, root->sheets[i]);
		emit_json_close(&w, ']');
		if (html_search_end(out, b) != 0)
			return -1;
	}
	return 0;
}

/* ---- meta.js ---- */

static void html_search_labels(struct emit_json *w, const struct ast_root *root)
{
	static const struct {
		const char *key;
		enum label_id label;
	} keys[] = {
		{ "none", LABEL_SEARCH_NONE }, { "one", LABEL_SEARCH_ONE },
		{ "many", LABEL_SEARCH_MANY }, { "first", LABEL_SEARCH_FIRST },
		{ "foundIn", LABEL_SEARCH_FOUND_IN }, { "loading", LABEL_SEARCH_LOADING },
	};
	emit_json_key(w, "labels");
	emit_json_open(w, '{');
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		emit_json_key_cstr(w, keys[i].key, label(root->labels, keys[i].label));
	emit_json_close(w, '}');
	emit_json_key(w, "fields");
	emit_json_open(w, '[');
	for (enum label_id l = LABEL_SEARCH_FIELD_CODE; l <= LABEL_SEARCH_FIELD_KNOWLEDGE; l++)
		emit_json_cstr(w, label(root->labels, l));
	emit_json_close(w, ']');
}

static int html_stage_meta(const struct ast_root *root, const struct html_index *x,
			   const struct html_parts *shards, struct out_set *out)
{
	struct buf *b = out_file(out, "html/search/meta.js");
	if (!b)
		return -1;
	struct emit_json w = { .b = b, .esc = &emit_json_script, .compact = true };
	buf_puts(b, "jobcSearch.meta(");
	emit_json_open(&w, '{');
	emit_json_key(&w, "docs");
	emit_json_size(&w, root->n_sheets);
	emit_json_key(&w, "docShard");
	emit_json_size(&w, HTML_SEARCH_DOCS);
	emit_json_key(&w, "shards");
	emit_json_open(&w, '[');
	for (size_t s = 0; s < shards->n; s++) {
		const struct html_term *t = &x->terms[x->order[shards->part[s].first]];
		emit_json_string(&w, x->text.data + t->text, t->len);
	}
	emit_json_close(&w, ']');
	html_words_rules(&w);
	html_search_labels(&w, root);
	emit_json_close(&w, '}');
	return html_search_end(out, b);
}

int html_stage_search(const struct html_site *site, struct out_set *out)
{
	struct html_index x;
	struct html_parts shards = { 0 };
	if (html_index_build(&x, site->root) != 0)
		return -1;
	int rc = html_term_shards(&x, &shards) == 0 && html_stage_meta(site->root, &x, &shards, out) == 0 &&
		 html_stage_terms(&x, &shards, out) == 0 && html_stage_docs(site->root, out) == 0
		 ? 0 : -1;
	mem_free(shards.part);
	html_index_free(&x);
	return rc;
}
