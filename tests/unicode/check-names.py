#!/usr/bin/python3
"""check-names.py < OUTPUT-OF-classes - jobc's letters and digits of names
(src/unicode_names.c) against Python's unicodedata, every code point.

Python's Unicode version must be the tables' (src/unicode_names.c names it);
the pairs of Hangul jamo that NFC composes are checked on every jamo and a
sample of syllables (tests/unicode/classes.c prints them).
"""
import re
import sys
import unicodedata as ud


def expected(cp):
    ch = chr(cp)
    cat = ud.category(ch)
    if cat[0] in "LN":
        if ud.normalize("NFC", ch) != ch:
            return 3
        return 1 if cat[0] == "L" else 2
    return 4 if cat[0] == "M" else 0


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        version = re.search(r"Unicode[\s*]+(\d+\.\d+\.\d+)", f.read()).group(1)
    if version != ud.unidata_version:
        print(f"check-names: the tables are Unicode {version}, Python's {ud.unidata_version}",
              file=sys.stderr)
        return 1
    bad, points, pairs = 0, 0, set()
    for line in sys.stdin:
        parts = line.split()
        if parts[0] == "P":
            pairs.add((int(parts[1], 16), int(parts[2], 16)))
            continue
        cp, got = int(parts[0], 16), int(parts[1])
        points += 1
        if got != expected(cp):
            bad += 1
            if bad <= 10:
                print(f"check-names: U+{cp:04X}: jobc says {got}, Unicode {expected(cp)}",
                      file=sys.stderr)
    want = set()
    for a in list(range(0x1100, 0x1200)) + list(range(0xAC00, 0xD7A4, 7)):
        for b in range(0x1100, 0x1200):
            s = chr(a) + chr(b)
            if ud.normalize("NFC", s) != s and expected(a) and expected(b):
                want.add((a, b))
    if pairs != want:
        bad += 1
        print(f"check-names: Hangul pairs differ: {sorted(pairs ^ want)[:5]}", file=sys.stderr)
    print(f"check-names: {points} code points and {len(pairs)} Hangul pairs, Unicode "
          f"{version}: {'ok' if not bad else f'{bad} differences'}")
    return 1 if bad or points < 0x10F800 else 0


if __name__ == "__main__":
    sys.exit(main())
