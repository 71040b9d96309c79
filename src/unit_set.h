/*
 * unit_set.h - the units of a list of input files, kept from one run to
 * the next (jobc --watch): when a file changes, only that file is parsed
 * again; each run joins every unit in order and validates the whole.
 *
 *     struct unit_set *s = unit_set_new(&d);
 *     unit_set_files(s, paths, n, jobs);          // reads them all
 *     struct frontend *fe;
 *     if (unit_set_run(s, &d, &fe) == 0 && !diag_failed(&d)) use(frontend_root(fe));
 *     ... render d; diag_clear(&d); frontend_free(fe);
 *     unit_set_forget(s, "b.jobsheet");           // it changed
 *     unit_set_files(s, paths, n, jobs);          // reads b again, and new files
 *     unit_set_run(s, &d, &fe);                   // as a fresh run of the files
 *
 * A run joins the units (frontend_join_unit): it must be freed before
 * the set changes (unit_set_files, unit_set_forget), which frees the
 * units of the files forgotten or no longer named.
 */
#ifndef JOBC_UNIT_SET_H
#define JOBC_UNIT_SET_H

#include <stddef.h>

#include "diag.h"
#include "frontend.h"

struct unit_set;

/* Units read with model's settings (max_errors). NULL if memory ran out. */
struct unit_set *unit_set_new(const struct diag *model);
void unit_set_free(struct unit_set *s);

/*
 * Makes the set's files paths[0..n) (none "-"), in that order: a file no
 * longer named loses its unit, a file without one is read (on up to jobs
 * threads), the others keep theirs. Returns 0, or -1 if memory ran out.
 */
int unit_set_files(struct unit_set *s, char *const *paths, size_t n, unsigned jobs);

/* Drops the unit of the file at path, to have it read again. */
void unit_set_forget(struct unit_set *s, const char *path);

/*
 * A new run, *run (NULL if memory ran out), of the set's units, as
 * frontend_parse_files and frontend_validate make of the same files: the
 * units joined in order up to the first whose file could not be read,
 * then validated if every file was read. Returns 0, 2 if a file could not
 * be read (the error is in d), -1 if memory ran out.
 */
int unit_set_run(struct unit_set *s, struct diag *d, struct frontend **run);

#endif
