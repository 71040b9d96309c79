/*
 * test_jobs.c - frontend_parse_files on several threads gives what one
 * thread gives: the same AST in the same order, the same diagnostics in
 * the same order, the same result, whatever goes wrong in which file; and
 * jobs_run, which runs the threads, runs every task once.
 */
#include <stdatomic.h>
#include <stdbool.h>

#include "jobs.h"
#include "support.h"

#define SHEET(code, fam) "sheet " code " \"S" code "\" {\n    family " fam "\n" TEST_SHEET_BODY "}\n"

/* What a run produced, to compare. */
struct outcome {
	int parse, validate;
	unsigned errors, warnings;
	char *diags;            /* everything printed */
	char *ast;              /* the sheets, families, ... in order, as text */
};

static struct outcome run(const struct test_files *f, unsigned jobs, bool quiet)
{
	struct outcome o = { 0 };
	size_t len;
	FILE *diags = open_memstream(&o.diags, &len);
	assert_non_null(diags);
	struct diag d;
	diag_init(&d, diags);
	d.quiet = quiet;
	struct frontend *fe = frontend_new(&d);
	assert_non_null(fe);
	o.parse = frontend_parse_files(fe, f->paths, f->n, jobs);
	o.validate = o.parse == 0 ? frontend_validate(fe) : -2;
	o.errors = d.errors;
	o.warnings = d.warnings;
	FILE *ast = open_memstream(&o.ast, &len);
	assert_non_null(ast);
	test_ast_text(ast, frontend_root(fe));
	assert_int_equal(fclose(ast), 0);
	diag_print(&d);
	assert_int_equal(fclose(diags), 0);
	frontend_free(fe);
	diag_free(&d);
	return o;
}

/* Runs with 1, 2, 3 and 8 threads, which must all agree; returns the first. */
static struct outcome agree(const struct test_files *f, bool quiet)
{
	struct outcome one = run(f, 1, quiet);
	static const unsigned jobs[] = { 2, 3, 8 };
	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		struct outcome many = run(f, jobs[i], quiet);
		assert_int_equal(many.parse, one.parse);
		assert_int_equal(many.validate, one.validate);
		assert_int_equal(many.errors, one.errors);
		assert_int_equal(many.warnings, one.warnings);
		assert_string_equal(many.diags, one.diags);
		assert_string_equal(many.ast, one.ast);
		free(many.diags);
		free(many.ast);
	}
	return one;
}

static void outcome_free(struct outcome *o)
{
	free(o->diags);
	free(o->ast);
}

static void test_valid_files(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "b.jobsheet", SHEET("2.10", "2") SHEET("1.1", "1"));
	test_files_add(&f, "cat.jobsheet", TEST_CATALOGUE "retired 7 \"Old\" see 2.9a\n");
	test_files_add(&f, "c.jobsheet", SHEET("2.9a", "2") "category general \"G\" levelled\n");
	test_files_add(&f, "d.jobsheet", "family 3 \"Three\"\n" SHEET("3.1", "3") SHEET("2.9b", "2"));
	test_files_add(&f, "e.jobsheet", "# nothing but a comment\n");
	struct outcome o = agree(&f, false);
	assert_int_equal(o.parse, 0);
	assert_int_equal(o.errors + o.warnings, 0);
	assert_string_equal(o.diags, "");
	assert_non_null(strstr(o.ast, "sheet 2.10 "));
	assert_non_null(strstr(o.ast, "counts 3 3 1 5\n"));
	assert_non_null(strstr(o.ast, "sorted 1.1\nsorted 2.9a\nsorted 2.9b\nsorted 2.10\nsorted 3.1\n"));
	outcome_free(&o);
	test_files_end(&f);
}

/* Warnings in several files come out in file order, or not at all (-q). */
static void test_warnings_in_order(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "a.jobsheet", TEST_CATALOGUE "sheet 1.1 \"A\" { family 1\n" TEST_SHEET_BODY
		  "    trends { list { } }\n}\n");
	test_files_add(&f, "b.jobsheet", "sheet 1.2 \"B\" { family 1\n" TEST_SHEET_BODY
		  "    trends { list { } }\n}\n");
	for (int quiet = 0; quiet <= 1; quiet++) {
		struct outcome o = agree(&f, quiet);
		assert_int_equal(o.errors, 0);
		assert_int_equal(o.warnings, 2);
		char *a = strstr(o.diags, "a.jobsheet:"), *b = strstr(o.diags, "b.jobsheet:");
		if (quiet) {
			assert_string_equal(o.diags, "");
		} else {
			assert_non_null(a);
			assert_non_null(b);
			assert_true(a < b);
		}
		outcome_free(&o);
	}
	test_files_end(&f);
}

/* Errors anywhere: the files are parsed again one by one. */
static void test_errors_as_one_by_one(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "a.jobsheet", TEST_CATALOGUE SHEET("1.1", "1"));
	test_files_add(&f, "b.jobsheet", "sheet 1.2 \"B\" { family 1 misison { \"M.\" } }\n");
	test_files_add(&f, "c.jobsheet", "sheet 1.3 \"C\" { family 1\n" TEST_SHEET_BODY "\"unterminated\n");
	test_files_add(&f, "d.jobsheet", SHEET("1.1", "1"));
	struct outcome o = agree(&f, false);
	assert_int_equal(o.parse, 0);
	assert_true(o.errors >= 3);
	assert_non_null(strstr(o.diags, "b.jobsheet:1:"));
	outcome_free(&o);
	test_files_end(&f);
}

/* The parser's checks across files: a catalogue or a scale twice. */
static void test_declared_twice_across_files(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "a.jobsheet", TEST_CATALOGUE);
	test_files_add(&f, "b.jobsheet", SHEET("1.1", "1"));
	test_files_add(&f, "c.jobsheet", "catalogue \"Again\" { }\nscale { X \"x\" }\n");
	struct outcome o = agree(&f, false);
	assert_non_null(strstr(o.diags, "c.jobsheet:1:1: error: the catalogue is declared twice"));
	assert_non_null(strstr(o.ast, "catalogue Test "));
	outcome_free(&o);
	test_files_end(&f);
}

/* A file that cannot be read stops the run where it stands in the list. */
static void test_unreadable_file(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "a.jobsheet", TEST_CATALOGUE SHEET("1.1", "1"));
	test_files_add(&f, "missing.jobsheet", NULL);
	test_files_add(&f, "c.jobsheet", "sheet 1.2 \"B\" { oops }\n");
	struct outcome o = agree(&f, false);
	assert_int_equal(o.parse, 2);
	assert_non_null(strstr(o.diags, "cannot open"));
	assert_null(strstr(o.diags, "c.jobsheet"));
	outcome_free(&o);
	test_files_end(&f);
}

/* ---- jobs_run itself ----------------------------------------------------- */

#define RUN_TASKS 100

struct run_record {
	atomic_int runs[RUN_TASKS];     /* per task: how often it ran */
	atomic_int bad_worker;          /* runs with a worker number out of range */
	size_t workers;                 /* how many there may be */
};

static void record_task(void *ctx, size_t task, size_t worker)
{
	struct run_record *r = ctx;
	atomic_fetch_add(&r->runs[task], 1);
	if (worker >= r->workers)
		atomic_fetch_add(&r->bad_worker, 1);
}

/* Every task runs exactly once, on a worker numbered below min(jobs, n). */
static void test_jobs_run_each_task_once(void **state)
{
	(void)state;
	static const unsigned jobs[] = { 1, 2, 3, 8 };
	static const size_t tasks[] = { 0, 1, 5, RUN_TASKS };
	for (size_t j = 0; j < sizeof jobs / sizeof jobs[0]; j++) {
		for (size_t t = 0; t < sizeof tasks / sizeof tasks[0]; t++) {
			struct run_record r;
			for (size_t i = 0; i < RUN_TASKS; i++)
				atomic_init(&r.runs[i], 0);
			atomic_init(&r.bad_worker, 0);
			r.workers = jobs[j] < tasks[t] ? jobs[j] : tasks[t];
			jobs_run(tasks[t], jobs[j], record_task, &r);
			for (size_t i = 0; i < RUN_TASKS; i++)
				assert_int_equal(atomic_load(&r.runs[i]), i < tasks[t]);
			assert_int_equal(atomic_load(&r.bad_worker), 0);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_files),
		cmocka_unit_test(test_warnings_in_order),
		cmocka_unit_test(test_errors_as_one_by_one),
		cmocka_unit_test(test_declared_twice_across_files),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_jobs_run_each_task_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
