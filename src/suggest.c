/* suggest.c - nearest-name suggestions (see suggest.h). */
#include <ctype.h>
#include <string.h>

#include "suggest.h"

/* Names longer than this are not compared: no one misspells a paragraph. */
#define SUGGEST_MAX_LEN 64

/* Optimal-string-alignment distance, in half edits (case change = 1, other = 2). */
static int suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int rows[3][SUGGEST_MAX_LEN + 1];
	int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = 2 * (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = 2 * (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int sub;
			if (a[i - 1] == b[j - 1])
				sub = 0;
			else if (tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]))
				sub = 1;
			else
				sub = 2;
			int best = prev[j - 1] + sub;
			if (prev[j] + 2 < best)
				best = prev[j] + 2;
			if (cur[j - 1] + 2 < best)
				best = cur[j - 1] + 2;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 2 < best)
				best = prev2[j - 2] + 2;
			cur[j] = best;
		}
		int *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

const char *suggest_closest(const char *word, const char *const *candidates, size_t n)
{
	size_t len = strlen(word);
	if (len == 0 || len > SUGGEST_MAX_LEN)
		return NULL;
	/* In half edits: one edit, more for longer words; a one-letter name
	 * only by its case ('k' for 'K'), as any letter is one edit from it. */
	int limit = len == 1 ? 1 : 2 * (int)(len / 3 > 1 ? len / 3 : 1);
	const char *best = NULL;
	int best_d = limit + 1;
	for (size_t i = 0; i < n; i++) {
		if (!candidates[i] || strlen(candidates[i]) > SUGGEST_MAX_LEN)
			continue;
		int d = suggest_distance(word, candidates[i]);
		if (d > 0 && d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}
