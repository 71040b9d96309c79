/*
 * html_labels.c - every word the site's search, matrices, lineage drawing
 * and parts say, in English, French and German, chosen by the catalogue's
 * language; the words a catalogue's label set already has (labels.h:
 * "Positions", "Breadcrumb"...) come from it. A label is text or a format
 * for html_fmt (%t escaped text, %z a number); the search labels go to
 * search.js through the index, with {n} and {k} for its numbers.
 *
 * Unlike the labels of labels.h, a catalogue's `labels` block cannot
 * change these yet, and a language jobc does not ship gets them in
 * English: moving them into the label sets is what is left.
 */
#include <string.h>

#include "html.h"

static const char *const html_labels_en[HL_COUNT] = {
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
	[HL_LINEAGE_FIGURE] = "Each line goes from a position of the previous edition to a sheet "
			      "of this edition that took it over; a dashed line, from a retired "
			      "position to the sheet its tasks went to. The table says the same "
			      "in words.",
	[HL_LINEAGE_SVG] = "Lineage drawing",
	[HL_RETIRED] = "retired",
	[HL_PARTS_FAMILY] = "%z positions, on %z pages.",
	[HL_PARTS_LINEAGE] = "%z positions of the previous edition, on %z pages.",
	[HL_PARTS_CATEGORY] = "%z items, on %z pages.",
	[HL_PARTS_OF] = "Pages of %t",
	[HL_PART_PREV] = "Previous page",
	[HL_PART_NEXT] = "Next page",
	[HL_PART_PAGER] = "Previous and next pages",
	[HL_KNOWLEDGE] = "Knowledge",
};

static const char *const html_labels_fr[HL_COUNT] = {
	[HL_SEARCH] = "Chercher un poste",
	[HL_SEARCH_HINT] = "Les résultats s’affichent pendant la frappe : "
			   "la flèche vers le bas les parcourt, Échap ramène ici.",
	[HL_SEARCH_RESULTS] = "Résultats de la recherche",
	[HL_SEARCH_NONE] = "Aucun poste ne correspond.",
	[HL_SEARCH_ONE] = "1 poste",
	[HL_SEARCH_MANY] = "{n} postes",
	[HL_SEARCH_FIRST] = "{n} postes, les {k} premiers affichés",
	[HL_SEARCH_FOUND_IN] = "Trouvé dans",
	[HL_SEARCH_LOADING] = "Recherche…",
	[HL_FIELD_CODE] = "code",
	[HL_FIELD_TITLE] = "intitulé",
	[HL_FIELD_AKA] = "autres intitulés",
	[HL_FIELD_MISSION] = "mission",
	[HL_FIELD_TASKS] = "tâches",
	[HL_FIELD_KNOWLEDGE] = "connaissances",
	[HL_MATRIX] = "Matrice des compétences",
	[HL_MATRIX_TITLE] = "Matrice des compétences de la famille",
	[HL_MATRIX_LEAD] = "Ce que demandent les postes de la famille : les connaissances "
			   "en lignes, les postes en colonnes, et dans chaque case le niveau demandé.",
	[HL_MATRIX_LEGEND] = "Les connaissances essentielles à au moins un poste viennent en "
			     "premier. Un cadre en tirets marque une connaissance que le poste juge "
			     "utile plutôt qu’essentielle ; ✓ marque une "
			     "connaissance d’une catégorie sans niveaux.",
	[HL_MATRIX_ASKED] = "✓",
	[HL_LINEAGE_FIGURE] = "Chaque ligne va d’un poste de l’édition "
			      "précédente à une fiche de cette édition qui "
			      "l’a reprise ; une ligne en tirets, d’un poste "
			      "supprimé à la fiche qui a repris ses tâches. Le tableau "
			      "dit la même chose en mots.",
	[HL_LINEAGE_SVG] = "Schéma de la filiation",
	[HL_RETIRED] = "supprimé",
	[HL_PARTS_FAMILY] = "%z postes, sur %z pages.",
	[HL_PARTS_LINEAGE] = "%z postes de l’édition précédente, sur %z pages.",
	[HL_PARTS_CATEGORY] = "%z connaissances, sur %z pages.",
	[HL_PARTS_OF] = "Pages de %t",
	[HL_PART_PREV] = "Page précédente",
	[HL_PART_NEXT] = "Page suivante",
	[HL_PART_PAGER] = "Pages précédente et suivante",
	[HL_KNOWLEDGE] = "Connaissances",
};

static const char *const html_labels_de[HL_COUNT] = {
	[HL_SEARCH] = "Stellen suchen",
	[HL_SEARCH_HINT] = "Ergebnisse erscheinen beim Tippen: Pfeil nach unten geht sie durch, "
			   "Escape kommt hierher zurück.",
	[HL_SEARCH_RESULTS] = "Suchergebnisse",
	[HL_SEARCH_NONE] = "Keine Stelle passt.",
	[HL_SEARCH_ONE] = "1 Stelle",
	[HL_SEARCH_MANY] = "{n} Stellen",
	[HL_SEARCH_FIRST] = "{n} Stellen, die ersten {k} angezeigt",
	[HL_SEARCH_FOUND_IN] = "Gefunden in",
	[HL_SEARCH_LOADING] = "Suche…",
	[HL_FIELD_CODE] = "Code",
	[HL_FIELD_TITLE] = "Titel",
	[HL_FIELD_AKA] = "andere Titel",
	[HL_FIELD_MISSION] = "Auftrag",
	[HL_FIELD_TASKS] = "Aufgaben",
	[HL_FIELD_KNOWLEDGE] = "Kenntnisse",
	[HL_MATRIX] = "Kompetenzmatrix",
	[HL_MATRIX_TITLE] = "Kompetenzmatrix der Familie",
	[HL_MATRIX_LEAD] = "Was die Stellen der Familie verlangen: die Kenntnisse in den Zeilen, "
			   "die Stellen in den Spalten, in jeder Zelle die verlangte Stufe.",
	[HL_MATRIX_LEGEND] = "Kenntnisse, die mindestens eine Stelle als wesentlich verlangt, stehen "
			     "zuerst. Ein gestrichelter Rahmen markiert eine Kenntnis, die die Stelle "
			     "nützlich statt wesentlich findet; ✓ markiert eine Kenntnis "
			     "einer Kategorie ohne Stufen.",
	[HL_MATRIX_ASKED] = "✓",
	[HL_LINEAGE_FIGURE] = "Jede Linie führt von einer Stelle der vorigen Ausgabe zu einem "
			      "Blatt dieser Ausgabe, das sie übernommen hat; eine gestrichelte "
			      "Linie von einer entfallenen Stelle zu dem Blatt, das ihre Aufgaben "
			      "übernahm. Die Tabelle sagt dasselbe in Worten.",
	[HL_LINEAGE_SVG] = "Herkunft als Zeichnung",
	[HL_RETIRED] = "entfallen",
	[HL_PARTS_FAMILY] = "%z Stellen, auf %z Seiten.",
	[HL_PARTS_LINEAGE] = "%z Stellen der vorigen Ausgabe, auf %z Seiten.",
	[HL_PARTS_CATEGORY] = "%z Kenntnisse, auf %z Seiten.",
	[HL_PARTS_OF] = "Seiten von %t",
	[HL_PART_PREV] = "Vorige Seite",
	[HL_PART_NEXT] = "Nächste Seite",
	[HL_PART_PAGER] = "Vorige und nächste Seite",
	[HL_KNOWLEDGE] = "Kenntnisse",
};


/* The words the catalogue's label set already has (labels.h); 0, which
 * is LABEL_UNTITLED and never one of them, for the others. */
static const enum label_id html_labels_shared[HL_COUNT] = {
	[HL_POSITIONS] = LABEL_NAV_POSITIONS,
	[HL_FAMILY] = LABEL_SHEET_FAMILY,
	[HL_LINEAGE] = LABEL_NAV_LINEAGE,
	[HL_KNOWLEDGE_TITLE] = LABEL_NAV_KNOWLEDGE,
	[HL_ASKED_BY] = LABEL_KNOWLEDGE_ASKERS,
	[HL_BREADCRUMB] = LABEL_PAGE_BREADCRUMB,
};

const char *html_site_label(const struct ast_root *root, enum html_label l)
{
	if (html_labels_shared[l])
		return label(root->labels, html_labels_shared[l]);
	/* The catalogue's language, if jobc ships its words (else English). */
	const char *tag = root->labels->tag;
	const char *const *table = html_labels_en;
	if (strncmp(tag, "fr", 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
		table = html_labels_fr;
	else if (strncmp(tag, "de", 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
		table = html_labels_de;
	return table[l];
}
