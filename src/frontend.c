/* frontend.c - a compilation run: read, parse, validate (see frontend.h). */
#include <dirent.h>
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

/*
 * Each file is parsed into a unit of its own: its own AST root and its
 * own diagnostics, whatever thread parses it. The run then joins the units
 * in command-line order (frontend_join). Parsed alone, a file gives the
 * same AST and the same records on one thread or many, so the output of
 * -j N is that of -j 1 by construction; what depends on the files before
 * (a catalogue or a scale declared again) is checked by the join.
 */
struct frontend_unit {
	const char *path;       /* NULL: text given in memory */
	struct ast_root root;
	struct diag diag;
	int status;             /* as frontend_parse_file */
	const struct src_file *file;  /* its file, once made */
	struct frontend *owner; /* a unit kept apart (frontend_unit_parse): the
				 * run whose arena holds it; NULL for a run's own */
};

struct frontend {
	struct arena *arena;
	struct diag *diag;
	struct ast_root root;           /* every file joined so far */
	struct frontend_unit *unit;     /* the file being parsed */
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

/* The file of the unit being parsed: in the arena with its name copied
 * there; the caller sets its text. */
static struct src_file *frontend_file(struct frontend *fe, const char *name)
{
	struct src_file *f = arena_alloc(fe->arena, sizeof *f);
	if (!f || !(f->name = arena_strndup(fe->arena, name, strlen(name))))
		return NULL;
	f->arena = fe->arena;
	fe->unit->file = f;
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
static int frontend_parse_copy(struct frontend *fe, const char *name, const char *text,
			       size_t len)
{
	if (len > FRONTEND_MAX_FILE_SIZE)
		return frontend_too_large(fe, name);
	struct src_file *f = frontend_file(fe, name);
	if (!f || !(f->text = arena_strndup(fe->arena, text, len)))
		return -1;
	f->len = len;
	return frontend_parse(fe, f);
}

int frontend_slurp(FILE *in, char **out, size_t *out_len)
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
static int frontend_read_and_parse(struct frontend *fe, const char *path)
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

static void frontend_unit_init(struct frontend_unit *u, const struct diag *model,
			       const char *path)
{
	*u = (struct frontend_unit){ .path = path };
	diag_init(&u->diag, model->out);
	u->diag.max_errors = model->max_errors;
}

/* Makes fe (the run, or a worker's) parse into u, reporting to u. */
static void frontend_unit_begin(struct frontend *fe, struct frontend_unit *u)
{
	fe->unit = u;
	fe->diag = &u->diag;
}

static void frontend_unit_end(struct frontend *fe, struct diag *run_diag)
{
	fe->unit = NULL;
	fe->diag = run_diag;
}

/*
 * Joins the declarations of a parsed unit to the run: every field the
 * parser fills in a root (ast.h), in file order. A catalogue or a scale
 * already declared by an earlier file is an error; the first stands.
 */
static void frontend_join_root(struct frontend *fe, const struct ast_root *src)
{
	struct ast_root *dst = &fe->root;
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

/* Joins a unit of the run: its diagnostics (taken), then its declarations. */
static void frontend_join(struct frontend *fe, struct frontend_unit *u)
{
	diag_take(fe->diag, &u->diag);
	frontend_join_root(fe, &u->root);
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
	return frontend_add(fe, path, NULL, NULL, 0);
}

int frontend_parse_text(struct frontend *fe, const char *name, const char *text, size_t len)
{
	return frontend_add(fe, NULL, name, text, len);
}

/* ---- several files at once (-j) ------------------------------------------ */

/*
 * The files parsed on worker threads. Each thread keeps its own run
 * (struct frontend): its arena and scanner buffer serve all the files of
 * that thread, and the run adopts them once every file is parsed.
 */
struct frontend_pool {
	struct frontend_unit *units;
	struct frontend **runs;         /* one per thread; NULL: memory ran out */
};

static void frontend_unit_run(void *ctx, size_t task, size_t worker)
{
	struct frontend_pool *pool = ctx;
	struct frontend_unit *u = &pool->units[task];
	struct frontend *fe = pool->runs[worker];
	u->status = -1;
	if (!fe)
		return;
	frontend_unit_begin(fe, u);
	u->status = frontend_read_and_parse(fe, u->path);
	frontend_unit_end(fe, NULL);
}

/*
 * Parses the files on `jobs` threads, this one included, then joins them
 * in order up to the first that could not be read, as frontend_add one
 * by one would. Returns as frontend_parse_file.
 */
static int frontend_parse_parallel(struct frontend *fe, char *const *paths, size_t n,
				   unsigned jobs)
{
	size_t n_runs = jobs < n ? jobs : n;
	struct frontend_unit *units = mem_alloc(n * sizeof *units);
	struct frontend **runs = mem_alloc(n_runs * sizeof *runs);
	fe->parts = arena_alloc(fe->arena, n_runs * sizeof *fe->parts);
	int r = -1;
	if (!units || !runs || !fe->parts)
		goto done;
	for (size_t i = 0; i < n; i++)
		frontend_unit_init(&units[i], fe->diag, paths[i]);
	for (size_t t = 0; t < n_runs; t++)
		runs[t] = fe->parts[fe->n_parts++] = frontend_new(NULL);
	struct frontend_pool pool = { .units = units, .runs = runs };
	jobs_run(n, jobs, frontend_unit_run, &pool);

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
	mem_free(runs);
	return r;
}

int frontend_parse_files(struct frontend *fe, char *const *paths, size_t n, unsigned jobs)
{
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

/* ---- units kept apart ---------------------------------------------------- */

/*
 * A unit kept apart, in a run of its own, parsed from the file at path
 * (text NULL) or from text. NULL if memory ran out.
 */
static struct frontend_unit *frontend_unit_make(const char *path, const char *name,
						const char *text, size_t len,
						const struct diag *model)
{
	struct frontend *owner = frontend_new(NULL);
	struct frontend_unit *u = owner ? arena_alloc(owner->arena, sizeof *u) : NULL;
	if (!u) {
		frontend_free(owner);
		return NULL;
	}
	frontend_unit_init(u, model, NULL);
	u->owner = owner;
	frontend_unit_begin(owner, u);
	u->status = path ? frontend_read_and_parse(owner, path)
			 : frontend_parse_copy(owner, name, text, len);
	frontend_unit_end(owner, NULL);
	/* The buffers of the scanner and the reader are not needed again: no
	 * second file comes. */
	mem_free(owner->scan.data);
	mem_free(owner->text.data);
	owner->scan = owner->text = (struct parse_buffer){ 0 };
	if (u->status < 0 || u->diag.lost) {
		frontend_unit_free(u);
		return NULL;
	}
	return u;
}

struct frontend_unit *frontend_unit_parse(const char *name, const char *text, size_t len,
					  const struct diag *model)
{
	return frontend_unit_make(NULL, name, text, len, model);
}

struct frontend_unit *frontend_unit_read(const char *path, const struct diag *model)
{
	return frontend_unit_make(path, NULL, NULL, 0, model);
}

int frontend_unit_status(const struct frontend_unit *u)
{
	return u->status;
}

void frontend_unit_free(struct frontend_unit *u)
{
	if (u) {
		diag_free(&u->diag);
		frontend_free(u->owner);        /* u is in its arena */
	}
}

const struct ast_root *frontend_unit_root(const struct frontend_unit *u)
{
	return &u->root;
}

const struct src_file *frontend_unit_file(const struct frontend_unit *u)
{
	return u->file;
}

/* Ends list at its own last node, which an earlier run may have linked onward. */
#define FRONTEND_LIST_END(list)                                            \
	do {                                                               \
		if ((list).last)                                           \
			(list).last->next = NULL;                          \
	} while (0)

int frontend_join_unit(struct frontend *fe, struct frontend_unit *u)
{
	FRONTEND_LIST_END(u->root.parsed.categories);
	FRONTEND_LIST_END(u->root.parsed.families);
	FRONTEND_LIST_END(u->root.parsed.retired);
	FRONTEND_LIST_END(u->root.parsed.sheets);
	if (diag_copy(fe->diag, &u->diag) != 0)
		return -1;
	frontend_join_root(fe, &u->root);
	return 0;
}

/* True if path names the file f of the run (a file read again). */
static bool frontend_same_file(const struct stat *st, const struct src_file *f)
{
	struct stat other;
	return f && stat(f->name, &other) == 0 && other.st_dev == st->st_dev &&
	       other.st_ino == st->st_ino;
}

/* True if the file at path is one of the run's: one that declares or
 * holds a sheet. */
static bool frontend_read_it(const struct frontend *fe, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return true;
	const struct ast_root *r = &fe->root;
	if (r->scale && frontend_same_file(&st, r->scale->loc.file))
		return true;
	for (const struct ast_category *c = r->parsed.categories.first; c; c = c->next)
		if (frontend_same_file(&st, c->loc.file))
			return true;
	for (const struct ast_family *f = r->parsed.families.first; f; f = f->next)
		if (frontend_same_file(&st, f->loc.file))
			return true;
	const struct src_file *last = NULL;
	for (const struct ast_sheet *s = r->parsed.sheets.first; s; s = s->next)
		if (s->loc.file != last && frontend_same_file(&st, last = s->loc.file))
			return true;
	return false;
}

/* The first catalogue*.jobsheet in the folder of the file called name
 * that the run did not read, in the arena; NULL if none. */
static const char *frontend_catalogue_beside(struct frontend *fe, const char *name)
{
	const char *slash = strrchr(name, '/');
	size_t dir_len = slash ? (size_t)(slash - name) + 1 : 0;
	char *dir = arena_strndup(fe->arena, slash ? name : ".", slash ? dir_len : 1);
	DIR *d = dir ? opendir(dir) : NULL;
	if (!d)
		return NULL;
	const char *found = NULL;
	for (struct dirent *e; !found && (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name), ext = strlen(".jobsheet");
		if (strncmp(e->d_name, "catalogue", 9) != 0 || len < 9 + ext ||
		    strcmp(e->d_name + len - ext, ".jobsheet") != 0)
			continue;
		char *path = arena_alloc(fe->arena, dir_len + len + 1);
		if (!path)
			break;
		memcpy(path, name, dir_len);
		memcpy(path + dir_len, e->d_name, len + 1);
		if (!frontend_read_it(fe, path))
			found = path;
	}
	closedir(d);
	return found;
}

/*
 * A run with no catalogue: the likely one, a catalogue*.jobsheet beside
 * the run's sheets that it did not read (people give the sheets and forget
 * the catalogue beside them); NULL if none.
 */
static const char *frontend_forgotten_catalogue(struct frontend *fe)
{
	const char *tried = NULL;      /* a file of the folder tried last */
	size_t tried_dir = 0;
	for (const struct ast_sheet *s = fe->root.parsed.sheets.first; s; s = s->next) {
		const char *name = s->loc.file->name, *slash = strrchr(name, '/');
		size_t dir = slash ? (size_t)(slash - name) + 1 : 0;
		if (tried && dir == tried_dir && strncmp(tried, name, dir) == 0)
			continue;
		tried = name;
		tried_dir = dir;
		const char *found = frontend_catalogue_beside(fe, name);
		if (found)
			return found;
	}
	return NULL;
}

int frontend_validate(struct frontend *fe)
{
	fe->diag->stage = DIAG_E_CHECK;
	const char *hint = fe->root.catalogue ? NULL : frontend_forgotten_catalogue(fe);
	int r = validate_run(&fe->root, fe->arena, fe->diag, hint);
	fe->diag->stage = DIAG_E_DRIVER;
	diag_settle(fe->diag);
	return r;
}

const struct ast_root *frontend_root(const struct frontend *fe)
{
	return &fe->root;
}
