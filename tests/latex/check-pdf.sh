#!/bin/sh
# check-pdf.sh DIR [--pdf-only] [--allow-missing] [--expect FILE] SOURCE.jobsheet...
#     - checks a compiled booklet.
#
# DIR holds booklet.tex compiled by latexmk (booklet.pdf, .log, .toc), or,
# with --pdf-only, booklet.pdf alone (as `jobc -b pdf` makes it): then the
# log and the contents are not checked. Fails, naming the reason, unless:
#   - the log has no undefined reference, no missing character, no overfull
#     box, and no character replaced because the fonts lack it (jobsheet's
#     warning), unless --allow-missing;
#   - the table of contents lists one entry per `sheet` of the sources, and
#     each sheet starts on a page of its own (page numbers strictly rising);
#   - the PDF has at least one page per sheet;
#   - the text of the PDF (pdftotext) holds every sheet title and every string
#     that the sources write on one line of its own (items, tasks, aka,
#     education...), and every line of FILE, character for character.
# Text (pdftotext -raw: in the order it was set, the page's text block
# only) is compared with white space removed, so that line breaks do not
# matter, and, failing that, with hyphens removed too, for words TeX
# hyphenated at a line end (an en dash is not a hyphen: "--" set as "–"
# still fails). The booklet's documented renderings are expected
# (docs/LATEX.md): ' is set as ’, … as three periods, a zero-width or
# no-break space and a soft hyphen as nothing or a space, and invisible or
# missing characters as a visible [U+XXXX], decoded back before comparing.
set -eu

die() { echo "check-pdf: $dir: $*" >&2; exit 1; }

[ $# -ge 1 ] || { echo "usage: check-pdf.sh DIR [--expect FILE] SOURCE..." >&2; exit 2; }
dir=$1
shift
pdf_only=
if [ "${1:-}" = --pdf-only ]; then
	pdf_only=1
	shift
fi
allow_missing=
if [ "${1:-}" = --allow-missing ]; then
	allow_missing=1
	shift
fi
expect=
if [ "${1:-}" = --expect ]; then
	expect=$2
	shift 2
fi
pdf=$dir/booklet.pdf log=$dir/booklet.log toc=$dir/booklet.toc
[ -s "$pdf" ] || die "no booklet.pdf"

# ---- the log -------------------------------------------------------------
[ -n "$pdf_only" ] && log=/dev/null toc=/dev/null
if grep -n -E 'Reference .* undefined|There were undefined references|Label\(s\) may have changed' "$log" >&2; then
	die "undefined references"
fi
if grep -n -F 'Missing character' "$log" >&2; then
	die "missing characters"
fi
if grep -n -E '^Overfull \\[hv]box' "$log" >&2; then
	die "overfull boxes: text runs out of the page"
fi
if [ -z "$allow_missing" ] && grep -n -F 'Package jobsheet Warning: Character' "$log" >&2; then
	die "characters the fonts lack, shown as [U+XXXX]"
fi

# ---- one sheet, one page at least -----------------------------------------
sheets=$(cat "$@" | grep -c '^[[:space:]]*sheet[[:space:]]' || true)
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages:[[:space:]]*//p')
entries=$(grep -c '^\\contentsline {section}' "$toc" || true)
[ -n "$pdf_only" ] || [ "$entries" -eq "$sheets" ] || die "$entries sheets in the contents, $sheets in the sources"
[ "$pages" -ge "$sheets" ] || die "$pages pages for $sheets sheets"
sed -n 's/^\\contentsline {section}.*}{\([0-9][0-9]*\)}{[^}]*}%$/\1/p' "$toc" |
	awk -v dir="$dir" 'NR > 1 && $1 <= last { print "check-pdf: " dir ": sheet " NR " starts on page " $1 ", not after page " last > "/dev/stderr"; bad = 1 }
		{ last = $1 } END { exit bad }' || die "two sheets share a page"

# ---- the text -------------------------------------------------------------
titles=$(cat "$@" | grep -c '^[[:space:]]*sheet[[:space:]].*"[[:space:]]*{[[:space:]]*$' || true)
[ "$titles" -eq "$sheets" ] || die "only $titles of $sheets sheet titles are on one line; this check needs them so"
txt=$dir/booklet.txt
# The text block of A4 pages only (in points, from the top-left corner):
# running heads and feet would interleave with a paragraph cut by a page.
pdftotext -raw -enc UTF-8 -nopgbrk -x 0 -y 62 -W 595 -H 710 "$pdf" "$txt"

# Strings of the sources on a line of their own: `sheet CODE "title" {`,
# `WORD "text"` (items with a level, aka, education...), `"text"` and
# trend-marked tasks; the language's escapes \" and \\ are undone. Then
# every line of the expect file that is not a comment.
found=$(LC_ALL=C awk -v dir="$dir" -v expect="$expect" '
# White space, no-break space, soft hyphen, zero-width space: all may vanish.
function squeeze(s) {
	gsub(/[ \t\f\r\n]|\302\240|\302\255|\342\200\213/, "", s)
	return s
}
function hex(s,   n, i) {
	n = 0
	for (i = 1; i <= length(s); i++)
		n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
	return n
}
function utf8(cp) {
	if (cp < 128)
		return sprintf("%c", cp)
	if (cp < 2048)
		return sprintf("%c%c", 192 + int(cp / 64), 128 + cp % 64)
	if (cp < 65536)
		return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64, 128 + cp % 64)
	return sprintf("%c%c%c%c", 240 + int(cp / 262144), 128 + int(cp / 4096) % 64,
		       128 + int(cp / 64) % 64, 128 + cp % 64)
}
# The [U+XXXX] the booklet shows in place of a character, made that character.
function decode(s,   out) {
	out = ""
	while (match(s, /\[U\+[0-9A-F]+\]/)) {
		out = out substr(s, 1, RSTART - 1) utf8(hex(substr(s, RSTART + 3, RLENGTH - 4)))
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}
function unescape(s,   out) {
	out = ""
	while (match(s, /\\./)) {
		out = out substr(s, 1, RSTART - 1) substr(s, RSTART + 1, 1)
		s = substr(s, RSTART + 2)
	}
	return out s
}
# Between the first and the last quote of a line that is one whole string.
function quoted(line,   first, last) {
	first = index(line, "\"")
	last = length(line)
	while (substr(line, last, 1) != "\"")
		last--
	return unescape(substr(line, first + 1, last - first - 1))
}
function look(text,   needle, loose) {
	needle = squeeze(text)
	if (needle == "")
		return
	gsub(/\047/, "’", needle)
	gsub(/…/, "...", needle)
	loose = needle
	gsub(/-/, "", loose)
	if (index(flat, needle) || index(dashless, loose)) {
		found++
	} else {
		if (++missing <= 10)
			printf "check-pdf: %s: not in the PDF: %.200s\n", dir, text > "/dev/stderr"
	}
}
BEGIN { str = "\"([^\"\\\\]|\\\\.)*\"" }
FNR == 1 { part++ }
part == 1 { pdf = pdf $0 "\n"; next }
part == 2 && FNR == 1 {
	pdf = decode(pdf)
	flat = squeeze(pdf)
	dashless = flat
	gsub(/-/, "", dashless)
}
FILENAME == expect { if ($0 !~ /^#/) look($0); next }
# The language of the catalogue says how the booklet speaks, not what it shows.
$0 ~ "^[ \t]*language[ \t]" { next }
$0 ~ ("^[ \t]*sheet[ \t]+[A-Za-z0-9][A-Za-z0-9._-]*[ \t]+" str "[ \t]*[{][ \t]*$") ||
$0 ~ ("^[ \t]*[A-Za-z][A-Za-z0-9_]*[ \t]+" str "[ \t]*$") ||
$0 ~ ("^[ \t]*([-+=]|↗|↘)?[ \t]*" str "[ \t]*$") { look(quoted($0)) }
END {
	if (missing) {
		printf "check-pdf: %s: %d strings missing from the PDF\n", dir, missing > "/dev/stderr"
		exit 1
	}
	print found + 0
}
' "$txt" "$@" $expect)
[ "$found" -gt 0 ] || die "no string to look for"
echo "check-pdf: $dir: $pages pages, $sheets sheets, $found strings found"
