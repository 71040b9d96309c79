/*
 * output_stage.c - the output folder and its staging folder (see output.h,
 * output_dir.h; docs/ROBUSTNESS.md).
 *
 * out_dir_open makes the output folder if needed and a staging folder
 * inside it (DIR/.jobc-stage-PID-N/). Each product (the first component
 * of a path: json/, html/, latex/, c/, one per backend) is begun there when
 * its first file arrives, and its files are written into it from several
 * threads at once. Nothing a reader of DIR sees changes here: that is
 * out_dir_commit's job (output_commit.c). out_dir_close removes the stage,
 * and, if nothing was committed, the folders out_dir_open made.
 *
 * The staging folder is named after the process: one that a killed run
 * left behind is removed by the next run. Files are not fsync'ed: this is
 * about processes that die, not about power cuts.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "output_dir.h"
#include "output_fs.h"

static const char out_stage_prefix[] = ".jobc-stage-";

/* Staging folders of runs that are gone (killed) are removed. */
static void out_remove_stale_stages(int dir_fd)
{
	DIR *d = out_read_dir(dir_fd, ".");
	if (!d)
		return;
	for (const char *entry; (entry = out_next_entry(d, NULL)) != NULL;) {
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
			return d->stage_fd < 0 ? out_report(d, errno, "write in", "") : 0;
		}
		if (errno != EEXIST)
			break;
	}
	return out_report(d, errno, "write in", "");
}

struct out_dir *out_dir_open(const char *dir, struct diag *diag)
{
	struct out_dir *d = mem_alloc(sizeof *d);
	size_t len = strlen(dir);
	char *path = mem_alloc(len + 1);
	if (!d || !path) {
		mem_free(d);
		mem_free(path);
		out_report_to(diag, NULL, ENOMEM, dir, "write", "");
		return NULL;
	}
	memcpy(path, dir, len + 1);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	*d = (struct out_dir){ .path = path, .dir_fd = -1, .stage_fd = -1, .diag = diag };
	pthread_mutex_init(&d->lock, NULL);
	pthread_mutex_init(&d->report_lock, NULL);
	/* Past a file-size limit, write fails (EFBIG) instead of killing us. */
	struct sigaction ignore = { .sa_handler = SIG_IGN };
	sigaction(SIGXFSZ, &ignore, &d->saved_xfsz);
	if (out_make_dir(path, &d->created) != 0 ||
	    (d->dir_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		out_report(d, errno, "make the output folder", "");
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
		return out_report(d, errno, "write", p->name);
	if (p->exists && p->folder != S_ISDIR(st.st_mode))
		return out_report(d, p->folder ? ENOTDIR : EISDIR, "replace", p->name);
	p->mode = p->exists ? st.st_mode & 07777 : 0;
	if (!p->folder)
		return 0;
	if (mkdirat(d->stage_fd, p->name, 0777) != 0 ||
	    (p->new_fd = out_open_dir(d->stage_fd, p->name)) < 0)
		return out_report(d, errno, "write", p->name);
	if (p->exists && (p->old_fd = out_open_dir(d->dir_fd, p->name)) < 0)
		return out_report(d, errno, "read", p->name);
	return 0;
}

/* A new product of d for path, added only once it is set up. */
static struct out_product *out_new_product(struct out_dir *d, const char *path)
{
	size_t n = out_product_len(path);
	if (n > NAME_MAX) {
		out_report(d, ENAMETOOLONG, "write", path);
		return NULL;
	}
	struct out_product *p = mem_alloc(sizeof *p);
	struct out_product **products = p ? mem_grow(d->products, &d->cap, d->n_products,
						     sizeof *products) : NULL;
	if (products)
		d->products = products;
	if (!products) {
		mem_free(p);
		out_report(d, ENOMEM, "write", path);
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

int out_in_folder(const struct out_product *p, const char *rest, out_folder_op *op, void *ctx)
{
	for (bool retried = false;; retried = true) {
		int r = op(p, rest, ctx);
		if (r >= 0 || errno != ENOENT || retried || out_make_parents(p->new_fd, rest) != 0)
			return r;
	}
}

struct out_bytes {
	const char *data;
	size_t len;
};

static int out_link_or_write(const struct out_product *p, const char *rest, void *bytes)
{
	const struct out_bytes *b = bytes;
	if (p->old_fd >= 0 && out_same_content(p->old_fd, rest, b->data, b->len) &&
	    linkat(p->old_fd, rest, p->new_fd, rest, 0) == 0)
		return 1;
	return out_write_file(p->new_fd, rest, b->data, b->len, 0666);
}

int out_put_in_folder(const struct out_product *p, const char *rest,
		      const char *data, size_t len)
{
	struct out_bytes b = { data, len };
	return out_in_folder(p, rest, out_link_or_write, &b);
}

struct out_product *out_product_of(struct out_dir *d, const char *path)
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
		p = (out_report(d, EEXIST, "write", path), NULL);
	pthread_mutex_unlock(&d->lock);
	return p;
}

int out_dir_put(struct out_dir *d, const char *path, const struct buf *content)
{
	struct out_product *p = out_product_of(d, path);
	if (!p)
		return -1;
	const char *data = content->data ? content->data : "";
	int r = p->folder ? out_put_in_folder(p, path + strlen(p->name) + 1, data, content->len)
			  : out_write_file(d->stage_fd, p->name, data, content->len, 0666);
	if (r < 0)
		return out_report(d, errno, "write", path);
	atomic_fetch_add(r == 1 ? &d->unchanged : &d->written, 1);
	return 0;
}

void out_dir_stats(const struct out_dir *d, struct out_stats *stats)
{
	*stats = (struct out_stats){ atomic_load(&d->written), atomic_load(&d->unchanged),
				     d->removed };
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
	pthread_mutex_destroy(&d->report_lock);
	mem_free(d->products);
	mem_free(d->path);
	mem_free(d);
}
