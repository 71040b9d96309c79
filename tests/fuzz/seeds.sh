#!/bin/sh
# seeds.sh DIR - the fuzzer's seed corpus, made afresh from the tree.
#
# Every .jobsheet of sheets/ and tests/ as it is (the shipped sheets, the
# hostile catalogue, the bad-input suite, the backends' test catalogues), and
# whole runs in the input format of tests/fuzz/fuzz_jobc.c (files joined by a
# line "@file"): the catalogue with each sheet of sheets/, all of sheets/,
# all of tests/good/ and all of tests/hostile/ (with its long words). Copied at build time, never committed twice.
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out"

# join FILE... - the files as one input, separated as fuzz_jobc.c expects.
join() {
	first=1
	for f in "$@"; do
		[ $first = 1 ] || printf '\n@file\n'
		first=0
		cat "$f"
	done
}

find sheets tests -name node_modules -prune -o -name '*.jobsheet' -type f -print |
while read -r f; do
	cp "$f" "$out/$(echo "$f" | tr / _)"
done
for f in sheets/*.jobsheet; do
	[ "$f" = sheets/catalogue.jobsheet ] && continue
	join sheets/catalogue.jobsheet "$f" > "$out/run_$(basename "$f")"
done
join sheets/*.jobsheet > "$out/run_sheets.jobsheet"
for d in good hostile; do
	[ -d tests/$d ] || continue
	# shellcheck disable=SC2046
	join $(find tests/$d -name '*.jobsheet' | LC_ALL=C sort) > "$out/run_tests_$d.jobsheet"
done
echo "seeds.sh: $(ls "$out" | wc -l) seeds in $out"
