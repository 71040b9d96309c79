"""broken.py - the broken sheet the tests of `jobc lsp` open: two errors,
one after characters outside the Basic Multilingual Plane (a UTF-16 pair)."""

# Line numbers (from 0) matter to the tests: 6 "k", 7 "C", 11 and 12 the retired.
BROKEN_TEXT = """\
# A sheet for the tests of jobc lsp \u2014 broken on purpose.
sheet 3.9 "Op\u00e9rateur \U0001d4b3" {
    family 3
    mission { "Operates." }
    activities { "Group" { + "Task" } }
    technological essential {
        k "Elementary \u25b2 item."
        C "Known \u25b2 item."
    }
    career { education "Ed." experience "Ex." }
}
retired 99 "Ancien poste \u2014 \U0001d4b3" see 9.9z
retired 98 "Poste \u2014 \U0001d4b3" see 3.3a
"""
