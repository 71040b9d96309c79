# tests/editors.mk - the editor support of editors/ (docs/EDITORS.md).
#
#   make check-editors   the TextMate grammar tokenised by VS Code's own
#                        engine (vscode-textmate on vscode-oniguruma, pinned
#                        by tests/editors/package-lock.json, installed with
#                        npm ci into the build tree); the VS Code extension's
#                        manifest held to vsce's and VS Code's rules and its
#                        extension.js activated with stand-ins; the Vim
#                        syntax file, ftdetect and ftplugin in Neovim.
#
# A fresh Debian 12 has Node 18 and npm 9 (installed if there is no npm);
# the pinned packages run on it. A few seconds, after the first npm ci.

CHECK_TARGETS += check-editors

.PHONY: check-editors

EDITORS_T   = $(B)/test-out/editors
EDITORS_NPM = $(B)/editors-npm

$(EDITORS_NPM)/node_modules/.package-lock.json: tests/editors/package.json tests/editors/package-lock.json
	@command -v npm >/dev/null 2>&1 || $(NEED) nodejs npm
	rm -rf $(EDITORS_NPM) && mkdir -p $(EDITORS_NPM)
	cp tests/editors/package.json tests/editors/package-lock.json $(EDITORS_NPM)/
	cd $(EDITORS_NPM) && npm ci --ignore-scripts --no-audit --no-fund

check-editors: $(EDITORS_NPM)/node_modules/.package-lock.json
	NODE_PATH=$(EDITORS_NPM)/node_modules node tests/editors/grammar.test.js
	node tests/editors/vscode-extension.test.js
	@$(NEED) neovim
	rm -rf $(EDITORS_T) && mkdir -p $(EDITORS_T)
	SAMPLE=$(EDITORS_T)/sample.jobsheet HOME=$(EDITORS_T) XDG_STATE_HOME=$(EDITORS_T) \
		XDG_DATA_HOME=$(EDITORS_T) timeout 60 nvim --headless -u NONE -i NONE -n \
		-c 'luafile tests/editors/vim-syntax.lua' 2>&1
