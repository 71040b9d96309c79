#!/bin/sh
# check-sheet-warnings.sh JOBC - the shipped sheets are valid, and every
# warning jobc still gives points at a defect of the source document that
# the sheet keeps visible: a "# source:" comment within the three lines
# above the warned line (docs/SOURCE-NOTES.md lists them all).
set -u
jobc=$1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! "$jobc" --check sheets/*.jobsheet 2>"$log"; then
	cat "$log"
	echo "check-sheet-warnings: jobc --check sheets/*.jobsheet failed" >&2
	exit 1
fi
warnings=0
unexplained=0
for place in $(sed -n 's/^\(sheets\/[^:]*:[0-9]*\):[0-9]*: warning: .*/\1/p' "$log"); do
	file=${place%%:*}
	line=${place##*:}
	from=$((line > 3 ? line - 3 : 1))
	warnings=$((warnings + 1))
	if ! sed -n "${from},${line}p" "$file" | grep -q '# source:'; then
		grep -F "$place:" "$log" >&2
		echo "check-sheet-warnings: no '# source:' comment explains this warning" >&2
		unexplained=$((unexplained + 1))
	fi
done
echo "check-sheet-warnings: $warnings warnings, each explained by a source comment"
[ "$unexplained" -eq 0 ]
