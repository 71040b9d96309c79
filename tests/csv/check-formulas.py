#!/usr/bin/python3
"""check-formulas.py DIR CATALOGUE.json CONTROL.xlsx - jobc's CSV files as a
spreadsheet opens them: DIR holds the workbooks LibreOffice made of them
(TABLE.xlsx), converted with formulas evaluated, the setting under which a
spreadsheet runs a field that starts with = as a formula (OWASP, "CSV
injection"). No cell may be a formula, and every text that starts like
one (=, +, -, @) must arrive as the csv backend wrote it, ' first
(tables.py). CONTROL.xlsx is LibreOffice's workbook of a CSV with "=1+1"
written plainly: it must hold a formula, or this check could not fail.
"""
import os
import sys

import openpyxl

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402


def formulas(path):
    wb = openpyxl.load_workbook(path)
    return [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f"]


def main(argv):
    folder, catalogue, control = argv
    want, _ = tables.expected(catalogue)
    problems, literal = [], 0
    for name in tables.COLUMNS:
        path = os.path.join(folder, name + ".xlsx")
        if formulas(path):
            problems.append(f"{path}: formulas in {formulas(path)[:5]}")
        ws = openpyxl.load_workbook(path).active
        for row, cells in zip(want[name], ws.iter_rows(min_row=2)):
            for value, c in zip(row, cells):
                if isinstance(value, str) and value.startswith(tables.FORMULA_START):
                    literal += 1
                    if c.value != tables.neutralised(value):
                        problems.append(f"{path}!{c.coordinate}: {c.value!r}")
    if not formulas(control):
        problems.append(f"{control}: the plain '=1+1' is no formula: the check proves nothing")
    for p in problems[:10]:
        print(f"check-formulas: {p}", file=sys.stderr)
    print(f"check-formulas: {folder}: no formula in 6 tables, {literal} texts that start "
          f"like one kept as text; the control has a formula: "
          f"{'ok' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
