/* build.c - the backends into the output folder, and the diagnostics
 * rendered (see build.h). */
#include <stdatomic.h>
#include <stdlib.h>

#include "backend.h"
#include "build.h"
#include "diag_render.h"
#include "jobs.h"
#include "mem.h"
#include "rebuild.h"

const char *build_options_error(const struct cli *cli)
{
	for (size_t i = 0; i < backend_count; i++) {
		const struct backend *b = backend_table[i];
		const char *wrong = cli_backend_selected(cli, b->name) && b->options_error
			? b->options_error(&cli->opts) : NULL;
		if (wrong)
			return wrong;
	}
	return NULL;
}

/*
 * The backends of a run: each emits into its own set, bound to one out_dir,
 * and reports into its own diag, taken into the run's in backend order.
 */
struct build_run {
	const struct cli *cli;
	const struct ast_root *root;
	struct out_dir *dir;
	const struct backend **backends;        /* the selected ones, in table order */
	struct diag *diags;                     /* one per selected backend */
	size_t *start;                          /* their numbers, costliest first */
	atomic_bool failed;                     /* one of them did (reported) */
};

/* The task-th backend to start: emits, then writes what it has not
 * written yet. */
static void build_emit_one(void *ctx, size_t task, size_t worker)
{
	(void)worker;
	struct build_run *run = ctx;
	size_t i = run->start[task];
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

int build_finish(const struct cli *cli, const struct ast_root *root, struct diag *d, int r,
		 struct out_stats *stats)
{
	if (r < 0 || d->lost) {
		diag_error(d, NULL, "out of memory");
		return EXIT_USAGE;
	}
	if (r != 0)
		return EXIT_USAGE;
	if (diag_failed(d)) {
		if (d->errors == 0)
			diag_error(d, NULL, "%u warning%s treated as %s (-Werror)",
				   d->warnings - d->exempt, d->warnings - d->exempt == 1 ? "" : "s",
				   d->warnings - d->exempt == 1 ? "an error" : "errors");
		return EXIT_INVALID;
	}
	if (cli->check_only)
		return EXIT_SUCCESS;
	if (cli->format == CLI_TEXT)
		diag_print(d);  /* the warnings, before what writing says */
	return build_emit(cli, root, d, stats);
}

int build_emit(const struct cli *cli, const struct ast_root *root, struct diag *d,
	       struct out_stats *stats)
{
	const struct backend **backends = mem_alloc(backend_count * sizeof *backends);
	struct diag *diags = mem_alloc(backend_count * sizeof *diags);
	size_t *start = mem_alloc(backend_count * sizeof *start);
	if (!backends || !diags || !start) {
		mem_free(backends);
		mem_free(diags);
		mem_free(start);
		diag_error(d, NULL, "out of memory");
		return EXIT_USAGE;
	}
	size_t n = 0;
	for (size_t i = 0; i < backend_count; i++)
		if (cli_backend_selected(cli, backend_table[i]->name))
			backends[n++] = backend_table[i];
	for (size_t i = 0; i < n; i++) {
		diag_init(&diags[i], d->out);
		/* Inserted among the costlier ones started before it. */
		size_t k = i;
		for (; k > 0 && backends[start[k - 1]]->cost < backends[i]->cost; k--)
			start[k] = start[k - 1];
		start[k] = i;
	}
	struct build_run run = { cli, root, out_dir_open(cli->out_dir, d), backends, diags, start,
				 false };
	int status = EXIT_USAGE;
	if (run.dir) {
		jobs_run(n, cli->jobs, build_emit_one, &run);
		for (size_t i = 0; i < n; i++)
			diag_take(d, &diags[i]);
		if (!atomic_load(&run.failed))
			rebuild_forget(cli->out_dir);
		if (!atomic_load(&run.failed) && out_dir_commit(run.dir) == 0)
			status = EXIT_SUCCESS;
		if (stats)
			out_dir_stats(run.dir, stats);
		out_dir_close(run.dir);
	}
	mem_free(backends);
	mem_free(diags);
	mem_free(start);
	return status;
}

void build_render(const struct cli *cli, struct diag *d)
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

