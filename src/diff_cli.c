/*
 * diff_cli.c - `jobc diff`: the command line of the edition comparison
 * (diff.h, docs/DIFF.md).
 *
 *   jobc diff [--format=text|json|markdown] [--check-lineage] OLD NEW
 *   jobc diff [OPTIONS] OLD-FILE... -- NEW-FILE...
 *
 * OLD and NEW are folders or files; with `--` between them, lists of
 * files and folders (no option after the `--`). Each side is compiled on
 * its own, as `jobc --check` would: if either fails, its diagnostics are
 * printed, nothing else, and the exit status is 2. Then the changes are
 * written to standard output.
 *
 * Exit status, as diff(1)'s: 0 nothing changed, 1 something did, 2 an
 * error: a side does not compile, a file cannot be read, or, with
 * --check-lineage, a sheet code of OLD is gone from NEW without a word.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "diff.h"
#include "frontend.h"

enum diff_format { DIFF_FORMAT_TEXT, DIFF_FORMAT_JSON, DIFF_FORMAT_MARKDOWN };

enum { OPT_FORMAT = 256, OPT_LINEAGE };

static const struct option diff_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "check-lineage", no_argument, NULL, OPT_LINEAGE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void diff_usage(FILE *out)
{
	fprintf(out,
		"usage: jobc diff [OPTIONS] OLD NEW\n"
		"       jobc diff [OPTIONS] OLD-FILE... -- NEW-FILE...\n"
		"\n"
		"Compares two editions of a catalogue (folders of .jobsheet files, or\n"
		"lists of files), item by item: sheets added, removed, renamed and\n"
		"re-coded, their fields, tasks, knowledge items, and the catalogue.\n"
		"\n"
		"options:\n"
		"      --format=FORMAT   text (default), json or markdown\n"
		"      --check-lineage   every sheet code of OLD must still exist in NEW,\n"
		"                        be retired there, or be named by a 'replaces'\n"
		"  -h, --help            print this help\n"
		"\n"
		"exit status: 0 no change, 1 changes, 2 error (a side does not compile,\n"
		"a file cannot be read, or a sheet code vanished under --check-lineage)\n");
}

/* One edition: its files, compiled by a run of its own. */
struct diff_edition {
	struct cli files;
	struct diag diag;
	struct frontend *fe;
};

/* Compiles an edition named by args. 0, or EXIT_USAGE (reported). */
static int diff_compile(struct diff_edition *e, char *const *args, size_t n, struct diag *d)
{
	diag_init(&e->diag, d->out);
	e->diag.color = d->color;
	int r = inputs_expand(&e->files, args, n, d);
	if (r != 0)
		return EXIT_USAGE;
	if (!(e->fe = frontend_new(&e->diag))) {
		diag_error(d, NULL, "out of memory");
		return EXIT_USAGE;
	}
	r = frontend_parse_files(e->fe, e->files.inputs, e->files.n_inputs, 1);
	if (r == 0 && frontend_validate(e->fe) != 0)
		r = -1;
	if (r < 0 || e->diag.lost)
		diag_error(&e->diag, NULL, "out of memory");
	if (r != 0 || diag_failed(&e->diag))
		return EXIT_USAGE;
	e->diag.quiet = true;   /* its warnings are not what was asked */
	return 0;
}

static void diff_edition_free(struct diff_edition *e)
{
	frontend_free(e->fe);
	diag_free(&e->diag);
	cli_free(&e->files);
}

/* The options; returns -1 to go on, else the exit status. */
static int diff_options_parse(int argc, char **argv, enum diff_format *format, bool *lineage,
			      struct diag *d, bool *try_help)
{
	static const char *const formats[] = { "text", "json", "markdown" };
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":h", diff_options, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT: {
			int i = cli_choice(optarg, "--format", formats, 3, d);
			if (i < 0)
				return EXIT_USAGE;
			*format = (enum diff_format)i;
			break;
		}
		case OPT_LINEAGE:
			*lineage = true;
			break;
		case 'h':
			diff_usage(stdout);
			return EXIT_SUCCESS;
		default:
			cli_bad_option(c, argv, diff_options, d);
			*try_help = true;
			return EXIT_USAGE;
		}
	}
	return -1;
}

/* Compares the editions and writes the changes. Returns the exit status. */
static int diff_run(struct diff_edition *old, struct diff_edition *new, enum diff_format format,
		    bool lineage, struct diag *d)
{
	struct arena *a = arena_new();
	struct diff changes;
	struct buf out;
	buf_init(&out);
	int status = EXIT_USAGE;
	if (a) {
		diff_init(&changes, a);
		if (diff_editions(&changes, frontend_root(old->fe), frontend_root(new->fe)) == 0) {
			if (format == DIFF_FORMAT_JSON)
				diff_write_json(&changes, &out);
			else if (format == DIFF_FORMAT_MARKDOWN)
				diff_write_markdown(&changes, &out);
			else
				diff_write_text(&changes, &out);
			status = changes.count ? EXIT_INVALID : EXIT_SUCCESS;
		}
	}
	if (out.failed || status == EXIT_USAGE) {
		diag_error(d, NULL, "out of memory");
		status = EXIT_USAGE;
	} else if (fwrite(out.data ? out.data : "", 1, out.len, stdout) != out.len ||
		   fflush(stdout) != 0) {
		diag_error(d, NULL, "cannot write to standard output");
		status = EXIT_USAGE;
	}
	if (lineage && diff_check_lineage(frontend_root(old->fe), frontend_root(new->fe),
					  &old->diag) > 0)
		status = EXIT_USAGE;
	buf_free(&out);
	arena_free(a);
	return status;
}

int diff_main(int argc, char **argv)
{
	struct diag d;
	diag_init(&d, stderr);
	d.color = cli_color_auto();
	enum diff_format format = DIFF_FORMAT_TEXT;
	bool lineage = false, try_help = false;
	/* `--` separates the two lists: the options are before it. */
	int sep = 1;
	while (sep < argc && strcmp(argv[sep], "--") != 0)
		sep++;
	int status = diff_options_parse(sep, argv, &format, &lineage, &d, &try_help);
	size_t n_old = (size_t)(sep - optind), n_new = sep < argc ? (size_t)(argc - sep - 1) : 0;
	if (status < 0 && sep == argc && n_old == 2)
		n_old = 1, n_new = 1;
	if (status < 0 && (n_old == 0 || n_new == 0 || (sep == argc && n_old + n_new != 2))) {
		diag_error(&d, NULL, sep < argc ? "each side of '--' needs a file or a folder"
					       : "two editions to compare are needed: OLD NEW");
		try_help = true;
		status = EXIT_USAGE;
	}
	struct diff_edition old = { 0 }, new = { 0 };
	if (status < 0) {
		char *const *new_args = sep < argc ? argv + sep + 1 : argv + optind + 1;
		int r1 = diff_compile(&old, argv + optind, n_old, &d);
		int r2 = diff_compile(&new, new_args, n_new, &d);
		status = r1 || r2 ? EXIT_USAGE : diff_run(&old, &new, format, lineage, &d);
	}
	/* The diagnostics quote the files of the runs: print them before
	 * the runs go. */
	diag_print(&d);
	diag_print(&old.diag);
	diag_print(&new.diag);
	if (try_help)
		fprintf(stderr, "Try 'jobc diff --help' for more information.\n");
	status = cli_lost(d.lost || old.diag.lost || new.diag.lost, status);
	diff_edition_free(&old);
	diff_edition_free(&new);
	diag_free(&d);
	return status;
}
