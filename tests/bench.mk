# tests/bench.mk - the benchmark and its smoke test.
#
#   make bench          builds an optimised jobc in build/opt (OPT=-O2),
#                       generates 30, 1,000, 10,000 and 100,000 sheets and
#                       measures every task (bench/run.sh; docs/PERFORMANCE.md).
#                       Slow (minutes) and not part of make check.
#                       BENCH_SIZES="1000 10000" picks other sizes.
#   make check-bench    the quick part, in make check: the generator is
#                       deterministic and writes a valid catalogue without a
#                       warning whose JSON twin holds the same texts as
#                       jobc's JSON output; the scanner-only tool runs; the
#                       site cut into pages of 64 KB has no page over
#                       twice that (docs/HTML.md, "A large catalogue");
#                       -j 4 writes the same output as -j 1, and the same
#                       diagnostics for a broken file (tests/test_jobs.c
#                       checks -j in detail); and bench/run.sh itself runs
#                       every task once at 30 sheets (the rebuilds and the
#                       watch latency included).

BENCH_B     ?= build/opt
BENCH_SIZES ?= 30 1000 10000 100000
BENCH_T      = $(B)/test-out/bench

.PHONY: bench check-bench

$(B)/bench/gen: bench/gen.c | deps-build
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

$(B)/bench/scan: bench/scan.c $(B)/libjobc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libjobc.a $(ALL_LDFLAGS)

bench:
	@$(NEED) time jq
	$(MAKE) B=$(BENCH_B) OPT='-O2' $(BENCH_B)/jobc $(BENCH_B)/bench/gen $(BENCH_B)/bench/scan
	bench/run.sh $(BENCH_B) $(BENCH_SIZES)

# The texts of each sheet, one JSON line per sheet, sorted: from the
# generator's JSON ($(1) = '.[]') or from jobc's ($(1) = '.sheet').
bench_texts = jq -c '$(1) | [.code, .title, .family, (.mission[] | .paragraph // .text // .items // .list), \
	(.activities.groups[] | .title, .tasks[].text), (.knowledge[] | .category, .items[].text)]'

check-bench: $(JOBC) $(B)/bench/gen $(B)/bench/scan
	@$(NEED) time jq
	rm -rf $(BENCH_T) && mkdir -p $(BENCH_T)
	$(B)/bench/gen 250 $(BENCH_T)/a 100
	$(B)/bench/gen 250 $(BENCH_T)/b 100
	diff -r $(BENCH_T)/a $(BENCH_T)/b
	test "$$(ls $(BENCH_T)/a/*.jobsheet | wc -l)" -eq 4
	$(JOBC) -Werror -b json $(BENCH_T)/a/*.jobsheet -o $(BENCH_T)/out
	test "$$(ls $(BENCH_T)/out/json/sheets | wc -l)" -eq 250
	$(call bench_texts,.[]) $(BENCH_T)/a/json/sheets-*.json | sort > $(BENCH_T)/gen.texts
	$(call bench_texts,.sheet) $(BENCH_T)/out/json/sheets/*.json | sort > $(BENCH_T)/jobc.texts
	test "$$(wc -l < $(BENCH_T)/gen.texts)" -eq 250
	diff $(BENCH_T)/gen.texts $(BENCH_T)/jobc.texts
	$(B)/bench/scan $(BENCH_T)/a/*.jobsheet > $(BENCH_T)/scan.txt
	grep -q '^4 files, [0-9]* bytes, [1-9][0-9]* tokens$$' $(BENCH_T)/scan.txt
	$(JOBC) -b html --html-page-size 64 $(BENCH_T)/a/*.jobsheet -o $(BENCH_T)/site
	test -d $(BENCH_T)/site/html/knowledge && test -d $(BENCH_T)/site/html/families
	test -z "$$(find $(BENCH_T)/site/html -name '*.html' -size +128k)"
	test -z "$$(find $(BENCH_T)/site/html/search -size +128k)"
	$(JOBC) -j 1 $(BENCH_T)/a/*.jobsheet -o $(BENCH_T)/j1
	$(JOBC) -j 4 $(BENCH_T)/a/*.jobsheet -o $(BENCH_T)/j4
	diff -r -x .jobc-build $(BENCH_T)/j1 $(BENCH_T)/j4
	sed 's/^    family /    famly /' $(BENCH_T)/a/sheets-00001.jobsheet > $(BENCH_T)/broken.jobsheet
	for j in 1 4; do \
		$(JOBC) -j $$j --check $(BENCH_T)/a/*.jobsheet $(BENCH_T)/broken.jobsheet \
			> $(BENCH_T)/diags-$$j.txt 2>&1; test $$? -eq 1 || exit 1; \
	done
	grep -q "broken.jobsheet:.*error: unknown section 'famly'" $(BENCH_T)/diags-1.txt
	cmp $(BENCH_T)/diags-1.txt $(BENCH_T)/diags-4.txt
	BENCH_RUNS=1 bench/run.sh $(B) 30 > $(BENCH_T)/run.txt
	grep -q '^| 30 | watch | [0-9.]* | ' $(BENCH_T)/run.txt

CHECK_TARGETS += check-bench
