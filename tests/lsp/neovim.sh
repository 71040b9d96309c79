#!/bin/sh
# neovim.sh JOBC WORKDIR - Neovim's built-in LSP client against `jobc lsp`
# (tests/lsp/neovim.lua does the checking). The workspace is a copy of the
# shipped sheets with the broken sheet of tests/lsp/broken.py on disk.
set -eu
jobc=$(realpath "$1")
work=$2
rm -rf "$work"
mkdir -p "$work"
cp -r sheets "$work/workspace"
python3 -c 'import sys; sys.path.insert(0, "tests/lsp"); from broken import BROKEN_TEXT
open(sys.argv[1], "w", encoding="utf-8").write(BROKEN_TEXT)' "$work/workspace/3.9-broken.jobsheet"
# Neovim keeps its state under the work folder; a hang is a failure too.
JOBC=$jobc WORKSPACE=$(realpath "$work/workspace") HOME=$work XDG_STATE_HOME=$work \
	XDG_CACHE_HOME=$work XDG_DATA_HOME=$work \
	timeout 60 nvim --headless -u NONE -i NONE -n -c 'luafile tests/lsp/neovim.lua' 2>&1
