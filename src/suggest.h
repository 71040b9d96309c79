/*
 * suggest.h - "did you mean ...?" for misspelt names.
 */
#ifndef JOBC_SUGGEST_H
#define JOBC_SUGGEST_H

#include <stddef.h>

/*
 * The candidate closest to word by edit distance (a change of letter case
 * counts as half an edit), or NULL if none is close enough to be a likely
 * misspelling (distance at most 1, or a third of the word's length).
 */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);

#endif
