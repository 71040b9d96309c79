#!/bin/sh
# check-a5.sh DIR - checks the A5 booklet and its imposition on A4.
#
# DIR holds booklet-a5.pdf and booklet-a5-print.pdf. The first must have A5
# pages (148 x 210 mm); the second A4 landscape sheet sides (297 x 210 mm),
# two A5 pages on each, its page count the A5 count rounded up to a multiple
# of four (a stack of sheets folded once) and halved.
set -eu
dir=$1
die() { echo "check-a5: $dir: $*" >&2; exit 1; }
info() { pdfinfo "$dir/$1" | sed -n "s/^$2:[[:space:]]*//p"; }

# Page size in whole millimetres: "419.528 x 595.276 pts (A5)" -> "148x210".
mm() { info "$1" 'Page size' | awk '{ printf "%dx%d", $1 * 25.4 / 72 + 0.5, $3 * 25.4 / 72 + 0.5 }'; }

[ "$(mm booklet-a5.pdf)" = 148x210 ] || die "booklet-a5.pdf: pages of $(mm booklet-a5.pdf) mm, not A5"
[ "$(mm booklet-a5-print.pdf)" = 297x210 ] || die "booklet-a5-print.pdf: pages of $(mm booklet-a5-print.pdf) mm, not A4 landscape"
a5=$(info booklet-a5.pdf Pages)
print=$(info booklet-a5-print.pdf Pages)
want=$(( (a5 + 3) / 4 * 2 ))
[ "$print" -eq "$want" ] || die "$a5 A5 pages imposed on $print A4 sides, expected $want"
echo "check-a5: $dir: $a5 A5 pages on $print A4 sides ($((print / 2)) sheets of paper)"
