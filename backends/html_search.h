/*
 * html_search.h - the site's search index (html_search*.c): what the files
 * that build it and write it share, and the tests read.
 *
 * The index is written at build time into html/search/ as JavaScript files
 * that search.js loads with <script> elements, one at a time and only those
 * a query needs (fetch() does not work from file://):
 *     search/meta.js     the first word of each shard of words, the rules of
 *                        a word (html_words_rules), the labels
 *     search/t-N.js      a shard of words, in byte order: each word with its
 *                        postings, the sheets it is found in and where
 *     search/d-N.js      HTML_SEARCH_DOCS sheets each: code, title, other
 *                        titles, the start of the mission
 * docs/HTML.md describes the formats.
 */
#ifndef JOBC_HTML_SEARCH_H
#define JOBC_HTML_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "html.h"

/* ---- words (html_search_words.c) ---- */

/* Characters a word keeps. */
#define HTML_WORD_MAX 32

/* The words of s[0..n), from `at` (0 to start). */
struct html_words {
	const char *s;
	size_t n, at;
};

/* The next word, folded, into word (emptied first); false when none is left. */
bool html_words_next(struct html_words *w, struct buf *word);

/* The rules of a word as keys of an open JSON object, for search.js:
 * "maxWord", "sep" and "skip" (ranges of code points), "fold" (pairs). */
void html_words_rules(struct emit_json *j);

/* ---- the inverted index (html_search_index.c) ---- */

/* Where in a sheet a word is found: bits of a posting, in the order of
 * search.js's field labels, from the highest rank down to the lowest. */
enum {
	HTML_IN_CODE = 1,
	HTML_IN_TITLE = 2,
	HTML_IN_AKA = 4,
	HTML_IN_MISSION = 8,
	HTML_IN_TASKS = 16,
	HTML_IN_KNOWLEDGE = 32,
	HTML_IN_BITS = 6
};

struct html_term {
	size_t text, len;       /* its bytes in html_index.text */
	size_t count;           /* sheets it is found in */
	size_t first;           /* its postings in html_index.sorted, once built */
	size_t last;            /* its last posting so far in html_index.postings */
	size_t last_doc;        /* the sheet of that posting, SIZE_MAX before */
};

struct html_index {
	struct buf text;
	struct html_term *terms;
	size_t n_terms, cap_terms;
	uint32_t *slots;        /* the hash table: a term's index + 1, 0 free */
	size_t n_slots;
	uint64_t *postings;     /* as found: term << 32 | sheet << HTML_IN_BITS | where */
	size_t n_postings, cap_postings;
	size_t *order;          /* the terms in byte order */
	uint32_t *sorted;       /* the postings of order[0], then order[1]...:
				 * sheet << HTML_IN_BITS | where, by sheet */
};

/* The index of the sheets' texts. 0, or -1 if memory runs out (the index
 * is freed then). */
int html_index_build(struct html_index *x, const struct ast_root *root);
void html_index_free(struct html_index *x);

#endif
