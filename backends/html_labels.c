/*
 * html_labels.c - every word the site's search, matrices, lineage drawing
 * and parts say, in one table: the fixed text of the pages written before
 * them is in their own files. A label is text or a format for html_fmt
 * (%t escaped text, %z a number); the search labels go to search.js
 * through the index, with {n} and {k} for its numbers.
 */
#include "html.h"

static const char *const html_labels[HL_COUNT] = {
	[HL_SEARCH] = "Search positions",
	[HL_SEARCH_HINT] = "Results show as you type: the down arrow goes through them, "
			   "Escape comes back here.",
	[HL_SEARCH_RESULTS] = "Search results",
	[HL_SEARCH_NONE] = "No position matches.",
	[HL_SEARCH_ONE] = "1 position",
	[HL_SEARCH_MANY] = "{n} positions",
	[HL_SEARCH_FIRST] = "{n} positions, the first {k} shown",
	[HL_SEARCH_FOUND_IN] = "Found in",
	[HL_SEARCH_LOADING] = "Searching\xe2\x80\xa6",
	[HL_FIELD_CODE] = "code",
	[HL_FIELD_TITLE] = "title",
	[HL_FIELD_AKA] = "other titles",
	[HL_FIELD_MISSION] = "mission",
	[HL_FIELD_TASKS] = "tasks",
	[HL_FIELD_KNOWLEDGE] = "knowledge",
	[HL_MATRIX] = "Competency matrix",
	[HL_MATRIX_TITLE] = "Competency matrix of family",
	[HL_MATRIX_LEAD] = "What the positions of the family ask for: the knowledge items down, "
			   "the positions across, and in each cell the level asked for.",
	[HL_MATRIX_LEGEND] = "Items essential to at least one position come first. A dashed frame "
			     "marks an item the position finds useful rather than essential; "
			     "\xe2\x9c\x93 marks an item of a category without levels.",
	[HL_MATRIX_ASKED] = "\xe2\x9c\x93",
	[HL_LINEAGE_FIGURE] = "Each line goes from a position of the <span>%t</span> to a sheet "
			      "of this edition that took it over; a dashed line, from a retired "
			      "position to the sheet its tasks went to. The table says the same "
			      "in words.",
	[HL_LINEAGE_SVG] = "Lineage drawing",
	[HL_RETIRED] = "retired",
	[HL_PARTS_FAMILY] = "%z positions, on %z pages.",
	[HL_PARTS_LINEAGE] = "%z positions of the <span>%t</span>, on %z pages.",
	[HL_PARTS_CATEGORY] = "%z items, on %z pages.",
	[HL_PARTS_OF] = "Pages of %t",
	[HL_PART_PREV] = "Previous page",
	[HL_PART_NEXT] = "Next page",
	[HL_PART_PAGER] = "Previous and next pages",
	[HL_POSITIONS] = "Positions",
	[HL_FAMILY] = "Family",
	[HL_LINEAGE] = "Lineage",
	[HL_LINEAGE_TITLE] = "From the <span>%t</span> to this edition",
	[HL_KNOWLEDGE_TITLE] = "Knowledge index",
	[HL_KNOWLEDGE] = "Knowledge",
	[HL_ASKED_BY] = "Asked for by",
	[HL_BREADCRUMB] = "Breadcrumb",
};

const char *html_label(enum html_label l)
{
	return html_labels[l];
}
