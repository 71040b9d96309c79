/* ast.c - small helpers over the AST (see ast.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/*
 * Compares codes piece by piece: a run of digits as a number (leading
 * zeros ignored), anything else byte by byte, so "3.5a" < "3.5b" < "3.10".
 */
int ast_code_compare(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t na = 0, nb = 0;
			while (isdigit((unsigned char)a[na]))
				na++;
			while (isdigit((unsigned char)b[nb]))
				nb++;
			if (na != nb)
				return na < nb ? -1 : 1;
			int c = memcmp(a, b, na);
			if (c)
				return c;
			a += na;
			b += nb;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++;
			b++;
		}
	}
	return (*a != 0) - (*b != 0);
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
