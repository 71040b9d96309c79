" Vim syntax file
" Language:    jobsheet, the job-position sheets of jobc (docs/LANGUAGE.md)
" Maintainer:  the jobc project
" The same constructs as the TextMate grammar (editors/jobsheet.tmLanguage.json).

if exists('b:current_syntax')
  finish
endif

" Keywords: declarations, sections and fields, and the values some take.
syn keyword jobsheetDeclaration catalogue scale category family retired sheet
syn keyword jobsheetKeyword     mission activities career trends status replaces aka list
syn keyword jobsheetKeyword     intro education experience publisher edition previous see levelled
syn keyword jobsheetValue       new revised essential useful

" Codes (3.5a), numbers (41) and trend marks.
syn match jobsheetNumber "\<\d\+\>"
syn match jobsheetCode   "\<\d\+\%(\.\d\+\)\+\l\=\>"
syn match jobsheetTrend  "[-+=]\|↗\|↘"

" A level: a name first on its line, before a string (keywords win over it).
syn match jobsheetLevel    "^\s*\zs\a\w*\ze\s*\""
" A category: declared after `category`, used before an importance.
syn match jobsheetCategory "\%(\<category\s\+\)\@<=\a\w*"
syn match jobsheetCategory "^\s*\zs\a\w*\ze\s\+\%(essential\|useful\)\>"

" Strings span lines; \" and \\ are the only escapes.
syn region jobsheetString start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=jobsheetBadEscape,jobsheetEscape
syn match jobsheetBadEscape +\\.\=+ contained
syn match jobsheetEscape    +\\[\\"]+ contained

" Comments, and the `# jobc: expect NAME` directive.
syn match jobsheetComment   "#.*$" contains=jobsheetDirective
syn match jobsheetDirective "\%(#\s*\)\@<=jobc:" contained nextgroup=jobsheetExpect skipwhite
syn match jobsheetExpect    "expect\>" contained nextgroup=jobsheetWarning skipwhite
syn match jobsheetWarning   "\l[a-z0-9-]*\%([, \t]\+\l[a-z0-9-]*\)*" contained

syn match jobsheetBrace "[{}]"

" Strings span lines: look far enough back to know whether one is open.
syn sync minlines=200

hi def link jobsheetDeclaration Statement
hi def link jobsheetKeyword     Keyword
hi def link jobsheetValue       Constant
hi def link jobsheetNumber      Number
hi def link jobsheetCode        Number
hi def link jobsheetTrend       Operator
hi def link jobsheetLevel       Constant
hi def link jobsheetCategory    Type
hi def link jobsheetString      String
hi def link jobsheetEscape      SpecialChar
hi def link jobsheetBadEscape   Error
hi def link jobsheetComment     Comment
hi def link jobsheetDirective   PreProc
hi def link jobsheetExpect      PreProc
hi def link jobsheetWarning     Identifier
hi def link jobsheetBrace       Delimiter

let b:current_syntax = 'jobsheet'
