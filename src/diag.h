/*
 * diag.h - the diagnostics sink.
 *
 * Every error and warning of a run goes through one struct diag, which
 * counts them and never exits. A diagnostic is printed GNU style:
 *
 *   sheets/x.jobsheet:12:5: error: unknown level 'X'
 *      12 |     X "Network software and hardware."
 *         |     ^
 *   sheets/catalogue.jobsheet:14:1: note: the scale is declared here
 *
 * followed by the source line and a caret (with ~ under the rest of the
 * token), and by `note:` lines that point at related places. Messages are
 * lower case, names quoted, no trailing period.
 */
#ifndef JOBC_DIAG_H
#define JOBC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "loc.h"

struct diag {
	FILE *out;              /* where diagnostics go (stderr) */
	bool werror;            /* warnings fail the run (-Werror) */
	bool quiet;             /* do not print warnings (-q) */
	unsigned max_errors;    /* stop printing after this many; 0: no limit */
	unsigned errors, warnings;
	bool muted;             /* the last diagnostic was not printed: nor are its notes */
};

void diag_init(struct diag *d, FILE *out);

/*
 * A loc with line 0 names the file only ("file: error: ..."); a NULL loc
 * names the program ("jobc: error: ...").
 */
void diag_error(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A note belongs to the diagnostic just given; it is not counted. */
void diag_note(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* True once the run has failed: an error, or a warning under -Werror. */
bool diag_failed(const struct diag *d);

/* True once max_errors errors have been reported: callers may stop early. */
bool diag_too_many(const struct diag *d);

#endif
