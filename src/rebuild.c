/*
 * rebuild.c - the record of the last run into an output folder (see
 * rebuild.h). The record is text, a line per file:
 *
 *   # jobc-build 1: ...
 *   key jobc VERSION EXE-HASH backends json html ... (every option that counts)
 *   start SECONDS NANOSECONDS          the clock before the inputs were stated
 *   in HASH SIZE MTIME CTIME DEV INO PATH     each input file, in order
 *   out SIZE MTIME CTIME INO PATH             each file of the products
 *   end
 *
 * (times as seconds and nanoseconds). A record that does not read exactly
 * so is no record: the run does its work.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "hash.h"
#include "mem.h"
#include "output_fs.h"
#include "output_manifest.h"
#include "rebuild.h"

static const char rebuild_header[] =
	"# jobc-build 1: what the last run into this folder read and wrote;"
	" a run that finds it all as it was does nothing\n";

/* The options are part of the key: one added to the backends' must be
 * added to rebuild_key too, then this size updated. */
_Static_assert(sizeof(struct backend_options) == 4 * sizeof(void *),
	       "a new backend option: add it to the key in rebuild_key");

struct rebuild_file {
	char *path;
	struct stat st;
	uint64_t hash;          /* an input's bytes */
};

struct rebuild {
	char *dir;              /* the output folder */
	char *key;
	struct timespec start;
	struct rebuild_file *inputs;
	size_t n_inputs;
	const char *products[16];       /* the folders of the selected backends */
	size_t n_products;
	bool keep;              /* a record can be made */
};

bool rebuild_hash_file(int at, const char *path, struct buf *scratch, uint64_t *hash)
{
	int fd = openat(at, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	scratch->len = 0;
	int r = out_read_fd(fd, scratch);
	close(fd);
	if (r != 0)
		return false;
	*hash = hash_bytes(scratch->data ? scratch->data : "", scratch->len);
	return true;
}

/* Everything that changes what the run writes or shows (not -j, not the
 * colours or the format of the diagnostics, which say nothing of nothing). */
static char *rebuild_key(const struct cli *cli, const struct diag *d, struct buf *scratch)
{
	uint64_t exe;
	if (!rebuild_hash_file(AT_FDCWD, "/proc/self/exe", scratch, &exe))
		return NULL;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "jobc %s %016" PRIx64 " backends", JOBC_VERSION, exe);
	for (size_t i = 0; i < backend_count; i++)
		if (cli_backend_selected(cli, backend_table[i]->name))
			buf_printf(&b, " %s", backend_table[i]->name);
	buf_printf(&b, " json-compact %d c-prefix %s html-page-kb %zu csv-bom %d"
		   " Werror %d quiet %d max-errors %u W",
		   cli->opts.json_compact, cli->opts.c_prefix ? cli->opts.c_prefix : "-",
		   cli->opts.html_page_kb, cli->opts.csv_bom, d->werror, d->quiet, d->max_errors);
	for (int c = DIAG_W_FIRST; c < DIAG_CODE_COUNT; c++)
		buf_printf(&b, "%d", d->action[c]);
	if (b.failed || strchr(b.data, '\n')) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* ---- the record read back ------------------------------------------------ */

struct rebuild_old {
	struct buf text;
	char *key;
	struct timespec start;
	struct rebuild_file *inputs, *outputs;
	size_t n_inputs, n_outputs;
};

static void rebuild_old_free(struct rebuild_old *old)
{
	buf_free(&old->text);
	mem_free(old->inputs);
	mem_free(old->outputs);
}

/* Appends f to the array *files of *n (grown by doubling). */
static bool rebuild_push(struct rebuild_file **files, size_t *n, const struct rebuild_file *f)
{
	if ((*n & (*n - 1)) == 0) {
		struct rebuild_file *more = mem_realloc(*files, (*n ? 2 * *n : 1) * sizeof *more);
		if (!more)
			return false;
		*files = more;
	}
	(*files)[(*n)++] = *f;
	return true;
}

/* One line of the record; false if it is not as jobc writes them. */
static bool rebuild_parse_line(struct rebuild_old *old, char *line)
{
	struct rebuild_file f = { 0 };
	long long size, ms, cs, mn, cn;
	unsigned long long dev = 0, ino;
	int at = 0;
	if (strncmp(line, "key ", 4) == 0 && !old->key) {
		old->key = line + 4;
	} else if (sscanf(line, "start %lld %lld%n", &ms, &mn, &at) == 2 && !line[at]) {
		old->start = (struct timespec){ (time_t)ms, (long)mn };
	} else if (sscanf(line, "in %" SCNx64 " %lld %lld %lld %lld %lld %llu %llu %n", &f.hash,
			  &size, &ms, &mn, &cs, &cn, &dev, &ino, &at) == 8 && at > 0) {
		f.path = line + at;
	} else if (sscanf(line, "out %lld %lld %lld %lld %lld %llu %n", &size, &ms, &mn, &cs, &cn,
			  &ino, &at) == 6 && at > 0) {
		f.path = line + at;
	} else {
		return false;
	}
	if (!f.path)
		return true;
	f.st.st_size = (off_t)size;
	f.st.st_mtim = (struct timespec){ (time_t)ms, (long)mn };
	f.st.st_ctim = (struct timespec){ (time_t)cs, (long)cn };
	f.st.st_dev = (dev_t)dev;
	f.st.st_ino = (ino_t)ino;
	return line[0] == 'i' ? rebuild_push(&old->inputs, &old->n_inputs, &f)
			      : rebuild_push(&old->outputs, &old->n_outputs, &f);
}

/* The record in folder dir_fd, read into old; false if there is none that
 * jobc wrote whole. */
static bool rebuild_read(int dir_fd, struct rebuild_old *old)
{
	*old = (struct rebuild_old){ 0 };
	buf_init(&old->text);
	if (out_read_file(dir_fd, REBUILD_RECORD, &old->text) != 0 || old->text.len == 0)
		return false;
	char *text = old->text.data, *end = text + old->text.len;
	size_t n = sizeof rebuild_header - 1;
	if ((size_t)(end - text) < n || memcmp(text, rebuild_header, n) != 0)
		return false;
	for (char *line = text + n; line < end;) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			return false;
		*nl = '\0';
		if (strcmp(line, "end") == 0)
			return nl + 1 == end && old->key;
		if (!rebuild_parse_line(old, line))
			return false;
		line = nl + 1;
	}
	return false;
}

/* ---- comparing ----------------------------------------------------------- */

static bool rebuild_same_time(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

bool rebuild_same_stat(const struct stat *was, const struct stat *now, bool dev)
{
	return was->st_size == now->st_size && was->st_ino == now->st_ino &&
	       (!dev || was->st_dev == now->st_dev) &&
	       rebuild_same_time(&was->st_mtim, &now->st_mtim) &&
	       rebuild_same_time(&was->st_ctim, &now->st_ctim);
}

/* True if t is not before the clock `start` (a time of the same tick). */
static bool rebuild_not_before(const struct timespec *t, const struct timespec *start)
{
	return t->tv_sec > start->tv_sec ||
	       (t->tv_sec == start->tv_sec && t->tv_nsec >= start->tv_nsec);
}

/* True if every output of the record is as it was left. */
static bool rebuild_outputs_intact(int dir_fd, const struct rebuild_old *old)
{
	for (size_t i = 0; i < old->n_outputs; i++) {
		struct stat st;
		if (fstatat(dir_fd, old->outputs[i].path, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || !rebuild_same_stat(&old->outputs[i].st, &st, false))
			return false;
	}
	return old->n_outputs > 0;
}

/*
 * Takes the state of input i (cli's) into rb, its hash that of the record
 * if the file is stated as the record has it, and was not changed in the
 * tick the recorded run read it. False if it is not as the record has it.
 */
static bool rebuild_input(struct rebuild *rb, size_t i, const char *path,
			  const struct rebuild_old *old, bool have_old, struct buf *scratch)
{
	struct rebuild_file *f = &rb->inputs[i];
	f->path = mem_alloc(strlen(path) + 1);
	if (!f->path || strchr(path, '\n') || stat(strcpy(f->path, path), &f->st) != 0) {
		rb->keep = false;
		return false;
	}
	const struct rebuild_file *was = have_old && i < old->n_inputs &&
		strcmp(old->inputs[i].path, path) == 0 ? &old->inputs[i] : NULL;
	if (was && rebuild_same_stat(&was->st, &f->st, true) &&
	    !rebuild_not_before(&was->st.st_mtim, &old->start)) {
		f->hash = was->hash;
		return true;
	}
	if (!rebuild_hash_file(AT_FDCWD, path, scratch, &f->hash)) {
		rb->keep = false;
		return false;
	}
	return was && was->hash == f->hash;
}

struct rebuild *rebuild_begin(const struct cli *cli, const struct diag *d, bool *current)
{
	*current = false;
	if (cli->check_only)
		return NULL;
	struct rebuild *rb = mem_alloc(sizeof *rb);
	struct rebuild_file *inputs = mem_alloc((cli->n_inputs + 1) * sizeof *inputs);
	char *dir = mem_alloc(strlen(cli->out_dir) + 1);
	if (!rb || !inputs || !dir) {
		mem_free(rb);
		mem_free(inputs);
		mem_free(dir);
		return NULL;
	}
	memset(inputs, 0, (cli->n_inputs + 1) * sizeof *inputs);
	*rb = (struct rebuild){ .dir = strcpy(dir, cli->out_dir), .inputs = inputs,
				.n_inputs = cli->n_inputs, .keep = true };
	for (size_t i = 0; i < backend_count && rb->n_products < 16; i++)
		if (cli_backend_selected(cli, backend_table[i]->name))
			rb->products[rb->n_products++] = backend_table[i]->name;
	struct buf scratch;
	buf_init(&scratch);
	rb->key = rebuild_key(cli, d, &scratch);
	clock_gettime(CLOCK_REALTIME_COARSE, &rb->start);

	struct rebuild_old old = { 0 };        /* freed whether read whole or not */
	int dir_fd = open(rb->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool have_old = dir_fd >= 0 && rebuild_read(dir_fd, &old);
	bool same = have_old && rb->key && strcmp(old.key, rb->key) == 0 &&
		    old.n_inputs == cli->n_inputs;
	for (size_t i = 0; i < cli->n_inputs; i++)
		same &= rebuild_input(rb, i, cli->inputs[i], &old, have_old, &scratch);
	*current = same && rebuild_outputs_intact(dir_fd, &old);
	rb->keep = rb->keep && rb->key;
	rebuild_old_free(&old);
	if (dir_fd >= 0)
		close(dir_fd);
	buf_free(&scratch);
	return rb;
}

/* ---- the record written -------------------------------------------------- */

void rebuild_forget(const char *dir)
{
	int dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir_fd >= 0) {
		unlinkat(dir_fd, REBUILD_RECORD, 0);
		close(dir_fd);
	}
}

/* The outputs of product name, as its manifest lists them, into b; the
 * latest time among them into *latest. False if they cannot be had. */
static bool rebuild_product(int dir_fd, const char *name, struct buf *b, struct timespec *latest)
{
	int fd = out_open_dir(dir_fd, name);
	if (fd < 0)
		return false;
	struct out_manifest m;
	out_manifest_init(&m);
	bool ok = out_manifest_read(&m, fd) == 0 && m.count > 0;
	for (size_t i = 0; ok && i <= m.count; i++) {
		const char *path = i < m.count ? m.paths[i] : OUT_MANIFEST;
		struct stat st;
		ok = fstatat(fd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
		if (!ok)
			break;
		buf_printf(b, "out %lld %lld %ld %lld %ld %llu %s/%s\n", (long long)st.st_size,
			   (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
			   (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
			   (unsigned long long)st.st_ino, name, path);
		if (rebuild_not_before(&st.st_mtim, latest))
			*latest = st.st_mtim;
	}
	out_manifest_free(&m);
	close(fd);
	return ok;
}

/*
 * Waits for the clock to pass t (at most a few ticks): a file written
 * after the record then has a later time than any the record holds.
 */
static bool rebuild_wait_past(const struct timespec *t)
{
	for (int tries = 0; tries < 1000; tries++) {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME_COARSE, &now);
		if (!rebuild_not_before(t, &now))
			return true;
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
	return false;
}

void rebuild_record(struct rebuild *rb, const struct diag *d)
{
	if (!rb || !rb->keep || diag_shows_any(d))
		return;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, rebuild_header);
	buf_printf(&b, "key %s\nstart %lld %ld\n", rb->key, (long long)rb->start.tv_sec,
		   rb->start.tv_nsec);
	for (size_t i = 0; i < rb->n_inputs; i++) {
		const struct rebuild_file *f = &rb->inputs[i];
		buf_printf(&b, "in %016" PRIx64 " %lld %lld %ld %lld %ld %llu %llu %s\n", f->hash,
			   (long long)f->st.st_size, (long long)f->st.st_mtim.tv_sec,
			   f->st.st_mtim.tv_nsec, (long long)f->st.st_ctim.tv_sec,
			   f->st.st_ctim.tv_nsec, (unsigned long long)f->st.st_dev,
			   (unsigned long long)f->st.st_ino, f->path);
	}
	int dir_fd = open(rb->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct timespec latest = { 0 };
	bool ok = dir_fd >= 0;
	for (size_t i = 0; ok && i < rb->n_products; i++)
		ok = rebuild_product(dir_fd, rb->products[i], &b, &latest);
	buf_puts(&b, "end\n");
	/* Named as a stage is: the next run removes it if this one dies. */
	char aside[64];
	snprintf(aside, sizeof aside, ".jobc-stage-%ld-record", (long)getpid());
	if (ok && !b.failed && rebuild_wait_past(&latest)) {
		unlinkat(dir_fd, aside, 0);
		if (out_write_file(dir_fd, aside, b.data, b.len, 0666) == 0 &&
		    renameat(dir_fd, aside, dir_fd, REBUILD_RECORD) != 0)
			unlinkat(dir_fd, aside, 0);
	}
	if (dir_fd >= 0)
		close(dir_fd);
	buf_free(&b);
}

void rebuild_free(struct rebuild *rb)
{
	if (!rb)
		return;
	for (size_t i = 0; i < rb->n_inputs; i++)
		mem_free(rb->inputs[i].path);
	mem_free(rb->inputs);
	mem_free(rb->key);
	mem_free(rb->dir);
	mem_free(rb);
}
