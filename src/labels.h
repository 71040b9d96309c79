/*
 * labels.h - the words jobc adds to a catalogue's text: headings,
 * navigation, legends, sentences about the catalogue ("Mission", "Also
 * known as", "3 new positions"), in the catalogue's language.
 *
 * jobc ships a label set per language it knows (labels_en.c, labels_fr.c,
 * labels_de.c: one table each). A catalogue says its language (`language
 * "fr"`, a BCP 47 tag; English by default) and may give any label a text
 * of its own in its `labels { key "text" }` block; for a language jobc does
 * not ship, the block gives them all (labels_check.c checks it and makes
 * root->labels). Backends take every word from root->labels.
 *
 * A label's text may hold placeholders, `{name}`, which the backend fills
 * (a number, a link, the name of the previous edition); which ones each
 * label takes is in label_keys. A counted label has two forms, for one
 * and for other numbers, chosen by the language's plural rule.
 */
#ifndef JOBC_LABELS_H
#define JOBC_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum label_id {
	LABEL_UNTITLED,                 /* a catalogue without a title */
	LABEL_NAV_POSITIONS,            /* the site's navigation */
	LABEL_NAV_LINEAGE,
	LABEL_NAV_KNOWLEDGE,
	LABEL_PAGE_SKIP,                /* what every page of the site has */
	LABEL_PAGE_SITE,
	LABEL_PAGE_FOOTER,
	LABEL_PAGE_BREADCRUMB,
	LABEL_PAGE_OUTLINE,
	LABEL_PAGE_PAGER,
	LABEL_PAGE_PREVIOUS,
	LABEL_PAGE_NEXT,
	LABEL_INDEX_LEAD,               /* index.html */
	LABEL_INDEX_FAMILIES,
	LABEL_INDEX_LINEAGE,
	LABEL_INDEX_FAMILY_EMPTY,
	LABEL_INDEX_WAS,
	LABEL_COUNT_POSITIONS,          /* counted: the figures of index.html */
	LABEL_COUNT_FAMILIES,
	LABEL_COUNT_NEW,
	LABEL_COUNT_REVISED,
	LABEL_COUNT_RETIRED,
	LABEL_LINEAGE_HEADING,          /* the lineage table */
	LABEL_LINEAGE_NONE,
	LABEL_LINEAGE_INTRO,
	LABEL_LINEAGE_CODE,
	LABEL_LINEAGE_PREVIOUS,
	LABEL_LINEAGE_NOW,
	LABEL_LINEAGE_WENT,
	LABEL_LINEAGE_FIGURE,           /* the site's lineage drawing */
	LABEL_LINEAGE_DRAWING,
	LABEL_SHEET_FAMILY,             /* the top of a sheet */
	LABEL_SHEET_AKA,
	LABEL_SHEET_STATUS,
	LABEL_SHEET_REPLACES,
	LABEL_SHEET_SINCE_PREVIOUS,
	LABEL_SHEET_IN_PREVIOUS,
	LABEL_SHEET_FAMILY_ALL,
	LABEL_STATUS_NEW,               /* badges */
	LABEL_STATUS_REVISED,
	LABEL_STATUS_RETIRED,
	LABEL_TREND_LEGEND,             /* trend marks */
	LABEL_TREND_RISING,
	LABEL_TREND_STABLE,
	LABEL_TREND_DECLINING,
	LABEL_SECTION_MISSION,          /* the sections of a sheet */
	LABEL_SECTION_ACTIVITIES,
	LABEL_SECTION_KNOWLEDGE,
	LABEL_SECTION_CAREER,
	LABEL_SECTION_TRENDS,
	LABEL_GROUP_TITLE,              /* a group of activities, numbered */
	LABEL_KNOWLEDGE_ITEM,           /* applied knowledge, knowledge.html */
	LABEL_KNOWLEDGE_LEVEL,
	LABEL_KNOWLEDGE_LEVELS,
	LABEL_KNOWLEDGE_LEAD,
	LABEL_KNOWLEDGE_CATEGORIES,
	LABEL_KNOWLEDGE_NONE,
	LABEL_KNOWLEDGE_ASKERS,
	LABEL_IMPORTANCE_ESSENTIAL,
	LABEL_IMPORTANCE_USEFUL,
	LABEL_CAREER_EDUCATION,
	LABEL_CAREER_EXPERIENCE,
	LABEL_SEARCH_BOX,               /* the site's search box */
	LABEL_SEARCH_HINT,
	LABEL_SEARCH_RESULTS,
	LABEL_SEARCH_NONE,              /* what search.js says, {n} and {k} its */
	LABEL_SEARCH_ONE,
	LABEL_SEARCH_MANY,
	LABEL_SEARCH_FIRST,
	LABEL_SEARCH_FOUND_IN,
	LABEL_SEARCH_LOADING,
	LABEL_SEARCH_FIELD_CODE,        /* where a word was found, in search.js's order */
	LABEL_SEARCH_FIELD_TITLE,
	LABEL_SEARCH_FIELD_AKA,
	LABEL_SEARCH_FIELD_MISSION,
	LABEL_SEARCH_FIELD_TASKS,
	LABEL_SEARCH_FIELD_KNOWLEDGE,
	LABEL_MATRIX_HEADING,           /* a family's competency matrix */
	LABEL_MATRIX_TITLE,             /* before the family's code */
	LABEL_MATRIX_LEAD,
	LABEL_MATRIX_LEGEND,
	LABEL_MATRIX_ASKED,             /* an item of a category without levels */
	LABEL_MATRIX_KNOWLEDGE,         /* the head of the items' column */
	LABEL_PARTS_FAMILY,             /* a list cut into pages */
	LABEL_PARTS_LINEAGE,
	LABEL_PARTS_CATEGORY,
	LABEL_PARTS_OF,
	LABEL_PARTS_PREVIOUS,
	LABEL_PARTS_NEXT,
	LABEL_PARTS_PAGER,
	LABEL_BOOKLET_CONTENTS,         /* the booklet's own words */
	LABEL_BOOKLET_FAMILY_POSITIONS,
	LABEL_BOOKLET_FAMILY_EMPTY,
	LABEL_BOOKLET_NEW,
	LABEL_BOOKLET_REVISED,
	LABEL_BOOKLET_NO_ITEM,
	LABEL_BOOKLET_LINEAGE,
	LABEL_BOOKLET_LINEAGE_INTRO,
	LABEL_BOOKLET_RETIRED,
	LABEL_BOOKLET_PAGE,
	LABEL_BOOKLET_POSITIONS,
	LABEL_BOOKLET_FAMILIES,
	LABEL_LATEX_BABEL,              /* babel's name of the language */
	LABEL_COUNT
};

/* What a labels block calls a label, and what its text may hold. */
struct label_key {
	const char *key;                /* "section.mission" */
	const char *placeholders;       /* the names its {placeholders} may
					 * have, separated by spaces; "" for none */
	bool counted;                   /* two forms, for one and for others */
};

extern const struct label_key label_keys[LABEL_COUNT];

/* The label whose key is s[0..n), or LABEL_COUNT. */
enum label_id label_find(const char *s, size_t n);

/* True if name[0..n) is a placeholder of label id. */
bool label_takes(enum label_id id, const char *name, size_t n);

/* Which form of a counted label a number takes. */
enum label_plural {
	LABEL_PLURAL_ONE,               /* "one" for 1 only (English, German) */
	LABEL_PLURAL_ZERO_ONE           /* "one" for 0 and 1 (French) */
};

/* A label's text; `other` is the form for numbers other than one, for a
 * counted label (NULL otherwise). */
struct label_text {
	const char *one, *other;
};

/* A label set: one of jobc's, or a catalogue's (root->labels). */
struct labels {
	const char *tag;                /* BCP 47: "en", "fr-CA" */
	enum label_plural plural;
	struct label_text text[LABEL_COUNT];
};

/* The sets jobc ships (labels_en.c, ...). */
extern const struct labels labels_en, labels_fr, labels_de;

/* jobc's set for a BCP 47 tag (by its language: "fr-CA" is "fr"), or NULL. */
const struct labels *labels_builtin(const char *tag);

/* A label's text; for a counted label, the form for n. */
const char *label(const struct labels *l, enum label_id id);
const char *label_n(const struct labels *l, enum label_id id, size_t n);

/* A labels block holding every label of l, for a catalogue block (jobc
 * --labels=TAG): what a translation into a language jobc lacks starts from. */
void labels_print(FILE *out, const struct labels *l);

/* ---- a catalogue's labels (labels_check.c) ---- */

struct arena;
struct ast_root;
struct diag;

/*
 * Checks the catalogue's `language` and `labels` and makes root->labels:
 * jobc's set for the language, each label the catalogue gives put in its
 * place. Errors go to d; root->labels is set whatever they are. 0, or -1
 * if memory runs out.
 */
int labels_resolve(struct ast_root *root, struct arena *arena, struct diag *d);

#endif
