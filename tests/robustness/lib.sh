# lib.sh - sourced by the scripts of tests/robustness, which all take
#
#     SCRIPT JOBC WORK 'OLD-FILES' NEW-FILES...
#
# (OLD-FILES one word, a pattern or a list): jobc writes NEW-FILES over the
# output of OLD-FILES, in the folder WORK, which is emptied first.
set -eu
jobc=$1 work=$2 old=$3
shift 3
rm -rf "$work"
mkdir -p "$work"

# snapshot DIR: every entry under DIR with what would change if it were
# touched ("absent" if DIR is); the folder's own times are left out (a
# staging folder comes and goes), and so is a file named filler.
snapshot() {
	if [ -e "$1" ]; then
		find "$1" -mindepth 1 ! -name filler -printf '%P %y %i %s %T@ %m\n' | LC_ALL=C sort
	else
		echo absent
	fi
}

# Files jobc did not make: in the output folder, in a product folder, and
# in a folder of the user's inside a product folder.
foreign="README html/extra.html json/notes/mine.txt"

# previous DIR: the output of OLD-FILES in DIR, and the foreign files.
previous() {
	# shellcheck disable=SC2086
	"$jobc" -q $old -o "$1"
	for f in $foreign; do
		mkdir -p "$(dirname "$1/$f")"
		echo "not made by jobc" > "$1/$f"
	done
}

# with_foreign FROM TO: the foreign files of the folder FROM copied into TO
# (what a run over FROM must leave of them).
with_foreign() {
	for f in $foreign; do
		mkdir -p "$(dirname "$2/$f")"
		cp -p "$1/$f" "$2/$f"
	done
}
