/*
 * output_fs.c - the file-system calls of the output code (see output_fs.h).
 *
 * Everything is relative to folder descriptors, so that a folder renamed or
 * swapped meanwhile cannot redirect a write, and nothing follows a symbolic
 * link unless asked. Writes retry on EINTR; a file left half-written by a
 * failure is removed.
 */
#define _DEFAULT_SOURCE /* d_type */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output_fs.h"

int out_open_dir(int at, const char *name)
{
	return openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

int out_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int out_write_file(int at, const char *name, const char *data, size_t len, mode_t mode)
{
	int fd = openat(at, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	int r = out_write_all(fd, data, len);
	int saved = errno;
	if (close(fd) != 0 && r == 0) {
		r = -1;
		saved = errno;
	}
	if (r != 0)
		unlinkat(at, name, 0);
	errno = saved;
	return r;
}

bool out_next_same(int fd, const char *data, size_t len)
{
	char chunk[8192];
	while (len > 0) {
		ssize_t n = read(fd, chunk, len < sizeof chunk ? len : sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(chunk, data, (size_t)n) != 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

int out_open_regular(int at, const char *name)
{
	/* Not blocking: a FIFO in the way must not stop the run. */
	int fd = openat(at, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

bool out_same_content(int at, const char *name, const char *data, size_t len)
{
	int fd = out_open_regular(at, name);
	if (fd < 0)
		return false;
	struct stat st;
	bool same = fstat(fd, &st) == 0 && (size_t)st.st_size == len && out_next_same(fd, data, len);
	close(fd);
	return same;
}

/*
 * Reads fd to its end, handing each piece to take(ctx, piece, n), which
 * returns 0 to go on, or -1 (errno set) to stop. 0 at the end, else -1.
 */
static int out_read_pieces(int fd, int (*take)(void *ctx, const char *piece, size_t n),
			   void *ctx)
{
	char chunk[8192];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -1 : 0;
		if (take(ctx, chunk, (size_t)n) != 0)
			return -1;
	}
}

static int out_take_into_buf(void *b, const char *piece, size_t n)
{
	buf_put(b, piece, n);
	if (!((struct buf *)b)->failed)
		return 0;
	errno = ENOMEM;
	return -1;
}

int out_read_fd(int fd, struct buf *b)
{
	return out_read_pieces(fd, out_take_into_buf, b);
}

int out_read_file(int at, const char *name, struct buf *b)
{
	int fd = out_open_regular(at, name);
	if (fd < 0)
		return -1;
	int r = out_read_pieces(fd, out_take_into_buf, b);
	int saved = errno;
	close(fd);
	errno = saved;
	return r;
}

static int out_take_into_fd(void *fd, const char *piece, size_t n)
{
	return out_write_all(*(int *)fd, piece, n);
}

int out_copy_file(int from, int to, const char *name, mode_t mode)
{
	int in = openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in < 0)
		return -1;
	int out = openat(to, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 07777);
	int r = out < 0 ? -1 : out_read_pieces(in, out_take_into_fd, &out);
	int saved = errno;
	close(in);
	if (out >= 0 && close(out) != 0 && r == 0) {
		r = -1;
		saved = errno;
	}
	errno = saved;
	return r;
}

DIR *out_read_dir(int at, const char *name)
{
	int fd = out_open_dir(at, name);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d && fd >= 0)
		close(fd);
	return d;
}

const char *out_next_entry(DIR *d, bool *folder)
{
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		struct stat st;
		/* d_type saves a system call where the file system gives it. */
		if (folder)
			*folder = e->d_type == DT_UNKNOWN
				? fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
				  S_ISDIR(st.st_mode)
				: e->d_type == DT_DIR;
		return e->d_name;
	}
	return NULL;
}

int out_remove_tree(int at, const char *name)
{
	if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	DIR *d = out_read_dir(at, name);
	if (!d)
		return -1;
	int r = 0;
	for (const char *entry; (entry = out_next_entry(d, NULL)) != NULL;)
		r |= out_remove_tree(dirfd(d), entry);
	closedir(d);
	return r | unlinkat(at, name, AT_REMOVEDIR);
}

/*
 * Opens the folder that holds the last component of path under root,
 * making the folders on the way; *last points at that component.
 */
static int out_open_parent(int root, const char *path, const char **last)
{
	int fd = dup(root);
	const char *p = path;
	for (const char *slash; fd >= 0 && (slash = strchr(p, '/')) != NULL; p = slash + 1) {
		char name[NAME_MAX + 1];
		size_t n = (size_t)(slash - p);
		if (n > NAME_MAX) {
			close(fd);
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		if (mkdirat(fd, name, 0777) != 0 && errno != EEXIST) {
			close(fd);
			return -1;
		}
		int next = out_open_dir(fd, name);
		close(fd);
		fd = next;
	}
	*last = p;
	return fd;
}

int out_make_parents(int fd, const char *path)
{
	const char *name;
	int at = out_open_parent(fd, path, &name);
	if (at < 0)
		return -1;
	close(at);
	return 0;
}

int out_make_dir(char *dir, size_t *created)
{
	size_t len = strlen(dir);
	*created = len + 1;
	for (size_t i = 1; i <= len; i++) {
		if (dir[i] != '/' && dir[i] != '\0')
			continue;
		dir[i] = '\0';
		int r = mkdir(dir, 0777), err = errno;
		dir[i] = i < len ? '/' : '\0';
		if (r == 0 && *created > len)
			*created = i;
		if (r != 0 && err != EEXIST) {
			errno = err;
			return -1;
		}
	}
	return 0;
}

void out_unmake_dir(char *dir, size_t created)
{
	size_t len = strlen(dir);
	for (size_t i = len + 1; i-- > created;) {
		if (dir[i] == '/' || dir[i] == '\0') {
			dir[i] = '\0';
			rmdir(dir);
			dir[i] = i < len ? '/' : '\0';
		}
	}
}
