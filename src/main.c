/*
 * main.c - the jobc command line.
 *
 *   jobc [OPTIONS] FILE... [-o DIR]
 *   jobc COMMAND [ARGS...]      (commands.h: jobc lsp, fmt, diff)
 *
 * Exit status: 0 success, 1 the input has errors (or warnings under
 * -Werror), 2 usage or I/O error. Nothing is written unless every input is
 * valid and every backend succeeded.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "backend.h"
#include "cli.h"
#include "commands.h"
#include "diag_render.h"
#include "frontend.h"
#include "jobs.h"
#include "mem.h"

/*
 * The backends of a run: each emits into its own set, bound to one out_dir,
 * and reports into its own diag, taken into the run's in backend order.
 */
struct cli_emit {
	const struct cli *cli;
	const struct ast_root *root;
	struct out_dir *dir;
	const struct backend **backends;        /* the selected ones */
	struct diag *diags;                     /* one per selected backend */
	atomic_bool failed;                     /* one of them did (reported) */
};

/* Backend number i: emits, then writes what it has not written yet. */
static void cli_emit_one(void *ctx, size_t i, size_t worker)
{
	(void)worker;
	struct cli_emit *run = ctx;
	const struct backend *b = run->backends[i];
	struct out_set *out = out_set_to(run->dir);
	int r = out ? b->emit(run->root, &run->cli->opts, out, &run->diags[i]) : -1;
	if (r != 0 || out_failed(out)) {
		/* Unless the backend said why. */
		if (run->diags[i].errors == 0)
			diag_error(&run->diags[i], NULL, "the %s backend failed (out of memory)",
				   b->name);
		atomic_store(&run->failed, true);
	} else if (out_set_write(out) != 0) {
		atomic_store(&run->failed, true);       /* out_set_write said why */
	}
	out_set_free(out);
}

/*
 * Runs the selected backends, on up to cli->jobs threads, into the output
 * folder's stage; puts their products in place only if all succeeded.
 */
static int cli_emit(const struct cli *cli, const struct ast_root *root, struct diag *d)
{
	const struct backend **backends = mem_alloc(backend_count * sizeof *backends);
	struct diag *diags = mem_alloc(backend_count * sizeof *diags);
	if (!backends || !diags) {
		mem_free(backends);
		mem_free(diags);
		diag_error(d, NULL, "out of memory");
		return EXIT_USAGE;
	}
	size_t n = 0;
	for (size_t i = 0; i < backend_count; i++)
		if (cli_backend_selected(cli, backend_table[i]->name))
			backends[n++] = backend_table[i];
	for (size_t i = 0; i < n; i++)
		diag_init(&diags[i], d->out);
	struct cli_emit run = { cli, root, out_dir_open(cli->out_dir, d), backends, diags, false };
	int status = EXIT_USAGE;
	if (run.dir) {
		jobs_run(n, cli->jobs, cli_emit_one, &run);
		for (size_t i = 0; i < n; i++)
			diag_take(d, &diags[i]);
		if (!atomic_load(&run.failed) && out_dir_commit(run.dir) == 0)
			status = EXIT_SUCCESS;
		out_dir_close(run.dir);
	}
	mem_free(backends);
	mem_free(diags);
	return status;
}

/* Writes the diagnostics not written yet to standard error, in the format
 * asked for: text as they come, the others in one piece at the end. */
static void cli_render(const struct cli *cli, struct diag *d)
{
	static void (*const renderers[])(const struct diag *, struct buf *) = {
		[CLI_JSON] = diag_render_json,
		[CLI_SARIF] = diag_render_sarif,
		[CLI_GITHUB] = diag_render_github,
	};
	if (cli->format == CLI_TEXT) {
		diag_print(d);
		return;
	}
	struct buf b;
	buf_init(&b);
	renderers[cli->format](d, &b);
	if (b.failed)
		d->lost = true;         /* main says so */
	else
		fwrite(b.data, 1, b.len, d->out);
	buf_free(&b);
}

/*
 * Compiles the files named on the command line; returns the exit status.
 * The run, *fe, holds the files the diagnostics quote: the caller renders
 * them, then frees it.
 */
static int cli_run(struct cli *cli, struct diag *d, struct frontend **run)
{
	for (size_t i = 0; i < backend_count; i++) {
		const struct backend *b = backend_table[i];
		const char *wrong = cli_backend_selected(cli, b->name) && b->options_error
			? b->options_error(&cli->opts) : NULL;
		if (wrong) {
			diag_error(d, NULL, "%s", wrong);
			return EXIT_USAGE;
		}
	}

	struct frontend *fe = *run = frontend_new(d);
	if (!fe) {
		diag_error(d, NULL, "out of memory");
		return EXIT_USAGE;
	}
	int status = EXIT_SUCCESS;
	int r = frontend_parse_files(fe, cli->inputs, cli->n_inputs, cli->jobs);
	if (r == 2)
		status = EXIT_USAGE;
	else if (r < 0)
		status = -1;
	if (status == EXIT_SUCCESS && frontend_validate(fe) != 0)
		status = -1;
	if (status < 0 || d->lost) {
		diag_error(d, NULL, "out of memory");
		status = EXIT_USAGE;
	} else if (status == EXIT_SUCCESS && diag_failed(d)) {
		if (d->errors == 0)
			diag_error(d, NULL, "%u warning%s treated as %s (-Werror)",
				   d->warnings - d->exempt, d->warnings - d->exempt == 1 ? "" : "s",
				   d->warnings - d->exempt == 1 ? "an error" : "errors");
		status = EXIT_INVALID;
	} else if (status == EXIT_SUCCESS && !cli->check_only) {
		if (cli->format == CLI_TEXT)
			diag_print(d);  /* the warnings, before what writing says */
		status = cli_emit(cli, frontend_root(fe), d);
	}
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
	if (status < 0)
		status = cli_run(&cli, &d, &fe);
	cli_render(&cli, &d);
	frontend_free(fe);
	if (cli.try_help && cli.format == CLI_TEXT)
		fprintf(stderr, "Try 'jobc --help' for more information.\n");
	/* A record that could not be kept, or rendered: say so without memory. */
	status = cli_lost(d.lost, status);
	diag_free(&d);
	cli_free(&cli);
	return status;
}
