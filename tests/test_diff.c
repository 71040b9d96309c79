/*
 * test_diff.c - how jobc diff pairs items by their text (src/diff_match.c):
 * the same place first, then anywhere, then close texts, closest first;
 * kinds apart; the limit of 40% edits. tests/check-diff.sh has the
 * whole command on editions.
 */
#include "support.h"

#include "diff_match.h"

static const char P1[] = "p1", P2[] = "p2";

/* Pairs a with b and checks a's matches against want (-1: none). */
static void expect_pairs(const struct diff_entry *a, size_t na, const struct diff_entry *b,
			 size_t nb, const long *want)
{
	long to_b[16], to_a[16];
	assert_int_equal(diff_match(a, na, b, nb, to_b, to_a), 0);
	for (size_t i = 0; i < na; i++) {
		assert_int_equal(to_b[i], want[i]);
		if (to_b[i] >= 0)
			assert_int_equal(to_a[to_b[i]], (long)i);
	}
	for (size_t j = 0; j < nb; j++)
		if (to_a[j] >= 0)
			assert_int_equal(to_b[to_a[j]], (long)j);
}

static void test_same_place_first(void **state)
{
	(void)state;
	/* The same text in two places, both kept: each stays where it was,
	 * though the order of the blocks changed. */
	const struct diff_entry a[] = { { "Tide tables.", 0, P1 }, { "Tide tables.", 0, P2 } };
	const struct diff_entry b[] = { { "Tide tables.", 0, P2 }, { "Tide tables.", 0, P1 } };
	expect_pairs(a, 2, b, 2, (const long[]){ 1, 0 });
}

static void test_moved(void **state)
{
	(void)state;
	/* Equal texts pair across places before close texts pair at all. */
	const struct diff_entry a[] = { { "Radar watch", 0, P1 }, { "Radar watches", 0, P2 } };
	const struct diff_entry b[] = { { "Radar watches", 0, P1 }, { "Radar watch", 0, P2 } };
	expect_pairs(a, 2, b, 2, (const long[]){ 1, 0 });
}

static void test_close_texts(void **state)
{
	(void)state;
	/* Reworded within 40% of the longer text pairs, closest first; case
	 * does not count; what is left over stays unpaired. */
	const struct diff_entry a[] = {
		{ "Patience with non-native speakers.", 0, P1 },
		{ "Deck officer certificate.", 0, P1 },
		{ "Rosters", 0, P1 },
		{ "CALM UNDER PRESSURE.", 0, P1 },
	};
	const struct diff_entry b[] = {
		{ "Briefings", 0, P1 },
		{ "Calm under pressure.", 0, P2 },
		{ "Deck officer certificate, or equivalent.", 0, P1 },
		{ "Patience with non native speakers.", 0, P1 },
	};
	expect_pairs(a, 4, b, 4, (const long[]){ 3, 2, -1, 1 });
}

static void test_closest_first(void **state)
{
	(void)state;
	/* "night watch." is closer to "night watch;" than to "night watches":
	 * the closest pair is taken, the other text pairs with what is left. */
	const struct diff_entry a[] = { { "night watches", 0, NULL }, { "night watch.", 0, NULL } };
	const struct diff_entry b[] = { { "night watch;", 0, NULL }, { "night watchmen", 0, NULL } };
	expect_pairs(a, 2, b, 2, (const long[]){ 1, 0 });
}

static void test_limit(void **state)
{
	(void)state;
	/* 10 characters: 4 edits pair, 5 do not. */
	const struct diff_entry a[] = { { "abcdefghij", 0, NULL }, { "klmnopqrst", 0, NULL } };
	const struct diff_entry b[] = { { "abcdefWXYZ", 0, NULL }, { "klmnoVWXYZ", 0, NULL } };
	expect_pairs(a, 2, b, 2, (const long[]){ 0, -1 });
}

static void test_kinds_apart(void **state)
{
	(void)state;
	/* An education line never pairs with an experience line. */
	const struct diff_entry a[] = { { "Two years at sea.", 1, NULL } };
	const struct diff_entry b[] = { { "Two years at sea.", 2, NULL }, { "Two years at sea!", 1, NULL } };
	expect_pairs(a, 1, b, 2, (const long[]){ 1 });
}

static void test_long_texts(void **state)
{
	(void)state;
	/* Over 4096 bytes, only equal texts pair. */
	static char x[5000], y[5000], z[5000];
	memset(x, 'a', sizeof x - 1);
	memcpy(y, x, sizeof y);
	y[10] = 'b';
	memcpy(z, x, sizeof z);
	const struct diff_entry a[] = { { x, 0, NULL }, { y, 0, NULL } };
	const struct diff_entry b[] = { { z, 0, NULL }, { "short", 0, NULL } };
	expect_pairs(a, 2, b, 2, (const long[]){ 0, -1 });
}

static void test_empty(void **state)
{
	(void)state;
	const struct diff_entry a[] = { { "x", 0, NULL } };
	long to_b[1], to_a[1];
	assert_int_equal(diff_match(a, 1, NULL, 0, to_b, to_a), 0);
	assert_int_equal(to_b[0], -1);
	assert_int_equal(diff_match(NULL, 0, a, 1, to_b, to_a), 0);
	assert_int_equal(to_a[0], -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_place_first),
		cmocka_unit_test(test_moved),
		cmocka_unit_test(test_close_texts),
		cmocka_unit_test(test_closest_first),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_kinds_apart),
		cmocka_unit_test(test_long_texts),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
