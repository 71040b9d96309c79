#!/bin/sh
# output.sh JOBC WORK 'OLD-FILES' NEW-FILES... (see lib.sh)
#
# jobc writing NEW-FILES over the output of OLD-FILES (plus a file it did
# not make) when it must not or cannot: the input is invalid (exit 1), the
# disk is full, a file-size limit is hit (exit 2). Each time the message
# says why, and the output folder is exactly as before (names, inodes,
# sizes, times, modes of everything in it), with no staging folder left.
# The full disk is a small tmpfs when one can be mounted (root), else it is
# skipped with a note; the file-size limit (ulimit -f) works everywhere.
. "$(dirname "$0")/lib.sh"
mnt=$work/mnt
cleanup() { if mountpoint -q "$mnt" 2>/dev/null; then umount "$mnt"; fi; }
trap cleanup EXIT

# expect_failure STATUS MESSAGE DIR BEFORE [ulimit -f BLOCKS]: a run that fails so.
expect_failure() {
	want=$1 message=$2 dir=$3 before=$4
	shift 4
	set +e
	# shellcheck disable=SC2086
	if [ $# -gt 0 ]; then
		(ulimit -f "$1" && exec "$jobc" -q $new -o "$dir") 2>"$work/err"
	else
		"$jobc" -q $new -o "$dir" 2>"$work/err"
	fi
	rc=$?
	set -e
	[ $rc -eq "$want" ] || { echo "output: exit $rc, expected $want" >&2; cat "$work/err" >&2; exit 1; }
	grep -q "$message" "$work/err" ||
		{ echo "output: no message '$message'" >&2; cat "$work/err" >&2; exit 1; }
	[ "$(snapshot "$dir")" = "$before" ] || { echo "output: $dir changed" >&2; exit 1; }
}
new="$*"

# Invalid input: a good catalogue with one bad file.
previous "$work/invalid"
new="$* tests/bad/001-invalid-utf8.jobsheet"
expect_failure 1 'error: invalid UTF-8' "$work/invalid" "$(snapshot "$work/invalid")"
new="$*"

# A file-size limit of 16 KiB (SIGXFSZ is ignored while jobc writes).
previous "$work/fsize"
expect_failure 2 "File too large" "$work/fsize" "$(snapshot "$work/fsize")" 32
echo "output: invalid input and a file-size limit leave the folder as it was"

# A full disk: a tmpfs with room for the old output and half the new one.
mkdir -p "$mnt"
if ! mount -t tmpfs -o size=8m jobc-test "$mnt" 2>/dev/null; then
	echo "output: full disk not tested (cannot mount a tmpfs here)"
	exit 0
fi
previous "$mnt/out"
"$jobc" -q "$@" -o "$work/reference"
need=$(du -sk "$work/reference" | cut -f1)
free=$(df -k --output=avail "$mnt" | tail -n 1)
dd if=/dev/zero of="$mnt/out/filler" bs=1k count=$((free - need / 2)) 2>/dev/null
expect_failure 2 "No space left on device" "$mnt/out" "$(snapshot "$mnt/out")"
rm "$mnt/out/filler"
"$jobc" -q "$@" -o "$mnt/out"
for p in json html latex c; do
	diff -r "$work/reference/$p" "$mnt/out/$p" | grep -v '^Only in '"$mnt/out/$p" && exit 1
done
echo "output: a full disk leaves the folder as it was; with room again, the run completes"
