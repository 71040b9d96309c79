/*
 * lsp.h - `jobc lsp`: a Language Server Protocol 3.17 server for editors,
 * over standard input and output (docs/EDITORS.md).
 *
 * The workspace is the folder the client opens: every .jobsheet under it
 * is compiled together, as on the command line, with the open documents'
 * unsaved text in place of their files, and checked again after each
 * change. The server's files, each with one job:
 *
 *   lsp_main.c       the command, the message loop, framing, debouncing
 *   lsp_rpc.c        JSON-RPC: messages, errors, the table of methods,
 *                    initialize and shutdown
 *   lsp_workspace.c  the documents, their changes, and the checks
 *   lsp_publish.c    diagnostic records as textDocument/publishDiagnostics
 *   lsp_location.c   positions (UTF-16 or UTF-8) and file URIs
 *   lsp_query.c      hover and definition: what stands at a position
 *   lsp_complete.c   completion, from the tokens before the cursor
 *   lsp_symbols.c    documentSymbol: the outline of a document
 *   lsp_format.c     formatting: jobc fmt's layout (fmt.h) as one edit
 *
 * lsp_server.h is what they share.
 */
#ifndef JOBC_LSP_H
#define JOBC_LSP_H

/* `jobc lsp [--stdio]`: serves until the client says exit; returns 0 after
 * shutdown and exit, 1 if the client went without shutdown, 2 on a usage
 * error. */
int lsp_main(int argc, char **argv);

#endif
