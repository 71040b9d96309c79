/* diag_text.c - diagnostics printed GNU style, with the source line (diag.h). */
#include <string.h>

#include "diag.h"
#include "utf8.h"

/* Longest stretch of a source line shown, in columns: a 2 MB line is cut. */
#define DIAG_LINE_WINDOW 120

static const char *const diag_severity_name[] = { "error", "warning", "note" };

/* GCC's colours (its GCC_COLORS defaults): bold red errors, bold magenta
 * warnings, bold cyan notes, a bold place and a bold green caret. */
static const char *const diag_severity_color[] = { "\33[01;31m", "\33[01;35m", "\33[01;36m" };
#define DIAG_BOLD "\33[01m"
#define DIAG_CARET "\33[01;32m"
#define DIAG_RESET "\33[m"

/* Starts (on) or ends a coloured stretch, if the output is coloured. */
static void diag_color(FILE *out, bool color, const char *sgr)
{
	if (color)
		fputs(sgr, out);
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

static void diag_show_line(FILE *out, bool color, const struct loc *loc, struct loc_pos at)
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
	diag_color(out, color, DIAG_CARET);
	diag_print_columns(out, start, end, from, to, true, at.col, caret_to);
	diag_color(out, color, DIAG_RESET);
	fputc('\n', out);
}

/* Ends the place (bold) and prints " error: " in its colour. */
static void diag_print_severity(FILE *out, bool color, enum diag_severity severity)
{
	diag_color(out, color, DIAG_RESET);
	fputc(' ', out);
	diag_color(out, color, diag_severity_color[severity]);
	fprintf(out, "%s:", diag_severity_name[severity]);
	diag_color(out, color, DIAG_RESET);
	fputc(' ', out);
}

static void diag_print_record(FILE *out, bool color, const struct diag_record *r)
{
	const struct loc *loc = &r->loc;
	struct loc_pos at = { 0, 0 };
	if (r->has_loc && loc_has_text(loc))
		at = loc_where(loc->file, loc->offset);
	diag_color(out, color, DIAG_BOLD);
	if (!r->has_loc)
		fprintf(out, "jobc:");
	else if (at.line == 0)
		fprintf(out, "%s:", loc->file->name);
	else
		fprintf(out, "%s:%d:%d:", loc->file->name, at.line, at.col);
	enum diag_severity shown = r->promoted ? DIAG_ERROR : r->severity;
	diag_print_severity(out, color, shown);
	/* Messages quote the input: show them safely. */
	diag_print_text(out, r->message);
	if (r->severity == DIAG_WARNING) {
		fputs(" [", out);
		diag_color(out, color, diag_severity_color[shown]);
		fprintf(out, "-W%s%s", r->promoted ? "error=" : "", diag_codes[r->code].name);
		diag_color(out, color, DIAG_RESET);
		fputc(']', out);
	}
	fputc('\n', out);
	if (at.line > 0)
		diag_show_line(out, color, loc, at);
}

void diag_print(struct diag *d)
{
	const struct diag_record *r = d->printed ? d->printed->next : d->first;
	for (; r; d->printed = (struct diag_record *)r, r = r->next) {
		enum diag_show show = diag_filter(&d->filter, d, r);
		if (show == DIAG_STOP) {
			diag_color(d->out, d->color, DIAG_BOLD);
			fputs("jobc:", d->out);
			diag_print_severity(d->out, d->color, DIAG_ERROR);
			fprintf(d->out, "too many errors, stopping after %u "
				"(--max-errors; 0 shows them all)\n", d->max_errors);
		} else if (show == DIAG_SHOW && !r->fix) {
			diag_print_record(d->out, d->color, r);
		}
	}
}
