#!/bin/sh
# readonly.sh OBJECT NAME - checks that a compiled catalogue (NAME.c of the
# C backend, compiled with -fPIC -fdata-sections so that each table has a
# section of its own) keeps its data read-only and its names prefixed:
# - `size`: no writable data at all (data and bss are 0);
# - `objdump -h`: the pool, the catalogue and the 13 tables sit in 15
#   sections .rodata.NAME_*, each READONLY;
# - `readelf -r`: no relocation applies to them, so nothing is patched at
#   load time even in position-independent code, and no .data.rel.ro (where
#   tables of pointers would go);
# - `nm`: those symbols are read-only (R), and every global symbol starts
#   with NAME_.
set -eu
obj=$1
name=$2
fail() { echo "readonly.sh: $obj: $*" >&2; exit 1; }

set -- $(size "$obj" | tail -n 1)
[ "$2" = 0 ] && [ "$3" = 0 ] || fail "data $2 and bss $3 bytes, expected none"

tables=$(objdump -h "$obj" | awk -v s=".rodata.${name}_" '
	index($2, s) == 1 { getline flags; n++; if (flags !~ /READONLY/) { print $2 " is writable" > "/dev/stderr"; bad = 1 } }
	END { print n + 0; exit bad }') || fail "writable tables"
[ "$tables" -eq 15 ] || fail "$tables sections .rodata.${name}_*, expected 15"

if readelf -S -W "$obj" | grep -q '\.data\.rel\.ro'; then fail "a .data.rel.ro section"; fi
relocs=$(readelf -r "$obj" | grep -E "^Relocation section '\.rela?\.rodata\.${name}_" || true)
[ -z "$relocs" ] || fail "relocations in the tables: $relocs"

symbols=$(nm -g --defined-only "$obj")
n=$(echo "$symbols" | awk '$2 == "R"' | wc -l)
[ "$n" -eq 15 ] || fail "$n read-only symbols, expected 15"
echo "$symbols" | awk -v p="${name}_" '
	$2 != "R" && $2 != "T" { print "symbol " $3 " of type " $2; bad = 1 }
	index($3, p) != 1 { print "symbol " $3 " outside the prefix"; bad = 1 }
	END { exit bad }' >&2 || fail "bad symbols"
echo "readonly.sh: $obj: 15 tables in .rodata without relocation, $(echo "$symbols" | wc -l) symbols, all ${name}_*"
