/*
 * test_fmt.c - the canonical layout (src/fmt.c): what it writes, that it
 * writes it again from its own output (idempotence), that the compiled
 * output and the diagnostics are the same before and after (meaning), and
 * that `# jobc: expect` comments cover the same constructs after fmt.
 */
#include "support.h"

#include "arena.h"
#include "backend.h"
#include "fmt.h"
#include "output.h"

/* fmt of src: 0 and the layout in out, or 1 and the errors in errors. */
static int run_fmt(const char *src, size_t len, struct buf *out, char **errors)
{
	size_t n = 0;
	FILE *f = open_memstream(errors, &n);
	assert_non_null(f);
	struct diag d;
	diag_init(&d, f);
	struct arena *a = arena_new();
	assert_non_null(a);
	buf_init(out);
	int r = fmt_text(a, "t.jobsheet", src, len, out, &d);
	diag_print(&d);
	fclose(f);
	arena_free(a);
	diag_free(&d);
	return r;
}

/* The layout of src: expected, and the layout of that is itself. */
static void expect_layout(const char *src, const char *expected)
{
	struct buf out, again;
	char *errors;
	assert_int_equal(run_fmt(src, strlen(src), &out, &errors), 0);
	free(errors);
	assert_string_equal(out.len ? out.data : "", expected);
	assert_int_equal(run_fmt(expected, strlen(expected), &again, &errors), 0);
	free(errors);
	assert_string_equal(again.len ? again.data : "", expected);
	buf_free(&out);
	buf_free(&again);
}

/*
 * What a compilation of src says, where it does not depend on lines: each
 * diagnostic's severity and message, in order, then the JSON output.
 */
static char *compiled(const char *src)
{
	struct test_run r;
	test_run_text(&r, src);
	struct buf said;
	buf_init(&said);
	for (const struct diag_record *rec = r.diag.first; rec; rec = rec->next)
		if (!rec->hidden)
			buf_printf(&said, "%d %s\n", (int)rec->severity, rec->message);
	if (!diag_failed(&r.diag)) {
		struct backend_options opts = { 0 };
		struct out_set *out = out_set_new();
		assert_non_null(out);
		assert_int_equal(backend_json.emit(frontend_root(r.fe), &opts, out, &r.diag), 0);
		for (size_t i = 0; i < out_count(out); i++)
			buf_printf(&said, "%s\n%s\n", out_path(out, i), out_content(out, i)->data);
		out_set_free(out);
	}
	test_run_end(&r);
	buf_putc(&said, '\0');
	return said.data;
}

/* The layout of src is expected, and compiles as src does. */
static void expect_same_meaning(const char *src, const char *expected)
{
	expect_layout(src, expected);
	char *before = compiled(src), *after = compiled(expected);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void test_declarations(void **state)
{
	(void)state;
	expect_same_meaning(TEST_CATALOGUE
			    "retired   22 \"Old\"   see\n 1.1\n"
			    "sheet 1.1 \"S\" { family 1\n" TEST_SHEET_BODY "}\n",
		"catalogue \"Test\" {\n"
		"    publisher \"P\"\n"
		"}\n"
		"scale {\n"
		"    K \"Knows\"\n"
		"    C \"Commands\"\n"
		"    E \"Expert\"\n"
		"}\n"
		"category technological \"Tech\" levelled\n"
		"category behavioural \"Behaviour\"\n"
		"family 1 \"One\"\n"
		"family 2 \"Two\"\n"
		"retired 22 \"Old\" see 1.1\n"
		"sheet 1.1 \"S\" {\n"
		"    family 1\n"
		"    mission {\n"
		"        \"M.\"\n"
		"    }\n"
		"    activities {\n"
		"        \"G\" {\n"
		"            \"T\"\n"
		"        }\n"
		"    }\n"
		"    technological essential {\n"
		"        C \"Item.\"\n"
		"    }\n"
		"    career {\n"
		"        education \"Ed.\"\n"
		"        experience \"Ex.\"\n"
		"    }\n"
		"}\n");
}

/* In the labels block a keyword is a key (the parser reads a name): its
 * text stays on its line, after `new` and `levelled` too. */
static void test_label_keys(void **state)
{
	(void)state;
	expect_layout("catalogue \"C\" { labels { new \"N\" levelled \"L\" mission \"M\" } }\n",
		      "catalogue \"C\" {\n"
		      "    labels {\n"
		      "        new \"N\"\n"
		      "        levelled \"L\"\n"
		      "        mission \"M\"\n"
		      "    }\n"
		      "}\n");
}

static void test_sheet_fields(void **state)
{
	(void)state;
	/* Every field, written anyhow: one item a line, `{ }` when empty. */
	expect_layout("sheet 1.1 \"S\" { family 1 status   new replaces 3 \"Three\" aka \"A\"\n"
		      "mission { \"M.\" list { \"a\" \"b\" } } activities { \"Intro.\"\n"
		      "= \"G\" { intro \"I.\" + \"T\" { \"sub\" } - \"U\" } }\n"
		      "behavioural useful{}career{education \"Ed.\" \"Note.\"} trends { } }\n",
		"sheet 1.1 \"S\" {\n"
		"    family 1\n"
		"    status new\n"
		"    replaces 3 \"Three\"\n"
		"    aka \"A\"\n"
		"    mission {\n"
		"        \"M.\"\n"
		"        list {\n"
		"            \"a\"\n"
		"            \"b\"\n"
		"        }\n"
		"    }\n"
		"    activities {\n"
		"        \"Intro.\"\n"
		"        = \"G\" {\n"
		"            intro \"I.\"\n"
		"            + \"T\" {\n"
		"                \"sub\"\n"
		"            }\n"
		"            - \"U\"\n"
		"        }\n"
		"    }\n"
		"    behavioural useful { }\n"
		"    career {\n"
		"        education \"Ed.\"\n"
		"        \"Note.\"\n"
		"    }\n"
		"    trends { }\n"
		"}\n");
}

static void test_strings(void **state)
{
	(void)state;
	/* Words as written, the writer's line breaks kept, blank lines and
	 * white space runs folded, continuation lines under the first
	 * character, counted in characters (↗ is one, three bytes). */
	expect_layout("sheet 1.1 \"S\" {\n"
		      "  activities {\n"
		      "\t↗ \"  Group   title\n"
		      "\n"
		      "over two\tlines  \" {\n"
		      "    + \"\n"
		      "   task \\\"quoted\\\"   \\\\\n"
		      "    \" }\n"
		      "}}\n",
		"sheet 1.1 \"S\" {\n"
		"    activities {\n"
		"        ↗ \"Group title\n"
		"           over two lines\" {\n"
		"            + \"task \\\"quoted\\\" \\\\\"\n"
		"        }\n"
		"    }\n"
		"}\n");
}

static void test_string_white_space_runs(void **state)
{
	(void)state;
	/* Any run of white space in a string is one space, whatever its bytes
	 * and wherever a single space starts it (" \t", " \r"): fmt wrote
	 * the space and then one for the rest, two, which fmt of that made
	 * one (not its own layout). */
	expect_same_meaning("catalogue \"C\" {\n"
			    "    publisher \"a b,\n"
			    "     c \tx d\"\n"
			    "}\n",
		"catalogue \"C\" {\n"
		"    publisher \"a b,\n"
		"               c x d\"\n"
		"}\n");
	expect_same_meaning("family 1 \"a \tb\t c \rd \r\n e  \t f\t\tg\"\n",
			    "family 1 \"a b c d\n"
			    "          e f g\"\n");
}

static void test_comments(void **state)
{
	(void)state;
	/* Where they were: after the code of their line, or above what
	 * follows, indented as it is (inside the block before a `}`). Blank
	 * lines: runs fold to one, none after `{`, before `}`, at the ends. */
	expect_layout("\n\n  # head\n\n\n"
		      "sheet 1.1 \"S\" {   # the sheet   \n"
		      "\n"
		      "        # about family\n"
		      "family 1\n"
		      "\n\n\n"
		      "  mission {\n"
		      "\n"
		      "\"M.\"\n"
		      "\n"
		      "# last of mission\n"
		      "\n"
		      "}\n"
		      "}\n"
		      "# tail\n\n\n",
		"# head\n"
		"\n"
		"sheet 1.1 \"S\" { # the sheet\n"
		"    # about family\n"
		"    family 1\n"
		"\n"
		"    mission {\n"
		"        \"M.\"\n"
		"\n"
		"        # last of mission\n"
		"    }\n"
		"}\n"
		"# tail\n");
}

static void test_comment_ends_line(void **state)
{
	(void)state;
	/* A comment inside an item: what follows it starts the next line,
	 * one level deeper. */
	expect_layout("sheet 1.1 # code\n"
		      "\"S\" {\n"
		      "    technological # category\n"
		      "    # importance next\n"
		      "    essential { }\n"
		      "}\n",
		"sheet 1.1 # code\n"
		"    \"S\" {\n"
		"    technological # category\n"
		"        # importance next\n"
		"        essential { }\n"
		"}\n");
}

/* A catalogue, and a sheet whose knowledge block is `block`. */
#define SHEET_WITH(block)                                                  \
	TEST_CATALOGUE                                                     \
	"sheet 1.1 \"S\" {\n"                                              \
	"    family 1\n"                                                   \
	"    mission { \"M.\" }\n"                                          \
	"    activities { \"G\" { \"T\" } }\n"                              \
	block                                                              \
	"    career { education \"Ed.\" experience \"Ex.\" }\n"            \
	"}\n"

/* The sheet as fmt writes it, its knowledge block written `block`. */
#define SHEET_LAID_OUT(block)                                              \
	"catalogue \"Test\" {\n"                                           \
	"    publisher \"P\"\n"                                            \
	"}\n"                                                              \
	"scale {\n"                                                        \
	"    K \"Knows\"\n"                                                \
	"    C \"Commands\"\n"                                             \
	"    E \"Expert\"\n"                                               \
	"}\n"                                                              \
	"category technological \"Tech\" levelled\n"                       \
	"category behavioural \"Behaviour\"\n"                             \
	"family 1 \"One\"\n"                                               \
	"family 2 \"Two\"\n"                                               \
	"sheet 1.1 \"S\" {\n"                                              \
	"    family 1\n"                                                   \
	"    mission {\n"                                                  \
	"        \"M.\"\n"                                                 \
	"    }\n"                                                          \
	"    activities {\n"                                               \
	"        \"G\" {\n"                                                \
	"            \"T\"\n"                                              \
	"        }\n"                                                      \
	"    }\n"                                                          \
	block                                                              \
	"    career {\n"                                                   \
	"        education \"Ed.\"\n"                                      \
	"        experience \"Ex.\"\n"                                     \
	"    }\n"                                                          \
	"}\n"

static void test_expect_after_code(void **state)
{
	(void)state;
	/* The line an acknowledgement ends keeps its tokens, alone: split,
	 * the repeat would leave the line the comment covers. */
	expect_same_meaning(SHEET_WITH("    technological essential { C \"A.\" C \"A.\" }"
				       "  # jobc: expect repeated-item\n"),
		SHEET_LAID_OUT("    technological essential { C \"A.\" C \"A.\" } "
			       "# jobc: expect repeated-item\n"));
}

static void test_expect_above(void **state)
{
	(void)state;
	/* The next line with code keeps its tokens, alone, the rest laid out. */
	expect_same_meaning(SHEET_WITH("    technological essential {\n"
				       "        # jobc: expect repeated-item\n"
				       "        # (a comment between)\n"
				       "        C \"A.\" C \"A.\" C \"B.\"\n"
				       "    }\n"),
		SHEET_LAID_OUT("    technological essential {\n"
			       "        # jobc: expect repeated-item\n"
			       "        # (a comment between)\n"
			       "        C \"A.\" C \"A.\" C \"B.\"\n"
			       "    }\n"));
}

static void test_expect_keeps_missing_its_warning(void **state)
{
	(void)state;
	/* The warning is at `technological`, the comment covers the line of
	 * `{`: unmet before, unmet after, so `{` stays at the start of a line. */
	expect_same_meaning(SHEET_WITH("    technological essential { C \"A.\" }\n"
				       "    behavioural useful\n"
				       "    { } # jobc: expect empty-section\n"),
		SHEET_LAID_OUT("    technological essential {\n"
			       "        C \"A.\"\n"
			       "    }\n"
			       "    behavioural useful\n"
			       "        { } # jobc: expect empty-section\n"));
}

static void test_expect_on_a_string_end(void **state)
{
	(void)state;
	/* After the last line of a string the comment covers no token; it
	 * stays there, and its line is laid out as any. */
	expect_same_meaning(SHEET_WITH("    technological essential { C \"A\n"
				       "      B.\" # jobc: expect repeated-item\n"
				       "    C \"A B.\" }\n"),
		SHEET_LAID_OUT("    technological essential {\n"
			       "        C \"A\n"
			       "           B.\" # jobc: expect repeated-item\n"
			       "        C \"A B.\"\n"
			       "    }\n"));
}

static void test_refuses_what_does_not_parse(void **state)
{
	(void)state;
	static const char *const broken[] = {
		"sheet 1.1 \"S\" {\n    mission { \"M.\"\n",     /* end of file in a block */
		"sheet 1.1 \"S\" { misison { } }\n",              /* unknown section */
		"sheet 1.1 \"unterminated {\n",
		"# jobc: expect empty-sectoin\nscale { K \"k\" }\n",
		"sheet 1.1 \"S\" { \x01 }\n",
	};
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		struct buf out;
		char *errors;
		assert_int_equal(run_fmt(broken[i], strlen(broken[i]), &out, &errors), 1);
		assert_int_equal(out.len, 0);
		assert_non_null(strstr(errors, "t.jobsheet:"));
		assert_non_null(strstr(errors, "error:"));
		free(errors);
		buf_free(&out);
	}
}

static void test_encoding_and_ends(void **state)
{
	(void)state;
	/* No byte-order mark, LF line ends, one newline at the end; nothing
	 * at all for a file of white space. */
	expect_layout("\xEF\xBB\xBF" "family 1 \"One\"\r\n\r\n\r\nfamily 2 \"Two\"  # c \r\n",
		      "family 1 \"One\"\n\nfamily 2 \"Two\" # c\n");
	expect_layout("family 1 \"One\"", "family 1 \"One\"\n");
	expect_layout(" \n\t\n", "");
	expect_layout("#", "#\n");
}

static void test_shipped_layout(void **state)
{
	(void)state;
	/* The example of the language reference is in the layout. */
	FILE *f = fopen("sheets/3.3a-desktop-technician.jobsheet", "rb");
	assert_non_null(f);
	char text[65536];
	size_t len = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[len] = '\0';
	expect_layout(text, text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_declarations),
		cmocka_unit_test(test_label_keys),
		cmocka_unit_test(test_sheet_fields),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_string_white_space_runs),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_comment_ends_line),
		cmocka_unit_test(test_expect_after_code),
		cmocka_unit_test(test_expect_above),
		cmocka_unit_test(test_expect_keeps_missing_its_warning),
		cmocka_unit_test(test_expect_on_a_string_end),
		cmocka_unit_test(test_refuses_what_does_not_parse),
		cmocka_unit_test(test_encoding_and_ends),
		cmocka_unit_test(test_shipped_layout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
