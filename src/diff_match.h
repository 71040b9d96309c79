/*
 * diff_match.h - pairing the items of two editions by their text.
 *
 * Items are matched in three rounds, each taking only what the rounds
 * before left unpaired:
 *   1. the same text in the same place (a group, a knowledge block);
 *   2. the same text anywhere: the item moved;
 *   3. texts close enough: the item was reworded. Two texts are close when
 *      the edit distance between them (Levenshtein, over their bytes, case
 *      ignored) is at most 40% of the longer one's length; the closest
 *      pairs are taken first, ties in the order of the old edition.
 * Texts are compared as the compiler reads them, white space folded, so
 * a re-wrapped string is the same string. Items of different kinds (an
 * education line and an experience line) never pair. Texts over 4096
 * bytes pair only when they are equal.
 */
#ifndef JOBC_DIFF_MATCH_H
#define JOBC_DIFF_MATCH_H

#include <stddef.h>

/* One item to pair. */
struct diff_entry {
	const char *text;
	int kind;               /* only entries of the same kind pair */
	const void *place;      /* its container, as one identity on both sides
				 * (the new group an old group became...) */
};

/* The most an entry's text may differ from its match, in percent. */
enum { DIFF_MATCH_MAX_EDIT = 40 };

/*
 * Pairs a[0..na) with b[0..nb): to_b[i] is the index in b of a[i]'s match,
 * or -1; to_a the other way. Returns 0, or -1 if memory ran out.
 */
int diff_match(const struct diff_entry *a, size_t na, const struct diff_entry *b, size_t nb,
	       long *to_b, long *to_a);

#endif
