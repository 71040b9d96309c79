/* test_diag.c - how diagnostics are printed and counted. */
#include "support.h"

struct capture {
	char *text;
	size_t len;
	FILE *out;
	struct diag d;
};

static void capture_begin(struct capture *c)
{
	c->out = open_memstream(&c->text, &c->len);
	assert_non_null(c->out);
	diag_init(&c->d, c->out);
}

static void capture_end(struct capture *c)
{
	diag_free(&c->d);
	fclose(c->out);
	free(c->text);
}

static const struct src_file file = {
	.name = "f.jobsheet", .text = "first line\n\tmission { \"caf\xC3\xA9\" }\nlast", .len = 38,
};

static void test_caret_and_range(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c);
	/* "café" on line 2: columns count characters, the tab stays a tab. */
	struct loc loc = { &file, 22, 28 };      /* from the opening to the closing quote */
	diag_error(&c.d, &loc, "bad '%s'", "café");
	diag_print(&c.d);
	fflush(c.out);
	assert_string_equal(c.text,
			    "f.jobsheet:2:12: error: bad 'café'\n"
			    "     2 | \tmission { \"café\" }\n"
			    "       | \t          ^~~~~~\n");
	assert_int_equal(c.d.errors, 1);
	capture_end(&c);
}

static void test_notes_warnings_and_quiet(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c);
	static const struct src_file name_only = { .name = "f.jobsheet" };
	struct loc first = { &file, 0, 4 };
	struct loc whole = { &name_only, 0, 0 };
	c.d.quiet = true;
	diag_warning(&c.d, DIAG_W_EMPTY_LIST, &first, "hidden");
	diag_note(&c.d, &first, "hidden note");
	diag_print(&c.d);       /* -q applies when the records are printed */
	c.d.quiet = false;
	diag_warning(&c.d, DIAG_W_EMPTY_LIST, &whole, "about the whole file");
	diag_note(&c.d, &first, "see here");
	diag_error(&c.d, NULL, "no place");
	diag_print(&c.d);
	fflush(c.out);
	assert_string_equal(c.text,
			    "f.jobsheet: warning: about the whole file [-Wempty-list]\n"
			    "f.jobsheet:1:1: note: see here\n"
			    "     1 | first line\n"
			    "       | ^~~~~\n"
			    "jobc: error: no place\n");
	assert_int_equal(c.d.warnings, 2);
	assert_int_equal(c.d.errors, 1);
	capture_end(&c);
}

static void test_too_many_errors(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c);
	c.d.max_errors = 2;
	for (int i = 0; i < 5; i++)
		diag_error(&c.d, NULL, "e%d", i);
	diag_print(&c.d);
	fflush(c.out);
	assert_string_equal(c.text, "jobc: error: e0\njobc: error: e1\n"
				    "jobc: error: too many errors, stopping after 2 "
				    "(--max-errors; 0 shows them all)\n");
	assert_true(diag_too_many(&c.d));
	assert_int_equal(c.d.errors, 5);
	capture_end(&c);
}

static void test_long_line_is_cut(void **state)
{
	(void)state;
	static char text[5001];
	memset(text, 'a', 5000);
	struct src_file big = { .name = "big.jobsheet", .text = text, .len = 5000 };
	struct capture c;
	capture_begin(&c);
	struct loc loc = { &big, 4000, 4000 };
	diag_error(&c.d, &loc, "here");
	diag_print(&c.d);
	fflush(c.out);
	/* The caret line stays short and the caret sits under column 4001. */
	char *caret_line = strrchr(c.text, '\n');
	*caret_line = '\0';
	caret_line = strrchr(c.text, '\n') + 1;
	assert_true(strlen(caret_line) < 200);
	assert_string_equal(strchr(caret_line, '^'), "^");
	assert_int_equal(strchr(caret_line, '^') - caret_line, strlen("       | ...") + 40);
	capture_end(&c);
}

static void test_invalid_bytes_shown_as_replacement(void **state)
{
	(void)state;
	struct src_file bad = { .name = "b.jobsheet", .text = "a\xFF" "b\x01" "c", .len = 5 };
	struct capture c;
	capture_begin(&c);
	struct loc loc = { &bad, 3, 3 };
	diag_error(&c.d, &loc, "x");
	diag_print(&c.d);
	fflush(c.out);
	assert_string_equal(c.text, "b.jobsheet:1:4: error: x\n"
				    "     1 | a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\n"
				    "       |    ^\n");
	capture_end(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_caret_and_range),
		cmocka_unit_test(test_notes_warnings_and_quiet),
		cmocka_unit_test(test_too_many_errors),
		cmocka_unit_test(test_long_line_is_cut),
		cmocka_unit_test(test_invalid_bytes_shown_as_replacement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
