/* test_validate.c - the checks across a run, and the resolved AST. */
#include "support.h"

#define SHEET(code, fam) "sheet " code " \"S" code "\" {\n    family " fam "\n" TEST_SHEET_BODY "}\n"

static void test_valid_run_resolves(void **state)
{
	(void)state;
	struct test_run r;
	test_run_begin(&r);
	/* Two files, sheets out of order, the catalogue last. */
	test_run_add(&r, "b.jobsheet", SHEET("2.10", "2") SHEET("1.1", "1") SHEET("2.9b", "2"));
	test_run_add(&r, "a.jobsheet", TEST_CATALOGUE SHEET("2.9a", "2") "retired 7 \"Old\" see 2.9a\n");
	test_run_validate(&r);
	assert_int_equal(r.diag.errors, 0);
	const struct ast_root *root = frontend_root(r.fe);
	const char *order[] = { "1.1", "2.9a", "2.9b", "2.10" };
	assert_int_equal(root->n_sheets, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(root->sheets[i]->code.text, order[i]);
	assert_string_equal(root->families[1]->number.text, "2");
	assert_int_equal(root->families[1]->n_sheets, 3);
	assert_string_equal(root->families[1]->sheets[2]->code.text, "2.10");
	assert_ptr_equal(root->sheets[0]->family_decl, root->families[0]);
	const struct ast_knowledge *k = root->sheets[0]->knowledge.first;
	assert_string_equal(k->category_decl->name.text, "technological");
	assert_string_equal(k->items.first->level_decl->description.text, "Commands");
	assert_ptr_equal(root->retired[0]->see_sheet, root->sheets[1]);
	test_run_end(&r);
}

static void test_lineage(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.2 \"B\" { family 1 replaces 23 \"Tech\" replaces 9 \"Nine\"\n" TEST_SHEET_BODY "}\n"
		      "sheet 1.1 \"A\" { family 1 replaces 23 \"Tech\"\n" TEST_SHEET_BODY "}\n"
		      "retired 22 \"Gone\" see 1.1\n");
	assert_int_equal(r.diag.errors + r.diag.warnings, 0);
	const struct ast_root *root = frontend_root(r.fe);
	assert_int_equal(root->n_lineage, 3);
	assert_string_equal(root->lineage[0].code, "9");
	assert_string_equal(root->lineage[1].code, "22");
	assert_non_null(root->lineage[1].retired);
	assert_int_equal(root->lineage[1].n_sheets, 0);
	assert_string_equal(root->lineage[2].code, "23");
	assert_string_equal(root->lineage[2].title, "Tech");
	assert_int_equal(root->lineage[2].n_sheets, 2);
	assert_string_equal(root->lineage[2].sheets[0]->code.text, "1.1");
	test_run_end(&r);
}

static void test_levels(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.1 \"A\" {\n"
		      "    family 1\n"
		      "    mission { \"M.\" }\n"
		      "    activities { \"G\" { \"T\" } }\n"
		      "    technological essential { k \"lower\" X \"unknown\" \"none\" }\n"
		      "    behavioural essential { C \"levelled\" }\n"
		      "    career { education \"Ed.\" experience \"Ex.\" }\n"
		      "}\n");
	test_assert_diag(&r, "t.jobsheet:11:31: error: unknown level 'k'\n");
	test_assert_diag(&r, "t.jobsheet:2:9: note: did you mean 'K'?\n");
	test_assert_diag(&r, "t.jobsheet:11:41: error: unknown level 'X'; expected one of K, C, E\n");
	test_assert_diag(&r, "t.jobsheet:11:53: error: item of category 'technological' has no level\n");
	test_assert_diag(&r, "t.jobsheet:12:29: error: items of category 'behavioural' take no level, but 'C' is given\n");
	assert_int_equal(r.diag.errors, 4);
	test_run_end(&r);
}

static void test_families_and_codes(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE SHEET("2.1", "1") SHEET("3.1", "3") SHEET("1.1", "1")
		      SHEET("1.1", "1"));
	test_assert_diag(&r, "t.jobsheet:7:7: error: sheet code '2.1' does not belong to family 1: "
			     "expected a code starting with '1' and '.', '-' or '_'\n");
	test_assert_diag(&r, "t.jobsheet:15:12: error: unknown family '3'; expected one of 1, 2\n");
	test_assert_diag(&r, "t.jobsheet:28:7: error: sheet '1.1' is declared twice\n");
	test_assert_diag(&r, "t.jobsheet:21:7: note: first declared here\n");
	assert_int_equal(r.diag.errors, 3);
	test_run_end(&r);
}

static void test_required_sections(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE "sheet 1.1 \"A\" { career { \"only a note\" } }\n");
	test_assert_diag(&r, "sheet '1.1' has no 'family'\n");
	test_assert_diag(&r, "sheet '1.1' has no 'mission' section\n");
	test_assert_diag(&r, "sheet '1.1' has no 'activities' section\n");
	test_assert_diag(&r, "sheet '1.1' has no knowledge block");
	test_assert_diag(&r, "'career' of sheet '1.1' has no 'education'\n");
	test_assert_diag(&r, "'career' of sheet '1.1' has no 'experience'\n");
	assert_int_equal(r.diag.errors, 6);
	test_run_end(&r);
}

static void test_duplicates_across_files(void **state)
{
	(void)state;
	struct test_run r;
	test_run_begin(&r);
	test_run_add(&r, "a.jobsheet", TEST_CATALOGUE);
	test_run_add(&r, "b.jobsheet", "family 2 \"Again\"\ncategory behavioural \"B\"\n"
				       "catalogue \"Second\" { }\nscale { K \"k\" }\n");
	test_run_validate(&r);
	test_assert_diag(&r, "b.jobsheet:1:8: error: family '2' is declared twice\n");
	test_assert_diag(&r, "a.jobsheet:6:8: note: first declared here\n");
	test_assert_diag(&r, "b.jobsheet:2:10: error: category 'behavioural' is declared twice\n");
	test_assert_diag(&r, "b.jobsheet:3:1: error: the catalogue is declared twice\n");
	test_assert_diag(&r, "b.jobsheet:4:1: error: the scale is declared twice\n");
	assert_int_equal(r.diag.errors, 4);
	test_run_end(&r);
}

static void test_warnings(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.1 \"A\" {\n"
		      "    family 1\n"
		      "    mission { }\n"
		      "    activities { \"G\" { \"T\" } }\n"
		      "    technological essential { C \"Same.\" }\n"
		      "    technological useful { E \"Same.\" }\n"
		      "    behavioural useful { }\n"
		      "    career { education \"Ed.\" experience \"Ex.\" }\n"
		      "    trends { }\n"
		      "}\n");
	assert_int_equal(r.diag.errors, 0);
	assert_int_equal(r.diag.warnings, 4);
	test_assert_diag(&r, "t.jobsheet:9:5: warning: empty 'mission' section [-Wempty-section]\n");
	test_assert_diag(&r, "t.jobsheet:12:30: warning: knowledge item repeated in sheet '1.1' [-Wrepeated-item]\n");
	test_assert_diag(&r, "t.jobsheet:13:5: warning: empty 'behavioural useful' section [-Wempty-section]\n");
	test_assert_diag(&r, "t.jobsheet:15:5: warning: empty 'trends' section [-Wempty-section]\n");
	assert_false(diag_failed(&r.diag));
	r.diag.werror = true;
	assert_true(diag_failed(&r.diag));
	test_run_end(&r);
}

static void test_unknown_names_and_references(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.1 \"A\" {\n    family 1\n" TEST_SHEET_BODY
		      "    behavioral useful { \"x\" }\n}\n"
		      "retired 5 \"Five\" see 1.2\n");
	test_assert_diag(&r, "t.jobsheet:13:5: error: unknown category 'behavioral'\n");
	test_assert_diag(&r, "t.jobsheet:4:10: note: did you mean 'behavioural'?\n");
	test_assert_diag(&r, "t.jobsheet:15:22: error: unknown sheet '1.2'\n");
	test_assert_diag(&r, "note: did you mean '1.1'?\n");
	test_run_end(&r);
}

static void test_no_catalogue(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, "family 1 \"One\"\n");
	test_assert_diag(&r, "jobc: error: no 'catalogue' declaration in the input files\n");
	test_run_end(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_run_resolves),
		cmocka_unit_test(test_lineage),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_families_and_codes),
		cmocka_unit_test(test_required_sections),
		cmocka_unit_test(test_duplicates_across_files),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_unknown_names_and_references),
		cmocka_unit_test(test_no_catalogue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
