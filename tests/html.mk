# tests/html.mk - the HTML backend: a static site read in a real browser.
#
#   make check-html
#
# For each catalogue (sheets/, tests/html/tricky.jobsheet, tests/codes/ (codes of
# every shape, whose files and ids must not collide), tests/hostile/),
# under $(B)/test-out/html/NAME/:
# - jobc -b html, twice (the second time with the files in reverse order):
#   byte-identical sites;
# - the Nu HTML Checker (vnu-jar) on every page: no error, no warning but
#   two: text that is not in Unicode NFC, which the hostile catalogue holds
#   on purpose and the site must show as written, and a language guessed
#   from the text that is not the page's lang (see HTML_VNU_FILTER);
# - tests/html/site-test.mjs in Debian's Chromium (playwright-core): every
#   link followed from index.html over file://, fragments included; each
#   sheet page's heading, sections, outline and JSON-LD; axe-core on every
#   page; a sheet printed to an A4 PDF; with the catalogue's sources, every
#   string shown literally and nothing injected.
# The screenshots (index, knowledge index, sheet 3.5a on a desktop and a
# phone) and the PDF of sheet 3.5a are kept in $(B)/test-out/html/sheets/.

HTML_TOOLS = tests/html
HTML_OUT   = $(B)/test-out/html
HTML_STAMP = $(HTML_TOOLS)/node_modules/.jobc-installed
HTML_VNU   = java -jar $(HTML_TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar

HTML_CATALOGUES = sheets tricky codes $(notdir $(EXAMPLES)) $(if $(wildcard tests/hostile/*.jobsheet),hostile)
HTML_FILES_sheets  = sheets/*.jobsheet
HTML_FILES_tricky  = $(HTML_TOOLS)/tricky.jobsheet
HTML_FILES_codes   = tests/codes/*.jobsheet
$(foreach e,$(EXAMPLES),$(eval HTML_FILES_$(notdir $(e)) = $(e)/*.jobsheet))
HTML_FILES_hostile = tests/hostile/*.jobsheet tests/hostile/long-words/*.jobsheet
# The tricky catalogue is built with pages of 1 KB: its index, lineage,
# knowledge index and matrices are cut into parts, as a large catalogue's.
HTML_OPTS_tricky   = --html-page-size 1

# The checker, the browser driver and axe-core, from the committed lock file,
# once per checkout. --ignore-scripts: vnu-jar's install script would fetch
# a Java runtime; Debian's is used instead. playwright-core stays at 1.61,
# the last release that runs on Debian 12's Node.js 18 (1.62 and later need
# 20); it drives Debian 12's Chromium (150, or 156 from bookworm-security)
# through the DevTools protocol as well as the build it was released with
# (149).
$(HTML_STAMP): $(HTML_TOOLS)/package.json $(HTML_TOOLS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || $(NEED) nodejs npm
	npm ci --prefix $(HTML_TOOLS) --ignore-scripts --no-audit --no-fund
	touch $@

# The checker's language detection is a guess from the text of a page (at
# least 1,024 letters): it once took a page of the hostile catalogue for
# French, while jobc writes lang="en" (the sources do not say their
# language). That mismatch message is dropped; a page without lang would
# still be reported. tests/html/lang-mismatch.html, a page in French that
# says it is English, must raise it unfiltered and pass filtered.
HTML_VNU_FILTER = (?s).*(Unicode Normalization Form C|This document appears to be written in [^.]* but the ).*
HTML_LANG_PAGE  = $(HTML_TOOLS)/lang-mismatch.html

html-deps:
	@command -v java >/dev/null 2>&1 || $(NEED) default-jre-headless
	@$(NEED) chromium poppler-utils

# $(call html_build,NAME): the site, twice, compared; and jobc's labels in
# the language of its pages, for site-test.mjs --labels.
define html_build
	$(JOBC) -q -b html $(HTML_OPTS_$(1)) $(HTML_FILES_$(1)) -o $(HTML_OUT)/$(1)
	$(JOBC) -q -b html $(HTML_OPTS_$(1)) $$(ls -r $(HTML_FILES_$(1))) -o $(HTML_OUT)/again/$(1)
	diff -r -x .jobc-build $(HTML_OUT)/$(1) $(HTML_OUT)/again/$(1)
	$(JOBC) --labels=$$(sed -n 's/^<html lang="\([^"-]*\).*/\1/p' \
		$(HTML_OUT)/$(1)/html/index.html) > $(HTML_OUT)/$(1).labels

endef

# $(call html_browse,NAME): the browser test, against the sources; the
# sheets also give the screenshots and the PDF.
define html_browse
	node $(HTML_TOOLS)/site-test.mjs --site $(HTML_OUT)/$(1)/html --out $(HTML_OUT)/$(1) \
		--labels $(HTML_OUT)/$(1).labels \
		$(foreach f,$(wildcard $(HTML_FILES_$(1))),--source $(f)) \
		$(if $(filter sheets,$(1)),--shots --pdf 3.5a)

endef

check-html: $(JOBC) $(HTML_STAMP) html-deps
	rm -rf $(HTML_OUT)
	$(foreach c,$(HTML_CATALOGUES),$(call html_build,$(c)))
	! $(HTML_VNU) --Werror $(HTML_LANG_PAGE) 2> $(HTML_OUT)/lang-mismatch.log
	grep -q 'appears to be written in French but' $(HTML_OUT)/lang-mismatch.log
	$(HTML_VNU) --Werror --skip-non-html --filterpattern '$(HTML_VNU_FILTER)' \
		$(foreach c,$(HTML_CATALOGUES),$(HTML_OUT)/$(c)/html) $(HTML_LANG_PAGE)
	$(foreach c,$(HTML_CATALOGUES),$(call html_browse,$(c)))
	@echo "check-html: $(HTML_CATALOGUES): valid HTML, every page read in Chromium"

.PHONY: html-deps
CHECK_TARGETS += check-html
