/*
 * diff_text.c - the changes between two editions, for people: as text
 * (jobc diff) and as Markdown (--format=markdown, for a pull request
 * comment). One writer for both; they differ in the headings, the signs,
 * the arrows and the escaping. docs/DIFF.md shows both.
 *
 * A change names the thing as the source writes it (`item C "text" in
 * technological essential`, `task + "text" in "group"`), then, for a
 * change, what changed in it, one line each (`level: C -> E`, `was
 * "old text"`, `moved from ...`).
 */
#include <string.h>

#include "diff.h"

struct diff_style {
	bool md;
	const char *arrow;
};

/* Text from the sheets, in the output: Markdown's special characters
 * are escaped, so that a title with a '*' or a '<' shows as written. */
static void diff_text(struct buf *b, const struct diff_style *st, const char *s)
{
	if (!st->md) {
		buf_puts(b, s);
		return;
	}
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|~&!#", *s))
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
}

static void diff_quote(struct buf *b, const struct diff_style *st, const char *s)
{
	buf_putc(b, '"');
	diff_text(b, st, s);
	buf_putc(b, '"');
}

/* A word, then text: "level K", "family 7". */
static void diff_word(struct buf *b, const struct diff_style *st, const char *word, const char *s)
{
	buf_puts(b, word);
	if (s) {
		buf_putc(b, ' ');
		diff_text(b, st, s);
	}
}

/* The thing as the source writes it, on one side. */
static void diff_describe(struct buf *b, const struct diff_style *st, const struct diff_change *c,
			  const struct diff_side *s)
{
	static const char *const nouns[DIFF_SUBJECT_COUNT] = {
		[DIFF_LEVEL] = "level", [DIFF_CATEGORY] = "category", [DIFF_FAMILY] = "family",
		[DIFF_RETIRED] = "retired", [DIFF_SHEET] = "sheet", [DIFF_AKA] = "aka",
		[DIFF_REPLACES] = "replaces", [DIFF_GROUP] = "group", [DIFF_INTRO] = "intro",
		[DIFF_TASK] = "task", [DIFF_SUBITEM] = "sub-item", [DIFF_ITEM] = "item",
	};
	if (c->subject == DIFF_FIELD) {
		diff_word(b, st, s->place, s->mark);
		return;
	}
	if (c->subject == DIFF_CATALOGUE || c->subject == DIFF_PROSE || c->subject == DIFF_CAREER)
		diff_text(b, st, s->place);
	if (c->subject == DIFF_PROSE)
		buf_puts(b, s->mark ? " list item" : " paragraph");
	if (nouns[c->subject])
		diff_word(b, st, nouns[c->subject], s->key);
	if (s->mark && (c->subject == DIFF_GROUP || c->subject == DIFF_TASK || c->subject == DIFF_ITEM))
		diff_word(b, st, "", s->mark);
	buf_putc(b, ' ');
	diff_quote(b, st, s->text);
	if (c->subject == DIFF_CATEGORY && s->mark)
		buf_puts(b, " levelled");
	if (c->subject == DIFF_RETIRED)
		diff_word(b, st, " see", s->mark);
	if (c->subject == DIFF_SHEET && s->place) {
		buf_puts(b, " (");
		diff_text(b, st, s->place);
		buf_putc(b, ')');
	}
	if (c->subject == DIFF_ITEM) {
		buf_puts(b, " in ");
		diff_text(b, st, s->place);
	} else if (c->subject == DIFF_TASK || c->subject == DIFF_SUBITEM || c->subject == DIFF_INTRO) {
		buf_puts(b, c->subject == DIFF_TASK ? " in " : " of ");
		diff_quote(b, st, s->place);
	}
}

/* "C -> E", "none -> +". */
static void diff_from_to(struct buf *b, const struct diff_style *st, const char *from,
			 const char *to)
{
	diff_text(b, st, from ? from : "none");
	buf_printf(b, " %s ", st->arrow);
	diff_text(b, st, to ? to : "none");
}

/* An aspect of a change, on a line of its own. */
static void diff_aspect_begin(struct buf *b, const struct diff_style *st)
{
	buf_puts(b, st->md ? "  - " : "      ");
}

static void diff_aspects(struct buf *b, const struct diff_style *st, const struct diff_change *c)
{
	static const char *const marks[DIFF_SUBJECT_COUNT] = {
		[DIFF_CATEGORY] = "levelled", [DIFF_RETIRED] = "see", [DIFF_GROUP] = "trend",
		[DIFF_TASK] = "trend", [DIFF_ITEM] = "level",
	};
	if (c->aspects & DIFF_KEY) {
		diff_aspect_begin(b, st);
		buf_puts(b, "code: ");
		diff_from_to(b, st, c->old.key, c->new.key);
		buf_putc(b, '\n');
	}
	if (c->aspects & DIFF_TEXT) {
		diff_aspect_begin(b, st);
		buf_puts(b, "was ");
		diff_quote(b, st, c->old.text);
		buf_putc(b, '\n');
	}
	if (c->aspects & DIFF_PLACE) {
		diff_aspect_begin(b, st);
		buf_puts(b, "moved from ");
		if (c->subject == DIFF_ITEM)
			diff_text(b, st, c->old.place);
		else
			diff_quote(b, st, c->old.place);
		buf_putc(b, '\n');
	}
	if (c->aspects & DIFF_MARK) {
		diff_aspect_begin(b, st);
		buf_printf(b, "%s: ", marks[c->subject] ? marks[c->subject] : "mark");
		diff_from_to(b, st, c->old.mark, c->new.mark);
		buf_putc(b, '\n');
	}
}

/* Markdown: a heading stands after a blank line. */
static void diff_md_heading(struct buf *b, const char *text)
{
	if (b->len > 0 && !(b->len >= 2 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n'))
		buf_putc(b, '\n');
	buf_puts(b, text);
}

/* The heading of the sheet (or the catalogue) the next changes are of. */
static void diff_heading(struct buf *b, const struct diff_style *st, const struct diff_change *c)
{
	if (st->md)
		diff_md_heading(b, "#### ");
	if (!c->sheet) {
		buf_puts(b, st->md ? "Catalogue\n\n" : "catalogue\n");
		return;
	}
	diff_word(b, st, st->md ? "Sheet" : "sheet", c->sheet);
	buf_putc(b, ' ');
	diff_quote(b, st, c->sheet_title);
	buf_puts(b, st->md ? "\n\n" : "\n");
}

static void diff_change(struct buf *b, const struct diff_style *st, const struct diff_change *c)
{
	static const char *const signs[] = { "+ ", "- ", "~ " };
	static const char *const md_signs[] = { "- added: ", "- removed: ", "- changed: " };
	if (c->subject == DIFF_SHEET && c->kind != DIFF_CHANGED) {
		/* A sheet added or removed is a heading of its own. */
		if (st->md)
			diff_md_heading(b, c->kind == DIFF_ADDED ? "#### Added: " : "#### Removed: ");
		else
			buf_puts(b, signs[c->kind]);
		diff_describe(b, st, c, c->kind == DIFF_ADDED ? &c->new : &c->old);
		buf_puts(b, st->md ? "\n\n" : "\n");
		return;
	}
	buf_puts(b, st->md ? md_signs[c->kind] : "  ");
	if (!st->md)
		buf_puts(b, signs[c->kind]);
	if (c->kind == DIFF_CHANGED && c->subject == DIFF_FIELD) {
		buf_printf(b, "%s: ", c->new.place);
		diff_from_to(b, st, c->old.mark, c->new.mark);
		buf_putc(b, '\n');
		return;
	}
	diff_describe(b, st, c, c->kind == DIFF_REMOVED ? &c->old : &c->new);
	buf_putc(b, '\n');
	if (c->kind == DIFF_CHANGED)
		diff_aspects(b, st, c);
}

/* "2 sheets changed, 1 added, 1 removed; 3 changes to the catalogue". */
static void diff_summary(struct buf *b, const struct diff *d)
{
	size_t changed = 0, added = 0, removed = 0, catalogue = 0;
	const char *last = NULL;
	for (const struct diff_change *c = d->first; c; c = c->next) {
		if (!c->sheet)
			catalogue++;
		else if (c->subject == DIFF_SHEET && c->kind == DIFF_ADDED)
			added++;
		else if (c->subject == DIFF_SHEET && c->kind == DIFF_REMOVED)
			removed++;
		else if (c->sheet != last)
			changed++;
		last = c->sheet;
	}
	buf_printf(b, "### Changes between the editions\n\n%zu sheet%s changed, %zu added, "
		   "%zu removed; %zu change%s to the catalogue\n", changed, changed == 1 ? "" : "s",
		   added, removed, catalogue, catalogue == 1 ? "" : "s");
}

static void diff_write(const struct diff *d, struct buf *out, const struct diff_style *st)
{
	if (st->md && d->first)
		diff_summary(out, d);
	const struct diff_change *prev = NULL;
	for (const struct diff_change *c = d->first; c; prev = c, c = c->next) {
		bool own = c->subject == DIFF_SHEET && c->kind != DIFF_CHANGED;
		bool same = prev && prev->sheet == c->sheet &&
			    !(prev->subject == DIFF_SHEET && prev->kind != DIFF_CHANGED);
		if (!own && !same)
			diff_heading(out, st, c);
		diff_change(out, st, c);
	}
	if (st->md && out->len >= 2 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
}

void diff_write_text(const struct diff *d, struct buf *out)
{
	diff_write(d, out, &(struct diff_style){ false, "->" });
}

void diff_write_markdown(const struct diff *d, struct buf *out)
{
	diff_write(d, out, &(struct diff_style){ true, "→" });
}
