/* diff_match.c - pairing items by their text (see diff_match.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diff_match.h"
#include "mem.h"

/* Texts longer than this pair only when equal: the distance would cost
 * the product of the lengths. */
enum { DIFF_MATCH_LONGEST = 4096 };

/* A pair of close texts, for round 3. */
struct diff_pair {
	size_t score;           /* the distance in thousandths of the longer text */
	size_t i, j;
};

static unsigned char diff_fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 'a' - 'A') : (unsigned char)c;
}

/*
 * The edit distance between a[0..n) and b[0..m), case ignored, or limit + 1
 * as soon as it is known to be more than limit. row holds m + 1 entries.
 */
static size_t diff_distance(const char *a, size_t n, const char *b, size_t m, size_t limit,
			    size_t *row)
{
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diagonal = row[0], least = row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diagonal + (diff_fold(a[i - 1]) != diff_fold(b[j - 1]));
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = up;
			if (best < least)
				least = best;
		}
		if (least > limit)
			return limit + 1;
	}
	return row[m];
}

static int diff_pair_order(const void *x, const void *y)
{
	const struct diff_pair *p = x, *q = y;
	if (p->score != q->score)
		return p->score < q->score ? -1 : 1;
	if (p->i != q->i)
		return p->i < q->i ? -1 : 1;
	return p->j < q->j ? -1 : p->j > q->j;
}

/* Rounds 1 and 2: equal texts, in the same place first. */
static void diff_match_equal(const struct diff_entry *a, size_t na, const struct diff_entry *b,
			     size_t nb, long *to_b, long *to_a, bool same_place)
{
	for (size_t i = 0; i < na; i++) {
		for (size_t j = 0; to_b[i] < 0 && j < nb; j++) {
			if (to_a[j] >= 0 || a[i].kind != b[j].kind ||
			    (same_place && a[i].place != b[j].place) || strcmp(a[i].text, b[j].text) != 0)
				continue;
			to_b[i] = (long)j;
			to_a[j] = (long)i;
		}
	}
}

/* Round 3: the closest pairs of what is left, first. */
static int diff_match_close(const struct diff_entry *a, size_t na, const struct diff_entry *b,
			    size_t nb, long *to_b, long *to_a)
{
	size_t left_a = 0, left_b = 0;
	for (size_t i = 0; i < na; i++)
		left_a += to_b[i] < 0;
	for (size_t j = 0; j < nb; j++)
		left_b += to_a[j] < 0;
	if (left_a == 0 || left_b == 0)
		return 0;
	struct diff_pair *pairs = mem_alloc(left_a * left_b * sizeof *pairs);
	size_t *row = mem_alloc((DIFF_MATCH_LONGEST + 1) * sizeof *row);
	if (!pairs || !row) {
		mem_free(pairs);
		mem_free(row);
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < na; i++) {
		size_t la = strlen(a[i].text);
		for (size_t j = 0; to_b[i] < 0 && la <= DIFF_MATCH_LONGEST && j < nb; j++) {
			size_t lb = strlen(b[j].text);
			if (to_a[j] >= 0 || a[i].kind != b[j].kind || lb > DIFF_MATCH_LONGEST)
				continue;
			size_t longer = la > lb ? la : lb;
			size_t limit = longer * DIFF_MATCH_MAX_EDIT / 100;
			size_t dist = diff_distance(a[i].text, la, b[j].text, lb, limit, row);
			if (dist <= limit)
				pairs[n++] = (struct diff_pair){ dist * 1000 / longer, i, j };
		}
	}
	qsort(pairs, n, sizeof *pairs, diff_pair_order);
	for (size_t k = 0; k < n; k++) {
		if (to_b[pairs[k].i] < 0 && to_a[pairs[k].j] < 0) {
			to_b[pairs[k].i] = (long)pairs[k].j;
			to_a[pairs[k].j] = (long)pairs[k].i;
		}
	}
	mem_free(pairs);
	mem_free(row);
	return 0;
}

int diff_match(const struct diff_entry *a, size_t na, const struct diff_entry *b, size_t nb,
	       long *to_b, long *to_a)
{
	for (size_t i = 0; i < na; i++)
		to_b[i] = -1;
	for (size_t j = 0; j < nb; j++)
		to_a[j] = -1;
	diff_match_equal(a, na, b, nb, to_b, to_a, true);
	diff_match_equal(a, na, b, nb, to_b, to_a, false);
	return diff_match_close(a, na, b, nb, to_b, to_a);
}
