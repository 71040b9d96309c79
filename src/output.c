/*
 * output.c - staged, atomic output (see output.h; docs/ROBUSTNESS.md).
 *
 * The unit of output is a product: the first component of a staged path
 * (json/, html/, latex/, c/: one per backend). An out_dir builds every
 * product complete in a staging folder inside the output folder
 * (DIR/.jobc-stage-PID-N/), file by file as the backends finish them (from
 * several threads at once), then out_dir_commit swaps each one with what it
 * replaces in one rename (renameat2 RENAME_EXCHANGE), and removes the
 * stage, which by then holds the previous versions. So a reader, or a kill
 * at any moment, sees each product folder either as it was or complete in
 * its new version, never a mix; nothing else in DIR is touched.
 *
 * Inside a product folder, what this run does not write is kept: files
 * jobc did not make (and files of earlier runs) are hard-linked into the new
 * version (copied where links fail). A file whose content is already on
 * disk is linked too, so timestamps only move when content does. Any
 * failure before the swaps removes the stage and leaves DIR as it was.
 *
 * The staging folder is named after the process: one that a killed run
 * left behind is removed by the next run. Files are not fsync'ed: this is
 * about processes that die, not about power cuts.
 */
#define _GNU_SOURCE     /* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "output.h"

struct out_entry {
	char *path;
	struct buf content;
	bool written;           /* gone to the stage; content released */
};

struct out_set {
	/* Entries are allocated one by one: a backend holds the buffers of
	 * several files while it adds more. */
	struct out_entry **files;
	size_t count, cap;
	struct out_dir *dir;    /* NULL: the set is kept in memory */
	struct buf spare;       /* the memory of the last file written, reused */
	bool failed;            /* a file written lost data to a failed allocation */
	bool write_failed;      /* a file could not be written (reported) */
};

static int out_dir_put(struct out_dir *d, const char *path, const struct buf *content);

struct out_set *out_set_to(struct out_dir *d)
{
	struct out_set *set = mem_alloc(sizeof *set);
	if (set) {
		*set = (struct out_set){ .dir = d };
		buf_init(&set->spare);
	}
	return set;
}

struct out_set *out_set_new(void)
{
	return out_set_to(NULL);
}

void out_set_free(struct out_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++) {
		mem_free(set->files[i]->path);
		buf_free(&set->files[i]->content);
		mem_free(set->files[i]);
	}
	mem_free(set->files);
	buf_free(&set->spare);
	mem_free(set);
}

/* A relative path whose components are all ordinary names. */
static bool out_path_is_safe(const char *path)
{
	if (path[0] == '\0' || path[0] == '/')
		return false;
	const char *p = path;
	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n;
		if (*p == '/')
			p++;
		else
			break;
	}
	return path[strlen(path) - 1] != '/';
}

struct buf *out_file(struct out_set *set, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *path = mem_alloc((size_t)n + 1);
	struct out_entry *e = mem_alloc(sizeof *e);
	if (!path || !e)
		goto fail;
	va_start(ap, fmt);
	vsnprintf(path, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!out_path_is_safe(path))
		goto fail;
	if (set->count == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		struct out_entry **files = mem_realloc(set->files, cap * sizeof *files);
		if (!files)
			goto fail;
		set->files = files;
		set->cap = cap;
	}
	*e = (struct out_entry){ .path = path, .content = set->spare };
	buf_init(&set->spare);
	set->files[set->count++] = e;
	return &e->content;
fail:
	mem_free(path);
	mem_free(e);
	return NULL;
}

int out_file_done(struct out_set *set, struct buf *b)
{
	struct out_entry *e = (struct out_entry *)((char *)b - offsetof(struct out_entry, content));
	if (!set->dir || e->written)
		return 0;
	e->written = true;
	if (b->failed)
		set->failed = true;
	else if (out_dir_put(set->dir, e->path, b) != 0)
		set->write_failed = true;
	if (set->failed || set->write_failed)
		return -1;
	/* The larger block is kept: the next page is likely as large. */
	if (b->cap > set->spare.cap) {
		buf_free(&set->spare);
		set->spare = *b;
		set->spare.len = 0;
		buf_init(b);
	} else {
		buf_free(b);
	}
	return 0;
}

int out_set_write(struct out_set *set)
{
	for (size_t i = 0; i < set->count && !set->failed && !set->write_failed; i++)
		out_file_done(set, &set->files[i]->content);
	return set->failed || set->write_failed ? -1 : 0;
}

size_t out_count(const struct out_set *set)
{
	return set->count;
}

const char *out_path(const struct out_set *set, size_t i)
{
	return set->files[i]->path;
}

const struct buf *out_content(const struct out_set *set, size_t i)
{
	return &set->files[i]->content;
}

bool out_failed(const struct out_set *set)
{
	if (set->failed)
		return true;
	for (size_t i = 0; i < set->count; i++)
		if (set->files[i]->content.failed)
			return true;
	return false;
}

/* ---- reporting ---------------------------------------------------------- */

/* One message per failure, naming what could not be done and why; -1. */
static int out_error(int err, const char *dir, const char *what, const char *path)
{
	if (err == ENOMEM)
		fprintf(stderr, "jobc: error: out of memory while writing output\n");
	else
		fprintf(stderr, "jobc: error: cannot %s '%s%s%s': %s\n", what, dir,
			*path ? "/" : "", path, strerror(err));
	return -1;
}

/* ---- small file-system helpers, all relative to folder descriptors ------ */

static int out_open_dir(int at, const char *name)
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

/* Creates name in folder at with these bytes; the file must not exist. */
static int out_write_file(int at, const char *name, const char *data, size_t len, mode_t mode)
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

/* True if the regular file name in folder at holds exactly these bytes. */
static bool out_same_content(int at, const char *name, const char *data, size_t len)
{
	int fd = openat(at, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
	char chunk[8192];
	size_t off = 0;
	while (same && off < len) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		same = n > 0 && off + (size_t)n <= len && memcmp(chunk, data + off, (size_t)n) == 0;
		off += n > 0 ? (size_t)n : 0;
	}
	close(fd);
	return same;
}

/* A copy of the regular file name from folder from into folder to. */
static int out_copy_file(int from, int to, const char *name, mode_t mode)
{
	int in = openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in < 0)
		return -1;
	int out = openat(to, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 07777);
	int r = out < 0 ? -1 : 0;
	char chunk[8192];
	while (r == 0) {
		ssize_t n = read(in, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			r = n < 0 ? -1 : 0;
			break;
		}
		r = out_write_all(out, chunk, (size_t)n);
	}
	int saved = errno;
	close(in);
	if (out >= 0 && close(out) != 0 && r == 0) {
		r = -1;
		saved = errno;
	}
	errno = saved;
	return r;
}

/* The folder name in folder at ("." for at itself) as a stream, or NULL. */
static DIR *out_read_dir(int at, const char *name)
{
	int fd = out_open_dir(at, name);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d && fd >= 0)
		close(fd);
	return d;
}

/* The next entry of d other than "." and "..", or NULL at the end. */
static const char *out_next_entry(DIR *d)
{
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			return e->d_name;
	return NULL;
}

/* rm -r of name in folder at (not following symbolic links). */
static int out_remove_tree(int at, const char *name)
{
	if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	DIR *d = out_read_dir(at, name);
	if (!d)
		return -1;
	int r = 0;
	for (const char *entry; (entry = out_next_entry(d)) != NULL;)
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

/* ---- the output folder and its stage ------------------------------------ */

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
	struct out_product **products;  /* by pointer: threads hold them */
	size_t n_products, cap;
	bool committed;
	struct sigaction saved_xfsz;
};

static const char out_stage_prefix[] = ".jobc-stage-";

/* Staging folders of runs that are gone (killed) are removed. */
static void out_remove_stale_stages(int dir_fd)
{
	DIR *d = out_read_dir(dir_fd, ".");
	if (!d)
		return;
	for (const char *entry; (entry = out_next_entry(d)) != NULL;) {
		if (strncmp(entry, out_stage_prefix, sizeof out_stage_prefix - 1) != 0)
			continue;
		long pid = strtol(entry + sizeof out_stage_prefix - 1, NULL, 10);
		if (pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			out_remove_tree(dir_fd, entry);
	}
	closedir(d);
}

static int out_make_stage(struct out_dir *d)
{
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		snprintf(d->stage_name, sizeof d->stage_name, "%s%ld-%u", out_stage_prefix,
			 (long)getpid(), attempt);
		if (mkdirat(d->dir_fd, d->stage_name, 0700) == 0) {
			d->stage_fd = out_open_dir(d->dir_fd, d->stage_name);
			return d->stage_fd < 0 ? out_error(errno, d->path, "write in", "") : 0;
		}
		if (errno != EEXIST)
			break;
	}
	return out_error(errno, d->path, "write in", "");
}

/*
 * mkdir -p of dir. *created is where the first folder it made ends in dir
 * (strlen(dir) + 1 if it made none), for out_unmake_dir.
 */
static int out_make_dir(char *dir, size_t *created)
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

/* rmdir of the folders out_make_dir made, innermost first, if still empty. */
static void out_unmake_dir(char *dir, size_t created)
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

struct out_dir *out_dir_open(const char *dir)
{
	struct out_dir *d = mem_alloc(sizeof *d);
	size_t len = strlen(dir);
	char *path = mem_alloc(len + 1);
	if (!d || !path) {
		mem_free(d);
		mem_free(path);
		out_error(ENOMEM, dir, "write", "");
		return NULL;
	}
	memcpy(path, dir, len + 1);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	*d = (struct out_dir){ .path = path, .dir_fd = -1, .stage_fd = -1 };
	pthread_mutex_init(&d->lock, NULL);
	/* Past a file-size limit, write fails (EFBIG) instead of killing us. */
	struct sigaction ignore = { .sa_handler = SIG_IGN };
	sigaction(SIGXFSZ, &ignore, &d->saved_xfsz);
	if (out_make_dir(path, &d->created) != 0 ||
	    (d->dir_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "jobc: error: cannot make the output folder '%s': %s\n", path,
			strerror(errno));
		out_dir_close(d);
		return NULL;
	}
	out_remove_stale_stages(d->dir_fd);
	if (out_make_stage(d) != 0) {
		out_dir_close(d);
		return NULL;
	}
	return d;
}

/* Length of the product part of a path: up to the first '/', or all. */
static size_t out_product_len(const char *path)
{
	return strcspn(path, "/");
}

static void out_product_free(struct out_product *p)
{
	if (p->new_fd >= 0)
		close(p->new_fd);
	if (p->old_fd >= 0)
		close(p->old_fd);
	mem_free(p);
}

/* Sets product p up: what the output folder has now, its new version begun
 * in the stage. 0, or -1 after a message. */
static int out_begin_product(struct out_dir *d, struct out_product *p)
{
	struct stat st;
	p->exists = fstatat(d->dir_fd, p->name, &st, AT_SYMLINK_NOFOLLOW) == 0;
	if (!p->exists && errno != ENOENT)
		return out_error(errno, d->path, "write", p->name);
	if (p->exists && p->folder != S_ISDIR(st.st_mode))
		return out_error(p->folder ? ENOTDIR : EISDIR, d->path, "replace", p->name);
	p->mode = p->exists ? st.st_mode & 07777 : 0;
	if (!p->folder)
		return 0;
	if (mkdirat(d->stage_fd, p->name, 0777) != 0 ||
	    (p->new_fd = out_open_dir(d->stage_fd, p->name)) < 0)
		return out_error(errno, d->path, "write", p->name);
	if (p->exists && (p->old_fd = out_open_dir(d->dir_fd, p->name)) < 0)
		return out_error(errno, d->path, "read", p->name);
	return 0;
}

/* A new product of d for path, added only once it is set up. */
static struct out_product *out_new_product(struct out_dir *d, const char *path)
{
	size_t n = out_product_len(path);
	if (n > NAME_MAX) {
		out_error(ENAMETOOLONG, d->path, "write", path);
		return NULL;
	}
	struct out_product *p = mem_alloc(sizeof *p);
	if (d->n_products == d->cap && p) {
		size_t cap = d->cap ? 2 * d->cap : 8;
		struct out_product **products = mem_realloc(d->products, cap * sizeof *products);
		if (products) {
			d->products = products;
			d->cap = cap;
		}
	}
	if (!p || d->n_products == d->cap) {
		mem_free(p);
		out_error(ENOMEM, d->path, "write", path);
		return NULL;
	}
	*p = (struct out_product){ .folder = path[n] == '/', .new_fd = -1, .old_fd = -1 };
	memcpy(p->name, path, n);
	p->name[n] = '\0';
	if (out_begin_product(d, p) != 0) {
		out_product_free(p);
		return NULL;
	}
	d->products[d->n_products++] = p;
	return p;
}

/* Makes the folders on the way to rest under folder fd. */
static int out_make_parents(int fd, const char *rest)
{
	const char *name;
	int at = out_open_parent(fd, rest, &name);
	if (at < 0)
		return -1;
	close(at);
	return 0;
}

/*
 * The file rest of folder product p, linked from the current version if
 * its bytes are already there. Its folders are made only when the first
 * attempt finds them missing: one system call per file, not one per folder.
 */
static int out_put_in_folder(const struct out_product *p, const char *rest,
			     const char *data, size_t len)
{
	for (bool retried = false;; retried = true) {
		if ((p->old_fd >= 0 && out_same_content(p->old_fd, rest, data, len) &&
		     linkat(p->old_fd, rest, p->new_fd, rest, 0) == 0) ||
		    out_write_file(p->new_fd, rest, data, len, 0666) == 0)
			return 0;
		if (errno != ENOENT || retried || out_make_parents(p->new_fd, rest) != 0)
			return -1;
	}
}

/*
 * The product path belongs to, begun if it is the first of its files.
 * NULL after a message if it cannot be, or if path would overwrite a file
 * of the product (json/x and a file json, or the same file twice).
 */
static struct out_product *out_product_of(struct out_dir *d, const char *path)
{
	size_t n = out_product_len(path);
	struct out_product *p = NULL;
	pthread_mutex_lock(&d->lock);
	for (size_t k = 0; k < d->n_products && !p; k++)
		if (strncmp(path, d->products[k]->name, n) == 0 && d->products[k]->name[n] == '\0')
			p = d->products[k];
	if (!p)
		p = out_new_product(d, path);
	else if (!p->folder || path[n] != '/')
		p = (out_error(EEXIST, d->path, "write", path), NULL);
	pthread_mutex_unlock(&d->lock);
	return p;
}

/*
 * Writes path with content into the stage. In a folder that exists, a
 * file whose bytes are already there is linked from the current version,
 * so its timestamp only moves when its content does. 0, or -1 after a
 * message. Threads may call it together.
 */
static int out_dir_put(struct out_dir *d, const char *path, const struct buf *content)
{
	struct out_product *p = out_product_of(d, path);
	if (!p)
		return -1;
	const char *data = content->data ? content->data : "";
	if (!p->folder) {
		if (out_write_file(d->stage_fd, p->name, data, content->len, 0666) != 0)
			return out_error(errno, d->path, "write", path);
		return 0;
	}
	if (out_put_in_folder(p, path + strlen(p->name) + 1, data, content->len) != 0)
		return out_error(errno, d->path, "write", path);
	return 0;
}

static int out_carry_entry(int old_fd, int new_fd, const char *name);
static int out_carry_into(int old_fd, int new_fd, const char *name);

/*
 * Keeps what the current version old_fd has and the new one new_fd does not
 * write: linked (copied if a link is refused), folders recreated with their
 * modes. Where both have an entry, the new one wins (a folder in both is
 * merged).
 */
static int out_carry(int old_fd, int new_fd)
{
	DIR *d = out_read_dir(old_fd, ".");
	if (!d)
		return -1;
	int r = 0;
	for (const char *entry; r == 0 && (entry = out_next_entry(d)) != NULL;)
		r = out_carry_entry(old_fd, new_fd, entry);
	int saved = errno;
	closedir(d);
	errno = saved;
	return r;
}

static int out_carry_entry(int old_fd, int new_fd, const char *name)
{
	struct stat os, ns;
	if (fstatat(old_fd, name, &os, AT_SYMLINK_NOFOLLOW) != 0)
		return -1;
	if (fstatat(new_fd, name, &ns, AT_SYMLINK_NOFOLLOW) == 0)
		return S_ISDIR(os.st_mode) && S_ISDIR(ns.st_mode)
			? out_carry_into(old_fd, new_fd, name) : 0;
	if (errno != ENOENT)
		return -1;
	if (S_ISDIR(os.st_mode)) {
		/* Its mode last: it may forbid writing into it. */
		if (mkdirat(new_fd, name, 0700) != 0 || out_carry_into(old_fd, new_fd, name) != 0)
			return -1;
		return fchmodat(new_fd, name, os.st_mode & 07777, 0);
	}
	if (linkat(old_fd, name, new_fd, name, 0) == 0)
		return 0;
	return S_ISREG(os.st_mode) ? out_copy_file(old_fd, new_fd, name, os.st_mode) : -1;
}

/* out_carry in the folder name that both old_fd and new_fd have. */
static int out_carry_into(int old_fd, int new_fd, const char *name)
{
	int sub_old = out_open_dir(old_fd, name), sub_new = out_open_dir(new_fd, name);
	int r = sub_old < 0 || sub_new < 0 ? -1 : out_carry(sub_old, sub_new);
	int saved = errno;
	if (sub_old >= 0)
		close(sub_old);
	if (sub_new >= 0)
		close(sub_new);
	errno = saved;
	return r;
}

/* Finishes folder product p: what its current version keeps, its mode. */
static int out_finish_folder(struct out_dir *d, const struct out_product *p)
{
	if (p->old_fd >= 0 && out_carry(p->old_fd, p->new_fd) != 0)
		return out_error(errno, d->path, "keep the files of", p->name);
	/* The folder keeps its mode, set last: it may forbid writing into it. */
	if (p->exists && fchmod(p->new_fd, p->mode) != 0)
		return out_error(errno, d->path, "write", p->name);
	return 0;
}

/*
 * Swaps name in the stage with name in the output folder, in one step
 * (renameat2 RENAME_EXCHANGE). Without it (an old kernel, some file
 * systems), in three renames through a name aside: a short moment in which
 * the output folder has neither version.
 */
static int out_exchange(const struct out_dir *d, const char *name)
{
#ifdef RENAME_EXCHANGE
	if (renameat2(d->stage_fd, name, d->dir_fd, name, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
#endif
	static const char aside[] = ".jobc-aside";
	if (renameat(d->dir_fd, name, d->stage_fd, aside) != 0)
		return -1;
	if (renameat(d->stage_fd, name, d->dir_fd, name) != 0) {
		int saved = errno;
		renameat(d->stage_fd, aside, d->dir_fd, name);
		errno = saved;
		return -1;
	}
	return renameat(d->stage_fd, aside, d->stage_fd, name);
}

/* Puts product p in place, or back where it was (the same step twice). */
static int out_swap(const struct out_dir *d, const struct out_product *p, bool back)
{
	if (p->exists)
		return out_exchange(d, p->name);
	return back ? renameat(d->dir_fd, p->name, d->stage_fd, p->name)
		    : renameat(d->stage_fd, p->name, d->dir_fd, p->name);
}

int out_dir_commit(struct out_dir *d)
{
	for (size_t k = 0; k < d->n_products; k++)
		if (d->products[k]->folder && out_finish_folder(d, d->products[k]) != 0)
			return -1;
	for (size_t k = 0; k < d->n_products; k++) {
		if (out_swap(d, d->products[k], false) != 0) {
			out_error(errno, d->path, "replace", d->products[k]->name);
			while (k > 0)
				out_swap(d, d->products[--k], true);
			return -1;
		}
	}
	d->committed = true;
	return 0;
}

void out_dir_close(struct out_dir *d)
{
	if (!d)
		return;
	for (size_t k = 0; k < d->n_products; k++)
		out_product_free(d->products[k]);
	if (d->stage_fd >= 0) {
		close(d->stage_fd);
		out_remove_tree(d->dir_fd, d->stage_name);
	}
	if (d->dir_fd >= 0)
		close(d->dir_fd);
	if (!d->committed)
		out_unmake_dir(d->path, d->created);
	sigaction(SIGXFSZ, &d->saved_xfsz, NULL);
	pthread_mutex_destroy(&d->lock);
	mem_free(d->products);
	mem_free(d->path);
	mem_free(d);
}

int out_commit(const struct out_set *set, const char *dir)
{
	if (out_failed(set)) {
		fprintf(stderr, "jobc: error: out of memory while generating output\n");
		return -1;
	}
	struct out_dir *d = out_dir_open(dir);
	if (!d)
		return -1;
	int r = 0;
	for (size_t i = 0; i < set->count && r == 0; i++)
		r = out_dir_put(d, set->files[i]->path, &set->files[i]->content);
	if (r == 0)
		r = out_dir_commit(d);
	out_dir_close(d);
	return r;
}
