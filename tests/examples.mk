# tests/examples.mk - the catalogues of other organisations in examples/,
# through every backend.
#
#   make check-examples
#
# Each folder of examples/ is a catalogue (README.md says what each shows).
# It must compile with -Werror through every backend, json, latex, html, c,
# csv, xlsx and pdf, in one run; the C must compile without a warning under
# -Wall -Wextra -Werror -pedantic (gcc, C99 and C11); the booklet jobc made
# with -b pdf must hold every string of the sources (check-pdf.sh
# --pdf-only); and no English word of jobc's may be left in the site or
# the booklet of a catalogue in another language (check-language.py, with
# the labels `jobc --labels` prints for English and for the catalogue's
# language, read from the pages' lang). check-json, check-html, check-c,
# check-latex, check-csv and check-xlsx hold the same examples to their
# own validators.

EXAMPLES_OUT = $(B)/test-out/examples
EXAMPLES_CC  = gcc -Wall -Wextra -Werror -pedantic -c

.PHONY: check-examples

# $(call example_check,NAME,FOLDER)
define example_check
	$(JOBC) -Werror -b json,latex,html,c,csv,xlsx,pdf $(2) -o $(EXAMPLES_OUT)/$(1)
	$(EXAMPLES_CC) -std=c99 $(EXAMPLES_OUT)/$(1)/c/jobc.c -o $(EXAMPLES_OUT)/$(1)/c99.o
	$(EXAMPLES_CC) -std=c11 $(EXAMPLES_OUT)/$(1)/c/jobc.c -o $(EXAMPLES_OUT)/$(1)/c11.o
	tests/latex/check-pdf.sh $(EXAMPLES_OUT)/$(1)/pdf --pdf-only $(2)/*.jobsheet
	pdftotext -enc UTF-8 $(EXAMPLES_OUT)/$(1)/pdf/booklet.pdf $(EXAMPLES_OUT)/$(1)/booklet.txt
	$(JOBC) --labels=en > $(EXAMPLES_OUT)/$(1)/en.labels
	$(JOBC) --labels=$$(sed -n 's/^<html lang="\([^"-]*\).*/\1/p' \
		$(EXAMPLES_OUT)/$(1)/html/index.html) > $(EXAMPLES_OUT)/$(1)/own.labels
	/usr/bin/python3 tests/examples/check-language.py $(EXAMPLES_OUT)/$(1)/en.labels \
		$(EXAMPLES_OUT)/$(1)/own.labels $(EXAMPLES_OUT)/$(1)/html $(EXAMPLES_OUT)/$(1)/booklet.txt

endef

check-examples: $(JOBC) deps-latex
	rm -rf $(EXAMPLES_OUT)
	$(foreach e,$(EXAMPLES),$(call example_check,$(notdir $(e)),$(e)))

CHECK_TARGETS += check-examples
