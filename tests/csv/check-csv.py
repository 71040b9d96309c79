#!/usr/bin/python3
"""check-csv.py DIR CATALOGUE.json [--bom] - jobc's CSV tables (DIR/*.csv)
against the tables its JSON says they hold (tables.py).

Each file must be RFC 4180 as docs/CSV.md says: UTF-8 (with a byte order
mark only with --bom), a header row of the table's columns, records ended
by CRLF, every text quoted with its quotes doubled, every number bare, an
absent value an empty field; and every cell must be the JSON's value,
a text that a spreadsheet would run as a formula with a ' before it (OWASP).
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402


def records(data, path):
    """The records of an RFC 4180 file: lists of (text, quoted)."""
    out, row, field, quoted, i, n = [], [], [], False, 0, len(data)
    while i < n:
        c = data[i]
        if c == '"' and not field and not quoted:
            quoted, i = True, i + 1
            while True:
                j = data.index('"', i)
                field.append(data[i:j])
                if j + 1 < n and data[j + 1] == '"':
                    field.append('"')
                    i = j + 2
                else:
                    i = j + 1
                    break
            if i < n and data[i] not in ",\r":
                raise ValueError(f"{path}: text after a closing quote in record {len(out) + 1}")
        elif c == ",":
            row.append(("".join(field), quoted))
            field, quoted, i = [], False, i + 1
        elif c == "\r":
            if data[i + 1:i + 2] != "\n":
                raise ValueError(f"{path}: a CR without LF in record {len(out) + 1}")
            row.append(("".join(field), quoted))
            out.append(row)
            row, field, quoted, i = [], [], False, i + 2
        elif c in '\n"':
            raise ValueError(f"{path}: a bare {c!r} outside quotes in record {len(out) + 1}")
        else:
            field.append(c)
            i += 1
    if row or field:
        raise ValueError(f"{path}: the last record does not end in CRLF")
    return out


def cell(value):
    """What the file must hold for a value: (text, quoted)."""
    if value is None:
        return ("", False)
    if isinstance(value, int):
        return (str(value), False)
    return (tables.neutralised(value), True)


def main(argv):
    folder, catalogue, bom = argv[0], argv[1], "--bom" in argv[2:]
    want, cat = tables.expected(catalogue)
    bad = 0
    for name, columns in tables.COLUMNS.items():
        path = os.path.join(folder, name + ".csv")
        with open(path, "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf") != bom:
            print(f"{path}: byte order mark {'missing' if bom else 'not wanted'}", file=sys.stderr)
            bad += 1
        got = records(raw[3 if bom else 0:].decode("utf-8"), path)
        header = [text for text, _ in got[0]]
        rows = [[cell(v) for v in row] for row in want[name]]
        if header != columns:
            print(f"{path}: header {header}, not {columns}", file=sys.stderr)
            bad += 1
        if got[1:] != rows:
            bad += 1
            for i, (g, w) in enumerate(zip(got[1:], rows), 2):
                if g != w:
                    print(f"{path}: record {i}: {str(g)[:300]}\n  not {str(w)[:300]}",
                          file=sys.stderr)
                    break
            else:
                print(f"{path}: {len(got) - 1} records, not {len(rows)}", file=sys.stderr)
    counts = ", ".join(f"{len(want[n])} {n}" for n in tables.COLUMNS)
    formulas = sum(1 for rows in want.values() for row in rows for v in row
                   if isinstance(v, str) and v.startswith(tables.FORMULA_START))
    print(f"check-csv: {folder}: {counts}; {formulas} texts that start like a formula, "
          f"each written with a '{': ok' if not bad else f': {bad} problems'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
