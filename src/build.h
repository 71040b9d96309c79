/*
 * build.h - what a run does once its input is read: the selected backends
 * into the output folder, and the diagnostics rendered. Shared by a run of
 * jobc (main.c) and each rebuild of jobc --watch (watch.c).
 */
#ifndef JOBC_BUILD_H
#define JOBC_BUILD_H

#include "ast.h"
#include "cli.h"
#include "diag.h"
#include "output.h"

/* What the selected backends say of their options: NULL if they are fine,
 * else what is wrong (a usage error). */
const char *build_options_error(const struct cli *cli);

/*
 * Runs the selected backends, on up to cli->jobs threads, into the output
 * folder's stage, and puts their products in place only if all succeeded.
 * Returns EXIT_SUCCESS, or EXIT_USAGE after reporting into d. If stats is
 * not NULL, it gets what the output folder saw (output.h).
 */
int build_emit(const struct cli *cli, const struct ast_root *root, struct diag *d,
	       struct out_stats *stats);

/*
 * What a run does once its input is parsed and validated, r being what
 * that returned (0; 2, a file could not be read; -1, memory ran out):
 * the exit status the diagnostics make (-Werror said), and, if they allow
 * and the run is not --check, build_emit (stats as there).
 */
int build_finish(const struct cli *cli, const struct ast_root *root, struct diag *d, int r,
		 struct out_stats *stats);

/* Writes the diagnostics not written yet to standard error, in the format
 * cli asks for: text as they come, the others in one piece. */
void build_render(const struct cli *cli, struct diag *d);

#endif
