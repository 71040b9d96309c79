# tests/xlsx.mk - the xlsx backend: a workbook that holds the tables, read
# back by openpyxl and by LibreOffice.
#
#   make check-xlsx
#
# For sheets/, tests/codes/, the hostile catalogue and the example of
# examples/, under $(B)/test-out/xlsx/: jobc -b json,xlsx, and -b xlsx with
# the files in reverse order, a second later: the same bytes (the workbook's
# dates are fixed). Then LibreOffice opens every workbook at once and writes
# each worksheet as CSV, and tests/xlsx/check-xlsx.py reads each workbook
# with openpyxl (Debian's python3-openpyxl): one worksheet per table, the
# header bold, frozen and filtered, every cell a string or a number holding
# exactly what the JSON output says (tests/csv/tables.py), no formula, the
# hostile catalogue's formula-like texts as written; and LibreOffice's CSV
# of it the same tables.

XLSX_OUT = $(B)/test-out/xlsx
XLSX_LO_FILTER = csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1

.PHONY: check-xlsx

# $(call xlsx_make,NAME): NAME's workbook and JSON, the workbook kept as NAME.xlsx.
define xlsx_make
	$(JOBC) -q -b json,xlsx $(CSV_FILES_$(1)) -o $(XLSX_OUT)/$(1)
	cp $(XLSX_OUT)/$(1)/xlsx/catalogue.xlsx $(XLSX_OUT)/workbooks/$(1).xlsx

endef

# $(call xlsx_again,NAME): the workbook again, files reversed: the same bytes.
define xlsx_again
	$(JOBC) -q -b xlsx $$(ls -r $(CSV_FILES_$(1))) -o $(XLSX_OUT)/again/$(1)
	cmp $(XLSX_OUT)/$(1)/xlsx/catalogue.xlsx $(XLSX_OUT)/again/$(1)/xlsx/catalogue.xlsx

endef

check-xlsx: $(JOBC) deps-spreadsheets
	rm -rf $(XLSX_OUT)
	mkdir -p $(XLSX_OUT)/workbooks
	$(foreach c,$(CSV_CATALOGUES),$(call xlsx_make,$(c)))
	sleep 1
	$(foreach c,$(CSV_CATALOGUES),$(call xlsx_again,$(c)))
	$(LIBREOFFICE) --convert-to '$(XLSX_LO_FILTER)' --outdir $(XLSX_OUT)/lo \
		$(XLSX_OUT)/workbooks/*.xlsx > $(XLSX_OUT)/lo.log 2>&1 || { cat $(XLSX_OUT)/lo.log; exit 1; }
	$(foreach c,$(CSV_CATALOGUES),$(SHEETS_PYTHON) tests/xlsx/check-xlsx.py \
		$(XLSX_OUT)/workbooks/$(c).xlsx $(XLSX_OUT)/$(c)/json/catalogue.json \
		--libreoffice $(XLSX_OUT)/lo &&) true

CHECK_TARGETS += check-xlsx
