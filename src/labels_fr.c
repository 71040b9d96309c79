/*
 * labels_fr.c - jobc's labels in French (labels.h). French typography: a
 * no-break space (U+00A0, "\xc2\xa0" below) before ':' and ';', the
 * apostrophe ’.
 */
#include "labels.h"

const struct labels labels_fr = {
	.tag = "fr",
	.plural = LABEL_PLURAL_ZERO_ONE,
	.text = {
		[LABEL_UNTITLED] = { "Référentiel des métiers", NULL },
		[LABEL_NAV_POSITIONS] = { "Postes", NULL },
		[LABEL_NAV_LINEAGE] = { "Filiation", NULL },
		[LABEL_NAV_KNOWLEDGE] = { "Index des connaissances", NULL },
		[LABEL_PAGE_SKIP] = { "Aller au contenu", NULL },
		[LABEL_PAGE_SITE] = { "Site", NULL },
		[LABEL_PAGE_FOOTER] = { "Produit par jobc à partir des sources .jobsheet du "
					"référentiel\xc2\xa0: pour modifier une page, modifiez sa "
					"fiche.", NULL },
		[LABEL_PAGE_BREADCRUMB] = { "Fil d’Ariane", NULL },
		[LABEL_PAGE_OUTLINE] = { "Sur cette page", NULL },
		[LABEL_PAGE_PAGER] = { "Fiches précédente et suivante", NULL },
		[LABEL_PAGE_PREVIOUS] = { "Précédente", NULL },
		[LABEL_PAGE_NEXT] = { "Suivante", NULL },
		[LABEL_INDEX_LEAD] = { "Le référentiel des postes\xc2\xa0: à quoi sert chacun, ce qu’il "
				       "fait, ce qu’il demande et où il mène. Choisissez une famille "
				       "ci-dessous, cherchez une compétence dans l’{knowledge}, ou "
				       "voyez dans la {lineage} ce que sont devenus les postes de "
				       "l’édition précédente.", NULL },
		[LABEL_INDEX_FAMILIES] = { "Familles", NULL },
		[LABEL_INDEX_LINEAGE] = { "Filiation depuis l’édition précédente{previous}", NULL },
		[LABEL_INDEX_FAMILY_EMPTY] = { "Aucune fiche dans cette famille pour l’instant.", NULL },
		[LABEL_INDEX_WAS] = { "anciennement", NULL },
		[LABEL_COUNT_POSITIONS] = { "{n} poste", "{n} postes" },
		[LABEL_COUNT_FAMILIES] = { "{n} famille", "{n} familles" },
		[LABEL_COUNT_NEW] = { "{n} nouveau poste", "{n} nouveaux postes" },
		[LABEL_COUNT_REVISED] = { "{n} poste révisé", "{n} postes révisés" },
		[LABEL_COUNT_RETIRED] = { "{n} poste supprimé", "{n} postes supprimés" },
		[LABEL_LINEAGE_HEADING] = { "De l’édition précédente{previous} à cette édition", NULL },
		[LABEL_LINEAGE_NONE] = { "Aucun poste antérieur n’est enregistré.", NULL },
		[LABEL_LINEAGE_INTRO] = { "Chaque poste de l’édition précédente{previous}, et les "
					  "fiches qui l’ont repris\xc2\xa0: les fiches {new} ont été "
					  "écrites pour cette édition, les fiches {revised} prolongent "
					  "une fiche antérieure.", NULL },
		[LABEL_LINEAGE_CODE] = { "Code", NULL },
		[LABEL_LINEAGE_PREVIOUS] = { "Poste antérieur", NULL },
		[LABEL_LINEAGE_NOW] = { "Aujourd’hui", NULL },
		[LABEL_LINEAGE_WENT] = { "ses tâches relèvent désormais de", NULL },
		[LABEL_LINEAGE_FIGURE] = { "Chaque ligne va d’un poste de l’édition précédente à "
					   "une fiche de cette édition qui l’a reprise\xc2\xa0; "
					   "une ligne en tirets, d’un poste supprimé à la fiche "
					   "qui a repris ses tâches. Le tableau dit la même "
					   "chose en mots.", NULL },
		[LABEL_LINEAGE_DRAWING] = { "Schéma de la filiation", NULL },
		[LABEL_SHEET_FAMILY] = { "Famille", NULL },
		[LABEL_SHEET_AKA] = { "Autres intitulés", NULL },
		[LABEL_SHEET_STATUS] = { "Statut", NULL },
		[LABEL_SHEET_REPLACES] = { "Remplace", NULL },
		[LABEL_SHEET_SINCE_PREVIOUS] = { "par rapport à l’édition précédente{previous}", NULL },
		[LABEL_SHEET_IN_PREVIOUS] = { "dans l’édition précédente{previous}", NULL },
		[LABEL_SHEET_FAMILY_ALL] = { "Les {n} postes de la famille {family}", NULL },
		[LABEL_STATUS_NEW] = { "nouveau", NULL },
		[LABEL_STATUS_REVISED] = { "révisé", NULL },
		[LABEL_STATUS_RETIRED] = { "supprimé", NULL },
		[LABEL_TREND_LEGEND] = { "Tendance par rapport à l’édition précédente{previous}\xc2\xa0:",
					 NULL },
		[LABEL_TREND_RISING] = { "en hausse", NULL },
		[LABEL_TREND_STABLE] = { "stable", NULL },
		[LABEL_TREND_DECLINING] = { "en baisse", NULL },
		[LABEL_SECTION_MISSION] = { "Mission", NULL },
		[LABEL_SECTION_ACTIVITIES] = { "Activités et tâches", NULL },
		[LABEL_SECTION_KNOWLEDGE] = { "Connaissances mises en œuvre", NULL },
		[LABEL_SECTION_CAREER] = { "Parcours professionnel", NULL },
		[LABEL_SECTION_TRENDS] = { "Tendances et facteurs d’évolution", NULL },
		[LABEL_GROUP_TITLE] = { "{n}) {title}", NULL },
		[LABEL_KNOWLEDGE_ITEM] = { "Connaissance", NULL },
		[LABEL_KNOWLEDGE_LEVEL] = { "Niveau", NULL },
		[LABEL_KNOWLEDGE_LEVELS] = { "Niveaux", NULL },
		[LABEL_KNOWLEDGE_LEAD] = { "Chaque connaissance qu’un poste demande ({n} en tout), avec "
					   "les postes qui la demandent et à quel niveau.", NULL },
		[LABEL_KNOWLEDGE_CATEGORIES] = { "Catégories", NULL },
		[LABEL_KNOWLEDGE_NONE] = { "Aucun poste ne demande encore rien de cette catégorie.",
					   NULL },
		[LABEL_KNOWLEDGE_ASKERS] = { "Demandée par", NULL },
		[LABEL_IMPORTANCE_ESSENTIAL] = { "Indispensable", NULL },
		[LABEL_IMPORTANCE_USEFUL] = { "Utile", NULL },
		[LABEL_CAREER_EDUCATION] = { "Formation", NULL },
		[LABEL_CAREER_EXPERIENCE] = { "Expérience", NULL },
		[LABEL_SEARCH_BOX] = { "Chercher un poste", NULL },
		[LABEL_SEARCH_HINT] = { "Les résultats s’affichent pendant la frappe\xc2\xa0: la "
					"flèche vers le bas les parcourt, Échap ramène ici.", NULL },
		[LABEL_SEARCH_RESULTS] = { "Résultats de la recherche", NULL },
		[LABEL_SEARCH_NONE] = { "Aucun poste ne correspond.", NULL },
		[LABEL_SEARCH_ONE] = { "1 poste", NULL },
		[LABEL_SEARCH_MANY] = { "{n} postes", NULL },
		[LABEL_SEARCH_FIRST] = { "{n} postes, les {k} premiers affichés", NULL },
		[LABEL_SEARCH_FOUND_IN] = { "Trouvé dans", NULL },
		[LABEL_SEARCH_LOADING] = { "Recherche…", NULL },
		[LABEL_SEARCH_FIELD_CODE] = { "code", NULL },
		[LABEL_SEARCH_FIELD_TITLE] = { "intitulé", NULL },
		[LABEL_SEARCH_FIELD_AKA] = { "autres intitulés", NULL },
		[LABEL_SEARCH_FIELD_MISSION] = { "mission", NULL },
		[LABEL_SEARCH_FIELD_TASKS] = { "tâches", NULL },
		[LABEL_SEARCH_FIELD_KNOWLEDGE] = { "connaissances", NULL },
		[LABEL_MATRIX_HEADING] = { "Matrice des compétences", NULL },
		[LABEL_MATRIX_TITLE] = { "Matrice des compétences de la famille", NULL },
		[LABEL_MATRIX_LEAD] = { "Ce que demandent les postes de la famille\xc2\xa0: les "
					"connaissances en lignes, les postes en colonnes, et "
					"dans chaque case le niveau demandé.", NULL },
		[LABEL_MATRIX_LEGEND] = { "Les connaissances essentielles à au moins un poste "
					  "viennent en premier. Un cadre en tirets marque une "
					  "connaissance que le poste juge utile plutôt "
					  "qu’essentielle\xc2\xa0; ✓ marque une connaissance "
					  "d’une catégorie sans niveaux.", NULL },
		[LABEL_MATRIX_ASKED] = { "✓", NULL },
		[LABEL_MATRIX_KNOWLEDGE] = { "Connaissances", NULL },
		[LABEL_PARTS_FAMILY] = { "{n} postes, sur {pages} pages.", NULL },
		[LABEL_PARTS_LINEAGE] = { "{n} postes de l’édition précédente, sur {pages} pages.", NULL },
		[LABEL_PARTS_CATEGORY] = { "{n} connaissances, sur {pages} pages.", NULL },
		[LABEL_PARTS_OF] = { "Pages de {title}", NULL },
		[LABEL_PARTS_PREVIOUS] = { "Page précédente", NULL },
		[LABEL_PARTS_NEXT] = { "Page suivante", NULL },
		[LABEL_PARTS_PAGER] = { "Pages précédente et suivante", NULL },
		[LABEL_BOOKLET_CONTENTS] = { "Table des matières", NULL },
		[LABEL_BOOKLET_FAMILY_POSITIONS] = { "Postes de cette famille", NULL },
		[LABEL_BOOKLET_FAMILY_EMPTY] = { "Aucun poste dans cette famille.", NULL },
		[LABEL_BOOKLET_NEW] = { "Nouveau poste", NULL },
		[LABEL_BOOKLET_REVISED] = { "Poste révisé", NULL },
		[LABEL_BOOKLET_NO_ITEM] = { "\xe2\x80\x94", NULL },
		[LABEL_BOOKLET_LINEAGE] = { "Filiation des postes", NULL },
		[LABEL_BOOKLET_LINEAGE_INTRO] = { "Chaque poste de l’édition précédente{previous} et "
						  "les postes de cette édition qui l’ont repris.", NULL },
		[LABEL_BOOKLET_RETIRED] = { "Pas de fiche propre\xc2\xa0; voir", NULL },
		[LABEL_BOOKLET_PAGE] = { "p.", NULL },
		[LABEL_BOOKLET_POSITIONS] = { "{n} poste", "{n} postes" },
		[LABEL_BOOKLET_FAMILIES] = { "dans {n} famille", "dans {n} familles" },
		[LABEL_LATEX_BABEL] = { "french", NULL },
	},
};
