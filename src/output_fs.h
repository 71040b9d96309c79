/*
 * output_fs.h - the file-system calls of the output code (output_fs.c).
 *
 * Small helpers that work relative to folder descriptors (openat and
 * friends), never follow a symbolic link they did not ask for, and know
 * nothing of products, stages or manifests. Each returns -1 (or NULL) with
 * errno set; none prints.
 */
#ifndef JOBC_OUTPUT_FS_H
#define JOBC_OUTPUT_FS_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"

/* The folder name in folder at, opened for the *at calls. */
int out_open_dir(int at, const char *name);

/* Writes n bytes to fd, through short writes and EINTR (jobc fmt too). */
int out_write_all(int fd, const char *p, size_t n);

/* Creates name in folder at with these bytes; the file must not exist. */
int out_write_file(int at, const char *name, const char *data, size_t len, mode_t mode);

/* The regular file name in folder at, opened to read; -1 with errno EINVAL
 * if it is not a regular file, ELOOP if it is a symbolic link. */
int out_open_regular(int at, const char *name);

/* True if the next len bytes read from fd are data's. */
bool out_next_same(int fd, const char *data, size_t len);

/* True if the regular file name in folder at holds exactly these bytes. */
bool out_same_content(int at, const char *name, const char *data, size_t len);

/*
 * The regular file name in folder at, appended to b. -1 with errno ENOENT
 * if it is absent, ELOOP if it is a symbolic link, EINVAL if it is not a
 * regular file, ENOMEM if b could not grow, or that of a failed read.
 */
int out_read_file(int at, const char *name, struct buf *b);

/* The rest of the open file fd, appended to b: 0, or -1 with errno. */
int out_read_fd(int fd, struct buf *b);

/* A copy of the regular file name from folder from into folder to. */
int out_copy_file(int from, int to, const char *name, mode_t mode);

/* The folder name in folder at ("." for at itself) as a stream, or NULL. */
DIR *out_read_dir(int at, const char *name);

/*
 * The next entry of d other than "." and "..", or NULL at the end. With
 * folder, *folder says if the entry is a folder (a link is not followed).
 */
const char *out_next_entry(DIR *d, bool *folder);

/* rm -r of name in folder at (not following symbolic links). */
int out_remove_tree(int at, const char *name);

/* Makes the folders on the way to the last component of path under fd. */
int out_make_parents(int fd, const char *path);

/*
 * mkdir -p of dir. *created is where the first folder it made ends in dir
 * (strlen(dir) + 1 if it made none), for out_unmake_dir.
 */
int out_make_dir(char *dir, size_t *created);

/* rmdir of the folders out_make_dir made, innermost first, if still empty. */
void out_unmake_dir(char *dir, size_t created);

#endif
