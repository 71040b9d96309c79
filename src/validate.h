/*
 * validate.h - the checks on a whole run, and the resolution of names.
 *
 * Runs once every file is parsed: it sees all declarations and sheets
 * together, reports every problem it finds (docs/LANGUAGE.md lists them),
 * and fills the "resolved" fields of ast.h that backends rely on.
 */
#ifndef JOBC_VALIDATE_H
#define JOBC_VALIDATE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Returns 0, or -1 if memory ran out (the result is then incomplete). A
 * root may be validated again after its lists changed: what the last
 * validation resolved is cleared first. */
int validate_run(struct ast_root *root, struct arena *arena, struct diag *d);

#endif
