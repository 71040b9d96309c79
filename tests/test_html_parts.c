/*
 * test_html_parts.c - how the HTML backend cuts a long list into pages
 * (html_cut, backends/html_parts.c): whole runs of one initial where they
 * fit, pieces where they do not. A site built in parts is checked by
 * tests/test_html.c and read in Chromium by tests/html/site-test.mjs (the
 * tricky catalogue).
 */
#include "support.h"

#include "../backends/html.h"

/* The parts html_cut makes, as "first-end" or "first-end:piece/pieces". */
static void expect_cut(const size_t *cost, const uint32_t *run, size_t n, size_t budget,
		       size_t max_units, const char *want)
{
	struct html_parts ps = { 0 };
	size_t cap = 0;
	assert_int_equal(html_cut(&ps, &cap, cost, run, n, 10, budget, max_units), 0);
	char got[256] = "";
	for (size_t i = 0; i < ps.n; i++) {
		char one[32];
		if (ps.part[i].pieces)
			snprintf(one, sizeof one, "%s%zu-%zu:%zu/%zu", i ? " " : "", ps.part[i].first,
				 ps.part[i].end, ps.part[i].piece, ps.part[i].pieces);
		else
			snprintf(one, sizeof one, "%s%zu-%zu", i ? " " : "", ps.part[i].first, ps.part[i].end);
		strcat(got, one);
	}
	assert_string_equal(got, want);
	free(ps.part);
}

static void test_cut(void **state)
{
	(void)state;
	const size_t three[] = { 3, 3, 3, 3, 3 };
	expect_cut(three, NULL, 0, 7, SIZE_MAX, "");
	expect_cut(three, NULL, 5, 100, SIZE_MAX, "10-15");
	expect_cut(three, NULL, 5, 7, SIZE_MAX, "10-12 12-14 14-15");
	expect_cut(three, NULL, 5, 100, 2, "10-12 12-14 14-15");
	/* Parts of one size rather than full ones and a small last one. */
	const size_t ten[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	expect_cut(ten, NULL, 10, 8, SIZE_MAX, "10-15 15-20");
	expect_cut(ten, NULL, 10, 100, 4, "10-14 14-18 18-20");
	expect_cut(ten, NULL, 7, 100, 6, "10-14 14-17");
	/* A unit larger than a page is a page of its own. */
	const size_t big[] = { 1, 9, 1 };
	expect_cut(big, NULL, 3, 5, SIZE_MAX, "10-11 11-12 12-13");
	/* Runs stay whole when they fit; a run too large is cut in pieces. */
	const size_t ones[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	const uint32_t runs[] = { 'A', 'A', 'B', 'B', 'B', 'C', 'D', 'D', 'D', 'D' };
	expect_cut(ones, runs, 10, 3, SIZE_MAX, "10-12 12-15 15-16 16-19:1/2 19-20:2/2");
	expect_cut(ones, runs, 10, 6, SIZE_MAX, "10-16 16-20");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
