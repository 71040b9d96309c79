/*
 * output_dir.h - the output folder and its stage, inside the output code.
 *
 * output_stage.c opens the folder (out_dir_open), begins each product in
 * the stage as its first file arrives and writes the files there
 * (out_dir_put, called by output_set.c from any thread); output_commit.c
 * finishes the products and swaps them in (out_dir_commit). The rest of
 * jobc sees only output.h.
 */
#ifndef JOBC_OUTPUT_DIR_H
#define JOBC_OUTPUT_DIR_H

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#include "buf.h"
#include "diag.h"
#include "output.h"

/*
 * A product: the files whose paths start with the same first component, a
 * folder (json/...) or a single file.
 */
struct out_product {
	char name[NAME_MAX + 1];
	bool folder;
	bool exists;            /* the output folder has one now */
	mode_t mode;            /* ... with this mode */
	int new_fd;             /* a folder's new version, in the stage; or -1 */
	int old_fd;             /* a folder's current version; or -1 */
};

struct out_dir {
	char *path;             /* the output folder, as named */
	size_t created;         /* where the folders out_dir_open made start */
	int dir_fd;             /* the output folder */
	int stage_fd;           /* its staging folder, stage_name in dir_fd */
	char stage_name[64];
	pthread_mutex_t lock;   /* the products, which threads add to */
	struct diag *diag;      /* where failures are reported (out_report) */
	pthread_mutex_t report_lock;    /* ... from any thread */
	struct out_product **products;  /* by pointer: threads hold them */
	size_t n_products, cap;
	bool committed;
	struct sigaction saved_xfsz;
	atomic_size_t written, unchanged;       /* out_stats, counted from any thread */
	size_t removed;
};

/*
 * A relative path whose components are all ordinary names (no "", ".",
 * ".."), without a newline (a manifest holds one path a line).
 */
bool out_path_is_safe(const char *path);

/*
 * Writes path with content into the stage. In a folder that exists, a
 * file whose bytes are already there is linked from the current version,
 * so its timestamp only moves when its content does. 0, or -1 after a
 * message. Threads may call it together.
 */
int out_dir_put(struct out_dir *d, const char *path, const struct buf *content);

/*
 * Writes the file rest of folder product p into its new version, linked
 * from the current version if its bytes are already there. Its folders are
 * made only when the first attempt finds them missing: one system call per
 * file, not one per folder. 0 if written, 1 if linked, or -1 with errno.
 */
int out_put_in_folder(const struct out_product *p, const char *rest,
		      const char *data, size_t len);

/*
 * op(p, rest, ctx) on the file rest of folder product p's new version;
 * if that fails for a missing folder (ENOENT), the folders are made and op
 * is tried once more. Returns what op returns (>= 0: success; -1, errno).
 */
typedef int out_folder_op(const struct out_product *p, const char *rest, void *ctx);
int out_in_folder(const struct out_product *p, const char *rest, out_folder_op *op, void *ctx);

/*
 * The product path belongs to, begun if it is the first of its files.
 * NULL after a message if it cannot be, or if path would overwrite a file
 * of the product (json/x and a file json). Threads may call it together.
 */
struct out_product *out_product_of(struct out_dir *d, const char *path);

/*
 * A file of a folder product written in pieces (output_stream.c), for
 * out_file_flush. out_stream_put writes a piece, beginning the stream *s
 * at the first; out_stream_end writes the last piece (which may be empty)
 * and finishes the file, and out_stream_free abandons it. path is kept,
 * not copied. 0, or -1 after a message; the stream is freed either way
 * by out_stream_end.
 */
struct out_stream;
int out_stream_put(struct out_dir *d, struct out_stream **s, const char *path,
		   const char *data, size_t len);
int out_stream_end(struct out_stream *s, const char *data, size_t len);
void out_stream_free(struct out_stream *s);

/*
 * Reports why the output code fails, as an error with no location in diag
 * (made under lock, if not NULL): "cannot WHAT 'DIR/PATH': REASON" (PATH ""
 * names DIR itself) for the errno err; for ENOMEM, "out of memory while
 * writing output", or "... while generating output" when no folder is
 * involved (dir NULL: a backend's buffer lost data). Returns -1.
 */
int out_report_to(struct diag *diag, pthread_mutex_t *lock, int err, const char *dir,
		  const char *what, const char *path);

/* The same for a failure in d's folder, into d's diag. */
int out_report(struct out_dir *d, int err, const char *what, const char *path);

#endif
