"""protocol.py JOBC WORKDIR - drives `jobc lsp` message by message.

The workspace is a copy of the shipped sheets; a broken sheet is opened
(not on disk), and every answer is checked against what the sheets say:
diagnostics on open with exact UTF-16 ranges, codes and related
information, hover, definition, completion, document symbols, formatting
(jobc fmt's layout as one edit), the fix
clearing the diagnostics, close clearing them for good, malformed messages
answered with JSON-RPC errors while the server goes on, shutdown and exit
with status 0. A second session agrees on UTF-8 positions.

Prints 'N passed, 0 failed' and exits 0, or stops at the first failure."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from broken import BROKEN_TEXT  # noqa: E402
from client import Client, uri  # noqa: E402

JOBC, WORK = sys.argv[1], sys.argv[2]
ROOT = os.path.join(WORK, "workspace")
BROKEN = os.path.join(ROOT, "3.9-broken.jobsheet")
CATALOGUE = os.path.join(ROOT, "catalogue.jobsheet")
DESKTOP = os.path.join(ROOT, "3.3a-desktop-technician.jobsheet")

LINES = BROKEN_TEXT.split("\n")
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print("FAIL: " + what)
        print("0 passed, 1 failed")
        sys.exit(1)
    passed += 1


def utf16(s):
    return len(s.encode("utf-16-le")) // 2


def pos(line, needle, encoding=utf16):
    """The position of needle on a line of the broken sheet."""
    return {"line": line, "character": encoding(LINES[line][:LINES[line].index(needle)])}


def span(line, needle, encoding=utf16):
    start = pos(line, needle, encoding)
    return {"start": start, "end": {"line": line,
                                    "character": start["character"] + encoding(needle)}}


def at(p):
    return {"textDocument": {"uri": uri(BROKEN)}, "position": p}


def start(capabilities):
    c = Client([JOBC, "lsp"])
    r = c.call("initialize", {"processId": os.getpid(), "rootUri": uri(ROOT),
                              "capabilities": capabilities})
    c.notify("initialized", {})
    return c, r


shutil.rmtree(WORK, ignore_errors=True)
shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "..", "sheets"), ROOT)

# ---- the session's start -------------------------------------------------
c = Client([JOBC, "lsp"])
early = c.answer(c.request("textDocument/hover", at({"line": 0, "character": 0})))
check(early["error"]["code"] == -32002, "a request before initialize is refused")
r = c.call("initialize", {"processId": os.getpid(), "rootUri": uri(ROOT),
                          "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown"]}}}})
caps = r["capabilities"]
check(caps["positionEncoding"] == "utf-16", "UTF-16 unless the client offers UTF-8")
check(caps["textDocumentSync"]["change"] == 2 and caps["hoverProvider"]
      and caps["definitionProvider"] and caps["documentSymbolProvider"]
      and "completionProvider" in caps, "the capabilities")
check(caps.get("documentFormattingProvider") is True, "formatting offered")
c.notify("initialized", {})

# ---- diagnostics on open --------------------------------------------------
c.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(BROKEN), "languageId": "jobsheet", "version": 1, "text": BROKEN_TEXT}})
diags = c.diagnostics(uri(BROKEN))
by_message = {d["message"]: d for d in diags}
check(sorted(by_message) == ["unknown level 'k'", "unknown sheet '9.9z'"],
      "the two errors of the broken sheet: %r" % sorted(by_message))
level = by_message["unknown level 'k'"]
check(level["range"] == span(6, "k") and level["severity"] == 1 and level["code"] == "check"
      and level["source"] == "jobc", "the unknown level: range, severity, code")
note = level["relatedInformation"][0]
check(note["message"] == "did you mean 'K'?" and note["location"]["uri"] == uri(CATALOGUE)
      and note["location"]["range"]["start"] == {"line": 12, "character": 4},
      "the note points at the level in the catalogue")
check(by_message["unknown sheet '9.9z'"]["range"] == span(11, "9.9z"),
      "a range after characters outside the BMP counts UTF-16 units")

# ---- hover ---------------------------------------------------------------
hover = c.call("textDocument/hover", at(pos(7, "C")))
check(hover["contents"]["kind"] == "markdown"
      and 'C "Command"' in hover["contents"]["value"]
      and "level 2 of 3" in hover["contents"]["value"], "hover on a level: %r" % hover)
check(hover["range"] == span(7, "C"), "hover's range is the word")
hover = c.call("textDocument/hover", at(pos(2, "3")))
check('family 3 "Production and operation jobs"' in hover["contents"]["value"]
      and "3.3a" in hover["contents"]["value"], "hover on a family")
hover = c.call("textDocument/hover", at(pos(5, "technological")))
check('category technological "Technological knowledge" levelled' in hover["contents"]["value"],
      "hover on a category")
hover = c.call("textDocument/hover", at(pos(12, "3.3a")))
check('sheet 3.3a "Desktop Technician"' in hover["contents"]["value"],
      "hover on a sheet code after see, past characters outside the BMP")
check(c.call("textDocument/hover", at(pos(6, "Elementary"))) is None,
      "no hover inside a string")

# ---- definition ----------------------------------------------------------
d = c.call("textDocument/definition", at(pos(5, "technological")))
check(d == {"uri": uri(CATALOGUE), "range": {"start": {"line": 20, "character": 9},
                                             "end": {"line": 20, "character": 22}}},
      "definition of a category: %r" % d)
d = c.call("textDocument/definition", at(pos(7, "C")))
check(d["uri"] == uri(CATALOGUE) and d["range"]["start"] == {"line": 13, "character": 4},
      "definition of a level")
d = c.call("textDocument/definition", at(pos(12, "3.3a")))
check(d == {"uri": uri(DESKTOP), "range": {"start": {"line": 4, "character": 6},
                                           "end": {"line": 4, "character": 10}}},
      "definition of the sheet after see")
d = c.call("textDocument/definition", at(pos(2, "3")))
check(d["uri"] == uri(CATALOGUE) and d["range"]["start"]["line"] == 27, "definition of a family")

# ---- completion ----------------------------------------------------------


def labels(p):
    return [i["label"] for i in c.call("textDocument/completion", at(p))["items"]]


check(labels({"line": 7, "character": 8}) == ["K", "C", "E"],
      "levels, lowest first, at the start of an item of a levelled category")
check(labels(pos(2, "3")) == ["1", "2", "3", "4", "5", "6"], "families after 'family'")
sections = labels({"line": 3, "character": 4})
check(sections[:8] == ["family", "status", "replaces", "aka", "mission", "activities",
                       "career", "trends"]
      and "technological" in sections and "behavioural" in sections,
      "section keywords and categories where a section starts: %r" % sections)
check(labels({"line": 0, "character": 5}) == [], "nothing in a comment")
check(labels({"line": 6, "character": 12}) == [], "nothing in a string")
after_see = labels({"line": 12, "character": utf16(LINES[12][:LINES[12].index("3.3a")])})
check("3.3a" in after_see and "3.9" in after_see and len(after_see) == 31,
      "every sheet code after 'see': %d" % len(after_see))
check(labels({"line": 4, "character": 27}) == ["+", "=", "-", "\u2197", "\u2198", "intro"],
      "trend marks where a task starts")
check(labels({"line": 10, "character": 1}) == ["sheet", "catalogue", "scale", "category",
                                                "family", "retired"],
      "declarations at the top")

# ---- document symbols ----------------------------------------------------
symbols = c.call("textDocument/documentSymbol", {"textDocument": {"uri": uri(BROKEN)}})
check([s["name"] for s in symbols] == ["3.9", "retired 99", "retired 98"],
      "the declarations: %r" % [s["name"] for s in symbols])
sheet = symbols[0]
check(sheet["detail"] == "Op\u00e9rateur \U0001d4b3"
      and sheet["range"] == {"start": {"line": 1, "character": 0},
                             "end": {"line": 10, "character": 1}},
      "the sheet runs from 'sheet' to its closing brace")
check([s["name"] for s in sheet["children"]] == ["family", "mission", "activities",
                                                 "technological essential", "career"],
      "the sheet's sections in order")
check(sheet["children"][2]["children"][0]["name"] == "Group", "the activities' groups")
symbols = c.call("textDocument/documentSymbol", {"textDocument": {"uri": uri(CATALOGUE)}})
check([s["name"] for s in symbols][:5] == ["catalogue", "scale", "technological", "general",
                                           "behavioural"]
      and [s["name"] for s in symbols[1]["children"]] == ["K", "C", "E"],
      "the catalogue's declarations")

# ---- formatting ----------------------------------------------------------


def formatting(path):
    return c.call("textDocument/formatting", {"textDocument": {"uri": uri(path)},
                                              "options": {"tabSize": 4, "insertSpaces": True}})


laid_out = subprocess.run([JOBC, "fmt", "-"], input=BROKEN_TEXT.encode("utf-8"),
                          stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
edits = formatting(BROKEN)
check(edits == [{"range": {"start": {"line": 0, "character": 0},
                           "end": {"line": len(LINES) - 1, "character": 0}},
                 "newText": laid_out}] and '    mission {\n        "Operates."\n    }\n' in laid_out,
      "formatting: one edit, the whole text in jobc fmt's layout: %r" % edits)
check(formatting(CATALOGUE) == [], "formatting a file in the layout: no edit")

# ---- changes -------------------------------------------------------------
c.notify("textDocument/didChange", {"textDocument": {"uri": uri(BROKEN), "version": 2},
                                    "contentChanges": [{"range": span(6, "k"), "text": "K"}]})
diags = c.diagnostics(uri(BROKEN))
check([d["message"] for d in diags] == ["unknown sheet '9.9z'"], "one error fixed, one left")
c.notify("textDocument/didChange", {"textDocument": {"uri": uri(BROKEN), "version": 3},
                                    "contentChanges": [{"range": span(11, "9.9z"), "text": "3.1"}]})
check(c.diagnostics(uri(BROKEN)) == [], "the diagnostics clear once fixed")
# A change in another file shows in this one: the catalogue loses its scale.
c.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(CATALOGUE), "languageId": "jobsheet", "version": 1,
    "text": open(CATALOGUE, encoding="utf-8").read()}})
c.notify("textDocument/didChange", {"textDocument": {"uri": uri(CATALOGUE), "version": 2},
                                    "contentChanges": [{"range": {"start": {"line": 13, "character": 4},
                                                                  "end": {"line": 13, "character": 5}},
                                                        "text": "X"}]})
diags = c.diagnostics(uri(BROKEN), lambda d: d != [])
check([d["message"] for d in diags] == ["unknown level 'C'; expected one of K, X, E"],
      "a change elsewhere re-checks here")
c.notify("textDocument/didChange", {"textDocument": {"uri": uri(CATALOGUE), "version": 3},
                                    "contentChanges": [{"text": open(CATALOGUE, encoding="utf-8").read()}]})
check(c.diagnostics(uri(BROKEN)) == [], "a whole-text change")
c.notify("textDocument/didClose", {"textDocument": {"uri": uri(CATALOGUE)}})

# A file that does not parse gives diagnostics, not a crash.
garbage = os.path.join(ROOT, "garbage.jobsheet")
c.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(garbage), "languageId": "jobsheet", "version": 1,
    "text": "sheet {{{ \u0000 \"unterminated \\q\n}}}}}} \u00e9\u00e9 @@"}})
messages = [d["message"] for d in c.diagnostics(uri(garbage))]
check("NUL byte in input" in messages and "missing '\"' at the end of this string" in messages,
      "a file that does not parse: %r" % messages)
check(formatting(garbage) == [], "formatting a file that does not parse: no edit")
c.notify("textDocument/didClose", {"textDocument": {"uri": uri(garbage)}})
check(c.diagnostics(uri(garbage)) == [], "closing a file that is not on disk clears it")

# ---- malformed messages: answered, and the server goes on -----------------
c.send_raw(b"{oops")
m = c.wait(lambda m: "error" in m and m.get("id", 0) is None, "the parse error")
check(m["error"]["code"] == -32700, "text that is not JSON: a parse error")
c.send_raw(b"[1, 2]")
m = c.wait(lambda m: "error" in m and m.get("id", 0) is None, "the invalid request")
check(m["error"]["code"] == -32600, "JSON that is no request: invalid request")
c.proc.stdin.write(b"Content-Type: nothing\r\n\r\n")
c.proc.stdin.flush()
m = c.wait(lambda m: "error" in m and m.get("id", 0) is None, "the header error")
check(m["error"]["code"] == -32700, "a header without Content-Length")
m = c.answer(c.request("textDocument/rename", {}))
check(m["error"]["code"] == -32601, "an unknown method")
m = c.answer(c.request("textDocument/hover", {"textDocument": {}}))
check(m["error"]["code"] == -32602, "params a method cannot use")
m = c.answer(c.request("textDocument/hover", at({"line": -1, "character": 0})))
check(m["error"]["code"] == -32602, "a negative position")
c.notify("textDocument/didChange", {"nonsense": True})
check(c.call("textDocument/hover", at(pos(7, "C"))) is not None, "the server goes on")

# ---- the end -------------------------------------------------------------
check(c.call("shutdown") is None, "shutdown answers null")
m = c.answer(c.request("textDocument/hover", at(pos(7, "C"))))
check(m["error"]["code"] == -32600, "requests after shutdown are refused")
c.notify("exit")
check(c.proc.wait(timeout=10) == 0, "exit after shutdown: status 0")

# ---- UTF-8 positions, and exit without shutdown --------------------------
c, r = start({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
check(r["capabilities"]["positionEncoding"] == "utf-8", "UTF-8 when the client offers it")
c.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(BROKEN), "languageId": "jobsheet", "version": 1, "text": BROKEN_TEXT}})
diags = c.diagnostics(uri(BROKEN))
utf8 = lambda s: len(s.encode("utf-8"))  # noqa: E731
check(any(d["range"] == span(11, "9.9z", utf8) for d in diags), "ranges in UTF-8 bytes")
hover = c.call("textDocument/hover", at(pos(12, "3.3a", utf8)))
check("Desktop Technician" in hover["contents"]["value"]
      and hover["contents"]["kind"] == "plaintext", "positions in UTF-8 bytes; plain text")
c.notify("exit")
check(c.proc.wait(timeout=10) == 1, "exit without shutdown: status 1")

print("%d passed, 0 failed" % passed)
