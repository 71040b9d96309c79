/* ast.c - small helpers over the AST (see ast.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* A letter of a code in lower case, if fold; any other byte as it is. */
static int ast_code_byte(char c, bool fold)
{
	return fold && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c;
}

/*
 * Compares codes piece by piece: a run of digits as a number (leading
 * zeros ignored), anything else byte by byte, so "3.5a" < "3.5b" < "3.10".
 */
int ast_code_compare_n(const char *a, size_t na, const char *b, size_t nb, bool fold)
{
	const char *ea = a + na, *eb = b + nb;
	while (a < ea && b < eb) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (a < ea && *a == '0')
				a++;
			while (b < eb && *b == '0')
				b++;
			size_t da = 0, db = 0;
			while (a + da < ea && isdigit((unsigned char)a[da]))
				da++;
			while (b + db < eb && isdigit((unsigned char)b[db]))
				db++;
			if (da != db)
				return da < db ? -1 : 1;
			int c = memcmp(a, b, da);
			if (c)
				return c;
			a += da;
			b += db;
		} else {
			int ca = ast_code_byte(*a, fold), cb = ast_code_byte(*b, fold);
			if (ca != cb)
				return ca < cb ? -1 : 1;
			a++;
			b++;
		}
	}
	return (a < ea) - (b < eb);
}

int ast_code_compare(const char *a, const char *b)
{
	return ast_code_compare_n(a, strlen(a), b, strlen(b), false);
}

bool ast_activities_has_trends(const struct ast_activities *a)
{
	for (const struct ast_group *g = a->groups.first; g; g = g->next) {
		if (g->trend != AST_TREND_NONE)
			return true;
		for (const struct ast_task *t = g->tasks.first; t; t = t->next)
			if (t->trend != AST_TREND_NONE)
				return true;
	}
	return false;
}

const char *ast_trend_name(enum ast_trend t)
{
	static const char *const names[] = {
		[AST_TREND_NONE] = "", [AST_TREND_RISING] = "rising",
		[AST_TREND_STABLE] = "stable", [AST_TREND_DECLINING] = "declining",
	};
	return names[t];
}

const char *ast_status_name(enum ast_status s)
{
	static const char *const names[] = {
		[AST_STATUS_NONE] = "", [AST_STATUS_NEW] = "new", [AST_STATUS_REVISED] = "revised",
	};
	return names[s];
}

const char *ast_importance_name(enum ast_importance i)
{
	return i == AST_ESSENTIAL ? "essential" : "useful";
}

const char *ast_prose_kind_name(enum ast_prose_kind k)
{
	static const char *const names[] = {
		[AST_PARAGRAPH] = "paragraph", [AST_LIST] = "list",
		[AST_CAREER_EDUCATION] = "education", [AST_CAREER_EXPERIENCE] = "experience",
	};
	return names[k];
}
