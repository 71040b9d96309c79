#!/bin/sh
# validate.sh FILE.sarif... - SARIF 2.1.0 logs, checked by two validators.
#
#   tests/sarif/validate.sh FILE.sarif...
#
# Needs the tools of tests/sarif/package-lock.json (`make sarif-tools`).
# Every file must pass both:
# - Microsoft's SARIF Multitool, `validate`: the schema and the rules of the
#   specification that a schema cannot state (SARIF1xxx errors). Its advice
#   (SARIF2xxx warnings) is shown and does not fail. It is a self-contained
#   binary: no Node.js, no .NET runtime needed.
# - ajv, against the SARIF 2.1.0 JSON Schema that the Multitool ships
#   (schema-check.js): the Multitool 5.7.0 lets some schema violations
#   through without a word (a result level that is not one of the four).
# Exit status: 0 when every file passes both, 1 when one does not, 2 on a
# usage error or missing tools.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
pkg=$here/node_modules/@microsoft/sarif-multitool-linux
multitool=$pkg/Sarif.Multitool
schema=$pkg/sarif-2.1.0.json

[ $# -ge 1 ] || { echo "usage: $0 FILE.sarif..." >&2; exit 2; }
if [ ! -x "$multitool" ] || [ ! -f "$schema" ]; then
	echo "validate.sh: $multitool or its schema is missing: run make sarif-tools" >&2
	exit 2
fi
for f in "$@"; do
	if [ ! -f "$f" ] || [ ! -r "$f" ]; then
		echo "validate.sh: $f: cannot read it" >&2
		exit 2
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
# Its findings, one line each (file(line,col): level CODE: message), without
# the banner and progress lines.
"$multitool" validate --log ForceOverwrite -o "$tmp/multitool.sarif" "$@" > "$tmp/multitool.out" 2>&1 ||
	{ cat "$tmp/multitool.out"; echo "validate.sh: the Multitool failed" >&2; exit 2; }
grep -E '^.*: (error|warning|note) [A-Z]+[0-9]+: ' "$tmp/multitool.out" || true
node "$here/multitool-errors.js" "$tmp/multitool.sarif" || status=1
node "$here/schema-check.js" "$schema" "$@" || status=1
exit $status
