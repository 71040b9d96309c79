/* diag.c - making and keeping diagnostic records (see diag.h). */
#include <stdarg.h>
#include <string.h>

#include "diag.h"
#include "mem.h"

void diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->max_errors = 50;
}

void diag_free(struct diag *d)
{
	struct diag_record *r = d->first;
	while (r) {
		struct diag_record *next = r->next;
		mem_free(r);
		r = next;
	}
	d->first = d->last = d->printed = NULL;
}

static void diag_append(struct diag *d, struct diag_record *r)
{
	if (d->last)
		d->last->next = r;
	else
		d->first = r;
	d->last = r;
}

__attribute__((format(printf, 4, 0)))
static void diag_make(struct diag *d, enum diag_severity severity, const struct loc *loc,
		      const char *fmt, va_list ap)
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
	struct diag_record *r = mem_alloc(sizeof *r + (size_t)n + 1);
	if (!r) {
		d->lost = true;
		return;
	}
	*r = (struct diag_record){ .severity = severity, .has_loc = loc != NULL };
	if (loc)
		r->loc = *loc;
	memcpy(r->message, msg, (size_t)n + 1);
	diag_append(d, r);
}

void diag_error(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_make(d, DIAG_ERROR, loc, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_make(d, DIAG_WARNING, loc, fmt, ap);
	va_end(ap);
}

void diag_note(struct diag *d, const struct loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_make(d, DIAG_NOTE, loc, fmt, ap);
	va_end(ap);
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
	src->first = src->last = src->printed = NULL;
	src->errors = src->warnings = 0;
	src->lost = false;
}

bool diag_failed(const struct diag *d)
{
	return d->errors > 0 || (d->werror && d->warnings > 0) || d->lost;
}

bool diag_too_many(const struct diag *d)
{
	return d->max_errors && d->errors >= d->max_errors;
}
