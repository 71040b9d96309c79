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
#include <stdint.h>
#include <stdio.h>

#include "loc.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

/*
 * What a diagnostic is about: the rule of a SARIF log, the code of an LSP
 * message. Errors are told apart by the stage that finds them; every
 * warning has a name of its own, shown as [-WNAME] and given to -Wno-NAME,
 * -Werror=NAME and `# jobc: expect NAME` (diag_codes.c lists them).
 */
enum diag_code {
	DIAG_NOTE_CODE,                 /* a note: its error's or warning's */
	DIAG_E_DRIVER,                  /* the command line, files, output */
	DIAG_E_SYNTAX,                  /* the scanner and the parser */
	DIAG_E_CHECK,                   /* the validator */
	DIAG_W_FIRST,
	DIAG_W_EMPTY_SECTION = DIAG_W_FIRST,
	DIAG_W_EMPTY_LIST,
	DIAG_W_EMPTY_GROUP,
	DIAG_W_REPEATED_ITEM,
	DIAG_W_PREVIOUS_TITLE,
	DIAG_W_RETIRED_REPLACED,
	DIAG_W_UNMET_EXPECTATION,
	DIAG_W_NUMBERED_GROUP,
	DIAG_CODE_COUNT
};

struct diag_code_info {
	const char *name;               /* "empty-section", "syntax" */
	const char *summary;            /* one line, for --help and SARIF */
};

extern const struct diag_code_info diag_codes[DIAG_CODE_COUNT];

/* The warning called name, or DIAG_NOTE_CODE if there is none. */
enum diag_code diag_warning_named(const char *name);

/* What the command line makes of a warning (-Wno-, -Werror=, -Wno-error=). */
enum diag_action {
	DIAG_WARN = 0,                  /* as the run says (-Werror or not) */
	DIAG_IGNORE,                    /* -Wno-NAME */
	DIAG_AS_ERROR,                  /* -Werror=NAME */
	DIAG_NEVER_ERROR                /* -Wno-error=NAME: a warning even under -Werror */
};

struct diag_record {
	struct diag_record *next;
	enum diag_severity severity;
	enum diag_code code;
	bool promoted;          /* a warning made an error by -Werror=NAME */
	bool fix;               /* a fix-it of the error or warning before it:
				 * write message in place of loc's span (a note
				 * the text renderer leaves out: the message or
				 * a note beside it says the same) */
	bool insert;            /* a fix-it whose span is empty: the message
				 * goes in before the byte loc.offset */
	bool hidden;            /* expected, or silenced: not shown, not counted */
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
	bool color;             /* text with GCC's colours (--color) */

	unsigned char action[DIAG_CODE_COUNT];  /* enum diag_action, per warning */
	enum diag_code stage;           /* the code of the errors made now */

	unsigned errors, warnings;      /* made so far (diag_settle recounts) */
	unsigned exempt;                /* warnings -Wno-error=NAME keeps from
					 * failing the run under -Werror */
	struct diag_record *first, *last;
	struct diag_expect *expects, *expects_last;  /* `# jobc: expect`, in order */
	struct diag_record *printed;    /* the last record diag_print printed */
	struct diag_filter {            /* diag_print's progress (diag_filter) */
		unsigned errors;        /* errors come to */
		bool muted;             /* the last error or warning is left
					 * out: its notes go too */
		bool stopped;           /* past max_errors: nothing more */
	} filter;
	bool lost;                      /* a record could not be kept (memory) */
};

void diag_init(struct diag *d, FILE *out);
/* Frees the records. */
void diag_free(struct diag *d);
/* Frees the records and expectations and zeroes the counts, keeping the
 * settings: the same options for another run (jobc --watch rebuilds). */
void diag_clear(struct diag *d);

/* A NULL loc names the program (see struct diag_record). */
void diag_error(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag *d, enum diag_code code, const struct loc *loc,
		  const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A note belongs to the diagnostic just given; it is not counted. */
void diag_note(struct diag *d, const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * A `# jobc: expect NAME` comment at loc: the warning NAME is known and
 * intended on the line of loc's file that holds the bytes [line_start,
 * line_end) (the construct written there). Returns the new expectation,
 * last of d's, or NULL if memory ran out.
 */
struct diag_expect {
	struct diag_expect *next;
	enum diag_code code;
	struct loc loc;                 /* the name in the comment */
	uint32_t line_start, line_end;  /* the line it covers, in loc.file */
	bool met;
};
struct diag_expect *diag_expect(struct diag *d, enum diag_code code, const struct loc *loc,
				uint32_t line_start, uint32_t line_end);

/*
 * Once every check has run: hides the warnings an expectation covers and
 * those -Wno-NAME silences (with their notes), makes -Werror=NAME ones
 * errors, warns about each expectation no warning met (unless the run has
 * errors, which stop some checks), and recounts errors and warnings.
 */
void diag_settle(struct diag *d);

/*
 * A fix-it for the diagnostic just given: text written in place of the
 * characters of span ("" deletes them). The renderers for programs give it
 * (JSON fixits, SARIF fixes); the text renderer does not, so the message or
 * a note says what it does.
 */
void diag_fix_it(struct diag *d, const struct loc *span, const char *text);

/* A fix-it that inserts text before the byte `at` of file: its span is
 * empty (an insertion point). */
void diag_fix_insert(struct diag *d, const struct src_file *file, uint32_t at,
		     const char *text);

/*
 * The suggestion of a likely misspelling, for the diagnostic just given: a
 * note "did you mean 'hint'?" at note_at (where hint is declared, or the
 * word itself), and a fix-it writing hint in place of the span `word`.
 */
void diag_did_you_mean(struct diag *d, const struct loc *note_at, const struct loc *word,
		       const char *hint);

/*
 * Where the records stand: diag_rewind(d, mark, NULL) forgets every record
 * and expectation made since, with its counts, and diag_rewind(d, mark,
 * from) those of them that point at or after from in its file (a record's
 * notes go with it). For text read again: by parse_run, which reads a file
 * with an error again with the token filter's mending, and by the filter,
 * which reads some text again in another way (a string whose quote was
 * left out) and so finds that what the scanner said of it was no news.
 */
struct diag_mark {
	struct diag_record *last;
	struct diag_expect *expects_last;
	unsigned errors, warnings;
	bool lost;
};
static inline struct diag_mark diag_mark(const struct diag *d)
{
	return (struct diag_mark){ d->last, d->expects_last, d->errors, d->warnings, d->lost };
}
void diag_rewind(struct diag *d, struct diag_mark mark, const struct loc *from);

/*
 * Puts the records made since mark in the order of the places they point
 * at, each error or warning with its notes; records at one place, and
 * those with no place, keep their order. For the reading of one file,
 * which finds some mistakes after others that stand before them (a line
 * is scanned whole before it is parsed; a token left out at the end of a
 * line is reported there, once the next line is read).
 */
void diag_sort_since(struct diag *d, struct diag_mark mark);

/* Moves every record and expectation of src to the end of d, with its counts. */
void diag_take(struct diag *d, struct diag *src);

/*
 * Appends copies of src's records and expectations to d, with its counts;
 * src is left as it was (a file parsed once and checked in many runs).
 * Returns 0, or -1 if memory ran out (d->lost is then set).
 */
int diag_copy(struct diag *d, const struct diag *src);

/* True once the run has failed: an error, a warning under -Werror, or a
 * record lost for want of memory. */
bool diag_failed(const struct diag *d);

/* True once max_errors errors have been made: the scanner stops reading
 * a file there, for the rest would only add noise. */
bool diag_too_many(const struct diag *d);

/*
 * What every renderer shows of the records, taken in order: not the hidden
 * ones (expected, -Wno-NAME), no warning under -q, and no note of a record
 * left out; errors up to d->max_errors, then DIAG_STOP once (the renderer
 * says it stopped) and DIAG_SKIP for everything after. f starts zeroed.
 */
enum diag_show { DIAG_SHOW, DIAG_SKIP, DIAG_STOP };
enum diag_show diag_filter(struct diag_filter *f, const struct diag *d,
			   const struct diag_record *r);

/* True if a renderer would show any record of d (diag_filter). */
bool diag_shows_any(const struct diag *d);

/*
 * Where a record points, for the renderers: the file's name (NULL for the
 * program), and, if its text can be had, the first line and column and the
 * line and column just past the last character (1-based, columns in code
 * points; the same as the first for an insertion point); line 0 when the
 * record names the file only.
 */
struct diag_span {
	const char *file;
	int line, col, end_line, end_col;
};
struct diag_span diag_span_of(const struct diag_record *r);

/*
 * Prints the records made since the last call, GNU style, to d->out
 * (diag_text.c): warnings and their notes not under -q, errors up to
 * max_errors, then "jobc: error: too many errors, stopping after N" once and
 * nothing more.
 */
void diag_print(struct diag *d);

#endif
