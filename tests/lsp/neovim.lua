-- neovim.lua - Neovim's built-in LSP client runs `jobc lsp` on a broken sheet.
--
--   JOBC=build/jobc WORKSPACE=DIR nvim --headless -u NONE -i NONE -c 'luafile tests/lsp/neovim.lua'
--
-- DIR is a copy of the shipped sheets with 3.9-broken.jobsheet in it
-- (tests/lsp/neovim.sh makes it). The client starts the server as an editor
-- would (Neovim 0.7's vim.lsp.start_client, UTF-16 positions), opens the
-- broken sheet and reads back, through its own handlers and conversions:
-- the diagnostics, a hover, a definition, a completion, and the diagnostics
-- gone once the buffer is fixed. Exits 0, or 1 with "FAIL: ..." on stderr.

local jobc = assert(os.getenv('JOBC'), 'JOBC')
local root = assert(os.getenv('WORKSPACE'), 'WORKSPACE')
local checks = 0

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function check(condition, what)
  if not condition then
    fail(what)
  end
  checks = checks + 1
end

-- The result of a request at the cursor, from the one client.
local function request(bufnr, method, params)
  local answers = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
  check(answers ~= nil, method .. ' answered')
  for _, answer in pairs(answers) do
    check(answer.err == nil, method .. ' without error: ' .. vim.inspect(answer.err))
    return answer.result
  end
end

-- Puts the cursor on the first match of pattern (a Vim regex) from the top.
local function cursor_on(pattern)
  vim.fn.cursor(1, 1)
  check(vim.fn.search(pattern, 'c') > 0, 'found ' .. pattern)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/3.9-broken.jobsheet'))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = 'jobc', cmd = { jobc, 'lsp' }, root_dir = root })
  check(client_id ~= nil, 'the client started')
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics, with the columns Neovim made of the server's UTF-16 ones.
  check(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) == 2 end, 20),
        'two diagnostics came: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  local by_message = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    by_message[d.message] = d
  end
  local level = by_message["unknown level 'k'"]
  check(level and level.lnum == 6 and level.col == 8 and
        level.severity == vim.diagnostic.severity.ERROR, "the unknown level 'k'")
  local sheet = by_message["unknown sheet '9.9z'"]
  local line = vim.api.nvim_buf_get_lines(bufnr, 11, 12, true)[1]
  check(sheet and sheet.lnum == 11 and sheet.col == line:find('9.9z', 1, true) - 1,
        "the unknown sheet, past characters outside the BMP: " .. vim.inspect(sheet))

  -- Hover on a level, and on a sheet code past non-ASCII text.
  cursor_on([[^\s*\zsC "]])
  local hover = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params())
  check(hover and hover.contents.value:find('C "Command"', 1, true) and
        hover.contents.value:find('level 2 of 3', 1, true), 'hover on a level')
  cursor_on([[see 3\.3a]])
  vim.cmd('normal! 4l')
  hover = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params())
  check(hover and hover.contents.value:find('Desktop Technician', 1, true),
        'hover on a sheet code: ' .. vim.inspect(hover))

  -- Definition: the category, in the catalogue.
  cursor_on([[technological essential]])
  local def = request(bufnr, 'textDocument/definition', vim.lsp.util.make_position_params())
  check(def and vim.uri_to_fname(def.uri) == root .. '/catalogue.jobsheet' and
        def.range.start.line == 20 and def.range.start.character == 9,
        'definition of a category: ' .. vim.inspect(def))

  -- Completion: the levels of the scale, at the start of an item.
  vim.fn.cursor(8, 9)
  local completion = request(bufnr, 'textDocument/completion', vim.lsp.util.make_position_params())
  local labels = {}
  for _, item in ipairs(completion.items) do
    table.insert(labels, item.label)
  end
  check(table.concat(labels, ' ') == 'K C E', 'levels offered: ' .. table.concat(labels, ' '))

  -- The fix, typed into the buffer: the diagnostics go.
  vim.api.nvim_buf_set_text(bufnr, 6, 8, 6, 9, { 'K' })
  local col = line:find('9.9z', 1, true) - 1
  vim.api.nvim_buf_set_text(bufnr, 11, col, 11, col + 4, { '3.1' })
  check(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20),
        'the diagnostics cleared: ' .. vim.inspect(vim.diagnostic.get(bufnr)))

  vim.lsp.stop_client(client_id)
  check(vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20),
        'the server stopped')
  io.stdout:write(checks .. ' passed, 0 failed\n')
  vim.cmd('qa!')
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
