#!/bin/sh
# check-cli.sh JOBC OUTDIR - the command line as users drive it: exit
# statuses, -o, standard input, -Werror, folders and files named twice,
# option mistakes, colour, the backends a run makes without -b, --labels,
# and that invalid input writes nothing, valid input writes the same bytes
# every time in any file order.
set -u
jobc=$1
tmp=$2
check=check-cli
. tests/check-lib.sh

good="tests/good/catalogue.jobsheet tests/good/vessel-traffic.jobsheet tests/good/cargo.jobsheet"

expect 0 "$jobc" --version
grep -q '^jobc [0-9]' "$tmp/stdout" || fail "--version prints 'jobc VERSION'"
expect 0 "$jobc" --help
grep -q 'usage: jobc' "$tmp/stdout" || fail "--help prints the usage"
expect 2 "$jobc"
expect 2 "$jobc" --no-such-option x.jobsheet
expect 2 "$jobc" -b nosuchbackend $good
expect 2 "$jobc" -Wbogus $good
expect 2 "$jobc" --check "$tmp/missing.jobsheet"
grep -q "cannot open '$tmp/missing.jobsheet'" "$tmp/stderr" || fail "a missing file is named"

# Valid input, with and without warnings.
expect 0 "$jobc" -Werror --check $good
printf 'catalogue "C" { }\nfamily 1 "F"\nscale { K "k" }\ncategory t "T" levelled\n' >"$tmp/warn.jobsheet"
printf 'sheet 1.1 "S" { family 1 mission { } activities { "G" { "t" } }\n' >>"$tmp/warn.jobsheet"
printf ' t essential { K "x" } career { education "e" experience "x" } }\n' >>"$tmp/warn.jobsheet"
expect 0 "$jobc" --check "$tmp/warn.jobsheet"
grep -q "warning: empty 'mission' section" "$tmp/stderr" || fail "the warning is printed"
expect 0 "$jobc" -q --check "$tmp/warn.jobsheet"
[ -s "$tmp/stderr" ] && fail "-q prints no warning"
expect 1 "$jobc" -Werror --check "$tmp/warn.jobsheet"

# Standard input.
expect 0 sh -c "cat $good | '$jobc' -Werror --check -"
printf 'sheet 1.1 "x" {' >"$tmp/broken.jobsheet"
expect 1 sh -c "'$jobc' --check - <'$tmp/broken.jobsheet'"
grep -q '^<stdin>:1:16: error: ' "$tmp/stderr" || fail "stdin diagnostics are named <stdin>"

# Invalid input writes nothing, not even the folder.
expect 1 "$jobc" $good "$tmp/broken.jobsheet" -o "$tmp/out-invalid"
[ -e "$tmp/out-invalid" ] && fail "invalid input created the output folder"

# Valid input: output, and the same bytes in any order and on a second run.
expect 0 "$jobc" $good -o "$tmp/out1"
[ -d "$tmp/out1" ] || fail "no output folder"
expect 0 "$jobc" tests/good/cargo.jobsheet tests/good/vessel-traffic.jobsheet \
	tests/good/catalogue.jobsheet -o "$tmp/out2"
diff -r -x .jobc-build "$tmp/out1" "$tmp/out2" >/dev/null || fail "output depends on the order of the files"
expect 0 "$jobc" $good -o "$tmp/out1"
expect 0 "$jobc" $good -o "$tmp/out3"
diff -r -x .jobc-build "$tmp/out1" "$tmp/out3" >/dev/null || fail "output differs between runs"

# A folder stands for its .jobsheet files; a file named twice is read once
# (by another path too), so a catalogue plus a glob that holds it is fine.
expect 0 "$jobc" tests/good -o "$tmp/out-folder"
diff -r -x .jobc-build "$tmp/out1" "$tmp/out-folder" >/dev/null || fail "a folder does not read as its files"
expect 0 "$jobc" --check -Werror tests/good/catalogue.jobsheet tests/good ./tests/good/cargo.jobsheet
[ -s "$tmp/stderr" ] && fail "a file named twice was read twice: $(head -3 "$tmp/stderr")"
mkdir -p "$tmp/empty-folder"
expect 2 "$jobc" --check "$tmp/empty-folder"
grep -q "^jobc: error: no .jobsheet file in the folder '$tmp/empty-folder'$" "$tmp/stderr" ||
	fail "an empty folder is not named"

# -j 0 is one job per processor: same output.
expect 0 "$jobc" -j 0 $good -o "$tmp/out-j0"
diff -r -x .jobc-build "$tmp/out1" "$tmp/out-j0" >/dev/null || fail "-j 0 changes the output"

# Options: jobc's own messages, with a hint; nothing is written.
expect 2 "$jobc" --outptu "$tmp/out-typo" $good
grep -q "^jobc: error: unknown option '--outptu'; did you mean '--output'?$" "$tmp/stderr" ||
	fail "no hint for a misspelt option: $(cat "$tmp/stderr")"
[ -e "$tmp/out-typo" ] && fail "a usage error wrote output"
expect 2 "$jobc" $good -o
grep -q "^jobc: error: option '-o' needs an argument$" "$tmp/stderr" || fail "a missing argument"
expect 2 "$jobc" -b jsn $good
grep -q "^jobc: error: unknown backend 'jsn'; did you mean 'json'?$" "$tmp/stderr" ||
	fail "no hint for a misspelt backend"
expect 2 "$jobc" --color=sometimes $good

# Colour: never by default off a terminal, always on demand, NO_COLOR wins over auto.
esc=$(printf '\033')
expect 0 "$jobc" --check "$tmp/warn.jobsheet"
grep -q "$esc" "$tmp/stderr" && fail "colour off a terminal"
expect 0 "$jobc" --check --color=always "$tmp/warn.jobsheet"
grep -q "$esc\[01;35mwarning:" "$tmp/stderr" || fail "--color=always gives no colour"
expect 0 env NO_COLOR=1 "$jobc" --check --color=never "$tmp/warn.jobsheet"
grep -q "$esc" "$tmp/stderr" && fail "--color=never gives colour"
if command -v script >/dev/null 2>&1; then
	# On a terminal (script(1) makes one), auto colours unless NO_COLOR is set.
	script -qec "'$jobc' --check '$tmp/warn.jobsheet'" /dev/null >"$tmp/tty" 2>&1
	grep -q "$esc\[01;35mwarning:" "$tmp/tty" || fail "auto gives no colour on a terminal"
	NO_COLOR=1 script -qec "'$jobc' --check '$tmp/warn.jobsheet'" /dev/null >"$tmp/tty" 2>&1
	grep -q "$esc" "$tmp/tty" && fail "NO_COLOR is not honoured"
fi

# Without -b, the backends jobc has always run, not those on request.
[ -e "$tmp/out1/csv" ] || [ -e "$tmp/out1/xlsx" ] || [ -e "$tmp/out1/pdf" ] &&
	fail "a run without -b made csv, xlsx or pdf"
[ -d "$tmp/out1/json" ] && [ -d "$tmp/out1/html" ] && [ -d "$tmp/out1/latex" ] &&
	[ -d "$tmp/out1/c" ] || fail "a run without -b did not make json, html, latex and c"

# --labels prints a labels block that gives a language jobc lacks all its
# labels: a catalogue in Dutch with it (the words English) is valid.
expect 0 "$jobc" --labels=de
grep -q '^        section.mission *"Zweck der Stelle"$' "$tmp/stdout" || fail "--labels=de"
expect 0 "$jobc" --labels=en
{ printf 'catalogue "C" {\n    language "nl"\n'; cat "$tmp/stdout"
  printf '}\nfamily 1 "F"\nscale { K "k" }\ncategory t "T" levelled\n'
  printf 'sheet 1.1 "S" { family 1 mission { "m" } activities { "G" { "t" } }\n'
  printf ' t essential { K "x" } career { education "e" experience "x" } }\n'; } >"$tmp/nl.jobsheet"
expect 0 "$jobc" -Werror "$tmp/nl.jobsheet" -o "$tmp/out-nl"
grep -q '<html lang="nl">' "$tmp/out-nl/html/index.html" || fail "the page's lang is not the catalogue's"
expect 2 "$jobc" --labels=tlh
grep -q "^jobc: error: jobc has no labels in 'tlh'; it has 'en', 'fr' and 'de'$" "$tmp/stderr" ||
	fail "--labels of a language jobc lacks"

# An unwritable output path is an I/O error.
expect 2 "$jobc" $good -o /proc/jobc-cannot-write-here

[ "$failures" -eq 0 ] && echo "check-cli: all passed"
[ "$failures" -eq 0 ]
