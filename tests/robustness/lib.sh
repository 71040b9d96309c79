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

# previous DIR: the output of OLD-FILES in DIR, and files jobc did not make.
previous() {
	# shellcheck disable=SC2086
	"$jobc" -q $old -o "$1"
	echo "not made by jobc" > "$1/README"
	echo "not made by jobc" > "$1/html/extra.html"
}
