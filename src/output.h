/*
 * output.h - staged, atomic output.
 *
 * Backends never touch the file system: they add files to an out_set, each
 * a buffer with a path relative to the output folder ("json/catalogue.json").
 *
 * An out_set is either kept in memory (out_set_new: tests read it back) or
 * bound to an out_dir (out_set_to): the output folder being replaced. Then
 * each file goes to the out_dir's staging folder as soon as the backend says
 * it is done with it (out_file_done), or when the set is written
 * (out_set_write), so a backend holds one page at a time, not the site, and
 * backends on several threads write their files at the same time.
 *
 *     struct out_dir *d = out_dir_open("out", diag); // nothing visible yet
 *     struct out_set *s = out_set_to(d);
 *     backend->emit(root, opts, s, diag);            // may call out_file_done
 *     if (!out_failed(s) && out_set_write(s) == 0 && out_dir_commit(d) == 0)
 *             ok;                                    // every product swapped in
 *     out_set_free(s);
 *     out_dir_close(d);                              // not committed: nothing changed
 *
 * Only out_dir_commit changes what a reader of the output folder sees: each
 * product (the first component of a path: json/, html/...) is swapped in
 * whole, so a reader, a crash or a failed backend never leaves half a file
 * or a mix of versions (docs/ROBUSTNESS.md). A product folder's new version
 * keeps what the old one held that this run does not write, but for the
 * files an earlier run wrote there (listed in its hidden .jobc-manifest):
 * a sheet removed from the input leaves no page behind.
 */
#ifndef JOBC_OUTPUT_H
#define JOBC_OUTPUT_H

#include <stdbool.h>

#include "buf.h"
#include "diag.h"

struct out_set;
struct out_dir;

/*
 * The output folder dir, made if missing (with the folders above it), and
 * a staging folder inside it. NULL after reporting "jobc: error: ..." to
 * diag if that cannot be done; every later failure of the folder is an
 * error in diag too. Safe to use from several threads.
 */
struct out_dir *out_dir_open(const char *dir, struct diag *diag);

/* Puts every product staged so far in place. 0, or -1 after a message. */
int out_dir_commit(struct out_dir *d);

/* Removes the stage; without a commit, leaves the folder as it was. */
void out_dir_close(struct out_dir *d);

/* What the files of a run came to in the output folder. */
struct out_stats {
	size_t written;         /* files written: new, or their bytes changed */
	size_t unchanged;       /* files whose bytes were there already (linked) */
	size_t removed;         /* files of an earlier run not written again */
};

/* The stats of d so far (removed: once committed). */
void out_dir_stats(const struct out_dir *d, struct out_stats *stats);

/* A set kept in memory, or one whose files go to d. NULL without memory. */
struct out_set *out_set_new(void);
struct out_set *out_set_to(struct out_dir *d);
void out_set_free(struct out_set *set);

/*
 * A new, empty file of the set; the path is made with printf-style
 * formatting. Returns NULL if memory runs out or the path is unsafe
 * (absolute, empty, with an empty, "." or ".." component or a newline) or
 * is a product's manifest (PRODUCT/.jobc-manifest). The buffer stays valid
 * until the set is freed, whatever other files are added meanwhile: a
 * backend may keep several open (catalogue.json while the sheets' files
 * are made from it).
 */
struct buf *out_file(struct out_set *set, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The backend will not add to file b again. A bound set writes it to the
 * stage now and reuses its memory for the next file. In memory, nothing
 * happens. Returns 0; -1 if b lost data (out_failed is then true) or could
 * not be written (after a message): the set is then lost, and the backend
 * may stop.
 */
int out_file_done(struct out_set *set, struct buf *b);

/*
 * Past this many bytes, out_file_flush hands what b holds over.
 */
#define OUT_FLUSH_MIN ((size_t)1 << 20)

/*
 * The backend has added a piece of file b (a sheet of catalogue.json) and
 * will only append to it: a bound set whose b holds OUT_FLUSH_MIN bytes or
 * more writes them to the file in the stage now and empties b, so that a
 * file of a hundred megabytes is never held whole. The file is in place
 * at out_file_done, which hands the rest over; an unchanged file is still
 * linked from the current version rather than rewritten (output_stream.c).
 * In memory, or for a product that is a single file, nothing happens.
 * Returns 0; -1 as out_file_done.
 */
int out_file_flush(struct out_set *set, struct buf *b);

/* Writes the files not yet written to the stage (bound sets). 0, or -1
 * as out_file_done, for this or any earlier file. */
int out_set_write(struct out_set *set);

/* Files of a set in memory, in the order they were added. */
size_t out_count(const struct out_set *set);
const char *out_path(const struct out_set *set, size_t i);
const struct buf *out_content(const struct out_set *set, size_t i);

/* True if a buffer of the set lost data to a failed allocation. */
bool out_failed(const struct out_set *set);

/*
 * A set in memory, written to dir and committed in one step. Returns 0,
 * or -1 after reporting to diag "jobc: error: ..." naming the file and
 * the reason.
 */
int out_commit(const struct out_set *set, const char *dir, struct diag *diag);

#endif
