/* labels_de.c - jobc's labels in German (labels.h). */
#include "labels.h"

const struct labels labels_de = {
	.tag = "de",
	.plural = LABEL_PLURAL_ONE,
	.text = {
		[LABEL_UNTITLED] = { "Stellenkatalog", NULL },
		[LABEL_NAV_POSITIONS] = { "Stellen", NULL },
		[LABEL_NAV_LINEAGE] = { "Herkunft", NULL },
		[LABEL_NAV_KNOWLEDGE] = { "Kenntnisverzeichnis", NULL },
		[LABEL_PAGE_SKIP] = { "Zum Inhalt springen", NULL },
		[LABEL_PAGE_SITE] = { "Website", NULL },
		[LABEL_PAGE_FOOTER] = { "Von jobc aus den .jobsheet-Quellen des Katalogs erzeugt: Um "
					"eine Seite zu ändern, bearbeiten Sie ihre "
					"Stellenbeschreibung.", NULL },
		[LABEL_PAGE_BREADCRUMB] = { "Brotkrümelnavigation", NULL },
		[LABEL_PAGE_OUTLINE] = { "Auf dieser Seite", NULL },
		[LABEL_PAGE_PAGER] = { "Vorherige und nächste Stellenbeschreibung", NULL },
		[LABEL_PAGE_PREVIOUS] = { "Zurück", NULL },
		[LABEL_PAGE_NEXT] = { "Weiter", NULL },
		[LABEL_INDEX_LEAD] = { "Der Stellenkatalog: wozu jede Stelle da ist, was sie tut, was "
				       "sie verlangt und wohin sie führt. Wählen Sie unten eine "
				       "Familie, suchen Sie eine Kenntnis im {knowledge} oder sehen "
				       "Sie unter {lineage}, was aus den Stellen der vorigen Ausgabe "
				       "geworden ist.", NULL },
		[LABEL_INDEX_FAMILIES] = { "Familien", NULL },
		[LABEL_INDEX_LINEAGE] = { "Herkunft aus der vorigen Ausgabe{previous}", NULL },
		[LABEL_INDEX_FAMILY_EMPTY] = { "Noch keine Stellenbeschreibung in dieser Familie.",
					       NULL },
		[LABEL_INDEX_WAS] = { "früher", NULL },
		[LABEL_COUNT_POSITIONS] = { "{n} Stelle", "{n} Stellen" },
		[LABEL_COUNT_FAMILIES] = { "{n} Familie", "{n} Familien" },
		[LABEL_COUNT_NEW] = { "{n} neue Stelle", "{n} neue Stellen" },
		[LABEL_COUNT_REVISED] = { "{n} überarbeitete Stelle", "{n} überarbeitete Stellen" },
		[LABEL_COUNT_RETIRED] = { "{n} entfallene Stelle", "{n} entfallene Stellen" },
		[LABEL_LINEAGE_HEADING] = { "Von der vorigen Ausgabe{previous} zu dieser Ausgabe", NULL },
		[LABEL_LINEAGE_NONE] = { "Keine frühere Stelle ist verzeichnet.", NULL },
		[LABEL_LINEAGE_INTRO] = { "Jede Stelle der vorigen Ausgabe{previous} und die "
					  "Stellenbeschreibungen, die sie übernommen haben: {new} "
					  "wurden für diese Ausgabe geschrieben, {revised} führen "
					  "eine frühere fort.", NULL },
		[LABEL_LINEAGE_CODE] = { "Code", NULL },
		[LABEL_LINEAGE_PREVIOUS] = { "Frühere Stelle", NULL },
		[LABEL_LINEAGE_NOW] = { "Heute", NULL },
		[LABEL_LINEAGE_WENT] = { "ihre Aufgaben gehören jetzt zu", NULL },
		[LABEL_LINEAGE_FIGURE] = { "Jede Linie führt von einer Stelle der vorigen "
					   "Ausgabe zu einem Blatt dieser Ausgabe, das sie "
					   "übernommen hat; eine gestrichelte Linie von einer "
					   "entfallenen Stelle zu dem Blatt, das ihre Aufgaben "
					   "übernahm. Die Tabelle sagt dasselbe in Worten.", NULL },
		[LABEL_LINEAGE_DRAWING] = { "Herkunft als Zeichnung", NULL },
		[LABEL_SHEET_FAMILY] = { "Familie", NULL },
		[LABEL_SHEET_AKA] = { "Auch bekannt als", NULL },
		[LABEL_SHEET_STATUS] = { "Status", NULL },
		[LABEL_SHEET_REPLACES] = { "Ersetzt", NULL },
		[LABEL_SHEET_SINCE_PREVIOUS] = { "gegenüber der vorigen Ausgabe{previous}", NULL },
		[LABEL_SHEET_IN_PREVIOUS] = { "in der vorigen Ausgabe{previous}", NULL },
		[LABEL_SHEET_FAMILY_ALL] = { "Alle {n} Stellen der Familie {family}", NULL },
		[LABEL_STATUS_NEW] = { "neu", NULL },
		[LABEL_STATUS_REVISED] = { "überarbeitet", NULL },
		[LABEL_STATUS_RETIRED] = { "entfallen", NULL },
		[LABEL_TREND_LEGEND] = { "Tendenz gegenüber der vorigen Ausgabe{previous}:", NULL },
		[LABEL_TREND_RISING] = { "steigend", NULL },
		[LABEL_TREND_STABLE] = { "gleichbleibend", NULL },
		[LABEL_TREND_DECLINING] = { "sinkend", NULL },
		[LABEL_SECTION_MISSION] = { "Zweck der Stelle", NULL },
		[LABEL_SECTION_ACTIVITIES] = { "Tätigkeiten und Aufgaben", NULL },
		[LABEL_SECTION_KNOWLEDGE] = { "Angewandte Kenntnisse", NULL },
		[LABEL_SECTION_CAREER] = { "Werdegang", NULL },
		[LABEL_SECTION_TRENDS] = { "Entwicklungstendenzen und -faktoren", NULL },
		[LABEL_GROUP_TITLE] = { "{n}) {title}", NULL },
		[LABEL_KNOWLEDGE_ITEM] = { "Kenntnis", NULL },
		[LABEL_KNOWLEDGE_LEVEL] = { "Niveau", NULL },
		[LABEL_KNOWLEDGE_LEVELS] = { "Niveaustufen", NULL },
		[LABEL_KNOWLEDGE_LEAD] = { "Jede Kenntnis, die eine Stelle verlangt ({n} insgesamt), mit "
					   "den Stellen, die sie verlangen, und auf welchem Niveau.",
					   NULL },
		[LABEL_KNOWLEDGE_CATEGORIES] = { "Kategorien", NULL },
		[LABEL_KNOWLEDGE_NONE] = { "Noch verlangt keine Stelle etwas davon.", NULL },
		[LABEL_KNOWLEDGE_ASKERS] = { "Verlangt von", NULL },
		[LABEL_IMPORTANCE_ESSENTIAL] = { "Unerlässlich", NULL },
		[LABEL_IMPORTANCE_USEFUL] = { "Nützlich", NULL },
		[LABEL_CAREER_EDUCATION] = { "Ausbildung", NULL },
		[LABEL_CAREER_EXPERIENCE] = { "Berufserfahrung", NULL },
		[LABEL_SEARCH_BOX] = { "Stellen suchen", NULL },
		[LABEL_SEARCH_HINT] = { "Ergebnisse erscheinen beim Tippen: Pfeil nach unten "
					"geht sie durch, Escape kommt hierher zurück.", NULL },
		[LABEL_SEARCH_RESULTS] = { "Suchergebnisse", NULL },
		[LABEL_SEARCH_NONE] = { "Keine Stelle passt.", NULL },
		[LABEL_SEARCH_ONE] = { "1 Stelle", NULL },
		[LABEL_SEARCH_MANY] = { "{n} Stellen", NULL },
		[LABEL_SEARCH_FIRST] = { "{n} Stellen, die ersten {k} angezeigt", NULL },
		[LABEL_SEARCH_FOUND_IN] = { "Gefunden in", NULL },
		[LABEL_SEARCH_LOADING] = { "Suche…", NULL },
		[LABEL_SEARCH_FIELD_CODE] = { "Code", NULL },
		[LABEL_SEARCH_FIELD_TITLE] = { "Titel", NULL },
		[LABEL_SEARCH_FIELD_AKA] = { "andere Titel", NULL },
		[LABEL_SEARCH_FIELD_MISSION] = { "Auftrag", NULL },
		[LABEL_SEARCH_FIELD_TASKS] = { "Aufgaben", NULL },
		[LABEL_SEARCH_FIELD_KNOWLEDGE] = { "Kenntnisse", NULL },
		[LABEL_MATRIX_HEADING] = { "Kompetenzmatrix", NULL },
		[LABEL_MATRIX_TITLE] = { "Kompetenzmatrix der Familie", NULL },
		[LABEL_MATRIX_LEAD] = { "Was die Stellen der Familie verlangen: die Kenntnisse "
					"in den Zeilen, die Stellen in den Spalten, in jeder "
					"Zelle die verlangte Stufe.", NULL },
		[LABEL_MATRIX_LEGEND] = { "Kenntnisse, die mindestens eine Stelle als wesentlich "
					  "verlangt, stehen zuerst. Ein gestrichelter Rahmen "
					  "markiert eine Kenntnis, die die Stelle nützlich statt "
					  "wesentlich findet; ✓ markiert eine Kenntnis einer "
					  "Kategorie ohne Stufen.", NULL },
		[LABEL_MATRIX_ASKED] = { "✓", NULL },
		[LABEL_MATRIX_KNOWLEDGE] = { "Kenntnisse", NULL },
		[LABEL_PARTS_FAMILY] = { "{n} Stellen, auf {pages} Seiten.", NULL },
		[LABEL_PARTS_LINEAGE] = { "{n} Stellen der vorigen Ausgabe, auf {pages} Seiten.", NULL },
		[LABEL_PARTS_CATEGORY] = { "{n} Kenntnisse, auf {pages} Seiten.", NULL },
		[LABEL_PARTS_OF] = { "Seiten von {title}", NULL },
		[LABEL_PARTS_PREVIOUS] = { "Vorige Seite", NULL },
		[LABEL_PARTS_NEXT] = { "Nächste Seite", NULL },
		[LABEL_PARTS_PAGER] = { "Vorige und nächste Seite", NULL },
		[LABEL_BOOKLET_CONTENTS] = { "Inhalt", NULL },
		[LABEL_BOOKLET_FAMILY_POSITIONS] = { "Stellen dieser Familie", NULL },
		[LABEL_BOOKLET_FAMILY_EMPTY] = { "Keine Stelle in dieser Familie.", NULL },
		[LABEL_BOOKLET_NEW] = { "Neue Stelle", NULL },
		[LABEL_BOOKLET_REVISED] = { "Überarbeitete Stelle", NULL },
		[LABEL_BOOKLET_NO_ITEM] = { "\xe2\x80\x94", NULL },
		[LABEL_BOOKLET_LINEAGE] = { "Herkunft der Stellen", NULL },
		[LABEL_BOOKLET_LINEAGE_INTRO] = { "Jede Stelle der vorigen Ausgabe{previous} und die "
						  "Stellen dieser Ausgabe, die sie übernommen haben.",
						  NULL },
		[LABEL_BOOKLET_RETIRED] = { "Keine eigene Stellenbeschreibung; siehe", NULL },
		[LABEL_BOOKLET_PAGE] = { "S.", NULL },
		[LABEL_BOOKLET_POSITIONS] = { "{n} Stelle", "{n} Stellen" },
		[LABEL_BOOKLET_FAMILIES] = { "in {n} Familie", "in {n} Familien" },
		[LABEL_LATEX_BABEL] = { "ngerman", NULL },
	},
};
