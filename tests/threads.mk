# tests/threads.mk - the threads of -j under ThreadSanitizer.
#
#   make check-threads
#
# -j parses files and runs backends on several threads (src/jobs.c); they
# share the AST and the output folder's stage, which they must only read,
# or write under its lock (src/output_stage.c). A second build with clang's
# -fsanitize=thread runs the unit tests that start threads, and every
# backend on -j 4 over the shipped sheets and the generated bench sheets,
# and jobc --watch -j 4 through tests/watch.sh: any data race fails the run. Plain pass only (it cannot be combined with
# AddressSanitizer).

TSAN_B   = $(B)/tsan
TSAN_T   = $(B)/test-out/threads
TSAN_ENV = TSAN_OPTIONS='halt_on_error=1 exitcode=66'

check-threads: deps-test
	@$(NEED) $(CLANG_PKGS)
	$(MAKE) B=$(TSAN_B) CC=clang OPT='-O1 -g' SAN= \
		CFLAGS=-fsanitize=thread LDFLAGS=-fsanitize=thread \
		$(TSAN_B)/jobc $(TSAN_B)/tests/test_jobs $(TSAN_B)/tests/test_output $(TSAN_B)/bench/gen
	$(TSAN_ENV) $(TSAN_B)/tests/test_jobs
	$(TSAN_ENV) $(TSAN_B)/tests/test_output
	rm -rf $(TSAN_T) && mkdir -p $(TSAN_T)
	$(TSAN_ENV) $(TSAN_B)/jobc -q -j 4 sheets/*.jobsheet -o $(TSAN_T)/sheets
	$(TSAN_B)/bench/gen 300 $(TSAN_T)/gen 50
	$(TSAN_ENV) $(TSAN_B)/jobc -q -j 4 $(TSAN_T)/gen/*.jobsheet -o $(TSAN_T)/gen-out
	$(TSAN_ENV) WATCH_ARGS='-j 4' tests/watch.sh $(TSAN_B)/jobc $(TSAN_T)/watch
	@echo "check-threads: no data race in the unit tests nor in -j 4 runs of every backend," \
		"nor in jobc --watch -j 4"

CHECK_TARGETS += $(if $(SAN),,check-threads)
