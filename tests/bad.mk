# tests/bad.mk - the bad-input suite: every diagnostic jobc can give.
#
#   make check-bad
#
# Each case of tests/bad/ is compiled with `jobc --check` from the top of
# the tree; its standard error must be exactly tests/bad/NAME.expected and
# its exit status 1 (or NAME.status). Then the generated cases (2 MB string,
# 50,000 nested braces, random bytes, truncated files, ...) must end with
# their diagnostic, exit 1, no crash, within a few seconds. See
# tests/run-bad.sh and tests/bad/README.md; `tests/run-bad.sh --bless
# build/jobc` rewrites the expected files after a deliberate change.

check-bad: $(JOBC)
	tests/run-bad.sh $(JOBC) $(B)/test-out/bad

CHECK_TARGETS += check-bad
