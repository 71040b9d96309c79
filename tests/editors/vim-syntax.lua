-- vim-syntax.lua - editors/vim in Neovim: a .jobsheet file is detected
-- (ftdetect), gets its settings (ftplugin), and its constructs the syntax
-- groups of editors/vim/syntax/jobsheet.vim.
--
--   SAMPLE=DIR/sample.jobsheet nvim --headless -u NONE -i NONE -c 'luafile tests/editors/vim-syntax.lua'
--
-- Exits 0 after 'N passed, 0 failed', or 1 with "FAIL: ..." on stderr.

local checks = 0

local function check(condition, what)
  if not condition then
    io.stderr:write('FAIL: ' .. what .. '\n')
    vim.cmd('cquit 1')
  end
  checks = checks + 1
end

local sample = {
  '# jobc: expect empty-section, empty-list',
  'scale {',
  '    K "Elementary" }',
  'category technological "Tech \\"knowledge\\"" levelled',
  'retired 22 "Network Controller" see 3.5a',
  'sheet 3.3a "Desktop Technician" {  # a "comment"',
  '    family 3',
  '    status revised',
  '    mission { "two',
  '        lines" }',
  '    activities { "Group" { + "Task" = "Other" } }',
  '    technological essential {',
  '        E "Expert \\\\ item."',
  '    }',
  '    behavioural useful { "bad \\n escape" }',
  '}',
}

-- The syntax group at the first match of needle on line n (1-based), at
-- offset `at` into the match.
local function group_at(n, needle, at)
  local col = sample[n]:find(needle, 1, true)
  check(col ~= nil, 'line ' .. n .. ' holds ' .. needle)
  return vim.fn.synIDattr(vim.fn.synID(n, col + (at or 0), 1), 'name')
end

local function run()
  local path = assert(os.getenv('SAMPLE'), 'SAMPLE')
  vim.fn.writefile(sample, path)
  vim.cmd('set runtimepath^=' .. vim.fn.fnameescape(vim.fn.getcwd() .. '/editors/vim'))
  vim.cmd('filetype plugin on')
  vim.cmd('syntax on')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  check(vim.bo.filetype == 'jobsheet', 'the filetype is detected')
  check(vim.bo.commentstring == '# %s', 'the ftplugin sets commentstring')
  local expected = {
    { 1, 'jobc:', 'jobsheetDirective' }, { 1, 'expect', 'jobsheetExpect' },
    { 1, 'empty-list', 'jobsheetWarning' }, { 1, '#', 'jobsheetComment' },
    { 2, 'scale', 'jobsheetDeclaration' }, { 3, 'K', 'jobsheetLevel' },
    { 3, 'Elementary', 'jobsheetString' }, { 2, '{', 'jobsheetBrace' },
    { 4, 'category', 'jobsheetDeclaration' }, { 4, 'technological', 'jobsheetCategory' },
    { 4, '\\"', 'jobsheetEscape' }, { 4, 'levelled', 'jobsheetKeyword' },
    { 5, '22', 'jobsheetNumber' }, { 5, 'see', 'jobsheetKeyword' }, { 5, '3.5a', 'jobsheetCode' },
    { 6, 'sheet', 'jobsheetDeclaration' }, { 6, '3.3a', 'jobsheetCode' },
    { 6, '"comment"', 'jobsheetComment' },
    { 7, 'family', 'jobsheetDeclaration' }, { 7, '3', 'jobsheetNumber' },
    { 8, 'status', 'jobsheetKeyword' }, { 8, 'revised', 'jobsheetValue' },
    { 10, 'lines', 'jobsheetString' },
    { 11, '+', 'jobsheetTrend' }, { 11, '=', 'jobsheetTrend' },
    { 12, 'technological', 'jobsheetCategory' }, { 12, 'essential', 'jobsheetValue' },
    { 13, 'E', 'jobsheetLevel' }, { 13, '\\\\', 'jobsheetEscape' },
    { 15, '\\n', 'jobsheetBadEscape' },
  }
  for _, e in ipairs(expected) do
    local got = group_at(e[1], e[2])
    check(got == e[3], 'line ' .. e[1] .. ' ' .. e[2] .. ': ' .. e[3] .. ', not ' .. got)
  end
  -- Keywords before a string are not levels.
  check(group_at(8, 'status') ~= 'jobsheetLevel', 'a keyword is no level')
  io.stdout:write(checks .. ' passed, 0 failed\n')
  vim.cmd('qa!')
end

local ok, err = pcall(run)
if not ok then
  check(false, tostring(err))
end
