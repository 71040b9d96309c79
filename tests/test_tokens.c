/* test_tokens.c - the token filter (src/tokens.h): what it gives, mended
 * or as written, and what it reports. */
#include "support.h"

#include "arena.h"
#include "parse.h"
#include "parser.h"

#define MAX_TOKENS 256

struct given {
	int kind;
	char text[64];
	uint32_t offset, last;
};

struct filtered {
	struct test_run run;            /* for the diagnostics */
	struct arena *arena;
	struct src_file file;
	struct given tokens[MAX_TOKENS];
	int n;
};

static int filtered_token(void *data, int token, const struct ast_str *text, const struct loc *loc)
{
	struct filtered *f = data;
	assert_true(f->n < MAX_TOKENS);
	struct given *g = &f->tokens[f->n++];
	g->kind = token;
	snprintf(g->text, sizeof g->text, "%s", text ? text->text : "");
	g->offset = loc->offset;
	g->last = loc->last;
	return 0;
}

/* The tokens of src as the filter gives them (as written: nothing held,
 * nothing mended), with its diagnostics in f->run.text. */
static void filter(struct filtered *f, const char *src, bool as_written)
{
	memset(f, 0, sizeof *f);
	test_run_begin(&f->run);
	f->arena = arena_new();
	f->file = (struct src_file){ .name = "t.jobsheet", .text = src, .len = strlen(src) };
	struct ast_root root = { 0 };
	struct parse_ctx ctx = { .arena = f->arena, .diag = &f->run.diag, .root = &root,
				 .file = &f->file };
	ctx.tokens.as_written = as_written;
	assert_int_equal(parse_tokens(&ctx, filtered_token, f), 0);
	diag_print(&f->run.diag);
	fflush(f->run.out);
}

static void filtered_end(struct filtered *f)
{
	arena_free(f->arena);
	test_run_end(&f->run);
}

/* A valid file is given as the scanner reads it, however it is laid out. */
static void test_valid_is_not_mended(void **state)
{
	(void)state;
	static const char *const layouts[] = {
		TEST_CATALOGUE "sheet 1.1 \"S\" {\n    family 1\n" TEST_SHEET_BODY "}\n",
		TEST_CATALOGUE "sheet 1.1 \"S\" {\nfamily 1\nmission {\n\"M\nM.\"\n}\n"
		"activities {\n\"G\" {\n\"T\"\n}\n}\ntechnological essential {\nC \"I.\"\n}\n"
		"career { education \"Ed.\"\nexperience \"Ex.\" }\n}\n",
		TEST_CATALOGUE "sheet 1.1 \"S\" {\n        family 1\n  mission {\n\"A long\n"
		"      text\" }\n    activities { \"G\"\n  { \"T\" }\n        }\n"
		"technological essential { C \"I.\" }\n career { education \"Ed.\" "
		"experience \"Ex.\" }\n    }\n",
	};
	for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
		struct filtered mended, written;
		filter(&mended, layouts[i], false);
		filter(&written, layouts[i], true);
		assert_int_equal(mended.run.diag.errors, 0);
		assert_int_equal(mended.n, written.n);
		for (int k = 0; k < mended.n; k++) {
			assert_int_equal(mended.tokens[k].kind, written.tokens[k].kind);
			assert_string_equal(mended.tokens[k].text, written.tokens[k].text);
			assert_int_equal(mended.tokens[k].offset, written.tokens[k].offset);
		}
		filtered_end(&mended);
		filtered_end(&written);
	}
}

/* A section starting its line inside another: the '}' left out is given
 * before it, at the end of the line before, and reported once. */
static void test_brace_supplied(void **state)
{
	(void)state;
	static const char src[] = "sheet 1.1 \"S\" {\n    mission {\n        \"M.\"\n"
				  "    activities { }\n}\n";
	struct filtered f;
	filter(&f, src, false);
	assert_int_equal(f.run.diag.errors, 1);
	test_assert_diag(&f.run, "t.jobsheet:4:5: error: expected '}' before 'activities'");
	int k = 0;
	while (k < f.n && strcmp(f.tokens[k].text, "M.") != 0)
		k++;
	assert_true(k + 2 < f.n);
	assert_int_equal(f.tokens[k + 1].kind, RBRACE);
	/* At the end of the string's line, where the fix-it puts it. */
	assert_int_equal(f.tokens[k + 1].offset, (uint32_t)(strstr(src, "M.\"") - src + 3));
	assert_int_equal(f.tokens[k + 2].kind, KW_ACTIVITIES);
	filtered_end(&f);
}

/* A string whose closing quote was left out ends at the end of its line
 * (before a '}' there), read by the scanner's rules; the rest is read
 * again as tokens. */
static void test_quote_left_out(void **state)
{
	(void)state;
	static const char src[] = "sheet 1.1 \"S\" {\n    mission { \"The   mission. }\n"
				  "    activities { \"G\" { \"T\" } }\n}\n";
	struct filtered f;
	filter(&f, src, false);
	assert_int_equal(f.run.diag.errors, 1);
	test_assert_diag(&f.run, "t.jobsheet:2:15: error: missing '\"' at the end of this string");
	int k = 0;
	while (k < f.n && f.tokens[k].kind != KW_MISSION)
		k++;
	assert_true(k + 4 < f.n);
	assert_int_equal(f.tokens[k + 2].kind, STRING);
	assert_string_equal(f.tokens[k + 2].text, "The mission.");
	assert_int_equal(f.tokens[k + 3].kind, RBRACE);
	assert_int_equal(f.tokens[k + 4].kind, KW_ACTIVITIES);
	filtered_end(&f);
}

/* A string whose opening quote was left out: the words before it on its
 * line make the string, after the item's level; what the scanner said of
 * them (an apostrophe outside a string) is taken back. */
static void test_opening_quote_left_out(void **state)
{
	(void)state;
	static const char src[] = "sheet 1.1 \"S\" {\n    technological essential {\n"
				  "        K The plants' data\"\n        C \"Next.\"\n    }\n}\n";
	struct filtered f;
	filter(&f, src, false);
	assert_int_equal(f.run.diag.errors, 1);
	test_assert_diag(&f.run, "t.jobsheet:3:11: error: missing '\"' at the start of this string");
	int k = 0;
	while (k < f.n && strcmp(f.tokens[k].text, "K") != 0)
		k++;
	assert_true(k + 2 < f.n);
	assert_int_equal(f.tokens[k + 1].kind, STRING);
	assert_string_equal(f.tokens[k + 1].text, "The plants' data");
	assert_string_equal(f.tokens[k + 2].text, "C");
	filtered_end(&f);
}

/* As written, the braces are only counted: a '}' left out is the
 * parser's to find, and the limit of nesting holds. */
static void test_as_written(void **state)
{
	(void)state;
	struct filtered f;
	filter(&f, "sheet 1.1 \"S\" {\n    mission {\n        \"M.\"\n    activities { }\n}\n", true);
	assert_int_equal(f.run.diag.errors, 0);
	for (int k = 0; k + 1 < f.n; k++)
		assert_false(f.tokens[k].kind == RBRACE && f.tokens[k + 1].kind == KW_ACTIVITIES);
	filtered_end(&f);
	char deep[PARSE_MAX_DEPTH + 3];
	memset(deep, '{', PARSE_MAX_DEPTH + 2);
	deep[PARSE_MAX_DEPTH + 2] = '\0';
	filter(&f, deep, true);
	assert_int_equal(f.n, PARSE_MAX_DEPTH);
	test_assert_diag(&f.run, "error: braces nested more than 64 deep");
	filtered_end(&f);
}

/* In the catalogue's labels block a keyword is a key, both ways, but for
 * a declaration's, which closes the block (mended: reported once). */
static void test_label_keys(void **state)
{
	(void)state;
	static const char *const srcs[] = {
		"catalogue \"C\" { labels { mission \"M\" new \"N\" } }\nfamily 1 \"F\"\n",
		"catalogue \"C\" {\n    publisher \"P\"\n    labels {\n        mission \"M\"\n"
		"        new \"N\"\n    }\n}\nfamily 1 \"F\"\n",
	};
	for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
		for (int as_written = 0; as_written < 2; as_written++) {
			struct filtered f;
			filter(&f, srcs[i], as_written);
			assert_int_equal(f.run.diag.errors, 0);
			int names = 0, families = 0;
			for (int k = 0; k < f.n; k++) {
				names += f.tokens[k].kind == NAME;
				families += f.tokens[k].kind == KW_FAMILY;
			}
			assert_int_equal(names, 3);     /* labels, mission, new */
			assert_int_equal(families, 1);
			filtered_end(&f);
		}
	}
	struct filtered f;
	filter(&f, "catalogue \"C\" {\n    labels {\n        mission \"M\"\nfamily 1 \"F\"\n",
	       false);
	assert_int_equal(f.run.diag.errors, 1);
	test_assert_diag(&f.run, "t.jobsheet:4:1: error: expected 2 '}' before 'family'");
	filtered_end(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_is_not_mended),
		cmocka_unit_test(test_brace_supplied),
		cmocka_unit_test(test_quote_left_out),
		cmocka_unit_test(test_opening_quote_left_out),
		cmocka_unit_test(test_as_written),
		cmocka_unit_test(test_label_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
