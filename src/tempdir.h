/*
 * tempdir.h - a private temporary folder, for the backends whose tools need
 * files: libxlsxwriter writes a workbook to a path, latexmk compiles files.
 * Made with mkdtemp (mode 0700, under $TMPDIR or /tmp), so no other user
 * can read or plant anything in it; removed whole, with whatever the tools
 * left in it. Nothing of it reaches the output folder but what the backend
 * reads back into its out_set.
 */
#ifndef JOBC_TEMPDIR_H
#define JOBC_TEMPDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct tempdir {
	char path[4096];
};

/* Makes the folder (jobc-XXXXXX). 0, or -1 after an error in diag. */
int tempdir_make(struct tempdir *t, struct diag *diag);

/* The path of name in the folder, in out (size bytes); false if too long. */
bool tempdir_file(const struct tempdir *t, const char *name, char *out, size_t size);

/* Writes n bytes as the file name. 0, or -1 after an error in diag. */
int tempdir_write(const struct tempdir *t, const char *name, const void *data, size_t n,
		  struct diag *diag);

/* Appends the bytes of name to b. 0, or -1 after an error in diag. */
int tempdir_read(const struct tempdir *t, const char *name, struct buf *b, struct diag *diag);

/* Removes the folder and all it holds. */
void tempdir_remove(struct tempdir *t);

#endif
