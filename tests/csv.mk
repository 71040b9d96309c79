# tests/csv.mk - the csv backend: RFC 4180 tidy tables that hold exactly the
# catalogue, and that no spreadsheet runs as formulas.
#
#   make check-csv
#
# For sheets/ (30 sheets, 657 knowledge items), tests/codes/, the hostile
# catalogue and the example of examples/, under $(B)/test-out/csv/NAME/:
# - jobc -b json,csv, and -b csv with the files in reverse order: the same
#   files;
# - tests/csv/check-csv.py: each file RFC 4180 (CRLF, a header row of the
#   table's columns, texts quoted, numbers bare), every cell what the JSON
#   output says (tests/csv/tables.py builds the tables from it), every text
#   that starts like a formula written with a ' before it; --csv-bom adds a
#   byte order mark and nothing else.
# Then LibreOffice opens the hostile catalogue's files with formulas
# evaluated (its CSV filter, option 13), as a careless reader would:
# tests/csv/check-formulas.py finds no formula in the workbooks it makes,
# the texts that start like one kept as text, and a formula in the workbook
# of a control file where "=1+1" is written plainly (so the check can fail).

CSV_OUT    = $(B)/test-out/csv
# Debian's Python, with Debian's openpyxl (not one a python3 earlier on PATH brings).
SHEETS_PYTHON = /usr/bin/python3
# LibreOffice without a window, with a profile of its own (not the user's).
LIBREOFFICE = soffice -env:UserInstallation=file://$(abspath $(B))/test-out/lo-profile --headless
# Comma, double quote, UTF-8, from line 1, standard cells, English, quoted
# fields not forced to text, no special numbers, ..., formulas evaluated.
CSV_LO_FILTER = CSV:44,34,76,1,,0,false,false,false,false,false,-1,true

CSV_CATALOGUES = sheets codes hostile $(notdir $(EXAMPLES))
CSV_FILES_sheets  = sheets/*.jobsheet
CSV_FILES_codes   = tests/codes/*.jobsheet
CSV_FILES_hostile = tests/hostile/*.jobsheet tests/hostile/long-words/*.jobsheet
$(foreach e,$(EXAMPLES),$(eval CSV_FILES_$(notdir $(e)) = $(e)/*.jobsheet))

.PHONY: deps-spreadsheets check-csv

deps-spreadsheets:
	@$(NEED) python3-openpyxl libreoffice-calc-nogui

# $(call csv_check,NAME): NAME's tables, twice, checked against its JSON.
define csv_check
	$(JOBC) -q -b json,csv $(CSV_FILES_$(1)) -o $(CSV_OUT)/$(1)
	$(JOBC) -q -b csv $$(ls -r $(CSV_FILES_$(1))) -o $(CSV_OUT)/again/$(1)
	diff -r $(CSV_OUT)/$(1)/csv $(CSV_OUT)/again/$(1)/csv
	$(SHEETS_PYTHON) tests/csv/check-csv.py $(CSV_OUT)/$(1)/csv $(CSV_OUT)/$(1)/json/catalogue.json

endef

check-csv: $(JOBC) deps-spreadsheets
	rm -rf $(CSV_OUT)
	$(foreach c,$(CSV_CATALOGUES),$(call csv_check,$(c)))
	$(JOBC) -q --csv-bom -b csv $(CSV_FILES_sheets) -o $(CSV_OUT)/bom
	$(SHEETS_PYTHON) tests/csv/check-csv.py $(CSV_OUT)/bom/csv $(CSV_OUT)/sheets/json/catalogue.json --bom
	mkdir -p $(CSV_OUT)/lo-in
	cp $(CSV_OUT)/hostile/csv/*.csv $(CSV_OUT)/lo-in/
	printf 'a\r\n"=1+1"\r\n' > $(CSV_OUT)/lo-in/control.csv
	$(LIBREOFFICE) --infilter='$(CSV_LO_FILTER)' --convert-to xlsx --outdir $(CSV_OUT)/lo \
		$(CSV_OUT)/lo-in/*.csv > $(CSV_OUT)/lo.log 2>&1 || { cat $(CSV_OUT)/lo.log; exit 1; }
	$(SHEETS_PYTHON) tests/csv/check-formulas.py $(CSV_OUT)/lo \
		$(CSV_OUT)/hostile/json/catalogue.json $(CSV_OUT)/lo/control.xlsx

CHECK_TARGETS += check-csv
