/*
 * test_frontend_unit.c - units kept apart (frontend.h), as a language
 * server uses them: files parsed once, joined again to a new run at each
 * check. A run gives what parsing the files together gives; a unit's
 * diagnostics and expectations serve every run; its lists end where its
 * file ends, whatever runs joined it before; and nothing resolved in a
 * run before survives a file that changed (the nodes it pointed at are
 * freed: under the sanitizers a stale pointer is a failure of its own).
 */
#include "support.h"

#define SHEET_1_1 "sheet 1.1 \"A\" {\n    family 1\n" TEST_SHEET_BODY "}\n"

/* A check as the server makes it: a new run over units, validated. */
static void check_units(struct test_run *r, struct frontend_unit *const *units, size_t n)
{
	test_run_begin(r);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(frontend_join_unit(r->fe, units[i]), 0);
	test_run_validate(r);
}

static struct frontend_unit *unit(const char *name, const char *text)
{
	struct diag model;
	diag_init(&model, NULL);
	struct frontend_unit *u = frontend_unit_parse(name, text, strlen(text), &model);
	assert_non_null(u);
	return u;
}

static size_t count_to_null(const struct ast_sheet *s)
{
	size_t n = 0;
	for (; s; s = s->next)
		n++;
	return n;
}

/* Joined units resolve across files as the files parsed together do. */
static void test_units_resolve_across_files(void **state)
{
	(void)state;
	struct frontend_unit *units[] = { unit("c.jobsheet", TEST_CATALOGUE),
					  unit("s.jobsheet", SHEET_1_1) };
	struct test_run c;
	check_units(&c, units, 2);
	assert_int_equal(c.diag.errors, 0);
	const struct ast_root *root = frontend_root(c.fe);
	assert_int_equal(root->n_sheets, 1);
	assert_ptr_equal(root->sheets[0], frontend_unit_root(units[1])->parsed.sheets.first);
	assert_ptr_equal(root->sheets[0]->family_decl,
			 frontend_unit_root(units[0])->parsed.families.first);
	assert_string_equal(frontend_unit_file(units[1])->name, "s.jobsheet");
	assert_string_equal(frontend_unit_file(units[1])->text, SHEET_1_1);
	test_run_end(&c);
	frontend_unit_free(units[0]);
	frontend_unit_free(units[1]);
}

/*
 * The catalogue changes: its new unit no longer declares the family, nor
 * the level, category and sheet the others name. The next run finds them
 * unknown, and nothing of the old catalogue is left pointed at.
 */
static void test_units_reresolve_after_a_change(void **state)
{
	(void)state;
	struct frontend_unit *units[] = {
		unit("c.jobsheet", TEST_CATALOGUE "retired 9 \"Old\" see 1.1\n"),
		unit("s.jobsheet", SHEET_1_1),
	};
	struct test_run before;
	check_units(&before, units, 2);
	assert_int_equal(before.diag.errors, 0);

	struct frontend_unit *old = units[0];
	units[0] = unit("c.jobsheet", "catalogue \"Test\" { }\nscale { X \"x\" }\n"
				      "category technological \"Tech\" levelled\nfamily 2 \"Two\"\n");
	struct frontend_unit *retired = unit("r.jobsheet", "retired 9 \"Old\" see 1.1\n");
	struct test_run after;
	struct frontend_unit *all[] = { units[0], units[1], retired };
	check_units(&after, all, 3);
	test_run_end(&before);
	frontend_unit_free(old);

	const struct ast_sheet *s = frontend_root(after.fe)->sheets[0];
	assert_null(s->family_decl);
	assert_non_null(s->knowledge.first->category_decl);
	assert_null(s->knowledge.first->items.first->level_decl);
	assert_non_null(frontend_root(after.fe)->retired[0]->see_sheet);
	assert_non_null(strstr(after.text, "s.jobsheet:2:12: error: unknown family '1'"));
	assert_non_null(strstr(after.text, "error: unknown level 'C'"));
	test_run_end(&after);

	/* The sheet goes: the retired line now names no sheet. */
	struct test_run last;
	struct frontend_unit *without_sheet[] = { units[0], retired };
	check_units(&last, without_sheet, 2);
	assert_null(frontend_root(last.fe)->retired[0]->see_sheet);
	assert_non_null(strstr(last.text, "r.jobsheet:1:21: error: unknown sheet '1.1'"));
	test_run_end(&last);
	frontend_unit_free(units[0]);
	frontend_unit_free(units[1]);
	frontend_unit_free(retired);
}

/* A unit's syntax errors and expectations serve every run that joins it. */
static void test_units_keep_their_diagnostics(void **state)
{
	(void)state;
	struct frontend_unit *units[] = {
		unit("c.jobsheet", TEST_CATALOGUE),
		unit("s.jobsheet", "sheet 1.1 \"A\" {\n    family 1\n" TEST_SHEET_BODY
				   "    # jobc: expect empty-section\n    trends { }\n}\n"),
		unit("bad.jobsheet", "sheet 2.1 \"B\" { famly 2 }\n"),
	};
	for (int round = 0; round < 2; round++) {
		struct test_run c;
		check_units(&c, units, 3);
		assert_non_null(strstr(c.text, "bad.jobsheet:1:17: error: unknown section 'famly'"));
		assert_null(strstr(c.text, "empty 'trends' section"));
		assert_int_equal(c.diag.errors, 1);
		assert_int_equal(c.diag.warnings, 0);
		test_run_end(&c);
	}
	/* Without errors, the expectation is met, or else reported. */
	struct test_run c;
	check_units(&c, units, 2);
	assert_int_equal(c.diag.errors + c.diag.warnings, 0);
	test_run_end(&c);
	for (size_t i = 0; i < 3; i++)
		frontend_unit_free(units[i]);
}

/* A unit joined after another, then alone: its list ends at its own sheet. */
static void test_units_lists_end_with_their_file(void **state)
{
	(void)state;
	struct frontend_unit *units[] = { unit("c.jobsheet", TEST_CATALOGUE),
					  unit("a.jobsheet", SHEET_1_1),
					  unit("b.jobsheet", "sheet 2.1 \"B\" {\n    family 2\n"
							     TEST_SHEET_BODY "}\n") };
	struct test_run both;
	check_units(&both, units, 3);
	assert_int_equal(count_to_null(frontend_root(both.fe)->parsed.sheets.first), 2);
	test_run_end(&both);
	struct test_run one;
	check_units(&one, units, 2);
	const struct ast_root *root = frontend_root(one.fe);
	assert_int_equal(root->parsed.sheets.count, 1);
	assert_int_equal(count_to_null(root->parsed.sheets.first), 1);
	assert_int_equal(root->n_sheets, 1);
	assert_int_equal(one.diag.errors, 0);
	test_run_end(&one);
	for (size_t i = 0; i < 3; i++)
		frontend_unit_free(units[i]);
}

/* A catalogue in two units: the second is the one declared twice. */
static void test_units_catalogue_twice(void **state)
{
	(void)state;
	struct frontend_unit *units[] = { unit("a.jobsheet", TEST_CATALOGUE),
					  unit("b.jobsheet", "catalogue \"Again\" { }\n") };
	struct test_run c;
	check_units(&c, units, 2);
	assert_non_null(strstr(c.text, "b.jobsheet:1:1: error: the catalogue is declared twice"));
	assert_string_equal(frontend_root(c.fe)->catalogue->title.text, "Test");
	test_run_end(&c);
	frontend_unit_free(units[0]);
	frontend_unit_free(units[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units_resolve_across_files),
		cmocka_unit_test(test_units_reresolve_after_a_change),
		cmocka_unit_test(test_units_keep_their_diagnostics),
		cmocka_unit_test(test_units_lists_end_with_their_file),
		cmocka_unit_test(test_units_catalogue_twice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
