/*
 * test_output.c - src/output_*.c: path safety, what out_commit does to the
 * output folder on success and on every kind of failure (docs/ROBUSTNESS.md),
 * the files of earlier runs it removes and those it must keep (manifests),
 * and sets bound to an out_dir, which write files as they are done, from
 * several threads.
 * Each test works in a fresh folder under $TMPDIR (or /tmp).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "jobs.h"
#include "output.h"

/* ---- helpers ------------------------------------------------------------ */

static char *path_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A path in a static ring of buffers, so that a test can hold a few. */
static char *path_of(const char *fmt, ...)
{
	static char ring[8][1024];
	static unsigned next;
	char *p = ring[next++ % 8];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p, sizeof ring[0], fmt, ap);
	va_end(ap);
	return p;
}

static char *make_temp_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = strdup(path_of("%s/jobc-test-output-XXXXXX", tmp && *tmp ? tmp : "/tmp"));
	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void run_shell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void run_shell(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

static void remove_temp_dir(char *dir)
{
	run_shell("chmod -R u+rwx '%s' && rm -rf '%s'", dir, dir);
	free(dir);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The whole file, or NULL if it cannot be read; free it. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int c;
	while ((c = fgetc(f)) != EOF)
		fputc(c, out);
	fclose(out);
	fclose(f);
	return text;
}

static void assert_file(const char *path, const char *expected)
{
	char *text = read_text(path);
	if (!text)
		fail_msg("%s: cannot read", path);
	assert_string_equal(text, expected);
	free(text);
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static ino_t inode_of(const char *path)
{
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	return st.st_ino;
}

/*
 * Every entry under dir with what would change if it were touched (the
 * folder's own times move: a staging folder came and went).
 */
static char *snapshot(const char *dir)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "find '%s' -mindepth 1 -printf '%%P %%y %%i %%s %%T@ %%m\\n' | LC_ALL=C sort",
		 dir);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int c;
	while ((c = fgetc(p)) != EOF)
		fputc(c, out);
	fclose(out);
	assert_int_equal(pclose(p), 0);
	return text;
}

/* Staging folders of this process left in dir (none after a commit). */
static int count_stages(const char *dir)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c '^\\.jobc-stage-%ld-'", dir, (long)getpid());
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	int n = -1;
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

/* Standard error goes to a file from capture_begin to capture_end, which
 * returns what was written there (free it). */
static FILE *capture_file;
static int capture_saved_fd;

static void capture_begin(void)
{
	fflush(stderr);
	capture_file = tmpfile();
	assert_non_null(capture_file);
	capture_saved_fd = dup(2);
	dup2(fileno(capture_file), 2);
}

static char *capture_end(void)
{
	fflush(stderr);
	dup2(capture_saved_fd, 2);
	close(capture_saved_fd);
	rewind(capture_file);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int c;
	while ((c = fgetc(capture_file)) != EOF)
		fputc(c, out);
	fclose(out);
	fclose(capture_file);
	return text;
}

/* The output code reports its failures to a diag: these tests print them
 * to standard error (and capture that) with reports_print. */
static struct diag reports;

static void reports_print(void)
{
	diag_print(&reports);
	diag_free(&reports);
	diag_init(&reports, stderr);
}

/* out_commit with its messages captured in *err (free it). */
static int commit(const struct out_set *set, const char *dir, char **err)
{
	capture_begin();
	int r = out_commit(set, dir, &reports);
	reports_print();
	*err = capture_end();
	return r;
}

static void add(struct out_set *set, const char *path, const char *text)
{
	struct buf *b = out_file(set, "%s", path);
	assert_non_null(b);
	buf_puts(b, text);
}

/* Commits {path, text, ...} (NULL-terminated) into dir; must succeed. */
static void commit_files(const char *dir, ...)
{
	struct out_set *set = out_set_new();
	va_list ap;
	va_start(ap, dir);
	for (const char *path; (path = va_arg(ap, const char *)) != NULL;)
		add(set, path, va_arg(ap, const char *));
	va_end(ap);
	char *err;
	assert_int_equal(commit(set, dir, &err), 0);
	assert_string_equal(err, "");
	free(err);
	out_set_free(set);
	assert_int_equal(count_stages(dir), 0);
}

/* ---- paths -------------------------------------------------------------- */

static void test_unsafe_paths_refused(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "/", "/etc/passwd", "..", "../x", "a/..", "a/../b", ".", "./a", "a/./b",
		"a//b", "a/", "html/sheets/../../../etc/cron.d/x", "a/b\nc",
		/* the manifest is the output code's own */
		"json/.jobc-manifest",
	};
	struct out_set *set = out_set_new();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (out_file(set, "%s", bad[i]) != NULL)
			fail_msg("'%s' was accepted", bad[i]);
	/* A code cannot lead out of the folder either. */
	assert_null(out_file(set, "html/sheets/%s.html", "../../../../tmp/owned"));
	assert_null(out_file(set, "json/%s", "/etc/passwd"));
	assert_int_equal(out_count(set), 0);

	static const char *const good[] = { "json/catalogue.json", "a/.hidden", "a/..b", "...", "b/c..d/e",
					    "json/sub/.jobc-manifest", ".jobc-manifest" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_non_null(out_file(set, "%s", good[i]));
	assert_int_equal(out_count(set), 7);
	assert_string_equal(out_path(set, 2), "a/..b");
	out_set_free(set);
}

/* ---- success ------------------------------------------------------------ */

static void test_commit_writes_every_file(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	char *out = path_of("%s/new/deeper/out", tmp);
	commit_files(out, "json/a.json", "A", "json/sub/b.json", "B", "html/index.html", "I",
		     "notes.txt", "N", "empty/e", "", (char *)NULL);
	assert_file(path_of("%s/json/a.json", out), "A");
	assert_file(path_of("%s/json/sub/b.json", out), "B");
	assert_file(path_of("%s/html/index.html", out), "I");
	assert_file(path_of("%s/notes.txt", out), "N");
	assert_file(path_of("%s/empty/e", out), "");
	remove_temp_dir(tmp);
}

static void test_foreign_files_kept_unchanged_files_not_rewritten(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", "json/old.json", "O", "html/index.html", "I1",
		     (char *)NULL);
	/* Files jobc did not make, in the folder and in the products. */
	write_text(path_of("%s/README", tmp), "mine");
	write_text(path_of("%s/json/extra.txt", tmp), "mine too");
	run_shell("mkdir -p '%s/html/deep/er' && echo x > '%s/html/deep/er/x.txt' && "
		  "ln -s ../index.html '%s/html/deep/link' && chmod 0700 '%s/html/deep'",
		  tmp, tmp, tmp, tmp);
	ino_t a = inode_of(path_of("%s/json/a.json", tmp));
	ino_t index = inode_of(path_of("%s/html/index.html", tmp));
	ino_t extra = inode_of(path_of("%s/json/extra.txt", tmp));

	commit_files(tmp, "json/a.json", "A", "html/index.html", "I2", (char *)NULL);
	assert_file(path_of("%s/html/index.html", tmp), "I2");
	assert_true(inode_of(path_of("%s/html/index.html", tmp)) != index);
	/* Same bytes: the same file, its time unmoved. */
	assert_true(inode_of(path_of("%s/json/a.json", tmp)) == a);
	assert_file(path_of("%s/README", tmp), "mine");
	assert_file(path_of("%s/json/extra.txt", tmp), "mine too");
	assert_true(inode_of(path_of("%s/json/extra.txt", tmp)) == extra);
	assert_file(path_of("%s/html/deep/er/x.txt", tmp), "x\n");
	struct stat st;
	assert_int_equal(lstat(path_of("%s/html/deep/link", tmp), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(path_of("%s/html/deep", tmp), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	/* A file of an earlier run that this one does not write is gone. */
	assert_false(exists(path_of("%s/json/old.json", tmp)));
	remove_temp_dir(tmp);
}

/* ---- stale files: what an earlier run wrote and this one does not ------ */

#define MANIFEST_HEADER "# jobc-manifest 1: the files jobc wrote in this folder;" \
	" the next run deletes those it does not write again\n"

static void test_stale_files_removed_foreign_kept(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", "json/old.json", "O", "json/sheets/x.json", "X",
		     "json/sheets/deeper/y.json", "Y", "html/index.html", "I",
		     "html/sheets/s1.html", "S", (char *)NULL);
	/* The user's: at the top, in a product, in a folder of jobc's, an empty folder. */
	write_text(path_of("%s/README", tmp), "mine");
	write_text(path_of("%s/html/CNAME", tmp), "example.org");
	write_text(path_of("%s/html/sheets/notes.txt", tmp), "notes");
	run_shell("mkdir '%s/json/empty'", tmp);

	commit_files(tmp, "json/a.json", "A", "html/index.html", "I2", (char *)NULL);
	assert_false(exists(path_of("%s/json/old.json", tmp)));
	assert_false(exists(path_of("%s/html/sheets/s1.html", tmp)));
	/* A folder that held only stale files goes with them. */
	assert_false(exists(path_of("%s/json/sheets", tmp)));
	assert_file(path_of("%s/json/a.json", tmp), "A");
	assert_file(path_of("%s/html/index.html", tmp), "I2");
	assert_file(path_of("%s/README", tmp), "mine");
	assert_file(path_of("%s/html/CNAME", tmp), "example.org");
	assert_file(path_of("%s/html/sheets/notes.txt", tmp), "notes");
	assert_true(exists(path_of("%s/json/empty", tmp)));
	assert_file(path_of("%s/json/.jobc-manifest", tmp), MANIFEST_HEADER "a.json\n");
	assert_file(path_of("%s/html/.jobc-manifest", tmp), MANIFEST_HEADER "index.html\n");
	remove_temp_dir(tmp);
}

/* The manifest is sorted, whatever the order of the files; unchanged, it
 * keeps its inode like any other file. */
static void test_manifest_sorted_and_kept(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "c/z.c", "", "c/b/a.h", "", "c/a.h", "", "c/b.h", "", (char *)NULL);
	const char *manifest = path_of("%s/c/.jobc-manifest", tmp);
	assert_file(manifest, MANIFEST_HEADER "a.h\nb.h\nb/a.h\nz.c\n");
	ino_t before = inode_of(manifest);
	commit_files(tmp, "c/b.h", "", "c/a.h", "", "c/z.c", "", "c/b/a.h", "", (char *)NULL);
	assert_true(inode_of(manifest) == before);
	remove_temp_dir(tmp);
}

/* Without a manifest (a first run, an older jobc), everything is kept. */
static void test_no_manifest_removes_nothing(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	run_shell("mkdir -p '%s/json/sheets' && echo O > '%s/json/sheets/old.json'", tmp, tmp);
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	assert_file(path_of("%s/json/sheets/old.json", tmp), "O\n");
	commit_files(tmp, "json/b.json", "B", (char *)NULL);
	assert_false(exists(path_of("%s/json/a.json", tmp)));
	assert_file(path_of("%s/json/sheets/old.json", tmp), "O\n");
	remove_temp_dir(tmp);
}

/* A product this run does not write (jobc -b json) is not touched. */
static void test_product_not_written_untouched(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", "html/x.html", "X", (char *)NULL);
	char *html = snapshot(path_of("%s/html", tmp));
	commit_files(tmp, "json/b.json", "B", (char *)NULL);
	assert_false(exists(path_of("%s/json/a.json", tmp)));
	char *after = snapshot(path_of("%s/html", tmp));
	assert_string_equal(after, html);
	free(html);
	free(after);
	remove_temp_dir(tmp);
}

/*
 * A manifest jobc did not write is not believed: whatever it names,
 * nothing is removed, in the product or outside it; the run replaces it
 * with a true one.
 */
static void test_untrusted_manifest_removes_nothing(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"victim\n",                                     /* no header */
		MANIFEST_HEADER "victim",                       /* cut short */
		MANIFEST_HEADER "victim\n../outside\n",
		MANIFEST_HEADER "victim\n/etc/passwd\n",
		MANIFEST_HEADER "victim\nsub/../../outside\n",
		MANIFEST_HEADER "victim\n\n",
		MANIFEST_HEADER "victim\n./victim\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *tmp = make_temp_dir();
		commit_files(tmp, "json/a.json", "A", (char *)NULL);
		write_text(path_of("%s/json/victim", tmp), "V");
		write_text(path_of("%s/outside", tmp), "out");
		write_text(path_of("%s/json/.jobc-manifest", tmp), bad[i]);
		commit_files(tmp, "json/a.json", "A", (char *)NULL);
		if (!exists(path_of("%s/json/victim", tmp)))
			fail_msg("manifest %zu removed a file", i);
		assert_file(path_of("%s/outside", tmp), "out");
		assert_file(path_of("%s/json/.jobc-manifest", tmp), MANIFEST_HEADER "a.json\n");
		remove_temp_dir(tmp);
	}
}

/* Nor one with a NUL byte, nor one that is a link, a folder or a FIFO. */
static void test_odd_manifest_removes_nothing(void **state)
{
	(void)state;
	static const char *const setup[] = {
		"printf '" MANIFEST_HEADER "x\\000/../victim\\n' > json/.jobc-manifest",
		"printf '" MANIFEST_HEADER "victim\\n' > list && ln -s ../list json/.jobc-manifest",
		"mkdir json/.jobc-manifest && touch json/.jobc-manifest/victim",
		"mkfifo json/.jobc-manifest",
	};
	for (size_t i = 0; i < sizeof setup / sizeof setup[0]; i++) {
		char *tmp = make_temp_dir();
		commit_files(tmp, "json/a.json", "A", (char *)NULL);
		run_shell("cd '%s' && rm json/.jobc-manifest && echo V > json/victim && %s", tmp, setup[i]);
		commit_files(tmp, "json/a.json", "A", (char *)NULL);
		if (!exists(path_of("%s/json/victim", tmp)))
			fail_msg("manifest %zu removed a file", i);
		assert_file(path_of("%s/json/.jobc-manifest", tmp), MANIFEST_HEADER "a.json\n");
		remove_temp_dir(tmp);
	}
}

/* A hand-made manifest that names a file through a symbolic link: the link
 * is kept as a link, and what it leads to is not touched. */
static void test_manifest_through_a_link(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	run_shell("mkdir '%s/elsewhere' && echo S > '%s/elsewhere/secret' && "
		  "ln -s ../elsewhere '%s/json/link'", tmp, tmp, tmp);
	write_text(path_of("%s/json/.jobc-manifest", tmp), MANIFEST_HEADER "a.json\nlink/secret\n");
	commit_files(tmp, "json/b.json", "B", (char *)NULL);
	assert_false(exists(path_of("%s/json/a.json", tmp)));
	assert_file(path_of("%s/json/link/secret", tmp), "S\n");
	assert_file(path_of("%s/elsewhere/secret", tmp), "S\n");
	remove_temp_dir(tmp);
}

static void test_product_folder_keeps_its_mode(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	assert_int_equal(chmod(path_of("%s/json", tmp), 0750), 0);
	commit_files(tmp, "json/a.json", "B", (char *)NULL);
	struct stat st;
	assert_int_equal(stat(path_of("%s/json", tmp), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0750);
	assert_file(path_of("%s/json/a.json", tmp), "B");
	remove_temp_dir(tmp);
}

static void test_stale_stage_removed(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	/* A run that is gone (no such process) and one that is alive (init). */
	run_shell("mkdir -p '%s/.jobc-stage-999999999-0/json' '%s/.jobc-stage-1-0' && "
		  "touch '%s/.jobc-stage-999999999-0/json/x'", tmp, tmp, tmp);
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	assert_false(exists(path_of("%s/.jobc-stage-999999999-0", tmp)));
	assert_true(exists(path_of("%s/.jobc-stage-1-0", tmp)));
	remove_temp_dir(tmp);
}

/* ---- failures: an error, and the folder as it was ----------------------- */

/* Commits set over dir, which must fail with a message containing want. */
static void assert_commit_fails(struct out_set *set, const char *dir, const char *want)
{
	bool existed = exists(dir);
	char *before = existed ? snapshot(dir) : NULL;
	char *err;
	assert_int_equal(commit(set, dir, &err), -1);
	if (!strstr(err, want))
		fail_msg("expected a message with '%s', got '%s'", want, err);
	assert_true(strncmp(err, "jobc: error: ", 13) == 0);
	free(err);
	if (existed) {
		char *after = snapshot(dir);
		assert_string_equal(after, before);
		free(after);
	} else {
		assert_false(exists(dir));
	}
	free(before);
	out_set_free(set);
}

static void test_failure_changes_nothing(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", "html/index.html", "I", (char *)NULL);
	/* A file where a product folder goes, after two products that could be written. */
	write_text(path_of("%s/c", tmp), "not a folder");
	struct out_set *set = out_set_new();
	add(set, "json/a.json", "A2");
	add(set, "html/index.html", "I2");
	add(set, "c/jobc.h", "H");
	assert_commit_fails(set, tmp, "cannot replace");
	assert_file(path_of("%s/json/a.json", tmp), "A");
	remove_temp_dir(tmp);
}

static void test_folders_made_are_removed_on_failure(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	struct out_set *set = out_set_new();
	add(set, "json/a.json", "A");
	add(set, "json/a.json", "A again");
	assert_commit_fails(set, path_of("%s/new/out", tmp), "File exists");
	assert_false(exists(path_of("%s/new", tmp)));
	remove_temp_dir(tmp);
}

static void test_failed_buffer_writes_nothing(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	struct out_set *set = out_set_new();
	add(set, "json/a.json", "A");
	out_file(set, "json/b.json")->failed = true;
	assert_commit_fails(set, path_of("%s/out", tmp), "out of memory while generating output");
	remove_temp_dir(tmp);
}

static void test_file_size_limit(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	static char big[20000];
	memset(big, 'x', sizeof big - 1);
	struct out_set *set = out_set_new();
	add(set, "json/a.json", "A2");
	add(set, "json/big.json", big);
	struct rlimit saved, small;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 4096;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	/* SIGXFSZ would kill the process: out_commit ignores it while it writes. */
	assert_commit_fails(set, tmp, "File too large");
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	struct sigaction now;
	sigaction(SIGXFSZ, NULL, &now);
	assert_true(now.sa_handler == SIG_DFL);
	remove_temp_dir(tmp);
}

static void test_unwritable_folder(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	assert_int_equal(chmod(tmp, 0755), 0);
	bool root = getuid() == 0;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* As root, permissions do not apply: become nobody. */
		if (root && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		if (!root && chmod(tmp, 0555) != 0)
			_exit(3);
		struct out_set *set = out_set_new();
		add(set, "json/a.json", "A2");
		assert_commit_fails(set, tmp, "Permission denied");
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_file(path_of("%s/json/a.json", tmp), "A");
	remove_temp_dir(tmp);
}

/* ---- sets bound to an out_dir: files written as they are done ---------- */

/* Written files wait in the stage: the folder changes only at the commit. */
static void test_streamed_files_wait_for_commit(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	struct out_dir *d = out_dir_open(tmp, &reports);
	assert_non_null(d);
	struct out_set *set = out_set_to(d);
	assert_non_null(set);
	struct buf *a = out_file(set, "json/a.json");
	buf_puts(a, "A2");
	assert_int_equal(out_file_done(set, a), 0);
	/* Two files open at once, in a folder not made yet. */
	struct buf *b = out_file(set, "json/sheets/b.json");
	struct buf *c = out_file(set, "json/sheets/c.json");
	buf_puts(b, "B");
	buf_puts(c, "C");
	buf_puts(b, "B2");
	assert_int_equal(out_file_done(set, c), 0);
	assert_int_equal(out_set_write(set), 0);
	assert_int_equal(count_stages(tmp), 1);
	assert_file(path_of("%s/json/a.json", tmp), "A");
	assert_false(exists(path_of("%s/json/sheets", tmp)));

	assert_int_equal(out_dir_commit(d), 0);
	out_set_free(set);
	out_dir_close(d);
	assert_file(path_of("%s/json/a.json", tmp), "A2");
	assert_file(path_of("%s/json/sheets/b.json", tmp), "BB2");
	assert_file(path_of("%s/json/sheets/c.json", tmp), "C");
	assert_int_equal(count_stages(tmp), 0);
	remove_temp_dir(tmp);
}

/* Closed without a commit (a backend failed): nothing changed, no stage. */
static void test_streamed_without_commit_changes_nothing(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	commit_files(tmp, "json/a.json", "A", (char *)NULL);
	char *before = snapshot(tmp);
	struct out_dir *d = out_dir_open(tmp, &reports);
	assert_non_null(d);
	struct out_set *set = out_set_to(d);
	add(set, "json/a.json", "A2");
	add(set, "html/index.html", "I");
	assert_int_equal(out_set_write(set), 0);
	out_set_free(set);
	out_dir_close(d);
	char *after = snapshot(tmp);
	assert_string_equal(after, before);
	free(before);
	free(after);
	remove_temp_dir(tmp);
}

/* ---- files handed over in pieces (out_file_flush) ----------------------- */

/*
 * Commits json/big.txt into dir as pieces (NULL-terminated), flushed one
 * by one, the last handed over by out_file_done; returns its inode.
 */
static ino_t commit_pieces(const char *dir, ...)
{
	struct out_dir *d = out_dir_open(dir, &reports);
	assert_non_null(d);
	struct out_set *set = out_set_to(d);
	struct buf *b = out_file(set, "json/big.txt");
	assert_non_null(b);
	va_list ap;
	va_start(ap, dir);
	for (const char *piece; (piece = va_arg(ap, const char *)) != NULL;) {
		assert_int_equal(out_file_flush(set, b), 0);
		buf_puts(b, piece);
	}
	va_end(ap);
	assert_int_equal(out_file_done(set, b), 0);
	assert_int_equal(out_dir_commit(d), 0);
	out_set_free(set);
	out_dir_close(d);
	assert_int_equal(count_stages(dir), 0);
	return inode_of(path_of("%s/json/big.txt", dir));
}

/* A piece big enough to be flushed, of n bytes c; free it. */
static char *piece_of(char c, size_t n)
{
	char *p = malloc(n + 1);
	assert_non_null(p);
	memset(p, c, n);
	p[n] = '\0';
	return p;
}

/* The file is its pieces in order, whatever was compared, copied or linked. */
static void assert_pieces(const char *dir, const char *a, const char *b, const char *c)
{
	char *want = malloc(strlen(a) + strlen(b) + strlen(c) + 1);
	assert_non_null(want);
	strcat(strcat(strcpy(want, a), b), c);
	assert_file(path_of("%s/json/big.txt", dir), want);
	free(want);
}

/* Pieces go out as they come; an unchanged file is linked, a changed one
 * (in its middle, shorter, longer) is written right. */
static void test_flushed_pieces(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	char *a = piece_of('a', OUT_FLUSH_MIN), *b = piece_of('b', OUT_FLUSH_MIN);
	char *b2 = piece_of('c', OUT_FLUSH_MIN);
	ino_t first = commit_pieces(tmp, a, b, "end", (char *)NULL);
	assert_pieces(tmp, a, b, "end");
	assert_true(commit_pieces(tmp, a, b, "end", (char *)NULL) == first);
	assert_pieces(tmp, a, b, "end");
	assert_true(commit_pieces(tmp, a, b2, "end", (char *)NULL) != first);
	assert_pieces(tmp, a, b2, "end");
	commit_pieces(tmp, a, b2, "", (char *)NULL);
	assert_pieces(tmp, a, b2, "");
	commit_pieces(tmp, a, b2, "more", (char *)NULL);
	assert_pieces(tmp, a, b2, "more");
	/* A small file is not flushed; one kept in memory stays whole. */
	commit_pieces(tmp, "x", "y", (char *)NULL);
	assert_pieces(tmp, "x", "y", "");
	struct out_set *set = out_set_new();
	struct buf *f = out_file(set, "json/big.txt");
	buf_puts(f, a);
	assert_int_equal(out_file_flush(set, f), 0);
	assert_int_equal(out_content(set, 0)->len, OUT_FLUSH_MIN);
	out_set_free(set);
	free(a);
	free(b);
	free(b2);
	remove_temp_dir(tmp);
}

/* A file two sets both write is refused: one of them would be lost. */
static void test_same_file_from_two_sets_refused(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	struct out_dir *d = out_dir_open(tmp, &reports);
	assert_non_null(d);
	struct out_set *first = out_set_to(d), *second = out_set_to(d);
	add(first, "c/jobc.h", "1");
	add(second, "c/jobc.h", "2");
	assert_int_equal(out_set_write(first), 0);
	capture_begin();
	int r = out_set_write(second);
	reports_print();
	char *err = capture_end();
	assert_int_equal(r, -1);
	assert_non_null(strstr(err, "jobc: error: cannot write"));
	assert_non_null(strstr(err, "c/jobc.h': File exists"));
	free(err);
	out_set_free(first);
	out_set_free(second);
	out_dir_close(d);
	assert_int_equal(count_stages(tmp), 0);
	remove_temp_dir(tmp);
}

/* Sets on several threads (jobs_run, as main.c runs the backends) write
 * into one out_dir at the same time; the commit has every file. */
#define THREAD_FILES 200

struct thread_writes {
	struct out_dir *dir;
	atomic_int failures;    /* cmocka's asserts belong to the main thread */
};

static void write_product(void *ctx, size_t task, size_t worker)
{
	(void)worker;
	struct thread_writes *w = ctx;
	struct out_set *set = out_set_to(w->dir);
	int failures = set == NULL;
	for (int i = 0; set && i < THREAD_FILES; i++) {
		struct buf *b = out_file(set, "p%zu/%s/f%03d", task, i % 2 ? "odd" : "even", i);
		failures += b == NULL;
		if (b) {
			buf_printf(b, "%zu-%d", task, i);
			failures += out_file_done(set, b) != 0;
		}
	}
	failures += set && out_set_write(set) != 0;
	out_set_free(set);
	atomic_fetch_add(&w->failures, failures);
}

static void test_sets_on_threads(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	struct thread_writes w = { .dir = out_dir_open(tmp, &reports) };
	assert_non_null(w.dir);
	atomic_init(&w.failures, 0);
	jobs_run(4, 4, write_product, &w);
	assert_int_equal(atomic_load(&w.failures), 0);
	assert_int_equal(out_dir_commit(w.dir), 0);
	out_dir_close(w.dir);
	for (int p = 0; p < 4; p++)
		for (int i = 0; i < THREAD_FILES; i++) {
			char want[32];
			snprintf(want, sizeof want, "%d-%d", p, i);
			assert_file(path_of("%s/p%d/%s/f%03d", tmp, p, i % 2 ? "odd" : "even", i), want);
		}
	assert_int_equal(count_stages(tmp), 0);
	remove_temp_dir(tmp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unsafe_paths_refused),
		cmocka_unit_test(test_commit_writes_every_file),
		cmocka_unit_test(test_foreign_files_kept_unchanged_files_not_rewritten),
		cmocka_unit_test(test_stale_files_removed_foreign_kept),
		cmocka_unit_test(test_manifest_sorted_and_kept),
		cmocka_unit_test(test_no_manifest_removes_nothing),
		cmocka_unit_test(test_product_not_written_untouched),
		cmocka_unit_test(test_untrusted_manifest_removes_nothing),
		cmocka_unit_test(test_odd_manifest_removes_nothing),
		cmocka_unit_test(test_manifest_through_a_link),
		cmocka_unit_test(test_product_folder_keeps_its_mode),
		cmocka_unit_test(test_stale_stage_removed),
		cmocka_unit_test(test_failure_changes_nothing),
		cmocka_unit_test(test_folders_made_are_removed_on_failure),
		cmocka_unit_test(test_failed_buffer_writes_nothing),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_unwritable_folder),
		cmocka_unit_test(test_streamed_files_wait_for_commit),
		cmocka_unit_test(test_streamed_without_commit_changes_nothing),
		cmocka_unit_test(test_flushed_pieces),
		cmocka_unit_test(test_same_file_from_two_sets_refused),
		cmocka_unit_test(test_sets_on_threads),
	};
	diag_init(&reports, stderr);
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	diag_free(&reports);
	return failed;
}
