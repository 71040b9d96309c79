# tests/c.mk - the C backend: generated tables that compile everywhere,
# hold exactly the catalogue, and stay read-only.
#
#   make check-c
#
# For each catalogue (sheets/, tests/c/tricky.jobsheet, tests/codes/ (codes of every
# shape), tests/hostile/ when
# it exists, and the catalogue of bytes that tests/c/bytes.c builds in
# memory), under $(B)/test-out/c/NAME/:
# - jobc -b c --c-prefix NAME, twice (files in reverse order): same bytes;
# - the generated source compiles without a warning as C99 and C11 (gcc,
#   clang) and as C++98, C++11 and C++17 (g++), -Wall -Wextra -Werror
#   -pedantic and more;
# - compiled as position-independent code, it has no writable data, no
#   relocation in its data, read-only tables (nm R), only prefixed symbols
#   (tests/c/readonly.sh);
# Then one program links every catalogue at once and compares each with the
# AST parsed from its files, field by field (tests/c/check.c); the example
# of docs/C.md is the one in tests/c/example.c, compiles as C and C++,
# prints tests/c/example.expected for tests/c/example.jobsheet and runs on
# every sheet of sheets/; a --c-prefix that is no good name fails and
# writes nothing; and the backend, run in process (tests/c/gen.c), fails
# cleanly whichever of its allocations fails.

C_DIR  = tests/c
C_OUT  = $(B)/test-out/c

# Catalogues compiled with jobc, each a --c-prefix and its files.
# An example's prefix is its folder's name, a C name ('-' as '_').
C_CATALOGUES = jobc tricky codes $(subst -,_,$(notdir $(EXAMPLES))) $(if $(wildcard tests/hostile/*.jobsheet),hostile)
C_FILES_jobc    = sheets/*.jobsheet
C_FILES_tricky  = $(C_DIR)/tricky.jobsheet
C_FILES_codes   = tests/codes/*.jobsheet
$(foreach e,$(EXAMPLES),$(eval C_FILES_$(subst -,_,$(notdir $(e))) = $(e)/*.jobsheet))
C_FILES_hostile = tests/hostile/*.jobsheet tests/hostile/long-words/*.jobsheet
# ... and the catalogue of bytes, which tests/c/bytes.c builds without files.
C_FILES_bytes   =
C_ALL = $(C_CATALOGUES) bytes

C_WARN   = -Wall -Wextra -Werror -pedantic -Wshadow -Wconversion -Wsign-conversion \
           -Wcast-qual -Wwrite-strings -Wmissing-declarations -Wundef
C_WARN_C = $(C_WARN) -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition
# Compilers and dialects the generated source must satisfy: compiler:standard.
C_DIALECTS = gcc:c99 gcc:c11 clang:c99 clang:c11 g++:c++98 g++:c++11 g++:c++17

c_upper = $(shell echo $(1) | tr a-z A-Z)
# The test program's objects, built with the project's compiler and flags
# (sanitizers included under B=build/san).
C_TEST_CC = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS)

# $(call c_generate,NAME): NAME.h and NAME.c, twice, compared.
define c_generate
	$(JOBC) -q -b c --c-prefix $(1) $(C_FILES_$(1)) -o $(C_OUT)/$(1)
	$(JOBC) -q -b c --c-prefix $(1) $$(ls -r $(C_FILES_$(1))) -o $(C_OUT)/again/$(1)
	diff -r -x .jobc-build $(C_OUT)/$(1) $(C_OUT)/again/$(1)

endef

# $(call c_compile,NAME): the dialects, then the read-only check.
define c_compile
	@set -e; for d in $(C_DIALECTS); do \
		cc=$${d%%:*}; std=$${d#*:}; \
		case $$std in c++*) flags="-x c++ $(C_WARN)";; *) flags="$(C_WARN_C)";; esac; \
		echo "$$cc -std=$$std ... $(1).c"; \
		$$cc -std=$$std $$flags -c $(C_OUT)/$(1)/c/$(1).c -o $(C_OUT)/obj/$(1)-dialect.o; \
	done
	gcc -std=c99 -O2 -fPIC -fdata-sections -c $(C_OUT)/$(1)/c/$(1).c -o $(C_OUT)/obj/$(1)-pic-gcc.o
	$(C_DIR)/readonly.sh $(C_OUT)/obj/$(1)-pic-gcc.o $(1)
	clang -std=c11 -O0 -fPIC -fdata-sections -c $(C_OUT)/$(1)/c/$(1).c -o $(C_OUT)/obj/$(1)-pic-clang.o
	$(C_DIR)/readonly.sh $(C_OUT)/obj/$(1)-pic-clang.o $(1)
	$(C_TEST_CC) -I$(C_DIR) -I$(C_OUT)/$(1)/c -DCAT_NAME=$(1) -DCAT_MACRO=$(call c_upper,$(1)) \
		-c $(C_DIR)/compare.c -o $(C_OUT)/obj/$(1)-compare.o
	$(C_TEST_CC) -c $(C_OUT)/$(1)/c/$(1).c -o $(C_OUT)/obj/$(1).o

endef

# A --c-prefix that would make reserved or invalid names is refused.
define c_bad_prefix
	! $(JOBC) -q -b c --c-prefix '$(1)' $(C_FILES_tricky) -o $(C_OUT)/bad 2>$(C_OUT)/bad.log
	grep -q "error: bad --c-prefix" $(C_OUT)/bad.log
	test ! -e $(C_OUT)/bad

endef

# The backend run in process (tests/c/gen.c): for the catalogue of bytes,
# and for runs where allocations fail (tests/c/fail_mem.c, linked before
# the library's allocator).
C_GEN_SRC = $(C_DIR)/gen.c $(C_DIR)/bytes.c $(C_DIR)/fail_mem.c
$(B)/tests/c/gen: $(C_GEN_SRC) $(C_DIR)/check.h $(B)/libjobc.a
	@mkdir -p $(dir $@)
	$(C_TEST_CC) -o $@ $(C_GEN_SRC) $(B)/libjobc.a $(ALL_LDFLAGS)

# $(call c_alloc_failures,NAME): allocation N of the backend fails, for
# N = 1, 2... until the run succeeds. Each failed run must end in an orderly
# failure, status 1 (a sanitizer's report, a leak included, is status 23);
# the run that succeeds writes what jobc wrote.
define c_alloc_failures
	@set -e; n=1; while :; do \
		st=0; ASAN_OPTIONS=exitcode=23 LSAN_OPTIONS=exitcode=23 FAIL_ALLOC=$$n \
			$(B)/tests/c/gen $(1) $(C_OUT)/alloc/$(1) $(C_FILES_$(1)) 2>/dev/null || st=$$?; \
		[ $$st = 0 ] && break; \
		[ $$st = 1 ] || { echo "check-c: $(1), allocation $$n failing: exit status $$st" >&2; exit 1; }; \
		[ $$n -lt 5000 ] || { echo "check-c: $(1) still failing after 5000 allocations" >&2; exit 1; }; \
		n=$$((n + 1)); \
	done; \
	diff -r $(C_OUT)/$(1)/c $(C_OUT)/alloc/$(1)/c; \
	echo "check-c: $(1): each of its first $$((n - 1)) allocations failed in turn, cleanly"

endef

check-c: $(JOBC) $(B)/tests/c/gen
	@$(NEED) gcc g++ libc6-dev clang binutils
	rm -rf $(C_OUT)
	mkdir -p $(C_OUT)/obj
	$(foreach c,$(C_CATALOGUES),$(call c_generate,$(c)))
	$(B)/tests/c/gen bytes $(C_OUT)/bytes
	$(foreach c,$(C_ALL),$(call c_compile,$(c)))
	$(C_TEST_CC) -I$(C_DIR) '-DCATALOGUES=$(foreach c,$(C_ALL),X($(c)))' \
		-o $(C_OUT)/check $(C_DIR)/check.c $(C_DIR)/bytes.c \
		$(foreach c,$(C_ALL),$(C_OUT)/obj/$(c)-compare.o $(C_OUT)/obj/$(c).o) \
		$(B)/libjobc.a $(ALL_LDFLAGS)
	$(C_OUT)/check $(foreach c,$(C_CATALOGUES),$(c) $(C_FILES_$(c)) --) bytes
	@# the example, and its runs, are the same in the documentation
	awk '/^<!-- example.c -->/ { on = 1; getline; next } on && /^```/ { exit } on' \
		docs/C.md > $(C_OUT)/example-from-docs.c
	diff $(C_DIR)/example.c $(C_OUT)/example-from-docs.c
	awk '/^    \$$ \.\/example$$/ { on = 1 } on && /^[^ ]/ { exit } on' docs/C.md \
		| sed -e '/^    \$$ /d' -e 's/^    //' -e '$$ { /^$$/d }' > $(C_OUT)/example-runs-from-docs.txt
	diff $(C_DIR)/example.expected $(C_OUT)/example-runs-from-docs.txt
	$(JOBC) -q -b c $(C_DIR)/example.jobsheet -o $(C_OUT)/example
	gcc -std=c99 $(C_WARN_C) -I$(C_OUT)/example/c -o $(C_OUT)/example/example \
		$(C_DIR)/example.c $(C_OUT)/example/c/jobc.c
	gcc -std=c99 -c $(C_OUT)/example/c/jobc.c -o $(C_OUT)/obj/example-jobc.o
	g++ -x c++ $(C_WARN) -I$(C_OUT)/example/c -c $(C_DIR)/example.c -o $(C_OUT)/obj/example-cxx.o
	g++ -o $(C_OUT)/example/example-cxx $(C_OUT)/obj/example-cxx.o $(C_OUT)/obj/example-jobc.o
	for x in example example-cxx; do \
		{ $(C_OUT)/example/$$x && $(C_OUT)/example/$$x 3.3a && \
		  ! $(C_OUT)/example/$$x 3.3 2>&1; } > $(C_OUT)/example/$$x.out || exit 1; \
		diff $(C_DIR)/example.expected $(C_OUT)/example/$$x.out || exit 1; \
	done
	gcc -std=c99 $(C_WARN_C) -I$(C_OUT)/jobc/c -o $(C_OUT)/jobc/example \
		$(C_DIR)/example.c $(C_OUT)/jobc/c/jobc.c
	@set -e; codes=$$($(C_OUT)/jobc/example | sed -n 's/^  \([^ ]*\) .*/\1/p'); \
	for code in $$codes; do $(C_OUT)/jobc/example $$code > /dev/null; done; \
	echo "check-c: the example prints $$(echo $$codes | wc -w) sheets of sheets/"
	$(foreach p,bad-name _jobc jobc_ jo__bc 9jobc,$(call c_bad_prefix,$(p)))
	$(foreach c,bytes tricky jobc,$(call c_alloc_failures,$(c)))

CHECK_TARGETS += check-c
