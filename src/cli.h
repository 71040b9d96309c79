/*
 * cli.h - the command line of jobc: options, and the input files they name.
 *
 *   jobc [OPTIONS] FILE|FOLDER... [-o DIR]
 *
 * Every mistake in the options is a diagnostic record with no location
 * ("jobc: error: ..."), exit status 2, and nothing is read or written.
 */
#ifndef JOBC_CLI_H
#define JOBC_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "backend.h"
#include "diag.h"

enum { EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* How diagnostics are written to standard error. */
enum cli_format { CLI_TEXT, CLI_JSON, CLI_SARIF, CLI_GITHUB };

struct cli {
	const char *out_dir;
	bool check_only;
	const char *backends;   /* comma-separated names; NULL: all */
	unsigned jobs;          /* -j: threads for parsing and for the backends */
	struct backend_options opts;
	enum cli_format format;
	bool try_help;          /* a usage error: point at --help after it */
	bool watch;             /* --watch (watch.h) */
	/* the input files and folders as named, and the files they come to:
	 * folders expanded, each file once (inputs.c) */
	char *const *args;
	size_t n_args;
	char **inputs;
	size_t n_inputs;
};

/*
 * Reads the options into cli and the diag's settings (-W..., -q,
 * --max-errors, --color). Returns -1 to go on and compile, else the exit
 * status (0 after --help or --version).
 */
int cli_parse(int argc, char **argv, struct cli *cli, struct diag *d);

/* True if diagnostics are to be coloured when --color is not given: on a
 * terminal, unless NO_COLOR is set or TERM is dumb. */
bool cli_color_auto(void);

/*
 * Reports the option getopt_long did not take (it returned c, having been
 * given ":" first in its short options and opterr 0): unknown, with the
 * closest of options, or missing its argument. The subcommands share it.
 */
struct option;
void cli_bad_option(int c, char *const *argv, const struct option *options, struct diag *d);

/* The index of word among names, the values of option; or -1 after
 * reporting it (with the closest name). */
int cli_choice(const char *word, const char *option, const char *const *names, size_t n,
	       struct diag *d);

/*
 * The end of a command, once its diagnostics are printed: if one could not
 * be kept for want of memory (lost), says so without memory and returns
 * EXIT_USAGE; else status.
 */
int cli_lost(bool lost, int status);

/* True if the backend called name is to run. */
bool cli_backend_selected(const struct cli *cli, const char *name);

/*
 * The input files of args: a folder stands for the .jobsheet files under
 * it, at any depth, sorted by path; a file named twice (by the same path
 * or another) is read once, where it is first named. Returns 0, or
 * EXIT_USAGE (reported) if a folder cannot be read or holds no sheet.
 */
int inputs_expand(struct cli *cli, char *const *args, size_t n, struct diag *d);

/*
 * The folders whose entries make the input files of args: each folder
 * named and every folder under it that inputs_expand reads, and the folder
 * of each file named ("." for a bare name), as paths the input files' are
 * made from. For jobc --watch. Sets *folders (each allocated) and *n;
 * returns 0, or -1 if memory ran out.
 */
int inputs_folders(char *const *args, size_t n_args, char ***folders, size_t *n);

void cli_free(struct cli *cli);

#endif
