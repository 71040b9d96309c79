/*
 * output_report.c - the one place the output code reports a failure.
 *
 * Every failure of output_*.c becomes a diagnostic record here, with no
 * location ("jobc: error: ..."), in the diag the output folder was opened
 * with. Backends write on several threads: records are made under a lock.
 * The texts are fixed: tests and docs/ROBUSTNESS.md quote them.
 */
#include <errno.h>
#include <string.h>

#include "output_dir.h"

int out_report_to(struct diag *diag, pthread_mutex_t *lock, int err, const char *dir,
		  const char *what, const char *path)
{
	if (lock)
		pthread_mutex_lock(lock);
	if (err == ENOMEM && !dir)
		diag_error(diag, NULL, "out of memory while generating output");
	else if (err == ENOMEM)
		diag_error(diag, NULL, "out of memory while writing output");
	else
		diag_error(diag, NULL, "cannot %s '%s%s%s': %s", what, dir, *path ? "/" : "",
			   path, strerror(err));
	if (lock)
		pthread_mutex_unlock(lock);
	return -1;
}

int out_report(struct out_dir *d, int err, const char *what, const char *path)
{
	return out_report_to(d->diag, &d->report_lock, err, d->path, what, path);
}
