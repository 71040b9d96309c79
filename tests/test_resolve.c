/* test_resolve.c - the resolved model: the root's arrays, indices and links (ast.h). */
#include "support.h"

/* Every node of the list (of type) at its index in the array, and nothing
 * else there. */
#define EXPECT_INDEXED(list, array, n, type)                               \
	do {                                                               \
		assert_int_equal((n), (list).count);                       \
		for (size_t i_ = 0; i_ < (n); i_++)                        \
			assert_int_equal((array)[i_]->index, i_);          \
		for (const struct type *x_ = (list).first; x_; x_ = x_->next) \
			assert_ptr_equal((array)[x_->index], x_);          \
	} while (0)

/* The lineage entry of each `replaces` names its code and lists its sheet. */
static void expect_replaces_linked(const struct ast_sheet *s)
{
	for (const struct ast_replace *r = s->replaces.first; r; r = r->next) {
		assert_non_null(r->lineage);
		assert_string_equal(r->lineage->code, r->code.text);
		size_t i = 0;
		while (i < r->lineage->n_sheets && r->lineage->sheets[i] != s)
			i++;
		assert_true(i < r->lineage->n_sheets);
	}
}

/* The invariants ast.h states for a validated run. */
static void expect_model(const struct ast_root *root)
{
	static const struct ast_level_list no_levels;
	const struct ast_parsed *p = &root->parsed;

	EXPECT_INDEXED(p->families, root->families, root->n_families, ast_family);
	EXPECT_INDEXED(p->categories, root->categories, root->n_categories, ast_category);
	EXPECT_INDEXED(root->scale ? root->scale->levels : no_levels, root->levels, root->n_levels,
		       ast_level);
	EXPECT_INDEXED(p->sheets, root->sheets, root->n_sheets, ast_sheet);
	assert_int_equal(root->n_retired, p->retired.count);

	/* The orders: by number and code; categories and levels as written,
	 * which the index check above already holds them to. */
	for (size_t i = 1; i < root->n_families; i++)
		assert_true(ast_code_compare(root->families[i - 1]->number.text,
					     root->families[i]->number.text) <= 0);
	for (size_t i = 1; i < root->n_sheets; i++)
		assert_true(ast_code_compare(root->sheets[i - 1]->code.text,
					     root->sheets[i]->code.text) <= 0);
	for (size_t i = 1; i < root->n_retired; i++)
		assert_true(ast_code_compare(root->retired[i - 1]->code.text,
					     root->retired[i]->code.text) <= 0);
	size_t i = 0;
	for (const struct ast_category *c = p->categories.first; c; c = c->next)
		assert_int_equal(c->index, i++);
	i = 0;
	for (const struct ast_level *l = root->scale ? root->scale->levels.first : NULL; l; l = l->next)
		assert_int_equal(l->index, i++);

	for (size_t f = 0; f < root->n_families; f++)
		for (size_t k = 0; k < root->families[f]->n_sheets; k++)
			assert_ptr_equal(root->families[f]->sheets[k]->family_decl, root->families[f]);
	for (size_t s = 0; s < root->n_sheets; s++)
		expect_replaces_linked(root->sheets[s]);
}

/* Two files, every kind of declaration out of order across them. */
static void test_arrays_in_canonical_order(void **state)
{
	(void)state;
	struct test_run r;
	test_run_begin(&r);
	test_run_add(&r, "b.jobsheet",
		     "family 2 \"Two\"\n"
		     "category behavioural \"Behaviour\"\n"
		     "sheet 2.10 \"A\" { family 2\n" TEST_SHEET_BODY "}\n"
		     "retired 30 \"Thirty\" see 2.10\n"
		     "sheet 10.1 \"B\" { family 10\n" TEST_SHEET_BODY "}\n");
	test_run_add(&r, "a.jobsheet",
		     "catalogue \"Test\" { }\n"
		     "scale { K \"Knows\" C \"Commands\" E \"Expert\" }\n"
		     "category technological \"Tech\" levelled\n"
		     "family 10 \"Ten\"\n"
		     "sheet 2.9 \"C\" { family 2\n" TEST_SHEET_BODY "}\n"
		     "retired 4 \"Four\" see 2.9\n");
	test_run_validate(&r);
	assert_int_equal(r.diag.errors, 0);
	const struct ast_root *root = frontend_root(r.fe);
	expect_model(root);

	assert_string_equal(root->families[0]->number.text, "2");
	assert_string_equal(root->families[1]->number.text, "10");
	assert_string_equal(root->categories[0]->name.text, "behavioural");
	assert_string_equal(root->levels[2]->name.text, "E");
	const char *order[] = { "2.9", "2.10", "10.1" };
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(root->sheets[i]->code.text, order[i]);
	/* The retired positions by code; as parsed, in source order still. */
	assert_string_equal(root->retired[0]->code.text, "4");
	assert_string_equal(root->retired[1]->code.text, "30");
	assert_string_equal(root->parsed.retired.first->code.text, "30");
	/* A knowledge item's level and category are the nodes at those indices. */
	const struct ast_knowledge *k = root->sheets[0]->knowledge.first;
	assert_ptr_equal(root->categories[k->category_decl->index], k->category_decl);
	assert_int_equal(k->items.first->level_decl->index, 1);
	test_run_end(&r);
}

/* Each `replaces` links to its lineage entry, even one written twice. */
static void test_replaces_link_lineage(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.2 \"B\" { family 1 replaces 23 \"Tech\" replaces 9 \"Nine\"\n"
		      TEST_SHEET_BODY "}\n"
		      "sheet 1.1 \"A\" { family 1 replaces 23 \"Tech\" replaces 23 \"Tech\"\n"
		      TEST_SHEET_BODY "}\n");
	assert_int_equal(r.diag.errors, 1);     /* 1.1 replaces 23 twice */
	const struct ast_root *root = frontend_root(r.fe);
	expect_model(root);
	const struct ast_sheet *s11 = root->sheets[0];
	assert_ptr_equal(s11->replaces.first->lineage, s11->replaces.last->lineage);
	assert_ptr_equal(s11->replaces.first->lineage, &root->lineage[1]);
	assert_ptr_equal(root->sheets[1]->replaces.last->lineage, &root->lineage[0]);
	test_run_end(&r);
}

/* A run with errors still has its arrays whole, repeats included. */
static void test_arrays_whole_despite_errors(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "family 1 \"Again\"\n"
		      "category behavioural \"Again\"\n"
		      "sheet 1.1 \"A\" { family 1\n" TEST_SHEET_BODY "}\n"
		      "sheet 1.1 \"A again\" { family 7\n" TEST_SHEET_BODY "}\n");
	assert_true(r.diag.errors > 0);
	const struct ast_root *root = frontend_root(r.fe);
	expect_model(root);
	assert_int_equal(root->n_families, 3);
	assert_int_equal(root->n_categories, 3);
	assert_int_equal(root->n_sheets, 2);
	assert_null(root->parsed.sheets.last->family_decl);     /* family 7 is unknown */
	test_run_end(&r);
}

/* No scale, no sheet: empty arrays, not missing ones. */
static void test_empty_run(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, "catalogue \"Empty\" { }\n");
	const struct ast_root *root = frontend_root(r.fe);
	expect_model(root);
	assert_non_null(root->levels);
	assert_non_null(root->sheets);
	assert_int_equal(root->n_levels + root->n_sheets + root->n_families, 0);
	test_run_end(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrays_in_canonical_order),
		cmocka_unit_test(test_replaces_link_lineage),
		cmocka_unit_test(test_arrays_whole_despite_errors),
		cmocka_unit_test(test_empty_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
