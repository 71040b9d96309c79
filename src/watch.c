/*
 * watch.c - jobc --watch (see watch.h): inotify on the input folders, a
 * signalfd for SIGINT and SIGTERM, one poll for both; each rebuild works
 * out which files changed, forgets their units, and lets the unit set
 * (unit_set.h) read what it lacks.
 */
#define _GNU_SOURCE     /* signalfd */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "frontend.h"
#include "mem.h"
#include "rebuild.h"
#include "unit_set.h"
#include "watch.h"

/* A stream of changes still gets a rebuild this often. */
#define WATCH_MAX_WAIT_MS 1000

/* Past this many files named by events before a rebuild (a checkout),
 * every file is read again instead of looking each up. */
#define WATCH_MAX_TOUCHED 256

/* What a folder's watch reports: files written, renamed, made or removed,
 * and the folder itself going. */
#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | \
		      IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

/* An input file, as it was when last read. */
struct watch_file {
	char *path;
	struct stat st;         /* zero: it could not be read */
	uint64_t hash;          /* of its bytes, if hashed */
	bool hashed;
};

struct watch_folder {
	int wd;
	char *path;
};

/* A file an event named: by identity, whatever path names it. */
struct watch_id {
	dev_t dev;
	ino_t ino;
};

struct watch {
	struct cli *cli;
	struct diag *d;
	struct unit_set *units;         /* of the input files */
	bool last_built;                /* the last rebuild succeeded */
	struct buf scratch;             /* a file's bytes, hashed */
	int inotify, signals;
	struct watch_folder *folders;
	size_t n_folders;
	struct watch_file *files;       /* the inputs of the last rebuild, sorted by path */
	size_t n_files;
	struct watch_id *touched;       /* files events named since the last rebuild */
	size_t n_touched, cap_touched;
	bool refolder;                  /* a folder came or went: watch them again */
	bool overflow;                  /* events were lost: read every file again */
};

/* What a rebuild found, for its line. */
struct watch_changes {
	size_t changed, added, removed;
	char name[128];                 /* one of them */
	const char *how;                /* "changed", "added" or "removed" */
};

static double watch_seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- the folders watched ------------------------------------------------- */

/* True if path is the folder out or inside it (both real paths). */
static bool watch_inside(const char *path, const char *out)
{
	size_t n = strlen(out);
	return out[0] && strncmp(path, out, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/*
 * Watches every folder the input files come from (inputs_folders) that is
 * not watched yet, but the output folder and those under it, which only
 * jobc writes. A folder that cannot be watched is passed over: its files'
 * changes are then seen at the next rebuild something else starts.
 */
static void watch_folders(struct watch *w)
{
	w->refolder = false;
	char **paths;
	size_t n;
	if (inputs_folders(w->cli->args, w->cli->n_args, &paths, &n) != 0)
		w->refolder = true;     /* memory: try again at the next event */
	char out[PATH_MAX], real[PATH_MAX];
	if (!realpath(w->cli->out_dir, out))
		out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int wd = -1;
		if (!realpath(paths[i], real) || !watch_inside(real, out))
			wd = inotify_add_watch(w->inotify, paths[i], WATCH_EVENTS);
		bool known = wd < 0;
		for (size_t k = 0; k < w->n_folders && !known; k++)
			known = w->folders[k].wd == wd;
		struct watch_folder *more = known ? NULL
			: mem_realloc(w->folders, (w->n_folders + 1) * sizeof *more);
		if (more) {
			w->folders = more;
			w->folders[w->n_folders++] = (struct watch_folder){ wd, paths[i] };
			paths[i] = NULL;
		}
		mem_free(paths[i]);
	}
	mem_free(paths);
}

/* The folder of watch descriptor wd, or NULL. */
static struct watch_folder *watch_folder_of(struct watch *w, int wd)
{
	for (size_t k = 0; k < w->n_folders; k++)
		if (w->folders[k].wd == wd)
			return &w->folders[k];
	return NULL;
}

static void watch_folder_gone(struct watch *w, struct watch_folder *f)
{
	mem_free(f->path);
	*f = w->folders[--w->n_folders];
}

/* ---- events -------------------------------------------------------------- */

/* True if an entry called name in a watched folder may be an input file. */
static bool watch_may_be_input(const struct watch *w, const char *name)
{
	size_t n = strlen(name);
	if (name[0] != '.' && n > 9 && strcmp(name + n - 9, ".jobsheet") == 0)
		return true;
	for (size_t i = 0; i < w->cli->n_args; i++) {
		const char *slash = strrchr(w->cli->args[i], '/');
		if (strcmp(slash ? slash + 1 : w->cli->args[i], name) == 0)
			return true;
	}
	return false;
}

/* Notes the file folder/name as changed, by identity: an edit in place
 * within the clock's tick leaves its size and times as they were. */
static void watch_touch(struct watch *w, const char *folder, const char *name)
{
	char path[PATH_MAX];
	struct stat st;
	if (snprintf(path, sizeof path, "%s/%s", folder, name) >= (int)sizeof path ||
	    stat(path, &st) != 0)
		return;
	if (w->n_touched == WATCH_MAX_TOUCHED) {
		w->overflow = true;     /* many files: read them all again */
		return;
	}
	if (w->n_touched == w->cap_touched) {
		size_t cap = w->cap_touched ? 2 * w->cap_touched : 16;
		struct watch_id *more = mem_realloc(w->touched, cap * sizeof *more);
		if (!more) {
			w->overflow = true;     /* read everything again instead */
			return;
		}
		w->touched = more;
		w->cap_touched = cap;
	}
	w->touched[w->n_touched++] = (struct watch_id){ st.st_dev, st.st_ino };
}

/* What one event means; true if it may change the input. */
static bool watch_event(struct watch *w, const struct inotify_event *e)
{
	if (e->mask & IN_Q_OVERFLOW) {
		w->overflow = w->refolder = true;
		return true;
	}
	struct watch_folder *f = watch_folder_of(w, e->wd);
	if (!f)
		return false;
	if (e->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
		if (e->mask & IN_IGNORED)
			watch_folder_gone(w, f);
		w->refolder = true;
		return true;
	}
	if (e->len == 0 || e->name[0] == '\0')
		return false;
	if (e->mask & IN_ISDIR) {
		w->refolder = true;
		return e->name[0] != '.';
	}
	if (!watch_may_be_input(w, e->name))
		return false;
	if (e->mask & (IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_MOVED_TO | IN_CREATE))
		watch_touch(w, f->path, e->name);
	return true;
}

/* Reads the events waiting; true if one of them may change the input. */
static bool watch_read_events(struct watch *w)
{
	alignas(struct inotify_event) char buf[64 * 1024];
	bool relevant = false;
	for (;;) {
		ssize_t n = read(w->inotify, buf, sizeof buf);
		if (n <= 0)
			return relevant;        /* EAGAIN: no more */
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			relevant |= watch_event(w, e);
			p += sizeof *e + e->len;
		}
	}
}

/* ---- a rebuild ----------------------------------------------------------- */

static int watch_file_order(const void *a, const void *b)
{
	return strcmp(((const struct watch_file *)a)->path, ((const struct watch_file *)b)->path);
}

static bool watch_touched(const struct watch *w, const struct stat *st)
{
	for (size_t i = 0; i < w->n_touched; i++)
		if (w->touched[i].dev == st->st_dev && w->touched[i].ino == st->st_ino)
			return true;
	return false;
}

static void watch_note(struct watch_changes *c, size_t *count, const char *name, const char *how)
{
	(*count)++;
	snprintf(c->name, sizeof c->name, "%s", name);
	c->how = how;
}

static void watch_files_free(struct watch_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mem_free(files[i].path);
	mem_free(files);
}

/* Takes the hash of the file f's bytes, if it can be read. */
static void watch_hash(struct watch *w, struct watch_file *f)
{
	f->hashed = f->st.st_mode != 0 &&
		    rebuild_hash_file(AT_FDCWD, f->path, &w->scratch, &f->hash);
}

/*
 * True if the file f, stated as changed since it was `was`, has the bytes
 * it had, and the last rebuild succeeded: its unit, and the output, are
 * still what they would be (a touch, an editor saving what it loaded, a
 * checkout of the same content). f's hash is taken either way.
 */
static bool watch_same_bytes(struct watch *w, struct watch_file *f, const struct watch_file *was)
{
	watch_hash(w, f);
	return f->hashed && was->hashed && f->hash == was->hash && w->last_built;
}

/*
 * The input files as they are now, each stated before it is read (a change
 * after that is seen next time), compared with the last rebuild's: the
 * units of those that changed are forgotten, for the front end to read
 * them again. Replaces w->files; false if memory ran out.
 */
static bool watch_compare(struct watch *w, struct watch_changes *c)
{
	const struct cli *cli = w->cli;
	struct watch_file *now = mem_alloc((cli->n_inputs + 1) * sizeof *now);
	bool *still = mem_alloc(w->n_files + 1);        /* w->files[i] is still an input */
	if (!now || !still) {
		mem_free(now);
		mem_free(still);
		return false;
	}
	memset(still, 0, w->n_files);
	size_t n = 0;
	for (; n < cli->n_inputs; n++) {
		char *path = mem_alloc(strlen(cli->inputs[n]) + 1);
		if (!path) {
			watch_files_free(now, n);
			mem_free(still);
			return false;
		}
		now[n].path = strcpy(path, cli->inputs[n]);
		now[n].hashed = false;
		bool exists = stat(path, &now[n].st) == 0;
		if (!exists)
			memset(&now[n].st, 0, sizeof now[n].st);
		struct watch_file *was = w->n_files ? bsearch(&now[n], w->files, w->n_files,
							      sizeof *w->files, watch_file_order) : NULL;
		if (!was) {
			/* A name that is not there (a folder named that went) is
			 * not a file added: the run says it cannot be opened. */
			if (exists)
				watch_note(c, &c->added, cli->inputs[n], "added");
			watch_hash(w, &now[n]);
		} else if (w->overflow || !rebuild_same_stat(&was->st, &now[n].st, true) ||
			   watch_touched(w, &now[n].st)) {
			if (!watch_same_bytes(w, &now[n], was)) {
				watch_note(c, &c->changed, cli->inputs[n], "changed");
				unit_set_forget(w->units, path);
			}
		} else {
			now[n].hash = was->hash;
			now[n].hashed = was->hashed;
		}
		if (was)
			still[was - w->files] = true;
	}
	for (size_t i = 0; i < w->n_files; i++)
		if (!still[i] && w->files[i].st.st_mode != 0)     /* it was there */
			watch_note(c, &c->removed, w->files[i].path, "removed");
	mem_free(still);
	qsort(now, n, sizeof *now, watch_file_order);
	watch_files_free(w->files, w->n_files);
	w->files = now;
	w->n_files = n;
	w->n_touched = 0;
	w->overflow = false;
	return true;
}

/* "a.jobsheet changed", or "3 files: 2 changed, 1 added". */
static void watch_describe(const struct watch_changes *c, char *out, size_t size)
{
	size_t total = c->changed + c->added + c->removed;
	if (total == 1) {
		snprintf(out, size, "%s %s", c->name, c->how);
		return;
	}
	int n = snprintf(out, size, "%zu files:", total);
	const char *sep = " ";
	const size_t counts[] = { c->changed, c->added, c->removed };
	static const char *const hows[] = { "changed", "added", "removed" };
	for (size_t i = 0; i < 3 && n >= 0 && (size_t)n < size; i++) {
		if (counts[i]) {
			n += snprintf(out + n, size - (size_t)n, "%s%zu %s", sep, counts[i], hows[i]);
			sep = ", ";
		}
	}
}

/* The line that says what a rebuild did. */
static void watch_say(struct watch *w, bool first, const struct watch_changes *c, int status,
		      const struct out_stats *stats, const struct timespec *t0)
{
	char what[160];
	if (first)
		snprintf(what, sizeof what, "watching %zu files", w->n_files);
	else if (c->changed + c->added + c->removed == 0)
		snprintf(what, sizeof what, "the input folders changed");
	else
		watch_describe(c, what, sizeof what);
	double s = watch_seconds_since(t0);
	if (status == EXIT_SUCCESS && w->cli->check_only)
		printf("jobc: %s; checked in %.3f s: no errors\n", what, s);
	else if (status == EXIT_SUCCESS)
		printf("jobc: %s; %s in %.3f s: %zu files written, %zu unchanged, %zu removed\n",
		       what, first ? "built" : "rebuilt", s, stats->written, stats->unchanged,
		       stats->removed);
	else if (status == EXIT_INVALID)
		printf("jobc: %s; %u error%s in %.3f s, %s\n", what, w->d->errors,
		       w->d->errors == 1 ? "" : "s", s,
		       w->cli->check_only ? "waiting for a fix" : "the output is as it was");
	else
		printf("jobc: %s; failed in %.3f s, the output is as it was\n", what, s);
	fflush(stdout);
}

/* Builds again if the input changed (always if first). */
static void watch_rebuild(struct watch *w, bool first)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct cli *cli = w->cli;
	struct diag *d = w->d;
	struct watch_changes c = { 0 };
	struct out_stats stats = { 0 };
	struct frontend *fe = NULL;
	cli_free(cli);
	int status = inputs_expand(cli, cli->args, cli->n_args, d);
	if (status == 0 && !watch_compare(w, &c)) {
		diag_error(d, NULL, "out of memory");
		status = EXIT_USAGE;
	}
	if (status == 0 && !first && c.changed + c.added + c.removed == 0) {
		diag_clear(d);  /* what expanding the folders said, if anything */
		return;
	}
	if (status == 0) {
		int r = unit_set_files(w->units, cli->inputs, cli->n_inputs, cli->jobs);
		if (r == 0)
			r = unit_set_run(w->units, d, &fe);
		status = build_finish(cli, fe ? frontend_root(fe) : NULL, d, r, &stats);
	}
	build_render(cli, d);
	watch_say(w, first, &c, status, &stats, &t0);
	w->last_built = status == EXIT_SUCCESS;
	/* Rendered; the records point into the run, which goes before the
	 * units it joins can change. */
	diag_clear(d);
	frontend_free(fe);
	if (w->refolder)
		watch_folders(w);
}

/* ---- the loop ------------------------------------------------------------ */

/*
 * Waits until the inputs have been left alone for WATCH_QUIET_MS since the
 * last event that may change them (at most WATCH_MAX_WAIT_MS). False if a
 * signal came meanwhile.
 */
static bool watch_settle(struct watch *w, struct pollfd *p)
{
	struct timespec start, last;
	clock_gettime(CLOCK_MONOTONIC, &start);
	last = start;
	for (;;) {
		int quiet = WATCH_QUIET_MS - (int)(watch_seconds_since(&last) * 1000);
		int left = WATCH_MAX_WAIT_MS - (int)(watch_seconds_since(&start) * 1000);
		int timeout = quiet < left ? quiet : left;
		if (timeout <= 0)
			return true;
		int n = poll(p, 2, timeout);
		if (n == 0)
			return true;
		if (n > 0 && p[1].revents)
			return false;
		if (n > 0 && watch_read_events(w))
			clock_gettime(CLOCK_MONOTONIC, &last);
	}
}

static int watch_loop(struct watch *w)
{
	watch_folders(w);
	watch_rebuild(w, true);
	for (;;) {
		struct pollfd p[2] = { { w->inotify, POLLIN, 0 }, { w->signals, POLLIN, 0 } };
		int n = poll(p, 2, -1);
		if (n < 0 && errno != EINTR)
			return -1;
		if (n <= 0)
			continue;
		if (p[1].revents)
			return 0;
		if (!watch_read_events(w))
			continue;
		if (!watch_settle(w, p))
			return 0;
		if (w->refolder)
			watch_folders(w);
		watch_rebuild(w, false);
	}
}

int watch_run(struct cli *cli, struct diag *d)
{
	for (size_t i = 0; i < cli->n_args; i++) {
		if (strcmp(cli->args[i], "-") == 0) {
			diag_error(d, NULL, "--watch cannot read standard input");
			build_render(cli, d);
			return EXIT_USAGE;
		}
	}
	const char *wrong = build_options_error(cli);
	if (wrong) {
		diag_error(d, NULL, "%s", wrong);
		build_render(cli, d);
		return EXIT_USAGE;
	}
	/* The signals wait in the signalfd, for every thread: a rebuild under
	 * way is finished (its output is never left half done), then we stop. */
	sigset_t stop, saved;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop, &saved);
	struct watch w = {
		.cli = cli,
		.d = d,
		.units = unit_set_new(d),
		.inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC),
		.signals = signalfd(-1, &stop, SFD_CLOEXEC),
	};
	int status = EXIT_USAGE;
	if (!w.units) {
		diag_error(d, NULL, "out of memory");
	} else if (w.inotify < 0 || w.signals < 0) {
		diag_error(d, NULL, "cannot watch the input files: %s", strerror(errno));
	} else if (watch_loop(&w) == 0) {
		struct signalfd_siginfo info;         /* taken, not to kill us below */
		ssize_t taken = read(w.signals, &info, sizeof info);
		(void)taken;
		status = EXIT_SUCCESS;
	} else {
		int err = errno;
		diag_clear(d);          /* the last rebuild's: rendered */
		diag_error(d, NULL, "cannot watch the input files: %s", strerror(err));
	}
	if (status != EXIT_SUCCESS)
		build_render(cli, d);
	if (w.inotify >= 0)
		close(w.inotify);
	if (w.signals >= 0)
		close(w.signals);
	sigprocmask(SIG_SETMASK, &saved, NULL);
	unit_set_free(w.units);
	watch_files_free(w.files, w.n_files);
	for (size_t k = 0; k < w.n_folders; k++)
		mem_free(w.folders[k].path);
	mem_free(w.folders);
	mem_free(w.touched);
	buf_free(&w.scratch);
	return status;
}
