/*
 * parser.y - the grammar of .jobsheet files (docs/LANGUAGE.md has it in EBNF).
 *
 * Conventions:
 * - A pure, reentrant parser (api.pure full) with locations of type
 *   struct loc (src/loc.h); the scanner is grammar/scanner.l. No globals.
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

%lex-param {yyscan_t scanner}
%parse-param {yyscan_t scanner} {struct parse_ctx *ctx}

%code requires {
#include "ast.h"
#include "parse.h"
typedef void *yyscan_t;
}

%code provides {
int jobc_yylex(JOBC_YYSTYPE *val, JOBC_YYLTYPE *loc, yyscan_t scanner);
}

%code {
#include <string.h>

#include "code.h"
#include "suggest.h"

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
static void jobc_yyerror(const struct loc *loc, yyscan_t scanner, struct parse_ctx *ctx,
			 const char *msg);
static void parse_unknown_section(struct parse_ctx *ctx, const struct ast_str *name);
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
		}
	  sheet_fields RBRACE
		{
			ctx->closed_sheet = ctx->sheet;
			ctx->closed_at = @6;
			ctx->sheet = NULL;
		}
	;

sheet_fields
	: %empty
	| sheet_fields sheet_field
		{ yyerrok; }
	| sheet_fields error
		{ ctx->sheet->damaged = true; }
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
		}
	  items RBRACE
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
			const char *hint = suggest_closest($1.text, words, 2);
			if (!YYRECOVERING()) {
				diag_error(ctx->diag, &@1, "unknown importance '%s'; expected "
					   "'essential' or 'useful'", $1.text);
				if (hint)
					diag_did_you_mean(ctx->diag, &@1, &@1, hint);
			}
			$$ = hint && hint[0] == 'u' ? AST_USEFUL : AST_ESSENTIAL;
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
	| items error LBRACE skipped RBRACE
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
	ctx->labels_depth = ctx->brace_depth;
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
static void jobc_yyerror(const struct loc *loc, yyscan_t scanner, struct parse_ctx *ctx,
			 const char *msg)
{
	(void)loc;
	(void)scanner;
	(void)msg;
	ctx->oom = true;
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

static void parse_unknown_section(struct parse_ctx *ctx, const struct ast_str *name)
{
	const char *hint = suggest_closest(name->text, parse_sheet_sections,
		sizeof parse_sheet_sections / sizeof parse_sheet_sections[0]);
	diag_error(ctx->diag, &name->loc, "unknown section '%s'; expected a section keyword, "
		   "or a knowledge category followed by 'essential' or 'useful'", name->text);
	if (hint)
		diag_did_you_mean(ctx->diag, &name->loc, &name->loc, hint);
}

/*
 * `famly 3` reads as a knowledge block of category 'famly' until the 3,
 * where 'essential' or 'useful' was expected: say what was meant. (A
 * misspelt importance, `technological esential {`, parses: see importance.)
 */
static bool parse_report_unknown_section(struct parse_ctx *ctx, yysymbol_kind_t look,
					 const yysymbol_kind_t *expected, int n)
{
	bool importance_expected = false;
	for (int i = 0; i < n; i++)
		importance_expected |= expected[i] == YYSYMBOL_KW_ESSENTIAL;
	if (!importance_expected || ctx->tok_kind[0] != NAME)
		return false;
	parse_unknown_section(ctx, &ctx->tok_text[0]);
	return true;
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, yyscan_t scanner,
				 struct parse_ctx *ctx)
{
	(void)scanner;
	enum { MAX_EXPECTED = 12 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
	if (n < 0)
		n = 0;
	yysymbol_kind_t look = yypcontext_token(yyctx);
	const struct loc *loc = yypcontext_location(yyctx);
	/* The file was cut short by a limit, already reported: its end is not news. */
	if (look == YYSYMBOL_YYEOF && ctx->stopped) {
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
	struct ast_sheet *closed = ctx->brace_depth == 0 && sheet_content ? ctx->closed_sheet : NULL;
	if (closed)
		closed->damaged = true;

	if (parse_report_unknown_section(ctx, look, expected, n))
		return 0;

	char what[96], list[512] = "", one[64];
	parse_describe_lookahead(what, sizeof what, look, &ctx->tok_text[1]);
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
	if (n > 0)
		diag_error(ctx->diag, loc, "expected %s before %s", list, what);
	else
		diag_error(ctx->diag, loc, "unexpected %s", what);

	/* A misspelt keyword: the closest keyword that was expected. */
	if (look == YYSYMBOL_NAME && ctx->tok_text[1].text) {
		const char *words[MAX_EXPECTED];
		size_t nw = 0;
		for (int i = 0; i < n; i++)
			if (parse_is_keyword(expected[i]))
				words[nw++] = yysymbol_name(expected[i]);
		const char *hint = suggest_closest(ctx->tok_text[1].text, words, nw);
		if (hint)
			diag_did_you_mean(ctx->diag, loc, loc, hint);
	}
	/* A sheet closed just before an error at the top level was probably
	 * closed too early, by one '}' too many. */
	if (closed)
		diag_note(ctx->diag, &ctx->closed_at, "sheet '%s' ends here: is there "
			  "one '}' too many above?", closed->code.text);
	/* A string over several lines just before: a '"' may be missing
	 * (an unterminated string has said so already). */
	for (int i = 0; i < 2 && !ctx->str_unterminated; i++) {
		int lines = ctx->tok_kind[i] == STRING ? loc_lines(&ctx->tok_text[i].loc) : 1;
		if (lines > 1) {
			diag_note(ctx->diag, &ctx->tok_text[i].loc, "this string runs over %d "
				  "lines: is a '\"' missing?", lines);
			break;
		}
	}
	/* At the end of the file, the brace that is still open. */
	if (look == YYSYMBOL_YYEOF && ctx->brace_depth > 0) {
		unsigned i = ctx->brace_depth <= PARSE_BRACE_MEMORY ? ctx->brace_depth
								     : PARSE_BRACE_MEMORY;
		diag_note(ctx->diag, &ctx->braces[i - 1], "to close the '{' opened here");
	}
	return 0;
}
