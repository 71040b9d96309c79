# tests/frontend.mk - the shipped sheets, the valid test catalogue and the
# command line, end to end through $(JOBC).

CHECK_TARGETS += check-sheets check-good check-cli

.PHONY: check-sheets check-good check-cli

# sheets/ is valid under -Werror, each acknowledged warning a source defect kept visible,
# and every backend compiles it.
check-sheets: $(JOBC)
	tests/check-sheet-warnings.sh $(JOBC) $(B)/test-out/sheet-warnings
	$(JOBC) -q sheets/*.jobsheet -o $(B)/test-out/sheets

# The multi-file catalogue of another organisation: valid with -Werror.
check-good: $(JOBC)
	$(JOBC) -Werror tests/good/*.jobsheet -o $(B)/test-out/good

check-cli: $(JOBC)
	tests/check-cli.sh $(JOBC) $(B)/test-out/cli
