/*
 * test_unit_set.c - runs over units kept from run to run (unit_set.h):
 * after files are replaced, added, dropped, broken and fixed, a run of the
 * set gives what a fresh run over the same files gives: the same AST, the
 * same resolved model, the same diagnostics in the same order, the same
 * result.
 */
#include "support.h"
#include "unit_set.h"

#define SHEET(code, fam) "sheet " code " \"S" code "\" {\n    family " fam "\n" TEST_SHEET_BODY "}\n"

/* What a run gave: its result, its diagnostics and its AST as text. */
struct outcome {
	int status;
	unsigned errors, warnings;
	char *text;
};

/* Prints everything d holds, and the AST if status is 0, into o->text. */
static struct outcome outcome_of(struct frontend *fe, struct diag *d, FILE *out, char **buf,
				 int status)
{
	struct outcome o = { .status = status };
	o.errors = d->errors;
	o.warnings = d->warnings;
	diag_print(d);
	fputs("----\n", out);
	if (o.status == 0)
		test_ast_text(out, frontend_root(fe));
	assert_int_equal(fflush(out), 0);
	o.text = strdup(*buf);
	assert_non_null(o.text);
	return o;
}

/* A fresh run over paths. */
static struct outcome fresh(char *const *paths, size_t n)
{
	char *buf = NULL;
	size_t len;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	struct diag d;
	diag_init(&d, out);
	struct frontend *fe = frontend_new(&d);
	assert_non_null(fe);
	int status = frontend_parse_files(fe, paths, n, 1);
	if (status == 0)
		status = frontend_validate(fe);
	struct outcome o = outcome_of(fe, &d, out, &buf, status);
	frontend_free(fe);
	diag_free(&d);
	fclose(out);
	free(buf);
	return o;
}

/* A set of units, kept from step to step, and its last run. */
struct incr {
	struct unit_set *s;
	struct frontend *fe;
	struct diag d;
	FILE *out;
	char *buf;
	size_t len;
};

static void incr_begin(struct incr *r)
{
	r->buf = NULL;
	r->out = open_memstream(&r->buf, &r->len);
	assert_non_null(r->out);
	diag_init(&r->d, r->out);
	r->s = unit_set_new(&r->d);
	assert_non_null(r->s);
}

static void incr_end(struct incr *r)
{
	unit_set_free(r->s);
	diag_free(&r->d);
	fclose(r->out);
	free(r->buf);
}

/* Makes the set's files paths[0..n), the files at forget[0..) read again
 * (up to a NULL), then runs the set and compares the run with a fresh run
 * over the same files: they must agree in every respect. */
static struct outcome incr_check(struct incr *r, char *const *paths, size_t n,
				 char *const *forget, unsigned jobs)
{
	fclose(r->out);
	free(r->buf);
	r->out = r->d.out = open_memstream(&r->buf, &r->len);
	assert_non_null(r->out);
	for (size_t i = 0; forget && forget[i]; i++)
		unit_set_forget(r->s, forget[i]);
	assert_int_equal(unit_set_files(r->s, paths, n, jobs), 0);
	r->fe = NULL;
	int status = unit_set_run(r->s, &r->d, &r->fe);
	assert_non_null(r->fe);
	struct outcome got = outcome_of(r->fe, &r->d, r->out, &r->buf, status);
	struct outcome want = fresh(paths, n);
	assert_int_equal(got.status, want.status);
	assert_int_equal(got.errors, want.errors);
	assert_int_equal(got.warnings, want.warnings);
	assert_string_equal(got.text, want.text);
	free(want.text);
	diag_clear(&r->d);
	frontend_free(r->fe);
	return got;
}

/* One file edited after another; a file broken, then fixed. */
static void test_replace_file(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "cat.jobsheet", TEST_CATALOGUE);
	test_files_add(&f, "a.jobsheet", SHEET("1.1", "1") SHEET("1.2", "1"));
	test_files_add(&f, "b.jobsheet", SHEET("2.1", "2") "sheet 2.2 \"W\" { family 2\n"
		       TEST_SHEET_BODY "    trends { }\n}\n");
	struct incr r;
	incr_begin(&r);
	struct outcome o = incr_check(&r, f.paths, f.n, NULL, 1);
	assert_int_equal(o.errors, 0);
	assert_int_equal(o.warnings, 1);
	free(o.text);

	/* A sheet moves to family 2, and its code with it: the sorted order changes. */
	test_write_file(f.paths[1], SHEET("2.0", "2") SHEET("1.2", "1"));
	o = incr_check(&r, f.paths, f.n, (char *[]){ f.paths[1], NULL }, 1);
	assert_non_null(strstr(o.text, "sorted 1.2\nsorted 2.0\nsorted 2.1\n"));
	free(o.text);

	/* Broken: a syntax error, and a family no longer declared. */
	test_write_file(f.paths[1], "sheet 2.0 \"X\" { family 2 misison { } }\n" SHEET("7.1", "7"));
	o = incr_check(&r, f.paths, f.n, (char *[]){ f.paths[1], NULL }, 1);
	assert_true(o.errors >= 2);
	assert_non_null(strstr(o.text, "unknown family '7'"));
	free(o.text);

	/* Fixed, and the catalogue edited at the same time. */
	test_write_file(f.paths[0], TEST_CATALOGUE "family 7 \"Seven\"\n");
	test_write_file(f.paths[1], SHEET("7.1", "7"));
	o = incr_check(&r, f.paths, f.n, (char *[]){ f.paths[1], f.paths[0], NULL }, 2);
	assert_int_equal(o.errors, 0);
	assert_non_null(strstr(o.text, "sorted 7.1\n"));
	free(o.text);
	incr_end(&r);
	test_files_end(&f);
}

/*
 * The files themselves change: one added in the middle, one dropped, one
 * deleted while still named (it cannot be read: as a fresh run, the run
 * stops there), then named no more. Declarations that moved between
 * files keep the fresh run's order of diagnostics (declared twice).
 */
static void test_set_files(void **state)
{
	(void)state;
	struct test_files f;
	test_files_begin(&f);
	test_files_add(&f, "a.jobsheet", TEST_CATALOGUE SHEET("1.1", "1"));
	test_files_add(&f, "b.jobsheet", SHEET("1.2", "1"));
	test_files_add(&f, "c.jobsheet", SHEET("2.1", "2") "family 3 \"Three\"\n");
	test_files_add(&f, "d.jobsheet", SHEET("3.1", "3") "catalogue \"Again\" { }\n");
	struct incr r;
	incr_begin(&r);
	char *paths[4] = { f.paths[0], f.paths[2] };
	free(incr_check(&r, paths, 2, NULL, 2).text);

	/* b and d come: b between a and c. */
	struct outcome o = incr_check(&r, f.paths, 4, NULL, 2);
	assert_non_null(strstr(o.text, "d.jobsheet:8:1: error: the catalogue is declared twice"));
	free(o.text);

	/* c goes, with the family d's sheet needs. */
	paths[0] = f.paths[0], paths[1] = f.paths[1], paths[2] = f.paths[3];
	o = incr_check(&r, paths, 3, NULL, 2);
	assert_non_null(strstr(o.text, "unknown family '3'"));
	free(o.text);

	/* b is deleted but still named: the run stops at it. */
	test_write_file(f.paths[1], NULL);
	o = incr_check(&r, paths, 3, (char *[]){ f.paths[1], f.paths[1], NULL }, 1);
	assert_int_equal(o.status, 2);
	assert_non_null(strstr(o.text, "cannot open"));
	free(o.text);

	/* ... and then named no more. */
	paths[1] = f.paths[3];
	o = incr_check(&r, paths, 2, NULL, 1);
	assert_int_equal(o.status, 0);
	free(o.text);
	incr_end(&r);
	test_files_end(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replace_file),
		cmocka_unit_test(test_set_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
