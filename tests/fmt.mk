# tests/fmt.mk - jobc fmt, the canonical layout (docs/FMT.md).
#
#   make check-fmt
#
# tests/check-fmt.sh: the shipped sheets and tests/good are in the layout
# (as CI would check them: jobc fmt --check sheets/ tests/good/); a
# re-indented, re-spaced copy of each comes back byte-identical; fmt of
# the sheets, the hostile catalogue and a generated corpus of 2,000 sheets
# changes no compiled byte and no diagnostic, and is its own fixed point;
# refusal, standard input, --check, --diff (applied with patch).
# tests/test_fmt.c (check-unit) has the rules one by one.

FMT_T = $(B)/test-out/fmt

.PHONY: check-fmt

check-fmt: $(JOBC) $(B)/bench/gen
	@$(NEED) patch
	rm -rf $(FMT_T)-corpus && mkdir -p $(B)/test-out
	$(B)/bench/gen 2000 $(FMT_T)-corpus 250 >/dev/null
	tests/check-fmt.sh $(JOBC) $(FMT_T) $(FMT_T)-corpus

CHECK_TARGETS += check-fmt
