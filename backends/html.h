/*
 * html.h - internals shared by the files of the HTML backend (backends/html*.c).
 *
 * The site (docs/HTML.md):
 *     html/index.html          families and their sheets, the lineage table
 *     html/knowledge.html      every knowledge item -> the sheets that ask for it
 *     html/sheets/CODE.html    one page per sheet, with schema.org JSON-LD
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

struct html_site {
	const struct ast_root *root;
	struct html_kindex kindex;
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
	HTML_IN_SHEETS          /* sheets/CODE.html */
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
 * span.num if n_span), {family} and {title} escaped text (the title in a
 * span.name), {knowledge} and {lineage} links to the two pages, {new} and
 * {revised} status badges. In an attribute (in_attribute), no markup.
 */
struct html_fill {
	size_t n;
	bool n_span;
	const char *family;
	const char *title;
	bool in_attribute;
};

/* Label id with its placeholders filled from values (NULL: none but
 * {previous}); for a counted label, the form for values->n. */
void html_label_fill(const struct html_page *p, enum label_id id,
		     const struct html_fill *values);

/* A link to a sheet: its code and title, with an optional status badge. */
void html_sheet_link(const struct html_page *p, const struct ast_sheet *s);
void html_status_badge(const struct html_page *p, enum ast_status status);

/* A level of the scale as a badge with a meter; NULL writes nothing. */
void html_level(const struct html_page *p, const struct ast_level *level);

/* The legend of the scale, as a definition list. */
void html_level_legend(const struct html_page *p);

/* Paragraphs and bullet lists. */
void html_prose(struct buf *b, const struct ast_prose_list *prose);

/* ---- the pages ---- */

void html_emit_index(const struct html_site *site, struct buf *b);      /* html_index.c */
void html_emit_knowledge(const struct html_site *site, struct buf *b);  /* html_knowledge.c */
/* The page of root->sheets[i] (html_sheet.c). */
void html_emit_sheet(const struct html_site *site, size_t i, struct buf *b);

/* schema.org Occupation of a sheet, as a <script> element (html_jsonld.c). */
void html_jsonld(struct buf *b, const struct ast_root *root, const struct ast_sheet *s);

#endif
