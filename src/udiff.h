/*
 * udiff.h - a unified diff of two texts, line by line (jobc fmt --diff).
 *
 * The shortest edit script (Myers' O(ND) algorithm, in linear space), in
 * the format of `diff -u` with three lines of context, so that `patch -p0`
 * applies it. A last line without a newline is marked as diff marks it.
 */
#ifndef JOBC_UDIFF_H
#define JOBC_UDIFF_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends the diff from old[0..old_len) to new[0..new_len) to out, both
 * labelled `name` in the header; nothing if the texts are equal. Returns
 * 0, or -1 if memory ran out.
 */
int udiff(struct buf *out, const char *name, const char *old, size_t old_len,
	  const char *new, size_t new_len);

#endif
