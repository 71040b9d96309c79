#!/bin/sh
# alloc-failure.sh JOBC WORK 'OLD-FILES' FILES... (see lib.sh)
#
# JOBC is built with ALLOC_TESTS=1 (src/mem.c): JOBC_FAIL_ALLOC=N makes its
# Nth allocation, and every later one, fail. For N = 1, 2, ... this compiles
# FILES with every backend, twice: into a folder that does not exist yet,
# and over a folder that holds the output of OLD-FILES plus files jobc did
# not make. Each run must exit 2 saying "out of memory", with nothing else
# on stderr (no sanitizer report) and the output folder exactly as before
# (absent, or the same names, inodes, sizes, times and modes), but for the
# record of the last run (.jobc-build, src/rebuild.h), which a run removes
# before it puts products in place and may then fail. The first N
# at which the run succeeds is past the last allocation: its output must
# then be the same as without failures.
. "$(dirname "$0")/lib.sh"

fail() {
	echo "alloc-failure: N=$n: $*" >&2
	sed 's/^/    /' "$work/err" >&2
	exit 1
}
# check_failed RC DIR BEFORE: the run failed as it must.
check_failed() {
	[ "$1" -eq 2 ] || fail "exit status $1, expected 2"
	grep -q '^jobc: error: .*out of memory' "$work/err" || fail "no 'out of memory' message"
	[ "$(grep -vc '^jobc: error: .*out of memory' "$work/err")" -eq 0 ] || fail "unexpected output"
	[ "$(snapshot "$2" | grep -v '^\.jobc-build ')" = "$(echo "$3" | grep -v '^\.jobc-build ')" ] ||
		fail "the output folder $2 changed"
}

# The reference, and the folder to write over.
"$jobc" -q "$@" -o "$work/reference"
previous "$work/previous"
before=$(snapshot "$work/previous")

n=1
while :; do
	set +e
	JOBC_FAIL_ALLOC=$n "$jobc" -q "$@" -o "$work/new/out" 2>"$work/err"
	rc=$?
	set -e
	if [ $rc -eq 0 ]; then
		diff -r -x .jobc-build "$work/reference" "$work/new/out" >/dev/null || fail "output differs"
		break
	fi
	check_failed $rc "$work/new" absent
	set +e
	JOBC_FAIL_ALLOC=$n "$jobc" -q "$@" -o "$work/previous" 2>"$work/err"
	rc=$?
	set -e
	check_failed $rc "$work/previous" "$before"
	n=$((n + 1))
done
echo "alloc-failure: $((n - 1)) allocations, each failed cleanly; $n runs pass"
