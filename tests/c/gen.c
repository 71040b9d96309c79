/*
 * gen.c - runs the C backend in process, for what the command line
 * cannot do: the catalogue of bytes (check.h), and runs where allocations
 * fail on purpose.
 *
 *   [FAIL_ALLOC=N] gen NAME DIR [FILE...]
 *
 * writes NAME.h and NAME.c under DIR/c/, from the FILEs (parsed and
 * validated) or, without FILE, from the catalogue of bytes. With
 * FAIL_ALLOC=N, the Nth allocation of the backend and of the writing of
 * its files fails, and all after it (tests/c/fail_mem.c). Exit status 0,
 * or 1 if anything failed (memory included).
 */
#include <stdio.h>
#include <stdlib.h>

#include "backend.h"
#include "check.h"
#include "diag.h"
#include "frontend.h"
#include "output.h"

/* Stages the output of the C backend for root and writes it under dir. */
static int gen_emit(const struct ast_root *root, const char *name, const char *dir,
		    struct diag *d)
{
	const struct backend_options opts = { .c_prefix = name };
	const char *fail = getenv("FAIL_ALLOC");
	struct out_set *out;
	int status = 1;

	fail_mem_arm(fail ? strtol(fail, NULL, 10) : 0);
	out = out_set_new();

	if (out && backend_c.emit(root, &opts, out, d) == 0 && !out_failed(out)
	    && out_commit(out, dir, d) == 0)
		status = 0;
	out_set_free(out);
	fail_mem_arm(0);
	return status;
}

int main(int argc, char **argv)
{
	struct diag d;
	struct frontend *fe;
	int status = 1;

	if (argc < 3) {
		fprintf(stderr, "usage: gen NAME DIR [FILE...]\n");
		return 2;
	}
	diag_init(&d, stderr);
	d.quiet = true;
	if (argc == 3) {
		status = gen_emit(bytes_root(), argv[1], argv[2], &d);
		diag_print(&d);
		diag_free(&d);
		return status;
	}
	fe = frontend_new(&d);
	if (!fe)
		return 1;
	for (int i = 3; i < argc; i++)
		if (frontend_parse_file(fe, argv[i]) != 0)
			goto done;
	if (frontend_validate(fe) == 0 && !diag_failed(&d))
		status = gen_emit(frontend_root(fe), argv[1], argv[2], &d);
done:
	diag_print(&d);
	frontend_free(fe);
	diag_free(&d);
	return status;
}
