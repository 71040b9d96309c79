/*
 * check.h - what the parts of the C backend's test program share.
 *
 * tests/c/check.c parses catalogues with the front end and hands each AST
 * to the comparison compiled for it: tests/c/compare.c, built once per
 * generated catalogue with -DCAT_NAME=<its --c-prefix> (and CAT_MACRO, the
 * same upper-cased), so that one program links several catalogues at once.
 */
#ifndef C_CHECK_H
#define C_CHECK_H

#include <stddef.h>

#include "ast.h"

/* Reports a mismatch (printf-style) and counts it. */
void check_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Mismatches reported so far. */
unsigned check_failures(void);

/* True if the text t (NUL-terminated) holds exactly s[0..len); s NULL
 * stands for an absent text, which the tables hold as "". */
int check_same_text(const char *t, const char *s, size_t len);

/* The comparison of one generated catalogue with its AST. */
typedef void check_fn(const struct ast_root *root);

/*
 * A catalogue no .jobsheet can hold, built in memory (tests/c/bytes.c):
 * texts made of every byte from 1 to 255, trigraphs, non-ASCII before hex
 * digits, texts of 4095 and 5000 bytes; and no scale, category, family or
 * sheet, so that every table of its C output is empty.
 */
const struct ast_root *bytes_root(void);

/* From now on, allocation n (1, 2...) and all after it fail; 0: none
 * (tests/c/fail_mem.c). */
void fail_mem_arm(long n);

#endif
