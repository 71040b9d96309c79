/*
 * test_emit.c - the emitter kit (src/emit.h): every instance's table
 * holds together, each instance writes exact bytes for every class of
 * character, long runs break and long lines cut where they should, and the
 * number printer, emit_fmt, templates and the JSON writer write what they
 * say. The backends' whole outputs are checked by their own tests.
 */
#include "support.h"

#include "emit.h"

static const struct emit_escaper *const instances[] = {
	&emit_json, &emit_json_script, &emit_html, &emit_latex, &emit_c, &emit_csv,
};

/* What fn wrote into a fresh buffer, compared with want (n bytes). */
#define EXPECT(want, b, ...)                                                   \
	do {                                                                   \
		struct buf b;                                                  \
		buf_init(&b);                                                  \
		__VA_ARGS__;                                                   \
		assert_false(b.failed);                                        \
		assert_int_equal(b.len, sizeof(want) - 1);                     \
		assert_memory_equal(b.len ? b.data : "", want, b.len);         \
		buf_free(&b);                                                  \
	} while (0)

/* s (a literal) escaped by e is want. */
#define EXPECT_ESCAPE(e, s, want) EXPECT(want, b, emit_escape(&b, (e), s, sizeof(s) - 1))

/* A replacement has its text and length, a call has a function, and only
 * an instance that breaks runs marks break opportunities. */
static void test_tables(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof instances / sizeof instances[0]; i++) {
		const struct emit_escaper *e = instances[i];
		assert_true(e->run_max == 0 || e->run_break != NULL);
		for (size_t c = 0; c < 256; c++) {
			const struct emit_byte *x = &e->bytes[c];
			assert_true(x->action <= EMIT_CALL);
			if (x->action == EMIT_REPLACE) {
				assert_non_null(x->text);
				assert_int_equal(x->len, strlen(x->text));
			}
			if (x->action == EMIT_CALL)
				assert_non_null(e->call);
			if (x->may_break)
				assert_true(e->run_max > 0);
		}
	}
}

/* Every byte string is written without a crash and without a raw control
 * byte but HTML's white space, whatever the instance: one, two and three
 * bytes, all values. */
static void test_every_byte(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof instances / sizeof instances[0]; i++) {
		for (unsigned c = 0; c < 256; c++) {
			char s[3] = { (char)c, (char)c, 'x' };
			struct buf b;
			buf_init(&b);
			for (size_t n = 1; n <= sizeof s; n++)
				emit_escape(&b, instances[i], s, n);
			assert_false(b.failed);
			for (size_t k = 0; k < b.len; k++)
				assert_true((unsigned char)b.data[k] >= 0x20 || b.data[k] == '\t' ||
					    b.data[k] == '\n' || b.data[k] == '\f');
			buf_free(&b);
		}
	}
}

static void test_json_plain(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_json, "", "");
	EXPECT_ESCAPE(&emit_json, "q\"b\\s/ <&>", "q\\\"b\\\\s/ <&>");
	EXPECT_ESCAPE(&emit_json, "\b\t\n\v\f\r\x01\x1b\x1f\x7f",
		      "\\b\\t\\n\\u000B\\f\\r\\u0001\\u001B\\u001F\x7f");
	/* U+2028 and U+2029 escaped, other characters from E2 (€, ↗) not */
	EXPECT_ESCAPE(&emit_json, "\xe2\x80\xa8\xe2\x80\xa9\xe2\x82\xac\xe2\x86\x97",
		      "\\u2028\\u2029\xe2\x82\xac\xe2\x86\x97");
	EXPECT_ESCAPE(&emit_json, "\xc2\x85\xef\xbf\xbe\xf0\x9f\x98\x80",
		      "\xc2\x85\xef\xbf\xbe\xf0\x9f\x98\x80");
	/* a sequence cut short at the end is copied, not read past */
	EXPECT(("\xe2\x80"), b, emit_escape(&b, &emit_json, "\xe2\x80\xa8", 2));
}

/* A quoted CSV field: quotes doubled, line feeds and UTF-8 kept, other
 * controls replaced. */
static void test_csv(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_csv, "a \"b\", c\nd\te", "a \"\"b\"\", c\nd\te");
	EXPECT_ESCAPE(&emit_csv, "=1+1 \xc3\xa9 \xe2\x82\xac", "=1+1 \xc3\xa9 \xe2\x82\xac");
	EXPECT_ESCAPE(&emit_csv, "\x01\r", "\xef\xbf\xbd\xef\xbf\xbd");
}

static void test_json_script(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_json_script, "\xe2\x82\xac \xc3\xa9", "\xe2\x82\xac \xc3\xa9");
	EXPECT_ESCAPE(&emit_json_script, "\x0b\x7f", "\\u000b\\u007f");
	EXPECT_ESCAPE(&emit_json_script, "\xef\xb7\x90\xf4\x8f\xbf\xbf", "\\ufdd0\\udbff\\udfff");
	EXPECT_ESCAPE(&emit_json_script, "a\xc0" "b", "a\\ufffdb");
}

static void test_html(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_html, "\x00\x1f", "\xe2\x90\x80\xe2\x90\x9f");
	EXPECT_ESCAPE(&emit_html, "\xc2\xa0\xc2\x9f\xef\xbf\xbd", "\xc2\xa0\xef\xbf\xbd\xef\xbf\xbd");
	/* a lead byte whose sequence is cut short */
	EXPECT(("a\xef\xbf\xbd"), b, emit_escape(&b, &emit_html, "a\xef\xbf", 2));
}

static void test_latex(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_latex, "\\{}#$%&_~^<>|\"`[]",
		      "\\textbackslash{}\\{\\}\\#\\$\\%\\&\\_\\textasciitilde{}"
		      "\\textasciicircum{}\\textless{}\\textgreater{}\\textbar{}"
		      "\\textquotedbl{}\\textasciigrave{}{[}{]}");
	/* TeX's input ligatures stay two characters; single ones are kept */
	EXPECT_ESCAPE(&emit_latex, "a--b---c''d,,e -f 'g' h,", "a-{}-b-{}-{}-c'{}'d,{},e -f 'g' h,");
	/* no-break space, soft hyphen, zero-width space; typeset, invisible, missing */
	EXPECT_ESCAPE(&emit_latex, "\xc2\xa0\xc2\xad\xe2\x80\x8b", "~\\-\\allowbreak{}");
	EXPECT_ESCAPE(&emit_latex, "\xc3\xa9\xe2\x80\x94", "\xc3\xa9\xe2\x80\x94");
	EXPECT_ESCAPE(&emit_latex, "\x01\x7f\xe2\x80\xae\xf3\xa0\x80\x81",
		      "\\jobsheetcontrol{0001}\\jobsheetcontrol{007F}"
		      "\\jobsheetcontrol{202E}\\jobsheetcontrol{E0001}");
	EXPECT_ESCAPE(&emit_latex, "\xe4\xb8\xad\xf0\x9f\x98\x80",
		      "\\jobsheetmissing{4E2D}\\jobsheetmissing{1F600}");
	EXPECT_ESCAPE(&emit_latex, "\xff", "\\jobsheetmissing{FFFD}");
}

/* A break after each 30 characters without a space or a hyphen; a
 * character is counted once, however many bytes and escapes it takes. */
static void test_latex_runs(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_latex, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\jobsheetbreak{}a");
	EXPECT_ESCAPE(&emit_latex, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a",
		      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a");
	EXPECT_ESCAPE(&emit_latex, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xc3\xa9\xc3\xa9#",
		      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xc3\xa9\\jobsheetbreak{}\xc3\xa9\\#");
	EXPECT_ESCAPE(&emit_latex, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa__",
		      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\jobsheetbreak{}\\_\\_");
}

static void test_c(void **state)
{
	(void)state;
	EXPECT_ESCAPE(&emit_c, "a\"'?\\\a\b\t\n\v\f\r", "a\\\"\\'\\?\\\\\\a\\b\\t\\n\\v\\f\\r");
	EXPECT_ESCAPE(&emit_c, "\x01\x1f\x7f\xc3\xa9" "1", "\\001\\037\\177\\303\\2511");
	EXPECT_ESCAPE(&emit_c, "?" "?=", "\\?\\?=");  /* no trigraph */
}

/* Characters are written while fewer than `limit` bytes are: the last
 * may cross it, none is cut. */
static void test_upto(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	assert_int_equal(emit_escape_upto(&b, &emit_c, "abcdefg", 7, 5), 5);
	assert_int_equal(emit_escape_upto(&b, &emit_c, "ab\"cd", 5, 3), 3);
	assert_int_equal(emit_escape_upto(&b, &emit_c, "\xc3\xa9xy", 4, 5), 2);
	assert_int_equal(emit_escape_upto(&b, &emit_c, "ab", 2, 9), 2);
	assert_int_equal(emit_escape_upto(&b, &emit_c, "", 0, 9), 0);
	assert_string_equal(b.data, "abcdeab\\\"\\303\\251ab");
	buf_free(&b);
}

static void test_utf8(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(emit_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(emit_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(emit_utf8_decode("\xe2\x80\xa8", 3, &cp), 3);
	assert_int_equal(cp, 0x2028);
	assert_int_equal(emit_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(emit_utf8_decode("\xe2\x80\xa8", 2, &cp), 0);
	assert_int_equal(emit_utf8_decode("\xa9", 1, &cp), 0);
	assert_int_equal(emit_utf8_decode("\xc1\x81", 2, &cp), 0);
	assert_int_equal(emit_utf8_decode("\xf5\x80\x80\x80", 4, &cp), 0);

	assert_int_equal(emit_utf8_prefix("abc", 3, 2), 2);
	assert_int_equal(emit_utf8_prefix("abc", 3, 3), 3);
	assert_int_equal(emit_utf8_prefix("abc", 3, 9), 3);
	assert_int_equal(emit_utf8_prefix("\xc3\xa9\xf0\x9f\x98\x80z", 7, 2), 6);
	assert_int_equal(emit_utf8_prefix("\xc3\xa9", 2, 0), 0);
}

static void test_numbers(void **state)
{
	(void)state;
	EXPECT("0 42 18446744073709551615", b, emit_size(&b, 0); buf_putc(&b, ' ');
	       emit_size(&b, 42); buf_putc(&b, ' '); emit_digits(&b, UINT64_MAX, 10, 1, false));
	EXPECT("001B 1f600 10FFFF 0", b, emit_hex(&b, 0x1b, 4, true); buf_putc(&b, ' ');
	       emit_hex(&b, 0x1f600, 4, false); buf_putc(&b, ' ');
	       emit_hex(&b, 0x10ffff, 4, true); buf_putc(&b, ' '); emit_hex(&b, 0, 1, true));
	EXPECT("007 377", b, emit_digits(&b, 7, 8, 3, false); buf_putc(&b, ' ');
	       emit_digits(&b, 255, 8, 3, false));
}

static void test_fmt(void **state)
{
	(void)state;
	EXPECT("\\x{a\\_b}{} 7% %", b,
	       emit_fmt(&b, &emit_latex, "\\%s{%t}{%t} %z%% %", "x", "a_b", (const char *)NULL,
			(size_t)7));
}

static void fill_stars(struct buf *b, const void *ctx)
{
	buf_puts(b, ctx);
}

static void test_template(void **state)
{
	(void)state;
	const struct emit_hole holes[] = {
		{ "p", "jobc_", NULL },
		{ "rows", NULL, fill_stars },
	};
	static const char tmpl[] = "@p@x @rows@@p@y a@b @q@ @p @";
	EXPECT("jobc_x **jobc_y a@b @q@ @p @", b,
	       emit_template(&b, tmpl, sizeof tmpl - 1, holes, 2, "**"));
}

/* The writer's three layouts of the same calls. */
static void write_sample(struct emit_json *w)
{
	emit_json_open(w, '{');
	emit_json_key_cstr(w, "a", "x\"y");
	emit_json_key(w, "b");
	emit_json_open(w, '[');
	emit_json_size(w, 1);
	emit_json_literal(w, "true");
	emit_json_cstr(w, NULL);
	emit_json_close(w, ']');
	emit_json_key(w, "c");
	emit_json_open(w, '[');
	emit_json_close(w, ']');
	emit_json_key(w, "d");
	emit_json_open_line(w, '{');
	emit_json_key(w, "e");
	emit_json_string_open(w);
	emit_json_string_part(w, "1", 1);
	emit_json_string_part(w, "\n", 1);
	emit_json_string_part(w, "2", 1);
	emit_json_string_close(w);
	emit_json_key(w, "f");
	emit_json_string(w, "</", 2);
	emit_json_close(w, '}');
	emit_json_close(w, '}');
}

static void test_json_writer(void **state)
{
	(void)state;
	EXPECT("{\n  \"a\": \"x\\\"y\",\n  \"b\": [\n    1,\n    true,\n    null\n  ],\n"
	       "  \"c\": [],\n  \"d\": { \"e\": \"1\\n2\", \"f\": \"</\" }\n}", b,
	       struct emit_json w = { .b = &b, .esc = &emit_json };
	       write_sample(&w));
	EXPECT("{\"a\":\"x\\\"y\",\"b\":[1,true,null],\"c\":[],\"d\":{\"e\":\"1\\n2\",\"f\":\"</\"}}",
	       b, struct emit_json w = { .b = &b, .esc = &emit_json, .compact = true };
	       write_sample(&w));
	EXPECT("{\n  \"a\": \"x\\\"y\",\n  \"b\": [\n    1,\n    true,\n    null\n  ],\n"
	       "  \"c\": [],\n  \"d\": { \"e\": \"1\\n2\", \"f\": \"\\u003c/\" }\n}", b,
	       struct emit_json w = { .b = &b, .esc = &emit_json_script };
	       write_sample(&w));
}

/* A value written one level deeper (at depth 2), copied to stand at depth 1. */
static void test_json_copy(void **state)
{
	(void)state;
	static const char deeper[] = "[\n      1,\n      \"a\\nb\"\n    ]";
	EXPECT("{\n  \"k\": [\n    1,\n    \"a\\nb\"\n  ]\n}", b,
	       struct emit_json w = { .b = &b, .esc = &emit_json };
	       emit_json_open(&w, '{'); emit_json_key(&w, "k");
	       emit_json_copy(&w, deeper, sizeof deeper - 1, 1); emit_json_close(&w, '}'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_json_plain),
		cmocka_unit_test(test_json_script),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_latex),
		cmocka_unit_test(test_latex_runs),
		cmocka_unit_test(test_c),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_upto),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_json_writer),
		cmocka_unit_test(test_json_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
