/*
 * main.c - the jobc command line.
 *
 *   jobc [OPTIONS] FILE... [-o DIR]
 *   jobc COMMAND [ARGS...]      (commands.h: jobc lsp, fmt, diff)
 *   jobc --watch [OPTIONS] FILE... [-o DIR]   (watch.h)
 *
 * Exit status: 0 success, 1 the input has errors (or warnings under
 * -Werror), 2 usage or I/O error. Nothing is written unless every input is
 * valid and every backend succeeded.
 */
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "commands.h"
#include "frontend.h"
#include "rebuild.h"
#include "watch.h"

/*
 * Compiles the files named on the command line; returns the exit status.
 * The run, *fe, holds the files the diagnostics quote: the caller renders
 * them, then frees it. A run whose inputs, options and outputs are as the
 * last run into the same folder recorded (rebuild.h) does nothing.
 */
static int cli_run(struct cli *cli, struct diag *d, struct frontend **run)
{
	const char *wrong = build_options_error(cli);
	if (wrong) {
		diag_error(d, NULL, "%s", wrong);
		return EXIT_USAGE;
	}

	bool current;
	struct rebuild *rb = rebuild_begin(cli, d, &current);
	struct frontend *fe = *run = current ? NULL : frontend_new(d);
	int status = EXIT_SUCCESS;
	if (!current && !fe) {
		diag_error(d, NULL, "out of memory");
		status = EXIT_USAGE;
	} else if (!current) {
		int r = frontend_parse_files(fe, cli->inputs, cli->n_inputs, cli->jobs);
		if (r == 0)
			r = frontend_validate(fe);
		status = build_finish(cli, frontend_root(fe), d, r, NULL);
		if (status == EXIT_SUCCESS)
			rebuild_record(rb, d);
	}
	rebuild_free(rb);
	return status;
}

int main(int argc, char **argv)
{
	const struct command *command = argc > 1 ? command_find(argv[1]) : NULL;
	if (command)
		return command->main(argc - 1, argv + 1);
	struct diag d;
	diag_init(&d, stderr);
	struct cli cli;
	struct frontend *fe = NULL;
	int status = cli_parse(argc, argv, &cli, &d);
	if (status < 0 && cli.watch) {
		status = watch_run(&cli, &d);   /* it renders each rebuild's */
	} else {
		if (status < 0)
			status = cli_run(&cli, &d, &fe);
		build_render(&cli, &d);
	}
	frontend_free(fe);
	if (cli.try_help && cli.format == CLI_TEXT)
		fprintf(stderr, "Try 'jobc --help' for more information.\n");
	/* A record that could not be kept, or rendered: say so without memory. */
	status = cli_lost(d.lost, status);
	diag_free(&d);
	cli_free(&cli);
	return status;
}
