#!/bin/sh
# render-pages.sh DIR OUTDIR - PNG renders of a compiled booklet, kept as
# test artifacts for a person to look at: the opening page of the first
# family (OUTDIR/family.png) and the first page of its first sheet
# (OUTDIR/sheet.png), found through the table of contents.
set -eu
dir=$1 out=$2
mkdir -p "$out"
first_page() { sed -n "s/^\\\\contentsline {$1}.*}{\\([0-9][0-9]*\\)}{[^}]*}%\$/\\1/p" "$dir/booklet.toc" | head -n 1; }
for what in chapter:family section:sheet; do
	page=$(first_page "${what%%:*}")
	[ -n "$page" ] || { echo "render-pages: $dir: no ${what%%:*} in the contents" >&2; exit 1; }
	pdftoppm -png -r 100 -singlefile -f "$page" -l "$page" "$dir/booklet.pdf" "$out/${what#*:}"
done
echo "render-pages: $out/family.png $out/sheet.png"
