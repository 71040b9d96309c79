/*
 * ast.h - the abstract syntax tree and the model resolved from it: the one
 * contract between the front end and the backends.
 *
 * Ownership: every node and every string lives in the run's arena (arena.h)
 * and is freed with it; backends read the tree and never modify it.
 * Strings are NUL-terminated UTF-8, already normalised (white space runs read
 * as one space, trimmed, escapes resolved); `len` is their byte length.
 *
 * Sequences have two shapes, and only two:
 * - A list, `struct ast_<node>_list { first, last, count }`: nodes as the
 *   parser read them, in source order, linked by their `next` (NULL after
 *   the last), `count` of them. Every list of the tree has this shape, and
 *   AST_LIST_APPEND and AST_LIST_JOIN are how lists are built.
 * - An array, `<nodes>` and `n_<nodes>` (of pointers to nodes, or of the
 *   lineage's entries): a resolved view in a canonical order, made by the
 *   validator.
 *
 * Fields marked "resolved" are filled by the validator (validate.h,
 * resolve.h). Once validate_run has returned 0 the arrays and indices are
 * complete, whatever the input's errors; a cross-reference is NULL where the
 * name it resolves is unknown, so in a run without errors (the only kind
 * backends see) every one is set. The invariants:
 * - root->families, categories, levels and sheets hold every family,
 *   category, level of root->scale and sheet once, and each node's `index`
 *   is its place there: root->sheets[s->index] == s. The orders: families
 *   by number and sheets by code (ast_code_compare), categories as declared,
 *   levels as the scale lists them (lowest first, so a level's index is its
 *   rank). A node's index is its row, rank or place in every output that
 *   lists it in that order: no backend needs to search for it.
 * - root->labels are the words backends add, in the catalogue's language
 *   with its own labels (labels.h); English if it says nothing.
 * - Each sheet's file_name is its code as backends name its files
 *   (code_file_name: the code itself, but for Windows' device names).
 * - A cross-reference points at the node it names: sheet->family_decl,
 *   knowledge->category_decl, item->level_decl, replace->lineage,
 *   retired->see_sheet; the other way, family->sheets and lineage->sheets.
 */
#ifndef JOBC_AST_H
#define JOBC_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "loc.h"

struct labels;

/* Appends node (its `next` NULL) to list, an lvalue of any list type. */
#define AST_LIST_APPEND(list, node)                                        \
	do {                                                               \
		if ((list).last)                                           \
			(list).last->next = (node);                        \
		else                                                       \
			(list).first = (node);                             \
		(list).last = (node);                                      \
		(list).count++;                                            \
	} while (0)

/* Appends the nodes of src to dst, two lists of one type; src is left as
 * it was, its nodes now dst's too. */
#define AST_LIST_JOIN(dst, src)                                            \
	do {                                                               \
		if ((src).first) {                                         \
			if ((dst).last)                                    \
				(dst).last->next = (src).first;            \
			else                                               \
				(dst).first = (src).first;                 \
			(dst).last = (src).last;                           \
			(dst).count += (src).count;                        \
		}                                                          \
	} while (0)

/* A string or name as written, with where it was written. */
struct ast_str {
	const char *text;      /* NULL when absent (an optional field not given) */
	size_t len;
	struct loc loc;
	struct ast_str *next;  /* next item when the string sits in a list */
};

struct ast_str_list { struct ast_str *first, *last; size_t count; };

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

struct ast_prose_list { struct ast_prose *first, *last; size_t count; };

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

/* A label of the catalogue's `labels` block (labels.h): `key "text"`, or
 * `key "one" "other"` for a counted label. */
struct ast_label {
	struct ast_str key;             /* "section.mission" */
	struct ast_str text;
	struct ast_str other;           /* text == NULL if one text is written */
	struct ast_label *next;
};

struct ast_label_list { struct ast_label *first, *last; size_t count; };

struct ast_catalogue_info {
	struct loc loc;
	struct ast_str title;
	struct ast_str publisher;       /* optional fields: text == NULL if absent */
	struct ast_str edition;
	struct ast_str previous;        /* name of the edition trends compare with */
	struct ast_str language;        /* BCP 47 tag; text == NULL: English */
	bool has_labels;                /* a `labels` block is written, at labels_loc */
	struct loc labels_loc;
	struct ast_label_list labels;
	struct loc labels_mended;       /* where the labels block's '}' was found
					 * missing (file NULL: it was not): a key
					 * from there on may be a field read in the
					 * wrong block, no unknown label */
};

struct ast_level {
	struct ast_str name;            /* "K" */
	struct ast_str description;     /* "Elementary knowledge" */
	struct ast_level *next;
	size_t index;                   /* resolved: in root->levels, its rank
					 * (0 for the lowest) */
};

struct ast_level_list { struct ast_level *first, *last; size_t count; };

struct ast_scale {
	struct loc loc;
	struct ast_level_list levels;   /* lowest first */
};

struct ast_category {
	struct loc loc;
	struct ast_str name;            /* identifier: technological */
	struct ast_str title;           /* "Technological knowledge" */
	bool levelled;                  /* items carry a level of the scale */
	struct ast_category *next;
	size_t index;                   /* resolved: in root->categories */
};

struct ast_category_list { struct ast_category *first, *last; size_t count; };

struct ast_sheet;

struct ast_family {
	struct loc loc;
	struct ast_str number;          /* "1" */
	struct ast_str title;
	struct ast_family *next;
	/* resolved: */
	size_t index;                   /* in root->families */
	const struct ast_sheet **sheets;  /* its sheets (family_decl == this),
					   * sorted by code */
	size_t n_sheets;
};

struct ast_family_list { struct ast_family *first, *last; size_t count; };

struct ast_retired {
	struct loc loc;
	struct ast_str code;            /* previous-edition code: "22" */
	struct ast_str title;
	struct ast_str see;             /* code of the sheet that took it over */
	struct ast_retired *next;
	const struct ast_sheet *see_sheet;  /* resolved: the sheet `see` names */
};

struct ast_retired_list { struct ast_retired *first, *last; size_t count; };

/* ---- a sheet ---- */

struct ast_lineage;

struct ast_replace {
	struct loc loc;
	struct ast_str code;            /* previous-edition code: "23" */
	struct ast_str title;
	struct ast_replace *next;
	const struct ast_lineage *lineage;  /* resolved: the entry of `code`,
					     * which lists this sheet */
};

struct ast_replace_list { struct ast_replace *first, *last; size_t count; };

struct ast_task {
	struct loc loc;
	enum ast_trend trend;
	struct ast_str text;
	struct ast_str_list subitems;
	struct ast_task *next;
};

struct ast_task_list { struct ast_task *first, *last; size_t count; };

struct ast_group {
	struct loc loc;
	enum ast_trend trend;
	struct ast_str title;
	struct ast_str intro;           /* optional lead paragraph (`intro "..."`) */
	struct ast_task_list tasks;
	struct ast_group *next;
};

struct ast_group_list { struct ast_group *first, *last; size_t count; };

struct ast_activities {
	struct loc loc;                 /* of the keyword; line 0 if absent */
	bool present;
	struct ast_prose_list intro;    /* paragraphs before the first group */
	struct ast_group_list groups;
};

struct ast_item {
	struct loc loc;
	struct ast_str level;           /* text == NULL when no level is written */
	struct ast_str text;
	struct ast_item *next;
	const struct ast_level *level_decl;  /* resolved: the level `level`
					      * names; NULL if none is written */
};

struct ast_item_list { struct ast_item *first, *last; size_t count; };

struct ast_knowledge {
	struct loc loc;
	struct ast_str category;        /* as written: "technological" */
	enum ast_importance importance;
	struct ast_item_list items;
	bool damaged;                   /* a syntax error or a mending inside:
					 * its items are not checked */
	struct ast_knowledge *next;
	const struct ast_category *category_decl;  /* resolved: the category
						    * `category` names */
};

struct ast_knowledge_list { struct ast_knowledge *first, *last; size_t count; };

struct ast_sheet {
	struct loc loc;                 /* of the keyword `sheet` */
	struct ast_str code;            /* "3.5a" */
	struct ast_str title;
	struct ast_str family;          /* family number as written: "3" */
	enum ast_status status;
	struct loc status_loc;
	struct ast_replace_list replaces;
	struct ast_str_list aka;
	struct ast_section mission;
	struct ast_activities activities;
	struct ast_knowledge_list knowledge;
	struct ast_section career;      /* its blocks may be of every kind */
	struct ast_section trends;
	bool damaged;                   /* a syntax error inside: the validator
					 * skips its completeness checks, whose
					 * failures would only echo that error */
	struct ast_sheet *next;         /* next in source order */
	/* resolved: */
	size_t index;                   /* in root->sheets */
	const struct ast_family *family_decl;  /* the family `family` names */
	const char *file_name;          /* the code as a file name (code.h) */
};

struct ast_sheet_list { struct ast_sheet *first, *last; size_t count; };

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

/* The declarations and sheets of every file, as the parser appends them:
 * in source order, files in the order they were read, repeats included. */
struct ast_parsed {
	struct ast_category_list categories;
	struct ast_family_list families;
	struct ast_retired_list retired;
	struct ast_sheet_list sheets;
};

struct ast_root {
	struct ast_catalogue_info *catalogue;  /* NULL if not declared (an error) */
	struct ast_scale *scale;                /* NULL if not declared */
	struct ast_parsed parsed;

	/* resolved: the nodes of the parsed lists (and of the scale's), in
	 * their canonical orders, and the lineage */
	const struct ast_family **families;     /* by number */
	size_t n_families;
	const struct ast_category **categories; /* as declared */
	size_t n_categories;
	const struct ast_level **levels;        /* of root->scale, lowest first */
	size_t n_levels;
	const struct ast_sheet **sheets;        /* by code */
	size_t n_sheets;
	const struct ast_retired **retired;     /* by code */
	size_t n_retired;
	struct ast_lineage *lineage;            /* by previous code */
	size_t n_lineage;
	const struct labels *labels;            /* the catalogue's language's words
						 * (labels.h), never NULL */
};

/* Codes compare piecewise: runs of digits as numbers, other bytes as
 * themselves ("3.5a" < "3.5b" < "3.10"); two codes are the same code when
 * they compare equal (code.h). Negative, zero or positive like strcmp. */
int ast_code_compare(const char *a, const char *b);

/* The same over a[0..na) and b[0..nb); with fold, letters compare without
 * their case (the validator's check of file names that would collide). */
int ast_code_compare_n(const char *a, size_t na, const char *b, size_t nb, bool fold);

/* True if any group or task of the activities carries a trend mark. */
bool ast_activities_has_trends(const struct ast_activities *a);

const char *ast_trend_name(enum ast_trend t);        /* "rising", ... "" */
const char *ast_status_name(enum ast_status s);      /* "new", "revised", "" */
const char *ast_importance_name(enum ast_importance i);  /* "essential", "useful" */
const char *ast_prose_kind_name(enum ast_prose_kind k);  /* "paragraph", "list",
							  * "education", "experience" */

#endif
