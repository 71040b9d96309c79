/*
 * test_loc.c - src/loc.c: lines and columns worked out from byte offsets,
 * with a file's table of line starts and without one (counted); a file's
 * text dropped after parsing and read again for the validator's messages,
 * or not at all if the file changed meanwhile.
 */
#include <unistd.h>

#include "support.h"

#include "arena.h"

/* "é" and "↗" are one column each; a BOM is no column; CR is one. */
static const char text[] = "\xEF\xBB\xBF" "ab\n"    /* line 1: a at 3, b 4, LF 5 */
			   "\xC3\xA9x\r\n"          /* line 2: é at 6, x 8, CR 9, LF 10 */
			   "\n"                     /* line 3: empty, LF at 11 */
			   "\t\xE2\x86\x97y";       /* line 4: tab 12, ↗ 13, y 16; end 17 */

static void check_positions(const struct src_file *f)
{
	static const struct { uint32_t offset; int line, col; } want[] = {
		{ 3, 1, 1 }, { 4, 1, 2 }, { 5, 1, 3 }, { 6, 2, 1 }, { 8, 2, 2 },
		{ 9, 2, 3 }, { 10, 2, 4 }, { 11, 3, 1 }, { 12, 4, 1 }, { 13, 4, 2 },
		{ 16, 4, 3 }, { 17, 4, 4 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct loc_pos at = loc_where(f, want[i].offset);
		if (at.line != want[i].line || at.col != want[i].col)
			fail_msg("offset %u: %d:%d, expected %d:%d", want[i].offset, at.line,
				 at.col, want[i].line, want[i].col);
	}
}

static void test_counted_without_arena(void **state)
{
	(void)state;
	struct src_file f = { .name = "t", .text = text, .len = sizeof text - 1 };
	check_positions(&f);
	assert_null(f.line_starts);
}

static void test_table_of_line_starts(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_non_null(a);
	struct src_file f = { .name = "t", .text = text, .len = sizeof text - 1, .arena = a };
	check_positions(&f);
	assert_non_null(f.line_starts);
	assert_int_equal(f.n_lines, 4);
	check_positions(&f);    /* the second time from the table */
	arena_free(a);
}

static void test_spans(void **state)
{
	(void)state;
	struct src_file f = { .name = "t", .text = text, .len = sizeof text - 1 };
	struct loc one_line = { &f, 3, 4 }, four_lines = { &f, 4, 12 };
	assert_int_equal(loc_lines(&one_line), 1);
	assert_int_equal(loc_lines(&four_lines), 4);
	assert_true(loc_newline_between(&f, 4, 7));
	assert_false(loc_newline_between(&f, 3, 5));
	assert_false(loc_newline_between(&f, 6, 6));
	struct src_file name_only = { .name = "t" };
	struct loc whole = { &name_only, 0, 0 };
	assert_false(loc_has_text(&whole));
	assert_true(loc_has_text(&one_line));
}

/* ---- text dropped after parsing ------------------------------------------ */

#define UNKNOWN_FAMILY TEST_CATALOGUE "sheet 1.1 \"S\" {\n    family 7\n" TEST_SHEET_BODY "}\n"

/*
 * A run that has parsed a file holding UNKNOWN_FAMILY; then, if `rewrite`,
 * the file is rewritten with other bytes before validation. Returns its
 * path (free it, after unlink).
 */
static char *parse_then_validate(struct test_run *r, const char *rewrite)
{
	char *path = strdup("/tmp/jobc-test-loc-XXXXXX");
	assert_non_null(path);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *content = UNKNOWN_FAMILY;
	assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
	assert_int_equal(close(fd), 0);
	test_run_begin(r);
	assert_int_equal(frontend_parse_file(r->fe, path), 0);
	const struct ast_sheet *s = frontend_root(r->fe)->parsed.sheets.first;
	assert_non_null(s);
	assert_null(s->loc.file->text);         /* dropped once parsed */
	if (rewrite) {
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(rewrite, f);
		assert_int_equal(fclose(f), 0);
	}
	test_run_validate(r);
	return path;
}

/* The validator's message about a parsed file shows its line: read again. */
static void test_dropped_text_read_again(void **state)
{
	(void)state;
	struct test_run r;
	char *path = parse_then_validate(&r, NULL);
	char want[256];
	snprintf(want, sizeof want, "%s:8:12: error: unknown family '7'; expected one of 1, 2\n"
		 "     8 |     family 7\n", path);
	test_assert_diag(&r, want);
	test_run_end(&r);
	unlink(path);
	free(path);
}

/* Changed after parsing: the message stands, without a line it could get wrong. */
static void test_changed_file_gives_no_line(void **state)
{
	(void)state;
	struct test_run r;
	char *path = parse_then_validate(&r, "# rewritten\n" UNKNOWN_FAMILY);
	char want[256];
	snprintf(want, sizeof want, "%s: error: unknown family '7'; expected one of 1, 2\n", path);
	test_assert_diag(&r, want);
	assert_null(strstr(r.text, "family 7\n"));      /* no source line shown */
	test_run_end(&r);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counted_without_arena),
		cmocka_unit_test(test_table_of_line_starts),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_dropped_text_read_again),
		cmocka_unit_test(test_changed_file_gives_no_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
