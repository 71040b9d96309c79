/* test_expect.c - `# jobc: expect NAME` comments and the warning options. */
#include "support.h"

/* A sheet whose mission is written empty (a warning [-Wempty-section] at
 * line 10, column 5); `before` goes on the line above it, `after` after it. */
#define EMPTY_MISSION(before, after)                                       \
	TEST_CATALOGUE                                                     \
	"sheet 1.1 \"S\" {\n"                                              \
	"    family 1\n"                                                   \
	before "\n"                                                        \
	"    mission { }" after "\n"                                       \
	"    activities { \"G\" { \"T\" } }\n"                             \
	"    technological essential { C \"Item.\" }\n"                    \
	"    career { education \"Ed.\" experience \"Ex.\" }\n"            \
	"}\n"

static void test_no_expectation_warns(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, EMPTY_MISSION("", ""));
	assert_int_equal(r.diag.warnings, 1);
	test_assert_diag(&r, "t.jobsheet:10:5: warning: empty 'mission' section [-Wempty-section]\n");
	test_run_end(&r);
}

static void test_expectation_on_the_line_above(void **state)
{
	(void)state;
	struct test_run r;
	/* Comments and blank lines between stand aside: the next line with code. */
	test_run_text(&r, EMPTY_MISSION("    # jobc: expect empty-section\n    # why\n", ""));
	assert_int_equal(r.diag.errors + r.diag.warnings, 0);
	assert_true(r.text == NULL || r.text[0] == '\0');
	test_run_end(&r);
}

static void test_expectation_on_the_same_line(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, EMPTY_MISSION("", "  # jobc: expect empty-list, empty-section"));
	/* empty-section is met; empty-list is not, and says so where it is named. */
	assert_int_equal(r.diag.errors, 0);
	assert_int_equal(r.diag.warnings, 1);
	test_assert_diag(&r, "t.jobsheet:10:33: warning: '# jobc: expect' names 'empty-list', "
			     "but no such warning is given here [-Wunmet-expectation]\n");
	test_run_end(&r);
}

static void test_expectation_covers_one_line_only(void **state)
{
	(void)state;
	struct test_run r;
	/* On the family line, two lines above the warning: it does not reach. */
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.1 \"S\" {\n"
		      "    # jobc: expect empty-section\n"
		      "    family 1\n"
		      "    mission { }\n"
		      "    activities { \"G\" { \"T\" } }\n"
		      "    technological essential { C \"Item.\" }\n"
		      "    career { education \"Ed.\" experience \"Ex.\" }\n"
		      "}\n");
	assert_int_equal(r.diag.warnings, 2);
	test_assert_diag(&r, "t.jobsheet:10:5: warning: empty 'mission' section [-Wempty-section]\n");
	test_assert_diag(&r, "t.jobsheet:8:20: warning: '# jobc: expect' names 'empty-section'");
	test_run_end(&r);
}

static void test_unmet_only_without_errors(void **state)
{
	(void)state;
	struct test_run r;
	/* An unknown family is an error: checks may have stopped, so no
	 * expectation is called unmet. */
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 3.1 \"S\" {\n"
		      "    family 3\n"
		      "    # jobc: expect repeated-item\n"
		      "    mission { \"M.\" }\n"
		      "    activities { \"G\" { \"T\" } }\n"
		      "    technological essential { C \"Item.\" }\n"
		      "    career { education \"Ed.\" experience \"Ex.\" }\n"
		      "}\n");
	assert_int_equal(r.diag.errors, 1);
	assert_int_equal(r.diag.warnings, 0);
	assert_null(strstr(r.text, "unmet-expectation"));
	test_run_end(&r);
}

static void test_warning_options(void **state)
{
	(void)state;
	struct test_run r;
	test_run_begin(&r);
	r.diag.action[DIAG_W_EMPTY_SECTION] = DIAG_AS_ERROR;
	test_run_add(&r, "t.jobsheet", EMPTY_MISSION("", ""));
	test_run_validate(&r);
	assert_int_equal(r.diag.errors, 1);
	assert_int_equal(r.diag.warnings, 0);
	test_assert_diag(&r, "t.jobsheet:10:5: error: empty 'mission' section "
			     "[-Werror=empty-section]\n");
	test_run_end(&r);

	test_run_begin(&r);
	r.diag.action[DIAG_W_EMPTY_SECTION] = DIAG_IGNORE;
	test_run_add(&r, "t.jobsheet", EMPTY_MISSION("", ""));
	test_run_validate(&r);
	assert_int_equal(r.diag.errors + r.diag.warnings, 0);
	assert_false(diag_failed(&r.diag));
	test_run_end(&r);

	test_run_begin(&r);
	r.diag.werror = true;
	r.diag.action[DIAG_W_EMPTY_SECTION] = DIAG_NEVER_ERROR;
	test_run_add(&r, "t.jobsheet", EMPTY_MISSION("", ""));
	test_run_validate(&r);
	assert_int_equal(r.diag.warnings, 1);
	assert_false(diag_failed(&r.diag));
	test_run_end(&r);
}

static void test_every_warning_has_a_name(void **state)
{
	(void)state;
	for (int c = DIAG_W_FIRST; c < DIAG_CODE_COUNT; c++) {
		assert_non_null(diag_codes[c].name);
		assert_int_equal(diag_warning_named(diag_codes[c].name), c);
		assert_non_null(diag_codes[c].summary);
	}
	assert_int_equal(diag_warning_named("no-such-warning"), DIAG_NOTE_CODE);
	assert_int_equal(diag_warning_named("syntax"), DIAG_NOTE_CODE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_expectation_warns),
		cmocka_unit_test(test_expectation_on_the_line_above),
		cmocka_unit_test(test_expectation_on_the_same_line),
		cmocka_unit_test(test_expectation_covers_one_line_only),
		cmocka_unit_test(test_unmet_only_without_errors),
		cmocka_unit_test(test_warning_options),
		cmocka_unit_test(test_every_warning_has_a_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
