/*
 * main.c - the jobc command line.
 *
 *   jobc [OPTIONS] FILE... [-o DIR]
 *
 * Exit status: 0 success, 1 the input has errors (or warnings under
 * -Werror), 2 usage or I/O error. Nothing is written unless every input is
 * valid and every backend succeeded.
 */
#include <getopt.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "frontend.h"
#include "jobs.h"
#include "mem.h"

enum { EXIT_INVALID = 1, EXIT_USAGE = 2 };

enum {
	OPT_CHECK = 256,
	OPT_JSON_COMPACT,
	OPT_C_PREFIX,
	OPT_MAX_ERRORS,
};

/* Most threads -j accepts: more would only wait for each other. */
enum { CLI_MAX_JOBS = 256 };

struct cli {
	const char *out_dir;
	bool check_only;
	const char *backends;   /* comma-separated names; NULL: all */
	unsigned jobs;          /* -j: threads for parsing and for the backends */
	bool try_help;          /* a usage error: point at --help after it */
	struct backend_options opts;
};

static void cli_usage(FILE *out)
{
	fprintf(out,
		"usage: jobc [OPTIONS] FILE... [-o DIR]\n"
		"\n"
		"Compiles .jobsheet files (- reads standard input) into DIR (default: out).\n"
		"\n"
		"options:\n"
		"  -o, --output DIR       write the outputs under DIR\n"
		"      --check            validate only; write nothing\n"
		"  -b, --backends LIST    comma-separated backends to run (default: all)\n"
		"  -Werror                treat warnings as errors\n"
		"  -q, --quiet            do not print warnings\n"
		"      --max-errors N     stop after N errors (default 50, 0: no limit)\n"
		"  -j, --jobs N           parse the files, and run the backends, on N\n"
		"                         threads (default 1); the output and the\n"
		"                         diagnostics are the same\n"
		"      --json-compact     JSON on one line instead of pretty-printed\n"
		"      --c-prefix NAME    prefix of every C symbol and macro (default: jobc)\n"
		"  -h, --help             print this help\n"
		"  -V, --version          print the version\n"
		"\n"
		"backends:\n");
	for (size_t i = 0; i < backend_count; i++)
		fprintf(out, "  %-8s %s (into DIR/%s/)\n", backend_table[i]->name,
			backend_table[i]->summary, backend_table[i]->name);
	fprintf(out, "\nexit status: 0 success, 1 invalid input, 2 usage or I/O error\n");
}

/* Checks every name of a -b list against the registry. */
static bool cli_backends_known(const char *list, struct diag *d)
{
	char name[64];
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (n == 0 || n >= sizeof name) {
			diag_error(d, NULL, "bad backend list '%s'", list);
			return false;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		if (!backend_find(name)) {
			diag_error(d, NULL, "unknown backend '%s' (see jobc --help)", name);
			return false;
		}
		p += n + (p[n] == ',');
	}
	return true;
}

static bool cli_backend_selected(const struct cli *cli, const char *name)
{
	if (!cli->backends)
		return true;
	size_t len = strlen(name);
	for (const char *p = cli->backends; *p;) {
		size_t n = strcspn(p, ",");
		if (n == len && strncmp(p, name, n) == 0)
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* Returns -1 to go on, else the exit status. */
static int cli_parse(int argc, char **argv, struct cli *cli, struct diag *d)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "backends", required_argument, NULL, 'b' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "max-errors", required_argument, NULL, OPT_MAX_ERRORS },
		{ "jobs", required_argument, NULL, 'j' },
		{ "json-compact", no_argument, NULL, OPT_JSON_COMPACT },
		{ "c-prefix", required_argument, NULL, OPT_C_PREFIX },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "o:b:qW:j:hV", longopts, NULL)) != -1) {
		char *end;
		switch (c) {
		case 'o':
			cli->out_dir = optarg;
			break;
		case OPT_CHECK:
			cli->check_only = true;
			break;
		case 'b':
			if (!cli_backends_known(optarg, d))
				return EXIT_USAGE;
			cli->backends = optarg;
			break;
		case 'q':
			d->quiet = true;
			break;
		case 'W':
			if (strcmp(optarg, "error") != 0) {
				diag_error(d, NULL, "unknown option '-W%s'", optarg);
				return EXIT_USAGE;
			}
			d->werror = true;
			break;
		case OPT_MAX_ERRORS:
			d->max_errors = (unsigned)strtoul(optarg, &end, 10);
			if (*end || !*optarg) {
				diag_error(d, NULL, "--max-errors needs a number");
				return EXIT_USAGE;
			}
			break;
		case 'j':
			cli->jobs = (unsigned)strtoul(optarg, &end, 10);
			if (*end || !*optarg || cli->jobs < 1 || cli->jobs > CLI_MAX_JOBS) {
				diag_error(d, NULL, "-j needs a number from 1 to %d", CLI_MAX_JOBS);
				return EXIT_USAGE;
			}
			break;
		case OPT_JSON_COMPACT:
			cli->opts.json_compact = true;
			break;
		case OPT_C_PREFIX:
			cli->opts.c_prefix = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
			printf("jobc %s\n", JOBC_VERSION);
			return EXIT_SUCCESS;
		default:
			fprintf(stderr, "Try 'jobc --help' for more information.\n");
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		diag_error(d, NULL, "no input files");
		cli->try_help = true;
		return EXIT_USAGE;
	}
	return -1;
}

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
	int r = out ? b->emit(run->root, &run->cli->opts, out) : -1;
	if (r != 0 || out_failed(out)) {
		diag_error(&run->diags[i], NULL, "the %s backend failed (out of memory)", b->name);
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
	struct cli_emit run = { cli, root, out_dir_open(cli->out_dir), backends, diags, false };
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

/* Compiles the files named on the command line; returns the exit status. */
static int cli_run(int argc, char **argv, struct cli *cli, struct diag *d)
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

	struct frontend *fe = frontend_new(d);
	if (!fe) {
		diag_error(d, NULL, "out of memory");
		return EXIT_USAGE;
	}
	int status = EXIT_SUCCESS;
	int r = frontend_parse_files(fe, argv + optind, (size_t)(argc - optind), cli->jobs);
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
			diag_error(d, NULL, "%u warning%s treated as errors (-Werror)",
				   d->warnings, d->warnings == 1 ? "" : "s");
		status = EXIT_INVALID;
	} else if (status == EXIT_SUCCESS && !cli->check_only) {
		diag_print(d);          /* the warnings, before what writing says */
		status = cli_emit(cli, frontend_root(fe), d);
	}
	/* The messages read the files they quote: print them while the
	 * run, which owns the files, is there. */
	diag_print(d);
	frontend_free(fe);
	return status;
}

int main(int argc, char **argv)
{
	struct diag d;
	diag_init(&d, stderr);
	struct cli cli = { .out_dir = "out", .jobs = 1 };
	int status = cli_parse(argc, argv, &cli, &d);
	if (status < 0)
		status = cli_run(argc, argv, &cli, &d);
	diag_print(&d);
	if (cli.try_help)
		fprintf(stderr, "Try 'jobc --help' for more information.\n");
	if (d.lost && status == EXIT_SUCCESS)
		status = EXIT_USAGE;
	diag_free(&d);
	return status;
}
