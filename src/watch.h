/*
 * watch.h - jobc --watch: build, then build again at each change of the
 * input files and folders, until SIGINT or SIGTERM.
 *
 * The input files' units are kept (unit_set.h): a rebuild parses again only
 * the files that changed, were added or renamed, validates the whole, and
 * writes through the same output code as a run (output.h): products staged
 * and swapped in whole, only files whose bytes changed written, the files
 * of a deleted sheet removed. While the input has errors, they are printed
 * and the output stays as it was. A line on standard output says what each
 * rebuild found and did, and how long it took (docs/jobc.1).
 *
 * Changes come from inotify (Linux): the folders holding the input files
 * are watched, those named and those under them, and each rebuild waits
 * for them to be quiet for WATCH_QUIET_MS, so that an editor's save (a
 * temporary file written, then renamed over the sheet) or a checkout of
 * many files makes one rebuild. Which files changed is decided by their
 * size, times and inode, and by the events that named them.
 */
#ifndef JOBC_WATCH_H
#define JOBC_WATCH_H

#include "cli.h"
#include "diag.h"

/* How long, in milliseconds, the inputs must be left alone before a rebuild. */
#define WATCH_QUIET_MS 30

/*
 * Runs jobc --watch with the options of cli (whose input files it expands
 * again at each rebuild), reporting into d. Returns the exit status once a
 * signal asks it to stop: 0; or 2 after a message if it cannot watch.
 */
int watch_run(struct cli *cli, struct diag *d);

#endif
