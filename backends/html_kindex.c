/*
 * html_kindex.c - the knowledge index: every knowledge item of every sheet,
 * sorted so that the same text in the same category comes together.
 *
 * knowledge.html lists the groups; each sheet page links its items to their
 * group there ("which other positions ask for this?"). The order is total
 * (down to the item's line), so the output never depends on qsort.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "mem.h"

static int html_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Alphabetical for a reader: ASCII case ignored first, then bytes decide
 * (the first byte that differs, as strcmp would), in one pass.
 */
static int html_text_compare(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	int bytes = 0;
	for (;; x++, y++) {
		int d = html_ascii_lower(*x) - html_ascii_lower(*y);
		if (d)
			return d;
		if (!bytes)
			bytes = *x - *y;
		if (!*x)
			return bytes;
	}
}

/*
 * The first bytes of a text, case ignored as html_text_compare does, as
 * numbers that compare like them (zeros past the end): most comparisons of
 * the sort end there, without reading the texts, which lie all over memory.
 */
static void html_text_prefix(const char *text, uint64_t prefix[HTML_KENTRY_PREFIX])
{
	for (size_t w = 0; w < HTML_KENTRY_PREFIX; w++) {
		prefix[w] = 0;
		for (size_t i = 0; i < sizeof prefix[w]; i++) {
			prefix[w] = prefix[w] << 8 | (uint64_t)html_ascii_lower((unsigned char)*text);
			text += *text != '\0';
		}
	}
}

/* The group key: category and text. */
static int html_kentry_key_compare(const struct html_kentry *a, const struct html_kentry *b)
{
	if (a->cat_rank != b->cat_rank)
		return a->cat_rank < b->cat_rank ? -1 : 1;
	for (size_t w = 0; w < HTML_KENTRY_PREFIX; w++)
		if (a->prefix[w] != b->prefix[w])
			return a->prefix[w] < b->prefix[w] ? -1 : 1;
	return html_text_compare(a->item->text.text, b->item->text.text);
}

static int html_kentry_compare(const void *pa, const void *pb)
{
	const struct html_kentry *a = pa, *b = pb;
	int d = html_kentry_key_compare(a, b);
	if (d == 0)
		d = ast_code_compare(a->sheet->code.text, b->sheet->code.text);
	/* The same sheet, so the same file: source order. */
	if (d == 0)
		d = (a->item->loc.offset > b->item->loc.offset) - (a->item->loc.offset < b->item->loc.offset);
	return d;
}

/* The entry of an item; its group is set once the entries are sorted. */
static struct html_kentry html_kentry_of(const struct ast_item *item, const struct ast_sheet *sheet,
					 const struct ast_knowledge *block, size_t cat_rank, size_t nth)
{
	struct html_kentry e = { item, sheet, block, cat_rank, 0, nth, { 0 } };
	html_text_prefix(item->text.text, e.prefix);
	return e;
}

static size_t html_kindex_count(const struct ast_root *root)
{
	size_t n = 0;
	for (size_t i = 0; i < root->n_sheets; i++)
		for (const struct ast_knowledge *k = root->sheets[i]->knowledge.first; k; k = k->next)
			n += k->items.count;
	return n;
}

/* The entries in source order, with where each sheet's items start. */
static void html_kindex_fill(struct html_kindex *k, const struct ast_root *root)
{
	size_t n = 0;
	for (size_t i = 0; i < root->n_sheets; i++) {
		const struct ast_sheet *s = root->sheets[i];
		k->sheet_first[i] = n;
		for (const struct ast_knowledge *blk = s->knowledge.first; blk; blk = blk->next) {
			size_t rank = blk->category_decl->index;
			for (const struct ast_item *it = blk->items.first; it; it = it->next, n++)
				k->entries[n] = html_kentry_of(it, s, blk, rank, n);
		}
	}
}

/* Numbers the groups of the sorted entries and files each under its item. */
static void html_kindex_number(struct html_kindex *k)
{
	for (size_t i = 0; i < k->n; i++) {
		if (i > 0 && html_kentry_key_compare(&k->entries[i - 1], &k->entries[i]) != 0)
			k->n_groups++;
		k->entries[i].group = k->n_groups;
		k->groups[k->entries[i].nth] = k->n_groups;
	}
	k->n_groups++;
}

int html_kindex_build(struct html_kindex *k, const struct ast_root *root)
{
	*k = (struct html_kindex){ .n = html_kindex_count(root) };
	if (k->n == 0)
		return 0;
	k->entries = mem_alloc(k->n * sizeof *k->entries);
	k->groups = mem_alloc(k->n * sizeof *k->groups);
	k->sheet_first = mem_alloc(root->n_sheets * sizeof *k->sheet_first);
	if (!k->entries || !k->groups || !k->sheet_first) {
		html_kindex_free(k);
		return -1;
	}
	html_kindex_fill(k, root);
	qsort(k->entries, k->n, sizeof *k->entries, html_kentry_compare);
	html_kindex_number(k);
	return 0;
}

void html_kindex_free(struct html_kindex *k)
{
	mem_free(k->entries);
	mem_free(k->groups);
	mem_free(k->sheet_first);
	*k = (struct html_kindex){ 0 };
}

const size_t *html_kindex_sheet_groups(const struct html_kindex *k, size_t sheet)
{
	return k->groups ? k->groups + k->sheet_first[sheet] : NULL;
}
