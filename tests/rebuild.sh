#!/bin/bash
# rebuild.sh JOBC WORK [ROUNDS [SEED]] - runs over the output of earlier
# runs give what a run into an empty folder gives (tests/rebuild.mk).
#
# A copy of sheets/ is edited at random, ROUNDS times (default 40; SEED,
# default the time, is printed: a failure can be replayed): a title
# changed, a sheet's file deleted or added, a file touched or rewritten
# with the same bytes, an edit of the same size just after a run, an edit
# with an error and then the fix, the options changed (-b, --c-prefix,
# --json-compact), another jobc executable, an output file edited or
# deleted by hand. After each, jobc runs into WORK/out, where every
# earlier run wrote, and its products must be, byte for byte, those of
# the same run into an empty folder. Whenever nothing changed since the
# last run (same input bytes, same options, same executable, outputs as
# left), the run must do nothing at all: no file, no folder, not the
# record, touched.
set -eu
jobc=$1 work=$2 rounds=${3:-40} seed=${4:-$(date +%s)}
RANDOM=$seed
rm -rf "$work"
mkdir -p "$work"
cp -r sheets "$work/in"
cp "$jobc" "$work/jobc"
in=$work/in out=$work/out exe=$work/jobc opts=()
echo "rebuild: seed $seed, $rounds rounds"

fail() {
	echo "rebuild: round $round (seed $seed): $*" >&2
	exit 1
}

# stamp: every entry of the output folder, with what a write would change.
stamp() { find "$out" -printf '%P %y %i %s %T@ %C@\n' 2> /dev/null | LC_ALL=C sort; }

# build: the run under test, then the same run into an empty folder; the
# products it writes must be the same. Returns jobc's status. With
# nothing=1, the run under test must not touch the output folder; with
# nothing=2, it must do its work (a changed key).
build() {
	local status=0 fresh_status=0 before
	before=$(stamp)
	"$exe" -q "${opts[@]}" "$in" -o "$out" 2> "$work/diags" || status=$?
	case $nothing$status in
	10) [ "$(stamp)" = "$before" ] || fail "$what: the output folder changed" ;;
	20) [ "$(stamp)" != "$before" ] || fail "$what: the run did nothing" ;;
	esac
	rm -rf "$work/fresh"
	"$exe" -q "${opts[@]}" "$in" -o "$work/fresh" 2> "$work/fresh-diags" || fresh_status=$?
	[ "$status" -eq "$fresh_status" ] || fail "status $status, a fresh run's $fresh_status"
	cmp -s "$work/diags" "$work/fresh-diags" || fail "not the fresh run's diagnostics"
	if [ "$status" -eq 0 ]; then
		for p in "$work"/fresh/*/; do
			diff -r -x .jobc-manifest "$p" "$out/$(basename "$p")" >&2 ||
				fail "$(basename "$p")/ is not a fresh run's (after: $what)"
		done
	fi
	return "$status"
}

# unchanged: a run now must leave everything as it is.
unchanged() {
	local before
	before=$(stamp)
	"$exe" -q "${opts[@]}" "$in" -o "$out" 2> "$work/diags" || fail "the run with nothing to do failed: $(cat "$work/diags")"
	[ "$(stamp)" = "$before" ] || fail "a run with nothing to do changed the output (after: $what)"
}
nothing=0

sheet_files() { find "$in" -name '*.jobsheet' ! -name catalogue.jobsheet | LC_ALL=C sort; }
pick() { local all; mapfile -t all < <(sheet_files); echo "${all[RANDOM % ${#all[@]}]}"; }
added=0

# edit K: the edit number K (0 to 10), of a file picked at random.
edit() {
	f=$(pick)
	nothing=0
	case $1 in
	0) what="a title changed in $f"
	   sed -i "0,/^sheet \([^ ]*\) \"/s//sheet \1 \"Edited $round /" "$f" ;;
	1) what="a deleted sheet $f"
	   cp "$f" "$work/good"
	   rm "$f"
	   # Not one that the catalogue's `retired ... see` names.
	   "$exe" -q --check "$in" 2> /dev/null || mv "$work/good" "$f" ;;
	2) added=$((added + 1))
	   what="a new sheet 6.$((added + 90))"
	   sed "0,/^sheet [^ ]* /s//sheet 6.$((added + 90)) /" "$(grep -l '^    family 6' "$in"/*.jobsheet | head -1)" \
		> "$in/new-$added.jobsheet" ;;
	3) what="$f touched"
	   nothing=1
	   touch "$f" ;;
	4) what="$f written again with the same bytes"
	   nothing=1
	   cat "$f" > "$work/copy" && cat "$work/copy" > "$f" ;;
	5) what="an edit of the same size in $f, just after a run"
	   if build; then unchanged; fi
	   sed -i '0,/e/s//E/' "$f" ;;
	6) what="an error in $f, then the fix"
	   cp "$f" "$work/good"
	   sed -i 's/^    mission {/    misison {/' "$f"
	   ! build || fail "an input with an error was accepted"
	   cp "$work/good" "$f" ;;
	7) what="the options changed to: ${2-}"
	   read -r -a opts <<< "${2-}" ;;
	8) what="another jobc executable"
	   nothing=2
	   cp "$jobc" "$work/jobc2" && printf '%d' "$round" >> "$work/jobc2" && exe=$work/jobc2 ;;
	9) what="an output file edited by hand"
	   g=$(find "$out" -type f ! -name '.jobc-*' | shuf -n 1 --random-source=<(yes $RANDOM))
	   echo "edited" >> "$g" ;;
	10) what="an output file deleted"
	   g=$(find "$out" -type f ! -name '.jobc-*' | shuf -n 1 --random-source=<(yes $RANDOM))
	   rm "$g" ;;
	esac
	if build; then
		unchanged
	fi
}

# Each kind of edit once, each option that changes the output once, then
# edits at random.
round=0
what="the first run"
build
unchanged
options=("--c-prefix acme" "-b json" "--json-compact" "-b html,c" "-b latex --c-prefix x" "")
for k in 0 1 2 3 4 5 6 8 9 10; do
	edit $k
done
for o in "${options[@]}"; do
	edit 7 "$o"
done
for ((round = 1; round <= rounds; round++)); do
	k=$((RANDOM % 11))
	edit $k "${options[RANDOM % ${#options[@]}]}"
done
echo "rebuild: every kind of edit, and $rounds at random: each run the same as a fresh one;" \
	"the runs with nothing to do did nothing"
