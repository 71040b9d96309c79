/*
 * parser.y - the grammar of .jobsheet files (docs/LANGUAGE.md has it in EBNF).
 *
 * Conventions:
 * - A pure, reentrant parser (api.pure full) with locations of type
 *   struct loc (src/loc.h). It reads its tokens from the token filter
 *   (src/tokens.h), which reads the scanner's (grammar/scanner.l) and
 *   mends the slips the writer's layout gives away before they reach the
 *   parser. No globals.
 * - The grammar only builds the AST (src/ast.h) and checks what is purely
 *   structural: a section written twice, `intro` out of place, a catalogue
 *   or scale declared twice. Meaning (levels, families, references) is the
 *   validator's (src/validate.c), which sees every file of the run.
 * - Syntax errors are reported by yyreport_syntax_error with the tokens that
 *   were expected (LAC makes that list exact) and, for a misspelt keyword,
 *   a "did you mean". The parser never stops at the first error: `error`
 *   rules at the end of every list resynchronise at the next item, field or
 *   declaration; `error "{" skipped "}"` reads over a misplaced block as a
 *   whole, so its braces do not close the wrong section; bison's three-token
 *   rule keeps one mistake from producing a cascade, and yyerrok after each
 *   complete element lets the next independent mistake be reported. Actions
 *   say nothing while the parser is recovering (YYRECOVERING): what they see
 *   then is debris of the error already reported.
 * - Node allocation failure aborts the parse with YYNOMEM.
 * - %expect 0: the grammar is LALR(1) without conflicts; a group and a
 *   paragraph both start with a string and are told apart by the '{'.
 */

%define api.pure full
%define api.prefix {jobc_yy}
%define api.location.type {struct loc}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%parse-param {struct parse_ctx *ctx}

%code requires {
#include "ast.h"
#include "parse.h"
}

%code {
#include <string.h>

#include "code.h"
#include "suggest.h"

/* Tokens come through the token filter (src/tokens.h), not from the scanner. */
static int parse_lex(JOBC_YYSTYPE *val, struct loc *loc, struct parse_ctx *ctx);
#undef yylex
#define yylex(val, loc) parse_lex((val), (loc), ctx)

#define YYLLOC_DEFAULT(cur, rhs, n)                                        \
	do {                                                               \
		if (n) {                                                   \
			(cur) = YYRHSLOC(rhs, 1);                          \
			(cur).last = YYRHSLOC(rhs, n).last;                \
		} else {                                                   \
			(cur) = YYRHSLOC(rhs, 0);                          \
			(cur).offset = (cur).last;                         \
		}                                                          \
	} while (0)

/* A zeroed node from the arena, or the parse ends for lack of memory. */
#define NEW(var)                                                           \
	do {                                                               \
		if (!((var) = arena_alloc(ctx->arena, sizeof *(var)))) {   \
			ctx->oom = true;                                   \
			YYNOMEM;                                           \
		}                                                          \
	} while (0)

static bool parse_once(struct parse_ctx *ctx, bool *present, struct loc *first,
		       const struct loc *here, const char *what);
static void parse_set_field(struct parse_ctx *ctx, struct ast_str *field,
			    const struct ast_str *value, const struct loc *here, const char *what);
static void parse_section(struct parse_ctx *ctx, struct ast_section *section,
			  const struct ast_prose_list *prose, const struct loc *here,
			  const char *what);
static void jobc_yyerror(const struct loc *loc, struct parse_ctx *ctx, const char *msg);
static void parse_unknown_section(struct parse_ctx *ctx, const struct ast_str *name);
static int parse_unknown_word(struct parse_ctx *ctx, const struct ast_str *word, const char *what,
			      const char *const *words, size_t n);

/*
 * Once an error is reported, bison reports none until three tokens are
 * read: a mistake seldom comes alone. But a token that starts a line and
 * a new declaration or a new field of a sheet (each on a line of its own,
 * as the language is written) starts afresh: the mistake before it is
 * behind, and the next one is news. The lists end in 0.
 */
static const int parse_declaration_starts[] = {
	KW_CATALOGUE, KW_SCALE, KW_CATEGORY, KW_FAMILY, KW_RETIRED, KW_SHEET, 0
};
static const int parse_field_starts[] = {
	KW_FAMILY, KW_STATUS, KW_REPLACES, KW_AKA, KW_MISSION, KW_ACTIVITIES, NAME, KW_CAREER,
	KW_TRENDS, RBRACE, 0
};
static bool parse_starts_item(int token, const int *starts)
{
	for (; *starts; starts++)
		if (token == *starts)
			return true;
	return false;
}
static void parse_check_code(struct parse_ctx *ctx, const struct ast_str *word);
static void parse_numbered_group(struct parse_ctx *ctx, const struct ast_str *title);
static void parse_catalogue_field(struct parse_ctx *ctx, const struct ast_str *name,
				  const struct ast_str *value);
static void parse_labels_begin(struct parse_ctx *ctx, const struct ast_str *name);
static int parse_label(struct parse_ctx *ctx, const struct ast_str *key,
		       const struct ast_str *text, const struct ast_str *other);
}

%union {
	struct ast_str str;
	enum ast_trend trend;
	enum ast_importance importance;
	enum ast_status status;
	bool flag;
	struct ast_prose *prose;
	struct ast_prose_list prose_list;
	struct ast_str_list str_list;
	struct ast_task *task;
	struct ast_group *group;
	struct ast_item *item;
	struct ast_knowledge *knowledge;
	struct ast_activities activities;
}

%token END 0 "end of file"
%token <str> STRING "string"
%token <str> NAME "name"
%token <str> CODE "code"
%token <str> NUMBER "number"
%token <trend> TREND "trend mark"
%token LBRACE "{"
%token RBRACE "}"
/* Keywords, alphabetically and together: the scanner tests the range. */
%token <str> KW_ACTIVITIES "activities" KW_AKA "aka" KW_CAREER "career"
	KW_CATALOGUE "catalogue" KW_CATEGORY "category" KW_EDITION "edition"
	KW_EDUCATION "education" KW_ESSENTIAL "essential" KW_EXPERIENCE "experience"
	KW_FAMILY "family" KW_INTRO "intro" KW_LEVELLED "levelled" KW_LIST "list"
	KW_MISSION "mission" KW_NEW "new" KW_PREVIOUS "previous"
	KW_PUBLISHER "publisher" KW_REPLACES "replaces" KW_RETIRED "retired"
	KW_REVISED "revised" KW_SCALE "scale" KW_SEE "see" KW_SHEET "sheet"
	KW_STATUS "status" KW_TRENDS "trends" KW_USEFUL "useful"

%type <str> code label_key
%type <flag> levelled
%type <status> status
%type <importance> importance
%type <prose> prose career_entry
%type <prose_list> prose_list career_entries
%type <str_list> strings
%type <task> task task_head
%type <group> group_head
%type <item> item
%type <activities> activity_items

%%

/* ==== files and declarations ============================================ */

file
	: %empty
	| file declaration
		{ yyerrok; }
	| file error
		{
			if (ctx->sheet)
				ctx->sheet->damaged = true;
			ctx->sheet = NULL;
			if (tokens_line_start(ctx) && parse_starts_item(yychar, parse_declaration_starts))
				yyerrok;
		}
	;

declaration
	: catalogue     { ctx->closed_sheet = NULL; }
	| scale         { ctx->closed_sheet = NULL; }
	| category      { ctx->closed_sheet = NULL; }
	| family        { ctx->closed_sheet = NULL; }
	| retired       { ctx->closed_sheet = NULL; }
	| sheet
	;

catalogue
	: KW_CATALOGUE STRING LBRACE
		{
			struct ast_catalogue_info *info;
			NEW(info);
			info->loc = @1;
			info->title = $2;
			if (ctx->root->catalogue) {
				diag_error(ctx->diag, &@1, "the catalogue is declared twice");
				diag_note(ctx->diag, &ctx->root->catalogue->loc, "first declared here");
			} else {
				ctx->root->catalogue = info;
			}
			ctx->catalogue = info;
		}
	  catalogue_fields RBRACE
		{
			/* A '}' of the labels block left out: what follows
			 * where it belonged was read as labels. */
			struct ast_catalogue_info *c = ctx->catalogue;
			const struct loc *lost = tokens_lost_at(ctx);
			if (c->has_labels && tokens_repairs(ctx) != ctx->labels_repairs && lost)
				c->labels_mended = *lost;
		}
	;

catalogue_fields
	: %empty
	| catalogue_fields KW_PUBLISHER STRING
		{ parse_set_field(ctx, &ctx->catalogue->publisher, &$3, &@2, "publisher"); }
	| catalogue_fields KW_EDITION STRING
		{ parse_set_field(ctx, &ctx->catalogue->edition, &$3, &@2, "edition"); }
	| catalogue_fields KW_PREVIOUS STRING
		{ parse_set_field(ctx, &ctx->catalogue->previous, &$3, &@2, "previous"); }
	| catalogue_fields NAME STRING
		{ parse_catalogue_field(ctx, &$2, &$3); }
	| catalogue_fields NAME LBRACE
		{ parse_labels_begin(ctx, &$2); }
	  labels RBRACE
	| catalogue_fields error
	| catalogue_fields error LBRACE skipped RBRACE
	;

/* The catalogue's own labels (labels.h): `key "text"`, or two texts for a
 * counted label. Keys are dotted words: a name or a code to the scanner. */
labels
	: %empty
	| labels label_key STRING
		{ if (parse_label(ctx, &$2, &$3, NULL)) YYNOMEM; yyerrok; }
	| labels label_key STRING STRING
		{ if (parse_label(ctx, &$2, &$3, &$4)) YYNOMEM; yyerrok; }
	| labels error
	| labels error LBRACE skipped RBRACE
	;

label_key
	: NAME
	| CODE
	;

scale
	: KW_SCALE LBRACE
		{
			struct ast_scale *scale;
			NEW(scale);
			scale->loc = @1;
			if (ctx->root->scale) {
				diag_error(ctx->diag, &@1, "the scale is declared twice");
				diag_note(ctx->diag, &ctx->root->scale->loc, "first declared here");
			} else {
				ctx->root->scale = scale;
			}
			ctx->scale = scale;
		}
	  levels RBRACE
		{
			if (ctx->scale->levels.count == 0)
				diag_error(ctx->diag, &@1, "the scale declares no level");
		}
	;

levels
	: %empty
	| levels NAME STRING
		{
			struct ast_level *level;
			NEW(level);
			level->name = $2;
			level->description = $3;
			AST_LIST_APPEND(ctx->scale->levels, level);
			yyerrok;
		}
	| levels NAME
		/* Before the next level's name, or the scale's end. */
		{ diag_error(ctx->diag, &@2, "level '%s' has no description", $2.text); }
	| levels error
	| levels error LBRACE skipped RBRACE
	;

category
	: KW_CATEGORY NAME STRING levelled
		{
			struct ast_category *cat;
			NEW(cat);
			cat->loc = @1;
			cat->name = $2;
			cat->title = $3;
			cat->levelled = $4;
			AST_LIST_APPEND(ctx->root->parsed.categories, cat);
		}
	;

levelled
	: %empty        { $$ = false; }
	| KW_LEVELLED   { $$ = true; }
	;

family
	: KW_FAMILY code STRING
		{
			struct ast_family *fam;
			NEW(fam);
			fam->loc = @1;
			fam->number = $2;
			fam->title = $3;
			AST_LIST_APPEND(ctx->root->parsed.families, fam);
		}
	;

retired
	: KW_RETIRED code STRING KW_SEE code
		{
			struct ast_retired *r;
			NEW(r);
			r->loc = @1;
			r->code = $2;
			r->title = $3;
			r->see = $5;
			AST_LIST_APPEND(ctx->root->parsed.retired, r);
		}
	;

/* A code: a name may be one (`DEV`), if it is written like one (code.h). */
code
	: NUMBER
	| CODE          { parse_check_code(ctx, &$1); }
	| NAME          { parse_check_code(ctx, &$1); }
	;

/* ==== sheets ============================================================ */

sheet
	: KW_SHEET code STRING LBRACE
		{
			struct ast_sheet *s;
			NEW(s);
			s->loc = @1;
			s->code = $2;
			s->title = $3;
			/* In the root at once, so that a sheet broken by a syntax
			 * error is still known to the validator. */
			AST_LIST_APPEND(ctx->root->parsed.sheets, s);
			ctx->sheet = s;
			ctx->sheet_repairs = tokens_repairs(ctx);
		}
	  sheet_fields RBRACE
		{
			/* Mended by the token filter: what it lacks is no news. */
			if (tokens_repairs(ctx) != ctx->sheet_repairs)
				ctx->sheet->damaged = true;
			ctx->closed_sheet = ctx->sheet;
			ctx->closed_at = @7;
			ctx->sheet = NULL;
		}
	;

sheet_fields
	: %empty
	| sheet_fields sheet_field
		{ yyerrok; }
	| sheet_fields error
		{
			ctx->sheet->damaged = true;
			if (tokens_line_start(ctx) && parse_starts_item(yychar, parse_field_starts))
				yyerrok;
		}
	| sheet_fields error LBRACE skipped RBRACE
		{ ctx->sheet->damaged = true; }
	;

sheet_field
	: KW_FAMILY code
		{ parse_set_field(ctx, &ctx->sheet->family, &$2, &@1, "family"); }
	| KW_STATUS status
		{
			bool present = ctx->sheet->status != AST_STATUS_NONE;
			if (parse_once(ctx, &present, &ctx->sheet->status_loc, &@1, "status"))
				ctx->sheet->status = $2;
		}
	| KW_REPLACES code STRING
		{
			struct ast_replace *r;
			NEW(r);
			r->loc = @1;
			r->code = $2;
			r->title = $3;
			AST_LIST_APPEND(ctx->sheet->replaces, r);
		}
	| KW_AKA STRING
		{
			struct ast_str *aka;
			NEW(aka);
			*aka = $2;
			AST_LIST_APPEND(ctx->sheet->aka, aka);
		}
	| KW_MISSION LBRACE prose_list RBRACE
		{ parse_section(ctx, &ctx->sheet->mission, &$3, &@1, "mission"); }
	| KW_ACTIVITIES LBRACE activity_items RBRACE
		{
			struct ast_activities *a = &ctx->sheet->activities;
			if (parse_once(ctx, &a->present, &a->loc, &@1, "activities")) {
				*a = $3;
				a->present = true;
				a->loc = @1;
			}
		}
	| NAME importance LBRACE
		{
			struct ast_knowledge *k;
			NEW(k);
			k->loc = @1;
			k->category = $1;
			k->importance = $2;
			AST_LIST_APPEND(ctx->sheet->knowledge, k);
			ctx->knowledge_repairs = tokens_repairs(ctx);
		}
	  items RBRACE
		{
			/* Its items after an error or a mending are no one's to check. */
			if (tokens_repairs(ctx) != ctx->knowledge_repairs)
				ctx->sheet->knowledge.last->damaged = true;
		}
	| NAME LBRACE skipped RBRACE
		{
			if (!YYRECOVERING())
				parse_unknown_section(ctx, &$1);
		}
	| KW_CAREER LBRACE career_entries RBRACE
		{ parse_section(ctx, &ctx->sheet->career, &$3, &@1, "career"); }
	| KW_TRENDS LBRACE prose_list RBRACE
		{ parse_section(ctx, &ctx->sheet->trends, &$3, &@1, "trends"); }
	;

status
	: KW_NEW        { $$ = AST_STATUS_NEW; }
	| KW_REVISED    { $$ = AST_STATUS_REVISED; }
	;

importance
	: KW_ESSENTIAL  { $$ = AST_ESSENTIAL; }
	| KW_USEFUL     { $$ = AST_USEFUL; }
	| NAME
		{
			/* Read the block anyway: its items are still checked. */
			static const char *const words[] = { "essential", "useful" };
			int i = YYRECOVERING() ? -1 : parse_unknown_word(ctx, &$1, "importance", words, 2);
			$$ = i == 1 ? AST_USEFUL : AST_ESSENTIAL;
		}
	;

/*
 * The body of an unknown section (a misspelt keyword): read over, braces
 * balanced, so that the error is reported once and the sheet goes on.
 */
skipped
	: %empty
	| skipped skipped_token
	| skipped LBRACE skipped RBRACE
	;

skipped_token
	: STRING | NAME | CODE | NUMBER | TREND
	| KW_ACTIVITIES | KW_AKA | KW_CAREER | KW_CATALOGUE | KW_CATEGORY | KW_EDITION
	| KW_EDUCATION | KW_ESSENTIAL | KW_EXPERIENCE | KW_FAMILY | KW_INTRO | KW_LEVELLED
	| KW_LIST | KW_MISSION | KW_NEW | KW_PREVIOUS | KW_PUBLISHER | KW_REPLACES
	| KW_RETIRED | KW_REVISED | KW_SCALE | KW_SEE | KW_SHEET | KW_STATUS | KW_TRENDS
	| KW_USEFUL
	;

/* ---- prose: paragraphs and lists ---- */

prose_list
	: %empty        { $$ = (struct ast_prose_list){ 0 }; }
	| prose_list prose
		{ $$ = $1; AST_LIST_APPEND($$, $2); yyerrok; }
	| prose_list error
	| prose_list error LBRACE skipped RBRACE
	;

prose
	: STRING
		{
			NEW($$);
			$$->kind = AST_PARAGRAPH;
			$$->loc = @1;
			$$->text = $1;
		}
	| KW_LIST LBRACE strings RBRACE
		{
			NEW($$);
			$$->kind = AST_LIST;
			$$->loc = @1;
			$$->items = $3;
			if ($3.count == 0 && !YYRECOVERING())
				diag_warning(ctx->diag, DIAG_W_EMPTY_LIST, &@1, "empty list");
		}
	;

strings
	: %empty        { $$ = (struct ast_str_list){ 0 }; }
	| strings STRING
		{
			struct ast_str *s;
			NEW(s);
			*s = $2;
			$$ = $1;
			AST_LIST_APPEND($$, s);
			yyerrok;
		}
	| strings error
	| strings error LBRACE skipped RBRACE
	;

/* ---- activities ---- */

activity_items
	: %empty        { $$ = (struct ast_activities){ 0 }; }
	| activity_items prose
		{
			$$ = $1;
			if ($$.groups.count > 0 && !YYRECOVERING()) {
				diag_error(ctx->diag, &@2, "a paragraph of activities must come "
					   "before the first group");
				diag_note(ctx->diag, &$$.groups.first->loc, "the first group is here");
			}
			AST_LIST_APPEND($$.intro, $2);
			yyerrok;
		}
	| activity_items group_head group_items RBRACE
		{ $$ = $1; AST_LIST_APPEND($$.groups, $2); yyerrok; }
	| activity_items error
	| activity_items error LBRACE skipped RBRACE
	;

group_head
	: STRING LBRACE
		{
			NEW($$);
			$$->loc = @1;
			$$->title = $1;
			ctx->group = $$;
			if (!YYRECOVERING())
				parse_numbered_group(ctx, &$1);
		}
	| TREND STRING LBRACE
		{
			NEW($$);
			$$->loc = @1;
			$$->trend = $1;
			$$->title = $2;
			ctx->group = $$;
			if (!YYRECOVERING())
				parse_numbered_group(ctx, &$2);
		}
	;

group_items
	: %empty
	| group_items KW_INTRO STRING
		{
			struct ast_group *g = ctx->group;
			if (YYRECOVERING()) {
				/* debris of an error already reported */
			} else if (g->intro.text) {
				diag_error(ctx->diag, &@2, "a group has one 'intro' at most");
				diag_note(ctx->diag, &g->intro.loc, "the first 'intro' is here");
			} else if (g->tasks.count > 0) {
				diag_error(ctx->diag, &@2, "'intro' must come before the group's tasks");
			} else {
				g->intro = $3;
			}
		}
	| group_items task
		{ AST_LIST_APPEND(ctx->group->tasks, $2); yyerrok; }
	| group_items error
	| group_items error LBRACE skipped RBRACE
	;

task
	: task_head
	| task_head LBRACE strings RBRACE
		{
			$$ = $1;
			$$->subitems = $3;
			if ($3.count == 0 && !YYRECOVERING())
				diag_warning(ctx->diag, DIAG_W_EMPTY_LIST, &@2, "empty list of sub-items");
		}
	;

task_head
	: STRING
		{
			NEW($$);
			$$->loc = @1;
			$$->text = $1;
		}
	| TREND STRING
		{
			NEW($$);
			$$->loc = @1;
			$$->trend = $1;
			$$->text = $2;
		}
	;

/* ---- knowledge ---- */

items
	: %empty
	| items item
		{
			AST_LIST_APPEND(ctx->sheet->knowledge.last->items, $2);
			yyerrok;
		}
	| items error
		{ ctx->sheet->knowledge.last->damaged = true; }
	| items error LBRACE skipped RBRACE
		{ ctx->sheet->knowledge.last->damaged = true; }
	;

item
	: STRING
		{
			NEW($$);
			$$->loc = @1;
			$$->text = $1;
		}
	| NAME STRING
		{
			NEW($$);
			$$->loc = @1;
			$$->level = $1;
			$$->text = $2;
		}
	;

/* ---- career ---- */

career_entries
	: %empty        { $$ = (struct ast_prose_list){ 0 }; }
	| career_entries career_entry
		{ $$ = $1; AST_LIST_APPEND($$, $2); yyerrok; }
	| career_entries error
	| career_entries error LBRACE skipped RBRACE
	;

career_entry
	: KW_EDUCATION STRING
		{
			NEW($$);
			$$->kind = AST_CAREER_EDUCATION;
			$$->loc = @1;
			$$->text = $2;
		}
	| KW_EXPERIENCE STRING
		{
			NEW($$);
			$$->kind = AST_CAREER_EXPERIENCE;
			$$->loc = @1;
			$$->text = $2;
		}
	| prose
	;

%%

/*
 * A section or field that may be written once: true the first time; later
 * an error, with a note at the first.
 */
static bool parse_once(struct parse_ctx *ctx, bool *present, struct loc *first,
		       const struct loc *here, const char *what)
{
	if (*present) {
		diag_error(ctx->diag, here, "'%s' is written twice", what);
		diag_note(ctx->diag, first, "first written here");
		return false;
	}
	*present = true;
	*first = *here;
	return true;
}

static void parse_set_field(struct parse_ctx *ctx, struct ast_str *field,
			    const struct ast_str *value, const struct loc *here, const char *what)
{
	/* The note of a repeat points at the first value. */
	bool present = field->text != NULL;
	struct loc first = field->loc;
	if (parse_once(ctx, &present, &first, here, what))
		*field = *value;
}

/* A prose section (mission, career, trends) written once, at here. */
static void parse_section(struct parse_ctx *ctx, struct ast_section *section,
			  const struct ast_prose_list *prose, const struct loc *here,
			  const char *what)
{
	if (parse_once(ctx, &section->present, &section->loc, here, what))
		section->prose = *prose;
}

/*
 * A catalogue's field that is not a keyword, so that `language` and
 * `labels` stay free for names elsewhere (a category `language`).
 */
static const char *const parse_catalogue_fields[] = {
	"publisher", "edition", "previous", "language", "labels",
};

static void parse_unknown_catalogue_field(struct parse_ctx *ctx, const struct ast_str *name,
					  const char *what)
{
	const char *hint = suggest_closest(name->text, parse_catalogue_fields,
		sizeof parse_catalogue_fields / sizeof parse_catalogue_fields[0]);
	diag_error(ctx->diag, &name->loc, "unknown %s '%s'; expected 'publisher', 'edition', "
		   "'previous', 'language' or 'labels'", what, name->text);
	if (hint)
		diag_did_you_mean(ctx->diag, &name->loc, &name->loc, hint);
}

static void parse_catalogue_field(struct parse_ctx *ctx, const struct ast_str *name,
				  const struct ast_str *value)
{
	if (strcmp(name->text, "language") == 0)
		parse_set_field(ctx, &ctx->catalogue->language, value, &name->loc, "language");
	else if (strcmp(name->text, "labels") == 0)
		diag_error(ctx->diag, &value->loc, "'labels' takes a block: labels { KEY \"text\" }");
	else
		parse_unknown_catalogue_field(ctx, name, "catalogue field");
}

/* `labels {`: its labels go to the catalogue, unless the block is not one
 * (reported), or written twice; then they are read and dropped. */
static void parse_labels_begin(struct parse_ctx *ctx, const struct ast_str *name)
{
	struct ast_catalogue_info *c = ctx->catalogue;
	ctx->labels = NULL;
	ctx->labels_repairs = tokens_repairs(ctx);
	if (strcmp(name->text, "labels") != 0)
		parse_unknown_catalogue_field(ctx, name, "catalogue block");
	else if (parse_once(ctx, &c->has_labels, &c->labels_loc, &name->loc, "labels"))
		ctx->labels = &c->labels;
}

static int parse_label(struct parse_ctx *ctx, const struct ast_str *key,
		       const struct ast_str *text, const struct ast_str *other)
{
	if (!ctx->labels)
		return 0;
	struct ast_label *l = arena_alloc(ctx->arena, sizeof *l);
	if (!l) {
		ctx->oom = true;
		return -1;
	}
	*l = (struct ast_label){ .key = *key, .text = *text };
	if (other)
		l->other = *other;
	AST_LIST_APPEND(*ctx->labels, l);
	return 0;
}

/*
 * A group title that starts with a number written by hand ("1) Operation",
 * "2. Support"): the backends number groups (label group.title), so the
 * number would show twice. A warning at the number as the source writes it,
 * with the white space after it, and a fix-it that removes them.
 */
static void parse_numbered_group(struct parse_ctx *ctx, const struct ast_str *title)
{
	const char *t = title->text, *src = ctx->file->text;
	size_t digits = strspn(t, "0123456789");
	if (digits == 0 || digits > 3 || !src)
		return;
	if (t[digits] != ')' && !(t[digits] == '.' && t[digits + 1] == ' '))
		return;
	if (t[digits + 1 + (t[digits + 1] == ' ')] == '\0')
		return;         /* a number alone is a title of its own */
	size_t at = title->loc.offset + 1, end;
	at += strspn(src + at, " \t\r\n");
	end = at + digits + 1;
	end += strspn(src + end, " \t\r\n");
	struct loc span = { .file = title->loc.file, .offset = (uint32_t)at,
			    .last = (uint32_t)(end - 1) };
	diag_warning(ctx->diag, DIAG_W_NUMBERED_GROUP, &span, "group title starts with '%.*s', "
		     "a number written by hand: the backends number groups", (int)digits + 1, t);
	diag_note(ctx->diag, &span, "remove it");
	diag_fix_it(ctx->diag, &span, "");
}

/* The scanner reads any word that is no name or number as a code: here it
 * must be one. */
static void parse_check_code(struct parse_ctx *ctx, const struct ast_str *word)
{
	if (!code_valid(word->text, word->len))
		diag_error(ctx->diag, &word->loc, "'%s' is not a code: a code is ASCII letters "
			   "and digits, with one '.', '-' or '_' between two of them", word->text);
}

/*
 * Bison calls this only when its stack cannot grow ("memory exhausted");
 * syntax errors go through yyreport_syntax_error.
 */
static void jobc_yyerror(const struct loc *loc, struct parse_ctx *ctx, const char *msg)
{
	(void)loc;
	(void)msg;
	ctx->oom = true;
}

static int parse_lex(JOBC_YYSTYPE *val, struct loc *loc, struct parse_ctx *ctx)
{
	if (ctx->tokens.as_written)
		return tokens_next_as_written(ctx, val, loc);
	const struct token *t = tokens_next(ctx);
	*loc = t->loc;
	if (t->kind == TREND)
		val->trend = t->trend;
	else
		val->str = t->text;
	return t->kind;
}

/* How an error message names a token kind: "'mission'", "a string". */
static void parse_describe(char *out, size_t size, yysymbol_kind_t sym)
{
	switch (sym) {
	case YYSYMBOL_YYEOF:
		snprintf(out, size, "end of file");
		break;
	case YYSYMBOL_STRING:
	case YYSYMBOL_NAME:
	case YYSYMBOL_CODE:
	case YYSYMBOL_NUMBER:
	case YYSYMBOL_TREND:
		snprintf(out, size, "a %s", yysymbol_name(sym));
		break;
	default:
		snprintf(out, size, "'%s'", yysymbol_name(sym));
	}
}

/* The lookahead as met in the text: "'}'", "string \"...\"", "name 'misison'". */
static void parse_describe_lookahead(char *out, size_t size, yysymbol_kind_t sym,
				     const struct ast_str *text)
{
	if (sym == YYSYMBOL_YYEOF || sym == YYSYMBOL_YYerror || sym == YYSYMBOL_YYUNDEF) {
		parse_describe(out, size, sym);
	} else if (sym == YYSYMBOL_STRING) {
		snprintf(out, size, "a string");
	} else if (text->text && (sym == YYSYMBOL_NAME || sym == YYSYMBOL_CODE ||
				  sym == YYSYMBOL_NUMBER)) {
		/* A word that is not a code is read as one (see code), but is
		 * not called one: it is mostly prose outside its quotes. */
		bool word = sym == YYSYMBOL_CODE && !code_valid(text->text, text->len);
		snprintf(out, size, "%s '%.40s%s'", word ? "word" : yysymbol_name(sym), text->text,
			 text->len > 40 ? "..." : "");
	} else {
		parse_describe(out, size, sym);
	}
}

/*
 * Where a code is expected, a name and a number are too (rule `code`): the
 * three are said "a code". Returns the new count of expected.
 */
static int parse_codes_as_one(yysymbol_kind_t *expected, int n)
{
	bool name = false, number = false, code = false;
	for (int i = 0; i < n; i++) {
		name |= expected[i] == YYSYMBOL_NAME;
		number |= expected[i] == YYSYMBOL_NUMBER;
		code |= expected[i] == YYSYMBOL_CODE;
	}
	if (!(name && number && code))
		return n;
	int kept = 0;
	for (int i = 0; i < n; i++)
		if (expected[i] != YYSYMBOL_NAME && expected[i] != YYSYMBOL_NUMBER)
			expected[kept++] = expected[i];
	return kept;
}

static bool parse_is_keyword(yysymbol_kind_t sym)
{
	return sym >= YYSYMBOL_KW_ACTIVITIES && sym <= YYSYMBOL_KW_USEFUL;
}

/* Section keywords of a sheet, for "unknown section 'misison'". */
static const char *const parse_sheet_sections[] = {
	"family", "status", "replaces", "aka", "mission", "activities", "career", "trends",
};

/* A misspelt section: the sheet is then not also reported for lacking it. */
static void parse_unknown_section(struct parse_ctx *ctx, const struct ast_str *name)
{
	const char *hint = suggest_closest(name->text, parse_sheet_sections,
		sizeof parse_sheet_sections / sizeof parse_sheet_sections[0]);
	if (ctx->sheet)
		ctx->sheet->damaged = true;
	if (hint) {
		diag_error(ctx->diag, &name->loc, "unknown section '%s'; expected a section keyword, "
			   "or a knowledge category followed by 'essential' or 'useful'", name->text);
		diag_did_you_mean(ctx->diag, &name->loc, &name->loc, hint);
	} else {
		diag_error(ctx->diag, &name->loc, "unknown section '%s'; expected one of family, "
			   "status, replaces, aka, mission, activities, career, trends, or a knowledge "
			   "category followed by 'essential' or 'useful'", name->text);
	}
}

/* A word outside a closed set where one of words[0..n) was expected: an
 * error naming them, with the closest as a "did you mean". Returns the
 * index of the closest, or -1 if none is close. */
static int parse_unknown_word(struct parse_ctx *ctx, const struct ast_str *word, const char *what,
			      const char *const *words, size_t n)
{
	const char *hint = suggest_closest(word->text, words, n);
	char list[128] = "";
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s'%s'",
			 i == 0 ? "" : i == n - 1 ? " or " : ", ", words[i]);
	}
	diag_error(ctx->diag, &word->loc, "unknown %s '%s'; expected %s", what, word->text, list);
	if (!hint)
		return -1;
	diag_did_you_mean(ctx->diag, &word->loc, &word->loc, hint);
	for (size_t i = 0; i < n; i++)
		if (words[i] == hint)
			return (int)i;
	return -1;
}

/*
 * `famly 3` reads as a knowledge block of category 'famly' until the 3,
 * where 'essential' or 'useful' was expected: say what was meant. (A
 * misspelt importance, `technological esential {`, parses: see importance.)
 */
static bool parse_report_unknown_section(struct parse_ctx *ctx, const yysymbol_kind_t *expected,
					 int n)
{
	bool importance_expected = false;
	for (int i = 0; i < n; i++)
		importance_expected |= expected[i] == YYSYMBOL_KW_ESSENTIAL;
	const struct token *before = tokens_given(ctx, 1);
	if (!importance_expected || before->kind != NAME)
		return false;
	parse_unknown_section(ctx, &before->text);
	return true;
}

/*
 * Where the error goes. Something missing at the end of a line (`aka` with
 * no string) is reported there, just after the token before, as GCC does,
 * rather than at the next line's first token: unless the construct before
 * could end there (a '}' or the end of the file could come), for then the
 * token that came is the mistake.
 */
static struct loc parse_error_place(const struct parse_ctx *ctx, const struct loc *at,
				    const yysymbol_kind_t *expected, int n)
{
	const struct token *ahead = tokens_given(ctx, 0), *before = tokens_given(ctx, 1);
	for (int i = 0; i < n; i++)
		if (expected[i] == YYSYMBOL_RBRACE || expected[i] == YYSYMBOL_YYEOF)
			return *at;
	if (before->kind == 0 || before->supplied ||
	    !loc_newline_between(ctx->file, before->loc.last, ahead->loc.offset))
		return *at;
	uint32_t end = loc_end(&before->loc);
	return (struct loc){ ctx->file, end, end };
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, struct parse_ctx *ctx)
{
	enum { MAX_EXPECTED = 12 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
	if (n < 0)
		n = 0;
	yysymbol_kind_t look = yypcontext_token(yyctx);
	const struct token *ahead = tokens_given(ctx, 0);
	/* The file was cut short by a limit, already reported: its end is not news. */
	if (look == YYSYMBOL_YYEOF && tokens_stopped(ctx)) {
		if (ctx->sheet)
			ctx->sheet->damaged = true;
		return 0;
	}

	/* What is missing from a sheet with a syntax error is no news; nor
	 * from the sheet just closed, if an extra '}' closed it early, which
	 * is likely when what comes next is what a sheet holds. */
	if (ctx->sheet)
		ctx->sheet->damaged = true;
	bool sheet_content = look == YYSYMBOL_NAME || look == YYSYMBOL_KW_MISSION ||
		look == YYSYMBOL_KW_ACTIVITIES || look == YYSYMBOL_KW_CAREER ||
		look == YYSYMBOL_KW_TRENDS || look == YYSYMBOL_KW_AKA ||
		look == YYSYMBOL_KW_REPLACES || look == YYSYMBOL_KW_STATUS;
	const struct loc *open = tokens_open_brace(ctx);
	struct ast_sheet *closed = !open && sheet_content ? ctx->closed_sheet : NULL;
	if (closed)
		closed->damaged = true;

	if (parse_report_unknown_section(ctx, expected, n))
		return 0;
	/* `status old`: a word where one of the two statuses was expected. */
	if (tokens_given(ctx, 1)->kind == KW_STATUS && ahead->text.text) {
		static const char *const statuses[] = { "new", "revised" };
		parse_unknown_word(ctx, &ahead->text, "status", statuses, 2);
		return 0;
	}

	char what[96], list[512] = "", one[64];
	parse_describe_lookahead(what, sizeof what, look, &ahead->text);
	n = parse_codes_as_one(expected, n);
	/* In a catalogue block, the names that may come are its fields. */
	bool catalogue = false;
	for (int i = 0; i < n; i++)
		catalogue |= expected[i] == YYSYMBOL_KW_PUBLISHER;
	for (int i = 0; i < n; i++) {
		if (catalogue && expected[i] == YYSYMBOL_NAME)
			snprintf(one, sizeof one, "'language', 'labels'");
		else
			parse_describe(one, sizeof one, expected[i]);
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s%s",
			 i == 0 ? "" : i == n - 1 ? " or " : ", ", one);
	}
	const struct loc *loc = yypcontext_location(yyctx);
	struct loc at = parse_error_place(ctx, loc, expected, n);
	if (n > 0)
		diag_error(ctx->diag, &at, "expected %s before %s", list, what);
	else
		diag_error(ctx->diag, &at, "unexpected %s", what);

	/* A misspelt keyword: the closest keyword that was expected. */
	if (look == YYSYMBOL_NAME && ahead->text.text) {
		const char *words[MAX_EXPECTED];
		size_t nw = 0;
		for (int i = 0; i < n; i++)
			if (parse_is_keyword(expected[i]))
				words[nw++] = yysymbol_name(expected[i]);
		const char *hint = suggest_closest(ahead->text.text, words, nw);
		if (hint)
			diag_did_you_mean(ctx->diag, loc, loc, hint);
	}
	/* A sheet closed just before an error at the top level was probably
	 * closed too early, by one '}' too many. */
	if (closed)
		diag_note(ctx->diag, &ctx->closed_at, "sheet '%s' ends here: is there "
			  "one '}' too many above?", closed->code.text);
	/* A string over several lines just before: a '"' may be missing
	 * (a string the file ended in has said so already). */
	for (unsigned i = 0; i < 2; i++) {
		const struct token *t = tokens_given(ctx, i);
		int lines = t->kind == STRING && !t->unterminated ? loc_lines(&t->loc) : 1;
		if (lines > 1) {
			diag_note(ctx->diag, &t->loc, "this string runs over %d "
				  "lines: is a '\"' missing?", lines);
			break;
		}
	}
	/* At the end of the file, the brace that is still open, and the
	 * braces that close every block open, if a '}' may come. */
	if (look == YYSYMBOL_YYEOF && open) {
		diag_note(ctx->diag, open, "to close the '{' opened here");
		for (int i = 0; i < n; i++)
			if (expected[i] == YYSYMBOL_RBRACE)
				tokens_fix_braces(ctx, tokens_given(ctx, 1)->loc.last, PARSE_MAX_DEPTH);
	}
	return 0;
}
