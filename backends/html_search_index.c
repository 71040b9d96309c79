/*
 * html_search_index.c - the inverted index of the site's search: every
 * word of the sheets' code, title, other titles, mission, activities and
 * knowledge, with the sheets it is found in and where (html_search.h).
 *
 * Words go into a hash table as they come, sheet after sheet, so each
 * word's postings are made in sheet order and a second sighting in the
 * same sheet only adds where it was seen. At the end the words are sorted
 * by their bytes and their postings gathered word by word (a counting
 * sort, stable): nothing depends on the hash but speed.
 */
#include <stdlib.h>
#include <string.h>

#include "html_search.h"
#include "mem.h"

static uint32_t html_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Doubles the hash table. */
static int html_index_rehash(struct html_index *x)
{
	size_t n = x->n_slots ? 2 * x->n_slots : 1024;
	uint32_t *slots = mem_alloc(n * sizeof *slots);
	if (!slots)
		return -1;
	memset(slots, 0, n * sizeof *slots);
	for (size_t t = 0; t < x->n_terms; t++) {
		size_t i = html_hash(x->text.data + x->terms[t].text, x->terms[t].len) & (n - 1);
		while (slots[i])
			i = (i + 1) & (n - 1);
		slots[i] = (uint32_t)(t + 1);
	}
	mem_free(x->slots);
	x->slots = slots;
	x->n_slots = n;
	return 0;
}

/* The term of word s[0..n), added if new; SIZE_MAX without memory. */
static size_t html_index_term(struct html_index *x, const char *s, size_t n)
{
	if (2 * (x->n_terms + 1) > x->n_slots && html_index_rehash(x) != 0)
		return SIZE_MAX;
	size_t i = html_hash(s, n) & (x->n_slots - 1);
	for (; x->slots[i]; i = (i + 1) & (x->n_slots - 1)) {
		const struct html_term *t = &x->terms[x->slots[i] - 1];
		if (t->len == n && memcmp(x->text.data + t->text, s, n) == 0)
			return x->slots[i] - 1;
	}
	struct html_term *grown = mem_grow(x->terms, &x->cap_terms, x->n_terms, sizeof *x->terms);
	if (!grown || x->n_terms >= UINT32_MAX - 1)
		return SIZE_MAX;
	x->terms = grown;
	x->terms[x->n_terms] = (struct html_term){ x->text.len, n, 0, 0, 0, SIZE_MAX };
	buf_put(&x->text, s, n);
	if (x->text.failed)
		return SIZE_MAX;
	x->slots[i] = (uint32_t)(x->n_terms + 1);
	return x->n_terms++;
}

/* Sheet doc holds word s[0..n) in the field where. */
static int html_index_add(struct html_index *x, const char *s, size_t n, size_t doc,
			  unsigned where)
{
	size_t t = html_index_term(x, s, n);
	if (t == SIZE_MAX)
		return -1;
	struct html_term *term = &x->terms[t];
	if (term->last_doc == doc) {
		x->postings[term->last] |= where;
		return 0;
	}
	uint64_t *grown = mem_grow(x->postings, &x->cap_postings, x->n_postings, sizeof *x->postings);
	if (!grown)
		return -1;
	x->postings = grown;
	x->postings[x->n_postings] = (uint64_t)t << 32 | (uint64_t)doc << HTML_IN_BITS | where;
	term->last = x->n_postings++;
	term->last_doc = doc;
	term->count++;
	return 0;
}

/* Every word of text, found in sheet doc in the field where. */
static int html_index_text(struct html_index *x, struct buf *word, const char *text, size_t doc,
			   unsigned where)
{
	struct html_words w = { text, text ? strlen(text) : 0, 0 };
	while (html_words_next(&w, word))
		if (html_index_add(x, word->data, word->len, doc, where) != 0)
			return -1;
	return word->failed ? -1 : 0;
}

static int html_index_prose(struct html_index *x, struct buf *word, const struct ast_prose_list *l,
			    size_t doc, unsigned where)
{
	int rc = 0;
	for (const struct ast_prose *p = l->first; p && rc == 0; p = p->next) {
		rc = html_index_text(x, word, p->text.text, doc, where);
		for (const struct ast_str *it = p->items.first; it && rc == 0; it = it->next)
			rc = html_index_text(x, word, it->text, doc, where);
	}
	return rc;
}

static int html_index_activities(struct html_index *x, struct buf *word,
				 const struct ast_activities *a, size_t doc)
{
	int rc = html_index_prose(x, word, &a->intro, doc, HTML_IN_TASKS);
	for (const struct ast_group *g = a->groups.first; g && rc == 0; g = g->next) {
		rc = html_index_text(x, word, g->title.text, doc, HTML_IN_TASKS) ||
		     html_index_text(x, word, g->intro.text, doc, HTML_IN_TASKS);
		for (const struct ast_task *t = g->tasks.first; t && rc == 0; t = t->next) {
			rc = html_index_text(x, word, t->text.text, doc, HTML_IN_TASKS);
			for (const struct ast_str *it = t->subitems.first; it && rc == 0; it = it->next)
				rc = html_index_text(x, word, it->text, doc, HTML_IN_TASKS);
		}
	}
	return rc ? -1 : 0;
}

static int html_index_sheet(struct html_index *x, struct buf *word, const struct ast_sheet *s)
{
	size_t doc = s->index;
	int rc = html_index_text(x, word, s->code.text, doc, HTML_IN_CODE) ||
		 html_index_text(x, word, s->title.text, doc, HTML_IN_TITLE) ||
		 html_index_prose(x, word, &s->mission.prose, doc, HTML_IN_MISSION) ||
		 html_index_activities(x, word, &s->activities, doc);
	for (const struct ast_str *a = s->aka.first; a && rc == 0; a = a->next)
		rc = html_index_text(x, word, a->text, doc, HTML_IN_AKA);
	for (const struct ast_knowledge *k = s->knowledge.first; k && rc == 0; k = k->next)
		for (const struct ast_item *it = k->items.first; it && rc == 0; it = it->next)
			rc = html_index_text(x, word, it->text.text, doc, HTML_IN_KNOWLEDGE);
	return rc ? -1 : 0;
}

/* A term to sort: its bytes, and which it is. */
struct html_term_ref {
	const char *s;
	size_t len, term;
};

/* Bytes, then length: a word before the longer words it starts. */
static int html_term_compare(const void *pa, const void *pb)
{
	const struct html_term_ref *a = pa, *b = pb;
	int d = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
	return d ? d : (a->len > b->len) - (a->len < b->len);
}

/* The terms in byte order, and each one's postings together (stable, so
 * in sheet order); the postings as found are freed. */
static int html_index_sort(struct html_index *x)
{
	struct html_term_ref *refs = mem_alloc((x->n_terms + 1) * sizeof *refs);
	x->order = mem_alloc((x->n_terms + 1) * sizeof *x->order);
	x->sorted = mem_alloc((x->n_postings + 1) * sizeof *x->sorted);
	if (!refs || !x->order || !x->sorted) {
		mem_free(refs);
		return -1;
	}
	for (size_t t = 0; t < x->n_terms; t++)
		refs[t] = (struct html_term_ref){ x->text.data + x->terms[t].text, x->terms[t].len, t };
	qsort(refs, x->n_terms, sizeof *refs, html_term_compare);
	size_t at = 0;
	for (size_t i = 0; i < x->n_terms; i++) {
		struct html_term *t = &x->terms[x->order[i] = refs[i].term];
		t->first = t->last = at;
		at += t->count;
	}
	mem_free(refs);
	for (size_t i = 0; i < x->n_postings; i++)
		x->sorted[x->terms[x->postings[i] >> 32].last++] = (uint32_t)x->postings[i];
	mem_free(x->postings);
	x->postings = NULL;
	return 0;
}

int html_index_build(struct html_index *x, const struct ast_root *root)
{
	*x = (struct html_index){ 0 };
	buf_init(&x->text);
	if (root->n_sheets > (UINT32_MAX >> HTML_IN_BITS))
		return -1;
	struct buf word;
	buf_init(&word);
	int rc = 0;
	for (size_t i = 0; i < root->n_sheets && rc == 0; i++)
		rc = html_index_sheet(x, &word, root->sheets[i]);
	buf_free(&word);
	if (rc != 0 || x->text.failed || html_index_sort(x) != 0) {
		html_index_free(x);
		return -1;
	}
	return 0;
}

void html_index_free(struct html_index *x)
{
	buf_free(&x->text);
	mem_free(x->terms);
	mem_free(x->slots);
	mem_free(x->postings);
	mem_free(x->order);
	mem_free(x->sorted);
	*x = (struct html_index){ 0 };
}
