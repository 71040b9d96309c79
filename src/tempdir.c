/* tempdir.c - a private temporary folder (see tempdir.h). */
#define _XOPEN_SOURCE 700       /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tempdir.h"

int tempdir_make(struct tempdir *t, struct diag *diag)
{
	const char *base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	int n = snprintf(t->path, sizeof t->path, "%s/jobc-XXXXXX", base);
	if (n < 0 || (size_t)n >= sizeof t->path || !mkdtemp(t->path)) {
		diag_error(diag, NULL, "cannot make a temporary folder in '%s': %s", base,
			   n < 0 || (size_t)n >= sizeof t->path ? strerror(ENAMETOOLONG)
								 : strerror(errno));
		t->path[0] = '\0';
		return -1;
	}
	return 0;
}

bool tempdir_file(const struct tempdir *t, const char *name, char *out, size_t size)
{
	int n = snprintf(out, size, "%s/%s", t->path, name);
	return n >= 0 && (size_t)n < size;
}

int tempdir_write(const struct tempdir *t, const char *name, const void *data, size_t n,
		  struct diag *diag)
{
	char path[sizeof t->path + 256];
	int fd = tempdir_file(t, name, path, sizeof path)
		? open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
	bool ok = fd >= 0;
	int err = errno;
	for (const char *p = data; ok && n > 0;) {
		ssize_t put = write(fd, p, n);
		if (put < 0 && errno == EINTR)
			continue;
		ok = put > 0;
		err = errno;
		p += ok ? put : 0;
		n -= ok ? (size_t)put : 0;
	}
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (!ok)
		diag_error(diag, NULL, "cannot write '%s': %s", path, strerror(err));
	return ok ? 0 : -1;
}

int tempdir_read(const struct tempdir *t, const char *name, struct buf *b, struct diag *diag)
{
	char path[sizeof t->path + 256];
	int fd = tempdir_file(t, name, path, sizeof path) ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0) {
		diag_error(diag, NULL, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	char chunk[65536];
	ssize_t got;
	while ((got = read(fd, chunk, sizeof chunk)) > 0)
		buf_put(b, chunk, (size_t)got);
	int err = errno;
	close(fd);
	if (got < 0) {
		diag_error(diag, NULL, "cannot read '%s': %s", path, strerror(err));
		return -1;
	}
	return 0;
}

static int tempdir_unlink(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void tempdir_remove(struct tempdir *t)
{
	if (t->path[0])
		nftw(t->path, tempdir_unlink, 16, FTW_DEPTH | FTW_PHYS);
	t->path[0] = '\0';
}
