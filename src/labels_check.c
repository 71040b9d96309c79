/*
 * labels_check.c - the catalogue's language and its own labels, checked and
 * made into root->labels (see labels.h).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "labels.h"
#include "suggest.h"

/* A BCP 47 tag, as far as its shape goes: a language of two or three
 * letters, then subtags of one to eight letters and digits ("fr", "fr-CA",
 * "sr-Latn-RS"). A name ("French") is not one. */
static bool labels_tag_valid(const char *tag)
{
	size_t n = strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (n < 2 || n > 3)
		return false;
	for (const char *p = tag + n; *p;) {
		size_t sub = *p == '-' ? strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
					       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") : 0;
		if (sub < 1 || sub > 8)
			return false;
		p += sub + 1;
	}
	return true;
}

static void labels_unknown(struct diag *d, const struct ast_str *key)
{
	const char *keys[LABEL_COUNT];
	for (int i = 0; i < LABEL_COUNT; i++)
		keys[i] = label_keys[i].key;
	diag_error(d, &key->loc, "unknown label '%s'", key->text);
	const char *hint = suggest_closest(key->text, keys, LABEL_COUNT);
	/* `mission` for `section.mission`: the key without its group. */
	for (int i = 0; i < LABEL_COUNT && !hint; i++) {
		const char *dot = strrchr(keys[i], '.');
		if (dot && strcmp(dot + 1, key->text) == 0)
			hint = keys[i];
	}
	if (hint)
		diag_did_you_mean(d, &key->loc, &key->loc, hint);
}

/* "{n} and {family}": the placeholders of a label, for a message. */
static void labels_list_placeholders(char *out, size_t size, enum label_id id)
{
	const char *p = label_keys[id].placeholders;
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; *p && used < size; i++) {
		size_t n = strcspn(p, " ");
		const char *sep = i == 0 ? "" : p[n] ? ", " : " and ";
		used += (size_t)snprintf(out + used, size - used, "%s{%.*s}", sep, (int)n, p);
		p += n + (p[n] == ' ');
	}
}

/* Every {name} of a text must be one of the label's placeholders. */
static void labels_placeholders(struct diag *d, enum label_id id, const struct ast_str *key,
				const struct ast_str *text)
{
	const char *alpha = "abcdefghijklmnopqrstuvwxyz-";
	char takes[96];
	labels_list_placeholders(takes, sizeof takes, id);
	for (const char *p = strchr(text->text, '{'); p; p = strchr(p + 1, '{')) {
		size_t n = strspn(p + 1, alpha);
		if (n == 0 || p[n + 1] != '}' || label_takes(id, p + 1, n))
			continue;
		diag_error(d, &text->loc, "label '%s' has no placeholder '{%.*s}'; it takes %s",
			   key->text, (int)n, p + 1, *takes ? takes : "none");
	}
}

/* One label of the block, checked; true if it may be used. */
static bool labels_check_one(struct diag *d, enum label_id id, const struct ast_label *l)
{
	bool counted = label_keys[id].counted;
	if (counted && !l->other.text) {
		diag_error(d, &l->text.loc, "label '%s' takes two texts: for one, and for other "
			   "numbers", l->key.text);
		return false;
	}
	if (!counted && l->other.text) {
		diag_error(d, &l->other.loc, "label '%s' takes one text", l->key.text);
		return false;
	}
	if (id == LABEL_LATEX_BABEL && strspn(l->text.text, "abcdefghijklmnopqrstuvwxyz") !=
	    l->text.len) {
		diag_error(d, &l->text.loc, "label 'latex.babel' is the name babel gives the "
			   "language, in lower-case letters ('spanish', 'ngerman')");
		return false;
	}
	labels_placeholders(d, id, &l->key, &l->text);
	if (l->other.text)
		labels_placeholders(d, id, &l->key, &l->other);
	return true;
}

/* The block's labels into set; which were given, in given. */
static void labels_apply(struct labels *set, const struct ast_catalogue_info *c,
			 const struct ast_label *given[LABEL_COUNT], struct diag *d)
{
	for (const struct ast_label *l = c->labels.first; l; l = l->next) {
		enum label_id id = label_find(l->key.text, l->key.len);
		if (id == LABEL_COUNT) {
			if (!c->labels_mended.file || l->key.loc.offset < c->labels_mended.offset)
				labels_unknown(d, &l->key);
		} else if (given[id]) {
			diag_error(d, &l->key.loc, "label '%s' is given twice", l->key.text);
			diag_note(d, &given[id]->key.loc, "first given here");
		} else if (labels_check_one(d, id, l)) {
			set->text[id] = (struct label_text){ l->text.text, l->other.text };
			given[id] = l;
		}
	}
}

/* A language jobc ships no labels for: the block must give them all. */
static void labels_missing(const struct ast_catalogue_info *c,
			   const struct ast_label *const given[LABEL_COUNT], struct diag *d)
{
	int missing = 0, first = -1;
	for (int i = 0; i < LABEL_COUNT; i++)
		if (!given[i]) {
			missing++;
			first = first < 0 ? i : first;
		}
	if (missing == 0)
		return;
	diag_error(d, &c->language.loc, "jobc has no labels in '%s': the catalogue's labels "
		   "must give all %d of them, and %d %s missing, '%s' first", c->language.text,
		   LABEL_COUNT, missing, missing == 1 ? "is" : "are", label_keys[first].key);
	diag_note(d, &c->language.loc, "jobc has labels in 'en', 'fr' and 'de'; `jobc "
		  "--labels=en` prints a labels block to translate");
}

int labels_resolve(struct ast_root *root, struct arena *arena, struct diag *d)
{
	struct labels *set = arena_alloc(arena, sizeof *set);
	if (!set)
		return -1;
	const struct ast_catalogue_info *c = root->catalogue;
	const char *tag = c && c->language.text ? c->language.text : labels_en.tag;
	const struct labels *builtin = labels_builtin(tag);
	bool valid = labels_tag_valid(tag);
	if (!valid)
		diag_error(d, &c->language.loc, "'%s' is not a BCP 47 language tag (such as 'en', "
			   "'fr', 'fr-CA' or 'de')", tag);
	*set = builtin ? *builtin : labels_en;
	set->tag = tag;
	const struct ast_label *given[LABEL_COUNT] = { 0 };
	if (c)
		labels_apply(set, c, given, d);
	if (c && valid && !builtin)
		labels_missing(c, given, d);
	root->labels = set;
	return 0;
}
