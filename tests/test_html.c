/*
 * test_html.c - the HTML backend's own pieces: its escaping (exact bytes for
 * every class of character), its markup printf, the order of the knowledge
 * index, the files it stages, and a site cut into parts. The site as a whole
 * is read in a browser by tests/html.mk.
 */
#include "support.h"

#include "../backends/html.h"
#include "backend.h"
#include "output.h"

/* A buffer filled by fn(b, s), compared with want, then freed. */
static void expect(void (*fn)(struct buf *, const char *), const char *s, const char *want)
{
	struct buf b;
	buf_init(&b);
	fn(&b, s);
	assert_false(b.failed);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.len ? b.data : "", want, b.len);
	buf_free(&b);
}

static void test_text_markup(void **state)
{
	(void)state;
	expect(html_text, "", "");
	expect(html_text, "plain text, é 日本 😀", "plain text, é 日本 😀");
	expect(html_text, "a<b>&\"'", "a&lt;b&gt;&amp;&quot;&#39;");
	expect(html_text, "</script><!-- -->", "&lt;/script&gt;&lt;!-- --&gt;");
	expect(html_text, "&amp;", "&amp;amp;");
}

/* Characters HTML cannot hold in any form show as something visible. */
static void test_text_forbidden(void **state)
{
	(void)state;
	expect(html_text, "a\x01" "b\x1b" "c\x7f", "a\xe2\x90\x81" "b\xe2\x90\x9b" "c\xe2\x90\xa1");
	expect(html_text, "tab\tlf\nff\fcr\r", "tab\tlf\nff\fcr\xe2\x90\x8d");
	/* U+0085 (C1), U+FDD0, U+FFFE, U+1FFFE: noncharacters and C1 -> U+FFFD */
	expect(html_text, "\xc2\x85|\xef\xb7\x90|\xef\xbf\xbe|\xf0\x9f\xbf\xbe",
	       "\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd");
	/* U+FDEF is the last noncharacter of its block, U+FDF0 is fine. */
	expect(html_text, "\xef\xb7\xaf\xef\xb7\xb0", "\xef\xbf\xbd\xef\xb7\xb0");
	/* U+2028 and bidi controls are allowed in HTML and kept. */
	expect(html_text, "\xe2\x80\xa8\xe2\x80\xae", "\xe2\x80\xa8\xe2\x80\xae");
	/* A byte that is not UTF-8 (the front end lets none through). */
	expect(html_text, "x\xffy", "x\xef\xbf\xbdy");
}

static void test_json(void **state)
{
	(void)state;
	expect(html_json_text, "plain é 😀", "plain é 😀");
	expect(html_json_text, "q\"b\\s/", "q\\\"b\\\\s/");
	expect(html_json_text, "</script><!--&>", "\\u003c/script\\u003e\\u003c!--\\u0026\\u003e");
	expect(html_json_text, "\b\f\n\r\t\x01\x1f\x7f", "\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f");
	expect(html_json_text, "\xe2\x80\xa8\xe2\x80\xa9", "\\u2028\\u2029");
	expect(html_json_text, "\xc2\x85\xef\xbf\xbe\xf0\x9f\xbf\xbe", "\\u0085\\ufffe\\ud83f\\udffe");
}

static void test_fmt(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	html_fmt(&b, "<p class=\"%s\">%t %z%%</p>", "raw\"", "<&>", (size_t)42);
	assert_string_equal(b.data, "<p class=\"raw\"\">&lt;&amp;&gt; 42%</p>");
	buf_free(&b);
}

#define ITEMS_SHEET(code, items)                                           \
	"sheet " code " \"S" code "\" {\n    family 1\n"                       \
	"    mission { \"M.\" }\n    activities { \"G\" { \"T\" } }\n"          \
	items                                                              \
	"    career { education \"Ed.\" experience \"Ex.\" }\n}\n"

/* Case is ignored first, then bytes decide; sheets in code order. */
static void test_kindex_order(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      ITEMS_SHEET("1.10", "    technological essential { C \"beta\" K \"Alpha\" }\n"
					  "    behavioural useful { \"alpha\" }\n")
		      ITEMS_SHEET("1.2", "    technological useful { E \"alpha\" K \"beta\" C \"Alpha\" }\n"));
	assert_int_equal(r.diag.errors, 0);
	const struct ast_root *root = frontend_root(r.fe);
	struct html_kindex k;
	assert_int_equal(html_kindex_build(&k, root), 0);
	const struct { const char *text, *sheet; size_t group; } want[] = {
		{ "Alpha", "1.2", 0 }, { "Alpha", "1.10", 0 }, { "alpha", "1.2", 1 },
		{ "beta", "1.2", 2 }, { "beta", "1.10", 2 }, { "alpha", "1.10", 3 },
	};
	assert_int_equal(k.n, 6);
	assert_int_equal(k.n_groups, 4);
	for (size_t i = 0; i < k.n; i++) {
		assert_string_equal(k.entries[i].item->text.text, want[i].text);
		assert_string_equal(k.entries[i].sheet->code.text, want[i].sheet);
		assert_int_equal(k.entries[i].group, want[i].group);
	}
	/* Each sheet's items in source order: sheet 1's third, the behavioural
	 * "alpha", is not in the technological one's group. */
	assert_int_equal(html_kindex_sheet_groups(&k, 1)[2], 3);
	assert_int_equal(html_kindex_sheet_groups(&k, 0)[0], 1);
	html_kindex_free(&k);
	test_run_end(&r);
}

/* The text of a staged file, or NULL. */
static const char *staged_or_null(const struct out_set *out, const char *path)
{
	for (size_t i = 0; i < out_count(out); i++)
		if (strcmp(out_path(out, i), path) == 0)
			return out_content(out, i)->data;
	return NULL;
}

/* The text of a staged file, or a failure naming the path. */
static const char *staged(const struct out_set *out, const char *path)
{
	const char *text = staged_or_null(out, path);
	if (!text) {
		print_error("not staged: %s\n", path);
		fail();
	}
	return text;
}

static void test_emit(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE
		      "sheet 1.1 \"A & B </script>\" {\n    family 1\n    aka \"<i>\"\n"
		      TEST_SHEET_BODY "}\n");
	assert_int_equal(r.diag.errors, 0);
	const struct backend_options opts = { 0 };
	struct out_set *out = out_set_new(), *again = out_set_new();
	assert_int_equal(backend_html.emit(frontend_root(r.fe), &opts, out, &r.diag), 0);
	assert_int_equal(backend_html.emit(frontend_root(r.fe), &opts, again, &r.diag), 0);
	const char *paths[] = { "html/style.css", "html/index.html", "html/knowledge.html",
				"html/sheets/1.1.html", "html/matrix/1.html", "html/search.js",
				"html/search/meta.js", "html/search/t-0.js", "html/search/d-0.js" };
	assert_int_equal(out_count(out), 9);
	for (size_t i = 0; i < 9; i++) {
		assert_string_equal(out_path(out, i), paths[i]);
		assert_string_equal(out_content(out, i)->data, out_content(again, i)->data);
	}
	assert_non_null(strstr(staged(out, "html/style.css"), "generated by jobc, do not edit"));
	assert_non_null(strstr(staged(out, "html/search.js"), "generated by jobc, do not edit"));
	/* The index's texts are JSON inside JavaScript: nothing can end them. */
	assert_non_null(strstr(staged(out, "html/search/d-0.js"),
			       "jobcSearch.docs(0,[[\"1.1\",\"A \\u0026 B \\u003c/script\\u003e\","
			       "[\"\\u003ci\\u003e\"],\"M.\"]]);\n"));
	const char *page = staged(out, "html/sheets/1.1.html");
	assert_non_null(strstr(page, "<h1><span class=\"code\">1.1</span> "
				"<span class=\"name\">A &amp; B &lt;/script&gt;</span></h1>"));
	assert_non_null(strstr(page, "\"name\": \"A \\u0026 B \\u003c/script\\u003e\""));
	assert_non_null(strstr(page, "\"alternateName\": [\n    \"\\u003ci\\u003e\"\n  ]"));
	assert_non_null(strstr(page, "href=\"../knowledge.html#k-1\">Item.</a>"));
	assert_non_null(strstr(staged(out, "html/index.html"),
			       "<a class=\"sheet-link\" href=\"sheets/1.1.html\">"));
	out_set_free(out);
	out_set_free(again);
	test_run_end(&r);
}

#define PARTS_SHEET(code, item)                                            \
	"sheet " code " \"Sheet " code "\" {\n    family 1\n"                \
	"    replaces " code "0 \"Old " code "\"\n"                         \
	"    mission { \"A mission long enough to count for something on the page.\" }\n" \
	"    activities { \"G\" { \"T\" } }\n"                              \
	"    technological essential { C \"" item "\" }\n"                  \
	"    career { education \"Ed.\" experience \"Ex.\" }\n}\n"

/* Three sheets of family 1, each replacing a position, with an item each. */
#define PARTS_SHEETS                                                       \
	PARTS_SHEET("1.1", "Alpha.") PARTS_SHEET("1.2", "Beta.") PARTS_SHEET("1.3", "Gamma.")

/* The site of r's model (without errors) with pages of 1 KB: every list cut. */
static struct out_set *split_site(struct test_run *r)
{
	assert_int_equal(r->diag.errors, 0);
	const struct backend_options opts = { .html_page_kb = 1 };
	struct out_set *out = out_set_new();
	assert_int_equal(backend_html.emit(frontend_root(r->fe), &opts, out, &r->diag), 0);
	return out;
}

/* With pages of 1 KB every list is cut, and each link from a page goes to
 * the part that holds its target. */
static void test_split_site(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, TEST_CATALOGUE PARTS_SHEETS);
	struct out_set *out = split_site(&r);
	/* The hubs link to the parts; each family, lineage, knowledge part exists. */
	const char *index = staged(out, "html/index.html");
	assert_non_null(strstr(index, "href=\"families/1-1.html\""));
	assert_non_null(strstr(index, "href=\"lineage/1.html\""));
	assert_null(strstr(index, "class=\"cards\""));
	assert_non_null(staged_or_null(out, "html/families/1-2.html"));
	assert_null(staged_or_null(out, "html/families/1-3.html"));
	assert_non_null(staged_or_null(out, "html/lineage/3.html"));
	assert_non_null(strstr(staged(out, "html/knowledge.html"), "href=\"knowledge/technological-2.html\""));
	const char *part = staged(out, "html/knowledge/technological-2.html");
	assert_non_null(strstr(part, "<tr id=\"k-3\"><th scope=\"row\">Gamma.</th>"));
	assert_null(strstr(part, "Beta."));
	assert_non_null(strstr(part, "<li><span aria-current=\"page\">G</span></li>"));
	assert_non_null(strstr(part, "<li><a href=\"../knowledge/technological-1.html\">A \xe2\x80\x93 B</a></li>"));
	assert_non_null(strstr(part, "rel=\"prev\" href=\"../knowledge/technological-1.html\""));
	/* A sheet's links go to the parts that hold their targets. */
	const char *sheet = staged(out, "html/sheets/1.3.html");
	assert_non_null(strstr(sheet, "href=\"../knowledge/technological-2.html#k-3\">Gamma.</a>"));
	assert_non_null(strstr(sheet, "href=\"../lineage/3.html#prev-1.30\""));
	assert_non_null(strstr(sheet, "href=\"../matrix/1-3.html\""));
	/* A card of a family part links to the lineage part of its position. */
	assert_non_null(strstr(staged(out, "html/families/1-2.html"),
			       "href=\"../lineage/3.html#prev-1.30\""));
	out_set_free(out);
	test_run_end(&r);
}

/* The site's own words are labels: a catalogue's block overrides them (the
 * others stay the language's), each is escaped where it goes, and a '%' in
 * one is text, never a format. */
static void test_site_labels(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, "catalogue \"Test\" {\n    language \"de\"\n    labels {\n"
		      "        search.box \"Find & <seek>\"\n"
		      "        search.first \"{k} of {n} %s\"\n"
		      "        matrix.heading \"Grid <of> skills\"\n"
		      "        parts.family \"%s%z: {n} sheets on {pages} pages\"\n"
		      "        parts.of \"Parts of {title} & more\"\n"
		      "        lineage.figure \"Lines & <curves>\"\n    }\n}\n"
		      "scale { K \"Knows\" C \"Commands\" E \"Expert\" }\n"
		      "category technological \"Tech\" levelled\nfamily 1 \"One\"\n"
		      PARTS_SHEETS);
	struct out_set *out = split_site(&r);
	const char *index = staged(out, "html/index.html");
	assert_non_null(strstr(index, "<label class=\"vh\" for=\"search-q\">Find &amp; &lt;seek&gt;"
				"</label>"));
	assert_non_null(strstr(index, "placeholder=\"Find &amp; &lt;seek&gt;\""));
	const char *meta = staged(out, "html/search/meta.js");
	assert_non_null(strstr(meta, "\"first\":\"{k} of {n} %s\""));
	assert_non_null(strstr(meta, "\"none\":\"Keine Stelle passt.\""));
	const char *family = staged(out, "html/families/1-1.html");
	assert_non_null(strstr(family, "<p class=\"lead\">%s%z: 3 sheets on 2 pages "));
	assert_non_null(strstr(family, "<nav class=\"parts\" aria-label=\"Parts of One &amp; more\">"));
	assert_non_null(strstr(family, "<span class=\"dir\">N\xc3\xa4" "chste Seite</span>"));
	const char *matrix = staged(out, "html/matrix/1-1.html");
	assert_non_null(strstr(matrix, "<h1>Grid &lt;of&gt; skills <span class=\"family-no\">"
				"Familie 1</span>"));
	assert_non_null(strstr(matrix, "<span aria-current=\"page\">Grid &lt;of&gt; skills</span>"));
	assert_non_null(strstr(staged(out, "html/lineage/1.html"),
			       "<figcaption>Lines &amp; &lt;curves&gt;</figcaption>"));
	out_set_free(out);
	test_run_end(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_markup),
		cmocka_unit_test(test_text_forbidden),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_kindex_order),
		cmocka_unit_test(test_emit),
		cmocka_unit_test(test_split_site),
		cmocka_unit_test(test_site_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
