# tests/fuzz.mk - the whole pipeline under libFuzzer (docs/ROBUSTNESS.md).
#
#   make fuzz FUZZ_SECONDS=N    fuzz for N seconds (default 600)
#   make check-fuzz             part of make check (see below)
#
# tests/fuzz/fuzz_jobc.c parses, validates and, if the run is valid, runs
# every backend into memory. It is built with clang, -fsanitize=fuzzer,
# address,undefined, against its own copy of the library instrumented for
# coverage ($(FUZZ_B)/lib). The seed corpus is made at build time from the
# tree (tests/fuzz/seeds.sh); the corpus the fuzzer grows is kept in
# $(FUZZ_B)/corpus between runs; inputs that crash land in
# $(FUZZ_B)/crashes/, and each one, once fixed, is committed to
# tests/fuzz/regressions/.
#
# check-fuzz replays the regressions and the seeds through the same target
# built with the configuration's own compiler (tests/fuzz/replay.c: gcc in
# the plain pass, clang with ASan+UBSan in the sanitizer pass), then, in the
# sanitizer pass only (SAN set), fuzzes for FUZZ_CHECK_SECONDS (60).

FUZZ_DIR     = tests/fuzz
FUZZ_B       = $(B)/fuzz
FUZZ_LIB     = $(FUZZ_B)/lib/libjobc.a
FUZZ_BIN     = $(FUZZ_B)/fuzz_jobc
FUZZ_REPLAY  = $(FUZZ_B)/replay
FUZZ_SEEDS   = $(FUZZ_B)/seeds
FUZZ_CORPUS  = $(FUZZ_B)/corpus
FUZZ_SECONDS ?= 600
FUZZ_CHECK_SECONDS ?= 60
FUZZ_REGRESSIONS = $(sort $(wildcard $(FUZZ_DIR)/regressions/*.jobsheet))
FUZZ_SAN     = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer
# The largest seeds are all of tests/hostile/ joined (about 340 KB, with its
# long words) and all of sheets/ (150 KB): room for them and their mutations
# (libFuzzer grows its inputs slowly from small ones anyway).
FUZZ_OPTS    = -dict=$(FUZZ_DIR)/jobsheet.dict -max_len=524288 -timeout=20 \
               -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_B)/crashes/ -print_final_stats=1

.PHONY: fuzz fuzz-lib fuzz-seeds

# The library again, with coverage instrumentation, in its own tree.
fuzz-lib:
	@$(NEED) $(CLANG_PKGS)
	$(MAKE) --no-print-directory B=$(FUZZ_B)/lib CC=clang SAN=1 OPT='-O1 -g' \
		CFLAGS=-fsanitize=fuzzer-no-link ALLOC_TESTS= $(FUZZ_LIB)

$(FUZZ_BIN): $(FUZZ_DIR)/fuzz_jobc.c fuzz-lib
	clang $(ALL_CPPFLAGS) $(CSTD) $(WARN) -O1 -g $(FUZZ_SAN) -o $@ $< $(FUZZ_LIB) $(LIBS)

$(FUZZ_REPLAY): $(FUZZ_DIR)/replay.c $(FUZZ_DIR)/fuzz_jobc.c $(B)/libjobc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $(FUZZ_DIR)/replay.c $(FUZZ_DIR)/fuzz_jobc.c \
		$(B)/libjobc.a $(ALL_LDFLAGS)

fuzz-seeds:
	@$(FUZZ_DIR)/seeds.sh $(FUZZ_SEEDS)

# $(call fuzz_run,SECONDS): fuzz, the log in $(FUZZ_B)/fuzz.log; a finding
# fails with the end of the log, which names the input in $(FUZZ_B)/crashes/.
define fuzz_run
	@mkdir -p $(FUZZ_CORPUS) $(FUZZ_B)/crashes
	@echo "fuzz: $(1) s, corpus $(FUZZ_CORPUS), log $(FUZZ_B)/fuzz.log"
	@$(FUZZ_BIN) $(FUZZ_OPTS) -max_total_time=$(1) $(FUZZ_CORPUS) $(FUZZ_SEEDS) \
		> $(FUZZ_B)/fuzz.log 2>&1 || { tail -n 80 $(FUZZ_B)/fuzz.log; exit 1; }
	@grep -E '^#[0-9]+[[:space:]]+DONE|^stat::' $(FUZZ_B)/fuzz.log | tail -n 8
endef

fuzz: $(FUZZ_BIN) fuzz-seeds
	$(call fuzz_run,$(FUZZ_SECONDS))

check-fuzz: $(FUZZ_REPLAY) fuzz-seeds $(if $(SAN),$(FUZZ_BIN))
	$(FUZZ_REPLAY) $(FUZZ_REGRESSIONS) $(FUZZ_SEEDS)/*
	$(if $(SAN),$(call fuzz_run,$(FUZZ_CHECK_SECONDS)))

CHECK_TARGETS += check-fuzz
