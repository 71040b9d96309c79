/*
 * fuzz_jobc.c - libFuzzer target over the whole pipeline (tests/fuzz.mk).
 *
 * One input is one run of jobc: the bytes are cut into files at each line
 * "@file" (so that a catalogue and its sheets can be separate files, as in
 * sheets/, and the validator's cross-file checks are reached), every file is
 * parsed, the run validated and, when it is valid, every backend of the
 * registry emits into one out_set in memory. Nothing touches the disk.
 *
 * Besides sanitizer reports, the target stops (abort) on what would be a
 * bug in a valid run: a backend failing without running out of memory, or
 * two staged files with the same path (one would silently replace the other).
 * And on a bug of jobc fmt: each file that parses is formatted, and its
 * layout must parse and be its own layout; in a valid run, the files laid
 * out must compile to the same JSON.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "diag_render.h"
#include "fmt.h"
#include "frontend.h"
#include "output.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The line that separates two files of one input (also in jobsheet.dict). */
static const char fuzz_separator[] = "\n@file\n";
/* More files would only slow the target; the rest goes into the last one. */
enum { FUZZ_MAX_FILES = 8 };

/* Diagnostics are rendered in full (that code is under test too), unseen. */
static FILE *fuzz_sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_sink = fopen("/dev/null", "w");
	if (!fuzz_sink)
		abort();
	return 0;
}

/* Length of the next file of the input: up to the separator, or all that is left. */
static size_t fuzz_next_file(const char *p, size_t left, int index)
{
	size_t sep = sizeof fuzz_separator - 1;
	if (index == FUZZ_MAX_FILES - 1)
		return left;
	for (size_t i = 0; i + sep <= left; i++)
		if (memcmp(p + i, fuzz_separator, sep) == 0)
			return i;
	return left;
}

static int fuzz_compare_paths(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Aborts if two staged files share a path. */
static void fuzz_check_unique_paths(const struct out_set *out)
{
	size_t n = out_count(out);
	const char **paths = malloc((n ? n : 1) * sizeof *paths);
	if (!paths)
		return;
	for (size_t i = 0; i < n; i++)
		paths[i] = out_path(out, i);
	qsort(paths, n, sizeof *paths, fuzz_compare_paths);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(paths[i - 1], paths[i]) == 0) {
			fprintf(stderr, "fuzz: '%s' staged twice\n", paths[i]);
			abort();
		}
	}
	free(paths);
}

/* Every backend that stays in the process into one set: those jobc runs
 * without -b, and csv. */
static void fuzz_emit(const struct ast_root *root, bool compact, struct diag *d)
{
	struct out_set *out = out_set_new();
	if (!out)
		return;
	const struct backend_options opts = { .json_compact = compact };
	for (size_t i = 0; i < backend_count; i++) {
		if (backend_table[i]->external)
			continue;
		if (backend_table[i]->emit(root, &opts, out, d) != 0 && !out_failed(out)) {
			fprintf(stderr, "fuzz: the %s backend failed on a valid catalogue\n",
				backend_table[i]->name);
			abort();
		}
	}
	fuzz_check_unique_paths(out);
	out_set_free(out);
}

static bool fuzz_same(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* The JSON of a run, all its files in one buffer (NULL: memory ran out). */
static struct buf *fuzz_json(const struct ast_root *root)
{
	struct out_set *out = out_set_new();
	struct buf *all = malloc(sizeof *all);
	if (!out || !all) {
		out_set_free(out);
		free(all);
		return NULL;
	}
	buf_init(all);
	const struct backend_options opts = { 0 };
	struct diag d;          /* the JSON backend reports nothing but memory */
	diag_init(&d, fuzz_sink);
	if (backend_json.emit(root, &opts, out, &d) == 0)
		for (size_t i = 0; i < out_count(out); i++)
			buf_put(all, out_content(out, i)->data, out_content(out, i)->len);
	out_set_free(out);
	diag_free(&d);
	return all;
}

/*
 * The layout of one file (text, len): it parses, and it is its own layout
 * (else abort). Appended to laid_out (which stays empty if the file does
 * not parse).
 */
static void fuzz_fmt(const char *name, const char *text, size_t len, struct buf *laid_out)
{
	struct diag d;
	diag_init(&d, fuzz_sink);
	struct arena *a = arena_new();
	struct buf again;
	buf_init(&again);
	if (a && fmt_text(a, name, text, len, laid_out, &d) == 0) {
		int r = fmt_text(a, name, laid_out->data ? laid_out->data : "", laid_out->len,
				 &again, &d);
		if (r == 1 || (r == 0 && !fuzz_same(&again, laid_out))) {
			fprintf(stderr, "fuzz: fmt of %s %s\n", name,
				r ? "does not parse" : "is not its own layout");
			abort();
		}
	}
	buf_free(&again);
	arena_free(a);
	diag_free(&d);
}

/* A valid run's files laid out compile as they did (else abort). */
static void fuzz_fmt_same_json(const struct ast_root *root, struct buf *laid_out, int n)
{
	struct diag d;
	diag_init(&d, fuzz_sink);
	struct frontend *fe = frontend_new(&d);
	int status = fe ? 0 : -1;
	for (int i = 0; status == 0 && i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "fuzz-%d.jobsheet", i);
		status = frontend_parse_text(fe, name, laid_out[i].data ? laid_out[i].data : "",
					     laid_out[i].len);
	}
	if (status == 0 && frontend_validate(fe) == 0 && !d.lost) {
		struct buf *before = fuzz_json(root), *after = fuzz_json(frontend_root(fe));
		if (diag_failed(&d) || (before && after && !before->failed && !after->failed &&
					!fuzz_same(before, after))) {
			fprintf(stderr, "fuzz: the files laid out by fmt compile otherwise\n");
			abort();
		}
		for (struct buf *b = before; b; b = b == before ? after : NULL)
			buf_free(b), free(b);
	}
	frontend_free(fe);
	diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d, fuzz_sink);
	struct frontend *fe = frontend_new(&d);
	if (!fe)
		return 0;
	const char *text = (const char *)data;
	size_t off = 0, sep = sizeof fuzz_separator - 1;
	int status = 0, n = 0;
	struct buf laid_out[FUZZ_MAX_FILES];
	for (int i = 0; status == 0 && off <= size && i < FUZZ_MAX_FILES; i++) {
		char name[32];
		snprintf(name, sizeof name, "fuzz-%d.jobsheet", i);
		size_t len = fuzz_next_file(text + off, size - off, i);
		status = frontend_parse_text(fe, name, text + off, len);
		buf_init(&laid_out[n]);
		fuzz_fmt(name, text + off, len, &laid_out[n++]);
		off += len + sep;
	}
	if (status == 0 && frontend_validate(fe) == 0 && !diag_failed(&d)) {
		fuzz_emit(frontend_root(fe), size % 2 == 1, &d);
		fuzz_fmt_same_json(frontend_root(fe), laid_out, n);
	}
	for (int i = 0; i < n; i++)
		buf_free(&laid_out[i]);
	/* Every renderer of the diagnostics, on whatever the input made. */
	diag_print(&d);
	void (*const renderers[])(const struct diag *, struct buf *) = {
		diag_render_json, diag_render_sarif, diag_render_github,
	};
	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++) {
		struct buf b;
		buf_init(&b);
		renderers[i](&d, &b);
		buf_free(&b);
	}
	frontend_free(fe);
	diag_free(&d);
	return 0;
}
