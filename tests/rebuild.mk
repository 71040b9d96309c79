# tests/rebuild.mk - runs over the output of earlier runs (src/rebuild.c).
#
#   make check-rebuild [REBUILD_ROUNDS=N REBUILD_SEED=S]
#                       tests/rebuild.sh: random edits of a copy of
#                       sheets/, and changes of options, executable and
#                       output files; after each, the run over the earlier
#                       output writes what a run into an empty folder
#                       writes, and a run with nothing to do touches
#                       nothing.

REBUILD_OUT    = $(B)/test-out/rebuild
REBUILD_ROUNDS ?= 40

check-rebuild: $(JOBC)
	tests/rebuild.sh $(JOBC) $(REBUILD_OUT) $(REBUILD_ROUNDS) $(REBUILD_SEED)

CHECK_TARGETS += check-rebuild
