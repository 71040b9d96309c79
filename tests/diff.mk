# tests/diff.mk - jobc diff, two editions compared (docs/DIFF.md).
#
#   make check-diff
#
# tests/check-diff.sh: pairs of editions (tests/diff/every-change/, and
# sheets/ against the edited copy tests/diff/edit-sheets.sh makes) with
# their exact output in the three formats (tests/diff/*.expected.*), the
# shipped listing against itself, file lists, --check-lineage, bad input.
# After a deliberate change of the output:
#   tests/check-diff.sh build/jobc build/test-out/diff --bless
# tests/test_diff.c (check-unit) has the matching of texts.

.PHONY: check-diff

check-diff: $(JOBC)
	@$(NEED) jq
	tests/check-diff.sh $(JOBC) $(B)/test-out/diff

CHECK_TARGETS += check-diff
