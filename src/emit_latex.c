/*
 * emit_latex.c - LaTeX text in the emitter kit (emit.h): whatever a string
 * holds, pdfLaTeX typesets it literally with jobsheet.sty, and no text can
 * ever be read as a command (docs/LATEX.md, "Characters").
 *
 * The ten LaTeX specials; < > | " and ` which T1 would typeset as
 * themselves but whose plain forms are ligature or shorthand triggers in
 * some setups; brackets braced so that text can never be taken for an
 * optional argument. -- '' and ,, stay two characters (TeX would make a
 * dash or a quote of them). Controls become a visible marker, never a raw
 * byte. A run of more than LATEX_RUN_MAX characters without a space or a
 * hyphen (a URL, a code, a 10,000-letter word) gets a \jobsheetbreak after
 * each such stretch, so that nothing runs off the page; real words are
 * shorter.
 */
#include "emit.h"

#define LATEX_RUN_MAX 30

/* Non-ASCII characters with a LaTeX meaning of their own, written as that. */
struct latex_special {
	uint32_t cp;
	const char *tex;
};

static const struct latex_special latex_unicode[] = {
	{ 0x00A0, "~" },             /* no-break space */
	{ 0x00AD, "\\-" },           /* soft hyphen: a hyphenation point */
	{ 0x200B, "\\allowbreak{}" },/* zero-width space: a break point */
};

/* A set of code points: inclusive ranges, in increasing order. */
struct latex_range {
	uint32_t first, last;
};

/*
 * Invisible characters that would change nothing on paper, or reorder and
 * hide text on screen (C0 and C1 controls, bidi marks, embeddings,
 * overrides and isolates, joiners, line and paragraph separators, the
 * BOM): shown as a visible [U+XXXX] so that a proofreader sees them.
 */
static const struct latex_range latex_invisible[] = {
	{ 0x0000, 0x001F }, { 0x007F, 0x009F }, { 0x061C, 0x061C },
	{ 0x180E, 0x180E }, { 0x200C, 0x200F }, { 0x2028, 0x202E },
	{ 0x2060, 0x206F }, { 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB },
	{ 0xE0000, 0xE007F },
};

/*
 * The non-ASCII characters the booklet typesets, written as UTF-8: those
 * LaTeX's T1, TS1, OT1 and OMS encodings define for UTF-8 input and those
 * jobsheet.sty declares, each checked to exist in every font and shape of
 * the booklet (TeX Gyre Pagella and Heros). Any other character (CJK,
 * Arabic, emoji, combining accents...) is shown as [U+XXXX] with a LaTeX
 * warning (\jobsheetmissing): neither dropped in silence nor able to stop
 * the build. docs/LATEX.md says how to add one.
 */
static const struct latex_range latex_typeset[] = {
	{ 0x00A0, 0x0125 }, { 0x0128, 0x0137 }, { 0x0139, 0x013E },
	{ 0x0141, 0x0148 }, { 0x014A, 0x0165 }, { 0x0168, 0x017E },
	{ 0x0192, 0x0192 }, { 0x01C4, 0x01D4 }, { 0x01E2, 0x01E3 },
	{ 0x01E6, 0x01EB }, { 0x01F0, 0x01F0 }, { 0x01F4, 0x01F5 },
	{ 0x0218, 0x021B }, { 0x0232, 0x0233 }, { 0x0237, 0x0237 },
	{ 0x02C7, 0x02C7 }, { 0x02D8, 0x02D9 }, { 0x02DB, 0x02DB },
	{ 0x02DD, 0x02DD }, { 0x0E3F, 0x0E3F }, { 0x1E02, 0x1E03 },
	{ 0x1E0D, 0x1E0D }, { 0x1E1E, 0x1E21 }, { 0x1E25, 0x1E25 },
	{ 0x1E30, 0x1E31 }, { 0x1E37, 0x1E37 }, { 0x1E43, 0x1E43 },
	{ 0x1E45, 0x1E45 }, { 0x1E47, 0x1E47 }, { 0x1E5B, 0x1E5B },
	{ 0x1E63, 0x1E63 }, { 0x1E6D, 0x1E6D }, { 0x1E8E, 0x1E91 },
	{ 0x1E9E, 0x1E9E }, { 0x1EF2, 0x1EF3 }, { 0x200C, 0x200C },
	{ 0x2010, 0x2016 }, { 0x2018, 0x201A }, { 0x201C, 0x201E },
	{ 0x2020, 0x2022 }, { 0x2026, 0x2026 }, { 0x2030, 0x2031 },
	{ 0x2039, 0x203B }, { 0x203D, 0x203D }, { 0x2043, 0x2044 },
	{ 0x204E, 0x204E }, { 0x2052, 0x2052 }, { 0x20A1, 0x20A1 },
	{ 0x20A4, 0x20A4 }, { 0x20A6, 0x20A6 }, { 0x20A9, 0x20A9 },
	{ 0x20AB, 0x20AC }, { 0x20B1, 0x20B1 }, { 0x2103, 0x2103 },
	{ 0x2116, 0x2117 }, { 0x211E, 0x211E }, { 0x2120, 0x2120 },
	{ 0x2122, 0x2122 }, { 0x2126, 0x2127 }, { 0x212E, 0x212E },
	{ 0x2190, 0x2194 }, { 0x2197, 0x2198 }, { 0x21D2, 0x21D2 },
	{ 0x2212, 0x2212 }, { 0x2248, 0x2248 }, { 0x2260, 0x2260 },
	{ 0x2264, 0x2265 }, { 0x2329, 0x232A }, { 0x2422, 0x2423 },
	{ 0x25AA, 0x25AA }, { 0x25E6, 0x25E6 }, { 0x25EF, 0x25EF },
	{ 0x266A, 0x266A }, { 0x2713, 0x2713 }, { 0x27A4, 0x27A4 },
	{ 0x27E8, 0x27E9 }, { 0x3008, 0x3009 }, { 0xFB00, 0xFB06 },
	{ 0xFEFF, 0xFEFF },
};

static const char *latex_special_for(uint32_t cp)
{
	for (size_t i = 0; i < sizeof latex_unicode / sizeof latex_unicode[0]; i++)
		if (latex_unicode[i].cp == cp)
			return latex_unicode[i].tex;
	return NULL;
}

static bool latex_in(const struct latex_range *set, size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n && set[i].first <= cp; i++)
		if (cp <= set[i].last)
			return true;
	return false;
}

#define LATEX_IN(set, cp) latex_in((set), sizeof (set) / sizeof (set)[0], (cp))

/* \jobsheetcontrol{001B}, \jobsheetmissing{4E2D}: shown as [U+XXXX]. */
static void latex_code_point(struct buf *b, const char *macro, uint32_t cp)
{
	buf_puts(b, macro);
	buf_putc(b, '{');
	emit_hex(b, cp, 4, true);
	buf_putc(b, '}');
}

/* A character that doubled would make a ligature, a control, or any
 * character from U+0080 up. */
static size_t latex_call(struct buf *b, const char *s, size_t n)
{
	char c = s[0];
	if (c == '-' || c == '\'' || c == ',') {
		buf_putc(b, c);
		if (n > 1 && s[1] == c)
			buf_put(b, "{}", 2);
		return 1;
	}
	uint32_t cp = (unsigned char)c;
	size_t len = cp < 0x80 ? 1 : emit_utf8_decode(s, n, &cp);
	if (len == 0) {         /* not UTF-8: the front end lets none through */
		cp = 0xFFFD;    /* not typeset: shown as [U+FFFD] */
		len = 1;
	}
	const char *tex = latex_special_for(cp);
	if (tex)
		buf_puts(b, tex);
	else if (LATEX_IN(latex_invisible, cp))
		latex_code_point(b, "\\jobsheetcontrol", cp);
	else if (LATEX_IN(latex_typeset, cp))
		buf_put(b, s, len);
	else
		latex_code_point(b, "\\jobsheetmissing", cp);
	return len;
}

/* A space or a hyphen: where a line may break. */
#define LATEX_BREAK_COPY { EMIT_COPY, 0, true, NULL }
#define LATEX_BREAK_CALL { EMIT_CALL, 0, true, NULL }

const struct emit_escaper emit_latex = {
	.bytes = {
		[0x00] = EMIT_X32(EMIT_CALLS),
		[' '] = LATEX_BREAK_COPY,
		['-'] = LATEX_BREAK_CALL,
		['\''] = EMIT_CALLS,
		[','] = EMIT_CALLS,
		['\\'] = EMIT_AS("\\textbackslash{}"),
		['{'] = EMIT_AS("\\{"),
		['}'] = EMIT_AS("\\}"),
		['#'] = EMIT_AS("\\#"),
		['$'] = EMIT_AS("\\$"),
		['%'] = EMIT_AS("\\%"),
		['&'] = EMIT_AS("\\&"),
		['_'] = EMIT_AS("\\_"),
		['~'] = EMIT_AS("\\textasciitilde{}"),
		['^'] = EMIT_AS("\\textasciicircum{}"),
		['<'] = EMIT_AS("\\textless{}"),
		['>'] = EMIT_AS("\\textgreater{}"),
		['|'] = EMIT_AS("\\textbar{}"),
		['"'] = EMIT_AS("\\textquotedbl{}"),
		['`'] = EMIT_AS("\\textasciigrave{}"),
		['['] = EMIT_AS("{[}"),
		[']'] = EMIT_AS("{]}"),
		[0x7f] = EMIT_CALLS,
		[0x80] = EMIT_X128(EMIT_CALLS),
	},
	.call = latex_call,
	.run_max = LATEX_RUN_MAX,
	.run_break = "\\jobsheetbreak{}",
};
