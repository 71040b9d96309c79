/*
 * output_commit.c - puts the staged products in place (out_dir_commit, see
 * output.h, output_dir.h; docs/ROBUSTNESS.md).
 *
 * Each folder product is finished in the stage first: its manifest is
 * written (output_manifest.h); what its current version holds that this
 * run does not write is hard-linked into the new version (copied where
 * links fail), except the files the current version's manifest lists,
 * which an earlier run wrote and this one no longer does; and the folder
 * gets the mode of the one it replaces. Then
 * each product is swapped with what it replaces in one rename (renameat2
 * RENAME_EXCHANGE), so a reader, or a kill at any moment, sees each
 * product either as it was or complete in its new version, never a mix;
 * nothing else in the output folder is touched. The stage, which by then
 * holds the previous versions, is removed by out_dir_close. Any failure
 * before the swaps leaves the output folder as it was; one during them
 * swaps back those done.
 */
#define _GNU_SOURCE     /* renameat2 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output_dir.h"
#include "output_fs.h"
#include "output_manifest.h"

/*
 * Carrying the current version of a folder product into its new one.
 * stale is the current version's manifest: the files the run that made it
 * wrote, which are not carried. path is the folder being walked, relative
 * to the product folder ("" or ending in '/'), to look them up there.
 */
struct out_carry {
	const struct out_manifest *stale;       /* NULL: nothing is stale */
	size_t removed;                         /* stale files left out */
	size_t len;
	char path[PATH_MAX];
};

static int out_carry_entry(struct out_carry *c, int old_fd, int new_fd, const char *name);

/*
 * Keeps what the current version old_fd has and the new one new_fd does not
 * write, stale files aside: linked (copied if a link is refused), folders
 * recreated with their modes. Where both have an entry, the new one wins (a
 * folder in both is merged). -1 on failure; 0 if every entry of old_fd was
 * left out (and there was one): the folder only held stale files; else 1.
 */
static int out_carry(struct out_carry *c, int old_fd, int new_fd)
{
	DIR *d = out_read_dir(old_fd, ".");
	if (!d)
		return -1;
	int r = 0;
	size_t kept = 0, dropped = 0;
	for (const char *entry; r >= 0 && (entry = out_next_entry(d, NULL)) != NULL;) {
		r = out_carry_entry(c, old_fd, new_fd, entry);
		kept += r > 0;
		dropped += r == 0;
	}
	int saved = errno;
	closedir(d);
	errno = saved;
	return r < 0 ? -1 : kept > 0 || dropped == 0;
}

/* True if the regular file name, in the folder c is walking, is stale. */
static bool out_is_stale(struct out_carry *c, const char *name)
{
	size_t n = strlen(name);
	if (!c->stale || c->len + n >= sizeof c->path)
		return false;
	memcpy(c->path + c->len, name, n + 1);
	return out_manifest_has(c->stale, c->path);
}

/* out_carry in the folder name that both old_fd and new_fd have. */
static int out_carry_into(struct out_carry *c, int old_fd, int new_fd, const char *name)
{
	size_t len = c->len, n = strlen(name);
	const struct out_manifest *stale = c->stale;
	if (len + n + 1 < sizeof c->path) {
		memcpy(c->path + len, name, n);
		c->path[len + n] = '/';
		c->len += n + 1;
	} else {
		c->stale = NULL;        /* deeper than any path jobc writes */
	}
	int sub_old = out_open_dir(old_fd, name), sub_new = out_open_dir(new_fd, name);
	int r = sub_old < 0 || sub_new < 0 ? -1 : out_carry(c, sub_old, sub_new);
	int saved = errno;
	if (sub_old >= 0)
		close(sub_old);
	if (sub_new >= 0)
		close(sub_new);
	errno = saved;
	c->len = len;
	c->stale = stale;
	return r;
}

/*
 * A folder of the current version that the new one lacks: made, filled,
 * and removed again if it held only stale files. As out_carry_entry.
 */
static int out_carry_folder(struct out_carry *c, int old_fd, int new_fd, const char *name,
			    mode_t mode)
{
	if (mkdirat(new_fd, name, 0700) != 0)
		return -1;
	int r = out_carry_into(c, old_fd, new_fd, name);
	if (r == 0)
		return unlinkat(new_fd, name, AT_REMOVEDIR) == 0 ? 0 : -1;
	/* Its mode last: it may forbid writing into it. */
	return r < 0 || fchmodat(new_fd, name, mode & 07777, 0) != 0 ? -1 : 1;
}

/* Carries the entry name: -1 on failure, 0 if it is left out, 1 if kept. */
static int out_carry_entry(struct out_carry *c, int old_fd, int new_fd, const char *name)
{
	struct stat os, ns;
	if (fstatat(old_fd, name, &os, AT_SYMLINK_NOFOLLOW) != 0)
		return -1;
	if (fstatat(new_fd, name, &ns, AT_SYMLINK_NOFOLLOW) == 0)
		return S_ISDIR(os.st_mode) && S_ISDIR(ns.st_mode) &&
		       out_carry_into(c, old_fd, new_fd, name) < 0 ? -1 : 1;
	if (errno != ENOENT)
		return -1;
	if (S_ISDIR(os.st_mode))
		return out_carry_folder(c, old_fd, new_fd, name, os.st_mode);
	/* jobc writes regular files only: anything else is the user's. */
	if (S_ISREG(os.st_mode) && out_is_stale(c, name)) {
		c->removed++;
		return 0;
	}
	if (linkat(old_fd, name, new_fd, name, 0) == 0)
		return 1;
	return S_ISREG(os.st_mode) && out_copy_file(old_fd, new_fd, name, os.st_mode) == 0 ? 1 : -1;
}

/*
 * The manifest of folder product p, written into its new version: the
 * files there before anything is carried into it, which this run wrote.
 * Made now, not as the files come: memory held while the backends run
 * would stay in the way of their big buffers (10 MB more at 1,000 sheets).
 */
static int out_write_manifest(const struct out_product *p)
{
	struct out_manifest written;
	out_manifest_init(&written);
	struct buf text;
	buf_init(&text);
	int r = out_manifest_scan(&written, p->new_fd);
	if (r == 0)
		out_manifest_format(&written, &text);
	if (r == 0 && text.failed) {
		errno = ENOMEM;
		r = -1;
	}
	if (r == 0)
		r = out_put_in_folder(p, OUT_MANIFEST, text.data, text.len) < 0 ? -1 : 0;
	int err = errno;
	buf_free(&text);
	out_manifest_free(&written);
	errno = err;
	return r;
}

/*
 * What the current version of folder product p keeps in the new one: all
 * but the files its manifest lists, which this run has not written again
 * (counted in *removed).
 */
static int out_keep_current(const struct out_product *p, size_t *removed)
{
	struct out_manifest stale;
	out_manifest_init(&stale);
	struct out_carry c = { .stale = &stale };
	int r = out_manifest_read(&stale, p->old_fd);
	if (r == 0)
		r = out_carry(&c, p->old_fd, p->new_fd) < 0 ? -1 : 0;
	*removed += c.removed;
	int err = errno;
	out_manifest_free(&stale);
	errno = err;
	return r;
}

/* Finishes folder product p: its manifest, what its current version keeps, its mode. */
static int out_finish_folder(struct out_dir *d, const struct out_product *p)
{
	char manifest[NAME_MAX + sizeof "/" OUT_MANIFEST];
	snprintf(manifest, sizeof manifest, "%s/%s", p->name, OUT_MANIFEST);
	if (out_write_manifest(p) != 0)
		return out_report(d, errno, "write", manifest);
	if (p->old_fd >= 0 && out_keep_current(p, &d->removed) != 0)
		return out_report(d, errno, "keep the files of", p->name);
	/* The folder keeps its mode, set last: it may forbid writing into it. */
	if (p->exists && fchmod(p->new_fd, p->mode) != 0)
		return out_report(d, errno, "write", p->name);
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
			out_report(d, errno, "replace", d->products[k]->name);
			while (k > 0)
				out_swap(d, d->products[--k], true);
			return -1;
		}
	}
	d->committed = true;
	return 0;
}

