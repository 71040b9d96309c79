# tests/json.mk - the JSON backend against its published schema.
#
#   make check-json
#
# Every document jobc writes from sheets/ and from the test catalogues is
# validated against schema/jobsheet.schema.json by two real validators
# (ajv-cli, JSON Schema 2020-12, strict mode; and Python's jsonschema, as
# Debian packages it, whose regular expressions are Python's re),
# pretty-printed and compact; the output
# must be byte-identical when the files are given in the reverse order, and
# each compact document must be one line; the example of docs/JSON.md must
# come out exactly as tests/json/valid/sheet.json. Then every fixture of
# tests/json/invalid/ must be rejected, and for its own defect (see
# tests/json/check-invalid.js), by both validators. The unit test tests/test_json.c reads the
# documents back against the AST.

JSON_TOOLS  = tests/json
JSON_OUT    = $(B)/test-out/json
JSON_SCHEMA = schema/jobsheet.schema.json
JSON_STAMP  = $(JSON_TOOLS)/node_modules/.jobc-installed
JSON_AJV    = $(JSON_TOOLS)/node_modules/.bin/ajv
JSON_AJV_OPTS = --spec=draft2020 --strict=true -c ajv-formats -s $(JSON_SCHEMA)
JSON_INVALID = $(wildcard $(JSON_TOOLS)/invalid/*.json)
# Debian's Python, whose jsonschema is Debian's python3-jsonschema (not one
# that a python3 earlier on PATH may bring).
JSON_PYTHON = /usr/bin/python3

# Catalogues compiled for the check, each a name and its files.
JSON_CATALOGUES = sheets example own-hostile hostile good codes $(notdir $(EXAMPLES))
JSON_FILES_sheets      = sheets/*.jobsheet
JSON_FILES_example     = $(JSON_TOOLS)/example.jobsheet
JSON_FILES_own-hostile = $(JSON_TOOLS)/hostile.jobsheet
JSON_FILES_hostile     = tests/hostile/*.jobsheet tests/hostile/long-words/*.jobsheet
JSON_FILES_good        = tests/good/*.jobsheet
JSON_FILES_codes       = tests/codes/*.jobsheet
$(foreach e,$(EXAMPLES),$(eval JSON_FILES_$(notdir $(e)) = $(e)/*.jobsheet))

# The validator, from the committed lock file, once per checkout. A Node.js
# that is already installed (with its npm) is used as it is.
$(JSON_STAMP): $(JSON_TOOLS)/package.json $(JSON_TOOLS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || $(NEED) nodejs npm
	npm ci --prefix $(JSON_TOOLS) --no-audit --no-fund
	touch $@

# $(call json_compile,NAME): NAME's documents under $(JSON_OUT)/NAME/, pretty
# (twice, the second time with the files in reverse order) and compact.
define json_compile
	$(JOBC) -q -b json $(JSON_FILES_$(1)) -o $(JSON_OUT)/$(1)/pretty
	$(JOBC) -q -b json $$(ls -r $(JSON_FILES_$(1))) -o $(JSON_OUT)/$(1)/reversed
	diff -r -x .jobc-build $(JSON_OUT)/$(1)/pretty $(JSON_OUT)/$(1)/reversed
	$(JOBC) -q -b json --json-compact $(JSON_FILES_$(1)) -o $(JSON_OUT)/$(1)/compact
	for f in $(JSON_OUT)/$(1)/compact/json/catalogue.json $(JSON_OUT)/$(1)/compact/json/sheets/*.json; do \
		test "$$(wc -l < $$f)" -eq 1 || { echo "$$f: not on one line" >&2; exit 1; }; \
	done

endef

check-json: $(JOBC) $(JSON_STAMP)
	rm -rf $(JSON_OUT)
	$(foreach c,$(JSON_CATALOGUES),$(call json_compile,$(c)))
	diff $(JSON_OUT)/example/pretty/json/sheets/3.3a.json $(JSON_TOOLS)/valid/sheet.json
	@files=$$(find $(JSON_OUT) -path '*/reversed' -prune -o -name '*.json' -print | sort; \
		ls $(JSON_TOOLS)/valid/*.json); \
	n=$$(echo "$$files" | wc -l); \
	$(JSON_AJV) validate $(JSON_AJV_OPTS) $$(printf -- '-d %s ' $$files) \
		> $(JSON_OUT)/ajv-valid.log 2>&1 || { cat $(JSON_OUT)/ajv-valid.log; exit 1; }; \
	valid=$$(grep -c ' valid$$' $(JSON_OUT)/ajv-valid.log); \
	test "$$valid" -eq "$$n" || { echo "check-json: $$valid of $$n documents validated" >&2; exit 1; }; \
	echo "check-json: $$n documents valid against $(JSON_SCHEMA)"
	@$(JSON_AJV) test $(JSON_AJV_OPTS) --invalid --errors=no -d "$(JSON_TOOLS)/invalid/*.json" \
		> $(JSON_OUT)/ajv-invalid.log || { cat $(JSON_OUT)/ajv-invalid.log; exit 1; }
	@echo "check-json: $(words $(JSON_INVALID)) invalid documents rejected"
	node $(JSON_TOOLS)/check-invalid.js $(JSON_SCHEMA) $(JSON_TOOLS)/invalid/*.json
	@$(NEED) python3-jsonschema
	$(JSON_PYTHON) $(JSON_TOOLS)/check-python.py $(JSON_SCHEMA) --valid \
		$$(find $(JSON_OUT) -path '*/reversed' -prune -o -name '*.json' -print | sort) \
		$(JSON_TOOLS)/valid/*.json --invalid $(JSON_INVALID)

CHECK_TARGETS += check-json
