/* test_parser.c - the grammar: the AST it builds and the errors it reports. */
#include "support.h"

static const char full_sheet[] =
	TEST_CATALOGUE
	"retired 9 \"Old\" see 1.2\n"
	"sheet 1.2 \"Second\" {\n"
	"    family 1\n"
	"    status new\n"
	"    replaces 11 \"Eleven\"\n"
	"    replaces 12 \"Twelve\"\n"
	"    aka \"Alias one\"\n"
	"    aka \"Alias two\"\n"
	"    mission { \"First.\" list { \"a;\" \"b.\" } \"Last.\" }\n"
	"    activities {\n"
	"        \"Intro paragraph.\"\n"
	"        + \"Rising group\" {\n"
	"            intro \"Lead.\"\n"
	"            = \"Stable task\"\n"
	"            \"Plain task\" { \"sub one\" \"sub two\" }\n"
	"            \xE2\x86\x98 \"Declining task\"\n"
	"        }\n"
	"        \"Plain group\" { - \"t\" }\n"
	"    }\n"
	"    technological essential { E \"Expert thing.\" K \"Known thing.\" }\n"
	"    behavioural useful { \"Curious.\" }\n"
	"    career {\n"
	"        education \"Degree.\"\n"
	"        \"A note.\"\n"
	"        experience \"Ten years.\"\n"
	"        list { \"x\" }\n"
	"    }\n"
	"    trends { \"Growing.\" }\n"
	"}\n";

static void test_sheet_fields(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, full_sheet);
	assert_int_equal(r.diag.errors, 0);
	assert_int_equal(r.diag.warnings, 0);
	const struct ast_root *root = frontend_root(r.fe);
	assert_int_equal(root->n_sheets, 1);
	const struct ast_sheet *s = root->parsed.sheets.first;
	assert_string_equal(s->code.text, "1.2");
	assert_string_equal(s->title.text, "Second");
	assert_string_equal(s->family.text, "1");
	assert_int_equal(s->status, AST_STATUS_NEW);
	assert_int_equal(s->replaces.count, 2);
	assert_string_equal(s->replaces.first->code.text, "11");
	assert_string_equal(s->replaces.last->title.text, "Twelve");
	assert_int_equal(s->aka.count, 2);
	assert_string_equal(s->aka.last->text, "Alias two");
	/* Prose keeps its order: paragraph, list, paragraph. */
	assert_int_equal(s->mission.prose.count, 3);
	const struct ast_prose *p = s->mission.prose.first;
	assert_int_equal(p->kind, AST_PARAGRAPH);
	assert_int_equal(p->next->kind, AST_LIST);
	assert_int_equal(p->next->items.count, 2);
	assert_string_equal(p->next->items.last->text, "b.");
	assert_string_equal(p->next->next->text.text, "Last.");
	assert_int_equal(s->trends.prose.count, 1);
	test_run_end(&r);
}

static void test_activities(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, full_sheet);
	const struct ast_activities *a = &frontend_root(r.fe)->parsed.sheets.first->activities;
	assert_true(a->present);
	assert_int_equal(a->intro.count, 1);
	assert_string_equal(a->intro.first->text.text, "Intro paragraph.");
	assert_int_equal(a->groups.count, 2);
	const struct ast_group *g = a->groups.first;
	assert_int_equal(g->trend, AST_TREND_RISING);
	assert_string_equal(g->title.text, "Rising group");
	assert_string_equal(g->intro.text, "Lead.");
	assert_int_equal(g->tasks.count, 3);
	const struct ast_task *t = g->tasks.first;
	assert_int_equal(t->trend, AST_TREND_STABLE);
	assert_int_equal(t->next->trend, AST_TREND_NONE);
	assert_int_equal(t->next->subitems.count, 2);
	assert_string_equal(t->next->subitems.first->text, "sub one");
	assert_int_equal(t->next->next->trend, AST_TREND_DECLINING);
	assert_int_equal(g->next->trend, AST_TREND_NONE);
	assert_int_equal(g->next->tasks.first->trend, AST_TREND_DECLINING);
	test_run_end(&r);
}

static void test_knowledge_and_career(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, full_sheet);
	const struct ast_sheet *s = frontend_root(r.fe)->parsed.sheets.first;
	assert_int_equal(s->knowledge.count, 2);
	const struct ast_knowledge *k = s->knowledge.first;
	assert_string_equal(k->category.text, "technological");
	assert_int_equal(k->importance, AST_ESSENTIAL);
	assert_int_equal(k->items.count, 2);
	assert_string_equal(k->items.first->level.text, "E");
	assert_string_equal(k->items.first->text.text, "Expert thing.");
	assert_int_equal(k->next->importance, AST_USEFUL);
	assert_null(k->next->items.first->level.text);
	const enum ast_prose_kind kinds[] = { AST_CAREER_EDUCATION, AST_PARAGRAPH,
					      AST_CAREER_EXPERIENCE, AST_LIST };
	assert_int_equal(s->career.prose.count, 4);
	int i = 0;
	for (const struct ast_prose *e = s->career.prose.first; e; e = e->next)
		assert_int_equal(e->kind, kinds[i++]);
	assert_string_equal(s->career.prose.last->items.first->text, "x");
	test_run_end(&r);
}

static void test_declarations(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, full_sheet);
	const struct ast_root *root = frontend_root(r.fe);
	assert_string_equal(root->catalogue->title.text, "Test");
	assert_string_equal(root->catalogue->publisher.text, "P");
	assert_null(root->catalogue->edition.text);
	assert_int_equal(root->scale->levels.count, 3);
	assert_string_equal(root->scale->levels.last->name.text, "E");
	assert_int_equal(root->parsed.categories.count, 2);
	assert_true(root->parsed.categories.first->levelled);
	assert_false(root->parsed.categories.last->levelled);
	assert_int_equal(root->parsed.families.count, 2);
	assert_int_equal(root->parsed.retired.count, 1);
	assert_string_equal(root->parsed.retired.first->see.text, "1.2");
	test_run_end(&r);
}

static void test_syntax_error_names_expected(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE "sheet 1.1 \"T\" {\n  family \"one\"\n}\n");
	test_assert_diag(&r, "t.jobsheet:8:10: error: expected a code before a string\n");
	test_run_end(&r);
}

/* A group title's hand-written number: a warning, and a fix-it deleting
 * the number and the white space after it, as the source writes them. */
static void test_numbered_group_fix(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE "sheet 1.1 \"T\" {\n  family 1\n"
		      "  activities { \" 2)\n   Run\" { \"t\" } }\n}\n");
	test_assert_diag(&r, "t.jobsheet:9:18: warning: group title starts with '2)'");
	const struct diag_record *fix = NULL;
	for (const struct diag_record *d = r.diag.first; d; d = d->next)
		if (d->fix)
			fix = d;
	assert_non_null(fix);
	assert_string_equal(fix->message, "");
	const char *src = fix->loc.file->text;
	assert_memory_equal(src + fix->loc.offset, "2)\n   ", 6);
	assert_int_equal(fix->loc.last - fix->loc.offset, 5);
	assert_string_equal(frontend_root(r.fe)->parsed.sheets.first->activities.groups.first->title.text,
			    "2) Run");
	test_run_end(&r);
}

static void test_misspelt_keyword_hint(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE "sheet 1.1 \"T\" {\n  family 1\n  carrer { }\n}\n");
	test_assert_diag(&r, "t.jobsheet:9:3: error: unknown section 'carrer'");
	test_assert_diag(&r, "t.jobsheet:9:3: note: did you mean 'career'?");
	test_run_end(&r);
}

static void test_recovers_and_reports_each_error(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.1 \"T\" {\n"
		      "  family 1\n"
		      "  mission { \"a\" 42 \"b\" }\n"
		      "  activities { \"G\" { \"t\" \"u\" { 7 } } }\n"
		      "  technological essential { C \"x\" C C \"y\" }\n"
		      "  career { education \"e\" experience }\n"
		      "}\n"
		      "family 3 \"Three\"\n");
	test_assert_diag(&r, "t.jobsheet:9:17: error: expected a string, '}' or 'list' before number '42'");
	test_assert_diag(&r, "t.jobsheet:10:32: error: expected a string or '}' before number '7'");
	test_assert_diag(&r, "t.jobsheet:11:37: error: expected a string before name 'C'");
	test_assert_diag(&r, "t.jobsheet:12:37: error: expected a string before '}'");
	assert_int_equal(r.diag.errors, 4);
	/* What followed the errors was still read. */
	assert_int_equal(frontend_root(r.fe)->parsed.families.count, 3);
	assert_int_equal(frontend_root(r.fe)->parsed.sheets.first->mission.prose.count, 2);
	test_run_end(&r);
}

static void test_unclosed_brace_note(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE "sheet 1.1 \"T\" {\n  family 1\n  mission { \"a\"\n");
	test_assert_diag(&r, "t.jobsheet:10:1: error: expected a string, '}' or 'list' before end of file");
	test_assert_diag(&r, "t.jobsheet:9:11: note: to close the '{' opened here");
	test_run_end(&r);
}

static void test_section_twice(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE "sheet 1.1 \"T\" {\n  family 1\n" TEST_SHEET_BODY
		      "  mission { \"again\" }\n}\n");
	test_assert_diag(&r, "t.jobsheet:13:3: error: 'mission' is written twice");
	test_assert_diag(&r, "t.jobsheet:9:5: note: first written here");
	test_run_end(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_fields),
		cmocka_unit_test(test_activities),
		cmocka_unit_test(test_knowledge_and_career),
		cmocka_unit_test(test_declarations),
		cmocka_unit_test(test_syntax_error_names_expected),
		cmocka_unit_test(test_numbered_group_fix),
		cmocka_unit_test(test_misspelt_keyword_hint),
		cmocka_unit_test(test_recovers_and_reports_each_error),
		cmocka_unit_test(test_unclosed_brace_note),
		cmocka_unit_test(test_section_twice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
