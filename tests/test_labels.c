/*
 * test_labels.c - the label sets jobc ships (src/labels_*.c) are complete
 * and well formed, a catalogue's language and labels resolve as
 * docs/LANGUAGE.md says, and emit_fill fills placeholders.
 */
#include "support.h"

#include "emit.h"
#include "labels.h"

static const struct labels *const sets[] = { &labels_en, &labels_fr, &labels_de };

/* Every {name} in text is a placeholder of id. */
static void expect_placeholders(enum label_id id, const char *text)
{
	for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
		size_t n = strcspn(p + 1, "}");
		assert_true(label_takes(id, p + 1, n));
	}
}

/* Every label of every set: a text, two for a counted one, and only the
 * placeholders its key takes; keys unique and found again. */
static void test_sets_complete(void **state)
{
	(void)state;
	for (int i = 0; i < LABEL_COUNT; i++) {
		assert_non_null(label_keys[i].key);
		assert_int_equal(label_find(label_keys[i].key, strlen(label_keys[i].key)), i);
		for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
			const struct label_text *t = &sets[s]->text[i];
			assert_non_null(t->one);
			assert_true(*t->one);
			assert_true((t->other != NULL) == label_keys[i].counted);
			expect_placeholders((enum label_id)i, t->one);
			if (t->other)
				expect_placeholders((enum label_id)i, t->other);
		}
	}
	assert_ptr_equal(labels_builtin("fr-CA"), &labels_fr);
	assert_ptr_equal(labels_builtin("DE"), &labels_de);
	assert_null(labels_builtin("es"));
}

static void test_plural(void **state)
{
	(void)state;
	assert_string_equal(label_n(&labels_en, LABEL_COUNT_POSITIONS, 0), "{n} positions");
	assert_string_equal(label_n(&labels_en, LABEL_COUNT_POSITIONS, 1), "{n} position");
	assert_string_equal(label_n(&labels_fr, LABEL_COUNT_POSITIONS, 0), "{n} poste");
	assert_string_equal(label_n(&labels_fr, LABEL_COUNT_POSITIONS, 2), "{n} postes");
	assert_string_equal(label_n(&labels_de, LABEL_SECTION_MISSION, 5), "Zweck der Stelle");
}

/* A catalogue's language picks the set; its labels override; a region
 * takes its language's. */
static void test_resolve(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, "catalogue \"C\" {\n  language \"fr-CA\"\n  labels {\n"
		      "    section.mission \"Raison d'être\"\n"
		      "    count.families \"{n} filière\" \"{n} filières\"\n  }\n}\n"
		      "family 1 \"F\"\n");
	assert_int_equal(r.diag.errors, 0);
	const struct labels *l = frontend_root(r.fe)->labels;
	assert_string_equal(l->tag, "fr-CA");
	assert_string_equal(label(l, LABEL_SECTION_MISSION), "Raison d'être");
	assert_string_equal(label_n(l, LABEL_COUNT_FAMILIES, 3), "{n} filières");
	assert_string_equal(label(l, LABEL_SECTION_CAREER), "Parcours professionnel");
	test_run_end(&r);

	test_run_text(&r, "catalogue \"C\" { }\nfamily 1 \"F\"\n");
	assert_ptr_equal(frontend_root(r.fe)->labels->text[LABEL_SECTION_MISSION].one,
			 labels_en.text[LABEL_SECTION_MISSION].one);
	assert_string_equal(frontend_root(r.fe)->labels->tag, "en");
	test_run_end(&r);
}

/* The site's own words are labels like the others: a block overrides them,
 * the rest stay the language's; their placeholders are checked. */
static void test_site_words(void **state)
{
	(void)state;
	struct test_run r;
	test_run_text(&r, "catalogue \"C\" {\n  language \"fr\"\n  labels {\n"
		      "    search.first \"{k} sur {n}\"\n"
		      "    parts.family \"{pages} pages pour {n} postes\"\n  }\n}\n"
		      "family 1 \"F\"\n");
	assert_int_equal(r.diag.errors, 0);
	const struct labels *l = frontend_root(r.fe)->labels;
	assert_string_equal(label(l, LABEL_SEARCH_FIRST), "{k} sur {n}");
	assert_string_equal(label(l, LABEL_PARTS_FAMILY), "{pages} pages pour {n} postes");
	assert_string_equal(label(l, LABEL_MATRIX_HEADING), "Matrice des compétences");
	test_run_end(&r);

	test_run_text(&r, "catalogue \"C\" {\n  labels {\n"
		      "    search.many \"{k} hits\"\n    parts.of \"Pages of {what}\"\n"
		      "    parts.category \"100% of {n} %s\"\n  }\n}\nfamily 1 \"F\"\n");
	assert_int_equal(r.diag.errors, 2);
	test_run_end(&r);
}

static void fill_n(struct buf *b, const void *ctx)
{
	emit_size(b, *(const size_t *)ctx);
}

/* Text escaped, holes filled, a brace that opens no hole kept. */
static void test_fill(void **state)
{
	(void)state;
	const struct emit_hole holes[] = { { "n", NULL, fill_n }, { "title", "<b>T</b>", NULL } };
	size_t n = 3;
	struct buf b;
	buf_init(&b);
	emit_fill(&b, &emit_html, "{n}) {title} & {other} {n", holes, 2, &n);
	buf_putc(&b, '\0');
	assert_string_equal(b.data, "3) <b>T</b> &amp; {other} {n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sets_complete),
		cmocka_unit_test(test_plural),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_site_words),
		cmocka_unit_test(test_fill),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
