/*
 * html_search_words.c - what a word is, for the site's search: the same
 * rules cut the sheets' texts into the index's words here and the reader's
 * query in search.js, which reads them from the index (html_words_rules),
 * so that the two can never disagree.
 *
 * A word is a run of characters between separators (ASCII punctuation and
 * spaces, Latin-1 signs, general punctuation, arrows and symbols, CJK and
 * full-width punctuation), folded: A-Z to a-z, the Latin letters of
 * U+00C0-U+017F to their base letters ("é" to "e", "ß" to "ss"), combining
 * marks dropped, so that "Évolution", "evolution" and "E\u0301volution"
 * are one word. Other scripts are kept as written. A word keeps its first
 * HTML_WORD_MAX characters, enough to tell words apart.
 */
#include <stdint.h>
#include <string.h>

#include "html_search.h"

/* Code points that end a word; the first four ranges are ASCII's. */
static const uint32_t html_word_sep[][2] = {
	{ 0x00, 0x2f }, { 0x3a, 0x40 }, { 0x5b, 0x60 }, { 0x7b, 0xbf },
	{ 0xd7, 0xd7 }, { 0xf7, 0xf7 }, { 0x2000, 0x2bff }, { 0x2e00, 0x2e7f },
	{ 0x3000, 0x303f }, { 0xfe10, 0xfe1f }, { 0xfe30, 0xfe6f }, { 0xff00, 0xff0f },
	{ 0xff1a, 0xff20 }, { 0xff3b, 0xff40 }, { 0xff5b, 0xff65 },
};

/* Code points dropped from a word: combining marks, variation selectors. */
static const uint32_t html_word_skip[][2] = {
	{ 0x300, 0x36f }, { 0xfe00, 0xfe0f },
};

/*
 * The base letter of U+00C0-U+017F, one byte each; capitals stand for two
 * letters (A "ae", J "ij", O "oe", S "ss", T "th"); '_' marks × and ÷,
 * which are separators.
 */
#define HTML_LATIN_FIRST 0xc0
static const char html_word_latin[] =
	"aaaaaaAceeeeiiiidnooooo_ouuuuyTS"      /* U+00C0 */
	"aaaaaaAceeeeiiiidnooooo_ouuuuyTy"      /* U+00E0 */
	"aaaaaaccccccccddddeeeeeeeeeegggg"      /* U+0100 */
	"gggghhhhiiiiiiiiiiJJjjkkklllllll"      /* U+0120 */
	"lllnnnnnnnnnooooooOOrrrrrrssssss"      /* U+0140 */
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";     /* U+0160 */
_Static_assert(sizeof html_word_latin - 1 == 0x180 - HTML_LATIN_FIRST, "U+00C0-U+017F");

static bool html_in(const uint32_t (*ranges)[2], size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return true;
	return false;
}

#define HTML_IN(ranges, cp) html_in(ranges, sizeof ranges / sizeof *ranges, cp)

/* What cp becomes in a word: its folded text (one or two ASCII letters),
 * or NULL to keep it as it is. */
static const char *html_word_fold(uint32_t cp, char one[2])
{
	if (cp >= 'A' && cp <= 'Z') {
		one[0] = (char)(cp - 'A' + 'a');
		return one;
	}
	if (cp < HTML_LATIN_FIRST || cp >= 0x180)
		return NULL;
	switch (one[0] = html_word_latin[cp - HTML_LATIN_FIRST]) {
	case 'A': return "ae";
	case 'J': return "ij";
	case 'O': return "oe";
	case 'S': return "ss";
	case 'T': return "th";
	default: return one;
	}
}

/*
 * What each byte becomes in a word when it is an ASCII letter or digit (a
 * letter in lower case), else 0: one load tells both, where the run below
 * tested two ranges and then folded the case in a second pass.
 */
#define HTML_FOLD(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 0x20 : \
		      ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c) : 0)
#define HTML_FOLD4(c) HTML_FOLD(c), HTML_FOLD((c) + 1), HTML_FOLD((c) + 2), HTML_FOLD((c) + 3)
#define HTML_FOLD16(c) HTML_FOLD4(c), HTML_FOLD4((c) + 4), HTML_FOLD4((c) + 8), HTML_FOLD4((c) + 12)
#define HTML_FOLD64(c) HTML_FOLD16(c), HTML_FOLD16((c) + 16), HTML_FOLD16((c) + 32), \
		       HTML_FOLD16((c) + 48)
static const unsigned char html_ascii_fold[256] = { HTML_FOLD64(0), HTML_FOLD64(64) };

/* A run of ASCII letters and digits from s[at], folded into word: most of
 * the text, so scanned and folded in one pass, then copied whole. Returns
 * the bytes taken. */
static size_t html_ascii_run(const char *s, size_t at, size_t n, struct buf *word, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s;
	char folded[HTML_WORD_MAX];
	size_t room = *chars < HTML_WORD_MAX ? HTML_WORD_MAX - *chars : 0, keep = 0, end = at;
	for (unsigned char c; end < n && (c = html_ascii_fold[p[end]]) != 0; end++)
		if (keep < room)
			folded[keep++] = (char)c;
	buf_put(word, folded, keep);
	*chars += end - at;
	return end - at;
}

bool html_words_next(struct html_words *w, struct buf *word)
{
	size_t chars = 0;
	word->len = 0;
	while (w->at < w->n) {
		const char *s = w->s + w->at;
		if (html_ascii_fold[(unsigned char)*s]) {
			w->at += html_ascii_run(w->s, w->at, w->n, word, &chars);
			continue;
		}
		uint32_t cp = (unsigned char)*s;
		size_t len = 1;
		if (cp >= 0x80 && (len = emit_utf8_decode(s, w->n - w->at, &cp)) == 0)
			len = 1, cp = 0xfffd;
		w->at += len;
		if (cp < 0x80 || HTML_IN(html_word_sep, cp)) {
			if (word->len > 0)
				return true;
			continue;
		}
		if (HTML_IN(html_word_skip, cp))
			continue;
		char one[2] = { 0, 0 };
		const char *fold = html_word_fold(cp, one);
		if (!fold) {
			if (chars++ < HTML_WORD_MAX)
				buf_put(word, s, len);
			continue;
		}
		for (; *fold; fold++)
			if (chars++ < HTML_WORD_MAX)
				buf_putc(word, *fold);
	}
	return word->len > 0;
}

static void html_words_ranges(struct emit_json *j, const char *key, const uint32_t (*ranges)[2],
			      size_t n)
{
	emit_json_key(j, key);
	emit_json_open(j, '[');
	for (size_t i = 0; i < n; i++) {
		emit_json_open(j, '[');
		emit_json_size(j, ranges[i][0]);
		emit_json_size(j, ranges[i][1]);
		emit_json_close(j, ']');
	}
	emit_json_close(j, ']');
}

/* One pair of "fold": the character cp (below U+0800) and what it becomes. */
static void html_words_fold_pair(struct emit_json *j, uint32_t cp)
{
	char utf8[2] = { (char)cp, 0 }, one[2] = { 0, 0 };
	size_t n = 1;
	if (cp >= 0x80)
		utf8[0] = (char)(0xc0 | cp >> 6), utf8[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	const char *fold = html_word_fold(cp, one);
	emit_json_open(j, '[');
	emit_json_string(j, utf8, n);
	emit_json_cstr(j, fold);
	emit_json_close(j, ']');
}

void html_words_rules(struct emit_json *j)
{
	emit_json_key(j, "maxWord");
	emit_json_size(j, HTML_WORD_MAX);
	html_words_ranges(j, "sep", html_word_sep, sizeof html_word_sep / sizeof *html_word_sep);
	html_words_ranges(j, "skip", html_word_skip, sizeof html_word_skip / sizeof *html_word_skip);
	emit_json_key(j, "fold");
	emit_json_open(j, '[');
	for (uint32_t cp = 'A'; cp <= 'Z'; cp++)
		html_words_fold_pair(j, cp);
	for (uint32_t cp = HTML_LATIN_FIRST; cp < 0x180; cp++)
		if (!HTML_IN(html_word_sep, cp))
			html_words_fold_pair(j, cp);
	emit_json_close(j, ']');
}
