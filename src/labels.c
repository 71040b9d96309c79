/* labels.c - the keys of the labels, and finding a set (see labels.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "labels.h"

const struct label_key label_keys[LABEL_COUNT] = {
	[LABEL_UNTITLED] = { "catalogue.untitled", "", false },
	[LABEL_NAV_POSITIONS] = { "nav.positions", "", false },
	[LABEL_NAV_LINEAGE] = { "nav.lineage", "", false },
	[LABEL_NAV_KNOWLEDGE] = { "nav.knowledge", "", false },
	[LABEL_PAGE_SKIP] = { "page.skip", "", false },
	[LABEL_PAGE_SITE] = { "page.site", "", false },
	[LABEL_PAGE_FOOTER] = { "page.footer", "", false },
	[LABEL_PAGE_BREADCRUMB] = { "page.breadcrumb", "", false },
	[LABEL_PAGE_OUTLINE] = { "page.outline", "", false },
	[LABEL_PAGE_PAGER] = { "page.pager", "", false },
	[LABEL_PAGE_PREVIOUS] = { "page.previous", "", false },
	[LABEL_PAGE_NEXT] = { "page.next", "", false },
	[LABEL_INDEX_LEAD] = { "index.lead", "knowledge lineage", false },
	[LABEL_INDEX_FAMILIES] = { "index.families", "", false },
	[LABEL_INDEX_LINEAGE] = { "index.lineage", "previous", false },
	[LABEL_INDEX_FAMILY_EMPTY] = { "index.family-empty", "", false },
	[LABEL_INDEX_WAS] = { "index.was", "", false },
	[LABEL_COUNT_POSITIONS] = { "count.positions", "n", true },
	[LABEL_COUNT_FAMILIES] = { "count.families", "n", true },
	[LABEL_COUNT_NEW] = { "count.new", "n", true },
	[LABEL_COUNT_REVISED] = { "count.revised", "n", true },
	[LABEL_COUNT_RETIRED] = { "count.retired", "n", true },
	[LABEL_LINEAGE_HEADING] = { "lineage.heading", "previous", false },
	[LABEL_LINEAGE_NONE] = { "lineage.none", "", false },
	[LABEL_LINEAGE_INTRO] = { "lineage.intro", "previous new revised", false },
	[LABEL_LINEAGE_CODE] = { "lineage.code", "", false },
	[LABEL_LINEAGE_PREVIOUS] = { "lineage.previous", "", false },
	[LABEL_LINEAGE_NOW] = { "lineage.now", "", false },
	[LABEL_LINEAGE_WENT] = { "lineage.went", "", false },
	[LABEL_LINEAGE_FIGURE] = { "lineage.figure", "", false },
	[LABEL_LINEAGE_DRAWING] = { "lineage.drawing", "", false },
	[LABEL_SHEET_FAMILY] = { "sheet.family", "", false },
	[LABEL_SHEET_AKA] = { "sheet.aka", "", false },
	[LABEL_SHEET_STATUS] = { "sheet.status", "", false },
	[LABEL_SHEET_REPLACES] = { "sheet.replaces", "", false },
	[LABEL_SHEET_SINCE_PREVIOUS] = { "sheet.since-previous", "previous", false },
	[LABEL_SHEET_IN_PREVIOUS] = { "sheet.in-previous", "previous", false },
	[LABEL_SHEET_FAMILY_ALL] = { "sheet.family-all", "n family", false },
	[LABEL_STATUS_NEW] = { "status.new", "", false },
	[LABEL_STATUS_REVISED] = { "status.revised", "", false },
	[LABEL_STATUS_RETIRED] = { "status.retired", "", false },
	[LABEL_TREND_LEGEND] = { "trend.legend", "previous", false },
	[LABEL_TREND_RISING] = { "trend.rising", "", false },
	[LABEL_TREND_STABLE] = { "trend.stable", "", false },
	[LABEL_TREND_DECLINING] = { "trend.declining", "", false },
	[LABEL_SECTION_MISSION] = { "section.mission", "", false },
	[LABEL_SECTION_ACTIVITIES] = { "section.activities", "", false },
	[LABEL_SECTION_KNOWLEDGE] = { "section.knowledge", "", false },
	[LABEL_SECTION_CAREER] = { "section.career", "", false },
	[LABEL_SECTION_TRENDS] = { "section.trends", "", false },
	[LABEL_GROUP_TITLE] = { "group.title", "n title", false },
	[LABEL_KNOWLEDGE_ITEM] = { "knowledge.item", "", false },
	[LABEL_KNOWLEDGE_LEVEL] = { "knowledge.level", "", false },
	[LABEL_KNOWLEDGE_LEVELS] = { "knowledge.levels", "", false },
	[LABEL_KNOWLEDGE_LEAD] = { "knowledge.lead", "n", false },
	[LABEL_KNOWLEDGE_CATEGORIES] = { "knowledge.categories", "", false },
	[LABEL_KNOWLEDGE_NONE] = { "knowledge.none", "", false },
	[LABEL_KNOWLEDGE_ASKERS] = { "knowledge.askers", "", false },
	[LABEL_IMPORTANCE_ESSENTIAL] = { "importance.essential", "", false },
	[LABEL_IMPORTANCE_USEFUL] = { "importance.useful", "", false },
	[LABEL_CAREER_EDUCATION] = { "career.education", "", false },
	[LABEL_CAREER_EXPERIENCE] = { "career.experience", "", false },
	[LABEL_SEARCH_BOX] = { "search.box", "", false },
	[LABEL_SEARCH_HINT] = { "search.hint", "", false },
	[LABEL_SEARCH_RESULTS] = { "search.results", "", false },
	[LABEL_SEARCH_NONE] = { "search.none", "", false },
	[LABEL_SEARCH_ONE] = { "search.one", "", false },
	[LABEL_SEARCH_MANY] = { "search.many", "n", false },
	[LABEL_SEARCH_FIRST] = { "search.first", "n k", false },
	[LABEL_SEARCH_FOUND_IN] = { "search.found-in", "", false },
	[LABEL_SEARCH_LOADING] = { "search.loading", "", false },
	[LABEL_SEARCH_FIELD_CODE] = { "search.field-code", "", false },
	[LABEL_SEARCH_FIELD_TITLE] = { "search.field-title", "", false },
	[LABEL_SEARCH_FIELD_AKA] = { "search.field-aka", "", false },
	[LABEL_SEARCH_FIELD_MISSION] = { "search.field-mission", "", false },
	[LABEL_SEARCH_FIELD_TASKS] = { "search.field-tasks", "", false },
	[LABEL_SEARCH_FIELD_KNOWLEDGE] = { "search.field-knowledge", "", false },
	[LABEL_MATRIX_HEADING] = { "matrix.heading", "", false },
	[LABEL_MATRIX_TITLE] = { "matrix.title", "", false },
	[LABEL_MATRIX_LEAD] = { "matrix.lead", "", false },
	[LABEL_MATRIX_LEGEND] = { "matrix.legend", "", false },
	[LABEL_MATRIX_ASKED] = { "matrix.asked", "", false },
	[LABEL_MATRIX_KNOWLEDGE] = { "matrix.knowledge", "", false },
	[LABEL_PARTS_FAMILY] = { "parts.family", "n pages", false },
	[LABEL_PARTS_LINEAGE] = { "parts.lineage", "n pages", false },
	[LABEL_PARTS_CATEGORY] = { "parts.category", "n pages", false },
	[LABEL_PARTS_OF] = { "parts.of", "title", false },
	[LABEL_PARTS_PREVIOUS] = { "parts.previous", "", false },
	[LABEL_PARTS_NEXT] = { "parts.next", "", false },
	[LABEL_PARTS_PAGER] = { "parts.pager", "", false },
	[LABEL_BOOKLET_CONTENTS] = { "booklet.contents", "", false },
	[LABEL_BOOKLET_FAMILY_POSITIONS] = { "booklet.family-positions", "", false },
	[LABEL_BOOKLET_FAMILY_EMPTY] = { "booklet.family-empty", "", false },
	[LABEL_BOOKLET_NEW] = { "booklet.new", "", false },
	[LABEL_BOOKLET_REVISED] = { "booklet.revised", "", false },
	[LABEL_BOOKLET_NO_ITEM] = { "booklet.no-item", "", false },
	[LABEL_BOOKLET_LINEAGE] = { "booklet.lineage", "", false },
	[LABEL_BOOKLET_LINEAGE_INTRO] = { "booklet.lineage-intro", "previous", false },
	[LABEL_BOOKLET_RETIRED] = { "booklet.retired", "", false },
	[LABEL_BOOKLET_PAGE] = { "booklet.page", "", false },
	[LABEL_BOOKLET_POSITIONS] = { "booklet.positions", "n", true },
	[LABEL_BOOKLET_FAMILIES] = { "booklet.families", "n", true },
	[LABEL_LATEX_BABEL] = { "latex.babel", "", false },
};

enum label_id label_find(const char *s, size_t n)
{
	for (int i = 0; i < LABEL_COUNT; i++)
		if (strlen(label_keys[i].key) == n && memcmp(label_keys[i].key, s, n) == 0)
			return (enum label_id)i;
	return LABEL_COUNT;
}

bool label_takes(enum label_id id, const char *name, size_t n)
{
	for (const char *p = label_keys[id].placeholders; *p; p += strspn(p, " ")) {
		size_t len = strcspn(p, " ");
		if (len == n && memcmp(p, name, n) == 0)
			return true;
		p += len;
	}
	return false;
}

const struct labels *labels_builtin(const char *tag)
{
	static const struct labels *const sets[] = { &labels_en, &labels_fr, &labels_de };
	size_t n = strcspn(tag, "-");
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		if (strlen(sets[i]->tag) == n && strncasecmp(sets[i]->tag, tag, n) == 0)
			return sets[i];
	return NULL;
}

const char *label(const struct labels *l, enum label_id id)
{
	return l->text[id].one;
}

const char *label_n(const struct labels *l, enum label_id id, size_t n)
{
	bool one = l->plural == LABEL_PLURAL_ZERO_ONE ? n <= 1 : n == 1;
	return one || !l->text[id].other ? l->text[id].one : l->text[id].other;
}

/* A text as a .jobsheet string: quoted, '"' and '\\' escaped. */
static void labels_print_string(FILE *out, const char *s)
{
	fputs(" \"", out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void labels_print(FILE *out, const struct labels *l)
{
	fprintf(out, "    # jobc's labels in '%s', to translate: give the catalogue\n"
		"    # block `language \"TAG\"` and this block, each text in TAG.\n"
		"    labels {\n", l->tag);
	for (int i = 0; i < LABEL_COUNT; i++) {
		fprintf(out, "        %-26s", label_keys[i].key);
		labels_print_string(out, l->text[i].one);
		if (l->text[i].other)
			labels_print_string(out, l->text[i].other);
		fputc('\n', out);
	}
	fputs("    }\n", out);
}
