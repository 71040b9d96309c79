/*
 * code.h - what a code is, and the names it gives to files and labels.
 *
 * A code is runs of ASCII letters and digits with one separator, `.`, `-`
 * or `_`, between two runs: `3.5a`, `DEV-01`, `15-1252.00`, `IT.3.2`. Case
 * is kept. Sheets, families and previous-edition positions have codes; two
 * codes are the same code when ast_code_compare says so (runs of digits as
 * numbers, so `DEV-01` is `DEV-1`).
 *
 * The rule of families, in one sentence: a sheet belongs to a family when
 * its code is the family's code, a separator and more (`3` -> `3.5a`, `DEV`
 * -> `DEV-01`, `15` -> `15-1252.00`).
 *
 * Every code gives a file name and a LaTeX label that are legal everywhere
 * and that no other code gives (tests/test_code.c): the validator rejects
 * two sheet codes that differ only in letter case, which case-insensitive
 * file systems would take for one file.
 */
#ifndef JOBC_CODE_H
#define JOBC_CODE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* True if s[0..n) is a code. */
bool code_valid(const char *s, size_t n);

/* True if c is one of the separators of a code. */
static inline bool code_separator(char c)
{
	return c == '.' || c == '-' || c == '_';
}

/* True if the sheet code belongs to the family code (the rule above). */
bool code_in_family(const char *sheet, const char *family);

/*
 * The code as a file name, before its extension (json/sheets/NAME.json,
 * html/sheets/NAME.html): the code itself, but for one whose part before
 * the first dot is a device name of Windows (CON, NUL, COM1...), which no
 * file there may be called whatever its extension: `_` follows that part
 * (`CON` -> `CON_`, `nul.2` -> `nul_.2`), a name no code has.
 */
void code_file_name(struct buf *b, const char *code);

/*
 * The code in letters, digits and hyphens only, for LaTeX's file names and
 * labels: each separator becomes one, two or three hyphens (`.`, `-`,
 * `_`), so that `3.5a`, `3-5a` and `3_5a` stay apart (3-5a, 3--5a, 3---5a).
 */
void code_label(struct buf *b, const char *code);

#endif
