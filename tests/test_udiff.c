/*
 * test_udiff.c - the unified diff of jobc fmt --diff (src/udiff.c): read
 * back, its hunks give both texts again; its edits are as few as can be
 * (checked against the longest common subsequence); its format is diff -u's.
 */
#include "support.h"

#include "udiff.h"

/* A line of a hunk body, or of a text: [p, p + n), without its newline. */
struct line {
	const char *p;
	size_t n;
	bool newline;
};

static size_t split(const char *text, size_t len, struct line *lines)
{
	size_t n = 0;
	for (const char *p = text, *end = text + len; p < end; n++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		lines[n] = (struct line){ p, eol ? (size_t)(eol - p) : (size_t)(end - p), eol != NULL };
		p = eol ? eol + 1 : end;
	}
	return n;
}

static void put(struct buf *b, const struct line *l)
{
	buf_put(b, l->p, l->n);
	if (l->newline)
		buf_putc(b, '\n');
}

/*
 * Applies the diff to old, checking every context and deleted line against
 * it and the hunk headers against the hunks; returns the new text and
 * counts the changed lines.
 */
static void apply(const char *diff, const char *old, struct buf *out, size_t *changed)
{
	static struct line d[4096], o[2048];
	size_t nd = split(diff, strlen(diff), d), no = split(old, strlen(old), o), at = 0;
	assert_true(nd >= 2);
	assert_memory_equal(d[0].p, "--- t\n", 6);
	assert_memory_equal(d[1].p, "+++ t\n", 6);
	*changed = 0;
	for (size_t i = 2; i < nd;) {
		unsigned long a, as = 1, b, bs = 1;
		assert_true(d[i].n > 4 && memcmp(d[i].p, "@@ -", 4) == 0);
		char head[128];
		snprintf(head, sizeof head, "%.*s", (int)d[i].n, d[i].p);
		assert_true(sscanf(head, "@@ -%lu,%lu", &a, &as) >= 1);
		const char *plus = strchr(head, '+');
		assert_true(sscanf(plus, "+%lu,%lu", &b, &bs) >= 1);
		size_t from = as ? a - 1 : a;
		assert_true(from >= at);
		for (; at < from; at++)
			put(out, &o[at]);
		size_t seen_a = 0, seen_b = 0;
		for (i++; i < nd && d[i].p[0] != '@'; i++) {
			char kind = d[i].p[0];
			struct line body = { d[i].p + 1, d[i].n - 1, true };
			if (i + 1 < nd && d[i + 1].p[0] == '\\')
				body.newline = false, i++;
			if (kind != '+') {
				assert_true(at < no);
				assert_int_equal(body.n, o[at].n);
				assert_memory_equal(body.p, o[at].p, body.n);
				assert_int_equal(body.newline, o[at].newline);
				at++, seen_a++;
			}
			if (kind != '-')
				put(out, &body), seen_b++;
			*changed += kind != ' ';
		}
		assert_int_equal(seen_a, as);
		assert_int_equal(seen_b, bs);
	}
	for (; at < no; at++)
		put(out, &o[at]);
}

/* Lines changed by the shortest edit script: n + m - 2 LCS. */
static size_t fewest(const char *a, const char *b)
{
	static struct line x[2048], y[2048];
	static unsigned short lcs[257][257];
	size_t n = split(a, strlen(a), x), m = split(b, strlen(b), y);
	assert_true(n <= 256 && m <= 256);
	for (size_t i = n + 1; i-- > 0;)
		for (size_t j = m + 1; j-- > 0;) {
			if (i == n || j == m)
				lcs[i][j] = 0;
			else if (x[i].n == y[j].n && x[i].newline == y[j].newline &&
				 memcmp(x[i].p, y[j].p, x[i].n) == 0)
				lcs[i][j] = (unsigned short)(lcs[i + 1][j + 1] + 1);
			else
				lcs[i][j] = lcs[i + 1][j] > lcs[i][j + 1] ? lcs[i + 1][j] : lcs[i][j + 1];
		}
	return n + m - 2 * (size_t)lcs[0][0];
}

static void check_pair(const char *a, const char *b)
{
	struct buf diff, back;
	buf_init(&diff);
	buf_init(&back);
	assert_int_equal(udiff(&diff, "t", a, strlen(a), b, strlen(b)), 0);
	if (strcmp(a, b) == 0) {
		assert_int_equal(diff.len, 0);
	} else {
		size_t changed;
		apply(diff.data, a, &back, &changed);
		assert_int_equal(back.len, strlen(b));
		assert_memory_equal(back.data ? back.data : "", b, back.len);
		assert_int_equal(changed, fewest(a, b));
	}
	buf_free(&diff);
	buf_free(&back);
}

/* A text of n lines drawn from a few, so that many repeat. */
static void random_text(char *out, size_t n, unsigned *seed, bool final_newline)
{
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		char line[8];
		snprintf(line, sizeof line, "%c%s", 'a' + (*seed >> 16) % 5,
			 i + 1 < n || final_newline ? "\n" : "");
		strcat(out, line);
	}
}

static void test_random_pairs(void **state)
{
	(void)state;
	unsigned seed = 7;
	static char a[2048], b[2048];
	for (int k = 0; k < 3000; k++) {
		random_text(a, (size_t)(k % 40), &seed, k % 7 != 0);
		random_text(b, (size_t)((k * 7) % 37), &seed, k % 5 != 0);
		check_pair(a, b);
		check_pair(a, a);
	}
}

static void test_format(void **state)
{
	(void)state;
	/* Three lines of context; changes closer than twice that share a hunk. */
	const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n";
	const char *b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\nthirteen\n14\n15\n16\n17\n18";
	struct buf diff;
	buf_init(&diff);
	assert_int_equal(udiff(&diff, "x.jobsheet", a, strlen(a), b, strlen(b)), 0);
	assert_string_equal(diff.data,
		"--- x.jobsheet\n+++ x.jobsheet\n"
		"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
		"@@ -10,9 +10,9 @@\n 10\n 11\n 12\n-13\n+thirteen\n 14\n 15\n 16\n 17\n-18\n+18\n"
		"\\ No newline at end of file\n");
	buf_free(&diff);
	buf_init(&diff);
	assert_int_equal(udiff(&diff, "e", "", 0, "x\n", 2), 0);
	assert_string_equal(diff.data, "--- e\n+++ e\n@@ -0,0 +1 @@\n+x\n");
	buf_free(&diff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_pairs),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
