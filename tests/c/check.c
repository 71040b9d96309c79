/*
 * check.c - the C backend's test program. Every catalogue generated for the
 * test is linked into this one program (which shows that prefixes keep
 * them apart); each is compared with the AST the front end makes, in this
 * process, from the files it was generated from:
 *
 *   check NAME FILE... [-- NAME FILE...]...
 *
 * NAME is the --c-prefix of a catalogue compiled in, listed at build time
 * as -DCATALOGUES='X(jobc) X(tricky)'. A NAME without files is compared
 * with the catalogue of bytes (check.h). Exit status 0 if everything
 * matched, 1 otherwise.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "frontend.h"

#define X(name) check_fn check_##name;
CATALOGUES
#undef X

static const struct {
	const char *name;
	check_fn *check;
} check_catalogues[] = {
#define X(name) { #name, check_##name },
	CATALOGUES
#undef X
};

static unsigned check_failed;

void check_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("check: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	check_failed++;
}

unsigned check_failures(void)
{
	return check_failed;
}

int check_same_text(const char *t, const char *s, size_t len)
{
	if (!s)
		return *t == '\0';
	return strlen(t) == len && memcmp(t, s, len) == 0;
}

static check_fn *check_find(const char *name)
{
	for (size_t i = 0; i < sizeof check_catalogues / sizeof check_catalogues[0]; i++)
		if (strcmp(check_catalogues[i].name, name) == 0)
			return check_catalogues[i].check;
	return NULL;
}

/* Parses and validates the files, then compares the catalogue NAME. */
static void check_run(const char *name, char **files, size_t n)
{
	check_fn *check = check_find(name);
	struct diag d;
	struct frontend *fe;

	if (!check) {
		check_fail("no catalogue '%s' in this program", name);
		return;
	}
	if (n == 0) {
		check(bytes_root());
		return;
	}
	diag_init(&d, stderr);
	d.quiet = true;
	fe = frontend_new(&d);
	if (!fe) {
		check_fail("out of memory");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (frontend_parse_file(fe, files[i]) != 0)
			check_fail("%s: cannot be read", files[i]);
	if (frontend_validate(fe) != 0 || diag_failed(&d))
		check_fail("%s: the catalogue is not valid", name);
	else
		check(frontend_root(fe));
	diag_print(&d);
	frontend_free(fe);
	diag_free(&d);
}

int main(int argc, char **argv)
{
	int i = 1;

	while (i < argc) {
		const char *name = argv[i++];
		int first = i;

		while (i < argc && strcmp(argv[i], "--") != 0)
			i++;
		check_run(name, argv + first, (size_t)(i - first));
		i++;    /* the "--" */
	}
	if (check_failures()) {
		fprintf(stderr, "check: %u mismatches\n", check_failures());
		return 1;
	}
	return 0;
}
