/*
 * test_lsp_location.c - LSP positions and file URIs (src/lsp_location.h):
 * UTF-16 units and UTF-8 bytes both ways on text with characters of one
 * to four bytes, a surrogate pair, CRLF, a byte-order mark and an invalid
 * byte; positions past a line or past the text; URIs with spaces, '%',
 * non-ASCII names and authorities.
 */
#include "arena.h"
#include "lsp_location.h"
#include "mem.h"
#include "support.h"

/* "aé€𝒳b" then "x": 1 + 2 + 3 + 4 + 1 bytes, 1 + 1 + 1 + 2 + 1 UTF-16 units. */
static const char text[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9D\x92\xB3" "b\r\nx\xFFy";

static struct src_file file_of(struct arena *a, const char *t, size_t len)
{
	return (struct src_file){ .name = "t", .text = t, .len = len, .arena = a };
}

static void test_positions_both_ways(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct src_file f = file_of(a, text, sizeof text - 1);
	/* byte offset of b: 10; of x: 13 (after \r\n); of y: 15 (after 0xFF) */
	struct { uint32_t offset, line, utf16, utf8; } cases[] = {
		{ 0, 0, 0, 0 }, { 1, 0, 1, 1 }, { 3, 0, 2, 3 }, { 6, 0, 3, 6 },
		{ 10, 0, 5, 10 }, { 13, 1, 0, 0 }, { 14, 1, 1, 1 }, { 15, 1, 2, 2 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lsp_pos p16 = lsp_pos_of(&f, cases[i].offset, LSP_UTF16);
		struct lsp_pos p8 = lsp_pos_of(&f, cases[i].offset, LSP_UTF8);
		assert_int_equal(p16.line, cases[i].line);
		assert_int_equal(p16.character, cases[i].utf16);
		assert_int_equal(p8.character, cases[i].utf8);
		assert_int_equal(lsp_offset_of(f.text, f.len, p16, LSP_UTF16), cases[i].offset);
		assert_int_equal(lsp_offset_of(f.text, f.len, p8, LSP_UTF8), cases[i].offset);
	}
	arena_free(a);
}

static void test_positions_out_of_bounds(void **state)
{
	(void)state;
	size_t len = sizeof text - 1;
	/* Inside the surrogate pair: the character's start. */
	assert_int_equal(lsp_offset_of(text, len, (struct lsp_pos){ 0, 4 }, LSP_UTF16), 6);
	/* Past the end of line 0: before its "\r\n". */
	assert_int_equal(lsp_offset_of(text, len, (struct lsp_pos){ 0, 99 }, LSP_UTF16), 11);
	/* Past the last line: the end of the text. */
	assert_int_equal(lsp_offset_of(text, len, (struct lsp_pos){ 7, 0 }, LSP_UTF16), len);
	/* The end of the text is a position: after the last character. */
	struct arena *a = arena_new();
	struct src_file f = file_of(a, text, len);
	struct lsp_pos end = lsp_pos_of(&f, (uint32_t)len, LSP_UTF16);
	assert_int_equal(end.line, 1);
	assert_int_equal(end.character, 3);
	assert_int_equal(lsp_char_end(&f, 6), 10);
	assert_int_equal(lsp_char_end(&f, 14), 15);
	arena_free(a);
}

/* A byte-order mark is no character of the first line. */
static void test_positions_after_a_bom(void **state)
{
	(void)state;
	static const char bom[] = "\xEF\xBB\xBFsheet";
	struct arena *a = arena_new();
	struct src_file f = file_of(a, bom, sizeof bom - 1);
	assert_int_equal(lsp_pos_of(&f, 4, LSP_UTF16).character, 1);
	assert_int_equal(lsp_offset_of(bom, sizeof bom - 1, (struct lsp_pos){ 0, 1 }, LSP_UTF16), 4);
	arena_free(a);
}

static void test_uris(void **state)
{
	(void)state;
	char *uri = lsp_path_to_uri("/home/a b/100%/caf\xC3\xA9.jobsheet");
	assert_string_equal(uri, "file:///home/a%20b/100%25/caf%C3%A9.jobsheet");
	char *path = lsp_uri_to_path(uri);
	assert_string_equal(path, "/home/a b/100%/caf\xC3\xA9.jobsheet");
	mem_free(uri);
	mem_free(path);
	/* Lower-case escapes, an authority naming this machine, a query. */
	path = lsp_uri_to_path("file://localhost/x/%c3%a9?q#f");
	assert_string_equal(path, "/x/\xC3\xA9");
	mem_free(path);
	assert_null(lsp_uri_to_path("untitled:Untitled-1"));
	assert_null(lsp_uri_to_path("file://server/share/x"));
	assert_null(lsp_uri_to_path("file:///x/%00y"));
	path = lsp_uri_to_path("file:///x/%4");
	assert_string_equal(path, "/x/%4");
	mem_free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions_both_ways),
		cmocka_unit_test(test_positions_out_of_bounds),
		cmocka_unit_test(test_positions_after_a_bom),
		cmocka_unit_test(test_uris),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
