/*
 * test_code.c - codes (src/code.h): what is one, the rule of families, and
 * the file names and LaTeX labels they give, which must be legal and must
 * never collide: checked on every pair of a few thousand random codes.
 */
#include "support.h"

#include "ast.h"
#include "code.h"

static bool valid(const char *s)
{
	return code_valid(s, strlen(s));
}

static void test_valid(void **state)
{
	(void)state;
	static const char *const good[] = {
		"1", "1.1", "3.5a", "41", "DEV", "DEV-01", "15-1252.00", "IT.3.2", "2.2A", "a_b",
		"X1-y2_z3.4",
	};
	static const char *const bad[] = {
		"", ".1", "1.", "-1", "1-", "_1", "1_", "1..1", "1.-1", "1__1", "a b", "d\xc3\xa9v",
		"1/2", "a+b", "1,2",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(valid(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(valid(bad[i]));
}

static void test_family(void **state)
{
	(void)state;
	assert_true(code_in_family("3.3a", "3"));
	assert_true(code_in_family("DEV-01", "DEV"));
	assert_true(code_in_family("15-1252.00", "15"));
	assert_true(code_in_family("IT.3.2", "IT.3"));
	assert_true(code_in_family("IT.3.2", "IT"));
	assert_true(code_in_family("3_1", "3"));
	/* codes compare as codes: runs of digits as numbers */
	assert_true(code_in_family("03.1", "3"));
	assert_false(code_in_family("15-1252.00", "DEV"));
	assert_false(code_in_family("12.1", "1"));
	assert_false(code_in_family("1", "1"));
	assert_false(code_in_family("DEV01", "DEV"));
	assert_false(code_in_family("dev-01", "DEV"));
	assert_false(code_in_family("3.5a", "3.5"));
}

/* What f writes for code. */
static char *named(void (*f)(struct buf *, const char *), const char *code)
{
	struct buf b;
	buf_init(&b);
	f(&b, code);
	buf_putc(&b, '\0');
	assert_false(b.failed);
	return b.data;
}

static void expect_named(void (*f)(struct buf *, const char *), const char *code,
			 const char *want)
{
	char *s = named(f, code);
	assert_string_equal(s, want);
	free(s);
}

static void test_names(void **state)
{
	(void)state;
	expect_named(code_file_name, "3.5a", "3.5a");
	expect_named(code_file_name, "DEV-01", "DEV-01");
	expect_named(code_file_name, "CON", "CON_");
	expect_named(code_file_name, "nul.2", "nul_.2");
	expect_named(code_file_name, "Com1", "Com1_");
	expect_named(code_file_name, "LPT9.1a", "LPT9_.1a");
	expect_named(code_file_name, "CON-1", "CON-1");
	expect_named(code_file_name, "CONS", "CONS");
	expect_named(code_file_name, "COM", "COM");
	expect_named(code_label, "3.5a", "3-5a");
	expect_named(code_label, "3-5a", "3--5a");
	expect_named(code_label, "3_5a", "3---5a");
	expect_named(code_label, "15-1252.00", "15--1252-00");
}

/* A random code: one to four runs of letters and digits (some of the
 * letters those of device names), separated by separators. */
static void random_code(char *out, unsigned *seed)
{
	static const char chars[] = "01CONULPTM9aBcdnulxX";
	static const char seps[] = ".-_";
	size_t n = 0, runs = 1 + rand_r(seed) % 4;
	for (size_t r = 0; r < runs; r++) {
		if (r > 0)
			out[n++] = seps[rand_r(seed) % 3];
		size_t len = 1 + rand_r(seed) % 4;
		for (size_t i = 0; i < len; i++)
			out[n++] = chars[rand_r(seed) % (sizeof chars - 1)];
	}
	out[n] = '\0';
}

static bool same_folded(const char *a, const char *b)
{
	return ast_code_compare_n(a, strlen(a), b, strlen(b), true) == 0;
}

static int strcmp_nocase(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
		int cb = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

/* Codes the validator lets stand together (not the same, nor the same
 * but for case) give file names that differ even without case, and
 * labels that differ; file names are no device's, labels are letters,
 * digits and hyphens. */
static void test_no_collision(void **state)
{
	(void)state;
	enum { N = 3000 };
	static char codes[N][24];
	char *files[N], *labels[N];
	unsigned seed = 17;
	for (size_t i = 0; i < N; i++) {
		random_code(codes[i], &seed);
		assert_true(valid(codes[i]));
		files[i] = named(code_file_name, codes[i]);
		labels[i] = named(code_label, codes[i]);
		assert_int_equal(strspn(labels[i], "0123456789-abcdefghijklmnopqrstuvwxyz"
					"ABCDEFGHIJKLMNOPQRSTUVWXYZ"), strlen(labels[i]));
		char *dot = strchr(files[i], '.');
		char stem[24];
		snprintf(stem, sizeof stem, "%.*s", dot ? (int)(dot - files[i]) : 23, files[i]);
		for (const char *d = "CON\0PRN\0AUX\0NUL\0"; *d; d += 4)
			assert_true(strcmp_nocase(stem, d) != 0);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t j = i + 1; j < N; j++) {
			if (same_folded(codes[i], codes[j]))
				continue;
			assert_true(strcmp_nocase(files[i], files[j]) != 0);
			assert_true(strcmp(labels[i], labels[j]) != 0);
		}
	for (size_t i = 0; i < N; i++) {
		free(files[i]);
		free(labels[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_family),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_no_collision),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
