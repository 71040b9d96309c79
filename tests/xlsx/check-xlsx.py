#!/usr/bin/python3
"""check-xlsx.py WORKBOOK CATALOGUE.json [--libreoffice DIR] - jobc's workbook
read back with openpyxl (Debian's python3-openpyxl) against the tables its
JSON says it holds (tests/csv/tables.py).

Each table must be the worksheet of its name, its header in bold, frozen
below it and filtered; every text a string cell holding the text as
written (no ' before a formula: a string cell is never run), every
position a number, nothing a formula. With --libreoffice, DIR holds the
CSV files LibreOffice wrote of the workbook, one per worksheet
(WORKBOOK-NAME.csv): LibreOffice must read the same tables.
"""
import csv
import os
import sys

import openpyxl
from openpyxl.utils import get_column_letter

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "csv"))
import tables  # noqa: E402


def check_sheet(ws, name, columns, rows, problems):
    header = [c.value for c in ws[1]]
    if header != columns:
        problems.append(f"{name}: header {header}")
    if not all(c.font.b for c in ws[1]):
        problems.append(f"{name}: header not bold")
    if ws.freeze_panes != "A2":
        problems.append(f"{name}: frozen at {ws.freeze_panes}, not A2")
    ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    if ws.auto_filter.ref != ref:
        problems.append(f"{name}: filter {ws.auto_filter.ref}, not {ref}")
    got = list(ws.iter_rows(min_row=2, max_col=len(columns)))
    if len(got) != len(rows):
        problems.append(f"{name}: {len(got)} rows, not {len(rows)}")
    for i, (cells, want) in enumerate(zip(got, rows), 2):
        for c, w in zip(cells, want):
            kind = {str: "s", int: "n", type(None): "n"}[type(w)]
            if c.data_type == "f" or c.value != w or c.data_type != kind:
                problems.append(f"{name}!{c.coordinate}: {c.data_type} {str(c.value)[:100]!r}, "
                                f"not {kind} {str(w)[:100]!r}")
                return


def check_libreoffice(folder, stem, want, problems):
    for name in tables.COLUMNS:
        path = os.path.join(folder, f"{stem}-{name}.csv")
        with open(path, newline="", encoding="utf-8") as f:
            got = list(csv.reader(f))
        rows = [tables.COLUMNS[name]] + [["" if v is None else str(v) for v in row]
                                         for row in want[name]]
        if got != rows:
            diff = next((i for i, (g, w) in enumerate(zip(got, rows)) if g != w), len(got))
            problems.append(f"{path}: row {diff + 1} differs from the table "
                            f"({len(got)} rows, {len(rows)} wanted)")


def main(argv):
    workbook, catalogue = argv[0], argv[1]
    want, _ = tables.expected(catalogue)
    wb = openpyxl.load_workbook(workbook)
    problems = []
    if wb.sheetnames != list(tables.COLUMNS):
        problems.append(f"worksheets {wb.sheetnames}")
    for name, columns in tables.COLUMNS.items():
        if name in wb.sheetnames:
            check_sheet(wb[name], name, columns, want[name], problems)
    lo = ""
    if "--libreoffice" in argv:
        folder = argv[argv.index("--libreoffice") + 1]
        stem = os.path.splitext(os.path.basename(workbook))[0]
        check_libreoffice(folder, stem, want, problems)
        lo = ", and as LibreOffice reads it"
    for p in problems[:10]:
        print(f"{workbook}: {p}", file=sys.stderr)
    cells = sum(len(r) for rows in want.values() for r in rows)
    print(f"check-xlsx: {workbook}: {len(wb.sheetnames)} worksheets, {cells} cells as the "
          f"tables say{lo}: {'ok' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
