# tests/watch.mk - jobc --watch (src/watch.c), driven for real.
#
#   make check-watch    tests/watch.sh: a watched copy of sheets/ is edited,
#                       broken, fixed, added to and deleted from; after each
#                       step the output is a fresh run's, byte for byte, and
#                       SIGINT or SIGTERM end jobc with status 0.

WATCH_OUT = $(B)/test-out/watch

check-watch: $(JOBC)
	tests/watch.sh $(JOBC) $(WATCH_OUT)

CHECK_TARGETS += check-watch
