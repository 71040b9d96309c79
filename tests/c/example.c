/*
 * example.c - a program with a reference system of job positions compiled
 * in. With the tables made by `jobc -b c -o out` from the .jobsheet files,
 *     cc -std=c99 -Iout/c example.c out/c/jobc.c -o example
 *
 *   ./example          lists the families and their sheets
 *   ./example 3.3a     prints the sheet 3.3a
 */
#include <stdio.h>

#include "jobc.h"

/* A trend as the printed listing marks it. */
static const char *trend_mark(enum jobc_trend t)
{
	switch (t) {
	case JOBC_TREND_RISING: return "+ ";
	case JOBC_TREND_STABLE: return "= ";
	case JOBC_TREND_DECLINING: return "- ";
	default: return "";
	}
}

/* A slice of jobc_texts, one per line. */
static void print_texts(jobc_index first, jobc_index n, const char *indent)
{
	for (jobc_index i = first; i < first + n; i++)
		printf("%s%s\n", indent, jobc_str(jobc_texts[i]));
}

/* A slice of jobc_blocks: paragraphs, bullet lists, career lines. */
static void print_blocks(const char *heading, jobc_index first, jobc_index n)
{
	if (n > 0)
		printf("\n%s\n", heading);
	for (jobc_index i = first; i < first + n; i++) {
		const struct jobc_block *b = &jobc_blocks[i];

		switch (b->kind) {
		case JOBC_PARAGRAPH: printf("  %s\n", jobc_str(b->text)); break;
		case JOBC_LIST: print_texts(b->items, b->n_items, "  * "); break;
		case JOBC_EDUCATION: printf("  Education: %s\n", jobc_str(b->text)); break;
		case JOBC_EXPERIENCE: printf("  Experience: %s\n", jobc_str(b->text)); break;
		}
	}
}

static void print_activities(const struct jobc_sheet *s)
{
	print_blocks("Activities", s->intro, s->n_intro);
	if (s->n_intro == 0)
		printf("\nActivities\n");
	for (jobc_index g = s->groups; g < s->groups + s->n_groups; g++) {
		const struct jobc_group *group = &jobc_groups[g];

		printf("  %s%s\n", trend_mark(group->trend), jobc_str(group->title));
		if (group->intro)
			printf("    %s\n", jobc_str(group->intro));
		for (jobc_index t = group->tasks; t < group->tasks + group->n_tasks; t++) {
			const struct jobc_task *task = &jobc_tasks[t];

			printf("    %s%s\n", trend_mark(task->trend), jobc_str(task->text));
			print_texts(task->subitems, task->n_subitems, "      . ");
		}
	}
}

static void print_knowledge(const struct jobc_sheet *s)
{
	for (jobc_index k = s->knowledge; k < s->knowledge + s->n_knowledge; k++) {
		const struct jobc_knowledge_block *block = &jobc_knowledge[k];

		printf("\n%s (%s)\n", jobc_str(jobc_categories[block->category].title),
		       jobc_importance_name(block->importance));
		for (jobc_index i = block->items; i < block->items + block->n_items; i++) {
			const struct jobc_item *item = &jobc_items[i];
			const char *level = item->level == JOBC_NONE
				? " " : jobc_str(jobc_levels[item->level].name);

			printf("  [%s] %s\n", level, jobc_str(item->text));
		}
	}
}

static int print_sheet(const char *code)
{
	const struct jobc_sheet *s = jobc_find_sheet(code);

	if (!s) {
		fprintf(stderr, "example: no sheet '%s' in %s\n", code,
			jobc_str(jobc_catalogue.title));
		return 1;
	}
	printf("%s %s\n", jobc_str(s->code), jobc_str(s->title));
	printf("Family: %s\n", jobc_str(jobc_families[s->family].title));
	if (s->status != JOBC_STATUS_NONE)
		printf("Status: %s\n", jobc_status_name(s->status));
	for (jobc_index r = s->replaces; r < s->replaces + s->n_replaces; r++)
		printf("Replaces %s: %s\n", jobc_str(jobc_replaces[r].code),
		       jobc_str(jobc_replaces[r].title));
	print_texts(s->aka, s->n_aka, "Also: ");
	print_blocks("Mission", s->mission, s->n_mission);
	print_activities(s);
	print_knowledge(s);
	print_blocks("Career", s->career, s->n_career);
	print_blocks("Trends", s->trends, s->n_trends);
	return 0;
}

static void list_sheets(void)
{
	printf("%s (%s)\n", jobc_str(jobc_catalogue.title), jobc_str(jobc_catalogue.edition));
	for (jobc_index f = 0; f < JOBC_N_FAMILIES; f++) {
		const struct jobc_family *family = &jobc_families[f];

		printf("%s %s\n", jobc_str(family->number), jobc_str(family->title));
		for (jobc_index i = family->sheets; i < family->sheets + family->n_sheets; i++) {
			const struct jobc_sheet *s = &jobc_sheets[jobc_sheet_refs[i]];

			printf("  %s %s\n", jobc_str(s->code), jobc_str(s->title));
		}
	}
}

int main(int argc, char **argv)
{
	if (argc > 2) {
		fprintf(stderr, "usage: example [CODE]\n");
		return 2;
	}
	if (argc == 2)
		return print_sheet(argv[1]);
	list_sheets();
	return 0;
}
