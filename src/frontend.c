/* frontend.c - a compilation run: read, parse, validate (see frontend.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "frontend_unit.h"
#include "jobs.h"
#include "mem.h"
#include "validate.h"

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
	fe->arena = fe->home = a;
	fe->diag = d;
	return fe;
}

void frontend_free(struct frontend *fe)
{
	if (fe) {
		for (size_t i = 0; i < fe->n_parts; i++)
			frontend_free(fe->parts[i]);
		for (size_t i = 0; i < fe->n_units; i++)
			frontend_unit_free(fe->units[i]);
		mem_free(fe->units);
		arena_free(fe->model);
		mem_free(fe->scan.data);
		mem_free(fe->text.data);
		arena_free(fe->arena);
	}
}

/* Parses one file into the unit the run is working on. */
static int frontend_parse(struct frontend *fe, const struct src_file *file)
{
	struct parse_ctx ctx = {
		.arena = fe->arena,
		.diag = fe->diag,
		.root = &fe->unit->root,
		.file = file,
		.buffer = &fe->scan,
	};
	fe->diag->stage = DIAG_E_SYNTAX;
	int r = parse_run(&ctx);
	fe->diag->stage = DIAG_E_DRIVER;
	return r;
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

/* The file is refused: a message names it (a file with no text, kept in
 * the arena for the record). */
static int frontend_too_large(struct frontend *fe, const char *name)
{
	struct src_file *f = frontend_file(fe, name);
	if (!f)
		return -1;
	struct loc whole = { .file = f };
	diag_error(fe->diag, &whole, "file is larger than the limit of %zu MiB",
		   FRONTEND_MAX_FILE_SIZE >> 20);
	return 0;
}

/* Parses text of the file `name` (copied into the arena) into fe->unit. */
int frontend_parse_copy(struct frontend *fe, const char *name, const char *text, size_t len)
{
	if (len > FRONTEND_MAX_FILE_SIZE)
		return frontend_too_large(fe, name);
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

/* Reads and parses the file at path into the unit the run is working on. */
int frontend_read_and_parse(struct frontend *fe, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	if (!in) {
		diag_error(fe->diag, NULL, "cannot open '%s': %s", path, strerror(errno));
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
		diag_error(fe->diag, NULL, "cannot read '%s': %s", path, strerror(saved));
	if (r == 0 && f) {
		r = frontend_parse(fe, f);
		src_file_drop_text(f);
	} else if (r == 0) {
		r = frontend_parse_copy(fe, name, text, len);
	}
	mem_free(text);
	return r;
}

/* ---- one file: a unit, joined to the run --------------------------------- */

void frontend_unit_init(struct frontend_unit *u, const struct diag *model, const char *path)
{
	*u = (struct frontend_unit){ .path = path };
	diag_init(&u->diag, model->out);
	u->diag.max_errors = model->max_errors;
}

/* Makes fe (the run, or a worker's) parse into u, reporting to u, in u's
 * arena if it has one. */
void frontend_unit_begin(struct frontend *fe, struct frontend_unit *u)
{
	fe->unit = u;
	fe->diag = &u->diag;
	if (u->arena)
		fe->arena = u->arena;
}

void frontend_unit_end(struct frontend *fe, struct diag *run_diag)
{
	fe->unit = NULL;
	fe->diag = run_diag;
	fe->arena = fe->home;
}

/*
 * Joins a parsed unit to the run: its diagnostics (moved, or copied if
 * the unit is kept), then every field the parser fills in a root (ast.h),
 * in file order. A catalogue or a scale already declared by an earlier
 * file is an error; the first stands.
 */
void frontend_join(struct frontend *fe, struct frontend_unit *u)
{
	struct ast_root *dst = &fe->root;
	const struct ast_root *src = &u->root;
	if (fe->incremental)
		diag_copy(fe->diag, &u->diag);
	else
		diag_take(fe->diag, &u->diag);
	fe->diag->stage = DIAG_E_SYNTAX;        /* as the parser's own check */
	if (src->catalogue && dst->catalogue) {
		diag_error(fe->diag, &src->catalogue->loc, "the catalogue is declared twice");
		diag_note(fe->diag, &dst->catalogue->loc, "first declared here");
	} else if (src->catalogue) {
		dst->catalogue = src->catalogue;
	}
	if (src->scale && dst->scale) {
		diag_error(fe->diag, &src->scale->loc, "the scale is declared twice");
		diag_note(fe->diag, &dst->scale->loc, "first declared here");
	} else if (src->scale) {
		dst->scale = src->scale;
	}
	fe->diag->stage = DIAG_E_DRIVER;
	AST_LIST_JOIN(dst->parsed.categories, src->parsed.categories);
	AST_LIST_JOIN(dst->parsed.families, src->parsed.families);
	AST_LIST_JOIN(dst->parsed.retired, src->parsed.retired);
	AST_LIST_JOIN(dst->parsed.sheets, src->parsed.sheets);
}

/* Parses one file (path) or text into a unit and joins it. */
static int frontend_add(struct frontend *fe, const char *path, const char *name,
			const char *text, size_t len)
{
	struct diag *run_diag = fe->diag;
	struct frontend_unit u;
	frontend_unit_init(&u, run_diag, path);
	frontend_unit_begin(fe, &u);
	int r = path ? frontend_read_and_parse(fe, path) : frontend_parse_copy(fe, name, text, len);
	frontend_unit_end(fe, run_diag);
	frontend_join(fe, &u);
	return r;
}

int frontend_parse_file(struct frontend *fe, const char *path)
{
	if (fe->incremental)
		return frontend_replace_file(fe, path);
	return frontend_add(fe, path, NULL, NULL, 0);
}

int frontend_parse_text(struct frontend *fe, const char *name, const char *text, size_t len)
{
	if (fe->incremental)
		return frontend_replace_text(fe, name, text, len);
	return frontend_add(fe, NULL, name, text, len);
}

/* ---- several files at once (-j) ------------------------------------------ */

/*
 * The files parsed on worker threads. Each thread keeps its own run
 * (struct frontend): its scanner buffers, and its arena, which holds the
 * ASTs of all the files of that thread unless their units have arenas of
 * their own.
 */
struct frontend_pool {
	struct frontend_unit **units;
	struct frontend **runs;         /* one per thread; NULL: memory ran out */
};

static void frontend_unit_run(void *ctx, size_t task, size_t worker)
{
	struct frontend_pool *pool = ctx;
	struct frontend_unit *u = pool->units[task];
	struct frontend *fe = pool->runs[worker];
	u->status = -1;
	if (!fe)
		return;
	frontend_unit_begin(fe, u);
	u->status = frontend_read_and_parse(fe, u->path);
	frontend_unit_end(fe, NULL);
}

/* Parses units[0..n) on `jobs` threads, this one included, with the runs
 * runs[0..jobs) (made here, NULL if memory ran out). */
void frontend_parse_pool(struct frontend_unit **units, size_t n, struct frontend **runs,
			 unsigned jobs)
{
	for (size_t t = 0; t < jobs; t++)
		runs[t] = frontend_new(NULL);
	struct frontend_pool pool = { .units = units, .runs = runs };
	jobs_run(n, jobs, frontend_unit_run, &pool);
}

/*
 * Parses the files on `jobs` threads, then joins them in order up to the
 * first that could not be read, as frontend_add one by one would; the
 * workers' runs, which hold the ASTs, are kept in fe->parts. Returns as
 * frontend_parse_file.
 */
static int frontend_parse_parallel(struct frontend *fe, char *const *paths, size_t n,
				   unsigned jobs)
{
	size_t n_runs = jobs < n ? jobs : n;
	struct frontend_unit *units = mem_alloc(n * sizeof *units);
	struct frontend_unit **order = mem_alloc(n * sizeof *order);
	fe->parts = arena_alloc(fe->arena, n_runs * sizeof *fe->parts);
	int r = -1;
	if (!units || !order || !fe->parts)
		goto done;
	for (size_t i = 0; i < n; i++) {
		frontend_unit_init(&units[i], fe->diag, paths[i]);
		order[i] = &units[i];
	}
	frontend_parse_pool(order, n, fe->parts, (unsigned)n_runs);
	fe->n_parts = n_runs;

	r = 0;
	for (size_t i = 0; i < n; i++) {
		if (r == 0) {
			frontend_join(fe, &units[i]);
			r = units[i].status;
		}
		diag_free(&units[i].diag);
	}
done:
	mem_free(units);
	mem_free(order);
	return r;
}

int frontend_parse_files(struct frontend *fe, char *const *paths, size_t n, unsigned jobs)
{
	if (fe->incremental)
		return frontend_set_files(fe, paths, n, jobs);
	bool parallel = jobs > 1 && n > 1 && !fe->parts;   /* the workers' runs: once */
	for (size_t i = 0; i < n; i++)
		parallel = parallel && strcmp(paths[i], "-") != 0;
	if (parallel)
		return frontend_parse_parallel(fe, paths, n, jobs);
	for (size_t i = 0; i < n; i++) {
		int r = frontend_parse_file(fe, paths[i]);
		if (r != 0)
			return r;
	}
	return 0;
}

/* ---- validation ---------------------------------------------------------- */

int frontend_validate(struct frontend *fe)
{
	struct arena *arena = fe->arena;
	if (fe->incremental) {
		int r = frontend_rejoin(fe);
		if (r != 0)
			return r;
		arena_free(fe->model);
		if (!(arena = fe->model = arena_new()))
			return -1;
	}
	fe->diag->stage = DIAG_E_CHECK;
	int r = validate_run(&fe->root, arena, fe->diag);
	fe->diag->stage = DIAG_E_DRIVER;
	diag_settle(fe->diag);
	return r;
}

const struct ast_root *frontend_root(const struct frontend *fe)
{
	return &fe->root;
}
