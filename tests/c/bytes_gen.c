/*
 * bytes_gen.c - writes the C backend's output for the catalogue of bytes
 * (check.h) under DIR, with the prefix "bytes":
 *
 *   bytes_gen DIR
 */
#include <stdio.h>

#include "backend.h"
#include "check.h"
#include "output.h"

int main(int argc, char **argv)
{
	const struct backend_options opts = { .c_prefix = "bytes" };
	struct out_set *out = out_set_new();
	int status = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: bytes_gen DIR\n");
		return 2;
	}
	if (out && backend_c.emit(bytes_root(), &opts, out) == 0 && !out_failed(out)
	    && out_commit(out, argv[1]) == 0)
		status = 0;
	out_set_free(out);
	return status;
}
