# tests/pdf.mk - the pdf backend: the booklet in one command, without shell
# escape, in a private temporary folder.
#
#   make check-pdf
#
# - jobc -b pdf on the hostile catalogue (its 10,000-character words are
#   check-latex's): pdf/booklet.pdf alone comes out, every string of the sources is found
#   in its text (tests/latex/check-pdf.sh --pdf-only), and the temporary
#   folder (under a TMPDIR of the test's own) is gone;
# - without TeX on PATH: exit status 2, an error naming the Debian
#   packages, nothing written;
# - a booklet LaTeX cannot make (tests/pdf/klingon.jobsheet, a babel
#   language that does not exist): exit status 2, the log's error line as
#   a note, nothing written, no temporary folder left.
# check-examples makes the example's booklet with -b pdf too.

PDF_OUT = $(B)/test-out/pdf
PDF_HOSTILE = tests/hostile/*.jobsheet

.PHONY: check-pdf

check-pdf: $(JOBC) deps-latex
	rm -rf $(PDF_OUT)
	mkdir -p $(PDF_OUT)/tmp
	TMPDIR=$(abspath $(PDF_OUT))/tmp $(JOBC) -q -b pdf $(PDF_HOSTILE) -o $(PDF_OUT)/hostile
	test "$$(cd $(PDF_OUT)/hostile && find . -type f ! -name .jobc-manifest ! -name .jobc-build)" = ./pdf/booklet.pdf
	test -z "$$(ls -A $(PDF_OUT)/tmp)"
	tests/latex/check-pdf.sh $(PDF_OUT)/hostile/pdf --pdf-only --allow-missing $(PDF_HOSTILE)
	PATH=/nonexistent $(abspath $(JOBC)) -b pdf sheets/*.jobsheet -o $(PDF_OUT)/notex \
		2> $(PDF_OUT)/notex.log; test $$? -eq 2
	grep -q 'needs latexmk and pdflatex.*apt-get install latexmk' $(PDF_OUT)/notex.log
	test ! -e $(PDF_OUT)/notex
	TMPDIR=$(abspath $(PDF_OUT))/tmp $(JOBC) -b pdf tests/pdf/klingon.jobsheet \
		-o $(PDF_OUT)/klingon 2> $(PDF_OUT)/klingon.log; test $$? -eq 2
	grep -q "^jobc: error: latexmk could not make the booklet" $(PDF_OUT)/klingon.log
	grep -q "^jobc: note: .*Unknown option 'klingon'" $(PDF_OUT)/klingon.log
	test ! -e $(PDF_OUT)/klingon
	test -z "$$(ls -A $(PDF_OUT)/tmp)"
	@echo "check-pdf: the hostile booklet printed literally; no TeX and a failed build said so, nothing written"

CHECK_TARGETS += check-pdf
