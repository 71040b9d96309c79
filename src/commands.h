/*
 * commands.h - jobc's commands other than compiling: `jobc NAME ARGS...`.
 *
 * main.c looks argv[1] up in this table before reading options; a first
 * argument that names no command is compiled as usual (a file or folder
 * called like a command is still read as `./lsp`). Each command is one
 * entry, its own main: it reads its own arguments and returns the exit
 * status.
 */
#ifndef JOBC_COMMANDS_H
#define JOBC_COMMANDS_H

#include <stddef.h>

struct command {
	const char *name;               /* "lsp" */
	const char *summary;            /* one line, for --help */
	/* argv[0] is the command's name; returns the exit status */
	int (*main)(int argc, char **argv);
};

extern const struct command command_table[];
extern const size_t command_count;

/* The command called name, or NULL. */
const struct command *command_find(const char *name);

#endif
