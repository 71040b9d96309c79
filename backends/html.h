/*
 * html.h - internals shared by the files of the HTML backend (backends/html*.c).
 *
 * The site (docs/HTML.md):
 *     html/index.html          families and their sheets, the lineage table
 *     html/knowledge.html      every knowledge item -> the sheets that ask for it
 *     html/sheets/CODE.html    one page per sheet, with schema.org JSON-LD
 *     html/matrix/N.html       a family's competency matrix (html_matrix.c)
 *     html/families/, lineage/, knowledge/
 *                              the parts of a large index, lineage table and
 *                              knowledge index (html_parts.c, html_part_pages.c)
 *     html/search.js, search/  the search box and its index (html_search*.c)
 *     html/style.css           screen and print (backends/assets/style.css)
 *
 * Every link is relative, so the site works from file:// with no server.
 * Every text of the AST is escaped by the emitter kit (emit.h), with one of
 * two instances: emit_html for element text and attribute values,
 * emit_json_script for the JSON inside <script type="application/ld+json">.
 */
#ifndef JOBC_HTML_H
#define JOBC_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "buf.h"
#include "emit.h"
#include "output.h"
#include "labels.h"

/* ---- escaping: the kit's instances for a C string (html_page.c) ---- */

/* Element text or a quoted attribute value: shows exactly what was written. */
void html_text(struct buf *b, const char *s);

/* The inside of a JSON string literal (no quotes), safe in a <script> element. */
void html_json_text(struct buf *b, const char *s);

/*
 * emit_fmt with emit_html: %s raw (our own markup and ASCII tokens), %t
 * escaped text from the AST, %z a size_t, %% a percent sign.
 */
void html_fmt(struct buf *b, const char *fmt, ...);

/* ---- the knowledge index (html_kindex.c) ---- */

/* Words of a text's first bytes kept in its entry (html_kindex.c). */
#define HTML_KENTRY_PREFIX 4

/* One knowledge item of one sheet. */
struct html_kentry {
	const struct ast_item *item;
	const struct ast_sheet *sheet;
	const struct ast_knowledge *block;
	size_t cat_rank;        /* position of its category in the declarations */
	size_t group;           /* entries with the same category and text share it */
	size_t nth;             /* the item's place in source order (see groups) */
	uint64_t prefix[HTML_KENTRY_PREFIX];  /* the text's first bytes, to sort by */
};

/*
 * Every knowledge item of every sheet, sorted by category, then text
 * (ignoring ASCII case first), then sheet code: the order of knowledge.html.
 */
struct html_kindex {
	struct html_kentry *entries;
	size_t n, n_groups;
	/* The group of every item in source order: the sheets in code order,
	 * each one's blocks and items as written. */
	size_t *groups;
	size_t *sheet_first;    /* where each sheet's items start in groups */
};

/* 0, or -1 if memory runs out (nothing to free then). */
int html_kindex_build(struct html_kindex *k, const struct ast_root *root);
void html_kindex_free(struct html_kindex *k);

/*
 * The groups of the items of root->sheets[sheet], in the order its blocks
 * and items are written: what a sheet page looks up, without a search per
 * item. NULL when no sheet has any item.
 */
const size_t *html_kindex_sheet_groups(const struct html_kindex *k, size_t sheet);


/* ---- the page skeleton and shared pieces (html_page.c) ---- */

/* ---- a large site in parts (html_parts.c) ---- */

/* The estimated bytes past which a list is cut into pages: the default of
 * --html-page-size. */
#define HTML_PAGE_BUDGET ((size_t)1024 * 1024)
/* Most sheets a matrix page sets side by side, and most rows of a lineage
 * drawing: past those neither reads well. */
#define HTML_MATRIX_COLUMNS 10
#define HTML_LINEAGE_ROWS 250

/*
 * One page of a list cut into parts: its units [first, end) (sheets of a
 * family, entries of root->lineage, or knowledge groups). A run of units
 * with one initial that did not fit one page is cut into pieces: piece
 * (from 1) of pieces; 0 and 0 otherwise.
 */
struct html_part {
	size_t first, end;
	size_t piece, pieces;
	size_t path;            /* offset of its path in html_plan.paths */
};

struct html_parts {
	struct html_part *part;
	size_t n;
};

/*
 * Which lists are cut into pages, and where each part lives. A list whose
 * whole estimate fits the budget stays one page, as it always was
 * (index.html, knowledge.html); the matrix of a family is always its own
 * page, or pages.
 */
struct html_plan {
	size_t budget;
	bool families_split, lineage_split, knowledge_split;
	struct html_parts *families;    /* by family: its sheets (when split) */
	struct html_parts lineage;      /* root->lineage (when split) */
	struct html_parts knowledge;    /* groups, category after category (when split) */
	size_t *category_parts;         /* the first part of each category, and n */
	struct html_parts *matrix;      /* by family: its sheets */
	size_t n_families;              /* of families and matrix */
	struct buf paths;               /* every part's path, each after a NUL */
};

struct html_site {
	const struct ast_root *root;
	struct html_kindex kindex;
	struct html_plan plan;
	/* html_level's markup of each level of the scale, by rank: the same on
	 * every page, so made once (html_levels_build). */
	struct buf *levels;
};

/* Makes site->levels: 0, or -1 if memory runs out; free it either way. */
int html_levels_build(struct html_site *site);
void html_levels_free(struct html_site *site);

/* Where a page sits decides how its links climb back to the top. */
enum html_where {
	HTML_AT_TOP,            /* index.html, knowledge.html */
	HTML_IN_SHEETS          /* sheets/CODE.html, and every page in a folder */
};

/* Which entry of the site navigation a page is. */
enum html_nav {
	HTML_NAV_POSITIONS,
	HTML_NAV_KNOWLEDGE,
	HTML_NAV_NONE
};

struct html_page {
	struct buf *b;
	const struct html_site *site;
	const char *up;         /* "" or "../": prefix of links to the top */
	const char *self;       /* its path, for links within it (html_link_to), or NULL */
};

void html_page_init(struct html_page *p, struct buf *b, const struct html_site *site,
		    enum html_where where);

/* Doctype to the end of <head>'s common part; code may be NULL. */
void html_page_head(struct html_page *p, const char *code, const char *title);

/* Closes <head>, opens <body> with the site header and <main>. */
void html_page_body(struct html_page *p, const char *body_class, enum html_nav current);

/* Closes <main>, writes the footer, ends the document. */
void html_page_end(struct html_page *p);

/* The catalogue's title, or a neutral one if none was declared. */
const char *html_catalogue_title(const struct ast_root *root);

/* A label in the catalogue's language (labels.h): pass it as %t. */
const char *html_label(const struct html_page *p, enum label_id id);

/* The words of an importance: "Essential". */
const char *html_importance(const struct html_page *p, enum ast_importance i);

/*
 * What the placeholders of a label become (labels.h): {previous} " (the
 * previous edition's name)" if the catalogue names it, {n} a number (in a
 * span.num if n_span) and {pages} another, {family} and {title} escaped
 * text (the title in a span.name), {knowledge} and {lineage} links to the
 * two pages, {new} and {revised} status badges. In an attribute
 * (in_attribute), no markup.
 */
struct html_fill {
	size_t n;
	bool n_span;
	size_t pages;
	const char *family;
	const char *title;
	bool in_attribute;
};

/* Label id with its placeholders filled from values (NULL: none but
 * {previous}); for a counted label, the form for values->n. */
void html_label_fill(const struct html_page *p, enum label_id id,
		     const struct html_fill *values);

/* The breadcrumb of a page of family f: positions › family › here. */
void html_breadcrumb(const struct html_page *p, const struct ast_family *f, const char *here);

/* A link to a sheet: its code and title, with an optional status badge. */
void html_sheet_link(const struct html_page *p, const struct ast_sheet *s);
void html_status_badge(const struct html_page *p, enum ast_status status);

/* A level of the scale as a badge with a meter; NULL writes nothing. */
void html_level(const struct html_page *p, const struct ast_level *level);

/* The legend of the scale, as a definition list. */
void html_level_legend(const struct html_page *p);

/* Paragraphs and bullet lists. */
void html_prose(struct buf *b, const struct ast_prose_list *prose);

/* ---- the pieces of index.html and knowledge.html that the parts reuse ---- */

void html_card(const struct html_page *p, const struct ast_sheet *s);  /* html_index.c */
/* The lineage table of root->lineage[first..end) (html_index.c). */
void html_lineage_table(const struct html_page *p, size_t first, size_t end);
/* The rows of the knowledge index for kindex entries [from, end) (html_knowledge.c). */
void html_category_rows(const struct html_page *p, size_t from, size_t end);

/* ---- the plan of the pages (html_parts.c) ---- */

/* Cuts the lists of the site into pages (site->plan), budget the estimated
 * bytes of a page. 0, or -1 if memory runs out; free the plan either way. */
int html_plan_build(struct html_site *site, size_t budget);
void html_plan_free(struct html_plan *plan);

/*
 * Appends to ps (*cap parts allocated) the parts of units [0, n), numbered
 * from base: each of at most budget estimated bytes (cost[i] a unit's) and
 * max_units units, but for a unit larger than budget alone. Units with the
 * same run key (when run is not NULL) stay on one page when they fit one,
 * so that a part holds whole initials; without runs, the parts are of
 * about one size. 0, or -1 if memory runs out.
 */
int html_cut(struct html_parts *ps, size_t *cap, const size_t *cost, const uint32_t *run,
	     size_t n, size_t base, size_t budget, size_t max_units);

/* The first character of a text, ASCII letters in capitals: what the parts
 * of the knowledge index are cut and labelled by. */
uint32_t html_initial(const char *text);

/* A part's path under html/: "knowledge/tech-2.html". */
const char *html_part_path(const struct html_plan *plan, const struct html_part *part);

/* The part of parts that holds unit u. */
size_t html_part_of(const struct html_parts *parts, size_t u);

/* The page that shows a lineage entry, a knowledge group: index.html or
 * knowledge.html, or the part that holds it. */
const char *html_lineage_page(const struct html_site *site, const struct ast_lineage *l);
const char *html_group_page(const struct html_site *site, size_t group);

/* The start of a link to a place of page: nothing on that page itself,
 * else p->up and the page; the caller writes "#id". */
void html_link_to(const struct html_page *p, const char *page);

/* ---- the pages of the parts (html_part_pages.c) ---- */

/* What index.html and knowledge.html show of a list cut into parts: a
 * link to each part, with what it holds. */
void html_family_parts(const struct html_page *p, const struct ast_family *f);
void html_lineage_parts(const struct html_page *p);
void html_category_parts(const struct html_page *p, size_t category);

/* Writes what a part holds as plain text into raw (callers escape it). */
typedef void html_part_label(struct buf *raw, const struct html_part *part, const void *ctx);

/* The codes of the first and last sheets of a part; ctx: the sheets. */
html_part_label html_sheets_label;

/* The navigation between the parts [first, end) of a list, the current one
 * marked, labelled "pages of WHAT". */
void html_parts_nav(const struct html_page *p, const struct html_parts *parts, size_t first,
		    size_t end, size_t current, const char *what, html_part_label *label_of,
		    const void *ctx);

/* Links to the parts before and after the current one, among [first, end). */
void html_parts_pager(const struct html_page *p, const struct html_parts *parts, size_t first,
		      size_t end, size_t current, html_part_label *label_of, const void *ctx);

/* The <head> and top of a part's page: its <title> is "WHAT MORE, LABEL"
 * (MORE and the label when not NULL). */
void html_part_head(struct html_page *p, const char *what, const char *more,
		    html_part_label *label_of, const struct html_part *part, const void *ctx,
		    const char *body_class, enum html_nav nav);

/* A new file of out for the page of a part, p set to write it. NULL if
 * memory runs out. */
struct buf *html_part_file(struct out_set *out, struct html_page *p,
			   const struct html_site *site, const struct html_part *part);

/* Stages families/, lineage/ and knowledge/ when they are split. */
int html_stage_parts(const struct html_site *site, struct out_set *out);

/* ---- pictures: the competency matrix and the lineage drawing ---- */

/* Stages matrix/: each family's matrix (html_matrix.c). */
int html_stage_matrices(const struct html_site *site, struct out_set *out);
/* A link to the matrix of f, to the part that shows s if s is not NULL. */
void html_matrix_link(const struct html_page *p, const struct ast_family *f,
		      const struct ast_sheet *s);

/* The drawing of root->lineage[first..end) as an SVG figure (html_lineage_svg.c). */
void html_lineage_svg(const struct html_page *p, size_t first, size_t end);

/* ---- search (html_search.c) ---- */

/* The <script> in <head>, and the search box in the site header. */
void html_search_head(const struct html_page *p);
void html_search_box(const struct html_page *p);
/* Stages search.js and the index under search/. */
int html_stage_search(const struct html_site *site, struct out_set *out);

/* ---- the pages ---- */

void html_emit_index(const struct html_site *site, struct buf *b);      /* html_index.c */
void html_emit_knowledge(const struct html_site *site, struct buf *b);  /* html_knowledge.c */
/* The page of root->sheets[i] (html_sheet.c). */
void html_emit_sheet(const struct html_site *site, size_t i, struct buf *b);

/* schema.org Occupation of a sheet, as a <script> element (html_jsonld.c). */
void html_jsonld(struct buf *b, const struct ast_root *root, const struct ast_sheet *s);

#endif
