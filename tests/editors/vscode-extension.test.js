// vscode-extension.test.js - editors/vscode loads as a VS Code extension.
//
//   node tests/editors/vscode-extension.test.js
//
// Without VS Code or vsce (neither is in Debian), the manifest is held to
// the rules they apply when they load or package an extension: vsce's
// validation of name, publisher, version and engines.vscode (the same
// patterns), and VS Code's of the contributions: every file a
// contribution names exists inside the extension's folder and parses, a
// grammar's language is a contributed language and its scopeName is the
// grammar file's own, activation events name a contributed language, the
// pinned vscode-languageclient asks no newer VS Code than engines.vscode
// allows (9.x needs ^1.82.0). Then extension.js is loaded with stand-ins
// for the 'vscode' and 'vscode-languageclient/node' modules, activated and
// deactivated: it must start `jobc lsp` (or the configured program) for
// jobsheet documents, watch .jobsheet files, and stop the client.
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');

const dir = path.join(__dirname, '..', '..', 'editors', 'vscode');
const { check, done } = require('./check');

function readJSON(file, what) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    check(false, `${what} parses as JSON: ${err.message}`);
  }
  return undefined;
}

// A path a contribution names: relative, inside the folder, a file.
function contributed(rel, what) {
  check(typeof rel === 'string' && rel.startsWith('./'), `${what}: a relative path '${rel}'`);
  const abs = path.resolve(dir, rel);
  check(abs.startsWith(dir + path.sep), `${what}: inside the extension's folder`);
  check(fs.existsSync(abs) && fs.statSync(abs).isFile(), `${what}: the file ${rel} exists`);
  return abs;
}

const m = readJSON(path.join(dir, 'package.json'), 'package.json');

// ---- what vsce requires to package it --------------------------------------
const nameRule = /^[a-z0-9][a-z0-9-]*$/i;
check(typeof m.name === 'string' && nameRule.test(m.name) && m.name === m.name.toLowerCase(),
      'name: lower case, letters, digits and dashes');
check(typeof m.publisher === 'string' && nameRule.test(m.publisher), 'publisher: an identifier');
check(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(m.version), 'version: semver');
const engine = m.engines && m.engines.vscode;
check(/^\*$|^(\^|>=)?((\d+)|x)\.((\d+)|x)\.((\d+)|x)(-.*)?$/.test(engine),
      `engines.vscode: a version range VS Code reads ('${engine}')`);

// ---- what VS Code checks when it loads it ----------------------------------
contributed(m.main, 'main');
const languages = (m.contributes && m.contributes.languages) || [];
check(languages.length === 1 && languages[0].id === 'jobsheet', 'one language, jobsheet');
check(JSON.stringify(languages[0].extensions) === '[".jobsheet"]', 'its files are .jobsheet');
const config = readJSON(contributed(languages[0].configuration, 'language configuration'),
                       'language-configuration.json');
check(config.comments.lineComment === '#', 'comments start with #');
const grammars = m.contributes.grammars || [];
check(grammars.length === 1 && grammars[0].language === 'jobsheet', 'one grammar, of jobsheet');
const grammarFile = contributed(grammars[0].path, 'grammar');
const grammar = readJSON(grammarFile, 'the grammar');
check(grammars[0].scopeName === 'source.jobsheet' && grammar.scopeName === grammars[0].scopeName,
      'the grammar is source.jobsheet, in the manifest and in the file');
check(fs.realpathSync(grammarFile) ===
      path.join(__dirname, '..', '..', 'editors', 'jobsheet.tmLanguage.json'),
      'the grammar is editors/jobsheet.tmLanguage.json itself');
for (const event of m.activationEvents || []) {
  const [kind, arg] = event.split(':');
  check(kind !== 'onLanguage' || languages.some((l) => l.id === arg),
        `activation event ${event} names a contributed language`);
}
const props = m.contributes.configuration.properties;
check(props['jobsheet.server.path'].type === 'string' &&
      props['jobsheet.server.path'].default === 'jobc', 'the server program setting');
const client = m.dependencies && m.dependencies['vscode-languageclient'];
check(/^9\.\d+\.\d+$/.test(client) && engine === '^1.82.0',
      'vscode-languageclient 9 pinned, which needs VS Code ^1.82.0');

// ---- extension.js, activated with stand-ins --------------------------------
const made = [];
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: (section) => ({
        get: (key, fallback) => (section === 'jobsheet' && key === 'server.path' ? '/opt/jobc' : fallback),
      }),
      createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
    },
  },
  'vscode-languageclient/node': {
    LanguageClient: class {
      constructor(id, name, serverOptions, clientOptions) {
        Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
        made.push(this);
      }
      start() { this.started = true; return Promise.resolve(); }
      stop() { this.stopped = true; return Promise.resolve(); }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return Object.prototype.hasOwnProperty.call(stubs, request) ? stubs[request] : load.apply(this, arguments);
};
const ext = require(path.join(dir, m.main));
Module._load = load;
check(typeof ext.activate === 'function' && typeof ext.deactivate === 'function',
      'extension.js exports activate and deactivate');
const context = { subscriptions: [] };
Promise.resolve(ext.activate(context)).then(() => {
  check(made.length === 1, 'one language client');
  const c = made[0];
  check(c.serverOptions.run.command === '/opt/jobc' &&
        JSON.stringify(c.serverOptions.run.args) === '["lsp"]',
        'the client runs `<jobsheet.server.path> lsp`');
  check(JSON.stringify(c.clientOptions.documentSelector) ===
        '[{"scheme":"file","language":"jobsheet"}]', 'for jobsheet files');
  check(c.clientOptions.synchronize.fileEvents.glob === '**/*.jobsheet' &&
        context.subscriptions.length === 1, 'watching .jobsheet files, disposed with the extension');
  check(c.started, 'the client is started');
  return ext.deactivate();
}).then(() => {
  check(made[0].stopped, 'deactivate stops the client');
  done();
});
