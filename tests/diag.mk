# tests/diag.mk - the diagnostics for programs (src/diag_json.c,
# diag_sarif.c, diag_github.c; docs/DIAGNOSTICS.md).
#
# check-diag-formats: one run with errors, warnings, notes and a fix-it, on
# a file whose name holds the characters the formats reserve, written in
# the four --diagnostics-format values; tests/check-diag-formats.py checks
# that each gives the same (file, line, column, kind) set and the same
# status, and escapes what it must; the SARIF log then passes Microsoft's
# SARIF Multitool and the SARIF 2.1.0 schema (tests/sarif/validate.sh).

DIAG_OUT = $(B)/test-out/diag

.PHONY: check-diag-formats

check-diag-formats: $(JOBC) sarif-tools
	@$(NEED) python3
	rm -rf $(DIAG_OUT) && mkdir -p $(DIAG_OUT)
	tests/check-diag-formats.py $(JOBC) $(DIAG_OUT)
	$(SARIF_TOOLS)/validate.sh $(DIAG_OUT)/formats.sarif

CHECK_TARGETS += check-diag-formats
