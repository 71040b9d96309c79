#!/bin/sh
# stale.sh JOBC WORK 'OLD-FILES' NEW-FILES... (see lib.sh)
#
# NEW-FILES lacks sheets of OLD-FILES (jobc a b c -o out && jobc a b -o out).
# jobc writing NEW-FILES over the output of OLD-FILES plus files it did not
# make must leave exactly what it writes into an empty folder plus those
# files: every file of the old output it does not write again (the removed
# sheets' pages, in every product) is gone. Before that, --check changes
# nothing and -b json removes them from json/ only, leaving the other
# products as they were. Then a --c-prefix run replaces the C files.
. "$(dirname "$0")/lib.sh"

fail() { echo "stale: $*" >&2; exit 1; }
# files DIR: the files under DIR, relative to it, sorted.
files() { (cd "$1" && find . -type f | LC_ALL=C sort); }

"$jobc" -q "$@" -o "$work/fresh"
previous "$work/out"
with_foreign "$work/out" "$work/fresh"
# The files of the old output that the new one does not write: some in
# each product with a file per sheet.
files "$work/fresh" > "$work/fresh.files"
stale=$(files "$work/out" | LC_ALL=C comm -23 - "$work/fresh.files")
for p in json html latex; do
	echo "$stale" | grep -q "^\./$p/" || fail "no stale file in $p/: the test needs one"
done

before=$(snapshot "$work/out")
# shellcheck disable=SC2086
"$jobc" -q --check "$@" -o "$work/out"
[ "$(snapshot "$work/out")" = "$before" ] || fail "--check changed the output folder"

others=$(for p in html latex c; do snapshot "$work/out/$p"; done)
"$jobc" -q -b json "$@" -o "$work/out"
[ "$(for p in html latex c; do snapshot "$work/out/$p"; done)" = "$others" ] ||
	fail "-b json changed another product"
diff -r "$work/fresh/json" "$work/out/json" >&2 || fail "json/ is not the new output (-b json)"

"$jobc" -q "$@" -o "$work/out"
for f in $stale; do
	[ ! -e "$work/out/$f" ] || fail "$f of the old output is left"
done
diff -r -x .jobc-build "$work/fresh" "$work/out" >&2 || fail "the folder is not the new output and the foreign files"
echo "stale: $(echo "$stale" | wc -l) files of removed sheets gone from every product;" \
	"files jobc did not make kept; --check and -b json as they must"

"$jobc" -q -b c --c-prefix acme "$@" -o "$work/out"
[ "$(ls "$work/out/c")" = "$(printf 'acme.c\nacme.h')" ] || fail "c/ holds $(ls "$work/out/c")"
