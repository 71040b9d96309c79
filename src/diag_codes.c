/* diag_codes.c - the kinds of diagnostic, with their names (see diag.h). */
#include <string.h>

#include "diag.h"

const struct diag_code_info diag_codes[DIAG_CODE_COUNT] = {
	[DIAG_NOTE_CODE] = { "note", "more about the diagnostic before it" },
	[DIAG_E_DRIVER] = { "driver", "the command line, an input file or the output folder "
				      "cannot be used" },
	[DIAG_E_SYNTAX] = { "syntax", "the text does not follow the grammar of the language" },
	[DIAG_E_CHECK] = { "check", "the catalogue breaks a rule of the language: a name not "
				    "declared, a required section missing, a code used twice" },
	[DIAG_W_EMPTY_SECTION] = { "empty-section", "a section is written with nothing in it" },
	[DIAG_W_EMPTY_LIST] = { "empty-list", "a list or a list of sub-items has no item" },
	[DIAG_W_EMPTY_GROUP] = { "empty-group", "a group of activities has no task" },
	[DIAG_W_REPEATED_ITEM] = { "repeated-item", "a knowledge item is written twice in one "
						   "sheet" },
	[DIAG_W_PREVIOUS_TITLE] = { "previous-title", "a previous-edition position is named "
						    "differently in two places" },
	[DIAG_W_RETIRED_REPLACED] = { "retired-replaced", "a previous-edition position is "
							  "both retired and replaced" },
	[DIAG_W_UNMET_EXPECTATION] = { "unmet-expectation", "a '# jobc: expect' comment names "
							    "a warning that is not given there" },
	[DIAG_W_NUMBERED_GROUP] = { "numbered-group", "a group's title starts with a number "
						      "written by hand: the backends number groups" },
};

enum diag_code diag_warning_named(const char *name)
{
	for (int c = DIAG_W_FIRST; c < DIAG_CODE_COUNT; c++)
		if (strcmp(diag_codes[c].name, name) == 0)
			return (enum diag_code)c;
	return DIAG_NOTE_CODE;
}
