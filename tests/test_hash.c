/*
 * test_hash.c - hash_bytes is XXH64 (seed 0): the values `xxhsum -H64`
 * gives, for every path through the code (under 4, 8 and 32 bytes, whole
 * stripes and a tail), and a change of any one byte changes it.
 */
#include "hash.h"
#include "support.h"

static void test_known_values(void **state)
{
	(void)state;
	static const struct { const char *text; uint64_t hash; } known[] = {
		{ "", 0xef46db3751d8e999u },
		{ "a", 0xd24ec4f1a98c6e5bu },
		{ "abc", 0x44bc2cf5ad770999u },
		{ "The quick brown fox jumps over the lazy dog", 0x0b242d361fda71bcu },
		{ "0123456789abcdef0123456789abcdef0123456789", 0xa76190c3acf08a1cu },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		assert_int_equal(hash_bytes(known[i].text, strlen(known[i].text)), known[i].hash);
}

static void test_one_byte_changes_it(void **state)
{
	(void)state;
	char text[100];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + i % 26);
	uint64_t h = hash_bytes(text, sizeof text);
	for (size_t i = 0; i < sizeof text; i++) {
		text[i] ^= 1;
		assert_true(hash_bytes(text, sizeof text) != h);
		text[i] ^= 1;
	}
	assert_true(hash_bytes(text, sizeof text - 1) != h);
	/* Unaligned data hashes as aligned data. */
	char copy[sizeof text + 1];
	memcpy(copy + 1, text, sizeof text);
	assert_int_equal(hash_bytes(copy + 1, sizeof text), h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_values),
		cmocka_unit_test(test_one_byte_changes_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
