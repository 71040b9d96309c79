# tests/valgrind.mk - memcheck over real runs and the unit tests.
#
#   make check-valgrind
#
# In the plain build only (valgrind and AddressSanitizer do not mix; the
# sanitizer pass has its own checks): jobc compiles sheets/ and the hostile
# catalogue with every backend (and again, with nothing to do), jobc --watch
# goes through tests/watch.sh, the unit tests run, and the fuzz target
# replays its regression cases, all under valgrind memcheck. Any error, and
# any definite or indirect leak, fails.

VALGRIND_OUT = $(B)/test-out/valgrind
VALGRIND = valgrind -q --error-exitcode=1 --leak-check=full \
           --errors-for-leak-kinds=definite,indirect

check-valgrind: $(JOBC) $(UNIT_BIN) $(FUZZ_REPLAY)
ifeq ($(SAN),)
	@$(NEED) valgrind
	rm -rf $(VALGRIND_OUT)
	$(VALGRIND) $(JOBC) -q sheets/*.jobsheet -o $(VALGRIND_OUT)/sheets
	$(VALGRIND) $(JOBC) -q tests/hostile/*.jobsheet -o $(VALGRIND_OUT)/hostile
	@# Over its own output: the paths that compare, link and keep files.
	$(VALGRIND) $(JOBC) -q tests/hostile/*.jobsheet -o $(VALGRIND_OUT)/sheets
	@# Again: the record of the last run says there is nothing to do.
	$(VALGRIND) $(JOBC) -q tests/hostile/*.jobsheet -o $(VALGRIND_OUT)/sheets
	WATCH_WRAP='$(VALGRIND)' WATCH_ARGS='-j 2' tests/watch.sh $(JOBC) $(VALGRIND_OUT)/watch
	@for t in $(UNIT_BIN); do echo "valgrind $$t"; $(VALGRIND) $$t > /dev/null || exit 1; done
	$(VALGRIND) $(FUZZ_REPLAY) $(FUZZ_REGRESSIONS) tests/hostile/*.jobsheet
else
	@echo "check-valgrind: not in the sanitizer build"
endif

CHECK_TARGETS += check-valgrind
