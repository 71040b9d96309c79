/*
 * diff.h - what changed between two editions of a catalogue, item by
 * item (jobc diff; docs/DIFF.md).
 *
 * Each edition is compiled on its own (a frontend run each) and the two
 * resolved models are compared: the catalogue's declarations by their
 * names, sheets by their codes (or by a `replaces` line, for a sheet that
 * took a vanished code over), and the items of a sheet by their text
 * (diff_match.c): a reworded item is one item changed, not one removed
 * and one added. The result is a list of change records in a fixed order,
 * which the renderers write as text, JSON or Markdown.
 *
 * Every string of a record points into one of the two ASTs or into the
 * diff's arena: keep both runs until the records are rendered.
 */
#ifndef JOBC_DIFF_H
#define JOBC_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "diag.h"

/* What a change is about. */
enum diff_subject {
	DIFF_CATALOGUE,         /* a field of `catalogue` (place: its name), or the
				 * order of the scale (place: "scale") */
	DIFF_LEVEL,             /* a level of the scale (key: its name) */
	DIFF_CATEGORY,          /* key: its name; mark: "levelled" or "" */
	DIFF_FAMILY,            /* key: its number */
	DIFF_RETIRED,           /* key: the previous code; mark: the `see` code */
	DIFF_SHEET,             /* key: its code; text: its title; place: its
				 * lineage in the new edition, when added ("replaces
				 * 23") or removed ("replaced by 3.3a", "retired, see
				 * 3.5a") */
	DIFF_FIELD,             /* family or status of a sheet (place), mark: the value */
	DIFF_AKA,
	DIFF_REPLACES,          /* key: the previous code */
	DIFF_PROSE,             /* a paragraph or a bullet (mark "list") of a section (place) */
	DIFF_CAREER,            /* an education or experience line (place) */
	DIFF_GROUP,             /* a group of activities; mark: its trend */
	DIFF_INTRO,             /* the intro of a group (place: the group) */
	DIFF_TASK,              /* place: its group; mark: its trend */
	DIFF_SUBITEM,           /* place: its task */
	DIFF_ITEM,              /* a knowledge item; place: "category importance";
				 * mark: its level */
	DIFF_SUBJECT_COUNT
};

enum diff_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED };

/* What changed, in a DIFF_CHANGED record: any of these at once. */
enum {
	DIFF_KEY = 1,           /* the code: a sheet re-coded */
	DIFF_TEXT = 2,          /* the text: reworded, renamed */
	DIFF_PLACE = 4,         /* where it stands: moved */
	DIFF_MARK = 8           /* its level, trend mark, value */
};

/* The thing, on one side; NULL for what it does not have. */
struct diff_side {
	const char *key;
	const char *text;
	const char *place;
	const char *mark;
};

struct diff_change {
	struct diff_change *next;
	const char *sheet;              /* the sheet's code (the new one, if both),
					 * NULL: the catalogue */
	const char *sheet_title;        /* its title (the new one, if both) */
	enum diff_subject subject;
	enum diff_kind kind;
	unsigned aspects;               /* DIFF_CHANGED: DIFF_KEY | DIFF_TEXT ... */
	struct diff_side old, new;      /* old unused when added, new when removed */
};

struct diff {
	struct arena *arena;            /* the records and the strings made here */
	const struct ast_root *new_root;        /* the new edition, for its lineage */
	struct diff_change *first, *last;
	size_t count;
	bool failed;                    /* memory ran out: the list is incomplete */
};

/* Names of the subjects, kinds and aspects, as the JSON output writes them. */
extern const char *const diff_subject_names[DIFF_SUBJECT_COUNT];
extern const char *const diff_kind_names[3];

/*
 * Compares two valid editions into d (diff_init'ed): catalogue changes
 * first, then the sheets in code order. Returns 0, or -1 if memory ran out.
 */
void diff_init(struct diff *d, struct arena *arena);
int diff_editions(struct diff *d, const struct ast_root *old, const struct ast_root *new);

/* Appends a record (diff.c, for the comparisons of diff_sheet.c). */
void diff_add(struct diff *d, const char *sheet, const char *sheet_title,
	      enum diff_subject subject, enum diff_kind kind, unsigned aspects,
	      const struct diff_side *old, const struct diff_side *new);

/* Two optional strings differ (NULL: not given). */
bool diff_differ(const char *a, const char *b);

/* The sheets of an edition pair (diff_sheet.c): compares one sheet with
 * its counterpart, either of them NULL if there is none. */
void diff_sheet(struct diff *d, const struct ast_sheet *old, const struct ast_sheet *new);

/*
 * --check-lineage: every sheet code of old still exists in new, is
 * retired there, or is named by a `replaces` line there. Each that is
 * not is an error in diags, at its sheet in old. Returns how many.
 */
unsigned diff_check_lineage(const struct ast_root *old, const struct ast_root *new,
			    struct diag *diags);

/* The renderers: people (diff_text.c), pull requests (Markdown, the same
 * file), programs (diff_json.c). */
void diff_write_text(const struct diff *d, struct buf *out);
void diff_write_markdown(const struct diff *d, struct buf *out);
void diff_write_json(const struct diff *d, struct buf *out);

/* jobc diff (diff_cli.c; commands.h). */
int diff_main(int argc, char **argv);

#endif
