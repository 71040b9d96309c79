/* frontend.c - a compilation run: read, parse, validate (see frontend.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "frontend.h"
#include "jobs.h"
#include "mem.h"
#include "parse.h"
#include "validate.h"

struct frontend {
	struct arena *arena;
	struct diag *diag;
	struct ast_root root;
	struct parse_buffer scan;       /* flex's copy of each file in turn */
	struct parse_buffer text;       /* each regular file's text in turn */
	/* runs of files parsed in parallel, whose ASTs root now links to:
	 * freed with this one */
	struct frontend **parts;
	size_t n_parts;
};

struct frontend *frontend_new(struct diag *d)
{
	struct arena *a = arena_new();
	if (!a)
		return NULL;
	struct frontend *fe = arena_alloc(a, sizeof *fe);
	if (!fe) {
		arena_free(a);
		return NULL;
	}
	fe->arena = a;
	fe->diag = d;
	return fe;
}

void frontend_free(struct frontend *fe)
{
	if (fe) {
		for (size_t i = 0; i < fe->n_parts; i++)
			frontend_free(fe->parts[i]);
		mem_free(fe->scan.data);
		mem_free(fe->text.data);
		arena_free(fe->arena);
	}
}

static int frontend_parse(struct frontend *fe, const struct src_file *file)
{
	struct parse_ctx ctx = {
		.arena = fe->arena,
		.diag = fe->diag,
		.root = &fe->root,
		.file = file,
		.buffer = &fe->scan,
	};
	return parse_run(&ctx);
}

/* A src_file in the arena with its name copied there; the caller sets its text. */
static struct src_file *frontend_file(struct frontend *fe, const char *name)
{
	struct src_file *f = arena_alloc(fe->arena, sizeof *f);
	if (!f || !(f->name = arena_strndup(fe->arena, name, strlen(name))))
		return NULL;
	f->arena = fe->arena;
	return f;
}

static void frontend_too_large(struct frontend *fe, const char *name)
{
	struct src_file named = { .name = name };
	struct loc whole = { .file = &named };
	diag_error(fe->diag, &whole, "file is larger than the limit of %zu MiB",
		   FRONTEND_MAX_FILE_SIZE >> 20);
}

int frontend_parse_text(struct frontend *fe, const char *name, const char *text, size_t len)
{
	if (len > FRONTEND_MAX_FILE_SIZE) {
		frontend_too_large(fe, name);
		return 0;
	}
	struct src_file *f = frontend_file(fe, name);
	if (!f || !(f->text = arena_strndup(fe->arena, text, len)))
		return -1;
	f->len = len;
	return frontend_parse(fe, f);
}

/*
 * Reads a whole stream into heap memory. A regular file is read in one
 * piece of its size; standard input or a pipe grows by doubling. Returns 0,
 * 2 on a read error (errno set), -1 out of memory; *len past the limit
 * means the file is too large.
 */
static int frontend_slurp(FILE *in, char **out, size_t *out_len)
{
	struct stat st;
	size_t cap = 64 * 1024;
	if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (unsigned long long)st.st_size <= FRONTEND_MAX_FILE_SIZE)
		cap = (size_t)st.st_size + 1;
	char *text = mem_alloc(cap);
	size_t len = 0;
	if (!text)
		return -1;
	for (;;) {
		len += fread(text + len, 1, cap - len, in);
		if (len < cap || len > FRONTEND_MAX_FILE_SIZE)
			break;
		char *bigger = mem_realloc(text, cap * 2);
		if (!bigger) {
			mem_free(text);
			return -1;
		}
		text = bigger;
		cap *= 2;
	}
	if (ferror(in)) {
		mem_free(text);
		return 2;
	}
	*out = text;
	*out_len = len;
	return 0;
}

/*
 * The common case, a regular file: read once into the run's text buffer,
 * reused from file to file, for the text is dropped once parsed and read
 * again only for a message (loc.h); standard input, which cannot be read
 * again, is kept (can_reread false: copied into the arena). Returns 0 with
 * *out set, 2 on a read error (errno set), -1 out of memory; 1 if the file
 * is not regular, too large, or grew while read (the caller then reads it
 * as a stream).
 */
static int frontend_read_regular(struct frontend *fe, FILE *in, const char *name,
				 bool can_reread, struct src_file **out)
{
	struct stat st;
	if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
	    (unsigned long long)st.st_size > FRONTEND_MAX_FILE_SIZE)
		return 1;
	size_t size = (size_t)st.st_size;
	struct src_file *f = frontend_file(fe, name);
	char *text = parse_buffer_get(&fe->text, size + 2);
	if (!f || !text)
		return -1;
	/* One byte more than expected tells a file that grew meanwhile. */
	size_t len = fread(text, 1, size + 1, in);
	if (ferror(in))
		return 2;
	if (len > size) {
		/* Back to where reading began; the stream path takes it from there. */
		return fseek(in, -(long)len, SEEK_CUR) == 0 ? 1 : 2;
	}
	text[len] = '\0';
	if (!(f->text = can_reread ? text : arena_strndup(fe->arena, text, len)))
		return -1;
	f->len = len;
	f->path = can_reread ? f->name : NULL;
	f->mtime = st.st_mtim;
	*out = f;
	return 0;
}

int frontend_parse_file(struct frontend *fe, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	if (!in) {
		fprintf(fe->diag->out, "jobc: error: cannot open '%s': %s\n", path, strerror(errno));
		return 2;
	}
	struct src_file *f = NULL;
	char *text = NULL;
	size_t len = 0;
	int r = frontend_read_regular(fe, in, name, !is_stdin, &f);
	if (r == 1)
		r = frontend_slurp(in, &text, &len);
	int saved = errno;
	if (!is_stdin)
		fclose(in);
	if (r == 2)
		fprintf(fe->diag->out, "jobc: error: cannot read '%s': %s\n", path, strerror(saved));
	if (r == 0 && f) {
		r = frontend_parse(fe, f);
		src_file_drop_text(f);
	} else if (r == 0) {
		r = frontend_parse_text(fe, name, text, len);
	}
	mem_free(text);
	return r;
}

/* ---- several files at once (-j) ------------------------------------------ */

/*
 * One file parsed by a worker thread: its own AST root and its own
 * diagnostics, kept in memory until they can be printed in command-line
 * order. Its nodes live in the worker's run (struct frontend), whose
 * arena and scanner buffer serve all the files of that thread.
 */
struct frontend_unit {
	const char *path;
	struct ast_root root;
	struct diag diag;
	char *printed;          /* what the diag wrote (open_memstream) */
	size_t printed_len;
	int status;
};

struct frontend_pool {
	struct frontend_unit *units;
	const struct diag *model;       /* the run's diag: its settings */
	struct frontend **runs;         /* one per thread; NULL: memory ran out */
};

static void frontend_unit_run(void *ctx, size_t task, size_t worker)
{
	struct frontend_pool *pool = ctx;
	struct frontend_unit *u = &pool->units[task];
	struct frontend *fe = pool->runs[worker];
	u->diag = *pool->model;
	u->diag.errors = u->diag.warnings = 0;
	u->diag.muted = false;
	u->status = -1;
	if (!fe || !(u->diag.out = open_memstream(&u->printed, &u->printed_len)))
		return;
	fe->diag = &u->diag;
	u->status = frontend_parse_file(fe, u->path);
	u->root = fe->root;
	fe->root = (struct ast_root){ 0 };
	fe->diag = NULL;
	if (fclose(u->diag.out) != 0)
		u->status = -1;
	u->diag.out = NULL;
}

/*
 * The parallel result stands for the sequential one only when no file
 * had an error (a count, a limit, a recovery that would depend on the
 * files before), each file was read, and the checks the parser makes
 * across files (one catalogue, one scale) hold. Warnings are local.
 */
static bool frontend_units_stand(const struct frontend *fe, const struct frontend_unit *u,
				 size_t n)
{
	size_t catalogues = fe->root.catalogue != NULL, scales = fe->root.scale != NULL;
	for (size_t i = 0; i < n; i++) {
		if (u[i].status != 0 || u[i].diag.errors > 0)
			return false;
		catalogues += u[i].root.catalogue != NULL;
		scales += u[i].root.scale != NULL;
	}
	return catalogues <= 1 && scales <= 1;
}

/* Every field the parser fills in a root (ast.h), in file order. */
static void frontend_join(struct ast_root *dst, const struct ast_root *src)
{
	if (src->catalogue)
		dst->catalogue = src->catalogue;
	if (src->scale)
		dst->scale = src->scale;
	AST_LIST_JOIN(dst->parsed.categories, src->parsed.categories);
	AST_LIST_JOIN(dst->parsed.families, src->parsed.families);
	AST_LIST_JOIN(dst->parsed.retired, src->parsed.retired);
	AST_LIST_JOIN(dst->parsed.sheets, src->parsed.sheets);
}

/* Takes the workers' runs into fe and the files' ASTs, in order, into its
 * root; prints their warnings. */
static int frontend_adopt(struct frontend *fe, struct frontend **runs, size_t n_runs,
			  const struct frontend_unit *u, size_t n)
{
	fe->parts = arena_alloc(fe->arena, n_runs * sizeof *fe->parts);
	if (!fe->parts)
		return -1;
	for (size_t t = 0; t < n_runs; t++) {
		fe->parts[fe->n_parts++] = runs[t];
		runs[t] = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		frontend_join(&fe->root, &u[i].root);
		fwrite(u[i].printed, 1, u[i].printed_len, fe->diag->out);
		fe->diag->warnings += u[i].diag.warnings;
		if (u[i].diag.warnings)
			fe->diag->muted = u[i].diag.muted;
	}
	return 0;
}

/*
 * Parses the files on `jobs` threads, this one included. Returns 0 if the
 * result stands, 1 if the files must be parsed again one by one, -1 if
 * memory ran out.
 */
static int frontend_parse_parallel(struct frontend *fe, char *const *paths, size_t n,
				   unsigned jobs)
{
	size_t n_runs = jobs < n ? jobs : n;
	struct frontend_unit *units = mem_alloc(n * sizeof *units);
	struct frontend **runs = mem_alloc(n_runs * sizeof *runs);
	int r = 1;
	if (!units || !runs)
		goto done;
	for (size_t i = 0; i < n; i++)
		units[i] = (struct frontend_unit){ .path = paths[i] };
	for (size_t t = 0; t < n_runs; t++)
		runs[t] = frontend_new(NULL);
	struct frontend_pool pool = { .units = units, .model = fe->diag, .runs = runs };
	jobs_run(n, jobs, frontend_unit_run, &pool);

	if (frontend_units_stand(fe, units, n))
		r = frontend_adopt(fe, runs, n_runs, units, n);
	for (size_t t = 0; t < n_runs; t++)
		frontend_free(runs[t]);
	for (size_t i = 0; i < n; i++)
		mem_free(units[i].printed);
done:
	mem_free(units);
	mem_free(runs);
	return r;
}

int frontend_parse_files(struct frontend *fe, char *const *paths, size_t n, unsigned jobs)
{
	bool parallel = jobs > 1 && n > 1 && fe->diag->errors == 0;
	for (size_t i = 0; i < n; i++)
		parallel = parallel && strcmp(paths[i], "-") != 0;
	if (parallel) {
		int r = frontend_parse_parallel(fe, paths, n, jobs);
		if (r <= 0)
			return r;
	}
	for (size_t i = 0; i < n; i++) {
		int r = frontend_parse_file(fe, paths[i]);
		if (r != 0)
			return r;
	}
	return 0;
}

int frontend_validate(struct frontend *fe)
{
	return validate_run(&fe->root, fe->arena, fe->diag);
}

const struct ast_root *frontend_root(const struct frontend *fe)
{
	return &fe->root;
}
