/*
 * latex_words.c - jobsheet.sty in the catalogue's language: the style is a
 * template (backends/assets/jobsheet.sty) whose @babel@ is babel's name of
 * the language and whose @words@ are the booklet's words, a macro each,
 * from the catalogue's labels (labels.h). A label's text is escaped like
 * any text; its placeholders become the macro's parameters.
 */
#include "assets.h"
#include "latex.h"

/* A word of the booklet: its macro, and the label it says. */
struct latex_word {
	const char *macro;
	enum label_id label;
	int params;             /* 1: {previous} is #1, given only when declared */
};

static const struct latex_word latex_words[] = {
	{ "jobsheetuntitledname", LABEL_UNTITLED, 0 },
	{ "jobsheetcontentsname", LABEL_BOOKLET_CONTENTS, 0 },
	{ "jobsheetfamilyname", LABEL_SHEET_FAMILY, 0 },
	{ "jobsheetpositionsname", LABEL_BOOKLET_FAMILY_POSITIONS, 0 },
	{ "jobsheetnopositionname", LABEL_BOOKLET_FAMILY_EMPTY, 0 },
	{ "jobsheetmissionname", LABEL_SECTION_MISSION, 0 },
	{ "jobsheetactivitiesname", LABEL_SECTION_ACTIVITIES, 0 },
	{ "jobsheetknowledgename", LABEL_SECTION_KNOWLEDGE, 0 },
	{ "jobsheetcareername", LABEL_SECTION_CAREER, 0 },
	{ "jobsheettrendsname", LABEL_SECTION_TRENDS, 0 },
	{ "jobsheeteducationname", LABEL_CAREER_EDUCATION, 0 },
	{ "jobsheetexperiencename", LABEL_CAREER_EXPERIENCE, 0 },
	{ "jobsheetessentialname", LABEL_IMPORTANCE_ESSENTIAL, 0 },
	{ "jobsheetusefulname", LABEL_IMPORTANCE_USEFUL, 0 },
	{ "jobsheetakaname", LABEL_SHEET_AKA, 0 },
	{ "jobsheetreplacesname", LABEL_SHEET_REPLACES, 0 },
	{ "jobsheetnewname", LABEL_BOOKLET_NEW, 0 },
	{ "jobsheetrevisedname", LABEL_BOOKLET_REVISED, 0 },
	{ "jobsheetnoitemname", LABEL_BOOKLET_NO_ITEM, 0 },
	{ "jobsheetlineagename", LABEL_BOOKLET_LINEAGE, 0 },
	{ "jobsheetlineageintro", LABEL_BOOKLET_LINEAGE_INTRO, 1 },
	{ "jobsheetretiredname", LABEL_BOOKLET_RETIRED, 0 },
	{ "jobsheetrisingname", LABEL_TREND_RISING, 0 },
	{ "jobsheetstablename", LABEL_TREND_STABLE, 0 },
	{ "jobsheetdecliningname", LABEL_TREND_DECLINING, 0 },
	{ "jobsheettrendsincename", LABEL_SHEET_SINCE_PREVIOUS, 1 },
	{ "jobsheetpagename", LABEL_BOOKLET_PAGE, 0 },
};

/* The placeholders as macro parameters: {previous} " (#1)", {n} #1 or #2. */
static const struct emit_hole latex_previous_hole[] = { { "previous", " (#1)", NULL } };
static const struct emit_hole latex_count_holes[2][1] = {
	{ { "n", "#1", NULL } }, { { "n", "#2", NULL } },
};

/* \jobsheet@plural{#k}{one}{other} for a counted label, its number #k. */
static void latex_counted(struct buf *b, const struct labels *l, enum label_id id, int k)
{
	emit_fmt(b, &emit_latex, "\\jobsheet@plural{#%z}{", (size_t)k);
	emit_fill(b, &emit_latex, l->text[id].one, latex_count_holes[k - 1], 1, NULL);
	buf_puts(b, "}{");
	emit_fill(b, &emit_latex, l->text[id].other, latex_count_holes[k - 1], 1, NULL);
	buf_putc(b, '}');
}

static void latex_fill_words(struct buf *b, const void *ctx)
{
	const struct labels *l = ctx;
	for (size_t i = 0; i < sizeof latex_words / sizeof latex_words[0]; i++) {
		const struct latex_word *w = &latex_words[i];
		emit_fmt(b, &emit_latex, "\\newcommand*\\%s%s{", w->macro, w->params ? "[1]" : "");
		emit_fill(b, &emit_latex, label(l, w->label), latex_previous_hole, w->params, NULL);
		buf_puts(b, "}\n");
	}
	buf_puts(b, l->plural == LABEL_PLURAL_ZERO_ONE
		? "\\newcommand*\\jobsheet@plural[3]{\\ifnum#1<2 #2\\else#3\\fi}\n"
		: "\\newcommand*\\jobsheet@plural[3]{\\ifnum#1=1 #2\\else#3\\fi}\n");
	buf_puts(b, "\\newcommand*\\jobsheetsheetsname[2]{");
	latex_counted(b, l, LABEL_BOOKLET_POSITIONS, 1);
	buf_putc(b, ' ');
	latex_counted(b, l, LABEL_BOOKLET_FAMILIES, 2);
	buf_puts(b, "}\n");
}

int latex_style(struct out_set *out, const struct labels *l)
{
	const struct emit_hole holes[] = {
		{ "babel", label(l, LABEL_LATEX_BABEL), NULL },
		{ "words", NULL, latex_fill_words },
	};
	const struct asset *sty = asset_find("jobsheet.sty");
	struct buf *b = sty ? out_file(out, "latex/jobsheet.sty") : NULL;
	if (!b)
		return -1;
	emit_template(b, (const char *)sty->data, sty->len, holes, sizeof holes / sizeof holes[0], l);
	return out_file_done(out, b);
}
