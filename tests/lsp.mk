# tests/lsp.mk - `jobc lsp` driven by real clients (docs/EDITORS.md).
#
#   make check-lsp         tests/lsp/protocol.py: a client written for the
#                          test sends every kind of message, malformed ones
#                          too, and checks each answer on the shipped sheets
#   make check-lsp-neovim  Neovim's built-in LSP client (Debian's neovim)
#                          starts the server on a broken sheet and reads
#                          back diagnostics, hover, definition, completion,
#                          and the diagnostics cleared by the fix
#
# Each takes a second or two. Under B=build/san the server is the
# sanitized one, and a leak or error at exit fails the exit-status checks.

CHECK_TARGETS += check-lsp check-lsp-neovim

.PHONY: check-lsp check-lsp-neovim

check-lsp: $(JOBC)
	@$(NEED) python3
	python3 tests/lsp/protocol.py $(JOBC) $(B)/test-out/lsp-protocol

check-lsp-neovim: $(JOBC)
	@$(NEED) python3 neovim
	tests/lsp/neovim.sh $(JOBC) $(B)/test-out/lsp-neovim
