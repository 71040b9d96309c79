# jobc - compiler for .jobsheet job reference systems.
#
#   make            build build/jobc
#   make run        compile sheets/ into out/
#   make check      every test, then the whole suite again under ASan+UBSan
#   make install    PREFIX (default /usr/local) and DESTDIR honoured
#   make clean
#
# Every target installs the Debian packages it needs (tools/need-packages.sh),
# so a fresh machine needs nothing else. Build trees are separate per
# configuration: B=build (gcc), B=build/san (clang, sanitizers).
#
# Test fragments: each tests/*.mk adds its targets to CHECK_TARGETS; they use
# $(JOBC) (the compiler under test), $(B) (the build tree, for outputs) and
# $(NEED) (to install packages), so they run unchanged in every configuration.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
B       ?= build
CC      ?= cc
VERSION := 0.1.0

CSTD     = -std=c11
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wformat=2 -Wvla
OPT     ?= -O2 -g
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DJOBC_VERSION='"$(VERSION)"' \
           -Isrc -I$(B)/grammar $(if $(ALLOC_TESTS),-DJOBC_ALLOC_FAILURE_TESTS) $(CPPFLAGS)
# -pthread: -j parses on POSIX threads (older C libraries need the flag).
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) -pthread $(if $(SAN),$(SAN_FLAGS)) $(CFLAGS)
# Libraries jobc links with, after libjobc.a (no pkg-config on a fresh machine):
# jansson for `jobc lsp`, libxlsxwriter for the xlsx backend's workbooks.
LIBS     = -ljansson -lxlsxwriter
ALL_LDFLAGS = -pthread $(if $(SAN),$(SAN_FLAGS)) $(LDFLAGS) $(LIBS)
# Generated code (flex, bison) is not held to our warning set.
GEN_CFLAGS = $(CSTD) -Wall -Wno-unused-function -Wno-sign-compare $(OPT) \
           $(if $(SAN),$(SAN_FLAGS)) $(CFLAGS)

NEED    = tools/need-packages.sh
JOBC    = $(B)/jobc

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard backends/*.c)
LIB_OBJ  = $(patsubst %.c,$(B)/%.o,$(LIB_SRC)) \
           $(B)/grammar/parser.o $(B)/grammar/scanner.o $(B)/assets.o
ASSETS   = $(sort $(wildcard backends/assets/*))
UNIT_SRC = $(wildcard tests/test_*.c)
UNIT_BIN = $(patsubst tests/%.c,$(B)/tests/%,$(UNIT_SRC))

CHECK_TARGETS = check-unit

.PHONY: all run check check-suite check-plain check-sanitizers install uninstall \
        clean deps-build deps-test $(CHECK_TARGETS)
.DELETE_ON_ERROR:

all: $(JOBC)

# ---- dependencies from Debian ---------------------------------------------

# The C compiler: clang with its sanitizer runtimes (libclang_rt.asan, ubsan,
# tsan, fuzzer: libclang-rt-dev), or gcc with the C library's headers (which
# gcc only recommends). Tools in Debian's essential and required packages
# (coreutils, diffutils, findutils, grep, sed, mawk, bash, perl-base) are on
# every Debian system and are not listed. libjansson-dev: JSON for `jobc lsp`
# (src/lsp_rpc.c).
CLANG_PKGS = clang libclang-rt-dev
CC_PKGS    = $(if $(findstring clang,$(CC)),$(CLANG_PKGS),gcc libc6-dev)

deps-build:
	@$(NEED) flex bison libjansson-dev libxlsxwriter-dev $(CC_PKGS)

deps-test: deps-build
	@$(NEED) libcmocka-dev valgrind

# ---- the compiler ---------------------------------------------------------

$(B)/grammar/parser.c $(B)/grammar/parser.h &: grammar/parser.y | deps-build
	@mkdir -p $(B)/grammar
	bison -Wall -Werror --defines=$(B)/grammar/parser.h -o $(B)/grammar/parser.c $<

$(B)/grammar/scanner.c $(B)/grammar/scanner.h &: grammar/scanner.l | deps-build
	@mkdir -p $(B)/grammar
	flex --header-file=$(B)/grammar/scanner.h -o $(B)/grammar/scanner.c $<

# -MMD: they include parse.h and the headers it includes, as src/ does.
$(B)/grammar/parser.o: $(B)/grammar/parser.c $(B)/grammar/scanner.h
	$(CC) $(ALL_CPPFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/grammar/scanner.o: $(B)/grammar/scanner.c $(B)/grammar/parser.h
	$(CC) $(ALL_CPPFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tools/embed: tools/embed.c | deps-build
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -o $@ $<

$(B)/assets.c: $(B)/tools/embed $(ASSETS)
	$(B)/tools/embed $@ $(ASSETS)

$(B)/assets.o: $(B)/assets.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/%.o: %.c $(B)/grammar/parser.h $(B)/grammar/scanner.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libjobc.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(JOBC): $(B)/src/main.o $(B)/libjobc.a
	$(CC) -o $@ $^ $(ALL_LDFLAGS)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# ---- running it -----------------------------------------------------------

run: $(JOBC)
	$(JOBC) sheets/*.jobsheet -o out

# ---- tests ----------------------------------------------------------------

$(B)/tests/%: tests/%.c $(B)/libjobc.a | deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< \
		$(B)/libjobc.a $(ALL_LDFLAGS) -lcmocka

check-unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

# The catalogues of other organisations (tests/examples.mk and others).
EXAMPLES = $(patsubst %/,%,$(sort $(wildcard examples/*/)))

include $(sort $(wildcard tests/*.mk))

check-suite: $(CHECK_TARGETS)

check-plain: deps-test
	$(MAKE) B=build check-suite

# The whole suite once more, built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer: any report fails the run.
check-sanitizers: deps-test
	@$(NEED) $(CLANG_PKGS)
	$(MAKE) B=build/san CC=clang SAN=1 OPT='-O1 -g' check-suite

check: check-plain check-sanitizers

# ---- install --------------------------------------------------------------

install: $(JOBC)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(JOBC) $(DESTDIR)$(BINDIR)/jobc
	install -m 644 docs/jobc.1 $(DESTDIR)$(MANDIR)/man1/jobc.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jobc $(DESTDIR)$(MANDIR)/man1/jobc.1

clean:
	rm -rf build out
