/*
 * output.c - staged, atomic output (see output.h; docs/ROBUSTNESS.md).
 *
 * The unit of output is a product: the first component of a staged path
 * (json/, html/, latex/, c/: one per backend). out_commit builds every
 * product complete in a staging folder inside the output folder
 * (DIR/.jobc-stage-PID-XXXXXX/), then swaps each one with the folder it
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
};

struct out_set {
	struct out_entry *files;
	size_t count, cap;
};

struct out_set *out_set_new(void)
{
	struct out_set *set = mem_alloc(sizeof *set);
	if (set) {
		set->files = NULL;
		set->count = set->cap = 0;
	}
	return set;
}

void out_set_free(struct out_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++) {
		mem_free(set->files[i].path);
		buf_free(&set->files[i].content);
	}
	mem_free(set->files);
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
	if (!path)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(path, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!out_path_is_safe(path)) {
		mem_free(path);
		return NULL;
	}
	if (set->count == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		struct out_entry *files = mem_realloc(set->files, cap * sizeof *files);
		if (!files) {
			mem_free(path);
			return NULL;
		}
		set->files = files;
		set->cap = cap;
	}
	struct out_entry *e = &set->files[set->count++];
	e->path = path;
	buf_init(&e->content);
	return &e->content;
}

size_t out_count(const struct out_set *set)
{
	return set->count;
}

const char *out_path(const struct out_set *set, size_t i)
{
	return set->files[i].path;
}

const struct buf *out_content(const struct out_set *set, size_t i)
{
	return &set->files[i].content;
}

bool out_failed(const struct out_set *set)
{
	for (size_t i = 0; i < set->count; i++)
		if (set->files[i].content.failed)
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

static int out_write_all(int fd, const char *p, size_t n)
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

/* ---- the commit --------------------------------------------------------- */

/*
 * A product: the files of the set whose paths start with the same first
 * component, a folder (json/...) or a single file.
 */
struct out_product {
	char name[NAME_MAX + 1];
	size_t first;           /* index of its first file in the set */
	bool folder;
	bool exists;            /* the output folder has one now */
	mode_t mode;            /* ... with this mode */
};

struct out_commit {
	const struct out_set *set;
	const char *dir;
	int dir_fd;             /* the output folder */
	int stage_fd;           /* its staging folder, stage_name in dir_fd */
	char stage_name[64];
	struct out_product *products;
	size_t n_products;
	size_t swapped;         /* products put in place so far */
};

static const char out_stage_prefix[] = ".jobc-stage-";

/* Length of the product part of a path: up to the first '/', or all. */
static size_t out_product_len(const char *path)
{
	return strcspn(path, "/");
}

static bool out_in_product(const char *path, const struct out_product *p)
{
	size_t n = out_product_len(path);
	return strncmp(path, p->name, n) == 0 && p->name[n] == '\0';
}

/* The products, in the order their first files were staged. */
static int out_find_products(struct out_commit *c)
{
	size_t n = c->set->count;
	c->products = mem_alloc((n ? n : 1) * sizeof *c->products);
	if (!c->products)
		return out_error(ENOMEM, c->dir, "write", "");
	for (size_t i = 0; i < n; i++) {
		const char *path = c->set->files[i].path;
		size_t k = 0;
		while (k < c->n_products && !out_in_product(path, &c->products[k]))
			k++;
		struct out_product *p = &c->products[k];
		bool folder = path[out_product_len(path)] == '/';
		if (k < c->n_products) {
			/* json/x and json, or a file twice: one would be lost. */
			if (!folder || !p->folder)
				return out_error(EEXIST, c->dir, "write", path);
			continue;
		}
		if (out_product_len(path) > NAME_MAX)
			return out_error(ENAMETOOLONG, c->dir, "write", path);
		memcpy(p->name, path, out_product_len(path));
		p->name[out_product_len(path)] = '\0';
		p->first = i;
		p->folder = folder;
		c->n_products++;
	}
	return 0;
}

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

static int out_make_stage(struct out_commit *c)
{
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		snprintf(c->stage_name, sizeof c->stage_name, "%s%ld-%u", out_stage_prefix,
			 (long)getpid(), attempt);
		if (mkdirat(c->dir_fd, c->stage_name, 0700) == 0) {
			c->stage_fd = out_open_dir(c->dir_fd, c->stage_name);
			return c->stage_fd < 0 ? out_error(errno, c->dir, "write in", "") : 0;
		}
		if (errno != EEXIST)
			break;
	}
	return out_error(errno, c->dir, "write in", "");
}

/*
 * The file of entry e at rest in the product folder new_fd (old_fd is the
 * current version, or -1): linked from there if its bytes are the same.
 */
static int out_stage_file(const struct out_entry *e, const char *rest, int new_fd, int old_fd)
{
	const char *name;
	int at = out_open_parent(new_fd, rest, &name);
	if (at < 0)
		return -1;
	const char *data = e->content.data ? e->content.data : "";
	int r = 0;
	if (old_fd < 0 || !out_same_content(old_fd, rest, data, e->content.len) ||
	    linkat(old_fd, rest, at, name, 0) != 0)
		r = out_write_file(at, name, data, e->content.len, 0666);
	int saved = errno;
	close(at);
	errno = saved;
	return r;
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

/* The files of folder product p, and what its current version keeps, in new_fd. */
static int out_fill_folder(struct out_commit *c, const struct out_product *p, int new_fd)
{
	int old_fd = p->exists ? out_open_dir(c->dir_fd, p->name) : -1;
	if (p->exists && old_fd < 0)
		return out_error(errno, c->dir, "read", p->name);
	int r = 0;
	for (size_t i = p->first; r == 0 && i < c->set->count; i++) {
		const struct out_entry *e = &c->set->files[i];
		if (out_in_product(e->path, p) &&
		    out_stage_file(e, e->path + strlen(p->name) + 1, new_fd, old_fd) != 0)
			r = out_error(errno, c->dir, "write", e->path);
	}
	if (r == 0 && old_fd >= 0 && out_carry(old_fd, new_fd) != 0)
		r = out_error(errno, c->dir, "keep the files of", p->name);
	if (old_fd >= 0)
		close(old_fd);
	return r;
}

/* The new version of product p, complete, in the stage. */
static int out_build_product(struct out_commit *c, struct out_product *p)
{
	struct stat st;
	p->exists = fstatat(c->dir_fd, p->name, &st, AT_SYMLINK_NOFOLLOW) == 0;
	if (!p->exists && errno != ENOENT)
		return out_error(errno, c->dir, "write", p->name);
	if (p->exists && p->folder != S_ISDIR(st.st_mode))
		return out_error(p->folder ? ENOTDIR : EISDIR, c->dir, "replace", p->name);
	p->mode = p->exists ? st.st_mode & 07777 : 0;
	if (!p->folder) {
		const struct buf *b = &c->set->files[p->first].content;
		if (out_write_file(c->stage_fd, p->name, b->data ? b->data : "", b->len, 0666) != 0)
			return out_error(errno, c->dir, "write", p->name);
		return 0;
	}
	if (mkdirat(c->stage_fd, p->name, 0777) != 0)
		return out_error(errno, c->dir, "write", p->name);
	int new_fd = out_open_dir(c->stage_fd, p->name);
	if (new_fd < 0)
		return out_error(errno, c->dir, "write", p->name);
	int r = out_fill_folder(c, p, new_fd);
	/* The folder keeps its mode, set last: it may forbid writing into it. */
	if (r == 0 && p->exists && fchmod(new_fd, p->mode) != 0)
		r = out_error(errno, c->dir, "write", p->name);
	close(new_fd);
	return r;
}

/*
 * Swaps name in the stage with name in the output folder, in one step
 * (renameat2 RENAME_EXCHANGE). Without it (an old kernel, some file
 * systems), in three renames through a name aside: a short moment in which
 * the output folder has neither version.
 */
static int out_exchange(const struct out_commit *c, const char *name)
{
#ifdef RENAME_EXCHANGE
	if (renameat2(c->stage_fd, name, c->dir_fd, name, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
#endif
	static const char aside[] = ".jobc-aside";
	if (renameat(c->dir_fd, name, c->stage_fd, aside) != 0)
		return -1;
	if (renameat(c->stage_fd, name, c->dir_fd, name) != 0) {
		int saved = errno;
		renameat(c->stage_fd, aside, c->dir_fd, name);
		errno = saved;
		return -1;
	}
	return renameat(c->stage_fd, aside, c->stage_fd, name);
}

/* Puts product p in place, or back where it was (the same step twice). */
static int out_swap(const struct out_commit *c, const struct out_product *p, bool back)
{
	if (p->exists)
		return out_exchange(c, p->name);
	return back ? renameat(c->dir_fd, p->name, c->stage_fd, p->name)
		    : renameat(c->stage_fd, p->name, c->dir_fd, p->name);
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

static int out_commit_in(struct out_commit *c)
{
	if (out_find_products(c) != 0)
		return -1;
	out_remove_stale_stages(c->dir_fd);
	if (out_make_stage(c) != 0)
		return -1;
	for (size_t k = 0; k < c->n_products; k++)
		if (out_build_product(c, &c->products[k]) != 0)
			return -1;
	for (; c->swapped < c->n_products; c->swapped++) {
		const struct out_product *p = &c->products[c->swapped];
		if (out_swap(c, p, false) != 0) {
			out_error(errno, c->dir, "replace", p->name);
			while (c->swapped > 0)
				out_swap(c, &c->products[--c->swapped], true);
			return -1;
		}
	}
	return 0;
}

int out_commit(const struct out_set *set, const char *dir)
{
	if (out_failed(set)) {
		fprintf(stderr, "jobc: error: out of memory while generating output\n");
		return -1;
	}
	size_t len = strlen(dir);
	char *path = mem_alloc(len + 1);
	if (!path)
		return out_error(ENOMEM, dir, "write", "");
	memcpy(path, dir, len + 1);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	/* Past a file-size limit, write fails (EFBIG) instead of killing us. */
	struct sigaction ignore = { .sa_handler = SIG_IGN }, saved_xfsz;
	sigaction(SIGXFSZ, &ignore, &saved_xfsz);

	struct out_commit c = { .set = set, .dir = path, .dir_fd = -1, .stage_fd = -1 };
	size_t created;
	int r = -1;
	if (out_make_dir(path, &created) != 0 ||
	    (c.dir_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		fprintf(stderr, "jobc: error: cannot make the output folder '%s': %s\n", path,
			strerror(errno));
	else
		r = out_commit_in(&c);
	if (c.stage_fd >= 0) {
		close(c.stage_fd);
		out_remove_tree(c.dir_fd, c.stage_name);
	}
	if (c.dir_fd >= 0)
		close(c.dir_fd);
	if (r != 0)
		out_unmake_dir(path, created);

	sigaction(SIGXFSZ, &saved_xfsz, NULL);
	mem_free(c.products);
	mem_free(path);
	return r;
}
