#!/bin/sh
# check-sheet-warnings.sh JOBC OUTDIR - the shipped sheets are valid under
# -Werror: every warning jobc gives on them points at a defect of the source
# document that the sheet keeps visible, acknowledged with a
# `# jobc: expect NAME` comment that a "# source:" comment explains within
# the five lines above it (docs/SOURCE-NOTES.md lists them all). And -Werror
# still bites: a new warning in a copy, or an acknowledgement whose warning
# has gone, fails the run.
set -u
jobc=$1
tmp=$2
check=check-sheet-warnings
. "$(dirname "$0")/check-lib.sh"

if ! "$jobc" --check -Werror sheets/*.jobsheet 2>"$tmp/err"; then
	cat "$tmp/err" >&2
	fail "jobc --check -Werror sheets/*.jobsheet failed"
fi

expects=0
for place in $(grep -n '# jobc: expect' sheets/*.jobsheet | cut -d: -f1,2); do
	file=${place%%:*}
	line=${place##*:}
	from=$((line > 5 ? line - 5 : 1))
	expects=$((expects + 1))
	sed -n "${from},${line}p" "$file" | grep -q '# source:' ||
		fail "$place: no '# source:' comment explains this acknowledgement"
done
[ "$expects" -gt 0 ] || fail "no acknowledgement found in sheets/"

# A new empty section in a copy: a warning no comment acknowledges.
cp -r sheets "$tmp/new-warning"
sed -i 's/^    mission {$/    trends { }\n    mission {/' "$tmp/new-warning/4.2-developer.jobsheet"
if "$jobc" --check -Werror "$tmp/new-warning"/*.jobsheet 2>"$tmp/err"; then
	fail "a new warning passes -Werror"
fi
grep -q "4.2-developer.jobsheet:.*warning: empty 'trends' section \[-Wempty-section\]" "$tmp/err" ||
	fail "the new warning is not named: $(head -3 "$tmp/err")"

# The defect fixed, its acknowledgement left: stale, and -Werror says so.
cp -r sheets "$tmp/stale"
sed -i 's/^    trends { }$/    trends { "A trend." }/' \
	"$tmp/stale/5.2-expert-in-methods-and-tools-quality-security-data.jobsheet"
if "$jobc" --check -Werror "$tmp/stale"/*.jobsheet 2>"$tmp/err"; then
	fail "a stale acknowledgement passes -Werror"
fi
grep -q "5.2-.*warning: '# jobc: expect' names 'empty-section', but no such warning is given here \[-Wunmet-expectation\]" "$tmp/err" ||
	fail "the stale acknowledgement is not reported: $(head -3 "$tmp/err")"

echo "check-sheet-warnings: $expects acknowledged source defects, each explained; new and stale ones fail -Werror"
[ "$failures" -eq 0 ]
