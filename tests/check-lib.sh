# check-lib.sh - what the tests/check-*.sh scripts share. Sourced after
# setting `check` (the script's name, for its messages) and `tmp` (its
# scratch folder, made anew here).

# Under the sanitizers (B=build/san), a report must not pass for the exit
# status 1 a test expects.
export ASAN_OPTIONS="${ASAN_OPTIONS:-exitcode=99:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:exitcode=98:print_stacktrace=1}"

rm -rf "$tmp"
mkdir -p "$tmp"
failures=0

fail() {
	echo "$check: FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect STATUS CMD...: runs CMD, its output in $tmp/stdout and
# $tmp/stderr, and compares its exit status.
expect() {
	want=$1
	shift
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	[ "$got" -eq "$want" ] || fail "exit $got, expected $want: $* ($(head -c 300 "$tmp/stderr"))"
}
