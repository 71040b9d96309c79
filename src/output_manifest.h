/*
 * output_manifest.h - the files jobc wrote in a product folder.
 *
 * Each folder product (json/, html/...) holds a hidden file, OUT_MANIFEST,
 * made in the stage and swapped in with the rest of the product: a header
 * line, then the path of every file the run wrote in that folder, relative
 * to it, one a line, sorted by bytes. The next run that writes the product
 * reads the manifest of the version it replaces: a file listed there that
 * it does not write again is stale, and is left out of the new version; a
 * file not listed is not jobc's, and is kept (docs/ROBUSTNESS.md).
 *
 * A manifest jobc did not write (another header, a line that is not a
 * safe relative path, not a regular file, a symbolic link) is not trusted:
 * it lists nothing, so nothing is removed. A product that is a single file
 * (no backend makes one) has no manifest: it is replaced whole.
 */
#ifndef JOBC_OUTPUT_MANIFEST_H
#define JOBC_OUTPUT_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define OUT_MANIFEST ".jobc-manifest"

struct out_manifest {
	struct buf text;        /* the paths, each ended by '\0' */
	const char **paths;     /* into text, sorted */
	size_t count;
};

void out_manifest_init(struct out_manifest *m);
void out_manifest_free(struct out_manifest *m);

/*
 * The regular files under folder fd, into m (which must be empty). 0, or
 * -1 with errno.
 */
int out_manifest_scan(struct out_manifest *m, int fd);

/*
 * The file OUT_MANIFEST for m, appended to b (b->failed if memory ran
 * out).
 */
void out_manifest_format(struct out_manifest *m, struct buf *b);

/*
 * The manifest in folder fd, read into m (which must be empty): absent or
 * untrusted, it lists nothing. 0, or -1 with errno if it could not be read
 * (ENOMEM: memory ran out).
 */
int out_manifest_read(struct out_manifest *m, int fd);

/* True if m, as out_manifest_read made it, lists path. */
bool out_manifest_has(const struct out_manifest *m, const char *path);

#endif
