/*
 * support.h - helpers shared by the cmocka tests: compile text in memory
 * and capture the diagnostics as a string; files in a folder of their own;
 * an AST as text.
 */
#ifndef JOBC_TEST_SUPPORT_H
#define JOBC_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistd.h>

#include "diag.h"
#include "frontend.h"

/* A run over in-memory files, its diagnostics captured in `text`. */
struct test_run {
	struct diag diag;
	struct frontend *fe;
	char *text;
	size_t text_len;
	FILE *out;
};

/* A catalogue preamble most tests build on. */
#define TEST_CATALOGUE                                                     \
	"catalogue \"Test\" { publisher \"P\" }\n"                         \
	"scale { K \"Knows\" C \"Commands\" E \"Expert\" }\n"              \
	"category technological \"Tech\" levelled\n"                       \
	"category behavioural \"Behaviour\"\n"                             \
	"family 1 \"One\"\n"                                               \
	"family 2 \"Two\"\n"

/* A minimal valid sheet body after `family N`. */
#define TEST_SHEET_BODY                                                    \
	"    mission { \"M.\" }\n"                                          \
	"    activities { \"G\" { \"T\" } }\n"                              \
	"    technological essential { C \"Item.\" }\n"                     \
	"    career { education \"Ed.\" experience \"Ex.\" }\n"

static inline void test_run_begin(struct test_run *r)
{
	memset(r, 0, sizeof *r);
	r->out = open_memstream(&r->text, &r->text_len);
	assert_non_null(r->out);
	diag_init(&r->diag, r->out);
	r->fe = frontend_new(&r->diag);
	assert_non_null(r->fe);
}

static inline void test_run_add(struct test_run *r, const char *name, const char *src)
{
	assert_int_equal(frontend_parse_text(r->fe, name, src, strlen(src)), 0);
}

/* Validates and closes the diagnostics stream: r->text is complete. */
static inline void test_run_validate(struct test_run *r)
{
	assert_int_equal(frontend_validate(r->fe), 0);
	diag_print(&r->diag);
	fflush(r->out);
}

static inline void test_run_end(struct test_run *r)
{
	frontend_free(r->fe);
	diag_free(&r->diag);
	fclose(r->out);
	free(r->text);
}

/* Parses and validates one text as file "t.jobsheet". */
static inline void test_run_text(struct test_run *r, const char *src)
{
	test_run_begin(r);
	test_run_add(r, "t.jobsheet", src);
	test_run_validate(r);
}

/* Asserts that the diagnostics contain needle (shown in full if not). */
static inline void test_assert_diag(const struct test_run *r, const char *needle)
{
	if (!strstr(r->text ? r->text : "", needle)) {
		print_error("expected diagnostic containing:\n%s\ngot:\n%s\n", needle,
			    r->text ? r->text : "");
		fail();
	}
}

/* A folder of files for one test, removed at the end. */
struct test_files {
	char dir[64];
	char *paths[16];
	size_t n;
};

static inline void test_files_begin(struct test_files *f)
{
	memset(f, 0, sizeof *f);
	strcpy(f->dir, "/tmp/jobc-test-files-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
}

/* Writes a file with this text, or removes it (NULL text). */
static inline void test_write_file(const char *path, const char *text)
{
	if (!text) {
		unlink(path);
		return;
	}
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(text, 1, strlen(text), out), strlen(text));
	assert_int_equal(fclose(out), 0);
}

/* Adds a file with this text; NULL text: a path that does not exist. */
static inline void test_files_add(struct test_files *f, const char *name, const char *text)
{
	assert_true(f->n < sizeof f->paths / sizeof f->paths[0]);
	char *path = malloc(strlen(f->dir) + strlen(name) + 2);
	assert_non_null(path);
	sprintf(path, "%s/%s", f->dir, name);
	test_write_file(path, text);
	f->paths[f->n++] = path;
}

static inline void test_files_end(struct test_files *f)
{
	for (size_t i = 0; i < f->n; i++) {
		unlink(f->paths[i]);
		free(f->paths[i]);
	}
	assert_int_equal(rmdir(f->dir), 0);
}

/* The parsed lists and the sorted sheets of root, as text to compare. */
static inline void test_ast_text(FILE *out, const struct ast_root *root)
{
	fprintf(out, "catalogue %s scale %zu\n", root->catalogue ? root->catalogue->title.text : "-",
		root->scale ? root->scale->levels.count : 0);
	for (const struct ast_category *c = root->parsed.categories.first; c; c = c->next)
		fprintf(out, "category %s %s:%u\n", c->name.text, c->loc.file->name, c->loc.offset);
	for (const struct ast_family *fam = root->parsed.families.first; fam; fam = fam->next)
		fprintf(out, "family %s\n", fam->number.text);
	for (const struct ast_retired *r = root->parsed.retired.first; r; r = r->next)
		fprintf(out, "retired %s\n", r->code.text);
	for (const struct ast_sheet *s = root->parsed.sheets.first; s; s = s->next)
		fprintf(out, "sheet %s %s:%u-%u damaged %d knowledge %zu\n", s->code.text,
			s->loc.file->name, s->loc.offset, s->loc.last, s->damaged, s->knowledge.count);
	fprintf(out, "counts %zu %zu %zu %zu\n", root->parsed.categories.count,
		root->parsed.families.count, root->parsed.retired.count, root->parsed.sheets.count);
	for (size_t i = 0; root->sheets && i < root->n_sheets; i++)
		fprintf(out, "sorted %s\n", root->sheets[i]->code.text);
}

#endif
