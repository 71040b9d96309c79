# tests/output.mk - safe output from the command line (docs/ROBUSTNESS.md).
#
#   make check-output [KILL_RUNS=N]
#
# tests/robustness/output.sh: invalid input, a file-size limit and a full
# disk (a small tmpfs, when one can be mounted) leave the output folder as
# it was, with a clear message. tests/robustness/kill.sh (plain pass only:
# it tests the file system, not memory): jobc is killed KILL_RUNS times at
# random moments while it writes, and every product folder must be its old
# version or its new one, whole. tests/robustness/stale.sh: a sheet removed
# from the input leaves no file behind in any product, files jobc did not
# make stay, -b json touches json/ only, --check nothing. The unit tests of
# src/output_*.c are in tests/test_output.c (check-unit).

OUTPUT_OUT = $(B)/test-out/output
OUTPUT_OLD = tests/hostile/hostile.jobsheet
OUTPUT_NEW = sheets/*.jobsheet
KILL_RUNS ?= 20
# The stale case: the shipped sheets, then all but one.
STALE_OLD = sheets/*.jobsheet
STALE_NEW = $(filter-out sheets/3.3a-%,$(wildcard sheets/*.jobsheet))

check-output: $(JOBC)
	tests/robustness/output.sh $(JOBC) $(OUTPUT_OUT)/cases '$(OUTPUT_OLD)' $(OUTPUT_NEW)
	tests/robustness/stale.sh $(JOBC) $(OUTPUT_OUT)/stale '$(STALE_OLD)' $(STALE_NEW)
	$(if $(SAN),,KILL_RUNS=$(KILL_RUNS) tests/robustness/kill.sh $(JOBC) $(OUTPUT_OUT)/kill \
		'$(OUTPUT_OLD)' $(OUTPUT_NEW))

CHECK_TARGETS += check-output
