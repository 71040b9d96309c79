/*
 * rebuild.h - a run whose input has not changed since the last run into
 * the same folder does nothing (docs/ROBUSTNESS.md, "Runs that have
 * nothing to do").
 *
 * A run that succeeds without showing a diagnostic leaves a record in the
 * output folder, REBUILD_RECORD: the key of the run (jobc's version, a
 * hash of its executable, every option that changes what it writes or
 * shows), each input file with its size, times, inode and a hash of its
 * bytes, and each file of the products it wrote with its size, times and
 * inode. The next run with the same key over the same files finds each
 * input with the same hash (its bytes read only if its size or times
 * changed) and each output as it was left: it has nothing to write and
 * nothing to say, and stops there. Anything else is a whole run.
 *
 * The record goes before any product is replaced and comes back once all
 * are in place (written aside, then renamed), so a run that dies between
 * leaves none. Times are trusted only where they can tell: an input
 * changed in the clock tick in which the run read it is hashed again
 * next time, and the record is written only once the clock has passed
 * the time of the last output file written, so that a later change to
 * one moves its time.
 */
#ifndef JOBC_REBUILD_H
#define JOBC_REBUILD_H

#include <stdbool.h>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"

#define REBUILD_RECORD ".jobc-build"

struct rebuild;

/*
 * Begins a run of cli: its key, and its input files as they are now
 * (stated, then hashed). Sets *current if the output folder holds a
 * record of a run with that key over the same files, whose outputs are
 * all as it left them: the run then need do nothing. NULL (and *current
 * false) for a --check run, or if memory runs out: no record is kept.
 */
struct rebuild *rebuild_begin(const struct cli *cli, const struct diag *d, bool *current);

/* The products of the output folder dir are about to change: the record of
 * the last run goes first. */
void rebuild_forget(const char *dir);

/*
 * The run's products are in place and it shows no diagnostic (d): writes
 * its record. A record that cannot be made is not (the next run does the
 * work); nothing is reported.
 */
void rebuild_record(struct rebuild *rb, const struct diag *d);

void rebuild_free(struct rebuild *rb);

/* True if a file stated as `was` is stated as `now`: size, inode, times
 * (dev: the device too). Also how jobc --watch tells a file changed. */
bool rebuild_same_stat(const struct stat *was, const struct stat *now, bool dev);

/* The hash (hash.h) of the bytes of the file at path (at, relative; a
 * symbolic link followed), into *hash; scratch holds them meanwhile. False
 * if it cannot be read. Also what tells jobc --watch a file written again
 * with the same bytes. */
bool rebuild_hash_file(int at, const char *path, struct buf *scratch, uint64_t *hash);

#endif
