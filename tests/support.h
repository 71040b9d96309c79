/*
 * support.h - helpers shared by the cmocka tests: compile text in memory
 * and capture the diagnostics as a string.
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

#endif
