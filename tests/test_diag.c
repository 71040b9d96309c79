/* test_diag.c - how diagnostics are printed and counted. */
#include "support.h"

#include "diag_render.h"

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

/* The text of b without its white space (the writers indent). */
static char *squeezed(const struct buf *b)
{
	char *out = malloc(b->len + 1);
	size_t n = 0;
	assert_non_null(out);
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i] != ' ' && b->data[i] != '\n')
			out[n++] = b->data[i];
	out[n] = '\0';
	return out;
}

/* A fix-it that inserts is an empty span: in JSON its start is its next,
 * in SARIF its deleted region ends where it starts; one that replaces
 * spans its characters. The text renderer shows neither. */
static void test_fix_its(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c);
	struct loc word = { &file, 0, 4 };            /* "first" */
	diag_error(&c.d, &word, "a mistake");
	diag_fix_it(&c.d, &word, "1st");
	diag_fix_insert(&c.d, &file, 10, "\n}");       /* the end of line 1 */
	diag_settle(&c.d);
	diag_print(&c.d);
	fflush(c.out);
	assert_non_null(strstr(c.text, "error: a mistake\n"));
	assert_null(strstr(c.text, "1st"));
	struct buf b;
	buf_init(&b);
	diag_render_json(&c.d, &b);
	char *json = squeezed(&b);
	assert_non_null(strstr(json, "\"start\":{\"file\":\"f.jobsheet\",\"line\":1,\"column\":1},"
				     "\"next\":{\"file\":\"f.jobsheet\",\"line\":1,\"column\":6},"
				     "\"string\":\"1st\""));
	assert_non_null(strstr(json, "\"start\":{\"file\":\"f.jobsheet\",\"line\":1,\"column\":11},"
				     "\"next\":{\"file\":\"f.jobsheet\",\"line\":1,\"column\":11},"
				     "\"string\":\"\\n}\""));
	b.len = 0;
	diag_render_sarif(&c.d, &b);
	char *sarif = squeezed(&b);
	assert_non_null(strstr(sarif, "\"deletedRegion\":{\"startLine\":1,\"startColumn\":1,"
				      "\"endLine\":1,\"endColumn\":6}"));
	assert_non_null(strstr(sarif, "\"deletedRegion\":{\"startLine\":1,\"startColumn\":11,"
				      "\"endLine\":1,\"endColumn\":11}"));
	free(json);
	free(sarif);
	buf_free(&b);
	capture_end(&c);
}

/* What was made since a mark can be taken back, counts and all. */
static void test_rewind(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c);
	struct loc loc = { &file, 0, 0 };
	diag_error(&c.d, &loc, "kept");
	struct diag_expect *kept = diag_expect(&c.d, DIAG_W_EMPTY_LIST, &loc, 0, 10);
	struct diag_mark mark = diag_mark(&c.d);
	diag_error(&c.d, &loc, "taken back");
	diag_note(&c.d, &loc, "its note");
	diag_warning(&c.d, DIAG_W_EMPTY_LIST, &loc, "and a warning");
	assert_non_null(diag_expect(&c.d, DIAG_W_EMPTY_SECTION, &loc, 11, 20));
	diag_rewind(&c.d, mark, NULL);
	assert_int_equal(c.d.errors, 1);
	assert_int_equal(c.d.warnings, 0);
	assert_ptr_equal(c.d.expects, kept);
	assert_ptr_equal(c.d.expects_last, kept);
	assert_null(kept->next);
	diag_error(&c.d, &loc, "made after");
	diag_print(&c.d);
	fflush(c.out);
	assert_non_null(strstr(c.text, "kept"));
	assert_non_null(strstr(c.text, "made after"));
	assert_null(strstr(c.text, "taken back"));
	assert_null(strstr(c.text, "its note"));
	diag_rewind(&c.d, (struct diag_mark){ 0 }, NULL);       /* back to nothing */
	assert_null(c.d.first);
	assert_null(c.d.last);
	/* From a place: what points before it stays. */
	struct loc early = { &file, 2, 2 }, from = { &file, 11, 11 }, late = { &file, 20, 20 };
	mark = diag_mark(&c.d);
	diag_error(&c.d, &early, "before the place");
	diag_error(&c.d, &late, "after it");
	diag_note(&c.d, &early, "a note of the one after");
	diag_rewind(&c.d, mark, &from);
	assert_int_equal(c.d.errors, 1);
	assert_string_equal(c.d.first->message, "before the place");
	assert_ptr_equal(c.d.first, c.d.last);
	assert_null(c.d.last->next);
	capture_end(&c);
}

/* Sorted by place since a mark, each record with its notes, the same
 * places in the order made. */
static void test_sort_since(void **state)
{
	(void)state;
	struct capture c;
	capture_begin(&c);
	struct loc line1 = { &file, 0, 0 }, line2 = { &file, 11, 11 }, line3 = { &file, 34, 34 };
	diag_error(&c.d, &line3, "before the mark");
	struct diag_mark mark = diag_mark(&c.d);
	diag_error(&c.d, &line3, "third");
	diag_note(&c.d, &line1, "note of the third");
	diag_error(&c.d, &line2, "second");
	diag_error(&c.d, &line1, "first");
	diag_error(&c.d, &line1, "first too");
	diag_sort_since(&c.d, mark);
	const char *want[] = { "before the mark", "first", "first too", "second", "third",
			       "note of the third" };
	const struct diag_record *r = c.d.first;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++, r = r->next)
		assert_string_equal(r->message, want[i]);
	assert_null(r);
	assert_string_equal(c.d.last->message, "note of the third");
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
		cmocka_unit_test(test_fix_its),
		cmocka_unit_test(test_rewind),
		cmocka_unit_test(test_sort_since),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
