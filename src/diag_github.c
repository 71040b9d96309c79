/*
 * diag_github.c - diagnostics as GitHub Actions workflow commands
 * (--diagnostics-format=github): one line per error or warning, which the
 * runner turns into an annotation on the pull request's files,
 *
 *   ::warning file=sheets/x.jobsheet,line=12,endLine=12,col=5,endColumn=10,title=jobc [-Wempty-section]::empty 'trends' section
 *
 * with its notes as further lines of the message. The command syntax
 * reserves characters: in the message, '%', CR and LF are written %25,
 * %0D, %0A; in a property (file, title) ':' and ',' too, as %3A and %2C.
 * docs/DIAGNOSTICS.md.
 */
#include "diag_render.h"

#define GITHUB_DATA ['%'] = EMIT_AS("%25"), ['\r'] = EMIT_AS("%0D"), ['\n'] = EMIT_AS("%0A")

static const struct emit_escaper github_data = { .bytes = { GITHUB_DATA } };

static const struct emit_escaper github_property = {
	.bytes = { GITHUB_DATA, [':'] = EMIT_AS("%3A"), [','] = EMIT_AS("%2C") },
};

/* file=...,line=...: the place of r, each property after a comma. */
static void github_place(struct buf *b, const struct diag_record *r)
{
	struct diag_span s = diag_span_of(r);
	if (!s.file)
		return;
	buf_puts(b, "file=");
	emit_escape_str(b, &github_property, s.file);
	if (s.line > 0)
		emit_fmt(b, NULL, ",line=%z,endLine=%z,col=%z,endColumn=%z", (size_t)s.line,
			 (size_t)s.end_line, (size_t)s.col, (size_t)s.end_col);
	buf_putc(b, ',');
}

/* "file:line:col: " for a note's place in the message. */
static void github_note_place(struct buf *b, const struct diag_record *n)
{
	struct diag_span s = diag_span_of(n);
	if (!s.file)
		return;
	emit_escape_str(b, &github_data, s.file);
	if (s.line > 0)
		emit_fmt(b, NULL, ":%z:%z", (size_t)s.line, (size_t)s.col);
	buf_puts(b, ": ");
}

void diag_render_github(const struct diag *d, struct buf *b)
{
	struct diag_filter f = { 0 };
	for (const struct diag_record *r = d->first; r; r = r->next) {
		if (diag_filter(&f, d, r) != DIAG_SHOW || r->severity == DIAG_NOTE)
			continue;
		emit_fmt(b, NULL, "::%s ", diag_render_kind(r));
		github_place(b, r);
		buf_puts(b, "title=jobc");
		if (r->severity == DIAG_WARNING)
			emit_fmt(b, NULL, " [-W%s%s]", r->promoted ? "error=" : "",
				 diag_codes[r->code].name);
		buf_puts(b, "::");
		emit_escape_str(b, &github_data, r->message);
		for (const struct diag_record *n = r->next; n && n->severity == DIAG_NOTE;
		     n = n->next) {
			if (n->fix)
				continue;
			buf_puts(b, "%0Anote: ");
			github_note_place(b, n);
			emit_escape_str(b, &github_data, n->message);
		}
		buf_putc(b, '\n');
	}
}
