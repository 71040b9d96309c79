/* diag.c - printing diagnostics (see diag.h). */
#include <stdarg.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

/* Longest stretch of a source line shown, in columns: a 2 MB line is cut. */
#define DIAG_LINE_WINDOW 120
/* Longest message, in bytes: names and titles quoted in it are cut. */
#define DIAG_MESSAGE_MAX 400

enum diag_kind { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

static const char *const diag_kind_name[] = { "error", "warning", "note" };

void diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->max_errors = 50;
}

/*
 * Characters that would not show as themselves on a terminal: controls
 * (C0, DEL, C1) and the bidirectional controls that reorder what follows
 * them. Shown as U+FFFD, each one column wide like any other character.
 */
static bool diag_unshowable(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x061C ||
	       cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Prints text (up to its NUL), each unshowable character as U+FFFD. */
static void diag_print_text(FILE *out, const char *p)
{
	const char *end = p + strlen(p);
	while (p < end) {
		uint32_t cp;
		size_t len = utf8_decode(p, (size_t)(end - p), &cp);
		if (len == 0 || diag_unshowable(cp))
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(p, 1, len, out);
		p += len ? len : 1;
	}
}

/*
 * Prints the columns [from, to) of the line starting at p (up to '\n' or
 * end), invalid bytes as U+FFFD; a tab stays a tab so the caret line,
 * built the same way, stays aligned.
 */
static void diag_print_columns(FILE *out, const char *p, const char *end, int from, int to,
			       bool carets, int caret_from, int caret_to)
{
	int col = 1;
	bool caret_done = false;
	while (p < end && *p != '\n' && col < to) {
		uint32_t cp;
		size_t len = utf8_decode(p, (size_t)(end - p), &cp);
		if (len == 1 && cp == '\r' && (p + 1 == end || p[1] == '\n'))
			break;
		if (col >= from) {
			if (carets)
				fputc(col < caret_from ? (cp == '\t' ? '\t' : ' ')
						       : col == caret_from ? '^' : '~', out);
			else if (len == 0 || (diag_unshowable(cp) && cp != '\t'))
				fputs("\xEF\xBF\xBD", out);
			else
				fwrite(p, 1, len, out);
		}
		caret_done = col >= caret_from;
		if (carets && col >= caret_to)
			break;
		p += len ? len : 1;
		col++;
	}
	/* A caret past the end of the line (at end of file, say). */
	if (carets && !caret_done)
		fputc('^', out);
}

static void diag_show_line(FILE *out, const struct loc *loc, struct loc_pos at)
{
	const struct src_file *f = loc->file;
	if (loc->offset > f->len)
		return;
	const char *start = f->text + loc_line_start(f, loc->offset);
	const char *end = f->text + f->len;
	/* The caret runs to the span's last character if it is on the same line. */
	int caret_to = at.col;
	if (loc->last > loc->offset && !loc_newline_between(f, loc->offset, loc->last))
		caret_to = at.col + utf8_columns(f->text + loc->offset, loc->last - loc->offset);
	int from = 1;
	if (at.col > DIAG_LINE_WINDOW - 20)
		from = at.col - 40;
	if (caret_to >= from + DIAG_LINE_WINDOW)
		caret_to = from + DIAG_LINE_WINDOW - 1;
	int to = from + DIAG_LINE_WINDOW;

	fprintf(out, "%6d | %s", at.line, from > 1 ? "..." : "");
	diag_print_columns(out, start, end, from, to, false, 0, 0);
	fprintf(out, "\n       | %s", from > 1 ? "   " : "");
	diag_print_columns(out, start, end, from, to, true, at.col, caret_to);
	fputc('\n', out);
}

__attribute__((format(printf, 4, 0)))
static void diag_emit(struct diag *d, enum diag_kind kind, const struct loc *loc,
		      const char *fmt, va_list ap)
{
	if (kind == DIAG_ERROR)
		d->errors++;
	else if (kind == DIAG_WARNING)
		d->warnings++;
	if (kind != DIAG_NOTE) {
		d->muted = kind == DIAG_WARNING && d->quiet;
		if (kind == DIAG_ERROR && d->max_errors && d->errors > d->max_errors) {
			if (d->errors == d->max_errors + 1)
				fprintf(d->out, "jobc: error: too many errors, stopping\n");
			d->muted = true;
		}
	}
	if (d->muted)
		return;
	struct loc_pos at = { 0, 0 };
	if (loc && loc_has_text(loc))
		at = loc_where(loc->file, loc->offset);
	if (!loc)
		fprintf(d->out, "jobc: ");
	else if (at.line == 0)
		fprintf(d->out, "%s: ", loc->file->name);
	else
		fprintf(d->out, "%s:%d:%d: ", loc->file->name, at.line, at.col);
	fprintf(d->out, "%s: ", diag_kind_name[kind]);
	/* Messages quote the input: cut them short, and show them safely. */
	char msg[DIAG_MESSAGE_MAX + 4];
	int n = vsnprintf(msg, DIAG_MESSAGE_MAX + 1, fmt, ap);
	if (n > DIAG_MESSAGE_MAX)
		strcpy(msg + DIAG_MESSAGE_MAX, "...");
	diag_print_text(d->out, msg);
	fputc('\n', d->out);
	if (at.line > 0)
		diag_show_line(d->out, loc, at);
}

void diag_error(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_emit(d, DIAG_ERROR, loc, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_emit(d, DIAG_WARNING, loc, fmt, ap);
	va_end(ap);
}

void diag_note(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_emit(d, DIAG_NOTE, loc, fmt, ap);
	va_end(ap);
}

bool diag_failed(const struct diag *d)
{
	return d->errors > 0 || (d->werror && d->warnings > 0);
}

bool diag_too_many(const struct diag *d)
{
	return d->max_errors && d->errors >= d->max_errors;
}
