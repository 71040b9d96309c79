/*
 * output.h - staged, atomic output.
 *
 * Backends never touch the file system: they add files to an out_set, each
 * a buffer with a path relative to the output folder ("json/catalogue.json").
 * Only when every backend has succeeded does the driver call out_commit(),
 * which writes each file to a temporary name beside its target and renames
 * it into place, so that a reader (or a crash) never sees half a file, and an
 * invalid catalogue or a failed backend leaves the output folder untouched.
 */
#ifndef JOBC_OUTPUT_H
#define JOBC_OUTPUT_H

#include <stdbool.h>

#include "buf.h"

struct out_set;

struct out_set *out_set_new(void);
void out_set_free(struct out_set *set);

/*
 * A new, empty file of the set; the path is made with printf-style
 * formatting. Returns NULL if memory runs out or the path is unsafe
 * (absolute, empty, or with a ".." component).
 */
struct buf *out_file(struct out_set *set, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Files staged so far, in the order they were added. */
size_t out_count(const struct out_set *set);
const char *out_path(const struct out_set *set, size_t i);
const struct buf *out_content(const struct out_set *set, size_t i);

/* True if any staged buffer lost data to a failed allocation. */
bool out_failed(const struct out_set *set);

/*
 * Writes every file under dir (created if missing). Returns 0, or -1 after
 * printing "jobc: error: ..." naming the file and the system's reason.
 */
int out_commit(const struct out_set *set, const char *dir);

#endif
