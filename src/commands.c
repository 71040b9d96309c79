/* commands.c - the table of jobc's commands (see commands.h). */
#include <string.h>

#include "commands.h"
#include "diff.h"
#include "fmt.h"
#include "lsp.h"

const struct command command_table[] = {
	{ "lsp", "a language server for editors, on standard input and output", lsp_main },
	{ "fmt", "lay .jobsheet files out in the canonical layout (jobc fmt --help)", fmt_main },
	{ "diff", "what changed between two editions, item by item (jobc diff --help)", diff_main },
};

const size_t command_count = sizeof command_table / sizeof command_table[0];

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(command_table[i].name, name) == 0)
			return &command_table[i];
	return NULL;
}
