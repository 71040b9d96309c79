# tests/alloc.mk - every allocation of a run fails once (docs/ROBUSTNESS.md).
#
#   make check-alloc
#
# jobc is built again with ALLOC_TESTS=1 (the hook of src/mem.c), with the
# configuration's compiler and sanitizers, in its own tree $(B)/alloc. Then
# tests/robustness/alloc-failure.sh compiles the hostile catalogue with every
# backend that stays in the process (all but xlsx and pdf, whose libraries
# and programs allocate with their own malloc), failing allocation N for N = 1, 2, ... up to the first run that
# no longer fails: each must end with exit 2 and "out of memory", no crash,
# no sanitizer report (leaks included, under B=build/san), and the output
# folder untouched, both when it does not exist and over a previous output.

ALLOC_B    = $(B)/alloc
ALLOC_JOBC = $(ALLOC_B)/jobc
ALLOC_OUT  = $(B)/test-out/alloc
# Every backend that stays in the process: those of a run without -b, and csv.
ALLOC_FILES = -b json,latex,html,c,csv tests/hostile/hostile.jobsheet
# The previous output it writes over: another catalogue, with other files.
ALLOC_OLD   = sheets/*.jobsheet

.PHONY: alloc-build

alloc-build:
	$(MAKE) --no-print-directory B=$(ALLOC_B) ALLOC_TESTS=1 CC='$(CC)' SAN='$(SAN)' \
		OPT='$(OPT)' $(ALLOC_JOBC)

check-alloc: alloc-build
	tests/robustness/alloc-failure.sh $(ALLOC_JOBC) $(ALLOC_OUT) '$(ALLOC_OLD)' $(ALLOC_FILES)

CHECK_TARGETS += check-alloc
