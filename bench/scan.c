/*
 * scan.c - runs only the scanner over files, for benchmarks.
 *
 *   scan FILE...
 *
 * Each file is read whole and tokenised to the end by the scanner of
 * libjobc (grammar/scanner.l), with its token values and locations, as the
 * parser would see them; nothing is parsed. Prints the number of files,
 * bytes and tokens. Exit status 0, or 2 if a file cannot be read or memory
 * runs out. Lexical errors are reported as jobc reports them.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "mem.h"
#include "parse.h"

/* The whole file in heap memory; NULL on failure (reported). */
static char *scan_read(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		perror(path);
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *text = mem_alloc(cap);
	while (text) {
		n += fread(text + n, 1, cap - n, in);
		if (n < cap)
			break;
		char *bigger = mem_realloc(text, cap * 2);
		if (!bigger)
			mem_free(text);
		text = bigger;
		cap *= 2;
	}
	if (!text || ferror(in)) {
		perror(path);
		mem_free(text);
		text = NULL;
	}
	fclose(in);
	*len = n;
	return text;
}

static int scan_count(void *data, int token, const struct ast_str *text, const struct loc *loc)
{
	(void)token;
	(void)text;
	(void)loc;
	++*(long *)data;
	return 0;
}

/* Tokens in the file, or -1 if the scanner could not run. */
static long scan_file(struct arena *arena, struct diag *d, const struct src_file *file)
{
	struct ast_root root = { 0 };
	struct parse_ctx ctx = { .arena = arena, .diag = d, .root = &root, .file = file };
	long tokens = 0;
	return parse_tokens(&ctx, scan_count, &tokens) == 0 ? tokens : -1;
}

int main(int argc, char **argv)
{
	struct diag d;
	diag_init(&d, stderr);
	struct arena *arena = arena_new();
	if (!arena)
		return 2;
	size_t bytes = 0;
	long tokens = 0;
	int status = 0;
	for (int i = 1; i < argc && status == 0; i++) {
		struct src_file file = { .name = argv[i] };
		char *text = scan_read(argv[i], &file.len);
		if (!text) {
			status = 2;
			break;
		}
		file.text = text;
		long n = scan_file(arena, &d, &file);
		diag_print(&d);         /* while the file's text is there */
		if (n < 0) {
			fprintf(stderr, "scan: out of memory\n");
			status = 2;
		}
		tokens += n;
		bytes += file.len;
		mem_free(text);
	}
	arena_free(arena);
	diag_free(&d);
	printf("%d files, %zu bytes, %ld tokens\n", argc - 1, bytes, tokens);
	return status;
}
