/*
 * test_html_search.c - the site's search index (backends/html_search*.c):
 * what a word is, the rules search.js reads to cut the reader's words the
 * same way, and the inverted index of a small catalogue. search.js itself
 * is driven in Chromium by tests/html/site-test.mjs.
 */
#include "support.h"

#include "../backends/html_search.h"

/* The words of text, folded, joined by '|'. */
static void expect_words(const char *text, const char *want)
{
	struct html_words w = { text, strlen(text), 0 };
	struct buf word, all;
	buf_init(&word);
	buf_init(&all);
	while (html_words_next(&w, &word)) {
		if (all.len)
			buf_putc(&all, '|');
		buf_put(&all, word.data, word.len);
	}
	assert_false(word.failed || all.failed);
	assert_string_equal(all.len ? all.data : "", want);
	buf_free(&word);
	buf_free(&all);
}

static void test_words(void **state)
{
	(void)state;
	expect_words("", "");
	expect_words("  ... ", "");
	expect_words("Database backups, SQL/ERP", "database|backups|sql|erp");
	expect_words("C:\\temp\\ 3.5a <b>x</b>", "c|temp|3|5a|b|x|b");
	/* Latin letters to their base, whatever the form of the accent. */
	expect_words("\xc3\x89volution", "evolution");              /* Évolution */
	expect_words("E\xcc\x81volution", "evolution");             /* E + U+0301 */
	expect_words("Stra\xc3\x9f" "e \xc5\x92uvre \xc3\x86ther", "strasse|oeuvre|aether");
	expect_words("\xc5\x81\xc3\xb3" "d\xc5\xba \xc4\xb2", "lodz|ij");
	/* Separators beyond ASCII: ’ (U+2019), × (U+00D7), ↗, the ideographic full stop. */
	expect_words("l\xe2\x80\x99\xc3\xa9quipe 2\xc3\x97" "3 \xe2\x86\x97up \xe6\x97\xa5\xe6\x9c\xac\xe3\x80\x82\xe8\xaa\x9e",
		     "l|equipe|2|3|up|\xe6\x97\xa5\xe6\x9c\xac|\xe8\xaa\x9e");
	/* Other scripts as written; a long word keeps its first 32 characters. */
	expect_words("\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1", "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1");
	expect_words("abcdefghijklmnopqrstuvwxyz0123456789 end", "abcdefghijklmnopqrstuvwxyz012345|end");
}

/* The rules search.js reads say what the C code does: every ASCII byte that
 * is not a letter or a digit ends a word, and the first ranges say so. */
static void test_rules(void **state)
{
	(void)state;
	for (int c = 1; c < 128; c++) {
		char text[4] = { 'a', (char)c, 'b', 0 };
		struct html_words w = { text, 3, 0 };
		struct buf word;
		buf_init(&word);
		size_t n = 0;
		while (html_words_next(&w, &word))
			n++;
		buf_free(&word);
		bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		assert_int_equal(n, alnum ? 1 : 2);
	}
	struct buf b;
	buf_init(&b);
	struct emit_json j = { .b = &b, .esc = &emit_json_script, .compact = true };
	emit_json_open(&j, '{');
	html_words_rules(&j);
	emit_json_close(&j, '}');
	assert_non_null(strstr(b.data, "\"maxWord\":32,\"sep\":[[0,47],[58,64],[91,96],[123,191],"));
	assert_non_null(strstr(b.data, "\"skip\":[[768,879],"));
	assert_non_null(strstr(b.data, "[\"A\",\"a\"]"));
	assert_non_null(strstr(b.data, "[\"\xc3\x89\",\"e\"]"));
	assert_non_null(strstr(b.data, "[\"\xc3\x9f\",\"ss\"]"));
	assert_null(strstr(b.data, "[\"\xc3\x97\","));   /* × is a separator, not folded */
	buf_free(&b);
}

/* The index of a term: its postings as (sheet, where) pairs. */
static const struct html_term *find_term(const struct html_index *x, const char *word)
{
	for (size_t i = 0; i < x->n_terms; i++) {
		const struct html_term *t = &x->terms[x->order[i]];
		if (t->len == strlen(word) && memcmp(x->text.data + t->text, word, t->len) == 0)
			return t;
	}
	return NULL;
}

static void test_index(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.2 \"Backup Operator\" {\n    family 1\n    aka \"Backup op\"\n"
		      "    mission { \"Runs the backups.\" }\n"
		      "    activities { \"Backup\" { \"Restore a database\" } }\n"
		      "    technological essential { C \"Database backup tools.\" }\n"
		      "    career { education \"Ed.\" experience \"Ex.\" }\n}\n"
		      "sheet 1.10 \"Database Administrator\" {\n    family 1\n" TEST_SHEET_BODY "}\n");
	assert_int_equal(r.diag.errors, 0);
	struct html_index x;
	assert_int_equal(html_index_build(&x, frontend_root(r.fe)), 0);
	/* Terms in byte order, each once. */
	for (size_t i = 1; i < x.n_terms; i++) {
		const struct html_term *a = &x.terms[x.order[i - 1]], *b = &x.terms[x.order[i]];
		int d = memcmp(x.text.data + a->text, x.text.data + b->text, a->len < b->len ? a->len : b->len);
		assert_true(d < 0 || (d == 0 && a->len < b->len));
	}
	/* "backup": sheet 0 (1.2) in its title, other title, activities, knowledge. */
	const struct html_term *t = find_term(&x, "backup");
	assert_non_null(t);
	assert_int_equal(t->count, 1);
	assert_int_equal(x.sorted[t->first], 0 << HTML_IN_BITS | HTML_IN_TITLE | HTML_IN_AKA |
			 HTML_IN_TASKS | HTML_IN_KNOWLEDGE);
	/* "database": both sheets, in sheet (code) order: 1.2 then 1.10. */
	t = find_term(&x, "database");
	assert_non_null(t);
	assert_int_equal(t->count, 2);
	assert_int_equal(x.sorted[t->first], 0 << HTML_IN_BITS | HTML_IN_TASKS | HTML_IN_KNOWLEDGE);
	assert_int_equal(x.sorted[t->first + 1], 1 << HTML_IN_BITS | HTML_IN_TITLE);
	t = find_term(&x, "10");
	assert_non_null(t);
	assert_int_equal(x.sorted[t->first], 1 << HTML_IN_BITS | HTML_IN_CODE);
	assert_null(find_term(&x, "Backup"));
	html_index_free(&x);
	test_run_end(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
