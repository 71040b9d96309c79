/*
 * commands.h - the subcommands of jobc: `jobc NAME ARGS...`.
 *
 * main.c hands the command line to a subcommand when its first word is
 * the name of one; otherwise jobc compiles (cli.h). Each subcommand is a
 * main of its own (argv[0] is its name) that returns the exit status, and
 * a line of the table in commands.c: `jobc --help` lists them from there.
 * A file called like a subcommand is named ./fmt.
 */
#ifndef JOBC_COMMANDS_H
#define JOBC_COMMANDS_H

#include <stddef.h>

struct command {
	const char *name;
	const char *summary;            /* one line, for --help */
	int (*run)(int argc, char **argv);
};

extern const struct command command_table[];
extern const size_t command_count;

/* The subcommand called name, or NULL. */
const struct command *command_find(const char *name);

/* The subcommands, one line each (fmt_cli.c, diff_cli.c, ...). */
int fmt_main(int argc, char **argv);
int diff_main(int argc, char **argv);

#endif
