/*
 * output_stream.c - a big file written to the stage in pieces (see
 * out_file_flush in output.h; output_dir.h).
 *
 * catalogue.json and the C source are a hundred megabytes each at 10,000
 * sheets: held whole, two of them at a time with -j 2, they were most of a
 * run's memory, and faulting in their fresh pages a good part of its time.
 * A backend hands such a file over a piece at a time instead, and the
 * pieces go to the file in the product's new version as they come.
 *
 * An unchanged file must still not be rewritten (out_dir_put links it from
 * the current version, so its timestamp only moves when its content does).
 * So while the current version has the file, each piece is compared with
 * its next bytes and nothing is written; at the first piece that differs,
 * the bytes that agreed are copied from the current version into the new
 * file and the rest is written. If every piece agreed and the current file
 * ends there, it is linked.
 */
#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "output_dir.h"
#include "output_fs.h"

struct out_stream {
	struct out_dir *d;
	const struct out_product *p;
	const char *path;       /* as the set names it, for messages */
	const char *rest;       /* the file in its product */
	int fd;                 /* the new file; -1 while every piece matched the old */
	int old_fd;             /* the current version's file, while it matches; or -1 */
	off_t agreed;           /* bytes of the old file the pieces matched */
};

static int out_create(const struct out_product *p, const char *rest, void *ctx)
{
	(void)ctx;
	return openat(p->new_fd, rest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

static int out_link(const struct out_product *p, const char *rest, void *ctx)
{
	(void)ctx;
	return linkat(p->old_fd, rest, p->new_fd, rest, 0);
}

/* The first n bytes of from, written to to. */
static int out_copy_prefix(int from, int to, off_t n)
{
	char chunk[65536];
	for (off_t off = 0; off < n;) {
		size_t want = n - off < (off_t)sizeof chunk ? (size_t)(n - off) : sizeof chunk;
		ssize_t got = pread(from, chunk, want, off);
		if (got < 0 && errno == EINTR)
			continue;
		if (got == 0)           /* the current version shrank under us */
			errno = EIO;
		if (got <= 0 || out_write_all(to, chunk, (size_t)got) != 0)
			return -1;
		off += got;
	}
	return 0;
}

/* The new file is made, with the bytes that agreed with the old one. */
static int out_stream_diverge(struct out_stream *s)
{
	s->fd = out_in_folder(s->p, s->rest, out_create, NULL);
	int r = s->fd < 0 ? -1 : s->old_fd >= 0 ? out_copy_prefix(s->old_fd, s->fd, s->agreed) : 0;
	if (s->old_fd >= 0) {
		int saved = errno;
		close(s->old_fd);
		s->old_fd = -1;
		errno = saved;
	}
	return r;
}

static int out_stream_write(struct out_stream *s, const char *data, size_t len)
{
	if (s->fd < 0 && s->old_fd >= 0 && out_next_same(s->old_fd, data, len)) {
		s->agreed += (off_t)len;
		return 0;
	}
	if (s->fd < 0 && out_stream_diverge(s) != 0)
		return -1;
	return out_write_all(s->fd, data, len);
}

/* -1 after a message, the half-made file removed. */
static int out_stream_fail(struct out_stream *s)
{
	int err = errno;
	if (s->fd >= 0) {
		close(s->fd);
		s->fd = -1;
		unlinkat(s->p->new_fd, s->rest, 0);
	}
	return out_report(s->d, err, "write", s->path);
}

static struct out_stream *out_stream_open(struct out_dir *d, const char *path)
{
	struct out_product *p = out_product_of(d, path);
	if (!p)
		return NULL;
	struct out_stream *s = mem_alloc(sizeof *s);
	if (!s) {
		out_report(d, ENOMEM, "write", path);
		return NULL;
	}
	*s = (struct out_stream){ d, p, path, path + strlen(p->name) + 1, -1, -1, 0 };
	if (p->old_fd >= 0)
		s->old_fd = out_open_regular(p->old_fd, s->rest);
	return s;
}

int out_stream_put(struct out_dir *d, struct out_stream **s, const char *path,
		   const char *data, size_t len)
{
	if (!*s && !(*s = out_stream_open(d, path)))
		return -1;
	return out_stream_write(*s, data, len) == 0 ? 0 : out_stream_fail(*s);
}

int out_stream_end(struct out_stream *s, const char *data, size_t len)
{
	int r = len ? out_stream_write(s, data, len) : 0;
	bool linked = false;
	if (r == 0 && s->fd < 0) {
		/* Every piece agreed: linked if the old file ends there too. */
		char more;
		bool same = s->old_fd >= 0 && read(s->old_fd, &more, 1) == 0;
		linked = same && out_in_folder(s->p, s->rest, out_link, NULL) == 0;
		if (!linked)
			r = out_stream_diverge(s);
	}
	if (r == 0 && s->fd >= 0) {
		r = close(s->fd);
		s->fd = -1;
	}
	if (r != 0)
		r = out_stream_fail(s);
	else
		atomic_fetch_add(linked ? &s->d->unchanged : &s->d->written, 1);
	out_stream_free(s);
	return r;
}

void out_stream_free(struct out_stream *s)
{
	if (!s)
		return;
	if (s->fd >= 0) {
		close(s->fd);
		unlinkat(s->p->new_fd, s->rest, 0);
	}
	if (s->old_fd >= 0)
		close(s->old_fd);
	mem_free(s);
}
