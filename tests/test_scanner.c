/* test_scanner.c - the flex scanner on its own: tokens, values, locations. */
#include "support.h"

#include "arena.h"
#include "parse.h"
#include "parser.h"
#define YYSTYPE JOBC_YYSTYPE
#define YYLTYPE JOBC_YYLTYPE
#include "scanner.h"

#define MAX_TOKENS 32

struct scan {
	struct test_run run;          /* for the diag capture */
	struct arena *arena;
	struct src_file file;
	struct ast_root root;
	struct parse_ctx ctx;
	int kinds[MAX_TOKENS];
	YYSTYPE vals[MAX_TOKENS];
	YYLTYPE locs[MAX_TOKENS];
	int n;
};

/* Scans src[0..len) to the end, recording every token. */
static void scan_bytes(struct scan *s, const char *src, size_t len)
{
	memset(s, 0, sizeof *s);
	test_run_begin(&s->run);
	s->arena = arena_new();
	s->file = (struct src_file){ .name = "s.jobsheet", .text = src, .len = len };
	s->ctx = (struct parse_ctx){ .arena = s->arena, .diag = &s->run.diag,
				     .root = &s->root, .file = &s->file };
	yyscan_t scanner;
	assert_int_equal(jobc_yylex_init_extra(&s->ctx, &scanner), 0);
	YY_BUFFER_STATE b = jobc_yy_scan_bytes(src, (int)len, scanner);
	int tok;
	while ((tok = jobc_yylex(&s->vals[s->n], &s->locs[s->n], scanner)) != 0) {
		assert_true(s->n < MAX_TOKENS - 1);
		s->kinds[s->n++] = tok;
	}
	jobc_yy_delete_buffer(b, scanner);
	jobc_yylex_destroy(scanner);
	free(s->ctx.str);
	diag_print(&s->run.diag);
	fflush(s->run.out);
}

/* Line and column of the first (or, with end, the last) character of token i. */
static struct loc_pos at(const struct scan *s, int i)
{
	return loc_where(&s->file, s->locs[i].offset);
}

static struct loc_pos end_at(const struct scan *s, int i)
{
	return loc_where(&s->file, s->locs[i].last);
}

static void scan(struct scan *s, const char *src)
{
	scan_bytes(s, src, strlen(src));
}

static void scan_end(struct scan *s)
{
	arena_free(s->arena);
	test_run_end(&s->run);
}

static void test_keywords_names_codes(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "sheet 3.5a family 41 K misison 1.2.3");
	assert_int_equal(s.n, 7);
	assert_int_equal(s.kinds[0], KW_SHEET);
	assert_int_equal(s.kinds[1], CODE);
	assert_string_equal(s.vals[1].str.text, "3.5a");
	assert_int_equal(s.kinds[2], KW_FAMILY);
	assert_int_equal(s.kinds[3], NUMBER);
	assert_string_equal(s.vals[3].str.text, "41");
	assert_int_equal(s.kinds[4], NAME);
	assert_int_equal(s.kinds[5], NAME);
	assert_string_equal(s.vals[5].str.text, "misison");
	assert_int_equal(s.kinds[6], CODE);
	assert_null(s.run.text && *s.run.text ? s.run.text : NULL);
	scan_end(&s);
}

/* Codes of other organisations and names of any script: the kind of each
 * word, and a word cut before a character no word holds. */
static void test_codes_and_names(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "DEV-01 15-1252.00 IT.3.2 DEV a_b 1__2 3.5- D\xC3\xA9" "butant "
		 "\xE5\xB0\x82\xE9\x96\x80 x\xE2\x86\x97 \xE2\x86\x97\"t\"");
	static const int kinds[] = { CODE, CODE, CODE, NAME, NAME, CODE, CODE, NAME, NAME, NAME,
				     TREND, TREND, STRING };
	assert_int_equal(s.n, sizeof kinds / sizeof kinds[0]);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		assert_int_equal(s.kinds[i], kinds[i]);
	assert_string_equal(s.vals[0].str.text, "DEV-01");
	assert_string_equal(s.vals[6].str.text, "3.5-");
	assert_string_equal(s.vals[7].str.text, "D\xC3\xA9" "butant");
	assert_string_equal(s.vals[9].str.text, "x");
	assert_int_equal(s.run.diag.errors, 0);
	scan_end(&s);
}

/* A name must be in NFC: no combining mark, no letter NFC writes otherwise. */
static void test_unicode_names(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "e\xCC\x81" "t\xC3\xA9 \xE2\x84\xAB \xE1\x84\x80\xE1\x85\xA1");
	test_assert_diag(&s.run, "s.jobsheet:1:1: error: name 'e\xCC\x81" "t\xC3\xA9' holds a "
			 "combining mark (U+0301)");
	test_assert_diag(&s.run, "s.jobsheet:1:6: error: name '\xE2\x84\xAB' is not in Unicode "
			 "normalization form C (U+212B)");
	test_assert_diag(&s.run, "s.jobsheet:1:8: error: name '\xE1\x84\x80\xE1\x85\xA1' is not in "
			 "Unicode normalization form C (U+1161)");
	assert_int_equal(s.n, 3);
	scan_end(&s);
}

static void test_trend_marks(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "+ = - \xE2\x86\x97 \xE2\x86\x98 { }");
	assert_int_equal(s.n, 7);
	const enum ast_trend want[] = { AST_TREND_RISING, AST_TREND_STABLE, AST_TREND_DECLINING,
					AST_TREND_RISING, AST_TREND_DECLINING };
	for (int i = 0; i < 5; i++) {
		assert_int_equal(s.kinds[i], TREND);
		assert_int_equal(s.vals[i].trend, want[i]);
	}
	assert_int_equal(s.kinds[5], LBRACE);
	assert_int_equal(s.kinds[6], RBRACE);
	/* Columns count characters: the arrows are 3 bytes but 1 column. */
	assert_int_equal(at(&s, 3).col, 7);
	assert_int_equal(at(&s, 4).col, 9);
	assert_int_equal(at(&s, 5).col, 11);
	scan_end(&s);
}

static void test_string_normalised(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "\"  one\n\t two  \\\"three\\\"\r\n  back\\\\slash  \"");
	assert_int_equal(s.n, 1);
	assert_int_equal(s.kinds[0], STRING);
	assert_string_equal(s.vals[0].str.text, "one two \"three\" back\\slash");
	/* The string's location spans from its opening to its closing quote. */
	assert_int_equal(at(&s, 0).line, 1);
	assert_int_equal(at(&s, 0).col, 1);
	assert_int_equal(end_at(&s, 0).line, 3);
	scan_end(&s);
}

static void test_comments_and_lines(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "# a comment with é\r\naka # another\n  \"x\"");
	assert_int_equal(s.n, 2);
	assert_int_equal(s.kinds[0], KW_AKA);
	assert_int_equal(at(&s, 0).line, 2);
	assert_int_equal(at(&s, 0).col, 1);
	assert_int_equal(at(&s, 1).line, 3);
	assert_int_equal(at(&s, 1).col, 3);
	scan_end(&s);
}

static void test_invalid_utf8_reported_in_place(void **state)
{
	(void)state;
	struct scan s;
	/* A symbol starts no token (a letter starts a name: test_unicode_names). */
	scan(&s, "\"ok\" \xE2\x82\xAC \"a\xFF\" \"\xED\xA0\x80\"");
	test_assert_diag(&s.run, "s.jobsheet:1:6: error: unexpected character '€' (U+20AC)");
	test_assert_diag(&s.run, "s.jobsheet:1:10: error: invalid UTF-8 byte 0xFF");
	/* A surrogate encoded in UTF-8 is not UTF-8: one error per byte. */
	test_assert_diag(&s.run, "s.jobsheet:1:14: error: invalid UTF-8 byte 0xED");
	assert_int_equal(s.run.diag.errors, 5);
	scan_end(&s);
}

static void test_nul_and_control_characters(void **state)
{
	(void)state;
	struct scan s;
	const char src[] = "\"a\x01 b\" \"c\xC2\x85\"";
	scan(&s, src);
	test_assert_diag(&s.run, "s.jobsheet:1:3: error: control character U+0001 in input");
	test_assert_diag(&s.run, "s.jobsheet:1:10: error: control character U+0085 in input");
	assert_int_equal(s.kinds[0], STRING);
	assert_string_equal(s.vals[0].str.text, "a b");
	scan_end(&s);

	/* A NUL ends a C string: scan the bytes. */
	const char nul[] = "aka \0 \"x\"";
	scan_bytes(&s, nul, sizeof nul - 1);
	test_assert_diag(&s.run, "s.jobsheet:1:5: error: NUL byte in input");
	assert_int_equal(s.n, 2);
	assert_int_equal(s.kinds[0], KW_AKA);
	assert_int_equal(s.kinds[1], STRING);
	assert_int_equal(at(&s, 1).col, 7);
	scan_end(&s);
}

static void test_string_errors(void **state)
{
	(void)state;
	struct scan s;
	scan(&s, "\"\" \"  \" \"bad \\n escape\" \"open");
	test_assert_diag(&s.run, "s.jobsheet:1:1: error: empty string");
	test_assert_diag(&s.run, "s.jobsheet:1:4: error: empty string");
	test_assert_diag(&s.run, "s.jobsheet:1:14: error: unknown escape '\\n' in string");
	test_assert_diag(&s.run, "s.jobsheet:1:25: error: unterminated string");
	/* Every string still comes out as a token, so parsing goes on. */
	assert_int_equal(s.n, 4);
	scan_end(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_names_codes),
		cmocka_unit_test(test_codes_and_names),
		cmocka_unit_test(test_unicode_names),
		cmocka_unit_test(test_trend_marks),
		cmocka_unit_test(test_string_normalised),
		cmocka_unit_test(test_comments_and_lines),
		cmocka_unit_test(test_invalid_utf8_reported_in_place),
		cmocka_unit_test(test_nul_and_control_characters),
		cmocka_unit_test(test_string_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
