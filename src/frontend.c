/* frontend.c - a compilation run: read, parse, validate (see frontend.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "frontend.h"
#include "mem.h"
#include "parse.h"
#include "validate.h"

struct frontend {
	struct arena *arena;
	struct diag *diag;
	struct ast_root root;
	struct parse_buffer scan;       /* flex's copy of each file in turn */
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
		mem_free(fe->scan.data);
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

/*
 * A src_file in the arena with its name copied there and room for len
 * bytes of text, NUL-terminated; the caller fills text[0..len).
 */
static struct src_file *frontend_file(struct frontend *fe, const char *name, size_t len)
{
	struct src_file *f = arena_alloc(fe->arena, sizeof *f);
	char *text = arena_alloc_raw(fe->arena, len + 1);
	if (!f || !text || !(f->name = arena_strndup(fe->arena, name, strlen(name))))
		return NULL;
	text[len] = '\0';
	f->text = text;
	f->len = len;
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
	struct src_file *f = frontend_file(fe, name, len);
	if (!f)
		return -1;
	memcpy((char *)f->text, text, len);
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
 * The common case, a regular file: read once, straight into the arena.
 * Returns 0 with *out set, 2 on a read error (errno set), -1 out of memory;
 * 1 if the file is not regular, too large, or grew while read (the caller
 * then reads it as a stream).
 */
static int frontend_read_regular(struct frontend *fe, FILE *in, const char *name,
				 struct src_file **out)
{
	struct stat st;
	if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
	    (unsigned long long)st.st_size > FRONTEND_MAX_FILE_SIZE)
		return 1;
	size_t size = (size_t)st.st_size;
	struct src_file *f = frontend_file(fe, name, size + 1);
	if (!f)
		return -1;
	/* One byte more than expected tells a file that grew meanwhile. */
	size_t len = fread((char *)f->text, 1, size + 1, in);
	if (ferror(in))
		return 2;
	if (len > size) {
		/* Back to where reading began; the stream path takes it from there. */
		return fseek(in, -(long)len, SEEK_CUR) == 0 ? 1 : 2;
	}
	((char *)f->text)[len] = '\0';
	f->len = len;
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
	int r = frontend_read_regular(fe, in, name, &f);
	if (r == 1)
		r = frontend_slurp(in, &text, &len);
	int saved = errno;
	if (!is_stdin)
		fclose(in);
	if (r == 2)
		fprintf(fe->diag->out, "jobc: error: cannot read '%s': %s\n", path, strerror(saved));
	if (r == 0)
		r = f ? frontend_parse(fe, f) : frontend_parse_text(fe, name, text, len);
	mem_free(text);
	return r;
}

int frontend_validate(struct frontend *fe)
{
	return validate_run(&fe->root, fe->arena, fe->diag);
}

const struct ast_root *frontend_root(const struct frontend *fe)
{
	return &fe->root;
}
