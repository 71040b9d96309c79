/* diag.c - making and keeping diagnostic records (see diag.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "utf8.h"

void diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->max_errors = 50;
	d->stage = DIAG_E_DRIVER;
}

void diag_free(struct diag *d)
{
	struct diag_record *r = d->first;
	while (r) {
		struct diag_record *next = r->next;
		mem_free(r);
		r = next;
	}
	while (d->expects) {
		struct diag_expect *next = d->expects->next;
		mem_free(d->expects);
		d->expects = next;
	}
	d->expects_last = NULL;
	d->first = d->last = d->printed = NULL;
}

void diag_clear(struct diag *d)
{
	diag_free(d);
	d->errors = d->warnings = d->exempt = 0;
	d->filter = (struct diag_filter){ 0 };
	d->lost = false;
	d->stage = DIAG_E_DRIVER;
}

static void diag_append(struct diag *d, struct diag_record *r)
{
	if (d->last)
		d->last->next = r;
	else
		d->first = r;
	d->last = r;
}

/* Copies s[0..n) to out, NUL-terminated, each byte that is not part of a
 * UTF-8 sequence as U+FFFD (out has room for 3n + 1); returns the length. */
static size_t diag_utf8(char *out, const char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else {
			memcpy(out + o, s + i, len);
			o += len;
			i += len;
		}
	}
	out[o] = '\0';
	return o;
}

__attribute__((format(printf, 5, 0)))
static void diag_make(struct diag *d, enum diag_severity severity, enum diag_code code,
		      const struct loc *loc, const char *fmt, va_list ap)
{
	if (severity == DIAG_ERROR)
		d->errors++;
	else if (severity == DIAG_WARNING)
		d->warnings++;
	char msg[DIAG_MESSAGE_MAX + 4];
	int n = vsnprintf(msg, DIAG_MESSAGE_MAX + 1, fmt, ap);
	if (n < 0)
		n = 0, msg[0] = '\0';
	if (n > DIAG_MESSAGE_MAX) {
		strcpy(msg + DIAG_MESSAGE_MAX, "...");
		n = DIAG_MESSAGE_MAX + 3;
	}
	/* Messages quote paths and cut text: make them UTF-8 for every renderer
	 * (a byte that is not becomes U+FFFD, as the text shows it anyway). */
	char clean[3 * (DIAG_MESSAGE_MAX + 4)];
	n = (int)diag_utf8(clean, msg, (size_t)n);
	struct diag_record *r = mem_alloc(sizeof *r + (size_t)n + 1);
	if (!r) {
		d->lost = true;
		return;
	}
	*r = (struct diag_record){ .severity = severity, .code = code, .has_loc = loc != NULL };
	if (loc)
		r->loc = *loc;
	memcpy(r->message, clean, (size_t)n + 1);
	diag_append(d, r);
}

void diag_error(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_make(d, DIAG_ERROR, d->stage, loc, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, enum diag_code code, const struct loc *loc,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_make(d, DIAG_WARNING, code, loc, fmt, ap);
	va_end(ap);
}

void diag_note(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_make(d, DIAG_NOTE, DIAG_NOTE_CODE, loc, fmt, ap);
	va_end(ap);
}

void diag_fix_it(struct diag *d, const struct loc *span, const char *text)
{
	struct diag_record *before = d->last;
	diag_note(d, span, "%s", text);
	if (d->last != before)
		d->last->fix = true;
}

void diag_fix_insert(struct diag *d, const struct src_file *file, uint32_t at,
		     const char *text)
{
	struct diag_record *before = d->last;
	diag_fix_it(d, &(struct loc){ .file = file, .offset = at, .last = at }, text);
	if (d->last != before)
		d->last->insert = true;
}

void diag_did_you_mean(struct diag *d, const struct loc *note_at, const struct loc *word,
		       const char *hint)
{
	diag_note(d, note_at, "did you mean '%s'?", hint);
	diag_fix_it(d, word, hint);
}

/* True if what is at loc goes: everything if from is NULL, else what
 * stands at or after from in its file. */
static bool diag_goes(const struct loc *from, bool has_loc, const struct loc *loc)
{
	return !from || (has_loc && loc->file == from->file && loc->offset >= from->offset);
}

void diag_rewind(struct diag *d, struct diag_mark mark, const struct loc *from)
{
	struct diag_record **link = mark.last ? &mark.last->next : &d->first;
	struct diag_record *kept = mark.last;
	bool going = false;
	for (struct diag_record *r = *link, *next; r; r = next) {
		next = r->next;
		if (r->severity != DIAG_NOTE)
			going = diag_goes(from, r->has_loc, &r->loc);
		if (!going) {
			*link = kept = r;
			link = &r->next;
			continue;
		}
		d->errors -= r->severity == DIAG_ERROR;
		d->warnings -= r->severity == DIAG_WARNING;
		mem_free(r);
	}
	*link = NULL;
	d->last = kept;
	if (!from)
		d->lost = mark.lost;
	struct diag_expect **elink = mark.expects_last ? &mark.expects_last->next : &d->expects;
	struct diag_expect *ekept = mark.expects_last;
	for (struct diag_expect *e = *elink, *next; e; e = next) {
		next = e->next;
		if (diag_goes(from, true, &e->loc)) {
			mem_free(e);
			continue;
		}
		*elink = ekept = e;
		elink = &e->next;
	}
	*elink = NULL;
	d->expects_last = ekept;
}

/* An error or a warning with its notes, and where it points, for the sort. */
struct diag_group {
	struct diag_record *first, *last;
	uint64_t key;
	size_t seq;
};

static int diag_group_order(const void *pa, const void *pb)
{
	const struct diag_group *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort_since(struct diag *d, struct diag_mark mark)
{
	struct diag_record *from = mark.last ? mark.last->next : d->first;
	size_t n = 0;
	for (struct diag_record *r = from; r; r = r->next)
		n += r->severity != DIAG_NOTE || r == from;
	struct diag_group *g = n > 1 ? mem_alloc(n * sizeof *g) : NULL;
	if (!g)
		return;         /* in the order made: all there, if not sorted */
	size_t i = 0;
	for (struct diag_record *r = from; r; r = r->next) {
		if (r->severity != DIAG_NOTE || r == from) {
			uint64_t key = r->has_loc ? r->loc.offset : i ? g[i - 1].key : 0;
			g[i] = (struct diag_group){ r, r, key, i };
			i++;
		} else {
			g[i - 1].last = r;
		}
	}
	qsort(g, n, sizeof *g, diag_group_order);
	struct diag_record **link = mark.last ? &mark.last->next : &d->first;
	for (i = 0; i < n; i++) {
		*link = g[i].first;
		link = &g[i].last->next;
	}
	*link = NULL;
	d->last = g[n - 1].last;
	mem_free(g);
}

void diag_take(struct diag *d, struct diag *src)
{
	if (src->first) {
		diag_append(d, src->first);
		d->last = src->last;
	}
	d->errors += src->errors;
	d->warnings += src->warnings;
	d->lost = d->lost || src->lost;
	if (src->expects) {
		if (d->expects_last)
			d->expects_last->next = src->expects;
		else
			d->expects = src->expects;
		d->expects_last = src->expects_last;
	}
	src->expects = src->expects_last = NULL;
	src->first = src->last = src->printed = NULL;
	src->errors = src->warnings = 0;
	src->lost = false;
}

int diag_copy(struct diag *d, const struct diag *src)
{
	for (const struct diag_record *r = src->first; r; r = r->next) {
		size_t size = sizeof *r + strlen(r->message) + 1;
		struct diag_record *copy = mem_alloc(size);
		if (!copy) {
			d->lost = true;
			return -1;
		}
		memcpy(copy, r, size);
		copy->next = NULL;
		diag_append(d, copy);
	}
	for (const struct diag_expect *e = src->expects; e; e = e->next)
		if (!diag_expect(d, e->code, &e->loc, e->line_start, e->line_end)) {
			d->lost = true;
			return -1;
		}
	d->errors += src->errors;
	d->warnings += src->warnings;
	d->lost = d->lost || src->lost;
	return 0;
}

struct diag_expect *diag_expect(struct diag *d, enum diag_code code, const struct loc *loc,
				uint32_t line_start, uint32_t line_end)
{
	struct diag_expect *e = mem_alloc(sizeof *e);
	if (!e)
		return NULL;
	*e = (struct diag_expect){ NULL, code, *loc, line_start, line_end, false };
	if (d->expects_last)
		d->expects_last->next = e;
	else
		d->expects = e;
	d->expects_last = e;
	return e;
}

/* True if an expectation covers the warning r (and is then met). */
static bool diag_expected(struct diag *d, const struct diag_record *r)
{
	bool found = false;
	for (struct diag_expect *e = d->expects; e; e = e->next) {
		if (e->code == r->code && r->has_loc && e->loc.file == r->loc.file &&
		    r->loc.offset >= e->line_start && r->loc.offset < e->line_end)
			found = e->met = true;
	}
	return found;
}

/* Decides what becomes of each warning; a note goes with its warning. */
static void diag_apply(struct diag *d)
{
	bool hide = false, promote = false;
	for (struct diag_record *r = d->first; r; r = r->next) {
		if (r->severity == DIAG_ERROR) {
			hide = promote = false;
		} else if (r->severity == DIAG_WARNING) {
			enum diag_action a = d->action[r->code];
			hide = r->hidden || a == DIAG_IGNORE || diag_expected(d, r);
			promote = !hide && a == DIAG_AS_ERROR;
		}
		r->hidden = r->hidden || hide;
		r->promoted = r->severity == DIAG_WARNING && promote;
	}
}

void diag_settle(struct diag *d)
{
	diag_apply(d);
	unsigned errors = 0;
	for (const struct diag_record *r = d->first; r; r = r->next)
		errors += r->severity == DIAG_ERROR;
	if (errors == 0) {
		for (const struct diag_expect *e = d->expects; e; e = e->next)
			if (!e->met)
				diag_warning(d, DIAG_W_UNMET_EXPECTATION, &e->loc,
					     "'# jobc: expect' names '%s', but no such warning is given here",
					     diag_codes[e->code].name);
		diag_apply(d);  /* to the new ones: -Wno-unmet-expectation */
	}
	d->errors = d->warnings = d->exempt = 0;
	for (const struct diag_record *r = d->first; r; r = r->next) {
		if (r->hidden)
			continue;
		if (r->severity == DIAG_ERROR || r->promoted) {
			d->errors++;
		} else if (r->severity == DIAG_WARNING) {
			d->warnings++;
			d->exempt += d->action[r->code] == DIAG_NEVER_ERROR;
		}
	}
}

enum diag_show diag_filter(struct diag_filter *f, const struct diag *d,
			   const struct diag_record *r)
{
	if (f->stopped || r->hidden)
		return DIAG_SKIP;
	if (r->severity == DIAG_ERROR || r->promoted) {
		f->muted = false;
		if (d->max_errors && ++f->errors > d->max_errors) {
			f->stopped = true;
			return DIAG_STOP;
		}
	} else if (r->severity == DIAG_WARNING) {
		f->muted = d->quiet;
	}
	return f->muted ? DIAG_SKIP : DIAG_SHOW;
}

bool diag_shows_any(const struct diag *d)
{
	struct diag_filter f = { 0 };
	for (const struct diag_record *r = d->first; r; r = r->next)
		if (diag_filter(&f, d, r) != DIAG_SKIP)
			return true;
	return false;
}

struct diag_span diag_span_of(const struct diag_record *r)
{
	struct diag_span s = { 0 };
	if (!r->has_loc)
		return s;
	s.file = r->loc.file->name;
	if (!loc_has_text(&r->loc))
		return s;
	struct loc_pos first = loc_where(r->loc.file, r->loc.offset);
	s.line = first.line;
	s.col = first.col;
	if (r->insert) {
		/* An insertion point: it ends where it starts. */
		s.end_line = first.line;
		s.end_col = first.col;
		return s;
	}
	struct loc_pos last = loc_where(r->loc.file, r->loc.last);
	s.end_line = last.line;
	/* Past the last character; at the end of the file there is none. */
	s.end_col = last.col + (r->loc.last < r->loc.file->len);
	return s;
}

bool diag_failed(const struct diag *d)
{
	return d->errors > 0 || (d->werror && d->warnings > d->exempt) || d->lost;
}

bool diag_too_many(const struct diag *d)
{
	return d->max_errors && d->errors >= d->max_errors;
}
