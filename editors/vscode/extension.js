// extension.js - starts `jobc lsp` for .jobsheet documents (docs/EDITORS.md).
//
// The server speaks the Language Server Protocol over standard input and
// output; vscode-languageclient is the client. The workspace folder is the
// catalogue: every .jobsheet under it is compiled together, and changes to
// those files on disk are passed on (fileEvents) for the server to re-read.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('jobsheet').get('server.path', 'jobc');
  const server = { command, args: ['lsp'] };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.jobsheet');
  context.subscriptions.push(watcher);
  client = new LanguageClient('jobsheet', 'jobsheet (jobc lsp)', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'jobsheet' }],
    synchronize: { fileEvents: watcher },
  });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
