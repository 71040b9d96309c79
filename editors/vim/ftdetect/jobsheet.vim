" .jobsheet files are jobc's language (docs/EDITORS.md).
autocmd BufNewFile,BufRead *.jobsheet setfiletype jobsheet
