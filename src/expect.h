/*
 * expect.h - `# jobc: expect NAME` comments: a warning known and intended.
 *
 *     # source: the "Useful" row of Behavioural Abilities is printed empty.
 *     # jobc: expect empty-section
 *     behavioural useful { }
 *
 * A comment that begins `jobc:` is a directive to jobc. `expect` names
 * one or more warnings (separated by commas or spaces) that the construct
 * on the next line that holds code is known to give, or, when code stands
 * before the comment on its own line, that this line gives. They are then
 * not shown; an expectation no such warning meets is a warning itself
 * [-Wunmet-expectation], so that they do not outlive what they excuse.
 */
#ifndef JOBC_EXPECT_H
#define JOBC_EXPECT_H

#include <stddef.h>

#include "parse.h"

/*
 * The scanner found a directive comment: text (len bytes, from the '#'
 * up to the end of its line or its first non-ASCII byte) at loc. Reports
 * a malformed one. Returns -1 if memory ran out.
 */
int expect_comment(struct parse_ctx *ctx, const char *text, size_t len, const struct loc *loc);

/* The scanner gives a token at loc: the expectations waiting for the next
 * line with code cover its line. */
void expect_place(struct parse_ctx *ctx, const struct loc *loc);

#endif
