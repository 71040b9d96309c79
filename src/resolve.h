/*
 * resolve.h - the resolved model backends read (ast.h): the root's arrays
 * (families by number, categories as declared, levels lowest first, sheets
 * and retired positions by code), the index of every family, category,
 * level and sheet in its array, each family's sheets, and the lineage from
 * the previous edition's codes (every `replaces` and `retired`), every
 * `replaces` linked to its entry.
 *
 * The last step of validation (validate.c), after the names are resolved:
 * it reports what only shows once the lineage is gathered (a previous
 * position named two ways, replaced twice by one sheet, or both retired and
 * replaced).
 */
#ifndef JOBC_RESOLVE_H
#define JOBC_RESOLVE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Returns 0, or -1 if memory ran out. */
int resolve_run(struct ast_root *root, struct arena *arena, struct diag *d);

#endif
