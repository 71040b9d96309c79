/*
 * fmt_cli.c - `jobc fmt`: the command line of the formatter (fmt.h).
 *
 *   jobc fmt [--check] [--diff] FILE|FOLDER|-...
 *
 * Rewrites each file in the canonical layout, in place, only if that
 * changes it: the new text goes to a file beside it, flushed to the disk,
 * then renamed over it, so the file is the old one or the new one, never
 * half of each (a symbolic link is followed: the file it names is
 * rewritten). `-` reads standard input and writes standard output.
 * --check and --diff write nothing: they list the files not in the
 * layout, or show the change as a unified diff, and exit 1 if there are
 * any. A file that does not parse is left as it is, with its errors.
 *
 * Exit status: 0 done (or nothing to do), 1 a file does not parse (or is
 * not in the layout, with --check or --diff), 2 usage or I/O error.
 */
#define _XOPEN_SOURCE 700     /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "fmt.h"
#include "frontend.h"
#include "mem.h"
#include "output_fs.h"
#include "udiff.h"

struct fmt_run {
	bool check, diff;
	struct diag *d;
	/* the arenas of the files refused: their diagnostics point into them */
	struct arena **kept;
	size_t n_kept, cap_kept;
};

static const struct option fmt_options[] = {
	{ "check", no_argument, NULL, 'c' },
	{ "diff", no_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void fmt_usage(FILE *out)
{
	fprintf(out,
		"usage: jobc fmt [--check] [--diff] FILE|FOLDER|-...\n"
		"\n"
		"Rewrites .jobsheet files in the canonical layout, in place, if that\n"
		"changes them (a folder means the .jobsheet files under it; - reads\n"
		"standard input and writes standard output). The compiled output\n"
		"never changes; a file that does not parse is left as it is.\n"
		"\n"
		"options:\n"
		"      --check   write nothing; list the files not in the layout\n"
		"      --diff    write nothing; print what would change, as a unified diff\n"
		"  -h, --help    print this help\n"
		"\n"
		"exit status: 0 done, 1 a file does not parse (or, with --check or\n"
		"--diff, is not in the layout), 2 usage or I/O error\n");
}

/* Keeps the arena of a refused file until its diagnostics are printed. */
static int fmt_keep(struct fmt_run *run, struct arena *a)
{
	struct arena **kept = mem_grow(run->kept, &run->cap_kept, run->n_kept, sizeof *kept);
	if (!kept)
		return -1;
	run->kept = kept;
	run->kept[run->n_kept++] = a;
	return 0;
}

/* Reads the file at path ("-": standard input). 0, or 2 (reported). */
static int fmt_read(const char *path, char **text, size_t *len, struct diag *d)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	if (!in) {
		diag_error(d, NULL, "cannot open '%s': %s", path, strerror(errno));
		return EXIT_USAGE;
	}
	int r = frontend_slurp(in, text, len);
	int saved = errno;
	if (!is_stdin)
		fclose(in);
	if (r == 2)
		diag_error(d, NULL, "cannot read '%s': %s", path, strerror(saved));
	else if (r < 0)
		diag_error(d, NULL, "out of memory");
	return r == 0 ? 0 : EXIT_USAGE;
}

/*
 * Replaces the file at path with text: written beside it, flushed, and
 * renamed over it, with its permissions. 0, or 2 (reported; the file is
 * as it was).
 */
static int fmt_replace(const char *path, const struct buf *text, struct diag *d)
{
	char *real = realpath(path, NULL);
	char *tmp = real ? mem_alloc(strlen(real) + 16) : NULL;
	struct stat st;
	int fd = -1, r = -1;
	if (tmp && stat(real, &st) == 0) {
		sprintf(tmp, "%s.fmt-XXXXXX", real);
		fd = mkstemp(tmp);
	}
	if (fd >= 0) {
		r = fchmod(fd, st.st_mode & 07777) == 0 && out_write_all(fd, text->data, text->len) == 0 &&
		    fsync(fd) == 0 ? 0 : -1;
		int saved = errno;
		if (close(fd) != 0 && r == 0)
			saved = errno, r = -1;
		if (r == 0 && rename(tmp, real) != 0)
			saved = errno, r = -1;
		if (r != 0)
			unlink(tmp);
		errno = saved;
	}
	if (r != 0)
		diag_error(d, NULL, "cannot write '%s': %s", path, strerror(errno));
	mem_free(real);
	mem_free(tmp);
	return r == 0 ? 0 : EXIT_USAGE;
}

/* Writes text to standard output. 0, or 2 (reported). */
static int fmt_print(const struct buf *text, struct diag *d)
{
	if (fwrite(text->data, 1, text->len, stdout) != text->len || fflush(stdout) != 0) {
		diag_error(d, NULL, "cannot write to standard output: %s", strerror(errno));
		return EXIT_USAGE;
	}
	return 0;
}

/* What becomes of one file formatted: text was its text, out is the layout. */
static int fmt_result(struct fmt_run *run, const char *path, const char *text, size_t len,
		      const struct buf *out)
{
	bool is_stdin = strcmp(path, "-") == 0;
	bool same = out->len == len && memcmp(out->data ? out->data : "", text, len) == 0;
	if (!run->check && !run->diff)
		return is_stdin ? fmt_print(out, run->d) : same ? 0 : fmt_replace(path, out, run->d);
	if (same)
		return 0;
	int r = 0;
	if (run->check)
		printf("%s\n", is_stdin ? "<stdin>" : path);
	if (run->diff) {
		struct buf patch;
		buf_init(&patch);
		if (udiff(&patch, is_stdin ? "<stdin>" : path, text, len, out->data ? out->data : "",
			  out->len) != 0) {
			diag_error(run->d, NULL, "out of memory");
			r = EXIT_USAGE;
		} else {
			r = fmt_print(&patch, run->d);
		}
		buf_free(&patch);
	}
	return r ? r : EXIT_INVALID;
}

/* Formats one file. Returns its exit status. */
static int fmt_file(struct fmt_run *run, const char *path)
{
	char *text;
	size_t len;
	if (fmt_read(path, &text, &len, run->d) != 0)
		return EXIT_USAGE;
	struct arena *a = arena_new();
	struct buf out;
	buf_init(&out);
	int r = a ? fmt_text(a, strcmp(path, "-") == 0 ? "<stdin>" : path, text, len, &out, run->d)
		  : -1;
	if (r == 0)
		r = fmt_result(run, path, text, len, &out);
	else if (r == 1 && fmt_keep(run, a) == 0)
		a = NULL;               /* freed once its diagnostics are printed */
	else if (r == 1)
		diag_print(run->d);     /* now, while the file they quote is there */
	if (r < 0) {
		diag_error(run->d, NULL, "out of memory");
		r = EXIT_USAGE;
	}
	buf_free(&out);
	arena_free(a);
	mem_free(text);
	return r;
}

/* The options; returns -1 to go on, else the exit status. */
static int fmt_options_parse(int argc, char **argv, struct fmt_run *run, struct diag *d,
			     bool *try_help)
{
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":h", fmt_options, NULL)) != -1) {
		switch (c) {
		case 'c': run->check = true; break;
		case 'd': run->diff = true; break;
		case 'h':
			fmt_usage(stdout);
			return EXIT_SUCCESS;
		default:
			cli_bad_option(c, argv, fmt_options, d);
			*try_help = true;
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		diag_error(d, NULL, "no input files");
		*try_help = true;
		return EXIT_USAGE;
	}
	return -1;
}

int fmt_main(int argc, char **argv)
{
	struct diag d;
	diag_init(&d, stderr);
	d.color = cli_color_auto();
	struct fmt_run run = { .d = &d };
	struct cli files = { 0 };
	bool try_help = false;
	int status = fmt_options_parse(argc, argv, &run, &d, &try_help);
	if (status < 0)
		status = inputs_expand(&files, argv + optind, (size_t)(argc - optind), &d);
	for (size_t i = 0; status <= EXIT_INVALID && i < files.n_inputs; i++) {
		/* An I/O error stops the run where it happened. */
		int r = fmt_file(&run, files.inputs[i]);
		if (r > status)
			status = r;
	}
	diag_print(&d);
	if (try_help)
		fprintf(stderr, "Try 'jobc fmt --help' for more information.\n");
	status = cli_lost(d.lost, status);
	for (size_t i = 0; i < run.n_kept; i++)
		arena_free(run.kept[i]);
	mem_free(run.kept);
	diag_free(&d);
	cli_free(&files);
	return status;
}
