/*
 * diag.h - diagnostics as records.
 *
 * Every error, warning and note of a run is a struct diag_record, kept in
 * a struct diag in the order it was made; nothing is printed when it is
 * made. A renderer turns the records into text at the end of the run:
 * diag_text.c prints them GNU style,
 *
 *   sheets/x.jobsheet:12:5: error: unknown level 'X'
 *      12 |     X "Network software and hardware."
 *         |     ^
 *   sheets/catalogue.jobsheet:14:1: note: the scale is declared here
 *
 * and the other renderers (diag_json.c, ...) read the same records. Work
 * done apart (a file parsed on another thread, a backend) makes its own
 * struct diag, and the run takes its records in order (diag_take), so the
 * order of the diagnostics never depends on the threads.
 *
 * A note belongs to the error or warning made just before it. Messages
 * are lower case, names quoted, no trailing period.
 */
#ifndef JOBC_DIAG_H
#define JOBC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "loc.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag_record {
	struct diag_record *next;
	enum diag_severity severity;
	/*
	 * Where: a loc whose file has text names a line and column; a loc
	 * with no text names the file only ("file: error: ..."); no loc at
	 * all (has_loc false) names the program ("jobc: error: ...").
	 */
	bool has_loc;
	struct loc loc;
	char message[];         /* cut to DIAG_MESSAGE_MAX bytes (then "...") */
};

/* Longest message kept, in bytes: names and titles quoted in it are cut. */
#define DIAG_MESSAGE_MAX 400

struct diag {
	/* settings, read by the renderers */
	FILE *out;              /* where the text renderer prints (stderr) */
	bool werror;            /* warnings fail the run (-Werror) */
	bool quiet;             /* do not print warnings (-q) */
	unsigned max_errors;    /* print this many errors, then stop; 0: no limit */

	unsigned errors, warnings;      /* made so far */
	struct diag_record *first, *last;
	struct diag_record *printed;    /* the last record diag_print printed */
	unsigned shown_errors;          /* errors diag_print has come to */
	bool stopped;                   /* diag_print said "too many errors" */
	bool muted;                     /* diag_print left out the last error or
					 * warning: its notes go too */
	bool lost;                      /* a record could not be kept (memory) */
};

void diag_init(struct diag *d, FILE *out);
/* Frees the records. */
void diag_free(struct diag *d);

/* A NULL loc names the program (see struct diag_record). */
void diag_error(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A note belongs to the diagnostic just given; it is not counted. */
void diag_note(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Moves every record of src to the end of d, with its counts. */
void diag_take(struct diag *d, struct diag *src);

/* True once the run has failed: an error, a warning under -Werror, or a
 * record lost for want of memory. */
bool diag_failed(const struct diag *d);

/* True once max_errors errors have been made: the scanner stops reading
 * a file there, for the rest would only add noise. */
bool diag_too_many(const struct diag *d);

/*
 * Prints the records made since the last call, GNU style, to d->out
 * (diag_text.c): warnings and their notes not under -q, errors up to
 * max_errors, then "jobc: error: too many errors, stopping" once and
 * nothing more.
 */
void diag_print(struct diag *d);

#endif
