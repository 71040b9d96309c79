#!/bin/sh
# kill.sh JOBC WORK 'OLD-FILES' NEW-FILES... (see lib.sh; KILL_RUNS, default 20)
#
# Kills jobc (SIGKILL) at random moments while it writes NEW-FILES over the
# output of OLD-FILES, KILL_RUNS times, and checks the promise of src/output_commit.c:
# each product folder (json/, html/, latex/, c/) is afterwards exactly its
# old version or exactly its new one (the new files and the files jobc did
# not make; the old version's own files that the new run does not write,
# which its manifest lists, are gone), files jobc did not make are intact,
# and nothing else is in the folder but the hidden staging folder of the
# killed run, which the next run removes, and the record of a run that
# finished (src/rebuild.h): after the kill, a run writes the new version
# whole, whatever record the killed run left.
# Prints how many runs left every product old, every product new, or some
# of each (a kill between two product swaps).
. "$(dirname "$0")/lib.sh"
runs=${KILL_RUNS:-20}
products="json html latex c"

previous "$work/old"
# The new version: a run into an empty folder, and the files jobc did not make.
"$jobc" -q "$@" -o "$work/new"
with_foreign "$work/old" "$work/new"

# digest DIR: names, kinds and contents of everything under DIR.
digest() {
	(cd "$1" && { find . -type f -exec sha1sum {} +; find . -mindepth 1 ! -type f -printf '%p %y\n'; } |
		LC_ALL=C sort)
}
for p in $products; do
	digest "$work/old/$p" > "$work/old.$p"
	digest "$work/new/$p" > "$work/new.$p"
	cmp -s "$work/old.$p" "$work/new.$p" && { echo "kill: $p does not change" >&2; exit 1; }
done
# Some files of the old version are not in the new one: they must go.
stale=$(cd "$work/old" && find . -type f | while read -r f; do [ -e "$work/new/$f" ] || echo "$f"; done)
[ -n "$stale" ] || { echo "kill: the new version removes no file" >&2; exit 1; }

# How long a run takes here: kills land anywhere from start to end.
cp -a "$work/old" "$work/timing"
start=$(date +%s%N)
"$jobc" -q "$@" -o "$work/timing"
span=$(( ($(date +%s%N) - start) / 1000 + 1000 ))

all_old=0 all_new=0 mixed=0 i=0
while [ $i -lt "$runs" ]; do
	i=$((i + 1))
	rm -rf "$work/live"
	cp -a "$work/old" "$work/live"
	delay=$(( $(od -An -N4 -tu4 /dev/urandom) % span ))
	"$jobc" -q "$@" -o "$work/live" 2>/dev/null &
	pid=$!
	sleep "$(printf '0.%06d' "$delay")"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	n_old=0 n_new=0
	for p in $products; do
		digest "$work/live/$p" > "$work/live.$p"
		if cmp -s "$work/live.$p" "$work/old.$p"; then
			n_old=$((n_old + 1))
		elif cmp -s "$work/live.$p" "$work/new.$p"; then
			n_new=$((n_new + 1))
		else
			echo "kill: run $i (after $delay us): $p/ is neither the old nor the new version" >&2
			diff "$work/old.$p" "$work/live.$p" | head -n 20 >&2
			exit 1
		fi
	done
	for f in $foreign; do
		cmp -s "$work/live/$f" "$work/old/$f" || { echo "kill: $f changed" >&2; exit 1; }
	done
	extra=$(ls -A "$work/live" | grep -v -x -e README -e json -e html -e latex -e c \
		-e '\.jobc-stage-.*' -e '\.jobc-build' || true)
	[ -z "$extra" ] || { echo "kill: run $i left $extra" >&2; exit 1; }
	rm -rf "$work/again"
	cp -a "$work/live" "$work/again"
	"$jobc" -q "$@" -o "$work/again"
	for p in $products; do
		digest "$work/again/$p" | cmp -s - "$work/new.$p" ||
			{ echo "kill: run $i: the run after it did not write the new $p/" >&2; exit 1; }
	done
	if [ $n_new -eq 0 ]; then
		all_old=$((all_old + 1))
	elif [ $n_old -eq 0 ]; then
		all_new=$((all_new + 1))
	else
		mixed=$((mixed + 1))
	fi
done
# The next run completes and removes what the killed one left.
"$jobc" -q "$@" -o "$work/live"
[ -z "$(ls -A "$work/live" | grep '^\.jobc-stage-' || true)" ] ||
	{ echo "kill: a staging folder was left" >&2; exit 1; }
for p in $products; do
	digest "$work/live/$p" | cmp -s - "$work/new.$p" || { echo "kill: $p/ wrong after rerun" >&2; exit 1; }
done
echo "kill: $runs runs killed at random: $all_old all old, $all_new all new," \
	"$mixed with some products old and others new; each product whole"
