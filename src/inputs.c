/* inputs.c - the input files named on the command line (see cli.h). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "mem.h"

/* A growing list of paths, each allocated, with the identity of its file. */
struct inputs {
	char **paths;
	struct stat *ids;       /* st_dev and st_ino; zero for "-" or a missing file */
	size_t n, paths_cap, ids_cap;
};

/* Adds path (taken over) unless its file is there already. -1: memory. */
static int inputs_add(struct inputs *in, char *path, const struct stat *id)
{
	for (size_t i = 0; id && i < in->n; i++) {
		if (in->ids[i].st_ino == id->st_ino && in->ids[i].st_dev == id->st_dev &&
		    id->st_ino != 0) {
			mem_free(path);
			return 0;
		}
	}
	char **paths = mem_grow(in->paths, &in->paths_cap, in->n, sizeof *paths);
	if (paths)
		in->paths = paths;
	struct stat *ids = paths ? mem_grow(in->ids, &in->ids_cap, in->n, sizeof *ids) : NULL;
	if (!ids) {
		mem_free(path);
		return -1;
	}
	in->ids = ids;
	in->paths[in->n] = path;
	in->ids[in->n] = id ? *id : (struct stat){ 0 };
	in->n++;
	return 0;
}

/* dir/name; name alone in ".", so that messages say "x.jobsheet", not "./x.jobsheet". */
static char *inputs_join(const char *dir, const char *name)
{
	if (strcmp(dir, ".") == 0)
		dir = "";
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] != '/';
	char *p = mem_alloc(a + slash + b + 1);
	if (p) {
		memcpy(p, dir, a);
		if (slash)
			p[a] = '/';
		memcpy(p + a + slash, name, b + 1);
	}
	return p;
}

static int inputs_path_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool inputs_is_sheet(const char *name)
{
	size_t n = strlen(name);
	return n > 9 && strcmp(name + n - 9, ".jobsheet") == 0 && name[0] != '.';
}

/*
 * Collects the paths of the .jobsheet files under dir (hidden entries
 * left out) into found, and if folders is not NULL, those of dir and the
 * folders under it into folders (found may then be NULL). Returns 0, -1
 * out of memory, or errno.
 */
static int inputs_walk(const char *dir, struct inputs *found, struct inputs *folders)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return errno;
	int r = 0;
	if (folders) {
		char *copy = inputs_join("", dir);
		r = copy ? inputs_add(folders, copy, NULL) : -1;
	}
	struct dirent *e;
	while (r == 0 && (errno = 0, e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *path = inputs_join(dir, e->d_name);
		struct stat st;
		if (!path)
			r = -1;
		else if (stat(path, &st) != 0)
			mem_free(path);         /* a dangling link: not a sheet */
		else if (S_ISDIR(st.st_mode)) {
			r = inputs_walk(path, found, folders);
			mem_free(path);
		} else if (found && S_ISREG(st.st_mode) && inputs_is_sheet(e->d_name))
			r = inputs_add(found, path, NULL);
		else
			mem_free(path);
	}
	if (r == 0 && errno != 0)
		r = errno;
	closedir(dp);
	return r;
}

static void inputs_release(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		mem_free(in->paths[i]);
	mem_free(in->paths);
	mem_free(in->ids);
}

/* Adds the sheets under the folder arg, sorted. Returns 0, -1 or EXIT_USAGE. */
static int inputs_add_folder(struct inputs *in, const char *arg, struct diag *d)
{
	struct inputs found = { 0 };
	int r = inputs_walk(arg, &found, NULL);
	if (r > 0) {
		diag_error(d, NULL, "cannot read the folder '%s': %s", arg, strerror(r));
		r = EXIT_USAGE;
	} else if (r == 0 && found.n == 0) {
		diag_error(d, NULL, "no .jobsheet file in the folder '%s'", arg);
		r = EXIT_USAGE;
	}
	if (r == 0)
		qsort(found.paths, found.n, sizeof *found.paths, inputs_path_order);
	for (size_t i = 0; i < found.n; i++) {
		struct stat st;
		char *path = found.paths[i];
		found.paths[i] = NULL;
		if (r == 0 && stat(path, &st) == 0)
			r = inputs_add(in, path, &st);
		else
			mem_free(path);
	}
	inputs_release(&found);
	return r;
}

int inputs_expand(struct cli *cli, char *const *args, size_t n, struct diag *d)
{
	struct inputs in = { 0 };
	int r = 0;
	for (size_t i = 0; i < n && r == 0; i++) {
		struct stat st;
		bool known = strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0;
		if (known && S_ISDIR(st.st_mode)) {
			r = inputs_add_folder(&in, args[i], d);
			continue;
		}
		/* A file that cannot be read is named as given: the front end says why. */
		char *path = mem_alloc(strlen(args[i]) + 1);
		if (!path)
			r = -1;
		else
			r = inputs_add(&in, strcpy(path, args[i]), known ? &st : NULL);
	}
	if (r < 0) {
		diag_error(d, NULL, "out of memory");
		r = EXIT_USAGE;
	}
	mem_free(in.ids);
	cli->inputs = in.paths;
	cli->n_inputs = in.n;
	return r;
}

int inputs_folders(char *const *args, size_t n_args, char ***folders, size_t *n)
{
	struct inputs in = { 0 };
	int r = 0;
	for (size_t i = 0; i < n_args && r >= 0; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			r = inputs_walk(args[i], NULL, &in);
			continue;
		}
		/* The file's folder: "." for a bare name, "/" for one in the root. */
		const char *slash = strrchr(args[i], '/');
		size_t len = slash ? (size_t)(slash - args[i]) + (slash == args[i]) : 1;
		char *dir = mem_alloc(len + 1);
		if (dir) {
			memcpy(dir, slash ? args[i] : ".", len);
			dir[len] = '\0';
		}
		r = dir ? inputs_add(&in, dir, NULL) : -1;
	}
	mem_free(in.ids);
	*folders = in.paths;
	*n = in.n;
	return r < 0 ? -1 : 0;
}
