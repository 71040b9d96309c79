/* backends.c - the registry of output formats (see backend.h). */
#include <string.h>

#include "backend.h"

const struct backend *const backend_table[] = {
	&backend_json,
	&backend_latex,
	&backend_html,
	&backend_c,
	&backend_csv,
	&backend_xlsx,
	&backend_pdf,
};

const size_t backend_count = sizeof backend_table / sizeof backend_table[0];

const struct backend *backend_find(const char *name)
{
	for (size_t i = 0; i < backend_count; i++)
		if (strcmp(backend_table[i]->name, name) == 0)
			return backend_table[i];
	return NULL;
}
