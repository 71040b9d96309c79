// grammar.test.js - the TextMate grammar (editors/jobsheet.tmLanguage.json)
// tokenised by VS Code's own engine: vscode-textmate over vscode-oniguruma,
// as tests/editors/package-lock.json pins them (npm ci; NODE_PATH finds them).
//
//   node tests/editors/grammar.test.js
//
// A sample holding every construct is tokenised, and named pieces of it
// must carry the scopes the grammar promises (keywords, strings with their
// escapes, levels, categories, trend marks, codes, comments, the
// `# jobc: expect` directive). Then every shipped sheet and test catalogue
// is tokenised: no token may be invalid, every string must end where jobc
// says it ends, and each line's state carries into the next (strings that
// span lines). Prints 'N passed, 0 failed'; exits 1 at the first failure.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const top = path.join(__dirname, '..', '..');
const { check, done } = require('./check');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.jobsheet') return null;
      const file = path.join(top, 'editors', 'jobsheet.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.jobsheet');
}

// Every token of text: { line, text, scopes }.
function tokenize(grammar, text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split('\n').forEach((line, n) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      tokens.push({ line: n, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return tokens;
}

const SAMPLE = `# jobc: expect empty-section, empty-list
catalogue "Job Titles" { publisher "Cigref" }
scale {
    K "Elementary knowledge"
}
category technological "Technological \\"knowledge\\"" levelled
retired 22 "Network Controller" see 3.5a
sheet 3.3a "Desktop Technician" {   # a comment, "not a string"
    family 3
    status revised
    replaces 23 "PC Technician"
    mission { "a paragraph
        on two lines" }
    activities {
        + "Installation" {
            = "Initial installation"
            \u2198 "Operations"
        }
    }
    technological essential {
        E "Technical familiarity \\\\ backslash."
    }
    behavioural useful { "Bad \\n escape" }
    career { education "Ed." experience "Ex." }
}`;

// The scope, among a token's, that starts with prefix (or undefined).
function scopeOf(token, prefix) {
  return token.scopes.find((s) => s.startsWith(prefix));
}

function expectToken(tokens, line, text, scope) {
  const t = tokens.find((x) => x.line === line && x.text === text);
  check(t !== undefined, `a token '${text}' on line ${line + 1}`);
  check(scopeOf(t, scope) !== undefined,
        `'${text}' (line ${line + 1}) is ${scope}: ${t.scopes.join(' ')}`);
}

function checkSample(grammar) {
  const tokens = tokenize(grammar, SAMPLE);
  check(tokens.every((t) => t.scopes[0] === 'source.jobsheet'), 'every token is in source.jobsheet');
  const expected = [
    [0, '#', 'punctuation.definition.comment.jobsheet'],
    [0, 'jobc:', 'keyword.control.directive.jobsheet'],
    [0, 'expect', 'keyword.control.directive.expect.jobsheet'],
    [0, 'empty-section', 'constant.other.warning-name.jobsheet'],
    [0, 'empty-list', 'constant.other.warning-name.jobsheet'],
    [1, 'catalogue', 'keyword.declaration.jobsheet'],
    [1, 'Job Titles', 'string.quoted.double.jobsheet'],
    [1, '{', 'punctuation.section.block.begin.jobsheet'],
    [1, 'publisher', 'keyword.other.jobsheet'],
    [1, '}', 'punctuation.section.block.end.jobsheet'],
    [2, 'scale', 'keyword.declaration.jobsheet'],
    [3, 'K', 'constant.other.level.jobsheet'],
    [5, 'category', 'keyword.declaration.jobsheet'],
    [5, 'technological', 'entity.name.type.category.jobsheet'],
    [5, '\\"', 'constant.character.escape.jobsheet'],
    [5, 'levelled', 'keyword.other.jobsheet'],
    [6, 'retired', 'keyword.declaration.jobsheet'],
    [6, '22', 'constant.numeric.integer.jobsheet'],
    [6, 'see', 'keyword.other.jobsheet'],
    [6, '3.5a', 'constant.numeric.code.jobsheet'],
    [7, 'sheet', 'keyword.declaration.jobsheet'],
    [7, '3.3a', 'constant.numeric.code.jobsheet'],
    [7, ' a comment, "not a string"', 'comment.line.number-sign.jobsheet'],
    [8, 'family', 'keyword.declaration.jobsheet'],
    [8, '3', 'constant.numeric.integer.jobsheet'],
    [9, 'status', 'keyword.other.jobsheet'],
    [9, 'revised', 'constant.language.jobsheet'],
    [10, 'replaces', 'keyword.other.jobsheet'],
    [10, '23', 'constant.numeric.integer.jobsheet'],
    [11, 'mission', 'keyword.other.jobsheet'],
    [12, '        on two lines', 'string.quoted.double.jobsheet'],
    [13, 'activities', 'keyword.other.jobsheet'],
    [14, '+', 'keyword.operator.trend.jobsheet'],
    [15, '=', 'keyword.operator.trend.jobsheet'],
    [16, '\u2198', 'keyword.operator.trend.jobsheet'],
    [19, 'technological', 'entity.name.type.category.jobsheet'],
    [19, 'essential', 'keyword.other.importance.jobsheet'],
    [20, 'E', 'constant.other.level.jobsheet'],
    [20, '\\\\', 'constant.character.escape.jobsheet'],
    [22, 'behavioural', 'entity.name.type.category.jobsheet'],
    [22, 'useful', 'keyword.other.importance.jobsheet'],
    [22, '\\n', 'invalid.illegal.escape.jobsheet'],
    [23, 'education', 'keyword.other.jobsheet'],
    [23, 'experience', 'keyword.other.jobsheet'],
  ];
  for (const [line, text, scope] of expected) expectToken(tokens, line, text, scope);
  // Keywords that stand before a string are not levels.
  check(!tokens.some((t) => ['publisher', 'replaces', 'retired', 'education'].includes(t.text) &&
                            scopeOf(t, 'constant.other.level')), 'keywords are never levels');
}

// jobc's strings in a file, as [line, column] of each opening and closing
// quote, found the way the language reads them (no quote in a comment).
function stringQuotes(text) {
  const quotes = [];
  let inString = false, inComment = false, line = 0, col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { line++; col = 0; inComment = false; continue; }
    if (inString && c === '\\') { i++; col += 2; continue; }
    if (!inString && c === '#') inComment = true;
    if (c === '"' && !inComment) { inString = !inString; quotes.push([line, col]); }
    col++;
  }
  return quotes;
}

function checkFile(grammar, file) {
  const text = fs.readFileSync(file, 'utf8');
  const tokens = tokenize(grammar, text);
  const invalid = tokens.find((t) => scopeOf(t, 'invalid'));
  check(!invalid, `${file}: no invalid token (line ${invalid && invalid.line + 1})`);
  // Each quote of jobc's strings is a string's punctuation in the grammar.
  const punct = new Set();
  const offsets = new Map();
  for (const t of tokens) {
    const at = offsets.get(t.line) || 0;
    if (t.text === '"' && scopeOf(t, 'punctuation.definition.string')) punct.add(`${t.line}:${at}`);
    offsets.set(t.line, at + t.text.length);
  }
  const quotes = stringQuotes(text);
  check(quotes.length > 0 && quotes.every(([l, c]) => punct.has(`${l}:${c}`)),
        `${file}: every string opens and closes where jobc reads it (${quotes.length} quotes)`);
}

loadGrammar().then((grammar) => {
  check(grammar !== null, 'the grammar loads');
  checkSample(grammar);
  const dirs = ['sheets', 'tests/good'];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(path.join(top, dir)).sort()) {
      if (name.endsWith('.jobsheet')) checkFile(grammar, path.join(top, dir, name));
    }
  }
  done();
}, (err) => check(false, 'the grammar loads: ' + err));
