/*
 * gen.c - a deterministic generator of .jobsheet catalogues for benchmarks.
 *
 *   gen N DIR [SHEETS_PER_FILE]
 *
 * Writes DIR/catalogue.jobsheet (catalogue, scale, categories, families 1-9,
 * retired positions) and DIR/sheets-NNNNN.jobsheet, SHEETS_PER_FILE sheets
 * each (default 1000), plus DIR/json/: the same content as JSON (one array
 * of sheets per source file), the input of the `jq -c .` baseline.
 *
 * The sheets are shaped like the shipped ones (sheets/): aliases, mission
 * paragraphs of 40-80 words wrapped over several lines, groups of tasks with
 * trend marks and the odd sub-list, 10-40 knowledge items under the three
 * categories, career, trends, comments. Words are drawn from a vocabulary in
 * which some carry non-ASCII text and characters that every backend must
 * escape. Every run with the same arguments writes the same bytes (a fixed
 * seed, xorshift64*); the result is a valid catalogue without warnings:
 * codes are unique and start with their family, items do not repeat within
 * a sheet, a previous code always has the same title.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define GEN_FAMILIES 9
#define GEN_WRAP 76             /* columns of a wrapped string */
#define GEN_TEXT_MAX 4096       /* longest generated text, bytes */
#define GEN_MAX_ITEMS 40

/* ---- random numbers ------------------------------------------------------ */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545F4914F6CDD1DULL;
}

/* Uniform enough in [lo, hi]. */
static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* True with probability pct/100. */
static bool rng_chance(struct rng *r, int pct)
{
	return (int)(rng_next(r) % 100) < pct;
}

static struct rng rng_seeded(uint64_t seed)
{
	struct rng r = { seed * 0x9E3779B97F4A7C15ULL + 0x6A09E667F3BCC909ULL };
	rng_next(&r);
	return r;
}

/* ---- words ---------------------------------------------------------------- */

static const char *const gen_words[] = {
	"management", "of", "the", "and", "for", "information", "system", "systems",
	"project", "projects", "development", "user", "users", "support", "technical",
	"company", "company's", "with", "in", "to", "network", "networks", "data",
	"security", "quality", "application", "applications", "operation", "design",
	"definition", "implementation", "monitoring", "assistance", "analysis", "tools",
	"methods", "standards", "procedures", "architecture", "integration", "testing",
	"approval", "production", "maintenance", "documentation", "training", "needs",
	"requirements", "specifications", "solutions", "services", "service", "level",
	"agreements", "resources", "planning", "budget", "costs", "deadlines", "risks",
	"change", "changes", "environment", "environments", "infrastructure", "servers",
	"workstations", "software", "hardware", "packages", "databases", "telecoms",
	"internet", "intranet", "messaging", "suppliers", "contracts", "customers",
	"business", "line", "lines", "processes", "organisation", "coordination",
	"control", "audit", "performance", "optimisation", "availability", "incidents",
	"problems", "diagnosis", "recovery", "backup", "configuration", "version",
	"versions", "release", "deployment", "migration", "upgrade", "research",
	"technologies", "technological", "supervision", "strategy", "policy", "team",
	"teams", "staff", "experts", "specialists", "partners", "relations", "across",
	"between", "within", "on", "by", "all", "new", "existing", "relevant", "main",
	"general", "specific", "functional", "operational", "strategic", "global",
	"local", "internal", "external", "ensures", "manages", "defines", "handles",
	"participates", "contributes", "guarantees", "monitors", "steers", "leads",
	"proposes", "assesses", "drafts", "validates", "s/he", "their", "its", "a",
	"an", "as", "is", "are", "at", "from", "this", "these", "such", "each",
	"evolving", "growing", "increasingly", "rapid", "complex", "critical",
	"reliable", "consistent", "secure", "efficient", "optimum", "overall",
	"ERP", "CRM", "DBMS", "RDBMS", "LAN", "WAN", "ICT", "IS", "ISD", "IT", "BPR",
	"client-server", "multimedia", "Datawarehousing", "e-business", "workflow",
	"(audit,", "etc.)", "etc.", "i.e.", "e.g.", "-", "+", "/",
};

/*
 * One word in GEN_SPECIAL_PCT is drawn from these instead: non-ASCII as the
 * source prints it, and text that at least one backend (HTML, LaTeX, C,
 * JSON) must escape.
 */
#define GEN_SPECIAL_PCT 6

static const char *const gen_special[] = {
	"café", "rôle", "naïve", "Zürich", "l’équipe", "company’s", "2000–2005",
	"–", "↗", "↘", "cœur", "élève", "déjà", "Ærø", "€20", "±5", "≥2",
	"R&D", "<IS>", "<b>bold</b>", "A&amp;B", "\"quoted\"", "back\\slash",
	"C:\\temp\\", "$HOME", "$5", "50%", "100%", "snake_case", "{set}", "}",
	"{", "*/", "/*", "#include", "~user", "^caret", "[1]",
	"?\?=", "?\?/",       /* trigraphs (escaped here so C does not read them) */
	"'single'", "x|y", "a\\b", "`tick`", "@home", "--", "---", "...",
};

#define GEN_N_WORDS (sizeof gen_words / sizeof gen_words[0])
#define GEN_N_SPECIAL (sizeof gen_special / sizeof gen_special[0])

/* Words that can open a title or a group heading: plain and capitalised. */
static const char *const gen_heads[] = {
	"Administration", "Support", "Operation", "Research", "Control", "Design",
	"Development", "Management", "Integration", "Consulting", "Assistance",
	"Production", "Security", "Quality", "Architecture", "Expertise", "Planning",
	"Coordination", "Études", "Évolution", "Sécurité",
};

#define GEN_N_HEADS (sizeof gen_heads / sizeof gen_heads[0])

static const char *gen_word(struct rng *r)
{
	if (rng_chance(r, GEN_SPECIAL_PCT))
		return gen_special[rng_next(r) % GEN_N_SPECIAL];
	return gen_words[rng_next(r) % GEN_N_WORDS];
}

/* ---- text ----------------------------------------------------------------- */

struct text {
	char s[GEN_TEXT_MAX];
	size_t len;
};

static void text_word(struct text *t, const char *w)
{
	size_t n = strlen(w);
	if (t->len + n + 2 >= sizeof t->s)
		return;
	if (t->len > 0)
		t->s[t->len++] = ' ';
	memcpy(t->s + t->len, w, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* A sentence-like run of lo..hi words, capitalised where ASCII, with a stop. */
static void text_words(struct rng *r, struct text *t, int lo, int hi, bool stop)
{
	t->len = 0;
	t->s[0] = '\0';
	int n = rng_range(r, lo, hi);
	for (int i = 0; i < n; i++)
		text_word(t, gen_word(r));
	if (t->s[0] >= 'a' && t->s[0] <= 'z')
		t->s[0] = (char)(t->s[0] - 'a' + 'A');
	if (stop && t->len + 1 < sizeof t->s) {
		t->s[t->len++] = '.';
		t->s[t->len] = '\0';
	}
}

/* A heading: a capitalised head word and 1..4 more words. */
static void text_heading(struct rng *r, struct text *t)
{
	t->len = 0;
	t->s[0] = '\0';
	text_word(t, gen_heads[rng_next(r) % GEN_N_HEADS]);
	int n = rng_range(r, 1, 4);
	for (int i = 0; i < n; i++)
		text_word(t, gen_word(r));
}

/* ---- output: one .jobsheet stream and one JSON stream --------------------- */

struct out {
	FILE *src;      /* the .jobsheet file */
	FILE *json;     /* the same content as JSON */
	int json_depth; /* for indentation */
	bool json_first;  /* no comma before the next JSON member */
};

static FILE *out_open(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "gen: cannot write '%s': %s\n", path, strerror(errno));
		exit(2);
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static void out_close(FILE *f)
{
	if (ferror(f) || fclose(f) != 0) {
		fprintf(stderr, "gen: write error: %s\n", strerror(errno));
		exit(2);
	}
}

static void src_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void src_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(o->src, fmt, ap);
	va_end(ap);
}

/*
 * A string literal in the source, wrapped like the shipped sheets: the
 * first line after `col` columns of text, the next ones indented to the
 * column after the opening quote.
 */
static void src_string(struct out *o, const char *s, int col)
{
	int indent = col + 1;
	fputc('"', o->src);
	int at = indent;
	const char *p = s;
	while (*p) {
		size_t n = strcspn(p, " ");
		if (p != s) {
			if (at + (int)n > GEN_WRAP) {
				fprintf(o->src, "\n%*s", indent, "");
				at = indent;
			} else {
				fputc(' ', o->src);
				at++;
			}
		}
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '"' || p[i] == '\\')
				fputc('\\', o->src);
			fputc(p[i], o->src);
		}
		at += (int)n;
		p += n;
		p += strspn(p, " ");
	}
	fputc('"', o->src);
}

static void json_newline(struct out *o)
{
	fprintf(o->json, "\n%*s", 2 * o->json_depth, "");
}

static void json_string(struct out *o, const char *s)
{
	fputc('"', o->json);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', o->json);
		fputc(*s, o->json);
	}
	fputc('"', o->json);
}

/* Starts a member ("key": ...) or an array element (key NULL). */
static void json_member(struct out *o, const char *key)
{
	if (!o->json_first)
		fputc(',', o->json);
	json_newline(o);
	o->json_first = false;
	if (key)
		fprintf(o->json, "\"%s\": ", key);
}

static void json_open(struct out *o, const char *key, char bracket)
{
	json_member(o, key);
	fputc(bracket, o->json);
	o->json_depth++;
	o->json_first = true;
}

static void json_close(struct out *o, char bracket)
{
	o->json_depth--;
	if (!o->json_first)
		json_newline(o);
	fputc(bracket, o->json);
	o->json_first = false;
}

static void json_field(struct out *o, const char *key, const char *value)
{
	json_member(o, key);
	json_string(o, value);
}

/* ---- pieces of a sheet ---------------------------------------------------- */

static const char *const gen_trends[] = { "+", "=", "-", "↗", "↘" };
static const char *const gen_trend_names[] = { "rising", "stable", "declining",
					       "rising", "declining" };

/* A trend mark before an item, or none: its name for the JSON. */
static const char *gen_trend(struct rng *r, struct out *o, int pct)
{
	if (!rng_chance(r, pct))
		return NULL;
	int t = rng_range(r, 0, 4);
	src_printf(o, "%s ", gen_trends[t]);
	return gen_trend_names[t];
}

/* `"..." ` at `col`, and its JSON value under key. */
static void gen_string(struct out *o, const char *key, const struct text *t, int col)
{
	src_string(o, t->s, col);
	json_field(o, key, t->s);
}

/* list { "..." ... } with 2..5 bullets, at indentation ind. */
static void gen_list(struct rng *r, struct out *o, int ind)
{
	struct text t;
	src_printf(o, "%*slist {\n", ind, "");
	json_open(o, "list", '[');
	int n = rng_range(r, 2, 5);
	for (int i = 0; i < n; i++) {
		text_words(r, &t, 4, 14, true);
		src_printf(o, "%*s", ind + 4, "");
		gen_string(o, NULL, &t, ind + 4);
		src_printf(o, "\n");
	}
	src_printf(o, "%*s}\n", ind, "");
	json_close(o, ']');
}

/* A paragraph of 40-80 words, as an element of a prose array. */
static void gen_paragraph(struct rng *r, struct out *o, int ind)
{
	struct text t;
	text_words(r, &t, 40, 80, true);
	json_open(o, NULL, '{');
	src_printf(o, "%*s", ind, "");
	gen_string(o, "paragraph", &t, ind);
	src_printf(o, "\n");
	json_close(o, '}');
}

/* mission/trends: lo..hi paragraphs, and a list pct% of the time. */
static void gen_prose_section(struct rng *r, struct out *o, const char *name, int lo, int hi,
			      int list_pct)
{
	src_printf(o, "\n    %s {\n", name);
	json_open(o, name, '[');
	int n = rng_range(r, lo, hi);
	for (int i = 0; i < n; i++)
		gen_paragraph(r, o, 8);
	if (rng_chance(r, list_pct)) {
		json_open(o, NULL, '{');
		gen_list(r, o, 8);
		json_close(o, '}');
	}
	src_printf(o, "    }\n");
	json_close(o, ']');
}

static void gen_task(struct rng *r, struct out *o)
{
	struct text t;
	json_open(o, NULL, '{');
	src_printf(o, "            ");
	const char *trend = gen_trend(r, o, 60);
	if (trend)
		json_field(o, "trend", trend);
	text_words(r, &t, 4, 16, false);
	gen_string(o, "text", &t, 12 + (trend ? 2 : 0));
	if (rng_chance(r, 10)) {
		src_printf(o, " {\n");
		json_open(o, "subitems", '[');
		int n = rng_range(r, 2, 3);
		for (int i = 0; i < n; i++) {
			text_words(r, &t, 3, 10, false);
			src_printf(o, "                ");
			gen_string(o, NULL, &t, 16);
			src_printf(o, "\n");
		}
		json_close(o, ']');
		src_printf(o, "            }");
	}
	src_printf(o, "\n");
	json_close(o, '}');
}

/* A group; its title carries no number: the backends number groups. */
static void gen_group(struct rng *r, struct out *o)
{
	struct text t;
	json_open(o, NULL, '{');
	src_printf(o, "        ");
	const char *trend = gen_trend(r, o, 30);
	if (trend)
		json_field(o, "trend", trend);
	text_heading(r, &t);
	src_string(o, t.s, 8);
	json_field(o, "title", t.s);
	src_printf(o, " {\n");
	if (rng_chance(r, 15)) {
		text_words(r, &t, 15, 40, true);
		src_printf(o, "            intro ");
		gen_string(o, "intro", &t, 18);
		src_printf(o, "\n");
	}
	json_open(o, "tasks", '[');
	int n = rng_range(r, 3, 7);
	for (int i = 0; i < n; i++)
		gen_task(r, o);
	json_close(o, ']');
	src_printf(o, "        }\n");
	json_close(o, '}');
}

static void gen_activities(struct rng *r, struct out *o)
{
	if (rng_chance(r, 30))
		src_printf(o, "\n    # source: no trend mark is printed for some tasks.");
	src_printf(o, "\n    activities {\n");
	json_open(o, "activities", '{');
	if (rng_chance(r, 20)) {
		json_open(o, "intro", '[');
		gen_paragraph(r, o, 8);
		json_close(o, ']');
	}
	json_open(o, "groups", '[');
	int n = rng_range(r, 2, 5);
	for (int i = 0; i < n; i++)
		gen_group(r, o);
	json_close(o, ']');
	src_printf(o, "    }\n");
	json_close(o, '}');
}

static const struct gen_category {
	const char *name;
	bool levelled;
} gen_categories[] = {
	{ "technological", true },
	{ "general", true },
	{ "behavioural", false },
};

static const char *const gen_levels[] = { "K", "C", "E" };

/* True if t is one of the n texts before it. */
static bool gen_seen(char (*seen)[GEN_TEXT_MAX], int n, const struct text *t)
{
	for (int i = 0; i < n; i++)
		if (strcmp(seen[i], t->s) == 0)
			return true;
	return false;
}

/* 10-40 items spread over the six blocks, none repeated in the sheet. */
static void gen_knowledge(struct rng *r, struct out *o)
{
	static char seen[GEN_MAX_ITEMS][GEN_TEXT_MAX];
	int n_seen = 0;
	int total = rng_range(r, 10, GEN_MAX_ITEMS);
	int per_block[6], left = total;
	for (int b = 0; b < 6; b++) {
		per_block[b] = b == 5 ? left : rng_range(r, 0, left / (6 - b) * 2);
		if (per_block[b] > left)
			per_block[b] = left;
		left -= per_block[b];
	}
	src_printf(o, "\n");
	json_open(o, "knowledge", '[');
	for (int b = 0; b < 6; b++) {
		if (per_block[b] == 0)
			continue;
		const struct gen_category *c = &gen_categories[b / 2];
		const char *importance = b % 2 ? "useful" : "essential";
		src_printf(o, "    %s %s {\n", c->name, importance);
		json_open(o, NULL, '{');
		json_field(o, "category", c->name);
		json_field(o, "importance", importance);
		json_open(o, "items", '[');
		for (int i = 0; i < per_block[b]; i++) {
			struct text t;
			do
				text_words(r, &t, 3, 10, true);
			while (gen_seen(seen, n_seen, &t));
			memcpy(seen[n_seen++], t.s, t.len + 1);
			json_open(o, NULL, '{');
			src_printf(o, "        ");
			int col = 8;
			if (c->levelled) {
				const char *level = gen_levels[rng_range(r, 0, 2)];
				src_printf(o, "%s ", level);
				json_field(o, "level", level);
				col += 2;
			}
			gen_string(o, "text", &t, col);
			src_printf(o, "\n");
			json_close(o, '}');
		}
		json_close(o, ']');
		json_close(o, '}');
		src_printf(o, "    }\n");
	}
	json_close(o, ']');
}

static void gen_career_line(struct rng *r, struct out *o, const char *kind)
{
	struct text t;
	text_words(r, &t, 5, 20, true);
	json_open(o, NULL, '{');
	src_printf(o, "        %s ", kind);
	gen_string(o, kind, &t, 9 + (int)strlen(kind));
	src_printf(o, "\n");
	json_close(o, '}');
}

static void gen_career(struct rng *r, struct out *o)
{
	src_printf(o, "\n    career {\n");
	json_open(o, "career", '[');
	int n = rng_range(r, 1, 2);
	for (int i = 0; i < n; i++)
		gen_career_line(r, o, "education");
	if (rng_chance(r, 40))
		gen_paragraph(r, o, 8);
	n = rng_range(r, 1, 2);
	for (int i = 0; i < n; i++)
		gen_career_line(r, o, "experience");
	if (rng_chance(r, 15)) {
		json_open(o, NULL, '{');
		gen_list(r, o, 8);
		json_close(o, '}');
	}
	src_printf(o, "    }\n");
	json_close(o, ']');
}

/* ---- codes and lineage ---------------------------------------------------- */

/*
 * Sheet i of the run: family 1 + i % 9; within the family, k = i / 9 gives
 * codes S, Sa, Sb, S.2 for S = k / 4 + 1: unique, and of every shape the
 * grammar allows.
 */
static void gen_code(size_t i, char *out, size_t size)
{
	size_t family = 1 + i % GEN_FAMILIES, k = i / GEN_FAMILIES, s = k / 4 + 1;
	static const char *const suffix[] = { "", "a", "b", ".2" };
	snprintf(out, size, "%zu.%zu%s", family, s, suffix[k % 4]);
}

/* The title of a previous-edition code: always the same for the same code. */
static void gen_previous_title(unsigned long code, struct text *t)
{
	struct rng r = rng_seeded(code + 77);
	text_heading(&r, t);
}

static void gen_replaces(struct rng *r, struct out *o, size_t n_sheets)
{
	int n = rng_chance(r, 60) ? 1 : 0;
	if (n && rng_chance(r, 25))
		n = 2;
	if (n == 0)
		return;
	unsigned long range = (unsigned long)n_sheets / 3 + 10;
	unsigned long first = 1 + (unsigned long)(rng_next(r) % range);
	json_open(o, "replaces", '[');
	for (int i = 0; i < n; i++) {
		unsigned long code = first + (unsigned long)i;  /* distinct within the sheet */
		struct text t;
		gen_previous_title(code, &t);
		char num[32];
		snprintf(num, sizeof num, "%lu", code);
		src_printf(o, "    replaces %s ", num);
		src_string(o, t.s, 13 + (int)strlen(num));
		src_printf(o, "\n");
		json_open(o, NULL, '{');
		json_field(o, "code", num);
		json_field(o, "title", t.s);
		json_close(o, '}');
	}
	json_close(o, ']');
}

static void gen_sheet(struct rng *r, struct out *o, size_t i, size_t n_sheets)
{
	char code[64], family[8];
	struct text title;
	gen_code(i, code, sizeof code);
	snprintf(family, sizeof family, "%zu", 1 + i % GEN_FAMILIES);
	text_heading(r, &title);

	json_open(o, NULL, '{');
	src_printf(o, "\n# %s %s — generated for benchmarks\n\nsheet %s ", code, title.s, code);
	src_string(o, title.s, 7 + (int)strlen(code));
	src_printf(o, " {\n    family %s\n", family);
	json_field(o, "code", code);
	json_field(o, "title", title.s);
	json_field(o, "family", family);
	int status = rng_range(r, 0, 9);
	if (status < 8) {
		const char *s = status < 5 ? "revised" : "new";
		src_printf(o, "    status %s\n", s);
		json_field(o, "status", s);
	}
	gen_replaces(r, o, n_sheets);
	int n_aka = rng_chance(r, 50) ? rng_range(r, 1, 4) : 0;
	if (n_aka) {
		json_open(o, "aka", '[');
		for (int a = 0; a < n_aka; a++) {
			struct text t;
			text_heading(r, &t);
			src_printf(o, "    aka ");
			gen_string(o, NULL, &t, 8);
			src_printf(o, "\n");
		}
		json_close(o, ']');
	}
	gen_prose_section(r, o, "mission", 1, 2, 10);
	gen_activities(r, o);
	gen_knowledge(r, o);
	gen_career(r, o);
	if (rng_chance(r, 90))
		gen_prose_section(r, o, "trends", 1, 2, 25);
	src_printf(o, "}\n");
	json_close(o, '}');
}

/* ---- files ---------------------------------------------------------------- */

static struct out out_pair(const char *dir, const char *base)
{
	char name[256];
	struct out o = { .json_first = true };
	snprintf(name, sizeof name, "%s.jobsheet", base);
	o.src = out_open(dir, name);
	snprintf(name, sizeof name, "json/%s.json", base);
	o.json = out_open(dir, name);
	return o;
}

static void out_pair_close(struct out *o)
{
	fputc('\n', o->json);
	out_close(o->src);
	out_close(o->json);
}

static void gen_catalogue(const char *dir, size_t n_sheets)
{
	struct out o = out_pair(dir, "catalogue");
	src_printf(&o, "# A generated reference system (bench/gen.c): %zu sheets.\n\n", n_sheets);
	src_printf(&o, "catalogue \"Benchmark Titles <2000> & Co. \\\"50%%\\\" $_{}\" {\n"
		       "    publisher \"Cigref – Bench\"\n    edition \"September 2000\"\n"
		       "    previous \"1995 listing\"\n}\n\n"
		       "scale {\n    K \"Elementary knowledge\"\n    C \"Command\"\n"
		       "    E \"Expertise\"\n}\n\n");
	json_open(&o, NULL, '{');
	json_field(&o, "title", "Benchmark Titles <2000> & Co. \"50%\" $_{}");
	json_field(&o, "publisher", "Cigref – Bench");
	json_field(&o, "edition", "September 2000");
	json_field(&o, "previous", "1995 listing");
	json_open(&o, "scale", '[');
	json_field(&o, NULL, "Elementary knowledge");
	json_field(&o, NULL, "Command");
	json_field(&o, NULL, "Expertise");
	json_close(&o, ']');
	json_open(&o, "categories", '[');
	for (size_t c = 0; c < 3; c++) {
		const struct gen_category *cat = &gen_categories[c];
		src_printf(&o, "category %s \"%c%s knowledge\"%s\n", cat->name,
			   cat->name[0] - 'a' + 'A', cat->name + 1, cat->levelled ? " levelled" : "");
		json_field(&o, NULL, cat->name);
	}
	json_close(&o, ']');
	src_printf(&o, "\n");
	struct rng r = rng_seeded(1);
	json_open(&o, "families", '[');
	for (int f = 1; f <= GEN_FAMILIES; f++) {
		struct text t;
		text_heading(&r, &t);
		src_printf(&o, "family %d ", f);
		src_string(&o, t.s, 9);
		src_printf(&o, "\n");
		json_field(&o, NULL, t.s);
	}
	json_close(&o, ']');
	/* One retired position per 100 sheets, in a range no sheet replaces. */
	size_t n_retired = n_sheets / 100 + 1;
	src_printf(&o, "\n");
	json_open(&o, "retired", '[');
	for (size_t i = 0; i < n_retired && n_sheets > 0; i++) {
		struct text t;
		unsigned long code = 1000000UL + (unsigned long)i;
		char see[64];
		gen_previous_title(code, &t);
		gen_code(i * 7919 % n_sheets, see, sizeof see);
		src_printf(&o, "retired %lu ", code);
		src_string(&o, t.s, 16);
		src_printf(&o, " see %s\n", see);
		json_open(&o, NULL, '{');
		json_field(&o, "title", t.s);
		json_field(&o, "see", see);
		json_close(&o, '}');
	}
	json_close(&o, ']');
	json_close(&o, '}');
	out_pair_close(&o);
}

static void gen_make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: cannot create '%s': %s\n", path, strerror(errno));
		exit(2);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: gen N DIR [SHEETS_PER_FILE]\n");
		return 2;
	}
	char *end;
	size_t n = strtoul(argv[1], &end, 10);
	size_t per_file = argc == 4 ? strtoul(argv[3], NULL, 10) : 1000;
	if (*end || per_file == 0) {
		fprintf(stderr, "gen: bad number\n");
		return 2;
	}
	const char *dir = argv[2];
	char json_dir[4096];
	snprintf(json_dir, sizeof json_dir, "%s/json", dir);
	gen_make_dir(dir);
	gen_make_dir(json_dir);
	gen_catalogue(dir, n);
	struct rng r = rng_seeded(2000);
	for (size_t first = 0; first < n; first += per_file) {
		char base[64];
		snprintf(base, sizeof base, "sheets-%05zu", first / per_file);
		struct out o = out_pair(dir, base);
		src_printf(&o, "# Generated sheets %zu to %zu of %zu (bench/gen.c).\n", first + 1,
			   first + per_file < n ? first + per_file : n, n);
		json_open(&o, NULL, '[');
		for (size_t i = first; i < first + per_file && i < n; i++)
			gen_sheet(&r, &o, i, n);
		json_close(&o, ']');
		out_pair_close(&o);
	}
	return 0;
}
