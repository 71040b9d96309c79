/*
 * diag_render.h - the renderers of diagnostic records for programs: JSON
 * (diag_json.c), SARIF 2.1.0 (diag_sarif.c) and GitHub Actions workflow
 * commands (diag_github.c). The text for people is diag_print (diag.h).
 *
 * Each writes the records of a settled diag (diag_settle) that diag_filter
 * shows into a buffer, which the caller writes to standard error. They
 * share the emitter kit's escapers and JSON writer (src/emit.h).
 */
#ifndef JOBC_DIAG_RENDER_H
#define JOBC_DIAG_RENDER_H

#include "buf.h"
#include "diag.h"
#include "emit.h"

void diag_render_json(const struct diag *d, struct buf *b);
void diag_render_sarif(const struct diag *d, struct buf *b);
void diag_render_github(const struct diag *d, struct buf *b);

/* "error", "warning" or "note" as the record is shown (-Werror=NAME
 * makes a warning an error). */
const char *diag_render_kind(const struct diag_record *r);

/* A file name as a JSON string: names come from the command line and may
 * not be UTF-8, so a byte that is not is written as U+FFFD. */
void diag_render_json_name(struct emit_json *w, const char *name);

#endif
