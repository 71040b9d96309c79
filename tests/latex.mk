# tests/latex.mk - the LaTeX backend: booklets that compile, read back from the PDF.
#
#   make check-latex        the checks below (part of make check)
#   make booklet            out/booklet.pdf from `make run` output
#   make booklet A5=1       also out/booklet-a5.pdf (A5 pages) and
#                           out/booklet-a5-print.pdf (imposed on A4 to fold and staple)
#
# check-latex compiles with latexmk/pdfLaTeX the booklet of sheets/, of
# tests/latex/special.jobsheet (every LaTeX special character in every field),
# of tests/codes/ (codes of every shape: file names and labels never collide)
# and of the lead's hostile catalogue when it exists (with the sheet of
# tests/hostile/long-words/, every field one 10,000-character word: it must
# compile in seconds, without an overfull box), and checks each with
# tests/latex/check-pdf.sh: no undefined reference, no missing character, no
# overfull box, a page per sheet at least, and every title and one-line string
# of the sources found in the text of the PDF (pdftotext). The A5 booklet of
# sheets/ and its imposition are built and measured (check-a5.sh); a character
# the fonts lack must be shown as [U+XXXX] and named in the log. PNG renders
# of a family's opening page and of a sheet are left in $(LATEX_OUT)/png/.

LATEX_OUT  = $(B)/test-out/latex
# pdfLaTeX, the LaTeX packages of the style, the TeX Gyre fonts, latexmk and
# pdftotext/pdfinfo/pdftoppm: about 230 MB, against several GB for texlive-full.
# The babel languages of the test catalogues: French (examples/), German
# (tests/codes/).
LATEX_PKGS = texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
             tex-gyre latexmk poppler-utils texlive-lang-french texlive-lang-german
# No shell escape, whatever the site's texmf.cnf allows: the booklet needs none.
LATEXMK    = latexmk -pdf -interaction=nonstopmode -halt-on-error -file-line-error \
             -pdflatex='pdflatex -no-shell-escape %O %S'

LATEX_CATALOGUES = sheets special codes $(notdir $(EXAMPLES)) $(if $(wildcard tests/hostile/*.jobsheet),hostile)
LATEX_FILES_sheets  = sheets/*.jobsheet
LATEX_FILES_special = tests/latex/special.jobsheet
LATEX_FILES_codes   = tests/codes/*.jobsheet
$(foreach e,$(EXAMPLES),$(eval LATEX_FILES_$(notdir $(e)) = $(e)/*.jobsheet))
LATEX_FILES_hostile = tests/hostile/*.jobsheet $(wildcard tests/hostile/long-words/*.jobsheet)
# Options of check-pdf.sh: the test catalogues hold characters the fonts lack.
LATEX_CHECK_special = --allow-missing --expect tests/latex/special.expect
LATEX_CHECK_hostile = --allow-missing
LATEX_CHECK_codes   = --allow-missing

.PHONY: deps-latex booklet

deps-latex:
	@$(NEED) $(LATEX_PKGS)

# $(call latex_make,DIR,DOC): latexmk DOC.tex in DIR, its output kept in
# DIR/DOC.latexmk and shown only if it fails.
latex_make = (cd $(1) && $(LATEXMK) $(2).tex > $(2).latexmk 2>&1) || \
	{ grep -A8 -E '^(!|[^:]*:[0-9]+:)' $(1)/$(2).log >&2 || tail -30 $(1)/$(2).latexmk >&2; exit 1; }

# $(call latex_check,NAME): NAME's booklet compiled and read back.
define latex_check
	$(JOBC) -q -b latex $(LATEX_FILES_$(1)) -o $(LATEX_OUT)/$(1)
	$(call latex_make,$(LATEX_OUT)/$(1)/latex,booklet)
	tests/latex/check-pdf.sh $(LATEX_OUT)/$(1)/latex $(LATEX_CHECK_$(1)) $(LATEX_FILES_$(1))

endef

check-latex: $(JOBC) deps-latex
	rm -rf $(LATEX_OUT)
	$(foreach c,$(LATEX_CATALOGUES),$(call latex_check,$(c)))
	$(call latex_make,$(LATEX_OUT)/sheets/latex,booklet-a5)
	$(call latex_make,$(LATEX_OUT)/sheets/latex,booklet-a5-print)
	tests/latex/check-a5.sh $(LATEX_OUT)/sheets/latex
	tests/latex/render-pages.sh $(LATEX_OUT)/sheets/latex $(LATEX_OUT)/png
	@# A character the fonts lack is shown and named in the log, not lost.
	grep -q 'Character U+4E2D is not in' $(LATEX_OUT)/special/latex/booklet.log
	@# Deterministic: the same sources give byte-identical files.
	$(JOBC) -q -b latex $$(ls -r $(LATEX_FILES_sheets)) -o $(LATEX_OUT)/again
	for f in $(LATEX_OUT)/again/latex/*; do cmp $$f $(LATEX_OUT)/sheets/latex/$${f##*/} || exit 1; done

CHECK_TARGETS += check-latex

booklet: run deps-latex
	$(call latex_make,out/latex,booklet)
	cp out/latex/booklet.pdf out/booklet.pdf
ifneq ($(A5),)
	$(call latex_make,out/latex,booklet-a5)
	$(call latex_make,out/latex,booklet-a5-print)
	cp out/latex/booklet-a5.pdf out/booklet-a5.pdf
	cp out/latex/booklet-a5-print.pdf out/booklet-a5-print.pdf
endif
	@echo "booklet: out/booklet.pdf$(if $(A5), out/booklet-a5.pdf out/booklet-a5-print.pdf)"
