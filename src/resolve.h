/*
 * resolve.h - the orders and tables backends read: sheets sorted by code,
 * families sorted by number with their sheets, retired positions relinked
 * in code order, and the lineage from the
 * previous edition's codes (every `replaces` and `retired`).
 *
 * The last step of validation (validate.c): it reports what only shows once
 * the lineage is gathered (a previous position named two ways, replaced
 * twice by one sheet, or both retired and replaced).
 */
#ifndef JOBC_RESOLVE_H
#define JOBC_RESOLVE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Returns 0, or -1 if memory ran out. */
int resolve_run(struct ast_root *root, struct arena *arena, struct diag *d);

#endif
