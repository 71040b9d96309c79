/*
 * ast.h - the abstract syntax tree: the one contract between the front end
 * and the backends.
 *
 * Ownership: every node and every string lives in the run's arena (arena.h)
 * and is freed with it; backends read the tree and never modify it.
 * Lists are singly linked in source order, with a count kept by the builder.
 * Strings are NUL-terminated UTF-8, already normalised (white space runs read
 * as one space, trimmed, escapes resolved); `len` is their byte length.
 *
 * Fields marked "resolved" are filled by the validator (validate.h) and are
 * only meaningful after a run without errors: backends may rely on them.
 */
#ifndef JOBC_AST_H
#define JOBC_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "loc.h"

/* A string or name as written, with where it was written. */
struct ast_str {
	const char *text;      /* NULL when absent (an optional field not given) */
	size_t len;
	struct loc loc;
	struct ast_str *next;  /* next item when the string sits in a list */
};

struct ast_str_list {
	struct ast_str *first, *last;
	size_t count;
};

enum ast_trend {
	AST_TREND_NONE = 0,    /* no mark written */
	AST_TREND_RISING,      /* + or ↗ */
	AST_TREND_STABLE,      /* = */
	AST_TREND_DECLINING    /* - or ↘ */
};

enum ast_status {
	AST_STATUS_NONE = 0,   /* not stated */
	AST_STATUS_NEW,
	AST_STATUS_REVISED
};

enum ast_importance {
	AST_ESSENTIAL,
	AST_USEFUL
};

/* ---- prose: the blocks of mission, activities' intro, career, trends ---- */

/*
 * What a block is. Every prose section holds paragraphs and lists; a
 * career holds its education and experience lines among them (the grammar
 * allows those nowhere else).
 */
enum ast_prose_kind {
	AST_PARAGRAPH,
	AST_LIST,
	AST_CAREER_EDUCATION,           /* `education "..."` */
	AST_CAREER_EXPERIENCE           /* `experience "..."` */
};

struct ast_prose {
	enum ast_prose_kind kind;
	struct loc loc;
	struct ast_str text;            /* all but AST_LIST */
	struct ast_str_list items;      /* AST_LIST: one string per bullet */
	struct ast_prose *next;
};

struct ast_prose_list {
	struct ast_prose *first, *last;
	size_t count;
};

/*
 * A prose section that may be absent: mission, career, trends. `present`
 * says it was written, not that it holds anything: `trends { }` is present
 * and empty (a warning), so backends look at the counts.
 */
struct ast_section {
	struct loc loc;                 /* of the keyword */
	bool present;
	struct ast_prose_list prose;
};

/* ---- catalogue-wide declarations ---- */

struct ast_catalogue_info {
	struct loc loc;
	struct ast_str title;
	struct ast_str publisher;       /* optional fields: text == NULL if absent */
	struct ast_str edition;
	struct ast_str previous;        /* name of the edition trends compare with */
};

struct ast_level {
	struct ast_str name;            /* "K" */
	struct ast_str description;     /* "Elementary knowledge" */
	int rank;                       /* 0 for the lowest */
	struct ast_level *next;
};

struct ast_scale {
	struct loc loc;
	struct ast_level *first, *last;
	size_t count;
};

struct ast_category {
	struct loc loc;
	struct ast_str name;            /* identifier: technological */
	struct ast_str title;           /* "Technological knowledge" */
	bool levelled;                  /* items carry a level of the scale */
	struct ast_category *next;
};

struct ast_sheet;

struct ast_family {
	struct loc loc;
	struct ast_str number;          /* "1" */
	struct ast_str title;
	struct ast_family *next;
	/* resolved: this family's sheets, sorted by code */
	const struct ast_sheet **sheets;
	size_t n_sheets;
};

struct ast_retired {
	struct loc loc;
	struct ast_str code;            /* previous-edition code: "22" */
	struct ast_str title;
	struct ast_str see;             /* code of the sheet that took it over */
	struct ast_retired *next;
	const struct ast_sheet *see_sheet;  /* resolved */
};

/* ---- a sheet ---- */

struct ast_replace {
	struct loc loc;
	struct ast_str code;            /* previous-edition code: "23" */
	struct ast_str title;
	struct ast_replace *next;
};

struct ast_task {
	struct loc loc;
	enum ast_trend trend;
	struct ast_str text;
	struct ast_str_list subitems;
	struct ast_task *next;
};

struct ast_group {
	struct loc loc;
	enum ast_trend trend;
	struct ast_str title;
	struct ast_str intro;           /* optional lead paragraph (`intro "..."`) */
	struct ast_task *first, *last;
	size_t count;
	struct ast_group *next;
};

struct ast_activities {
	struct loc loc;                 /* of the keyword; line 0 if absent */
	bool present;
	struct ast_prose_list intro;    /* paragraphs before the first group */
	struct ast_group *first, *last;
	size_t count;
};

struct ast_item {
	struct loc loc;
	struct ast_str level;           /* text == NULL when no level is written */
	struct ast_str text;
	struct ast_item *next;
	const struct ast_level *level_decl;  /* resolved; NULL if no level */
};

struct ast_knowledge {
	struct loc loc;
	struct ast_str category;        /* as written: "technological" */
	enum ast_importance importance;
	struct ast_item *first, *last;
	size_t count;
	struct ast_knowledge *next;
	const struct ast_category *category_decl;  /* resolved */
};

struct ast_sheet {
	struct loc loc;                 /* of the keyword `sheet` */
	struct ast_str code;            /* "3.5a" */
	struct ast_str title;
	struct ast_str family;          /* family number as written: "3" */
	enum ast_status status;
	struct loc status_loc;
	struct ast_replace *replaces_first, *replaces_last;
	size_t n_replaces;
	struct ast_str_list aka;
	struct ast_section mission;
	struct ast_activities activities;
	struct ast_knowledge *knowledge_first, *knowledge_last;
	size_t n_knowledge;
	struct ast_section career;      /* its blocks may be of every kind */
	struct ast_section trends;
	bool damaged;                   /* a syntax error inside: the validator
					 * skips its completeness checks, whose
					 * failures would only echo that error */
	struct ast_sheet *next;         /* next in source order */
	const struct ast_family *family_decl;  /* resolved */
};

/* ---- the whole run ---- */

/*
 * One entry of the lineage: a previous-edition position and what became of
 * it. Built by the validator from every `replaces` and `retired` line.
 */
struct ast_lineage {
	const char *code;               /* previous code: "23" */
	const char *title;              /* previous title, from the first mention */
	const struct ast_sheet **sheets;  /* sheets that replace it, sorted by code */
	size_t n_sheets;
	const struct ast_retired *retired;  /* non-NULL for `retired ... see` */
};

struct ast_root {
	struct ast_catalogue_info *catalogue;  /* NULL if not declared (an error) */
	struct ast_scale *scale;                /* NULL if not declared */
	struct ast_category *categories_first, *categories_last;
	size_t n_categories;
	struct ast_family *families_first, *families_last;
	size_t n_families;
	struct ast_retired *retired_first, *retired_last;  /* the validator
							    * relinks them by code */
	size_t n_retired;
	struct ast_sheet *sheets_first, *sheets_last;  /* in source order */
	size_t n_sheets;

	/* resolved by the validator: */
	const struct ast_sheet **sheets;        /* all sheets sorted by code */
	const struct ast_family **families;     /* sorted by number */
	struct ast_lineage *lineage;            /* sorted by previous code */
	size_t n_lineage;
};

/* Sheet codes compare piecewise: numbers as numbers, then the letter
 * ("3.5a" < "3.5b" < "3.10"). Negative, zero or positive like strcmp. */
int ast_code_compare(const char *a, const char *b);

/* True if any group or task of the activities carries a trend mark. */
bool ast_activities_has_trends(const struct ast_activities *a);

const char *ast_trend_name(enum ast_trend t);        /* "rising", ... "" */
const char *ast_status_name(enum ast_status s);      /* "new", "revised", "" */
const char *ast_importance_name(enum ast_importance i);  /* "essential", "useful" */

#endif
