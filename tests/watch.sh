#!/bin/bash
# watch.sh JOBC WORK - jobc --watch driven for real (tests/watch.mk).
#
# A copy of sheets/ in WORK/in is watched (jobc --watch WORK/in -o
# WORK/out) while this script edits it as a person would: a file touched
# and written again with the same bytes (no rebuild), one sheet edited in
# place, then through an editor's save (a temporary file renamed over it),
# an edit with a syntax error (the error printed, the output left as it
# was), the fix, a new file, a new folder with a sheet, a file deleted (its
# sheet's outputs removed), the folder named gone and back, then rounds of
# edits at random (below). After each step the output must be what jobc
# writes into an empty folder from the same input, byte for byte.
# SIGINT, then SIGTERM to a second watch, must end it with status 0 and
# no staging folder left. Every wait is for a line of jobc's (up to
# WATCH_WAIT seconds, default 60): no step depends on how fast jobc is.
# WATCH_WRAP runs the watch under a tool (valgrind), with WATCH_ARGS.
set -eu
jobc=$1 work=$2
wait_s=${WATCH_WAIT:-60}
rm -rf "$work"
mkdir -p "$work"
cp -r sheets "$work/in"
in=$work/in out=$work/out lines=$work/lines diags=$work/diags

fail() {
	echo "watch: $*" >&2
	echo "--- jobc's lines:" >&2
	cat "$lines" >&2
	echo "--- its diagnostics:" >&2
	cat "$diags" >&2
	exit 1
}

pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true' EXIT
start() {
	: > "$lines"
	: > "$diags"
	# shellcheck disable=SC2086
	${WATCH_WRAP:-} "$jobc" --watch ${WATCH_ARGS:-} "$@" "$in" -o "$out" > "$lines" 2> "$diags" &
	pid=$!
	seen=0
}

# next PATTERN: waits for jobc's next line, which must match PATTERN.
next() {
	local i
	for ((i = 0; i < wait_s * 10; i++)); do
		if [ "$(wc -l < "$lines")" -gt "$seen" ]; then
			seen=$((seen + 1))
			line=$(sed -n "${seen}p" "$lines")
			[[ $line =~ $1 ]] || fail "line $seen is not /$1/: $line"
			return
		fi
		kill -0 "$pid" 2>/dev/null || fail "jobc --watch is gone"
		sleep 0.1
	done
	fail "no line /$1/ within $wait_s s"
}

# same: the output is what a fresh run over the input writes.
same() {
	rm -rf "$work/fresh"
	"$jobc" -q "$in" -o "$work/fresh" 2> /dev/null || fail "the fresh run failed"
	diff -r -x .jobc-manifest -x .jobc-build "$work/fresh" "$out" >&2 || fail "not the fresh output after: $1"
}

# stamp: every output file with its inode and time, to tell it was left alone.
stamp() { find "$out" -type f -printf '%P %i %T@ %s\n' | LC_ALL=C sort; }

sheet=$in/3.3a-desktop-technician.jobsheet
# Over the output of a run, whose record (src/rebuild.h) must go: the
# watch changes the products without keeping one.
"$jobc" -q "$in" -o "$out"
[ -f "$out/.jobc-build" ] || fail "no record of the run"
outputs=$(find "$out" -type f ! -name '.jobc-*' | wc -l)
start
next "^jobc: watching 31 files; built in .*: 0 files written, $outputs unchanged"
[ ! -e "$out/.jobc-build" ] || fail "the record of the run before the watch is left"
same "the first build"

# A touch and the same bytes written again rebuild nothing: the next line
# is about the next real edit, another file's, alone.
other=$in/1.1-information-systems-consultant.jobsheet
touch "$sheet"
cat "$sheet" > "$work/copy" && cat "$work/copy" > "$sheet"
sed -i 's/"Information Systems Consultant"/"Information Systems Consultant (edited)"/' "$other"
next '^jobc: .*/1\.1-information-systems-consultant\.jobsheet changed; rebuilt in '
same "a touch, the same bytes, and an edit of another file"

# In place, as `echo >>` or an editor that writes over the file does.
sed 's/"Desktop Technician"/"Desktop Technician (edited)"/' "$sheet" > "$work/edit"
cat "$work/edit" > "$sheet"
next '^jobc: .*/3\.3a-desktop-technician\.jobsheet changed; rebuilt in .*: [0-9]+ files written, [1-9][0-9]* unchanged, 0 removed$'
grep -q 'Desktop Technician (edited)' "$out/html/sheets/3.3a.html" || fail "the page was not rebuilt"
same "an edit in place"

# An editor's save: a backup and a temporary file, then a rename.
cp "$sheet" "$sheet~"
sed 's/(edited)/(saved)/' "$sheet" > "$in/.3.3a.jobsheet.swp"
mv "$in/.3.3a.jobsheet.swp" "$sheet"
next 'desktop-technician\.jobsheet changed; rebuilt in'
rm "$sheet~"
grep -q 'Desktop Technician (saved)' "$out/json/sheets/3.3a.json" || fail "the save was missed"
same "an editor's save"

# A syntax error: printed, and the output left alone.
before=$(stamp)
sed 's/^    mission {/    misison {/' "$sheet" > "$work/edit"
cat "$work/edit" > "$sheet"
next 'desktop-technician\.jobsheet changed; [0-9]+ errors? in .*, the output is as it was$'
grep -q "3.3a-desktop-technician.jobsheet:.*error: unknown section 'misison'" "$diags" ||
	fail "the error was not printed"
[ "$(stamp)" = "$before" ] || fail "the output changed while the input had an error"

# The fix.
sed 's/misison {/mission {/' "$sheet" > "$work/edit"
cat "$work/edit" > "$sheet"
next 'desktop-technician\.jobsheet changed; rebuilt in'
same "the fix"

# A new file, then a new folder with a sheet in it.
sed -e 's/sheet 3.3a /sheet 3.3c /' -e 's/"Desktop Technician (saved)"/"Another Technician"/' \
	"$sheet" > "$in/3.3c-another.jobsheet"
next '3\.3c-another\.jobsheet added; rebuilt in .*, 0 removed$'
[ -f "$out/html/sheets/3.3c.html" ] || fail "no page for the new sheet"
same "a new file"
mkdir "$in/more"
sed -e 's/sheet 3.3a /sheet 3.3d /' "$sheet" > "$work/3.3d.jobsheet"
mv "$work/3.3d.jobsheet" "$in/more/3.3d.jobsheet"
next 'more/3\.3d\.jobsheet added; rebuilt in'
same "a new folder"

# A file deleted: its sheet's outputs go.
rm "$in/3.3c-another.jobsheet"
next '3\.3c-another\.jobsheet removed; rebuilt in .*, 3 removed$'
for f in html/sheets/3.3c.html json/sheets/3.3c.json latex/sheet-3-3c.tex; do
	[ ! -e "$out/$f" ] || fail "$f is left after its sheet was deleted"
done
same "a deleted file"

# The folder named goes (an error: it cannot be opened; the output stays),
# then comes back as it was.
before=$(stamp)
mv "$in" "$work/gone"
next '^jobc: [0-9]+ files: [0-9]+ removed; failed in .*, the output is as it was$'
grep -q "cannot open '$in'" "$diags" || fail "the folder's going was not said"
[ "$(stamp)" = "$before" ] || fail "the output changed while the folder was gone"
mv "$work/gone" "$in"
next '^jobc: [0-9]+ files: [0-9]+ added; rebuilt in .*: 0 files written, [0-9]+ unchanged, 0 removed$'
same "the folder back"

# stop SIGNAL: jobc must end with status 0, leaving no staging folder.
stop() {
	kill -"$1" "$pid"
	local status=0
	wait "$pid" || status=$?
	pid=
	[ "$status" -eq 0 ] || fail "SIG$1: exit status $status"
	! ls -a "$out" | grep -q '^\.jobc-stage' || fail "a staging folder is left"
}

# Rounds of one to three edits made at once, at random (WATCH_ROUNDS,
# default 20; the seed WATCH_SEED is printed, for a failure to be
# replayed): a title changed, a sheet added in a new file, an added file
# deleted, a file touched or written again with the same bytes. Edits made
# together may make one rebuild or several: each round waits until jobc's
# last line says it rebuilt and the output is a fresh run's (the units
# kept and those read again must join as a fresh run would).
rounds=${WATCH_ROUNDS:-20} seed=${WATCH_SEED:-$(date +%s)}
RANDOM=$seed
added=0
random_edit() {
	local files f
	mapfile -t files < <(find "$in" -name '*.jobsheet' ! -name catalogue.jobsheet | LC_ALL=C sort)
	f=${files[RANDOM % ${#files[@]}]}
	case $((RANDOM % 5)) in
	0) sed -i "0,/^sheet \([^ ]*\) \"/s//sheet \1 \"Round $round /" "$f" ;;
	1) added=$((added + 1))
	   sed "0,/^sheet [^ ]* /s//sheet 6.$((added + 90)) /" "$in/6.1-is-department-manager.jobsheet" \
		> "$in/random-$added.jobsheet" ;;
	2) mapfile -t files < <(find "$in" -name 'random-*.jobsheet')
	   [ ${#files[@]} -eq 0 ] || rm "${files[RANDOM % ${#files[@]}]}" ;;
	3) touch "$f" ;;
	4) cat "$f" > "$work/copy" && cat "$work/copy" > "$f" ;;
	esac
}
# caught_up: waits until jobc's last line says it rebuilt and the output
# is a fresh run's.
caught_up() {
	local i
	rm -rf "$work/fresh"
	"$jobc" -q "$in" -o "$work/fresh" 2> /dev/null || fail "round $round: the fresh run failed"
	for ((i = 0; i < wait_s * 10; i++)); do
		if tail -n 1 "$lines" | grep -q 'rebuilt in' &&
		   diff -r -q -x .jobc-manifest -x .jobc-build "$work/fresh" "$out" > /dev/null 2>&1; then
			return
		fi
		kill -0 "$pid" 2>/dev/null || fail "jobc --watch is gone"
		sleep 0.1
	done
	diff -r -x .jobc-manifest -x .jobc-build "$work/fresh" "$out" >&2
	fail "round $round (seed $seed): not the fresh output within $wait_s s"
}
for ((round = 1; round <= rounds; round++)); do
	for ((k = 0; k <= RANDOM % 3; k++)); do
		random_edit
	done
	caught_up
done
seen=$(wc -l < "$lines")

# Ctrl-C; then a run over what the watch left.
stop INT
"$jobc" -q "$in" -o "$out"
same "a run after the watch"

# SIGTERM to a watch that only checks.
start --check
next "^jobc: watching $(find "$in" -name '*.jobsheet' | wc -l) files; checked in .*: no errors\$"
stop TERM
echo "watch: edits, an error and its fix, new and deleted files, the folder gone and back, $rounds rounds of edits at random (seed $seed): each time the fresh output;" \
	"SIGINT and SIGTERM end it with 0"
