/*
 * test_sheets.c - the shipped listing (sheets/) has the shape of the source
 * document: thirty sheets in six families, and per sheet the counts that the
 * transcribers read off the source, independently of their files
 * (the files of tests/sheet-counts/).
 */
#include <glob.h>

#include "support.h"

/* Columns of the tests/sheet-counts/ files after code and family. */
enum {
	C_AKA, C_MISSION, C_GROUPS, C_TASKS, C_TECH_ESS, C_TECH_USE, C_GEN_ESS, C_GEN_USE,
	C_BEH_ESS, C_BEH_USE, C_CAREER, C_TRENDS, C_COUNT
};

static const char *const column_names[C_COUNT] = {
	"aka", "mission paragraphs", "groups", "tasks", "technological essential",
	"technological useful", "general essential", "general useful",
	"behavioural essential", "behavioural useful", "career entries", "trend entries",
};

static struct test_run run;

static int load_sheets(void **state)
{
	(void)state;
	glob_t g;
	if (glob("sheets/*.jobsheet", 0, NULL, &g) != 0)
		return -1;
	test_run_begin(&run);
	run.diag.quiet = true;
	for (size_t i = 0; i < g.gl_pathc; i++)
		if (frontend_parse_file(run.fe, g.gl_pathv[i]) != 0)
			return -1;
	globfree(&g);
	return frontend_validate(run.fe);
}

static int free_sheets(void **state)
{
	(void)state;
	test_run_end(&run);
	return 0;
}

static void test_valid(void **state)
{
	(void)state;
	fflush(run.out);
	if (run.diag.errors)
		print_error("%s", run.text);
	assert_int_equal(run.diag.errors, 0);
}

static void test_families(void **state)
{
	(void)state;
	const struct ast_root *root = frontend_root(run.fe);
	static const size_t per_family[] = { 6, 3, 8, 4, 6, 3 };
	assert_int_equal(root->n_sheets, 30);
	assert_int_equal(root->n_families, 6);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(root->families[i]->n_sheets, per_family[i]);
	assert_string_equal(root->catalogue->title.text, "Job Titles 2000");
	assert_int_equal(root->scale->levels.count, 3);
	assert_int_equal(root->n_categories, 3);
}

static size_t knowledge_count(const struct ast_sheet *s, const char *category,
			      enum ast_importance imp)
{
	for (const struct ast_knowledge *k = s->knowledge.first; k; k = k->next)
		if (k->importance == imp && strcmp(k->category.text, category) == 0)
			return k->items.count;
	return 0;
}

static void sheet_counts(const struct ast_sheet *s, long got[C_COUNT])
{
	got[C_AKA] = (long)s->aka.count;
	got[C_MISSION] = (long)s->mission.prose.count;
	got[C_GROUPS] = (long)s->activities.groups.count;
	got[C_TASKS] = 0;
	for (const struct ast_group *g = s->activities.groups.first; g; g = g->next)
		got[C_TASKS] += (long)g->tasks.count;
	static const char *const cats[] = { "technological", "general", "behavioural" };
	for (int c = 0; c < 3; c++) {
		got[C_TECH_ESS + 2 * c] = (long)knowledge_count(s, cats[c], AST_ESSENTIAL);
		got[C_TECH_USE + 2 * c] = (long)knowledge_count(s, cats[c], AST_USEFUL);
	}
	got[C_CAREER] = (long)s->career.prose.count;
	got[C_TRENDS] = (long)s->trends.prose.count;
}

static const struct ast_sheet *find_sheet(const char *code)
{
	const struct ast_root *root = frontend_root(run.fe);
	for (size_t i = 0; i < root->n_sheets; i++)
		if (strcmp(root->sheets[i]->code.text, code) == 0)
			return root->sheets[i];
	return NULL;
}

static void test_counts_read_off_the_source(void **state)
{
	(void)state;
	glob_t g;
	assert_int_equal(glob("tests/sheet-counts/*.tsv", 0, NULL, &g), 0);
	size_t rows = 0, mismatches = 0;
	for (size_t f = 0; f < g.gl_pathc; f++) {
		FILE *in = fopen(g.gl_pathv[f], "r");
		assert_non_null(in);
		char code[16], family[16];
		long want[C_COUNT];
		while (fscanf(in, "%15s %15s", code, family) == 2) {
			for (int c = 0; c < C_COUNT; c++)
				assert_int_equal(fscanf(in, "%ld", &want[c]), 1);
			rows++;
			const struct ast_sheet *s = find_sheet(code);
			if (!s) {
				print_error("sheet %s is missing\n", code);
				mismatches++;
				continue;
			}
			assert_string_equal(s->family.text, family);
			long got[C_COUNT];
			sheet_counts(s, got);
			for (int c = 0; c < C_COUNT; c++)
				if (got[c] != want[c]) {
					print_error("sheet %s: %s: source has %ld, sheet has %ld\n",
						    code, column_names[c], want[c], got[c]);
					mismatches++;
				}
		}
		fclose(in);
	}
	globfree(&g);
	assert_int_equal(rows, 30);
	assert_int_equal(mismatches, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_families),
		cmocka_unit_test(test_counts_read_off_the_source),
	};
	return cmocka_run_group_tests(tests, load_sheets, free_sheets);
}
