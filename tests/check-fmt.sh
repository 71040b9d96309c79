#!/bin/sh
# check-fmt.sh JOBC OUTDIR [CORPUS] - jobc fmt end to end (docs/FMT.md):
# the shipped sheets and tests/good are in the layout; a re-indented,
# re-spaced copy of each comes back byte-identical, comments and all; fmt
# changes no compiled byte and no diagnostic, and fmt of fmt is fmt, on
# the shipped sheets, the hostile catalogue and a generated corpus
# (CORPUS, a folder); a file that does not parse is refused and left as
# it was; - is a filter; --check lists, --diff shows a patch that applies;
# a file already in the layout is not written.
set -u
jobc=$1
tmp=$2
corpus=${3:-}
check=check-fmt
. tests/check-lib.sh

# respace FILE: each line re-indented (by its number), each run of spaces
# outside comments made a tab and a space, a space and a tab, or three
# spaces: inside strings white space reads as one space, so the copy means
# what FILE means.
respace() {
	awk '{
		sub(/^[ \t]+/, "")
		if ($0 !~ /^#/) gsub(/ +/, NR % 3 == 0 ? "\t " : NR % 3 == 1 ? " \t" : "   ")
		printf "%" (NR % 5) * 3 "s%s\n", "", $0
	}' "$1"
}

# same_meaning NAME DIR1 DIR2: both compile to the same bytes, with the
# same diagnostics but for their lines and columns.
same_meaning() {
	"$jobc" -b json "$2" -o "$tmp/$1-out1" >/dev/null 2>"$tmp/$1-err1"
	s1=$?
	"$jobc" -b json "$3" -o "$tmp/$1-out2" >/dev/null 2>"$tmp/$1-err2"
	s2=$?
	[ "$s1" -eq "$s2" ] || fail "$1: exit $s1 before fmt, $s2 after"
	diff -r -x .jobc-build "$tmp/$1-out1" "$tmp/$1-out2" >/dev/null || fail "$1: fmt changed the compiled output"
	for e in err1 err2; do
		sed -n 's/^[^ ]*:[0-9]*:[0-9]*: \(error\|warning\|note\)/\1/p' "$tmp/$1-$e" >"$tmp/$1-$e.msgs"
	done
	cmp -s "$tmp/$1-err1.msgs" "$tmp/$1-err2.msgs" || fail "$1: fmt changed the diagnostics"
}

# formatted NAME FILE...: copies of the files, then fmt of the copies
# (in $tmp/NAME/fmt), and fmt of those again must change nothing.
formatted() {
	name=$1
	shift
	mkdir -p "$tmp/$name/orig" "$tmp/$name/fmt"
	cp "$@" "$tmp/$name/orig/"
	cp "$@" "$tmp/$name/fmt/"
	expect 0 "$jobc" fmt "$tmp/$name/fmt"
	expect 0 "$jobc" fmt --check "$tmp/$name/fmt"
	[ -s "$tmp/stdout" ] && fail "$name: fmt of fmt changes $(head -3 "$tmp/stdout")"
	same_meaning "$name" "$tmp/$name/orig" "$tmp/$name/fmt"
}

# The shipped sheets are in the layout; folders are inputs.
expect 0 "$jobc" fmt --check sheets/ tests/good/
[ -s "$tmp/stdout" ] && fail "not in the layout: $(cat "$tmp/stdout")"

# A re-indented, re-spaced copy of each comes back as it was.
mkdir -p "$tmp/respaced"
n=0
for f in sheets/*.jobsheet tests/good/*.jobsheet; do
	copy="$tmp/respaced/$(echo "$f" | tr / _)"
	respace "$f" >"$copy"
	cmp -s "$f" "$copy" && fail "respace did not change $f"
	n=$((n + 1))
done
expect 0 "$jobc" fmt "$tmp/respaced"
for f in sheets/*.jobsheet tests/good/*.jobsheet; do
	cmp -s "$f" "$tmp/respaced/$(echo "$f" | tr / _)" || fail "$f: a respaced copy does not come back"
done

# The compiled output and the diagnostics do not change; fmt of fmt is fmt.
formatted sheets sheets/*.jobsheet
formatted hostile tests/hostile/hostile.jobsheet tests/hostile/long-words/*.jobsheet
[ -n "$corpus" ] && formatted corpus "$corpus"/*.jobsheet
# The acknowledgements of the shipped sheets still meet their warnings.
expect 0 "$jobc" --check -Werror "$tmp/sheets/fmt"

# A file that does not parse is refused, left as it was, with its errors;
# the others are formatted all the same.
mkdir -p "$tmp/refused"
printf 'sheet 1.1 "S" {\n  misison { }\n}\n' >"$tmp/refused/broken.jobsheet"
printf 'family   1 "One"\n' >"$tmp/refused/good.jobsheet"
cp "$tmp/refused/broken.jobsheet" "$tmp/broken.before"
expect 1 "$jobc" fmt "$tmp/refused"
cmp -s "$tmp/broken.before" "$tmp/refused/broken.jobsheet" || fail "a refused file was changed"
grep -q "broken.jobsheet:2:3: error: unknown section 'misison'" "$tmp/stderr" ||
	fail "a refused file's errors are not shown: $(head -3 "$tmp/stderr")"
[ "$(cat "$tmp/refused/good.jobsheet")" = 'family 1 "One"' ] || fail "the good file was not formatted"
ls "$tmp/refused" | grep -v '\.jobsheet$' && fail "fmt left a file behind"

# - reads standard input and writes standard output.
expect 0 sh -c "printf 'family  1 \"One\"' | '$jobc' fmt -"
[ "$(cat "$tmp/stdout")" = 'family 1 "One"' ] || fail "fmt - wrote '$(cat "$tmp/stdout")'"
expect 1 sh -c "printf 'family 1' | '$jobc' fmt -"
grep -q '^<stdin>:1:9: error: ' "$tmp/stderr" || fail "standard input's errors are named <stdin>"
[ -s "$tmp/stdout" ] && fail "fmt - wrote something for what does not parse"

# --check lists, --diff shows a patch that applies; neither writes.
mkdir -p "$tmp/check"
respace sheets/3.1-operator.jobsheet >"$tmp/check/a.jobsheet"
cp sheets/catalogue.jobsheet "$tmp/check/b.jobsheet"
cp "$tmp/check/a.jobsheet" "$tmp/a.before"
expect 1 "$jobc" fmt --check "$tmp/check"
[ "$(cat "$tmp/stdout")" = "$tmp/check/a.jobsheet" ] || fail "--check listed '$(cat "$tmp/stdout")'"
expect 1 "$jobc" fmt --diff "$tmp/check"
cmp -s "$tmp/a.before" "$tmp/check/a.jobsheet" || fail "--diff changed the file"
cp "$tmp/stdout" "$tmp/check.patch"
head -2 "$tmp/check.patch" | grep -q "^--- $tmp/check/a.jobsheet" || fail "--diff header"
patch -s -p0 <"$tmp/check.patch" || fail "the patch of --diff does not apply"
cmp -s sheets/3.1-operator.jobsheet "$tmp/check/a.jobsheet" || fail "the patch of --diff is not fmt"

# A file in the layout is not written; one rewritten keeps its permissions.
ls -i "$tmp/check/b.jobsheet" >"$tmp/inode.before"
respace sheets/3.1-operator.jobsheet >"$tmp/check/a.jobsheet"
chmod 640 "$tmp/check/a.jobsheet"
expect 0 "$jobc" fmt "$tmp/check"
ls -i "$tmp/check/b.jobsheet" | cmp -s - "$tmp/inode.before" || fail "a file in the layout was rewritten"
[ "$(stat -c %a "$tmp/check/a.jobsheet")" = 640 ] || fail "the permissions of a rewritten file"

# The command line.
expect 0 "$jobc" fmt --help
grep -q 'usage: jobc fmt' "$tmp/stdout" || fail "fmt --help"
expect 0 "$jobc" --help
grep -q '^  fmt ' "$tmp/stdout" || fail "jobc --help lists fmt"
expect 2 "$jobc" fmt
expect 2 "$jobc" fmt --chek sheets/
grep -q "unknown option '--chek'; did you mean '--check'?" "$tmp/stderr" || fail "fmt option hint"
expect 2 "$jobc" fmt "$tmp/missing.jobsheet"
grep -q "cannot open '$tmp/missing.jobsheet'" "$tmp/stderr" || fail "a missing file is named"

echo "check-fmt: $n files respaced and back, the sheets, the hostile catalogue${corpus:+ and $corpus} formatted with the same meaning"
[ "$failures" -eq 0 ]
