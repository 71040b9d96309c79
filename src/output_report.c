/*
 * output_report.c - the one place the output code reports a failure.
 *
 * Every message of output_*.c is printed here, so that routing them
 * elsewhere (the driver's diagnostics) is a change to this function only.
 * The texts are fixed: tests and docs/ROBUSTNESS.md quote them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "output_dir.h"

int out_report(int err, const char *dir, const char *what, const char *path)
{
	if (err == ENOMEM && !dir)
		fprintf(stderr, "jobc: error: out of memory while generating output\n");
	else if (err == ENOMEM)
		fprintf(stderr, "jobc: error: out of memory while writing output\n");
	else
		fprintf(stderr, "jobc: error: cannot %s '%s%s%s': %s\n", what, dir,
			*path ? "/" : "", path, strerror(err));
	return -1;
}
