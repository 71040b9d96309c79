#!/bin/sh
# check-diff.sh JOBC OUTDIR [--bless] - jobc diff end to end
# (docs/DIFF.md). For each pair of editions, the output in the three
# formats must be exactly tests/diff/NAME.expected.{txt,json,md}, with
# exit status 1:
#   every-change  tests/diff/every-change/{old,new}: something of every kind
#   sheets        sheets/ and an edited copy (tests/diff/edit-sheets.sh)
# Then: the shipped listing against itself (exit 0, no output); lists of
# files on both sides of `--`; --check-lineage (exit 2 and the error for
# the code that vanished; 1 once it is retired); a side that does not
# compile (exit 2, its diagnostics, nothing on standard output); usage
# mistakes. --bless rewrites the expected files from JOBC.
set -u
jobc=$1
tmp=$2
bless=${3:-}
check=check-diff
. tests/check-lib.sh

tests/diff/edit-sheets.sh "$tmp/edited"

# compare NAME OLD NEW: the three formats against the expected files.
compare() {
	name=$1
	for format in txt json md; do
		case $format in txt) f=text ;; md) f=markdown ;; *) f=json ;; esac
		expect 1 "$jobc" diff --format=$f "$2" "$3"
		expected=tests/diff/$name.expected.$format
		if [ "$bless" = --bless ]; then
			cp "$tmp/stdout" "$expected"
		elif ! cmp -s "$tmp/stdout" "$expected"; then
			fail "$name, --format=$f: the output differs from $expected"
			diff "$expected" "$tmp/stdout" | head -20 >&2
		fi
	done
	jq -e '.changes | length > 0' "tests/diff/$name.expected.json" >/dev/null ||
		fail "$name: the JSON output is not JSON, or lists no change"
}

compare every-change tests/diff/every-change/old tests/diff/every-change/new
compare sheets sheets "$tmp/edited"

# The shipped listing against itself: nothing, exit 0.
for f in text markdown; do
	expect 0 "$jobc" diff --format=$f sheets sheets
	[ -s "$tmp/stdout" ] && fail "sheets against themselves, --format=$f: $(head -3 "$tmp/stdout")"
done
expect 0 "$jobc" diff --format=json sheets/ sheets/
[ "$(jq -c . "$tmp/stdout")" = '{"document":"diff","format_version":1,"changes":[]}' ] ||
	fail "sheets against themselves, --format=json: $(head -5 "$tmp/stdout")"

# Lists of files on both sides of `--`, options before it.
expect 1 "$jobc" diff --format=json sheets/*.jobsheet -- "$tmp/edited"/*.jobsheet
cmp -s "$tmp/stdout" tests/diff/sheets.expected.json || fail "file lists: another output"

# --check-lineage: 4.4 vanished without a word.
expect 2 "$jobc" diff --check-lineage sheets "$tmp/edited"
cmp -s "$tmp/stdout" tests/diff/sheets.expected.txt || fail "--check-lineage: the changes are still written"
grep -q "^sheets/4.4-erp-parameter-setter.jobsheet:6:1: error: sheet '4.4' is gone from the new edition without a word" \
	"$tmp/stderr" || fail "--check-lineage: $(head -3 "$tmp/stderr")"
[ "$(grep -c 'error:' "$tmp/stderr")" -eq 1 ] || fail "--check-lineage: one code vanished, not $(grep -c 'error:' "$tmp/stderr")"
printf 'retired 4.4 "ERP Parameter Setter" see 4.3\n' >>"$tmp/edited/catalogue.jobsheet"
expect 1 "$jobc" diff --check-lineage sheets "$tmp/edited"
[ -s "$tmp/stderr" ] && fail "--check-lineage with 4.4 retired: $(head -3 "$tmp/stderr")"
grep -q '^  + retired 4.4 "ERP Parameter Setter" see 4.3$' "$tmp/stdout" || fail "the retired line is a change"
grep -q '^- sheet 4.4 "ERP Parameter Setter" (retired, see 4.3)$' "$tmp/stdout" ||
	fail "a removed sheet says where it went"

# A side that does not compile: its diagnostics, nothing written, 2.
cp -r sheets "$tmp/broken"
sed -i 's/^    family 3$/    family 9/' "$tmp/broken/3.1-operator.jobsheet"
expect 2 "$jobc" diff sheets "$tmp/broken"
grep -q "3.1-operator.jobsheet:.*error: unknown family '9'" "$tmp/stderr" ||
	fail "the side that does not compile: $(head -3 "$tmp/stderr")"
[ -s "$tmp/stdout" ] && fail "something was written for a side that does not compile"
expect 2 "$jobc" diff "$tmp/broken" sheets

# Usage mistakes.
expect 2 "$jobc" diff sheets
expect 2 "$jobc" diff sheets sheets sheets
expect 2 "$jobc" diff sheets --
expect 2 "$jobc" diff --format=jsn sheets sheets
grep -q "unknown --format value 'jsn'; did you mean 'json'?" "$tmp/stderr" || fail "--format hint"
expect 2 "$jobc" diff --check-lineages sheets sheets
grep -q "did you mean '--check-lineage'?" "$tmp/stderr" || fail "option hint"
expect 2 "$jobc" diff sheets "$tmp/missing"
grep -q "cannot open '$tmp/missing'" "$tmp/stderr" || fail "a missing side is named"
expect 0 "$jobc" diff --help
grep -q 'usage: jobc diff' "$tmp/stdout" || fail "diff --help"

[ "$bless" = --bless ] && echo "check-diff: expected files rewritten"
echo "check-diff: 2 pairs of editions in 3 formats, the listing against itself, lineage, bad input"
[ "$failures" -eq 0 ]
